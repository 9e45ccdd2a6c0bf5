//! Markdown as the reader shows it, as glow does, and a web page's article as w3m does. The
//! markup's own marks are hidden (`#`, `**`, `[`, `](url)`, code fences, tags) or drawn as glyphs
//! (`•` for a bullet, `│` for a quote, a table's rules and padding, an entity's character), a
//! web page's blocks end rows, and the prose and code are in styles. Nothing is rewritten: every
//! character drawn is a byte of the source at its own offset, or a glyph standing at one, so
//! suspects, search, the mouse and edits work on the rendered article exactly as on the source.
//! `m` shows the source as written.
//!
//! A [`Rendered`] is a list of [`Mark`]s, none of which crosses a line end, sorted by where it
//! starts: the wrapping and the drawing of a line read only that line's marks, so a frame costs
//! the same on a megabyte of Markdown as on a short one. Whole lines that draw nothing are kept
//! as runs, and take no row.

use super::wrap::char_width;
use crate::markup::Format;
use crate::span;
use pulldown_cmark::{Alignment, Event, Parser, Tag, TagEnd};
use std::ops::Range;

/// What a styled stretch of the article is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    /// A heading of this level (1 to 6).
    Heading(u8),
    /// `*emphasis*`.
    Emphasis,
    /// `**strong**`.
    Strong,
    /// `~~struck~~`.
    Strike,
    /// Inline code or math.
    Code,
    /// A line of a code block: tinted to the row's end, never wrapped.
    CodeBlock,
    /// A link's text or an image's alt text.
    Link,
    /// The text of a block quote.
    Quote,
    /// A list item's bullet or number.
    Marker,
    /// The header row of a table.
    TableHead,
    /// A table's rules and a thematic break.
    Rule,
    /// A table's rules and the padding that aligns its cells.
    Table,
}

/// How a stretch of the source is drawn.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Look {
    /// Markup drawn as nothing.
    Hidden,
    /// Markup drawn as this text instead; when the mark is empty, the text is drawn before the
    /// byte it stands at (a table's padding).
    Shown(Box<str>),
    /// Drawn as written, in the style of the part.
    Styled(Part),
    /// A row ends here (an empty mark): a web page's block tag. With `true`, a blank row
    /// follows, as between paragraphs.
    Break(bool),
}

/// A look over the bytes `start..end` of one line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mark {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// How they are drawn.
    pub look: Look,
}

/// What is drawn for a unit of a row: a character of the source, or a glyph.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Glyph<'a> {
    /// The source's own character.
    Char(char),
    /// Text standing for markup.
    Text(&'a str),
    /// The end of a row (see [`Look::Break`]): drawn as nothing.
    Break(bool),
}

/// One unit of a row, at the byte of the source it stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Unit<'a> {
    /// The byte it is drawn for.
    pub at: usize,
    /// What is drawn.
    pub glyph: Glyph<'a>,
}

impl Unit<'_> {
    /// Columns it takes.
    #[must_use]
    pub fn width(&self) -> usize {
        match self.glyph {
            Glyph::Char(c) => char_width(c),
            Glyph::Text(s) => s.chars().map(char_width).sum(),
            Glyph::Break(_) => 0,
        }
    }

    /// True for a space a row may break after.
    #[must_use]
    pub fn is_space(&self) -> bool {
        matches!(self.glyph, Glyph::Char(' ' | '\t'))
    }
}

/// How an article is drawn: its marks (none for plain text, a web page, or the source shown as
/// written).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Rendered {
    marks: Vec<Mark>,
    /// Each link's bytes and where it leads, by where it starts (shown on demand).
    links: Vec<Link>,
    /// Runs of whole lines that draw nothing at all (a code fence, a reference definition, front
    /// matter, a comment), each from its first line's start to the start of the line after it:
    /// they take no row.
    gone: Vec<Range<usize>>,
}

/// A link's bytes and where it leads.
type Link = (Range<usize>, Box<str>);

/// Columns of a thematic break (`---`).
const RULE_WIDTH: usize = 40;
/// Bytes of a line read for its lead, at least ([`hang`]).
const HANG_REACH: usize = 256;
/// A list's bullets, by depth.
const BULLETS: [&str; 3] = ["•", "◦", "▪"];

impl Rendered {
    /// How `text`, written as `format`, is drawn: Markdown rendered, anything else as it is.
    #[must_use]
    pub fn of(text: &str, format: Format) -> Self {
        // A web page's blank lines are whitespace: its blocks are set apart by their tags.
        let ((marks, mut links), blank) = match format {
            Format::Markdown => (markdown(text), false),
            Format::Html => (page(text), true),
            Format::Text => return Self::default(),
        };
        links.sort_by_key(|(r, _)| r.start);
        let marks = by_line(text, marks);
        let gone = gone_lines(text, &marks, blank);
        Self { marks, links, gone }
    }

    /// Where the link over byte `at` leads, if one is there.
    #[must_use]
    pub fn link_at(&self, at: usize) -> Option<&str> {
        let k = self.links.partition_point(|(r, _)| r.start <= at);
        let (range, dest) = self.links.get(k.checked_sub(1)?)?;
        range.contains(&at).then_some(&**dest)
    }

    /// The rendering of `text` after `changes`, a decision's, moved along rather than made
    /// again. `None` (make it again) unless the change is one word's within a line and outside
    /// a table (whose cells are padded to their widths).
    #[must_use]
    pub fn shifted(&self, changes: &[crate::edit::Change], text: &str) -> Option<Self> {
        let [c] = changes else { return (changes.is_empty()).then(|| self.clone()) };
        if c.old.contains('\n') || c.new.contains('\n') {
            return None;
        }
        let (a, b) = (c.at, c.at + c.old.len());
        let grow = |p: usize| p + c.new.len() - c.old.len();
        // A range before the change stays, one after it moves, one around it grows.
        let moved = |s: usize, e: usize| -> Option<(usize, usize)> {
            if e <= a {
                Some((s, e))
            } else if s >= b {
                Some((grow(s), grow(e)))
            } else if s <= a && e >= b {
                Some((s, grow(e)))
            } else {
                None
            }
        };
        let mut r = self.clone();
        for m in &mut r.marks {
            (m.start, m.end) = moved(m.start, m.end)?;
        }
        for (range, _) in &mut r.links {
            let (s, e) = moved(range.start, range.end)?;
            *range = s..e;
        }
        for run in &mut r.gone {
            let (s, e) = moved(run.start, run.end)?;
            *run = s..e;
        }
        let line_start = a - span::head(text, a).bytes().rev().take_while(|&b| b != b'\n').count();
        let rest = span::tail(text, a);
        let line_end = a + rest.find('\n').unwrap_or(rest.len());
        if r.line(line_start, line_end).iter().any(|m| m.look == Look::Styled(Part::Table)) {
            return None;
        }
        Some(r)
    }

    /// Where the run of lines that draw nothing around byte `at` begins and ends, if `at` is in
    /// one.
    #[must_use]
    pub fn gone_at(&self, at: usize) -> Option<Range<usize>> {
        let k = self.gone.partition_point(|r| r.start <= at);
        let run = self.gone.get(k.checked_sub(1)?)?;
        run.contains(&at).then(|| run.clone())
    }

    /// True when nothing is rendered.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.marks.is_empty()
    }

    /// The marks of the line whose text is `start..end` (without its line ending).
    #[must_use]
    pub fn line(&self, start: usize, end: usize) -> &[Mark] {
        let from = self.marks.partition_point(|m| m.start < start);
        let to = self.marks.partition_point(|m| m.start <= end);
        self.marks.get(from..to).unwrap_or_default()
    }

    /// True when the line whose marks are `marks` is a line of a code block: drawn unwrapped.
    #[must_use]
    pub fn is_code(marks: &[Mark]) -> bool {
        marks.iter().any(|m| m.look == Look::Styled(Part::CodeBlock))
    }
}

/// What the rows of a line after its first begin with, so that a list item's or a quote's
/// wrapped text hangs under its first word: the line's lead (indent, bullet or number, quote
/// bars, task box) with every glyph but a quote's bar drawn as spaces. Empty for a line with no
/// such lead, or a lead too wide for half the row.
#[must_use]
pub fn hang(text: &str, marks: &[Mark], start: usize, end: usize, width: usize) -> String {
    if marks.is_empty() {
        return String::new();
    }
    let mut lead = String::new();
    let mut marked = false;
    let mut done = false;
    // The lead is within the first half row; hidden bytes before it are few (a heading's `#`s).
    let reach = text.floor_char_boundary(end.min(start.saturating_add(HANG_REACH.max(4 * width))));
    let markers: Vec<(usize, usize)> = marks
        .iter()
        .take_while(|m| m.start < reach)
        .filter(|m| m.look == Look::Styled(Part::Marker))
        .map(|m| (m.start, m.end))
        .collect();
    units(text, marks, start, reach, end, |u| {
        if done {
            return;
        }
        let in_marker = markers.iter().any(|&(s, e)| s <= u.at && u.at < e);
        match u.glyph {
            Glyph::Text("│") => lead.push('│'),
            Glyph::Text(g) if !marked || in_marker || g == "☐" || g == "☑" => {
                marked = true;
                lead.push_str(&" ".repeat(u.width()));
            }
            Glyph::Char(' ' | '\t') => lead.push_str(&" ".repeat(u.width())),
            Glyph::Char(_) if in_marker => {
                marked = true;
                lead.push(' ');
            }
            _ => done = true,
        }
    });
    let bars = lead.contains('│');
    if !(marked || bars) || lead.chars().count() * 2 > width {
        return String::new();
    }
    lead
}

/// Gives `each` the units drawn for the bytes `from..to` of a line that ends at `line_end`,
/// whose marks are `marks`: the source's characters, less the hidden ones, with glyphs where
/// marks stand. A glyph that stands before the line's end is drawn in the row that ends there.
pub fn units<'a>(
    text: &str,
    marks: &'a [Mark],
    from: usize,
    to: usize,
    line_end: usize,
    mut each: impl FnMut(Unit<'a>),
) {
    if from >= to {
        return;
    }
    let mut k = marks.partition_point(|m| m.start < from);
    // Bytes up to here are not drawn: a hidden mark, or the rest of a glyph's bytes.
    let mut skip_to = marks
        .iter()
        .take(k)
        .filter(|m| matches!(m.look, Look::Hidden | Look::Shown(_)))
        .map(|m| m.end)
        .max()
        .unwrap_or(from)
        .max(from);
    let mut p = from;
    loop {
        while let Some(m) = marks.get(k).filter(|m| m.start <= p) {
            k += 1;
            match &m.look {
                Look::Styled(_) => {}
                Look::Break(gap) => {
                    if m.start >= from && m.start < to {
                        each(Unit { at: m.start, glyph: Glyph::Break(*gap) });
                    }
                }
                Look::Hidden => skip_to = skip_to.max(m.end),
                Look::Shown(s) => {
                    let fits = p < to || (m.start == m.end && p == line_end);
                    if m.start == p && p >= skip_to && fits {
                        each(Unit { at: p, glyph: Glyph::Text(s) });
                    }
                    skip_to = skip_to.max(m.end);
                }
            }
        }
        if p >= to {
            break;
        }
        if skip_to > p {
            p = skip_to.min(to);
            continue;
        }
        let Some(c) = span::tail(text, p).chars().next() else { break };
        each(Unit { at: p, glyph: Glyph::Char(c) });
        p += c.len_utf8();
    }
}

/// An element being read: what it is, its bytes, and the bytes of what it holds directly.
struct Open {
    tag: Opened,
    range: Range<usize>,
    children: Vec<Range<usize>>,
}

/// The elements whose marks the renderer draws.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Opened {
    Heading(u8),
    Emphasis,
    Strong,
    Strike,
    Link,
    Image,
    Item,
    List,
    Quote,
    Code,
    Cell,
    Head,
    Row,
    Table,
    Meta,
    Other,
}

/// A table being read: the alignment of each column, its rows (the header first) and where its
/// marks begin in the list.
struct TableRead {
    aligns: Vec<Alignment>,
    rows: Vec<(Range<usize>, Vec<Range<usize>>)>,
    first_mark: usize,
}

/// The marks of a Markdown text, in the order the elements close, and its links' destinations.
fn markdown(text: &str) -> (Vec<Mark>, Vec<Link>) {
    let mut out: Vec<Mark> = Vec::new();
    let mut links = Vec::new();
    let parser = Parser::new_ext(text, crate::markup::options());
    // Reference definitions (`[docs]: https://...`) are where links lead, not text to read.
    for (_, def) in parser.reference_definitions().iter() {
        out.push(Mark { start: def.span.start, end: def.span.end, look: Look::Hidden });
    }
    let mut stack: Vec<Open> = Vec::new();
    let mut tables: Vec<TableRead> = Vec::new();
    // Lists and quotes open around the element being read.
    let (mut lists, mut quotes) = (0usize, 0usize);
    for (event, range) in parser.into_offset_iter() {
        if !matches!(event, Event::End(_))
            && let Some(top) = stack.last_mut()
        {
            top.children.push(range.clone());
        }
        match event {
            Event::Start(tag) => {
                let opened = match tag {
                    Tag::Heading { level, .. } => Opened::Heading(level as u8),
                    Tag::Emphasis => Opened::Emphasis,
                    Tag::Strong => Opened::Strong,
                    Tag::Strikethrough => Opened::Strike,
                    Tag::Link { dest_url, .. } => {
                        links.push((range.clone(), dest_url.as_ref().into()));
                        Opened::Link
                    }
                    Tag::Image { .. } => Opened::Image,
                    Tag::Item => Opened::Item,
                    Tag::List(_) => Opened::List,
                    Tag::BlockQuote(_) => Opened::Quote,
                    Tag::CodeBlock(_) => Opened::Code,
                    Tag::Table(aligns) => {
                        tables.push(TableRead { aligns, rows: Vec::new(), first_mark: out.len() });
                        Opened::Table
                    }
                    Tag::TableHead => Opened::Head,
                    Tag::TableRow => Opened::Row,
                    Tag::TableCell => Opened::Cell,
                    Tag::MetadataBlock(_) => Opened::Meta,
                    _ => Opened::Other,
                };
                if matches!(opened, Opened::Head | Opened::Row)
                    && let Some(t) = tables.last_mut()
                {
                    t.rows.push((range.clone(), Vec::new()));
                }
                lists += usize::from(opened == Opened::List);
                quotes += usize::from(opened == Opened::Quote);
                stack.push(Open { tag: opened, range, children: Vec::new() });
            }
            Event::End(end) => {
                let Some(open) = stack.pop() else { continue };
                lists -= usize::from(open.tag == Opened::List);
                quotes -= usize::from(open.tag == Opened::Quote);
                close(text, &open, lists, quotes > 0, stack.len() < NESTING, &mut out);
                if let (TagEnd::TableCell, Some(t)) = (&end, tables.last_mut())
                    && let Some(row) = t.rows.last_mut()
                {
                    row.1.push(open.range.clone());
                }
                if end == TagEnd::Table
                    && let Some(t) = tables.pop()
                {
                    table(text, &t, &mut out);
                }
            }
            Event::Code(_) => {
                let (start, end) = (range.start, range.end);
                let ticks = span::cut(text, start, end).bytes().take_while(|&b| b == b'`').count();
                if ticks > 0 && end - start > 2 * ticks {
                    out.push(Mark { start, end: start + ticks, look: Look::Hidden });
                    out.push(Mark { start: end - ticks, end, look: Look::Hidden });
                }
                out.push(Mark { start, end, look: Look::Styled(Part::Code) });
            }
            // A comment (`<!-- cargo-rdme start -->`) is for whoever edits the file.
            Event::Html(h) if h.trim_start().starts_with("<!--") => {
                out.push(Mark { start: range.start, end: range.end, look: Look::Hidden });
            }
            Event::InlineMath(_) | Event::DisplayMath(_) => {
                out.push(Mark { start: range.start, end: range.end, look: Look::Styled(Part::Code) });
            }
            Event::TaskListMarker(done) => {
                let glyph = if done { "☑" } else { "☐" };
                out.push(Mark { start: range.start, end: range.end, look: Look::Shown(glyph.into()) });
            }
            Event::Rule => {
                let line = span::cut(text, range.start, range.end);
                let end = range.start + line.trim_end().len();
                let start = range.start + (line.len() - line.trim_start().len());
                if start < end {
                    out.push(Mark { start, end, look: Look::Shown("─".repeat(RULE_WIDTH).into()) });
                    out.push(Mark { start, end, look: Look::Styled(Part::Rule) });
                }
            }
            _ => {}
        }
    }
    (out, links)
}

/// How far down the open elements an end tag is matched.
const NESTING: usize = 64;
/// Block tags after which a blank row sets the next block apart.
const SET_APART: [&[u8]; 12] =
    [b"p", b"h1", b"h2", b"h3", b"h4", b"h5", b"h6", b"pre", b"ul", b"ol", b"table", b"blockquote"];

/// The part a web page's element is drawn as, if any.
fn part_of(name: &[u8]) -> Option<Part> {
    Some(match name {
        b"h1" => Part::Heading(1),
        b"h2" => Part::Heading(2),
        b"h3" | b"h4" | b"h5" | b"h6" => Part::Heading(3),
        b"strong" | b"b" | b"th" => Part::Strong,
        b"em" | b"i" | b"cite" => Part::Emphasis,
        b"s" | b"del" | b"strike" => Part::Strike,
        b"code" | b"kbd" | b"samp" | b"tt" => Part::Code,
        b"a" => Part::Link,
        b"blockquote" => Part::Quote,
        _ => return None,
    })
}

/// The marks of a web page, drawn as w3m draws one: all of it hidden but its article's text
/// ([`crate::markup::page_article`]); each block on rows of its own, set apart as paragraphs
/// are; headings, emphasis, links, code and quotes styled; list items bulleted; rules and
/// images' alt text drawn; and entities drawn as the characters they stand for. Text is drawn
/// as the source holds it, less the indentation of its lines.
fn page(text: &str) -> (Vec<Mark>, Vec<Link>) {
    use crate::markup::PageStep;
    let mut out: Vec<Mark> = Vec::new();
    let mut links: Vec<Link> = Vec::new();
    // Bytes before this are marked.
    let mut done = 0usize;
    // The elements open that style their content: name, part, where the content starts, href.
    let mut open: Vec<(Vec<u8>, Part, usize, Option<String>)> = Vec::new();
    // `<pre>` elements open: their text is a code block's. Whether any of it was drawn yet: the
    // line break a block opens with (`<pre><code>⏎`) is not.
    let (mut pre, mut pre_drawn) = (0usize, false);
    // A block began since the last text drawn; with `true`, set apart by a blank row.
    let mut pending: Option<bool> = None;
    let hide = |out: &mut Vec<Mark>, from: usize, to: usize| {
        if from < to {
            out.push(Mark { start: from, end: to, look: Look::Hidden });
        }
    };
    crate::markup::page_article(text, |step| match step {
        PageStep::Open { name, span, attr } => {
            hide(&mut out, done, span.start);
            if crate::markup::is_block(name) {
                pending = Some(pending.unwrap_or(false) || SET_APART.contains(&name));
            }
            let glyph = match name {
                b"li" => Some(("• ".to_string(), Part::Marker)),
                b"hr" => Some(("─".repeat(RULE_WIDTH), Part::Rule)),
                b"img" => attr.as_deref().filter(|a| !a.trim().is_empty()).map(|a| (format!("image: {a}"), Part::Link)),
                _ => None,
            };
            match glyph {
                Some((g, part)) if span.start < span.end => {
                    if let Some(gap) = pending.take() {
                        out.push(Mark { start: span.start, end: span.start, look: Look::Break(gap) });
                    }
                    out.push(Mark { start: span.start, end: span.end, look: Look::Shown(g.into()) });
                    out.push(Mark { start: span.start, end: span.end, look: Look::Styled(part) });
                }
                _ => hide(&mut out, span.start, span.end),
            }
            done = done.max(span.end);
            if name == b"pre" {
                pre += 1;
                pre_drawn = false;
            }
            // Styles nest only so deep (see `close`).
            if let Some(part) = part_of(name).filter(|_| open.len() < NESTING) {
                open.push((name.to_vec(), part, span.end, attr));
            }
        }
        PageStep::Close { name, span } => {
            hide(&mut out, done, span.end);
            done = done.max(span.end);
            pre -= usize::from(name == b"pre" && pre > 0);
            // Matched among the last few open (as the checker matches them): a page of
            // unclosed tags costs no more per tag.
            let reach = open.len().saturating_sub(NESTING);
            if let Some(k) = open.iter().skip(reach).rposition(|o| o.0 == name).map(|k| k + reach) {
                let (_, part, from, href) = open.remove(k);
                if from < span.start {
                    out.push(Mark { start: from, end: span.start, look: Look::Styled(part) });
                    if let (Part::Link, Some(href)) = (part, href) {
                        links.push((from..span.start, href.into()));
                    }
                }
            }
            if crate::markup::is_block(name) {
                pending = Some(pending.unwrap_or(false) || SET_APART.contains(&name));
            }
        }
        PageStep::Text { span, code } => {
            hide(&mut out, done, span.start);
            done = done.max(span.end);
            let written = span::cut(text, span.start, span.end);
            if pre > 0 && (pre_drawn || !written.trim().is_empty()) {
                pre_drawn = true;
                out.push(Mark { start: span.start, end: span.end, look: Look::Styled(Part::CodeBlock) });
            } else if pre > 0 {
                hide(&mut out, span.start, span.end);
                return;
            }
            if !code && written.trim().is_empty() {
                hide(&mut out, span.start, span.end);
                return;
            }
            // The indentation of the page's source is not the article's.
            let first = if code { span.start } else { unindent(text, &span, &mut out) };
            // A new block begins at the text's first byte drawn.
            if let Some(gap) = pending.take() {
                let at = first.min(span.end);
                out.push(Mark { start: at, end: at, look: Look::Break(gap) });
            }
            entities(text, &span, &mut out);
        }
    });
    hide(&mut out, done, text.len());
    (out, links)
}

/// Hides the indentation of each line of a web page's text node that begins a line of the
/// source, and gives the first byte of the node that is drawn.
fn unindent(text: &str, span: &Range<usize>, out: &mut Vec<Mark>) -> usize {
    let written = span::cut(text, span.start, span.end);
    let mut first = None;
    let mut at = span.start;
    for line in written.split('\n') {
        let line_start = at == 0 || text.as_bytes().get(at - 1) == Some(&b'\n');
        let lead = line.len() - line.trim_start().len();
        if line_start && lead > 0 {
            out.push(Mark { start: at, end: at + lead, look: Look::Hidden });
        }
        if first.is_none() && !line.trim().is_empty() {
            first = Some(if line_start { at + lead } else { at });
        }
        at += line.len() + 1;
    }
    first.unwrap_or(span.start)
}

/// Draws each entity of a web page's text node (`&amp;`, `&#8212;`) as the character it stands
/// for.
fn entities(text: &str, span: &Range<usize>, out: &mut Vec<Mark>) {
    for (from, len, c) in crate::markup::entities(span::cut(text, span.start, span.end)) {
        if let Some(c) = c {
            let start = span.start + from;
            out.push(Mark { start, end: start + len, look: Look::Shown(c.to_string().into()) });
        }
    }
}

/// The bytes of `range` that none of `children` covers: an element's own marks.
fn gaps(range: &Range<usize>, children: &[Range<usize>]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut at = range.start;
    for c in children {
        if c.start > at {
            out.push(at..c.start.min(range.end));
        }
        at = at.max(c.end);
    }
    if at < range.end {
        out.push(at..range.end);
    }
    out
}

/// The marks of an element that has just closed.
fn close(text: &str, open: &Open, depth: usize, quoted: bool, styled: bool, out: &mut Vec<Mark>) {
    let (start, end) = (open.range.start, open.range.end);
    let hide = |out: &mut Vec<Mark>| {
        for g in gaps(&open.range, &open.children) {
            out.push(Mark { start: g.start, end: g.end, look: Look::Hidden });
        }
    };
    // Styles nest only so deep: each covers its element's bytes, and thousands nested would
    // cover the text thousands of times.
    let style = |out: &mut Vec<Mark>, part: Part| {
        if styled {
            out.push(Mark { start, end, look: Look::Styled(part) });
        }
    };
    // An inline element (or a heading): its own marks hidden, its text in its style.
    let inline = match open.tag {
        Opened::Heading(level) => Some(Part::Heading(level)),
        Opened::Emphasis => Some(Part::Emphasis),
        Opened::Strong => Some(Part::Strong),
        Opened::Strike => Some(Part::Strike),
        Opened::Link => Some(Part::Link),
        _ => None,
    };
    if let Some(part) = inline {
        hide(out);
        style(out, part);
        return;
    }
    match open.tag {
        Opened::Image => {
            // `![alt](src)` reads `image: alt`.
            for (k, g) in gaps(&open.range, &open.children).into_iter().enumerate() {
                let look = if k == 0 && g.start == start { Look::Shown("image: ".into()) } else { Look::Hidden };
                out.push(Mark { start: g.start, end: g.end, look });
            }
            style(out, Part::Link);
        }
        Opened::Item => {
            let item = span::cut(text, start, end);
            let lead = item.len() - item.trim_start().len();
            let at = start + lead;
            let bytes = item.as_bytes();
            match bytes.get(lead) {
                Some(b'-' | b'*' | b'+') => {
                    let bullet = BULLETS[depth.saturating_sub(1) % BULLETS.len()];
                    out.push(Mark { start: at, end: at + 1, look: Look::Shown(bullet.into()) });
                    out.push(Mark { start: at, end: at + 1, look: Look::Styled(Part::Marker) });
                }
                Some(b) if b.is_ascii_digit() => {
                    let digits = bytes.iter().skip(lead).take_while(|b| b.is_ascii_digit()).count();
                    out.push(Mark { start: at, end: at + digits + 1, look: Look::Styled(Part::Marker) });
                }
                _ => {}
            }
        }
        Opened::Quote if !quoted => {
            quote_bars(text, start, end, out);
            style(out, Part::Quote);
        }
        Opened::Quote => style(out, Part::Quote),
        Opened::Code => {
            hide(out);
            for c in &open.children {
                out.push(Mark { start: c.start, end: c.end, look: Look::Styled(Part::CodeBlock) });
            }
        }
        Opened::Head => style(out, Part::TableHead),
        // Front matter is the page's settings, not its text.
        Opened::Meta => out.push(Mark { start, end, look: Look::Hidden }),
        _ => {}
    }
}

/// A quote's `>` marks at the start of each of its lines, nested ones too, drawn as bars.
fn quote_bars(text: &str, start: usize, end: usize, out: &mut Vec<Mark>) {
    let mut line = start - span::head(text, start).bytes().rev().take_while(|&b| b != b'\n').count();
    while line < end {
        let bytes = span::cut(text, line, end).as_bytes();
        let mut i = 0;
        loop {
            while bytes.get(i).is_some_and(|&b| b == b' ' || b == b'\t') {
                i += 1;
            }
            if bytes.get(i) != Some(&b'>') {
                break;
            }
            out.push(Mark { start: line + i, end: line + i + 1, look: Look::Shown("│".into()) });
            out.push(Mark { start: line + i, end: line + i + 1, look: Look::Styled(Part::Rule) });
            i += 1;
        }
        match memchr::memchr(b'\n', bytes) {
            Some(n) => line += n + 1,
            None => break,
        }
    }
}

/// Columns the bytes `from..to` take when drawn with `marks` (sorted as [`by_line`] sorts).
fn drawn_width(text: &str, marks: &[Mark], from: usize, to: usize) -> usize {
    let first = marks.partition_point(|m| m.start < from);
    let last = marks.partition_point(|m| m.start <= to);
    let inside: Vec<Mark> =
        marks.get(first..last).unwrap_or_default().iter().filter(|m| m.end <= to).cloned().collect();
    let mut width = 0;
    units(text, &inside, from, to, to, |u| width += u.width());
    width
}

/// A table row's cells: the bytes of each one's text, and the columns it takes drawn.
type Cells = Vec<(Range<usize>, usize)>;

/// A table's cells padded to their column's width and alignment, its pipes drawn as rules, and
/// the line under its header as a rule across.
fn table(text: &str, t: &TableRead, out: &mut Vec<Mark>) {
    let mut inner = out.get(t.first_mark..).unwrap_or_default().to_vec();
    inner.sort_by_key(|m| (m.start, m.end > m.start));
    let trimmed = |c: &Range<usize>| {
        let s = span::cut(text, c.start, c.end);
        let start = c.start + (s.len() - s.trim_start().len());
        start..(start + s.trim().len()).max(start)
    };
    // Each row's bytes, and its cells' text with the columns each takes.
    let rows: Vec<(Range<usize>, Cells)> = t
        .rows
        .iter()
        .map(|(row, cells)| {
            let cells = cells
                .iter()
                .map(|c| {
                    let c = trimmed(c);
                    let w = drawn_width(text, &inner, c.start, c.end);
                    (c, w)
                })
                .collect();
            (row.clone(), cells)
        })
        .collect();
    let columns = rows.iter().map(|(_, c)| c.len()).max().unwrap_or(0);
    let mut widths = vec![0usize; columns];
    for (_, cells) in &rows {
        for (k, (_, w)) in cells.iter().enumerate() {
            widths[k] = widths[k].max(*w);
        }
    }
    let pads = |k: usize, w: usize| {
        let room = widths.get(k).copied().unwrap_or(0).saturating_sub(w);
        match t.aligns.get(k) {
            Some(Alignment::Right) => (room, 0),
            Some(Alignment::Center) => (room / 2, room - room / 2),
            _ => (0, room),
        }
    };
    for (n, (row, cells)) in rows.iter().enumerate() {
        let line_start = row.start - span::head(text, row.start).bytes().rev().take_while(|&b| b != b'\n').count();
        let rest = span::tail(text, line_start);
        let line_end = line_start + rest.find(['\n', '\r']).unwrap_or(rest.len());
        let mut at = line_start;
        let mut before = String::from("│ ");
        for (k, (cell, w)) in cells.iter().enumerate() {
            let (lead, trail) = pads(k, *w);
            before.push_str(&" ".repeat(lead));
            out.push(Mark { start: at, end: cell.start.max(at), look: Look::Shown(before.into()) });
            out.push(Mark { start: at, end: cell.start.max(at), look: Look::Styled(Part::Table) });
            at = cell.end.max(at);
            before = " ".repeat(trail);
            before.push_str(" │ ");
        }
        before.truncate(before.len() - 1);
        for w in widths.iter().skip(cells.len()) {
            before.push_str(&" ".repeat(w + 1));
            before.push('│');
        }
        out.push(Mark { start: at, end: line_end.max(at), look: Look::Shown(before.into()) });
        out.push(Mark { start: at, end: line_end.max(at), look: Look::Styled(Part::Table) });
        if n == 0 {
            // The line under the header: `|---|:--:|` drawn as a rule across the columns.
            let next = span::tail(text, line_end);
            let next_start = line_end + next.find('\n').map_or(next.len(), |i| i + 1);
            let next = span::tail(text, next_start);
            let next_end = next_start + next.find(['\n', '\r']).unwrap_or(next.len());
            if next_start < next_end {
                let mut rule = String::from("├");
                for (k, w) in widths.iter().enumerate() {
                    rule.push_str(&"─".repeat(w + 2));
                    rule.push(if k + 1 == widths.len() { '┤' } else { '┼' });
                }
                out.push(Mark { start: next_start, end: next_end, look: Look::Shown(rule.into()) });
                out.push(Mark { start: next_start, end: next_end, look: Look::Styled(Part::Table) });
            }
        }
    }
}

/// The runs of whole lines that `marks` (as [`by_line`] gives them) hide entirely: a line with
/// text, every byte of it hidden, and no glyph or code on it; with `blank`, an empty line too
/// (a web page's blank lines are whitespace, and its blocks are set apart by their tags). One
/// pass over the text's lines.
fn gone_lines(text: &str, marks: &[Mark], blank: bool) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::new();
    let mut k = 0;
    let mut start = 0;
    while start < text.len() {
        let rest = span::tail(text, start);
        let next = memchr::memchr(b'\n', rest.as_bytes()).map_or(text.len(), |i| start + i + 1);
        let mut end = if next > start && text.as_bytes().get(next - 1) == Some(&b'\n') { next - 1 } else { next };
        if end > start && text.as_bytes().get(end - 1) == Some(&b'\r') {
            end -= 1;
        }
        while marks.get(k).is_some_and(|m| m.start < start) {
            k += 1;
        }
        let (mut covered, mut drawn) = (start, false);
        for m in marks.iter().skip(k).take_while(|m| m.start <= end) {
            match m.look {
                Look::Hidden if m.start <= covered => covered = covered.max(m.end),
                Look::Shown(_) | Look::Styled(Part::CodeBlock) => drawn = true,
                _ => {}
            }
        }
        if (end > start || blank) && covered >= end && !drawn {
            match out.last_mut() {
                Some(run) if run.end == start => run.end = next,
                _ => out.push(start..next),
            }
        }
        start = next;
    }
    out
}

/// `marks` cut at every line end (a glyph stays on its first line) and sorted by where they
/// start, an empty mark before the others at the same byte.
fn by_line(text: &str, marks: Vec<Mark>) -> Vec<Mark> {
    let mut out = Vec::with_capacity(marks.len());
    for m in marks {
        if m.start == m.end {
            out.push(m);
            continue;
        }
        let mut start = m.start;
        let mut first = true;
        for nl in memchr::memchr_iter(b'\n', span::cut(text, m.start, m.end).as_bytes()) {
            let end = m.start + nl;
            let end = if end > start && text.as_bytes().get(end - 1) == Some(&b'\r') { end - 1 } else { end };
            push_piece(&mut out, &m.look, start, end, first);
            first = false;
            start = m.start + nl + 1;
        }
        if start < m.end {
            push_piece(&mut out, &m.look, start, m.end, first);
        }
    }
    out.sort_by_key(|m| (m.start, m.end > m.start));
    out
}

fn push_piece(out: &mut Vec<Mark>, look: &Look, start: usize, end: usize, first: bool) {
    let look = match look {
        Look::Shown(_) if !first => Look::Hidden,
        l => l.clone(),
    };
    // An empty line of a code block keeps its tint; any other empty piece draws nothing.
    if start < end || look == Look::Styled(Part::CodeBlock) {
        out.push(Mark { start, end, look });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each line of `text` as drawn.
    fn drawn(text: &str) -> Vec<String> {
        let r = Rendered::of(text, Format::Markdown);
        let mut lines = Vec::new();
        let mut start = 0;
        for line in text.split('\n') {
            let end = start + line.len();
            let marks = r.line(start, end);
            let mut s = String::new();
            units(text, marks, start, end, end, |u| match u.glyph {
                Glyph::Char(c) => s.push(c),
                Glyph::Text(t) => s.push_str(t),
                Glyph::Break(_) => {}
            });
            lines.push(s);
            start = end + 1;
        }
        lines
    }

    #[test]
    fn headings_emphasis_code_and_links_lose_their_marks() {
        let md = "# The *quick* fox\n\nIt **runs** `fast` to [the docs](https://x.io \"t\") and ~~back~~.\n";
        assert_eq!(drawn(md), ["The quick fox", "", "It runs fast to the docs and back.", ""]);
    }

    #[test]
    fn lists_get_bullets_by_depth_and_numbers_stay() {
        let md = "- one\n  - two\n    * three\n\n1. first\n2. second\n\n- [x] done\n- [ ] to do\n";
        assert_eq!(
            drawn(md),
            ["• one", "  ◦ two", "    ▪ three", "", "1. first", "2. second", "", "• ☑ done", "• ☐ to do", ""]
        );
    }

    #[test]
    fn quotes_get_bars_and_code_blocks_lose_their_fences() {
        let md = "> a quote\n> > nested\n\n```rust\nlet x = 1;\n\nx\n```\n";
        assert_eq!(drawn(md), ["│ a quote", "│ │ nested", "", "", "let x = 1;", "", "x", "", ""]);
        let r = Rendered::of(md, Format::Markdown);
        let code = md.find("let").unwrap_or(0);
        assert!(Rendered::is_code(r.line(code, code + 10)));
        let blank = code + 11;
        assert!(Rendered::is_code(r.line(blank, blank)), "an empty line inside the block is tinted too");
        assert!(!Rendered::is_code(r.line(0, 9)));
    }

    #[test]
    fn tables_are_aligned_with_rules() {
        let md = "| Name | Size |\n|:-----|-----:|\n| **a** | 1 |\n| longer name | 200 |\n";
        assert_eq!(
            drawn(md),
            [
                "│ Name        │ Size │",
                "├─────────────┼──────┤",
                "│ a           │    1 │",
                "│ longer name │  200 │",
                ""
            ]
        );
        let bare = "a | b\n--|--\nccc | d\n";
        assert_eq!(drawn(bare), ["│ a   │ b │", "├─────┼───┤", "│ ccc │ d │", ""]);
    }

    #[test]
    fn fences_definitions_front_matter_and_comments_take_no_row() {
        let md = "---\ntitle: x\n---\n\n<!-- a note -->\nText [a][1].\n\n```\ncode\n```\n\n[1]: https://x.io\n";
        let r = Rendered::of(md, Format::Markdown);
        let gone: Vec<&str> = r.gone.iter().map(|g| span::cut(md, g.start, g.end)).collect();
        assert_eq!(gone, ["---\ntitle: x\n---\n", "<!-- a note -->\n", "```\n", "```\n", "[1]: https://x.io\n"]);
        assert_eq!(r.gone_at(md.find("title").unwrap_or(0)), Some(0..17));
        assert_eq!(r.gone_at(md.find("Text").unwrap_or(0)), None);
        assert!(Rendered::of("\n\n", Format::Markdown).gone.is_empty(), "a blank line is a row");
    }

    #[test]
    fn a_link_knows_where_it_leads() {
        let md = "See [the docs](https://x.io/docs) and <https://y.io>.\n";
        let r = Rendered::of(md, Format::Markdown);
        assert_eq!(r.link_at(md.find("docs").unwrap_or(0)), Some("https://x.io/docs"));
        assert_eq!(r.link_at(md.find("y.io").unwrap_or(0)), Some("https://y.io"));
        assert_eq!(r.link_at(0), None);
        assert_eq!(r.link_at(md.find(" and").unwrap_or(0)), None);
    }

    #[test]
    fn images_rules_and_setext_headings() {
        let md = "![a cat](cat.png)\n\n---\n\nTitle\n=====\n";
        let d = drawn(md);
        assert_eq!(d[0], "image: a cat");
        assert_eq!(d[2], "─".repeat(RULE_WIDTH));
        assert_eq!(&d[4..], ["Title", "", ""]);
    }

    #[test]
    fn plain_text_is_drawn_as_written() {
        assert!(Rendered::of("# not rendered\n", Format::Text).is_empty());
    }

    /// The rows of `text` as the reader draws them at `width` columns.
    fn rows(text: &str, format: Format, width: usize) -> Vec<String> {
        use crate::tui::wrap::{Layout, Pos, rows_from};
        let layout = Layout { width, gaps: false, look: std::rc::Rc::new(Rendered::of(text, format)) };
        let starts: Vec<usize> = std::iter::once(0).chain(text.match_indices('\n').map(|(i, _)| i + 1)).collect();
        rows_from(text, &starts, Pos::default(), &layout, 1000)
            .iter()
            .map(|r| {
                let end = starts.get(r.line + 1).map_or(text.len(), |&n| n - 1);
                let mut s = String::new();
                units(text, layout.look.line(starts[r.line], end), r.start, r.end, end, |u| match u.glyph {
                    Glyph::Char(c) => s.push(c),
                    Glyph::Text(t) => s.push_str(t),
                    Glyph::Break(_) => {}
                });
                s
            })
            .collect()
    }

    #[test]
    fn a_web_page_reads_as_its_article_with_blocks_set_apart() {
        let page = "<html><head><title>T</title><style>p {}</style></head><body>\n<nav><a href=\"/\">Home</a></nav>\n<article>\n  <h1>Release &amp; notes</h1><p>First <b>bold</b> and <a href=\"https://x.io\">a link</a>.</p><p>Second.</p>\n  <ul>\n    <li>one</li>\n    <li>two</li>\n  </ul>\n<pre><code>\nlet x = 1;\n</code></pre>\n</article></body></html>\n";
        assert_eq!(
            rows(page, Format::Html, 40),
            [
                "",
                "Release & notes",
                "",
                "First bold and a link.",
                "",
                "Second.",
                "",
                "• one",
                "• two",
                "",
                "let x = 1;",
                ""
            ]
        );
        let r = Rendered::of(page, Format::Html);
        assert_eq!(r.link_at(page.find("a link").unwrap_or(0)), Some("https://x.io"));
        let code = page.find("let x").unwrap_or(0);
        assert!(Rendered::is_code(r.line(code, code + 10)));
    }
}
