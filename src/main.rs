//! The `jobpack` binary: parse the command line, run the command, map the
//! outcome to a documented exit status. All work happens in the library.

use std::process::ExitCode;

use clap::Parser;

/// A batch allocates and frees millions of small PDF objects across threads;
/// mimalloc does that at a fraction of glibc malloc's cost (see benches/batch.rs).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = match jobpack::cli::Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) => {
            // clap prints help and version to stdout with success; usage errors are exit 2.
            let _ = err.print();
            return ExitCode::from(if err.use_stderr() { 2 } else { 0 });
        }
    };
    match jobpack::commands::run(cli) {
        Ok(exit) => ExitCode::from(exit.code() as u8),
        Err(err) => {
            let told = err.downcast_ref::<jobpack::error::Reported>().is_some();
            if !told && !jobpack::console::is_pipe_closed(&err) {
                // A failure to say so has nowhere to be reported either.
                let _ = jobpack::console::errln(&format!("error: {err:#}"));
            }
            ExitCode::from(jobpack::error::exit_for(&err).code() as u8)
        }
    }
}
