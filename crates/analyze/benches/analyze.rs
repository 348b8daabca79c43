//! The analysis stage alone on clean text: `cargo bench -p chronicler-analyze`.
//!
//! Input: the example articles, cleaned with chronicler-clean, each repeated
//! into one batch; throughput is reported in bytes of clean text per second
//! on one thread (the stage is run per document, documents in parallel).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::sync::OnceLock;

use chronicler_analyze::{dates, quantities, sentences, Analyzer};
use chronicler_core::{Body, CleanDocument, Format, Metadata, RawDocument};
use chronicler_dict::Dictionaries;
use divan::counter::BytesCount;
use divan::Bencher;
use jiff::civil::Date;

fn main() {
    divan::main();
}

fn dicts() -> &'static Dictionaries {
    static D: OnceLock<Dictionaries> = OnceLock::new();
    D.get_or_init(|| Dictionaries::builtin().expect("dictionaries"))
}

fn docs() -> &'static [CleanDocument] {
    static D: OnceLock<Vec<CleanDocument>> = OnceLock::new();
    D.get_or_init(|| {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/articles");
        let mut paths: Vec<_> = std::fs::read_dir(dir)
            .expect("examples")
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .collect();
        paths.sort();
        paths
            .iter()
            .map(|p| {
                let raw = std::fs::read_to_string(p).expect("article");
                chronicler_clean::clean(RawDocument {
                    id: p.display().to_string(),
                    path: p.display().to_string(),
                    format: Format::Text,
                    meta: Metadata {
                        published: Some("2026-01-30".into()),
                        ..Metadata::default()
                    },
                    body: Body::Text(raw),
                    warnings: Vec::new(),
                })
                .expect("clean")
            })
            .collect()
    })
}

fn bytes() -> usize {
    docs().iter().map(|d| d.text.len()).sum()
}

fn today() -> Date {
    Date::new(2026, 2, 10).expect("date")
}

#[divan::bench]
fn analyze(b: Bencher) {
    let an = Analyzer::new(dicts());
    b.counter(BytesCount::new(bytes()))
        .with_inputs(|| docs().to_vec())
        .bench_local_values(|docs| {
            for d in docs {
                divan::black_box(an.analyze(d, today()));
            }
        });
}

#[divan::bench]
fn dates_only(b: Bencher) {
    b.counter(BytesCount::new(bytes())).bench_local(|| {
        for d in docs() {
            divan::black_box(dates::find(&d.text, today()));
        }
    });
}

#[divan::bench]
fn quantities_only(b: Bencher) {
    b.counter(BytesCount::new(bytes())).bench_local(|| {
        for d in docs() {
            divan::black_box(quantities::find(&d.text, &[]));
        }
    });
}

#[divan::bench]
fn sentences_only(b: Bencher) {
    b.counter(BytesCount::new(bytes())).bench_local(|| {
        for d in docs() {
            divan::black_box(sentences::split(&d.text));
        }
    });
}

#[divan::bench]
fn actor_and_place_matching(b: Bencher) {
    let d = dicts();
    b.counter(BytesCount::new(bytes())).bench_local(|| {
        for doc in docs() {
            divan::black_box(d.actors.find(&doc.text));
            divan::black_box(d.places.find(&doc.text));
        }
    });
}
