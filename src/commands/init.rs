//! `jobpack init`: a starter framework.toml for someone who installed the
//! binary and has no copy of the repository.

use anyhow::Result;

use crate::cli::InitArgs;
use crate::console;
use crate::error::{Exit, InvalidInput};
use crate::output::{OutDir, SafePath};

/// The commented framework shipped at the top of the repository, whose
/// comments explain how to write one; it is checked by the test suite like
/// any other framework, so the starter always loads.
pub(crate) const STARTER: &str = include_str!("../../framework.toml");

/// The file `init` writes.
pub(crate) const FILE_NAME: &str = "framework.toml";

/// Writes DIR/framework.toml, refusing (exit 2) to replace one unless `--force`.
pub(crate) fn run(args: &InitArgs) -> Result<Exit> {
    let target = args.dir.join(FILE_NAME);
    // symlink_metadata: a link there, even a dangling one, is something the user made.
    if !args.force && std::fs::symlink_metadata(&target).is_ok() {
        return Err(InvalidInput(format!(
            "{} already exists; nothing was written (use --force to replace it, \
             or name another folder: jobpack init DIR)",
            target.display()
        ))
        .into());
    }
    let out = OutDir::open(&args.dir)?;
    out.write(&SafePath::new([FILE_NAME])?, STARTER.as_bytes())?;
    out.sync_folders()?;
    console::err(&next_steps(&args.dir))?;
    Ok(Exit::Success)
}

/// What to do after `init`, with the commands spelt out for this folder.
fn next_steps(dir: &std::path::Path) -> String {
    let here = dir == std::path::Path::new(".");
    let file = if here {
        FILE_NAME.to_string()
    } else {
        dir.join(FILE_NAME).display().to_string()
    };
    let out = if here {
        "output".to_string()
    } else {
        dir.join("output").display().to_string()
    };
    format!(
        "wrote {file}: an example framework (one role of the UK government's DDaT framework)\n\
         \n\
         Next:\n\
         \x20 1. Edit {file}: its comments say how to write your own scale, skills and roles.\n\
         \x20 2. Run `jobpack check {file}` to find any mistake, by line and column.\n\
         \x20 3. Run `jobpack build {file} --out {out}` to write the job profiles,\n\
         \x20    appraisal sheets and workbooks (add --watch to build again on every save).\n"
    )
}
