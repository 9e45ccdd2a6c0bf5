//! The text exactly as loaded: every byte kept (BOM, CRLF, a missing final newline), with a line
//! index for turning byte offsets into line and column numbers.

use crate::edit::Change;
use crate::error::{Error, Result};
use crate::span::Span;
use std::path::{Path, PathBuf};

/// The largest article galley reads: 64 MB checks in about two seconds and opens in the reader
/// in about one and a half. A larger file is refused at once, from its size, before a byte of it
/// is read.
pub const MAX_BYTES: u64 = 64_000_000;

/// The byte-order mark, kept in the text when present.
pub const BOM: &str = "\u{feff}";

/// An article: its verbatim text and where its lines start.
#[derive(Clone, Debug)]
pub struct Document {
    path: PathBuf,
    text: String,
    line_starts: Vec<usize>,
    /// How many invalid UTF-8 sequences became U+FFFD (only in a lossy read).
    replaced_runs: usize,
}

/// A 1-based line and character column.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Position {
    /// 1-based line number.
    pub line: usize,
    /// 1-based column, counted in characters (a BOM does not count).
    pub column: usize,
}

impl Document {
    /// Reads a file. Errors name the path: a directory, a missing or unreadable file, invalid
    /// UTF-8 (with the byte offset) or binary content.
    pub fn open(path: &Path) -> Result<Self> {
        Self::from_bytes(path, read(path)?)
    }

    /// [`Document::open`], but bytes that are not UTF-8 are read as U+FFFD, the replacement
    /// character. Such a document must not be saved over its file (see
    /// [`Document::replaced_runs`]).
    pub fn open_lossy(path: &Path) -> Result<Self> {
        Self::from_bytes_lossy(path, read(path)?)
    }

    /// Makes a document from bytes read elsewhere (stdin), validating them as [`Document::open`]
    /// does. `path` is only the name used in messages and reports.
    pub fn from_bytes(path: impl Into<PathBuf>, bytes: Vec<u8>) -> Result<Self> {
        let path = path.into();
        refuse_binary(&path, &bytes)?;
        match String::from_utf8(bytes) {
            Ok(text) => Ok(Self::new(path, text)),
            Err(e) => Err(Error::InvalidUtf8 { path, offset: e.utf8_error().valid_up_to() }),
        }
    }

    /// [`Document::from_bytes`], reading each invalid UTF-8 sequence as one U+FFFD, as
    /// [`String::from_utf8_lossy`] does.
    pub fn from_bytes_lossy(path: impl Into<PathBuf>, bytes: Vec<u8>) -> Result<Self> {
        let path = path.into();
        refuse_binary(&path, &bytes)?;
        let bytes = match String::from_utf8(bytes) {
            Ok(text) => return Ok(Self::new(path, text)),
            Err(e) => e.into_bytes(),
        };
        let mut text = String::with_capacity(bytes.len());
        let mut runs = 0;
        for chunk in bytes.utf8_chunks() {
            text.push_str(chunk.valid());
            if !chunk.invalid().is_empty() {
                text.push(char::REPLACEMENT_CHARACTER);
                runs += 1;
            }
        }
        let mut doc = Self::new(path, text);
        doc.replaced_runs = runs;
        Ok(doc)
    }

    /// Makes a document from text already in memory.
    #[must_use]
    pub fn new(path: impl Into<PathBuf>, text: String) -> Self {
        let line_starts = line_starts(&text);
        Self { path: path.into(), text, line_starts, replaced_runs: 0 }
    }

    /// Where each line starts: 0, then the byte after each `\n`.
    #[must_use]
    pub fn line_starts(&self) -> &[usize] {
        &self.line_starts
    }

    /// Applies `changes` in order (each one's offset valid in the text it applies to), then
    /// brings the line index up to date. All or nothing: a change whose old text is not where it says
    /// leaves the text as it was, and its offset is given.
    ///
    /// One change is made in place, and the line index moved along with it: the lines of a
    /// 10 MB text are not looked for again at each decision. Several (a replace-all) are made in
    /// one pass ([`crate::edit::replayed`]): one by one, each would move the rest of the text.
    /// Placed apart, as a replace-all and its undo place them, they move the index in one pass
    /// too ([`reindexed`]).
    pub fn apply(&mut self, changes: &[Change]) -> std::result::Result<(), usize> {
        match changes {
            [] => {}
            [one] => {
                if !one.apply(&mut self.text) {
                    return Err(one.at);
                }
                reindex(&mut self.line_starts, one);
            }
            _ => {
                self.text = crate::edit::replayed(&self.text, changes)?;
                if let Some(placed) = crate::edit::placed(changes) {
                    self.line_starts = reindexed(&self.line_starts, &placed);
                } else {
                    self.line_starts.clear();
                    index_lines(&self.text, &mut self.line_starts);
                }
            }
        }
        Ok(())
    }

    /// Gives the document a new name (the text saved under another path).
    pub fn rename(&mut self, path: PathBuf) {
        self.path = path;
    }

    /// How many invalid UTF-8 sequences a lossy read replaced. When it is not zero, saving the
    /// text over the file would lose those bytes.
    #[must_use]
    pub const fn replaced_runs(&self) -> usize {
        self.replaced_runs
    }

    /// The name the document was opened under.
    #[must_use]
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The verbatim text.
    #[must_use]
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The text a span covers.
    #[must_use]
    pub fn slice(&self, span: Span) -> &str {
        span.slice(&self.text)
    }

    /// [`Document::position`], counting on from an earlier position on the same line when
    /// there is one (reports walk offsets in order: each costs only the text between).
    #[must_use]
    pub fn position_after(&self, prev: Option<(usize, Position)>, offset: usize) -> Position {
        match prev {
            Some((at, pos)) if at <= offset && self.line_starts.get(pos.line).is_none_or(|&next| offset < next) => {
                let between = self.text.get(at..offset).unwrap_or_default();
                Position { line: pos.line, column: pos.column + between.chars().count() }
            }
            _ => self.position(offset),
        }
    }

    /// Line and column of a byte offset (which must lie on a char boundary).
    #[must_use]
    pub fn position(&self, offset: usize) -> Position {
        let line = self.line_starts.partition_point(|&s| s <= offset) - 1;
        let start = self.line_starts[line];
        let prefix = self.text.get(start..offset).unwrap_or_default();
        let prefix = if line == 0 { prefix.strip_prefix(BOM).unwrap_or(prefix) } else { prefix };
        Position { line: line + 1, column: prefix.chars().count() + 1 }
    }

    /// The text with each `(span, replacement)` applied. Spans must be sorted and disjoint;
    /// every byte outside them is kept as it is.
    #[must_use]
    pub fn replaced<'a>(&self, edits: impl IntoIterator<Item = (Span, &'a str)>) -> String {
        let mut out = self.rebuilt();
        for (span, new) in edits {
            out.replace(span, new);
        }
        out.finish()
    }

    /// [`Document::replaced`] a replacement at a time, as they are found: `fix` of a long text
    /// holds the text it writes, not every fix it takes.
    #[must_use]
    pub fn rebuilt(&self) -> Rebuilt<'_> {
        Rebuilt { text: &self.text, out: String::with_capacity(self.text.len()), at: 0 }
    }
}

/// A document's text being written again with replacements (see [`Document::rebuilt`]).
pub struct Rebuilt<'d> {
    text: &'d str,
    out: String,
    /// How far the text is written.
    at: usize,
}

impl Rebuilt<'_> {
    /// Replaces the bytes of `span` with `new`. A span that starts before the end of the last
    /// one replaced is passed over: replacements come in text order and never overlap.
    pub fn replace(&mut self, span: Span, new: &str) {
        if span.start < self.at {
            return;
        }
        self.out.push_str(Span::new(self.at, span.start).slice(self.text));
        self.out.push_str(new);
        self.at = span.end;
    }

    /// The text, every byte after the last replacement kept as it is.
    #[must_use]
    pub fn finish(mut self) -> String {
        self.out.push_str(Span::new(self.at, self.text.len()).slice(self.text));
        self.out
    }
}

/// Where each line of `text` starts.
fn line_starts(text: &str) -> Vec<usize> {
    let mut starts = Vec::new();
    index_lines(text, &mut starts);
    starts
}

/// Moves the line index `starts` along with `change`, just made: the lines that started inside
/// its old text go, those its new text starts come in, and those after it move by what it
/// added. One pass over the index, none over the text.
fn reindex(starts: &mut Vec<usize>, change: &Change) {
    let (at, end) = (change.at, change.at + change.old.len());
    let first = starts.partition_point(|&s| s <= at);
    let last = starts.partition_point(|&s| s <= end);
    let added = memchr::memchr_iter(b'\n', change.new.as_bytes()).map(|i| at + i + 1);
    let count = added.clone().count();
    starts.splice(first..last, added);
    for s in &mut starts[first + count..] {
        *s = *s + change.new.len() - change.old.len();
    }
}

/// The line index `starts` moved along with changes placed apart in the text it indexes
/// ([`crate::edit::placed`]: a replace-all, its undo), as [`reindex`] moves it along one: one
/// pass over the index and the changes, none over the text.
fn reindexed(starts: &[usize], placed: &[crate::edit::Placed<'_>]) -> Vec<usize> {
    let mut out = Vec::with_capacity(starts.len());
    let (mut i, mut grown) = (0, 0isize);
    for p in placed {
        while let Some(&s) = starts.get(i).filter(|&&s| s <= p.old.start) {
            out.push(s.saturating_add_signed(grown));
            i += 1;
        }
        while starts.get(i).is_some_and(|&s| s <= p.old.end) {
            i += 1;
        }
        let at = p.old.start.saturating_add_signed(grown);
        out.extend(memchr::memchr_iter(b'\n', p.change.new.as_bytes()).map(|k| at + k + 1));
        grown += p.change.new.len().cast_signed() - p.old.len().cast_signed();
    }
    out.extend(starts.get(i..).unwrap_or_default().iter().map(|&s| s.saturating_add_signed(grown)));
    out
}

/// Puts where each line of `text` starts after what `starts` holds.
fn index_lines(text: &str, starts: &mut Vec<usize>) {
    starts.push(0);
    starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1));
}

/// The bytes of a file, refused from its size first when it is too large.
fn read(path: &Path) -> Result<Vec<u8>> {
    crate::input::read_bytes(path, MAX_BYTES)
}

/// NUL bytes mean binary content, which no option reads as an article.
fn refuse_binary(path: &Path, bytes: &[u8]) -> Result<()> {
    // `contains` on bytes is a vectorised search; the position is only wanted on failure.
    if bytes.contains(&0) {
        let offset = bytes.iter().position(|&b| b == 0).unwrap_or_default();
        return Err(Error::Binary { path: path.to_path_buf(), offset });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn changes_apply_all_or_nothing_and_the_lines_are_indexed_again() {
        let mut doc = Document::new("a.txt", "teh cat\nteh dog\n".to_string());
        let change = |at: usize, old: &str, new: &str| Change { at, old: old.into(), new: new.into() };
        // A replace-all: later places first, each offset valid in the text it applies to.
        assert_eq!(doc.apply(&[change(8, "teh", "the"), change(0, "teh", "a\nbig")]), Ok(()));
        assert_eq!(doc.text(), "a\nbig cat\nthe dog\n");
        assert_eq!(doc.line_starts(), [0, 2, 10, 18]);
        // The second change does not find its text: the first is not made either.
        assert_eq!(doc.apply(&[change(0, "a", "one"), change(2, "pig", "dog")]), Err(2));
        assert_eq!(doc.text(), "a\nbig cat\nthe dog\n");
        assert_eq!(doc.apply(&[change(2, "pig", "dog")]), Err(2));
        assert_eq!(doc.line_starts(), [0, 2, 10, 18]);
    }

    proptest::proptest! {
        /// A change made in place moves the line index as indexing the new text afresh would.
        #[test]
        fn one_change_moves_the_line_index_as_indexing_afresh_would(
            text in "[ab\n\r]{0,30}",
            at in 0usize..32,
            len in 0usize..6,
            new in "[xy\n]{0,5}",
        ) {
            let mut doc = Document::new("a.txt", text.clone());
            let (at, end) = (at.min(text.len()), (at + len).min(text.len()));
            let c = Change { at, old: text.get(at..end).unwrap_or_default().to_string(), new };
            proptest::prop_assert_eq!(doc.apply(std::slice::from_ref(&c)), Ok(()));
            let afresh = line_starts(doc.text());
            proptest::prop_assert_eq!(doc.line_starts(), afresh.as_slice());
        }

        /// Changes at places apart, later places first (a replace-all), then taken back
        /// earlier places first: the line index moved along with them is the index made afresh.
        #[test]
        fn a_replace_all_and_its_undo_move_the_line_index_as_indexing_afresh_would(
            text in "[ab\n]{0,40}",
            places in proptest::collection::vec((0usize..42, 0usize..4, "[xy\n]{0,4}"), 2..8),
        ) {
            let mut places = places;
            places.sort_by_key(|p| std::cmp::Reverse(p.0));
            let mut changes: Vec<Change> = Vec::new();
            for (at, len, new) in places {
                let (at, end) = (at.min(text.len()), (at + len).min(text.len()));
                if changes.last().is_some_and(|c: &Change| end > c.at) {
                    continue;
                }
                changes.push(Change { at, old: text.get(at..end).unwrap_or_default().to_string(), new });
            }
            let mut doc = Document::new("a.txt", text.clone());
            proptest::prop_assert_eq!(doc.apply(&changes), Ok(()));
            let afresh = line_starts(doc.text());
            proptest::prop_assert_eq!(doc.line_starts(), afresh.as_slice());
            let back: Vec<Change> = changes.iter().rev().map(Change::inverse).collect();
            proptest::prop_assert_eq!(doc.apply(&back), Ok(()));
            proptest::prop_assert_eq!(doc.text(), text.as_str());
            let loaded = line_starts(&text);
            proptest::prop_assert_eq!(doc.line_starts(), loaded.as_slice());
        }
    }
}
