//! The damage map: a column beside the article, one cell per slice of its bytes, marking where
//! suspects still wait (by kind) and where they were fixed. It is computed once per change to
//! the review and per height, not per frame.

use crate::review::{Item, Status};
use crate::suspect::Kind;

/// What one slice of the article holds, the most pressing first: a slice with a misspelling and
/// a fixed word shows the misspelling.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Mark {
    /// Nothing decided or waiting.
    Empty,
    /// Only fixed words.
    Fixed,
    /// A repeat, spacing or word-choice suspect waits.
    Other,
    /// A casing suspect waits.
    Casing,
    /// A misspelling (or a word of the other dialect) waits.
    Spelling,
}

/// The slice of `len` bytes cut into `slices` that byte `at` falls in.
#[must_use]
pub fn slice_of(at: usize, len: usize, slices: usize) -> usize {
    if len == 0 || slices == 0 {
        return 0;
    }
    // u128: a 10 MB article times a tall window stays far inside it; no overflow on any input.
    let k = (at.min(len - 1) as u128 * slices as u128 / len as u128) as usize;
    k.min(slices - 1)
}

/// The first byte of slice `k`.
#[must_use]
pub fn start_of(k: usize, len: usize, slices: usize) -> usize {
    if slices == 0 {
        return 0;
    }
    (k as u128 * len as u128).div_ceil(slices as u128) as usize
}

/// The marks of `items` over an article of `len` bytes in `slices` cells: one pass over them.
#[must_use]
pub fn marks(items: &[Item], len: usize, slices: usize) -> Vec<Mark> {
    let mut out = vec![Mark::Empty; slices];
    for it in items {
        if let Some(cell) = out.get_mut(slice_of(it.span.start, len, slices)) {
            *cell = (*cell).max(mark_of(it));
        }
    }
    out
}

/// How one suspect shows on the map (a word left as written does not).
#[must_use]
pub fn mark_of(it: &Item) -> Mark {
    match (it.status, it.kind) {
        (Status::Pending, Kind::Spelling | Kind::Dialect) => Mark::Spelling,
        (Status::Pending, Kind::Casing) => Mark::Casing,
        (Status::Pending, Kind::Repeat | Kind::Spacing | Kind::WordChoice) => Mark::Other,
        (Status::Fixed, _) => Mark::Fixed,
        (Status::Ignored | Status::Added, _) => Mark::Empty,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slices_cover_the_article_and_start_where_they_are_found() {
        assert_eq!(slice_of(0, 1000, 10), 0);
        assert_eq!(slice_of(999, 1000, 10), 9);
        assert_eq!(slice_of(5000, 1000, 10), 9, "past the end is the last slice");
        assert_eq!(slice_of(3, 5, 20), 12, "more slices than bytes");
        for k in 0..10 {
            assert_eq!(slice_of(start_of(k, 1003, 10), 1003, 10), k);
        }
        assert_eq!(slice_of(0, 0, 10), 0);
    }
}
