//! `chronicler watch`: follow feeds and sitemaps, store new articles,
//! report what changed (`chronicler-watch`).

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

use anyhow::{Context, Result};
use chronicler_dict::Dictionaries;
use chronicler_pipeline::{Pipeline, PipelineOptions};
use chronicler_store::Store;
use chronicler_watch::{
    ConfigFile, FetchOptions, Settings, Sinks, WatchConfig, WatchOptions, Watcher,
};
use clap::Args;

/// `watch` arguments.
#[derive(Debug, Args)]
pub struct WatchArgs {
    /// The feeds file: one feed or sitemap URL a line, optionally
    /// `every 30m`; `follow ACTOR [ACTOR]` lines; `#` comments.
    #[arg(long, required_unless_present = "config", conflicts_with = "config")]
    pub feeds: Option<PathBuf>,
    /// A TOML config file whose `[watch]` section lists the feeds
    /// (`[[watch.feeds]]` with `url`, `interval`) and may set `store`,
    /// `changes`, `webhook`, `horizon`, `interval`, `user_agent`,
    /// `host_delay`, `timeout`, `max_items`, `follow` (see
    /// examples/watch.toml). Options given here win over the file.
    #[arg(long)]
    pub config: Option<PathBuf>,
    /// Poll every feed once and exit (for scripts and cron).
    #[arg(long)]
    pub once: bool,
    /// Append each change as one JSON object a line to this file.
    #[arg(long)]
    pub changes: Option<PathBuf>,
    /// POST each change as JSON to this http(s) URL.
    #[arg(long)]
    pub webhook: Option<String>,
    /// An actor (code, name) or a dyad (`USA,IRN`) whose new events are
    /// reported; repeatable; adds to the feeds file's `follow` lines.
    #[arg(long)]
    pub follow: Vec<String>,
    /// Days ahead in which scheduled talks and commitments ending are
    /// reported [default: 7].
    #[arg(long)]
    pub horizon: Option<i64>,
    /// The User-Agent sent; put a contact (URL or e-mail) in it.
    #[arg(long)]
    pub user_agent: Option<String>,
    /// Seconds allowed per request [default: 30].
    #[arg(long)]
    pub timeout: Option<u64>,
    /// Least seconds between two requests to one host [default: 1].
    #[arg(long)]
    pub host_delay: Option<f64>,
    /// Articles fetched per feed and poll, at most [default: 50].
    #[arg(long)]
    pub max_items: Option<usize>,
    /// Do not print changes (they still go to --changes and --webhook).
    #[arg(long, short)]
    pub quiet: bool,
    /// A folder of dictionary files (as `ingest --dict`).
    #[arg(long)]
    pub dict: Option<PathBuf>,
}

/// Help shown after the options.
pub const AFTER_HELP: &str = "Example feeds file (feeds.txt):\n  https://www.example.org/world/rss.xml\n  https://www.example.org/news-sitemap.xml  every 30m\n  follow ISR\n  follow USA IRN\n\nExample config file (chronicler.toml; see examples/watch.toml):\n  [watch]\n  changes = \"changes.jsonl\"\n  horizon = 7\n  user_agent = \"chronicler (research; you@example.org)\"\n  follow = [\"ISR\", [\"USA\", \"IRN\"]]\n  [[watch.feeds]]\n  url = \"https://www.example.org/world/rss.xml\"\n  interval = \"10m\"\n\nExamples:\n  chronicler watch --db news.db --feeds feeds.txt --changes changes.jsonl\n  chronicler watch --config chronicler.toml\n  chronicler watch --feeds feeds.txt --once --quiet --changes changes.jsonl\n  chronicler watch --feeds feeds.txt --webhook https://hooks.example.org/chronicler \\\n      --user-agent 'chronicler (research; you@example.org)'\n\nFeeds are polled with conditional requests; robots.txt is obeyed; articles\nalready seen (URL, canonical URL or same text) are not fetched or stored\nagain, across restarts; articles that failed (timeout, 5xx) are tried again\nat the next poll. Talks scheduled and ceasefires ending within the horizon\nare reported once. Ctrl-C stops after the article in hand.\n\nExit status: 0, 1 when --once and a feed failed, 2 error.";

/// Options given on the command line win over the config file's settings,
/// and these over the defaults.
fn options(a: &WatchArgs, s: &Settings) -> Result<WatchOptions> {
    let mut fetch = FetchOptions::default();
    if let Some(ua) = a.user_agent.as_ref().or(s.user_agent.as_ref()) {
        fetch.user_agent = ua.clone();
    }
    if let Some(t) = a
        .timeout
        .map(|t| Duration::from_secs(t.max(1)))
        .or(s.timeout)
    {
        fetch.timeout = t;
    }
    if let Some(d) = a.host_delay {
        fetch.host_delay = Duration::try_from_secs_f64(d)
            .with_context(|| format!("--host-delay {d}: expected seconds"))?;
    } else if let Some(d) = s.host_delay {
        fetch.host_delay = d;
    }
    let defaults = WatchOptions::default();
    Ok(WatchOptions {
        fetch,
        max_items_per_poll: a
            .max_items
            .or(s.max_items)
            .unwrap_or(defaults.max_items_per_poll),
        horizon_days: a
            .horizon
            .or(s.horizon_days)
            .unwrap_or(defaults.horizon_days)
            .max(0),
        once: a.once,
    })
}

/// The feeds file or the config file, with `--follow` added; paths the
/// config file names are taken relative to its folder.
fn config(a: &WatchArgs) -> Result<(WatchConfig, Settings)> {
    let (path, toml) = match (&a.config, &a.feeds) {
        (Some(c), _) => (c, true),
        (None, Some(f)) => (f, is_toml(f)),
        (None, None) => anyhow::bail!("give --feeds FILE or --config FILE"),
    };
    let what = if toml { "config" } else { "feeds" };
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("cannot read the {what} file {}", path.display()))?;
    let (mut c, mut settings) = if toml {
        let f = ConfigFile::parse_toml(&text).with_context(|| format!("{}", path.display()))?;
        (f.watch, f.settings)
    } else {
        let c = WatchConfig::parse(&text).with_context(|| format!("{}", path.display()))?;
        (c, Settings::default())
    };
    let dir = path.parent().unwrap_or(Path::new(""));
    for p in [&mut settings.store, &mut settings.changes]
        .into_iter()
        .flatten()
    {
        if p.is_relative() {
            *p = dir.join(&*p);
        }
    }
    for f in &a.follow {
        c.follow
            .entries
            .push(f.split(',').map(|s| s.trim().to_string()).collect());
    }
    if c.feeds.is_empty() {
        anyhow::bail!("{}: no feeds listed", path.display());
    }
    Ok((c, settings))
}

fn is_toml(p: &Path) -> bool {
    p.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("toml"))
}

/// True when the store was named on the command line or in the
/// environment (then a config file's `store` does not apply).
fn db_chosen() -> bool {
    std::env::var_os("CHRONICLER_DB").is_some()
        || std::env::args_os().any(|a| {
            let a = a.to_string_lossy();
            a == "--db" || a.starts_with("--db=")
        })
}

fn sinks(a: &WatchArgs, s: &Settings) -> Result<Sinks> {
    let changes = a.changes.as_ref().or(s.changes.as_ref());
    let webhook = a.webhook.as_ref().or(s.webhook.as_ref());
    let jsonl = match changes {
        Some(p) => Some(
            std::fs::OpenOptions::new()
                .create(true)
                .append(true)
                .open(p)
                .with_context(|| format!("cannot open {}", p.display()))?,
        ),
        None => None,
    };
    if let Some(w) = webhook {
        chronicler_watch::config::check_url(w).map_err(|e| anyhow::anyhow!("--webhook {e}"))?;
    }
    Ok(Sinks {
        print: !a.quiet,
        jsonl,
        webhook: webhook.cloned(),
    })
}

/// Watches until Ctrl-C (or once).
pub fn watch(db: &Path, a: WatchArgs) -> Result<ExitCode> {
    let stop = chronicler_watch::stop_on_signals().context("installing the Ctrl-C handler")?;
    let summary = run(db, &a, stop, true)?;
    eprintln!(
        "{} polls ({} unchanged, {} failed), {} articles stored, {} duplicates, {} seen before, {} failed, {} changes, {} requests",
        summary.polls,
        summary.not_modified,
        summary.failed_polls,
        summary.stored,
        summary.duplicates,
        summary.seen,
        summary.failed_items.values().sum::<usize>(),
        summary.changes,
        summary.requests
    );
    Ok(if a.once && summary.failed_polls > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Watches into `db`, or into the config file's `store` when `own_store`
/// and no store was named on the command line.
fn run(
    db: &Path,
    a: &WatchArgs,
    stop: Arc<AtomicBool>,
    own_store: bool,
) -> Result<chronicler_watch::Summary> {
    let (config, settings) = config(a)?;
    let opts = options(a, &settings)?;
    let sinks = sinks(a, &settings)?;
    let db = match &settings.store {
        Some(s) if own_store && !db_chosen() => s.as_path(),
        _ => db,
    };
    let dicts = Dictionaries::load(a.dict.as_deref()).context("loading dictionaries")?;
    let pipeline = Pipeline::new(&dicts, PipelineOptions::new(jiff::Zoned::now().date()));
    let mut store =
        Store::open(db).with_context(|| format!("cannot open store {}", db.display()))?;
    let mut watcher = Watcher::new(&pipeline, &mut store, config, opts, sinks, stop);
    Ok(watcher.run()?)
}

/// A watcher on its own thread beside the server (`serve --watch FILE`):
/// the stop flag and the thread to join once the server is done.
pub struct Background {
    stop: Arc<AtomicBool>,
    thread: std::thread::JoinHandle<()>,
}

impl Background {
    /// Starts watching `feeds` (a feeds file, or a config file when it
    /// ends in `.toml`; its `store` is not used: the watcher writes to the
    /// store served) into `db` (changes printed to stdout).
    pub fn start(db: &Path, feeds: &Path, dict: Option<PathBuf>) -> Result<Background> {
        let a = WatchArgs {
            feeds: Some(feeds.to_path_buf()),
            config: None,
            once: false,
            changes: None,
            webhook: None,
            follow: Vec::new(),
            horizon: None,
            user_agent: None,
            timeout: None,
            host_delay: None,
            max_items: None,
            quiet: false,
            dict,
        };
        config(&a)?; // report a bad feeds file before serving
                     // Create (or migrate) the store, so that the server finds one.
        Store::open(db).with_context(|| format!("cannot open store {}", db.display()))?;
        let stop = Arc::new(AtomicBool::new(false));
        let (db, flag) = (db.to_path_buf(), Arc::clone(&stop));
        let thread = std::thread::Builder::new()
            .name("watch".into())
            .spawn(move || {
                if let Err(e) = run(&db, &a, flag, false) {
                    eprintln!("error: watch: {e:#}");
                }
            })
            .context("starting the watcher thread")?;
        Ok(Background { stop, thread })
    }

    /// Stops the watcher after the article in hand and waits for it.
    pub fn stop(self) {
        self.stop.store(true, Ordering::Relaxed);
        let _ = self.thread.join();
    }
}
