//! Quality floors, so that a change that makes galley worse cannot land silently.
//! Figures: `cargo run --release --example score -- tests/data/dev`.

use galley::lexicon::{Dialect, Lexicon};
#[path = "../examples/support/score.rs"]
mod score;
use galley::check::suggest::suggest;
use score::Score;
use std::path::Path;

#[test]
fn common_misspellings_get_the_intended_word_first() {
    let lexicon = Lexicon::new();
    let list = include_str!("data/common-misspellings.tsv");
    let pairs: Vec<(&str, &str)> =
        list.lines().filter(|l| !l.starts_with('#')).filter_map(|l| l.split_once('\t')).collect();
    let mut misses = Vec::new();
    for (typo, want) in &pairs {
        let got = suggest(&lexicon, typo, Dialect::Us);
        // A listed "misspelling" that is itself a word (calender) has no suggestions.
        if got.first().map(String::as_str) != Some(want) && !(got.is_empty() && typo == want) {
            misses.push(format!("{typo} -> {got:?} (want {want})"));
        }
    }
    let right = pairs.len() - misses.len();
    assert!(right * 100 >= pairs.len() * 85, "{right}/{} right first; misses:\n{}", pairs.len(), misses.join("\n"));
}

/// The same everyday misspellings in a sentence: `check` flags them and `fix` takes the intended
/// word, though clean prose itself writes some of them (`recieve`, `accomodate`, `dont`).
#[test]
fn common_misspellings_in_a_sentence_are_flagged_and_fixed() {
    let lexicon = Lexicon::new();
    let list = include_str!("data/common-misspellings.tsv");
    let pairs: Vec<(&str, &str)> = list
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split_once('\t'))
        .filter(|(typo, want)| typo != want)
        .collect();
    let (mut flagged, mut fixed, mut misses) = (0, 0, Vec::new());
    for (typo, want) in &pairs {
        let text = format!("It was {typo} in the end.");
        let checked = galley::check::check(&text, &lexicon, &galley::check::Options::default());
        let Some(s) = checked.suspects.iter().find(|s| s.word(&text) == *typo) else {
            misses.push(format!("{typo}: not flagged"));
            continue;
        };
        flagged += 1;
        if s.confident && s.suggestions.first() == Some(*want) {
            fixed += 1;
        }
    }
    let n = pairs.len();
    // 94%, not 95: the 47 M-word corpus writes `existance` (17 times beside 660 `existence`) and
    // `alot` (15) often enough to be taken for words. Taking the words it writes 30 to 100 times
    // less often than one a letter away for slips would catch them, but half of such words are
    // terms (`lints`, `sstable`, `logit`), and it raised more flags on clean text of the tune parts.
    assert!(flagged * 100 >= n * 94, "{flagged}/{n} flagged: {misses:?}");
    assert!(fixed * 100 >= n * 75, "{fixed}/{n} fixed");
}

#[test]
fn development_set_figures_hold() {
    // A copy of the shared development set (shared/dev), kept in the repository so that this
    // test measures on every checkout and fails, rather than skips, when its data is missing.
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/dev");
    let entries = std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    let lexicon = Lexicon::new();
    let (mut score, mut pairs) = (Score::default(), 0);
    for e in entries.filter_map(Result::ok) {
        let g = e.path();
        let name = g.to_string_lossy().into_owned();
        if let Some(base) = name.strip_suffix(".garbled.txt") {
            let clean = std::fs::read_to_string(format!("{base}.clean.txt")).expect("clean text");
            score.add(&lexicon, &clean, &std::fs::read_to_string(&g).expect("garbled"), None);
            pairs += 1;
        }
    }
    assert_eq!(pairs, 6, "the six development pairs in {}", dir.display());
    let t = score.non_word;
    assert!(t.errors > 50, "too few errors found: {t:?}");
    assert!(t.flagged * 100 >= t.errors * 97, "non-word errors flagged: {t:?}");
    assert!(t.first_word * 100 >= t.errors * 93, "right word first: {t:?}");
    assert!(score.false_alarm_rate() <= 1.0, "flags per 1,000 clean words: {}", score.false_alarm_rate());
    assert!(
        score.clean_taken_rate() <= 0.5,
        "right words fix changes per 1,000 clean words: {}",
        score.clean_taken_rate()
    );
    // Casing in context (issue 4).
    let c = score.casing;
    assert!(c.errors > 500, "too few casing errors found: {c:?}");
    assert!(c.first_right * 100 >= c.errors * 85, "casing errors with the right fix first: {c:?}");
    let all = [score.casing, score.non_word, score.real_word];
    let (fixed, errors) = all.iter().fold((0, 0), |(f, e), t| (f + t.fixed, e + t.errors));
    assert!(fixed * 100 >= errors * 75, "fix corrects {fixed} of {errors} errors");
    // Not yet at the 2 per 1,000 asked for; this floor keeps it from getting worse.
    assert!(score.fix_damage_rate() <= 2.0, "fix changes {} of every 1,000 right words", score.fix_damage_rate());
}

#[path = "support/eval_texts.rs"]
mod eval_texts;
#[path = "../examples/support/garble.rs"]
mod garble;

/// Floors on text no rule was written from: the READMEs of galley's own dependencies, damaged at
/// the bundled sample's rates, the part kept apart for reporting. The floors sit a little under
/// today's figures (README, "Quality"): they keep a change from making galley worse where it was
/// not tuned; issue 13's model is to raise them.
#[test]
fn figures_on_text_no_rule_was_written_from_hold() {
    let texts: Vec<(String, String)> =
        eval_texts::texts().into_iter().filter(|(n, _)| eval_texts::reported(n)).collect();
    assert!(texts.len() >= 20, "only {} texts: is cargo's registry cache there (build galley first)?", texts.len());
    let score = scored(&texts);
    let (n, c, r) = (score.non_word, score.casing, score.real_word);
    assert!(n.errors > 200 && c.errors > 1000 && r.errors > 200, "too few errors: {n:?} {c:?} {r:?}");
    // Real words fixed 40 and right words changed 5 until the garbler lowered a share of the
    // names and acronyms, as real damage does (the fortieth session): more names stand to break.
    let floors = Floors { non_word: (97, 88), casing_first: 85, real_word: (54, 37), fixed: 81 };
    floors.hold(&score, 6.0, (1.2, 0.6));
}

/// The clean `texts` (by name) damaged at the bundled sample's rates, each by a seed of its
/// name, and scored against their originals.
fn scored(texts: &[(String, String)]) -> Score {
    let lexicon = Lexicon::new();
    let mut score = Score::default();
    for (name, text) in texts {
        let (garbled, _) = garble::garble(text, &lexicon, garble::Rates::SAMPLE, eval_texts::seed_of(name));
        score.add(&lexicon, text, &garbled, None);
    }
    score
}

/// The floors a part kept apart for reporting must keep, in percent of its errors.
struct Floors {
    /// Non-word errors flagged, and with the right word first.
    non_word: (usize, usize),
    /// Casing errors with the right fix first.
    casing_first: usize,
    /// Real-word errors flagged, and fixed.
    real_word: (usize, usize),
    /// All errors `fix` corrects.
    fixed: usize,
}

impl Floors {
    /// Asserts the floors, and at most `damage` right words changed, and `alarms` flags on the
    /// clean texts of which `fix` takes `taken`, per 1,000 words.
    fn hold(&self, score: &Score, damage: f64, (alarms, taken): (f64, f64)) {
        let (n, c, r) = (score.non_word, score.casing, score.real_word);
        assert!(n.flagged * 100 >= n.errors * self.non_word.0, "non-word errors flagged: {n:?}");
        assert!(n.first_word * 100 >= n.errors * self.non_word.1, "non-words with the right word first: {n:?}");
        assert!(c.first_right * 100 >= c.errors * self.casing_first, "casing errors with the right fix first: {c:?}");
        assert!(r.flagged * 100 >= r.errors * self.real_word.0, "real-word errors flagged: {r:?}");
        assert!(r.fixed * 100 >= r.errors * self.real_word.1, "real-word errors fixed: {r:?}");
        let all = [score.casing, score.non_word, score.real_word];
        let (fixed, errors) = all.iter().fold((0, 0), |(f, e), t| (f + t.fixed, e + t.errors));
        assert!(fixed * 100 >= errors * self.fixed, "fix corrects {fixed} of {errors} errors");
        assert!(
            score.fix_damage_rate() <= damage,
            "fix changes {} of every 1,000 right words",
            score.fix_damage_rate()
        );
        assert!(score.false_alarm_rate() <= alarms, "flags per 1,000 clean words: {}", score.false_alarm_rate());
        assert!(
            score.clean_taken_rate() <= taken,
            "right words fix changes per 1,000 clean words: {}",
            score.clean_taken_rate()
        );
    }
}

/// The half of a set of articles kept apart for reporting (`tests/data/DIR`, made by
/// `scripts/make-articles.py`; assets/NOTICE.md has their sources), scored damaged at the bundled
/// sample's rates; at least `least` articles with enough errors of each kind, or the data is
/// missing.
fn articles_reported(dir: &str, least: usize) -> Score {
    let score = scored(&articles_kept_apart(dir, least));
    let (n, c, r) = (score.non_word, score.casing, score.real_word);
    assert!(n.errors > 2000 && c.errors > 10_000 && r.errors > 1000, "too few errors: {n:?} {c:?} {r:?}");
    score
}

/// The clean articles of `tests/data/DIR` kept apart for reporting, by name, in the order of
/// their names: at least `least` of them, or the data is missing.
fn articles_kept_apart(dir: &str, least: usize) -> Vec<(String, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data").join(dir);
    let entries = std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    let mut texts: Vec<(String, String)> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .map(|p| {
            let name = p.file_stem().and_then(|s| s.to_str()).unwrap_or_default().to_string();
            (name, std::fs::read_to_string(&p).expect("article"))
        })
        .filter(|(name, _)| eval_texts::reported(name))
        .collect();
    texts.sort();
    assert!(texts.len() >= least, "only {} articles to report in {}", texts.len(), dir.display());
    texts
}

/// The articles kept apart (the Rust blog's and the other blogs'), damaged, then put one after
/// another in one text, a blank line between two, as a long file of many articles holds them:
/// each section of it is judged as an article, and the figures stay near those of the articles
/// checked one by one (82.0% fixed). Judged as one article, such a text had 59% of its errors
/// fixed: its damage and its own words were estimated over all of its articles.
#[test]
fn figures_on_articles_in_one_long_text_hold() {
    let texts = [articles_kept_apart("articles", 200), articles_kept_apart("articles-cloud", 140)].concat();
    let lexicon = Lexicon::new();
    let (mut clean, mut garbled) = (Vec::new(), Vec::new());
    for (name, text) in &texts {
        garbled.push(garble::garble(text, &lexicon, garble::Rates::SAMPLE, eval_texts::seed_of(name)).0);
        clean.push(text.as_str());
    }
    let (clean, garbled) = (clean.join("\n\n"), garbled.join("\n\n"));
    assert!(garbled.len() > 1_000_000, "{} bytes", garbled.len());
    let mut score = Score::default();
    score.add(&lexicon, &clean, &garbled, None);
    // Real words fixed: 33 until the garbler Capitalised slips too (the thirty-ninth session), 32
    // until it lowered a share of the names and acronyms (the fortieth).
    let floors = Floors { non_word: (98, 88), casing_first: 86, real_word: (50, 30), fixed: 81 };
    floors.hold(&score, 9.5, (1.5, 0.5));
}

/// Floors on articles no rule was written from: the Rust blog's posts as prose, the half kept
/// apart. These are what galley's readers read: announcements and reports of meetings in a
/// person's voice, where the documentation the model counted says less.
#[test]
fn figures_on_articles_hold() {
    let score = articles_reported("articles", 200);
    // Real words fixed: 32 until the garbler Capitalised slips too (the thirty-ninth session).
    // Right words changed 7.5 until it lowered a share of the names, as real damage does (the
    // fortieth): names it left as they were stand to break. Real words fixed 30 until rare words
    // the damage Capitalised were weighed as slips too (the forty-eighth: 31.8% -> 34.5%); 32
    // until the real-word chance was fitted on long texts too (the sixty-ninth: 32.1% -> 30.8%,
    // for 25 fewer right words changed here, and 36.2% fixed, from 33.9%, of all four sets'
    // report parts joined).
    let floors = Floors { non_word: (98, 87), casing_first: 86, real_word: (49, 30), fixed: 80 };
    floors.hold(&score, 9.0, (1.6, 0.7));
}

/// Articles arrive hard-wrapped (mail, text exports, `fold`): the Rust blog's half kept apart,
/// damaged and then wrapped at 72 columns, holds the floors of the articles as written. Wrapped
/// so, it had 82.3% of its errors fixed until the fifty-seventh session, which reads a wrapped
/// paragraph as one (84.4%, against 84.5% unwrapped). Real words fixed as the articles as written
/// (30 since the sixty-ninth session).
#[test]
fn figures_on_hard_wrapped_articles_hold() {
    let lexicon = Lexicon::new();
    let mut score = Score::default();
    for (name, text) in &articles_kept_apart("articles", 200) {
        let (garbled, _) = garble::garble(text, &lexicon, garble::Rates::SAMPLE, eval_texts::seed_of(name));
        score.add(&lexicon, &score::wrapped(text, 72), &score::wrapped(&garbled, 72), None);
    }
    let floors = Floors { non_word: (98, 87), casing_first: 86, real_word: (49, 30), fixed: 83 };
    floors.hold(&score, 9.0, (1.6, 0.7));
}

/// ... and on articles of another field, by other authors, whose names the Rust blog never
/// writes: OpenTelemetry's and Prometheus's blogs (`tests/data/articles-cloud`), added in the
/// twenty-ninth session and measured before any change was tuned on them.
#[test]
fn figures_on_articles_of_another_field_hold() {
    let score = articles_reported("articles-cloud", 140);
    // Non-words flagged 99 and real words fixed 29 until the garbler Capitalised slips too (the
    // thirty-ninth session): a Capitalised misspelling two edits from its word is taken for a name.
    // Real words fixed 27 until it lowered a share of the names and acronyms (the fortieth), 25
    // until rare words the damage Capitalised were weighed as slips too (the forty-eighth: 26.7%
    // -> 28.6%).
    let floors = Floors { non_word: (98, 89), casing_first: 85, real_word: (45, 27), fixed: 79 };
    floors.hold(&score, 11.0, (1.3, 0.5));
}

/// A very common word that is also a name (`Will`) makes a name with a sure one beside it (`Will
/// Smith`), but a word of two letters is a function word there: in a damaged article (the Rust
/// blog's posts, damaged as the evaluation damages them, with `in` Capitalised there where the
/// damage left it), `written In Rust` is `written in Rust`.
#[test]
fn a_function_word_capitalised_before_a_name_is_lowered() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/articles");
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(Result::ok)
        .map(|e| e.path())
        .collect();
    names.sort();
    let lexicon = Lexicon::new();
    let mut seen = 0;
    for path in names {
        let clean = std::fs::read_to_string(&path).expect("article");
        let name = path.file_stem().and_then(|s| s.to_str()).unwrap_or_default();
        if !clean.contains("ritten in Rust") {
            continue;
        }
        let (garbled, _) = garble::garble(&clean, &lexicon, garble::Rates::SAMPLE, eval_texts::seed_of(name));
        // Where the damage left `in` alone, it is Capitalised as the damage Capitalises words: the
        // test is about the article's other damage around it, whatever the garbler's seed.
        let garbled = garbled.replacen("ritten in Rust", "ritten In Rust", 1);
        if !garbled.contains("ritten In Rust") {
            continue;
        }
        seen += 1;
        let checked = galley::check::check(&garbled, &lexicon, &galley::check::Options::default());
        let doc = galley::document::Document::new("t", garbled.clone());
        let sure = checked.suspects.iter().filter(|s| s.confident);
        let fixed = doc.replaced(sure.filter_map(|s| s.suggestions.first().map(|f| (s.span, f))));
        assert!(!fixed.contains("ritten In Rust"), "{name}: {}", &fixed[fixed.find("ritten In").unwrap_or(0)..][..40]);
    }
    assert!(seen > 0, "the damage this test is about");
}

/// A long document damaged as the sample is (this repository's changelog, one text of about
/// 300 KB): the commonest word, Capitalised inside sentences again and again by the damage, is
/// still the damage's wherever it stands (`so The Rows Now Hold`). Until the sixty-fifth session
/// a Capitalised word written so three times or more inside sentences was weighed as the
/// article's own at each use (`the Project`), however many more times the text wrote it in
/// small letters: half of these were left as they were.
#[test]
fn the_commonest_word_capitalised_again_and_again_in_a_long_text_is_the_damages() {
    let clean = include_str!("../CHANGELOG.md");
    let lexicon = Lexicon::new();
    let (garbled, _) = garble::garble(clean, &lexicon, garble::Rates::SAMPLE, 65);
    // Each chunk of the damaged text and where it starts, beside the clean chunk it stands for.
    let chunks: Vec<(usize, &str)> =
        garbled.split_ascii_whitespace().map(|w| (w.as_ptr() as usize - garbled.as_ptr() as usize, w)).collect();
    let originals: Vec<&str> = clean.split_ascii_whitespace().collect();
    assert_eq!(chunks.len(), originals.len(), "the damage keeps the text chunk for chunk");
    let inside = |i: usize| i > 0 && !originals[i - 1].ends_with(['.', '!', '?', ':']);
    let capitalised: Vec<usize> = (0..chunks.len())
        .filter(|&i| originals[i] == "the" && chunks[i].1 == "The" && inside(i))
        .map(|i| chunks[i].0)
        .collect();
    assert!(capitalised.len() >= 100, "too few for the test: {}", capitalised.len());
    let checked = galley::check::check(&garbled, &lexicon, &galley::check::Options::default());
    let lowered: std::collections::HashSet<usize> =
        checked.suspects.iter().filter(|s| s.suggestions.first() == Some("the")).map(|s| s.span.start).collect();
    let found = capitalised.iter().filter(|at| lowered.contains(at)).count();
    assert!(found * 100 >= capitalised.len() * 95, "{found} of {} flagged", capitalised.len());
}

/// The scorer itself: a name of two words that `fix` mends as one (`Apache kafka` -> `Apache
/// Kafka`) is one casing error fixed and no right word changed, not a right word broken and an
/// error missed, as when only the suspect's first word was scored.
#[test]
fn a_fix_over_two_words_is_scored_word_for_word() {
    let mut score = Score::default();
    let clean = "The services talk through Apache Kafka as a queue between them.\n";
    let garbled = "The services talk through Apache kafka as a queue between them.\n";
    score.add(&Lexicon::new(), clean, garbled, None);
    assert_eq!((score.casing.errors, score.casing.flagged, score.casing.fixed), (1, 1, 1), "{:?}", score.misses);
    assert_eq!(score.broken_by_fix, 0, "{:?}", score.broken);
}

/// The authors' own typos that the scorer counts apart from right words
/// (`tests/data/eval-errata.tsv`) are typos: no dialect knows the word as written and every one
/// knows the word meant; a doubled word is meant once. A real word put there would hide a right
/// word that galley changes.
#[test]
fn the_authors_typos_the_scorer_counts_apart_are_no_words_and_mean_words() {
    let lexicon = Lexicon::new();
    let known = |w: &str| {
        [Dialect::Us, Dialect::Gb].iter().any(|&d| lexicon.verdict(w, d) != galley::lexicon::Verdict::Unknown)
            || lexicon.verdict(&w.to_lowercase(), Dialect::Us) != galley::lexicon::Verdict::Unknown
    };
    let errata = score::errata();
    assert!(errata.len() >= 100, "{} errata", errata.len());
    let mut wrong = Vec::new();
    for (written, meant) in errata {
        let ok = match written.split_once(' ') {
            Some((a, b)) => a == b && a == meant,
            None => !known(written) && known(meant) && written != meant,
        };
        if !ok {
            wrong.push(format!("{written} -> {meant}"));
        }
    }
    wrong.sort();
    assert!(wrong.is_empty(), "not a typo and its word: {wrong:?}");
}
