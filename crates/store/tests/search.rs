//! Document search (one full-text index since migration 0011): a document
//! is found by words anywhere in its title or sentences, ranked by how
//! often and how well they match; a store written with the two indexes of
//! schema 10 upgrades and answers the same searches.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use chronicler_store::*;

mod common;

use common::{doc, titled};

const A: &str = "Kyiv’s envoy spoke on Sunday.\nRussia returned the remains of 1,000 Ukrainian soldiers.\nTalks resume in Abu Dhabi on February 1.";
const B: &str =
    "The Kremlin suspended prisoner exchanges.\nÉmigrés in Zürich held a vigil for the soldiers.";
const C: &str = "Soldiers crossed the river.\nThe soldiers were tired.\nMore soldiers came at night, and soldiers left.";

fn ids(hits: &[SearchHit]) -> Vec<&str> {
    hits.iter().map(|h| h.id.as_str()).collect()
}

/// The ids of the documents `query` finds, sorted.
fn found(store: &Store, query: &str) -> Vec<String> {
    let mut ids: Vec<String> = store
        .search(query, 10)
        .unwrap()
        .into_iter()
        .map(|h| h.id)
        .collect();
    ids.sort();
    ids
}

fn store_with_three(path: &std::path::Path) -> Store {
    let mut store = Store::open(path).unwrap();
    store
        .write_document(&titled("a", "Envoys meet in Geneva", A), &[])
        .unwrap();
    // The batch path leaves its documents waiting for the index (fewer
    // than TEXT_INDEX_EVERY), indexed as an ingest ends.
    let mut batch = store.begin_batch().unwrap();
    batch.write_document(&doc("b", B), &[], None).unwrap();
    batch
        .write_document(&titled("c", "River crossing", C), &[], None)
        .unwrap();
    // A duplicate is not indexed twice.
    batch.write_document(&doc("a", A), &[], None).unwrap();
    batch.commit().unwrap();
    assert_eq!(store.flush_text_index().unwrap(), 2);
    store
}

fn assert_searches(store: &Store) {
    // Words of two different sentences: the document has both.
    assert_eq!(ids(&store.search("kremlin vigil", 10).unwrap()), ["b"]);
    assert_eq!(ids(&store.search("kremlin AND vigil", 10).unwrap()), ["b"]);
    // A word of the title only.
    assert_eq!(ids(&store.search("geneva", 10).unwrap()), ["a"]);
    assert_eq!(
        ids(&store.search("geneva \"abu dhabi\"", 10).unwrap()),
        ["a"]
    );
    // Diacritics folded, as before.
    assert_eq!(ids(&store.search("emigres", 10).unwrap()), ["b"]);
    // Most and best matches first: c says "soldiers" in every sentence.
    let soldiers = store.search("soldiers", 10).unwrap();
    assert_eq!(soldiers.len(), 3);
    assert_eq!(soldiers[0].id, "c");
    assert_eq!(soldiers[0].title.as_deref(), Some("River crossing"));
    assert!(soldiers.windows(2).all(|w| w[0].rank <= w[1].rank));
    assert_eq!(ids(&store.search("soldiers", 1).unwrap()), ["c"]);
    assert!(store.search("soldiers", 0).unwrap().is_empty());
    // NOT leaves out a document that has the word in any sentence.
    assert_eq!(found(store, "soldiers NOT kremlin"), ["a", "c"]);
    // OR, groups and prefixes as FTS5 reads them.
    assert_eq!(found(store, "geneva OR kremlin"), ["a", "b"]);
    assert_eq!(
        ids(&store.search("(geneva OR zebra) envoy*", 10).unwrap()),
        ["a"]
    );
    assert!(store.search("zebra", 10).unwrap().is_empty());
    assert!(store.search("\"unbalanced", 10).is_err());
    // Sentence search does not return titles.
    assert!(store.search_sentences("geneva", 10).unwrap().is_empty());
    assert_eq!(store.search_sentences("kremlin", 10).unwrap().len(), 1);
    assert_eq!(store.consistency_check().unwrap(), Vec::<String>::new());
}

#[test]
fn documents_are_found_by_words_anywhere_in_their_title_or_sentences() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.db");
    drop(store_with_three(&path));
    assert_searches(&Store::open_read_only(&path).unwrap());
    // The consistency check sees a title or sentence missing from the index.
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.execute_batch(
        "DELETE FROM sentences_fts WHERE rowid IN
             (SELECT doc_key * 1048576 + 1048575 FROM documents WHERE id = 'a');
         DELETE FROM sentences_fts WHERE rowid IN
             (SELECT doc_key * 1048576 FROM documents WHERE id = 'b');",
    )
    .unwrap();
    let problems = Store::open_read_only(&path)
        .unwrap()
        .consistency_check()
        .unwrap();
    assert_eq!(
        problems,
        [
            "1 sentences missing from the full-text index",
            "1 titles missing from the full-text index"
        ]
    );
}

#[test]
fn ties_are_ordered_by_document_id_whatever_the_limit() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.db");
    let mut store = Store::open(&path).unwrap();
    // Same words, same lengths: the same rank.
    for id in ["d", "b", "e", "a", "c"] {
        let text = format!("The envoy of {id} arrived.\nTalks began.");
        store.write_document(&doc(id, &text), &[]).unwrap();
    }
    assert_eq!(
        ids(&store.search("envoy talks", 10).unwrap()),
        ["a", "b", "c", "d", "e"]
    );
    assert_eq!(ids(&store.search("envoy talks", 2).unwrap()), ["a", "b"]);
}

#[test]
fn a_store_with_two_indexes_upgrades_to_one_and_finds_the_same() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.db");
    drop(store_with_three(&path));
    // As schema 10 wrote it: titles only in the per-document index.
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        common::undo_one_text_index(&conn);
    }
    assert!(matches!(
        Store::open_read_only(&path),
        Err(StoreError::NeedsMigration { .. })
    ));
    let mut store = Store::open(&path).unwrap();
    assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
    assert_searches(&store);
    assert!(store.integrity_check().unwrap().is_empty());
    // New documents are found too, and the old index is gone.
    store
        .write_document(&titled("d", "Geneva again", "Nothing else."), &[])
        .unwrap();
    assert_eq!(found(&store, "geneva"), ["a", "d"]);
    drop(store);
    let conn = rusqlite::Connection::open(&path).unwrap();
    let old: i64 = conn
        .query_row(
            "SELECT count(*) FROM sqlite_schema WHERE name LIKE 'documents_fts%'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(old, 0);
}

#[test]
fn the_text_before_noise_removal_is_not_kept() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.db");
    let mut store = Store::open(&path).unwrap();
    let mut d = doc("a", A);
    d.doc.extracted = format!("Subscribe now!\n{A}");
    store.write_document(&d, &[]).unwrap();
    drop(store);
    let conn = rusqlite::Connection::open(&path).unwrap();
    let (raw, clean): (String, String) = conn
        .query_row("SELECT raw_text, clean_text FROM documents", [], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .unwrap();
    assert_eq!((raw.as_str(), clean.as_str()), ("", A));
}
