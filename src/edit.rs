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

/// `text` with `changes` applied in order, each at its offset in the text as it stands when it
/// applies: the text a run of steps leads to, made in one pass over `text` however many changes
/// there are (applying them one by one moves the rest of the text at each). `Err` gives where a
/// change did not find its old text, as [`Change::apply`] would refuse it.
///
/// The text is kept as pieces, each a slice of `text` or of a change's new text: a change
/// finds its place among the pieces, checks and takes out its old text, and puts in its new
/// text as a piece. The cost is the changes times the pieces, plus the text once.
pub fn replayed<'a>(text: &'a str, changes: &'a [Change]) -> Result<String, usize> {
    let mut pieces: Vec<&'a str> = vec![text];
    for c in changes {
        // The piece holding the change's offset, split there so that a piece starts at it.
        let (mut i, mut start) = (0, 0);
        while i < pieces.len() && start + pieces[i].len() <= c.at {
            start += pieces[i].len();
            i += 1;
        }
        if c.at > start {
            let piece = pieces.get(i).ok_or(c.at)?;
            let (before, after) = split(piece, c.at - start).ok_or(c.at)?;
            pieces[i] = before;
            pieces.insert(i + 1, after);
            i += 1;
        }
        // Its old text, taken out piece by piece.
        let mut old = c.old.as_str();
        while !old.is_empty() {
            let piece = *pieces.get(i).ok_or(c.at)?;
            if piece.len() <= old.len() {
                old = old.strip_prefix(piece).ok_or(c.at)?;
                pieces.remove(i);
            } else {
                let (head, tail) = split(piece, old.len()).ok_or(c.at)?;
                if head != old {
                    return Err(c.at);
                }
                pieces[i] = tail;
                old = "";
            }
        }
        if !c.new.is_empty() {
            pieces.insert(i, &c.new);
        }
    }
    let mut out = String::with_capacity(pieces.iter().map(|p| p.len()).sum());
    for piece in pieces {
        out.push_str(piece);
    }
    Ok(out)
}

/// `piece` cut in two at byte `at`, if that is a character boundary.
fn split(piece: &str, at: usize) -> Option<(&str, &str)> {
    piece.is_char_boundary(at).then(|| piece.split_at(at))
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

    #[test]
    fn replaying_changes_gives_what_applying_them_one_by_one_gives() {
        let text = "the teh cat sat on teh mat";
        let changes = [
            Change { at: 4, old: "teh".into(), new: "the".into() },
            Change { at: 19, old: "teh".into(), new: "a".into() },
            // Across the first change's new text and the text after it.
            Change { at: 6, old: "e cat".into(), new: "e dog".into() },
            Change { at: 0, old: String::new(), new: "So ".into() },
            Change { at: 24, old: "mat".into(), new: String::new() },
        ];
        let mut one_by_one = text.to_string();
        for c in &changes {
            assert!(c.apply(&mut one_by_one));
        }
        assert_eq!(one_by_one, "So the the dog sat on a ");
        assert_eq!(replayed(text, &changes).as_deref(), Ok(one_by_one.as_str()));
        let back: Vec<Change> = changes.iter().rev().map(Change::inverse).collect();
        assert_eq!(replayed(&one_by_one, &back).as_deref(), Ok(text));
    }

    #[test]
    fn a_change_that_does_not_find_its_text_is_refused() {
        let text = "naïve teh";
        let wrong = Change { at: 7, old: "the".into(), new: "teh".into() };
        assert_eq!(replayed(text, &[wrong]), Err(7));
        let mid_char = Change { at: 3, old: "ve".into(), new: String::new() };
        assert_eq!(replayed(text, &[mid_char]), Err(3));
        let past_end = Change { at: 20, old: String::new(), new: "x".into() };
        assert_eq!(replayed(text, &[past_end]), Err(20));
    }

    proptest::proptest! {
        #[test]
        fn replaying_random_changes_agrees_with_applying_them(
            text in "[a-cé \n]{0,40}",
            edits in proptest::collection::vec((0usize..50, 0usize..6, "[x-zü]{0,4}"), 0..12),
        ) {
            let mut now = text.clone();
            let mut changes = Vec::new();
            for (at, len, new) in edits {
                let at = at.min(now.len());
                let end = (at + len).min(now.len());
                let (Some(old), true) = (now.get(at..end), now.is_char_boundary(at)) else { continue };
                let c = Change { at, old: old.to_string(), new };
                proptest::prop_assert!(c.apply(&mut now));
                changes.push(c);
            }
            proptest::prop_assert_eq!(replayed(&text, &changes), Ok(now.clone()));
            let back: Vec<Change> = changes.iter().rev().map(Change::inverse).collect();
            proptest::prop_assert_eq!(replayed(&now, &back), Ok(text));
        }
    }
}
