//! The actors dictionary.

use std::path::Path;

use crate::DictError;

/// The compiled actors dictionary.
#[derive(Debug, Default)]
pub struct ActorDict {}

impl ActorDict {
    /// Built-in entries, extended by the user's files in `dir`.
    pub fn load(dir: Option<&Path>) -> Result<ActorDict, DictError> {
        let _ = dir;
        Ok(ActorDict {})
    }
}
