//! What the consolidation keeps between runs, as the end-of-ingest update
//! reads it.

#![allow(clippy::unwrap_used, clippy::expect_used)]

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
