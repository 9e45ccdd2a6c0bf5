//! What galley keeps on disk, and how it writes it: every write atomic, never through a planted
//! link, state files private. The engine never calls into here; the review, the reader and the
//! command line do.
//!
//! - `save`: atomic writes and numbered backups;
//! - `journal`: the recovery journal of a reader session, one decision a line;
//! - `places`: where the reader left each file, and what it left as written;
//! - `personal`: the personal dictionary;
//! - `config`: the config file;
//! - `session`: a review's file: saves and their guards, the backup, the personal dictionary.

pub mod config;
pub mod journal;
pub mod personal;
pub mod places;
pub mod save;
pub mod session;
