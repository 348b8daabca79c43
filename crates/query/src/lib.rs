//! # chronicler-query
//!
//! The read side of chronicler. Brief overview:
//!
//! - [`merged_events`] reads the coded events of a [`Store`] and merges
//!   them (through `chronicler-consolidate`) into sourced events.
//! - [`EventFilter`] selects events by actor, code, date range, status and
//!   text.
//! - [`ExportEvent`] is the event JSON Lines contract (`chronicler export
//!   --format jsonl`); [`write_jsonl`] and [`write_csv`] write it.
//! - [`timeline`] orders events into a sourced timeline.
//!
//! Nothing here knows SQL (the store does) or HTTP (the server does).
#![deny(missing_docs)]

mod corpus;
mod export;
mod filter;
pub mod gdelt;
mod keep;
pub mod parquet;
mod stream;
mod timeline;
pub mod tone;

pub use corpus::*;
pub use export::*;
pub use filter::*;
pub use keep::{rebuild_consolidation, record_event_ids_walking};
pub use stream::{each_story, merged_stream, MergedStream};
pub use timeline::*;

pub use chronicler_consolidate::Consolidated;

use chronicler_core::{EventMention, MergedEvent};
use chronicler_store::{Store, StoreError};

/// A query error.
#[derive(Debug, thiserror::Error)]
pub enum QueryError {
    /// Reading the store failed.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// Writing output failed.
    #[error("writing output: {0}")]
    Write(String),
}

/// Every event in the store, merged across sentences and documents, in the
/// consolidation's deterministic order (near-duplicate documents count as
/// one source: see [`consolidated`]).
pub fn merged_events(store: &Store) -> Result<Vec<MergedEvent>, QueryError> {
    Ok(consolidated(store)?.events)
}

/// How a mention's source is named for people: the outlet, else the URL's
/// host, else the document id.
pub fn source_label(m: &EventMention) -> String {
    if let Some(o) = m.outlet.as_deref().filter(|o| !o.trim().is_empty()) {
        return o.trim().to_string();
    }
    if let Some(host) = m.url.as_deref().and_then(url_host) {
        return host.to_string();
    }
    m.doc.clone()
}

/// The host part of an http(s) URL, without `www.`.
pub fn url_host(url: &str) -> Option<&str> {
    let rest = url.split_once("://")?.1;
    let host = rest.split(['/', '?', '#']).next()?;
    let host = host.rsplit('@').next()?.split(':').next()?;
    let host = host.strip_prefix("www.").unwrap_or(host);
    (!host.is_empty()).then_some(host)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hosts_are_read_from_urls() {
        assert_eq!(
            url_host("https://www.reuters.com/world/x?y=1"),
            Some("reuters.com")
        );
        assert_eq!(
            url_host("http://user@news.example.org:8080/a"),
            Some("news.example.org")
        );
        assert_eq!(url_host("not a url"), None);
    }
}
