//! `chronicler export`: merged events as JSON Lines, CSV, GDELT Events or
//! Mentions (streamed one merged event at a time, see
//! `chronicler_query::merged_stream`), or Parquet tables.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use anyhow::{Context, Result};
use chronicler_dict::places::Gazetteer;
use chronicler_store::Store;

use crate::args::{ExportArgs, ExportFormat};

pub fn export(db: &Path, a: ExportArgs) -> Result<ExitCode> {
    let store = crate::open_existing(db)?;
    let filter = a.filter.to_filter()?;
    let since = match a.since.as_deref() {
        Some(s) => Some(
            chronicler_query::parse_since(s)
                .with_context(|| format!("--since {s}: expected an RFC 3339 time or YYYY-MM-DD"))?,
        ),
        None => None,
    };
    if let ExportFormat::Parquet = a.format {
        let Some(dir) = &a.output else {
            anyhow::bail!("--format parquet writes four files: give a folder with --output");
        };
        return export_parquet(&store, &a, since, dir);
    }
    // GDELT events place actors in their country's centroid: the
    // gazetteer is loaded up front. Otherwise only places stored before
    // schema version 8 (without gazetteer codes) need it, loaded at the
    // first such place.
    let gdelt_gaz = match a.format {
        ExportFormat::GdeltEvents => Some(Gazetteer::load(None)?),
        _ => None,
    };
    let mut late_gaz: Option<Gazetteer> = None;
    let countries: std::collections::HashMap<&str, &chronicler_core::Place> = gdelt_gaz
        .iter()
        .flat_map(|g| g.entries())
        .filter(|e| e.place.kind == "country")
        .filter_map(|e| Some((e.place.country.as_deref()?, &e.place)))
        .collect();
    let country = |iso3: &str| countries.get(iso3).map(|p| (*p).clone());
    let mut sink = PipeAware {
        inner: match &a.output {
            Some(p) => Box::new(std::io::BufWriter::new(
                std::fs::File::create(p)
                    .with_context(|| format!("cannot create {}", p.display()))?,
            )),
            None => Box::new(std::io::BufWriter::new(std::io::stdout().lock())),
        },
        closed: false,
    };
    let mut written = 0;
    // Each document's tone, measured once however many merged events cite
    // it (one `f64` per document with events: small beside the stream).
    let mut tones: std::collections::HashMap<String, f64> = std::collections::HashMap::new();
    for part in chronicler_query::merged_stream(&store)? {
        let mut c = chronicler_query::filter_consolidated(part?, &filter);
        if c.events.is_empty() {
            continue;
        }
        let mut facts = chronicler_query::facts_of(&store, &c)?;
        if let Some(t) = since {
            c = chronicler_query::changed_since(c, &facts, t);
            if c.events.is_empty() {
                continue;
            }
        }
        let uncoded = |p: &chronicler_core::Place| p.precision.is_none();
        for m in &mut c.events {
            if let Some(p) = m.event.location.as_mut().filter(|p| uncoded(p)) {
                let gaz = match &gdelt_gaz {
                    Some(g) => g,
                    None => match &mut late_gaz {
                        Some(g) => &*g,
                        slot => slot.insert(Gazetteer::load(None)?),
                    },
                };
                gaz.complete(p);
            }
        }
        if matches!(
            a.format,
            ExportFormat::GdeltEvents | ExportFormat::GdeltMentions
        ) {
            for (id, f) in facts.iter_mut() {
                if f.tone.is_none() {
                    f.tone = tones.get(id).copied();
                }
            }
            let docs: Vec<String> = facts.keys().cloned().collect();
            chronicler_query::measure_tones(&store, &mut facts, docs.iter().map(String::as_str))?;
            for (id, f) in &facts {
                if let Some(t) = f.tone {
                    tones.entry(id.clone()).or_insert(t);
                }
            }
        }
        let done = match a.format {
            ExportFormat::Jsonl => chronicler_query::write_jsonl_consolidated(&c, &mut sink),
            ExportFormat::Csv => {
                chronicler_query::write_csv_rows(&c.events, written == 0, &mut sink)
            }
            ExportFormat::GdeltEvents => {
                chronicler_query::gdelt::write_events_located(&c, &facts, Some(&country), &mut sink)
            }
            ExportFormat::GdeltMentions => {
                chronicler_query::gdelt::write_mentions(&c, &facts, &mut sink)
            }
            ExportFormat::Parquet => Ok(()),
        };
        sink.check(done)?;
        written += c.events.len();
    }
    if written == 0 && matches!(a.format, ExportFormat::Csv) {
        let done = chronicler_query::write_csv_rows(&[], true, &mut sink);
        sink.check(done)?;
    }
    sink.flush()?;
    if let Some(p) = &a.output {
        eprintln!("wrote {written} events to {}", p.display());
    }
    Ok(ExitCode::SUCCESS)
}

/// The export's output, remembering whether the reader went away: a
/// closed pipe (`chronicler export | head`) ends the export as the
/// `std::io::Error` it is, which is no error (see `main`).
struct PipeAware {
    inner: Box<dyn Write>,
    closed: bool,
}

impl PipeAware {
    /// `done`, or the closed pipe that made it fail.
    fn check(&self, done: Result<(), chronicler_query::QueryError>) -> Result<()> {
        match done {
            Err(_) if self.closed => {
                Err(std::io::Error::from(std::io::ErrorKind::BrokenPipe).into())
            }
            other => Ok(other?),
        }
    }

    fn note<T>(&mut self, r: std::io::Result<T>) -> std::io::Result<T> {
        if let Err(e) = &r {
            self.closed |= e.kind() == std::io::ErrorKind::BrokenPipe;
        }
        r
    }
}

impl Write for PipeAware {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let r = self.inner.write(buf);
        self.note(r)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        let r = self.inner.flush();
        self.note(r)
    }
}

/// `export --format parquet`: events, mentions, documents and stories
/// tables in `dir`, streamed (see `chronicler_query::parquet::export_tables`).
fn export_parquet(
    store: &Store,
    a: &ExportArgs,
    since: Option<jiff::Timestamp>,
    dir: &Path,
) -> Result<ExitCode> {
    use chronicler_query::parquet as pq;
    let filter = a.filter.to_filter()?;
    std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let file = |name: &str| -> Result<std::io::BufWriter<std::fs::File>> {
        let p = dir.join(name);
        let f =
            std::fs::File::create(&p).with_context(|| format!("cannot create {}", p.display()))?;
        Ok(std::io::BufWriter::new(f))
    };
    let sinks = pq::Sinks {
        events: file("events.parquet")?,
        mentions: file("mentions.parquet")?,
        documents: file("documents.parquet")?,
        stories: file("stories.parquet")?,
    };
    let n = pq::export_tables(store, &filter, since, sinks, pq::RowGroups::default())?;
    eprintln!(
        "wrote {} events, {} documents, {} stories to {}",
        n.events,
        n.documents,
        n.stories,
        dir.display()
    );
    Ok(ExitCode::SUCCESS)
}
