//! Writes one of the pathological articles of `cargo bench --bench hostile` (tests/support/
//! hostile.rs) to the path given, so that a figure of README's hostile table can be measured
//! by hand (`/usr/bin/time -f %M galley check OUT`) or profiled.
//!
//! `cargo run --release --example hostile -- KIND BYTES OUT`, KIND one of the names in
//! tests/support/hostile.rs's `KINDS` (`one-word`, `one-line`, `dotted`, `capitalised`,
//! `in-capitals`, `random-words`, `casings`, `misspellings`, `random-bytes`).

#[path = "../tests/support/hostile.rs"]
mod hostile;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [kind, size, out] = args.as_slice() else {
        eprintln!("usage: hostile KIND BYTES OUT");
        std::process::exit(2);
    };
    if !hostile::KINDS.iter().any(|(k, _, _)| k == kind) {
        eprintln!("hostile: no such kind: {kind}");
        std::process::exit(2);
    }
    let size: usize = size.parse().unwrap_or_else(|_| {
        eprintln!("hostile: not a size in bytes: {size}");
        std::process::exit(2);
    });
    if let Err(e) = std::fs::write(out, hostile::input(kind, size)) {
        eprintln!("hostile: {out}: {e}");
        std::process::exit(2);
    }
}
