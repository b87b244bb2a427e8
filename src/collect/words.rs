//! Which entries of the words catalogue (`src/words/`, `collect.*` and shared
//! entries) the results print, in one place; and the one fixed name the
//! sheets use that is not words at all.

use crate::words::Key;

/// The export value of "Not yet demonstrated" on the sheets (a PDF name):
/// an identifier like the rungs' ids, the same in every language.
pub(crate) const NOT_YET_ID: &str = "not-yet";

/// The Results table's column headers, in order (the CSV's header row too).
pub(crate) const RESULT_COLUMNS: [Key; 14] = [
    Key::CollectPerson,
    Key::Reviewer,
    Key::ReviewPeriod,
    Key::DateOfReview,
    Key::Role,
    Key::Level,
    Key::Skill,
    Key::BookExpectedLevel,
    Key::BookSelfAssessment,
    Key::BookReviewerAssessment,
    Key::BookAgreedLevel,
    Key::BookGap,
    Key::BookEvidence,
    Key::CollectFile,
];

/// The Skipped table's column headers.
pub(crate) const SKIPPED_COLUMNS: [Key; 3] =
    [Key::CollectFile, Key::CollectField, Key::CollectProblem];
