//! The coder alone, on analyzed documents built once from the coding
//! fixtures' sentences: `cargo bench -p chronicler-code --bench coder`.
//! Throughput is reported in sentences (divan's items).
#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

use chronicler_analyze::Analyzer;
use chronicler_code::Coder;
use chronicler_core::{AnalyzedDocument, CleanDocument, Format, Metadata};
use chronicler_dict::Dictionaries;
use divan::counter::ItemsCount;
use divan::Bencher;

fn main() {
    divan::main();
}

/// One document per fixture file: its `text:` lines as paragraphs.
fn docs(dicts: &Dictionaries) -> Vec<AnalyzedDocument> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    let today: jiff::civil::Date = "2025-06-04".parse().unwrap();
    paths
        .iter()
        .map(|p| {
            let text: Vec<String> = std::fs::read_to_string(p)
                .unwrap()
                .lines()
                .filter_map(|l| l.strip_prefix("text: ").map(str::to_string))
                .collect();
            let text = text.join("\n\n");
            let doc = CleanDocument {
                id: p.display().to_string(),
                path: p.display().to_string(),
                format: Format::Text,
                meta: Metadata {
                    published: Some(today.to_string()),
                    ..Metadata::default()
                },
                extracted: text.clone(),
                text,
                segments: vec![],
                cited_sources: vec![],
                removed: vec![],
                warnings: vec![],
            };
            Analyzer::new(dicts).analyze(doc, today)
        })
        .collect()
}

#[divan::bench(sample_count = 30)]
fn code_fixture_sentences(bencher: Bencher) {
    let dicts = Dictionaries::builtin().unwrap();
    let docs = docs(&dicts);
    let n: usize = docs.iter().map(|d| d.sentences.len()).sum();
    let coder = Coder::new(&dicts);
    bencher.counter(ItemsCount::new(n)).bench(|| {
        docs.iter()
            .map(|d| coder.code(divan::black_box(d)).len())
            .sum::<usize>()
    });
}
