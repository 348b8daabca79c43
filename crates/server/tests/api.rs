//! API integration tests: every route through `tower::ServiceExt::oneshot`
//! on the router (no socket), plus one test over a real loopback socket.
//!
//! The store is written with hand-built events on analyzed documents, so
//! these tests do not depend on what the coder finds.

#![allow(clippy::unwrap_used, clippy::expect_used)] // helpers of tests

use std::path::Path;

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use axum::Router;
use chronicler_core::*;
use chronicler_dict::Dictionaries;
use chronicler_pipeline::{Pipeline, PipelineOptions};
use chronicler_server::{router, ServerConfig};
use chronicler_store::Store;
use jiff::civil::date;
use serde_json::Value;
use tower::ServiceExt;

const DOC_A: &str = "Talks in Abu Dhabi\n\nUkrainian and Russian delegations held talks in Abu Dhabi on January 23 and 24. Russia returned the remains of 1,000 Ukrainian soldiers on January 29. A second round is scheduled for February 1.";
const DOC_B: &str = "Kyiv invites Putin\n\nZelenskyy invited Putin to Kyiv for talks. The Kremlin rejected the invitation.";

fn actor(code: &str, name: &str, country: &str) -> Actor {
    Actor {
        entity: format!("test:{code}"),
        name: name.into(),
        code: code.into(),
        country: Some(country.into()),
        role: (code.len() > 3).then(|| code[3..].to_string()),
        kind: ActorKind::State,
    }
}

fn raw(id: &str, text: &str, outlet: &str) -> RawDocument {
    RawDocument {
        id: id.into(),
        path: id.into(),
        format: Format::Text,
        meta: Metadata {
            url: Some(format!("https://{outlet}.example/{}", id.replace('/', "-"))),
            title: None,
            outlet: Some(outlet.into()),
            published: Some("2026-01-30".into()),
            captured: None,
        },
        body: chronicler_core::Body::Text(text.into()),
        warnings: vec![],
    }
}

/// An event on sentence `n` (counting from the first with `needle`).
fn event(
    doc: &AnalyzedDocument,
    needle: &str,
    cameo: &str,
    status: Status,
    day: Option<(jiff::civil::Date, jiff::civil::Date)>,
    source: Actor,
    target: Actor,
) -> CodedEvent {
    let text = &doc.doc.text;
    let at = text.find(needle).expect("needle");
    let s = doc
        .sentences
        .iter()
        .find(|s| s.span.start <= at && at < s.span.end)
        .expect("sentence");
    CodedEvent {
        source: Some(source),
        target: Some(target),
        cameo: cameo.into(),
        status,
        date: match day {
            Some((a, b)) => DateRange {
                start: Some(a),
                end: Some(b),
                precision: DatePrecision::Day,
                ..Default::default()
            },
            None => DateRange {
                start: None,
                end: None,
                precision: DatePrecision::Unknown,
                ..Default::default()
            },
        },
        location: None,
        quantities: vec![],
        symmetric: false,
        evidence: Evidence {
            sentence: s.index,
            sentence_span: s.span,
            trigger: Span::new(at, at + needle.len()),
            date_from: Default::default(),
        },
        confidence: 0.9,
        rule: "test".into(),
    }
}

/// A store with two documents and five events.
fn write_store(path: &Path) {
    let dicts = Dictionaries::builtin().unwrap();
    let pipeline = Pipeline::new(&dicts, PipelineOptions::new(date(2026, 2, 2)));
    let (a, _) = pipeline
        .process(raw("news/a.txt", DOC_A, "reuters"))
        .unwrap();
    let (b, _) = pipeline.process(raw("news/b.txt", DOC_B, "tass")).unwrap();
    let ukr = || actor("UKRGOV", "Ukraine", "UKR");
    let rus = || actor("RUSGOV", "Russia", "RUS");
    let d = |m, d| date(2026, m, d);
    let ev_a = vec![
        event(
            &a,
            "held talks",
            "046",
            Status::Occurred,
            Some((d(1, 23), d(1, 24))),
            ukr(),
            rus(),
        ),
        event(
            &a,
            "returned",
            "0874",
            Status::Occurred,
            Some((d(1, 29), d(1, 29))),
            rus(),
            ukr(),
        ),
        event(
            &a,
            "scheduled",
            "046",
            Status::Scheduled,
            Some((d(2, 1), d(2, 1))),
            rus(),
            ukr(),
        ),
    ];
    let ev_b = vec![
        event(&b, "invited", "036", Status::Proposed, None, ukr(), rus()),
        event(
            &b,
            "rejected",
            "125",
            Status::Occurred,
            Some((d(1, 30), d(1, 30))),
            rus(),
            ukr(),
        ),
    ];
    let mut store = Store::open(path).unwrap();
    store.write_document(&a, &ev_a).unwrap();
    store.write_document(&b, &ev_b).unwrap();
}

/// A store of the two example articles, through the whole pipeline.
fn write_examples(db: &Path) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let dicts = Dictionaries::builtin().unwrap();
    let pipeline = Pipeline::new(&dicts, PipelineOptions::new(date(2026, 2, 2)));
    let mut store = Store::open(db).unwrap();
    let examples = root.join("examples/articles").display().to_string();
    let summary = pipeline
        .ingest(&[examples], &mut store, &chronicler_pipeline::Silent)
        .unwrap();
    assert_eq!(summary.stored, 2);
}

struct Fixture {
    _dir: tempfile::TempDir,
    app: Router,
}

fn fixture() -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    write_store(&db);
    let app = router(ServerConfig::new(db)).unwrap();
    Fixture { _dir: dir, app }
}

fn ingest_fixture(max_body: usize) -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    let mut config = ServerConfig::new(db);
    config.allow_ingest = true;
    config.token = Some("s3cret".into());
    config.max_body = max_body;
    Fixture {
        app: router(config).unwrap(),
        _dir: dir,
    }
}

async fn send(app: &Router, req: Request<Body>) -> (StatusCode, Value) {
    let res = app.clone().oneshot(req).await.unwrap();
    let status = res.status();
    let bytes = axum::body::to_bytes(res.into_body(), usize::MAX)
        .await
        .unwrap();
    let v = serde_json::from_slice(&bytes).unwrap_or(Value::Null);
    (status, v)
}

async fn get(app: &Router, uri: &str) -> (StatusCode, Value) {
    send(app, Request::get(uri).body(Body::empty()).unwrap()).await
}

async fn get_ok(app: &Router, uri: &str) -> Value {
    let (s, v) = get(app, uri).await;
    assert_eq!(s, StatusCode::OK, "{uri}: {v}");
    v
}

fn ids(page: &Value) -> Vec<String> {
    page["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["id"].as_str().unwrap().to_string())
        .collect()
}

fn cameos(page: &Value) -> Vec<&str> {
    page["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["cameo"].as_str().unwrap())
        .collect()
}

#[tokio::test]
async fn events_are_listed_in_date_order_with_the_contract_fields() {
    let f = fixture();
    let page = get_ok(&f.app, "/api/events").await;
    assert_eq!(page["total"], 5);
    assert!(page["next_cursor"].is_null());
    // The undated event sorts at its report's day (2026-01-30).
    // Ties (the same day) are ordered by id.
    let c = cameos(&page);
    assert_eq!((c[0], c[1], c[4]), ("046", "0874", "046"), "{c:?}");
    let first = &page["events"][0];
    for field in [
        "id",
        "date",
        "date_end",
        "date_precision",
        "status",
        "source",
        "target",
        "cameo",
        "cameo_root",
        "quad_class",
        "goldstein",
        "plover",
        "location",
        "quantities",
        "mentions",
        "num_mentions",
        "num_sources",
        "num_articles",
        "confidence",
    ] {
        assert!(first.get(field).is_some(), "missing {field}");
    }
    assert_eq!(first["date"], "2026-01-23");
    assert_eq!(first["date_end"], "2026-01-24");
    assert_eq!(first["source"]["code"], "UKRGOV");
    assert_eq!(first["mentions"][0]["doc"], "news/a.txt");
    let newest = get_ok(&f.app, "/api/events?sort=-date").await;
    let mut c2 = cameos(&newest);
    c2.reverse();
    assert_eq!(c2, c);
}

#[tokio::test]
async fn events_are_filtered() {
    let f = fixture();
    let check = |uri: &'static str, want: &'static [&'static str]| {
        let app = f.app.clone();
        async move {
            let page = get_ok(&app, uri).await;
            assert_eq!(cameos(&page), want, "{uri}");
            assert_eq!(page["total"], want.len(), "{uri}");
        }
    };
    check("/api/events?cameo=04", &["046", "046"]).await;
    check("/api/events?status=scheduled", &["046"]).await;
    check(
        "/api/events?from=2026-01-29&to=2026-01-31",
        &["0874", "125"],
    )
    .await;
    check("/api/events?text=kremlin", &["125"]).await;
    check("/api/events?actor=RUSGOV&cameo=08", &["0874"]).await;
    check("/api/events?actor=russia&status=proposed", &["036"]).await;
    check("/api/events?country=ukr&quad_class=4", &[]).await;
    check("/api/events?quad_class=1", &["046", "036", "046"]).await;
    check("/api/events?cameo=12", &["125"]).await;
    check("/api/events?actor=nobody", &[]).await;
}

#[tokio::test]
async fn events_are_paginated_with_a_cursor() {
    let f = fixture();
    let all = ids(&get_ok(&f.app, "/api/events").await);
    for sort in ["date", "-date"] {
        let mut seen = Vec::new();
        let mut uri = format!("/api/events?limit=2&sort={sort}");
        for _ in 0..10 {
            let page = get_ok(&f.app, &uri).await;
            assert_eq!(page["total"], 5);
            seen.extend(ids(&page));
            match page["next_cursor"].as_str() {
                Some(c) => uri = format!("/api/events?limit=2&sort={sort}&cursor={c}"),
                None => break,
            }
        }
        let mut want = all.clone();
        if sort == "-date" {
            want.reverse();
        }
        assert_eq!(seen, want, "sort={sort}");
    }
    // Filters apply across pages.
    let p1 = get_ok(&f.app, "/api/events?cameo=04&limit=1").await;
    let c = p1["next_cursor"].as_str().unwrap();
    let p2 = get_ok(&f.app, &format!("/api/events?cameo=04&limit=1&cursor={c}")).await;
    assert_eq!(cameos(&p2), ["046"]);
    assert!(p2["next_cursor"].is_null());
}

#[tokio::test]
async fn bad_parameters_are_400_with_a_message() {
    let f = fixture();
    for (uri, says) in [
        ("/api/events?from=yesterday", "from=yesterday"),
        ("/api/events?to=2026-13-01", "to=2026-13-01"),
        ("/api/events?from=2026-02-01&to=2026-01-01", "after"),
        ("/api/events?status=maybe", "status=maybe"),
        ("/api/events?cameo=abc", "cameo=abc"),
        ("/api/events?quad_class=5", "quad_class=5"),
        ("/api/events?sort=name", "sort=name"),
        ("/api/events?limit=0", "limit=0"),
        ("/api/events?limit=5000", "limit=5000"),
        ("/api/events?cursor=zz", "cursor=zz"),
        ("/api/events?colour=red", "colour"),
        ("/api/timeline?status=maybe", "status=maybe"),
        ("/api/search", "q"),
        ("/api/search?q=%20%20", "q"),
        ("/api/search?q=talks&limit=x", "limit=x"),
        ("/api/search?q=talks&scope=web", "scope=web"),
    ] {
        let (s, v) = get(&f.app, uri).await;
        assert_eq!(s, StatusCode::BAD_REQUEST, "{uri}");
        let msg = v["error"].as_str().unwrap_or_default();
        assert!(msg.contains(says), "{uri}: {msg}");
    }
}

#[tokio::test]
async fn unknown_ids_and_routes_are_404() {
    let f = fixture();
    for uri in [
        "/api/events/nope",
        "/api/documents/nope",
        "/api/documents/news%2Fzzz.txt",
        "/api/nothing",
        "/assets/missing.js",
    ] {
        let (s, v) = get(&f.app, uri).await;
        assert_eq!(s, StatusCode::NOT_FOUND, "{uri}");
        if uri.starts_with("/api") {
            assert!(v["error"].as_str().is_some(), "{uri}: {v}");
        }
    }
}

#[tokio::test]
async fn one_event_has_all_its_mentions() {
    let f = fixture();
    let page = get_ok(&f.app, "/api/events?cameo=0874").await;
    let id = page["events"][0]["id"].as_str().unwrap();
    let e = get_ok(&f.app, &format!("/api/events/{id}")).await;
    assert_eq!(e["id"], id);
    assert_eq!(e["num_mentions"], 1);
    let m = &e["mentions"][0];
    let sentence = m["sentence"].as_str().unwrap();
    assert!(sentence.contains("returned the remains"), "{sentence}");
    // The offsets are characters into the clean text.
    let doc = get_ok(&f.app, "/api/documents/news%2Fa.txt").await;
    let text: Vec<char> = doc["text"].as_str().unwrap().chars().collect();
    let (s, t) = (
        m["start"].as_u64().unwrap() as usize,
        m["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(text[s..t].iter().collect::<String>(), sentence);
}

#[tokio::test]
async fn timeline_lists_filtered_entries() {
    let f = fixture();
    let all = get_ok(&f.app, "/api/timeline").await;
    let all = all.as_array().unwrap();
    assert_eq!(all.len(), 5);
    assert_eq!(all[0]["when"], "2026-01-23..2026-01-24");
    assert!(all.iter().any(|e| e["when"] == "reported 2026-01-30"));
    let s = get_ok(&f.app, "/api/timeline?status=scheduled").await;
    assert_eq!(s.as_array().unwrap().len(), 1);
    assert_eq!(s[0]["when"], "2026-02-01");
}

/// Events per day, for a chart of a store too large to load: each event
/// on the day it is placed at (an undated one on the day it was first
/// reported), filtered as the timeline is.
#[tokio::test]
async fn days_count_the_filtered_events_of_each_day() {
    let f = fixture();
    let days = get_ok(&f.app, "/api/days").await;
    let pairs: Vec<(&str, u64)> = days
        .as_array()
        .unwrap()
        .iter()
        .map(|d| (d["day"].as_str().unwrap(), d["events"].as_u64().unwrap()))
        .collect();
    // The talks of 23-24 January on their first day; the invitation,
    // undated, on the day its article was published (30 January), with
    // the rejection.
    assert_eq!(
        pairs,
        vec![
            ("2026-01-23", 1),
            ("2026-01-29", 1),
            ("2026-01-30", 2),
            ("2026-02-01", 1)
        ]
    );
    let total: u64 = pairs.iter().map(|p| p.1).sum();
    assert_eq!(total, get_ok(&f.app, "/api/events").await["total"]);
    let russia = get_ok(&f.app, "/api/days?actor=RUSGOV&status=occurred").await;
    assert_eq!(russia.as_array().unwrap().len(), 3, "{russia}");
    let scheduled = get_ok(&f.app, "/api/days?status=scheduled&from=2026-01-31").await;
    assert_eq!(
        scheduled,
        serde_json::json!([{"day": "2026-02-01", "events": 1}])
    );
    let (s, v) = get(&f.app, "/api/days?quad_class=9").await;
    assert_eq!(s, StatusCode::BAD_REQUEST, "{v}");
}

#[tokio::test]
async fn documents_are_listed_and_shown_with_evidence_spans() {
    let f = fixture();
    let page = get_ok(&f.app, "/api/documents").await;
    assert_eq!(page["total"], 2);
    assert!(page["next_cursor"].is_null());
    let docs = page["documents"].as_array().unwrap();
    assert_eq!(docs.len(), 2);
    assert!(docs
        .iter()
        .any(|d| d["id"] == "news/a.txt" && d["outlet"] == "reuters"));
    // One a page: the second page holds the other, and is the last.
    let first = get_ok(&f.app, "/api/documents?limit=1").await;
    assert_eq!(first["documents"].as_array().unwrap().len(), 1);
    assert_eq!(first["documents"][0], docs[0]);
    let cursor = first["next_cursor"].as_str().unwrap();
    let second = get_ok(&f.app, &format!("/api/documents?limit=1&cursor={cursor}")).await;
    assert_eq!(second["documents"][0], docs[1]);
    assert!(second["next_cursor"].is_null());
    assert_eq!(second["total"], 2);
    let d = get_ok(&f.app, "/api/documents/news%2Fa.txt").await;
    assert_eq!(d["document"]["id"], "news/a.txt");
    let text: Vec<char> = d["text"].as_str().unwrap().chars().collect();
    let spans = d["spans"].as_array().unwrap();
    assert_eq!(spans.len(), 3);
    let mut last = 0;
    for s in spans {
        let (a, b) = (
            s["start"].as_u64().unwrap() as usize,
            s["end"].as_u64().unwrap() as usize,
        );
        assert!(a >= last && a < b && b <= text.len(), "{s}");
        last = a;
        assert!(s["event_id"].as_str().is_some_and(|i| !i.is_empty()));
    }
}

#[tokio::test]
async fn search_finds_documents_and_sentences() {
    let f = fixture();
    let r = get_ok(&f.app, "/api/search?q=Abu%20Dhabi").await;
    let docs = r["documents"].as_array().unwrap();
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0]["id"], "news/a.txt");
    assert!(docs[0]["snippet"].as_str().unwrap().contains("Abu Dhabi"));
    // Sentences (FTS5 over every sentence): where each is, and the events it
    // is evidence for.
    let sentences = r["sentences"].as_array().unwrap();
    assert_eq!(sentences.len(), 1, "{r}");
    let hit = &sentences[0];
    let sentence = hit["sentence"].as_str().unwrap();
    assert!(sentence.contains("held talks"), "{hit}");
    assert!(hit["snippet"].as_str().unwrap().contains("Abu Dhabi"));
    assert_eq!(hit["doc"], "news/a.txt");
    assert_eq!(hit["index"], 0, "{hit}");
    let doc = get_ok(&f.app, "/api/documents/news%2Fa.txt").await;
    let text: Vec<char> = doc["text"].as_str().unwrap().chars().collect();
    let (a, b) = (
        hit["start"].as_u64().unwrap() as usize,
        hit["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(text[a..b].iter().collect::<String>(), sentence);
    let events = hit["events"].as_array().unwrap();
    assert_eq!(events.len(), 1, "{hit}");
    let e = get_ok(
        &f.app,
        &format!("/api/events/{}", events[0]["id"].as_str().unwrap()),
    )
    .await;
    assert_eq!(e["cameo"], "046");
    // Any sentence, not only evidence: words of two sentences of one
    // document find none; diacritics are folded.
    let (s, v) = get(&f.app, "/api/search?q=remains%20scheduled&scope=sentences").await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(v["sentences"].as_array().unwrap().len(), 0, "{v}");
    let folded = get_ok(&f.app, "/api/search?q=KR%C3%89MLIN&scope=sentences").await;
    assert_eq!(folded["sentences"].as_array().unwrap().len(), 1, "{folded}");
    // The scope picks one kind.
    let only = get_ok(&f.app, "/api/search?q=Abu%20Dhabi&scope=sentences").await;
    assert_eq!(only["documents"].as_array().unwrap().len(), 0);
    assert_eq!(only["sentences"].as_array().unwrap().len(), 1);
    let only = get_ok(&f.app, "/api/search?q=Abu%20Dhabi&scope=documents").await;
    assert_eq!(only["documents"].as_array().unwrap().len(), 1);
    assert_eq!(only["sentences"].as_array().unwrap().len(), 0);
    // FTS5 syntax in a query is taken literally, not an error.
    for q in ["%22unbalanced", "NEAR(", "a*%20OR", "-"] {
        get_ok(&f.app, &format!("/api/search?q={q}")).await;
    }
    let none = get_ok(&f.app, "/api/search?q=zebra").await;
    assert_eq!(none["documents"].as_array().unwrap().len(), 0);
}

/// The brief over HTTP: the same JSON as `chronicler brief --json`, for a
/// dyad and a day; the scheduled round moves from "coming up" to "past with
/// no outcome" once its day has gone.
#[tokio::test]
async fn the_brief_gives_the_state_of_play_on_a_day() {
    let f = fixture();
    let b = get_ok(&f.app, "/api/brief?dyad=UKR-RUS&as_of=2026-01-30").await;
    assert_eq!(b["as_of"], "2026-01-30");
    assert_eq!(b["scope"], "UKR – RUS");
    let rounds = b["rounds"].as_array().unwrap();
    let feb1 = rounds
        .iter()
        .find(|r| r["when"]["start"] == "2026-02-01")
        .unwrap_or_else(|| panic!("no 1 February round: {b}"));
    assert_eq!(feb1["state"], "scheduled", "{feb1}");
    assert_eq!(feb1["section"], "coming_up", "{feb1}");
    let src = &feb1["sources"][0];
    assert_eq!(src["doc"], "news/a.txt");
    assert!(src["sentence"].as_str().unwrap().contains("February 1"));
    assert!(src["event"].as_str().is_some_and(|e| !e.is_empty()));
    assert!(rounds
        .iter()
        .any(|r| r["when"]["start"] == "2026-01-23" && r["state"] == "held"));
    // The same as the CLI's JSON: the brief crate on the store's events.
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    write_store(&db);
    let events = chronicler_query::merged_events(&Store::open_read_only(&db).unwrap()).unwrap();
    let opts = chronicler_brief::BriefOptions {
        scope: chronicler_brief::Scope::dyad("UKR-RUS").unwrap(),
        as_of: Some(date(2026, 1, 30)),
        ..Default::default()
    };
    let store = Store::open_read_only(&db).unwrap();
    let texts: Vec<chronicler_brief::DocText> =
        chronicler_brief::documents_in_scope(&events, &opts)
            .into_iter()
            .map(|id| {
                let row = store.document(&id).unwrap().unwrap();
                chronicler_brief::DocText {
                    text: store.document_text(&id).unwrap().unwrap(),
                    doc: row.id,
                    url: row.url,
                    outlet: row.outlet,
                    published: Some(row.published),
                }
            })
            .collect();
    assert!(!texts.is_empty());
    let cli =
        serde_json::to_value(chronicler_brief::brief_with_texts(&events, &texts, &opts)).unwrap();
    assert_eq!(b, cli);
    // Later, the round is past with no reported outcome.
    let later = get_ok(&f.app, "/api/brief?dyad=RUS-UKR&as_of=2026-02-03").await;
    let feb1 = later["rounds"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["when"]["start"] == "2026-02-01")
        .cloned()
        .unwrap_or_default();
    assert_eq!(feb1["state"], "past_no_outcome", "{later}");
    // Without a day: the newest publication date; by actor; by story.
    let all = get_ok(&f.app, "/api/brief").await;
    assert_eq!(all["as_of"], "2026-01-30");
    let kremlin = get_ok(&f.app, "/api/brief?actor=Russia").await;
    assert!(kremlin["events"].as_u64().unwrap() > 0, "{kremlin}");
    let store = Store::open_read_only(&db).unwrap();
    let c = chronicler_query::consolidated(&store).unwrap();
    let story = chronicler_query::stories(&store, &c)
        .unwrap()
        .into_iter()
        .find(|s| s.documents.contains(&"news/a.txt".to_string()))
        .unwrap();
    let by_story = get_ok(&f.app, &format!("/api/brief?story={}", story.id)).await;
    assert!(by_story["scope"].as_str().unwrap().starts_with("story "));
    assert_eq!(
        by_story["events"].as_u64().unwrap() as usize,
        story.events.len()
    );
}

#[tokio::test]
async fn bad_brief_parameters_are_400_and_unknown_stories_404() {
    let f = fixture();
    for (uri, says) in [
        ("/api/brief?as_of=2026-13-01", "as_of=2026-13-01"),
        ("/api/brief?as_of=yesterday", "as_of=yesterday"),
        ("/api/brief?dyad=UKR", "dyad"),
        ("/api/brief?dyad=UKR-UKR", "dyad"),
        ("/api/brief?dyad=UKR-RUS&actor=Putin", "at most one"),
        ("/api/brief?recent_days=-1", "recent_days=-1"),
        ("/api/brief?colour=red", "colour"),
    ] {
        let (s, v) = get(&f.app, uri).await;
        assert_eq!(s, StatusCode::BAD_REQUEST, "{uri}: {v}");
        let msg = v["error"].as_str().unwrap_or_default();
        assert!(msg.contains(says), "{uri}: {msg}");
    }
    let (s, v) = get(&f.app, "/api/brief?story=st000000000000").await;
    assert_eq!(s, StatusCode::NOT_FOUND, "{v}");
}

#[tokio::test]
async fn actors_and_stats() {
    let f = fixture();
    let a = get_ok(&f.app, "/api/actors").await;
    let actors = a["actors"].as_array().unwrap();
    assert_eq!(actors.len(), 2);
    assert!(actors.iter().all(|x| x["events"] == 5));
    assert!(a["unresolved"].is_array());
    // A name no dictionary knows is listed; the list can leave such names
    // out (the slow part on a large store).
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("names.db");
    let dicts = Dictionaries::builtin().unwrap();
    let pipeline = Pipeline::new(&dicts, PipelineOptions::new(date(2026, 2, 2)));
    let (doc, events) = pipeline
        .process(raw(
            "envoy.txt",
            "Envoy talks\n\nThe envoy Olena Kravets met Ukrainian officials in Kyiv on Monday.",
            "ap",
        ))
        .unwrap();
    Store::open(&db)
        .unwrap()
        .write_document(&doc, &events)
        .unwrap();
    let examples = router(ServerConfig::new(db)).unwrap();
    let a = get_ok(&examples, "/api/actors").await;
    assert!(!a["unresolved"].as_array().unwrap().is_empty(), "{a}");
    let b = get_ok(&examples, "/api/actors?unresolved=false").await;
    assert_eq!(b["actors"], a["actors"]);
    assert_eq!(b["unresolved"], serde_json::json!([]));
    let (s, v) = get(&f.app, "/api/actors?unresolved=maybe").await;
    assert_eq!(s, StatusCode::BAD_REQUEST, "{v}");
    let s = get_ok(&f.app, "/api/stats").await;
    assert_eq!(s["documents"], 2);
    assert_eq!(s["coded_events"], 5);
    assert_eq!(s["merged_events"], 5);
}

#[tokio::test]
async fn the_page_and_its_assets_are_served() {
    let f = fixture();
    for (uri, ct) in [
        ("/", "text/html"),
        ("/assets/app.js", "text/javascript"),
        ("/assets/app.css", "text/css"),
        ("/assets/map.js", "text/javascript"),
        ("/assets/basemap.json", "application/json"),
    ] {
        let res = f
            .app
            .clone()
            .oneshot(Request::get(uri).body(Body::empty()).unwrap())
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::OK, "{uri}");
        let got = res.headers()[header::CONTENT_TYPE].to_str().unwrap();
        assert!(got.starts_with(ct), "{uri}: {got}");
    }
}

/// The map's basemap is embedded: country outlines as SVG paths, in the
/// projection the page expects, small enough to ship in the binary.
#[tokio::test]
async fn the_basemap_is_served_with_the_world_s_countries() {
    let f = fixture();
    let res = f
        .app
        .clone()
        .oneshot(
            Request::get("/assets/basemap.json")
                .body(Body::empty())
                .unwrap(),
        )
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(res.headers()[header::CONTENT_TYPE], "application/json");
    let bytes = axum::body::to_bytes(res.into_body(), 4 << 20)
        .await
        .unwrap();
    assert!(bytes.len() < 1 << 20, "basemap is {} bytes", bytes.len());
    let map: Value = serde_json::from_slice(&bytes).unwrap();
    assert_eq!(map["scale"], 100);
    assert!(map["source"].as_str().unwrap().contains("Natural Earth"));
    let countries = map["countries"].as_array().unwrap();
    assert!(countries.len() > 200, "{} countries", countries.len());
    let named = |name: &str| {
        countries
            .iter()
            .find(|c| c["name"] == name)
            .unwrap_or_else(|| panic!("no {name}"))
    };
    // Ukraine (ISO numeric 804) is drawn around Kyiv (30.5 E, 50.5 N): its
    // first point lies in the box lon 22..41, lat 44..53.
    let ukraine = named("Ukraine");
    assert_eq!(ukraine["id"], "804");
    let d = ukraine["d"].as_str().unwrap();
    let first: Vec<f64> = d[1..]
        .split(['l', 'z', 'M'])
        .next()
        .unwrap()
        .split(' ')
        .map(|n| n.parse().unwrap())
        .collect();
    let (lon, lat) = (first[0] / 100.0, -first[1] / 100.0);
    assert!(
        (22.0..41.0).contains(&lon) && (44.0..53.0).contains(&lat),
        "{lon} {lat}"
    );
    assert!(named("United Arab Emirates")["d"]
        .as_str()
        .unwrap()
        .starts_with('M'));
    // No ring jumps across the world (rings crossing the antimeridian, as
    // Russia's and Fiji's, are cut there): no step spans half the world and
    // every point stays in -180..180.
    for c in countries {
        for ring in c["d"]
            .as_str()
            .unwrap()
            .split('z')
            .filter(|r| !r.is_empty())
        {
            let nums: Vec<i64> = ring[1..]
                .split(['l', ' '])
                .map(|n| n.parse().unwrap())
                .collect();
            let mut x = 0;
            for (i, dx) in nums.iter().step_by(2).enumerate() {
                assert!(i == 0 || dx.abs() < 18000, "{}: a step of {dx}", c["name"]);
                x = if i == 0 { *dx } else { x + dx };
                assert!((-18000..=18000).contains(&x), "{}: x {x}", c["name"]);
            }
        }
    }
    // The page loads the map's script.
    let page = f
        .app
        .clone()
        .oneshot(Request::get("/").body(Body::empty()).unwrap())
        .await
        .unwrap();
    let html = axum::body::to_bytes(page.into_body(), 1 << 20)
        .await
        .unwrap();
    assert!(String::from_utf8_lossy(&html).contains("/assets/map.js"));
}

#[tokio::test]
async fn every_route_is_in_the_openapi_document() {
    let f = fixture();
    let doc = get_ok(&f.app, "/api/openapi.json").await;
    let paths = doc["paths"].as_object().unwrap();
    let routes = [
        ("get", "/api/events", "/api/events"),
        ("get", "/api/events/{id}", "/api/events/x"),
        ("get", "/api/timeline", "/api/timeline"),
        ("get", "/api/days", "/api/days"),
        ("get", "/api/documents", "/api/documents"),
        ("post", "/api/documents", "/api/documents"),
        ("get", "/api/documents/{id}", "/api/documents/x"),
        ("get", "/api/search", "/api/search?q=x"),
        ("get", "/api/actors", "/api/actors"),
        ("get", "/api/stats", "/api/stats"),
        ("get", "/api/brief", "/api/brief"),
        ("get", "/api/stories", "/api/stories"),
        ("get", "/api/stories/{id}", "/api/stories/x"),
    ];
    for (method, path, example) in routes {
        assert!(
            paths.get(path).and_then(|p| p.get(method)).is_some(),
            "{method} {path} is not in /api/openapi.json"
        );
        // And the route exists: it does not fall through to "no route".
        let req = Request::builder()
            .method(method.to_uppercase().as_str())
            .uri(example)
            .body(Body::empty())
            .unwrap();
        let (_, v) = send(&f.app, req).await;
        let err = v["error"].as_str().unwrap_or_default();
        assert!(!err.starts_with("no route"), "{method} {example}: {err}");
    }
    // Nothing documented that is not listed above.
    let documented: usize = paths.values().map(|p| p.as_object().unwrap().len()).sum();
    assert_eq!(documented, routes.len());
    assert_eq!(paths.len(), chronicler_server::openapi().paths.paths.len());
}

#[tokio::test]
async fn ingest_is_refused_unless_allowed() {
    let f = fixture();
    let req = Request::post("/api/documents")
        .header(header::AUTHORIZATION, "Bearer x")
        .body(Body::from("Some text."))
        .unwrap();
    let (s, v) = send(&f.app, req).await;
    assert_eq!(s, StatusCode::FORBIDDEN);
    assert!(v["error"].as_str().unwrap().contains("--allow-ingest"));
}

#[test]
fn ingest_needs_a_token_to_start() {
    let dir = tempfile::tempdir().unwrap();
    let mut config = ServerConfig::new(dir.path().join("t.db"));
    config.allow_ingest = true;
    assert!(matches!(
        router(config),
        Err(chronicler_server::ServerError::NoToken)
    ));
}

#[test]
fn a_missing_store_is_an_error_at_start() {
    let dir = tempfile::tempdir().unwrap();
    let err = router(ServerConfig::new(dir.path().join("none.db"))).unwrap_err();
    assert!(err.to_string().contains("none.db"), "{err}");
}

fn post(body: &str, auth: Option<&str>, ct: &str) -> Request<Body> {
    let mut b = Request::post("/api/documents?id=http%2Fone").header(header::CONTENT_TYPE, ct);
    if let Some(a) = auth {
        b = b.header(header::AUTHORIZATION, a);
    }
    b.body(Body::from(body.to_string())).unwrap()
}

#[tokio::test]
async fn ingest_checks_the_token() {
    let f = ingest_fixture(1 << 20);
    let (s, v) = send(&f.app, post(DOC_A, None, "text/plain")).await;
    assert_eq!(s, StatusCode::UNAUTHORIZED, "{v}");
    let (s, _) = send(&f.app, post(DOC_A, Some("Bearer wrong"), "text/plain")).await;
    assert_eq!(s, StatusCode::FORBIDDEN);
    let (s, _) = send(&f.app, post(DOC_A, Some("Basic s3cret"), "text/plain")).await;
    assert_eq!(s, StatusCode::UNAUTHORIZED);
    let docs = get_ok(&f.app, "/api/documents").await;
    assert_eq!(docs["total"], 0, "nothing was written");
}

#[tokio::test]
async fn ingest_stores_text_html_and_json_lines_once() {
    let f = ingest_fixture(1 << 20);
    let (s, v) = send(&f.app, post(DOC_A, Some("Bearer s3cret"), "text/plain")).await;
    assert_eq!(s, StatusCode::CREATED, "{v}");
    assert_eq!(v["stored"], 1);
    assert_eq!(v["ids"][0], "http/one");
    // The same again is a duplicate.
    let (s, v) = send(&f.app, post(DOC_A, Some("Bearer s3cret"), "text/plain")).await;
    assert_eq!(s, StatusCode::OK, "{v}");
    assert_eq!(v["duplicates"], 1);
    let html = "<html><head><title>Kremlin answer</title></head><body><article><p>The Kremlin rejected the invitation to Kyiv on Friday, a spokesman said.</p><p>Talks continue in Abu Dhabi next week, officials said.</p></article></body></html>";
    let req = Request::post("/api/documents?id=page.html")
        .header(header::AUTHORIZATION, "Bearer s3cret")
        .header(header::CONTENT_TYPE, "text/html; charset=utf-8")
        .body(Body::from(html))
        .unwrap();
    let (s, v) = send(&f.app, req).await;
    assert_eq!(s, StatusCode::CREATED, "{v}");
    let jsonl = format!(
        "{}\n{}\nnot json\n",
        serde_json::json!({"id": "j1", "title": "One", "published": "2026-01-28", "text": DOC_B}),
        serde_json::json!({"id": "j2", "text": "Ukraine and Russia exchanged prisoners on Tuesday."}),
    );
    let req = Request::post("/api/documents")
        .header(header::AUTHORIZATION, "Bearer s3cret")
        .header(header::CONTENT_TYPE, "application/x-ndjson")
        .body(Body::from(jsonl))
        .unwrap();
    let (s, v) = send(&f.app, req).await;
    assert_eq!(s, StatusCode::CREATED, "{v}");
    assert_eq!(v["stored"], 2, "{v}");
    assert_eq!(v["problems"].as_array().unwrap().len(), 1, "{v}");
    let docs = get_ok(&f.app, "/api/documents").await;
    let mut ids: Vec<&str> = docs["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["id"].as_str().unwrap())
        .collect();
    ids.sort();
    assert_eq!(ids, ["http/one", "j1", "j2", "page.html"]);
    let j1 = get_ok(&f.app, "/api/documents/j1").await;
    assert_eq!(j1["document"]["published"], "2026-01-28");
}

#[tokio::test]
async fn ingest_refuses_bad_bodies() {
    let f = ingest_fixture(1000);
    let big = "word ".repeat(400);
    let (s, v) = send(&f.app, post(&big, Some("Bearer s3cret"), "text/plain")).await;
    assert_eq!(s, StatusCode::PAYLOAD_TOO_LARGE, "{v}");
    assert!(v["error"].as_str().unwrap().contains("1000 bytes"));
    // A declared length over the limit is refused before reading.
    let req = Request::post("/api/documents")
        .header(header::AUTHORIZATION, "Bearer s3cret")
        .header(header::CONTENT_LENGTH, "5000")
        .body(Body::from("short"))
        .unwrap();
    let (s, _) = send(&f.app, req).await;
    assert_eq!(s, StatusCode::PAYLOAD_TOO_LARGE);
    let (s, _) = send(&f.app, post("  \n", Some("Bearer s3cret"), "text/plain")).await;
    assert_eq!(s, StatusCode::BAD_REQUEST);
    let (s, _) = send(
        &f.app,
        post("\u{0}\u{1}\u{2}binary", Some("Bearer s3cret"), "text/plain"),
    )
    .await;
    assert_eq!(s, StatusCode::BAD_REQUEST);
    let (s, _) = send(&f.app, post("x", Some("Bearer s3cret"), "image/png")).await;
    assert_eq!(s, StatusCode::UNSUPPORTED_MEDIA_TYPE);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_real_server_answers_on_loopback() {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let f = fixture();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    assert!(addr.ip().is_loopback());
    let (tx, rx) = tokio::sync::oneshot::channel::<()>();
    let server = tokio::spawn(chronicler_server::serve(listener, f.app.clone(), async {
        let _ = rx.await;
    }));
    let mut conn = tokio::net::TcpStream::connect(addr).await.unwrap();
    conn.write_all(b"GET /api/stats HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
        .await
        .unwrap();
    let mut out = Vec::new();
    tokio::time::timeout(
        std::time::Duration::from_secs(10),
        conn.read_to_end(&mut out),
    )
    .await
    .unwrap()
    .unwrap();
    let out = String::from_utf8(out).unwrap();
    assert!(out.starts_with("HTTP/1.1 200"), "{out}");
    assert!(out.contains("\"documents\":2"), "{out}");
    tx.send(()).unwrap();
    tokio::time::timeout(std::time::Duration::from_secs(10), server)
        .await
        .unwrap()
        .unwrap()
        .unwrap();
}

/// Outside CI a missing browser tool skips the end-to-end test with a note;
/// in CI (`$CI` set) it fails it, so that CI never passes without the test.
fn skip_unless_ci(what: &str) {
    let ci = std::env::var_os("CI").is_some_and(|v| !v.is_empty());
    assert!(
        !ci,
        "CI must have {what} for the page's end-to-end test (.ci/run installs it)"
    );
    eprintln!("skipped: needs {what} (.ci/run installs it)");
}

/// The version of playwright-core that `file` (JSON) names at `pointer`.
fn playwright_version(file: &Path, pointer: &str) -> Option<String> {
    let json: Value = serde_json::from_str(&std::fs::read_to_string(file).ok()?).ok()?;
    json.pointer(pointer)?.as_str().map(str::to_owned)
}

/// The issue's "done when": the page on the example articles, in headless
/// Chromium driven by playwright-core (`tests/e2e/drive.js`). The first run
/// installs playwright-core from the committed lock file (`npm ci` in
/// `tests/e2e`, at most 5 minutes), and again whenever the installed version
/// is not the locked one. Outside CI it is skipped, with a note, where
/// Chromium, Node or npm is missing; in CI that fails it. The screenshot goes
/// to `$CHRONICLER_SCREENSHOT`, else into the target folder; the world map's
/// to `$CHRONICLER_MAP_SCREENSHOT` if set.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_page_shows_the_example_timeline_and_evidence_in_chromium() {
    use std::time::Duration;
    let chromium = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
    let runs = |tool: &str| {
        std::process::Command::new(tool)
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success())
    };
    if !Path::new(&chromium).exists() || !runs("node") {
        return skip_unless_ci(&format!("{chromium} and node"));
    }
    let e2e = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/e2e");
    let locked = playwright_version(
        &e2e.join("package-lock.json"),
        "/packages/node_modules~1playwright-core/version",
    );
    assert!(
        locked.is_some(),
        "tests/e2e/package-lock.json locks no playwright-core"
    );
    let installed = playwright_version(
        &e2e.join("node_modules/playwright-core/package.json"),
        "/version",
    );
    if installed != locked {
        if !runs("npm") {
            return skip_unless_ci("npm, to install playwright-core");
        }
        let install = tokio::process::Command::new("npm")
            .args(["ci", "--no-audit", "--no-fund"])
            .current_dir(&e2e)
            .kill_on_drop(true)
            .output();
        let out = tokio::time::timeout(Duration::from_secs(300), install)
            .await
            .expect("npm ci in tests/e2e finishes within 5 minutes")
            .unwrap();
        assert!(
            out.status.success(),
            "npm ci in tests/e2e failed:\n{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("examples.db");
    write_examples(&db);
    let app = router(ServerConfig::new(db)).unwrap();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let (tx, rx) = tokio::sync::oneshot::channel::<()>();
    let server = tokio::spawn(chronicler_server::serve(listener, app, async {
        let _ = rx.await;
    }));
    let shot = std::env::var("CHRONICLER_SCREENSHOT")
        .unwrap_or_else(|_| format!("{}/serve.png", env!("CARGO_TARGET_TMPDIR")));
    let _ = std::fs::remove_file(&shot);
    let mut drive = tokio::process::Command::new("node");
    drive
        .arg(e2e.join("drive.js"))
        .arg(format!("http://{addr}/"))
        .arg(&shot)
        .env("CHROMIUM", &chromium)
        .kill_on_drop(true);
    if let Some(map_shot) = std::env::var_os("CHRONICLER_MAP_SCREENSHOT") {
        drive.arg(map_shot);
    }
    let out = tokio::time::timeout(Duration::from_secs(90), drive.output())
        .await
        .expect("the browser test finishes within 90 s")
        .unwrap();
    let _ = tx.send(());
    let _ = server.await;
    assert!(
        out.status.success(),
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    print!("{}", String::from_utf8_lossy(&out.stdout));
    assert!(std::fs::metadata(&shot).unwrap().len() > 10_000);
}

/// The security headers of issue 9, on the page, its assets, API answers
/// and errors alike; and a page that needs no inline script or style, so the
/// policy can forbid them.
#[tokio::test]
async fn every_response_carries_the_security_headers() {
    let f = fixture();
    for uri in [
        "/",
        "/assets/app.js",
        "/api/events",
        "/api/brief",
        "/api/openapi.json",
        "/api/events?from=bad",
        "/api/nothing",
        "/assets/missing.js",
    ] {
        let res = f
            .app
            .clone()
            .oneshot(Request::get(uri).body(Body::empty()).unwrap())
            .await
            .unwrap();
        let h = res.headers();
        let get = |name: &str| {
            h.get(name)
                .map(|v| v.to_str().unwrap().to_string())
                .unwrap_or_else(|| panic!("{uri}: no {name}"))
        };
        let csp = get("content-security-policy");
        assert_eq!(csp, chronicler_server::CONTENT_SECURITY_POLICY, "{uri}");
        assert!(csp.contains("frame-ancestors 'none'") && csp.contains("script-src 'self'"));
        assert!(!csp.contains("unsafe"), "{uri}: {csp}");
        assert_eq!(get("x-content-type-options"), "nosniff", "{uri}");
        assert_eq!(get("referrer-policy"), "no-referrer", "{uri}");
        assert_eq!(get("x-frame-options"), "DENY", "{uri}");
        // The page and its assets are revalidated; the rest is never stored.
        let cache = get("cache-control");
        if uri == "/" || uri == "/assets/app.js" {
            assert_eq!(cache, "no-cache", "{uri}");
        } else {
            assert_eq!(cache, "no-store", "{uri}");
        }
    }
    // What the policy forbids, the page does not do.
    let page = include_str!("../assets/index.html");
    let inline_script = page
        .match_indices("<script")
        .any(|(i, _)| !page[i..].split('>').next().unwrap().contains("src="));
    assert!(!inline_script, "index.html has an inline script");
    for bad in [" style=", " onclick=", " onload=", "javascript:"] {
        assert!(!page.contains(bad), "index.html has {bad}");
    }
    for js in [
        include_str!("../assets/app.js"),
        include_str!("../assets/map.js"),
    ] {
        for bad in [
            "style: `",
            "style: \"",
            "setAttribute(\"style\"",
            "innerHTML",
            "eval(",
        ] {
            assert!(!js.contains(bad), "a script uses {bad}");
        }
    }
}

#[tokio::test]
async fn long_query_strings_are_refused() {
    let f = fixture();
    let long = format!("/api/events?text={}", "a".repeat(9000));
    let (s, v) = get(&f.app, &long).await;
    assert_eq!(s, StatusCode::URI_TOO_LONG, "{v}");
    assert!(
        v["error"].as_str().unwrap().contains("over the limit"),
        "{v}"
    );
    let (s, _) = get(&f.app, &format!("/api/events?text={}", "a".repeat(2000))).await;
    assert_eq!(s, StatusCode::OK);
}

/// Starts `app` on a loopback port with `limits`; stops when the sender is
/// dropped or fired.
async fn start(
    app: Router,
    limits: chronicler_server::Limits,
) -> (
    std::net::SocketAddr,
    tokio::sync::oneshot::Sender<()>,
    tokio::task::JoinHandle<Result<(), chronicler_server::ServerError>>,
) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let (tx, rx) = tokio::sync::oneshot::channel::<()>();
    let server = tokio::spawn(async move {
        chronicler_server::serve_with_limits(listener, app, &limits, async {
            let _ = rx.await;
        })
        .await
    });
    (addr, tx, server)
}

/// Reads until the server closes the connection; `None` if it is still open
/// after `secs`.
async fn read_until_closed(conn: &mut tokio::net::TcpStream, secs: u64) -> Option<String> {
    use tokio::io::AsyncReadExt;
    let mut out = Vec::new();
    // A reset connection is closed too: only the time-out means "still open".
    let read = tokio::time::timeout(
        std::time::Duration::from_secs(secs),
        conn.read_to_end(&mut out),
    )
    .await;
    read.is_ok()
        .then(|| String::from_utf8_lossy(&out).into_owned())
}

/// Slow clients: one that stops half-way through its headers is cut off,
/// one that stops half-way through its body gets 408; neither holds the
/// server, which answers others meanwhile.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn slow_clients_time_out() {
    use std::time::Duration;
    use tokio::io::AsyncWriteExt;
    let dir = tempfile::tempdir().unwrap();
    let mut config = ServerConfig::new(dir.path().join("t.db"));
    config.allow_ingest = true;
    config.token = Some("s3cret".into());
    let limits = chronicler_server::Limits {
        header_read_timeout: Duration::from_secs(1),
        body_timeout: Duration::from_secs(1),
        request_timeout: Duration::from_secs(3),
        ..Default::default()
    };
    let app = chronicler_server::router_with_limits(config, &limits).unwrap();
    let (addr, tx, server) = start(app, limits).await;

    // Half a request head, then nothing.
    let mut half = tokio::net::TcpStream::connect(addr).await.unwrap();
    half.write_all(b"GET /api/stats HTTP/1.1\r\nHost: localhost\r\nX-Slow: ")
        .await
        .unwrap();
    // A whole head and half a body, then nothing.
    let mut body = tokio::net::TcpStream::connect(addr).await.unwrap();
    body.write_all(
        b"POST /api/documents HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer s3cret\r\nContent-Type: text/plain\r\nContent-Length: 100\r\n\r\nRussia and Ukraine",
    )
    .await
    .unwrap();
    // Meanwhile another client is served.
    let mut other = tokio::net::TcpStream::connect(addr).await.unwrap();
    other
        .write_all(b"GET /api/stats HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
        .await
        .unwrap();
    let answer = read_until_closed(&mut other, 10).await.unwrap();
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");

    let cut = read_until_closed(&mut half, 10).await;
    let cut = cut.expect("a client stalled in its headers is cut off within 10 s (limit 1 s)");
    assert!(!cut.contains("200 OK"), "{cut}");
    let late = read_until_closed(&mut body, 10).await;
    let late = late.expect("a client stalled in its body is answered within 10 s (limit 1 s)");
    assert!(late.starts_with("HTTP/1.1 408"), "{late}");
    assert!(late.contains("stopped arriving"), "{late}");
    tx.send(()).unwrap();
    tokio::time::timeout(Duration::from_secs(10), server)
        .await
        .unwrap()
        .unwrap()
        .unwrap();
}

/// No secret in the logs: the request logs (at their most verbose) show the
/// Authorization header as sensitive, and the configuration's debug output
/// hides the token.
#[tokio::test]
async fn the_token_is_never_logged() {
    use std::sync::{Arc, Mutex};
    #[derive(Clone)]
    struct Buf(Arc<Mutex<Vec<u8>>>);
    impl std::io::Write for Buf {
        fn write(&mut self, b: &[u8]) -> std::io::Result<usize> {
            self.0.lock().unwrap().extend_from_slice(b);
            Ok(b.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }
    let buf = Buf(Arc::new(Mutex::new(Vec::new())));
    let writer = buf.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_max_level(tracing::Level::TRACE)
        .with_ansi(false)
        .with_writer(move || writer.clone())
        .finish();
    // Global, not scoped: tracing caches which call sites are enabled, and
    // the other tests of this binary run beside this one on other threads.
    tracing::subscriber::set_global_default(subscriber).unwrap();

    let token = "tok-7f3a9c-very-secret";
    let dir = tempfile::tempdir().unwrap();
    let mut config = ServerConfig::new(dir.path().join("t.db"));
    config.allow_ingest = true;
    config.token = Some(token.into());
    tracing::info!(?config, "starting");
    let app = router(config).unwrap();
    for auth in [format!("Bearer {token}"), "Bearer wrong".to_string()] {
        let req = Request::post("/api/documents?id=x")
            .header(header::AUTHORIZATION, auth)
            .header(header::CONTENT_TYPE, "text/plain")
            .body(Body::from(DOC_B))
            .unwrap();
        send(&app, req).await;
    }
    let logs = String::from_utf8(buf.0.lock().unwrap().clone()).unwrap();
    assert!(
        logs.contains("/api/documents"),
        "requests are logged: {logs}"
    );
    assert!(
        logs.contains("\"authorization\": Sensitive"),
        "headers are logged, the token as sensitive: {logs}"
    );
    assert!(logs.contains("<hidden>"), "{logs}");
    assert!(!logs.contains(token), "the token is in the logs: {logs}");
}

/// The merged events are cached per state of the store: a document stored
/// after a read shows in the next one, and pooled connections see it.
#[tokio::test]
async fn events_follow_new_documents() {
    let f = ingest_fixture(1 << 20);
    let before = get_ok(&f.app, "/api/events").await;
    assert_eq!(before["total"], 0);
    // The actors' answer, kept per state of the store, follows too.
    let actors_before = get_ok(&f.app, "/api/actors").await;
    assert_eq!(actors_before["actors"], serde_json::json!([]));
    // Several reads in flight at once share the pool and the cache.
    let reads: Vec<_> = (0..8)
        .map(|_| {
            let app = f.app.clone();
            tokio::spawn(async move { get_ok(&app, "/api/stats").await })
        })
        .collect();
    for r in reads {
        assert_eq!(r.await.unwrap()["merged_events"], 0);
    }
    let (s, v) = send(&f.app, post(DOC_A, Some("Bearer s3cret"), "text/plain")).await;
    assert_eq!(s, StatusCode::CREATED, "{v}");
    let after = get_ok(&f.app, "/api/events").await;
    let n = after["total"].as_u64().unwrap();
    assert!(n > 0, "no events after ingest: {after}");
    let stats = get_ok(&f.app, "/api/stats").await;
    assert_eq!(stats["merged_events"].as_u64().unwrap(), n);
    assert_eq!(stats["documents"], 1);
    let actors_after = get_ok(&f.app, "/api/actors").await;
    assert!(
        !actors_after["actors"].as_array().unwrap().is_empty(),
        "{actors_after}"
    );
}

/// CI's stand-in for the load test (`scripts/load_test.sh`, which needs a
/// release build): 64 clients at once on the events route over a real
/// socket, three requests each, all answered 200 with the whole page.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sixty_four_clients_at_once_all_get_200() {
    use tokio::io::AsyncWriteExt;
    let f = fixture();
    let (addr, tx, server) = start(f.app.clone(), chronicler_server::Limits::default()).await;
    let clients: Vec<_> = (0..64)
        .map(|i| {
            tokio::spawn(async move {
                let mut ok = 0;
                for j in 0..3 {
                    let mut conn = tokio::net::TcpStream::connect(addr).await.unwrap();
                    let req = format!(
                        "GET /api/events?limit={} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n",
                        1 + (i + j) % 5
                    );
                    conn.write_all(req.as_bytes()).await.unwrap();
                    let out = read_until_closed(&mut conn, 30).await.unwrap();
                    assert!(out.starts_with("HTTP/1.1 200"), "client {i}: {out}");
                    assert!(out.contains("\"total\":5"), "client {i}: {out}");
                    ok += 1;
                }
                ok
            })
        })
        .collect();
    let mut answered = 0;
    for c in clients {
        answered += c.await.unwrap();
    }
    assert_eq!(answered, 64 * 3);
    tx.send(()).unwrap();
    server.await.unwrap().unwrap();
}

/// Posts one JSON Lines article.
async fn post_article(app: &Router, id: &str, outlet: &str, text: &str) {
    let line = serde_json::json!({
        "id": id,
        "url": format!("https://{outlet}.example/{id}"),
        "outlet": outlet,
        "published": "2026-01-25",
        "text": text,
    });
    let req = Request::post("/api/documents")
        .header(header::AUTHORIZATION, "Bearer s3cret")
        .header(header::CONTENT_TYPE, "application/x-ndjson")
        .body(Body::from(format!("{line}\n")))
        .unwrap();
    let (s, v) = send(app, req).await;
    assert_eq!(s, StatusCode::CREATED, "{v}");
    assert_eq!(v["stored"], 1, "{v}");
}

/// Documents posted over HTTP are folded into the consolidation kept in
/// the store, as `chronicler ingest` folds its documents: their events are
/// merged across outlets, their ids are recorded, and nothing is left for
/// a later ingest to regroup.
#[tokio::test]
async fn posted_documents_are_folded_into_the_kept_consolidation() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    let mut config = ServerConfig::new(db.clone());
    config.allow_ingest = true;
    config.token = Some("s3cret".into());
    let app = router(config).unwrap();

    post_article(
        &app,
        "one",
        "kyivpost",
        "Talks in Abu Dhabi\n\nUkrainian and Russian delegations held talks in Abu Dhabi on January 23 and 24, officials said.",
    )
    .await;
    post_article(
        &app,
        "two",
        "tass",
        "Abu Dhabi meeting\n\nRussian and Ukrainian delegations held talks in Abu Dhabi on January 23 and 24, the Kremlin said.",
    )
    .await;

    let (s, page) = send(
        &app,
        Request::get("/api/events").body(Body::empty()).unwrap(),
    )
    .await;
    assert_eq!(s, StatusCode::OK, "{page}");
    let events = page["events"].as_array().unwrap();
    let talks = events
        .iter()
        .find(|e| e["num_articles"] == 2)
        .unwrap_or_else(|| panic!("no event merged across the two posts: {page}"));
    assert_eq!(talks["num_sources"], 2, "{talks}");
    // With the place's codes as the store keeps them.
    let place = &talks["location"];
    assert_eq!(place["name"], "Abu Dhabi", "{talks}");
    assert_eq!(place["fips"], "AE", "{place}");
    assert_eq!(place["adm1"], "AE01", "{place}");
    assert_eq!(place["geonames_id"], 292_968, "{place}");
    assert_eq!(place["precision"], "city", "{place}");

    // The kept consolidation already holds both documents: bringing it up
    // to date (as the next `chronicler ingest` would) regroups nothing,
    // and every listed event's id is recorded, so it keeps resolving
    // after a later merge.
    let mut store = Store::open(&db).unwrap();
    let update = chronicler_query::update_consolidation(&mut store).unwrap();
    assert_eq!(
        (update.blocks, update.events, update.documents),
        (0, 0, 0),
        "posted documents were left for a later ingest to regroup"
    );
    for e in events {
        let id = e["id"].as_str().unwrap();
        assert!(store.event_id(id).unwrap().is_some(), "{id} not recorded");
    }
}

fn story_ids(page: &Value) -> Vec<String> {
    page["stories"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["id"].as_str().unwrap().to_string())
        .collect()
}

/// The two example articles report the same talks: they make one story,
/// titled by the earlier article, spanning the 23-24 January talks and the
/// 1 February round; its page lists both articles and the events of
/// `/api/events` reported in them.
#[tokio::test]
async fn the_example_articles_are_one_story_with_their_documents_and_events() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("examples.db");
    write_examples(&db);
    let app = router(ServerConfig::new(db)).unwrap();
    let page = get_ok(&app, "/api/stories").await;
    let both: Vec<&Value> = page["stories"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| s["num_documents"] == 2)
        .collect();
    assert_eq!(both.len(), 1, "{page}");
    let s = both[0];
    assert_eq!(
        s["title"],
        "Zelenskyy Challenges Putin With Direct Kyiv Peace Talks"
    );
    assert!(s["start"].as_str().unwrap() <= "2026-01-23", "{s}");
    assert!(s["end"].as_str().unwrap() >= "2026-02-01", "{s}");
    assert!(s["outlets"]
        .as_array()
        .unwrap()
        .iter()
        .any(|o| o == "mbn360 news"));
    assert_eq!(s["num_sources"], 2);
    assert!(page["next_cursor"].is_null());
    assert_eq!(page["total"], page["stories"].as_array().unwrap().len());

    let id = s["id"].as_str().unwrap();
    let one = get_ok(&app, &format!("/api/stories/{id}")).await;
    assert_eq!(one["story"], *s);
    let docs = one["documents"].as_array().unwrap();
    let doc_ids: Vec<&str> = docs.iter().map(|d| d["id"].as_str().unwrap()).collect();
    let names: Vec<&str> = doc_ids
        .iter()
        .map(|d| d.rsplit('/').next().unwrap())
        .collect();
    assert_eq!(
        names,
        [
            "mbn360-zelenskyy-challenges-putin.txt",
            "zelenskyy-invites-putin-territorial-hurdles.txt"
        ]
    );
    assert_eq!(docs[0]["title"], s["title"]);
    assert!(docs
        .iter()
        .all(|d| d["published"].as_str().unwrap() >= "2026"));
    // The same events, in the same shape, as /api/events gives.
    let events = one["events"].as_array().unwrap();
    assert_eq!(events.len(), s["num_events"].as_u64().unwrap() as usize);
    let all = get_ok(&app, "/api/events?limit=1000").await;
    for e in events {
        let listed = all["events"]
            .as_array()
            .unwrap()
            .iter()
            .find(|x| x["id"] == e["id"])
            .unwrap_or_else(|| panic!("{} is not in /api/events", e["id"]));
        assert_eq!(listed, e);
        assert!(e["mentions"]
            .as_array()
            .unwrap()
            .iter()
            .all(|m| doc_ids.contains(&m["doc"].as_str().unwrap())));
    }
    // The 1 February round is among them.
    assert!(events.iter().any(|e| e["date"] == "2026-02-01"), "{one:#}");

    // Filters: a span that misses the story, an actor in none of its events.
    let later = get_ok(&app, "/api/stories?from=2026-03-01").await;
    assert_eq!(later["total"], 0);
    let early = get_ok(&app, "/api/stories?to=2026-01-23").await;
    assert!(story_ids(&early).contains(&id.to_string()));
    assert!(
        story_ids(&get_ok(&app, "/api/stories?actor=Zelenskyy").await).contains(&id.to_string())
    );
    assert_eq!(get_ok(&app, "/api/stories?actor=Narnia").await["total"], 0);
}

#[tokio::test]
async fn stories_are_paginated_with_a_cursor() {
    let f = fixture();
    let all = get_ok(&f.app, "/api/stories").await;
    let every = story_ids(&all);
    assert!(every.len() >= 2, "{all}");
    let days: Vec<&str> = all["stories"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["start"].as_str().unwrap())
        .collect();
    assert!(days.windows(2).all(|w| w[0] <= w[1]), "{days:?}");
    let mut seen = Vec::new();
    let mut uri = "/api/stories?limit=1".to_string();
    loop {
        let page = get_ok(&f.app, &uri).await;
        assert_eq!(page["total"], every.len());
        let ids = story_ids(&page);
        assert!(ids.len() <= 1);
        seen.extend(ids);
        match page["next_cursor"].as_str() {
            Some(c) => uri = format!("/api/stories?limit=1&cursor={c}"),
            None => break,
        }
    }
    assert_eq!(seen, every);
    // Newest first, page by page, is the same list reversed.
    let mut seen = Vec::new();
    let mut uri = "/api/stories?limit=1&sort=-date".to_string();
    loop {
        let page = get_ok(&f.app, &uri).await;
        seen.extend(story_ids(&page));
        match page["next_cursor"].as_str() {
            Some(c) => uri = format!("/api/stories?limit=1&sort=-date&cursor={c}"),
            None => break,
        }
    }
    seen.reverse();
    assert_eq!(seen, every);
    let (s, v) = get(&f.app, "/api/stories?sort=title").await;
    assert_eq!(s, StatusCode::BAD_REQUEST, "{v}");
}

#[tokio::test]
async fn bad_story_parameters_are_400_and_unknown_stories_404() {
    let f = fixture();
    for (uri, names) in [
        ("/api/stories?cursor=zz", "cursor"),
        ("/api/stories?cursor=6162", "cursor"),
        ("/api/stories?limit=0", "limit"),
        ("/api/stories?from=yesterday", "from"),
        ("/api/stories?from=2026-02-01&to=2026-01-01", "from"),
        ("/api/stories?colour=red", "colour"),
    ] {
        let (status, v) = get(&f.app, uri).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{uri}: {v}");
        let msg = v["error"].as_str().unwrap();
        assert!(msg.contains(names), "{uri}: {msg}");
    }
    let (status, v) = get(&f.app, "/api/stories/st000000000000").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(
        v["error"].as_str().unwrap().contains("st000000000000"),
        "{v}"
    );
}

/// `serve --dict DIR` reads the folder's `stances*.txt` for the brief, as
/// `chronicler brief --dict DIR` does: a user's issue shows among the
/// stands only when the folder is given.
#[tokio::test]
async fn the_brief_reads_the_users_stances_from_the_dict_folder() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    write_examples(&db);
    let dict = dir.path().join("dict");
    std::fs::create_dir(&dict).unwrap();
    std::fs::write(
        dict.join("stances-outcomes.txt"),
        "# what this user tracks\nissue: enforceable outcomes | enforceable outcome*\n",
    )
    .unwrap();
    let issues = |b: &Value| -> Vec<String> {
        b["stands"]
            .as_array()
            .map(|a| {
                a.iter()
                    .map(|s| format!("{}: {}", s["actor"], s["issue"]))
                    .collect()
            })
            .unwrap_or_default()
    };
    let uri = "/api/brief?dyad=UKR-RUS&as_of=2026-01-30";
    let plain = get_ok(&router(ServerConfig::new(db.clone())).unwrap(), uri).await;
    assert!(
        !issues(&plain).iter().any(|i| i.contains("enforceable")),
        "{:?}",
        issues(&plain)
    );
    let mut config = ServerConfig::new(db.clone());
    config.dict = Some(dict.clone());
    let with = get_ok(&router(config).unwrap(), uri).await;
    let got = issues(&with);
    assert!(
        got.iter()
            .any(|i| i.contains("Ukraine") && i.contains("enforceable outcomes")),
        "{got:?}"
    );
    // The built-in issues stay.
    assert!(
        got.iter().any(|i| i.contains("security guarantees")),
        "{got:?}"
    );

    // A broken user file stops the server from starting, naming the file.
    std::fs::write(dict.join("stances-x.txt"), "issue: Bad Key | x\n").unwrap();
    let mut config = ServerConfig::new(db);
    config.dict = Some(dict);
    let err = router(config)
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
    assert!(err.contains("stances-x.txt"), "{err}");
}

/// What a script would read of a store: every route that shows events,
/// with and without filters, paged both ways.
async fn answers(app: &Router) -> Vec<(String, Value)> {
    let mut uris: Vec<String> = [
        "/api/events",
        "/api/events?limit=2",
        "/api/events?sort=-date&limit=2",
        "/api/events?actor=RUS",
        "/api/events?country=ukr&cameo=04",
        "/api/events?quad_class=1&from=2026-01-24",
        "/api/events?text=REMAINS",
        // A narrow filter and a text: the few rows that pass (a quarter
        // of all at most) looked up
        // (a broad one reads every row in one pass).
        "/api/events?cameo=0841&text=remains",
        "/api/events?actor=Trump&text=moratorium",
        "/api/events?status=proposed",
        "/api/timeline",
        "/api/timeline?actor=Russia&to=2026-01-29",
        "/api/search?q=talks",
        "/api/actors",
        "/api/stats",
        "/api/stories",
        "/api/stories?actor=UKR",
        "/api/brief",
        "/api/brief?dyad=UKR-RUS",
    ]
    .map(String::from)
    .into();
    let mut out = Vec::new();
    // The next pages, both ways, and every event and story by id.
    for first in ["/api/events?limit=2", "/api/events?sort=-date&limit=2"] {
        let mut page = get_ok(app, first).await;
        while let Some(c) = page["next_cursor"].as_str() {
            let uri = format!("{first}&cursor={c}");
            page = get_ok(app, &uri).await;
            out.push((uri, page.clone()));
        }
    }
    for id in ids(&get_ok(app, "/api/events").await) {
        uris.push(format!("/api/events/{id}"));
    }
    let docs = get_ok(app, "/api/documents").await;
    for d in docs["documents"].as_array().unwrap() {
        let id: String = d["id"]
            .as_str()
            .unwrap()
            .bytes()
            .map(|b| match b {
                b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'-' | b'.' | b'_' => {
                    (b as char).to_string()
                }
                _ => format!("%{b:02X}"),
            })
            .collect();
        uris.push(format!("/api/documents/{id}"));
    }
    for id in story_ids(&get_ok(app, "/api/stories").await) {
        uris.push(format!("/api/stories/{id}"));
        uris.push(format!("/api/brief?story={id}"));
    }
    for uri in uris {
        let v = get_ok(app, &uri).await;
        out.push((uri, v));
    }
    out
}

/// A store brought up to date answers from its kept merged events' rows,
/// merging only the events an answer shows; one that is not (written
/// without the end-of-run update) has every event merged in memory. Both
/// give the same answers, byte for byte.
#[tokio::test]
async fn kept_rows_and_every_event_merged_give_the_same_answers() {
    for examples in [false, true] {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("t.db");
        if examples {
            write_examples(&db);
            // Stale again: the kept merged events rewritten on next update.
            let mut store = Store::open(&db).unwrap();
            store
                .write_document(
                    &Pipeline::new(
                        &Dictionaries::builtin().unwrap(),
                        PipelineOptions::new(date(2026, 2, 2)),
                    )
                    .process(raw("news/c.txt", DOC_B, "ap"))
                    .unwrap()
                    .0,
                    &[],
                )
                .unwrap();
        } else {
            write_store(&db);
        }
        let store = Store::open(&db).unwrap();
        assert!(!store.consolidation_is_current().unwrap());
        drop(store);
        let whole = answers(&router(ServerConfig::new(db.clone())).unwrap()).await;
        let mut store = Store::open(&db).unwrap();
        chronicler_query::record_event_ids(&mut store).unwrap();
        assert!(store.consolidation_is_current().unwrap() && store.kept_events_current().unwrap());
        drop(store);
        let kept = answers(&router(ServerConfig::new(db)).unwrap()).await;
        assert_eq!(whole.len(), kept.len());
        assert!(whole.len() > 25, "{}", whole.len());
        for ((uri, a), (_, b)) in whole.iter().zip(&kept) {
            assert_eq!(a, b, "{uri} (examples: {examples})");
        }
        let total = |v: &[(String, Value)]| {
            v.iter()
                .find(|(u, _)| u == "/api/events")
                .map(|(_, v)| v["total"].clone())
        };
        assert!(total(&kept).unwrap().as_u64().unwrap() >= 5);
    }
}

/// While an ingest has stored documents but not yet brought the kept
/// consolidation up to date, the server answers from the kept rows it
/// holds (the events and stories of before, not every event merged);
/// once the update lands, the new documents' events and stories show.
#[tokio::test]
async fn an_ingest_under_way_is_answered_from_the_last_kept_rows() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    write_examples(&db);
    chronicler_query::record_event_ids(&mut Store::open(&db).unwrap()).unwrap();
    let app = router(ServerConfig::new(db.clone())).unwrap();
    let events = get_ok(&app, "/api/events").await;
    // The stories asked of this server only once the ingest is under way
    // (another server tells what they were).
    let stories = get_ok(
        &router(ServerConfig::new(db.clone())).unwrap(),
        "/api/stories",
    )
    .await;
    let dicts = Dictionaries::builtin().unwrap();
    let pipeline = Pipeline::new(&dicts, PipelineOptions::new(date(2026, 2, 2)));
    let (doc, coded) = pipeline
        .process(raw(
            "later.txt",
            "Truce in Sudan\n\nSudan's army declared a one-month humanitarian truce with the Rapid Support Forces on February 3.",
            "ap",
        ))
        .unwrap();
    assert!(!coded.is_empty());
    let mut store = Store::open(&db).unwrap();
    store.write_document(&doc, &coded).unwrap();
    assert!(!store.consolidation_is_current().unwrap());
    assert_eq!(get_ok(&app, "/api/events").await, events);
    assert_eq!(get_ok(&app, "/api/stories").await, stories);
    assert_eq!(get_ok(&app, "/api/stats").await["documents"], 3);
    chronicler_query::record_event_ids(&mut store).unwrap();
    let after = get_ok(&app, "/api/events").await;
    assert!(
        after["total"].as_u64().unwrap() > events["total"].as_u64().unwrap(),
        "{after}"
    );
    let stories_after = get_ok(&app, "/api/stories").await;
    assert_eq!(
        stories_after["total"].as_u64().unwrap(),
        stories["total"].as_u64().unwrap() + 1
    );
}
