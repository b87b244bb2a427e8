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
//!
//! # Example
//!
//! The whole pipeline for one level of one role, as the `build` command runs it:
//!
//! ```
//! use std::path::Path;
//! use jobpack::{compose, load, render, render::Paper};
//!
//! let toml = r#"
//! [framework]
//! name = "Example framework"
//! publisher = "Example publisher"
//! published = 2026-01-31
//!
//! [[scale]]
//! id = "working"
//! name = "Working"
//!
//! [[skills]]
//! id = "testing"
//! name = "Testing"
//! [skills.descriptors]
//! working = "You can execute test scripts under supervision."
//!
//! [[roles]]
//! id = "tester"
//! name = "Tester"
//! summary = "A tester checks that services work."
//!
//! [[roles.levels]]
//! id = "tester"
//! name = "Tester"
//! summary = "You test things."
//! [roles.levels.requirements]
//! testing = "working"
//! "#;
//! let loaded = load::load_str(toml, Path::new("example.toml")).expect("a valid framework");
//! let fw = &loaded.framework;
//! let epoch = fw.document_epoch(None);
//!
//! // A job profile: compose a format-neutral document, then lay it out as a tagged PDF/A.
//! let doc = compose::profile::profile(fw, 0, 0, epoch)?;
//! let fonts = render::pdf::FontSet::load()?;
//! let options = render::pdf::PdfOptions { paper: Paper::A4, accent: None };
//! let pdf = render::pdf::render(&doc, &options, &fonts)?;
//! assert!(pdf.bytes.starts_with(b"%PDF-1.7"));
//! assert_eq!(pdf.page_count, 1);
//!
//! // The skills-matrix workbook for the same role.
//! let xlsx = render::xlsx::role_workbook(fw, 0, epoch)?;
//! assert!(xlsx.starts_with(b"PK"));
//! # Ok::<(), anyhow::Error>(())
//! ```

// Every public item says what it is for; CI runs clippy with -D warnings.
#![warn(missing_docs)]

pub mod build;
pub mod cli;
pub(crate) mod collect;
pub mod commands;
pub mod compose;
pub mod console;
pub(crate) mod diff;
pub mod doc;
pub mod error;
pub mod fingerprint;
pub mod import;
pub mod load;
pub mod model;
pub mod output;
pub mod people;
pub mod product;
pub mod render;
pub mod words;

// `use crate::say;` anywhere in the crate.
pub(crate) use words::say;
