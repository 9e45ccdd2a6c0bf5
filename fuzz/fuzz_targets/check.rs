//! Any bytes through the document, the tokenizer, the checker and the review: no panic, every
//! span inside the text and on character boundaries, fixes change only the suspects, and undoing
//! every decision gives the loaded text back.
#![no_main]

use galley::check::{Options, check};
use galley::document::Document;
use galley::lexicon::Lexicon;
use galley::review::{Command, Ignores, Review};
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

fn lexicon() -> &'static Lexicon {
    static L: OnceLock<Lexicon> = OnceLock::new();
    L.get_or_init(Lexicon::new)
}

fuzz_target!(|bytes: &[u8]| {
    // The first byte chooses the reader's decisions; the rest is the article.
    let Some((&choice, bytes)) = bytes.split_first() else { return };
    // Lossy, so that invalid UTF-8 reaches the checker too, as U+FFFD.
    let Ok(doc) = Document::from_bytes_lossy("fuzz.txt", bytes.to_vec()) else { return };
    let text = doc.text();
    let mut words = 0;
    galley::token::tokenize(text, |t| {
        assert!(text.get(t.span.start..t.span.end).is_some(), "token {t:?} out of the text");
        words += 1;
    });
    let checked = check(text, lexicon(), &Options::default());
    for s in &checked.suspects {
        assert!(s.span.start < s.span.end, "empty suspect {s:?}");
        assert!(text.get(s.span.start..s.span.end).is_some(), "suspect {s:?} not on char boundaries");
    }
    let fixed =
        doc.replaced(checked.suspects.iter().filter_map(|s| s.suggestions.first().map(|f| (s.span, f.as_str()))));
    if checked.suspects.is_empty() {
        assert_eq!(fixed, text);
    }
    // A few decisions chosen by the first byte, then undo until the history is empty.
    let mut review = Review::new("fuzz.txt", text.to_string(), Lexicon::new(), None);
    let remembered = Ignores { words: vec!["teh".to_string()], at: vec![(bytes.len() / 2, "clustr".to_string())] };
    review.apply(Command::Restore(remembered)).expect("a restore applies");
    review.apply(Command::MoveToNext(choice & 1 == 0)).expect("a setting applies");
    for k in 0..4 {
        let command = match (choice >> (2 * k)) & 3 {
            0 => Command::Accept(0),
            1 => Command::Edit("two words".to_string()),
            2 => Command::IgnoreAll,
            _ => Command::ReplaceAll(0),
        };
        if k == 2 {
            review.apply(Command::Next).expect("a move applies");
        }
        review.apply(command).expect("a decision applies");
        for it in review.items() {
            assert_eq!(it.span.get(review.text()), Some(it.word.as_str()));
        }
    }
    while review.apply(Command::Undo).expect("undo") == galley::review::Outcome::Done {}
    assert_eq!(review.text(), text);
});
