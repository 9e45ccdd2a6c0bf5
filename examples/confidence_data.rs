//! Writes the rows `scripts/fit-confidence.py` fits the misspelling confidence to: one per
//! spelling suspect with a fix in the damaged texts of a directory of pairs, labelled 1 when its
//! first fix restores the original, 0 when the original was the word as written (a right word
//! the checker flagged), and left out otherwise (an error it fixes wrongly either way, or a
//! fix too far from the word to take at all); and one per such suspect in the clean texts,
//! labelled 0. Each row carries its text's own odds ([`confidence::article_odds`]), which the
//! fit takes as given: the weights are fitted for the decision `fix` makes.
//!
//! `cargo run --release --example confidence_data -- target/eval/tune > rows.tsv`
//!
//! Only ever on the tune part: the report part and the development articles measure the result.

use galley::check::confidence::{self, Evidence};
use galley::check::{Kind, Options, check};
use galley::lexicon::Lexicon;
use galley::token::{TokenKind, tokens};
use std::path::PathBuf;
#[path = "support/score.rs"]
mod score;

fn stem(word: &str) -> &str {
    word.strip_suffix("'s").or_else(|| word.strip_suffix("\u{2019}s")).unwrap_or(word)
}

fn main() -> std::io::Result<()> {
    let dir = PathBuf::from(std::env::args().nth(1).unwrap_or_else(|| "target/eval/tune".into()));
    let lexicon = Lexicon::new();
    println!("label\tword\tfix\tfeatures\tarticle");
    for pair in score::aligned(&dir)? {
        rows(&pair.garbled, &lexicon, |s, fix| pair.label(s.span, fix));
        // Every misspelling flagged in the clean text is a right word.
        rows(&pair.clean, &lexicon, |_, _| Some(0));
    }
    Ok(())
}

/// Prints a row for each spelling suspect of `text` with a first fix not too far to take, that
/// `label` labels.
fn rows(text: &str, lexicon: &Lexicon, label: impl Fn(&galley::suspect::Suspect, &str) -> Option<u8>) {
    let words: Vec<&str> =
        tokens(text).iter().filter(|t| t.kind == TokenKind::Word).map(|t| stem(t.span.slice(text))).collect();
    let checked = check(text, lexicon, &Options { dialect: None, suggestions: true });
    let article = odds_of(&checked.suspects, words.len());
    for s in checked.suspects.iter().filter(|s| s.kind == Kind::Spelling) {
        let Some(fix) = s.suggestions.first() else { continue };
        let Some(label) = label(s, fix) else { continue };
        let word = s.word(text);
        let distance = strsim::osa_distance(&word.to_lowercase(), &fix.to_lowercase());
        let occurrences = words.iter().filter(|w| **w == stem(word)).count();
        let evidence = Evidence::of(text, s.span, fix, distance, occurrences);
        if evidence.far {
            continue; // never taken, whatever the model says
        }
        println!("{label}\t{word}\t{fix}\t{}\t{article:.4}", features_of(&evidence));
    }
}

/// The odds a text's own misspellings give, as the checker works them out.
fn odds_of(suspects: &[galley::suspect::Suspect], words: usize) -> f64 {
    confidence::article_odds(suspects.iter().filter(|s| s.kind == Kind::Spelling).count(), words)
}

fn features_of(evidence: &Evidence) -> String {
    let features: Vec<String> = evidence.features().iter().map(|x| format!("{x:.4}")).collect();
    features.join(" ")
}
