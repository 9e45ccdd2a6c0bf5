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
use crate::span;
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

/// A colour as the config names it: one of the terminal's sixteen, an index into its 256, or
/// `#rrggbb`. The reader turns it into the terminal's colour; the library knows no terminal.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Color {
    /// One of the sixteen named colours, 0 (black) to 15 (white), in the terminal's order.
    Named(u8),
    /// One of the 256 indexed colours.
    Indexed(u8),
    /// A true colour.
    Rgb(u8, u8, u8),
}

/// The sixteen names, in the terminal's order; `light-x` may also be written `bright-x`, and
/// `gray` `grey`.
const NAMES: [&str; 16] = [
    "black",
    "red",
    "green",
    "yellow",
    "blue",
    "magenta",
    "cyan",
    "gray",
    "darkgray",
    "lightred",
    "lightgreen",
    "lightyellow",
    "lightblue",
    "lightmagenta",
    "lightcyan",
    "white",
];

impl Color {
    /// Red.
    pub const RED: Self = Self::Named(1);
    /// Green.
    pub const GREEN: Self = Self::Named(2);
    /// Yellow.
    pub const YELLOW: Self = Self::Named(3);
    /// Blue.
    pub const BLUE: Self = Self::Named(4);
    /// Cyan.
    pub const CYAN: Self = Self::Named(6);
    /// Dark gray.
    pub const DARK_GRAY: Self = Self::Named(8);
}

impl std::str::FromStr for Color {
    type Err = ();

    /// `red`, `Light-Blue`, `bright_blue`, `dark grey`, `#ff8800`, `208`.
    fn from_str(s: &str) -> std::result::Result<Self, ()> {
        let s = s.trim();
        if let Some(hex) = s.strip_prefix('#') {
            let byte = |i: usize| hex.get(i..i + 2).and_then(|h| u8::from_str_radix(h, 16).ok());
            return match (hex.len(), byte(0), byte(2), byte(4)) {
                (6, Some(r), Some(g), Some(b)) => Ok(Self::Rgb(r, g, b)),
                _ => Err(()),
            };
        }
        if let Ok(n) = s.parse::<u8>() {
            return Ok(Self::Indexed(n));
        }
        let name: String = s.chars().filter(|c| !matches!(c, '-' | '_' | ' ')).collect::<String>().to_ascii_lowercase();
        let name = name.replace("grey", "gray");
        let name = name.strip_prefix("bright").map_or(name.clone(), |rest| format!("light{rest}"));
        let name = if name == "lightblack" { "darkgray".to_string() } else { name };
        NAMES.iter().position(|n| *n == name).and_then(|i| u8::try_from(i).ok()).map(Self::Named).ok_or(())
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
            spelling: Color::RED,
            casing: Color::YELLOW,
            fixed: Color::GREEN,
            ignored: Color::DARK_GRAY,
            accent: Color::CYAN,
            search: Color::BLUE,
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
    name.parse().map_err(|()| {
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
    let line_of = |offset: usize| span::head(text, offset.min(text.len())).matches('\n').count() + 1;
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
    fn colours_are_named_indexed_or_true() {
        for (name, want) in [
            ("red", Color::RED),
            ("Light-Blue", Color::Named(12)),
            ("bright_blue", Color::Named(12)),
            ("dark grey", Color::DARK_GRAY),
            ("white", Color::Named(15)),
            ("208", Color::Indexed(208)),
            ("#FF8800", Color::Rgb(0xff, 0x88, 0x00)),
        ] {
            assert_eq!(name.parse::<Color>(), Ok(want), "{name}");
        }
        for bad in ["", "#ff88", "#gg0000", "256", "purple", "light"] {
            assert!(bad.parse::<Color>().is_err(), "{bad}");
        }
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
        assert_eq!(c.colours.casing, Color::YELLOW, "an unset colour keeps its default");
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
