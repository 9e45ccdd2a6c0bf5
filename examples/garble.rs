//! Makes development pairs, `NAME.clean.txt` and `NAME.garbled.txt`, damaged at the bundled
//! sample's rates (examples/support/garble.rs). The clean texts are the READMEs of galley's own
//! dependencies as prose (`tests/support/eval_texts.rs`), or every `.txt` in `IN_DIR`. Half of them,
//! by a hash of their name, go to `OUT/report` and the rest to `OUT/tune`: tune on one, and only
//! report the other (tests/quality.rs holds floors on the report part).
//!
//! `cargo run --release --example garble -- OUT_DIR [IN_DIR] [--dotted-names]`, then
//! `cargo run --release --example score -- OUT_DIR/report`. With `--dotted-names`, the dotted
//! names of the prose are damaged too, as the development pairs show (`List.Sort`: see
//! `Rates::dotted_parts`). With `--scale=F`, every kind of damage at `F` times those rates
//! (`--scale=0.2`: articles damaged a little, `Rates::scaled`).

#[path = "../tests/support/eval_texts.rs"]
mod eval_texts;
#[path = "support/garble.rs"]
mod garble;

use galley::lexicon::Lexicon;
use std::path::PathBuf;

fn main() -> std::io::Result<()> {
    let all: Vec<String> = std::env::args().skip(1).collect();
    let rates = if all.iter().any(|a| a == "--dotted-names") {
        garble::Rates::WITH_DOTTED_NAMES
    } else {
        garble::Rates::SAMPLE
    };
    let scale = all.iter().find_map(|a| a.strip_prefix("--scale=")).map(|f| f.parse::<f64>().expect("--scale=F"));
    let rates = scale.map_or(rates, |f| rates.scaled(f));
    let mut args = all.into_iter().filter(|a| !a.starts_with("--"));
    let Some(output) = args.next() else {
        eprintln!("usage: garble OUT_DIR [IN_DIR] [--dotted-names] [--scale=F]");
        std::process::exit(2);
    };
    let texts: Vec<(String, String)> = match args.next() {
        None => eval_texts::texts(),
        Some(input) => {
            let mut files: Vec<PathBuf> = std::fs::read_dir(&input)?
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|e| e == "txt"))
                .collect();
            files.sort();
            files
                .iter()
                .map(|f| {
                    let name = f.file_stem().and_then(|s| s.to_str()).unwrap_or("text").to_string();
                    std::fs::read_to_string(f).map(|t| (name, t))
                })
                .collect::<std::io::Result<_>>()?
        }
    };
    let lexicon = Lexicon::new();
    let (mut tune, mut report, mut damage) = (0, 0, [0usize; 5]);
    for (name, text) in &texts {
        let part = if eval_texts::reported(name) {
            report += 1;
            "report"
        } else {
            tune += 1;
            "tune"
        };
        let (garbled, done) = garble::garble(text, &lexicon, rates, eval_texts::seed_of(name));
        for (_, d) in &done {
            damage[*d as usize] += 1;
        }
        let dir = PathBuf::from(&output).join(part);
        std::fs::create_dir_all(&dir)?;
        std::fs::write(dir.join(format!("{name}.clean.txt")), text)?;
        std::fs::write(dir.join(format!("{name}.garbled.txt")), garbled)?;
    }
    println!(
        "{} texts: {tune} to tune, {report} to report; damage: {} capitalised, {} names lowered, {} acronyms, {} non-words, {} real words",
        texts.len(),
        damage[0],
        damage[1],
        damage[2],
        damage[3],
        damage[4]
    );
    Ok(())
}
