//! The one way jobpack reads an input file: the framework, a people file, a
//! logo, an earlier run's `manifest.json`.
//!
//! Every read is bounded and type-checked: only a regular file is read (a
//! folder, a pipe, a device such as `/dev/zero` or a socket is refused before a
//! byte is read, and opening never waits for a pipe's writer), and never more
//! than the limit for that kind of file, which the refusal names. A file is
//! read once; whoever needs its text again (diagnostics show source lines)
//! keeps the bytes rather than reading the path a second time, which could
//! give something else.

use std::fmt;
use std::fs::{File, OpenOptions};
use std::io::{self, Read};
use std::path::Path;

/// What kind of input a file is, and the most bytes jobpack reads of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Limit {
    /// How messages name the kind of file, e.g. "a framework file".
    pub(crate) what: &'static str,
    /// The largest size accepted, in bytes.
    pub(crate) bytes: u64,
    /// Whether a symbolic link is followed. Files the user names are (they may
    /// keep their framework anywhere); files jobpack finds inside its output
    /// folder are not, since jobpack never made a link there.
    pub(crate) follow_links: bool,
}

const MIB: u64 = 1024 * 1024;

/// A framework file: real ones are tens of kilobytes; this keeps a wrong path
/// (a disk image) from eating memory while leaving room for machine-made ones.
pub(crate) const FRAMEWORK: Limit = Limit {
    what: "a framework file",
    bytes: 16 * MIB,
    follow_links: true,
};

/// A people file (`--people`): about 300,000 rows of typical length.
pub(crate) const PEOPLE: Limit = Limit {
    what: "a people file",
    bytes: 32 * MIB,
    follow_links: true,
};

/// A logo: a small image, embedded in every PDF.
pub(crate) const LOGO: Limit = Limit {
    what: "a logo",
    bytes: 4 * MIB,
    follow_links: true,
};

/// An earlier run's `manifest.json` in the output folder: about 400 bytes a
/// file, so room for well over 100,000 files.
pub(crate) const MANIFEST: Limit = Limit {
    what: "a manifest",
    bytes: 64 * MIB,
    follow_links: false,
};

/// Why a file could not be read.
#[derive(Debug)]
pub(crate) enum ReadError {
    /// There is no such file.
    Missing,
    /// It exists but is not a regular file; says what it is ("a folder").
    NotAFile(&'static str),
    /// It is larger than the limit.
    TooLarge(Limit),
    /// Any other failure of the system (permissions, I/O).
    Io(io::Error),
}

impl ReadError {
    /// Whether the fault is in what the user named (exit 2) rather than in
    /// the system (exit 1).
    pub(crate) fn is_invalid_input(&self) -> bool {
        !matches!(self, ReadError::Io(_))
    }
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReadError::Missing => f.write_str("no such file"),
            ReadError::NotAFile(kind) => write!(f, "it is {kind}, not a regular file"),
            ReadError::TooLarge(limit) => write!(
                f,
                "it is larger than {}, the limit for {}",
                human(limit.bytes),
                limit.what
            ),
            ReadError::Io(e) => write!(f, "{e}"),
        }
    }
}

impl std::error::Error for ReadError {}

/// "16 MiB".
pub(crate) fn human(bytes: u64) -> String {
    if bytes.is_multiple_of(MIB) {
        format!("{} MiB", bytes / MIB)
    } else {
        format!("{bytes} bytes")
    }
}

/// Reads the whole of the regular file at `path`, at most `limit.bytes`.
pub(crate) fn read(path: &Path, limit: Limit) -> Result<Vec<u8>, ReadError> {
    let file = open(path, limit.follow_links).map_err(|e| match e.kind() {
        io::ErrorKind::NotFound => ReadError::Missing,
        _ if is_link_refusal(&e) => ReadError::NotAFile("a symbolic link"),
        _ => ReadError::Io(e),
    })?;
    let meta = file.metadata().map_err(ReadError::Io)?;
    if !meta.is_file() {
        return Err(ReadError::NotAFile(kind_of(&meta.file_type())));
    }
    if meta.len() > limit.bytes {
        return Err(ReadError::TooLarge(limit));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    // A file can grow between the size check and the read (or report no size,
    // as files under /proc do): the read itself is bounded too.
    file.take(limit.bytes + 1)
        .read_to_end(&mut bytes)
        .map_err(ReadError::Io)?;
    if bytes.len() as u64 > limit.bytes {
        return Err(ReadError::TooLarge(limit));
    }
    Ok(bytes)
}

/// Opens for reading without waiting: on Unix `O_NONBLOCK` makes opening a
/// pipe return at once (a pipe is then refused by its type), and
/// `O_NOFOLLOW` refuses a link where links are not followed.
fn open(path: &Path, follow_links: bool) -> io::Result<File> {
    let mut options = OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        let mut flags = libc::O_NONBLOCK;
        if !follow_links {
            flags |= libc::O_NOFOLLOW;
        }
        options.custom_flags(flags);
    }
    #[cfg(not(unix))]
    {
        if !follow_links && std::fs::symlink_metadata(path)?.file_type().is_symlink() {
            return Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                "a symbolic link",
            ));
        }
    }
    options.open(path)
}

/// `open` with `O_NOFOLLOW` fails with ELOOP on a link.
fn is_link_refusal(e: &io::Error) -> bool {
    #[cfg(unix)]
    {
        e.raw_os_error() == Some(libc::ELOOP)
    }
    #[cfg(not(unix))]
    {
        e.kind() == io::ErrorKind::InvalidInput
    }
}

/// "a folder", "a pipe (FIFO)", "a device"… for messages.
fn kind_of(kind: &std::fs::FileType) -> &'static str {
    if kind.is_dir() {
        return "a folder";
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return "a pipe (FIFO)";
        }
        if kind.is_char_device() || kind.is_block_device() {
            return "a device";
        }
        if kind.is_socket() {
            return "a socket";
        }
    }
    "not a regular file"
}

#[cfg(test)]
mod tests {
    use super::*;

    const SMALL: Limit = Limit {
        what: "a test file",
        bytes: 8,
        follow_links: true,
    };

    #[test]
    fn regular_files_within_the_limit_are_read() {
        let tmp = tempfile::tempdir().unwrap();
        let path = tmp.path().join("f");
        std::fs::write(&path, b"12345678").unwrap();
        assert_eq!(read(&path, SMALL).unwrap(), b"12345678");
        std::fs::write(&path, b"123456789").unwrap();
        let err = read(&path, SMALL).unwrap_err();
        assert!(matches!(err, ReadError::TooLarge(_)));
        assert_eq!(
            err.to_string(),
            "it is larger than 8 bytes, the limit for a test file"
        );
        assert!(matches!(
            read(&tmp.path().join("none"), SMALL),
            Err(ReadError::Missing)
        ));
        assert!(matches!(
            read(tmp.path(), SMALL),
            Err(ReadError::NotAFile("a folder"))
        ));
    }

    #[cfg(unix)]
    #[test]
    fn devices_pipes_and_unfollowed_links_are_refused_at_once() {
        assert!(matches!(
            read(Path::new("/dev/zero"), FRAMEWORK),
            Err(ReadError::NotAFile("a device"))
        ));
        let tmp = tempfile::tempdir().unwrap();
        let fifo = tmp.path().join("fifo");
        let c = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
        // SAFETY: a valid NUL-terminated path.
        assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
        // No writer: a blocking open would wait for ever.
        assert!(matches!(
            read(&fifo, FRAMEWORK),
            Err(ReadError::NotAFile("a pipe (FIFO)"))
        ));
        let target = tmp.path().join("t");
        std::fs::write(&target, b"x").unwrap();
        let link = tmp.path().join("link");
        std::os::unix::fs::symlink(&target, &link).unwrap();
        assert_eq!(read(&link, SMALL).unwrap(), b"x");
        assert!(matches!(
            read(&link, MANIFEST),
            Err(ReadError::NotAFile("a symbolic link"))
        ));
    }
}
