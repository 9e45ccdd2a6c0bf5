//! The reader's state around the review: mode, scroll position, panes shown, the last message.
//! Keys become actions (see `keymap`), actions change this state; drawing only reads it.

use super::help;
use super::keymap::{self, Action, Keys};
use super::map::{self, Mark};
use super::render::Rendered;
use super::theme::Theme;
use super::wrap::{self, Layout, Pos, Row};
use crate::error::Error;
use crate::review::{Command, Outcome, Replayed, Review, Status};
use crate::span;
use crate::store::journal::{Journal, Lock, Recovery};
use crate::store::places::{self, Place};
use crate::store::save;
use crate::store::session::Session;
use crossterm::event::{KeyEvent, MouseButton, MouseEvent, MouseEventKind};
use ratatui::layout::{Position, Rect};
use std::cell::RefCell;
use std::path::{Path, PathBuf};
use std::rc::Rc;

/// Rows the wheel scrolls.
const WHEEL: usize = 3;

/// A one-line text field with a cursor (byte offset).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Field {
    /// The text typed so far.
    pub text: String,
    /// Where the cursor is (a byte offset on a char boundary).
    pub cursor: usize,
}

impl Field {
    fn with(text: &str) -> Self {
        Self { text: text.to_string(), cursor: text.len() }
    }

    /// Applies an editing action; false if the action is not an edit.
    fn edit(&mut self, action: Action) -> bool {
        let before = |s: &str, at: usize| span::head(s, at).chars().next_back().map_or(at, |c| at - c.len_utf8());
        let after = |s: &str, at: usize| span::tail(s, at).chars().next().map_or(at, |c| at + c.len_utf8());
        match action {
            Action::Insert(c) => {
                self.text.insert(self.cursor, c);
                self.cursor += c.len_utf8();
            }
            Action::Left => self.cursor = before(&self.text, self.cursor),
            Action::Right => self.cursor = after(&self.text, self.cursor),
            Action::Home => self.cursor = 0,
            Action::End => self.cursor = self.text.len(),
            Action::Backspace => {
                let b = before(&self.text, self.cursor);
                self.text.replace_range(b..self.cursor, "");
                self.cursor = b;
            }
            Action::Delete => {
                let a = after(&self.text, self.cursor);
                self.text.replace_range(self.cursor..a, "");
            }
            Action::DeleteWord => {
                let head = span::head(&self.text, self.cursor);
                let start = head.trim_end().rfind(char::is_whitespace).map_or(0, |i| i + 1);
                self.text.replace_range(start..self.cursor, "");
                self.cursor = start;
            }
            Action::DeleteToStart => {
                self.text.replace_range(..self.cursor, "");
                self.cursor = 0;
            }
            _ => return false,
        }
        true
    }
}

/// What a path prompt is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Purpose {
    /// Export: the format follows the extension.
    Export,
    /// Save to a new path (an article from stdin, or the bundled sample).
    SaveAs,
}

/// What the reader is doing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Mode {
    /// Reading and deciding.
    Normal,
    /// Editing the current word.
    Edit(Field),
    /// Typing a search.
    Search(Field),
    /// Choosing the fix for a replace-all.
    Choose,
    /// Typing a path.
    Prompt(Purpose, Field),
    /// Asking whether to overwrite an existing file.
    Overwrite(Purpose, PathBuf),
    /// Unsaved changes on quit.
    Quit,
    /// An unfinished session of this article was found: restore its decisions?
    Recover,
}

/// The decisions of an unfinished session, offered when the article opens.
pub struct Offer {
    /// What the session left (its entries replay on the review, which starts from the
    /// session's starting text).
    pub recovery: Recovery,
    /// The review to use instead if the user declines (`None`: the same one, the file still
    /// holds the session's starting text).
    pub decline: Option<Review>,
}

/// The panes of a frame.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Panes {
    /// The article text (inside its margins).
    pub article: Rect,
    /// The review pane.
    pub review: Rect,
    /// The suspect list, when shown.
    pub list: Option<Rect>,
    /// The damage map: one column at the article's right edge.
    pub map: Rect,
    /// The status line.
    pub status: Rect,
    /// The window is too small for anything but a message.
    pub too_small: bool,
}

/// Widest column of article text, for reading comfort.
pub const MAX_TEXT_WIDTH: u16 = 100;
/// Width of the review pane beside the article on wide windows.
const SIDE_WIDTH: u16 = 44;
/// Height of the review pane below the article on narrow windows.
const BOTTOM_HEIGHT: u16 = 9;

/// Splits a window into panes.
#[must_use]
pub fn panes(area: Rect, list: bool) -> Panes {
    if area.width < 40 || area.height < 12 {
        return Panes { too_small: true, ..Panes::default() };
    }
    let status = Rect::new(area.x, area.bottom() - 1, area.width, 1);
    let body = Rect::new(area.x, area.y, area.width, area.height - 1);
    let (article, side) = if body.width >= 80 + SIDE_WIDTH {
        let side = Rect::new(body.right() - SIDE_WIDTH, body.y, SIDE_WIDTH, body.height);
        (Rect::new(body.x, body.y, body.width - SIDE_WIDTH, body.height), side)
    } else {
        let side = Rect::new(body.x, body.bottom() - BOTTOM_HEIGHT, body.width, BOTTOM_HEIGHT);
        (Rect::new(body.x, body.y, body.width, body.height - BOTTOM_HEIGHT), side)
    };
    // One column of margin each side, and text no wider than MAX_TEXT_WIDTH; the damage map
    // takes the right margin's column.
    let text_width = article.width.saturating_sub(2).min(MAX_TEXT_WIDTH);
    let map = Rect::new(article.right().saturating_sub(1), article.y, 1, article.height);
    let article = Rect::new(article.x + 1, article.y, text_width, article.height);
    let (review, list) = match (list, side.width == SIDE_WIDTH && body.width >= 80 + SIDE_WIDTH) {
        (false, _) => (side, None),
        (true, true) => {
            let top = side.height / 2;
            (
                Rect::new(side.x, side.y, side.width, top),
                Some(Rect::new(side.x, side.y + top, side.width, side.height - top)),
            )
        }
        (true, false) => {
            let half = side.width / 2;
            (
                Rect::new(side.x, side.y, half, side.height),
                Some(Rect::new(side.x + half, side.y, side.width - half, side.height)),
            )
        }
    };
    Panes { article, review, list, map, status, too_small: false }
}

/// A damage map, with the review revision and the height it was computed for.
type KeptMap = (u64, usize, Rc<[Mark]>);

/// The reader.
// Independent switches (panes shown, save behaviour, done): no state machine hides in them.
#[allow(clippy::struct_excessive_bools)]
pub struct App {
    /// The article under review.
    pub review: Review,
    /// Its file on disk: saves and their guards, the backup, the personal dictionary.
    pub session: Session,
    /// What keys do now.
    pub mode: Mode,
    /// The first row shown.
    pub top: Pos,
    /// The window size.
    pub area: Rect,
    /// The suspect list is shown.
    pub list: bool,
    /// The help overlay is shown.
    pub help: bool,
    /// How many rows the help is scrolled.
    pub help_scroll: usize,
    /// The source shown as written (its markup dimmed), not rendered.
    pub raw: bool,
    /// The link last shown with `o`: its bytes.
    pub link: Option<std::ops::Range<usize>>,
    /// The last message for the status line.
    pub message: String,
    /// The last search, and where its current match is.
    pub search: Option<(String, Option<usize>)>,
    /// Styles.
    pub theme: Theme,
    /// Keep FILE.bak on the first save.
    pub backup: bool,
    /// The widest an article row is drawn, in columns (0: the pane's width).
    pub wrap: u16,
    /// After a decision, the next suspect becomes current (else the decided word stays).
    pub move_to_next: bool,
    /// True when the article has no file of its own (stdin, the bundled sample): saving asks
    /// for a path.
    pub unnamed: bool,
    /// Set when the reader should close.
    pub done: bool,
    /// Set when the reader asks to be suspended (Ctrl-Z); the loop clears it.
    pub suspend: bool,
    /// Where each decision is journaled for recovery.
    pub journal: Option<Journal>,
    /// This reader's hold on the file's journal (`None`: no journal, or another reader has it).
    pub lock: Option<Lock>,
    /// The directory journals live in (`None`: no journal).
    pub state_dir: Option<PathBuf>,
    /// An unfinished session to offer.
    pub offer: Option<Offer>,
    /// Where an earlier session of the file left off, to restore once the journal is set up.
    pub place: Option<Place>,
    /// A blank row between paragraphs: the article is written a paragraph to a line.
    pub gaps: bool,
    /// The damage map as last computed: for which revision of the review and height.
    map: RefCell<Option<KeptMap>>,
    /// The rendering of the article (Markdown or a web page), and for which revision of the
    /// review.
    look: RefCell<Option<(u64, Rc<Rendered>)>>,
}

impl App {
    /// A reader on `review` in a window of `area`, with the first suspect in view.
    #[must_use]
    pub fn new(review: Review, area: Rect, theme: Theme) -> Self {
        let mut app = Self {
            session: Session::new(&review, None),
            review,
            mode: Mode::Normal,
            top: Pos::default(),
            area,
            list: false,
            help: false,
            help_scroll: 0,
            raw: false,
            link: None,
            message: String::new(),
            search: None,
            theme,
            backup: true,
            wrap: 0,
            move_to_next: true,
            unnamed: false,
            done: false,
            suspend: false,
            journal: None,
            lock: None,
            state_dir: None,
            offer: None,
            place: None,
            map: RefCell::new(None),
            look: RefCell::new(None),
            gaps: false,
        };
        app.gaps = wrap::wants_gaps(app.review.text());
        if app.review.current_item().is_none() {
            // No suspect to show: a page or a README opens where its prose begins, not on its
            // `<head>` or badges.
            let at = first_prose(app.review.text(), app.review.markup());
            app.top = wrap::pos_of(app.review.text(), app.review.line_starts(), at, &app.layout());
            app.top.row = 0;
            app.clamp_top();
        }
        app.show_current();
        if app.review.text().trim().is_empty() {
            app.message = "the article is empty: nothing to check".into();
        }
        app
    }

    /// The damage map for the current window: computed when the suspects or the height changed
    /// since the last frame, else the one kept.
    #[must_use]
    pub fn damage_map(&self) -> Rc<[Mark]> {
        let (revision, height) = (self.review.revision(), usize::from(self.panes().map.height));
        let mut kept = self.map.borrow_mut();
        match &*kept {
            Some((r, h, marks)) if *r == revision && *h == height => Rc::clone(marks),
            _ => {
                let marks: Rc<[Mark]> = map::marks(self.review.items(), self.review.text().len(), height).into();
                *kept = Some((revision, height, Rc::clone(&marks)));
                marks
            }
        }
    }

    /// The panes of the current window.
    #[must_use]
    pub fn panes(&self) -> Panes {
        panes(self.area, self.list)
    }

    fn text_area(&self) -> Rect {
        self.panes().article
    }

    fn layout(&self) -> Layout {
        Layout { width: self.layout_width(), gaps: self.gaps, look: self.look() }
    }

    /// Columns an article row holds.
    #[must_use]
    pub fn layout_width(&self) -> usize {
        let pane = self.text_area().width.max(1);
        usize::from(if self.wrap == 0 { pane } else { pane.min(self.wrap) })
    }

    /// How the article's markup is drawn: Markdown and a web page rendered, unless `m` shows the
    /// source as written. Moved along with a decision's edit, or made again when the review moved on
    /// further than one step (its revision).
    #[must_use]
    pub fn look(&self) -> Rc<Rendered> {
        if self.raw {
            return Rc::default();
        }
        let revision = self.review.revision();
        let mut kept = self.look.borrow_mut();
        let look = match &*kept {
            Some((r, look)) if *r == revision => return Rc::clone(look),
            // One step since: its changes move what was drawn along (a word's edit), unless
            // they change more than that.
            Some((r, look)) if *r + 1 == revision => look
                .shifted(self.review.last_changes(), self.review.text())
                .unwrap_or_else(|| Rendered::of(self.review.text(), self.review.format())),
            _ => Rendered::of(self.review.text(), self.review.format()),
        };
        let look = Rc::new(look);
        *kept = Some((revision, Rc::clone(&look)));
        look
    }

    fn height(&self) -> usize {
        usize::from(self.text_area().height.max(1))
    }

    /// The rows shown in the article pane, from the top.
    #[must_use]
    pub fn visible_rows(&self) -> Vec<Row> {
        wrap::rows_from(self.review.text(), self.review.line_starts(), self.top, &self.layout(), self.height())
    }

    /// True when every row of the article is on screen (hidden markup before and after it
    /// takes none).
    #[must_use]
    pub fn fits(&self) -> bool {
        let (text, starts, w) = (self.review.text(), self.review.line_starts(), &self.layout());
        wrap::retreat(text, starts, self.top, 1, w) == wrap::retreat(text, starts, self.top, 0, w)
            && wrap::advance(text, starts, self.top, self.height() - 1, w) == wrap::last(text, starts, w)
    }

    /// Which keys apply now.
    #[must_use]
    pub fn keys(&self) -> Keys {
        if self.help {
            return Keys::Help;
        }
        match &self.mode {
            Mode::Normal => Keys::Normal,
            Mode::Edit(_) | Mode::Search(_) | Mode::Prompt(..) => Keys::Field,
            Mode::Choose => Keys::Choose,
            Mode::Overwrite(..) | Mode::Recover => Keys::Confirm,
            Mode::Quit => Keys::Quit,
        }
    }

    /// Handles a key.
    pub fn on_key(&mut self, key: &KeyEvent) {
        // A message lasts until the next key (a prompt's own reason stays with the prompt).
        if self.mode == Mode::Normal {
            self.message.clear();
        }
        if let Some(action) = keymap::action(self.keys(), key) {
            self.act(action);
        }
    }

    /// The window changed size.
    pub fn resize(&mut self, area: Rect) {
        self.area = area;
        self.top = wrap::align(self.review.text(), self.review.line_starts(), self.top, &self.layout());
        self.clamp_top();
        self.show_current();
    }

    /// Handles a mouse event: the wheel scrolls, a click on a highlighted word makes it current.
    pub fn on_mouse(&mut self, m: &MouseEvent) {
        match m.kind {
            MouseEventKind::ScrollDown => self.scroll(WHEEL.cast_signed()),
            MouseEventKind::ScrollUp => self.scroll(-WHEEL.cast_signed()),
            MouseEventKind::Down(MouseButton::Left) if self.mode == Mode::Normal && !self.help => {
                let at = Position::new(m.column, m.row);
                let panes = self.panes();
                if panes.article.contains(at) {
                    let rows = self.visible_rows();
                    let Some(row) = rows.get(usize::from(m.row - panes.article.y)) else { return };
                    let column = usize::from(m.column - panes.article.x);
                    let offset =
                        wrap::offset_at(self.review.text(), self.review.line_starts(), *row, column, &self.layout());
                    let hit = self
                        .review
                        .items()
                        .iter()
                        .find(|it| it.status == Status::Pending && it.span.start <= offset && offset < it.span.end);
                    if let Some(start) = hit.map(|it| it.span.start) {
                        self.command(Command::Goto(start));
                    } else if offset < row.end
                        && let Some(dest) = self.look().link_at(offset)
                    {
                        // A link shows its text; a click on it says where it leads.
                        self.message = format!("link: {}", crate::escape::visible_line(dest));
                    }
                } else if panes.map.contains(at) {
                    self.map_click(usize::from(m.row - panes.map.y));
                } else if let Some(list) = panes.list.filter(|l| l.contains(at)) {
                    let k = usize::from(m.row - list.y);
                    if let Some(start) =
                        self.list_window(list.height).get(k.wrapping_sub(1)).map(|&i| self.review.items()[i].span.start)
                    {
                        self.command(Command::Goto(start));
                    }
                }
            }
            _ => {}
        }
    }

    /// The indices of pending items the list pane shows in `height` rows (one header row).
    #[must_use]
    pub fn list_window(&self, height: u16) -> Vec<usize> {
        let pending: Vec<usize> = self
            .review
            .items()
            .iter()
            .enumerate()
            .filter(|(_, it)| it.status == Status::Pending)
            .map(|(i, _)| i)
            .collect();
        let rows = usize::from(height.saturating_sub(1)).max(1);
        let at = self.review.current().and_then(|c| pending.iter().position(|&i| i == c)).unwrap_or(0);
        let first = at.saturating_sub(rows / 3).min(pending.len().saturating_sub(rows));
        pending.into_iter().skip(first).take(rows).collect()
    }

    fn act(&mut self, action: Action) {
        if action == Action::Suspend {
            // The loop around the reader owns the terminal: it suspends, and redraws on `fg`.
            self.suspend = true;
            return;
        }
        let mode = std::mem::replace(&mut self.mode, Mode::Normal);
        match mode {
            Mode::Normal if self.help => self.help_key(action),
            Mode::Normal => self.normal(action),
            Mode::Edit(mut f) => match action {
                Action::Submit => self.command(Command::Edit(f.text)),
                Action::Cancel => self.message = "edit cancelled".into(),
                a => {
                    f.edit(a);
                    self.mode = Mode::Edit(f);
                }
            },
            Mode::Search(mut f) => match action {
                Action::Submit => {
                    self.search = Some((f.text, None));
                    self.find(true);
                }
                Action::Cancel => {}
                a => {
                    f.edit(a);
                    self.mode = Mode::Search(f);
                }
            },
            Mode::Choose => match action {
                Action::Accept(n) => self.command(Command::ReplaceAll(n)),
                _ => self.message = "replace-all cancelled".into(),
            },
            Mode::Prompt(purpose, mut f) => match action {
                Action::Submit => self.write_to(purpose, PathBuf::from(f.text.trim()), false),
                Action::Cancel => self.message = "cancelled".into(),
                a => {
                    f.edit(a);
                    self.mode = Mode::Prompt(purpose, f);
                }
            },
            Mode::Overwrite(purpose, path) => match action {
                Action::Yes => self.write_to(purpose, path, true),
                _ => self.message = "not written".into(),
            },
            Mode::Recover => self.answer_offer(action == Action::Yes),
            Mode::Quit => match action {
                Action::Save => {
                    self.save();
                    if !self.session.modified(&self.review) {
                        self.done = true;
                    }
                }
                Action::Discard => self.done = true,
                _ => self.message.clear(),
            },
        }
    }

    fn normal(&mut self, action: Action) {
        let (h, half) = (self.height().cast_signed(), (self.height() / 2).max(1).cast_signed());
        // The link `o` marked is marked while its message stands.
        if action != Action::NextLink {
            self.link = None;
        }
        match action {
            Action::LineDown => self.scroll(1),
            Action::LineUp => self.scroll(-1),
            Action::PageDown => self.scroll(h - 1),
            Action::PageUp => self.scroll(1 - h),
            Action::HalfDown => self.scroll(half),
            Action::HalfUp => self.scroll(-half),
            Action::Top => self.top = Pos::default(),
            Action::Bottom => self.top = self.bottom(),
            Action::Search => self.mode = Mode::Search(Field::default()),
            Action::SearchNext => self.find(true),
            Action::SearchPrevious => self.find(false),
            // Away from the current suspect (a search, a scroll), Tab goes on from what is on screen.
            Action::NextSuspect => match self.screen_span() {
                Some((top, _)) if !self.current_in_view() => self.command(Command::Goto(top)),
                _ => self.command(Command::Next),
            },
            Action::PreviousSuspect => match self.screen_span() {
                Some((_, bottom)) if !self.current_in_view() => self.command(Command::GotoBefore(bottom)),
                _ => self.command(Command::Previous),
            },
            Action::Accept(n) => self.command(Command::Accept(n)),
            Action::Ignore => self.command(Command::Ignore),
            Action::IgnoreAll => self.command(Command::IgnoreAll),
            Action::Add => self.command(Command::Add),
            Action::Undo => self.command(Command::Undo),
            Action::Redo => self.command(Command::Redo),
            Action::Edit => match self.review.current_item() {
                Some(it) if it.status == Status::Pending => self.mode = Mode::Edit(Field::with(&it.word)),
                _ => self.message = "no suspect here".into(),
            },
            Action::ReplaceAll => match self.review.current_item() {
                Some(it) if it.status == Status::Pending => self.mode = Mode::Choose,
                _ => self.message = "no suspect here".into(),
            },
            Action::Save => self.save(),
            Action::Export => {
                self.mode = Mode::Prompt(Purpose::Export, Field::with(&default_export(self.review.name())));
            }
            Action::Quit => {
                if self.session.modified(&self.review) {
                    self.mode = Mode::Quit;
                } else {
                    self.done = true;
                }
            }
            Action::ToggleList => self.list = !self.list,
            Action::NextLink => self.next_link(),
            Action::ToggleRaw => {
                // Rendered, a paragraph's lines are one line: the top row is found again by its
                // byte, not by its line's number.
                let at = self.top_byte();
                self.raw = !self.raw;
                self.reanchor(at);
                self.message = match (self.review.format(), self.raw) {
                    (crate::markup::Format::Text, _) => "no markup in this article".into(),
                    (_, true) => "the source as written, markup dimmed".into(),
                    (crate::markup::Format::Markdown, false) => "Markdown rendered".into(),
                    (crate::markup::Format::Html, false) => "the page's article rendered".into(),
                };
            }
            Action::Help => {
                self.help = true;
                self.help_scroll = 0;
            }
            _ => {}
        }
    }

    /// A key while the help is open: the reading keys scroll it, and `Help` closes it.
    fn help_key(&mut self, action: Action) {
        let laid = help::layout(self.area, &self.theme);
        let (max, page) = (laid.max_scroll(), laid.visible.max(2));
        let s = self.help_scroll;
        self.help_scroll = match action {
            Action::LineDown => s + 1,
            Action::LineUp => s.saturating_sub(1),
            Action::PageDown => s + page - 1,
            Action::PageUp => s.saturating_sub(page - 1),
            Action::HalfDown => s + page / 2,
            Action::HalfUp => s.saturating_sub(page / 2),
            Action::Top => 0,
            Action::Bottom => max,
            _ => {
                self.help = false;
                0
            }
        }
        .min(max);
    }

    /// Runs a review command, reports what happened, and brings the current suspect into view.
    fn command(&mut self, command: Command) {
        let moves = !command.is_decision();
        let word = self.review.current_item().map(|it| it.word.clone()).unwrap_or_default();
        let offered = |n: &usize| self.review.current_fixes().get(*n).cloned().unwrap_or_default();
        let what = match &command {
            Command::Accept(n) => format!("fixed {word} → {}", offered(n)),
            Command::Edit(new) => format!("fixed {word} → {new}"),
            Command::ReplaceAll(n) => format!("replaced every {word} → {}", offered(n)),
            Command::Ignore => format!("ignored {word}"),
            Command::IgnoreAll => format!("ignoring {word} for this session"),
            Command::Add => format!("added {word} to the personal dictionary"),
            Command::Undo => self.review.would_travel(false).map_or_else(String::new, |w| format!("undone: {w}")),
            Command::Redo => self.review.would_travel(true).map_or_else(String::new, |w| format!("redone: {w}")),
            _ => String::new(),
        };
        let undo = command == Command::Undo;
        // An edit may join or part a rendered paragraph's lines (typed markup): the top row is
        // then found again by its byte. (A decision adds or takes no line break, so the lines
        // of text drawn as written stay as they are.)
        let lines = |app: &Self| app.look().starts(app.review.line_starts()).len();
        let anchor = (!self.look().is_empty()).then(|| (lines(self), self.top_byte()));
        let result = self.review.apply_recorded(command);
        if let Some((before, at)) = anchor
            && lines(self) != before
        {
            self.reanchor(at);
        }
        let words = self.review.take_word_changes();
        let written = self.session.write_words(&words);
        // A decision (or a redo of one) that was carried out: say where that leaves the review.
        let decided = !moves && !undo && matches!(result, Ok((Outcome::Done, _)));
        match result {
            Ok((Outcome::Done, entry)) => {
                self.message = what;
                if let (Some(journal), Some(entry)) = (&mut self.journal, entry)
                    && let Err(e) = journal.record(&entry)
                {
                    self.message = format!("{} · not journaled: {e}", self.message);
                }
            }
            Ok((Outcome::Nothing(why), _)) => self.message = why.to_string(),
            Err(e) => self.message = format!("error: {e}"),
        }
        if let Err(e) = written {
            self.message = format!("{} · not written to the personal dictionary: {e}", self.message);
        }
        if decided && self.review.counts().0 == 0 {
            self.message.push_str(" · no suspects left");
        } else if decided && self.review.current().is_none() {
            self.message.push_str(" · Tab: next suspect");
        }
        self.show_current();
    }

    /// A click on row `k` of the damage map: that slice of the article comes into view, and its
    /// first waiting suspect, if it has one, becomes current.
    fn map_click(&mut self, k: usize) {
        let (len, slices) = (self.review.text().len(), usize::from(self.panes().map.height));
        let (from, to) = (map::start_of(k, len, slices), map::start_of(k + 1, len, slices));
        let (text, starts, w) = (self.review.text(), self.review.line_starts(), &self.layout());
        self.top = wrap::pos_of(text, starts, from, w);
        self.clamp_top();
        let first = self.review.items().iter().find(|it| it.status == Status::Pending && it.span.start >= from);
        if let Some(start) = first.map(|it| it.span.start).filter(|&s| s < to) {
            self.command(Command::Goto(start));
        }
    }

    /// Shows where the next link on screen leads (the first after the one shown last), and
    /// marks its text.
    fn next_link(&mut self) {
        let look = self.look();
        let shown =
            self.screen_span().and_then(|(top, bottom)| look.link_in(top, bottom, self.link.as_ref().map(|l| l.start)));
        self.link = shown.as_ref().map(|(range, ..)| range.clone());
        self.message = shown.map_or_else(
            || "no link on screen".into(),
            |(_, dest, k, n)| format!("link {k} of {n} on screen: {}", crate::escape::visible_line(dest)),
        );
    }

    /// The bytes on screen: the first row's start and the last row's end.
    fn screen_span(&self) -> Option<(usize, usize)> {
        let rows = self.visible_rows();
        Some((rows.first()?.start, rows.last()?.end))
    }

    /// True when a pending suspect is current and on screen.
    fn current_in_view(&self) -> bool {
        let Some(it) = self.review.current_item().filter(|it| it.status == Status::Pending) else { return false };
        self.screen_span().is_some_and(|(top, bottom)| top <= it.span.start && it.span.start < bottom)
    }

    /// Scrolls so that the current suspect is in view (a third of the way down when it was out
    /// of view).
    fn show_current(&mut self) {
        let Some(item) = self.review.current_item() else { return };
        let (text, starts) = (self.review.text(), self.review.line_starts());
        let target = wrap::pos_of(text, starts, item.span.start, &self.layout());
        let end = wrap::advance(text, starts, self.top, self.height() - 1, &self.layout());
        if target < self.top || target > end {
            self.top = wrap::retreat(text, starts, target, self.height() / 3, &self.layout());
        }
        self.clamp_top();
    }

    fn scroll(&mut self, rows: isize) {
        let (text, starts, w) = (self.review.text(), self.review.line_starts(), &self.layout());
        self.top = if rows >= 0 {
            wrap::advance(text, starts, self.top, rows.unsigned_abs(), w)
        } else {
            wrap::retreat(text, starts, self.top, rows.unsigned_abs(), w)
        };
        self.clamp_top();
    }

    /// The top that shows the last row at the bottom of the pane.
    fn bottom(&self) -> Pos {
        let (text, starts, w) = (self.review.text(), self.review.line_starts(), &self.layout());
        let last = wrap::last(text, starts, w);
        wrap::retreat(text, starts, last, self.height() - 1, w)
    }

    /// The byte the top row begins at.
    fn top_byte(&self) -> usize {
        self.visible_rows().first().map_or(0, |r| r.start)
    }

    /// The top row set to the one that shows byte `at` (or the text's end).
    fn reanchor(&mut self, at: usize) {
        let text = self.review.text();
        let at = text.floor_char_boundary(at.min(text.len()));
        self.top = wrap::pos_of(text, self.review.line_starts(), at, &self.layout());
        self.clamp_top();
    }

    fn clamp_top(&mut self) {
        let bottom = self.bottom();
        if self.top > bottom {
            self.top = bottom;
        }
    }

    /// Moves to the next (or previous) match of the last search, wrapping around the article.
    fn find(&mut self, forward: bool) {
        let Some((query, at)) = self.search.clone() else {
            self.message = "no search yet: / to search".into();
            return;
        };
        if query.is_empty() {
            return;
        }
        let text = self.review.text();
        let from = at
            .unwrap_or_else(|| self.look().starts(self.review.line_starts()).get(self.top.line).copied().unwrap_or(0));
        let found = if forward {
            let start = if at.is_some() { from + 1 } else { from };
            find_from(text, &query, start).or_else(|| find_from(text, &query, 0))
        } else {
            find_before(text, &query, from).or_else(|| find_before(text, &query, text.len()))
        };
        match found {
            Some(m) => {
                // Which match of how many: counted once per key, not per frame.
                let (mut index, mut total) = (0, 0);
                for at in find_all(text, &query) {
                    total += 1;
                    if at <= m {
                        index += 1;
                    }
                }
                let (starts, w) = (self.review.line_starts(), &self.layout());
                let target = wrap::pos_of(text, starts, m, w);
                let end = wrap::advance(text, starts, self.top, self.height() - 1, w);
                if target < self.top || target > end {
                    self.top = wrap::retreat(text, starts, target, self.height() / 3, w);
                }
                self.clamp_top();
                // A match on a suspect makes it current: the review follows the search.
                let on = self
                    .review
                    .items()
                    .iter()
                    .find(|it| it.status == Status::Pending && it.span.start < m + query.len() && m < it.span.end);
                if let Some(start) = on.map(|it| it.span.start) {
                    self.command(Command::Goto(start));
                }
                self.message = format!("{}: {index} of {total}", crate::escape::visible_line(&query));
                self.search = Some((query, Some(m)));
            }
            None => self.message = format!("not found: {query}"),
        }
    }

    fn save(&mut self) {
        if self.unnamed {
            self.mode = Mode::Prompt(Purpose::SaveAs, Field::default());
            self.message.clear();
            return;
        }
        let path = self.review.name().to_path_buf();
        self.message = match self.session.save(&self.review, &path, self.backup) {
            Ok(kept) => {
                if let Some(journal) = &mut self.journal {
                    let _ = journal.saved(self.review.text());
                }
                match kept {
                    Some(bak) => format!("saved {} · the original is in {}", path.display(), bak.display()),
                    None => format!("saved {}", path.display()),
                }
            }
            Err(e @ (Error::ChangedOnDisk { .. } | Error::Lossy { .. } | Error::InUse { .. })) => {
                // Every edit stays; the reader offers another path (the diff stays exportable).
                // The prompt line shows why.
                self.mode = Mode::Prompt(Purpose::SaveAs, Field::default());
                match e {
                    Error::Lossy { .. } => "read with --lossy, so not saved over its bytes".into(),
                    Error::InUse { .. } => "open in another galley, so not saved over it".into(),
                    _ => "changed on disk since it was opened, so not overwritten".into(),
                }
            }
            Err(e) => format!("not saved: {e} (every edit is kept; x exports)"),
        };
    }

    /// Applies the settings that change how the review moves, through the review and the
    /// journal (call once the journal is set up).
    pub fn apply_settings(&mut self) {
        if !self.move_to_next {
            let message = std::mem::take(&mut self.message);
            self.command(Command::MoveToNext(false));
            self.message = message;
        }
    }

    /// Brings back where an earlier session of the file left off: its ignores (through the
    /// review and the journal, undoable with `u`), its current suspect and its reading place.
    pub fn restore_place(&mut self) {
        let Some(place) = self.place.take() else { return };
        let message = std::mem::take(&mut self.message);
        let before = self.review.counts().2;
        if !place.ignores.is_empty() {
            self.command(Command::Restore(place.ignores));
        }
        if let Some(at) = place.current {
            self.command(Command::Goto(at));
        }
        let (text, starts) = (self.review.text(), self.review.line_starts());
        let top = place.top.min(text.len());
        self.top = wrap::pos_of(text, starts, top, &self.layout());
        self.clamp_top();
        self.message = if message.is_empty() {
            match self.review.counts().2 - before {
                0 => "back where you left off".to_string(),
                1 => "back where you left off · 1 word left as written again (u takes it back)".to_string(),
                n => format!("back where you left off · {n} words left as written again (u takes them back)"),
            }
        } else {
            message
        };
    }

    /// Remembers where the reader is and what was left as written, for the next session of
    /// the file (nothing for stdin or the sample).
    pub fn remember(&self) {
        let Some(dir) = self.state_dir.as_deref().filter(|_| !self.unnamed) else { return };
        let place = Place {
            path: PathBuf::new(),
            top: self.visible_rows().first().map_or(0, |r| r.start),
            current: self.review.current_item().map(|it| it.span.start),
            ignores: self.review.ignores(),
        };
        let _ = places::store(dir, self.review.name(), &place);
    }

    /// Offers the decisions of an unfinished session (see [`crate::store::journal`]).
    pub fn offer(&mut self, offer: Offer) {
        self.offer = Some(offer);
        self.mode = Mode::Recover;
    }

    fn answer_offer(&mut self, yes: bool) {
        let Some(offer) = self.offer.take() else { return };
        let name = self.review.name().to_path_buf();
        let dir = self.state_dir.clone();
        let recovery = offer.recovery;
        if yes {
            let replayed = self.review.replay(&recovery.entries);
            self.session.expect_on_disk(recovery.expected);
            let words = self.review.take_word_changes();
            if let Err(e) = self.session.write_words(&words) {
                self.message = format!("not written to the personal dictionary: {e}");
            }
            self.message = restored_message(self.review.decisions(), &replayed, &recovery, &name);
            self.journal = dir.and_then(|d| self.journaled(Journal::resume(&d, &name)));
        } else {
            if let Some(r) = offer.decline {
                self.review = r;
                self.session = self.session.for_review(&self.review);
            }
            self.message = "the unfinished session was discarded".into();
            self.journal = dir.and_then(|d| {
                let started = self.review.original().and_then(|base| Journal::start(&d, &name, &base));
                self.journaled(started)
            });
        }
        self.apply_settings();
        if !yes {
            // A replayed session already holds the ignores it restored.
            self.restore_place();
        }
        self.show_current();
    }

    /// The journal if it could be opened, else a warning on the status line (the reader goes on
    /// without one).
    pub fn journaled(&mut self, journal: crate::error::Result<Journal>) -> Option<Journal> {
        journal
            .map_err(|e| {
                let sep = if self.message.is_empty() { "" } else { " · " };
                self.message = format!("{}{sep}no recovery journal: {e}", self.message);
            })
            .ok()
    }

    /// Ends the session cleanly: the journal is no longer needed.
    pub fn close(&mut self) {
        if let Some(journal) = self.journal.take() {
            journal.close();
        }
    }

    fn write_to(&mut self, purpose: Purpose, path: PathBuf, confirmed: bool) {
        if path.as_os_str().is_empty() {
            self.message = "no path given".into();
            return;
        }
        if !confirmed && path.exists() {
            self.mode = Mode::Overwrite(purpose, path);
            return;
        }
        let result = match purpose {
            Purpose::SaveAs => self.session.save(&self.review, &path, false).map(|_| "saved"),
            Purpose::Export => {
                let ext = path.extension().and_then(|e| e.to_str()).unwrap_or_default().to_ascii_lowercase();
                let since_save = path.to_string_lossy().to_ascii_lowercase().ends_with(".saved.diff");
                let made = match ext.as_str() {
                    "diff" | "patch" if since_save => match self.session.diff_since_save(&self.review) {
                        Some(diff) => Ok((diff, "exported the changes since the save to")),
                        None => {
                            self.review.diff().map(|d| (d, "nothing saved yet: exported the changes since loading to"))
                        }
                    },
                    "diff" | "patch" => self.review.diff().map(|d| (d, "exported the changes since loading to")),
                    "json" => Ok((self.review.decision_log(), "exported the decision log to")),
                    "html" | "htm" => Ok((self.review.text().to_string(), "exported the page to")),
                    "md" | "markdown" if self.review.format() == crate::markup::Format::Html => Ok((
                        crate::markup::article_markdown(self.review.text(), self.review.format()),
                        "exported the article as Markdown to",
                    )),
                    // A web page exports as its article's text; Markdown and text as written.
                    _ if self.review.format() == crate::markup::Format::Html => Ok((
                        crate::markup::article_text(self.review.text(), self.review.format()),
                        "exported the article's text to",
                    )),
                    _ => Ok((self.review.text().to_string(), "exported the text to")),
                };
                made.and_then(|(bytes, what)| {
                    self.session.may_write(&path).and_then(|()| save::write_new(&path, bytes.as_bytes())).map(|()| what)
                })
            }
        };
        let ok = result.is_ok();
        self.message = match result {
            Ok(what) => format!("{what} {}", path.display()),
            Err(e) => format!("not written: {e}"),
        };
        if purpose == Purpose::SaveAs && ok {
            self.unnamed = false;
            self.session.rename(&mut self.review, path);
        }
    }
}

/// The start of the line where the first prose of `text` is: the first byte that is neither
/// markup nor whitespace (0 for plain text).
fn first_prose(text: &str, markup: &[crate::span::Span]) -> usize {
    let mut at = 0;
    for m in markup {
        if crate::span::cut(text, at, m.start).trim().is_empty() {
            at = m.end;
        } else {
            break;
        }
    }
    let skip = crate::span::tail(text, at).len() - crate::span::tail(text, at).trim_start().len();
    let first = at + skip;
    crate::span::head(text, first).rfind('\n').map_or(0, |i| i + 1)
}

/// What the status line says after an unfinished session was restored.
fn restored_message(decisions: usize, replayed: &Replayed, recovery: &Recovery, name: &Path) -> String {
    let mut message = match decisions {
        1 => "restored 1 decision".to_string(),
        n => format!("restored {n} decisions"),
    };
    if let Some(why) = &replayed.stopped {
        message = format!("{message}; the rest was not replayed: {why}");
    }
    if recovery.unreadable > 0 {
        message = format!("{message} · {} journal lines could not be read (the journal is kept)", recovery.unreadable);
    }
    if !recovery.file_unchanged {
        message = format!("{message} · {} changed on disk: s saves to a new file", name.display());
    }
    message
}

fn default_export(name: &Path) -> String {
    let stem = name.file_stem().and_then(|s| s.to_str()).unwrap_or("article");
    let dir = name.parent().filter(|p| !p.as_os_str().is_empty() && name != Path::new("<stdin>"));
    let file = format!("{stem}.fixed.txt");
    dir.map_or(file.clone(), |d| d.join(&file).to_string_lossy().into_owned())
}

/// Smart case: a query without capitals matches any casing (ASCII letters).
fn matches_at(text: &[u8], at: usize, q: &[u8], fold: bool) -> bool {
    text.get(at..at + q.len()).is_some_and(|w| if fold { w.eq_ignore_ascii_case(q) } else { w == q })
}

/// The two bytes a match of `query` can start with (both cases of a letter when the search
/// ignores case), and whether it does.
fn starts_of(query: &str) -> (u8, u8, bool) {
    let fold = !query.chars().any(char::is_uppercase);
    let first = query.as_bytes().first().copied().unwrap_or(0);
    if fold { (first.to_ascii_lowercase(), first.to_ascii_uppercase(), fold) } else { (first, first, fold) }
}

/// Every match of `query` (smart case) in `text`, overlapping ones too, in order: the bytes that
/// can start one are found with `memchr`, so a 10 MB article is searched in milliseconds. (A
/// match starts at a char boundary: its first byte is the first byte of a character.)
fn find_all<'a>(text: &'a str, query: &'a str) -> impl Iterator<Item = usize> + 'a {
    let (a, b, fold) = starts_of(query);
    let (t, q) = (text.as_bytes(), query.as_bytes());
    memchr::memchr2_iter(a, b, t).filter(move |&i| !q.is_empty() && matches_at(t, i, q, fold))
}

fn find_from(text: &str, query: &str, from: usize) -> Option<usize> {
    let (a, b, fold) = starts_of(query);
    let (t, q) = (text.as_bytes(), query.as_bytes());
    let tail = t.get(from..)?;
    memchr::memchr2_iter(a, b, tail).map(|i| from + i).find(|&i| !q.is_empty() && matches_at(t, i, q, fold))
}

fn find_before(text: &str, query: &str, before: usize) -> Option<usize> {
    let (a, b, fold) = starts_of(query);
    let (t, q) = (text.as_bytes(), query.as_bytes());
    let head = &t[..before.min(t.len())];
    memchr::memrchr2_iter(a, b, head).find(|&i| !q.is_empty() && matches_at(t, i, q, fold))
}
