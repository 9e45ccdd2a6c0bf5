//! Unknown words: which of the words no dictionary knows are misspellings, and which are the
//! article's own (names, terms, acronyms, strings it shows) or a casing of a word it or the
//! corpus writes otherwise.
//!
//! The article is the evidence: how often it writes each unknown word, the names it stands
//! beside, the capitals it gives it elsewhere, the terms it repeats. Each word is read once per
//! use, with what is costly to ask (whether a common word lies a slip or two away) asked once per
//! distinct word.

use super::{
    CORPUS_WORD, LowerWords, Watch, among_prose, among_small_letters, casing, confidence, follows_given_name,
    inside_sentence, stem_of, suggest,
};
use crate::check::casing::{Beside, Capital};
use crate::fasthash::{FastMap, FastSet};
use crate::lexicon::model::Model;
use crate::lexicon::{Case, Dialect, Lexicon, Verdict, case_of};
use crate::span::{self, Span};
use crate::suspect::Suspect;

/// An unknown word written this often is the article's own term, even one slip from a common
/// word (`maint` in release notes), unless the article writes that word as often (`teh` among
/// a hundred `the`: a habit of the hand). Three typos of one word are still typos.
const OWN_TERM: usize = 4;

/// A word the article Capitalises this often is a name of its own (see
/// [`Unknowns::slip_of_own_name`]).
const OWN_NAME_USES: u32 = 3;

/// How many of the names an article Capitalises often [`Unknowns::slip_of_own_name`] compares a
/// word with, of each first letter.
const OWN_NAMES_BY_LETTER: usize = 32;

/// How many casings of one word [`own_casings`] keeps.
const OWN_CASINGS: usize = 8;

/// An article that writes an unknown word in lower case more than this many times for each time
/// it writes it with capitals of its own means both: a command beside its name (`pymol` to run
/// `PyMOL`). Set on the tune parts: 1 kept a third of the fixes the rule makes (the damage lowers
/// most of a name's uses); with no bound it fixed a tenth more and flagged no more clean text,
/// which has no such article: the bound is for the one that means both.
const OWN_LOWER_MAX: usize = 4;

/// The most letters of a word [`half_lowered_acronyms`] takes: longer runs of consonants are
/// identifiers and garbage, not acronyms.
const ACRONYM_MOST: usize = 5;

/// Prefixes English builds words with, longest first where one starts another.
const PREFIXES: [&str; 20] = [
    "inter", "super", "under", "multi", "micro", "auto", "anti", "over", "meta", "semi", "non", "mis", "pre", "sub",
    "bio", "iso", "dis", "un", "re", "co",
];

/// Endings English builds words with, longest first where one ends another.
const SUFFIXES: [&str; 16] = [
    "ability", "ization", "ments", "ness", "ment", "able", "ably", "less", "ing", "ers", "ies", "ied", "er", "ed",
    "es", "s",
];

/// A common word has at least this corpus count (about the 60,000th most common English word).
const COMMON: f64 = 20_000.0;

/// A word in quotes this long or longer is weighed as a word when it is one slip from a common
/// one: shorter, it is as likely a string the text shows (`'abcb'`).
const MENTION_SLIP_MIN: usize = 5;

/// A short word in capitals that clean prose writes so this often is an acronym (`XOR`, `WASI`).
const ACRONYM_SEEN: u64 = 5;

/// About the 200 most common words (`this`, `with`, `also`): a short word in capitals one slip
/// from one of them is no acronym.
const VERY_COMMON: f64 = 1e8;

/// A word clean prose writes in lower case at most this share of the time takes its capitals.
const LOWER_SHARE: f64 = 0.2;

/// ... unless its best fix is held this many times more often (a common misspelling, which clean
/// prose has too: `seperate` 19 times beside 4,482 `separate`).
const CORPUS_RATIO: u64 = 100;

/// Each part of a compound is at least this common (about the 20,000th most common word).
const COMPOUND_PART: f64 = 1_000_000.0;

/// Two words run together are a compound (`hostmask`) unless a word this common (one of the few
/// thousand commonest) lies two edits away: `teepam` is `team` garbled, not `tee` and `pam`, and
/// `meethug` is `meeting`. Only among words in small letters: a title alone on its line is a
/// name (`# strsim`). Set on the tune parts: non-words flagged 98.6 -> 98.8% (registry) and
/// 98.9 -> 99.0% (articles), for 3 more flags on the clean halves (`webchat`, `userbase`, and
/// `comeout`, which is a slip); at 10^6, 4 more again for no more; at 10^8, none.
const COMPOUND_NEAR: f64 = 1e7;

/// A Capitalised unknown word this long or longer, written once inside a sentence with no name
/// beside it, is a common word garbled twice over when one of the commonest lies two edits away
/// ([`GARBLED_TITLE_NEAR`]: `typically run and Maintaicee by`), where the article's capitals
/// show damage: damage that Capitalises at random misspells such words too. It is asked about,
/// never taken unasked: a surname may lie that near a word. Where the capitals show no damage
/// (a sentence or two, or a clean article) it is a name. Set on the tune parts: from none to 6,
/// 0.3 to 0.5 points more of the non-words flagged, for no fix more or fewer and no flag more
/// on the clean halves. 5 flagged 0.1 to 0.2 points more, but more short surnames lie that near
/// a word; 7 and 8 flagged less. So is one that starts a sentence, whose capital is the
/// sentence's (`Whehtheu you're proposing`, `Verseoin` for `Version`): on the tune parts, 0.1
/// point more of the non-words flagged on both blogs, and no flag, fix or right word changed
/// more once a title before a name ends no sentence (`Dr. Lemire's`, see
/// [`casing::after_abbreviation`]).
///
/// A shorter one, of [`GARBLED_CAPS_MIN`] letters or more, is such a word only where one of
/// those commonest words fits both its neighbours, as a word in capitals among small letters is
/// judged (`streaming their Woqr on`, see `fits_when_garbled`). Set on the tune parts: 0.1 to
/// 0.2 points more of the non-words flagged on three of the four parts, 5 more flags in all,
/// all of them garbled words (`Woqr`, `Wmhre`, `Unrde`, `Thkio`, `Adtig`), and no flag more on
/// the clean halves. With any common word near
/// ([`COMMON`]) it flagged 0.1 point more on the fourth, but searched the whole index for each
/// such word: 120,000 of them took 70% longer to check.
const GARBLED_TITLE_MIN: usize = 6;

/// ... of the few thousand commonest words. The new flags in the tune parts' damaged halves:
/// with any common word ([`COMMON`]) 42 garbled words and 34 names (`Fuerst`, `Sitnik`); at
/// 10^6, 38 and 18, and 0.3 to 0.7 points more of the non-words flagged; at 10^7, 26 and 9,
/// and 0.3 to 0.5 points.
const GARBLED_TITLE_NEAR: f64 = 1e7;

/// A longer one, of this many letters or more, is such a word when one of the hundred thousand
/// or so commonest words ([`GARBLED_TITLE_LONG_NEAR`]) lies two edits away: the longer a name,
/// the fewer words lie that near it (`Rsepnodents`, `Cnotirbutor`, whose words fall below
/// [`GARBLED_TITLE_NEAR`]). Set on the tune parts' damaged halves, where 9 letters and 10^6 flagged 7
/// more garbled words (`Respnodets`, `Distribuionqs`, `Colleecors`) and one name (`Stalnaker`);
/// 8 letters flagged 13 and 9 names (`Finkelman`, `Shamrell`); 10^5 brought two names more.
/// Non-words flagged: 0.1 point more on three of the four parts; no clean flag more (an article
/// that shows no damage asks none of these). The search leaves the small common indexes: 120,000
/// distinct Capitalised words of 6 to 10 letters mid-sentence take a fifth longer.
const GARBLED_TITLE_LONG: usize = 9;

/// ... see [`GARBLED_TITLE_LONG`].
const GARBLED_TITLE_LONG_NEAR: f64 = 1e6;

/// Two unknown Capitalised words side by side, each one slip from a word in small letters
/// written this often (the few thousand commonest: `Shaerd` for `shared`), do not make each
/// other names: damage that Capitalises words and misspells them makes such pairs (`a Shaerd
/// Gdoal of`). One alone still stands beside a name (`Antonin Kral`: `Kral` is a slip of
/// `oral`, `Antonin` of no common word). Set on the tune parts: 0.1 point more non-words
/// flagged on each blog part, no fix or clean flag more.
const NEIGHBOUR_SLIP: f64 = 1e7;

/// A Capitalised word no list knows, this many letters long or more, one slip from a word of
/// general English (in small letters: not `Alexandra` for `Alexandru`) written
/// [`LONG_SLIP_NEAR`] times or more, is that word misspelt even beside a name. Set on the tune
/// parts: at 8 letters and 10^6, 0.1 point more of the non-words flagged on the registry texts
/// and both blogs, nothing else moved; at 7, one right word more changed; at 6 and 10^5, 17 and
/// 4 more on the blogs, with 11 more flags on their clean halves. Asked only of a near word in
/// small letters: `Alexandru` is one slip from `Alexandra`.
const LONG_SLIP: usize = 8;

const LONG_SLIP_NEAR: f64 = 1e6;

/// A Capitalised word no list knows, beside a name, this many letters long or more, one slip from
/// a word of general English written [`NEIGHBOUR_SLIP`] times or more (`Ineside Rust`, `Swift
/// Pacakge manager`), is asked about where the article's capitals show damage, which
/// Capitalises words and misspells them: never taken unasked, and never right after a given
/// name, where surnames stand (`Eric Holk`, `Aaron Turon`, one slip from `hold` and `turn`).
/// Set on the tune parts: 0.1 point more of the non-words flagged on the registry texts and
/// both blogs (`Lookeed`, `Pacakge`, `Lesels`), for one surname flagged (`Siemen`) and no clean
/// flag. Shorter, the names flagged outnumbered the words (`Kral`, `Jago`, `Lenz` against
/// `Csore`, `Clouc`). Such a flag does not count among the article's misspellings, which make
/// its odd real words likelier slips (see [`crate::check::realword`]): counted, it made the Rust
/// blog's fix change two right words more.
const SLIP_BESIDE_NAME: usize = 6;

/// A Capitalised word no list knows, this many letters long or more, one edit from a word the
/// tech vocabulary writes in small letters (`Rusltdoc`, `Badkend`, `Changelhog`), is that word
/// misspelt: such words are rarer in general English than [`COMMON`], and a slip of one is no
/// slip of a common word. Not a word English builds from a known one (`Favicons`), nor one in
/// small letters, where compounds and endings make words one edit from a term (`rollouts`,
/// `autodiscover`, `seedable`: 9 flags on the tune parts' clean halves for one slip). One in
/// capitals among small letters is searched two edits deep already (`garbled`). Set on the tune
/// parts: 0.1 to 0.4 points more of the non-words flagged on the READMEs and both blogs, 8 more
/// errors fixed, no clean flag and no right word more; at 4 letters, one more flag (`ITMT`,
/// whose first fix was `it`).
const TECH_SLIP: usize = 6;

/// ALL-CAPS unknown words this short are acronyms, not misspellings.
const ACRONYM_MAX: usize = 5;

/// A word in capitals this long or longer, among small letters, is a common word garbled when a
/// word near it fits its neighbours ([`fits_when_garbled`]). Set on the tune parts: from three
/// letters, it took 5 acronyms of the clean halves for slips (`CFP`, `RIL`); from four, none.
const GARBLED_CAPS_MIN: usize = 4;

/// ... beside each of them this often in the corpus (a count in the 27.3 M-word corpus, read as
/// [`Model::uses`] scales it). 5 and 20 flag the same on the tune parts.
const GARBLED_CAPS_PAIRS: u64 = 5;

/// How often the article writes the unknown word `stem` as written, in small letters, with a
/// first capital and in capitals, by `counts` (once, for a word counted nowhere).
fn uses_in_any_casing(counts: &FastMap<&str, usize>, stem: &str) -> usize {
    let (lower, upper) = (stem.to_lowercase(), stem.to_uppercase());
    let title = casing::capitalised(&lower);
    let mut casings = vec![stem, lower.as_str(), upper.as_str(), title.as_str()];
    casings.sort_unstable();
    casings.dedup();
    casings.iter().map(|c| counts.get(c).copied().unwrap_or(0)).sum::<usize>().max(1)
}

/// How often the article writes the unknown word `stem`, by `counts` (once, for a word counted
/// nowhere).
pub(super) fn uses_of(counts: &FastMap<&str, usize>, stem: &str) -> usize {
    counts.get(stem).copied().unwrap_or(1)
}

/// What an unknown word is, read where it stands.
pub(super) enum Reading {
    /// A word: a name, a term, an acronym, a string the text shows. Not a suspect.
    Word,
    /// A casing of a word the article or the corpus writes otherwise: this fix.
    Casing(String),
    /// A surname that lost its capital (see [`lowered_surname`]): this fix.
    Surname(String),
    /// A misspelling; `asked_only` when it may still be a name (a Capitalised word two slips
    /// from a common one), and `acronym_slip` when it is an acronym clean prose writes, read as
    /// a slip by where it stands: either is asked about, never taken unasked.
    Misspelt { asked_only: bool, acronym_slip: bool },
}

/// The article's evidence on its unknown words, and what is judged of each distinct word once.
pub(super) struct Unknowns<'a, 't> {
    text: &'t str,
    lexicon: &'a Lexicon,
    dialect: Dialect,
    /// How often the article writes each unknown word (by its stem).
    counts: &'a FastMap<&'t str, usize>,
    /// The Capitalised ones that stand beside a name somewhere (`Kendall Roden`).
    named: &'a FastMap<&'t str, Beside>,
    capitals: &'a [Capital],
    /// The article's own terms: written again and again (see [`own_terms`]).
    own_terms: FastSet<&'t str>,
    /// The article's own capitals for the unknown words it also writes in lower case.
    own_casing: FastMap<&'t str, &'t str>,
    /// The acronyms it writes half lowered (`Nll`).
    half_lowered: FastSet<&'t str>,
    model: &'static Model,
    /// The thresholds on corpus counts, in this corpus: once, not for each word.
    corpus_word: u64,
    acronym_seen: u64,
    /// Whether each distinct word is a slip (a common word one edit away), asked by lookups.
    slips: FastMap<&'t str, bool>,
    /// ... and whether a word in capitals is a common word garbled twice over.
    twice_garbled: FastMap<&'t str, bool>,
    /// The names the article Capitalises often, in lower case, by first letter (see
    /// [`Unknowns::slip_of_own_name`]): made when first asked.
    capitalised: std::cell::OnceCell<FastMap<char, Vec<(u32, String)>>>,
}

impl<'a, 't> Unknowns<'a, 't> {
    /// The evidence of `text` on its unknown words, from how often it writes each (`counts`),
    /// the names they stand beside (`named`), its capitals and styled names, and its words in
    /// lower case.
    pub(super) fn new(
        (text, lexicon, dialect): (&'t str, &'a Lexicon, Dialect),
        (counts, named): (&'a FastMap<&'t str, usize>, &'a FastMap<&'t str, Beside>),
        (capitals, styled): (&'a [Capital], &[(u32, u32)]),
        lower: &LowerWords,
    ) -> Self {
        // Only a slip can be a typo once the article repeats it; a word far from any is left
        // anyway. Its likeliest fix is the commonest word one edit away.
        let own_terms = own_terms(counts, lower, text, |stem| {
            suggest::words_near(lexicon, stem, COMMON).into_iter().next().map(|(fix, _)| fix)
        });
        let model = Model::builtin();
        Self {
            text,
            lexicon,
            dialect,
            counts,
            named,
            capitals,
            own_terms,
            own_casing: own_casings(text, (capitals, styled), counts),
            half_lowered: half_lowered_acronyms(text, capitals, counts),
            model,
            corpus_word: model.uses(CORPUS_WORD),
            acronym_seen: model.uses(ACRONYM_SEEN),
            slips: FastMap::default(),
            twice_garbled: FastMap::default(),
            capitalised: std::cell::OnceCell::new(),
        }
    }

    /// True when the Capitalised `stem`, written once, lies two edits or fewer from a word the
    /// article itself Capitalises [`OWN_NAME_USES`] times or more (`Graafna` in an article
    /// that writes `Grafana` again and again): a slip of its own name, not another name. Only
    /// names a dictionary knows (so that the fix is offered), with the slip's first letter (as
    /// damage keeps it), are compared: at most [`OWN_NAMES_BY_LETTER`] of each letter, the most
    /// written first, so that a text of many names costs no more than a few comparisons a word.
    pub(super) fn slip_of_own_name(&self, stem: &str) -> bool {
        if case_of(stem) != Case::Title || uses_of(self.counts, stem) != 1 {
            return false;
        }
        let names = self.capitalised.get_or_init(|| {
            let mut uses: FastMap<String, u32> = FastMap::default();
            for c in self.capitals.iter().filter(|c| c.case == Case::Title) {
                *uses.entry(stem_of(c.span().slice(self.text)).to_lowercase()).or_default() += 1;
            }
            let mut by_letter: FastMap<char, Vec<(u32, String)>> = FastMap::default();
            for (name, n) in uses {
                if n >= OWN_NAME_USES
                    && let Some(first) = name.chars().next()
                    && self.lexicon.verdict(&name, self.dialect) != Verdict::Unknown
                {
                    by_letter.entry(first).or_default().push((n, name));
                }
            }
            for names in by_letter.values_mut() {
                names.sort_unstable_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
                names.truncate(OWN_NAMES_BY_LETTER);
            }
            by_letter
        });
        let lower = stem.to_lowercase();
        let (Some(first), length) = (lower.chars().next(), lower.chars().count()) else { return false };
        names.get(&first).is_some_and(|names| {
            names.iter().any(|(_, name)| {
                *name != lower && name.chars().count().abs_diff(length) <= 2 && strsim::osa_distance(name, &lower) <= 2
            })
        })
    }

    /// Reads the unknown `word` at `span`, a Title-case word `beside` what it stands beside,
    /// after the `suspects` found before it.
    #[allow(clippy::too_many_lines)] // one reading, its rules in the order they are asked
    pub(super) fn read(&mut self, word: &'t str, span: Span, beside: Beside, suspects: &[Suspect]) -> Reading {
        let (text, lexicon, dialect, model) = (self.text, self.lexicon, self.dialect, self.model);
        let (counts, named, capitals) = (self.counts, self.named, self.capitals);
        let (corpus_word, acronym_seen) = (self.corpus_word, self.acronym_seen);
        let count_of = |stem: &str| uses_of(counts, stem);
        let mut asked_only = false;
        let acronym_slip = std::cell::Cell::new(false);
        // `'abcb'`: a string the text shows, not a word it uses; but a word of five
        // letters or more one slip from a common word is a word, misspelt
        // (`a "terlinal", also known as`).
        if casing::is_mention(text, span)
            && !(word.len() >= MENTION_SLIP_MIN
                && word.bytes().all(|b| b.is_ascii_lowercase())
                && count_of(word) == 1
                && suggest::has_near(lexicon, word, COMMON))
        {
            return Reading::Word;
        }
        let stem = stem_of(word);
        // `pymol` where the article writes `PyMOL`: the article's casing is its fix.
        if let Some(&form) = self.own_casing.get(stem) {
            return Reading::Casing(format!("{form}{}", span::tail(word, stem.len())));
        }
        // `Nll` inside a sentence, and `nll` where the article writes that: an acronym
        // half lowered, and lowered; unless, written once, a word one slip from it is written
        // far more often, as the corpus's own slips are judged below (`Ths may be`, `Frm the
        // start`): an acronym comes back, a slip seldom does.
        if let Some(acronym) = acronym_of(stem, &self.half_lowered)
            && !(uses_in_any_casing(counts, stem) == 1 && near_written_far_more(model, lexicon, stem, dialect))
        {
            return Reading::Casing(format!("{acronym}{}", span::tail(word, stem.len())));
        }
        if self.own_terms.contains(stem) {
            return Reading::Word; // `maint` fifty times: the article's own term, whatever it is near
        }
        // A word clean prose writes almost only with capitals lost them here (`pcg`
        // for `PCG`, `rngs` for `RNGs`), unless a word one slip away is written far
        // more often than that casing, as the corpus's own slips are judged below:
        // `dif` is `diff`, not a rare `Dif`.
        if let Some(form) = capitals_of(model, word)
            && !corpus_fixes(model, lexicon, word, dialect).any(|f| {
                confidence::count(&f)
                    >= confidence::count(form).saturating_mul(confidence::slip_ratio(word, &f, CORPUS_RATIO))
            })
        {
            return Reading::Casing(form.to_string());
        }
        // A word clean prose writes (`crates`, `kqueue`, `Winsock`) is a word, unless
        // its best fix is written far more often still (`recieve`), or only doubles
        // a letter of it (`accomodate`): the commonest slip, which clean prose has too.
        // Its fixes here are the words one edit away that English knows (see
        // `corpus_fixes`): the model lists them, so this costs lookups, not a ranking.
        // A possessive the corpus never wrote is written as its stem is (`xor's`).
        let (probe, written) = match model.count(word) {
            0 if stem != word => (stem, model.count(stem)),
            n => (word, n),
        };
        if written >= corpus_word && !near_written_far_more(model, lexicon, probe, dialect) {
            return Reading::Word;
        }
        // A word in capitals among small letters, written once, that a common word
        // near it would fit (see `fits_when_garbled`): asked once, where needed.
        let caps_fit_memo = std::cell::OnceCell::new();
        let caps_fit = || {
            *caps_fit_memo.get_or_init(|| {
                case_of(stem) == Case::Upper
                    && count_of(stem) == 1
                    && among_small_letters(text, span)
                    && fits_when_garbled(text, span, lexicon, &stem.to_lowercase(), COMMON)
            })
        };
        // A possessive is judged by its stem (`LCG's` is an acronym's).
        let evidence = match case_of(stem) {
            Case::Mixed if !stem.contains(['\'', '\u{2019}']) => return Reading::Word, // camelCase, stylised names
            // Acronyms, unless one among words in lower case (or beside a short acronym on
            // one side: `the API WHRE possible`), which the article writes nowhere else in
            // any casing, is a slip of a common word (`first add YHIS to`; not `RANDU`,
            // which it also writes `randu`), or, of four letters or
            // more, two slips from one of the commonest (`careful WEJN using`) or from
            // a common word that fits where it stands (`internal VLUEN used`). One that
            // clean prose writes is such a slip only where, besides, it never stands
            // beside either neighbour and a word one edit away is written between them
            // (`the SAE time`).
            Case::Upper
                if stem.chars().count() <= ACRONYM_MAX
                    && !((among_small_letters(text, span) || among_prose(text, span)) && count_of(stem) == 1 && {
                        let lower = stem.to_lowercase();
                        let seen = || {
                            model.forms(stem).any(|f| f.text == stem && u64::from(f.inside + f.start) >= acronym_seen)
                        };
                        !counts.contains_key(lower.as_str())
                            && (!seen() || {
                                let slip = slip_fits_instead(text, span, lexicon, stem, &lower);
                                acronym_slip.set(slip);
                                slip
                            })
                            && (suggest::has_near(lexicon, &lower, acronym_near(stem))
                                || (stem.len() >= 4 && suggest::has_near_twice(lexicon, &lower, VERY_COMMON))
                                || caps_fit())
                    }) =>
            {
                return Reading::Word;
            }
            Case::Lower | Case::Mixed => {
                count_of(stem) > 1
                    || (is_compound(lexicon, stem)
                        && !(among_small_letters(text, span) && suggest::has_near_twice(lexicon, stem, COMPOUND_NEAR)))
                    || is_derived(lexicon, stem)
            }
            // Beside a name, or named so elsewhere, a capital is a name's, unless the
            // word is a slip of one of the commonest words (`Expet Tehre`): surnames
            // that near so common a word are few (`Wills`), and damage that Capitalises
            // at random makes such pairs. Set on the tune parts: `VERY_COMMON` flagged
            // 0.1 to 0.3 points more non-words for one more clean flag; `COMPOUND_NEAR`
            // 0.4, but changed 0.2 more right words per 1,000 of the articles.
            //
            // Nor does an unknown Capitalised neighbour that is a slip of a word in small
            // letters as common as [`NEIGHBOUR_SLIP`] make a name of a word that is one
            // too: damage makes such pairs (`a Shaerd Gdoal of`). Both are asked in one
            // search of the words near.
            Case::Title | Case::Upper if beside != Beside::Nothing || named.contains_key(stem) => {
                let mut common_word = false;
                let very_common = suggest::has_near_that(lexicon, stem, NEIGHBOUR_SLIP, |near, uses| {
                    common_word |= lexicon.verdict(near, Dialect::Us) == Verdict::Known;
                    uses >= VERY_COMMON
                });
                // Nor is a long word one slip from a word prose writes often (`Rust's
                // Infratructure`): few names that long lie so near a word.
                let long_slip = || {
                    stem.chars().count() >= LONG_SLIP
                        && suggest::has_near_that(lexicon, stem, LONG_SLIP_NEAR, |near, _| {
                            lexicon.verdict(near, Dialect::Us) == Verdict::Known
                        })
                };
                if !(very_common
                    || (common_word && beside_a_slip(lexicon, text, span))
                    || long_slip()
                    || self.slip_of_own_name(stem))
                {
                    // A slip of a common word after all, asked about where damage shows (see
                    // [`SLIP_BESIDE_NAME`]).
                    if common_word
                        && case_of(stem) == Case::Title
                        && stem.chars().count() >= SLIP_BESIDE_NAME
                        && !follows_given_name(lexicon, text, span, suspects)
                    {
                        return Reading::Misspelt { asked_only: true, acronym_slip: false };
                    }
                    return Reading::Word;
                }
                true
            }
            Case::Title | Case::Upper => true,
        };
        // A plural English's rules make of a known word has that word one slip away
        // by its making (`stabilizations`): only another word near says slip.
        let mut slip = || {
            let singular = stem.strip_suffix('s').filter(|_| case_of(stem) == Case::Lower);
            match singular.filter(|_| is_derived(lexicon, stem)) {
                Some(one) => suggest::has_near_but(lexicon, word, COMMON, one),
                // Kept for a word the article repeats: one written once is asked once.
                None if count_of(stem) > 1 => {
                    *self.slips.entry(word).or_insert_with(|| suggest::has_near(lexicon, word, COMMON))
                }
                None => suggest::has_near(lexicon, word, COMMON),
            }
        };
        // Nor of a term of the tech vocabulary, Capitalised (see [`TECH_SLIP`]).
        let tech_slip = || {
            case_of(stem) == Case::Title
                && stem.chars().count() >= TECH_SLIP
                && !is_derived(lexicon, &stem.to_lowercase())
                && suggest::has_near_that(lexicon, stem, 0.0, |near, _| lexicon.is_tech_term(near))
        };
        // Not a slip of a common word, nor of the article's own name, nor of a term.
        let kept = evidence && !slip() && !caps_fit() && !self.slip_of_own_name(stem) && !tech_slip();
        // A word in capitals too long to be taken for an acronym, among words in small
        // letters, is a word garbled twice over when one lies two edits away
        // (`detecting and OMEASURSNG performance`): acronyms that long are seldom that
        // near a word. So is a Capitalised word written once inside a sentence, no
        // name beside it ([`GARBLED_TITLE_MIN`]); a shorter one only where such a word
        // fits both its neighbours (`streaming their Woqr on`; see `fits_when_garbled`).
        let mut garbled = || {
            let letters = stem.chars().count();
            let once = || count_of(stem) == 1;
            let once_inside = || once() && inside_sentence(capitals, span);
            let near = match case_of(stem) {
                // Any word of the lexicon: acronyms that long seldom lie two edits from one,
                // and a field's words are rarer than the commonest (`cargo SUBCOMMANH`).
                Case::Upper if letters > ACRONYM_MAX && among_small_letters(text, span) => Some(0.0),
                Case::Title if letters >= GARBLED_TITLE_MIN && once() => {
                    Some(if letters >= GARBLED_TITLE_LONG { GARBLED_TITLE_LONG_NEAR } else { GARBLED_TITLE_NEAR })
                }
                // Shorter, only where the word near fits: of the same words, so that no
                // word is searched twice.
                Case::Title if letters >= GARBLED_CAPS_MIN && once_inside() => {
                    return fits_when_garbled(text, span, lexicon, &stem.to_lowercase(), GARBLED_TITLE_NEAR);
                }
                _ => None,
            };
            near.is_some_and(|near| {
                *self
                    .twice_garbled
                    .entry(stem)
                    .or_insert_with(|| suggest::has_near_twice(lexicon, &stem.to_lowercase(), near))
            })
        };
        if kept {
            if !garbled() {
                return Reading::Word;
            }
            // A Capitalised word two slips from a common one may still be a name.
            asked_only = case_of(stem) == Case::Title;
        }
        if lowered_surname(lexicon, text, span, suspects) {
            return Reading::Surname(casing::capitalised(word));
        }
        Reading::Misspelt { asked_only, acronym_slip: acronym_slip.get() }
    }
}

/// The unknown words (by stem) written [`OWN_TERM`] times or more whose first fix
/// (`first_fix`; none for a word that is no slip) the article writes less often: its own terms.
/// The fixes are counted in one pass over the words in lower case.
fn own_terms<'t>(
    counts: &FastMap<&'t str, usize>,
    lower: &LowerWords,
    text: &str,
    mut first_fix: impl FnMut(&'t str) -> Option<String>,
) -> FastSet<&'t str> {
    let mut often: Vec<(&str, usize)> = counts.iter().filter(|&(_, &n)| n >= OWN_TERM).map(|(&w, &n)| (w, n)).collect();
    often.sort_unstable(); // the same order, and so the same ranking work, on every run
    let fixes: Vec<Option<String>> = often.iter().map(|&(w, _)| first_fix(w)).collect();
    // Several words may share a fix: each distinct fix is counted once.
    let mut distinct: Vec<String> = fixes.iter().flatten().cloned().collect();
    distinct.sort_unstable();
    distinct.dedup();
    let mut seen = vec![0usize; distinct.len()];
    if !distinct.is_empty() {
        let watch = Watch::of(&distinct);
        lower.each(|span| {
            if watch.may_hold(text, span)
                && let Some(i) = watch.get(text, span)
            {
                seen[i] += 1;
            }
        });
    }
    let used = |fix: &str| distinct.binary_search_by(|d| d.as_str().cmp(fix)).map_or(0, |i| seen[i]);
    often
        .iter()
        .zip(&fixes)
        .filter(|&(&(_, n), fix)| fix.as_deref().is_none_or(|f| used(f) < n))
        .map(|(&(w, _), _)| w)
        .collect()
}

/// The casing the article gives each of its unknown words that it also writes in lower case
/// (`unknown` holds them as written), where that casing has capitals damage never gives a word:
/// an acronym's (`APBS`) or a stylised name's (`PyMOL`, `DoGet`). Damage capitalises a first
/// letter or lowers a whole word; it does not write a name's inner capitals. The commonest such
/// casing of each word, by its lower case as written; words of three letters or more, written
/// in lower case at most [`OWN_LOWER_MAX`] times for each time with capitals. The casings are
/// those of the words in capitals or with capitals inside among `capitals`, and of the parts of
/// the code, dotted names and names in markup among `styled` (`[ULoc]`, `FlightInfo.ordered`),
/// taken in the text's order.
fn own_casings<'t>(
    text: &'t str,
    (capitals, styled): (&[Capital], &[(u32, u32)]),
    unknown: &FastMap<&'t str, usize>,
) -> FastMap<&'t str, &'t str> {
    let mut found: FastMap<&'t str, Vec<(&'t str, usize)>> = FastMap::default();
    if !unknown.keys().any(|k| case_of(k) == Case::Lower) {
        return FastMap::default();
    }
    let mut lower = String::new();
    let mut note = |span: Span| {
        let form = stem_of(span.slice(text));
        if form.len() < 3 {
            return;
        }
        if let Some((&key, _)) = unknown.get_key_value(casing::lower_into(&mut lower, form)) {
            let forms = found.entry(key).or_default();
            if let Some((_, n)) = forms.iter_mut().find(|(f, _)| *f == form) {
                *n += 1;
            } else if forms.len() < OWN_CASINGS {
                // A few ways at most, or a text of a word in thousands of casings costs their square.
                forms.push((form, 1));
            }
        }
    };
    // Both lists are in the text's order: merged, the first casing written stays first.
    let mut words =
        capitals.iter().filter(|c| matches!(c.case, Case::Mixed | Case::Upper)).map(|c| c.span()).peekable();
    let mut others = styled.iter().map(|&(at, len)| Span::new(at as usize, at as usize + len as usize)).peekable();
    loop {
        match (words.peek().copied(), others.peek().copied()) {
            (Some(w), o) if o.is_none_or(|o| w.start < o.start) => {
                words.next();
                note(w);
            }
            (_, Some(o)) => {
                others.next();
                styled_parts(text, o, &mut note);
            }
            _ => break,
        }
    }
    found
        .into_iter()
        .filter_map(|(key, forms)| {
            // The first written wins a tie.
            let most = forms.iter().map(|f| f.1).max()?;
            let lower_uses = unknown.get(key).copied().unwrap_or(0);
            if forms.iter().map(|f| f.1).sum::<usize>() * OWN_LOWER_MAX < lower_uses {
                return None; // a command beside its name
            }
            forms.into_iter().find(|f| f.1 == most).map(|(form, _)| (key, form))
        })
        .collect()
}

/// The names inside the code, dotted name or name in markup at `span` (`FlightInfo.ordered`,
/// `[ULoc]`, `` `PyMOL` ``): each run of three letters or more between other marks that is written in
/// capitals or with capitals inside, given to `each`.
fn styled_parts(text: &str, span: Span, each: &mut impl FnMut(Span)) {
    let whole = span.slice(text);
    for part in whole.split(|c: char| !c.is_ascii_alphanumeric()) {
        if part.len() >= 3
            && part.bytes().all(|b| b.is_ascii_alphabetic())
            && matches!(case_of(part), Case::Mixed | Case::Upper)
        {
            let start = span.start + (part.as_ptr() as usize - whole.as_ptr() as usize);
            each(Span::new(start, start + part.len()));
        }
    }
}

/// The words with no vowel, of two to [`ACRONYM_MOST`] letters, that the article writes with a
/// first capital alone inside a sentence (`Nll`, `Rls`), and also in small letters as an unknown
/// word (`unknown` holds those as written): the small letters. No English word is written `Nll`,
/// and no name: an acronym half lowered (`Ml`), which the damage writes where it lowers acronyms
/// too. A name or term with no vowel that the lexicon knows (`Hz`, `Mr`) never reaches this: only
/// unknown words are asked. The set holds only words of `unknown`, however many capitals the
/// text has.
fn half_lowered_acronyms<'t>(text: &str, capitals: &[Capital], unknown: &FastMap<&'t str, usize>) -> FastSet<&'t str> {
    let mut lower = String::new();
    let mut out = FastSet::default();
    for c in capitals.iter().filter(|c| !c.start && c.case == Case::Title) {
        let word = stem_of(c.span().slice(text));
        if is_vowelless(word)
            && let Some((&key, _)) = unknown.get_key_value(casing::lower_into(&mut lower, word))
        {
            out.insert(key);
        }
    }
    out
}

/// True for a word of two to [`ACRONYM_MOST`] ASCII letters with no vowel (`y` counts as one).
fn is_vowelless(word: &str) -> bool {
    (2..=ACRONYM_MOST).contains(&word.len())
        && word.bytes().all(|b| b.is_ascii_alphabetic() && !b"aeiouyAEIOUY".contains(&b))
}

/// The acronym an unknown word stands for, when it has no vowel and is written with a first
/// capital alone (`Nll`), or in small letters where the article also writes it with a first
/// capital alone inside a sentence (`nll` beside `Nll`): in capitals.
fn acronym_of(word: &str, half_lowered: &FastSet<&str>) -> Option<String> {
    let written = case_of(word);
    (is_vowelless(word) && (written == Case::Title || (written == Case::Lower && half_lowered.contains(word))))
        .then(|| word.to_ascii_uppercase())
}

/// True when a word in capitals at `span`, `lower` in small letters, may be a common word
/// garbled (`internal VLUEN used`, `would WULH best fit`): one within two edits of it, written
/// `least_common` times or more ([`COMMON`] for one in capitals, fewer words for one
/// Capitalised: see [`GARBLED_TITLE_MIN`]), stands beside both its neighbours in the corpus
/// ([`GARBLED_CAPS_PAIRS`] times or more each). Only for words of [`GARBLED_CAPS_MIN`] letters or
/// more: a three-letter acronym is two edits from hundreds of words, some of which fit anywhere
/// (`CFP` -> `cap`).
fn fits_when_garbled(text: &str, span: Span, lexicon: &Lexicon, lower: &str, least_common: f64) -> bool {
    if lower.chars().count() < GARBLED_CAPS_MIN {
        return false;
    }
    let (Some(prev), Some(next)) = crate::token::neighbours(text, span) else { return false };
    let model = Model::builtin();
    let (prev, next, least) = (prev.to_lowercase(), next.to_lowercase(), model.uses(GARBLED_CAPS_PAIRS));
    suggest::has_near_twice_that(lexicon, lower, least_common, |word| {
        u64::from(model.after(&prev, word)) >= least && u64::from(model.before(word, &next)) >= least
    })
}

/// How common a word one edit from an unknown word in capitals must be for the word to be its
/// slip rather than an acronym: very common for a short one (`YHIS`), and common for one of five
/// letters (`MINLR`, `CHOOS`), where acronyms no list or corpus knows are rarer and fewer
/// words lie one edit away by chance.
fn acronym_near(stem: &str) -> f64 {
    if stem.chars().count() >= ACRONYM_MAX { COMMON } else { VERY_COMMON }
}

/// True when the word in capitals at `span`, `stem` (`lower` in small letters), an acronym clean
/// prose writes, stands where the corpus never writes it beside either neighbour, and a common
/// word one edit away is written between the two (`at the SAE time`, `changes OVR time`): a
/// slip of that word, not the acronym. The three words together, not each pair alone: a word
/// that follows anything (`Windows AFD system`: `and`) fits no more than the acronym does.
fn slip_fits_instead(text: &str, span: Span, lexicon: &Lexicon, stem: &str, lower: &str) -> bool {
    let (Some(prev), Some(next)) = crate::token::neighbours(text, span) else { return false };
    let model = Model::builtin();
    let (prev, next) = (prev.to_lowercase(), next.to_lowercase());
    if model.after(&prev, stem) > 0 || model.before(stem, &next) > 0 {
        return false;
    }
    let triples = crate::lexicon::triples::Triples::builtin();
    suggest::has_near_that(lexicon, lower, COMMON, |word, _| triples.count(&prev, word, &next) > 0)
}

/// True when `word` is two common words run together, each of three letters or more
/// (`hostmask`, `userinfo`): compounds like these are how tech prose coins terms.
fn is_compound(lexicon: &Lexicon, word: &str) -> bool {
    let common = |w: &str| {
        w.chars().count() >= 3
            && lexicon.verdict(w, Dialect::Us) == Verdict::Known
            && lexicon.frequency(w) >= COMPOUND_PART
    };
    word.char_indices().skip(3).any(|(i, _)| common(span::head(word, i)) && common(span::tail(word, i)))
}

/// True when `word` is a known word with a prefix (`misclassifying`, `unergonomic`) or an ending
/// (`interleavable`, `stringifier`) English builds words with, by its spelling rules: a final `e`
/// dropped before a vowel, a consonant doubled, `y` made `i`, `-es` only after a hiss or an `o`
/// and `-s` never after a hiss (`matchs` and `pathes` are no words). The known word has four
/// letters or more.
fn is_derived(lexicon: &Lexicon, word: &str) -> bool {
    let known = |w: &str| w.len() >= 4 && lexicon.verdict(w, Dialect::Us) == Verdict::Known;
    if PREFIXES.iter().any(|p| word.strip_prefix(p).is_some_and(known)) {
        return true;
    }
    let hiss = |w: &str| w.ends_with(['s', 'x', 'z']) || w.ends_with("ch") || w.ends_with("sh");
    SUFFIXES.iter().any(|&suffix| {
        let Some(base) = word.strip_suffix(suffix) else { return false };
        if base.len() < 3 {
            return false;
        }
        match suffix {
            "s" => !hiss(base) && known(base),
            "es" => (hiss(base) || base.ends_with('o')) && known(base),
            "ies" | "ied" => known(&format!("{base}y")),
            _ => {
                let doubled = base.len() >= 2 && {
                    let b = base.as_bytes();
                    b[b.len() - 1] == b[b.len() - 2] && !b"aeiou".contains(&b[b.len() - 1])
                };
                known(base)
                    || known(&format!("{base}e"))
                    || (doubled && known(span::head(base, base.len() - 1)))
                    || (base.ends_with('i') && known(&format!("{}y", span::head(base, base.len() - 1))))
            }
        }
    })
}

/// True when the word at `span`, unknown and in small letters, is a surname that lost its
/// capital: it follows a given name that English lists (`Hans kratz`, `Alice ryhl`; not a tech
/// name, `Debian forky`, nor a possessive, nor a word flagged itself), and no common word is
/// one slip from it (`Doug feqls` is `feels`). A misspelling far from any common word gets
/// nothing better from its fixes than its capital.
fn lowered_surname(lexicon: &Lexicon, text: &str, span: Span, suspects: &[Suspect]) -> bool {
    case_of(span.slice(text)) == Case::Lower
        && follows_given_name(lexicon, text, span, suspects)
        && !suggest::has_near(lexicon, span.slice(text), COMMON)
}

/// True when a word beside the one at `span`, joined to it by a space or a line break, is an unknown
/// Capitalised word one slip from a word in small letters written [`NEIGHBOUR_SLIP`] times or
/// more (`Shaerd` beside `Gdoal`).
fn beside_a_slip(lexicon: &Lexicon, text: &str, span: Span) -> bool {
    let (prev, next) = crate::token::neighbours(text, span);
    [prev, next].into_iter().flatten().any(|n| {
        case_of(n) == Case::Title
            && lexicon.verdict(n, Dialect::Us) == Verdict::Unknown
            && suggest::has_near_that(lexicon, n, NEIGHBOUR_SLIP, |near, _| {
                lexicon.verdict(near, Dialect::Us) == Verdict::Known
            })
    })
}

/// The words one edit from `word` that English knows and that keep its first letter, in
/// `word`'s casing: the model's near list (one lookup), and `word` with an apostrophe put in
/// (`dont` -> `don't`; the near list holds letters only). Letters are compared in lower case
/// (`Teh` is one edit from `the`). A slip seldom strikes the first letter: an edit there makes
/// another word more often than a typo (`xid`, not `id` or `did`).
fn corpus_fixes<'a>(
    model: &'a Model,
    lexicon: &'a Lexicon,
    word: &'a str,
    dialect: Dialect,
) -> impl Iterator<Item = String> + 'a {
    let lower = word.to_lowercase();
    let first = lower.chars().next();
    let own = lower.clone();
    let near = model
        .near(word)
        .map(str::to_lowercase)
        .filter(move |n| n.chars().next() == first && *n != own && strsim::osa_distance(n, &own) <= 1);
    let apostrophes: Vec<String> = if lower.contains(['\'', '\u{2019}']) {
        Vec::new()
    } else {
        lower
            .char_indices()
            .skip(1)
            .map(|(i, _)| format!("{}'{}", span::head(&lower, i), span::tail(&lower, i)))
            .collect()
    };
    near.chain(apostrophes)
        .filter(move |n| lexicon.verdict(n, dialect) == Verdict::Known)
        .map(move |n| crate::lexicon::apply_case(&n, case_of(word)))
}

/// True when a word one slip from `word` ([`corpus_fixes`]) is written [`CORPUS_RATIO`] times as
/// often as `word` in any casing, or more: `word` is then a slip of it, as clean prose's own slips
/// are (`seperate`).
fn near_written_far_more(model: &Model, lexicon: &Lexicon, word: &str, dialect: Dialect) -> bool {
    let written = model.count(word);
    corpus_fixes(model, lexicon, word, dialect)
        .any(|f| confidence::count(&f) >= written.saturating_mul(confidence::slip_ratio(word, &f, CORPUS_RATIO)))
}

/// The casing clean prose gives `word`, written here in lower case, when that is almost always
/// one with capitals (`PCG`, `RNGs`): written inside sentences at least [`CORPUS_WORD`] times,
/// and in lower case at most [`LOWER_SHARE`] of them.
fn capitals_of(model: &Model, word: &str) -> Option<&'static str> {
    if case_of(word) != Case::Lower {
        return None;
    }
    let (mut top, mut all, mut lower) = (None::<crate::lexicon::model::Form>, 0u64, 0u64);
    for f in model.forms(word) {
        all += u64::from(f.inside);
        if f.text == word {
            lower += u64::from(f.inside);
        } else if top.is_none_or(|t| f.inside > t.inside) {
            top = Some(f);
        }
    }
    #[allow(clippy::cast_precision_loss)] // counts far below 2^52
    let rare = (lower as f64) <= LOWER_SHARE * all as f64;
    top.filter(|t| u64::from(t.inside) >= model.uses(CORPUS_WORD) && rare).map(|t| t.text)
}
