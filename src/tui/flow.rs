//! Styled text flowed into the rows of a pane by hand, rather than by ratatui's wrapping, so
//! that a pane knows how many rows it needs before drawing, and where a given byte lands (the
//! edit cursor).

use ratatui::style::Style;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthChar;

/// One character on screen.
struct Cell {
    c: char,
    style: Style,
    /// Its byte offset in the joined text of the spans.
    at: usize,
    width: usize,
}

/// Text flowed into rows of a fixed width.
pub struct Flowed {
    /// The rows, each no wider than the width.
    pub lines: Vec<Line<'static>>,
    /// The row and column of the marked byte, if one was asked for.
    pub mark: Option<(usize, usize)>,
}

/// Flows `spans` into rows of `width` columns, breaking after the last space that fits (or
/// inside a word longer than a row), as the article pane does. `mark` is a byte offset in the
/// joined text of the spans (its length: just after the last character).
#[must_use]
pub fn flow(spans: &[Span<'_>], width: usize, mark: Option<usize>) -> Flowed {
    flow_from(spans, width, mark, usize::MAX..usize::MAX)
}

/// [`flow`], but inside the bytes `hard` the rows break at any character, as a shell's command
/// line does, and no row breaks before them once they have begun: text typed at a cursor there
/// pushes what follows on and moves nothing before it, so the cursor is exactly where the next
/// character will go.
#[must_use]
pub fn flow_from(spans: &[Span<'_>], width: usize, mark: Option<usize>, hard: std::ops::Range<usize>) -> Flowed {
    let width = width.max(1);
    let mut cells = Vec::new();
    let mut at = 0;
    for s in spans {
        for c in s.content.chars() {
            cells.push(Cell { c, style: s.style, at, width: c.width().unwrap_or(0) });
            at += c.len_utf8();
        }
    }
    let mut rows: Vec<(usize, usize)> = Vec::new();
    let (mut start, mut used, mut space) = (0usize, 0usize, None::<usize>);
    let mut i = 0;
    while i < cells.len() {
        let w = cells[i].width;
        if used + w > width && i > start {
            let at = cells[i].at;
            if !hard.contains(&at) && cells[i].c == ' ' {
                // A space that does not fit ends the row, past its edge, where it is not drawn.
                rows.push((start, i + 1));
                (start, used, space) = (i + 1, 0, None);
                i += 1;
                continue;
            }
            // Past the start of the hard part, only a space after its end may break the row.
            let floor = if at >= hard.start { hard.end } else { 0 };
            let end = if hard.contains(&at) {
                i
            } else {
                space.filter(|&s| s >= start && cells[s].at >= floor).map_or(i, |s| s + 1)
            };
            rows.push((start, end));
            start = end;
            used = cells[start..i].iter().map(|c| c.width).sum();
            space = None;
            continue;
        }
        if cells[i].c == ' ' {
            space = Some(i);
        }
        used += w;
        i += 1;
    }
    rows.push((start, cells.len()));
    let mark = mark.map(|m| {
        for (r, &(a, b)) in rows.iter().enumerate() {
            if let Some(k) = (a..b).find(|&k| cells[k].at == m) {
                return (r, cells[a..k].iter().map(|c| c.width).sum());
            }
        }
        let (a, b) = rows.last().copied().unwrap_or_default();
        let col: usize = cells[a..b].iter().map(|c| c.width).sum();
        if col >= width { (rows.len(), 0) } else { (rows.len() - 1, col) }
    });
    let lines = rows
        .iter()
        .map(|&(a, b)| {
            let mut line: Vec<Span<'static>> = Vec::new();
            for cell in &cells[a..b] {
                match line.last_mut() {
                    Some(last) if last.style == cell.style => last.content.to_mut().push(cell.c),
                    _ => line.push(Span::styled(cell.c.to_string(), cell.style)),
                }
            }
            Line::from(line)
        })
        .collect();
    Flowed { lines, mark }
}

/// Entries side by side, two columns apart, as many to a row as fit in `width`; an entry is
/// never split unless it is wider than a row.
#[must_use]
pub fn pack(entries: Vec<Vec<Span<'static>>>, width: usize) -> Vec<Line<'static>> {
    let width = width.max(1);
    let mut lines: Vec<Line<'static>> = Vec::new();
    let mut row: Vec<Span<'static>> = Vec::new();
    let mut used = 0;
    for entry in entries {
        let w: usize = entry.iter().map(Span::width).sum();
        if !row.is_empty() && used + 2 + w > width {
            lines.push(Line::from(std::mem::take(&mut row)));
            used = 0;
        }
        if !row.is_empty() {
            row.push(Span::raw("  "));
            used += 2;
        }
        if w > width {
            // Wider than a row: it gets rows of its own.
            lines.extend(flow(&entry, width, None).lines);
            continue;
        }
        row.extend(entry);
        used += w;
    }
    if !row.is_empty() {
        lines.push(Line::from(row));
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(f: &Flowed) -> Vec<String> {
        f.lines.iter().map(|l| l.spans.iter().map(|s| s.content.as_ref()).collect()).collect()
    }

    #[test]
    fn words_break_at_the_last_space_that_fits_and_the_mark_follows() {
        let f = flow(&[Span::raw("the quick brown fox")], 10, Some(10));
        assert_eq!(texts(&f), ["the quick ", "brown fox"]);
        assert_eq!(f.mark, Some((1, 0)), "byte 10 is the b of brown, first on the second row");
        let f = flow(&[Span::raw("abcdefghijkl")], 5, Some(12));
        assert_eq!(texts(&f), ["abcde", "fghij", "kl"]);
        assert_eq!(f.mark, Some((2, 2)), "just after the last character");
        let f = flow(&[Span::raw("abcde")], 5, Some(5));
        assert_eq!(f.mark, Some((1, 0)), "a full row puts the end on the next");
    }

    #[test]
    fn from_the_hard_mark_rows_break_anywhere_and_a_space_past_the_edge_ends_a_row() {
        let f = flow_from(&[Span::raw("one two threefour")], 10, Some(12), 8..13);
        assert_eq!(texts(&f), ["one two th", "reefour"]);
        assert_eq!(f.mark, Some((1, 2)));
        let f = flow_from(&[Span::raw("one two three four five")], 10, None, 8..13);
        assert_eq!(texts(&f), ["one two th", "ree four ", "five"], "after the hard part, spaces again");
        let f = flow(&[Span::raw("abcd efghijkl mn")], 10, None);
        assert_eq!(texts(&f), ["abcd ", "efghijkl ", "mn"]);
        let f = flow(&[Span::raw("abcdefghij klm")], 10, None);
        assert_eq!(texts(&f), ["abcdefghij ", "klm"], "the space hangs past the edge");
    }

    #[test]
    fn wide_characters_take_two_columns() {
        let f = flow(&[Span::raw("日本語 text")], 6, Some("日本語 ".len()));
        assert_eq!(texts(&f), ["日本語 ", "text"], "six columns, and the space past the edge");
        assert_eq!(f.mark, Some((1, 0)));
    }

    #[test]
    fn entries_pack_side_by_side() {
        let entries = ["1 one", "2 two", "3 three"].map(|e| vec![Span::raw(e)]).to_vec();
        let lines = pack(entries, 12);
        let rows: Vec<String> = lines.iter().map(|l| l.spans.iter().map(|s| s.content.as_ref()).collect()).collect();
        assert_eq!(rows, ["1 one  2 two", "3 three"]);
    }
}
