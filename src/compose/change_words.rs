//! Fixed words of the change report (English only), kept together so they
//! move easily into the words catalogue (`src/words/`).

/// Title of the change report.
pub const REPORT_TITLE: &str = "What changed in the framework";
/// Heading of the report's summary section.
pub const SUMMARY: &str = "Summary";
/// Heading of the skills catalogue section.
pub const SKILLS: &str = "Skills";
/// Heading of the section of documents to re-issue.
pub const REISSUE: &str = "Documents to re-issue";
/// Said when the two frameworks agree.
pub const NO_CHANGES: &str = "The two frameworks agree: nothing needs re-issuing.";
/// Column headers of a change table.
pub const COL_WHAT: &str = "What";
/// Column header: the old version.
pub const COL_BEFORE: &str = "Before";
/// Column header: the new version.
pub const COL_AFTER: &str = "After";
/// Column header: the documents of a role level.
pub const COL_LEVEL: &str = "Role level";
/// Column header: the files to re-issue.
pub const COL_DOCUMENTS: &str = "Documents";
/// Said in a cell for something that was not there.
pub const ABSENT: &str = "Not listed";

/// Says how the change tables read.
pub const HOW_TO_READ: &str =
    "Tables give each changed text before and after; the words that changed are in bold.";
/// Heading of the framework's own changes.
pub const FRAMEWORK: &str = "The framework";
/// Summary of the framework facts table.
pub const FRAMEWORK_FACTS: &str = "Framework facts that changed";
/// Before a new level's name.
pub const NEW_LEVEL: &str = "New level: ";
/// Before a removed level's name.
pub const GONE_LEVEL: &str = "Level no longer in the framework: ";
/// Said when a role's levels moved.
pub const LEVELS_REORDERED: &str = "The levels come in another order.";
/// Said when the roles moved.
pub const ROLES_REORDERED: &str = "The roles come in another order.";
/// What to do with a new role's documents.
pub const ISSUE_ALL: &str = "Issue all of its documents.";
/// What to do with a removed role's documents.
pub const WITHDRAW: &str = "Withdraw its documents.";
/// Before a new skill's name.
pub const NEW_SKILL: &str = "New skill: ";
/// Before a removed skill's name.
pub const GONE_SKILL: &str = "Skill no longer in the framework: ";
/// Summary of the catalogue's text table.
pub const CATALOGUE_TEXTS: &str = "Texts of the skills catalogue that changed";
/// Column header: a skill.
pub const COL_SKILL: &str = "Skill";
/// Column header: the old skill level.
pub const COL_RUNG_BEFORE: &str = "Skill level before";
/// Column header: the new skill level.
pub const COL_RUNG_AFTER: &str = "Skill level after";
/// Said when no role level's documents change.
pub const NOTHING_TO_REISSUE: &str = "No role level's documents change.";
/// Summary of the re-issue table.
pub const REISSUE_SUMMARY: &str =
    "Role levels whose documents need re-issuing, with the files of the pack";
/// A keyword of the report's metadata.
pub const KEYWORD: &str = "change report";

/// What the summary counts, singular and plural, in its order.
pub const COUNTS: [(&str, &str); 7] = [
    ("skill added", "skills added"),
    ("skill removed", "skills removed"),
    ("skill renamed", "skills renamed"),
    ("skill text changed", "skill texts changed"),
    ("role level changed", "role levels changed"),
    ("role added", "roles added"),
    ("role removed", "roles removed"),
];

/// Summary of a role's text table.
pub fn role_texts(role: &str) -> String {
    format!("Texts of the role {role} that changed")
}
/// Summary of a level's text table.
pub fn level_texts(level: &str) -> String {
    format!("Texts of {level} that changed")
}
/// A reason a level's documents change.
pub fn also(reason: &str) -> String {
    format!("Also changed: {reason}.")
}
/// A changed role's heading.
pub fn role_heading(role: &str) -> String {
    format!("Role: {role}")
}
/// A new role's heading.
pub fn new_role(role: &str) -> String {
    format!("New role: {role}")
}
/// A removed role's heading.
pub fn gone_role(role: &str) -> String {
    format!("Role no longer in the framework: {role}")
}
/// A renamed skill.
pub fn renamed(old: &str, new: &str, agreement: f64) -> String {
    format!(
        "{old} is now called {new} (their descriptors agree {:.0}%)",
        agreement * 100.0
    )
}
/// Summary of a level's skill-level table.
pub fn rung_summary(level: &str) -> String {
    format!("Skill levels of {level} that changed")
}
/// The report's lead: which editions it compares.
pub fn compared(old: &str, new: &str) -> String {
    format!("{old} compared with {new}.")
}
/// The report's subject.
pub fn subject(old: &str, new: &str) -> String {
    format!("Changes from {old} to {new}")
}
/// A version label after a framework's name.
pub fn version(v: &str) -> String {
    format!(", version {v}")
}
