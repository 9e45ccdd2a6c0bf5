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

    /// True for a space a row may break after (a joined line break is drawn as one).
    #[must_use]
    pub fn is_space(&self) -> bool {
        matches!(self.glyph, Glyph::Char(' ' | '\t') | Glyph::Text(" "))
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
    /// The line breaks inside a paragraph (sorted), where its lines are joined into one line
    /// drawn as a space: the paragraph is wrapped to the pane, as glow and w3m reflow one.
    joins: Vec<usize>,
    /// Where each line begins once joined: the source's line starts, less those after a join
    /// (empty when nothing is joined).
    starts: Vec<usize>,
}

/// A link's bytes and where it leads.
type Link = (Range<usize>, Box<str>);

/// Columns of a thematic break (`---`).
const RULE_WIDTH: usize = 40;
/// Bytes of a line read for its lead, at least ([`hang`]).
const HANG_REACH: usize = 256;
/// The longest a paragraph's lines are joined into, in bytes: past it, a line of the source
/// begins a line again, so that wrapping a line in view stays cheap whatever the input.
const JOIN_REACH: usize = 8 * 1024;
/// A list's bullets, by depth.
const BULLETS: [&str; 3] = ["•", "◦", "▪"];

impl Rendered {
    /// How `text`, written as `format`, is drawn: Markdown rendered, anything else as it is.
    #[must_use]
    pub fn of(text: &str, format: Format) -> Self {
        // A web page's blank lines are whitespace: its blocks are set apart by their tags.
        let ((marks, mut links, joins), blank) = match format {
            Format::Markdown => (markdown(text), false),
            Format::Html => (page(text), true),
            Format::Text => return Self::default(),
        };
        links.sort_by_key(|(r, _)| r.start);
        let joins = within_reach(text, joins);
        let marks = by_line(text, marks, &joins);
        let gone = gone_lines(text, &marks, blank, &joins);
        let starts = if joins.is_empty() { Vec::new() } else { joined_starts(text, &joins) };
        Self { marks, links, gone, joins, starts }
    }

    /// Where each line to wrap begins: `source` (the text's line starts) with a paragraph's
    /// lines joined into one.
    #[must_use]
    pub fn starts<'a>(&'a self, source: &'a [usize]) -> &'a [usize] {
        if self.joins.is_empty() { source } else { &self.starts }
    }

    /// The first link that starts in `from..to` after byte `after` (or the first there when
    /// none follows it): its bytes and where it leads, with how many links start in
    /// `from..to` and which of them it is (from 1).
    #[must_use]
    pub fn link_in(&self, from: usize, to: usize, after: Option<usize>) -> Option<(Range<usize>, &str, usize, usize)> {
        let first = self.links.partition_point(|(r, _)| r.start < from);
        let count = self.links.get(first..)?.iter().take_while(|(r, _)| r.start < to).count();
        let within = self.links.get(first..first + count)?;
        let k = after.map_or(0, |a| within.partition_point(|(r, _)| r.start <= a));
        let k = if k < count { k } else { 0 };
        let (range, dest) = within.get(k)?;
        Some((range.clone(), dest, k + 1, count))
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
        // Line breaks and starts are outside the change, which holds none.
        for p in r.joins.iter_mut().chain(&mut r.starts) {
            if *p > a {
                *p = grow(*p);
            }
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

/// True when `glyph`, text a mark draws, decorates rather than reads: a bullet, a task's box, a
/// quote's bar, a table's rules and padding, a rule.
#[must_use]
pub fn is_decoration(glyph: &str) -> bool {
    BULLETS.iter().any(|b| glyph.contains(b))
        || glyph.chars().any(|c| matches!(c, '☐' | '☑' | '│' | '─' | '├' | '┼' | '┤'))
        || (!glyph.is_empty() && glyph.trim().is_empty() && glyph != " ")
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
    Footnote,
    Other,
}

/// A table being read: the alignment of each column, its rows (the header first) and where its
/// marks begin in the list.
struct TableRead {
    aligns: Vec<Alignment>,
    rows: Vec<(Range<usize>, Vec<Range<usize>>)>,
    first_mark: usize,
}

/// The marks of a Markdown text, in the order the elements close, its links' destinations, and
/// the line breaks inside its paragraphs (soft breaks), in order.
fn markdown(text: &str) -> (Vec<Mark>, Vec<Link>, Vec<usize>) {
    let mut out: Vec<Mark> = Vec::new();
    let mut links = Vec::new();
    let mut joins = Vec::new();
    // A soft break just read: where it starts. It reaches to what follows it.
    let mut soft: Option<usize> = None;
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
        if let Some(from) = soft.take()
            && !matches!(event, Event::End(_))
        {
            join(text, from, range.start, &mut out, &mut joins);
        }
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
                    Tag::FootnoteDefinition(_) => Opened::Footnote,
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
                close(text, &open, lists, quotes > 0, stack.len() < NESTING, &joins, &mut out);
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
            Event::SoftBreak => soft = Some(range.start),
            leaf => leaf_marks(text, leaf, &range, &mut out),
        }
    }
    (out, links, joins)
}

/// The marks of an element with no children: a footnote's reference, inline code, HTML (a
/// comment hidden whole), math, a task's box, a rule.
fn leaf_marks(text: &str, event: Event<'_>, range: &Range<usize>, out: &mut Vec<Mark>) {
    match event {
        // `[^1]` reads `[1]`, as a link does.
        Event::FootnoteReference(_) => {
            let label = footnote_label(span::cut(text, range.start, range.end));
            out.push(Mark { start: range.start, end: range.end, look: Look::Shown(format!("[{label}]").into()) });
            out.push(Mark { start: range.start, end: range.end, look: Look::Styled(Part::Link) });
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
        Event::Html(h) | Event::InlineHtml(h) if h.trim_start().starts_with("<!--") => {
            out.push(Mark { start: range.start, end: range.end, look: Look::Hidden });
        }
        Event::Html(_) | Event::InlineHtml(_) => html_marks(span::cut(text, range.start, range.end), range.start, out),
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

/// HTML in Markdown drawn as glow draws it: its tags hidden, an image as `image:` and its alt
/// text (a README's badges), its text as written. `html` is the source's bytes from `start`.
fn html_marks(html: &str, start: usize, out: &mut Vec<Mark>) {
    use html5gum::Token;
    for token in crate::markup::page_tokens(html) {
        let (span, alt) = match token {
            Token::StartTag(tag) => {
                let alt = tag
                    .attributes
                    .get(b"alt".as_slice())
                    .filter(|_| tag.name.as_slice() == b"img")
                    .map(|v| String::from_utf8_lossy(v).trim().chars().take(80).collect::<String>())
                    .filter(|a| !a.is_empty());
                (tag.span, alt)
            }
            Token::EndTag(tag) => (tag.span, None),
            _ => continue,
        };
        let (from, to) = (start + span.start.min(html.len()), start + span.end.min(html.len()));
        if from >= to {
            continue;
        }
        match alt {
            Some(alt) => {
                out.push(Mark { start: from, end: to, look: Look::Shown(format!("image: {alt}").into()) });
                out.push(Mark { start: from, end: to, look: Look::Styled(Part::Link) });
            }
            None => out.push(Mark { start: from, end: to, look: Look::Hidden }),
        }
    }
}

/// The label of a footnote's reference or definition as written (`[^note]` or `[^note]: `):
/// `note`. At most a few dozen characters of it.
fn footnote_label(written: &str) -> String {
    let inner = written.trim().trim_end_matches(':').trim_start_matches("[^").trim_end_matches(']');
    inner.chars().take(32).collect()
}

/// Joins the line a soft break at `from` ends to the line whose text begins at `to`: the
/// spaces before the break, the break and the next line's lead (its indentation, a quote's
/// `>`s) are drawn as one space.
fn join(text: &str, from: usize, to: usize, out: &mut Vec<Mark>, joins: &mut Vec<usize>) {
    let from = from - span::head(text, from).bytes().rev().take_while(|&b| b == b' ' || b == b'\t').count();
    let Some(nl) = memchr::memchr(b'\n', span::cut(text, from, to).as_bytes()) else { return };
    out.push(Mark { start: from, end: from + 1, look: Look::Shown(" ".into()) });
    if from + 1 < to {
        out.push(Mark { start: from + 1, end: to, look: Look::Hidden });
    }
    joins.push(from + nl);
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
/// images' alt text drawn; entities drawn as the characters they stand for; and whitespace
/// collapsed ([`Collapse`]), so that a paragraph's lines join into one, wrapped to the pane. Its
/// line breaks are given, in order.
fn page(text: &str) -> (Vec<Mark>, Vec<Link>, Vec<usize>) {
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
    let mut flow = Collapse::default();
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
                    let fresh = pending
                        .take()
                        .inspect(|&gap| out.push(Mark { start: span.start, end: span.start, look: Look::Break(gap) }));
                    flow.drawn(text, span.clone(), fresh.is_some(), &mut out);
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
        PageStep::Text { span, .. } => {
            hide(&mut out, done, span.start);
            done = done.max(span.end);
            let written = span::cut(text, span.start, span.end);
            if pre > 0 {
                // The line break a block opens with (`<pre><code>⏎`) is not drawn.
                if !pre_drawn && written.trim().is_empty() {
                    hide(&mut out, span.start, span.end);
                    return;
                }
                pre_drawn = true;
                out.push(Mark { start: span.start, end: span.end, look: Look::Styled(Part::CodeBlock) });
                // A code block's lines are its own: nothing joins to them.
                flow.end_block(&mut out);
                if let Some(gap) = pending.take() {
                    out.push(Mark { start: span.start, end: span.start, look: Look::Break(gap) });
                }
                entities(text, &span, &mut out);
                return;
            }
            let first = span.start + (written.len() - written.trim_start_matches(HTML_SPACE).len());
            let last = span.start + written.trim_end_matches(HTML_SPACE).len();
            flow.wait(span.start..first.min(span.end));
            if first >= last {
                return;
            }
            // A new block begins at the text's first byte drawn.
            let fresh =
                pending.take().inspect(|&gap| out.push(Mark { start: first, end: first, look: Look::Break(gap) }));
            flow.drawn(text, first..last, fresh.is_some(), &mut out);
            flow.inside(text, first..last, &mut out);
            flow.wait(last..span.end);
            entities(text, &span, &mut out);
        }
    });
    flow.end_block(&mut out);
    hide(&mut out, done, text.len());
    (out, links, flow.joins)
}

/// Whitespace in a web page's text, as HTML has it.
const HTML_SPACE: [char; 5] = [' ', '\t', '\n', '\r', '\x0c'];

/// A web page's whitespace collapsed as a browser collapses it: within a block, whitespace
/// between text drawn is one space (its line breaks joined), and at a block's start or end none.
#[derive(Default)]
struct Collapse {
    /// Where the text drawn last in the block ends (`None` at a block's start).
    last: Option<usize>,
    /// The whitespace of text nodes since then: drawn as one space if more text follows in the
    /// block, else hidden.
    waiting: Vec<Range<usize>>,
    /// Line breaks between text drawn in one block, in order.
    joins: Vec<usize>,
}

impl Collapse {
    /// Whitespace that waits for what follows it.
    fn wait(&mut self, range: Range<usize>) {
        if range.start < range.end {
            self.waiting.push(range);
        }
    }

    /// The whitespace waiting is hidden, and the block ends.
    fn end_block(&mut self, out: &mut Vec<Mark>) {
        for w in self.waiting.drain(..) {
            out.push(Mark { start: w.start, end: w.end, look: Look::Hidden });
        }
        self.last = None;
    }

    /// Text drawn at `range`; `fresh`: it begins a block. The whitespace before it in its block
    /// is one space, and every line break since the text before it joins the two.
    fn drawn(&mut self, text: &str, range: Range<usize>, fresh: bool, out: &mut Vec<Mark>) {
        match self.last.filter(|_| !fresh) {
            Some(end) => {
                let between = span::cut(text, end, range.start).as_bytes();
                self.joins.extend(memchr::memchr_iter(b'\n', between).map(|i| end + i));
                for (k, w) in self.waiting.drain(..).enumerate() {
                    let hidden = if k == 0 {
                        out.push(Mark { start: w.start, end: w.start + 1, look: Look::Shown(" ".into()) });
                        w.start + 1
                    } else {
                        w.start
                    };
                    if hidden < w.end {
                        out.push(Mark { start: hidden, end: w.end, look: Look::Hidden });
                    }
                }
            }
            None => self.end_block(out),
        }
        self.last = Some(range.end);
    }

    /// The line breaks inside text drawn at `range`: each run of whitespace holding one is a
    /// space, and its breaks join.
    fn inside(&mut self, text: &str, range: Range<usize>, out: &mut Vec<Mark>) {
        let bytes = span::cut(text, range.start, range.end).as_bytes();
        let space = |b: u8| HTML_SPACE.contains(&char::from(b));
        let mut at = 0;
        while let Some(nl) = memchr::memchr(b'\n', bytes.get(at..).unwrap_or_default()).map(|i| at + i) {
            let mut from = nl;
            while from > at && space(bytes[from - 1]) {
                from -= 1;
            }
            let mut to = nl + 1;
            while to < bytes.len() && space(bytes[to]) {
                to += 1;
            }
            let (start, end) = (range.start + from, range.start + to);
            self.joins.extend(memchr::memchr_iter(b'\n', &bytes[from..to]).map(|i| start + i));
            out.push(Mark { start, end: start + 1, look: Look::Shown(" ".into()) });
            if start + 1 < end {
                out.push(Mark { start: start + 1, end, look: Look::Hidden });
            }
            at = to;
        }
    }
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
fn close(text: &str, open: &Open, depth: usize, quoted: bool, styled: bool, joins: &[usize], out: &mut Vec<Mark>) {
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
            quote_bars(text, start, end, joins, out);
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
        // `[^1]: A note.` reads `[1] A note.`, its label a marker.
        Opened::Footnote => {
            if let Some(g) = gaps(&open.range, &open.children).into_iter().next().filter(|g| g.start == start) {
                let label = footnote_label(span::cut(text, g.start, g.end));
                out.push(Mark { start: g.start, end: g.end, look: Look::Shown(format!("[{label}] ").into()) });
                out.push(Mark { start: g.start, end: g.end, look: Look::Styled(Part::Marker) });
            }
        }
        _ => {}
    }
}

/// A quote's `>` marks at the start of each of its lines, nested ones too, drawn as bars; not
/// on a line joined to the one before it (`joins`, sorted), whose `>`s are hidden.
fn quote_bars(text: &str, start: usize, end: usize, joins: &[usize], out: &mut Vec<Mark>) {
    let mut line = start - span::head(text, start).bytes().rev().take_while(|&b| b != b'\n').count();
    while line < end {
        let bytes = span::cut(text, line, end).as_bytes();
        let mut i = 0;
        let joined = line > 0 && joins.binary_search(&(line - 1)).is_ok();
        while !joined && bars(bytes, &mut i) {
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

/// True when a quote's `>` is at `bytes[i]` after spaces, which `i` then points at.
fn bars(bytes: &[u8], i: &mut usize) -> bool {
    while bytes.get(*i).is_some_and(|&b| b == b' ' || b == b'\t') {
        *i += 1;
    }
    bytes.get(*i) == Some(&b'>')
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
/// (a web page's blank lines are whitespace, and its blocks are set apart by their tags); an
/// empty line after an empty line; never a line joined to another (`joins`, sorted). One pass
/// over the text's lines.
fn gone_lines(text: &str, marks: &[Mark], blank: bool, joins: &[usize]) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::new();
    let mut k = 0;
    let mut start = 0;
    let mut after_empty = false;
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
        let joined = |nl: usize| joins.binary_search(&nl).is_ok();
        // An empty line after an empty line adds no gap (outside a code block).
        let empty = end == start && !drawn;
        if (end > start || blank || (empty && after_empty))
            && covered >= end
            && !drawn
            && !(start > 0 && joined(start - 1))
            && !joined(next - 1)
        {
            match out.last_mut() {
                Some(run) if run.end == start => run.end = next,
                _ => out.push(start..next),
            }
        }
        after_empty = empty;
        start = next;
    }
    one_blank(text, out)
}

/// `runs` of lines that draw nothing, each one taking also the blank line after it when a blank
/// line (or the text's start) is before it: hiding a reference definition between two blank
/// lines leaves one blank row, not two, and front matter leaves none at the top.
fn one_blank(text: &str, runs: Vec<Range<usize>>) -> Vec<Range<usize>> {
    let blank = |from: usize, to: usize| span::cut(text, from, to).trim().is_empty();
    let mut out: Vec<Range<usize>> = Vec::with_capacity(runs.len());
    for run in runs {
        match out.last_mut() {
            Some(last) if last.end == run.start => last.end = run.end,
            _ => out.push(run),
        }
        let Some(last) = out.last_mut() else { continue };
        let before = span::head(text, last.start.saturating_sub(1));
        let line_before = before.rfind('\n').map_or(0, |i| i + 1);
        if (last.start == 0 || blank(line_before, last.start)) && last.end < text.len() {
            let rest = span::tail(text, last.end);
            let next = rest.find('\n').map_or(text.len(), |i| last.end + i + 1);
            // Only an empty line: one of spaces would draw them.
            if matches!(span::cut(text, last.end, next).trim_end_matches('\n'), "" | "\r") {
                last.end = next;
            }
        }
    }
    out
}

/// `marks` cut at every line end but a join (`joins`, sorted: a glyph stays on its first line)
/// and sorted by where they start, an empty mark before the others at the same byte.
fn by_line(text: &str, marks: Vec<Mark>, joins: &[usize]) -> Vec<Mark> {
    let mut out = Vec::with_capacity(marks.len());
    for m in marks {
        if m.start == m.end {
            out.push(m);
            continue;
        }
        let mut start = m.start;
        let mut first = true;
        for nl in memchr::memchr_iter(b'\n', span::cut(text, m.start, m.end).as_bytes()) {
            if joins.binary_search(&(m.start + nl)).is_ok() {
                continue;
            }
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

/// `joins` sorted, less those that would make a line longer than [`JOIN_REACH`].
fn within_reach(text: &str, mut joins: Vec<usize>) -> Vec<usize> {
    joins.sort_unstable();
    joins.dedup();
    let mut kept: Vec<usize> = Vec::with_capacity(joins.len());
    // Where the line being joined begins.
    let mut begins = 0;
    for nl in joins {
        let line = nl - span::head(text, nl).bytes().rev().take_while(|&b| b != b'\n').count();
        if kept.last().is_none_or(|&k| k + 1 != line) {
            begins = line;
        }
        if nl - begins <= JOIN_REACH {
            kept.push(nl);
        }
    }
    kept
}

/// The line starts of `text` less those after a join (`joins`, sorted).
fn joined_starts(text: &str, joins: &[usize]) -> Vec<usize> {
    let mut k = 0;
    std::iter::once(0)
        .chain(
            memchr::memchr_iter(b'\n', text.as_bytes())
                .filter(|&nl| {
                    while joins.get(k).is_some_and(|&j| j < nl) {
                        k += 1;
                    }
                    joins.get(k) != Some(&nl)
                })
                .map(|nl| nl + 1),
        )
        .collect()
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
        // Front matter takes the blank line after it (no blank row at the top), which the
        // comment's run then joins.
        assert_eq!(gone, ["---\ntitle: x\n---\n\n<!-- a note -->\n", "```\n", "```\n", "[1]: https://x.io\n"]);
        assert_eq!(r.gone_at(md.find("title").unwrap_or(0)), Some(0..34));
        assert_eq!(r.gone_at(md.find("Text").unwrap_or(0)), None);
        assert!(Rendered::of("a\n\nb\n", Format::Markdown).gone.is_empty(), "a blank line is a row");
        let blanks = Rendered::of("a\n\n\n\nb\n", Format::Markdown);
        assert_eq!(blanks.gone_at(3), Some(3..5), "blank lines after a blank line take no row");
        assert_eq!(blanks.gone.len(), 1);
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
        let joined = layout.look.starts(&starts);
        rows_from(text, &starts, Pos::default(), &layout, 1000)
            .iter()
            .map(|r| {
                let starts = joined;
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

    #[test]
    fn a_paragraphs_lines_are_joined_and_wrapped_to_the_pane() {
        let md = "A paragraph written\nover three \n   short lines.\n\n> A quote over\n> two lines.\n\n- an item\n  that goes on\n- next\n\nHard  \nbreak.\n";
        assert_eq!(
            rows(md, Format::Markdown, 24),
            [
                "A paragraph written over ",
                "three short lines.",
                "",
                "│ A quote over two ",
                "lines.",
                "",
                "• an item that goes on",
                "• next",
                "",
                "Hard  ",
                "break.",
                ""
            ]
        );
        assert_eq!(rows(md, Format::Markdown, 12)[..3], ["A paragraph ", "written over ", "three short "]);
        let r = Rendered::of(md, Format::Markdown);
        let starts: Vec<usize> = std::iter::once(0).chain(md.match_indices('\n').map(|(i, _)| i + 1)).collect();
        assert_eq!(r.starts(&starts).len(), starts.len() - 4, "four line breaks joined");
    }

    #[test]
    fn a_web_pages_whitespace_collapses_as_a_browsers_does() {
        let page = "<article>\n  <p>\n    Text over\n    two lines, <b>bold</b>\n    <i>then</i>   more.\n  </p>\n  <p>Next</p>\n<pre>a\n  b</pre></article>";
        assert_eq!(
            rows(page, Format::Html, 60),
            ["", "Text over two lines, bold then more.", "", "Next", "", "a", "  b"]
        );
        assert_eq!(rows(page, Format::Html, 12)[1..4], ["Text over ", "two lines, ", "bold then "]);
    }

    #[test]
    fn a_paragraph_is_joined_only_so_far() {
        let line = "word ".repeat(15);
        let md = format!("{}\n", vec![line.trim_end(); 1000].join("\n"));
        let r = Rendered::of(&md, Format::Markdown);
        let starts: Vec<usize> = std::iter::once(0).chain(md.match_indices('\n').map(|(i, _)| i + 1)).collect();
        let joined = r.starts(&starts);
        assert!(joined.len() > 1 && joined.len() < 100, "{} lines", joined.len());
        assert!(joined.windows(2).all(|w| w[1] - w[0] <= JOIN_REACH + 100));
    }

    #[test]
    fn footnotes_read_as_their_labels_and_a_hidden_line_leaves_one_blank_row() {
        let md =
            "A claim[^1] and a [link][r].\n\n[^1]: The note.\n\n[r]: https://x.io\n\nThe end.\n\n\n\nAfter three.\n";
        assert_eq!(
            rows(md, Format::Markdown, 40),
            ["A claim[1] and a link.", "", "[1] The note.", "", "The end.", "", "After three.", ""]
        );
    }

    #[test]
    fn html_in_markdown_draws_its_text_and_images_not_its_tags() {
        let md = "[<img alt=\"crates.io\" src=\"https://x.io/b.svg\" height=\"20\">](https://crates.io)\n[<img alt=\"docs\" src=\"d.svg\">](https://docs.rs)\n\nPress <kbd>Ctrl</kbd>-C.\n\n<div align=\"center\">\n<p>Centred text</p>\n</div>\n\nEnd.\n";
        assert_eq!(
            rows(md, Format::Markdown, 60),
            ["image: crates.io image: docs", "", "Press Ctrl-C.", "", "Centred text", "", "End.", ""]
        );
    }
}
