//! Command-line arguments and the non-interactive commands: `check`, `suggest`, `fix`.
//!
//! The commands return an exit status; they write reports to the `out` they are given and
//! never print on their own, so that tests can run them in-process.

use crate::check::suggest;
use crate::check::{self, Options};
use crate::document::Document;
use crate::lexicon::{Dialect, Lexicon, Verdict};
use crate::markup;
use crate::report;
use crate::review::Review;
use crate::store::config::{self, Config};
use crate::store::journal::{self, Journal};
use crate::store::session::{Guard, Session};
use crate::store::{personal, places, save};
use crate::suspect::Suspect;
use crate::tui::{self, app::App, app::Offer, theme::Theme};
use clap::{Args, Parser, Subcommand, ValueEnum};
use std::io::{BufRead, IsTerminal, Read, Write};
use std::ops::ControlFlow;
use std::path::{Path, PathBuf};

/// The bundled sample article, opened when galley is run without a file.
pub const SAMPLE: &str = include_str!("../assets/sample.txt");
/// The name the sample goes by in reports.
pub const SAMPLE_NAME: &str = "sample.txt";

/// galley: read damaged articles in the terminal and fix them.
#[derive(Debug, Parser)]
#[command(name = "galley", version = env!("GALLEY_VERSION"), about)]
pub struct Cli {
    /// The command; without one, galley opens FILE (or its bundled sample article) in the reader.
    #[command(subcommand)]
    pub command: Option<Command>,
    /// The article to open in the reader (`-` reads stdin); none opens the bundled sample.
    pub file: Option<PathBuf>,
    /// Do not keep the original in a backup (FILE.bak, or FILE.bak.N) on the reader's first save.
    #[arg(long)]
    pub no_backup: bool,
    /// Apply the decisions of FILE's unfinished reader session (after a crash) and save it,
    /// keeping what FILE held in a backup, without opening the reader; refused when FILE changed
    /// since that session last saved it (see -o).
    #[arg(long, value_name = "FILE", conflicts_with = "file")]
    pub recover: Option<PathBuf>,
    /// With --recover: write the recovered text to OUT instead of over FILE.
    #[arg(short, long, value_name = "OUT", requires = "recover")]
    pub output: Option<PathBuf>,
    #[command(flatten)]
    pub common: Common,
}

/// Options every command takes.
#[derive(Debug, Args, Clone, Default)]
pub struct Common {
    /// Spelling dialect; `auto` chooses it from the article's own spellings. The default is
    /// the config's `dialect`, else auto.
    #[arg(long, value_enum, global = true)]
    pub lang: Option<Lang>,
    /// Extra word list (one word a line; capitals set a canonical casing). Repeatable.
    #[arg(long, value_name = "FILE", global = true)]
    pub vocab: Vec<PathBuf>,
    /// Do not read the personal dictionary.
    #[arg(long, global = true)]
    pub no_personal: bool,
    /// Read bytes that are not UTF-8 as the replacement character U+FFFD. The result can be
    /// checked, fixed and saved to a new file, never over the one it came from.
    #[arg(long, global = true)]
    pub lossy: bool,
    /// How the article is written; by default from its extension (`.md`), else from its content.
    /// Markdown has only its prose checked: code, URLs, HTML and front matter are never touched.
    #[arg(long = "as", value_enum, value_name = "FORMAT", global = true)]
    pub markup: Option<As>,
}

/// `--as` values.
#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum As {
    /// Plain text: every word is prose.
    Text,
    /// Markdown (`CommonMark`, GFM tables, task lists, strikethrough, footnotes).
    Markdown,
    /// A web page: the text of its article.
    Html,
}

impl As {
    fn format(self) -> markup::Format {
        match self {
            Self::Text => markup::Format::Text,
            Self::Markdown => markup::Format::Markdown,
            Self::Html => markup::Format::Html,
        }
    }
}

/// How `doc` is written: as `--as` says, else as the server said, else from its name and
/// content.
fn markup_of(doc: &Document, forced: Option<As>, said: Option<markup::Format>) -> markup::Format {
    forced.map(As::format).or(said).unwrap_or_else(|| markup::Format::of(doc.path(), doc.text()))
}

/// `--lang` values.
#[derive(Debug, Clone, Copy, ValueEnum, Default, PartialEq, Eq)]
pub enum Lang {
    /// American English.
    #[value(name = "en-US")]
    EnUs,
    /// British English.
    #[value(name = "en-GB")]
    EnGb,
    /// Chosen from the article.
    #[default]
    Auto,
}

impl Lang {
    /// The dialect, or `None` for auto.
    #[must_use]
    pub const fn dialect(self) -> Option<Dialect> {
        match self {
            Self::EnUs => Some(Dialect::Us),
            Self::EnGb => Some(Dialect::Gb),
            Self::Auto => None,
        }
    }
}

/// Report formats.
#[derive(Debug, Clone, Copy, ValueEnum, Default, PartialEq, Eq)]
pub enum Format {
    /// One line per item, for people.
    #[default]
    Text,
    /// One JSON object per line, for scripts.
    Json,
}

/// The non-interactive commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// List suspect words: `path:line:column: word -> fixes`. Exit 1 if any.
    Check {
        /// Files to check; `-` or none reads stdin.
        files: Vec<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        /// List suspects without ranking fixes (faster; empty suggestion lists).
        #[arg(long)]
        no_suggestions: bool,
    },
    /// Suggest fixes for words given as arguments, or one per line on stdin. Exit 1 if any is suspect.
    Suggest {
        /// The words; none reads them from stdin.
        words: Vec<String>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Apply the first fix of every suspect. Exit 1 if any fix was made.
    Fix {
        /// The article (`-` reads stdin).
        file: PathBuf,
        /// Where to write the fixed text (`-`: stdout, the default).
        #[arg(short, long, value_name = "OUT", conflicts_with = "in_place")]
        output: Option<PathBuf>,
        /// Rewrite FILE atomically, keeping the original in a backup (FILE.bak, or FILE.bak.N when
        /// that holds other bytes; stderr says which).
        #[arg(long)]
        in_place: bool,
        /// Print a unified diff instead of the text.
        #[arg(long, conflicts_with = "in_place")]
        diff: bool,
    },
    /// Manage the personal dictionary (one word a line, in galley's XDG data directory).
    Dict {
        /// What to do.
        #[command(subcommand)]
        action: DictAction,
    },
    /// Print a completion script for a shell, e.g.
    /// `galley completions bash > ~/.local/share/bash-completion/completions/galley`.
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
    },
    /// Print the man page (roff), e.g. `galley man > ~/.local/share/man/man1/galley.1`.
    Man,
}

/// `galley dict` actions.
#[derive(Debug, Subcommand)]
pub enum DictAction {
    /// Print every word, one a line.
    List,
    /// Add words.
    Add {
        /// The words.
        #[arg(required = true)]
        words: Vec<String>,
    },
    /// Remove a word. Exit 1 if it was not there.
    Remove {
        /// The word.
        word: String,
    },
    /// Add every word of an aspell `.pws`, a hunspell personal dictionary or a plain list.
    Import {
        /// The file to read.
        file: PathBuf,
    },
}

pub use crate::error::exit;

/// The environment a command runs in: where output goes and where stdin comes from.
pub struct Io<'a> {
    /// Standard output.
    pub out: &'a mut dyn Write,
    /// Standard error (one line per problem).
    pub err: &'a mut dyn Write,
    /// Standard input.
    pub input: &'a mut dyn Read,
    /// Where the personal dictionary lives (`None`: no personal dictionary).
    pub personal: Option<PathBuf>,
    /// Where the reader keeps its recovery journals (`None`: no journal).
    pub state: Option<PathBuf>,
    /// The config file (`None`, or no file there: the defaults).
    pub config: Option<PathBuf>,
}

/// galley's XDG state directory, for recovery journals and remembered places.
#[must_use]
pub fn state_dir() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "galley").and_then(|d| d.state_dir().map(Path::to_path_buf))
}

/// The config file: `config.toml` in galley's XDG config directory.
#[must_use]
pub fn config_path() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "galley").map(|d| d.config_dir().join("config.toml"))
}

/// The personal dictionary: `words.txt` in galley's XDG data directory.
#[must_use]
pub fn personal_dictionary() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "galley").map(|d| d.data_dir().join("words.txt"))
}

/// Builds the lexicon the options ask for.
pub fn lexicon(common: &Common, personal: Option<&Path>) -> anyhow::Result<Lexicon> {
    let mut lex = Lexicon::new();
    if !common.no_personal
        && let Some(p) = personal.filter(|p| p.exists())
    {
        lex.load_word_list(p)?;
    }
    for v in &common.vocab {
        lex.load_word_list(v)?;
    }
    Ok(lex)
}

/// An article read from a file, stdin (`-`) or an address, with what the address said of its
/// format and where its redirects led.
struct Input {
    doc: Document,
    format: Option<markup::Format>,
    redirected: Option<String>,
}

fn read_input(path: &Path, input: &mut dyn Read, lossy: bool) -> crate::error::Result<Input> {
    if let Some(url) = path.to_str().filter(|p| crate::fetch::is_url(p)) {
        let f = crate::fetch::fetch(url, lossy)?;
        return Ok(Input { doc: f.doc, format: f.format, redirected: f.redirected });
    }
    Ok(Input { doc: read_document(path, input, lossy)?, format: None, redirected: None })
}

fn read_document(path: &Path, input: &mut dyn Read, lossy: bool) -> crate::error::Result<Document> {
    if path == Path::new("-") {
        let mut bytes = Vec::new();
        let limit = crate::document::MAX_BYTES;
        input
            .take(limit + 1)
            .read_to_end(&mut bytes)
            .map_err(|source| crate::error::Error::Io { path: "<stdin>".into(), source })?;
        if bytes.len() as u64 > limit {
            return Err(crate::error::Error::TooLarge { path: "<stdin>".into(), size: bytes.len() as u64, limit });
        }
        if lossy { Document::from_bytes_lossy("<stdin>", bytes) } else { Document::from_bytes("<stdin>", bytes) }
    } else if lossy {
        Document::open_lossy(path)
    } else {
        Document::open(path)
    }
}

/// Runs the parsed command line; returns the exit status.
pub fn run(cli: Cli, io: &mut Io<'_>) -> anyhow::Result<u8> {
    // Options every command takes may come before the command (`galley --lang en-GB check`);
    // what only the reader takes may not.
    if cli.command.is_some() {
        let reader_only = [
            cli.file.as_ref().map(|f| format!("the file {}", f.display())),
            cli.no_backup.then(|| "--no-backup".to_string()),
            cli.recover.as_ref().map(|_| "--recover".to_string()),
            cli.output.as_ref().map(|_| "-o before the command".to_string()),
        ];
        if let Some(what) = reader_only.into_iter().flatten().next() {
            anyhow::bail!("{what} is for the reader and cannot come before a command (see galley --help)");
        }
    }
    // Made from the command line's own definition; no config, dictionary or article is read.
    match &cli.command {
        Some(Command::Completions { shell }) => {
            let mut command = <Cli as clap::CommandFactory>::command();
            clap_complete::generate(*shell, &mut command, "galley", io.out);
            return Ok(exit::CLEAN);
        }
        Some(Command::Man) => {
            clap_mangen::Man::new(<Cli as clap::CommandFactory>::command()).render(io.out)?;
            return Ok(exit::CLEAN);
        }
        _ => {}
    }
    let loaded = match &io.config {
        Some(path) => config::load(path)?,
        None => config::Loaded::default(),
    };
    for w in &loaded.warnings {
        writeln!(io.err, "galley: warning: {w}")?;
    }
    let settings = Settings { config: loaded.config, warnings: loaded.warnings, common: cli.common };
    let lex = lexicon(&settings.common, io.personal.as_deref())?;
    let dialect = settings.dialect();
    match cli.command {
        None if cli.recover.is_some() => {
            recover(cli.recover.as_deref().unwrap_or(Path::new("")), cli.output.as_deref(), lex, &settings, io)
        }
        None => open(cli.file.as_deref(), lex, &settings, !cli.no_backup, io),
        Some(Command::Check { files, format, no_suggestions }) => {
            let options = Options { dialect, suggestions: !no_suggestions };
            run_check(files, (format, settings.common.markup), options, settings.common.lossy, &lex, io)
        }
        Some(Command::Suggest { words, format }) => run_suggest(words, format, dialect, &lex, io),
        Some(Command::Fix { file, output, in_place, diff }) => {
            run_fix(&file, Output { path: output.as_deref(), in_place, diff }, &settings, &lex, io)
        }
        Some(Command::Dict { action }) => run_dict(action, io),
        Some(Command::Completions { .. } | Command::Man) => Ok(exit::CLEAN), // answered above
    }
}

/// `NO_COLOR` is set and not empty (<https://no-color.org>).
fn no_color_env() -> bool {
    std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty())
}

/// The options of one run: the command line over the config.
struct Settings {
    config: Config,
    warnings: Vec<String>,
    common: Common,
}

impl Settings {
    /// `--lang`, else the config's dialect; `None` chooses from the article.
    fn dialect(&self) -> Option<Dialect> {
        self.common.lang.map_or(self.config.dialect, Lang::dialect)
    }
}

/// `galley [FILE]`: opens the article (or the bundled sample) in the reader, offering the
/// decisions of an unfinished session of the same file if its journal is there.
fn open(file: Option<&Path>, lex: Lexicon, settings: &Settings, backup: bool, io: &mut Io<'_>) -> anyhow::Result<u8> {
    let (common, config) = (&settings.common, &settings.config);
    let dialect = settings.dialect();
    let (doc, said, redirected) = match file {
        Some(f) => {
            let read = read_input(f, io.input, common.lossy)?;
            (read.doc, read.format, read.redirected)
        }
        None => (Document::new(SAMPLE_NAME, SAMPLE.to_string()), None, None),
    };
    // Said before anything is written for the reader: no journal is left behind.
    if !std::io::stdout().is_terminal() {
        return Err(tui::StartError::NoTerminal.into());
    }
    // stdin and an address have no file of their own: save asks for a path.
    let unnamed = file.is_none_or(|f| f == Path::new("-") || f.to_str().is_some_and(crate::fetch::is_url));
    let state = io.state.clone().filter(|_| !unnamed);
    let mut notices: Vec<String> = redirected.iter().map(|to| format!("fetched from {to}")).collect();
    // One reader journals a file; another one opens it read-only and leaves the journal be.
    let mut in_use = false;
    let lock = state.as_deref().and_then(|dir| match journal::Lock::take(dir, doc.path()) {
        Ok(lock) => {
            in_use = lock.is_none();
            lock
        }
        Err(e) => {
            notices.push(format!("no recovery journal: {e}"));
            None
        }
    });
    let mut journal_dir = state.clone().filter(|_| lock.is_some());
    let found = match journal_dir.clone() {
        Some(dir) => journal::find(&dir, doc.path(), doc.text()).unwrap_or_else(|e| {
            match journal::set_aside(&dir, doc.path()) {
                Ok(kept) => notices.push(format!("an old journal was set aside as {}: {e}", kept.display())),
                Err(e2) => {
                    // Never start a journal over one that could be neither used nor moved.
                    notices.push(format!("no recovery journal: an old one cannot be used ({e}) nor set aside ({e2})"));
                    journal_dir = None;
                }
            }
            None
        }),
        None => None,
    };
    let start = found.as_ref().map_or_else(|| doc.text().to_string(), |r| r.base.clone());
    let lossy = doc.replaced_runs() > 0;
    let format = markup_of(&doc, common.markup, said);
    let review_of = |text: String, lex: Lexicon| Review::new_as(doc.path(), text, lex, dialect, format);
    let review = review_of(start, lex);
    if lossy {
        notices.push(format!(
            "{} invalid UTF-8 sequences were read as \u{fffd}: s saves to a new file only",
            doc.replaced_runs()
        ));
    }
    if in_use {
        notices.push("another galley has this file open: read-only here, s saves to a new file".to_string());
    }
    let size = crossterm::terminal::size().unwrap_or((80, 24));
    let theme = Theme::from_config(&config.colours, no_color_env());
    let mut app = App::new(review, ratatui::layout::Rect::new(0, 0, size.0, size.1), theme);
    app.session = Session::new(&app.review, io.personal.clone());
    if lossy {
        app.session.protect_source(&app.review, Guard::Lossy);
    } else if in_use {
        app.session.protect_source(&app.review, Guard::InUse);
    }
    app.backup = backup && config.backup;
    app.wrap = config.wrap;
    app.move_to_next = config.move_to_next;
    app.resize(app.area);
    app.unnamed = unnamed;
    app.state_dir.clone_from(&journal_dir);
    app.lock = lock;
    app.place = state.as_deref().and_then(|d| places::load(d, doc.path()));
    if let Some(recovery) = found {
        // Declining must give the file as it is now, which a save in that session may have changed.
        let decline = (recovery.base != doc.text())
            .then(|| review_of(doc.text().to_string(), lexicon(common, io.personal.as_deref()).unwrap_or_default()));
        app.offer(Offer { recovery, decline });
    } else {
        if let Some(dir) = &journal_dir {
            app.journal = app.journaled(Journal::start(dir, doc.path(), doc.text()));
        }
        app.apply_settings();
        app.restore_place();
    }
    if let Some(w) = settings.warnings.first() {
        notices.push(format!("{w}{}", if settings.warnings.len() > 1 { " (and more: see stderr)" } else { "" }));
    }
    if !app.message.is_empty() {
        notices.insert(0, std::mem::take(&mut app.message));
    }
    if !notices.is_empty() {
        app.message = notices.join(" · ");
    }
    tui::run(app)?;
    Ok(exit::CLEAN)
}

/// `galley --recover FILE [-o OUT]`: replays the unfinished session of FILE and saves the
/// result over FILE (keeping what FILE held as a backup), or writes it to OUT. FILE is never
/// overwritten when it changed since the session last saved or loaded it.
fn recover(
    file: &Path,
    output: Option<&Path>,
    lex: Lexicon,
    settings: &Settings,
    io: &mut Io<'_>,
) -> anyhow::Result<u8> {
    let dialect = settings.dialect();
    let doc = read_document(file, io.input, settings.common.lossy)?;
    if doc.replaced_runs() > 0 {
        return Err(crate::error::Error::Lossy { path: file.to_path_buf() }.into());
    }
    let name = file.display();
    let Some(dir) = io.state.clone() else { anyhow::bail!("{name}: no state directory for journals") };
    let Some(_lock) = journal::Lock::take(&dir, doc.path())? else {
        anyhow::bail!("{name}: open in a galley reader now, so its session is not unfinished");
    };
    let Some(recovery) = journal::find(&dir, doc.path(), doc.text())? else {
        anyhow::bail!("{name}: no unfinished session to recover");
    };
    if output.is_some_and(|o| save::same_file(o, file)) {
        anyhow::bail!("{name}: -o names the file itself; leave it out to recover over the file");
    }
    if output.is_none() && !recovery.file_unchanged {
        anyhow::bail!(
            "{name}: changed on disk since the unfinished session last saved or loaded it, so not overwritten; `galley --recover {name} -o OTHER` writes the recovered text to OTHER"
        );
    }
    let format = markup_of(&doc, settings.common.markup, None);
    let mut review = Review::new_as(doc.path(), recovery.base, lex, dialect, format);
    let replayed = review.replay(&recovery.entries);
    Session::new(&review, io.personal.clone()).write_words(&review.take_word_changes())?;
    if let Some(why) = &replayed.stopped {
        writeln!(io.err, "galley: {name}: {why}; the decisions before it are restored")?;
    }
    if recovery.unreadable > 0 {
        writeln!(io.err, "galley: {name}: {} journal lines could not be read and were skipped", recovery.unreadable)?;
    }
    let n = review.decisions();
    let decisions = if n == 1 { "1 decision".to_string() } else { format!("{n} decisions") };
    match output {
        Some(out) => {
            save::write_new(out, review.text().as_bytes())?;
            writeln!(io.out, "{name}: restored {decisions} into {}", out.display())?;
        }
        None if review.text() == doc.text() => writeln!(io.out, "{name}: the unfinished session changed nothing")?,
        None => {
            let kept = save::keep_backup(doc.path(), doc.text().as_bytes())?;
            save::save_over(doc.path(), review.text().as_bytes())?;
            writeln!(io.out, "{name}: restored {decisions} and saved it (the previous text is in {})", kept.display())?;
        }
    }
    journal::discard(&dir, doc.path());
    Ok(exit::CLEAN)
}

/// `galley dict`.
fn run_dict(action: DictAction, io: &mut Io<'_>) -> anyhow::Result<u8> {
    let Some(path) = io.personal.clone() else { anyhow::bail!("no data directory for the personal dictionary") };
    match action {
        DictAction::List => {
            for w in personal::list(&path)? {
                writeln!(io.out, "{w}")?;
            }
        }
        DictAction::Add { words } => {
            if let Some(bad) = words.iter().find(|w| w.trim().is_empty() || w.trim().contains(char::is_whitespace)) {
                anyhow::bail!("{bad:?}: one word at a time");
            }
            if let Some(bad) = words.iter().find(|w| crate::escape::has_control(w)) {
                anyhow::bail!("{bad:?}: a word cannot hold a control character");
            }
            let n = personal::add(&path, &words)?;
            writeln!(io.out, "added {n} word{} to {}", if n == 1 { "" } else { "s" }, path.display())?;
        }
        DictAction::Remove { word } => {
            if !personal::remove(&path, &word)? {
                writeln!(io.err, "galley: {word}: not in {}", path.display())?;
                return Ok(exit::FOUND);
            }
            writeln!(io.out, "removed {word} from {}", path.display())?;
        }
        DictAction::Import { file } => {
            let text = crate::input::read_text(&file, crate::input::MAX_WORD_LIST)?;
            let words = crate::lexicon::parse_word_list(&file, &text)?;
            let n = personal::add(&path, &words)?;
            writeln!(
                io.out,
                "imported {n} new of {} words from {} into {}",
                words.len(),
                file.display(),
                path.display()
            )?;
        }
    }
    Ok(exit::CLEAN)
}

/// What checking one file gave: its report lines, its error lines, its status.
#[derive(Default)]
struct Report {
    out: Vec<u8>,
    err: Vec<u8>,
    status: u8,
}

/// How to check and report one file.
#[derive(Clone, Copy)]
struct Job<'l> {
    format: Format,
    markup: Option<As>,
    options: Options,
    lossy: bool,
    lex: &'l Lexicon,
}

/// Checks one file, writing its report lines to `out` as they come and its problems to `err`;
/// returns its status (stdin, for `-`, is read from `input`).
fn check_file(
    f: &Path,
    input: &mut dyn Read,
    out: &mut dyn Write,
    err: &mut dyn Write,
    job: Job<'_>,
) -> std::io::Result<u8> {
    let Input { doc, format: said, redirected } = match read_input(f, input, job.lossy) {
        Ok(read) => read,
        Err(e) => {
            writeln!(err, "galley: {e}")?;
            return Ok(exit::ERROR);
        }
    };
    if doc.text().trim().is_empty() {
        writeln!(err, "galley: {}: empty, nothing to check", doc.path().display())?;
        return Ok(exit::CLEAN);
    }
    if let Some(to) = redirected {
        writeln!(err, "galley: {}: fetched from {to}", doc.path().display())?;
    }
    // A section at a time, each written before the next is checked: what a long text holds at
    // once is one section's suspects.
    let mut reporter = report::Reporter::new(&doc);
    let (mut line, mut found, mut written) = (String::new(), false, Ok(()));
    markup::check_each(doc.text(), markup_of(&doc, job.markup, said), job.lex, &job.options, |part| {
        line.clear();
        for s in &part.suspects {
            found = true;
            if job.options.suggestions {
                write_suspect(&mut reporter, job.format, s, &mut line);
            } else {
                // Without fixes there is nothing to be unsure of.
                let bare = Suspect::new(s.span, s.kind, check::Fixes::default());
                write_suspect(&mut reporter, job.format, &bare, &mut line);
            }
            if line.len() >= 64 * 1024 {
                written = out.write_all(line.as_bytes());
                if written.is_err() {
                    return ControlFlow::Break(()); // the output is gone: nothing more is checked
                }
                line.clear();
            }
        }
        written = out.write_all(line.as_bytes());
        if written.is_err() { ControlFlow::Break(()) } else { ControlFlow::Continue(()) }
    });
    written?;
    Ok(if found { exit::FOUND } else { exit::CLEAN })
}

/// One report line for `s`, with its newline, appended to `line`.
fn write_suspect(reporter: &mut report::Reporter<'_>, format: Format, s: &Suspect, line: &mut String) {
    match format {
        Format::Text => reporter.text_line(s, line),
        Format::Json => reporter.json_line(s, line),
    }
    line.push('\n');
}

/// The status of a run, given the status so far and one file's.
fn merged(status: u8, file: u8) -> u8 {
    match (status, file) {
        (exit::ERROR, _) | (_, exit::ERROR) => exit::ERROR,
        (exit::FOUND, _) | (_, exit::FOUND) => exit::FOUND,
        _ => exit::CLEAN,
    }
}

/// `galley check`. Several files are checked on every core, and reported in argument order as
/// soon as each one's turn comes.
fn run_check(
    files: Vec<PathBuf>,
    (format, markup): (Format, Option<As>),
    options: Options,
    lossy: bool,
    lex: &Lexicon,
    io: &mut Io<'_>,
) -> anyhow::Result<u8> {
    let files = if files.is_empty() { vec![PathBuf::from("-")] } else { files };
    let job = Job { format, markup, options, lossy, lex };
    let mut status = exit::CLEAN;
    let cores = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
    // One file streams its lines as they are made; stdin can be read once, by one thread, so a
    // list with `-` in it is checked in order too.
    if files.len() == 1 || cores == 1 || files.iter().any(|f| f == Path::new("-")) {
        for f in &files {
            status = merged(status, check_file(f, io.input, io.out, io.err, job)?);
        }
        return Ok(status);
    }
    let mut emit = |r: Report, io: &mut Io<'_>| -> std::io::Result<()> {
        io.out.write_all(&r.out)?;
        io.err.write_all(&r.err)?;
        status = merged(status, r.status);
        Ok(())
    };
    let next = std::sync::atomic::AtomicUsize::new(0);
    let (tx, rx) = std::sync::mpsc::channel::<(usize, Report)>();
    let written: std::io::Result<()> = std::thread::scope(|scope| {
        for _ in 0..cores.min(files.len()) {
            let (tx, next, files) = (tx.clone(), &next, &files);
            scope.spawn(move || {
                loop {
                    let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                    let Some(f) = files.get(i) else { break };
                    let mut r = Report::default();
                    // Writing to memory cannot fail.
                    r.status = check_file(f, &mut std::io::empty(), &mut r.out, &mut r.err, job).unwrap_or(exit::ERROR);
                    if tx.send((i, r)).is_err() {
                        break; // the output is gone (a closed pipe): stop
                    }
                }
            });
        }
        drop(tx);
        // Reports come in any order; each is written when all before it are.
        let mut waiting = std::collections::BTreeMap::new();
        let mut turn = 0;
        for (i, r) in rx {
            waiting.insert(i, r);
            while let Some(r) = waiting.remove(&turn) {
                if let Err(e) = emit(r, io) {
                    next.store(files.len(), std::sync::atomic::Ordering::Relaxed);
                    return Err(e);
                }
                turn += 1;
            }
        }
        Ok(())
    });
    written?;
    Ok(status)
}

/// `galley suggest`.
fn run_suggest(
    words: Vec<String>,
    format: Format,
    dialect: Option<Dialect>,
    lex: &Lexicon,
    io: &mut Io<'_>,
) -> anyhow::Result<u8> {
    let words = if words.is_empty() {
        let mut v = Vec::new();
        for line in std::io::BufReader::new(&mut *io.input).lines() {
            let line = line?;
            let w = line.trim();
            if !w.is_empty() {
                v.push(w.to_string());
            }
        }
        v
    } else {
        words
    };
    let dialect = dialect.unwrap_or_else(|| check::check(&words.join(" "), lex, &Options::default()).dialect);
    let mut status = exit::CLEAN;
    for w in &words {
        let verdict = lex.verdict(w, dialect);
        let suspect = verdict != Verdict::Known;
        let fixes = match verdict {
            Verdict::Known => Vec::new(),
            Verdict::Casing(forms) => forms,
            Verdict::OtherDialect | Verdict::Unknown => suggest::suggest(lex, w, dialect),
        };
        if suspect {
            status = exit::FOUND;
        }
        match format {
            Format::Json => writeln!(io.out, "{}", report::json_suggestions(w, &fixes))?,
            Format::Text if !suspect => writeln!(io.out, "{w}: ok")?,
            Format::Text if fixes.is_empty() => writeln!(io.out, "{w}: no suggestions")?,
            Format::Text => writeln!(io.out, "{w} -> {}", fixes.join(", "))?,
        }
    }
    Ok(status)
}

/// Where `galley fix` writes.
#[derive(Clone, Copy)]
struct Output<'a> {
    path: Option<&'a Path>,
    in_place: bool,
    diff: bool,
}

/// `galley fix`.
fn run_fix(file: &Path, output: Output<'_>, settings: &Settings, lex: &Lexicon, io: &mut Io<'_>) -> anyhow::Result<u8> {
    let Output { path: output, in_place, diff } = output;
    let dialect = settings.dialect();
    let Input { doc, format: said, redirected } = read_input(file, io.input, settings.common.lossy)?;
    if in_place && (file == Path::new("-") || file.to_str().is_some_and(crate::fetch::is_url)) {
        anyhow::bail!("{}: --in-place needs a file", doc.path().display());
    }
    if let Some(to) = redirected {
        writeln!(io.err, "galley: {}: fetched from {to}", doc.path().display())?;
    }
    let protected = doc.replaced_runs() > 0 && file != Path::new("-");
    if protected && (in_place || output.is_some_and(|p| save::same_file(p, file))) {
        return Err(crate::error::Error::Lossy { path: file.to_path_buf() }.into());
    }
    let format = markup_of(&doc, settings.common.markup, said);
    // Only what is sure: a guess is left for the reader to decide. A section at a time, as
    // `check` reads it, each fix written into the new text as it is found.
    let mut fixed = doc.rebuilt();
    let mut taken = 0usize;
    markup::check_each(doc.text(), format, lex, &Options { dialect, suggestions: true }, |part| {
        for s in part.suspects.iter().filter(|s| s.confident) {
            if let Some(fix) = s.suggestions.first() {
                fixed.replace(s.span, fix);
                taken += 1;
            }
        }
        ControlFlow::Continue(())
    });
    let fixed = fixed.finish();
    let status = if taken == 0 { exit::CLEAN } else { exit::FOUND };
    if in_place {
        if taken > 0 {
            if settings.config.backup {
                let kept = save::keep_backup(file, doc.text().as_bytes())?;
                writeln!(io.err, "galley: {}: the original is in {}", file.display(), kept.display())?;
            }
            save::save_over(file, fixed.as_bytes())?;
        }
        return Ok(status);
    }
    let text = if diff { report::unified_diff(&doc.path().to_string_lossy(), doc.text(), &fixed) } else { fixed };
    match output {
        None => io.out.write_all(text.as_bytes())?,
        Some(p) if p == Path::new("-") => io.out.write_all(text.as_bytes())?,
        Some(p) => save::write_new(p, text.as_bytes())?,
    }
    Ok(status)
}
