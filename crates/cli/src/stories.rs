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

pub const STORIES_HELP: &str = "Examples:\n  chronicler stories\n  chronicler stories --json";
pub const STORY_HELP: &str =
    "Examples:\n  chronicler story st0123456789ab\n  chronicler story st0123456789ab --json";

pub fn stories(db: &Path, a: StoriesArgs) -> Result<ExitCode> {
    let store = crate::open_existing(db)?;
    let c = chronicler_query::consolidated(&store)?;
    let stories = chronicler_query::stories(&store, &c)?;
    let mut out = std::io::stdout().lock();
    if a.json {
        crate::output::json(&stories, &mut out)?;
        return Ok(ExitCode::SUCCESS);
    }
    for s in &stories {
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
        )?;
    }
    Ok(ExitCode::SUCCESS)
}

pub fn story(db: &Path, a: StoryArgs) -> Result<ExitCode> {
    let store = crate::open_existing(db)?;
    let c = chronicler_query::consolidated(&store)?;
    let stories = chronicler_query::stories(&store, &c)?;
    let Some(s) = stories.into_iter().find(|s| s.id == a.id.trim()) else {
        anyhow::bail!("no story {}: `chronicler stories` lists them", a.id);
    };
    let events: Vec<_> = chronicler_query::export_events(&c)
        .into_iter()
        .filter(|e| s.events.contains(&e.id))
        .collect();
    let mut out = std::io::stdout().lock();
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
    let merged: Vec<_> = c
        .events
        .iter()
        .filter(|e| s.events.contains(&e.id))
        .cloned()
        .collect();
    writeln!(out, "  events:")?;
    crate::output::timeline(&chronicler_query::timeline(&merged), &mut out)?;
    Ok(ExitCode::SUCCESS)
}
