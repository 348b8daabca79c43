//! # chronicler-code
//!
//! Codes CAMEO events from an [`AnalyzedDocument`]: who did what to whom,
//! when, where, with what status, how sure, and by which pattern.
//!
//! The coder works sentence by sentence with in-process rules (no parser,
//! no model): it finds verb and noun patterns of the verbs dictionary,
//! drops negated, conditional and speculative ones, then reads the source
//! and target from the sentence's actor mentions by position (subject
//! before the trigger, object after it; passives, possessives, "by"/"from"
//! phrases, coordination, "between X and Y", mediators), and attaches the
//! nearest date, venue and quantities. Precision comes first: an event
//! whose source cannot be identified is dropped.
#![deny(missing_docs)]

mod rules;
mod tokens;

use chronicler_core::{AnalyzedDocument, CodedEvent};
use chronicler_dict::Dictionaries;

/// Codes events with a set of dictionaries.
#[derive(Debug)]
pub struct Coder<'d> {
    dicts: &'d Dictionaries,
}

impl<'d> Coder<'d> {
    /// A coder over `dicts`.
    pub fn new(dicts: &'d Dictionaries) -> Coder<'d> {
        Coder { dicts }
    }

    /// Codes the events of one document, in text order.
    pub fn code(&self, doc: &AnalyzedDocument) -> Vec<CodedEvent> {
        rules::code_document(&self.dicts.verbs, doc)
    }
}
