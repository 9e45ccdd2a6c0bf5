//! Properties over arbitrary text: spans slice to the reported words and lie on char
//! boundaries; fixing changes only the bytes inside suspects; loading and saving without edits
//! writes the same bytes; decisions then as many undos give the loaded bytes back.

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

/// Text as it comes from anywhere: any characters but NUL (which marks binary content), mixed
/// line endings (CRLF, LF, a lone CR), a BOM, tabs, non-breaking spaces, combining marks, emoji
/// sequences and wide characters, lines of thousands of characters, and no final newline as
/// often as one. Words from [`article`] are mixed in so that there are suspects to decide.
fn raw_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        3 => article(),
        2 => proptest::collection::vec(any::<char>().prop_filter("NUL marks binary", |c| *c != '\0'), 1..24)
            .prop_map(|v| v.into_iter().collect::<String>()),
        2 => prop_oneof![Just("\r\n"), Just("\n"), Just("\r"), Just("\n\n"), Just("\r\n\r\n")].prop_map(str::to_string),
        1 => Just("\u{feff}".to_string()),
        1 => Just("\t".to_string()),
        1 => Just("the\u{a0}cluster\u{a0}".to_string()),
        1 => Just("Zoe\u{308} cafe\u{301} a\u{30a}\u{301}\u{302} ".to_string()),
        1 => Just("\u{1f469}\u{200d}\u{1f469}\u{200d}\u{1f467} \u{1f1eb}\u{1f1f7} \u{1f44d}\u{1f3fd} ".to_string()),
        1 => Just("\u{4e2d}\u{6587}\u{ff21}\u{ff22} \u{d55c}\u{ad6d}\u{c5b4} ".to_string()),
        1 => (1usize..6).prop_map(|n| "recieve the kubernetes Cluster ".repeat(n * 60)),
    ];
    proptest::collection::vec(piece, 0..24).prop_map(|v| v.concat())
}

/// Either kind of text.
fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![article(), raw_text()]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn a_text_is_cut_into_sections_that_cover_it_on_char_boundaries(text in raw_text(), most in 8usize..400) {
        let cut = galley::check::sections::sections(&text, most);
        prop_assert_eq!(cut.first().map(|s| s.start), Some(0));
        prop_assert_eq!(cut.last().map(|s| s.end), Some(text.len()));
        for pair in cut.windows(2) {
            prop_assert_eq!(pair[0].end, pair[1].start);
        }
        for s in &cut {
            prop_assert!(s.len() <= most && (!s.is_empty() || text.is_empty()), "{:?}", s);
            prop_assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end), "{:?}", s);
        }
    }

    #[test]
    fn every_span_lies_on_char_boundaries(text in raw_text()) {
        let checked = check(&text, lexicon(), &Options::default());
        for s in &checked.suspects {
            prop_assert!(s.span.start < s.span.end && s.span.end <= text.len(), "{:?}", s);
            prop_assert!(text.is_char_boundary(s.span.start) && text.is_char_boundary(s.span.end), "{:?}", s);
        }
    }

    #[test]
    fn every_span_is_a_word_and_every_fix_changes_it(text in any_text()) {
        let checked = check(&text, lexicon(), &Options::default());
        for s in &checked.suspects {
            let word = s.span.get(&text);
            // A word, or for spacing the marks (`''`, ` ,`) that the fix rewrites.
            let fits = |w: &str| w.chars().any(char::is_alphabetic) || (s.kind == Kind::Spacing && !w.is_empty());
            prop_assert!(word.is_some_and(fits), "{:?}", s);
            prop_assert!(!s.suggestions.iter().any(|f| Some(f) == word), "{:?} fixed to itself", s);
        }
    }

    #[test]
    fn fixing_changes_only_bytes_inside_suspects(text in any_text()) {
        let checked = check(&text, lexicon(), &Options::default());
        let doc = galley::document::Document::new("t", text.clone());
        let no_edits: [(galley::span::Span, &str); 0] = [];
        prop_assert_eq!(doc.replaced(no_edits), text.clone());
        let fixed = doc.replaced(checked.suspects.iter().filter_map(|s| s.suggestions.first().map(|f| (s.span, f))));
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
        any::<bool>().prop_map(Command::MoveToNext),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    /// Any sequence of decisions followed by as many undos gives back the loaded bytes, and
    /// every suspect's span still slices to its word. Before the undos, the review makes the
    /// loaded bytes again from its steps.
    #[test]
    fn decisions_then_as_many_undos_restore_the_bytes(text in any_text(), decisions in proptest::collection::vec(decision(), 0..12)) {
        use galley::review::{Command, Outcome, Review};
        let mut review = Review::new("p.txt", text.clone(), Lexicon::new(), None);
        let mut steps = 0usize;
        for d in decisions {
            let moves = !d.is_decision();
            let outcome = review.apply(d).expect("decision applies");
            if outcome == Outcome::Done && !moves {
                steps += 1;
            }
            for it in review.items() {
                prop_assert_eq!(it.span.get(review.text()), Some(it.word.as_str()));
            }
        }
        // The text as loaded is made again from the steps, not kept (see `Review::original`).
        let original = review.original().expect("the steps lead back").into_owned();
        prop_assert_eq!(original.as_bytes(), text.as_bytes());
        // A redo that did something was a step too; undo until the history is empty.
        let mut undone = 0;
        while review.apply(Command::Undo).expect("undo") == Outcome::Done {
            undone += 1;
        }
        prop_assert!(undone <= steps);
        prop_assert_eq!(review.text().as_bytes(), text.as_bytes());
        prop_assert_eq!(review.text_id(), 0, "nothing left to save");
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    /// Loading a file and saving it without a decision writes the bytes it had, both over itself
    /// and to a new path; the reader's document keeps the BOM, every line ending and the missing
    /// final newline.
    #[test]
    fn loading_then_saving_without_edits_writes_the_same_bytes(text in raw_text()) {
        use galley::review::Review;
        let dir = tempfile::tempdir().expect("temporary directory");
        let path = dir.path().join("article.txt");
        std::fs::write(&path, text.as_bytes()).expect("write");
        let doc = galley::document::Document::open(&path).expect("any text without NUL opens");
        prop_assert_eq!(doc.text().as_bytes(), text.as_bytes());
        let review = Review::new(&path, doc.text().to_string(), Lexicon::new(), None);
        let mut session = galley::store::session::Session::new(&review, None);
        session.save(&review, &path, true).expect("save over itself");
        let copy = dir.path().join("copy.txt");
        session.save(&review, &copy, false).expect("save as");
        prop_assert_eq!(std::fs::read(&path).expect("read back"), text.as_bytes());
        prop_assert_eq!(std::fs::read(&copy).expect("read copy"), text.as_bytes());
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    /// A session's journal, written to disk and read back, replays to the same text and the
    /// same decisions on a review whose lexicon differs (as a recovery without `--vocab` does),
    /// and undoing every replayed decision gives the loaded bytes back.
    #[test]
    fn a_journal_replays_to_the_same_text_whatever_the_lexicon(
        text in any_text(),
        decisions in proptest::collection::vec(prop_oneof![decision(), Just(galley::review::Command::Undo)], 0..12),
    ) {
        use galley::review::{Command, Outcome, Review};
        let dir = tempfile::tempdir().expect("temporary directory");
        let article = dir.path().join("a.txt");
        let mut journal = galley::store::journal::Journal::start(dir.path(), &article, &text).expect("journal");
        let mut review = Review::new(&article, text.clone(), Lexicon::new(), None);
        for d in decisions {
            let (_, entry) = review.apply_recorded(d).expect("decision applies");
            if let Some(entry) = entry {
                journal.record(&entry).expect("record");
            }
        }
        let recovery = galley::store::journal::find(dir.path(), &article, &text).expect("readable");
        let entries = recovery.map(|r| r.entries).unwrap_or_default();
        // Another lexicon: every word of the text known but the first.
        let mut other = Lexicon::new();
        for w in text.split(|c: char| !c.is_alphanumeric()).skip(1).filter(|w| !w.is_empty()) {
            other.add_user_word(w);
        }
        let mut replayed = Review::new(&article, text.clone(), other, None);
        let outcome = replayed.replay(&entries);
        prop_assert_eq!(outcome.stopped, None);
        prop_assert_eq!(replayed.text(), review.text());
        prop_assert_eq!(replayed.decisions(), review.decisions());
        for it in replayed.items() {
            prop_assert_eq!(it.span.get(replayed.text()), Some(it.word.as_str()));
        }
        while replayed.apply(Command::Undo).expect("undo") == Outcome::Done {}
        prop_assert_eq!(replayed.text(), text.as_str());
    }

    /// Journal entries as a damaged or hostile file may hold them (any offsets, any texts,
    /// undos of decisions never made): replay stops at the first that does not fit, the
    /// review stays whole, and undoing what was replayed gives the loaded bytes back.
    #[test]
    fn any_journal_entries_leave_the_review_whole(
        text in any_text(),
        raw in proptest::collection::vec((0u8..9, 0usize..64, 0usize..6, 0u8..4, 0u8..3), 0..10),
    ) {
        use galley::check::Kind;
        use galley::edit::Change;
        use galley::review::{Action, Command, Decision, Entry, Ignores, Outcome, Review};
        let mut review = Review::new("p.txt", text.clone(), Lexicon::new(), None);
        let mut entries = Vec::new();
        for (what, at, len, new, source) in raw {
            let current = review.text().to_string();
            let at = at.min(current.len());
            // Mostly words that are there, sometimes not.
            let old = match source {
                0 => "teh".to_string(),
                _ => current.get(at..(at + len).min(current.len())).unwrap_or("x").to_string(),
            };
            let new = ["the", "", "two\nlines", "É"][usize::from(new)].to_string();
            let action = [Action::Accept, Action::Edit, Action::ReplaceAll, Action::Ignore, Action::IgnoreAll,
                Action::Remembered, Action::Accept, Action::Accept, Action::Accept][usize::from(what)];
            let changes = if matches!(action, Action::Accept | Action::Edit | Action::ReplaceAll) {
                vec![Change { at, old: old.clone(), new }]
            } else {
                Vec::new()
            };
            let ignores = Ignores { words: vec![old.clone()], at: vec![(at, old.clone())] };
            let d = Decision { action, kind: Kind::Spelling, at, old, changes, ignores };
            entries.push(match what {
                6 => Entry::Undo(d),
                7 => Entry::Redo(d),
                _ => Entry::Decision(d),
            });
            // Replayed one by one, so that later entries see the text the earlier ones left.
            review.replay(&entries[entries.len() - 1..]);
            for it in review.items() {
                prop_assert_eq!(it.span.get(review.text()), Some(it.word.as_str()));
            }
        }
        while review.apply(Command::Undo).expect("undo") == Outcome::Done {}
        prop_assert_eq!(review.text(), text.as_str());
    }
}

/// Markdown made of prose and every kind of markup galley leaves alone.
fn markdown() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("# ".to_string()),
        Just("## Teh ".to_string()),
        Just("```\nteh code\n```\n".to_string()),
        Just("`teh`".to_string()),
        Just("[clustr](https://teh.io/x)".to_string()),
        Just("![an imgae](i.png)".to_string()),
        Just("**".to_string()),
        Just("_".to_string()),
        Just("<div class=\"teh\">".to_string()),
        Just("</div>".to_string()),
        Just("&emsp;&amp;".to_string()),
        Just("\\*".to_string()),
        Just("- ".to_string()),
        Just("1. ".to_string()),
        Just("- [ ] ".to_string()),
        Just("| teh | b |\n|---|---|\n| c | d |\n".to_string()),
        Just("---\ntitle: teh\n---\n".to_string()),
        Just("> ".to_string()),
        Just("[^1]".to_string()),
        Just("[^1]: a nute\n".to_string()),
        Just("[ref]: https://teh.example\n".to_string()),
        Just("<https://teh.io>".to_string()),
        Just("$x^2$".to_string()),
        Just("\n".to_string()),
        Just("\r\n\r\n".to_string()),
        Just("\n   ".to_string()),
        Just("  \n".to_string()),
        Just("kubernetes clustr teh ".to_string()),
        Just("caf\u{e9} \u{4e2d}\u{6587} \u{1f600} ".to_string()),
        "[a-zA-Z' .,;:!?()*_`#\\[\\]<>-]{0,12}",
    ];
    proptest::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    /// The prose of Markdown keeps every offset: the same length and line breaks, each byte
    /// the source's, a space, or a line break over a mark; and every suspect found in it lies on bytes kept from
    /// the source, so that fixing it changes the source only inside words of prose.
    #[test]
    fn markdown_prose_keeps_offsets_and_suspects_lie_in_prose(md in markdown()) {
        use galley::markup::{Format, prose};
        let p = prose(&md, Format::Markdown);
        prop_assert_eq!(p.len(), md.len());
        for (a, b) in p.bytes().zip(md.bytes()) {
            // Kept, blanked, or a mark or space read as the line break before a cell or an item.
            let mark = b == b' ' || b.is_ascii_punctuation();
            prop_assert!(a == b || a == b' ' || (a == b'\n' && mark), "{:?} became {:?}", b as char, a as char);
            prop_assert!(b != b'\n' || a == b'\n', "a line break is kept");
        }
        let checked = galley::markup::check(&md, Format::Markdown, lexicon(), &Options::default());
        for s in &checked.suspects {
            prop_assert_eq!(s.span.get(&p), s.span.get(&md), "a suspect over blanked markup");
        }
    }
}

/// Web pages made of text and every kind of markup galley leaves alone.
fn page() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("<p>".to_string()),
        Just("</p>".to_string()),
        Just("<article>".to_string()),
        Just("</article>".to_string()),
        Just("<nav>teh</nav>".to_string()),
        Just("<script>var teh = '</p>';</script>".to_string()),
        Just("<style>p{colr:red}</style>".to_string()),
        Just("<a href=\"https://teh.io\">".to_string()),
        Just("</a>".to_string()),
        Just("<b>".to_string()),
        Just("</b>".to_string()),
        Just("<br>".to_string()),
        Just("<!-- teh -->".to_string()),
        Just("&amp;&emsp;&#8212;".to_string()),
        Just("<pre>teh</pre>".to_string()),
        Just("kubernetes clustr teh ".to_string()),
        Just("caf\u{e9} \u{4e2d}\u{6587} ".to_string()),
        Just("\r\n".to_string()),
        Just("\n".to_string()),
        Just("\n    ".to_string()),
        "[a-zA-Z' .,;:!?&<>/=\"-]{0,12}",
    ];
    proptest::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    /// The prose of a web page keeps every offset and makes no letter of markup, and every
    /// suspect lies on bytes kept from the source: `fix` changes a page only inside words of its text.
    #[test]
    fn page_prose_keeps_offsets_and_suspects_lie_in_prose(html in page()) {
        use galley::markup::{Format, prose};
        let p = prose(&html, Format::Html);
        prop_assert_eq!(p.len(), html.len());
        for (a, b) in p.bytes().zip(html.bytes()) {
            // Kept, blanked, a line break, or an entity's character: markup never becomes a
            // letter or a digit of prose.
            prop_assert!(a == b || !a.is_ascii_alphanumeric(), "{:?} became {:?}", b as char, a as char);
            prop_assert!(b != b'\n' || a == b'\n', "a line break is kept");
        }
        let checked = galley::markup::check(&html, Format::Html, lexicon(), &Options::default());
        for s in &checked.suspects {
            prop_assert_eq!(s.span.get(&p), s.span.get(&html), "a suspect over blanked markup");
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    /// Markdown and web pages in the review: any decisions leave every byte of markup where it
    /// was (only words of prose change), a backup saved then holds the loaded bytes, and as many
    /// undos give back the loaded bytes; loading and saving without a decision writes the same
    /// bytes.
    #[test]
    fn markup_documents_round_trip_through_decisions_and_undo(
        md in markdown(),
        html in page(),
        decisions in proptest::collection::vec(decision(), 0..12),
    ) {
        use galley::review::{Command, Outcome, Review};
        for (name, text) in [("p.md", md), ("p.html", html)] {
            let dir = tempfile::tempdir().expect("temporary directory");
            let path = dir.path().join(name);
            std::fs::write(&path, text.as_bytes()).expect("write");
            let mut review = Review::new(&path, text.clone(), Lexicon::new(), None);
            let mut session = galley::store::session::Session::new(&review, None);
            session.save(&review, &path, false).expect("save over itself");
            prop_assert_eq!(std::fs::read(&path).expect("read back"), text.as_bytes());
            let markup: Vec<String> = review.markup().iter().map(|m| m.slice(review.text()).to_string()).collect();
            for d in decisions.clone() {
                review.apply(d).expect("decision applies");
            }
            let now: Vec<String> = review.markup().iter().map(|m| m.slice(review.text()).to_string()).collect();
            prop_assert_eq!(&now, &markup, "markup changed");
            // Saved over itself with a backup: the backup holds the loaded bytes, made again from
            // the steps.
            let kept = session.save(&review, &path, true).expect("save with a backup").expect("a backup is kept");
            prop_assert_eq!(std::fs::read(kept).expect("read the backup"), text.as_bytes());
            prop_assert_eq!(std::fs::read(&path).expect("read back"), review.text().as_bytes());
            while review.apply(Command::Undo).expect("undo") == Outcome::Done {}
            prop_assert_eq!(review.text().as_bytes(), text.as_bytes());
        }
    }
}

/// Rendered text wraps without losing or repeating anything: each line's rows follow one
/// another from the line's start, and together draw what the whole line draws, in order; a line
/// of a code block is one row, cut at the width; a line that draws nothing has no row. Moving by
/// rows agrees with the rows drawn.
fn rows_draw_each_line_once(md: &str, format: galley::markup::Format, width: usize) -> Result<(), TestCaseError> {
    use galley::tui::render::{Glyph, Rendered, Unit, units};
    use galley::tui::wrap::{Layout, Pos, advance, last, line_rows, pos_of, retreat, rows_from};
    let layout = Layout { width, gaps: false, look: std::rc::Rc::new(Rendered::of(md, format)) };
    let starts: Vec<usize> = std::iter::once(0).chain(md.match_indices('\n').map(|(i, _)| i + 1)).collect();
    // A paragraph's lines are joined into one line, wrapped as one.
    let joined = layout.look.starts(&starts).to_vec();
    prop_assert!(joined.iter().all(|s| starts.binary_search(s).is_ok()), "lines join at line starts");
    for line in 0..joined.len() {
        let start = joined[line];
        let mut end = joined.get(line + 1).map_or(md.len(), |&n| n - 1);
        if end > start && md.as_bytes()[end - 1] == b'\r' {
            end -= 1;
        }
        let marks = layout.look.line(start, end);
        let mut whole: Vec<Unit<'_>> = Vec::new();
        units(md, marks, start, end, end, |u| whole.push(u));
        let rows = line_rows(md, &starts, line, &layout);
        let mut drawn: Vec<Unit<'_>> = Vec::new();
        prop_assert!(rows.first().is_none_or(|r| r.0 == start), "rows begin at the line's start");
        for (k, &(from, to)) in rows.iter().enumerate() {
            prop_assert!(
                start <= from && from <= to && to <= end,
                "row {:?} outside line {}..{}",
                (from, to),
                start,
                end
            );
            if k > 0 {
                prop_assert_eq!(rows[k - 1].1, from, "rows follow one another");
            }
            units(md, marks, from, to, end, |u| drawn.push(u));
        }
        if layout.look.gone_at(start).is_some() {
            prop_assert!(rows.is_empty(), "a line that draws nothing takes no row");
            prop_assert!(whole.is_empty(), "a line that takes no row draws nothing");
            continue;
        }
        if Rendered::is_code(marks) {
            // One row, after a blank one when a web page's code block opens here.
            prop_assert!(rows.len() <= 2, "a line of code is not wrapped: {:?}", rows);
            prop_assert!(whole.starts_with(&drawn));
        } else {
            prop_assert_eq!(rows.last().map(|r| r.1), Some(end));
            prop_assert_eq!(&drawn, &whole, "the rows draw the line once, in order");
        }
        let breaks = whole.iter().filter(|u| matches!(u.glyph, Glyph::Char('\n' | '\r'))).count();
        prop_assert_eq!(breaks, 0, "a joined line break is drawn as a space, never as itself");
    }
    // Moving by rows agrees with the rows drawn: from the top, each step down reaches the
    // next row drawn, a step up comes back, and the last step stays on the last row.
    let all = rows_from(md, &starts, Pos::default(), &layout, 10_000);
    let mut pos = advance(md, &starts, Pos::default(), 0, &layout);
    for (k, row) in all.iter().enumerate() {
        prop_assert_eq!(pos.line, row.line);
        let here = line_rows(md, &starts, pos.line, &layout);
        prop_assert_eq!(here.get(pos.row), Some(&(row.start, row.end)));
        let next = advance(md, &starts, pos, 1, &layout);
        if k + 1 < all.len() {
            prop_assert_eq!(retreat(md, &starts, next, 1, &layout), pos);
        } else {
            prop_assert_eq!(next, pos);
            prop_assert_eq!(last(md, &starts, &layout), pos);
        }
        prop_assert_eq!(pos_of(md, &starts, row.start, &layout).line, row.line);
        pos = next;
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    /// Rendered Markdown: see [`rows_draw_each_line_once`].
    #[test]
    fn rendered_markdown_rows_draw_each_line_once_in_order(md in markdown(), width in 8usize..60) {
        rows_draw_each_line_once(&md, galley::markup::Format::Markdown, width)?;
    }

    /// A rendered web page, its blocks on rows of their own: see [`rows_draw_each_line_once`].
    #[test]
    fn a_rendered_page_rows_draw_each_line_once_in_order(html in page(), width in 8usize..60) {
        use galley::markup::{Format, article_markdown, article_text};
        rows_draw_each_line_once(&html, Format::Html, width)?;
        // Its article exports as Markdown and as text, whatever the page holds.
        for exported in [article_markdown(&html, Format::Html), article_text(&html, Format::Html)] {
            prop_assert!(exported.ends_with('\n'));
        }
    }
}

/// After each decision (and undo) on rendered text, the rendering moved along with the edit is
/// the one made afresh from the text, whenever it can be moved along at all.
fn shifted_is_rendered_afresh(
    text: &str,
    name: &str,
    decisions: Vec<galley::review::Command>,
) -> Result<(), TestCaseError> {
    use galley::review::{Command, Review};
    use galley::tui::render::Rendered;
    let mut review = Review::new(name, text.to_string(), Lexicon::new(), None);
    let format = review.format();
    let mut look = Rendered::of(review.text(), format);
    for d in decisions.into_iter().chain([Command::Undo, Command::Undo]) {
        let before = review.revision();
        review.apply(d).expect("decision applies");
        if review.revision() == before {
            continue;
        }
        let afresh = Rendered::of(review.text(), format);
        if let Some(moved) = look.shifted(review.last_changes(), review.text()) {
            prop_assert_eq!(&moved, &afresh, "moved along after {:?}", review.last_changes());
        }
        look = afresh;
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    /// Markdown: see [`shifted_is_rendered_afresh`].
    #[test]
    fn markdown_rendering_moved_along_is_made_afresh(md in markdown(), decisions in proptest::collection::vec(decision(), 0..8)) {
        shifted_is_rendered_afresh(&md, "notes.md", decisions)?;
    }

    /// Web pages: see [`shifted_is_rendered_afresh`].
    #[test]
    fn page_rendering_moved_along_is_made_afresh(html in page(), decisions in proptest::collection::vec(decision(), 0..8)) {
        shifted_is_rendered_afresh(&html, "page.html", decisions)?;
    }
}
