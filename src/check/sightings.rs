//! Which words of a stream occur more than once, in a few bits a word.
//!
//! The checker finds with it the compounds of small letters an article writes more than once
//! (`rust-analyzer`), and keys its maps of words by its hashes ([`Sightings::hash_of_folded`]:
//! `Roden` and `roden` alike). Until a long text was checked a section at a time, it also found
//! which of an article's million distinct names needed an entry of evidence at all (10 MB of
//! them took 221 MB); a section is too short for that to matter.
//!
//! It is a Bloom filter: it never misses a word seen before, and now and then says "seen" of a
//! word that was not (3% of distinct words at 8 bits each, 10% at 4). The callers count
//! exactly afterwards, so a false "seen" costs one entry, never a wrong verdict.

use std::hash::{BuildHasher, BuildHasherDefault, Hash, Hasher};

/// The set of words sighted so far, as bits.
pub struct Sightings {
    bits: Vec<u64>,
    /// 64 less the log of the number of bits (a power of two): a probe is the top bits of a
    /// product.
    shift: u32,
}

impl Sightings {
    /// Room for `words` words at `bits_per_word` bits or up to twice that (the number of bits
    /// is a power of two). Words met again take no room of their own, so a text's uses make a
    /// generous count of its distinct words.
    #[must_use]
    pub fn new(words: usize, bits_per_word: usize) -> Self {
        let bits = (words.max(1) * bits_per_word).next_power_of_two().max(64);
        Self { bits: vec![0; bits / 64], shift: 64 - bits.trailing_zeros() }
    }

    /// The hash of `key`, every bit of it mixed into every other.
    #[must_use]
    pub fn hash_of(key: &impl Hash) -> u64 {
        BuildHasherDefault::<Mixer>::default().hash_one(key)
    }

    /// A hash of `word` folded to lower case, alike for words a case-blind comparison finds
    /// alike (`Roden`, `roden`; the Kelvin sign and `k`). It is made of the first eight bytes
    /// and the length only, so that the pass over every word in lower case costs a load and
    /// two multiplies a word: words that share both (`internationalise`, `internationalize`)
    /// hash alike, which costs an entry, never a verdict.
    #[must_use]
    #[inline]
    pub fn hash_of_folded(word: &str) -> u64 {
        if word.is_ascii() {
            Self::hash_of_head(word.as_bytes())
        } else {
            let lower: String = word.chars().flat_map(char::to_lowercase).collect();
            Self::hash_of_head(lower.as_bytes())
        }
    }

    /// The first eight of `bytes`, each with its 0x20 bit set (ASCII letters folded to lower
    /// case; `_` taken for DEL and `@` for a backquote, which no word tells apart), and their
    /// number, mixed.
    #[inline]
    fn hash_of_head(bytes: &[u8]) -> u64 {
        let head = &bytes[..bytes.len().min(8)];
        let mut w = [0u8; 8];
        w[..head.len()].copy_from_slice(head);
        #[allow(clippy::cast_possible_truncation)] // at most 8
        let kept = u64::MAX.checked_shr(64 - 8 * head.len() as u32).unwrap_or(0);
        let h = ((u64::from_le_bytes(w) | 0x2020_2020_2020_2020 & kept) ^ (bytes.len() as u64).rotate_right(8))
            .wrapping_mul(0x9e37_79b9_7f4a_7c15);
        h ^ (h >> 29)
    }

    /// The three bits of `hash`: the top bits of it times three odd constants.
    fn probes(&self, hash: u64) -> [(usize, u64); 3] {
        [1, 0x9e37_79b9_7f4a_7c15, 0xc2b2_ae3d_27d4_eb4f].map(|k: u64| {
            let bit = hash.wrapping_mul(k) >> self.shift;
            #[allow(clippy::cast_possible_truncation)] // below the number of bits, a usize
            ((bit >> 6) as usize, 1u64 << (bit & 63))
        })
    }

    /// Records the word of `hash`; true when it may have been recorded before (always, when it
    /// was).
    pub fn sight(&mut self, hash: u64) -> bool {
        let mut seen = true;
        for (at, bit) in self.probes(hash) {
            seen &= self.bits[at] & bit != 0;
            self.bits[at] |= bit;
        }
        seen
    }

    /// True when the word of `hash` may have been recorded (always, when it was).
    #[must_use]
    pub fn may_hold(&self, hash: u64) -> bool {
        self.probes(hash).iter().all(|&(at, bit)| self.bits[at] & bit != 0)
    }
}

/// A hash whose every input bit reaches every output bit: a multiply, then the high half
/// folded down, for each eight bytes. (The checker's fast hash multiplies only, so a difference
/// in a word's eighth byte stays in the top bits, and the next byte can cancel it: `Name10419`
/// and `Name10494` hash alike. That costs a hash map a probe, but would cost a sighting.)
#[derive(Default)]
pub struct Mixer(u64);

impl Mixer {
    fn mix(&mut self, word: u64) {
        let h = (self.0 ^ word).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        self.0 = h ^ (h >> 29);
    }
}

impl Hasher for Mixer {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            self.mix(u64::from_le_bytes(w));
        }
        let rest = chunks.remainder();
        let mut w = [0u8; 8];
        w[..rest.len()].copy_from_slice(rest);
        self.mix(u64::from_le_bytes(w) ^ (bytes.len() as u64).rotate_right(8));
    }

    fn write_u8(&mut self, n: u8) {
        self.mix(u64::from(n) | 1 << 63);
    }

    fn finish(&self) -> u64 {
        let h = self.0.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
        h ^ (h >> 32)
    }
}

#[cfg(test)]
mod tests {
    use super::Sightings;

    #[test]
    fn a_word_seen_before_is_always_sighted_and_a_new_one_rarely() {
        let words: Vec<String> = (0..20_000).map(|i| format!("Name{i}")).collect();
        let mut s = Sightings::new(words.len(), 8);
        let mut false_sightings = 0;
        for w in &words {
            false_sightings += usize::from(s.sight(Sightings::hash_of(w)));
        }
        assert!(words.iter().all(|w| s.may_hold(Sightings::hash_of(w)) && s.sight(Sightings::hash_of(w))));
        // At 8 to 16 bits a word, 3% at most by design, 0.8% at 13 bits (20,000 words in
        // 262,144 bits); 1.5% would mean the bits are poorly spread (the checker's fast
        // hash, whose collisions alone make 1.3% here, gave 3%).
        assert!(false_sightings < 300, "{false_sightings} false sightings");
        let strangers = (0..20_000).filter(|i| s.may_hold(Sightings::hash_of(&format!("Other{i}")))).count();
        assert!(strangers < 300, "{strangers} strangers held");
    }

    #[test]
    fn words_alike_but_for_case_hash_alike_when_folded() {
        for (a, b) in [("Roden", "roden"), ("KUBERNETES", "kubernetes"), ("Zoë", "zoË"), ("\u{212a}elvin", "kelvin")]
        {
            assert_eq!(Sightings::hash_of_folded(a), Sightings::hash_of_folded(b), "{a} {b}");
        }
        assert_ne!(Sightings::hash_of_folded("Roden"), Sightings::hash_of_folded("rodent"));
        assert_ne!(Sightings::hash_of_folded("abcdefgh"), Sightings::hash_of_folded("abcdefgh\0"));
        assert_ne!(Sightings::hash_of_folded("abcdefgh"), Sightings::hash_of_folded("abcdefg"));
    }
}
