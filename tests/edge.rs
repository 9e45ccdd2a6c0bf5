//! The library's edge (issue 15): without its default `reader` feature, galley is the engine
//! alone. It builds without a terminal library, an argument parser or `anyhow`, so that another
//! program can embed the checker.

use std::process::Command;

fn cargo(args: &[&str]) -> std::process::Output {
    let root = env!("CARGO_MANIFEST_DIR");
    Command::new(env!("CARGO"))
        .args(args)
        .current_dir(root)
        // Its own target directory: the one `cargo test` is building in is locked.
        .env("CARGO_TARGET_DIR", format!("{root}/target/lib-only"))
        .output()
        .expect("run cargo")
}

#[test]
fn the_library_builds_without_the_reader_and_its_crates() {
    let tree = cargo(&["tree", "--locked", "--no-default-features", "--edges", "normal", "--prefix", "none"]);
    assert!(tree.status.success(), "{}", String::from_utf8_lossy(&tree.stderr));
    let tree = String::from_utf8_lossy(&tree.stdout);
    for absent in ["ratatui ", "crossterm ", "clap ", "anyhow ", "signal-hook ", "directories "] {
        assert!(!tree.lines().any(|l| l.starts_with(absent)), "the engine alone depends on {absent}:\n{tree}");
    }
    let built = cargo(&["check", "--locked", "--lib", "--no-default-features"]);
    assert!(built.status.success(), "{}", String::from_utf8_lossy(&built.stderr));
}
