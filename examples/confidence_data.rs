//! Writes the rows `scripts/fit-confidence.py` fits the misspelling confidence to: one per
//! spelling suspect with a fix in the damaged texts of a directory of pairs, labelled 1 when its
//! first fix restores the original, 0 when the original was the word as written (a right word
//! the checker flagged), and left out otherwise (an error it fixes wrongly either way, or a
//! fix too far from the word to take at all).
//!
//! `cargo run --release --example confidence_data -- target/eval/tune > rows.tsv`
//!
//! Only ever on the tune part: the report part and the development articles measure the result.

use galley::check::confidence::Evidence;
use galley::check::{Kind, Options, check};
use galley::lexicon::Lexicon;
use galley::token::{TokenKind, tokens};
use std::path::PathBuf;

/// Whitespace-separated chunks, as the scorer aligns them.
fn chunks(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        match (c.is_whitespace(), start) {
            (true, Some(s)) => {
                out.push((s, i));
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((s, text.len()));
    }
    out
}

fn stem(word: &str) -> &str {
    word.strip_suffix("'s").or_else(|| word.strip_suffix("\u{2019}s")).unwrap_or(word)
}

fn main() -> std::io::Result<()> {
    let dir = PathBuf::from(std::env::args().nth(1).unwrap_or_else(|| "target/eval/tune".into()));
    let lexicon = Lexicon::new();
    let mut names: Vec<PathBuf> = std::fs::read_dir(&dir)?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.to_string_lossy().ends_with(".garbled.txt"))
        .collect();
    names.sort();
    println!("label\tword\tfix\tfeatures");
    for g in names {
        let clean = std::fs::read_to_string(g.to_string_lossy().replace(".garbled.txt", ".clean.txt"))?;
        let garbled = std::fs::read_to_string(&g)?;
        let (a, b) = (chunks(&clean), chunks(&garbled));
        if a.len() != b.len() {
            continue;
        }
        let words: Vec<&str> = tokens(&garbled)
            .iter()
            .filter(|t| t.kind == TokenKind::Word)
            .map(|t| stem(t.span.slice(&garbled)))
            .collect();
        let checked = check(&garbled, &lexicon, &Options { dialect: None, suggestions: true });
        for s in checked.suspects.iter().filter(|s| s.kind == Kind::Spelling) {
            let Some(fix) = s.suggestions.first() else { continue };
            let Some(i) = b.iter().position(|&(x, y)| x <= s.span.start && s.span.start < y) else { continue };
            let (was, is) = (&clean[a[i].0..a[i].1], &garbled[b[i].0..b[i].1]);
            let fixed = format!("{}{fix}{}", &garbled[b[i].0..s.span.start], &garbled[s.span.end..b[i].1]);
            let label = if was == is {
                0
            } else if fixed == was {
                1
            } else {
                continue;
            };
            let word = s.word(&garbled);
            let distance = strsim::osa_distance(&word.to_lowercase(), &fix.to_lowercase());
            let occurrences = words.iter().filter(|w| **w == stem(word)).count();
            let evidence = Evidence::of(&garbled, s.span, fix, distance, occurrences);
            if evidence.far {
                continue; // never taken, whatever the model says
            }
            let features = evidence.features();
            let features: Vec<String> = features.iter().map(|x| format!("{x:.4}")).collect();
            println!("{label}\t{word}\t{fix}\t{}", features.join(" "));
        }
    }
    Ok(())
}
