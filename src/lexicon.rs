//! Layered word sources answering "is this word known, and in which casing?".
//!
//! Layers, first answer wins: the session's ignores, the user's words (personal dictionary and
//! `--vocab` files), then the built-in table compiled from `assets/` by `build.rs`: the tech
//! vocabulary with canonical casing and SCOWL English (sizes up to 70, American and British).
//!
//! The built-in table is read in place from the binary (see [`format`]); a lookup hashes the
//! lower-cased word and probes an open-addressing table, so it costs about as much as one
//! `HashMap` lookup and start-up costs nothing.

pub mod format;

use crate::error::{Error, Result};
use std::collections::{HashMap, HashSet};
use std::path::Path;

static BLOB: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/lexicon.bin"));

/// English spelling conventions.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Dialect {
    /// American English.
    Us,
    /// British English (both -ise and Oxford -ize spellings).
    Gb,
}

impl Dialect {
    /// The tag used on the command line and in the status line.
    #[must_use]
    pub const fn tag(self) -> &'static str {
        match self {
            Self::Us => "en-US",
            Self::Gb => "en-GB",
        }
    }

    /// This dialect's bit in a form's dialects ([`format::US`] or [`format::GB`]).
    #[must_use]
    pub const fn bit(self) -> u32 {
        match self {
            Self::Us => format::US,
            Self::Gb => format::GB,
        }
    }

    /// The entry flag saying the lower-case spelling is a word of this dialect.
    #[must_use]
    pub const fn lower_flag(self) -> u32 {
        match self {
            Self::Us => format::LOWER_US,
            Self::Gb => format::LOWER_GB,
        }
    }

    /// The other dialect.
    #[must_use]
    pub const fn other(self) -> Self {
        match self {
            Self::Us => Self::Gb,
            Self::Gb => Self::Us,
        }
    }
}

/// How a word is written, as far as casing rules care.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Case {
    /// `word`
    Lower,
    /// `Word`
    Title,
    /// `WORD` (and single capitals: `I`, `A`)
    Upper,
    /// `GitHub`, `iPhone`, `do'T`
    Mixed,
}

/// The casing pattern of `word`.
#[must_use]
pub fn case_of(word: &str) -> Case {
    let mut chars = word.chars().filter(|c| c.is_alphabetic());
    let Some(first) = chars.next() else {
        return Case::Lower;
    };
    let (mut upper, mut lower) = (0usize, 0usize);
    for c in chars {
        if c.is_uppercase() {
            upper += 1;
        } else if c.is_lowercase() {
            lower += 1;
        }
    }
    match (first.is_uppercase(), upper, lower) {
        (false, 0, _) => Case::Lower,
        (true, 0, _) => Case::Title,
        (true, _, 0) => Case::Upper,
        _ => Case::Mixed,
    }
}

/// Writes `word` (lower case) in the casing pattern `case`.
#[must_use]
pub fn apply_case(word: &str, case: Case) -> String {
    match case {
        Case::Lower | Case::Mixed => word.to_string(),
        Case::Upper => word.to_uppercase(),
        Case::Title => {
            let mut cs = word.chars();
            cs.next().map(|f| f.to_uppercase().chain(cs).collect()).unwrap_or_default()
        }
    }
}

/// What the lexicon says about a word.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// Accepted as written.
    Known,
    /// A known word or term in the wrong casing; the canonical forms, best first.
    Casing(Vec<String>),
    /// A word of the other dialect only (`colour` in an American text).
    OtherDialect,
    /// No layer knows it.
    Unknown,
}

/// What a capitalised word is when it stands inside a sentence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Sense {
    /// A common word that only took a capital (`Members`, `Discussed`): lower case is right.
    Common,
    /// Written as a name, brand or term with no other use (`London`, `Python`): the capital
    /// is right.
    Name,
    /// A common word that English also lists as a name (`Randy`, `Bias`, `Will`): a name only
    /// beside another name.
    Proper,
    /// A very common word that English also lists as a name (`Will`, `Case`): a name only
    /// beside a sure name (`John Smith`). The checker's refinement of `Proper`.
    Both,
    /// A rare word whose tech term is spelled otherwise (`Ai` for `AI`, `Ml` for `ML`).
    Term(String),
    /// No layer knows it.
    Unknown,
}

/// Below this corpus count a lower-case word yields to its tech term's spelling (`ai` -> `AI`);
/// above it the word is too common to be the term (`it`, `go`).
const TERM_OVER_WORD: u32 = 2_000_000;

/// A cased spelling of a key in the built-in table.
#[derive(Clone, Copy, Debug)]
pub struct Form {
    /// The spelling (`Kubernetes`).
    pub text: &'static str,
    /// Dialect bits ([`format::US`], [`format::GB`]).
    pub dialects: u32,
    /// Where it comes from: [`format::SRC_ENGLISH`], [`format::SRC_TECH`] or both.
    pub source: u32,
}

/// One lower-case key of the built-in table.
#[derive(Clone, Copy, Debug)]
pub struct Entry {
    index: u32,
}

/// The built-in table, read in place.
#[derive(Debug)]
pub struct Builtin {
    bytes: &'static [u8],
    entries: usize,
    slots: usize,
    bucket_shift: u32,
    strings: usize,
    entries_off: usize,
    forms_off: usize,
    slots_off: usize,
    buckets_off: usize,
    postings_off: usize,
}

impl Builtin {
    /// The table compiled into this binary.
    #[must_use]
    pub fn get() -> &'static Self {
        static TABLE: std::sync::OnceLock<Builtin> = std::sync::OnceLock::new();
        TABLE.get_or_init(|| Self::parse(BLOB))
    }

    fn parse(bytes: &'static [u8]) -> Self {
        let h = |i: usize| word_at(bytes, i * 4) as usize;
        assert_eq!(h(format::H_MAGIC) as u32, format::MAGIC, "lexicon.bin: bad magic");
        Self {
            bytes,
            entries: h(format::H_ENTRIES),
            slots: h(format::H_SLOTS),
            bucket_shift: 64 - h(format::H_BUCKET_BITS) as u32,
            strings: h(format::H_STRINGS_OFF),
            entries_off: h(format::H_ENTRIES_OFF),
            forms_off: h(format::H_FORMS_OFF),
            slots_off: h(format::H_SLOTS_OFF),
            buckets_off: h(format::H_BUCKETS_OFF),
            postings_off: h(format::H_POSTINGS_OFF),
        }
    }

    fn word(&self, byte_off: usize) -> u32 {
        word_at(self.bytes, byte_off)
    }

    fn str_at(&self, off: u32, len: u32) -> &'static str {
        let start = self.strings + off as usize;
        let bytes: &'static [u8] = self.bytes;
        std::str::from_utf8(&bytes[start..start + len as usize]).unwrap_or_default()
    }

    fn entry_word(&self, e: Entry, field: usize) -> u32 {
        self.word(self.entries_off + (e.index as usize * format::ENTRY_WORDS + field) * 4)
    }

    /// Number of keys.
    #[must_use]
    pub fn len(&self) -> usize {
        self.entries
    }

    /// True if the table is empty (never, for the compiled one).
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.entries == 0
    }

    /// The entry for a lower-case key.
    #[must_use]
    pub fn lookup(&self, key: &str) -> Option<Entry> {
        self.lookup_bytes(key.as_bytes())
    }

    /// [`Builtin::lookup`] on the key's UTF-8 bytes.
    #[must_use]
    pub fn lookup_bytes(&self, key: &[u8]) -> Option<Entry> {
        let mask = self.slots - 1;
        let mut s = format::hash(key) as usize & mask;
        loop {
            let v = self.word(self.slots_off + s * 4);
            if v == 0 {
                return None;
            }
            let e = Entry { index: v - 1 };
            let meta = self.entry_word(e, format::E_META);
            if (meta & 0xff) as usize == key.len() {
                let start = self.strings + self.entry_word(e, format::E_KEY) as usize;
                // A byte loop beats a call to memcmp for words this short.
                if self.bytes.get(start..start + key.len()).is_some_and(|k| k.iter().zip(key).all(|(a, b)| a == b)) {
                    return Some(e);
                }
            }
            s = (s + 1) & mask;
        }
    }

    /// Flags and number of forms of an entry, from one read.
    #[must_use]
    pub fn flags_and_forms(&self, e: Entry) -> (u32, u32) {
        let meta = self.entry_word(e, format::E_META);
        ((meta >> 8) & 0xff, meta >> 24)
    }

    /// The entry's lower-case key.
    #[must_use]
    pub fn key(&self, e: Entry) -> &'static str {
        let meta = self.entry_word(e, format::E_META);
        self.str_at(self.entry_word(e, format::E_KEY), meta & 0xff)
    }

    /// The entry's lower-case key as bytes (no UTF-8 check: for measuring many candidates).
    #[must_use]
    pub fn key_bytes(&self, e: Entry) -> &'static [u8] {
        let meta = self.entry_word(e, format::E_META);
        let start = self.strings + self.entry_word(e, format::E_KEY) as usize;
        let bytes: &'static [u8] = self.bytes;
        bytes.get(start..start + (meta & 0xff) as usize).unwrap_or_default()
    }

    /// The entry's flags (`format::LOWER_*`, `format::INDEXED`).
    #[must_use]
    pub fn flags(&self, e: Entry) -> u32 {
        (self.entry_word(e, format::E_META) >> 8) & 0xff
    }

    /// The SCOWL size of the entry's most common spelling (0 for tech-only terms).
    #[must_use]
    pub fn size(&self, e: Entry) -> u32 {
        (self.entry_word(e, format::E_META) >> 16) & 0xff
    }

    /// Corpus count, or a prior from the SCOWL size when the frequency list lacks the word.
    #[must_use]
    pub fn frequency(&self, e: Entry) -> u32 {
        match self.entry_word(e, format::E_FREQ) {
            0 => prior(self.size(e)),
            n => n,
        }
    }

    /// The entry's cased spellings, most common first.
    pub fn forms(&self, e: Entry) -> impl Iterator<Item = Form> + '_ {
        let n = self.entry_word(e, format::E_META) >> 24;
        let first = self.entry_word(e, format::E_FORMS) as usize;
        (first..first + n as usize).map(move |f| {
            let base = self.forms_off + f * format::FORM_WORDS * 4;
            let meta = self.word(base + format::F_META * 4);
            Form {
                text: self.str_at(self.word(base + format::F_STR * 4), meta & 0xff),
                dialects: (meta >> 8) & 0xff,
                source: (meta >> 16) & 0xff,
            }
        })
    }

    /// Pushes onto `out` every indexed entry whose first characters are within two deletions of
    /// those of `lower` (possibly with duplicates and false candidates: callers check distance).
    pub fn candidates(&self, lower: &str, out: &mut Vec<u32>) {
        self.candidates_upto(lower, format::MAX_DELETES, out);
    }

    /// [`Builtin::candidates`] for the strings `lower` gives with at most `max` deletions: with 1,
    /// only words within one edit are sure to be found, at a fraction of the cost.
    pub fn candidates_upto(&self, lower: &str, max: usize, out: &mut Vec<u32>) {
        let mut buf = Vec::new();
        format::for_each_delete_upto(lower, max, &mut buf, |d| {
            let b = (format::hash(d.as_bytes()) >> self.bucket_shift) as usize;
            let from = self.word(self.buckets_off + b * 4) as usize;
            let to = self.word(self.buckets_off + (b + 1) * 4) as usize;
            out.extend((from..to).map(|p| self.word(self.postings_off + p * 4)));
        });
    }

    /// The entry at an index returned by [`Builtin::candidates`].
    #[must_use]
    pub fn entry(&self, index: u32) -> Entry {
        Entry { index }
    }
}

fn word_at(bytes: &[u8], off: usize) -> u32 {
    match bytes.get(off..off + 4) {
        Some(&[a, b, c, d]) => u32::from_le_bytes([a, b, c, d]),
        _ => 0,
    }
}

/// A corpus count for words the frequency list lacks, from how common SCOWL says they are.
/// The list's smallest count is 12,714, so every prior sits below it.
#[must_use]
pub const fn prior(size: u32) -> u32 {
    match size {
        0 => 9_000, // tech-only term
        1..=35 => 11_000,
        36..=50 => 6_000,
        51..=60 => 2_500,
        _ => 1_200,
    }
}

/// A word the user accepts: its lower-case form and/or cased spellings.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct UserWord {
    /// The all-lower-case spelling is accepted.
    pub lower: bool,
    /// Cased spellings, as written in the list.
    pub forms: Vec<String>,
}

/// The layered lexicon a check runs against.
#[derive(Debug)]
pub struct Lexicon {
    builtin: &'static Builtin,
    user: HashMap<String, UserWord>,
    ignored: HashSet<String>,
}

impl Default for Lexicon {
    fn default() -> Self {
        Self::new()
    }
}

impl Lexicon {
    /// The built-in layers only.
    #[must_use]
    pub fn new() -> Self {
        Self { builtin: Builtin::get(), user: HashMap::new(), ignored: HashSet::new() }
    }

    /// The compiled table.
    #[must_use]
    pub fn builtin(&self) -> &'static Builtin {
        self.builtin
    }

    /// Accepts a word (one line of a word list): lower-case accepts the lower-case spelling,
    /// anything else is a canonical casing that lower-case occurrences are corrected to.
    pub fn add_user_word(&mut self, word: &str) {
        let word = normalize_apostrophes(word.trim());
        if word.is_empty() {
            return;
        }
        let key = word.to_lowercase();
        let entry = self.user.entry(key.clone()).or_default();
        if word == key {
            entry.lower = true;
        } else if !entry.forms.contains(&word) {
            entry.forms.push(word);
        }
    }

    /// Adds every word of a list (one per line; `#` starts a comment line; an aspell `.pws`
    /// header line is skipped).
    pub fn add_word_list(&mut self, path: &Path, text: &str) -> Result<usize> {
        let mut n = 0;
        for (i, line) in text.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') || (i == 0 && line.starts_with("personal_ws-")) {
                continue;
            }
            if line.chars().any(char::is_whitespace) {
                return Err(Error::WordList {
                    path: path.to_path_buf(),
                    line: i + 1,
                    message: format!("expected one word, found {line:?}"),
                });
            }
            self.add_user_word(line);
            n += 1;
        }
        Ok(n)
    }

    /// Reads and adds a word list file.
    pub fn load_word_list(&mut self, path: &Path) -> Result<usize> {
        let text = std::fs::read_to_string(path).map_err(|source| Error::Io { path: path.to_path_buf(), source })?;
        self.add_word_list(path, &text)
    }

    /// Takes back [`Lexicon::add_user_word`] (for undo).
    pub fn remove_user_word(&mut self, word: &str) {
        let word = normalize_apostrophes(word.trim());
        let key = word.to_lowercase();
        if let Some(entry) = self.user.get_mut(&key) {
            if word == key {
                entry.lower = false;
            } else {
                entry.forms.retain(|f| *f != word);
            }
            if !entry.lower && entry.forms.is_empty() {
                self.user.remove(&key);
            }
        }
    }

    /// Ignores `word` (exactly as written) for the rest of the session.
    pub fn ignore(&mut self, word: &str) {
        self.ignored.insert(normalize_apostrophes(word));
    }

    /// Takes back [`Lexicon::ignore`] (for undo).
    pub fn unignore(&mut self, word: &str) {
        self.ignored.remove(&normalize_apostrophes(word));
    }

    /// The user's words (lower-case key -> spellings), for suggestions.
    pub fn user_words(&self) -> impl Iterator<Item = (&str, &UserWord)> {
        self.user.iter().map(|(k, v)| (k.as_str(), v))
    }

    /// What the layers say about `word` in `dialect`. Possessives (`Roden's`, `Kubernetes'`) and
    /// plural acronyms (`APIs`) are judged by their stem.
    #[must_use]
    pub fn verdict(&self, word: &str, dialect: Dialect) -> Verdict {
        let [us, gb] = self.verdicts(word);
        match dialect {
            Dialect::Us => us,
            Dialect::Gb => gb,
        }
    }

    /// The verdicts on `word` in American and in British English, from one lookup.
    #[must_use]
    pub fn verdicts(&self, word: &str) -> [Verdict; 2] {
        if let Some(v) = self.fast_verdicts(word) {
            return v;
        }
        let word_norm;
        let word = if word.contains('\u{2019}') {
            word_norm = normalize_apostrophes(word);
            word_norm.as_str()
        } else {
            word
        };
        if !self.ignored.is_empty() && self.ignored.contains(word) {
            return [Verdict::Known, Verdict::Known];
        }
        let v = with_lower(word, |lower| self.verdicts_of(word, lower));
        if v[0] == Verdict::Unknown && v[1] == Verdict::Unknown {
            if let Some(stem) = possessive_stem(word).filter(|s| s.len() > 1) {
                return self.verdicts(stem);
            }
            // `naïve`, `café`: the lists spell most such words without accents.
            if !word.is_ascii() {
                let folded = fold_accents(word);
                if folded != word && folded.is_ascii() && self.verdicts(&folded) == [Verdict::Known, Verdict::Known] {
                    return [Verdict::Known, Verdict::Known];
                }
            }
        }
        v
    }

    /// The common case without allocation: a short ASCII word whose key has no cased forms
    /// and no user entry. `None` sends the word down the general path.
    fn fast_verdicts(&self, word: &str) -> Option<[Verdict; 2]> {
        let bytes = word.as_bytes();
        let mut buf = [0u8; 32];
        if bytes.len() > buf.len() || !self.ignored.is_empty() || !self.user.is_empty() {
            return None;
        }
        let (mut first_upper, mut upper, mut lower) = (false, 0usize, 0usize);
        for (i, &c) in bytes.iter().enumerate() {
            if !c.is_ascii() {
                return None;
            }
            if c.is_ascii_uppercase() {
                if i == 0 {
                    first_upper = true;
                } else {
                    upper += 1;
                }
            } else if c.is_ascii_lowercase() {
                lower += 1;
            }
            buf[i] = c.to_ascii_lowercase();
        }
        let b = self.builtin;
        let e = b.lookup_bytes(&buf[..bytes.len()])?;
        let (flags, forms) = b.flags_and_forms(e);
        let mixed = upper > 0 && (!first_upper || lower > 0);
        if forms != 0 || mixed {
            return None;
        }
        let one = |d: Dialect| {
            if flags & (d.lower_flag() | format::LOWER_TECH) != 0 {
                Verdict::Known
            } else if flags & d.other().lower_flag() != 0 {
                Verdict::OtherDialect
            } else {
                Verdict::Unknown
            }
        };
        Some([one(Dialect::Us), one(Dialect::Gb)])
    }

    fn verdicts_of(&self, word: &str, lower: &str) -> [Verdict; 2] {
        let case = case_of(word);
        if let Some(u) = self.user.get(lower) {
            let v = judge(word, case, u.lower, false, || u.forms.iter().map(String::as_str));
            return [v.clone(), v];
        }
        let b = self.builtin;
        let Some(e) = b.lookup(lower) else {
            return [Verdict::Unknown, Verdict::Unknown];
        };
        let flags = b.flags(e);
        let one = |d: Dialect| {
            let lower_ok = flags & (d.lower_flag() | format::LOWER_TECH) != 0;
            let lower_other = flags & d.other().lower_flag() != 0;
            let v = judge(word, case, lower_ok, lower_other, || {
                b.forms(e).filter(move |f| f.dialects & d.bit() != 0).map(|f| f.text)
            });
            if v == Verdict::Unknown && b.forms(e).any(|f| f.text == word) {
                return Verdict::OtherDialect;
            }
            v
        };
        [one(Dialect::Us), one(Dialect::Gb)]
    }

    /// True when `word` is written exactly as a known proper name or term that has no
    /// lower-case use (`Macleod`, `Kendall`; not `Bill`, since `bill` is a word).
    #[must_use]
    pub fn is_name(&self, word: &str) -> bool {
        with_lower(word, |lower| {
            if let Some(u) = self.user.get(lower) {
                return !u.lower && u.forms.iter().any(|f| f == word);
            }
            let b = self.builtin;
            b.lookup(lower).is_some_and(|e| {
                b.flags(e) & (format::LOWER_US | format::LOWER_GB | format::LOWER_TECH) == 0
                    && b.forms(e).any(|f| f.text == word)
            })
        })
    }

    /// What the Title-case `word` is inside a sentence in `dialect` (see [`Sense`]).
    #[must_use]
    pub fn capital_sense(&self, word: &str, dialect: Dialect) -> Sense {
        let norm = normalize_apostrophes(word);
        let word = possessive_stem(&norm).filter(|s| s.len() > 1).unwrap_or(&norm);
        if !self.ignored.is_empty() && self.ignored.contains(word) {
            return Sense::Name;
        }
        with_lower(word, |lower| {
            if let Some(u) = self.user.get(lower) {
                return if u.forms.iter().any(|f| f == word) || !u.lower { Sense::Name } else { Sense::Common };
            }
            let b = self.builtin;
            let Some(e) = b.lookup(lower) else { return Sense::Unknown };
            let lower_ok = b.flags(e) & (dialect.lower_flag() | format::LOWER_TECH) != 0;
            // A name with no lower-case use (`London`), or a brand or term (`Python`, `Go`);
            // or a word that English lists also as a name (`Will`, `Case`, `Bias`, and `As` for
            // arsenic), a name only when a neighbour says so (`Randy Bias`).
            if let Some(f) = b.forms(e).find(|f| f.text == word) {
                return if !lower_ok || f.source & format::SRC_TECH != 0 { Sense::Name } else { Sense::Proper };
            }
            if !lower_ok {
                return Sense::Name; // no lower-case use: a casing matter for the verdict
            }
            match b.forms(e).find(|f| f.source & format::SRC_TECH != 0) {
                Some(term) if b.frequency(e) < TERM_OVER_WORD => Sense::Term(term.text.to_string()),
                _ => Sense::Common,
            }
        })
    }

    /// True when `form` is a name from the tech vocabulary, written canonically (`AI`, `GitHub`).
    #[must_use]
    pub fn is_tech_name(&self, form: &str) -> bool {
        let b = self.builtin;
        with_lower(form, |lower| {
            b.lookup(lower).is_some_and(|e| b.forms(e).any(|f| f.text == form && f.source & format::SRC_TECH != 0))
        })
    }

    /// The corpus count of a word (0 if unknown).
    #[must_use]
    pub fn frequency(&self, word: &str) -> f64 {
        let b = self.builtin;
        with_lower(word, |lower| b.lookup(lower).map_or(0.0, |e| f64::from(b.frequency(e))))
    }
}

/// Calls `f` with `word` in lower case, without allocating for short ASCII words.
fn with_lower<T>(word: &str, f: impl FnOnce(&str) -> T) -> T {
    let mut buf = [0u8; 48];
    if word.len() <= buf.len() && word.is_ascii() {
        let buf = &mut buf[..word.len()];
        buf.copy_from_slice(word.as_bytes());
        buf.make_ascii_lowercase();
        f(std::str::from_utf8(buf).unwrap_or_default())
    } else {
        f(&word.to_lowercase())
    }
}

/// The casing rules: how `word` (of pattern `case`) fares against a key whose lower-case
/// spelling is or is not accepted and whose cased spellings `forms` yields.
fn judge<'a, I: Iterator<Item = &'a str>>(
    word: &str,
    case: Case,
    lower_ok: bool,
    lower_other: bool,
    forms: impl Fn() -> I,
) -> Verdict {
    let has_forms = forms().next().is_some();
    if has_forms && forms().any(|f| f == word) {
        return Verdict::Known;
    }
    match case {
        // Capitals are what English allows at a sentence start and in headings; ALL CAPS is
        // emphasis. Both are accepted for any known word.
        Case::Title | Case::Upper if lower_ok || (case == Case::Upper && has_forms) => Verdict::Known,
        Case::Lower if lower_ok => Verdict::Known,
        // A stylised spelling of a plain word (`ReadMe`): not ours to judge.
        Case::Mixed if lower_ok && !has_forms => Verdict::Known,
        _ if has_forms => Verdict::Casing(forms().map(str::to_string).collect()),
        _ if lower_other => Verdict::OtherDialect,
        _ => Verdict::Unknown,
    }
}

/// `word` with the accents of Latin letters removed (`naïve` -> `naive`).
#[must_use]
pub fn fold_accents(word: &str) -> String {
    word.chars()
        .map(|c| match c {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => 'a',
            'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' => 'A',
            'ç' => 'c',
            'Ç' => 'C',
            'è' | 'é' | 'ê' | 'ë' => 'e',
            'È' | 'É' | 'Ê' | 'Ë' => 'E',
            'ì' | 'í' | 'î' | 'ï' => 'i',
            'Ì' | 'Í' | 'Î' | 'Ï' => 'I',
            'ñ' => 'n',
            'Ñ' => 'N',
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' => 'o',
            'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' => 'O',
            'ù' | 'ú' | 'û' | 'ü' => 'u',
            'Ù' | 'Ú' | 'Û' | 'Ü' => 'U',
            'ý' | 'ÿ' => 'y',
            c => c,
        })
        .collect()
}

/// `word` with typographic apostrophes made plain.
#[must_use]
pub fn normalize_apostrophes(word: &str) -> String {
    word.replace('\u{2019}', "'")
}

/// The stem of a possessive or plural-acronym word: `Roden's` -> `Roden`, `APIs` -> `API`.
#[must_use]
pub fn possessive_stem(word: &str) -> Option<&str> {
    if let Some(stem) = word.strip_suffix("'s").or_else(|| word.strip_suffix("'S")) {
        return Some(stem);
    }
    let stem = word.strip_suffix('s')?;
    (stem.len() >= 2 && stem.chars().all(char::is_uppercase)).then_some(stem)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_has_the_english_and_tech_layers() {
        let b = Builtin::get();
        assert!(b.len() > 150_000, "{} keys", b.len());
        let e = b.lookup("kubernetes").expect("kubernetes");
        assert!(b.forms(e).any(|f| f.text == "Kubernetes"));
        assert!(b.lookup("the").is_some_and(|e| b.frequency(e) > 1_000_000_000));
        assert!(b.lookup("qzxv").is_none());
    }

    #[test]
    fn casing_rules() {
        let lex = Lexicon::new();
        let v = |w| lex.verdict(w, Dialect::Us);
        assert_eq!(v("cluster"), Verdict::Known);
        assert_eq!(v("Cluster"), Verdict::Known);
        assert_eq!(v("CLUSTER"), Verdict::Known);
        assert_eq!(v("Kubernetes"), Verdict::Known);
        assert_eq!(v("KUBERNETES"), Verdict::Known);
        assert_eq!(v("kubernetes"), Verdict::Casing(vec!["Kubernetes".into()]));
        assert_eq!(v("Github"), Verdict::Casing(vec!["GitHub".into()]));
        assert_eq!(v("cncf"), Verdict::Casing(vec!["CNCF".into()]));
        assert_eq!(v("Roden's"), Verdict::Unknown);
        assert_eq!(v("colour"), Verdict::OtherDialect);
        assert_eq!(lex.verdict("colour", Dialect::Gb), Verdict::Known);
        assert_eq!(v("there\u{2019}s"), Verdict::Known);
        assert_eq!(v("APIs"), Verdict::Known);
    }

    #[test]
    fn user_words_layer_over_the_builtin_ones() {
        let mut lex = Lexicon::new();
        lex.add_user_word("Diagrid");
        lex.add_user_word("kubernetes");
        assert_eq!(lex.verdict("Diagrid", Dialect::Us), Verdict::Known);
        assert_eq!(lex.verdict("diagrid", Dialect::Us), Verdict::Casing(vec!["Diagrid".into()]));
        assert_eq!(lex.verdict("kubernetes", Dialect::Us), Verdict::Known);
    }

    #[test]
    fn a_word_list_with_a_phrase_is_refused_with_its_line() {
        let mut lex = Lexicon::new();
        let err = lex.add_word_list(Path::new("my.dic"), "one\ntwo words\n").expect_err("bad line");
        assert_eq!(err.to_string(), "my.dic:2: expected one word, found \"two words\"");
    }
}
