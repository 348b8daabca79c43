//! The two example articles, analysed end to end.
#![allow(clippy::unwrap_used)]

use chronicler_analyze::Analyzer;
use chronicler_core::{
    AnalyzedDocument, CleanDocument, DatePrecision, Format, MentionForm, Metadata,
};
use chronicler_dict::Dictionaries;
use jiff::civil::Date;

/// A clean document from an example file: lines of 8 words or more, as paragraphs.
fn clean(name: &str) -> CleanDocument {
    let path = format!(
        "{}/../../examples/articles/{name}.txt",
        env!("CARGO_MANIFEST_DIR")
    );
    let raw = std::fs::read_to_string(&path).unwrap();
    let text = raw
        .lines()
        .map(str::trim)
        .filter(|l| l.split_whitespace().count() >= 8)
        .collect::<Vec<_>>()
        .join("\n\n");
    CleanDocument {
        id: name.into(),
        path,
        format: Format::Text,
        meta: Metadata {
            published: Some("2026-01-30".into()),
            ..Metadata::default()
        },
        extracted: raw,
        text,
        segments: Vec::new(),
        cited_sources: Vec::new(),
        removed: Vec::new(),
        warnings: Vec::new(),
    }
}

fn analyze(name: &str) -> AnalyzedDocument {
    let dicts = Dictionaries::builtin().unwrap();
    let today = Date::new(2026, 2, 10).unwrap();
    Analyzer::new(&dicts).analyze(clean(name), today)
}

fn d(s: &str) -> Date {
    s.parse().unwrap()
}

#[test]
fn dump() {
    for name in [
        "zelenskyy-invites-putin-territorial-hurdles",
        "mbn360-zelenskyy-challenges-putin",
    ] {
        let a = analyze(name);
        let t = &a.doc.text;
        for m in &a.actors {
            eprintln!(
                "A {:?} {:?} -> {} {} {:?}",
                m.span.slice(t),
                m.form,
                m.actor.entity,
                m.actor.code,
                m.actor.country
            );
        }
        for m in &a.places {
            eprintln!(
                "P {:?} -> {} {:?} {:?}",
                m.span.slice(t),
                m.place.name,
                m.place.country,
                m.place.lat
            );
        }
        for m in &a.dates {
            eprintln!("D {:?} -> {:?}", m.span.slice(t), m.range);
        }
        for q in &a.quantities {
            eprintln!("Q {:?} {} {:?}", q.text, q.value, q.unit);
        }
        for u in &a.unresolved {
            eprintln!("U {:?}", u.text);
        }
        for s in &a.sentences {
            eprintln!("S {:?}", s.span.slice(t));
        }
    }
}

#[test]
fn zelenskyy_invites_putin() {
    let a = analyze("zelenskyy-invites-putin-territorial-hurdles");
    let t = &a.doc.text;
    let actor = |entity: &str| {
        a.actors
            .iter()
            .find(|m| m.actor.entity == entity)
            .map(|m| m.actor.clone())
    };
    let z = actor("person:volodymyr-zelenskyy").unwrap();
    assert_eq!(
        (z.code.as_str(), z.country.as_deref()),
        ("UKRGOV", Some("UKR"))
    );
    let p = actor("person:vladimir-putin").unwrap();
    assert_eq!(
        (p.code.as_str(), p.country.as_deref()),
        ("RUSGOV", Some("RUS"))
    );
    let tr = actor("person:donald-trump").unwrap();
    assert_eq!(
        (tr.code.as_str(), tr.country.as_deref()),
        ("USAGOV", Some("USA"))
    );
    assert!(a
        .actors
        .iter()
        .any(|m| m.span.slice(t).ends_with("Kremlin") && m.actor.code == "RUSGOV"));
    // One mention for the title and the name.
    assert!(a
        .actors
        .iter()
        .any(|m| m.span.slice(t) == "Ukrainian President Volodymyr Zelenskyy"));
    assert!(!a
        .actors
        .iter()
        .any(|m| m.span.slice(t) == "Ukrainian"
            && t[m.span.end..].starts_with(" President Volodymyr")));
    assert!(a
        .actors
        .iter()
        .any(|m| m.span.slice(t) == "Russian servicemen" && m.actor.code == "RUSMIL"));
    for city in ["Kyiv", "Moscow", "Minsk", "Abu Dhabi"] {
        let p = a
            .places
            .iter()
            .find(|p| p.place.name == city)
            .unwrap_or_else(|| panic!("{city}"));
        assert!(p.place.lat.is_some() && p.place.lon.is_some());
    }
    assert!(a
        .places
        .iter()
        .any(|p| p.span.slice(t) == "the Ukrainian capital" && p.place.name == "Kyiv"));
    assert!(a
        .places
        .iter()
        .any(|p| p.span.slice(t) == "the Belarusian capital" && p.place.name == "Minsk"));
    let range = |s: &str| {
        a.dates
            .iter()
            .find(|m| m.span.slice(t) == s)
            .map(|m| m.range)
    };
    let r = range("between January 23 and 24").unwrap();
    assert_eq!(
        (r.start, r.end, r.precision),
        (
            Some(d("2026-01-23")),
            Some(d("2026-01-24")),
            DatePrecision::Day
        )
    );
    assert_eq!(
        range("January 29, 2026").unwrap().start,
        Some(d("2026-01-29"))
    );
    assert_eq!(
        range("February 1, 2026").unwrap().start,
        Some(d("2026-02-01"))
    );
    let q: Vec<(f64, &str)> = a
        .quantities
        .iter()
        .map(|q| (q.value, q.unit.as_str()))
        .collect();
    assert!(
        q.contains(&(1000.0, "Ukrainian soldiers' remains")),
        "{q:?}"
    );
    assert!(q.contains(&(38.0, "Russian servicemen")), "{q:?}");
    assert!(q.contains(&(-30.0, "degrees Celsius")), "{q:?}");
    assert!(!q.iter().any(|(v, _)| *v == 2026.0 || *v == 2025.0));
}

#[test]
fn mbn360_article() {
    let a = analyze("mbn360-zelenskyy-challenges-putin");
    let t = &a.doc.text;
    let ent = |e: &str| a.actors.iter().any(|m| m.actor.entity == e);
    for e in [
        "person:volodymyr-zelenskyy",
        "person:vladimir-putin",
        "person:andrii-sybiha",
        "person:donald-trump",
    ] {
        assert!(ent(e), "{e}");
    }
    assert!(a.actors.iter().any(|m| m
        .span
        .slice(t)
        .eq_ignore_ascii_case("the Ukrainian president")
        && m.actor.entity == "person:volodymyr-zelenskyy"
        && m.form == MentionForm::Title));
    if t.contains("Russian leader") {
        assert!(a.actors.iter().any(|m| m
            .span
            .slice(t)
            .eq_ignore_ascii_case("the Russian leader")
            && m.actor.entity == "person:vladimir-putin"));
    }
    let sy = a
        .actors
        .iter()
        .find(|m| m.actor.entity == "person:andrii-sybiha")
        .unwrap();
    assert_eq!(sy.actor.code, "UKRGOV");
}

/// Throughput: `cargo test --release -p chronicler-analyze --test examples -- --ignored --nocapture`.
#[test]
#[ignore]
fn throughput() {
    let dicts = Dictionaries::builtin().unwrap();
    let an = Analyzer::new(&dicts);
    let docs = [
        clean("zelenskyy-invites-putin-territorial-hurdles"),
        clean("mbn360-zelenskyy-challenges-putin"),
    ];
    let today = Date::new(2026, 2, 10).unwrap();
    let n = 2000;
    let t0 = std::time::Instant::now();
    for i in 0..n {
        let a = an.analyze(docs[i % 2].clone(), today);
        assert!(!a.actors.is_empty());
    }
    let s = t0.elapsed().as_secs_f64();
    eprintln!("{n} articles in {s:.2}s: {:.0} articles/s", n as f64 / s);
}
