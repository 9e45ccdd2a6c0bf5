//! Wrapping the article to the pane: each line of the text becomes one or more rows, broken
//! at spaces, by display width (wide characters take two columns, a tab four). Only the lines
//! in view are ever wrapped, so a frame costs the same on a 10 MB article as on a short one.
//! Rows are wrapped as the line is drawn ([`super::render`]): hidden markup takes no column, a
//! glyph its own, and a line of a code block is one row, cut at the pane's edge.

use super::render::{self, Rendered};
use crate::span;
use std::rc::Rc;
use unicode_width::UnicodeWidthChar;

/// Columns a tab takes.
pub const TAB_WIDTH: usize = 4;

/// A row position: a line of the text and a row of its wrapping. A rendered paragraph's lines
/// are one line ([`Rendered::starts`]): `starts` given to these functions are the source's line
/// starts, and lines are counted as joined.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord)]
pub struct Pos {
    /// Index of the line.
    pub line: usize,
    /// Row within the wrapped line.
    pub row: usize,
}

/// One row on screen: the bytes of the text it shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Row {
    /// Index of the line it belongs to.
    pub line: usize,
    /// First byte shown.
    pub start: usize,
    /// One past the last byte shown.
    pub end: usize,
}

/// How the article is laid out in rows: the width, whether a blank row is set between two
/// lines of text (an article written a paragraph to a line, with no blank lines between them),
/// and how its markup is drawn.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Layout {
    /// Columns a row holds.
    pub width: usize,
    /// A gap row after each line of text that another line of text follows.
    pub gaps: bool,
    /// The rendering of Markdown or a web page (empty: the source as written).
    pub look: Rc<Rendered>,
}

impl Layout {
    /// Rows of `width` columns, no gaps, the source as written.
    #[must_use]
    pub fn plain(width: usize) -> Self {
        Self { width, gaps: false, look: Rc::default() }
    }
}

/// Lines this long or longer, as the median of an article's lines of text, are paragraphs: the
/// article was written a paragraph to a line (hard-wrapped text keeps its lines under 80).
const PARAGRAPH_LINE: usize = 100;
/// Lines looked at to tell: enough for any article's habit, and a bounded pass on a huge one.
const SAMPLE_LINES: usize = 2000;

/// True when an article is written a paragraph to a line with no blank line between them: on
/// screen its paragraphs need gaps.
#[must_use]
pub fn wants_gaps(text: &str) -> bool {
    let mut lengths: Vec<usize> = text.lines().take(SAMPLE_LINES).map(|l| l.trim().len()).filter(|&n| n > 0).collect();
    if lengths.len() < 2 {
        return false;
    }
    lengths.sort_unstable();
    lengths[lengths.len() / 2] >= PARAGRAPH_LINE
}

/// Display width of a character in the article.
#[must_use]
pub fn char_width(c: char) -> usize {
    // A control character is drawn as one visible character (see `crate::escape`).
    if c == '\t' {
        TAB_WIDTH
    } else if crate::escape::visible_char(c).is_some() {
        1
    } else {
        c.width().unwrap_or(0)
    }
}

/// The bytes of line `line` of `starts` (joined, when they are a rendering's), without its line
/// ending.
#[must_use]
pub fn line_range(text: &str, starts: &[usize], line: usize) -> (usize, usize) {
    let start = starts.get(line).copied().unwrap_or(text.len());
    let mut end = starts.get(line + 1).map_or(text.len(), |&n| n - 1);
    if text.as_bytes().get(end.wrapping_sub(1)) == Some(&b'\r') && end > start {
        end -= 1;
    }
    (start, end)
}

/// The rows of one line at `width` columns: greedy, breaking after the last space that fits,
/// or inside a word longer than the row. A line of a code block is one row, cut at the width.
#[must_use]
pub fn line_rows(text: &str, starts: &[usize], line: usize, layout: &Layout) -> Vec<(usize, usize)> {
    let starts = layout.look.starts(starts);
    let (start, end) = line_range(text, starts, line);
    let mut rows = Vec::new();
    if layout.look.gone_at(start).is_some() {
        return rows; // a line that draws nothing takes no row
    }
    let width = layout.width.max(1);
    let marks = layout.look.line(start, end);
    if Rendered::is_code(marks) {
        // A web page's code block that opens on this line is set apart by a blank row.
        let (mut cols, mut cut, mut from) = (0, end, start);
        render::units(text, marks, start, end, end, |u| match u.glyph {
            render::Glyph::Break(true) if cols == 0 && from == start && u.at < end => {
                rows.push((start, u.at));
                from = u.at;
            }
            _ => {
                if cut == end && cols + u.width() > width && u.at > from {
                    cut = u.at;
                }
                cols += u.width();
            }
        });
        rows.push((from, cut));
        return rows;
    }
    // Rows after the first hang under the first word of a list item or a quote.
    let hang = render::hang(text, marks, start, end, width).chars().count();
    let mut row_start = start;
    // The units of the row so far: where each is and its width.
    let mut row: Vec<(usize, usize)> = Vec::new();
    let mut cols = 0;
    let mut last_space: Option<usize> = None; // byte just after the last space in this row
    // A blank row was just set before what follows (a web page's paragraph).
    let mut gapped = false;
    render::units(text, marks, start, end, end, |u| {
        if let render::Glyph::Break(gap) = u.glyph {
            // A block of a web page begins a row, and one set apart a blank row before it.
            if u.at >= end || gapped {
                return;
            }
            if !row.is_empty() {
                rows.push((row_start, u.at));
                (row_start, cols, last_space) = (u.at, 0, None);
                row.clear();
            }
            if gap {
                rows.push((row_start, u.at)); // draws nothing: what is before `at` is hidden
                row_start = u.at;
                gapped = true;
            }
            return;
        }
        gapped = false;
        let w = u.width();
        let room = if rows.is_empty() { width } else { width - hang };
        // A space past the row's end ends the row (drawn past the edge, as nothing): the word
        // before it stays on the row, and the next row begins with the next word.
        if u.is_space() && cols + w > room && cols <= room && u.at > row_start {
            let after = u.at + if let render::Glyph::Char(c) = u.glyph { c.len_utf8() } else { 1 };
            if after < end {
                rows.push((row_start, after));
                (row_start, cols, last_space) = (after, 0, None);
                row.clear();
            }
            return;
        }
        // A glyph at the line's end (a table's last rule) stays with the row before it.
        while cols + w > room && u.at > row_start && u.at < end {
            let cut = match last_space {
                Some(s) if s > row_start && s <= u.at => s,
                _ => u.at,
            };
            rows.push((row_start, cut));
            row_start = cut;
            row.retain(|&(at, _)| at >= cut);
            cols = row.iter().map(|&(_, w)| w).sum();
            last_space = None;
        }
        row.push((u.at, w));
        cols += w;
        if u.is_space() {
            last_space = Some(u.at + 1);
        }
    });
    rows.push((row_start, end));
    if layout.gaps && !span::cut(text, start, end).trim().is_empty() && line + 1 < starts.len() {
        let (ns, ne) = line_range(text, starts, line + 1);
        if !span::cut(text, ns, ne).trim().is_empty() {
            rows.push((end, end)); // the gap: an empty row between two paragraphs
        }
    }
    rows
}

fn line_count(starts: &[usize]) -> usize {
    starts.len()
}

/// The first line at or after `line` that takes a row: past a run of lines that draw nothing
/// in one step. `None` past the end.
fn shown_from(starts: &[usize], line: usize, layout: &Layout) -> Option<usize> {
    let start = *starts.get(line)?;
    match layout.look.gone_at(start) {
        Some(run) => Some(starts.partition_point(|&s| s < run.end)).filter(|&l| l < line_count(starts)),
        None => Some(line),
    }
}

/// The last line at or before `line` that takes a row. `None` before the start.
fn shown_before(starts: &[usize], line: usize, layout: &Layout) -> Option<usize> {
    let start = *starts.get(line)?;
    match layout.look.gone_at(start) {
        Some(run) => starts.partition_point(|&s| s < run.start).checked_sub(1),
        None => Some(line),
    }
}

/// `pos` on a row that is drawn: a position on a line that draws nothing stands for the next row
/// drawn (the last one when none follows).
fn shown(text: &str, starts: &[usize], pos: Pos, layout: &Layout) -> Pos {
    match shown_from(starts, pos.line, layout) {
        Some(line) if line == pos.line => pos,
        Some(line) => Pos { line, row: 0 },
        None => last(text, starts, layout),
    }
}

/// The rows shown from `top`, at most `height` of them.
#[must_use]
pub fn rows_from(text: &str, starts: &[usize], top: Pos, layout: &Layout, height: usize) -> Vec<Row> {
    let starts = layout.look.starts(starts);
    let mut out = Vec::with_capacity(height);
    let mut line = top.line;
    let mut skip = top.row;
    while out.len() < height {
        let Some(next) = shown_from(starts, line, layout) else { break };
        if next != line {
            (line, skip) = (next, 0);
        }
        for (start, end) in line_rows(text, starts, line, layout).into_iter().skip(skip) {
            if out.len() == height {
                break;
            }
            out.push(Row { line, start, end });
        }
        skip = 0;
        line += 1;
    }
    out
}

/// The position `n` rows below `pos`, stopping at the last row.
#[must_use]
pub fn advance(text: &str, starts: &[usize], pos: Pos, n: usize, layout: &Layout) -> Pos {
    let starts = layout.look.starts(starts);
    let mut pos = shown(text, starts, pos, layout);
    let mut n = n;
    loop {
        let rows = line_rows(text, starts, pos.line, layout).len();
        if pos.row + n < rows {
            return Pos { line: pos.line, row: pos.row + n };
        }
        let Some(next) = shown_from(starts, pos.line + 1, layout) else {
            return Pos { line: pos.line, row: rows.saturating_sub(1) };
        };
        n -= rows.saturating_sub(pos.row).min(n);
        pos = Pos { line: next, row: 0 };
    }
}

/// The position `n` rows above `pos`, stopping at the first row.
#[must_use]
pub fn retreat(text: &str, starts: &[usize], pos: Pos, n: usize, layout: &Layout) -> Pos {
    let starts = layout.look.starts(starts);
    let mut pos = shown(text, starts, pos, layout);
    let mut n = n;
    loop {
        if n <= pos.row {
            return Pos { line: pos.line, row: pos.row - n };
        }
        let Some(line) = pos.line.checked_sub(1).and_then(|l| shown_before(starts, l, layout)) else {
            return Pos { line: pos.line, row: 0 };
        };
        n -= pos.row + 1;
        pos = Pos { line, row: line_rows(text, starts, line, layout).len().saturating_sub(1) };
    }
}

/// The last row of the text.
#[must_use]
pub fn last(text: &str, starts: &[usize], layout: &Layout) -> Pos {
    let starts = layout.look.starts(starts);
    let Some(line) = line_count(starts).checked_sub(1).and_then(|l| shown_before(starts, l, layout)) else {
        return Pos::default();
    };
    Pos { line, row: line_rows(text, starts, line, layout).len().saturating_sub(1) }
}

/// The row that shows byte `offset` (a byte on a line that draws nothing: the next row drawn).
#[must_use]
pub fn pos_of(text: &str, starts: &[usize], offset: usize, layout: &Layout) -> Pos {
    let starts = layout.look.starts(starts);
    let line = starts.partition_point(|&s| s <= offset).saturating_sub(1);
    let rows = line_rows(text, starts, line, layout);
    let row = rows.iter().rposition(|&(s, _)| s <= offset).unwrap_or(0);
    shown(text, starts, Pos { line, row }, layout)
}

/// `pos` after the width changed: the same line, the row that now shows its first byte.
#[must_use]
pub fn align(text: &str, starts: &[usize], pos: Pos, layout: &Layout) -> Pos {
    let starts = layout.look.starts(starts);
    let line = pos.line.min(line_count(starts).saturating_sub(1));
    let rows = line_rows(text, starts, line, layout);
    shown(text, starts, Pos { line, row: pos.row.min(rows.len().saturating_sub(1)) }, layout)
}

/// The byte under column `col` of a row (the row's end when past it).
#[must_use]
pub fn offset_at(text: &str, starts: &[usize], row: Row, col: usize, layout: &Layout) -> usize {
    let starts = layout.look.starts(starts);
    let (start, end) = line_range(text, starts, row.line);
    let marks = layout.look.line(start, end);
    let hang = if row.start > start { render::hang(text, marks, start, end, layout.width).chars().count() } else { 0 };
    let Some(col) = col.checked_sub(hang) else { return row.start };
    let mut cols = 0;
    let mut found = None;
    render::units(text, marks, row.start, row.end, end, |u| {
        cols += u.width();
        if cols > col && found.is_none() {
            found = Some(u.at);
        }
    });
    found.unwrap_or(row.end)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(width: usize) -> Layout {
        Layout::plain(width)
    }

    fn starts(text: &str) -> Vec<usize> {
        std::iter::once(0).chain(text.match_indices('\n').map(|(i, _)| i + 1)).collect()
    }

    fn wrapped(text: &str, width: usize) -> Vec<&str> {
        let s = starts(text);
        rows_from(text, &s, Pos::default(), &Layout::plain(width), 100)
            .iter()
            .map(|r| span::cut(text, r.start, r.end))
            .collect()
    }

    #[test]
    fn lines_break_at_spaces_and_keep_blank_lines() {
        assert_eq!(wrapped("the quick brown fox\r\n\r\njumps", 10), ["the quick ", "brown fox", "", "jumps"]);
    }

    #[test]
    fn long_words_and_wide_characters_break_by_columns() {
        assert_eq!(wrapped("abcdefghij", 4), ["abcd", "efgh", "ij"]);
        assert_eq!(wrapped("日本語のテキスト", 6), ["日本語", "のテキ", "スト"]);
    }

    #[test]
    fn moving_by_rows_crosses_lines_and_stops_at_the_ends() {
        let text = "one two three\nfour\nfive six";
        let s = starts(text);
        let p = advance(text, &s, Pos::default(), 3, &at(8));
        assert_eq!(p, Pos { line: 2, row: 0 });
        assert_eq!(advance(text, &s, p, 10, &at(8)), last(text, &s, &at(8)));
        assert_eq!(retreat(text, &s, p, 10, &at(8)), Pos::default());
        assert_eq!(pos_of(text, &s, text.find("six").unwrap_or(0), &at(5)), Pos { line: 2, row: 1 });
    }

    #[test]
    fn a_paragraph_to_a_line_gets_gaps_and_hard_wrapped_text_does_not() {
        let para = "word ".repeat(30);
        let text = format!("Title\n{para}\n{para}\n\n{para}");
        assert!(wants_gaps(&text));
        assert!(!wants_gaps("a hard-wrapped paragraph\nof short lines\nrunning on\n"));
        let s = starts(&text);
        let rows: Vec<(usize, usize)> =
            rows_from(&text, &s, Pos::default(), &Layout { width: 200, gaps: true, look: Rc::default() }, 100)
                .iter()
                .map(|r| (r.start, r.end))
                .collect();
        let shown: Vec<&str> = rows.iter().map(|&(a, b)| span::cut(&text, a, b)).collect();
        assert_eq!(
            shown,
            ["Title", "", para.as_str(), "", para.as_str(), "", para.as_str()],
            "one gap between lines of text, none added to a blank line"
        );
    }
}
