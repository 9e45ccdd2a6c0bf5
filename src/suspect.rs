//! What the checker finds and every stage and the review share: a [`Suspect`], its [`Kind`] and
//! its [`Fixes`]. A leaf: it knows spans and nothing of how suspects are found, so the stages
//! (the checker, the casing pass) import it and not each other.

use crate::fasthash::FastSet;
use crate::span::Span;
use std::sync::Arc;

/// What is wrong with a suspect.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    /// No layer knows the word.
    Spelling,
    /// A known word or term in the wrong casing.
    Casing,
    /// A word written twice by mistake (`the the`); the fix keeps one.
    Repeat,
    /// Punctuation spacing gone wrong: `word ,`, `word,word`, `end.Next`, `"done"and`,
    /// `there''s`. The fix is the span rewritten.
    Spacing,
    /// A spelling of the other dialect (`colour` in an American article): not a misspelling;
    /// the fix is the article's own spelling.
    Dialect,
    /// A real word that the words around it make unlikely, beside a far more common word one
    /// edit away that they do expect (`the [posers] of` for `powers`). Low confidence: `fix`
    /// applies it only when both neighbours expect the other word.
    WordChoice,
}

impl Kind {
    /// The name used in reports and JSON.
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Self::Spelling => "spelling",
            Self::Casing => "casing",
            Self::Repeat => "repeat",
            Self::Spacing => "spacing",
            Self::Dialect => "dialect",
            Self::WordChoice => "word-choice",
        }
    }
}

/// A suspect's fixes, best first. A damaged article repeats its errors, so every suspect with
/// the same fixes shares one list: a 10 MB article holds a hundred thousand suspects but only a
/// few thousand distinct lists.
pub type Fixes = Arc<[String]>;

/// A word (or run of words) to stop at.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Suspect {
    /// Where the word is in the text.
    pub span: Span,
    /// What is wrong with it.
    pub kind: Kind,
    /// Fixes, best first (at most nine; empty when not asked for or none found).
    pub suggestions: Fixes,
    /// `galley fix` may apply the first fix unasked. False for a guess (a misspelling whose
    /// nearest word changes its first letter and more): the reader shows it, `fix` leaves it.
    pub confident: bool,
}

impl Suspect {
    /// A suspect whose first fix can be applied unasked.
    #[must_use]
    pub const fn new(span: Span, kind: Kind, suggestions: Fixes) -> Self {
        Self { span, kind, suggestions, confident: true }
    }

    /// The word as written in `text`, the text that was checked.
    #[must_use]
    pub fn word<'t>(&self, text: &'t str) -> &'t str {
        self.span.slice(text)
    }
}

/// Hands out one shared [`Fixes`] per distinct list.
#[derive(Default)]
pub(crate) struct Lists(FastSet<Fixes>);

impl Lists {
    /// The shared copy of `list`.
    pub(crate) fn of(&mut self, list: &[String]) -> Fixes {
        if let Some(f) = self.0.get(list) {
            return Arc::clone(f);
        }
        let f: Fixes = list.into();
        self.0.insert(Arc::clone(&f));
        f
    }

    /// The shared copy of the one-fix list `[fix]`.
    pub(crate) fn one(&mut self, fix: String) -> Fixes {
        if let Some(f) = self.0.get(std::slice::from_ref(&fix)) {
            return Arc::clone(f);
        }
        let f: Fixes = Arc::from([fix]);
        self.0.insert(Arc::clone(&f));
        f
    }
}
