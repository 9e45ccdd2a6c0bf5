//! Writes the rows `scripts/fit-confidence.py` fits the real-word stage's chance to
//! ([`galley::check::Slip`]): one per word the stage weighed in the damaged texts of a
//! directory of pairs, with its best candidate, labelled 1 when the candidate restores the
//! original and 0 when the original was the word as written (a right word), and left out
//! otherwise; and one per word weighed in the clean texts, labelled 0. The last column, the
//! offset the fit adds to each row, is 0: the features hold the article's odds of a slip.
//!
//! `cargo run --release --example realword_data -- target/eval/tune > rows.tsv`
//!
//! With `--joined=N` and several directories, their pairs joined `N` at a time, as
//! `casing_data` joins them.
//!
//! Only ever on the tune part: the report part and the development articles measure the result.

use galley::check::real_word_readings;
use galley::lexicon::Lexicon;

#[path = "support/score.rs"]
mod score;

fn main() -> std::io::Result<()> {
    let lexicon = Lexicon::new();
    score::print_rows_of_args(|text| {
        real_word_readings(text, &lexicon)
            .into_iter()
            .map(|(span, fix, slip)| (span, fix, slip.features().to_vec()))
            .collect()
    })
}
