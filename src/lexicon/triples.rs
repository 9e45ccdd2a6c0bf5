//! How often clean prose writes a word in small letters between two others
//! (`assets/triples.bin`, counted with the casing model by `scripts/build-model.py`): the
//! evidence a pair cannot give. `what is now a` and `what is not a` both stand in pairs the
//! corpus knows; which of `now` and `not` stands between `is` and `a` only the three words say.
//!
//! The file: `GALLEYT1`, the number of keys `N` (`u64`); 65,537 bucket starts (`u32`: the keys
//! whose hash has top 16 bits `b` are `starts[b]..starts[b + 1]`); `N` keys, the next 16 bits of
//! each hash (`u16`), ascending within a bucket; then `N` counts (`u8`, at most 255). The hash is
//! 64-bit FNV-1a of `prev word next`, the neighbours in lower case. Triples written fewer than
//! twice are left out, and two whose hashes share 32 bits add up: about one lookup in 1,500 of a
//! triple the corpus never wrote finds a count.

use crate::lexicon::model::Fnv;
use std::sync::OnceLock;

static BLOB: &[u8] = include_bytes!("../../assets/triples.bin");

const MAGIC: &[u8; 8] = b"GALLEYT1";
const BUCKETS: usize = 1 << 16;

/// The counts of the triples clean prose writes, read in place.
pub struct Triples {
    starts: &'static [u8],
    keys: &'static [u8],
    counts: &'static [u8],
}

impl Triples {
    /// The triples built into galley (none, if the file is not one: every count is then 0).
    #[must_use]
    pub fn builtin() -> &'static Self {
        static TRIPLES: OnceLock<Triples> = OnceLock::new();
        TRIPLES.get_or_init(|| Self::parse(BLOB).unwrap_or(Self { starts: &[], keys: &[], counts: &[] }))
    }

    fn parse(bytes: &'static [u8]) -> Option<Self> {
        let rest = bytes.strip_prefix(MAGIC)?;
        let n = usize::try_from(u64::from_le_bytes(rest.get(..8)?.try_into().ok()?)).ok()?;
        let rest = &rest[8..];
        let (starts, rest) = rest.split_at_checked((BUCKETS + 1) * 4)?;
        let (keys, counts) = rest.split_at_checked(n.checked_mul(2)?)?;
        (counts.len() == n).then_some(Self { starts, keys, counts })
    }

    /// How many keys the table holds.
    #[must_use]
    pub fn len(&self) -> usize {
        self.counts.len()
    }

    /// Whether the table is empty (no file was built in).
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.counts.is_empty()
    }

    /// How often clean prose writes `word` between `prev` and `next` (255 for 255 times or more).
    #[must_use]
    pub fn count(&self, prev: &str, word: &str, next: &str) -> u32 {
        if self.is_empty() {
            return 0;
        }
        let (run, low) = self.run(hash_of(prev, word, next));
        self.find(run, low).map_or(0, |i| u32::from(self.counts[i]))
    }

    /// [`Triples::count`] of each of `words` between `prev` and `next`, into `out`, a stage at
    /// a time: each stage reads what every word needs from memory before the next begins, so
    /// that the reads overlap instead of waiting each for the one before.
    pub fn counts<'w>(&self, prev: &str, words: impl Iterator<Item = &'w str>, next: &str, out: &mut Vec<u32>) {
        out.clear();
        if self.is_empty() {
            out.extend(words.map(|_| 0));
            return;
        }
        let head = head_of(prev);
        let runs: Vec<((usize, usize), u16)> = words.map(|w| self.run(hash_after(head, w, next))).collect();
        // The middle of each run, where each search starts: read now, it is in the cache when the
        // search reads it again.
        let mut read = 0u16;
        for &((lo, hi), _) in &runs {
            if lo < hi {
                read ^= self.key(lo + (hi - lo) / 2);
            }
        }
        std::hint::black_box(read);
        let found: Vec<Option<usize>> = runs.iter().map(|&(run, low)| self.find(run, low)).collect();
        out.extend(found.iter().map(|i| i.map_or(0, |i| u32::from(self.counts[i]))));
    }

    /// The run of keys a triple of hash `hash` would be among, and the key it would have there.
    fn run(&self, hash: u64) -> ((usize, usize), u16) {
        let bucket = usize::try_from(hash >> 48).unwrap_or(0);
        let low = u16::try_from((hash >> 32) & 0xFFFF).unwrap_or(0);
        let start = |b: usize| {
            let at = b * 4;
            self.starts.get(at..at + 4).map_or(0, |s| u32::from_le_bytes([s[0], s[1], s[2], s[3]]) as usize)
        };
        ((start(bucket), start(bucket + 1).min(self.len())), low)
    }

    fn key(&self, i: usize) -> u16 {
        u16::from_le_bytes([self.keys[2 * i], self.keys[2 * i + 1]])
    }

    /// Where the key `low` is in the run `lo..hi`, by a binary search.
    fn find(&self, (lo, hi): (usize, usize), low: u16) -> Option<usize> {
        let (mut a, mut b) = (lo, hi);
        while a < b {
            let mid = a + (b - a) / 2;
            match self.key(mid).cmp(&low) {
                std::cmp::Ordering::Less => a = mid + 1,
                std::cmp::Ordering::Greater => b = mid,
                std::cmp::Ordering::Equal => return Some(mid),
            }
        }
        None
    }
}

/// 64-bit FNV-1a of `prev word next`, the neighbours in lower case: the build script's key,
/// made with the model's hash, which lowers an ASCII word a byte at a time.
fn hash_of(prev: &str, word: &str, next: &str) -> u64 {
    hash_after(head_of(prev), word, next)
}

/// The hash of `prev` and the space after it, which every triple's hash after `prev` starts with.
fn head_of(prev: &str) -> Fnv {
    Fnv::new().lower(prev).bytes(b" ")
}

/// [`hash_of`] from the hash of its first word, [`head_of`].
fn hash_after(head: Fnv, word: &str, next: &str) -> u64 {
    head.bytes(word.as_bytes()).bytes(b" ").lower(next).0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_corpus_says_which_word_stands_between_two_others() {
        let t = Triples::builtin();
        assert!(!t.is_empty());
        assert!(t.count("is", "not", "a") > 100);
        assert_eq!(t.count("is", "nto", "a"), 0);
        // The neighbours are keyed in lower case, the middle word as written.
        assert_eq!(t.count("Is", "not", "A"), t.count("is", "not", "a"));
        assert!(t.count("you", "could", "use") > t.count("you", "cold", "use"));
    }

    #[test]
    fn counts_of_many_words_between_two_are_each_word_s_count() {
        let t = Triples::builtin();
        let words = ["not", "nto", "now", "also", "Not", "then"];
        let mut out = Vec::new();
        t.counts("is", words.iter().copied(), "a", &mut out);
        let each: Vec<u32> = words.iter().map(|w| t.count("Is", w, "A")).collect();
        assert_eq!(out, each);
        assert!(out[0] > 100 && out[1] == 0);
    }
}
