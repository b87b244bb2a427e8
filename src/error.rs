//! Exit codes and the error that carries them.
//!
//! Scripts branch on these, so they are part of the interface and documented
//! in README.md: 0 success, 1 any other failure (I/O, internal), 2 invalid
//! input or command line, 141 output pipe closed.

use std::fmt;

/// The process exit status jobpack promises.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// Everything asked for was done.
    Success = 0,
    /// Something other than the input went wrong (I/O, a full disk, a bug),
    /// or some outputs of a batch failed.
    Failure = 1,
    /// The framework, a people file or the command line is invalid; nothing was written.
    Invalid = 2,
    /// Standard output or standard error was a pipe its reader closed (as
    /// `head` does): the rest of the output was dropped, quietly. 141 is what a
    /// shell reports for a program ended by SIGPIPE, as `cat` or `grep` would be.
    PipeClosed = 141,
}

impl Exit {
    /// The process exit code.
    pub fn code(self) -> i32 {
        self as i32
    }
}

/// An error whose message has already been printed in full (for example every
/// diagnostic of a framework file), carrying only the exit status to use.
#[derive(Debug)]
pub struct Reported(pub(crate) Exit);

impl fmt::Display for Reported {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "failed (exit {})", self.0.code())
    }
}

impl std::error::Error for Reported {}

/// An error in what the user gave us (exit 2), as opposed to an I/O or internal failure (exit 1).
#[derive(Debug)]
pub(crate) struct InvalidInput(pub(crate) String);

impl fmt::Display for InvalidInput {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for InvalidInput {}

/// The exit status for an error returned by a command.
pub fn exit_for(err: &anyhow::Error) -> Exit {
    if let Some(Reported(exit)) = err.downcast_ref::<Reported>() {
        *exit
    } else if crate::console::is_pipe_closed(err) {
        Exit::PipeClosed
    } else if err.downcast_ref::<InvalidInput>().is_some() {
        Exit::Invalid
    } else {
        Exit::Failure
    }
}
