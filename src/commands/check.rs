//! `jobpack check`: validate a framework file and print a one-screen summary,
//! or with `--json` one JSON document for scripts.

use std::fmt::Write as _;

use anyhow::Result;
use serde::Serialize;

use crate::cli::CheckArgs;
use crate::commands::list::FrameworkInfo;
use crate::console;
use crate::error::{Exit, Reported};
use crate::load::{self, Diagnostic, Severity};
use crate::model::{Counts, Framework};

/// Prints every diagnostic to standard error and, when the file is valid, a
/// summary to standard output (with `--json`, the [`CheckReport`] instead,
/// valid or not). Exit 2 (via [`crate::error::Reported`]) on errors.
pub(crate) fn run(args: &CheckArgs) -> Result<Exit> {
    // `build` refuses an out-of-range SOURCE_DATE_EPOCH, so `check` does too.
    crate::build::source_date_epoch()?;
    if args.json {
        return run_json(args);
    }
    let loaded = load::load_reported(&args.framework)?;
    let mut text = summary(&loaded.framework);
    if !loaded.translations.is_empty() {
        // A framework in several languages: name them all, and the editions.
        let one = format!("  language      {}\n", loaded.framework.meta.language);
        let all: Vec<&str> = std::iter::once(&loaded.framework)
            .chain(&loaded.translations)
            .map(|f| f.meta.language.as_str())
            .collect();
        let editions = if loaded.editions.is_empty() {
            "all".to_string()
        } else {
            loaded.editions.join(", ")
        };
        let many = format!(
            "  languages     {} (editions: {editions})\n",
            all.join(", ")
        );
        text = text.replacen(&one, &many, 1);
    }
    console::out(&text)?;
    let warnings = loaded.warnings.len();
    let note = match warnings {
        0 => String::new(),
        1 => " (1 warning)".to_string(),
        n => format!(" ({n} warnings)"),
    };
    console::out(&format!(
        "ok: {} is valid{note}\n",
        args.framework.display()
    ))?;
    Ok(Exit::Success)
}

/// The document `jobpack check --json` prints on standard output, valid or not
/// (the diagnostics also go to standard error, as without `--json`). Its shape:
///
/// ```json
/// {
///   "file": "framework.toml",
///   "valid": false,
///   "errors": 1,
///   "warnings": 0,
///   "diagnostics": [ { "severity": "error", "file": "framework.toml",
///                      "line": 12, "column": 1, "message": "unknown key `nmae` in [[skills]]",
///                      "snippet": "nmae", "hint": "did you mean `name`?" } ],
///   "framework": null,
///   "counts": null
/// }
/// ```
///
/// `line` and `column` are 1-based, and 0 for a problem with the file as a
/// whole (it cannot be read); `snippet` and `hint` may be null. `framework`
/// (name, publisher, version, published, language, as in `list --json`) and
/// `counts` (roles, levels, skills, requirements) are null unless `valid`.
/// Diagnostics come in file order. Keys are only ever added, never renamed.
#[derive(Debug, Serialize)]
pub(crate) struct CheckReport<'a> {
    file: String,
    valid: bool,
    errors: usize,
    warnings: usize,
    diagnostics: &'a [Diagnostic],
    framework: Option<FrameworkInfo<'a>>,
    counts: Option<Counts>,
}

fn run_json(args: &CheckArgs) -> Result<Exit> {
    let told = load::load_told(&args.framework);
    console::err(&told.rendered)?;
    let (diagnostics, framework) = match &told.result {
        Ok(loaded) => (&loaded.warnings[..], Some(&loaded.framework)),
        Err(diags) => (&diags[..], None),
    };
    let count = |severity| {
        diagnostics
            .iter()
            .filter(|d| d.severity == severity)
            .count()
    };
    let report = CheckReport {
        file: args.framework.display().to_string(),
        valid: framework.is_some(),
        errors: count(Severity::Error),
        warnings: count(Severity::Warning),
        diagnostics,
        framework: framework.map(FrameworkInfo::of),
        counts: framework.map(Framework::counts),
    };
    let mut json = serde_json::to_string_pretty(&report)?;
    json.push('\n');
    console::out(&json)?;
    match told.result {
        Ok(_) => Ok(Exit::Success),
        Err(_) => Err(Reported(told.exit).into()),
    }
}

/// The summary `check` prints: metadata, the scale, counts, and each role's levels.
pub(crate) fn summary(fw: &Framework) -> String {
    let mut out = String::new();
    let meta = &fw.meta;
    let counts = fw.counts();
    let _ = writeln!(out, "{}", meta.name);
    let _ = writeln!(out, "  publisher     {}", meta.publisher);
    if let Some(version) = &meta.version {
        let _ = writeln!(out, "  version       {version}");
    }
    if let Some(date) = &meta.published {
        let _ = writeln!(out, "  published     {} ({})", date.long(), date.iso());
    }
    let _ = writeln!(out, "  language      {}", meta.language);
    let scale: Vec<&str> = fw.scale.iter().map(|s| s.name.as_str()).collect();
    let _ = writeln!(
        out,
        "  scale         {} ({} levels)",
        scale.join(" < "),
        scale.len()
    );
    let _ = writeln!(out, "  skills        {}", counts.skills);
    let _ = writeln!(out, "  roles         {}", counts.roles);
    let _ = writeln!(out, "  levels        {}", counts.levels);
    let _ = writeln!(out, "  requirements  {}", counts.requirements);
    let width = fw
        .roles
        .iter()
        .flat_map(|r| &r.levels)
        .map(|l| l.id.len())
        .max()
        .unwrap_or(0);
    for role in &fw.roles {
        let family = role
            .family
            .as_deref()
            .map(|f| format!(" ({f})"))
            .unwrap_or_default();
        let _ = writeln!(out, "\n  {}{family} [{}]", role.name, role.id);
        for level in &role.levels {
            let plural = if level.requirements.len() == 1 {
                ""
            } else {
                "s"
            };
            let _ = writeln!(
                out,
                "    {:<width$}  {} ({} skill{plural})",
                level.id,
                level.name,
                level.requirements.len()
            );
        }
    }
    out
}
