//! Integration tests for the store: round trips, duplicates, migrations,
//! atomicity and integrity.

use std::path::{Path, PathBuf};

use chronicler_core::text::char_offset;
use chronicler_core::*;
use chronicler_store::*;
use jiff::civil::date;

mod common;

const TEXT: &str = "Kyiv’s envoy spoke on Sunday.\n\nZelenskyy invited Putin to Istanbul for talks on May 15. About 1,000 soldiers were freed.";

fn span_of(text: &str, needle: &str) -> Span {
    let start = text.find(needle).expect("needle in text");
    Span::new(start, start + needle.len())
}

fn zelenskyy() -> Actor {
    Actor {
        entity: "person:volodymyr-zelenskyy".into(),
        name: "Volodymyr Zelenskyy".into(),
        code: "UKRGOV".into(),
        country: Some("UKR".into()),
        role: Some("GOV".into()),
        kind: ActorKind::Person,
    }
}

fn putin() -> Actor {
    Actor {
        entity: "person:vladimir-putin".into(),
        name: "Vladimir Putin".into(),
        code: "RUSGOV".into(),
        country: Some("RUS".into()),
        role: Some("GOV".into()),
        kind: ActorKind::Person,
    }
}

fn istanbul() -> Place {
    Place {
        name: "Istanbul".into(),
        country: Some("TUR".into()),
        lat: Some(41.0082),
        lon: Some(28.9784),
        kind: "city".into(),
        fips: Some("TU".into()),
        adm1: Some("TU34".into()),
        geonames_id: Some(745_044),
        precision: Some(PlacePrecision::City),
    }
}

fn doc_with(id: &str, url: Option<&str>, text: &str) -> AnalyzedDocument {
    let s0 = span_of(text, "Kyiv’s envoy spoke on Sunday.");
    let s1_start = text.find("Zelenskyy").unwrap_or(0);
    let s1_end = text.find(" About").unwrap_or(text.len());
    let s1 = Span::new(s1_start, s1_end);
    let s2 = Span::new(text.find("About").unwrap_or(text.len()), text.len());
    let quantity = Quantity {
        sentence: 2,
        span: span_of(text, "1,000"),
        value: 1000.0,
        unit: "soldiers".into(),
        text: "1,000".into(),
        ..Default::default()
    };
    AnalyzedDocument {
        doc: CleanDocument {
            id: id.into(),
            path: format!("examples/{id}.txt"),
            format: Format::Text,
            meta: Metadata {
                url: url.map(str::to_string),
                title: Some("Talks in Istanbul".into()),
                outlet: Some("Reuters".into()),
                published: Some("2025-05-12T08:00:00Z".into()),
                captured: None,
            },
            extracted: format!("Share this\n{text}"),
            text: text.into(),
            segments: vec![Segment {
                clean: Span::new(0, text.len()),
                raw_start: 11,
            }],
            cited_sources: vec!["Ukrinform".into(), "TASS".into()],
            removed: vec![Removed {
                text: "Share this".into(),
                reason: "share".into(),
            }],
            warnings: vec!["lossy decoding".into()],
        },
        published: Published {
            date: date(2025, 5, 12),
            source: DateSource::Metadata,
        },
        sentences: vec![
            Sentence { index: 0, span: s0 },
            Sentence { index: 1, span: s1 },
            Sentence { index: 2, span: s2 },
        ],
        actors: vec![
            ActorMention {
                sentence: 1,
                span: span_of(text, "Zelenskyy"),
                actor: zelenskyy(),
                form: MentionForm::Alias,
            },
            ActorMention {
                sentence: 1,
                span: span_of(text, "Putin"),
                actor: putin(),
                form: MentionForm::Name,
            },
        ],
        places: vec![PlaceMention {
            sentence: 1,
            span: span_of(text, "Istanbul"),
            place: istanbul(),
        }],
        dates: vec![
            DateMention {
                sentence: 0,
                span: span_of(text, "Sunday"),
                range: DateRange::day(date(2025, 5, 11)),
            },
            DateMention {
                sentence: 1,
                span: span_of(text, "May 15"),
                range: DateRange {
                    start: Some(date(2025, 5, 15)),
                    end: Some(date(2025, 5, 16)),
                    precision: DatePrecision::Day,
                    ..Default::default()
                },
            },
        ],
        quantities: vec![quantity],
        unresolved: vec![
            UnresolvedName {
                sentence: 0,
                span: span_of(text, "Kyiv’s"),
                text: "Kyiv’s".into(),
            },
            UnresolvedName {
                sentence: 1,
                span: span_of(text, "Istanbul"),
                text: "Istanbul".into(),
            },
            UnresolvedName {
                sentence: 2,
                span: span_of(text, "About"),
                text: "Istanbul".into(),
            },
        ],
        language: Default::default(),
    }
}

fn events_for(doc: &AnalyzedDocument) -> Vec<CodedEvent> {
    let text = &doc.doc.text;
    let s1 = doc.sentences[1];
    let s2 = doc.sentences[2];
    vec![
        CodedEvent {
            source: Some(zelenskyy()),
            target: Some(putin()),
            cameo: "036".into(),
            status: Status::Proposed,
            date: DateRange {
                start: Some(date(2025, 5, 15)),
                end: Some(date(2025, 5, 16)),
                precision: DatePrecision::Day,
                approximate: true,
            },
            location: Some(istanbul()),
            quantities: vec![],
            symmetric: false,
            evidence: Evidence {
                sentence: 1,
                sentence_span: s1.span,
                trigger: span_of(text, "invited"),
                date_from: Default::default(),
            },
            confidence: 0.8125,
            rule: "invite+to talks".into(),
        },
        CodedEvent {
            source: None,
            target: Some(Actor {
                entity: "agent:UKRMIL".into(),
                name: "Ukrainian soldiers".into(),
                code: "UKRMIL".into(),
                country: Some("UKR".into()),
                role: Some("MIL".into()),
                kind: ActorKind::Agent,
            }),
            cameo: "0841".into(),
            status: Status::Occurred,
            date: DateRange::unknown(),
            location: None,
            quantities: doc.quantities.clone(),
            symmetric: true,
            evidence: Evidence {
                sentence: 2,
                sentence_span: s2.span,
                trigger: span_of(text, "freed"),
                date_from: Default::default(),
            },
            confidence: 0.3,
            rule: "free".into(),
        },
    ]
}

fn temp_store() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("chronicler.db");
    (dir, path)
}

fn assert_sound(store: &Store) {
    assert_eq!(
        store.integrity_check().expect("integrity check"),
        Vec::<String>::new()
    );
}

#[test]
fn round_trip_document_and_events() {
    let (_dir, path) = temp_store();
    let mut store = Store::open(&path).expect("open");
    let doc = doc_with("a", Some("https://example.com/a"), TEXT);
    let events = events_for(&doc);
    assert_eq!(
        store.write_document(&doc, &events).expect("write"),
        WriteOutcome::Inserted
    );

    let docs = store.documents().expect("documents");
    assert_eq!(docs.len(), 1);
    let row = &docs[0];
    assert_eq!(row.id, "a");
    assert_eq!(row.path, "examples/a.txt");
    assert_eq!(row.format, "text");
    assert_eq!(row.url.as_deref(), Some("https://example.com/a"));
    assert_eq!(row.title.as_deref(), Some("Talks in Istanbul"));
    assert_eq!(row.outlet.as_deref(), Some("Reuters"));
    assert_eq!(row.published, "2025-05-12");
    assert_eq!(row.published_source, "metadata");
    assert_eq!(row.sentences, 3);
    assert_eq!(row.events, 2);
    assert_eq!(
        row.cited_sources,
        vec!["Ukrinform".to_string(), "TASS".to_string()]
    );
    assert_eq!(store.document("a").expect("document").as_ref(), Some(row));
    assert_eq!(store.document("zzz").expect("document"), None);
    assert_eq!(
        store.document_text("a").expect("text").as_deref(),
        Some(TEXT)
    );
    assert_eq!(store.document_text("zzz").expect("text"), None);

    let stored = store.coded_events().expect("events");
    assert_eq!(stored.len(), 2);
    for (s, e) in stored.iter().zip(&events) {
        assert_eq!(&s.event, e, "event reconstructed exactly");
        assert_eq!(
            (
                &s.doc.id,
                &s.doc.path,
                &s.doc.url,
                &s.doc.outlet,
                &s.doc.published
            ),
            (&row.id, &row.path, &row.url, &row.outlet, &row.published)
        );
        let span = e.evidence.sentence_span;
        assert_eq!(s.sentence, span.slice(TEXT));
        assert_eq!(s.start, char_offset(TEXT, span.start));
        assert_eq!(s.end, char_offset(TEXT, span.end));
        // Character offsets, not bytes: the curly apostrophe is 3 bytes.
        assert_eq!(s.start, span.start - 2);
        let chars: String = TEXT.chars().skip(s.start).take(s.end - s.start).collect();
        assert_eq!(chars, s.sentence);
    }

    let stats = store.stats().expect("stats");
    assert_eq!(
        stats,
        Stats {
            documents: 1,
            sentences: 3,
            actor_mentions: 2,
            coded_events: 2,
            outlets: 1,
            first_published: Some("2025-05-12".into()),
            last_published: Some("2025-05-12".into()),
            schema_version: SCHEMA_VERSION,
            waiting_for_search: 0,
        }
    );
    assert_eq!(
        store.unresolved_names().expect("unresolved"),
        vec![("Istanbul".to_string(), 2), ("Kyiv’s".to_string(), 1)]
    );
    let hits = store.search("zelenskyy", 10).expect("search");
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].id, "a");
    assert!(store.search("talks", 10).expect("search title").len() == 1);
    assert!(store
        .search("nonexistentword", 10)
        .expect("search")
        .is_empty());
    assert!(
        store.search("\"unbalanced", 10).is_err(),
        "bad FTS syntax is an error"
    );
    assert_sound(&store);
}

#[test]
fn documents_are_ordered_by_date_then_id_and_events_by_doc() {
    let (_dir, path) = temp_store();
    let mut store = Store::open(&path).expect("open");
    let mut b = doc_with("b", None, TEXT);
    b.published.date = date(2025, 5, 1);
    let c = doc_with("c", None, &format!("{TEXT} More."));
    let a = doc_with("a", None, &format!("{TEXT} Other."));
    for d in [&c, &b, &a] {
        let ev = events_for(d);
        assert_eq!(
            store.write_document(d, &ev).expect("write"),
            WriteOutcome::Inserted
        );
    }
    let ids: Vec<String> = store
        .documents()
        .expect("docs")
        .into_iter()
        .map(|d| d.id)
        .collect();
    assert_eq!(ids, ["b", "a", "c"]);
    let ev: Vec<(String, usize)> = store
        .coded_events()
        .expect("events")
        .into_iter()
        .map(|e| (e.doc.id, e.event.evidence.sentence))
        .collect();
    assert_eq!(
        ev,
        [
            ("a".to_string(), 1),
            ("a".to_string(), 2),
            ("b".to_string(), 1),
            ("b".to_string(), 2),
            ("c".to_string(), 1),
            ("c".to_string(), 2)
        ]
    );
    let stats = store.stats().expect("stats");
    assert_eq!(stats.first_published.as_deref(), Some("2025-05-01"));
    assert_eq!(stats.last_published.as_deref(), Some("2025-05-12"));
}

#[test]
fn duplicates_by_id_url_or_content_add_nothing() {
    let (_dir, path) = temp_store();
    let mut store = Store::open(&path).expect("open");
    let doc = doc_with("a", Some("https://example.com/a"), TEXT);
    let events = events_for(&doc);
    store.write_document(&doc, &events).expect("write");
    let before = store.stats().expect("stats");

    // Same id, different URL and text.
    let same_id = doc_with("a", Some("https://example.com/other"), &format!("{TEXT} x"));
    // Same URL, different id and text.
    let same_url = doc_with("b", Some("https://example.com/a"), &format!("{TEXT} y"));
    // Same clean text, different id and URL.
    let same_text = doc_with("c", Some("https://example.com/c"), TEXT);
    // Same clean text, no URL.
    let same_text_no_url = doc_with("d", None, TEXT);
    for d in [&same_id, &same_url, &same_text, &same_text_no_url] {
        assert_eq!(
            store.write_document(d, &events_for(d)).expect("write"),
            WriteOutcome::Duplicate("a".into()),
            "{}",
            d.doc.id
        );
        assert!(store
            .contains(&d.doc.id, d.doc.meta.url.as_deref(), &d.doc.text)
            .expect("contains"));
    }
    assert_eq!(store.stats().expect("stats"), before);

    // Empty URLs never match each other.
    let e1 = doc_with("e1", Some(""), &format!("{TEXT} e1"));
    let e2 = doc_with("e2", Some(""), &format!("{TEXT} e2"));
    assert!(!store
        .contains("e1", Some(""), &e1.doc.text)
        .expect("contains"));
    assert_eq!(
        store.write_document(&e1, &[]).expect("write"),
        WriteOutcome::Inserted
    );
    assert_eq!(
        store.write_document(&e2, &[]).expect("write"),
        WriteOutcome::Inserted
    );
    assert_eq!(store.stats().expect("stats").documents, 3);
    assert!(!store
        .contains("new", Some("https://example.com/new"), "fresh text")
        .expect("contains"));
    // A document with no clean text stored (the library lets a caller
    // write one) is not the duplicate of every document checked before
    // its text is known (empty `content`).
    assert_eq!(
        store
            .write_document(&common::doc("blank", ""), &[])
            .expect("write"),
        WriteOutcome::Inserted
    );
    assert!(!store.contains("new", None, "").expect("contains"));
    assert!(store.contains("blank", None, "").expect("contains"));
    assert_eq!(content_hash(TEXT), content_hash(TEXT));
    assert_eq!(content_hash(TEXT).len(), 16);
    assert_sound(&store);
}

#[test]
fn migration_from_an_empty_file_and_reopening() {
    let (_dir, path) = temp_store();
    std::fs::write(&path, b"").expect("empty file");
    {
        let mut store = Store::open(&path).expect("open empty file");
        assert_eq!(store.schema_version().expect("version"), SCHEMA_VERSION);
        let doc = doc_with("a", None, TEXT);
        store
            .write_document(&doc, &events_for(&doc))
            .expect("write");
    }
    {
        // Reopening keeps everything and migrates nothing.
        let store = Store::open(&path).expect("reopen");
        assert_eq!(store.stats().expect("stats").documents, 1);
        assert_eq!(store.coded_events().expect("events").len(), 2);
        assert_sound(&store);
    }
    let ro = Store::open_read_only(&path).expect("read-only open");
    assert!(ro.is_read_only());
    assert_eq!(ro.stats().expect("stats").coded_events, 2);
    assert_eq!(ro.path(), path.as_path());
}

/// A store written before schema version 8 (no gazetteer codes, no date
/// hedge) upgrades in place; its rows read back with those fields unset
/// and everything else as written.
#[test]
fn rows_written_before_the_place_codes_read_back_without_them() {
    let (_dir, path) = temp_store();
    let doc = doc_with("a", None, TEXT);
    let events = events_for(&doc);
    {
        let mut store = Store::open(&path).expect("open");
        store.write_document(&doc, &events).expect("write");
    }
    // Take the store back to version 7, as that release wrote it.
    let conn = rusqlite::Connection::open(&path).expect("raw open");
    common::undo_place_codes(&conn, 7);
    drop(conn);
    assert!(matches!(
        Store::open_read_only(&path),
        Err(StoreError::NeedsMigration { found: 7, .. })
    ));
    let mut store = Store::open(&path).expect("upgrade");
    assert_eq!(store.schema_version().expect("version"), SCHEMA_VERSION);
    assert_sound(&store);
    let stored = store.coded_events().expect("events");
    assert_eq!(stored.len(), events.len());
    let old = &stored[0].event;
    let place = old.location.as_ref().expect("located");
    assert_eq!(
        (&place.fips, &place.adm1, place.geonames_id, place.precision),
        (&None, &None, None, None)
    );
    assert!(!old.date.approximate);
    // Everything else is as written.
    let mut expected = events[0].clone();
    expected.date.approximate = false;
    expected.location = Some(Place {
        fips: None,
        adm1: None,
        geonames_id: None,
        precision: None,
        ..istanbul()
    });
    assert_eq!(old, &expected);
    // A document written after the upgrade keeps its codes beside them.
    let b = doc_with("b", None, &format!("{TEXT} b"));
    store.write_document(&b, &events_for(&b)).expect("write");
    let stored = store.coded_events().expect("events");
    let new = stored.iter().find(|s| s.doc.id == "b").expect("b's event");
    assert_eq!(new.event, events_for(&b)[0]);
    assert!(new.event.date.approximate);
}

#[test]
fn a_newer_store_is_refused() {
    let (_dir, path) = temp_store();
    drop(Store::open(&path).expect("open"));
    let conn = rusqlite::Connection::open(&path).expect("raw open");
    conn.pragma_update(None, "user_version", SCHEMA_VERSION + 1)
        .expect("bump");
    drop(conn);
    assert!(matches!(Store::open(&path), Err(StoreError::TooNew { .. })));
    assert!(matches!(
        Store::open_read_only(&path),
        Err(StoreError::TooNew { .. })
    ));
}

#[test]
fn read_only_open_of_a_missing_store_names_the_path() {
    let (_dir, path) = temp_store();
    let err = Store::open_read_only(&path).expect_err("missing");
    assert!(matches!(&err, StoreError::NotFound { path: p } if p == &path));
    assert!(err.to_string().contains(&path.display().to_string()));
    assert!(!path.exists(), "a read-only open creates nothing");
}

#[test]
fn read_only_open_of_an_unmigrated_file_asks_for_migration() {
    let (_dir, path) = temp_store();
    std::fs::write(&path, b"").expect("empty file");
    assert!(matches!(
        Store::open_read_only(&path),
        Err(StoreError::NeedsMigration { found: 0, .. })
    ));
}

#[test]
fn open_in_a_missing_directory_is_an_error() {
    let (dir, _) = temp_store();
    let path = dir.path().join("no/such/dir/store.db");
    assert!(matches!(Store::open(&path), Err(StoreError::Open { .. })));
}

#[test]
fn a_file_that_is_not_a_database_is_an_error() {
    let (_dir, path) = temp_store();
    std::fs::write(&path, "this is not a database, just some text ".repeat(50)).expect("write");
    assert!(Store::open(&path).is_err());
}

fn install_failing_trigger(path: &Path) {
    let conn = rusqlite::Connection::open(path).expect("raw open");
    conn.execute_batch(
        "CREATE TRIGGER fail_second_event BEFORE INSERT ON events
         WHEN NEW.ordinal = 1
         BEGIN SELECT RAISE(ABORT, 'injected failure'); END;",
    )
    .expect("trigger");
}

#[test]
fn a_write_failing_midway_leaves_nothing() {
    let (_dir, path) = temp_store();
    let mut store = Store::open(&path).expect("open");
    let first = doc_with("first", None, &format!("{TEXT} first"));
    store.write_document(&first, &[]).expect("write first");
    let before = store.stats().expect("stats");
    let names_before = store.unresolved_names().expect("unresolved");

    install_failing_trigger(&path);
    let doc = doc_with("a", Some("https://example.com/a"), TEXT);
    let events = events_for(&doc);
    let err = store
        .write_document(&doc, &events)
        .expect_err("injected failure");
    let msg = err.to_string();
    assert!(msg.contains("writing document a"), "{msg}");
    assert!(msg.contains("inserting event 1"), "{msg}");

    assert_eq!(store.stats().expect("stats"), before);
    assert_eq!(store.document("a").expect("document"), None);
    assert!(!store
        .contains("a", Some("https://example.com/a"), TEXT)
        .expect("contains"));
    assert_eq!(store.unresolved_names().expect("unresolved"), names_before);
    let hits: Vec<String> = store
        .search("zelenskyy", 10)
        .expect("search")
        .into_iter()
        .map(|h| h.id)
        .collect();
    assert_eq!(hits, ["first"]);
    assert_sound(&store);

    // Once the cause is gone, the same write succeeds.
    let conn = rusqlite::Connection::open(&path).expect("raw open");
    conn.execute_batch("DROP TRIGGER fail_second_event")
        .expect("drop trigger");
    assert_eq!(
        store.write_document(&doc, &events).expect("write"),
        WriteOutcome::Inserted
    );
    assert_eq!(store.coded_events().expect("events").len(), 2);
    assert_sound(&store);
}

#[test]
fn writing_through_a_read_only_store_is_an_error_not_a_panic() {
    let (_dir, path) = temp_store();
    drop(Store::open(&path).expect("create"));
    let mut ro = Store::open_read_only(&path).expect("read-only");
    let doc = doc_with("a", None, TEXT);
    assert!(ro.write_document(&doc, &events_for(&doc)).is_err());
    assert_eq!(ro.stats().expect("stats").documents, 0);
    assert_sound(&ro);
}

#[test]
fn a_full_disk_rolls_back() {
    let (_dir, path) = temp_store();
    let mut store = Store::open(&path).expect("open");
    let small = doc_with("small", None, TEXT);
    store
        .write_document(&small, &events_for(&small))
        .expect("write");
    let before = store.stats().expect("stats");
    // Simulate a full disk: cap the database at its current size.
    let cap = store.set_max_page_count(1).expect("cap");
    assert!(cap >= 1, "{cap}");
    let big_text = format!("{TEXT} {}", "Lorem ipsum dolor sit amet. ".repeat(20_000));
    let big = doc_with("big", None, &big_text);
    let err = store
        .write_document(&big, &events_for(&big))
        .expect_err("disk full");
    assert!(err.to_string().contains("writing document big"), "{err}");
    assert_eq!(store.stats().expect("stats"), before);
    assert_sound(&store);
}

#[test]
fn two_connections_see_each_others_writes() {
    let (_dir, path) = temp_store();
    let mut a = Store::open(&path).expect("open a");
    let b = Store::open(&path).expect("open b");
    let doc = doc_with("a", None, TEXT);
    a.write_document(&doc, &events_for(&doc)).expect("write");
    assert!(b.contains("a", None, "").expect("contains"));
    assert_eq!(b.coded_events().expect("events").len(), 2);
}

#[cfg(unix)]
#[test]
fn a_read_only_file_gives_an_error_not_a_panic() {
    use std::os::unix::fs::PermissionsExt;
    let (dir, path) = temp_store();
    {
        let mut store = Store::open(&path).expect("open");
        let doc = doc_with("a", None, TEXT);
        store
            .write_document(&doc, &events_for(&doc))
            .expect("write");
    }
    let set_mode = |p: &Path, mode: u32| {
        std::fs::set_permissions(p, std::fs::Permissions::from_mode(mode)).expect("chmod");
    };
    set_mode(&path, 0o444);
    set_mode(dir.path(), 0o555);
    let writable = std::fs::OpenOptions::new().append(true).open(&path).is_ok();
    if !writable {
        // (Skipped when running as root: permissions do not bind.)
        match Store::open(&path) {
            Err(e) => assert!(!e.to_string().is_empty()),
            Ok(mut store) => {
                let doc = doc_with("b", None, &format!("{TEXT} b"));
                assert!(store.write_document(&doc, &[]).is_err());
            }
        }
    }
    set_mode(dir.path(), 0o755);
    set_mode(&path, 0o644);
    let store = Store::open(&path).expect("reopen");
    assert_eq!(store.stats().expect("stats").documents, 1);
    assert_sound(&store);
}

#[test]
fn an_isolated_write_rolls_back_a_failing_document_alone_and_the_batch_goes_on() {
    let (_dir, path) = temp_store();
    let mut store = Store::open(&path).expect("open");
    store
        .write_document(&doc_with("first", None, &format!("{TEXT} first")), &[])
        .expect("write first");
    install_failing_trigger(&path);
    let a = doc_with("a", Some("https://example.com/a"), &format!("{TEXT} a"));
    let b = doc_with("b", Some("https://example.com/b"), &format!("{TEXT} b"));
    let c = doc_with("c", Some("https://example.com/c"), &format!("{TEXT} c"));
    let a_again = doc_with("a", None, &format!("{TEXT} a again"));
    let mut batch = store.begin_batch().expect("begin");
    assert_eq!(
        batch.write_document(&a, &[], None).expect("a"),
        WriteOutcome::Inserted
    );
    // Two events: the trigger refuses the second, so b rolls back alone.
    let err = batch
        .write_document_isolated(&b, &events_for(&b), None)
        .expect_err("injected failure");
    assert!(err.is_document_fault(), "{err}");
    assert!(err.to_string().contains("writing document b"), "{err}");
    assert_eq!(
        batch.write_document(&c, &[], None).expect("c"),
        WriteOutcome::Inserted
    );
    // A duplicate of a document written earlier in the same batch.
    assert_eq!(
        batch.write_document(&a_again, &[], None).expect("a again"),
        WriteOutcome::Duplicate("a".into())
    );
    batch.commit().expect("commit");
    let ids: Vec<String> = store
        .documents()
        .expect("documents")
        .into_iter()
        .map(|d| d.id)
        .collect();
    assert_eq!(ids.len(), 3, "{ids:?}");
    assert!(ids.contains(&"a".to_string()) && ids.contains(&"c".to_string()));
    assert_eq!(store.document("b").expect("document"), None);
    assert!(store.coded_events().expect("events").is_empty());
    assert_eq!(
        store.consistency_check().expect("check"),
        Vec::<String>::new()
    );
    assert_sound(&store);
}

#[test]
fn a_dropped_batch_keeps_nothing_and_readers_see_nothing_before_the_commit() {
    let (_dir, path) = temp_store();
    let mut store = Store::open(&path).expect("open");
    let reader = Store::open_read_only(&path).expect("reader");
    {
        let mut batch = store.begin_batch().expect("begin");
        let a = doc_with("a", None, &format!("{TEXT} a"));
        batch.write_document(&a, &events_for(&a), None).expect("a");
        assert_eq!(reader.stats().expect("stats").documents, 0);
        // Dropped without a commit: rolled back.
    }
    assert_eq!(store.stats().expect("stats").documents, 0);
    let mut batch = store.begin_batch().expect("begin");
    let a = doc_with("a", None, &format!("{TEXT} a"));
    batch.write_document(&a, &events_for(&a), None).expect("a");
    batch.commit().expect("commit");
    assert_eq!(reader.stats().expect("stats").documents, 1);
    assert_eq!(reader.coded_events().expect("events").len(), 2);
}

/// Paging through the documents (publication day, then id) gives every
/// document once, in the order of the whole list, with the total.
#[test]
fn document_pages_follow_the_list() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("s.db")).unwrap();
    for (i, day) in [3, 1, 2, 1, 3, 2, 1].into_iter().enumerate() {
        let mut d = common::doc(&format!("d{}", 7 - i), &format!("Text number {i}."));
        d.published.date = jiff::civil::date(2026, 1, day);
        store.write_document(&d, &[]).unwrap();
    }
    let all: Vec<String> = store
        .documents()
        .unwrap()
        .into_iter()
        .map(|d| d.id)
        .collect();
    assert_eq!(all.len(), 7);
    let mut paged = Vec::new();
    let mut after: Option<(String, String)> = None;
    loop {
        let (page, total) = store
            .documents_page(after.as_ref().map(|(a, b)| (a.as_str(), b.as_str())), 3)
            .unwrap();
        assert_eq!(total, 7);
        let Some(last) = page.last() else { break };
        after = Some((last.published.clone(), last.id.clone()));
        paged.extend(page.into_iter().map(|d| d.id));
    }
    assert_eq!(paged, all);
}

#[test]
fn a_read_snapshot_sees_the_store_as_it_was_until_it_ends() {
    let (_dir, path) = temp_store();
    let mut writer = Store::open(&path).expect("open");
    let a = doc_with("a", None, &format!("{TEXT} a"));
    writer.write_document(&a, &events_for(&a)).expect("a");
    let reader = Store::open_read_only(&path).expect("reader");
    {
        let _snapshot = reader.read_snapshot().expect("snapshot");
        assert_eq!(reader.stats().expect("stats").documents, 1);
        // Nested: the outer snapshot holds.
        let inner = reader.read_snapshot().expect("inner");
        let b = doc_with("b", None, &format!("{TEXT} b"));
        writer.write_document(&b, &events_for(&b)).expect("b");
        drop(inner);
        assert_eq!(reader.stats().expect("stats").documents, 1);
        assert_eq!(reader.coded_events().expect("events").len(), 2);
    }
    // Ended: the next read sees the commit.
    assert_eq!(reader.stats().expect("stats").documents, 2);
    assert_eq!(reader.coded_events().expect("events").len(), 4);
}
