//! One function per subcommand; `main` only dispatches here.

pub mod build;
pub mod check;
pub mod diff;
pub mod export;
pub mod import;
pub mod list;

use anyhow::Result;

use crate::cli::{Cli, Command};
use crate::error::Exit;

/// Runs a parsed command line and says which exit status to use.
pub fn run(cli: Cli) -> Result<Exit> {
    match cli.command {
        Command::Completions { shell } => {
            let mut cmd = <Cli as clap::CommandFactory>::command();
            clap_complete::generate(shell, &mut cmd, "jobpack", &mut std::io::stdout());
            Ok(Exit::Success)
        }
        Command::Man => {
            let cmd = <Cli as clap::CommandFactory>::command();
            clap_mangen::Man::new(cmd).render(&mut std::io::stdout())?;
            Ok(Exit::Success)
        }
        Command::Check(args) => check::run(&args),
        Command::List(args) => list::run(&args),
        Command::Build(args) => build::run(args),
        Command::Import(args) => import::run(args),
        Command::Export(args) => export::run(&args),
        Command::Diff(args) => diff::run(&args),
    }
}
