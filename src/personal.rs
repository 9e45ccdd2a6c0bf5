//! The personal dictionary: a plain text file, one word a line, in galley's XDG data directory.
//! Every change rewrites it atomically at once (never only at exit).

use crate::error::{Error, Result};
use crate::lexicon::normalize_apostrophes;
use std::path::Path;

/// The words of the dictionary at `path`, in file order (none if it does not exist yet).
pub fn list(path: &Path) -> Result<Vec<String>> {
    match std::fs::read_to_string(path) {
        Ok(t) => Ok(t.lines().map(str::trim).filter(|l| !l.is_empty()).map(str::to_string).collect()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Vec::new()),
        Err(source) => Err(Error::Io { path: path.to_path_buf(), source }),
    }
}

/// Adds `words` (those not there yet); returns how many were new.
pub fn add(path: &Path, words: &[String]) -> Result<usize> {
    let mut all = list(path)?;
    let before = all.len();
    for w in words {
        let w = normalize_apostrophes(w.trim());
        if !w.is_empty() && !all.contains(&w) {
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

/// The words of another checker's personal dictionary: an aspell `.pws` (its
/// `personal_ws-1.1 en N` header skipped), a hunspell personal dictionary (`word/FLAGS` read as
/// `word`; `*word`, a forbidden word, skipped) or a plain list. A line with two words is an
/// error naming it.
pub fn parse_foreign(path: &Path, text: &str) -> Result<Vec<String>> {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with(['#', '*']) || (i == 0 && line.starts_with("personal_ws-")) {
            continue;
        }
        let word = line.split_once('/').map_or(line, |(w, _)| w);
        if word.is_empty() || word.chars().any(char::is_whitespace) {
            return Err(Error::WordList {
                path: path.to_path_buf(),
                line: i + 1,
                message: format!("expected one word, found {line:?}"),
            });
        }
        out.push(word.to_string());
    }
    Ok(out)
}

fn write(path: &Path, words: &[String]) -> Result<()> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|source| Error::Io { path: dir.to_path_buf(), source })?;
    }
    let mut text = words.join("\n");
    if !text.is_empty() {
        text.push('\n');
    }
    crate::save::write_atomic(path, text.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn foreign_dictionaries_read_as_words() {
        let p = Path::new("x");
        assert_eq!(parse_foreign(p, "personal_ws-1.1 en 2\nKubeCon\nDiagrid\n").expect("pws"), ["KubeCon", "Diagrid"]);
        assert_eq!(parse_foreign(p, "Mirantis/S\n*teh\nroden\n").expect("dic"), ["Mirantis", "roden"]);
        assert!(matches!(parse_foreign(p, "one\ntwo words\n"), Err(Error::WordList { line: 2, .. })));
    }
}
