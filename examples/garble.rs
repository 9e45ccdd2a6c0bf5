//! Makes development pairs from clean texts: `NAME.clean.txt` and `NAME.garbled.txt`, damaged at
//! the bundled sample's rates (examples/support/garble.rs). Half of the texts, chosen by a hash of
//! their name, go to `OUT/tune`, the rest to `OUT/report`: tune on one, and only report the other.
//!
//! `cargo run --release --example garble -- IN_DIR OUT_DIR [SEED]`, then
//! `cargo run --release --example score -- OUT_DIR/report`.

#[path = "support/garble.rs"]
mod garble;

use galley::lexicon::Lexicon;
use std::path::PathBuf;

fn main() -> std::io::Result<()> {
    let mut args = std::env::args().skip(1);
    let (Some(input), Some(output)) = (args.next(), args.next()) else {
        eprintln!("usage: garble IN_DIR OUT_DIR [SEED]");
        std::process::exit(2);
    };
    let seed: u64 = args.next().and_then(|s| s.parse().ok()).unwrap_or(1);
    let lexicon = Lexicon::new();
    let mut files: Vec<PathBuf> = std::fs::read_dir(&input)?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    let (mut tune, mut report, mut damage) = (0, 0, [0usize; 5]);
    for f in &files {
        let text = std::fs::read_to_string(f)?;
        let name = f.file_stem().and_then(|s| s.to_str()).unwrap_or("text").to_string();
        let h = name.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3));
        let part = if h % 2 == 0 { "tune" } else { "report" };
        if part == "tune" {
            tune += 1;
        } else {
            report += 1;
        }
        let (garbled, done) = garble::garble(&text, &lexicon, garble::Rates::SAMPLE, seed ^ h);
        for (_, d) in &done {
            damage[*d as usize] += 1;
        }
        let dir = PathBuf::from(&output).join(part);
        std::fs::create_dir_all(&dir)?;
        std::fs::write(dir.join(format!("{name}.clean.txt")), &text)?;
        std::fs::write(dir.join(format!("{name}.garbled.txt")), garbled)?;
    }
    println!(
        "{} texts: {tune} to tune, {report} to report; damage: {} capitalised, {} names lowered, {} acronyms, {} non-words, {} real words",
        files.len(),
        damage[0],
        damage[1],
        damage[2],
        damage[3],
        damage[4]
    );
    Ok(())
}
