//! Writing files: safe names, atomic replacement, the manifest.
//!
//! Nothing outside this module joins a name onto the output folder: every
//! path is a [`SafePath`], built from [`slug`]s, and written by [`OutDir`].

mod atomic;
pub(crate) mod earlier;
pub(crate) mod leftovers;
pub(crate) mod manifest;
mod slug;
mod staged;

use std::fmt;
use std::path::{Path, PathBuf};

pub(crate) use atomic::{abandon_unfinished, write_file};
pub use atomic::{create_new, Change, OutDir, TEMP_PREFIX};
pub use manifest::{FileEntry, Issue, Manifest};
pub use slug::{is_safe_component, slug};
pub use staged::Staged;

/// The folder people's sheets (`--people`) go into, inside the framework's
/// folder, beside one folder per role id (so no role may have this id).
pub(crate) const PEOPLE_FOLDER: &str = "appraisals";

/// Lower-case hex SHA-256 of `bytes`, as the manifest records each file.
pub fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::{Digest, Sha256};
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// A path relative to the output folder whose every component passed
/// [`is_safe_component`]: it stays inside the output folder on every platform.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SafePath(Vec<String>);

impl SafePath {
    /// Joins `components` (folders, then the file name), refusing any that is
    /// not a safe component. Callers build components from [`slug`]s, so a
    /// refusal means a bug, reported as an error rather than a panic.
    pub fn new<S: Into<String>>(
        components: impl IntoIterator<Item = S>,
    ) -> Result<SafePath, UnsafeName> {
        let parts: Vec<String> = components.into_iter().map(Into::into).collect();
        if parts.is_empty() {
            return Err(UnsafeName(String::new()));
        }
        match parts.iter().find(|p| !is_safe_component(p)) {
            Some(bad) => Err(UnsafeName(bad.clone())),
            None => Ok(SafePath(parts)),
        }
    }

    /// The last component.
    pub fn file_name(&self) -> &str {
        self.0.last().map(String::as_str).unwrap_or_default()
    }

    /// The path under `root`.
    pub fn under(&self, root: &Path) -> PathBuf {
        let mut path = root.to_path_buf();
        path.extend(&self.0);
        path
    }
}

/// Shown with forward slashes on every platform, as in the manifest.
impl fmt::Display for SafePath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0.join("/"))
    }
}

/// A name that may not be used as part of an output path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnsafeName(pub(crate) String);

impl fmt::Display for UnsafeName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "internal error: unsafe output name {:?}", self.0)
    }
}

impl std::error::Error for UnsafeName {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn safe_paths_refuse_anything_that_could_escape() {
        assert!(SafePath::new(["..", "x.pdf"]).is_err());
        assert!(SafePath::new(["/etc"]).is_err());
        assert!(SafePath::new(Vec::<String>::new()).is_err());
        let p = SafePath::new(["role", "profile-senior.pdf"]).unwrap();
        assert_eq!(p.to_string(), "role/profile-senior.pdf");
        assert_eq!(p.file_name(), "profile-senior.pdf");
        assert_eq!(
            p.under(Path::new("out")),
            Path::new("out").join("role").join("profile-senior.pdf")
        );
    }
}
