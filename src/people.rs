//! The people file for personalised appraisal sheets (`build --people`).
//!
//! A CSV file with a header row. Columns `name`, `role` and `level` are
//! required; `reviewer` and `period` are optional; header names are matched
//! without regard to case or surrounding spaces, and any other column is
//! ignored with a warning. Role and level may be given by id or by name. A file
//! whose header uses semicolons (as Excel writes CSV in many locales) is read
//! with semicolons. A row with a problem is reported with its line number and
//! skipped; the other rows are still used.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use crate::load::limits::MAX_TEXT_CHARS;
use crate::load::{chars, input, Diagnostic, Severity};
use crate::model::Framework;

/// One person to write an appraisal sheet for, as the people file gives them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    /// Line of the people file the row starts on (1-based), for messages.
    pub line: u64,
    /// The person's name, white space collapsed, never empty. It is printed on
    /// the sheet and, made a slug, names the file (`appraisals/<slug>.pdf`).
    pub name: String,
    /// The role as written in the file: an id or a name.
    pub role: String,
    /// The level as written in the file: an id or a name.
    pub level: String,
    /// Who reviews them, pre-filled on the sheet; `None` when the column is
    /// absent or the cell empty (the field is then left blank to write in).
    pub reviewer: Option<String>,
    /// The review period, e.g. "April 2025 to March 2026"; `None` as for `reviewer`.
    pub period: Option<String>,
}

/// A people file that could be read, with rows that could not.
#[derive(Debug, Clone, PartialEq)]
pub struct PeopleFile {
    /// The file as given on the command line; issues about its rows name it.
    pub(crate) path: PathBuf,
    /// The usable rows, in file order (a repeated row is kept, with a warning).
    pub people: Vec<Person>,
    /// Errors for rows that were skipped and warnings (ignored columns, repeated rows).
    pub problems: Vec<Diagnostic>,
}

const COLUMNS: [&str; 5] = ["name", "role", "level", "reviewer", "period"];
const REQUIRED: usize = 3;

/// Reads a people file. `Err` means the file as a whole is unusable (missing,
/// no header, a required column missing): nothing should be built from it.
pub(crate) fn read_people(path: &Path) -> Result<PeopleFile, Diagnostic> {
    let bytes = input::read(path, input::PEOPLE).map_err(|err| {
        diagnostic(
            path,
            0,
            format!("cannot read the people file: {err}"),
            Some("check the path given to --people; it must be a CSV file saved on disk"),
        )
    })?;
    parse_people(path, &bytes)
}

/// Parses the bytes of a people file; `path` is used in messages only.
///
/// # Example
///
/// ```
/// use std::path::Path;
/// use jobpack::people::{parse_people, place};
///
/// let fw = jobpack::load::load_file(Path::new("framework.toml")).unwrap().framework;
/// let csv = "name,role,level\nSam Jones,Application operations engineer,senior\nAl,nobody,senior\n";
/// let file = parse_people(Path::new("people.csv"), csv.as_bytes()).expect("a readable file");
/// let sam = place(&file.people[0], &[&fw]).expect("a known role and level");
/// assert_eq!(fw.roles[sam.role].levels[sam.level].id, "senior");
/// assert!(place(&file.people[1], &[&fw]).is_err());
/// ```
pub fn parse_people(path: &Path, bytes: &[u8]) -> Result<PeopleFile, Diagnostic> {
    let first_line = bytes.split(|&b| b == b'\n').next().unwrap_or_default();
    let delimiter = if !first_line.contains(&b',') && first_line.contains(&b';') {
        b';'
    } else {
        b','
    };
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .has_headers(true)
        .from_reader(bytes);
    let header = reader
        .byte_headers()
        .map_err(|err| diagnostic(path, 1, format!("cannot read the header row: {err}"), None))?;
    let mut problems = Vec::new();
    let mut index = [None; COLUMNS.len()];
    for (i, raw) in header.iter().enumerate() {
        let name = String::from_utf8_lossy(raw).trim().to_lowercase();
        match COLUMNS.iter().position(|c| *c == name) {
            Some(c) if index[c].is_some() => {
                return Err(diagnostic(
                    path,
                    1,
                    format!("the column \"{name}\" appears twice in the header row"),
                    Some("keep one column of each name"),
                ))
            }
            Some(c) => index[c] = Some(i),
            None => problems.push(Diagnostic {
                severity: Severity::Warning,
                ..diagnostic(
                    path,
                    1,
                    format!("the column \"{name}\" is not used and was ignored"),
                    Some("jobpack reads the columns name, role, level, reviewer and period"),
                )
            }),
        }
    }
    let missing: Vec<&str> = (0..REQUIRED)
        .filter(|&c| index[c].is_none())
        .map(|c| COLUMNS[c])
        .collect();
    if !missing.is_empty() {
        return Err(diagnostic(
            path,
            1,
            format!("the header row has no column {}", missing.join(", ")),
            Some("the first row must name the columns: name, role, level (reviewer and period are optional)"),
        ));
    }

    let mut people: Vec<Person> = Vec::new();
    // Each row's cells, to find a repeated row in constant time: the first
    // row (its index in `people`) with those cells.
    let mut rows: HashMap<RowKey, usize> = HashMap::new();
    let mut record = csv::ByteRecord::new();
    let mut lines = LineCounter::new(bytes);
    loop {
        match reader.read_byte_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(err) => {
                let line = lines.at(err.position().unwrap_or(reader.position()));
                problems.push(diagnostic(
                    path,
                    line,
                    format!("cannot read this row: {err}"),
                    None,
                ));
                // A broken quote swallows the rest of the file; anything else, carry on.
                if matches!(err.kind(), csv::ErrorKind::Io(_)) {
                    break;
                }
                continue;
            }
        }
        let line = record.position().map_or(0, |p| lines.at(p));
        match person_from(&record, &index, line) {
            Ok(Some(person)) => {
                let earlier = *rows.entry(row_key(&person)).or_insert(people.len());
                if let Some(earlier) = people.get(earlier) {
                    problems.push(Diagnostic {
                        severity: Severity::Warning,
                        ..diagnostic(
                            path,
                            line,
                            format!(
                                "this row repeats line {}; both sheets are written",
                                earlier.line
                            ),
                            None,
                        )
                    });
                }
                people.push(person);
            }
            Ok(None) => {}
            Err(message) => problems.push(diagnostic(path, line, message, None)),
        }
    }
    Ok(PeopleFile {
        path: path.to_path_buf(),
        people,
        problems,
    })
}

/// Line numbers of rows, counted from their byte offsets. The csv reader's
/// own count is one short after a CRLF line end (as Excel writes): a row ends
/// at its `\r`, and the `\n` is only counted once the next row is read.
struct LineCounter<'a> {
    bytes: &'a [u8],
    /// Where the last count stopped, and the line there (1-based).
    offset: usize,
    line: u64,
}

impl<'a> LineCounter<'a> {
    fn new(bytes: &'a [u8]) -> Self {
        LineCounter {
            bytes,
            offset: 0,
            line: 1,
        }
    }

    /// The line a row starting at `position` starts on. Rows come in file
    /// order, so counting on from the last row keeps this linear.
    fn at(&mut self, position: &csv::Position) -> u64 {
        let len = self.bytes.len();
        let mut at = usize::try_from(position.byte()).unwrap_or(len).min(len);
        // The reader may place a row on the line end before it.
        while at < len && matches!(self.bytes[at], b'\r' | b'\n') {
            at += 1;
        }
        if at < self.offset {
            (self.offset, self.line) = (0, 1);
        }
        let newlines = self.bytes[self.offset..at].iter().filter(|&&b| b == b'\n');
        self.line += newlines.count() as u64;
        self.offset = at;
        self.line
    }
}

/// A row as a person; `Ok(None)` for a row with every cell empty (spreadsheets
/// often save a few at the end).
fn person_from(
    record: &csv::ByteRecord,
    index: &[Option<usize>; COLUMNS.len()],
    line: u64,
) -> Result<Option<Person>, String> {
    if record
        .iter()
        .all(|cell| cell.iter().all(u8::is_ascii_whitespace))
    {
        return Ok(None);
    }
    let mut cells: [Option<String>; COLUMNS.len()] = Default::default();
    for (c, i) in index.iter().enumerate() {
        let Some(i) = *i else { continue };
        let raw = record.get(i).unwrap_or_default();
        let text = std::str::from_utf8(raw).map_err(|_| {
            format!(
                "the {} cell is not UTF-8 text; save the file as \"CSV UTF-8\"",
                COLUMNS[c]
            )
        })?;
        // Sheets are PDFs with XML metadata: refuse what XML cannot hold
        // (Word's line breaks are white space, and fold into spaces below).
        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        if text.chars().count() > MAX_TEXT_CHARS {
            return Err(format!(
                "the {} cell is longer than {MAX_TEXT_CHARS} characters",
                COLUMNS[c]
            ));
        }
        if let Err(bad) = chars::clean(&text) {
            return Err(format!(
                "the {} cell holds {}, which documents cannot hold; delete it",
                COLUMNS[c],
                bad.describe()
            ));
        }
        cells[c] = (!text.is_empty()).then_some(text);
    }
    let [name, role, level, reviewer, period] = cells;
    let empty: Vec<&str> = [&name, &role, &level]
        .iter()
        .zip(COLUMNS)
        .filter(|(cell, _)| cell.is_none())
        .map(|(_, column)| column)
        .collect();
    if !empty.is_empty() {
        return Err(format!("this row has no {}", empty.join(", ")));
    }
    Ok(Some(Person {
        line,
        name: name.unwrap_or_default(),
        role: role.unwrap_or_default(),
        level: level.unwrap_or_default(),
        reviewer,
        period,
    }))
}

/// What makes two rows the same: every cell.
type RowKey = (String, String, String, Option<String>, Option<String>);

fn row_key(p: &Person) -> RowKey {
    (
        p.name.clone(),
        p.role.clone(),
        p.level.clone(),
        p.reviewer.clone(),
        p.period.clone(),
    )
}

/// Where a person's role and level are: indexes of the framework, role and level.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Placement {
    /// Index into the `frameworks` slice given to [`place`].
    pub framework: usize,
    /// Index into that framework's `roles`.
    pub role: usize,
    /// Index into that role's `levels`.
    pub level: usize,
}

/// Finds the person's role (by id, else by name ignoring case) in `frameworks`,
/// and the level within it likewise. The message says what is wrong and what
/// would be right. To place many people, make a `Placer` once.
pub fn place(person: &Person, frameworks: &[&Framework]) -> Result<Placement, String> {
    Placer::new(frameworks).place(person)
}

/// Places people in constant time each: roles indexed once by id and by
/// loose name, levels by id and by loose name.
pub(crate) struct Placer<'f> {
    frameworks: &'f [&'f Framework],
    /// "id:" and a role id, or "name:" and a loose role name → every
    /// (framework, role) of that id or name, in order.
    roles: HashMap<String, Vec<(usize, usize)>>,
    /// (framework, role, "id:" or "name:" and the level's id or loose name)
    /// → the first level of that id or name.
    levels: HashMap<(usize, usize, String), usize>,
}

impl<'f> Placer<'f> {
    /// Indexes the roles and levels of `frameworks`.
    pub(crate) fn new(frameworks: &'f [&'f Framework]) -> Placer<'f> {
        let mut roles: HashMap<String, Vec<(usize, usize)>> = HashMap::new();
        let mut levels = HashMap::new();
        for (f, fw) in frameworks.iter().enumerate() {
            for (r, role) in fw.roles.iter().enumerate() {
                for key in [
                    format!("id:{}", role.id),
                    format!("name:{}", loose(&role.name)),
                ] {
                    let found = roles.entry(key).or_default();
                    if found.last() != Some(&(f, r)) {
                        found.push((f, r));
                    }
                }
                // Reversed, so that the first level of a name wins.
                for (l, level) in role.levels.iter().enumerate().rev() {
                    levels.insert((f, r, format!("name:{}", loose(&level.name))), l);
                    levels.insert((f, r, format!("id:{}", level.id)), l);
                }
            }
        }
        Placer {
            frameworks,
            roles,
            levels,
        }
    }

    /// As [`place`].
    pub(crate) fn place(&self, person: &Person) -> Result<Placement, String> {
        let mut roles: Vec<(usize, usize)> = Vec::new();
        for key in [
            format!("id:{}", person.role),
            format!("name:{}", loose(&person.role)),
        ] {
            for at in self.roles.get(&key).into_iter().flatten() {
                if !roles.contains(at) {
                    roles.push(*at);
                }
            }
        }
        roles.sort_unstable();
        let by_id = format!("id:{}", person.level);
        let by_name = format!("name:{}", loose(&person.level));
        placement(person, self.frameworks, &roles, |f, r| {
            // The first level that matches by id or by name, as in the file.
            let id = self.levels.get(&(f, r, by_id.clone()));
            let name = self.levels.get(&(f, r, by_name.clone()));
            id.into_iter().chain(name).min().copied()
        })
    }
}

/// The placement of `person` given the roles that match them, or why none.
fn placement(
    person: &Person,
    frameworks: &[&Framework],
    roles: &[(usize, usize)],
    level_of: impl Fn(usize, usize) -> Option<usize>,
) -> Result<Placement, String> {
    let (framework, role) = match roles {
        [one] => *one,
        [] => {
            let known: Vec<&str> = frameworks
                .iter()
                .flat_map(|fw| fw.roles.iter().map(|r| r.id.as_str()))
                .collect();
            return Err(format!(
                "unknown role \"{}\"; known roles: {}",
                person.role,
                list(&known)
            ));
        }
        _ => {
            return Err(format!(
                "the role \"{}\" is in more than one framework; use a role id that is unique",
                person.role
            ))
        }
    };
    let r = &frameworks[framework].roles[role];
    let level = level_of(framework, role).ok_or_else(|| {
        let known: Vec<&str> = r.levels.iter().map(|l| l.id.as_str()).collect();
        format!(
            "the role \"{}\" has no level \"{}\"; its levels: {}",
            r.id,
            person.level,
            list(&known)
        )
    })?;
    Ok(Placement {
        framework,
        role,
        level,
    })
}

/// Lower case with runs of white space made one space, for matching names.
fn loose(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// At most ten names, then a count of the rest.
fn list(names: &[&str]) -> String {
    let mut shown = names
        .iter()
        .take(10)
        .copied()
        .collect::<Vec<_>>()
        .join(", ");
    if names.len() > 10 {
        shown.push_str(&format!(" and {} more", names.len() - 10));
    }
    if shown.is_empty() {
        shown.push_str("none");
    }
    shown
}

fn diagnostic(path: &Path, line: u64, message: String, hint: Option<&str>) -> Diagnostic {
    Diagnostic {
        severity: Severity::Error,
        file: path.to_path_buf(),
        line: usize::try_from(line).unwrap_or(usize::MAX),
        column: 0,
        message,
        snippet: None,
        hint: hint.map(str::to_string),
    }
}
