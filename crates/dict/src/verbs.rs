//! The verbs dictionary.

use std::path::Path;

use crate::DictError;

/// The compiled verbs dictionary.
#[derive(Debug, Default)]
pub struct VerbDict {}

impl VerbDict {
    /// Built-in entries, extended by the user's files in `dir`.
    pub fn load(dir: Option<&Path>) -> Result<VerbDict, DictError> {
        let _ = dir;
        Ok(VerbDict {})
    }
}
