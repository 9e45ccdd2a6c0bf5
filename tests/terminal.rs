//! End to end in a real terminal: the built binary runs inside tmux, keys are typed into it, and
//! the saved bytes are checked. Needs tmux: scripts/install-test-tools.sh installs it when it is
//! missing.

use std::path::Path;
use std::process::{Command, Output};
use std::sync::Once;
use std::time::{Duration, Instant};

static TMUX: Once = Once::new();

/// Installs tmux with the project's script if this machine lacks it.
fn ensure_tmux() {
    TMUX.call_once(|| {
        if Command::new("tmux").arg("-V").output().is_ok_and(|o| o.status.success()) {
            return;
        }
        let script = concat!(env!("CARGO_MANIFEST_DIR"), "/scripts/install-test-tools.sh");
        let ok = Command::new("bash").arg(script).status().is_ok_and(|s| s.success());
        assert!(ok, "tmux is missing and {script} could not install it");
    });
}

struct Tmux {
    socket: String,
}

impl Tmux {
    fn new(name: &str) -> Self {
        ensure_tmux();
        Self { socket: format!("galley-{name}-{}", std::process::id()) }
    }

    fn run(&self, args: &[&str]) -> Output {
        Command::new("tmux").arg("-L").arg(&self.socket).args(args).output().expect("tmux runs (apt-get install tmux)")
    }

    fn screen(&self) -> String {
        String::from_utf8_lossy(&self.run(&["capture-pane", "-p", "-t", "t"]).stdout).into_owned()
    }

    fn wait_for(&self, needle: &str) -> String {
        let start = Instant::now();
        loop {
            let s = self.screen();
            if s.contains(needle) {
                return s;
            }
            assert!(start.elapsed() < Duration::from_secs(10), "never saw {needle:?}; screen:\n{s}");
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    fn keys(&self, keys: &[&str]) {
        for k in keys {
            assert!(self.run(&["send-keys", "-t", "t", k]).status.success());
        }
    }

    fn wait_exit(&self) {
        let start = Instant::now();
        while self.run(&["has-session", "-t", "t"]).status.success() {
            assert!(start.elapsed() < Duration::from_secs(10), "galley did not quit; screen:\n{}", self.screen());
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Tmux {
    /// Kills galley as a crash would (`kill -9`): no chance to save or clean up.
    fn kill_galley(&self) {
        self.signal_galley("KILL");
        self.wait_exit();
    }

    /// The pid of galley (the child of the pane's shell).
    fn galley_pid(&self) -> String {
        let o = self.run(&["display-message", "-p", "-t", "t", "#{pane_pid}"]);
        let shell = String::from_utf8_lossy(&o.stdout).trim().to_string();
        let children = std::fs::read_to_string(format!("/proc/{shell}/task/{shell}/children")).unwrap_or_default();
        children
            .split_whitespace()
            .next()
            .unwrap_or_else(|| panic!("galley (a child of {shell}) is not running"))
            .to_string()
    }

    /// Sends galley (the child of the pane's shell) a signal.
    fn signal_galley(&self, signal: &str) {
        let galley = self.galley_pid();
        let sent =
            Command::new("sh").args(["-c", &format!("kill -{signal} {galley}")]).status().is_ok_and(|s| s.success());
        assert!(sent, "could not signal {galley}");
    }
}

/// `galley --recover FILE` in `dir`, with the state directory the reader used there.
fn recover(dir: &Path, file: &str) -> Output {
    Command::new(env!("CARGO_BIN_EXE_galley"))
        .args(["--recover", file])
        .current_dir(dir)
        .env("HOME", dir)
        .env("XDG_STATE_HOME", dir.join("state"))
        .env("XDG_CONFIG_HOME", dir.join("config"))
        .output()
        .expect("run galley")
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.run(&["kill-server"]);
    }
}

fn start(tmux: &Tmux, dir: &Path, args: &str) {
    let cmd = format!(
        "HOME={d} XDG_DATA_HOME={d}/data XDG_STATE_HOME={d}/state XDG_CONFIG_HOME={d}/config TERM=xterm-256color {bin} {args}; sleep 0.2",
        d = dir.display(),
        bin = env!("CARGO_BIN_EXE_galley"),
    );
    let dir = dir.to_str().expect("utf-8 dir");
    let o = tmux.run(&["new-session", "-d", "-s", "t", "-x", "130", "-y", "30", "-c", dir, &cmd]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
}

#[test]
fn fix_by_key_save_and_quit_in_a_real_terminal() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("article.txt");
    let original = "Teh kuberanetes clustr is up.\r\nNo final newline";
    std::fs::write(&file, original).expect("write");
    let tmux = Tmux::new("fix");
    start(&tmux, dir.path(), "article.txt");
    let screen = tmux.wait_for("misspelled · 1 of 3");
    assert!(screen.contains("article.txt · 100% · 1 of 3 left"), "{screen}");
    tmux.keys(&["Enter"]);
    tmux.wait_for("2 left");
    tmux.keys(&["Enter"]);
    tmux.wait_for("1 left");
    tmux.keys(&["i"]);
    tmux.wait_for("0 left · 2 fixed · 1 ignored");
    tmux.keys(&["s"]);
    tmux.wait_for("saved");
    tmux.keys(&["q"]);
    tmux.wait_exit();
    assert_eq!(std::fs::read_to_string(&file).expect("saved"), "The Kubernetes clustr is up.\r\nNo final newline");
    assert_eq!(std::fs::read_to_string(dir.path().join("article.txt.bak")).expect("backup"), original);
}

#[test]
fn quit_with_unsaved_changes_can_discard() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("a.txt");
    std::fs::write(&file, "Teh end.\n").expect("write");
    let tmux = Tmux::new("discard");
    start(&tmux, dir.path(), "a.txt");
    tmux.wait_for("1 left");
    tmux.keys(&["Enter", "q"]);
    tmux.wait_for("unsaved changes");
    tmux.keys(&["d"]);
    tmux.wait_exit();
    assert_eq!(std::fs::read_to_string(&file).expect("read"), "Teh end.\n");
    assert!(!dir.path().join("a.txt.bak").exists());
}

#[test]
fn after_kill_9_every_decision_comes_back() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("article.txt");
    let original = "Teh kuberanetes clustr is up.\n";
    std::fs::write(&file, original).expect("write");
    let tmux = Tmux::new("crash");
    start(&tmux, dir.path(), "article.txt");
    tmux.wait_for("3 left");
    tmux.keys(&["Enter"]);
    tmux.wait_for("2 left");
    tmux.keys(&["Enter"]);
    tmux.wait_for("1 left");
    tmux.kill_galley();
    assert_eq!(std::fs::read_to_string(&file).expect("file"), original, "nothing was saved before the kill");

    // Reopening offers the two decisions, and restores them.
    let tmux = Tmux::new("reopen");
    start(&tmux, dir.path(), "article.txt");
    tmux.wait_for("an unfinished session made 2 unsaved decisions: restore them? y/n");
    tmux.keys(&["y"]);
    let screen = tmux.wait_for("restored 2 decisions");
    assert!(screen.contains("1 left"), "{screen}");
    assert!(screen.contains("The Kubernetes clustr"), "{screen}");
    tmux.kill_galley();

    // `--recover` applies them without the reader, keeps FILE.bak, and removes the journal.
    let o = recover(dir.path(), "article.txt");
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    assert_eq!(std::fs::read_to_string(&file).expect("file"), "The Kubernetes clustr is up.\n");
    assert_eq!(std::fs::read_to_string(dir.path().join("article.txt.bak")).expect("backup"), original);
    let left = std::fs::read_dir(dir.path().join("state/galley/journal"))
        .map_or(0, |d| d.flatten().filter(|e| !e.file_name().to_string_lossy().ends_with(".lock")).count());
    assert_eq!(left, 0, "the journal is removed once recovered");
}

#[test]
fn restoring_a_session_never_saves_over_what_someone_wrote_after_its_last_save() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("a.txt");
    std::fs::write(&file, "Teh kuberanetes clustr is up.\n").expect("write");
    let tmux = Tmux::new("changed");
    start(&tmux, dir.path(), "a.txt");
    tmux.wait_for("3 left");
    tmux.keys(&["Enter", "s"]);
    tmux.wait_for("saved");
    tmux.keys(&["Enter"]);
    tmux.wait_for("1 left");
    tmux.kill_galley();
    std::fs::write(&file, "Someone else's text.\n").expect("someone writes the file");
    let tmux = Tmux::new("changed-reopen");
    start(&tmux, dir.path(), "a.txt");
    tmux.wait_for("(the file changed since: s will save them to a new file)");
    tmux.keys(&["y"]);
    tmux.wait_for("restored 2 decisions · a.txt changed on disk: s saves to a new file");
    tmux.keys(&["s"]);
    tmux.wait_for("save as:");
    assert_eq!(std::fs::read_to_string(&file).expect("file"), "Someone else's text.\n");
    tmux.keys(&["recovered.txt", "Enter"]);
    tmux.wait_for("saved recovered.txt");
    assert_eq!(
        std::fs::read_to_string(dir.path().join("recovered.txt")).expect("recovered"),
        "The Kubernetes clustr is up.\n"
    );
    assert_eq!(std::fs::read_to_string(&file).expect("file"), "Someone else's text.\n");
    tmux.keys(&["q"]);
    tmux.wait_exit();
}

#[test]
fn a_terminating_signal_restores_the_terminal_and_keeps_the_journal() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("a.txt"), "Teh end.\n").expect("write");
    for signal in ["TERM", "HUP"] {
        let tmux = Tmux::new(&format!("signal-{signal}"));
        // After galley ends, the shell prints whether the terminal is back in cooked mode.
        start(&tmux, dir.path(), "a.txt; stty -a | grep -o -- ' icanon' ; sleep 5");
        if signal == "TERM" {
            tmux.wait_for("1 left");
            tmux.keys(&["Enter"]);
            tmux.wait_for("0 left");
        } else {
            tmux.wait_for("restore them? y/n");
        }
        tmux.signal_galley(signal);
        tmux.wait_for(" icanon");
    }
    let o = recover(dir.path(), "a.txt");
    // The second run (HUP) was offered the first one's decision and left it unanswered.
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    assert_eq!(std::fs::read_to_string(dir.path().join("a.txt")).expect("file"), "The end.\n");
}

#[test]
fn a_second_reader_opens_the_file_read_only_and_leaves_the_first_ones_journal_alone() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("a.txt");
    std::fs::write(&file, "Teh kuberanetes clustr is up.\n").expect("write");
    let first = Tmux::new("first");
    start(&first, dir.path(), "a.txt");
    first.wait_for("3 left");
    first.keys(&["Enter"]);
    first.wait_for("2 left");
    let second = Tmux::new("second");
    start(&second, dir.path(), "a.txt");
    let screen = second.wait_for("another galley has this file open: read-only here");
    assert!(!screen.contains("restore them"), "the first reader's live session is not offered: {screen}");
    second.keys(&["Enter"]);
    second.wait_for("2 left");
    second.keys(&["s"]);
    second.wait_for("open in another galley, so not saved over it");
    second.keys(&["Escape", "q"]);
    second.wait_for("unsaved changes");
    second.keys(&["d"]);
    second.wait_exit();
    assert_eq!(std::fs::read_to_string(&file).expect("file"), "Teh kuberanetes clustr is up.\n");
    // `--recover` does not take a session that is still running either.
    let o = recover(dir.path(), "a.txt");
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("open in a galley reader now"));
    // The first reader's decision is still in its journal after a crash.
    first.kill_galley();
    let o = recover(dir.path(), "a.txt");
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    assert_eq!(std::fs::read_to_string(&file).expect("file"), "The kuberanetes clustr is up.\n");
}

impl Tmux {
    /// The pane's title, which an `ESC ] 0 ;` sequence that got through would have set.
    fn title(&self) -> String {
        String::from_utf8_lossy(&self.run(&["display-message", "-p", "-t", "t", "#{pane_title}"]).stdout)
            .trim()
            .to_string()
    }
}

#[test]
fn escapes_in_an_article_and_its_name_never_reach_the_terminal() {
    let dir = tempfile::tempdir().expect("tempdir");
    let hostile = "Teh \u{1b}]0;pwned\u{7} title and \u{1b}[2J clear \u{9b}31m.\n";
    std::fs::write(dir.path().join("evil\u{1b}]0;owned\u{7}.txt"), hostile).expect("write");
    // The text commands, on a terminal.
    let tmux = Tmux::new("inject-check");
    start(&tmux, dir.path(), "check evil*; echo done; sleep 5");
    let screen = tmux.wait_for("done");
    assert!(screen.contains("evil␛]0;owned␇.txt:1:1: Teh -> The"), "{screen}");
    let title = tmux.title();
    assert!(!title.contains("owned"), "the terminal was retitled: {title}");
    // The reader: article pane, review pane, status line.
    let tmux = Tmux::new("inject-reader");
    start(&tmux, dir.path(), "evil*");
    let screen = tmux.wait_for("1 of");
    assert!(screen.contains("Teh ␛]0;pwned␇ title"), "{screen}");
    assert!(screen.contains("evil␛]0;owned␇.txt"), "{screen}");
    let title = tmux.title();
    assert!(!title.contains("pwned") && !title.contains("owned"), "the terminal was retitled: {title}");
    tmux.keys(&["q"]);
    tmux.wait_exit();
}

/// Waits for process `pid` to end; false if it still runs after `limit`.
fn ends_within(pid: &str, limit: Duration) -> bool {
    let start = Instant::now();
    while Path::new(&format!("/proc/{pid}")).exists() {
        // A zombie has ended; its parent (the pane's shell, gone with tmux) may not reap it.
        // Only once its other threads are gone too: the main thread of a process that is
        // exiting turns zombie before the rest, and its files (the journal's lock among them)
        // are closed by the last (a recover right after failed so on a loaded machine).
        let proc_stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
        let threads = std::fs::read_dir(format!("/proc/{pid}/task")).map_or(0, Iterator::count);
        if proc_stat.split_whitespace().nth(2) == Some("Z") && threads <= 1 {
            return true;
        }
        if start.elapsed() > limit {
            let _ = Command::new("kill").args(["-9", pid]).status();
            return false;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    true
}

#[test]
fn a_terminal_that_goes_away_ends_the_reader_with_its_journal_and_place_kept() {
    // Closed as a window is (the shell and galley get SIGHUP), and as an input that simply ends
    // (galley in a session of its own gets no signal: only its input is gone).
    for name in ["hangup", "eof"] {
        let dir = tempfile::tempdir().expect("tempdir");
        let file = dir.path().join("a.txt");
        std::fs::write(&file, "Teh kuberanetes clustr is up.\n").expect("write");
        let tmux = Tmux::new(&format!("dead-{name}"));
        if name == "eof" {
            let cmd = format!(
                "export HOME={d} XDG_DATA_HOME={d}/data XDG_STATE_HOME={d}/state XDG_CONFIG_HOME={d}/config TERM=xterm-256color; setsid {bin} a.txt; sleep 0.2",
                d = dir.path().display(),
                bin = env!("CARGO_BIN_EXE_galley"),
            );
            let d = dir.path().to_str().expect("utf-8");
            assert!(
                tmux.run(&["new-session", "-d", "-s", "t", "-x", "130", "-y", "30", "-c", d, &cmd]).status.success()
            );
        } else {
            start(&tmux, dir.path(), "a.txt");
        }
        tmux.wait_for("3 left");
        tmux.keys(&["Enter"]);
        tmux.wait_for("2 left");
        let galley = tmux.galley_pid();
        let _ = tmux.run(&["kill-server"]);
        assert!(ends_within(&galley, Duration::from_secs(2)), "{name}: galley was left running");
        let places = std::fs::read_dir(dir.path().join("state/galley/places")).map_or(0, Iterator::count);
        assert_eq!(places, 1, "{name}: the place is remembered");
        let o = recover(dir.path(), "a.txt");
        assert_eq!(o.status.code(), Some(0), "{name}: {}", String::from_utf8_lossy(&o.stderr));
        assert_eq!(std::fs::read_to_string(&file).expect("file"), "The kuberanetes clustr is up.\n", "{name}");
    }
}

#[test]
fn ctrl_z_and_sigtstp_suspend_and_fg_brings_the_reader_back_in_raw_mode() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("a.txt"), "Teh kuberanetes clustr is up.\n").expect("write");
    let tmux = Tmux::new("suspend");
    let shell = format!(
        "env -i PATH=/usr/bin:/bin HOME={d} XDG_DATA_HOME={d}/data XDG_STATE_HOME={d}/state XDG_CONFIG_HOME={d}/config TERM=xterm-256color PS1='shell$ ' bash --norc --noprofile -i",
        d = dir.path().display()
    );
    let o = tmux.run(&[
        "new-session",
        "-d",
        "-s",
        "t",
        "-x",
        "130",
        "-y",
        "30",
        "-c",
        dir.path().to_str().expect("utf-8"),
        &shell,
    ]);
    assert!(o.status.success());
    tmux.wait_for("shell$");
    tmux.keys(&[&format!("{} a.txt", env!("CARGO_BIN_EXE_galley")), "Enter"]);
    tmux.wait_for("misspelled · 1 of 3");
    for (k, how) in ["ctrl-z", "sigtstp"].iter().enumerate() {
        if k == 0 {
            tmux.keys(&["C-z"]);
        } else {
            tmux.signal_galley("TSTP");
        }
        tmux.wait_for("Stopped");
        // The shell has the terminal, cooked: what is typed echoes, and runs.
        tmux.keys(&["clear; stty -a | grep -o ' icanon' ; echo cooked-$((40+2))", "Enter"]);
        let screen = tmux.wait_for("cooked-42");
        assert!(screen.contains(" icanon"), "{how}: the terminal is cooked while galley is stopped: {screen}");
        tmux.keys(&["fg", "Enter"]);
        // Back: redrawn, and in raw mode (Tab moves at once, with no Enter after it).
        tmux.wait_for("3 left");
        tmux.keys(&["Tab"]);
        tmux.wait_for(if k == 0 { "misspelled · 2 of 3" } else { "misspelled · 3 of 3" });
    }
    tmux.keys(&["q"]);
    tmux.wait_for("shell$");
}

#[test]
fn a_journal_that_cannot_be_made_is_a_warning_and_the_reader_goes_on() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("a.txt"), "Teh end.\n").expect("write");
    // The state directory's place is taken by a file: no journal can be made there.
    std::fs::write(dir.path().join("state"), "in the way").expect("write");
    let tmux = Tmux::new("no-journal");
    start(&tmux, dir.path(), "a.txt");
    tmux.wait_for("no recovery journal");
    tmux.keys(&["Enter", "s"]);
    tmux.wait_for("saved");
    tmux.keys(&["q"]);
    tmux.wait_exit();
    assert_eq!(std::fs::read_to_string(dir.path().join("a.txt")).expect("read"), "The end.\n");
}

#[test]
fn the_config_and_the_remembered_place_apply_in_a_real_terminal() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("a.txt"), "Teh kuberanetes clustr is up.\n").expect("write");
    std::fs::create_dir_all(dir.path().join("config/galley")).expect("mkdir");
    std::fs::write(dir.path().join("config/galley/config.toml"), "move-to-next = false\nbackup = false\n")
        .expect("config");
    let tmux = Tmux::new("config");
    start(&tmux, dir.path(), "a.txt");
    tmux.wait_for("3 left");
    tmux.keys(&["Enter"]);
    tmux.wait_for("fixed Teh → The · Tab: next suspect");
    tmux.keys(&["Tab", "I", "s"]);
    tmux.wait_for("saved");
    tmux.keys(&["q"]);
    tmux.wait_exit();
    assert_eq!(std::fs::read_to_string(dir.path().join("a.txt")).expect("saved"), "The kuberanetes clustr is up.\n");
    assert!(!dir.path().join("a.txt.bak").exists(), "backup = false");

    // Reopened: the word left as written stays so, and `u` takes it back.
    let tmux = Tmux::new("config-reopen");
    start(&tmux, dir.path(), "a.txt");
    let screen = tmux.wait_for("back where you left off · 1 word left as written again");
    assert!(screen.contains("1 of 1 left · 1 spelling · 0 fixed"), "{screen}");
    tmux.keys(&["u"]);
    tmux.wait_for("2 left · 2 spelling · 0 fixed");
    tmux.keys(&["q"]);
    tmux.wait_exit();
}
