//! A store written in batches keeps its band rows in memory for the
//! near-duplicate lookup while it alone writes them; what else writes the
//! store between batches (another process, a rolled-back batch, a write
//! outside batches) must show in the lookup all the same.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;

use chronicler_store::*;
use jiff::civil::date;

mod common;

use common::doc;

/// The signature of a document: its number, as bytes.
fn sig(n: u64, bands: &[u64], linked: Vec<LinkedDoc>) -> SignatureWrite {
    SignatureWrite {
        minhash: n.to_le_bytes().to_vec(),
        bands: bands.to_vec(),
        near_duplicates: Vec::new(),
        linked,
        near_from: 0.5,
        related_within_days: 3,
    }
}

fn query(published: &str) -> LinkQuery<'_> {
    LinkQuery {
        published,
        near_from: 0.5,
        related_within_days: 3,
        keep_from: 0.25,
    }
}

/// Every pair of documents is a near duplicate.
fn same(_: &[u8]) -> Option<f64> {
    Some(0.9)
}

/// Writes document `n` in a batch of its own, linked as the pipeline links
/// it; returns the documents it was compared with (their numbers).
fn write_batched(store: &mut Store, n: u64, bands: &[u64]) -> Vec<u64> {
    let mut batch = store.begin_batch().unwrap();
    let (linked, compared) = lookup(&mut batch, bands);
    batch
        .write_document(&report(n), &[], Some(&sig(n, bands, linked)))
        .unwrap();
    batch.commit().unwrap();
    compared
}

fn lookup(batch: &mut Batch<'_>, bands: &[u64]) -> (Vec<LinkedDoc>, Vec<u64>) {
    let mut compared = Vec::new();
    let published = date(2026, 1, 30).to_string();
    let linked = batch
        .linked_candidates(bands, query(&published), |bytes| {
            compared.push(u64::from_le_bytes(bytes.try_into().ok()?));
            same(bytes)
        })
        .unwrap();
    (linked, compared)
}

fn report(n: u64) -> chronicler_core::AnalyzedDocument {
    let mut d = doc(&format!("d{n}"), &format!("Report {n} of the talks."));
    d.published.date = date(2026, 1, 30);
    d
}

/// Ids of the documents in `id`'s near-duplicate cluster, sorted.
fn cluster_of(store: &Store, id: &str) -> Vec<String> {
    let rows = store.doc_clusters().unwrap();
    let Some(near) = rows.iter().find(|c| c.id == id).map(|c| c.near) else {
        return vec![id.to_string()];
    };
    let mut ids: Vec<String> = rows
        .into_iter()
        .filter(|c| c.near == near)
        .map(|c| c.id)
        .collect();
    ids.sort();
    ids
}

fn open(path: &Path) -> Store {
    Store::open(path).unwrap()
}

/// A new store `name` in a directory of its own, holding document 1
/// (bands 11, 12) written in a batch.
fn store_with_1(name: &str) -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let mut store = open(&dir.path().join(name));
    assert!(write_batched(&mut store, 1, &[11, 12]).is_empty());
    (dir, store)
}

/// Document 2 (bands 21, 22) is stored between two batches by `store_2`;
/// document 3, sharing band 21, must be compared with it.
fn found_when_stored_between_batches(name: &str, store_2: impl FnOnce(&Path, &mut Store)) {
    let (dir, mut store) = store_with_1(name);
    let path = dir.path().join(name);
    store_2(&path, &mut store);
    assert_eq!(write_batched(&mut store, 3, &[21, 31]), [2]);
    assert_eq!(cluster_of(&store, "d3"), ["d2", "d3"]);
}

fn write_2(store: &mut Store) {
    store
        .write_document_signed(&report(2), &[], &sig(2, &[21, 22], Vec::new()))
        .unwrap();
}

#[test]
fn a_document_another_process_stored_between_batches_is_found() {
    found_when_stored_between_batches("two-writers.db", |path, _| write_2(&mut open(path)));
}

#[test]
fn a_document_written_outside_batches_is_found() {
    found_when_stored_between_batches("one-writer.db", |_, store| write_2(store));
}

#[test]
fn a_document_written_outside_batches_is_found_after_the_end_of_a_run() {
    found_when_stored_between_batches("one-writer-flushed.db", |_, store| {
        write_2(store);
        store.flush_waiting().unwrap();
    });
}

#[test]
fn a_batch_rolled_back_leaves_no_band_behind() {
    let (_dir, mut store) = store_with_1("rolled-back.db");
    // Document 2 (band 21) is written, seen by the next lookup of its
    // batch, then the batch is dropped: rolled back.
    {
        let mut batch = store.begin_batch().unwrap();
        batch
            .write_document(&report(2), &[], Some(&sig(2, &[21], Vec::new())))
            .unwrap();
        assert_eq!(lookup(&mut batch, &[21]).1, [2]);
    }
    // Document 4 takes the key document 2 had; document 5 shares band 21
    // only, which no stored document has.
    assert!(write_batched(&mut store, 4, &[41]).is_empty());
    assert!(write_batched(&mut store, 5, &[21]).is_empty());
    assert_eq!(cluster_of(&store, "d5"), ["d5"]);
    // And the lookup goes on finding what the batches write.
    assert_eq!(write_batched(&mut store, 6, &[41, 61]), [4]);
}

#[test]
fn documents_of_earlier_batches_and_of_the_same_batch_are_found() {
    let (_dir, mut store) = store_with_1("batches.db");
    let mut batch = store.begin_batch().unwrap();
    let (linked, compared) = lookup(&mut batch, &[12, 13]);
    assert_eq!(compared, [1]);
    batch
        .write_document(&report(2), &[], Some(&sig(2, &[12, 13], linked)))
        .unwrap();
    let (linked, compared) = lookup(&mut batch, &[13]);
    assert_eq!(compared, [2]);
    batch
        .write_document(&report(3), &[], Some(&sig(3, &[13], linked)))
        .unwrap();
    batch.commit().unwrap();
    assert_eq!(cluster_of(&store, "d3"), ["d1", "d2", "d3"]);
}

#[test]
fn the_band_rows_stay_in_memory_while_batches_alone_write_them() {
    let (dir, mut store) = store_with_1("kept.db");
    // Every commit indexes its documents for search (FTS5 writes its own
    // tables as the transaction commits): still the batch's own writes.
    store.set_text_index_every(1);
    assert_eq!(store.band_rows_in_memory(), Some(2));
    assert_eq!(write_batched(&mut store, 2, &[12, 21]), [1]);
    assert_eq!(write_batched(&mut store, 3, &[31]), Vec::<u64>::new());
    assert_eq!(store.band_rows_in_memory(), Some(5));
    // Another writer: the next batch reads through SQL, and so on (the
    // store holds band rows the mirror could not have seen made).
    let mut other = open(&dir.path().join("kept.db"));
    other
        .write_document_signed(&report(4), &[], &sig(4, &[41], Vec::new()))
        .unwrap();
    assert_eq!(write_batched(&mut store, 5, &[41]), [4]);
    assert_eq!(store.band_rows_in_memory(), None);
}

#[test]
fn what_the_batches_held_back_is_in_the_store() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("held.db");
    {
        let mut store = open(&path);
        assert!(write_batched(&mut store, 1, &[11, 12]).is_empty());
        assert!(write_batched(&mut store, 2, &[21, 22]).is_empty());
    }
    // A later run (band rows in the store: read through SQL) finds them.
    let mut store = open(&path);
    assert_eq!(write_batched(&mut store, 3, &[22, 31]), [2]);
    assert_eq!(store.band_rows_in_memory(), None);
    assert_eq!(cluster_of(&store, "d3"), ["d2", "d3"]);
}

#[test]
fn a_full_mirror_gives_way_to_sql_within_a_batch() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = open(&dir.path().join("full.db"));
    // Room for two documents' rows: the third fills it, in mid-batch.
    store.set_band_rows_limit(4);
    let mut batch = store.begin_batch().unwrap();
    for (n, bands) in [(1, [11, 12]), (2, [12, 21]), (3, [21, 31]), (4, [31, 41])] {
        let (linked, compared) = lookup(&mut batch, &bands);
        assert_eq!(compared, [n - 1][..usize::from(n > 1)], "document {n}");
        batch
            .write_document(&report(n), &[], Some(&sig(n, &bands, linked)))
            .unwrap();
    }
    batch.commit().unwrap();
    assert_eq!(store.band_rows_in_memory(), None);
    assert_eq!(cluster_of(&store, "d4"), ["d1", "d2", "d3", "d4"]);
}

#[test]
fn a_lookup_through_sql_sees_the_rows_its_batch_held_back() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = open(&dir.path().join("long-band.db"));
    // 257 copies sharing band 7: more than the mirror lists in one band.
    let mut batch = store.begin_batch().unwrap();
    for n in 100..357 {
        let bands = [7, 10_000 + n];
        let (linked, _) = lookup(&mut batch, &bands);
        batch
            .write_document(&report(n), &[], Some(&sig(n, &bands, linked)))
            .unwrap();
    }
    batch.commit().unwrap();
    // Document 900 (band 600) is held back by its batch; document 901,
    // with band 7, is looked up through SQL and must find it.
    let mut batch = store.begin_batch().unwrap();
    batch
        .write_document(&report(900), &[], Some(&sig(900, &[600], Vec::new())))
        .unwrap();
    let (linked, compared) = lookup(&mut batch, &[7, 600]);
    assert!(compared.contains(&900), "{compared:?}");
    batch
        .write_document(&report(901), &[], Some(&sig(901, &[7, 600], linked)))
        .unwrap();
    batch.commit().unwrap();
    assert!(cluster_of(&store, "d901").contains(&"d900".to_string()));
}

/// The band rows in `doc_bands` as (band, document number), sorted, and
/// the documents whose rows wait in `doc_bands_pending`, read straight
/// from the file.
fn band_tables(path: &Path) -> (Vec<(i64, u64)>, Vec<u64>) {
    let conn = rusqlite::Connection::open(path).unwrap();
    let number = |key: i64| -> u64 {
        let id: String = conn
            .query_row("SELECT id FROM documents WHERE doc_key = ?1", [key], |r| {
                r.get(0)
            })
            .unwrap();
        id.trim_start_matches('d').parse().unwrap()
    };
    let rows: Vec<(i64, i64)> = conn
        .prepare("SELECT band, doc FROM doc_bands ORDER BY band, doc")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let pending: Vec<i64> = conn
        .prepare("SELECT doc FROM doc_bands_pending ORDER BY doc")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let mut rows: Vec<(i64, u64)> = rows.into_iter().map(|(b, k)| (b, number(k))).collect();
    rows.sort_unstable();
    (rows, pending.into_iter().map(number).collect())
}

/// A run that keeps its band rows in memory lists them beside `doc_bands`
/// at each commit (rewriting the table's pages at every commit was most of
/// what a 100,000-article ingest wrote) and writes them into it at once at
/// its end; a run killed before its end leaves them listed, and opening
/// the store for writing writes them. The lookups find them all along.
#[test]
fn held_back_band_rows_go_into_the_table_at_the_end_or_on_reopening() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("held-back.db");
    let mut store = open(&path);
    assert!(write_batched(&mut store, 1, &[11, 12]).is_empty());
    assert_eq!(write_batched(&mut store, 2, &[12, 21]), [1]);
    assert_eq!(band_tables(&path), (Vec::new(), vec![1, 2]));
    assert!(store.integrity_check().unwrap().is_empty());

    // The end of a run.
    store.flush_waiting().unwrap();
    assert_eq!(
        band_tables(&path),
        (vec![(11, 1), (12, 1), (12, 2), (21, 2)], Vec::new())
    );
    // The rows moved within the store: the mirror still holds them all.
    assert_eq!(store.band_rows_in_memory(), Some(4));
    assert_eq!(write_batched(&mut store, 3, &[21, 31]), [2]);
    assert_eq!(band_tables(&path).1, [3]);

    // Killed before its end: document 3's rows are listed, not written.
    drop(store);
    let mut store = open(&path);
    assert_eq!(
        band_tables(&path),
        (
            vec![(11, 1), (12, 1), (12, 2), (21, 2), (21, 3), (31, 3)],
            Vec::new()
        )
    );
    // A run on a store with band rows reads them through SQL.
    assert_eq!(write_batched(&mut store, 4, &[31]), [3]);
    assert_eq!(store.band_rows_in_memory(), None);
    assert_eq!(cluster_of(&store, "d4"), ["d1", "d2", "d3", "d4"]);
    assert!(store.integrity_check().unwrap().is_empty());
}

/// Another writer (opened before the rows were held back, so its opening
/// did not write them) finds them, and the run that held them back goes on
/// through SQL.
#[test]
fn another_writer_finds_the_band_rows_a_run_holds_back() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("two-writers-held.db");
    let mut store = open(&path);
    let other = open(&path);
    assert!(write_batched(&mut store, 1, &[11, 12]).is_empty());
    assert_eq!(band_tables(&path).1, [1]);
    let found: Vec<String> = other
        .band_candidates(&[12])
        .unwrap()
        .into_iter()
        .map(|c| c.id)
        .collect();
    assert_eq!(found, ["d1"]);
    assert_eq!(band_tables(&path), (vec![(11, 1), (12, 1)], Vec::new()));
    assert_eq!(write_batched(&mut store, 2, &[11]), [1]);
    assert_eq!(store.band_rows_in_memory(), None);
}

/// A run on a store that holds band rows keeps its own in memory: its
/// lookups read the store's through SQL and its own there, and its rows
/// wait beside `doc_bands` until its end, as on a new store.
#[test]
fn a_run_on_a_store_with_band_rows_holds_its_own_back_too() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("second-run.db");
    {
        let mut store = open(&path);
        assert!(write_batched(&mut store, 1, &[11, 12]).is_empty());
        assert!(write_batched(&mut store, 9, &[91]).is_empty());
    }
    let mut store = open(&path);
    assert_eq!(
        band_tables(&path),
        (vec![(11, 1), (12, 1), (91, 9)], Vec::new())
    );
    // Document 1 through SQL; then 2 in memory and 9 through SQL.
    assert_eq!(write_batched(&mut store, 2, &[12, 21]), [1]);
    assert_eq!(write_batched(&mut store, 3, &[21, 91]), [2, 9]);
    assert_eq!(band_tables(&path).1, [2, 3]);
    assert_eq!(store.band_rows_in_memory(), None);
    store.flush_waiting().unwrap();
    assert_eq!(
        band_tables(&path),
        (
            vec![
                (11, 1),
                (12, 1),
                (12, 2),
                (21, 2),
                (21, 3),
                (91, 3),
                (91, 9)
            ],
            Vec::new()
        )
    );
    assert_eq!(cluster_of(&store, "d3"), ["d1", "d2", "d3", "d9"]);
    assert!(store.integrity_check().unwrap().is_empty());
}
