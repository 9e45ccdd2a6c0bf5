//! Punctuation spacing gone wrong, as careless hands and bad converters leave it: a space before
//! a comma or full stop (`word ,`), no space after one (`word,word`, `end.Next`), a closing quote
//! glued to the next word (`"done"and`), a doubled apostrophe (`there''s`).
//!
//! Each rule looks only at what stands between two tokens (or inside one dotted token), so it
//! never fires inside URLs, numbers (`1,000`, `3.14`), paths or code, which the tokenizer has
//! already set apart.

use crate::span::{self, Span};

/// A spacing suspect: the bytes to replace and what to write instead.
pub type Fix = (Span, &'static str);

/// Judges the gap `text[gap]` between two tokens; `words` says both are words.
#[must_use]
pub fn in_gap(text: &str, gap: Span, words: bool) -> Option<Fix> {
    let g = &text.as_bytes()[gap.range()];
    match g {
        // `word ,` and `word .`: a space, the mark, then a space or the end of the line.
        // (A full stop must end the sentence: a capital or the end of the line follows. Other
        // marks are left alone: `a ? in the URL` talks about the mark.)
        [b' ', mark @ (b',' | b'.'), rest @ ..] if rest.first().is_none_or(u8::is_ascii_whitespace) => {
            let after = span::tail(text, gap.end).chars().next();
            let ends = *mark == b',' || rest.contains(&b'\n') || after.is_none_or(char::is_uppercase);
            let fix = if *mark == b',' { "," } else { "." };
            (ends && gap.start > 0 && text.as_bytes()[gap.start - 1].is_ascii_alphabetic())
                .then_some((Span::new(gap.start, gap.start + 2), fix))
        }
        // `word,word`: a comma with no space after it, between two words; not in a tuple.
        [b','] if words && !in_tuple(text, gap.start) => Some((gap, ", ")),
        // `"done"and`: a quote that closes, glued to the next word.
        [b'"'] if words && closes(text, gap.start) => Some((gap, "\" ")),
        _ if words && gap.slice(text) == "\u{201d}" => Some((gap, "\u{201d} ")),
        _ => None,
    }
}

/// True when the comma at `at` stands in brackets that hold no space (`(lo,hi)`, `[x,y,z]`): a
/// tuple, as code writes it. Each side is read up to [`TUPLE_MOST`] bytes.
fn in_tuple(text: &str, at: usize) -> bool {
    const TUPLE_MOST: usize = 32;
    let bytes = text.as_bytes();
    let inside = |b: &&u8| !b.is_ascii_alphanumeric() && **b != b',';
    let before = bytes[at.saturating_sub(TUPLE_MOST)..at].iter().rev().find(inside);
    let after = bytes.get(at + 1..).unwrap_or_default().iter().take(TUPLE_MOST).find(inside);
    matches!((before, after), (Some(b'('), Some(b')')) | (Some(b'['), Some(b']')) | (Some(b'{'), Some(b'}')))
}

/// Judges a dotted token (`end.Next`): a full stop with no space after it, between a lower-case
/// word and a capitalised one, both of them words `known` says are English. `os.Path` and
/// `example.com` stay identifiers, and so does a module's name before its class
/// (`pathlib.Path`), which the caller's `known` leaves out as a word of the tech vocabulary only.
#[must_use]
pub fn in_dotted(text: &str, token: Span, known: impl Fn(&str) -> bool) -> Option<Fix> {
    let s = token.slice(text);
    let (left, right) = s.split_once('.')?;
    let mut right_chars = right.chars();
    let ok = left.len() >= 3
        && left.bytes().all(|b| b.is_ascii_lowercase())
        && right_chars.next().is_some_and(|c| c.is_ascii_uppercase())
        && right.len() >= 2
        && right_chars.all(|c| c.is_ascii_lowercase())
        && !span::tail(text, token.end).starts_with(['(', '.', '_'])
        && known(left)
        && known(right);
    let dot = token.start + left.len();
    ok.then_some((Span::new(dot, dot + 1), ". "))
}

/// Doubled apostrophes between letters (`there''s`), fixed to one.
pub fn doubled_apostrophes(text: &str, mut each: impl FnMut(Fix)) {
    // One apostrophe found by a vectorised byte search, then its neighbour looked at: cheaper
    // than a two-byte pattern search.
    let bytes = text.as_bytes();
    for i in memchr::memchr_iter(b'\'', bytes) {
        if bytes.get(i + 1) != Some(&b'\'') || (i > 0 && bytes[i - 1] == b'\'') {
            continue;
        }
        let before = span::head(text, i).chars().next_back();
        let after = span::tail(text, i + 2).chars().next();
        if before.is_some_and(char::is_alphabetic)
            && after.is_some_and(char::is_alphabetic)
            && !span::tail(text, i + 2).starts_with("''")
        {
            each((Span::new(i, i + 2), "'"));
        }
    }
}

/// True when the straight double quote at `at` closes a quotation: an odd number of them stand
/// before it on its line.
fn closes(text: &str, at: usize) -> bool {
    let line = memchr::memrchr(b'\n', &text.as_bytes()[..at]).map_or(0, |i| i + 1);
    span::cut(text, line, at).matches('"').count() % 2 == 1
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gaps(text: &str) -> Vec<(&str, &str)> {
        // Gaps between the words of a small text: runs of non-letters.
        let mut out = Vec::new();
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            if bytes[i].is_ascii_alphabetic() {
                i += 1;
                continue;
            }
            let from = i;
            while i < bytes.len() && !bytes[i].is_ascii_alphabetic() {
                i += 1;
            }
            let words = from > 0 && i < bytes.len();
            if let Some((span, fix)) = in_gap(text, Span::new(from, i), words) {
                out.push((span.slice(text), fix));
            }
        }
        out
    }

    #[test]
    fn spaces_before_marks_and_missing_after() {
        assert_eq!(gaps("one , two ."), [(" ,", ","), (" .", ".")]);
        assert_eq!(gaps("one,two"), [(",", ", ")]);
        assert_eq!(gaps("he said \"done\"and left"), [("\"", "\" ")]);
        assert_eq!(gaps("and so on ... then"), []);
        assert_eq!(gaps("one, two. \"Three\" four"), []);
    }

    #[test]
    fn a_full_stop_inside_a_dotted_word() {
        let known = |w: &str| ["end", "next", "the"].contains(&w.to_lowercase().as_str());
        let t = "the end.Next one";
        assert_eq!(in_dotted(t, Span::new(4, 12), known).map(|(s, f)| (s.slice(t), f)), Some((".", ". ")));
        let t = "call end.Next() now";
        assert_eq!(in_dotted(t, Span::new(5, 13), known), None);
    }
}
