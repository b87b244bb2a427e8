//! Composers: framework → format-neutral [`crate::doc::Document`]s, one per product.

pub mod appraisal;
pub mod profile;
