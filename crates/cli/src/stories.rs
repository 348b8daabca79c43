//! `chronicler stories` and `chronicler story ID`: documents about one
//! happening, grouped (see `chronicler_consolidate::stories`).

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use anyhow::Result;
use clap::Args;

/// `stories` arguments.
#[derive(Debug, Args)]
pub struct StoriesArgs {
    /// JSON instead of a listing.
    #[arg(long)]
    pub json: bool,
    /// Stories that last until this day or later (YYYY-MM-DD).
    #[arg(long, value_name = "DAY")]
    pub from: Option<String>,
    /// Stories that begin on this day or earlier (YYYY-MM-DD).
    #[arg(long, value_name = "DAY")]
    pub to: Option<String>,
    /// Stories with one of their events about this actor: CAMEO code
    /// ("UKRGOV"), country ("UKR") or part of a name, case-insensitive.
    #[arg(long)]
    pub actor: Option<String>,
    /// Newest first (by first day), instead of oldest first.
    #[arg(long)]
    pub newest: bool,
    /// At most this many stories (0: all).
    #[arg(long, default_value_t = 0)]
    pub limit: usize,
}

/// `story` arguments.
#[derive(Debug, Args)]
pub struct StoryArgs {
    /// The story id (from `chronicler stories`).
    pub id: String,
    /// JSON (the story and its events in the export format).
    #[arg(long)]
    pub json: bool,
}

pub const STORIES_HELP: &str = "Examples:\n  chronicler stories\n  chronicler stories --json\n  chronicler stories --actor UKR --from 2026-01-01 --newest --limit 20";
pub const STORY_HELP: &str =
    "Examples:\n  chronicler story st0123456789ab\n  chronicler story st0123456789ab --json";

pub fn stories(db: &Path, a: StoriesArgs) -> Result<ExitCode> {
    let day = |d: &Option<String>, name: &str| {
        d.as_deref()
            .map(str::trim)
            .filter(|d| !d.is_empty())
            .map(|d| {
                d.parse::<jiff::civil::Date>()
                    .map_err(|_| anyhow::anyhow!("--{name} {d}: expected a day, YYYY-MM-DD"))
            })
            .transpose()
    };
    let filter = chronicler_query::StoryFilter {
        from: day(&a.from, "from")?,
        to: day(&a.to, "to")?,
        actor: a
            .actor
            .as_deref()
            .map(str::trim)
            .filter(|x| !x.is_empty())
            .map(str::to_string),
    };
    if let (Some(f), Some(t)) = (filter.from, filter.to) {
        anyhow::ensure!(f <= t, "--from {f} is after --to {t}");
    }
    let store = crate::open_existing(db)?;
    let mut out = crate::output::stdout();
    // Stories come one at a time; a write error is kept to be returned as
    // it is (a closed pipe is no error).
    let mut failed: Option<std::io::Error> = None;
    let mut first = true;
    let streamed = chronicler_query::each_story_where(&store, &filter, a.newest, a.limit, |s| {
        let written = if a.json {
            json_item(&s, first, &mut out)
        } else {
            listing(&s, &mut out)
        };
        first = false;
        written.map_err(|e| {
            let msg = e.to_string();
            failed = Some(e);
            chronicler_query::QueryError::Write(msg)
        })
    });
    if let Some(e) = failed {
        return Err(e.into());
    }
    streamed?;
    if a.json {
        // As `output::json` writes the whole list.
        out.write_all(if first { b"[]\n" } else { b"\n]\n" })?;
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// One story of `stories`' listing.
fn listing(s: &chronicler_consolidate::stories::Story, out: &mut dyn Write) -> std::io::Result<()> {
    let span = if s.start == s.end {
        s.start.clone()
    } else {
        format!("{}..{}", s.start, s.end)
    };
    writeln!(out, "{}  {span}  {}", s.id, s.title)?;
    writeln!(
        out,
        "    {} documents, {} events, {} independent sources: {}",
        s.documents.len(),
        s.events.len(),
        s.num_sources,
        s.outlets.join(", ")
    )
}

/// One item of a JSON array written as `serde_json::to_writer_pretty`
/// writes the whole array: `[` before the first, `,` between, each line
/// indented by two spaces.
fn json_item(
    item: &impl serde::Serialize,
    first: bool,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let text = serde_json::to_string_pretty(item)?;
    out.write_all(if first { b"[\n" } else { b",\n" })?;
    for (i, line) in text.lines().enumerate() {
        if i > 0 {
            out.write_all(b"\n")?;
        }
        write!(out, "  {line}")?;
    }
    Ok(())
}

pub fn story(db: &Path, a: StoryArgs) -> Result<ExitCode> {
    let store = crate::open_existing(db)?;
    // Found by its id; only its events are merged (not the store's).
    let Some((s, parts)) = chronicler_query::find_story(&store, &a.id)? else {
        anyhow::bail!("no story {}: `chronicler stories` lists them", a.id);
    };
    let (mut events, mut merged) = (Vec::new(), Vec::new());
    for part in parts {
        events.extend(chronicler_query::export_events(&part));
        merged.extend(part.events);
    }
    let mut out = crate::output::stdout();
    if a.json {
        let v = serde_json::json!({ "story": s, "events": events });
        crate::output::json(&v, &mut out)?;
        return Ok(ExitCode::SUCCESS);
    }
    writeln!(out, "{}  {}", s.id, s.title)?;
    writeln!(out, "  from {} to {}", s.start, s.end)?;
    writeln!(
        out,
        "  sources ({} independent): {}",
        s.num_sources,
        s.outlets.join(", ")
    )?;
    writeln!(out, "  documents: {}", s.documents.join(", "))?;
    writeln!(out, "  events:")?;
    crate::output::timeline(&chronicler_query::timeline(&merged), &mut out)?;
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
