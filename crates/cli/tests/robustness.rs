//! Faults: an ingest killed at 20 random points, a full disk, a read-only
//! store, two ingests at once, readers beside a writer. After each, the
//! store is sound (integrity and consistency checks), holds no partial or
//! doubled document, and running the same command again completes it.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests: a failed unwrap is a failed test

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::Duration;

use chronicler_store::Store;

fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_chronicler"));
    c.env_remove("CHRONICLER_DB").stdin(Stdio::null());
    c
}

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn ingest_cmd(db: &Path, input: &Path) -> Command {
    let mut c = bin();
    c.arg("--db").arg(db).args(["ingest", "-q"]).arg(input);
    c
}

fn ingest(db: &Path, input: &Path) -> Output {
    ingest_cmd(db, input).output().expect("binary runs")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn export(db: &Path) -> String {
    let o = bin()
        .arg("--db")
        .arg(db)
        .args(["export", "--format", "jsonl"])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    String::from_utf8(o.stdout).unwrap()
}

/// A small deterministic generator (xorshift64*), so kill points are
/// random but reproducible.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}

/// `n` distinct short articles as JSON Lines, built from paragraphs of
/// the example articles (so they carry actors and events).
fn write_corpus(path: &Path, n: usize) {
    let mut sentences: Vec<String> = Vec::new();
    for entry in std::fs::read_dir(repo().join("examples/articles")).unwrap() {
        let p = entry.unwrap().path();
        if p.extension().is_some_and(|e| e == "txt") {
            let text = std::fs::read_to_string(&p).unwrap();
            sentences.extend(
                text.lines()
                    .filter(|s| s.split_whitespace().count() > 12 && s.len() < 600)
                    .map(|s| s.trim().to_string()),
            );
        }
    }
    sentences.sort();
    assert!(sentences.len() > 20);
    let mut rng = Rng(7);
    let mut out = String::new();
    for i in 0..n {
        let picked: Vec<&str> = (0..3)
            .map(|_| sentences[rng.below(sentences.len() as u64) as usize].as_str())
            .collect();
        let doc = serde_json::json!({
            "id": format!("doc-{i:04}"),
            "outlet": format!("Outlet {}", i % 7),
            "published": format!("2026-01-{:02}", 1 + i % 28),
            "text": format!("Dispatch {i}.\n\n{}", picked.join("\n\n")),
        });
        out.push_str(&doc.to_string());
        out.push('\n');
    }
    std::fs::write(path, out).unwrap();
}

/// Integrity and consistency of a store after a fault; its document count.
fn assert_sound(db: &Path, when: &str) -> usize {
    let store = Store::open(db).unwrap_or_else(|e| panic!("{when}: store does not open: {e}"));
    let integrity = store.integrity_check().unwrap();
    assert!(integrity.is_empty(), "{when}: {integrity:?}");
    let consistency = store.consistency_check().unwrap();
    assert!(consistency.is_empty(), "{when}: {consistency:?}");
    store.stats().unwrap().documents
}

/// Documents stored, as a reader sees them while a writer works; also
/// checks that the reader never sees a partial document.
fn reader_count(db: &Path) -> Option<usize> {
    let store = Store::open_read_only(db).ok()?;
    let n = store.stats().ok()?.documents;
    if let Ok(problems) = store.consistency_check() {
        assert!(problems.is_empty(), "a reader saw: {problems:?}");
    }
    Some(n)
}

fn kill(mut child: Child) {
    let _ = child.kill(); // SIGKILL on Unix
    let _ = child.wait();
}

#[test]
fn an_ingest_killed_at_20_random_points_loses_and_doubles_nothing() {
    const DOCS: usize = 500;
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus.jsonl");
    write_corpus(&corpus, DOCS);
    // Reference: one uninterrupted run.
    let full = dir.path().join("full.db");
    let o = ingest(&full, &corpus);
    assert!(o.status.success(), "{}", stderr(&o));
    let expected_docs = assert_sound(&full, "reference run");
    assert!(expected_docs > DOCS * 9 / 10, "{expected_docs} stored");
    let expected = export(&full);

    // Kill points: 20 seeded document counts; each run resumes the last
    // and is killed (after a random few milliseconds more) once a reader
    // sees that many documents.
    let mut rng = Rng(20_260_122);
    let mut points: Vec<usize> = (0..20)
        .map(|_| 1 + rng.below(expected_docs as u64 - 1) as usize)
        .collect();
    points.sort_unstable();
    let db = dir.path().join("killed.db");
    let mut killed_mid_run = 0;
    for (k, &point) in points.iter().enumerate() {
        let mut child = ingest_cmd(&db, &corpus)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let mut finished = false;
        loop {
            if let Some(status) = child.try_wait().unwrap() {
                assert!(status.success(), "run {k} failed: {status}");
                finished = true;
                break;
            }
            if reader_count(&db).is_some_and(|n| n >= point) {
                break;
            }
            std::thread::sleep(Duration::from_millis(8));
        }
        if !finished {
            std::thread::sleep(Duration::from_millis(rng.below(15)));
            kill(child);
            killed_mid_run += 1;
        }
        let n = assert_sound(&db, &format!("after kill {k} at {point} documents"));
        assert!(n <= expected_docs, "more documents than the corpus holds");
    }
    assert!(killed_mid_run >= 15, "only {killed_mid_run} kills mid-run");
    // The same command again completes the set: nothing lost, nothing doubled.
    let o = ingest(&db, &corpus);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(assert_sound(&db, "after the rerun"), expected_docs);
    assert_eq!(export(&db), expected, "same events as an uninterrupted run");
}

#[test]
fn two_ingests_at_once_both_finish_and_nothing_is_doubled() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus.jsonl");
    write_corpus(&corpus, 120);
    let full = dir.path().join("full.db");
    assert!(ingest(&full, &corpus).status.success());
    let expected_docs = assert_sound(&full, "reference");
    let expected = export(&full);

    let db = dir.path().join("shared.db");
    let a = ingest_cmd(&db, &corpus)
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let b = ingest_cmd(&db, &corpus)
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // A reader beside them never sees a partial document.
    for _ in 0..2000 {
        std::thread::sleep(Duration::from_millis(10));
        if reader_count(&db) == Some(expected_docs) {
            break;
        }
    }
    for child in [a, b] {
        let o = child.wait_with_output().unwrap();
        assert!(o.status.success(), "{}", stderr(&o));
    }
    assert_eq!(assert_sound(&db, "after two ingests"), expected_docs);
    assert_eq!(export(&db), expected);
}

/// Runs an ingest with the size of any file it writes capped (`ulimit
/// -f`, in 512-byte blocks, with SIGXFSZ ignored so writes fail with EFBIG
/// as on a full disk), at two threads: the store writer is then one of
/// the worker pool's threads, and its error must end the run all the same.
fn ingest_with_file_limit(db: &Path, input: &Path, blocks: u64) -> Output {
    Command::new("sh")
        .arg("-c")
        .arg(format!(
            "ulimit -f {blocks} && trap '' XFSZ && exec \"$0\" --db \"$1\" ingest -q -j 2 \"$2\""
        ))
        .arg(env!("CARGO_BIN_EXE_chronicler"))
        .arg(db)
        .arg(input)
        .env_remove("CHRONICLER_DB")
        .stdin(Stdio::null())
        .output()
        .unwrap()
}

#[test]
fn a_full_disk_stops_the_run_with_a_clear_error_and_corrupts_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus.jsonl");
    write_corpus(&corpus, 150);
    let db = dir.path().join("full-disk.db");
    // A first document, so the store exists. Dated by its sidecar: its
    // text names no date, and the ingest day it would fall back on may
    // differ between this store and the reference made later (a run
    // across midnight).
    let first = dir.path().join("first.txt");
    std::fs::write(
        &first,
        "Ukraine and Russia held talks in Geneva on Monday, the Swiss foreign ministry said.\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("first.meta.json"),
        r#"{"published": "2026-01-26"}"#,
    )
    .unwrap();
    assert!(ingest(&db, &first).status.success());
    let size = std::fs::metadata(&db).unwrap().len();
    let o = ingest_with_file_limit(&db, &corpus, size / 512 + 8);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    let err = stderr(&o);
    assert_eq!(err.lines().count(), 1, "one line: {err}");
    assert!(err.starts_with("error: "), "{err}");
    assert!(
        err.contains("disk") || err.contains("full"),
        "the message says the disk: {err}"
    );
    let partial = assert_sound(&db, "after a full disk");
    assert!(partial < 151, "{partial}");
    // Room again: the same command completes the set.
    let o = ingest(&db, &corpus);
    assert!(o.status.success(), "{}", stderr(&o));
    let full = dir.path().join("reference.db");
    assert!(ingest(&full, &first).status.success());
    assert!(ingest(&full, &corpus).status.success());
    assert_eq!(
        assert_sound(&db, "after the rerun"),
        assert_sound(&full, "reference")
    );
    assert_eq!(export(&db), export(&full));
}

#[test]
fn a_store_capped_by_max_page_count_rolls_back_the_document() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("capped.db");
    let first = dir.path().join("first.txt");
    std::fs::write(
        &first,
        "Ukraine and Russia held talks in Geneva on Monday, the Swiss foreign ministry said.\n",
    )
    .unwrap();
    assert!(ingest(&db, &first).status.success());
    let corpus = dir.path().join("corpus.jsonl");
    write_corpus(&corpus, 60);
    let dicts = chronicler_dict::Dictionaries::load(None).unwrap();
    let today = jiff::civil::date(2026, 2, 1);
    let pipeline = chronicler_pipeline::Pipeline::new(
        &dicts,
        chronicler_pipeline::PipelineOptions::new(today),
    );
    let mut store = Store::open(&db).unwrap();
    let pages = store.set_max_page_count(0).unwrap();
    let stats = store.stats().unwrap();
    // Cap at the current size (SQLite never caps below it, whatever the
    // page size): the next document cannot fit.
    let current = store.set_max_page_count(1).unwrap();
    assert!(current > 1 && current < pages, "{current} of {pages}");
    let res = pipeline.ingest(
        &[corpus.display().to_string()],
        &mut store,
        &chronicler_pipeline::Silent,
    );
    let err = res.expect_err("a full store stops the run").to_string();
    assert!(err.contains("full"), "{err}");
    assert!(pages > 0);
    drop(store);
    let after = assert_sound(&db, "after a capped write");
    assert!(after >= stats.documents && after < stats.documents + 60);
}

#[test]
fn a_read_only_store_is_refused_clearly_and_left_intact() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("ro.db");
    let first = dir.path().join("first.txt");
    std::fs::write(
        &first,
        "Ukraine and Russia held talks in Geneva on Monday, the Swiss foreign ministry said.\n",
    )
    .unwrap();
    assert!(ingest(&db, &first).status.success());
    let before = std::fs::read(&db).unwrap();
    let corpus = dir.path().join("corpus.jsonl");
    write_corpus(&corpus, 20);
    let mut perms = std::fs::metadata(&db).unwrap().permissions();
    perms.set_readonly(true);
    std::fs::set_permissions(&db, perms.clone()).unwrap();
    // root ignores file modes: make the file immutable instead, if we can.
    let root_can_write = std::fs::OpenOptions::new().append(true).open(&db).is_ok();
    let immutable = root_can_write
        && Command::new("chattr")
            .arg("+i")
            .arg(&db)
            .status()
            .is_ok_and(|s| s.success());
    if root_can_write && !immutable {
        eprintln!("skipped: running as root without chattr, the file cannot be made read-only");
        return;
    }
    let o = ingest(&db, &corpus);
    if immutable {
        let _ = Command::new("chattr").arg("-i").arg(&db).status();
    }
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(err.contains("read"), "says read-only: {err}");
    assert_eq!(err.lines().count(), 1, "one line: {err}");
    assert_eq!(std::fs::read(&db).unwrap(), before, "the file is unchanged");
    #[allow(clippy::permissions_set_readonly_false)]
    perms.set_readonly(false);
    std::fs::set_permissions(&db, perms).unwrap();
    assert_eq!(assert_sound(&db, "after a read-only attempt"), 1);
}

#[test]
fn a_store_written_by_the_previous_release_opens_and_upgrades() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("v1.db");
    std::fs::copy(repo().join("tests/compat/store_v1.db"), &db).unwrap();
    let store = Store::open(&db).expect("a version 1 store opens");
    assert_eq!(
        store.schema_version().unwrap(),
        chronicler_store::SCHEMA_VERSION
    );
    drop(store);
    assert_eq!(assert_sound(&db, "after the upgrade"), 2);
    // Its events read back as the release that wrote them exported them.
    let expected =
        std::fs::read_to_string(repo().join("tests/compat/store_v1_export.jsonl")).unwrap();
    let got = export(&db);
    assert_eq!(got.lines().count(), expected.lines().count());
    // Its places, stored without gazetteer codes, get them from the
    // gazetteer on export.
    let located: Vec<serde_json::Value> = got
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
        .filter(|e| e["location"].is_object())
        .collect();
    assert!(!located.is_empty());
    for e in &located {
        let loc = &e["location"];
        assert!(
            loc["fips"].is_string() && loc["geonames_id"].is_u64(),
            "{loc}"
        );
    }
    // Re-ingesting what it holds adds nothing.
    let o = ingest(&db, &repo().join("examples/articles"));
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(assert_sound(&db, "after re-ingest"), 2);
}

/// What the store keeps of a place and a date (schema version 8): events
/// located and dated from the example articles read back with their
/// gazetteer codes and their hedge, and export them without going back to
/// the gazetteer (the fallback above is for older rows).
#[test]
fn located_and_hedged_events_read_back_with_their_codes_and_flag() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    let o = ingest(&db, &repo().join("examples/articles"));
    assert!(o.status.success(), "{}", stderr(&o));

    let store = Store::open_read_only(&db).unwrap();
    let stored = store.coded_events().unwrap();
    let located: Vec<_> = stored
        .iter()
        .filter_map(|s| Some((s, s.event.location.as_ref()?)))
        .collect();
    assert!(!located.is_empty(), "no located event");
    for (s, p) in &located {
        assert!(
            p.fips.is_some() && p.geonames_id.is_some() && p.precision.is_some(),
            "{} in {:?}: {p:?}",
            s.event.cameo,
            s.sentence
        );
        if p.precision != Some(chronicler_core::PlacePrecision::Country) {
            assert!(p.adm1.is_some(), "{p:?} has no first-level subdivision");
        }
    }
    // Kyiv, as GeoNames and GDELT know it.
    let (_, kyiv) = located
        .iter()
        .find(|(_, p)| p.name == "Kyiv")
        .expect("an event in Kyiv");
    assert_eq!(kyiv.fips.as_deref(), Some("UP"));
    assert_eq!(kyiv.adm1.as_deref(), Some("UP12"));
    assert_eq!(kyiv.geonames_id, Some(703_448));
    assert_eq!(kyiv.precision, Some(chronicler_core::PlacePrecision::City));

    // "a one-week moratorium ... set to expire around February 1, 2026":
    // its date is hedged, and stays so in the store.
    let hedged: Vec<_> = stored
        .iter()
        .filter(|s| s.sentence.contains("around February 1"))
        .collect();
    assert!(!hedged.is_empty(), "no event from the moratorium sentence");
    for s in &hedged {
        assert!(s.event.date.approximate, "{:?}", s.event.date);
        assert_eq!(
            s.event.date.end.map(|d| d.to_string()).as_deref(),
            Some("2026-02-01")
        );
    }
    // Dates the text states plainly are not hedged.
    let plain = stored
        .iter()
        .find(|s| s.sentence.contains("January 23 and 24"))
        .expect("an event of the Abu Dhabi talks");
    assert!(!plain.event.date.approximate, "{:?}", plain.event.date);
    drop(store);

    // The export gives what the store kept.
    let rows: Vec<serde_json::Value> = export(&db)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let kyiv = rows
        .iter()
        .find(|r| r["location"]["name"] == "Kyiv")
        .expect("Kyiv in the export");
    assert_eq!(kyiv["location"]["fips"], "UP");
    assert_eq!(kyiv["location"]["adm1"], "UP12");
    assert_eq!(kyiv["location"]["geonames_id"], 703_448);
    assert_eq!(kyiv["location"]["precision"], "city");
}
