//! The store is read through a memory map (`PRAGMA mmap_size`), and the
//! SQLite chronicler builds can map a store far larger than SQLite's default
//! cap of 2 GB: without `.cargo/config.toml`'s `SQLITE_MAX_MMAP_SIZE`, a
//! million-article store (14 GB) would be read mostly through `pread`.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use chronicler_store::*;

mod common;

#[test]
fn the_bundled_sqlite_maps_stores_of_a_terabyte() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.db");
    let mut store = Store::open(&path).unwrap();
    store
        .write_document(&common::doc("a", "The envoy arrived.\nTalks began."), &[])
        .unwrap();
    assert_eq!(store.search("envoy", 10).unwrap().len(), 1);
    drop(store);
    // SQLite clamps the size asked for to its compile-time cap.
    let conn = rusqlite::Connection::open(&path).unwrap();
    let mapped: i64 = conn
        .pragma_update_and_check(None, "mmap_size", 1_i64 << 40, |r| r.get(0))
        .unwrap();
    assert_eq!(mapped, 1 << 40);
    let read = Store::open_read_only(&path).unwrap();
    assert_eq!(read.search("talks", 10).unwrap().len(), 1);
}
