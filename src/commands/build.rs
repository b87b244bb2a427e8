//! `jobpack build`: load, plan, build in parallel, write safely, report.
//!
//! Human text goes to standard error (nothing but errors with `--quiet`); with
//! `--json` the manifest is the only thing on standard output, also when the
//! run fails, so scripts always get one JSON document.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use anyhow::{Context, Result};
use rayon::prelude::*;

use super::{interrupt, progress, watch};
use crate::build::{self, catalogue_for, Selection, Settings, Source};
use crate::cli::BuildArgs;
use crate::console;
use crate::error::{Exit, InvalidInput, Reported};
use crate::load::{self, Diagnostic, Severity};
use crate::output::manifest::MANIFEST_NAME;
use crate::output::{leftovers, Issue, Manifest, OutDir, SafePath};
use crate::people;
use crate::product::ProductKind;

/// Runs `jobpack build` and says which exit status to use.
pub(crate) fn run(args: BuildArgs) -> Result<Exit> {
    if args.jobs == Some(0) {
        return Err(InvalidInput("--jobs must be at least 1".into()).into());
    }
    if args.prune && !is_full(&args) {
        return Err(InvalidInput(
            "--prune needs a build of the whole pack: it cannot tell which files are no longer \
             part of it when --role, --level, --product or --people picks some"
                .into(),
        )
        .into());
    }
    let settings = Settings {
        paper: args.paper,
        source_date_epoch: build::source_date_epoch()?,
    };
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(args.jobs.unwrap_or(0))
        .thread_name(|i| format!("jobpack-{i}"))
        .build()
        .context("cannot start the worker threads")?;
    if args.watch {
        interrupt::install(args.quiet);
        return pool.install(|| watch::run(&args, || build(&args, settings)));
    }
    pool.install(|| build(&args, settings))
}

fn build(args: &BuildArgs, settings: Settings) -> Result<Exit> {
    let report = Report {
        json: args.json,
        quiet: args.quiet,
        dry_run: args.check_only,
    };
    let (sources, mut problems, diagnostics, texts) = load_all(&args.frameworks, &args.lang);
    let people = match &args.people {
        Some(path) => match people::read_people(path) {
            Ok(file) => Some(file),
            Err(diagnostic) => {
                problems.push(Issue::from(&diagnostic));
                None
            }
        },
        None => None,
    };
    if !problems.is_empty() || !diagnostics.is_empty() {
        return report.invalid(problems, &diagnostics, &texts);
    }
    let products = catalogue_for(&args.formats);
    let selection = Selection {
        roles: args.roles.clone(),
        levels: args.levels.clone(),
        products: args.products.clone(),
        no_default_products: args.people.is_some(),
    };
    let plan = match build::plan(&sources, &selection, people.as_ref(), &products) {
        Ok(plan) => plan,
        Err(problems) => return report.invalid(problems, &[], &texts),
    };

    if args.check_only {
        OutDir::check(&args.out)?;
        let manifest = build::manifest(&plan, &sources, people.as_ref(), None);
        let counts = Counts::of(&manifest, None);
        report.finish(&manifest, &args.out, &sources, &texts, &counts)?;
        return Ok(exit_of(&manifest));
    }

    let out = Arc::new(OutDir::open(&args.out)?);
    interrupt::install(args.quiet);
    let stale = out.remove_stale_temps();
    if stale > 0 && !args.quiet {
        // The build goes on if nobody can read this (a closed pipe): it is what was asked for.
        let _ = console::errln(&format!(
            "removed {stale} temporary file(s) left by an interrupted run"
        ));
    }
    let bar = progress::bar(plan.jobs.len(), args.quiet);
    // The whole pack, whatever this run chose, so the manifest lists it all.
    let pack = build::pack(&plan, &sources, &products, is_full(args));
    interrupt::start(
        build::manifest(&plan, &sources, people.as_ref(), None),
        pack.clone(),
        Arc::clone(&out),
    );
    // Read before anything is written: what earlier runs made, and from what.
    let earlier = build::Earlier::read(out.root());
    let outcome = build::execute_reusing(
        &plan,
        &sources,
        people.as_ref(),
        &products,
        settings,
        &out,
        &earlier,
        &|i, result| {
            if let Ok(written) = result {
                interrupt::finished(&plan.jobs[i].path.to_string(), written);
            }
            bar.inc(1);
        },
    );
    interrupt::stop();
    bar.finish_and_clear();
    let mut manifest = build::manifest(&plan, &sources, people.as_ref(), Some(&outcome));
    let counts = Counts::of(&manifest, Some(&outcome));
    leftovers::settle(out.root(), &mut manifest, pack.as_deref(), args.prune);
    let manifest_path = SafePath::new([MANIFEST_NAME])?;
    if let Err(err) = out.write(&manifest_path, manifest.to_json().as_bytes()) {
        manifest
            .errors
            .push(Issue::at_path(format!("{err:#}"), MANIFEST_NAME));
    }
    report.finish(&manifest, &args.out, &sources, &texts, &counts)?;
    Ok(exit_of(&manifest))
}

/// Whether the run builds the whole pack of its frameworks, so that a file
/// of an earlier run it does not plan is no longer part of the pack.
fn is_full(args: &BuildArgs) -> bool {
    args.roles.is_empty()
        && args.levels.is_empty()
        && args.products.is_empty()
        && args.people.is_none()
}

/// 0 when everything asked for was written, else 1 (some outputs failed).
fn exit_of(manifest: &Manifest) -> Exit {
    if manifest.errors.is_empty() {
        Exit::Success
    } else {
        Exit::Failure
    }
}

/// The text of each framework file read, kept to show source lines under
/// its diagnostics (a file is read once: a second read could give another
/// text, or block on a pipe).
type Texts = HashMap<PathBuf, String>;

/// Every framework named (files, or folders of `*.toml`), loaded in parallel;
/// sources in the order named, folder contents by file name. Also returns
/// problems finding the files, the diagnostics of files that did not load,
/// and the texts read. `lang` is `--lang`: which language editions to make.
fn load_all(
    paths: &[PathBuf],
    lang: &[String],
) -> (Vec<Source>, Vec<Issue>, Vec<Diagnostic>, Texts) {
    let mut diagnostics = Vec::new();
    let mut problems = Vec::new();
    let mut files: Vec<PathBuf> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for path in paths {
        match expand(path) {
            Ok(found) => {
                for file in found {
                    // The same file named twice (or by a file and its folder) is built once.
                    if seen.insert(std::fs::canonicalize(&file).unwrap_or_else(|_| file.clone())) {
                        files.push(file);
                    }
                }
            }
            Err(issue) => problems.push(*issue),
        }
    }
    let loaded: Vec<_> = files
        .par_iter()
        .map(|file| match load::read_source(file) {
            Ok(text) => {
                let result = load::load_str(&text, file);
                (file, result, Some(text))
            }
            Err(err) => (file, Err(vec![err.0]), None),
        })
        .collect();
    let mut sources = Vec::new();
    let mut texts = Texts::new();
    for (file, result, text) in loaded {
        match result {
            Ok(loaded) => match super::editions::sources(file, loaded, lang) {
                Ok(editions) => sources.extend(editions),
                Err(issue) => problems.push(*issue),
            },
            Err(found) => diagnostics.extend(found),
        }
        if let Some(text) = text {
            texts.insert(file.clone(), text);
        }
    }
    (sources, problems, diagnostics, texts)
}

/// A framework file as given, or the `*.toml` files of a folder sorted by name.
fn expand(path: &Path) -> Result<Vec<PathBuf>, Box<Issue>> {
    let at = |message: String, hint: &str| {
        Box::new(Issue {
            file: Some(path.display().to_string()),
            hint: Some(hint.to_string()),
            ..Issue::message(message)
        })
    };
    if !path.is_dir() {
        if path.exists() {
            return Ok(vec![path.to_path_buf()]);
        }
        return Err(at(
            "no such framework file or folder".into(),
            "name a framework file or a folder of them; without arguments jobpack reads ./framework.toml",
        ));
    }
    let entries = std::fs::read_dir(path).map_err(|err| {
        at(
            format!("cannot read the folder: {err}"),
            "check its permissions",
        )
    })?;
    let mut files: Vec<PathBuf> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_file() && p.extension().is_some_and(|e| e == "toml"))
        .collect();
    files.sort();
    if files.is_empty() {
        return Err(at(
            "this folder holds no *.toml framework files".into(),
            "name a framework file, or a folder that holds some",
        ));
    }
    Ok(files)
}

/// How the outcome is told: JSON on stdout, text on stderr.
struct Report {
    json: bool,
    quiet: bool,
    dry_run: bool,
}

impl Report {
    /// Prints problems that make the run invalid (framework diagnostics as
    /// `jobpack check` does, with the source line); nothing was written.
    fn invalid(
        &self,
        problems: Vec<Issue>,
        diagnostics: &[Diagnostic],
        texts: &Texts,
    ) -> Result<Exit> {
        let mut manifest = Manifest::new(self.dry_run);
        manifest.add_diagnostics(diagnostics);
        manifest.errors.extend(problems.iter().cloned());
        eprint_diagnostics(diagnostics, texts)?;
        for issue in &problems {
            console::errln(&format_issue(issue, Severity::Error))?;
        }
        if !problems.is_empty() {
            console::errln("nothing was written")?;
        }
        if self.json {
            console::out(&manifest.to_json())?;
        }
        Err(Reported(Exit::Invalid).into())
    }

    /// Prints warnings, errors, the summary (or the dry run's list) and the JSON.
    fn finish(
        &self,
        manifest: &Manifest,
        out: &Path,
        sources: &[Source],
        texts: &Texts,
        counts: &Counts,
    ) -> Result<()> {
        if !self.quiet {
            // The manifest lists the frameworks' warnings first; they are shown
            // as `jobpack check` shows them, the rest (people file, products) plainly.
            for source in sources {
                eprint_diagnostics(&source.warnings, texts)?;
            }
            let shown: usize = sources.iter().map(|s| s.warnings.len()).sum();
            for issue in manifest.warnings.iter().skip(shown) {
                console::errln(&format_issue(issue, Severity::Warning))?;
            }
        }
        for issue in &manifest.errors {
            console::errln(&format_issue(issue, Severity::Error))?;
        }
        if self.json {
            console::out(&manifest.to_json())?;
        } else if self.dry_run && !self.quiet {
            let list: String = manifest
                .files
                .iter()
                .map(|f| format!("{}\n", out.join(&f.path).display()))
                .collect();
            console::out(&list)?;
        }
        if !self.quiet {
            console::errln(&summary(manifest, out, counts))?;
        }
        Ok(())
    }
}

/// Loader diagnostics, rustc-style with the source line, file by file.
fn eprint_diagnostics(diagnostics: &[Diagnostic], texts: &Texts) -> Result<()> {
    let mut rest = diagnostics;
    while let Some(first) = rest.first() {
        let n = rest.iter().take_while(|d| d.file == first.file).count();
        let src = texts.get(&first.file).map(String::as_str);
        console::err(&load::render_all(&rest[..n], src))?;
        rest = &rest[n..];
    }
    Ok(())
}

/// What this run made, for the summary: the manifest also lists files of
/// the pack that earlier runs wrote.
struct Counts {
    /// What each file this run made (or would, in a dry run) is, in order
    /// (see [`file_kind`]).
    kinds: Vec<&'static str>,
    /// How many of them already held the same bytes and were left alone.
    unchanged: usize,
    /// How many of those were not even made again: nothing they are made
    /// from had changed.
    reused: usize,
}

impl Counts {
    /// Counts from this run's manifest, before earlier files are added to it.
    fn of(manifest: &Manifest, outcome: Option<&build::Outcome>) -> Counts {
        Counts {
            kinds: manifest
                .files
                .iter()
                .map(|f| file_kind(f.product, &f.path))
                .collect(),
            unchanged: outcome.map_or(0, |o| {
                o.results
                    .iter()
                    .filter(|r| r.as_ref().is_ok_and(|w| w.unchanged))
                    .count()
            }),
            reused: outcome.map_or(0, |o| {
                o.results
                    .iter()
                    .filter(|r| r.as_ref().is_ok_and(|w| w.reused))
                    .count()
            }),
        }
    }
}

/// "wrote 12 files to output (5 profiles, 5 appraisal sheets, 1 appraisal
/// workbook, 1 skills-matrix workbook)", or "wrote 2 of 12 files to output
/// (…); 10 were unchanged and left alone, 9 of them not made again".
fn summary(manifest: &Manifest, out: &Path, run: &Counts) -> String {
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for kind in &run.kinds {
        let name = *kind;
        match counts.iter_mut().find(|(n, _)| *n == name) {
            Some((_, c)) => *c += 1,
            None => counts.push((name, 1)),
        }
    }
    let detail: Vec<String> = counts
        .iter()
        .map(|(name, n)| {
            let plural = if *n == 1 { "" } else { "s" };
            format!("{n} {name}{plural}")
        })
        .collect();
    let verb = if manifest.dry_run {
        "would write"
    } else {
        "wrote"
    };
    let made = run.kinds.len();
    let of = if run.unchanged > 0 {
        format!("{} of ", made - run.unchanged)
    } else {
        String::new()
    };
    let mut text = format!(
        "{verb} {of}{made} file{} to {}",
        if made == 1 { "" } else { "s" },
        out.display()
    );
    if !detail.is_empty() {
        text.push_str(&format!(" ({})", detail.join(", ")));
    }
    if run.unchanged > 0 {
        text.push_str(&format!(
            "; {} {} unchanged and left alone",
            run.unchanged,
            if run.unchanged == 1 { "was" } else { "were" }
        ));
        if run.reused > 0 {
            text.push_str(&format!(
                ", {} of them not made again (nothing they are made from had changed)",
                run.reused
            ));
        }
    }
    if !manifest.removed.is_empty() {
        text.push_str(&format!(
            "; deleted {} file(s) no longer part of the pack",
            manifest.removed.len()
        ));
    }
    if !manifest.errors.is_empty() {
        text.push_str(&format!("; {} error(s), see above", manifest.errors.len()));
    }
    text
}

/// What a file of the pack is, for the summary: the product alone does not
/// say, since the appraisal product writes a sheet (PDF) per level and a
/// workbook per role.
fn file_kind(product: ProductKind, path: &str) -> &'static str {
    let workbook = path.ends_with(".xlsx");
    match product {
        ProductKind::Profile => "profile",
        ProductKind::Appraisal if workbook => "appraisal workbook",
        ProductKind::Appraisal => "appraisal sheet",
        ProductKind::Workbook => "skills-matrix workbook",
        ProductKind::Index => "index page",
    }
}

/// "file:line:column: error: message", then the snippet and hint indented.
pub(crate) fn format_issue(issue: &Issue, severity: Severity) -> String {
    let mut place = String::new();
    if let Some(file) = &issue.file {
        place.push_str(file);
        if let Some(line) = issue.line {
            place.push_str(&format!(":{line}"));
            if let Some(column) = issue.column {
                place.push_str(&format!(":{column}"));
            }
        }
        place.push_str(": ");
    } else if let Some(path) = &issue.path {
        place.push_str(&format!("{path}: "));
    }
    let label = match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    };
    let mut text = format!("{place}{label}: {}", issue.message);
    if let Some(snippet) = &issue.snippet {
        text.push_str(&format!("\n    {snippet}"));
    }
    if let Some(hint) = &issue.hint {
        text.push_str(&format!("\n  hint: {hint}"));
    }
    text
}
