//! Writing to standard output and standard error without `print!`.
//!
//! `print!` and `eprint!` panic when the stream is a pipe whose reader has gone
//! (`jobpack list --json | head -c 10`): Rust ignores SIGPIPE, so the write fails
//! with `BrokenPipe` instead of ending the process as it ends `cat` or `grep`.
//! Every line jobpack prints goes through here instead; a closed stream becomes
//! `PipeClosed`, which `main` turns into a quiet exit with status
//! [`crate::error::Exit::PipeClosed`] (141, what a shell reports for a program ended by SIGPIPE).

use std::fmt;
use std::io::{self, Write};

/// The reader of standard output or standard error went away (a closed pipe).
/// Nothing more can be told, so nothing more is printed: the process ends
/// quietly with [`crate::error::Exit::PipeClosed`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct PipeClosed;

impl fmt::Display for PipeClosed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("the output pipe was closed")
    }
}

impl std::error::Error for PipeClosed {}

/// Which stream to write to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Stream {
    Out,
    Err,
}

fn write(stream: Stream, bytes: &[u8]) -> anyhow::Result<()> {
    let result = match stream {
        Stream::Out => {
            let mut out = io::stdout().lock();
            out.write_all(bytes).and_then(|()| out.flush())
        }
        Stream::Err => {
            let mut err = io::stderr().lock();
            err.write_all(bytes).and_then(|()| err.flush())
        }
    };
    match result {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Err(PipeClosed.into()),
        // Standard error is where a failure would be reported: there is nowhere
        // left to say it, and a full disk under a redirected log is no reason
        // to stop a build.
        Err(_) if stream == Stream::Err => Ok(()),
        Err(e) => Err(anyhow::Error::new(e).context("cannot write to standard output")),
    }
}

/// Writes `text` to standard output. `Err` holds [`PipeClosed`] when the
/// reader has gone, or the I/O error (exit 1) otherwise.
pub(crate) fn out(text: &str) -> anyhow::Result<()> {
    write(Stream::Out, text.as_bytes())
}

/// Writes bytes (a man page, a completion script) to standard output, as [`out`].
pub(crate) fn out_bytes(bytes: &[u8]) -> anyhow::Result<()> {
    write(Stream::Out, bytes)
}

/// Writes `text` to standard error. `Err` only for a closed pipe
/// ([`PipeClosed`]); other failures to write a message are ignored.
pub(crate) fn err(text: &str) -> anyhow::Result<()> {
    write(Stream::Err, text.as_bytes())
}

/// Writes `text` and a line end to standard error, as `err`.
pub fn errln(text: &str) -> anyhow::Result<()> {
    let mut line = String::with_capacity(text.len() + 1);
    line.push_str(text);
    line.push('\n');
    err(&line)
}

/// Whether `err` (or what it wraps) is `PipeClosed`.
pub fn is_pipe_closed(err: &anyhow::Error) -> bool {
    err.chain()
        .any(|cause| cause.downcast_ref::<PipeClosed>().is_some())
}
