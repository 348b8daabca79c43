//! Data-driven coding fixtures: every `tests/fixtures/*.txt` block is one
//! sentence run through the real analyzer (built-in dictionaries) and the
//! coder, then checked against its expected events. See
//! `tests/fixtures/README.md` for the format.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use chronicler_core::{Actor, CodedEvent};
use chronicler_dict::Dictionaries;
use jiff::civil::Date;

#[derive(Debug, Default, Clone)]
struct Expect {
    src: String,
    tgt: String,
    code: String,
    status: Option<String>,
    date: Option<String>,
}

#[derive(Debug, Default, Clone)]
struct Fixture {
    at: String,
    date: String,
    text: String,
    why: String,
    none: bool,
    root: String,
    /// A known gap: reported, not failing.
    known: String,
    expects: Vec<Expect>,
}

fn parse(file: &str, text: &str) -> Vec<Fixture> {
    let mut out = Vec::new();
    let mut date = "2025-06-01".to_string();
    let mut cur: Option<Fixture> = None;
    for (i, raw) in text.lines().enumerate() {
        let line = raw.trim();
        if line.is_empty() {
            out.extend(cur.take());
            continue;
        }
        if line.starts_with('#') {
            continue;
        }
        if let Some(d) = line.strip_prefix("@date ") {
            date = d.trim().to_string();
            continue;
        }
        let (key, val) = line
            .split_once(':')
            .unwrap_or_else(|| panic!("{file}:{}: expected `key: value`", i + 1));
        let val = val.trim();
        let f = cur.get_or_insert_with(|| Fixture {
            at: format!("{file}:{}", i + 1),
            date: date.clone(),
            ..Fixture::default()
        });
        match key {
            "text" => f.text = val.to_string(),
            "why" => f.why = val.to_string(),
            "root" => f.root = val.to_string(),
            "known" => f.known = val.to_string(),
            "date" => f.date = val.to_string(),
            "expect" if val == "none" => f.none = true,
            "expect" => {
                let w: Vec<&str> = val.split_whitespace().collect();
                assert!(
                    w.len() >= 3,
                    "{file}:{}: expect SRC TGT CODE [status] [date]",
                    i + 1
                );
                let mut e = Expect {
                    src: w[0].into(),
                    tgt: w[1].into(),
                    code: w[2].into(),
                    ..Expect::default()
                };
                for x in &w[3..] {
                    if x.as_bytes().first().is_some_and(u8::is_ascii_digit) {
                        e.date = Some((*x).into());
                    } else {
                        e.status = Some((*x).into());
                    }
                }
                f.expects.push(e);
            }
            other => panic!("{file}:{}: unknown key {other}", i + 1),
        }
    }
    out.extend(cur);
    out
}

fn actor_matches(want: &str, a: Option<&Actor>) -> bool {
    match (want, a) {
        ("*", _) => true,
        ("-", None) => true,
        (_, None) | ("-", Some(_)) => false,
        (w, Some(a)) => a.code.starts_with(w) || a.country.as_deref() == Some(w),
    }
}

fn event_matches(e: &Expect, ev: &CodedEvent) -> bool {
    let direct =
        actor_matches(&e.src, ev.source.as_ref()) && actor_matches(&e.tgt, ev.target.as_ref());
    let swapped = ev.symmetric
        && actor_matches(&e.src, ev.target.as_ref())
        && actor_matches(&e.tgt, ev.source.as_ref());
    (direct || swapped)
        && ev.cameo.starts_with(&e.code)
        && e.status.as_deref().is_none_or(|s| s == ev.status.as_str())
        && e.date.as_deref().is_none_or(|d| {
            ev.date.start.map(|x| x.to_string()).as_deref() == Some(d)
                || ev.date.end.map(|x| x.to_string()).as_deref() == Some(d)
        })
}

fn show(ev: &CodedEvent) -> String {
    let c = |a: &Option<Actor>| a.as_ref().map_or("-".to_string(), |a| a.code.clone());
    format!(
        "{} {} {} {} {} conf={:.2} [{}]",
        c(&ev.source),
        c(&ev.target),
        ev.cameo,
        ev.status.as_str(),
        ev.date
            .start
            .or(ev.date.end)
            .map_or("-".into(), |d| d.to_string()),
        ev.confidence,
        ev.rule
    )
}

fn code(dicts: &Dictionaries, f: &Fixture) -> Vec<CodedEvent> {
    let today: Date = f.date.parse().expect("fixture date");
    common::code_text(dicts, &f.at, &f.text, today)
}

/// Checks one fixture; returns the events and, for each, whether it was expected.
fn check(dicts: &Dictionaries, f: &Fixture) -> (Result<(), String>, Vec<(CodedEvent, bool)>) {
    let evs = code(dicts, f);
    let mut used = vec![false; evs.len()];
    let mut missing = Vec::new();
    for e in &f.expects {
        match (0..evs.len()).find(|&i| !used[i] && event_matches(e, &evs[i])) {
            Some(i) => used[i] = true,
            None => missing.push(format!("{} {} {}", e.src, e.tgt, e.code)),
        }
    }
    let extra: Vec<String> = evs
        .iter()
        .zip(&used)
        .filter(|(_, u)| !**u)
        .map(|(e, _)| show(e))
        .collect();
    let scored: Vec<(CodedEvent, bool)> = evs.iter().cloned().zip(used).collect();
    if missing.is_empty() && extra.is_empty() {
        (Ok(()), scored)
    } else {
        (
            Err(format!(
                "{}: {}\n    why: {}\n    missing: {:?}\n    unexpected: {:?}",
                f.at, f.text, f.why, missing, extra
            )),
            scored,
        )
    }
}

fn fixtures() -> Vec<Fixture> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    let mut out = Vec::new();
    for p in paths {
        let name = p.file_name().unwrap().to_string_lossy().to_string();
        out.extend(parse(&name, &std::fs::read_to_string(&p).unwrap()));
    }
    out
}

#[test]
fn coding_fixtures() {
    let dicts = Dictionaries::builtin().unwrap();
    let all = fixtures();
    let mut failures = Vec::new();
    let mut known = 0usize;
    let (mut sure, mut sure_right) = (0usize, 0usize);
    for f in &all {
        assert!(!f.text.is_empty(), "{}: no text", f.at);
        assert!(
            f.none == f.expects.is_empty(),
            "{}: give `expect: none` or events",
            f.at
        );
        let (res, scored) = check(&dicts, f);
        for (ev, right) in &scored {
            if ev.confidence >= 0.8 {
                sure += 1;
                sure_right += usize::from(*right);
            }
        }
        match res {
            Err(e) if f.known.is_empty() => failures.push(e),
            Err(_) => known += 1,
            Ok(()) if !f.known.is_empty() => eprintln!("{}: known gap now passes", f.at),
            Ok(()) => {}
        }
    }
    for f in &failures {
        eprintln!("{f}");
    }
    eprintln!(
        "{} fixtures, {} failing, {} known gaps; events with confidence >= 0.8: {}/{} right",
        all.len(),
        failures.len(),
        known,
        sure_right,
        sure
    );
    assert!(all.len() >= 150, "only {} fixtures", all.len());
    // every CAMEO root has positive and negative fixtures
    for root in 1..=20 {
        let r = format!("{root:02}");
        let pos = all
            .iter()
            .any(|f| f.expects.iter().any(|e| e.code.starts_with(&r)));
        assert!(pos, "no positive fixture for root {r}");
        let neg = all.iter().any(|f| f.none && f.root == r);
        assert!(neg, "no negative fixture for root {r}");
    }
    assert!(
        sure == 0 || sure_right * 10 >= sure * 9,
        "confident events right in only {sure_right}/{sure}"
    );
    // known gaps stay a minority
    assert!(known * 10 <= all.len() * 3, "{known} known gaps");
    assert!(
        failures.is_empty(),
        "{} failing fixtures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
