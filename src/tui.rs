//! The reader: a terminal shell around [`crate::review::Review`]. One loop: draw the state, read
//! an event, map it to an action, update the state. The terminal is restored on exit and on a
//! panic.

pub mod app;
pub mod keymap;
pub mod theme;
pub mod view;
pub mod wrap;

use app::App;
use crossterm::event::{self, DisableMouseCapture, EnableMouseCapture, Event, KeyEventKind};
use ratatui::layout::Rect;
use std::io::IsTerminal;

/// Why the reader could not start.
#[derive(Debug, thiserror::Error)]
pub enum StartError {
    /// Standard output is not a terminal.
    #[error("the reader needs a terminal (use `galley check` or `galley fix` in scripts)")]
    NoTerminal,
    /// The terminal refused raw mode or the alternate screen.
    #[error("cannot set up the terminal: {0}")]
    Terminal(#[from] std::io::Error),
}

/// Runs the reader until the user quits.
pub fn run(mut app: App) -> Result<(), StartError> {
    if !std::io::stdout().is_terminal() {
        return Err(StartError::NoTerminal);
    }
    let mut terminal = ratatui::try_init()?;
    let _ = crossterm::execute!(std::io::stdout(), EnableMouseCapture);
    let result = event_loop(&mut terminal, &mut app);
    if result.is_ok() && app.done {
        app.close(); // a clean end: the journal has nothing left to recover
    }
    let _ = crossterm::execute!(std::io::stdout(), DisableMouseCapture);
    ratatui::restore();
    result.map_err(StartError::Terminal)
}

fn event_loop(terminal: &mut ratatui::DefaultTerminal, app: &mut App) -> std::io::Result<()> {
    let size = terminal.size()?;
    app.resize(Rect::new(0, 0, size.width, size.height));
    while !app.done {
        terminal.draw(|f| view::draw(f, app))?;
        match event::read()? {
            Event::Key(k) if k.kind != KeyEventKind::Release => app.on_key(&k),
            Event::Mouse(m) => app.on_mouse(&m),
            Event::Resize(w, h) => app.resize(Rect::new(0, 0, w, h)),
            _ => {}
        }
    }
    Ok(())
}
