//! Splits text into tokens with byte spans, telling words (which are checked) from everything a
//! reader does not see as a word: URLs, emails, paths and file names, numbers and words with
//! digits, code in backticks or fences, command-line options and identifiers.

use crate::span::{self, Span};

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    /// A word: letters with inner apostrophes (`don't`); hyphenated words come as their parts.
    Word,
    /// `https://…`, `www.…`.
    Url,
    /// `name@host`.
    Email,
    /// `/usr/bin`, `./run`, `C:\dir`, `src/main.rs`.
    Path,
    /// `42`, `3.14`, `1,000`.
    Number,
    /// Code: `` `x` ``, fenced blocks, `--option`, `$VAR`, `a=b`, a line typed at a prompt
    /// (`$ make`, `>>> len(x)`).
    Code,
    /// `snake_case`, `dotted.name`, `file.txt`, `example.com`, `e.g.`, `urllib2`; also a word
    /// touching U+FFFD, whose real letters were lost when the text was read.
    Identifier,
}

/// A token: its kind and where it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    /// Where the token is in the text.
    pub span: Span,
    /// What it is.
    pub kind: TokenKind,
}

/// All tokens of `text`, in order.
#[must_use]
pub fn tokens(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    tokenize(text, |t| out.push(t));
    out
}

/// Calls `each` with every token of `text`, in order, without allocating. Never inlined: inside
/// the checker it compiles to slower code (callgrind counts 6 M more instructions on 250 k words).
#[inline(never)]
pub fn tokenize(text: &str, mut each: impl FnMut(Token)) {
    let b = text.as_bytes();
    let n = b.len();
    let mut i = 0;
    while i < n {
        let c = b[i];
        if c.is_ascii_whitespace() {
            i += 1;
            continue;
        }
        if c.is_ascii_alphabetic() {
            // Most chunks are ASCII letters, perhaps with closing punctuation (`word,`): one scan.
            let mut j = i + 1;
            while j < n && b[j].is_ascii_alphabetic() {
                j += 1;
            }
            let mut k = j;
            while k < n && is_closing(b[k]) {
                k += 1;
            }
            if k == n || b[k].is_ascii_whitespace() {
                each(Token { span: Span::new(i, j), kind: TokenKind::Word });
                i = k;
                continue;
            }
        }
        if c >= 0x80 {
            let ch = char_at(text, i);
            if ch.is_whitespace() || ch == '\u{feff}' {
                i += ch.len_utf8();
                continue;
            }
        }
        if (c == b'$' || c == b'>')
            && let Some(end) = prompt_end(b, i)
        {
            each(Token { span: Span::new(i, end), kind: TokenKind::Code });
            i = end;
            continue;
        }
        if (c == b'`' || c == b'~')
            && let Some(end) = code_end(text, i)
        {
            each(Token { span: Span::new(i, end), kind: TokenKind::Code });
            i = end;
            continue;
        }
        let mut j = i;
        while j < n {
            let d = b[j];
            if d.is_ascii_whitespace() {
                break;
            }
            if d >= 0x80 {
                let ch = char_at(text, j);
                if ch.is_whitespace() {
                    break;
                }
                j += ch.len_utf8();
            } else {
                j += 1;
            }
        }
        chunk(text, i, j, &mut each);
        i = j;
    }
}

/// Punctuation that may close a plain word (`word,` `word.)`).
#[inline]
fn is_closing(c: u8) -> bool {
    matches!(c, b',' | b'.' | b';' | b':' | b'!' | b'?' | b'"' | b')')
}

#[inline]
fn char_at(text: &str, i: usize) -> char {
    match text.as_bytes().get(i) {
        Some(&b) if b.is_ascii() => char::from(b),
        _ => text.get(i..).and_then(|s| s.chars().next()).unwrap_or(' '),
    }
}

#[inline]
fn char_before(text: &str, i: usize) -> char {
    match text.as_bytes().get(i.wrapping_sub(1)) {
        Some(&b) if b.is_ascii() => char::from(b),
        _ => text.get(..i).and_then(|s| s.chars().next_back()).unwrap_or(' '),
    }
}

/// True for characters that make up words: letters and combining marks.
#[must_use]
pub fn is_word_char(c: char) -> bool {
    if c.is_ascii() { c.is_ascii_alphabetic() } else { c.is_alphabetic() || ('\u{300}'..='\u{36f}').contains(&c) }
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '\u{2019}'
}

/// End of the line when a shell or Python prompt starts it at `i` (`$ aws configure`, `>>> x =
/// 1`, after spaces or nothing): what is typed there is code, to the end of the line.
fn prompt_end(b: &[u8], i: usize) -> Option<usize> {
    let rest = &b[i..];
    if !(rest.starts_with(b"$ ") || rest.starts_with(b">>> ")) {
        return None;
    }
    let line_start = b[..i].iter().rposition(|&x| x == b'\n').map_or(0, |k| k + 1);
    if !b[line_start..i].iter().all(|&x| x == b' ' || x == b'\t') {
        return None;
    }
    Some(memchr::memchr(b'\n', rest).map_or(b.len(), |k| i + k))
}

/// End of a code span or fence starting at `i` (a backtick or tilde), if it is closed.
fn code_end(text: &str, i: usize) -> Option<usize> {
    let b = text.as_bytes();
    let fence = b[i];
    let run = b[i..].iter().take_while(|&&x| x == fence).count();
    let line_start = i == 0 || b[i - 1] == b'\n';
    if run >= 3 && line_start {
        // A fenced block: up to the next line that starts with the same fence.
        let mut at = span::tail(text, i).find('\n').map_or(text.len(), |k| i + k + 1);
        while at < text.len() {
            let line_end = span::tail(text, at).find('\n').map_or(text.len(), |k| at + k);
            if b[at..line_end].iter().take_while(|&&x| x == fence).count() >= run {
                return Some(line_end);
            }
            at = line_end + 1;
        }
        return Some(text.len());
    }
    if fence != b'`' {
        return None;
    }
    // An inline span: the same number of backticks later in the paragraph.
    let mut at = i + run;
    while at < b.len() {
        match b[at] {
            b'`' => {
                let k = b[at..].iter().take_while(|&&x| x == b'`').count();
                if k == run {
                    return Some(at + k);
                }
                at += k;
            }
            b'\n' if span::tail(text, at + 1).trim_start_matches([' ', '\t', '\r']).starts_with('\n') => {
                return None;
            }
            _ => at += 1,
        }
    }
    None
}

/// Characters that make a chunk code when they appear inside it.
fn is_code_char(c: char) -> bool {
    matches!(
        c,
        '=' | '<'
            | '>'
            | '{'
            | '}'
            | '['
            | ']'
            | '|'
            | '*'
            | '^'
            | '&'
            | '+'
            | ';'
            | '('
            | ')'
            | '$'
            | '%'
            | '#'
            | '\\'
    )
}

// The classification reads as one decision list, top to bottom; splitting it would hide the order.
#[allow(clippy::too_many_lines)]
fn chunk(text: &str, start: usize, end: usize, each: &mut impl FnMut(Token)) {
    // Fast path for most chunks: ASCII letters, then perhaps closing punctuation (`word,`).
    let b = &text.as_bytes()[start..end];
    let letters = b.iter().take_while(|c| c.is_ascii_alphabetic()).count();
    if letters > 0 && b[letters..].iter().copied().all(is_closing) {
        return each(Token { span: Span::new(start, start + letters), kind: TokenKind::Word });
    }
    let mut s = start;
    let mut e = end;
    // Leading punctuation (quotes, brackets) is not part of the token, unless it marks code or a
    // path.
    while s < e {
        let c = char_at(text, s);
        if c.is_alphanumeric() || matches!(c, '-' | '$' | '#' | '/' | '~' | '.' | '\\' | '@' | '%') {
            break;
        }
        s += c.len_utf8();
    }
    while e > s {
        let c = char_before(text, e);
        if c.is_alphanumeric() || c == '/' {
            break;
        }
        e -= c.len_utf8();
    }
    if s >= e {
        return;
    }
    // `&emsp;`, `(&nbsp;)`: an HTML entity a page saved as text kept, markup and not a word.
    if s > start
        && text.as_bytes()[s - 1] == b'&'
        && text.as_bytes().get(e) == Some(&b';')
        && (2..=31).contains(&(e - s))
        && text.as_bytes()[s..e].iter().all(u8::is_ascii_alphanumeric)
    {
        return each(Token { span: Span::new(s - 1, e + 1), kind: TokenKind::Code });
    }
    // `[abc]`, `{x}`, `<tag>` as a whole chunk: notation, not prose.
    let bracketed = |open: char, close: char| {
        span::cut(text, start, end).starts_with(open)
            && span::cut(text, start, end)
                .trim_end_matches(|c: char| c.is_ascii_punctuation() && c != close)
                .ends_with(close)
    };
    if s > start
        && (bracketed('[', ']') || bracketed('{', '}') || bracketed('<', '>'))
        && !span::cut(text, s, e).contains(['[', '{', '<'])
    {
        return each(Token { span: Span::new(s, e), kind: TokenKind::Code });
    }
    let core = span::cut(text, s, e);
    let span = Span::new(s, e);
    if span::cut(text, start, end).contains(char::REPLACEMENT_CHARACTER) {
        // `caf\u{fffd}`: a letter was lost in decoding; guessing the word would be wrong.
        return each(Token { span, kind: TokenKind::Identifier });
    }
    let first = char_at(text, s);
    let emit = |kind, each: &mut dyn FnMut(Token)| each(Token { span, kind });
    // A colon first: the substring search costs more than this byte scan over a short chunk.
    if (core.as_bytes().contains(&b':') && core.contains("://")) || core.starts_with("www.") {
        return emit(TokenKind::Url, each);
    }
    if matches!(first, '/' | '~' | '.' | '\\') {
        let kind = if first == '.' && !core.contains('/') { TokenKind::Identifier } else { TokenKind::Path };
        return emit(kind, each);
    }
    if matches!(first, '-' | '$' | '#' | '%') {
        return emit(TokenKind::Code, each);
    }
    let (mut digit, mut alpha, mut under, mut dot, mut slash, mut at_sign, mut code_char) =
        (false, false, false, false, false, false, false);
    for c in core.chars() {
        match c {
            '0'..='9' => digit = true,
            '_' => under = true,
            '.' => dot = true,
            '/' => slash = true,
            '@' => at_sign = true,
            c if is_code_char(c) => code_char = true,
            c if c.is_alphabetic() => alpha = true,
            _ => {}
        }
    }
    if at_sign {
        return emit(TokenKind::Email, each);
    }
    if slash {
        let mut parts = core.split('/');
        let words = core.split('/').count() == 2 && parts.all(|p| !p.is_empty() && p.chars().all(is_word_char));
        if !words {
            return emit(TokenKind::Path, each);
        }
    }
    if code_char {
        return emit(TokenKind::Code, each);
    }
    if digit {
        let kind = if alpha { TokenKind::Identifier } else { TokenKind::Number };
        return emit(kind, each);
    }
    if under || dot {
        return emit(TokenKind::Identifier, each);
    }
    words(text, s, e, each);
}

/// Emits the words of a chunk that holds only letters, apostrophes and punctuation.
fn words(text: &str, start: usize, end: usize, each: &mut impl FnMut(Token)) {
    let mut i = start;
    while i < end {
        // Skip to a letter: a combining mark goes on a word, and starts none (`\u{300}` alone).
        let c = char_at(text, i);
        if !c.is_alphabetic() {
            i += c.len_utf8();
            continue;
        }
        let ws = i;
        let mut we = i;
        while i < end {
            let c = char_at(text, i);
            if is_word_char(c) {
                i += c.len_utf8();
                we = i;
            } else if is_apostrophe(c) && i + c.len_utf8() < end && is_word_char(char_at(text, i + c.len_utf8())) {
                i += c.len_utf8();
            } else {
                break;
            }
        }
        // `OR-ing`, `RE-d`: a suffix hyphenated onto code or an acronym is not a word, nor one
        // that makes a word vague (`fast-ish`, `Kafka-esque`).
        let after_hyphen = ws > start && span::head(text, ws).ends_with('-');
        let suffix = after_hyphen
            && matches!(span::cut(text, ws, we), "ing" | "ed" | "d" | "s" | "es" | "er" | "ers" | "ish" | "esque");
        let kind = if suffix { TokenKind::Code } else { TokenKind::Word };
        each(Token { span: Span::new(ws, we), kind });
    }
}

/// The words joined to `span` by a single space on each side, if any (`the`, `of` around
/// `[powers]`): the context bigrams are counted with. A single line break joins them too: a
/// paragraph wrapped at the end of a line (a blank line, or an indented line after it, does not).
#[must_use]
pub fn neighbours(text: &str, span: Span) -> (Option<&str>, Option<&str>) {
    let prev = joined_before(span::head(text, span.start)).map(|b| span::tail(b, b.len() - letters_at_end(b)));
    let next = joined_after(span::tail(text, span.end)).map(|a| span::head(a, letters_at_start(a)));
    (prev.filter(|w| !w.is_empty()), next.filter(|w| !w.is_empty()))
}

/// `before` without the space or the single line break that ends it, if one does. Spaces a
/// line ends with before its break belong to the break (mail's flowed text writes them).
pub(crate) fn joined_before(before: &str) -> Option<&str> {
    if let Some(b) = before.strip_suffix(' ') {
        return Some(b);
    }
    let b = before.strip_suffix('\n')?;
    let b = b.strip_suffix('\r').unwrap_or(b).trim_end_matches([' ', '\t']);
    (!b.ends_with(['\n', '\r'])).then_some(b)
}

/// `after` without the space or the single line break that starts it, if one does: a line
/// that goes on with the paragraph, not a blank or an indented one. Spaces before the break
/// belong to it, as in [`joined_before`].
pub(crate) fn joined_after(after: &str) -> Option<&str> {
    let rest = after.trim_start_matches([' ', '\t']);
    if let Some(a) = rest.strip_prefix("\r\n").or_else(|| rest.strip_prefix('\n')) {
        return (!a.starts_with(['\n', '\r', ' ', '\t'])).then_some(a);
    }
    after.strip_prefix(' ')
}

/// A letter or an apostrophe: what a neighbour is made of.
fn is_letter(c: char) -> bool {
    c.is_alphabetic() || c == '\''
}

/// How many bytes of letters and apostrophes `s` ends with. Every word has two neighbours to
/// find: ASCII, the common case, is read a byte at a time.
fn letters_at_end(s: &str) -> usize {
    let bytes = s.as_bytes();
    let ascii = bytes.iter().rev().take_while(|b| b.is_ascii_alphabetic() || **b == b'\'').count();
    if bytes.len() > ascii && bytes[bytes.len() - ascii - 1] >= 0x80 {
        return s.len() - s.trim_end_matches(is_letter).len();
    }
    ascii
}

/// How many bytes of letters and apostrophes `s` starts with.
fn letters_at_start(s: &str) -> usize {
    let bytes = s.as_bytes();
    let ascii = bytes.iter().take_while(|b| b.is_ascii_alphabetic() || **b == b'\'').count();
    if bytes.get(ascii).is_some_and(|&b| b >= 0x80) {
        return s.len() - s.trim_start_matches(is_letter).len();
    }
    ascii
}

/// The words beside `span` across a comma or a closing bracket or quote and one space, if any
/// (`License` before `[Version]` in `License, Version`; `below` before `[for]` in `(see
/// below) for`): the context the model's loose pairs are counted with. Where a single space
/// joins a side, [`neighbours`] gives it instead.
#[must_use]
pub fn loose_neighbours(text: &str, span: Span) -> (Option<&str>, Option<&str>) {
    let closing = |c: char| matches!(c, ')' | ']' | '"' | '\u{201d}' | '\u{2019}');
    let prev = span::head(text, span.start).strip_suffix(' ').and_then(|b| {
        let marks = b.strip_suffix(',').unwrap_or(b).trim_end_matches(closing);
        (marks.len() < b.len()).then(|| span::tail(marks, marks.len() - letters_at_end(marks)))
    });
    let next = {
        let a = span::tail(text, span.end);
        let marks = a.trim_start_matches(closing);
        let marks = marks.strip_prefix(',').unwrap_or(marks);
        marks.strip_prefix(' ').filter(|_| marks.len() < a.len()).map(|w| span::head(w, letters_at_start(w)))
    };
    (prev.filter(|w| !w.is_empty()), next.filter(|w| !w.is_empty()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loose_neighbours_stand_across_a_comma_or_a_closing_mark() {
        fn at<'t>(text: &'t str, word: &str) -> (Option<&'t str>, Option<&'t str>) {
            let start = text.find(word).unwrap_or(0);
            loose_neighbours(text, Span::new(start, start + word.len()))
        }
        assert_eq!(at("the Apache License, Version 2.0", "Version"), (Some("License"), None));
        assert_eq!(at("Rust, Python, and Go", "Python"), (Some("Rust"), Some("and")));
        assert_eq!(at("(see below) for more", "for"), (Some("below"), None));
        assert_eq!(at("he said \u{201c}yes\u{201d}, then left", "then"), (Some("yes"), None));
        assert_eq!(at("the cold water", "cold"), (None, None), "a space alone is no loose join");
        assert_eq!(at("it ends. Then more", "Then"), (None, None), "a full stop ends the sentence");
        assert_eq!(at("a,  b", "b"), (None, None), "two spaces join nothing");
        assert_eq!(at("2.0, and", "and"), (None, None), "a number is no word");
    }

    #[test]
    fn a_combining_mark_goes_on_a_word_and_starts_none() {
        // A mark after a control character, as a fuzzer wrote it: no word of its own.
        let words = words_of("\u{2c00}\u{1}\u{300}\u{e000}\u{4e2d}\u{6587}\u{ff21}\u{ff22} x");
        assert!(words.iter().all(|w| w.chars().any(char::is_alphabetic)), "{words:?}");
        assert!(words.contains(&"x"), "{words:?}");
    }

    fn words_of(text: &str) -> Vec<&str> {
        tokens(text).into_iter().filter(|t| t.kind == TokenKind::Word).map(|t| t.span.slice(text)).collect()
    }

    fn kinds(text: &str) -> Vec<(&str, TokenKind)> {
        tokens(text).into_iter().map(|t| (t.span.slice(text), t.kind)).collect()
    }

    #[test]
    fn neighbours_are_the_words_a_single_space_joins() {
        fn at<'t>(text: &'t str, word: &str) -> (Option<&'t str>, Option<&'t str>) {
            let start = text.find(word).unwrap_or(0);
            neighbours(text, Span::new(start, start + word.len()))
        }
        assert_eq!(at("the cold water", "cold"), (Some("the"), Some("water")));
        assert_eq!(at("cold", "cold"), (None, None));
        assert_eq!(at("it's cold, yes", "cold"), (Some("it's"), None));
        assert_eq!(at("(cold water", "cold"), (None, Some("water")));
        assert_eq!(at("a  cold  b", "cold"), (None, None), "two spaces join nothing");
        assert_eq!(at("x1 cold 2y", "cold"), (None, None), "digits are no word");
        // Letters beyond ASCII, on either side and inside.
        assert_eq!(at("café cold naïve", "cold"), (Some("café"), Some("naïve")));
        assert_eq!(at("über cold élan", "cold"), (Some("über"), Some("élan")));
        assert_eq!(at("a—b cold c—d", "cold"), (Some("b"), Some("c")));
        assert_eq!(at("日本 cold", "cold"), (Some("日本"), None));
        // A single line break joins, with the spaces a wrapped line may end with; a blank line
        // or an indented line does not.
        assert_eq!(at("the\ncold\r\nwater", "cold"), (Some("the"), Some("water")));
        assert_eq!(at("the \ncold \t\nwater", "cold"), (Some("the"), Some("water")));
        assert_eq!(at("the\n \ncold\n  water", "cold"), (None, None));
    }

    #[test]
    fn words_keep_inner_apostrophes_and_drop_quotes() {
        assert_eq!(words_of("“There's a lot,” she said: don't."), ["There's", "a", "lot", "she", "said", "don't"]);
        assert_eq!(words_of("Kubernetes' pods (almost)"), ["Kubernetes", "pods", "almost"]);
    }

    #[test]
    fn hyphenated_words_come_as_parts() {
        assert_eq!(words_of("well-Placed vice-president"), ["well", "Placed", "vice", "president"]);
        // A suffix that makes a word vague is no word of its own.
        assert_eq!(words_of("fast-ish, square-ish and Kafka-esque"), ["fast", "square", "and", "Kafka"]);
    }

    #[test]
    fn urls_emails_paths_are_not_words() {
        assert_eq!(
            kinds("see https://example.com/a?b=c, mail me@host.org or /usr/bin."),
            [
                ("see", TokenKind::Word),
                ("https://example.com/a?b=c", TokenKind::Url),
                ("mail", TokenKind::Word),
                ("me@host.org", TokenKind::Email),
                ("or", TokenKind::Word),
                ("/usr/bin", TokenKind::Path),
            ]
        );
    }

    #[test]
    fn an_html_entity_left_in_the_text_is_markup_not_a_word() {
        // A page saved as text keeps its entities: `emsp` is no misspelling of `esp`.
        assert_eq!(
            words_of("Serde &emsp; Serde is (&nbsp;) fast &amp; small."),
            ["Serde", "Serde", "is", "fast", "small"]
        );
        assert_eq!(kinds("&emsp;")[0], ("&emsp;", TokenKind::Code));
    }

    #[test]
    fn a_line_typed_at_a_prompt_is_code() {
        let t = "Run this:\n\n    $ aws configure set region\n>>> sorted(data)\nThen it costs $ 5 and > 3 >>> 2.";
        assert_eq!(words_of(t), ["Run", "this", "Then", "it", "costs", "and"]);
        assert_eq!(kinds("$ make all")[0], ("$ make all", TokenKind::Code));
    }

    #[test]
    fn code_numbers_and_identifiers_are_not_words() {
        let t = "run `grep -rn foo` with --verbose on file.txt, snake_case, re.compile, urllib2 and 3.14";
        assert_eq!(words_of(t), ["run", "with", "on", "and"]);
    }

    #[test]
    fn fenced_blocks_are_code() {
        assert_eq!(words_of("Before\n```\nlet x = mispeled;\n```\nAfter"), ["Before", "After"]);
    }

    #[test]
    fn an_unclosed_backtick_does_not_hide_the_paragraph() {
        assert_eq!(words_of("a `b c\n\nd"), ["a", "b", "c", "d"]);
    }

    #[test]
    fn bracketed_notation_and_hyphenated_suffixes_are_not_words() {
        assert_eq!(
            words_of("match [abc], [akm$] or {x} by OR-ing [the code]"),
            ["match", "or", "by", "OR", "the", "code"]
        );
    }

    #[test]
    fn and_or_is_two_words() {
        assert_eq!(words_of("and/or"), ["and", "or"]);
    }

    #[test]
    fn non_breaking_spaces_separate_words() {
        assert_eq!(words_of("a\u{a0}b\u{2009}c"), ["a", "b", "c"]);
    }
}
