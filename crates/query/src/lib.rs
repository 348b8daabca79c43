//! # chronicler-query
//!
//! The read side of chronicler. Brief overview:
//!
//! - [`merged_events`] reads the coded events of a [`Store`] and merges
//!   them (through `chronicler-consolidate`) into sourced events.
//! - [`EventFilter`] selects events by actor, code, date range, status and
//!   text; [`filtered_events`] streams the store's through one, holding
//!   only those that pass.
//! - [`ExportEvent`] is the event JSON Lines contract (`chronicler export
//!   --format jsonl`); [`write_jsonl`] and [`write_csv`] write it.
//! - [`timeline`] orders events into a sourced timeline.
//!
//! Nothing here knows SQL (the store does) or HTTP (the server does).
#![deny(missing_docs)]

mod brief;
mod corpus;
mod export;
mod filter;
pub mod gdelt;
mod keep;
pub mod parquet;
mod stream;
mod timeline;
pub mod tone;

pub use brief::{brief_events, brief_of};
pub use corpus::*;
pub use export::*;
pub use filter::*;
pub use keep::{rebuild_consolidation, record_event_ids_walking};
pub use stream::{
    describe_kept_stories, each_kept_row, each_kept_story, each_story, each_story_where,
    events_of_documents, filtered_stream, find_story, kept_heads, kept_rows_of_documents,
    kept_rows_with_text, kept_story_list, kept_stream, merge_kept, merged_stream,
    multi_document_stream, stories_of_documents, KeptOrder, KeptStoryHead, MergedStream,
    StoryFilter,
};
pub use timeline::*;

pub use chronicler_consolidate::stories::Story;
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

/// The merged events of `store` that pass `filter`, in the order of
/// [`merged_events`] and with the same ids, at most `limit` of them: the
/// first `limit` of `filter.apply(merged_events(store)?)`.
///
/// From a store whose kept consolidation is current (after every ingest)
/// the events are streamed ([`filtered_stream`]): only those that pass are
/// merged a second time and held, so memory follows the answer, not the
/// store, and the stream stops at the `limit`-th. At a million articles
/// `merged_events` held 1.3 GB (BENCHMARKS.md, twenty-seventh sitting).
pub fn filtered_events(
    store: &Store,
    filter: &EventFilter,
    limit: Option<usize>,
) -> Result<Vec<MergedEvent>, QueryError> {
    filtered_events_in(store, filter, limit, false)
}

/// [`filtered_events`], newest first when `newest` (see
/// [`MergedStream::newest_first`]): the latest `limit` dated events that
/// pass, merged alone.
pub fn filtered_events_in(
    store: &Store,
    filter: &EventFilter,
    limit: Option<usize>,
    newest: bool,
) -> Result<Vec<MergedEvent>, QueryError> {
    let mut out = Vec::new();
    if limit == Some(0) {
        return Ok(out);
    }
    let _snapshot = store.read_snapshot()?;
    let mut stream = match limit {
        // Cut at a limit: the kept rows read in order from their index
        // until that many pass (no pass over all of them to sort them).
        Some(n) => match stream::first_passing(store, filter, n, newest)? {
            Some(s) => s,
            None => filtered_stream(store, filter)?,
        },
        None => filtered_stream(store, filter)?,
    };
    if newest && !stream.in_newest_order() {
        stream = stream.newest_first();
    }
    for part in stream {
        for e in part?.events {
            out.push(e);
            if limit.is_some_and(|n| out.len() >= n) {
                return Ok(out);
            }
        }
    }
    Ok(out)
}

/// How many merged events `store` holds: `merged_events(store)?.len()`,
/// counted from the kept grouping (one merged event a group) when it is
/// current, without merging anything.
pub fn merged_event_count(store: &Store) -> Result<usize, QueryError> {
    if store.consolidation_is_current()? {
        return Ok(store.kept_group_count()?);
    }
    Ok(consolidated(store)?.events.len())
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
