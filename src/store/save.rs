//! Writing files without ever leaving a half-written one, and never where nobody asked.
//!
//! Every write goes to a new temporary file in the target's directory, is flushed to disk, and
//! is then renamed over the name. A rename replaces the *name*: a symlink or a hard link that
//! someone planted at a name galley writes is replaced, never written through. The one
//! exception is the article itself, opened by the user under a symlink: saving it writes the
//! link's target, as an editor does.
//!
//! - [`save_over`]: the article's own file. Its mode and owner stay as they were.
//! - [`write_new`]: a name the user chose (`-o`, an export, save-as). A new file follows the
//!   umask; a regular file already there keeps its mode.
//! - [`keep_backup`]: `FILE.bak`, or the first of `FILE.bak.1`, `FILE.bak.2`, ... that is free
//!   or already holds the same bytes. A backup holding other bytes is never replaced.
//! - [`write_private`] and [`private_dir`]: galley's own state (journals, places), which holds
//!   article text: files 0600, directories 0700.

use crate::error::{Error, Result};
use std::fs::Permissions;
use std::io::Write;
use std::os::unix::fs::{DirBuilderExt, MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};

/// The mode a new file asks for; the umask takes its part (0644 under the usual 022).
const NEW_FILE_MODE: u32 = 0o666;
/// The mode of galley's state files: they hold article text.
pub const PRIVATE_FILE_MODE: u32 = 0o600;
/// The mode of galley's state directories.
const PRIVATE_DIR_MODE: u32 = 0o700;
/// How many numbered backups galley looks through before it gives up.
const MAX_BACKUPS: usize = 1000;

fn io_error(path: &Path) -> impl Fn(std::io::Error) -> Error + '_ {
    move |source| Error::Io { path: path.to_path_buf(), source }
}

fn dir_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// A temporary file beside `path` with `bytes` in it, created with `mode` (less the umask) and
/// flushed to disk. A failure names `path`, the file asked for, and says what the system said:
/// the temporary file's name, which `tempfile` adds to its errors, is nothing the user asked for.
fn temp_beside(path: &Path, bytes: &[u8], mode: u32) -> Result<tempfile::NamedTempFile> {
    let io = |e: std::io::Error| io_error(path)(without_temp_path(e));
    let mut tmp = tempfile::Builder::new()
        .prefix(".galley-")
        .suffix(".tmp")
        .permissions(Permissions::from_mode(mode))
        .tempfile_in(dir_of(path))
        .map_err(io)?;
    tmp.write_all(bytes).map_err(io)?;
    tmp.as_file().sync_all().map_err(io)?;
    Ok(tmp)
}

/// What the system said, without the path of the temporary file that `tempfile` adds to it
/// (`... (os error 2) at path "dir/.galley-x1y2.tmp"`; its error type is private).
fn without_temp_path(e: std::io::Error) -> std::io::Error {
    let Some(inner) = e.get_ref() else { return e };
    let said = inner.to_string();
    match said.split_once(" at path ") {
        Some((what, _)) => std::io::Error::new(e.kind(), what),
        None => e,
    }
}

/// Saves `bytes` over the article's own file at `path`, atomically. A symlink is written
/// through to its target (the user opened the article by it); the file keeps its mode and, as
/// far as the system allows, its owner and group. A read-only file is refused.
pub fn save_over(path: &Path, bytes: &[u8]) -> Result<()> {
    let target: PathBuf =
        if path.is_symlink() { std::fs::canonicalize(path).map_err(io_error(path))? } else { path.to_path_buf() };
    let io = io_error(&target);
    let meta = std::fs::metadata(&target).ok();
    // A rename would replace a read-only file whose directory is writable: refuse, as an editor
    // does.
    if meta.as_ref().is_some_and(|m| m.permissions().readonly()) {
        return Err(io(std::io::Error::new(std::io::ErrorKind::PermissionDenied, "the file is read-only")));
    }
    if meta.as_ref().is_some_and(|m| !m.is_file()) {
        return Err(Error::NotRegular { path: target.clone() });
    }
    let tmp = temp_beside(&target, bytes, meta.as_ref().map_or(NEW_FILE_MODE, |_| PRIVATE_FILE_MODE))?;
    if let Some(meta) = &meta {
        // Root saving another user's file leaves it theirs. A user who may not give the file
        // away (it is not theirs) keeps at least its group where they can.
        if std::os::unix::fs::fchown(tmp.as_file(), Some(meta.uid()), Some(meta.gid())).is_err() {
            let _ = std::os::unix::fs::fchown(tmp.as_file(), None, Some(meta.gid()));
        }
        tmp.as_file().set_permissions(Permissions::from_mode(meta.mode() & 0o7777)).map_err(&io)?;
    }
    tmp.persist(&target).map_err(|e| io(e.error))?;
    Ok(())
}

/// Writes `bytes` to `path`, a name the user chose, atomically. Whatever stands at the name (a
/// symlink, a hard link) is replaced, never written through. A regular file there keeps its
/// mode; a new one follows the umask.
pub fn write_new(path: &Path, bytes: &[u8]) -> Result<()> {
    let io = io_error(path);
    let existing = std::fs::symlink_metadata(path).ok();
    if existing.as_ref().is_some_and(std::fs::Metadata::is_dir) {
        return Err(Error::Directory { path: path.to_path_buf() });
    }
    let mode = existing.as_ref().filter(|m| m.is_file()).map_or(NEW_FILE_MODE, |m| m.mode() & 0o7777);
    let tmp = temp_beside(path, bytes, mode)?;
    tmp.persist(path).map_err(|e| io(e.error))?;
    Ok(())
}

/// Keeps `bytes` (the text `file` held) as a backup beside it and returns where: `FILE.bak`, or
/// the first numbered one (`FILE.bak.1`, ...) that is free or already holds the same bytes. A
/// name taken by anything else, a symlink included, is passed over, so no backup is ever
/// replaced. The backup is no more readable than `file` was.
pub fn keep_backup(file: &Path, bytes: &[u8]) -> Result<PathBuf> {
    let first = backup_path(file);
    let file_mode = std::fs::metadata(file).map_or(NEW_FILE_MODE, |m| m.mode() & 0o666);
    let mut tmp = None;
    for n in 0..MAX_BACKUPS {
        let name = if n == 0 {
            first.clone()
        } else {
            let mut s = first.as_os_str().to_owned();
            s.push(format!(".{n}"));
            PathBuf::from(s)
        };
        match std::fs::symlink_metadata(&name) {
            Ok(m) if m.is_file() && m.len() == bytes.len() as u64 => {
                if crate::input::read_bytes(&name, bytes.len() as u64).is_ok_and(|b| b == bytes) {
                    return Ok(name);
                }
            }
            Ok(_) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                let t = match tmp.take() {
                    Some(t) => t,
                    None => temp_beside(&name, bytes, NEW_FILE_MODE & file_mode)?,
                };
                // No clobbering: if the name was taken since it was looked at, try the next.
                match t.persist_noclobber(&name) {
                    Ok(_) => return Ok(name),
                    Err(e) if e.error.kind() == std::io::ErrorKind::AlreadyExists => tmp = Some(e.file),
                    Err(e) => return Err(Error::Io { path: name, source: e.error }),
                }
            }
            Err(source) => return Err(Error::Io { path: name, source }),
        }
    }
    Err(Error::Io {
        path: first,
        source: std::io::Error::other(format!("{MAX_BACKUPS} backups are there already; none was replaced")),
    })
}

/// Creates galley's state directory `dir` (and its parents) private to the user.
pub fn private_dir(dir: &Path) -> Result<()> {
    std::fs::DirBuilder::new().recursive(true).mode(PRIVATE_DIR_MODE).create(dir).map_err(io_error(dir))
}

/// Writes one of galley's state files atomically, private to the user (0600, in a 0700
/// directory when galley creates it).
pub fn write_private(path: &Path, bytes: &[u8]) -> Result<()> {
    private_dir(&dir_of(path))?;
    let tmp = temp_beside(path, bytes, PRIVATE_FILE_MODE)?;
    tmp.persist(path).map_err(|e| io_error(path)(e.error))?;
    Ok(())
}

/// True when `a` and `b` name the same file (the same path, or paths that resolve to it).
#[must_use]
pub fn same_file(a: &Path, b: &Path) -> bool {
    a == b || std::fs::canonicalize(a).is_ok_and(|a| std::fs::canonicalize(b).is_ok_and(|b| a == b))
}

/// The first backup path of a file: `FILE.bak`.
#[must_use]
pub fn backup_path(path: &Path) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(".bak");
    PathBuf::from(name)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::fs::symlink;

    fn mode(p: &Path) -> u32 {
        std::fs::symlink_metadata(p).expect("meta").mode() & 0o777
    }

    #[test]
    fn a_planted_backup_link_is_passed_over_and_its_target_untouched() {
        let dir = tempfile::tempdir().expect("tempdir");
        let art = dir.path().join("art.txt");
        let mine = dir.path().join("mine.txt");
        std::fs::write(&art, "teh\n").expect("write");
        std::fs::write(&mine, "my own work\n").expect("write");
        symlink(&mine, backup_path(&art)).expect("plant");
        let kept = keep_backup(&art, b"teh\n").expect("backup");
        assert_eq!(kept, dir.path().join("art.txt.bak.1"));
        assert_eq!(std::fs::read_to_string(&mine).expect("read"), "my own work\n");
        assert_eq!(std::fs::read_to_string(&kept).expect("read"), "teh\n");
    }

    #[test]
    fn backups_are_numbered_and_never_replaced() {
        let dir = tempfile::tempdir().expect("tempdir");
        let art = dir.path().join("a.txt");
        std::fs::write(&art, "one\n").expect("write");
        assert_eq!(keep_backup(&art, b"one\n").expect("first"), dir.path().join("a.txt.bak"));
        assert_eq!(keep_backup(&art, b"one\n").expect("same bytes"), dir.path().join("a.txt.bak"), "reused");
        assert_eq!(keep_backup(&art, b"two\n").expect("other bytes"), dir.path().join("a.txt.bak.1"));
        assert_eq!(std::fs::read_to_string(dir.path().join("a.txt.bak")).expect("read"), "one\n");
    }

    #[test]
    fn a_write_that_fails_names_the_file_asked_for_not_the_temporary_one() {
        let dir = tempfile::tempdir().expect("tempdir");
        let out = dir.path().join("no-such-dir/out.txt");
        let err = write_new(&out, b"fixed\n").expect_err("no directory to write in").to_string();
        assert!(err.contains("out.txt") && !err.contains(".galley-"), "{err}");
        assert!(err.contains("No such file or directory"), "{err}");
    }

    #[test]
    fn a_new_name_replaces_a_planted_link_or_hard_link_and_never_writes_through() {
        let dir = tempfile::tempdir().expect("tempdir");
        let mine = dir.path().join("mine.txt");
        std::fs::write(&mine, "my own work\n").expect("write");
        let (soft, hard) = (dir.path().join("out.txt"), dir.path().join("hard.txt"));
        symlink(&mine, &soft).expect("plant");
        std::fs::hard_link(&mine, &hard).expect("plant");
        write_new(&soft, b"fixed\n").expect("write");
        write_new(&hard, b"fixed\n").expect("write");
        assert_eq!(std::fs::read_to_string(&mine).expect("read"), "my own work\n");
        assert!(!soft.is_symlink());
        assert_eq!(std::fs::read_to_string(&soft).expect("read"), "fixed\n");
        assert_eq!(std::fs::read_to_string(&hard).expect("read"), "fixed\n");
    }

    #[test]
    fn new_files_follow_the_umask_state_files_are_private_and_a_save_keeps_the_mode() {
        let dir = tempfile::tempdir().expect("tempdir");
        let new = dir.path().join("new.txt");
        write_new(&new, b"x").expect("write");
        // The test runs under some umask: the file has what 0666 less it gives, not 0600.
        let probe = dir.path().join("probe");
        std::fs::File::create(&probe).expect("probe");
        assert_eq!(mode(&new), mode(&probe));
        let private = dir.path().join("state/j/a.journal");
        write_private(&private, b"x").expect("write");
        assert_eq!((mode(&private), mode(&dir.path().join("state/j"))), (0o600, 0o700));
        let own = dir.path().join("own.txt");
        std::fs::write(&own, "a").expect("write");
        std::fs::set_permissions(&own, Permissions::from_mode(0o640)).expect("chmod");
        save_over(&own, b"b").expect("save");
        assert_eq!(mode(&own), 0o640);
    }
}
