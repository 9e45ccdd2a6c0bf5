//! Real-word errors from the model: a right word in the wrong place (`you cold be`, `the
//! communication of developers`), found where the corpus has never seen the word beside its
//! neighbours but has seen a word one edit away, or of the same stem, there often.
//!
//! For a word in lower case joined to a word on each side, not seen beside both of them by the
//! corpus or general English, every candidate (one edit away, or another ending of its stem: the
//! model's near list, made when the model is built, so a word costs one lookup) is scored as a
//! bigram model would: how often the corpus writes it after the word before, times how often
//! before the word after, over how often it writes it at all, each pair count smoothed by what
//! chance alone would give it. The candidate is a suspect where it beats
//! the word as written by more than the odds against a slip ([`SLIP`]).

use crate::lexicon::model::{Model, PairMemo};
use crate::span::Span;
use crate::suspect::{Kind, Lists, Suspect};

/// The chance that a word of an article is a slip for one particular other word.
const SLIP: f64 = 0.002;
/// How much less likely a slip is that only changes a word's ending (`clones` for `clone`).
const INFLECTION: f64 = 0.1;
/// The least count of a pair, seen or not.
const UNSEEN: f64 = 0.1;
/// After this many words weighed, a text where fewer than half stand beside a neighbour seen
/// with them is no prose the model knows.
const PROSE_SAMPLE: usize = 2_000;
/// How much of what chance alone gives a pair is added to its count.
const SMOOTH: f64 = 0.5;
/// A suspect is confident when the candidate wins by this much more.
const SURE: f64 = 10.0;
/// Finds the real-word suspects among the words in lower case it is shown, one at a time.
pub struct Finder<'t> {
    text: &'t str,
    model: &'t Model,
    pairs: PairMemo<'t>,
    /// Words in the corpus.
    n: f64,
    /// The suspects found.
    pub suspects: Vec<Suspect>,
    /// Words weighed so far, and how many of them the corpus or general English had seen beside
    /// a neighbour.
    weighed: usize,
    seen: usize,
}

impl<'t> Finder<'t> {
    /// A finder over `text`.
    #[must_use]
    pub fn new(text: &'t str, model: &'t Model) -> Self {
        #[allow(clippy::cast_precision_loss)] // a count of words
        let n = model.size().0.max(1) as f64;
        Self { text, model, pairs: PairMemo::new(model), n, suspects: Vec::new(), weighed: 0, seen: 0 }
    }

    /// Judges the word in lower case at `span`.
    pub fn visit(&mut self, span: Span, lists: &mut Lists) {
        let (text, model) = (self.text, self.model);
        let word = span.slice(text);
        if word.len() < 3 || !word.bytes().all(|c| c.is_ascii_lowercase()) {
            return;
        }
        let (Some(prev), Some(next)) = crate::token::neighbours(text, span) else { return };
        // In a text whose words mostly stand where prose never puts them (a list of words, a
        // text in no language the corpus knows), an unseen pair is no evidence: weigh no more.
        if self.weighed >= PROSE_SAMPLE && self.seen * 2 < self.weighed {
            return;
        }
        self.weighed += 1;
        // Seen beside a neighbour by general English (the corpus is documentation: `the talk
        // was`) or by the corpus.
        let (wl, wr) = (self.pairs.after(prev, word), self.pairs.before(word, next));
        let left = wl > 0 || crate::lexicon::bigram(prev, word) > 0;
        let right = wr > 0 || crate::lexicon::bigram(word, next) > 0;
        if left || right {
            self.seen += 1;
        }
        if left && right {
            return;
        }
        // The candidates the corpus has seen beside both neighbours (most words have none).
        let pairs = &mut self.pairs;
        let fits: Vec<(&str, u64, u32, u32)> = model
            .near(word)
            .filter_map(|cand| {
                let l = pairs.after(prev, cand);
                let r = if l > 0 { pairs.before(cand, next) } else { 0 };
                (r > 0).then(|| (cand, model.count(cand), l, r))
            })
            .collect();
        if fits.is_empty() {
            return;
        }
        let here = model.count(word);
        #[allow(clippy::cast_precision_loss)] // counts
        let (cp, cn, n) = (model.count(prev) as f64, model.count(next) as f64, self.n);
        #[allow(clippy::cast_precision_loss)] // counts
        let score = |c: u64, l: u32, r: u32| {
            let c = c as f64;
            // An unseen pair counts as half a use at least: a corpus of documentation misses
            // many a right pair, most of all beside rare words.
            let l = (f64::from(l) + SMOOTH * cp * c / n).max(UNSEEN);
            let r = (f64::from(r) + SMOOTH * cn * c / n).max(UNSEEN);
            l * r / c
        };
        let written = score(here, wl, wr) * (1.0 - SLIP);
        let mut best: Option<(f64, &str, bool)> = None;
        for (cand, c, l, r) in fits {
            // Grammar bends a word's ending far more often than a slip does (`git clones it`).
            let slip = if crate::lexicon::is_inflection(word, cand) { SLIP * INFLECTION } else { SLIP };
            let s = score(c, l, r) * slip;
            if s > written && best.is_none_or(|(b, _, _)| s > b) {
                best = Some((s, cand, l > 0 && r > 0));
            }
        }
        if let Some((s, fix, both)) = best {
            // Sure only when the corpus has seen the fix beside both neighbours.
            let sure = both && s >= written * SURE;
            let suspect = Suspect::new(span, Kind::WordChoice, lists.one(fix.to_string()));
            self.suspects.push(Suspect { confident: sure, ..suspect });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixes(text: &str) -> Vec<(String, String)> {
        let spans: Vec<Span> = crate::token::tokens(text)
            .into_iter()
            .filter(|t| t.kind == crate::token::TokenKind::Word)
            .map(|t| t.span)
            .collect();
        let mut finder = Finder::new(text, Model::builtin());
        let mut lists = Lists::default();
        for span in spans {
            finder.visit(span, &mut lists);
        }
        finder.suspects.into_iter().map(|s| (s.span.slice(text).to_string(), s.suggestions[0].clone())).collect()
    }

    #[test]
    fn a_word_that_fits_nowhere_near_its_neighbours_gives_way_to_one_that_does() {
        assert_eq!(fixes("so that you cold be sure"), [("cold".to_string(), "could".to_string())]);
    }

    #[test]
    fn a_word_that_fits_one_neighbour_but_not_the_other_gives_way_too() {
        // `the dose` is English; `dose not` is not, and `the file does not` is.
        assert_eq!(fixes("it fails when the file dose not exist"), [("dose".to_string(), "does".to_string())]);
    }

    #[test]
    fn words_in_their_place_stay() {
        assert!(fixes("so that you could be sure the cold water is clean").is_empty());
    }
}
