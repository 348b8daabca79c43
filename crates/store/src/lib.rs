//! # chronicler-store
//!
//! The embedded store: one SQLite file (WAL mode) holding documents (raw
//! and clean text, metadata, content hash), sentences, actor/place/date
//! mentions and coded events with their evidence spans. This is the only
//! crate that knows SQL.
//!
//! Brief overview: [`Store::open`] creates or migrates a store;
//! [`Store::write_document`] writes one analyzed document and its events in
//! one transaction (all or nothing, so a kill mid-ingest leaves the store
//! consistent); the query methods read it back as plain structs.
//!
//! The schema is versioned with `PRAGMA user_version`: numbered migrations
//! (`src/migrations/NNNN_name.sql`) are applied in order, one transaction
//! each. A store written by a newer chronicler is refused
//! ([`StoreError::TooNew`]).
#![deny(missing_docs)]

mod actors;
mod bands;
mod check;
mod codec;
mod consolidation;
mod kept_events;
mod read;
mod schema;
mod search;
mod watch;
mod write;

use std::path::{Path, PathBuf};
use std::time::Duration;

use chronicler_core::{AnalyzedDocument, CodedEvent};
use rusqlite::{Connection, OpenFlags};

pub use actors::{ActorCount, NameContext, UnresolvedCount};
pub use codec::content_hash;
pub use consolidation::{
    BlockMember, Candidate, ClusterLevel, DocCluster, DocFacts, DocNode, EventGroup,
    EventGroupWrite, EventIdRecord, EventKey, GroupMember, GroupedEvent, KeptEvent, LinkQuery,
    LinkedDoc, SignatureWrite, StoryHead, StoryMember,
};
pub use kept_events::KeptEventRow;
pub use schema::SCHEMA_VERSION;
pub use watch::{FeedState, RetryItem};
pub use write::{Batch, TEXT_INDEX_EVERY};

/// A store error.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// SQLite reported an error.
    #[error("database error: {0}")]
    Sqlite(String),
    /// The store was written by a newer chronicler.
    #[error("store schema version {found} is newer than this chronicler supports ({supported})")]
    TooNew {
        /// Version found.
        found: i64,
        /// Newest version supported.
        supported: i64,
    },
    /// SQLite reported an error while doing something.
    #[error("{context}: {source}")]
    Db {
        /// What was being done ("writing document x: inserting events").
        context: String,
        /// The SQLite error.
        #[source]
        source: rusqlite::Error,
    },
    /// The store file could not be opened or created.
    #[error("cannot open store {}: {source}", path.display())]
    Open {
        /// The store path.
        path: PathBuf,
        /// The SQLite error.
        #[source]
        source: rusqlite::Error,
    },
    /// A read-only open found no store at the path.
    #[error("no store at {}: run `chronicler ingest` first", path.display())]
    NotFound {
        /// The path looked at.
        path: PathBuf,
    },
    /// A read-only open found a store that needs migrating first.
    #[error(
        "store {} has schema version {found}, this chronicler needs {supported}: open it for writing once to migrate it",
        path.display()
    )]
    NeedsMigration {
        /// The store path.
        path: PathBuf,
        /// Version found.
        found: i64,
        /// Version needed.
        supported: i64,
    },
    /// A JSON column could not be written or read.
    #[error("{context}: {source}")]
    Json {
        /// What was being done.
        context: String,
        /// The serde_json error.
        #[source]
        source: serde_json::Error,
    },
    /// A stored value does not parse (the file was edited by hand or is
    /// damaged).
    #[error("corrupt store: {0}")]
    Corrupt(String),
}

/// Attaches what was being done to SQLite errors.
pub(crate) trait Context<T> {
    /// Wraps the error with `what`.
    fn ctx(self, what: &str) -> Result<T, StoreError>;
    /// Wraps the error with a lazily built context.
    fn with_ctx<F: FnOnce() -> String>(self, what: F) -> Result<T, StoreError>;
}

impl<T> Context<T> for Result<T, rusqlite::Error> {
    fn ctx(self, what: &str) -> Result<T, StoreError> {
        self.map_err(|source| StoreError::Db {
            context: what.to_string(),
            source,
        })
    }

    fn with_ctx<F: FnOnce() -> String>(self, what: F) -> Result<T, StoreError> {
        self.map_err(|source| StoreError::Db {
            context: what(),
            source,
        })
    }
}

/// What writing a document did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WriteOutcome {
    /// Stored.
    Inserted,
    /// Already in the store (same id, same URL or same content): nothing
    /// written. Holds the id of the document already stored.
    Duplicate(String),
}

/// A document as listed by queries.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct DocumentRow {
    /// Document id.
    pub id: String,
    /// Input path.
    pub path: String,
    /// Input format ("text", "html", "jsonl", "feed").
    pub format: String,
    /// URL.
    pub url: Option<String>,
    /// Title.
    pub title: Option<String>,
    /// Outlet.
    pub outlet: Option<String>,
    /// Publication date (ISO day).
    pub published: String,
    /// Where the date came from ("metadata", "url", "capture", "inferred", "ingest_time").
    pub published_source: String,
    /// Number of sentences.
    pub sentences: usize,
    /// Number of coded events.
    pub events: usize,
    /// Outlets cited in a trailing "Sources" list.
    pub cited_sources: Vec<String>,
}

/// The document a coded event was read back from, as the event's
/// mentions name it (the rest of its row is [`DocumentRow`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventDoc {
    /// Document id.
    pub id: String,
    /// Input path.
    pub path: String,
    /// URL.
    pub url: Option<String>,
    /// Outlet.
    pub outlet: Option<String>,
    /// Publication date (ISO day).
    pub published: String,
}

/// A read snapshot of the store ([`Store::read_snapshot`]), ended when
/// dropped.
#[derive(Debug)]
pub struct ReadSnapshot<'s>(Option<&'s rusqlite::Connection>);

impl<'s> ReadSnapshot<'s> {
    /// Begins one on `conn`, or nothing when a transaction is already open
    /// there (its snapshot holds): read-only work that wants one snapshot
    /// calls this, and nests inside a caller's.
    pub(crate) fn begin(conn: &'s rusqlite::Connection) -> Result<Self, StoreError> {
        if !conn.is_autocommit() {
            return Ok(ReadSnapshot(None));
        }
        conn.execute_batch("BEGIN DEFERRED")
            .ctx("starting a read snapshot")?;
        Ok(ReadSnapshot(Some(conn)))
    }
}

impl Drop for ReadSnapshot<'_> {
    fn drop(&mut self) {
        if let Some(conn) = self.0 {
            // A read transaction: ending it cannot lose anything, and a
            // failed end is rolled back so the connection is usable again.
            if conn.execute_batch("COMMIT").is_err() {
                let _ = conn.execute_batch("ROLLBACK");
            }
        }
    }
}

/// A coded event read back with its document.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredEvent {
    /// The document it was coded from.
    pub doc: EventDoc,
    /// The event.
    pub event: CodedEvent,
    /// Its sentence.
    pub sentence: String,
    /// Character offset of the sentence in the clean text.
    pub start: usize,
    /// Character offset one past the sentence.
    pub end: usize,
}

/// A consolidation update being kept (see [`Store::begin_consolidation`]).
pub struct ConsolidationTx<'a> {
    tx: rusqlite::Transaction<'a>,
}

impl ConsolidationTx<'_> {
    /// Gives each event of `groups` that block and group (an event's
    /// block never changes, so rows not written stay right).
    pub fn write_groups(&self, groups: &[EventGroupWrite]) -> Result<(), StoreError> {
        consolidation::write_groups(&self.tx, groups)
    }

    /// Gives each document of `stories` (document id, story id) that story.
    pub fn write_stories(&self, stories: &[(String, String)]) -> Result<(), StoreError> {
        consolidation::write_stories(&self.tx, stories)
    }

    /// Gives each document of `stories` (document key, story id) that
    /// story: in key order, the rows are appended in place.
    pub fn write_stories_by_key(&self, stories: &[(i64, String)]) -> Result<(), StoreError> {
        consolidation::write_stories_by_key(&self.tx, stories)
    }

    /// [`Store::record_event_ids`] within the update; how many were new.
    pub fn record_event_ids(&self, ids: &[EventIdRecord]) -> Result<usize, StoreError> {
        consolidation::insert_event_ids(&self.tx, ids)
    }

    /// True when the kept merged events ([`KeptEventRow`]) are those of
    /// the kept grouping as it stands in this transaction.
    pub fn kept_events_current(&self) -> Result<bool, StoreError> {
        kept_events::current(&self.tx)
    }

    /// Deletes the kept merged events of `blocks` (all of them when
    /// `None`), to write them again.
    pub fn delete_kept_events(&self, blocks: Option<&[String]>) -> Result<(), StoreError> {
        kept_events::delete(&self.tx, blocks)
    }

    /// Deletes the kept merged events of `groups` (block, group label),
    /// those whose members changed.
    pub fn delete_kept_groups(&self, groups: &[(String, String)]) -> Result<(), StoreError> {
        kept_events::delete_groups(&self.tx, groups)
    }

    /// Writes `rows` (each replacing its group's row).
    pub fn insert_kept_events(&self, rows: &[KeptEventRow]) -> Result<(), StoreError> {
        kept_events::insert(&self.tx, rows)
    }

    /// Marks the kept merged events as the kept grouping's: the caller has
    /// written the row of every group of every block whose groups changed
    /// since they were last current (or of every block).
    pub fn mark_kept_events_current(&self) -> Result<(), StoreError> {
        kept_events::mark_current(&self.tx)
    }

    /// Makes everything written since [`Store::begin_consolidation`] durable, at once.
    pub fn commit(self) -> Result<(), StoreError> {
        self.tx.commit().ctx("keeping the consolidation")
    }
}

/// Counts over the whole store.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize)]
pub struct Stats {
    /// Documents.
    pub documents: usize,
    /// Sentences.
    pub sentences: usize,
    /// Actor mentions.
    pub actor_mentions: usize,
    /// Coded events (before merging).
    pub coded_events: usize,
    /// Distinct outlets.
    pub outlets: usize,
    /// Oldest and newest publication dates.
    pub first_published: Option<String>,
    /// Newest publication date.
    pub last_published: Option<String>,
    /// Schema version.
    pub schema_version: i64,
    /// Documents stored but not yet in the full-text index: an ingest is
    /// running, or one was stopped before its end (the next opening of the
    /// store for writing, such as `chronicler ingest`, indexes them).
    pub waiting_for_search: usize,
}

pub use search::SentenceSearchHit;

/// One full-text search hit.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct SearchHit {
    /// Document id.
    pub id: String,
    /// Title, if any.
    pub title: Option<String>,
    /// BM25 rank (lower is better).
    pub rank: f64,
}

/// An open store.
#[derive(Debug)]
pub struct Store {
    conn: Connection,
    path: PathBuf,
    read_only: bool,
    /// Documents a batch commit leaves waiting for the full-text index
    /// (see [`Batch::commit`]).
    text_index_every: usize,
    /// Every band row of the store in memory, while this connection alone
    /// writes them in batches (see `bands::BandMirror`).
    bands: Option<bands::BandMirror>,
    /// Band rows the mirror may hold (see [`Store::set_band_rows_limit`]).
    band_rows_limit: usize,
}

const BUSY_TIMEOUT: Duration = Duration::from_millis(5000);

/// Page cache of a writing connection, in KiB (SQLite's default is 2 MB):
/// an ingest reads back the B-tree and full-text pages it keeps updating,
/// and with the default cache it re-read them from the file (5 % of the
/// writer's time) and spilled dirty pages mid-transaction.
const WRITE_CACHE_KIB: i64 = 64 * 1024;

/// Bytes of the store file a connection reads through a memory map
/// (`PRAGMA mmap_size`; SQLite's default is none): pages not in the page
/// cache are then read where the kernel's file cache holds them, not
/// copied in by one `pread` each. In a store much larger than the page
/// cache, each new document's near-duplicate lookup reads a few hundred
/// scattered pages (band rows, candidates' signatures and clusters):
/// 20,000 articles of one day into a store of 1.2 million took 53.3 s of
/// CPU (22.8 s of it in the kernel) reading them, 41.2 s (6.6) mapped
/// (BENCHMARKS.md, twenty-seventh sitting). Writes still go through the
/// page cache and the WAL, so what a crash keeps is unchanged.
///
/// The mapped pages are the kernel's file cache, shared and dropped under
/// memory pressure like any cached file, but they count in the process's
/// resident size: the private memory of a run stays bounded (see README),
/// its resident size grows with the part of the store it reads. SQLite
/// caps the map at its compile-time `SQLITE_MAX_MMAP_SIZE` (2 GB unless
/// built otherwise; `.cargo/config.toml` raises it to this size).
const STORE_MMAP_BYTES: i64 = 1 << 40;

/// Reads `conn`'s store through a memory map (see [`STORE_MMAP_BYTES`]).
fn map_store(conn: &Connection) -> Result<(), StoreError> {
    conn.pragma_update(None, "mmap_size", STORE_MMAP_BYTES)
        .ctx("mapping the store into memory")
}

/// Prepared statements kept per connection: a document's write alone runs
/// about 20 distinct statements, more than rusqlite's default of 16, so
/// they were evicted and compiled again for every document (4 % of the
/// writer's time).
const STATEMENT_CACHE: usize = 64;

/// WAL pages written before a checkpoint copies them into the database
/// (SQLite's default is 1,000, 4 MB): the pages a batch rewrites (B-tree
/// interiors, full-text structure) are copied once per checkpoint instead
/// of after every few batches. What a crash keeps is unchanged: a
/// checkpoint only moves committed pages.
const WAL_CHECKPOINT_PAGES: i64 = 8192;

/// Page size of a new store (SQLite's default is 4,096): an article's clean
/// text (4.5 KB on average) fits in one page instead of spilling into an
/// overflow page, and the B-trees are shallower: the writer's CPU -10 to
/// -15 % in three of four paired runs on 10,000 articles (+3 % in the
/// fourth; BENCHMARKS.md), the file +3 %. A store created with another
/// size keeps it (a WAL store cannot change it).
const NEW_STORE_PAGE_SIZE: i64 = 8192;

/// Settings of a connection that writes (memory and plans only: none
/// changes what is stored or what a crash keeps).
///
/// The query planner's stability guarantee (QPSG) keeps each cached
/// statement's plan: without it SQLite let the values bound to some
/// statements on `documents` shape their plans and compiled them again
/// (`sqlite3Reprepare`) when new values were bound, once per document for
/// the duplicate and cluster lookups: 7 % of the writer's CPU (perf, 2,000
/// articles). The plans keep the same indexes (`EXPLAIN QUERY PLAN`).
fn tune_for_writing(conn: &Connection) -> Result<(), StoreError> {
    conn.set_prepared_statement_cache_capacity(STATEMENT_CACHE);
    conn.set_db_config(
        rusqlite::config::DbConfig::SQLITE_DBCONFIG_ENABLE_QPSG,
        true,
    )
    .ctx("keeping query plans")?;
    conn.pragma_update(None, "cache_size", -WRITE_CACHE_KIB)
        .ctx("setting the page cache size")?;
    map_store(conn)?;
    conn.pragma_update(None, "wal_autocheckpoint", WAL_CHECKPOINT_PAGES)
        .ctx("setting the WAL checkpoint interval")
}

impl Store {
    /// Opens (creating and migrating if needed) the store at `path`.
    ///
    /// The file is created when missing, but not its parent directory.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(path, flags).map_err(|source| StoreError::Open {
            path: path.to_path_buf(),
            source,
        })?;
        conn.busy_timeout(BUSY_TIMEOUT)
            .ctx("setting the busy timeout")?;
        // Before WAL mode, which writes the file's first page: a no-op on
        // a store that exists.
        conn.pragma_update(None, "page_size", NEW_STORE_PAGE_SIZE)
            .ctx("setting the page size")?;
        conn.pragma_update(None, "journal_mode", "WAL")
            .with_ctx(|| format!("switching {} to WAL mode", path.display()))?;
        conn.pragma_update(None, "synchronous", "NORMAL")
            .ctx("setting synchronous=NORMAL")?;
        conn.pragma_update(None, "foreign_keys", "ON")
            .ctx("enabling foreign keys")?;
        tune_for_writing(&conn)?;
        let mut store = Store {
            conn,
            path: path.to_path_buf(),
            read_only: false,
            text_index_every: write::TEXT_INDEX_EVERY,
            bands: None,
            band_rows_limit: bands::MAX_ROWS,
        };
        schema::migrate(&mut store.conn)?;
        // What a run killed before its end left waiting.
        store.flush_waiting()?;
        Ok(store)
    }

    /// Opens an existing store for queries only. Fails with
    /// [`StoreError::NotFound`] when there is no file at `path`, and with
    /// [`StoreError::NeedsMigration`] when its schema is older than this
    /// chronicler's.
    pub fn open_read_only(path: &Path) -> Result<Store, StoreError> {
        if !path.is_file() {
            return Err(StoreError::NotFound {
                path: path.to_path_buf(),
            });
        }
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(path, flags).map_err(|source| StoreError::Open {
            path: path.to_path_buf(),
            source,
        })?;
        conn.busy_timeout(BUSY_TIMEOUT)
            .ctx("setting the busy timeout")?;
        // As for writing (see `tune_for_writing`): the streamed reads run
        // one statement per story or event, which SQLite would otherwise
        // compile again at each new bound value (30 % of `stories`' CPU).
        conn.set_db_config(
            rusqlite::config::DbConfig::SQLITE_DBCONFIG_ENABLE_QPSG,
            true,
        )
        .ctx("keeping query plans")?;
        map_store(&conn)?;
        let found = schema::user_version(&conn)?;
        if found > SCHEMA_VERSION {
            return Err(StoreError::TooNew {
                found,
                supported: SCHEMA_VERSION,
            });
        }
        if found < SCHEMA_VERSION {
            return Err(StoreError::NeedsMigration {
                path: path.to_path_buf(),
                found,
                supported: SCHEMA_VERSION,
            });
        }
        Ok(Store {
            conn,
            path: path.to_path_buf(),
            read_only: true,
            text_index_every: write::TEXT_INDEX_EVERY,
            bands: None,
            band_rows_limit: bands::MAX_ROWS,
        })
    }

    /// The path the store was opened from.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Indexes for full-text search the documents that batches of writes
    /// left waiting (see [`Batch::commit`]); how many. [`Store::flush_waiting`]
    /// does it with the band rows held back, at the end of an ingest and
    /// on opening a store for writing.
    pub fn flush_text_index(&mut self) -> Result<usize, StoreError> {
        // Without the write lock when none wait (opening a store another
        // process is writing).
        let waiting: bool = self
            .conn
            .query_row(
                "SELECT EXISTS (SELECT 1 FROM text_index_pending)",
                [],
                |r| r.get(0),
            )
            .ctx("looking for documents waiting for the full-text index")?;
        if !waiting {
            return Ok(0);
        }
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
            .ctx("indexing the documents waiting for the full-text index")?;
        let n = write::index_pending(&tx)?;
        tx.commit()
            .ctx("committing the full-text index of waiting documents")?;
        Ok(n)
    }

    /// Writes what batches of writes left waiting: the full-text index of
    /// their documents ([`Store::flush_text_index`]) and the band rows held
    /// back from `doc_bands` while this connection kept them in memory
    /// (`doc_bands_pending`, migration 0020), in one transaction. An ingest
    /// calls it at its end; opening a store for writing calls it too, for
    /// what a run killed before its end left.
    pub fn flush_waiting(&mut self) -> Result<(), StoreError> {
        let what = "writing what batches left waiting";
        let waiting: bool = self
            .conn
            .query_row(
                "SELECT EXISTS (SELECT 1 FROM text_index_pending)
                     OR EXISTS (SELECT 1 FROM doc_bands_pending)",
                [],
                |r| r.get(0),
            )
            .ctx(what)?;
        if !waiting {
            return Ok(());
        }
        let changes = self.conn.total_changes();
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
            .ctx(what)?;
        // The band rows first: FTS5 writes what it holds to disk at the
        // next statement's savepoint, and the index's rows go last, as in
        // a document's write.
        consolidation::flush_band_rows(&tx, &mut Vec::new())?;
        write::index_pending(&tx)?;
        tx.commit().ctx(what)?;
        // Rows moved from one table to another: a mirror that was current
        // holds them still (another writer shows in `data_version`); one
        // this connection made stale by writing outside batches stays so.
        if let Some(m) = self.bands.as_mut().filter(|m| m.total_changes == changes) {
            m.total_changes = self.conn.total_changes();
        }
        Ok(())
    }

    /// Band rows held back by a run that kept them in memory, written into
    /// `doc_bands` before a lookup through SQL outside batches (one
    /// transaction; nothing when none wait or the store is read-only).
    fn flush_band_rows_for_lookup(&self) -> Result<(), StoreError> {
        let what = "writing held-back band rows before a lookup";
        if self.read_only {
            return Ok(());
        }
        let waiting: bool = self
            .conn
            .query_row("SELECT EXISTS (SELECT 1 FROM doc_bands_pending)", [], |r| {
                r.get(0)
            })
            .ctx(what)?;
        if waiting {
            let tx = rusqlite::Transaction::new_unchecked(
                &self.conn,
                rusqlite::TransactionBehavior::Immediate,
            )
            .ctx(what)?;
            consolidation::flush_band_rows(&tx, &mut Vec::new())?;
            tx.commit().ctx(what)?;
        }
        Ok(())
    }

    /// Sets how many documents batch commits leave waiting for the
    /// full-text index before one indexes them all (at least 1; default
    /// [`TEXT_INDEX_EVERY`]): fewer make documents searchable sooner during
    /// a long ingest, at the cost of more index segments.
    pub fn set_text_index_every(&mut self, docs: usize) {
        self.text_index_every = docs.max(1);
    }

    /// True when opened with [`Store::open_read_only`].
    pub fn is_read_only(&self) -> bool {
        self.read_only
    }

    /// The schema version of the open store.
    pub fn schema_version(&self) -> Result<i64, StoreError> {
        schema::user_version(&self.conn)
    }

    /// Writes one document and its events in one transaction, unless a
    /// document with the same id, URL or content is already stored.
    ///
    /// Any failure (read-only file, full disk, constraint) rolls the whole
    /// document back and is returned as an error.
    pub fn write_document(
        &mut self,
        doc: &AnalyzedDocument,
        events: &[CodedEvent],
    ) -> Result<WriteOutcome, StoreError> {
        write::write_document(&mut self.conn, doc, events, None)
    }

    /// [`Store::write_document`], also storing the document's MinHash
    /// signature, LSH bands and near-duplicate links in the same
    /// transaction.
    pub fn write_document_signed(
        &mut self,
        doc: &AnalyzedDocument,
        events: &[CodedEvent],
        signature: &SignatureWrite,
    ) -> Result<WriteOutcome, StoreError> {
        write::write_document(&mut self.conn, doc, events, Some(signature))
    }

    /// Stored documents sharing at least one LSH band key with `bands`,
    /// with their signatures, by id.
    pub fn band_candidates(&self, bands: &[u64]) -> Result<Vec<Candidate>, StoreError> {
        self.flush_band_rows_for_lookup()?;
        consolidation::band_candidates(&self.conn, bands)
    }

    /// The stored documents sharing an LSH band with `bands` whose link can
    /// change a new document's clusters, with their similarity: every one
    /// published within the related-text window, and outside it one
    /// near duplicate per near-duplicate cluster (see
    /// `consolidation::linked_candidates`).
    pub fn linked_candidates(
        &self,
        bands: &[u64],
        q: LinkQuery<'_>,
        similarity: impl FnMut(&[u8]) -> Option<f64>,
    ) -> Result<Vec<LinkedDoc>, StoreError> {
        self.flush_band_rows_for_lookup()?;
        consolidation::linked_candidates(&self.conn, None, || Ok(()), bands, q, similarity)
    }

    /// How many band rows this connection keeps in memory for the
    /// near-duplicate lookup of its batches when they are all the store's;
    /// `None` when the lookup reads them through SQL, or the older ones
    /// (see `bands::BandMirror`). A diagnostic: results are the same
    /// either way.
    pub fn band_rows_in_memory(&self) -> Option<usize> {
        self.bands
            .as_ref()
            .filter(|m| m.complete)
            .map(bands::BandMirror::len)
    }

    /// Caps the band rows kept in memory for the near-duplicate lookup
    /// (2^21, some 40 MB, unless set): past it the lookup reads them
    /// through SQL for the rest of the run. For mirrors made from the next
    /// batch on.
    pub fn set_band_rows_limit(&mut self, rows: usize) {
        self.band_rows_limit = rows;
    }

    /// The documents that have near duplicates or related text, with
    /// their clusters (see [`DocCluster`]), by id: one row per document,
    /// however many pairs a cluster holds.
    pub fn doc_clusters(&self) -> Result<Vec<DocCluster>, StoreError> {
        consolidation::doc_clusters(&self.conn)
    }

    /// Documents stored without a signature (written before schema 2, or
    /// by [`Store::write_document`]): (id, clean text), in storage order.
    pub fn unsigned_documents(&self) -> Result<Vec<(String, String)>, StoreError> {
        consolidation::unsigned_documents(&self.conn)
    }

    /// Stores the signature of an already stored document (one
    /// transaction); nothing when no document has this id.
    pub fn add_signature(
        &mut self,
        id: &str,
        signature: &SignatureWrite,
    ) -> Result<(), StoreError> {
        consolidation::add_signature(&mut self.conn, id, signature)
    }

    /// Ingest time, length and title of every document, by id.
    pub fn doc_facts(&self) -> Result<Vec<DocFacts>, StoreError> {
        consolidation::doc_facts(&self.conn)
    }

    /// Records merged-event ids not seen before; returns how many were new.
    pub fn record_event_ids(&mut self, ids: &[EventIdRecord]) -> Result<usize, StoreError> {
        consolidation::record_event_ids(&mut self.conn, ids)
    }

    /// The mention an issued event id was anchored on, if it was recorded.
    pub fn event_id(&self, id: &str) -> Result<Option<EventIdRecord>, StoreError> {
        consolidation::event_id(&self.conn, id)
    }

    /// Reads of the store in one snapshot while the returned guard lives:
    /// what another process commits meanwhile is not seen, and the WAL is
    /// locked once rather than once a statement (a streamed export or
    /// story list makes a statement per merged event or story). Nothing
    /// when a transaction is already open on this connection (its
    /// snapshot holds). Writes need `&mut self`, so none can happen while
    /// the guard borrows the store.
    pub fn read_snapshot(&self) -> Result<ReadSnapshot<'_>, StoreError> {
        ReadSnapshot::begin(&self.conn)
    }

    /// What consolidation starts from, read in one snapshot: every coded
    /// event ([`Store::coded_events`] order), where each stands in the kept
    /// grouping (same order, same length), and the kept story of each
    /// document (document id, story id).
    #[allow(clippy::type_complexity)]
    pub fn consolidation_input(
        &self,
    ) -> Result<(Vec<StoredEvent>, Vec<EventGroup>, Vec<(String, String)>), StoreError> {
        let _snapshot = self.read_snapshot()?;
        let events = read::coded_events(&self.conn)?;
        let groups = consolidation::event_groups(&self.conn)?;
        let stories = consolidation::doc_stories(&self.conn)?;
        Ok((events, groups, stories))
    }

    /// Coded events not yet in the kept grouping (stored since the last
    /// consolidation update), by document id.
    pub fn ungrouped_events(&self) -> Result<Vec<GroupedEvent>, StoreError> {
        consolidation::ungrouped_events(&self.conn)
    }

    /// The keys of [`Store::ungrouped_events`], sorted: (document key,
    /// ordinal), 16 bytes an event, to read them a part at a time with
    /// [`Store::members_at`].
    pub fn ungrouped_event_keys(&self) -> Result<Vec<EventKey>, StoreError> {
        consolidation::ungrouped_keys(&self.conn)
    }

    /// The coded events at `keys` (document key, ordinal) without their
    /// documents (no text read, what an event's block needs): (key,
    /// event), in `keys` order.
    pub fn codes_at(&self, keys: &[EventKey]) -> Result<Vec<(EventKey, CodedEvent)>, StoreError> {
        consolidation::codes_at(&self.conn, keys)
    }

    /// Begins keeping a consolidation update in one transaction, taking
    /// the write lock now: the reads made through the store meanwhile
    /// see one snapshot and what the update wrote, and nothing is seen by
    /// another connection, or survives a crash, before
    /// [`ConsolidationTx::commit`] (dropped uncommitted, it is rolled
    /// back). Reads that open their own transaction
    /// ([`Store::unstoried_documents`], [`Store::consolidation_input`])
    /// fail while it is open: make them first.
    pub fn begin_consolidation(&self) -> Result<ConsolidationTx<'_>, StoreError> {
        let tx = rusqlite::Transaction::new_unchecked(
            &self.conn,
            rusqlite::TransactionBehavior::Immediate,
        )
        .ctx("beginning to keep the consolidation")?;
        Ok(ConsolidationTx { tx })
    }

    /// The coded events of `blocks` with their kept labels, as regrouping
    /// them needs (their documents' ids and days, no text): what
    /// [`Store::ungrouped_events`] reads of an event, without the text. In
    /// no set order.
    pub fn block_members(&self, blocks: &[String]) -> Result<Vec<BlockMember>, StoreError> {
        consolidation::block_members(&self.conn, Some(blocks), &[])
    }

    /// The character offsets of sentence spans (byte offsets, as events
    /// keep them) of the document `key`, as the mentions of its events
    /// give them ([`Store::ungrouped_events`]): its text read once, nothing
    /// else. `None` when the document is not stored.
    pub fn mention_offsets(
        &self,
        key: i64,
        spans: &[chronicler_core::Span],
    ) -> Result<Option<Vec<(usize, usize)>>, StoreError> {
        read::mention_offsets(&self.conn, key, spans)
    }

    /// The coded events at `keys` (document key, ordinal) as
    /// [`Store::block_members`] gives them, without kept labels.
    pub fn members_at(&self, keys: &[EventKey]) -> Result<Vec<BlockMember>, StoreError> {
        consolidation::block_members(&self.conn, None, keys)
    }

    /// How many grouped events each of `blocks` holds (same order): what
    /// [`Store::block_members`] would read.
    pub fn kept_block_sizes(&self, blocks: &[String]) -> Result<Vec<usize>, StoreError> {
        consolidation::kept_block_sizes(&self.conn, blocks)
    }

    /// The coded events of one kept group, with their documents' ids and
    /// days (no text read).
    pub fn group_members(&self, block: &str, group: &str) -> Result<Vec<GroupMember>, StoreError> {
        consolidation::group_members(&self.conn, block, group)
    }

    /// Ids of the documents without a kept story, sorted.
    pub fn unstoried_documents(&self) -> Result<Vec<String>, StoreError> {
        consolidation::unstoried_documents(&self.conn)
    }

    /// The kept story of the document `id` (its label), if it has one.
    pub fn kept_story_of(&self, id: &str) -> Result<Option<String>, StoreError> {
        use rusqlite::OptionalExtension;
        self.conn
            .prepare_cached(
                "SELECT s.story FROM documents d JOIN doc_stories s ON s.doc = d.doc_key
                 WHERE d.id = ?1",
            )
            .and_then(|mut st| st.query_row([id], |r| r.get(0)).optional())
            .ctx("reading a document's kept story")
    }

    /// How many documents the kept stories of the documents `ids` hold
    /// together (each story counted once; documents without a story
    /// count nothing), counted until the sum passes `cap`.
    pub fn kept_story_sizes(&self, ids: &[String], cap: usize) -> Result<usize, StoreError> {
        consolidation::kept_story_sizes(&self.conn, ids, cap)
    }

    /// A document's day, clusters and kept groups (see [`DocNode`]).
    pub fn doc_node(&self, id: &str) -> Result<Option<DocNode>, StoreError> {
        consolidation::doc_node(&self.conn, id)
    }

    /// The documents (id, publication day) of the cluster `rep` names.
    pub fn cluster_members(
        &self,
        level: ClusterLevel,
        rep: i64,
    ) -> Result<Vec<(String, String)>, StoreError> {
        consolidation::cluster_members(&self.conn, level, rep)
    }

    /// Every document as stories need it, handed to `f` one at a time (no
    /// text read): (key, id, publication day).
    pub fn each_story_document(
        &self,
        f: impl FnMut(i64, String, String),
    ) -> Result<(), StoreError> {
        consolidation::each_story_document(&self.conn, f)
    }

    /// Every cluster of `level` with two documents or more, handed to `f`
    /// one at a time as its members' keys (ascending).
    pub fn each_cluster(
        &self,
        level: ClusterLevel,
        f: impl FnMut(&[i64]),
    ) -> Result<(), StoreError> {
        consolidation::each_cluster(&self.conn, level, f)
    }

    /// Every kept story, handed to `f` one at a time: (document key, story id).
    pub fn each_story_row(&self, f: impl FnMut(i64, &str)) -> Result<(), StoreError> {
        consolidation::each_story_row(&self.conn, f)
    }

    /// Replaces the whole kept consolidation (a full rebuild) in one
    /// transaction.
    pub fn replace_consolidation(
        &mut self,
        groups: &[EventGroupWrite],
        stories: &[(String, String)],
    ) -> Result<(), StoreError> {
        consolidation::replace_consolidation(&mut self.conn, groups, stories)
    }

    /// Keeps a regrouping in one transaction: each event of `groups` gets
    /// that block and group (an event's block never changes, so rows not
    /// written stay right), and each document of `stories` (document id,
    /// story id) gets that story.
    pub fn write_consolidation(
        &mut self,
        groups: &[EventGroupWrite],
        stories: &[(String, String)],
    ) -> Result<(), StoreError> {
        consolidation::write_consolidation(&mut self.conn, groups, stories)
    }

    /// True when a document with this id, URL or content hash is stored
    /// (lets the pipeline skip analysis of what it already has). `content`
    /// is the clean text; empty when not known yet (no document's content
    /// is empty: only the id and URL are looked up).
    pub fn contains(&self, id: &str, url: Option<&str>, content: &str) -> Result<bool, StoreError> {
        Ok(self.find_duplicate(id, url, content)?.is_some())
    }

    /// For each (id, URL) pair, true when a document with that id or URL
    /// is stored: [`Store::contains`] for many documents in one read
    /// transaction (one such check per document in its own transaction
    /// took and released the WAL read lock every time).
    pub fn stored(&self, docs: &[(&str, Option<&str>)]) -> Result<Vec<bool>, StoreError> {
        if docs.is_empty() {
            return Ok(Vec::new());
        }
        let _snapshot = self.read_snapshot()?;
        docs.iter()
            .map(|&(id, url)| Ok(write::find_duplicate(&self.conn, id, url, None)?.is_some()))
            .collect()
    }

    /// The id of a stored document with this id, URL or clean text (when
    /// not empty), if any.
    pub fn find_duplicate(
        &self,
        id: &str,
        url: Option<&str>,
        content: &str,
    ) -> Result<Option<String>, StoreError> {
        write::duplicate_of(&self.conn, id, url, content)
    }

    /// True when `chronicler watch` met this article URL before.
    pub fn watch_seen(&self, url: &str) -> Result<bool, StoreError> {
        watch::seen(&self.conn, url)
    }

    /// Records article URLs met by `chronicler watch` with what became of
    /// them (one transaction; first records are kept). `now` is RFC 3339.
    pub fn watch_mark_seen(
        &mut self,
        urls: &[&str],
        feed: &str,
        outcome: &str,
        doc: Option<&str>,
        now: &str,
    ) -> Result<(), StoreError> {
        watch::mark_seen(&mut self.conn, urls, feed, outcome, doc, now)
    }

    /// The validators and last poll of a watched feed.
    pub fn watch_feed(&self, url: &str) -> Result<Option<FeedState>, StoreError> {
        watch::feed_state(&self.conn, url)
    }

    /// Saves the validators and last poll of a watched feed.
    pub fn watch_save_feed(&mut self, url: &str, state: &FeedState) -> Result<(), StoreError> {
        watch::save_feed_state(&self.conn, url, state)
    }

    /// Every document, ordered by publication date then id.
    pub fn documents(&self) -> Result<Vec<DocumentRow>, StoreError> {
        read::documents(&self.conn)
    }

    /// Up to `limit` documents after `after` (publication day, id), in the
    /// order of [`Store::documents`], and the number of documents stored.
    pub fn documents_page(
        &self,
        after: Option<(&str, &str)>,
        limit: usize,
    ) -> Result<(Vec<DocumentRow>, usize), StoreError> {
        read::documents_page(&self.conn, after, limit)
    }

    /// Hands `f` every document one at a time, in the order of
    /// [`Store::documents`]; one document is held at a time.
    pub fn each_document<E: From<StoreError>>(
        &self,
        f: impl FnMut(DocumentRow) -> Result<(), E>,
    ) -> Result<(), E> {
        read::each_document(&self.conn, f)
    }

    /// One document by id.
    pub fn document(&self, id: &str) -> Result<Option<DocumentRow>, StoreError> {
        read::document(&self.conn, id)
    }

    /// The key of the document `id` (what [`KeptEventRow::members`] and
    /// [`Store::events_at`] name documents by), if stored.
    pub fn document_key(&self, id: &str) -> Result<Option<i64>, StoreError> {
        use rusqlite::OptionalExtension;
        self.conn
            .prepare_cached("SELECT doc_key FROM documents WHERE id = ?1")
            .and_then(|mut st| st.query_row([id], |r| r.get(0)).optional())
            .ctx("reading a document's key")
    }

    /// The clean text of one document.
    pub fn document_text(&self, id: &str) -> Result<Option<String>, StoreError> {
        read::document_text(&self.conn, id)
    }

    /// Every coded event with its document, ordered by document id, then
    /// sentence, then position.
    pub fn coded_events(&self) -> Result<Vec<StoredEvent>, StoreError> {
        read::coded_events(&self.conn)
    }

    /// Names no dictionary resolved, with how often they were seen,
    /// most frequent first, then by name.
    pub fn unresolved_names(&self) -> Result<Vec<(String, usize)>, StoreError> {
        read::unresolved_names(&self.conn)
    }

    /// Resolved actors: one row per entity and code, with mention and
    /// document counts and up to three surface forms, most mentioned first.
    pub fn actor_counts(&self) -> Result<Vec<ActorCount>, StoreError> {
        actors::actor_counts(&self.conn)
    }

    /// Names no dictionary resolved, most frequent first, each with up to
    /// `contexts` sentences it stands in.
    pub fn unresolved_counts(&self, contexts: usize) -> Result<Vec<UnresolvedCount>, StoreError> {
        actors::unresolved_counts(&self.conn, contexts)
    }

    /// Full-text search over titles and clean texts (FTS5 query syntax),
    /// best match first: a document matches when each AND-ed part of the
    /// query matches its title or one of its sentences (a phrase does not
    /// span two sentences).
    pub fn search(&self, query: &str, limit: usize) -> Result<Vec<SearchHit>, StoreError> {
        search::search_documents(&self.conn, query, limit)
    }

    /// The key of the newest document (0 when empty): it grows with every
    /// document stored (documents are only added), so readers can tell in
    /// one index lookup whether anything was stored since they last looked.
    pub fn last_document_key(&self) -> Result<i64, StoreError> {
        self.conn
            .prepare_cached("SELECT coalesce(max(doc_key), 0) FROM documents")
            .and_then(|mut st| st.query_row([], |r| r.get(0)))
            .ctx("reading the newest document's key")
    }

    /// Full-text search over sentences (FTS5 query syntax), best match
    /// first: each hit with its document, index, character offsets and text.
    pub fn search_sentences(
        &self,
        query: &str,
        limit: usize,
    ) -> Result<Vec<SentenceSearchHit>, StoreError> {
        search::search_sentences(&self.conn, query, limit)
    }

    /// Counts.
    pub fn stats(&self) -> Result<Stats, StoreError> {
        read::stats(&self.conn)
    }

    /// Caps the database size at `pages` pages (`PRAGMA max_page_count`;
    /// never below its current size; 0 only reads the cap). Writes that would grow it further fail
    /// as on a full disk and roll back. Returns the cap in force.
    pub fn set_max_page_count(&self, pages: u32) -> Result<u32, StoreError> {
        self.conn
            .pragma_update_and_check(None, "max_page_count", pages, |r| r.get::<_, u32>(0))
            .ctx("setting max_page_count")
    }

    /// Runs `PRAGMA integrity_check` (and a foreign key check); returns the
    /// problems found, empty when the store is sound.
    pub fn integrity_check(&self) -> Result<Vec<String>, StoreError> {
        read::integrity_check(&self.conn)
    }

    /// Looks for partial or doubled documents: a document without
    /// sentences, sentences, mentions or events without their document or
    /// sentence, the same clean text stored twice, a document missing from
    /// the search index. Returns one line per kind of fault; empty when
    /// every document is stored whole, once.
    pub fn consistency_check(&self) -> Result<Vec<String>, StoreError> {
        check::consistency_check(&self.conn)
    }
}

/// The steps of `EXPLAIN QUERY PLAN sql` with `params` bound: what the
/// plan tests of the store's statements read.
#[cfg(test)]
#[allow(clippy::unwrap_used)]
pub(crate) fn query_plan(store: &Store, sql: &str, params: impl rusqlite::Params) -> Vec<String> {
    store
        .conn
        .prepare(&format!("EXPLAIN QUERY PLAN {sql}"))
        .unwrap()
        .query_map(params, |r| r.get::<_, String>(3))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}
