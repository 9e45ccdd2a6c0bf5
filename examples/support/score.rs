//! The quality scorer: measures the checker against pairs of texts, a damaged one and its
//! original, aligned word for word (whitespace-separated chunks in the same order).
//!
//! Every chunk that differs is an error, classed as `casing` (differs only in case),
//! `non-word` (the damaged word is unknown to the lexicon) or `real-word` (it is another valid
//! word). For each class it counts errors flagged (a suspect starts inside the chunk) and errors
//! whose first suggestion restores the chunk exactly. It also counts flags on the original texts
//! (false alarms) and what `fix` does: errors it corrects and correct words it changes.

#![allow(dead_code)] // each includer uses a part

use galley::check::{Options, check};
use galley::lexicon::{Dialect, Lexicon, Verdict};
use galley::span::Span;
use galley::suspect::{Fixes, Kind};

/// Error classes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Class {
    /// Differs only in letter case.
    Casing,
    /// The damaged word is not a word.
    NonWord,
    /// The damaged word is another word.
    RealWord,
}

/// Counts for one error class.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    /// Errors of this class.
    pub errors: usize,
    /// Errors with a suspect on them.
    pub flagged: usize,
    /// Errors whose first suggestion restores the original, whether `fix` takes it or not.
    pub first_right: usize,
    /// Errors whose first suggestion is the right word, in any casing.
    pub first_word: usize,
    /// Errors whose right word is among the fixes offered, in any casing.
    pub listed: usize,
    /// Errors that `fix` restores.
    pub fixed: usize,
}

/// The figures for a set of pairs.
#[derive(Clone, Debug, Default)]
pub struct Score {
    /// Casing errors.
    pub casing: Tally,
    /// Non-word errors.
    pub non_word: Tally,
    /// Real-word errors.
    pub real_word: Tally,
    /// Words in the original texts.
    pub clean_words: usize,
    /// Suspects in the original texts.
    pub clean_flags: usize,
    /// Examples of false alarms (word, first suggestion, kind, taken by `fix`).
    pub false_alarms: Vec<(String, String, Kind, bool)>,
    /// Correct words of the damaged texts that `fix` changed.
    pub broken_by_fix: usize,
    /// Correct words in the damaged texts.
    pub right_words: usize,
    /// Correct words of the damaged texts that a suspect flags, taken by `fix` or not.
    pub flagged_right: usize,
    /// Right words that `fix` changed: (word in context, what it became, the kind of the
    /// suspect that changed it).
    pub broken: Vec<(String, String, Kind)>,
    /// Missed or wrongly fixed errors: (class, original, damaged, first suggestion).
    pub misses: Vec<(Class, String, String, String)>,
    /// Flags on the original texts that fall on an author's own typo ([`errata`]).
    pub clean_typo_flags: usize,
    /// Of those, the ones `fix` takes unasked with the author's meant word, and with another.
    pub clean_typos_corrected: usize,
    pub clean_typos_miscorrected: usize,
    /// Right words of the damaged texts (their original's words) that are an author's own typo
    /// and that `fix` changed to the meant word: counted in `broken_by_fix` too.
    pub typos_corrected: usize,
}

/// The authors' own typos in the originals of the evaluation pairs, each with the word meant
/// (`tests/data/eval-errata.tsv`, labelled by hand): a flag on one, and `fix` writing the meant
/// word, are counted apart from the right words. Read once; a missing list is an error, not an
/// empty one.
pub fn errata() -> &'static std::collections::HashMap<String, String> {
    static ERRATA: std::sync::OnceLock<std::collections::HashMap<String, String>> = std::sync::OnceLock::new();
    ERRATA.get_or_init(|| {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/eval-errata.tsv");
        let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
        text.lines()
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(|l| {
                let (written, meant) = l.split_once('\t').unwrap_or_else(|| panic!("{path}: no tab in {l:?}"));
                (written.to_string(), meant.to_string())
            })
            .collect()
    })
}

/// The chunk `chunk` with the word meant in place of its word (its letters, digits and
/// apostrophes, without the marks around them), when that word is an author's typo.
fn corrected_chunk(chunk: &str) -> Option<String> {
    let word = chunk.trim_matches(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '\u{2019}'));
    let meant = errata().get(word)?;
    Some(chunk.replacen(word, meant, 1))
}

impl Score {
    /// Flags per 1,000 words of the original texts.
    #[must_use]
    pub fn false_alarm_rate(&self) -> f64 {
        per_mille(self.clean_flags, self.clean_words)
    }

    /// The flags on the original texts that `fix` takes unasked (confident, with a fix): the
    /// right words it changes there.
    #[must_use]
    pub fn clean_taken(&self) -> usize {
        self.false_alarms.iter().filter(|f| f.3).count()
    }

    /// Flags on the original texts that `fix` takes, per 1,000 of their words: the right words
    /// it changes there.
    #[must_use]
    pub fn clean_taken_rate(&self) -> f64 {
        per_mille(self.clean_taken(), self.clean_words)
    }

    /// The flags on the original texts that fall on right words: on no author's own typo.
    #[must_use]
    pub fn clean_right_flags(&self) -> usize {
        self.clean_flags - self.clean_typo_flags
    }

    /// The right words of the original texts that `fix` changes (an author's typo it writes
    /// another word for is no right word either).
    #[must_use]
    pub fn clean_right_taken(&self) -> usize {
        self.clean_taken() - self.clean_typos_corrected - self.clean_typos_miscorrected
    }

    /// [`Score::clean_right_flags`] per 1,000 words of the original texts.
    #[must_use]
    pub fn clean_right_flag_rate(&self) -> f64 {
        per_mille(self.clean_right_flags(), self.clean_words)
    }

    /// [`Score::clean_right_taken`] per 1,000 words of the original texts.
    #[must_use]
    pub fn clean_right_taken_rate(&self) -> f64 {
        per_mille(self.clean_right_taken(), self.clean_words)
    }

    /// Right words of the damaged texts that `fix` changed, per 1,000, not counting the authors'
    /// own typos it corrected.
    #[must_use]
    pub fn fix_damage_rate_without_typos(&self) -> f64 {
        per_mille(self.broken_by_fix - self.typos_corrected, self.right_words)
    }

    /// Correct words of the damaged texts flagged, per 1,000.
    #[must_use]
    pub fn flagged_right_rate(&self) -> f64 {
        per_mille(self.flagged_right, self.right_words)
    }

    /// Correct words changed by `fix`, per 1,000.
    #[must_use]
    pub fn fix_damage_rate(&self) -> f64 {
        per_mille(self.broken_by_fix, self.right_words)
    }

    /// Adds one pair of texts.
    pub fn add(&mut self, lexicon: &Lexicon, clean: &str, garbled: &str, dialect: Option<Dialect>) {
        let options = Options { dialect, suggestions: true };
        let clean_check = check(clean, lexicon, &options);
        self.clean_words += chunks(clean).len();
        self.clean_flags += clean_check.suspects.len();
        for s in &clean_check.suspects {
            let taken = s.confident && !s.suggestions.is_empty();
            if let Some(meant) = errata().get(s.word(clean)) {
                self.clean_typo_flags += 1;
                if taken && s.suggestions.first() == Some(meant.as_str()) {
                    self.clean_typos_corrected += 1;
                } else if taken {
                    self.clean_typos_miscorrected += 1;
                }
            }
            self.false_alarms.push((
                s.word(clean).to_string(),
                s.suggestions.first().unwrap_or_default().to_string(),
                s.kind,
                taken,
            ));
        }
        let a = chunks(clean);
        let b = chunks(garbled);
        if a.len() != b.len() {
            return;
        }
        let checked = check(garbled, lexicon, &options);
        let d = checked.dialect;
        for (i, (ca, cb)) in a.iter().zip(&b).enumerate() {
            let (wa, wb) = (ca.slice(clean), cb.slice(garbled));
            // The damaged word in its context, three chunks each side.
            let context = || {
                let around =
                    |r: std::ops::Range<usize>| b[r].iter().map(|c| c.slice(garbled)).collect::<Vec<_>>().join(" ");
                format!("{} [{wb}] {}", around(i.saturating_sub(3)..i), around(i + 1..(i + 4).min(b.len())))
            };
            // The suspects that start in the chunk, and those over several words that change its word.
            let inside: Vec<_> = checked
                .suspects
                .iter()
                .filter(|s| {
                    (cb.start <= s.span.start && s.span.start < cb.end)
                        || (s.span.start < cb.end && cb.start < s.span.end && piece(garbled, *cb, s).is_some())
                })
                .collect();
            // What the chunk becomes with the first suggestion of each suspect in it (`offered`),
            // and of each confident one, as `fix` writes it (`fixed`).
            let offered = apply_first(garbled, *cb, inside.iter().copied());
            let fixed = apply_first(garbled, *cb, inside.iter().copied().filter(|s| s.confident));
            if wa == wb {
                self.right_words += 1;
                if !inside.is_empty() {
                    self.flagged_right += 1;
                }
                if fixed != wb {
                    self.broken_by_fix += 1;
                    if corrected_chunk(wa).is_some_and(|c| c == fixed) {
                        self.typos_corrected += 1;
                    }
                    let kind = inside.iter().find(|s| s.confident).map_or(Kind::Spelling, |s| s.kind);
                    self.broken.push((context(), fixed, kind));
                }
                continue;
            }
            let class = if wa.to_lowercase() == wb.to_lowercase() {
                Class::Casing
            } else if is_non_word(lexicon, wb, d) {
                Class::NonWord
            } else {
                Class::RealWord
            };
            let tally = match class {
                Class::Casing => &mut self.casing,
                Class::NonWord => &mut self.non_word,
                Class::RealWord => &mut self.real_word,
            };
            tally.errors += 1;
            if !inside.is_empty() {
                tally.flagged += 1;
            }
            if !inside.is_empty() && offered.to_lowercase() == wa.to_lowercase() {
                tally.first_word += 1;
            }
            // The right word among the fixes of the chunk's one suspect.
            if let [one] = inside.as_slice()
                && one.suggestions.iter().any(|f| {
                    let mut with = (*one).clone();
                    with.suggestions = Fixes::new(&[f]);
                    apply_first(garbled, *cb, std::iter::once(&with)).to_lowercase() == wa.to_lowercase()
                })
            {
                tally.listed += 1;
            }
            if !inside.is_empty() && offered == wa {
                tally.first_right += 1;
            }
            if fixed == wa {
                tally.fixed += 1;
            } else {
                let first = inside.first().and_then(|s| s.suggestions.first()).unwrap_or_default().to_string();
                self.misses.push((class, wa.to_string(), context(), first));
            }
        }
    }
}

/// The chunk `cb` of `garbled` with the first suggestion of each of `suspects` put in. A suspect
/// over an earlier one's span is not applied (as in `fix`); one that runs past the chunk (a
/// repeat) ends it, and one over several chunks word for word puts in its word of the fix
/// (see [`piece`]).
fn apply_first<'s>(garbled: &str, cb: Span, suspects: impl Iterator<Item = &'s galley::suspect::Suspect>) -> String {
    let mut out = String::new();
    let mut at = cb.start;
    for (span, fix) in suspects.filter_map(|s| piece(garbled, cb, s)) {
        if span.start < at {
            continue;
        }
        out.push_str(Span::new(at, span.start).slice(garbled));
        out.push_str(fix);
        at = span.end;
    }
    out.push_str(Span::new(at.min(cb.end), cb.end).slice(garbled));
    out
}

/// What of the suspect `s`'s first fix falls in the chunk `cb`, and the span it replaces: the
/// whole fix for a suspect that starts in the chunk; for one over several words that its fix
/// changes word for word (`Apache kafka` -> `Apache Kafka`, a name of two words), the fix's word
/// at the chunk's word, so that each word is scored as what `fix` makes of it; nothing otherwise.
fn piece<'s>(garbled: &str, cb: Span, s: &'s galley::suspect::Suspect) -> Option<(Span, &'s str)> {
    let fix = s.suggestions.first()?;
    let words: Vec<Span> = s
        .span
        .slice(garbled)
        .split(' ')
        .scan(s.span.start, |at, w| {
            let span = Span::new(*at, *at + w.len());
            *at = span.end + 1;
            Some(span)
        })
        .collect();
    let fixes: Vec<&str> = fix.split(' ').collect();
    if words.len() > 1 && words.len() == fixes.len() {
        return words.iter().zip(fixes).find(|(w, _)| cb.start <= w.start && w.end <= cb.end).map(|(w, f)| (*w, f));
    }
    (cb.start <= s.span.start && s.span.start < cb.end).then_some((s.span, fix))
}

fn per_mille(n: usize, of: usize) -> f64 {
    if of == 0 { 0.0 } else { n as f64 * 1000.0 / of as f64 }
}

/// The pairs in `dir` (`NAME.garbled.txt` beside `NAME.clean.txt`), in name order, as (damaged,
/// original) paths.
pub fn pairs(dir: &std::path::Path) -> std::io::Result<Vec<(std::path::PathBuf, std::path::PathBuf)>> {
    let mut names: Vec<std::path::PathBuf> = std::fs::read_dir(dir)?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.to_string_lossy().ends_with(".garbled.txt"))
        .collect();
    names.sort();
    Ok(names
        .into_iter()
        .map(|g| {
            let c = std::path::PathBuf::from(g.to_string_lossy().replace(".garbled.txt", ".clean.txt"));
            (g, c)
        })
        .collect())
}

/// A pair of `dir` read in, with the chunks of each half, which align one for one.
pub struct Aligned {
    pub clean: String,
    pub garbled: String,
    pub clean_chunks: Vec<Span>,
    pub garbled_chunks: Vec<Span>,
}

impl Aligned {
    /// The label of taking `fix` for the damaged half's word at `span`: 1 when it restores the
    /// original chunk, 0 when the chunk was right as written (a right word it would change), and
    /// `None` otherwise (an error it reads wrongly either way).
    pub fn label(&self, span: Span, fix: &str) -> Option<u8> {
        let (a, b) = (&self.clean_chunks, &self.garbled_chunks);
        // The chunks are in text order: the first that ends after the word's start holds it.
        let i = b.partition_point(|c| c.end <= span.start);
        b.get(i).filter(|c| c.start <= span.start)?;
        let (was, is) = (a[i].slice(&self.clean), b[i].slice(&self.garbled));
        let fixed = format!(
            "{}{fix}{}",
            Span::new(b[i].start, span.start).slice(&self.garbled),
            Span::new(span.end, b[i].end).slice(&self.garbled)
        );
        if was == is { Some(0) } else { (fixed == was).then_some(1) }
    }
}

/// Prints the rows `scripts/fit-confidence.py` fits a chance to, for the pairs of `dir`: one for
/// each reading `readings` makes of a damaged text (a span, its first fix, and the features its
/// chance is made of), labelled 1 when the fix restores the original and 0 when the original was
/// the word as written, and left out otherwise; and one for each reading of a clean text,
/// labelled 0. The last column, the offset the fit adds to each row, is 0: the features hold the
/// article's damage.
pub fn print_rows(
    dir: &std::path::Path,
    readings: impl Fn(&str) -> Vec<(Span, String, Vec<f64>)>,
) -> std::io::Result<()> {
    print_rows_of(&aligned(dir)?, readings);
    Ok(())
}

/// [`print_rows`] for the directories the command line names (`target/eval/tune` if none), or
/// with `--joined=N`, for their pairs joined `N` at a time ([`joined_groups`]).
pub fn print_rows_of_args(readings: impl Fn(&str) -> Vec<(Span, String, Vec<f64>)>) -> std::io::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let joined = args.iter().find_map(|a| a.strip_prefix("--joined=")).map(|n| n.parse::<usize>().expect("--joined=N"));
    let mut dirs: Vec<std::path::PathBuf> =
        args.iter().filter(|a| !a.starts_with("--")).map(std::path::PathBuf::from).collect();
    if dirs.is_empty() {
        dirs.push("target/eval/tune".into());
    }
    match joined {
        Some(n) => print_rows_of(&joined_groups(&dirs, n)?, readings),
        None => {
            for dir in &dirs {
                print_rows(dir, &readings)?;
            }
        }
    }
    Ok(())
}

/// [`print_rows`] for the pairs given.
pub fn print_rows_of(pairs: &[Aligned], readings: impl Fn(&str) -> Vec<(Span, String, Vec<f64>)>) {
    println!("label\tword\tfix\tfeatures\toffset");
    let row = |label: u8, word: &str, fix: &str, features: &[f64]| {
        let features: Vec<String> = features.iter().map(|x| format!("{x:.5}")).collect();
        println!("{label}\t{word}\t{fix}\t{}\t0", features.join(" "));
    };
    for pair in pairs {
        for (span, fix, features) in readings(&pair.garbled) {
            // An error read wrongly either way is no row.
            let Some(label) = pair.label(span, &fix) else { continue };
            row(label, span.slice(&pair.garbled), &fix, &features);
        }
        // Every reading of the clean text is of a right word.
        for (span, fix, features) in readings(&pair.clean) {
            row(0, span.slice(&pair.clean), &fix, &features);
        }
    }
}

/// The aligned pairs of every directory of `dirs`, in the order of their file names, joined
/// `n` at a time into one pair, a blank line between two texts, as `score --joined` joins them
/// all: a long text of several articles, whose damage the checker estimates over them together.
pub fn joined_groups(dirs: &[std::path::PathBuf], n: usize) -> std::io::Result<Vec<Aligned>> {
    let mut named = Vec::new();
    for dir in dirs {
        named.extend(pairs(dir)?);
    }
    sort_by_file_name(&mut named);
    let mut out = Vec::new();
    for group in named.chunks(n.max(1)) {
        let (clean, garbled) = joined(group, |path| std::fs::read_to_string(path))?;
        let (clean_chunks, garbled_chunks) = (chunks(&clean), chunks(&garbled));
        if clean_chunks.len() == garbled_chunks.len() {
            out.push(Aligned { clean, garbled, clean_chunks, garbled_chunks });
        }
    }
    Ok(out)
}

/// Sorts pairs (damaged, clean) by the damaged half's file name, whatever its directory: the
/// order in which pairs are joined.
pub fn sort_by_file_name(pairs: &mut [(std::path::PathBuf, std::path::PathBuf)]) {
    pairs.sort_by(|a, b| a.0.file_name().cmp(&b.0.file_name()));
}

/// The clean halves and the damaged halves of `pairs` (damaged, clean), each `read` and put one
/// after another, a blank line between two: (clean, damaged).
pub fn joined(
    pairs: &[(std::path::PathBuf, std::path::PathBuf)],
    read: impl Fn(&std::path::PathBuf) -> std::io::Result<String>,
) -> std::io::Result<(String, String)> {
    let (mut clean, mut garbled) = (String::new(), String::new());
    for (g, c) in pairs {
        for (all, path) in [(&mut garbled, g), (&mut clean, c)] {
            if !all.is_empty() {
                all.push_str("\n\n");
            }
            all.push_str(&read(path)?);
        }
    }
    Ok((clean, garbled))
}

/// The pairs of `dir` whose halves align chunk for chunk ([`pairs`], [`chunks`]), read in.
pub fn aligned(dir: &std::path::Path) -> std::io::Result<Vec<Aligned>> {
    let mut out = Vec::new();
    for (g, c) in pairs(dir)? {
        let clean = std::fs::read_to_string(c)?;
        let garbled = std::fs::read_to_string(&g)?;
        let (clean_chunks, garbled_chunks) = (chunks(&clean), chunks(&garbled));
        if clean_chunks.len() == garbled_chunks.len() {
            out.push(Aligned { clean, garbled, clean_chunks, garbled_chunks });
        }
    }
    Ok(out)
}

/// Whitespace-separated chunks, as the pairs are aligned.
pub fn chunks(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        match (c.is_whitespace(), start) {
            (true, Some(s)) => {
                out.push(Span::new(s, i));
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push(Span::new(s, text.len()));
    }
    out
}

/// True if some word of the chunk is unknown.
fn is_non_word(lexicon: &Lexicon, chunk: &str, dialect: Dialect) -> bool {
    galley::token::tokens(chunk)
        .iter()
        .filter(|t| t.kind == galley::token::TokenKind::Word)
        .any(|t| matches!(lexicon.verdict(t.span.slice(chunk), dialect), Verdict::Unknown | Verdict::OtherDialect))
}

/// `text` with each line longer than `width` characters broken at the last space that keeps
/// it within `width` (a word longer than that stands alone on its line); the space a line is
/// broken at goes.
pub fn wrapped(text: &str, width: usize) -> String {
    let mut out = String::with_capacity(text.len());
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let mut used = 0;
        for (k, word) in line.split(' ').enumerate() {
            let n = word.chars().count();
            if k > 0 {
                if used > 0 && used + 1 + n > width {
                    out.push('\n');
                    used = 0;
                } else {
                    out.push(' ');
                    used += 1;
                }
            }
            out.push_str(word);
            used += n;
        }
    }
    out
}
