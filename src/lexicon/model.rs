//! The casing model: how clean English prose writes each word, and which word it writes beside
//! which, counted over tens of millions of words of package documentation (see
//! `scripts/build-model.py` and `assets/NOTICE.md`). Read in place from the binary: opening it
//! parses a header, and a lookup is a few probes into a sorted table.
//!
//! Layout of `assets/model.bin` (all integers little-endian):
//! ```text
//! "GALLEYM2"
//! u64 words in the corpus, u64 packages read, u64 W (keys), u64 P (pairs), u64 B (blob bytes)
//! W × u64   hash of each lower-case word, sorted
//! W × u32   offset of its forms in the blob
//! P × u64   hash of each pair, sorted: lower(first) 0x01 form (the form after a word), or
//!           form 0x02 lower(second) (the form before a word); 0x03 and 0x04 for the same
//!           across a comma or a closing mark ([`Join::Loose`]); hashes are 64-bit FNV-1a
//! P × u32   how often the pair was seen inside a sentence
//! B bytes   per word: u8 count of forms, then per form u8 length, the form's bytes, u32 uses
//!           inside a sentence, u32 uses at a sentence start, most used first; then u32 offset
//!           in the blob of the word's near list (u32::MAX for none)
//!           per near list: u8 count, then u32 offset in the blob of each word it names
//! ```
//! A word's near list names the words one edit from it or of its stem that the corpus writes
//! often enough to be what was meant (`scripts/build-model.py`, `near_words`): finding them is
//! one lookup, however long the word.

use crate::lexicon::model_index;
use std::sync::OnceLock;

static BLOB: &[u8] = include_bytes!("../../assets/model.bin");

const MAGIC: &[u8; 8] = b"GALLEYM2";
const HEADER: usize = 8 + 5 * 8;
static LOWER_WORDS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/lower-words.bin"));
/// The index of the model's two tables (words, then pairs), written by build.rs.
static INDEX: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/model-index.bin"));
/// The keys of the model's two tables cut to 32 bits (words, then pairs), written by build.rs.
static SHORT_KEYS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/model-short-keys.bin"));
/// The pair counts in two bytes each, written by build.rs (see [`Narrow`]).
static PAIR_COUNTS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/model-pair-counts.bin"));

/// How two words of a pair stand beside each other in a sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Join {
    /// A single space and nothing else (`the cold`).
    Space,
    /// A comma or a closing bracket or quote, then one space (`License, Version`,
    /// `(see below) for`): see [`crate::token::loose_neighbours`].
    Loose,
}

impl Join {
    /// The byte between the two words of a pair's key, for a form after a word and before one.
    const fn after(self) -> u8 {
        match self {
            Self::Space => 1,
            Self::Loose => 3,
        }
    }

    const fn before(self) -> u8 {
        match self {
            Self::Space => 2,
            Self::Loose => 4,
        }
    }
}

/// A sorted table of 64-bit keys with a 32-bit value each, in place, and an index of where
/// each run of keys with the same top bits starts (one entry per 16 keys, 256 KB for a million
/// pairs; build.rs writes it, `model_index`). The keys are hashes, spread evenly, so a run holds
/// about 16 keys in two cache lines: a lookup reads the index, binary-searches the run, then
/// reads the value. (An entry per key made start-up 15 ms instead of 4 ms and lookups no faster.)
struct Table {
    keys: &'static [u8],
    values: &'static [u8],
    starts: Starts,
    bits: u32,
    /// Each key's 32 bits below its run's ([`model_index::short_key`]), which lookups compare
    /// when build.rs wrote them for this table: half the bytes of the keys, so half the pages a
    /// long article faults in. Empty otherwise.
    short: &'static [u8],
    /// The values in two bytes each, when build.rs wrote them for this table.
    narrow: Option<Narrow>,
}

/// A table's values in two bytes each, those too large for two after them: what build.rs writes
/// of the pair counts, so that lookups read half the bytes of `u32` counts.
struct Narrow {
    /// Each value as a `u16`, `u16::MAX` for one too large.
    counts: &'static [u8],
    /// The values too large, as (`u32` index, `u32` value), in index order.
    wide: &'static [u8],
}

impl Narrow {
    /// The layout build.rs writes: `u32` w, w wide entries, then `n` `u16`s; `None` when `bytes`
    /// does not hold that for `n` values.
    fn of(bytes: &'static [u8], n: usize) -> Option<Self> {
        let w = usize::try_from(u32::from_le_bytes(bytes.get(..4)?.try_into().ok()?)).ok()?;
        let wide = bytes.get(4..4 + w.checked_mul(8)?)?;
        let counts = bytes.get(4 + w * 8..)?;
        (counts.len() == n.checked_mul(2)?).then_some(Self { counts, wide })
    }

    fn get(&self, i: usize) -> u32 {
        let at = i * 2;
        let v = u16::from_le_bytes(self.counts[at..at + 2].try_into().unwrap_or_default());
        if v < u16::MAX {
            return u32::from(v);
        }
        let entry = |k: usize| {
            let e = &self.wide[k * 8..k * 8 + 8];
            (u32::from_le_bytes([e[0], e[1], e[2], e[3]]), u32::from_le_bytes([e[4], e[5], e[6], e[7]]))
        };
        let (mut lo, mut hi) = (0, self.wide.len() / 8);
        while lo < hi {
            let mid = usize::midpoint(lo, hi);
            let (index, value) = entry(mid);
            match (index as usize).cmp(&i) {
                std::cmp::Ordering::Less => lo = mid + 1,
                std::cmp::Ordering::Greater => hi = mid,
                std::cmp::Ordering::Equal => return value,
            }
        }
        u32::from(u16::MAX)
    }
}

/// A table's index: read in place from what build.rs wrote, or made here when that does not fit
/// the table (never for the model built in).
enum Starts {
    InPlace(&'static [u8]),
    Made(Vec<u32>),
}

impl Starts {
    fn get(&self, i: usize) -> Option<u32> {
        match self {
            Self::InPlace(bytes) => bytes.get(i * 4..i * 4 + 4).map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]])),
            Self::Made(v) => v.get(i).copied(),
        }
    }
}

impl Table {
    /// The table of `keys` and `values`, indexed by `index` (the `u32`s build.rs wrote) if it
    /// fits them.
    fn new(keys: &'static [u8], values: &'static [u8], index: &'static [u8], short: &'static [u8]) -> Self {
        let mut t = Self { keys, values, starts: Starts::InPlace(index), bits: 1, short: &[], narrow: None };
        let n = t.len();
        let bits = model_index::bits(n);
        t.bits = bits;
        if index.len() != ((1 << bits) + 1) * 4 {
            t.starts = Starts::Made(model_index::starts(n, bits, |i| t.key(i)));
        } else if short.len() == n * 4 {
            t.short = short;
        }
        t
    }

    fn short_key(&self, i: usize) -> u32 {
        let at = i * 4;
        u32::from_le_bytes(self.short[at..at + 4].try_into().unwrap_or_default())
    }

    fn len(&self) -> usize {
        self.keys.len() / 8
    }

    fn key(&self, i: usize) -> u64 {
        let at = i * 8;
        u64::from_le_bytes(self.keys[at..at + 8].try_into().unwrap_or_default())
    }

    fn value(&self, i: usize) -> u32 {
        if let Some(narrow) = &self.narrow {
            return narrow.get(i);
        }
        let at = i * 4;
        u32::from_le_bytes(self.values[at..at + 4].try_into().unwrap_or_default())
    }

    /// The value of `key`.
    fn get(&self, key: u64) -> Option<u32> {
        let (lo, hi) = self.run(key)?;
        self.find(key, lo, hi, self.guess(key, lo, hi)).map(|k| self.value(k))
    }

    /// The run of keys `key` would be among, from the index: `None` when it is empty.
    fn run(&self, key: u64) -> Option<(usize, usize)> {
        #[allow(clippy::cast_possible_truncation)] // the top bits, at most 24
        let bucket = (key >> (64 - self.bits)) as usize;
        let (lo, hi) = (self.starts.get(bucket)? as usize, self.starts.get(bucket + 1)? as usize);
        (lo < hi).then_some((lo, hi))
    }

    /// Where in its run `lo..hi` the key should be. The keys are hashes, spread evenly: where the
    /// rest of the key's bits put it in the run is within a key or two of where it is, so the
    /// search reads one cache line, not four.
    fn guess(&self, key: u64, lo: usize, hi: usize) -> usize {
        #[allow(clippy::cast_possible_truncation)] // less than the run's length
        let guess = lo + ((u128::from(key << self.bits) * (hi - lo) as u128) >> 64) as usize;
        guess.min(hi - 1)
    }

    /// What [`Table::find`] compares at `i`: the key there, or its short key where the table has
    /// them.
    fn probe(&self, i: usize) -> u64 {
        if self.short.is_empty() { self.key(i) } else { u64::from(self.short_key(i)) }
    }

    /// Where `key` is in its run `lo..hi`, walking from `guess`.
    fn find(&self, key: u64, lo: usize, hi: usize, guess: usize) -> Option<usize> {
        if self.short.is_empty() {
            walk(guess, lo, hi, key, |k| self.key(k))
        } else {
            walk(guess, lo, hi, model_index::short_key(key, self.bits), |k| self.short_key(k))
        }
    }

    /// [`Table::get`] of each of `keys`, into `out` (0 for a key that is not there), a stage at a
    /// time: each stage reads what every key needs from memory before the next begins, so that
    /// those reads overlap instead of waiting each for the one before. `at` is room the stages
    /// share: each key's run and where in it the key should be.
    fn get_many(&self, keys: &[u64], at: &mut Vec<Option<(usize, usize, usize)>>, out: &mut Vec<u32>) {
        // Each key's run, from the index.
        at.clear();
        at.extend(keys.iter().map(|&key| self.run(key).map(|(lo, hi)| (lo, hi, lo))));
        // Where in its run each key should be, and the key there, read now: it is in the cache
        // when the walk reads it again.
        let mut read = 0u64;
        for (&key, run) in keys.iter().zip(at.iter_mut()) {
            if let Some((lo, hi, guess)) = run {
                *guess = self.guess(key, *lo, *hi);
                read ^= self.probe(*guess);
            }
        }
        std::hint::black_box(read);
        // The walks, then the values.
        out.clear();
        out.extend(keys.iter().zip(at.iter()).map(|(&key, run)| {
            run.and_then(|(lo, hi, guess)| self.find(key, lo, hi, guess)).map_or(0, |i| self.value(i))
        }));
    }
}

/// Where `want` is among the sorted `key(lo..hi)`, walking from `i`, the guess: `None` if absent.
fn walk<K: Ord + Copy>(mut i: usize, lo: usize, hi: usize, want: K, key: impl Fn(usize) -> K) -> Option<usize> {
    if key(i) < want {
        while i + 1 < hi && key(i) < want {
            i += 1;
        }
    } else {
        while i > lo && key(i) > want {
            i -= 1;
        }
    }
    (key(i) == want).then_some(i)
}

/// 64-bit FNV-1a, fed byte by byte: the hash the build script uses for every key.
#[derive(Clone, Copy)]
pub(crate) struct Fnv(pub(crate) u64);

impl Fnv {
    pub(crate) const fn new() -> Self {
        Self(0xcbf2_9ce4_8422_2325)
    }

    pub(crate) fn bytes(mut self, bytes: &[u8]) -> Self {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
        self
    }

    /// `word` in lower case, without making a string of it when it is ASCII.
    pub(crate) fn lower(self, word: &str) -> Self {
        if word.is_ascii() {
            let mut h = self;
            for &b in word.as_bytes() {
                h.0 = (h.0 ^ u64::from(b.to_ascii_lowercase())).wrapping_mul(0x0100_0000_01b3);
            }
            h
        } else {
            self.bytes(word.to_lowercase().as_bytes())
        }
    }
}

/// One way the corpus writes a word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Form {
    /// The word as written (`Linux`, `linux`).
    pub text: &'static str,
    /// Uses inside a sentence.
    pub inside: u32,
    /// Uses at the start of a sentence, a list item or a paragraph.
    pub start: u32,
}

/// The ways the corpus writes one word, most used first.
#[derive(Clone)]
pub struct Forms {
    bytes: &'static [u8],
    left: u8,
}

impl Iterator for Forms {
    type Item = Form;

    fn next(&mut self) -> Option<Form> {
        if self.left == 0 {
            return None;
        }
        self.left -= 1;
        let len = usize::from(*self.bytes.first()?);
        let text = std::str::from_utf8(self.bytes.get(1..1 + len)?).ok()?;
        let counts = self.bytes.get(1 + len..1 + len + 8)?;
        let inside = u32::from_le_bytes(counts[..4].try_into().ok()?);
        let start = u32::from_le_bytes(counts[4..].try_into().ok()?);
        self.bytes = &self.bytes[1 + len + 8..];
        Some(Form { text, inside, start })
    }
}

/// The casing model.
pub struct Model {
    words: Table,
    pairs: Table,
    blob: &'static [u8],
    corpus_words: u64,
    packages: u64,
}

/// Words in the corpus that the thresholds on corpus counts hold for as counts (47.0 M, the
/// corpus of 2026-12): see [`Model::uses`]. They were set on the 27.3 M-word corpus of 2026-11;
/// asked as the same share of a 52 M-word one grown from it, they changed 24 more right words of
/// the registry texts' tune part than asked as the same counts: the words added were less
/// technical, so a tech term's share fell while its count did not.
const SET_ON_WORDS: f64 = 46_963_921.0;

impl Model {
    /// The model built into galley.
    #[must_use]
    pub fn builtin() -> &'static Self {
        static MODEL: OnceLock<Model> = OnceLock::new();
        MODEL.get_or_init(|| Self::parse(BLOB).unwrap_or_else(Self::empty))
    }

    fn empty() -> Self {
        Self {
            words: Table::new(&[], &[], &[], &[]),
            pairs: Table::new(&[], &[], &[], &[]),
            blob: &[],
            corpus_words: 0,
            packages: 0,
        }
    }

    fn parse(bytes: &'static [u8]) -> Option<Self> {
        if bytes.len() < HEADER || &bytes[..8] != MAGIC {
            return None;
        }
        let field = |k: usize| -> Option<usize> {
            let at = 8 + k * 8;
            usize::try_from(u64::from_le_bytes(bytes[at..at + 8].try_into().ok()?)).ok()
        };
        let (corpus_words, packages) = (field(0)? as u64, field(1)? as u64);
        let (w, p, b) = (field(2)?, field(3)?, field(4)?);
        let mut at = HEADER;
        let mut take = |n: usize| -> Option<&'static [u8]> {
            let s = bytes.get(at..at.checked_add(n)?)?;
            at += n;
            Some(s)
        };
        let split = ((1 << model_index::bits(w)) + 1) * 4;
        let (words_index, pairs_index) = INDEX.split_at(split.min(INDEX.len()));
        let (words_short, pairs_short) = SHORT_KEYS.split_at(w.checked_mul(4)?.min(SHORT_KEYS.len()));
        let words = Table::new(take(w.checked_mul(8)?)?, take(w.checked_mul(4)?)?, words_index, words_short);
        let mut pairs = Table::new(take(p.checked_mul(8)?)?, take(p.checked_mul(4)?)?, pairs_index, pairs_short);
        pairs.narrow = Narrow::of(PAIR_COUNTS, p);
        let blob = take(b)?;
        Some(Self { words, pairs, blob, corpus_words, packages })
    }

    /// How many words the corpus held, and from how many packages.
    #[must_use]
    pub fn size(&self) -> (u64, u64) {
        (self.corpus_words, self.packages)
    }

    /// `count` uses in a corpus of [`SET_ON_WORDS`], the one galley's thresholds on counts were
    /// set on, as uses in this one: the same share of its words (at least one). A threshold is a
    /// frequency, so a larger corpus moves none of them.
    #[must_use]
    pub fn uses(&self, count: u64) -> u64 {
        #[allow(clippy::cast_precision_loss, clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        // counts of words, far below 2^52
        let scaled = (count as f64 * self.corpus_words as f64 / SET_ON_WORDS).round() as u64;
        scaled.max(1)
    }

    /// The ways the corpus writes `word` (in any case), most used first; empty for a word it
    /// never saw.
    #[must_use]
    pub fn forms(&self, word: &str) -> Forms {
        self.forms_by_hash(Fnv::new().lower(word).0)
    }

    /// The forms of the word whose lower case hashes to `key`.
    fn forms_by_hash(&self, key: u64) -> Forms {
        self.words.get(key).map_or(Forms { bytes: &[], left: 0 }, |off| self.forms_at(off))
    }

    /// The forms of the word whose entry starts at `off` in the blob.
    fn forms_at(&self, off: u32) -> Forms {
        match usize::try_from(off).ok().and_then(|o| self.blob.get(o..)).and_then(<[u8]>::split_first) {
            Some((&n, rest)) => Forms { bytes: rest, left: n },
            None => Forms { bytes: &[], left: 0 },
        }
    }

    /// The words one edit from `word` (one letter deleted, inserted, changed, or two swapped) or
    /// another ending of its stem, that the corpus writes in that spelling at least 20 times,
    /// most used first. Listed for every word of three ASCII letters or more that the corpus
    /// holds; empty for any other.
    pub fn near(&self, word: &str) -> impl Iterator<Item = &'static str> + '_ {
        self.count_and_near(word).1
    }

    /// The near list whose offset starts `bytes`, the rest of a word's entry after its forms.
    fn near_list(&self, bytes: &'static [u8]) -> impl Iterator<Item = &'static str> + '_ {
        let list = bytes
            .get(..4)
            .and_then(|b| usize::try_from(u32::from_le_bytes(b.try_into().ok()?)).ok())
            .and_then(|o| self.blob.get(o..))
            .and_then(<[u8]>::split_first);
        let (n, rest) = list.map_or((0, &[][..]), |(&n, rest)| (usize::from(n), rest));
        rest.chunks_exact(4)
            .take(n)
            .filter_map(move |c| Some(self.forms_at(u32::from_le_bytes(c.try_into().ok()?)).next()?.text))
    }

    /// [`Model::after`] for one word before and many forms: the word is hashed once.
    pub fn after_word(&self, before: &str) -> impl Fn(&str) -> u32 + '_ {
        self.after_word_joined(before, Join::Space)
    }

    /// [`Model::after_word`] for words joined as `join` says.
    pub fn after_word_joined(&self, before: &str, join: Join) -> impl Fn(&str) -> u32 + '_ {
        let h = Self::after_prefix(before, join);
        move |form| self.pairs.get(h.bytes(form.as_bytes()).0).unwrap_or(0)
    }

    /// How often the corpus writes `form` inside a sentence before `after` (any case), joined
    /// to it as `join` says.
    #[must_use]
    pub fn before_joined(&self, form: &str, after: &str, join: Join) -> u32 {
        self.pairs.get(Self::before_key(form, after, join)).unwrap_or(0)
    }

    /// How often the corpus writes `word`, in any casing and anywhere in a sentence.
    #[must_use]
    pub fn count(&self, word: &str) -> u64 {
        self.count_and_near(word).0
    }

    /// [`Model::count`] and [`Model::near`] of `word`, from one lookup.
    pub fn count_and_near(&self, word: &str) -> (u64, impl Iterator<Item = &'static str> + '_) {
        let forms = self.forms(word);
        // Walked without reading the forms' text: only their counts and where the list starts.
        let (mut bytes, mut count) = (forms.bytes, 0u64);
        for _ in 0..forms.left {
            let len = usize::from(bytes.first().copied().unwrap_or(0));
            let counts = bytes.get(1 + len..1 + len + 8).unwrap_or(&[0; 8]);
            count += u64::from(u32::from_le_bytes([counts[0], counts[1], counts[2], counts[3]]))
                + u64::from(u32::from_le_bytes([counts[4], counts[5], counts[6], counts[7]]));
            bytes = bytes.get(1 + len + 8..).unwrap_or(&[]);
        }
        (count, self.near_list(if forms.left > 0 { bytes } else { &[] }))
    }

    /// The words of three or more ASCII letters whose most used form is their lower case and
    /// that the corpus writes at least 100 times, in byte order, with how often it writes them
    /// in any casing (made by build.rs from the model): those that start alike are one run.
    #[must_use]
    pub fn lower_words() -> &'static LowerWords {
        static WORDS: OnceLock<LowerWords> = OnceLock::new();
        WORDS.get_or_init(|| LowerWords::parse(LOWER_WORDS))
    }

    /// How often the corpus writes `form` inside a sentence right after `before` (any case).
    #[must_use]
    pub fn after(&self, before: &str, form: &str) -> u32 {
        self.after_word(before)(form)
    }

    /// How often the corpus writes `form` inside a sentence right before `after` (any case).
    #[must_use]
    pub fn before(&self, form: &str, after: &str) -> u32 {
        self.before_joined(form, after, Join::Space)
    }

    /// The hash of `lower(before)` and the byte of `join`, which every key of a form after
    /// `before` so joined starts with.
    fn after_prefix(before: &str, join: Join) -> Fnv {
        Fnv::new().lower(before).bytes(&[join.after()])
    }

    fn after_key(before: &str, form: &str) -> u64 {
        Self::after_prefix(before, Join::Space).bytes(form.as_bytes()).0
    }

    fn before_key(form: &str, after: &str, join: Join) -> u64 {
        Fnv::new().bytes(form.as_bytes()).bytes(&[join.before()]).lower(after).0
    }
}

/// The model's words written mostly in lower case, in byte order, read in place
/// ([`Model::lower_words`]).
pub struct LowerWords {
    bytes: &'static [u8],
    n: usize,
    strings: usize,
}

impl LowerWords {
    fn parse(bytes: &'static [u8]) -> Self {
        let n = read_u32(bytes, 0) as usize;
        Self { bytes, n, strings: 4 + (n + 1) * 4 + n * 4 }
    }

    fn word(&self, i: usize) -> &'static [u8] {
        let (from, to) = (read_u32(self.bytes, 4 + i * 4) as usize, read_u32(self.bytes, 8 + i * 4) as usize);
        let bytes: &'static [u8] = self.bytes;
        bytes.get(self.strings + from..self.strings + to).unwrap_or_default()
    }

    /// How often the corpus writes `word` (in lower case), if it is one of these words: a binary
    /// search of this small table, where [`Model::count`] probes the model's megabytes.
    #[must_use]
    pub fn count(&self, word: &str) -> Option<u64> {
        self.starting_with(word.as_bytes()).next().filter(|(w, _)| *w == word.as_bytes()).map(|(_, c)| c)
    }

    /// The words that start with `prefix` (ASCII letters: build.rs writes no others), each with
    /// how often the corpus writes it.
    pub fn starting_with<'a>(&'a self, prefix: &'a [u8]) -> impl Iterator<Item = (&'static [u8], u64)> + 'a {
        let from = crate::lexicon::partition(self.n, |i| self.word(i) < prefix);
        (from..self.n).map_while(move |i| {
            let w = self.word(i);
            let count = u64::from(read_u32(self.bytes, 4 + (self.n + 1) * 4 + i * 4));
            w.starts_with(prefix).then_some((w, count))
        })
    }
}

fn read_u32(bytes: &[u8], at: usize) -> u32 {
    bytes.get(at..at + 4).map_or(0, |b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
}

/// The pair counts one pass over a text has asked for, remembered in a small table of the last
/// one asked in each slot. Prose says `of the` and `is a` again and again: a slot that fits in
/// the cache answers them, where the model's table is a probe into megabytes. 256 KB, however
/// long the text.
pub struct PairMemo<'m> {
    model: &'m Model,
    /// Each slot's key (0: empty; a pair whose hash is 0 is never remembered) and count.
    slots: Box<[(u64, u32)]>,
    /// Room for [`Self::expect`]: the keys to look up, the table's runs, the counts found.
    keys: Vec<u64>,
    runs: Vec<Option<(usize, usize, usize)>>,
    counts: Vec<u32>,
}

impl<'m> PairMemo<'m> {
    const SLOTS: usize = 1 << 14;

    /// An empty memo of `model`'s pairs.
    #[must_use]
    pub fn new(model: &'m Model) -> Self {
        Self::for_text(model, usize::MAX)
    }

    /// An empty memo of `model`'s pairs for a text of `bytes` bytes: a slot per four bytes, up
    /// to [`Self::SLOTS`], so that a short article does not fault in and clear 256 KB.
    #[must_use]
    pub fn for_text(model: &'m Model, bytes: usize) -> Self {
        let slots = (bytes / 4).clamp(256, Self::SLOTS).next_power_of_two();
        Self {
            model,
            slots: vec![(0, 0); slots].into_boxed_slice(),
            keys: Vec::new(),
            runs: Vec::new(),
            counts: Vec::new(),
        }
    }

    /// The key of `form` after `before`, for [`Self::count`].
    #[must_use]
    pub fn after_key(before: &str, form: &str) -> u64 {
        Model::after_key(before, form)
    }

    /// [`Self::after_key`] of each form after `before`: `before` is hashed once.
    pub fn keys_after(before: &str) -> impl Fn(&str) -> u64 {
        let head = Model::after_prefix(before, Join::Space);
        move |form| head.bytes(form.as_bytes()).0
    }

    /// The key of `form` before `after`, for [`Self::count`].
    #[must_use]
    pub fn before_key(form: &str, after: &str) -> u64 {
        Model::before_key(form, after, Join::Space)
    }

    /// Looks up `keys` all at once (see [`Table::get_many`]), which [`Self::count`] is about to
    /// be asked for: a prose text asks for a pair no other text asked for at every other word,
    /// and each costs reads from memory that the next word's need not wait for.
    pub fn expect(&mut self, keys: &[u64]) {
        let mut new = std::mem::take(&mut self.keys);
        new.clear();
        new.extend(keys.iter().copied().filter(|&k| k != 0 && self.slot_of(k).0 != k));
        let (mut runs, mut counts) = (std::mem::take(&mut self.runs), std::mem::take(&mut self.counts));
        self.model.pairs.get_many(&new, &mut runs, &mut counts);
        for (&key, &count) in new.iter().zip(&counts) {
            *self.slot_of(key) = (key, count);
        }
        (self.keys, self.runs, self.counts) = (new, runs, counts);
    }

    fn slot_of(&mut self, key: u64) -> &mut (u64, u32) {
        #[allow(clippy::cast_possible_truncation)] // the low bits pick the slot
        &mut self.slots[key as usize & (self.slots.len() - 1)]
    }

    /// [`Model::after`], remembered.
    pub fn after(&mut self, before: &str, form: &str) -> u32 {
        self.count(Model::after_key(before, form))
    }

    /// [`Model::before`], remembered.
    pub fn before(&mut self, form: &str, after: &str) -> u32 {
        self.count(Model::before_key(form, after, Join::Space))
    }

    /// The count of the pair whose key is `key` ([`Self::after_key`], [`Self::before_key`]),
    /// remembered.
    pub fn count(&mut self, key: u64) -> u32 {
        let model = self.model;
        let slot = self.slot_of(key);
        if slot.0 == key && key != 0 {
            return slot.1;
        }
        let count = model.pairs.get(key).unwrap_or(0);
        *slot = (key, count);
        count
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn inside(word: &str) -> Vec<(&'static str, u32)> {
        Model::builtin().forms(word).map(|f| (f.text, f.inside)).collect()
    }

    #[test]
    fn a_threshold_on_counts_asks_the_same_share_of_a_larger_corpus() {
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)] // 47.0 M
        let set_on = SET_ON_WORDS as u64;
        let sized = |corpus_words| Model { corpus_words, ..Model::empty() };
        assert_eq!(sized(set_on).uses(10), 10);
        assert_eq!(sized(set_on * 2).uses(10), 20);
        assert_eq!(sized(set_on + set_on / 2).uses(100), 150);
        // However small the corpus, a threshold asks for one use at least.
        assert_eq!(sized(1_000).uses(10), 1);
    }

    #[test]
    fn the_corpus_is_large() {
        let (words, packages) = Model::builtin().size();
        assert!(words >= 45_000_000, "{words} words");
        assert!(packages >= 1_000, "{packages} packages");
    }

    #[test]
    fn the_index_build_rs_wrote_is_read_in_place_and_is_the_one_the_tables_need() {
        let model = Model::builtin();
        for table in [&model.words, &model.pairs] {
            let n = table.len();
            assert!(n > 50_000, "{n} keys");
            assert!(matches!(table.starts, Starts::InPlace(_)), "made at start-up");
            let made = model_index::starts(n, table.bits, |i| table.key(i));
            let read: Vec<u32> = (0..made.len()).map(|i| table.starts.get(i).unwrap_or(u32::MAX)).collect();
            assert_eq!(read, made);
            // Lookups compare the short keys build.rs wrote, and find every key by them.
            assert_eq!(table.short.len(), n * 4, "short keys");
            for i in (0..n).step_by(97) {
                assert_eq!(table.get(table.key(i)), Some(table.value(i)), "key {i}");
            }
        }
        // The pair counts in two bytes are the counts, the largest too.
        let pairs = &model.pairs;
        let narrow = pairs.narrow.as_ref().expect("build.rs wrote the pair counts in two bytes");
        let raw = |i: usize| u32::from_le_bytes(pairs.values[i * 4..i * 4 + 4].try_into().unwrap_or_default());
        let largest = (0..pairs.len()).filter(|&i| raw(i) >= u32::from(u16::MAX)).collect::<Vec<_>>();
        assert!(!largest.is_empty(), "some pair is written 65,535 times or more");
        for i in (0..pairs.len()).step_by(97).chain(largest) {
            assert_eq!(narrow.get(i), raw(i), "pair {i}");
        }
        // A key cut short stands for its word alone: every word one letter from a common one
        // (whose hash differs from it in few bits) finds its own forms or none.
        for word in ["the", "and", "with", "from", "crate", "kubernetes"] {
            for at in 0..word.len() {
                for c in 'a'..='z' {
                    let near = format!("{}{c}{}", word.get(..at).unwrap_or(""), word.get(at + 1..).unwrap_or(""));
                    assert!(model.forms(&near).all(|f| f.text.to_lowercase() == near), "{near}");
                }
            }
        }
        // An index that does not fit its table is made again, not trusted.
        let keys: &'static [u8] = Box::leak((0..100u64).flat_map(|k| (k << 57).to_le_bytes()).collect());
        let values: &'static [u8] = Box::leak(vec![7u8; 400].into_boxed_slice());
        let table = Table::new(keys, values, &[1, 2, 3], &[]);
        assert_eq!(table.get(5 << 57), Some(u32::from_le_bytes([7; 4])));
        assert_eq!(table.get(3), None);
    }

    #[test]
    fn the_words_written_in_lower_case_that_start_alike_are_one_run() {
        let model = Model::builtin();
        let sect: Vec<(&str, u64)> = Model::lower_words()
            .starting_with(b"sect")
            .map(|(w, c)| (std::str::from_utf8(w).unwrap_or_default(), c))
            .collect();
        let names: Vec<&str> = sect.iter().map(|w| w.0).collect();
        assert!(names.contains(&"section") && names.contains(&"sections"), "{names:?}");
        assert!(names.windows(2).all(|w| w[0] < w[1]), "in byte order: {names:?}");
        for (w, count) in &sect {
            assert!(w.starts_with("sect") && *count >= 100, "{w} {count}");
            assert_eq!(*count, model.count(w), "{w}");
            assert_eq!(model.forms(w).next().map(|f| f.text), Some(*w), "{w} is written mostly so");
        }
        // Names are not among them: the corpus writes `Linux` with a capital.
        assert!(Model::lower_words().starting_with(b"linux").all(|(w, _)| w != b"linux"));
        assert_eq!(Model::lower_words().starting_with(b"qzxv").count(), 0);
    }

    #[test]
    fn names_are_capitalised_and_common_words_are_not() {
        let first = |w: &str| inside(w).into_iter().max_by_key(|f| f.1).map(|f| f.0);
        assert_eq!(first("linux"), Some("Linux"));
        assert_eq!(first("LINUX"), Some("Linux"));
        assert_eq!(first("which"), Some("which"));
        assert_eq!(first("api"), Some("API"));
        assert!(inside("qqqzzxv").is_empty());
    }

    #[test]
    fn pairs_know_their_neighbours() {
        let m = Model::builtin();
        assert!(m.after("the", "same") > m.after("the", "Same"));
        assert!(m.before("New", "York") > m.before("new", "York"));
        assert_eq!(m.after("qqqzzxv", "the"), 0);
    }

    #[test]
    fn near_words_are_one_edit_away_or_of_the_same_stem() {
        let near: Vec<&str> = Model::builtin().near("cold").collect();
        assert!(near.contains(&"could"), "{near:?}");
        assert!(near.contains(&"hold"), "{near:?}");
        assert!(!near.contains(&"cold"), "{near:?}");
        let near: Vec<&str> = Model::builtin().near("developers").collect();
        assert!(near.contains(&"development"), "{near:?}");
        assert_eq!(Model::builtin().near("qqqzzxv").count(), 0);
        let counts: Vec<u64> = Model::builtin().near("cold").map(|w| Model::builtin().count(w)).collect();
        assert!(counts.windows(2).all(|w| w[0] >= w[1]) && counts.iter().all(|&n| n >= 20), "{counts:?}");
    }

    #[test]
    fn tables_find_every_key_they_hold() {
        let t = &Model::builtin().pairs;
        for i in (0..t.len()).step_by(t.len() / 1000 + 1) {
            assert_eq!(t.get(t.key(i)), Some(t.value(i)));
        }
    }

    #[test]
    fn a_memo_of_pairs_answers_as_the_model_does() {
        let model = Model::builtin();
        let words: Vec<&str> =
            crate::cli::SAMPLE.split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty()).collect();
        let mut memo = PairMemo::new(model);
        let mut seen = 0;
        // Twice: the second pass is answered from the memo where the first left a pair.
        for _ in 0..2 {
            for w in words.windows(2) {
                let (after, before) = (model.after(w[0], w[1]), model.before(w[0], w[1]));
                assert_eq!((memo.after(w[0], w[1]), memo.before(w[0], w[1])), (after, before), "{w:?}");
                seen += usize::from(after > 0);
            }
        }
        assert!(seen > words.len() / 2, "most pairs of an article are in the model: {seen}");
    }

    #[test]
    fn pairs_expected_in_a_batch_count_as_each_looked_up_alone() {
        let model = Model::builtin();
        let words: Vec<&str> =
            crate::cli::SAMPLE.split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty()).collect();
        // Every pair of the sample both ways, and keys the table has, some twice in a batch.
        let mut keys: Vec<u64> = words
            .windows(2)
            .flat_map(|w| [PairMemo::after_key(w[0], w[1]), PairMemo::before_key(w[0], w[1])])
            .collect();
        let n = model.pairs.len();
        keys.extend((0..n).step_by(n / 500).map(|i| model.pairs.key(i)));
        keys.extend_from_slice(&keys.clone()[..100]);
        let mut memo = PairMemo::new(model);
        let mut found = 0;
        for batch in keys.chunks(64) {
            memo.expect(batch);
            for &k in batch {
                let alone = model.pairs.get(k).unwrap_or(0);
                assert_eq!(memo.count(k), alone, "{k:x}");
                found += usize::from(alone > 0);
            }
        }
        assert!(found > keys.len() / 2, "{found} of {}", keys.len());
    }
}
