//! Command-line arguments (clap derive). Every command has `--help` with an
//! example.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// chronicler: news about conflict and diplomacy in, a sourced record of
/// events out.
#[derive(Debug, Parser)]
#[command(
    name = "chronicler",
    version,
    after_help = "Example:\n  chronicler ingest examples/articles --timeline\n  chronicler events --actor UKR --cameo 04"
)]
pub struct Cli {
    /// The store (an SQLite file, created on first ingest).
    #[arg(
        long,
        global = true,
        default_value = "chronicler.db",
        env = "CHRONICLER_DB"
    )]
    pub db: PathBuf,
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Read articles (text, Markdown, HTML, JSON Lines, RSS/Atom; folders
    /// recursively; `-` for stdin), code their events and store them.
    #[command(
        after_help = "Examples:\n  chronicler ingest examples/articles --timeline\n  chronicler ingest --db news.db feeds/ articles.jsonl\n  curl -s https://example.org/a.html | chronicler ingest -\n\nExit status: 0 all read, 1 some inputs skipped (each named on stderr), 2 error."
    )]
    Ingest(IngestArgs),
    /// Print the sourced timeline: events in date order with their sources
    /// and evidence.
    #[command(
        after_help = "Examples:\n  chronicler timeline\n  chronicler timeline --actor RUS --from 2026-01-01 --json"
    )]
    Timeline(TimelineArgs),
    /// List events, filtered.
    #[command(
        after_help = "Examples:\n  chronicler events --actor Zelenskyy\n  chronicler events --cameo 04 --status scheduled\n  chronicler events --from 2026-01-23 --to 2026-01-31 --text Abu --json\n  chronicler events --actor UKR --newest --limit 20"
    )]
    Events(EventsArgs),
    /// List stored documents.
    #[command(after_help = "Example:\n  chronicler docs --json")]
    Docs(JsonArg),
    /// Counts over the store.
    #[command(after_help = "Example:\n  chronicler stats")]
    Stats(JsonArg),
    /// Check the store: SQLite's integrity and foreign keys, every document
    /// stored whole and once and in the search index, and the kept
    /// consolidation matching its event groups. Exit status 1 when a
    /// problem is found. Reads the whole store (minutes for millions of
    /// articles).
    #[command(after_help = "Examples:\n  chronicler check\n  chronicler check --json")]
    Check(JsonArg),
    /// Export events as JSON Lines (one event a line) or CSV.
    #[command(
        after_help = "Examples:\n  chronicler export --format jsonl > events.jsonl\n  chronicler export --format csv --actor UKR --output ukr.csv\n  chronicler export --format gdelt-events --since 2026-01-30T12:00:00Z\n  chronicler export --format parquet --output tables/"
    )]
    Export(ExportArgs),
    /// List stories: documents about one happening, grouped.
    #[command(after_help = crate::stories::STORIES_HELP)]
    Stories(crate::stories::StoriesArgs),
    /// Show one story with its events.
    #[command(after_help = crate::stories::STORY_HELP)]
    Story(crate::stories::StoryArgs),
    /// List the actors the articles name, with their codes and mention
    /// counts; `--unresolved`: the names no dictionary knows.
    #[command(after_help = crate::actors::HELP)]
    Actors(crate::actors::ActorsArgs),
    /// List events whose sources disagree on a date, place or count.
    #[command(after_help = crate::conflicts::HELP)]
    Conflicts(crate::conflicts::ConflictsArgs),
    /// Serve the HTTP API and the web page (timeline, events with their
    /// evidence, search) over the store.
    #[command(after_help = crate::serve::AFTER_HELP)]
    Serve(crate::serve::ServeArgs),
    /// Follow RSS/Atom feeds and sitemaps: store new articles as they
    /// appear and report what changed.
    #[command(after_help = crate::watch::AFTER_HELP)]
    Watch(crate::watch::WatchArgs),
    /// The state of play on a day: talks coming up, ceasefires in force and
    /// expiring, what just happened, what is stalled, who stands where.
    #[command(after_help = crate::brief::AFTER_HELP)]
    Brief(crate::brief::BriefArgs),
}

/// `ingest` arguments.
#[derive(Debug, Args)]
pub struct IngestArgs {
    /// Files, folders (read recursively) or `-` for stdin.
    #[arg(required = true)]
    pub paths: Vec<String>,
    /// Skip inputs larger than this many bytes.
    #[arg(long, default_value_t = 10 * 1024 * 1024)]
    pub max_bytes: u64,
    /// Worker threads (0: one per core); from 2 up, the store writer is one
    /// of them. The output does not depend on it.
    #[arg(long, short = 'j', default_value_t = 0)]
    pub threads: usize,
    /// A folder of dictionary files (actors*.txt, agents*.txt, places*.txt,
    /// verbs*.txt) extending and overriding the built-in ones.
    #[arg(long)]
    pub dict: Option<PathBuf>,
    /// Print the timeline of the whole store afterwards.
    #[arg(long)]
    pub timeline: bool,
    /// No progress bar and no summary (problems are still printed).
    #[arg(long, short)]
    pub quiet: bool,
}

/// Event filters shared by `timeline`, `events` and `export`.
#[derive(Debug, Args)]
pub struct FilterArgs {
    /// An actor as source or target: CAMEO code (UKRGOV), country (UKR) or
    /// part of a name (Zelenskyy).
    #[arg(long)]
    pub actor: Option<String>,
    /// A CAMEO code or root prefix (04, 046).
    #[arg(long)]
    pub cameo: Option<String>,
    /// Events on or after this day (YYYY-MM-DD).
    #[arg(long)]
    pub from: Option<String>,
    /// Events on or before this day (YYYY-MM-DD).
    #[arg(long)]
    pub to: Option<String>,
    /// occurred, scheduled, proposed, rejected, ongoing or expired.
    #[arg(long)]
    pub status: Option<String>,
    /// Text in the event's sentences.
    #[arg(long)]
    pub text: Option<String>,
}

/// `timeline` arguments.
#[derive(Debug, Args)]
pub struct TimelineArgs {
    #[command(flatten)]
    pub filter: FilterArgs,
    /// JSON instead of a readable listing.
    #[arg(long)]
    pub json: bool,
}

/// `events` arguments.
#[derive(Debug, Args)]
pub struct EventsArgs {
    #[command(flatten)]
    pub filter: FilterArgs,
    /// At most this many events.
    #[arg(long)]
    pub limit: Option<usize>,
    /// Newest first: dated events latest day first, then the undated ones.
    #[arg(long)]
    pub newest: bool,
    /// JSON (the export format, as an array) instead of a table.
    #[arg(long)]
    pub json: bool,
}

/// A lone `--json` flag.
#[derive(Debug, Args)]
pub struct JsonArg {
    /// JSON instead of a table.
    #[arg(long)]
    pub json: bool,
}

/// Export formats.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ExportFormat {
    /// One event a line (the evaluation contract).
    Jsonl,
    /// One row per event with a header.
    Csv,
    /// GDELT 2.0 Events table (61 tab-separated columns, no header).
    GdeltEvents,
    /// GDELT 2.0 Mentions table (16 tab-separated columns, no header).
    GdeltMentions,
    /// Parquet: events, mentions, documents and stories tables, written
    /// as four files into the `--output` folder.
    Parquet,
}

/// `export` arguments.
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// jsonl, csv, gdelt-events, gdelt-mentions or parquet (needs
    /// `--output FOLDER`).
    #[arg(long, value_enum, default_value = "jsonl")]
    pub format: ExportFormat,
    /// Only events that changed after this ingest time (RFC 3339 or
    /// YYYY-MM-DD): new events and events that new reports joined.
    #[arg(long)]
    pub since: Option<String>,
    /// Write to this file instead of stdout (for parquet: this folder,
    /// created if missing).
    #[arg(long, short)]
    pub output: Option<PathBuf>,
    #[command(flatten)]
    pub filter: FilterArgs,
}
