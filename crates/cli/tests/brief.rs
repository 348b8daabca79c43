//! `chronicler brief`: the state of play, through the real pipeline, on the
//! example articles and on small made-up articles about other conflicts.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests: a failed unwrap is a failed test

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde_json::Value;

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn run(db: &Path, args: &[&str]) -> Output {
    common::run_ok(db, args)
}

fn ingest(db: &Path, path: &Path) {
    run(db, &["ingest", "-q", &path.display().to_string()]);
}

fn brief_json(db: &Path, args: &[&str]) -> Value {
    let mut a = vec!["brief", "--json"];
    a.extend_from_slice(args);
    serde_json::from_slice(&run(db, &a).stdout).expect("brief --json is JSON")
}

fn items<'a>(b: &'a Value, key: &str) -> &'a Vec<Value> {
    b[key].as_array().expect("array")
}

fn examples_db(dir: &Path) -> PathBuf {
    let db = dir.join("ex.db");
    ingest(&db, &repo().join("examples/articles"));
    db
}

#[test]
fn examples_as_of_january_30_give_the_state_of_play() {
    let dir = tempfile::tempdir().unwrap();
    let db = examples_db(dir.path());
    let b = brief_json(&db, &["--dyad", "UKR-RUS", "--as-of", "2026-01-30"]);

    // The round scheduled for 1 February, US-mediated, after Abu Dhabi.
    let rounds = items(&b, "rounds");
    let next = rounds
        .iter()
        .find(|r| r["when"]["start"] == "2026-02-01")
        .expect("the 1 February round");
    assert_eq!(next["state"], "scheduled");
    assert_eq!(next["section"], "coming_up");
    assert!(
        next["mediators"].to_string().contains("United States"),
        "{next}"
    );
    assert!(
        next["previous"]
            .as_str()
            .unwrap_or("")
            .contains("Abu Dhabi"),
        "{next}"
    );
    let abu = rounds
        .iter()
        .find(|r| r["venue"] == "Abu Dhabi")
        .expect("the Abu Dhabi round");
    assert_eq!(abu["state"], "held");
    assert_eq!(abu["when"]["start"], "2026-01-23");
    assert_eq!(abu["when"]["end"], "2026-01-24");

    // The energy-strike moratorium: about a week, to around 1 February,
    // called limited by the Kremlin.
    let m = items(&b, "commitments")
        .iter()
        .find(|c| c["kind"] == "moratorium")
        .expect("the moratorium");
    assert_eq!(m["end"], "2026-02-01");
    assert_eq!(m["end_precision"], "approximate");
    assert!(m["duration"].as_str().unwrap_or("").contains("week"), "{m}");
    assert!(m["scope"].as_str().unwrap_or("").contains("energy"), "{m}");
    assert_eq!(m["section"], "in_force");
    assert_eq!(m["days_left"], 2);
    let claim = &m["claims"][0];
    assert_eq!(claim["claim"], "limited");
    assert_eq!(claim["by"], "Kremlin");

    // The repatriation of 29 January and the suspension reported on 30 January.
    let x = items(&b, "exchanges")
        .iter()
        .find(|x| x["when"]["start"] == "2026-01-29")
        .expect("the 29 January exchange");
    let counts: Vec<f64> = x["transfers"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|t| t["count"].as_f64())
        .collect();
    assert!(counts.contains(&1000.0) && counts.contains(&38.0), "{x}");
    assert!(x["transfers"].to_string().contains("remains"), "{x}");
    let s = &items(&b, "suspensions")[0];
    assert_eq!(s["section"], "stalled");
    assert_eq!(s["by"], "Russia");
    assert!(s["what"].as_str().unwrap_or("").contains("exchange"), "{s}");

    // Venue positions of both sides.
    let pos = items(&b, "positions");
    let proposes = |actor: &str, venue: &str| {
        pos.iter()
            .any(|p| p["actor"] == actor && p["stance"] == "proposes" && p["venue"] == venue)
    };
    assert!(proposes("Ukraine", "Kyiv"), "{pos:?}");
    assert!(proposes("Russia", "Moscow"), "{pos:?}");

    // Every record carries evidence with offsets into a stored document.
    for key in [
        "rounds",
        "commitments",
        "exchanges",
        "suspensions",
        "positions",
    ] {
        for r in items(&b, key) {
            let src = &r["sources"][0];
            assert!(
                src["doc"].as_str().is_some_and(|d| d.contains("examples")),
                "{r}"
            );
            assert!(src["end"].as_u64() > src["start"].as_u64(), "{r}");
        }
    }
}

#[test]
fn examples_as_of_february_3_show_what_lapsed() {
    let dir = tempfile::tempdir().unwrap();
    let db = examples_db(dir.path());
    let b = brief_json(&db, &["--dyad", "UKR-RUS", "--as-of", "2026-02-03"]);
    let m = items(&b, "commitments")
        .iter()
        .find(|c| c["kind"] == "moratorium")
        .expect("the moratorium");
    assert_eq!(m["state"], "expired");
    let next = items(&b, "rounds")
        .iter()
        .find(|r| r["when"]["start"] == "2026-02-01")
        .expect("the 1 February round");
    assert_eq!(next["state"], "past_no_outcome");
    assert_eq!(next["section"], "stalled");

    // The Markdown says so, with dates, sources and evidence offsets.
    let md = String::from_utf8(
        run(
            &db,
            &["brief", "--dyad", "UKR-RUS", "--as-of", "2026-02-03"],
        )
        .stdout,
    )
    .unwrap();
    assert!(md.contains("as of 2026-02-03"), "{md}");
    assert!(md.contains("past its expiry"), "{md}");
    assert!(md.contains("no reported outcome"), "{md}");
    assert!(md.contains("MBN360 News"), "{md}");
    assert!(md.contains("chars "), "{md}");

    // Without --as-of, the day is the newest publication date.
    let b = brief_json(&db, &["--dyad", "UKR-RUS"]);
    assert_eq!(b["as_of"], "2026-01-30");
    // Reports published after the day are not known on it.
    let b = brief_json(&db, &["--dyad", "UKR-RUS", "--as-of", "2026-01-20"]);
    assert_eq!(b["events"], 0);
}

fn made_up_db(dir: &Path) -> PathBuf {
    let db = dir.join("made.db");
    ingest(
        &db,
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/brief"),
    );
    db
}

#[test]
fn a_truce_runs_is_extended_and_expires() {
    let dir = tempfile::tempdir().unwrap();
    let db = made_up_db(dir.path());
    let truce = |day: &str| {
        let b = brief_json(&db, &["--actor", "SDN", "--as-of", day]);
        items(&b, "commitments")[0].clone()
    };
    let before = truce("2025-05-20");
    assert_eq!(before["state"], "in_force");
    assert_eq!(before["end"], "2025-05-31");
    assert_eq!(before["days_left"], 11);
    assert!(before["duration"]
        .as_str()
        .unwrap_or("")
        .contains("three-month"));
    let extended = truce("2025-06-10");
    assert_eq!(extended["state"], "extended");
    assert_eq!(extended["end"], "2025-08-31");
    assert_eq!(extended["extended_from"], "2025-05-31");
    assert_eq!(extended["section"], "in_force");
    let after = truce("2025-09-05");
    assert_eq!(after["state"], "expired");
    assert_eq!(after["section"], "just_happened");
}

#[test]
fn postponed_talks_are_stalled_and_releases_come_in_phases() {
    let dir = tempfile::tempdir().unwrap();
    let db = made_up_db(dir.path());
    let b = brief_json(&db, &["--dyad", "ARM-AZE", "--as-of", "2025-04-08"]);
    let r = &items(&b, "rounds")[0];
    assert_eq!(r["state"], "postponed");
    assert_eq!(r["section"], "stalled");
    assert_eq!(r["when"]["start"], "2025-04-10");

    let b = brief_json(&db, &["--dyad", "ISR-PSE", "--as-of", "2025-02-10"]);
    let x = items(&b, "exchanges");
    assert_eq!(x.len(), 2, "{x:?}");
    assert_eq!(x[0]["phase"], 1);
    assert_eq!(x[1]["phase"], 2);
    assert_eq!(x[1]["section"], "just_happened");
    let counts: Vec<f64> = x[0]["transfers"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|t| t["count"].as_f64())
        .collect();
    assert_eq!(counts, vec![33.0, 737.0]);
    // As of the first release, the second is not known yet.
    let b = brief_json(&db, &["--dyad", "ISR-PSE", "--as-of", "2025-01-25"]);
    assert_eq!(items(&b, "exchanges").len(), 1);
}

#[test]
fn demands_and_red_lines_by_actor_over_time() {
    let dir = tempfile::tempdir().unwrap();
    let db = made_up_db(dir.path());
    let stand = |b: &Value, actor: &str, issue: &str| {
        items(b, "stands")
            .iter()
            .find(|s| s["actor"] == actor && s["issue"] == issue)
            .cloned()
    };
    // After the first round of talks: one demand, not yet a red line.
    let may = brief_json(&db, &["--dyad", "IND-PAK", "--as-of", "2025-05-31"]);
    let w = stand(&may, "Pakistan", "withdrawal of troops").expect("Pakistan's demand");
    assert_eq!(w["statements"], 1, "{w}");
    assert_eq!(w["red_line"], false, "{w}");
    assert!(stand(&may, "Pakistan", "security guarantees").is_some());
    // After the second: repeated, now called a red line; India refuses
    // mediation and holds its territorial integrity non-negotiable.
    let june = brief_json(&db, &["--dyad", "IND-PAK", "--as-of", "2025-06-30"]);
    let w = stand(&june, "Pakistan", "withdrawal of troops").expect("Pakistan's demand");
    assert_eq!(w["statements"], 2, "{w}");
    assert_eq!(
        (w["first"].as_str(), w["last"].as_str()),
        (Some("2025-05-12"), Some("2025-06-20"))
    );
    assert_eq!(w["red_line"], true, "{w}");
    let m = stand(&june, "India", "mediation").expect("India's refusal");
    assert_eq!(m["stances"], serde_json::json!(["rejects"]));
    assert_eq!(m["red_line"], true);
    assert_eq!(
        stand(&june, "India", "territorial integrity").unwrap()["red_line"],
        true
    );
    // Each stated position carries its sentence, document and offsets.
    for p in items(&june, "positions")
        .iter()
        .filter(|p| p["topic"].is_string())
    {
        let src = &p["sources"][0];
        assert!(
            src["sentence"]
                .as_str()
                .unwrap()
                .contains(p["topic"].as_str().unwrap()),
            "{p}"
        );
        assert!(src["doc"].as_str().unwrap().contains("positions-"), "{p}");
        assert!(src["end"].as_u64() > src["start"].as_u64(), "{p}");
    }
    let md = String::from_utf8(
        run(
            &db,
            &["brief", "--dyad", "IND-PAK", "--as-of", "2025-06-30"],
        )
        .stdout,
    )
    .unwrap();
    assert!(
        md.contains(
            "withdrawal of troops (demands, red line; 2025-05-12..2025-06-20, 2 statements)"
        ),
        "{md}"
    );
}

#[test]
fn examples_give_each_sides_demands_and_a_story_brief() {
    let dir = tempfile::tempdir().unwrap();
    let db = examples_db(dir.path());
    let b = brief_json(&db, &["--dyad", "UKR-RUS", "--as-of", "2026-01-30"]);
    let issues: Vec<String> = items(&b, "stands")
        .iter()
        .filter(|s| s["actor"] == "Ukraine")
        .map(|s| s["issue"].as_str().unwrap().to_string())
        .collect();
    for want in ["security guarantees", "territorial integrity"] {
        assert!(issues.iter().any(|i| i == want), "{issues:?}");
    }

    // --story: the brief of one story's events.
    let stories: Value = serde_json::from_slice(&run(&db, &["stories", "--json"]).stdout).unwrap();
    let story = stories
        .as_array()
        .unwrap()
        .iter()
        .max_by_key(|s| s["events"].as_array().map_or(0, Vec::len))
        .expect("a story");
    let id = story["id"].as_str().unwrap();
    let b = brief_json(&db, &["--story", id]);
    assert!(
        b["scope"]
            .as_str()
            .unwrap()
            .starts_with(&format!("story {id}")),
        "{b}"
    );
    let n = b["events"].as_u64().unwrap();
    assert!(
        n > 0 && n <= story["events"].as_array().unwrap().len() as u64,
        "{b}"
    );
    let docs = story["documents"].to_string();
    for key in ["rounds", "commitments", "exchanges", "positions"] {
        for r in items(&b, key) {
            for s in r["sources"].as_array().unwrap() {
                assert!(docs.contains(s["doc"].as_str().unwrap()), "{s}");
            }
        }
    }
    let out = Command::new(env!("CARGO_BIN_EXE_chronicler"))
        .env_remove("CHRONICLER_DB")
        .arg("--db")
        .arg(&db)
        .args(["brief", "--story", "st000000000000"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no story st000000000000"));
}

#[test]
fn a_users_stances_file_adds_an_issue_to_the_brief() {
    let dir = tempfile::tempdir().unwrap();
    let db = made_up_db(dir.path());
    let dict = dir.path().join("dict");
    std::fs::create_dir(&dict).unwrap();
    std::fs::write(
        dict.join("stances-lines.txt"),
        "# ceasefire lines this user follows\nissue: line of control | line* of control; loc\n",
    )
    .unwrap();
    let stands = |b: &Value| -> Vec<(String, String, u64)> {
        items(b, "stands")
            .iter()
            .map(|s| {
                (
                    s["actor"].as_str().unwrap().to_string(),
                    s["issue"].as_str().unwrap().to_string(),
                    s["statements"].as_u64().unwrap(),
                )
            })
            .collect()
    };
    let args = ["--dyad", "IND-PAK", "--as-of", "2025-06-30"];
    let plain = stands(&brief_json(&db, &args));
    assert!(
        !plain.iter().any(|(_, i, _)| i == "line of control"),
        "{plain:?}"
    );
    let mut with = args.to_vec();
    with.extend(["--dict", dict.to_str().unwrap()]);
    let b = brief_json(&db, &with);
    let got = stands(&b);
    // Both of Pakistan's demands name the line; the built-in issues stay.
    assert!(
        got.contains(&("Pakistan".into(), "line of control".into(), 2)),
        "{got:?}"
    );
    assert!(
        got.contains(&("Pakistan".into(), "withdrawal of troops".into(), 2)),
        "{got:?}"
    );
    let md = String::from_utf8(run(&db, &[&["brief"][..], &with].concat()).stdout).unwrap();
    assert!(md.contains("line of control (demands"), "{md}");

    // A broken user file stops the brief with its name and line.
    std::fs::write(dict.join("stances-x.txt"), "issue: Line Of Control | loc\n").unwrap();
    let o = Command::new(env!("CARGO_BIN_EXE_chronicler"))
        .env_remove("CHRONICLER_DB")
        .arg("--db")
        .arg(&db)
        .args(["brief", "--dict", dict.to_str().unwrap()])
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert!(!o.status.success());
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("stances-x.txt:1:"), "{err}");
}

#[test]
fn stands_on_the_issues_of_another_conflict() {
    let dir = tempfile::tempdir().unwrap();
    let db = made_up_db(dir.path());
    let b = brief_json(&db, &["--dyad", "ETH-ERI", "--as-of", "2025-03-31"]);
    let got: Vec<(String, String, Value)> = items(&b, "stands")
        .iter()
        .map(|s| {
            (
                s["actor"].as_str().unwrap().to_string(),
                s["issue"].as_str().unwrap().to_string(),
                s["stances"].clone(),
            )
        })
        .collect();
    let has = |actor: &str, issue: &str, stance: &str| {
        got.iter()
            .any(|(a, i, s)| a == actor && i == issue && *s == serde_json::json!([stance]))
    };
    for issue in [
        "border demarcation",
        "disarmament",
        "recognition",
        "sovereignty",
    ] {
        assert!(has("Eritrea", issue, "demands"), "{issue}: {got:?}");
    }
    // One sentence, two statements: the refusal and the demand each keep
    // their own topic (stances are exactly ["rejects"] and ["demands"]).
    assert!(has("Ethiopia", "constitution", "rejects"), "{got:?}");
    assert!(has("Ethiopia", "prisoners", "demands"), "{got:?}");
}

#[test]
fn a_scoped_brief_from_the_kept_rows_is_the_brief_of_every_event() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("both.db");
    ingest(&db, &repo().join("examples/articles"));
    ingest(
        &db,
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/brief"),
    );
    let scopes: [&[&str]; 6] = [
        &["--dyad", "UKR-RUS"],
        &["--dyad", "RUS-UKR", "--as-of", "2026-01-30"],
        &["--actor", "Zelenskyy"],
        &["--actor", "SDN"],
        &["--actor", "SDN", "--as-of", "2025-06-01"],
        &["--dyad", "ISR-PSE", "--recent-days", "3"],
    ];
    let briefs = |json: bool| -> Vec<String> {
        scopes
            .iter()
            .map(|args| {
                let mut a = vec!["brief"];
                if json {
                    a.push("--json");
                }
                a.extend_from_slice(args);
                String::from_utf8(run(&db, &a).stdout).unwrap()
            })
            .collect()
    };
    let mut store = chronicler_store::Store::open(&db).unwrap();
    assert!(store.kept_events_current().unwrap());
    let (from_rows, md_from_rows) = (briefs(true), briefs(false));
    let in_scope = from_rows
        .iter()
        .filter(|b| serde_json::from_str::<Value>(b).unwrap()["events"].as_u64() > Some(0))
        .count();
    assert!(in_scope >= 4, "{from_rows:?}");
    // A group row written again as it was: the kept rows are no longer
    // read, and every event is merged.
    let (_, groups, _) = store.consolidation_input().unwrap();
    let g = &groups[0];
    store
        .write_consolidation(
            &[chronicler_store::EventGroupWrite {
                doc: g.doc.clone(),
                ordinal: g.ordinal,
                block: g.block.clone().unwrap(),
                group: g.group.clone().unwrap(),
            }],
            &[],
        )
        .unwrap();
    assert!(!store.kept_events_current().unwrap());
    assert_eq!(briefs(true), from_rows);
    assert_eq!(briefs(false), md_from_rows);
}
