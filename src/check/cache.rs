//! The article as a cache of its own words (Kuhn and De Mori, 1990): a word an article uses is
//! far likelier to be meant by one of its misspellings than its frequency in English says. A
//! README about a crate writes `crate` twenty times, so its `corat` is `crate` before `coat`,
//! and its `andoc` is the `indoc` it is about, not `and`.
//!
//! A fix's chance becomes a mixture of the corpus's and the article's: λ·P(word) + (1 − λ)·
//! P(word | article), where P(word | article) is how often the article writes the word, in small
//! letters or with capitals (a name it writes: `The Rusut team` in an article about Rust is `Rust`,
//! not `rest`). [`Cache::boost`] is the log of how much that raises a fix's frequency, added to its
//! ranking score: nothing for a word the article does not write, little for one English writes
//! as often anyway (`the`).
//!
//! Counts are kept by a hash of each word, not the word: a reader keeps the cache of the text it
//! opened while that text changes under it, and a collision of two 64-bit hashes among an
//! article's words costs, at worst, one fix's rank.

use crate::check::sightings::Sightings;
use crate::fasthash::FastMap;
use crate::lexicon::Lexicon;

/// The article's share of the mixture, 1 − λ. Set on the tune part (0.03, 0.1, 0.3 and 0.5
/// tried: 0.3 takes the most non-words' right fixes, and none right words more).
const ARTICLE_SHARE: f64 = 0.3;
/// A word the article writes fewer times than this says nothing. Once is enough: the count is
/// of the fix, written right elsewhere, never of the misspelling (set on the tune part: 2 took
/// one right fix fewer).
const MIN_USES: u32 = 1;

/// A word of this many bytes or fewer is not counted: a common word, of which English's counts
/// say enough.
pub(crate) const SHORT: usize = 3;

/// How often an article writes each of its words, in any casing (keyed in lower case).
#[derive(Default)]
pub struct Cache {
    counts: FastMap<u64, u32>,
    /// The article's words, in any case.
    words: f64,
    /// The total of the lexicon's frequencies (its counts of all English words, on its scale).
    mass: f64,
}

impl Cache {
    /// The cache of the article `text` (its prose: what the checker reads).
    #[must_use]
    pub fn of(lexicon: &Lexicon, text: &str) -> Self {
        let mut counts: FastMap<u64, u32> = FastMap::default();
        let mut words = 0usize;
        crate::token::tokenize(text, |t| {
            if t.kind == crate::token::TokenKind::Word {
                words += 1;
                // A possessive counts as its word (`Rust's`).
                let w = crate::check::stem_of(t.span.slice(text));
                if w.len() > SHORT && w.starts_with(char::is_alphabetic) {
                    let key = if w.chars().any(char::is_uppercase) { Some(w.to_lowercase()) } else { None };
                    *counts.entry(Sightings::hash_of(&key.as_deref().unwrap_or(w))).or_default() += 1;
                }
            }
        });
        #[allow(clippy::cast_precision_loss)] // a count of words
        let words = words as f64;
        Self { counts, words, mass: english_mass(lexicon) }
    }

    /// How often the article writes `key` (a word in lower case, longer than [`SHORT`]), in any
    /// casing.
    #[must_use]
    pub fn uses(&self, key: &str) -> u32 {
        self.counted_uses(key).unwrap_or(0)
    }

    /// [`Cache::uses`], or `None` for a word too short to be counted: how often the article
    /// writes it is not known.
    #[must_use]
    pub fn counted_uses(&self, key: &str) -> Option<u32> {
        (key.len() > SHORT).then(|| self.counts.get(&Sightings::hash_of(&key)).copied().unwrap_or(0))
    }

    /// The log of how many times more often `key` (a word in lower case, of `frequency` on the
    /// lexicon's scale) is meant in this article than English writes it: 0 for a word it writes
    /// fewer than [`MIN_USES`] times.
    #[must_use]
    pub fn boost(&self, key: &str, frequency: f64) -> f64 {
        if self.counts.is_empty() {
            return 0.0;
        }
        let uses = self.uses(key);
        if uses < MIN_USES || self.words <= 0.0 {
            return 0.0;
        }
        let here = f64::from(uses) / self.words;
        let english = frequency.max(1.0) / self.mass;
        ((1.0 - ARTICLE_SHARE) + ARTICLE_SHARE * here / english).ln()
    }
}

/// The total of the lexicon's frequencies: symspellpy's counts of all words (from Google Books),
/// scaled as the lexicon scales them, by `the`.
pub(crate) fn english_mass(lexicon: &Lexicon) -> f64 {
    lexicon.frequency("the").max(1.0) * ALL / THE
}

/// How often the counts behind the lexicon's frequencies write `the`, and all their words
/// (symspellpy's frequency list, from Google Books).
pub(crate) const THE: f64 = 23_135_851_162.0;
pub(crate) const ALL: f64 = 541_809_000_000.0;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_word_the_article_writes_is_raised_and_one_it_does_not_is_not() {
        let lexicon = Lexicon::new();
        let cache = Cache::of(&lexicon, "The crate builds; the crate runs in a coat.");
        let crate_boost = cache.boost("crate", lexicon.frequency("crate"));
        assert!(crate_boost > 2.0, "{crate_boost}");
        assert!(cache.boost("coat", lexicon.frequency("coat")) < crate_boost, "written once, and common");
        assert!(cache.boost("cart", lexicon.frequency("cart")).abs() < 1e-9, "never written");
        assert!(Cache::default().boost("crate", 1.0).abs() < 1e-9, "no article");
    }

    #[test]
    fn a_name_the_article_writes_with_capitals_is_counted_as_its_word() {
        let lexicon = Lexicon::new();
        let cache = Cache::of(&lexicon, "Rust is fast. We love RUST, and Rust's tools.");
        assert_eq!(cache.uses("rust"), 3);
        assert!(cache.boost("rust", lexicon.frequency("rust")) > 2.0);
    }
}
