#![allow(clippy::unwrap_used, clippy::expect_used)]

use chronicler_clean::clean;
use chronicler_core::{Body, CleanDocument, Format, Metadata, RawDocument};

const A1: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../examples/articles/mbn360-zelenskyy-challenges-putin.txt"
));
const A1_META: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../examples/articles/mbn360-zelenskyy-challenges-putin.meta.json"
));
const A2: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../examples/articles/zelenskyy-invites-putin-territorial-hurdles.txt"
));
const A2_META: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../examples/articles/zelenskyy-invites-putin-territorial-hurdles.meta.json"
));

fn meta_of(json: &str) -> Metadata {
    let v: serde_json::Value = serde_json::from_str(json).unwrap();
    let f = |k: &str| v.get(k).and_then(|x| x.as_str()).map(str::to_string);
    Metadata {
        url: f("url"),
        title: f("title"),
        outlet: f("outlet"),
        published: f("published"),
        captured: None,
    }
}

fn doc(text: &str, meta: Metadata) -> CleanDocument {
    clean(RawDocument {
        id: "t".into(),
        path: "t".into(),
        format: Format::Text,
        meta,
        body: Body::Text(text.to_string()),
        warnings: vec![],
    })
    .unwrap()
}

/// The paragraphs of a story: lines with a sentence ending and at least
/// eight words.
fn story_paragraphs(text: &str) -> Vec<&str> {
    text.lines()
        .map(str::trim)
        .filter(|l| l.split_whitespace().count() >= 8 && l.ends_with(['.', '”', '"', '?', '!']))
        .collect()
}

fn assert_offsets(d: &CleanDocument) {
    for s in &d.segments {
        let clean = &d.text[s.clean.start..s.clean.end];
        let raw = &d.extracted[s.raw_start..s.raw_start + s.clean.len()];
        assert_eq!(clean, raw);
        assert_eq!(d.to_extracted(s.clean.start), Some(s.raw_start));
    }
    let paras: Vec<&str> = d.text.split("\n\n").collect();
    assert_eq!(paras.len(), d.segments.len());
}

fn print(d: &CleanDocument) {
    for r in &d.removed {
        eprintln!("REMOVED [{}] {}", r.reason, r.text);
    }
    eprintln!("SOURCES {:?}", d.cited_sources);
}

#[test]
fn mbn360_article() {
    let d = doc(A1, meta_of(A1_META));
    print(&d);
    assert_offsets(&d);
    for noise in [
        "Zelenskyy Challenges Putin With Direct Kyiv Peace Talks",
        "Foreign Politics",
        "Read also:",
        "Els MBN360 News",
        "Volodymyr Zelenskyy",
        "Zelenskyy Challenges Putin With Direct Kyiv Peace Talks 5",
        "Trump and Putin",
        "US President Donald Trump with Russina President Vladimir Putin",
        "Volodymyr Zelenskyy and Putin 1",
        "Ukrainian President Volodymyr Zelenskyy and Russian President Vladimir Putin",
    ] {
        assert!(
            !d.text.split("\n\n").any(|p| p == noise),
            "kept noise: {noise}"
        );
        assert!(
            d.removed.iter().any(|r| r.text == noise),
            "not recorded: {noise}"
        );
    }
    let paras = story_paragraphs(A1);
    assert_eq!(paras.len(), 21);
    let kept: Vec<&str> = d.text.split("\n\n").collect();
    assert_eq!(kept, paras);
    assert!(d.cited_sources.is_empty());
}

#[test]
fn second_article() {
    let d = doc(A2, meta_of(A2_META));
    print(&d);
    assert_offsets(&d);
    for noise in [
        "Ukrainian President Volodymyr Zelenskyy",
        "Zelenskyy Publicly Invites Putin to Kyiv as Peace Talks Face Territorial Hurdles",
        "Edited by: gaya ❤️ one",
        "Sources",
        "Wikipedia",
    ] {
        assert!(
            !d.text.split("\n\n").any(|p| p == noise),
            "kept noise: {noise}"
        );
    }
    let kept: Vec<&str> = d.text.split("\n\n").collect();
    assert_eq!(kept, story_paragraphs(A2));
    assert_eq!(kept.len(), 5);
    assert_eq!(
        d.cited_sources,
        vec![
            "Radio Televizija BN",
            "Interfax-Ukraine",
            "UNITED24 Media",
            "Anadolu Agency",
            "Wikipedia"
        ]
    );
    assert!(d
        .removed
        .iter()
        .any(|r| r.text == "AFP via Getty Images" && r.reason == "credit"));
}

#[test]
fn examples_are_idempotent() {
    for (text, meta) in [(A1, A1_META), (A2, A2_META)] {
        let once = doc(text, meta_of(meta));
        let twice = doc(&once.text, meta_of(meta));
        assert_eq!(once.text, twice.text);
        assert!(twice.removed.is_empty(), "{:?}", twice.removed);
    }
}
