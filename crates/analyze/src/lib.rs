//! # chronicler-analyze
//!
//! Finds what events are built from in a [`CleanDocument`]: sentences,
//! actor mentions (tied within the article to one entity), places, dates
//! (resolved against the publication date) and quantities. The result is an
//! [`AnalyzedDocument`].
#![deny(missing_docs)]

use chronicler_core::{AnalyzedDocument, CleanDocument, DateSource, Published};
use chronicler_dict::Dictionaries;
use jiff::civil::Date;

/// Analyzes documents with a set of dictionaries.
#[derive(Debug)]
pub struct Analyzer<'d> {
    dicts: &'d Dictionaries,
}

impl<'d> Analyzer<'d> {
    /// An analyzer over `dicts`.
    pub fn new(dicts: &'d Dictionaries) -> Analyzer<'d> {
        Analyzer { dicts }
    }

    /// Analyzes one document. `today` is the ingest date, the publication
    /// date of last resort.
    pub fn analyze(&self, doc: CleanDocument, today: Date) -> AnalyzedDocument {
        let _ = self.dicts;
        AnalyzedDocument {
            doc,
            published: Published { date: today, source: DateSource::IngestTime },
            sentences: Vec::new(),
            actors: Vec::new(),
            places: Vec::new(),
            dates: Vec::new(),
            quantities: Vec::new(),
            unresolved: Vec::new(),
        }
    }
}
