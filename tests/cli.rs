//! The command line as a script sees it: output, formats, exit codes and bad input.
//! Every run gets a temporary HOME and XDG data directory: tests never touch the real ones.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

struct Env {
    dir: tempfile::TempDir,
}

impl Env {
    fn new() -> Self {
        Self { dir: tempfile::tempdir().expect("tempdir") }
    }

    fn file(&self, name: &str, bytes: &[u8]) -> PathBuf {
        let p = self.dir.path().join(name);
        std::fs::write(&p, bytes).expect("write");
        p
    }

    fn run(&self, args: &[&str], stdin: &[u8]) -> Output {
        let data = self.dir.path().join("data");
        let mut child = Command::new(env!("CARGO_BIN_EXE_galley"))
            .args(args)
            .current_dir(self.dir.path())
            .env("HOME", self.dir.path())
            .env("XDG_DATA_HOME", &data)
            .env("XDG_CONFIG_HOME", self.dir.path().join("config"))
            .env("XDG_STATE_HOME", self.dir.path().join("state"))
            .env("XDG_CACHE_HOME", self.dir.path().join("cache"))
            // The test's web server is on this machine: no proxy stands between.
            .env_remove("HTTP_PROXY")
            .env_remove("http_proxy")
            .env_remove("HTTPS_PROXY")
            .env_remove("https_proxy")
            .env_remove("ALL_PROXY")
            .env_remove("all_proxy")
            .env("NO_PROXY", "127.0.0.1,localhost")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn galley");
        // galley may exit before reading its input (a bad option, a bad file): a closed pipe
        // here is not the test's concern.
        let _ = child.stdin.take().expect("stdin").write_all(stdin);
        child.wait_with_output().expect("wait")
    }

    /// Writes galley's config file; returns its path.
    fn config(&self, toml: &str) -> PathBuf {
        let d = self.dir.path().join("config/galley");
        std::fs::create_dir_all(&d).expect("mkdir");
        std::fs::write(d.join("config.toml"), toml).expect("write");
        d.join("config.toml")
    }

    fn personal(&self, words: &str) {
        let d = self.dir.path().join("data/galley");
        std::fs::create_dir_all(&d).expect("mkdir");
        std::fs::write(d.join("words.txt"), words).expect("write");
    }
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn path_str(p: &Path) -> &str {
    p.to_str().expect("utf-8 path")
}

#[test]
fn check_lists_suspects_as_path_line_column_word_and_fixes() {
    let env = Env::new();
    let f = env.file("a.txt", b"Fine line.\nThe kuberanetes clustr is up.\n");
    let o = env.run(&["check", path_str(&f)], b"");
    assert_eq!(o.status.code(), Some(1));
    let p = path_str(&f);
    let out = stdout(&o);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 2, "{out}");
    assert!(lines[0].starts_with(&format!("{p}:2:5: kuberanetes -> Kubernetes")), "{out}");
    assert!(lines[1].starts_with(&format!("{p}:2:17: clustr -> cluster")), "{out}");
}

#[test]
fn check_of_clean_text_exits_zero_and_prints_nothing() {
    let env = Env::new();
    let o = env.run(&["check"], b"The cluster runs Kubernetes on Linux.\n");
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    assert_eq!(stdout(&o), "");
}

#[test]
fn check_json_has_exactly_the_documented_fields_and_byte_offsets() {
    let env = Env::new();
    // A BOM, CRLF and a multi-byte character before the suspect: offset is bytes, column chars.
    let text = "\u{feff}Caf\u{e9}\r\nna\u{ef}ve clustr\r\n";
    let o = env.run(&["check", "--format", "json", "-"], text.as_bytes());
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    let v: serde_json::Value = serde_json::from_str(out.lines().next().expect("a line")).expect("json");
    let obj = v.as_object().expect("object");
    let mut keys: Vec<&str> = obj.keys().map(String::as_str).collect();
    keys.sort_unstable();
    assert_eq!(keys, ["column", "confident", "kind", "length", "line", "offset", "path", "suggestions", "word"]);
    assert_eq!(v["word"], "clustr");
    assert_eq!(v["line"], 2);
    assert_eq!(v["column"], 7);
    let offset = v["offset"].as_u64().expect("offset") as usize;
    assert_eq!(&text.as_bytes()[offset..offset + 6], b"clustr");
    assert_eq!(v["length"], 6);
    assert_eq!(v["kind"], "spelling");
    assert_eq!(v["suggestions"][0], "cluster");
    assert_eq!(v["confident"], true);
}

#[test]
fn fix_leaves_a_guess_for_the_reader() {
    let env = Env::new();
    // `gparted`'s best fix here (`started`) changes its first two letters: listed, not applied.
    let o = env.run(&["check", "--format", "json", "-"], b"Run gparted to resize a clustr.\n");
    let lines: Vec<serde_json::Value> = stdout(&o).lines().map(|l| serde_json::from_str(l).expect("json")).collect();
    let by_word = |w: &str| lines.iter().find(|v| v["word"] == w).unwrap_or_else(|| panic!("{w} listed"));
    assert_eq!(by_word("gparted")["confident"], false);
    assert_eq!(by_word("clustr")["confident"], true);
    let o = env.run(&["fix", "-"], b"Run gparted to resize a clustr.\n");
    assert_eq!(stdout(&o), "Run gparted to resize a cluster.\n");
}

#[test]
fn check_reports_casing_as_its_own_kind() {
    let env = Env::new();
    let o = env.run(&["check", "--format", "json"], b"We deploy on kubernetes.\n");
    let v: serde_json::Value = serde_json::from_str(stdout(&o).trim()).expect("json");
    assert_eq!(v["kind"], "casing");
    assert_eq!(v["suggestions"][0], "Kubernetes");
}

#[test]
fn no_suggestions_lists_the_same_suspects_with_empty_lists() {
    let env = Env::new();
    let text = galley::cli::SAMPLE.as_bytes();
    let with = env.run(&["check", "--format", "json", "-"], text);
    let without = env.run(&["check", "--format", "json", "--no-suggestions", "-"], text);
    let spans = |o: &Output| -> Vec<(u64, u64, String)> {
        stdout(o)
            .lines()
            .map(|l| serde_json::from_str::<serde_json::Value>(l).expect("json"))
            .map(|v| (v["offset"].as_u64().unwrap_or(0), v["length"].as_u64().unwrap_or(0), v["word"].to_string()))
            .collect()
    };
    assert_eq!(spans(&with), spans(&without));
    // Without fixes there is nothing to be unsure of.
    assert!(stdout(&without).lines().all(|l| l.ends_with("\"suggestions\":[],\"confident\":true}")));
}

#[test]
fn suggest_takes_words_from_arguments_or_stdin_in_order() {
    let env = Env::new();
    let o = env.run(&["suggest", "--format", "json", "teh", "cluster", "kubernetes"], b"");
    assert_eq!(o.status.code(), Some(1));
    let lines: Vec<serde_json::Value> = stdout(&o).lines().map(|l| serde_json::from_str(l).expect("json")).collect();
    assert_eq!(lines[0]["word"], "teh");
    assert_eq!(lines[0]["suggestions"][0], "the");
    assert_eq!(lines[1], serde_json::json!({"word": "cluster", "suggestions": []}));
    assert_eq!(lines[2]["suggestions"][0], "Kubernetes");
    let o = env.run(&["suggest"], b"clustr\n\ncluster\n");
    assert!(stdout(&o).starts_with("clustr -> cluster"));
    assert!(stdout(&o).ends_with("cluster: ok\n"));
}

#[test]
fn suggest_of_known_words_exits_zero() {
    let env = Env::new();
    let o = env.run(&["suggest", "cluster", "Kubernetes"], b"");
    assert_eq!(o.status.code(), Some(0));
}

#[test]
fn fix_writes_the_fixed_text_and_keeps_every_other_byte() {
    let env = Env::new();
    let f = env.file("a.txt", b"\xef\xbb\xbfThe kuberanetes clustr\r\n\tis up");
    let o = env.run(&["fix", path_str(&f)], b"");
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(o.stdout, b"\xef\xbb\xbfThe Kubernetes cluster\r\n\tis up");
    let out = env.dir.path().join("out.txt");
    let o = env.run(&["fix", path_str(&f), "-o", path_str(&out)], b"");
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(std::fs::read(&out).expect("out"), b"\xef\xbb\xbfThe Kubernetes cluster\r\n\tis up");
}

#[test]
fn fix_in_place_keeps_a_backup() {
    let env = Env::new();
    let original = b"A clustr.\n";
    let f = env.file("a.txt", original);
    let o = env.run(&["fix", "--in-place", path_str(&f)], b"");
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert_eq!(std::fs::read(&f).expect("fixed"), b"A cluster.\n");
    assert_eq!(std::fs::read(env.dir.path().join("a.txt.bak")).expect("backup"), original);
}

#[test]
fn fix_of_clean_text_exits_zero_and_changes_nothing() {
    let env = Env::new();
    let o = env.run(&["fix", "-"], b"All is well.\n");
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(o.stdout, b"All is well.\n");
}

#[test]
fn fix_diff_prints_a_unified_diff() {
    let env = Env::new();
    let f = env.file("a.txt", b"one\nA clustr.\nthree\n");
    let o = env.run(&["fix", "--diff", path_str(&f)], b"");
    let out = stdout(&o);
    assert!(out.contains("-A clustr.\n+A cluster.\n"), "{out}");
    assert!(out.starts_with("--- a/"), "{out}");
}

#[test]
fn personal_dictionary_and_vocab_are_layers() {
    let env = Env::new();
    env.personal("clustr\n");
    let o = env.run(&["check"], b"A clustr of Diagrd nodes.\n");
    assert!(!stdout(&o).contains("clustr"), "{}", stdout(&o));
    let o = env.run(&["check", "--no-personal"], b"A clustr.\n");
    assert!(stdout(&o).contains("clustr"));
    let vocab = env.file("vocab.txt", b"# our product\nFlubbernetes\n");
    let o = env.run(&["check", "--vocab", path_str(&vocab)], b"We run flubbernetes.\n");
    assert!(stdout(&o).contains("flubbernetes -> Flubbernetes"), "{}", stdout(&o));
}

#[test]
fn lang_chooses_the_dialect() {
    let env = Env::new();
    assert_eq!(env.run(&["check", "--lang", "en-GB"], b"The colour.\n").status.code(), Some(0));
    let o = env.run(&["check", "--lang", "en-US"], b"The colour.\n");
    assert!(stdout(&o).contains("colour -> color"), "{}", stdout(&o));
}

#[test]
fn bad_input_is_one_line_and_exit_two() {
    let env = Env::new();
    let missing = env.dir.path().join("missing.txt");
    let bad_utf8 = env.file("bad.txt", b"ok\n\xff\xfe");
    let binary = env.file("bin.dat", b"ELF\0\0\x01");
    let dir = env.dir.path().join("sub");
    std::fs::create_dir(&dir).expect("mkdir");
    for (path, what) in [
        (missing.clone(), "No such file"),
        (bad_utf8, "not valid UTF-8 at byte 3"),
        (binary, "binary content"),
        (dir, "is a directory"),
    ] {
        let p = path_str(&path);
        for args in [vec!["check", p], vec!["fix", p]] {
            let o = env.run(&args, b"");
            assert_eq!(o.status.code(), Some(2), "{args:?}");
            let err = stderr(&o);
            assert_eq!(err.lines().count(), 1, "{err}");
            assert!(err.starts_with(&format!("galley: {p}: ")), "{err}");
            assert!(err.contains(what), "{err}");
            assert_eq!(err.matches(what).count(), 1, "said once: {err}");
            assert_eq!(o.stdout, b"");
        }
    }
    // Nothing is written for bad input.
    let out = env.dir.path().join("out.txt");
    let o = env.run(&["fix", path_str(&missing), "-o", path_str(&out)], b"");
    assert_eq!(o.status.code(), Some(2));
    assert!(!out.exists());
}

#[test]
fn lossy_reads_invalid_utf8_as_replacement_characters_and_never_saves_over_the_source() {
    let env = Env::new();
    // Latin-1 bytes in an otherwise UTF-8 article: "caf\xe9" and a stray "\xff\xfe".
    let bytes = b"The caf\xe9 recieve the kubernetes\n\xff\xfe end.\n";
    let src = env.file("latin.txt", bytes);
    let p = path_str(&src);

    let o = env.run(&["check", p], b"");
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("not valid UTF-8 at byte 7 (--lossy reads it"), "{}", stderr(&o));

    let o = env.run(&["check", "--lossy", p], b"");
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let found = stdout(&o);
    assert!(found.contains(":1:10: recieve -> receive"), "{found}");
    assert!(found.contains(":1:22: kubernetes -> Kubernetes"), "{found}");
    // A word touching a replacement character lost letters: it is not guessed at.
    assert!(!found.contains("caf"), "{found}");

    // The fixed text goes to stdout or to a new file, with U+FFFD where the bytes were.
    let o = env.run(&["fix", "--lossy", p], b"");
    // Each invalid sequence is one U+FFFD, as `String::from_utf8_lossy` reads them.
    assert_eq!(stdout(&o), "The caf\u{fffd} receive the Kubernetes\n\u{fffd}\u{fffd} end.\n");
    let out = env.dir.path().join("fixed.txt");
    let o = env.run(&["fix", "--lossy", p, "-o", path_str(&out)], b"");
    assert_eq!(o.status.code(), Some(1));
    assert!(std::fs::read_to_string(&out).expect("written").starts_with("The caf\u{fffd} receive"));

    // Never over the source, under any name: one line, exit 2, the file untouched.
    let dot = format!("./{}", src.file_name().and_then(|n| n.to_str()).expect("name"));
    for args in [
        vec!["fix", "--lossy", "--in-place", p],
        vec!["fix", "--lossy", p, "-o", p],
        vec!["fix", "--lossy", p, "-o", &dot],
    ] {
        let o = env.run(&args, b"");
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        let err = stderr(&o);
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(err.contains("read with --lossy, so saving over it would lose its bytes"), "{err}");
        assert_eq!(std::fs::read(&src).expect("source"), bytes);
    }
    assert!(!env.dir.path().join("latin.txt.bak").exists());

    // A valid file is not protected by --lossy.
    let good = env.file("good.txt", b"recieve\n");
    let o = env.run(&["fix", "--lossy", "--in-place", path_str(&good)], b"");
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert_eq!(std::fs::read_to_string(&good).expect("fixed"), "receive\n");
}

#[test]
fn the_config_sets_the_dialect_and_backup_and_the_command_line_wins() {
    let env = Env::new();
    let a = env.file("a.txt", b"The colour of the recieve.\n");
    let p = path_str(&a);
    let o = env.run(&["check", p], b"");
    assert!(!stdout(&o).contains("colour"), "auto takes the article's own dialect: {}", stdout(&o));
    env.config("dialect = \"en-US\"\nbackup = false\n");
    let o = env.run(&["check", p], b"");
    assert!(stdout(&o).contains("colour -> color"), "{}", stdout(&o));
    assert_eq!(stderr(&o), "");
    let o = env.run(&["check", "--lang", "en-GB", p], b"");
    assert!(!stdout(&o).contains("colour"), "--lang wins over the config: {}", stdout(&o));
    let o = env.run(&["fix", "--in-place", p], b"");
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert_eq!(std::fs::read_to_string(&a).expect("fixed"), "The color of the receive.\n");
    assert!(!env.dir.path().join("a.txt.bak").exists(), "backup = false");
}

#[test]
fn an_unknown_config_key_warns_with_its_line_and_a_bad_value_stops_with_it() {
    let env = Env::new();
    let a = env.file("a.txt", b"the recieve\n");
    let p = path_str(&a);
    let config = env.config("backup = true\nmove_to_next = false\n");
    let o = env.run(&["check", p], b"");
    assert_eq!(o.status.code(), Some(1), "a warning does not stop the command");
    assert_eq!(
        stderr(&o),
        format!(
            "galley: warning: {}:2: unknown key `move_to_next` ignored (did you mean `move-to-next`?)\n",
            config.display()
        )
    );
    assert!(stdout(&o).contains("recieve -> receive"));

    let config = env.config("backup = true\n\n[colours]\nfixed = \"greenish\"\n");
    let out = env.dir.path().join("out.txt");
    for args in [vec!["check", p], vec!["fix", p, "-o", path_str(&out)], vec!["dict", "list"]] {
        let o = env.run(&args, b"");
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        let err = stderr(&o);
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(err.starts_with(&format!("galley: {}:4: unknown colour `greenish`", config.display())), "{err}");
        assert_eq!(o.stdout, b"");
    }
    assert!(!out.exists(), "nothing is written");
    env.config("wrap = 72\nwrap = 80\n");
    let o = env.run(&["check", p], b"");
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains(":2: duplicate key"), "{}", stderr(&o));
}

#[test]
fn a_bad_vocab_line_names_the_file_and_line() {
    let env = Env::new();
    let vocab = env.file("v.txt", b"good\ntwo words\n");
    let o = env.run(&["check", "--vocab", path_str(&vocab)], b"x\n");
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).starts_with(&format!("galley: {}:2: ", path_str(&vocab))), "{}", stderr(&o));
}

#[test]
fn help_and_version() {
    let env = Env::new();
    let o = env.run(&["--help"], b"");
    assert_eq!(o.status.code(), Some(0));
    for word in ["check", "suggest", "fix", "--lang", "--vocab", "--no-personal"] {
        assert!(stdout(&o).contains(word), "{word}");
    }
    let o = env.run(&["--version"], b"");
    let version = stdout(&o);
    assert!(version.starts_with(&format!("galley {} (word data ", env!("CARGO_PKG_VERSION"))), "{version}");
    assert!(version.contains("casing model GALLEYM2") && version.contains(" M words from "), "{version}");
}

/// Issue 15, 6: completions for bash, zsh and fish, and a man page, from the same definition
/// as --help.
#[test]
fn completions_and_a_man_page() {
    let env = Env::new();
    for (shell, mark) in [("bash", "complete -F _galley"), ("zsh", "#compdef galley"), ("fish", "complete -c galley")] {
        let o = env.run(&["completions", shell], b"");
        assert_eq!(o.status.code(), Some(0), "{shell}: {}", stderr(&o));
        let script = stdout(&o);
        assert!(script.contains(mark), "{shell}: {script}");
        for word in ["check", "suggest", "fix", "dict", "no-suggestions"] {
            assert!(script.contains(word), "{shell} lacks {word}");
        }
    }
    let o = env.run(&["completions", "tcsh"], b"");
    assert_eq!(o.status.code(), Some(2), "an unknown shell is bad input");
    let o = env.run(&["man"], b"");
    assert_eq!(o.status.code(), Some(0));
    let page = stdout(&o);
    assert!(page.contains(".TH galley 1") && page.contains(".SH SYNOPSIS") && page.contains("check"), "{page}");
}

#[test]
fn the_reader_without_a_terminal_says_so_and_exits_two() {
    let env = Env::new();
    let article = env.file("a.txt", b"Teh end.\n");
    for args in [vec![], vec![path_str(&article)], vec!["-"]] {
        let o = env.run(&args, b"Teh end.\n");
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert_eq!(stderr(&o), "galley: the reader needs a terminal (use `galley check` or `galley fix` in scripts)\n");
        assert_eq!(o.stdout, b"");
    }
    assert_eq!(std::fs::read(&article).expect("read"), b"Teh end.\n", "nothing written");
    assert!(!env.dir.path().join("state/galley").exists(), "no journal is left behind");
    // Bad input is reported before the terminal is looked at.
    let o = env.run(&["missing.txt"], b"");
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).starts_with("galley: missing.txt: "), "{}", stderr(&o));
}

#[test]
fn an_enormous_file_is_refused_at_once_and_an_empty_one_has_nothing_to_check() {
    let env = Env::new();
    let big = env.dir.path().join("big.txt");
    // A sparse 200 MB file: refused from its size, before any of it is read.
    std::fs::File::create(&big).and_then(|f| f.set_len(200_000_000)).expect("sparse file");
    let started = std::time::Instant::now();
    let o = env.run(&["check", "big.txt"], b"");
    assert!(started.elapsed() < std::time::Duration::from_secs(1));
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(stderr(&o), "galley: big.txt: 200 MB is too large (galley reads up to 64 MB of it)\n");
    let o = env.run(&["big.txt"], b"");
    assert_eq!(o.status.code(), Some(2), "the reader refuses it too");
    env.file("empty.txt", b"");
    let o = env.run(&["check", "empty.txt"], b"");
    assert_eq!((o.status.code(), stderr(&o).as_str()), (Some(0), "galley: empty.txt: empty, nothing to check\n"));
}

#[test]
fn dict_adds_lists_removes_and_imports_and_check_obeys_it() {
    let env = Env::new();
    let o = env.run(&["dict", "add", "clustr", "Diagrd"], b"");
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(stdout(&env.run(&["dict", "list"], b"")), "clustr\nDiagrd\n");
    assert_eq!(env.run(&["check", "-"], b"A clustr.\n").status.code(), Some(0));
    assert_eq!(env.run(&["dict", "remove", "clustr"], b"").status.code(), Some(0));
    assert_eq!(env.run(&["dict", "remove", "clustr"], b"").status.code(), Some(1), "not there any more");
    assert_eq!(env.run(&["check", "-"], b"A clustr.\n").status.code(), Some(1));
    env.file("aspell.pws", b"personal_ws-1.1 en 2\nkubecn\nMirantis\n");
    env.file("hunspell.dic", b"roden/S\n*teh\n");
    assert_eq!(env.run(&["dict", "import", "aspell.pws"], b"").status.code(), Some(0));
    assert_eq!(env.run(&["dict", "import", "hunspell.dic"], b"").status.code(), Some(0));
    assert_eq!(stdout(&env.run(&["dict", "list"], b"")), "Diagrd\nkubecn\nMirantis\nroden\n");
    env.file("bad.txt", b"fine\ntwo words\n");
    let o = env.run(&["dict", "import", "bad.txt"], b"");
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).starts_with("galley: bad.txt:2: "), "{}", stderr(&o));
}

#[test]
fn fix_in_place_never_writes_through_a_planted_backup_link() {
    let env = Env::new();
    let mine = env.file("mine.txt", b"my own work\n");
    let art = env.file("art.txt", b"A clustr.\n");
    std::os::unix::fs::symlink(&mine, env.dir.path().join("art.txt.bak")).expect("plant");
    let o = env.run(&["fix", "--in-place", "art.txt"], b"");
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert_eq!(std::fs::read(&mine).expect("mine"), b"my own work\n", "the link's target is untouched");
    assert_eq!(std::fs::read(&art).expect("art"), b"A cluster.\n");
    assert_eq!(std::fs::read(env.dir.path().join("art.txt.bak.1")).expect("backup"), b"A clustr.\n");
    assert_eq!(stderr(&o), "galley: art.txt: the original is in art.txt.bak.1\n");
}

#[test]
fn output_and_its_link_a_new_file_replaces_the_link_and_follows_the_umask() {
    use std::os::unix::fs::MetadataExt;
    let env = Env::new();
    let mine = env.file("mine.txt", b"my own work\n");
    env.file("art.txt", b"A clustr.\n");
    let out = env.dir.path().join("out.txt");
    std::os::unix::fs::symlink(&mine, &out).expect("plant");
    let o = env.run(&["fix", "art.txt", "-o", "out.txt"], b"");
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert_eq!(std::fs::read(&mine).expect("mine"), b"my own work\n");
    assert!(!out.is_symlink(), "the link was replaced by a new file");
    assert_eq!(std::fs::read(&out).expect("out"), b"A cluster.\n");
    // A file created here by the test itself shows what the umask gives.
    let probe = env.file("probe.txt", b"");
    let mode = |p: &Path| std::fs::metadata(p).expect("meta").mode() & 0o777;
    assert_eq!(mode(&out), mode(&probe), "not 0600: the user's umask decides");
}

#[test]
fn a_second_fix_in_place_keeps_the_pristine_original() {
    let env = Env::new();
    let art = env.file("art.txt", b"A clustr and teh end.\n");
    assert_eq!(env.run(&["fix", "--in-place", "art.txt"], b"").status.code(), Some(1));
    // The reader of the result puts a new slip in, and fixes again.
    std::fs::write(&art, b"A cluster and the end of kuberanetes.\n").expect("edit");
    let o = env.run(&["fix", "--in-place", "art.txt"], b"");
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(std::fs::read(env.dir.path().join("art.txt.bak")).expect("bak"), b"A clustr and teh end.\n");
    assert_eq!(
        std::fs::read(env.dir.path().join("art.txt.bak.1")).expect("bak.1"),
        b"A cluster and the end of kuberanetes.\n"
    );
    assert!(stderr(&o).contains("art.txt.bak.1"), "{}", stderr(&o));
}

#[test]
fn fifos_devices_and_huge_files_are_refused_wherever_galley_reads() {
    let env = Env::new();
    let fifo = env.dir.path().join("fifo");
    assert!(Command::new("mkfifo").arg(&fifo).status().expect("mkfifo").success());
    env.file("a.txt", b"A clustr.\n");
    let started = std::time::Instant::now();
    for args in [
        vec!["check", "fifo"],
        vec!["check", "--vocab", "fifo", "a.txt"],
        vec!["check", "--vocab", "/dev/zero", "a.txt"],
        vec!["dict", "import", "/dev/zero"],
        vec!["dict", "import", "fifo"],
        vec!["fix", "/dev/zero"],
    ] {
        let o = env.run(&args, b"");
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        let err = stderr(&o);
        assert_eq!(err.lines().count(), 1, "{args:?}: {err}");
        assert!(err.ends_with(": not a regular file\n"), "{args:?}: {err}");
    }
    // The config and the personal dictionary, as links to /dev/zero.
    let config = env.config("");
    std::fs::remove_file(&config).expect("rm");
    std::os::unix::fs::symlink("/dev/zero", &config).expect("link");
    let o = env.run(&["check", "a.txt"], b"");
    assert_eq!((o.status.code(), stderr(&o).ends_with("config.toml: not a regular file\n")), (Some(2), true));
    std::fs::remove_file(&config).expect("rm");
    env.personal("");
    let words = env.dir.path().join("data/galley/words.txt");
    std::fs::remove_file(&words).expect("rm");
    std::os::unix::fs::symlink("/dev/zero", &words).expect("link");
    let o = env.run(&["check", "a.txt"], b"");
    assert_eq!((o.status.code(), stderr(&o).ends_with("words.txt: not a regular file\n")), (Some(2), true));
    assert!(started.elapsed() < std::time::Duration::from_secs(20), "nothing hung");
}

/// A journal as a reader that was killed after saving once would leave it: `Teh` fixed and
/// saved, then `end` fixed and not saved.
fn unfinished_session(env: &Env, article: &Path) {
    use galley::check::Kind;
    use galley::edit::Change;
    use galley::review::{Action, Decision, Entry, Ignores};
    let fix = |at: usize, old: &str, new: &str| {
        Entry::Decision(Decision {
            action: Action::Accept,
            kind: Kind::Spelling,
            at,
            old: old.into(),
            changes: vec![Change { at, old: old.into(), new: new.into() }],
            ignores: Ignores::default(),
        })
    };
    let state = env.dir.path().join("state/galley");
    let mut j = galley::store::journal::Journal::start(&state, article, "Teh end.\n").expect("journal");
    j.record(&fix(0, "Teh", "The")).expect("record");
    j.saved("The end.\n").expect("saved");
    std::fs::write(article, "The end.\n").expect("the session's save");
    j.record(&fix(4, "end", "End")).expect("record");
}

#[test]
fn recovery_never_overwrites_what_someone_wrote_after_the_last_save() {
    let env = Env::new();
    let article = env.file("a.txt", b"Teh end.\n");
    unfinished_session(&env, &article);
    std::fs::write(&article, "Someone else's text.\n").expect("someone writes the file");
    let o = env.run(&["--recover", "a.txt"], b"");
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.starts_with("galley: a.txt: changed on disk since the unfinished session last saved"), "{err}");
    assert!(err.contains("-o OTHER"), "{err}");
    assert_eq!(std::fs::read(&article).expect("read"), b"Someone else's text.\n");
    assert!(!env.dir.path().join("a.txt.bak").exists(), "nothing written");
    // Offered another path, it writes the recovered text there and leaves the file alone.
    let o = env.run(&["--recover", "a.txt", "-o", "recovered.txt"], b"");
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(std::fs::read(env.dir.path().join("recovered.txt")).expect("read"), b"The End.\n");
    assert_eq!(std::fs::read(&article).expect("read"), b"Someone else's text.\n");
}

#[test]
fn recovery_over_the_file_keeps_what_it_held_in_a_backup() {
    let env = Env::new();
    let article = env.file("a.txt", b"Teh end.\n");
    env.file("a.txt.bak", b"an older backup\n");
    unfinished_session(&env, &article);
    let o = env.run(&["--recover", "a.txt"], b"");
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(stdout(&o), "a.txt: restored 2 decisions and saved it (the previous text is in a.txt.bak.1)\n");
    assert_eq!(std::fs::read(&article).expect("read"), b"The End.\n");
    assert_eq!(std::fs::read(env.dir.path().join("a.txt.bak")).expect("read"), b"an older backup\n");
    assert_eq!(std::fs::read(env.dir.path().join("a.txt.bak.1")).expect("read"), b"The end.\n");
}

#[test]
fn dict_refuses_words_with_control_characters_or_nul() {
    let env = Env::new();
    // (A NUL cannot be in an argument; it is tried in a list to import below.)
    for word in ["evil\u{1b}[2J", "c1\u{9b}x"] {
        let o = env.run(&["dict", "add", word], b"");
        assert_eq!(o.status.code(), Some(2), "{word:?}");
        assert!(stderr(&o).contains("control character"), "{}", stderr(&o));
    }
    for list in ["fine\nbad\u{1b}]0;x\u{7}\n", "fine\nnul\u{0}word\n"] {
        env.file("list.txt", list.as_bytes());
        let o = env.run(&["dict", "import", "list.txt"], b"");
        assert_eq!(o.status.code(), Some(2));
        assert!(stderr(&o).starts_with("galley: list.txt:2: a word with a control character"), "{}", stderr(&o));
    }
    assert_eq!(stdout(&env.run(&["dict", "list"], b"")), "", "nothing was added");
}

#[test]
fn options_every_command_takes_may_come_before_the_command() {
    let env = Env::new();
    env.file("a.txt", b"The colour of teh sky.\n");
    env.file("words.txt", b"colour\n");
    for args in [
        vec!["--lang", "en-US", "check", "a.txt"],
        vec!["check", "--lang", "en-US", "a.txt"],
        vec!["--no-personal", "--lang=en-US", "check", "a.txt"],
    ] {
        let o = env.run(&args, b"");
        assert_eq!(o.status.code(), Some(1), "{args:?}: {}", stderr(&o));
        assert!(stdout(&o).contains("colour -> color"), "{args:?}: {}", stdout(&o));
    }
    let o = env.run(&["--vocab", "words.txt", "--lang", "en-US", "fix", "a.txt"], b"");
    assert_eq!(stdout(&o), "The colour of the sky.\n", "{}", stderr(&o));
    // What only the reader takes is refused before a command, in one line.
    for args in [vec!["a.txt", "check"], vec!["--no-backup", "check", "a.txt"]] {
        let o = env.run(&args, b"");
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert!(stderr(&o).contains("is for the reader and cannot come before a command"), "{}", stderr(&o));
        assert_eq!(stderr(&o).lines().count(), 1);
    }
}

#[test]
fn importing_a_large_list_is_linear() {
    let env = Env::new();
    // 200,000 distinct words: the list took almost a minute when each word was looked for in
    // the whole dictionary.
    let mut list = String::new();
    for n in 0..200_000u32 {
        let mut w = String::from("zq");
        let mut k = n;
        for _ in 0..4 {
            w.push(char::from(b'a' + (k % 26) as u8));
            k /= 26;
        }
        list.push_str(&w);
        list.push('\n');
    }
    env.file("big.txt", list.as_bytes());
    let started = std::time::Instant::now();
    let o = env.run(&["dict", "import", "big.txt"], b"");
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stdout(&o).starts_with("imported 200000 new of 200000 words"), "{}", stdout(&o));
    assert!(started.elapsed() < std::time::Duration::from_secs(10), "took {:?}", started.elapsed());
}

#[test]
fn a_file_saved_by_root_stays_its_owners_with_its_mode() {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    let env = Env::new();
    let art = env.file("theirs.txt", b"A clustr.\n");
    std::fs::set_permissions(&art, std::fs::Permissions::from_mode(0o640)).expect("chmod");
    // Give the file to another user (nobody); only root can, and only root's save could take
    // it from them. Run as another user, the mode is what this test can still hold.
    let root = std::os::unix::fs::chown(&art, Some(65534), Some(65534)).is_ok();
    let o = env.run(&["fix", "--in-place", "theirs.txt"], b"");
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let meta = std::fs::metadata(&art).expect("meta");
    assert_eq!(meta.mode() & 0o777, 0o640, "the mode is kept");
    if root {
        assert_eq!((meta.uid(), meta.gid()), (65534, 65534), "the owner is kept");
    }
    assert_eq!(std::fs::read(&art).expect("read"), b"A cluster.\n");
}

#[test]
fn many_files_are_checked_on_every_core_and_reported_in_argument_order() {
    let env = Env::new();
    let mut names = Vec::new();
    for n in 0..12 {
        // Files of very different sizes, so that they finish out of order.
        let body = "The kuberanetes clustr is up. ".repeat(1 + (11 - n) * 300);
        names.push(format!("f{n:02}.txt"));
        env.file(&names[n], format!("File {n}: teh start.\n{body}\n").as_bytes());
    }
    names.insert(5, "missing.txt".to_string());
    let args: Vec<&str> = std::iter::once("check").chain(names.iter().map(String::as_str)).collect();
    let all = env.run(&args, b"");
    assert_eq!(all.status.code(), Some(2), "a missing file is an error, and the rest are still checked");
    // The same as checking each file on its own, one after the other.
    let mut expected = String::new();
    for n in &names {
        expected.push_str(&stdout(&env.run(&["check", n], b"")));
    }
    assert_eq!(stdout(&all), expected);
    assert_eq!(stderr(&all).lines().count(), 1, "{}", stderr(&all));
}

/// The words of `check --format json`'s suspects, each checked to lie at its offset in `source`.
fn json_words(o: &Output, source: &str) -> Vec<String> {
    stdout(o)
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).expect("json"))
        .map(|v| {
            let (at, len) =
                (v["offset"].as_u64().expect("offset") as usize, v["length"].as_u64().expect("length") as usize);
            let word = v["word"].as_str().expect("word");
            assert_eq!(&source[at..at + len], word, "offsets are the source's");
            word.to_string()
        })
        .collect()
}

/// Issue 16: a Markdown file has only its prose checked, at the source's own offsets, and `fix`
/// changes bytes only inside words of prose.
#[test]
fn markdown_has_its_prose_checked_and_its_markup_left_alone() {
    let env = Env::new();
    let md = "# Teh guide\n\nInstall it with `cargo add teh`, then read the [manaul](https://exmaple.com/teh).\n\n```sh\nteh --help\n```\n\n<img src=\"teh.png\"> ![a screnshot](img/teh.png) &emsp;\n\n<div>\nsmal print\n</div>\n";
    let file = env.file("README.md", md.as_bytes());
    let o = env.run(&["check", "--format", "json", path_str(&file)], b"");
    let words = json_words(&o, md);
    assert_eq!(words, ["Teh", "manaul", "screnshot"], "prose only");
    let o = env.run(&["fix", path_str(&file)], b"");
    let fixed = stdout(&o);
    assert_eq!(
        fixed,
        md.replace("# Teh", "# The").replace("[manaul]", "[manual]").replace("a screnshot", "a screenshot")
    );
    // `--as text` reads every byte as prose.
    let o = env.run(&["--as", "text", "check", path_str(&file)], b"");
    assert!(stdout(&o).contains("smal ->"), "{}", stdout(&o));
}

/// Issue 16: a saved web page has the text of its article checked, at the source's offsets;
/// the page around it, scripts, code and tags are never touched, and `fix` writes the page
/// byte for byte otherwise.
#[test]
fn a_web_page_has_its_article_checked_and_the_rest_left_alone() {
    let env = Env::new();
    let page = "<!DOCTYPE html>\n<html><head><title>Teh page</title></head>\n<body>\n<nav><a href=\"/\">Hoem</a></nav>\n<article>\n<h1>Running teh cluster</h1>\n<p>The operators use kubernetes &amp; keep a close eye on <a href=\"https://exmaple.com\">teh clustr</a>.</p>\n<pre>teh --help</pre>\n</article>\n<footer>Copyrihgt</footer>\n</body></html>\n";
    let file = env.file("page.html", page.as_bytes());
    let o = env.run(&["check", "--format", "json", path_str(&file)], b"");
    let words = json_words(&o, page);
    assert_eq!(words, ["teh", "kubernetes", "teh", "clustr"], "the article's prose only");
    let o = env.run(&["fix", path_str(&file)], b"");
    let want = page
        .replace("Running teh", "Running the")
        .replace("use kubernetes", "use Kubernetes")
        .replace(">teh clustr<", ">the cluster<");
    assert_eq!(stdout(&o), want);
}

/// A web server on this machine for the test's pages: each request's path gets its canned
/// answer. Nothing reaches the internet.
fn serve(pages: Vec<(&'static str, String)>) -> String {
    use std::io::{BufRead, BufReader};
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    let base = format!("http://{}", listener.local_addr().expect("address"));
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let mut reader = BufReader::new(stream.try_clone().expect("clone"));
            let mut request = String::new();
            if reader.read_line(&mut request).is_err() {
                continue;
            }
            let mut line = String::new();
            while reader.read_line(&mut line).is_ok_and(|n| n > 2) {
                line.clear();
            }
            let path = request.split_whitespace().nth(1).unwrap_or("/").to_string();
            let answer = pages.iter().find(|(p, _)| *p == path).map_or_else(
                || "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".to_string(),
                |(_, a)| a.clone(),
            );
            let mut stream = stream;
            let _ = std::io::Write::write_all(&mut stream, answer.as_bytes());
        }
    });
    base
}

fn answer(content_type: &str, body: &str) -> String {
    format!(
        "HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    )
}

/// Issue 16: an address is fetched (redirects followed and said), read as its content type
/// says, and checked or fixed like a file; a failure is one line and exit 2.
#[test]
fn an_address_is_fetched_and_checked_like_a_file() {
    let env = Env::new();
    let page = "<!DOCTYPE html><html><body><nav>Hoem</nav><article><p>The clustr is up.</p></article></body></html>";
    let base = serve(vec![
        ("/page", answer("text/html; charset=utf-8", page)),
        ("/readme", answer("text/markdown", "# Teh title\n\nSee `teh` and [teh docs](https://teh.io).\n")),
        (
            "/old",
            "HTTP/1.1 301 Moved Permanently\r\nLocation: /page\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                .to_string(),
        ),
        ("/pdf", answer("application/pdf", "%PDF-1.4")),
    ]);
    let o = env.run(&["check", &format!("{base}/page")], b"");
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(stdout(&o).contains("clustr -> cluster") && !stdout(&o).contains("Hoem"), "{}", stdout(&o));
    let o = env.run(&["check", &format!("{base}/readme")], b"");
    let out = stdout(&o);
    let words: Vec<&str> = out.lines().filter_map(|l| l.split(": ").nth(1)?.split(" ->").next()).collect();
    assert_eq!(words, ["Teh", "teh"], "Markdown by its content type: {out}");
    let o = env.run(&["check", &format!("{base}/old")], b"");
    assert!(stderr(&o).contains(&format!("fetched from {base}/page")), "the redirect is said: {}", stderr(&o));
    assert!(stdout(&o).contains("clustr"), "{}", stdout(&o));
    let o = env.run(&["fix", &format!("{base}/page")], b"");
    assert_eq!(stdout(&o), page.replace("clustr", "cluster"));
    for (path, why) in [("/missing", "404"), ("/pdf", "application/pdf")] {
        let o = env.run(&["check", &format!("{base}{path}")], b"");
        assert_eq!(o.status.code(), Some(2), "{path}");
        let e = stderr(&o);
        assert!(e.lines().count() == 1 && e.contains(why), "{path}: {e}");
    }
    let o = env.run(&["fix", "--in-place", &format!("{base}/page")], b"");
    assert_eq!(o.status.code(), Some(2), "an address has no file to rewrite");
}
