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
        let hash = hash_of(prev, word, next);
        let bucket = usize::try_from(hash >> 48).unwrap_or(0);
        let low = u16::try_from((hash >> 32) & 0xFFFF).unwrap_or(0);
        let start = |b: usize| {
            let at = b * 4;
            self.starts.get(at..at + 4).map_or(0, |s| u32::from_le_bytes([s[0], s[1], s[2], s[3]]) as usize)
        };
        let (lo, hi) = (start(bucket), start(bucket + 1).min(self.len()));
        let key = |i: usize| u16::from_le_bytes([self.keys[2 * i], self.keys[2 * i + 1]]);
        let (mut a, mut b) = (lo, hi);
        while a < b {
            let mid = a + (b - a) / 2;
            match key(mid).cmp(&low) {
                std::cmp::Ordering::Less => a = mid + 1,
                std::cmp::Ordering::Greater => b = mid,
                std::cmp::Ordering::Equal => return u32::from(self.counts[mid]),
            }
        }
        0
    }
}

/// 64-bit FNV-1a of `prev word next`, the neighbours in lower case: the build script's key,
/// made with the model's hash, which lowers an ASCII word a byte at a time.
fn hash_of(prev: &str, word: &str, next: &str) -> u64 {
    Fnv::new().lower(prev).bytes(b" ").bytes(word.as_bytes()).bytes(b" ").lower(next).0
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
}
