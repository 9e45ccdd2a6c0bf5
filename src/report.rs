//! Presentation of suspects and fixes: text lines, JSON lines, unified diffs.

use crate::check::Suspect;
use crate::document::Document;
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
    suggestions: &'a [String],
}

/// `path:line:column: word -> first, second, third`.
#[must_use]
pub fn text_line(doc: &Document, s: &Suspect) -> String {
    let pos = doc.position(s.span.start);
    let mut line = format!("{}:{}:{}: {}", doc.path().display(), pos.line, pos.column, s.word);
    if !s.suggestions.is_empty() {
        line.push_str(" -> ");
        line.push_str(&s.suggestions.iter().take(3).map(String::as_str).collect::<Vec<_>>().join(", "));
    }
    line
}

/// One JSON object (one line, no newline) for a suspect.
#[must_use]
pub fn json_line(doc: &Document, s: &Suspect) -> String {
    let pos = doc.position(s.span.start);
    let path = doc.path().to_string_lossy();
    let obj = JsonSuspect {
        path: &path,
        line: pos.line,
        column: pos.column,
        offset: s.span.start,
        length: s.span.len(),
        word: &s.word,
        kind: s.kind.name(),
        suggestions: &s.suggestions,
    };
    serde_json::to_string(&obj).unwrap_or_default()
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
