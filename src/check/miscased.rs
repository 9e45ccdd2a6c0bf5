//! Known words in another casing than the lists give them (`github`, `Javascript`): which are a
//! casing to fix, and which the article's own way of writing a term (`http`, `unicode`) or a
//! word as such (`'homebrew'`, `futurize_`).

use super::{Lists, reads_as_pronoun, stem_of};
use crate::check::casing::{self, Capital};
use crate::fasthash::{FastMap, FastSet};
use crate::lexicon::model::Model;
use crate::lexicon::{Case, Dialect, Lexicon, Verdict, case_of};
use crate::span::{self, Span};
use crate::suspect::Fixes;

/// What the article says of its known words written in another casing, and what is judged of
/// each distinct word once.
pub(super) struct Miscased<'a, 't> {
    text: &'t str,
    lexicon: &'a Lexicon,
    dialect: Dialect,
    capitals: &'a [Capital],
    /// The terms it writes in lower case, and how often.
    lowered_terms: FastMap<&'t str, usize>,
    /// The canonical forms of each word, looked up once per word.
    cased: FastMap<&'t str, Fixes>,
    /// Whether each word in lower case is the article's own way of writing it.
    own_lower: FastMap<&'t str, bool>,
    /// The words the article writes with capitals, gathered when first asked.
    capital_words: Option<FastSet<&'t str>>,
    model: &'static Model,
    /// [`CORPUS_LOWER`] in this corpus.
    corpus_lower: u64,
}

impl<'a, 't> Miscased<'a, 't> {
    /// The evidence of `text`, whose capitals are `capitals`, on its `miscased` words.
    pub(super) fn new(
        (text, lexicon, dialect): (&'t str, &'a Lexicon, Dialect),
        capitals: &'a [Capital],
        miscased: impl Iterator<Item = &'t str>,
    ) -> Self {
        // Terms written in lower case (`http`, `unicode`, `io`) and how often the article writes them so.
        let mut lowered_terms: FastMap<&str, usize> = FastMap::default();
        for word in miscased.filter(|w| case_of(w) == Case::Lower) {
            *lowered_terms.entry(word).or_default() += 1;
        }
        let model = Model::builtin();
        Self {
            text,
            lexicon,
            dialect,
            capitals,
            lowered_terms,
            cased: FastMap::default(),
            own_lower: FastMap::default(),
            capital_words: None,
            model,
            corpus_lower: model.uses(CORPUS_LOWER),
        }
    }

    /// The fixes of the known `word` at `span`, written in another casing than the lists give
    /// it, or `None` where it stands as written.
    pub(super) fn read(&mut self, word: &'t str, span: Span, lists: &mut Lists) -> Option<Fixes> {
        let (text, lexicon) = (self.text, self.lexicon);
        if casing::is_mention(text, span) || casing::is_markup_name(text, span) {
            return None; // `'homebrew'`, `futurize_`: the word as such, not prose
        }
        // Clean prose writes it as written more often than any other way (`newtype`,
        // `semver`): the corpus outranks a list's canonical casing. (Not a single
        // letter: documentation writes `i` as a variable; the pronoun is weighed below.)
        if case_of(word) == Case::Lower
            && word.len() > 1
            && self
                .model
                .forms(word)
                .next()
                .is_some_and(|top| top.text == word && u64::from(top.inside) >= self.corpus_lower)
        {
            return None;
        }
        let forms = forms_of(&mut self.cased, lists, lexicon, word, self.dialect);
        if word.chars().count() <= 2 && !forms.iter().any(|f| lexicon.is_tech_name(f)) {
            return None; // `io`, `rb`: short lower-case words are code far more often than Io or Rb
        }
        if word == "i" && (beside_an_operator(text, span) || !reads_as_pronoun(text, span)) {
            return None; // `the index i in`, `(int i = 0`: a variable, not the pronoun
        }
        // Judged once per word: the test searches the whole text for the capitals.
        let (lowered_terms, capital_words, capitals) = (&self.lowered_terms, &mut self.capital_words, self.capitals);
        if *self
            .own_lower
            .entry(word)
            .or_insert_with(|| is_own_lower_case(text, word, &forms, lowered_terms, capital_words, capitals))
        {
            return None;
        }
        Some(forms)
    }
}

/// The canonical forms of a mis-cased `word`, looked up once per distinct word.
pub(super) fn forms_of<'t>(
    cache: &mut FastMap<&'t str, Fixes>,
    lists: &mut Lists,
    lexicon: &Lexicon,
    word: &'t str,
    dialect: Dialect,
) -> Fixes {
    let list = cache.entry(word).or_insert_with(|| match lexicon.verdict(word, dialect) {
        Verdict::Casing(forms) => lists.of(&forms),
        _ => lists.of::<&str>(&[]),
    });
    list.clone()
}

/// True when a term written in lower case is the article's own way of writing it, as code or a
/// scheme names it (`http`, `ftp`, `unicode`, `io`): it recurs so, and the article never writes
/// it in its canonical form. Damage that loses a name's capitals hits some of its occurrences,
/// not every one of them.
pub(super) fn is_own_lower_case<'t>(
    text: &'t str,
    word: &str,
    forms: &Fixes,
    lowered: &FastMap<&str, usize>,
    capital_words: &mut Option<FastSet<&'t str>>,
    capitals: &[Capital],
) -> bool {
    let times = lowered.get(word).copied().unwrap_or(0);
    let enough = if word.len() <= SHORT_TERM { 2 } else { 3 };
    if times < enough {
        return false;
    }
    forms.iter().all(|f| {
        if f.starts_with(|c: char| c.is_uppercase()) {
            // The capitalised words the article writes, gathered once (no search of the text
            // per word: that is what made a damaged 10 MB article slow once).
            let written = capital_words.get_or_insert_with(|| {
                // Inserted one by one: `collect` would size the set for every capital,
                // though most are repeats.
                let mut set = FastSet::default();
                for c in capitals {
                    set.insert(stem_of(c.span().slice(text)));
                }
                set
            });
            return !written.contains(f);
        }
        !text.match_indices(f).any(|(i, _)| {
            let before = span::head(text, i).chars().next_back();
            let after = span::tail(text, i + f.len()).chars().next();
            !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
        })
    })
}

/// True when the word at `span` stands beside an operator or a closing bracket, as an operand
/// does in code (`for (int i = 0`, `getToken(int i)`): there the words around say nothing of
/// it (books write `int I` 124 million times, over the 100 million that make a neighbour the
/// pronoun's). An opening bracket before it may open an aside (`(i think so)`).
pub(super) fn beside_an_operator(text: &str, span: Span) -> bool {
    const AFTER: &[char] = &['=', '(', ')', '[', ']', ';', '<', '>', '+', '*', '/', '%'];
    const BEFORE: &[char] = &['=', '[', '<', '>', '+', '*', '/', '%'];
    span::tail(text, span.end).trim_start_matches(' ').starts_with(AFTER)
        || span::head(text, span.start).trim_end_matches(' ').ends_with(BEFORE)
}

/// A word in lower case that clean prose writes so at least this often, and more often than any
/// other way, keeps its lower case whatever the lists say.
pub(super) const CORPUS_LOWER: u64 = 100;

/// A term this short written in lower case twice, and never in its own casing, is the article's
/// way of writing it (`http`, `io`); a longer one needs three times (`unicode`).
pub(super) const SHORT_TERM: usize = 4;
