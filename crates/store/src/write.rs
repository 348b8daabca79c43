//! Writing documents.

use chronicler_core::{Actor, AnalyzedDocument, CodedEvent};
use rusqlite::{params, Connection, OptionalExtension, Transaction, TransactionBehavior};

use crate::bands::{BandMirror, Member};
use crate::codec::{
    content_hash, date_from_cols, date_str, form_str, geonames_int, int, kind_str, multi_row_insert,
};
use crate::consolidation::{distinct_bands, flush_band_rows, hold_band_rows};
use crate::{Context, SignatureWrite, Store, StoreError, WriteOutcome};

/// [`find_duplicate`] by the clean text itself (its content hash; not
/// when empty: an empty text duplicates nothing).
pub(crate) fn duplicate_of(
    conn: &Connection,
    id: &str,
    url: Option<&str>,
    text: &str,
) -> Result<Option<String>, StoreError> {
    let hash = (!text.is_empty()).then(|| content_hash(text));
    find_duplicate(conn, id, url, hash.as_deref())
}

/// The id of a stored document with this id, URL (when non-empty) or
/// content hash (when given).
pub(crate) fn find_duplicate(
    conn: &Connection,
    id: &str,
    url: Option<&str>,
    hash: Option<&str>,
) -> Result<Option<String>, StoreError> {
    let url = url.map(str::trim).unwrap_or("");
    // Three lookups, each on its own index, in order of precedence: one
    // query OR-ing them scanned the whole table (quadratic ingest).
    let one = |sql: &str, value: &str| -> Result<Option<String>, StoreError> {
        conn.prepare_cached(sql)
            .and_then(|mut st| {
                st.query_row(params![value], |r| r.get::<_, String>(0))
                    .optional()
            })
            .with_ctx(|| format!("looking for a stored copy of document {id}"))
    };
    if let Some(found) = one("SELECT id FROM documents WHERE id = ?1", id)? {
        return Ok(Some(found));
    }
    if !url.is_empty() {
        let sql = "SELECT id FROM documents WHERE url = ?1 AND url IS NOT NULL AND url <> ''";
        if let Some(found) = one(sql, url)? {
            return Ok(Some(found));
        }
    }
    match hash {
        Some(hash) => one(
            "SELECT id FROM documents WHERE content_hash = ?1 ORDER BY id LIMIT 1",
            hash,
        ),
        None => Ok(None),
    }
}

/// `value` as JSON text (a JSON column, or a list for `json_each`).
pub(crate) fn json<T: serde::Serialize + ?Sized>(
    value: &T,
    what: &str,
) -> Result<String, StoreError> {
    serde_json::to_string(value).map_err(|source| StoreError::Json {
        context: what.to_string(),
        source,
    })
}

pub(crate) fn write_document(
    conn: &mut Connection,
    doc: &AnalyzedDocument,
    events: &[CodedEvent],
    signature: Option<&SignatureWrite>,
) -> Result<WriteOutcome, StoreError> {
    let id = doc.doc.id.as_str();
    // IMMEDIATE: take the write lock now, so the duplicate check and the
    // insert are atomic with respect to other writers.
    let tx = conn
        .transaction_with_behavior(TransactionBehavior::Immediate)
        .with_ctx(|| format!("writing document {id}: starting the transaction"))?;
    let outcome = write_in(&tx, doc, events, signature, Index::Now, false)?.outcome;
    if outcome == WriteOutcome::Inserted {
        tx.commit()
            .with_ctx(|| format!("writing document {id}: committing"))?;
    }
    Ok(outcome)
}

/// When a document's text goes into the full-text index.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Index {
    /// With the document's other rows.
    Now,
    /// At the batch's commit: FTS5 flushes its pending index to disk at
    /// every statement savepoint (and SQLite opens one for most inserts of
    /// a transaction), so indexing documents one by one among their other
    /// rows flushed the index once per row written (28 % of store time).
    AtCommit,
}

/// The duplicate check and every insert of one document, inside whatever
/// transaction or savepoint `conn` is in, and the document's key when it
/// was inserted. On error the caller rolls back.
fn write_in(
    conn: &Connection,
    doc: &AnalyzedDocument,
    events: &[CodedEvent],
    signature: Option<&SignatureWrite>,
    index: Index,
    defer_bands: bool,
) -> Result<Written, StoreError> {
    let id = doc.doc.id.as_str();
    let hash = content_hash(&doc.doc.text);
    if let Some(existing) = find_duplicate(conn, id, doc.doc.meta.url.as_deref(), Some(&hash))? {
        return Ok(Written {
            outcome: WriteOutcome::Duplicate(existing),
            key: None,
            bands: None,
        });
    }
    let key = insert_all(conn, doc, events, &hash, index)?;
    let mut bands = None;
    if let Some(sig) = signature {
        bands = crate::consolidation::insert_signature(conn, key, id, sig, defer_bands)?;
    }
    Ok(Written {
        outcome: WriteOutcome::Inserted,
        key: Some(key),
        bands,
    })
}

/// What [`write_in`] wrote.
struct Written {
    outcome: WriteOutcome,
    /// The document's key, when inserted.
    key: Option<i64>,
    /// What its band rows name, when it has some.
    bands: Option<Member>,
}

/// Many documents written in one transaction: nothing of the batch is
/// visible to readers, or kept after a crash, until [`Batch::commit`];
/// dropping the batch without committing rolls all of it back.
///
/// [`Batch::write_document`] writes without a savepoint (fast: FTS5
/// flushes its pending index to disk at every savepoint, which cost more
/// than the per-document commits it replaces); when it fails, the batch
/// holds part of that document and must be dropped. Writing the batch
/// again with [`Batch::write_document_isolated`] (a savepoint per
/// document) then rolls back the failing document alone.
///
/// One transaction per batch instead of one per document: the commit
/// (FTS5 segment flush, WAL frames) was 22 % of an ingest's time.
#[derive(Debug)]
pub struct Batch<'s> {
    // Dropped in this order: the transaction (rolled back unless
    // committed), then the guard that turns foreign keys back on.
    tx: Transaction<'s>,
    /// The connection `tx` is on.
    conn: &'s Connection,
    /// Band rows of the documents written, not yet in `doc_bands`: the
    /// mirror has them (empty when there is none); the commit lists them
    /// in `doc_bands_pending`, or they go into `doc_bands` before a lookup
    /// through SQL.
    held: Vec<(i64, Member)>,
    /// Keys of the documents written, to list for the full-text index at
    /// the commit.
    unindexed: Vec<i64>,
    /// [`Store::text_index_every`] when the batch began.
    index_every: usize,
    /// The store's band rows in memory, when it keeps them (see
    /// [`BandMirror`]).
    mirror: &'s mut Option<BandMirror>,
    _keys: ForeignKeysOff<'s>,
}

/// Foreign key enforcement off while a batch writes, back on when the
/// guard is dropped (after the batch's transaction ends: SQLite ignores
/// the pragma inside a transaction).
///
/// Every row a batch writes under a document takes the key of the
/// document row it has just inserted in the same transaction, so the
/// check cannot fail; enforced, it looked the document up again for each
/// of the ~120 rows of an article. A batch deletes nothing, so no cascade
/// is missed. `Store::integrity_check` still runs `PRAGMA
/// foreign_key_check` over the whole store.
#[derive(Debug)]
struct ForeignKeysOff<'s>(&'s Connection);

impl<'s> ForeignKeysOff<'s> {
    fn new(conn: &'s Connection) -> Result<ForeignKeysOff<'s>, StoreError> {
        conn.pragma_update(None, "foreign_keys", "OFF")
            .ctx("starting a batch of writes: foreign keys")?;
        Ok(ForeignKeysOff(conn))
    }
}

impl Drop for ForeignKeysOff<'_> {
    fn drop(&mut self) {
        // Cannot fail outside a transaction (the store opened with it on);
        // a failure would leave the checks off for this connection only.
        let _ = self.0.pragma_update(None, "foreign_keys", "ON");
    }
}

impl Store {
    /// Starts a batch of writes: takes the write lock (`BEGIN IMMEDIATE`),
    /// so each document's duplicate check and insert are atomic with
    /// respect to other writers, until the batch is committed or dropped.
    pub fn begin_batch(&mut self) -> Result<Batch<'_>, StoreError> {
        let Store {
            conn,
            bands,
            band_rows_limit,
            text_index_every,
            ..
        } = self;
        let conn: &Connection = conn;
        let keys = ForeignKeysOff::new(conn)?;
        let tx = Transaction::new_unchecked(conn, TransactionBehavior::Immediate)
            .ctx("starting a batch of writes")?;
        keep_mirror(&tx, bands, *band_rows_limit)?;
        Ok(Batch {
            tx,
            conn,
            held: Vec::new(),
            unindexed: Vec::new(),
            index_every: *text_index_every,
            mirror: bands,
            _keys: keys,
        })
    }
}

/// At the start of a batch (under the write lock): keeps the band mirror
/// when nothing but this connection's committed batches wrote since it was
/// made, else makes one: complete when the store holds no band rows, of
/// this connection's rows from now on when it does (see [`BandMirror`]).
/// Before making one, the band rows a run held back (`doc_bands_pending`:
/// this connection's, another's, or a killed run's) go into `doc_bands`,
/// so that lookups through SQL see them.
fn keep_mirror(
    conn: &Connection,
    mirror: &mut Option<BandMirror>,
    limit: usize,
) -> Result<(), StoreError> {
    let what = "starting a batch of writes: band rows";
    let version: i64 = conn
        .pragma_query_value(None, "data_version", |r| r.get(0))
        .ctx(what)?;
    let changes = conn.total_changes();
    if mirror
        .as_ref()
        .is_some_and(|m| m.data_version != version || m.total_changes != changes)
    {
        *mirror = None;
    }
    if mirror.is_none() {
        flush_band_rows(conn, &mut Vec::new())?;
        let empty: bool = conn
            .prepare_cached("SELECT NOT EXISTS (SELECT 1 FROM doc_bands)")
            .and_then(|mut st| st.query_row([], |r| r.get(0)))
            .ctx(what)?;
        // Read after the flush: its rows are in the store, not to be
        // taken for another's.
        *mirror = Some(BandMirror::new(version, conn.total_changes(), limit, empty));
    }
    Ok(())
}

impl Batch<'_> {
    /// Writes one document, its events and (when given) its MinHash
    /// signature inside the batch, unless a document with the same id, URL
    /// or content is stored (also earlier in this batch). On error the
    /// batch holds part of this document: drop it (see [`Batch`]).
    pub fn write_document(
        &mut self,
        doc: &AnalyzedDocument,
        events: &[CodedEvent],
        signature: Option<&SignatureWrite>,
    ) -> Result<WriteOutcome, StoreError> {
        let defer = self.mirror.is_some();
        let written = write_in(&self.tx, doc, events, signature, Index::AtCommit, defer)?;
        self.written(written, signature)
    }

    /// The id of the document that one with this id, URL or clean text
    /// would duplicate, stored or written earlier in this batch: what
    /// [`Batch::write_document`] checks first, without the document's
    /// analysis.
    pub fn find_duplicate(
        &self,
        id: &str,
        url: Option<&str>,
        text: &str,
    ) -> Result<Option<String>, StoreError> {
        duplicate_of(&self.tx, id, url, text)
    }

    /// [`Batch::write_document`] inside a savepoint of its own: on error
    /// this document alone is rolled back and the batch can go on (or be
    /// committed, or dropped). Slower (see [`Batch`]).
    pub fn write_document_isolated(
        &mut self,
        doc: &AnalyzedDocument,
        events: &[CodedEvent],
        signature: Option<&SignatureWrite>,
    ) -> Result<WriteOutcome, StoreError> {
        let id = doc.doc.id.as_str();
        // Dropped on error: ROLLBACK TO and RELEASE this savepoint.
        let sp = self
            .tx
            .savepoint()
            .with_ctx(|| format!("writing document {id}: starting its savepoint"))?;
        let defer = self.mirror.is_some();
        let written = write_in(&sp, doc, events, signature, Index::AtCommit, defer)?;
        sp.commit()
            .with_ctx(|| format!("writing document {id}: releasing its savepoint"))?;
        self.written(written, signature)
    }

    /// Notes a document written whole (its band rows held back while the
    /// mirror is kept, see [`write_in`]): listed for the full-text index,
    /// its band rows in the mirror and held for the commit.
    fn written(
        &mut self,
        w: Written,
        signature: Option<&SignatureWrite>,
    ) -> Result<WriteOutcome, StoreError> {
        self.unindexed.extend(w.key);
        if let (Some(m), Some(sig), Some(mirror)) = (w.bands, signature, self.mirror.as_mut()) {
            let bands = distinct_bands(&sig.bands);
            self.held.extend(bands.iter().map(|&b| (b, m)));
            if !mirror.add(&bands, m) {
                // Full: from now on through SQL, which must see them.
                *self.mirror = None;
                flush_band_rows(&self.tx, &mut self.held)?;
            }
        }
        Ok(w.outcome)
    }

    /// [`Store::linked_candidates`], seeing the documents written earlier
    /// in this batch.
    pub fn linked_candidates(
        &mut self,
        bands: &[u64],
        q: crate::LinkQuery<'_>,
        similarity: impl FnMut(&[u8]) -> Option<f64>,
    ) -> Result<Vec<crate::LinkedDoc>, StoreError> {
        let (tx, held) = (&self.tx, &mut self.held);
        crate::consolidation::linked_candidates(
            tx,
            self.mirror.as_ref(),
            || flush_band_rows(tx, held),
            bands,
            q,
            similarity,
        )
    }

    /// Commits the batch. Its documents wait for the full-text index
    /// (`text_index_pending`, migration 0017) until [`TEXT_INDEX_EVERY`]
    /// or more do; this commit then indexes every waiting document's title
    /// and sentences first, in one statement (FTS5 writes a segment at
    /// each commit and flushes its pending rows at each statement
    /// savepoint). [`Store::flush_waiting`] indexes the rest.
    pub fn commit(mut self) -> Result<(), StoreError> {
        // Rows are held back only while the mirror is kept (one dropped in
        // mid-batch wrote them into `doc_bands`): listed, to go there at
        // once later.
        hold_band_rows(&self.tx, &mut self.held)?;
        if !self.unindexed.is_empty() {
            let keys = json(&self.unindexed, "listing a batch's documents")?;
            self.tx
                .prepare_cached(
                    "INSERT OR IGNORE INTO text_index_pending (doc)
                     SELECT value FROM json_each(?1)",
                )
                .and_then(|mut st| st.execute([keys]))
                .ctx("listing a batch's documents for the full-text index")?;
            let waiting: i64 = self
                .tx
                .prepare_cached("SELECT count(*) FROM text_index_pending")
                .and_then(|mut st| st.query_row([], |r| r.get(0)))
                .ctx("counting the documents waiting for the full-text index")?;
            if crate::codec::uint(waiting) >= self.index_every {
                index_pending(&self.tx)?;
            }
        }
        let Batch {
            tx, conn, mirror, ..
        } = self;
        tx.commit().ctx("committing a batch of documents")?;
        if let Some(m) = mirror {
            // Read after the commit: FTS5 writes its pending entries to
            // its own tables as the transaction commits.
            m.total_changes = conn.total_changes();
        }
        Ok(())
    }
}

/// Documents a batch commit leaves waiting for the full-text index before
/// one indexes them all (see [`Batch::commit`]): with commits every 512
/// documents, indexing every 2,048 took 0.84 s of CPU instead of 1.08 s
/// for the sentences and titles of the 10,000-article corpus, and an index
/// 8 % smaller (BENCHMARKS.md, tenth sitting); 4,096 saved only 0.05 s
/// more, while the documents waiting are not found by search.
pub const TEXT_INDEX_EVERY: usize = 2048;

/// Indexes the documents waiting in `text_index_pending` and empties it;
/// how many were indexed.
pub(crate) fn index_pending(conn: &Connection) -> Result<usize, StoreError> {
    let what = "indexing the documents waiting for the full-text index";
    let keys: Vec<i64> = conn
        .prepare_cached("SELECT doc FROM text_index_pending ORDER BY doc")
        .and_then(|mut st| st.query_map([], |r| r.get(0))?.collect())
        .ctx(what)?;
    if keys.is_empty() {
        return Ok(0);
    }
    index_texts(conn, &json(&keys, "listing the documents to index")?).ctx(what)?;
    conn.execute("DELETE FROM text_index_pending", [])
        .ctx(what)?;
    Ok(keys.len())
}

impl StoreError {
    /// True when the error belongs to the document being written (a
    /// constraint it breaks, a value too big, a JSON column that cannot be
    /// encoded) rather than to the store (full disk, read-only file, lock,
    /// damage): that document can be skipped and the others written.
    pub fn is_document_fault(&self) -> bool {
        use rusqlite::ErrorCode;
        match self {
            StoreError::Json { .. } => true,
            StoreError::Db {
                source: rusqlite::Error::SqliteFailure(e, _),
                ..
            } => matches!(e.code, ErrorCode::ConstraintViolation | ErrorCode::TooBig),
            _ => false,
        }
    }
}

/// Sentence rows written by one statement, largest first (see
/// [`insert_sentences`]).
const SENTENCE_ROWS_AT_ONCE: [usize; 4] = [32, 8, 2, 1];

/// Writes a document's sentence rows, several to a statement: a news
/// article has about 33 sentences (the benchmark corpus), and a
/// statement's own cost (binding, stepping, resetting) was as much as its
/// row's insert. The rows go in as many statements of the sizes of
/// [`SENTENCE_ROWS_AT_ONCE`] as fit, largest first (45 rows: 32, 8, 2, 2
/// and 1), in order, each size one cached statement.
fn insert_sentences(
    tx: &Connection,
    key: i64,
    sentences: &[chronicler_core::Sentence],
) -> rusqlite::Result<()> {
    // The statement of each size, made once.
    static SQL: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    let sql = SQL.get_or_init(|| {
        SENTENCE_ROWS_AT_ONCE
            .iter()
            .map(|&n| {
                multi_row_insert(
                    "INSERT INTO sentences (doc, idx, start_byte, end_byte) VALUES",
                    4,
                    n,
                )
            })
            .collect()
    });
    let row =
        |s: &chronicler_core::Sentence| [key, int(s.index), int(s.span.start), int(s.span.end)];
    let mut rest = sentences;
    for (&n, sql) in SENTENCE_ROWS_AT_ONCE.iter().zip(sql) {
        if rest.len() < n {
            continue;
        }
        let mut st = tx.prepare_cached(sql)?;
        while let Some((chunk, after)) = rest.split_at_checked(n) {
            st.execute(rusqlite::params_from_iter(chunk.iter().flat_map(row)))?;
            rest = after;
        }
    }
    Ok(())
}

/// Everything under one document. On error the caller drops the
/// transaction, which rolls it back.
fn insert_all(
    tx: &Connection,
    doc: &AnalyzedDocument,
    events: &[CodedEvent],
    hash: &str,
    index: Index,
) -> Result<i64, StoreError> {
    let id = doc.doc.id.as_str();
    let at = |what: &str| format!("writing document {id}: {what}");
    let meta = &doc.doc.meta;
    let url = meta.url.as_deref().map(str::trim).filter(|u| !u.is_empty());
    let cited = json(&doc.doc.cited_sources, "encoding cited sources")?;
    let warnings = json(&doc.doc.warnings, "encoding warnings")?;
    let removed = json(&doc.doc.removed, "encoding removed lines")?;
    tx.prepare_cached(
        "INSERT INTO documents (id, path, format, url, canonical_url, title, outlet,
             published, published_source, published_meta, raw_text, clean_text,
             content_hash, cited_sources, warnings, removed, ingested_at)
         VALUES (?1, ?2, ?3, ?4, NULL, ?5, ?6, ?7, ?8, ?9, '', ?10, ?11, ?12, ?13, ?14, ?15)",
    )
    .and_then(|mut st| {
        st.execute(params![
            id,
            doc.doc.path,
            doc.doc.format.as_str(),
            url,
            meta.title,
            meta.outlet,
            doc.published.date.to_string(),
            doc.published.source.as_str(),
            meta.published,
            doc.doc.text,
            hash,
            cited,
            warnings,
            removed,
            jiff::Timestamp::now().to_string(),
        ])
    })
    .with_ctx(|| at("inserting the document"))?;
    let key = tx.last_insert_rowid();

    insert_sentences(tx, key, &doc.sentences).with_ctx(|| at("inserting sentences"))?;
    if !(doc.actors.is_empty()
        && doc.places.is_empty()
        && doc.dates.is_empty()
        && doc.quantities.is_empty()
        && doc.unresolved.is_empty())
    {
        let m = PackedMentions::of(doc)?;
        tx.prepare_cached(
            "INSERT INTO doc_mentions (doc, actors, places, dates, quantities, unresolved)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        )
        .and_then(|mut st| {
            st.execute(params![
                key,
                m.actors,
                m.places,
                m.dates,
                m.quantities,
                m.unresolved
            ])
        })
        .with_ctx(|| at("inserting mentions"))?;
    }
    {
        let mut st = tx
            .prepare_cached(
                "INSERT INTO events (doc, ordinal, sentence, sentence_start, sentence_end,
                     trigger_start, trigger_end,
                     source_entity, source_name, source_code, source_country, source_role, source_kind,
                     target_entity, target_name, target_code, target_country, target_role, target_kind,
                     cameo, status, date_start, date_end, date_precision,
                     location_name, location_country, location_lat, location_lon, location_kind,
                     quantities, symmetric, confidence, rule,
                     location_fips, location_adm1, location_geonames_id, location_precision,
                     date_approximate, date_from, date_from_sentence)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7,
                     ?8, ?9, ?10, ?11, ?12, ?13,
                     ?14, ?15, ?16, ?17, ?18, ?19,
                     ?20, ?21, ?22, ?23, ?24,
                     ?25, ?26, ?27, ?28, ?29,
                     ?30, ?31, ?32, ?33,
                     ?34, ?35, ?36, ?37, ?38, ?39, ?40)",
            )
            .with_ctx(|| at("preparing events"))?;
        for (ordinal, e) in events.iter().enumerate() {
            let s = ActorCols::of(e.source.as_ref());
            let t = ActorCols::of(e.target.as_ref());
            let loc = e.location.as_ref();
            let ev = &e.evidence;
            let (date_from, date_from_sentence) = date_from_cols(ev.date_from);
            st.execute(params![
                key,
                int(ordinal),
                int(ev.sentence),
                int(ev.sentence_span.start),
                int(ev.sentence_span.end),
                int(ev.trigger.start),
                int(ev.trigger.end),
                s.entity,
                s.name,
                s.code,
                s.country,
                s.role,
                s.kind,
                t.entity,
                t.name,
                t.code,
                t.country,
                t.role,
                t.kind,
                e.cameo,
                e.status.as_str(),
                date_str(e.date.start),
                date_str(e.date.end),
                e.date.precision.as_str(),
                loc.map(|p| p.name.as_str()),
                loc.and_then(|p| p.country.as_deref()),
                loc.and_then(|p| p.lat),
                loc.and_then(|p| p.lon),
                loc.map(|p| p.kind.as_str()),
                json(&e.quantities, "encoding event quantities")?,
                e.symmetric,
                f64::from(e.confidence),
                e.rule,
                loc.and_then(|p| p.fips.as_deref()),
                loc.and_then(|p| p.adm1.as_deref()),
                geonames_int(loc.and_then(|p| p.geonames_id)),
                loc.and_then(|p| p.precision).map(|x| x.as_str()),
                e.date.approximate,
                date_from,
                date_from_sentence,
            ])
            .with_ctx(|| at(&format!("inserting event {ordinal}")))?;
        }
    }
    if index == Index::Now {
        // Last, so no insert of this document follows an FTS5 write.
        index_texts(tx, &format!("[{key}]")).with_ctx(|| at("indexing the text"))?;
    }
    Ok(key)
}

/// The statement of [`index_texts`]: ?1 the JSON array of document keys,
/// ?2 [`crate::search::SENTENCE_ROWID_SPAN`], ?3 [`crate::search::TITLE_INDEX`].
const INDEX_TEXTS: &str = "INSERT INTO sentences_fts (rowid, text)
    SELECT doc * ?2 + idx, text FROM (
        SELECT d.doc_key AS doc, s.idx AS idx,
               CAST(substr(CAST(d.clean_text AS BLOB), s.start_byte + 1,
                           s.end_byte - s.start_byte) AS TEXT) AS text
        FROM documents d CROSS JOIN sentences s ON s.doc = d.doc_key
        WHERE d.doc_key IN (SELECT value FROM json_each(?1)) AND s.idx < ?3
        UNION ALL
        SELECT doc_key, ?3, title FROM documents
        WHERE doc_key IN (SELECT value FROM json_each(?1)) AND title <> ''
        ORDER BY 1, 2)";

/// Indexes the stored sentences and titles of the documents whose keys are
/// in the JSON array `keys` for search (rowid `doc_key *
/// SENTENCE_ROWID_SPAN + index` with the sentence's text, and `doc_key *
/// SENTENCE_ROWID_SPAN + TITLE_INDEX` with the title), in one statement
/// and in rowid order (FTS5 flushes its pending rows at each statement and
/// whenever a rowid goes down).
///
/// The order is asked for by document and index, the key order in which
/// both arms already come (each document, then its sentences by the
/// primary key; titles by `doc_key`): SQLite merges the two instead of
/// sorting every row, text included (1 % of an ingest's samples when
/// sorted by the rowid expression; BENCHMARKS.md, seventeenth sitting).
/// `CROSS JOIN` keeps the document outer: one lookup of its row, not one
/// per sentence.
fn index_texts(conn: &Connection, keys: &str) -> Result<usize, rusqlite::Error> {
    conn.prepare_cached(INDEX_TEXTS)?.execute(params![
        keys,
        crate::search::SENTENCE_ROWID_SPAN,
        crate::search::TITLE_INDEX
    ])
}

/// A document's actor, place, date and quantity mentions and unresolved
/// names as the JSON columns of `doc_mentions` (migration 0015): per
/// mention, an array of the columns of the table it replaces (now a view of
/// it), in the same order.
struct PackedMentions {
    actors: String,
    places: String,
    dates: String,
    quantities: String,
    unresolved: String,
}

impl PackedMentions {
    fn of(doc: &AnalyzedDocument) -> Result<PackedMentions, StoreError> {
        let actors: Vec<_> = doc
            .actors
            .iter()
            .map(|m| {
                let a = &m.actor;
                (
                    m.sentence,
                    m.span.start,
                    m.span.end,
                    &a.entity,
                    &a.name,
                    &a.code,
                    &a.country,
                    &a.role,
                    kind_str(a.kind),
                    form_str(m.form),
                )
            })
            .collect();
        let places: Vec<_> = doc
            .places
            .iter()
            .map(|m| {
                let p = &m.place;
                (
                    m.sentence,
                    m.span.start,
                    m.span.end,
                    &p.name,
                    &p.country,
                    p.lat,
                    p.lon,
                    &p.kind,
                    &p.fips,
                    &p.adm1,
                    geonames_int(p.geonames_id),
                    p.precision.map(|x| x.as_str()),
                )
            })
            .collect();
        let dates: Vec<_> = doc
            .dates
            .iter()
            .map(|m| {
                (
                    m.sentence,
                    m.span.start,
                    m.span.end,
                    date_str(m.range.start),
                    date_str(m.range.end),
                    m.range.precision.as_str(),
                    u8::from(m.range.approximate),
                )
            })
            .collect();
        let quantities: Vec<_> = doc
            .quantities
            .iter()
            .map(|q| {
                (
                    q.sentence,
                    q.span.start,
                    q.span.end,
                    q.value,
                    &q.unit,
                    &q.text,
                )
            })
            .collect();
        let unresolved: Vec<_> = doc
            .unresolved
            .iter()
            .map(|u| (u.sentence, u.span.start, u.span.end, &u.text))
            .collect();
        Ok(PackedMentions {
            actors: json(&actors, "encoding actor mentions")?,
            places: json(&places, "encoding place mentions")?,
            dates: json(&dates, "encoding date mentions")?,
            quantities: json(&quantities, "encoding quantities")?,
            unresolved: json(&unresolved, "encoding unresolved names")?,
        })
    }
}

/// An optional actor as six nullable columns.
struct ActorCols<'a> {
    entity: Option<&'a str>,
    name: Option<&'a str>,
    code: Option<&'a str>,
    country: Option<&'a str>,
    role: Option<&'a str>,
    kind: Option<&'static str>,
}

impl<'a> ActorCols<'a> {
    fn of(a: Option<&'a Actor>) -> ActorCols<'a> {
        ActorCols {
            entity: a.map(|a| a.entity.as_str()),
            name: a.map(|a| a.name.as_str()),
            code: a.map(|a| a.code.as_str()),
            country: a.and_then(|a| a.country.as_deref()),
            role: a.and_then(|a| a.role.as_deref()),
            kind: a.map(|a| kind_str(a.kind)),
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;

    fn foreign_keys(store: &Store) -> i64 {
        store
            .conn
            .pragma_query_value(None, "foreign_keys", |r| r.get(0))
            .unwrap()
    }

    #[test]
    fn texts_are_indexed_in_key_order_without_a_sort() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("s.db")).unwrap();
        let plan = crate::query_plan(
            &store,
            INDEX_TEXTS,
            params![
                "[1, 2]",
                crate::search::SENTENCE_ROWID_SPAN,
                crate::search::TITLE_INDEX
            ],
        );
        assert!(
            plan.iter().all(|step| !step.contains("TEMP B-TREE")),
            "{plan:?}"
        );
        assert!(plan.iter().any(|step| step.contains("MERGE")), "{plan:?}");
    }

    #[test]
    fn foreign_keys_are_off_only_while_a_batch_writes() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("s.db")).unwrap();
        assert_eq!(foreign_keys(&store), 1);
        let batch = store.begin_batch().unwrap();
        assert_eq!(
            batch
                .tx
                .pragma_query_value(None, "foreign_keys", |r| r.get::<_, i64>(0))
                .unwrap(),
            0
        );
        batch.commit().unwrap();
        assert_eq!(foreign_keys(&store), 1, "after a commit");
        drop(store.begin_batch().unwrap());
        assert_eq!(foreign_keys(&store), 1, "after a dropped batch");
        // Enforced again: a row naming no document is refused.
        let orphan = store.conn.execute(
            "INSERT INTO sentences (doc, idx, start_byte, end_byte) VALUES (999, 0, 0, 1)",
            [],
        );
        assert!(orphan.is_err());
    }
}
