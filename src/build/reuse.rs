//! Leaving a file alone without making it again when nothing it is made
//! from has changed.
//!
//! Writing already skips a file whose new bytes equal the old, but making
//! the bytes (laying out and painting a PDF, zipping a workbook) is most of
//! a build. So each product says, before making its bytes, what they are
//! made from: a [`Recipe`] holds those inputs, hashed, and the function that
//! makes the bytes from them. The run hashes the recipe's inputs together
//! with everything else that decides the bytes ([`input_sha256`]): this
//! program itself, the file's path and product, the settings. The manifest
//! records that hash per file ([`crate::output::FileEntry::input_sha256`]);
//! the next run that finds the same hash for a file, and the file still
//! exactly as recorded, skips making it.
//!
//! Safety rests on two things. The program's own bytes are part of every
//! hash, so a jobpack with any change at all (a renderer fix, other fonts or
//! words, another compiler) makes everything again; the version number alone
//! would not do, as a build from a work-in-progress tree keeps it. And a
//! product's inputs are what its bytes are made from, not a summary of them:
//! the composed document, format-neutral, with the options handed to its
//! renderer; for workbooks, the framework cut down to the one role the
//! workbook is about. Renderers read nothing else but what the program
//! carries (fonts, colour profile, words catalogues).
//!
//! Inputs are hashed through their `Debug` text, which names every field and
//! quotes every string, so two different inputs never read the same. Each
//! input ends with a byte no `Debug` text holds (0xFF is never UTF-8).

use std::collections::HashMap;
use std::fmt::{self, Debug, Write as _};
use std::io::Read;
use std::path::Path;
use std::sync::OnceLock;

use anyhow::Result;
use sha2::{Digest, Sha256};

use super::{Job, Made, Settings, Written};
use crate::output::earlier::{self, OnDisk, Recorded};

/// A document ready to be made: a hash of everything it is made from (the
/// document as composed, the renderer's options), and the function that
/// makes its bytes from them.
pub struct Recipe<'a> {
    inputs: [u8; 32],
    make: Box<dyn FnOnce() -> Result<Made> + 'a>,
}

impl<'a> Recipe<'a> {
    /// Starts a recipe from everything its bytes will be made from; finish
    /// it with [`Inputs::made_by`].
    pub fn inputs(inputs: &[&dyn Debug]) -> Inputs {
        let mut hasher = Hashing(Sha256::new());
        for input in inputs {
            hasher.add(input);
        }
        Inputs(hasher.0.finalize().into())
    }

    /// Makes the document's bytes.
    pub fn make(self) -> Result<Made> {
        (self.make)()
    }
}

/// The hash of a recipe's inputs (see [`Recipe::inputs`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Inputs([u8; 32]);

impl Inputs {
    /// The recipe that makes the bytes with `make`, which must read nothing
    /// but the inputs hashed and what the program itself carries: anything
    /// else that changes its bytes must be among the inputs, or a rebuild
    /// would keep a stale file.
    pub fn made_by<'a>(self, make: impl FnOnce() -> Result<Made> + 'a) -> Recipe<'a> {
        Recipe {
            inputs: self.0,
            make: Box::new(make),
        }
    }
}

impl Debug for Recipe<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Recipe")
            .field("inputs", &hex(&self.inputs))
            .finish_non_exhaustive()
    }
}

/// A SHA-256 fed with `Debug` text as it is written, never held whole.
struct Hashing(Sha256);

impl Hashing {
    fn add(&mut self, input: &dyn Debug) {
        // Writing to a hasher cannot fail.
        let _ = write!(self, "{input:?}");
        self.0.update([0xFF]);
    }
}

impl fmt::Write for Hashing {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        self.0.update(s.as_bytes());
        Ok(())
    }
}

/// The hash of everything `job`'s file is made from: this program, the
/// job's path and product, the settings and the recipe's own inputs. `None`
/// when the program cannot read itself: then nothing is ever skipped.
pub(crate) fn input_sha256(job: &Job, settings: Settings, recipe: &Recipe<'_>) -> Option<String> {
    let program = program()?;
    let mut hasher = Hashing(Sha256::new());
    hasher.add(&"jobpack inputs 1");
    hasher.add(&program);
    hasher.add(&job.path.to_string());
    hasher.add(&job.kind);
    hasher.add(&settings);
    hasher.add(&hex(&recipe.inputs));
    Some(hex(&hasher.0.finalize()))
}

/// What an earlier run in the output folder recorded of the files it made,
/// by path: the files that may be left alone.
#[derive(Debug, Default)]
pub(crate) struct Earlier(HashMap<String, Recorded>);

impl Earlier {
    /// Read from the manifest in `root`. A manifest that is missing, cannot
    /// be read or is not one of jobpack's gives nothing to leave alone, and
    /// every file is made (the manifest is replaced, with a warning, when
    /// the run ends: see [`crate::output::leftovers::settle`]).
    pub(crate) fn read(root: &Path) -> Earlier {
        let recorded = earlier::recorded_in(root).unwrap_or_default();
        Earlier(
            recorded
                .into_iter()
                .filter(|r| r.input_sha256.is_some())
                .map(|r| (r.path.clone(), r))
                .collect(),
        )
    }

    /// The file at `path` as an earlier run made it from `input_sha256`, if
    /// it did and the file is still exactly as written.
    pub(crate) fn reusable(&self, root: &Path, path: &str, input_sha256: &str) -> Option<Written> {
        let recorded = self.0.get(path)?;
        if recorded.input_sha256.as_deref() != Some(input_sha256) {
            return None;
        }
        match earlier::on_disk(root, recorded) {
            OnDisk::AsWritten(bytes) => Some(Written {
                unchanged: true,
                reused: true,
                input_sha256: Some(input_sha256.to_string()),
                bytes,
                sha256: recorded.sha256.clone(),
                warnings: recorded.warnings.clone(),
            }),
            OnDisk::Missing | OnDisk::Changed => None,
        }
    }
}

/// Lower-case hex SHA-256 of the running program's own file, read once per
/// process. On Linux through `/proc/self/exe`, which is the very file being
/// run even if another build has since replaced it under its name; elsewhere
/// the file at the program's path.
fn program() -> Option<&'static str> {
    static PROGRAM: OnceLock<Option<String>> = OnceLock::new();
    PROGRAM
        .get_or_init(|| {
            let path = if cfg!(target_os = "linux") {
                std::path::PathBuf::from("/proc/self/exe")
            } else {
                std::env::current_exe().ok()?
            };
            let mut file = std::fs::File::open(path).ok()?;
            let mut hasher = Sha256::new();
            let mut buffer = vec![0; 1 << 16];
            loop {
                match file.read(&mut buffer) {
                    Ok(0) => break,
                    Ok(n) => hasher.update(&buffer[..n]),
                    Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                    Err(_) => return None,
                }
            }
            Some(hex(&hasher.finalize()))
        })
        .as_deref()
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn inputs(values: &[&dyn Debug]) -> String {
        hex(&Recipe::inputs(values).0)
    }

    #[test]
    fn inputs_are_told_apart_where_their_text_could_run_together() {
        assert_ne!(inputs(&[&"ab", &"c"]), inputs(&[&"a", &"bc"]));
        assert_ne!(inputs(&[&Some(1)]), inputs(&[&Some(2)]));
        assert_eq!(inputs(&[&"ab", &1.5f32]), inputs(&[&"ab", &1.5f32]));
    }

    #[test]
    fn the_program_can_read_itself() {
        assert_eq!(program().map(str::len), Some(64));
    }
}
