//! The server's shared state: where the store is, a pool of read-only
//! connections, the one writer (when ingest is allowed) and a cache of
//! the merged events' view.
//!
//! Readers take a read-only connection from the pool (SQLite in WAL mode
//! lets them read while a writer writes; a connection holds no transaction
//! between requests, so each request sees the latest commit); the writer is
//! one connection behind a mutex, so documents are written one at a time.
//!
//! The view is the kept merged events' rows of a current store (each event
//! merged when an answer shows it), else every event merged in memory. It
//! is read again when a document was stored since (one index lookup
//! tells); while one request reads it, the others answer from the previous
//! view, so a busy server under a running ingest does not read the same
//! thing on every thread. The cache only ever moves forward: no answer
//! shows an older set than one given before.

use std::collections::{BTreeSet, HashMap};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::{Duration, Instant};

use axum::body::Bytes;
use chronicler_core::{Actor, MergedEvent, Status};
use chronicler_dict::Dictionaries;
use chronicler_store::{KeptEventRow, Store};
use jiff::civil::Date;

use crate::dto::{ApiEvent, ApiStory, KeptStory};
use crate::error::ApiError;

/// Idle read-only connections kept for reuse.
const POOL_SIZE: usize = 16;

/// The writer: the read-write store and the dictionaries the pipeline uses.
#[derive(Debug)]
pub(crate) struct Writer {
    pub store: Store,
    pub dicts: Dictionaries,
}

/// Where the merged events of a view are.
#[derive(Debug)]
enum Events {
    /// The kept merged events' rows (a store whose kept consolidation is
    /// current), in the events' order: a few hundred bytes each, and each
    /// event merged only when an answer shows it.
    Kept(Vec<KeptEventRow>),
    /// Every merged event, built in memory (a store whose kept
    /// consolidation is not current), with the ids of those whose reports
    /// disagree.
    Whole {
        consolidated: chronicler_query::Consolidated,
        disputed: BTreeSet<String>,
    },
}

/// What a filter reads of a merged event.
pub(crate) struct Fields<'a> {
    pub source: Option<&'a Actor>,
    pub target: Option<&'a Actor>,
    pub cameo: &'a str,
    pub status: Status,
    pub start: Option<Date>,
    pub end: Option<Date>,
}

/// The merged events of one state of the store, with their date order.
#[derive(Debug)]
pub(crate) struct EventsView {
    /// [`Store::last_document_key`] when they were read.
    key: i64,
    events: Events,
    /// The stories of this state, by first day then id: built on first
    /// ask, not per request.
    stories: OnceLock<Arc<Vec<KeptStory>>>,
    /// The sort key of each event (day placed at, id).
    pub keys: Vec<(String, String)>,
    /// Indices into the events, by sort key.
    pub by_date: Vec<usize>,
    /// When it was built, and how long that took.
    built: Instant,
    took: Duration,
}

impl EventsView {
    fn new(key: i64, events: Events) -> EventsView {
        let keys: Vec<(String, String)> = match &events {
            Events::Kept(rows) => rows
                .iter()
                .map(|r| {
                    let day = r.day.or(r.end).or(r.first_report);
                    (day.map(|d| d.to_string()).unwrap_or_default(), r.id.clone())
                })
                .collect(),
            Events::Whole { consolidated, .. } => {
                consolidated.events.iter().map(sort_key).collect()
            }
        };
        let mut by_date: Vec<usize> = (0..keys.len()).collect();
        by_date.sort_by(|&a, &b| keys[a].cmp(&keys[b]));
        EventsView {
            key,
            events,
            stories: OnceLock::new(),
            keys,
            by_date,
            built: Instant::now(),
            took: Duration::ZERO,
        }
    }

    /// The view of a store whose kept merged events are current (None
    /// when they are not): their rows only.
    fn kept(store: &Store, key: i64) -> Result<Option<EventsView>, ApiError> {
        Ok(chronicler_query::kept_heads(store)?
            .map(|rows| EventsView::new(key, Events::Kept(rows))))
    }

    /// The view of any store: every merged event built in memory.
    fn whole(store: &Store, key: i64) -> Result<EventsView, ApiError> {
        let mut c = chronicler_query::consolidated(store)?;
        let disputed = chronicler_query::conflicts(&c)
            .into_iter()
            .map(|x| x.id)
            .collect();
        c.members = Vec::new();
        Ok(EventsView::new(
            key,
            Events::Whole {
                consolidated: c,
                disputed,
            },
        ))
    }

    /// Whether it holds the kept rows (not every event merged).
    fn is_kept(&self) -> bool {
        matches!(self.events, Events::Kept(_))
    }

    /// How many merged events.
    pub fn len(&self) -> usize {
        self.keys.len()
    }

    /// The id of event `i`.
    pub fn id(&self, i: usize) -> &str {
        &self.keys[i].1
    }

    /// The index of the event `id`.
    pub fn find(&self, id: &str) -> Option<usize> {
        self.keys.iter().position(|k| k.1 == id)
    }

    /// What a filter reads of event `i`.
    pub fn fields(&self, i: usize) -> Fields<'_> {
        match &self.events {
            Events::Kept(rows) => {
                let r = &rows[i];
                Fields {
                    source: r.source.as_ref(),
                    target: r.target.as_ref(),
                    cameo: &r.cameo,
                    status: r.status,
                    start: r.day,
                    end: r.end,
                }
            }
            Events::Whole { consolidated, .. } => {
                let e = &consolidated.events[i].event;
                Fields {
                    source: e.source.as_ref(),
                    target: e.target.as_ref(),
                    cameo: &e.cameo,
                    status: e.status,
                    start: e.date.start,
                    end: e.date.end,
                }
            }
        }
    }

    /// Those of `order` whose sentences hold `text` (ignoring case), in
    /// that order.
    pub fn with_text(
        &self,
        store: &Store,
        order: Vec<usize>,
        text: &str,
    ) -> Result<Vec<usize>, ApiError> {
        let only_text = chronicler_query::EventFilter {
            text: Some(text.to_string()),
            ..chronicler_query::EventFilter::default()
        };
        Ok(match &self.events {
            Events::Kept(rows) => {
                let hit = chronicler_query::kept_rows_with_text(
                    store,
                    order.iter().map(|&i| &rows[i]),
                    text,
                )?;
                order
                    .into_iter()
                    .zip(hit)
                    .filter_map(|(i, h)| h.then_some(i))
                    .collect()
            }
            Events::Whole { consolidated, .. } => order
                .into_iter()
                .filter(|&i| only_text.matches(&consolidated.events[i]))
                .collect(),
        })
    }

    /// The events of the documents `docs` (ids), in the events' order.
    pub fn of_documents(&self, store: &Store, docs: &[&str]) -> Result<Vec<usize>, ApiError> {
        Ok(match &self.events {
            Events::Kept(rows) => {
                let mut keys = Vec::new();
                for d in docs {
                    keys.extend(store.document_key(d)?);
                }
                (0..rows.len())
                    .filter(|&i| {
                        let m = &rows[i].members;
                        keys.iter().any(|&k| {
                            let at = m.partition_point(|&(doc, _)| doc < k);
                            m.get(at).is_some_and(|&(doc, _)| doc == k)
                        })
                    })
                    .collect()
            }
            Events::Whole { consolidated, .. } => (0..consolidated.events.len())
                .filter(|&i| {
                    consolidated.events[i]
                        .mentions
                        .iter()
                        .any(|m| docs.contains(&m.doc.as_str()))
                })
                .collect(),
        })
    }

    /// Hands `f` each of the events `picked`, in that order, merged (from
    /// kept rows, one at a time), with whether its reports disagree.
    pub fn each(
        &self,
        store: &Store,
        picked: &[usize],
        mut f: impl FnMut(&MergedEvent, bool),
    ) -> Result<(), ApiError> {
        match &self.events {
            Events::Kept(rows) => {
                let rows = picked.iter().map(|&i| rows[i].clone()).collect();
                for piece in chronicler_query::kept_stream(store, rows)? {
                    let piece = piece?;
                    let disputed = !chronicler_query::conflicts(&piece).is_empty();
                    for e in &piece.events {
                        f(e, disputed);
                    }
                }
            }
            Events::Whole {
                consolidated,
                disputed,
            } => {
                for &i in picked {
                    let e = &consolidated.events[i];
                    f(e, disputed.contains(&e.id));
                }
            }
        }
        Ok(())
    }

    /// The timeline of the events `picked` (in the events' order).
    pub fn timeline(
        &self,
        store: &Store,
        picked: &[usize],
    ) -> Result<Vec<chronicler_query::TimelineEntry>, ApiError> {
        Ok(match &self.events {
            Events::Kept(rows) => {
                let rows = picked.iter().map(|&i| rows[i].clone()).collect();
                chronicler_query::timeline_of(chronicler_query::kept_stream(store, rows)?)?
            }
            Events::Whole { consolidated, .. } => {
                let events: Vec<MergedEvent> = picked
                    .iter()
                    .map(|&i| consolidated.events[i].clone())
                    .collect();
                chronicler_query::timeline(&events)
            }
        })
    }

    /// The events `picked`, as the API shows them.
    pub fn api_events(&self, store: &Store, picked: &[usize]) -> Result<Vec<ApiEvent>, ApiError> {
        let mut out = Vec::with_capacity(picked.len());
        self.each(store, picked, |e, disputed| {
            let mut a = ApiEvent::new(e);
            a.disputed = disputed;
            out.push(a);
        })?;
        Ok(out)
    }
}

/// The sort key of a merged event: the day it is placed at (its first
/// day, else its last, else the first publication day among its reports),
/// then its id. The same as a kept row's (see `EventsView::new`).
pub(crate) fn sort_key(e: &MergedEvent) -> (String, String) {
    let ev = &e.event;
    let day = ev.date.start.or(ev.date.end).or_else(|| {
        e.mentions
            .iter()
            .filter_map(|m| m.published.as_deref()?.get(..10)?.parse::<Date>().ok())
            .min()
    });
    (day.map(|d| d.to_string()).unwrap_or_default(), e.id.clone())
}

/// Answers already given for the current set of merged events, by query
/// string: a busy page or script asking the same thing again gets the same
/// bytes. Emptied when the set changes; bounded in bytes.
#[derive(Debug, Default)]
struct Answers {
    key: i64,
    bytes: usize,
    by_query: HashMap<String, Bytes>,
}

/// Most bytes of answers kept.
const ANSWERS_BYTES: usize = 32 << 20;

pub(crate) struct Inner {
    pub db: PathBuf,
    pub writer: Option<Mutex<Writer>>,
    pub token: Option<String>,
    pub max_body: usize,
    pub openapi: String,
    /// The brief's demand, refusal and red-line words and issues: the
    /// built-in ones plus the `stances*.txt` of `serve --dict`.
    pub stances: Arc<chronicler_dict::stances::StanceDict>,
    pool: Mutex<Vec<Store>>,
    cache: Mutex<Option<Arc<EventsView>>>,
    rebuilding: AtomicBool,
    answers: Mutex<Answers>,
}

/// Shows no token.
impl std::fmt::Debug for Inner {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Inner")
            .field("db", &self.db)
            .field("writer", &self.writer)
            .field("token", &self.token.as_ref().map(|_| "<hidden>"))
            .field("max_body", &self.max_body)
            .finish_non_exhaustive()
    }
}

impl Inner {
    /// A read-only connection: an idle one, else a new one.
    fn take_reader(&self) -> Result<Store, ApiError> {
        if let Some(s) = self.pool.lock().ok().and_then(|mut p| p.pop()) {
            return Ok(s);
        }
        Ok(Store::open_read_only(&self.db)?)
    }

    fn put_back(&self, store: Store) {
        if let Ok(mut p) = self.pool.lock() {
            if p.len() < POOL_SIZE {
                p.push(store);
            }
        }
    }
}

/// Cheap to clone: handlers get a copy each.
#[derive(Debug, Clone)]
pub(crate) struct AppState(pub Arc<Inner>);

impl AppState {
    pub fn new(
        db: PathBuf,
        writer: Option<Writer>,
        token: Option<String>,
        max_body: usize,
        openapi: String,
        stances: Arc<chronicler_dict::stances::StanceDict>,
    ) -> AppState {
        AppState(Arc::new(Inner {
            db,
            writer: writer.map(Mutex::new),
            token,
            max_body,
            openapi,
            stances,
            pool: Mutex::new(Vec::new()),
            cache: Mutex::new(None),
            rebuilding: AtomicBool::new(false),
            answers: Mutex::new(Answers::default()),
        }))
    }

    /// Runs `f` on a read-only connection, off the async threads.
    pub async fn read<T, F>(&self, f: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&Reader<'_>) -> Result<T, ApiError> + Send + 'static,
    {
        let inner = Arc::clone(&self.0);
        tokio::task::spawn_blocking(move || {
            let store = inner.take_reader()?;
            let out = f(&Reader {
                store: &store,
                inner: &inner,
            });
            inner.put_back(store);
            out
        })
        .await
        .map_err(ApiError::internal)?
    }
}

/// A read-only view for one request.
pub(crate) struct Reader<'a> {
    pub store: &'a Store,
    inner: &'a Inner,
}

/// Clears the rebuilding flag when the rebuild ends, however it ends.
struct Rebuilding<'a>(&'a AtomicBool);

impl Drop for Rebuilding<'_> {
    fn drop(&mut self) {
        self.0.store(false, Ordering::Release);
    }
}

impl Reader<'_> {
    /// The answer given to `query` for the events of `view`, if any.
    pub fn answer(&self, view: &EventsView, query: &str) -> Option<Bytes> {
        let answers = self.inner.answers.lock().ok()?;
        (answers.key == view.key)
            .then(|| answers.by_query.get(query).cloned())
            .flatten()
    }

    /// Keeps `body` as the answer to `query` for the events of `view`.
    pub fn keep_answer(&self, view: &EventsView, query: &str, body: &Bytes) {
        let Ok(mut answers) = self.inner.answers.lock() else {
            return;
        };
        if answers.key != view.key {
            if answers.key > view.key {
                return; // an older set: not worth keeping
            }
            *answers = Answers {
                key: view.key,
                ..Answers::default()
            };
        }
        if answers.bytes + body.len() > ANSWERS_BYTES || answers.by_query.contains_key(query) {
            return;
        }
        answers.bytes += body.len();
        answers.by_query.insert(query.to_string(), body.clone());
    }

    /// The merged events: the cached set when nothing was stored since,
    /// else a fresh one (or, while another request rebuilds it, the
    /// previous set). From a store whose kept merged events are current,
    /// the set is their rows (each event merged when an answer shows it);
    /// while an ingest is under way (documents stored, the kept
    /// consolidation not yet brought up to date), the last such set
    /// answers until the ingest's update lands. Only a store never
    /// brought up to date has every event merged into memory.
    pub fn events(&self) -> Result<Arc<EventsView>, ApiError> {
        let _snapshot = self.store.read_snapshot()?;
        let key = self.store.last_document_key()?;
        let current = || -> Result<bool, ApiError> {
            Ok(self.store.consolidation_is_current()? && self.store.kept_events_current()?)
        };
        let cached = self.inner.cache.lock().ok().and_then(|c| c.clone());
        let _rebuilding = match &cached {
            Some(c) if c.key >= key && (c.is_kept() || !current()?) => return Ok(Arc::clone(c)),
            Some(c) if c.is_kept() && !current()? => return Ok(Arc::clone(c)),
            Some(c) => {
                // At most half of one thread's time goes to rebuilding while
                // documents keep arriving: after a rebuild that took T, the
                // set is kept for T more.
                if c.built.elapsed() < c.took || self.inner.rebuilding.swap(true, Ordering::AcqRel)
                {
                    return Ok(Arc::clone(c));
                }
                Some(Rebuilding(&self.inner.rebuilding))
            }
            // Nothing to answer from yet: every first reader builds.
            None => None,
        };
        let started = Instant::now();
        let mut view = match EventsView::kept(self.store, key)? {
            Some(v) => v,
            None => EventsView::whole(self.store, key)?,
        };
        view.took = started.elapsed();
        view.built = Instant::now();
        let view = Arc::new(view);
        if let Ok(mut cache) = self.inner.cache.lock() {
            let newer = |c: &Arc<EventsView>| {
                c.key < key || (c.key == key && !c.is_kept() && view.is_kept())
            };
            if cache.as_ref().is_none_or(newer) {
                *cache = Some(Arc::clone(&view));
            }
        }
        Ok(view)
    }

    /// The stories of `view` (from [`Reader::events`]), by first day then
    /// id: described once per view. Kept rows come with the kept stories
    /// as they stand (while an ingest waits for its update, those of
    /// before, as the rows are). Every event merged comes with stories
    /// grouped from them; while the store has moved past such a view (a
    /// document stored since), they are grouped for this answer only and
    /// not kept.
    pub fn stories(&self, view: &EventsView) -> Result<Arc<Vec<KeptStory>>, ApiError> {
        if let Some(s) = view.stories.get() {
            return Ok(Arc::clone(s));
        }
        let kept = |s: chronicler_query::Story| KeptStory {
            summary: ApiStory {
                id: s.id,
                title: s.title,
                start: s.start,
                end: s.end,
                num_documents: s.documents.len(),
                outlets: s.outlets,
                num_sources: s.num_sources,
                num_events: s.events.len(),
            },
            documents: s.documents,
            events: s.events,
        };
        let mut stories: Vec<KeptStory> = Vec::new();
        match &view.events {
            // One story at a time from the kept stories.
            Events::Kept(_) => chronicler_query::each_kept_story(self.store, |s| {
                stories.push(kept(s));
                Ok(())
            })?,
            Events::Whole { consolidated, .. } => {
                stories = chronicler_query::stories(self.store, consolidated)?
                    .into_iter()
                    .map(kept)
                    .collect();
            }
        }
        stories.sort_by(|a, b| {
            (&a.summary.start, &a.summary.id).cmp(&(&b.summary.start, &b.summary.id))
        });
        let stories = Arc::new(stories);
        if view.is_kept() || self.store.last_document_key()? == view.key {
            return Ok(Arc::clone(view.stories.get_or_init(|| stories)));
        }
        Ok(stories)
    }
}
