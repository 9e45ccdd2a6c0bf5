//! Named styles for every kind of highlight. With `NO_COLOR` set, only bold, underline,
//! reverse and dim are used.

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

    /// The theme the environment asks for: plain when `NO_COLOR` is set and not empty.
    #[must_use]
    pub fn from_env() -> Self {
        Self::new(std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()))
    }

    fn colour() -> Self {
        Self {
            spelling: Style::new().fg(Color::Red).add_modifier(Modifier::UNDERLINED),
            casing: Style::new().fg(Color::Yellow).add_modifier(Modifier::UNDERLINED),
            current: Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
            fixed: Style::new().fg(Color::Green),
            ignored: Style::new().fg(Color::DarkGray),
            matched: Style::new().bg(Color::Blue).fg(Color::White),
            accent: Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
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
            accent: Style::new().add_modifier(Modifier::BOLD),
            dim: Style::new().add_modifier(Modifier::DIM),
            status: Style::new().add_modifier(Modifier::REVERSED),
        }
    }
}
