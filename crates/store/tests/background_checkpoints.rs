//! WAL checkpoints on a thread of their own while batches are written:
//! another connection sees every committed batch, the WAL stays bounded
//! instead of growing with the store, and the store is whole at the end.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;

use chronicler_store::*;

mod common;

use common::doc;

/// Writes `batches` batches of `per` documents of about 6 KB each.
fn write(store: &mut Store, from: usize, batches: usize, per: usize) {
    for b in 0..batches {
        let mut batch = store.begin_batch().unwrap();
        for k in 0..per {
            let n = from + b * per + k;
            // Distinct texts: the store drops content duplicates.
            let text = format!("Report {n} opens here.\n")
                + &format!("Line {n} of a long report about the talks. ").repeat(150);
            batch
                .write_document(&doc(&format!("d{n}"), &text), &[], None)
                .unwrap();
        }
        batch.commit().unwrap();
    }
}

fn wal_len(db: &Path) -> u64 {
    std::fs::metadata(format!("{}-wal", db.display()))
        .map(|m| m.len())
        .unwrap_or(0)
}

fn count(db: &Path) -> i64 {
    let conn = rusqlite::Connection::open(db).unwrap();
    conn.query_row("SELECT count(*) FROM documents", [], |r| r.get(0))
        .unwrap()
}

#[test]
fn batches_checkpointed_in_the_background_are_whole_and_the_wal_stays_bounded() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.db");
    let mut store = Store::open(&db).unwrap();
    store.checkpoint_in_background(true).unwrap();
    // 40 batches of 50 documents: about 12 MB of text, and more in its
    // index and rows.
    let mut wal_max = 0;
    for round in 0..40 {
        write(&mut store, round * 50, 1, 50);
        wal_max = wal_max.max(wal_len(&db));
        // Another connection sees each committed batch.
        assert_eq!(count(&db), (round as i64 + 1) * 50);
    }
    store.checkpoint_in_background(false).unwrap();
    store.flush_waiting().unwrap();
    let file = std::fs::metadata(&db).unwrap().len();
    drop(store);
    // Without restarts the WAL would hold every page written, more than
    // the store file; it starts again every few batches.
    assert!(
        wal_max < file / 2,
        "the WAL grew to {wal_max} bytes for a {file}-byte store"
    );
    let conn = rusqlite::Connection::open(&db).unwrap();
    let check: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(check, "ok");
    assert_eq!(count(&db), 2000);
    // Every document was indexed for search.
    let found: i64 = conn
        .query_row(
            "SELECT count(*) FROM sentences_fts WHERE sentences_fts MATCH 'opens'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(found, 2000);
}

#[test]
fn checkpoints_go_back_to_the_writer_when_stopped() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.db");
    let mut store = Store::open(&db).unwrap();
    store.checkpoint_in_background(true).unwrap();
    write(&mut store, 0, 2, 20);
    store.checkpoint_in_background(false).unwrap();
    // Turning it off twice, or on for a read-only store, changes nothing.
    store.checkpoint_in_background(false).unwrap();
    write(&mut store, 40, 2, 20);
    drop(store);
    let mut reader = Store::open_read_only(&db).unwrap();
    reader.checkpoint_in_background(true).unwrap();
    assert_eq!(count(&db), 80);
}
