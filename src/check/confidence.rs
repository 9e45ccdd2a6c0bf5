//! How sure a misspelling's first fix is: the chance that taking it corrects the article rather
//! than changes a right word the lexicon does not know (`rustix` -> `rustic`, `kqueue` -> `queue`).
//!
//! A logistic model over a few measures of evidence, most of them log counts. Its weights are
//! fitted on data, not set by hand: `cargo run --release --example confidence_data -- DIR/tune`
//! writes one row per spelling suspect of the tune part of a set of evaluation pairs (a right
//! word the checker flagged in a damaged or a clean text, or an error its first fix corrects),
//! with the odds the text's own misspellings give ([`article_odds`]), and
//! `scripts/fit-confidence.py` fits the weights to the rows of the three tune parts (READMEs,
//! registry texts, articles) as `fix` decides: with those odds added. The report parts and the
//! development articles are never fitted on.
//!
//! What the fit found: clean prose writing the word itself, and the article writing it again,
//! are the strongest signs that it is a term or a name; neighbours that clean prose writes
//! beside the fix are the strongest sign that it is a slip of the fix.

use crate::lexicon::model::Model;
use crate::span::Span;

/// The evidence on one misspelling and its first fix.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Evidence {
    /// How often clean prose writes the word as it stands.
    pub written: u64,
    /// How often clean prose writes the fix (both its words side by side, for a split).
    pub fix_written: u64,
    /// How common the fix is in general English (the lexicon's frequency; 0 for a split): the
    /// corpus is technical, and writes `niece` never.
    pub fix_english: u64,
    /// How often clean prose writes the fix after the word before it, plus before the word after.
    pub context: u64,
    /// How often the article writes the word (its stem, without a possessive).
    pub occurrences: usize,
    /// The fix is two edits or more away and changes the first letter (`tkinter` -> `printer`).
    pub far: bool,
    /// The fix splits the word in two (`thecloud` -> `the cloud`).
    pub split: bool,
    /// The word stands in a sentence: a word is joined to it on one side at least (not a title
    /// such as `# oorandom`).
    pub in_sentence: bool,
}

/// The number of features, the constant first.
pub const FEATURES: usize = 7;

/// The fitted weights, in the order of [`Evidence::features`] (`scripts/fit-confidence.py`, on
/// the three tune parts' 4,845 labelled suspects: 4,382 fixes, 463 right words, 238 of those in
/// the clean halves). Fitted before on the READMEs' tune part alone (393 suspects, 22 right
/// words), the article's own uses of a word weighed a fifth as much. Refitted, `fix` changed 6,
/// 1 and 21 right words fewer on the tune parts (registry, READMEs, articles), took 9, 0 and 3
/// fewer flags on their clean halves, and fixed 0.1 points fewer of the articles'
/// misspellings. Without the fix's general-English frequency the refit left everyday slips the
/// technical corpus never writes (`neice`), and fixed 0.4 points fewer.
///
/// Not refitted with the casing model's smaller shrinkage (the sixty-second session): at
/// 0.0001 the held-out folds took 8% fewer right words at the same fixes, but the article's own
/// uses of a word came to weigh seven times as much (-5.41 on their log), so that a misspelling
/// written twice would hardly ever be taken. That is the garbler's doing: it damages each use on
/// its own, so that in the pairs a misspelling seldom comes back, while a writer's own
/// misspellings do (`recieve` at every use).
const WEIGHTS: [f64; FEATURES] = [-1.59, -0.718, 0.213, 0.174, -0.845, -0.0287, 0.119];

/// A word that clean prose writes this many times less often than a word one edit away is that
/// word's misspelling where the corpus has it (`recieve`, 34 times beside 5,874 `receive` in the
/// 52 M-word corpus, whose registry descriptions carry more slips than the 27 M-word one's 6 beside
/// 3,752; `archs` is taken for one too). From 500 to 100 changed nothing on the tune parts.
const CORPUS_SLIP_RATIO: u64 = 100;

/// ... and this many times, for a word that only lacks the fix's apostrophe (`dont`, 78 times
/// beside 9,699 `don't`) or doubles or undoubles one of its letters (`accomodate`, 25 beside
/// 288): the commonest slips of all, which clean prose carries too.
const OTHER_SLIP_RATIO: u64 = 5;

/// A word this short (in letters) two edits from its fix shares too few letters with
/// it for a shifted first letter to say much (`qtile` and `time` share `ti_e`).
const SHIFT_MIN: usize = 5;

/// `fix` applies a first fix whose chance is at least this: it corrects more often than it breaks.
pub const SURE: f64 = 0.5;

/// The misspellings per word of the texts [`WEIGHTS`] were fitted on (the damaged halves of the
/// tune part: 474 in 19,915 words): the odds the weights give are those of an article misspelt
/// that much.
const FITTED_RATE: f64 = 0.024;

/// Words of an article misspelt at [`FITTED_RATE`] that its own rate is estimated from: a
/// sentence or two says little of its damage.
const PRIOR_WORDS: f64 = 100.0;

/// How much an article's own misspellings move the odds that a misspelling's fix corrects it
/// (natural log): `misspelt` of its `words` words are flagged as misspellings. A word no
/// dictionary knows is a slip as often as the article slips: in clean prose (a README: one in
/// a thousand words flagged) it is far more often a term or a name the lexicon lacks than in an
/// article damaged as the bundled sample is (one in forty), where the odds are as fitted. They
/// are only ever lowered: on the tune parts, raising them for an article misspelt more than the
/// fitted texts took no more fixes and changed five more right words. Measured there: the flags
/// `fix` takes on the clean halves fell from 200, 24 and 205 to 186, 18 and 157 (registry,
/// READMEs, articles), with the same misspellings fixed.
#[must_use]
#[allow(clippy::cast_precision_loss)] // counts of words
pub fn article_odds(misspelt: usize, words: usize) -> f64 {
    let rate = (misspelt as f64 + FITTED_RATE * PRIOR_WORDS) / (words as f64 + PRIOR_WORDS);
    (rate / FITTED_RATE).ln().min(0.0)
}

/// A fix far from its word (two edits, one of them the first letter: `aatrted` -> `started`) is
/// taken when the article writes it this often in lower case: a word of this article, not a
/// guess (`qtile` is no `time`). Set on the tune part: 2 took 5 more right fixes, 3 and 5 fewer.
pub const FAR_IN_ARTICLE: u32 = 2;

/// True when `fix`, `distance` edits from `word`, is far from it: two edits or more, one of them
/// the first letter (`tkinter` -> `printer`). Misspellings keep their first letter far more often
/// than not; when they lose it, it is most often to a letter typed before it (`nfaczt` ->
/// `fact`) or by dropping it (`ssumed` -> `assumed`), which keep the rest of the word in line:
/// such a fix is near when the word is longer than [`SHIFT_MIN`] letters.
#[must_use]
pub fn is_far(word: &str, fix: &str, distance: usize) -> bool {
    let letters = |w: &str| {
        let mut l = w.chars().flat_map(char::to_lowercase);
        (l.next(), l.next())
    };
    let ((w0, w1), (f0, f1)) = (letters(word), letters(fix));
    let shifted = (w1 == f0 || w0 == f1) && word.chars().count() > SHIFT_MIN;
    distance >= 2 && w0 != f0 && !shifted
}

/// How often clean prose writes `word`, with an apostrophe either way (`don't` and `don’t` are
/// one word).
#[must_use]
pub fn count(word: &str) -> u64 {
    let model = Model::builtin();
    if word.contains('\'') {
        model.count(word) + model.count(&word.replace('\'', "\u{2019}"))
    } else if word.contains('\u{2019}') {
        model.count(word) + model.count(&word.replace('\u{2019}', "'"))
    } else {
        model.count(word)
    }
}

/// How many times more often clean prose must write `fix` than `word` for the word's own count
/// to be the corpus's slips: `ratio`, or [`OTHER_SLIP_RATIO`] for a missing apostrophe or a
/// letter doubled or not.
#[must_use]
pub fn slip_ratio(word: &str, fix: &str, ratio: u64) -> u64 {
    let apostrophe = fix.chars().filter(|c| !matches!(c, '\'' | '\u{2019}')).eq(word.chars());
    if apostrophe || is_doubling(word, fix) { OTHER_SLIP_RATIO } else { ratio }
}

/// True when `fix` is `word` with one letter doubled or undoubled (`accomodate` ->
/// `accommodate`, `occured` -> `occurred`, `untill` -> `until`), in any casing.
#[must_use]
pub fn is_doubling(word: &str, fix: &str) -> bool {
    let (short, long) = if word.len() < fix.len() { (word, fix) } else { (fix, word) };
    if long.len() != short.len() + 1 || !long.is_ascii() || !short.is_ascii() {
        return false;
    }
    let (s, l) = (short.as_bytes(), long.as_bytes());
    // The first place they differ; the extra letter is there, and repeats the one before it.
    let at = s.iter().zip(l).position(|(a, b)| !a.eq_ignore_ascii_case(b)).unwrap_or(s.len());
    at > 0 && l[at].eq_ignore_ascii_case(&l[at - 1]) && s[at..].eq_ignore_ascii_case(&l[at + 1..])
}

impl Evidence {
    /// Gathers the evidence on `fix`, `distance` edits from the word at `span` of `text`, which
    /// the article writes `occurrences` times.
    #[must_use]
    pub fn of(text: &str, span: Span, fix: &str, distance: usize, occurrences: usize) -> Self {
        let model = Model::builtin();
        let word = span.slice(text);
        let split = fix.split_once(' ');
        let fix_written = match split {
            Some((a, b)) => u64::from(model.after(a, b)),
            None => count(fix),
        };
        // The corpus counts pairs by the form as written: a fix at a sentence start (`The`) is
        // looked up as it would stand inside one too.
        let (before, after) = crate::token::neighbours(text, span);
        let lower = fix.to_lowercase();
        let beside = |form: &str| {
            before.map_or(0, |b| u64::from(model.after(b, form)))
                + after.map_or(0, |a| u64::from(model.before(form, a)))
        };
        let context = if lower == fix { beside(fix) } else { beside(fix).max(beside(&lower)) };
        // Clean prose has its own slips: a word one edit from one written hundreds of times more
        // often is written mostly by mistake (`recieve`, `teh`), and its count is no evidence.
        let written = model.count(word);
        let ratio = slip_ratio(word, fix, CORPUS_SLIP_RATIO);
        let written =
            if distance == 1 && split.is_none() && fix_written >= written.saturating_mul(ratio) { 0 } else { written };
        let fix_english = if split.is_some() { 0 } else { u64::from(crate::lexicon::Builtin::get().frequency_of(fix)) };
        Self {
            written,
            fix_written,
            fix_english,
            context,
            occurrences: occurrences.max(1),
            far: is_far(word, fix, distance),
            split: split.is_some(),
            in_sentence: before.is_some() || after.is_some(),
        }
    }

    /// The features the model weighs: a constant, then the log counts and the split.
    #[must_use]
    #[allow(clippy::cast_precision_loss)] // counts far below 2^52
    pub fn features(&self) -> [f64; FEATURES] {
        let log = |n: u64| (n as f64).ln_1p();
        [
            1.0,
            log(self.written),
            log(self.fix_written),
            log(self.context),
            (self.occurrences as f64).ln(),
            f64::from(u8::from(self.split)),
            log(self.fix_english),
        ]
    }

    /// The log odds that the fix corrects an article misspelt as the fitted texts were.
    #[must_use]
    pub fn odds(&self) -> f64 {
        log_odds(&self.features(), &WEIGHTS)
    }

    /// The chance that the fix corrects an article misspelt as the fitted texts were.
    #[must_use]
    pub fn chance(&self) -> f64 {
        chance_of(self.odds())
    }

    /// The log odds that the fix corrects the article, or `None` where `fix` never takes it, the
    /// article writing the fix `in_article` times: a far fix (see [`is_far`]: a rule kept beside
    /// the model, which saw few such fixes to fit on) unless the article writes the fix
    /// [`FAR_IN_ARTICLE`] times or more, and the word once and in a sentence: damage that far
    /// seldom comes twice alike, and a title alone on its line is most often a name (`#
    /// oorandom`, in an article about random numbers). `fix` takes it when the odds, moved by
    /// the article's own misspellings ([`article_odds`]), reach [`SURE`] ([`is_sure`]).
    #[must_use]
    pub fn takeable_odds(&self, in_article: u32) -> Option<f64> {
        let written_here = in_article >= FAR_IN_ARTICLE && self.occurrences == 1 && self.in_sentence;
        (!self.far || written_here).then(|| self.odds())
    }
}

/// The log odds a logistic model fitted by `scripts/fit-confidence.py` gives `features`, with
/// `weights` in the same order: the misspelling confidence's, the casing sureness's
/// (`truecase::Sureness`) and the real-word chance's (`realword::Slip`).
#[must_use]
pub fn log_odds(features: &[f64], weights: &[f64]) -> f64 {
    features.iter().zip(weights).map(|(x, w)| x * w).sum()
}

/// The chance whose log odds are `odds`.
#[must_use]
pub fn chance_of(odds: f64) -> f64 {
    1.0 / (1.0 + (-odds).exp())
}

/// True when a fix whose log odds are `odds`, in an article whose misspellings move them by
/// `article` ([`article_odds`]), is likely enough for `fix` to take.
#[must_use]
pub fn is_sure(odds: f64, article: f64) -> bool {
    odds + article >= (SURE / (1.0 - SURE)).ln()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fix_is_far_when_its_first_letters_are_not_the_words() {
        assert!(is_far("tkinter", "printer", 2));
        assert!(is_far("gparted", "started", 2));
        assert!(is_far("mxointer", "pointer", 2), "the first letter changed, not shifted");
        assert!(!is_far("nfaczt", "fact", 2), "a letter typed before the word");
        assert!(!is_far("yinfinute", "infinite", 2));
        assert!(!is_far("sumeed", "assumed", 2), "the first letter dropped");
        assert!(!is_far("qtile", "tile", 1), "one edit is never far");
        assert!(is_far("qtile", "time", 2), "too short to tell a shift from chance");
        assert!(!is_far("Kubrenetes", "kubernetes", 2), "in any casing");
    }

    #[test]
    fn an_article_s_own_misspellings_lower_the_odds_only_when_it_has_fewer_than_the_fitted_texts() {
        assert!(article_odds(1, 1000) < -2.0, "a clean article: {}", article_odds(1, 1000));
        assert!(article_odds(24, 1000).abs() < 1e-9, "misspelt as the fitted texts");
        assert!(article_odds(100, 1000).abs() < 1e-9, "more misspelt: the fitted odds");
        assert!(article_odds(0, 10) > -0.2, "a sentence says little: {}", article_odds(0, 10));
        assert!(is_sure(0.5, 0.0) && !is_sure(0.5, -1.0));
    }

    #[test]
    fn a_doubled_letter_is_told_from_other_edits() {
        assert!(is_doubling("accomodate", "accommodate"));
        assert!(is_doubling("occured", "occurred"));
        assert!(is_doubling("untill", "until"));
        assert!(is_doubling("Adress", "address"));
        assert!(!is_doubling("kqueue", "queue"), "a letter before the word");
        assert!(!is_doubling("archs", "arch"), "a letter after it, not a double");
        assert!(!is_doubling("form", "from"));
        assert!(!is_doubling("the", "the"));
    }
}
