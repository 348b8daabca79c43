//! `chronicler brief`: the state of play on a day (`chronicler-brief`).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result};
use chronicler_brief::{BriefOptions, Scope};
use chronicler_core::MergedEvent;
use chronicler_store::Store;
use clap::Args;

/// `brief` arguments.
#[derive(Debug, Args)]
pub struct BriefArgs {
    /// Two countries, either direction: UKR-RUS.
    #[arg(long, conflicts_with_all = ["actor", "story"])]
    pub dyad: Option<String>,
    /// One actor as source or target: CAMEO code (UKRGOV), country (UKR) or
    /// part of a name (Zelenskyy).
    #[arg(long, conflicts_with = "story")]
    pub actor: Option<String>,
    /// One story (an id from `chronicler stories`): its events only.
    #[arg(long)]
    pub story: Option<String>,
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
    /// A folder of dictionary files: its stances*.txt extend and override
    /// the built-in demand, refusal and red-line cues and issues
    /// (data/dictionaries/stances.txt); the same folder as `ingest --dict`.
    #[arg(long, value_name = "DIR")]
    pub dict: Option<PathBuf>,
}

/// Help shown after the options.
pub const AFTER_HELP: &str = "Examples:\n  chronicler brief --dyad UKR-RUS\n  chronicler brief --dyad UKR-RUS --as-of 2026-02-03\n  chronicler brief --actor Zelenskyy --json\n  chronicler brief --story st0123456789ab\n  chronicler brief --dyad ARM-AZE --dict my-dictionaries/\n\nSections: coming up, in force and expiring, just happened, stalled or suspended, earlier, positions (demands, refusals and red lines by actor, and each actor's stands on the issues over time).\nEach item gives its date, its sources, and its evidence: document id and character offsets of the sentence, and the event id (none for a position stated in a sentence no event was coded from).";

/// The events the brief reads, or those of one story (with a label for
/// it): see [`chronicler_query::brief_events`].
fn events(
    store: &Store,
    story: Option<&str>,
    opts: &mut BriefOptions,
) -> Result<(Vec<MergedEvent>, Option<String>)> {
    if let Some(id) = story.map(str::trim) {
        let Some((s, parts)) = chronicler_query::find_story(store, id)? else {
            anyhow::bail!("no story {id}: `chronicler stories` lists them");
        };
        let events = parts.into_iter().flat_map(|p| p.events).collect();
        return Ok((events, Some(format!("story {}: {}", s.id, s.title))));
    }
    Ok((chronicler_query::brief_events(store, opts)?, None))
}

/// Prints the brief.
pub fn run(db: &Path, a: BriefArgs) -> Result<ExitCode> {
    let store = crate::open_existing(db)?;
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
    let stances = chronicler_dict::stances::StanceDict::load(a.dict.as_deref())
        .context("loading the stances dictionary")?;
    let mut opts = BriefOptions {
        scope,
        as_of,
        recent_days: a.recent_days.max(0),
        stances,
        ..BriefOptions::default()
    };
    let (events, story) = events(&store, a.story.as_deref(), &mut opts)?;
    let mut b = chronicler_query::brief_of(&store, &events, &opts)?;
    if let Some(label) = story {
        b.scope = label;
    }
    let mut out = crate::output::stdout();
    if a.json {
        serde_json::to_writer_pretty(&mut out, &b)?;
        writeln!(out)?;
    } else {
        out.write_all(chronicler_brief::markdown(&b).as_bytes())?;
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
