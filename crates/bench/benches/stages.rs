//! Per-stage benchmarks (divan): cleaning (plain text and HTML), analysis,
//! coding, consolidation, store writes (a transaction a document, and one
//! batch as `chronicler ingest` writes), the documents through every stage
//! but the store, and the whole pipeline end to end (`ingest`, at 1 and 2
//! threads: reading, all stages, consolidation, store). Inputs: the corpus
//! of `scripts/make_corpus.py` (`$CHRONICLER_CORPUS`, default `/tmp/chronicler-bench/corpus-10000.jsonl`;
//! the example articles when it is missing) and, for HTML, the Scrapinghub
//! pages unpacked by `../shared/baselines/setup.sh`
//! (`$BASELINES_WORK/manifests/sh.tsv`, default `/tmp/baselines-work`).
//!
//! Run: `bash scripts/bench_stages.sh` (or `cargo bench -p chronicler-bench`).
#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

use std::path::PathBuf;
use std::sync::OnceLock;

use chronicler_analyze::Analyzer;
use chronicler_code::Coder;
use chronicler_consolidate::Located;
use chronicler_core::{
    AnalyzedDocument, Body, CleanDocument, CodedEvent, EventMention, RawDocument,
};
use chronicler_dict::Dictionaries;
use divan::counter::{BytesCount, ItemsCount};
use divan::Bencher;
use jiff::civil::Date;

/// mimalloc, as in the `chronicler` binary, so benchmarks measure what users run.
/// It cuts the in-memory pipeline by about a quarter against glibc malloc (BENCHMARKS.md).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Articles per bench iteration.
const BATCH: usize = 200;

fn main() {
    divan::main();
}

fn today() -> Date {
    Date::new(2026, 2, 1).unwrap()
}

fn dicts() -> &'static Dictionaries {
    static D: OnceLock<Dictionaries> = OnceLock::new();
    D.get_or_init(|| Dictionaries::builtin().expect("built-in dictionaries"))
}

fn raw() -> &'static [RawDocument] {
    static R: OnceLock<Vec<RawDocument>> = OnceLock::new();
    R.get_or_init(|| chronicler_bench::bench_articles(BATCH))
}

fn bytes_of(docs: &[RawDocument]) -> usize {
    docs.iter()
        .map(|d| match &d.body {
            Body::Text(t) | Body::Html(t) => t.len(),
        })
        .sum()
}

fn cleaned() -> &'static [CleanDocument] {
    static C: OnceLock<Vec<CleanDocument>> = OnceLock::new();
    C.get_or_init(|| {
        raw()
            .iter()
            .filter_map(|d| chronicler_clean::clean(d.clone()).ok())
            .collect()
    })
}

fn analyzed() -> &'static [AnalyzedDocument] {
    static A: OnceLock<Vec<AnalyzedDocument>> = OnceLock::new();
    A.get_or_init(|| {
        let an = Analyzer::new(dicts());
        cleaned()
            .iter()
            .map(|c| an.analyze(c.clone(), today()))
            .collect()
    })
}

fn coded() -> &'static [(AnalyzedDocument, Vec<CodedEvent>)] {
    static E: OnceLock<Vec<(AnalyzedDocument, Vec<CodedEvent>)>> = OnceLock::new();
    E.get_or_init(|| {
        let coder = Coder::new(dicts());
        analyzed()
            .iter()
            .map(|a| (a.clone(), coder.code(a)))
            .collect()
    })
}

fn html_pages() -> &'static [RawDocument] {
    static H: OnceLock<Vec<RawDocument>> = OnceLock::new();
    H.get_or_init(|| {
        let work = std::env::var_os("BASELINES_WORK")
            .map(PathBuf::from)
            .unwrap_or_else(|| PathBuf::from("/tmp/baselines-work"));
        chronicler_bench::load_manifest(&work.join("manifests/sh.tsv"))
            .map(|pages| {
                pages
                    .iter()
                    .take(60)
                    .map(chronicler_bench::html_document)
                    .collect()
            })
            .unwrap_or_default()
    })
}

#[divan::bench]
fn clean_text(b: Bencher) {
    let docs = raw();
    b.counter(BytesCount::new(bytes_of(docs)))
        .counter(ItemsCount::new(docs.len()))
        .with_inputs(|| docs.to_vec())
        .bench_local_values(|docs| {
            for d in docs {
                divan::black_box(chronicler_clean::clean(d).ok());
            }
        });
}

#[divan::bench]
fn clean_html(b: Bencher) {
    let docs = html_pages();
    b.counter(BytesCount::new(bytes_of(docs)))
        .counter(ItemsCount::new(docs.len()))
        .with_inputs(|| docs.to_vec())
        .bench_local_values(|docs| {
            for d in docs {
                divan::black_box(chronicler_clean::clean(d).ok());
            }
        });
}

#[divan::bench]
fn analyze(b: Bencher) {
    let an = Analyzer::new(dicts());
    let docs = cleaned();
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    b.counter(BytesCount::new(bytes))
        .counter(ItemsCount::new(docs.len()))
        .with_inputs(|| docs.to_vec())
        .bench_local_values(|docs| {
            for d in docs {
                divan::black_box(an.analyze(d, today()));
            }
        });
}

#[divan::bench]
fn code(b: Bencher) {
    let coder = Coder::new(dicts());
    let docs = analyzed();
    let bytes: usize = docs.iter().map(|d| d.doc.text.len()).sum();
    b.counter(BytesCount::new(bytes))
        .counter(ItemsCount::new(docs.len()))
        .bench_local(|| {
            for d in docs {
                divan::black_box(coder.code(d));
            }
        });
}

/// Every coded event of the bench articles, located, repeated `copies`
/// times under distinct document ids (so that the merge sees `copies`
/// times as many reports).
fn located(copies: usize) -> Vec<Located> {
    let mut out = Vec::new();
    for k in 0..copies {
        for (doc, events) in coded() {
            for e in events {
                out.push(Located {
                    event: e.clone(),
                    mention: EventMention {
                        doc: format!("{}~{k}", doc.doc.id),
                        path: doc.doc.path.clone(),
                        url: doc.doc.meta.url.clone(),
                        outlet: doc.doc.meta.outlet.clone(),
                        published: doc.doc.meta.published.clone(),
                        sentence: String::new(),
                        start: 0,
                        end: 1,
                    },
                });
            }
        }
    }
    out
}

#[divan::bench(args = [1, 10])]
fn consolidate(b: Bencher, copies: usize) {
    let events = located(copies);
    b.counter(ItemsCount::new(events.len()))
        .with_inputs(|| events.clone())
        .bench_local_values(|events| divan::black_box(chronicler_consolidate::merge(events)));
}

/// A new store in a temporary folder (removed when dropped).
fn new_store() -> (tempfile::TempDir, chronicler_store::Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = chronicler_store::Store::open(&dir.path().join("b.db")).unwrap();
    (dir, store)
}

/// The store's writes one transaction a document (`Store::write_document`,
/// what a caller outside `chronicler ingest` gets).
#[divan::bench(sample_count = 10, sample_size = 1)]
fn store_write(b: Bencher) {
    let docs = coded();
    b.counter(ItemsCount::new(docs.len()))
        .with_inputs(new_store)
        .bench_local_values(|(dir, mut store)| {
            for (doc, events) in docs {
                store.write_document(doc, events).unwrap();
            }
            drop(store);
            drop(dir);
        });
}

#[divan::bench]
fn process_no_store(b: Bencher) {
    let pipeline = chronicler_pipeline::Pipeline::new(
        dicts(),
        chronicler_pipeline::PipelineOptions::new(today()),
    );
    let docs = raw();
    b.counter(BytesCount::new(bytes_of(docs)))
        .counter(ItemsCount::new(docs.len()))
        .with_inputs(|| docs.to_vec())
        .bench_local_values(|docs| {
            for d in docs {
                divan::black_box(pipeline.process(d).ok());
            }
        });
}

/// The store's writes as `chronicler ingest` makes them: the documents in
/// one batch (one transaction, their sentences indexed for search at the
/// end), then the store closed (the WAL copied into the file). Without
/// MinHash signatures: consolidation is in [`ingest`].
#[divan::bench(sample_count = 10, sample_size = 1)]
fn store_write_batch(b: Bencher) {
    let docs = coded();
    b.counter(ItemsCount::new(docs.len()))
        .with_inputs(new_store)
        .bench_local_values(|(dir, mut store)| {
            let mut batch = store.begin_batch().unwrap();
            for (doc, events) in docs {
                batch.write_document(doc, events, None).unwrap();
            }
            batch.commit().unwrap();
            store.flush_waiting().unwrap();
            drop(store);
            drop(dir);
        });
}

/// The bench articles as a JSON Lines file (written once), for [`ingest`].
fn articles_jsonl() -> &'static std::path::Path {
    static F: OnceLock<(tempfile::TempDir, PathBuf)> = OnceLock::new();
    let (_, path) = F.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("articles.jsonl");
        let mut lines = String::new();
        for d in raw() {
            let (Body::Text(text) | Body::Html(text)) = &d.body;
            let line = serde_json::json!({
                "id": d.id,
                "url": d.meta.url,
                "title": d.meta.title,
                "outlet": d.meta.outlet,
                "published": d.meta.published,
                "text": text,
            });
            lines.push_str(&line.to_string());
            lines.push('\n');
        }
        std::fs::write(&path, lines).unwrap();
        (dir, path)
    });
    path
}

/// The whole pipeline end to end, as `chronicler ingest FILE --threads N`
/// runs it: the articles read from JSON Lines, cleaned, analyzed, coded and
/// signed by N workers, written with their near-duplicate clusters into a
/// new store by the writer, then the merged events and stories kept in the
/// store updated (`chronicler_query::record_event_ids`, as the command
/// does) and the store closed.
#[divan::bench(args = [1, 2], sample_count = 10, sample_size = 1)]
fn ingest(b: Bencher, threads: usize) {
    let path = articles_jsonl().display().to_string();
    let mut opts = chronicler_pipeline::PipelineOptions::new(today());
    opts.threads = threads;
    let pipeline = chronicler_pipeline::Pipeline::new(dicts(), opts);
    let docs = raw();
    b.counter(BytesCount::new(bytes_of(docs)))
        .counter(ItemsCount::new(docs.len()))
        .with_inputs(new_store)
        .bench_local_values(|(dir, mut store)| {
            let summary = pipeline
                .ingest(
                    std::slice::from_ref(&path),
                    &mut store,
                    &chronicler_pipeline::Silent,
                )
                .unwrap();
            assert_eq!(summary.stored, docs.len());
            chronicler_query::record_event_ids(&mut store).unwrap();
            drop(store);
            drop(dir);
        });
}
