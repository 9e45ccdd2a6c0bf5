//! Measures correction quality on pairs `NAME.garbled.txt` + `NAME.clean.txt` in a directory.
//!
//! `cargo run --release --example score -- tests/data/dev [--misses]`
//!
//! With `--joined`, the pairs of every directory given are scored as one text: their damaged
//! halves one after another in the order of their file names, a blank line between two, and
//! their clean halves so: a long file of many articles.
//!
//! `cargo run --release --example score -- target/eval/report target/eval-registry/report --joined`
//!
//! With `--wrap=N`, both halves of each pair are hard-wrapped first, each line longer than `N`
//! characters broken at the last space that keeps it within `N`, as a mail client or `fold -s`
//! wraps prose: how well paragraphs that arrive wrapped are read.
//!
//! `cargo run --release --example score -- target/eval-articles/report --wrap=72`

use galley::lexicon::Lexicon;
#[path = "support/score.rs"]
mod score;
use galley::suspect::Kind;
use score::{Score, Tally};
use std::path::PathBuf;

fn main() -> std::io::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let show = args.iter().any(|a| a == "--misses");
    let joined = args.iter().any(|a| a == "--joined");
    let wrap = args.iter().find_map(|a| a.strip_prefix("--wrap=")).map(|n| n.parse::<usize>().expect("--wrap=N"));
    let mut dirs: Vec<PathBuf> = args.iter().filter(|a| !a.starts_with("--")).map(PathBuf::from).collect();
    if dirs.is_empty() {
        dirs.push(PathBuf::from("tests/data/dev"));
    }
    let lexicon = Lexicon::new();
    let mut names = Vec::new();
    for dir in &dirs {
        names.extend(score::pairs(dir)?);
    }
    let score = scored(&lexicon, &mut names, joined, wrap)?;
    let dir = dirs.iter().map(|d| d.display().to_string()).collect::<Vec<_>>().join(", ");
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
    let wrapped = wrap.map(|n| format!(", wrapped at {n}")).unwrap_or_default();
    println!("{} pairs in {dir}{}{wrapped}", names.len(), if joined { ", joined as one text" } else { "" });
    println!(
        "{:<10} {:>6} {:>9} {:>9} {:>9} {:>9} {:>9}",
        "class", "errors", "flagged", "listed", "1st word", "1st exact", "fixed"
    );
    row("non-word", &score.non_word);
    row("casing", &score.casing);
    row("real-word", &score.real_word);
    let all = score.non_word.errors + score.casing.errors + score.real_word.errors;
    let fixed = score.non_word.fixed + score.casing.fixed + score.real_word.fixed;
    println!("fix corrects {:.1}% of all errors ({fixed} of {all})", fixed as f64 * 100.0 / all.max(1) as f64);
    println!(
        "fix changes {:.2} of every 1,000 right words ({} of {})",
        score.fix_damage_rate(),
        score.broken_by_fix,
        score.right_words
    );
    println!(
        "  of them the authors' own typos corrected (tests/data/eval-errata.tsv): {}; the rest {:.2} of every 1,000",
        score.typos_corrected,
        score.fix_damage_rate_without_typos()
    );
    println!(
        "flags on right words of the damaged texts: {:.2} of every 1,000 ({})",
        score.flagged_right_rate(),
        score.flagged_right
    );
    print_clean(&score);
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

/// The pairs `names` (damaged, clean) scored each on its own, or, `joined`, as one text in the
/// order of their file names, a blank line between two; hard-wrapped at `wrap` when given.
fn scored(
    lexicon: &Lexicon,
    names: &mut [(PathBuf, PathBuf)],
    joined: bool,
    wrap: Option<usize>,
) -> std::io::Result<Score> {
    let read = |path: &PathBuf| -> std::io::Result<String> {
        let text = std::fs::read_to_string(path)?;
        Ok(match wrap {
            Some(width) => score::wrapped(&text, width),
            None => text,
        })
    };
    let mut score = Score::default();
    if joined {
        score::sort_by_file_name(names);
        let (clean, garbled) = score::joined(names, read)?;
        score.add(lexicon, &clean, &garbled, None);
    } else {
        for (g, c) in names.iter() {
            score.add(lexicon, &read(c)?, &read(g)?, None);
        }
    }
    Ok(score)
}

/// The figures of the original texts: their flags and what `fix` takes, with the authors' own
/// typos ([`score::errata`]) and without.
fn print_clean(score: &Score) {
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
    println!(
        "  the authors' own typos apart (tests/data/eval-errata.tsv: {} flagged, {} taken to the word meant, {} to another): \
         {} flags on right words = {:.2} per 1,000, {} taken = {:.2} per 1,000",
        score.clean_typo_flags,
        score.clean_typos_corrected,
        score.clean_typos_miscorrected,
        score.clean_right_flags(),
        score.clean_right_flag_rate(),
        score.clean_right_taken(),
        score.clean_right_taken_rate()
    );
}
