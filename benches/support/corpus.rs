//! What the benchmarks measure on: the bundled sample and the development articles (damaged and
//! clean), repeated; and the percentiles the README quotes. Included by each bench with
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
    let home = std::env::var_os("CARGO_HOME").map_or_else(
        || Path::new(&std::env::var_os("HOME").expect("HOME or CARGO_HOME")).join(".cargo"),
        std::path::PathBuf::from,
    );
    // (the crate's directory without its version, the path inside it): `rustix-1.1.4/README.md`
    // and `rustix-1.1.6/README.md` are one document.
    let mut files: Vec<(String, std::path::PathBuf)> = Vec::new();
    for registry in std::fs::read_dir(home.join("registry/src")).into_iter().flatten().filter_map(Result::ok) {
        for krate in std::fs::read_dir(registry.path()).into_iter().flatten().filter_map(Result::ok) {
            let dir = krate.file_name().to_string_lossy().into_owned();
            // The version starts at the last `-` before a digit.
            let name = dir
                .rmatch_indices('-')
                .map(|(i, _)| i)
                .find(|&i| dir[i + 1..].starts_with(|c: char| c.is_ascii_digit()))
                .map_or(dir.as_str(), |i| &dir[..i])
                .to_string();
            let mut found = Vec::new();
            markdown_under(&krate.path(), 0, &mut found);
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
        let Ok(text) = std::fs::read_to_string(f) else { continue };
        if contents.insert(text.clone()) {
            parts.push((f.clone(), text));
        }
    }
    parts.sort();
    parts.into_iter().map(|(_, t)| t).collect::<Vec<_>>().join("\n\n")
}

fn markdown_under(dir: &Path, depth: usize, out: &mut Vec<std::path::PathBuf>) {
    if depth > 6 {
        return;
    }
    for e in std::fs::read_dir(dir).into_iter().flatten().filter_map(Result::ok) {
        let (path, Ok(kind)) = (e.path(), e.file_type()) else { continue };
        if kind.is_dir() {
            markdown_under(&path, depth + 1, out);
        } else if kind.is_file()
            && path.extension().is_some_and(|x| x == "md")
            && e.metadata().is_ok_and(|m| m.len() > 2048)
        {
            out.push(path);
        }
    }
}

/// About 10 MB of article text: the sample and the development articles, repeated (half of
/// it damaged articles).
pub fn ten_megabytes() -> String {
    let unit = articles();
    let mut text = vec![unit.as_str(); 10_000_000 / unit.len() + 1].join("\n\n");
    text.truncate(text.floor_char_boundary(10_000_000));
    text
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
