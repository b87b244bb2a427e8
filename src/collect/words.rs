//! The fixed words the results workbook and CSV print, kept together so they
//! move easily into the words catalogue (`src/words/`) once it lands.

/// The export value of "Not yet demonstrated" on the sheets (a PDF name).
pub const NOT_YET_ID: &str = "not-yet";

/// The Results sheet's name and title.
pub const RESULTS_SHEET: &str = "Results";
/// The Results sheet's title in A1.
pub const RESULTS_TITLE: &str = "Appraisal results";
/// The Team sheet's name.
pub const TEAM_SHEET: &str = "Team";
/// The Team sheet's title in A1.
pub const TEAM_TITLE: &str = "The team's skills";
/// The Team chart sheet's name.
pub const CHART_SHEET: &str = "Team chart";
/// The Team chart sheet's title in A1, and the chart's.
pub const CHART_TITLE: &str = "People at each agreed skill level, per skill";
/// The Skipped sheet's name.
pub const SKIPPED_SHEET: &str = "Skipped";
/// The Skipped sheet's title in A1.
pub const SKIPPED_TITLE: &str = "Sheets that could not be collected";

/// The Results table's column headers, in order (the CSV's header row too).
pub const RESULT_COLUMNS: [&str; 14] = [
    "Person",
    "Reviewer",
    "Review period",
    "Review date",
    "Role",
    "Level",
    "Skill",
    "Expected level",
    "Self-assessment",
    "Reviewer's assessment",
    "Agreed level",
    "Gap",
    "Evidence and comments",
    "Sheet",
];

/// The agreed level below the level's expectation ("Not yet demonstrated" included).
pub const GAP_BELOW: &str = "Below expected";
/// The agreed level is the expected one.
pub const GAP_MEETS: &str = "Meets expected";
/// The agreed level is above the expected one.
pub const GAP_ABOVE: &str = "Above expected";

/// The Team table's first column.
pub const TEAM_SKILL: &str = "Skill";
/// How many people were assessed on the skill.
pub const TEAM_ASSESSED: &str = "People assessed";
/// How many are below their level's expectation.
pub const TEAM_BELOW: &str = "Below expected";
/// How many are at or above it.
pub const TEAM_AT_OR_ABOVE: &str = "At or above expected";
/// The one person who holds the skill at or above expected, when only one does.
pub const TEAM_ONLY_ONE: &str = "Held by one person only";

/// The Skipped table's columns.
pub const SKIPPED_COLUMNS: [&str; 3] = ["Sheet", "Field", "Problem"];
