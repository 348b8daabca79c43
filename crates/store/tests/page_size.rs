//! A new store is made of 8 KiB pages; a store made with SQLite's default
//! 4 KiB pages keeps them and is read and written as before.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use chronicler_store::*;

mod common;

fn page_size(path: &std::path::Path) -> i64 {
    let conn = rusqlite::Connection::open(path).unwrap();
    conn.pragma_query_value(None, "page_size", |r| r.get(0))
        .unwrap()
}

#[test]
fn new_stores_use_8_kib_pages_and_old_ones_keep_theirs() {
    let dir = tempfile::tempdir().unwrap();
    let new = dir.path().join("new.db");
    let mut store = Store::open(&new).unwrap();
    store
        .write_document(&common::doc("a", "The envoy arrived.\nTalks began."), &[])
        .unwrap();
    drop(store);
    assert_eq!(page_size(&new), 8192);

    // A store an older chronicler made: 4 KiB pages, already in WAL mode.
    let old = dir.path().join("old.db");
    {
        let conn = rusqlite::Connection::open(&old).unwrap();
        conn.execute_batch(
            "PRAGMA page_size = 4096; PRAGMA journal_mode = WAL; CREATE TABLE t (x);",
        )
        .unwrap();
    }
    let mut store = Store::open(&old).unwrap();
    store
        .write_document(&common::doc("a", "The envoy arrived.\nTalks began."), &[])
        .unwrap();
    assert_eq!(store.search("envoy talks", 10).unwrap().len(), 1);
    assert!(store.integrity_check().unwrap().is_empty());
    drop(store);
    assert_eq!(page_size(&old), 4096);
}
