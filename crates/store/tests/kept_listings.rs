//! What the end-of-ingest update asks the store for: the events without a
//! kept group and the documents without a kept story, whether they are
//! only the newest documents' (read by key range) or scattered through
//! the store (compared whole).

#![allow(clippy::unwrap_used, clippy::expect_used)]

use chronicler_core::*;
use chronicler_store::*;

mod common;

use common::doc;

/// One event per sentence of `d`.
fn events_for(d: &AnalyzedDocument) -> Vec<CodedEvent> {
    d.sentences
        .iter()
        .map(|s| {
            let undated = DateRange {
                start: None,
                end: None,
                precision: DatePrecision::Day,
                approximate: false,
            };
            common::event_in(s, "042", undated, DateFrom::Undated)
        })
        .collect()
}

fn write(store: &mut Store, id: &str, text: &str) {
    let d = doc(id, text);
    store.write_document(&d, &events_for(&d)).unwrap();
}

/// Keeps every event of `ids` in one group and each document in a story.
fn keep(store: &mut Store, ids: &[&str], events: &[(&str, usize)]) {
    let groups: Vec<EventGroupWrite> = events
        .iter()
        .map(|&(doc, ordinal)| EventGroupWrite {
            doc: doc.to_string(),
            ordinal,
            block: "b".to_string(),
            group: "g".to_string(),
        })
        .collect();
    let stories: Vec<(String, String)> = ids
        .iter()
        .map(|id| (id.to_string(), "s".to_string()))
        .collect();
    store.write_consolidation(&groups, &stories).unwrap();
}

fn ungrouped(store: &Store) -> Vec<(String, usize)> {
    store
        .ungrouped_events()
        .unwrap()
        .into_iter()
        .map(|e| (e.stored.doc.id, e.ordinal))
        .collect()
}

/// The events without a kept group are `events` (document id, ordinal),
/// the documents without a story `documents`.
fn assert_listed(store: &Store, events: &[(&str, usize)], documents: &[&str]) {
    let events: Vec<(String, usize)> = events.iter().map(|&(d, o)| (d.to_string(), o)).collect();
    assert_eq!(ungrouped(store), events);
    assert_eq!(store.unstoried_documents().unwrap(), documents);
}

#[test]
fn new_documents_after_the_kept_ones_are_listed() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("s.db")).unwrap();
    write(&mut store, "m", "Envoys met.\nTalks ended.");
    write(&mut store, "k", "Troops left.");
    keep(&mut store, &["m", "k"], &[("m", 0), ("m", 1), ("k", 0)]);
    assert!(ungrouped(&store).is_empty());
    assert!(store.unstoried_documents().unwrap().is_empty());

    write(&mut store, "z", "Rebels fired.\nTroops replied.");
    write(&mut store, "a", "Envoys left.");
    assert_listed(&store, &[("a", 0), ("z", 0), ("z", 1)], &["a", "z"]);
}

/// A document kept before another was written, but left without a group
/// or story (an earlier run stopped half way, an older release): it is
/// listed too, with the new ones, though it comes before the last kept
/// document.
#[test]
fn documents_missing_before_the_last_kept_one_are_listed() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("s.db")).unwrap();
    write(&mut store, "m", "Envoys met.\nTalks ended.");
    write(&mut store, "k", "Troops left.");
    write(&mut store, "c", "Talks resumed.");
    // "k" and the second event of "m" kept nowhere.
    keep(&mut store, &["m", "c"], &[("m", 0), ("c", 0)]);
    write(&mut store, "n", "Rebels fired.");
    assert_listed(&store, &[("k", 0), ("m", 1), ("n", 0)], &["k", "n"]);
}
