//! The reader as a user sees it: whole screens after key sequences, drawn into a test backend.
//! Snapshots live in tests/snapshots; review changes with `cargo insta review`.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use galley::lexicon::{Dialect, Lexicon};
use galley::review::Review;
use galley::tui::app::App;
use galley::tui::theme::Theme;
use galley::tui::view;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;

const ARTICLE: &str = "Running kubernetes at scale\n\nThe kuberanetes clustr runs on three nodes, and teh team said the \
clustr is healthy. Teh operators use github for their manifests and keep a close eye on resilcy.\n\nLater, teh \
platform team moved the clustr to a new region.\n";

fn reader(text: &str, width: u16, height: u16) -> App {
    reader_of("article.txt", text, width, height)
}

/// A reader on `text` loaded as the file `name` (its extension gives the format).
fn reader_of(name: &str, text: &str, width: u16, height: u16) -> App {
    let review = Review::new(name, text.to_string(), Lexicon::new(), Some(Dialect::Us));
    App::new(review, Rect::new(0, 0, width, height), Theme::new(true))
}

/// Presses keys written as in vi: plain characters, or `<Tab>`, `<S-Tab>`, `<Enter>`, `<Esc>`,
/// `<BS>`, `<C-x>`.
fn press(app: &mut App, keys: &str) {
    let mut rest = keys;
    while let Some(c) = rest.chars().next() {
        let (event, len) = if c == '<' {
            let end = rest.find('>').expect("closing >");
            let name = &rest[1..end];
            let event = match name {
                "Tab" => KeyEvent::new(KeyCode::Tab, KeyModifiers::NONE),
                "S-Tab" => KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT),
                "Enter" => KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE),
                "Esc" => KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE),
                "BS" => KeyEvent::new(KeyCode::Backspace, KeyModifiers::NONE),
                n if n.starts_with("C-") => {
                    KeyEvent::new(KeyCode::Char(n[2..].chars().next().expect("key")), KeyModifiers::CONTROL)
                }
                n => panic!("unknown key <{n}>"),
            };
            (event, end + 1)
        } else {
            let m = if c.is_uppercase() { KeyModifiers::SHIFT } else { KeyModifiers::NONE };
            (KeyEvent::new(KeyCode::Char(c), m), c.len_utf8())
        };
        app.on_key(&event);
        rest = &rest[len..];
    }
}

fn screen(app: &App) -> String {
    let mut terminal = Terminal::new(TestBackend::new(app.area.width, app.area.height)).expect("terminal");
    terminal.draw(|f| view::draw(f, app)).expect("draw");
    terminal.backend().to_string()
}

fn current_word(app: &App) -> Option<String> {
    app.review.current_item().map(|it| it.word.clone())
}

#[test]
fn opening_shows_the_first_suspect_in_every_pane() {
    let app = reader(ARTICLE, 120, 16);
    assert_eq!(current_word(&app).as_deref(), Some("kubernetes"));
    insta::assert_snapshot!("opening", screen(&app));
}

#[test]
fn tab_moves_between_suspects_and_shift_tab_back() {
    let mut app = reader(ARTICLE, 120, 16);
    press(&mut app, "<Tab><Tab>");
    assert_eq!(current_word(&app).as_deref(), Some("clustr"));
    insta::assert_snapshot!("after_two_tabs", screen(&app));
    press(&mut app, "<S-Tab>[");
    assert_eq!(current_word(&app).as_deref(), Some("kubernetes"));
}

#[test]
fn enter_takes_the_first_fix_and_moves_on() {
    let mut app = reader(ARTICLE, 120, 16);
    press(&mut app, "<Enter><Enter>");
    assert!(app.review.text().starts_with("Running Kubernetes at scale\n\nThe Kubernetes clustr"));
    assert_eq!(current_word(&app).as_deref(), Some("clustr"));
    insta::assert_snapshot!("after_two_fixes", screen(&app));
}

#[test]
fn undo_and_redo_every_decision() {
    let mut app = reader(ARTICLE, 120, 16);
    press(&mut app, "<Enter>2i");
    assert_ne!(app.review.text(), ARTICLE);
    press(&mut app, "uuu");
    assert_eq!(app.review.text(), ARTICLE);
    assert_eq!(current_word(&app).as_deref(), Some("kubernetes"));
    insta::assert_snapshot!("after_undoing_everything", screen(&app));
    press(&mut app, "<C-r>");
    assert!(app.review.text().starts_with("Running Kubernetes"));
}

#[test]
fn the_edit_buffer_replaces_the_word() {
    let mut app = reader(ARTICLE, 120, 16);
    press(&mut app, "<Tab><Tab>e<BS>er");
    insta::assert_snapshot!("editing", screen(&app));
    press(&mut app, "<Enter>");
    assert!(app.review.text().contains("The kuberanetes cluster runs"));
    press(&mut app, "e<C-u>gone<Esc>");
    assert!(!app.review.text().contains("gone"), "Esc cancels");
}

#[test]
fn replace_all_fixes_every_occurrence_as_one_step() {
    let mut app = reader(ARTICLE, 120, 16);
    press(&mut app, "<Tab><Tab>R");
    insta::assert_snapshot!("choosing_for_replace_all", screen(&app));
    press(&mut app, "<Enter>");
    assert!(!app.review.text().contains("clustr"));
    press(&mut app, "u");
    assert_eq!(app.review.text().matches("clustr").count(), 3);
}

#[test]
fn help_lists_the_keymap_and_esc_closes_it() {
    let mut app = reader(ARTICLE, 120, 40);
    press(&mut app, "?");
    let s = screen(&app);
    for line in ["Tab ]", "next suspect", "^R", "redo", "replace every occurrence"] {
        assert!(s.contains(line), "{line}");
    }
    insta::assert_snapshot!("help", s);
    press(&mut app, "<Esc>");
    assert!(!app.help);
}

#[test]
fn a_narrow_window_stacks_the_panes() {
    let app = reader(ARTICLE, 60, 24);
    insta::assert_snapshot!("narrow", screen(&app));
}

#[test]
fn a_tiny_window_says_so() {
    let app = reader(ARTICLE, 30, 8);
    assert!(screen(&app).contains("window too small"));
}

#[test]
fn the_list_shows_pending_suspects_with_counts() {
    let mut app = reader(ARTICLE, 130, 20);
    press(&mut app, "l");
    let s = screen(&app);
    assert!(s.contains("misspelled ·"), "{s}");
    insta::assert_snapshot!("list", s);
}

#[test]
fn quitting_with_changes_asks_first() {
    let mut app = reader(ARTICLE, 120, 16);
    press(&mut app, "<Enter>q");
    assert!(!app.done);
    assert!(screen(&app).contains("unsaved changes"));
    press(&mut app, "<Esc>");
    assert!(!app.done);
    press(&mut app, "qd");
    assert!(app.done);
}

#[test]
fn search_finds_and_wraps() {
    let mut app = reader(ARTICLE, 120, 16);
    press(&mut app, "/region<Enter>");
    assert_eq!(app.search.as_ref().and_then(|s| s.1), ARTICLE.find("region"));
    press(&mut app, "/nowhere<Enter>");
    assert!(screen(&app).contains("not found: nowhere"));
}

#[test]
fn export_writes_by_extension_and_will_not_overwrite_unasked() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut app = reader(ARTICLE, 120, 16);
    press(&mut app, "<Enter>");
    for (name, needle) in
        [("out.diff", "+Running Kubernetes"), ("out.json", "\"action\": \"accept\""), ("out.txt", "Running Kubernetes")]
    {
        let path = dir.path().join(name);
        press(&mut app, &format!("x<C-u>{}<Enter>", path.display()));
        let written = std::fs::read_to_string(&path).expect("exported");
        assert!(written.contains(needle), "{name}: {written}");
    }
    let path = dir.path().join("out.txt");
    std::fs::write(&path, "keep").expect("write");
    press(&mut app, &format!("x<C-u>{}<Enter>", path.display()));
    assert!(screen(&app).contains("overwrite? y/n"));
    press(&mut app, "n");
    assert_eq!(std::fs::read_to_string(&path).expect("read"), "keep");
}

#[test]
fn save_keeps_a_backup_of_the_original_bytes() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("a.txt");
    let original = "Teh end.\r\n";
    std::fs::write(&path, original).expect("write");
    let review = Review::new(&path, original.to_string(), Lexicon::new(), Some(Dialect::Us));
    let mut app = App::new(review, Rect::new(0, 0, 100, 20), Theme::new(true));
    press(&mut app, "<Enter>s");
    assert_eq!(std::fs::read_to_string(&path).expect("saved"), "The end.\r\n");
    assert_eq!(std::fs::read_to_string(dir.path().join("a.txt.bak")).expect("backup"), original);
    press(&mut app, "q");
    assert!(app.done, "nothing unsaved");
}

#[test]
fn a_lossy_article_is_never_saved_over_its_file_but_saves_as_a_new_one() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("latin.txt");
    let bytes = b"Teh caf\xe9 end.\n";
    std::fs::write(&path, bytes).expect("write");
    let doc = galley::document::Document::open_lossy(&path).expect("lossy read");
    assert_eq!(doc.replaced_runs(), 1);
    let review = Review::new(&path, doc.text().to_string(), Lexicon::new(), Some(Dialect::Us));
    let mut app = App::new(review, Rect::new(0, 0, 100, 20), Theme::new(true));
    app.session.protect_source(&app.review, galley::store::session::Guard::Lossy);
    press(&mut app, "<Enter>s");
    assert!(screen(&app).contains("read with --lossy"), "{}", screen(&app));
    assert_eq!(std::fs::read(&path).expect("untouched"), bytes);
    assert!(!dir.path().join("latin.txt.bak").exists());
    // Export over it is refused too; save-as to a new name works, and later saves go there.
    let copy = dir.path().join("copy.txt");
    press(&mut app, &format!("{}<Enter>", copy.display()));
    assert_eq!(std::fs::read_to_string(&copy).expect("saved as"), "The caf\u{fffd} end.\n");
    press(&mut app, &format!("x<C-u>{}<Enter>y", path.display()));
    assert_eq!(std::fs::read(&path).expect("untouched"), bytes);
    assert!(screen(&app).contains("not written"), "{}", screen(&app));
}

#[test]
fn with_move_to_next_off_a_decision_stays_put_until_tab() {
    let mut app = reader(ARTICLE, 120, 16);
    app.move_to_next = false;
    app.apply_settings();
    assert_eq!(current_word(&app).as_deref(), Some("kubernetes"));
    press(&mut app, "<Enter>");
    assert!(app.review.text().starts_with("Running Kubernetes"));
    assert_eq!(current_word(&app), None, "no suspect is current after the decision");
    assert!(screen(&app).contains("Tab: next suspect"), "{}", screen(&app));
    // Enter again does nothing rather than fix a word the reader has not looked at.
    let before = app.review.text().to_string();
    press(&mut app, "<Enter>");
    assert_eq!(app.review.text(), before);
    press(&mut app, "<Tab>");
    assert_eq!(current_word(&app).as_deref(), Some("kuberanetes"));
    press(&mut app, "i<S-Tab>");
    assert_eq!(current_word(&app).as_deref(), Some("clustr"), "Shift-Tab wraps to the last suspect before");
    // Undo brings the decided word back as the current suspect.
    press(&mut app, "u");
    assert_eq!(current_word(&app).as_deref(), Some("kuberanetes"));
}

/// A reader on the file at `path`, remembering places in `state` as `galley FILE` does.
fn reader_of_file(path: &std::path::Path, state: &std::path::Path, height: u16) -> App {
    let text = std::fs::read_to_string(path).expect("read");
    let review = Review::new(path, text, Lexicon::new(), Some(Dialect::Us));
    let mut app = App::new(review, Rect::new(0, 0, 60, height), Theme::new(true));
    app.state_dir = Some(state.to_path_buf());
    app.place = galley::store::places::load(state, path);
    app.restore_place();
    app
}

#[test]
fn reopening_a_file_restores_the_reading_place_and_what_was_left_as_written() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (path, state) = (dir.path().join("long.txt"), dir.path().join("state"));
    // Forty rows to scroll past, with no words to weigh the article's casing by.
    let article = format!("{}{ARTICLE}", "* * *\n".repeat(40));
    std::fs::write(&path, &article).expect("write");
    let mut app = reader_of_file(&path, &state, 12);
    assert_eq!(current_word(&app).as_deref(), Some("kubernetes"));
    // Leave `clustr` everywhere and one `teh` as written; stop on `resilcy`.
    press(&mut app, "<Tab><Tab>I");
    assert_eq!(current_word(&app).as_deref(), Some("teh"));
    press(&mut app, "i");
    assert_eq!(current_word(&app).as_deref(), Some("Teh"));
    press(&mut app, "<Tab><Tab>");
    assert_eq!(current_word(&app).as_deref(), Some("resilcy"));
    let top = app.visible_rows()[0];
    assert!(top.start > 0, "the article scrolled");
    app.remember();

    let app = reader_of_file(&path, &state, 12);
    assert_eq!(current_word(&app).as_deref(), Some("resilcy"), "the current suspect comes back");
    assert_eq!(app.visible_rows()[0], top, "the reading place comes back");
    let left: Vec<&str> = app
        .review
        .items()
        .iter()
        .filter(|it| it.status == galley::review::Status::Ignored)
        .map(|it| it.word.as_str())
        .collect();
    assert_eq!(left, ["clustr", "teh", "clustr", "clustr"]);
    assert!(!app.session.modified(&app.review), "remembered ignores are not a change to save");
    assert_eq!(app.message, "back where you left off · 4 words left as written again (u takes them back)");

    // `u` takes them back; a fresh file has no place.
    let mut app = app;
    press(&mut app, "u");
    assert!(app.review.items().iter().all(|it| it.status == galley::review::Status::Pending));
    let other = dir.path().join("other.txt");
    std::fs::write(&other, ARTICLE).expect("write");
    let app = reader_of_file(&other, &state, 12);
    assert_eq!(current_word(&app).as_deref(), Some("kubernetes"));
    assert_eq!(app.visible_rows()[0].start, 0);
}

#[test]
fn the_wrap_setting_narrows_the_article_rows() {
    let mut app = reader(ARTICLE, 120, 16);
    app.wrap = 40;
    app.resize(app.area);
    let rows = app.visible_rows();
    assert!(rows.len() > 3);
    let text = app.review.text();
    for r in &rows {
        let row = &text[r.start..r.end];
        assert!(unicode_width::UnicodeWidthStr::width(row.trim_end()) <= 40, "{row:?}");
    }
    assert!(screen(&app).contains("The kuberanetes clustr runs on three"), "{}", screen(&app));
}

#[test]
fn the_current_suspect_stands_out_and_decided_words_are_marked() {
    let mut app = reader(ARTICLE, 120, 16);
    let mut terminal = Terminal::new(TestBackend::new(120, 16)).expect("terminal");
    terminal.draw(|f| view::draw(f, &app)).expect("draw");
    let modifiers = |t: &Terminal<TestBackend>, x: u16, y: u16| t.backend().buffer()[(x, y)].modifier;
    // " Running kubernetes": the current suspect starts at column 9 of the first row.
    assert!(modifiers(&terminal, 9, 0).contains(ratatui::style::Modifier::REVERSED));
    assert!(!modifiers(&terminal, 2, 0).contains(ratatui::style::Modifier::REVERSED));
    press(&mut app, "<Enter>");
    terminal.draw(|f| view::draw(f, &app)).expect("draw");
    assert!(modifiers(&terminal, 9, 0).contains(ratatui::style::Modifier::BOLD), "fixed words are bold without colour");
    assert!(!modifiers(&terminal, 9, 0).contains(ratatui::style::Modifier::REVERSED));
}

#[test]
fn readme_lists_every_binding_of_the_keymap() {
    let readme = include_str!("../README.md");
    for (_, bindings) in galley::tui::keymap::GROUPS {
        for b in *bindings {
            let row = format!("| `{}` | {} |", b.label, b.help);
            assert!(readme.contains(&row), "README lacks the row {row}");
        }
    }
}

#[test]
fn a_click_on_a_highlighted_word_makes_it_current_and_the_wheel_scrolls() {
    use crossterm::event::{MouseButton, MouseEvent, MouseEventKind};
    let mouse = |kind, column, row| MouseEvent { kind, column, row, modifiers: KeyModifiers::NONE };
    let mut app = reader(ARTICLE, 120, 16);
    // Row 2 is " The kuberanetes clustr runs…": column 17 is inside "clustr".
    app.on_mouse(&mouse(MouseEventKind::Down(MouseButton::Left), 18, 2));
    assert_eq!(current_word(&app).as_deref(), Some("clustr"));
    assert_eq!(app.review.current_item().map(|it| it.span.start), ARTICLE.find("clustr"));
    // A click on a plain word changes nothing.
    app.on_mouse(&mouse(MouseEventKind::Down(MouseButton::Left), 2, 2));
    assert_eq!(current_word(&app).as_deref(), Some("clustr"));
    let long = "word\n".repeat(100);
    let mut app = reader(&long, 120, 16);
    app.on_mouse(&mouse(MouseEventKind::ScrollDown, 5, 5));
    assert_eq!(app.top.line, 3);
    app.on_mouse(&mouse(MouseEventKind::ScrollUp, 5, 5));
    assert_eq!(app.top.line, 0);
}

#[test]
fn resizing_keeps_the_place_and_switches_layout() {
    let mut app = reader(ARTICLE, 60, 24);
    assert!(app.panes().review.y > 0, "stacked when narrow");
    app.resize(Rect::new(0, 0, 140, 24));
    assert_eq!(app.panes().review.y, 0, "side by side when wide");
    assert!(screen(&app).contains("casing · 1 of 10"));
}

/// True when a drawn cell would send a control character to the terminal.
fn raw_controls(app: &App) -> Vec<String> {
    let mut terminal = Terminal::new(TestBackend::new(app.area.width, app.area.height)).expect("terminal");
    terminal.draw(|f| view::draw(f, app)).expect("draw");
    let buffer = terminal.backend().buffer();
    buffer
        .content()
        .iter()
        .filter(|c| c.symbol().chars().any(char::is_control))
        .map(|c| c.symbol().escape_debug().to_string())
        .collect()
}

#[test]
fn no_control_character_from_the_article_or_its_name_reaches_the_terminal() {
    let hostile = "Teh \u{1b}]0;pwned\u{7} title, \u{1b}[2J and \u{9b}31m and teh end.\n";
    let name = "evil\u{1b}]0;owned\u{7}.txt";
    for (width, keys) in [(130, ""), (130, "e"), (130, "x"), (130, "<Enter>"), (80, "L"), (130, "R")] {
        let review = Review::new(name, hostile.to_string(), Lexicon::new(), Some(Dialect::Us));
        let mut app = App::new(review, Rect::new(0, 0, width, 30), Theme::new(true));
        press(&mut app, keys);
        app.message = format!("a message naming {name}");
        assert_eq!(raw_controls(&app), Vec::<String>::new(), "after {keys:?} at {width} columns");
        let s = screen(&app);
        assert!(s.contains("␛]0;owned␇"), "the name is shown, visibly, after {keys:?}:\n{s}");
    }
    let review = Review::new("a.txt", hostile.to_string(), Lexicon::new(), Some(Dialect::Us));
    let app = App::new(review, Rect::new(0, 0, 130, 30), Theme::new(true));
    let s = screen(&app);
    assert!(s.contains("Teh ␛]0;pwned␇ title, ␛[2J and \u{fffd}31m"), "the review pane's sentence:\n{s}");
}

/// Issue 14, 1: taking a fix must not make a new suspect of the word it wrote.
#[test]
fn a_fix_taken_stays_fixed_and_the_counts_follow() {
    let article = "Kendall Roden, a product lead at Diagrid, spoke first. According to roden, teams \
                   now carry a lot of cognitive load. Roden said that platform teams help.\n";
    let mut app = reader(article, 120, 16);
    while current_word(&app).as_deref() != Some("roden") {
        press(&mut app, "<Tab>");
    }
    let (pending, fixed, _) = app.review.counts();
    press(&mut app, "<Enter>");
    assert!(app.review.text().contains("According to Roden, teams"));
    assert_eq!(app.review.counts(), (pending - 1, fixed + 1, 0), "the counts follow the decision");
    assert!(
        app.review.items().iter().all(|it| it.word != "Roden" || it.status != galley::review::Status::Pending),
        "Roden is no suspect now: {:?}",
        app.review.items()
    );
    // A word typed in the edit buffer is judged with what the whole article says of it: the
    // article names Roden, so typing it is no misspelling either.
    press(&mut app, "u");
    while current_word(&app).as_deref() != Some("roden") {
        press(&mut app, "<Tab>");
    }
    press(&mut app, "e<C-u>Roden<Enter>");
    assert_eq!(app.review.counts(), (pending - 1, fixed + 1, 0), "an edit to a word the article uses");
    // A typo typed in the edit buffer is still caught.
    press(&mut app, "u");
    while current_word(&app).as_deref() != Some("roden") {
        press(&mut app, "<Tab>");
    }
    press(&mut app, "e<C-u>Rodden<Enter>");
    assert!(app.review.items().iter().any(|it| it.word == "Rodden" && it.status == galley::review::Status::Pending));
}

fn sample_reader(width: u16, height: u16) -> App {
    reader(galley::cli::SAMPLE, width, height)
}

/// Issue 14, 2: a digit takes only a fix the user can see.
#[test]
fn every_fix_a_digit_can_take_is_on_screen_at_80x24() {
    for (w, h) in [(40, 12), (60, 20), (130, 40)] {
        let mut app = sample_reader(w, h);
        for _ in 0..60 {
            let fixes = app.review.current_fixes().to_vec();
            let s = screen(&app).replace("\"\n\"", "");
            for (n, fix) in fixes.iter().enumerate() {
                assert!(s.contains(&format!("{} {fix}", n + 1)), "{w}x{h}: fix {} ({fix}) is not shown:\n{s}", n + 1);
            }
            press(&mut app, "<Tab>");
        }
    }
    let mut app = sample_reader(80, 24);
    let mut seen = 0;
    for _ in 0..60 {
        let fixes = app.review.current_fixes().to_vec();
        let s = screen(&app);
        let pane: String = s.lines().skip(14).collect::<Vec<_>>().join("\n");
        for (n, fix) in fixes.iter().enumerate() {
            assert!(
                pane.contains(&format!("{} {fix}", n + 1)),
                "fix {} ({fix}) of {fixes:?} is not shown:\n{s}",
                n + 1
            );
        }
        seen = seen.max(fixes.len());
        press(&mut app, "<Tab>");
    }
    assert!(seen >= 5, "the sample has suspects with five fixes or more (saw at most {seen})");
    while app.review.current_fixes().len() < 9 {
        press(&mut app, "<Tab>");
    }
    insta::assert_snapshot!("review_80x24", screen(&app));
}

/// Issue 14, 7: in the edit buffer the cursor is where the next character will go, however
/// the pane wraps the sentence.
#[test]
fn the_edit_cursor_is_where_the_next_character_goes() {
    for (width, height) in [(80, 24), (130, 40), (60, 20)] {
        let mut app = sample_reader(width, height);
        press(&mut app, "<Tab><Tab><Tab>e<C-u>");
        for word in ["a", "longer", "supercalifragilisticexpialidocious", "and more"] {
            press(&mut app, word);
            let (x, y) = cursor(&app).expect("a cursor in the edit buffer");
            press(&mut app, "Q");
            assert_eq!(
                cell(&app, x, y),
                "Q",
                "at {width}x{height} ({x}, {y}) after typing {word:?}:\n{}",
                screen(&app)
            );
            press(&mut app, "<BS>");
        }
    }
}

fn cursor(app: &App) -> Option<(u16, u16)> {
    let mut terminal = Terminal::new(TestBackend::new(app.area.width, app.area.height)).expect("terminal");
    terminal.draw(|f| view::draw(f, app)).expect("draw");
    terminal.get_cursor_position().ok().map(|p| (p.x, p.y))
}

fn cell(app: &App, x: u16, y: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(app.area.width, app.area.height)).expect("terminal");
    terminal.draw(|f| view::draw(f, app)).expect("draw");
    terminal.backend().buffer()[(x, y)].symbol().to_string()
}

/// Issue 14, 3: after a save, the export prompt says which base each diff has, and offers both:
/// the changes since loading (they apply to FILE.bak) and those since the last save.
#[test]
fn after_a_save_export_offers_the_diff_since_loading_and_since_the_save() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("a.txt");
    let original = "Teh cat sat on teh mat.\n";
    std::fs::write(&path, original).expect("write");
    let review = Review::new(&path, original.to_string(), Lexicon::new(), Some(Dialect::Us));
    let mut app = App::new(review, Rect::new(0, 0, 100, 20), Theme::new(true));
    press(&mut app, "x");
    assert!(screen(&app).contains(".diff since loading"), "{}", screen(&app));
    press(&mut app, "<Esc><Enter>s<Enter>x");
    let prompt = screen(&app);
    assert!(prompt.contains(".diff since loading") && prompt.contains(".saved.diff since the save"), "{prompt}");
    let since_load = dir.path().join("all.diff");
    press(&mut app, &format!("<C-u>{}<Enter>", since_load.display()));
    let diff = std::fs::read_to_string(&since_load).expect("exported");
    assert!(diff.contains("-Teh cat sat on teh mat.") && diff.contains("+The cat sat on the mat."), "{diff}");
    let since_save = dir.path().join("last.saved.diff");
    press(&mut app, &format!("x<C-u>{}<Enter>", since_save.display()));
    let diff = std::fs::read_to_string(&since_save).expect("exported");
    assert!(diff.contains("-The cat sat on teh mat.") && diff.contains("+The cat sat on the mat."), "{diff}");
    // The saved file and the backup are what each diff applies to.
    assert_eq!(std::fs::read_to_string(dir.path().join("a.txt.bak")).expect("backup"), original);
    assert_eq!(std::fs::read_to_string(&path).expect("saved"), "The cat sat on teh mat.\n");
}

/// Every prompt at 80x24: the question wraps upwards over the panes rather than running off
/// the screen, and what is typed stays in view with the cursor after it.
#[test]
fn every_prompt_fits_at_80x24() {
    let dir = tempfile::tempdir().expect("tempdir");
    // Typed but never written (Esc): the snapshot needs a path that is the same on every run.
    let long = "some/rather/long/directory/names/for/the/exports/of/this/article/the-article.saved.diff";
    let mut app = sample_reader(80, 24);
    // As the bundled sample opens: no file of its own, so save asks for a path.
    app.unnamed = true;
    press(&mut app, "<Enter>s");
    insta::assert_snapshot!("prompt_save_as_80x24", screen(&app));
    let saved = dir.path().join("saved.txt");
    press(&mut app, &format!("{}<Enter>", saved.display()));
    assert!(saved.exists(), "{}", screen(&app));
    press(&mut app, &format!("x<C-u>{long}"));
    let s = screen(&app);
    let joined = s.replace("\"\n\"", "");
    assert!(joined.contains("the-article.saved.diff") && s.contains(".saved.diff since the save"), "{s}");
    let (x, y) = cursor(&app).expect("cursor");
    press(&mut app, "Q");
    assert_eq!(cell(&app, x, y), "Q", "{}", screen(&app));
    press(&mut app, "<BS>");
    insta::assert_snapshot!("prompt_export_80x24", screen(&app));
    press(&mut app, "<Esc>/kubernetes");
    insta::assert_snapshot!("prompt_search_80x24", screen(&app));
    press(&mut app, "<Esc><Enter>q");
    insta::assert_snapshot!("prompt_quit_80x24", screen(&app));
    press(&mut app, "<Esc>");
    std::fs::write(dir.path().join("taken.txt"), "x").expect("write");
    press(&mut app, &format!("x<C-u>{}<Enter>", dir.path().join("taken.txt").display()));
    let s = screen(&app);
    assert!(s.contains("exists: overwrite? y/n"), "{s}");
}

/// Issue 14, 4: the help never cuts a line off and every binding can be reached, at 80x24 by
/// scrolling with the reading keys, at 130x40 in two columns at once.
#[test]
fn help_scrolls_and_every_binding_can_be_read() {
    for (width, height) in [(80, 24), (130, 40), (40, 12)] {
        let mut app = sample_reader(width, height);
        press(&mut app, "?");
        let first = screen(&app);
        let mut seen = first.clone();
        for _ in 0..40 {
            press(&mut app, "j");
            seen.push_str(&screen(&app));
        }
        assert!(app.help, "j scrolls, and does not close the help");
        for (_, bindings) in galley::tui::keymap::GROUPS {
            for b in *bindings {
                assert!(seen.contains(b.label), "{width}x{height}: {} is never shown", b.label);
                let last_word = b.help.split(' ').next_back().expect("words");
                assert!(seen.contains(last_word), "{width}x{height}: {:?} is cut", b.help);
            }
        }
        for end in ["^W, ^U", "closes"] {
            assert!(seen.contains(end), "{width}x{height}: the notes are cut:\n{seen}");
        }
        if (width, height) == (80, 24) {
            insta::assert_snapshot!("help_80x24", first);
            press(&mut app, "G");
            insta::assert_snapshot!("help_80x24_end", screen(&app));
            press(&mut app, "g");
            assert_eq!(screen(&app), first, "g goes back to the top");
        }
        if (width, height) == (130, 40) {
            assert!(!first.contains("j/k scroll"), "at 130x40 everything fits:\n{first}");
            insta::assert_snapshot!("help_130x40", first);
        }
        press(&mut app, "<Esc>");
        assert!(!app.help);
    }
}

/// The percentage the status line shows.
fn percent(app: &App) -> usize {
    let s = screen(app);
    let status = s.lines().last().expect("status line").to_string();
    let at = status.find('%').unwrap_or_else(|| panic!("no position in {status}"));
    let digits: String = status[..at].chars().rev().take_while(char::is_ascii_digit).collect();
    digits.chars().rev().collect::<String>().parse().expect("a number")
}

/// Issue 14, 5: the position reaches 100% at the end and moves inside a long paragraph, and the
/// status line gives the current suspect's number of the total.
#[test]
fn the_position_reaches_the_end_and_moves_inside_paragraphs() {
    let mut app = sample_reader(80, 24);
    let top = percent(&app);
    press(&mut app, "G");
    assert_eq!(percent(&app), 100, "{}", screen(&app));
    press(&mut app, "g");
    assert_eq!(percent(&app), top);
    let paragraph = "word ".repeat(600) + "\n";
    let mut app = reader(&paragraph, 80, 24);
    let mut last = percent(&app);
    for _ in 0..5 {
        press(&mut app, "j");
        let now = percent(&app);
        assert!(now > last, "j moves the position inside one long line: {last} then {now}");
        last = now;
    }
    let mut app = sample_reader(80, 24);
    press(&mut app, "<Tab><Tab>");
    let status = screen(&app).lines().last().expect("status").to_string();
    let total = app.review.counts().0;
    assert!(status.contains(&format!("3 of {total} left")), "the suspect's number: {status}");
}

/// Issue 14, 6: after any resize the current suspect is in view.
#[test]
fn a_resize_keeps_the_current_suspect_in_view() {
    let mut app = sample_reader(130, 40);
    for _ in 0..30 {
        press(&mut app, "<Tab>");
    }
    for (w, h) in [(80, 24), (40, 12), (200, 60), (60, 20), (130, 40)] {
        app.resize(Rect::new(0, 0, w, h));
        let start = app.review.current_item().expect("a suspect").span.start;
        let rows = app.visible_rows();
        assert!(
            rows.first().is_some_and(|r| r.start <= start) && rows.last().is_some_and(|r| start < r.end),
            "at {w}x{h} the suspect at byte {start} is off screen:\n{}",
            screen(&app)
        );
    }
}

fn status_line(app: &App) -> String {
    screen(app).lines().last().expect("status line").to_string()
}

/// Issue 14, 9: a message lasts until the next key, is never cut, and an undo says what it took
/// back.
#[test]
fn messages_last_one_key_fit_and_say_what_was_undone() {
    let mut app = reader(ARTICLE, 80, 24);
    press(&mut app, "<Enter>");
    assert!(status_line(&app).contains("fixed kubernetes → Kubernetes"), "{}", status_line(&app));
    press(&mut app, "G");
    assert!(!screen(&app).contains("fixed kubernetes"), "the message outstays its key:\n{}", screen(&app));
    press(&mut app, "u");
    assert!(status_line(&app).contains("undone: Kubernetes → kubernetes"), "{}", status_line(&app));
    press(&mut app, "<C-r>");
    assert!(status_line(&app).contains("redone: kubernetes → Kubernetes"), "{}", status_line(&app));
    press(&mut app, "iu");
    assert!(status_line(&app).contains("undone: ignored"), "{}", status_line(&app));
    // A message longer than the line wraps above it, whole.
    let long = "a-replacement-typed-by-hand-that-is-far-too-long-to-share-the-status-line";
    press(&mut app, &format!("e<C-u>{long}<Enter>"));
    let joined = screen(&app).replace("\"\n\"", "");
    assert!(joined.contains("fixed ") && joined.contains(long), "{}", screen(&app));
    insta::assert_snapshot!("long_message_80x24", screen(&app));
}

/// The style of the first cell of `needle` on screen.
fn style_of(app: &App, needle: &str) -> ratatui::style::Style {
    let mut terminal = Terminal::new(TestBackend::new(app.area.width, app.area.height)).expect("terminal");
    terminal.draw(|f| view::draw(f, app)).expect("draw");
    let buffer = terminal.backend().buffer().clone();
    for y in 0..app.area.height {
        let row: String = (0..app.area.width).map(|x| buffer[(x, y)].symbol().to_string()).collect();
        if let Some(col) = row.find(needle) {
            let x = u16::try_from(row[..col].chars().count()).expect("column");
            return buffer[(x, y)].style();
        }
    }
    panic!("{needle} is not on screen");
}

/// Issue 14, 8: search highlights a match inside a suspect, counts its matches, and moves the
/// review with it: a match on a suspect makes it current, and Tab goes on from what is on screen.
#[test]
fn search_marks_counts_and_moves_the_review_with_it() {
    use ratatui::style::Modifier;
    let mut app = reader(ARTICLE, 120, 16);
    let plain = style_of(&app, "kuberanetes");
    press(&mut app, "/beran<Enter>");
    let found = style_of(&app, "kuberanetes");
    assert!(found.add_modifier.contains(Modifier::REVERSED) && !plain.add_modifier.contains(Modifier::REVERSED));
    assert!(status_line(&app).contains("1 of 1"), "{}", status_line(&app));
    assert_eq!(current_word(&app).as_deref(), Some("kuberanetes"), "a match on a suspect makes it current");
    press(&mut app, "/clustr<Enter>");
    assert!(status_line(&app).contains("clustr: 1 of 3"), "{}", status_line(&app));
    press(&mut app, "n");
    assert!(status_line(&app).contains("clustr: 2 of 3"), "{}", status_line(&app));
    assert_eq!(current_word(&app).as_deref(), Some("clustr"));
    press(&mut app, "N");
    assert!(status_line(&app).contains("clustr: 1 of 3"), "{}", status_line(&app));

    // Far from the current suspect, Tab takes the first suspect from the top of the screen on.
    let mut app = sample_reader(80, 24);
    press(&mut app, "G");
    let top = app.visible_rows().first().expect("rows").start;
    press(&mut app, "<Tab>");
    let at = app.review.current_item().expect("a suspect").span.start;
    assert!(at >= top, "Tab jumped back to byte {at}, above the screen (top {top})");
    press(&mut app, "g<S-Tab>");
    let bottom = app.visible_rows().last().expect("rows").end;
    let at = app.review.current_item().expect("a suspect").span.start;
    assert!(at < bottom, "S-Tab after g went below the screen: {at} >= {bottom}");
}

/// The damage map's column: the last column of the article pane, one glyph per row.
fn map_column(app: &App) -> String {
    let x = app.panes().map.x;
    let mut terminal = Terminal::new(TestBackend::new(app.area.width, app.area.height)).expect("terminal");
    terminal.draw(|f| view::draw(f, app)).expect("draw");
    let buffer = terminal.backend().buffer().clone();
    let map = app.panes().map;
    (map.y..map.bottom()).map(|y| buffer[(x, y)].symbol().to_string()).collect()
}

/// Issue 14, 10: the damage map marks where suspects wait and where they were fixed, shows the
/// window on screen, jumps where it is clicked, and is computed once per change.
#[test]
fn the_damage_map_shows_where_the_suspects_are() {
    use crossterm::event::{MouseButton, MouseEvent, MouseEventKind};
    let mut app = sample_reader(130, 40);
    let map = map_column(&app);
    assert_eq!(map.chars().count(), usize::from(app.panes().map.height));
    assert!(map.contains('●') && map.contains('◆'), "misspellings and casing marked: {map}");
    insta::assert_snapshot!("damage_map", screen(&app));
    // Computed once per change, not per frame.
    let (a, b) = (app.damage_map(), app.damage_map());
    assert!(std::rc::Rc::ptr_eq(&a, &b), "the same map for an unchanged review");
    // Fixing every suspect leaves only fixed marks.
    press(&mut app, &"<Enter>".repeat(400));
    assert!(!std::rc::Rc::ptr_eq(&a, &app.damage_map()), "a change makes a new map");
    let map = map_column(&app);
    assert!(map.contains('✓') && !map.contains('●') && !map.contains('◆'), "{map}");
    // A click on the map's last row brings the end of the article into view.
    let mut app = sample_reader(130, 40);
    let panes = app.panes();
    app.on_mouse(&MouseEvent {
        kind: MouseEventKind::Down(MouseButton::Left),
        column: panes.map.x,
        row: panes.map.bottom() - 1,
        modifiers: crossterm::event::KeyModifiers::NONE,
    });
    let last = app.visible_rows().last().expect("rows").end;
    assert!(last + 2 >= app.review.text().len(), "the end is in view: {last} of {}", app.review.text().len());
    let at = app.review.current_item().expect("a suspect").span.start;
    assert!(at >= app.visible_rows()[0].start, "the suspect there is current");
}

/// Issue 14, also: a title and headings read as headings, and an article written a paragraph to a
/// line gets a gap between its paragraphs.
#[test]
fn titles_and_headings_stand_out_and_paragraphs_are_set_apart() {
    use ratatui::style::Modifier;
    let mut app = sample_reader(130, 40);
    let s = screen(&app);
    let lines: Vec<&str> = s.lines().collect();
    let first = lines.iter().position(|l| l.contains("During a discussion")).expect("first paragraph");
    let second = lines.iter().position(|l| l.contains("Shifting left")).expect("second paragraph");
    assert!(
        lines[second - 1]
            .trim_matches('"')
            .split('│')
            .next()
            .is_some_and(|l| l.trim().chars().all(|c| "●◆▲✓".contains(c) || c.is_whitespace())),
        "a gap before the second paragraph:\n{s}"
    );
    assert!(second > first + 1);
    press(&mut app, "/Relationship with<Enter><Esc>");
    assert!(style_of(&app, "Kubernetes' Relationship").add_modifier.contains(Modifier::BOLD), "the heading is bold");
    assert!(!style_of(&app, "Artificial Intelligence").add_modifier.contains(Modifier::BOLD), "a paragraph is not");
    let app = reader(ARTICLE, 120, 16);
    assert!(style_of(&app, "Running").add_modifier.contains(Modifier::BOLD), "the title line");
    insta::assert_snapshot!("paragraphs_and_headings", screen(&sample_reader(80, 24)));
}

/// Every mode at 80x24: the list, the edit buffer, choosing for a replace-all, the overwrite and
/// recovery questions. Each screen is a snapshot, and each question's keys are on it.
#[test]
fn every_mode_works_at_80x24() {
    let mut app = sample_reader(80, 24);
    press(&mut app, "l");
    insta::assert_snapshot!("list_80x24", screen(&app));
    press(&mut app, "l]]e");
    insta::assert_snapshot!("edit_80x24", screen(&app));
    press(&mut app, "<Esc>R");
    let s = screen(&app);
    assert!(s.contains("1-9 or Enter · Esc cancels"), "{s}");
    insta::assert_snapshot!("choose_80x24", s);
    press(&mut app, "<Esc>");
    let dir = tempfile::tempdir().expect("tempdir");
    let taken = dir.path().join("taken.txt");
    std::fs::write(&taken, "x").expect("write");
    press(&mut app, &format!("x<C-u>{}<Enter>", taken.display()));
    let s = screen(&app).replace(&dir.path().display().to_string(), "DIR");
    assert!(s.replace("\"\n\"", "").contains("overwrite? y/n"), "{s}");
    insta::assert_snapshot!("overwrite_80x24", s);
    press(&mut app, "n");
    app.offer = Some(galley::tui::app::Offer {
        recovery: galley::store::journal::Recovery {
            base: galley::cli::SAMPLE.to_string(),
            entries: Vec::new(),
            unsaved: 12,
            unreadable: 0,
            expected: 0,
            file_unchanged: false,
        },
        decline: None,
    });
    app.mode = galley::tui::app::Mode::Recover;
    let s = screen(&app);
    assert!(s.replace("\"\n\"", "").contains("restore them? y/n"), "{s}");
    insta::assert_snapshot!("recover_80x24", s);
}

/// The reader's `a` writes the word to the personal dictionary through the session, and `u`
/// takes it out again: the review itself never touches the disk.
#[test]
fn adding_a_word_writes_the_personal_dictionary_and_undo_takes_it_out() {
    let dir = tempfile::tempdir().expect("tempdir");
    let words = dir.path().join("words.txt");
    let mut app = reader("The qwzxv end.\n", 100, 20);
    app.session = galley::store::session::Session::new(&app.review, Some(words.clone()));
    assert_eq!(current_word(&app).as_deref(), Some("qwzxv"));
    press(&mut app, "a");
    assert_eq!(std::fs::read_to_string(&words).expect("written"), "qwzxv\n");
    press(&mut app, "u");
    assert_eq!(std::fs::read_to_string(&words).expect("still there"), "");
}

/// Issue 16: a web page is drawn as its article, as w3m draws one: the page around it and the
/// tags hidden, a link as its text. Suspects are the prose's only, and `m` shows the source with
/// the markup dimmed so that the prose stands out.
#[test]
fn a_web_page_is_drawn_as_its_article_and_m_shows_the_source() {
    use ratatui::style::Modifier;
    let page = "<!DOCTYPE html>\n<html><body><nav>Hoem</nav>\n<article><p>The clustr runs on <a href=\"https://teh.io\">three nodes</a>.</p></article>\n</body></html>\n";
    let mut app = reader_of("page.html", page, 120, 16);
    let words: Vec<&str> = app.review.items().iter().map(|it| it.word.as_str()).collect();
    assert_eq!(words, ["clustr"], "the article's prose only");
    let s = screen(&app);
    assert!(s.contains("The clustr runs on three nodes."), "{s}");
    assert!(!s.contains("href") && !s.contains("Hoem") && !s.contains('<'), "tags and navigation are hidden:\n{s}");
    assert!(style_of(&app, "three nodes").add_modifier.contains(Modifier::UNDERLINED), "a link");
    insta::assert_snapshot!("html_page", s);
    press(&mut app, "m");
    assert!(style_of(&app, "href").add_modifier.contains(Modifier::DIM), "a tag is dimmed");
    assert!(style_of(&app, "Hoem").add_modifier.contains(Modifier::DIM), "navigation is dimmed");
    assert!(!style_of(&app, "three nodes").add_modifier.contains(Modifier::DIM), "prose is not");
    assert!(status_line(&app).contains("the source as written"));
    // A fix keeps the markup where it was.
    press(&mut app, "<Enter>");
    assert_eq!(app.review.text(), page.replace("clustr", "cluster"));
    // The fixed article exports as Markdown, or as text.
    let dir = tempfile::tempdir().expect("tempdir");
    for (name, article) in [
        ("article.md", "The cluster runs on [three nodes](https://teh.io).\n"),
        ("article.txt", "The cluster runs on three nodes.\n"),
    ] {
        let path = dir.path().join(name);
        press(&mut app, &format!("x<C-u>{}<Enter>", path.display()));
        assert_eq!(std::fs::read_to_string(&path).expect("exported"), article);
    }
    assert!(style_of(&app, "href").add_modifier.contains(Modifier::DIM), "the dimmed markup moved with the edit");
}

/// A page with nothing to fix opens where its prose begins, not on its `<head>`.
#[test]
fn a_page_opens_where_its_prose_begins() {
    let mut head = String::new();
    for i in 0..40 {
        head.push_str("<meta name=\"m");
        head.push_str(&i.to_string());
        head.push_str("\" content=\"x\">\n");
    }
    let page = format!(
        "<!DOCTYPE html>\n<html><head>\n{head}</head><body><article>\n<p>The cluster is healthy.</p>\n</article></body></html>\n"
    );
    let review = Review::new("page.html", page, Lexicon::new(), Some(Dialect::Us));
    let app = App::new(review, Rect::new(0, 0, 120, 16), Theme::new(true));
    let shown =
        app.visible_rows().iter().any(|r| app.review.text()[r.start..r.end].contains("The cluster is healthy."));
    assert!(shown, "{}", screen(&app));
    assert!(!screen(&app).contains("m0\""), "the head is scrolled past: {}", screen(&app));
}

/// Issue 16: a web page exports as its fixed article's text (`.txt`), as the fixed page
/// (`.html`), or as a diff of the source.
#[test]
fn a_page_exports_as_its_fixed_article_or_its_source() {
    let dir = tempfile::tempdir().expect("tempdir");
    let page =
        "<html><body><nav>Menu</nav><article><h1>Report</h1>\n<p>The clustr is up.</p></article></body></html>\n";
    let mut app = reader_of("page.html", page, 120, 16);
    press(&mut app, "<Enter>");
    for (name, want) in
        [("out.txt", "Report\n\nThe cluster is up.\n".to_string()), ("out.html", page.replace("clustr", "cluster"))]
    {
        let path = dir.path().join(name);
        press(&mut app, &format!("x<C-u>{}<Enter>", path.display()));
        assert_eq!(std::fs::read_to_string(&path).expect("exported"), want, "{name}");
    }
    let diff = dir.path().join("out.diff");
    press(&mut app, &format!("x<C-u>{}<Enter>", diff.display()));
    assert!(
        std::fs::read_to_string(&diff).expect("diff").contains("+<p>The cluster is up.</p></article></body></html>")
    );
}

/// In Markdown, a paragraph wrapped over several lines is one paragraph: the review pane shows
/// the suspect's whole sentence, not only its line.
#[test]
fn the_review_pane_reads_a_wrapped_markdown_paragraph_as_one() {
    let md = "# Notes\n\nThe operators said that the\nclustr is healthy today.\n\nAnother paragraph.\n";
    let app = reader_of("notes.md", md, 140, 16);
    assert_eq!(current_word(&app).as_deref(), Some("clustr"));
    let s = screen(&app);
    assert!(s.contains("│The operators said that the clustr is"), "{s}");
}

/// Release notes written in Markdown, with every block glow renders; some paragraphs are
/// hard-wrapped in the source, and drawn joined all the same.
const NOTES_MD: &str = "# Release notes\n\nSome *emphasis*, **strong** words,\n`inline code` and a [link to\nthe docs](https://example.com/docs).\n\n## What changed\n\n- The first item is long enough that it has\n  to wrap onto a second row in a narrow pane.\n  - A nested item about the clustr.\n- [x] A task that is done\n1. First step\n2. Second step with more words than fit on one row of this pane.\n\n> A quote that runs long enough to wrap\n> onto a second row of the pane.\n\n| Tool | Speed | Notes |\n|:-----|------:|:-----:|\n| galley | 1.2 M | fast |\n| aspell | 3.5 M | **faster** |\n\n```rust\nfn main() { println!(\"a line of code that is far too long to fit in the pane\"); }\n```\n\n---\n\nThe end.\n";

/// Issue 16: Markdown is rendered as glow does: headings, emphasis and links without their
/// marks, bullets by depth, quotes with a bar, tables aligned, code blocks unwrapped, and the
/// rows of a list item or a quote hang under its first word. `m` shows the source as written.
#[test]
fn markdown_is_rendered_as_glow_does_and_m_shows_the_source() {
    use ratatui::style::Modifier;
    let mut app = reader_of("notes.md", NOTES_MD, 60, 48);
    press(&mut app, "g");
    let s = screen(&app);
    for markup in ["# ", "**", "`", "](", "```", "|---", "- The", "> A"] {
        assert!(!s.contains(markup), "{markup} is drawn:\n{s}");
    }
    for shown in [
        "Release notes",
        "Some emphasis, strong words, inline code and a link to",
        "• The first item",
        "  ◦ A nested item",
        "• ☑ A task",
        "│ A quote",
        "│ Tool   │ Speed │ Notes  │",
        "├────────┼───────┼────────┤",
        "│ aspell │ 3.5 M │ faster │",
        "fn main() { println!(\"a line of code that is far too long",
        "\"   second row in a narrow pane.",
        "\" │ of the pane.",
    ] {
        assert!(s.contains(shown), "{shown} is not drawn:\n{s}");
    }
    assert!(!s.contains("to fit in the pane"), "a code block is not wrapped:\n{s}");
    insta::assert_snapshot!("markdown_rendered", s);
    assert!(style_of(&app, "strong").add_modifier.contains(Modifier::BOLD));
    assert!(style_of(&app, "emphasis").add_modifier.contains(Modifier::ITALIC));
    assert!(style_of(&app, "link to").add_modifier.contains(Modifier::UNDERLINED));
    assert!(style_of(&app, "Release notes").add_modifier.contains(Modifier::REVERSED), "the title stands out");
    assert!(!style_of(&app, "inline code").add_modifier.contains(Modifier::DIM), "code is not dimmed as markup");
    press(&mut app, "m");
    let raw = screen(&app);
    assert!(raw.contains("**strong**") && raw.contains("| Tool | Speed | Notes |"), "{raw}");
    assert_eq!(app.message, "the source as written, markup dimmed");
    press(&mut app, "m");
    let article = |s: &str| s.lines().take(38).collect::<Vec<_>>().join("\n");
    assert_eq!(article(&screen(&app)), article(&s), "m again renders it");
}

/// Issue 16: a fix taken in rendered Markdown changes the source's bytes of the word alone, and
/// undo gives back the source byte for byte.
#[test]
fn a_fix_in_rendered_markdown_changes_only_the_words_bytes() {
    let md = "- The **clustr** runs, as [teh docs](https://teh.io/clustr) say.\n";
    let mut app = reader_of("notes.md", md, 80, 16);
    assert_eq!(current_word(&app).as_deref(), Some("clustr"));
    assert!(screen(&app).contains("• The clustr runs, as teh docs say."), "{}", screen(&app));
    press(&mut app, "<Enter><Enter>");
    assert_eq!(app.review.text(), "- The **cluster** runs, as [the docs](https://teh.io/clustr) say.\n");
    assert!(screen(&app).contains("• The cluster runs, as the docs say."), "{}", screen(&app));
    press(&mut app, "uu");
    assert_eq!(app.review.text(), md);
}

/// Issue 16: a click finds the word under the mouse in rendered Markdown, where the markup
/// before it takes no column.
#[test]
fn a_click_in_rendered_markdown_finds_the_word_under_it() {
    use crossterm::event::{MouseButton, MouseEvent, MouseEventKind};
    let md = "Teh **bold** and [a link](https://x.io) then clustr.\n";
    let mut app = reader_of("notes.md", md, 80, 16);
    assert_eq!(current_word(&app).as_deref(), Some("Teh"));
    let s = screen(&app);
    let line = s.lines().find(|l| l.contains("then clustr")).expect("the line is drawn");
    let column = u16::try_from(line[..line.find("clustr").expect("clustr")].chars().count()).expect("column");
    let row = u16::try_from(s.lines().position(|l| l.contains("then clustr")).expect("row")).expect("row");
    let click = MouseEvent {
        kind: MouseEventKind::Down(MouseButton::Left),
        column: column + 2,
        row,
        modifiers: KeyModifiers::NONE,
    };
    app.on_mouse(&click);
    assert_eq!(current_word(&app).as_deref(), Some("clustr"));
    // A click on a link's text says where it leads.
    let column = u16::try_from(line[..line.find("a link").expect("the link")].chars().count()).expect("column");
    app.on_mouse(&MouseEvent { column: column + 1, ..click });
    assert_eq!(app.message, "link: https://x.io");
    assert!(status_line(&app).contains("link: https://x.io"), "{}", status_line(&app));
}

/// The review pane's part of the screen: the rows from its title down.
fn review_pane(app: &App) -> String {
    let s = screen(app);
    let at = s.find("┌ ").expect("the review pane is drawn");
    s[at..].to_string()
}

#[test]
fn the_review_pane_reads_the_sentence_as_the_article_pane_draws_it() {
    // A list item whose sentence the source breaks over two lines: no bullet, one space.
    let md = "# Notes\n\n- A nested item about\n  the clustr today.\n";
    let mut app = reader_of("notes.md", md, 70, 24);
    assert_eq!(current_word(&app).as_deref(), Some("clustr"));
    let pane = review_pane(&app);
    assert!(pane.contains("A nested item about the clustr today."), "{pane}");
    assert!(!pane.contains('•') && !pane.contains("- A"), "{pane}");
    // The source shown as written reads the prose with its markup as spaces, as before.
    press(&mut app, "m");
    let pane = review_pane(&app);
    assert!(pane.contains("A nested item about the clustr today."), "{pane}");
    // A page: an entity reads as its character, a quote has no bar.
    let html = "<article><blockquote><p>Tom &amp; Jerry run\n    the clustr.</p></blockquote></article>";
    let app = reader_of("page.html", html, 70, 24);
    assert_eq!(current_word(&app).as_deref(), Some("clustr"));
    let pane = review_pane(&app);
    assert!(pane.contains("Tom & Jerry run the clustr."), "{pane}");
    assert!(!pane.contains("&amp;") && !pane.contains("││"), "{pane}");
}

#[test]
fn o_says_where_each_link_on_screen_leads() {
    let md = "# Links\n\nSee [the docs](https://example.com/docs) and\n[the code](https://example.com/code).\n";
    let mut app = reader_of("links.md", md, 70, 24);
    // The reader's theme here marks a match reversed.
    let marked = |app: &App| style_of(app, "the docs").add_modifier.contains(ratatui::style::Modifier::REVERSED);
    assert!(!marked(&app));
    press(&mut app, "o");
    assert_eq!(app.message, "link 1 of 2 on screen: https://example.com/docs");
    assert!(marked(&app), "the link shown is marked");
    press(&mut app, "o");
    assert_eq!(app.message, "link 2 of 2 on screen: https://example.com/code");
    press(&mut app, "o");
    assert_eq!(app.message, "link 1 of 2 on screen: https://example.com/docs", "round again");
    press(&mut app, "j");
    assert!(app.link.is_none(), "another key clears the mark");
    let mut plain = reader("No links here.\n", 70, 24);
    press(&mut plain, "o");
    assert_eq!(plain.message, "no link on screen");
}

#[test]
fn m_keeps_the_place_though_rendered_paragraphs_join_their_lines() {
    // Forty paragraphs of five short lines each: rendered, each is one line of the wrapping.
    let mut md = String::new();
    for k in 0..40 {
        md += "Paragraph ";
        md += &k.to_string();
        md += " begins here\nand goes on over\nfive short lines\nof its source\nuntil it ends.\n\n";
    }
    let mut app = reader_of("long.md", &md, 70, 24);
    press(&mut app, "/Paragraph 30 <Enter>");
    assert!(screen(&app).contains("Paragraph 30 begins"), "{}", screen(&app));
    press(&mut app, "m");
    assert!(screen(&app).contains("Paragraph 30 begins"), "the source keeps the place:\n{}", screen(&app));
    press(&mut app, "m");
    assert!(screen(&app).contains("Paragraph 30 begins"), "rendered again, too:\n{}", screen(&app));
}
