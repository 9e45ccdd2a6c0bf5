//! Clean prose to measure on, from text no rule of galley was written from: the READMEs of the
//! crates galley builds with, as cargo unpacked them into its registry cache (building galley
//! fills it). Only crates under a permissive licence (MIT, Apache-2.0, BSD, ISC, Zlib, Unicode,
//! CC0) count, and none whose prose the casing model was built from; each README becomes plain
//! prose (code, tables, HTML, images, badges and link targets go; link text and headings stay),
//! and one of fewer than 150 words is left out.
//!
//! Included with `#[path]` by `tests/quality.rs` (the floors on the part kept for reporting) and
//! `examples/garble.rs` (which writes the pairs out for the scorer).
#![allow(dead_code)]

use std::path::{Path, PathBuf};

const PERMISSIVE: &[&str] = &["MIT", "Apache-2.0", "BSD", "ISC", "Zlib", "Unicode", "CC0"];

/// The texts, by crate name, in name order.
pub fn texts() -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let lock = std::fs::read_to_string(root.join("Cargo.lock")).expect("Cargo.lock");
    let lock: toml::Table = toml::from_str(&lock).expect("Cargo.lock is TOML");
    let home = std::env::var_os("CARGO_HOME").map_or_else(
        || PathBuf::from(std::env::var_os("HOME").expect("HOME or CARGO_HOME")).join(".cargo"),
        PathBuf::from,
    );
    let sources: Vec<PathBuf> = std::fs::read_dir(home.join("registry/src"))
        .map(|d| d.filter_map(Result::ok).map(|e| e.path()).collect())
        .unwrap_or_default();
    // A crate whose prose the casing model was built from is no test of it (galley's later
    // dependencies, such as ureq and rustls, are also in the corpus).
    let corpus = std::fs::read_to_string(root.join("assets/corpus-sources.tsv")).expect("assets/corpus-sources.tsv");
    let trained: std::collections::HashSet<&str> =
        corpus.lines().filter_map(|l| l.strip_prefix("crates\t")?.split('\t').next()).collect();
    let mut out: Vec<(String, String)> = Vec::new();
    for p in lock.get("package").and_then(|p| p.as_array()).into_iter().flatten() {
        let (Some(name), Some(version)) =
            (p.get("name").and_then(|v| v.as_str()), p.get("version").and_then(|v| v.as_str()))
        else {
            continue;
        };
        if trained.contains(name)
            || !p.get("source").and_then(|v| v.as_str()).is_some_and(|s| s.starts_with("registry+"))
        {
            continue;
        }
        let Some(dir) = sources.iter().map(|s| s.join(format!("{name}-{version}"))).find(|d| d.is_dir()) else {
            continue;
        };
        let manifest = std::fs::read_to_string(dir.join("Cargo.toml")).unwrap_or_default();
        let licence = toml::from_str::<toml::Table>(&manifest)
            .ok()
            .and_then(|t| t.get("package")?.get("license")?.as_str().map(str::to_string))
            .unwrap_or_default();
        if !PERMISSIVE.iter().any(|l| licence.contains(l)) {
            continue;
        }
        let Some(readme) =
            ["README.md", "README.markdown", "README"].iter().find_map(|r| std::fs::read_to_string(dir.join(r)).ok())
        else {
            continue;
        };
        let text = prose(&readme);
        if text.split_whitespace().count() >= 150 && !out.iter().any(|(n, _)| n == name) {
            out.push((name.to_string(), text));
        }
    }
    out.sort();
    out
}

/// A text's own number, from its name (FNV-1a): its garbling seed, and its side of the split.
pub fn seed_of(name: &str) -> u64 {
    name.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3))
}

/// Whether a text of this name is kept apart for reporting (the rest is to tune on): half of
/// them, by a hash of the name.
pub fn reported(name: &str) -> bool {
    seed_of(name) % 2 == 1
}

/// Markdown as plain prose.
pub fn prose(markdown: &str) -> String {
    let mut out = String::new();
    let mut fenced = false;
    for line in markdown.lines() {
        let trimmed = line.trim_start();
        if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            fenced = !fenced;
            continue;
        }
        let reference = trimmed.starts_with('[') && trimmed.find("]:").is_some_and(|i| !trimmed[..i].contains(']'));
        if fenced || line.starts_with("    ") || line.starts_with('\t') || trimmed.starts_with('|') || reference {
            continue;
        }
        let line = inline(trimmed.trim_start_matches('#').trim_start());
        out.push_str(line.trim_end());
        out.push('\n');
    }
    // At most one blank line in a row.
    let mut text = String::new();
    for para in out.split("\n\n").map(str::trim).filter(|p| !p.is_empty()) {
        text.push_str(para);
        text.push_str("\n\n");
    }
    text.truncate(text.trim_end().len());
    text.push('\n');
    text
}

/// One line without HTML tags, images, badges, link targets, bare URLs and bold marks.
fn inline(line: &str) -> String {
    let mut out = String::new();
    let mut rest = line;
    while let Some(c) = rest.chars().next() {
        if c == '<'
            && let Some(end) = rest.find('>')
        {
            rest = &rest[end + 1..];
        } else if rest.starts_with("![") || rest.starts_with("[![") {
            rest = &rest[skip_link(rest)..];
        } else if c == '['
            && let Some(close) = rest.find(']')
        {
            out.push_str(&inline(&rest[1..close]));
            rest = &rest[close + 1..];
            rest = &rest[target_len(rest)..];
        } else if rest.starts_with("http://") || rest.starts_with("https://") {
            rest = &rest[rest.find(char::is_whitespace).unwrap_or(rest.len())..];
        } else if rest.starts_with("**") || rest.starts_with("__") {
            rest = &rest[2..];
        } else {
            out.push(c);
            rest = &rest[c.len_utf8()..];
        }
    }
    out
}

/// The length of a `(url)` or `[ref]` target at the start of `s` (0 if none).
fn target_len(s: &str) -> usize {
    let close = match s.chars().next() {
        Some('(') => ')',
        Some('[') => ']',
        _ => return 0,
    };
    s.find(close).map_or(0, |i| i + 1)
}

/// The length of an image or a linked image (`![alt](url)`, `[![alt][r]](url)`) at the start
/// of `s`: brackets balanced, then its targets.
fn skip_link(s: &str) -> usize {
    let mut depth = 0usize;
    for (i, c) in s.char_indices() {
        match c {
            '[' => depth += 1,
            ']' => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    let mut at = i + 1;
                    at += target_len(&s[at..]);
                    return at;
                }
            }
            '(' if depth > 0 => {}
            _ => {}
        }
    }
    s.len()
}
