//! The reader: a terminal shell around [`crate::review::Review`]. One loop: draw the state, read
//! an event, map it to an action, update the state. The terminal is restored on exit and on a
//! panic.

pub mod app;
pub mod flow;
pub mod help;
pub mod keymap;
pub mod map;
pub mod render;
pub mod theme;
pub mod view;
pub mod wrap;

use app::App;
use crossterm::event::{self, DisableMouseCapture, EnableMouseCapture, Event, KeyEventKind};
use crossterm::terminal::{EnterAlternateScreen, enable_raw_mode};
use ratatui::layout::Rect;
use rustix::event::{PollFd, PollFlags, Timespec};
use signal_hook::consts::{SIGCONT, SIGHUP, SIGINT, SIGSTOP, SIGTERM, SIGTSTP};
use std::io::IsTerminal;
use std::os::fd::{AsFd, BorrowedFd};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

/// How often the loop looks for a signal while no key comes.
const SIGNAL_POLL: Duration = Duration::from_millis(100);
/// How long after a terminating signal the reader may take to end before it is ended for it.
const GRACE: Duration = Duration::from_secs(1);

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

/// The signals the reader acts on, each a flag its loop polls.
#[derive(Default)]
struct Signals {
    /// SIGTERM, SIGHUP, SIGINT: end as after a crash, the journal kept.
    end: Arc<AtomicBool>,
    /// SIGTSTP: suspend, as Ctrl-Z does.
    stop: Arc<AtomicBool>,
    /// SIGCONT: back from a stop, whoever stopped galley: raw mode and a full redraw.
    cont: Arc<AtomicBool>,
}

impl Signals {
    fn register() -> std::io::Result<Self> {
        let s = Self::default();
        for signal in [SIGTERM, SIGHUP, SIGINT] {
            signal_hook::flag::register(signal, Arc::clone(&s.end))?;
        }
        signal_hook::flag::register(SIGTSTP, Arc::clone(&s.stop))?;
        signal_hook::flag::register(SIGCONT, Arc::clone(&s.cont))?;
        Ok(s)
    }
}

/// The terminal's input, looked at before crossterm reads it. crossterm 0.28 reads a terminal
/// that hung up (its window closed, its tmux session killed) in a loop that never returns and
/// never sleeps (crossterm issue #793); `poll` tells a hang-up apart from a key first.
struct Input {
    stdin: std::io::Stdin,
    /// `/dev/tty`, when standard input is not the terminal (crossterm reads it then too).
    tty: Option<std::fs::File>,
}

/// What the terminal's input holds.
enum Ready {
    /// Something to read, or nothing yet.
    Open,
    /// The terminal is gone: end of input, or an error.
    Gone,
}

impl Input {
    fn open() -> Self {
        let tty = (!std::io::stdin().is_terminal()).then(|| std::fs::File::open("/dev/tty").ok()).flatten();
        Self { stdin: std::io::stdin(), tty }
    }

    fn fd(&self) -> BorrowedFd<'_> {
        self.tty.as_ref().map_or_else(|| self.stdin.as_fd(), AsFd::as_fd)
    }

    /// Waits up to `timeout` for input.
    fn wait(&self, timeout: Duration) -> Ready {
        wait_on(self.fd(), PollFlags::IN, timeout)
    }
}

/// Waits up to `timeout` for `events` on `fd`, or for a hang-up (always reported).
fn wait_on(fd: BorrowedFd<'_>, events: PollFlags, timeout: Duration) -> Ready {
    let mut fds = [PollFd::new(&fd, events)];
    let nanos = i64::from(timeout.subsec_nanos());
    let timeout = Timespec { tv_sec: i64::try_from(timeout.as_secs()).unwrap_or(0), tv_nsec: nanos };
    match rustix::event::poll(&mut fds, Some(&timeout)) {
        Ok(0) | Err(rustix::io::Errno::INTR) => Ready::Open,
        Ok(_) if fds[0].revents().intersects(PollFlags::HUP | PollFlags::ERR | PollFlags::NVAL) => Ready::Gone,
        Ok(_) => Ready::Open,
        Err(_) => Ready::Gone,
    }
}

/// Ends the process if the reader has not ended `GRACE` after a terminating signal or after its
/// terminal hung up: whatever it is doing then (checking a huge article, or inside crossterm's
/// read of a terminal that went away between the loop's look and the read), its journal is
/// already on disk. `tty` is its own handle on the terminal's input.
fn watchdog(end: Arc<AtomicBool>, ended: Arc<AtomicBool>, tty: Option<std::os::fd::OwnedFd>) {
    std::thread::spawn(move || {
        loop {
            if end.load(Ordering::Relaxed) {
                break;
            }
            // No events asked: only a hang-up wakes it before the interval is up.
            match &tty {
                Some(fd) if matches!(wait_on(fd.as_fd(), PollFlags::empty(), SIGNAL_POLL), Ready::Gone) => break,
                Some(_) => {}
                None => std::thread::sleep(SIGNAL_POLL),
            }
        }
        std::thread::sleep(GRACE);
        if !ended.load(Ordering::Relaxed) {
            std::process::exit(i32::from(crate::error::exit::ERROR));
        }
    });
}

/// Runs the reader until the user quits, a signal ends it, or the terminal goes away.
pub fn run(mut app: App) -> Result<(), StartError> {
    if !std::io::stdout().is_terminal() {
        return Err(StartError::NoTerminal);
    }
    // A signal only raises a flag; the loop sees it within a poll interval and leaves the same
    // way as a quit, minus the clean end: the journal is kept for recovery.
    let signals = Signals::register()?;
    let ended = Arc::new(AtomicBool::new(false));
    let input = Input::open();
    watchdog(Arc::clone(&signals.end), Arc::clone(&ended), input.fd().try_clone_to_owned().ok());
    let mut terminal = ratatui::try_init()?;
    let _ = crossterm::execute!(std::io::stdout(), EnableMouseCapture);
    // Nothing to flush on a signal: each journal line reached the disk when it was written.
    let result = event_loop(&mut terminal, &mut app, &signals, &input);
    app.remember();
    if result.is_ok() && app.done {
        app.close(); // a clean end: the journal has nothing left to recover
    }
    let _ = crossterm::execute!(std::io::stdout(), DisableMouseCapture);
    ratatui::restore();
    ended.store(true, Ordering::Relaxed);
    result.map_err(StartError::Terminal)
}

/// Gives the terminal back (cooked, main screen), stops until `fg`, then takes it again.
fn suspend(terminal: &mut ratatui::DefaultTerminal) -> std::io::Result<()> {
    let _ = crossterm::execute!(std::io::stdout(), DisableMouseCapture);
    ratatui::restore();
    signal_hook::low_level::raise(SIGSTOP)?;
    resume(terminal)
}

/// Raw mode, the alternate screen and the mouse again, and a full redraw next.
fn resume(terminal: &mut ratatui::DefaultTerminal) -> std::io::Result<()> {
    enable_raw_mode()?;
    crossterm::execute!(std::io::stdout(), EnterAlternateScreen, EnableMouseCapture)?;
    terminal.clear()
}

fn event_loop(
    terminal: &mut ratatui::DefaultTerminal,
    app: &mut App,
    signals: &Signals,
    input: &Input,
) -> std::io::Result<()> {
    let size = terminal.size()?;
    app.resize(Rect::new(0, 0, size.width, size.height));
    let mut dirty = true;
    while !app.done {
        if signals.end.load(Ordering::Relaxed) {
            return Ok(());
        }
        if signals.stop.swap(false, Ordering::Relaxed) || std::mem::take(&mut app.suspend) {
            suspend(terminal)?;
            signals.cont.store(false, Ordering::Relaxed);
            dirty = true;
        }
        if signals.cont.swap(false, Ordering::Relaxed) {
            resume(terminal)?;
            dirty = true;
        }
        if dirty {
            let size = terminal.size()?;
            if Rect::new(0, 0, size.width, size.height) != app.area {
                app.resize(Rect::new(0, 0, size.width, size.height));
            }
            terminal.draw(|f| view::draw(f, app))?;
            dirty = false;
        }
        if let Ready::Gone = input.wait(SIGNAL_POLL) {
            // The end of input ends the reader as a signal does: places saved, journal kept.
            return Ok(());
        }
        // Everything that is there (keys typed ahead, a resize), then one frame.
        while !app.done && !app.suspend && event::poll(Duration::ZERO)? {
            match event::read()? {
                Event::Key(k) if k.kind != KeyEventKind::Release => app.on_key(&k),
                Event::Mouse(m) => app.on_mouse(&m),
                Event::Resize(w, h) => app.resize(Rect::new(0, 0, w, h)),
                _ => {}
            }
            dirty = true;
        }
    }
    Ok(())
}
