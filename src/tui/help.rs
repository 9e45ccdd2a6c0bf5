//! The help overlay's layout: the keymap's groups flowed into as many columns as the window
//! holds, every line wrapped to its column, and a window onto them that scrolls when they are
//! taller than the screen. Both the drawing and the scroll keys use it, so they agree on how far
//! the help scrolls.

use super::flow::flow;
use super::keymap::GROUPS;
use super::theme::Theme;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

/// Columns a binding's keys take before what they do.
const LABEL: usize = 14;
/// The narrowest column worth a second one.
const COLUMN: usize = 44;
/// The widest the overlay gets.
const MAX_WIDTH: u16 = 100;

/// The help as laid out for one window.
pub struct Help {
    /// Where the overlay goes (border included).
    pub area: Rect,
    /// The rows of text, columns side by side.
    pub rows: Vec<Line<'static>>,
    /// Rows inside the border.
    pub visible: usize,
}

impl Help {
    /// The furthest the help scrolls: its last row at the bottom.
    #[must_use]
    pub fn max_scroll(&self) -> usize {
        self.rows.len().saturating_sub(self.visible)
    }
}

/// One block of rows: a group title and its bindings, or the notes at the end.
fn blocks(width: usize, theme: &Theme) -> Vec<Vec<Line<'static>>> {
    let mut blocks = Vec::new();
    for (group, bindings) in GROUPS {
        let mut rows = vec![Line::styled(*group, theme.accent)];
        for b in *bindings {
            // The keys, then what they do, wrapped under itself.
            let said = flow(&[Span::raw(b.help)], width.saturating_sub(LABEL).max(8), None).lines;
            for (k, line) in said.into_iter().enumerate() {
                let label = if k == 0 { format!("  {:<w$}", b.label, w = LABEL - 2) } else { " ".repeat(LABEL) };
                let mut spans = vec![Span::styled(label, theme.accent)];
                spans.extend(line.spans);
                rows.push(Line::from(spans));
            }
        }
        blocks.push(rows);
    }
    let notes = [
        "In the edit buffer and prompts: arrows, Home/End, Backspace/Delete, ^W, ^U",
        "Here: j/k, Space/b and g/G scroll · Esc, q or ? closes",
    ];
    let mut rows = Vec::new();
    for note in notes {
        rows.extend(flow(&[Span::styled(note, theme.dim)], width, None).lines);
    }
    blocks.push(rows);
    blocks
}

/// Lays the help out for a window of `area`.
#[must_use]
pub fn layout(area: Rect, theme: &Theme) -> Help {
    let width = MAX_WIDTH.min(area.width);
    let inner = usize::from(width.saturating_sub(2));
    let columns = if inner >= 2 * COLUMN + 2 { 2 } else { 1 };
    let column = if columns == 2 { (inner - 2) / 2 } else { inner };
    let blocks = blocks(column, theme);
    let rows: Vec<Line<'static>> = if columns == 1 {
        let mut rows = Vec::new();
        for (k, b) in blocks.into_iter().enumerate() {
            if k > 0 {
                rows.push(Line::default());
            }
            rows.extend(b);
        }
        rows
    } else {
        side_by_side(&blocks, column)
    };
    let visible = rows.len().min(usize::from(area.height.saturating_sub(2)));
    let height = u16::try_from(visible + 2).unwrap_or(u16::MAX).min(area.height);
    let popup = Rect::new(area.x + (area.width - width) / 2, area.y + (area.height - height) / 2, width, height);
    Help { area: popup, rows, visible }
}

/// Two columns of whole blocks, split where the taller column is shortest.
fn side_by_side(blocks: &[Vec<Line<'static>>], column: usize) -> Vec<Line<'static>> {
    let rows =
        |part: &[Vec<Line<'static>>]| -> usize { part.iter().map(|b| b.len() + 1).sum::<usize>().saturating_sub(1) };
    let split = (1..blocks.len()).min_by_key(|&k| rows(&blocks[..k]).max(rows(&blocks[k..]))).unwrap_or(blocks.len());
    let join = |part: &[Vec<Line<'static>>]| -> Vec<Line<'static>> {
        let mut out = Vec::new();
        for (k, b) in part.iter().enumerate() {
            if k > 0 {
                out.push(Line::default());
            }
            out.extend(b.iter().cloned());
        }
        out
    };
    let (left, right) = (join(&blocks[..split]), join(&blocks[split..]));
    let height = left.len().max(right.len());
    (0..height)
        .map(|i| {
            let mut spans: Vec<Span<'static>> = Vec::new();
            let l = left.get(i).cloned().unwrap_or_default();
            let w = l.width();
            spans.extend(l.spans);
            spans.push(Span::styled(" ".repeat(column.saturating_sub(w) + 2), Style::default()));
            spans.extend(right.get(i).cloned().unwrap_or_default().spans);
            Line::from(spans)
        })
        .collect()
}
