//! Writes the rows `scripts/fit-confidence.py` fits the casing model's sureness to
//! ([`galley::check::Sureness`]): one per suspect of the model in the damaged texts of
//! a directory of pairs, labelled 1 when its first fix restores the original and 0 when the
//! original was the word as written (a right word the model would change), and left out
//! otherwise; and one per suspect in the clean texts, labelled 0. The last column, the offset
//! the fit adds to each row, is 0: the model's features hold the article's damage already.
//!
//! `cargo run --release --example casing_data -- target/eval/tune > rows.tsv`
//!
//! With `--joined=N` and several directories, their pairs in the order of their file names,
//! joined `N` at a time into one text each, as `score --joined` joins them all: the rows of long
//! texts of several articles, whose damage the model estimates over them together.
//!
//! `cargo run --release --example casing_data -- target/eval/tune target/eval-registry/tune --joined=16`
//!
//! With `--undamaged`, only the rows of the texts whose casing shows no damage and which keep it
//! (see [`galley::check::undamaged_casing_readings`]): the rows the chance of such articles is
//! fitted to ([`galley::check::Sureness::undamaged_chance`]).
//!
//! `cargo run --release --example casing_data -- target/light/eval/tune --undamaged`
//!
//! Only ever on the tune part: the report part and the development articles measure the result.

use galley::check::{casing_readings, undamaged_casing_readings};
use galley::lexicon::Lexicon;

#[path = "support/score.rs"]
mod score;

fn main() -> std::io::Result<()> {
    let lexicon = Lexicon::new();
    // With `--undamaged`, only the texts whose casing shows no damage.
    let undamaged = std::env::args().any(|a| a == "--undamaged");
    score::print_rows_of_args(|text| {
        (if undamaged { undamaged_casing_readings(text, &lexicon) } else { casing_readings(text, &lexicon) })
            .into_iter()
            .map(|(span, fix, sureness)| (span, fix, sureness.features().to_vec()))
            .collect()
    })
}
