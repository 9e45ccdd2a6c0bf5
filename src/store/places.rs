//! What the reader remembers of each file between sessions: where the reader was, and what they
//! left as written. One small JSON file per article in `places/` in galley's XDG state
//! directory, named by the same hash of the canonical path as its journal, and written
//! atomically when the reader closes (or is ended by a signal).
//!
//! A place is a convenience, never a source of truth: a missing or unreadable one is simply no
//! place. Offsets are byte offsets in the text as it was when the reader closed; if the file
//! changed since, the reading place is clamped to the text and a single ignore is found again
//! near where it was.

use crate::error::Result;
use crate::review::Ignores;
use crate::store::journal::{canonical, key_of};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// The remembered state of one file.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Place {
    /// The article's canonical path (for a person reading the state directory).
    pub path: PathBuf,
    /// Byte offset of the first row shown.
    pub top: usize,
    /// Byte offset of the current suspect, if there was one.
    pub current: Option<usize>,
    /// What the reader left as written.
    pub ignores: Ignores,
}

fn file_of(dir: &Path, canonical: &Path) -> PathBuf {
    dir.join("places").join(format!("{}.json", key_of(canonical)))
}

/// The remembered place of `article`, if there is a readable one.
#[must_use]
pub fn load(dir: &Path, article: &Path) -> Option<Place> {
    let text = crate::input::read_text(&file_of(dir, &canonical(article)), crate::input::MAX_STATE).ok()?;
    serde_json::from_str(&text).ok()
}

/// Remembers `place` for `article` (its `path` is filled in).
pub fn store(dir: &Path, article: &Path, place: &Place) -> Result<()> {
    let canonical = canonical(article);
    let file = file_of(dir, &canonical);
    let place = Place { path: canonical, ..place.clone() };
    let mut bytes = serde_json::to_vec_pretty(&place).unwrap_or_default();
    bytes.push(b'\n');
    crate::store::save::write_private(&file, &bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_place_comes_back_for_the_same_file_only() {
        let dir = tempfile::tempdir().expect("tempdir");
        let (a, b) = (dir.path().join("a.txt"), dir.path().join("b.txt"));
        std::fs::write(&a, "x").expect("write");
        std::fs::write(&b, "y").expect("write");
        let place = Place {
            path: PathBuf::new(),
            top: 120,
            current: Some(130),
            ignores: Ignores { words: vec!["Roden".into()], at: vec![(140, "kubectl".into())] },
        };
        store(dir.path(), &a, &place).expect("store");
        let back = load(dir.path(), &dir.path().join("./a.txt")).expect("same file under another name");
        assert_eq!((back.top, back.current, &back.ignores), (120, Some(130), &place.ignores));
        assert_eq!(load(dir.path(), &b), None);
        // A damaged place is no place, not an error.
        let file = file_of(dir.path(), &canonical(&a));
        std::fs::write(&file, "{not json").expect("damage");
        assert_eq!(load(dir.path(), &a), None);
    }
}
