//! Drawing: a pure function of the reader's state. One function per pane.

use super::app::{App, Field, Mode, Purpose};
use super::flow::{Flowed, flow, flow_from, pack};
use super::help;
use super::map::{self, Mark};
use super::render::{self, Glyph, Look, Part, Rendered, Unit};
use super::theme::Theme;
use super::wrap::{self, Row, char_width};
use crate::escape::{has_control, visible_char, visible_line};
use crate::lexicon::Dialect;
use crate::review::{Item, Status};
use crate::span;
use crate::suspect::Kind;
use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Draws the whole frame.
pub fn draw(frame: &mut Frame<'_>, app: &App) {
    let panes = app.panes();
    if panes.too_small {
        let msg = Paragraph::new("window too small for galley: make it at least 40 x 12").wrap(Wrap { trim: true });
        frame.render_widget(msg, frame.area());
        return;
    }
    article(frame, app, panes.article);
    damage_map(frame, app, panes.map);
    review(frame, app, panes.review);
    if let Some(area) = panes.list {
        list(frame, app, area);
    }
    status(frame, app, panes.status);
    if app.help {
        help(frame, app);
    }
    // Every pane already shows control characters visibly; this sweep makes sure that nothing
    // drawn, from any source, can reach the terminal as an escape.
    for cell in &mut frame.buffer_mut().content {
        if has_control(cell.symbol()) {
            let shown = visible_line(cell.symbol()).into_owned();
            cell.set_symbol(&shown);
        }
    }
}

/// The words of the kind, as the review pane says them.
fn kind_words(kind: Kind) -> &'static str {
    match kind {
        Kind::Spelling => "misspelled",
        Kind::Casing => "casing",
        Kind::Repeat => "repeated",
        Kind::Spacing => "spacing",
        Kind::Dialect => "other dialect",
        Kind::WordChoice => "word choice?",
    }
}

fn item_style(app: &App, item: &Item, current: bool) -> Style {
    let t = &app.theme;
    let base = match (item.status, item.kind) {
        (Status::Pending, Kind::Spelling | Kind::Dialect) => t.spelling,
        (Status::Pending, Kind::Casing | Kind::Repeat | Kind::Spacing | Kind::WordChoice) => t.casing,
        (Status::Fixed, _) => t.fixed,
        (Status::Ignored | Status::Added, _) => t.ignored,
    };
    if current { base.patch(t.current) } else { base }
}

/// The spans of a row, styled per byte range: the units its line's marks draw ([`units`]).
fn styled(units: &[Unit<'_>], ranges: &[(usize, usize, Style)]) -> Vec<Span<'static>> {
    let mut spans: Vec<Span<'static>> = Vec::new();
    let mut cur = String::new();
    let mut cur_style = Style::default();
    for u in units {
        // Each range over the character patches the ones before it: a search match over a suspect
        // shows both.
        let style =
            ranges.iter().filter(|(s, e, _)| *s <= u.at && u.at < *e).fold(Style::default(), |st, r| st.patch(r.2));
        if style != cur_style && !cur.is_empty() {
            spans.push(Span::styled(std::mem::take(&mut cur), cur_style));
        }
        cur_style = style;
        match u.glyph {
            Glyph::Char('\t') => cur.push_str(&" ".repeat(char_width('\t'))),
            Glyph::Char(c) => cur.push(visible_char(c).unwrap_or(c)),
            Glyph::Text(t) => cur.push_str(&visible_line(t)),
            Glyph::Break(_) => {}
        }
    }
    if !cur.is_empty() {
        spans.push(Span::styled(cur, cur_style));
    }
    spans
}

/// The style of a rendered part of the article.
fn part_style(t: &Theme, part: Part) -> Style {
    match part {
        Part::Heading(1) => t.title,
        Part::Heading(2) => t.heading,
        Part::Heading(_) | Part::Strong | Part::TableHead => Style::new().add_modifier(Modifier::BOLD),
        Part::Emphasis => Style::new().add_modifier(Modifier::ITALIC),
        Part::Strike => Style::new().add_modifier(Modifier::CROSSED_OUT),
        Part::Code | Part::CodeBlock => t.code,
        Part::Link => t.link,
        Part::Quote => t.quote,
        Part::Marker => t.accent,
        Part::Rule | Part::Table => t.markup,
    }
}

fn search_ranges(app: &App, from: usize, to: usize) -> Vec<(usize, usize, Style)> {
    let Some((query, _)) = &app.search else { return Vec::new() };
    if query.is_empty() {
        return Vec::new();
    }
    let text = app.review.text();
    let fold = !query.chars().any(char::is_uppercase);
    let (t, q) = (text.as_bytes(), query.as_bytes());
    let mut out = Vec::new();
    let mut i = from.saturating_sub(q.len() - 1);
    while i < to && i + q.len() <= t.len() {
        let w = &t[i..i + q.len()];
        if (if fold { w.eq_ignore_ascii_case(q) } else { w == q }) && text.is_char_boundary(i) {
            out.push((i, i + q.len(), app.theme.matched));
            i += q.len();
        } else {
            i += 1;
        }
    }
    out
}

fn row_line(app: &App, row: Row, width: usize) -> Line<'static> {
    let items = app.review.items();
    let current = app.review.current();
    let first = items.partition_point(|it| it.span.end <= row.start);
    let text = app.review.text();
    let look = app.look();
    let starts = look.starts(app.review.line_starts());
    let (line_start, line_end) = wrap::line_range(text, starts, row.line);
    let marks = look.line(line_start, line_end);
    let mut ranges: Vec<(usize, usize, Style)> = Vec::new();
    // Markup around the prose is dimmed: what the rendering still draws of it, and all of it in
    // the source view (`m`), so that the prose stands out.
    let markup = app.review.markup();
    let from = markup.partition_point(|m| m.end <= row.start);
    for m in markup[from..].iter().take_while(|m| m.start < row.end) {
        ranges.push((m.start, m.end, app.theme.markup));
    }
    // Rendered Markdown: each part in its style.
    for m in marks {
        if let Look::Styled(part) = m.look
            && m.start < row.end.max(row.start + 1)
            && m.end > row.start
        {
            ranges.push((m.start, m.end.max(m.start + 1), part_style(&app.theme, part)));
        }
    }
    // A title or heading reads as one: short, unpunctuated, `#`-marked (the checker's own test).
    // Only a short line can be a heading: the test, which reads the whole line and its
    // neighbours, is not run on the rows of a long one (a megabyte on one line).
    if look.is_empty()
        && row.start < row.end
        && line_end - line_start <= HEADING_LINE
        && !span::cut(text, row.start, row.end).trim().is_empty()
        && crate::check::casing::is_heading(text, row.start)
    {
        ranges.push((row.start, row.end, app.theme.heading));
    }
    for (k, it) in items.iter().enumerate().skip(first).take_while(|(_, it)| it.span.start < row.end) {
        ranges.push((it.span.start, it.span.end, item_style(app, it, Some(k) == current)));
    }
    ranges.extend(search_ranges(app, row.start, row.end));
    // The link `o` showed last.
    if let Some(link) = app.link.as_ref().filter(|l| l.start < row.end && l.end > row.start) {
        ranges.push((link.start, link.end, app.theme.matched));
    }
    let mut units = Vec::new();
    render::units(text, marks, row.start, row.end, line_end, |u| units.push(u));
    let mut spans = styled(&units, &ranges);
    // The rows after a list item's or a quote's first hang under its first word.
    if row.start > line_start && row.start < row.end {
        let hang = render::hang(text, marks, line_start, line_end, app.layout_width());
        if !hang.is_empty() {
            spans.insert(0, Span::styled(hang, app.theme.markup));
        }
    }
    // A line of a code block is tinted to the row's end.
    if Rendered::is_code(marks) {
        let used: usize = units.iter().map(Unit::width).sum();
        spans.push(Span::styled(" ".repeat(width.saturating_sub(used)), app.theme.code));
    }
    Line::from(spans)
}

fn article(frame: &mut Frame<'_>, app: &App, area: Rect) {
    let width = usize::from(area.width);
    let lines: Vec<Line<'static>> = app.visible_rows().into_iter().map(|r| row_line(app, r, width)).collect();
    frame.render_widget(Paragraph::new(lines), area);
}

/// The damage map: a mark per slice of the article where suspects wait (by kind) or were fixed,
/// on a track whose on-screen part is shaded.
fn damage_map(frame: &mut Frame<'_>, app: &App, area: Rect) {
    let t = &app.theme;
    let rows = app.visible_rows();
    let len = app.review.text().len();
    // An article that fits on screen is mapped row by row, beside its rows.
    let whole = (rows.first().is_some_and(|r| r.start == 0)
        && rows.last().is_some_and(|r| span::tail(app.review.text(), r.end).trim().is_empty()))
        // Rendered, the markup before and after the article takes no row.
        || (!app.look().is_empty() && app.fits());
    let marks: std::rc::Rc<[Mark]> = if whole {
        let items = app.review.items();
        let mut marks = vec![Mark::Empty; usize::from(area.height)];
        for (mark, row) in marks.iter_mut().zip(&rows) {
            let first = items.partition_point(|it| it.span.start < row.start);
            let here = items[first..].iter().take_while(|it| it.span.start < row.end.max(row.start + 1));
            *mark = here.map(map::mark_of).max().unwrap_or(Mark::Empty);
        }
        marks.into()
    } else {
        app.damage_map()
    };
    let slices = marks.len();
    let window = match (rows.first(), rows.last()) {
        _ if whole => (slices, slices), // nothing to shade: all of it is on screen
        (Some(a), Some(b)) => {
            (map::slice_of(a.start, len, slices), map::slice_of(b.end.saturating_sub(1).max(a.start), len, slices))
        }
        _ => (0, slices),
    };
    let lines: Vec<Line<'static>> = marks
        .iter()
        .enumerate()
        .map(|(k, mark)| {
            let (glyph, style) = match mark {
                Mark::Spelling => ("●", t.spelling),
                Mark::Casing => ("◆", t.casing),
                Mark::Other => ("▲", t.casing),
                Mark::Fixed => ("✓", t.fixed),
                Mark::Empty => ("│", t.dim),
            };
            let style = style.remove_modifier(Modifier::UNDERLINED | Modifier::ITALIC);
            let shown = (window.0..=window.1).contains(&k);
            Line::styled(glyph, if shown { style.patch(t.window) } else { style })
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), area);
}

/// The sentence around the current suspect: back to the previous sentence end and on to the
/// next, at most `reach` bytes each way, cut at a space. The flags say whether it was cut.
fn context(text: &str, start: usize, end: usize, reach: usize) -> (usize, usize, bool, bool) {
    let before = span::cut(text, text.floor_char_boundary(start.saturating_sub(reach)), start);
    let from = start - before.len();
    let (from, cut_start) = match before.rfind(['.', '!', '?', '\n']) {
        Some(i) => {
            let rest = span::tail(before, i + 1);
            (from + i + 1 + rest.len() - rest.trim_start().len(), false)
        }
        None if from == 0 => (0, false),
        None => (before.find(' ').map_or(start, |i| from + i + 1), true),
    };
    let after = span::cut(text, end, text.floor_char_boundary((end + reach).min(text.len())));
    let (to, cut_end) = match after.find(['.', '!', '?', '\n']) {
        Some(i) => (end + i + usize::from(after.as_bytes()[i] != b'\n'), false),
        None if end + after.len() == text.len() => (text.len(), false),
        None => (after.rfind(' ').map_or(end, |i| end + i), true),
    };
    (from, to, cut_start, cut_end)
}

/// Bytes a line may hold and still be a heading (the checker's own limit is 80 characters).
const HEADING_LINE: usize = 400;

/// The furthest the review pane's sentence reaches each way from the suspect, in bytes.
const REACH: usize = 160;

/// `s` with each run of whitespace as one space.
fn one_space(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if !(c.is_whitespace() && out.ends_with(' ')) {
            out.push(if c.is_whitespace() { ' ' } else { c });
        }
    }
    out
}

/// The text with the markup near `item` read as spaces (offsets kept), and a line break inside
/// a paragraph as a space, for Markdown and web pages; `None` for plain text. Only the bytes the sentence can reach are copied out of place.
fn prose_around(app: &App, item: &Item) -> Option<(String, usize)> {
    if app.review.format() == crate::markup::Format::Text {
        return None;
    }
    let text = app.review.text();
    // Only the bytes the sentence can reach, and a little more: a frame copies no more than
    // this, however long the article.
    let lo = text.floor_char_boundary(item.span.start.saturating_sub(REACH + 8));
    let hi = text.floor_char_boundary((item.span.end + REACH + 8).min(text.len())).max(item.span.end);
    let mut bytes: Vec<u8> = span::cut(text, lo, hi).as_bytes().to_vec();
    let markup = app.review.markup();
    let from = markup.partition_point(|m| m.end <= lo);
    for m in markup[from..].iter().take_while(|m| m.start < hi) {
        for b in &mut bytes[m.start.max(lo) - lo..m.end.min(hi) - lo] {
            if *b != b'\n' {
                *b = b' ';
            }
        }
    }
    // A line break inside a paragraph of Markdown or a page is a space; a blank line still
    // ends the sentence.
    for i in 0..bytes.len() {
        let prev = i.checked_sub(1).map(|j| bytes[j]);
        if bytes[i] == b'\n' && prev != Some(b'\n') && bytes.get(i + 1).is_some_and(|&b| b != b'\n' && b != b'\r') {
            let blank = bytes[i + 1..].iter().take_while(|&&b| b != b'\n').all(u8::is_ascii_whitespace);
            if !blank {
                bytes[i] = b' ';
            }
        }
    }
    // Whole characters are blanked (the spans lie on char boundaries).
    String::from_utf8(bytes).ok().map(|window| (window, lo))
}

/// The text near `item` as the article pane draws it, when Markdown or a web page is rendered:
/// its hidden markup left out, a glyph that decorates (a bullet, a quote's bar, a table's rule)
/// as a space, an entity as its character, a joined line break as a space, and each line's or
/// block's end as a line break. With it, where the word is in it. Only the lines the sentence
/// can reach are read.
fn drawn_around(app: &App, item: &Item) -> Option<(String, span::Span)> {
    let look = app.look();
    if look.is_empty() {
        return None;
    }
    let text = app.review.text();
    let starts = look.starts(app.review.line_starts());
    let lo = text.floor_char_boundary(item.span.start.saturating_sub(REACH + 8));
    let hi = text.floor_char_boundary((item.span.end + REACH + 8).min(text.len())).max(item.span.end);
    let mut out = String::with_capacity(hi - lo + 16);
    let (mut word_start, mut word_end) = (None, None);
    let mut line = starts.partition_point(|&s| s <= lo).saturating_sub(1);
    while let Some(&start) = starts.get(line).filter(|&&s| s < hi) {
        let (_, end) = wrap::line_range(text, starts, line);
        render::units(text, look.line(start, end), start.max(lo), end.min(hi), end, |u| {
            if u.at >= item.span.start && word_start.is_none() {
                word_start = Some(out.len());
            }
            if u.at >= item.span.end && word_end.is_none() {
                word_end = Some(out.len());
            }
            match u.glyph {
                Glyph::Char(c) => out.push(c),
                Glyph::Text(t) if render::is_decoration(t) => out.push(' '),
                Glyph::Text(t) => out.push_str(t),
                Glyph::Break(_) => out.push('\n'),
            }
        });
        if word_start.is_some() && word_end.is_none() {
            word_end = Some(out.len());
        }
        out.push('\n');
        line += 1;
    }
    let (start, end) = (word_start?, word_end?);
    (start <= end).then(|| (out, span::Span::new(start, end)))
}

/// The current suspect in its sentence, flowed to `width` in at most `rows` rows: the
/// sentence is cut shorter around the word until it fits. With it, where the edit cursor is.
fn sentence(app: &App, item: &Item, width: usize, rows: usize) -> Flowed {
    // Of rendered Markdown or a web page, the sentence as the pane draws it. Of the source
    // shown as written, the prose around the word: its markup read as spaces (at the same
    // offsets, so that the sentence is found as in plain text). Runs of spaces are one.
    let prose = drawn_around(app, item).or_else(|| {
        prose_around(app, item).map(|(window, base)| {
            let at = span::Span::new(item.span.start - base, item.span.end - base);
            (window, at)
        })
    });
    let (text, at) = match &prose {
        Some((window, at)) => (window.as_str(), *at),
        None => (app.review.text(), item.span),
    };
    let current = item_style(app, item, true);
    let (word, cursor) = match &app.mode {
        Mode::Edit(f) => (visible_line(&f.text).into_owned(), Some(visible_line(span::head(&f.text, f.cursor)).len())),
        _ => (visible_line(at.slice(text)).into_owned(), None),
    };
    let ellipsis = |cut: bool| if cut { "…" } else { "" };
    let one_line = |s: &str| {
        let s = s.replace(['\t', '\r'], " ");
        let s = if prose.is_some() { one_space(&s) } else { s };
        visible_line(&s).into_owned()
    };
    let mut reach = REACH;
    loop {
        let (from, to, cut_start, cut_end) = context(text, at.start, at.end, reach);
        let head = format!("{}{}", ellipsis(cut_start), one_line(span::cut(text, from, at.start)));
        let tail = format!("{}{}", one_line(span::cut(text, at.end, to)), ellipsis(cut_end));
        let mark = cursor.map(|c| head.len() + c);
        // While the word is edited, it and what follows break anywhere: what is typed then moves
        // nothing before the cursor.
        let hard = if cursor.is_some() { head.len()..head.len() + word.len() } else { usize::MAX..usize::MAX };
        let spans = [Span::raw(head), Span::styled(word.clone(), current), Span::raw(tail)];
        let mut flowed = flow_from(&spans, width, mark, hard);
        if flowed.lines.len() <= rows || reach == 0 {
            if flowed.lines.len() > rows {
                // The word alone is longer than the rows there are: show the rows with the cursor.
                let skip = flowed.mark.map_or(0, |(r, _)| (r + 1).saturating_sub(rows));
                flowed.lines = flowed.lines.into_iter().skip(skip).take(rows).collect();
                flowed.mark = flowed.mark.map(|(r, c)| (r - skip, c));
            }
            return flowed;
        }
        reach = reach.saturating_sub(REACH / 8);
    }
}

/// The review pane: the suspect in its sentence, its fixes, and the keys. Every fix a digit can
/// take is shown: when the pane is short they sit side by side, then the keys line goes, then
/// the sentence is cut shorter around the word.
fn review(frame: &mut Frame<'_>, app: &App, area: Rect) {
    let t = &app.theme;
    let block = Block::new().borders(Borders::TOP | Borders::LEFT).border_style(t.dim);
    let (pending, fixed, ignored) = app.review.counts();
    let Some(item) = app.review.current_item().filter(|it| it.status == Status::Pending) else {
        let done = if fixed + ignored > 0 { "No suspects left." } else { "No suspects in this article." };
        let text = Text::from(vec![
            Line::styled(done, t.accent),
            Line::default(),
            Line::from("s save · x export · u undo · q quit"),
        ]);
        frame.render_widget(Paragraph::new(text).block(block.title(" review ")).wrap(Wrap { trim: false }), area);
        return;
    };
    let index = app.review.items()[..app.review.current().unwrap_or(0)]
        .iter()
        .filter(|it| it.status == Status::Pending)
        .count()
        + 1;
    let title = format!(" {} · {index} of {pending} ", kind_words(item.kind));
    let (width, height) = (usize::from(area.width.saturating_sub(1)), usize::from(area.height.saturating_sub(1)));
    let mode = match &app.mode {
        Mode::Edit(_) => Some("edit: Enter commits · Esc cancels".to_string()),
        Mode::Choose => Some(format!("replace every {} with: 1-9 or Enter · Esc cancels", visible_line(&item.word))),
        _ => None,
    };
    let mode = mode.map_or_else(Vec::new, |m| flow(&[Span::styled(m, t.accent)], width, None).lines);
    let offered = app.review.current_fixes();
    let entries: Vec<Vec<Span<'static>>> = offered
        .iter()
        .enumerate()
        .map(|(n, fix)| vec![Span::styled(format!("{} ", n + 1), t.accent), Span::raw(visible_line(fix).into_owned())])
        .collect();
    let choices: Vec<Line<'static>> = if offered.is_empty() {
        flow(&[Span::styled("no suggestions: e to edit, i to ignore, a to add", t.dim)], width, None).lines
    } else if mode.len() + entries.len() + 4 <= height {
        entries.into_iter().map(Line::from).collect()
    } else {
        pack(entries, width)
    };
    let keys = flow(
        &[Span::styled(
            "Enter 1st · 1-9 pick · i ignore · I all · a add · e edit · R replace all · u undo · ? help",
            t.dim,
        )],
        width,
        None,
    )
    .lines;
    // The sentence gets what is left; the blank lines and the keys go first when it is short.
    let needed = mode.len() + choices.len();
    let full = sentence(app, item, width, usize::MAX);
    let (gaps, keys) = if full.lines.len() + needed + 2 + keys.len() <= height {
        (true, keys)
    } else if height.saturating_sub(needed + keys.len()) >= 2 {
        (false, keys)
    } else {
        (false, Vec::new())
    };
    let rows = height.saturating_sub(needed + keys.len() + 2 * usize::from(gaps)).max(1);
    let said = if full.lines.len() <= rows { full } else { sentence(app, item, width, rows) };
    let sentence_rows = said.lines.len();
    let mut lines = said.lines;
    if gaps {
        lines.push(Line::default());
    }
    lines.extend(mode);
    lines.extend(choices);
    if gaps {
        lines.push(Line::default());
    }
    lines.extend(keys);
    let para = Paragraph::new(lines).block(block.title(title).title_style(t.accent));
    frame.render_widget(para, area);
    // The cursor is where the next character goes: after a full row, at the start of the next.
    if let Some((row, col)) = said.mark.filter(|&(row, _)| row <= sentence_rows && row < height) {
        let (row, col) = (u16::try_from(row).unwrap_or(u16::MAX), u16::try_from(col).unwrap_or(u16::MAX));
        frame.set_cursor_position(Position::new(area.x + 1 + col, area.y + 1 + row));
    }
}

fn list(frame: &mut Frame<'_>, app: &App, area: Rect) {
    let t = &app.theme;
    let items = app.review.items();
    let (spelling, casing, other) = pending_by_kind(items);
    let counts = if other > 0 {
        format!("{spelling} misspelled · {casing} casing · {other} other")
    } else {
        format!("{spelling} misspelled · {casing} casing")
    };
    let mut lines = vec![Line::styled(counts, t.dim)];
    for i in app.list_window(area.height.saturating_sub(1)) {
        let it = &items[i];
        let line = app.review.line_of(it.span.start) + 1;
        let style = item_style(app, it, Some(i) == app.review.current());
        lines.push(Line::from(vec![
            Span::styled(format!("{line:>5} "), t.dim),
            Span::styled(visible_line(&it.word).into_owned(), style),
            Span::styled(format!(" {}", kind_words(it.kind)), t.dim),
        ]));
    }
    let block = Block::new().borders(Borders::TOP | Borders::LEFT).border_style(t.dim).title(" suspects ");
    frame.render_widget(Paragraph::new(lines).block(block), area);
}

/// The status line's question, and the field typed into when it asks for text.
fn prompt(app: &App) -> Option<(String, Option<&Field>)> {
    let asked = match &app.mode {
        Mode::Search(f) => ("/".to_string(), Some(f)),
        Mode::Prompt(Purpose::Export, f) if app.session.was_saved() => {
            ("export (.txt text · .diff since loading · .saved.diff since the save · .json log) to: ".into(), Some(f))
        }
        Mode::Prompt(Purpose::Export, f) => {
            ("export (.txt text · .diff since loading · .json log) to: ".into(), Some(f))
        }
        Mode::Prompt(Purpose::SaveAs, f) if app.message.is_empty() => ("save as: ".into(), Some(f)),
        Mode::Prompt(Purpose::SaveAs, f) => (format!("{} (Esc, then x exports) · save as: ", app.message), Some(f)),
        Mode::Overwrite(_, p) => (format!("{} exists: overwrite? y/n", p.display()), None),
        Mode::Quit => ("unsaved changes: s save and quit · d discard · Esc stay".into(), None),
        Mode::Recover => {
            let (unsaved, changed) =
                app.offer.as_ref().map_or((0, false), |o| (o.recovery.unsaved, !o.recovery.file_unchanged));
            let changed = if changed { " (the file changed since: s will save them to a new file)" } else { "" };
            (format!("an unfinished session made {unsaved} unsaved decisions{changed}: restore them? y/n"), None)
        }
        _ => return None,
    };
    Some(asked)
}

/// The most rows a question takes, growing up from the status line over the panes.
const PROMPT_ROWS: usize = 4;

fn status(frame: &mut Frame<'_>, app: &App, area: Rect) {
    let t = &app.theme;
    if let Some((question, field)) = prompt(app) {
        // A question wider than the window wraps upwards, over the panes; what is typed breaks
        // anywhere, so that the cursor is where the next character goes.
        let question = visible_line(&question).into_owned();
        let (typed, mark) = field.map_or((String::new(), None), |f| {
            (
                visible_line(&f.text).into_owned(),
                Some(question.len() + visible_line(span::head(&f.text, f.cursor)).len()),
            )
        });
        let hard = question.len()..usize::MAX;
        let spans = [Span::raw(question), Span::raw(typed)];
        let mut flowed = flow_from(&spans, usize::from(area.width), mark, hard);
        if let Some((row, _)) = flowed.mark
            && row >= flowed.lines.len()
        {
            flowed.lines.push(Line::default()); // the cursor after a full row starts the next
        }
        let rows = flowed.lines.len().min(PROMPT_ROWS).min(usize::from(area.y) + 1);
        // The last rows when it is longer still: the end holds the answer keys and the cursor.
        let skip = flowed.lines.len() - rows;
        let height = u16::try_from(rows).unwrap_or(1);
        let box_area = Rect::new(area.x, area.y + 1 - height, area.width, height);
        frame.render_widget(Clear, box_area);
        let lines: Vec<Line<'static>> = flowed.lines.into_iter().skip(skip).collect();
        frame.render_widget(Paragraph::new(lines).style(t.status), box_area);
        if let Some((row, col)) = flowed.mark.and_then(|(r, c)| Some((r.checked_sub(skip)?, c))) {
            let (row, col) = (u16::try_from(row).unwrap_or(u16::MAX), u16::try_from(col).unwrap_or(u16::MAX));
            if row < height {
                frame.set_cursor_position(Position::new(box_area.x + col, box_area.y + row));
            }
        }
        return;
    }
    let line = status_line(app, usize::from(area.width));
    frame.render_widget(Paragraph::new(line).style(t.status), area);
    // A message too long for what the line leaves it wraps upwards, over the panes.
    if !app.message.is_empty() && !line_holds_message(app, usize::from(area.width)) {
        let said = flow(&[Span::raw(visible_line(&app.message).into_owned())], usize::from(area.width), None).lines;
        let rows = said.len().min(PROMPT_ROWS).min(usize::from(area.y));
        let height = u16::try_from(rows).unwrap_or(0);
        let above = Rect::new(area.x, area.y - height, area.width, height);
        frame.render_widget(Clear, above);
        frame.render_widget(Paragraph::new(said.into_iter().take(rows).collect::<Vec<_>>()).style(t.status), above);
    }
}

/// Pending suspects by kind: misspellings (and the other dialect), casing, the rest.
#[must_use]
pub fn pending_by_kind(items: &[Item]) -> (usize, usize, usize) {
    items.iter().filter(|it| it.status == Status::Pending).fold((0, 0, 0), |(s, c, o), it| match it.kind {
        Kind::Spelling | Kind::Dialect => (s + 1, c, o),
        Kind::Casing => (s, c + 1, o),
        Kind::Repeat | Kind::Spacing | Kind::WordChoice => (s, c, o + 1),
    })
}

/// How far through the article the last row on screen is, as `less` counts: 100% once the end
/// is in view.
fn position(app: &App) -> usize {
    let text = app.review.text();
    let rows = app.visible_rows();
    let end = rows.last().map_or(text.len(), |r| r.end);
    if text.trim_end().len() <= end { 100 } else { end * 100 / text.len().max(1) }
}

/// The parts of the status line, each with how much it matters: when the window is narrow the
/// least needed go first.
fn status_parts(app: &App) -> Vec<(String, u8)> {
    let (pending, fixed, ignored) = app.review.counts();
    let name = visible_line(&app.review.name().display().to_string()).into_owned();
    let modified = if app.session.modified(&app.review) { " [+]" } else { "" };
    let current =
        app.review.current().filter(|_| app.review.current_item().is_some_and(|it| it.status == Status::Pending));
    let number = current.map_or_else(
        || format!("{pending} left"),
        |c| {
            let n = app.review.items()[..c].iter().filter(|it| it.status == Status::Pending).count() + 1;
            format!("{n} of {pending} left")
        },
    );
    let (spelling, casing, other) = pending_by_kind(app.review.items());
    let kinds = if pending == 0 {
        String::new()
    } else {
        [(spelling, "spelling"), (casing, "casing"), (other, "other")]
            .iter()
            .filter(|(n, _)| *n > 0)
            .map(|(n, k)| format!("{n} {k}"))
            .collect::<Vec<_>>()
            .join(" · ")
    };
    let dialect = match app.review.dialect() {
        Dialect::Us => "en-US",
        Dialect::Gb => "en-GB",
    };
    vec![
        (format!("{name}{modified}"), 9),
        (format!("{}%", position(app)), 8),
        (number, 7),
        (kinds, 5),
        (format!("{fixed} fixed"), 4),
        (format!("{ignored} ignored"), 3),
        (dialect.to_string(), 2),
    ]
}

/// The right end of the status line: the message, or where help is.
fn status_right(app: &App, width: usize) -> String {
    if app.message.is_empty() || !line_holds_message(app, width) {
        "? help".to_string()
    } else {
        visible_line(&app.message).into_owned()
    }
}

/// True when the message fits on the status line beside the name and position.
fn line_holds_message(app: &App, width: usize) -> bool {
    let parts = status_parts(app);
    let least: usize = parts.iter().take(2).map(|(p, _)| p.width() + 3).sum();
    visible_line(&app.message).width() + least + 2 <= width
}

/// The status line at `width` columns: the parts that fit, most needed first, and the message.
fn status_line(app: &App, width: usize) -> String {
    let mut parts = status_parts(app);
    parts.retain(|(p, _)| !p.is_empty());
    let right = status_right(app, width);
    let total = |parts: &[(String, u8)]| -> usize {
        parts.iter().map(|(p, _)| p.width()).sum::<usize>() + 3 * parts.len().saturating_sub(1) + 2 + right.width() + 1
    };
    while total(&parts) > width && parts.len() > 1 {
        let least = parts.iter().enumerate().min_by_key(|(_, (_, k))| *k).map_or(0, |(i, _)| i);
        parts.remove(least);
    }
    let left = parts.iter().map(|(p, _)| p.as_str()).collect::<Vec<_>>().join(" · ");
    let mut left = format!(" {left} ");
    let room = width.saturating_sub(right.width() + 1);
    if left.width() > room {
        // Only the name is left, and it is too long: keep its end.
        let keep: String = left
            .chars()
            .rev()
            .scan(0, |w, c| {
                *w += c.width().unwrap_or(0);
                (*w < room).then_some(c)
            })
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        left = format!("…{keep}");
    }
    let gap = width.saturating_sub(left.width() + right.width() + 1);
    format!("{left}{}{right} ", " ".repeat(gap))
}

fn help(frame: &mut Frame<'_>, app: &App) {
    let t = &app.theme;
    let laid = help::layout(frame.area(), t);
    let scroll = app.help_scroll.min(laid.max_scroll());
    let title = if laid.max_scroll() > 0 {
        format!(" keys · {}-{} of {} · j/k scroll ", scroll + 1, scroll + laid.visible, laid.rows.len())
    } else {
        " keys ".to_string()
    };
    let rows: Vec<Line<'static>> = laid.rows.into_iter().skip(scroll).take(laid.visible).collect();
    frame.render_widget(Clear, laid.area);
    frame.render_widget(Paragraph::new(rows).block(Block::bordered().title(title).border_style(t.accent)), laid.area);
}
