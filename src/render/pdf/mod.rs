//! The PDF renderer: lays out, paginates and tags any [`crate::doc::Document`].

pub mod finish;
pub mod tags;
