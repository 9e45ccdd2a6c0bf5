//! The garbler: damages clean text the way real articles come damaged, at rates per 1,000 words,
//! so that development pairs can be made from any clean text (examples/garble.rs) and the
//! checker measured on texts no rule was written from.
//!
//! Only words are touched, each within its own whitespace-separated chunk, so that the pair
//! stays aligned chunk for chunk as `support/score.rs` reads it. The kinds of damage, and the
//! default rates, follow the bundled sample (a real damaged article), per 1,000 words:
//!
//! | damage | rate | example |
//! |---|---|---|
//! | a common word Capitalised mid-sentence | 108 | `Panel Members Discussed` |
//! | a name or term lower-cased | 37 | `kubernetes`, `github` |
//! | an acronym lowered or half-lowered | 30 | `ai`, `Ml` |
//! | a non-word: one or two edits, a few garbage words in capitals | 25 | `resilcy` |
//! | a real word of the same stem or shape, or one that starts the same | 17 | `cold` for `could`, `communication` for `community` |
//!
//! Each rate is a target: the garbler picks that many words among those that can take the
//! damage (fewer when the text has fewer), so a text with few acronyms gets few acronym errors.
//! Capitals come in runs, as in the sample and the development articles (`Said That Among The
//! Big Challenges is the Rise of Distributed Systems`): [`RUN_GOES_ON`] and [`SMALL_IN_RUN`]
//! are measured on the six development pairs, and the rate is met on average, not exactly.
//! Headings and lines in Title Case take no casing damage: a capital there is the author's
//! style, so `Table of contents` for `Table of Contents` is no error a reader could see.
#![allow(dead_code)]
// Rates are small positive numbers of words: a rounded one fits a usize.
#![allow(clippy::cast_sign_loss, clippy::cast_possible_truncation)]

use galley::lexicon::{Dialect, Lexicon, Verdict};
use galley::token::{TokenKind, tokenize};

/// Damage per 1,000 words of each kind, and the most of a text's names and of its acronyms
/// that the damage takes.
#[derive(Clone, Copy, Debug)]
pub struct Rates {
    pub capitalised: f64,
    pub lowered_names: f64,
    pub acronyms: f64,
    pub non_words: f64,
    pub real_words: f64,
    /// The share of the names inside sentences that may be lowered, and of the acronyms: real
    /// damage lowers a share of them, not a number per 1,000 words whatever the text holds.
    pub names_share: f64,
    pub acronyms_share: f64,
    /// The chance that each part in small letters of a dotted name in the prose (`list.sort`,
    /// `re.compile`, `e.g.`) is Capitalised (`List.Sort`): damage that Capitalises words at
    /// random strikes the words inside a name of code too. The development pairs show it: 14 of
    /// their 37 dotted names in small letters came out changed (`List.Sort`, `Re.I`,
    /// `Importlib.Abc`, `E.G.`), about 0.2 a part. None at the sample's rates, which have no
    /// such names to measure it by.
    pub dotted_parts: f64,
}

impl Rates {
    /// The bundled sample's damage per 1,000 words, and the shares of the development pairs
    /// (the sample's clean text is not at hand). There the damage lowered 59 of the 205 words
    /// in Title Case inside sentences (0.22 to 0.34 in each pair with more than ten of them)
    /// and 23 of the 101 acronyms, where it Capitalised 0.15 of the words in lower case, which
    /// 108 per 1,000 is. A text as thick with names as the sample is meets its 37 and 30 per
    /// 1,000; one with few names keeps most of them, as real damage leaves them.
    pub const SAMPLE: Self = Self {
        capitalised: 108.0,
        lowered_names: 37.0,
        acronyms: 30.0,
        non_words: 25.0,
        real_words: 17.0,
        names_share: 0.29,
        acronyms_share: 0.23,
        dotted_parts: 0.0,
    };

    /// The sample's rates, and dotted names damaged as the development pairs show
    /// ([`Rates::dotted_parts`]).
    pub const WITH_DOTTED_NAMES: Self = Self { dotted_parts: 0.2, ..Self::SAMPLE };

    /// These rates times `factor`, every kind of damage alike: an article damaged a little
    /// (a fifth of the sample's damage is one word in 50 Capitalised, one name in 17 lowered).
    #[must_use]
    pub fn scaled(self, factor: f64) -> Self {
        Self {
            capitalised: self.capitalised * factor,
            lowered_names: self.lowered_names * factor,
            acronyms: self.acronyms * factor,
            non_words: self.non_words * factor,
            real_words: self.real_words * factor,
            names_share: self.names_share * factor,
            acronyms_share: self.acronyms_share * factor,
            dotted_parts: self.dotted_parts * factor,
        }
    }
}

#[path = "../../tests/support/rng.rs"]
pub mod rng;
use rng::Rng;

/// What was done to a word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Damage {
    Capitalised,
    LoweredName,
    Acronym,
    NonWord,
    RealWord,
}

/// A word of the text and what it could become.
struct Word {
    start: usize,
    end: usize,
    sentence_start: bool,
    /// In a heading or a line in Title Case, where capitals are the author's style.
    title: bool,
    /// Which whitespace-separated chunk it is in: one damage a chunk, so that each error of a
    /// pair is one word (`and/or`, `well-known` hold two).
    chunk: usize,
}

/// True when the word at `start` begins a sentence, a line or the text: a capital there is no
/// damage, and a name there shows nothing.
fn starts_sentence(text: &str, start: usize) -> bool {
    // Right after an opening quote or bracket: a quoted sentence, a title, a list item's label.
    if text[..start].ends_with(['"', '\'', '(', '[', '`', '“', '‘']) {
        return true;
    }
    let before = text[..start].trim_end_matches([' ', '\t', '*', '_', '#', '-', '>']);
    before.is_empty() || before.ends_with(['.', '!', '?', ':', '\n'])
}

/// True when the line is a heading: a Markdown one, or a short line most of whose longer words
/// after the first are Capitalised (`Table of Contents`, `- Related Projects`). A capital there
/// is the author's style, so neither a capital put in nor one taken away is damage anyone sees.
fn title_line(line: &str) -> bool {
    let line = line.trim_start();
    if line.starts_with('#') {
        return true;
    }
    let words: Vec<&str> = line.split_whitespace().collect();
    if words.len() > 10 {
        return false;
    }
    let long: Vec<&str> = words
        .iter()
        .skip(1)
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| w.len() >= 4 && w.bytes().all(|b| b.is_ascii_alphabetic()))
        .collect();
    let capitalised = long.iter().filter(|w| w.as_bytes()[0].is_ascii_uppercase()).count();
    capitalised >= 2 && capitalised * 5 >= long.len() * 3
}

fn known(lexicon: &Lexicon, word: &str) -> bool {
    lexicon.verdict(word, Dialect::Us) == Verdict::Known
}

fn capitalise(word: &str) -> String {
    let mut cs = word.chars();
    cs.next().map(|f| f.to_uppercase().chain(cs).collect()).unwrap_or_default()
}

const LETTERS: &[u8] = b"abcdefghijklmnopqrstuvwxyz";

/// The chance that a run of Capitalised words goes on to the next word. In the six development
/// pairs a long word after one the damage Capitalised is Capitalised 84% of the time (after one
/// it left alone, 7%), and the runs it Capitalised of two words or more outnumber those of one.
const RUN_GOES_ON: f64 = 0.8;
/// The chance that a word of three letters or fewer inside a run is Capitalised: Title Case
/// leaves small words alone (`the Rise of Distributed Systems`) about half the time (45% of
/// them after a Capitalised word in the development pairs, against 84% of longer words).
const SMALL_IN_RUN: f64 = 0.55;

/// True with chance `p`.
fn chance(rng: &mut Rng, p: f64) -> bool {
    (rng.below(1 << 20) as f64) < p * f64::from(1u32 << 20)
}

/// One random edit: delete, insert, substitute or swap neighbours, past the first letter. Real
/// damage keeps the first letter: every non-word of the bundled sample does (`resilcy`,
/// `percective`), and of the development pairs' 132 (`wiht`, `qjuite`, `detaield`).
fn edit(rng: &mut Rng, w: &mut Vec<u8>) {
    if w.len() < 2 {
        return;
    }
    let at = 1 + rng.below(w.len() - 1);
    match rng.below(4) {
        0 if w.len() > 3 => {
            w.remove(at);
        }
        1 => w.insert(at, LETTERS[rng.below(26)]),
        2 if at + 1 < w.len() => w.swap(at, at + 1),
        _ => w[at] = LETTERS[rng.below(26)],
    }
}

/// A non-word one or two edits from `word` (ASCII letters, in small letters or Capitalised), if one
/// turns up.
fn non_word(rng: &mut Rng, lexicon: &Lexicon, word: &str) -> Option<String> {
    for _ in 0..20 {
        let mut w = word.as_bytes().to_vec();
        // Mostly one edit, as in the sample; two now and then, as in the development pairs (8
        // of their 124 non-words are two edits away or more): one time in twelve, some of which
        // land on one letter and make one.
        for _ in 0..if rng.below(12) == 0 { 2 } else { 1 } {
            edit(rng, &mut w);
        }
        let w = String::from_utf8(w).ok()?;
        if w != word && !known(lexicon, &w) && lexicon.frequency(&w) == 0.0 {
            return Some(w);
        }
    }
    None
}

/// Endings that turn one word into another of the same stem (`developers` -> `development`).
const ENDINGS: &[&str] = &["", "s", "es", "ed", "ing", "er", "ers", "ment", "ments", "ion", "ions", "ly", "al", "ity"];

/// Above every count the lexicon gives a word its frequency list lacks (`lexicon::prior`): a
/// word general English writes.
const LISTED: f64 = 12_000.0;

/// A real word that starts as `word` does, over at least half of `word` and three letters
/// (`communication` for `community`, `sectarian` for `section`), any word general English
/// writes alike: what an autocorrector or a careless completion puts in, as in the bundled
/// sample and the development articles.
fn same_start(rng: &mut Rng, lexicon: &Lexicon, word: &str) -> Option<String> {
    let need = word.len().div_ceil(2).max(3);
    if word.len() < need {
        return None;
    }
    let b = lexicon.builtin();
    let options: Vec<&str> = b
        .starting_with(&word.as_bytes()[..need])
        .map(|i| b.key(b.entry(i)))
        .filter(|k| {
            *k != word
                && k.bytes().all(|c| c.is_ascii_lowercase())
                && known(lexicon, k)
                && lexicon.frequency(k) > LISTED
        })
        .collect();
    (!options.is_empty()).then(|| options[rng.below(options.len())].to_string())
}

/// A real word of the same stem (another ending) or the same shape (one edit), if there is one;
/// half the time, one that only starts the same ([`same_start`]).
fn real_word(rng: &mut Rng, lexicon: &Lexicon, word: &str) -> Option<String> {
    if rng.below(2) == 0
        && let Some(w) = same_start(rng, lexicon, word)
    {
        return Some(w);
    }
    let mut options: Vec<String> = Vec::new();
    let stem_len = ENDINGS
        .iter()
        .filter(|e| !e.is_empty() && word.ends_with(*e) && word.len() > e.len() + 3)
        .map(|e| word.len() - e.len())
        .min()
        .unwrap_or(word.len());
    let stem = &word[..stem_len];
    for e in ENDINGS {
        let w = format!("{stem}{e}");
        // Another ending, not a longer word (`apart` -> `apartments`).
        if w != word && w.len().abs_diff(word.len()) <= 4 && known(lexicon, &w) && lexicon.frequency(&w) > 0.0 {
            options.push(w);
        }
    }
    let bytes = word.as_bytes();
    for at in 0..bytes.len() {
        let mut d = bytes.to_vec();
        d.remove(at);
        options.extend(String::from_utf8(d).ok());
        for &c in LETTERS {
            let mut s = bytes.to_vec();
            s[at] = c;
            options.extend(String::from_utf8(s).ok());
        }
    }
    options.retain(|w| w != word && w.len() >= 3 && known(lexicon, w) && lexicon.frequency(w) > 1e5);
    options.sort();
    options.dedup();
    (!options.is_empty()).then(|| options.swap_remove(rng.below(options.len())))
}

/// The words of `text`, each with where it stands.
fn words_of(text: &str) -> Vec<Word> {
    // Where each whitespace-separated chunk starts.
    let mut chunk_starts = Vec::new();
    let mut prev_space = true;
    for (i, c) in text.char_indices() {
        if prev_space && !c.is_whitespace() {
            chunk_starts.push(i);
        }
        prev_space = c.is_whitespace();
    }
    // Where each line starts, and whether it is a heading.
    let mut line_starts = vec![0];
    line_starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
    let lines: Vec<bool> = line_starts
        .iter()
        .enumerate()
        .map(|(k, &s)| title_line(&text[s..line_starts.get(k + 1).map_or(text.len(), |&e| e - 1)]))
        .collect();
    let mut words: Vec<Word> = Vec::new();
    tokenize(text, |t| {
        if t.kind == TokenKind::Word {
            let chunk = chunk_starts.partition_point(|&s| s <= t.span.start);
            let sentence_start = starts_sentence(text, t.span.start);
            let title = lines[line_starts.partition_point(|&s| s <= t.span.start) - 1];
            words.push(Word { start: t.span.start, end: t.span.end, sentence_start, title, chunk });
        }
    });
    words
}

/// Capitalises about `wanted` of the words at `can` (indices into `words`, in text order) in
/// runs: a run starts at a word with a chance set so that the runs make `wanted` capitals on
/// average, goes on with [`RUN_GOES_ON`], and Capitalises each word it meets that can take it
/// (a small word with [`SMALL_IN_RUN`]). The words between those that can take it, names and
/// sentence starts among them, neither end a run nor count in it.
fn capitalise_in_runs(
    rng: &mut Rng,
    text: &str,
    words: &[Word],
    can: &[usize],
    wanted: usize,
    taken: &mut [bool],
    changes: &mut Vec<(usize, String, Damage)>,
) {
    let open: Vec<usize> = can.iter().copied().filter(|&i| !taken[words[i].chunk]).collect();
    if open.is_empty() || wanted == 0 {
        return;
    }
    let small = open.iter().filter(|&&i| words[i].end - words[i].start <= 3).count() as f64 / open.len() as f64;
    // Inside a run a word is Capitalised with chance `within`; a share `in_run` of the words are
    // inside one when runs start with `start` and go on with RUN_GOES_ON.
    let within = small * SMALL_IN_RUN + (1.0 - small);
    let in_run = (wanted as f64 / open.len() as f64 / within).min(0.95);
    let start = in_run * (1.0 - RUN_GOES_ON) / (1.0 - in_run);
    let mut running = false;
    for i in open {
        running = chance(rng, if running { RUN_GOES_ON } else { start });
        let w = &words[i];
        let s = &text[w.start..w.end];
        if running && !taken[w.chunk] && (s.len() > 3 || chance(rng, SMALL_IN_RUN)) {
            taken[w.chunk] = true;
            changes.push((i, capitalise(s), Damage::Capitalised));
        }
    }
}

/// Real damage Capitalises a word whatever else befell it: in the six development pairs, 34 of
/// the 187 words misspelt or swapped for another inside a sentence were Capitalised too (`More
/// Detaield When`), about the share of their other words in small letters that the damage
/// Capitalised. Each such word here is Capitalised at the share of the words that could take a
/// capital (`could`, of them) that took one, from a generator of its own, so that the rest of the
/// damage stays as it was.
fn capitalise_slips(seed: u64, words: &[Word], could: usize, changes: &mut [(usize, String, Damage)]) {
    let raised = changes.iter().filter(|c| c.2 == Damage::Capitalised).count();
    if could == 0 || raised == 0 {
        return;
    }
    let share = raised as f64 / could as f64;
    let mut rng = Rng::new(seed.wrapping_mul(0x2545_f491_4f6c_dd1d) ^ 0x5eed);
    for (i, new, damage) in changes.iter_mut() {
        let w = &words[*i];
        let slip = matches!(damage, Damage::NonWord | Damage::RealWord);
        if slip
            && !w.sentence_start
            && !w.title
            && new.bytes().all(|b| b.is_ascii_lowercase())
            && chance(&mut rng, share)
        {
            *new = capitalise(new);
        }
    }
}

/// `text` damaged at `rates` with the generator seeded by `seed`; each change with its kind.
pub fn garble(text: &str, lexicon: &Lexicon, rates: Rates, seed: u64) -> (String, Vec<(usize, Damage)>) {
    let mut rng = Rng::new(seed.wrapping_mul(0x9e37_79b9_7f4a_7c15));
    let words = words_of(text);
    let n = words.len();
    let slice = |w: &Word| &text[w.start..w.end];
    let ascii_letters = |s: &str| s.bytes().all(|b| b.is_ascii_alphabetic());
    // Who can take which damage.
    let mut can: [Vec<usize>; 5] = Default::default();
    for (i, w) in words.iter().enumerate() {
        let s = slice(w);
        if !ascii_letters(s) {
            continue;
        }
        let lower = s.bytes().all(|b| b.is_ascii_lowercase());
        let upper = s.bytes().all(|b| b.is_ascii_uppercase());
        if lower && !w.sentence_start && !w.title && known(lexicon, s) {
            can[0].push(i);
        }
        if !w.sentence_start && !w.title && !upper && s.as_bytes()[0].is_ascii_uppercase() && s.len() >= 2 {
            can[1].push(i);
        }
        if upper && (2..=6).contains(&s.len()) {
            can[2].push(i);
        }
        // Slips strike a word whatever its casing: in the six development pairs, 14 of the 185
        // words misspelt or swapped for another were Capitalised (`Pyton`, `Futuriez`, `Muh` at
        // a sentence start), about the share of such words in their text (469 of 5,284).
        let capitalised = s.as_bytes()[0].is_ascii_uppercase() && s[1..].bytes().all(|b| b.is_ascii_lowercase());
        if (lower || capitalised) && s.len() >= 4 && known(lexicon, s) {
            can[3].push(i);
            can[4].push(i);
        }
    }
    let mut wanted = [rates.capitalised, rates.lowered_names, rates.acronyms, rates.non_words, rates.real_words]
        .map(|r| (r.max(0.0) * n as f64 / 1000.0).round() as usize);
    for (kind, share) in [(1, rates.names_share), (2, rates.acronyms_share)] {
        // Rounded at random, so that a text of one acronym loses it now and then.
        let most = share.clamp(0.0, 1.0) * can[kind].len() as f64;
        let most = most.floor() as usize + usize::from(chance(&mut rng, most.fract()));
        wanted[kind] = wanted[kind].min(most);
    }
    let mut taken = vec![false; words.last().map_or(0, |w| w.chunk + 1)];
    let mut changes: Vec<(usize, String, Damage)> = Vec::new();
    // Rarer kinds first, so that the common one does not use up the words they need.
    for kind in [2, 1, 4, 3] {
        let mut pool = std::mem::take(&mut can[kind]);
        rng.shuffle(&mut pool);
        let mut made = 0;
        for i in pool {
            if made == wanted[kind] {
                break;
            }
            if taken[words[i].chunk] {
                continue;
            }
            let s = slice(&words[i]);
            let (new, damage) = match kind {
                0 => (Some(capitalise(s)), Damage::Capitalised),
                1 => (Some(s.to_ascii_lowercase()), Damage::LoweredName),
                2 => {
                    let half = rng.below(3) == 0 && s.len() >= 2;
                    (
                        Some(if half { capitalise(&s.to_ascii_lowercase()) } else { s.to_ascii_lowercase() }),
                        Damage::Acronym,
                    )
                }
                3 if rng.below(10) == 0 => {
                    (non_word(&mut rng, lexicon, s).map(|w| w.to_ascii_uppercase()), Damage::NonWord)
                }
                3 => (non_word(&mut rng, lexicon, s), Damage::NonWord),
                // A word of the same stem or shape keeps the capital it replaces (`Notice` ->
                // `Notified` at a sentence start).
                _ if s.as_bytes()[0].is_ascii_uppercase() => {
                    (real_word(&mut rng, lexicon, &s.to_ascii_lowercase()).map(|w| capitalise(&w)), Damage::RealWord)
                }
                _ => (real_word(&mut rng, lexicon, s), Damage::RealWord),
            };
            if let Some(new) = new.filter(|new| new != s) {
                taken[words[i].chunk] = true;
                changes.push((i, new, damage));
                made += 1;
            }
        }
    }
    capitalise_in_runs(&mut rng, text, &words, &can[0], wanted[0], &mut taken, &mut changes);
    capitalise_slips(seed, &words, can[0].len(), &mut changes);
    changes.sort_by_key(|c| c.0);
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    let mut done = Vec::new();
    for (i, new, damage) in changes {
        let w = &words[i];
        out.push_str(&text[at..w.start]);
        done.push((out.len(), damage));
        out.push_str(&new);
        at = w.end;
    }
    out.push_str(&text[at..]);
    if rates.dotted_parts > 0.0 {
        capitalise_dotted_parts(&mut out, &mut done, rates.dotted_parts, seed);
    }
    (out, done)
}

/// Capitalises each part in small letters of the dotted names in `out`'s prose with chance
/// `share` (see [`Rates::dotted_parts`]), from a generator of its own, so that the rest of the
/// damage is the same as without it; each name changed is one error, noted in `done`. Out of
/// headings and lines in Title Case, as for words.
fn capitalise_dotted_parts(out: &mut String, done: &mut Vec<(usize, Damage)>, share: f64, seed: u64) {
    let mut rng = Rng::new(seed.wrapping_mul(0x6a09_e667_f3bc_c909) ^ 0xd07);
    let mut line_starts = vec![0];
    line_starts.extend(out.match_indices('\n').map(|(i, _)| i + 1));
    // Each line read once: the names come in text order.
    let mut seen_line: Option<(usize, bool)> = None;
    let mut title = |at: usize| {
        let k = line_starts.partition_point(|&s| s <= at) - 1;
        if let Some((_, title)) = seen_line.filter(|&(line, _)| line == k) {
            return title;
        }
        let end = line_starts.get(k + 1).map_or(out.len(), |&e| e - 1);
        let title = title_line(&out[line_starts[k]..end]);
        seen_line = Some((k, title));
        title
    };
    let mut names = Vec::new();
    tokenize(out, |t| {
        let name = t.span.slice(out);
        if t.kind == TokenKind::Identifier && name.contains('.') && !title(t.span.start) {
            names.push(t.span);
        }
    });
    let mut bytes = std::mem::take(out).into_bytes();
    for span in names {
        let mut changed = false;
        let mut at = span.start;
        let lens: Vec<usize> = bytes[span.start..span.end].split(|&b| b == b'.').map(<[u8]>::len).collect();
        for len in lens {
            let small = len > 0 && bytes[at..at + len].iter().all(u8::is_ascii_lowercase);
            if small && chance(&mut rng, share) {
                bytes[at].make_ascii_uppercase();
                changed = true;
            }
            at += len + 1;
        }
        if changed {
            done.push((span.start, Damage::Capitalised));
        }
    }
    done.sort_by_key(|d| d.0);
    // Only ASCII letters were raised: the bytes are the UTF-8 they were.
    *out = String::from_utf8(bytes).unwrap_or_default();
}
