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
//! [`Pipeline::ingest`] processes documents in batches, cleaning, analyzing
//! and coding them in parallel (rayon) and writing them one transaction per
//! document **in input order**, so the store is the same whatever the
//! thread count. Problems with single inputs are reported through a
//! [`Reporter`] and counted in the [`Summary`]; they never stop the run. A
//! store error does (the document in hand is rolled back).
#![deny(missing_docs)]

use std::collections::BTreeMap;

use chronicler_analyze::Analyzer;
use chronicler_code::Coder;
use chronicler_core::{AnalyzedDocument, CodedEvent, RawDocument};
use chronicler_dict::Dictionaries;
use chronicler_ingest::Input;
pub use chronicler_ingest::{IngestOptions, Problem, ProblemKind};
use chronicler_store::{SignatureWrite, Store, StoreError, WriteOutcome};
use jiff::civil::Date;
use rayon::prelude::*;

mod limits;
pub use limits::{MAX_DOCUMENT_BYTES, MAX_SENTENCE_BYTES, MAX_TEXT_BYTES};

/// Options of a run.
#[derive(Debug, Clone)]
pub struct PipelineOptions {
    /// Input reading options (size limit).
    pub ingest: IngestOptions,
    /// Worker threads for cleaning, analysis and coding (0: one per core).
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
            // every core busy.
            batch_size: 64,
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
        let mut analyzed = self.analyzer.analyze(clean, self.opts.today);
        let (view, warning) = limits::for_coding(&analyzed);
        let events = self.coder.code(&view);
        drop(view);
        analyzed.doc.warnings.extend(warning);
        Ok((analyzed, events))
    }

    /// Reads `paths` (files, folders, `-`), processes every document and
    /// writes it to `store`.
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
        let mut batch: Vec<RawDocument> = Vec::new();
        for input in &inputs {
            self.read_input(input, store, reporter, &mut summary, &mut batch)?;
            if batch.len() >= self.opts.batch_size.max(1) {
                self.flush(&pool, &mut batch, store, reporter, &mut summary)?;
            }
            reporter.input_done(&input.display);
        }
        self.flush(&pool, &mut batch, store, reporter, &mut summary)?;
        Ok(summary)
    }

    fn read_input(
        &self,
        input: &Input,
        store: &Store,
        reporter: &dyn Reporter,
        summary: &mut Summary,
        batch: &mut Vec<RawDocument>,
    ) -> Result<(), PipelineError> {
        let read = chronicler_ingest::read(input, &self.opts.ingest);
        for p in &read.problems {
            reporter.problem(p);
            summary.count(p);
        }
        for doc in read.docs {
            summary.documents += 1;
            // Skip the work for what is already stored under this id or URL;
            // content duplicates are caught at write time.
            if store.contains(&doc.id, doc.meta.url.as_deref(), "")? {
                summary.duplicates += 1;
                continue;
            }
            batch.push(doc);
        }
        Ok(())
    }

    fn flush(
        &self,
        pool: &rayon::ThreadPool,
        batch: &mut Vec<RawDocument>,
        store: &mut Store,
        reporter: &dyn Reporter,
        summary: &mut Summary,
    ) -> Result<(), PipelineError> {
        if batch.is_empty() {
            return Ok(());
        }
        let docs = std::mem::take(batch);
        // `collect` on an indexed parallel iterator keeps input order.
        let processed: Vec<Processed> = pool.install(|| {
            docs.into_par_iter()
                .map(|raw| limits::guarded(raw, |raw| self.process(raw)))
                .collect()
        });
        for result in processed {
            match result {
                Err(problem) => {
                    reporter.problem(&problem);
                    summary.count(&problem);
                }
                Ok((doc, events)) => {
                    for w in &doc.doc.warnings {
                        tracing::debug!(doc = %doc.doc.id, warning = %w);
                    }
                    let signature = sign(store, &doc.doc.text)?;
                    match store.write_document_signed(&doc, &events, &signature)? {
                        WriteOutcome::Inserted => {
                            summary.stored += 1;
                            summary.events += events.len();
                        }
                        WriteOutcome::Duplicate(_) => summary.duplicates += 1,
                    }
                }
            }
        }
        Ok(())
    }
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
    use chronicler_consolidate::minhash::{similarity, Signature, NEAR_DUPLICATE};
    let sig = Signature::of(text);
    let bands = sig.bands();
    let mut near_duplicates = Vec::new();
    for c in store.band_candidates(&bands)? {
        if let Some(other) = Signature::from_bytes(&c.minhash) {
            let s = similarity(&sig, &other);
            if s >= NEAR_DUPLICATE {
                near_duplicates.push((c.id, s));
            }
        }
    }
    Ok(SignatureWrite {
        minhash: sig.to_bytes(),
        bands,
        near_duplicates,
    })
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
