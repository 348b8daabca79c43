//! End-to-end tests of the `chronicler` binary, as a user runs it.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests: a failed unwrap is a failed test

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_chronicler"));
    c.env_remove("CHRONICLER_DB");
    c
}

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn examples() -> String {
    repo().join("examples/articles").display().to_string()
}

fn run(db: &Path, args: &[&str]) -> Output {
    bin()
        .arg("--db")
        .arg(db)
        .args(args)
        .stdin(Stdio::null())
        .output()
        .expect("binary runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn export(db: &Path) -> Vec<serde_json::Value> {
    let o = run(db, &["export", "--format", "jsonl"]);
    assert!(o.status.success(), "export failed: {}", stderr(&o));
    stdout(&o)
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect()
}

fn doc_count(db: &Path) -> usize {
    let o = run(db, &["docs", "--json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("json");
    v.as_array().map_or(0, Vec::len)
}

#[test]
fn every_command_has_help_with_an_example() {
    for cmd in [
        "ingest", "timeline", "events", "docs", "stats", "check", "export",
    ] {
        let o = bin().args([cmd, "--help"]).output().expect("runs");
        assert!(o.status.success(), "{cmd} --help");
        let text = stdout(&o);
        assert!(
            text.contains("Example"),
            "{cmd} --help has no example:\n{text}"
        );
        assert!(text.contains("--db"), "{cmd} --help does not show --db");
    }
}

#[test]
fn query_commands_on_a_missing_store_say_so() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("none.db");
    let o = run(&db, &["events"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("no such store"), "{}", stderr(&o));
    assert!(!db.exists(), "a query must not create a store");
}

#[test]
fn examples_give_the_sourced_timeline() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    let o = run(&db, &["ingest", &examples(), "--timeline"]);
    assert!(o.status.success(), "ingest failed: {}", stderr(&o));
    let t = stdout(&o);
    // Each part of the story, with its date and a source.
    let lines: Vec<&str> = t.lines().collect();
    let find = |pred: &dyn Fn(&str) -> bool, what: &str| {
        let i = lines
            .iter()
            .position(|l| pred(l))
            .unwrap_or_else(|| panic!("timeline lacks {what}:\n{t}"));
        assert!(
            lines.get(i + 1).is_some_and(|l| l.contains("sources: ")),
            "{what} has no sources line"
        );
        lines[i]
    };
    find(
        &|l| l.starts_with("2026-01-30") && l.contains("(036)") && l.contains("Putin"),
        "the invitation of 30 January",
    );
    find(
        &|l| l.contains("(125)") || l.contains("[rejected]"),
        "the refusal of Moscow and Minsk",
    );
    find(
        &|l| l.starts_with("2026-01-23..2026-01-24") && l.contains("(04"),
        "the Abu Dhabi talks of 23-24 January",
    );
    find(
        &|l| l.starts_with("2026-02-01") && l.contains("[scheduled]"),
        "the round scheduled for 1 February",
    );
    let rep = find(
        &|l| l.starts_with("2026-01-29") && l.contains("(084"),
        "the repatriation of 29 January",
    );
    let both = lines
        .iter()
        .filter(|l| l.starts_with("2026-01-29") && l.contains("(084"))
        .cloned()
        .collect::<Vec<_>>()
        .join("\n");
    assert!(
        both.contains("1,000") && both.contains("38"),
        "repatriation counts missing: {rep}\n{both}"
    );
    find(
        &|l| l.contains("(124") || l.to_lowercase().contains("suspen"),
        "the suspension of exchanges",
    );
    assert!(t.contains("MBN360 News"), "the outlet is named");
}

#[test]
fn example_events_score_at_least_0_6_f1() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("e.db");
    assert!(run(&db, &["ingest", "-q", &examples()]).status.success());
    let pred = dir.path().join("events.jsonl");
    let o = run(
        &db,
        &[
            "export",
            "--format",
            "jsonl",
            "--output",
            pred.to_str().unwrap(),
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let score = Command::new("python3")
        .arg(repo().join("eval/score.py"))
        .args(["--json", "--pred"])
        .arg(&pred)
        .arg("--gold")
        .arg(repo().join("eval/dev"))
        .output()
        .expect("python3 runs eval/score.py");
    assert!(score.status.success(), "score.py: {}", stderr(&score));
    let v: serde_json::Value = serde_json::from_slice(&score.stdout).expect("score json");
    let f1 = v["f1"].as_f64().unwrap_or(0.0);
    assert!(f1 >= 0.6, "F1 {f1} < 0.6: {v}");
}

#[test]
fn the_export_follows_the_contract() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.db");
    assert!(run(&db, &["ingest", "-q", &examples()]).status.success());
    let events = export(&db);
    assert!(!events.is_empty());
    let text = std::fs::read_to_string(
        repo().join("examples/articles/mbn360-zelenskyy-challenges-putin.txt"),
    )
    .unwrap();
    for e in &events {
        for key in [
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
            assert!(e.get(key).is_some(), "missing {key} in {e}");
        }
        let cameo = e["cameo"].as_str().unwrap();
        assert_eq!(&cameo[..2], e["cameo_root"].as_str().unwrap());
        assert_eq!(
            e["num_mentions"].as_u64().unwrap() as usize,
            e["mentions"].as_array().unwrap().len()
        );
        for m in e["mentions"].as_array().unwrap() {
            let (s, t) = (
                m["start"].as_u64().unwrap() as usize,
                m["end"].as_u64().unwrap() as usize,
            );
            assert!(s < t);
            let sentence = m["sentence"].as_str().unwrap();
            assert_eq!(
                t - s,
                sentence.chars().count(),
                "offsets are character offsets"
            );
            if m["doc"].as_str().unwrap().contains("mbn360") {
                // The clean text keeps the story's sentences verbatim.
                assert!(
                    text.contains(sentence),
                    "sentence not from the article: {sentence}"
                );
            }
        }
    }
    // Ids are stable across re-runs on a fresh store.
    let db2 = dir.path().join("c2.db");
    assert!(run(&db2, &["ingest", "-q", &examples()]).status.success());
    assert_eq!(export(&db2), events);
}

#[test]
fn a_streamed_csv_export_has_one_header_and_a_closed_pipe_is_no_error() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.db");
    assert!(run(&db, &["ingest", "-q", &examples()]).status.success());
    let events = export(&db).len();
    let csv = |args: &[&str]| {
        let o = run(&db, &[&["export", "--format", "csv"], args].concat());
        assert!(o.status.success(), "{}", stderr(&o));
        stdout(&o)
    };
    let all = csv(&[]);
    assert!(events > 1);
    assert_eq!(all.matches("id,date,date_end,").count(), 1);
    assert!(
        all.lines().count() > events,
        "{events} events, one row each"
    );
    // Nothing changed since: the header alone, once.
    assert_eq!(csv(&["--since", "2999-01-01"]).lines().count(), 1);
    // A reader that stops early (`| head -c 10`).
    let mut child = bin()
        .arg("--db")
        .arg(&db)
        .args(["export", "--format", "jsonl"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 10];
    std::io::Read::read_exact(child.stdout.as_mut().unwrap(), &mut first).unwrap();
    drop(child.stdout.take());
    let o = child.wait_with_output().unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    // Listings and JSON (written through serde_json, whose error wraps the
    // closed pipe) into a reader gone before they start.
    for args in [
        &["docs", "--json"][..],
        &["timeline", "--json"],
        &["events", "--json"],
        &["stats", "--json"],
        &["docs"],
        &["timeline"],
    ] {
        let mut child = bin()
            .arg("--db")
            .arg(&db)
            .args(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        drop(child.stdout.take());
        let o = child.wait_with_output().unwrap();
        assert!(o.status.success(), "{args:?}: {}", stderr(&o));
        assert!(o.stderr.is_empty(), "{args:?}: {}", stderr(&o));
    }
}

#[test]
fn output_does_not_depend_on_thread_count() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus.jsonl");
    write_corpus(&corpus, 60);
    let a = dir.path().join("a.db");
    let b = dir.path().join("b.db");
    assert!(run(
        &a,
        &[
            "ingest",
            "-q",
            "-j",
            "1",
            corpus.to_str().unwrap(),
            &examples()
        ]
    )
    .status
    .success());
    assert!(run(
        &b,
        &[
            "ingest",
            "-q",
            "-j",
            "2",
            corpus.to_str().unwrap(),
            &examples()
        ]
    )
    .status
    .success());
    assert_eq!(export(&a), export(&b));
}

#[test]
fn reingesting_adds_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("r.db");
    assert!(run(&db, &["ingest", "-q", &examples()]).status.success());
    let before = export(&db);
    let docs = doc_count(&db);
    let o = run(&db, &["ingest", &examples()]);
    assert!(o.status.success());
    assert!(stderr(&o).contains("0 stored"), "{}", stderr(&o));
    // The same article under another name, and the same URL with other text, are duplicates too.
    let copy = dir.path().join("copy.txt");
    std::fs::copy(
        repo().join("examples/articles/mbn360-zelenskyy-challenges-putin.txt"),
        &copy,
    )
    .unwrap();
    let jl = dir.path().join("same-url.jsonl");
    std::fs::write(&jl, "{\"id\":\"u1\",\"url\":\"https://example.org/a\",\"text\":\"Russia and Ukraine held talks in Geneva on Monday, officials said.\"}\n{\"id\":\"u2\",\"url\":\"https://example.org/a\",\"text\":\"An updated version: Russia and Ukraine held talks in Geneva.\"}\n").unwrap();
    let o = run(
        &db,
        &["ingest", copy.to_str().unwrap(), jl.to_str().unwrap()],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(doc_count(&db), docs + 1, "only u1 is new");
    let after = export(&db);
    assert!(after.len() >= before.len());
    for e in &before {
        assert!(after.iter().any(|x| x["id"] == e["id"]), "event lost: {e}");
    }
}

#[test]
fn bad_inputs_are_named_and_skipped_and_the_run_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let inp = dir.path().join("in");
    std::fs::create_dir(&inp).unwrap();
    std::fs::write(
        inp.join("binary.txt"),
        [0u8, 159, 146, 150, 0, 1, 2, 3, 0, 0, 7],
    )
    .unwrap();
    std::fs::write(inp.join("empty.txt"), "").unwrap();
    std::fs::write(inp.join("blank.md"), "  \n\n \n").unwrap();
    let mut latin1 = b"Ukraine and Russia held talks in Geneva on Monday, the foreign ministry said. Caf\xe9 owners were pleased.".to_vec();
    latin1.extend_from_slice(b"\n");
    std::fs::write(inp.join("latin1.txt"), latin1).unwrap();
    std::fs::write(inp.join("big.txt"), "word ".repeat(300_000)).unwrap();
    std::fs::write(
        inp.join("lines.jsonl"),
        "{\"id\":\"ok-1\",\"title\":\"Talks\",\"published\":\"2026-02-02\",\"text\":\"Russia and Ukraine held talks in Istanbul on Monday.\"}\n{not json\n{\"id\":\"no-text\"}\n",
    )
    .unwrap();
    std::fs::write(inp.join("cut.html"), "<html><head><title>Cut</title></head><body><article><p>Ukraine's foreign minister met his Turkish counterpart in Ankara on Tuesday to discuss a ceasefire.</p><p>The talks").unwrap();
    std::fs::write(
        inp.join("feed.xml"),
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Wire</title><item><title>A",
    )
    .unwrap();
    let db = dir.path().join("b.db");
    let o = bin()
        .arg("--db")
        .arg(&db)
        .args(["ingest", "--max-bytes", "1000000", inp.to_str().unwrap()])
        .stdin(Stdio::null())
        .output()
        .unwrap();
    let err = stderr(&o);
    assert_eq!(
        o.status.code(),
        Some(1),
        "some inputs failed: exit 1\n{err}"
    );
    for (name, reason) in [
        ("binary.txt", "binary"),
        ("empty.txt", "empty"),
        ("blank.md", "empty"),
        ("big.txt", "limit"),
        ("lines.jsonl:2", ""),
        ("lines.jsonl:3", ""),
        ("feed.xml", ""),
    ] {
        let line = err
            .lines()
            .find(|l| l.contains(name))
            .unwrap_or_else(|| panic!("no message for {name}:\n{err}"));
        assert!(
            line.to_lowercase().contains(reason),
            "message for {name} lacks '{reason}': {line}"
        );
    }
    assert!(
        err.lines()
            .any(|l| l.contains("latin1.txt") && l.contains("UTF-8")),
        "{err}"
    );
    // What could be read was stored.
    let o = run(&db, &["docs", "--json"]);
    let docs: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let ids: Vec<&str> = docs
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|d| d["id"].as_str())
        .collect();
    assert!(ids.contains(&"ok-1"), "{ids:?}");
    assert!(ids.iter().any(|i| i.ends_with("latin1.txt")), "{ids:?}");
    assert!(ids.iter().any(|i| i.ends_with("cut.html")), "{ids:?}");
}

#[test]
fn stdin_is_read_with_a_dash() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.db");
    let mut child = bin()
        .arg("--db")
        .arg(&db)
        .args(["ingest", "-q", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    {
        use std::io::Write;
        let mut sin = child.stdin.take().unwrap();
        sin.write_all(b"{\"id\":\"wire-7\",\"outlet\":\"Wire\",\"published\":\"2026-03-02\",\"text\":\"Russia and Ukraine held talks in Istanbul on Monday, the Turkish foreign ministry said.\"}\n").unwrap();
    }
    let o = child.wait_with_output().unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    let o = run(&db, &["docs", "--json"]);
    assert!(stdout(&o).contains("wire-7"));
}

/// Writes `n` distinct articles built from real sentences as JSON Lines.
fn write_corpus(path: &Path, n: usize) {
    let a = std::fs::read_to_string(
        repo().join("examples/articles/zelenskyy-invites-putin-territorial-hurdles.txt"),
    )
    .unwrap();
    let b = std::fs::read_to_string(
        repo().join("examples/articles/mbn360-zelenskyy-challenges-putin.txt"),
    )
    .unwrap();
    let paras: Vec<&str> = a
        .lines()
        .chain(b.lines())
        .filter(|l| l.split_whitespace().count() > 12)
        .collect();
    let mut out = String::new();
    for i in 0..n {
        let text: Vec<&str> = (0..4)
            .map(|k| paras[(i * 7 + k * 3) % paras.len()])
            .collect();
        let doc = serde_json::json!({
            "id": format!("gen-{i:04}"),
            "outlet": format!("Outlet {}", i % 5),
            "published": format!("2026-01-{:02}", 1 + i % 28),
            "text": format!("Report number {i}.\n\n{}", text.join("\n\n")),
        });
        out.push_str(&doc.to_string());
        out.push('\n');
    }
    std::fs::write(path, out).unwrap();
}

#[test]
fn a_killed_ingest_leaves_a_consistent_store_and_a_rerun_completes_it() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus.jsonl");
    write_corpus(&corpus, 400);
    let db = dir.path().join("k.db");
    // Reference: a full run elsewhere.
    let full = dir.path().join("full.db");
    assert!(run(&full, &["ingest", "-q", corpus.to_str().unwrap()])
        .status
        .success());
    let expected_docs = doc_count(&full);
    let expected = export(&full);
    for delay_ms in [30u64, 120, 400] {
        let mut child = bin()
            .arg("--db")
            .arg(&db)
            .args(["ingest", "-q", corpus.to_str().unwrap()])
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(std::time::Duration::from_millis(delay_ms));
        let _ = child.kill(); // SIGKILL on Unix
        let _ = child.wait();
        if db.exists() {
            let store = chronicler_store::Store::open(&db).expect("store opens after a kill");
            let problems = store.integrity_check().expect("integrity_check runs");
            assert!(
                problems.is_empty(),
                "integrity_check after a kill: {problems:?}"
            );
            drop(store);
        }
    }
    let o = run(&db, &["ingest", "-q", corpus.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(doc_count(&db), expected_docs, "nothing lost or doubled");
    assert_eq!(export(&db), expected, "same events as an uninterrupted run");
}

/// A page the HTML parser must repair (a paragraph inside a table) is
/// ingested without the parser's notes on its own limits reaching the
/// user, and what is written to a pipe carries no terminal colour codes;
/// `CHRONICLER_LOG` still shows them to whoever asks.
#[test]
fn ingesting_repaired_html_prints_nothing_but_the_run_and_no_colour_codes() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("page.html");
    std::fs::write(
        &page,
        "<html><head><title>Talks resume</title></head><body><article>\
         <h1>Talks resume in Geneva</h1>\
         <table><tr><td>cell</td></tr><p>A paragraph inside a table.</p></table>\
         <p>Russian and Ukrainian negotiators met in Geneva on Monday to discuss a \
         ceasefire, officials said. The talks lasted six hours and will resume next week.</p>\
         </article></body></html>",
    )
    .unwrap();
    let db = dir.path().join("s.db");
    let o = run(&db, &["ingest", "-q", page.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(
        stderr(&o),
        "",
        "a quiet ingest of a readable page says nothing"
    );
    assert_eq!(doc_count(&db), 1);
    let o = bin()
        .arg("--db")
        .arg(dir.path().join("t.db"))
        .args(["ingest", "-q", page.to_str().unwrap()])
        .env("CHRONICLER_LOG", "html5ever=warn")
        .stdin(Stdio::null())
        .output()
        .unwrap();
    let err = stderr(&o);
    assert!(err.contains("foster parenting"), "{err}");
    assert!(
        !err.contains('\u{1b}'),
        "no colour codes into a pipe: {err:?}"
    );
}

/// `events --newest`: the dated events latest day first, then the
/// undated ones; with `--limit`, the latest few.
#[test]
fn events_newest_first_give_the_latest_dated_events() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("e.db");
    assert!(run(&db, &["ingest", "-q", &examples()]).status.success());
    let json = |args: &[&str]| -> Vec<serde_json::Value> {
        let mut all = vec!["events", "--json"];
        all.extend(args);
        let o = run(&db, &all);
        assert!(o.status.success(), "{}", stderr(&o));
        serde_json::from_str(&stdout(&o)).unwrap()
    };
    let all = json(&[]);
    let (mut dated, undated): (Vec<_>, Vec<_>) =
        all.into_iter().partition(|e| !e["date"].is_null());
    assert!(dated.len() > 3 && !undated.is_empty());
    dated.reverse();
    dated.extend(undated);
    assert_eq!(json(&["--newest"]), dated);
    assert_eq!(json(&["--newest", "--limit", "3"]), dated[..3].to_vec());
    let days: Vec<&str> = dated[..3]
        .iter()
        .map(|e| e["date"].as_str().unwrap())
        .collect();
    assert!(days.windows(2).all(|w| w[0] >= w[1]), "{days:?}");
}

/// `chronicler check` says a sound store is sound (exit 0), and a damaged
/// one damaged (exit 1), in one line naming the store, without a panic.
#[test]
fn check_tells_a_sound_store_from_a_damaged_one() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.db");
    let o = run(&db, &["ingest", &examples()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let o = run(&db, &["check"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stdout(&o).contains("sound"), "{}", stdout(&o));
    let o = run(&db, &["check", "--json"]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["sound"], true);
    assert_eq!(v["problems"], serde_json::json!([]));

    // Pages in the middle of the file overwritten.
    let bad = dir.path().join("bad.db");
    std::fs::copy(&db, &bad).unwrap();
    let mut bytes = std::fs::read(&bad).unwrap();
    let mid = bytes.len() / 2;
    let end = (mid + 16_384).min(bytes.len());
    bytes[mid..end].fill(0xff);
    std::fs::write(&bad, &bytes).unwrap();
    let o = run(&bad, &["check"]);
    assert_eq!(o.status.code(), Some(1), "{} {}", stdout(&o), stderr(&o));
    let out = stdout(&o);
    assert!(!out.contains("sound ("), "{out}");
    assert!(
        out.lines()
            .all(|l| l.starts_with(&bad.display().to_string())),
        "{out}"
    );
    assert!(!stderr(&o).contains("panicked"), "{}", stderr(&o));
}

/// A store that cannot be opened (no such folder, a file that is not a
/// store) stops the run with one line naming the store and the reason,
/// each said once (the store's error and SQLite's name the same reason in
/// layers), and exit status 2.
#[test]
fn a_store_that_cannot_be_opened_is_one_line_saying_why_once() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("no-such-folder").join("s.db");
    let not_a_store = dir.path().join("notes.db");
    std::fs::write(&not_a_store, "not a database, only some notes\n").unwrap();
    for (db, args, reason) in [
        (
            &missing,
            ["ingest", &examples()],
            "unable to open database file",
        ),
        (&not_a_store, ["stats", "--json"], "file is not a database"),
    ] {
        let o = run(db, &args);
        assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
        let err = stderr(&o);
        let lines: Vec<&str> = err.lines().filter(|l| l.starts_with("error:")).collect();
        assert_eq!(lines.len(), 1, "{err}");
        let line = lines[0];
        assert!(line.contains(&db.display().to_string()), "{line}");
        assert_eq!(line.matches(reason).count(), 1, "{line}");
        assert_eq!(line.matches("cannot open store").count(), 1, "{line}");
    }
}

#[test]
fn an_article_not_in_english_is_stored_and_indexed_but_not_coded() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("de.db");
    let german = dir.path().join("kiew.txt");
    std::fs::write(
        &german,
        "Selenskyj lädt Putin nach Kiew ein\n\n\
         Der ukrainische Präsident Wolodymyr Selenskyj hat am Freitag den russischen \
         Präsidenten Wladimir Putin nach Kiew eingeladen, nachdem der Kreml ein Treffen in \
         Moskau vorgeschlagen hatte. Moskau und Minsk lehnten das Angebot innerhalb weniger \
         Stunden ab.\n\n\
         Die nächste Verhandlungsrunde mit den Vereinigten Staaten ist für Sonntag in Abu Dhabi \
         geplant, sagten Beamte in Kiew. Die NATO und Donald Trump äußerten sich nicht, und das \
         Moratorium für Angriffe auf die Energieversorgung läuft am Sonntag aus.\n",
    )
    .unwrap();
    let o = run(&db, &["ingest", german.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("1 stored (0 events; 1 not in English, not coded)"),
        "{}",
        stderr(&o)
    );
    // Stored, with its sentences.
    assert_eq!(doc_count(&db), 1);
    let o = run(&db, &["stats", "--json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let stats: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("json");
    assert!(stats["sentences"].as_u64().unwrap() >= 3, "{stats}");
    // Putin, NATO and Trump are in the English dictionaries: a German text
    // is not read with them.
    assert_eq!(stats["actor_mentions"], 0, "{stats}");
    assert_eq!(stats["coded_events"], 0, "{stats}");
    // In the search index like any other (`check` verifies every document is).
    let o = run(&db, &["check"]);
    assert!(o.status.success(), "{}{}", stdout(&o), stderr(&o));
    // An English article in the same store is coded as before.
    let o = run(&db, &["ingest", &examples()]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stderr(&o).contains("2 stored ("), "{}", stderr(&o));
    assert!(!stderr(&o).contains("not in English"), "{}", stderr(&o));
    assert!(!export(&db).is_empty());
}
