//! `jobpack man`: the manual pages, jobpack(1) and one per command
//! (jobpack-build(1), ...), which the top-level page lists by those names.

use std::path::Path;

use anyhow::{Context, Result};
use clap::CommandFactory;

use crate::cli::{Cli, ManArgs};
use crate::console;
use crate::error::Exit;
use crate::output::{OutDir, SafePath};

/// Prints one page, or with `--out` writes every page into a folder.
pub(crate) fn run(args: &ManArgs) -> Result<Exit> {
    if let Some(dir) = &args.out {
        let written = write_all(dir)?;
        console::errln(&format!(
            "wrote {} man pages to {}; read one with: man {}",
            written.len(),
            dir.display(),
            dir.join("jobpack-build.1").display()
        ))?;
        return Ok(Exit::Success);
    }
    let page = pages()
        .into_iter()
        .find(|(name, _)| match &args.command {
            Some(command) => *name == format!("jobpack-{command}.1"),
            None => name == "jobpack.1",
        })
        .map(|(_, roff)| roff)
        .context("internal error: no such man page")?;
    console::out_bytes(&page)?;
    Ok(Exit::Success)
}

/// Every page as (file name, roff): jobpack.1 first, then one per command in
/// the order `jobpack --help` lists them.
pub(crate) fn pages() -> Vec<(String, Vec<u8>)> {
    // As clap_mangen::generate_to does: no page for `help`, and built, so that
    // each command's display name is jobpack-COMMAND.
    let mut top = Cli::command().disable_help_subcommand(true);
    top.build();
    let mut pages = vec![render(top.clone())];
    for sub in top.get_subcommands().filter(|s| !s.is_hide_set()) {
        pages.push(render(sub.clone()));
    }
    pages
}

fn render(cmd: clap::Command) -> (String, Vec<u8>) {
    let man = clap_mangen::Man::new(cmd);
    let mut roff = Vec::new();
    // Writing into a Vec cannot fail.
    let _ = man.render(&mut roff);
    (man.get_filename(), roff)
}

/// Writes every page into `dir` (created if missing), each file complete or
/// not at all; returns the names written.
fn write_all(dir: &Path) -> Result<Vec<String>> {
    let out = OutDir::open(dir)?;
    let mut names = Vec::new();
    for (name, roff) in pages() {
        out.write(&SafePath::new([name.as_str()])?, &roff)?;
        names.push(name);
    }
    out.sync_folders()?;
    Ok(names)
}
