//! Any bytes as the lines of a recovery journal (after a header that fits the article): no
//! panic reading them, and replaying what can be read leaves every suspect's span on its word
//! and undoes back to the article's bytes.
#![no_main]

use galley::lexicon::Lexicon;
use galley::review::{Command, Outcome, Review};
use libfuzzer_sys::fuzz_target;
use std::path::Path;

fuzz_target!(|bytes: &[u8]| {
    // The first byte says how much of the rest is the article; the remainder is the journal.
    let Some((&split, rest)) = bytes.split_first() else { return };
    let at = (usize::from(split) * rest.len() / 255).min(rest.len());
    let (article, lines) = rest.split_at(at);
    let base = String::from_utf8_lossy(article).into_owned();
    let text = format!("{}{}", galley::store::journal::header(Path::new("fuzz.txt"), &base), String::from_utf8_lossy(lines));
    let Ok(Some(recovery)) = galley::store::journal::parse(&text, base.clone(), &base) else { return };
    let mut review = Review::new("fuzz.txt", base.clone(), Lexicon::new(), None);
    review.replay(&recovery.entries);
    for it in review.items() {
        assert_eq!(it.span.get(review.text()), Some(it.word.as_str()));
    }
    while review.apply(Command::Undo).expect("undo") == Outcome::Done {}
    assert_eq!(review.text(), base);
});
