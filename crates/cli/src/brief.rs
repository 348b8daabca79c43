//! `chronicler brief`: the state of play on a day (`chronicler-brief`).

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use anyhow::{Context, Result};
use chronicler_brief::{BriefOptions, Scope};
use clap::Args;

/// `brief` arguments.
#[derive(Debug, Args)]
pub struct BriefArgs {
    /// Two countries, either direction: UKR-RUS.
    #[arg(long, conflicts_with = "actor")]
    pub dyad: Option<String>,
    /// One actor as source or target: CAMEO code (UKRGOV), country (UKR) or
    /// part of a name (Zelenskyy).
    #[arg(long)]
    pub actor: Option<String>,
    /// The day (YYYY-MM-DD); reports published after it are left out.
    /// Default: the newest publication date in the store.
    #[arg(long)]
    pub as_of: Option<String>,
    /// How many days back "just happened" reaches.
    #[arg(long, default_value_t = 14)]
    pub recent_days: i64,
    /// JSON instead of Markdown.
    #[arg(long)]
    pub json: bool,
}

/// Help shown after the options.
pub const AFTER_HELP: &str = "Examples:\n  chronicler brief --dyad UKR-RUS\n  chronicler brief --dyad UKR-RUS --as-of 2026-02-03\n  chronicler brief --actor Zelenskyy --json\n\nSections: coming up, in force and expiring, just happened, stalled or suspended, earlier, positions.\nEach item gives its date, its sources, and its evidence: document id and character offsets of the sentence, and the event id.";

// TODO(issue 5): `--story ID` once stories land.

/// Prints the brief.
pub fn run(db: &Path, a: BriefArgs) -> Result<ExitCode> {
    let store = crate::open_existing(db)?;
    let events = chronicler_query::merged_events(&store)?;
    let scope = match (&a.dyad, &a.actor) {
        (Some(d), _) => Scope::dyad(d)?,
        (None, Some(x)) => Scope::Actor(x.clone()),
        (None, None) => Scope::All,
    };
    let as_of = a
        .as_of
        .as_deref()
        .map(|d| {
            d.parse::<jiff::civil::Date>()
                .with_context(|| format!("--as-of {d}: expected YYYY-MM-DD"))
        })
        .transpose()?;
    let opts = BriefOptions {
        scope,
        as_of,
        recent_days: a.recent_days.max(0),
        ..BriefOptions::default()
    };
    let b = chronicler_brief::brief(&events, &opts);
    let mut out = std::io::stdout().lock();
    if a.json {
        serde_json::to_writer_pretty(&mut out, &b)?;
        writeln!(out)?;
    } else {
        out.write_all(chronicler_brief::markdown(&b).as_bytes())?;
    }
    Ok(ExitCode::SUCCESS)
}
