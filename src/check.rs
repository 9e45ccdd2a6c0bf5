//! Document text -> suspects: the words a reader should stop at, each with its kind and ranked
//! fixes.
//!
//! One pass over the tokens asks the lexicon about every word in both dialects; words that are
//! fine in both are done. The few others wait until the pass ends, when the article's dialect
//! (from its own dialect-specific spellings) and its names are known:
//! - a known term in the wrong casing is a `casing` suspect whose first fix is the canonical form;
//! - an unknown lower-case word is a `spelling` suspect, unless the article or the word itself
//!   says it is a term (it recurs, like a module name, or it is two common words run together,
//!   like `hostmask`) and it is not one slip from a common word;
//! - an unknown Capitalised word is most likely a name (`Diagrid`), unless it is one slip from a
//!   common word (`Fraugt`) and no name stands beside it anywhere in the article
//!   (`Kendall Roden`, `Jago Macleod`).
//!
//! The unknown words are read in `unknown`, the known words in another casing in `miscased`.

pub mod cache;
pub(crate) mod casing;
pub mod confidence;
mod dotted;
pub mod merge;
mod miscased;
mod realword;
pub mod sections;
mod sightings;
pub mod spacing;
pub mod suggest;
mod truecase;
mod unknown;
pub use realword::{Shape, Slip};
pub use truecase::{Change, Sureness};

use crate::check::cache::Cache;
use crate::fasthash::{FastMap, FastSet};
use crate::lexicon::model::Model;
use crate::lexicon::{Case, Dialect, Lexicon, Sense, Verdict, bigram, case_of};
use crate::span::{self, Span};
use crate::suspect::Lists;
pub use crate::suspect::{Fixes, Kind, Suspect};
use crate::token::{TokenKind, tokenize};
use casing::{Beside, Capital, Folded, Usage};
use confidence::Evidence;
use merge::{Stage, sort_by_start};
use sightings::Sightings;
use std::ops::ControlFlow;
use suggest::Suggestion;

/// A word the corpus holds at least this often is a word of clean prose (about one in three
/// million words: `kqueue`, `rustix`)...
const CORPUS_WORD: u64 = 10;
/// An article long enough to judge, whose capitals show no damage, and which misspells fewer
/// than this share of its words in small letters, wrote its unknown words in capitals on purpose:
/// acronyms and names, not garbled words. The damaged halves of the tune parts misspell 19 to 31
/// words in 1,000, their clean halves 0 to 2. Set there: 5 and 10 per 1,000 took the same 28
/// flags off the clean halves (the other blogs' 0.82 -> 0.53 per 1,000: `FTW`, `APAC`, `PECL`,
/// `SEVERIN`; and `preached` -> `reached`, a slip the article's fewer misspellings no longer
/// make likely), and none off the damaged ones.
const CLEAN_SLIPS: f64 = 0.005;

/// An article long enough to judge, whose capitals show no damage, and which makes fewer than
/// this share of its words a misspelling one slip from a word, wrote its unknown words that no
/// word lies one slip from on purpose: terms and names (`debruijn`, `tshepang`), not slips.
/// Set on the tune parts: 0.0035 took 25 flags off the clean halves' 281,820 words,
/// two of them the authors' own typos two slips from their word (`visilibity`,
/// `incrementatal`), and three word choices that the fewer misspellings no longer make likely
/// (`then` -> `the`); the damaged halves lost nothing, and the lightly damaged pairs (`garble
/// --scale=0.2`) 4 of their 1,388 misspellings flagged and 3 fixed. 0.004 took 25 off for 7
/// lost, 0.006 some 32 for 28, 0.003 some 20 for 1. Counting every misspelling, not only slips
/// (the rule of [`CLEAN_SLIPS`]), took 23 off for 16 lost. Asking for a word clean prose writes
/// a million times or more one slip away, not any word, took 15 more off (at 0.003), among
/// them the authors' typos `antialising`, `doesnt`, `exectuables`, `recalcuated`. The rule
/// asks the lexicon, not the ranked fixes, so that a check without fixes flags the same words.
const FAR_SLIPS: f64 = 0.0035;
/// In such an article (see [`FAR_SLIPS`]), a word no dictionary knows of this many letters or
/// fewer, one slip from a word, is as likely a handle, a command or an abbreviation as a slip
/// (`epage`, `javap`, `kcp`, `txs`): short words lie one slip from many. Asked about, never
/// taken unasked. Set on the tune parts: 5 took 10 right words fewer off the clean halves, all
/// of them such words, and none of the authors' typos; the lightly damaged pairs lost 2 fixes
/// of 9,233. 4 took 4 fewer at no cost, 6 the same 10 and 2 typos, for 3 fixes.
const SHORT_TERM: usize = 5;
/// The words, with one slip among them, that [`FAR_SLIPS`] is estimated from beside the
/// article's own.
const FAR_PRIOR_WORDS: f64 = 100.0;

/// ... except a word in capitals of this many letters or more, among words in small letters,
/// one slip from a word clean prose writes [`SLIP_NEAR`] times or more (`in their observability
/// PRACFTICE`, `it WOUTLD be`): a slip of that word, asked about. Acronyms that long seldom lie
/// so near a common word. Set with [`OWN_NAME_SLIP`] on the tune parts' lightly damaged pairs
/// (`garble --scale=0.2`) and the clean halves, by the rule of
/// [`truecase::Sureness::UNDAMAGED_ASKED`] (the most found for no more than 0.05 flags per 1,000
/// words more on the clean halves): the two flagged 82 more of the pairs' 1,388 misspellings
/// (93.8%, from 88.0%), and `fix` took 10 more, for 4 more flags on the clean halves' 281,820
/// words, none of them taken; 4 here flagged 11 more for 11 more flags. On the report parts,
/// measured once after: 97 more of 1,488 (94.3%, from 87.8%), for 18 more flags on the clean
/// halves' 302,255 words (more than the rule allows), none taken.
const TERM_SLIP: usize = 5;
/// An article whose casing shows no damage writes an unknown word Capitalised inside a sentence
/// as a name (see `own_unknown_words`), unless it has this many letters or more and lies one
/// slip from a word clean prose writes [`SLIP_NEAR`] times or more (`should Hopefuwlly be`,
/// `the Reprrsentative Role`): asked about. Few names that long lie so near a word (on the
/// report parts' clean halves: `Harald`, `Manish`, `Samply`). Set with [`TERM_SLIP`] at 5: 6
/// flagged 82 more for 4 more flags, 5 some 8 more again for 14 more flags (with it at 6: 7
/// flagged 63 more at no cost, 6 some 69 more for 3 flags). `Kei`, `Bos` and `Lusby`, too
/// short, stay names.
const OWN_NAME_SLIP: usize = 6;
/// How often clean prose writes the word one slip away that makes a long unknown word its slip
/// ([`TERM_SLIP`], [`OWN_NAME_SLIP`]), as `unknown::LONG_SLIP_NEAR` does beside a name (10^5
/// and 10^7 flagged within 0.5 point of it for the same clean flags).
const SLIP_NEAR: f64 = 1e6;

/// True when `word`, its possessive ending apart, has `letters` letters or more and lies one slip
/// from a word clean prose writes [`SLIP_NEAR`] times or more ([`TERM_SLIP`], [`OWN_NAME_SLIP`]).
fn long_slip(lexicon: &Lexicon, word: &str, letters: usize) -> bool {
    let stem = stem_of(word);
    stem.chars().count() >= letters && suggest::has_near(lexicon, &stem.to_lowercase(), SLIP_NEAR)
}

/// An article that misspells this share of its words in small letters, or more, was damaged,
/// whatever its capitals show (see [`misspells_much`]). On the tune parts, 18 of the 503 damaged
/// halves showed too few damaged capitals to count as damaged (short texts, 150 to 600 words),
/// and they misspell 19 to 38 words in 1,000; of the clean halves whose capitals count as their
/// own, 99 in 100 misspell fewer than 10. So set: 2, 2, 25 and 23 more errors fixed (READMEs,
/// registry, Rust blog, other blogs), for 0, 2, 1 and 3 more right words changed and two more
/// flags on the registry's clean halves (`Zeal` -> `real`, the capital of a name weighed as a
/// stray one).
const DAMAGED_SLIPS: f64 = 0.015;

/// An article keeps to its dialect when it writes that dialect's own spellings at least this
/// many times as often as the other's: then a word of the other is a slip from its convention
/// (three `colour`s and a `color`). Unless the reader asked for a dialect, an article with fewer
/// mixes both, as many authors do, and neither is flagged. Set so before it was measured: on
/// the four tune parts it took the clean halves' dialect flags from 11 to 0 (from 46 to 18
/// where the parts are joined into one text, whose sections mix articles); at twice as often,
/// 1 and 38.
const DIALECT_KEPT: usize = 3;

/// Words English may write twice in a row (`had had`, `that that`).
pub(crate) const REPEATABLE: &[&str] =
    &["had", "that", "is", "do", "can", "bye", "ha", "no", "so", "very", "far", "really"];
/// How many checks of long texts this process runs now: `galley check` of many files runs one
/// on each core, and each then checks its sections on its share of them.
static RUNNING: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

/// One check counted in [`RUNNING`] while it lives.
struct Running;

impl Running {
    fn enter() -> Self {
        RUNNING.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        Self
    }

    /// How many checks share the cores, the one asking among them.
    fn sharing() -> usize {
        RUNNING.load(std::sync::atomic::Ordering::Relaxed).max(1)
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        RUNNING.fetch_sub(1, std::sync::atomic::Ordering::Relaxed);
    }
}

/// How many sections of a long text are checked side by side, on `cores` cores shared by
/// `checks` checks: its share of the cores, one at least, and no more than it has sections.
fn section_workers(cores: usize, checks: usize, sections: usize) -> usize {
    (cores / checks.max(1)).clamp(1, sections.max(1))
}

/// The longest word that is checked, in bytes: longer than any English word or tech term (the
/// longest in the lexicon are under 40 letters), short enough that ranking fixes for it stays
/// cheap.
pub const MAX_WORD_BYTES: usize = 64;

/// True for a word with a letter outside the Latin script, the only one galley has words for.
fn is_foreign(word: &str) -> bool {
    !word.is_ascii() && word.chars().any(|c| c.is_alphabetic() && !is_latin(c))
}

/// Latin letters: ASCII, Latin-1, Latin Extended A-E and Additional, IPA, fullwidth.
fn is_latin(c: char) -> bool {
    matches!(c,
        'a'..='z' | 'A'..='Z' | '\u{aa}' | '\u{ba}' | '\u{c0}'..='\u{24f}' | '\u{250}'..='\u{2af}'
        | '\u{1d00}'..='\u{1dbf}' | '\u{1e00}'..='\u{1eff}' | '\u{2c60}'..='\u{2c7f}' | '\u{a720}'..='\u{a7ff}'
        | '\u{ab30}'..='\u{ab6f}' | '\u{fb00}'..='\u{fb06}' | '\u{ff21}'..='\u{ff3a}' | '\u{ff41}'..='\u{ff5a}')
}

/// How to check.
#[derive(Clone, Copy, Debug)]
pub struct Options {
    /// The dialect, or `None` to choose it from the article's own spellings.
    pub dialect: Option<Dialect>,
    /// Rank fixes for misspellings (off: faster, empty lists). Casing suspects always carry
    /// their fix: it costs nothing to know.
    pub suggestions: bool,
}

impl Default for Options {
    fn default() -> Self {
        Self { dialect: None, suggestions: true }
    }
}

/// The result of a check.
#[derive(Clone, Debug)]
pub struct Checked {
    /// The dialect used (given, or chosen from the article).
    pub dialect: Dialect,
    /// The suspects, in text order.
    pub suspects: Vec<Suspect>,
}

/// A word that is not plainly right in both dialects, waiting for the article's dialect and
/// evidence. Small on purpose (12 bytes): a damaged 10 MB article has a hundred thousand of
/// them, and one of a million unknown names a million.
struct Pending {
    at: u32,
    len: u32,
    /// What the lexicon said, in American and in British English.
    verdicts: [Seen; 2],
    /// For a Title-case word, the name-like word beside it (`Kendall Roden`): a known name or
    /// an initial, or only an unknown Capitalised word (`Quorbit`), as every word of a Title
    /// Case label is beside.
    beside: Beside,
}

impl Pending {
    /// The word at `span`, or `None` past the first 4 GiB of a text (whose words are then
    /// not checked, as its capitals are not judged).
    fn new(span: Span, verdicts: [Seen; 2], beside: Beside) -> Option<Self> {
        let at = u32::try_from(span.start).ok()?;
        let len = u32::try_from(span.len()).ok()?;
        Some(Self { at, len, verdicts, beside })
    }

    fn span(&self) -> Span {
        let at = self.at as usize;
        Span::new(at, at + self.len as usize)
    }
}

/// A [`Verdict`] without its forms (looked up again, once per word, for the words that need them).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Seen {
    Known,
    Casing,
    OtherDialect,
    Unknown,
}

impl Seen {
    fn of(v: &Verdict) -> Self {
        match v {
            Verdict::Known => Self::Known,
            Verdict::Casing(_) => Self::Casing,
            Verdict::OtherDialect => Self::OtherDialect,
            Verdict::Unknown => Self::Unknown,
        }
    }
}

/// Checks `text` against `lexicon`: a long text a section at a time ([`check_each`]), its
/// suspects gathered; the dialect is the first section's.
#[must_use]
pub fn check(text: &str, lexicon: &Lexicon, options: &Options) -> Checked {
    let mut all: Option<Checked> = None;
    check_each(text, lexicon, options, |part| {
        match &mut all {
            Some(all) => all.suspects.extend(part.suspects),
            None => all = Some(part),
        }
        ControlFlow::Continue(())
    });
    all.unwrap_or_else(|| Checked { dialect: options.dialect.unwrap_or(Dialect::Us), suspects: Vec::new() })
}

/// Checks `text` against `lexicon` a section at a time ([`sections`]), and gives each section's
/// result to `each` in text order, its spans into `text`, until `each` breaks (the output is
/// gone). The sections are checked side by side on the cores this check may use, each given as
/// soon as all before it are, and none more than a few ahead of the one given next: what the
/// check holds at once is bounded by the sections in hand, not by the text. A text of one
/// section is checked whole, on this thread.
pub fn check_each(text: &str, lexicon: &Lexicon, options: &Options, mut each: impl FnMut(Checked) -> ControlFlow<()>) {
    use std::sync::atomic::{AtomicUsize, Ordering};
    let sections = sections::sections(text, sections::SECTION);
    let one = |section: Span| {
        let mut part = check_recording(section.slice(text), lexicon, *options, false).0;
        if section.start > 0 {
            for s in &mut part.suspects {
                s.span = Span::new(s.span.start + section.start, s.span.end + section.start);
            }
        }
        part
    };
    if sections.len() == 1 {
        let _ = each(one(sections[0]));
        return;
    }
    let _running = Running::enter();
    let cores = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
    let workers = section_workers(cores, Running::sharing(), sections.len());
    if workers == 1 {
        for section in sections {
            if each(one(section)).is_break() {
                return;
            }
        }
        return;
    }
    let ahead = 2 * workers;
    let next = AtomicUsize::new(0);
    // How many sections have been given, and a signal when that grows.
    let given = (std::sync::Mutex::new(0usize), std::sync::Condvar::new());
    let wait_turn = |i: usize| {
        let mut n = given.0.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        while i >= n.saturating_add(ahead) {
            n = given.1.wait(n).unwrap_or_else(std::sync::PoisonError::into_inner);
        }
    };
    let set_given = |n: usize| {
        *given.0.lock().unwrap_or_else(std::sync::PoisonError::into_inner) = n;
        given.1.notify_all();
    };
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::scope(|scope| {
        for _ in 0..workers {
            let (tx, next, sections, one, wait_turn) = (tx.clone(), &next, &sections, &one, &wait_turn);
            scope.spawn(move || {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(&section) = sections.get(i) else { break };
                    wait_turn(i);
                    let part = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| one(section)));
                    if tx.send((i, part)).is_err() {
                        break;
                    }
                }
            });
        }
        drop(tx);
        let mut waiting = std::collections::BTreeMap::new();
        let mut turn = 0;
        // No section more: the workers stop once their sections in hand are checked.
        let stop = || {
            next.store(sections.len(), Ordering::Relaxed);
            set_given(usize::MAX);
        };
        'given: for (i, part) in rx {
            waiting.insert(i, part);
            while let Some(part) = waiting.remove(&turn) {
                match part {
                    Ok(part) => {
                        if each(part).is_break() {
                            stop();
                            break 'given;
                        }
                    }
                    Err(panic) => {
                        stop();
                        std::panic::resume_unwind(panic);
                    }
                }
                turn += 1;
                set_given(turn);
            }
        }
    });
}

/// The casing model's suspects in `text`, each with its first fix and what its sureness was
/// made of (see [`Sureness`]): the rows its weights are fitted to. Whether each stays a suspect
/// is the check's to say.
#[must_use]
pub fn casing_readings(text: &str, lexicon: &Lexicon) -> Vec<(Span, String, Sureness)> {
    check_recording(text, lexicon, Options { dialect: None, suggestions: false }, true).1.casing
}

/// [`casing_readings`] where the casing of `text` shows no damage, and it keeps its casing
/// (the rows [`Sureness::undamaged_chance`] is fitted to); none elsewhere.
#[must_use]
pub fn undamaged_casing_readings(text: &str, lexicon: &Lexicon) -> Vec<(Span, String, Sureness)> {
    let readings = check_recording(text, lexicon, Options { dialect: None, suggestions: false }, true).1;
    if readings.casing_kept { readings.casing } else { Vec::new() }
}

/// The words in lower case the real-word stage weighed in `text`, each with its best candidate
/// and what the chance that it was meant is made of (see [`Slip`]): the rows its weights are
/// fitted to. Whether each is a suspect is the check's to say.
#[must_use]
pub fn real_word_readings(text: &str, lexicon: &Lexicon) -> Vec<(Span, String, Slip)> {
    check_recording(text, lexicon, Options { dialect: None, suggestions: false }, true).1.real_words
}

/// What the stages fitted on data weighed, for their rows (see [`casing_readings`] and
/// [`real_word_readings`]).
struct Readings {
    casing: Vec<(Span, String, Sureness)>,
    /// The article keeps its casing (see `casing_kept` in [`check_recording`]).
    casing_kept: bool,
    real_words: Vec<(Span, String, Slip)>,
}

/// [`check`], and when `record`, the readings of the stages fitted on data (see [`Readings`]).
// Two phases (one pass over the tokens, then the verdicts resolved with the article's evidence)
// that share their state; kept together so that the rules read in one place.
#[allow(clippy::too_many_lines)]
fn check_recording(text: &str, lexicon: &Lexicon, options: Options, record: bool) -> (Checked, Readings) {
    let mut pending: Vec<Pending> = Vec::new();
    let (mut us, mut gb) = (0usize, 0usize);
    let mut prev: Option<(&str, usize)> = None; // previous word and where it ended
    let mut known = KnownCache::for_text(text.len());
    let mut last: Option<(usize, bool)> = None; // where the previous token ended; was it a word
    let mut last_word: Option<usize> = None; // where the previous word ended
    let mut capitals: Vec<Capital> = Vec::new();
    // Code, dotted names and names in markup with a capital in them (`[ULoc]`,
    // `FlightInfo.ordered`), where an article may write its own terms (see `unknown::own_casings`; the
    // words in capitals elsewhere are among `capitals`), as start and length: 8 bytes each.
    let mut styled: Vec<(u32, u32)> = Vec::new();
    let mut keep_styled = |span: Span| {
        if let (Ok(at), Ok(len)) = (u32::try_from(span.start), u32::try_from(span.len())) {
            styled.push((at, len));
        }
    };
    let mut repeats: Vec<Span> = Vec::new();
    let mut phrases: Vec<(Span, &'static str)> = Vec::new();
    let mut words = 0usize;
    let mut lower_starts: Vec<(Span, &str)> = Vec::new();
    let mut lower_dates: Vec<Span> = Vec::new();
    let mut spacings: Vec<spacing::Fix> = Vec::new();
    let mut rare: Vec<Span> = Vec::new();
    let mut lower = LowerWords::default();
    let mut dotted: Vec<dotted::Dotted> = Vec::new();
    tokenize(text, |t| {
        if let Some((end, was_word)) = last
            && (2..=3).contains(&(t.span.start - end)) | (t.span.start == end + 1 && text.as_bytes()[end] != b' ')
            && let Some(fix) =
                spacing::in_gap(text, Span::new(end, t.span.start), was_word && t.kind == TokenKind::Word)
        {
            spacings.push(fix);
        }
        // A "word" longer than any word is a run of letters (a hash, base64, a key pressed
        // down): not spell-checked, and never the cause of quadratic work in ranking it. A
        // word in a script galley has no dictionary for (CJK, Cyrillic, Greek) is no misspelling.
        if t.kind != TokenKind::Word || t.span.len() > MAX_WORD_BYTES || is_foreign(t.span.slice(text)) {
            if t.kind == TokenKind::Identifier
                && let Some(fix) = spacing::in_dotted(text, t.span, |w| {
                    lexicon.verdict(w, Dialect::Us) == Verdict::Known && !lexicon.is_tech_only(w)
                })
            {
                spacings.push(fix);
            }
            if matches!(t.kind, TokenKind::Identifier | TokenKind::Code)
                && t.span.slice(text).bytes().any(|b| b.is_ascii_uppercase())
            {
                keep_styled(t.span);
            }
            if t.kind == TokenKind::Identifier && dotted.len() < dotted::MOST && t.span.slice(text).contains('.') {
                let start = casing::starts_sentence(text, last.map(|l| l.0), t.span.start);
                dotted.push(dotted::Dotted { span: t.span, start });
            }
            prev = None;
            last = Some((t.span.end, false));
            return;
        }
        let word = t.span.slice(text);
        words += 1;
        let gap_from = last.map(|l| l.0);
        let single_space = gap_from.is_some_and(|g| t.span.start == g + 1 && text.as_bytes()[g] == b' ');
        let first = text.as_bytes()[t.span.start];
        if first.is_ascii_uppercase() || first >= 0x80 {
            let case = if word.is_ascii() {
                match word
                    .bytes()
                    .skip(1)
                    .filter(u8::is_ascii_alphabetic)
                    .try_fold(0u8, |seen, b| Some(seen | if b.is_ascii_uppercase() { 1 } else { 2 }))
                {
                    Some(0 | 2) => Case::Title,
                    Some(1) => Case::Upper,
                    _ => Case::Mixed,
                }
            } else {
                case_of(word)
            };
            let markup = casing::is_markup_name(text, t.span);
            if markup && matches!(case, Case::Mixed | Case::Upper) {
                keep_styled(t.span);
            }
            if case != Case::Lower && (word.len() > 1 || (word == "A" && is_the_article(text, t.span))) && !markup {
                // The first word of a list item or a paragraph that opens with a reference or a
                // version (`* #131 Implement`, `- v1.2.0 Improve`) starts it.
                let after_reference = || {
                    casing::opens_after_reference(
                        span::cut(text, last_word.unwrap_or(0), t.span.start),
                        last_word.is_none(),
                    )
                };
                let start = (!single_space
                    && (casing::starts_sentence(text, gap_from, t.span.start)
                        || (last.is_some_and(|l| !l.1)
                            && casing::is_dash(span::cut(text, gap_from.unwrap_or(0), t.span.start)))))
                    || (last.is_some_and(|l| !l.1) && after_reference());
                capitals.extend(Capital::new(t.span, start, case));
            }
        } else if first.is_ascii_lowercase() {
            lower.push(t.span);
            if casing::is_date_month(text, t.span) {
                lower_dates.push(t.span);
            }
            let from = gap_from.unwrap_or(0);
            let gap = || span::cut(text, from, t.span.start);
            if !single_space
                && last.is_some_and(|l| l.1)
                && casing::ends_sentence(gap())
                && casing::wrapped_there(text, from, gap())
                && !casing::after_abbreviation(text, from + 1)
            {
                lower_starts.push((t.span, word));
            }
        }
        last = Some((t.span.end, true));
        last_word = Some(t.span.end);
        let mut rare_here = false;
        let [v_us, v_gb] = match known.probe(text.as_bytes(), t.span) {
            Ok(rare) => {
                rare_here = rare;
                [Verdict::Known, Verdict::Known]
            }
            Err(fill) => {
                let (v, frequency) = lexicon.verdicts_and_frequency(word);
                if v == [Verdict::Known, Verdict::Known] {
                    // A rare word is weighed in context at each occurrence (when a neighbour is
                    // joined to it, see below).
                    rare_here = is_rare(lexicon, word, frequency);
                    if let Some(fill) = fill {
                        known.fill(fill, rare_here);
                    }
                }
                v
            }
        };
        // Neighbours count only when a single space joins them (no punctuation between).
        let joined = prev.filter(|&(_, end)| t.span.start == end + 1 && text.as_bytes()[end] == b' ').map(|(w, _)| w);
        if rare_here && joined.is_some() {
            rare.push(t.span);
        }
        if let (Some(before), Some((_, end))) = (joined, prev)
            && before.len() == word.len()
            && before.eq_ignore_ascii_case(word)
            && !REPEATABLE.contains(&word.to_ascii_lowercase().as_str())
        {
            repeats.push(Span::new(end - before.len(), t.span.end));
        }
        let prev_pending = pending.last_mut().filter(|l| joined.is_some() && Some(l.span().end) == prev.map(|p| p.1));
        let prev_suspect = prev_pending.is_some();
        if let Some(last) = prev_pending
            && last.beside == Beside::Nothing
            && case_of(last.span().slice(text)) == Case::Title
        {
            last.beside = beside_of(lexicon, word);
        }
        // A two-word name with a suspect word in it (`linux foundation`, `hong kong`, `Hong
        // kong`): only such pairs are looked up, so the lookup costs nothing elsewhere.
        if let Some(before) = joined
            && (prev_suspect || [&v_us, &v_gb] != [&Verdict::Known, &Verdict::Known])
        {
            let start = t.span.start - 1 - before.len();
            let pair = span::cut(text, start, t.span.end);
            if let Some(name) = crate::lexicon::phrase(pair)
                && name != pair
                && phrases.last().is_none_or(|(p, _): &(Span, &str)| p.end <= start)
                && is_meant_as_name(Model::builtin(), pair, name)
            {
                phrases.push((Span::new(start, t.span.end), name));
            }
        }
        prev = Some((word, t.span.end));
        match (&v_us, &v_gb) {
            (Verdict::Known, Verdict::Known) => return,
            (Verdict::Known, _) => us += 1,
            (_, Verdict::Known) => gb += 1,
            _ => {}
        }
        let beside = match case_of(word) {
            Case::Title if beside_initial(text, t.span) => Beside::KnownName,
            Case::Title => joined.map_or(Beside::Nothing, |n| beside_of(lexicon, n)),
            _ => Beside::Nothing,
        };
        pending.extend(Pending::new(t.span, [Seen::of(&v_us), Seen::of(&v_gb)], beside));
    });
    if let Some((end, _)) = last
        && let Some(fix) = spacing::in_gap(text, Span::new(end, text.len()), false)
    {
        spacings.push(fix);
    }
    let dialect = options.dialect.unwrap_or(if gb > us { Dialect::Gb } else { Dialect::Us });
    let slot = usize::from(dialect == Dialect::Gb);
    // A word of the other dialect is flagged where the reader asked for a dialect, or where
    // the article keeps to its own ([`DIALECT_KEPT`]): one that mixes both has no convention
    // to hold it to.
    let (own, other) = if dialect == Dialect::Gb { (gb, us) } else { (us, gb) };
    let decisive = options.dialect.is_some() || own >= DIALECT_KEPT * other;
    // The stages run one after the other: a long text's sections are checked side by side
    // instead ([`check_each`]).

    // The article as evidence: how often each unknown word occurs, and which capitalised ones
    // stand beside a name somewhere (`Kendall Roden`). An entry for each distinct word: a
    // section holds at most about 32,000 words ([`sections::SECTION`]).
    let unknown = || pending.iter().filter(|p| p.verdicts[slot] == Seen::Unknown);
    let mut counts: FastMap<&str, usize> = FastMap::default();
    let mut named: FastMap<&str, Beside> = FastMap::default();
    for p in unknown() {
        let stem = stem_of(p.span().slice(text));
        count_use(stem, p, counts.entry(stem).or_default(), &mut named);
    }
    let count_of = |stem: &str| unknown::uses_of(&counts, stem);
    let mut lists = Lists::default();

    // What the article says of its known words written in another casing.
    let miscased_words = pending.iter().filter(|p| p.verdicts[slot] == Seen::Casing).map(|p| p.span().slice(text));
    let mut miscased = miscased::Miscased::new((text, lexicon, dialect), &capitals, miscased_words);
    // Each distinct word is judged a slip or not once, by lookups: a common word one edit
    // away. Its fixes are ranked once, and only when they are shown. What is kept of each is
    // small (an article of a million distinct misspellings keeps a million of these).
    let mut ranked: FastMap<&str, Ranked> = FastMap::default();
    // The article's own words, counted when a first fix is ranked (see `cache`).
    let mut article: Option<Cache> = None;
    // What the article says of its unknown words, and what is judged of each once.
    let mut unknowns =
        unknown::Unknowns::new((text, lexicon, dialect), (&counts, &named), (&capitals, &styled), &lower);
    drop(styled);
    let none = lists.of::<&str>(&[]);
    let mut suspects = Vec::new();
    // Where a surname lost its capital (see `unknown::lowered_surname`), in order.
    let mut surnames: Vec<usize> = Vec::new();
    // The log odds of each misspelling's first fix, in order (NaN where `fix` never takes it).
    let mut spelling_odds: Vec<f32> = Vec::new();
    // Where a misspelling only asked about was flagged, in order: a Capitalised word garbled twice
    // over (see `unknown::GARBLED_TITLE_MIN`) or one slip from a common word beside a name (see
    // `unknown::SLIP_BESIDE_NAME`).
    let mut only_asked: Vec<usize> = Vec::new();
    // Where a misspelling of one of the article's own names was flagged (`Rsut` where it writes
    // `Rust` again and again: see `unknown::Unknowns::slip_of_own_name`), in order.
    let mut own_name_slips: Vec<usize> = Vec::new();
    for p in &pending {
        let word = p.span().slice(text);
        // For a misspelling: how many edits away its first fix is, once the fixes are ranked.
        let mut distance = 0;
        // A misspelling asked about, never taken unasked.
        let mut asked_only = false;
        // An acronym clean prose writes, read as a slip by where it stands: asked about, never
        // taken unasked (`stabilization of NLL for` reads as `of all for` too).
        let mut acronym_slip = false;
        let kind = match p.verdicts[slot] {
            Seen::Known => continue,
            Seen::Casing => {
                if let Some(forms) = miscased.read(word, p.span(), &mut lists) {
                    suspects.push(Suspect::new(p.span(), Kind::Casing, forms));
                }
                continue;
            }
            Seen::OtherDialect if !decisive => continue,
            Seen::OtherDialect => Kind::Dialect,
            Seen::Unknown => match unknowns.read(word, p.span(), p.beside, &suspects) {
                unknown::Reading::Word => continue,
                unknown::Reading::Casing(fix) => {
                    suspects.push(Suspect::new(p.span(), Kind::Casing, lists.one(fix)));
                    continue;
                }
                unknown::Reading::Surname(fix) => {
                    suspects.push(Suspect::new(p.span(), Kind::Casing, lists.one(fix)));
                    surnames.push(p.span().start);
                    continue;
                }
                unknown::Reading::Misspelt { asked_only: asked, acronym_slip: slip } => {
                    asked_only = asked;
                    acronym_slip = slip;
                    if unknowns.slip_of_own_name(stem_of(word)) {
                        own_name_slips.push(p.span().start);
                    }
                    Kind::Spelling
                }
            },
        };
        // How far the best reading leads the next: a close call is no fix to take unasked.
        let mut margin = f64::INFINITY;
        let suggestions = if options.suggestions {
            let article = article.get_or_insert_with(|| Cache::of(lexicon, text));
            // A misspelling the article writes once is ranked without keeping its fixes: an
            // article of a hundred thousand distinct misspellings kept 26 MB of them.
            let once;
            let ranked_here = if kind == Kind::Spelling && count_of(stem_of(word)) <= 1 {
                once = Ranked::once(&suggest::rank_in(lexicon, word, dialect, article));
                &once
            } else {
                fixes(&mut ranked, &mut lists, lexicon, word, (dialect, article))
            };
            // The words around it may prefer another of its fixes (`the [powers] of`).
            let reading = (kind == Kind::Spelling).then(|| {
                in_context(
                    lexicon,
                    ranked_here.texts.iter(),
                    &ranked_here.scores,
                    crate::token::neighbours(text, p.span()),
                )
            });
            margin = reading.map_or(f64::INFINITY, |r| r.margin);
            match reading.map(|r| r.best) {
                Some(k) if k > 0 => {
                    distance = ranked_here.distances[k];
                    let moved = moved_first(ranked_here.texts.iter(), Some(k));
                    lists.of(&moved)
                }
                _ => {
                    distance = ranked_here.distances[0];
                    ranked_here.shown.clone()
                }
            }
        } else {
            none.clone()
        };
        // A word of the other dialect is this one's spelling of it first (`neighbor` is
        // `neighbour` in a British article, before the `neighbors` it also writes): of the
        // fixes as near as the first, one only this dialect writes.
        let suggestions = if kind == Kind::Dialect {
            // A word is one word in either dialect: no split (`among st` for `amongst`).
            let suggestions = if suggestions.iter().any(|f| f.contains(' ')) {
                let whole: Vec<&str> = suggestions.iter().filter(|f| !f.contains(' ')).collect();
                lists.of(&whole)
            } else {
                suggestions
            };
            let lower = word.to_lowercase();
            let near = |f: &str| strsim::osa_distance(&lower, &f.to_lowercase());
            let nearest = suggestions.first().map_or(0, near);
            let own = |f: &str| lexicon.verdict(f, dialect.other()) == Verdict::OtherDialect && near(f) == nearest;
            let k = suggestions.iter().position(own);
            if let Some(k) = k.filter(|&k| k > 0) {
                let moved = moved_first(suggestions.iter(), Some(k));
                lists.of(&moved)
            } else {
                suggestions
            }
        } else {
            suggestions
        };
        // A word in capitals among words in lower case, or in a line of prose, was damaged both
        // ways: its fixes take the casing prose gives them (`to be CRYSTLA clear` -> `crystal`,
        // `in GOOGLLE Summer of Code` -> `Google`); at the start of a sentence, with the
        // sentence's capital (`INTEAD, he said` -> `Instead`).
        let in_capitals = kind == Kind::Spelling && case_of(word) == Case::Upper;
        let first_capital = in_capitals && opens_sentence_in_small_letters(text, &capitals, p.span());
        let in_prose =
            in_capitals && (first_capital || among_prose(text, p.span()) || in_line_of_prose(text, p.span()));
        let suggestions = if in_prose {
            let starts = first_capital || capital_at(&capitals, p.span()).is_some_and(|c| c.start);
            let cased: Vec<String> = suggestions
                .iter()
                .map(|f| prose_casing(lexicon, dialect, f, starts).unwrap_or_else(|| f.to_string()))
                .collect();
            lists.of(&cased)
        } else {
            suggestions
        };
        // How sure the first fix of a misspelling is comes from the evidence (see `confidence`),
        // and from how misspelt the article is, known once every word is judged.
        let odds = (kind == Kind::Spelling && margin >= FIX_MARGIN && !asked_only && !acronym_slip)
            .then(|| {
                suggestions.first().map_or(Some(f64::INFINITY), |fix| {
                    let occurrences = count_of(stem_of(word));
                    let counted = article.as_ref().and_then(|a| a.counted_uses(&fix.to_lowercase()));
                    let in_article = counted.unwrap_or(0);
                    // An unknown word the article writes again and again, more often than
                    // its fix, is its own (see `OWN_WORD`): asked about, never taken unasked.
                    // Not for a fix of the commonest words, which the article's counts leave
                    // out (`teh` for `the` is a slip however often).
                    let own = occurrences >= realword::OWN_WORD as usize
                        && counted.is_some_and(|n| (n as usize) < occurrences);
                    // A word in small letters whose fix is another's name (`mancuso` ->
                    // `Marcus`) is most often a name that lost its capital: on the tune parts,
                    // each of the 16 such fixes `fix` took changed a right word. Unless the
                    // article writes the name itself.
                    let stranger = in_article == 0 && names_another(lexicon, word, fix);
                    // So is one after a given name (`Eric holk` -> `hook`): a surname as often
                    // as a slip (tune parts: 4 surnames kept, `holk`, `volz`, `rexed`, for one
                    // slip's fix left to the reader, `Doug feqls`).
                    let after_name =
                        case_of(word) == Case::Lower && follows_given_name(lexicon, text, p.span(), &suspects);
                    let evidence = Evidence::of(text, p.span(), fix, usize::from(distance), occurrences);
                    evidence.takeable_odds(in_article).filter(|_| !own && !stranger && !after_name)
                })
            })
            .flatten();
        if kind == Kind::Spelling {
            #[allow(clippy::cast_possible_truncation)] // log odds: a few units
            spelling_odds.push(odds.map_or(f32::NAN, |o| o as f32));
        }
        // A spelling of the other dialect is a right word there: making the article agree with
        // itself is a correction only when the reader asked for a dialect.
        let confident = match kind {
            Kind::Spelling => false, // decided below
            Kind::Dialect => options.dialect.is_some(),
            _ => true,
        };
        if asked_only {
            only_asked.push(p.span().start);
        }
        suspects.push(Suspect { confident, ..Suspect::new(p.span(), kind, suggestions) });
    }
    // A misspelling's fix is taken when its odds, moved by the article's own misspellings,
    // are good enough.
    let article_odds = confidence::article_odds(spelling_odds.len(), words);
    for (s, odds) in suspects.iter_mut().filter(|s| s.kind == Kind::Spelling).zip(spelling_odds) {
        s.confident = !odds.is_nan() && confidence::is_sure(f64::from(odds), article_odds);
    }
    // Their memory is wanted for the casing pass: a section of many distinct unknown words
    // keeps an entry for each in each.
    drop(unknowns);
    drop((pending, counts, miscased));
    let mut choices = word_choices(text, lexicon, dialect, &rare, &mut lists);
    // Real words out of place, by the model (see `realword`): weighed once the spelling
    // stages are done; the article's misspellings decide which are suspects.
    // The casing model needs only the words and where they stand.
    let mut judged = model_casing(text, (&capitals, &lower, &lower_starts), &mut Lists::default(), record);
    let readings = std::mem::take(&mut judged.readings);
    // An article whose casing shows no damage wrote its casing on purpose (judged on enough
    // words: a sentence or two says little of its damage, and keeps the rules).
    // Nor is the casing of an article that misspells many of its words its own (see
    // [`misspells_much`]).
    let casing_kept = judged.shows_no_damage() && !misspells_much(text, lexicon, &suspects, words);
    // There the chance fitted to such articles decides the model's readings (below): those the
    // general chance finds too seldom right join its suspects.
    let undamaged = std::mem::take(&mut judged.undamaged);
    let quiet = std::mem::take(&mut judged.quiet);
    if casing_kept && !quiet.is_empty() {
        judged.suspects.extend(quiet);
        sort_by_start(&mut judged.suspects);
    }
    // In such an article the rare-word rule, which weighs no more than the neighbours, says
    // little: nothing else there shows damage. A rare word where a commoner one would read
    // better on one side only is no suspect (`work out the kinks` -> `links`, `ingesting
    // samples` -> `investing`), and one where it would on both sides is asked about, not taken
    // (`experience, and zeal to`, `we joined, and minuted the meeting`). (The model's word
    // choices weigh the article's misspellings already.)
    if casing_kept {
        choices.retain(|s| s.confident);
        for s in &mut choices {
            s.confident = false;
        }
    }
    // A Capitalised word garbled twice over, or slipped beside a name, is one only where the
    // article's capitals show the damage: in a sentence or two that shows none, it is a name.
    let capitals_undamaged = judged.raised < truecase::DAMAGED_CAPITALS;
    if capitals_undamaged && !only_asked.is_empty() {
        suspects.retain(|s| s.kind != Kind::Spelling || only_asked.binary_search(&s.span.start).is_err());
    }
    // Whether the article hardly ever makes a slip of a word (see [`FAR_SLIPS`]), found below.
    let mut hardly = false;
    // In an article long enough to show that its capitals are its own (a sentence alone says
    // little: `careful WEJN using`), a word in capitals no dictionary knows is an acronym or a
    // name where no word lies one slip from it (`the AUTOSAR architecture`, `GROMACS`, `AFAICT`,
    // which `fix` took for `Affect`: on the tune parts, 7 fewer flags on the clean halves and 2 on
    // the damaged ones, all right words, and no garbled word less; one slip away, they were:
    // `STLL`, `AGIN`), and wherever the article hardly ever misspells its words in small letters
    // (`Tracing FTW!`, `the AMER and EMEA sessions`, `SEVERIN NEUMANN:` before an interview's
    // answer: see [`CLEAN_SLIPS`]). Asked of the lexicon, not of the ranked fixes, so that a check
    // without fixes flags the same words.
    if capitals_undamaged && judged.weighed >= truecase::ENOUGH_WORDS {
        let in_capitals = |s: &Suspect| s.kind == Kind::Spelling && case_of(stem_of(s.word(text))) == Case::Upper;
        let small = suspects.iter().filter(|s| s.kind == Kind::Spelling && !in_capitals(s)).count();
        #[allow(clippy::cast_precision_loss)] // counts of words
        let few_slips = (small as f64) < CLEAN_SLIPS * words as f64;
        // Each misspelling's probe of the lexicon made once: the rules below ask it again.
        let mut near_of: FastMap<usize, bool> = FastMap::default();
        let mut far = |s: &Suspect| {
            !*near_of
                .entry(s.span.start)
                .or_insert_with(|| suggest::has_near(lexicon, &stem_of(s.word(text)).to_lowercase(), 0.0))
        };
        // Unless it is long, among small letters, and one slip from a common word ([`TERM_SLIP`]).
        let slip_of_common =
            |s: &Suspect| among_small_letters(text, s.span) && long_slip(lexicon, s.word(text), TERM_SLIP);
        suspects.retain(|s| !(in_capitals(s) && (few_slips || far(s))) || slip_of_common(s));
        // So is a word in small letters or Capitalised that no word lies one slip from
        // (`debruijn`, `ringbahn`), where the article hardly ever makes such a slip: the
        // misspellings it does make are mostly a slip from a word (see [`FAR_SLIPS`]).
        if hardly_slips(&suspects, &only_asked, words, &mut far) {
            hardly = true;
            suspects.retain(|s| s.kind != Kind::Spelling || !far(s));
            // ... and a short one is asked about, never taken unasked (see [`SHORT_TERM`]).
            let short = |s: &Suspect| stem_of(s.word(text)).chars().count() <= SHORT_TERM;
            for s in suspects.iter_mut().filter(|s| s.kind == Kind::Spelling && short(s)) {
                s.confident = false;
            }
        }
    }
    // Real words out of place, weighed in small letters where a stray capital comes off too:
    // where the casing shows no damage, its capitals are the author's.
    let mut stray: Vec<Span> = if casing_kept { Vec::new() } else { stray_capitals(text, lexicon, &judged, &capitals) };
    // So is the first word of a sentence, whose capital is the sentence's: slips strike it as
    // they strike any word (`Notice` for `Notified`), and only a sure one is a suspect.
    let starts = sentence_starts(text, lexicon, &capitals);
    if !starts.is_empty() {
        stray.extend(&starts);
        stray.sort_unstable_by_key(|s| s.start);
        stray.dedup();
    }
    // Counted without the misspellings only asked about (`only_asked`): as likely names as
    // slips, they say little of the article's damage.
    let misspelt = suspects
        .iter()
        .filter(|s| s.kind == Kind::Spelling && only_asked.binary_search(&s.span.start).is_err())
        .count();
    let RealWords { suspects: mut real_words, unsure_slips, weighed: slips_weighed } =
        real_words(text, lexicon, (&lower, &stray), (misspelt, words), &mut lists, record);
    // A sentence's first word keeps its capital.
    for s in real_words.iter_mut().filter(|s| starts.binary_search_by_key(&s.span.start, |x| x.start).is_ok()) {
        let capitalised: Vec<String> = s.suggestions.iter().map(casing::capitalised).collect();
        s.suggestions = lists.of(&capitalised);
    }
    merge::add(text, &mut suspects, Stage::RealWords, real_words);
    merge::add(text, &mut suspects, Stage::RareWords, choices);
    sort_by_start(&mut suspects);
    drop(rare);
    drop(ranked);
    let found = Found {
        words,
        named: &named,
        capitals: &capitals,
        lower_starts: &lower_starts,
        lower: &lower,
        lower_dates: &lower_dates,
    };
    let beyond_doubt = std::mem::take(&mut judged.beyond_doubt);
    context_casing(text, lexicon, dialect, found, judged, &mut lists, &mut suspects);
    if !unsure_slips.is_empty() {
        offer_slips_after_casing(text, unsure_slips, &mut lists, &mut suspects);
    }
    // Repeats and doubled apostrophes: what a careless hand or a bad converter leaves (one at
    // a time: `the the the`).
    let repeated = repeats.into_iter().map(|span| {
        let pair = span.slice(text);
        Suspect::new(span, Kind::Repeat, lists.one(pair.split(' ').next().unwrap_or(pair)))
    });
    merge::add(text, &mut suspects, Stage::Repeats, repeated.collect::<Vec<_>>());
    // Spacing: what a careless hand or a bad converter leaves between words.
    spacing::doubled_apostrophes(text, |fix| spacings.push(fix));
    let spaced: Vec<Suspect> =
        spacings.into_iter().map(|(span, fix)| Suspect::new(span, Kind::Spacing, lists.one(fix))).collect();
    merge::add(text, &mut suspects, Stage::Spacing, spaced);
    // Two-word names, in text order and never overlapping.
    let two_word: Vec<Suspect> =
        phrases.into_iter().map(|(span, name)| Suspect::new(span, Kind::Casing, lists.one(name))).collect();
    merge::add(text, &mut suspects, Stage::Phrases, two_word);
    // Dotted names of code a part of which the damage Capitalised (`List.Sort`, `E.G.`), out of
    // headings, where Title Case is the author's.
    // (One look at each line, the names being in text order.)
    let mut line = casing::Line::default();
    dotted.retain(|d| !line.is_heading(text, d.span.start));
    merge::add(
        text,
        &mut suspects,
        Stage::DottedNames,
        dotted::suspects(text, &dotted, !capitals_undamaged, &mut lists),
    );
    // In an article whose casing shows no damage, a name in lower case (`linux` as the
    // command), a capital in a heading or a list, an acronym written small (`https`) are the
    // author's style. Still raised: a sentence that starts in lower case, the pronoun `i`,
    // and a name no tech list holds that the article itself writes as the fix inside a
    // sentence (`roden` where it names Kendall Roden; `rust` beside `Rust` may be the
    // command); a capital the model takes down beyond doubt (`bugs Which Would Allow`); and a
    // reading the chance fitted to such articles finds right often enough
    // ([`truecase::Sureness::UNDAMAGED_ASKED`]: a little damage, `They Tell us Why They
    // Dropped The Language`).
    if casing_kept {
        let starts: FastSet<usize> = lower_starts.iter().map(|(span, _)| span.start).collect();
        let written: FastSet<&str> = capitals.iter().filter(|c| !c.start).map(|c| c.span().slice(text)).collect();
        let chance = |s: &Suspect| truecase::Judged::undamaged_chance(&undamaged, s.span.start);
        suspects.retain(|s| {
            s.kind != Kind::Casing
                || chance(s) >= truecase::Sureness::UNDAMAGED_ASKED
                || starts.contains(&s.span.start)
                || is_first_person(s.word(text))
                || beyond_doubt.binary_search(&s.span.start).is_ok()
                || surnames.binary_search(&s.span.start).is_ok()
                || s.suggestions.first().is_some_and(|f| written.contains(f) && !lexicon.is_tech_name(f))
        });
        // Those it keeps are asked about, not taken unasked: a sentence the author starts in
        // lower case (`default value is 1.`) and a name written both ways (`aodh` beside
        // `Aodh`) may be the author's choice. `fix` still takes the pronoun (`i`, `i'll`), a
        // capital beyond doubt, and a reading the fitted chance finds right often enough
        // ([`truecase::Sureness::UNDAMAGED_LIKELY`]).
        for s in suspects.iter_mut().filter(|s| s.kind == Kind::Casing) {
            s.confident = (s.confident
                && (is_first_person(s.word(text)) || beyond_doubt.binary_search(&s.span.start).is_ok()))
                || chance(s) >= truecase::Sureness::UNDAMAGED_LIKELY;
        }
        // ... and its unknown words are judged as its own.
        own_unknown_words(text, lexicon, (&capitals, &starts), (&own_name_slips, hardly), &mut suspects);
    }
    names_of_code(text, lexicon, dialect, &mut suspects);
    sort_by_start(&mut suspects);
    (Checked { dialect, suspects }, Readings { casing: readings, casing_kept, real_words: slips_weighed })
}

/// True when the misspellings among `suspects` that lie one slip from a word (not `far`), those
/// only asked about (`only_asked`) apart, are fewer than [`FAR_SLIPS`] of the text's `words`,
/// counted as if it had [`FAR_PRIOR_WORDS`] words more and one such slip among them: a short text
/// says little of its damage. Counted until there are enough.
fn hardly_slips(
    suspects: &[Suspect],
    only_asked: &[usize],
    words: usize,
    far: &mut impl FnMut(&Suspect) -> bool,
) -> bool {
    #[allow(clippy::cast_precision_loss, clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let enough = (FAR_SLIPS * (words as f64 + FAR_PRIOR_WORDS) - 1.0).ceil().max(0.0) as usize;
    let slips = suspects
        .iter()
        .filter(|s| s.kind == Kind::Spelling && only_asked.binary_search(&s.span.start).is_err())
        .filter(|s| !far(s))
        .take(enough)
        .count();
    slips < enough
}

/// True when the misspellings among `suspects`, in small letters, are [`DAMAGED_SLIPS`] of the
/// text's `words` or more: the text was damaged, and a short one may show too few capitals to
/// tell. Only slips of a word count, one edit from it: an unknown handle or term is none
/// (`pnkfelix`). Counted until there are enough.
fn misspells_much(text: &str, lexicon: &Lexicon, suspects: &[Suspect], words: usize) -> bool {
    #[allow(clippy::cast_precision_loss, clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let enough = ((DAMAGED_SLIPS * words as f64).ceil() as usize).max(1);
    let slips = suspects
        .iter()
        .filter(|s| s.kind == Kind::Spelling && case_of(s.word(text)) == Case::Lower)
        .filter(|s| suggest::has_near(lexicon, s.word(text), 0.0))
        .take(enough)
        .count();
    slips >= enough
}

/// Takes off the casing and spelling suspects of words inside names of code, whose casing is
/// their own: a compound the article also writes as code, a package's name, a chain of words in
/// small letters joined by hyphens.
fn names_of_code(text: &str, lexicon: &Lexicon, dialect: Dialect, suspects: &mut Vec<Suspect>) {
    // A word inside a compound the article also writes as code (`native-tls` beside
    // `` `native-tls` ``) is part of an identifier, whose casing is its own.
    let compound = |s: &Suspect| compound_around(text, s.span);
    if suspects.iter().any(|s| s.kind == Kind::Casing && compound(s).is_some()) {
        let code = code_spans(text);
        suspects.retain(|s| s.kind != Kind::Casing || compound(s).is_none_or(|c| !code.contains(c)));
    }
    // A word glued into a package's name (`linux-raw-sys`, `lol-html`) is the package's.
    suspects.retain(|s| {
        !matches!(s.kind, Kind::Casing | Kind::Spelling) || !in_package_name(text, s.span, lexicon, dialect)
    });
    // ... and so is one in a compound of small letters joined by hyphens that chains three
    // words or more (`opentelemetry-collector-contrib`, `otel-sig-end-user`: a repository's, a
    // package's or a channel's name, which clean prose chains so only in its own casing) ...
    let small = |s: &Suspect| compound_around(text, s.span).filter(|c| c.contains('-') && is_small_compound(c));
    suspects.retain(|s| s.kind != Kind::Casing || small(s).is_none_or(|c| c.matches('-').count() < 2));
    // ... or that the article writes in small letters every time, more than once
    // (`rust-analyzer`): a tool's or a project's name, in its own casing.
    if suspects.iter().any(|s| s.kind == Kind::Casing && small(s).is_some()) {
        let own = own_small_compounds(text);
        suspects.retain(|s| s.kind != Kind::Casing || small(s).is_none_or(|c| !own.contains(c)));
    }
}

/// An article whose casing shows no damage and that starts this many sentences in small letters
/// (words [`casing::raise_at_start`] would raise) writes them so on purpose: none is raised. Set
/// on the tune parts: 2 took 13 flags off their clean halves one by one (16 joined), every
/// one a right word; 3, 9; any number, 23, but a lone sentence in small letters is as often a
/// slip, and is still asked about. Nothing else moved (damaged halves, light sets).
const OWN_WAY_STARTS: usize = 2;

/// Adds the casing suspects that need the sentence around a word (see [`casing`]), and turns
/// lower-case occurrences of the article's own names from misspellings into casing suspects.
// The rules and the model meet here, in the order their priorities need: kept in one place.
#[allow(clippy::too_many_lines)]
fn context_casing(
    text: &str,
    lexicon: &Lexicon,
    dialect: Dialect,
    found: Found<'_, '_>,
    judged: truecase::Judged,
    lists: &mut Lists,
    suspects: &mut Vec<Suspect>,
) {
    let Found { words, named, capitals, lower_starts, lower, lower_dates } = found;
    let shows_no_damage = judged.shows_no_damage();
    debug_assert!(suspects.is_sorted_by_key(|s| s.span.start), "the casing rules search the suspects by start");
    // How the article writes each word it Capitalises inside a sentence, and where it writes
    // that word in lower case, keyed by the word where it is first written.
    let title_case = || capitals.iter().filter(|c| !c.start && c.case == Case::Title);
    let mut usage: FastMap<Folded<'_>, Usage> = FastMap::default();
    for c in title_case() {
        let u = usage.entry(Folded(c.span().slice(text))).or_default();
        u.title = u.title.saturating_add(1);
    }
    // Only three kinds of word need their lower-case uses counted: one the article capitalises
    // often enough to be its own name; one that may be a name (and so be raised where it is
    // written in lower case); and a tool the lists know in lower case (`Urlopen` is a stray
    // capital where the article writes `urlopen` more). Usually few; the first pass's list of
    // lower-case words counts them.
    // Borrowed from `usage`: an article of a million distinct names watches them all.
    // At most one a word of `usage`: sized once, not doubled as they grow.
    let mut keys: Vec<&str> = Vec::with_capacity(usage.len());
    // Lower-case uses of each key and whether it may be a name (8 bytes a key: an article of a
    // million distinct names watches them all); where a name is written in lower case.
    let mut seen: Vec<(u32, bool)> = Vec::with_capacity(usage.len());
    let mut spans: FastMap<u32, Vec<Span>> = FastMap::default();
    for (k, u) in &usage {
        let form = k.0;
        let sense = lexicon.capital_sense(form, dialect);
        let name = matches!(sense, Sense::Name | Sense::Unknown);
        if name
            || sense == Sense::Tool
            || (u.title >= Usage::OWN_NAME && lexicon.frequency(form) < casing::FUNCTION_WORD)
        {
            keys.push(form);
            seen.push((0, name));
        }
    }
    if !keys.is_empty() {
        let watch = Watch::of(&keys);
        lower.each(|span| {
            if watch.may_hold(text, span)
                && let Some(i) = watch.get(text, span)
            {
                let entry = &mut seen[i];
                entry.0 = entry.0.saturating_add(1);
                if entry.1 {
                    #[allow(clippy::cast_possible_truncation)] // fewer keys than words, and words than bytes
                    spans.entry(i as u32).or_default().push(span);
                }
            }
        });
    }
    if judged.raised >= truecase::DAMAGED_CAPITALS {
        let channel = (judged.raised, judged.lowered);
        let taken_down: Vec<usize> = capitals_taken_down(text, &judged).iter().map(|s| s.start).collect();
        let found = (capitals, lower, taken_down.as_slice(), channel);
        lower_fixes_of_capitalised_misspellings(text, (lexicon, dialect), found, lists, suspects);
    }
    // Only the words written in lower case somewhere get an owned key of their own.
    let written_lower: Vec<(&str, usize, Vec<Span>)> = keys
        .into_iter()
        .zip(seen)
        .enumerate()
        .filter(|(_, (_, (count, _)))| *count > 0)
        .map(|(i, (k, (count, _)))| {
            #[allow(clippy::cast_possible_truncation)] // as above
            let where_ = spans.remove(&(i as u32)).unwrap_or_default();
            (k, count as usize, where_)
        })
        .collect();
    let mut lowered: FastMap<String, Vec<Span>> = FastMap::default();
    for (k, count, spans) in written_lower {
        if let Some(u) = usage.get_mut(&Folded(k)) {
            u.lower = u32::try_from(count).unwrap_or(u32::MAX);
        }
        if !spans.is_empty() {
            let mut key = String::new();
            casing::lower_into(&mut key, k);
            lowered.insert(key, spans);
        }
    }
    let mut found = casing::capitals(text, words, lexicon, dialect, capitals, suspects, &usage, &lowered, lists);
    let known = judged.known; // where the model's verdict replaces the rules' casing verdicts
    let is_known = |s: &Suspect| s.kind == Kind::Casing && known.binary_search(&s.span.start).is_ok();
    found.suspects.retain(|s| !is_known(s));
    suspects.retain(|s| !is_known(s));
    let mut shown = std::mem::take(&mut found.shown);
    shown.sort_unstable();
    let mut self_named = std::mem::take(&mut found.self_named);
    self_named.sort_unstable();
    // What the article shows to be a name the model does not lower; it may still give the name
    // capitals it lost (`the Windows Api` -> `API`), never take any away (`THE SOFTWARE`). A
    // word name-like by its own sense alone (`self_named`) it lowers only where it is sure.
    let gives_capitals =
        |s: &Suspect| s.suggestions.first().is_some_and(|f| truecase::capitals(f) > truecase::capitals(s.word(text)));
    let model_suspects = judged.suspects.into_iter().filter(|s| {
        let among = |starts: &[usize]| starts.binary_search(&s.span.start).is_ok();
        gives_capitals(s) || !(among(&shown) || (among(&self_named) && !s.confident))
    });
    merge::add(text, suspects, Stage::Acronyms, found.acronyms);
    let dates: Vec<Suspect> = lower_dates
        .iter()
        .map(|&span| Suspect::new(span, Kind::Casing, lists.one(casing::capitalised(span.slice(text)))))
        .collect();
    merge::add(text, suspects, Stage::Dates, dates);
    merge::add(text, suspects, Stage::CasingRules, found.suspects);
    // Lower-case occurrences of the article's own names (`roden` beside `Roden`).
    let mut raised: FastMap<Span, Fixes> = FastMap::default();
    for (key, form) in &found.names {
        let u = usage.get(&Folded(key)).copied().unwrap_or_default();
        if let Some(spans) = lowered.get(key.as_str())
            && casing::lowered_name(lexicon, form, u, named.get(form.as_str()).copied().unwrap_or(Beside::Nothing))
        {
            // Not a command followed by its options (`python -m pip`).
            let command = |s: &Span| {
                let after = &text.as_bytes()[s.end..];
                after.starts_with(b" -") && after.get(2).is_some_and(u8::is_ascii_alphabetic)
            };
            // An acronym the damage wrote half lowered here too (`Ci` beside `ci`) takes its capitals.
            let fix = match truecase::half_lowered_acronym(Model::builtin(), form) {
                Some(acronym) => lists.one(acronym),
                None => lists.one(form.clone()),
            };
            raised.extend(spans.iter().filter(|s| !command(s)).map(|&s| (s, fix.clone())));
        }
    }
    let own_names = raised.into_iter().map(|(span, suggestions)| Suspect::new(span, Kind::Casing, suggestions));
    merge::add(text, suspects, Stage::OwnNames, own_names);
    merge::add(text, suspects, Stage::CasingModel, model_suspects);
    let taken = merge::Starts::of(suspects);
    // A sentence in small letters is raised (and asked about where the casing shows no damage:
    // the author may have meant it). Where an article whose casing shows no damage starts
    // several sentences so, that is its way (`default value is 1.` in option lists, `please`
    // in a changelog's notes), not a slip: none is raised. The damage galley meets lowers
    // names, which the other stages raise wherever they stand, not sentence starts as such.
    // Counted only where the casing shows no damage (few starts in small letters there); a
    // damaged article's many starts, most of them taken by other stages, are asked about once.
    let to_raise = |word: &str| casing::raise_at_start(lexicon, word, dialect);
    let own_way =
        shows_no_damage && lower_starts.iter().filter(|(_, word)| to_raise(word)).nth(OWN_WAY_STARTS - 1).is_some();
    let raised_starts: Vec<Suspect> = if own_way {
        Vec::new()
    } else {
        lower_starts
            .iter()
            .filter(|(span, word)| {
                !taken.contains(span.start) && known.binary_search(&span.start).is_err() && to_raise(word)
            })
            .map(|&(span, word)| Suspect::new(span, Kind::Casing, lists.one(casing::capitalised(word))))
            .collect()
    };
    drop(taken); // 8 bytes a suspect, not kept beside the merge's own
    merge::add(text, suspects, Stage::SentenceStarts, raised_starts);
    sort_by_start(suspects);
}

/// The misspellings of an article whose casing shows no damage, judged as its own words: it
/// writes its capitals on purpose, and its odd words in small letters are its own when no slip
/// could have made them.
fn own_unknown_words(
    text: &str,
    lexicon: &Lexicon,
    (capitals, lower_starts): (&[Capital], &FastSet<usize>),
    (own_name_slips, hardly): (&[usize], bool),
    suspects: &mut Vec<Suspect>,
) {
    // An unknown word it Capitalises inside a sentence is a name: no slip of a common word, which
    // it would write in small letters (`Kei`, `Bos` and `Lusby` are not `Key`, `Boss` and
    // `Lusty`). One a name or term is near (`Pyhton`) is asked about, never taken unasked.
    let inside: FastSet<usize> = capitals.iter().filter(|c| !c.start).map(|c| c.span().start).collect();
    let named_inside = |s: &Suspect| {
        s.kind == Kind::Spelling && case_of(s.word(text)) == Case::Title && inside.contains(&s.span.start)
    };
    // Asked of the lexicon, not of the fixes, so that `--no-suggestions` flags the same: the
    // commonest word one edit away is a name or a term. Where the article hardly ever slips
    // (`hardly`), only a term's: a word one slip from a person's or a place's name is another
    // name (`Dorrin` is no `Darrin`), while `Pyhton` is still asked about.
    let near_name = |word: &str| {
        suggest::words_near(lexicon, word, 0.0).first().is_some_and(|(key, _)| {
            let name = casing::capitalised(key);
            (lexicon.is_name(&name) && !hardly) || lexicon.is_tech_name(&name)
        })
    };
    // So is one it Capitalises again and again ([`realword::OWN_WORD`] times or more), at a
    // sentence's start too: a name of its own, however near another (`Niko`, named six times,
    // is no `Nikko`).
    let titled = |s: &Suspect| s.kind == Kind::Spelling && case_of(s.word(text)) == Case::Title;
    let mut uses: FastMap<&str, u32> = FastMap::default();
    for s in suspects.iter().filter(|s| titled(s)) {
        *uses.entry(stem_of(s.word(text))).or_default() += 1;
    }
    let again = |s: &Suspect| uses.get(stem_of(s.word(text))).is_some_and(|&n| n >= realword::OWN_WORD);
    // Nor is a long one a slip of a common word makes (`Hopefuwlly`, see [`OWN_NAME_SLIP`]), nor
    // one a slip of a name the article writes again and again makes (`Rsut` where it writes
    // `Rust`: `own_name_slips`). On the tune parts' lightly damaged pairs, the last flagged 12
    // more of their 1,388 misspellings, and no more of the clean halves' words; on the report
    // parts, measured once after, 15 more of 1,488 for 3 more flags of the clean halves.
    suspects.retain(|s| {
        (!named_inside(s)
            || near_name(s.word(text))
            || long_slip(lexicon, s.word(text), OWN_NAME_SLIP)
            || own_name_slips.binary_search(&s.span.start).is_ok())
            && !(titled(s) && again(s))
    });
    // An unknown word in capitals is such an article's term (`BLEU`, `SPLADE`), and one with a
    // first capital, at a sentence's start too, a name as often as a slip (`Centril, for doing`,
    // `Noda Time`): asked about, never taken unasked.
    let term_inside = |s: &Suspect| {
        s.kind == Kind::Spelling && case_of(s.word(text)) == Case::Upper && inside.contains(&s.span.start)
    };
    for s in suspects.iter_mut().filter(|s| titled(s) || term_inside(s)) {
        s.confident = false;
    }
    // An unknown word in small letters that no word is near, two edits or fewer, is no slip of the
    // keys, and nothing could be offered for it: the article's own (a handle, a new word:
    // `nikomatsakis`, `neurodivergent`).
    suspects.retain(|s| {
        s.kind != Kind::Spelling
            || case_of(s.word(text)) != Case::Lower
            || suggest::has_near_twice(lexicon, s.word(text), 0.0)
    });
    // So is one that opens a sentence, where such an article writes a capital: written in small
    // letters there on purpose, it is a handle or a name in its own casing (`jneem continued the
    // work`, `tmandry: Do you want`, `autocfg` as a title), not a slip, which would keep the
    // sentence's capital.
    let opens = |s: &Suspect| {
        let before = span::head(text, s.span.start).trim_end_matches([' ', '\t', '\r', '\n']);
        lower_starts.contains(&s.span.start)
            || before.is_empty()
            || (before.len() < s.span.start
                && before.ends_with(['.', '!', '?'])
                && !casing::after_abbreviation(text, before.len()))
    };
    suspects.retain(|s| !(s.kind == Kind::Spelling && case_of(s.word(text)) == Case::Lower && opens(s)));
}

/// In an article Capitalised at random, a misspelt word Capitalised inside a sentence was
/// damaged both ways: its fixes are the words in lower case (`More [Detaield] When` ->
/// `detailed`), where those are words clean prose writes in lower case.
///
/// Unless the fix is a name here: see [`name_odds`].
fn lower_fixes_of_capitalised_misspellings(
    text: &str,
    (lexicon, dialect): (&Lexicon, Dialect),
    (capitals, lower, taken_down, (raised, lowered)): (&[Capital], &LowerWords, &[usize], (f64, f64)),
    lists: &mut Lists,
    suspects: &mut [Suspect],
) {
    let model = Model::builtin();
    let wanted = |s: &Suspect| {
        s.kind == Kind::Spelling && case_of(s.word(text)) == Case::Title && inside_sentence(capitals, s.span)
    };
    let uses = uses_of_fixes(text, (capitals, lower, taken_down), suspects.iter().filter(|s| wanted(s)));
    for s in suspects.iter_mut().filter(|s| wanted(s)) {
        let lowered: Vec<String> = s
            .suggestions
            .iter()
            .map(|f| {
                let l = f.to_lowercase();
                // Written in lower case inside sentences more than any other way: `thanks` and
                // `note`, which sentences start with often enough to make `Thanks` and `Note`
                // their commonest forms in all.
                let (mut lower, mut most, mut all) = (0, 0, 0);
                for form in model.forms(&l) {
                    lower = if form.text == l { form.inside } else { lower };
                    most = most.max(form.inside);
                    all += u64::from(form.inside);
                }
                let common = lower > 0 && lower >= most;
                let written = uses.get(l.as_str()).copied().unwrap_or_default();
                let name = name_odds((u64::from(lower), all), written, (raised, lowered)) > 0.0;
                if case_of(f) == Case::Title && common && !name && lexicon.verdict(&l, dialect) == Verdict::Known {
                    l
                } else {
                    f.to_string()
                }
            })
            .collect();
        s.suggestions = lists.of(&lowered);
    }
}

/// How often the article writes each fix of `misspelt` (in lower case) Capitalised inside
/// sentences, and in small letters (`lower`). A capital the casing stage takes down
/// (`taken_down`, the starts of its suspects in order) is the damage's, not the article's
/// (`Helps Keep You Future-Compatible`): it is not counted.
fn uses_of_fixes<'s>(
    text: &str,
    (capitals, lower, taken_down): (&[Capital], &LowerWords, &[usize]),
    misspelt: impl Iterator<Item = &'s Suspect>,
) -> FastMap<String, (u32, u32)> {
    let mut uses: FastMap<String, (u32, u32)> =
        misspelt.flat_map(|s| s.suggestions.iter().map(|f| (f.to_lowercase(), (0, 0)))).collect();
    if uses.is_empty() {
        return uses;
    }
    let kept = |c: &&Capital| taken_down.binary_search(&c.span().start).is_err();
    for c in capitals.iter().filter(|c| !c.start && c.case == Case::Title).filter(kept) {
        let (word, _) = truecase::possessive(c.span().slice(text));
        if let Some(n) = uses.get_mut(word.to_lowercase().as_str()) {
            n.0 += 1;
        }
    }
    lower.each(|span| {
        let (word, _) = truecase::possessive(span.slice(text));
        if let Some(n) = uses.get_mut(word) {
            n.1 += 1;
        }
    });
    uses
}

/// The log odds that a word is a name here, written with a capital inside sentences
/// (`using the opentelemetry [Collecor]` in an article that writes `the Collector` again and
/// again), rather than a word in small letters that the damage Capitalised: clean prose's odds
/// (of its `(lower, all)` uses inside sentences, `lower` in small letters), moved by the
/// article's own `(capitalised, small)` uses of it inside sentences. The damage Capitalises a
/// word in small letters at the rate `raised` and lowers a name at `lowered`, each estimated
/// from the article (see `truecase::Channel`). Half a use each way keeps a word clean prose
/// never Capitalises from odds of nothing.
#[allow(clippy::cast_precision_loss)] // counts
fn name_odds((lower, all): (u64, u64), (capitalised, small): (u32, u32), (raised, lowered): (f64, f64)) -> f64 {
    let corpus = (all.saturating_sub(lower) as f64 + 0.5).ln() - (lower as f64 + 0.5).ln();
    let clamp = |p: f64| p.clamp(0.01, 0.99);
    let (raised, lowered) = (clamp(raised), clamp(lowered));
    let (caps, small) = (f64::from(capitalised), f64::from(small));
    corpus + caps * ((1.0 - lowered) / raised).ln() + small * (lowered / (1.0 - raised)).ln()
}

/// The words whose stray capital the model or the rules take off (in text order), which the
/// real-word stage weighs in small letters too: damage that Capitalises words strikes slips too
/// (`new [Insight] and learning`). So is a word the model knows too little of to judge, which
/// the rules take the capital off: a rare word of general English Capitalised inside a sentence
/// (`to enable a [Barge] and growing network`), no name.
fn stray_capitals(text: &str, lexicon: &Lexicon, judged: &truecase::Judged, capitals: &[Capital]) -> Vec<Span> {
    let mut stray = capitals_taken_down(text, judged);
    // Beside a capital inside the sentence that the model leaves standing, such a word is a
    // name's (`the Project Directors`): damage's capitals come in runs, and the model takes
    // the others of a run down. So is one beside a word that marks a name wherever it
    // stands (`Mara Bos`: see [`name_like`]).
    let mut lowered: Vec<usize> = stray.iter().map(|s| s.start).collect();
    lowered.sort_unstable();
    let kept = |c: &Capital| !c.start && lowered.binary_search(&c.span().start).is_err();
    // The capitals before and after the `i`th, where one space joins them to it.
    let beside_kept = |i: usize, span: Span| {
        let spaced = |at: usize| text.as_bytes().get(at) == Some(&b' ');
        let before = i.checked_sub(1).and_then(|p| capitals.get(p));
        let before = before.filter(|c| c.span().end + 1 == span.start && spaced(c.span().end));
        let after = capitals.get(i + 1).filter(|c| c.span().start == span.end + 1 && spaced(span.end));
        let (prev, next) = crate::token::neighbours(text, span);
        before.is_some_and(kept)
            || after.is_some_and(kept)
            || prev.into_iter().chain(next).any(|n| name_like(lexicon, n))
    };
    let rare: Vec<Span> = capitals
        .iter()
        .enumerate()
        .filter(|(_, c)| !c.start && c.case == Case::Title)
        .filter(|&(i, c)| {
            let span = c.span();
            judged.known.binary_search(&span.start).is_err()
                && rare_word_capitalised(text, lexicon, span)
                && !beside_kept(i, span)
        })
        .map(|(_, c)| c.span())
        .collect();
    // ... but not one the article Capitalises again and again: its own name (`the Project
    // Directors`), which damage seldom makes.
    let mut uses: FastMap<&str, u32> = FastMap::default();
    for span in &rare {
        *uses.entry(span.slice(text)).or_default() += 1;
    }
    stray.extend(rare.into_iter().filter(|span| uses.get(span.slice(text)).is_some_and(|&n| n < Usage::OWN_NAME)));
    stray.sort_unstable_by_key(|s| s.start);
    stray.dedup();
    stray
}

/// The words that start a sentence in Title Case, of ASCII letters, that general English writes
/// in small letters and that are no name (see [`rare_word_capitalised`]), in text order; nor
/// one the article Capitalises inside a sentence too: its own name (`Strum is a set of`).
fn sentence_starts(text: &str, lexicon: &Lexicon, capitals: &[Capital]) -> Vec<Span> {
    // Sentences start with the same few words again and again: each is asked once.
    let mut asked: FastMap<&str, bool> = FastMap::default();
    let mut starts: Vec<Span> = capitals
        .iter()
        .filter(|c| c.start && c.case == Case::Title)
        .map(|c| c.span())
        .filter(|&span| *asked.entry(span.slice(text)).or_insert_with(|| rare_word_capitalised(text, lexicon, span)))
        .collect();
    if starts.is_empty() {
        return starts;
    }
    let mut named: FastMap<String, bool> = starts.iter().map(|s| (s.slice(text).to_ascii_lowercase(), false)).collect();
    for c in capitals.iter().filter(|c| !c.start && c.case == Case::Title) {
        let (word, _) = truecase::possessive(c.span().slice(text));
        if let Some(n) = named.get_mut(word.to_ascii_lowercase().as_str()) {
            *n = true;
        }
    }
    starts.retain(|s| named.get(s.slice(text).to_ascii_lowercase().as_str()) == Some(&false));
    starts
}

/// What the real-word stage found.
struct RealWords {
    suspects: Vec<Suspect>,
    /// The unsure slips of stray capitals, offered after their casing's fix.
    unsure_slips: Vec<Suspect>,
    /// What was weighed of each word, when recorded ([`Readings`]).
    weighed: Vec<(Span, String, Slip)>,
}

/// The real words out of place among the words in small letters (`lower`) and the `stray`
/// capitals, weighed in small letters ([`realword`]), in an article that misspells `misspelt` of
/// its `words`.
fn real_words(
    text: &str,
    lexicon: &Lexicon,
    (lower, stray): (&LowerWords, &[Span]),
    (misspelt, words): (usize, usize),
    lists: &mut Lists,
    record: bool,
) -> RealWords {
    // In a copy of the text with the stray capitals written in small letters (ASCII: the same
    // bytes long).
    let lowered_text = (!stray.is_empty()).then(|| {
        let mut bytes = text.as_bytes().to_vec();
        for span in stray {
            bytes[span.start..span.end].make_ascii_lowercase();
        }
        String::from_utf8(bytes).unwrap_or_else(|_| text.to_string())
    });
    let finder_text = lowered_text.as_deref().unwrap_or(text);
    let mut finder = crate::check::realword::Finder::new(finder_text, Model::builtin(), lexicon);
    let mut spans = Vec::with_capacity(crate::check::realword::Finder::BATCH);
    let mut strays = stray.iter().copied().peekable();
    lower.each(|span| {
        while let Some(s) = strays.next_if(|s| s.start < span.start) {
            spans.push(s);
        }
        spans.push(span);
        if spans.len() >= crate::check::realword::Finder::BATCH {
            finder.visit_all(&spans);
            spans.clear();
        }
    });
    spans.extend(strays);
    finder.visit_all(&spans);
    // How often the article writes the words weighed and their candidates.
    finder.count_uses(|each| lower.each(each));
    let (real_words, slips_weighed) = finder.finish((misspelt, words), lists, record);
    drop(lowered_text);
    // A stray capital's slip is a suspect where it is sure: a word of an article Capitalised at
    // random is mostly a right word, and an unsure slip would stand in the way of its casing's
    // fix. Its words are offered after that fix.
    let (real_words, unsure_slips): (Vec<Suspect>, Vec<Suspect>) = if stray.is_empty() {
        (real_words, Vec::new())
    } else {
        real_words
            .into_iter()
            .partition(|s| s.confident || stray.binary_search_by_key(&s.span.start, |x| x.start).is_err())
    };
    RealWords { suspects: real_words, unsure_slips, weighed: slips_weighed }
}

/// Puts the words of each unsure slip in `slips` (`Insight` -> `insights`) after the fixes of the
/// casing suspect at the same word (`insight`), for the reader to choose from; `suspects` is
/// sorted by start.
fn offer_slips_after_casing(text: &str, slips: Vec<Suspect>, lists: &mut Lists, suspects: &mut [Suspect]) {
    for slip in slips {
        let k = suspects.partition_point(|s| s.span.start < slip.span.start);
        let Some(s) = suspects.get_mut(k).filter(|s| s.span == slip.span && s.kind == Kind::Casing) else { continue };
        let mut fixes: Vec<&str> = s.suggestions.iter().collect();
        for f in slip.suggestions.iter() {
            if !fixes.contains(&f) && f != s.word(text) {
                fixes.push(f);
            }
        }
        s.suggestions = lists.of(&fixes);
    }
}

/// True when the word at `span`, Capitalised, is a word general English writes in small
/// letters and no name (`Barge`, not `Bos`), of ASCII letters only.
fn rare_word_capitalised(text: &str, lexicon: &Lexicon, span: Span) -> bool {
    let word = span.slice(text);
    let mut bytes = word.bytes();
    word.len() >= 3
        && bytes.next().is_some_and(|b| b.is_ascii_uppercase())
        && bytes.all(|b| b.is_ascii_lowercase())
        && !lexicon.is_name(word)
        && !lexicon.is_tech_name(word)
        && lexicon.verdict(&word.to_ascii_lowercase(), Dialect::Us) == Verdict::Known
}

/// Where the casing model takes the capital off a word in Title Case (`Insight` -> `insight`),
/// in text order.
fn capitals_taken_down(text: &str, judged: &truecase::Judged) -> Vec<Span> {
    let spans: Vec<Span> =
        judged.suspects.iter().filter(|s| takes_a_first_capital_off(text, s)).map(|s| s.span).collect();
    debug_assert!(spans.is_sorted_by_key(|s| s.start), "the model's suspects are in text order");
    spans
}

/// True when the casing suspect `s` takes the capital off a word in Title Case of ASCII letters
/// (`Insight` -> `insight`).
fn takes_a_first_capital_off(text: &str, s: &Suspect) -> bool {
    let word = s.word(text);
    let mut bytes = word.bytes();
    s.kind == Kind::Casing
        && bytes.next().is_some_and(|b| b.is_ascii_uppercase())
        && bytes.all(|b| b.is_ascii_lowercase())
        && s.suggestions.first().is_some_and(|f| f.len() == word.len() && f.eq_ignore_ascii_case(word) && f != word)
}

/// The model's reading of every word it knows well (see [`truecase`]).
fn model_casing(
    text: &str,
    (capitals, lower, lower_starts): (&[Capital], &LowerWords, &[(Span, &str)]),
    lists: &mut Lists,
    record: bool,
) -> truecase::Judged {
    let mut line = casing::Line::default();
    let mut heading = |at: usize| line.is_title_heading(text, at);
    // The pronoun (`of What I want`) is neither a name's neighbour nor a label's letter.
    let pronoun = |c: &Capital| {
        let span = c.span();
        span.slice(text) == "I" && reads_as_pronoun(text, span)
    };
    let joined = |a: &Capital, b: &Capital| {
        !a.start
            && !b.start
            && a.span().end + 1 == b.span().start
            && text.as_bytes()[a.span().end] == b' '
            && !pronoun(a)
            && !pronoun(b)
    };
    let capital = |i: usize, heading: &mut dyn FnMut(usize) -> bool| {
        let c = &capitals[i];
        let span = c.span();
        let in_run = (i > 0 && joined(&capitals[i - 1], c)) || capitals.get(i + 1).is_some_and(|n| joined(c, n));
        // A word before a single capital letter is a label (`Plan A`, `Grade B`): its
        // Title Case is the author's, as a heading's is. Not before the pronoun, nor before
        // the article after a word prose puts it after (`Results Of A Benchmark`).
        let after = &text.as_bytes()[span.end..];
        let label = after.len() >= 2
            && after[0] == b' '
            && after[1].is_ascii_uppercase()
            && after.get(2).is_none_or(|b| !b.is_ascii_alphanumeric())
            && !(after[1] == b'I' && reads_as_pronoun(text, Span::new(span.end + 1, span.end + 2)))
            && !(after[1] == b'A' && is_the_article(text, Span::new(span.end + 1, span.end + 2)));
        truecase::Word { span, start: c.start, heading: label || heading(span.start), in_run }
    };
    // The words in the text's order, so that each line is looked at once; gathered once for
    // the model's passes over them (24 bytes a word of a section).
    let mut words = Vec::new();
    let mut next_capital = 0;
    let mut starts = lower_starts.iter().map(|s| s.0.start).peekable();
    lower.each(|span| {
        while capitals.get(next_capital).is_some_and(|c| c.span().start < span.start) {
            words.push(capital(next_capital, &mut heading));
            next_capital += 1;
        }
        // A lower-case word at a sentence start is the rules' (`raise_at_start`).
        while starts.next_if(|&s| s < span.start).is_some() {}
        if starts.peek() != Some(&span.start) {
            words.push(truecase::Word { span, start: false, heading: heading(span.start), in_run: false });
        }
    });
    for i in next_capital..capitals.len() {
        words.push(capital(i, &mut heading));
    }
    truecase::judge(text, Model::builtin(), &words, lists, record)
}

/// How much likelier the article must be than a label for a single capital `A` between two
/// words to be read as the article (see [`reads_as_the_article`]): even odds. On the tune parts
/// 0.2 corrected the same errors, 5 some 10 fewer of the Rust blog's.
const ARTICLE_ODDS: f64 = 1.0;

/// True when a capital `A` between `word` and `next` reads as the article `a` rather than a
/// label (`Plan A is`, `Class A address`): by the odds that clean prose writes `a` rather than
/// `A` after `word` and before `next`, each side's pair counted inside sentences, against how
/// much rarer a label `A` is than the article. Either side can say it: `been a` is common and
/// `been A` unheard of (`There Have Been A Plethora`), and so is `a plethora` beside `A
/// plethora`; a side the corpus has not seen, or with no word (a comma, a number, code), says
/// nothing, and where neither side says anything the article's odds are how much commoner it is
/// than a label (`Approved A zeugma`).
fn reads_as_the_article(model: &Model, word: Option<&str>, next: Option<&str>) -> bool {
    let (mut article, mut label) = (0u32, 0u32);
    for f in model.forms("a") {
        match f.text {
            "a" => article = f.inside,
            "A" => label = f.inside,
            _ => {}
        }
    }
    let prior = f64::from(article.max(1)) / f64::from(label.max(1));
    // Each side seen, as how much it moves the odds from the prior's.
    let side = |article: u32, label: u32| {
        if article == 0 && label == 0 { 1.0 } else { (f64::from(article) + 0.5) / (f64::from(label) + 0.5) / prior }
    };
    let left = word.map_or(1.0, |word| {
        let after = model.after_word(word);
        side(after("a"), after("A"))
    });
    let right = next.map_or(1.0, |next| side(model.before("a", next), model.before("A", next)));
    prior * left * right >= ARTICLE_ODDS
}

/// True when the capital `A` at `span` is the article, to be judged like any word's capital:
/// it stands where the article does ([`casing::is_article_a`]), not between two words in
/// capitals, and its neighbours read it so ([`reads_as_the_article`]). Otherwise it is a
/// label's letter (`Plan A instead`), notation, or a word of a line in capitals.
fn is_the_article(text: &str, span: Span) -> bool {
    if !casing::is_article_a(text, span) {
        return false;
    }
    let (word, next) = crate::token::neighbours(text, span);
    // Between two words in capitals it is a word of a line in capitals (`FITNESS FOR A
    // PARTICULAR PURPOSE`), whose capitals are its own.
    let in_capitals = |w: Option<&str>| w.is_some_and(|w| case_of(w) == Case::Upper);
    if in_capitals(word) && in_capitals(next) {
        return false;
    }
    reads_as_the_article(Model::builtin(), word, next)
}

/// A direct-mapped cache of words known in both dialects. Half the words of any English text are
/// among its few hundred most common ones; this answers them from 128 KB that stay in the CPU's
/// cache instead of probing the 30 MB table. Each slot holds a word of at most 15 bytes as one
/// `u128`: its bytes, then its length in the low byte (0 marks an empty slot).
struct KnownCache {
    slots: Vec<u128>,
    /// The slots are 2^bits.
    bits: u32,
}

impl KnownCache {
    const BITS: u32 = 13;

    /// An empty cache for a text of `bytes` bytes: a slot per eight bytes, up to 2^[`Self::BITS`].
    fn for_text(bytes: usize) -> Self {
        let slots = (bytes / 8).clamp(256, 1 << Self::BITS).next_power_of_two();
        Self { slots: vec![0; slots], bits: slots.trailing_zeros() }
    }

    /// The slot image of the word at `text[span]`, if it is 1 to 15 bytes long. Reads the 16
    /// bytes at the word's start when the text has them (no copy loop), else pads by hand.
    #[inline]
    fn image(text: &[u8], span: Span) -> Option<u128> {
        let n = span.len();
        if n == 0 || n > 15 {
            return None;
        }
        let window: [u8; 16] = if let Some(w) = text.get(span.start..span.start + 16) {
            w.try_into().ok()?
        } else {
            let mut w = [0u8; 16];
            w[..n].copy_from_slice(&text[span.range()]);
            w
        };
        let word = u128::from_le_bytes(window) & ((1u128 << (8 * n)) - 1);
        Some((word << 8) | n as u128)
    }

    #[inline]
    fn slot(&self, img: u128) -> usize {
        Self::slot_of(img, self.bits)
    }

    /// The slot of an image in a table of `2^bits` slots: the halves folded, one multiply.
    #[inline]
    fn slot_of(img: u128, bits: u32) -> usize {
        let folded = (img as u64) ^ ((img >> 64) as u64).rotate_left(29);
        (folded.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> (64 - bits)) as usize
    }

    /// A flag in the length byte of a slot (lengths fit in four bits): the word is rare.
    const RARE: u128 = 0x80;

    /// `Ok(rare)` when the word is cached as known; otherwise what to [`KnownCache::fill`] if
    /// it turns out to be known.
    #[inline]
    fn probe(&self, text: &[u8], span: Span) -> Result<bool, Option<(usize, u128)>> {
        let Some(img) = Self::image(text, span) else { return Err(None) };
        let slot = self.slot(img);
        let held = self.slots[slot];
        if held & !Self::RARE == img { Ok(held & Self::RARE != 0) } else { Err(Some((slot, img))) }
    }

    #[inline]
    fn fill(&mut self, (slot, img): (usize, u128), rare: bool) {
        self.slots[slot] = if rare { img | Self::RARE } else { img };
    }
}

/// What the first pass found that the casing pass weighs.
#[derive(Clone, Copy)]
struct Found<'f, 't> {
    words: usize,
    named: &'f FastMap<&'t str, Beside>,
    capitals: &'f [Capital],
    lower_starts: &'f [(Span, &'t str)],
    lower: &'f LowerWords,
    /// Months in dates written in lower case (`15 may 2025`).
    lower_dates: &'f [Span],
}

/// Where the words that start with a lower-case ASCII letter are, recorded by the first pass so
/// that the casing pass can count a few of them without tokenizing the text again (which cost a
/// sixth of a check). Each word is its distance from the previous one and its length, as
/// LEB128 varints: two bytes for most words, where two `u32`s would take eight. The bytes are
/// kept in pages of 32 KB, below the allocator's threshold for a mapping of its own: a large
/// buffer, once freed, makes glibc keep later buffers on its heap, which cost 5 MB of peak
/// memory on a 10 MB article.
#[derive(Default)]
struct LowerWords {
    pages: Vec<Vec<u8>>,
    last: usize,
}

impl LowerWords {
    const PAGE: usize = 32 * 1024;
    /// The longest entry: two varints of at most ten bytes.
    const ENTRY: usize = 20;

    #[inline]
    fn push(&mut self, span: Span) {
        let page = match self.pages.last_mut() {
            Some(p) if p.capacity() - p.len() >= Self::ENTRY => p,
            _ => {
                self.pages.push(Vec::with_capacity(Self::PAGE));
                self.pages.last_mut().unwrap_or_else(|| unreachable!())
            }
        };
        Self::put(page, span.start - self.last);
        Self::put(page, span.len());
        self.last = span.start;
    }

    #[inline]
    fn put(bytes: &mut Vec<u8>, mut n: usize) {
        while n >= 0x80 {
            bytes.push((n as u8) | 0x80);
            n >>= 7;
        }
        bytes.push(n as u8);
    }

    /// Calls `each` with every such word, in order.
    fn each(&self, mut each: impl FnMut(Span)) {
        let mut start = 0;
        for page in &self.pages {
            let mut at = 0;
            while at < page.len() {
                start += Self::get(page, &mut at);
                let len = Self::get(page, &mut at);
                each(Span::new(start, start + len));
            }
        }
    }

    #[inline]
    fn get(page: &[u8], at: &mut usize) -> usize {
        let (mut n, mut shift) = (0usize, 0);
        while let Some(&b) = page.get(*at) {
            *at += 1;
            n |= usize::from(b & 0x7f) << shift;
            if b < 0x80 {
                break;
            }
            shift += 7;
        }
        n
    }
}

/// The few words whose lower-case uses the casing pass counts, found by the same 16-byte images
/// as [`KnownCache`] in a small open-addressed table: one multiply and a compare per word of
/// the text, where a string-keyed map hashed and compared bytes for most of them.
struct Watch {
    /// Each slot's image (0: empty); apart from the indices, so that a slot costs 20 bytes, not
    /// the 32 a padded pair would (an article of a million distinct names watches them all).
    images: Vec<u128>,
    /// The index of the key in each slot.
    index: Vec<u32>,
    long: FastMap<String, usize>,
    bits: u32,
    /// One bit per (first two bytes, length) of the words, hashed into 4,096: most other words
    /// miss it and are never looked up.
    filter: Box<[u64; 64]>,
}

impl Watch {
    fn of(keys: &[impl AsRef<str>]) -> Self {
        // At most two thirds full: probes stay short, and a million keys take 40 MB, not 80.
        let bits = (keys.len() * 3 / 2 + 1).next_power_of_two().trailing_zeros().max(4);
        let mut w = Self {
            images: vec![0; 1 << bits],
            index: vec![0; 1 << bits],
            long: FastMap::default(),
            bits,
            filter: Box::new([0; 64]),
        };
        let mask = w.images.len() - 1;
        // Watched in lower case, as the words it is shown are written.
        let mut buf = String::new();
        for (i, k) in keys.iter().map(AsRef::as_ref).enumerate() {
            let k = casing::lower_into(&mut buf, k);
            let f = Self::filter_bit(k.as_bytes(), Span::new(0, k.len()));
            w.filter[f >> 6] |= 1 << (f & 63);
            match KnownCache::image(k.as_bytes(), Span::new(0, k.len())) {
                Some(img) => {
                    let mut at = w.slot(img);
                    while w.images[at] != 0 {
                        at = (at + 1) & mask;
                    }
                    w.images[at] = img;
                    w.index[at] = i as u32;
                }
                None => {
                    w.long.insert(k.to_string(), i);
                }
            }
        }
        w
    }

    #[inline]
    fn slot(&self, img: u128) -> usize {
        KnownCache::slot_of(img, self.bits)
    }

    #[inline]
    fn filter_bit(text: &[u8], span: Span) -> usize {
        let b = |i: usize| usize::from(if i < span.end { text[i] } else { 0 });
        (b(span.start) * 961 + b(span.start + 1) * 31 + span.len()).wrapping_mul(0x9e37) >> 4 & 4095
    }

    /// A cheap first test: some watched word may be the word at `span` (most words fail it, and
    /// are not looked up).
    #[inline]
    fn may_hold(&self, text: &str, span: Span) -> bool {
        let f = Self::filter_bit(text.as_bytes(), span);
        self.filter[f >> 6] & (1 << (f & 63)) != 0
    }

    #[inline]
    fn get(&self, text: &str, span: Span) -> Option<usize> {
        let Some(img) = KnownCache::image(text.as_bytes(), span) else {
            return self.long.get(span.slice(text)).copied();
        };
        let mut at = self.slot(img);
        loop {
            let held = self.images[at];
            if held == img {
                return Some(self.index[at] as usize);
            }
            if held == 0 {
                return None;
            }
            at = (at + 1) & (self.images.len() - 1);
        }
    }
}

/// True unless clean prose writes a word of the two-word name `name`, written `pair` in the text,
/// in lower case beside the other far more often than as the name has it: where it has a word
/// in lower case that the name capitalises, the corpus must write the name's casing of that word
/// beside the other at least as often (`New API` is a product, but prose writes `new API`
/// sixty times as often; `Linux Foundation`, `Hong Kong`, `Visual Studio` stand).
fn is_meant_as_name(model: &Model, pair: &str, name: &str) -> bool {
    let (Some((a, b)), Some((x, y))) = (pair.split_once(' '), name.split_once(' ')) else { return true };
    let lowered = |written: &str, meant: &str| written != meant && !truecase::has_capital(written);
    let first = !lowered(a, x) || model.before(x, y) >= model.before(&x.to_lowercase(), y);
    let second = !lowered(b, y) || model.after(x, y) >= model.after(x, &y.to_lowercase());
    first && second
}

/// What the checker keeps of a word's ranked fixes: the texts of all that the words around it
/// may choose from, those shown when they choose the first (one shared list), and each one's
/// edit distance and ranking score.
struct Ranked {
    texts: Fixes,
    shown: Fixes,
    distances: [u8; suggest::POOL],
    scores: [f32; suggest::POOL],
}

impl Ranked {
    fn of(fixes: &[Suggestion], lists: &mut Lists) -> Self {
        Self::with(fixes, |shown| lists.of(shown))
    }

    /// [`Ranked::of`] for a misspelling the article writes once: its list of fixes is its own,
    /// as no other word shares it, so the shared lists keep no entry for it (an article of a
    /// hundred thousand distinct misspellings kept a hundred thousand).
    fn once(fixes: &[Suggestion]) -> Self {
        Self::with(fixes, |shown| Fixes::new(shown))
    }

    #[allow(clippy::cast_possible_truncation)] // a score on a log scale
    fn with(fixes: &[Suggestion], list: impl FnOnce(&[&str]) -> Fixes) -> Self {
        let texts: Vec<&str> = fixes.iter().map(|s| s.text.as_str()).collect();
        let mut distances = [0u8; suggest::POOL];
        let mut scores = [0f32; suggest::POOL];
        for ((d, sc), s) in distances.iter_mut().zip(&mut scores).zip(fixes) {
            *d = u8::try_from(s.distance).unwrap_or(u8::MAX);
            *sc = s.score as f32;
        }
        let shown = list(&texts[..texts.len().min(suggest::MAX_SUGGESTIONS)]);
        Self { texts: Fixes::new(&texts), shown, distances, scores }
    }
}

/// The ranked fixes for `word` in an article whose own words are `article`, computed once per
/// distinct word.
fn fixes<'c, 't>(
    ranked: &'c mut FastMap<&'t str, Ranked>,
    lists: &mut Lists,
    lexicon: &Lexicon,
    word: &'t str,
    (dialect, article): (Dialect, &Cache),
) -> &'c Ranked {
    ranked.entry(word).or_insert_with(|| Ranked::of(&suggest::rank_in(lexicon, word, dialect, article), lists))
}

/// Corpus count under which a known word may be a real-word error (`posers`, `sectarian`).
const RARE: f64 = 2_000_000.0;

/// How much more common than the written word the expected one must be.
const CHOICE_RATIO: f64 = 50.0;

/// True for a lower-case word of three letters or more that the corpus counts rarely
/// (`frequency`, when the lookup that judged the word gave it) and the reader did not add.
fn is_rare(lexicon: &Lexicon, word: &str, frequency: Option<f64>) -> bool {
    word.len() >= 3
        && word.bytes().all(|b| b.is_ascii_lowercase())
        && frequency.unwrap_or_else(|| lexicon.frequency(word)) < RARE
        && !lexicon.is_personal(word) // the reader's own words are never questioned
}

/// The `word-choice` suspects of the rare words: each (not a tech term) that neither neighbour
/// is ever counted beside, where a far more common word one edit away is. It is confident (for
/// `fix`) when both neighbours are counted beside that word.
fn word_choices(text: &str, lexicon: &Lexicon, dialect: Dialect, rare: &[Span], lists: &mut Lists) -> Vec<Suspect> {
    let mut suspects = Vec::new();
    let mut near: FastMap<&str, Vec<String>> = FastMap::default();
    let model = Model::builtin();
    let corpus_word = model.uses(CORPUS_WORD);
    for &span in rare {
        let word = span.slice(text);
        let (Some(prev), Some(next)) = crate::token::neighbours(text, span) else { continue };
        if bigram(prev, word) > 0 || bigram(word, next) > 0 {
            continue; // the words around expect it
        }
        if model.count(word) >= corpus_word || model.after(prev, word) > 0 || model.before(word, next) > 0 {
            continue; // common in clean technical prose (`crates`), or expected there
        }
        let candidates = near.entry(word).or_insert_with(|| {
            if lexicon.is_tech_term(word) {
                return Vec::new(); // `lint`, `tuple`: tech prose uses them where books do not
            }
            // The far more common words one edit away: lookups, no ranking.
            let floor = lexicon.frequency(word).max(1.0) * CHOICE_RATIO;
            suggest::words_near(lexicon, word, floor)
                .into_iter()
                .map(|(w, _)| w)
                .filter(|w| {
                    w.bytes().all(|b| b.is_ascii_lowercase())
                        && !crate::lexicon::is_inflection(word, w)
                        && lexicon.verdict(w, dialect) == Verdict::Known
                })
                .collect()
        });
        // Expected on both sides beats expected on one (`know [tat] the`: `that`, not `at`);
        // a short word needs both, since so many words lie one edit from it.
        let counts = |w: &str| (bigram(prev, w), bigram(w, next));
        let best = candidates
            .iter()
            .map(|s| (s, counts(s)))
            .filter(|(_, (a, b))| if word.len() <= 3 { *a > 0 && *b > 0 } else { *a > 0 || *b > 0 })
            .max_by_key(|(_, (a, b))| ((*a).min(*b), u64::from(*a) + u64::from(*b)));
        if let Some((s, (a, b))) = best {
            let sure = a > 0 && b > 0;
            suspects.push(Suspect { confident: sure, ..Suspect::new(span, Kind::WordChoice, lists.one(s.clone())) });
        }
    }
    suspects
}

/// The one of `capitals` (sorted by where they start) that starts where `span` does.
fn capital_at(capitals: &[Capital], span: Span) -> Option<&Capital> {
    let k = capitals.partition_point(|c| c.span().start < span.start);
    capitals.get(k).filter(|c| c.span().start == span.start)
}

/// True when the word at `span` is one of `capitals` and stands inside a sentence.
fn inside_sentence(capitals: &[Capital], span: Span) -> bool {
    capital_at(capitals, span).is_some_and(|c| !c.start)
}

/// True when the words joined to `span` on each side, and at least one is, have small letters
/// or are the pronoun `I` (`to be CRYSTLA clear`, and in an article Capitalised at random, `Strum
/// CQNTAINS The`): a word in capitals there is no part of a heading or a label in capitals.
fn among_small_letters(text: &str, span: Span) -> bool {
    let (prev, next) = crate::token::neighbours(text, span);
    // The pronoun `I` is in capitals in any prose (`felt WHNE I was`).
    let small = |w: Option<&str>| w.is_none_or(|w| w == "I" || w.chars().any(char::is_lowercase));
    (prev.is_some() || next.is_some()) && small(prev) && small(next)
}

/// [`among_small_letters`], where a neighbour may also be a short acronym or the article `A`
/// (`an HTTP REQUAST from`, `A VXRSION of this`), so long as one has small letters: a word in
/// capitals there is a garbled word of the sentence, whose fix is in small letters. For the
/// casing of its fixes, and for whether a short word in capitals is a slip of a common word (see
/// `unknown::Unknowns::read`): an acronym beside another is no evidence of a slip, but one
/// written once, no word of its own and one slip from one of the commonest (`the API WHRE
/// possible`, `a WSGI FILTE when`) is one there too. Set on the tune parts: 4 more non-words
/// flagged and 3 fixed (registry texts and other blogs), no flag more on the clean halves.
fn among_prose(text: &str, span: Span) -> bool {
    let (prev, next) = crate::token::neighbours(text, span);
    let lower = |w: &str| w.chars().any(char::is_lowercase);
    let acronym = |w: &str| w == "A" || w == "I" || (w.chars().count() <= ACRONYM_NEIGHBOUR && !lower(w));
    let fits = |w: Option<&str>| w.is_none_or(|w| lower(w) || acronym(w));
    (prev.is_some_and(lower) || next.is_some_and(lower)) && fits(prev) && fits(next)
}

/// True when the line of the word at `span` reads as prose: of the words on it within
/// [`PROSE_LINE_WORDS`] either side, [`PROSE_LINE_LEAST`] or more, at least two in three have
/// small letters (`is no good, WORKXING, as the docs say`). A heading or a licence's warranty
/// in capitals has few (`WITHOUUT WARRANTY OF ANY KIND`). It reads no more than
/// [`PROSE_LINE_BYTES`] either side, however long the line.
fn in_line_of_prose(text: &str, span: Span) -> bool {
    let bytes = text.as_bytes();
    let mut from = span.start.saturating_sub(PROSE_LINE_BYTES);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let mut to = (span.end + PROSE_LINE_BYTES).min(text.len());
    while !text.is_char_boundary(to) {
        to -= 1;
    }
    let start = memchr::memrchr(b'\n', &bytes[from..span.start]).map_or(from, |i| from + i + 1);
    let end = memchr::memchr(b'\n', &bytes[span.end..to]).map_or(to, |i| span.end + i);
    let word = |w: &&str| w.chars().any(char::is_alphabetic);
    let before = span::cut(text, start, span.start).split_whitespace().rev().filter(word).take(PROSE_LINE_WORDS);
    let after = span::cut(text, span.end, end).split_whitespace().filter(word).take(PROSE_LINE_WORDS);
    let (mut words, mut small) = (0, 0);
    for w in before.chain(after) {
        words += 1;
        small += usize::from(w.chars().any(char::is_lowercase));
    }
    words >= PROSE_LINE_LEAST && small * 3 >= words * 2
}

/// How many words either side of a word in capitals [`in_line_of_prose`] looks at, and how
/// many it needs to say the line is prose.
const PROSE_LINE_WORDS: usize = 6;
/// See [`PROSE_LINE_WORDS`].
const PROSE_LINE_LEAST: usize = 4;
/// How far [`in_line_of_prose`] reads either side of the word: six words of prose and more.
const PROSE_LINE_BYTES: usize = 200;

/// The casing prose gives `fix`, a fix in capitals of a misspelling in capitals that stands in
/// prose: the corpus's commonest form of it inside sentences (`Google`; an acronym keeps its
/// capitals), else its small letters or its first capital where general English knows the word
/// so; with a first capital when it `starts` a sentence. `None` for a fix not in capitals, or
/// one neither knows.
fn prose_casing(lexicon: &Lexicon, dialect: Dialect, fix: &str, starts: bool) -> Option<String> {
    if case_of(fix) != Case::Upper {
        return None;
    }
    let lower = fix.to_lowercase();
    let commonest = Model::builtin().forms(&lower).max_by_key(|f| f.inside).filter(|f| f.inside > 0).map(|f| f.text);
    let known = |w: &str| lexicon.verdict(w, dialect) == Verdict::Known;
    let cased = match commonest {
        Some(form) if case_of(form) == Case::Upper => return None,
        Some(form) if known(form) => form.to_string(),
        _ if known(&lower) => lower,
        _ => Some(casing::capitalised(&lower)).filter(|c| known(c))?,
    };
    Some(if starts && case_of(&cased) == Case::Lower { casing::capitalised(&cased) } else { cased })
}

/// The most letters of a word in capitals beside a garbled word that [`among_prose`] takes for
/// an acronym (`HTTP`, `ID`, `AI`), not a word of a heading in capitals.
const ACRONYM_NEIGHBOUR: usize = 4;

/// True when the word at `span`, one of `capitals`, starts a sentence (as the first pass found)
/// whose next word has small letters (`INTEAD, he said`, and in an article Capitalised at
/// random `INTEAD, He said`): the sentence is written in small letters, not in capitals as a
/// heading is.
fn opens_sentence_in_small_letters(text: &str, capitals: &[Capital], span: Span) -> bool {
    let starts = capital_at(capitals, span).is_some_and(|c| c.start);
    let next = || crate::token::neighbours(text, span).1.or_else(|| crate::token::loose_neighbours(text, span).1);
    starts && next().is_some_and(|w| w.chars().any(char::is_lowercase))
}

/// How far (natural log) a misspelling's best fix must lead the next for `fix` to take it: a
/// close call between two words is the reader's (`If you have gparted installed`: `granted` or
/// `started`). On the tune part, whose misspellings are random edits, a margin only costs: 0.5
/// takes 6 fewer of its 474 non-word fixes and changes no fewer right words (1 takes 9 fewer and
/// changes 3 fewer). On real slips it pays: of the 140 everyday misspellings in two sentences
/// each, 0.5 takes 5 fewer right fixes and 7 fewer wrong ones, and on the registry READMEs it
/// leaves 7 of 56 confident fixes, all wrong (`lol` -> `low`). 1 would leave `I recieve it` to
/// the reader too (`relieve` is near): 0.5 is the most that takes it.
const FIX_MARGIN: f64 = 0.5;
/// How much the words around count beside a fix's ranking score, in [`in_context`]: fitted with
/// the edit costs (`suggest::PENALTY`, `scripts/fit-ranking.py`); the plain bigram reading is 1.
const CONTEXT_WEIGHT: f64 = 1.262;
/// How many uses of a word its frequency alone counts for, beside its pairs, in
/// [`association`].
const CONTEXT_PRIOR: f64 = 100.0;
/// The least a neighbour can say against a fix: a pair the corpus never wrote makes it at most
/// five times less likely. The corpus is documentation, and misses much of the prose of
/// narrative and of letters (`I receive`); set on the tune part and the prose tests (a floor of
/// 0.05 gave 85.0% of non-words right first on tune, 0.2 84.6%, but took `I believe it` for `I
/// recieve it`).
const CONTEXT_FLOOR: f64 = 0.2;
/// How much a fix's triple with both neighbours counts beside its pairs, in [`association`]: the
/// pairs make `a context the is` as likely as `a context that is`, and only the three words tell.
/// Times `1 + count / TRIPLE_PRIOR` to this power. Set on the tune parts: from 0 to 0.5, the
/// right word came first for 0.3, 0.5 and 0.1 points more of the non-words (registry, READMEs,
/// articles), for no right word more changed; 0.25 gained less, and 1 no more.
const TRIPLE_WEIGHT: f64 = 0.5;
/// A triple written twice says little against a pair written hundreds of times (`internal value
/// used`, twice, is no reason to prefer `value` to `values` there): its count is taken in units of
/// this many uses. From 1 to 4 (and to 16) the tune parts' figures did not move.
const TRIPLE_PRIOR: f64 = 4.0;

/// True when a neighbour of the lower-case `i` at `span` makes it the pronoun (`then i
/// think`): one of them is joined to `I` at least 100 million times in the bigram corpus. Code
/// and mathematics write `i` between words that are not (`the index i in`).
fn reads_as_pronoun(text: &str, span: Span) -> bool {
    const PRONOUN: u32 = 100_000; // thousands
    let (prev, next) = crate::token::neighbours(text, span);
    prev.is_some_and(|w| bigram(w, "i") >= PRONOUN) || next.is_some_and(|w| bigram("i", w) >= PRONOUN)
}

/// The index of the fix the words around prefer to the first one, if any.
pub(crate) fn by_context(
    lexicon: &Lexicon,
    fixes: &[Suggestion],
    neighbours: (Option<&str>, Option<&str>),
) -> Option<usize> {
    #[allow(clippy::cast_possible_truncation)] // a log-scale score
    let scores: Vec<f32> = fixes.iter().map(|s| s.score as f32).collect();
    Some(in_context(lexicon, fixes.iter().map(|s| s.text.as_str()), &scores, neighbours).best).filter(|&k| k > 0)
}

/// The best of a misspelling's fixes in context, and by how much it leads the next.
#[derive(Clone, Copy, Debug)]
struct Reading {
    best: usize,
    /// The difference of the two best scores (natural log): infinite with a single fix.
    margin: f64,
}

/// [`by_context`] on the fixes' texts and ranking scores (the checker keeps only these): one
/// noisy-channel score, the ranking's (the log of how often the fix is written, less the cost
/// of the edits that make the word from it) plus, when the word has neighbours, the log of how
/// much more often the corpus writes the fix between them than anywhere ([`association`]).
fn in_context<'f>(
    lexicon: &Lexicon,
    texts: impl Iterator<Item = &'f str>,
    scores: &[f32],
    (prev, next): (Option<&str>, Option<&str>),
) -> Reading {
    let (mut best, mut first, mut second) = (0, f64::NEG_INFINITY, f64::NEG_INFINITY);
    for (i, (text, &score)) in texts.zip(scores).enumerate() {
        let t = f64::from(score) + CONTEXT_WEIGHT * context_fit(lexicon, text, (prev, next));
        if t > first {
            (best, first, second) = (i, t, first);
        } else if t > second {
            second = t;
        }
    }
    Reading { best, margin: if second == f64::NEG_INFINITY { f64::INFINITY } else { first - second } }
}

/// The log of how much likelier the words around make `fix` than it is anywhere
/// ([`association`]); nothing for a word with no neighbours.
#[must_use]
pub fn context_fit(lexicon: &Lexicon, fix: &str, (prev, next): (Option<&str>, Option<&str>)) -> f64 {
    if prev.is_none() && next.is_none() {
        return 0.0;
    }
    association(Model::builtin(), lexicon, fix, prev, next).ln()
}

/// How much more likely the model finds `word` between `prev` and `next` than anywhere: the
/// ratio of P(word | prev) · P(next | word) to P(word) · P(next), each pair count smoothed toward
/// what chance alone gives it with the weight of [`CONTEXT_PRIOR`] uses, so that a pair never
/// seen counts against a word written often and says little of a rare one, down to
/// [`CONTEXT_FLOOR`] a side. General English's bigram list says more of a side where it holds the
/// pair. A fix of several words (`a test`) is weighed by its first word on the left and its last
/// on the right. A fix of one word in small letters between two neighbours is weighed by its
/// triple with them too ([`TRIPLE_WEIGHT`]).
fn association(model: &Model, lexicon: &Lexicon, word: &str, prev: Option<&str>, next: Option<&str>) -> f64 {
    #[allow(clippy::cast_precision_loss)] // counts
    let count = |w: &str| model.count(w) as f64;
    #[allow(clippy::cast_precision_loss)] // a count of words
    let n = model.size().0.max(1) as f64;
    let first = word.split(' ').next().unwrap_or(word).to_lowercase();
    let last = word.rsplit(' ').next().unwrap_or(word).to_lowercase();
    let (cf, cl) = (count(&first), count(&last));
    // A neighbour the corpus never wrote (a misspelling) says nothing.
    let (prev, next) = (prev.filter(|&p| count(p) > 0.0), next.filter(|&x| count(x) > 0.0));
    let left = prev.map_or(1.0, |p| {
        let pair = f64::from(model.after(p, &first));
        let seen = if cf > 0.0 { pair * n / cf } else { 0.0 };
        ((seen + CONTEXT_PRIOR) / (count(p) + CONTEXT_PRIOR)).max(english_association(lexicon, p, &first))
    });
    let right = next.map_or(1.0, |x| {
        let pair = f64::from(model.before(&last, x));
        ((pair * n / count(x) + CONTEXT_PRIOR) / (cl + CONTEXT_PRIOR)).max(english_association(lexicon, &last, x))
    });
    let triple = match (prev, next) {
        (Some(p), Some(x)) if first == last && first.bytes().all(|b| b.is_ascii_lowercase()) => {
            f64::from(crate::lexicon::triples::Triples::builtin().count(p, &first, x))
        }
        _ => 0.0,
    };
    left.max(CONTEXT_FLOOR) * right.max(CONTEXT_FLOOR) * (1.0 + triple / TRIPLE_PRIOR).powf(TRIPLE_WEIGHT)
}

/// How many times more often general English writes `a b` than chance would (P(a b) over P(a)
/// P(b)), for a pair its bigram list holds; 0 for one it lacks, which only says the pair is
/// rarer than the list's floor. The corpus is documentation: it lacks much of the prose of
/// narrative (`I also went`) that general English counts.
fn english_association(lexicon: &Lexicon, a: &str, b: &str) -> f64 {
    use crate::check::cache::{ALL, THE};
    let pair = bigram(a, b);
    if pair == 0 {
        return 0.0;
    }
    // The lexicon's frequencies are those counts, scaled: back to counts by `the`.
    let scale = THE / lexicon.frequency("the").max(1.0);
    let (fa, fb) = (lexicon.frequency(a) * scale, lexicon.frequency(b) * scale);
    if fa <= 0.0 || fb <= 0.0 {
        return 0.0;
    }
    f64::from(pair) * 1000.0 * ALL / (fa * fb)
}

/// The fixes' texts, with fix `k` (the one context chose, if any) moved to the front: as many as
/// are shown.
pub(crate) fn first_moved(fixes: &[Suggestion], k: Option<usize>) -> Vec<String> {
    moved_first(fixes.iter().map(|s| s.text.as_str()), k).into_iter().map(str::to_string).collect()
}

/// [`first_moved`] on the texts.
fn moved_first<'f>(texts: impl Iterator<Item = &'f str>, k: Option<usize>) -> Vec<&'f str> {
    let mut texts: Vec<&str> = texts.collect();
    if let Some(k) = k.filter(|&k| k < texts.len()) {
        let chosen = texts.remove(k);
        texts.insert(0, chosen);
    }
    texts.truncate(suggest::MAX_SUGGESTIONS);
    texts
}

/// The compound of words joined by `-` or `_` that holds the word at `span` (`native-tls`), when
/// there is one of at most [`COMPOUND_MAX`] bytes (so that a megabyte of `a-a-a` costs no scan
/// per word).
fn compound_around(text: &str, span: Span) -> Option<&str> {
    let joins = |b: &u8| b.is_ascii_alphanumeric() || *b == b'-' || *b == b'_';
    let bytes = text.as_bytes();
    let before = bytes[..span.start].iter().rev().take(COMPOUND_MAX + 1).take_while(|b| joins(b)).count();
    let after = bytes[span.end..].iter().take(COMPOUND_MAX + 1).take_while(|b| joins(b)).count();
    if before + after == 0 || before + span.len() + after > COMPOUND_MAX {
        return None;
    }
    // The bytes around are ASCII, so both ends lie on character boundaries.
    let whole = span::cut(text, span.start - before, span.end + after).trim_matches(['-', '_']);
    (whole.len() > span.len()).then_some(whole)
}

/// True when the word at `span`, in small letters, is part of a compound of small letters with
/// another part the lexicon does not know in any casing (`linux-raw-sys`), or is itself a term
/// that clean prose writes and no dictionary knows (`lol` in `lol-html`): the name
/// of a package or a command, which keeps its own casing and spelling. A name before English
/// words is still a name (`kubernetes-native`), and a slip beside a name still a slip
/// (`kubernetes-natvie`: the name's casing waits until the slip is fixed).
fn in_package_name(text: &str, span: Span, lexicon: &Lexicon, dialect: Dialect) -> bool {
    let word = span.slice(text);
    if !word.bytes().all(|b| b.is_ascii_lowercase()) || slip_in_compound(text, span, lexicon) {
        return false;
    }
    compound_around(text, span).is_some_and(|c| {
        c.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
            && c.split('-').any(|p| {
                // The word itself marks one when clean prose writes it: a term, not a slip.
                !p.is_empty()
                    && (p != word || Model::builtin().count(p) > 0)
                    && lexicon.verdict(p, dialect) == Verdict::Unknown
            })
    })
}

/// True when the word at `span`, joined by a hyphen to the part before or after it, is a slip
/// for a word one edit away that the corpus writes beside that part, where it never writes the
/// word itself so (`lock-fre`, `project-wid`): the compound clean prose writes, not a package's
/// name. The part must be a word of English (`uring-sys` is a package's name). Only a word
/// beside a hyphen is looked up.
fn slip_in_compound(text: &str, span: Span, lexicon: &Lexicon) -> bool {
    let model = Model::builtin();
    let word = span.slice(text);
    // The run of letters across the hyphen on each side, read at most `COMPOUND_MAX` bytes
    // far. The bytes read are ASCII, so each end lies on a character boundary.
    let bytes = text.as_bytes();
    let letters = |run: &[u8]| !run.is_empty() && run.len() <= COMPOUND_MAX && run.iter().all(u8::is_ascii_alphabetic);
    let before = bytes[..span.start].strip_suffix(b"-").and_then(|head| {
        let n = head.iter().rev().take(COMPOUND_MAX + 1).take_while(|b| b.is_ascii_alphanumeric()).count();
        letters(&head[head.len() - n..]).then(|| span::cut(text, span.start - 1 - n, span.start - 1))
    });
    let after = bytes[span.end..].strip_prefix(b"-").and_then(|tail| {
        let n = tail.iter().take(COMPOUND_MAX + 1).take_while(|b| b.is_ascii_alphanumeric()).count();
        letters(&tail[..n]).then(|| span::cut(text, span.end + 1, span.end + 1 + n))
    });
    // A part English does not know makes a package's name (`uring-sys`, where `using sys` is
    // prose): only a compound of English words is asked.
    let english = |p: &&str| lexicon.frequency(&p.to_lowercase()) > 0.0;
    let (before, after) = (before.filter(english), after.filter(english));
    if before.is_none() && after.is_none() {
        return false;
    }
    // Asked in small letters: `Lock-fre` at a sentence start is `lock-free`.
    let together = |p: Option<&str>, w: &str, on_left: bool| {
        p.is_some_and(|p| {
            let (p, w) = (p.to_lowercase(), w.to_lowercase());
            (if on_left { model.after(&p, &w) } else { model.before(&w, &p) }) > 0
        })
    };
    if together(before, word, true) || together(after, word, false) {
        return false;
    }
    let near: Vec<String> = if model.count(word) > 0 {
        model.near(word).filter(|n| strsim::osa_distance(n, word) <= 1).map(str::to_lowercase).collect()
    } else {
        suggest::words_near(lexicon, word, 0.0).into_iter().map(|(w, _)| w).collect()
    };
    near.iter().any(|n| together(before, n, true) || together(after, n, false))
}

/// True when `compound` is written in small letters, digits and hyphens only (`rust-analyzer`).
fn is_small_compound(compound: &str) -> bool {
    compound.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// The compounds joined by hyphens that `text` writes in small letters more than once and never
/// with a capital (`rust-analyzer` three times, no `Rust-analyzer`): names whose casing is the
/// author's. Only the runs around each hyphen are read ([`compound_around`]). A compound
/// gets an entry at its second sighting only ([`Sightings`]), so a text of a million distinct
/// compounds keeps few; a false sighting costs an entry, since the entries are counted exactly
/// afterwards, and a false sighting of a capital keeps a suspect, as before this rule.
fn own_small_compounds(text: &str) -> FastSet<&str> {
    let bytes = text.as_bytes();
    // Each run around a hyphen, met at the first hyphen inside it (it is met at each of them).
    let runs = || {
        memchr::memchr_iter(b'-', bytes).filter_map(|at| {
            let run = compound_around(text, Span::new(at, at + 1))?;
            let first = run.as_ptr() as usize - text.as_ptr() as usize + run.find('-')?;
            (first == at).then_some(run)
        })
    };
    let hyphens = memchr::memchr_iter(b'-', bytes).count();
    let (mut small_seen, mut capitalised) = (Sightings::new(hyphens, 8), Sightings::new(hyphens, 8));
    // An entry for each compound in small letters sighted before (now and then one that was
    // not), counted exactly in a second pass, so that a false sighting costs an entry only.
    let mut small: FastMap<&str, usize> = FastMap::default();
    for run in runs() {
        if is_small_compound(run) {
            if small_seen.sight(Sightings::hash_of(&run)) {
                small.entry(run).or_default();
            }
        } else if run.bytes().any(|b| b.is_ascii_uppercase()) {
            capitalised.sight(Sightings::hash_of_folded(run));
        }
    }
    if !small.is_empty() {
        for run in runs() {
            if let Some(n) = small.get_mut(run) {
                *n += 1;
            }
        }
    }
    small
        .into_iter()
        .filter(|&(c, n)| n >= 2 && !capitalised.may_hold(Sightings::hash_of_folded(c)))
        .map(|(c, _)| c)
        .collect()
}

/// The longest compound [`compound_around`] looks for.
const COMPOUND_MAX: usize = 64;

/// What the article writes between backticks on one line (`` `native-tls` ``), found in one pass.
fn code_spans(text: &str) -> FastSet<&str> {
    let mut out = FastSet::default();
    let bytes = text.as_bytes();
    // Where the span opened on this line starts, just past its backtick.
    let mut open: Option<usize> = None;
    // Only the backticks and the line ends are visited (a search over the text's bytes).
    for at in memchr::memchr2_iter(b'`', b'\n', bytes) {
        match (bytes[at], open.take()) {
            (b'`', None) => open = Some(at + 1),
            (b'`', Some(from)) => {
                out.insert(span::cut(text, from, at));
            }
            // A span left open runs to the line's end, less a carriage return before it.
            (_, Some(from)) => {
                let end = if at > from && bytes[at - 1] == b'\r' { at - 1 } else { at };
                out.insert(span::cut(text, from, end));
            }
            (_, None) => {}
        }
    }
    if let Some(from) = open {
        out.insert(span::cut(text, from, text.len()));
    }
    out
}

/// One more use of the unknown word `stem` (`p`), counted in `n`; in `named` when it stands
/// beside a name, with the most telling name it stands beside.
fn count_use<'t>(stem: &'t str, p: &Pending, n: &mut usize, named: &mut FastMap<&'t str, Beside>) {
    *n += 1;
    if p.beside != Beside::Nothing {
        let most = named.entry(stem).or_insert(Beside::Nothing);
        *most = (*most).max(p.beside);
    }
}

/// The word without a possessive ending.
fn stem_of(word: &str) -> &str {
    word.strip_suffix("'s").or_else(|| word.strip_suffix("\u{2019}s")).unwrap_or(word)
}

/// True when the word at `span` follows a given name that English lists (`Eric holk`, `Aaron
/// Turon`; not a tech name, a possessive, or a word flagged itself): where it lies one slip from
/// a common word (`hook`, `turn`), it is as likely a surname.
fn follows_given_name(lexicon: &Lexicon, text: &str, span: Span, suspects: &[Suspect]) -> bool {
    let Some(prev) = crate::token::neighbours(text, span).0 else {
        return false;
    };
    // Where the name starts: a line break of two bytes may join them, as well as a space.
    let prev_at = prev.as_ptr() as usize - text.as_ptr() as usize;
    case_of(prev) == Case::Title
        && !prev.contains(['\'', '\u{2019}'])
        && lexicon.is_name(prev)
        && !lexicon.is_tech_name(prev)
        && suspects.last().is_none_or(|s| s.span.start != prev_at)
}

/// True when `fix` is the name of someone or somewhere (a word dictionaries write only with its
/// capital, and no tech name: `Marcus`, `Moldova`; not `Kubernetes`) and `word`, in small
/// letters, is not that name lowered.
fn names_another(lexicon: &Lexicon, word: &str, fix: &str) -> bool {
    case_of(word) == Case::Lower
        && case_of(fix) == Case::Title
        && fix.to_lowercase() != word
        && lexicon.is_name(fix)
        && !lexicon.is_tech_name(fix)
}

/// True when an initial stands beside the word at `span`, as in a name (`Stephen M. Coakley`) or
/// a citation (`Grossi, R.`): a capital letter alone with its full stop just before the word, or
/// after it and a comma; or a title before it (`Dr. Lemire`, `Prof. Knuth`).
fn beside_initial(text: &str, span: Span) -> bool {
    let b = text.as_bytes();
    let alone = |i: usize| b.get(i).is_none_or(|c| !c.is_ascii_alphanumeric());
    let before = span.start >= 3
        && b[span.start - 3].is_ascii_uppercase()
        && b[span.start - 2..span.start] == *b". "
        && (span.start == 3 || alone(span.start - 4));
    let titled = ["Dr. ", "Mr. ", "Mrs. ", "Ms. ", "Prof. "].iter().any(|t| {
        span::head(text, span.start).strip_suffix(t).is_some_and(|head| head.is_empty() || alone(head.len() - 1))
    });
    let after =
        b.get(span.end..span.end + 4).is_some_and(|a| a[..2] == *b", " && a[2].is_ascii_uppercase() && a[3] == b'.')
            && alone(span.end + 4);
    before || after || titled
}

/// A neighbour that marks a name: a known proper name (`Macleod`), another capitalised word
/// no dictionary knows (`Jago Diagrid`), or a word clean prose writes with this capital inside
/// sentences more often than not, though a dictionary knows it in lower case too (`Josh
/// Triplett`: `josh` is a verb; not `Mark`, which prose writes as `mark` five times as often).
fn name_like(lexicon: &Lexicon, word: &str) -> bool {
    beside_of(lexicon, word) != Beside::Nothing
}

/// What the neighbour `word` says of a Title-case word beside it: a known name's, another
/// name-like word's ([`name_like`]), or nothing.
fn beside_of(lexicon: &Lexicon, word: &str) -> Beside {
    if known_name(lexicon, word) {
        return Beside::KnownName;
    }
    let written_as_name = || {
        let model = Model::builtin();
        let (mut named, mut all) = (0u64, 0u64);
        for f in model.forms(word) {
            all += u64::from(f.inside);
            named += if f.text == word { u64::from(f.inside) } else { 0 };
        }
        all >= model.uses(CORPUS_WORD) && named * 2 > all
    };
    if capitalised_not_i(word) && (lexicon.verdict(word, Dialect::Us) == Verdict::Unknown || written_as_name()) {
        Beside::Capitalised
    } else {
        Beside::Nothing
    }
}

/// A neighbour that marks a name beyond doubt: a known proper name (`Kendall`), Capitalised.
fn known_name(lexicon: &Lexicon, word: &str) -> bool {
    capitalised_not_i(word) && lexicon.is_name(word)
}

/// True when `word` is in Title Case and not the pronoun, which clean prose always writes with
/// a capital and is no name (`noticed Taht I`), nor with a contraction (`I'm Currentlay`).
fn capitalised_not_i(word: &str) -> bool {
    !is_first_person(word) && case_of(word) == Case::Title
}

/// True when `word` is the pronoun `I`, alone or with a contraction (`I'm`, `I’ve`, `I'd`, `I'll`),
/// or the same lowered (`i`, `i'll`).
fn is_first_person(word: &str) -> bool {
    word.strip_prefix(['I', 'i']).is_some_and(|rest| {
        rest.is_empty() || rest.strip_prefix(['\'', '\u{2019}']).is_some_and(|r| matches!(r, "m" | "ve" | "d" | "ll"))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_word_the_article_capitalises_at_most_uses_is_a_name_where_clean_prose_seldom_capitalises_it() {
        // Damage that Capitalises a fifth of the words and lowers a third of the names.
        let channel = (0.2, 0.3);
        // `collector`: clean prose Capitalises one use in ten inside sentences.
        let collector = (900, 1000);
        assert!(name_odds(collector, (5, 1), channel) > 0.0, "Capitalised at five uses of six");
        assert!(name_odds(collector, (1, 6), channel) < 0.0, "in small letters at six of seven");
        assert!(name_odds(collector, (0, 0), channel) < 0.0, "written nowhere else: clean prose decides");
        // `with`: one capital is the damage's, whatever the article writes besides.
        assert!(name_odds((999_000, 1_000_000), (1, 0), channel) < 0.0);
    }

    #[test]
    fn an_unsure_slip_of_a_stray_capital_is_offered_after_the_casing_fix() {
        // `new Insight and`: lowering it is sure, that `insights` was meant is not.
        let text = "surfaced new Insight and learning";
        let span = Span::new(13, 20);
        let mut lists = Lists::default();
        let mut suspects = vec![Suspect::new(span, Kind::Casing, lists.one("insight"))];
        let slip = Suspect::new(span, Kind::WordChoice, lists.of(&["insights", "insight"]));
        offer_slips_after_casing(text, vec![slip], &mut lists, &mut suspects);
        let fixes: Vec<&str> = suspects[0].suggestions.iter().collect();
        assert_eq!((suspects[0].kind, fixes), (Kind::Casing, vec!["insight", "insights"]));
        // A slip at another word changes nothing.
        let elsewhere = Suspect::new(Span::new(0, 8), Kind::WordChoice, lists.one("surfaces"));
        offer_slips_after_casing(text, vec![elsewhere], &mut lists, &mut suspects);
        assert_eq!(suspects[0].suggestions.iter().count(), 2);
    }

    /// Articles one after another, as a long file of many holds them: the development articles,
    /// three times (three sections).
    fn long_text() -> String {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/dev");
        let mut paths: Vec<_> = std::fs::read_dir(dir)
            .expect("the development articles are in the repository")
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.to_string_lossy().ends_with(".garbled.txt"))
            .collect();
        paths.sort();
        assert_eq!(paths.len(), 6, "the six development articles");
        let one: Vec<String> = paths.iter().map(|p| std::fs::read_to_string(p).expect("an article")).collect();
        let text = [one.join("\n\n"), one.join("\n\n"), one.join("\n\n")].join("\n\n");
        assert!(text.len() > 2 * sections::SECTION, "{} bytes", text.len());
        text
    }

    #[test]
    fn a_long_text_is_checked_a_section_at_a_time_each_as_if_alone_and_given_in_text_order() {
        let text = long_text();
        let (lexicon, options) = (Lexicon::new(), Options { dialect: None, suggestions: true });
        let cut = sections::sections(&text, sections::SECTION);
        assert!(cut.len() >= 3);
        let mut alone = Vec::new();
        for section in &cut {
            for s in check(section.slice(&text), &lexicon, &options).suspects {
                alone.push(Suspect { span: Span::new(s.span.start + section.start, s.span.end + section.start), ..s });
            }
        }
        let mut parts = 0;
        let mut given = Vec::new();
        check_each(&text, &lexicon, &options, |part| {
            parts += 1;
            given.extend(part.suspects);
            ControlFlow::Continue(())
        });
        assert_eq!(parts, cut.len());
        // Once the output is gone, no section more is given.
        let mut after_break = 0;
        check_each(&text, &lexicon, &options, |_| {
            after_break += 1;
            ControlFlow::Break(())
        });
        assert_eq!(after_break, 1);
        assert!(given.len() > 100 && given.is_sorted_by_key(|s| s.span.start));
        assert!(given == alone, "side by side, the sections find what each finds alone");
        assert!(check(&text, &lexicon, &options).suspects == alone);
    }

    #[test]
    fn a_long_texts_sections_are_checked_on_the_cores_its_check_may_use() {
        // Alone: every core, as many as it has sections.
        assert_eq!([1, 2, 4, 16].map(|cores| section_workers(cores, 1, 10)), [1, 2, 4, 10]);
        // Beside other checks (`galley check` of many files, one on each core): its share only.
        assert_eq!([(2, 2), (4, 4), (8, 2), (16, 3), (2, 5)].map(|(c, n)| section_workers(c, n, 10)), [1, 1, 4, 5, 1]);
    }

    fn flagged(text: &str) -> Vec<(String, Kind, Option<String>)> {
        check(text, &Lexicon::new(), &Options::default())
            .suspects
            .into_iter()
            .map(|s| (s.word(text).to_string(), s.kind, s.suggestions.first().map(str::to_string)))
            .collect()
    }

    proptest::proptest! {
        /// The spans between backticks are what splitting each line at its backticks gives, a
        /// span left open running to the line's end, whatever the line ends are.
        #[test]
        fn code_spans_are_the_lines_split_at_their_backticks(
            pieces in proptest::collection::vec(proptest::sample::select(vec!["`", "\n", "\r\n", "\r", "a", "bc ", "é"]), 0..40)
        ) {
            let text = pieces.concat();
            let mut want: FastSet<&str> = FastSet::default();
            for line in text.lines() {
                let mut parts = line.split('`');
                parts.next();
                while let Some(code) = parts.next() {
                    want.insert(code);
                    parts.next();
                }
            }
            proptest::prop_assert_eq!(code_spans(&text), want);
        }
    }

    #[test]
    fn names_far_from_words_pass_and_slips_do_not() {
        assert_eq!(flagged("Kendall works at Diagrid and Mirantis."), []);
        assert_eq!(
            flagged("Why is code deployment still Fraugt with problems?"),
            [("Fraugt".to_string(), Kind::Spelling, Some("Fraught".to_string()))]
        );
    }

    #[test]
    fn dialect_is_chosen_from_the_article() {
        let c = check("The colour of the organisation's behaviour. The color.", &Lexicon::new(), &Options::default());
        assert_eq!(c.dialect, Dialect::Gb);
        assert_eq!(c.suspects.len(), 1);
        assert_eq!(c.suspects[0].suggestions.first(), Some("colour"));
    }

    #[test]
    fn lower_words_come_back_as_they_went_in() {
        // Gaps of one, two and three varint bytes, long words, and enough words for many pages.
        let mut spans = Vec::new();
        let mut at = 0;
        for k in 0..40_000usize {
            at += [1, 7, 127, 128, 16_383, 16_384, 3][k % 7];
            let len = [1, 5, 200, 70_000][k % 4];
            spans.push(Span::new(at, at + len));
        }
        let mut lower = LowerWords::default();
        for &s in &spans {
            lower.push(s);
        }
        assert!(lower.pages.len() > 2, "the test crosses pages");
        let mut back = Vec::new();
        lower.each(|s| back.push(s));
        assert_eq!(back, spans);
    }

    #[test]
    fn lower_case_uses_are_counted_wherever_they_stand() {
        // `roden` in lower case before and after the name, far apart: both are raised.
        let filler = "The team shipped the release on time and the users were glad of it. ".repeat(400);
        let text = format!("We spoke to roden first. {filler}Kendall Roden said so. {filler}Then roden left.");
        let raised: Vec<_> = flagged(&text).into_iter().filter(|(w, _, _)| w == "roden").collect();
        assert_eq!(raised.len(), 2, "{raised:?}");
        assert!(raised.iter().all(|(_, k, fix)| *k == Kind::Casing && fix.as_deref() == Some("Roden")));
    }
}
