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
//! - [`references::ReferenceDict`]: definite descriptions ("the rebels",
//!   "its foreign ministry") and the earlier actors they may refer to.
//! - [`stances::StanceDict`]: demand, refusal and red-line cues and the
//!   issues of a negotiation, for the brief's positions.
//!
//! [`Dictionaries`] holds the coder's: actors, places, verbs and references.
#![deny(missing_docs)]

pub mod actors;
pub mod cameo_tables;
pub mod petrarch_actors;
pub mod places;
pub mod references;
pub mod stances;
pub mod text;
pub mod trie;
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
    /// Definite descriptions that refer back to an earlier actor.
    pub references: references::ReferenceDict,
    /// Phrases that make a sentence or a story uncodable (PETRARCH discards;
    /// empty for the built-in dictionaries).
    pub discards: petrarch_actors::Discards,
    /// True when a bare state acting in politics is coded as its
    /// government (`RUS` → `RUSGOV`), chronicler's convention; false for
    /// PETRARCH dictionaries, which code the state as named (`ARN`).
    pub states_act_as_government: bool,
}

/// The texts of a PETRARCH dictionary set (verbs, actors, agents, discards).
#[derive(Debug, Clone, Copy)]
pub struct PetrarchTexts<'a> {
    /// Verbs file (`CAMEO.2.0.txt`, `PETR.Validate.verbs.txt`).
    pub verbs: &'a str,
    /// Actors files, in order.
    pub actors: &'a [&'a str],
    /// Agents file.
    pub agents: &'a str,
    /// Discards file (may be empty).
    pub discards: &'a str,
}

impl Dictionaries {
    /// The built-in dictionaries (embedded at build time).
    pub fn builtin() -> Result<Dictionaries, DictError> {
        Dictionaries::load(None)
    }

    /// The built-in dictionaries extended (and overridden, entry by entry)
    /// by the files found in `dir`, if given: `actors*.txt`, `places*.txt`,
    /// `verbs*.txt`, `references*.txt`, in file-name order.
    pub fn load(dir: Option<&Path>) -> Result<Dictionaries, DictError> {
        Ok(Dictionaries {
            actors: actors::ActorDict::load(dir)?,
            places: places::Gazetteer::load(dir)?,
            verbs: verbs::VerbDict::load(dir)?,
            references: references::ReferenceDict::load(dir)?,
            discards: petrarch_actors::Discards::default(),
            states_act_as_government: true,
        })
    }

    /// Dictionaries imported from PETRARCH/TABARI files *in place of* the
    /// built-in actors, agents and verbs (places stay built in: PETRARCH
    /// has none). Returns the lines that could not be read (skipped).
    pub fn from_petrarch(
        t: PetrarchTexts<'_>,
    ) -> Result<(Dictionaries, Vec<DictError>), DictError> {
        let mut problems = Vec::new();
        let mut entries = Vec::new();
        for (i, a) in t.actors.iter().enumerate() {
            let imp = petrarch_actors::import_actors(&format!("actors#{}", i + 1), a);
            entries.extend(imp.entries);
            problems.extend(imp.problems);
        }
        let ag = petrarch_actors::import_agents("agents", t.agents);
        problems.extend(ag.problems);
        let verbs = verbs::VerbDict::import_petrarch2(t.verbs);
        problems.extend(verbs.problems);
        Ok((
            Dictionaries {
                actors: actors::ActorDict::from_parts(entries, ag.agents.into_iter().collect()),
                places: places::Gazetteer::load(None)?,
                verbs: verbs.dict,
                // PETRARCH sets have no descriptions: none are resolved.
                references: references::ReferenceDict::default(),
                discards: petrarch_actors::import_discards(t.discards),
                states_act_as_government: false,
            },
            problems,
        ))
    }
}
