//! # chronicler-pipeline
//!
//! Runs the stages in order over a set of inputs and writes the results to
//! the store:
//!
//! ```text
//! ingest::discover → ingest::read → clean → analyze → code → store
//! ```
//!
//! Brief overview: [`Pipeline`] holds the dictionaries and options;
//! [`Pipeline::ingest`] streams documents from a reader thread, processes
//! them in batches, cleaning, analyzing, coding and signing them in
//! parallel (rayon) while the batches before are written, and writes each
//! batch in one transaction (a savepoint per document, so a document is
//! stored whole or not at all) **in input order**, so the store is the same
//! whatever the thread count. Problems with single inputs are reported through a
//! [`Reporter`] and counted in the [`Summary`]; they never stop the run. A
//! store error does (the document in hand is rolled back).
#![deny(missing_docs)]

use std::collections::{BTreeMap, VecDeque};
use std::ops::ControlFlow;
use std::sync::mpsc::{Receiver, SyncSender};
use std::time::{Duration, Instant};

use chronicler_analyze::Analyzer;
use chronicler_code::Coder;
use chronicler_consolidate::minhash::Signature;
use chronicler_core::{AnalyzedDocument, Body, CleanDocument, CodedEvent, RawDocument};
use chronicler_dict::Dictionaries;
pub use chronicler_ingest::{IngestOptions, Problem, ProblemKind};
use chronicler_ingest::{Input, Item};
use chronicler_store::{Candidate, LinkedDoc, SignatureWrite, Store, StoreError, WriteOutcome};
use jiff::civil::Date;
use rayon::prelude::*;

mod limits;
pub use limits::{MAX_DOCUMENT_BYTES, MAX_SENTENCE_BYTES, MAX_TEXT_BYTES};

/// Batches processed ahead of the store writer (see [`Pipeline::ingest`]).
const AHEAD: usize = 4;

/// Batches always allowed ahead of the writer, however large.
const MIN_AHEAD: usize = 2;

/// Input bytes past which no batch beyond [`MIN_AHEAD`] is sent ahead: four
/// batches of plain-text news are about 10 MB, four of HTML pages can be
/// 300 MB (a Common Crawl WARC's pages average 150 KB).
const AHEAD_BYTES: usize = 32 << 20;

/// The writer's side of the queue to the workers: the input bytes of each
/// batch sent and not yet received back, oldest first.
struct Feed {
    tx: SyncSender<Vec<RawDocument>>,
    in_flight: VecDeque<usize>,
    read_all: bool,
}

impl Feed {
    /// True while one more batch may be sent ahead.
    fn wants_more(&self) -> bool {
        let n = self.in_flight.len();
        !self.read_all
            && (n < MIN_AHEAD || (n < AHEAD && self.in_flight.iter().sum::<usize>() < AHEAD_BYTES))
    }
}

/// How long a writer that helps the workers waits for a batch before it
/// looks again for a job of theirs to run.
const HELP_POLL: Duration = Duration::from_millis(1);

/// The next batch the workers finished, `None` when they are gone.
///
/// On a thread of the worker pool (the writer is one when there are two
/// or more), the wait is work: while no batch is ready, the writer runs
/// the pool's pending jobs (parts of the batches being cleaned, analyzed
/// and coded), one at a time, and looks again after each. So `--threads N`
/// keeps N threads busy, not N workers and a writer taking turns on N
/// cores (what cost 4-10 % more CPU: BENCHMARKS.md, twenty-fifth sitting).
/// `helping` counts the time spent on those jobs.
fn next_done<T: Send>(rx: &Receiver<T>, helping: &mut Duration) -> Option<T> {
    use std::sync::mpsc::{RecvTimeoutError, TryRecvError};
    if rayon::current_thread_index().is_none() {
        return rx.recv().ok();
    }
    loop {
        match rx.try_recv() {
            Ok(done) => return Some(done),
            Err(TryRecvError::Disconnected) => return None,
            Err(TryRecvError::Empty) => {}
        }
        let t0 = Instant::now();
        if rayon::yield_now() == Some(rayon::Yield::Executed) {
            *helping += t0.elapsed();
            continue;
        }
        // Nothing to run: wait for the batch, looking for work again
        // now and then (the workers split their jobs as they go).
        match rx.recv_timeout(HELP_POLL) {
            Ok(done) => return Some(done),
            Err(RecvTimeoutError::Disconnected) => return None,
            Err(RecvTimeoutError::Timeout) => {}
        }
    }
}

/// The bytes of input a batch holds (its texts or markup).
fn batch_bytes(batch: &[RawDocument]) -> usize {
    batch
        .iter()
        .map(|d| match &d.body {
            Body::Text(t) | Body::Html(t) => t.len(),
        })
        .sum()
}

/// Options of a run.
#[derive(Debug, Clone)]
pub struct PipelineOptions {
    /// Input reading options (size limit).
    pub ingest: IngestOptions,
    /// Threads for cleaning, analysis and coding (0: one per core). With
    /// two or more, the store writer is one of them: it runs the others'
    /// jobs while no batch is ready to write. With one, the writer has a
    /// thread of its own.
    pub threads: usize,
    /// The ingest date: the publication date of last resort.
    pub today: Date,
    /// Documents processed per batch (bounds memory while streaming).
    pub batch_size: usize,
}

impl PipelineOptions {
    /// Defaults for a run on `today`.
    pub fn new(today: Date) -> PipelineOptions {
        PipelineOptions {
            ingest: IngestOptions::default(),
            threads: 0,
            today,
            // Small enough that a run killed mid-batch loses little work
            // (a rerun redoes at most one batch), large enough to keep
            // every core busy. Each batch is one store transaction and one
            // full-text index flush: 512 instead of 64 cut the cost of
            // indexing by half or more (fewer, larger segments to write and
            // merge; BENCHMARKS.md, fifth sitting), peak memory unchanged.
            batch_size: 512,
        }
    }
}

/// A run-stopping error.
#[derive(Debug, thiserror::Error)]
pub enum PipelineError {
    /// The store failed (full disk, read-only file, corruption). The
    /// message is one line: what happened in plain words when known, then
    /// the store's own message (every document is written whole or not at
    /// all, so the store stays sound).
    #[error("{}", store_message(.0))]
    Store(StoreError),
    /// The worker pool could not be started.
    #[error("could not start worker threads: {0}")]
    Threads(String),
}

impl From<StoreError> for PipelineError {
    fn from(e: StoreError) -> Self {
        PipelineError::Store(e)
    }
}

/// One line for a store error, with advice when the cause is known.
fn store_message(e: &StoreError) -> String {
    match e.hint() {
        Some(hint) => format!(
            "{hint}: {e}; documents already stored are whole, nothing partial was kept: fix this and run the same command again"
        ),
        None => format!("store: {e}"),
    }
}

/// What a run did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Summary {
    /// Inputs found (files, stdin).
    pub inputs: usize,
    /// Documents read from them.
    pub documents: usize,
    /// Documents newly stored.
    pub stored: usize,
    /// Documents already in the store (same id, URL or content).
    pub duplicates: usize,
    /// Coded events stored.
    pub events: usize,
    /// Of the documents stored, those not in English: stored and
    /// searchable, not coded ([`chronicler_core::language`]).
    pub not_english: usize,
    /// Documents or inputs skipped, by reason.
    pub skipped: BTreeMap<&'static str, usize>,
    /// Warnings (document kept), by reason.
    pub warnings: BTreeMap<&'static str, usize>,
}

impl Summary {
    /// Total skipped.
    pub fn skipped_total(&self) -> usize {
        self.skipped.values().sum()
    }

    /// True when something could not be used.
    pub fn failed(&self) -> bool {
        self.skipped_total() > 0
    }

    fn count(&mut self, p: &Problem) {
        let map = if p.kind.is_fatal() {
            &mut self.skipped
        } else {
            &mut self.warnings
        };
        *map.entry(p.kind.as_str()).or_default() += 1;
    }
}

/// Receives progress and problems as a run goes.
pub trait Reporter: Sync {
    /// The number of inputs is known.
    fn start(&self, inputs: usize) {
        let _ = inputs;
    }
    /// One input is done.
    fn input_done(&self, input: &str) {
        let _ = input;
    }
    /// A problem with one input (fatal ones mean it was skipped).
    fn problem(&self, problem: &Problem);
}

/// A reporter that drops everything.
#[derive(Debug, Default)]
pub struct Silent;

impl Reporter for Silent {
    fn problem(&self, _: &Problem) {}
}

/// The whole pipeline, ready to run.
#[derive(Debug)]
pub struct Pipeline<'d> {
    analyzer: Analyzer<'d>,
    coder: Coder<'d>,
    opts: PipelineOptions,
}

/// The result of processing one raw document.
type Processed = Result<(AnalyzedDocument, Vec<CodedEvent>), Problem>;

/// What the workers made of one document.
enum Done {
    /// Cleaned, analyzed and coded, with the MinHash signature of its
    /// clean text.
    Full(AnalyzedDocument, Vec<CodedEvent>, Signature),
    /// Cleaned only: a document before it in the input had the same clean
    /// text, so it is all but surely a duplicate the writer will not store.
    /// The writer checks, and finishes it when it is not one after all
    /// ([`Pipeline::finish`]), so what is stored is the same either way.
    Copy(CleanDocument),
}

/// [`Done`], or why the document was skipped.
type Signed = Result<Done, Problem>;

/// Documents kept in [`Copies`] before it starts again from empty: a hash
/// table of 16-byte entries holding this many takes at most 18 MB, however
/// long the input (2.2 MB for 100,000 documents); copies of an article
/// are mostly near each other in a stream of news.
const COPIES_KEPT: usize = 1 << 19;

/// The clean texts the workers met so far in a run, each by its hash, with
/// the input position of the first document that had it: so that a later
/// copy is not analyzed, coded and signed only to be found a duplicate
/// when written (5 % of the benchmark corpus). Which documents are stored
/// does not depend on it: only the writer decides, in input order, as
/// before; whether a copy is caught here depends on which worker got
/// there first, so only the time saved does.
#[derive(Default)]
struct Copies(std::sync::Mutex<rustc_hash::FxHashMap<u64, u64>>);

impl Copies {
    /// True when a document before input position `seq` had clean text
    /// `text` (by its 64-bit hash; the writer checks the text itself).
    fn earlier(&self, text: &str, seq: u64) -> bool {
        let hash = xxhash_rust::xxh3::xxh3_64(text.as_bytes());
        let Ok(mut seen) = self.0.lock() else {
            // A worker panicked holding the lock: no more skipping.
            return false;
        };
        if seen.len() >= COPIES_KEPT {
            seen.clear();
        }
        let first = seen.entry(hash).or_insert(seq);
        if *first < seq {
            return true;
        }
        *first = seq;
        false
    }
}

impl<'d> Pipeline<'d> {
    /// A pipeline over `dicts`.
    pub fn new(dicts: &'d Dictionaries, opts: PipelineOptions) -> Pipeline<'d> {
        Pipeline {
            analyzer: Analyzer::new(dicts),
            coder: Coder::new(dicts),
            opts,
        }
    }

    /// Cleans, analyzes and codes one document (no I/O).
    pub fn process(&self, raw: RawDocument) -> Processed {
        let clean = Self::clean(raw)?;
        Ok(self.analyze_and_code(clean))
    }

    /// The cleaning of [`Pipeline::process`], with its checks of size.
    fn clean(raw: RawDocument) -> Result<CleanDocument, Problem> {
        let input = raw.id.clone();
        limits::check_size(&raw)?;
        let clean = chronicler_clean::clean(raw).map_err(|e| Problem {
            input,
            kind: match e {
                chronicler_clean::CleanError::NoText => ProblemKind::Empty,
                chronicler_clean::CleanError::TooDeep { .. } => ProblemKind::TooLarge,
            },
            message: e.to_string(),
        })?;
        limits::check_text(&clean)?;
        Ok(clean)
    }

    /// The rest of [`Pipeline::process`], after cleaning.
    fn analyze_and_code(&self, clean: CleanDocument) -> (AnalyzedDocument, Vec<CodedEvent>) {
        let mut analyzed = self.analyzer.analyze(clean, self.opts.today);
        let (view, warning) = limits::for_coding(&analyzed);
        let events = self.coder.code(&view);
        drop(view);
        analyzed.doc.warnings.extend(warning);
        (analyzed, events)
    }

    /// Reads `paths` (files, folders, `-`), processes every document and
    /// writes it to `store`.
    ///
    /// Three stages run at once, joined by bounded queues so memory is
    /// bounded by the batch size, not the input size: a reader thread
    /// streams documents (JSON Lines line by line, WARC record by record);
    /// a worker thread hands the batches to the pool one at a time, oldest
    /// first, so that the pool cleans, analyzes, codes and signs up to
    /// `AHEAD` batches (fewer when they hold more than `AHEAD_BYTES` of
    /// input) while the writer writes the one before them, in input
    /// order, in one transaction with a savepoint per document. With two
    /// threads or more the writer is one of the pool's and runs its jobs
    /// while no batch is ready to write; with one it is this thread.
    pub fn ingest(
        &self,
        paths: &[String],
        store: &mut Store,
        reporter: &dyn Reporter,
    ) -> Result<Summary, PipelineError> {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(self.opts.threads)
            .build()
            .map_err(|e| PipelineError::Threads(e.to_string()))?;
        sign_unsigned(store)?;
        let (inputs, problems) = chronicler_ingest::discover(paths);
        let mut summary = Summary {
            inputs: inputs.len(),
            ..Summary::default()
        };
        for p in &problems {
            reporter.problem(p);
            summary.count(p);
        }
        reporter.start(inputs.len());
        let batch_size = self.opts.batch_size.max(1);
        std::thread::scope(|scope| {
            let (tx, rx) = std::sync::mpsc::sync_channel(batch_size);
            let inputs = &inputs;
            let opts = &self.opts.ingest;
            scope.spawn(move || read_inputs(inputs, opts, &tx));
            // Batches go to the worker pool one at a time, oldest first, so
            // the batch the writer needs next is always the one finished
            // first; up to AHEAD of them (MIN_AHEAD when they are large) are
            // read, and checked against the store, before the writer has
            // written them, so that a longer write (the full-text index,
            // every few batches) does not leave the workers idle.
            let (raw_tx, raw_rx) = std::sync::mpsc::sync_channel::<Vec<RawDocument>>(AHEAD);
            let (done_tx, done_rx) = std::sync::mpsc::sync_channel::<Vec<Signed>>(AHEAD);
            let pool = &pool;
            let workers = scope.spawn(move || {
                let copies = Copies::default();
                // Input position of the batch's first document.
                let mut first = 0u64;
                for raw in raw_rx {
                    let n = raw.len() as u64;
                    let done = pool.install(|| {
                        raw.into_par_iter()
                            .enumerate()
                            .map(|(i, raw)| {
                                let seq = first + i as u64;
                                limits::guarded(raw, |raw| self.process_signed(raw, seq, &copies))
                            })
                            .collect::<Vec<Signed>>()
                    });
                    first += n;
                    if done_tx.send(done).is_err() {
                        // The writer stopped (a store error).
                        break;
                    }
                }
            });
            // The writer: on one of the pool's threads when it has two or
            // more, where it runs the workers' jobs while no batch is ready
            // to write (see `next_done`); on this thread beside a pool of
            // one.
            let (store, summary) = (&mut *store, &mut summary);
            let writer = move || -> Result<(), PipelineError> {
                // Where this thread's time goes (CHRONICLER_LOG=debug): a
                // writer busier than the workers is the bottleneck.
                let (mut writing, mut waiting) = (Duration::ZERO, Duration::ZERO);
                let mut helping = Duration::ZERO;
                let cpu0 = thread_cpu();
                let mut feed = Feed {
                    tx: raw_tx,
                    in_flight: VecDeque::with_capacity(AHEAD),
                    read_all: false,
                };
                self.feed(&mut feed, &rx, batch_size, store, reporter, summary)?;
                while !feed.in_flight.is_empty() {
                    let t0 = Instant::now();
                    let Some(done) = next_done(&done_rx, &mut helping) else {
                        // The worker thread ended without sending: it panicked.
                        break;
                    };
                    feed.in_flight.pop_front();
                    let t1 = Instant::now();
                    waiting += t1 - t0;
                    // The next batch goes to the workers before this one is
                    // written, so that they have up to AHEAD to do meanwhile.
                    self.feed(&mut feed, &rx, batch_size, store, reporter, summary)?;
                    // On a store error, `rx` is dropped with this scope and the
                    // reader stops at its next document.
                    let t2 = Instant::now();
                    write_batch(self, done, store, reporter, summary)?;
                    writing += t2.elapsed();
                }
                let lost = feed.in_flight.len();
                drop(feed);
                if workers.join().is_err() || lost > 0 {
                    return Err(PipelineError::Threads("a worker thread panicked".into()));
                }
                tracing::debug!(
                    writing_s = writing.as_secs_f64(),
                    thread_cpu_s = thread_cpu()
                        .zip(cpu0)
                        .map(|(b, a)| b.saturating_sub(a).as_secs_f64()),
                    waiting_for_workers_s = waiting.as_secs_f64(),
                    of_which_helping_them_s = helping.as_secs_f64(),
                    "store writer"
                );
                Ok(())
            };
            if pool.current_num_threads() > 1 {
                pool.install(writer)
            } else {
                writer()
            }
        })?;
        // What the last batches left waiting for the full-text index.
        store.flush_waiting()?;
        Ok(summary)
    }

    /// [`Pipeline::process`], plus the MinHash signature of the clean text
    /// (computed here, in the worker pool, not in the writer); only cleaned
    /// when `copies` says a document before it, at input position `seq`,
    /// had the same clean text.
    fn process_signed(&self, raw: RawDocument, seq: u64, copies: &Copies) -> Signed {
        let clean = Self::clean(raw)?;
        if copies.earlier(&clean.text, seq) {
            return Ok(Done::Copy(clean));
        }
        let (doc, events, signature) = self.finish(clean);
        Ok(Done::Full(doc, events, signature))
    }

    /// Analyzes, codes and signs a clean document.
    fn finish(&self, clean: CleanDocument) -> (AnalyzedDocument, Vec<CodedEvent>, Signature) {
        let (doc, events) = self.analyze_and_code(clean);
        let signature = Signature::of(&doc.doc.text);
        (doc, events, signature)
    }

    /// Sends batches to the workers until `feed` has [`AHEAD`] of them in
    /// flight ([`MIN_AHEAD`] when they hold more than [`AHEAD_BYTES`] of
    /// input) or the inputs are all read.
    fn feed(
        &self,
        feed: &mut Feed,
        rx: &Receiver<Read>,
        size: usize,
        store: &Store,
        reporter: &dyn Reporter,
        summary: &mut Summary,
    ) -> Result<(), PipelineError> {
        while feed.wants_more() {
            let raw = self.next_batch(rx, size, store, reporter, summary)?;
            let bytes = batch_bytes(&raw);
            if raw.is_empty() {
                feed.read_all = true;
            } else if feed.tx.send(raw).is_ok() {
                feed.in_flight.push_back(bytes);
            } else {
                // The worker thread is gone (it panicked): the writer
                // finds out when it waits for the batches in flight.
                feed.read_all = true;
            }
        }
        Ok(())
    }

    /// The next batch of documents to process: up to `size` documents from
    /// the reader, reporting problems and finished inputs on the way and
    /// skipping what is already stored under the same id or URL (content
    /// duplicates are caught at write time), checked a chunk of read
    /// documents at a time in one read transaction. Empty at the end.
    fn next_batch(
        &self,
        rx: &Receiver<Read>,
        size: usize,
        store: &Store,
        reporter: &dyn Reporter,
        summary: &mut Summary,
    ) -> Result<Vec<RawDocument>, PipelineError> {
        let mut batch = Vec::with_capacity(size);
        let mut read = Vec::with_capacity(size);
        let mut open = true;
        while open && batch.len() < size {
            // Gather what may fill the batch, then check it against the
            // store in one read transaction.
            while read.len() < size - batch.len() {
                match rx.recv() {
                    Err(_) => {
                        open = false;
                        break;
                    }
                    Ok(Read::Item(Item::Problem(p))) => {
                        reporter.problem(&p);
                        summary.count(&p);
                    }
                    Ok(Read::Item(Item::Doc(doc))) => read.push(doc),
                    Ok(Read::Done(input)) => reporter.input_done(&input),
                }
            }
            let keys: Vec<(&str, Option<&str>)> = read
                .iter()
                .map(|d| (d.id.as_str(), d.meta.url.as_deref()))
                .collect();
            let stored = store.stored(&keys)?;
            summary.documents += read.len();
            for (doc, stored) in read.drain(..).zip(stored) {
                if stored {
                    summary.duplicates += 1;
                } else {
                    batch.push(doc);
                }
            }
        }
        Ok(batch)
    }
}

/// CPU time of the calling thread so far (Linux: `/proc/thread-self/schedstat`,
/// nanoseconds on a CPU), for the writer's debug log; `None` elsewhere.
fn thread_cpu() -> Option<Duration> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns = stat.split_whitespace().next()?.parse::<u64>().ok()?;
    Some(Duration::from_nanos(ns))
}

/// What the reader thread sends: a document or problem, or the end of an
/// input (for progress). Nearly every message is an `Item`: boxing it
/// would add an allocation per document and save no memory.
#[allow(clippy::large_enum_variant)]
enum Read {
    Item(Item),
    Done(String),
}

/// The reader thread: streams every input into `tx` (a bounded queue: the
/// reader waits while the queue is full). Stops early when the receiver is
/// gone (the run stopped on a store error).
fn read_inputs(inputs: &[Input], opts: &IngestOptions, tx: &SyncSender<Read>) {
    for input in inputs {
        let mut gone = false;
        chronicler_ingest::stream(input, opts, &mut |item| {
            if tx.send(Read::Item(item)).is_ok() {
                ControlFlow::Continue(())
            } else {
                gone = true;
                ControlFlow::Break(())
            }
        });
        if gone || tx.send(Read::Done(input.display.clone())).is_err() {
            return;
        }
    }
}

/// Writes processed documents in order, in one transaction. A document
/// the store refuses (a constraint, a value too big) rolls the batch back;
/// the batch is then written again with a savepoint per document, so that
/// document alone is left out (and reported). Any other store error rolls
/// the batch back and stops the run.
fn write_batch(
    pipeline: &Pipeline<'_>,
    processed: Vec<Signed>,
    store: &mut Store,
    reporter: &dyn Reporter,
    summary: &mut Summary,
) -> Result<(), PipelineError> {
    if processed.is_empty() {
        return Ok(());
    }
    let (counts, problems) = match write_pass(pipeline, &processed, store, false) {
        Ok(done) => done,
        Err(e) if e.is_document_fault() => write_pass(pipeline, &processed, store, true)?,
        Err(e) => return Err(e.into()),
    };
    // Counted once committed: a batch rolled back stored nothing.
    for p in &problems {
        reporter.problem(p);
        summary.count(p);
    }
    summary.stored += counts.stored;
    summary.events += counts.events;
    summary.duplicates += counts.duplicates;
    summary.not_english += counts.not_english;
    Ok(())
}

/// One attempt at writing a batch: what it stored and the problems met,
/// once committed.
fn write_pass(
    pipeline: &Pipeline<'_>,
    processed: &[Signed],
    store: &mut Store,
    isolated: bool,
) -> Result<(Summary, Vec<Problem>), StoreError> {
    let mut counts = Summary::default();
    let mut problems = Vec::new();
    let mut batch = store.begin_batch()?;
    for result in processed {
        let finished;
        let (doc, events, sig) = match result {
            Err(problem) => {
                problems.push(problem.clone());
                continue;
            }
            Ok(Done::Full(doc, events, sig)) => (doc, events, sig),
            Ok(Done::Copy(clean)) => {
                let url = clean.meta.url.as_deref();
                if batch.find_duplicate(&clean.id, url, &clean.text)?.is_some() {
                    counts.duplicates += 1;
                    continue;
                }
                // The document it copies was not stored (skipped, or not
                // stored whole): this one is finished here instead.
                finished =
                    limits::guarded_as(clean.id.clone(), || Ok(pipeline.finish(clean.clone())));
                match &finished {
                    Err(problem) => {
                        problems.push(problem.clone());
                        continue;
                    }
                    Ok((doc, events, sig)) => (doc, events, sig),
                }
            }
        };
        for w in &doc.doc.warnings {
            tracing::debug!(doc = %doc.doc.id, warning = %w);
        }
        let published = doc.published.date.to_string();
        let signature = sign_linked(sig, &published, |bands, q, similar| {
            batch.linked_candidates(bands, q, similar)
        })?;
        let written = if isolated {
            batch.write_document_isolated(doc, events, Some(&signature))
        } else {
            batch.write_document(doc, events, Some(&signature))
        };
        match written {
            Ok(WriteOutcome::Inserted) => {
                counts.stored += 1;
                counts.events += events.len();
                counts.not_english += usize::from(!doc.language.is_english());
            }
            Ok(WriteOutcome::Duplicate(_)) => counts.duplicates += 1,
            Err(e) if isolated && e.is_document_fault() => problems.push(Problem {
                input: doc.doc.id.clone(),
                kind: ProblemKind::Internal,
                message: format!("could not be stored, document skipped: {e}"),
            }),
            Err(e) => return Err(e),
        }
    }
    batch.commit()?;
    Ok((counts, problems))
}

/// Writes one processed document (from [`Pipeline::process`]) as
/// [`Pipeline::ingest`] does: with its MinHash signature and near-duplicate
/// links, unless a document with the same id, URL or clean text is stored.
/// With `skip_similar`, a stored document at least that similar (MinHash
/// estimate of the Jaccard similarity, 0 to 1) also counts as the same
/// content: nothing is written and its id is returned as the duplicate.
pub fn write_processed(
    store: &mut Store,
    doc: &AnalyzedDocument,
    events: &[CodedEvent],
    skip_similar: Option<f64>,
) -> Result<WriteOutcome, StoreError> {
    let signature = sign(store, &doc.doc.text)?;
    if let Some(min) = skip_similar {
        let nearest = signature
            .near_duplicates
            .iter()
            .filter(|(_, s)| *s >= min)
            .max_by(|a, b| a.1.total_cmp(&b.1).then_with(|| b.0.cmp(&a.0)));
        if let Some((id, _)) = nearest {
            return Ok(WriteOutcome::Duplicate(id.clone()));
        }
    }
    store.write_document_signed(doc, events, &signature)
}

/// The MinHash signature of a clean text, its LSH bands, and the stored
/// documents it nearly duplicates (found through shared bands).
fn sign(store: &Store, text: &str) -> Result<SignatureWrite, StoreError> {
    sign_with(&Signature::of(text), |bands| store.band_candidates(bands))
}

/// [`sign`] for a signature already computed, with the stored documents
/// sharing a band found by `candidates`.
fn sign_with(
    sig: &Signature,
    candidates: impl FnOnce(&[u64]) -> Result<Vec<Candidate>, StoreError>,
) -> Result<SignatureWrite, StoreError> {
    // Links from RELATED up (related text, for stories); consolidation
    // counts only those from NEAR_DUPLICATE up as one source.
    use chronicler_consolidate::minhash::{similarity, RELATED};
    let bands = sig.bands();
    let mut near_duplicates = Vec::new();
    for c in candidates(&bands)? {
        if let Some(other) = Signature::from_bytes(&c.minhash) {
            let s = similarity(sig, &other);
            if s >= RELATED {
                near_duplicates.push((c.id, s));
            }
        }
    }
    Ok(signature_write(sig, bands, near_duplicates, Vec::new()))
}

/// [`sign_with`] when the clusters are all that is wanted (the batch
/// path): the store compares only the candidates that can change them
/// (see `Store::linked_candidates`), one per near-duplicate cluster outside
/// the related-text window, so a text syndicated many times costs one
/// comparison per cluster, not one per copy. The clusters written are the
/// same as with [`sign_with`].
fn sign_linked(
    sig: &Signature,
    published: &str,
    candidates: impl FnOnce(
        &[u64],
        chronicler_store::LinkQuery<'_>,
        &mut dyn FnMut(&[u8]) -> Option<f64>,
    ) -> Result<Vec<LinkedDoc>, StoreError>,
) -> Result<SignatureWrite, StoreError> {
    use chronicler_consolidate::minhash::{similarity, NEAR_DUPLICATE, RELATED};
    use chronicler_consolidate::stories::WINDOW_DAYS;
    let bands = sig.bands();
    let q = chronicler_store::LinkQuery {
        published,
        near_from: NEAR_DUPLICATE,
        related_within_days: WINDOW_DAYS,
        keep_from: RELATED,
    };
    let mut similar = |bytes: &[u8]| Signature::from_bytes(bytes).map(|o| similarity(sig, &o));
    let linked = candidates(&bands, q, &mut similar)?
        .into_iter()
        .filter(|l| l.similarity >= RELATED)
        .collect();
    Ok(signature_write(sig, bands, Vec::new(), linked))
}

/// What the store writes of a signature: its bytes, bands and links, with
/// the thresholds they were found with.
fn signature_write(
    sig: &Signature,
    bands: Vec<u64>,
    near_duplicates: Vec<(String, f64)>,
    linked: Vec<LinkedDoc>,
) -> SignatureWrite {
    use chronicler_consolidate::minhash::NEAR_DUPLICATE;
    use chronicler_consolidate::stories::WINDOW_DAYS;
    SignatureWrite {
        minhash: sig.to_bytes(),
        bands,
        near_duplicates,
        linked,
        near_from: NEAR_DUPLICATE,
        related_within_days: WINDOW_DAYS,
    }
}

/// Signs documents stored before signatures existed (a store migrated
/// from schema 1), so that new documents find them as near duplicates.
fn sign_unsigned(store: &mut Store) -> Result<(), StoreError> {
    for (id, text) in store.unsigned_documents()? {
        let signature = sign(store, &text)?;
        store.add_signature(&id, &signature)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn feed(in_flight: &[usize]) -> (Feed, Receiver<Vec<RawDocument>>) {
        let (tx, rx) = std::sync::mpsc::sync_channel(AHEAD);
        let feed = Feed {
            tx,
            in_flight: in_flight.iter().copied().collect(),
            read_all: false,
        };
        (feed, rx)
    }

    #[test]
    fn small_batches_go_four_ahead_and_large_ones_two() {
        let mb = 1 << 20;
        // Plain-text news: about 2.3 MB a batch of 512.
        assert!(feed(&[3 * mb, 3 * mb, 3 * mb]).0.wants_more());
        assert!(!feed(&[3 * mb; 4]).0.wants_more());
        // HTML pages: 75 MB a batch; two always go, no third.
        assert!(feed(&[75 * mb]).0.wants_more());
        assert!(!feed(&[75 * mb, 75 * mb]).0.wants_more());
        assert!(!feed(&[20 * mb, 20 * mb]).0.wants_more());
        // Nothing more once the inputs are read.
        let (mut done, _rx) = feed(&[]);
        done.read_all = true;
        assert!(!done.wants_more());
    }

    #[test]
    fn a_batch_counts_the_bytes_of_its_texts_and_markup() {
        let doc = |body| RawDocument {
            id: "d".into(),
            path: "p".into(),
            format: chronicler_core::Format::Text,
            meta: chronicler_core::Metadata::default(),
            body,
            warnings: Vec::new(),
        };
        let batch = [
            doc(Body::Text("abc".into())),
            doc(Body::Html("<p>é</p>".into())),
        ];
        assert_eq!(batch_bytes(&batch), 3 + 9);
    }
}
