//! `jobpack export`: a framework in another shape.

use crate::console;
use anyhow::Result;

use crate::cli::{ExportArgs, ExportFormat};
use crate::error::Exit;
use crate::import::table;
use crate::load;

/// Writes the long table of a framework to `--out` (atomically) or standard output.
pub(crate) fn run(args: &ExportArgs) -> Result<Exit> {
    let ExportFormat::Table { framework, out } = &args.format;
    let loaded = load::load_reported(framework)?;
    let csv = table::export(&loaded.framework);
    match out {
        Some(path) => {
            crate::output::write_file(path, csv.as_bytes())?;
            console::errln(&format!("wrote {}", path.display()))?;
        }
        None => console::out(&csv)?,
    }
    Ok(Exit::Success)
}
