//! The whole pipeline on in-memory texts, one thread, timed like the spaCy
//! NER baseline (`../shared/baselines/ner_bench.py`): texts read first, one
//! warm-up document, then passes over all documents, timing cleaning,
//! analysis and coding (and, with `--store`, the store writes into a fresh
//! SQLite file, one transaction per 64 documents as the pipeline writes
//! them). Reports documents/s, MB/s
//! and whitespace words/s (the baseline's "words").
//!
//! usage: pipeline_bench CORPUS.jsonl [--limit N] [--repeat R] [--store DIR]
//!
//! CORPUS.jsonl: one `{"id", "text", ...}` a line (the corpus of
//! `scripts/make_corpus.py`, or the baselines' `corpora/*.jsonl`).
use std::path::{Path, PathBuf};
use std::time::Instant;

use chronicler_core::Body;
use chronicler_pipeline::{Pipeline, PipelineOptions};

/// mimalloc, as in the `chronicler` binary, so benchmarks measure what users run.
/// It cuts the in-memory pipeline by about a quarter against glibc malloc (BENCHMARKS.md).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn usage() -> ! {
    eprintln!("usage: pipeline_bench CORPUS.jsonl [--limit N] [--repeat R] [--store DIR]");
    std::process::exit(2)
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (mut corpus, mut limit, mut repeat, mut store_dir) = (None, usize::MAX, 3usize, None);
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let mut num = || {
            it.next()
                .and_then(|v| v.parse().ok())
                .unwrap_or_else(|| usage())
        };
        match a.as_str() {
            "--limit" => limit = num(),
            "--repeat" => repeat = num(),
            "--store" => store_dir = Some(PathBuf::from(it.next().unwrap_or_else(|| usage()))),
            _ if corpus.is_none() => corpus = Some(PathBuf::from(a)),
            _ => usage(),
        }
    }
    let corpus = corpus.unwrap_or_else(|| usage());
    let docs = match chronicler_bench::load_corpus(&corpus, limit) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("pipeline_bench: {e}");
            std::process::exit(1)
        }
    };
    let (bytes, words) = docs
        .iter()
        .fold((0usize, 0usize), |(b, w), d| match &d.body {
            Body::Text(t) | Body::Html(t) => (b + t.len(), w + t.split_whitespace().count()),
        });
    let dicts = match chronicler_dict::Dictionaries::builtin() {
        Ok(d) => d,
        Err(e) => {
            eprintln!("pipeline_bench: {e}");
            std::process::exit(1)
        }
    };
    let today = jiff::civil::Date::new(2026, 2, 1).unwrap_or_default();
    let pipeline = Pipeline::new(&dicts, PipelineOptions::new(today));
    if let Some(d) = docs.first() {
        let _ = pipeline.process(d.clone());
    }
    let mut best = f64::MAX;
    let mut events = 0usize;
    for rep in 0..repeat.max(1) {
        let inputs: Vec<Vec<_>> = docs.chunks(BATCH).map(<[_]>::to_vec).collect();
        let mut store = store_dir.as_deref().map(|dir| open_store(dir, rep));
        let t0 = Instant::now();
        events = 0;
        for chunk in inputs {
            let done: Vec<_> = chunk
                .into_iter()
                .filter_map(|d| pipeline.process(d).ok())
                .collect();
            events += done.iter().map(|(_, evs)| evs.len()).sum::<usize>();
            if let Some(s) = store.as_mut() {
                if let Err(e) = write_batch(s, &done) {
                    eprintln!("pipeline_bench: store: {e}");
                    std::process::exit(1)
                }
            }
        }
        let secs = t0.elapsed().as_secs_f64();
        eprintln!("pass {}: {secs:.3} s", rep + 1);
        best = best.min(secs);
    }
    let n = docs.len() as f64;
    println!(
        "{{\"corpus\": {:?}, \"docs\": {}, \"bytes\": {bytes}, \"words\": {words}, \"events\": {events}, \"store\": {}, \"best_seconds\": {best:.4}, \"docs_per_s\": {:.1}, \"mb_per_s\": {:.2}, \"words_per_s\": {:.0}, \"max_rss_MiB\": {:.1}}}",
        corpus.display().to_string(),
        docs.len(),
        store_dir.is_some(),
        n / best,
        bytes as f64 / 1e6 / best,
        words as f64 / best,
        chronicler_bench::max_rss_mib()
    );
}

/// Documents per store transaction, as `Pipeline::ingest` writes them.
const BATCH: usize = 64;

/// One transaction for the batch, a savepoint per document.
fn write_batch(
    store: &mut chronicler_store::Store,
    done: &[(
        chronicler_core::AnalyzedDocument,
        Vec<chronicler_core::CodedEvent>,
    )],
) -> Result<(), chronicler_store::StoreError> {
    let mut batch = store.begin_batch()?;
    for (doc, evs) in done {
        batch.write_document(doc, evs, None)?;
    }
    batch.commit()
}

fn open_store(dir: &Path, rep: usize) -> chronicler_store::Store {
    let path = dir.join(format!("pipeline-bench-{}-{rep}.db", std::process::id()));
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
    }
    match chronicler_store::Store::open(&path) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("pipeline_bench: {e}");
            std::process::exit(1)
        }
    }
}
