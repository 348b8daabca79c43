//! The whole pipeline on in-memory texts, timed like the spaCy NER
//! baseline (`../shared/baselines/ner_bench.py`): texts read first, one
//! warm-up document, then passes over all documents, timing cleaning,
//! analysis and coding (and, with `--store`, the store writes into a fresh
//! SQLite file, one transaction per batch of documents as the pipeline writes
//! them). Reports documents/s, MB/s and whitespace words/s (the baseline's
//! "words") per wall second and per CPU second (user + system time of the
//! process, from `/proc/self/stat`), and a fingerprint of the events.
//!
//! `--threads N` (default 1): N worker threads take the pipeline's batches of
//! documents in turn; the results are merged (and written) in input order,
//! so the events and their fingerprint are the same at any N. One thread
//! runs the batches on the main thread, as before the option existed.
//!
//! usage: pipeline_bench CORPUS.jsonl [--limit N] [--repeat R] [--store DIR] [--threads N]
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
    eprintln!(
        "usage: pipeline_bench CORPUS.jsonl [--limit N] [--repeat R] [--store DIR] [--threads N]"
    );
    std::process::exit(2)
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (mut corpus, mut limit, mut repeat, mut store_dir) = (None, usize::MAX, 3usize, None);
    let mut threads = 1usize;
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
            "--threads" => threads = num().max(1),
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
    let opts = PipelineOptions::new(today);
    // Documents per store transaction (and per worker's batch), as `Pipeline::ingest` writes them.
    let batch = opts.batch_size.max(1);
    let pipeline = Pipeline::new(&dicts, opts);
    if let Some(d) = docs.first() {
        let _ = pipeline.process(d.clone());
    }
    let mut best = (f64::MAX, 0.0);
    let mut events = 0usize;
    let mut fingerprint = 0u64;
    for rep in 0..repeat.max(1) {
        let inputs: Vec<Vec<_>> = docs.chunks(batch).map(<[_]>::to_vec).collect();
        let mut store = store_dir.as_deref().map(|dir| open_store(dir, rep));
        let (cpu0, t0) = (cpu_seconds(), Instant::now());
        events = 0;
        fingerprint = 0;
        let mut take = |done: Vec<Done>| {
            events += done.iter().map(|(_, evs)| evs.len()).sum::<usize>();
            fingerprint = fingerprint_of(fingerprint, &done);
            if let Some(s) = store.as_mut() {
                if let Err(e) = write_batch(s, &done) {
                    eprintln!("pipeline_bench: store: {e}");
                    std::process::exit(1)
                }
            }
        };
        if threads == 1 {
            for chunk in inputs {
                take(run_batch(&pipeline, chunk));
            }
        } else {
            in_parallel(&pipeline, inputs, threads, take);
        }
        // As an ingest ends: what the last batches left to index.
        if let Some(s) = store.as_mut() {
            if let Err(e) = s.flush_waiting() {
                eprintln!("pipeline_bench: store: {e}");
                std::process::exit(1)
            }
        }
        let (secs, cpu) = (t0.elapsed().as_secs_f64(), cpu_seconds() - cpu0);
        eprintln!("pass {}: {secs:.3} s wall, {cpu:.3} s CPU", rep + 1);
        if secs < best.0 {
            best = (secs, cpu);
        }
    }
    let (best, cpu) = best;
    let n = docs.len() as f64;
    println!(
        "{{\"corpus\": {:?}, \"docs\": {}, \"bytes\": {bytes}, \"words\": {words}, \"events\": {events}, \"fingerprint\": \"{fingerprint:016x}\", \"store\": {}, \"threads\": {threads}, \"best_seconds\": {best:.4}, \"cpu_seconds\": {cpu:.3}, \"docs_per_s\": {:.1}, \"docs_per_cpu_s\": {:.1}, \"mb_per_s\": {:.2}, \"mb_per_cpu_s\": {:.2}, \"words_per_s\": {:.0}, \"max_rss_MiB\": {:.1}}}",
        corpus.display().to_string(),
        docs.len(),
        store_dir.is_some(),
        n / best,
        n / cpu.max(1e-9),
        bytes as f64 / 1e6 / best,
        bytes as f64 / 1e6 / cpu.max(1e-9),
        words as f64 / best,
        chronicler_bench::max_rss_mib()
    );
}

/// A processed document and its events.
type Done = (
    chronicler_core::AnalyzedDocument,
    Vec<chronicler_core::CodedEvent>,
);

/// Cleans, analyzes and codes one batch (documents the pipeline refuses
/// are left out).
fn run_batch(pipeline: &Pipeline<'_>, chunk: Vec<chronicler_core::RawDocument>) -> Vec<Done> {
    chunk
        .into_iter()
        .filter_map(|d| pipeline.process(d).ok())
        .collect()
}

/// Runs the batches on `threads` workers, each taking the next batch not
/// yet taken, and hands their results to `take` in input order.
fn in_parallel(
    pipeline: &Pipeline<'_>,
    inputs: Vec<Vec<chronicler_core::RawDocument>>,
    threads: usize,
    mut take: impl FnMut(Vec<Done>),
) {
    let total = inputs.len();
    let queue = std::sync::Mutex::new(inputs.into_iter().enumerate());
    let (tx, rx) = std::sync::mpsc::channel::<(usize, Vec<Done>)>();
    std::thread::scope(|s| {
        for _ in 0..threads {
            let (tx, queue) = (tx.clone(), &queue);
            s.spawn(move || loop {
                let next = match queue.lock() {
                    Ok(mut q) => q.next(),
                    Err(_) => None,
                };
                let Some((i, chunk)) = next else { break };
                if tx.send((i, run_batch(pipeline, chunk))).is_err() {
                    break;
                }
            });
        }
        drop(tx);
        // Out-of-order results wait for the batches before them.
        let mut waiting = std::collections::BTreeMap::new();
        let mut next = 0;
        for (i, done) in rx {
            waiting.insert(i, done);
            while let Some(done) = waiting.remove(&next) {
                take(done);
                next += 1;
            }
        }
        if next != total {
            eprintln!("pipeline_bench: a worker stopped early ({next} of {total} batches)");
            std::process::exit(1)
        }
    });
}

/// Folds the documents' events (document id, code, status, sentence and
/// trigger offsets), in order, into `h`: equal at any thread count.
fn fingerprint_of(mut h: u64, done: &[Done]) -> u64 {
    for (doc, evs) in done {
        for e in evs {
            let ev = &e.evidence;
            let part = format!(
                "{h:016x} {} {} {} {} {}",
                doc.doc.id,
                e.cameo,
                e.status.as_str(),
                ev.sentence,
                ev.trigger.start
            );
            h = chronicler_core::text::stable_hash(&[&part]);
        }
    }
    h
}

/// CPU time of the process so far (user + system, all threads), from
/// `/proc/self/stat` (clock ticks of 1/100 s); 0 where unreadable.
fn cpu_seconds() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    // Fields after the command name (which may hold spaces), from field 3.
    let rest = stat.rsplit_once(')').map_or("", |(_, r)| r);
    let f: Vec<&str> = rest.split_whitespace().collect();
    let ticks = |i: usize| f.get(i).and_then(|v| v.parse::<f64>().ok()).unwrap_or(0.0);
    // utime and stime are fields 14 and 15: indices 11 and 12 here.
    (ticks(11) + ticks(12)) / 100.0
}

/// One transaction for the batch, a savepoint per document.
fn write_batch(
    store: &mut chronicler_store::Store,
    done: &[Done],
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
