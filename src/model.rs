//! The validated framework model: what every composer reads.
//!
//! A [`Framework`] is built only by [`crate::load`], which has already checked
//! every cross-reference, so composers may index freely: a [`Requirement`]'s
//! `skill` always names a catalogue entry and its `level` a rung of the scale.
//! Each fact is stored once, as the publisher's download does: a descriptor
//! lives in the skills catalogue under (skill, skill level), and a role level
//! only points at it unless it words that pair differently.

use std::path::PathBuf;

mod tracks;

/// A whole capability framework: its metadata, the skill-level scale, the
/// skills catalogue and the roles.
#[derive(Debug, Clone, PartialEq)]
pub struct Framework {
    /// Facts about the framework as a publication.
    pub meta: Meta,
    /// The ordered skill-level scale, lowest first. A rung's rank is its index.
    pub scale: Vec<SkillLevel>,
    /// Every skill once, in the framework's order.
    pub skills: Vec<Skill>,
    /// The roles, in the framework's order.
    pub roles: Vec<Role>,
    /// Optional organisation branding.
    pub branding: Branding,
    /// The fixed words documents print, in the framework's language, with
    /// the framework's own corrections (`[words.<lang>]`) applied.
    pub words: crate::words::Words,
}

/// Facts about the framework as a publication.
#[derive(Debug, Clone, PartialEq)]
pub struct Meta {
    /// For example "Digital, Data and Technology Profession Capability Framework".
    pub name: String,
    /// Who publishes the framework, e.g. "Central Digital and Data Office".
    pub publisher: String,
    /// A version label such as "2024.3"; optional because many frameworks only date releases.
    pub version: Option<String>,
    /// Publication date; also the date written into every document's metadata
    /// unless `SOURCE_DATE_EPOCH` overrides it, so builds are reproducible.
    pub published: Option<Date>,
    /// BCP 47 language tag of the framework's text, "en-GB" by default.
    pub language: String,
    /// Licence or attribution line printed on every product.
    pub attribution: Option<String>,
    /// Where the framework is published.
    pub url: Option<String>,
    /// Words printed before a descriptor written as bullets, "You can:" by default.
    pub bullet_lead: String,
}

/// A calendar date (no time zone: frameworks are dated, not timestamped).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    /// The year, e.g. 2020.
    pub year: i32,
    /// The month, 1 to 12.
    pub month: u8,
    /// The day of the month, 1 to 31.
    pub day: u8,
}

impl Date {
    /// "7 January 2020", the GOV.UK style.
    pub fn long(&self) -> String {
        const MONTHS: [&str; 12] = [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ];
        let month = MONTHS
            .get(usize::from(self.month).wrapping_sub(1))
            .unwrap_or(&"?");
        format!("{} {} {}", self.day, month, self.year)
    }

    /// "2020-01-07".
    pub(crate) fn iso(&self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// Optional organisation branding; every product must look right without it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Branding {
    /// The organisation's name, printed above document titles.
    pub organisation: Option<String>,
    /// The organisation's logo.
    pub logo: Option<Logo>,
    /// Accent colour as RGB. Never the only carrier of meaning.
    pub accent: Option<[u8; 3]>,
}

/// A PNG or JPEG logo, read and checked at load time.
#[derive(Clone, PartialEq)]
pub struct Logo {
    /// Where it was read from (resolved against the framework file's folder).
    pub path: PathBuf,
    /// The image file's bytes: a PNG or a JPEG (checked at load time).
    pub png: Vec<u8>,
    /// Alternative text for screen readers; required.
    pub alt: String,
}

/// The image as its size and SHA-256 (see [`crate::doc::ImageBytes`]).
impl std::fmt::Debug for Logo {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Logo")
            .field("path", &self.path)
            .field("png", &crate::doc::ImageBytes(&self.png))
            .field("alt", &self.alt)
            .finish()
    }
}

/// One rung of the skill-level scale, such as "practitioner".
#[derive(Debug, Clone, PartialEq)]
pub struct SkillLevel {
    /// Identifier used in `framework.toml` requirements, e.g. "practitioner".
    pub id: String,
    /// As printed: "Practitioner".
    pub name: String,
    /// What the rung means in general, for keys and cover sheets.
    pub description: Option<Text>,
}

/// A skill in the catalogue.
#[derive(Debug, Clone, PartialEq)]
pub struct Skill {
    /// Identifier used in requirements, e.g. "incident-management".
    pub id: String,
    /// As printed: "Incident management".
    pub name: String,
    /// What the skill is, independent of level.
    pub description: Option<Text>,
    /// What each skill level means for this skill: (scale rank, descriptor),
    /// sorted by rank. Only the rungs the framework describes are present.
    pub descriptors: Vec<(usize, Text)>,
}

impl Skill {
    /// The catalogue descriptor for this skill at scale rank `level`.
    pub fn descriptor(&self, level: usize) -> Option<&Text> {
        self.descriptors
            .iter()
            .find(|(rank, _)| *rank == level)
            .map(|(_, text)| text)
    }
}

/// A role such as "Application operations engineer", with its ordered levels.
#[derive(Debug, Clone, PartialEq)]
pub struct Role {
    /// Identifier used on the command line, e.g. "application-operations-engineer".
    pub id: String,
    /// As printed: "Application operations engineer".
    pub name: String,
    /// Role family, e.g. "IT operations".
    pub family: Option<String>,
    /// One or two sentences saying what the role does.
    pub summary: Text,
    /// Longer introductory material: printed in the job profiles under the
    /// summary, and on the workbook covers.
    pub introduction: Option<Text>,
    /// A sentence introducing the role's skills list, as the framework words it.
    pub skills_intro: Option<Text>,
    /// Lowest first.
    pub levels: Vec<Level>,
}

/// One level of a role, such as "Senior application operations engineer".
#[derive(Debug, Clone, PartialEq)]
pub struct Level {
    /// Identifier used on the command line and in people files, e.g. "senior".
    pub id: String,
    /// As printed: "Senior application operations engineer".
    pub name: String,
    /// What the level does, in a sentence or two.
    pub summary: Text,
    /// The framework's lead-in to the responsibilities, e.g. "At this level, you will:".
    pub responsibilities_intro: Option<String>,
    /// Typical responsibilities, one list item each.
    pub responsibilities: Vec<String>,
    /// Text that follows the responsibilities list, e.g. "There are 2 different
    /// roles at this level - a technical role and a management role."
    pub responsibilities_outro: Option<Text>,
    /// The career track this level is on, e.g. "management"; `None` for the
    /// role's main track. Levels of one track, in file order, are lowest first.
    pub track: Option<String>,
    /// Index into [`Role::levels`] of the level this level's track branches
    /// from; only on the first level of a track (checked at load).
    pub branches_from: Option<usize>,
    /// Job grades this level maps to, e.g. "SEO", "Grade 7".
    pub grades: Vec<String>,
    /// In the framework's order.
    pub requirements: Vec<Requirement>,
    /// The post's Welsh language requirement, when the framework states it.
    pub welsh: Option<WelshRequirement>,
}

/// A post's Welsh language requirement: the four categories the Welsh
/// Language Standards recognise.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WelshRequirement {
    /// Welsh language skills are essential for the post.
    Essential,
    /// Welsh language skills are desirable.
    Desirable,
    /// Welsh language skills are to be learnt after appointment.
    ToBeLearnt,
    /// Welsh language skills are not necessary.
    NotNecessary,
}

impl WelshRequirement {
    /// Every category, from the strongest requirement.
    pub const ALL: [WelshRequirement; 4] = [
        WelshRequirement::Essential,
        WelshRequirement::Desirable,
        WelshRequirement::ToBeLearnt,
        WelshRequirement::NotNecessary,
    ];

    /// As written in `framework.toml`: "essential", "desirable",
    /// "to-be-learnt", "not-necessary".
    pub fn id(self) -> &'static str {
        match self {
            WelshRequirement::Essential => "essential",
            WelshRequirement::Desirable => "desirable",
            WelshRequirement::ToBeLearnt => "to-be-learnt",
            WelshRequirement::NotNecessary => "not-necessary",
        }
    }

    /// The category's words in the catalogue.
    pub(crate) fn key(self) -> crate::words::Key {
        use crate::words::Key;
        match self {
            WelshRequirement::Essential => Key::WelshEssential,
            WelshRequirement::Desirable => Key::WelshDesirable,
            WelshRequirement::ToBeLearnt => Key::WelshToBeLearnt,
            WelshRequirement::NotNecessary => Key::WelshNotNecessary,
        }
    }
}

/// What a role level needs of one skill.
#[derive(Debug, Clone, PartialEq)]
pub struct Requirement {
    /// Index into [`Framework::skills`].
    pub skill: usize,
    /// Rank on [`Framework::scale`].
    pub level: usize,
    /// The level's own wording where it differs from the catalogue's.
    pub descriptor: Option<Text>,
}

impl Framework {
    /// The descriptor that applies to `req`: the level's own wording, or else the catalogue's.
    ///
    /// Validation guarantees one of the two exists.
    pub fn descriptor<'a>(&'a self, req: &'a Requirement) -> &'a Text {
        static EMPTY: Text = Text {
            blocks: Vec::new(),
            lang: None,
        };
        req.descriptor
            .as_ref()
            .or_else(|| self.skills[req.skill].descriptor(req.level))
            .unwrap_or(&EMPTY)
    }

    /// The date documents carry, in seconds since 1970: `SOURCE_DATE_EPOCH`
    /// wins, then the publication date; `None` for a framework without a
    /// date (only a version, say), whose documents then carry no date at all
    /// rather than an invented one. Never the clock.
    pub fn document_epoch(&self, source_date_epoch: Option<i64>) -> Option<i64> {
        source_date_epoch.or_else(|| {
            self.meta
                .published
                .map(|d| days_from_civil(d.year, d.month, d.day) * 86_400)
        })
    }

    /// Roles, levels and requirements counted, for summaries.
    pub fn counts(&self) -> Counts {
        Counts {
            roles: self.roles.len(),
            levels: self.roles.iter().map(|r| r.levels.len()).sum(),
            skills: self.skills.len(),
            requirements: self
                .roles
                .iter()
                .flat_map(|r| &r.levels)
                .map(|l| l.requirements.len())
                .sum(),
        }
    }
}

/// Sizes of a framework.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct Counts {
    /// Number of roles.
    pub roles: usize,
    /// Number of role levels, over all roles.
    pub levels: usize,
    /// Number of skills in the catalogue.
    pub skills: usize,
    /// Number of (level, skill) requirements, over all levels.
    pub requirements: usize,
}

/// Days since 1970-01-01 for a proleptic Gregorian date (Howard Hinnant's algorithm),
/// so we need no clock or time-zone database.
pub(crate) fn days_from_civil(year: i32, month: u8, day: u8) -> i64 {
    let y = i64::from(year) - i64::from(month <= 2);
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let m = i64::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// Framework prose: paragraphs and bullet lists, in order.
///
/// In `framework.toml` a text is a string (blank lines separate paragraphs,
/// lines starting with "- " are bullets) or an array of strings (all bullets).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Text {
    /// Paragraphs and bullet lists, in order.
    pub blocks: Vec<TextBlock>,
    /// BCP 47 tag when this text is in another language than the framework (e.g. "cy").
    pub lang: Option<String>,
}

/// A paragraph or a bullet list inside a [`Text`].
#[derive(Debug, Clone, PartialEq)]
pub enum TextBlock {
    /// A paragraph.
    Paragraph(String),
    /// A bullet list, one string per item.
    Bullets(Vec<String>),
}

impl Text {
    /// A text of one paragraph.
    pub fn paragraph(s: impl Into<String>) -> Text {
        Text {
            blocks: vec![TextBlock::Paragraph(s.into())],
            lang: None,
        }
    }

    /// A text of one bullet list.
    pub fn bullets<S: Into<String>>(items: impl IntoIterator<Item = S>) -> Text {
        Text {
            blocks: vec![TextBlock::Bullets(
                items.into_iter().map(Into::into).collect(),
            )],
            lang: None,
        }
    }

    /// True when the text is nothing but bullets (the condensed style, printed after a lead-in).
    pub fn is_bullets_only(&self) -> bool {
        !self.blocks.is_empty()
            && self
                .blocks
                .iter()
                .all(|b| matches!(b, TextBlock::Bullets(_)))
    }

    /// Every sentence-bearing string, in order: what a reader must find on the page.
    pub fn strings(&self) -> impl Iterator<Item = &str> {
        self.blocks
            .iter()
            .flat_map(|b| match b {
                TextBlock::Paragraph(p) => std::slice::from_ref(p).iter(),
                TextBlock::Bullets(items) => items.iter(),
            })
            .map(String::as_str)
    }

    /// Plain text with paragraphs on their own lines and bullets as "• item" lines,
    /// for spreadsheet cells.
    pub(crate) fn to_plain(&self) -> String {
        let mut out = Vec::new();
        for block in &self.blocks {
            match block {
                TextBlock::Paragraph(p) => out.push(p.clone()),
                TextBlock::Bullets(items) => {
                    out.extend(items.iter().map(|i| format!("\u{2022} {i}")))
                }
            }
        }
        out.join("\n")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_days_match_known_dates() {
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(days_from_civil(2020, 1, 7), 18_268);
        assert_eq!(days_from_civil(2000, 3, 1), 11_017);
    }

    #[test]
    fn dates_print_in_govuk_style() {
        let d = Date {
            year: 2020,
            month: 1,
            day: 7,
        };
        assert_eq!(d.long(), "7 January 2020");
        assert_eq!(d.iso(), "2020-01-07");
    }

    #[test]
    fn plain_text_keeps_bullets_on_their_own_lines() {
        let t = Text {
            blocks: vec![
                TextBlock::Paragraph("Lead.".into()),
                TextBlock::Bullets(vec!["one".into(), "two".into()]),
            ],
            lang: None,
        };
        assert_eq!(t.to_plain(), "Lead.\n\u{2022} one\n\u{2022} two");
        assert!(!t.is_bullets_only());
        assert!(Text::bullets(["a"]).is_bullets_only());
    }
}
