//! Migration 0013 drops the indexes nothing reads (mention rows and LSH
//! bands by document): a store written before upgrades in place and every
//! report reads the same.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use chronicler_core::*;
use chronicler_store::*;

mod common;

/// A document whose lines are sentences, naming `names` as unresolved in
/// its first sentence and carrying one quantity there.
fn named(id: &str, text: &str, names: &[&str]) -> AnalyzedDocument {
    let mut d = common::doc(id, text);
    for name in names {
        let at = text.find(name).expect("name in text");
        d.unresolved.push(UnresolvedName {
            sentence: 0,
            span: Span::new(at, at + name.len()),
            text: (*name).into(),
        });
    }
    d.quantities.push(Quantity {
        sentence: 0,
        span: Span::new(0, 3),
        value: 3.0,
        unit: "envoys".into(),
        text: "Tri".into(),
        ..Default::default()
    });
    d
}

fn indexes(path: &std::path::Path) -> Vec<String> {
    let conn = rusqlite::Connection::open(path).expect("raw open");
    let mut st = conn
        .prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND name LIKE '%_doc' ORDER BY name")
        .expect("prepare");
    let rows = st.query_map([], |r| r.get::<_, String>(0)).expect("query");
    rows.collect::<Result<_, _>>().expect("rows")
}

#[test]
fn a_store_written_before_upgrades_and_reads_the_same() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("s.db");
    let docs = [
        named(
            "a",
            "Tribal envoys met Olena Kravets.\nThey talked.",
            &["Olena Kravets"],
        ),
        named(
            "b",
            "Tribes heard Olena Kravets and Ivan Petrenko.",
            &["Olena Kravets", "Ivan Petrenko"],
        ),
    ];
    let before = {
        let mut store = Store::open(&path).expect("open");
        for d in &docs {
            store.write_document(d, &[]).expect("write");
        }
        store.unresolved_counts(5).expect("unresolved")
    };
    assert_eq!(before[0].name, "Olena Kravets");
    assert_eq!((before[0].count, before[0].documents), (2, 2));
    assert_eq!(before[0].contexts.len(), 2);
    assert!(indexes(&path).is_empty(), "{:?}", indexes(&path));

    let conn = rusqlite::Connection::open(&path).expect("raw open");
    common::undo_writer_indexes(&conn);
    drop(conn);
    assert_eq!(indexes(&path).len(), 6);
    assert!(matches!(
        Store::open_read_only(&path),
        Err(StoreError::NeedsMigration { found: 12, .. })
    ));

    let mut store = Store::open(&path).expect("upgrade");
    assert_eq!(store.schema_version().expect("version"), SCHEMA_VERSION);
    assert!(indexes(&path).is_empty(), "{:?}", indexes(&path));
    assert_eq!(store.unresolved_counts(5).expect("unresolved"), before);
    assert_eq!(
        store.integrity_check().expect("integrity"),
        Vec::<String>::new()
    );
    assert_eq!(
        store.consistency_check().expect("consistency"),
        Vec::<String>::new()
    );

    // Writes go on after the upgrade and the reports count them.
    let c = named("c", "Trio of aides saw Ivan Petrenko.", &["Ivan Petrenko"]);
    store.write_document(&c, &[]).expect("write after upgrade");
    let after = store.unresolved_counts(5).expect("unresolved");
    let ivan = after
        .iter()
        .find(|u| u.name == "Ivan Petrenko")
        .expect("ivan");
    assert_eq!((ivan.count, ivan.documents), (2, 2));
    assert_eq!(
        store.consistency_check().expect("consistency"),
        Vec::<String>::new()
    );
}
