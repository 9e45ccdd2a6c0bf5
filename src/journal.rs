//! The recovery journal: every command of a review, appended and flushed to disk as it is made,
//! so that a crash, a dead terminal or `kill -9` loses no decision.
//!
//! A review is a pure function of the text it started from and the commands applied to it, so
//! the journal holds exactly that: a header naming the file and the hash of the starting text,
//! then one JSON line per command. Before the first save overwrites the file, the starting text
//! is kept beside the journal (`KEY.base`), so that replaying stays possible after a save. A
//! save appends a `saved` line; a journal whose last decision came before its last save has
//! nothing to recover. The journal and its base are removed when the reader closes.
//!
//! Files live in `journal/` in galley's XDG state directory, named by a hash of the article's
//! canonical path.

use crate::error::{Error, Result};
use crate::lexicon::format::hash;
use crate::review::Command;
use serde::{Deserialize, Serialize};
use std::fs::{File, OpenOptions};
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};

/// One line of the journal.
#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", tag = "line")]
enum Line {
    /// The first line: which file, and the text the review started from.
    Header { path: PathBuf, base_len: usize, base_hash: u64 },
    /// A command, as the review applied it.
    Command { command: Command },
    /// The text was saved to the file.
    Saved,
}

/// An open journal, appended to as the review goes.
#[derive(Debug)]
pub struct Journal {
    path: PathBuf,
    base: PathBuf,
    file: File,
    base_kept: bool,
}

/// What an unfinished session left: the text it started from and its commands, in order.
#[derive(Debug)]
pub struct Recovery {
    /// The text the review started from.
    pub base: String,
    /// Every command, in order.
    pub commands: Vec<Command>,
    /// How many of them changed something after the last save (moves do not count).
    pub unsaved: usize,
}

/// The canonical path of `article`.
pub(crate) fn canonical(article: &Path) -> PathBuf {
    std::fs::canonicalize(article).unwrap_or_else(|_| article.to_path_buf())
}

/// The name galley's state files of the article at `canonical` go by: a hash of the path.
pub(crate) fn key_of(canonical: &Path) -> String {
    format!("{:016x}", hash(canonical.as_os_str().as_encoded_bytes()))
}

/// The journal and base files of the article at `canonical`, in `DIR/journal`.
fn files_of(dir: &Path, canonical: &Path) -> (PathBuf, PathBuf) {
    let key = key_of(canonical);
    let dir = dir.join("journal");
    (dir.join(format!("{key}.journal")), dir.join(format!("{key}.base")))
}

impl Journal {
    /// Starts a journal for `article`, whose review starts from `base` (an earlier journal of
    /// the same article is replaced).
    pub fn start(dir: &Path, article: &Path, base: &str) -> Result<Self> {
        let canonical = canonical(article);
        let (path, base_path) = files_of(dir, &canonical);
        let io = |source| Error::Io { path: path.clone(), source };
        std::fs::create_dir_all(path.parent().unwrap_or(dir)).map_err(io)?;
        let _ = std::fs::remove_file(&base_path);
        let file = OpenOptions::new().create(true).write(true).truncate(true).open(&path).map_err(io)?;
        let mut journal = Self { path: path.clone(), base: base_path, file, base_kept: false };
        journal.append(&Line::Header { path: canonical, base_len: base.len(), base_hash: hash(base.as_bytes()) })?;
        Ok(journal)
    }

    /// Continues the journal of an unfinished session that was just recovered (its commands
    /// are already in it).
    pub fn resume(dir: &Path, article: &Path) -> Result<Self> {
        let (path, base_path) = files_of(dir, &canonical(article));
        let file =
            OpenOptions::new().append(true).open(&path).map_err(|source| Error::Io { path: path.clone(), source })?;
        let base_kept = base_path.exists();
        Ok(Self { path, base: base_path, file, base_kept })
    }

    /// Appends a command the review applied, and flushes it to disk.
    pub fn record(&mut self, command: &Command) -> Result<()> {
        self.append(&Line::Command { command: command.clone() })
    }

    /// Keeps the starting text beside the journal before the file is first overwritten.
    pub fn before_save(&mut self, base: &str) -> Result<()> {
        if !self.base_kept {
            crate::save::write_private(&self.base, base.as_bytes())?;
            self.base_kept = true;
        }
        Ok(())
    }

    /// Marks a successful save.
    pub fn saved(&mut self) -> Result<()> {
        self.append(&Line::Saved)
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

/// The unfinished session of `article`, whose file now holds `on_disk`, if its journal is in
/// `dir` and still fits: its starting text is the base kept beside it, or else what the file
/// holds now. `Ok(None)`: nothing to recover.
pub fn find(dir: &Path, article: &Path, on_disk: &str) -> Result<Option<Recovery>> {
    let (path, base_path) = files_of(dir, &canonical(article));
    let Ok(file) = File::open(&path) else { return Ok(None) };
    let stale = |why: &str| Error::Journal { path: path.clone(), message: why.to_string() };
    let mut lines = BufReader::new(file).lines();
    let header = lines.next().and_then(std::result::Result::ok).unwrap_or_default();
    let Ok(Line::Header { base_len, base_hash, .. }) = serde_json::from_str(&header) else {
        return Err(stale("no header"));
    };
    let base = if base_path.exists() {
        crate::input::read_text(&base_path, crate::document::MAX_BYTES)?
    } else {
        on_disk.to_string()
    };
    if base.len() != base_len || hash(base.as_bytes()) != base_hash {
        return Err(stale("the file changed since the session began"));
    }
    let mut commands = Vec::new();
    let mut unsaved = 0;
    for line in lines {
        // A line cut short by the crash is the end of the journal.
        let Ok(line) = line else { break };
        match serde_json::from_str::<Line>(&line) {
            Ok(Line::Command { command }) => {
                if command.is_decision() {
                    unsaved += 1;
                }
                commands.push(command);
            }
            Ok(Line::Saved) => unsaved = 0,
            _ => break,
        }
    }
    Ok((unsaved > 0).then_some(Recovery { base, commands, unsaved }))
}

/// Removes the journal of `article` (the user declined to recover it).
pub fn discard(dir: &Path, article: &Path) {
    let (path, base) = files_of(dir, &canonical(article));
    let _ = std::fs::remove_file(path);
    let _ = std::fs::remove_file(base);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn commands_come_back_in_order_and_a_save_resets_the_count() {
        let dir = tempfile::tempdir().expect("tempdir");
        let article = dir.path().join("a.txt");
        std::fs::write(&article, "Teh end.").expect("write");
        let mut j = Journal::start(dir.path(), &article, "Teh end.").expect("start");
        j.record(&Command::Accept(0)).expect("record");
        j.record(&Command::Next).expect("record");
        j.before_save("Teh end.").expect("base");
        j.saved().expect("saved");
        std::fs::write(&article, "The end.").expect("the save");
        assert!(find(dir.path(), &article, "The end.").expect("find").is_none(), "all saved");
        j.record(&Command::Edit("End".into())).expect("record");
        // A line cut short by a crash ends the journal.
        let (path, _) = files_of(dir.path(), &canonical(&article));
        std::fs::OpenOptions::new()
            .append(true)
            .open(&path)
            .and_then(|mut f| f.write_all(b"{\"line\":\"comm"))
            .expect("cut");
        let r = find(dir.path(), &article, "The end.").expect("find").expect("something to recover");
        assert_eq!(r.base, "Teh end.", "the base kept before the save");
        assert_eq!(r.commands, [Command::Accept(0), Command::Next, Command::Edit("End".into())]);
        assert_eq!(r.unsaved, 1);
        j.close();
        assert!(find(dir.path(), &article, "The end.").expect("find").is_none());
    }

    #[test]
    fn a_journal_of_a_file_changed_elsewhere_is_refused() {
        let dir = tempfile::tempdir().expect("tempdir");
        let article = dir.path().join("a.txt");
        let mut j = Journal::start(dir.path(), &article, "one").expect("start");
        j.record(&Command::Ignore).expect("record");
        assert!(matches!(find(dir.path(), &article, "two"), Err(Error::Journal { .. })));
    }
}
