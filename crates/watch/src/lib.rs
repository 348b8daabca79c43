//! # chronicler-watch
//!
//! Follows the news as it breaks: polls RSS/Atom feeds and sitemaps on a
//! schedule, fetches each new article, runs it through the whole pipeline
//! into the store, and reports what changed.
//!
//! Brief overview: a [`WatchConfig`] (parsed from a feeds file, see
//! [`config`]) lists the feeds with their intervals and the actors or
//! dyads to follow. [`Watcher::run`] polls each feed when due with a
//! conditional request (ETag, Last-Modified), reads its items
//! ([`items`]), and for each article not seen before (by URL, final URL
//! after redirects, canonical URL or content) fetches the page politely
//! ([`http`]: robots.txt, per-host delay, timeouts, size limit, bounded
//! redirects, retries with backoff), cleans, analyzes and codes it
//! (`Pipeline::process`) and writes it in one transaction as `ingest` does
//! (`chronicler_pipeline::write_processed`: same id, URL or text, or text
//! at least [`SAME_CONTENT`] similar to a stored document's, is not stored
//! again). Article URLs, feed validators, articles to retry and changes
//! reported are kept in the store, so a restart resumes without fetching,
//! storing or reporting anything twice. After each round the changes
//! ([`report`]: new documents, new or grown stories, events on followed
//! actors, failures; and from the state of play of `chronicler-brief`,
//! talks scheduled and commitments ending within the horizon, each
//! reported once) go to the [`Sinks`].
//!
//! A failing feed is reported and polled again at its next turn; an
//! article whose fetch failed for a reason that may pass (timeout, network,
//! 5xx, 429) is fetched again at each poll of its feed, even one answered
//! 304, up to [`MAX_ATTEMPTS`] times. Neither ever stops the others. Only a
//! store error stops the watcher. Setting the stop flag (Ctrl-C) ends the
//! run after the document in hand.
#![deny(missing_docs)]

pub mod config;
pub mod http;
pub mod items;
pub mod report;
pub mod robots;

use std::collections::{BTreeMap, BTreeSet};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Instant;

use chronicler_core::{Body, Format, Metadata, RawDocument};
use chronicler_pipeline::Pipeline;
use chronicler_store::{FeedState, RetryItem, Store, StoreError, WriteOutcome};
use jiff::civil::Date;

pub use config::{ConfigFile, FeedSpec, Follow, Settings, WatchConfig};
pub use http::{FetchError, FetchOptions, Fetcher};
pub use report::{Change, ChangeKind, Sinks};

/// Sitemaps of a sitemap index read per poll, at most.
const MAX_CHILD_SITEMAPS: usize = 20;

/// Text at least this similar to a stored document's (MinHash estimate of
/// the Jaccard similarity of word shingles) is the same article under
/// another URL, and is not stored. Less similar versions (an update with
/// new paragraphs) are stored, linked to it as near duplicates.
pub const SAME_CONTENT: f64 = 0.9;

/// Fetches of one article (the first included) before it is given up.
pub const MAX_ATTEMPTS: u32 = 5;

/// How the watcher runs.
#[derive(Debug, Clone)]
pub struct WatchOptions {
    /// The HTTP client's behaviour.
    pub fetch: FetchOptions,
    /// Articles fetched per feed and poll, at most (the rest wait for the
    /// next poll).
    pub max_items_per_poll: usize,
    /// Days ahead in which scheduled talks and ending arrangements are
    /// reported.
    pub horizon_days: i64,
    /// Poll every feed once, then return.
    pub once: bool,
}

impl Default for WatchOptions {
    fn default() -> Self {
        WatchOptions {
            fetch: FetchOptions::default(),
            max_items_per_poll: 50,
            horizon_days: 7,
            once: false,
        }
    }
}

/// A watcher-stopping error.
#[derive(Debug, thiserror::Error)]
pub enum WatchError {
    /// The store failed.
    #[error("store: {0}")]
    Store(#[from] StoreError),
    /// Reading the store back failed.
    #[error("query: {0}")]
    Query(#[from] chronicler_query::QueryError),
}

/// What a run did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Summary {
    /// Feed polls done.
    pub polls: usize,
    /// Polls answered 304 Not Modified.
    pub not_modified: usize,
    /// Polls that failed.
    pub failed_polls: usize,
    /// Articles skipped without a request: seen before.
    pub seen: usize,
    /// Articles stored.
    pub stored: usize,
    /// Articles fetched but already stored (canonical URL, final URL or
    /// same content).
    pub duplicates: usize,
    /// Articles that could not be fetched or read, by reason.
    pub failed_items: BTreeMap<String, usize>,
    /// Articles robots.txt kept us from.
    pub disallowed: usize,
    /// Changes reported.
    pub changes: usize,
    /// HTTP requests sent (retries and robots.txt included).
    pub requests: usize,
}

/// The watcher: a pipeline, a store, the feeds and where changes go.
#[derive(Debug)]
pub struct Watcher<'a, 'd> {
    pipeline: &'a Pipeline<'d>,
    store: &'a mut Store,
    config: WatchConfig,
    opts: WatchOptions,
    http: Fetcher,
    sinks: Sinks,
    stop: Arc<AtomicBool>,
    summary: Summary,
    /// The day the state of play was last read for expiring commitments
    /// and coming talks.
    brief_day: Option<Date>,
}

/// The state of one round.
#[derive(Debug, Default)]
struct Round {
    new_docs: BTreeSet<String>,
    changes: Vec<Change>,
}

fn now() -> String {
    jiff::Timestamp::now().to_string()
}

impl<'a, 'd> Watcher<'a, 'd> {
    /// A watcher; `stop` ends [`Watcher::run`] once set.
    pub fn new(
        pipeline: &'a Pipeline<'d>,
        store: &'a mut Store,
        config: WatchConfig,
        opts: WatchOptions,
        sinks: Sinks,
        stop: Arc<AtomicBool>,
    ) -> Watcher<'a, 'd> {
        Watcher {
            pipeline,
            store,
            config,
            http: Fetcher::new(opts.fetch.clone()),
            opts,
            sinks,
            stop,
            summary: Summary::default(),
            brief_day: None,
        }
    }

    fn stopped(&self) -> bool {
        self.stop.load(Ordering::Relaxed)
    }

    /// Polls each feed when due until stopped (or once, with
    /// [`WatchOptions::once`]).
    pub fn run(&mut self) -> Result<Summary, WatchError> {
        let start = Instant::now();
        let mut due: Vec<Instant> = vec![start; self.config.feeds.len()];
        while !self.stopped() {
            let mut round = Round::default();
            for i in 0..self.config.feeds.len() {
                if self.stopped() {
                    break;
                }
                if due.get(i).is_some_and(|d| *d <= Instant::now()) {
                    let feed = self.config.feeds[i].clone();
                    self.poll(&feed, &mut round)?;
                    due[i] = Instant::now() + feed.interval;
                }
            }
            self.report(round)?;
            if self.opts.once || self.config.feeds.is_empty() {
                break;
            }
            let next = due.iter().min().copied().unwrap_or_else(Instant::now);
            let wait = next.saturating_duration_since(Instant::now());
            if http::sleep(wait, &self.stop).is_err() {
                break;
            }
        }
        self.summary.requests = self.http.requests;
        Ok(self.summary.clone())
    }

    /// Sends the round's changes, adding the story and event changes its
    /// new documents bring.
    fn report(&mut self, mut round: Round) -> Result<(), WatchError> {
        if !round.new_docs.is_empty() {
            chronicler_query::record_event_ids(self.store)?;
            // Only the stories and events of the new documents are read.
            for s in chronicler_query::stories_of_documents(self.store, &round.new_docs)? {
                let docs: Vec<String> = s
                    .documents
                    .iter()
                    .filter(|d| round.new_docs.contains(*d))
                    .cloned()
                    .collect();
                // New when every one of its articles is.
                let kind = if docs.len() == s.documents.len() {
                    ChangeKind::NewStory
                } else {
                    ChangeKind::StoryUpdated
                };
                let mut ch = Change::new(kind, s.title.clone());
                ch.id = Some(s.id.clone());
                ch.date = Some(if s.start == s.end {
                    s.start.clone()
                } else {
                    format!("{}..{}", s.start, s.end)
                });
                ch.documents = docs;
                round.changes.push(ch);
            }
            if !self.config.follow.entries.is_empty() {
                let events = chronicler_query::events_of_documents(self.store, &round.new_docs)?;
                round.changes.extend(report::event_changes(
                    &events,
                    &round.new_docs,
                    &self.config.follow,
                ));
            }
        }
        let today = jiff::Zoned::now().date();
        let mut keys = Vec::new();
        if !round.new_docs.is_empty() || self.brief_day != Some(today) {
            // The state of play changes with new documents and with the day.
            self.brief_day = Some(today);
            // Each followed actor's or dyad's brief merges only the events
            // it reads (everything when nothing is followed).
            let mut briefs = Vec::new();
            for scope in report::scopes(&self.config.follow) {
                let mut opts = chronicler_brief::BriefOptions {
                    scope,
                    as_of: Some(today),
                    expiring_days: self.opts.horizon_days,
                    ..chronicler_brief::BriefOptions::default()
                };
                let events = chronicler_query::brief_events(self.store, &mut opts)?;
                briefs.push(chronicler_brief::brief(&events, &opts));
            }
            let found = report::state_changes(&briefs, today, self.opts.horizon_days);
            let ids: Vec<&str> = found.iter().map(|(k, _)| k.as_str()).collect();
            let reported = self.store.watch_reported(&ids)?;
            for ((key, ch), old) in found.into_iter().zip(reported) {
                if !old {
                    keys.push((key, ch.kind));
                    round.changes.push(ch);
                }
            }
        }
        for ch in &round.changes {
            for p in self.sinks.send(ch, &mut self.http) {
                tracing::warn!("{p}");
            }
        }
        self.summary.changes += round.changes.len();
        let keys: Vec<(&str, &str)> = keys
            .iter()
            .map(|(k, kind)| (k.as_str(), kind.as_str()))
            .collect();
        Ok(self.store.watch_mark_reported(&keys, &now())?)
    }

    /// Polls one feed: conditional request, items, articles.
    fn poll(&mut self, feed: &FeedSpec, round: &mut Round) -> Result<(), WatchError> {
        let url = feed.url.as_str();
        let mut state = self.store.watch_feed(url)?.unwrap_or_default();
        let validators = http::Validators {
            etag: state.etag.clone(),
            last_modified: state.last_modified.clone(),
        };
        self.summary.polls += 1;
        state.last_polled = Some(now());
        let fetched = self.http.get(url, &validators, &self.stop);
        let parsed = match fetched {
            Err(FetchError::Stopped) => return Ok(()),
            Err(e) => return self.feed_failed(url, state, e.to_string(), round),
            Ok(http::Fetched::NotModified) => {
                self.summary.not_modified += 1;
                state.failures = 0;
                state.last_status = Some("not-modified".into());
                self.store.watch_save_feed(url, &state)?;
                // Unchanged feed, but articles that failed last time are
                // due again.
                let mut budget = self.opts.max_items_per_poll;
                return self.retry_items(url, &BTreeSet::new(), &mut budget, round);
            }
            Ok(http::Fetched::Body {
                body,
                etag,
                last_modified,
                ..
            }) => match items::parse(&body) {
                Err(msg) => return self.feed_failed(url, state, msg, round),
                Ok(p) => {
                    state.etag = etag;
                    state.last_modified = last_modified;
                    p
                }
            },
        };
        let mut list = parsed.items;
        for sm in parsed.sitemaps.iter().take(MAX_CHILD_SITEMAPS) {
            match self.http.get(sm, &http::Validators::default(), &self.stop) {
                Ok(http::Fetched::Body { body, .. }) => match items::parse(&body) {
                    Ok(p) => list.extend(p.items),
                    Err(msg) => round.changes.push(failed(url, sm, &msg)),
                },
                Ok(http::Fetched::NotModified) | Err(FetchError::Stopped) => {}
                Err(e) => round.changes.push(failed(url, sm, &e.to_string())),
            }
        }
        let listed: BTreeSet<String> = list.iter().map(|i| i.url.clone()).collect();
        let mut budget = self.opts.max_items_per_poll;
        let complete = self.take_items(url, list, &mut budget, round)?;
        if !complete {
            // Items are left for the next poll: it must get the whole feed.
            state.etag = None;
            state.last_modified = None;
        }
        state.failures = 0;
        state.last_status = Some("ok".into());
        self.store.watch_save_feed(url, &state)?;
        self.retry_items(url, &listed, &mut budget, round)
    }

    /// Fetches again the articles of `feed` whose last fetch failed (those
    /// in `listed` were just tried with the feed).
    fn retry_items(
        &mut self,
        feed: &str,
        listed: &BTreeSet<String>,
        budget: &mut usize,
        round: &mut Round,
    ) -> Result<(), WatchError> {
        let due: Vec<items::Item> = self
            .store
            .watch_retries(feed)?
            .into_iter()
            .filter(|r| !listed.contains(&r.url))
            .map(|r| items::Item {
                url: r.url,
                title: r.title,
                published: r.published,
            })
            .collect();
        self.take_items(feed, due, budget, round).map(|_| ())
    }

    fn feed_failed(
        &mut self,
        url: &str,
        mut state: FeedState,
        why: String,
        round: &mut Round,
    ) -> Result<(), WatchError> {
        self.summary.failed_polls += 1;
        state.failures = state.failures.saturating_add(1);
        let mut ch = Change::new(ChangeKind::FeedFailed, format!("{url}: {why}"));
        ch.feed = Some(url.to_string());
        ch.url = Some(url.to_string());
        round.changes.push(ch);
        state.last_status = Some(why);
        Ok(self.store.watch_save_feed(url, &state)?)
    }

    /// Fetches and stores the new items; false when some were left for
    /// the next poll (the per-poll cap, or a stop).
    fn take_items(
        &mut self,
        feed: &str,
        items: Vec<items::Item>,
        budget: &mut usize,
        round: &mut Round,
    ) -> Result<bool, WatchError> {
        for item in items {
            if self.stopped() {
                return Ok(false);
            }
            if config::check_url(&item.url).is_err() {
                continue;
            }
            if self.known(&item.url)? {
                self.summary.seen += 1;
                continue;
            }
            if *budget == 0 {
                return Ok(false);
            }
            *budget -= 1;
            self.take_item(feed, item, round)?;
        }
        Ok(true)
    }

    /// True when `url` was met by the watcher or is a stored document's URL.
    fn known(&self, url: &str) -> Result<bool, WatchError> {
        Ok(self.store.watch_seen(url)? || self.store.contains(url, Some(url), "")?)
    }

    fn mark(
        &mut self,
        urls: &[&str],
        feed: &str,
        outcome: &str,
        doc: Option<&str>,
    ) -> Result<(), WatchError> {
        let mut urls = urls.to_vec();
        urls.sort_unstable();
        urls.dedup();
        Ok(self
            .store
            .watch_mark_seen(&urls, feed, outcome, doc, &now())?)
    }

    /// Fetches one article, runs the pipeline and stores it.
    fn take_item(
        &mut self,
        feed: &str,
        item: items::Item,
        round: &mut Round,
    ) -> Result<(), WatchError> {
        let url = item.url.as_str();
        let (final_url, body, content_type) =
            match self.http.get(url, &http::Validators::default(), &self.stop) {
                Ok(http::Fetched::Body {
                    url: final_url,
                    body,
                    content_type,
                    ..
                }) => (final_url, body, content_type),
                Ok(http::Fetched::NotModified) | Err(FetchError::Stopped) => return Ok(()),
                Err(e) => return self.fetch_failed(feed, &item, e, round),
            };
        if final_url != url && self.known(&final_url)? {
            self.summary.duplicates += 1;
            return self.mark(&[url], feed, "duplicate", None);
        }
        let ct = content_type.unwrap_or_default().to_ascii_lowercase();
        let text = String::from_utf8_lossy(&body).into_owned();
        let body = if ct.starts_with("text/plain") {
            Body::Text(text)
        } else if ct.is_empty() || ct.contains("html") || ct.contains("xml") {
            Body::Html(text)
        } else {
            self.mark(&[url, &final_url], feed, "skipped", None)?;
            self.item_failed(feed, url, &format!("not an article page ({ct})"), round);
            return Ok(());
        };
        let raw = RawDocument {
            id: url.to_string(),
            path: url.to_string(),
            format: Format::Html,
            // The page's canonical link (found by cleaning) names it when
            // it has one; the URL is filled in after.
            meta: Metadata {
                url: None,
                title: item.title.clone(),
                outlet: None,
                published: item.published.clone(),
                captured: None,
            },
            body,
            warnings: Vec::new(),
        };
        let (mut doc, events) = match self.pipeline.process(raw) {
            Ok(p) => p,
            Err(problem) => {
                self.mark(&[url, &final_url], feed, "skipped", None)?;
                self.item_failed(feed, url, &problem.message, round);
                return Ok(());
            }
        };
        let canonical = doc
            .doc
            .meta
            .url
            .as_deref()
            .and_then(|c| http::resolve(&final_url, c))
            .unwrap_or_else(|| final_url.clone());
        doc.doc.meta.url = Some(canonical.clone());
        if doc.doc.meta.outlet.is_none() {
            // No site name on the page: the host names the outlet.
            doc.doc.meta.outlet = http::split_url(&canonical).map(|(origin, _)| {
                let host = origin.split("//").nth(1).unwrap_or(origin);
                host.strip_prefix("www.").unwrap_or(host).to_string()
            });
        }
        let urls = [url, final_url.as_str(), canonical.as_str()];
        match chronicler_pipeline::write_processed(self.store, &doc, &events, Some(SAME_CONTENT))? {
            WriteOutcome::Inserted => {
                self.summary.stored += 1;
                self.mark(&urls, feed, "stored", Some(&doc.doc.id))?;
                round.new_docs.insert(doc.doc.id.clone());
                let title = doc
                    .doc
                    .meta
                    .title
                    .clone()
                    .unwrap_or_else(|| url.to_string());
                let mut ch = Change::new(ChangeKind::Document, title);
                ch.feed = Some(feed.to_string());
                ch.id = Some(doc.doc.id.clone());
                ch.url = Some(canonical);
                ch.date = Some(doc.published.date.to_string());
                round.changes.push(ch);
            }
            WriteOutcome::Duplicate(id) => {
                self.summary.duplicates += 1;
                self.mark(&urls, feed, "duplicate", Some(&id))?;
            }
        }
        Ok(())
    }

    /// A failed article fetch: never asked again when it cannot pass
    /// (robots.txt, 4xx, a redirect loop, too large), else kept to retry
    /// at the feed's next poll, until [`MAX_ATTEMPTS`]. Reported when it
    /// first fails and when it is given up.
    fn fetch_failed(
        &mut self,
        feed: &str,
        item: &items::Item,
        e: FetchError,
        round: &mut Round,
    ) -> Result<(), WatchError> {
        let url = item.url.as_str();
        let reason = e.to_string();
        let outcome = match &e {
            FetchError::Disallowed => {
                self.summary.disallowed += 1;
                return self.mark(&[url], feed, "robots", None);
            }
            FetchError::Status(s) if (400..500).contains(s) && *s != 429 => "gone",
            FetchError::Redirects | FetchError::TooLarge | FetchError::Scheme => "failed",
            _ => {
                let pending = RetryItem {
                    url: url.to_string(),
                    feed: feed.to_string(),
                    title: item.title.clone(),
                    published: item.published.clone(),
                    ..RetryItem::default()
                };
                let attempts = self.store.watch_retry_failed(&pending, &reason, &now())?;
                if attempts < MAX_ATTEMPTS {
                    if attempts == 1 {
                        self.item_failed(feed, url, &reason, round);
                    } else {
                        *self.summary.failed_items.entry(reason).or_default() += 1;
                    }
                    return Ok(());
                }
                let why = format!("{reason}, given up after {attempts} attempts");
                self.item_failed(feed, url, &why, round);
                return self.mark(&[url], feed, "failed", None);
            }
        };
        self.item_failed(feed, url, &reason, round);
        self.mark(&[url], feed, outcome, None)
    }

    fn item_failed(&mut self, feed: &str, url: &str, reason: &str, round: &mut Round) {
        *self
            .summary
            .failed_items
            .entry(reason.to_string())
            .or_default() += 1;
        let mut ch = Change::new(ChangeKind::ItemFailed, format!("{url}: {reason}"));
        ch.feed = Some(feed.to_string());
        ch.url = Some(url.to_string());
        round.changes.push(ch);
    }
}

fn failed(feed: &str, what: &str, why: &str) -> Change {
    let mut ch = Change::new(ChangeKind::FeedFailed, format!("{what}: {why}"));
    ch.feed = Some(feed.to_string());
    ch.url = Some(what.to_string());
    ch
}

/// A stop flag set by Ctrl-C (SIGINT) and SIGTERM; a second signal exits
/// at once.
pub fn stop_on_signals() -> std::io::Result<Arc<AtomicBool>> {
    let flag = Arc::new(AtomicBool::new(false));
    for sig in [signal_hook::consts::SIGINT, signal_hook::consts::SIGTERM] {
        signal_hook::flag::register_conditional_shutdown(sig, 130, Arc::clone(&flag))?;
        signal_hook::flag::register(sig, Arc::clone(&flag))?;
    }
    Ok(flag)
}
