//! The appraisal sheet (issue 5): its composition and its rendered PDF.

mod fixture;
mod rendered;
mod structure;
