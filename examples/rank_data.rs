//! Writes the rows `scripts/fit-ranking.py` fits the ranking of a misspelling's fixes to: for
//! each misspelling the checker flags in the damaged texts of a directory of pairs whose
//! original is among its fixes, one row per fix, labelled 1 for the original. Each row holds
//! what the ranking weighs: the log of how often the fix is written, the kinds of edit between
//! it and the word (`suggest::edits`), a lost capital (`suggest::lost_capital`), how much
//! likelier its neighbours make it (`check::context_fit`), and how much the article's own
//! counts raise it (`Cache::boost`: the rest of its score).
//!
//! With `--typos FILE` (what `scripts/typo-pairs.py` writes: real misspellings and their one
//! correction), also one misspelling in [`TYPO_SHARE`] of those the checker does not know and
//! whose correction it does, each alone: the damage of the evaluation pairs is random edits,
//! and people slip otherwise (`recieve`). None whose misspelling or correction is among the
//! everyday misspellings `tests/data/common-misspellings.tsv` measures.
//!
//! `cargo run --release --example rank_data -- target/eval-articles/tune ... --typos
//! target/typos.tsv > rows.tsv`
//!
//! Only ever on tune parts: the report parts and the development articles measure the result.

use galley::check::cache::Cache;
use galley::check::suggest::{BOOST_WEIGHT, EDIT_NAMES, EDITS, Suggestion, cost, edits, lost_capital, rank_in};
use galley::check::{Kind, Options, check, context_fit};
use galley::lexicon::{Dialect, Lexicon, Verdict, case_of};
use galley::span::Span;
use std::path::PathBuf;
#[path = "support/score.rs"]
mod score;

/// The word as the ranking compares it: lower case, straight apostrophes, no possessive.
fn bare(word: &str) -> Vec<char> {
    let w = word.to_lowercase().replace('\u{2019}', "'");
    w.strip_suffix("'s").filter(|s| !s.is_empty()).unwrap_or(&w).chars().collect()
}

/// One real misspelling in this many is taken: about as many as the pairs give.
const TYPO_SHARE: usize = 16;

/// One row per fix in `pool` of `word`, whose right fix is the one `right` says.
fn rows(case: &str, word: &str, pool: &[Suggestion], right: impl Fn(&str) -> bool, context: impl Fn(&str) -> f64) {
    let q = bare(word);
    for f in pool {
        let mut e = [0.0; EDITS];
        if f.text.contains(' ') {
            e[14] = 1.0; // a split
        } else {
            e = edits(&q, &bare(&f.text), f.distance);
        }
        let log_frequency = f.frequency.max(1.0).ln();
        let lost = lost_capital(case_of(word), &f.text);
        // What the score holds beyond these: the article's own counts, at their weight.
        let boost = (f.score - log_frequency + cost(&e) - lost) / BOOST_WEIGHT;
        let cols: Vec<String> = e.iter().map(|x| format!("{x}")).collect();
        println!(
            "{case}\t{}\t{}\t{log_frequency:.4}\t{}\t{lost:.4}\t{:.4}\t{boost:.4}",
            u8::from(right(&f.text)),
            f.text,
            cols.join("\t"),
            context(&f.text)
        );
    }
}

fn main() -> std::io::Result<()> {
    let lexicon = Lexicon::new();
    println!("case\tlabel\tfix\tlog_frequency\t{}\tlost\tcontext\tboost", EDIT_NAMES.join("\t"));
    let mut case = 0usize;
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let typos = args.iter().position(|a| a == "--typos").map(|i| {
        let file = args.remove(i + 1);
        args.remove(i);
        file
    });
    for dir in args.iter().map(PathBuf::from) {
        for pair in score::aligned(&dir)? {
            let (clean, garbled, a, b) = (&pair.clean, &pair.garbled, &pair.clean_chunks, &pair.garbled_chunks);
            let checked = check(garbled, &lexicon, &Options { dialect: None, suggestions: true });
            let cache = Cache::of(&lexicon, garbled);
            for s in checked.suspects.iter().filter(|s| s.kind == Kind::Spelling) {
                let Some(i) = b.iter().position(|c| c.start <= s.span.start && s.span.start < c.end) else { continue };
                let (was, is) = (a[i].slice(clean), b[i].slice(garbled));
                if was == is {
                    continue; // a right word flagged: no ranking makes it right
                }
                let word = s.word(garbled);
                let pool = rank_in(&lexicon, word, checked.dialect, &cache);
                let fixed = |fix: &str| {
                    format!(
                        "{}{fix}{}",
                        Span::new(b[i].start, s.span.start).slice(garbled),
                        Span::new(s.span.end, b[i].end).slice(garbled)
                    )
                };
                if !pool.iter().any(|f| fixed(&f.text) == was) {
                    continue;
                }
                case += 1;
                let neighbours = galley::token::neighbours(garbled, s.span);
                rows(
                    &format!("p{case}"),
                    word,
                    &pool,
                    |fix| fixed(fix) == was,
                    |fix| context_fit(&lexicon, fix, neighbours),
                );
            }
        }
    }
    if let Some(file) = typos {
        let measured = std::fs::read_to_string("tests/data/common-misspellings.tsv")?;
        let measured: Vec<&str> = measured.split(['\t', '\n']).map(str::trim).collect();
        let cache = Cache::default();
        let list = std::fs::read_to_string(file)?;
        for (n, line) in list.lines().skip(1).enumerate() {
            let Some((typo, right)) = line.split_once('\t') else { continue };
            if n % TYPO_SHARE != 0 || measured.contains(&typo) || measured.contains(&right) {
                continue;
            }
            if lexicon.verdict(typo, Dialect::Us) == Verdict::Known
                || lexicon.verdict(right, Dialect::Us) != Verdict::Known
            {
                continue;
            }
            let pool = rank_in(&lexicon, typo, Dialect::Us, &cache);
            if pool.iter().any(|f| f.text == right) {
                case += 1;
                rows(&format!("t{case}"), typo, &pool, |fix| fix == right, |_| 0.0);
            }
        }
    }
    Ok(())
}
