//! The server's shared state: where the store is, the one writer (when
//! ingest is allowed) and a cache of merged events.
//!
//! Readers open their own read-only connection per request (SQLite in WAL
//! mode lets them read while the writer writes); the writer is one
//! connection behind a mutex, so documents are written one at a time.

use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use chronicler_core::MergedEvent;
use chronicler_dict::Dictionaries;
use chronicler_store::Store;

use crate::error::ApiError;

/// The writer: the read-write store and the dictionaries the pipeline uses.
#[derive(Debug)]
pub(crate) struct Writer {
    pub store: Store,
    pub dicts: Dictionaries,
}

/// What the cache of merged events is valid for: counts that change with
/// every stored document (documents are only ever added).
type CacheKey = (usize, usize, usize);

pub(crate) struct Inner {
    pub db: PathBuf,
    pub writer: Option<Mutex<Writer>>,
    pub token: Option<String>,
    pub max_body: usize,
    pub openapi: String,
    cache: Mutex<Option<(CacheKey, Arc<Vec<MergedEvent>>)>>,
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
    ) -> AppState {
        AppState(Arc::new(Inner {
            db,
            writer: writer.map(Mutex::new),
            token,
            max_body,
            openapi,
            cache: Mutex::new(None),
        }))
    }

    /// Runs `f` on a fresh read-only connection, off the async threads.
    pub async fn read<T, F>(&self, f: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&Reader<'_>) -> Result<T, ApiError> + Send + 'static,
    {
        let inner = Arc::clone(&self.0);
        tokio::task::spawn_blocking(move || {
            let store = Store::open_read_only(&inner.db)?;
            f(&Reader {
                store: &store,
                inner: &inner,
            })
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

impl Reader<'_> {
    /// Every merged event, from the cache when nothing was stored since.
    pub fn events(&self) -> Result<Arc<Vec<MergedEvent>>, ApiError> {
        let s = self.store.stats()?;
        let key = (s.documents, s.sentences, s.coded_events);
        if let Ok(cache) = self.inner.cache.lock() {
            if let Some((k, events)) = cache.as_ref() {
                if *k == key {
                    return Ok(Arc::clone(events));
                }
            }
        }
        let events = Arc::new(chronicler_query::merged_events(self.store)?);
        if let Ok(mut cache) = self.inner.cache.lock() {
            *cache = Some((key, Arc::clone(&events)));
        }
        Ok(events)
    }
}
