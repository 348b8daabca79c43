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

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Instant;

use axum::body::Bytes;
use chronicler_dict::Dictionaries;
use chronicler_store::Store;

use crate::dto::KeptStory;
use crate::error::ApiError;
use crate::view::Events;
pub(crate) use crate::view::{EventsView, Fields};

/// Idle read-only connections kept for reuse.
const POOL_SIZE: usize = 16;

/// The writer: the read-write store and the dictionaries the pipeline uses.
#[derive(Debug)]
pub(crate) struct Writer {
    pub store: Store,
    pub dicts: Dictionaries,
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
        let mut stories: Vec<KeptStory> = Vec::new();
        match &view.events {
            // Listed from the kept stories, each described when shown.
            Events::Kept(_) => match chronicler_query::kept_story_list(self.store)? {
                Some(list) => stories = list.into_iter().map(KeptStory::kept).collect(),
                None => chronicler_query::each_kept_story(self.store, |s| {
                    stories.push(KeptStory::described(s));
                    Ok(())
                })?,
            },
            Events::Whole { consolidated, .. } => {
                stories = chronicler_query::stories(self.store, consolidated)?
                    .into_iter()
                    .map(KeptStory::described)
                    .collect();
            }
        }
        stories.sort_by(|a, b| (&a.start, &a.id).cmp(&(&b.start, &b.id)));
        let stories = Arc::new(stories);
        if view.is_kept() || self.store.last_document_key()? == view.key {
            return Ok(Arc::clone(view.stories.get_or_init(|| stories)));
        }
        Ok(stories)
    }
}
