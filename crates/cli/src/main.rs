//! The `chronicler` command: argument parsing and output glue over the
//! library crates. The work is done in `chronicler-pipeline` (ingest) and
//! `chronicler-query` (everything read back).

mod actors;
mod args;
mod brief;
mod conflicts;
mod export;
mod output;
mod serve;
mod stories;
mod watch;

use std::io::{IsTerminal, Write};
use std::path::Path;
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::Parser;

use args::{Cli, Command, FilterArgs};
use chronicler_dict::Dictionaries;
use chronicler_pipeline::{Pipeline, PipelineOptions, Reporter};
use chronicler_query::EventFilter;
use chronicler_store::{Store, StoreError};

/// The global allocator is mimalloc: the pipeline allocates many small strings and vectors.
/// It cuts the in-memory pipeline by about a quarter against glibc malloc (BENCHMARKS.md).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// What is logged unless `CHRONICLER_LOG` says otherwise: warnings, but
/// not the HTML parser's notes on its own limits ("foster parenting not
/// implemented", once per misplaced table element of a page), which say
/// nothing about the input a user could act on; a page chronicler cannot
/// read gets its own one-line message.
const DEFAULT_LOG: &str = "warn,html5ever=error,markup5ever=error";

fn main() -> ExitCode {
    let cli = Cli::parse();
    tracing_subscriber::fmt()
        .with_writer(std::io::stderr)
        // Colours for a terminal only: a log file or a pipe gets plain text.
        .with_ansi(std::io::stderr().is_terminal())
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_env("CHRONICLER_LOG")
                .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new(DEFAULT_LOG)),
        )
        .init();
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            // A closed pipe (`chronicler export | head`) is not an error.
            if closed_pipe(&e) {
                return ExitCode::SUCCESS;
            }
            eprintln!("error: {}", one_line(&e));
            ExitCode::from(2)
        }
    }
}

/// An error and its causes on one line, each said once: a layer whose
/// message already holds its cause's (the store's errors name their SQLite
/// error, SQLite's its code's text) or repeats the context around it is not
/// said again.
fn one_line(e: &anyhow::Error) -> String {
    let mut out = String::new();
    for cause in e.chain() {
        let text = cause.to_string();
        // SQLite's innermost error: "Error code 14: unable to open ...".
        let said = text
            .strip_prefix("Error code ")
            .and_then(|t| t.split_once(": "))
            .map_or(text.as_str(), |(_, t)| t);
        if out.is_empty() || text.starts_with(&out) {
            out = text;
        } else if !out.contains(said) {
            out.push_str(": ");
            out.push_str(&text);
        }
    }
    out
}

fn run(cli: Cli) -> Result<ExitCode> {
    let db = cli.db.as_path();
    match cli.command {
        Command::Ingest(a) => ingest(db, a),
        Command::Timeline(a) => {
            let store = open_existing(db)?;
            let entries = chronicler_query::timeline_of(chronicler_query::filtered_stream(
                &store,
                &a.filter.to_filter()?,
            )?)?;
            let mut out = output::stdout();
            if a.json {
                output::json(&entries, &mut out)?;
            } else {
                output::timeline(&entries, &mut out)?;
            }
            out.flush()?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Events(a) => {
            let store = open_existing(db)?;
            let events = chronicler_query::filtered_events_in(
                &store,
                &a.filter.to_filter()?,
                a.limit,
                a.newest,
            )?;
            let mut out = output::stdout();
            if a.json {
                let rows: Vec<_> = events
                    .iter()
                    .map(chronicler_query::ExportEvent::from)
                    .collect();
                output::json(&rows, &mut out)?;
            } else {
                output::events(&events, &mut out)?;
            }
            out.flush()?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Docs(a) => {
            let store = open_existing(db)?;
            let mut out = output::stdout();
            if a.json {
                output::docs_json(&store, &mut out)?;
            } else {
                output::docs(&store, &mut out)?;
            }
            out.flush()?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Stats(a) => {
            let store = open_existing(db)?;
            let stats = store.stats()?;
            let merged = chronicler_query::merged_event_count(&store)?;
            let mut out = output::stdout();
            if a.json {
                let mut v = serde_json::to_value(&stats)?;
                if let Some(o) = v.as_object_mut() {
                    o.insert("merged_events".into(), merged.into());
                }
                output::json(&v, &mut out)?;
            } else {
                output::stats(&stats, merged, &mut out)?;
            }
            out.flush()?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Check(a) => {
            let store = open_existing(db)?;
            // A store SQLite cannot read through is a finding, not an error.
            let mut problems = store
                .integrity_check()
                .unwrap_or_else(|e| vec![format!("damaged: {e}")]);
            if problems.is_empty() {
                problems = store
                    .consistency_check()
                    .unwrap_or_else(|e| vec![format!("damaged: {e}")]);
            }
            let mut out = output::stdout();
            if a.json {
                output::json(
                    &serde_json::json!({ "sound": problems.is_empty(), "problems": problems }),
                    &mut out,
                )?;
            } else if problems.is_empty() {
                writeln!(
                    out,
                    "{}: sound (SQLite integrity and foreign keys; every document whole, once \
                     and in the search index; the kept consolidation matches its groups)",
                    db.display()
                )?;
            } else {
                for p in &problems {
                    writeln!(out, "{}: {p}", db.display())?;
                }
            }
            out.flush()?;
            Ok(if problems.is_empty() {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            })
        }
        Command::Serve(a) => serve::serve(db, a),
        Command::Watch(a) => watch::watch(db, a),
        Command::Brief(a) => brief::run(db, a),
        Command::Stories(a) => stories::stories(db, a),
        Command::Story(a) => stories::story(db, a),
        Command::Conflicts(a) => conflicts::conflicts(db, a),
        Command::Actors(a) => actors::actors(db, a),
        Command::Export(a) => export::export(db, a),
    }
}

/// True when `e` is a write into a pipe whose reader has gone, as an I/O
/// error or wrapped in serde_json's (JSON is written through it).
fn closed_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            || c.downcast_ref::<serde_json::Error>()
                .is_some_and(|j| j.io_error_kind() == Some(std::io::ErrorKind::BrokenPipe))
    })
}

fn open_existing(db: &Path) -> Result<Store> {
    match Store::open_read_only(db) {
        Ok(store) => Ok(store),
        Err(StoreError::NotFound { .. }) => anyhow::bail!(
            "{}: no such store; run `chronicler ingest --db {} PATH...` first",
            db.display(),
            db.display()
        ),
        // An older schema: upgrade it in place.
        Err(StoreError::NeedsMigration { .. }) => {
            Store::open(db).with_context(|| format!("cannot open store {}", db.display()))
        }
        Err(e) => Err(e).with_context(|| format!("cannot open store {}", db.display())),
    }
}

fn ingest(db: &Path, a: args::IngestArgs) -> Result<ExitCode> {
    // Kept until the process exits, never dropped: freeing the tens of
    // thousands of strings of the gazetteer and the actors one by one took
    // 12 M instructions (3 % of an ingest of one article), for memory the
    // system takes back at once.
    let dicts: &'static Dictionaries = Box::leak(Box::new(
        Dictionaries::load(a.dict.as_deref()).context("loading dictionaries")?,
    ));
    let today = jiff::Zoned::now().date();
    let mut opts = PipelineOptions::new(today);
    opts.threads = a.threads;
    opts.ingest.max_bytes = a.max_bytes;
    let pipeline = Pipeline::new(dicts, opts);
    let mut store =
        Store::open(db).with_context(|| format!("cannot open store {}", db.display()))?;
    let reporter = output::Progress::new(!a.quiet && std::io::stderr().is_terminal());
    let summary = pipeline.ingest(&a.paths, &mut store, &reporter)?;
    reporter.finish();
    chronicler_query::record_event_ids(&mut store)?;
    if !a.quiet {
        output::summary(&summary, db);
    }
    if a.timeline {
        let entries = chronicler_query::timeline_of(chronicler_query::merged_stream(&store)?)?;
        let mut out = output::stdout();
        output::timeline(&entries, &mut out)?;
        out.flush()?;
    }
    Ok(if summary.failed() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

impl FilterArgs {
    fn to_filter(&self) -> Result<EventFilter> {
        let day = |s: &Option<String>, what: &str| -> Result<Option<jiff::civil::Date>> {
            s.as_deref()
                .map(|d| {
                    d.parse::<jiff::civil::Date>()
                        .with_context(|| format!("--{what} {d}: expected YYYY-MM-DD"))
                })
                .transpose()
        };
        let status = match self.status.as_deref() {
            None => None,
            Some(s) => Some(chronicler_core::Status::parse(s).with_context(|| {
                format!("--status {s}: expected occurred, scheduled, proposed, rejected, ongoing or expired")
            })?),
        };
        Ok(EventFilter {
            actor: self.actor.clone(),
            cameo: self.cameo.clone(),
            from: day(&self.from, "from")?,
            to: day(&self.to, "to")?,
            status,
            text: self.text.clone(),
        })
    }
}

impl Reporter for output::Progress {
    fn start(&self, inputs: usize) {
        self.set_len(inputs);
    }
    fn input_done(&self, input: &str) {
        self.tick(input);
    }
    fn problem(&self, problem: &chronicler_pipeline::Problem) {
        self.print_problem(problem);
    }
}

#[cfg(test)]
mod tests {
    use super::closed_pipe;

    /// A writer whose reader has gone.
    struct Closed;

    impl std::io::Write for Closed {
        fn write(&mut self, _: &[u8]) -> std::io::Result<usize> {
            Err(std::io::ErrorKind::BrokenPipe.into())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn a_closed_pipe_is_recognised_through_serde_json_and_context() {
        let json = serde_json::to_writer(Closed, &[1, 2, 3]).expect_err("closed");
        assert!(closed_pipe(&anyhow::Error::from(json)));
        let io = std::io::Error::from(std::io::ErrorKind::BrokenPipe);
        assert!(closed_pipe(&anyhow::Error::from(io).context("writing")));
        let other = std::io::Error::from(std::io::ErrorKind::PermissionDenied);
        assert!(!closed_pipe(&anyhow::Error::from(other)));
    }
}
