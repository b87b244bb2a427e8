//! What every document of a run shares, made once: the fonts (with the
//! font programs of each source) and each framework's fingerprint.

use std::collections::BTreeSet;
use std::sync::OnceLock;

use anyhow::{anyhow, Result};

use crate::model::Framework;
use crate::render::pdf::FontSet;

/// The bundled fonts, parsed on first need (or why they could not be).
type Fonts = OnceLock<Result<FontSet, String>>;

/// What every document of a run shares, made once, on first use (a run of
/// workbooks alone never parses the fonts).
#[derive(Debug, Default)]
pub struct Shared {
    /// Per source (framework file and language edition): every character
    /// its documents can print ([`super::repertoire`]) and, on first need,
    /// the fonts with one program per face subset to it. Per source, not per
    /// run, so an edition's PDFs are the same bytes whichever other editions
    /// or frameworks a run also builds.
    sources: Vec<(BTreeSet<char>, Fonts)>,
    /// For a subject outside `sources` (none in a build): fonts whose
    /// documents subset their own programs.
    unshared: Fonts,
    /// Each framework's fingerprint, by the framework's address: the
    /// sources are neither moved nor dropped while a run's `Shared` lives.
    fingerprints: std::sync::Mutex<std::collections::HashMap<usize, std::sync::Arc<str>>>,
}

impl Shared {
    /// What a run's documents share: `repertoires` has each source's
    /// characters, in the order of the run's sources.
    pub fn new(repertoires: Vec<BTreeSet<char>>) -> Shared {
        Shared {
            sources: repertoires
                .into_iter()
                .map(|r| (r, OnceLock::new()))
                .collect(),
            ..Shared::default()
        }
    }

    /// The characters source `source`'s font programs cover: a PDF's bytes
    /// depend on them, so they are among its inputs.
    pub(crate) fn repertoire(&self, source: usize) -> Option<&BTreeSet<char>> {
        self.sources.get(source).map(|(r, _)| r)
    }

    /// `fw`'s fingerprint ([`crate::fingerprint`]), worked out once per run.
    pub(crate) fn fingerprint(&self, fw: &Framework) -> std::sync::Arc<str> {
        let key = std::ptr::from_ref(fw) as usize;
        let mut known = self.fingerprints.lock().unwrap_or_else(|e| e.into_inner());
        known
            .entry(key)
            .or_insert_with(|| crate::fingerprint::fingerprint(fw).into())
            .clone()
    }

    /// The bundled fonts for source `source`'s documents, parsed once.
    pub(crate) fn fonts(&self, source: usize) -> Result<&FontSet> {
        let (cell, repertoire) = match self.sources.get(source) {
            Some((r, cell)) => (cell, Some(r)),
            None => (&self.unshared, None),
        };
        cell.get_or_init(|| {
            FontSet::load()
                .map(|f| match repertoire {
                    Some(r) => f.for_repertoire(r.clone()),
                    None => f,
                })
                .map_err(|e| format!("{e:#}"))
        })
        .as_ref()
        .map_err(|e| anyhow!("cannot load the bundled fonts: {e}"))
    }
}
