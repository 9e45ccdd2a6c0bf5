//! Candidate generation and the one ranking function.
//!
//! Candidates come from the compiled symmetric-delete index (every word whose first seven
//! letters are within two deletions of the misspelling's), from the user's words, and from
//! splitting a run-together word in two. [`strsim`] measures how far each candidate is, and
//! [`score`] ranks them. Typical cost: 20-100 µs per word; see README's performance table.

use crate::check::cache::Cache;
use crate::lexicon::common::Common;
use crate::lexicon::model::Model;
use crate::lexicon::{Case, Dialect, Entry, Lexicon, apply_case, case_of, format, normalize_apostrophes};

/// At most this many suggestions are offered: one key each, 1 to 9.
pub const MAX_SUGGESTIONS: usize = 9;
/// The ranking keeps this many, so that the words around a misspelling choose among more than
/// are shown (`this corat is`: `crate` ranks ninth or tenth alone, behind `coat`, `cart` and
/// `const`).
pub const POOL: usize = 16;

/// A word of three or four letters two edits from its fix: the fix must be written this often
/// (the commonest few hundred words: `this`, `then`, `your`).
const SHORT_TWICE: f64 = 1.0e8;
/// Corpus count credited to the user's own words.
const USER_FREQUENCY: f64 = 1.0e6;
/// The chance that a name reaches the page in small letters: a misspelt word in small letters
/// is a name only if damage took its capital too (`irae` is `crate` before `Iraq`).
const NAME_LOWERED: f64 = 0.3;

/// How much the article's own counts of a fix ([`Cache::boost`]) weigh beside its frequency:
/// fitted with [`PENALTY`].
pub const BOOST_WEIGHT: f64 = 2.114;

/// The log of the chance that `fix` lost its capitals on the way to a word written in `case`:
/// a name for a word in small letters takes a slip and a lost capital, both.
#[must_use]
pub fn lost_capital(case: Case, fix: &str) -> f64 {
    if case == Case::Lower && fix.starts_with(char::is_uppercase) { NAME_LOWERED.ln() } else { 0.0 }
}

/// A ranked candidate.
#[derive(Clone, Debug, PartialEq)]
pub struct Suggestion {
    /// The replacement text, in the casing it should be written in.
    pub text: String,
    /// Edit distance from the misspelling (case-insensitive; a transposition counts as one).
    pub distance: usize,
    /// Corpus count of the word (or of the rarer half of a split).
    pub frequency: f64,
    /// Higher is better.
    pub score: f64,
}

/// The best fixes for `word`, best first, at most [`MAX_SUGGESTIONS`].
#[must_use]
pub fn suggest(lexicon: &Lexicon, word: &str, dialect: Dialect) -> Vec<String> {
    rank(lexicon, word, dialect).into_iter().map(|s| s.text).collect()
}

/// Ranked candidates for `word`, best first, at most [`MAX_SUGGESTIONS`].
#[must_use]
pub fn rank(lexicon: &Lexicon, word: &str, dialect: Dialect) -> Vec<Suggestion> {
    let mut out = rank_in(lexicon, word, dialect, &Cache::default());
    out.truncate(MAX_SUGGESTIONS);
    out
}

/// Ranked candidates for `word` in an article whose own words are `cache` (a fix it writes ranks
/// higher), best first, at most [`POOL`]: the words around it choose among them, and
/// [`MAX_SUGGESTIONS`] are shown.
#[must_use]
pub fn rank_in(lexicon: &Lexicon, word: &str, dialect: Dialect, cache: &Cache) -> Vec<Suggestion> {
    let curly = word.contains('\u{2019}');
    let norm = normalize_apostrophes(word);
    let mut out = match norm.strip_suffix("'s").filter(|s| !s.is_empty()) {
        // A possessive: fix the stem, keep the 's.
        Some(stem) => rank_word(lexicon, stem, dialect, cache)
            .into_iter()
            .map(|mut s| {
                s.text.push_str("'s");
                s
            })
            .collect(),
        None => rank_word(lexicon, &norm, dialect, cache),
    };
    if curly {
        for s in &mut out {
            s.text = s.text.replace('\'', "\u{2019}");
        }
    }
    out
}

/// True when some word within one edit of `word` (case-insensitive, possessive stem) has a
/// corpus count of at least `min_frequency`. A cheap necessary condition for [`rank`] to offer
/// such a word: it probes only the one-deletion buckets and ranks nothing.
#[must_use]
pub fn has_near(lexicon: &Lexicon, word: &str, min_frequency: f64) -> bool {
    near_words(lexicon, word, 1, min_frequency, |_, _| true)
}

/// True when a word within one edit of `word`, written at least `min_frequency` times, is one
/// that `fits` (called with each in lower case, and its count, until one does).
#[must_use]
pub fn has_near_that(lexicon: &Lexicon, word: &str, min_frequency: f64, fits: impl FnMut(&str, f64) -> bool) -> bool {
    near_words(lexicon, word, 1, min_frequency, fits)
}

/// [`has_near`], leaving out `except` (a plural's own singular, one edit away by its making).
#[must_use]
pub fn has_near_but(lexicon: &Lexicon, word: &str, min_frequency: f64, except: &str) -> bool {
    near_words(lexicon, word, 1, min_frequency, |key, _| key != except)
}

/// True when a word within two edits of `word` is written at least `min_frequency` times: what
/// a word garbled twice over may have been.
#[must_use]
pub fn has_near_twice(lexicon: &Lexicon, word: &str, min_frequency: f64) -> bool {
    has_near_twice_that(lexicon, word, min_frequency, |_| true)
}

/// True when a word within two edits of `word`, written at least `min_frequency` times, is one
/// that `fits` (called with each in lower case until one does).
#[must_use]
pub fn has_near_twice_that(
    lexicon: &Lexicon,
    word: &str,
    min_frequency: f64,
    mut fits: impl FnMut(&str) -> bool,
) -> bool {
    near_words(lexicon, word, 2, min_frequency, |key, _| fits(key))
}

/// The words within one edit of `word` (as [`has_near`] finds them), in lower case, with their
/// corpus counts, most written first: what a slip of the hand may have meant, found by lookups
/// alone.
#[must_use]
pub fn words_near(lexicon: &Lexicon, word: &str, min_frequency: f64) -> Vec<(String, f64)> {
    let mut out: Vec<(String, f64)> = Vec::new();
    near_words(lexicon, word, 1, min_frequency, |key, frequency| {
        out.push((key.to_string(), frequency));
        false
    });
    // A word may sit in several buckets: once each.
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out.dedup_by(|a, b| a.0 == b.0);
    out.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    out
}

/// Calls `each` with every word within `edits` edits of `word` whose corpus count is at least
/// `min_frequency`, and its count, until `each` returns true; returns whether one did.
fn near_words(
    lexicon: &Lexicon,
    word: &str,
    edits: usize,
    min_frequency: f64,
    mut each: impl FnMut(&str, f64) -> bool,
) -> bool {
    let norm = normalize_apostrophes(word);
    let lower = norm.strip_suffix("'s").filter(|s| !s.is_empty()).unwrap_or(&norm).to_lowercase();
    let b = lexicon.builtin();
    let deletes = edits.min(format::MAX_DELETES);
    // From the commonest words' own small index where the floor allows (see `lexicon::common`),
    // else from the compiled one.
    let mut ids = Vec::with_capacity(64);
    match Common::at_least(min_frequency) {
        Some(common) => common.candidates_upto(&lower, deletes, min_frequency, |id, _| ids.push(id)),
        None => b.candidates_upto(&lower, deletes, &mut ids),
    }
    // The word is prepared once for the many candidates its buckets hold.
    let pattern = Pattern::new(lower.as_bytes());
    let near_bytes = |key: &[u8]| match (&pattern, key.is_ascii()) {
        (Some(p), true) => p.within(key, edits).is_some(),
        _ => std::str::from_utf8(key).is_ok_and(|key| strsim::osa_distance(&lower, key) <= edits),
    };
    let near = |key: &str| near_bytes(key.as_bytes());
    ids.into_iter().any(|id| {
        let e = b.entry(id);
        let frequency = f64::from(b.frequency(e));
        frequency >= min_frequency && near_bytes(b.key_bytes(e)) && each(b.key(e), frequency)
    }) || (USER_FREQUENCY >= min_frequency
        && lexicon.user_words().any(|(key, _)| near(key) && each(key, USER_FREQUENCY)))
}

/// How much the tech corpus's count of a word weighs beside general English's in ranking fixes.
/// Set on the tune parts: 3 with the 27 M-word corpus; with the 47 M-word one, whose words are
/// less technical, 3, 5 and 8 are within two words of each other there, and 5 keeps `async`
/// among the first fixes of `asyun`, as 3 did before.
const TECH_WEIGHT: f64 = 5.0;

/// A word's count in general English, with what the model's corpus of documentation writes of
/// it added, scaled to general English's size by `the`: `hash` before `ash`, `array` before
/// `pray`, as technical prose writes them. Only the words the corpus writes mostly in lower
/// case, 100 times or more, count ([`Model::lower_words`], a small table: the model's own pages
/// would cost a megabyte of memory on a large article).
fn blended_frequency(english: f64, key: &str) -> f64 {
    static SCALE: std::sync::OnceLock<f64> = std::sync::OnceLock::new();
    let scale = *SCALE.get_or_init(|| {
        #[allow(clippy::cast_precision_loss)] // counts
        let the = Model::lower_words().count("the").unwrap_or(1).max(1) as f64;
        crate::lexicon::Lexicon::new().frequency("the") / the
    });
    #[allow(clippy::cast_precision_loss)] // counts
    let tech = Model::lower_words().count(key).unwrap_or(0) as f64 * scale;
    english + TECH_WEIGHT * tech
}

fn rank_word(lexicon: &Lexicon, word: &str, dialect: Dialect, cache: &Cache) -> Vec<Suggestion> {
    let case = case_of(word);
    let lower = word.to_lowercase();
    let q: Vec<char> = lower.chars().collect();
    // Short words: two edits reach hundreds of unrelated words, so only one is tried, but for
    // the commonest words, which damage hits most (`tsws` for `this`, `htzn` for `then`).
    let max_distance = match q.len() {
        0..=2 => 1,
        3..=6 => 2,
        _ => 3,
    };
    // Only a word of letters: an apostrophe marks a contraction, and two edits would spend
    // one on it (`do'T` is `don't` before `not`).
    let letters = q.iter().all(|c| c.is_alphabetic());
    let least = |d: usize| match (q.len() <= 4 && d == 2, letters) {
        (false, _) => 0.0,
        (true, true) => SHORT_TWICE,
        (true, false) => f64::INFINITY,
    };
    let b = lexicon.builtin();
    let mut ids = Vec::with_capacity(256);
    b.candidates_upto(&lower, max_distance.min(format::MAX_DELETES), &mut ids);
    ids.sort_unstable();
    ids.dedup();
    let mut out: Vec<Suggestion> = Vec::new();
    let mut key_chars: Vec<char> = Vec::with_capacity(32);
    let pattern = Pattern::new(lower.as_bytes());
    for id in ids {
        let e = b.entry(id);
        let key_bytes = b.key_bytes(e);
        if key_bytes.len().abs_diff(lower.len()) > max_distance * 4 {
            continue; // too long or short even for multi-byte characters
        }
        let d = if let (Some(pattern), true) = (&pattern, key_bytes.is_ascii()) {
            match pattern.within(key_bytes, max_distance) {
                Some(d) => d,
                None => continue,
            }
        } else {
            strsim::osa_distance(&lower, b.key(e))
        };
        if d > max_distance {
            continue;
        }
        let Some(text) = render(lexicon, e, case, dialect) else {
            continue;
        };
        if text == word {
            continue;
        }
        key_chars.clear();
        key_chars.extend(b.key(e).chars());
        let frequency = blended_frequency(f64::from(b.frequency(e)), b.key(e));
        if frequency < least(d) {
            continue;
        }
        let boost = BOOST_WEIGHT * cache.boost(b.key(e), frequency);
        let score = score(&q, &key_chars, d, frequency) + boost + lost_capital(case, &text);
        out.push(Suggestion { score, text, distance: d, frequency });
    }
    for (key, u) in lexicon.user_words() {
        let d = strsim::osa_distance(&lower, key);
        if d > max_distance {
            continue;
        }
        let text = if u.lower { apply_case(key, case) } else { u.forms[0].clone() };
        if text != word {
            key_chars.clear();
            key_chars.extend(key.chars());
            let s = score(&q, &key_chars, d, USER_FREQUENCY);
            out.push(Suggestion { text, distance: d, frequency: USER_FREQUENCY, score: s });
        }
    }
    out.extend(splits(lexicon, &lower, case, dialect));
    out.sort_by(|a, b| b.score.total_cmp(&a.score).then_with(|| a.text.cmp(&b.text)));
    let mut seen: Vec<String> = Vec::new();
    out.retain(|s| {
        let fresh = !seen.contains(&s.text);
        if fresh {
            seen.push(s.text.clone());
        }
        fresh
    });
    out.truncate(POOL);
    out
}

/// How a key is written as a suggestion: in the casing of the word it replaces when its
/// lower-case spelling is valid, else in its canonical casing. `None` if it is not a word of
/// `dialect`.
fn render(lexicon: &Lexicon, e: Entry, case: Case, dialect: Dialect) -> Option<String> {
    let b = lexicon.builtin();
    if b.flags(e) & (dialect.lower_flag() | format::LOWER_TECH) != 0 {
        return Some(apply_case(b.key(e), case));
    }
    let form = b.forms(e).find(|f| f.dialects & dialect.bit() != 0)?;
    Some(if case == Case::Upper { form.text.to_uppercase() } else { form.text.to_string() })
}

/// Splits of a run-together word into two valid words (`alot` -> `a lot`).
fn splits(lexicon: &Lexicon, lower: &str, case: Case, dialect: Dialect) -> Vec<Suggestion> {
    let b = lexicon.builtin();
    let mass = crate::check::cache::english_mass(lexicon);
    let scale = lexicon.frequency("the").max(1.0) / crate::check::cache::THE;
    let flag = dialect.lower_flag();
    let known = |w: &str| {
        b.lookup(w)
            .filter(|&e| b.flags(e) & flag != 0 && (w.chars().count() > 1 || w == "a" || w == "i"))
            .map(|e| f64::from(b.frequency(e)))
    };
    let mut out = Vec::new();
    for (i, _) in lower.char_indices().skip(1) {
        let (l, r) = lower.split_at(i);
        if let (Some(fl), Some(fr)) = (known(l), known(r)) {
            // How often the two words are written side by side: general English's count of the
            // pair where its list holds it, else what chance gives two words that often.
            let pair = crate::lexicon::bigram(l, r);
            let frequency = if pair > 0 { f64::from(pair) * 1000.0 * scale } else { fl * fr / mass };
            let text = format!("{} {r}", apply_case(l, case));
            out.push(Suggestion { text, distance: 1, frequency, score: frequency.max(1.0).ln() - PENALTY[14] });
        }
    }
    out
}

/// A misspelling prepared for measuring its distance to many candidates: Hyyrö's bit-parallel
/// algorithm for the optimal-string-alignment distance ("A bit-vector algorithm for computing
/// Levenshtein and Damerau edit distances", 2003). One column of the edit matrix is a handful of
/// word operations, so a candidate costs a few instructions per letter instead of a row of cells.
pub struct Pattern {
    /// For each ASCII byte, the positions in the pattern where it occurs.
    peq: [u64; 128],
    len: usize,
}

impl Pattern {
    /// `None` unless `word` is ASCII and at most 64 bytes long.
    #[must_use]
    pub fn new(word: &[u8]) -> Option<Self> {
        if word.len() > 64 || !word.is_ascii() {
            return None;
        }
        let mut peq = [0u64; 128];
        for (i, &c) in word.iter().enumerate() {
            peq[usize::from(c)] |= 1 << i;
        }
        Some(Self { peq, len: word.len() })
    }

    /// The distance to the ASCII string `other`, or `None` if it exceeds `max`.
    #[must_use]
    pub fn within(&self, other: &[u8], max: usize) -> Option<usize> {
        if self.len.abs_diff(other.len()) > max {
            return None;
        }
        if self.len == 0 {
            return Some(other.len());
        }
        let last = 1u64 << (self.len - 1);
        // Vertical deltas of the current column (+1 / -1), the previous diagonal zero mask and
        // the previous letter's match mask (for transpositions).
        let (mut vp, mut vn, mut d0, mut pm_prev) = (u64::MAX, 0u64, 0u64, 0u64);
        let mut dist = self.len;
        for &c in other {
            let pm = self.peq.get(usize::from(c)).copied().unwrap_or(0);
            let tr = ((!d0 & pm) << 1) & pm_prev;
            d0 = ((((pm & vp).wrapping_add(vp)) ^ vp) | pm | vn) | tr;
            let hp = vn | !(d0 | vp);
            let hn = d0 & vp;
            if hp & last != 0 {
                dist += 1;
            } else if hn & last != 0 {
                dist -= 1;
            }
            let hp = (hp << 1) | 1;
            vp = (hn << 1) | !(d0 | hp);
            vn = hp & d0;
            pm_prev = pm;
        }
        (dist <= max).then_some(dist)
    }
}

/// The kinds of evidence an edit gives, each counted in [`edits`]: a slip of one letter by
/// how people make it, two and three edits, a changed first or last letter, and a split.
pub const EDITS: usize = 16;

/// The names of [`edits`]'s entries, in order (for the fitting script's rows).
pub const EDIT_NAMES: [&str; EDITS] = [
    "swap",
    "sub_adjacent_key",
    "sub_vowel",
    "sub_other",
    "ins_doubled",
    "ins_adjacent_key",
    "ins_other",
    "del_doubled",
    "del_other",
    "two_sound_alike",
    "two_other",
    "three",
    "first_letter",
    "last_letter",
    "split",
    "apostrophe",
];

/// What each kind of edit costs, in natural-log units of how often the fix is written: fitted, not
/// set by hand, by a conditional logit over real misspellings and the tune parts' damage
/// (`scripts/fit-ranking.py` on the rows `examples/rank_data.rs` writes; docs/architecture.md).
/// Refitted in the twenty-ninth session with the articles of another field's tune part: on the
/// four tune parts, 0.2 to 0.3 points more of the non-words of the articles have the right
/// word first, and 0.2 fewer of the READMEs'.
/// A fix with a letter dropped beats one with a letter changed unless that is written e^4.5 ≈ 90
/// times as often: people leave letters out far more often than they change them.
const PENALTY: [f64; EDITS] = [
    4.042,  // a swap of neighbours
    7.320,  // a neighbouring key
    7.749,  // a vowel for a vowel
    8.052,  // any other letter
    5.366,  // an extra letter beside its twin
    7.850,  // an extra letter beside its key
    8.490,  // any other extra letter
    2.116,  // a doubled letter undoubled
    3.622,  // any other dropped letter
    11.932, // two edits, sounding alike
    14.016, // two other edits
    20.610, // three edits
    1.511,  // a wrong first letter
    1.535,  // a wrong last letter
    5.795,  // a split: a space left out (not fitted: 1.6 times a letter left out, as before the fit)
    -9.0,   // a dropped apostrophe (`dont`, not fitted): the whole story, whatever the counts
];

/// The kinds of edit that turn `cand` (intended, lower case) into `q` (typed), `distance` edits
/// apart, as counts in the order of [`EDIT_NAMES`].
#[must_use]
pub fn edits(q: &[char], cand: &[char], distance: usize) -> [f64; EDITS] {
    let mut f = [0.0; EDITS];
    match distance {
        0 => {}
        1 => f[slip(q, cand)] = 1.0,
        2 => f[if sounds_alike(q, cand) { 9 } else { 10 }] = 1.0,
        _ => f[11] = 1.0,
    }
    // A swap of the first two letters (`ogal`, `hte`) typed the first letter all the same.
    let first_swapped = q.len() >= 2 && q.len() == cand.len() && q[0] == cand[1] && q[1] == cand[0];
    if distance > 0 && q.first() != cand.first() && !first_swapped {
        f[12] = 1.0;
    }
    if distance > 0 && q.last() != cand.last() {
        f[13] = 1.0;
    }
    f
}

/// The ranking function: log corpus count less the cost of the edits that turn the candidate
/// into the misspelling ([`edits`], each at its [`PENALTY`]). A doubled or undoubled letter is
/// cheapest, then a swap of neighbours, a neighbouring key or a vowel for a vowel, then a
/// dropped letter, then any other change. Two edits cost about two, less when the two words
/// sound alike. A wrong first letter costs extra, a wrong last one a little.
#[must_use]
pub fn score(q: &[char], cand: &[char], distance: usize, frequency: f64) -> f64 {
    frequency.max(1.0).ln() - cost(&edits(q, cand, distance))
}

/// The cost of `edits`, in natural-log units.
#[must_use]
pub fn cost(edits: &[f64; EDITS]) -> f64 {
    edits.iter().zip(PENALTY).map(|(n, p)| n * p).sum()
}

/// The kind of the single edit between `q` (typed) and `c` (intended): an index of [`edits`].
fn slip(q: &[char], c: &[char]) -> usize {
    let p = q.iter().zip(c).take_while(|(a, b)| a == b).count();
    match q.len().cmp(&c.len()) {
        std::cmp::Ordering::Equal => {
            // Substitution or transposition at p.
            if p + 1 < q.len() && q[p] == c[p + 1] && q[p + 1] == c[p] {
                return 0;
            }
            let (a, b) = (q[p], c[p]);
            if adjacent_keys(a, b) {
                1
            } else if is_vowel(a) && is_vowel(b) {
                2
            } else {
                3
            }
        }
        std::cmp::Ordering::Greater => {
            // An extra letter typed at p.
            let extra = q[p];
            let doubled = (p > 0 && q[p - 1] == extra) || q.get(p + 1) == Some(&extra);
            let near =
                (p > 0 && adjacent_keys(q[p - 1], extra)) || q.get(p + 1).is_some_and(|&n| adjacent_keys(n, extra));
            if doubled {
                4
            } else if near {
                5
            } else {
                6
            }
        }
        std::cmp::Ordering::Less => {
            // A letter dropped at p.
            let missing = c[p];
            if missing == '\'' {
                return 15;
            }
            let doubled = (p > 0 && c[p - 1] == missing) || c.get(p + 1) == Some(&missing);
            if doubled { 7 } else { 8 }
        }
    }
}

fn is_vowel(c: char) -> bool {
    matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y')
}

/// True when `a` and `b` are neighbours on a QWERTY keyboard.
fn adjacent_keys(a: char, b: char) -> bool {
    const ROWS: [&[u8]; 3] = [b"qwertyuiop", b"asdfghjkl", b"zxcvbnm"];
    let pos = |c: char| {
        ROWS.iter().enumerate().find_map(|(r, row)| row.iter().position(|&k| char::from(k) == c).map(|i| (r, i)))
    };
    let (Some((ra, ia)), Some((rb, ib))) = (pos(a), pos(b)) else {
        return false;
    };
    // Lower rows are shifted right by about half a key.
    let (xa, xb) = (ia * 2 + ra, ib * 2 + rb);
    ra.abs_diff(rb) <= 1 && xa.abs_diff(xb) <= 2 && (ra, ia) != (rb, ib)
}

/// A rough phonetic key: letters that sound alike merged, vowels after the first dropped,
/// repeats collapsed.
fn phonetic(word: &[char]) -> String {
    let mut out = String::new();
    let mut last = ' ';
    for (i, &c) in word.iter().enumerate() {
        let k = match c {
            'a' | 'e' | 'i' | 'o' | 'u' | 'y' | 'h' | 'w' if i > 0 => continue,
            'c' | 'k' | 'q' | 'g' => 'k',
            's' | 'z' | 'x' => 's',
            'b' | 'p' => 'p',
            'd' | 't' => 't',
            'f' | 'v' => 'f',
            'm' | 'n' => 'n',
            c => c,
        };
        if k != last {
            out.push(k);
        }
        last = k;
    }
    out
}

fn sounds_alike(a: &[char], b: &[char]) -> bool {
    phonetic(a) == phonetic(b)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn first(word: &str) -> String {
        suggest(&Lexicon::new(), word, Dialect::Us).into_iter().next().unwrap_or_default()
    }

    #[test]
    fn what_technical_prose_writes_counts_beside_general_english() {
        // General English writes `Evian` more than `endian`; documentation writes `endian`.
        assert_eq!(first("enian"), "endian");
        // Two edits each: the fitted costs put `Asian`, which sounds alike, and the common `sun`
        // first, but `async` stays among the first four.
        let asyun = suggest(&Lexicon::new(), "asyun", Dialect::Us);
        assert!(asyun.iter().take(4).any(|s| s == "async"), "{asyun:?}");
        // Everyday words keep their place.
        assert_eq!(first("teh"), "the");
        assert_eq!(first("recieve"), "receive");
    }

    #[test]
    fn a_fix_that_keeps_the_last_letter_comes_before_one_as_near_that_does_not() {
        let lexicon = Lexicon::new();
        let first = |w: &str| suggest(&lexicon, w, Dialect::Us).into_iter().next();
        assert_eq!(first("numbes").as_deref(), Some("numbers"), "not number");
        assert_eq!(first("detailv").as_deref(), Some("details"), "v for s, not a letter added");
        assert_eq!(first("clustr").as_deref(), Some("cluster"), "a letter dropped inside");
    }

    #[test]
    fn a_swap_of_the_first_two_letters_keeps_the_first_letter_typed() {
        // The first letter was typed, one place late: no wrong first letter to pay for
        // (`oral` and `apps` keep it, but `goal` and `gaps` are the words swapped).
        assert_eq!(first("ogal"), "goal");
        assert_eq!(first("agps"), "gaps");
        // A first letter dropped is no swap (`aparent` is not `parent`).
        assert_eq!(first("aparent"), "apparent");
    }

    #[test]
    fn the_commonest_word_one_edit_away_is_found_by_lookups() {
        let lex = Lexicon::new();
        let first = |w: &str| words_near(&lex, w, 20_000.0).first().map(|(k, _)| k.clone());
        for (slip, meant) in [("teh", "the"), ("recieve", "receive"), ("Wiht", "with"), ("clustr", "cluster")] {
            assert_eq!(first(slip).as_deref(), Some(meant), "{slip}");
        }
        // Two edits away, or nothing common near: no slip.
        assert_eq!(first("prgoramm"), None);
        assert_eq!(first("qzxvw"), None);
        let near = words_near(&lex, "wil", 20_000.0);
        assert!(near.windows(2).all(|p| p[0].1 >= p[1].1), "most written first: {near:?}");
        assert!(has_near(&lex, "wil", 20_000.0) && !has_near(&lex, "qzxvw", 20_000.0));
    }

    #[test]
    fn common_slips_get_the_intended_word_first() {
        for (typo, want) in [
            ("clustr", "cluster"),
            ("teh", "the"),
            ("recieve", "receive"),
            ("wil", "will"),
            ("prgoram", "program"),
            ("kuberanetes", "Kubernetes"),
            ("Wiht", "With"),
            ("alot", "a lot"),
        ] {
            assert_eq!(first(typo), want, "{typo}");
        }
    }

    #[test]
    fn suggestions_keep_the_casing_and_apostrophes_of_the_word() {
        assert_eq!(first("CLUSTR"), "CLUSTER");
        assert_eq!(first("Clustr"), "Cluster");
        assert_eq!(first("dont"), "don't");
        assert_eq!(first("clustr\u{2019}s"), "cluster\u{2019}s");
    }

    #[test]
    fn at_most_nine_and_no_duplicates() {
        let s = suggest(&Lexicon::new(), "ta", Dialect::Us);
        assert!(s.len() <= MAX_SUGGESTIONS);
        let mut d = s.clone();
        d.sort();
        d.dedup();
        assert_eq!(d.len(), s.len());
    }

    #[test]
    fn the_dialect_decides_between_variants() {
        assert_eq!(first("colour"), "color");
        assert_eq!(suggest(&Lexicon::new(), "color", Dialect::Gb).first().map(String::as_str), Some("colour"));
    }

    /// Optimal-string-alignment distance (a transposition of neighbours counts as one edit) between
    /// two ASCII strings, or `None` if it exceeds `max`. The same measure as
    /// [`strsim::osa_distance`], which the properties below check [`Pattern`] against.
    fn osa_within(a: &[u8], b: &[u8], max: usize) -> Option<usize> {
        if a.len().abs_diff(b.len()) > max {
            return None;
        }
        if let Some(p) = Pattern::new(a) {
            p.within(b, max)
        } else {
            let d = strsim::osa_distance(std::str::from_utf8(a).ok()?, std::str::from_utf8(b).ok()?);
            (d <= max).then_some(d)
        }
    }

    proptest::proptest! {
        #[test]
        fn bounded_distance_agrees_with_strsim(a in "[a-d]{0,14}", b in "[a-d]{0,14}", max in 0usize..5) {
            let want = strsim::osa_distance(&a, &b);
            let got = osa_within(a.as_bytes(), b.as_bytes(), max);
            proptest::prop_assert_eq!(got, (want <= max).then_some(want));
            let full = Pattern::new(a.as_bytes()).and_then(|p| p.within(b.as_bytes(), usize::MAX));
            proptest::prop_assert_eq!(full, Some(want));
        }

        #[test]
        fn long_words_agree_with_strsim(a in "[ab]{50,70}", b in "[ab]{50,70}") {
            let want = strsim::osa_distance(&a, &b);
            proptest::prop_assert_eq!(osa_within(a.as_bytes(), b.as_bytes(), 80), Some(want));
        }
    }

    #[test]
    fn keyboard_neighbours() {
        assert!(adjacent_keys('e', 'r'));
        assert!(adjacent_keys('g', 'b'));
        assert!(!adjacent_keys('a', 'p'));
    }
}
