//! The layout of the compiled lexicon, shared by `build.rs` (which writes it) and
//! [`crate::lexicon`] (which reads it in place, straight from the binary: nothing is parsed at
//! start-up).
//!
//! All fields are little-endian `u32`. The blob starts with [`HEADER_WORDS`] header words (see the
//! `H_*` indices), then:
//! - strings: UTF-8 bytes of every key and form;
//! - entries: [`ENTRY_WORDS`] words per lower-case key (see `E_*`);
//! - forms: [`FORM_WORDS`] words per cased spelling (`Kubernetes`, `CNCF`, `London`);
//! - slots: an open-addressing hash table of entry index + 1 (0 is empty), probed linearly;
//! - bases + offsets + postings: the symmetric-delete index. Every indexed key contributes each
//!   string obtained by deleting up to [`MAX_DELETES`] characters from its first [`PREFIX`]
//!   characters; bucket `b` (the top bits of the string's hash) lists the entries that produced a
//!   string hashing there, in `postings[start(b)..start(b+1)]`. Collisions only add candidates
//!   that the distance check then drops.
//!   - bases: one `u32` per [`BLOCK`] buckets, where the block's first bucket starts, and one
//!     past the last block (the number of postings);
//!   - offsets: a `u16` per bucket, where it starts after its block's base (`start(b)` is
//!     `bases[b / BLOCK] + offsets[b]`);
//!   - postings: an entry index in [`POSTING_BYTES`] bytes each.
//!
//!   Bucket starts in two bytes and entries in three take 7.5 MB less than a `u32` each: the
//!   delete index is the biggest table a long article's lookups map in. (A byte per bucket
//!   does not do: a bucket of a short string, `ab` from `abet` and hundreds more, holds up to
//!   656 entries.)

/// First header word: `GLX1`.
pub const MAGIC: u32 = 0x3158_4c47;
pub const HEADER_WORDS: usize = 16;
pub const H_MAGIC: usize = 0;
pub const H_ENTRIES: usize = 1;
pub const H_SLOTS: usize = 2;
pub const H_BUCKET_BITS: usize = 3;
pub const H_STRINGS_OFF: usize = 4;
pub const H_ENTRIES_OFF: usize = 5;
pub const H_FORMS_OFF: usize = 6;
pub const H_SLOTS_OFF: usize = 7;
pub const H_BUCKETS_OFF: usize = 8;
pub const H_POSTINGS_OFF: usize = 9;
pub const H_FORMS: usize = 10;
pub const H_POSTINGS: usize = 11;
pub const H_OFFSETS_OFF: usize = 12;

/// Buckets of the delete index per block: a block's postings (about 440) fit a `u16`'s offsets
/// many times over (build.rs checks it).
pub const BLOCK: usize = 256;
/// Bytes of an entry index in the delete index's postings (entries are far fewer than 2^24).
pub const POSTING_BYTES: usize = 3;

pub const ENTRY_WORDS: usize = 4;
/// Byte offset of the key in the strings section.
pub const E_KEY: usize = 0;
/// Key length (bits 0..8), flags (8..16), SCOWL size (16..24), number of forms (24..32).
pub const E_META: usize = 1;
/// Corpus count of the word (0 when the frequency list lacks it).
pub const E_FREQ: usize = 2;
/// Index of the entry's first form.
pub const E_FORMS: usize = 3;

pub const FORM_WORDS: usize = 2;
/// Byte offset of the form in the strings section.
pub const F_STR: usize = 0;
/// Length (bits 0..8), dialects (8..16, [`US`] | [`GB`]), source bits (16..24, [`SRC_ENGLISH`] | [`SRC_TECH`]).
pub const F_META: usize = 1;

/// Entry flag: the all-lower-case spelling is an American English word.
pub const LOWER_US: u32 = 1;
/// Entry flag: the all-lower-case spelling is a British English word.
pub const LOWER_GB: u32 = 2;
/// Entry flag: the all-lower-case spelling is a tech term (valid in every dialect).
pub const LOWER_TECH: u32 = 4;
/// Entry flag: the key is in the delete index (it may be suggested).
pub const INDEXED: u32 = 8;

/// Dialect bit of a form.
pub const US: u32 = 1;
/// Dialect bit of a form.
pub const GB: u32 = 2;
/// Source of a form: the English word lists.
pub const SRC_ENGLISH: u32 = 1;
/// Source of a form: the tech vocabulary.
pub const SRC_TECH: u32 = 2;

/// The small delete indexes of the commonest indexed words (`lexicon::common`), each written
/// by build.rs to `common-K.bin` (K its place here): the floor of corpus counts a word needs
/// to be in it, and the bits of a deletion's hash that choose its bucket (about two strings a
/// bucket). A file holds `2^bits + 1` bucket starts, then for each string its hash's low half
/// (see [`common_place`]), its entry and the entry's count: all little-endian `u32`.
pub const COMMON_INDEXES: [(f64, u32); 2] = [(1e8, 13), (1e7, 16)];

/// Where a deletion goes in a common index of `bits` bits: its bucket, and its hash's low half,
/// which tells the strings of one bucket apart without reading their words.
#[must_use]
pub fn common_place(d: &[u8], bits: u32) -> (u32, u32) {
    let h = hash(d);
    #[allow(clippy::cast_possible_truncation)] // both fit: the top `bits` bits, the low half
    ((h >> (64 - bits)) as u32, h as u32)
}

/// Characters of a key that the delete index covers; the rest is checked by the distance.
pub const PREFIX: usize = 7;
/// Deletions per indexed string.
pub const MAX_DELETES: usize = 2;

/// 64-bit hash of a byte string (`FxHash`'s mixing, eight bytes at a time): fast on short words
/// and identical in `build.rs` and at run time.
#[must_use]
pub fn hash(bytes: &[u8]) -> u64 {
    let mut h = mix_bytes(bytes.len() as u64, bytes);
    // Final avalanche so that the top bits (bucket numbers) depend on every byte.
    h ^= h >> 29;
    h = h.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    h ^ (h >> 32)
}

/// One step of the hash: `word` mixed into `h` (`FxHash`'s multiply-rotate).
#[must_use]
pub fn mix(h: u64, word: u64) -> u64 {
    (h.rotate_left(5) ^ word).wrapping_mul(0x517c_c1b7_2722_0a95)
}

/// `bytes` mixed into `h`, eight at a time: the loop of [`hash`], which the checker's hash maps
/// share (`fasthash`), without the final avalanche.
#[must_use]
pub fn mix_bytes(mut h: u64, bytes: &[u8]) -> u64 {
    let mut chunks = bytes.chunks_exact(8);
    for c in &mut chunks {
        let mut w = [0u8; 8];
        w.copy_from_slice(c);
        h = mix(h, u64::from_le_bytes(w));
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        let mut w = [0u8; 8];
        w[..rest.len()].copy_from_slice(rest);
        h = mix(h, u64::from_le_bytes(w));
    }
    h
}

/// Calls `each` with the bytes of every distinct string made by deleting up to [`MAX_DELETES`]
/// characters from the first [`PREFIX`] characters of `word` (the prefix itself included).
pub fn for_each_delete(word: &str, each: impl FnMut(&[u8])) {
    for_each_delete_upto(word, MAX_DELETES, each);
}

/// [`for_each_delete`] with at most `max` (1 or 2) deletions, in the order: the prefix; then for
/// each character, the prefix without it, followed by the prefix without it and each later one.
///
/// Nothing is allocated and no string is compared for one deletion: deleting a character makes
/// the same string as deleting the one before it exactly when the two are the same character.
/// A string made by two deletions is compared with those made before it by two (as a number,
/// when the prefix fits in eight bytes). It runs for every rare word a long article holds.
pub fn for_each_delete_upto(word: &str, max: usize, mut each: impl FnMut(&[u8])) {
    /// The strings two deletions make at most.
    const TWOS: usize = PREFIX * (PREFIX - 1) / 2;
    const LONGEST: usize = PREFIX * 4;
    // The prefix's characters, and where each lies in `word`.
    let mut chars = ['\0'; PREFIX];
    let mut ends = [0usize; PREFIX + 1];
    let mut n = 0;
    for (at, c) in word.char_indices().take(PREFIX) {
        chars[n] = c;
        ends[n] = at;
        ends[n + 1] = at + c.len_utf8();
        n += 1;
    }
    let len = ends[n];
    let mut prefix = [0u8; LONGEST];
    prefix[..len].copy_from_slice(&word.as_bytes()[..len]);
    each(&prefix[..len]);
    // The first `len` bytes of `text` without those at `from..to`.
    let cut = |text: &[u8; LONGEST], len: usize, from: usize, to: usize| {
        let mut out = *text;
        for k in from..len - (to - from) {
            out[k] = out[k + to - from];
        }
        out
    };
    let mut twos = [([0u8; LONGEST], 0usize); TWOS];
    let mut packs = [0u64; TWOS];
    let mut made = 0;
    for i in 0..n {
        let one = cut(&prefix, len, ends[i], ends[i + 1]);
        let one_len = len - (ends[i + 1] - ends[i]);
        if i == 0 || chars[i] != chars[i - 1] {
            each(&one[..one_len]);
        }
        if max < 2 {
            continue;
        }
        for j in i + 1..n {
            // Character `j` sits one character to the left once `i` is gone.
            let shift = ends[i + 1] - ends[i];
            let two = cut(&one, one_len, ends[j] - shift, ends[j + 1] - shift);
            let two_len = one_len - (ends[j + 1] - ends[j]);
            let this = &two[..two_len];
            // A prefix of eight bytes or fewer (ASCII words) is compared as one number.
            let packed = (len <= 8).then(|| {
                let mut word = [0u8; 8];
                word[..two_len].copy_from_slice(this);
                u64::from_le_bytes(word)
            });
            let seen = match packed {
                Some(p) => packs[..made].contains(&p),
                None => twos[..made].iter().any(|(s, l)| &s[..*l] == this),
            };
            if seen {
                continue;
            }
            each(this);
            match packed {
                Some(p) => packs[made] = p,
                None => twos[made] = (two, two_len),
            }
            made += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The deletions spelled out the plain way: every string, in order, once.
    fn plainly(word: &str, max: usize) -> Vec<String> {
        let chars: Vec<char> = word.chars().take(PREFIX).collect();
        let without = |skip: &[usize]| -> String {
            chars.iter().enumerate().filter(|(k, _)| !skip.contains(k)).map(|(_, c)| c).collect()
        };
        let mut out = vec![without(&[])];
        for i in 0..chars.len() {
            out.push(without(&[i]));
            if max >= 2 {
                for j in i + 1..chars.len() {
                    out.push(without(&[i, j]));
                }
            }
        }
        let mut seen = Vec::new();
        out.retain(|s| {
            let new = !seen.contains(s);
            seen.push(s.clone());
            new
        });
        out
    }

    #[test]
    fn the_deletions_are_every_distinct_string_in_order_whatever_the_letters() {
        let words = [
            "",
            "a",
            "aa",
            "aaa",
            "abab",
            "hello",
            "bookkeeper",
            "mississippi",
            "naïve",
            "ééééééé",
            "straße",
            "aébéc",
            "日本語のテキスト",
            "xy\u{301}z",
            "aabbccddee",
        ];
        for word in words {
            for max in [1, 2] {
                let mut got = Vec::new();
                for_each_delete_upto(word, max, |s| got.push(String::from_utf8(s.to_vec()).expect("UTF-8")));
                assert_eq!(got, plainly(word, max), "{word:?} with {max} deletions");
            }
        }
    }
}
