//! galley: a terminal article reader with inline correction.
#![warn(clippy::print_stdout, clippy::print_stderr)]

pub mod document;
pub mod error;
pub mod lexicon;
pub mod span;
pub mod token;
