//! A short, stable fingerprint of what a framework asks of people, stamped into
//! every appraisal sheet so that `jobpack collect` can tell whether a filled
//! sheet was made from the framework it is given.
//!
//! It covers what an assessment is measured against: the framework's name,
//! version and date, the scale's rungs, and each role level's requirements
//! with the descriptor that applies. It does not cover presentation (branding,
//! attribution, summaries), so changing a logo or a typo in a role summary does
//! not orphan sheets already handed out. The encoding is written out by hand
//! (length-prefixed fields, fixed order) rather than derived from `Debug` or
//! serde, so that it stays the same across jobpack versions for the same
//! framework.

use sha2::{Digest, Sha256};

use crate::model::Framework;

/// Hex digits kept: 64 bits is plenty to tell framework versions apart.
const LEN: usize = 16;

/// The framework's fingerprint: 16 lower-case hex digits.
///
/// # Example
///
/// ```
/// # use std::path::Path;
/// let toml = std::fs::read_to_string("framework.toml").unwrap();
/// let fw = jobpack::load::load_str(&toml, Path::new("framework.toml")).unwrap().framework;
/// let print = jobpack::fingerprint::fingerprint(&fw);
/// assert_eq!(print.len(), 16);
/// assert_eq!(print, jobpack::fingerprint::fingerprint(&fw.clone()));
/// ```
pub fn fingerprint(fw: &Framework) -> String {
    let mut h = Fields(Sha256::new());
    h.put("jobpack-fingerprint-1");
    h.put(&fw.meta.name);
    h.put(fw.meta.version.as_deref().unwrap_or(""));
    h.put(&fw.meta.published.map(|d| d.iso()).unwrap_or_default());
    for rung in &fw.scale {
        h.put("rung");
        h.put(&rung.id);
        h.put(&rung.name);
    }
    for role in &fw.roles {
        h.put("role");
        h.put(&role.id);
        for level in &role.levels {
            h.put("level");
            h.put(&level.id);
            for req in &level.requirements {
                h.put(&fw.skills[req.skill].id);
                h.put(&fw.skills[req.skill].name);
                h.put(&fw.scale[req.level].id);
                h.put(&fw.descriptor(req).to_plain());
            }
        }
    }
    let digest = h.0.finalize();
    digest
        .iter()
        .take(LEN / 2)
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Length-prefixed fields, so that ("ab", "c") and ("a", "bc") differ.
struct Fields(Sha256);

impl Fields {
    fn put(&mut self, s: &str) {
        self.0.update((s.len() as u64).to_le_bytes());
        self.0.update(s.as_bytes());
    }
}
