//! Throughput and latency figures quoted in README's performance table.
//!
//! `cargo bench --bench engine`. The text never repeats a document (a repeated one measures the
//! caches, not the checker): the bundled sample and the development articles once each, then
//! every Markdown file of cargo's registry cache once (see `corpus::distinct_documents`); set
//! `GALLEY_BENCH_TEXT` to a file to measure another text.

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use galley::check::suggest::suggest;
use galley::check::{Options, check};
use galley::lexicon::{Dialect, Lexicon};
use galley::token::tokenize;
use std::hint::black_box;

#[path = "support/corpus.rs"]
mod corpus;

/// Articles and documentation, each document once.
fn corpus() -> String {
    if let Ok(p) = std::env::var("GALLEY_BENCH_TEXT") {
        return std::fs::read_to_string(p).expect("GALLEY_BENCH_TEXT");
    }
    [corpus::articles(), corpus::distinct_documents()].join("\n\n")
}

fn throughput(c: &mut Criterion) {
    let text = corpus();
    let words = text.split_whitespace().count() as u64;
    let lexicon = Lexicon::new();
    let mut g = c.benchmark_group("check");
    g.throughput(Throughput::Elements(words));
    g.sample_size(10);
    g.bench_function("tokenize", |b| {
        b.iter(|| {
            let mut n = 0usize;
            tokenize(black_box(&text), |_| n += 1);
            n
        });
    });
    for (name, suggestions) in [("no-suggestions", false), ("with-suggestions", true)] {
        let options = Options { dialect: None, suggestions };
        g.bench_function(BenchmarkId::new("check", name), |b| {
            b.iter(|| check(black_box(&text), &lexicon, &options).suspects.len());
        });
    }
    g.finish();
}

/// Misspellings of every shape: slips, drops, doubles, swaps, phonetic, run-together.
const MISSPELLINGS: &[&str] = &[
    "clustr",
    "kuberanetes",
    "resilcy",
    "appeares",
    "responsibels",
    "delination",
    "negassarily",
    "percective",
    "undersrstanding",
    "constrolled",
    "accomodate",
    "seperate",
    "definately",
    "recieve",
    "wich",
    "goverment",
    "enviroment",
    "neccessary",
    "tommorow",
    "begining",
    "alot",
    "teh",
    "adn",
    "Wiht",
    "Qjuite",
    "introdyuctory",
    "prgoram",
    "hve",
    "thwm",
    "restrictng",
    "wepl",
    "inatsed",
    "rext",
    "tpls",
    "boyh",
    "examles",
    "descibe",
    "nettwork",
    "assocte",
    "direclty",
    "woill",
    "wiyth",
    "ajbot",
    "evwen",
    "Pyton",
    "tols",
    "liel",
    "diferent",
];

fn latency(c: &mut Criterion) {
    let lexicon = Lexicon::new();
    let mut g = c.benchmark_group("suggest");
    for w in ["clustr", "kuberanetes", "undersrstanding", "teh"] {
        g.bench_function(w, |b| b.iter(|| suggest(&lexicon, black_box(w), Dialect::Us)));
    }
    g.bench_function("mixed-48-words", |b| {
        b.iter(|| MISSPELLINGS.iter().map(|w| suggest(&lexicon, black_box(w), Dialect::Us).len()).sum::<usize>());
    });
    g.finish();
}

criterion_group!(benches, throughput, latency);
criterion_main!(benches);
