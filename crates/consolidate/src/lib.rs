//! # chronicler-consolidate
//!
//! Merges coded events that report the same happening, within and across
//! documents, into [`MergedEvent`]s that keep every mention and count
//! articles and outlets. The result depends on the set of events, not on
//! their order.
#![deny(missing_docs)]

use chronicler_core::MergedEvent;

/// One coded event with where it was found, as consolidation's input.
#[derive(Debug, Clone, PartialEq)]
pub struct Located {
    /// The event.
    pub event: chronicler_core::CodedEvent,
    /// Its mention (document, sentence, offsets).
    pub mention: chronicler_core::EventMention,
}

/// Merges events.
pub fn merge(events: Vec<Located>) -> Vec<MergedEvent> {
    let _ = events;
    Vec::new()
}
