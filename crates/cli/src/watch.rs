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
use chronicler_watch::{FetchOptions, Sinks, WatchConfig, WatchOptions, Watcher};
use clap::Args;

/// `watch` arguments.
#[derive(Debug, Args)]
pub struct WatchArgs {
    /// The feeds file: one feed or sitemap URL a line, optionally
    /// `every 30m`; `follow ACTOR [ACTOR]` lines; `#` comments.
    #[arg(long)]
    pub feeds: PathBuf,
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
    /// Days ahead in which scheduled talks and arrangements ending are
    /// reported.
    #[arg(long, default_value_t = 7)]
    pub horizon: i64,
    /// The User-Agent sent; put a contact (URL or e-mail) in it.
    #[arg(long)]
    pub user_agent: Option<String>,
    /// Seconds allowed per request.
    #[arg(long, default_value_t = 30)]
    pub timeout: u64,
    /// Least seconds between two requests to one host.
    #[arg(long, default_value_t = 1.0)]
    pub host_delay: f64,
    /// Articles fetched per feed and poll, at most.
    #[arg(long, default_value_t = 50)]
    pub max_items: usize,
    /// Do not print changes (they still go to --changes and --webhook).
    #[arg(long, short)]
    pub quiet: bool,
    /// A folder of dictionary files (as `ingest --dict`).
    #[arg(long)]
    pub dict: Option<PathBuf>,
}

/// Help shown after the options.
pub const AFTER_HELP: &str = "Example feeds file (feeds.txt):\n  https://www.example.org/world/rss.xml\n  https://www.example.org/news-sitemap.xml  every 30m\n  follow ISR\n  follow USA IRN\n\nExamples:\n  chronicler watch --db news.db --feeds feeds.txt --changes changes.jsonl\n  chronicler watch --feeds feeds.txt --once --quiet --changes changes.jsonl\n  chronicler watch --feeds feeds.txt --webhook https://hooks.example.org/chronicler \\\n      --user-agent 'chronicler (research; you@example.org)'\n\nFeeds are polled with conditional requests; robots.txt is obeyed; articles\nalready seen (URL, canonical URL or same text) are not fetched or stored\nagain, across restarts. Ctrl-C stops after the article in hand.\n\nExit status: 0, 1 when --once and a feed failed, 2 error.";

fn options(a: &WatchArgs) -> Result<WatchOptions> {
    let mut fetch = FetchOptions::default();
    if let Some(ua) = &a.user_agent {
        fetch.user_agent = ua.clone();
    }
    fetch.timeout = Duration::from_secs(a.timeout.max(1));
    fetch.host_delay = Duration::try_from_secs_f64(a.host_delay)
        .with_context(|| format!("--host-delay {}: expected seconds", a.host_delay))?;
    Ok(WatchOptions {
        fetch,
        max_items_per_poll: a.max_items,
        horizon_days: a.horizon,
        once: a.once,
    })
}

fn config(a: &WatchArgs) -> Result<WatchConfig> {
    let text = std::fs::read_to_string(&a.feeds)
        .with_context(|| format!("cannot read the feeds file {}", a.feeds.display()))?;
    let mut c = WatchConfig::parse(&text).with_context(|| format!("{}", a.feeds.display()))?;
    for f in &a.follow {
        c.follow
            .entries
            .push(f.split(',').map(|s| s.trim().to_string()).collect());
    }
    if c.feeds.is_empty() {
        anyhow::bail!("{}: no feeds listed", a.feeds.display());
    }
    Ok(c)
}

fn sinks(a: &WatchArgs) -> Result<Sinks> {
    let jsonl = match &a.changes {
        Some(p) => Some(
            std::fs::OpenOptions::new()
                .create(true)
                .append(true)
                .open(p)
                .with_context(|| format!("cannot open {}", p.display()))?,
        ),
        None => None,
    };
    if let Some(w) = &a.webhook {
        chronicler_watch::config::check_url(w).map_err(|e| anyhow::anyhow!("--webhook {e}"))?;
    }
    Ok(Sinks {
        print: !a.quiet,
        jsonl,
        webhook: a.webhook.clone(),
    })
}

/// Watches until Ctrl-C (or once).
pub fn watch(db: &Path, a: WatchArgs) -> Result<ExitCode> {
    let stop = chronicler_watch::stop_on_signals().context("installing the Ctrl-C handler")?;
    let summary = run(db, &a, stop)?;
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

fn run(db: &Path, a: &WatchArgs, stop: Arc<AtomicBool>) -> Result<chronicler_watch::Summary> {
    let config = config(a)?;
    let opts = options(a)?;
    let sinks = sinks(a)?;
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
    /// Starts watching `feeds` into `db` (changes printed to stdout).
    pub fn start(db: &Path, feeds: &Path, dict: Option<PathBuf>) -> Result<Background> {
        let a = WatchArgs {
            feeds: feeds.to_path_buf(),
            once: false,
            changes: None,
            webhook: None,
            follow: Vec::new(),
            horizon: 7,
            user_agent: None,
            timeout: 30,
            host_delay: 1.0,
            max_items: 50,
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
                if let Err(e) = run(&db, &a, flag) {
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
