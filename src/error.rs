//! The library's errors. Messages are lowercase and start with where the problem is.

use std::path::PathBuf;

/// Everything that can go wrong in the library.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The file could not be read or written.
    #[error("{}: {source}", path.display())]
    Io {
        /// The file concerned.
        path: PathBuf,
        /// What the system said.
        #[source]
        source: std::io::Error,
    },
    /// An address could not be fetched.
    #[error("{url}: {why}")]
    Fetch {
        /// The address asked for.
        url: String,
        /// What went wrong, in one line.
        why: String,
    },
    /// The path names a directory.
    #[error("{}: is a directory", path.display())]
    Directory {
        /// The directory.
        path: PathBuf,
    },
    /// The bytes are not UTF-8.
    #[error("{}: not valid UTF-8 at byte {offset} (--lossy reads it with replacement characters)", path.display())]
    InvalidUtf8 {
        /// The file.
        path: PathBuf,
        /// Offset of the first invalid byte.
        offset: usize,
    },
    /// The bytes look like a binary file (they contain NUL).
    #[error("{}: binary content (NUL byte at {offset}), not an article", path.display())]
    Binary {
        /// The file.
        path: PathBuf,
        /// Offset of the first NUL byte.
        offset: usize,
    },
    /// The file is larger than galley reads for its purpose.
    #[error("{}: {} is too large (galley reads up to {} of it)", path.display(), human(*size), human(*limit))]
    TooLarge {
        /// The file.
        path: PathBuf,
        /// Its size in bytes (or as far as it was read).
        size: u64,
        /// The most galley reads of such a file.
        limit: u64,
    },
    /// The path names a FIFO, a device or a socket, not a file.
    #[error("{}: not a regular file", path.display())]
    NotRegular {
        /// The path.
        path: PathBuf,
    },
    /// A file the user wrote has a bad line: a word list, a personal dictionary, the config.
    #[error("{}:{line}: {message}", path.display())]
    BadLine {
        /// The file.
        path: PathBuf,
        /// 1-based line number.
        line: usize,
        /// What is wrong with it.
        message: String,
    },
    /// A recovery journal cannot be used.
    #[error("{}: {message}", path.display())]
    Journal {
        /// The journal.
        path: PathBuf,
        /// Why not.
        message: String,
    },
    /// The file changed on disk since the reader opened (or last saved) it.
    #[error("{}: changed on disk since it was opened; not overwritten", path.display())]
    ChangedOnDisk {
        /// The file.
        path: PathBuf,
    },
    /// The file was read with replacement characters: saving over it would lose bytes.
    #[error("{}: read with --lossy, so saving over it would lose its bytes that are not UTF-8; save it under a new name", path.display())]
    Lossy {
        /// The file.
        path: PathBuf,
    },
    /// Another galley reader has the file open.
    #[error("{}: open in another galley reader, so not saved over; save it under a new name", path.display())]
    InUse {
        /// The file.
        path: PathBuf,
    },
    /// The undo history no longer matches the text (a bug: the reader stops the step).
    #[error("history does not match the text at byte {at}")]
    History {
        /// Where the step expected its text.
        at: usize,
    },
}

/// A size for a message: bytes, kB or MB.
fn human(n: u64) -> String {
    match n {
        0..1_000 => format!("{n} bytes"),
        1_000..1_000_000 => format!("{} kB", n / 1_000),
        _ => format!("{} MB", n / 1_000_000),
    }
}

/// Result with the library's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Exit statuses of the command line and the reader.
pub mod exit {
    /// Nothing suspect, nothing fixed.
    pub const CLEAN: u8 = 0;
    /// Suspects found (check, suggest) or fixes made (fix).
    pub const FOUND: u8 = 1;
    /// Bad input or another error.
    pub const ERROR: u8 = 2;
}
