//! Presentation of suspects and fixes: text lines, JSON lines, unified diffs.

use crate::document::{Document, Position};
use crate::suspect::{Fixes, Suspect};
use serde::Serialize;

/// One suspect as a JSON object, with exactly the documented fields.
#[derive(Serialize)]
struct JsonSuspect<'a> {
    path: &'a str,
    line: usize,
    column: usize,
    offset: usize,
    length: usize,
    word: &'a str,
    kind: &'static str,
    suggestions: &'a Fixes,
    confident: bool,
}

/// Writes report lines for the suspects of one document, in text order: the path is formatted
/// once, and each position counts on from the one before.
pub struct Reporter<'d> {
    doc: &'d Document,
    path: String,
    last: Option<(usize, Position)>,
}

impl<'d> Reporter<'d> {
    /// A reporter for `doc`.
    #[must_use]
    pub fn new(doc: &'d Document) -> Self {
        Self { doc, path: doc.path().display().to_string(), last: None }
    }

    fn position(&mut self, offset: usize) -> Position {
        let pos = self.doc.position_after(self.last, offset);
        self.last = Some((offset, pos));
        pos
    }

    /// `path:line:column: word -> first, second, third`, appended to `out`.
    pub fn text_line(&mut self, s: &Suspect, out: &mut String) {
        let pos = self.position(s.span.start);
        out.push_str(&self.path);
        out.push(':');
        push_number(out, pos.line);
        out.push(':');
        push_number(out, pos.column);
        out.push_str(": ");
        out.push_str(s.word(self.doc.text()));
        for (i, fix) in s.suggestions.iter().take(3).enumerate() {
            out.push_str(if i == 0 { " -> " } else { ", " });
            out.push_str(fix);
        }
    }

    /// One JSON object (one line, no newline) for a suspect, appended to `out`.
    pub fn json_line(&mut self, s: &Suspect, out: &mut String) {
        let pos = self.position(s.span.start);
        let obj = JsonSuspect {
            path: &self.path,
            line: pos.line,
            column: pos.column,
            offset: s.span.start,
            length: s.span.len(),
            word: s.word(self.doc.text()),
            kind: s.kind.name(),
            suggestions: &s.suggestions,
            confident: s.confident,
        };
        out.push_str(&serde_json::to_string(&obj).unwrap_or_default());
    }
}

/// Appends the decimal digits of `n` (report lines are written by the hundred thousand; the
/// formatting machinery costs more than the digits).
fn push_number(out: &mut String, n: usize) {
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    let mut n = n;
    loop {
        at -= 1;
        digits[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    out.extend(digits[at..].iter().map(|&d| char::from(d)));
}

/// One JSON object for a word given to `suggest`.
#[must_use]
pub fn json_suggestions(word: &str, suggestions: &[String]) -> String {
    #[derive(Serialize)]
    struct Out<'a> {
        word: &'a str,
        suggestions: &'a [String],
    }
    serde_json::to_string(&Out { word, suggestions }).unwrap_or_default()
}

/// A unified diff from `old` to `new`, both named `path` (`a/` and `b/` prefixes, as git does).
#[must_use]
pub fn unified_diff(path: &str, old: &str, new: &str) -> String {
    similar::TextDiff::from_lines(old, new)
        .unified_diff()
        .context_radius(3)
        .header(&format!("a/{path}"), &format!("b/{path}"))
        .to_string()
}
