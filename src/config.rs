//! The user's settings: `config.toml` in galley's XDG config directory. Every key is optional;
//! a missing file is the defaults. An unknown key is a warning naming its line (galley goes on);
//! a bad value or bad TOML is an error naming its line, so that a typo never silently changes
//! what galley does.
//!
//! ```toml
//! wrap = 80             # the article's widest line, in columns (0: the pane's width)
//! dialect = "en-GB"     # "en-US", "en-GB" or "auto" (chosen from the article)
//! backup = true         # keep a backup (FILE.bak, or FILE.bak.N) on the first save and on `fix --in-place`
//! move-to-next = true   # after a decision, go to the next suspect
//!
//! [colours]             # or [colors]
//! enabled = true        # false: bold, underline and reverse only (as NO_COLOR)
//! spelling = "red"      # a name (light-red), #rrggbb, or 0-255
//! casing = "yellow"
//! fixed = "green"
//! ignored = "dark-gray"
//! accent = "cyan"
//! search = "blue"
//! ```

use crate::error::{Error, Result};
use crate::lexicon::Dialect;
use ratatui::style::Color;
use serde::Deserialize;
use std::path::Path;

/// What `config.toml` sets.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(default, rename_all = "kebab-case")]
pub struct Config {
    /// The widest an article line is drawn, in columns; 0 is the pane's width.
    pub wrap: u16,
    /// The spelling dialect; `None` chooses it from the article.
    #[serde(deserialize_with = "dialect")]
    pub dialect: Option<Dialect>,
    /// Keep a backup (`FILE.bak`, or the first free `FILE.bak.N`) on the first save.
    pub backup: bool,
    /// After a decision, make the next suspect current.
    pub move_to_next: bool,
    /// The reader's colours.
    #[serde(alias = "colors")]
    pub colours: Colours,
}

impl Default for Config {
    fn default() -> Self {
        Self { wrap: 0, dialect: None, backup: true, move_to_next: true, colours: Colours::default() }
    }
}

/// The `[colours]` table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub struct Colours {
    /// Colours at all (`NO_COLOR` in the environment turns them off too).
    pub enabled: bool,
    /// Misspelled words.
    #[serde(deserialize_with = "colour")]
    pub spelling: Color,
    /// Words in the wrong casing (and the other kinds).
    #[serde(deserialize_with = "colour")]
    pub casing: Color,
    /// Words the reader fixed.
    #[serde(deserialize_with = "colour")]
    pub fixed: Color,
    /// Words the reader ignored or added.
    #[serde(deserialize_with = "colour")]
    pub ignored: Color,
    /// Pane titles and key names.
    #[serde(deserialize_with = "colour")]
    pub accent: Color,
    /// The background of search matches.
    #[serde(deserialize_with = "colour")]
    pub search: Color,
}

impl Default for Colours {
    fn default() -> Self {
        Self {
            enabled: true,
            spelling: Color::Red,
            casing: Color::Yellow,
            fixed: Color::Green,
            ignored: Color::DarkGray,
            accent: Color::Cyan,
            search: Color::Blue,
        }
    }
}

/// The keys galley knows, by table (`""` is the top level).
const KEYS: [(&str, &[&str]); 3] = [
    ("", &["wrap", "dialect", "backup", "move-to-next", "colours", "colors"]),
    ("colours", &["enabled", "spelling", "casing", "fixed", "ignored", "accent", "search"]),
    ("colors", &["enabled", "spelling", "casing", "fixed", "ignored", "accent", "search"]),
];

fn dialect<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<Dialect>, D::Error> {
    let name = String::deserialize(d)?;
    match name.as_str() {
        "auto" => Ok(None),
        "en-US" | "en_US" => Ok(Some(Dialect::Us)),
        "en-GB" | "en_GB" => Ok(Some(Dialect::Gb)),
        _ => Err(serde::de::Error::custom(format!("unknown dialect `{name}`: use \"en-US\", \"en-GB\" or \"auto\""))),
    }
}

fn colour<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Color, D::Error> {
    let name = String::deserialize(d)?;
    name.parse().map_err(|_| {
        serde::de::Error::custom(format!("unknown colour `{name}`: use a name (red, light-blue), #rrggbb or 0-255"))
    })
}

/// A parsed config and what was wrong with it but not fatal.
#[derive(Debug, Default)]
pub struct Loaded {
    /// The settings.
    pub config: Config,
    /// One line per unknown key: `PATH:LINE: unknown key ...`.
    pub warnings: Vec<String>,
}

/// Reads the config at `path`; a missing file gives the defaults.
pub fn load(path: &Path) -> Result<Loaded> {
    match crate::input::read_text_if_there(path, crate::input::MAX_CONFIG)? {
        Some(text) => parse(path, &text),
        None => Ok(Loaded::default()),
    }
}

/// Parses config text; `path` names it in messages.
pub fn parse(path: &Path, text: &str) -> Result<Loaded> {
    let line_of = |offset: usize| text[..offset.min(text.len())].matches('\n').count() + 1;
    let bad = |e: toml::de::Error| Error::BadLine {
        path: path.to_path_buf(),
        line: e.span().map_or(1, |s| line_of(s.start)),
        message: e.message().trim().to_string(),
    };
    let table = toml::de::DeTable::parse(text).map_err(bad)?;
    let mut warnings = Vec::new();
    let mut unknown = |table: &str, key: &toml::Spanned<toml::de::DeString<'_>>| {
        let known = KEYS.iter().find(|(t, _)| *t == table).map_or(&[][..], |(_, k)| k);
        let name = key.get_ref().as_ref();
        if known.contains(&name) {
            return;
        }
        let near = known.iter().copied().min_by_key(|k| strsim::damerau_levenshtein(k, name));
        let hint = near
            .filter(|k| strsim::damerau_levenshtein(k, name) <= 2 || k.replace('-', "_") == name)
            .map(|k| format!(" (did you mean `{k}`?)"))
            .unwrap_or_default();
        let full = if table.is_empty() { name.to_string() } else { format!("{table}.{name}") };
        let line = line_of(key.span().start);
        warnings.push((line, format!("{}:{line}: unknown key `{full}` ignored{hint}", path.display())));
    };
    for (key, value) in table.get_ref() {
        unknown("", key);
        if let (name @ ("colours" | "colors"), toml::de::DeValue::Table(inner)) =
            (key.get_ref().as_ref(), value.get_ref())
        {
            inner.keys().for_each(|k| unknown(name, k));
        }
    }
    let config = toml::from_str(text).map_err(bad)?;
    warnings.sort();
    Ok(Loaded { config, warnings: warnings.into_iter().map(|(_, w)| w).collect() })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parsed(text: &str) -> Result<Loaded> {
        parse(Path::new("config.toml"), text)
    }

    #[test]
    fn every_key_reads_and_missing_keys_keep_their_defaults() {
        let loaded = parsed(
            "wrap = 72\ndialect = \"en-GB\"\nbackup = false\nmove-to-next = false\n\n[colors]\nspelling = \"#ff8800\"\nenabled = false\n",
        )
        .expect("valid");
        let c = loaded.config;
        assert_eq!((c.wrap, c.dialect, c.backup, c.move_to_next), (72, Some(Dialect::Gb), false, false));
        assert_eq!(c.colours.spelling, Color::Rgb(0xff, 0x88, 0x00));
        assert!(!c.colours.enabled);
        assert_eq!(c.colours.casing, Color::Yellow, "an unset colour keeps its default");
        assert!(loaded.warnings.is_empty());
        assert_eq!(parsed("").expect("empty").config, Config::default());
    }

    #[test]
    fn an_unknown_key_is_a_warning_with_its_line_and_a_near_key() {
        let loaded =
            parsed("wrap = 60\nmove_to_next = false\n[colours]\nspeling = \"red\"\nsize = 3\n").expect("valid");
        assert_eq!(
            loaded.warnings,
            [
                "config.toml:2: unknown key `move_to_next` ignored (did you mean `move-to-next`?)",
                "config.toml:4: unknown key `colours.speling` ignored (did you mean `spelling`?)",
                "config.toml:5: unknown key `colours.size` ignored",
            ]
        );
        assert_eq!(loaded.config.wrap, 60);
        assert!(loaded.config.move_to_next, "an unknown key changes nothing");
    }

    #[test]
    fn a_bad_value_or_bad_toml_is_an_error_with_its_line() {
        for (text, line, says) in [
            ("backup = true\nwrap = \"wide\"\n", 2, "invalid type: string"),
            ("wrap = -3\n", 1, "invalid value"),
            ("\n\ndialect = \"en-AU\"\n", 3, "unknown dialect `en-AU`"),
            ("[colours]\n\nfixed = \"greenish\"\n", 3, "unknown colour `greenish`"),
            ("backup = yes\n", 1, ""),
            ("wrap = 1\nwrap = 2\n", 2, "duplicate key"),
        ] {
            let e = parsed(text).expect_err(text);
            let Error::BadLine { line: l, message, .. } = &e else { panic!("{e}") };
            assert_eq!(*l, line, "{text:?}: {e}");
            assert!(message.contains(says), "{text:?}: {e}");
            assert!(e.to_string().starts_with(&format!("config.toml:{line}: ")), "{e}");
        }
    }
}
