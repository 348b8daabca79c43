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

/// Batches of writes leave their documents out of the full-text index
/// until enough wait (then one commit indexes them all), an ingest's end
/// indexes the rest, and so does the next opening for writing after a run
/// killed before its end: every document is found in the end, and the
/// store is consistent at every step.
#[test]
fn batches_index_their_documents_together_and_a_killed_run_is_indexed_on_reopening() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.db");
    let found = |store: &Store, word: &str| -> Vec<String> {
        let mut docs: Vec<String> = store
            .search_sentences(word, 10)
            .unwrap()
            .into_iter()
            .map(|h| h.doc)
            .collect();
        docs.sort();
        docs
    };
    let write = |store: &mut Store, ids: &[&str]| {
        let mut batch = store.begin_batch().unwrap();
        for id in ids {
            let text = format!("Envoys of {id} met in Geneva.\nThey spoke of a ceasefire.");
            batch.write_document(&doc(id, &text), &[], None).unwrap();
        }
        batch.commit().unwrap();
    };
    let mut store = Store::open(&path).unwrap();
    store.set_text_index_every(3);
    write(&mut store, &["a", "b"]);
    assert!(found(&store, "ceasefire").is_empty(), "two wait");
    assert!(store.integrity_check().unwrap().is_empty());
    write(&mut store, &["c"]);
    assert_eq!(found(&store, "ceasefire"), ["a", "b", "c"]);
    assert_eq!(found(&store, "envoys"), ["a", "b", "c"]);
    write(&mut store, &["d"]);
    assert_eq!(store.flush_text_index().unwrap(), 1);
    assert_eq!(store.flush_text_index().unwrap(), 0);
    assert_eq!(found(&store, "ceasefire"), ["a", "b", "c", "d"]);

    // Killed before its end: "e" and "f" are stored, not yet indexed.
    write(&mut store, &["e", "f"]);
    drop(store);
    let read = Store::open_read_only(&path).unwrap();
    assert_eq!(found(&read, "ceasefire"), ["a", "b", "c", "d"]);
    assert_eq!(read.stats().unwrap().waiting_for_search, 2);
    assert!(read.integrity_check().unwrap().is_empty());
    drop(read);
    let store = Store::open(&path).unwrap();
    assert_eq!(store.stats().unwrap().waiting_for_search, 0);
    assert_eq!(found(&store, "ceasefire"), ["a", "b", "c", "d", "e", "f"]);
    assert_eq!(found(&store, "geneva").len(), 6);
    assert!(store.integrity_check().unwrap().is_empty());
}

/// Documents of any length keep every sentence, in order, with its offsets
/// (the writer inserts them several to a statement: the counts straddle
/// the statement sizes).
#[test]
fn every_sentence_of_documents_of_any_length_is_stored_and_found() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.db");
    let mut store = Store::open(&path).unwrap();
    let counts = [0usize, 1, 2, 3, 7, 8, 9, 31, 32, 33, 45, 70];
    let text_of = |n: usize| -> String {
        (0..n)
            .map(|i| format!("Sentence w{n}x{i} of the talks."))
            .collect::<Vec<_>>()
            .join("\n")
    };
    for &n in &counts {
        store
            .write_document(&doc(&format!("d{n}"), &text_of(n)), &[])
            .unwrap();
    }
    let store = Store::open_read_only(&path).unwrap();
    for &n in &counts {
        let text = text_of(n);
        let id = format!("d{n}");
        assert_eq!(store.document(&id).unwrap().unwrap().sentences, n, "{id}");
        for i in 0..n {
            let hits = store.search_sentences(&format!("w{n}x{i}"), 10).unwrap();
            assert_eq!(hits.len(), 1, "{id} sentence {i}: {hits:?}");
            let h = &hits[0];
            assert_eq!((h.doc.as_str(), h.sentence), (id.as_str(), i));
            assert_eq!(h.text, format!("Sentence w{n}x{i} of the talks."));
            assert_eq!(text.get(h.start..h.end), Some(h.text.as_str()));
        }
    }
}
