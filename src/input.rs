//! Reading the files galley is given: regular files only, under a size cap.
//!
//! An article, a word list, the config, a journal: each may be a FIFO with no writer (whose
//! open would wait forever), a link to `/dev/zero` (whose read never ends) or simply too large.
//! The file is opened without waiting, checked as opened (not as named, so a swap in between
//! changes nothing), and read no further than its cap.

use crate::error::{Error, Result};
use std::io::Read;
use std::os::unix::fs::OpenOptionsExt;
use std::path::Path;

/// The largest word list galley reads (`--vocab`, `dict import`, the personal dictionary):
/// about two million words.
pub const MAX_WORD_LIST: u64 = 32_000_000;
/// The largest config file.
pub const MAX_CONFIG: u64 = 1_000_000;
/// The largest journal or place file galley reads back.
pub const MAX_STATE: u64 = 256_000_000;

/// The bytes of the regular file at `path`, if it holds at most `cap` of them.
pub fn read_bytes(path: &Path, cap: u64) -> Result<Vec<u8>> {
    let io = |source| Error::Io { path: path.to_path_buf(), source };
    // O_NONBLOCK: opening a FIFO with no writer returns at once (and is refused below); it
    // changes nothing for a regular file.
    let file = std::fs::OpenOptions::new().read(true).custom_flags(libc::O_NONBLOCK).open(path).map_err(io)?;
    let meta = file.metadata().map_err(io)?;
    if meta.is_dir() {
        return Err(Error::Directory { path: path.to_path_buf() });
    }
    if !meta.is_file() {
        return Err(Error::NotRegular { path: path.to_path_buf() });
    }
    if meta.len() > cap {
        return Err(Error::TooLarge { path: path.to_path_buf(), size: meta.len(), limit: cap });
    }
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    // `take`: a file that grows while it is read stops at the cap too.
    file.take(cap + 1).read_to_end(&mut bytes).map_err(io)?;
    if bytes.len() as u64 > cap {
        return Err(Error::TooLarge { path: path.to_path_buf(), size: bytes.len() as u64, limit: cap });
    }
    Ok(bytes)
}

/// [`read_bytes`] as UTF-8 text.
pub fn read_text(path: &Path, cap: u64) -> Result<String> {
    String::from_utf8(read_bytes(path, cap)?)
        .map_err(|e| Error::InvalidUtf8 { path: path.to_path_buf(), offset: e.utf8_error().valid_up_to() })
}

/// [`read_text`], with `None` for a file that is not there.
pub fn read_text_if_there(path: &Path, cap: u64) -> Result<Option<String>> {
    match read_text(path, cap) {
        Ok(t) => Ok(Some(t)),
        Err(Error::Io { source, .. }) if source.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fifo_a_device_and_a_large_file_are_refused_at_once() {
        let dir = tempfile::tempdir().expect("tempdir");
        let fifo = dir.path().join("fifo");
        assert!(std::process::Command::new("mkfifo").arg(&fifo).status().expect("mkfifo").success());
        assert!(matches!(read_bytes(&fifo, 10), Err(Error::NotRegular { .. })));
        let zero = dir.path().join("zero");
        std::os::unix::fs::symlink("/dev/zero", &zero).expect("link");
        assert!(matches!(read_bytes(&zero, 10), Err(Error::NotRegular { .. })));
        let big = dir.path().join("big");
        std::fs::write(&big, "x".repeat(11)).expect("write");
        assert!(matches!(read_bytes(&big, 10), Err(Error::TooLarge { size: 11, limit: 10, .. })));
        assert_eq!(read_bytes(&big, 11).expect("fits").len(), 11);
        assert_eq!(read_text_if_there(&dir.path().join("none"), 10).expect("absent"), None);
    }
}
