//! Writing files without ever leaving a half-written one: a temporary file in the same
//! directory, flushed to disk, then renamed over the target (permissions kept).

use crate::error::{Error, Result};
use std::io::Write;
use std::path::{Path, PathBuf};

/// Writes `bytes` to `path` atomically. A symlink is written through to its target.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    let io = |source| Error::Io { path: path.to_path_buf(), source };
    let target: PathBuf = if path.is_symlink() { std::fs::canonicalize(path).map_err(io)? } else { path.to_path_buf() };
    let dir = match target.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    // A rename would replace a read-only file whose directory is writable: refuse, as an editor
    // does.
    if std::fs::metadata(&target).is_ok_and(|m| m.permissions().readonly()) {
        return Err(io(std::io::Error::new(std::io::ErrorKind::PermissionDenied, "the file is read-only")));
    }
    let mut tmp = tempfile::Builder::new().prefix(".galley-").suffix(".tmp").tempfile_in(&dir).map_err(io)?;
    tmp.write_all(bytes).map_err(io)?;
    if let Ok(meta) = std::fs::metadata(&target) {
        tmp.as_file().set_permissions(meta.permissions()).map_err(io)?;
    }
    tmp.as_file().sync_all().map_err(io)?;
    tmp.persist(&target).map_err(|e| io(e.error))?;
    Ok(())
}

/// True when `a` and `b` name the same file (the same path, or paths that resolve to it).
#[must_use]
pub fn same_file(a: &Path, b: &Path) -> bool {
    a == b || std::fs::canonicalize(a).is_ok_and(|a| std::fs::canonicalize(b).is_ok_and(|b| a == b))
}

/// The backup path of a file: `FILE.bak`.
#[must_use]
pub fn backup_path(path: &Path) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(".bak");
    PathBuf::from(name)
}
