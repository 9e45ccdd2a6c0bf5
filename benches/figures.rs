//! Latency and start-up figures as distributions (criterion reports means; the README quotes
//! medians and 99th percentiles). `cargo bench --bench figures`
//!
//! - suggestion latency: every misspelling in tests/data/common-misspellings.tsv, each timed 50
//!   times; and hard ones, each intended word of that list with two or three random edits, with
//!   how often the intended word comes first on them;
//! - start-up: the release binary checking a one-line file, 50 runs;
//! - peak memory: the release binary's `check --format json` of a 10 MB file (half of it damaged
//!   articles), as the kernel counts it (`VmHWM`);
//! - save: a reader's save of a 10 MB article (the review's atomic write, flushed to disk with
//!   `fsync`, then renamed), 20 runs.

use galley::check::suggest::suggest;
use galley::lexicon::{Dialect, Lexicon};
use std::hint::black_box;
use std::time::Instant;

#[path = "support/corpus.rs"]
mod corpus;
#[path = "support/prose.rs"]
mod prose;
use corpus::percentile;
use prose::rng;

/// Times `suggest` on each word, 50 times each, and prints the distribution.
fn time_suggest(lexicon: &Lexicon, what: &str, words: &[&str]) {
    let mut times = Vec::new();
    for w in words {
        for _ in 0..50 {
            let t = Instant::now();
            black_box(suggest(lexicon, black_box(w), Dialect::Us));
            times.push(t.elapsed());
        }
    }
    times.sort();
    println!(
        "{what}: {} words x 50: median {:?}, p99 {:?}, max {:?}",
        words.len(),
        percentile(&times, 500),
        percentile(&times, 990),
        times[times.len() - 1]
    );
}

fn main() {
    let lexicon = Lexicon::new();
    let list = include_str!("../tests/data/common-misspellings.tsv");
    let words: Vec<&str> = list.lines().filter(|l| !l.starts_with('#')).filter_map(|l| l.split('\t').next()).collect();
    let _ = suggest(&lexicon, "warmup", Dialect::Us);
    time_suggest(&lexicon, "suggest", &words);

    // Hard misspellings: each intended word of the list with two or three random edits (a fixed
    // seed), so that no candidate is one edit away.
    let mut rng = rng::Rng::new(42);
    let intended: Vec<&str> =
        list.lines().filter(|l| !l.starts_with('#')).filter_map(|l| l.split('\t').nth(1)).collect();
    let hard: Vec<String> = intended
        .iter()
        .map(|w| {
            let mut b = w.as_bytes().to_vec();
            for _ in 0..2 + rng.below(2) {
                let at = rng.below(b.len());
                match rng.below(3) {
                    0 if b.len() > 4 => {
                        b.remove(at);
                    }
                    1 => b.insert(at, b'a' + rng.below(26) as u8),
                    _ => b[at] = b'a' + rng.below(26) as u8,
                }
            }
            String::from_utf8_lossy(&b).into_owned()
        })
        .collect();
    let hard: Vec<&str> = hard.iter().map(String::as_str).collect();
    time_suggest(&lexicon, "suggest, hard (2-3 edits)", &hard);
    // How often the intended word comes first, and among the nine, on the hard ones.
    let (mut first, mut listed) = (0, 0);
    for (h, want) in hard.iter().zip(&intended) {
        let got = suggest(&lexicon, h, Dialect::Us);
        first += usize::from(got.first().is_some_and(|g| g == want));
        listed += usize::from(got.iter().any(|g| g == want));
    }
    println!("suggest, hard: the intended word first for {first} of {}, among the fixes for {listed}", hard.len());

    let dir = tempfile::tempdir().expect("tempdir");
    let one = dir.path().join("one-line.txt");
    std::fs::write(&one, "The kuberanetes clustr is up.\n").expect("write");
    let exe = env!("CARGO_BIN_EXE_galley");
    let mut runs = Vec::new();
    for _ in 0..50 {
        let t = Instant::now();
        let out = std::process::Command::new(exe).arg("check").arg(&one).output().expect("run galley");
        runs.push(t.elapsed());
        assert_eq!(out.status.code(), Some(1));
    }
    runs.sort();
    println!(
        "start-up: galley check of a one-line file: median {:?}, p99 {:?}",
        percentile(&runs, 500),
        percentile(&runs, 990)
    );

    let ten = dir.path().join("ten.txt");
    std::fs::write(&ten, prose::ten_megabytes()).expect("write");
    let mut child = std::process::Command::new(exe)
        .args(["check", "--format", "json"])
        .arg(&ten)
        .stdout(std::process::Stdio::null())
        .spawn()
        .expect("run galley");
    let peak_kb = corpus::peak_kb(&mut child);
    println!("peak memory: galley check --format json of a 10 MB file: {} MB", peak_kb / 1000);

    let text = prose::ten_megabytes();
    let article = dir.path().join("save.txt");
    std::fs::write(&article, &text).expect("write");
    let mut review = galley::review::Review::new(&article, text, Lexicon::new(), None);
    review.apply(galley::review::Command::Accept(0)).expect("a decision to save");
    let mut session = galley::store::session::Session::new(&review, None);
    let mut saves = Vec::new();
    for _ in 0..20 {
        let t = Instant::now();
        session.save(&review, &article, false).expect("save");
        saves.push(t.elapsed());
    }
    saves.sort();
    println!(
        "save of a 10 MB article, flushed: median {:?}, p99 {:?}",
        percentile(&saves, 500),
        percentile(&saves, 990)
    );
}
