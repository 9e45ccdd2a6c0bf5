//! Pathological 10 MB articles (tests/support/hostile.rs): the time and peak memory of
//! `galley check` on each, and the time the reader takes to open each and go to its end.
//! README's "Hostile input" table quotes these. `cargo bench --bench hostile`

use galley::lexicon::{Dialect, Lexicon};
use galley::review::Review;
use galley::tui::app::App;
use galley::tui::theme::Theme;
use ratatui::layout::Rect;
use std::time::Instant;

#[path = "support/corpus.rs"]
mod corpus;
#[path = "../tests/support/hostile.rs"]
mod hostile;

const SIZE: usize = 10_000_000;

/// Runs the release binary on `args`; returns the seconds it took and its peak memory in MB
/// (the kernel's `VmHWM`, read until the child exits).
fn run(args: &[&std::ffi::OsStr]) -> (f64, u64) {
    let started = Instant::now();
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_galley"))
        .args(args)
        .stdout(std::process::Stdio::null())
        .spawn()
        .expect("run galley");
    let peak_kb = corpus::peak_kb(&mut child);
    (started.elapsed().as_secs_f64(), peak_kb / 1000)
}

fn main() {
    let dir = tempfile::tempdir().expect("tempdir");
    println!("| input (10 MB) | check | peak memory | reader: open, draw, G |");
    println!("|---|---|---|---|");
    for (kind, what, lossy) in hostile::KINDS {
        let bytes = hostile::input(kind, SIZE);
        let path = dir.path().join(format!("{kind}.txt"));
        std::fs::write(&path, &bytes).expect("write");
        let mut args = vec![std::ffi::OsStr::new("check")];
        if lossy {
            args.push(std::ffi::OsStr::new("--lossy"));
        }
        args.push(path.as_os_str());
        let (seconds, peak) = run(&args);
        let text = String::from_utf8_lossy(&bytes).into_owned();
        let started = Instant::now();
        let review = Review::new("hostile.txt", text, Lexicon::new(), Some(Dialect::Us));
        let mut app = App::new(review, Rect::new(0, 0, 130, 40), Theme::new(true));
        let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(130, 40)).expect("terminal");
        terminal.draw(|f| galley::tui::view::draw(f, &app)).expect("draw");
        app.on_key(&crossterm::event::KeyEvent::new(
            crossterm::event::KeyCode::Char('G'),
            crossterm::event::KeyModifiers::SHIFT,
        ));
        terminal.draw(|f| galley::tui::view::draw(f, &app)).expect("draw");
        let reader = started.elapsed().as_secs_f64();
        println!("| {what} | {seconds:.2} s | {peak} MB | {reader:.2} s |");
    }
}
