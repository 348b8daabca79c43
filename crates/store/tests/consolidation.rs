//! What the consolidation keeps between runs, as the end-of-ingest update
//! reads it.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use chronicler_core::DateRange;
use chronicler_store::*;

mod common;

use common::doc;

/// Documents stored without a signature (as before schema 2) are listed
/// with their text, in storage order, and only those: every ingest asks,
/// and then signs them.
#[test]
fn unsigned_documents_are_listed_in_storage_order_with_their_text() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("s.db")).unwrap();
    store
        .write_document(&doc("zeta", "Old report one."), &[])
        .unwrap();
    let sig = SignatureWrite {
        minhash: vec![0; 8],
        bands: vec![1, 2],
        near_duplicates: vec![],
        linked: Vec::new(),
        near_from: 0.5,
        related_within_days: 3,
    };
    store
        .write_document_signed(&doc("beta", "A signed report."), &[], &sig)
        .unwrap();
    store
        .write_document(&doc("alpha", "Old report two."), &[])
        .unwrap();
    assert_eq!(
        store.unsigned_documents().unwrap(),
        vec![
            ("zeta".to_string(), "Old report one.".to_string()),
            ("alpha".to_string(), "Old report two.".to_string()),
        ]
    );
    store.add_signature("zeta", &sig).unwrap();
    store.add_signature("alpha", &sig).unwrap();
    assert!(store.unsigned_documents().unwrap().is_empty());
}

/// The events a regrouping reads come with their documents' ids and days,
/// and a mention's character offsets are read from its document's text.
#[test]
fn block_members_name_their_documents_however_many_are_asked_for() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("s.db")).unwrap();
    for n in 0..64 {
        let text = format!("Titre «{n}».\nUne réunion à Genève {n}.");
        let mut d = doc(&format!("doc-{n:02}"), &text);
        d.published.date = jiff::civil::date(2026, 1, 1 + (n % 28) as i8);
        let event = common::event_in(
            &d.sentences[1],
            "040",
            DateRange::unknown(),
            Default::default(),
        );
        store.write_document(&d, &[event]).unwrap();
    }
    let keys = store.ungrouped_event_keys().unwrap();
    assert_eq!(keys.len(), 64);
    let named = |keys: &[EventKey]| -> Vec<(String, String)> {
        store
            .members_at(keys)
            .unwrap()
            .into_iter()
            .map(|m| {
                assert!(m.kept.is_none());
                assert_eq!(m.event.cameo, "040");
                (m.doc, m.published)
            })
            .collect()
    };
    let want = |n: usize| (format!("doc-{n:02}"), format!("2026-01-{:02}", 1 + n % 28));
    assert_eq!(named(&keys[5..6]), vec![want(5)]);
    assert_eq!(named(&keys), (0..64).map(want).collect::<Vec<_>>());
    // The second sentence starts past "«" and "»" (two bytes each).
    let span = store.members_at(&keys[7..8]).unwrap()[0]
        .event
        .evidence
        .sentence_span;
    let first = "Titre «7».\n";
    assert_eq!(span.start, first.len());
    assert_eq!(
        store.mention_offsets(keys[7].0, &[span]).unwrap(),
        Some(vec![(
            first.chars().count(),
            first.chars().count() + "Une réunion à Genève 7.".chars().count()
        )])
    );
    assert_eq!(store.mention_offsets(9_999, &[span]).unwrap(), None);
}
