//! `jobpack collect`: read filled appraisal sheets back into a results
//! workbook (or CSV), reporting each sheet that could not be collected.

use std::path::Path;

use anyhow::Result;

use crate::cli::{CollectArgs, ResultsFormat};
use crate::collect::{self, table, workbook};
use crate::error::{Exit, InvalidInput};
use crate::load;
use crate::output::{write_file, OutDir};

/// Collects the sheets `args` names into `args.out`. Exit 1 when any sheet
/// was left out (the rest are written), 2 on bad input (a bad framework, no
/// sheets, an output that cannot be written), before anything is read.
pub(crate) fn run(args: &CollectArgs) -> Result<Exit> {
    let loaded = load::load_reported_with(&args.framework, !args.quiet)?;
    let fw = &loaded.framework;
    let epoch = fw.document_epoch(source_date_epoch()?);
    let format = args.format.unwrap_or_else(|| {
        let csv = args
            .out
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("csv"));
        if csv {
            ResultsFormat::Csv
        } else {
            ResultsFormat::Xlsx
        }
    });
    check_out(&args.out)?;
    let files = collect::gather(&args.sheets).map_err(InvalidInput)?;
    if files.is_empty() {
        return Err(InvalidInput(
            "no PDF files found in the folders given; name the filled sheets or the \
             folders that hold them"
                .into(),
        )
        .into());
    }

    let found = collect::collect(fw, &files);
    for problem in &found.skipped {
        eprintln!("skipped: {problem}");
    }
    let bytes = match format {
        ResultsFormat::Xlsx => workbook::results_workbook(fw, &found, epoch)?,
        ResultsFormat::Csv => table::csv(fw, &found.sheets)?,
    };
    write_file(&args.out, &bytes)?;

    let skipped = found.skipped_files();
    if !args.quiet {
        let rows: usize = found.sheets.iter().map(|s| s.skills.len()).sum();
        eprintln!(
            "collected {} of {} {} ({rows} rows) into {}",
            found.sheets.len(),
            files.len(),
            if files.len() == 1 { "sheet" } else { "sheets" },
            args.out.display()
        );
    }
    if skipped > 0 {
        eprintln!(
            "{skipped} {} could not be collected: see above{}",
            if skipped == 1 { "sheet" } else { "sheets" },
            match format {
                ResultsFormat::Xlsx => " and the workbook's Skipped sheet",
                ResultsFormat::Csv => "",
            }
        );
        return Ok(Exit::Failure);
    }
    Ok(Exit::Success)
}

/// The output must be a file in a folder that exists and can be written: found
/// out before any sheet is read, so a typo costs nothing.
fn check_out(out: &Path) -> Result<()> {
    if out.is_dir() {
        return Err(InvalidInput(format!(
            "--out {} is a folder; name the file to write, such as {}",
            out.display(),
            out.join("results.xlsx").display()
        ))
        .into());
    }
    let folder = match out.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    if !folder.is_dir() {
        return Err(InvalidInput(format!(
            "cannot write {}: the folder {} does not exist",
            out.display(),
            folder.display()
        ))
        .into());
    }
    // Writes and removes a temporary file, so a read-only folder fails now.
    OutDir::open(folder)
        .map(drop)
        .map_err(|e| InvalidInput(format!("cannot write {}: {e:#}", out.display())).into())
}

/// `SOURCE_DATE_EPOCH`, which must be whole seconds if set.
fn source_date_epoch() -> Result<Option<i64>> {
    match std::env::var("SOURCE_DATE_EPOCH") {
        Ok(text) if !text.trim().is_empty() => text.trim().parse().map(Some).map_err(|_| {
            InvalidInput(format!(
                "SOURCE_DATE_EPOCH must be a whole number of seconds, not {text:?}"
            ))
            .into()
        }),
        _ => Ok(None),
    }
}
