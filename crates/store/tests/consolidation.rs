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

/// A store of `n` documents made by `make`, each with one event in its
/// second sentence.
fn with_events(
    db: &std::path::Path,
    n: usize,
    make: impl Fn(usize) -> chronicler_core::AnalyzedDocument,
) -> Store {
    let mut store = Store::open(db).unwrap();
    for i in 0..n {
        let d = make(i);
        let event = common::event_in(
            &d.sentences[1],
            "040",
            DateRange::unknown(),
            Default::default(),
        );
        store.write_document(&d, &[event]).unwrap();
    }
    store
}

/// The events a regrouping reads come with their documents' ids and days,
/// and a mention's character offsets are read from its document's text.
#[test]
fn block_members_name_their_documents_however_many_are_asked_for() {
    let dir = tempfile::tempdir().unwrap();
    let store = with_events(&dir.path().join("s.db"), 64, |n| {
        let text = format!("Titre «{n}».\nUne réunion à Genève {n}.");
        let mut d = doc(&format!("doc-{n:02}"), &text);
        d.published.date = jiff::civil::date(2026, 1, 1 + (n % 28) as i8);
        d
    });
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

/// The consistency check finds kept merged events that are not exactly
/// the kept event groups (a group without its row, a row without its
/// group, a row naming an event its group does not hold), while they are
/// current.
#[test]
fn the_consistency_check_finds_kept_merged_events_that_are_not_the_groups() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.db");
    let store = with_events(&db, 3, |n| {
        doc(
            &format!("doc-{n}"),
            &format!("Title {n}.\nTalks were held."),
        )
    });
    let keys = store.ungrouped_event_keys().unwrap();
    // Two groups: doc-0 and doc-1's events together, doc-2's alone.
    let label = |n: usize| if n < 2 { "g01" } else { "g2" };
    let tx = store.begin_consolidation().unwrap();
    let writes: Vec<EventGroupWrite> = (0..3)
        .map(|n| EventGroupWrite {
            doc: format!("doc-{n}"),
            ordinal: 0,
            block: "b".into(),
            group: label(n).into(),
        })
        .collect();
    tx.write_groups(&writes).unwrap();
    let row = |group: &str, members: Vec<(i64, usize)>| KeptEventRow {
        block: "b".into(),
        group: group.into(),
        undated: true,
        day: None,
        end: None,
        cameo: "040".into(),
        base_id: group.into(),
        id: group.into(),
        first_doc: "doc-0".into(),
        first_start: 0,
        rank: 0,
        status: chronicler_core::Status::Occurred,
        source: None,
        target: None,
        members,
        first_report: None,
        undated_report: false,
    };
    let member = |n: usize| (keys[n].0, usize::try_from(keys[n].1).unwrap());
    tx.insert_kept_events(&[
        row("g01", vec![member(0), member(1)]),
        row("g2", vec![member(2)]),
    ])
    .unwrap();
    tx.mark_kept_events_current().unwrap();
    tx.commit().unwrap();
    assert_eq!(store.consistency_check().unwrap(), Vec::<String>::new());
    drop(store);

    let conn = rusqlite::Connection::open(&db).unwrap();
    let problems = || Store::open(&db).unwrap().consistency_check().unwrap();
    for (tampering, key) in [
        // A row naming an event of another group.
        (
            "UPDATE kept_events SET members = json_insert(members, '$[#]', ?1, '$[#]', 0)
             WHERE grp = 'g2'",
            keys[0].0,
        ),
        // The same number of events, one of them another group's.
        (
            "UPDATE kept_events SET members = json_array(?1, 0) WHERE grp = 'g2'",
            keys[1].0,
        ),
    ] {
        conn.execute(tampering, [key]).unwrap();
        assert_eq!(
            problems(),
            vec!["1 kept merged events whose events are not their group's".to_string()]
        );
    }
    // The row moved to a label no group has.
    conn.execute(
        "UPDATE kept_events SET grp = 'nowhere' WHERE grp = 'g2'",
        [],
    )
    .unwrap();
    let found = problems();
    assert!(
        found.contains(&"1 kept event groups without their merged event".to_string())
            && found.contains(&"1 kept merged events without their event group".to_string()),
        "{found:?}"
    );
    // Not current (an update will write them again): not checked.
    conn.execute("UPDATE kept_events_state SET current = 0", [])
        .unwrap();
    assert_eq!(problems(), Vec::<String>::new());
}
