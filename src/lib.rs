//! galley: a terminal article reader with inline correction.
#![warn(clippy::print_stdout, clippy::print_stderr)]

pub mod check;
pub mod cli;
pub mod document;
pub mod error;
pub mod lexicon;
pub mod report;
pub mod save;
pub mod score;
pub mod span;
pub mod suggest;
pub mod token;
