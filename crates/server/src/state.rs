//! The server's shared state: where the store is, a pool of read-only
//! connections, the one writer (when ingest is allowed) and a cache of
//! merged events.
//!
//! Readers take a read-only connection from the pool (SQLite in WAL mode
//! lets them read while a writer writes; a connection holds no transaction
//! between requests, so each request sees the latest commit); the writer is
//! one connection behind a mutex, so documents are written one at a time.
//!
//! The merged events are rebuilt when a document was stored since (one
//! index lookup tells); while one request rebuilds them, the others answer
//! from the previous set, so a busy server under a running ingest does not
//! rebuild the same thing on every thread. The cache only ever moves
//! forward: no answer shows an older set than one given before.

use std::collections::HashMap;
use std::ops::Deref;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::{Duration, Instant};

use axum::body::Bytes;
use chronicler_core::MergedEvent;
use chronicler_dict::Dictionaries;
use chronicler_store::Store;

use crate::dto::{ApiStory, KeptStory};
use crate::error::ApiError;

/// Idle read-only connections kept for reuse.
const POOL_SIZE: usize = 16;

/// The writer: the read-write store and the dictionaries the pipeline uses.
#[derive(Debug)]
pub(crate) struct Writer {
    pub store: Store,
    pub dicts: Dictionaries,
}

/// The merged events of one state of the store, with their date order.
#[derive(Debug)]
pub(crate) struct EventsView {
    /// [`Store::last_document_key`] when they were read.
    key: i64,
    /// The consolidation (without the members of each event, which only
    /// the disputed set needs): the events, and what stories are grouped by.
    consolidated: chronicler_query::Consolidated,
    /// The stories of this state, by first day then id: built on first
    /// ask from the consolidation above, not per request.
    stories: OnceLock<Arc<Vec<KeptStory>>>,
    /// The sort key of each event (day placed at, id).
    pub keys: Vec<(String, String)>,
    /// Indices into the events, by sort key.
    pub by_date: Vec<usize>,
    /// Ids of the events whose reports disagree (`disputed` in exports).
    pub disputed: std::collections::BTreeSet<String>,
    /// When it was built, and how long that took.
    built: Instant,
    took: Duration,
}

impl EventsView {
    fn new(key: i64, mut c: chronicler_query::Consolidated) -> EventsView {
        let disputed = chronicler_query::conflicts(&c)
            .into_iter()
            .map(|x| x.id)
            .collect();
        c.members = Vec::new();
        let keys: Vec<(String, String)> = c.events.iter().map(crate::api::sort_key).collect();
        let mut by_date: Vec<usize> = (0..c.events.len()).collect();
        by_date.sort_by(|&a, &b| keys[a].cmp(&keys[b]));
        EventsView {
            key,
            consolidated: c,
            stories: OnceLock::new(),
            keys,
            by_date,
            disputed,
            built: Instant::now(),
            took: Duration::ZERO,
        }
    }
}

impl Deref for EventsView {
    type Target = Vec<MergedEvent>;
    fn deref(&self) -> &Vec<MergedEvent> {
        &self.consolidated.events
    }
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

    /// Every merged event: the cached set when nothing was stored since,
    /// else a fresh one (or, while another request rebuilds it, the
    /// previous set).
    pub fn events(&self) -> Result<Arc<EventsView>, ApiError> {
        let key = self.store.last_document_key()?;
        let cached = self.inner.cache.lock().ok().and_then(|c| c.clone());
        let _rebuilding = match &cached {
            Some(c) if c.key >= key => return Ok(Arc::clone(c)),
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
        let mut view = EventsView::new(key, chronicler_query::consolidated(self.store)?);
        view.took = started.elapsed();
        view.built = Instant::now();
        let view = Arc::new(view);
        if let Ok(mut cache) = self.inner.cache.lock() {
            if cache.as_ref().is_none_or(|c| c.key < key) {
                *cache = Some(Arc::clone(&view));
            }
        }
        Ok(view)
    }

    /// The stories of `view` (from [`Reader::events`]), by first day then
    /// id: grouped once per set of merged events. While the store has moved
    /// past `view` (a document stored since), they are grouped for this
    /// answer only and not kept.
    pub fn stories(&self, view: &EventsView) -> Result<Arc<Vec<KeptStory>>, ApiError> {
        if let Some(s) = view.stories.get() {
            return Ok(Arc::clone(s));
        }
        let mut stories: Vec<KeptStory> =
            chronicler_query::stories(self.store, &view.consolidated)?
                .into_iter()
                .map(|s| KeptStory {
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
                })
                .collect();
        stories.sort_by(|a, b| {
            (&a.summary.start, &a.summary.id).cmp(&(&b.summary.start, &b.summary.id))
        });
        let stories = Arc::new(stories);
        if self.store.last_document_key()? == view.key {
            return Ok(Arc::clone(view.stories.get_or_init(|| stories)));
        }
        Ok(stories)
    }
}
