//! One happening, many reports: the example articles plus a syndicated
//! copy, an updated version and a disagreeing report
//! (tests/corpus/consolidation), through the binary as a user runs it.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests: a failed unwrap is a failed test

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn examples() -> PathBuf {
    repo().join("examples/articles")
}

fn corpus() -> PathBuf {
    repo().join("tests/corpus/consolidation")
}

/// Every input file (articles, not sidecars) of the two folders, sorted.
fn files() -> Vec<String> {
    let mut out = Vec::new();
    for dir in [examples(), corpus()] {
        for e in std::fs::read_dir(&dir).unwrap() {
            let p = e.unwrap().path();
            if p.extension().is_some_and(|x| x == "txt") {
                out.push(p.display().to_string());
            }
        }
    }
    out.sort();
    out
}

fn run(db: &Path, args: &[&str]) -> String {
    let o = common::run_ok(db, args);
    String::from_utf8(o.stdout).unwrap()
}

fn ingest(db: &Path, files: &[String]) {
    let mut args = vec!["ingest", "-q"];
    args.extend(files.iter().map(String::as_str));
    run(db, &args);
}

fn events(db: &Path) -> Vec<Value> {
    run(db, &["export", "--format", "jsonl"])
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

fn name(v: &Value, who: &str) -> String {
    v[who]["name"].as_str().unwrap_or("").to_string()
}

fn docs_of(e: &Value) -> Vec<String> {
    let mut d: Vec<String> = e["mentions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| {
            m["doc"]
                .as_str()
                .unwrap()
                .rsplit('/')
                .next()
                .unwrap()
                .to_string()
        })
        .collect();
    d.sort();
    d.dedup();
    d
}

#[test]
fn copies_and_updates_count_once_and_disagreements_are_kept() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.db");
    ingest(&db, &files());
    let all = events(&db);

    // The invitation: reported by MBN360, its syndicated copy, the second
    // example and its update: four articles, two independent sources.
    let invite: Vec<&Value> = all
        .iter()
        .filter(|e| {
            e["cameo"] == "036"
                && name(e, "source") == "Volodymyr Zelenskyy"
                && name(e, "target") == "Vladimir Putin"
        })
        .collect();
    assert_eq!(invite.len(), 1, "the invitation comes out once");
    assert_eq!(invite[0]["num_articles"], 4, "{:?}", docs_of(invite[0]));
    assert_eq!(invite[0]["num_sources"], 2);
    assert_eq!(invite[0]["single_source"], false);
    // Its update's different default date is not a disagreement.
    assert_eq!(
        invite[0]["disputed"], false,
        "{}",
        invite[0]["disagreements"]
    );

    // The repatriation: 1,000 remains in one report, 1,200 in another.
    let disputed: Vec<&Value> = all.iter().filter(|e| e["disputed"] == true).collect();
    assert!(!disputed.is_empty());
    let counts: Vec<&Value> = disputed
        .iter()
        .flat_map(|e| e["disagreements"].as_array().unwrap())
        .filter(|d| d["field"].as_str().unwrap().starts_with("count"))
        .collect();
    assert_eq!(counts.len(), 1, "{disputed:?}");
    let values: Vec<&str> = counts[0]["claims"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["value"].as_str().unwrap())
        .collect();
    assert!(values.iter().any(|v| v.starts_with("1,000")), "{values:?}");
    assert!(values.iter().any(|v| v.starts_with("1,200")), "{values:?}");
    let listed = run(&db, &["conflicts"]);
    assert!(
        listed.contains("1,200") && listed.contains("kyiv daily"),
        "{listed}"
    );

    // Single-source events are marked.
    assert!(all
        .iter()
        .all(|e| e["single_source"] == (e["num_sources"] == 1)));

    // One story holds the related reports.
    let stories: Value = serde_json::from_str(&run(&db, &["stories", "--json"])).unwrap();
    let stories = stories.as_array().unwrap();
    let big = stories
        .iter()
        .max_by_key(|s| s["documents"].as_array().unwrap().len())
        .unwrap();
    assert!(big["documents"].as_array().unwrap().len() >= 4, "{big}");
    let id = big["id"].as_str().unwrap();
    let shown = run(&db, &["story", id]);
    assert!(
        shown.contains("Zelenskyy") && shown.contains("events:"),
        "{shown}"
    );
}

/// `stories` lists by dates, by actor, newest first and a few at a time:
/// the stories of the whole list that pass, in its order or reversed.
#[test]
fn stories_are_listed_by_dates_and_actor_newest_first_a_few_at_a_time() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.db");
    let made_up = repo().join("crates/cli/tests/brief").display().to_string();
    ingest(&db, &[examples().display().to_string(), made_up]);
    let all = events(&db);
    let stories: Value = serde_json::from_str(&run(&db, &["stories", "--json"])).unwrap();
    let stories = stories.as_array().unwrap().clone();
    let big = stories
        .iter()
        .max_by_key(|s| s["documents"].as_array().unwrap().len())
        .unwrap();
    // Listed by dates, by actor, newest first, a few: the stories of the
    // whole list that pass, in its order or reversed.
    let list = |args: &[&str]| -> Vec<Value> {
        let mut all = vec!["stories", "--json"];
        all.extend(args);
        serde_json::from_str::<Value>(&run(&db, &all))
            .unwrap()
            .as_array()
            .unwrap()
            .clone()
    };
    assert!(stories.len() >= 3, "{}", stories.len());
    let mut reversed = stories.clone();
    reversed.reverse();
    assert_eq!(list(&["--newest"]), reversed);
    assert_eq!(list(&["--limit", "2"]), stories[..2].to_vec());
    assert_eq!(list(&["--newest", "--limit", "1"]), reversed[..1].to_vec());
    let day = big["start"].as_str().unwrap();
    let spans: Vec<Value> = stories
        .iter()
        .filter(|s| s["end"].as_str().unwrap() >= day && s["start"].as_str().unwrap() <= day)
        .cloned()
        .collect();
    assert!(!spans.is_empty());
    assert_eq!(list(&["--from", day, "--to", day]), spans);
    // About RUS: the stories one of whose events has a side coded RUS, of
    // Russia, or named with "rus" in it (the actor filter of `events`).
    let russian: std::collections::BTreeSet<String> = all
        .iter()
        .filter(|e| {
            ["source", "target"].iter().any(|w| {
                e[*w]["country"] == "RUS"
                    || e[*w]["code"] == "RUS"
                    || e[*w]["name"]
                        .as_str()
                        .is_some_and(|n| n.to_lowercase().contains("rus"))
            })
        })
        .map(|e| e["id"].as_str().unwrap().to_string())
        .collect();
    let about: Vec<Value> = stories
        .iter()
        .filter(|s| {
            s["events"]
                .as_array()
                .unwrap()
                .iter()
                .any(|e| russian.contains(e.as_str().unwrap()))
        })
        .cloned()
        .collect();
    assert!(
        !about.is_empty() && about.len() < stories.len(),
        "{}",
        about.len()
    );
    assert_eq!(list(&["--actor", "RUS"]), about);
    let bad = common::run(&db, &["stories", "--from", "May"]);
    assert!(!bad.status.success());
    assert!(String::from_utf8_lossy(&bad.stderr).contains("--from May"));
}

#[test]
fn the_result_depends_on_the_documents_not_their_order_and_reruns_change_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let files = files();
    let forward = dir.path().join("f.db");
    ingest(&forward, &files);
    let mut reversed: Vec<String> = files.clone();
    reversed.reverse();
    let backward = dir.path().join("b.db");
    ingest(&backward, &reversed);
    // Two at a time, later runs adding to the store (incremental).
    let pieces = dir.path().join("p.db");
    let shuffled: Vec<String> = files
        .iter()
        .skip(1)
        .step_by(2)
        .chain(files.iter().step_by(2))
        .cloned()
        .collect();
    for chunk in shuffled.chunks(2) {
        ingest(&pieces, chunk);
    }
    let export = |db: &Path, format: &str| run(db, &["export", "--format", format]);
    let reference = export(&forward, "jsonl");
    assert_eq!(export(&backward, "jsonl"), reference);
    assert_eq!(export(&pieces, "jsonl"), reference);
    let stories = |db: &Path| run(db, &["stories", "--json"]);
    assert_eq!(stories(&backward), stories(&forward));
    assert_eq!(stories(&pieces), stories(&forward));

    // Re-running the same ingest changes nothing.
    ingest(&forward, &files);
    assert_eq!(export(&forward, "jsonl"), reference);
}

/// A wire story carried by K outlets: each copy a near duplicate of every
/// other, K(K-1)/2 pairs, kept as one cluster of K rows; its events and
/// its story count one source, whatever order the copies arrive in.
#[test]
fn k_syndicated_copies_are_one_cluster_of_k_rows_and_one_source() {
    const K: usize = 7;
    let dir = tempfile::tempdir().unwrap();
    let wire =
        std::fs::read_to_string(examples().join("mbn360-zelenskyy-challenges-putin.txt")).unwrap();
    let mut files = Vec::new();
    for i in 0..K {
        let stem = dir.path().join(format!("copy{i}"));
        let outlet = format!("Outlet {i} Daily");
        std::fs::write(
            stem.with_extension("txt"),
            // (A byline alone would be cleaned away, leaving the same
            // text: a content duplicate, not stored.)
            format!(
                "{wire}\n\nThe report was carried by {outlet} in its evening edition number {i}.\n"
            ),
        )
        .unwrap();
        let meta = serde_json::json!({
            "title": "Zelenskyy Challenges Putin With Direct Kyiv Peace Talks",
            "outlet": outlet,
            "url": format!("https://outlet{i}.example/2026/01/30/zelenskyy"),
            "published": "2026-01-30",
        });
        std::fs::write(stem.with_extension("meta.json"), meta.to_string()).unwrap();
        files.push(stem.with_extension("txt").display().to_string());
    }
    let forward = dir.path().join("f.db");
    ingest(&forward, &files);
    let store = chronicler_store::Store::open_read_only(&forward).unwrap();
    let clusters = store.doc_clusters().unwrap();
    assert_eq!(clusters.len(), K, "one row per copy: {clusters:?}");
    assert!(clusters.iter().all(|c| c.near == clusters[0].near));
    drop(store);

    let all = events(&forward);
    assert!(!all.is_empty());
    let invite = all
        .iter()
        .find(|e| e["cameo"] == "036" && name(e, "target") == "Vladimir Putin")
        .expect("the invitation");
    assert_eq!(invite["num_articles"], K, "{:?}", docs_of(invite));
    for e in &all {
        assert_eq!(e["num_sources"], 1, "{e}");
        assert_eq!(e["single_source"], true, "{e}");
    }
    let stories: Value = serde_json::from_str(&run(&forward, &["stories", "--json"])).unwrap();
    let stories = stories.as_array().unwrap();
    assert_eq!(stories.len(), 1, "{stories:?}");
    assert_eq!(stories[0]["documents"].as_array().unwrap().len(), K);
    assert_eq!(stories[0]["num_sources"], 1);

    // The copies in reverse order, in two runs: the same result.
    let backward = dir.path().join("b.db");
    let reversed: Vec<String> = files.iter().rev().cloned().collect();
    ingest(&backward, &reversed[..3]);
    ingest(&backward, &reversed[3..]);
    let export = |db: &Path| run(db, &["export", "--format", "jsonl"]);
    assert_eq!(export(&backward), export(&forward));
}

#[test]
fn since_gives_what_changed_and_merged_away_ids_resolve() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.db");
    let ex = examples().display().to_string();
    ingest(&db, &[ex]);
    let before = events(&db);
    std::thread::sleep(std::time::Duration::from_millis(1100));
    let cut = jiff::Timestamp::now().to_string();
    std::thread::sleep(std::time::Duration::from_millis(50));
    ingest(
        &db,
        &[corpus()
            .join("kyiv-daily-repatriation.txt")
            .display()
            .to_string()],
    );
    let changed: Vec<Value> = run(&db, &["export", "--since", &cut])
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert!(!changed.is_empty());
    assert!(changed.len() < events(&db).len(), "only what changed");
    for e in &changed {
        assert!(
            docs_of(e)
                .iter()
                .any(|d| d == "kyiv-daily-repatriation.txt"),
            "{e}"
        );
    }
    assert!(run(&db, &["export", "--since", "2999-01-01"]).is_empty());
    // Ids of events the new report did not touch are unchanged.
    let after = events(&db);
    let untouched = before
        .iter()
        .filter(|e| after.iter().any(|a| a["id"] == e["id"]))
        .count();
    assert!(untouched + changed.len() >= before.len());
}

#[test]
fn one_entity_named_differently_by_three_outlets_is_one_actor_for_merging() {
    let dir = tempfile::tempdir().unwrap();
    let reports = [
        (
            "a",
            "Outlet A",
            "Ukrainian President Volodymyr Zelenskyy on Friday invited Russian President \
             Vladimir Putin to Kyiv for peace talks.",
        ),
        (
            "b",
            "Outlet B",
            "Ukraine's president on Friday invited the Kremlin leader to come to the \
             Ukrainian capital for negotiations, his office said.",
        ),
        (
            "c",
            "Outlet C",
            "On Friday President Zelenskiy invited Mr Putin to Kyiv for talks.",
        ),
    ];
    let mut paths = Vec::new();
    for (id, outlet, text) in reports {
        let p = dir.path().join(format!("{id}.txt"));
        std::fs::write(&p, format!("Kyiv invitation\n\n{text}\n")).unwrap();
        std::fs::write(
            dir.path().join(format!("{id}.meta.json")),
            format!(r#"{{"outlet": "{outlet}", "published": "2026-01-30"}}"#),
        )
        .unwrap();
        paths.push(p.display().to_string());
    }
    let db = dir.path().join("alias.db");
    ingest(&db, &paths);
    let invitations: Vec<Value> = events(&db)
        .into_iter()
        .filter(|e| e["cameo"] == "036")
        .collect();
    assert_eq!(invitations.len(), 1, "{invitations:?}");
    let e = &invitations[0];
    assert_eq!(e["source"]["code"], "UKRGOV");
    assert_eq!(e["target"]["code"], "RUSGOV");
    assert_eq!(docs_of(e), ["a.txt", "b.txt", "c.txt"]);
    assert_eq!(e["num_sources"], 3);
}

#[test]
fn parquet_export_writes_four_tables_into_a_folder() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("p.db");
    ingest(&db, &files());
    let out = dir.path().join("tables");
    run(
        &db,
        &[
            "export",
            "--format",
            "parquet",
            "--output",
            out.to_str().unwrap(),
        ],
    );
    for t in ["events", "mentions", "documents", "stories"] {
        let bytes = std::fs::read(out.join(format!("{t}.parquet"))).unwrap();
        assert!(bytes.len() > 100, "{t}");
        assert_eq!(&bytes[..4], b"PAR1", "{t}");
        assert_eq!(&bytes[bytes.len() - 4..], b"PAR1", "{t}");
    }
    // Without a folder it says what to do.
    let o = Command::new(env!("CARGO_BIN_EXE_chronicler"))
        .env_remove("CHRONICLER_DB")
        .args([
            "--db",
            db.to_str().unwrap(),
            "export",
            "--format",
            "parquet",
        ])
        .output()
        .unwrap();
    assert!(!o.status.success());
    assert!(String::from_utf8_lossy(&o.stderr).contains("--output"));
}

#[test]
fn the_two_example_articles_shared_events_come_out_once_with_two_sources() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("ex.db");
    ingest(&db, &[examples().display().to_string()]);
    let all = events(&db);
    let once = |what: &str, keep: &dyn Fn(&Value) -> bool| {
        let found: Vec<&Value> = all.iter().filter(|e| keep(e)).collect();
        assert_eq!(found.len(), 1, "{what}: {found:?}");
        assert_eq!(found[0]["num_sources"], 2, "{what}: {}", found[0]);
        assert_eq!(docs_of(found[0]).len(), 2, "{what}");
    };
    once("the invitation", &|e| {
        e["cameo"] == "036" && name(e, "target") == "Vladimir Putin"
    });
    once("the talks on 1 February", &|e| {
        e["cameo_root"] == "04"
            && e["status"] == "scheduled"
            && e["date"] == "2026-02-01"
            && e["source"]["country"] == "UKR"
            && e["target"]["country"] == "RUS"
    });
    once("the refusal of a summit in Moscow", &|e| {
        e["cameo"] == "125"
            && e["source"]["country"] == "UKR"
            && e["target"]["country"] == "RUS"
            && e["date"] == "2026-01-30"
    });
    // The refusal of Moscow and Minsk as venues: however the coder codes
    // it, a refusal reported by both articles is one event, not two
    // single-source ones.
    let refusals: Vec<&Value> = all
        .iter()
        .filter(|e| e["status"] == "rejected" && e["source"]["country"] == "UKR")
        .collect();
    for (i, a) in refusals.iter().enumerate() {
        for b in &refusals[i + 1..] {
            let same = a["cameo"] == b["cameo"]
                && a["target"]["code"] == b["target"]["code"]
                && a["date"] == b["date"];
            assert!(
                !(same && docs_of(a) != docs_of(b)),
                "one refusal split by article: {a} / {b}"
            );
        }
    }
}

/// The GDELT 2.0 schema's column names and types, in order
/// (`data/gdelt/*_columns.tsv`, from the codebook by
/// `scripts/convert_gdelt_schema.py`).
fn schema(file: &str) -> Vec<(String, String)> {
    let path = repo().join("data/gdelt").join(file);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let cols: Vec<(String, String)> = text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| l.split_once('\t'))
        .map(|(n, t)| (n.to_string(), t.to_string()))
        .collect();
    assert!(
        cols.len() > 10,
        "{}: {} columns",
        path.display(),
        cols.len()
    );
    cols
}

fn check_types(rows: &str, cols: &[(String, String)]) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    for row in rows.lines() {
        let f: Vec<String> = row.split('\t').map(str::to_string).collect();
        assert_eq!(f.len(), cols.len(), "{row}");
        for (v, (n, t)) in f.iter().zip(cols) {
            match t.as_str() {
                "INTEGER" if !v.is_empty() => {
                    v.parse::<i64>()
                        .unwrap_or_else(|_| panic!("{n} = {v:?} is not an integer"));
                }
                "FLOAT" if !v.is_empty() => {
                    v.parse::<f64>()
                        .unwrap_or_else(|_| panic!("{n} = {v:?} is not a number"));
                }
                _ => {}
            }
        }
        out.push(f);
    }
    out
}

#[test]
fn gdelt_exports_parse_back_with_every_column_in_range() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("g.db");
    ingest(&db, &files());
    let ev_cols = schema("events2_columns.tsv");
    assert_eq!(ev_cols.len(), 61);
    let rows = check_types(&run(&db, &["export", "--format", "gdelt-events"]), &ev_cols);
    assert_eq!(rows.len(), events(&db).len());
    let col = |n: &str| ev_cols.iter().position(|(c, _)| c == n).unwrap();
    let mut ids = std::collections::BTreeSet::new();
    for r in &rows {
        assert!(ids.insert(r[0].clone()), "GLOBALEVENTID unique");
        let code = &r[col("EventCode")];
        assert!(
            code.len() >= 3 && code.chars().all(|c| c.is_ascii_digit()),
            "{code}"
        );
        assert!(code.starts_with(&r[col("EventBaseCode")]));
        assert!(r[col("EventBaseCode")].starts_with(&r[col("EventRootCode")]));
        assert_eq!(r[col("EventRootCode")].len(), 2, "leading zero kept");
        assert!(matches!(
            r[col("QuadClass")].as_str(),
            "1" | "2" | "3" | "4"
        ));
        let g: f64 = r[col("GoldsteinScale")].parse().unwrap();
        assert!((-10.0..=10.0).contains(&g));
        let sql = &r[col("SQLDATE")];
        assert_eq!(sql.len(), 8);
        assert_eq!(&r[col("MonthYear")], &sql[..6]);
        assert_eq!(&r[col("Year")], &sql[..4]);
        let added = &r[col("DATEADDED")];
        assert_eq!(added.len(), 14, "YYYYMMDDHHMMSS");
        let n = |c: &str| r[col(c)].parse::<u64>().unwrap();
        assert!(n("NumSources") <= n("NumArticles") && n("NumArticles") <= n("NumMentions"));
        assert!(n("NumSources") >= 1);
        for geo in ["Actor1Geo_Type", "Actor2Geo_Type", "ActionGeo_Type"] {
            assert!((0..=5).contains(&n(geo)));
        }
        let fips = &r[col("ActionGeo_CountryCode")];
        assert!(fips.is_empty() || fips.len() == 2, "{fips}");
        // Geography by resolution: a city carries its ADM1 code and GeoNames
        // id, a subdivision its ADM1 code, a country its FIPS code as
        // FeatureID; every located row has coordinates.
        for g in ["Actor1Geo_", "Actor2Geo_", "ActionGeo_"] {
            let f = |c: &str| r[col(&format!("{g}{c}"))].as_str();
            let country = f("CountryCode");
            match f("Type") {
                "0" => assert!(f("FullName").is_empty() && country.is_empty()),
                "1" => assert_eq!((f("ADM1Code"), f("FeatureID")), (country, country)),
                "2" | "5" => {
                    assert!(f("ADM1Code").starts_with(country) && f("ADM1Code").len() > 2);
                    assert_eq!(f("FeatureID"), f("ADM1Code"));
                }
                _ => {
                    assert!(f("ADM1Code").is_empty() || f("ADM1Code").starts_with(country));
                    assert!(f("FeatureID").is_empty() || f("FeatureID").parse::<u64>().is_ok());
                }
            }
            if f("Type") != "0" {
                assert!(
                    f("Lat").parse::<f64>().is_ok(),
                    "{g}Lat of {}",
                    f("FullName")
                );
                assert!(f("Long").parse::<f64>().is_ok(), "{g}Long");
            }
        }
        for a in ["Actor1CountryCode", "Actor2CountryCode"] {
            assert!(r[col(a)].is_empty() || r[col(a)].len() == 3);
        }
        assert!(!r[col("SOURCEURL")].is_empty());
    }

    let m_cols = schema("mentions2_columns.tsv");
    assert_eq!(m_cols.len(), 16);
    let mentions = check_types(
        &run(&db, &["export", "--format", "gdelt-mentions"]),
        &m_cols,
    );
    let total: usize = events(&db)
        .iter()
        .map(|e| e["num_mentions"].as_u64().unwrap() as usize)
        .sum();
    assert_eq!(mentions.len(), total);
    for m in &mentions {
        assert!(ids.contains(&m[0]), "mentions point at events");
        assert!(matches!(m[3].as_str(), "1" | "2"));
        assert!(m[6].parse::<u64>().unwrap() >= 1, "SentenceID from 1");
        let conf: u64 = m[11].parse().unwrap();
        assert!(conf <= 100);
        assert!(m[9].parse::<u64>().unwrap() < m[12].parse::<u64>().unwrap());
    }
}

#[test]
fn gdelt_golden_row_of_the_invitation() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("golden.db");
    ingest(
        &db,
        &[examples()
            .join("mbn360-zelenskyy-challenges-putin.txt")
            .display()
            .to_string()],
    );
    let out = run(
        &db,
        &[
            "export",
            "--format",
            "gdelt-events",
            "--cameo",
            "036",
            "--actor",
            "Putin",
        ],
    );
    let row: Vec<&str> = out.lines().next().unwrap().split('\t').collect();
    // Everything but GLOBALEVENTID, DATEADDED and SOURCEURL (path-dependent).
    // Located in Kyiv (a world city: its ADM1 code and GeoNames id); the
    // Ukrainian actor there, the Russian one in Russia (country centroid).
    let middle = row[1..59].join("|");
    assert_eq!(
        middle,
        "20260130|202601|2026|2026.1644|UKRGOV|VOLODYMYR ZELENSKYY|UKR|||||GOV|||RUSGOV|VLADIMIR PUTIN|RUS|||||GOV|||0|036|036|03|1|4|5|1|1|0.78329|4|Kyiv, Ukraine|UP|UP12||50.4547|30.5238|703448|1|Russia|RS|RS||60|100|RS|4|Kyiv, Ukraine|UP|UP12||50.4547|30.5238|703448"
    );
    // AvgTone is the tone of the one reporting article (VADER words, GDELT's
    // formula); each Mentions row carries it as MentionDocTone.
    let mentions = run(&db, &["export", "--format", "gdelt-mentions"]);
    let tones: Vec<&str> = mentions
        .lines()
        .map(|l| l.split('\t').nth(13).unwrap())
        .collect();
    assert!(!tones.is_empty());
    assert!(tones.iter().all(|t| *t == "0.78329"), "{tones:?}");
}

/// The kept consolidation of a store: every event's (document, ordinal,
/// block, group) and every document's story.
type Kept = (
    Vec<(String, usize, Option<String>, Option<String>)>,
    Vec<(String, String)>,
);

/// Asserts two kept consolidations are equal, showing the rows that differ.
fn same_kept(got: &Kept, want: &Kept, what: &str) {
    let diff = |a: Vec<String>, b: Vec<String>| -> Vec<String> {
        let (a, b): (std::collections::BTreeSet<_>, std::collections::BTreeSet<_>) =
            (a.into_iter().collect(), b.into_iter().collect());
        a.symmetric_difference(&b).take(12).cloned().collect()
    };
    let show = |k: &Kept| -> (Vec<String>, Vec<String>) {
        (
            k.0.iter().map(|g| format!("{g:?}")).collect(),
            k.1.iter().map(|s| format!("{s:?}")).collect(),
        )
    };
    let ((ga, sa), (gb, sb)) = (show(got), show(want));
    assert_eq!(diff(ga, gb), Vec::<String>::new(), "{what}: groups");
    assert_eq!(diff(sa, sb), Vec::<String>::new(), "{what}: stories");
}

/// The near-duplicate and related-text clusters (document ids; the
/// representatives' keys differ between stores).
fn partitions(store: &chronicler_store::Store) -> [Vec<Vec<String>>; 2] {
    let rows = store.doc_clusters().unwrap();
    let by = |key: fn(&chronicler_store::DocCluster) -> i64| {
        let mut m: std::collections::BTreeMap<i64, Vec<String>> = Default::default();
        for r in &rows {
            m.entry(key(r)).or_default().push(r.id.clone());
        }
        let mut v: Vec<Vec<String>> = m.into_values().filter(|c| c.len() > 1).collect();
        v.sort();
        v
    };
    [by(|r| r.near), by(|r| r.related)]
}

/// `partitions` with each document named by the hash of its clean text.
fn text_partitions(store: &chronicler_store::Store) -> [Vec<Vec<String>>; 2] {
    partitions(store).map(|clusters| {
        let mut named: Vec<Vec<String>> = clusters
            .iter()
            .map(|c| {
                let mut v: Vec<String> = c
                    .iter()
                    .map(|id| {
                        chronicler_store::content_hash(&store.document_text(id).unwrap().unwrap())
                    })
                    .collect();
                v.sort();
                v
            })
            .collect();
        named.sort();
        named
    })
}

fn stored_ids(store: &chronicler_store::Store) -> Vec<String> {
    let mut ids: Vec<String> = store
        .documents()
        .unwrap()
        .into_iter()
        .map(|d| d.id)
        .collect();
    ids.sort();
    ids
}

fn kept(store: &chronicler_store::Store) -> Kept {
    let (_, groups, stories) = store.consolidation_input().unwrap();
    let groups = groups
        .into_iter()
        .map(|g| (g.doc, g.ordinal, g.block, g.group))
        .collect();
    (groups, stories)
}

/// Articles with copies, rewrites and reports of the same events spread
/// over days: near-duplicate clusters that grow and merge, related text
/// within and beyond the story window, stories split by their span.
fn spread_corpus() -> Vec<String> {
    let mut texts: Vec<String> = Vec::new();
    for dir in [examples(), corpus(), repo().join("eval/other/articles")] {
        let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .collect();
        paths.sort();
        texts.extend(paths.iter().map(|p| std::fs::read_to_string(p).unwrap()));
    }
    texts.truncate(12);
    let day0 = jiff::civil::date(2026, 1, 1);
    let mut lines = Vec::new();
    for (k, text) in texts.iter().enumerate() {
        let half = |t: &str| -> String {
            let paras: Vec<&str> = t.split("\n\n").collect();
            paras[..paras.len().div_ceil(2)].join("\n\n")
        };
        let other = &texts[(k + 1) % texts.len()];
        let variants = [
            (0, text.clone()),
            (
                1,
                format!("{text}\n\nThis copy was carried by a second outlet.\n"),
            ),
            (2, format!("{}\n\n{}", half(text), half(other))),
            (5, format!("{text}\n\nUpdated five days later.\n")),
            (9, format!("{}\n\nA week on.\n", half(text))),
            (40, format!("{text}\n\nRepublished a month later.\n")),
        ];
        for (v, (offset, body)) in variants.into_iter().enumerate() {
            let day = day0
                .checked_add(jiff::Span::new().days(2 * k as i64 + offset))
                .unwrap();
            lines.push(
                serde_json::json!({
                    "id": format!("spread-{k:02}-{v}"),
                    "url": format!("https://outlet{v}.invalid/{k}"),
                    "outlet": format!("outlet{v}.invalid"),
                    "title": format!("Report {k} ({v})"),
                    "published": day.to_string(),
                    // Every text distinct (the store drops content duplicates).
                    "text": format!("{body}\n\nFiled as report {k}-{v}.\n"),
                })
                .to_string(),
            );
        }
    }
    lines
}

/// A daily ingest regroups only what its documents touch; the store it
/// leaves is the one grouping everything from scratch leaves, whatever
/// the batches and their order.
#[test]
fn incremental_updates_keep_what_a_full_rebuild_keeps_in_any_batches() {
    use chronicler_pipeline::{Pipeline, PipelineOptions, Silent};
    let dicts = chronicler_dict::Dictionaries::builtin().unwrap();
    let pipeline = Pipeline::new(&dicts, PipelineOptions::new(jiff::civil::date(2026, 6, 1)));
    let dir = tempfile::tempdir().unwrap();
    let lines = spread_corpus();
    let build = |name: &str, batches: Vec<Vec<String>>| {
        let db = dir.path().join(format!("{name}.db"));
        let mut store = chronicler_store::Store::open(&db).unwrap();
        for (i, batch) in batches.iter().enumerate() {
            let input = dir.path().join(format!("{name}-{i}.jsonl"));
            std::fs::write(&input, batch.join("\n") + "\n").unwrap();
            pipeline
                .ingest(&[input.display().to_string()], &mut store, &Silent)
                .unwrap();
            chronicler_query::record_event_ids(&mut store).unwrap();
        }
        store
    };
    let mut whole = build("whole", vec![lines.clone()]);
    let reference = kept(&whole);
    assert!(
        reference.0.iter().all(|g| g.2.is_some()),
        "every event grouped"
    );
    let story_count = reference
        .1
        .iter()
        .map(|s| &s.1)
        .collect::<std::collections::BTreeSet<_>>()
        .len();
    assert!(
        story_count > 1 && story_count < reference.1.len(),
        "{story_count} stories for {} documents",
        reference.1.len()
    );
    chronicler_query::rebuild_consolidation(&mut whole).unwrap();
    same_kept(&kept(&whole), &reference, "one batch against a rebuild");

    let mut reversed = lines.clone();
    reversed.reverse();
    // Interleaved: every third article, three passes (clusters merge when
    // the copy between two earlier ones arrives).
    let interleaved: Vec<String> = (0..3)
        .flat_map(|s| lines.iter().skip(s).step_by(3).cloned())
        .collect();
    let orders = [
        ("forward", lines.chunks(7).map(<[String]>::to_vec).collect()),
        (
            "reversed",
            reversed.chunks(5).map(<[String]>::to_vec).collect(),
        ),
        (
            "one-by-one",
            interleaved.iter().map(|l| vec![l.clone()]).collect(),
        ),
    ];
    for (name, batches) in orders {
        let mut store = build(name, batches);
        let incremental = kept(&store);
        let update = chronicler_query::update_consolidation(&mut store).unwrap();
        assert_eq!((update.blocks, update.events, update.documents), (0, 0, 0));
        let (_, scratch) = chronicler_query::rebuild_consolidation(&mut store).unwrap();
        same_kept(
            &incremental,
            &kept(&store),
            &format!("{name}: against a rebuild"),
        );
        // Every current event id was recorded as its block was regrouped,
        // so `export --since` and id resolution hold.
        for e in &scratch.events {
            assert!(store.event_id(&e.id).unwrap().is_some(), "{name}: {}", e.id);
        }
        if partitions(&store) == partitions(&whole) {
            same_kept(
                &incremental,
                &reference,
                &format!("{name}: against one batch"),
            );
        } else {
            // Two inputs with the same clean text are stored once, as the
            // first of them to arrive: which copy (and so which date, which
            // the story window of related-text clusters reads) stands for
            // the text depends on the order; the near-duplicate clusters of
            // texts do not.
            assert_eq!(
                text_partitions(&store)[0],
                text_partitions(&whole)[0],
                "{name}: the clusters of texts depend on the ingest order"
            );
            assert_ne!(
                stored_ids(&store),
                stored_ids(&whole),
                "{name}: same documents stored, different clusters"
            );
        }
    }
}
