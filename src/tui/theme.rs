//! Named styles for every kind of highlight, coloured as the config's `[colours]` says. With
//! `NO_COLOR` set, or colours off, only bold, underline, reverse and dim are used.

use crate::store::config::{self, Colours};
use ratatui::style::{Color, Modifier, Style};

/// The styles the reader draws with.
#[derive(Clone, Copy, Debug)]
pub struct Theme {
    /// A misspelled word.
    pub spelling: Style,
    /// A word in the wrong casing.
    pub casing: Style,
    /// The current suspect (on top of its kind).
    pub current: Style,
    /// A word the reader fixed.
    pub fixed: Style,
    /// A word the reader ignored or added.
    pub ignored: Style,
    /// A search match.
    pub matched: Style,
    /// The part of the damage map that is on screen.
    pub window: Style,
    /// A title or heading in the article.
    pub heading: Style,
    /// Markup around the prose (tags, URLs, code): dimmed.
    pub markup: Style,
    /// A Markdown article's first-level heading.
    pub title: Style,
    /// Code in rendered Markdown: a tinted background.
    pub code: Style,
    /// A link's text in rendered Markdown.
    pub link: Style,
    /// A block quote's text in rendered Markdown.
    pub quote: Style,
    /// Pane titles and key names.
    pub accent: Style,
    /// Secondary text.
    pub dim: Style,
    /// The status line.
    pub status: Style,
}

impl Theme {
    /// Colours, unless `no_color`.
    #[must_use]
    pub fn new(no_color: bool) -> Self {
        if no_color { Self::plain() } else { Self::colour() }
    }

    /// The theme the config's `[colours]` asks for, plain when they are off or `no_color`
    /// (`NO_COLOR` is set).
    #[must_use]
    pub fn from_config(colours: &Colours, no_color: bool) -> Self {
        if no_color || !colours.enabled { Self::plain() } else { Self::coloured(colours) }
    }

    fn colour() -> Self {
        Self::coloured(&Colours::default())
    }

    fn coloured(c: &Colours) -> Self {
        Self {
            spelling: Style::new().fg(terminal(c.spelling)).add_modifier(Modifier::UNDERLINED),
            casing: Style::new().fg(terminal(c.casing)).add_modifier(Modifier::UNDERLINED),
            current: Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
            fixed: Style::new().fg(terminal(c.fixed)),
            ignored: Style::new().fg(terminal(c.ignored)),
            matched: Style::new().bg(terminal(c.search)).fg(Color::White),
            window: Style::new().bg(Color::DarkGray),
            heading: Style::new().fg(terminal(c.accent)).add_modifier(Modifier::BOLD),
            markup: Style::new().fg(Color::DarkGray),
            title: Style::new().fg(Color::Black).bg(terminal(c.accent)).add_modifier(Modifier::BOLD),
            code: Style::new().fg(Color::Gray).bg(Color::Indexed(236)).remove_modifier(Modifier::DIM),
            link: Style::new().fg(Color::Blue).add_modifier(Modifier::UNDERLINED),
            quote: Style::new().fg(Color::Gray).add_modifier(Modifier::ITALIC),
            accent: Style::new().fg(terminal(c.accent)).add_modifier(Modifier::BOLD),
            dim: Style::new().fg(Color::DarkGray),
            status: Style::new().add_modifier(Modifier::REVERSED),
        }
    }

    fn plain() -> Self {
        Self {
            spelling: Style::new().add_modifier(Modifier::UNDERLINED),
            casing: Style::new().add_modifier(Modifier::UNDERLINED | Modifier::ITALIC),
            current: Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
            fixed: Style::new().add_modifier(Modifier::BOLD),
            ignored: Style::new().add_modifier(Modifier::DIM),
            matched: Style::new().add_modifier(Modifier::REVERSED),
            window: Style::new().add_modifier(Modifier::REVERSED),
            heading: Style::new().add_modifier(Modifier::BOLD),
            markup: Style::new().add_modifier(Modifier::DIM),
            title: Style::new().add_modifier(Modifier::BOLD | Modifier::REVERSED),
            code: Style::new().remove_modifier(Modifier::DIM),
            link: Style::new().add_modifier(Modifier::UNDERLINED),
            quote: Style::new().add_modifier(Modifier::ITALIC),
            accent: Style::new().add_modifier(Modifier::BOLD),
            dim: Style::new().add_modifier(Modifier::DIM),
            status: Style::new().add_modifier(Modifier::REVERSED),
        }
    }
}

/// The terminal's colour for a colour the config names.
fn terminal(c: config::Color) -> Color {
    const NAMED: [Color; 16] = [
        Color::Black,
        Color::Red,
        Color::Green,
        Color::Yellow,
        Color::Blue,
        Color::Magenta,
        Color::Cyan,
        Color::Gray,
        Color::DarkGray,
        Color::LightRed,
        Color::LightGreen,
        Color::LightYellow,
        Color::LightBlue,
        Color::LightMagenta,
        Color::LightCyan,
        Color::White,
    ];
    match c {
        config::Color::Named(n) => NAMED.get(usize::from(n)).copied().unwrap_or(Color::Reset),
        config::Color::Indexed(n) => Color::Indexed(n),
        config::Color::Rgb(r, g, b) => Color::Rgb(r, g, b),
    }
}
