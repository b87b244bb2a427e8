//! `jobpack diff`: what changed between two framework files.

use crate::console;
use anyhow::Result;

use crate::cli::DiffArgs;
use crate::compose::changes;
use crate::diff::{compare, terminal};
use crate::error::Exit;
use crate::load;
use crate::render::Paper;

/// Prints the differences (text, or JSON with `--json`), writes the change
/// report PDF with `--report`, and exits 0 when the frameworks agree, 1 when
/// they differ, 2 when either file is invalid.
pub(crate) fn run(args: &DiffArgs) -> Result<Exit> {
    let old = load::load_reported_with(&args.old, false)?;
    let new = load::load_reported_with(&args.new, false)?;
    let changes = compare(&old.framework, &new.framework);
    if args.json {
        console::out(&format!("{}\n", serde_json::to_string_pretty(&changes)?))?;
    } else {
        console::out(&terminal::render(&changes, terminal::use_colour()))?;
    }
    if let Some(path) = &args.report {
        let epoch = new.framework.document_epoch(source_date_epoch());
        let doc = changes::report(&old.framework, &new.framework, &changes, epoch);
        let fonts = crate::render::pdf::FontSet::load()?;
        let options = crate::render::pdf::PdfOptions {
            paper: Paper::A4,
            accent: None,
        };
        let pdf = crate::render::pdf::render(&doc, &options, &fonts)?;
        crate::output::write_file(path, &pdf.bytes)?;
        console::errln(&format!("wrote {}", path.display()))?;
    }
    Ok(if changes.is_empty() {
        Exit::Success
    } else {
        Exit::Failure
    })
}

fn source_date_epoch() -> Option<i64> {
    std::env::var("SOURCE_DATE_EPOCH").ok()?.trim().parse().ok()
}
