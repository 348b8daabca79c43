//! Migration 0015 keeps a document's actor, place, date and quantity
//! mentions and unresolved names in one row per document; the old tables are views of
//! the same names and columns. A store written before upgrades in place,
//! and SQL over the old tables, the reports and the checks read the same.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use chronicler_core::*;
use chronicler_store::*;
use jiff::civil::date;
use rusqlite::types::Value;

mod common;

const TEXT: &str = "Envoys met Olena Kravets in Gaza on May 7.\n\
                    About 1,000 people and 38 aides waited in Cairo.\n\
                    Ivan Petrenko said nothing.";

/// A document whose lines are sentences, with the mentions of `TEXT`
/// that its text holds (names: their first occurrence).
fn mentioned(id: &str, text: &str) -> AnalyzedDocument {
    let mut d = common::doc(id, text);
    let at = |s: &str| {
        text.find(s)
            .map(|i| (text[..i].matches('\n').count(), Span::new(i, i + s.len())))
    };
    for (form, entity, code, kind, mention) in [
        (
            "Envoys",
            "agent:GOV",
            "GOV",
            ActorKind::Agent,
            MentionForm::Name,
        ),
        (
            "people",
            "agent:CVL",
            "CVL",
            ActorKind::Agent,
            MentionForm::Name,
        ),
        (
            "aides",
            "agent:GOV",
            "GOV",
            ActorKind::Agent,
            MentionForm::Alias,
        ),
        (
            "Egypt",
            "state:EGY",
            "EGY",
            ActorKind::State,
            MentionForm::Name,
        ),
    ] {
        if let Some((sentence, span)) = at(form) {
            d.actors.push(ActorMention {
                sentence,
                span,
                actor: Actor {
                    entity: entity.into(),
                    name: entity.into(),
                    code: code.into(),
                    country: (kind == ActorKind::State).then(|| code.to_string()),
                    role: None,
                    kind,
                },
                form: mention,
            });
        }
    }
    if let Some((sentence, span)) = at("Gaza") {
        d.places.push(PlaceMention {
            sentence,
            span,
            place: Place {
                name: "Gaza".into(),
                country: Some("PSE".into()),
                lat: Some(31.5),
                lon: Some(34.0),
                kind: "city".into(),
                fips: Some("GZ".into()),
                adm1: None,
                geonames_id: Some(281_133),
                precision: Some(PlacePrecision::City),
            },
        });
    }
    if let Some((sentence, span)) = at("Cairo") {
        d.places.push(PlaceMention {
            sentence,
            span,
            place: Place {
                name: "Cairo".into(),
                kind: "city".into(),
                ..Default::default()
            },
        });
    }
    if let Some((sentence, span)) = at("May 7") {
        d.dates.push(DateMention {
            sentence,
            span,
            range: DateRange {
                start: Some(date(2026, 5, 7)),
                end: None,
                precision: DatePrecision::Day,
                approximate: true,
            },
        });
    }
    for (what, value, unit) in [
        ("1,000 people", 1000.0, "people"),
        ("38 aides", 38.5, "aides"),
    ] {
        if let Some((sentence, span)) = at(what) {
            d.quantities.push(Quantity {
                sentence,
                span,
                value,
                unit: unit.into(),
                text: what.into(),
                ..Default::default()
            });
        }
    }
    for name in ["Olena Kravets", "Ivan Petrenko"] {
        if let Some((sentence, span)) = at(name) {
            d.unresolved.push(UnresolvedName {
                sentence,
                span,
                text: name.into(),
            });
        }
    }
    d
}

/// Every row of `table` (a table or a view), typed as SQLite returns it.
fn rows(conn: &rusqlite::Connection, table: &str) -> Vec<Vec<Value>> {
    let mut st = conn.prepare(&format!("SELECT * FROM {table}")).unwrap();
    let n = st.column_count();
    let rows = st
        .query_map([], |r| (0..n).map(|i| r.get::<_, Value>(i)).collect())
        .unwrap();
    rows.collect::<Result<_, _>>().unwrap()
}

const TABLES: [&str; 5] = [
    "actor_mentions",
    "place_mentions",
    "date_mentions",
    "quantities",
    "unresolved_names",
];

fn kind(conn: &rusqlite::Connection, name: &str) -> String {
    conn.query_row(
        "SELECT type FROM sqlite_schema WHERE name = ?1",
        [name],
        |r| r.get(0),
    )
    .unwrap()
}

#[test]
fn the_old_tables_read_as_the_writer_wrote_them() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.db");
    let mut store = Store::open(&path).unwrap();
    store.write_document(&mentioned("a", TEXT), &[]).unwrap();
    // A document with no such mention has no packed row, and no rows.
    store
        .write_document(&common::doc("b", "Nothing here."), &[])
        .unwrap();
    drop(store);
    let conn = rusqlite::Connection::open(&path).unwrap();
    for t in TABLES {
        assert_eq!(kind(&conn, t), "view", "{t}");
    }
    use Value::{Integer as I, Null, Real as R, Text as T};
    let t = |s: &str| T(s.into());
    assert_eq!(
        rows(&conn, "place_mentions"),
        vec![
            vec![
                I(1),
                I(0),
                I(28),
                I(32),
                t("Gaza"),
                t("PSE"),
                R(31.5),
                R(34.0),
                t("city"),
                t("GZ"),
                Null,
                I(281_133),
                t("city")
            ],
            vec![
                I(1),
                I(1),
                I(85),
                I(90),
                t("Cairo"),
                Null,
                Null,
                Null,
                t("city"),
                Null,
                Null,
                Null,
                Null
            ],
        ]
    );
    assert_eq!(
        rows(&conn, "date_mentions"),
        vec![vec![
            I(1),
            I(0),
            I(36),
            I(41),
            t("2026-05-07"),
            Null,
            t("day"),
            I(1)
        ]]
    );
    assert_eq!(
        rows(&conn, "quantities"),
        vec![
            vec![
                I(1),
                I(1),
                I(49),
                I(61),
                R(1000.0),
                t("people"),
                t("1,000 people")
            ],
            vec![I(1), I(1), I(66), I(74), R(38.5), t("aides"), t("38 aides")],
        ]
    );
    assert_eq!(
        rows(&conn, "unresolved_names"),
        vec![
            vec![I(1), I(0), I(11), I(24), t("Olena Kravets")],
            vec![I(1), I(2), I(92), I(105), t("Ivan Petrenko")],
        ]
    );
    let packed: i64 = conn
        .query_row("SELECT count(*) FROM doc_mentions", [], |r| r.get(0))
        .unwrap();
    assert_eq!(packed, 1);
}

#[test]
fn a_store_written_before_upgrades_and_reads_the_same() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.db");
    {
        let mut store = Store::open(&path).unwrap();
        store.write_document(&mentioned("a", TEXT), &[]).unwrap();
        let other = "Olena Kravets flew to Gaza from Egypt.\nShe left.";
        store.write_document(&mentioned("b", other), &[]).unwrap();
        store
            .write_document(&common::doc("c", "Nothing here."), &[])
            .unwrap();
    }
    // As version 14 kept them, plus rows only an older writer made (a date
    // without its hedge, from before 0008) and a third name.
    let conn = rusqlite::Connection::open(&path).unwrap();
    common::undo_packed_mentions(&conn);
    conn.execute_batch(
        "INSERT INTO date_mentions VALUES (3, 0, 0, 7, '2025-01-01', '2025-12-31', 'year', NULL);
         INSERT INTO unresolved_names VALUES (2, 1, 39, 42, 'She');",
    )
    .unwrap();
    for t in TABLES {
        assert_eq!(kind(&conn, t), "table", "{t}");
    }
    let before: Vec<_> = TABLES.iter().map(|t| rows(&conn, t)).collect();
    drop(conn);
    assert!(matches!(
        Store::open_read_only(&path),
        Err(StoreError::NeedsMigration { found: 14, .. })
    ));
    // The reports as version 14 made them, by its queries (per actor and
    // per name, through the indexes 0015 drops), on a connection that does
    // not migrate.
    let old = {
        let conn = rusqlite::Connection::open(&path).unwrap();
        OldReports::read(&conn)
    };
    assert_eq!(old.names.len(), 3);
    assert_eq!(old.actors.len(), 3);

    let store = Store::open(&path).expect("upgrade");
    assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
    let conn = rusqlite::Connection::open(&path).unwrap();
    for (t, old) in TABLES.iter().zip(&before) {
        assert_eq!(kind(&conn, t), "view", "{t}");
        assert_eq!(&rows(&conn, t), old, "{t}");
    }
    let names: Vec<_> = store
        .unresolved_counts(5)
        .unwrap()
        .into_iter()
        .map(|u| {
            let contexts = u.contexts.into_iter().map(|c| (c.doc, c.sentence));
            (u.name, u.count, u.documents, contexts.collect())
        })
        .collect();
    assert_eq!(names, old.names);
    assert_eq!(
        names[0].3,
        vec![
            (
                "a".to_string(),
                "Envoys met Olena Kravets in Gaza on May 7.".to_string()
            ),
            (
                "b".to_string(),
                "Olena Kravets flew to Gaza from Egypt.".to_string()
            )
        ]
    );
    let counted: Vec<_> = names.iter().map(|n| (n.0.clone(), n.1)).collect();
    assert_eq!(store.unresolved_names().unwrap(), counted);
    let actors: Vec<_> = store
        .actor_counts()
        .unwrap()
        .into_iter()
        .map(|a| (a.entity, a.name, a.code, a.mentions, a.documents, a.forms))
        .collect();
    assert_eq!(actors, old.actors);
    assert_eq!(store.stats().unwrap().actor_mentions, old.actor_mentions);
    assert_eq!(store.integrity_check().unwrap(), Vec::<String>::new());
    assert_eq!(store.consistency_check().unwrap(), Vec::<String>::new());
}

/// Unresolved names: name, count, documents, contexts (document, sentence).
type OldNames = Vec<(String, usize, usize, Vec<(String, String)>)>;

/// Actors: entity, name, code, mentions, documents, forms.
type OldActors = Vec<(String, String, String, usize, usize, Vec<String>)>;

/// The reports of a version 14 store, read with the queries of that
/// version.
struct OldReports {
    names: OldNames,
    actors: OldActors,
    actor_mentions: usize,
}

impl OldReports {
    fn read(conn: &rusqlite::Connection) -> OldReports {
        let list = |sql: &str, p: &[&dyn rusqlite::ToSql]| -> Vec<Vec<Value>> {
            let mut st = conn.prepare(sql).unwrap();
            let n = st.column_count();
            let rows = st
                .query_map(p, |r| (0..n).map(|i| r.get::<_, Value>(i)).collect())
                .unwrap();
            rows.collect::<Result<_, _>>().unwrap()
        };
        let text = |v: &Value| match v {
            Value::Text(t) => t.clone(),
            other => panic!("not text: {other:?}"),
        };
        let int = |v: &Value| match v {
            Value::Integer(i) => *i as usize,
            other => panic!("not an integer: {other:?}"),
        };
        let sentence = "CAST(substr(CAST(d.clean_text AS BLOB), s.start_byte + 1,
                         s.end_byte - s.start_byte) AS TEXT)";
        let form = "CAST(substr(CAST(d.clean_text AS BLOB), m.start_byte + 1,
                     m.end_byte - m.start_byte) AS TEXT)";
        let names = list(
            "SELECT name, count(*) AS n, count(DISTINCT doc) FROM unresolved_names
             GROUP BY name ORDER BY n DESC, name",
            &[],
        )
        .into_iter()
        .map(|r| {
            let name = text(&r[0]);
            let contexts = list(
                &format!(
                    "SELECT d.id, {sentence} FROM unresolved_names u
                     JOIN documents d ON d.doc_key = u.doc
                     JOIN sentences s ON s.doc = u.doc AND s.idx = u.sentence
                     WHERE u.name = ?1 ORDER BY d.id, u.start_byte LIMIT 5"
                ),
                &[&name],
            )
            .iter()
            .map(|c| (text(&c[0]), text(&c[1])))
            .collect();
            (name, int(&r[1]), int(&r[2]), contexts)
        })
        .collect();
        let actors = list(
            "SELECT entity, min(name), code, min(kind), count(*), count(DISTINCT doc)
             FROM actor_mentions GROUP BY entity, code
             ORDER BY count(*) DESC, entity, code",
            &[],
        )
        .into_iter()
        .map(|r| {
            let (entity, code) = (text(&r[0]), text(&r[2]));
            let forms: Vec<String> = list(
                &format!(
                    "SELECT {form} AS surface, count(*) AS n
                     FROM actor_mentions m JOIN documents d ON d.doc_key = m.doc
                     WHERE m.entity = ?1 AND m.code = ?2
                     GROUP BY surface ORDER BY n DESC, surface LIMIT 3"
                ),
                &[&entity, &code],
            )
            .iter()
            .map(|f| text(&f[0]))
            .collect();
            let name = match forms.first() {
                Some(f) if text(&r[3]) == "agent" => f.clone(),
                _ => text(&r[1]),
            };
            (entity, name, code, int(&r[4]), int(&r[5]), forms)
        })
        .collect();
        let actor_mentions = int(&list("SELECT count(*) FROM actor_mentions", &[])[0][0]);
        OldReports {
            names,
            actors,
            actor_mentions,
        }
    }
}

#[test]
fn unresolved_names_list_their_first_sentences_by_document_and_position() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("s.db")).unwrap();
    // Written out of id order; "Olena Kravets" twice in "b".
    for (id, text) in [
        ("c", "Olena Kravets spoke.\nIvan Petrenko nodded."),
        (
            "b",
            "Later Olena Kravets left.\nThen Olena Kravets came back.",
        ),
        ("a", "Olena Kravets arrived."),
    ] {
        store.write_document(&mentioned(id, text), &[]).unwrap();
    }
    // Only the first occurrence of a name per document is recorded by
    // `mentioned`, so three documents, three mentions.
    assert_eq!(
        olena(&store, 3),
        (
            3,
            3,
            vec![
                "a: Olena Kravets arrived.".to_string(),
                "b: Later Olena Kravets left.".to_string(),
                "c: Olena Kravets spoke.".to_string()
            ]
        )
    );
    let two = store.unresolved_counts(2).unwrap();
    assert_eq!(two[0].contexts.len(), 2);
    assert!(store.unresolved_counts(0).unwrap()[0].contexts.is_empty());
}

#[test]
fn the_consistency_check_still_finds_mentions_of_missing_sentences() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.db");
    let mut store = Store::open(&path).unwrap();
    store.write_document(&mentioned("a", TEXT), &[]).unwrap();
    assert_eq!(store.consistency_check().unwrap(), Vec::<String>::new());
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.execute(
        "UPDATE doc_mentions SET unresolved = json_insert(unresolved, '$[#]',
             json_array(7, 0, 3, 'Nobody'))",
        [],
    )
    .unwrap();
    assert_eq!(
        store.consistency_check().unwrap(),
        vec!["1 unresolved_names rows whose sentence is not stored".to_string()]
    );
}

/// `stats` counts actor mentions from a row the writes keep (migration
/// 0024) instead of reading every document: the same number as the
/// `actor_mentions` view holds, as documents are written, their mentions
/// changed, and a document deleted.
#[test]
fn stats_count_every_actor_mention_without_reading_them() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.db");
    let mut store = Store::open(&path).unwrap();
    let conn = rusqlite::Connection::open(&path).unwrap();
    let viewed = || -> usize {
        let n: i64 = conn
            .query_row("SELECT count(*) FROM actor_mentions", [], |r| r.get(0))
            .unwrap();
        usize::try_from(n).unwrap()
    };
    assert_eq!(store.stats().unwrap().actor_mentions, 0);
    store.write_document(&mentioned("a", TEXT), &[]).unwrap();
    store
        .write_document(&mentioned("b", &format!("{TEXT}\nNo more.")), &[])
        .unwrap();
    let two = store.stats().unwrap().actor_mentions;
    assert!(two >= 2, "{two}");
    assert_eq!(two, viewed());
    conn.execute(
        "UPDATE doc_mentions SET actors = json_insert(actors, '$[#]', json('[0, 0, 3, \"x:x\", \"X\", \"XXX\", \"XXX\", \"\", \"person\", \"name\"]'))
         WHERE doc = (SELECT min(doc) FROM doc_mentions)",
        [],
    )
    .unwrap();
    assert_eq!(store.stats().unwrap().actor_mentions, two + 1);
    assert_eq!(store.stats().unwrap().actor_mentions, viewed());
    conn.execute(
        "DELETE FROM doc_mentions WHERE doc = (SELECT min(doc) FROM doc_mentions)",
        [],
    )
    .unwrap();
    assert_eq!(store.stats().unwrap().actor_mentions, viewed());
    assert!(viewed() > 0 && viewed() < two);
    assert_eq!(store.consistency_check().unwrap(), Vec::<String>::new());
}

/// The actors report names an actor by the three commonest ways the
/// articles write it, whatever kind of mention each is (a name, an alias):
/// counted by the text, most frequent first, then in text order.
#[test]
fn actors_list_their_three_commonest_surface_forms() {
    let text = "Kyiv said no. Ukraine said no. Kyiv agreed. Ukrainian envoys came. \
                Ukraine waited. Kyiv left. Ukrainians voted.";
    let mut d = common::doc("a", text);
    for (at, _) in text.match_indices(|c: char| c.is_uppercase()) {
        let end = text[at..].find([' ', '.']).map_or(text.len(), |e| at + e);
        d.actors.push(ActorMention {
            sentence: 0,
            span: Span::new(at, end),
            actor: Actor {
                entity: "state:UKR".into(),
                name: "Ukraine".into(),
                code: "UKR".into(),
                country: Some("UKR".into()),
                role: None,
                kind: ActorKind::State,
            },
            form: if text[at..end].starts_with("Ukrainian") {
                MentionForm::Adjective
            } else {
                MentionForm::Name
            },
        });
    }
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("s.db")).unwrap();
    store.write_document(&d, &[]).unwrap();
    let actors = store.actor_counts().unwrap();
    assert_eq!(actors.len(), 1);
    let a = &actors[0];
    assert_eq!((a.mentions, a.documents), (7, 1));
    // Kyiv 3, Ukraine 2, then Ukrainian and Ukrainians once each: the
    // first in text order (byte order) of those.
    assert_eq!(a.forms, ["Kyiv", "Ukraine", "Ukrainian"]);
}

/// A name's occurrence in a sentence the store does not hold (a damaged
/// store: the sentence index is past the document's sentences, or a
/// sentence row is gone) is counted but never shown: the next occurrence
/// in a stored sentence is.
#[test]
fn unresolved_names_show_only_stored_sentences() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.db");
    let mut store = Store::open(&path).unwrap();
    for (id, text) in [
        ("a", "Olena Kravets arrived."),
        ("a0", "Olena Kravets came."),
        ("b", "Olena Kravets left."),
        ("c", "Olena Kravets spoke."),
    ] {
        store.write_document(&mentioned(id, text), &[]).unwrap();
    }
    let conn = rusqlite::Connection::open(&path).unwrap();
    // "a0" (second by id) names her in sentence 7, past its one sentence.
    conn.execute(
        "UPDATE doc_mentions SET unresolved = json_set(unresolved, '$[0][0]', 7)
         WHERE doc = (SELECT doc_key FROM documents WHERE id = 'a0')",
        [],
    )
    .unwrap();
    // "b" has lost its sentence row.
    conn.execute(
        "DELETE FROM sentences WHERE doc = (SELECT doc_key FROM documents WHERE id = 'b')",
        [],
    )
    .unwrap();
    assert_eq!(
        olena(&store, 2),
        (
            4,
            4,
            vec![
                "a: Olena Kravets arrived.".to_string(),
                "c: Olena Kravets spoke.".to_string()
            ]
        )
    );
}

/// "Olena Kravets" in the report with `contexts` sentences: her count,
/// documents and sentences shown ("doc: sentence").
fn olena(store: &Store, contexts: usize) -> (usize, usize, Vec<String>) {
    let counts = store.unresolved_counts(contexts).unwrap();
    let u = counts
        .iter()
        .find(|u| u.name == "Olena Kravets")
        .expect("olena");
    let shown = u
        .contexts
        .iter()
        .map(|c| format!("{}: {}", c.doc, c.sentence))
        .collect();
    (u.count, u.documents, shown)
}
