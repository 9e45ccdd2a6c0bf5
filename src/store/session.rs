//! A review's file on disk: what it holds as far as galley knows, where saves go and whether
//! they may, the backup, and the personal dictionary the reader's additions are written to.
//! The review ([`crate::review`]) is the text, the suspects and the history only; this is what
//! touches the disk for it.

use crate::error::{Error, Result};
use crate::review::Review;
use crate::store::{personal, save};
use std::path::{Path, PathBuf};

/// Why the text must not be saved over the file it came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Guard {
    /// It was read with replacement characters: its other bytes would be lost.
    Lossy,
    /// Another reader has the file open and journals it.
    InUse,
}

/// The disk side of a review.
#[derive(Debug)]
pub struct Session {
    /// The review's history id of the text last saved or loaded ([`Review::text_id`]).
    saved: u64,
    /// The text as last saved, once it has been (the base of a diff since the save).
    at_save: Option<String>,
    /// The loaded bytes were kept in a backup.
    backed_up: bool,
    /// The hash of what the review's file holds, as far as galley knows (`None`: not known, and
    /// the file is never saved over).
    on_disk: Option<u64>,
    /// A file the text must never be saved over, and why.
    protected: Option<(PathBuf, Guard)>,
    /// Where words the reader adds are written (`None`: nowhere).
    personal: Option<PathBuf>,
}

impl Session {
    /// The session of `review`, just loaded from its file; `personal` is where added words go.
    /// Should its steps no longer lead back to the text as loaded (a bug), the file counts as
    /// changed on disk: it is never saved over.
    #[must_use]
    pub fn new(review: &Review, personal: Option<PathBuf>) -> Self {
        Self {
            saved: review.text_id(),
            at_save: None,
            backed_up: false,
            on_disk: review.original().ok().map(|text| crate::lexicon::format::hash(text.as_bytes())),
            protected: None,
            personal,
        }
    }

    /// The session of another review of the same file (the text it held before a declined
    /// recovery): its guards and personal dictionary, the file as that review loaded it.
    #[must_use]
    pub fn for_review(&self, review: &Review) -> Self {
        Self { protected: self.protected.clone(), personal: self.personal.clone(), ..Self::new(review, None) }
    }

    /// Refuses every later save over the file the review came from: its text was read with
    /// replacement characters ([`Guard::Lossy`]), or another reader has it open
    /// ([`Guard::InUse`]), so it needs a new name.
    pub fn protect_source(&mut self, review: &Review, guard: Guard) {
        self.protected = Some((review.name().to_path_buf(), guard));
    }

    /// Fails when `path` is the protected source (see [`Session::protect_source`]), under
    /// whatever name it is reached.
    pub fn may_write(&self, path: &Path) -> Result<()> {
        let Some((source, guard)) = &self.protected else { return Ok(()) };
        if !save::same_file(source, path) {
            return Ok(());
        }
        let path = path.to_path_buf();
        Err(match guard {
            Guard::Lossy => Error::Lossy { path },
            Guard::InUse => Error::InUse { path },
        })
    }

    /// What the file should hold (a recovered session's last save): saving over it checks
    /// against this instead.
    pub fn expect_on_disk(&mut self, hash: u64) {
        self.on_disk = Some(hash);
    }

    /// True when the review's text differs from what was last saved (or loaded).
    #[must_use]
    pub fn modified(&self, review: &Review) -> bool {
        review.text_id() != self.saved
    }

    /// True once the text has been saved.
    #[must_use]
    pub fn was_saved(&self) -> bool {
        self.at_save.is_some()
    }

    /// Saves the review's text to `path` atomically; returns where the backup went, if one was
    /// made. The first save to the file the article came from keeps the loaded bytes as a
    /// backup first, when `backup` is on ([`save::keep_backup`]: `FILE.bak`, or a numbered one
    /// when that holds other bytes). Any other path is a new name ([`save::write_new`]): a link
    /// there is replaced, never written through.
    ///
    /// Refuses ([`Error::ChangedOnDisk`]) to overwrite its own file if something else changed
    /// it since it was opened or last saved, and ([`Error::Lossy`], [`Error::InUse`]) to
    /// overwrite a protected source.
    pub fn save(&mut self, review: &Review, path: &Path, backup: bool) -> Result<Option<PathBuf>> {
        self.may_write(path)?;
        let own = path == review.name();
        if own
            && let Ok(now) = crate::input::read_bytes(path, crate::document::MAX_BYTES)
            && Some(crate::lexicon::format::hash(&now)) != self.on_disk
        {
            return Err(Error::ChangedOnDisk { path: path.to_path_buf() });
        }
        let mut kept = None;
        if backup && !self.backed_up && own {
            kept = Some(save::keep_backup(path, review.original()?.as_bytes())?);
            self.backed_up = true;
        }
        if own {
            save::save_over(path, review.text().as_bytes())?;
            self.saved_as(review);
        } else {
            save::write_new(path, review.text().as_bytes())?;
        }
        Ok(kept)
    }

    /// The review's text now is what its file holds (after a save, or a save-as under the new
    /// name).
    pub fn saved_as(&mut self, review: &Review) {
        self.saved = review.text_id();
        self.at_save = Some(review.text().to_string());
        self.on_disk = Some(crate::lexicon::format::hash(review.text().as_bytes()));
    }

    /// Gives the review a new name (after a save-as): later saves go there.
    pub fn rename(&mut self, review: &mut Review, name: PathBuf) {
        review.rename(name);
        self.saved_as(review);
    }

    /// The unified diff from the text as last saved to the review's (it applies to the saved
    /// file); `None` before the first save.
    #[must_use]
    pub fn diff_since_save(&self, review: &Review) -> Option<String> {
        let saved = self.at_save.as_ref()?;
        Some(crate::report::unified_diff(&review.name().to_string_lossy(), saved, review.text()))
    }

    /// Writes to the personal dictionary what the review's last commands added to it (`true`)
    /// or took back from it (`false`), atomically, in order.
    pub fn write_words(&self, changes: &[(String, bool)]) -> Result<()> {
        let Some(path) = &self.personal else { return Ok(()) };
        for (word, add) in changes {
            if *add {
                personal::add(path, std::slice::from_ref(word))?;
            } else {
                personal::remove(path, word)?;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::Lexicon;
    use crate::review::Command;

    fn opened(path: &Path) -> (Review, Session) {
        let text = std::fs::read_to_string(path).expect("read");
        let review = Review::new(path, text, Lexicon::new(), None);
        let session = Session::new(&review, None);
        (review, session)
    }

    #[test]
    fn a_file_changed_on_disk_is_not_overwritten_and_nothing_is_lost() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("a.txt");
        std::fs::write(&path, "teh end\n").expect("write");
        let (mut r, mut s) = opened(&path);
        r.apply(Command::Accept(0)).expect("apply");
        std::fs::write(&path, "someone else wrote this\n").expect("write");
        assert!(matches!(s.save(&r, &path, false), Err(Error::ChangedOnDisk { .. })));
        assert_eq!(std::fs::read_to_string(&path).expect("read"), "someone else wrote this\n");
        assert_eq!(r.text(), "the end\n", "the edit is still there");
        let other = dir.path().join("b.txt");
        s.save(&r, &other, false).expect("save as");
        s.rename(&mut r, other.clone());
        s.save(&r, &other, false).expect("a second save to the new name");
    }

    #[test]
    fn a_vanished_directory_gives_an_error_naming_the_path_and_the_edit_stays() {
        let dir = tempfile::tempdir().expect("tempdir");
        let sub = dir.path().join("gone");
        std::fs::create_dir(&sub).expect("mkdir");
        let path = sub.join("a.txt");
        std::fs::write(&path, "teh end\n").expect("write");
        let (mut r, mut s) = opened(&path);
        r.apply(Command::Accept(0)).expect("apply");
        std::fs::remove_dir_all(&sub).expect("the directory vanishes");
        let e = s.save(&r, &path, true).expect_err("nowhere to write");
        assert!(e.to_string().contains("gone"), "{e}");
        assert_eq!(r.text(), "the end\n", "the edit is still there");
        assert!(s.modified(&r));
        let elsewhere = dir.path().join("b.txt");
        s.save(&r, &elsewhere, false).expect("save as still works");
        assert_eq!(std::fs::read_to_string(&elsewhere).expect("read"), "the end\n");
    }

    #[test]
    fn a_read_only_file_is_not_replaced_and_the_edit_stays() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("a.txt");
        std::fs::write(&path, "teh end\n").expect("write");
        let mut ro = std::fs::metadata(&path).expect("meta").permissions();
        ro.set_readonly(true);
        std::fs::set_permissions(&path, ro).expect("chmod");
        let (mut r, mut s) = opened(&path);
        r.apply(Command::Accept(0)).expect("apply");
        let e = s.save(&r, &path, false).expect_err("read-only");
        assert!(e.to_string().ends_with("the file is read-only"), "{e}");
        assert_eq!(std::fs::read_to_string(&path).expect("read"), "teh end\n");
        assert!(s.modified(&r));
    }

    #[test]
    fn a_symlink_is_saved_through_to_its_target() {
        let dir = tempfile::tempdir().expect("tempdir");
        let target = dir.path().join("real.txt");
        let link = dir.path().join("link.txt");
        std::fs::write(&target, "teh end\n").expect("write");
        std::os::unix::fs::symlink(&target, &link).expect("symlink");
        let (mut r, mut s) = opened(&link);
        r.apply(Command::Accept(0)).expect("apply");
        s.save(&r, &link, false).expect("save");
        assert!(link.is_symlink(), "the link stays a link");
        assert_eq!(std::fs::read_to_string(&target).expect("read"), "the end\n");
    }

    #[test]
    fn words_the_reader_adds_and_takes_back_reach_the_personal_dictionary() {
        let dir = tempfile::tempdir().expect("tempdir");
        let words = dir.path().join("words.txt");
        let mut r = Review::new("a.txt", "the qwzx end\n".into(), Lexicon::new(), None);
        let s = Session::new(&r, Some(words.clone()));
        r.apply(Command::Add).expect("add");
        s.write_words(&r.take_word_changes()).expect("write");
        assert_eq!(std::fs::read_to_string(&words).expect("read"), "qwzx\n");
        r.apply(Command::Undo).expect("undo");
        s.write_words(&r.take_word_changes()).expect("write");
        assert_eq!(std::fs::read_to_string(&words).expect("read"), "");
    }
}
