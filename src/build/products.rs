//! The products jobpack can build, one table entry each.
//!
//! Wiring a new product is one [`Product`] in [`catalogue`]: how often it is
//! made (per role or per level), what its file is called, and the function that
//! makes its bytes. Planning, parallel running, safe output and the manifest
//! are the same for all.

use anyhow::Result;

use crate::cli::{Paper, ProductKind};
use crate::model::{Framework, Level, Role};
use crate::people::Person;

/// How many files a product makes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Per {
    /// One file per role.
    Role,
    /// One file per level of a role.
    Level,
}

/// Everything one document is made from.
#[derive(Debug, Clone, Copy)]
pub struct Subject<'a> {
    pub framework: &'a Framework,
    pub role: &'a Role,
    /// Set for per-level products.
    pub level: Option<&'a Level>,
    /// Set for a personalised appraisal sheet.
    pub person: Option<&'a Person>,
    pub paper: Paper,
    /// The date documents carry, in seconds since 1970 (see [`Framework::document_epoch`]).
    pub epoch: i64,
}

/// One product: when it is made, its file name, and how it is made.
#[derive(Debug, Clone, Copy)]
pub struct Product {
    pub kind: ProductKind,
    pub per: Per,
    /// The file name from the role's and (for per-level products) the level's
    /// slug. Must be slugs joined with fixed words and an extension.
    pub file_name: fn(role: &str, level: &str) -> String,
    /// Makes the file's bytes. Must be deterministic: same subject, same bytes.
    pub make: fn(&Subject<'_>) -> Result<Vec<u8>>,
    /// Whether `make` accepts a [`Subject::person`] (personalised sheets).
    pub personal: bool,
}

/// The products this build of jobpack can make, in the order they are built
/// and listed.
pub fn catalogue() -> Vec<Product> {
    Vec::new()
}
