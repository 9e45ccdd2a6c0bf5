//! Real-word errors from the model: a right word in the wrong place (`you cold be`, `the
//! communication of developers`), found where the corpus has never seen the word beside its
//! neighbours but has seen a word one edit away, or of the same stem, there often.
//!
//! For a word in lower case beside a word on either side, not seen beside them by the corpus or
//! general English, every candidate (one edit away, or another ending of its stem: the model's
//! near list, made when the model is built, so a word costs one lookup) that the corpus has seen
//! beside each neighbour is scored as a bigram model would: how often the corpus writes it after
//! the word before, times how often before the word after, over how often it writes it at all,
//! each pair count smoothed by what chance alone would give it (a pair the model does not hold
//! by no more than its pruning lets through: [`UNSEEN_MOST`]). Whether the best candidate is a
//! suspect, and whether `fix` takes it, is a chance fitted on data ([`Slip`]) over how far it
//! beats the word as written, the kind of slip it would be, how much evidence it stands on, how
//! often clean prose writes it between the word's two neighbours (the model's triples, which
//! also rank the candidates, as do the article's own uses of each: [`RIVALS`]), and the
//! article's odds of a slip: the more of its words are
//! misspelt, the likelier its odd real words are slips too ([`Finder::finish`]). A text of a sentence or two, shorter than any the
//! chance was fitted on, keeps the rule it replaced: the candidate must beat the word by more
//! than the odds against a slip ([`SLIP`]).
//!
//! Three cases weigh less evidence:
//! - A side general English writes (`talk was`) and the corpus has not seen says nothing for or
//!   against the word or any candidate: the corpus is documentation, and misses much of prose
//!   (`The best talk was about` is no `best task`).
//! - A word with a neighbour on one side only (before a full stop, after a bracket) is weighed
//!   on that side: its fix must win by [`ONE_SIDE`] more, and never by changing the ending alone,
//!   which grammar decides from both sides.
//! - A word general English knows but the corpus never wrote (`the chill items`) has no near
//!   list: its candidates are the words of general English one edit away that the corpus writes
//!   often, and its own chance beside each neighbour is how often the corpus writes that
//!   neighbour at all, since it has no counts of its own to smooth.
//!
//! And three widen it:
//! - A word seen beside none of its neighbours may be another put in for the one it starts like,
//!   as an autocorrector does (`an integument that counts` -> `integer`): the words that start
//!   alike over half their length ([`starts_alike`]) are candidates too, at [`ALIKE`] of a
//!   slip's odds.
//! - A neighbour no one writes (a misspelling) says nothing: that side is weighed as absent.
//! - A word out of place beside both its neighbours may give way to a candidate seen beside one
//!   of them only, often, the other being a word the corpus writes (`how to reptilian
//!   vulnerabilities` -> `report`: the pruning dropped `report vulnerabilities`), if it wins by
//!   [`ONE_SIDE`] more. (Until the twenty-fifth session only a word the corpus never wrote; the
//!   fitted chance weighs such a candidate of a word it writes on its own, [`Slip::features`].)

use crate::check::{Watch, confidence, suggest};
use crate::fasthash::FastMap;
use crate::lexicon::Lexicon;
use crate::lexicon::model::{Model, PairMemo};
use crate::lexicon::triples::Triples;
use crate::span::{self, Span};
use crate::suspect::{Kind, Lists, Suspect};

/// The most words [`crowd`] counts.
const CROWD_MOST: usize = 1_000;

/// The chance that a word of an article is a slip for one particular other word, in an article
/// misspelt at [`REFERENCE`].
const SLIP: f64 = 0.002;
/// The misspellings per word at which a slip's chance is [`SLIP`]. Slips that make another word
/// come with those that make none, at a rate of their own (a quarter to two fifths of all
/// slips, in the studies Kukich 1992 surveys): an article's misspellings say how likely its real
/// words are slips too.
const REFERENCE: f64 = 0.01;
/// Words of an article misspelt at [`REFERENCE`] that the estimate starts from: a short text
/// says little of its own damage. Set on the tune parts with [`SURE`]: at 1,000, more than most
/// articles hold, an article's own misspellings hardly moved the odds. From 1,000 to 100 (and
/// `SURE` from 1.5 to 1.8), the clean halves drew 12, 3 and 32 fewer flags (registry, READMEs,
/// articles), 1.2, 0.7 and 1.4 points more real-word errors were flagged and 0.6, 1.0 and 0.5
/// more fixed, and fix changed one right word more, none and ten more.
const PRIOR_WORDS: f64 = 100.0;
/// How much less likely a slip is that only changes a word's ending (`clones` for `clone`). Set
/// on the tune parts with the 47 M-word model: from 0.1 to 0.3 it fixed 1.0 and 0.3 points more
/// of the real-word errors for 1 more right word changed and 1 more clean flag. 0.5 fixed 0.4
/// and 1.3 points more again, but took `git clones it` for `git clone it`.
const INFLECTION: f64 = 0.3;
/// The least count of a pair, seen or not.
const UNSEEN: f64 = 0.1;
/// After this many words weighed, a text where fewer than half stand beside a neighbour seen
/// with them is no prose the model knows.
const PROSE_SAMPLE: usize = 2_000;
/// The most an unseen pair may have been written: the model leaves out pairs written fewer
/// than three times (`MIN_PAIR` in scripts/build-model.py). Set on the tune parts: from no
/// bound to 2, 1.7, 1.6 and 0.7 points more real-word errors were flagged (registry, READMEs,
/// articles) and 0.6, 0.9 and 0.2 more fixed, for 1, 1 and 3 more right words changed and 5 more
/// flags on the articles' clean halves; 1 flagged 0.3 more again for 4, 1 and 16 more changed.
const UNSEEN_MOST: f64 = 2.0;
/// How much of what chance alone gives a pair is added to its count.
const SMOOTH: f64 = 0.5;
/// In a text shorter than [`FITTED_FROM`], a suspect is confident when the candidate wins by
/// this much more (and by [`ONE_SIDE`] more again with one neighbour). A confident fix must be
/// likelier right than wrong, as a misspelling's is. Set on both tune parts (the READMEs and the
/// registry texts) with the 52 M-word model: from 2 to 1.5 the fixes taken were right 20 times
/// and wrong 4; from 1.5 to 1.2, right 15 times and wrong 7, too many right words changed for
/// what they mend. Raised to 1.8 with
/// [`PRIOR_WORDS`], which makes a damaged article's slips likelier and a clean one's less so (2
/// took 4 fewer right words on the articles' tune part for 8 fewer fixes).
const SURE: f64 = 1.8;
/// How much more a fix must win by when the word has a neighbour on one side only. Set on the
/// tune part.
const ONE_SIDE: f64 = 3.0;
/// How many of a word's candidates are kept, best first, until the article's uses of each are
/// counted ([`Finder::count_uses`]); then each is ranked by them too, as many more than the
/// corpus would give an article as long, at the weight the chance gives the best one's uses: an
/// article about the trait system means `the trait solver` by `the trawl solver`, though pairs
/// alone prefer `crawl`, one edit nearer (the spelling stage's cache does the same for
/// misspellings; a word of [`crate::check::cache::SHORT`] letters or fewer is not ranked so).
/// On the tune parts, from one to three the real-word fixes rose by 0.5, 0.6 and 0.5 points on
/// the registry texts, the Rust blog and the other blogs, and fell by 0.7 (two errors) on the
/// READMEs, for 2 more right words changed on the Rust blog; six kept made no more difference.
const RIVALS: usize = 3;
/// How much less likely a word put in for one it only starts like is than a slip: there are
/// many more such words. Set on the tune part.
const ALIKE: f64 = 0.1;
/// The candidates of a word the corpus never wrote are the words of general English one edit
/// away that the corpus writes this often (the model's near lists take the same).
const NEAR_COUNT: u64 = 20;
/// How often the corpus must write a candidate between the neighbours of a word it has seen
/// beside each of them but never between the two.
const GAP_LEAST: u32 = 5;
/// ... and which it writes beside one of its neighbours fewer times than this: a word written
/// often beside both stands where prose puts it, and the three are seldom a slip. Set on the
/// tune parts against the cost: at 100 the real-word stage took 27% more instructions on 1.8 MB
/// of documentation for 0.1 to 0.3 points more of the real-word errors flagged; at 20, 17%.
const GAP_PAIR: u64 = 20;

/// A word the article writes this often, in small letters, is its own, not a slip for another
/// (`maint`). An unknown word written so is flagged, but `fix` leaves it (`epage`, a handle, is
/// not `page`): on the tune parts that took 4 and 5 fewer right words of the registry texts and
/// the articles, and no fix.
pub(crate) const OWN_WORD: u32 = 3;

/// The fewest words of a text whose real words are judged by [`Slip::chance`]: the shortest
/// text it was fitted on. A sentence or two says little of its own damage, and keeps the rule
/// the chance replaces (a slip's odds against the word's, [`SURE`] of them to be taken).
const FITTED_FROM: usize = 150;

/// What decides whether a word weighed is a suspect, and whether `fix` takes its candidate:
/// the chance that the candidate is the word the article meant, by a logistic model over the
/// bigram scores and what weighs on a slip. Fitted on data, not set by hand: `cargo run
/// --release --example realword_data -- DIR/tune` writes one row per word weighed in the tune
/// part of a set of evaluation pairs (labelled by whether the original is the candidate or the
/// word as written), and `scripts/fit-confidence.py` fits [`Slip::WEIGHTS`] to the rows of the
/// three tune parts. The report parts and the development articles are never fitted on.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Slip {
    /// How many times likelier the best candidate is than the word as written between its
    /// neighbours, by the corpus's pairs (before any odds of a slip).
    pub ratio: f64,
    /// What the candidate is to the word.
    pub shape: Shape,
    /// The article's chance of a slip for one particular other word ([`Finder::slip`]).
    pub slip: f64,
    /// The candidate was seen beside one neighbour of two.
    pub half: bool,
    /// The word has a neighbour on one side only.
    pub one_side: bool,
    /// How many other times the article writes the word (in small letters).
    pub others: u32,
    /// How many times the article writes the candidate (none counted for a short one).
    pub fix_uses: u32,
    /// How often the corpus writes the word.
    pub here: u64,
    /// How often the corpus writes the candidate between the word's two neighbours (0 with one
    /// neighbour): what the pairs cannot say (`is now a` and `is not a` are both made of pairs
    /// it knows).
    pub triple: u32,
    /// The word is seen beside each neighbour but never between the two, where the candidate is.
    pub gap: bool,
    /// For a candidate the word only starts like, how many other words start as the candidate
    /// does ([`crowd`]): the more a word could be taken for, the less likely any one of them.
    pub crowd: u32,
}

/// What a candidate is to the word it may stand for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    /// One edit away (`cold` for `could`).
    Edit,
    /// Another ending of its stem (`clones` for `clone`).
    Ending,
    /// A longer or shorter word it starts like (`integument` for `integer`).
    Alike,
}

impl Shape {
    /// What `cand` is to `word`, where `alike` marks a candidate found as one that starts alike.
    fn of(word: &str, cand: &str, alike: bool) -> Self {
        if crate::lexicon::is_inflection(word, cand) {
            Self::Ending
        } else if alike {
            Self::Alike
        } else {
            Self::Edit
        }
    }

    /// How likely a slip of this shape is against a plain one: how a word's candidates are
    /// ranked against each other.
    const fn odds(self) -> f64 {
        match self {
            Self::Edit => 1.0,
            Self::Ending => INFLECTION,
            Self::Alike => ALIKE,
        }
    }
}

impl Slip {
    /// The number of features, the constant first.
    pub const FEATURES: usize = 17;
    /// The fitted weights, in the order of [`Slip::features`] (`scripts/fit-confidence.py` with
    /// shrinkage 0.001 on the four tune parts' 10,204 words weighed that the article writes
    /// fewer than [`OWN_WORD`] times: 2,252 slips whose best candidate is the original, and
    /// 7,952 right words, about a third of those in the clean halves). What the fit found: the
    /// article's odds of a slip weigh twice what the rule gave them; a word the article writes
    /// twice is meant far more often, and a candidate it writes is meant more often; a rare word
    /// is a slip more often than its pairs alone say, and a common one less (`them` for `the`);
    /// another ending of its stem is a slip about as often as a word an edit away. The
    /// candidate's triple with the word's neighbours weighs more than its pairs: at one chance in
    /// three, the rows kept 1,386 slips for 326 right words with it, 1,362 for 346 without. Since
    /// a word the corpus writes may give way to a candidate seen beside one neighbour when it is
    /// seen beside neither, such a half fit is a slip more often than the rest, not less: the
    /// damage puts a real word where neither neighbour wants it. A word seen beside each
    /// neighbour but never between the two, where a near word is written five times or more
    /// (the twelfth feature), is a slip less often than one out of place beside a neighbour.
    ///
    /// The thirteenth feature, added in the thirty-second session, is how many words start as a
    /// candidate the word only starts like does ([`crowd`]): of the rows of such candidates,
    /// 54% were slips where fewer than 5 words start so, 25% at 5 to 19, 8% at 20 to 59 and 6%
    /// above (`forgive` is seldom put in for `for`, which a hundred words start like). With it,
    /// such a candidate is no longer a slip less often than one an edit away as such, and the
    /// crowd ranks a word's candidates too. Against the same fit without it, at one chance in
    /// two the rows kept 1,755 slips for 255 right words, where they kept 1,702 for 250.
    ///
    /// Since the thirty-fourth session the article's uses of each candidate rank them too
    /// ([`RIVALS`]), and 61 more of the slips weighed have the original as their best candidate
    /// (10,269 rows). Refitted to those, no weight moved by more than 0.03, and at one chance in
    /// two the rows kept 1,781 slips for 258 right words, against 1,778 for 256 with these; an
    /// earlier refit also took `forgive` for `for` in a misspelt article: these stand.
    ///
    /// The last four, added in the fifty-second session, are products of the features before
    /// them, chosen one at a time as the product that told slips from right words best in
    /// five-fold fits grouped by article: the square of the article's uses of the candidate,
    /// how far it wins times how common the word is, the square of how far it wins, and the
    /// candidate's uses times how common the word is. What they say: a candidate the article
    /// writes once or twice says much, and more of a rare word than of a common one, where it
    /// says little of `the` for `them`; how far the pairs prefer a candidate says more of a
    /// common word, whose pairs are many. On the held-out folds, at the slips the earlier
    /// weights took at one chance in two (1,727 of 10,264 rows), right words taken fell from
    /// 253 to 185; on all the rows at one chance in two, 1,735 slips for 215 right words,
    /// against 1,693 for 225. The weights that rank a word's candidates stay the earlier fit's
    /// ([`Slip::RANKING`]), so the rows, which are the best candidate's, are the same.
    ///
    /// So fitted, they took `forgive` for `for` in a misspelt article (`If you'll forgive a
    /// terrible pun`): the article's many uses of `for` spoke for it. The uses of a candidate of
    /// [`crate::check::cache::SHORT`] letters or fewer are now counted as none, as the ranking
    /// counts them ([`Finder::finish`]). Refitted to the rows so made, the held-out folds took
    /// 171 right words at the same slips (184 without the products), but the square of the
    /// uses fell to -0.087 and the chance grew with them far past what the
    /// articles it was fitted on hold: the four sets' pairs joined into 64 KB sections changed
    /// 0.4 and 0.5 more right words per 1,000 (tune, report). These weights, whose square keeps
    /// the uses' weight falling, were kept.
    ///
    /// Refitted in the sixty-ninth session on the rows of long texts too, as the casing model's
    /// sureness was in the sixty-second ([`crate::check::Sureness`]): the four tune parts' pairs
    /// one by one and joined sixteen at a time (`realword_data --joined=16`; 17,749 rows: 3,969
    /// slips, 13,780 right words). Fitted on single articles alone, the weights read long texts
    /// less surely. With their rows, the article's uses of a candidate fall off less as they
    /// grow (-0.139 on their square, from -0.406; -0.593 times the word's commonness, from
    /// -1.12), and the constant, the article's odds of a slip and the word's commonness weigh
    /// less. On the four tune parts at the same cut, `fix` corrected 57 fewer errors of the
    /// texts one by one for 38 fewer right words changed, and of the texts joined as one 70 more
    /// for 12 fewer (real-word errors fixed 36.7%, from 35.2%); the clean halves drew 1 more
    /// flag. A cut of 0.45 took 45 and 22 more fixes for 29 and 55 more right words. Candidates
    /// that start like the word for a word out of place on one side only (not both) added 1 and
    /// 6 fixes for 7 fewer and 13 more right words and 3 more flags on the clean halves: left
    /// out. A feature of how often the article writes the candidate beside the word's own
    /// neighbours (slips 26% of the rows that have one, right words 4%) took, held out, 6 fewer
    /// right words at the same fixes: left out, being mostly what the candidate's uses say
    /// already.
    const WEIGHTS: [f64; Self::FEATURES] = [
        7.64, 0.16, -0.105, 0.408, 1.79, 0.731, -0.136, -1.81, 1.54, -2.06, 0.374, -0.584, -0.696, -0.139, 0.158,
        0.0144, -0.593,
    ];

    /// The weights that rank a word's candidates against each other: the weights the fit
    /// without products gave the log of how far the candidate wins, the log of its triple
    /// count, the log of its crowd, and the log of its uses in the article (the rest are the
    /// word's and the article's, the same for each candidate).
    const RANKING: [f64; 4] = [0.368, 0.496, -0.661, 0.471];

    /// The features the weights multiply: mostly logs, so that each weighs a ratio.
    #[must_use]
    pub fn features(&self) -> [f64; Self::FEATURES] {
        let bit = |b: bool| f64::from(u8::from(b));
        let (ratio, uses) = (self.ratio.ln(), f64::from(self.fix_uses).ln_1p());
        #[allow(clippy::cast_precision_loss)] // a count of uses, far below 2^52
        let here = (self.here as f64).ln_1p() / 10.0;
        [
            1.0,
            ratio,
            bit(self.shape == Shape::Ending),
            bit(self.shape == Shape::Alike),
            self.slip.ln(),
            bit(self.half),
            bit(self.one_side),
            f64::from(self.others).ln_1p(),
            uses,
            here,
            f64::from(self.triple).ln_1p(),
            bit(self.gap),
            f64::from(self.crowd).ln_1p(),
            uses * uses,
            ratio * here,
            ratio * ratio,
            uses * here,
        ]
    }

    /// The chance that the candidate is the word the article meant.
    #[must_use]
    pub fn chance(&self) -> f64 {
        confidence::chance_of(confidence::log_odds(&self.features(), &Self::WEIGHTS))
    }

    /// A word weighed is a suspect where the chance is at least this: one flag in four, or
    /// more, is a slip. Against the rule on the tune parts, one chance in three flagged 5.6, 5.8
    /// and 5.1 points more of the real-word errors (registry, READMEs, articles) with 8, 4 and 46
    /// fewer flags in the clean halves. Lowered to a quarter with [`Slip::crowd`]: on the four
    /// tune parts 3.0, 2.9, 2.7 and 3.1 points more of the real-word errors were flagged
    /// (registry, READMEs, Rust blog, other blogs), for 0, 2, 5 and 1 more flags in the clean
    /// halves; a fifth flagged 1.6 to 2.6 points more again for 9 more flags, and the casing
    /// suspects it displaced cost 0.1 point of the fixes.
    pub const ASKED: f64 = 0.25;

    /// `fix` takes a candidate whose chance is at least this: it corrects more often than it
    /// breaks. Against the rule's [`SURE`] on the tune parts, 3.8, 3.5 and 2.8 points more of
    /// the real-word errors were fixed, for 12, 5 and 28 more right words changed, and `fix`
    /// took 6, 4 and 28 fewer flags in the clean halves.
    pub const LIKELY: f64 = 0.5;
}

/// Finds the real-word suspects among the words in lower case it is shown, a batch at a time.
/// What it weighs needs nothing of the other stages, so it can run beside them; the article's
/// odds of a slip, known once its misspellings are, decide at [`Finder::finish`] which of the
/// words weighed are suspects.
pub struct Finder<'t> {
    text: &'t str,
    model: &'t Model,
    lexicon: &'t Lexicon,
    pairs: PairMemo<'t>,
    /// Words in the corpus.
    n: f64,
    /// The words whose best candidate may beat them, depending on the odds of a slip: each with
    /// its best [`RIVALS`] candidates, best first, side by side.
    weighed_words: Vec<Weighed>,
    /// Words weighed so far, and how many of them the corpus or general English had seen beside
    /// a neighbour.
    weighed: usize,
    seen: usize,
    /// The candidates of each never-written word, found once: at most one entry for each word
    /// of the lexicon's frequency list, however often the text repeats them.
    never_written: FastMap<&'t str, Vec<&'static str>>,
    /// The words weighed and their candidates, in order, and how often the article writes each
    /// ([`Finder::count_uses`]).
    uses: (Vec<&'t str>, Vec<u32>),
    /// [`GAP_PAIR`] in the model's corpus.
    gap_pair: u64,
    /// Room for the keys of the pairs a word's candidates stand in ([`Finder::fits`]).
    keys: Vec<u64>,
    /// Room for the counts of the triples a word's candidates stand in.
    counts: Vec<u32>,
}

impl<'t> Finder<'t> {
    /// A finder over `text`, whose words general English knows are those of `lexicon`.
    #[must_use]
    pub fn new(text: &'t str, model: &'t Model, lexicon: &'t Lexicon) -> Self {
        #[allow(clippy::cast_precision_loss)] // a count of words
        let n = model.size().0.max(1) as f64;
        Self {
            text,
            model,
            lexicon,
            pairs: PairMemo::for_text(model, text.len()),
            n,
            weighed_words: Vec::new(),
            weighed: 0,
            seen: 0,
            never_written: FastMap::default(),
            uses: (Vec::new(), Vec::new()),
            gap_pair: model.uses(GAP_PAIR),
            keys: Vec::new(),
            counts: Vec::new(),
        }
    }

    /// The chance that a word of an article is a slip for one particular other word, from the
    /// article's own damage: `misspelt` of its `words` words are misspellings.
    fn slip(misspelt: usize, words: usize) -> f64 {
        #[allow(clippy::cast_precision_loss)] // counts of words
        let rate = (misspelt as f64 + REFERENCE * PRIOR_WORDS) / (words as f64 + PRIOR_WORDS);
        SLIP * rate / REFERENCE
    }

    /// The suspects among the words weighed, in text order, for an article of `words` words of
    /// which `misspelt` are misspellings: the more misspelt, the likelier its odd real words
    /// are slips too. When `record`, also every word weighed with its best candidate and what
    /// its chance was made of (the rows [`Slip::WEIGHTS`] are fitted to).
    #[must_use]
    pub fn finish(
        self,
        (misspelt, words): (usize, usize),
        lists: &mut Lists,
        record: bool,
    ) -> (Vec<Suspect>, Vec<(Span, String, Slip)>) {
        let slip = Self::slip(misspelt, words);
        let mut out = Vec::new();
        let mut readings = Vec::new();
        let (text, (counted, counts)) = (self.text, &self.uses);
        let used = |word: &str| counted.binary_search(&word).map_or(0, |i| counts[i]);
        let (fix_uses, n) = (Slip::RANKING[3], self.n);
        // A short word is common, and how often one article writes it says little of it (`for`
        // before `forgive`), as the spelling stage's cache holds: neither the ranking nor the
        // chance counts its uses.
        let says_much = |fix: &str| fix.len() > crate::check::cache::SHORT;
        // The article's uses of each candidate rank them too, now that they are counted: as many
        // more than the corpus would give an article this long (`the` is written everywhere, and
        // says nothing).
        #[allow(clippy::cast_precision_loss)] // counts
        let boost = |w: &Weighed| {
            if says_much(w.fix) {
                f64::from(used(w.fix)).ln_1p() - (words as f64 * w.count as f64 / n).ln_1p()
            } else {
                0.0
            }
        };
        let rank = |w: &Weighed| w.preference() + fix_uses * boost(w);
        let mut rest = self.weighed_words.as_slice();
        while let Some(first) = rest.first() {
            let (rivals, after) = rest.split_at(rest.iter().take_while(|w| w.span == first.span).count());
            rest = after;
            // Best first; of two alike, the first found. The others are offered after it.
            let mut ranked: smallvec::SmallVec<[(&Weighed, f64); RIVALS]> =
                rivals.iter().map(|w| (w, rank(w))).collect();
            ranked.sort_by(|a, b| b.1.total_cmp(&a.1));
            let w = ranked[0].0;
            let written_here = used(w.span.slice(text));
            // A word the article writes this often is its own, whatever it is near: no suspect,
            // and no row for the chance, which decides the others.
            if written_here >= OWN_WORD {
                continue;
            }
            let reading = Slip {
                ratio: w.best / w.written,
                shape: w.shape,
                slip,
                half: w.half,
                one_side: w.margin > 1.0,
                others: written_here.saturating_sub(1),
                fix_uses: if says_much(w.fix) { used(w.fix) } else { 0 },
                here: w.here,
                triple: w.triple,
                gap: w.gap,
                crowd: w.crowd,
            };
            if record {
                readings.push((w.span, w.fix.to_string(), reading));
            }
            let (flag, sure) = if words >= FITTED_FROM {
                let chance = reading.chance();
                (chance >= Slip::ASKED, chance >= Slip::LIKELY)
            } else {
                // A sentence or two: the rule the chance was fitted to replace. One side is half
                // the evidence: its fix must win by that much more again to be taken.
                let written = w.written * (1.0 - slip) * w.margin;
                let s = w.best * (slip * w.shape.odds()) / if w.half { ONE_SIDE } else { 1.0 };
                (s > written, s >= written * SURE * w.margin)
            };
            if flag {
                let fixes: smallvec::SmallVec<[&str; RIVALS]> = ranked.iter().map(|r| r.0.fix).collect();
                out.push(Suspect { confident: sure, ..Suspect::new(w.span, Kind::WordChoice, lists.of(&fixes)) });
            }
        }
        (out, readings)
    }

    /// The words `word` (written `here` times by the corpus, with the near list `listed`) may
    /// stand for, each marked whether it only starts alike: its near list or, for a word the
    /// corpus never wrote, the words one edit away that it writes often (found once per word);
    /// and when `alike`, the words that start like it (a binary search each time: kept per
    /// word, they cost more memory than they save time).
    fn candidates(
        &mut self,
        word: &'t str,
        here: u64,
        listed: impl Iterator<Item = &'static str>,
        alike: bool,
    ) -> Vec<(&'static str, bool)> {
        let (model, lexicon) = (self.model, self.lexicon);
        let mut out: Vec<(&'static str, bool)> = if here == 0 {
            let near = self.never_written.entry(word).or_insert_with(|| {
                suggest::words_near(lexicon, word, 0.0)
                    .into_iter()
                    .filter_map(|(w, _)| {
                        model.forms(&w).next().filter(|f| f.text == w && model.count(&w) >= model.uses(NEAR_COUNT))
                    })
                    .map(|f| f.text)
                    .collect()
            });
            near.iter().map(|&w| (w, false)).collect()
        } else {
            listed.map(|w| (w, false)).collect()
        };
        if alike {
            let near = out.len();
            for w in starts_alike(word) {
                if !out[..near].iter().any(|(n, _)| *n == w) {
                    out.push((w, true));
                }
            }
        }
        out
    }

    /// Keeps the candidates the corpus writes between `prev` and `next` [`GAP_LEAST`] times or
    /// more, their triples looked up all at once.
    fn written_between(&mut self, candidates: &mut Vec<(&'static str, bool)>, (prev, next): (&str, &str)) {
        let counts = &mut self.counts;
        Triples::builtin().counts(prev, candidates.iter().map(|c| c.0), next, counts);
        let mut kept = counts.iter().map(|&n| n >= GAP_LEAST);
        candidates.retain(|_| kept.next().unwrap_or(false));
    }

    /// The candidates the corpus has seen beside each neighbour (most words have none): each
    /// with its count, its pairs, whether it only starts alike, and whether it was seen beside
    /// one neighbour of two only. That is enough for a word the corpus never wrote beside either
    /// (`nowhere`): `how to reptilian vulnerabilities` gives way to `report`, though `report
    /// vulnerabilities` is rarer than the pruning keeps, as half the evidence, so that fix must
    /// win by [`ONE_SIDE`] more. The pair it is seen in must be written [`NEAR_COUNT`] times or
    /// more (`less trundled along` is no `less true`), and the other neighbour must be a word
    /// the corpus writes, or its side says nothing of either (`The sectarian violence`).
    fn fits(
        &mut self,
        candidates: Vec<(&'static str, bool)>,
        (prev, next): (Option<&str>, Option<&str>),
        nowhere: bool,
    ) -> Vec<(&'static str, u64, u32, u32, bool, bool)> {
        let (model, pairs) = (self.model, &mut self.pairs);
        let corpus_word = |w: &str| model.count(w) >= model.uses(NEAR_COUNT);
        let strong = model.uses(NEAR_COUNT);
        // Each candidate's pair with the neighbour before (and the one after, when every
        // candidate needs that too), looked up all at once: the reads from memory overlap.
        let keys = &mut self.keys;
        keys.clear();
        if let Some(p) = prev {
            let after = PairMemo::keys_after(p);
            keys.extend(candidates.iter().map(|&(cand, _)| after(cand)));
        }
        let lefts = keys.len();
        if let Some(x) = next.filter(|_| nowhere || prev.is_none()) {
            keys.extend(candidates.iter().map(|&(cand, _)| PairMemo::before_key(cand, x)));
        }
        pairs.expect(keys);
        let keys = &*keys;
        candidates
            .into_iter()
            .enumerate()
            .filter_map(|(i, (cand, alike))| {
                if repeats_a_neighbour(cand, (prev, next)) {
                    return None;
                }
                let l = if prev.is_some() { pairs.count(keys[i]) } else { 0 };
                if prev.is_some() && l == 0 && !nowhere {
                    return None; // most candidates: no second lookup
                }
                let r = match keys.get(lefts + i) {
                    Some(&key) => pairs.count(key),
                    None => next.map_or(0, |x| pairs.before(cand, x)),
                };
                let both = (prev.is_none() || l > 0) && (next.is_none() || r > 0);
                let half = nowhere
                    && ((u64::from(l) >= strong && next.is_some_and(corpus_word))
                        || (u64::from(r) >= strong && prev.is_some_and(corpus_word)));
                (both || half).then(|| (cand, model.count(cand), l, r, alike, !both))
            })
            .collect()
    }

    /// Counts how often the article writes each word weighed and its best candidate in small
    /// letters, from `each_lower`, which calls its argument with every word in small letters:
    /// once every word is weighed. One pass, which looks up only the words that may be watched.
    pub fn count_uses(&mut self, each_lower: impl FnOnce(&mut dyn FnMut(Span))) {
        let text = self.text;
        let mut words: Vec<&'t str> = self.weighed_words.iter().flat_map(|w| [w.span.slice(text), w.fix]).collect();
        words.sort_unstable();
        words.dedup();
        if words.is_empty() {
            return;
        }
        let watch = Watch::of(&words);
        let mut counts = vec![0u32; words.len()];
        each_lower(&mut |span: Span| {
            if watch.may_hold(text, span)
                && let Some(i) = watch.get(text, span)
            {
                counts[i] += 1;
            }
        });
        self.uses = (words, counts);
    }

    /// How many words [`Finder::visit_all`] looks up at once.
    pub const BATCH: usize = 64;

    /// Judges the words in lower case at `spans`, in order: the pairs they stand in are looked
    /// up a batch at a time, whose reads from memory overlap.
    pub fn visit_all(&mut self, spans: &[Span]) {
        let text = self.text;
        let mut batch: Vec<Place<'t>> = Vec::with_capacity(Self::BATCH);
        let mut keys: Vec<u64> = Vec::with_capacity(2 * Self::BATCH);
        for chunk in spans.chunks(Self::BATCH) {
            if self.done() {
                return;
            }
            batch.clear();
            batch.extend(chunk.iter().filter(|&&span| Self::may_weigh(span.slice(text))).filter_map(|&span| {
                let (prev, next) = crate::token::neighbours(text, span);
                let word = span.slice(text);
                let keys = (prev.map(|p| PairMemo::after_key(p, word)), next.map(|x| PairMemo::before_key(word, x)));
                (prev.is_some() || next.is_some()).then_some(Place { span, beside: (prev, next), keys })
            }));
            keys.clear();
            keys.extend(batch.iter().flat_map(|p| [p.keys.0, p.keys.1]).flatten());
            self.pairs.expect(&keys);
            for place in &batch {
                self.weigh(place);
            }
        }
    }

    /// Words of three letters or more, all small ASCII letters, are weighed.
    fn may_weigh(word: &str) -> bool {
        word.len() >= 3 && word.bytes().all(|c| c.is_ascii_lowercase())
    }

    /// In a text whose words mostly stand where prose never puts them (a list of words, a text
    /// in no language the corpus knows), an unseen pair is no evidence: no more is weighed.
    const fn done(&self) -> bool {
        self.weighed >= PROSE_SAMPLE && self.seen * 2 < self.weighed
    }

    /// Judges the word at `place`, which [`Finder::may_weigh`], between its neighbours, of which
    /// it has one at least.
    fn weigh(&mut self, place: &Place<'_>) {
        let Place { span, beside: (prev, next), keys } = *place;
        let (text, model) = (self.text, self.model);
        let word = span.slice(text);
        if in_compound(text, span) || self.lexicon.is_personal(word) || self.done() {
            return;
        }
        self.weighed += 1;
        // Seen beside a neighbour by general English (the corpus is documentation: `the talk
        // was`) or by the corpus. A side with no neighbour says nothing.
        let pairs = &mut self.pairs;
        let (wl, wr) = (keys.0.map_or(0, |k| pairs.count(k)), keys.1.map_or(0, |k| pairs.count(k)));
        let left = prev.map(|p| wl > 0 || crate::lexicon::bigram(p, word) > 0);
        let right = next.map(|x| wr > 0 || crate::lexicon::bigram(word, x) > 0);
        if left == Some(true) || right == Some(true) {
            self.seen += 1;
        }
        // Seen beside each neighbour, but never between the two: a word near it that the corpus
        // writes there may be meant (`in ordered to`).
        let gap = left == Some(true)
            && right == Some(true)
            && wl > 0
            && wr > 0
            && u64::from(wl.min(wr)) < self.gap_pair
            && prev.zip(next).is_some_and(|(p, x)| Triples::builtin().count(p, word, x) == 0);
        if left != Some(false) && right != Some(false) && !gap {
            return;
        }
        // A side general English has seen and the corpus has not (`the best talk was`: the corpus
        // is documentation) says nothing for or against the word: it is weighed as the same for
        // the word and each candidate.
        let neutral = (left == Some(true) && wl == 0, right == Some(true) && wr == 0);
        // A neighbour no one writes (a misspelling: `sme earnings`) says nothing of the word:
        // that side is weighed as if it had none.
        let lexicon = self.lexicon;
        let unwritten = |w: &str| model.count(w) == 0 && lexicon.frequency(w) == 0.0;
        let (prev, left) = if left == Some(false) && prev.is_some_and(unwritten) { (None, None) } else { (prev, left) };
        let (next, right) =
            if right == Some(false) && next.is_some_and(unwritten) { (None, None) } else { (next, right) };
        if left != Some(false) && right != Some(false) && !gap {
            return;
        }
        // A name only the tech vocabulary writes in lower case (`thiserror`) is meant.
        if lexicon.is_tech_only(word) {
            return;
        }
        let (here, listed) = model.count_and_near(word);
        // A word general English does not know is a misspelling or a term (`xid`, which clean
        // prose writes beside `id`): the spelling stage's, not this one's.
        if lexicon.frequency(word) == 0.0 {
            return;
        }
        // A word out of place on every side it has may be a longer or shorter word put in for
        // the one it starts like (`the next sectarian`).
        let alike = left != Some(true) && right != Some(true);
        let mut candidates = self.candidates(word, here, listed, alike);
        // Where the word stands in pairs it knows, only a candidate the corpus writes between
        // the same neighbours may be meant: that is looked up first, and most have none.
        if gap && let (Some(p), Some(x)) = (prev, next) {
            self.written_between(&mut candidates, (p, x));
            if candidates.is_empty() {
                return;
            }
        }
        // Out of place beside both neighbours: a candidate seen beside one of them may do.
        let nowhere = left == Some(false) && right == Some(false);
        let fits = self.fits(candidates, (prev, next), nowhere);
        if fits.is_empty() {
            return;
        }
        #[allow(clippy::cast_precision_loss)] // counts
        let count = |w: Option<&str>| w.map_or(0.0, |w| model.count(w) as f64);
        let (cp, cn, n) = (count(prev), count(next), self.n);
        // The chance of the word between its neighbours, up to a factor all candidates share:
        // its count times its chance beside each (the side with no neighbour gives 1).
        #[allow(clippy::cast_precision_loss)] // counts
        let score = |c: u64, l: u32, r: u32| {
            let side = |present: bool, pair: u32, beside: f64| {
                if !present {
                    1.0
                } else if c == 0 {
                    // Never written, so never beside it: the neighbour's chance at large.
                    beside / n
                } else {
                    // An unseen pair counts as a tenth of a use at least: a corpus of
                    // documentation misses many a right pair, most of all beside rare words.
                    // A pair the model does not hold was written fewer times than its pruning
                    // keeps, however often chance alone would put the two words side by side
                    // (`can't be accept`, `may safety be`): that is evidence against it.
                    let c = c as f64;
                    let chance = SMOOTH * beside * c / n;
                    let chance = if pair == 0 { chance.min(UNSEEN_MOST) } else { chance };
                    (f64::from(pair) + chance).max(UNSEEN) / c
                }
            };
            // A word never written counts as half a use.
            (c as f64).max(0.5) * side(prev.is_some() && !neutral.0, l, cp) * side(next.is_some() && !neutral.1, r, cn)
        };
        let margin = if prev.is_some() && next.is_some() { 1.0 } else { ONE_SIDE };
        // The odds of a slip are the article's, known at the end, and the same for every
        // candidate but for how much likelier a kind of slip is than another: the best
        // candidate is the best whatever they are.
        let written = score(here, wl, wr);
        let from = self.weighed_words.len();
        for (cand, c, l, r, alike, half) in fits {
            // Grammar bends a word's ending far more often than a slip does (`git clones it`),
            // and which ending it wants one side cannot tell.
            if margin > 1.0 && same_stem(word, cand) {
                continue;
            }
            let shape = Shape::of(word, cand, alike);
            // How often clean prose writes the candidate between both neighbours.
            let triple = prev.zip(next).map_or(0, |(p, x)| Triples::builtin().count(p, cand, x));
            let this = Weighed {
                span,
                fix: cand,
                written,
                margin,
                best: score(c, l, r),
                shape,
                half,
                here,
                count: c,
                triple,
                gap,
                crowd: if shape == Shape::Alike { crowd(cand) } else { 0 },
            };
            self.weighed_words.push(this);
        }
        // Best first; of two alike, the first found.
        self.weighed_words[from..].sort_by(|a, b| b.preference().total_cmp(&a.preference()));
        self.weighed_words.truncate(from + RIVALS);
    }
}

/// A word weighed and its best candidate, with what decides between them once the article's odds
/// of a slip are known.
struct Weighed {
    span: Span,
    fix: &'static str,
    /// The chance of the word as written between its neighbours, up to a factor all candidates
    /// share, and how much more a candidate must win by with one neighbour only.
    written: f64,
    margin: f64,
    /// The same chance of the best candidate, what it is to the word, and whether it was seen
    /// beside one neighbour of two.
    best: f64,
    shape: Shape,
    half: bool,
    /// How often the corpus writes the word, and the candidate.
    here: u64,
    count: u64,
    /// How often the corpus writes the candidate between the word's neighbours.
    triple: u32,
    /// Seen beside each neighbour, never between them.
    gap: bool,
    /// How many words start as the candidate does, when the word only starts like it.
    crowd: u32,
}

impl Weighed {
    /// How the candidate compares with the word as written, whatever the odds of a slip.
    fn against_written(&self) -> f64 {
        self.best * self.shape.odds() / if self.half { ONE_SIDE } else { 1.0 }
    }

    /// How a word's candidates are ranked ([`Slip::RANKING`]): their pairs, their triple with
    /// the word's neighbours and their crowd (the article's uses of each are counted later).
    fn preference(&self) -> f64 {
        let w = &Slip::RANKING;
        w[0] * self.against_written().ln()
            + w[1] * f64::from(self.triple).ln_1p()
            + w[2] * f64::from(self.crowd).ln_1p()
    }
}

/// True when `cand` is one of its neighbours again, which English writes twice only for a few
/// words ([`crate::check::REPEATABLE`]): a fix that makes `the the` of `the theater` is a slip of
/// its own, however often the corpus writes the word before the next one (`the last`).
fn repeats_a_neighbour(cand: &str, (prev, next): (Option<&str>, Option<&str>)) -> bool {
    [prev, next].into_iter().flatten().any(|n| n.eq_ignore_ascii_case(cand))
        && !crate::check::REPEATABLE.contains(&cand)
}

/// A word to weigh: where it is, its neighbours, and the keys of its pairs with them.
#[derive(Clone, Copy)]
struct Place<'t> {
    span: Span,
    beside: (Option<&'t str>, Option<&'t str>),
    keys: (Option<u64>, Option<u64>),
}

/// The words that start as `word` does, over at least half their length, a third of the longer
/// one's and three letters (`section` for `sectarian`, `community` for `communication`; not
/// `the` for `theoretical`), that the corpus writes mostly in lower case, 100 times or more
/// ([`Model::lower_words`]): one run of its table, found by a binary search.
fn starts_alike(word: &str) -> impl Iterator<Item = &'static str> + '_ {
    let bytes = word.as_bytes();
    // However long the other word, they share this much.
    let head = bytes.get(..word.len().div_ceil(3).max(3)).unwrap_or_default();
    Model::lower_words()
        .starting_with(head)
        .filter(move |&(w, _)| {
            let common = w.iter().zip(bytes).take_while(|(x, y)| x == y).count();
            w != bytes && common * 2 >= w.len() && common * 3 >= w.len().max(word.len())
        })
        .filter_map(|(w, _)| std::str::from_utf8(w).ok())
}

/// How many other words the corpus writes mostly in lower case that start as `word` does over
/// half its length and three letters (`for`: `form`, `forgive`, `format` ...; `might`: `mighty`,
/// `migrate` ...): the words an autocorrector or a careless completion could put in for it, of
/// which the one written is but one. Counted up to [`CROWD_MOST`].
fn crowd(word: &str) -> u32 {
    let head = word.as_bytes().get(..word.len().div_ceil(2).max(3)).unwrap_or_default();
    let n = Model::lower_words().starting_with(head).take(CROWD_MOST).filter(|&(w, _)| w != word.as_bytes()).count();
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// True when `a` and `b` differ only in their endings (`addressing`, `addresses`): the same word
/// bent by grammar.
fn same_stem(a: &str, b: &str) -> bool {
    const ENDINGS: [&str; 16] =
        ["", "e", "s", "es", "d", "ed", "ing", "er", "ers", "ment", "ments", "ion", "ions", "ly", "al", "ness"];
    let common = a.bytes().zip(b.bytes()).take_while(|(x, y)| x == y).count();
    common >= 3 && ENDINGS.contains(&span::tail(a, common)) && ENDINGS.contains(&span::tail(b, common))
}

/// True when the word at `span` is glued to another by a hyphen, a slash, a dot or an
/// apostrophe (`ill-advised`, `e.g`, `and/or`), or touches an underscore (`tox_`, `_init`): part
/// of a compound or a name, not a word of the sentence.
fn in_compound(text: &str, span: Span) -> bool {
    const GLUE: &[u8] = b"-/.'@";
    let bytes = text.as_bytes();
    let before = span.start.checked_sub(1).and_then(|b| bytes.get(b));
    let after = bytes.get(span.end);
    let glued = |mark: Option<&u8>, beyond: Option<&u8>| {
        mark.is_some_and(|m| GLUE.contains(m)) && beyond.is_some_and(u8::is_ascii_alphanumeric)
    };
    before == Some(&b'_')
        || after == Some(&b'_')
        || glued(after, bytes.get(span.end + 1))
        || glued(before, span.start.checked_sub(2).and_then(|b| bytes.get(b)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_products_among_the_features_are_of_the_features_they_name() {
        let slip = Slip {
            ratio: 7.0,
            shape: Shape::Edit,
            slip: SLIP,
            half: false,
            one_side: false,
            others: 0,
            fix_uses: 2,
            here: 100,
            triple: 20,
            gap: false,
            crowd: 0,
        };
        let f = slip.features();
        let (ratio, uses, here) = (7.0_f64.ln(), 3.0_f64.ln(), 101.0_f64.ln() / 10.0);
        let close = |a: f64, b: f64| (a - b).abs() < 1e-12;
        assert!(close(f[1], ratio) && close(f[8], uses) && close(f[9], here));
        assert!(close(f[13], uses * uses) && close(f[14], ratio * here));
        assert!(close(f[15], ratio * ratio) && close(f[16], uses * here));
    }

    fn fixes(text: &str) -> Vec<(String, String)> {
        let spans: Vec<Span> = crate::token::tokens(text)
            .into_iter()
            .filter(|t| t.kind == crate::token::TokenKind::Word)
            .map(|t| t.span)
            .collect();
        let lexicon = Lexicon::new();
        let mut finder = Finder::new(text, Model::builtin(), &lexicon);
        finder.visit_all(&spans);
        finder
            // No words counted: the odds of a slip are those of an article misspelt at `REFERENCE`.
            .finish((0, 0), &mut Lists::default(), false)
            .0
            .into_iter()
            .map(|s| (s.span.slice(text).to_string(), s.suggestions.first().unwrap_or_default().to_string()))
            .collect()
    }

    #[test]
    fn a_word_that_fits_nowhere_near_its_neighbours_gives_way_to_one_that_does() {
        assert_eq!(fixes("so that you cold be sure"), [("cold".to_string(), "could".to_string())]);
    }

    #[test]
    fn a_word_that_fits_one_neighbour_but_not_the_other_gives_way_too() {
        // `the dose` is English; `dose not` is not, and `the file does not` is.
        assert_eq!(fixes("it fails when the file dose not exist"), [("dose".to_string(), "does".to_string())]);
    }

    #[test]
    fn a_word_no_one_writes_gives_way_to_one_seen_beside_one_neighbour_of_two() {
        assert_eq!(
            fixes("the policy says how to reptilian vulnerabilities to the team"),
            [("reptilian".to_string(), "report".to_string())]
        );
    }

    #[test]
    fn a_word_beside_one_neighbour_keeps_the_ending_grammar_gave_it() {
        // `this open` is commoner than `this openness`, but which word of the stem the sentence
        // wants one side cannot tell, however misspelt the article (a tenth of its words here).
        let text = "but politics can influence this openness.";
        let spans: Vec<Span> = crate::token::tokens(text)
            .into_iter()
            .filter(|t| t.kind == crate::token::TokenKind::Word)
            .map(|t| t.span)
            .collect();
        let lexicon = Lexicon::new();
        let mut finder = Finder::new(text, Model::builtin(), &lexicon);
        finder.visit_all(&spans);
        let (found, _) = finder.finish((10, 100), &mut Lists::default(), false);
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn words_in_their_place_stay() {
        assert!(fixes("so that you could be sure the cold water is clean").is_empty());
    }
}
