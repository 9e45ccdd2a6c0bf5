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

/// Calls `each` with every distinct string made by deleting up to [`MAX_DELETES`] characters
/// from the first [`PREFIX`] characters of `word` (the prefix itself included), using `buf` as
/// scratch space.
pub fn for_each_delete(word: &str, buf: &mut Vec<char>, each: impl FnMut(&str)) {
    for_each_delete_upto(word, MAX_DELETES, buf, each);
}

/// [`for_each_delete`] with at most `max` (1 or 2) deletions.
pub fn for_each_delete_upto(word: &str, max: usize, buf: &mut Vec<char>, mut each: impl FnMut(&str)) {
    buf.clear();
    buf.extend(word.chars().take(PREFIX));
    let n = buf.len();
    let mut seen: Vec<String> = Vec::with_capacity(32);
    let mut emit = |s: String, seen: &mut Vec<String>| {
        if !seen.contains(&s) {
            each(&s);
            seen.push(s);
        }
    };
    emit(buf.iter().collect(), &mut seen);
    for i in 0..n {
        emit(buf.iter().enumerate().filter(|&(k, _)| k != i).map(|(_, c)| c).collect(), &mut seen);
        if max >= 2 {
            for j in i + 1..n {
                let s: String = buf.iter().enumerate().filter(|&(k, _)| k != i && k != j).map(|(_, c)| c).collect();
                emit(s, &mut seen);
            }
        }
    }
}
