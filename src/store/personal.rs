//! The personal dictionary: a plain text file, one word a line, in galley's XDG data directory.
//! Every change rewrites it atomically at once (never only at exit). Lists to import are read
//! by [`crate::lexicon::parse_word_list`].

use crate::error::{Error, Result};
use crate::lexicon::normalize_apostrophes;
use std::path::Path;

/// The words of the dictionary at `path`, in file order (none if it does not exist yet).
pub fn list(path: &Path) -> Result<Vec<String>> {
    let text = crate::input::read_text_if_there(path, crate::input::MAX_WORD_LIST)?.unwrap_or_default();
    Ok(text.lines().map(str::trim).filter(|l| !l.is_empty()).map(str::to_string).collect())
}

/// Adds `words` (those not there yet); returns how many were new. Linear in the words: an
/// import of a large list is one pass.
pub fn add(path: &Path, words: &[impl AsRef<str>]) -> Result<usize> {
    let mut all = list(path)?;
    let before = all.len();
    let mut seen: std::collections::HashSet<String> = all.iter().cloned().collect();
    for w in words {
        let w = normalize_apostrophes(w.as_ref().trim());
        if !w.is_empty() && seen.insert(w.clone()) {
            all.push(w);
        }
    }
    let added = all.len() - before;
    if added > 0 {
        write(path, &all)?;
    }
    Ok(added)
}

/// Removes `word`; returns whether it was there.
pub fn remove(path: &Path, word: &str) -> Result<bool> {
    let mut all = list(path)?;
    let word = normalize_apostrophes(word.trim());
    let before = all.len();
    all.retain(|w| *w != word);
    let removed = all.len() < before;
    if removed {
        write(path, &all)?;
    }
    Ok(removed)
}

fn write(path: &Path, words: &[String]) -> Result<()> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|source| Error::Io { path: dir.to_path_buf(), source })?;
    }
    let mut text = words.join("\n");
    if !text.is_empty() {
        text.push('\n');
    }
    crate::store::save::save_over(path, text.as_bytes())
}
