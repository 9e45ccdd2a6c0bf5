//! Casing from the model: each word is read in the casing that clean prose most likely gives it
//! beside its neighbours, weighed against how damaged this article's casing is.
//!
//! For a word the corpus knows well, every casing it has seen is a candidate. Its score is the
//! chance that clean prose writes it so between these neighbours ([`Model::after`],
//! [`Model::before`], backed off to how often it is written so at all), times the chance that
//! this article's damage turned it into what is written: a common word Capitalised
//! ([`Channel::raised`]), a name or term lowered ([`Channel::lowered`]), or anything else
//! ([`OTHER`]). Both rates are estimated from the article itself, from every word the corpus
//! knows well ([`Channel::estimate`]): a clean article with Title Case headings keeps its names,
//! and a damaged one has its stray capitals taken down. The article's other spellings of a word,
//! and what the rules know of it (headings, labels, runs of capitals, a lower-case convention),
//! weigh in. A word is a suspect where another casing beats what is written; the margin says how
//! sure, and `fix` takes it where a chance fitted on data, which weighs the margin among the
//! rest, is [`Sureness::LIKELY`] or more (in a sentence or two, a margin of [`SURE`] or more).
//!
//! Limits: a word the corpus has seen fewer than [`JUDGED`] times is left to the rules, and a
//! text of a sentence or two gives little evidence of its damage, so its capitals mostly stand.

use crate::check::confidence;
use crate::check::sightings::Sightings;
use crate::fasthash::{FastMap, FastSet};
use crate::lexicon::model::{Form, Join, Model};
use crate::lexicon::{Case, case_of};
use crate::span::Span;
use crate::suspect::{Fixes, Kind, Lists, Suspect};

/// Words the corpus writes inside sentences this often or more measure the article's damage.
pub const KNOWN: u32 = 100;

/// A word the corpus writes fewer times than this is judged by the rules. Less often than
/// [`KNOWN`] is still often enough to say that clean prose writes `Xeon` and `Mersenne` with a
/// capital: the damage estimate weighs how often that matters.
pub const JUDGED: u32 = 10;

/// An article whose common words are Capitalised inside sentences at this rate or more was
/// Capitalised at random (clean prose: well under 1%).
pub const DAMAGED_CAPITALS: f64 = 0.03;

/// An article whose names and terms are written in lower case at this rate or more, beyond
/// what clean prose has, lost its capitals to damage (clean READMEs: under 0.1; an article
/// damaged as the bundled sample is, 0.12 to 0.38; a transcript in lower case, near 1).
pub const DAMAGED_LOWER: f64 = 0.2;

/// An article whose names and terms are written in lower case at this rate or more lowers names
/// at all: a word in small letters of a name it writes with capitals again and again may be
/// that name's word lowered ([`RECURRING_RUN`]). Clean articles stay under 0.05 (the tune parts:
/// 163 of 183 clean halves), and damaged ones are mostly over 0.1 (470 of 503). Set on the tune
/// parts: from [`DAMAGED_LOWER`] to 0.1, `fix` corrected 0.1 and 0.2 points more of the blogs'
/// errors, for one right word more changed on three parts; 0.05 did the same, and 0 drew 6 and
/// 2 more flags on the blogs' clean halves. Counted a word at a time (the fiftieth session), the
/// clean halves' estimates fell (175 of 180 under 0.06, none from there to 0.08) and the
/// damaged ones' rose (493 of 503 over 0.06), and the cut with them (0.06 and 0.1 fix and
/// change the same on the tune parts).
const LOWERS_NAMES: f64 = 0.06;

/// The damage estimates say whether an article's casing is its own only from this many words
/// the model knows, inside sentences (a README of a few paragraphs).
pub const ENOUGH_WORDS: f64 = 100.0;

/// Two words the article writes side by side with a capital on either (`Rust Project`, `the
/// All hands`, `the all Hands`) this many times or more, and likelier so a name than damage
/// ([`RECURRING_ODDS`]), are a name of the article's own: damage that capitalises words at
/// random seldom capitalises the same two words side by side again and again, while damage that
/// lowers a name's words one by one leaves a capital on one or both at most uses. Set on the
/// tune parts with [`RECURRING`], when only runs of capitals on both counted: the articles name
/// their institutions so, and the casing model lowered them (`the Rust Project` -> `project`).
/// From none to 3, `fix` changed 24 fewer right words of the articles' tune part and took 10
/// fewer flags on its clean halves, with the same fixes; 2 changed 39 fewer but lost fixes on
/// the registry texts. Measured again with a capital on either counted: 2 fixed 0.1 to 0.2
/// point fewer errors of every tune part, 4 changed 0.12 to 0.15 more right words of three.
const RECURRING_RUN: u32 = 3;
/// The log odds ([`Channel::name_odds`]) from which such a pair is a name: likelier so than
/// two common words, and than a name beside a common word (an article that writes `the Rust`
/// again and again has not named `the Rust`). Its capitals stand, and a word of it lowered
/// beside the other's capital is raised. Set on the tune parts: from the old rule (runs of
/// capitals on both only, against two common words) to 2, `fix` changed 1, 9 and 19 fewer right
/// words of the registry texts, the Rust blog and the other blogs, with the same fixes; 0
/// changed 26 fewer of the other blogs' but 4 more of the registry texts'. From 1 to 4 with
/// every pattern of capitals counted, within 0.1 right words per 1,000 and 0.1 point of fixes,
/// but for 4's changing 0.1 to 0.2 more right words of the blogs.
const RECURRING_ODDS: f64 = 2.0;
/// How much likelier a casing with capitals is for a word of such a name, beside the other
/// (100 changed no more).
const RECURRING: f64 = 20.0;

/// Two words the article writes side by side, and how often with capitals on both, on the first
/// alone, on the second alone, and on neither ([`Uses`]).
struct Run {
    /// Their folded hashes.
    words: (u64, u64),
    /// Its uses, counted in the pass that keeps the names ([`Names::keep_recurring`]).
    uses: Uses,
    /// Its sightings with a capital after the first, counted in the pass before.
    again: u32,
}

/// How often two words side by side are written with capitals on both, on the first alone, on
/// the second alone, and on neither.
#[derive(Clone, Copy, Debug, Default)]
struct Uses {
    caps: u32,
    first: u32,
    second: u32,
    small: u32,
}

/// The names the article writes with capitals again and again (see [`RECURRING_RUN`]), by
/// [`pair_key`].
struct Names {
    /// The pairs with a capital sighted so far: a pair gets an entry when it is seen again, so
    /// that the many seen once (every capital the damage puts in makes two) cost a few bits.
    sighted: Sightings,
    /// The word seen last, and whether it has a capital.
    last: Option<(Word, bool)>,
    runs: FastMap<u64, Run>,
    /// The words of those runs, so that every other word costs one cheap hash.
    words: FastSet<u64>,
}

impl Names {
    /// How many pairs are counted at most: a text of nothing but random capitals (10 MB of it
    /// holds a million distinct pairs) keeps no entry for each; its names are found among the
    /// first this many.
    const MOST: usize = 1 << 16;

    /// Room for the pairs of a text of `len` bytes: a word and its space take six or so, and a
    /// damaged article Capitalises a tenth of its words or more, each making two pairs.
    fn for_text(len: usize) -> Self {
        Self { sighted: Sightings::new(len / 24, 8), last: None, runs: FastMap::default(), words: FastSet::default() }
    }

    /// Counts the word at `w` with the word before it, where they are a pair ([`pair_at`]) and
    /// either has a capital.
    fn see(&mut self, text: &str, w: Word) {
        let capital = has_capital(w.span.slice(text));
        let last = self.last.replace((w, capital));
        // Most pairs have no capital: that is looked at first, and cheaply.
        let Some((last, _)) = last.filter(|l| capital || l.1) else { return };
        let Some((prev, word)) = pair_at(text, Some(last), w) else { return };
        let words = (Sightings::hash_of_folded(prev), Sightings::hash_of_folded(word));
        let key = key_of(words);
        if !self.sighted.sight(key) {
            return;
        }
        if let Some(run) = self.runs.get_mut(&key) {
            run.again += 1;
        } else if self.runs.len() < Self::MOST {
            self.runs.insert(key, Run { words, uses: Uses::default(), again: 1 });
        }
    }

    /// Keeps the pairs written with a capital [`RECURRING_RUN`] times or more whose uses (all
    /// counted in one more pass over `words`) make them a name by [`RECURRING_ODDS`] or more
    /// under the article's damage (`channel`).
    fn keep_recurring(&mut self, text: &str, words: &[Word], channel: Channel) {
        self.runs.retain(|_, run| run.again + 1 >= RECURRING_RUN);
        if self.runs.is_empty() {
            return;
        }
        self.words = self.runs.values().flat_map(|run| [run.words.0, run.words.1]).collect();
        let mut last = None;
        for &w in words {
            if self.words.contains(&Sightings::hash_of_folded(w.span.slice(text)))
                && let Some((prev, word)) = pair_at(text, last, w)
                && let Some(run) = self.runs.get_mut(&pair_key(prev, word))
            {
                let uses = &mut run.uses;
                *(match (has_capital(prev), has_capital(word)) {
                    (true, true) => &mut uses.caps,
                    (true, false) => &mut uses.first,
                    (false, true) => &mut uses.second,
                    (false, false) => &mut uses.small,
                }) += 1;
            }
            last = Some(w);
        }
        self.runs.retain(|_, run| {
            let uses = run.uses;
            uses.caps + uses.first + uses.second >= RECURRING_RUN && channel.name_odds(uses) >= RECURRING_ODDS
        });
    }

    /// True when `word`, joined to its `neighbours` as `joins` says, is a word of one of the
    /// names, with a capital itself or beside the name's other word with one: where both are in
    /// small letters, nothing here says that the author did not mean the common words (`the
    /// governance committee will decide`).
    fn holds(&self, word: &str, (prev, next): (Option<&str>, Option<&str>), joins: [Join; 2]) -> bool {
        let name = |join: Join, other: Option<&str>, before: bool| {
            join == Join::Space
                && other.is_some_and(|o| {
                    let key = if before { pair_key(o, word) } else { pair_key(word, o) };
                    (has_capital(o) || has_capital(word)) && self.runs.contains_key(&key)
                })
        };
        self.words.contains(&Sightings::hash_of_folded(word))
            && (name(joins[0], prev, true) || name(joins[1], next, false))
    }
}

/// The word before `w` and `w`, where the word before is `last` (the word judged just before),
/// joined to it by a space or a line break alone (as [`crate::token::neighbours`] joins words),
/// and both stand inside a sentence out of headings and are longer than a letter: their casings
/// are the writer's or the damage's.
fn pair_at(text: &str, last: Option<Word>, w: Word) -> Option<(&str, &str)> {
    let last = last.filter(|l| !(l.start || l.heading || w.start || w.heading))?;
    let gap = text.get(last.span.end..w.span.start)?;
    let (prev, word) = (last.span.slice(text), w.span.slice(text));
    (matches!(gap, " " | "\n" | "\r\n") && prev.chars().nth(1).is_some() && word.chars().nth(1).is_some())
        .then_some((prev, word))
}

/// How many ways of writing a word the article's usage keeps: an author writes a word two or
/// three ways, and each way kept is weighed for every use of the word, so that a text writing a
/// word in thousands of casings would cost their square.
const WAYS: usize = 8;

/// How many readings, by word and neighbours, are kept at most: a prose article repeats its
/// commonest contexts soon enough for this many to answer most of them (a larger cache made 10 MB
/// of distinct prose no faster, and took 15 MB more).
const VERDICTS: usize = 1 << 14;

/// A reading that takes the first capital off a word by this factor or more is a stray capital
/// even in an article whose casing shows no damage, where the rules keep every other capital as
/// the author's (`had some bugs Which Would Allow`: the lower case wins by 60,000 there, where a
/// name an author capitalises, `the Temporary File Locations tab`, wins by less). The article's
/// damage is in the margin already: a clean article's few stray capitals lower it. Set on the
/// tune parts: 3,000 corrected 49 and 11 more errors of the Rust blog and the other blogs, with
/// no right word more changed and one more flag on the clean halves (the registry texts'); 1,000
/// flagged two more names in the clean halves, 10,000 gained the Rust blog's fixes alone.
pub const BEYOND_DOUBT: f64 = 3000.0;

/// A casing is a suspect when another beats it by this factor.
const FLAG: f64 = 1.0;
/// ... and a confident one (that `fix` applies) when by this factor in a text too short to
/// estimate its damage ([`ENOUGH_WORDS`]); elsewhere the chance decides ([`Sureness::LIKELY`]).
/// Set on the tune part: from 2 to 1.5 took 15 more right casings and changed one more right
/// word; 1 changed ten more. Until the fifty-third session it bound the chance's readings too:
/// dropped there, and the cut raised from 0.72 to 0.73, `fix` corrected 90 more errors of the
/// four tune parts for 5 more right words changed (the margin is a feature of the chance).
const SURE: f64 = 1.5;
/// Pseudo-count of the backed-off estimate beside a neighbour's counts.
const BACKOFF: f64 = 4.0;
/// The chance of a casing change neither raising nor lowering (`Linux` for `LINUX`).
const OTHER: f64 = 0.002;
/// The chance that an acronym reaches the page half lowered (`Ai`), whatever the article's other damage.
const HALF: f64 = 0.2;
/// How much likelier a casing with capitals is inside a run of capitals (`Tech Product Lead`):
/// clean prose writes names and titles the corpus has never seen, but an article whose damage
/// capitalises words at random makes runs by chance too. The odds that a word's capital is meant
/// because its neighbour has one are how often a name's neighbour in a run belongs to it
/// ([`RUN_NAME`]) over how often a capital the damage put in stands beside another anyway
/// ([`Channel::in_run`]: a name of its own, [`RUN_OTHER`], the damage to the neighbour alone, or
/// the damage's own runs). Set on the tune parts: 10 in a clean article, 3.3 in one that
/// capitalises a tenth of its words one by one (5 for all before: that kept 50 more of the
/// damage's capitals on the registry part, for 5 right words fewer changed), none where the
/// damage Capitalises in runs, as the bundled sample's does.
const RUN_NAME: f64 = 0.5;
const RUN_OTHER: f64 = 0.05;
/// A word in lower case whose other casings take less than this share of its uses is left as
/// written.
const SELDOM: f64 = 0.02;
/// A casing the corpus gives a word at most this share of the time is left out as a candidate.
const RARE_FORM: f64 = 0.001;
/// How much each other way the article writes a word counts, as a power of its likelihood.
const ARTICLE: f64 = 0.5;
/// The least chance that an author writes a word another way than they mostly do (`salsa` beside
/// `Salsa`): the article's other spellings of a word are its own style as well as damage. Set on
/// both tune parts: 0.02 took 25 flags off the registry texts' clean halves and changed one right
/// word less, with the same fixes; 0.05 and 0.1 lost casing fixes on the READMEs.
const INCONSISTENT: f64 = 0.02;
/// A word written with a first capital at this many of the article's other uses inside sentences
/// (out of runs of capitals) or more has each of them weighed: real damage Capitalises each use
/// on its own (of the words clean prose writes in lower case that the damaged halves Capitalise
/// at every use out of runs, on the tune parts 12 of 71 used twice and none of 25 used three
/// times or more; on the development pairs, none of those used twice or more). Fewer are
/// weighed as one way of writing the word, as the article's other ways are. Set on the tune
/// parts: 3 kept 7 and 77 more right words of the registry texts and the articles for 0.1 point
/// fewer fixed on the articles; 2 lost 0.2 points of the registry texts' fixes, and weighing
/// every other way's uses as well drew 30-40% more flags on the clean halves. Not where the
/// damage's rate of capitals explains them, given the uses in small letters (the sixty-fifth
/// session): before, a long text's commonest words, Capitalised by the damage three times or
/// more, were read as its own (`so The Rows Now Hold`). On the four tune parts joined as one
/// text, 159 more errors corrected and 15 more right words changed; each text on its own, 8
/// more and 1.
const CAPITALISED_AGAIN: u32 = 3;
/// The most of [`Channel::raised`] that [`best_reading`] counts on when it asks how many
/// capitals the damage makes of a word's uses in small letters: a rate near 1 would make any
/// number of them.
const RAISED_MOST: f64 = 0.9;
/// A word clean prose capitalises less often than this, that an article Capitalises at every use
/// inside sentences, is written so on purpose: its capitals do not measure the damage (see
/// [`judge`]). Set before it was measured: the words clean prose mostly writes in lower case.
const STYLE_RATE: f64 = 0.5;
/// How many uses of clean prose the corpus's share of a word's capitals counts as, when the
/// author's own rate for the word is drawn around it: the article's uses soon outweigh it. Set on
/// the tune parts: 1 fixed 0.1 to 0.3 points more of the errors, but changed 0.2 more right words
/// per 1,000 of the registry texts and of the other blogs; 4 fixed 0.1 to 0.2 points fewer for
/// about as many right words changed.
const STYLE_PRIOR: f64 = 2.0;
/// How many rates of capitals an author may have for a word are weighed, spread evenly over
/// the log odds from -12 to 12.
const STYLE_GRID: usize = 24;

/// How this article's casing was damaged, per word of each kind.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Channel {
    /// The chance a word written in lower case in clean prose is Capitalised here.
    pub raised: f64,
    /// The chance a name or term is written here in lower case.
    pub lowered: f64,
    /// The chance that a capital the damage put in stands beside another capital: the damage's
    /// own runs (`Said That Among The Big Challenges`) as well as chance ([`Runs::share`]).
    pub in_run: f64,
}

/// The capitals the article puts inside sentences on words clean prose seldom capitalises, by
/// the channel's bucket, as (all of them, those in a run of capitals): how often its damage
/// comes in runs.
#[derive(Clone, Copy, Default)]
struct Runs([(f64, f64); Runs::SELDOM_CAPITALISED]);

impl Runs {
    /// The buckets of words clean prose capitalises less than a tenth of the time: their
    /// capitals inside a sentence are mostly damage in a damaged article.
    const SELDOM_CAPITALISED: usize = Channel::BUCKETS / 10;

    fn see(&mut self, bucket: usize, word: &str, in_run: bool) {
        if let Some(b) = self.0.get_mut(bucket)
            && has_capital(word)
        {
            b.0 += 1.0;
            b.1 += f64::from(u8::from(in_run));
        }
    }

    /// The chance that a capital the damage put in stands in a run: the share counted, each
    /// capital weighed by the chance that the damage put it there (in a clean article, most are
    /// names, whose runs say nothing of the damage), starting from [`Channel::PRIOR`] capitals
    /// at what damage to each word alone would give (`raised` for a neighbour's being
    /// Capitalised too, [`RUN_OTHER`] for its being a name).
    fn share(&self, ch: Channel) -> f64 {
        let (mut capitals, mut in_run) = (0.0, 0.0);
        for (b, &(caps, runs)) in self.0.iter().enumerate() {
            let c = Channel::rate_of(b);
            let damage = (1.0 - c) * ch.raised / ((1.0 - c) * ch.raised + c * (1.0 - ch.lowered));
            capitals += caps * damage;
            in_run += runs * damage;
        }
        let alone = (ch.raised + RUN_OTHER).min(1.0);
        (in_run + Channel::PRIOR * alone) / (capitals + Channel::PRIOR)
    }
}

impl Channel {
    /// Pseudo-words of clean prose added to each estimate: a short article is not taken for a
    /// damaged one.
    const PRIOR: f64 = 30.0;
    /// Clean prose still has a few: a title, a term set apart.
    const CLEAN: f64 = 0.005;
    /// ... and write a name in lower case more often (a command, a package).
    const CLEAN_LOWERED: f64 = 0.02;
    const BUCKETS: usize = 32;
    /// Words clean prose writes with capitals at least this often measure lowered names.
    const MOSTLY_CASED: f64 = 0.75;
    /// How often a clean author writes such a word in lower case at every use, for each use in
    /// lower case of the corpus's: 100 of the 2,518 such words in the tune parts' clean texts,
    /// where the corpus's rates of lower case add up to 248 (0.2 to 0.8 by set: the registry's
    /// READMEs name their crates and commands in small letters more than articles do).
    const CONVENTION: f64 = 0.4;
    /// How often a clean author writes such a word both ways (`URL` in prose, `url` as the
    /// name of a field), any share of its uses in lower case alike: 78 of the 2,518.
    const MIXED: f64 = 0.03;
    /// How often a clean author writes such a word in lower case at a use, for each use in
    /// lower case of the corpus's (`rust` of a crate's name among `Rust`): 272 of the tune
    /// parts' clean texts' uses, where the corpus's rates add up to 835.
    const OWN_SMALL: f64 = 0.33;
    /// How many times as often damage lowers a name as it Capitalises a common word, as the
    /// prior of the lowered rate. Damage that Capitalises one common word in seven lowers most
    /// of an article's names: on the tune parts' pairs, 0.6 to 1.0 of the names inside
    /// sentences against 0.15 of the common words (4 to 6.7 times), where the prior of 1
    /// estimated 0.2 to 0.4. Set on the tune parts as the largest that gains every part at
    /// least five fixes for each right word more that `fix` changes: from 1 to 2, 0.3 to 0.4
    /// points more of the errors corrected, for 7, 2 and 15 right words more (registry,
    /// READMEs, articles). 4 gained 0.8 to 1.0 points, but changed 41 more right words of the
    /// registry texts, where authors write `id`, `readme` and `python` in lower case.
    const NAMES_PER_CAPITAL: f64 = 2.0;
    /// The most the prior says: a name as likely lowered as not. A short text Capitalised at
    /// random (a third of its words) says little of its names.
    const MOST_LOWERED: f64 = 0.5;

    /// The rates that best explain the article, by expectation-maximisation over its words:
    /// `seen[b]` counts the words whose chance of capitals in clean prose falls in bucket `b`,
    /// as (written with capitals, written in lower case); `cased_words` each word clean prose
    /// mostly capitalises, as (its uses with a capital, in lower case, clean prose's rate of
    /// capitals); `runs` how its stray capitals stand.
    fn estimate(seen: &[(f64, f64); Self::BUCKETS], cased_words: &[(f64, f64, f64)], runs: &Runs) -> Self {
        let mut ch = Self { raised: 0.3, lowered: 0.3, in_run: 0.0 };
        for _ in 0..20 {
            // Expected damage of each kind, and how many words could take it.
            let (mut raised, mut lower) = (Self::PRIOR * Self::CLEAN, Self::PRIOR);
            let (mut lowered, mut cased) = (Self::PRIOR * Self::CLEAN_LOWERED, Self::PRIOR);
            for (b, &(caps, small)) in seen.iter().enumerate() {
                let c = Self::rate_of(b);
                // The chance each written word meant capitals.
                let caps_meant = c * (1.0 - ch.lowered) / (c * (1.0 - ch.lowered) + (1.0 - c) * ch.raised);
                let small_meant = c * ch.lowered / (c * ch.lowered + (1.0 - c) * (1.0 - ch.raised));
                raised += caps * (1.0 - caps_meant);
                lower += caps * (1.0 - caps_meant) + small * (1.0 - small_meant);
                lowered += small * small_meant;
                cased += caps * caps_meant + small * small_meant;
            }
            ch = Self { raised: raised / lower, lowered: lowered / cased, in_run: 0.0 };
        }
        // Names and terms lowered: EM settles low here, as most cased words of an article are
        // ones the corpus also writes in lower case now and then. Counted instead over the words
        // clean prose capitalises most of the time, a word at a time: damage lowers each use on
        // its own, while an author who writes a word in lower case (a command, a package) writes
        // it so at every use ([`Self::CONVENTION`]), now and then writes one both ways
        // ([`Self::MIXED`]), and writes a few uses of a name in small letters, as clean prose does
        // ([`Self::OWN_SMALL`]): each word is weighed as damage by how much likelier damage makes
        // its uses than the author's own ways do (`Rust` eight times and `rust` four is damage,
        // `URL` three times and `url` nine the author's, and so is `rust` ten times among 200
        // `Rust`, as a long file of many articles has it).
        // Few words of an article are names the corpus knows well, so the prior matters: an
        // article whose common words were Capitalised at random had its names lowered as well,
        // and more often (see [`Self::NAMES_PER_CAPITAL`]).
        let prior = Self::CLEAN_LOWERED.max((Self::NAMES_PER_CAPITAL * ch.raised).min(Self::MOST_LOWERED));
        // Where no such word is written with a capital, nothing tells the author's small letters
        // from damage's (a transcript typed in lower case): the uses in lower case beyond what
        // clean prose has are counted, against the prior.
        ch.lowered = if cased_words.iter().all(|&(caps, _, _)| caps == 0.0) {
            let (mut small_seen, mut small_clean, mut mass) = (0.0, 0.0, 0.0);
            for &(_, small, c) in cased_words {
                small_seen += small;
                small_clean += small * (1.0 - c);
                mass += small * c;
            }
            ((small_seen - small_clean).max(0.0) + Self::PRIOR * prior) / (mass + Self::PRIOR)
        } else {
            Self::lowered_word_by_word(cased_words, prior)
        };
        ch.in_run = runs.share(ch);
        ch
    }

    /// The rate at which the article's damage lowers names, from `cased_words` (see
    /// [`Self::estimate`]), by expectation-maximisation from `prior`: each word is weighed as
    /// damage by how much likelier damage makes its uses than its author's own ways do.
    fn lowered_word_by_word(cased_words: &[(f64, f64, f64)], prior: f64) -> f64 {
        // Each word's chance of its uses under the author's own ways, and the log of the number
        // of ways damage could have lowered as many of its uses.
        let words: Vec<(f64, f64, f64, f64, f64)> = cased_words
            .iter()
            .map(|&(caps, small, c)| {
                let convention = Self::CONVENTION * (1.0 - c);
                // In lower case at every use by convention, or both ways, any share alike.
                let own = if caps > 0.0 { 0.0 } else { convention } + Self::MIXED / (caps + small + 1.0);
                let ways = ln_choose(caps + small, small);
                let q = Self::OWN_SMALL * (1.0 - c);
                (caps, small, (1.0 - convention - Self::MIXED).ln() + ways, own.ln(), q)
            })
            .collect();
        let mut l = prior;
        for _ in 0..20 {
            let (mut lowered, mut cased) = (Self::PRIOR * prior, Self::PRIOR);
            for &(caps, small, damage, own, q) in &words {
                // Each use in lower case is the author's (at `q`) or the damage's.
                let p = q + (1.0 - q) * l;
                let damage = damage + small * p.max(1e-12).ln() + caps * (1.0 - p).max(1e-12).ln();
                let damaged = 1.0 / (1.0 + (own - damage).exp());
                let by_damage = small * (1.0 - q) * l / p.max(1e-12);
                lowered += damaged * by_damage;
                cased += damaged * (caps + by_damage);
            }
            l = lowered / cased;
        }
        l
    }

    /// The rate of capitals in clean prose at the middle of `bucket`.
    fn rate_of(bucket: usize) -> f64 {
        #[allow(clippy::cast_precision_loss)] // a bucket number
        let b = bucket as f64;
        (b + 0.5) / Self::BUCKETS as f64
    }

    /// The bucket of a word that clean prose writes with capitals `c` of the time.
    fn bucket(c: f64) -> usize {
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)] // 0 <= c <= 1
        let b = (c * Self::BUCKETS as f64) as usize;
        b.min(Self::BUCKETS - 1)
    }

    /// The log odds that two words the article writes side by side as `uses` counts are a name
    /// of two words rather than the likeliest other reading: two common words, or a name beside
    /// a common word (`the Rust`, `He said` in an article whose damage Capitalises `he`). Each
    /// word of a name escapes lowering on its own; the damage Capitalises a common word alone,
    /// or beside another in a run of its own or by chance.
    fn name_odds(self, uses: Uses) -> f64 {
        // Kept within (0, 1): the estimates are shares, and a log of 0 or 1 over 0 would say
        // nothing sure.
        let (l, r) = (self.lowered.clamp(1e-6, 1.0 - 1e-6), self.raised.clamp(1e-6, 0.5));
        let q = self.in_run.max(r).clamp(1e-6, 1.0 - 1e-6);
        // The chances of capitals on both, on the first alone, on the second alone, on neither.
        let name = [(1.0 - l) * (1.0 - l), l * (1.0 - l), l * (1.0 - l), l * l];
        let common = [r * q, r * (1.0 - q), r * (1.0 - q), 1.0 - 2.0 * r + r * q];
        let name_first = [(1.0 - l) * r, (1.0 - l) * (1.0 - r), l * r, l * (1.0 - r)];
        let name_second = [r * (1.0 - l), r * l, (1.0 - r) * (1.0 - l), (1.0 - r) * l];
        let n = [uses.caps, uses.first, uses.second, uses.small].map(f64::from);
        let log = |p: [f64; 4]| n.iter().zip(p).map(|(n, p)| n * p.ln()).sum::<f64>();
        log(name) - log(common).max(log(name_first)).max(log(name_second))
    }

    /// The chance that clean `form` reaches the page as `written`.
    fn carries(self, form: &str, written: &str) -> f64 {
        if form == written {
            // Untouched: a word in lower case escaped the capitals damage adds, a cased one the
            // lowering. (Either of them by the larger rate made every common word that clean
            // prose now and then capitalises a name in an article written in lower case.)
            return 1.0 - if has_capital(form) { self.lowered } else { self.raised };
        }
        let (f, w) = (capitals(form), capitals(written));
        if f == 0 && case_of(written) == Case::Title {
            self.raised
        } else if w < f && w == 0 && same_letters(written, form) {
            self.lowered
        } else if w < f && case_of(written) == Case::Title && same_letters(written, form) {
            // An acronym half lowered (`Ai`, `Ml`): no clean writer means it. A damage of its own,
            // at its own rate: how often names are lowered says nothing of it, and a word with a
            // capital inside (`TableSwitch`, `GSoC`) is no acronym half lowered.
            HALF
        } else {
            OTHER
        }
    }
}

/// The log of the number of ways to choose `k` of `n`.
fn ln_choose(n: f64, k: f64) -> f64 {
    let k = k.min(n - k);
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)] // a word's uses
    (0..k as u32).map(|i| (n - f64::from(i)).ln() - (f64::from(i) + 1.0).ln()).sum()
}

/// The ways an article writes a word, with how often each.
type Ways<'t> = Vec<(&'t str, u32)>;

/// How the article writes each word the model judges, inside sentences and out of headings:
/// the article as evidence. Each word is keyed by the model's commonest form of it.
///
/// The ways it writes it out of runs of capitals are weighed each once ([`ARTICLE`]). Its
/// uses with a capital and in lower case, in runs or not, say how much likelier a capital, and
/// how much likelier lower case, they make its use here than clean prose does.
///
/// Each author has their own rate of capitals for a word (`the Project`, `the Foundation`, where
/// most prose writes neither), drawn once per article around the corpus's, and each use of it
/// then meets the damage. Damage Capitalises each use on its own: an article whose capitals on a
/// word go far beyond what the damage gives common words has an author who writes it so, and
/// one whose capitals stay near that rate has none (`the Team` twice in ten uses, where the
/// damage Capitalises one common word in six). The rate is weighed over a grid of log odds,
/// which holds the rates near 0 and 1 that most words have.
struct Usage<'t> {
    /// Each word's ways of writing it out of runs, with how often each; and how often it is
    /// written with a capital out of runs, in a run, and in lower case.
    words: FastMap<&'static str, (Ways<'t>, [u32; 3])>,
    /// Each point of the grid: the rate, its log and that of its complement, and the logs of the
    /// chances that a use reaches the page with a capital and without.
    grid: [[f64; 5]; STYLE_GRID],
    /// How much a capital in a run of them weighs beside one out of runs: the damage's own runs
    /// put capitals side by side more often than a common word's rate alone.
    run_weight: f64,
    /// Worked out once per word and count of its other uses.
    known: FastMap<(&'static str, [u32; 3]), (f64, f64)>,
}

impl<'t> Usage<'t> {
    fn new() -> Self {
        Self { words: FastMap::default(), grid: [[0.0; 5]; STYLE_GRID], run_weight: 1.0, known: FastMap::default() }
    }

    /// Where a use written `word` is counted: with a capital out of runs, in a run, in lower case.
    fn slot(word: &str, in_run: bool) -> usize {
        if has_capital(word) { usize::from(in_run) } else { 2 }
    }

    /// A use inside a sentence, out of headings, of the word whose commonest form is `key`,
    /// written `word`, in a run of capitals or not.
    fn see(&mut self, key: &'static str, word: &'t str, in_run: bool) {
        let (ways, counts) = self.words.entry(key).or_default();
        let count = &mut counts[Self::slot(word, in_run)];
        *count = count.saturating_add(1);
        if !in_run {
            if let Some((_, n)) = ways.iter_mut().find(|(f, _)| *f == word) {
                *n += 1;
            } else if ways.len() < WAYS {
                ways.push((word, 1));
            }
        }
    }

    /// How often the article writes the word whose commonest form is `key` with a capital out
    /// of runs, in a run, and in lower case.
    fn counts(&self, key: &str) -> [u32; 3] {
        self.words.get(key).map_or([0; 3], |w| w.1)
    }

    /// The ways the article writes the word whose commonest form is `key` out of runs, with
    /// how often each.
    fn ways(&self, key: &str) -> &[(&'t str, u32)] {
        self.words.get(key).map_or(&[][..], |w| w.0.as_slice())
    }

    /// Sets the grid for the article's damage, `channel`.
    fn weigh(&mut self, channel: Channel) {
        let (l, r) = (channel.lowered.clamp(1e-3, 0.999), channel.raised.clamp(1e-3, 0.999));
        let mut grid = [[0.0; 5]; STYLE_GRID];
        for (i, point) in grid.iter_mut().enumerate() {
            #[allow(clippy::cast_precision_loss)] // a point of the grid
            let s = 1.0 / (1.0 + (12.0 - 24.0 * i as f64 / (STYLE_GRID - 1) as f64).exp());
            // An author writes a word another way now and then.
            let cap = (s * (1.0 - l) + (1.0 - s) * r) * (1.0 - INCONSISTENT) + INCONSISTENT * 0.5;
            *point = [s, s.ln(), (1.0 - s).ln(), cap.ln(), (1.0 - cap).ln()];
        }
        self.grid = grid;
        self.run_weight = (RUN_NAME / channel.in_run).min(1.0);
    }

    /// How much likelier a capital, and how much likelier lower case, the article's other uses
    /// make the use `w` of `word` than clean prose does, which writes it as `forms`.
    fn style(&mut self, forms: &[Form], (word, w): (&str, Word)) -> (f64, f64) {
        let Some(key) = forms.first().map(|f| f.text) else { return (1.0, 1.0) };
        let Some(&(_, mut count)) = self.words.get(key) else { return (1.0, 1.0) };
        // The other uses: this one's own capital is what is in question.
        if !(w.start || w.heading) {
            let this = &mut count[Self::slot(word, w.in_run)];
            *this = this.saturating_sub(1);
        }
        // Damage that lowers a name may lower it at every use alike, so an article that never
        // writes a word with a capital says nothing of its author's rate here: the rules of its
        // convention decide ([`best_reading`]).
        if count[0] + count[1] == 0 {
            return (1.0, 1.0);
        }
        let key = (key, count);
        if let Some(&known) = self.known.get(&key) {
            return known;
        }
        let inside = |capital: bool| {
            forms.iter().filter(|f| has_capital(f.text) == capital).map(|f| f64::from(f.inside)).sum::<f64>()
        };
        let with_capital = inside(true);
        let corpus = (with_capital / (with_capital + inside(false)).max(1.0)).clamp(1e-3, 0.999);
        let (a, b) = (STYLE_PRIOR * corpus, STYLE_PRIOR * (1.0 - corpus));
        let (capitals, small) = (f64::from(count[0]) + f64::from(count[1]) * self.run_weight, f64::from(count[2]));
        // The mean rate, weighed by the corpus alone and by the article's uses as well.
        let (mut before, mut after) = ([0.0; STYLE_GRID], [0.0; STYLE_GRID]);
        for ((point, before), after) in self.grid.iter().zip(&mut before).zip(&mut after) {
            *before = a * point[1] + b * point[2];
            *after = *before + capitals * point[3] + small * point[4];
        }
        let mean = |logs: &[f64; STYLE_GRID]| {
            let top = logs.iter().copied().fold(f64::NEG_INFINITY, f64::max);
            // A point below the best by e^-30 or more weighs nothing beside it.
            let (mass, mean) = logs.iter().zip(&self.grid).filter(|(log, _)| **log > top - 30.0).fold(
                (0.0, 0.0),
                |(mass, mean), (log, point)| {
                    let p = (log - top).exp();
                    (mass + p, mean + p * point[0])
                },
            );
            mean / mass
        };
        let (before, after) = (mean(&before), mean(&after));
        let factors = (after / before, (1.0 - after) / (1.0 - before));
        if self.known.len() < VERDICTS {
            self.known.insert(key, factors);
        }
        factors
    }
}

/// A key for two words side by side, whatever their casing: their folded hashes
/// ([`Sightings::hash_of_folded`], made of a word's first eight letters and its length), mixed.
/// Two pairs that hash alike share their evidence: that costs a name its capitals' weight, or
/// lends it to a pair of words an article seldom holds.
fn pair_key(first: &str, second: &str) -> u64 {
    key_of((Sightings::hash_of_folded(first), Sightings::hash_of_folded(second)))
}

/// [`pair_key`] of two words' folded hashes.
fn key_of((first, second): (u64, u64)) -> u64 {
    crate::lexicon::format::mix(first, second)
}

/// How many times as often clean prose must write a word in capitals as with a first capital
/// alone for the latter to be an acronym half lowered (`Ci` for `CI`, written 136 times as
/// often; not `Arm` beside `ARM`, 4 times).
const HALF_LOWERED: u64 = 10;

/// The acronym that `word`, written with a first capital alone (`Ci`, `Io`), is half lowered
/// from: one that clean prose writes in capitals [`HALF_LOWERED`] times as often as so. An
/// article's damage writes such a form again and again, which makes it look like a name of the
/// article's own.
pub(crate) fn half_lowered_acronym(model: &Model, word: &str) -> Option<&'static str> {
    if case_of(word) != Case::Title {
        return None;
    }
    let uses = |f: &Form| u64::from(f.inside) + u64::from(f.start);
    let (mut acronym, mut title) = (None, 0);
    for f in model.forms(word) {
        if f.text == word {
            title = uses(&f);
        } else if case_of(f.text) == Case::Upper && acronym.is_none_or(|(_, n)| uses(&f) > n) {
            acronym = Some((f.text, uses(&f)));
        }
    }
    acronym.filter(|&(_, n)| n >= HALF_LOWERED * title.max(1)).map(|(a, _)| a)
}

/// True when `lower` is `capital` with its first letter in lower case (`zerocopy`, `Zerocopy`):
/// what a sentence start makes of it.
fn is_start_twin(lower: &str, capital: &str) -> bool {
    let (mut l, mut c) = (lower.chars(), capital.chars());
    match (l.next(), c.next()) {
        (Some(a), Some(b)) => a.is_lowercase() && b.is_uppercase() && a.to_uppercase().eq(b.to_uppercase()) && l.eq(c),
        _ => false,
    }
}

/// True when `a` and `b` are one word in lower case; without allocating for ASCII words.
fn same_letters(a: &str, b: &str) -> bool {
    if a.is_ascii() && b.is_ascii() { a.eq_ignore_ascii_case(b) } else { a.to_lowercase() == b.to_lowercase() }
}

/// True when `word` has a capital letter: one pass, stopping at the first (most words asked
/// have none, and are ASCII).
pub(crate) fn has_capital(word: &str) -> bool {
    for b in word.bytes() {
        if b.is_ascii_uppercase() {
            return true;
        }
        if !b.is_ascii() {
            return word.chars().any(char::is_uppercase);
        }
    }
    false
}

/// How many capitals `word` has (a byte at a time for ASCII).
pub(crate) fn capitals(word: &str) -> usize {
    if word.is_ascii() {
        return word.bytes().filter(u8::is_ascii_uppercase).count();
    }
    word.chars().filter(|c| c.is_uppercase()).count()
}

/// A word to judge: where it is, and whether it starts a sentence (where any first capital is
/// right).
#[derive(Clone, Copy, Debug)]
pub struct Word {
    /// Where it is.
    pub span: Span,
    /// It starts a sentence.
    pub start: bool,
    /// It stands in a heading or a label, where Title Case is the author's style.
    pub heading: bool,
    /// It is Capitalised beside another Capitalised word inside a sentence (`Web Crypto`).
    pub in_run: bool,
}

/// The fixes that read better than a word where it stands, and how sure the best is.
type Reading = Option<(Vec<String>, Sureness)>;

/// What decides, with the margin, whether `fix` takes the model's best casing of a word unasked:
/// the chance that taking it corrects the article rather than changes a right word, by a
/// logistic model over the margin and what it was weighed from. Fitted on data, not set by hand:
/// `cargo run --release --example casing_data -- DIR/tune` writes one row per suspect of the
/// model in the tune part of a set of evaluation pairs (labelled by whether the original is the
/// fix or the word as written), and `scripts/fit-confidence.py` fits [`Sureness::WEIGHTS`] to
/// the rows of the three tune parts. The report parts and the development articles are never
/// fitted on.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Sureness {
    /// How many times likelier the best casing is than the word as written.
    pub margin: f64,
    /// What the best casing does to the word.
    pub change: Change,
    /// The word stands in a run of capitals (`Tech Product Lead`).
    pub in_run: bool,
    /// The word starts a sentence.
    pub start: bool,
    /// The chance that the article's damage Capitalised a common word ([`Channel::raised`]).
    pub raised: f64,
    /// The chance that it lowered a name ([`Channel::lowered`]).
    pub lowered: f64,
    /// The share of the corpus's uses of the word that the best casing takes.
    pub share: f64,
    /// How often the corpus writes the word, in any casing.
    pub uses: f64,
    /// How many other ways the article writes the word.
    pub other_ways: usize,
    /// How many neighbours it was weighed with (0 to 2).
    pub neighbours: u8,
    /// How many of the article's other uses of the word inside sentences (out of headings and
    /// runs of capitals) write it as it is written here.
    pub same_uses: u32,
    /// How much likelier the article's other uses of the word make the best casing than the
    /// word as written ([`Usage::style`]): 1 where they say nothing.
    pub style: f64,
    /// How many other suspects of the model that make the same change stand near it
    /// ([`NEARBY_WORDS`]) on its line or the next, each beaten by [`SURE`] or more.
    pub nearby: u8,
}

/// What a casing fix does to a word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Change {
    /// Puts capitals in (`rust` -> `Rust`).
    Raises,
    /// Takes them out (`Members` -> `members`).
    Lowers,
    /// The word or the fix is in capitals (`ai` -> `AI`, `NOT` -> `not`).
    Acronym,
}

impl Change {
    /// What `fix` does to `word`.
    fn of(word: &str, fix: &str) -> Self {
        if case_of(word) == Case::Upper || case_of(fix) == Case::Upper {
            Self::Acronym
        } else if capitals(fix) > capitals(word) {
            Self::Raises
        } else {
            Self::Lowers
        }
    }
}

impl Sureness {
    /// The number of features, the constant first.
    pub const FEATURES: usize = 21;

    /// The fitted weights, in the order of [`Sureness::features`] (`scripts/fit-confidence.py`
    /// on the four tune parts' 35,960 labelled suspects of the model: 34,019 fixes and 1,941
    /// right words; refitted in the twenty-seventh session, when the garbler began to Capitalise
    /// in runs, which took the weight of a word's standing in a run from -0.22 to 0.11, and in
    /// the twenty-ninth, with the articles of another field and the article's other uses written
    /// as the word: the more of them, the less sure a fix that lowers it (`the Collector` at
    /// every use an article kept undamaged), and the surer one that raises it. At the cut, 45
    /// fewer fixes and 77 fewer right words changed on the four tune parts' rows). What
    /// the fit found: the article's damage weighs most. Fitted on two tune parts and measured on
    /// the third (before the refit), the chance told right words from fixes in damaged texts no
    /// better than the margin does, but at the damaged texts' cut it took 26, 2 and 6 of the
    /// 171, 12 and 177 readings the margin alone took in the clean halves (registry, READMEs,
    /// articles). The refit changed 7, 1 and 42 fewer right words of the tune parts' damaged
    /// halves, for 0.3, 0 and 0.2 points fewer of their errors corrected.
    ///
    /// Refitted in the forty-third session, after the author's own rate of capitals entered the
    /// margin, on 32,633 rows (30,331 fixes, 2,302 right words), with the article's style
    /// ([`Sureness::style`]) as a feature of its own (0.3 on its log beside the margin's 0.5),
    /// and each right word of an article that shows little damage (raised below 0.03) counted
    /// three times: unweighted, the fit leaned on the damage rates less and took 6 more right
    /// words of such articles (the clean halves' figure), for 7 more fixes. At the cut, against
    /// the old weights on the same rows: 150 fewer right words changed in damaged articles for
    /// 299 fewer fixes, and 11 fewer right words and 13 fewer fixes in the others. A cut of
    /// 0.65 instead kept the old weights' fixes and right words changed. (The fit's -0.318 is
    /// written -0.3176: clippy takes the other for 1/pi.)
    ///
    /// Refitted in the fiftieth session, when the lowered rate came to be counted a word at a
    /// time ([`Channel::estimate`]), on 32,620 rows (30,377 fixes, 2,243 right words): the rate's
    /// weight rose from 0.354 to 0.442. On those rows at the cut, 29,548 fixes and 1,373 right
    /// words taken, against the old weights' 29,619 and 1,408.
    ///
    /// Refitted in the fifty-first session with the suspects near a capital taken down as a
    /// feature ([`NEARBY_WORDS`]; 0.991 on the log of one more than their count), for that
    /// change alone: of the tune rows that lower a word, 72.5% of those with no other suspect
    /// near corrected the article and 98.8% of those with three or more, while of those that
    /// raise one, 78.9% with none near and 78.8% with one (a name lowered is a lone event).
    /// The constant fell from 2.67 to 1.87. On the 33,434 weighted rows at the cut, 29,483
    /// fixes and 1,181 right words taken, against the old weights' 29,551 and 1,403 (counting
    /// suspects of any change near, 29,489 and 1,222).
    ///
    /// Refitted in the fifty-second session with the product of the two damage rates' logs as a
    /// feature: of the products of two features, the one that told right words from fixes best
    /// in five-fold fits grouped by article (four more, added one by one, took off 42 right words
    /// more, and are left out). It makes the article's damage weigh more the cleaner the
    /// article is on both counts: at the cut, a right word of an article that shows little
    /// damage is taken less often, and a fix in a damaged one more often. On the 33,434
    /// weighted rows, at the fixes the old weights took at 0.7, the held-out folds' right words
    /// taken fell from 1,003 to 888.
    ///
    /// The last four, added in the fifty-third session, are the four products that search found
    /// next: the article's other ways of writing the word, and the word's neighbours, each
    /// times its uses written as here when the fix raises it; the margin times the article's
    /// style; and a stand in a run of capitals times the suspects near a lowering. What they
    /// say: a raise against uses the article writes so again and again is less sure the more
    /// ways it writes the word and the more neighbours weighed it, and a lowering among stray
    /// capitals is surer still inside a run of them. On the same 33,434 weighted rows, five
    /// folds of consecutive rows (an article's rows stand together), at the fixes the weights
    /// before took at 0.7, the held-out folds took 894 right words where they took 956. At the
    /// cut, on the four tune parts, `fix` changed 48 fewer right words for 40 fewer fixes (3 and
    /// 2 on the READMEs, 7 and 16 on the registry texts, 18 and 3 on the Rust blog, 20 and 19 on
    /// the other blogs); moving the earlier weights' cut up took off about 2.7 fixes for each
    /// right word spared.
    ///
    /// Refitted in the sixty-second session with a hundredth of the shrinkage (0.0001, a second
    /// argument to the script), and on the rows of long texts too: the tune parts' pairs in the
    /// order of their file names, joined sixteen at a time (`casing_data --joined=16`), as
    /// `score --joined` reads them. The shrinkage, not the data, had held the weights down: on
    /// the 32,788 weighted rows of single articles, five folds of consecutive rows, at the fixes
    /// the weights before took at 0.73, the held-out folds took 973 right words at 0.01 (the
    /// weights before, refitted), 812 at 0.001 and 768 at 0.0001 (759 at 0.00001). Fitted on
    /// single articles alone, the weights read long texts less surely: to keep their fixes the
    /// cut had to fall to 0.65 there against 0.75 on single articles, and at one cut `fix`
    /// corrected fewer errors of `score --joined` than before. Fitted on both, at 0.68: on the
    /// rows of single articles 29,087 fixes and 874 right words taken (the weights before:
    /// 28,768 and 955), on those of long texts 29,166 and 938 (29,248 and 1,101).
    const WEIGHTS: [f64; Self::FEATURES] = [
        -5.05, 0.512, 1.14, 0.788, -1.09, -0.345, -1.83, -2.67, 0.737, 0.107, -0.272, 0.0515, -0.55, -1.94, 0.633,
        2.03, -0.999, 0.692, 0.413, -0.0578, 0.786,
    ];

    /// The features the weights multiply: mostly logs, so that each weighs a ratio.
    #[must_use]
    pub fn features(&self) -> [f64; Self::FEATURES] {
        let bit = |b: bool| f64::from(u8::from(b));
        #[allow(clippy::cast_precision_loss)] // a handful of ways
        let ways = self.other_ways as f64;
        let (margin, style, in_run, neighbours) =
            (self.margin.ln(), self.style.ln(), bit(self.in_run), f64::from(self.neighbours));
        // The uses written as here, and the suspects near, each for the changes they weigh in.
        let only = |change: Change, x: f64| if self.change == change { x } else { 0.0 };
        let same = f64::from(self.same_uses).ln_1p();
        let (same_lowered, same_raised) = (only(Change::Lowers, same), only(Change::Raises, same));
        let nearby = only(Change::Lowers, f64::from(self.nearby).ln_1p());
        [
            1.0,
            margin,
            bit(self.change == Change::Raises),
            bit(self.change == Change::Acronym),
            in_run,
            bit(self.start),
            self.raised.ln(),
            self.lowered.ln(),
            self.share.ln(),
            self.uses.ln() / 10.0,
            ways,
            neighbours,
            same_lowered,
            same_raised,
            style,
            nearby,
            // Both logs are negative: the cleaner the article on both counts, the larger.
            self.raised.ln() * self.lowered.ln(),
            ways * same_raised,
            neighbours * same_raised,
            margin * style,
            in_run * nearby,
        ]
    }

    /// The weights of [`Sureness::undamaged_chance`], in the order of [`Sureness::features`]:
    /// fitted as [`Sureness::WEIGHTS`] are, but on the readings of articles whose casing shows
    /// no damage (`casing_data --undamaged`), the sixty-third session: the tune parts' pairs
    /// damaged a tenth, a fifth and two fifths as much as the sample (`garble --scale`), and the
    /// clean halves, which each set of pairs holds again (12,162 rows: 9,210 fixes, 2,952 right
    /// words, the clean halves' counted four times). The general weights learn that an article
    /// that looks clean has no errors (their damage rates weigh most): in such an article
    /// they found few of the errors a little damage leaves. What these found: the suspects near
    /// it that make the same change (2.51 on their log), the article's other uses written as
    /// here (-1.86 and -2.08) and the corpus's share of the best casing (1.16) weigh most; the
    /// damage rates little (0.26 each).
    const UNDAMAGED_WEIGHTS: [f64; Self::FEATURES] = [
        -0.46, 0.373, 0.265, 0.154, -0.542, -0.661, 0.262, 0.256, 1.16, 0.651, -0.139, 0.802, -1.86, -2.08, 0.89, 2.51,
        -0.00125, 0.829, 0.205, -0.122, 0.519,
    ];

    /// The chance that taking the best casing corrects an article whose casing shows no damage
    /// (see [`crate::check`]: there its suspects are asked about from
    /// [`Sureness::UNDAMAGED_ASKED`] and taken from [`Sureness::UNDAMAGED_LIKELY`]).
    #[must_use]
    pub fn undamaged_chance(&self) -> f64 {
        confidence::chance_of(confidence::log_odds(&self.features(), &Self::UNDAMAGED_WEIGHTS))
    }

    /// In an article whose casing shows no damage, a reading is a suspect from this chance
    /// ([`Sureness::undamaged_chance`]), and `fix` takes it from [`Sureness::UNDAMAGED_LIKELY`].
    /// Set on the tune parts (pairs damaged a fifth as much as the sample, and their clean
    /// halves) by the rule: the most fixes for no more than 0.05 flags and 0.02 fixes per 1,000
    /// words more on the clean halves. At 0.9 and 0.95 `fix` corrected 1,350 more of the lightly
    /// damaged pairs' 9,233 errors (59.3%, from 44.7%) for 16 more right words changed; the clean
    /// halves drew 8 more flags and 5 more fixes in 281,820 words. At 0.9 and 0.9, 666 more
    /// fixes but 8 more fixes of the clean halves; at 0.9 and 0.97, 207 fewer and 2 (asked from
    /// 0.8: 9 more flags). Taking at both cuts only what the general chance takes as well fixed
    /// 675 fewer. The damaged pairs changed by 9 fixes of 45,036. On the report parts, measured
    /// once after: 1,373 more fixes (60.0%, from 46.2%) for 23 more right words, but the clean
    /// halves drew 27 more flags and 12 more fixes in 302,255 words, more than the rule allowed
    /// (the weights were fitted on the tune parts' clean halves). Kept for the size of the gain.
    pub const UNDAMAGED_ASKED: f64 = 0.9;
    /// See [`Sureness::UNDAMAGED_ASKED`].
    pub const UNDAMAGED_LIKELY: f64 = 0.95;

    /// The chance that taking the best casing corrects the article.
    #[must_use]
    pub fn chance(&self) -> f64 {
        confidence::chance_of(confidence::log_odds(&self.features(), &Self::WEIGHTS))
    }

    /// `fix` takes a reading whose chance is at least this. With the margin's [`SURE`], on the
    /// tune parts, at an even chance `fix` took 25, 2 and 22 fewer flags on the clean halves
    /// (registry, READMEs, articles) than the margin alone, and fixed and changed what it did.
    /// At 0.7 (the twenty-sixth session) it took 7, 0 and 7 fewer again, and fixed and changed
    /// on the damaged halves what it did at 0.5 but for 0.1 point of the registry's casing
    /// errors; at 0.8 it fixed 0.1 to 0.3 points fewer of all errors, for 5, 2 and 30 right
    /// words fewer changed. At 0.72 since the fifty-second session's refit
    /// ([`Sureness::WEIGHTS`]): at 0.7 the new weights fixed 0.2 to 0.3 points more of all
    /// errors on the four tune parts, for 0.18 more right words changed per 1,000 on the
    /// READMEs, as many on the registry texts, 0.03 fewer on the Rust blog and 0.24 more on the
    /// other blogs; at 0.72 they fix what the old weights fixed at 0.7 (0.1 point more on the
    /// READMEs and the registry texts) and change 0.12 more right words per 1,000 on the
    /// READMEs, 0.14, 0.23 and 0.13 fewer on the others. Kept with the fifty-third session's
    /// refit: there 0.71 fixed 9 more errors of the four tune parts for 25 fewer right words
    /// changed, and 0.72 spared 48 for 40 fewer fixes, the better trade by the earlier cut's
    /// rate; the four sets joined into 64 KB sections moved less either way (0.71: 17 more fixes
    /// and 13 more right words; 0.72: 15 fewer and 9 fewer). At 0.73 since the margin's
    /// [`SURE`] stopped binding the chance's readings (the fifty-third session): at 0.72 that
    /// fixed 169 more errors of the four tune parts for 37 more right words changed, at 0.73 90
    /// more for 5 more (3 fewer fixes and 1 fewer right word on the READMEs, 7, 43 and 43 more
    /// fixes on the others), at 0.74 19 more for 29 fewer. At 0.68 since the sixty-second
    /// session's refit: on the four tune parts, each text on its own, `fix` corrected 155 more
    /// errors (38,000) and changed 93 fewer right words (1,334); joined as one text, 144 fewer
    /// errors (38,100) and 142 fewer right words (1,509); at 0.7, 71 more and 130 fewer, and
    /// 224 fewer and 178 fewer. The clean halves drew the flags and took the fixes they did.
    pub const LIKELY: f64 = 0.68;

    /// A reading is a suspect where its chance is at least this (in a text long enough to
    /// estimate its damage): one flag in five, or more, corrects the article (one in four, as
    /// for a real word, [`crate::check::Slip::ASKED`], until the sixty-second session's refit,
    /// below). Set on the tune parts in the fifty-third session, when every
    /// reading that won at all was a suspect: at 0.25 the clean halves drew 41 fewer flags (419
    /// -> 378 over the four sets), and 2 more of the 33,687 casing errors went unflagged; at 0.1,
    /// 35 fewer and 1 more; at 0.3, 48 and 6; at 0.4, 60 and 27. `fix` corrected and changed
    /// the same words. At 0.2 since the sixty-second session's refit: at 0.25 the new weights
    /// left 0.1 point more of the casing errors unflagged (joined), and at 0.15 the registry
    /// texts' clean halves drew 3 more flags than at 0.2.
    pub const ASKED: f64 = 0.2;
}

/// A word, its neighbours and how they are joined to it, and whether it starts a sentence, stands
/// in a heading and stands in a run of capitals: all that its reading depends on besides the
/// article's own usage.
type Key<'t> = (&'t str, Option<&'t str>, Option<&'t str>, [Join; 2], bool, bool, bool);

/// The readings made so far, by a hash of their [`Key`]: one slot for each value of the hash's
/// top bits, as many as the text has bytes over [`Verdicts::BYTES_PER_SLOT`] up to
/// [`VERDICTS`]. A text of distinct contexts (most are: a sixth of the readings of a damaged
/// article are asked for twice) costs no growing map and no page faulted in for one; a
/// collision of two 64-bit hashes would cost one word its own reading.
struct Verdicts {
    slots: Vec<(u64, Reading)>,
    bits: u32,
}

impl Verdicts {
    const BYTES_PER_SLOT: usize = 16;

    fn for_text(bytes: usize) -> Self {
        let slots = (bytes / Self::BYTES_PER_SLOT).clamp(64, VERDICTS).next_power_of_two();
        Self { slots: vec![(0, None); slots], bits: slots.trailing_zeros() }
    }

    /// The reading kept for `key`, made by `make` if none is.
    fn get_or_make(&mut self, key: &Key<'_>, make: impl FnOnce() -> Reading) -> &Reading {
        use std::hash::{BuildHasher, BuildHasherDefault};
        // Never 0, which marks an empty slot.
        let hash = BuildHasherDefault::<crate::fasthash::FastHasher>::default().hash_one(key) | 1;
        #[allow(clippy::cast_possible_truncation)] // the top bits, fewer than the slots'
        let slot = &mut self.slots[(hash >> (64 - self.bits)) as usize];
        if slot.0 != hash {
            *slot = (hash, make());
        }
        &slot.1
    }
}

/// What the model made of an article.
pub struct Judged {
    /// The casing suspects.
    pub suspects: Vec<Suspect>,
    /// Where the words the model knows well start, in order: there its verdict, suspect or
    /// not, replaces the rules'.
    pub known: Vec<usize>,
    /// The chance, estimated from the article, that a common word inside a sentence was
    /// Capitalised by damage.
    pub raised: f64,
    /// The chance, estimated from the article, that a name or term was written in lower case
    /// by damage.
    pub lowered: f64,
    /// How many words inside sentences the estimates were made from.
    pub weighed: f64,
    /// Where each suspect stands, its first fix and what its sureness was made of, when asked
    /// for (the rows [`Sureness::WEIGHTS`] are fitted to); empty otherwise.
    pub readings: Vec<(Span, String, Sureness)>,
    /// Where the suspects start that take a first capital off by [`BEYOND_DOUBT`] or more, in
    /// order: stray capitals even in an article whose casing shows no damage.
    pub beyond_doubt: Vec<usize>,
    /// Where its casing shows no damage (by [`DAMAGED_CAPITALS`] and [`DAMAGED_LOWER`], on
    /// [`ENOUGH_WORDS`]): the readings the chance finds too seldom right to be suspects,
    /// which [`Sureness::undamaged_chance`] finds right often enough to ask about.
    pub quiet: Vec<Suspect>,
    /// There, where each suspect and quiet reading starts, in order, with its
    /// [`Sureness::undamaged_chance`]; empty in an article whose casing shows damage.
    pub undamaged: Vec<(usize, f64)>,
}

/// What the corpus says of one word as the article writes it, worked out once per word.
struct Entry {
    /// Its forms, most used first.
    forms: std::rc::Rc<[Form]>,
    /// Uses inside a sentence, and in all.
    inside: u32,
    all: u32,
    /// The channel's bucket of the word: how often clean prose capitalises it inside a sentence.
    bucket: usize,
    /// Written in lower case, and clean prose seldom writes it another way (inside a sentence,
    /// and at a start): no neighbour makes `The` of `the`.
    settled: [bool; 2],
}

/// The corpus's forms of each word the article writes, looked up once per word.
struct Lookups<'t> {
    model: &'t Model,
    /// The uses in the corpus that each of the lexicon's counts of a word adds to it (see
    /// [`GENERAL_ENGLISH`]).
    english_scale: f64,
    /// Each word's index in `list`, or [`Lookups::NONE`] for a word the corpus lacks.
    ids: FastMap<&'t str, u32>,
    list: Vec<Entry>,
    /// Words the corpus lacks that are remembered as such; bounded, so that a million distinct
    /// unknown words cost a lookup each and no memory.
    unknown: usize,
    /// Each word's id in the order [`Lookups::id_in_order`] was asked: four bytes a word of a
    /// section of the text (see `crate::check::sections`).
    in_order: Vec<u32>,
}

impl<'t> Lookups<'t> {
    const UNKNOWN: usize = 1 << 16;
    const NONE: u32 = u32::MAX;

    fn new(model: &'t Model) -> Self {
        // The lexicon's frequencies are symspellpy's counts, whose `the` is `cache::THE` (the
        // few commonest words stop at `u32::MAX` in the table, and gain less: all in small
        // letters anyway); the corpus's are the model's.
        #[allow(clippy::cast_precision_loss)] // a count of words, far below 2^52
        let english_scale = GENERAL_ENGLISH * model.count("the") as f64 / crate::check::cache::THE;
        Self { model, english_scale, ids: FastMap::default(), list: Vec::new(), unknown: 0, in_order: Vec::new() }
    }

    /// Where what the corpus says of `word` is kept ([`Lookups::NONE`] if it does not hold the
    /// word). A word seen before costs one probe of the map.
    fn id(&mut self, word: &'t str) -> u32 {
        if let Some(&id) = self.ids.get(word) {
            return id;
        }
        let id = match Self::entry(self.model, word, self.english_scale) {
            Some(entry) => {
                self.list.push(entry);
                u32::try_from(self.list.len() - 1).unwrap_or(Self::NONE)
            }
            None if self.unknown >= Self::UNKNOWN => return Self::NONE,
            None => {
                self.unknown += 1;
                Self::NONE
            }
        };
        self.ids.insert(word, id);
        id
    }

    /// [`Lookups::id`], kept in the order of the words asked for, for [`Lookups::id_of_word`].
    fn id_in_order(&mut self, word: &'t str) -> u32 {
        let id = self.id(word);
        self.in_order.push(id);
        id
    }

    /// [`Lookups::id`] of the word asked for `n`th by [`Lookups::id_in_order`], `word`: a second
    /// pass over the words needs no probe of the map.
    fn id_of_word(&mut self, n: usize, word: &'t str) -> u32 {
        self.in_order.get(n).copied().unwrap_or_else(|| self.id(word))
    }

    /// The entry kept at `id`.
    fn get(&self, id: u32) -> Option<&Entry> {
        self.list.get(id as usize)
    }

    fn entry(model: &Model, word: &str, english_scale: f64) -> Option<Entry> {
        let mut forms: std::rc::Rc<[Form]> = model.forms(word).collect();
        if forms.is_empty() {
            return None;
        }
        if let Some(forms) = std::rc::Rc::get_mut(&mut forms) {
            add_general_english(forms, english_scale);
        }
        let inside: u32 = forms.iter().map(|f| f.inside).sum();
        let all: u32 = forms.iter().map(|f| f.inside + f.start).sum();
        let caps: f64 = forms.iter().filter(|f| capitals(f.text) > 0).map(|f| f64::from(f.inside)).sum();
        let bucket = Channel::bucket(caps / f64::from(inside.max(1)));
        let settled = |start: bool| {
            let total = f64::from(if start { all } else { inside });
            let uses = |f: &Form| f64::from(if start { f.inside + f.start } else { f.inside });
            capitals(word) == 0 && !forms.iter().any(|f| f.text != word && uses(f) / total > SELDOM)
        };
        let settled = [settled(false), settled(true)];
        Some(Entry { forms, inside, all, bucket, settled })
    }
}

/// How much general English counts beside the corpus, as a share of the corpus's size: a word
/// English writes often and the corpus seldom (`rob`, `council`) has its casings from the few
/// documents that name something so (`Rob Pike`, `the Leadership Council`), and in lower case it
/// is a word. Its lower-case form gains the uses a corpus of general English this share of the
/// corpus's size would give it: the lexicon's frequency, scaled by the count of `the` to the
/// corpus's own. Set on the tune parts: 0.0054 corrected 33 more errors and changed 12 fewer
/// right words, each text on its own (30 more and 18 fewer joined as one text), with one flag
/// more on the clean halves; twice that, 11 more corrected than this and 16 more right words
/// changed; five times, 71 more and 57 more.
const GENERAL_ENGLISH: f64 = 0.0054;

/// Gives the lower-case form among `forms` (the corpus's ways of writing a word, most used first,
/// which they stay) the uses inside sentences [`GENERAL_ENGLISH`] adds, `scale` of each of the
/// lexicon's, when the lexicon takes it as a word in lower case: not a name English always
/// capitalises (`john`, `april`). A word the corpus writes only in lower case gains them too:
/// they weigh against any capital for it.
fn add_general_english(forms: &mut [Form], scale: f64) {
    let Some(lower) = forms.iter_mut().find(|f| capitals(f.text) == 0) else { return };
    let Some(frequency) = crate::lexicon::Builtin::get().frequency_in_lower_case(lower.text) else { return };
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)] // a count of uses, far below 2^32
    let gained = (f64::from(frequency) * scale) as u32;
    if gained > 0 {
        lower.inside = lower.inside.saturating_add(gained);
        forms.sort_by_key(|f| std::cmp::Reverse(u64::from(f.inside) + u64::from(f.start)));
    }
}

/// A possessive is judged as the name it is of (`Collector's` as `Collector`, whose other uses
/// in the article are its evidence too): the word without its `'s`, and the ending, which each
/// fix keeps. A contraction (`it's`, `let's`) is judged whole.
pub(crate) fn possessive(word: &str) -> (&str, &str) {
    let stem = crate::check::stem_of(word);
    // Most words have no ending: the hosts are compared only for those that do.
    let contraction = || crate::lexicon::is_contraction_host(stem) || stem.eq_ignore_ascii_case("let");
    if stem.len() > 1 && stem.len() < word.len() && !contraction() { word.split_at(stem.len()) } else { (word, "") }
}

/// Takes out of `seen` (see [`Channel::estimate`]) the capitals of the words among
/// `capitalised` (the words clean prose mostly writes in lower case that the article Capitalises
/// inside a sentence, by their commonest form, each with its bucket) that the article Capitalises
/// at every use inside sentences, [`CAPITALISED_AGAIN`] times or more, by `usage`: that is the
/// author's style (`the Software`, `the Contributor` of a licence; `the Board`), not damage,
/// which Capitalises each use on its own and seldom every use of a word. Returns how many words
/// `seen` counted before: the author's capitals are words of the article all the same.
fn take_out_own_capitals(
    seen: &mut [(f64, f64); Channel::BUCKETS],
    capitalised: &FastMap<&'static str, usize>,
    usage: &Usage<'_>,
) -> f64 {
    let weighed = seen.iter().map(|(caps, small)| caps + small).sum();
    for (&key, &bucket) in capitalised {
        let [caps, in_run, small] = usage.counts(key);
        if small == 0 && caps + in_run >= CAPITALISED_AGAIN {
            seen[bucket].0 -= f64::from(caps + in_run);
        }
    }
    weighed
}

/// Judges the casing of `words`, in the text's order.
#[must_use]
#[allow(clippy::too_many_lines)] // two passes over the words, in order: the damage, then the readings
pub fn judge(text: &str, model: &Model, words: &[Word], lists: &mut Lists, record: bool) -> Judged {
    // The damage, from every word the model knows inside a sentence: how often clean prose
    // capitalises it, against how this article writes it.
    let mut seen = [(0.0, 0.0); Channel::BUCKETS];
    let mut usage = Usage::new();
    let mut lookups = Lookups::new(model);
    let (known, judged) = (model.uses(KNOWN.into()), model.uses(JUDGED.into()));
    // Pairs of words with a capital on either, sighted here and counted in each casing below:
    // the article's own names of two words.
    let mut names = Names::for_text(text.len());
    let mut runs = Runs::default();
    // The words clean prose mostly capitalises, by the model's commonest form, with clean
    // prose's rate of capitals: their uses here are counted in `usage`.
    let mut mostly_cased: FastMap<&'static str, f64> = FastMap::default();
    let mut capitalised: FastMap<&'static str, usize> = FastMap::default();
    for &w in words {
        names.see(text, w);
        let (word, _) = possessive(w.span.slice(text));
        let id = lookups.id_in_order(word);
        if w.start || w.heading {
            continue;
        }
        // Every word the model judges gathers the article's usage; only the words it knows well
        // measure the damage.
        let Some(entry) = lookups.get(id).filter(|e| u64::from(e.inside) >= judged) else { continue };
        usage.see(entry.forms[0].text, word, w.in_run);
        if u64::from(entry.inside) < known {
            continue;
        }
        runs.see(entry.bucket, word, w.in_run);
        let c = Channel::rate_of(entry.bucket);
        if c >= Channel::MOSTLY_CASED {
            mostly_cased.insert(entry.forms[0].text, c);
        }
        let bucket = &mut seen[entry.bucket];
        *if has_capital(word) { &mut bucket.0 } else { &mut bucket.1 } += 1.0;
        if has_capital(word) && c < STYLE_RATE {
            capitalised.insert(entry.forms[0].text, entry.bucket);
        }
    }
    let weighed = take_out_own_capitals(&mut seen, &capitalised, &usage);
    let cased: Vec<(f64, f64, f64)> = mostly_cased
        .into_iter()
        .map(|(key, c)| {
            let [caps, in_run, small] = usage.counts(key);
            (f64::from(caps) + f64::from(in_run), f64::from(small), c)
        })
        .collect();
    let channel = Channel::estimate(&seen, &cased, &runs);
    names.keep_recurring(text, words, channel);
    let mut out = Judged {
        suspects: Vec::new(),
        known: Vec::new(),
        raised: channel.raised,
        lowered: channel.lowered,
        weighed,
        readings: Vec::new(),
        beyond_doubt: Vec::new(),
        quiet: Vec::new(),
        undamaged: Vec::new(),
    };
    // A word in small letters of a name the article writes with capitals again and again may
    // be raised where the article's damage lowers names (see `best_reading`).
    let raises = channel.lowered >= LOWERS_NAMES && !names.words.is_empty();
    // Keyed by all that the reading depends on: the word, its neighbours and where it stands.
    let mut verdicts = Verdicts::for_text(text.len());
    usage.weigh(channel);
    // Each suspect as found: whether `fix` takes it waits for its neighbours (see
    // [`NEARBY_WORDS`]).
    let mut found: Vec<Found> = Vec::new();
    let mut index = 0;
    for &w in words {
        index += 1;
        let (word, ending) = possessive(w.span.slice(text));
        if word.chars().nth(1).is_none() {
            continue;
        }
        // A command before its options (`python -m pip`) is code, whatever its casing.
        let after = &text.as_bytes()[w.span.end..];
        if after.starts_with(b" -") && after.get(2).is_some_and(u8::is_ascii_alphabetic) {
            continue;
        }
        let id = lookups.id_of_word(index - 1, word);
        let Some(entry) = lookups.get(id) else { continue };
        let total = if w.start { entry.all } else { entry.inside };
        // A word in lower case that clean prose seldom writes another way needs no more thought,
        // unless it may be a word of a name the article writes with capitals again and again.
        let settled = entry.settled[usize::from(w.start)];
        if u64::from(total) < judged || (settled && !(raises && names.words.contains(&Sightings::hash_of_folded(word))))
        {
            continue;
        }
        let (forms, total) = (std::rc::Rc::clone(&entry.forms), f64::from(total));
        // A word written in lower case keeps the rules' verdict beside the model's: a name the
        // lists know (`github`) is raised even where the article says little of its damage.
        if has_capital(word) {
            out.known.push(w.span.start);
        }
        let ((prev, next), joins) = neighbours_of(text, w.span, ending);
        if settled && !names.holds(word, (prev, next), joins) {
            continue;
        }
        let verdict = verdicts.get_or_make(&(word, prev, next, joins, w.start, w.heading, w.in_run), || {
            // A word of a name the article writes with capitals again and again.
            let recurring = names.holds(word, (prev, next), joins);
            let style = usage.style(&forms, (word, w));
            let seen = usage.ways(forms[0].text);
            let place = Place { word: w, neighbours: (prev, next), joins, seen, recurring, style };
            best_reading(model, channel, (word, &forms, total), place)
        });
        if let Some((fixes, sureness)) = verdict {
            if sureness.margin >= BEYOND_DOUBT && sureness.change == Change::Lowers && case_of(word) == Case::Title {
                out.beyond_doubt.push(w.span.start);
            }
            let fixes = if ending.is_empty() {
                lists.of(fixes)
            } else {
                lists.of(&fixes.iter().map(|f| format!("{f}{ending}")).collect::<Vec<_>>())
            };
            found.push(Found { index, span: w.span, fixes, sureness: *sureness });
        }
    }
    out.take(text, found, record);
    out.known.sort_unstable();
    out
}

impl Judged {
    /// The article's casing shows no damage: its damage estimates, made from enough words, are
    /// under both rates of damage.
    #[must_use]
    pub fn shows_no_damage(&self) -> bool {
        self.weighed >= ENOUGH_WORDS && self.raised < DAMAGED_CAPITALS && self.lowered < DAMAGED_LOWER
    }

    /// [`Sureness::undamaged_chance`] of the suspect or quiet reading that starts at `start`; 0
    /// for another, or in an article whose casing shows damage.
    #[must_use]
    pub fn undamaged_chance(undamaged: &[(usize, f64)], start: usize) -> f64 {
        undamaged.binary_search_by_key(&start, |u| u.0).map_or(0.0, |i| undamaged[i].1)
    }

    /// Makes suspects of `found` (see [`judge`]), each confident or not once the suspects near
    /// it are counted, and keeps their readings where `record` asks.
    fn take(&mut self, text: &str, found: Vec<Found>, record: bool) {
        let nearby = nearby_suspects(text, &found);
        for (Found { span, fixes, mut sureness, .. }, nearby) in found.into_iter().zip(nearby) {
            sureness.nearby = nearby;
            // The chance weighs the article's damage, which a sentence or two says little of:
            // there the margin alone decides. Elsewhere the chance, which weighs the margin
            // among the rest.
            let chance = (self.weighed >= ENOUGH_WORDS).then(|| sureness.chance());
            let confident = chance.map_or(sureness.margin >= SURE, |c| c >= Sureness::LIKELY);
            // Every reading is a row, the suspects or not.
            if record && let Some(first) = fixes.first() {
                self.readings.push((span, first.to_string(), sureness));
            }
            // Where the casing shows no damage, the chance fitted to such articles may ask
            // about a reading the general one finds seldom right.
            let undamaged = (chance.is_some() && self.shows_no_damage()).then(|| sureness.undamaged_chance());
            // A reading the chance finds seldom right is no suspect: the word is likelier right.
            if chance.is_some_and(|c| c < Sureness::ASKED) {
                if let Some(u) = undamaged.filter(|&u| u >= Sureness::UNDAMAGED_ASKED) {
                    self.undamaged.push((span.start, u));
                    self.quiet.push(Suspect { confident: false, ..Suspect::new(span, Kind::Casing, fixes) });
                }
                continue;
            }
            if let Some(u) = undamaged {
                self.undamaged.push((span.start, u));
            }
            self.suspects.push(Suspect { confident, ..Suspect::new(span, Kind::Casing, fixes) });
        }
    }
}

/// A suspect as [`judge`] finds it.
struct Found {
    /// How many words of the section came before it, and it.
    index: usize,
    span: Span,
    fixes: Fixes,
    /// How sure the best fix is, but for the suspects near it.
    sureness: Sureness,
}

/// Two suspects stand near each other when fewer than this many words lie between them, on one
/// line or across a single line break, as a wrapped paragraph has (`had some bugs Which Would
/// Allow`): the damage that Capitalises words at random puts its capitals near each other, in
/// runs and where it strikes thick, while a capital an author chose stands among words the
/// model has no quarrel with (a name the damage lowers stands alone too, which is why only a
/// lowering weighs its neighbours: [`Sureness::features`]). Set
/// on the tune parts' rows, five-fold, with the count as a feature of every change: at the old
/// cut's fixes, 1,133 right words taken where 1,359 were without it; counting adjacent words
/// alone, 1,305; fewer than four words between, 1,144, six 1,170; within 50 bytes, 1,175.
const NEARBY_WORDS: usize = 3;

/// For each of `found` (in order), how many of the others that make the same change, beaten by
/// [`SURE`] or more, stand near it ([`NEARBY_WORDS`]): a name lowered beside a stray capital
/// says nothing of the capital. Each looks at its few neighbours in the list, and at the bytes
/// between them only when those are few: linear.
fn nearby_suspects(text: &str, found: &[Found]) -> Vec<u8> {
    // More bytes than that between two words near each other is code or markup between them.
    const GAP_MOST: usize = 200;
    let in_one_paragraph = |a: &Found, b: &Found| {
        let gap = text.get(a.span.end..b.span.start).unwrap_or("\n\n");
        gap.len() <= GAP_MOST && memchr::memchr_iter(b'\n', gap.as_bytes()).nth(1).is_none()
    };
    let mut out = vec![0u8; found.len()];
    for (i, a) in found.iter().enumerate() {
        for (j, b) in found.iter().enumerate().skip(i + 1) {
            if b.index - a.index > NEARBY_WORDS {
                break;
            }
            if a.sureness.change == b.sureness.change && in_one_paragraph(a, b) {
                if b.sureness.margin >= SURE {
                    out[i] = out[i].saturating_add(1);
                }
                if a.sureness.margin >= SURE {
                    out[j] = out[j].saturating_add(1);
                }
            }
        }
    }
    out
}

/// The words on each side of the word at `span` that the model weighs it with, and how each is
/// joined to it. Where no space alone joins a side, a neighbour across a comma or a closing
/// mark; what follows a possessive (`ending`) is what the name owns, not its neighbour. A
/// neighbour after the word is weighed without its own possessive ending (`Stack [Overflow's]`
/// as `Stack Overflow`): the ending belongs to the whole name, and the corpus writes the name
/// alone far more often (a curly apostrophe ends a neighbour already, see
/// [`crate::token::neighbours`]).
fn neighbours_of<'t>(text: &'t str, span: Span, ending: &str) -> ((Option<&'t str>, Option<&'t str>), [Join; 2]) {
    let (prev, next) = crate::token::neighbours(text, span);
    let (loose_prev, loose_next) =
        if prev.is_none() || next.is_none() { crate::token::loose_neighbours(text, span) } else { (None, None) };
    let join = |tight: Option<&str>| if tight.is_some() { Join::Space } else { Join::Loose };
    let joins = [join(prev), join(next)];
    let next = if ending.is_empty() { next.or(loose_next).map(|n| possessive(n).0) } else { None };
    ((prev.or(loose_prev), next), joins)
}

/// Where a word stands: the word, its neighbours, and the other ways the article writes it.
#[derive(Clone, Copy)]
struct Place<'a> {
    word: Word,
    neighbours: (Option<&'a str>, Option<&'a str>),
    /// How each neighbour is joined to the word.
    joins: [Join; 2],
    seen: &'a [(&'a str, u32)],
    /// It stands beside the other word of a name the article writes with capitals again and
    /// again.
    recurring: bool,
    /// How much likelier the article's other uses of the word make a capital here, and how much
    /// likelier lower case ([`Usage::style`]).
    style: (f64, f64),
}

/// A word's readings and what is weighed of each: most words have two or three, kept on the stack.
type Few<T> = smallvec::SmallVec<[T; 8]>;

/// The casings of `word` that compete where it stands (`w`), with their shares of the corpus's
/// uses: the word as written, and those of its `forms` that clean prose writes often enough
/// ([`RARE_FORM`]) or that are a lowered name's `capital`.
fn candidates<'a>(
    word: &'a str,
    (forms, total): (&'a [Form], f64),
    w: Word,
    capital: Option<&'a str>,
) -> Few<(&'a str, f64)> {
    let uses = |f: &Form| f64::from(if w.start { f.inside + f.start } else { f.inside });
    // At a sentence start any first capital is right: only casings that begin with one compete.
    let fits = |t: &str| !w.start || t.starts_with(char::is_uppercase);
    // ... and a word clean prose writes in lower case takes a capital there: where the article
    // writes it so, those uses count for it (`semver` makes `Semver` at a start, not a
    // half-lowered `SemVer`). Only for the word as written: a capital the sentence gave is no
    // evidence against `AND` or `NOT`, which are emphasis.
    let twin_uses = if w.start { forms.iter().filter(|g| is_start_twin(g.text, word)).map(uses).sum() } else { 0.0 };
    let mut candidates: Few<(&str, f64)> = forms
        .iter()
        .filter(|f| fits(f.text) && (f.text == word || uses(f) / total > RARE_FORM || capital == Some(f.text)))
        .map(|f| (f.text, (uses(f) + if f.text == word { twin_uses } else { 0.0 } + 0.5) / (total + 0.5)))
        .collect();
    if !candidates.iter().any(|c| c.0 == word) {
        candidates.push((word, (twin_uses + 0.5) / (total + 0.5)));
    }
    if let Some(c) = capital
        && !candidates.iter().any(|f| f.0 == c)
    {
        candidates.push((c, 0.5 / (total + 0.5)));
    }
    if candidates.len() < 2 {
        return candidates;
    }
    // Title Case is a heading's style, and a name's in a run of capitals (`Web Crypto`): there
    // a capital is taken down only on strong evidence. Words in capitals are emphasis
    // (`MUST NOT`) or acronyms; only the casing of a name or term replaces them.
    let written = case_of(word);
    if (written == Case::Title && w.heading) || written == Case::Upper {
        candidates.retain(|c| c.0 == word || has_capital(c.0));
    }
    // A word in capitals that clean prose writes more often in lower case is emphasis (`NOT`),
    // never a fix.
    let small = forms.iter().filter(|f| !has_capital(f.text)).map(|f| f.inside).max().unwrap_or(0);
    candidates.retain(|c| {
        c.0 == word || case_of(c.0) != Case::Upper || forms.iter().any(|f| f.text == c.0 && f.inside > small)
    });
    candidates
}

/// The casings that read better than `word` where it stands, best first, and by how much the
/// best beats it; `None` when none does.
fn best_reading(
    model: &Model,
    channel: Channel,
    (word, forms, total): (&str, &[Form], f64),
    place: Place<'_>,
) -> Reading {
    let Place { word: w, neighbours: (prev, next), joins, seen, recurring, style } = place;
    // A word of a name the article writes with capitals again and again keeps its capitals, and
    // in small letters it may be that name's word lowered, however seldom clean prose
    // capitalises it, where the article's damage lowers names: a clean article that writes
    // `Rust Project` and `Rust project` means both.
    let held = recurring && (has_capital(word) || channel.lowered >= LOWERS_NAMES);
    let capital = (held && !has_capital(word)).then(|| crate::check::casing::capitalised(word));
    let candidates = candidates(word, (forms, total), w, capital.as_deref());
    if candidates.len() < 2 {
        return None;
    }
    let uses = |f: &Form| f64::from(if w.start { f.inside + f.start } else { f.inside });
    let written = case_of(word);

    // P(form | neighbours) ∝ P(form | prev) · P(form | next) / P(form), each side backed off to
    // P(form); then times the chance the damage wrote it as `word`.
    let side = |counts: &[f64], p: f64, c: f64| {
        let sum: f64 = counts.iter().sum();
        (c + BACKOFF * p) / (sum + BACKOFF)
    };
    let after_prev = prev.filter(|_| !w.start).map(|p| model.after_word_joined(p, joins[0]));
    let lefts: Few<f64> =
        candidates.iter().map(|(f, _)| after_prev.as_ref().map_or(0.0, |after| f64::from(after(f)))).collect();
    // At a sentence start only the inner casing is in question, and the corpus counts the pairs
    // inside sentences only: the neighbours say nothing there.
    let rights: Few<f64> = candidates
        .iter()
        .map(|(f, _)| next.filter(|_| !w.start).map_or(0.0, |n| f64::from(model.before_joined(f, n, joins[1]))))
        .collect();
    // The article's other uses of the word: one casing for all of them is likelier than damage
    // to each (a name stays a name through an article).
    // Damage may strike each use of a word or every use alike, so only the other ways the
    // article writes it count, each once: where it writes both `Roden` and `roden`, one of them
    // is damage, and the model says which.
    // An article that writes a word in lower case again and again, and never otherwise, has
    // made that its convention (`http` for the scheme), unless damage explains it better: damage
    // that lowers a name lowers it alike wherever it stands, so the odds are how often this
    // article's damage lowers a name against how often clean prose writes the word so.
    let share = forms.iter().find(|f| f.text == word).map_or(0.0, |f| uses(f) / total);
    if written == Case::Lower && seen.len() == 1 && seen[0].1 >= 2 && share >= channel.lowered {
        return None;
    }
    // A Capitalised word that the article writes so at many of its other uses is weighed once
    // for each of them: damage Capitalises each use on its own, so that a capital it put in
    // seldom comes back at every use (`the Project`, `the Foundation` as an institution's own).
    // The article's other uses written as here (this use is among those counted when it stands
    // where usage is gathered).
    let this_use = u32::from(!(w.start || w.heading || w.in_run));
    let same_uses = seen.iter().find(|s| s.0 == word).map_or(0, |s| s.1.saturating_sub(this_use));
    // Unless the damage explains them: no more of them than its rate of capitals makes of the
    // article's uses in small letters (a long text's forty `The`s inside sentences beside a
    // thousand `the`s).
    let beyond_damage = || {
        let small_uses: u32 = seen.iter().filter(|s| !has_capital(s.0)).map(|s| s.1).sum();
        let raised = channel.raised.min(RAISED_MOST);
        f64::from(same_uses) > raised / (1.0 - raised) * f64::from(small_uses)
    };
    let again = if written == Case::Title && same_uses >= CAPITALISED_AGAIN && beyond_damage() {
        f64::from(same_uses)
    } else {
        0.0
    };
    let style = |f: &str| if has_capital(f) { style.0 } else { style.1 };
    let article = |f: &str| {
        let mut log: f64 = seen
            .iter()
            .filter(|s| s.0 != word)
            .map(|&(written, _)| channel.carries(f, written).max(INCONSISTENT).ln())
            .sum();
        if again > 0.0 && (f == word || !has_capital(f)) {
            log += again * channel.carries(f, word).max(INCONSISTENT).ln();
        }
        (ARTICLE * log).exp()
    };
    let written = candidates.iter().position(|c| c.0 == word)?;
    // The name's capitals, where it is written in small letters, are read as likely as the word
    // as written: how clean prose writes the word alone says nothing of the name, which the
    // article's own uses and the damage decide.
    let as_written = side(&lefts, candidates[written].1, lefts[written])
        * side(&rights, candidates[written].1, rights[written])
        / candidates[written].1;
    let scores: Few<f64> = candidates
        .iter()
        .enumerate()
        .map(|(i, &(f, p))| {
            let fit = if capital.as_deref() == Some(f) {
                as_written
            } else {
                side(&lefts, p, lefts[i]) * side(&rights, p, rights[i]) / p
            };
            let run = if w.in_run && has_capital(f) { (RUN_NAME / channel.in_run).max(1.0) } else { 1.0 };
            let run = if held && has_capital(f) { run * RECURRING } else { run };
            fit * channel.carries(f, word) * article(f) * run * style(f)
        })
        .collect();
    let mut order: Few<usize> = (0..candidates.len()).filter(|&i| i != written).collect();
    order.sort_by(|&a, &b| scores[b].total_cmp(&scores[a]));
    let best = *order.first()?;
    let margin = scores[best] / scores[written];
    (margin > FLAG).then(|| {
        let fixes = order.iter().filter(|&&i| scores[i] > scores[written] * 0.01).map(|&i| candidates[i].0.to_string());
        let fix = candidates[best].0;
        let sureness = Sureness {
            margin,
            change: Change::of(word, fix),
            in_run: w.in_run,
            start: w.start,
            raised: channel.raised,
            lowered: channel.lowered,
            share: candidates[best].1,
            uses: total,
            other_ways: seen.len(),
            neighbours: u8::from(prev.is_some()) + u8::from(next.is_some()),
            same_uses,
            style: style(fix) / style(word),
            nearby: 0,
        };
        (fixes.collect(), sureness)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The model's verdicts on `text`, where the words starting at `runs` stand in a run of
    /// capitals.
    fn judged(text: &str, runs: &[usize]) -> Judged {
        let spans: Vec<Span> = crate::token::tokens(text)
            .into_iter()
            .filter(|t| t.kind == crate::token::TokenKind::Word)
            .map(|t| t.span)
            .collect();
        let mut last = None;
        let words: Vec<Word> = spans
            .iter()
            .map(|&span| {
                let start = crate::check::casing::starts_sentence(text, last, span.start);
                last = Some(span.end);
                Word { span, start, heading: false, in_run: runs.contains(&span.start) }
            })
            .collect();
        judge(text, Model::builtin(), &words, &mut Lists::default(), false)
    }

    fn fixed(text: &str) -> String {
        let mut out = text.to_string();
        for s in judged(text, &[]).suspects.iter().rev() {
            out.replace_range(s.span.start..s.span.end, s.suggestions.first().unwrap_or_default());
        }
        out
    }

    /// Where the model flags words when the words starting at `runs` stand in a run of capitals.
    fn flagged_with_runs(text: &str, runs: &[usize]) -> Vec<usize> {
        judged(text, runs).suspects.iter().map(|s| s.span.start).collect()
    }

    #[test]
    fn a_word_is_judged_by_where_it_stands_whatever_was_judged_before() {
        // The same word between the same neighbours, once in a run of capitals and once not: each
        // keeps its own verdict, in either order (a cache of readings must not mix them). The
        // article is damaged lightly enough for a run of capitals to weigh (see `RUN_NAME`), and
        // writes the word in small letters as well, so that its other capital is no author's
        // style (see `Usage::style`).
        let text = "We run the Service on linux and windows, Which makes it easy to deploy. Every \
                    Request goes through github Actions. Our group is small, and the group meets \
                    often. We ask the Group now. We ask the Group now.";
        let at: Vec<usize> = text.match_indices("Group").map(|(i, _)| i).collect();
        let (first, second) = (flagged_with_runs(text, &[at[0]]), flagged_with_runs(text, &[at[1]]));
        assert_ne!(first.contains(&at[0]), first.contains(&at[1]), "a run must change the verdict here");
        assert_eq!(first.contains(&at[0]), second.contains(&at[1]), "in a run");
        assert_eq!(first.contains(&at[1]), second.contains(&at[0]), "out of one");
    }

    #[test]
    fn in_a_damaged_article_names_get_their_capitals_and_common_words_lose_theirs() {
        let damaged = "We run the Service on linux and windows, Which Makes it easy to deploy. The \
                       api Lets you scale it, and the client talks to the server \
                       when You ask. Every Request goes through github Actions first.";
        assert_eq!(
            fixed(damaged),
            "We run the service on Linux and Windows, which makes it easy to deploy. The \
             API lets you scale it, and the client talks to the server \
             when you ask. Every request goes through GitHub Actions first."
        );
    }

    #[test]
    fn a_name_lowered_at_every_use_in_a_damaged_article_is_raised() {
        let damaged = "We build the Service in rust on linux and windows, and the rust Compiler Checks \
                       it Before the Client Reads it.";
        assert_eq!(
            fixed(damaged),
            "We build the service in Rust on Linux and Windows, and the Rust compiler checks \
             it before the client reads it."
        );
    }

    #[test]
    fn a_name_the_corpus_knows_a_little_is_raised_where_the_article_also_writes_it_in_full() {
        // The corpus has `quickcheck` about forty times, more often in lower case (the crate):
        // too seldom to measure the damage by, often enough to be judged, and this article's
        // `QuickCheck`, whose inner capital no damage makes, says which casing is its own.
        let damaged = "We test the Service with QuickCheck, and the Client with quickcheck too. Unlike \
                       quickcheck, the Other Tools shrink Values by hand, which Makes them slow when \
                       You ask for more.";
        assert_eq!(
            fixed(damaged),
            "We test the service with QuickCheck, and the client with QuickCheck too. Unlike \
             QuickCheck, the other tools shrink values by hand, which makes them slow when \
             you ask for more."
        );
    }

    #[test]
    fn a_word_clean_prose_writes_in_lower_case_keeps_its_plain_capital_at_a_sentence_start() {
        // The corpus writes `semver` 404 times, `SemVer` 208 and `Semver` 15: at a start, where a
        // capital is the sentence's, `Semver` is the lower-case word's, not a half-lowered `SemVer`.
        let clean = "The crate follows the usual rules for its releases. Semver exempt methods are marked \
                     as such in the documentation, and the changelog says which ones changed.";
        assert_eq!(fixed(clean), clean);
    }

    #[test]
    fn a_name_clean_prose_often_writes_in_lower_case_stays_where_the_damage_is_mild() {
        // The corpus writes `java` in lower case 13% of the time (a command, a package): in an
        // article that lowered a fifth of its names, `the java client` is likelier right.
        let damaged = "We build the Library on linux and windows, and the java client Reads it.";
        assert_eq!(fixed(damaged), "We build the library on Linux and Windows, and the java client reads it.");
    }

    #[test]
    fn a_clean_article_that_writes_a_word_in_lower_case_every_time_keeps_it() {
        let clean = "The client speaks http to the server, and the server answers in http when it can.";
        assert_eq!(fixed(clean), clean);
    }

    #[test]
    fn a_clean_article_that_writes_a_name_both_ways_keeps_both() {
        // Authors write a name their own way, not always the same way: `salsa` for the crate and
        // `Salsa` once, in an article whose casing shows no damage, is no slip either way.
        let clean = "This crate is a fork of salsa, a library for incremental computation. The key idea \
                     of salsa is that you define your program as a set of queries. Every query is a \
                     function from keys to values, and salsa remembers what each one read. When an \
                     input changes, only the queries that read it run again, and the results of the \
                     others are kept. This is the same approach that Salsa takes in the compiler it was \
                     written for. The book explains how to write queries, and the examples show a small \
                     interpreter that reads its source files on demand. The project is maintained by a \
                     small group of volunteers, who answer questions in the chat most days. Bug reports \
                     are welcome, and so are pull requests that add tests or improve the documentation. \
                     The crate follows the usual rules for its releases, and the changelog lists what \
                     changed in each one. It builds on the stable compiler and needs no other tools.";
        assert_eq!(fixed(clean), clean);
    }

    #[test]
    fn an_article_in_lower_case_throughout_raises_its_names_and_no_common_word() {
        // A transcript typed in lower case: its names are lowered (three in four, by the
        // estimate), and no word was Capitalised. A common word that clean prose now and then
        // capitalises (`Cloud`: a third of its uses) was written as meant: it escaped the
        // lowering that no name escapes.
        use std::fmt::Write as _;
        let (days, teams) = (["monday", "tuesday", "friday"], ["google", "microsoft", "amazon", "netflix"]);
        let cities = ["berlin", "paris", "london", "tokyo", "boston", "dublin", "sydney"];
        let mut article = String::new();
        for (i, city) in cities.iter().cycle().take(84).enumerate() {
            let (day, team) = (days[i % days.len()], teams[i % teams.len()]);
            let _ = write!(article, "on {day} the people from {team} met in {city} to discuss cloud pricing. ");
        }
        let fixed = fixed(&article);
        assert!(fixed.contains("On Monday the people from Google met in Berlin to discuss cloud pricing"), "{fixed}");
        assert!(!fixed.contains("Cloud"), "{fixed}");
    }

    #[test]
    fn only_an_acronym_written_with_a_first_capital_alone_is_half_lowered() {
        // However many names the damage lowers, it writes `Ai` for `AI`, never `TableSwitch`
        // for `TABLESWITCH` nor `GSoC` for `GSOC`.
        let channel = Channel { raised: 0.15, lowered: 0.7, in_run: 0.2 };
        assert!((channel.carries("AI", "Ai") - HALF).abs() < f64::EPSILON);
        assert!((channel.carries("TABLESWITCH", "TableSwitch") - OTHER).abs() < f64::EPSILON);
        assert!((channel.carries("GSOC", "GSoC") - OTHER).abs() < f64::EPSILON);
    }

    #[test]
    fn an_article_capitalised_at_random_that_lowers_its_few_names_is_known_to_lower_names() {
        // 600 common words, 15% of them Capitalised; 8 names clean prose capitalises nine
        // times in ten, all 8 written in lower case (the prior of 1 made it 0.30).
        let mut seen = [(0.0, 0.0); Channel::BUCKETS];
        seen[0] = (90.0, 510.0);
        seen[Channel::bucket(0.9)] = (0.0, 8.0);
        let names = [(0.0, 1.0, 0.9); 8];
        let channel = Channel::estimate(&seen, &names, &Runs::default());
        assert!(channel.raised > 0.1, "{channel:?}");
        assert!(channel.lowered > 0.35, "{channel:?}");
        // A clean article with the same few names in lower case (commands, packages) is not.
        let mut clean = [(0.0, 0.0); Channel::BUCKETS];
        clean[0] = (2.0, 598.0);
        clean[Channel::bucket(0.9)] = (0.0, 8.0);
        let clean = Channel::estimate(&clean, &names, &Runs::default());
        assert!(clean.lowered < 0.3, "{clean:?}");
    }

    #[test]
    fn a_name_lowered_at_some_uses_is_damage_and_one_written_both_ways_at_many_is_the_authors() {
        // An article that Capitalised 15% of its 600 common words; ten names the corpus mostly
        // capitalises, each written with capitals four times.
        let mut seen = [(0.0, 0.0); Channel::BUCKETS];
        seen[0] = (90.0, 510.0);
        let names = vec![(4.0, 0.0, 0.9); 10];
        let lowered = |extra: &[(f64, f64, f64)]| {
            let words: Vec<_> = names.iter().chain(extra).copied().collect();
            Channel::estimate(&seen, &words, &Runs::default()).lowered
        };
        let alone = lowered(&[]);
        // `Rust` eight times and `rust` four: the damage lowers a name at some of its uses.
        let damaged = lowered(&[(8.0, 4.0, 0.84)]);
        // `URL` three times and `url` nine (a field's name), or `rust` at every use: the author's.
        let both_ways = lowered(&[(3.0, 9.0, 0.8)]);
        let convention = lowered(&[(0.0, 12.0, 0.84)]);
        assert!(damaged > alone * 1.1, "{damaged} {alone}");
        assert!(both_ways < alone * 1.05 && convention < alone * 1.05, "{both_ways} {convention} {alone}");
    }

    #[test]
    fn a_word_the_article_capitalises_at_every_use_is_its_own_style_even_in_a_damaged_article() {
        // An institution's own name (`the Project`) written so at every use, in an article whose
        // damage Capitalises common words here and there: the damage strikes each use on its
        // own, so it does not come back at all four.
        let damaged = "The Project met in march. Members of the Project Spoke about the Budget, and the \
                       team wrote a Plan for the year. The Project will hire two people Soon, and \
                       the members asked what the Project needs to keep its Promises to the people who \
                       Work on it. Most of the Project works in the open, and the Project thanks \
                       every Person who helped.";
        assert_eq!(
            fixed(damaged),
            "The Project met in March. Members of the Project spoke about the budget, and the \
             team wrote a plan for the year. The Project will hire two people soon, and \
             the members asked what the Project needs to keep its promises to the people who \
             work on it. Most of the Project works in the open, and the Project thanks \
             every person who helped."
        );
    }

    #[test]
    fn a_word_written_so_at_more_of_the_article_s_uses_is_less_surely_lowered() {
        let sureness = |same_uses| Sureness { margin: 3.0, lowered: 0.4, same_uses, ..a_lowering() };
        assert!(sureness(6).chance() < sureness(0).chance());
        // ... and a word in small letters written so at many uses is raised more surely where
        // the article writes it in several ways (damage lowers a name at some of its uses), less
        // surely where it writes it so at every use (an author's `serde`).
        let raise = |same_uses, other_ways| Sureness { change: Change::Raises, other_ways, ..sureness(same_uses) };
        assert!(raise(6, 3).chance() > raise(0, 3).chance());
        assert!(raise(6, 1).chance() < raise(0, 1).chance());
        // A fix the article's other uses favour is surer than one they speak against.
        let styled = |style| Sureness { style, ..sureness(0) };
        assert!(styled(4.0).chance() > styled(1.0).chance());
        assert!(styled(0.25).chance() < styled(1.0).chance());
    }

    /// A reading that takes a capital off a common word, in an article damaged as the sample is.
    fn a_lowering() -> Sureness {
        Sureness {
            margin: 20.0,
            change: Change::Lowers,
            in_run: false,
            start: false,
            raised: 0.1,
            lowered: 0.25,
            share: 0.9,
            uses: 5000.0,
            other_ways: 1,
            neighbours: 2,
            same_uses: 0,
            style: 1.0,
            nearby: 0,
        }
    }

    /// The suspects the model makes of `found` in `text`, judged on `weighed` words: the damage
    /// rates are the readings' own.
    fn suspects_of(text: &str, found: Vec<Found>, weighed: f64) -> Vec<Suspect> {
        let (raised, lowered) = found.first().map_or((0.0, 0.0), |f| (f.sureness.raised, f.sureness.lowered));
        let mut judged = Judged {
            suspects: Vec::new(),
            known: Vec::new(),
            raised,
            lowered,
            weighed,
            readings: Vec::new(),
            beyond_doubt: Vec::new(),
            quiet: Vec::new(),
            undamaged: Vec::new(),
        };
        judged.take(text, found, false);
        judged.suspects
    }

    #[test]
    fn a_lowering_the_chance_finds_likely_is_taken_though_it_wins_by_little() {
        let text = "we had bugs Which Would Allow Organizations to adopt it";
        let at = |word: &str| text.find(word).map(|i| Span::new(i, i + word.len())).unwrap_or_default();
        let lowering = |index, word: &str, margin| Found {
            index,
            span: at(word),
            fixes: Lists::default().one(word.to_lowercase()),
            sureness: Sureness { margin, in_run: true, raised: 0.1, lowered: 0.35, ..a_lowering() },
        };
        let found = || {
            vec![
                lowering(4, "Which", 50.0),
                lowering(5, "Would", 50.0),
                lowering(6, "Allow", 20.0),
                // Wins by little alone, but stands among three stray capitals.
                lowering(7, "Organizations", 1.2),
            ]
        };
        let taken = |weighed| suspects_of(text, found(), weighed).iter().map(|s| s.confident).collect::<Vec<_>>();
        // Where the article's damage is estimated, the chance decides, and weighs the margin.
        assert_eq!(taken(1000.0), [true, true, true, true]);
        // In a sentence or two the margin alone decides, and 1.2 to 1 is too little.
        assert_eq!(taken(10.0), [true, true, true, false]);
    }

    #[test]
    fn a_reading_the_chance_finds_seldom_right_is_no_suspect_in_an_article_that_shows_no_damage() {
        let text = "the Collector reads the data";
        let span = Span::new(4, 13);
        // A clean article: hardly a stray capital, hardly a name lowered.
        let reading = Sureness { margin: 1.1, raised: 0.005, lowered: 0.02, ..a_lowering() };
        assert!(reading.chance() < Sureness::ASKED);
        let found = || vec![Found { index: 2, span, fixes: Lists::default().one("collector"), sureness: reading }];
        let suspects = |weighed| suspects_of(text, found(), weighed).len();
        assert_eq!(suspects(1000.0), 0);
        // A sentence or two says little of its damage: there any reading that wins is asked about.
        assert_eq!(suspects(10.0), 1);
    }

    #[test]
    fn a_capital_in_a_run_is_surer_taken_down_where_the_run_is_of_stray_capitals() {
        let run = |nearby| Sureness { in_run: true, nearby, ..a_lowering() };
        // A run whose other capitals the model keeps is a name's (`Wesley Wiser`) ...
        assert!(run(0).chance() < a_lowering().chance());
        // ... and one whose capitals it takes down too is the damage's (`bugs Which Would Allow`):
        // the suspects near count for more inside a run than outside one.
        let lone = |nearby| Sureness { nearby, ..a_lowering() };
        assert!(run(3).chance() / run(0).chance() > lone(3).chance() / lone(0).chance());
        assert!(run(5).chance() > lone(5).chance());
    }

    #[test]
    fn the_products_among_the_casing_features_are_of_the_features_they_name() {
        let reading = Sureness {
            change: Change::Raises,
            in_run: true,
            same_uses: 4,
            other_ways: 2,
            style: 3.0,
            nearby: 2,
            ..a_lowering()
        };
        let f = reading.features();
        let close = |a: f64, b: f64| (a - b).abs() < 1e-12;
        let (same, margin, style) = (5.0_f64.ln(), 20.0_f64.ln(), 3.0_f64.ln());
        assert!(close(f[13], same) && close(f[10], 2.0) && close(f[11], 2.0) && close(f[14], style));
        assert!(close(f[17], 2.0 * same) && close(f[18], 2.0 * same) && close(f[19], margin * style));
        // The suspects near count for lowerings only, and so does their product.
        assert!(close(f[15], 0.0) && close(f[20], 0.0));
        let lowering = Sureness { in_run: true, nearby: 2, ..a_lowering() }.features();
        assert!(close(lowering[15], 3.0_f64.ln()) && close(lowering[20], 3.0_f64.ln()));
    }

    #[test]
    fn a_capital_taken_down_among_other_stray_capitals_is_surer_than_one_alone() {
        let alone = a_lowering();
        let among = |nearby| Sureness { nearby, ..alone };
        assert!(among(1).chance() > alone.chance() && among(3).chance() > among(1).chance());
        // Damage that lowers a name lowers it alone: a capital put in weighs its neighbours
        // not at all.
        let raise = |nearby| Sureness { change: Change::Raises, nearby, ..alone };
        assert!((raise(3).chance() - raise(0).chance()).abs() < f64::EPSILON);
    }

    #[test]
    fn suspects_count_those_near_them_in_their_paragraph_and_a_blank_line_parts_them() {
        // `Of`, two words after `crash`, stands in the next paragraph.
        count_near("It had some bugs Which Would Allow a crash.\n\nNone Of them was fixed.", [1, 2, 3, 1, 0]);
        // A paragraph wrapped inside the run reads as one line.
        count_near("It had some bugs Which Would\nAllow a crash.\n\nNone Of them was fixed.", [1, 2, 3, 1, 0]);
        // Wrapped before `None`, the paragraph holds `Of` too.
        count_near("It had some bugs Which Would Allow a crash.\nNone Of them was fixed.", [1, 2, 3, 2, 1]);
    }

    /// Asserts what [`nearby_suspects`] counts for the suspects of `text` of one sentence.
    fn count_near(text: &str, want: [u8; 5]) {
        let at = |index, word: &str, margin| {
            let from = text.find(word).unwrap_or_else(|| panic!("{word}"));
            let sureness = Sureness { margin, in_run: true, other_ways: 0, ..a_lowering() };
            Found { index, span: Span::new(from, from + word.len()), fixes: Fixes::new::<&str>(&[]), sureness }
        };
        // `Which Would Allow` side by side; `crash` three words on; `Of` across the line break.
        let found = [
            at(5, "Which", 100.0),
            at(6, "Would", 100.0),
            at(7, "Allow", 1.2),
            at(9, "crash", 100.0),
            at(11, "Of", 100.0),
        ];
        // `Allow` is counted by none (beaten by less than `SURE`), but counts the three others
        // near it: `crash` is two words from `Would` and three from `Which`.
        assert_eq!(nearby_suspects(text, &found), want, "{text:?}");
    }

    #[test]
    fn a_pair_is_two_words_inside_a_sentence_joined_by_a_space_or_a_line_break() {
        let text = "Rust Project\nDirectors met. The Board, and the Council.";
        let at = |word: &str, start: bool| {
            let from = text.find(word).unwrap_or_else(|| panic!("{word}"));
            Word { span: Span::new(from, from + word.len()), start, heading: false, in_run: false }
        };
        let pair = |a: Word, b: Word| pair_at(text, Some(a), b);
        assert_eq!(pair(at("Project", false), at("Directors", false)), Some(("Project", "Directors")));
        // A capital at a sentence start is the sentence's, not the writer's or the damage's.
        assert_eq!(pair(at("Rust", true), at("Project", false)), None);
        assert_eq!(pair(at("The", true), at("Board", false)), None);
        // A comma or a full stop parts two words.
        assert_eq!(pair(at("Board", false), at("and", false)), None);
        assert_eq!(pair(at("met", false), at("The", true)), None);
        assert_eq!(pair(at("the", false), at("Council", false)), Some(("the", "Council")));
    }

    #[test]
    fn a_run_is_a_name_by_its_odds_under_any_damage() {
        let damaged = Channel { raised: 0.15, lowered: 0.4, in_run: 0.6 };
        let uses = |caps, first, second, small| Uses { caps, first, second, small };
        // Four times in full and four with a word lowered: a name; three times in full beside
        // nine in small letters, where damage Capitalises in runs: two common words.
        assert!(damaged.name_odds(uses(4, 2, 2, 0)) > RECURRING_ODDS);
        assert!(damaged.name_odds(uses(3, 0, 0, 9)) < RECURRING_ODDS);
        // Once in full, and with one capital or the other at each of six uses: a name lowered
        // word by word. With one capital at three uses and in small letters at six: common
        // words.
        assert!(damaged.name_odds(uses(1, 3, 3, 0)) > RECURRING_ODDS);
        assert!(damaged.name_odds(uses(0, 2, 1, 6)) < RECURRING_ODDS);
        // The second word Capitalised at every use and the first seldom: a name after a common
        // word (`the Rust`), not a name of two words.
        assert!(damaged.name_odds(uses(1, 0, 8, 0)) < RECURRING_ODDS);
        // An estimate at either end says nothing sure either way.
        for ch in [
            Channel { raised: 1.0, lowered: 1.0, in_run: 1.0 },
            Channel { raised: 0.0, lowered: 0.0, in_run: 0.0 },
            Channel { raised: 0.005, lowered: 1.2, in_run: 0.0 },
        ] {
            for u in [uses(3, 0, 0, 0), uses(3, 1, 1, 10), uses(10, 0, 0, 3), uses(0, 2, 2, 0)] {
                assert!(ch.name_odds(u).is_finite(), "{ch:?} {u:?}");
            }
        }
    }

    #[test]
    fn a_clean_sentence_stays() {
        let clean = "The library reads the file and returns the lines it holds, in order, so that Rust \
                     programs on Linux and Windows can use them.";
        assert_eq!(fixed(clean), clean);
    }
}
