//! # chronicler-clean
//!
//! Turns a [`RawDocument`] into a [`CleanDocument`]: the article text alone.
//! HTML goes through a main-content extractor, then plain text and extracted
//! text alike lose their web noise (captions, credits, repeated headlines,
//! "Read also" links, share prompts, bylines). Cleaning only drops lines and
//! never rewrites them, so every clean offset maps back to the extracted
//! text through [`CleanDocument::segments`].
#![deny(missing_docs)]

use chronicler_core::{CleanDocument, RawDocument};

/// Why a document could not be cleaned.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum CleanError {
    /// Nothing of the article was left (an empty page, only navigation).
    #[error("no article text found")]
    NoText,
}

/// Cleans one document.
pub fn clean(raw: RawDocument) -> Result<CleanDocument, CleanError> {
    let _ = raw;
    Err(CleanError::NoText)
}
