//! Compiles the word lists in `assets/` into one binary table (see `src/lexicon/format.rs`) that
//! the library includes with `include_bytes!`: no word list is parsed when galley starts.
//!
//! Policy decided here, once, for all text:
//! - a lower-case SCOWL word whose capitalised form is far more common (three size steps or more,
//!   `english` at 70 against `English` at 10) is treated as the capitalised word only;
//! - a tech name that is only a common English word with a capital (`Properties`, `Payment`) is
//!   dropped, so that it cannot excuse a capital in the middle of a sentence, unless English
//!   lists it as a proper noun as well (`Python`, `Windows`); a generic term
//!   with a capital (`Supercomputing`) is accepted in lower case too: only names (brands,
//!   products, languages, companies) have a canonical casing;
//! - two-word names of the tech vocabulary (`Linux Foundation`) go to a separate sorted table of
//!   hashes (`phrases.rs`), looked up only where the first word is not a plain word;
//! - possessives (`dog's`) are accepted but not suggested: the suggester handles `'s` itself.

/// Corpus count under which a common word that the tech lists and English both name is taken
/// as the name when Capitalised (`Python`, `Java`); above it the word wins (`Line`, `Windows`).
const NAME_OVER_WORD: u32 = 60_000_000;

#[path = "src/lexicon/format.rs"]
#[allow(dead_code)]
mod format;
#[path = "src/lexicon/model_index.rs"]
mod model_index;

// The format module is this file's whole vocabulary.
#[allow(clippy::wildcard_imports)]
use format::*;
use std::collections::{BTreeMap, HashMap};
use std::fs;
use std::path::Path;

#[derive(Default)]
struct Word {
    lower: u32,
    lower_size: u32,
    forms: Vec<(String, u32, u32, u32)>, // (form, dialects, source, size)
    freq: u32,
}

fn dialect_bits(tag: &str) -> u32 {
    match tag {
        "US" => US,
        "GB" => GB,
        _ => US | GB,
    }
}

fn data_lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines().map(str::trim_end).filter(|l| !l.is_empty() && !l.starts_with('#'))
}

fn is_capitalised(w: &str) -> bool {
    let mut cs = w.chars();
    cs.next().is_some_and(char::is_uppercase) && cs.all(|c| !c.is_uppercase())
}

/// The word lists compiled into the table.
const WORD_LISTS: [&str; 7] = [
    "assets/english.tsv",
    "assets/frequency.txt",
    "assets/tech-names.txt",
    "assets/tech-terms.txt",
    "assets/tech-extra.txt",
    "assets/bigrams.txt",
    "assets/places.txt",
];

/// Sets `GALLEY_VERSION` for `--version`: the package version, and the version of the word data
/// it was built with: a hash of every data file in `assets/`, and what the casing model counted.
fn data_version() {
    let mut all = Vec::new();
    for f in WORD_LISTS.iter().chain(&["assets/keywords.txt", "assets/model.bin", "assets/corpus-sources.tsv"]) {
        println!("cargo::rerun-if-changed={f}");
        all.extend_from_slice(&fs::read(f).unwrap_or_else(|e| panic!("{f}: {e}")));
    }
    let model = fs::read("assets/model.bin").expect("assets/model.bin");
    let (words, packages) = (u64_at(&model, 8), u64_at(&model, 16));
    #[allow(clippy::cast_precision_loss)] // a count of words, shown to one decimal
    let millions = words as f64 / 1e6;
    let magic = String::from_utf8_lossy(model.get(..8).unwrap_or_default()).into_owned();
    println!(
        "cargo::rustc-env=GALLEY_VERSION={} (word data {:016x}; casing model {magic}, {millions:.1} M words from {packages} packages)",
        std::env::var("CARGO_PKG_VERSION").unwrap_or_default(),
        hash(&all),
    );
}

// One linear pipeline (read the lists, merge them, lay out the sections), best read top to bottom.
#[allow(clippy::too_many_lines)]
fn main() {
    for f in WORD_LISTS.iter().chain(&["src/lexicon/format.rs"]) {
        println!("cargo::rerun-if-changed={f}");
    }
    data_version();
    let read = |p: &str| fs::read_to_string(p).unwrap_or_else(|e| panic!("{p}: {e}"));
    let mut words: BTreeMap<String, Word> = BTreeMap::new();

    for line in data_lines(&read("assets/english.tsv")) {
        let mut cols = line.split('\t');
        let (Some(w), Some(size), Some(tag)) = (cols.next(), cols.next(), cols.next()) else {
            panic!("assets/english.tsv: bad line {line:?}");
        };
        let size: u32 = size.parse().expect("size");
        let key = w.to_lowercase();
        let entry = words.entry(key.clone()).or_default();
        if w == key {
            entry.lower |= if dialect_bits(tag) & US != 0 { LOWER_US } else { 0 };
            entry.lower |= if dialect_bits(tag) & GB != 0 { LOWER_GB } else { 0 };
            entry.lower_size = if entry.lower_size == 0 { size } else { entry.lower_size.min(size) };
        } else {
            entry.forms.push((w.to_string(), dialect_bits(tag), SRC_ENGLISH, size));
        }
    }
    for entry in words.values_mut() {
        let cased = entry.forms.iter().map(|f| f.3).min().unwrap_or(u32::MAX);
        if entry.lower != 0 && cased.saturating_add(30) <= entry.lower_size {
            entry.lower = 0;
        }
        entry.forms.sort_by_key(|f| f.3);
    }

    for line in data_lines(&read("assets/frequency.txt")) {
        let mut cols = line.split(' ');
        let (Some(w), Some(n)) = (cols.next(), cols.next()) else {
            continue;
        };
        if let Some(e) = words.get_mut(w) {
            e.freq = n.parse::<u64>().map_or(0, |n| n.min(u64::from(u32::MAX)) as u32);
        }
    }
    let mut names = read("assets/tech-names.txt");
    names.push('\n');
    names.push_str(&read("assets/tech-extra.txt"));
    // Place names (`Hong Kong`) are names for the pair table only.
    names.push('\n');
    names.push_str(&data_lines(&read("assets/places.txt")).filter(|l| l.contains(' ')).collect::<Vec<_>>().join("\n"));
    let terms = read("assets/tech-terms.txt");
    // Two-word names (`Linux Foundation`, `Hong Kong`), by the hash of their lower-case form.
    let mut phrases: Vec<(u64, String)> = Vec::new();
    for (list, proper) in [(names.as_str(), true), (terms.as_str(), false)] {
        for term in data_lines(list) {
            if term.contains(' ') {
                let parts: Vec<&str> = term.split(' ').collect();
                if proper
                    && parts.len() == 2
                    && parts.iter().all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_alphabetic()))
                    && term != term.to_lowercase()
                    // Not a usage note like `a URL`.
                    && parts[0] != parts[0].to_lowercase()
                {
                    phrases.push((hash(term.to_lowercase().as_bytes()), term.to_string()));
                }
                continue; // as words, multi-word terms are not single tokens
            }
            let key = term.to_lowercase();
            let entry = words.entry(key.clone()).or_default();
            let common_word = entry.lower & (LOWER_US | LOWER_GB) != 0 && entry.lower_size <= 50;
            // A name English lists as such (`Knuth`) stays one, even in the list of terms.
            let english_name = entry.forms.iter().any(|f| f.0 == term) && entry.lower & (LOWER_US | LOWER_GB) == 0;
            if term == key || (!proper && is_capitalised(term) && !english_name) {
                // A generic term with a capital (`Supercomputing`) is the word in a title.
                entry.lower |= LOWER_TECH;
            } else if is_capitalised(term) && common_word {
                // A common word with a capital (`Payment`) is not a name of its own, unless
                // English lists it as a proper noun too (`Python`, `Windows`): then it is one.
                // Only for words rare enough that the name is a likely reading: `python`,
                // `java`; not `line`, `port`, `windows`, which the lists also name.
                if entry.freq < NAME_OVER_WORD
                    && let Some(f) = entry.forms.iter_mut().find(|f| f.0 == term)
                {
                    f.2 |= SRC_TECH;
                }
            } else if let Some(f) = entry.forms.iter_mut().find(|f| f.0 == term) {
                f.2 |= SRC_TECH;
            } else {
                entry.forms.push((term.to_string(), US | GB, SRC_TECH, 0));
            }
        }
    }

    words.retain(|_, e| e.lower != 0 || !e.forms.is_empty());

    // Sections.
    let mut strings: Vec<u8> = Vec::new();
    let mut string_at: HashMap<String, u32> = HashMap::new();
    let mut intern = |s: &str, strings: &mut Vec<u8>| -> u32 {
        *string_at.entry(s.to_string()).or_insert_with(|| {
            let off = strings.len() as u32;
            strings.extend_from_slice(s.as_bytes());
            off
        })
    };
    let mut entries: Vec<u32> = Vec::with_capacity(words.len() * ENTRY_WORDS);
    let mut forms: Vec<u32> = Vec::new();
    let mut indexed: Vec<(usize, &str)> = Vec::new();
    for (i, (key, e)) in words.iter().enumerate() {
        assert!(key.len() < 256 && e.forms.len() < 256, "{key}: too long");
        let size = if e.lower != 0 { e.lower_size } else { e.forms.iter().map(|f| f.3).min().unwrap_or(0) };
        let possessive = key.ends_with("'s") && size > 10;
        let plain = key.chars().all(|c| c.is_alphabetic() || c == '\'' || c == '-');
        let mut flags = e.lower;
        if plain && !possessive {
            flags |= INDEXED;
            indexed.push((i, key.as_str()));
        }
        let key_off = intern(key, &mut strings);
        entries.push(key_off);
        entries.push(key.len() as u32 | flags << 8 | size.min(255) << 16 | (e.forms.len() as u32) << 24);
        entries.push(e.freq);
        entries.push((forms.len() / FORM_WORDS) as u32);
        for (form, dialects, source, _) in &e.forms {
            forms.push(intern(form, &mut strings));
            forms.push(form.len() as u32 | dialects << 8 | source << 16);
        }
    }
    let n = words.len();
    let n_slots = (n * 2).next_power_of_two();
    let mut slots = vec![0u32; n_slots];
    for (i, key) in words.keys().enumerate() {
        let mut s = hash(key.as_bytes()) as usize & (n_slots - 1);
        while slots[s] != 0 {
            s = (s + 1) & (n_slots - 1);
        }
        slots[s] = i as u32 + 1;
    }

    let mut pairs: Vec<(u64, u32)> = Vec::new();
    for &(i, key) in &indexed {
        for_each_delete(key, |d| {
            pairs.push((hash(d), i as u32));
        });
    }
    let bucket_bits = (pairs.len() / 2).next_power_of_two().trailing_zeros();
    let shift = 64 - bucket_bits;
    pairs.sort_unstable_by_key(|&(h, i)| (h >> shift, i));
    pairs.dedup_by_key(|p| (p.0 >> shift, p.1));
    let n_buckets = 1usize << bucket_bits;
    let mut starts = vec![0usize; n_buckets + 1];
    for &(h, _) in &pairs {
        starts[(h >> shift) as usize + 1] += 1;
    }
    for b in 0..n_buckets {
        starts[b + 1] += starts[b];
    }
    // Each block's base, then each bucket's start after it in two bytes.
    let bases: Vec<u32> = (0..=n_buckets / BLOCK).map(|k| starts[k * BLOCK] as u32).collect();
    let offsets: Vec<u8> = (0..n_buckets)
        .flat_map(|b| {
            let offset = u16::try_from(starts[b] - starts[b / BLOCK * BLOCK]);
            offset.expect("a block of the delete index over 65,535 postings").to_le_bytes()
        })
        .collect();
    assert!(n < 1 << (8 * POSTING_BYTES), "too many entries for the delete index's postings");
    let mut postings: Vec<u8> = Vec::with_capacity(pairs.len() * POSTING_BYTES);
    for p in &pairs {
        postings.extend_from_slice(&p.1.to_le_bytes()[..POSTING_BYTES]);
    }
    let words_of = |bytes: &[u8]| -> Vec<u32> {
        bytes
            .chunks(4)
            .map(|c| {
                let mut w = [0u8; 4];
                w[..c.len()].copy_from_slice(c);
                u32::from_le_bytes(w)
            })
            .collect()
    };

    let mut out: Vec<u32> = vec![0; HEADER_WORDS];
    while !strings.len().is_multiple_of(4) {
        strings.push(0);
    }
    let strings_words: Vec<u32> =
        strings.chunks_exact(4).map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]])).collect();
    out[H_MAGIC] = MAGIC;
    out[H_ENTRIES] = n as u32;
    out[H_SLOTS] = n_slots as u32;
    out[H_BUCKET_BITS] = bucket_bits;
    out[H_FORMS] = (forms.len() / FORM_WORDS) as u32;
    out[H_POSTINGS] = pairs.len() as u32;
    let push = |section: &[u32], out: &mut Vec<u32>, field: usize| {
        out[field] = (out.len() * 4) as u32;
        out.extend_from_slice(section);
    };
    push(&strings_words, &mut out, H_STRINGS_OFF);
    push(&entries, &mut out, H_ENTRIES_OFF);
    push(&forms, &mut out, H_FORMS_OFF);
    push(&slots, &mut out, H_SLOTS_OFF);
    push(&bases, &mut out, H_BUCKETS_OFF);
    push(&words_of(&offsets), &mut out, H_OFFSETS_OFF);
    push(&words_of(&postings), &mut out, H_POSTINGS_OFF);
    let bytes: Vec<u8> = out.iter().flat_map(|w| w.to_le_bytes()).collect();
    let out = std::env::var("OUT_DIR").expect("OUT_DIR");
    fs::write(Path::new(&out).join("lexicon.bin"), bytes).expect("write lexicon.bin");
    // The commonest indexed words' own delete indexes (`lexicon::common`).
    for (k, &(floor, bits)) in COMMON_INDEXES.iter().enumerate() {
        let mut keyed: Vec<(u32, u32, u32, u32)> = Vec::new();
        for &(i, key) in &indexed {
            let freq = entries[i * ENTRY_WORDS + E_FREQ];
            if f64::from(freq) >= floor {
                for_each_delete(key, |d| {
                    let (bucket, tag) = common_place(d, bits);
                    keyed.push((bucket, tag, i as u32, freq));
                });
            }
        }
        keyed.sort_unstable();
        keyed.dedup();
        let mut starts = vec![0u32; (1 << bits) + 1];
        for &(bucket, ..) in &keyed {
            starts[bucket as usize + 1] += 1;
        }
        for b in 1..starts.len() {
            starts[b] += starts[b - 1];
        }
        let words = starts.iter().copied().chain(keyed.iter().flat_map(|&(_, tag, i, freq)| [tag, i, freq]));
        let bytes: Vec<u8> = words.flat_map(u32::to_le_bytes).collect();
        fs::write(Path::new(&out).join(format!("common-{k}.bin")), bytes).expect("write common index");
    }
    phrases.sort();
    phrases.dedup_by_key(|p| p.0);
    let mut rs = String::from(
        "/// Two-word names by the hash of their lower-case form, sorted by hash.\npub static PHRASES: &[(u64, &str)] = &[\n",
    );
    for (h, t) in &phrases {
        use std::fmt::Write;
        let _ = writeln!(rs, "    ({h}, {t:?}),");
    }
    rs.push_str("];\n");
    fs::write(Path::new(&out).join("phrases.rs"), rs).expect("write phrases.rs");
    fs::write(Path::new(&out).join("bigrams.bin"), bigrams(&read("assets/bigrams.txt"))).expect("write bigrams.bin");
    let model = fs::read("assets/model.bin").expect("assets/model.bin");
    fs::write(Path::new(&out).join("lower-words.bin"), lower_words(&model)).expect("write lower-words.bin");
    fs::write(Path::new(&out).join("model-index.bin"), model_tables_index(&model)).expect("write model-index.bin");
    fs::write(Path::new(&out).join("model-short-keys.bin"), model_short_keys(&model))
        .expect("write model-short-keys.bin");
    fs::write(Path::new(&out).join("model-pair-counts.bin"), model_pair_counts(&model))
        .expect("write model-pair-counts.bin");
}

/// The bigram table: the number of pairs; 65,537 bucket starts (pairs whose hash has top 16 bits
/// `b` are `starts[b]..starts[b + 1]`); the pairs' hashes (`hash("first second")`, lower case) in
/// ascending order; then each pair's corpus count in thousands. All little-endian.
fn bigrams(text: &str) -> Vec<u8> {
    let mut pairs: Vec<(u64, u32)> = data_lines(text)
        .filter_map(|l| {
            let mut parts = l.split(' ');
            let (a, b, n) = (parts.next()?, parts.next()?, parts.next()?.parse::<u64>().ok()?);
            let key = format!("{a} {b}").to_lowercase();
            Some((hash(key.as_bytes()), u32::try_from(n / 1000).unwrap_or(u32::MAX)))
        })
        .collect();
    pairs.sort_unstable();
    pairs.dedup_by_key(|p| p.0);
    let mut out = Vec::with_capacity(4 + (1 << 16) * 4 + 4 + pairs.len() * 12);
    out.extend((pairs.len() as u32).to_le_bytes());
    for b in 0..=(1u64 << 16) {
        let start = pairs.partition_point(|p| (p.0 >> 48) < b);
        out.extend((start as u32).to_le_bytes());
    }
    out.extend(pairs.iter().flat_map(|p| p.0.to_le_bytes()));
    out.extend(pairs.iter().flat_map(|p| p.1.to_le_bytes()));
    out
}

/// The casing model's words of three or more ASCII letters whose most used form is their lower
/// case and that it counts at least `LOWER_MIN` times, in byte order, so that the words that
/// start alike are one run (`src/lexicon/model.rs`, `LowerWords`): `u32` n, then n + 1 `u32`
/// offsets of each word in the strings (the last is their end), n `u32` counts, the strings.
fn lower_words(model: &[u8]) -> Vec<u8> {
    const LOWER_MIN: u64 = 100;
    let at = ModelLayout::of(model);
    let u32_at = |i: usize| u32_at(model, i);
    let (w, offsets, blob) = (at.words, at.word_offsets, at.blob);
    let mut words: Vec<(&str, u64)> = Vec::new();
    for i in 0..w {
        let mut at = blob + u32_at(offsets + i * 4) as usize;
        let n = model[at];
        at += 1;
        let (mut first, mut count) = (None, 0u64);
        for _ in 0..n {
            let len = model[at] as usize;
            let text = &model[at + 1..at + 1 + len];
            first.get_or_insert(text);
            count += u64::from(u32_at(at + 1 + len)) + u64::from(u32_at(at + 5 + len));
            at += 1 + len + 8;
        }
        if let Some(text) = first.filter(|t| t.len() >= 3 && t.iter().all(u8::is_ascii_lowercase))
            && count >= LOWER_MIN
        {
            words.push((std::str::from_utf8(text).expect("ASCII"), count));
        }
    }
    words.sort_unstable();
    let mut out = Vec::new();
    out.extend_from_slice(&(words.len() as u32).to_le_bytes());
    let mut off = 0u32;
    for (text, _) in &words {
        out.extend_from_slice(&off.to_le_bytes());
        off += text.len() as u32;
    }
    out.extend_from_slice(&off.to_le_bytes());
    for (_, count) in &words {
        out.extend_from_slice(&(*count).min(u64::from(u32::MAX)).to_le_bytes()[..4]);
    }
    for (text, _) in &words {
        out.extend_from_slice(text.as_bytes());
    }
    out
}

/// The index of the model's two sorted tables of hashes, words then pairs, as `u32`s
/// (`src/lexicon/model_index.rs`): read in place, so that start-up reads none of their keys.
fn model_tables_index(model: &[u8]) -> Vec<u8> {
    let at = ModelLayout::of(model);
    let mut out = Vec::new();
    for (keys, n) in [(at.word_keys, at.words), (at.pair_keys, at.pairs)] {
        let starts = model_index::starts(n, model_index::bits(n), |i| u64_at(model, keys + i * 8));
        out.extend(starts.iter().flat_map(|s| s.to_le_bytes()));
    }
    out
}

/// The keys of the model's two tables, words then pairs, each cut to the 32 bits below those that
/// pick its run in the index (`src/lexicon/model.rs`, `Table`): lookups read these, half the bytes
/// of the keys themselves, so that a long article touches half as many pages of them.
fn model_short_keys(model: &[u8]) -> Vec<u8> {
    let at = ModelLayout::of(model);
    let mut out = Vec::new();
    for (keys, n) in [(at.word_keys, at.words), (at.pair_keys, at.pairs)] {
        let bits = model_index::bits(n);
        for i in 0..n {
            out.extend_from_slice(&model_index::short_key(u64_at(model, keys + i * 8), bits).to_le_bytes());
        }
    }
    out
}

/// The model's pair counts in two bytes each (`src/lexicon/model.rs`, `Narrow`): `u32` w, then w
/// pairs (`u32` index, `u32` count) of the counts too large for two bytes, in index order; then
/// every count as a `u16`, 65,535 for those. Lookups read half the bytes the counts take in
/// `model.bin`.
fn model_pair_counts(model: &[u8]) -> Vec<u8> {
    let at = ModelLayout::of(model);
    let counts = at.pair_keys + at.pairs * 8;
    let (mut wide, mut narrow) = (Vec::new(), Vec::with_capacity(at.pairs * 2));
    for i in 0..at.pairs {
        let count = u32_at(model, counts + i * 4);
        let short = u16::try_from(count).unwrap_or(u16::MAX);
        if short == u16::MAX {
            wide.push((u32::try_from(i).expect("fewer pairs than 2^32"), count));
        }
        narrow.extend_from_slice(&short.to_le_bytes());
    }
    let mut out = u32::try_from(wide.len()).expect("a count").to_le_bytes().to_vec();
    for (i, count) in wide {
        out.extend_from_slice(&i.to_le_bytes());
        out.extend_from_slice(&count.to_le_bytes());
    }
    out.extend_from_slice(&narrow);
    out
}

/// Where the sections of `assets/model.bin` start (its layout: `src/lexicon/model.rs`): W word
/// hashes and their blob offsets, P pair hashes and their counts, then the blob.
struct ModelLayout {
    words: usize,
    pairs: usize,
    word_keys: usize,
    word_offsets: usize,
    pair_keys: usize,
    blob: usize,
}

impl ModelLayout {
    fn of(model: &[u8]) -> Self {
        let (words, pairs) = (u64_at(model, 8 + 2 * 8) as usize, u64_at(model, 8 + 3 * 8) as usize);
        let word_keys = 8 + 5 * 8;
        let word_offsets = word_keys + words * 8;
        let pair_keys = word_offsets + words * 4;
        Self { words, pairs, word_keys, word_offsets, pair_keys, blob: pair_keys + pairs * 12 }
    }
}

fn u64_at(bytes: &[u8], at: usize) -> u64 {
    u64::from_le_bytes(bytes[at..at + 8].try_into().expect("model.bin"))
}

fn u32_at(bytes: &[u8], at: usize) -> u32 {
    u32::from_le_bytes(bytes[at..at + 4].try_into().expect("model.bin"))
}
