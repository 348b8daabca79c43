//! # chronicler-dict
//!
//! Dictionaries are data, not code: plain, documented text files under
//! `data/dictionaries/` that users read, extend and override. This crate
//! loads them (the defaults are embedded in the binary), lints them and
//! compiles them into matchers:
//!
//! - [`actors::ActorDict`]: countries, capitals and metonyms, people with
//!   date-bounded roles, organisations, armed groups, generic agents.
//! - [`places::Gazetteer`]: places with coordinates.
//! - [`verbs::VerbDict`]: verb and noun patterns for CAMEO event codes.
//!
//! [`Dictionaries`] holds all three.
#![deny(missing_docs)]

pub mod actors;
pub mod cameo_tables;
pub mod places;
pub mod text;
pub mod verbs;

use std::path::Path;

/// An error in a dictionary file: which file, which line, what is wrong.
#[derive(Debug, thiserror::Error)]
pub enum DictError {
    /// A syntax or content error at a line.
    #[error("{file}:{line}: {message}")]
    Syntax {
        /// File name.
        file: String,
        /// Line number, from 1.
        line: usize,
        /// What is wrong.
        message: String,
    },
    /// The file could not be read.
    #[error("{file}: {source}")]
    Io {
        /// File name.
        file: String,
        /// The I/O error.
        source: std::io::Error,
    },
}

/// All dictionaries chronicler codes with.
#[derive(Debug)]
pub struct Dictionaries {
    /// Actors.
    pub actors: actors::ActorDict,
    /// Places.
    pub places: places::Gazetteer,
    /// Verb and noun patterns.
    pub verbs: verbs::VerbDict,
}

impl Dictionaries {
    /// The built-in dictionaries (embedded at build time).
    pub fn builtin() -> Result<Dictionaries, DictError> {
        Dictionaries::load(None)
    }

    /// The built-in dictionaries extended (and overridden, entry by entry)
    /// by the files found in `dir`, if given: `actors*.txt`, `places*.txt`,
    /// `verbs*.txt`, in file-name order.
    pub fn load(dir: Option<&Path>) -> Result<Dictionaries, DictError> {
        Ok(Dictionaries {
            actors: actors::ActorDict::load(dir)?,
            places: places::Gazetteer::load(dir)?,
            verbs: verbs::VerbDict::load(dir)?,
        })
    }
}
