//! `chronicler actors`: resolved actors with codes and counts, and
//! `--unresolved` names with counts and contexts, on the example articles
//! plus an article naming people no dictionary knows.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::path::Path;
use std::process::Output;

use serde_json::Value;

fn run(db: &Path, args: &[&str]) -> Output {
    common::run_ok(db, args)
}

fn json(db: &Path, args: &[&str]) -> Vec<Value> {
    let o = run(db, args);
    serde_json::from_slice::<Value>(&o.stdout)
        .unwrap()
        .as_array()
        .cloned()
        .unwrap()
}

#[test]
fn actors_and_unresolved_names_with_counts_and_contexts() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("a.db");
    let repo = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let extra = dir.path().join("extra.txt");
    std::fs::write(
        &extra,
        "Ukrainian officials met Commander Zorbak Telunov of the Vostok Battalion near Kupiansk \
         on Monday. Officials in Kyiv said Telunov had agreed to a local truce.\n\n\
         Analysts said Telunov would keep his positions. Russian forces shelled the town.\n",
    )
    .unwrap();
    run(
        &db,
        &[
            "ingest",
            "-q",
            repo.join("examples/articles").to_str().unwrap(),
            extra.to_str().unwrap(),
        ],
    );

    let actors = json(&db, &["actors", "--json"]);
    let find = |entity: &str, code: &str| {
        actors
            .iter()
            .find(|a| a["entity"] == entity && a["code"] == code)
            .unwrap_or_else(|| panic!("{entity} {code} not in {actors:#?}"))
    };
    let z = find("person:volodymyr-zelenskyy", "UKRGOV");
    assert!(z["mentions"].as_u64().unwrap() >= 10, "{z}");
    assert_eq!(z["documents"], 2);
    assert!(z["forms"]
        .as_array()
        .unwrap()
        .iter()
        .any(|f| f == "Zelenskyy"));
    assert_eq!(find("person:vladimir-putin", "RUSGOV")["kind"], "person");
    // Most mentioned first.
    let counts: Vec<u64> = actors
        .iter()
        .map(|a| a["mentions"].as_u64().unwrap())
        .collect();
    assert!(counts.windows(2).all(|w| w[0] >= w[1]), "{counts:?}");

    let names = json(&db, &["actors", "--unresolved", "--json"]);
    let telunov = names
        .iter()
        .find(|n| n["name"] == "Telunov")
        .unwrap_or_else(|| panic!("{names:#?}"));
    assert_eq!(telunov["count"], 2, "{telunov}");
    assert_eq!(names.first().unwrap()["name"], "Telunov", "{names:#?}");
    let contexts = telunov["contexts"].as_array().unwrap();
    assert_eq!(contexts.len(), 2);
    assert!(contexts[0]["sentence"]
        .as_str()
        .unwrap()
        .contains("Telunov had agreed"));
    assert!(names.iter().any(|n| n["name"] == "Zorbak Telunov"));
    // Known names are not listed.
    assert!(!names
        .iter()
        .any(|n| n["name"] == "Kupiansk" || n["name"] == "Kyiv"));

    // The listing shows count, name and an excerpt of the sentence.
    let o = run(&db, &["actors", "--unresolved", "--limit", "1"]);
    let text = String::from_utf8(o.stdout).unwrap();
    assert!(text.contains("2  Telunov  (1 document)"), "{text}");
    assert!(
        text.contains("Telunov had agreed to a local truce"),
        "{text}"
    );
    let o = run(&db, &["actors", "--limit", "3"]);
    let text = String::from_utf8(o.stdout).unwrap();
    assert_eq!(text.lines().count(), 3, "{text}");
    assert!(text.contains("UKRGOV"), "{text}");
}
