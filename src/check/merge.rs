//! How the stages' suspects meet: [`MERGE`] lists the stages in the order the checker merges
//! them, and how each one's suspects meet those found before. A word has one suspect at most;
//! which stage's it is, this table says. A new stage is a line in it and a call of [`add`].
//!
//! One verdict is no merge and stays where it is made: where the casing model judged a word, its
//! reading replaces the rules' casing of it before any of this (`check::context_casing`).

use crate::fasthash::FastSet;
use crate::span::{self, Span};
use crate::suspect::{Fixes, Kind, Suspect};

/// A stage whose suspects are merged into those found before, numbered by its line in [`MERGE`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stage {
    /// Misspellings, words of the other dialect and words a list knows in another casing: one
    /// verdict for each word the lexicon does not take as written.
    Words,
    /// Real words out of place, by the model's pairs (`realword`).
    RealWords,
    /// Rare known words that neither neighbour expects (`word_choices`).
    RareWords,
    /// Acronyms written small or half lowered, in context (`casing::capitals`).
    Acronyms,
    /// Months in dates written small (`15 may 2025`: `casing::is_date_month`).
    Dates,
    /// Casing by the rules in context: stray capitals, names, headings (`casing::capitals`).
    CasingRules,
    /// The article's own names where it writes them in lower case (`roden` beside `Roden`).
    OwnNames,
    /// Casing by the model (`truecase`).
    CasingModel,
    /// Sentences that start in lower case.
    SentenceStarts,
    /// A word written twice (`the the`).
    Repeats,
    /// Marks between words (`spacing`).
    Spacing,
    /// Two-word names (`linux foundation`).
    Phrases,
    /// Dotted names a part of which damage Capitalised (`List.Sort`: `dotted`).
    DottedNames,
}

/// How a stage's suspects meet those found before them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Meet {
    /// They are the first.
    First,
    /// They stand where no stage before found anything, by how they are found.
    Apart,
    /// Each gives way to a suspect found before at the same start.
    Yield,
    /// Each replaces the suspects found before at the same start.
    Replace,
    /// Each replaces the suspects found before over the same span.
    ReplaceSpan,
    /// Each spans words (`the the`): it gives way to a suspect of another kind than this one on
    /// any of them, and to one of its own stage it overlaps; it replaces those of this kind.
    Outranks(Kind),
    /// Each replaces the suspects found before inside its span.
    Covers,
}

/// The stages in the order their suspects are merged, and how each meets those found before.
pub const MERGE: [(Stage, Meet); 13] = [
    (Stage::Words, Meet::First),
    (Stage::RealWords, Meet::Yield),
    // A rare known word is one the first stage took as written; where the real-word stage
    // weighed it too, with the model's pairs and the article's evidence, its verdict stands.
    (Stage::RareWords, Meet::Yield),
    // An acronym written small (`api`) is no misspelling and no stray casing.
    (Stage::Acronyms, Meet::Replace),
    // `may` in `15 may 2025` is the month, whatever else judged the word.
    (Stage::Dates, Meet::Replace),
    (Stage::CasingRules, Meet::Yield),
    // `roden` where the article writes `Roden` is its name, not a misspelling.
    (Stage::OwnNames, Meet::ReplaceSpan),
    (Stage::CasingModel, Meet::Yield),
    (Stage::SentenceStarts, Meet::Yield),
    // `the The`: the second word is the repeat's, not a casing's.
    (Stage::Repeats, Meet::Outranks(Kind::Casing)),
    (Stage::Spacing, Meet::Yield),
    // `linux foundation` is one name, not two words to case.
    (Stage::Phrases, Meet::Covers),
    // A dotted name is one token, which only the spacing stage looks at (`end.The`).
    (Stage::DottedNames, Meet::Yield),
];

/// How `stage`'s suspects meet those found before: its line of [`MERGE`], which lists the
/// stages in the order they are declared (a test holds it so).
#[must_use]
pub const fn meet(stage: Stage) -> Meet {
    MERGE[stage as usize].1
}

/// Merges `found`, the suspects of `stage` in `text`, into `suspects`, as [`MERGE`] says.
pub fn add(text: &str, suspects: &mut Vec<Suspect>, stage: Stage, found: impl IntoIterator<Item = Suspect>) {
    match meet(stage) {
        Meet::First | Meet::Apart => suspects.extend(found),
        Meet::Yield => {
            // Suspects in order are searched where they are; only those out of order are copied.
            let kept: Vec<Suspect> = if suspects.is_sorted_by_key(|s| s.span.start) {
                let taken = |at: usize| suspects.binary_search_by_key(&at, |s| s.span.start).is_ok();
                found.into_iter().filter(|s| !taken(s.span.start)).collect()
            } else {
                let taken = Starts::of(suspects);
                found.into_iter().filter(|s| !taken.contains(s.span.start)).collect()
            };
            suspects.extend(kept);
        }
        Meet::Replace => {
            let found: Vec<Suspect> = found.into_iter().collect();
            if !found.is_empty() {
                let at: FastSet<usize> = found.iter().map(|s| s.span.start).collect();
                suspects.retain(|s| !at.contains(&s.span.start));
                suspects.extend(found);
            }
        }
        Meet::ReplaceSpan => {
            let found: Vec<Suspect> = found.into_iter().collect();
            let at: FastSet<Span> = found.iter().map(|s| s.span).collect();
            suspects.retain(|s| !at.contains(&s.span));
            suspects.extend(found);
        }
        Meet::Outranks(kind) => {
            let taken = Starts::of(suspects);
            let outranked_at: FastSet<usize> =
                suspects.iter().filter(|s| s.kind == kind).map(|s| s.span.start).collect();
            let free = |at: usize| !taken.contains(at) || outranked_at.contains(&at);
            let (mut last_end, mut outranked) = (0, FastSet::default());
            for s in found {
                let words = word_starts(text, s.span);
                if s.span.start >= last_end && words.iter().all(|&at| free(at)) {
                    last_end = s.span.end;
                    outranked.extend(words);
                    suspects.push(s);
                }
            }
            if !outranked.is_empty() {
                suspects.retain(|s| !(s.kind == kind && outranked.contains(&s.span.start)));
            }
        }
        Meet::Covers => {
            // In text order and never overlapping: the one that may hold a suspect is the last
            // that starts at or before it.
            let found: Vec<Suspect> = found.into_iter().collect();
            if !found.is_empty() {
                suspects.retain(|s| {
                    let k = found.partition_point(|p| p.span.start <= s.span.start);
                    !(k > 0 && s.span.end <= found[k - 1].span.end)
                });
                suspects.extend(found);
            }
        }
    }
}

/// Where suspects start, sorted: "is a suspect already here?" by binary search, 8 bytes a
/// suspect, cheaper than a hash set of every suspect in a damaged article.
pub struct Starts(Vec<usize>);

impl Starts {
    /// Where `suspects` start.
    #[must_use]
    pub fn of(suspects: &[Suspect]) -> Self {
        let mut v: Vec<usize> = suspects.iter().map(|s| s.span.start).collect();
        if !v.is_sorted() {
            // Stable on purpose: it finds and merges the runs already in order.
            #[allow(clippy::stable_sort_primitive)]
            v.sort();
        }
        Self(v)
    }

    /// True when a suspect starts at `at`.
    #[must_use]
    pub fn contains(&self, at: usize) -> bool {
        self.0.binary_search(&at).is_ok()
    }
}

/// Sorts `suspects` by where they start, those that start together in the order they came, as a
/// stable sort does, but with room for the part out of order only. The suspects come as a long
/// run in order (the stage before sorted them) and the few a later stage added: a stable sort
/// of them all copies the whole run aside (7 MB at the peak of 10 MB of misspellings). The added
/// ones are sorted apart, then merged in from the back.
pub fn sort_by_start(suspects: &mut Vec<Suspect>) {
    let Some(first) = suspects.windows(2).position(|w| w[1].span.start < w[0].span.start) else { return };
    let mut added = suspects.split_off(first + 1);
    added.sort_by_key(|s| s.span.start);
    // Room at the end, filled with placeholders that the merge overwrites.
    let (mut run, mut at) = (suspects.len(), suspects.len() + added.len());
    suspects.resize_with(at, || Suspect::new(Span::new(0, 0), Kind::Casing, Fixes::default()));
    while let Some(last) = added.last() {
        at -= 1;
        // On a tie the earlier run's suspect stays first, so the added one goes behind it.
        if run > 0 && suspects[run - 1].span.start > last.span.start {
            run -= 1;
            suspects.swap(run, at);
        } else if let Some(s) = added.pop() {
            suspects[at] = s;
        }
    }
}

/// Where each word of `span` starts: its words are parted by single spaces.
fn word_starts(text: &str, span: Span) -> Vec<usize> {
    let mut at = span.start;
    span::cut(text, span.start, span.end)
        .split(' ')
        .map(|w| {
            let start = at;
            at += w.len() + 1;
            start
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// Suspects in order but for some added at the end come out as a stable sort by start
        /// puts them: by start, and those that start together in the order they came.
        #[test]
        fn suspects_added_to_a_run_in_order_are_merged_as_a_stable_sort_would(
            run in proptest::collection::vec(0usize..30, 0..40),
            added in proptest::collection::vec(0usize..30, 0..12),
        ) {
            let mut run = run;
            run.sort_unstable();
            // Each suspect's length says where it came in, so that ties show their order.
            let suspects: Vec<Suspect> = run
                .iter()
                .chain(&added)
                .enumerate()
                .map(|(i, &at)| Suspect::new(Span::new(at, at + 1 + i), Kind::Casing, Fixes::default()))
                .collect();
            let mut want = suspects.clone();
            want.sort_by_key(|s| s.span.start);
            let mut got = suspects;
            sort_by_start(&mut got);
            let spans = |v: &[Suspect]| v.iter().map(|s| s.span).collect::<Vec<_>>();
            proptest::prop_assert_eq!(spans(&got), spans(&want));
        }
    }

    fn at(start: usize, end: usize, kind: Kind) -> Suspect {
        Suspect::new(Span::new(start, end), kind, Fixes::default())
    }

    fn kinds(suspects: &[Suspect]) -> Vec<(usize, usize, Kind)> {
        let mut v: Vec<_> = suspects.iter().map(|s| (s.span.start, s.span.end, s.kind)).collect();
        v.sort_by_key(|&(start, end, _)| (start, end));
        v
    }

    #[test]
    fn each_stage_meets_what_came_before_as_the_table_says() {
        let text = "so the The linux foundation api";
        // Misspellings at `so` and `api`, casings at `The` and `linux`.
        let mut s = vec![
            at(0, 2, Kind::Spelling),
            at(7, 10, Kind::Casing),
            at(11, 16, Kind::Casing),
            at(28, 31, Kind::Spelling),
        ];
        // A real word gives way at `so`, and stands at `foundation`.
        add(text, &mut s, Stage::RealWords, [at(0, 2, Kind::WordChoice), at(17, 27, Kind::WordChoice)]);
        // An acronym written small replaces the misspelling at `api`.
        add(text, &mut s, Stage::Acronyms, [at(28, 31, Kind::Casing)]);
        // A repeat takes `the The` from the casing of its second word.
        add(text, &mut s, Stage::Repeats, [at(3, 10, Kind::Repeat)]);
        // A two-word name covers the suspects of its words.
        add(text, &mut s, Stage::Phrases, [at(11, 27, Kind::Casing)]);
        assert_eq!(
            kinds(&s),
            [(0, 2, Kind::Spelling), (3, 10, Kind::Repeat), (11, 27, Kind::Casing), (28, 31, Kind::Casing)]
        );
        // A repeat gives way to a misspelling on either of its words.
        let mut s = vec![at(7, 10, Kind::Spelling)];
        add(text, &mut s, Stage::Repeats, [at(3, 10, Kind::Repeat)]);
        assert_eq!(kinds(&s), [(7, 10, Kind::Spelling)]);
    }

    #[test]
    fn every_stage_has_its_own_line_in_order_and_the_first_meets_nothing() {
        for (i, (stage, _)) in MERGE.iter().enumerate() {
            assert_eq!(*stage as usize, i, "{stage:?} is not on its line");
        }
        assert_eq!(MERGE[0].1, Meet::First);
        assert!(MERGE[1..].iter().all(|(_, m)| *m != Meet::First));
    }
}
