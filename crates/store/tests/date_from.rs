//! Each event's evidence keeps where its date came from (migration 0012).

#![allow(clippy::unwrap_used, clippy::expect_used)]

use chronicler_core::*;
use chronicler_store::*;
use jiff::civil::date;

mod common;

const TEXT: &str = "Troops struck the depot on May 7.\n\
                    The ministry blamed the rebels.\n\
                    Talks resumed.\n\
                    Envoys met after the May 2 strike.\n\
                    Nobody knows when.\n\
                    Old row.";

/// Every variant, one event per sentence.
const VARIANTS: [DateFrom; 6] = [
    DateFrom::Text,
    DateFrom::Carried { sentence: 0 },
    DateFrom::Published,
    DateFrom::Clause,
    DateFrom::Undated,
    DateFrom::Unrecorded,
];

fn events_for(doc: &AnalyzedDocument) -> Vec<CodedEvent> {
    VARIANTS
        .iter()
        .zip(&doc.sentences)
        .map(|(&date_from, s)| {
            let dates = DateRange {
                start: Some(date(2025, 5, 7)),
                end: Some(date(2025, 5, 8)),
                precision: DatePrecision::Day,
                approximate: false,
            };
            common::event_in(s, "190", dates, date_from)
        })
        .collect()
}

fn sources(store: &Store) -> Vec<(String, DateFrom)> {
    store
        .coded_events()
        .expect("events")
        .into_iter()
        .map(|s| (s.doc.id.clone(), s.event.evidence.date_from))
        .collect()
}

#[test]
fn every_date_source_reads_back_as_written() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut store = Store::open(&dir.path().join("s.db")).expect("open");
    let doc = common::doc("a", TEXT);
    let events = events_for(&doc);
    store.write_document(&doc, &events).expect("write");
    let stored = store.coded_events().expect("events");
    let back: Vec<_> = stored.into_iter().map(|s| s.event).collect();
    assert_eq!(back, events);
    assert_eq!(
        back[1].evidence.date_from.describe(),
        "date carried from sentence 0"
    );
}

/// A store written before schema version 12 upgrades in place: its events
/// say their date source was not recorded; events written after the
/// upgrade keep theirs.
#[test]
fn events_written_before_the_date_source_read_back_unrecorded() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("s.db");
    let old = common::doc("old", TEXT);
    {
        let mut store = Store::open(&path).expect("open");
        store
            .write_document(&old, &events_for(&old))
            .expect("write");
    }
    let conn = rusqlite::Connection::open(&path).expect("raw open");
    common::undo_date_from(&conn);
    drop(conn);
    assert!(matches!(
        Store::open_read_only(&path),
        Err(StoreError::NeedsMigration { found: 11, .. })
    ));
    let mut store = Store::open(&path).expect("upgrade");
    assert_eq!(store.schema_version().expect("version"), SCHEMA_VERSION);
    assert!(sources(&store)
        .iter()
        .all(|(_, from)| *from == DateFrom::Unrecorded));
    let new = common::doc("new", &format!("{TEXT} new"));
    store
        .write_document(&new, &events_for(&new))
        .expect("write");
    let kept: Vec<DateFrom> = sources(&store)
        .into_iter()
        .filter(|(id, _)| id == "new")
        .map(|(_, from)| from)
        .collect();
    assert_eq!(kept, VARIANTS);
}
