//! Articles as they come: plain text, Markdown or a web page. For Markdown, the prose is found with
//! pulldown-cmark, which gives every event its byte range in the source, and everything else is
//! blanked out to spaces of the same length: the checker then reads prose only, at the source's
//! own offsets, so that suspects, fixes and the JSON point into the file as it is.
//!
//! Checked: the text of paragraphs, headings, list items, quotes and table cells, link text and
//! image alt text. Never checked: code spans and blocks, URLs and link destinations, autolinks,
//! the text of a link named as the page it leads to (a handle),
//! reference definitions, HTML blocks and inline tags, entities and escapes, front matter (YAML
//! `---`, TOML `+++`), math, footnote labels and task-list boxes.

use crate::check::cache::Cache;
use crate::check::{Checked, Options};
use crate::lexicon::Lexicon;
use crate::span;
use crate::suspect::Suspect;
use pulldown_cmark::{Event, LinkType, Parser, Tag, TagEnd};
use std::borrow::Cow;
use std::path::Path;

/// How an article is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Format {
    /// Plain text: every byte is prose.
    #[default]
    Text,
    /// `CommonMark` with GFM tables, task lists, strikethrough and footnotes.
    Markdown,
    /// A web page: the article's text nodes are prose.
    Html,
}

/// File extensions of a web page.
const HTML_EXTENSIONS: [&str; 4] = ["html", "htm", "xhtml", "shtml"];
/// File extensions of Markdown.
const MARKDOWN_EXTENSIONS: [&str; 6] = ["md", "markdown", "mdown", "mkd", "mkdn", "mdx"];
/// How much of a text the sniffing reads: a bounded look, whatever the size.
const SNIFF_BYTES: usize = 64 * 1024;

impl Format {
    /// The format of a file: from its extension, else from its content.
    #[must_use]
    pub fn of(path: &Path, text: &str) -> Self {
        let ext = path.extension().and_then(|e| e.to_str()).unwrap_or_default().to_ascii_lowercase();
        if MARKDOWN_EXTENSIONS.contains(&ext.as_str()) {
            return Self::Markdown;
        }
        if HTML_EXTENSIONS.contains(&ext.as_str()) {
            return Self::Html;
        }
        if ext == "txt" || ext == "text" {
            return Self::Text;
        }
        Self::sniff(text)
    }

    /// Markdown when the start of the text has at least two of its marks on lines of their own:
    /// an ATX heading (`# Title`), a code fence, a link or image (`](`), a list item, front matter.
    #[must_use]
    pub fn sniff(text: &str) -> Self {
        let head = span::head(text, text.floor_char_boundary(SNIFF_BYTES.min(text.len())));
        let start = head.trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n']).to_ascii_lowercase();
        if start.starts_with("<!doctype html") || start.starts_with("<html") {
            return Self::Html;
        }
        let (mut heading, mut fence, mut link, mut item) = (false, false, false, false);
        for line in head.lines() {
            let l = line.trim_start();
            heading |= l.starts_with("# ") || l.starts_with("## ") || l.starts_with("### ");
            fence |= l.starts_with("```") || l.starts_with("~~~");
            link |= l.contains("](");
            item |= l.starts_with("- ") || l.starts_with("* ");
        }
        let front = head.starts_with("---\n") || head.starts_with("+++\n");
        let marks = [heading, fence, link, item, front].iter().filter(|&&m| m).count();
        if marks >= 2 { Self::Markdown } else { Self::Text }
    }
}

/// The text the checker should read: `text` itself for plain text; for Markdown, the same bytes
/// with everything that is not prose turned into spaces (line breaks kept), so that every offset
/// is the source's.
#[must_use]
pub fn prose(text: &str, format: Format) -> Cow<'_, str> {
    match format {
        Format::Text => Cow::Borrowed(text),
        Format::Markdown => Cow::Owned(markdown_prose(text)),
        Format::Html => Cow::Owned(html_prose(text)),
    }
}

/// Checks `text` written as `format`: the prose only ([`prose`]), at the source's offsets. A
/// suspect that touches blanked markup (a word glued to a tag or an entity, a comma after a
/// link's hidden destination) is dropped: it is not a word of prose as written.
#[must_use]
pub fn check(text: &str, format: Format, lexicon: &Lexicon, options: &Options) -> Checked {
    checked_and_markup(text, format, lexicon, options).0
}

/// [`check`], and the markup ([`markup_spans`]) from the same reading of the text.
#[must_use]
pub fn checked_and_markup(
    text: &str,
    format: Format,
    lexicon: &Lexicon,
    options: &Options,
) -> (Checked, Vec<crate::span::Span>) {
    let (checked, markup, ()) = read(text, format, lexicon, *options, |_| ());
    (checked, markup)
}

/// [`checked_and_markup`], and the article's own usage ([`Cache`]) that ranking its
/// misspellings' fixes reads, counted from the same prose.
#[must_use]
pub fn checked_markup_and_usage(
    text: &str,
    format: Format,
    lexicon: &Lexicon,
    options: &Options,
) -> (Checked, Vec<crate::span::Span>, Cache) {
    read(text, format, lexicon, *options, |prose| Cache::of(lexicon, prose))
}

/// The text checked, its markup, and what `then` makes of the prose after the check (whose own
/// memory is freed by then).
fn read<T>(
    text: &str,
    format: Format,
    lexicon: &Lexicon,
    options: Options,
    then: impl FnOnce(&str) -> T,
) -> (Checked, Vec<crate::span::Span>, T) {
    let prose = prose(text, format);
    let markup = spans_of(text, &prose);
    let mut checked = crate::check::check(&prose, lexicon, &options);
    let made = then(&prose);
    if let Cow::Owned(p) = &prose {
        checked.suspects.retain(in_prose(text, p));
    }
    (checked, markup, made)
}

/// [`check`] a section at a time ([`crate::check::check_each`]): each section's suspects go to
/// `each` in text order, at the source's offsets, until `each` breaks.
pub fn check_each(
    text: &str,
    format: Format,
    lexicon: &Lexicon,
    options: &Options,
    mut each: impl FnMut(Checked) -> std::ops::ControlFlow<()>,
) {
    let prose = prose(text, format);
    let keep = match &prose {
        Cow::Owned(p) => Some(in_prose(text, p)),
        Cow::Borrowed(_) => None,
    };
    crate::check::check_each(&prose, lexicon, options, |mut part| {
        if let Some(keep) = &keep {
            part.suspects.retain(keep);
        }
        each(part)
    });
}

/// Whether a suspect of `prose`, `text` with its markup blanked, is a word of prose as written:
/// it touches no blanked byte, and the word does not go on through the markup on either side
/// (`Initial&shy;izing`).
fn in_prose<'a>(text: &'a str, prose: &'a str) -> impl Fn(&Suspect) -> bool + 'a {
    let (p, t) = (prose.as_bytes(), text.as_bytes());
    let blanked = move |i: usize| p.get(i).is_some_and(|&b| b == b' ') && t.get(i).is_some_and(|&b| b != b' ');
    let wordy = move |i: usize| t.get(i).is_some_and(|&b| b.is_ascii_alphanumeric() || b >= 0x80);
    // A run of blanked bytes right before `at`, with a letter right before the run (and the
    // same after `end`).
    let glued_before = move |at: usize| {
        let mut i = at;
        while i > 0 && blanked(i - 1) {
            i -= 1;
        }
        i < at && i > 0 && wordy(i - 1)
    };
    let glued_after = move |end: usize| {
        let mut i = end;
        while blanked(i) {
            i += 1;
        }
        i > end && wordy(i)
    };
    move |s: &Suspect| {
        !(s.span.start..s.span.end).any(blanked) && !glued_before(s.span.start) && !glued_after(s.span.end)
    }
}

/// The byte ranges of `text` that are markup, not prose (tags, URLs, code blocks, front
/// matter...), sorted and disjoint: what the reader dims. Plain text has none.
#[must_use]
pub fn markup_spans(text: &str, format: Format) -> Vec<crate::span::Span> {
    spans_of(text, &prose(text, format))
}

/// Where `prose` hid the markup of `text` (none when it is the text itself).
fn spans_of(text: &str, prose: &str) -> Vec<crate::span::Span> {
    if std::ptr::eq(text, prose) {
        return Vec::new();
    }
    let p = prose;
    let mut spans = Vec::new();
    let mut run: Option<usize> = None;
    for (i, (a, b)) in p.bytes().zip(text.bytes()).enumerate() {
        let hidden = a != b && !b.is_ascii_whitespace();
        match (hidden, run) {
            (true, None) => run = Some(i),
            (false, Some(start)) => {
                spans.push(crate::span::Span::new(start, i));
                run = None;
            }
            _ => {}
        }
    }
    if let Some(start) = run {
        spans.push(crate::span::Span::new(start, text.len()));
    }
    spans
}

/// The article as plain text: of a web page, its article's text, a line for each block and a
/// blank line between paragraphs, spaces collapsed as a browser collapses them, list items
/// after `- ` or their number, quotes after `> `; Markdown and plain text as they are.
#[must_use]
pub fn article_text(text: &str, format: Format) -> String {
    article_as(text, format, true)
}

/// A web page's article written as Markdown, as it reads now (fixes and all): headings as `#`,
/// paragraphs apart, lists as `-` or numbers, quotes as `>`, `<pre>` fenced, and strong,
/// emphasis, code, struck text and links as Markdown writes them. What the reader hides (the
/// page around the article, tags, scripts) is left out, and entities are the characters they
/// stand for. A mark in the text that Markdown would read as markup (`*`, `_`, a `#` that
/// begins a line) is escaped with a backslash, so the text reads as it did. Markdown and plain
/// text are returned as they are.
#[must_use]
pub fn article_markdown(text: &str, format: Format) -> String {
    article_as(text, format, false)
}

/// [`article_text`] (`plain`) or [`article_markdown`].
fn article_as(text: &str, format: Format, plain: bool) -> String {
    if format != Format::Html {
        return text.to_string();
    }
    let mut md = ArticleWriter { plain, ..ArticleWriter::default() };
    page_article(text, |step| md.step(text, step));
    md.block("\n\n");
    let mut out = md.out.trim_end().to_string();
    out.push('\n');
    out
}

/// How Markdown marks an inline element's text, on both sides.
fn inline_mark(name: &[u8]) -> &'static str {
    match name {
        b"strong" | b"b" => "**",
        b"em" | b"i" => "*",
        b"s" | b"del" | b"strike" => "~~",
        _ => "`",
    }
}

/// A web page's article being written as Markdown ([`article_markdown`]) or as text.
#[derive(Default)]
struct ArticleWriter {
    out: String,
    /// The block being written: its inline text.
    line: String,
    /// Lists open: whether numbered, and the items so far.
    lists: Vec<(bool, usize)>,
    /// Quotes and `<pre>`s open.
    quotes: usize,
    pre: usize,
    /// Where each open link leads.
    links: Vec<Option<String>>,
    /// Plain text: no inline marks, heading marks or code fences.
    plain: bool,
}

impl ArticleWriter {
    /// Ends the block being written, `sep` after it, each of its lines quoted as deep as it is.
    fn block(&mut self, sep: &str) {
        let line = std::mem::take(&mut self.line);
        if line.trim().is_empty() {
            return;
        }
        let quote = "> ".repeat(self.quotes);
        for l in line.trim().lines() {
            self.out.push_str(&quote);
            self.out.push_str(l.trim_end());
            self.out.push('\n');
        }
        self.out.push_str(sep.strip_prefix('\n').unwrap_or(sep));
    }

    fn step(&mut self, text: &str, step: PageStep<'_>) {
        match step {
            PageStep::Open { name, attr, .. } => self.open(name, attr),
            PageStep::Close { name, .. } => self.close(name),
            PageStep::Text { span, .. } => self.text(span::cut(text, span.start, span.end)),
        }
    }

    /// A start tag.
    fn open(&mut self, name: &[u8], attr: Option<String>) {
        match name {
            [b'h', n @ b'1'..=b'6'] => {
                self.block("\n\n");
                if !self.plain {
                    self.line = format!("{} ", "#".repeat(usize::from(n - b'0')));
                }
            }
            b"ul" | b"ol" => {
                self.block(if self.lists.is_empty() { "\n\n" } else { "\n" });
                self.lists.push((name == b"ol", 0));
            }
            b"li" => {
                self.block("\n");
                let depth = self.lists.len().saturating_sub(1);
                let marker = match self.lists.last_mut() {
                    Some((true, n)) => {
                        *n += 1;
                        format!("{n}. ")
                    }
                    _ => "- ".to_string(),
                };
                self.line = format!("{}{marker}", "  ".repeat(depth));
            }
            b"blockquote" => {
                self.block("\n\n");
                self.quotes += 1;
            }
            b"pre" => {
                self.block("\n\n");
                if self.pre == 0 && !self.plain {
                    self.out.push_str(&"> ".repeat(self.quotes));
                    self.out.push_str("```\n");
                }
                self.pre += 1;
            }
            b"br" => self.line.push('\n'),
            b"hr" => {
                self.block("\n\n");
                self.out.push_str("---\n\n");
            }
            b"strong" | b"b" | b"em" | b"i" | b"s" | b"del" | b"strike" | b"code" if !self.plain && self.pre == 0 => {
                self.line.push_str(inline_mark(name));
            }
            b"a" => {
                if !self.plain {
                    self.line.push('[');
                }
                self.links.push(attr);
            }
            b"img" if !self.plain => {
                if let Some(alt) = attr.filter(|a| !a.trim().is_empty()) {
                    self.line.push('*');
                    escape_into(&mut self.line, alt.trim(), false);
                    self.line.push('*');
                }
            }
            n if is_block(n) => self.block("\n\n"),
            _ => {}
        }
    }

    /// An end tag.
    fn close(&mut self, name: &[u8]) {
        match name {
            b"ul" | b"ol" => {
                self.block("\n");
                self.lists.pop();
                if self.lists.is_empty() {
                    self.out.push('\n');
                }
            }
            b"li" => self.block("\n"),
            b"blockquote" => {
                self.block("\n\n");
                self.quotes = self.quotes.saturating_sub(1);
            }
            b"pre" => {
                self.pre = self.pre.saturating_sub(1);
                if self.pre == 0 {
                    if !self.out.ends_with('\n') {
                        self.out.push('\n');
                    }
                    if !self.plain {
                        self.out.push_str(&"> ".repeat(self.quotes));
                        self.out.push_str("```\n");
                    }
                    self.out.push('\n');
                }
            }
            b"strong" | b"b" | b"em" | b"i" | b"s" | b"del" | b"strike" | b"code" if !self.plain && self.pre == 0 => {
                self.line.push_str(inline_mark(name));
            }
            b"a" => match self.links.pop().flatten() {
                _ if self.plain => {}
                Some(href) => {
                    // A destination with spaces or brackets is written between `<` and `>`.
                    let bare = !href.contains([' ', '(', ')', '<', '>', '\n']);
                    self.line.push_str(if bare { "](" } else { "](<" });
                    self.line.push_str(&href.replace(['<', '>', '\n'], ""));
                    self.line.push_str(if bare { ")" } else { ">)" });
                }
                None => self.line.push(']'),
            },
            n if is_block(n) => self.block("\n\n"),
            _ => {}
        }
    }

    /// A text node, as written in the page.
    fn text(&mut self, written: &str) {
        let mut decoded = String::with_capacity(written.len());
        let mut at = 0;
        for (from, len, c) in entities(written) {
            decoded.push_str(span::cut(written, at, from));
            match c {
                Some(c) => decoded.push(c),
                None => decoded.push_str(span::cut(written, from, from + len)),
            }
            at = from + len;
        }
        decoded.push_str(span::tail(written, at));
        if self.pre > 0 {
            // Code keeps its lines, each quoted as deep as the block is.
            let quote = "> ".repeat(self.quotes);
            let body = if self.out.ends_with("```\n") { decoded.trim_start_matches('\n') } else { &decoded };
            for (k, l) in body.split('\n').enumerate() {
                if k > 0 {
                    self.out.push('\n');
                    self.out.push_str(&quote);
                } else if self.out.ends_with('\n') {
                    self.out.push_str(&quote);
                }
                self.out.push_str(l);
            }
            return;
        }
        // Whitespace collapses, as a browser draws it.
        let words: Vec<&str> = decoded.split_whitespace().collect();
        if words.is_empty() {
            if !self.line.is_empty() && !self.line.ends_with([' ', '\n']) {
                self.line.push(' ');
            }
            return;
        }
        if decoded.starts_with(char::is_whitespace) && !self.line.is_empty() && !self.line.ends_with([' ', '\n']) {
            self.line.push(' ');
        }
        for (k, w) in words.iter().enumerate() {
            if k > 0 {
                self.line.push(' ');
            }
            if self.plain {
                self.line.push_str(w);
            } else {
                // At the block's start (after its `#`s, bullet or number), a mark opens a block.
                let lead = self.line.trim_start_matches(' ');
                let first = lead.is_empty() || lead.ends_with("# ") || is_marker(lead) || self.line.ends_with('\n');
                escape_into(&mut self.line, w, first);
            }
        }
        if decoded.ends_with(char::is_whitespace) {
            self.line.push(' ');
        }
    }
}

/// True when `lead`, a block's text so far, is a list item's marker (`- `, `1. `).
fn is_marker(lead: &str) -> bool {
    lead == "- " || lead.strip_suffix(". ").is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

/// Pushes `word`, text of a page, to Markdown being written, with a backslash before each mark
/// that would make it markup: emphasis, code, links, tags and entities anywhere; and when it
/// begins a block (`first`), a heading's `#`, a quote's `>`, a bullet, a number's `.` or `)`.
fn escape_into(out: &mut String, word: &str, first: bool) {
    let bytes = word.as_bytes();
    let digits = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
    for (i, c) in word.char_indices() {
        let next = bytes.get(i + 1).copied();
        let mark = match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '~' | '|' => true,
            '&' => next.is_some_and(|b| b.is_ascii_alphabetic() || b == b'#'),
            '#' | '>' | '-' | '+' | '=' => first && i == 0,
            '.' | ')' => first && i == digits && digits > 0,
            _ => false,
        };
        if mark {
            out.push('\\');
        }
        out.push(c);
    }
}

/// The parser's options: `CommonMark` and the GFM extensions galley reads, front matter and math.
pub(crate) fn options() -> pulldown_cmark::Options {
    use pulldown_cmark::Options as O;
    O::ENABLE_TABLES
        | O::ENABLE_FOOTNOTES
        | O::ENABLE_STRIKETHROUGH
        | O::ENABLE_TASKLISTS
        | O::ENABLE_YAML_STYLE_METADATA_BLOCKS
        | O::ENABLE_PLUSES_DELIMITED_METADATA_BLOCKS
        | O::ENABLE_MATH
}

/// The last part of a link's path (`https://github.com/estebank/` -> `estebank`), without a
/// query or a fragment.
fn last_segment(url: &str) -> Option<&str> {
    let path = url.split(['?', '#']).next()?.trim_end_matches('/');
    let last = path.rsplit('/').next()?;
    (!last.is_empty() && last.len() < path.len()).then_some(last)
}

fn markdown_prose(text: &str) -> String {
    // Which bytes stay: all but what the events below blank out.
    let mut keep = vec![true; text.len()];
    let blank = |range: std::ops::Range<usize>, keep: &mut [bool], on: bool| {
        if let Some(part) = keep.get_mut(range) {
            part.fill(on);
        }
    };
    let parser = Parser::new_ext(text, options());
    let defs: Vec<std::ops::Range<usize>> =
        parser.reference_definitions().iter().map(|(_, def)| def.span.clone()).collect();
    // Inside code, HTML, front matter or an autolink, no text is prose.
    let mut opaque = 0usize;
    // Where a block of its own begins (a table cell, a list item whose text follows hidden
    // markup): the byte before its text reads as a line break, so that the casing sees a
    // cell or an item start afresh, as it sees a line, and not mid-sentence.
    let mut breaks: Vec<usize> = Vec::new();
    let mut item_start: Option<usize> = None;
    // The last part of the path of the link being read, if any.
    let mut handle: Option<String> = None;
    for (event, range) in parser.into_offset_iter() {
        if let Some(start) = item_start
            && matches!(event, Event::Text(_) | Event::Code(_))
        {
            if range.start > start && range.start > 0 {
                breaks.push(range.start - 1);
            }
            item_start = None;
        }
        match event {
            Event::Start(Tag::TableCell) => {
                // The pipes around a cell.
                if range.start > 0 && text.as_bytes().get(range.start - 1) == Some(&b'|') {
                    breaks.push(range.start - 1);
                }
                if text.as_bytes().get(range.end) == Some(&b'|') {
                    breaks.push(range.end);
                }
            }
            Event::Start(Tag::Item) => item_start = Some(range.start),
            Event::Start(
                Tag::CodeBlock(_)
                | Tag::HtmlBlock
                | Tag::MetadataBlock(_)
                | Tag::Link { link_type: LinkType::Autolink | LinkType::Email, .. },
            ) => {
                blank(range, &mut keep, false);
                opaque += 1;
            }
            Event::End(TagEnd::CodeBlock | TagEnd::HtmlBlock | TagEnd::MetadataBlock(_) | TagEnd::Link)
                if opaque > 0 =>
            {
                opaque -= 1;
            }
            // A link's text is a label, written in the author's casing (`[Report a Bug]`): it
            // starts afresh, as a line does.
            // One that leads a list item (`[#164](...) Set the MSRV`) is a label before it.
            Event::Start(Tag::Link { dest_url, .. }) => {
                if item_start.is_some() {
                    breaks.push(range.end);
                }
                blank(range.clone(), &mut keep, false);
                breaks.push(range.start);
                handle = last_segment(&dest_url).map(str::to_string);
            }
            Event::End(TagEnd::Link) => handle = None,
            // A link to a page named as its text is a handle (`[estebank](https://github.com/
            // estebank)`, `[@teor]`), not a word of prose.
            Event::Text(t)
                if opaque == 0
                    && handle.as_deref().is_some_and(|h| t.trim_start_matches('@').eq_ignore_ascii_case(h)) => {}
            // A container's own marks go (`**`, `[`, `](url "title")`); its text comes back below.
            Event::Start(Tag::Image { .. } | Tag::Emphasis | Tag::Strong | Tag::Strikethrough) => {
                blank(range, &mut keep, false);
            }
            Event::Text(t) if opaque == 0 => {
                // An entity or an escape reads otherwise than it is written: not a word as written.
                let written = span::cut(text, range.start, range.end);
                blank(range, &mut keep, written == t.as_ref());
            }
            // Inline code (`Event::Code`) stays as written: the tokenizer never checks `code`,
            // and a sentence that starts with it must not seem to start with the word after it.
            Event::InlineMath(_)
            | Event::DisplayMath(_)
            | Event::Html(_)
            | Event::InlineHtml(_)
            | Event::FootnoteReference(_)
            | Event::TaskListMarker(_) => blank(range, &mut keep, false),
            Event::Start(Tag::FootnoteDefinition(_)) => {
                // `[^label]:` goes; the note's text is prose.
                let label_end =
                    span::cut(text, range.start, range.end).find("]:").map_or(range.start, |i| range.start + i + 2);
                blank(range.start..label_end, &mut keep, false);
            }
            _ => {}
        }
    }
    for def in defs {
        blank(def, &mut keep, false);
    }
    let mut bytes: Vec<u8> =
        text.bytes().zip(&keep).map(|(b, &k)| if k || b == b'\n' || b == b'\r' { b } else { b' ' }).collect();
    for at in breaks {
        // Only over a mark or a space, never over a letter of prose.
        if let Some(b) = bytes.get_mut(at)
            && (*b == b' ' || *b == b'|' || b.is_ascii_punctuation())
        {
            *b = b'\n';
        }
    }
    // Whole characters are kept or blanked (every range lies on char boundaries); should one not
    // be, its bytes are spaces all the same.
    String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).replace('\u{fffd}', " "))
}

/// Elements whose content is never prose of the article: code, scripts, styles, forms, and
/// the page around the article (navigation, header, footer, asides).
const NOT_PROSE: [&[u8]; 18] = [
    b"script",
    b"style",
    b"noscript",
    b"template",
    b"svg",
    b"math",
    b"head",
    b"nav",
    b"header",
    b"footer",
    b"aside",
    b"form",
    b"button",
    b"select",
    b"textarea",
    b"pre",
    b"code",
    b"iframe",
];
/// Elements that start a block: the casing sees their text start afresh, as a line.
const BLOCKS: [&[u8]; 24] = [
    b"p",
    b"div",
    b"li",
    b"ul",
    b"ol",
    b"h1",
    b"h2",
    b"h3",
    b"h4",
    b"h5",
    b"h6",
    b"td",
    b"th",
    b"tr",
    b"br",
    b"blockquote",
    b"section",
    b"article",
    b"main",
    b"dt",
    b"dd",
    b"figcaption",
    b"table",
    b"hr",
];

/// The tokens of a web page, each with its byte range.
pub(crate) fn page_tokens(text: &str) -> impl Iterator<Item = html5gum::Token<usize>> + '_ {
    let mut emitter = html5gum::DefaultEmitter::<usize>::new_with_span();
    // `<script>` and `<style>` hold raw text, as a browser's tree builder would say.
    emitter.naively_switch_states(true);
    html5gum::Tokenizer::new_with_emitter(text, emitter).flatten()
}

/// Which element holds a page's article: the first of `<article>` and `<main>` the page has;
/// else (`None`) the block whose paragraphs hold the most text ([`densest_block`]), if any;
/// else the whole page.
///
/// One pass over the page's tokens: the densest block is scored as they go by, and the pass
/// stops at an `<article>`, which wins whatever follows. (It was a pass to find the tags, and a
/// second to score the blocks when neither was there.)
fn article_scope(text: &str) -> (Option<&'static [u8]>, Option<std::ops::Range<usize>>) {
    let (mut article, mut main) = (false, false);
    let block = densest_block(page_tokens(text).map_while(|token| {
        if let html5gum::Token::StartTag(tag) = &token {
            main |= tag.name.as_slice() == b"main";
            article = tag.name.as_slice() == b"article";
        }
        (!article).then_some(token)
    }));
    if article {
        (Some(b"article"), None)
    } else if main {
        (Some(b"main"), None)
    } else {
        (None, block)
    }
}

/// The entities of a web page's text (`&amp;`, `&#8212;`): where each begins, its length, and
/// the character it stands for when galley knows it.
pub(crate) fn entities(written: &str) -> impl Iterator<Item = (usize, usize, Option<char>)> + '_ {
    let mut at = 0;
    std::iter::from_fn(move || {
        loop {
            let from = at + span::tail(written, at).find('&')?;
            let len = span::tail(written, from + 1)
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '#'))
                .filter(|&n| n > 0 && span::tail(written, from + 1 + n).starts_with(';'))
                .map_or(0, |n| n + 2);
            at = from + len.max(1);
            if len > 0 {
                return Some((from, len, entity_char(span::cut(written, from + 1, from + len - 1))));
            }
        }
    })
}

/// The prose of a web page: the text of the article (inside `<article>`, else `<main>`, else
/// the body), outside code, scripts and the page around it. Tags, comments and entities are
/// blanked; a block tag ends in a line break.
fn html_prose(text: &str) -> String {
    use html5gum::Token;
    let tokens = || page_tokens(text);
    let (container, block) = article_scope(text);
    let mut bytes: Vec<u8> = text.bytes().map(|b| if b == b'\n' || b == b'\r' { b } else { b' ' }).collect();
    let (mut inside, mut skipped) = (usize::from(container.is_none()), 0usize);
    for token in tokens() {
        if let (Some(range), Token::String(s)) = (&block, &token)
            && !range.contains(&s.span.start)
        {
            continue; // outside the densest block
        }
        match token {
            Token::StartTag(tag) => {
                let name = tag.name.as_slice();
                if container == Some(name) {
                    inside += 1;
                }
                if NOT_PROSE.contains(&name) && !tag.self_closing {
                    skipped += 1;
                }
                if BLOCKS.contains(&name)
                    && tag.span.end > tag.span.start
                    && let Some(b) = bytes.get_mut(tag.span.end - 1)
                {
                    *b = b'\n';
                }
            }
            Token::EndTag(tag) => {
                let name = tag.name.as_slice();
                if container == Some(name) {
                    inside = inside.saturating_sub(1);
                }
                if NOT_PROSE.contains(&name) {
                    skipped = skipped.saturating_sub(1);
                }
                if BLOCKS.contains(&name)
                    && tag.span.end > tag.span.start
                    && let Some(b) = bytes.get_mut(tag.span.end - 1)
                {
                    *b = b'\n';
                }
            }
            Token::String(s) if inside > 0 && skipped == 0 => {
                let (start, end) = (s.span.start, s.span.end.min(text.len()));
                let written = span::cut(text, start, end);
                for (i, b) in written.bytes().enumerate() {
                    bytes[start + i] = b;
                }
                // An entity (`&quot;`, `&#8212;`) reads as the character it stands for, then
                // spaces to its length: a quote still opens a quotation, and a word glued to an
                // entity (`Initial&shy;izing`) is dropped by [`check`].
                for (from, len, c) in entities(written) {
                    let entity = &mut bytes[start + from..start + from + len];
                    entity.fill(b' ');
                    if let Some(c) = c {
                        let mut buf = [0u8; 4];
                        let encoded = c.encode_utf8(&mut buf).as_bytes();
                        if encoded.len() <= len {
                            entity[..encoded.len()].copy_from_slice(encoded);
                        }
                    }
                }
            }
            _ => {}
        }
    }
    String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).replace('\u{fffd}', " "))
}

/// A step through a web page's article, as the reader renders it ([`page_article`]).
pub(crate) enum PageStep<'a> {
    /// A start tag: its name, bytes, and where it leads (`href`) or what it shows (`alt`).
    Open { name: &'a [u8], span: std::ops::Range<usize>, attr: Option<String> },
    /// An end tag.
    Close { name: &'a [u8], span: std::ops::Range<usize> },
    /// A text node.
    Text { span: std::ops::Range<usize> },
}

/// Gives `each` the tags and text of a web page's article, as [`html_prose`] finds it (code
/// included, scripts, forms and the page around the article not), in the page's order.
pub(crate) fn page_article(text: &str, mut each: impl FnMut(PageStep<'_>)) {
    use html5gum::Token;
    let (container, block) = article_scope(text);
    let within = |at: usize| block.as_ref().is_none_or(|b| b.contains(&at));
    let (mut inside, mut skipped) = (usize::from(container.is_none()), 0usize);
    for token in page_tokens(text) {
        match token {
            Token::StartTag(tag) => {
                let name = tag.name.as_slice();
                if container == Some(name) {
                    inside += 1;
                }
                let is_code = name == b"pre" || name == b"code";
                let shown = inside > 0 && skipped == 0 && within(tag.span.start);
                if NOT_PROSE.contains(&name) && !tag.self_closing && !is_code {
                    skipped += 1;
                }
                if shown {
                    let key: &[u8] = if name == b"img" { b"alt" } else { b"href" };
                    let attr = tag.attributes.get(key).map(|v| String::from_utf8_lossy(v).into_owned());
                    each(PageStep::Open { name, span: tag.span.start..tag.span.end, attr });
                }
            }
            Token::EndTag(tag) => {
                let name = tag.name.as_slice();
                let is_code = name == b"pre" || name == b"code";
                if NOT_PROSE.contains(&name) && !is_code {
                    skipped = skipped.saturating_sub(1);
                }
                if inside > 0 && skipped == 0 && within(tag.span.start) {
                    each(PageStep::Close { name, span: tag.span.start..tag.span.end });
                }
                if container == Some(name) {
                    inside = inside.saturating_sub(1);
                }
            }
            Token::String(s) if inside > 0 && skipped == 0 && within(s.span.start) => {
                each(PageStep::Text { span: s.span.start..s.span.end.min(text.len()) });
            }
            _ => {}
        }
    }
}

/// Whether a tag starts a block of its own (a line of the article).
pub(crate) fn is_block(name: &[u8]) -> bool {
    BLOCKS.contains(&name) || name == b"pre"
}

/// How far down the open containers an end tag is matched.
const NESTING: usize = 64;
/// Elements that hold a page's content, whose paragraphs count towards them.
const CONTAINERS: [&[u8]; 6] = [b"div", b"section", b"td", b"body", b"center", b"font"];

/// The byte range of the container whose own paragraphs hold the most text that is not link
/// text, as Firefox's Reader View scores a page with no `<article>` or `<main>`: each
/// paragraph's text counts towards the block it sits in directly. `None` when no paragraph has
/// any (the whole page is then read).
fn densest_block(tokens: impl Iterator<Item = html5gum::Token<usize>>) -> Option<std::ops::Range<usize>> {
    use html5gum::Token;
    // Open containers: name, where the start tag begins, the text of their paragraphs.
    let mut open: Vec<(Vec<u8>, usize, usize)> = Vec::new();
    let (mut in_p, mut in_link, mut skipped, mut p_text) = (0usize, 0usize, 0usize, 0usize);
    let mut best: Option<(usize, std::ops::Range<usize>)> = None;
    for token in tokens {
        match token {
            Token::StartTag(tag) => {
                let name = tag.name.as_slice();
                if NOT_PROSE.contains(&name) && !tag.self_closing {
                    skipped += 1;
                } else if CONTAINERS.contains(&name) && !tag.self_closing {
                    open.push((name.to_vec(), tag.span.start, 0));
                } else if name == b"p" {
                    in_p += 1;
                } else if name == b"a" {
                    in_link += 1;
                }
            }
            Token::EndTag(tag) => {
                let name = tag.name.as_slice();
                if NOT_PROSE.contains(&name) {
                    skipped = skipped.saturating_sub(1);
                } else if name == b"p" && in_p > 0 {
                    in_p -= 1;
                    if let Some(top) = open.last_mut() {
                        top.2 += std::mem::take(&mut p_text);
                    }
                } else if name == b"a" {
                    in_link = in_link.saturating_sub(1);
                } else if let Some(at) = CONTAINERS
                    .contains(&name)
                    .then(|| {
                        // Looked for among the innermost few only: tag soup stays linear.
                        let from = open.len().saturating_sub(NESTING);
                        open[from..].iter().rposition(|(n, _, _)| n.as_slice() == name).map(|k| from + k)
                    })
                    .flatten()
                {
                    // Tags left open inside close with it.
                    for (_, start, score) in open.drain(at..) {
                        if best.as_ref().is_none_or(|(b, _)| score > *b) && score > 0 {
                            best = Some((score, start..tag.span.end));
                        }
                    }
                }
            }
            Token::String(s) if in_p > 0 && in_link == 0 && skipped == 0 => {
                p_text += s.value.iter().filter(|b| !b.is_ascii_whitespace()).count();
            }
            _ => {}
        }
    }
    best.map(|(_, range)| range)
}

/// The character an entity's name (`quot`, `#8212`, `#x2014`) stands for, for the entities
/// prose uses; `None` for the others, which stay blank.
fn entity_char(name: &str) -> Option<char> {
    if let Some(num) = name.strip_prefix('#') {
        let n = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        return char::from_u32(n).filter(|c| !c.is_control());
    }
    Some(match name {
        "quot" => '"',
        "amp" => '&',
        "apos" => '\'',
        "lt" => '<',
        "gt" => '>',
        "nbsp" => '\u{a0}',
        "shy" => '\u{ad}',
        "ndash" => '–',
        "mdash" => '—',
        "hellip" => '…',
        "lsquo" => '‘',
        "rsquo" => '’',
        "ldquo" => '“',
        "rdquo" => '”',
        "copy" => '©',
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prose_stays_at_its_offsets_and_markup_goes() {
        let md = "---\ntitle: Teh doc\n---\n# Getting Started\n\nRead the [giude](https://exmaple.com/teh) and `teh_code`.\n\n```rust\nlet teh = 1;\n```\n\n<div class=\"teh\">raw</div>\n\n![an imgae](img/teh.png) &emsp; <https://teh.io>\n\n[ref]: https://teh.example\n";
        let p = prose(md, Format::Markdown);
        assert_eq!(p.len(), md.len());
        assert!(p.matches('\n').count() >= md.matches('\n').count());
        for kept in ["Getting Started", "Read the ", "giude", " and ", "`teh_code`", "an imgae"] {
            let at = md.find(kept).expect("in the source");
            assert_eq!(span::cut(&p, at, at + kept.len()), kept, "{kept:?} is prose");
        }
        for gone in ["Teh doc", "exmaple", "let teh", "class", "img/teh", "emsp", "teh.io", "teh.example"] {
            assert!(!p.contains(gone), "{gone:?} is markup: {p}");
        }
        assert_eq!(prose(md, Format::Text), md);
    }

    #[test]
    fn a_link_named_as_its_page_is_a_handle_and_not_prose() {
        let md = "Thanks to [estebank](https://github.com/estebank/), [@Pnkfelix][p] and the \
                  [reveiw](https://example.com/review?x#y).\n\n[p]: https://github.com/pnkfelix\n";
        let p = prose(md, Format::Markdown);
        for gone in ["estebank", "Pnkfelix"] {
            assert!(!p.contains(gone), "{gone:?} is a handle: {p}");
        }
        assert!(p.contains("reveiw"), "link text to another page is prose: {p}");
        assert_eq!(last_segment("https://github.com/"), Some("github.com"));
        assert_eq!(last_segment("review"), None);
    }

    #[test]
    fn a_page_has_the_prose_of_its_article_checked() {
        let page = "<!DOCTYPE html><html><head><title>Teh page</title><style>p { colr: red }</style></head>\n<body><nav><a href=\"/\">Hoem</a></nav>\n<article><h1>A titel</h1><p>Some &amp; teh text, <b>bold</b>ly <a href=\"https://exmaple.com\">linkd</a>.</p>\n<pre>let teh = 1;</pre><script>var teh;</script></article>\n<footer>Copyrihgt</footer></body></html>\n";
        let p = prose(page, Format::Html);
        assert_eq!(p.len(), page.len());
        for kept in ["A titel", "Some ", " teh text, ", "bold", "linkd"] {
            assert!(p.contains(kept), "{kept:?} is prose: {p:?}");
        }
        assert!(p.contains("Some &     teh"), "an entity reads as its character: {p:?}");
        for gone in ["Teh page", "colr", "Hoem", "exmaple", "let teh", "var teh", "Copyrihgt", "amp", "href"] {
            assert!(!p.contains(gone), "{gone:?} is not prose: {p:?}");
        }
        assert_eq!(Format::of(Path::new("a.html"), ""), Format::Html);
        assert_eq!(Format::sniff("\n<!doctype html>\n<p>x</p>"), Format::Html);
    }

    #[test]
    fn a_page_without_article_or_main_is_read_from_its_densest_block() {
        let page = "<html><body><div class=\"menu\"><p><a href=\"/\">Hoem</a> <a href=\"/b\">Blgo</a></p></div>\n<div class=\"content\"><p>The first paragrpah of the story.</p><p>A second one, longer than the menu.</p></div>\n<div class=\"side\"><p>Folow us</p></div></body></html>";
        let p = prose(page, Format::Html);
        assert!(p.contains("paragrpah") && p.contains("second one"), "{p:?}");
        for gone in ["Hoem", "Blgo", "Folow"] {
            assert!(!p.contains(gone), "{gone} is around the article: {p:?}");
        }
        // No paragraph anywhere: the whole page is read.
        assert!(prose("<html><body><div>Just text</div></body></html>", Format::Html).contains("Just text"));
    }

    #[test]
    fn an_article_wins_over_main_wherever_it_stands_and_main_over_the_densest_block() {
        // The scope is found in one pass that stops at `<article>`: a `<main>` before it, or a
        // denser block, must not win.
        let both = "<html><body><main><p>Menu itemz</p><article><p>The storey.</p></article></main>\n<div><p>A much longer paragrpah that is not the article at all.</p></div></body></html>";
        let p = prose(both, Format::Html);
        assert!(p.contains("storey") && !p.contains("itemz") && !p.contains("paragrpah"), "{p:?}");
        let main = "<html><body><main><p>Short mian.</p></main>\n<div><p>A much longer paragrpah outside main.</p></div></body></html>";
        let p = prose(main, Format::Html);
        assert!(p.contains("mian") && !p.contains("paragrpah"), "{p:?}");
    }

    #[test]
    fn a_page_exports_as_its_article_in_markdown() {
        let page = "<html><head><title>T</title></head><body><nav><a href=\"/\">Home</a></nav>\n<article>\n  <h1>Release &amp; notes</h1>\n  <p>First <b>bold</b> and\n  <a href=\"https://x.io\">a link</a>, <code>x</code>.</p>\n  <ul>\n    <li>one</li>\n    <li>two <em>it</em></li>\n  </ul>\n<ol><li>first</li><li>second</li></ol>\n<blockquote><p>Quoted.</p></blockquote>\n<pre><code>\nlet x = 1;\nlet y = 2;\n</code></pre>\n<p>End.</p></article></body></html>\n";
        assert_eq!(
            article_markdown(page, Format::Html),
            "# Release & notes\n\nFirst **bold** and [a link](https://x.io), `x`.\n\n- one\n- two *it*\n\n1. first\n2. second\n\n> Quoted.\n\n```\nlet x = 1;\nlet y = 2;\n```\n\nEnd.\n"
        );
        assert_eq!(article_markdown("# A\n", Format::Markdown), "# A\n");
    }

    #[test]
    fn a_pages_text_that_looks_like_markdown_is_escaped_in_its_export() {
        use pulldown_cmark::{Event, Parser, Tag};
        let page = "<article><h2># Not a tag</h2><p>2 * 3 * 4 = 24, a_b_c_, [x](y) &amp;copy; \\o/ ~~no~~ | a |</p><p>1. Not a list</p><p>- Not a bullet</p><p>&gt; Not a quote</p><p>Go <a href=\"https://x.io/a (b)\">there</a>, <em>*</em></p></article>";
        let md = article_markdown(page, Format::Html);
        let mut read = String::new();
        let mut tags = Vec::new();
        for event in Parser::new_ext(&md, options()) {
            match event {
                Event::Text(t) => read.push_str(&t),
                Event::SoftBreak | Event::End(_) => read.push(' '),
                Event::Start(t @ (Tag::Heading { .. } | Tag::Paragraph)) => {
                    tags.push(format!("{t:?}").chars().take(7).collect::<String>());
                }
                Event::Start(Tag::Link { dest_url, .. }) => tags.push(dest_url.to_string()),
                Event::Start(Tag::Emphasis) => tags.push("em".into()),
                Event::Start(t) => tags.push(format!("unexpected {t:?}")),
                _ => {}
            }
        }
        let read = read.split_whitespace().collect::<Vec<_>>().join(" ");
        assert_eq!(
            read,
            "# Not a tag 2 * 3 * 4 = 24, a_b_c_, [x](y) &copy; \\o/ ~~no~~ | a | 1. Not a list - Not a bullet > Not a quote Go there , *",
            "{md}"
        );
        assert_eq!(
            tags,
            ["Heading", "Paragra", "Paragra", "Paragra", "Paragra", "Paragra", "https://x.io/a (b)", "em"],
            "{md}"
        );
    }

    #[test]
    fn a_page_exports_as_its_article_text() {
        let page = "<html><body><nav>Menu</nav><article><h1>Title</h1>\n<p>First  paragraph,\n<b>bold</b> word.</p><p>Second.</p></article></body></html>";
        assert_eq!(article_text(page, Format::Html), "Title\n\nFirst paragraph, bold word.\n\nSecond.\n");
        let linked = "<article><p>Runs on <a href=\"https://x.io\">three nodes</a>.</p></article>";
        assert_eq!(article_text(linked, Format::Html), "Runs on three nodes.\n", "no space before the stop");
        assert_eq!(article_text("# A\n", Format::Markdown), "# A\n");
    }

    #[test]
    fn the_format_comes_from_the_extension_then_the_content() {
        assert_eq!(Format::of(Path::new("README.md"), "plain"), Format::Markdown);
        assert_eq!(Format::of(Path::new("notes.txt"), "# A\n\n```\nx\n```\n"), Format::Text);
        assert_eq!(Format::of(Path::new("-"), "# A\n\nSee [b](c).\n"), Format::Markdown);
        assert_eq!(Format::of(Path::new("-"), "Just a line of prose.\nAnother.\n"), Format::Text);
    }
}
