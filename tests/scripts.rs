//! The scripts that rebuild the committed assets. They write into `assets/`, so a command line
//! they do not understand must stop them before they read a package or write a byte.

use std::path::Path;
use std::process::Command;

/// Runs `scripts/<name>` with `args` in an empty directory, and says what it printed and left there.
fn run_in_empty_dir(name: &str, args: &[&str]) -> (i32, String, Vec<String>) {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts").join(name);
    let dir = tempfile::tempdir().expect("a temporary directory");
    let out = Command::new("python3")
        .arg(&script)
        .args(args)
        .current_dir(dir.path())
        .output()
        .expect("python3 runs the rebuild scripts; scripts/install-test-tools.sh installs it");
    let left: Vec<String> = walk(dir.path())
        .into_iter()
        .map(|p| p.strip_prefix(dir.path()).expect("under the directory").display().to_string())
        .collect();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stderr).into_owned() + &String::from_utf8_lossy(&out.stdout),
        left,
    )
}

fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir).expect("the directory lists") {
        let path = entry.expect("an entry").path();
        found.push(path.clone());
        if path.is_dir() {
            found.extend(walk(&path));
        }
    }
    found
}

/// Runs `script` with `args` in an empty directory and asserts that it exits with `code`, says
/// each of `says`, and leaves nothing behind.
fn answers_and_touches_nothing(script: &str, args: &[&str], code: i32, says: &[&str]) {
    let (got, said, left) = run_in_empty_dir(script, args);
    assert_eq!(got, code, "{script} {args:?}: {said}");
    for part in says {
        assert!(said.contains(part), "{script} {args:?} does not say {part:?}: {said}");
    }
    assert!(left.is_empty(), "{script} {args:?} left {left:?}");
}

#[test]
fn asking_the_model_rebuild_for_help_prints_its_options_and_touches_nothing() {
    answers_and_touches_nothing(
        "build-model.py",
        &["--help"],
        0,
        &["--grow", "--from-counts", "--cache", "--keep-going"],
    );
}

#[test]
fn an_option_the_model_rebuild_does_not_know_stops_it_before_it_reads_or_writes() {
    answers_and_touches_nothing("build-model.py", &["--grwo"], 2, &["unrecognized arguments: --grwo"]);
}

#[test]
fn asking_the_word_list_rebuild_for_help_prints_usage_and_touches_nothing() {
    answers_and_touches_nothing("build-assets.py", &["--help"], 0, &["usage: build-assets.py"]);
}

#[test]
fn asking_the_evaluation_maker_for_help_prints_its_options_and_touches_nothing() {
    answers_and_touches_nothing("make-eval.py", &["--help"], 0, &["--cache", "--out", "--per-kind"]);
}

#[test]
fn the_evaluation_maker_without_the_corpus_cache_says_what_to_run_and_writes_nothing() {
    answers_and_touches_nothing("make-eval.py", &[], 1, &["build-model.py --grow"]);
}
