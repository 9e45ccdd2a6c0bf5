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

/// A suspect's fixes, best first, in one allocation: each fix's text ended by a NUL, a byte no
/// text galley reads holds (`document`). A damaged article repeats its errors, so every suspect
/// with the same fixes shares one list: a 10 MB article holds a hundred thousand suspects but
/// only a few thousand distinct lists. An article of a hundred thousand distinct misspellings
/// holds a hundred thousand lists of nine, about 80 bytes each here; a `String` per fix took
/// 500.
#[derive(Clone, Default, PartialEq, Eq, Hash)]
pub struct Fixes(Arc<str>);

/// Ends each fix's text in a [`Fixes`].
const END: char = '\0';

impl Fixes {
    /// The fixes `list`, in its order. A NUL inside a fix, which no text galley reads holds,
    /// becomes U+FFFD.
    #[must_use]
    pub fn new<S: AsRef<str>>(list: &[S]) -> Self {
        let mut joined = String::new();
        join(list, &mut joined);
        Self(joined.into())
    }

    /// The fixes, best first.
    #[must_use]
    pub fn iter(&self) -> impl DoubleEndedIterator<Item = &str> + Clone {
        self.0.split_terminator(END)
    }

    /// The best fix.
    #[must_use]
    pub fn first(&self) -> Option<&str> {
        self.iter().next()
    }

    /// The fix at `i`, best first.
    #[must_use]
    pub fn get(&self, i: usize) -> Option<&str> {
        self.iter().nth(i)
    }

    /// How many fixes there are.
    #[must_use]
    pub fn len(&self) -> usize {
        self.0.bytes().filter(|&b| b == 0).count()
    }

    /// True when there is no fix.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The fixes as owned strings.
    #[must_use]
    pub fn to_vec(&self) -> Vec<String> {
        self.iter().map(str::to_string).collect()
    }
}

/// `list` written into `out` as a [`Fixes`] holds it.
fn join<S: AsRef<str>>(list: &[S], out: &mut String) {
    for fix in list {
        let fix = fix.as_ref();
        if fix.contains(END) {
            out.push_str(&fix.replace(END, "\u{fffd}"));
        } else {
            out.push_str(fix);
        }
        out.push(END);
    }
}

impl std::fmt::Debug for Fixes {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

impl<S: AsRef<str>> PartialEq<[S]> for Fixes {
    fn eq(&self, other: &[S]) -> bool {
        self.len() == other.len() && self.iter().zip(other).all(|(a, b)| a == b.as_ref())
    }
}

impl std::borrow::Borrow<str> for Fixes {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl serde::Serialize for Fixes {
    fn serialize<Z: serde::Serializer>(&self, serializer: Z) -> Result<Z::Ok, Z::Error> {
        serializer.collect_seq(self.iter())
    }
}

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
pub(crate) struct Lists {
    shared: FastSet<Fixes>,
    /// Scratch space: a list as a [`Fixes`] holds it, to look it up.
    joined: String,
}

impl Lists {
    /// The shared copy of `list`.
    pub(crate) fn of<S: AsRef<str>>(&mut self, list: &[S]) -> Fixes {
        self.joined.clear();
        join(list, &mut self.joined);
        if let Some(f) = self.shared.get(self.joined.as_str()) {
            return f.clone();
        }
        let f = Fixes(self.joined.as_str().into());
        self.shared.insert(f.clone());
        f
    }

    /// The shared copy of the one-fix list `[fix]`.
    pub(crate) fn one(&mut self, fix: impl AsRef<str>) -> Fixes {
        self.of(&[fix.as_ref()])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fixes_keep_their_texts_and_order_empty_ones_too() {
        let list = ["colour", "", "of the", "color"];
        let fixes = Fixes::new(&list);
        assert_eq!(fixes.iter().collect::<Vec<_>>(), list);
        assert_eq!((fixes.len(), fixes.first(), fixes.get(2), fixes.get(4)), (4, Some("colour"), Some("of the"), None));
        assert!(fixes == list[..]);
        assert_eq!(Fixes::new(&[""]).len(), 1, "one empty fix is not no fix");
        assert!(Fixes::new::<&str>(&[]).is_empty() && Fixes::default().first().is_none());
        assert_eq!(Fixes::new(&["a\0b"]).to_vec(), ["a\u{fffd}b"]);
        assert_eq!(serde_json::to_string(&fixes).expect("json"), r#"["colour","","of the","color"]"#);
    }

    #[test]
    fn the_same_list_is_shared_and_another_is_not() {
        let mut lists = Lists::default();
        let a = lists.of(&["then".to_string(), "than".to_string()]);
        let b = lists.of(&["then", "than"]);
        assert!(Arc::ptr_eq(&a.0, &b.0));
        assert!(lists.of(&["then"]) != a && lists.one("then") == lists.of(&["then"]));
    }
}
