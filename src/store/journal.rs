//! The recovery journal: every decision of a review, appended and flushed to disk as it is
//! made, so that a crash, a dead terminal or `kill -9` loses none.
//!
//! The journal holds a header naming the file and the hash of the text the review started
//! from, then one JSON line per decision, undo or redo. Each line is self-contained
//! ([`Entry`]): the byte range, the old text and the new text, and the kind of decision. Replay
//! needs no suggestion, option or config, and checks the old text at each range before it
//! changes anything (see [`crate::review::Review::replay`]). The starting text is kept beside
//! the journal (`KEY.base`), so replaying stays possible whatever happens to the file. A save
//! appends a `saved` line with the hash of what it wrote: recovery compares the file on disk
//! with it, and never overwrites what someone else wrote since.
//!
//! A [`Lock`] (`KEY.lock`, an advisory `flock`) belongs to the one reader that journals a file;
//! another reader of the same file opens it read-only and never touches the journal. The
//! journal and its base are removed when the reader closes cleanly. A journal that cannot be
//! used is set aside in `journal/aside/`, never overwritten.
//!
//! Files live in `journal/` in galley's XDG state directory (0700), named by a hash of the
//! article's canonical path, and are private to the user (0600).

use crate::error::{Error, Result};
use crate::lexicon::format::hash;
use crate::review::Entry;
use crate::store::save::{PRIVATE_FILE_MODE, private_dir, write_private};
use serde::{Deserialize, Serialize};
use std::fs::{File, OpenOptions};
use std::io::Write;
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};

/// The journal format this galley writes and reads.
const VERSION: u32 = 2;

/// One line of the journal.
#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", tag = "line")]
enum Line {
    /// The first line: which file, and the text the review started from.
    Header { version: u32, path: PathBuf, base_len: usize, base_hash: u64 },
    /// A decision, undo or redo.
    Entry { entry: Entry },
    /// The text was saved to the file; these are the length and hash of what was written.
    Saved { len: usize, hash: u64 },
}

/// An open journal, appended to as the review goes.
#[derive(Debug)]
pub struct Journal {
    path: PathBuf,
    base: PathBuf,
    file: File,
}

/// What an unfinished session left.
#[derive(Debug)]
pub struct Recovery {
    /// The text the review started from.
    pub base: String,
    /// Every entry, in order.
    pub entries: Vec<Entry>,
    /// How many entries came after the last save.
    pub unsaved: usize,
    /// How many lines could not be read (they are skipped; replay checks what follows).
    pub unreadable: usize,
    /// The hash of what the file should hold: the session's last save, or the text it started
    /// from.
    pub expected: u64,
    /// The file holds what the session last saved or loaded. When it does not, someone else
    /// wrote it since, and recovery must not write over it.
    pub file_unchanged: bool,
}

/// The reader's hold on a file: while it is held, no other reader journals the same file.
#[derive(Debug)]
pub struct Lock {
    _file: File,
}

/// The canonical path of `article`.
pub(crate) fn canonical(article: &Path) -> PathBuf {
    std::fs::canonicalize(article).unwrap_or_else(|_| article.to_path_buf())
}

/// The name galley's state files of the article at `canonical` go by: a hash of the path.
pub(crate) fn key_of(canonical: &Path) -> String {
    format!("{:016x}", hash(canonical.as_os_str().as_encoded_bytes()))
}

/// The journal directory and the key of `article`.
fn key_in(dir: &Path, article: &Path) -> (PathBuf, String) {
    (dir.join("journal"), key_of(&canonical(article)))
}

/// The journal and base files of `article`, in `DIR/journal`.
fn files_of(dir: &Path, article: &Path) -> (PathBuf, PathBuf) {
    let (dir, key) = key_in(dir, article);
    (dir.join(format!("{key}.journal")), dir.join(format!("{key}.base")))
}

/// Opens the journal for appending, private to the user, never through a symlink; `new`
/// starts it afresh (the caller has recovered, discarded or set aside any earlier one).
fn open_private(path: &Path, new: bool) -> Result<File> {
    let mut options = OpenOptions::new();
    options.append(true);
    if new {
        match std::fs::remove_file(path) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
                return Err(Error::Io { path: path.to_path_buf(), source: e });
            }
            _ => {}
        }
        options.create_new(true);
    }
    options
        .mode(PRIVATE_FILE_MODE)
        .custom_flags(libc::O_NOFOLLOW)
        .open(path)
        .map_err(|source| Error::Io { path: path.to_path_buf(), source })
}

impl Lock {
    /// Takes the lock of `article`; `Ok(None)` when another reader holds it.
    pub fn take(dir: &Path, article: &Path) -> Result<Option<Self>> {
        let (jdir, key) = key_in(dir, article);
        private_dir(&jdir)?;
        let path = jdir.join(format!("{key}.lock"));
        let file = OpenOptions::new()
            .write(true)
            .create(true)
            .truncate(false)
            .mode(PRIVATE_FILE_MODE)
            .custom_flags(libc::O_NOFOLLOW)
            .open(&path)
            .map_err(|source| Error::Io { path: path.clone(), source })?;
        match file.try_lock() {
            Ok(()) => Ok(Some(Self { _file: file })),
            Err(std::fs::TryLockError::WouldBlock) => Ok(None),
            Err(std::fs::TryLockError::Error(source)) => Err(Error::Io { path, source }),
        }
    }
}

impl Journal {
    /// Starts a journal for `article`, whose review starts from `base`, keeping `base` beside
    /// it. An earlier journal of the same file must have been recovered, discarded or set
    /// aside first (the caller holds the [`Lock`]).
    pub fn start(dir: &Path, article: &Path, base: &str) -> Result<Self> {
        let (path, base_path) = files_of(dir, article);
        private_dir(path.parent().unwrap_or(dir))?;
        write_private(&base_path, base.as_bytes())?;
        let mut file = open_private(&path, true)?;
        let io = |source| Error::Io { path: path.clone(), source };
        file.write_all(header(&canonical(article), base).as_bytes()).map_err(io)?;
        file.sync_data().map_err(io)?;
        Ok(Self { path, base: base_path, file })
    }

    /// Continues the journal of an unfinished session that was just recovered (its entries
    /// are already in it).
    pub fn resume(dir: &Path, article: &Path) -> Result<Self> {
        let (path, base) = files_of(dir, article);
        let file = open_private(&path, false)?;
        Ok(Self { path, base, file })
    }

    /// Appends an entry, and flushes it to disk.
    pub fn record(&mut self, entry: &Entry) -> Result<()> {
        self.append(&Line::Entry { entry: entry.clone() })
    }

    /// Marks a successful save of `text`.
    pub fn saved(&mut self, text: &str) -> Result<()> {
        self.append(&Line::Saved { len: text.len(), hash: hash(text.as_bytes()) })
    }

    /// Removes the journal and its base: the session ended cleanly.
    pub fn close(self) {
        let _ = std::fs::remove_file(&self.path);
        let _ = std::fs::remove_file(&self.base);
    }

    fn append(&mut self, line: &Line) -> Result<()> {
        let mut bytes = serde_json::to_vec(line).unwrap_or_default();
        bytes.push(b'\n');
        let io = |source| Error::Io { path: self.path.clone(), source };
        self.file.write_all(&bytes).map_err(io)?;
        self.file.sync_data().map_err(io)
    }
}

/// The first line of a journal of the article at `canonical` whose review starts from `base`.
#[must_use]
pub fn header(canonical: &Path, base: &str) -> String {
    let line = Line::Header {
        version: VERSION,
        path: canonical.to_path_buf(),
        base_len: base.len(),
        base_hash: hash(base.as_bytes()),
    };
    let mut text = serde_json::to_string(&line).unwrap_or_default();
    text.push('\n');
    text
}

/// The unfinished session of `article`, whose file now holds `on_disk`, if its journal is in
/// `dir`. `Ok(None)`: nothing to recover. An error: the journal cannot be used (set it aside).
pub fn find(dir: &Path, article: &Path, on_disk: &str) -> Result<Option<Recovery>> {
    let (path, base_path) = files_of(dir, article);
    let Some(text) = crate::input::read_text_if_there(&path, crate::input::MAX_STATE)? else { return Ok(None) };
    let Some(base) = crate::input::read_text_if_there(&base_path, crate::document::MAX_BYTES)? else {
        return Err(Error::Journal { path, message: "its starting text is missing".into() });
    };
    parse(&text, base, on_disk).map_err(|message| Error::Journal { path, message })
}

/// What the journal `text`, whose review started from `base`, left, if anything; the file
/// holds `on_disk` now. `Err`: why the journal cannot be used.
pub fn parse(text: &str, base: String, on_disk: &str) -> std::result::Result<Option<Recovery>, String> {
    let mut lines = text.split_inclusive('\n');
    let header = lines.next().unwrap_or_default();
    let (base_len, base_hash) = match serde_json::from_str(header) {
        Ok(Line::Header { version: VERSION, base_len, base_hash, .. }) => (base_len, base_hash),
        Ok(Line::Header { .. }) => return Err("written by another version of galley".into()),
        _ => return Err("no header".into()),
    };
    if base.len() != base_len || hash(base.as_bytes()) != base_hash {
        return Err("its starting text does not match it".into());
    }
    let (mut entries, mut unsaved, mut unreadable) = (Vec::new(), 0, 0);
    let mut expected = (base_len, base_hash);
    for line in lines {
        match serde_json::from_str::<Line>(line) {
            Ok(Line::Entry { entry }) => {
                entries.push(entry);
                unsaved += 1;
            }
            Ok(Line::Saved { len, hash }) => {
                expected = (len, hash);
                unsaved = 0;
            }
            // A last line cut short by the crash never reached the disk whole: no decision
            // was lost with it that the reader saw journaled.
            Err(_) if !line.ends_with('\n') => {}
            _ => unreadable += 1,
        }
    }
    let file_unchanged = on_disk.len() == expected.0 && hash(on_disk.as_bytes()) == expected.1;
    Ok((unsaved > 0 || unreadable > 0).then_some(Recovery {
        base,
        entries,
        unsaved,
        unreadable,
        expected: expected.1,
        file_unchanged,
    }))
}

/// Removes the journal of `article` (the user declined to recover it).
pub fn discard(dir: &Path, article: &Path) {
    let (path, base) = files_of(dir, article);
    let _ = std::fs::remove_file(path);
    let _ = std::fs::remove_file(base);
}

/// Moves the journal of `article` and its base into `journal/aside/`, under the first free
/// number; returns where the journal went.
pub fn set_aside(dir: &Path, article: &Path) -> Result<PathBuf> {
    let (path, base) = files_of(dir, article);
    let (jdir, key) = key_in(dir, article);
    let aside = jdir.join("aside");
    private_dir(&aside)?;
    let io = |p: &Path| {
        let p = p.to_path_buf();
        move |source| Error::Io { path: p, source }
    };
    for n in 1..=MAX_ASIDE {
        let (j, b) = (aside.join(format!("{key}-{n}.journal")), aside.join(format!("{key}-{n}.base")));
        if j.symlink_metadata().is_ok() || b.symlink_metadata().is_ok() {
            continue;
        }
        std::fs::rename(&path, &j).map_err(io(&path))?;
        if base.exists() {
            std::fs::rename(&base, &b).map_err(io(&base))?;
        }
        return Ok(j);
    }
    Err(Error::Journal { path, message: format!("{MAX_ASIDE} journals are set aside already; clear journal/aside/") })
}

/// How many journals of one article may be set aside.
const MAX_ASIDE: usize = 1000;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::Change;
    use crate::review::{Action, Decision};
    use crate::suspect::Kind;

    fn fix(at: usize, old: &str, new: &str) -> Entry {
        Entry::Decision(Decision {
            action: Action::Accept,
            kind: Kind::Spelling,
            at,
            old: old.into(),
            changes: vec![Change { at, old: old.into(), new: new.into() }],
            ignores: crate::review::Ignores::default(),
        })
    }

    #[test]
    fn entries_come_back_in_order_and_a_save_resets_the_count() {
        let dir = tempfile::tempdir().expect("tempdir");
        let article = dir.path().join("a.txt");
        std::fs::write(&article, "Teh end.").expect("write");
        let mut j = Journal::start(dir.path(), &article, "Teh end.").expect("start");
        j.record(&fix(0, "Teh", "The")).expect("record");
        j.saved("The end.").expect("saved");
        std::fs::write(&article, "The end.").expect("the save");
        assert!(find(dir.path(), &article, "The end.").expect("find").is_none(), "all saved");
        j.record(&fix(4, "end", "End")).expect("record");
        // A line cut short by a crash ends the journal.
        let (path, _) = files_of(dir.path(), &article);
        std::fs::OpenOptions::new()
            .append(true)
            .open(&path)
            .and_then(|mut f| f.write_all(b"{\"line\":\"ent"))
            .expect("cut");
        let r = find(dir.path(), &article, "The end.").expect("find").expect("something to recover");
        assert_eq!(r.base, "Teh end.", "the base kept beside the journal");
        // The journal holds article text: private to the user.
        let mode = |p: &Path| std::os::unix::fs::MetadataExt::mode(&std::fs::metadata(p).expect("meta")) & 0o777;
        assert_eq!((mode(&path), mode(path.parent().expect("dir"))), (0o600, 0o700));
        assert_eq!(r.entries, [fix(0, "Teh", "The"), fix(4, "end", "End")]);
        assert_eq!((r.unsaved, r.unreadable, r.file_unchanged), (1, 0, true));
        let r = find(dir.path(), &article, "Someone else's.").expect("find").expect("something to recover");
        assert!(!r.file_unchanged, "the file is not what the session saved");
        j.close();
        assert!(find(dir.path(), &article, "The end.").expect("find").is_none());
    }

    #[test]
    fn a_garbage_line_in_the_middle_is_counted_and_the_rest_read() {
        let dir = tempfile::tempdir().expect("tempdir");
        let article = dir.path().join("a.txt");
        let mut j = Journal::start(dir.path(), &article, "teh teh").expect("start");
        j.record(&fix(0, "teh", "the")).expect("record");
        let (path, _) = files_of(dir.path(), &article);
        std::fs::OpenOptions::new()
            .append(true)
            .open(&path)
            .and_then(|mut f| f.write_all(b"#!garbage\n"))
            .expect("damage");
        j.record(&fix(4, "teh", "the")).expect("record");
        let r = find(dir.path(), &article, "teh teh").expect("find").expect("something");
        assert_eq!((r.entries.len(), r.unreadable), (2, 1));
    }

    #[test]
    fn a_journal_that_cannot_be_used_is_set_aside_under_another_name() {
        let dir = tempfile::tempdir().expect("tempdir");
        let article = dir.path().join("a.txt");
        let mut j = Journal::start(dir.path(), &article, "one").expect("start");
        j.record(&fix(0, "one", "One")).expect("record");
        let (path, base) = files_of(dir.path(), &article);
        std::fs::write(&base, "two").expect("damage the base");
        assert!(matches!(find(dir.path(), &article, "one"), Err(Error::Journal { .. })));
        let first = set_aside(dir.path(), &article).expect("aside");
        assert!(!path.exists() && first.exists());
        let mut j = Journal::start(dir.path(), &article, "one").expect("start");
        j.record(&fix(0, "one", "One")).expect("record");
        let second = set_aside(dir.path(), &article).expect("aside");
        assert_ne!(first, second, "the first one set aside is kept");
        assert!(first.exists() && second.exists());
    }

    #[test]
    fn a_second_reader_does_not_get_the_lock() {
        let dir = tempfile::tempdir().expect("tempdir");
        let article = dir.path().join("a.txt");
        let first = Lock::take(dir.path(), &article).expect("lock");
        assert!(first.is_some());
        assert!(Lock::take(dir.path(), &article).expect("lock").is_none());
        drop(first);
        assert!(Lock::take(dir.path(), &article).expect("lock").is_some(), "free again once the first closes");
    }
}
