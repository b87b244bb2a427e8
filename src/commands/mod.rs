//! One function per subcommand; `main` only dispatches here.

pub(crate) mod build;
pub(crate) mod check;
pub(crate) mod collect;
pub(crate) mod diff;
pub(crate) mod editions;
pub(crate) mod export;
pub(crate) mod import;
pub(crate) mod init;
mod interrupt;
pub(crate) mod list;
pub(crate) mod man;
mod progress;
mod watch;

use anyhow::Result;

use crate::cli::{Cli, Command};
use crate::error::Exit;

/// Runs a parsed command line and says which exit status to use.
pub fn run(cli: Cli) -> Result<Exit> {
    match cli.command {
        Command::Completions { shell } => {
            let mut cmd = <Cli as clap::CommandFactory>::command();
            // Rendered first: clap_complete panics on a failed write (a closed pipe).
            let mut script = Vec::new();
            clap_complete::generate(shell, &mut cmd, "jobpack", &mut script);
            crate::console::out_bytes(&script)?;
            Ok(Exit::Success)
        }
        Command::Man(args) => man::run(&args),
        Command::Init(args) => init::run(&args),
        Command::Check(args) => check::run(&args),
        Command::List(args) => list::run(&args),
        Command::Build(args) => build::run(args),
        Command::Collect(args) => collect::run(&args),
        Command::Import(args) => import::run(args),
        Command::Export(args) => export::run(&args),
        Command::Diff(args) => diff::run(&args),
    }
}
