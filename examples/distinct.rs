//! Writes the text the speed figures are measured on, which never repeats a document (see
//! `distinct_documents` in benches/support/corpus.rs), to the path given, and prints its size.
//! `scripts/bench-detection.sh` runs galley and aspell on it. With a size in bytes, writes that
//! much of `distinct_prose` (benches/support/prose.rs) instead: the 10 MB article of the reader
//! and memory figures.
//!
//! `cargo run --release --example distinct -- OUT [BYTES]`

#[path = "../benches/support/corpus.rs"]
mod corpus;
#[path = "../benches/support/prose.rs"]
mod prose;

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: distinct OUT [BYTES]");
        std::process::exit(2);
    };
    let text = match std::env::args().nth(2) {
        Some(size) => prose::distinct_prose(size.parse().expect("a size in bytes")),
        None => corpus::distinct_documents(),
    };
    assert!(!text.is_empty(), "no Markdown in cargo's registry cache: build galley first");
    std::fs::write(&path, &text).unwrap_or_else(|e| panic!("{path}: {e}"));
    println!("{path}: {} bytes, {} words", text.len(), text.split_whitespace().count());
}
