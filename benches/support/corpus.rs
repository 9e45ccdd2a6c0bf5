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
