//! Print-grade pages (issue #11): the page breaker's figures on frameworks
//! shaped like real ones, and the cases the issue lists.

#[path = "build_support/generate.rs"]
mod generate;

mod pages {
    pub mod cases;
    pub mod dates;
    pub mod figures;
    pub mod targets;
    pub mod workbooks;
}
