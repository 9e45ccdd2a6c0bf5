//! Edits as data: each [`Change`] stores the text it removes and the text it puts in, so it
//! inverts itself, and moves the spans that follow it.

use crate::span::Span;

/// One replacement in a text: `old` at byte `at` becomes `new`.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Change {
    /// Where the replaced text starts, in the text the change applies to.
    pub at: usize,
    /// The text taken out.
    pub old: String,
    /// The text put in.
    pub new: String,
}

impl Change {
    /// The change that undoes this one.
    #[must_use]
    pub fn inverse(&self) -> Self {
        Self { at: self.at, old: self.new.clone(), new: self.old.clone() }
    }

    /// The span the change replaces, before it is applied.
    #[must_use]
    pub fn old_span(&self) -> Span {
        Span::new(self.at, self.at + self.old.len())
    }

    /// The span of the new text, after it is applied.
    #[must_use]
    pub fn new_span(&self) -> Span {
        Span::new(self.at, self.at + self.new.len())
    }

    /// Applies the change to `text`. Returns false (and leaves `text` alone) if `text` does not
    /// hold `old` at `at`, which would mean the history and the text went apart.
    pub fn apply(&self, text: &mut String) -> bool {
        if self.old_span().get(text) != Some(self.old.as_str()) {
            return false;
        }
        text.replace_range(self.old_span().range(), &self.new);
        true
    }

    /// Where a span that does not overlap the replaced text lies after the change; `None` for a
    /// span that overlaps it.
    #[must_use]
    pub fn shift(&self, span: Span) -> Option<Span> {
        let old = self.old_span();
        if span.end <= old.start && !(span.is_empty() && span.start == old.start && !old.is_empty()) {
            Some(span)
        } else if span.start >= old.end {
            let (add, sub) = (self.new.len(), self.old.len());
            Some(Span::new(span.start + add - sub, span.end + add - sub))
        } else {
            None
        }
    }

    /// Where a span of the text after the change came from: spans beside the new text move back,
    /// spans touching it grow to cover the old text.
    #[must_use]
    pub fn unshift(&self, span: Span) -> Span {
        let new = self.new_span();
        let back = |p: usize, end: bool| {
            if p < new.start || (p == new.start && !end) {
                p
            } else if p > new.end || (p == new.end && end) {
                p - self.new.len() + self.old.len()
            } else if end {
                self.at + self.old.len()
            } else {
                self.at
            }
        };
        Span::new(back(span.start, false), back(span.end, true).max(back(span.start, false)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_change_and_its_inverse_restore_the_text() {
        let mut text = String::from("the teh cat");
        let c = Change { at: 4, old: "teh".into(), new: "the".into() };
        assert!(c.apply(&mut text));
        assert_eq!(text, "the the cat");
        assert!(c.inverse().apply(&mut text));
        assert_eq!(text, "the teh cat");
        assert!(!c.inverse().apply(&mut text), "the text no longer holds the new text");
    }

    #[test]
    fn spans_after_a_change_move_and_overlapping_ones_do_not_survive() {
        let c = Change { at: 4, old: "teh".into(), new: "these".into() };
        assert_eq!(c.shift(Span::new(0, 3)), Some(Span::new(0, 3)));
        assert_eq!(c.shift(Span::new(8, 11)), Some(Span::new(10, 13)));
        assert_eq!(c.shift(Span::new(5, 6)), None);
        assert_eq!(c.unshift(Span::new(10, 13)), Span::new(8, 11));
        assert_eq!(c.unshift(Span::new(4, 9)), Span::new(4, 7));
    }
}
