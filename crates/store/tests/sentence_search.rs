//! Full-text search over sentences (migration 0006): sentences are indexed
//! as they are written, found by their words, and located by document,
//! index and character offsets; a store written before the index existed
//! gets its sentences indexed on upgrade.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use chronicler_store::*;

mod common;

use common::doc;

const A: &str = "Kyiv’s envoy spoke on Sunday.\nRussia returned the remains of 1,000 Ukrainian soldiers.\nTalks resume in Abu Dhabi on February 1.";
const B: &str =
    "The Kremlin suspended prisoner exchanges.\nÉmigrés in Zürich held a vigil for the soldiers.";

#[test]
fn sentences_are_found_by_their_words_with_document_index_and_offsets() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.db");
    let mut store = Store::open(&path).unwrap();
    store.write_document(&doc("a", A), &[]).unwrap();
    store.write_document(&doc("b", B), &[]).unwrap();
    let store = Store::open_read_only(&path).unwrap();

    let hits = store.search_sentences("\"abu dhabi\"", 10).unwrap();
    assert_eq!(hits.len(), 1, "{hits:?}");
    let h = &hits[0];
    assert_eq!((h.doc.as_str(), h.sentence), ("a", 2));
    assert_eq!(h.text, "Talks resume in Abu Dhabi on February 1.");
    // Character offsets: the curly apostrophe before it is one character.
    let chars: Vec<char> = A.chars().collect();
    assert_eq!(chars[h.start..h.end].iter().collect::<String>(), h.text);
    assert!(A.len() > chars.len());

    // Every word must match, in any sentence of any document.
    let soldiers = store.search_sentences("soldiers", 10).unwrap();
    let mut found: Vec<(&str, usize)> = soldiers
        .iter()
        .map(|h| (h.doc.as_str(), h.sentence))
        .collect();
    found.sort();
    assert_eq!(found, [("a", 1), ("b", 1)]);
    assert!(store
        .search_sentences("soldiers Kremlin", 10)
        .unwrap()
        .is_empty());
    // Diacritics are folded: "emigres zurich" finds "Émigrés in Zürich".
    let folded = store.search_sentences("emigres zurich", 10).unwrap();
    assert_eq!(folded.len(), 1);
    assert_eq!(folded[0].doc, "b");
    // The limit holds, and a word nobody wrote finds nothing.
    assert_eq!(store.search_sentences("soldiers", 1).unwrap().len(), 1);
    assert!(store.search_sentences("zebra", 10).unwrap().is_empty());
}

#[test]
fn a_duplicate_adds_no_sentence_and_an_upgraded_store_is_indexed() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.db");
    {
        let mut store = Store::open(&path).unwrap();
        store.write_document(&doc("a", A), &[]).unwrap();
        // The same document again is a duplicate: its sentences are not
        // indexed twice.
        store.write_document(&doc("a", A), &[]).unwrap();
    }
    let store = Store::open_read_only(&path).unwrap();
    assert_eq!(store.search_sentences("envoy", 10).unwrap().len(), 1);
    drop(store);

    // A store from the release before the index: drop the index and go
    // back to schema 5, as that release wrote it; opening it upgrades and
    // indexes what is there.
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        common::undo_place_codes(&conn, 5);
        conn.execute_batch(
            "DROP TRIGGER IF EXISTS sentences_fts_insert; DROP TRIGGER sentences_fts_delete;
             DROP TABLE sentences_fts;",
        )
        .unwrap();
    }
    assert!(matches!(
        Store::open_read_only(&path),
        Err(StoreError::NeedsMigration { .. })
    ));
    let mut store = Store::open(&path).unwrap();
    assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
    let hits = store.search_sentences("envoy", 10).unwrap();
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].text, "Kyiv’s envoy spoke on Sunday.");
    // And new documents are indexed as they are written.
    store.write_document(&doc("b", B), &[]).unwrap();
    assert_eq!(store.search_sentences("vigil", 10).unwrap().len(), 1);
    assert!(store.integrity_check().unwrap().is_empty());
}
