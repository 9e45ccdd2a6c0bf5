//! The reader's figures as distributions: `cargo bench --bench reader`.
//!
//! - first frame: checking the bundled sample, building the reader and drawing the first frame
//!   (in process; add the binary's start-up from `figures`);
//! - key press to finished frame on a 10 MB article, per kind of key (scrolling, moving between
//!   suspects, taking a fix, which edits the 10 MB text and re-checks what it touched, undo);
//! - peak memory (`VmHWM`) with the 10 MB article open, against 3 x the article + 64 MB;
//! - a replace-all of the word the 10 MB article has most suspects of, and its undo;
//! - opening 1 MB of Markdown and of HTML to the first frame, and keys on them (a decision
//!   renders the Markdown again).

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
use std::time::{Duration, Instant};

#[path = "support/corpus.rs"]
mod corpus;
#[path = "support/prose.rs"]
mod prose;

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

/// The 10 MB article, made by a child process (this bench run again with `--write-prose PATH`),
/// so that what building it allocates does not count in the reader's peak memory.
fn ten_megabytes() -> String {
    let path = std::path::PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("reader-ten.txt");
    let status = std::process::Command::new(std::env::current_exe().expect("this bench"))
        .arg("--write-prose")
        .arg(&path)
        .status()
        .expect("run the bench as a child");
    assert!(status.success(), "the child that writes the article failed");
    let text = std::fs::read_to_string(&path).expect("the article the child wrote");
    let _ = std::fs::remove_file(&path);
    text
}

fn main() {
    let mut args = std::env::args().skip_while(|a| a != "--write-prose");
    if args.next().is_some() {
        let path = args.next().expect("--write-prose PATH");
        std::fs::write(&path, prose::ten_megabytes()).expect("write the article");
        return;
    }
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

    let text = ten_megabytes();
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
        let times = key_times(&mut terminal, &mut app, keys, 50);
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

    // After the peak above, so that what follows does not raise it.
    markup(&mut terminal, area);
    replace_all(&mut app);
}

/// A replace-all of the word with the most pending suspects in the 10 MB article (one fix for
/// every place it stands), and its undo.
fn replace_all(app: &mut App) {
    use galley::review::{Command, Status};
    let mut counts: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for it in app.review.items().iter().filter(|it| it.status == Status::Pending) {
        *counts.entry(it.word.as_str()).or_default() += 1;
    }
    let Some((word, places)) = counts.into_iter().max_by_key(|&(w, n)| (n, std::cmp::Reverse(w))) else { return };
    let (word, at) = (word.to_string(), app.review.items().iter().find(|it| it.word == word).map(|it| it.span.start));
    app.review.apply(Command::Goto(at.unwrap_or_default())).expect("go to the word");
    let t = Instant::now();
    app.review.apply(Command::ReplaceAll(0)).expect("replace all");
    let all = t.elapsed();
    let t = Instant::now();
    app.review.apply(Command::Undo).expect("undo");
    println!("replace-all of {places} places of {word:?} in the 10 MB article: {all:?}, its undo: {:?}", t.elapsed());
}

/// Each key of `keys` pressed `rounds` times in turn, and the time from each press to its
/// finished frame, sorted.
fn key_times(terminal: &mut Terminal<TestBackend>, app: &mut App, keys: &[KeyEvent], rounds: usize) -> Vec<Duration> {
    let mut times = Vec::new();
    for _ in 0..rounds {
        for k in keys {
            let t = Instant::now();
            app.on_key(k);
            terminal.draw(|f| view::draw(f, app)).expect("draw");
            times.push(t.elapsed());
        }
    }
    times.sort();
    times
}

/// Opening 1 MB of Markdown and of HTML to the first frame, and keys on them.
fn markup(terminal: &mut Terminal<TestBackend>, area: Rect) {
    // 1 MB of Markdown:
    // distinct READMEs from cargo's registry cache, joined; and the same prose as a web page,
    // a paragraph to each line, inside an article among navigation.
    let markdown = readmes(1_000_000);
    let mut page = String::from("<!DOCTYPE html><html><head><title>t</title></head><body><nav>menu</nav><article>\n");
    for l in markdown.lines() {
        page.push_str("<p>");
        page.push_str(&l.replace('&', "&amp;").replace('<', "&lt;"));
        page.push_str("</p>\n");
    }
    page.push_str("</article></body></html>\n");
    for (name, text) in [("README.md", markdown), ("page.html", page)] {
        let mut opens = Vec::new();
        for _ in 0..5 {
            let t = Instant::now();
            let review = Review::new(name, text.clone(), Lexicon::new(), None);
            let app = App::new(review, area, Theme::new(false));
            terminal.draw(|f| view::draw(f, &app)).expect("draw");
            opens.push(t.elapsed());
        }
        opens.sort();
        println!(
            "open {:.1} MB of {name} to its first frame: median {:?}",
            text.len() as f64 / 1e6,
            percentile(&opens, 500)
        );
        // Keys on the rendered article: a decision changes the text, and the Markdown is
        // rendered again before the frame.
        let mut app = App::new(Review::new(name, text.clone(), Lexicon::new(), None), area, Theme::new(false));
        for (label, k) in [
            ("j", key(KeyCode::Char('j'))),
            ("Tab", key(KeyCode::Tab)),
            ("Enter", key(KeyCode::Enter)),
            ("u", key(KeyCode::Char('u'))),
        ] {
            let times = key_times(terminal, &mut app, &[k], 20);
            println!(
                "key to frame, {name}, {label}: median {:?}, max {:?}",
                percentile(&times, 500),
                times[times.len() - 1]
            );
        }
    }
}

/// Distinct README files from cargo's registry cache, joined, up to `limit` bytes.
fn readmes(limit: usize) -> String {
    let home = std::env::var("CARGO_HOME").map_or_else(
        |_| std::path::PathBuf::from(std::env::var("HOME").unwrap_or_default()).join(".cargo"),
        std::path::PathBuf::from,
    );
    let mut files: Vec<std::path::PathBuf> = Vec::new();
    for registry in std::fs::read_dir(home.join("registry/src")).into_iter().flatten().flatten() {
        for krate in std::fs::read_dir(registry.path()).into_iter().flatten().flatten() {
            let readme = krate.path().join("README.md");
            if readme.is_file() {
                files.push(readme);
            }
        }
    }
    files.sort();
    let mut out = String::new();
    for f in files {
        if out.len() >= limit {
            break;
        }
        out.push_str(&std::fs::read_to_string(f).unwrap_or_default());
        out.push_str("\n\n");
    }
    out
}
