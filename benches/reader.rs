//! The reader's figures as distributions: `cargo bench --bench reader`.
//!
//! - first frame: checking the bundled sample, building the reader and drawing the first frame
//!   (in process; add the binary's start-up from `figures`);
//! - key press to finished frame on a 10 MB article, per kind of key (scrolling, moving between
//!   suspects, taking a fix, which edits the 10 MB text and re-checks what it touched, undo);
//! - peak memory (`VmHWM`) with the 10 MB article open, against 3 x the article + 64 MB.

use corpus::percentile;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use galley::lexicon::Lexicon;
use galley::review::Review;
use galley::tui::app::App;
use galley::tui::theme::Theme;
use galley::tui::view;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;
use std::time::Instant;

#[path = "support/corpus.rs"]
mod corpus;

fn peak_rss_mb() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let kb: f64 = status
        .lines()
        .find(|l| l.starts_with("VmHWM:"))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|v| v.parse().ok())
        .unwrap_or(0.0);
    kb / 1024.0
}

fn key(c: KeyCode) -> KeyEvent {
    KeyEvent::new(c, KeyModifiers::NONE)
}

fn main() {
    let mut terminal = Terminal::new(TestBackend::new(130, 40)).expect("terminal");
    let area = Rect::new(0, 0, 130, 40);

    let mut firsts = Vec::new();
    for _ in 0..30 {
        let t = Instant::now();
        let review = Review::new("sample.txt", galley::cli::SAMPLE.to_string(), Lexicon::new(), None);
        let app = App::new(review, area, Theme::new(false));
        terminal.draw(|f| view::draw(f, &app)).expect("draw");
        firsts.push(t.elapsed());
    }
    firsts.sort();
    println!("first frame of the sample: median {:?}, p99 {:?}", percentile(&firsts, 500), percentile(&firsts, 990));

    let text = corpus::ten_megabytes();
    let mb = text.len() as f64 / 1e6;
    let t = Instant::now();
    let review = Review::new("ten.txt", text, Lexicon::new(), None);
    let mut app = App::new(review, area, Theme::new(false));
    terminal.draw(|f| view::draw(f, &app)).expect("draw");
    println!("open a {mb:.1} MB article to its first frame: {:?}", t.elapsed());

    let cases: [(&str, &[KeyEvent]); 6] = [
        ("j (line down)", &[key(KeyCode::Char('j'))]),
        ("space (page down)", &[key(KeyCode::Char(' '))]),
        ("Tab (next suspect)", &[key(KeyCode::Tab)]),
        ("Enter (take a fix, re-check)", &[key(KeyCode::Enter)]),
        ("u (undo)", &[key(KeyCode::Char('u'))]),
        ("G then g (bottom, top)", &[key(KeyCode::Char('G')), key(KeyCode::Char('g'))]),
    ];
    for (name, keys) in cases {
        let mut times = Vec::new();
        for _ in 0..50 {
            for k in keys {
                let t = Instant::now();
                app.on_key(k);
                terminal.draw(|f| view::draw(f, &app)).expect("draw");
                times.push(t.elapsed());
            }
        }
        times.sort();
        println!(
            "key to frame, 10 MB, {name}: median {:?}, p99 {:?}, max {:?}",
            percentile(&times, 500),
            percentile(&times, 990),
            times[times.len() - 1]
        );
    }
    let peak = peak_rss_mb();
    println!(
        "peak memory with the {mb:.1} MB article open: {peak:.0} MB (budget 3 x {mb:.1} + 64 = {:.0} MB)",
        3.0 * mb + 64.0
    );
}
