//! x
use crate::cli::DiffArgs;
use crate::error::Exit;
use anyhow::Result;
/// Runs diff.
pub fn run(_args: &DiffArgs) -> Result<Exit> {
    Ok(Exit::Success)
}
