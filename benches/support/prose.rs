//! About 10 MB of article text in which no document repeats, half of it damaged: what the reader
//! and memory figures are measured on. Included with `#[path]` beside `corpus.rs` (as `corpus`),
//! by the benches that need it and by examples/distinct.rs.
#![allow(dead_code, unused_imports)]

#[path = "../../examples/support/garble.rs"]
mod garble;
/// The seeded generator of the tests, benches and examples: a bench that includes this file takes
/// it from here (a file is loaded as one module only).
pub use garble::rng;

/// About `size` bytes of technical prose in which no document repeats: the registry's distinct
/// Markdown documents, then the documentation comments of its Rust sources. Every second
/// document is damaged at the bundled sample's rates, each with a seed of its own. Shorter when
/// the cache holds less; figures quote the size.
pub fn distinct_prose(size: usize) -> String {
    let lexicon = galley::lexicon::Lexicon::new();
    let mut text = String::with_capacity(size + 4096);
    let sources = crate::corpus::markdown_documents().into_iter().chain(crate::corpus::doc_comment_documents());
    for (i, doc) in sources.enumerate() {
        if text.len() >= size {
            break;
        }
        if !text.is_empty() {
            text.push_str("\n\n");
        }
        if i % 2 == 1 {
            text.push_str(&garble::garble(&doc, &lexicon, garble::Rates::SAMPLE, i as u64).0);
        } else {
            text.push_str(&doc);
        }
    }
    text.truncate(text.floor_char_boundary(size));
    text
}

/// About 10 MB of [`distinct_prose`]. Panics when the registry cache holds less than 9 MB of it.
pub fn ten_megabytes() -> String {
    let text = distinct_prose(10_000_000);
    assert!(text.len() > 9_000_000, "only {} bytes of distinct prose: is cargo's registry cache there?", text.len());
    text
}
