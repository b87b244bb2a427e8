//! The command line as a new user (or a script) meets it: closed pipes, man
//! pages, `check --json`, `init`, `build --watch`, the build's summary and
//! interruption, people files from Excel, and diagnostics an HR person can act on.

#[path = "cli/commands.rs"]
mod commands;
#[path = "cli/diagnostics.rs"]
mod diagnostics;
#[path = "cli/interrupt.rs"]
mod interrupt;
#[path = "cli/logo.rs"]
mod logo;
#[path = "cli/pipes.rs"]
mod pipes;
#[path = "cli/watch.rs"]
mod watch;

use std::path::{Path, PathBuf};

/// The jobpack binary under test.
pub fn bin() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_jobpack"))
}

/// `jobpack` run from the repository's top folder.
pub fn jobpack() -> assert_cmd::Command {
    let mut cmd = assert_cmd::Command::new(bin());
    cmd.current_dir(env!("CARGO_MANIFEST_DIR"));
    cmd
}

/// A file of the repository.
pub fn repo(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(rel)
}
