//! galley: a terminal article reader with inline correction.
//!
//! The library is the engine; it never prints and never touches the terminal. Data flows one way:
//!
//! ```text
//! bytes -> Document (verbatim text, line index)            document, span
//!       -> tokens with byte spans (words vs URLs, code, …)  token
//!       -> Checker (layered lexicon + ranking) -> suspects  lexicon, suggest, check
//!       -> Review (decisions, undo history) <- commands   review, edit
//!       -> report (CLI text / JSON / diff) | save (atomic)  report, save, cli
//!       -> the reader's panes (drawn from the review)       tui
//! ```
//!
//! ```
//! use galley::check::{check, Kind, Options};
//! use galley::lexicon::Lexicon;
//!
//! let lexicon = Lexicon::new();
//! let text = "the kuberanetes clustr";
//! let checked = check(text, &lexicon, &Options::default());
//! let fixes: Vec<(&str, Kind, &str)> = checked
//!     .suspects
//!     .iter()
//!     .map(|s| (s.word(text), s.kind, s.suggestions.first().unwrap_or_default()))
//!     .collect();
//! assert_eq!(fixes, [("kuberanetes", Kind::Spelling, "Kubernetes"), ("clustr", Kind::Spelling, "cluster")]);
//! ```
#![warn(clippy::print_stdout, clippy::print_stderr, clippy::string_slice)]

pub mod check;
#[cfg(feature = "reader")]
pub mod cli;
pub mod document;
pub mod edit;
pub mod error;
pub mod escape;
mod fasthash;
#[cfg(feature = "reader")]
pub mod fetch;
pub mod input;
pub mod lexicon;
pub mod markup;
pub mod report;
pub mod review;
pub mod span;
pub mod store;
pub mod suspect;
pub mod token;
#[cfg(feature = "reader")]
pub mod tui;
