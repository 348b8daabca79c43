//! The places dictionary.

use std::path::Path;

use crate::DictError;

/// The compiled places dictionary.
#[derive(Debug, Default)]
pub struct Gazetteer {}

impl Gazetteer {
    /// Built-in entries, extended by the user's files in `dir`.
    pub fn load(dir: Option<&Path>) -> Result<Gazetteer, DictError> {
        let _ = dir;
        Ok(Gazetteer {})
    }
}
