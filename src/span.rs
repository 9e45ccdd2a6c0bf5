//! Byte ranges into a document's text: the only place that slices text, so that char-boundary
//! checks happen once.

use std::fmt;
use std::ops::Range;

/// A half-open byte range `start..end` into the text as loaded.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`; panics in debug builds if `start > end`.
    #[must_use]
    pub const fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end);
        Self { start, end }
    }

    /// Length in bytes.
    #[must_use]
    pub const fn len(self) -> usize {
        self.end - self.start
    }

    /// True when the span covers no byte.
    #[must_use]
    pub const fn is_empty(self) -> bool {
        self.start == self.end
    }

    /// The slice of `text` this span covers, or `None` if it is out of bounds or not on char
    /// boundaries.
    #[must_use]
    pub fn get(self, text: &str) -> Option<&str> {
        text.get(self.start..self.end)
    }

    /// The slice of `text` this span covers. Spans made by this crate's tokenizer always lie on
    /// char boundaries of the text they came from; a foreign span that does not yields `""`.
    #[must_use]
    pub fn slice(self, text: &str) -> &str {
        self.get(text).unwrap_or_default()
    }

    /// The range form, for APIs that take one.
    #[must_use]
    pub const fn range(self) -> Range<usize> {
        self.start..self.end
    }
}

impl fmt::Display for Span {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}..{}", self.start, self.end)
    }
}

/// `text[start..end]`, or `""` when that range is out of bounds or off a char boundary: the one
/// way text is cut outside [`Span`] (the crate denies `clippy::string_slice`).
#[must_use]
pub fn cut(text: &str, start: usize, end: usize) -> &str {
    text.get(start..end).unwrap_or_default()
}

/// `text[..end]` ([`cut`]).
#[must_use]
pub fn head(text: &str, end: usize) -> &str {
    text.get(..end).unwrap_or_default()
}

/// `text[start..]` ([`cut`]).
#[must_use]
pub fn tail(text: &str, start: usize) -> &str {
    text.get(start..).unwrap_or_default()
}
