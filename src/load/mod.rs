//! Loading: TOML → a validated [`Framework`], or every problem found, located.
//!
//! The file is parsed into toml's spanned tree ([`toml::de::DeTable`]) and
//! walked by hand rather than deserialised with serde, so one run reports every
//! problem (unknown keys, missing fields, wrong types, dangling references,
//! duplicates) with its line and column, instead of stopping at the first.

mod catalogue;
pub(crate) mod chars;
mod fields;
mod framework;
pub(crate) mod input;
mod jpeg;
pub mod limits;
mod roles;
pub(crate) mod source;
mod syntax;
pub(crate) mod text;
mod text_fields;
mod tracks;
mod translations;
pub(crate) mod words;

use std::path::{Path, PathBuf};

use toml::de::DeTable;

use crate::error::{Exit, Reported};
use crate::model::Framework;
/// The most diagnostics one load reports (then a note says how many more there were).
pub use fields::MAX_DIAGNOSTICS;
use fields::{Ctx, Table};

/// The largest framework file read (see `input::FRAMEWORK`).
pub const MAX_FILE_BYTES: u64 = input::FRAMEWORK.bytes;

/// The keys a framework file may have at the top.
const ROOT_KEYS: &[&str] = &["framework", "branding", "scale", "skills", "roles", "words"];

/// A framework that loaded, with any warnings (which do not stop a build).
#[derive(Debug)]
pub struct Loaded {
    /// The validated framework.
    pub framework: Framework,
    /// Problems that do not stop a build, such as a skill no level requires.
    pub warnings: Vec<Diagnostic>,
    /// The same framework in each of its other languages (`languages` in
    /// `[framework]`), in the order declared; empty for a framework in one.
    pub translations: Vec<Framework>,
    /// The editions a build makes unless told (`editions` in `[framework]`):
    /// language tags and "both"; empty means every one.
    pub(crate) editions: Vec<String>,
}

/// `[framework] editions`, as checked by the framework's pass.
fn editions_asked(root: &DeTable) -> Vec<String> {
    match root.get("framework").map(|v| v.get_ref()) {
        Some(toml::de::DeValue::Table(t)) => match t.get("editions").map(|v| v.get_ref()) {
            Some(toml::de::DeValue::Array(items)) => items
                .iter()
                .filter_map(|i| match i.get_ref() {
                    toml::de::DeValue::String(s) => Some(s.to_string()),
                    _ => None,
                })
                .collect(),
            _ => Vec::new(),
        },
        _ => Vec::new(),
    }
}

/// How serious a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The framework cannot be used until this is fixed.
    Error,
    /// Worth a look; the framework is still used.
    Warning,
}

/// One problem in an input file, located for a person editing it by hand.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Diagnostic {
    /// Whether it stops the load.
    pub severity: Severity,
    /// The file, as named on the command line.
    pub file: PathBuf,
    /// 1-based; 0 when the problem is about the file as a whole.
    pub line: usize,
    /// 1-based, in characters.
    pub column: usize,
    /// What is wrong, naming the key or value.
    pub message: String,
    /// The offending text, if any.
    pub snippet: Option<String>,
    /// What to do about it.
    pub hint: Option<String>,
}

impl std::fmt::Display for Diagnostic {
    /// Rustc style, without the source line (see `source::render` for that).
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(source::render(self, None).trim_end())
    }
}

/// Reads and validates a framework file.
///
/// Errors, and the warnings found alongside them, come back sorted by position.
///
/// # Example
///
/// ```
/// use std::path::Path;
///
/// let loaded = jobpack::load::load_file(Path::new("framework.toml")).expect("a valid framework");
/// let role = &loaded.framework.roles[0];
/// assert_eq!(role.id, "application-operations-engineer");
/// assert_eq!(role.levels.len(), 5);
///
/// // A file that cannot be read is one located error, not a panic.
/// let problems = jobpack::load::load_file(Path::new("no-such-file.toml")).unwrap_err();
/// assert_eq!(problems[0].severity, jobpack::load::Severity::Error);
/// ```
pub fn load_file(path: &Path) -> Result<Loaded, Vec<Diagnostic>> {
    let src = read_source(path).map_err(|err| vec![err.0])?;
    load_str(&src, path)
}

/// Validates framework text as if read from `path` (which names the file in
/// diagnostics and is the base for a relative logo path). Never panics.
///
/// # Example
///
/// Every problem comes back at once, each at its line and column:
///
/// ```
/// use std::path::Path;
/// use jobpack::load::{load_str, render_all};
///
/// let text = "[framework]\nname = \"Example\"\npublisher = 7\n";
/// let problems = load_str(text, Path::new("example.toml")).unwrap_err();
/// assert!(problems.iter().any(|d| d.line == 3 && d.message.contains("publisher")));
/// // As `jobpack check` prints them, with the offending line quoted.
/// let report = render_all(&problems, Some(text));
/// assert!(report.contains("example.toml:3:"));
/// ```
pub fn load_str(text: &str, path: &Path) -> Result<Loaded, Vec<Diagnostic>> {
    // Editors on Windows may save a byte-order mark; it is not part of the text.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut ctx = Ctx::new(text, path);
    // The TOML reader refuses deep nesting too, but without saying where.
    if let Some(at) = limits::too_deep(text) {
        ctx.error(
            Some(at..at + 1),
            format!(
                "tables, arrays or dotted keys are nested more than {} deep here",
                limits::MAX_DEPTH
            ),
            Some(
                "a framework nests at most 5 deep ([roles.levels.requirements]); check this \
                 line's header, dots or brackets"
                    .into(),
            ),
        );
        return Err(ctx.into_diagnostics());
    }
    let (root, syntax) = DeTable::parse_recoverable(text);
    let slips = syntax::misspelt_headers(text);
    if !syntax.is_empty() || !slips.is_empty() {
        report_syntax(&mut ctx, text, &syntax, slips);
        // The tree is only a best guess after a syntax error (and a misspelt
        // header puts tables in the wrong place); checking it would report
        // problems that are not there.
        return Err(ctx.into_diagnostics());
    }
    ctx.languages = translations::declared(root.get_ref());
    let mut editions = Vec::new();
    for lang in ctx.languages.clone() {
        ctx.lang = lang;
        editions.push(build(&mut ctx, root.get_ref(), path));
    }
    if editions.iter().any(Option::is_none) {
        ctx.ensure_reported(0, 0..0, "framework");
    }
    let editions_asked = editions_asked(root.get_ref());
    let diags = ctx.into_diagnostics();
    let editions: Option<Vec<Framework>> = editions.into_iter().collect();
    match editions {
        Some(mut all) if diags.iter().all(|d| d.severity == Severity::Warning) => {
            let framework = all.remove(0);
            Ok(Loaded {
                framework,
                warnings: diags,
                translations: all,
                editions: editions_asked,
            })
        }
        _ => Err(diags),
    }
}

/// Loads `path`, printing warnings, or every diagnostic and an error count, to
/// standard error. On errors returns [`Reported`]`(Exit::Invalid)` so that the
/// caller exits with status 2 without printing anything more.
pub(crate) fn load_reported(path: &Path) -> anyhow::Result<Loaded> {
    load_reported_with(path, true)
}

/// [`load_reported`], printing warnings only when `print_warnings` is set
/// (for `build --quiet`, which prints nothing but errors). The warnings are
/// still returned in [`Loaded::warnings`].
pub(crate) fn load_reported_with(path: &Path, print_warnings: bool) -> anyhow::Result<Loaded> {
    let told = load_told(path);
    let shown = match &told.result {
        Ok(_) if !print_warnings => String::new(),
        _ => told.rendered,
    };
    crate::console::err(&shown)?;
    told.result.map_err(|_| Reported(told.exit).into())
}

/// A framework file loaded for a command to report on: the outcome, every
/// diagnostic rendered for a person (warnings too), and the exit status a
/// failure deserves (2 for bad input, 1 when the file could not be read for
/// another reason).
#[derive(Debug)]
pub(crate) struct Told {
    /// The framework and its warnings, or every diagnostic.
    pub(crate) result: Result<Loaded, Vec<Diagnostic>>,
    /// Every diagnostic (errors or warnings) as [`render_all`] shows them, with the source lines.
    pub(crate) rendered: String,
    /// The exit status when `result` is `Err`.
    pub(crate) exit: Exit,
}

/// Loads `path` and renders its diagnostics, printing nothing.
pub(crate) fn load_told(path: &Path) -> Told {
    let src = match read_source(path) {
        Ok(src) => src,
        Err(err) => {
            let (diag, exit) = *err;
            let rendered = render_all(std::slice::from_ref(&diag), None);
            return Told {
                result: Err(vec![diag]),
                rendered,
                exit,
            };
        }
    };
    let result = load_str(&src, path);
    let diags = match &result {
        Ok(loaded) => &loaded.warnings[..],
        Err(diags) => diags,
    };
    let rendered = render_all(diags, Some(&src));
    Told {
        result,
        rendered,
        exit: Exit::Invalid,
    }
}

/// Every diagnostic rustc-style, then a count line when there are errors.
pub fn render_all(diags: &[Diagnostic], src: Option<&str>) -> String {
    let src = src.map(|s| s.strip_prefix('\u{feff}').unwrap_or(s));
    let at = src.map(source::Locator::new);
    let mut out = String::new();
    for d in diags {
        out.push_str(&source::render_at(d, at.as_ref()));
        out.push('\n');
    }
    let errors = diags
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    if errors > 0 {
        let file = diags[0].file.display();
        let plural = if errors == 1 { "" } else { "s" };
        // Beyond the limit the last diagnostic is a note saying how many were dropped.
        let errors = if errors > MAX_DIAGNOSTICS {
            format!("more than {MAX_DIAGNOSTICS}")
        } else {
            errors.to_string()
        };
        out.push_str(&format!(
            "error: {file} has {errors} error{plural}; nothing was written\n"
        ));
    }
    out
}

/// The file's text, read once through [`input::read`], or a diagnostic about
/// the file as a whole and the exit status it deserves: 2 when the file is
/// missing, is not a regular file, is too large or is not UTF-8 (the command
/// line or the input is wrong), 1 for other I/O failures.
pub(crate) fn read_source(path: &Path) -> Result<String, Box<(Diagnostic, Exit)>> {
    let bytes = input::read(path, input::FRAMEWORK).map_err(|err| {
        let hint = match &err {
            input::ReadError::Missing => "check the path of the framework file",
            input::ReadError::NotAFile(_) => {
                "name a framework file saved on disk (jobpack reads it once, and shows \
                 its lines in messages)"
            }
            input::ReadError::TooLarge(_) => {
                "a framework file is text of a few hundred kilobytes at most: check the path"
            }
            input::ReadError::Io(_) => "check that the file is readable",
        };
        let exit = if err.is_invalid_input() {
            Exit::Invalid
        } else {
            Exit::Failure
        };
        let diag = Diagnostic {
            severity: Severity::Error,
            file: path.to_path_buf(),
            line: 0,
            column: 0,
            message: format!("cannot read {}: {err}", path.display()),
            snippet: None,
            hint: Some(hint.to_string()),
        };
        Box::new((diag, exit))
    })?;
    String::from_utf8(bytes).map_err(|e| {
        let valid = e.utf8_error().valid_up_to();
        let prefix = String::from_utf8_lossy(&e.as_bytes()[..valid]);
        let (line, column) = source::line_column(&prefix, valid);
        let diag = Diagnostic {
            severity: Severity::Error,
            file: path.to_path_buf(),
            line,
            column,
            message: format!("{} is not UTF-8 text (byte {valid})", path.display()),
            snippet: None,
            hint: Some(if bytes_look_utf16(e.as_bytes()) {
                "the file is UTF-16; save it with UTF-8 encoding".into()
            } else {
                "save the file with UTF-8 encoding".into()
            }),
        };
        Box::new((diag, Exit::Invalid))
    })
}

/// A UTF-16 byte-order mark, as some Windows editors write by default.
fn bytes_look_utf16(bytes: &[u8]) -> bool {
    bytes.starts_with(&[0xff, 0xfe]) || bytes.starts_with(&[0xfe, 0xff])
}

/// Syntax errors and misspelt table headers, each told where the mistake is
/// rather than where parsing broke (see [`syntax`]).
fn report_syntax(ctx: &mut Ctx, text: &str, errors: &[toml::de::Error], slips: Vec<syntax::Found>) {
    // Only an error that says so is blamed on an unclosed text or table.
    let says = |what: &str| errors.iter().any(|e| e.message().contains(what));
    let unclosed = says("multi-line")
        .then(|| syntax::unclosed_text(text))
        .flatten()
        .or_else(|| {
            says("unclosed inline table")
                .then(|| syntax::unclosed_inline_table(text))
                .flatten()
        });
    let slipped = !slips.is_empty();
    for found in slips {
        ctx.error(Some(found.span), found.message, Some(found.hint));
    }
    for err in errors {
        let span = err.span();
        // A misspelt [[header]] puts its keys into the table before it: "duplicate key".
        if slipped && err.message().contains("duplicate key") {
            continue;
        }
        // Everything after an unclosed text's (or table's) opening was read as part of it.
        if let Some(open) = &unclosed {
            if span.as_ref().is_none_or(|s| s.start >= open.span.start) {
                continue;
            }
        }
        if let Some(curly) = span
            .as_ref()
            .and_then(|s| syntax::curly_quote(text, s.start))
        {
            ctx.error(Some(curly.span), curly.message, Some(curly.hint));
            continue;
        }
        let hint = syntax_hint(err.message());
        ctx.error(span, format!("TOML syntax: {}", err.message()), hint);
    }
    if let Some(open) = unclosed {
        ctx.error(Some(open.span), open.message, Some(open.hint));
    }
}

fn syntax_hint(message: &str) -> Option<String> {
    let hint = if message.contains("duplicate key") {
        "each key may appear once in a table; for several entries use [[...]] headers"
    } else if message.contains("string") {
        "close the string with the quote it opened with; use \"\"\" ... \"\"\" for text over several lines"
    } else if message.contains("escape") {
        "a backslash starts an escape such as \\n; write \\\\ for a backslash, or use 'single quotes'"
    } else if message.contains("date") {
        "write dates as YYYY-MM-DD, without quotes"
    } else {
        "see https://toml.io for the syntax: key = \"value\", [table], [[array of tables]]"
    };
    Some(hint.into())
}

fn build(ctx: &mut Ctx, root: &DeTable, path: &Path) -> Option<Framework> {
    let root = Table {
        map: root,
        span: None,
        name: "the file".into(),
    };
    ctx.known_keys(&root, ROOT_KEYS);
    let dir = path.parent().unwrap_or(Path::new(""));
    let meta = framework::meta(ctx, &root);
    let overrides = catalogue::overrides(ctx, &root);
    let branding = framework::branding(ctx, &root, dir);
    let scale = framework::scale(ctx, &root);
    let skills = framework::skills(ctx, &root, &scale);
    let mut used = vec![false; skills.len()];
    let cat = roles::Catalogue {
        scale: &scale,
        skills: &skills,
        by_id: skills
            .iter()
            .enumerate()
            .map(|(i, (s, _))| (s.id.as_str(), i))
            .collect(),
    };
    let roles = roles::roles(ctx, &root, &cat, &mut used);
    for ((skill, source), used) in skills.iter().zip(&used) {
        if !used {
            ctx.warn(
                Some(source.id_span.clone()),
                format!(
                    "skill `{}` is in the catalogue but no level requires it",
                    skill.id
                ),
                Some("require it in some [roles.levels.requirements], or delete it".into()),
            );
        }
    }
    let mut meta = meta?;
    let framework_key = |key: &str| match root.map.get("framework").map(|v| v.get_ref()) {
        Some(toml::de::DeValue::Table(t)) => t.get(key).map(|v| v.span()),
        _ => None,
    };
    let words = catalogue::words_for(
        ctx,
        &meta.language,
        &overrides,
        framework_key("language").or_else(|| framework_key("name")),
    );
    if framework_key("bullet_lead").is_none() {
        meta.bullet_lead = words.get(crate::words::Key::BulletLead).to_string();
    }
    Some(Framework {
        meta,
        scale,
        skills: skills.into_iter().map(|(s, _)| s).collect(),
        roles,
        branding,
        words,
    })
}
