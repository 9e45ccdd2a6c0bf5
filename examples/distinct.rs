//! Writes the text the speed figures are measured on, which never repeats a document (see
//! `distinct_documents` in benches/support/corpus.rs), to the path given, and prints its size.
//! `scripts/bench-detection.sh` runs galley and aspell on it.

#[path = "../benches/support/corpus.rs"]
mod corpus;

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: distinct OUT");
        std::process::exit(2);
    };
    let text = corpus::distinct_documents();
    assert!(!text.is_empty(), "no Markdown in cargo's registry cache: build galley first");
    std::fs::write(&path, &text).unwrap_or_else(|e| panic!("{path}: {e}"));
    println!("{path}: {} bytes, {} words", text.len(), text.split_whitespace().count());
}
