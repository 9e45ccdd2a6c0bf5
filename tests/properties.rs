//! Properties over arbitrary text: spans slice to the reported words and lie on char
//! boundaries; fixing changes only the bytes inside suspects.

use galley::check::{Kind, Options, check};
use galley::lexicon::Lexicon;
use proptest::prelude::*;
use std::sync::OnceLock;

fn lexicon() -> &'static Lexicon {
    static L: OnceLock<Lexicon> = OnceLock::new();
    L.get_or_init(Lexicon::new)
}

/// Text made of words, typos, names, punctuation, URLs, CRLF, tabs, a BOM and wide characters.
fn article() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("the ".to_string()),
        Just("clustr ".to_string()),
        Just("kubernetes, ".to_string()),
        Just("Fraugt ".to_string()),
        Just("Roden's ".to_string()),
        Just("https://x.io/a_b ".to_string()),
        Just("`code` ".to_string()),
        Just("\r\n".to_string()),
        Just("\t".to_string()),
        Just("\u{feff}".to_string()),
        Just("na\u{ef}ve caf\u{e9} ".to_string()),
        Just("\u{1f600} \u{4e2d}\u{6587} ".to_string()),
        Just("e\u{301}t\u{e9} ".to_string()),
        Just("\u{2019}quoted\u{2019} ".to_string()),
        "[a-zA-Z' .,;:!?()-]{0,12}",
    ];
    proptest::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn every_span_is_a_word_and_every_fix_changes_it(text in article()) {
        let checked = check(&text, lexicon(), &Options::default());
        for s in &checked.suspects {
            let word = s.span.get(&text);
            // A word, or for spacing the marks (`''`, ` ,`) that the fix rewrites.
            let fits = |w: &str| w.chars().any(char::is_alphabetic) || (s.kind == Kind::Spacing && !w.is_empty());
            prop_assert!(word.is_some_and(fits), "{:?}", s);
            prop_assert!(!s.suggestions.iter().any(|f| Some(f.as_str()) == word), "{:?} fixed to itself", s);
        }
    }

    #[test]
    fn fixing_changes_only_bytes_inside_suspects(text in article()) {
        let checked = check(&text, lexicon(), &Options::default());
        let doc = galley::document::Document::new("t", text.clone());
        let no_edits: [(galley::span::Span, &str); 0] = [];
        prop_assert_eq!(doc.replaced(no_edits), text.clone());
        let fixed = doc.replaced(checked.suspects.iter().filter_map(|s| s.suggestions.first().map(|f| (s.span, f.as_str()))));
        // Undo the fixes from the end: the original comes back.
        let mut back = fixed.clone();
        let (mut grew, mut shrank) = (0usize, 0usize);
        let mut edits = Vec::new();
        for s in &checked.suspects {
            if let Some(f) = s.suggestions.first() {
                let start = s.span.start + grew - shrank;
                edits.push((start, start + f.len(), s.word(&text).to_string()));
                if f.len() >= s.span.len() {
                    grew += f.len() - s.span.len();
                } else {
                    shrank += s.span.len() - f.len();
                }
            }
        }
        for (start, end, word) in edits.into_iter().rev() {
            back.replace_range(start..end, &word);
        }
        prop_assert_eq!(back, text);
    }
}

/// A reader's decision, as the property generates it.
fn decision() -> impl Strategy<Value = galley::review::Command> {
    use galley::review::Command;
    prop_oneof![
        (0usize..3).prop_map(Command::Accept),
        (0usize..2).prop_map(Command::ReplaceAll),
        prop_oneof![Just("x"), Just("two words"), Just("clustre"), Just("\u{e9}t\u{e9}")]
            .prop_map(|s| Command::Edit(s.to_string())),
        Just(Command::Ignore),
        Just(Command::IgnoreAll),
        Just(Command::Next),
        Just(Command::Previous),
        Just(Command::Redo),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    /// Any sequence of decisions followed by as many undos gives back the loaded bytes, and
    /// every suspect's span still slices to its word.
    #[test]
    fn decisions_then_as_many_undos_restore_the_bytes(text in article(), decisions in proptest::collection::vec(decision(), 0..12)) {
        use galley::review::{Command, Outcome, Review};
        let mut review = Review::new("p.txt", text.clone(), Lexicon::new(), None, None);
        let mut steps = 0usize;
        for d in decisions {
            let moves = matches!(d, Command::Next | Command::Previous);
            let outcome = review.apply(d).expect("decision applies");
            if outcome == Outcome::Done && !moves {
                steps += 1;
            }
            for it in review.items() {
                prop_assert_eq!(it.span.get(review.text()), Some(it.word.as_str()));
            }
        }
        // A redo that did something was a step too; undo until the history is empty.
        let mut undone = 0;
        while review.apply(Command::Undo).expect("undo") == Outcome::Done {
            undone += 1;
        }
        prop_assert!(undone <= steps);
        prop_assert_eq!(review.text().as_bytes(), text.as_bytes());
        prop_assert!(!review.modified());
    }
}
