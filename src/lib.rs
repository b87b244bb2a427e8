//! jobpack turns a capability framework (roles, levels, skills and skill
//! levels, written in `framework.toml`) into the paperwork people need: PDF job
//! profiles, PDF appraisal sheets and skills-matrix workbooks.
//!
//! Data flows one way:
//!
//! 1. [`load`]: TOML → a validated [`model::Framework`], with located diagnostics;
//! 2. [`compose`]: framework → a format-neutral [`doc::Document`] per product;
//! 3. [`render`]: one PDF renderer lays out, paginates and tags any document;
//!    one workbook writer writes spreadsheets;
//! 4. [`output`]: atomic file output and the run's manifest.
//!
//! The binary (`src/main.rs`) only parses the command line ([`cli`]) and calls
//! [`commands`].

pub mod build;
pub mod cli;
pub mod commands;
pub mod compose;
pub mod doc;
pub mod error;
pub mod load;
pub mod model;
pub mod output;
pub mod people;
pub mod render;
