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
        shifted(self.old_span(), self.new.len(), span)
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

/// Where `span` lies after `old` (a span of the text) is replaced by `new_len` bytes: `None`
/// when it overlaps `old`, or is empty at its start.
fn shifted(old: Span, new_len: usize, span: Span) -> Option<Span> {
    if span.end <= old.start && !(span.is_empty() && span.start == old.start && !old.is_empty()) {
        Some(span)
    } else if span.start >= old.end {
        let sub = old.len();
        Some(Span::new(span.start + new_len - sub, span.end + new_len - sub))
    } else {
        None
    }
}

/// A change placed in the text before a run of changes: its old text's span there, and what
/// it puts in.
pub(crate) struct Placed<'c> {
    /// The span of its old text in the text before the run.
    pub old: Span,
    /// The change.
    pub change: &'c Change,
}

/// The changes of a run as spans of the text before it, in order and apart, when each one
/// lies wholly after the text earlier ones wrote (earlier places first, as undoing a replace-all
/// gives them) or wholly before what earlier ones replaced (later places first, as a
/// replace-all makes them). `None` for any other run. Each is where it would be found; whether
/// its old text is there is for the caller to check.
pub(crate) fn placed(changes: &[Change]) -> Option<Vec<Placed<'_>>> {
    let later_first = changes.windows(2).all(|w| w[1].old_span().end <= w[0].at);
    let earlier_first = changes.windows(2).all(|w| w[1].at >= w[0].new_span().end);
    if later_first {
        Some(changes.iter().rev().map(|c| Placed { old: c.old_span(), change: c }).collect())
    } else if earlier_first {
        // Each offset counts the bytes earlier changes put in and not the ones they took out.
        let (mut added, mut taken) = (0usize, 0usize);
        let mut out = Vec::with_capacity(changes.len());
        for c in changes {
            let at = (c.at + taken).checked_sub(added)?;
            out.push(Placed { old: Span::new(at, at + c.old.len()), change: c });
            added += c.new.len();
            taken += c.old.len();
        }
        Some(out)
    } else {
        None
    }
}

/// `text` with `changes` applied in order, each at its offset in the text as it stands when it
/// applies: the text a run of steps leads to. `Err` gives where a change did not find its old
/// text, as [`Change::apply`] would refuse it.
///
/// A run in either order a replace-all and its undo make ([`placed`]) is made in one pass over
/// `text` and the changes. Any other run is kept as pieces, each a slice of `text` or of a
/// change's new text: a change finds its place among the pieces, checks and takes out its old
/// text, and puts in its new text as a piece; its cost is the changes times the pieces.
pub fn replayed<'a>(text: &'a str, changes: &'a [Change]) -> Result<String, usize> {
    if let Some(placed) = placed(changes) {
        let mut out = String::with_capacity(text.len());
        let mut from = 0;
        for Placed { old, change: c } in placed {
            out.push_str(text.get(from..old.start).ok_or(c.at)?);
            if old.get(text) != Some(c.old.as_str()) {
                return Err(c.at);
            }
            out.push_str(&c.new);
            from = old.end;
        }
        out.push_str(text.get(from..).ok_or(text.len())?);
        return Ok(out);
    }
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

/// Moves the spans of `items` through `changes` applied in order, as [`Change::shift`] moves
/// them one change at a time, and drops the items a change overlaps. A run in either order of
/// [`placed`] is done with a binary search per item, so that a replace-all of many places is
/// not the places times the items; any other run, change by change.
pub fn shift_all<T>(items: &mut Vec<T>, changes: &[Change], span: impl Fn(&mut T) -> &mut Span) {
    let Some(placed) = placed(changes) else {
        for c in changes {
            items.retain_mut(|it| c.shift(*span(it)).map(|s| *span(it) = s).is_some());
        }
        return;
    };
    // What the changes before each one add to the text's length, less what they take out.
    let mut grown = Vec::with_capacity(placed.len() + 1);
    let mut sum: isize = 0;
    grown.push(sum);
    for p in &placed {
        sum += p.change.new.len().cast_signed() - p.old.len().cast_signed();
        grown.push(sum);
    }
    items.retain_mut(|it| {
        let s = *span(it);
        // The changes that end before the span starts move it by what they add; those from the
        // first that ends at its start or later are asked one by one, as few as reach it.
        let first = placed.partition_point(|p| p.old.end < s.start);
        let mut by = grown[first];
        for p in &placed[first..] {
            if p.old.start > s.end {
                break;
            }
            let Some(after) = shifted(p.old, p.change.new.len(), s) else { return false };
            by += after.start.cast_signed() - s.start.cast_signed();
        }
        *span(it) = Span::new(s.start.saturating_add_signed(by), s.end.saturating_add_signed(by));
        true
    });
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

    /// Changes at places apart, later places first (a replace-all) or, taken back, earlier
    /// first, made in one pass: the same text, and the same spans moved and dropped, as the
    /// changes applied one at a time.
    fn one_pass_agrees(
        text: &str,
        places: &[(usize, usize, String)],
        spans: &[(usize, usize)],
    ) -> Result<(), proptest::test_runner::TestCaseError> {
        let mut later_first = Vec::new();
        let mut last_end = usize::MAX;
        for (at, len, new) in places.iter().rev() {
            let (at, end) = ((*at).min(text.len()), (*at + *len).min(text.len()));
            let Some(old) = text.get(at..end).filter(|_| end <= last_end) else { continue };
            later_first.push(Change { at, old: old.to_string(), new: new.clone() });
            last_end = at;
        }
        let mut now = text.to_string();
        let mut one_by_one: Vec<Span> = spans.iter().map(|&(a, b)| Span::new(a.min(b), a.max(b))).collect();
        let mut together = one_by_one.clone();
        for c in &later_first {
            proptest::prop_assert!(c.apply(&mut now));
            one_by_one.retain_mut(|s| c.shift(*s).map(|moved| *s = moved).is_some());
        }
        shift_all(&mut together, &later_first, |s| s);
        proptest::prop_assert_eq!(replayed(text, &later_first), Ok(now.clone()));
        proptest::prop_assert_eq!(&together, &one_by_one);
        // Taken back: earlier places first, each offset in the text as it then stands.
        let back: Vec<Change> = later_first.iter().rev().map(Change::inverse).collect();
        let mut back_one_by_one = one_by_one.clone();
        let mut back_together = one_by_one;
        for c in &back {
            back_one_by_one.retain_mut(|s| c.shift(*s).map(|moved| *s = moved).is_some());
        }
        shift_all(&mut back_together, &back, |s| s);
        proptest::prop_assert_eq!(replayed(&now, &back), Ok(text.to_string()));
        proptest::prop_assert_eq!(back_together, back_one_by_one);
        Ok(())
    }

    proptest::proptest! {
        #[test]
        fn a_replace_all_and_its_undo_in_one_pass_agree_with_one_change_at_a_time(
            text in "[a-cé \n]{0,60}",
            places in proptest::collection::vec((0usize..64, 0usize..4, "[x-z]{0,3}"), 0..10),
            spans in proptest::collection::vec((0usize..64, 0usize..64), 0..12),
        ) {
            let mut places = places;
            places.sort_by_key(|p| p.0);
            one_pass_agrees(&text, &places, &spans)?;
        }
    }
}
