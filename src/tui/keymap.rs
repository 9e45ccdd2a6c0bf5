//! Keys to actions: a pure function of the mode and the key. The table of normal-mode bindings
//! is also what the help overlay and README show, so the three cannot drift apart.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// What the reader can be asked to do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    LineDown,
    LineUp,
    PageDown,
    PageUp,
    HalfDown,
    HalfUp,
    Top,
    Bottom,
    Search,
    SearchNext,
    SearchPrevious,
    NextSuspect,
    PreviousSuspect,
    /// Take suggestion n (0-based); the binding's digit says which.
    Accept(usize),
    Ignore,
    IgnoreAll,
    Add,
    Edit,
    ReplaceAll,
    Undo,
    Redo,
    Save,
    Export,
    Quit,
    ToggleList,
    ToggleRaw,
    /// Show where the next link on screen leads.
    NextLink,
    Help,
    /// Give the terminal back to the shell until `fg` (Ctrl-Z, in any mode).
    Suspend,
    // In a text field (edit buffer, search, path prompt).
    Insert(char),
    Left,
    Right,
    Home,
    End,
    Backspace,
    Delete,
    DeleteWord,
    DeleteToStart,
    Submit,
    Cancel,
    // Answers to a question.
    Yes,
    No,
    Discard,
}

/// Which keys apply.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Keys {
    /// Reading and deciding.
    Normal,
    /// Typing into a field.
    Field,
    /// Choosing the fix for a replace-all: a digit or Enter.
    Choose,
    /// A yes/no question.
    Confirm,
    /// Unsaved changes on quit: save, discard or stay.
    Quit,
    /// The help overlay is open.
    Help,
}

/// A key as written in the table.
#[derive(Clone, Copy, Debug)]
pub struct Key(pub KeyCode, pub KeyModifiers);

const fn plain(c: char) -> Key {
    Key(KeyCode::Char(c), KeyModifiers::NONE)
}

const fn ctrl(c: char) -> Key {
    Key(KeyCode::Char(c), KeyModifiers::CONTROL)
}

const fn code(c: KeyCode) -> Key {
    Key(c, KeyModifiers::NONE)
}

/// One line of the keymap: the keys, how they are written in help, what they do.
pub struct Binding {
    /// The keys.
    pub keys: &'static [Key],
    /// How help writes them.
    pub label: &'static str,
    /// What they do, in words.
    pub help: &'static str,
    /// The action (for `1`-`9`, `Accept(0)`; the digit picks the suggestion).
    pub action: Action,
}

/// Groups of bindings, in the order help shows them.
pub const GROUPS: &[(&str, &[Binding])] =
    &[("Reading", READING), ("Suspects", SUSPECTS), ("Deciding", DECIDING), ("File", FILE)];

const READING: &[Binding] = &[
    Binding { keys: &[plain('j'), code(KeyCode::Down)], label: "j ↓", help: "line down", action: Action::LineDown },
    Binding { keys: &[plain('k'), code(KeyCode::Up)], label: "k ↑", help: "line up", action: Action::LineUp },
    Binding {
        keys: &[plain(' '), code(KeyCode::PageDown)],
        label: "Space PgDn",
        help: "page down",
        action: Action::PageDown,
    },
    Binding { keys: &[plain('b'), code(KeyCode::PageUp)], label: "b PgUp", help: "page up", action: Action::PageUp },
    Binding { keys: &[plain('d'), ctrl('d')], label: "d ^D", help: "half page down", action: Action::HalfDown },
    Binding { keys: &[ctrl('u')], label: "^U", help: "half page up", action: Action::HalfUp },
    Binding { keys: &[plain('g'), code(KeyCode::Home)], label: "g Home", help: "top", action: Action::Top },
    Binding { keys: &[plain('G'), code(KeyCode::End)], label: "G End", help: "bottom", action: Action::Bottom },
    Binding { keys: &[plain('/')], label: "/", help: "search", action: Action::Search },
    Binding { keys: &[plain('n')], label: "n", help: "next match", action: Action::SearchNext },
    Binding { keys: &[plain('N')], label: "N", help: "previous match", action: Action::SearchPrevious },
    Binding {
        keys: &[plain('m')],
        label: "m",
        help: "Markdown and web pages rendered / the source",
        action: Action::ToggleRaw,
    },
    Binding {
        keys: &[plain('o')],
        label: "o",
        help: "where the links on screen lead, one by one",
        action: Action::NextLink,
    },
];

const SUSPECTS: &[Binding] = &[
    Binding {
        keys: &[code(KeyCode::Tab), plain(']')],
        label: "Tab ]",
        help: "next suspect",
        action: Action::NextSuspect,
    },
    Binding {
        keys: &[code(KeyCode::BackTab), Key(KeyCode::BackTab, KeyModifiers::SHIFT), plain('[')],
        label: "S-Tab [",
        help: "previous suspect",
        action: Action::PreviousSuspect,
    },
    Binding { keys: &[plain('l')], label: "l", help: "suspect list on/off", action: Action::ToggleList },
];

const DECIDING: &[Binding] = &[
    Binding {
        keys: &[
            plain('1'),
            plain('2'),
            plain('3'),
            plain('4'),
            plain('5'),
            plain('6'),
            plain('7'),
            plain('8'),
            plain('9'),
        ],
        label: "1-9",
        help: "take that suggestion",
        action: Action::Accept(0),
    },
    Binding {
        keys: &[code(KeyCode::Enter)],
        label: "Enter",
        help: "take the first suggestion",
        action: Action::Accept(0),
    },
    Binding { keys: &[plain('i')], label: "i", help: "ignore this one", action: Action::Ignore },
    Binding { keys: &[plain('I')], label: "I", help: "ignore every occurrence (session)", action: Action::IgnoreAll },
    Binding { keys: &[plain('a')], label: "a", help: "add to personal dictionary", action: Action::Add },
    Binding { keys: &[plain('e')], label: "e", help: "edit the word", action: Action::Edit },
    Binding { keys: &[plain('R')], label: "R", help: "replace every occurrence", action: Action::ReplaceAll },
    Binding { keys: &[plain('u')], label: "u", help: "undo", action: Action::Undo },
    Binding { keys: &[ctrl('r')], label: "^R", help: "redo", action: Action::Redo },
];

const FILE: &[Binding] = &[
    Binding { keys: &[plain('s'), ctrl('s')], label: "s ^S", help: "save", action: Action::Save },
    Binding {
        keys: &[plain('x')],
        label: "x",
        help: "export (text, .diff, .saved.diff, .json)",
        action: Action::Export,
    },
    Binding { keys: &[plain('q'), ctrl('c')], label: "q ^C", help: "quit", action: Action::Quit },
    Binding { keys: &[plain('?')], label: "?", help: "help", action: Action::Help },
    Binding { keys: &[ctrl('z')], label: "^Z", help: "suspend (fg resumes)", action: Action::Suspend },
];

fn matches(key: &KeyEvent, k: &Key) -> bool {
    // Shifted letters arrive as the capital with SHIFT set; the table writes only the capital.
    let mods = if matches!(key.code, KeyCode::Char(c) if !c.is_ascii_lowercase()) {
        key.modifiers - KeyModifiers::SHIFT
    } else {
        key.modifiers
    };
    key.code == k.0 && mods == k.1
}

/// The action a key asks for in a mode, if any.
#[must_use]
pub fn action(keys: Keys, key: &KeyEvent) -> Option<Action> {
    let ctrl_c = matches(key, &ctrl('c'));
    if matches(key, &ctrl('z')) {
        return Some(Action::Suspend);
    }
    match keys {
        Keys::Normal => GROUPS.iter().flat_map(|(_, b)| b.iter()).find_map(|b| {
            b.keys.iter().find(|k| matches(key, k)).map(|k| match (b.action, k.0) {
                (Action::Accept(_), KeyCode::Char(c)) => {
                    Action::Accept(c.to_digit(10).map_or(0, |d| d as usize).saturating_sub(1))
                }
                (a, _) => a,
            })
        }),
        // The reading keys scroll the help; anything that would change the article waits.
        Keys::Help => match key.code {
            KeyCode::Esc | KeyCode::Char('?' | 'q') => Some(Action::Help),
            _ => READING.iter().find(|b| b.keys.iter().any(|k| matches(key, k))).map(|b| b.action).filter(|a| {
                matches!(
                    a,
                    Action::LineDown
                        | Action::LineUp
                        | Action::PageDown
                        | Action::PageUp
                        | Action::HalfDown
                        | Action::HalfUp
                        | Action::Top
                        | Action::Bottom
                )
            }),
        },
        Keys::Choose => match key.code {
            KeyCode::Char(c @ '1'..='9') => Some(Action::Accept(c as usize - '1' as usize)),
            KeyCode::Enter => Some(Action::Accept(0)),
            KeyCode::Esc => Some(Action::Cancel),
            _ if ctrl_c => Some(Action::Cancel),
            _ => None,
        },
        Keys::Confirm => match key.code {
            KeyCode::Char('y' | 'Y') => Some(Action::Yes),
            KeyCode::Char('n' | 'N') | KeyCode::Esc => Some(Action::No),
            _ if ctrl_c => Some(Action::No),
            _ => None,
        },
        Keys::Quit => match key.code {
            KeyCode::Char('s') => Some(Action::Save),
            KeyCode::Char('d') => Some(Action::Discard),
            KeyCode::Esc => Some(Action::Cancel),
            _ => None,
        },
        Keys::Field => field(key),
    }
}

fn field(key: &KeyEvent) -> Option<Action> {
    if key.modifiers.contains(KeyModifiers::CONTROL) {
        return match key.code {
            KeyCode::Char('w') => Some(Action::DeleteWord),
            KeyCode::Char('u') => Some(Action::DeleteToStart),
            KeyCode::Char('a') => Some(Action::Home),
            KeyCode::Char('e') => Some(Action::End),
            KeyCode::Char('c') => Some(Action::Cancel),
            _ => None,
        };
    }
    Some(match key.code {
        KeyCode::Char(c) => Action::Insert(c),
        KeyCode::Left => Action::Left,
        KeyCode::Right => Action::Right,
        KeyCode::Home => Action::Home,
        KeyCode::End => Action::End,
        KeyCode::Backspace => Action::Backspace,
        KeyCode::Delete => Action::Delete,
        KeyCode::Enter => Action::Submit,
        KeyCode::Esc => Action::Cancel,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(c: KeyCode, m: KeyModifiers) -> KeyEvent {
        KeyEvent::new(c, m)
    }

    #[test]
    fn digits_pick_their_suggestion_and_capitals_match_with_shift() {
        assert_eq!(action(Keys::Normal, &key(KeyCode::Char('3'), KeyModifiers::NONE)), Some(Action::Accept(2)));
        assert_eq!(action(Keys::Normal, &key(KeyCode::Enter, KeyModifiers::NONE)), Some(Action::Accept(0)));
        assert_eq!(action(Keys::Normal, &key(KeyCode::Char('I'), KeyModifiers::SHIFT)), Some(Action::IgnoreAll));
        assert_eq!(action(Keys::Normal, &key(KeyCode::Char('r'), KeyModifiers::CONTROL)), Some(Action::Redo));
        assert_eq!(action(Keys::Normal, &key(KeyCode::Char('z'), KeyModifiers::NONE)), None);
    }

    #[test]
    fn no_key_is_bound_twice() {
        let all: Vec<&Key> = GROUPS.iter().flat_map(|(_, b)| b.iter()).flat_map(|b| b.keys.iter()).collect();
        for (i, a) in all.iter().enumerate() {
            for b in &all[i + 1..] {
                assert!(!(a.0 == b.0 && a.1 == b.1), "{a:?} is bound twice");
            }
        }
    }
}
