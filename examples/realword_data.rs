//! Writes the rows `scripts/fit-confidence.py` fits the real-word stage's chance to
//! ([`galley::check::Slip`]): one per word the stage weighed in the damaged texts of a
//! directory of pairs, with its best candidate, labelled 1 when the candidate restores the
//! original and 0 when the original was the word as written (a right word), and left out
//! otherwise; and one per word weighed in the clean texts, labelled 0. The last column, the
//! offset the fit adds to each row, is 0: the features hold the article's odds of a slip.
//!
//! `cargo run --release --example realword_data -- target/eval/tune > rows.tsv`
//!
//! Only ever on the tune part: the report part and the development articles measure the result.

use galley::check::real_word_readings;
use galley::lexicon::Lexicon;
use std::path::PathBuf;

#[path = "support/score.rs"]
mod score;

fn main() -> std::io::Result<()> {
    let dir = PathBuf::from(std::env::args().nth(1).unwrap_or_else(|| "target/eval/tune".into()));
    let lexicon = Lexicon::new();
    println!("label\tword\tfix\tfeatures\toffset");
    for pair in score::aligned(&dir)? {
        for (span, fix, slip) in real_word_readings(&pair.garbled, &lexicon) {
            // A real-word error whose best candidate is another wrong word is no row.
            let Some(label) = pair.label(span, &fix) else { continue };
            row(label, span.slice(&pair.garbled), &fix, &slip);
        }
        // Every word weighed in the clean text is a right word.
        for (span, fix, slip) in real_word_readings(&pair.clean, &lexicon) {
            row(0, span.slice(&pair.clean), &fix, &slip);
        }
    }
    Ok(())
}

fn row(label: u8, word: &str, fix: &str, slip: &galley::check::Slip) {
    let features: Vec<String> = slip.features().iter().map(|x| format!("{x:.5}")).collect();
    println!("{label}\t{word}\t{fix}\t{}\t0", features.join(" "));
}
