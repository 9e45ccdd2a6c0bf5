//! Casing in context: the errors a dictionary alone cannot see, because every word is spelled
//! right and only its capital is wrong.
//!
//! - A common word Capitalised inside a sentence (`Panel Members Discussed One`) is lowered,
//!   unless its run of capitalised words holds a name (`Randy Bias`, `Linux Foundation`), spells
//!   out the acronym beside it (`Cloud Native Computing Foundation (CNCF)`), sits in quotes, or
//!   is on a heading line (short, no final punctuation, or `#`).
//! - A rare word whose tech term is spelled otherwise takes the term's spelling (`Ai` -> `AI`).
//! - A name the article itself writes Capitalised inside sentences is a name: its lower-case
//!   occurrences are raised (`according to roden` -> `Roden`; `python` -> `Python` when the
//!   article writes `Python` at least as often).
//! - A sentence that starts with a lower-case common word is raised.

use crate::fasthash::{FastMap, FastSet};
use crate::lexicon::{Case, Dialect, Lexicon, Sense, Verdict, format};
use crate::span::{self, Span};
use crate::suspect::{Kind, Lists, Suspect};

/// A line shorter than this that ends without punctuation is a heading (or a list item).
const HEADING_MAX: usize = 80;
/// Stray capitals per 1,000 words above which an article was capitalised at random (damaged
/// articles on the development set have 60 to 120; clean ones 0 to 12, from class names,
/// constants and titles that their authors capitalise on purpose). Below it, a capital inside a
/// sentence is the author's choice and is left alone.
const DAMAGED_PER_MILLE: usize = 20;
/// ... and at least this many of them: a short text with two or three capitals says nothing.
const DAMAGED_MIN: usize = 5;
/// Words at least this common (`that`, `do`, `using`) are never an article's own name, however
/// often random capitals hit them.
pub const FUNCTION_WORD: f64 = 1.0e8;
/// A line at least this long that ends without punctuation was hard-wrapped: the next line
/// continues its sentence.
const WRAPPED_MIN: usize = 50;

/// A word written with a capital, as the checker met it. Twelve bytes: a damaged 10 MB article
/// has half a million of these (the word itself is sliced from the text when needed).
#[derive(Clone, Copy, Debug)]
pub struct Capital {
    at: u32,
    len: u32,
    /// It starts a sentence (or a quote, a list item, a line after a heading).
    pub start: bool,
    /// Its casing (Title, Upper or Mixed).
    pub case: Case,
}

impl Capital {
    /// The capital at `span`, or `None` past the first 4 GiB of a text (whose capitals are then
    /// not judged).
    #[must_use]
    pub fn new(span: Span, start: bool, case: Case) -> Option<Self> {
        Some(Self { at: u32::try_from(span.start).ok()?, len: u32::try_from(span.len()).ok()?, start, case })
    }

    /// Where it is.
    #[must_use]
    pub const fn span(self) -> Span {
        Span::new(self.at as usize, self.at as usize + self.len as usize)
    }
}

/// True when a word that follows `gap` (the text since the previous token) starts a sentence.
#[must_use]
pub fn starts_sentence(text: &str, gap_start: Option<usize>, word_start: usize) -> bool {
    let Some(from) = gap_start else { return true };
    let gap = span::cut(text, from, word_start);
    // An ellipsis before a word in small letters trails off inside the sentence (`at the
    // booth... if not`), as `…` does.
    if trails_off(gap) && span::tail(text, word_start).starts_with(char::is_lowercase) {
        return false;
    }
    if gap.contains(['.', '!', '?', ':']) {
        return true;
    }
    // A quotation starts its own sentence; a bracket does not (`(such as …)`). A straight quote
    // opens one only where it touches the word: after a space it closed the words before
    // (`"info" Contains`).
    if gap.trim_end_matches([' ', '\t']).ends_with(['“', '‘', '«', '¿', '¡']) || gap.ends_with(['"', '\'']) {
        return true;
    }
    let Some(nl) = gap.find('\n') else { return false };
    let after = span::tail(gap, nl + 1).trim_start_matches([' ', '\t', '\r']);
    if after.starts_with('\n') || after.starts_with(['-', '*', '+', '•', '>']) {
        return true; // a blank line, a list item, a quote block
    }
    // A new line after a short unpunctuated line (a heading) starts afresh; after a long one the
    // text was hard-wrapped.
    !wrapped_there(text, from, gap)
}

/// True when `gap`, from the word before to a word (or from the text's start, `first`), ends in
/// a line that opens a list item or a paragraph with a reference or a version alone (`#131`,
/// `(#104)`, `v1.2.0:`): a changelog's item, whose next word starts it. Not code, nor a number
/// that a wrapped line carries on from the line before (`Version 2.0` / `or MIT`).
#[must_use]
pub fn opens_after_reference(gap: &str, first: bool) -> bool {
    let (before, line) = match gap.rsplit_once('\n') {
        Some(split) => split,
        None if first => ("", gap),
        None => return false,
    };
    let line = line.trim_start_matches([' ', '\t']);
    let item = line.strip_prefix(['-', '*', '+', '\u{2022}']).filter(|rest| rest.starts_with([' ', '\t']));
    let paragraph = first || before.contains('\n');
    let Some(reference) = item.or(paragraph.then_some(line)) else { return false };
    let reference = reference.trim_matches([' ', '\t']);
    let reference = reference.strip_prefix(['v', 'V']).unwrap_or(reference);
    reference.bytes().any(|b| b.is_ascii_digit())
        && !reference.contains(' ')
        && reference.bytes().all(|b| b.is_ascii_digit() || matches!(b, b'#' | b'.' | b'(' | b')' | b'[' | b']' | b':'))
}

/// True when `gap` (between two words) ends with an ellipsis, written as three full stops or as
/// one mark, and spaces.
fn trails_off(gap: &str) -> bool {
    let body = gap.trim_end_matches(' ');
    body.ends_with("...") || body.ends_with('\u{2026}')
}

/// True when the line break in the gap starting at `from`, if it holds one, ends a hard-wrapped
/// line: a wide one ([`WRAPPED_MIN`]), not a short line of a list (`A clustr.` / `three`).
#[must_use]
pub fn wrapped_there(text: &str, from: usize, gap: &str) -> bool {
    let Some(nl) = gap.find('\n') else { return true };
    let line_start = memchr::memrchr(b'\n', &text.as_bytes()[..from + nl]).map_or(0, |i| i + 1);
    at_least_chars(span::cut(text, line_start, from + nl).trim_end(), WRAPPED_MIN)
}

/// True when `gap` (between two words) ends a sentence inside a paragraph: the full stop is
/// glued to the word before and a space or a single line break follows (`end. next`, and so a
/// wrapped line's end, where [`wrapped_there`] says so; not `x . y`, `e.g. x` or a blank line,
/// after which text cut from a page often resumes mid-sentence). A question or exclamation
/// closed by a quote or bracket is quoted inside the sentence (`the "which paths are touched?"
/// info`), a full stop closed by a bracket ends only what the brackets hold (`(Linux, BSD,
/// etc.) in`), and an ellipsis trails off inside it (`booth... if not`).
#[must_use]
pub fn ends_sentence(gap: &str) -> bool {
    let body = gap.trim_end_matches(' ');
    // A single line break ends a wrapped line as a space does, with the spaces before it.
    let body =
        body.strip_suffix('\n').map_or(body, |b| b.strip_suffix('\r').unwrap_or(b).trim_end_matches([' ', '\t']));
    let closed = |c: char| matches!(c, '"' | '”' | '’' | '\'' | ')');
    body.len() < gap.len()
        && !trails_off(gap)
        && body.starts_with(['.', '!', '?'])
        && body.chars().all(|c| matches!(c, '.' | '!' | '?') || closed(c))
        && !(body.ends_with(')') || (body.contains(['!', '?']) && body.ends_with(closed)))
}

/// True when the text before `at` ends with an abbreviation that a full stop follows inside a
/// sentence (`vs.`, `e.g.`, `i.e.`, `cf.`, and `eg.` and `ie.` as READMEs often write them), or one that may end a sentence but, before a word in
/// small letters, goes on with it (`etc.`, `et al.`, `Dept.`), or a title before a name (`Dr.
/// Lemire`, `Mr.`, `Mrs.`, `Ms.`, `Prof.`): what comes after it is no new sentence.
#[must_use]
pub fn after_abbreviation(text: &str, at: usize) -> bool {
    let before = span::head(text, at).trim_end_matches(|c: char| c.is_ascii_alphabetic() || c == '.');
    let word = span::cut(text, before.len(), at).trim_end_matches('.');
    matches!(
        word.to_ascii_lowercase().as_str(),
        "vs" | "e.g"
            | "i.e"
            | "eg"
            | "ie"
            | "cf"
            | "viz"
            | "approx"
            | "incl"
            | "esp"
            | "resp"
            | "etc"
            | "al"
            | "dept"
            | "inc"
            | "ltd"
            | "corp"
            | "fig"
            | "eq"
            | "vol"
            | "dr"
            | "mr"
            | "mrs"
            | "ms"
            | "prof"
    ) && !before.ends_with(|c: char| c.is_alphanumeric())
}

/// True when `gap` is a dash that sets off a definition (`` ``0`` -- The service ``): after
/// code or a number, what follows starts afresh.
#[must_use]
pub fn is_dash(gap: &str) -> bool {
    matches!(gap.trim_matches([' ', '\t']), "-" | "--" | "\u{2013}" | "\u{2014}") && gap.starts_with([' ', '\t'])
}

/// The line holding byte `at`.
/// True when `s` holds `n` characters or more, read no further than the `n`th: a paragraph is
/// one line of a thousand characters, and every line is asked this.
fn at_least_chars(s: &str, n: usize) -> bool {
    s.len() >= n && (n == 0 || s.chars().nth(n - 1).is_some())
}

fn line_at(text: &str, at: usize) -> &str {
    let start = memchr::memrchr(b'\n', &text.as_bytes()[..at]).map_or(0, |i| i + 1);
    let end = memchr::memchr(b'\n', &text.as_bytes()[at..]).map_or(text.len(), |i| at + i);
    span::cut(text, start, end)
}

/// True when the line holding `at` is a heading: `#`-marked, or short and without final
/// punctuation. Title Case is right there.
#[must_use]
pub fn is_heading(text: &str, at: usize) -> bool {
    let whole = line_at(text, at);
    let line = whole.trim();
    if is_atx(line) {
        return true;
    }
    let unpunctuated = |l: &str| !l.ends_with(['.', '!', '?', ':', ';', ',', '"', '”', ')']);
    // A heading never ends on `of`, `the` or `and`: such a line runs on.
    let last = line.rsplit(' ').next().unwrap_or(line);
    if at_least_chars(line, HEADING_MAX + 1) || !unpunctuated(line) || (last != line && is_minor(last)) {
        return false;
    }
    // Not a line of a hard-wrapped paragraph: a long line that runs on into the next, or one
    // that a long unfinished line runs into.
    let start = whole.as_ptr() as usize - text.as_ptr() as usize;
    let end = start + whole.len();
    let next = text.get(end + 1..).map_or("", |t| line_at(t, 0)).trim();
    let prev = start.checked_sub(1).map_or("", |p| line_at(text, p)).trim();
    let wide = |l: &str| at_least_chars(l, WRAPPED_MIN);
    // The next line goes on with the sentence when it starts with anything but a capital or a
    // block's mark (code, a number, a quote), or with a capital after a line that already reads
    // as a sentence (`In the end, we get`): a heading holds no comma or full stop inside. A
    // shorter line goes on with the sentence when the next starts in small letters and it reads
    // as a sentence or holds five words or more (a paragraph wrapped early before a long word),
    // not when it is a word or two before a command (`Usage` / `cargo add it`).
    // A wide line also runs on when the next line's first word would not have fitted after it
    // on a line no wider than the next: hard-wrapped prose, broken there whatever the case of
    // the word that follows (damage Capitalises it as often as not). A heading before its
    // paragraph is seldom so long that the paragraph's first word would not fit after it. So
    // does a shorter line before a wide one, when that holds (prose wrapped narrower, broken
    // before a long word); not a line of a list of short lines.
    let mark = next.starts_with(['#', '-', '*', '+', '>', '|', '=']);
    let sentence = || [", ", ". ", "; "].iter().any(|p| line.contains(p));
    let broken_there = || {
        let first = next.split_whitespace().next().unwrap_or("");
        !at_least_chars(next, line.chars().count() + 1 + first.chars().count())
    };
    let lower_next = next.starts_with(char::is_lowercase);
    let runs_on = !next.is_empty()
        && !mark
        && ((wide(line) && (!next.starts_with(char::is_uppercase) || sentence() || broken_there()))
            || (lower_next && (sentence() || line.split_whitespace().count() >= 5))
            || (wide(next) && broken_there()));
    let tail_of_wrap = wide(prev) && unpunctuated(prev) && !is_atx(prev);
    !runs_on && !tail_of_wrap
}

/// True when `line` is marked a heading as Markdown marks one: one to six `#` and then a space
/// or nothing (`## Usage`), not an issue's number that a wrapped line starts with (`#14433 to
/// add support`).
fn is_atx(line: &str) -> bool {
    let hashes = line.bytes().take_while(|&b| b == b'#').count();
    (1..=6).contains(&hashes) && line.as_bytes().get(hashes).is_none_or(|&b| b == b' ' || b == b'\t')
}

const COMMON: u8 = 0;
const NAME: u8 = 1;
const PROPER: u8 = 2;
const BOTH: u8 = 3;
const UNKNOWN: u8 = 4;
const TERM: u8 = 5;

/// A sense as one byte (a term's spelling stays in the per-word table). `BOTH` is the
/// checker's own refinement of `Proper`: a very common word that is also a name.
fn code(sense: &Sense) -> u8 {
    match sense {
        Sense::Common => COMMON,
        Sense::Name | Sense::Tool => NAME,
        Sense::Proper => PROPER,
        Sense::Unknown => UNKNOWN,
        Sense::Term(_) => TERM,
    }
}

/// `word` in lower case, written into `buf` (no allocation once `buf` has grown).
pub fn lower_into<'b>(buf: &'b mut String, word: &str) -> &'b str {
    buf.clear();
    if word.is_ascii() {
        buf.push_str(word);
        buf.make_ascii_lowercase();
    } else {
        buf.extend(word.chars().flat_map(char::to_lowercase));
    }
    buf
}

/// The last line asked about, so that many runs on one long line find its ends once.
#[derive(Default)]
pub(crate) struct Line {
    start: usize,
    end: usize,
    heading: bool,
    title: bool,
}

impl Line {
    fn at(&mut self, text: &str, at: usize) {
        if at < self.start || at >= self.end || self.end == 0 {
            self.start = memchr::memrchr(b'\n', &text.as_bytes()[..at]).map_or(0, |i| i + 1);
            self.end = memchr::memchr(b'\n', &text.as_bytes()[at..]).map_or(text.len(), |i| at + i);
            self.heading = is_heading(text, at);
            self.title = self.heading && is_title_case(span::cut(text, self.start, self.end));
        }
    }

    pub(crate) fn is_heading(&mut self, text: &str, at: usize) -> bool {
        self.at(text, at);
        self.heading
    }

    /// A heading in Title Case, where a capital is the author's style: one whose words but the
    /// first mostly begin with one (`Minimum Supported Rust Version`), not a short line in
    /// sentence case with one stray capital (`stored on The heap`).
    pub(crate) fn is_title_heading(&mut self, text: &str, at: usize) -> bool {
        self.at(text, at);
        self.title
    }
}

/// True when most words of `line` after its first, of four letters or more, begin with a
/// capital (or there are none). Title Case leaves prepositions in lower case (`Working with
/// Files`), so they count neither way; nor does a word in lower case that clean prose writes
/// with capitals (`Anatomy of a cbor Item`): damage took them, not the heading's style.
fn is_title_case(line: &str) -> bool {
    let words = || {
        line.split_whitespace()
            .skip(1)
            .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
            .filter(|w| w.chars().count() >= 4 && w.starts_with(char::is_alphabetic) && !is_preposition(w))
    };
    let (mut upper, mut all) = (0, 0);
    for w in words() {
        all += 1;
        upper += usize::from(w.starts_with(char::is_uppercase));
    }
    if all == 0 || upper * 2 > all {
        return true;
    }
    // Only a line that reads as sentence case asks the model (a lookup may fault in a page).
    let model = crate::lexicon::model::Model::builtin();
    let lowered = words()
        .filter(|w| {
            w.starts_with(char::is_lowercase)
                && model.forms(w).max_by_key(|f| f.inside).is_some_and(|f| f.text.starts_with(char::is_uppercase))
        })
        .count();
    all == lowered || upper * 2 > all - lowered
}

/// The prepositions of four letters or more that Title Case writes in lower case.
fn is_preposition(word: &str) -> bool {
    matches!(word, "with" | "from" | "into" | "onto" | "over" | "upon" | "within" | "without")
}

/// True when the word's casing belongs to markup or to a compound name, not to prose: a
/// reStructuredText link (`Modernize_`), or a part of a hyphenated name whose other part is an
/// acronym (`WWW-Authenticate`, `X-Forwarded`). (Damage capitalises each part of a plain
/// compound, `Top-Level`, so those are judged as words.)
#[must_use]
pub fn is_markup_name(text: &str, span: Span) -> bool {
    let bytes = text.as_bytes();
    let after = &bytes[span.end..];
    if after.first() == Some(&b'_') && !after.get(1).is_some_and(u8::is_ascii_alphanumeric) {
        return true;
    }
    let is_acronym = |part: &[u8]| !part.is_empty() && part.iter().all(u8::is_ascii_uppercase);
    if let Some(rest) = after.strip_prefix(b"-") {
        let to = rest.iter().position(|b| !b.is_ascii_alphanumeric()).unwrap_or(rest.len());
        if is_acronym(&rest[..to]) {
            return true;
        }
    }
    if let Some(head) = bytes[..span.start].strip_suffix(b"-") {
        let from = head.iter().rposition(|b| !b.is_ascii_alphanumeric()).map_or(0, |i| i + 1);
        return is_acronym(&head[from..]);
    }
    false
}

/// True when the word stands alone in quotes, perhaps with a colon (`'homebrew'`, `"http:"`):
/// a mention of the word as written, not a use of it.
#[must_use]
pub fn is_mention(text: &str, span: Span) -> bool {
    let Some(open) = span::head(text, span.start).chars().next_back() else { return false };
    let close = match open {
        '\'' | '"' | '`' => open,
        '\u{2018}' => '\u{2019}',
        '\u{201c}' => '\u{201d}',
        _ => return false,
    };
    let rest = span::tail(text, span.end);
    rest.strip_prefix(':').unwrap_or(rest).starts_with(close)
}

/// Small words that may stand inside a multi-word name (`Bank of America`).
fn is_connector(gap: &str) -> bool {
    matches!(gap, " " | " of " | " and " | " for " | " the " | " & " | " de " | " von " | " van " | " on " | " in ")
}

/// An acronym as the article writes it (`CNCF`, `URLs`), reduced to its capitals; `None` for a
/// word that is not one.
fn acronym_of(word: &str) -> Option<String> {
    let word = word.strip_suffix('s').unwrap_or(word); // `URLs`
    let mut letters = 0;
    for c in word.chars().filter(|c| c.is_alphabetic()) {
        if !c.is_uppercase() {
            return None;
        }
        letters += 1;
    }
    (letters >= 2).then(|| word.chars().filter(|c| c.is_alphabetic()).collect())
}

/// The acronyms of three letters or more the article writes, for the expansions it spells out
/// elsewhere.
fn acronyms_in(text: &str, caps: &[Capital]) -> FastSet<String> {
    caps.iter()
        .filter(|c| c.case != Case::Title)
        .filter_map(|c| acronym_of(c.span().slice(text)))
        .filter(|a| a.len() >= 3)
        .collect()
}

/// The initials of a word as an acronym takes them: its first letter, and the capitals inside a
/// word written in mixed case (`HyperText` -> `HT`).
fn initials_into(out: &mut String, word: &str) {
    if word.is_ascii() {
        let mut bytes = word.bytes();
        out.extend(bytes.next().map(|b| char::from(b.to_ascii_uppercase())));
        out.extend(bytes.filter(u8::is_ascii_uppercase).map(char::from));
        return;
    }
    let mut chars = word.chars();
    out.extend(chars.next().into_iter().flat_map(char::to_uppercase));
    out.extend(chars.filter(|c| c.is_uppercase()));
}

/// The part of the run (a range of its indices) whose initials spell an acronym: the one in
/// brackets right after it (`the Internet Protocol (IP)`, `Cloud Native Computing Foundation
/// (CNCF)`) or right before it (`CNCF (Cloud Native …)`), or, for three letters or more, one the
/// article writes anywhere (`HTTP` … `HyperText Transfer Protocol`).
fn acronym_part(text: &str, run: &[Capital], acronyms: &FastSet<String>) -> Option<(usize, usize)> {
    let (first, last) = (run.first()?, run.last()?);
    // Most runs are one word with no bracket beside it: nothing to spell.
    let bracket_after = span::tail(text, last.span().end).trim_start_matches(' ').starts_with('(');
    let bracket_before = span::head(text, first.span().start).trim_end_matches(' ').ends_with('(');
    if run.len() < 2 && !bracket_after && !bracket_before {
        return None;
    }
    // The run's initials, with where each word's begin: `initials(from, to)` is a slice.
    let mut all = String::new();
    let mut bounds = Vec::with_capacity(run.len() + 1);
    bounds.push(0);
    for c in run {
        initials_into(&mut all, c.span().slice(text));
        bounds.push(all.len());
    }
    let initials = |from: usize, to: usize| span::cut(&all, bounds[from], bounds[to]);
    // An expansion may run on past a short acronym's letters (`CNCF` for four of five words).
    let spells =
        |cand: &str, acronym: &str| cand == acronym || (cand.starts_with(acronym) && acronym.len() * 2 > cand.len());
    let n = run.len();
    let after = span::tail(text, last.span().end).trim_start_matches(' ');
    if let Some(inner) = after.strip_prefix('(').and_then(|r| r.split_once(')')).map(|(a, _)| a)
        && inner.len() <= 12
        && let Some(acronym) = acronym_of(inner)
        && let Some(k) = (0..n).find(|&k| spells(initials(k, n), &acronym))
    {
        return Some((k, n));
    }
    let before = span::head(text, first.span().start).trim_end_matches(' ');
    if let Some(head) = before.strip_suffix('(')
        && let Some(word) = head.trim_end().rsplit([' ', '\n']).next()
        && word.len() <= 12
        && let Some(acronym) = acronym_of(word)
        && let Some(k) = (1..=n).rev().find(|&k| spells(initials(0, k), &acronym))
    {
        return Some((0, k));
    }
    // Every stretch of two words or more, its initials grown word by word.
    for from in 0..n.saturating_sub(1) {
        for to in from + 2..=n {
            let cand = initials(from, to);
            if cand.len() > 8 {
                break;
            }
            if cand.len() >= 3 && acronyms.contains(cand) {
                return Some((from, to));
            }
        }
    }
    None
}

/// Programming-language keywords, `language<TAB>keyword` (from Python's `keyword` module: see
/// assets/NOTICE.md).
const KEYWORDS: &str = include_str!("../../assets/keywords.txt");

/// The capitalised keywords (`None`, `True`, `False`) of the languages the article names
/// (`Python`) and writes inside a sentence: there they are the language's constants, not stray
/// capitals.
fn keyword_names(text: &str, caps: &[Capital]) -> Vec<&'static str> {
    let pairs: Vec<(&str, &str)> = KEYWORDS
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split_once('\t'))
        .filter(|(_, k)| k.starts_with(|c: char| c.is_ascii_uppercase()))
        .collect();
    // One pass: which keywords stand inside a sentence, which languages are named (a name is
    // always capitalised, so it is among the capitals).
    let (mut used, mut named) = (vec![false; pairs.len()], vec![false; pairs.len()]);
    for c in caps.iter().filter(|c| c.case == Case::Title) {
        let word = c.span().slice(text);
        for (i, &(language, keyword)) in pairs.iter().enumerate() {
            used[i] |= !c.start && word == keyword;
            named[i] |= word == language;
        }
    }
    pairs.iter().enumerate().filter(|&(i, _)| used[i] && named[i]).map(|(_, &(_, k))| k).collect()
}

/// Small words an expansion skips when it spells its acronym (`Bank of America` is `BoA`).
fn is_minor(word: &str) -> bool {
    matches!(word, "of" | "and" | "for" | "the" | "to" | "in" | "on" | "a" | "an" | "with" | "&")
}

/// The words of `s` made of letters (and inner hyphens or `&`) with their spans, `offset` being
/// where `s` starts in the text: those after the last other word (`+`, `2025`) when `last`, as
/// an expansion before its bracket takes them (`Kubecon + Cloud Native Computing Foundation`),
/// else those before the first, as one inside its bracket does.
fn plain_words(s: &str, offset: usize, last: bool) -> Vec<Span> {
    let mut out = Vec::new();
    let mut at = 0;
    for w in s.split(' ') {
        let start = at;
        at += w.len() + 1;
        if w.is_empty() {
            continue;
        }
        if !w.chars().all(|c| c.is_alphabetic() || c == '-' || c == '&') {
            if !last {
                break;
            }
            out.clear();
            continue;
        }
        out.push(Span::new(offset + start, offset + start + w.len()));
    }
    out
}

/// The first `k` words of `words` (in order) whose initials, skipping small words and read
/// without regard to case, spell `acronym`.
fn spelled_by(text: &str, words: &[Span], acronym: &str) -> Option<usize> {
    let mut initials = String::new();
    for (k, w) in words.iter().enumerate() {
        let word = w.slice(text);
        if !is_minor(word) {
            initials_into(&mut initials, word);
        }
        if initials == acronym {
            return Some(k + 1);
        }
        if !acronym.starts_with(initials.as_str()) {
            return None;
        }
    }
    None
}

/// Acronyms spelled out beside themselves, in brackets: `Common Gateway Interface (CGI)` or
/// `CGI (Common Gateway Interface)`, read without regard to case, since damage may have lowered
/// a word of it (`CGI (Common gateway Interface)`) or the acronym itself (`Machine Learning
/// (Ml)`). Returns the spans of the expansions, whose capitals are a name's; the lower-case
/// words of the expansions that also have capitals, which lost theirs (small words aside); and
/// the acronyms in brackets that lost their capitals.
fn expansions(text: &str, caps: &[Capital]) -> (Vec<Span>, Vec<Span>, Vec<Span>) {
    let (mut spans, mut lowered, mut shrunk) = (Vec::new(), Vec::new(), Vec::new());
    let bytes = text.as_bytes();
    // Each bracket beside an acronym the article writes: `(CGI)` or `CGI (`.
    let mut brackets: Vec<usize> = caps
        .iter()
        .filter_map(|c| {
            let span = c.span();
            let after = span::tail(text, span.end).trim_start_matches(' ');
            let inside = span.start > 0 && bytes[span.start - 1] == b'(' && after.starts_with(')');
            if c.case == Case::Title {
                // `(Ml)`: an acronym that lost its capitals, if its expansion comes before.
                return (inside && is_shrunk_acronym(span.slice(text))).then(|| span.start - 1);
            }
            if inside {
                Some(span.start - 1)
            } else if after.starts_with('(') {
                Some(text.len() - after.len())
            } else {
                None
            }
        })
        .collect();
    brackets.dedup(); // `FOO (CGI)`: one bracket, seen from both sides
    for open in brackets {
        let rest = &bytes[open + 1..];
        let head_end = span::head(text, open).trim_end_matches(' ').len();
        let acronym_inside = rest.first().is_some_and(u8::is_ascii_uppercase);
        let Some(close) = rest.iter().take(81).position(|&b| b == b')' || b == b'\n').filter(|&c| rest[c] == b')')
        else {
            continue;
        };
        let inner = span::cut(text, open + 1, open + 1 + close);
        let shrunk_inner = is_shrunk_acronym(inner);
        let upper = shrunk_inner.then(|| inner.to_ascii_uppercase());
        let inner = upper.as_deref().unwrap_or(inner);
        // At most twelve words before the bracket, on its line and in its clause.
        let line_start =
            span::head(text, head_end).rfind(['\n', '.', ',', ';', ':', '(', ')', '"']).map_or(0, |i| i + 1);
        let head = span::cut(text, line_start, head_end);
        let found = if let Some(acronym) = acronym_of(inner).filter(|a| acronym_inside && (2..=8).contains(&a.len())) {
            // `Common Gateway Interface (CGI)`: the last words before the bracket.
            let words = plain_words(head, line_start, true);
            (1..=words.len().min(12)).find_map(|k| {
                let tail = &words[words.len() - k..];
                (spelled_by(text, tail, &acronym) == Some(k)).then(|| tail.to_vec())
            })
        } else if shrunk_inner {
            None
        } else {
            // `CGI (Common Gateway Interface)`: the first words inside.
            let word = head.rsplit(' ').next().unwrap_or_default();
            acronym_of(word).filter(|a| (2..=8).contains(&a.len())).and_then(|acronym| {
                let words = plain_words(inner, open + 1, false);
                spelled_by(text, &words, &acronym).map(|k| words[..k].to_vec())
            })
        };
        let Some(words) = found else { continue };
        let (Some(first), Some(last)) = (words.first(), words.last()) else { continue };
        spans.push(Span::new(first.start, last.end));
        if shrunk_inner {
            // The acronym is a name too, so no rule lowers it; its suspect raises it.
            spans.push(Span::new(open + 1, open + 1 + close));
            shrunk.push(Span::new(open + 1, open + 1 + close));
        }
        let capitalised = |w: &Span| w.slice(text).starts_with(char::is_uppercase);
        if words.iter().any(capitalised) {
            lowered.extend(words.iter().filter(|w| !capitalised(w) && !is_minor(w.slice(text))));
        }
    }
    (spans, lowered, shrunk)
}

/// True for what may be an acronym that lost its capitals, inside brackets: one short word,
/// Capitalised (`Ml`, `Llm`).
fn is_shrunk_acronym(word: &str) -> bool {
    (2..=5).contains(&word.len())
        && word.bytes().all(|b| b.is_ascii_alphabetic())
        && crate::lexicon::case_of(word) == Case::Title
}

/// True when the run stands beside a separator of a chain of labels, on a line with two or
/// more of them (`Programming Language :: Python :: 3`, `Home > Docs > API`): labels keep the
/// capitals they were given.
fn is_label(text: &str, run: &[Capital]) -> bool {
    const SEPARATORS: [&str; 4] = [" :: ", " : ", " > ", " / "];
    let (Some(first), Some(last)) = (run.first(), run.last()) else { return false };
    let (before, after) = (span::head(text, first.span().start), span::tail(text, last.span().end));
    let Some(sep) = SEPARATORS.iter().find(|s| before.ends_with(*s) || after.starts_with(*s)) else { return false };
    let line_start = memchr::memrchr(b'\n', before.as_bytes()).map_or(0, |i| i + 1);
    let line_end = memchr::memchr(b'\n', after.as_bytes()).map_or(text.len(), |i| last.span().end + i);
    span::cut(text, line_start, line_end).matches(sep).nth(1).is_some()
}

/// Nouns that name what a class makes, in programming prose (`a Request object`).
const CLASS_NOUNS: [&str; 6] = ["object", "objects", "class", "classes", "instance", "instances"];

/// The Capitalised words the article writes at least twice inside a sentence right before
/// `object`, `class` or `instance` (`a Request object`, `Request objects`): class names, which
/// keep their capital wherever they stand. Once is not enough: damage capitalises a word before
/// such a noun now and then (`a Character class`). A determiner is none (`Set The class of`,
/// twice in an article of setters).
fn class_names<'t>(text: &'t str, caps: &[Capital]) -> FastSet<&'t str> {
    let mut seen: FastMap<&str, usize> = FastMap::default();
    let bytes = text.as_bytes();
    for c in caps.iter().filter(|c| c.case == Case::Title && !c.start) {
        let end = c.span().end;
        // A space, then the first letter of a class noun: most capitals stop here.
        if bytes.get(end) != Some(&b' ') || !matches!(bytes.get(end + 1), Some(b'o' | b'c' | b'i')) {
            continue;
        }
        let rest = span::tail(text, end + 1);
        let noun = rest.split(|ch: char| !ch.is_ascii_alphabetic()).next().unwrap_or_default();
        if CLASS_NOUNS.contains(&noun) {
            *seen.entry(c.span().slice(text)).or_default() += 1;
        }
    }
    let determiner = |w: &str| DETERMINERS.iter().any(|d| d.eq_ignore_ascii_case(w));
    seen.into_iter().filter(|&(w, n)| n >= 2 && !determiner(w)).map(|(w, _)| w).collect()
}

/// The words that stand before a noun as its determiner (`the class`, `each object`): none of
/// them names a class.
const DETERMINERS: [&str; 20] = [
    "the", "a", "an", "this", "that", "these", "those", "each", "every", "any", "some", "no", "its", "his", "her",
    "their", "our", "your", "my", "another",
];

/// True when the run is enclosed in quotes or emphasis: a title or a label, written as such.
fn is_quoted(text: &str, run: &[Capital]) -> bool {
    let (Some(first), Some(last)) = (run.first(), run.last()) else { return false };
    let open = span::head(text, first.span().start).chars().next_back();
    let close = span::tail(text, last.span().end).trim_start_matches(['.', ',', '!', '?']).chars().next();
    matches!(
        (open, close),
        (Some('“'), Some('”'))
            | (Some('"'), Some('"'))
            | (Some('‘'), Some('’'))
            | (Some('*'), Some('*'))
            | (Some('_'), Some('_'))
    )
}

/// How many distinct capitalised words [`capitals`] keeps the sense of at most.
const KNOWN_MAX: usize = 1 << 16;

/// A word of the text that hashes and compares as its lower case (`Roden` and `roden` are one
/// key): a map keyed by it borrows the word where it was first written instead of owning a copy
/// (an article of a million distinct names makes a million keys).
#[derive(Clone, Copy, Debug)]
pub struct Folded<'t>(pub &'t str);

impl Folded<'_> {
    fn lower(&self) -> impl Iterator<Item = char> + '_ {
        self.0.chars().flat_map(char::to_lowercase)
    }
}

impl std::hash::Hash for Folded<'_> {
    fn hash<H: std::hash::Hasher>(&self, h: &mut H) {
        // Char by char on every path, so that equal keys hash alike (the Kelvin sign is a `k`).
        for c in self.lower() {
            h.write_u32(u32::from(c));
        }
        h.write_u8(0xff);
    }
}

impl PartialEq for Folded<'_> {
    fn eq(&self, other: &Self) -> bool {
        if self.0.is_ascii() && other.0.is_ascii() {
            self.0.eq_ignore_ascii_case(other.0)
        } else {
            self.lower().eq(other.lower())
        }
    }
}

impl Eq for Folded<'_> {}

/// How the article itself writes a word: Capitalised inside sentences, and in lower case.
#[derive(Clone, Copy, Debug, Default)]
pub struct Usage {
    /// Capitalised inside a sentence.
    pub title: u32,
    /// In lower case.
    pub lower: u32,
}

impl Usage {
    /// A word the article writes Capitalised inside sentences at least this often, and at least
    /// as often as in lower case, is its own name or term (`Python`, `Request` for a class):
    /// random capitals hit a common word far less often than its plain form.
    pub const OWN_NAME: u32 = 3;

    /// True when the article treats the word as a name.
    #[must_use]
    pub fn is_name(self) -> bool {
        self.title >= Self::OWN_NAME && self.title >= self.lower
    }
}

/// The casing suspects among the capitalised words of an article, and the names it writes.
pub struct Capitals {
    /// Capitalised common words and mis-cased terms inside sentences.
    pub suspects: Vec<Suspect>,
    /// Names the article writes Capitalised inside sentences and also in lower case: lower-case
    /// key -> the spelling.
    pub names: FastMap<String, String>,
    /// Acronyms in brackets after their expansion that lost their capitals (`Machine Learning
    /// (Ml)`): they replace any other suspect of the word (`Llm` is no misspelling of `Lam`).
    pub acronyms: Vec<Suspect>,
    /// Where the article itself shows a capitalised word to be a name: a class name, a
    /// language's constant, a word of an acronym's expansion, a label. No model lowers these.
    pub shown: Vec<usize>,
    /// Where a Title Case word stands in a name of name-like words side by side, but is
    /// name-like by its own sense alone (the article Capitalises it at every use, or the lists
    /// know it as a name: `Ensure` in `Help Ensure`), not by anything the article shows. The
    /// model weighs the same evidence against the article's damage: it lowers these only where
    /// it is sure.
    pub self_named: Vec<usize>,
}

/// What the article shows of its own names, beyond how often it capitalises a word.
struct Evidence<'t> {
    /// Acronyms of three letters or more it writes.
    acronyms: FastSet<String>,
    /// Class names (`Request`, twice before `object`).
    classes: FastSet<&'t str>,
    /// Capitalised keywords of a language it names (`None` beside `Python`).
    keywords: Vec<&'static str>,
    /// Acronym expansions, in text order.
    expanded: Vec<Span>,
}

impl<'t> Evidence<'t> {
    /// The evidence of `text`, the lower-case words of its expansions that lost their capital,
    /// and the acronyms in brackets that lost theirs.
    fn of(text: &'t str, caps: &[Capital]) -> (Self, Vec<Span>, Vec<Span>) {
        let (expanded, lowered, shrunk) = expansions(text, caps);
        let evidence = Self {
            acronyms: acronyms_in(text, caps),
            classes: class_names(text, caps),
            keywords: keyword_names(text, caps),
            expanded,
        };
        (evidence, lowered, shrunk)
    }

    /// True for a word the article shows to be a class name or a language's constant.
    fn names(&self, word: &str) -> bool {
        self.classes.contains(word) || self.keywords.contains(&word)
    }

    /// True when `span` lies inside an acronym's expansion.
    fn in_expansion(&self, span: Span) -> bool {
        let k = self.expanded.partition_point(|e| e.start <= span.start);
        k > 0 && span.end <= self.expanded[k - 1].end
    }
}

/// True when `found`, sorted by where each suspect starts, reports `span` as a misspelling: a
/// binary search, where a set of the misspellings' spans took 9 MB of 3 MB of random words.
fn is_misspelled(found: &[Suspect], span: Span) -> bool {
    let first = found.partition_point(|s| s.span.start < span.start);
    found[first..].iter().take_while(|s| s.span.start == span.start).any(|s| s.kind == Kind::Spelling && s.span == span)
}

/// Judges the capitalised words of `text` (`words` long). `found` holds the suspects found so
/// far, sorted by where they start: the misspellings among them do not make a run a name.
/// `usage` tells how the article writes a word (by its lower-case key).
#[must_use]
#[allow(clippy::too_many_arguments, clippy::too_many_lines)] // the check's findings, handed over as they are
pub fn capitals(
    text: &str,
    words: usize,
    lexicon: &Lexicon,
    dialect: Dialect,
    caps: &[Capital],
    found: &[Suspect],
    usage: &FastMap<Folded<'_>, Usage>,
    lower_uses: &FastMap<String, Vec<Span>>,
    lists: &mut Lists,
) -> Capitals {
    let mut out = Capitals {
        suspects: Vec::new(),
        names: FastMap::default(),
        acronyms: Vec::new(),
        shown: Vec::new(),
        self_named: Vec::new(),
    };
    let mut key = String::new();
    let mut line = Line::default();
    let mut known: FastMap<&str, u8> = FastMap::default(); // word -> sense code
    let mut terms: FastMap<&str, String> = FastMap::default(); // word -> its term (`Ai` -> `AI`)
    // Runs of capitalised words joined by spaces (or `of`, `and`): index ranges into `caps`, with
    // each word's sense at the same index of `senses`.
    let mut runs: Vec<(usize, usize)> = Vec::new();
    // One byte per capital (see `code`): a damaged 10 MB article has half a million capitals.
    let mut senses: Vec<u8> = vec![UNKNOWN; caps.len()];
    let (evidence, lowered, shrunk) = Evidence::of(text, caps);
    let mut i = 0;
    while i < caps.len() {
        let mut j = i + 1;
        while j < caps.len()
            && !caps[j].start
            && is_connector(span::cut(text, caps[j - 1].span().end, caps[j].span().start))
        {
            j += 1;
        }
        let (from, to) = (i, j);
        i = j;
        let run = &caps[from..to];
        if run.iter().all(|c| c.start) {
            continue; // sentence starts only: capitals are right there
        }
        for (k, c) in run.iter().enumerate() {
            let word = c.span().slice(text);
            // Judged once per distinct word; a misspelling is judged where it stands.
            let sense = if let Some(&s) = known.get(word) {
                s
            } else {
                let s = match c.case {
                    Case::Upper | Case::Mixed => NAME, // `HTML Specification`
                    _ if evidence.names(word) => NAME, // `a Request object`, `None`
                    _ => title_sense(lexicon, dialect, word, usage.get(&Folded(word)), &mut terms),
                };
                // A cache, bounded: an article of a million distinct names keeps the last few.
                if known.len() >= KNOWN_MAX {
                    known.clear();
                }
                known.insert(word, s);
                s
            };
            let sense = if sense == UNKNOWN && is_misspelled(found, c.span()) { COMMON } else { sense };
            // Kept only for a word the article also writes in lower case, where it may be raised:
            // an article of a million distinct names keeps none of them.
            if !c.start
                && matches!(sense, NAME | UNKNOWN)
                && c.case == Case::Title
                && lower_uses.contains_key(lower_into(&mut key, word))
                && !out.names.contains_key(key.as_str())
            {
                out.names.insert(key.clone(), word.to_string());
            }
            // An acronym's expansion is a name, however the damage left its capitals; so is a
            // month in a date (`15 May 2025`).
            let date = c.case == Case::Title && is_date_month(text, c.span());
            senses[from + k] = if date || evidence.in_expansion(c.span()) { NAME } else { sense };
            if c.case == Case::Title && (date || evidence.in_expansion(c.span()) || evidence.names(word)) {
                out.shown.push(c.span().start);
            }
        }
        if is_quoted(text, run) || is_label(text, run) {
            out.shown.extend(run.iter().map(|c| c.span().start));
        }
        if line.is_heading(text, run[0].span().start) || is_quoted(text, run) || is_label(text, run) {
            continue;
        }
        // An acronym's expansion is a name; what stands beside it in the run is judged on its own.
        let (a, b) = acronym_part(text, run, &evidence.acronyms).unwrap_or((0, 0));
        runs.extend([(from, from + a), (from + b, to)].into_iter().filter(|(x, y)| x < y));
    }
    // Whether the article was capitalised at random: then only names protect themselves, and a
    // name is one word no list knows as a common word (`Python`, `Diagrid`), or two or more
    // name-like words side by side (`Randy Bias`, `John Smith`); what stands beside a name is
    // judged on its own (`Python Standard Library`). In a clean article a name makes its whole
    // run a name (`Linux Foundation`, `Google Cloud Platform`). Returns the indices of the
    // capitals to fix.
    let strong = |k: usize, (from, to): (usize, usize)| (from..to).contains(&k) && matches!(senses[k], NAME | UNKNOWN);
    // A very common word that is also a name is one beside a sure name (`Will Smith`), but not
    // one of two letters: those are function words (`written In Rust`).
    let given = |k: usize| senses[k] == BOTH && caps[k].span().len() > 2;
    let nameish = |k: usize, run: (usize, usize)| {
        (run.0..run.1).contains(&k)
            && (strong(k, run)
                || senses[k] == PROPER
                || (given(k) && (strong(k + 1, run) || (k > 0 && strong(k - 1, run)))))
    };
    let stray = |damaged: bool| {
        let mut found: Vec<usize> = Vec::new();
        for &run in &runs {
            if !damaged && (run.0..run.1).any(|k| nameish(k, run)) {
                continue;
            }
            for k in run.0..run.1 {
                let in_name = nameish(k, run) && ((k > 0 && nameish(k - 1, run)) || nameish(k + 1, run));
                if !caps[k].start && !in_name && !matches!(senses[k], NAME | UNKNOWN) {
                    found.push(k);
                }
            }
        }
        found
    };
    let suspect = |k: usize| {
        let c = &caps[k];
        let word = c.span().slice(text);
        let fix = match terms.get(word) {
            Some(t) if senses[k] == TERM => t.clone(),
            _ => word.to_lowercase(),
        };
        Suspect::new(c.span(), Kind::Casing, lists.one(fix))
    };
    // Two name-like words side by side are a name (`Randy Bias`), however damaged the article:
    // the rules take neither down. Of them, the model may still take down one of the commonest
    // words that is also a name (`More`): it weighs the word's neighbours, which the rules do
    // not (`even More Rust` is `more Rust`).
    // A word a name by its own sense (`Ensure`, which a damaged article Capitalises at every
    // use) is kept apart: the model may still lower it where it is sure.
    for &run in &runs {
        let in_name = |&k: &usize| nameish(k, run) && ((k > 0 && nameish(k - 1, run)) || nameish(k + 1, run));
        let own = |&k: &usize| senses[k] != BOTH;
        for k in (run.0..run.1).filter(in_name).filter(own) {
            let by_own_sense = senses[k] == NAME && caps[k].case == Case::Title;
            if by_own_sense { &mut out.self_named } else { &mut out.shown }.push(caps[k].span().start);
        }
    }
    let damaged = stray(true);
    if damaged.len() >= DAMAGED_MIN && damaged.len() * 1000 >= DAMAGED_PER_MILLE * words.max(1) {
        out.suspects = damaged.into_iter().map(suspect).collect();
    } else {
        // Only terms the article wrote in the wrong case (`Ai` for `AI`).
        out.suspects = stray(false).into_iter().filter(|&k| senses[k] == TERM).map(suspect).collect();
    }
    out.suspects.extend(lowered.into_iter().map(|span| raised(text, span, lists)));
    out.acronyms = shrunk
        .into_iter()
        .map(|span| Suspect::new(span, Kind::Casing, lists.one(span.slice(text).to_uppercase())))
        .collect();
    out
}

/// What a Title-case `word` is inside a sentence, as a sense code, given how the article writes
/// it (`usage`); a term's spelling goes into `terms` (`Ai` -> `AI`).
fn title_sense<'t>(
    lexicon: &Lexicon,
    dialect: Dialect,
    word: &'t str,
    usage: Option<&Usage>,
    terms: &mut FastMap<&'t str, String>,
) -> u8 {
    if usage.is_some_and(|u| u.is_name()) && lexicon.frequency(word) < FUNCTION_WORD {
        return NAME;
    }
    match lexicon.capital_sense(word, dialect) {
        // A very common word that is also a name (`Will`, `Case`) is a name only beside a sure
        // one (`John Smith`).
        Sense::Proper if lexicon.frequency(word) >= FUNCTION_WORD => BOTH,
        Sense::Term(t) => {
            terms.insert(word, t);
            TERM
        }
        // `Pylint's` is the tool's name; `Urlopen`, where the article writes `urlopen`, is a
        // stray capital.
        Sense::Tool if usage.is_some_and(|u| u.lower > u.title) => COMMON,
        s => code(&s),
    }
}

/// `CGI (Common gateway Interface)`: the word of an expansion that lost its capital gets it back.
fn raised(text: &str, span: Span, lists: &mut Lists) -> Suspect {
    Suspect::new(span, Kind::Casing, lists.one(capitalised(span.slice(text))))
}

/// True when the word at `span` is a month's name in a date: before a year (`March 2024`) or a
/// day (`May 15`), or after a day (`15 May`, `3rd March`). There a month keeps or takes its
/// capital, however the article's damage reads. `May` and `March` are also verbs, so beside a day
/// alone they are months only where no word follows the date (`15 May, we`; not `these 15 may
/// fail`, `May 15 people`).
#[must_use]
pub fn is_date_month(text: &str, span: Span) -> bool {
    const MONTHS: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    let word = span.slice(text);
    if !(3..=9).contains(&word.len()) || !MONTHS.iter().any(|m| m.eq_ignore_ascii_case(word)) {
        return false;
    }
    let verb = word.eq_ignore_ascii_case("may") || word.eq_ignore_ascii_case("march");
    let b = text.as_bytes();
    // What follows a date: nothing more of it is a word (`, we`, `.`, a line's end, a year).
    let ends_date = |rest: &[u8]| match rest {
        [] | [b',' | b'.' | b';' | b':' | b')' | b'\n' | b'\r', ..] => true,
        [b' ', rest @ ..] => date_number(rest).is_some_and(|(n, digits, _)| digits == 4 && (1000..3000).contains(&n)),
        _ => false,
    };
    let after = &b[span.end..];
    if let Some((n, digits, rest)) = after.strip_prefix(b" ").and_then(date_number) {
        if digits == 4 && (1000..3000).contains(&n) {
            return true;
        }
        if digits <= 2 && (1..=31).contains(&n) && (!verb || ends_date(rest)) {
            return true;
        }
    }
    // A day before: a number of one or two digits (an ordinal's ending too), the space, the month.
    let Some(space) = span.start.checked_sub(1).filter(|&i| b[i] == b' ') else { return false };
    let mut from = space;
    while from > 0 && b[from - 1].is_ascii_alphanumeric() && space - from < 4 {
        from -= 1;
    }
    let bounded = from == 0 || !b[from - 1].is_ascii_alphanumeric();
    bounded
        && date_number(&b[from..])
            .is_some_and(|(n, digits, rest)| digits <= 2 && (1..=31).contains(&n) && rest.len() == b.len() - space)
        && (!verb || ends_date(after))
}

/// The number `bytes` start with, of four digits or fewer and not glued to a word (an ordinal's
/// ending aside: `15th`): its value, its digits, and the bytes after it.
fn date_number(bytes: &[u8]) -> Option<(u32, usize, &[u8])> {
    // Five at most are read: a longer run of digits is no day or year, however long it is.
    let digits = bytes.iter().take(5).take_while(|c| c.is_ascii_digit()).count();
    if digits == 0 || digits > 4 {
        return None;
    }
    let value = bytes[..digits].iter().fold(0, |n, &d| n * 10 + u32::from(d - b'0'));
    let mut rest = &bytes[digits..];
    if let Some(r) = [b"st".as_slice(), b"nd", b"rd", b"th"].iter().find_map(|s| rest.strip_prefix(*s)) {
        rest = r;
    }
    rest.first().is_none_or(|c| !c.is_ascii_alphanumeric()).then_some((value, digits, rest))
}

/// True when the capital `A` at `span` stands where the article does, one space after a word
/// or a comma and one space before a word, a number or a quoted or coded name (`Import A
/// Function`, `, A Client`, `A 24 byte string`, ``Construct A `HashSet` ``; a single line break
/// joins as a space does): there it may be the article, and its capital is judged like any
/// word's. A single capital elsewhere is a label or notation (`A/B`, `[A-C]`, `A.`, `A, B`),
/// never judged.
#[must_use]
pub fn is_article_a(text: &str, span: Span) -> bool {
    // A single line break joins as a space does: a paragraph wrapped there.
    let before = crate::token::joined_before(span::head(text, span.start)).and_then(|b| b.bytes().last());
    let after = crate::token::joined_after(span::tail(text, span.end)).and_then(|a| a.bytes().next());
    matches!(before, Some(w) if w.is_ascii_alphabetic() || matches!(w, b',' | b';'))
        && matches!(after, Some(w) if w.is_ascii_alphanumeric() || matches!(w, b'`' | b'"'))
}

/// `word` with its first letter capitalised (`gateway` -> `Gateway`).
#[must_use]
pub fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().into_iter().flat_map(char::to_uppercase).chain(chars).collect()
}

/// What stands beside a word the article writes Capitalised, at one use or more: the later, the
/// surer a name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Beside {
    /// No name.
    Nothing,
    /// Only another Capitalised word no list knows (`Quorbit Splinedex`), as each word of a
    /// Title Case label stands beside.
    Capitalised,
    /// A known name or an initial (`Kendall Roden`, `K. Roden`).
    KnownName,
}

/// True when the lower-case occurrences of a name the article writes Capitalised should be
/// raised to `form`: a known name with no lower-case use (`macleod`), or one that stands beside
/// a known name in the article (`Kendall Roden` … `roden`), always; one that stands beside
/// another Capitalised word no list knows where the article writes it Capitalised at least as
/// often as in small letters (a README's term written small in its sentences and Capitalised
/// only in its Title Case labels is the author's term in small letters: `Training Reranker
/// Models:` … `a reranker model`); a tech name that is also a
/// word (`python`) when the article writes it Capitalised at least as often as not; a word no
/// list knows when the article writes it Capitalised more often than not.
#[must_use]
pub fn lowered_name(lexicon: &Lexicon, form: &str, usage: Usage, beside: Beside) -> bool {
    if lexicon.is_name(form)
        || beside == Beside::KnownName
        || (beside == Beside::Capitalised && usage.title >= usage.lower)
    {
        return true;
    }
    let unknown = lexicon.verdict(form, Dialect::Us) == Verdict::Unknown;
    (lexicon.is_tech_name(form) && usage.title >= usage.lower)
        || (unknown && usage.title >= Usage::OWN_NAME.min(2) && usage.title > usage.lower)
}

/// True when a lower-case word at a sentence start should be raised: an English word, but not
/// a tech term written lower-case (`npm`) nor one with a cased form of its own (`git` for Git),
/// unless it is one of the most common words (`for`, `if`, which the tech lists hold as
/// keywords; `it`, though `IT` is a term).
#[must_use]
pub fn raise_at_start(lexicon: &Lexicon, word: &str, dialect: Dialect) -> bool {
    let b = lexicon.builtin();
    b.lookup(word).is_some_and(|e| {
        let flags = b.flags(e);
        flags & dialect.lower_flag() != 0
            && ((flags & format::LOWER_TECH == 0 && b.forms(e).next().is_none())
                || f64::from(b.frequency(e)) >= START_OVER_TERM)
    }) && lexicon.verdict(word, dialect) == Verdict::Known
}

/// A lower-case tech term at least this common is an English word first (`for`, `if`, `pay`;
/// about the 2,000 most common words).
const START_OVER_TERM: f64 = 1.0e7;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_month_beside_a_day_or_a_year_is_a_date() {
        let month = |t: &str, w: &str| {
            let at = t.find(w).unwrap_or(0);
            is_date_month(t, Span::new(at, at + w.len()))
        };
        for (t, w) in [
            ("on 15 May 2025 we", "May"),
            ("on 3rd march, we", "march"),
            ("in March 2024 we", "March"),
            ("due May 15.", "May"),
            ("on 2 June we met", "June"),
            ("June 5 at noon", "June"),
        ] {
            assert!(month(t, w), "{t:?}");
        }
        for (t, w) in [
            ("these 15 may fail", "may"),
            ("we may 12 times", "may"),
            ("troops march 20 miles", "march"),
            ("in 2025 may we", "may"),
            ("it may be", "may"),
            ("x15 June we", "June"),
            ("May 123456", "May"),
        ] {
            assert!(!month(t, w), "{t:?}");
        }
    }

    #[test]
    fn a_reference_opens_a_list_item_or_a_paragraph_but_not_a_wrapped_line() {
        for gap in ["\n* #131 ", "\n- v1.2.0: ", "\n\n(#104) ", "\n  + [#7] "] {
            assert!(opens_after_reference(gap, false), "{gap:?}");
        }
        assert!(opens_after_reference("#131 ", true));
        // Code, a number a wrapped line carries on, a reference inside a line.
        for gap in ["\n* `proptest`, ", " 2.0\n", "\n2.0 ", " #131 ", "\n* #131 and ", "\n2. `len` "] {
            assert!(!opens_after_reference(gap, false), "{gap:?}");
        }
    }

    #[test]
    fn sentence_starts() {
        let t = "One. Two three\n\nFour “Five” (six) - seven";
        let at = |w: &str| t.find(w).unwrap_or(0);
        assert!(starts_sentence(t, None, 0));
        assert!(starts_sentence(t, Some(at("One") + 3), at("Two")));
        assert!(!starts_sentence(t, Some(at("Two") + 3), at("three")));
        assert!(starts_sentence(t, Some(at("three") + 5), at("Four")));
        assert!(starts_sentence(t, Some(at("Four") + 4), at("Five")));
        assert!(!starts_sentence(t, Some(at("Five") + 4), at("six")), "a bracket does not start a sentence");
    }

    #[test]
    fn a_closing_quote_starts_no_sentence_and_an_opening_one_does() {
        let t = "Otherwise, \"info\" Contains it; set an 'Accept' Header. He said, \"Yes, and 'Two' \u{201c} Three";
        let gap = |before: &str, word: &str| {
            starts_sentence(t, Some(t.find(before).unwrap_or(0) + before.len()), t.find(word).unwrap_or(0))
        };
        assert!(!gap("info", "Contains"), "closed after `info`");
        assert!(!gap("Accept", "Header"));
        assert!(gap("said,", "Yes"), "opened before `Yes`");
        assert!(gap("and", "Two"));
        assert!(gap("Two'", "Three"), "a curly opening quote, even spaced");
    }

    #[test]
    fn headings() {
        let t = "# Getting Started\nKubernetes' Relationship with Ai\nThis Is a sentence.\n";
        assert!(is_heading(t, 3));
        assert!(is_heading(t, t.find("Relationship").unwrap_or(0)));
        assert!(!is_heading(t, t.find("Is a").unwrap_or(0)));
        let wrapped = "A library that Provides the escape sequences of terminals and a parser\nallowing you to parse them\n\nRelease Notes\n\n";
        assert!(!is_heading(wrapped, 3), "the first line of a wrapped paragraph");
        assert!(!is_heading(wrapped, wrapped.find("allowing").unwrap_or(0)), "its last line");
        assert!(is_heading(wrapped, wrapped.find("Notes").unwrap_or(0)));
        let short = "Usage\ncargo add it\n\nThe Implementation Uses Wyrand, a Simple And Fast\ngenerator but not a secure one.\n";
        assert!(is_heading(short, 0), "a word alone before a command");
        assert!(!is_heading(short, short.find("The").unwrap_or(0)), "a short line that runs on in small letters");
        // Hard-wrapped prose whose next line starts with a capital: the next line's first word
        // would not have fitted on this one, so the line was broken there.
        let prose = "Our Team Spent the Whole Week Moving Every Service to the New Build\nMachines. Since the \
            old ones were failing, we had little choice.\n\nGetting Started\nThe first step is to install the \
            toolchain with the installer.\n";
        assert!(!is_heading(prose, 3), "a wrapped line before a capital");
        assert!(is_heading(prose, prose.find("Getting").unwrap_or(0)), "a short heading before a wide line");
        let issue = "The fix for the problem landed in the pull request numbered\n#14433 to add support for publishing Packages at Once\n";
        assert!(!is_heading(issue, issue.find('#').unwrap_or(0)), "an issue's number starts no heading");
        assert!(is_heading("## Usage Notes\n", 0) && is_heading("#\n", 0));
        // Wrapped narrower, a line may fall short of a wide one before a long word.
        let narrow = "Our Team Has Been Working On The New Parser Since\nSeptember, and we are pleased with how it has gone\nso far.\n";
        assert!(!is_heading(narrow, 3), "a line of prose wrapped before a long word");
        let items = "Fast And Safe Parsing Of Large Files\nSupport For Many Formats Out Of The Box\n";
        assert!(is_heading(items, 3) && is_heading(items, items.find("Support").unwrap_or(0)), "short lines of a list");
        let long = "Installing The Command Line Tools On Every Supported System\nThe installer asks where \
            the tools should go, and how many of them\nyou want.\n";
        assert!(is_heading(long, 3), "a wide heading before a paragraph whose first word would have fitted");
    }

    #[test]
    fn an_abbreviation_ends_no_sentence() {
        let t = "in usage vs. the code, e.g. this one, or cats. The end";
        assert!(after_abbreviation(t, t.find("vs.").unwrap_or(0) + 3));
        assert!(after_abbreviation(t, t.find("e.g.").unwrap_or(0) + 4));
        assert!(!after_abbreviation(t, t.find("cats.").unwrap_or(0) + 5));
        // ... and as READMEs write them, without the stop inside (`eg. a searcher backrun`).
        let t = "a bundle (eg. a searcher backrun), ie. one that pays";
        assert!(after_abbreviation(t, t.find("eg.").unwrap_or(0) + 3));
        assert!(after_abbreviation(t, t.find("ie.").unwrap_or(0) + 3));
        // A title goes on with the name after it; a word that only ends like one ends a sentence.
        let t = "the sampler passes Dr. Knuth's tests, as a Mr. Smith said. He read Amdr. More";
        assert!(after_abbreviation(t, t.find("Dr.").unwrap_or(0) + 3));
        assert!(after_abbreviation(t, t.find("Mr.").unwrap_or(0) + 3));
        assert!(!after_abbreviation(t, t.find("Amdr.").unwrap_or(0) + 5));
    }

    #[test]
    fn a_folded_word_is_one_key_in_any_casing() {
        let mut m: FastMap<Folded<'_>, u32> = FastMap::default();
        for w in ["Roden", "roden", "RODEN", "\u{212A}elvin", "kelvin", "\u{dc}n\u{ef}code"] {
            *m.entry(Folded(w)).or_default() += 1;
        }
        assert_eq!(m.get(&Folded("roden")), Some(&3));
        assert_eq!(m.get(&Folded("Kelvin")), Some(&2), "the Kelvin sign is a k in lower case");
        assert_eq!(m.get(&Folded("\u{fc}n\u{ef}code")), Some(&1));
        assert_eq!(m.len(), 3);
        assert_eq!(m.keys().find(|k| k.0.eq_ignore_ascii_case("roden")).map(|k| k.0), Some("Roden"), "first written");
    }

    #[test]
    fn only_a_heading_in_title_case_has_capitals_of_its_own() {
        let text = "Minimum Supported Rust Version\n\nStrings longer than that are stored on The heap\n\nNotes\n";
        let mut line = Line::default();
        assert!(line.is_title_heading(text, 0));
        let at = text.find("The").unwrap_or(0);
        assert!(line.is_heading(text, at), "a short unpunctuated line");
        assert!(!line.is_title_heading(text, at), "in sentence case");
        assert!(line.is_title_heading(text, text.find("Notes").unwrap_or(0)));
    }
}
