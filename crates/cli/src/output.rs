//! Human-readable output: progress, summaries, tables and the timeline.

use std::io::Write;
use std::path::Path;

use anyhow::Result;
use chronicler_core::MergedEvent;
use chronicler_pipeline::{Problem, Summary};
use chronicler_query::TimelineEntry;
use chronicler_store::{Stats, Store};
use indicatif::{ProgressBar, ProgressStyle};

/// A progress bar on a terminal, nothing otherwise. Problems are printed
/// one line each to stderr either way.
pub struct Progress {
    bar: Option<ProgressBar>,
}

impl Progress {
    pub fn new(show: bool) -> Progress {
        let bar = show.then(|| {
            let bar = ProgressBar::new(0);
            if let Ok(style) = ProgressStyle::with_template(
                "{spinner} [{elapsed_precise}] {bar:30} {pos}/{len} {wide_msg}",
            ) {
                bar.set_style(style);
            }
            bar
        });
        Progress { bar }
    }

    pub fn set_len(&self, n: usize) {
        if let Some(b) = &self.bar {
            b.set_length(n as u64);
        }
    }

    pub fn tick(&self, input: &str) {
        if let Some(b) = &self.bar {
            b.inc(1);
            b.set_message(input.to_string());
        }
    }

    pub fn print_problem(&self, p: &Problem) {
        let level = if p.kind.is_fatal() {
            "skipped"
        } else {
            "warning"
        };
        let line = format!("{level}: {p}");
        match &self.bar {
            Some(b) => b.suspend(|| eprintln!("{line}")),
            None => eprintln!("{line}"),
        }
    }

    pub fn finish(&self) {
        if let Some(b) = &self.bar {
            b.finish_and_clear();
        }
    }
}

pub fn summary(s: &Summary, db: &Path) {
    let n = |count: usize, one: &str, many: &str| {
        format!("{count} {}", if count == 1 { one } else { many })
    };
    let foreign = if s.not_english > 0 {
        format!("; {} not in English, not coded", s.not_english)
    } else {
        String::new()
    };
    let mut line = format!(
        "{}, {}: {} stored ({}{foreign}), {} already in the store",
        n(s.inputs, "input", "inputs"),
        n(s.documents, "document", "documents"),
        s.stored,
        n(s.events, "event", "events"),
        s.duplicates
    );
    if s.failed() {
        let parts: Vec<String> = s.skipped.iter().map(|(k, v)| format!("{v} {k}")).collect();
        line.push_str(&format!(
            ", {} skipped ({})",
            s.skipped_total(),
            parts.join(", ")
        ));
    }
    if !s.warnings.is_empty() {
        let parts: Vec<String> = s.warnings.iter().map(|(k, v)| format!("{v} {k}")).collect();
        line.push_str(&format!(", warnings: {}", parts.join(", ")));
    }
    eprintln!("{line} -> {}", db.display());
}

pub fn json<T: serde::Serialize + ?Sized>(value: &T, out: &mut dyn Write) -> Result<()> {
    serde_json::to_writer_pretty(&mut *out, value)?;
    writeln!(out)?;
    out.flush()?;
    Ok(())
}

/// Standard output, buffered (64 KiB): Rust's own flushes at every
/// newline, a system call a line, and listings run to millions of lines.
/// Whoever writes to it flushes it at the end, so that a failed write is
/// reported rather than lost when it is dropped.
pub fn stdout() -> std::io::BufWriter<std::io::StdoutLock<'static>> {
    std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock())
}

fn clip(s: &str, max: usize) -> String {
    let s = s.trim();
    if s.chars().count() <= max {
        return s.to_string();
    }
    let mut t: String = s.chars().take(max.saturating_sub(1)).collect();
    t.push('…');
    t
}

pub fn timeline(entries: &[TimelineEntry], out: &mut dyn Write) -> Result<()> {
    if entries.is_empty() {
        writeln!(out, "No events.")?;
        return Ok(());
    }
    let width = entries
        .iter()
        .map(|e| e.when.chars().count())
        .max()
        .unwrap_or(10);
    let pad = " ".repeat(width + 2);
    for e in entries {
        writeln!(
            out,
            "{:<width$}  [{}] {} ({})",
            e.when, e.status, e.what, e.cameo
        )?;
        let n = if e.num_articles == 1 {
            "1 article".to_string()
        } else {
            format!("{} articles", e.num_articles)
        };
        writeln!(out, "{pad}sources: {} ({n})", e.sources.join("; "))?;
        writeln!(out, "{pad}“{}”", clip(&e.evidence, 200))?;
        match &e.date_from {
            Some(from) => writeln!(out, "{pad}{} · id {} · {from}", e.doc, e.id)?,
            None => writeln!(out, "{pad}{} · id {}", e.doc, e.id)?,
        }
        writeln!(out)?;
    }
    Ok(())
}

pub fn events(events: &[MergedEvent], out: &mut dyn Write) -> Result<()> {
    if events.is_empty() {
        writeln!(out, "No events.")?;
        return Ok(());
    }
    writeln!(
        out,
        "{:<16} {:<23} {:<10} {:<5} {:<26} {:<26} {:>4}  SENTENCE",
        "ID", "DATE", "STATUS", "CAMEO", "SOURCE", "TARGET", "SRCS"
    )?;
    for m in events {
        let e = &m.event;
        let date = match (e.date.start, e.date.end) {
            (Some(s), Some(t)) if s != t => format!("{s}..{t}"),
            (Some(s), _) => s.to_string(),
            (None, Some(t)) => format!("..{t}"),
            (None, None) => "-".to_string(),
        };
        let actor = |a: &Option<chronicler_core::Actor>| {
            a.as_ref().map_or_else(
                || "-".to_string(),
                |a| clip(&format!("{} {}", a.code, a.name), 26),
            )
        };
        let sentence = m
            .mentions
            .first()
            .map(|x| x.sentence.as_str())
            .unwrap_or("");
        writeln!(
            out,
            "{:<16} {:<23} {:<10} {:<5} {:<26} {:<26} {:>4}  {}",
            clip(&m.id, 16),
            date,
            e.status.as_str(),
            e.cameo,
            actor(&e.source),
            actor(&e.target),
            m.num_sources,
            clip(sentence, 90)
        )?;
    }
    writeln!(out, "{} events", events.len())?;
    Ok(())
}

/// The documents of `store` as a table, one row each as they are read
/// (a store of a million documents is not held in memory).
pub fn docs(store: &Store, out: &mut dyn Write) -> Result<()> {
    let mut n = 0usize;
    store.each_document(|d| -> Result<()> {
        if n == 0 {
            writeln!(
                out,
                "{:<12} {:<18} {:<6} {:>5} {:>6}  {:<50} ID",
                "PUBLISHED", "(FROM)", "FORMAT", "SENTS", "EVENTS", "TITLE"
            )?;
        }
        n += 1;
        writeln!(
            out,
            "{:<12} {:<18} {:<6} {:>5} {:>6}  {:<50} {}",
            d.published,
            d.published_source,
            d.format,
            d.sentences,
            d.events,
            clip(d.title.as_deref().unwrap_or("-"), 50),
            d.id
        )?;
        Ok(())
    })?;
    if n == 0 {
        writeln!(out, "No documents.")?;
    } else {
        writeln!(out, "{n} documents")?;
    }
    Ok(())
}

/// The documents of `store` as a JSON array, written as they are read:
/// the bytes [`json`] gives for the whole list.
pub fn docs_json(store: &Store, out: &mut dyn Write) -> Result<()> {
    use serde::ser::{SerializeSeq, Serializer};
    let mut ser = serde_json::Serializer::pretty(&mut *out);
    let mut seq = ser.serialize_seq(None)?;
    store.each_document(|d| -> Result<()> {
        seq.serialize_element(&d)?;
        Ok(())
    })?;
    seq.end()?;
    writeln!(out)?;
    Ok(())
}

pub fn stats(s: &Stats, merged: usize, out: &mut dyn Write) -> Result<()> {
    writeln!(out, "documents       {}", s.documents)?;
    writeln!(out, "sentences       {}", s.sentences)?;
    writeln!(out, "actor mentions  {}", s.actor_mentions)?;
    writeln!(out, "coded events    {}", s.coded_events)?;
    writeln!(out, "merged events   {merged}")?;
    writeln!(out, "outlets         {}", s.outlets)?;
    writeln!(
        out,
        "published       {} .. {}",
        s.first_published.as_deref().unwrap_or("-"),
        s.last_published.as_deref().unwrap_or("-")
    )?;
    writeln!(out, "schema version  {}", s.schema_version)?;
    if s.waiting_for_search > 0 {
        writeln!(
            out,
            "not yet searchable {} documents (an ingest is running or was stopped; the next `chronicler ingest` indexes them)",
            s.waiting_for_search
        )?;
    }
    Ok(())
}
