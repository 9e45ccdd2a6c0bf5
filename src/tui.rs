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
use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
use std::io::IsTerminal;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

/// How often the loop looks for a signal while no key comes.
const SIGNAL_POLL: Duration = Duration::from_millis(100);

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
    // A signal only raises a flag; the loop sees it within a poll interval and leaves the same
    // way as a quit, minus the clean end: the journal is kept for recovery.
    let signalled = Arc::new(AtomicBool::new(false));
    for signal in [SIGTERM, SIGHUP, SIGINT] {
        signal_hook::flag::register(signal, Arc::clone(&signalled))?;
    }
    let mut terminal = ratatui::try_init()?;
    let _ = crossterm::execute!(std::io::stdout(), EnableMouseCapture);
    // Nothing to flush on a signal: each journal line reached the disk when it was written.
    let result = event_loop(&mut terminal, &mut app, &signalled);
    app.remember();
    if result.is_ok() && app.done {
        app.close(); // a clean end: the journal has nothing left to recover
    }
    let _ = crossterm::execute!(std::io::stdout(), DisableMouseCapture);
    ratatui::restore();
    result.map_err(StartError::Terminal)
}

fn event_loop(terminal: &mut ratatui::DefaultTerminal, app: &mut App, signalled: &AtomicBool) -> std::io::Result<()> {
    let size = terminal.size()?;
    app.resize(Rect::new(0, 0, size.width, size.height));
    let mut dirty = true;
    while !app.done {
        if signalled.load(Ordering::Relaxed) {
            return Ok(());
        }
        if dirty {
            terminal.draw(|f| view::draw(f, app))?;
        }
        dirty = event::poll(SIGNAL_POLL)?;
        if !dirty {
            continue;
        }
        match event::read()? {
            Event::Key(k) if k.kind != KeyEventKind::Release => app.on_key(&k),
            Event::Mouse(m) => app.on_mouse(&m),
            Event::Resize(w, h) => app.resize(Rect::new(0, 0, w, h)),
            _ => {}
        }
    }
    Ok(())
}
