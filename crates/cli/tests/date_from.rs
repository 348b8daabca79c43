//! Where each event's date came from survives the store: ingested, stored,
//! exported as JSON Lines, shown in the timeline.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests: a failed unwrap is a failed test

mod common;

use serde_json::Value;

#[test]
fn an_undated_act_after_a_dated_one_exports_its_date_as_carried_from_that_sentence() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("strike.txt");
    std::fs::write(
        &article,
        "Indian troops struck nine sites in Pakistan on May 7. \
         New Delhi blamed Pakistan for the massacre.\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("strike.meta.json"),
        r#"{"title": "Strikes", "published": "2025-05-22"}"#,
    )
    .unwrap();
    let db = dir.path().join("s.db");
    common::run_ok(&db, &["ingest", "-q", article.to_str().unwrap()]);
    let out = common::run_ok(&db, &["export", "--format", "jsonl"]);
    let events: Vec<Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let find = |root: &str| {
        events
            .iter()
            .find(|e| e["cameo"].as_str().unwrap_or("").starts_with(root))
            .unwrap_or_else(|| panic!("no {root}* event in {events:#?}"))
    };
    let strike = find("19");
    assert_eq!(strike["date"], "2025-05-07");
    assert_eq!(strike["date_from"], "text");
    assert!(strike.get("date_from_sentence").is_none());
    let blame = find("11");
    assert_eq!(blame["date"], "2025-05-07");
    assert_eq!(blame["date_from"], "carried");
    assert_eq!(blame["date_from_sentence"], 0);
    // The timeline says it beside the evidence.
    let out = common::run_ok(&db, &["timeline"]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("· date carried from sentence 0"), "{text}");
    assert!(text.contains("· date from its sentence"), "{text}");
}
