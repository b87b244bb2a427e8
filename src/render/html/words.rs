//! The fixed words the HTML edition prints itself, in one place until the
//! words catalogue (`src/words/`) can hold them per language.

/// Accessible name of the breadcrumb navigation at the top of a page.
pub const BREADCRUMB: &str = "Where this page is";
/// Accessible name of the navigation to the same document in other formats.
pub const OTHER_FORMATS: &str = "This document in other formats";
/// Before the links to the same document in other formats.
pub const ALSO_AS: &str = "Also as:";
