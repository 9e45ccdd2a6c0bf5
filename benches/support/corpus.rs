//! What the benchmarks measure on: the bundled sample and the development articles (damaged and
//! clean), technical prose that never repeats a document (cargo's registry cache; `prose.rs`
//! damages half of it), and the percentiles the README quotes. Included by each bench with
//! `#[path]` (a file here is not a bench target of its own). Each bench uses part of it.
#![allow(dead_code)]

use std::path::Path;
use std::time::Duration;

/// The sample and the development articles (tests/data/dev), joined by blank lines.
pub fn articles() -> String {
    let mut parts = vec![galley::cli::SAMPLE.to_string()];
    let dev = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/dev");
    let dir = std::fs::read_dir(&dev).unwrap_or_else(|e| panic!("{}: {e}", dev.display()));
    let mut files: Vec<_> = dir.filter_map(Result::ok).map(|e| e.path()).collect();
    files.sort();
    parts.extend(files.iter().map(|f| std::fs::read_to_string(f).expect("a development article")));
    parts.join("\n\n")
}

/// Text that never repeats a document: every Markdown file over 2 kB that cargo unpacked into
/// its registry cache (building galley fills it), one version of each crate, each distinct
/// content once (crates share a code of conduct), in path order, joined by blank lines. Real
/// technical prose with its markup, as galley is asked to read it; what it holds depends on the
/// machine's cache, so figures quote its size. Empty when there is no cache.
pub fn distinct_documents() -> String {
    markdown_documents().join("\n\n")
}

/// The registry's crates, by name without the version: `rustix-1.1.4` and `rustix-1.1.6` are one.
fn crate_name(dir: &str) -> String {
    // The version starts at the last `-` before a digit.
    dir.rmatch_indices('-')
        .map(|(i, _)| i)
        .find(|&i| dir[i + 1..].starts_with(|c: char| c.is_ascii_digit()))
        .map_or(dir, |i| &dir[..i])
        .to_string()
}

/// The files `keep` takes in each crate of cargo's registry cache, read by `read`: one version
/// of each crate (the newest, near enough: the last by name), each distinct content once, in
/// path order.
fn documents_by(keep: fn(&std::fs::DirEntry) -> bool, read: fn(&Path) -> Option<String>) -> Vec<String> {
    let home = std::env::var_os("CARGO_HOME").map_or_else(
        || Path::new(&std::env::var_os("HOME").expect("HOME or CARGO_HOME")).join(".cargo"),
        std::path::PathBuf::from,
    );
    // (the crate's directory without its version, the path inside it): `rustix-1.1.4/README.md`
    // and `rustix-1.1.6/README.md` are one document.
    let mut files: Vec<(String, std::path::PathBuf)> = Vec::new();
    for registry in std::fs::read_dir(home.join("registry/src")).into_iter().flatten().filter_map(Result::ok) {
        for krate in std::fs::read_dir(registry.path()).into_iter().flatten().filter_map(Result::ok) {
            let name = crate_name(&krate.file_name().to_string_lossy());
            let mut found = Vec::new();
            files_under(&krate.path(), 0, keep, &mut found);
            for f in found {
                let inside = f.strip_prefix(krate.path()).map(|p| p.to_string_lossy().into_owned()).unwrap_or_default();
                files.push((format!("{name}/{inside}"), f));
            }
        }
    }
    files.sort_by(|a, b| a.1.cmp(&b.1));
    let mut keys = std::collections::HashSet::new();
    let mut contents = std::collections::HashSet::new();
    let mut parts = Vec::new();
    for (key, f) in files.iter().rev() {
        // The newest version of a crate sorts last (by name, which is near enough): it is kept.
        if !keys.insert(key.clone()) {
            continue;
        }
        let Some(text) = read(f) else { continue };
        if contents.insert(text.clone()) {
            parts.push((f.clone(), text));
        }
    }
    parts.sort();
    parts.into_iter().map(|(_, t)| t).collect()
}

/// The documentation comments (`///`, `//!`) of a Rust source file, without their markers: the
/// Markdown rustdoc renders. `None` when they are under 2 kB.
fn doc_comments(f: &Path) -> Option<String> {
    let source = std::fs::read_to_string(f).ok()?;
    let mut out = String::new();
    for line in source.lines() {
        let t = line.trim_start();
        if let Some(doc) = t.strip_prefix("///").or_else(|| t.strip_prefix("//!")) {
            out.push_str(doc.strip_prefix(' ').unwrap_or(doc));
            out.push('\n');
        }
    }
    (out.len() > 2048).then_some(out)
}

/// The registry's distinct Markdown documents over 2 kB, as [`distinct_documents`] joins them.
pub fn markdown_documents() -> Vec<String> {
    documents_by(is_markdown, |f| std::fs::read_to_string(f).ok())
}

/// The documentation comments of the registry's Rust sources, one document a file (over 2 kB),
/// one version of each crate, each content once.
pub fn doc_comment_documents() -> Vec<String> {
    documents_by(is_rust, doc_comments)
}

/// The files under `dir` (at most six directories down) that `keep` takes.
fn files_under(dir: &Path, depth: usize, keep: fn(&std::fs::DirEntry) -> bool, out: &mut Vec<std::path::PathBuf>) {
    if depth > 6 {
        return;
    }
    for e in std::fs::read_dir(dir).into_iter().flatten().filter_map(Result::ok) {
        let Ok(kind) = e.file_type() else { continue };
        if kind.is_dir() {
            files_under(&e.path(), depth + 1, keep, out);
        } else if kind.is_file() && keep(&e) {
            out.push(e.path());
        }
    }
}

/// A Markdown file over 2 kB.
fn is_markdown(e: &std::fs::DirEntry) -> bool {
    e.path().extension().is_some_and(|x| x == "md") && e.metadata().is_ok_and(|m| m.len() > 2048)
}

/// A Rust source file.
fn is_rust(e: &std::fs::DirEntry) -> bool {
    e.path().extension().is_some_and(|x| x == "rs")
}

/// Waits for `child` to exit; returns its peak memory in kB, as the kernel counts it (`VmHWM`).
/// The high-water mark only grows: the last reading before the child exits is its peak (a
/// zombie has no memory lines left to read).
pub fn peak_kb(child: &mut std::process::Child) -> u64 {
    let status_file = format!("/proc/{}/status", child.id());
    let mut peak = 0u64;
    while child.try_wait().expect("wait").is_none() {
        let status = std::fs::read_to_string(&status_file).unwrap_or_default();
        if let Some(kb) = status
            .lines()
            .find_map(|l| l.strip_prefix("VmHWM:"))
            .and_then(|v| v.trim().trim_end_matches(" kB").parse().ok())
        {
            peak = kb;
        }
        std::thread::sleep(std::time::Duration::from_millis(1));
    }
    peak
}

/// The `per_mille`-th per-mille of sorted durations (500: median, 990: p99).
pub fn percentile(sorted: &[Duration], per_mille: usize) -> Duration {
    sorted[(sorted.len() - 1) * per_mille / 1000]
}
