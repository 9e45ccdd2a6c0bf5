//! Delete indexes of the commonest words alone, for the question "is this word a slip of one
//! of the few thousand commonest words?" that detection asks of unknown words.
//!
//! The compiled index ([`super::Builtin::candidates_upto`]) answers it too, but its buckets
//! list every word, rare ones included, and lie spread over megabytes: on an article of a
//! million distinct unknown Capitalised words, reading them took half of the check. These hold
//! only the words written [`format::COMMON_INDEXES`]' floors of times or more: about 770 words
//! (13,000 strings, 190 KB) and 5,700 words (121,000 strings, 1.7 MB). build.rs writes them;
//! they are read in place. Each string carries its hash's low half, so a string that shares
//! a bucket by chance is passed over without its word being read. The words they give, once
//! their distance is checked, are the ones the compiled index gives with the same floor.

use super::format;

static INDEXES: [&[u8]; format::COMMON_INDEXES.len()] = [
    include_bytes!(concat!(env!("OUT_DIR"), "/common-0.bin")),
    include_bytes!(concat!(env!("OUT_DIR"), "/common-1.bin")),
];

/// One index, read in place: `2^bits + 1` bucket starts, then three words a string.
pub struct Common {
    bits: u32,
    bytes: &'static [u8],
}

impl Common {
    /// The smallest index that holds every word written `min_frequency` times or more; none
    /// when the floor is under the lowest.
    #[must_use]
    pub fn at_least(min_frequency: f64) -> Option<Self> {
        let k = format::COMMON_INDEXES.iter().position(|&(floor, _)| min_frequency >= floor)?;
        Some(Self { bits: format::COMMON_INDEXES[k].1, bytes: INDEXES[k] })
    }

    fn word(&self, at: usize) -> u32 {
        match self.bytes.get(at * 4..at * 4 + 4) {
            Some(&[a, b, c, d]) => u32::from_le_bytes([a, b, c, d]),
            _ => 0,
        }
    }

    /// Calls `each` with the entry and corpus count of every indexed word, written at least
    /// `min_frequency` times, whose first characters are within `max` deletions of those of
    /// `lower` (with duplicates and false candidates, as [`super::Builtin::candidates_upto`]).
    pub fn candidates_upto(&self, lower: &str, max: usize, min_frequency: f64, mut each: impl FnMut(u32, u32)) {
        let postings = (1usize << self.bits) + 1;
        format::for_each_delete_upto(lower, max, |d| {
            let (bucket, tag) = format::common_place(d, self.bits);
            let (from, to) = (self.word(bucket as usize) as usize, self.word(bucket as usize + 1) as usize);
            for p in from..to {
                let at = postings + p * 3;
                if self.word(at) == tag {
                    let frequency = self.word(at + 2);
                    if f64::from(frequency) >= min_frequency {
                        each(self.word(at + 1), frequency);
                    }
                }
            }
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::Builtin;

    /// The words within `max` edits of `word`, written `floor` times or more, among `ids`.
    fn near(ids: impl IntoIterator<Item = u32>, word: &str, max: usize, floor: f64) -> Vec<u32> {
        let b = Builtin::get();
        let mut out: Vec<u32> = ids
            .into_iter()
            .filter(|&i| {
                f64::from(b.frequency(b.entry(i))) >= floor && strsim::osa_distance(word, b.key(b.entry(i))) <= max
            })
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }

    #[test]
    fn the_commonest_words_near_a_word_are_those_the_compiled_index_finds() {
        let b = Builtin::get();
        for word in ["teh", "becuase", "expet", "tehre", "maintaicee", "wrold", "qzxvw", "a", "fo", "peopel", "thier"] {
            for (max, floor) in [(1, 1e7), (2, 1e7), (1, 3e7), (1, 1e8), (2, 1e9)] {
                let common = Common::at_least(floor).expect("an index for the floor");
                let mut ours = Vec::new();
                common.candidates_upto(word, max, floor, |i, frequency| {
                    assert_eq!(frequency, b.frequency(b.entry(i)), "{word}: the count kept is the lexicon's");
                    ours.push(i);
                });
                let mut compiled = Vec::new();
                b.candidates_upto(word, max, &mut compiled);
                assert_eq!(
                    near(ours, word, max, floor),
                    near(compiled, word, max, floor),
                    "{word} within {max}, {floor}"
                );
            }
        }
        assert!(Common::at_least(20_000.0).is_none(), "no index holds the words under its floor");
        let mut found = Vec::new();
        Common::at_least(1e8).expect("index").candidates_upto("teh", 1, 1e8, |i, _| found.push(b.key(b.entry(i))));
        assert!(found.contains(&"the"), "teh is a slip of the: {found:?}");
        let mut found = Vec::new();
        Common::at_least(1e7)
            .expect("index")
            .candidates_upto("maintaicee", 2, 1e7, |i, _| found.push(b.key(b.entry(i))));
        assert!(found.contains(&"maintained"), "{found:?}");
    }
}
