//! Measures correction quality on pairs `NAME.garbled.txt` + `NAME.clean.txt` in a directory.
//!
//! `cargo run --release --example score -- tests/data/dev [--misses]`

use galley::lexicon::Lexicon;
#[path = "support/score.rs"]
mod score;
use galley::suspect::Kind;
use score::{Score, Tally};
use std::path::PathBuf;

fn main() -> std::io::Result<()> {
    let mut args = std::env::args().skip(1);
    let dir = PathBuf::from(args.next().unwrap_or_else(|| "tests/data/dev".into()));
    let show = args.any(|a| a == "--misses");
    let lexicon = Lexicon::new();
    let mut score = Score::default();
    let names = score::pairs(&dir)?;
    for (g, c) in &names {
        score.add(&lexicon, &std::fs::read_to_string(c)?, &std::fs::read_to_string(g)?, None);
    }
    let row = |name: &str, t: &Tally| {
        let pct = |n: usize| {
            if t.errors == 0 { 0.0 } else { n as f64 * 100.0 / t.errors as f64 }
        };
        println!(
            "{name:<10} {:>6} {:>8.1}% {:>8.1}% {:>8.1}% {:>8.1}% {:>8.1}%",
            t.errors,
            pct(t.flagged),
            pct(t.listed),
            pct(t.first_word),
            pct(t.first_right),
            pct(t.fixed)
        );
    };
    println!("{} pairs in {}", names.len(), dir.display());
    println!(
        "{:<10} {:>6} {:>9} {:>9} {:>9} {:>9} {:>9}",
        "class", "errors", "flagged", "listed", "1st word", "1st exact", "fixed"
    );
    row("non-word", &score.non_word);
    row("casing", &score.casing);
    row("real-word", &score.real_word);
    let all = score.non_word.errors + score.casing.errors + score.real_word.errors;
    let fixed = score.non_word.fixed + score.casing.fixed + score.real_word.fixed;
    println!("fix corrects {:.1}% of all errors", fixed as f64 * 100.0 / all.max(1) as f64);
    println!(
        "fix changes {:.2} of every 1,000 right words ({} of {})",
        score.fix_damage_rate(),
        score.broken_by_fix,
        score.right_words
    );
    println!(
        "flags on clean texts: {} in {} words = {:.2} per 1,000",
        score.clean_flags,
        score.clean_words,
        score.false_alarm_rate()
    );
    println!(
        "fix changes on clean texts: {} = {:.2} per 1,000 (the flags it takes unasked)",
        score.clean_taken(),
        score.clean_taken_rate()
    );
    let by_kind = |kinds: Vec<Kind>| {
        let mut counts: Vec<(Kind, usize)> = Vec::new();
        for k in kinds {
            match counts.iter_mut().find(|(c, _)| *c == k) {
                Some((_, n)) => *n += 1,
                None => counts.push((k, 1)),
            }
        }
        counts.sort_by_key(|&(_, n)| std::cmp::Reverse(n));
        counts.iter().map(|(k, n)| format!("{k:?} {n}")).collect::<Vec<_>>().join(", ")
    };
    println!("  right words changed, by kind: {}", by_kind(score.broken.iter().map(|b| b.2).collect()));
    println!("  clean flags, by kind: {}", by_kind(score.false_alarms.iter().map(|f| f.2).collect()));
    println!(
        "  of them taken by fix, by kind: {}",
        by_kind(score.false_alarms.iter().filter(|f| f.3).map(|f| f.2).collect())
    );
    if show {
        println!("\nfalse alarms:");
        for (w, s, k, taken) in &score.false_alarms {
            let mark = if *taken { " (taken by fix)" } else { "" };
            println!("  {k:?}\t{w} -> {s}{mark}");
        }
        println!("\nright words that fix changed:");
        for (a, b, k) in &score.broken {
            println!("  {k:?}\t{a} -> {b}");
        }
        println!("\nmisses (class, original, damaged in context, first suggestion):");
        for (c, a, b, s) in &score.misses {
            println!("  {c:?}\t{a}\t{b}\t{s}");
        }
    }
    Ok(())
}
