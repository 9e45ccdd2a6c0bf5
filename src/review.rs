//! The review of one article: its suspects, the reader's decisions, the current suspect, and the
//! history that undoes and redoes every decision.
//!
//! Everything the reader does goes through [`Review::apply`] with a [`Command`]; the reader's
//! screen only reads this state. Each decision is one [`Step`]: the text changes it makes, the
//! items it takes out and puts in, and what it does to the lexicon. A step inverts itself, so
//! undo and redo are two stacks of steps.
//!
//! The history lives in memory; the reader journals every command (see [`crate::store::journal`]), so
//! a crash loses none. Limitation: after a decision only the text it wrote is checked again, so
//! evidence that spans the article (a word that recurs, a name beside it) is what it was when
//! the article was opened.

use crate::check::cache::Cache;
use crate::check::suggest;
use crate::check::{self, Options};
use crate::document::Document;
use crate::edit::Change;
use crate::error::{Error, Result};
use crate::lexicon::{Dialect, Lexicon, Verdict};
use crate::markup;
use crate::report;
use crate::span::Span;
use crate::suspect::{Fixes, Kind, Suspect};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// A step that puts in more suspects than this merges them into the list in one pass, instead
/// of inserting each by moving the ones after it.
const MERGE_FROM: usize = 16;

/// Where a suspect stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// Not decided yet: the reader stops here.
    Pending,
    /// Replaced (by a suggestion, an edit or a replace-all).
    Fixed,
    /// Left as written.
    Ignored,
    /// Added to the personal dictionary.
    Added,
}

/// A suspect and what became of it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Item {
    /// Where it is in the current text.
    pub span: Span,
    /// The word as it stands in the current text.
    pub word: String,
    /// What was wrong with it.
    pub kind: Kind,
    /// Decided or not.
    pub status: Status,
    /// The fixes the checker gave with it: a casing, repeat or spacing fix, which context decides (`Members` is
    /// lowered inside a sentence, kept in a heading). Misspellings are ranked when shown.
    pub given: Fixes,
}

/// What a decision did, for the decision log and the journal.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Action {
    /// Took suggestion number n.
    Accept,
    /// Typed a replacement.
    Edit,
    /// Replaced every occurrence.
    ReplaceAll,
    /// Left this occurrence.
    Ignore,
    /// Left every occurrence, for the session.
    IgnoreAll,
    /// Added the word to the personal dictionary.
    Add,
    /// Left as written in an earlier session of the same file, and remembered.
    Remembered,
}

/// What the lexicon gains with a step.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Lexical {
    Ignore(Vec<String>),
    Add(String),
}

/// What a reader left as written, as remembered between sessions of one file
/// ([`crate::store::places`]).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ignores {
    /// Words left as written everywhere (`I`).
    pub words: Vec<String>,
    /// Single occurrences left as written (`i`): the byte offset each was at, and the word.
    pub at: Vec<(usize, String)>,
}

impl Ignores {
    /// Nothing to remember.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.words.is_empty() && self.at.is_empty()
    }
}

/// How far a remembered single ignore may have moved (the file was edited in between, or its
/// session's changes were not saved) and still be found.
const IGNORE_DRIFT: usize = 256;

/// A decision as the journal keeps it: self-contained, so that replaying it needs neither the
/// checker's options nor its suggestions, and can tell when the text is no longer the one it
/// was made on.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Decision {
    /// What was done.
    pub action: Action,
    /// What was wrong with the word.
    pub kind: Kind,
    /// Where the decided word starts, in the text before the decision.
    pub at: usize,
    /// The decided word.
    pub old: String,
    /// What the decision wrote, in text order, each at its offset in the text before it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub changes: Vec<Change>,
    /// What a [`Command::Restore`] left as written.
    #[serde(default, skip_serializing_if = "Ignores::is_empty")]
    pub ignores: Ignores,
}

/// One move through the history, as the journal keeps it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Entry {
    /// A decision was made.
    Decision(Decision),
    /// This decision, the last one in force, was taken back.
    Undo(Decision),
    /// This decision, the last one taken back, was made again.
    Redo(Decision),
}

impl Decision {
    /// `action` on `item`, writing nothing (the caller adds the changes or the ignores).
    fn on(action: Action, item: &Item) -> Self {
        Self {
            action,
            kind: item.kind,
            at: item.span.start,
            old: item.word.clone(),
            changes: Vec::new(),
            ignores: Ignores::default(),
        }
    }
}

/// What replaying a journal did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Replayed {
    /// How many entries were replayed.
    pub entries: usize,
    /// Why replaying stopped before the end (the first entry that no longer fits the text).
    pub stopped: Option<String>,
}

/// One decision, undoable as a whole.
#[derive(Clone, Debug)]
struct Step {
    /// What the step does, as the journal keeps it.
    decision: Decision,
    /// Applied in order; each one's offsets are valid in the text as it is when it applies.
    changes: Vec<Change>,
    /// Items taken out before the changes apply (offsets before the step).
    removed: Vec<Item>,
    /// Items put in after the changes apply (offsets after the step).
    added: Vec<Item>,
    lexical: Option<Lexical>,
    /// Where the decision was made (offset before the step), for the cursor after an undo.
    at: usize,
    /// Where the decided text ends after the step, for the cursor after a redo.
    after: usize,
    id: u64,
}

/// A reader's command.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Command {
    /// The next pending suspect after the current one (wrapping).
    Next,
    /// The previous pending suspect (wrapping).
    Previous,
    /// Make the pending suspect at or after this byte offset current.
    Goto(usize),
    /// Make the last pending suspect that starts before this byte offset current (wrapping).
    GotoBefore(usize),
    /// Take suggestion `n` (0-based) for the current suspect.
    Accept(usize),
    /// Replace the current suspect with typed text.
    Edit(String),
    /// Replace every pending occurrence of the current word with suggestion `n`.
    ReplaceAll(usize),
    /// Leave the current suspect as written.
    Ignore,
    /// Leave every occurrence of the current word for the session.
    IgnoreAll,
    /// Add the current word to the personal dictionary.
    Add,
    /// Take back the last decision.
    Undo,
    /// Do again the last decision taken back.
    Redo,
    /// Leaves as written what an earlier session of the same file left (one undoable step that
    /// does not count as a change to the text).
    Restore(Ignores),
    /// Whether a decision makes the next suspect current (the default) or leaves none current
    /// until [`Command::Next`] or [`Command::Previous`] (the config's `move-to-next`). It is a
    /// command so that a journal replays a session exactly.
    MoveToNext(bool),
}

impl Command {
    /// True for commands that decide something (the rest move, set how moving works, or bring
    /// back what an earlier session decided).
    #[must_use]
    pub const fn is_decision(&self) -> bool {
        !matches!(
            self,
            Self::Next | Self::Previous | Self::Goto(_) | Self::GotoBefore(_) | Self::MoveToNext(_) | Self::Restore(_)
        )
    }
}

/// What a command did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// The review changed.
    Done,
    /// Nothing to do, and why (for the status line).
    Nothing(&'static str),
}

/// An article under review.
///
/// The review is the text, its suspects, the current one and the history, and nothing else:
/// what touches the disk for it (saves, their guards, the personal dictionary) is its
/// [`crate::store::session::Session`].
pub struct Review {
    /// The text as it stands, its name and its line index.
    doc: Document,
    items: Vec<Item>,
    current: Option<usize>,
    dialect: Dialect,
    lexicon: Lexicon,
    fixes: HashMap<String, Vec<String>>,
    /// The words of the article as opened, which its fixes favour; counted as it is checked.
    article: Cache,
    /// The current suspect's fixes, as shown.
    offered: Vec<String>,
    undo: Vec<Step>,
    redo: Vec<Step>,
    next_id: u64,
    /// How the text is written.
    format: markup::Format,
    /// Where the text is markup, not prose ([`markup::markup_spans`]), kept in step with edits.
    markup: Vec<Span>,
    /// Words the last steps added to the personal dictionary (`true`) or took from it, for the
    /// session to write ([`Review::take_word_changes`]).
    word_changes: Vec<(String, bool)>,
    /// A decision makes the next suspect current.
    advance: bool,
    /// Where the last decision was, when `advance` is off and no suspect is current.
    anchor: usize,
    /// Counts the changes to the suspects, so that what is drawn from them can be kept until
    /// they change.
    revision: u64,
    /// The changes the last step made to the text, in the order it made them.
    last_changes: Vec<Change>,
}

impl Review {
    /// Checks `text` and makes its first suspect current. `name` is the file it came from; how
    /// it is written (plain text, Markdown) comes from its extension, else its content.
    #[must_use]
    pub fn new(name: impl Into<PathBuf>, text: String, lexicon: Lexicon, dialect: Option<Dialect>) -> Self {
        let name = name.into();
        let format = markup::Format::of(&name, &text);
        Self::new_as(name, text, lexicon, dialect, format)
    }

    /// [`Review::new`] for a text written as `format` says: of Markdown, only the prose is checked.
    #[must_use]
    pub fn new_as(
        name: impl Into<PathBuf>,
        text: String,
        lexicon: Lexicon,
        dialect: Option<Dialect>,
        format: markup::Format,
    ) -> Self {
        // The article's usage, which ranking a misspelling's fixes reads, is counted from the
        // prose the check read: counted when the first misspelling was shown, it held up that key
        // press (15 ms for a page of 0.8 MB, which had its prose read again).
        let (checked, markup, usage) =
            markup::checked_markup_and_usage(&text, format, &lexicon, &Options { dialect, suggestions: false });
        let items = checked.suspects.into_iter().map(|s| Item::pending(s, &text)).collect();
        let mut review = Self {
            doc: Document::new(name, text),
            items,
            current: None,
            dialect: checked.dialect,
            lexicon,
            fixes: HashMap::new(),
            article: usage,
            offered: Vec::new(),
            undo: Vec::new(),
            redo: Vec::new(),
            next_id: 1,
            word_changes: Vec::new(),
            format,
            markup,
            advance: true,
            anchor: 0,
            revision: 0,
            last_changes: Vec::new(),
        };
        review.seek(0);
        review
    }

    /// Gives the article a new name (after a save-as: see
    /// [`crate::store::session::Session::rename`]).
    pub fn rename(&mut self, name: PathBuf) {
        self.doc.rename(name);
    }

    /// What the last commands added to the personal dictionary (`true`) or took from it
    /// (`false`), in order, since this was last asked: the session writes them.
    pub fn take_word_changes(&mut self) -> Vec<(String, bool)> {
        std::mem::take(&mut self.word_changes)
    }

    /// [`Review::apply`], and the journal entry for what it did (`None` when it changed
    /// nothing, or only moved or set how moving works).
    pub fn apply_recorded(&mut self, command: Command) -> Result<(Outcome, Option<Entry>)> {
        let moves = matches!(
            command,
            Command::Next | Command::Previous | Command::Goto(_) | Command::GotoBefore(_) | Command::MoveToNext(_)
        );
        let (undo, redo) = (command == Command::Undo, command == Command::Redo);
        let outcome = self.apply(command)?;
        let last = |stack: &[Step]| stack.last().map(|s| s.decision.clone());
        let entry = match outcome {
            Outcome::Done if moves => None,
            Outcome::Done if undo => last(&self.redo).map(Entry::Undo),
            Outcome::Done if redo => last(&self.undo).map(Entry::Redo),
            Outcome::Done => last(&self.undo).map(Entry::Decision),
            Outcome::Nothing(_) => None,
        };
        Ok((outcome, entry))
    }

    /// How many decisions are in force (made and not taken back; remembered ignores aside).
    #[must_use]
    pub fn decisions(&self) -> usize {
        self.undo.iter().filter(|s| s.decision.action != Action::Remembered).count()
    }

    /// Replays the journal entries of an unfinished session, in order. Each one is checked
    /// against the text first: replaying stops at the first whose words are not where it says.
    pub fn replay(&mut self, entries: &[Entry]) -> Replayed {
        for (k, entry) in entries.iter().enumerate() {
            if let Err(why) = self.replay_one(entry) {
                let stopped = format!("decision {} of {} no longer fits the text: {why}", k + 1, entries.len());
                self.offer_current();
                return Replayed { entries: k, stopped: Some(stopped) };
            }
        }
        self.offer_current();
        Replayed { entries: entries.len(), stopped: None }
    }

    fn replay_one(&mut self, entry: &Entry) -> std::result::Result<(), String> {
        let travel = |stack: &[Step], d: &Decision| match stack.last() {
            Some(s) if s.decision == *d => Ok(()),
            Some(s) => Err(format!(
                "it takes back {:?} of {:?} ({:?}) at byte {}, but the history's last is {:?} of {:?} ({:?}) at byte {}",
                d.action, d.old, d.kind, d.at, s.decision.action, s.decision.old, s.decision.kind, s.decision.at
            )),
            None => Err("there is nothing to take back".to_string()),
        };
        match entry {
            Entry::Undo(d) => {
                travel(&self.undo, d)?;
                self.travel(false).map(|_| ()).map_err(|e| e.to_string())
            }
            Entry::Redo(d) => {
                travel(&self.redo, d)?;
                self.travel(true).map(|_| ()).map_err(|e| e.to_string())
            }
            Entry::Decision(d) => {
                let found = |at: usize, old: &str| {
                    let here = Span::new(at, at.saturating_add(old.len())).get(self.doc.text());
                    if here == Some(old) {
                        Ok(())
                    } else {
                        Err(format!("byte {at} holds {:?}, not {old:?}", here.unwrap_or_default()))
                    }
                };
                found(d.at, &d.old)?;
                for c in &d.changes {
                    found(c.at, &c.old)?;
                }
                // A journal is read from disk: what a decision wrote must be what one can write.
                let fixes = matches!(d.action, Action::Accept | Action::Edit | Action::ReplaceAll);
                let new = d.changes.first().map(|c| c.new.as_str());
                let ordered = d.changes.windows(2).all(|w| w[0].at + w[0].old.len() <= w[1].at);
                let one_text = d.changes.iter().all(|c| Some(c.new.as_str()) == new && !c.new.contains(['\n', '\r']));
                let empty = d.old.is_empty() || d.changes.iter().any(|c| c.old.is_empty() || c.new.is_empty());
                if fixes == d.changes.is_empty() || !ordered || !one_text || empty {
                    return Err(format!("its changes at byte {} are not ones a decision makes", d.at));
                }
                let span = Span::new(d.at, d.at + d.old.len());
                let item = self.items.iter().find(|it| it.span == span && it.status == Status::Pending).cloned();
                let mut item = item.unwrap_or(Item {
                    span,
                    word: d.old.clone(),
                    kind: d.kind,
                    status: Status::Pending,
                    given: Fixes::default(),
                });
                // The history keeps the decision as it was made, whatever this lexicon calls the
                // word now, so that an undo journaled after it finds it.
                item.kind = d.kind;
                let outcome = match d.action {
                    Action::Accept | Action::Edit | Action::ReplaceAll => {
                        let new = d.changes.first().map(|c| c.new.clone()).unwrap_or_default();
                        let spans: Vec<Span> = d.changes.iter().map(Change::old_span).collect();
                        self.replace(d.action, &item, &spans, &new)
                    }
                    Action::Ignore | Action::IgnoreAll | Action::Add => self.decide(d.action, &item),
                    Action::Remembered => self.restore(&d.ignores),
                };
                outcome.map(|_| ()).map_err(|e| e.to_string())
            }
        }
    }

    /// The name the article was opened under.
    #[must_use]
    pub fn name(&self) -> &Path {
        self.doc.path()
    }

    /// The text with every decision so far.
    #[must_use]
    pub fn text(&self) -> &str {
        self.doc.text()
    }

    /// The text as loaded: the text as it stands with every step taken back, newest first. It
    /// is made when asked for (saving a backup, a diff), not kept beside the text: that would
    /// hold a second copy of the article for as long as it is open.
    ///
    /// # Errors
    /// [`Error::History`] if a step no longer finds the text it changed (a bug).
    pub fn original(&self) -> Result<Cow<'_, str>> {
        if self.undo.is_empty() {
            return Ok(Cow::Borrowed(self.doc.text()));
        }
        let back: Vec<Change> =
            self.undo.iter().rev().flat_map(|step| step.changes.iter().rev().map(Change::inverse)).collect();
        crate::edit::replayed(self.doc.text(), &back).map(Cow::Owned).map_err(|at| Error::History { at })
    }

    /// Byte offsets where the lines of the current text start.
    #[must_use]
    pub fn line_starts(&self) -> &[usize] {
        self.doc.line_starts()
    }

    /// Every suspect, decided or not, in text order.
    #[must_use]
    pub fn items(&self) -> &[Item] {
        &self.items
    }

    /// Index of the current suspect in [`Review::items`].
    #[must_use]
    pub fn current(&self) -> Option<usize> {
        self.current
    }

    /// The current suspect.
    #[must_use]
    pub fn current_item(&self) -> Option<&Item> {
        self.current.and_then(|i| self.items.get(i))
    }

    /// The dialect in use.
    #[must_use]
    pub fn dialect(&self) -> Dialect {
        self.dialect
    }

    /// The id of the last step in the history that changed the text (0: none). Ignoring and
    /// adding words changes nothing to save.
    #[must_use]
    pub fn text_id(&self) -> u64 {
        self.undo.iter().rev().find(|s| !s.changes.is_empty()).map_or(0, |s| s.id)
    }

    /// Counts of (pending, fixed, ignored or added) suspects.
    #[must_use]
    pub fn counts(&self) -> (usize, usize, usize) {
        self.items.iter().fold((0, 0, 0), |(p, f, i), it| match it.status {
            Status::Pending => (p + 1, f, i),
            Status::Fixed => (p, f + 1, i),
            Status::Ignored | Status::Added => (p, f, i + 1),
        })
    }

    /// The fixes offered for the current suspect, best first (at most nine).
    #[must_use]
    pub fn current_fixes(&self) -> &[String] {
        &self.offered
    }

    /// Ranks the current suspect's fixes (when it changes), so that drawing only reads them.
    fn offer_current(&mut self) {
        self.offered = match self.current {
            Some(i) => self.fixes_of(i),
            None => Vec::new(),
        };
    }

    /// Where the fixes of `it` are kept: by word, and for a misspelling by the words around it
    /// too, since they may choose among its fixes.
    fn fixes_key(&self, it: &Item) -> String {
        if it.kind != Kind::Spelling {
            return it.word.clone();
        }
        let (prev, next) = crate::token::neighbours(self.doc.text(), it.span);
        format!("{}\0{}\0{}", prev.unwrap_or_default(), it.word, next.unwrap_or_default())
    }

    /// The fixes for `item`, ranked on first use and kept.
    fn fixes_of(&mut self, item: usize) -> Vec<String> {
        let Some(it) = self.items.get(item) else { return Vec::new() };
        if !it.given.is_empty() {
            return it.given.to_vec();
        }
        let key = self.fixes_key(it);
        if let Some(f) = self.fixes.get(&key) {
            return f.clone();
        }
        let fixes = if let (Kind::Casing, Verdict::Casing(forms)) =
            (it.kind, self.lexicon.verdict(&it.word, self.dialect))
        {
            forms
        } else {
            // The article as `check` read it, the text as opened: the reader offers what `check` does.
            let ranked = suggest::rank_in(&self.lexicon, &it.word, self.dialect, &self.article);
            let chosen = (it.kind == Kind::Spelling)
                .then(|| check::by_context(&self.lexicon, &ranked, crate::token::neighbours(self.doc.text(), it.span)))
                .flatten();
            check::first_moved(&ranked, chosen)
        };
        self.fixes.insert(key, fixes.clone());
        fixes
    }

    /// What an undo (`forward` false) or a redo would take back or do again, in words:
    /// `Roden → roden`, `ignored maint`.
    #[must_use]
    pub fn would_travel(&self, forward: bool) -> Option<String> {
        let step = if forward { self.redo.last() } else { self.undo.last() }?;
        let d = &step.decision;
        let said = match (d.changes.first(), d.action) {
            (Some(c), _) => {
                let (from, to) = if forward { (&c.old, &c.new) } else { (&c.new, &c.old) };
                let more = match d.changes.len() {
                    1 => String::new(),
                    n => format!(" ({n} places)"),
                };
                format!("{} → {}{more}", visible(from), visible(to))
            }
            (None, Action::Add) => format!("added {}", visible(&d.old)),
            (None, Action::IgnoreAll) => format!("ignoring every {}", visible(&d.old)),
            (None, Action::Remembered) => "what an earlier session left as written".to_string(),
            (None, _) => format!("ignored {}", visible(&d.old)),
        };
        Some(said)
    }

    /// Carries out a command.
    pub fn apply(&mut self, command: Command) -> Result<Outcome> {
        let outcome = match command {
            Command::Next => self.step_cursor(true),
            Command::Previous => self.step_cursor(false),
            Command::Goto(at) => {
                self.seek(at);
                Outcome::Done
            }
            Command::GotoBefore(at) => {
                let pending = |it: &&Item| it.status == Status::Pending;
                let before = self.items.partition_point(|it| it.span.start < at);
                let found = self.items[..before].iter().rposition(|it| pending(&it));
                self.current = found.or_else(|| self.items.iter().rposition(|it| pending(&it)));
                Outcome::Done
            }
            Command::Undo => self.travel(false)?,
            Command::Redo => self.travel(true)?,
            Command::Accept(n) => self.replace_current(n, Action::Accept)?,
            Command::ReplaceAll(n) => self.replace_current(n, Action::ReplaceAll)?,
            Command::Edit(new) => self.edit_current(&new)?,
            Command::Ignore => self.set_status(Action::Ignore)?,
            Command::IgnoreAll => self.set_status(Action::IgnoreAll)?,
            Command::Add => self.set_status(Action::Add)?,
            Command::Restore(ignores) => self.restore(&ignores)?,
            Command::MoveToNext(on) if on == self.advance => Outcome::Nothing("unchanged"),
            Command::MoveToNext(on) => {
                self.advance = on;
                Outcome::Done
            }
        };
        self.offer_current();
        Ok(outcome)
    }

    /// Makes the first pending suspect at or after `at` current (wrapping to the first).
    fn seek(&mut self, at: usize) {
        let pending = |it: &Item| it.status == Status::Pending;
        let from = self.items.partition_point(|it| it.span.end <= at);
        self.current = self.items[from..]
            .iter()
            .position(pending)
            .map(|k| from + k)
            .or_else(|| self.items.iter().position(pending));
        self.offer_current();
    }

    fn step_cursor(&mut self, forward: bool) -> Outcome {
        let pending = |(_, it): &(usize, &Item)| it.status == Status::Pending;
        if self.current.is_none() && self.items.iter().any(|it| it.status == Status::Pending) {
            // After a decision that stayed: on from where it was.
            if forward {
                self.seek(self.anchor);
            } else {
                let before = self.items.partition_point(|it| it.span.start < self.anchor);
                let all = self.items.iter().enumerate();
                self.current =
                    all.clone().take(before).rev().find(pending).or_else(|| all.rev().find(pending)).map(|(i, _)| i);
            }
            return Outcome::Done;
        }
        let cur = self.current.unwrap_or(0);
        let mut all = self.items.iter().enumerate();
        let next = if forward {
            all.clone().filter(pending).find(|&(i, _)| i > cur).or_else(|| all.find(pending))
        } else {
            all.clone().rev().filter(pending).find(|&(i, _)| i < cur).or_else(|| all.rev().find(pending))
        };
        match next {
            Some((i, _)) => {
                self.current = Some(i);
                Outcome::Done
            }
            None => Outcome::Nothing("no suspects left"),
        }
    }

    fn current_pending(&self) -> Option<(usize, Item)> {
        let i = self.current?;
        let it = self.items.get(i)?;
        (it.status == Status::Pending).then(|| (i, it.clone()))
    }

    fn replace_current(&mut self, n: usize, action: Action) -> Result<Outcome> {
        let Some((i, item)) = self.current_pending() else { return Ok(Outcome::Nothing("no suspect here")) };
        let fixes = self.fixes_of(i);
        let Some(new) = fixes.get(n).cloned() else { return Ok(Outcome::Nothing("no such suggestion")) };
        let targets: Vec<Span> = if action == Action::ReplaceAll {
            self.items
                .iter()
                .filter(|it| it.status == Status::Pending && it.word == item.word)
                .map(|it| it.span)
                .collect()
        } else {
            vec![item.span]
        };
        self.replace(action, &item, &targets, &new)
    }

    fn edit_current(&mut self, new: &str) -> Result<Outcome> {
        let Some((_, item)) = self.current_pending() else { return Ok(Outcome::Nothing("no suspect here")) };
        if new.is_empty() || new.contains(['\n', '\r']) {
            return Ok(Outcome::Nothing("a replacement is one line of text"));
        }
        if new == item.word {
            return Ok(Outcome::Nothing("unchanged"));
        }
        self.replace(Action::Edit, &item, &[item.span], new)
    }

    /// Replaces the text at each target (sorted, disjoint) with `new` as one step, on behalf of
    /// `item`. The suspects there are taken out, and the new text is marked fixed. A fix the
    /// checker offered is never flagged again; text the reader typed is checked for misspellings
    /// ([`Review::typed_slips`]), which stay pending.
    fn replace(&mut self, action: Action, item: &Item, targets: &[Span], new: &str) -> Result<Outcome> {
        let mut changes = Vec::new();
        let mut added = Vec::new();
        let mut delta: isize = 0;
        let slips = if action == Action::Edit { self.typed_slips(new, targets) } else { Vec::new() };
        // Later targets first, so that every change's offset holds in the text it applies to.
        for t in targets.iter().rev() {
            let old = t.get(self.doc.text()).ok_or(Error::History { at: t.start })?;
            changes.push(Change { at: t.start, old: old.to_string(), new: new.to_string() });
        }
        // Offsets after the step: earlier targets shift the later ones.
        for t in targets {
            let start = t.start.checked_add_signed(delta).unwrap_or(t.start);
            if slips.is_empty() {
                added.push(Item {
                    span: Span::new(start, start + new.len()),
                    word: new.to_string(),
                    kind: item.kind,
                    status: Status::Fixed,
                    given: Fixes::default(),
                });
            } else {
                added.extend(slips.iter().map(|s| Item {
                    span: Span::new(start + s.span.start, start + s.span.end),
                    ..Item::pending(s.clone(), new)
                }));
            }
            delta += isize::try_from(new.len()).unwrap_or(0) - isize::try_from(t.len()).unwrap_or(0);
        }
        let after = added.iter().map(|a| a.span.end).max().unwrap_or(item.span.end);
        let after = if targets.len() > 1 {
            let first_after = targets.iter().position(|t| *t == item.span).unwrap_or(0);
            added.get(first_after).map_or(after, |a| a.span.end)
        } else {
            after
        };
        // Every suspect the new text replaces goes, whatever checked it (items are sorted and
        // disjoint, so each target's overlaps are found by a binary search).
        let mut removed: Vec<Item> = Vec::new();
        for t in targets {
            let first = self.items.partition_point(|it| it.span.end <= t.start);
            removed.extend(self.items[first..].iter().take_while(|it| it.span.start < t.end).cloned());
        }
        removed.dedup(); // a suspect over two targets (a repeat) is taken out once
        let decision = Decision { changes: changes.iter().rev().cloned().collect(), ..Decision::on(action, item) };
        let step = self.new_step(decision, changes, removed, added, None, after);
        self.commit(step)
    }

    /// The misspellings in `new`, text the reader typed over `targets`. The text alone has no
    /// sentence around it to judge casing by, so only misspellings count; and a word the article
    /// writes elsewhere, where the first check did not flag it, was judged with the evidence of
    /// the whole article (`Roden` where the article names Kendall Roden), which stands.
    fn typed_slips(&self, new: &str, targets: &[Span]) -> Vec<Suspect> {
        let mut checked =
            check::check(new, &self.lexicon, &Options { dialect: Some(self.dialect), suggestions: false });
        checked.suspects.retain(|s| s.kind == Kind::Spelling && !self.vouched(s.span.slice(new), targets));
        checked.suspects
    }

    /// True when the article writes `word` as a whole word outside `targets` and no spelling
    /// suspect waits there. One pass over the text.
    fn vouched(&self, word: &str, targets: &[Span]) -> bool {
        let bytes = self.doc.text().as_bytes();
        let is_word_byte = |b: u8| b.is_ascii_alphanumeric() || b == b'_' || b >= 0x80 || b == b'\'';
        memchr::memmem::find_iter(bytes, word.as_bytes()).any(|at| {
            let end = at + word.len();
            let whole = (at == 0 || !is_word_byte(bytes[at - 1])) && bytes.get(end).is_none_or(|&b| !is_word_byte(b));
            let first = self.items.partition_point(|it| it.span.end <= at);
            whole
                && !targets.iter().any(|t| t.start < end && at < t.end)
                && !self.items[first..]
                    .iter()
                    .take_while(|it| it.span.start < end)
                    .any(|it| it.status == Status::Pending && it.kind == Kind::Spelling)
        })
    }

    fn set_status(&mut self, action: Action) -> Result<Outcome> {
        let Some((_, item)) = self.current_pending() else { return Ok(Outcome::Nothing("no suspect here")) };
        self.decide(action, &item)
    }

    /// Leaves `item` as written (or adds its word), as one step. The step is made even when
    /// the checker has no such suspect (a journal replayed with other options), so that the
    /// history stays the one the journal describes.
    fn decide(&mut self, action: Action, item: &Item) -> Result<Outcome> {
        let (status, lexical) = match action {
            Action::Ignore => (Status::Ignored, None),
            Action::IgnoreAll => (Status::Ignored, Some(Lexical::Ignore(vec![item.word.clone()]))),
            _ => (Status::Added, Some(Lexical::Add(item.word.clone()))),
        };
        let removed: Vec<Item> = if lexical.is_some() {
            self.items.iter().filter(|it| it.status == Status::Pending && it.word == item.word).cloned().collect()
        } else {
            self.items.iter().filter(|it| *it == item).cloned().collect()
        };
        let added = removed.iter().map(|it| Item { status, ..it.clone() }).collect();
        let step = self.new_step(Decision::on(action, item), Vec::new(), removed, added, lexical, item.span.end);
        self.commit(step)
    }

    /// [`Command::Restore`]: marks what `ignores` names as ignored, in one step that leaves the
    /// current suspect where it was (or on the next one).
    fn restore(&mut self, ignores: &Ignores) -> Result<Outcome> {
        let pending: Vec<usize> = (0..self.items.len()).filter(|&i| self.items[i].status == Status::Pending).collect();
        let mut chosen: Vec<usize> =
            pending.iter().copied().filter(|&i| ignores.words.contains(&self.items[i].word)).collect();
        for (at, word) in &ignores.at {
            let near = pending
                .iter()
                .copied()
                .filter(|&i| self.items[i].word == *word && !chosen.contains(&i))
                .min_by_key(|&i| self.items[i].span.start.abs_diff(*at))
                .filter(|&i| self.items[i].span.start.abs_diff(*at) <= IGNORE_DRIFT);
            chosen.extend(near);
        }
        chosen.sort_unstable();
        let Some(&first) = chosen.first() else { return Ok(Outcome::Nothing("nothing to restore")) };
        let removed: Vec<Item> = chosen.iter().map(|&i| self.items[i].clone()).collect();
        let added = removed.iter().map(|it| Item { status: Status::Ignored, ..it.clone() }).collect();
        let item = self.items[first].clone();
        let words = ignores.words.clone();
        let lexical = (!words.is_empty()).then_some(Lexical::Ignore(words));
        let current = self.current_item().map(|it| it.span.start);
        let decision = Decision { ignores: ignores.clone(), ..Decision::on(Action::Remembered, &item) };
        let step = self.new_step(decision, Vec::new(), removed, added, lexical, item.span.end);
        self.run(&step, true)?;
        self.undo.push(step);
        self.redo.clear();
        self.seek(current.unwrap_or(0));
        Ok(Outcome::Done)
    }

    /// What the reader has left as written, to remember for the next session of the file.
    #[must_use]
    pub fn ignores(&self) -> Ignores {
        let words = self.lexicon.ignored_words();
        let at = self
            .items
            .iter()
            .filter(|it| it.status == Status::Ignored && !words.contains(&it.word))
            .map(|it| (it.span.start, it.word.clone()))
            .collect();
        Ignores { words, at }
    }

    fn new_step(
        &mut self,
        decision: Decision,
        changes: Vec<Change>,
        removed: Vec<Item>,
        added: Vec<Item>,
        lexical: Option<Lexical>,
        after: usize,
    ) -> Step {
        self.next_id += 1;
        let at = decision.at;
        Step { decision, changes, removed, added, lexical, at, after, id: self.next_id }
    }

    fn commit(&mut self, step: Step) -> Result<Outcome> {
        self.run(&step, true)?;
        if self.advance {
            self.seek(step.after);
        } else {
            self.current = None;
            self.anchor = step.at;
        }
        self.undo.push(step);
        self.redo.clear();
        Ok(Outcome::Done)
    }

    /// Takes back the last step (`forward` false) or does again the last one taken back.
    fn travel(&mut self, forward: bool) -> Result<Outcome> {
        let popped = if forward { self.redo.pop() } else { self.undo.pop() };
        let Some(step) = popped else {
            return Ok(Outcome::Nothing(if forward { "nothing to redo" } else { "nothing to undo" }));
        };
        self.run(&step, forward)?;
        self.seek(if forward { step.after } else { step.at });
        if forward {
            self.undo.push(step);
        } else {
            self.redo.push(step);
        }
        Ok(Outcome::Done)
    }

    /// Runs a step forwards or backwards: take out items, change the text (moving the items
    /// after each change), put in items, then the lexicon.
    fn run(&mut self, step: &Step, forward: bool) -> Result<()> {
        self.revision += 1;
        let (out, into) = if forward { (&step.removed, &step.added) } else { (&step.added, &step.removed) };
        let changes: Vec<Change> =
            if forward { step.changes.clone() } else { step.changes.iter().rev().map(Change::inverse).collect() };
        self.doc.apply(&changes).map_err(|at| Error::History { at })?;
        // Each pass below is linear in the items and the step (a replace-all of fifty thousand
        // places took two seconds when each looked through all of either).
        let mut out: Vec<&Item> = out.iter().collect();
        out.sort_by_key(|it| it.span);
        self.items.retain(|it| {
            let from = out.partition_point(|o| o.span < it.span);
            !out[from..].iter().take_while(|o| o.span == it.span).any(|o| *o == it)
        });
        crate::edit::shift_all(&mut self.items, &changes, |it| &mut it.span);
        crate::edit::shift_all(&mut self.markup, &changes, |m| m);
        self.last_changes = changes;
        // The items put in go before those of the same span, the last given first, as inserting
        // each in turn at its place puts them. A few are inserted in place; many (a replace-all)
        // are merged into a new list, which a single decision need not allocate.
        if into.len() <= MERGE_FROM {
            for it in into {
                let at = self.items.partition_point(|x| x.span < it.span);
                self.items.insert(at, it.clone());
            }
        } else {
            let mut into: Vec<&Item> = into.iter().rev().collect();
            into.sort_by_key(|it| it.span);
            let mut merged = Vec::with_capacity(self.items.len() + into.len());
            let mut kept = std::mem::take(&mut self.items).into_iter().peekable();
            for it in into {
                while let Some(k) = kept.next_if(|k| k.span < it.span) {
                    merged.push(k);
                }
                merged.push(it.clone());
            }
            merged.extend(kept);
            self.items = merged;
        }
        match (&step.lexical, forward) {
            (Some(Lexical::Ignore(words)), true) => words.iter().for_each(|w| self.lexicon.ignore(w)),
            (Some(Lexical::Ignore(words)), false) => words.iter().for_each(|w| self.lexicon.unignore(w)),
            (Some(Lexical::Add(w)), true) => {
                self.lexicon.add_user_word(w);
                self.word_changes.push((w.clone(), true));
            }
            (Some(Lexical::Add(w)), false) => {
                self.lexicon.remove_user_word(w);
                self.word_changes.push((w.clone(), false));
            }
            (None, _) => {}
        }
        Ok(())
    }

    /// The unified diff from the loaded text to the current one (after a save over the file, it
    /// applies to the backup, `FILE.bak`).
    ///
    /// # Errors
    /// [`Error::History`] if the text as loaded cannot be made again (see [`Review::original`]).
    pub fn diff(&self) -> Result<String> {
        Ok(report::unified_diff(&self.doc.path().to_string_lossy(), &self.original()?, self.doc.text()))
    }

    /// How the text is written: plain text, Markdown or a web page.
    #[must_use]
    pub fn format(&self) -> markup::Format {
        self.format
    }

    /// Where the text is markup rather than prose (sorted, disjoint): what the reader dims.
    #[must_use]
    pub fn markup(&self) -> &[Span] {
        &self.markup
    }

    /// The changes the last step (decision, undo or redo) made to the text: what moved the
    /// [`revision`](Self::revision) by one. A reader that kept what it drew of the text before
    /// can move it along instead of drawing it all again.
    #[must_use]
    pub fn last_changes(&self) -> &[Change] {
        &self.last_changes
    }

    /// A number that changes whenever the suspects or their statuses do.
    #[must_use]
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// The decisions so far, as a JSON document: each one's original byte range, old and new
    /// text, kind and action.
    #[must_use]
    pub fn decision_log(&self) -> String {
        #[derive(Serialize)]
        struct Entry<'a> {
            offset: usize,
            length: usize,
            old: &'a str,
            new: Option<&'a str>,
            kind: &'static str,
            action: Action,
        }
        let mut entries = Vec::new();
        for (k, step) in self.undo.iter().enumerate() {
            let spans: Vec<(Span, &str, Option<&str>)> = if step.changes.is_empty() {
                step.removed.iter().map(|it| (it.span, it.word.as_str(), None)).collect()
            } else {
                step.changes.iter().rev().map(|c| (c.old_span(), c.old.as_str(), Some(c.new.as_str()))).collect()
            };
            for (span, old, new) in spans {
                let origin =
                    self.undo[..k].iter().rev().flat_map(|s| s.changes.iter().rev()).fold(span, |sp, c| c.unshift(sp));
                entries.push(Entry {
                    offset: origin.start,
                    length: origin.len(),
                    old,
                    new,
                    kind: step.decision.kind.name(),
                    action: step.decision.action,
                });
            }
        }
        let mut out = serde_json::to_string_pretty(&serde_json::json!({
            "path": self.doc.path().to_string_lossy(),
            "decisions": entries,
        }))
        .unwrap_or_default();
        out.push('\n');
        out
    }

    /// The 0-based line of a byte offset in the current text.
    #[must_use]
    pub fn line_of(&self, offset: usize) -> usize {
        self.doc.line_starts().partition_point(|&s| s <= offset).max(1) - 1
    }
}

impl Item {
    /// A pending item for a suspect found in `text`.
    fn pending(s: Suspect, text: &str) -> Self {
        let word = s.word(text).to_string();
        let given = if s.kind == Kind::Spelling { Fixes::default() } else { s.suggestions };
        Self { span: s.span, word, kind: s.kind, status: Status::Pending, given }
    }
}

/// A word as a message shows it: on one line, controls made visible.
fn visible(word: &str) -> String {
    crate::escape::visible_line(word).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn review(text: &str) -> Review {
        Review::new("t.txt", text.to_string(), Lexicon::new(), Some(Dialect::Us))
    }

    /// The journal entries of the commands, as the reader records them.
    fn entries(r: &mut Review, commands: Vec<Command>) -> Vec<Entry> {
        let mut out = Vec::new();
        for c in commands {
            let (outcome, entry) = r.apply_recorded(c).expect("apply");
            assert_eq!(outcome, Outcome::Done);
            out.extend(entry);
        }
        out
    }

    #[test]
    fn a_journal_replays_the_same_words_whatever_the_options() {
        let text = "teh clustr and kuberanetes\n";
        // The session ran with a word list that knows `clustr`: two suspects, and the second
        // fix taken was suggestion 0 for `kuberanetes`.
        let mut with_vocab = Lexicon::new();
        with_vocab.add_user_word("clustr");
        let mut a = Review::new("t.txt", text.into(), with_vocab, Some(Dialect::Us));
        let journal = entries(&mut a, vec![Command::Accept(0), Command::Accept(0), Command::Undo, Command::Redo]);
        assert_eq!(a.text(), "the clustr and Kubernetes\n");
        // Replayed without it (`clustr` is a suspect now, and suggestion indexes differ).
        let mut b = review(text);
        assert_eq!(b.replay(&journal), Replayed { entries: 4, stopped: None });
        assert_eq!(b.text(), a.text());
        assert_eq!(b.decisions(), 2);
        assert_eq!(b.items().iter().find(|it| it.word == "clustr").map(|it| it.status), Some(Status::Pending));
        // Undo still takes back what the session did.
        b.apply(Command::Undo).expect("undo");
        assert_eq!(b.text(), "the clustr and kuberanetes\n");
    }

    #[test]
    fn a_journal_takes_back_an_edit_whatever_the_replaying_lexicon_calls_the_word() {
        // The replaying lexicon knows `Fraugt`, and `e` and `té` apart (the pieces around a
        // combining accent). Undo must still take back the edit made on `e\u{301}té`.
        let text = "the Fraugt e\u{301}té ";
        let mut a = Review::new("t.txt", text.into(), Lexicon::new(), None);
        let journal = entries(&mut a, vec![Command::Accept(0), Command::Edit("x".into()), Command::Undo]);
        let mut other = Lexicon::new();
        for w in ["Fraugt", "e", "té"] {
            other.add_user_word(w);
        }
        let mut b = Review::new("t.txt", text.into(), other, None);
        assert_eq!(b.replay(&journal), Replayed { entries: 3, stopped: None });
        assert_eq!(b.text(), a.text());
        assert_eq!(b.decisions(), a.decisions());
        while b.apply(Command::Undo).expect("undo") == Outcome::Done {}
        assert_eq!(b.text(), text);
    }

    #[test]
    fn the_reader_offers_the_fixes_check_gives_in_the_same_article() {
        let text = "This crate parses dates. The crate has no dependencies, and a crate that uses it \
stays small. Add the corat to your manifest.\n";
        let r = review(text);
        let checked = check::check(text, &Lexicon::new(), &Options { dialect: Some(Dialect::Us), suggestions: true });
        assert_eq!(r.current_fixes().first().map(String::as_str), Some("crate"));
        assert!(checked.suspects[0].suggestions == *r.current_fixes());
    }

    #[test]
    fn replay_stops_at_the_first_entry_whose_words_are_not_there() {
        let mut a = review("teh cat and teh dog\n");
        let journal = entries(&mut a, vec![Command::Ignore, Command::Accept(0)]);
        let mut b = review("teh cat and a dog\n");
        let replayed = b.replay(&journal);
        assert_eq!(replayed.entries, 1, "the ignore fits");
        assert_eq!(
            replayed.stopped.as_deref(),
            Some("decision 2 of 2 no longer fits the text: byte 12 holds \"a d\", not \"teh\"")
        );
        assert_eq!(b.text(), "teh cat and a dog\n", "nothing was written on a mismatch");
    }

    #[test]
    fn the_reader_offers_the_fix_the_words_around_choose_as_check_does() {
        let mut r = review("It was bigger thwn that. Sort it first and thwn sort again.\n");
        assert_eq!(r.current_fixes().first().map(String::as_str), Some("than"));
        assert_eq!(r.apply(Command::Next).expect("next"), Outcome::Done);
        assert_eq!(r.current_fixes().first().map(String::as_str), Some("then"));
        assert_eq!(r.apply(Command::Accept(0)).expect("accept"), Outcome::Done);
        assert!(r.text().contains("first and then sort"));
    }

    #[test]
    fn remembered_ignores_are_found_again_near_where_they_were() {
        // The file gained a line of 12 bytes since: each single ignore moved by 12.
        let text = "Added line.\nteh one, teh two, and clustr.\n";
        let status = |r: &Review| r.items().iter().map(|it| (it.word.clone(), it.status)).collect::<Vec<_>>();
        let mut r = review(text);
        let ignores = Ignores { words: vec!["clustr".into()], at: vec![(9, "teh".into()), (9000, "teh".into())] };
        assert_eq!(r.apply(Command::Restore(ignores)).expect("restore"), Outcome::Done);
        assert_eq!(
            status(&r),
            [("teh".into(), Status::Ignored), ("teh".into(), Status::Pending), ("clustr".into(), Status::Ignored)],
            "the nearer teh is ignored, the far one is not found"
        );
        assert_eq!(r.text_id(), 0, "nothing to save");
        assert_eq!(r.ignores(), Ignores { words: vec!["clustr".into()], at: vec![(12, "teh".into())] });
        assert_eq!(r.apply(Command::Undo).expect("undo"), Outcome::Done);
        assert!(status(&r).iter().all(|(_, s)| *s == Status::Pending));
        assert_eq!(r.text_id(), 0, "ignoring and its undo change nothing to save");
        assert_eq!(
            r.apply(Command::Restore(Ignores::default())).expect("nothing"),
            Outcome::Nothing("nothing to restore")
        );
    }

    #[test]
    fn taking_fixes_then_undoing_everything_restores_the_text() {
        let mut r = review("The kuberanetes clustr is up.\n");
        assert_eq!(r.current_item().map(|i| i.word.as_str()), Some("kuberanetes"));
        assert_eq!(r.current_fixes().first().map(String::as_str), Some("Kubernetes"));
        r.apply(Command::Accept(0)).expect("apply");
        assert_eq!(r.current_item().map(|i| i.word.as_str()), Some("clustr"));
        r.apply(Command::Accept(0)).expect("apply");
        assert_eq!(r.text(), "The Kubernetes cluster is up.\n");
        assert_ne!(r.text_id(), 0, "something to save");
        assert_eq!(r.counts(), (0, 2, 0));
        r.apply(Command::Undo).expect("apply");
        r.apply(Command::Undo).expect("apply");
        assert_eq!(r.text(), "The kuberanetes clustr is up.\n");
        assert_eq!(r.text_id(), 0, "nothing to save");
        assert_eq!(r.current_item().map(|i| i.word.as_str()), Some("kuberanetes"));
        r.apply(Command::Redo).expect("apply");
        assert_eq!(r.text(), "The Kubernetes clustr is up.\n");
    }

    #[test]
    fn replace_all_is_one_step() {
        // Three times, among as many right ones: a habit of the hand, not the article's own word.
        let mut r = review("teh cat and the dog, teh bird and the fish, teh end of the day\n");
        r.apply(Command::ReplaceAll(0)).expect("apply");
        assert_eq!(r.text(), "the cat and the dog, the bird and the fish, the end of the day\n");
        r.apply(Command::Undo).expect("apply");
        assert_eq!(r.text(), "teh cat and the dog, teh bird and the fish, teh end of the day\n");
    }

    #[test]
    fn an_edit_with_a_typo_stays_suspect() {
        let mut r = review("a clustr here\n");
        r.apply(Command::Edit("clustre".into())).expect("apply");
        assert_eq!(r.text(), "a clustre here\n");
        assert_eq!(r.items().iter().filter(|i| i.status == Status::Pending).count(), 1);
    }

    #[test]
    fn the_decision_log_names_original_ranges() {
        let mut r = review("teh teh\n");
        r.apply(Command::Edit("these".into())).expect("apply");
        r.apply(Command::Accept(0)).expect("apply");
        let log = r.decision_log();
        assert!(log.contains("\"offset\": 4"), "{log}");
        assert!(log.contains("\"action\": \"edit\""), "{log}");
    }
}
