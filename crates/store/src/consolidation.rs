//! What consolidation keeps between runs: document signatures and LSH
//! bands, near-duplicate clusters, issued event ids; and the per-document
//! facts the exports need (ingest time, length).
//!
//! Near duplicates are kept as clusters, one row per document
//! (`doc_clusters`, see migration 0009): a document linked to stored
//! documents joins their clusters (union-find: the clusters it links are
//! merged into one), whose representative is the member with the
//! smallest document id. The clusters are the connected components of
//! the links, the same whatever the order documents arrived in. Two
//! levels: near duplicates (`near`, one source) and related text
//! (`related`, one story; only links within a few days of publication).

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use rusqlite::types::Value;
use rusqlite::{params, Connection, OptionalExtension};

use crate::bands::{BandMirror, Member};
use crate::codec::{int, multi_row_insert, uint};
use crate::write::json;
use crate::{Context, StoreError};

/// A document's MinHash signature, its LSH band keys and the stored
/// documents found to be its near duplicates, written with the document.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SignatureWrite {
    /// The signature's bytes (opaque to the store).
    pub minhash: Vec<u8>,
    /// LSH band keys (each fits an `i64`).
    pub bands: Vec<u64>,
    /// Stored documents sharing much text: (document id, similarity).
    pub near_duplicates: Vec<(String, f64)>,
    /// The same, as [`linked_candidates`](crate::Store::linked_candidates)
    /// returns them (by store key: linking them reads no document row
    /// again).
    pub linked: Vec<LinkedDoc>,
    /// Similarity from which a link puts the two documents in one
    /// near-duplicate cluster (counted as one source), whatever their
    /// publication days.
    pub near_from: f64,
    /// Days between the two publication days up to which a link puts the
    /// documents in one related-text cluster (one story): a cluster of
    /// related text is made of links within this window only, so that
    /// documents a year apart do not bridge two stories of one week.
    pub related_within_days: i64,
}

/// A stored document [`linked_candidates`](crate::Store::linked_candidates)
/// compared with a new one and returned: what [`SignatureWrite::linked`] holds. Its key is only
/// meaningful to the store that returned it, in the same transaction.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LinkedDoc {
    key: i64,
    /// Its similarity with the new document.
    pub similarity: f64,
}

/// A stored document found through a shared LSH band.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    /// Document id.
    pub id: String,
    /// Its signature's bytes.
    pub minhash: Vec<u8>,
}

/// A document with near duplicates or related text: its clusters, named
/// by their representatives (integer keys, equal for the documents of one
/// cluster; labels only, not stable across stores).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct DocCluster {
    /// Document id.
    pub id: String,
    /// Its near-duplicate cluster (one source).
    pub near: i64,
    /// Its related-text cluster (links within a few days of publication).
    pub related: i64,
}

/// Facts about a document that exports need.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct DocFacts {
    /// Document id.
    pub id: String,
    /// When it was ingested (RFC 3339).
    pub ingested_at: String,
    /// Length of its clean text in characters.
    pub chars: usize,
    /// Title, if any.
    pub title: Option<String>,
    /// Tone of its clean text (GDELT's definition, see
    /// `chronicler_query::tone`), when measured; the store leaves it `None`.
    pub tone: Option<f64>,
}

/// An issued merged-event id and the mention it is anchored on.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct EventIdRecord {
    /// The id.
    pub id: String,
    /// Document of the anchoring mention.
    pub doc: String,
    /// Character offset of its sentence.
    pub start: usize,
    /// Character offset one past its sentence.
    pub end: usize,
    /// CAMEO root of the event.
    pub cameo_root: String,
}

fn band_int(b: u64) -> i64 {
    i64::try_from(b).unwrap_or(i64::MAX)
}

/// Writes the signature rows of the document `key` (inside its transaction).
///
/// Returns what its band rows name besides the band (for [`BandMirror`]),
/// `None` when it has no bands. With `defer_bands` the band rows are not
/// written: the caller writes them later ([`insert_band_rows`]).
pub(crate) fn insert_signature(
    tx: &Connection,
    key: i64,
    id: &str,
    sig: &SignatureWrite,
    defer_bands: bool,
) -> Result<Option<Member>, StoreError> {
    let at = |what: &str| format!("writing document {id}: {what}");
    tx.prepare_cached("INSERT INTO doc_signatures (doc, minhash) VALUES (?1, ?2)")
        .and_then(|mut st| st.execute(params![key, sig.minhash]))
        .with_ctx(|| at("inserting the signature"))?;
    // Its band rows name the clusters it has just joined (migration 0018),
    // so they are written after linking. A document signed again keeps
    // its earlier rows too: they name members of its clusters still
    // (clusters only merge), and a candidate listed twice is compared once.
    let (near, related, day) =
        link(tx, key, sig).with_ctx(|| at("joining its near-duplicate clusters"))?;
    if sig.bands.is_empty() {
        return Ok(None);
    }
    let day = day.map_or(UNDATED, band_day);
    let member = Member {
        key,
        near,
        related,
        day,
    };
    if defer_bands {
        return Ok(Some(member));
    }
    // One statement for all the bands, read from a JSON list.
    let bands: Vec<i64> = sig.bands.iter().map(|&b| band_int(b)).collect();
    let bands = json(&bands, &at("listing bands"))?;
    tx.prepare_cached(
        "INSERT OR IGNORE INTO doc_bands (band, near, day, doc, related)
         SELECT value, ?2, ?3, ?4, ?5 FROM json_each(?1)",
    )
    .and_then(|mut st| st.execute(params![bands, near, day, key, related]))
    .with_ctx(|| at("inserting bands"))?;
    Ok(Some(member))
}

/// Band rows written by one statement in [`insert_band_rows`].
const BAND_ROWS_AT_ONCE: usize = 64;

/// Writes band rows held back by [`insert_signature`] (band, and what the
/// row names besides), in the table's key order: each insert then lands
/// beside the one before in the B-tree, where one document's 21 bands at a
/// time land on 21 pages anywhere in it. Empties `rows`.
pub(crate) fn insert_band_rows(
    conn: &Connection,
    rows: &mut Vec<(i64, Member)>,
) -> Result<(), StoreError> {
    let what = "inserting bands";
    if rows.is_empty() {
        return Ok(());
    }
    rows.sort_unstable_by(|(a, m), (b, n)| {
        (a, m.near)
            .cmp(&(b, n.near))
            .then(m.day.total_cmp(&n.day))
            .then((m.related, m.key).cmp(&(n.related, n.key)))
    });
    let statement = |n: usize| {
        multi_row_insert(
            "INSERT OR IGNORE INTO doc_bands (band, near, day, doc, related) VALUES",
            5,
            n,
        )
    };
    let mut chunks = rows.chunks_exact(BAND_ROWS_AT_ONCE);
    let mut st = conn
        .prepare_cached(&statement(BAND_ROWS_AT_ONCE))
        .ctx(what)?;
    for chunk in chunks.by_ref() {
        st.execute(rusqlite::params_from_iter(chunk.iter().flat_map(band_row)))
            .ctx(what)?;
    }
    // The rest one by one (one cached statement, not one per length).
    let mut one = conn.prepare_cached(&statement(1)).ctx(what)?;
    for row in chunks.remainder() {
        one.execute(rusqlite::params_from_iter(band_row(row)))
            .ctx(what)?;
    }
    rows.clear();
    Ok(())
}

/// Lists band rows held back by a batch that keeps the band mirror in
/// `doc_bands_pending` (migration 0020), one row per document: the rows of
/// a document are consecutive in `rows`, as [`insert_signature`]'s caller
/// pushes them. Empties `rows`.
pub(crate) fn hold_band_rows(
    conn: &Connection,
    rows: &mut Vec<(i64, Member)>,
) -> Result<(), StoreError> {
    let what = "listing held-back bands";
    let mut st = conn
        .prepare_cached(
            "INSERT OR REPLACE INTO doc_bands_pending (doc, near, related, day, bands)
             VALUES (?1, ?2, ?3, ?4, ?5)",
        )
        .ctx(what)?;
    for doc in rows.chunk_by(|a, b| a.1.key == b.1.key) {
        let Some(&(_, m)) = doc.first() else {
            continue;
        };
        let bands: Vec<u8> = doc.iter().flat_map(|(b, _)| b.to_le_bytes()).collect();
        st.execute(params![m.key, m.near, m.related, m.day, bands])
            .ctx(what)?;
    }
    rows.clear();
    Ok(())
}

/// Documents whose held-back band rows [`flush_band_rows`] reads at once:
/// bounds its memory (21 rows a document, 40 bytes each in memory).
const PENDING_AT_ONCE: i64 = 16_384;

/// Writes into `doc_bands` every band row waiting in `doc_bands_pending`
/// and those in `held` (this batch's), sorted ([`insert_band_rows`]), and
/// empties both.
pub(crate) fn flush_band_rows(
    conn: &Connection,
    held: &mut Vec<(i64, Member)>,
) -> Result<(), StoreError> {
    let what = "writing held-back bands";
    let mut read = conn
        .prepare_cached(
            "SELECT doc, near, related, day, bands FROM doc_bands_pending
             WHERE doc > ?1 ORDER BY doc LIMIT ?2",
        )
        .ctx(what)?;
    let (mut after, mut any) = (i64::MIN, false);
    let mut rows: Vec<(i64, Member)> = Vec::new();
    loop {
        let mut found = read.query(params![after, PENDING_AT_ONCE]).ctx(what)?;
        let mut read_now = 0;
        while let Some(r) = found.next().ctx(what)? {
            let m = Member {
                key: r.get(0).ctx(what)?,
                near: r.get(1).ctx(what)?,
                related: r.get(2).ctx(what)?,
                day: r.get(3).ctx(what)?,
            };
            let bands: Vec<u8> = r.get(4).ctx(what)?;
            rows.extend(bands.chunks_exact(8).map(|b| {
                let mut a = [0u8; 8];
                a.copy_from_slice(b);
                (i64::from_le_bytes(a), m)
            }));
            after = m.key;
            read_now += 1;
        }
        drop(found);
        any |= read_now > 0;
        if read_now < PENDING_AT_ONCE {
            break;
        }
        // A part at a time.
        insert_band_rows(conn, &mut rows)?;
    }
    rows.append(held);
    insert_band_rows(conn, &mut rows)?;
    if any {
        conn.prepare_cached("DELETE FROM doc_bands_pending")
            .and_then(|mut st| st.execute([]))
            .ctx(what)?;
    }
    Ok(())
}

/// The values of a band row, in `insert_band_rows`' column order.
fn band_row(&(band, m): &(i64, Member)) -> [Value; 5] {
    [
        Value::Integer(band),
        Value::Integer(m.near),
        Value::Real(m.day),
        Value::Integer(m.key),
        Value::Integer(m.related),
    ]
}

/// A signature's bands as `doc_bands` keys them, sorted, each once.
pub(crate) fn distinct_bands(bands: &[u64]) -> Vec<i64> {
    let mut bands: Vec<i64> = bands.iter().map(|&b| band_int(b)).collect();
    bands.sort_unstable();
    bands.dedup();
    bands
}

/// A band row's day for a publication day read by SQL's julianday():
/// julianday - 0.5, a whole number for a calendar day (SQLite stores it in
/// 3 bytes instead of 8; migration 0018 writes the same). Differences of
/// days are those of julianday.
fn band_day(julian: f64) -> f64 {
    julian - 0.5
}

/// A band row's day when the publication day does not read as a date
/// (below every [`band_day`]; such a row is in every window).
const UNDATED: f64 = -1.0;

/// Puts the document `key` in the clusters of the documents it is linked
/// to (see the module documentation): one lookup per link, then one
/// relabelling per cluster merged. Returns the representatives of its
/// near-duplicate and related-text clusters, and its day
/// (`doc_clusters.day`).
fn link(
    tx: &Connection,
    key: i64,
    sig: &SignatureWrite,
) -> rusqlite::Result<(i64, i64, Option<f64>)> {
    ensure_cluster_row(tx, key)?;
    let (own_near, own_related, own_day) = tx
        .prepare_cached("SELECT near, related, day FROM doc_clusters WHERE doc = ?1")?
        .query_row([key], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, i64>(1)?,
                r.get::<_, Option<f64>>(2)?,
            ))
        })?;
    let mut near = BTreeSet::from([own_near]);
    let mut related = BTreeSet::from([own_related]);
    // The links by store key: those `linked_candidates` found, and those
    // named by document id (a document no longer stored is left out).
    let mut links: Vec<(i64, f64)> = sig.linked.iter().map(|l| (l.key, l.similarity)).collect();
    let mut key_of = tx.prepare_cached("SELECT doc_key FROM documents WHERE id = ?1")?;
    for (id, sim) in &sig.near_duplicates {
        if let Some(k) = key_of.query_row([id], |r| r.get(0)).optional()? {
            links.push((k, *sim));
        }
    }
    // A linked document's clusters and its days from this one, from the
    // two cluster rows (the day is the publication day's, migration 0016).
    let mut look = tx.prepare_cached(
        "SELECT c.near, c.related, abs(c.day - n.day)
         FROM doc_clusters c JOIN doc_clusters n ON n.doc = ?2 WHERE c.doc = ?1",
    )?;
    let mut clusters_of = |k: i64| {
        look.query_row(params![k, key], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, i64>(1)?,
                r.get::<_, Option<f64>>(2)?,
            ))
        })
        .optional()
    };
    for (k, sim) in links {
        if k == key {
            continue;
        }
        let found = match clusters_of(k)? {
            Some(found) => Some(found),
            // Stored without a cluster row: a cluster of its own.
            None if ensure_cluster_row(tx, k)? => clusters_of(k)?,
            None => None,
        };
        let Some((n, r, days)) = found else {
            continue;
        };
        if days.is_some_and(|d| d <= sig.related_within_days as f64) {
            related.insert(r);
        }
        if sim >= sig.near_from {
            near.insert(n);
        }
    }
    let near = merge_clusters(tx, Level::Near, &near)?.unwrap_or(own_near);
    let related = merge_clusters(tx, Level::Related, &related)?.unwrap_or(own_related);
    Ok((near, related, own_day))
}

/// Gives the stored document `key` a cluster row of its own (each of its
/// clusters named by itself) unless it has one; true when it was added,
/// false when it had one or is not stored.
///
/// A lookup, then a one-row insert of bound values: an `INSERT ... SELECT`
/// may write many rows, so SQLite kept a statement journal for it, a copy
/// of every page it touched (with the relabelling below, 1 % of an
/// ingest's samples; BENCHMARKS.md, seventeenth sitting).
fn ensure_cluster_row(tx: &Connection, key: i64) -> rusqlite::Result<bool> {
    let day: Option<Option<f64>> = tx
        .prepare_cached("SELECT julianday(published) FROM documents WHERE doc_key = ?1")?
        .query_row([key], |r| r.get(0))
        .optional()?;
    let Some(day) = day else {
        return Ok(false);
    };
    let added = tx
        .prepare_cached(
            "INSERT OR IGNORE INTO doc_clusters (doc, near, related, day)
             VALUES (?1, ?1, ?1, ?2)",
        )?
        .execute(params![key, day])?;
    Ok(added > 0)
}

/// The two cluster columns of `doc_clusters`.
#[derive(Clone, Copy)]
enum Level {
    Near,
    Related,
}

impl Level {
    fn column(self) -> &'static str {
        match self {
            Level::Near => "near",
            Level::Related => "related",
        }
    }
}

/// Merges the `level` clusters named by the representatives `reps` into
/// one, named by the member with the smallest document id (a
/// representative no longer stored comes last): the members of the others
/// are relabelled, an indexed update per cluster merged. Returns the
/// representative of the merged cluster.
fn merge_clusters(
    tx: &Connection,
    level: Level,
    reps: &BTreeSet<i64>,
) -> rusqlite::Result<Option<i64>> {
    if reps.len() < 2 {
        return Ok(reps.first().copied());
    }
    let mut id_of = tx.prepare_cached("SELECT id FROM documents WHERE doc_key = ?1")?;
    let mut named: Vec<(bool, Option<String>, i64)> = Vec::with_capacity(reps.len());
    for &rep in reps {
        let id: Option<String> = id_of.query_row([rep], |r| r.get(0)).optional()?;
        named.push((id.is_none(), id, rep));
    }
    named.sort();
    let mut named = named.into_iter().map(|(_, _, rep)| rep);
    let Some(best) = named.next() else {
        return Ok(None);
    };
    let col = level.column();
    // OR FAIL: no statement journal (a copy of every page the update
    // touches, kept to undo it alone on a constraint error; none can occur,
    // and an error drops the whole batch anyway).
    let mut relabel = tx.prepare_cached(&format!(
        "UPDATE OR FAIL doc_clusters SET {col} = ?1 WHERE {col} = ?2"
    ))?;
    for rep in named {
        relabel.execute(params![best, rep])?;
    }
    Ok(Some(best))
}

/// The stored documents (keys) sharing at least one of `bands`: one
/// statement for all bands (a document has as many bands as the MinHash
/// settings give, the same for every document, so one cached statement),
/// rather than one execution per band.
fn band_keys(conn: &Connection, bands: &[u64], what: &str) -> Result<BTreeSet<i64>, StoreError> {
    if bands.is_empty() {
        return Ok(BTreeSet::new());
    }
    let marks = vec!["?"; bands.len()].join(", ");
    let mut st = conn
        .prepare_cached(&format!(
            "SELECT doc FROM doc_bands WHERE band IN ({marks})"
        ))
        .ctx(what)?;
    let rows = st
        .query_map(
            rusqlite::params_from_iter(bands.iter().map(|&b| band_int(b))),
            |r| r.get::<_, i64>(0),
        )
        .ctx(what)?;
    rows.collect::<Result<BTreeSet<i64>, _>>().ctx(what)
}

pub(crate) fn band_candidates(
    conn: &Connection,
    bands: &[u64],
) -> Result<Vec<Candidate>, StoreError> {
    let what = "looking up near-duplicate candidates";
    let keys = band_keys(conn, bands, what)?;
    let mut get = conn
        .prepare_cached(
            "SELECT d.id, s.minhash FROM doc_signatures s JOIN documents d ON d.doc_key = s.doc
             WHERE s.doc = ?1",
        )
        .ctx(what)?;
    let mut out = Vec::new();
    for k in keys {
        if let Some(c) = get
            .query_row([k], |r| {
                Ok(Candidate {
                    id: r.get(0)?,
                    minhash: r.get(1)?,
                })
            })
            .optional()
            .ctx(what)?
        {
            out.push(c);
        }
    }
    out.sort_by(|a, b| a.id.cmp(&b.id));
    Ok(out)
}

/// What [`linked_candidates`](crate::Store::linked_candidates) needs to
/// know of the new document: its publication day and the two thresholds
/// of [`SignatureWrite`].
#[derive(Debug, Clone, Copy)]
pub struct LinkQuery<'a> {
    /// The new document's publication day, `YYYY-MM-DD`.
    pub published: &'a str,
    /// [`SignatureWrite::near_from`].
    pub near_from: f64,
    /// [`SignatureWrite::related_within_days`].
    pub related_within_days: i64,
    /// The least similarity of a candidate the caller links to: one less
    /// similar (and below `near_from`) is not returned, and the caller
    /// must link every candidate returned (see
    /// [`linked_candidates`](crate::Store::linked_candidates)).
    pub keep_from: f64,
}

/// A stored document sharing a band with the new one, as its band row
/// gives it (migration 0018).
struct BandMate {
    key: i64,
    /// The near-duplicate representative written with the row: a member
    /// of its cluster (see [`Clusters`]).
    near: i64,
    /// Its related-text representative, the same way.
    related: i64,
    /// Days between its publication and the new document's; `None` when
    /// either does not read as a date (in the window).
    days: Option<f64>,
}

/// The current clusters named by representatives written in band rows.
/// Such a representative was a member of the document's cluster, and
/// clusters only merge, so its own cluster row names the document's
/// cluster now (a document without a cluster row is a cluster of its own).
struct Clusters<'c> {
    st: rusqlite::CachedStatement<'c>,
    known: BTreeMap<i64, (i64, i64)>,
}

impl Clusters<'_> {
    /// The (near-duplicate, related-text) clusters of the document `rep`.
    fn of(&mut self, rep: i64) -> rusqlite::Result<(i64, i64)> {
        if let Some(&c) = self.known.get(&rep) {
            return Ok(c);
        }
        let c = self
            .st
            .query_row([rep], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?
            .unwrap_or((rep, rep));
        self.known.insert(rep, c);
        Ok(c)
    }
}

/// What [`linked_candidates`] has found so far.
struct Linking<'c, F> {
    q: LinkQuery<'c>,
    similarity: F,
    signature_of: rusqlite::CachedStatement<'c>,
    clusters: Clusters<'c>,
    near_joined: BTreeSet<i64>,
    related_joined: BTreeSet<i64>,
    seen: HashSet<i64>,
    out: Vec<LinkedDoc>,
}

impl<F: FnMut(&[u8]) -> Option<f64>> Linking<'_, F> {
    /// Compares `c` with the new document unless it can change none of the
    /// clusters the new document joins (or was considered already).
    fn consider(&mut self, c: BandMate) -> rusqlite::Result<()> {
        if !self.seen.insert(c.key) {
            return Ok(());
        }
        let (near, _) = self.clusters.of(c.near)?;
        let in_window = c
            .days
            .is_none_or(|d| d <= self.q.related_within_days as f64);
        let in_near = self.near_joined.contains(&near);
        if in_near && !in_window {
            return Ok(());
        }
        let (_, related) = self.clusters.of(c.related)?;
        if in_near && self.related_joined.contains(&related) {
            return Ok(());
        }
        let Some(bytes) = self
            .signature_of
            .query_row([c.key], |r| r.get::<_, Vec<u8>>(0))
            .optional()?
        else {
            return Ok(());
        };
        let Some(s) = (self.similarity)(&bytes) else {
            return Ok(());
        };
        if s < self.q.keep_from && s < self.q.near_from {
            return Ok(());
        }
        if s >= self.q.near_from {
            self.near_joined.insert(near);
        }
        if in_window && s >= self.q.keep_from {
            self.related_joined.insert(related);
        }
        self.out.push(LinkedDoc {
            key: c.key,
            similarity: s,
        });
        Ok(())
    }
}

/// Band rows within the window [`within_window`] reads at once, before it
/// reads them by (day, related-text cluster) pair instead.
const WINDOW_AT_ONCE: usize = 64;

/// Members of a joined near-duplicate cluster (by the representative their
/// band rows name) listed at most before the lookup lists around them
/// (see [`linked_candidates`]).
const LISTED_PER_CLUSTER: usize = 32;

/// The stored documents sharing an LSH band with `bands` that can change
/// the new document's clusters, each with its similarity (from
/// `similarity`, given the candidate's signature bytes; `None` skips it).
/// The caller links the new document to every candidate returned
/// (`keep_from` is its threshold), which joins it to the candidate's
/// near-duplicate cluster when the similarity reaches `near_from`, and to
/// its related-text cluster when published within the window.
///
/// A link only ever adds a cluster to the ones the new document joins, so
/// a candidate whose near-duplicate cluster is joined already, and whose
/// related-text cluster is too (or who lies outside the window), can add
/// nothing: it is not compared, and its signature is not read. The
/// clusters written are therefore those of comparing every candidate, in
/// any order.
///
/// Band rows are kept in (band, cluster, day, related-text cluster) order
/// (migration 0018): once more than [`LISTED_PER_CLUSTER`] members of one
/// joined cluster have come up, the lookup lists the bands again around
/// that cluster's rows (an index seek on each side in each band) and reads
/// of that cluster only the members published within the window whose
/// related-text cluster is not joined, found by (day, related-text
/// cluster) pairs ([`within_window`]). A text recurring k times, over the
/// years or on one day, thus costs each new copy a bounded number of rows,
/// where listing its k band mates grew with the square of the cluster (a
/// fifth of a 100,000-article ingest; most of ingesting 3,000 copies of
/// one wire story).
///
/// With a complete `mirror` (every band row of the store, in memory: see
/// [`BandMirror`]) the band mates are read there, and each compared unless
/// [`Linking::consider`] can tell it changes nothing; with one of this
/// run's rows only, those are read there the same way, then the store's
/// through SQL. Through SQL alone when one of the bands is shared by many
/// documents, `before_sql` first (the caller writes the band rows it holds
/// back into `doc_bands`).
pub(crate) fn linked_candidates(
    conn: &Connection,
    mirror: Option<&BandMirror>,
    before_sql: impl FnOnce() -> Result<(), StoreError>,
    bands: &[u64],
    q: LinkQuery<'_>,
    similarity: impl FnMut(&[u8]) -> Option<f64>,
) -> Result<Vec<LinkedDoc>, StoreError> {
    let what = "looking up near-duplicate candidates";
    let bands = distinct_bands(bands);
    if bands.is_empty() {
        return Ok(Vec::new());
    }
    let mut linking = Linking {
        q,
        similarity,
        signature_of: conn
            .prepare_cached("SELECT minhash FROM doc_signatures WHERE doc = ?1")
            .ctx(what)?,
        clusters: Clusters {
            st: conn
                .prepare_cached("SELECT near, related FROM doc_clusters WHERE doc = ?1")
                .ctx(what)?,
            known: BTreeMap::new(),
        },
        near_joined: BTreeSet::new(),
        related_joined: BTreeSet::new(),
        seen: HashSet::new(),
        out: Vec::new(),
    };
    // The new document's day as band rows keep it (`None` when it does not
    // read as a date: every candidate is in its window).
    let day: Option<f64> = conn
        .prepare_cached("SELECT julianday(?1)")
        .and_then(|mut st| st.query_row([q.published], |r| r.get::<_, Option<f64>>(0)))
        .ctx(what)?
        .map(band_day);
    match mirror.map(|m| (m.complete, m.mates(&bands))) {
        Some((complete, Some(mates))) => {
            for m in mates {
                // As `COLUMNS` computes it.
                let days = day.filter(|_| m.day >= 0.0).map(|d| (m.day - d).abs());
                linking
                    .consider(BandMate {
                        key: m.key,
                        near: m.near,
                        related: m.related,
                        days,
                    })
                    .ctx(what)?;
            }
            if complete {
                return Ok(linking.out);
            }
            // The rows of this run are those just read; the store's older
            // ones are read through SQL below, around the clusters those
            // joined (a row in both is compared once).
        }
        // No mirror, or a band too long for it: through SQL alone, which
        // must see every row.
        _ => before_sql()?,
    }
    let n = bands.len();
    // ?1 the day, ?2.. the bands, then the representatives listed around.
    let in_bands = (2..n + 2)
        .map(|i| format!("?{i}"))
        .collect::<Vec<_>>()
        .join(", ");
    let mut around: Vec<i64> = Vec::new();
    loop {
        let sql = listing(&in_bands, n + 2, around.len());
        let mut st = conn.prepare_cached(&sql).ctx(what)?;
        let params = std::iter::once(day.map_or(Value::Null, Value::Real))
            .chain(bands.iter().map(|&b| Value::Integer(b)))
            .chain(around.iter().map(|&r| Value::Integer(r)));
        let rows = st.query(rusqlite::params_from_iter(params)).ctx(what)?;
        match list(rows, &mut linking).ctx(what)? {
            Some(rep) => {
                let at = around.partition_point(|&r| r < rep);
                around.insert(at, rep);
            }
            None => break,
        }
    }
    if !around.is_empty() {
        within_window(conn, &bands, &around, day, &mut linking).ctx(what)?;
    }
    Ok(linking.out)
}

/// The statement listing the band rows ([`COLUMNS`]) of the bands
/// `in_bands` but those naming the `around` representatives (parameters
/// from `?first`, in increasing order), each document once.
fn listing(in_bands: &str, first: usize, around: usize) -> String {
    let mut ranges = Vec::with_capacity(around + 1);
    for i in 0..=around {
        let mut cond = Vec::new();
        if i > 0 {
            cond.push(format!("near > ?{}", first + i - 1));
        }
        if i < around {
            cond.push(format!("near < ?{}", first + i));
        }
        let cond = if cond.is_empty() {
            String::new()
        } else {
            format!(" AND {}", cond.join(" AND "))
        };
        ranges.push(format!(
            "SELECT doc, near, day, related FROM doc_bands WHERE band IN ({in_bands}){cond}"
        ));
    }
    // Each document once (its rows in other bands name the same clusters
    // and day), its days from the new document's computed once.
    format!(
        "SELECT {COLUMNS} FROM (SELECT DISTINCT doc, near, day, related FROM ({}))",
        ranges.join(" UNION ALL ")
    )
}

/// The columns [`list`] reads, days from the new document's (?1): NULL
/// when either day does not read as a date (in the window).
const COLUMNS: &str =
    "doc, near, CASE WHEN day < 0 THEN NULL ELSE abs(day - ?1) END AS days, related";

/// A band row listed with [`COLUMNS`].
fn band_mate(r: &rusqlite::Row<'_>) -> rusqlite::Result<BandMate> {
    Ok(BandMate {
        key: r.get(0)?,
        near: r.get(1)?,
        days: r.get(2)?,
        related: r.get(3)?,
    })
}

/// Considers the listed band rows ([`COLUMNS`]) in order; stops at the
/// first representative of a joined cluster to come up more than
/// [`LISTED_PER_CLUSTER`] times, and returns it.
fn list<F: FnMut(&[u8]) -> Option<f64>>(
    mut rows: rusqlite::Rows<'_>,
    linking: &mut Linking<'_, F>,
) -> rusqlite::Result<Option<i64>> {
    let mut joined_listed: BTreeMap<i64, usize> = BTreeMap::new();
    while let Some(r) = rows.next()? {
        let c = band_mate(r)?;
        let (near, _) = linking.clusters.of(c.near)?;
        if linking.near_joined.contains(&near) {
            let listed = joined_listed.entry(c.near).or_default();
            *listed += 1;
            if *listed > LISTED_PER_CLUSTER {
                return Ok(Some(c.near));
            }
        }
        linking.consider(c)?;
    }
    Ok(None)
}

/// Considers the members of the joined clusters `reps` in `bands` that
/// were published within the window (or on a day that does not read as a
/// date) and whose related-text cluster is not joined: the others can
/// change nothing. Fewer than [`WINDOW_AT_ONCE`] rows are read at once.
/// Beyond, the band rows of a cluster being in (day, related-text
/// representative) order, the pairs present within the window are listed
/// first, an index seek or two each, and the members of a pair read only
/// when its related-text cluster is not joined: k copies published the
/// same day, one story, are one pair.
fn within_window<F: FnMut(&[u8]) -> Option<f64>>(
    conn: &Connection,
    bands: &[i64],
    reps: &[i64],
    day: Option<f64>,
    linking: &mut Linking<'_, F>,
) -> rusqlite::Result<()> {
    let json = |v: &[i64]| {
        serde_json::to_string(v).map_err(|e| rusqlite::Error::ToSqlConversionFailure(Box::new(e)))
    };
    let (bands, reps) = (json(bands)?, json(reps)?);
    // The days to read: the window (widened by a hair here and checked
    // exactly by `consider`, as for every candidate) and the rows whose day
    // does not read as a date (UNDATED); every day when the new document's does
    // not read as one.
    let (lo, hi) = match day {
        Some(day) => {
            let w = linking.q.related_within_days as f64 + 1e-6;
            (day - w, day + w)
        }
        None => (f64::MIN, f64::MAX),
    };
    // Usually a few members lie within the window: read them at once.
    {
        let mut st = conn.prepare_cached(&format!(
            "SELECT {COLUMNS} FROM doc_bands
             WHERE band IN (SELECT value FROM json_each(?2))
               AND near IN (SELECT value FROM json_each(?3)) AND day BETWEEN ?4 AND ?5
             UNION ALL
             SELECT {COLUMNS} FROM doc_bands
             WHERE band IN (SELECT value FROM json_each(?2))
               AND near IN (SELECT value FROM json_each(?3)) AND day < 0
             LIMIT ?6"
        ))?;
        let rows = st.query_map(
            params![day, bands, reps, lo, hi, int(WINDOW_AT_ONCE)],
            band_mate,
        )?;
        let found = rows.collect::<Result<Vec<_>, _>>()?;
        if found.len() < WINDOW_AT_ONCE {
            for c in found {
                linking.consider(c)?;
            }
            return Ok(());
        }
    }
    // Many (copies of one story): by (day, story) pair. A pair (day,
    // related) is followed by the next related-text representative of that
    // day, else by the next day's first (a row with `related` NULL names
    // that day, and the step after it its first).
    const NEXT_RELATED: &str = "SELECT min(d.related) FROM doc_bands d
        WHERE d.band = p.band AND d.near = p.near AND d.day = p.day AND d.related > p.related";
    let pairs: Vec<(i64, i64, f64, i64)> = {
        let mut st = conn.prepare_cached(&format!(
            "WITH RECURSIVE
             s(band, near, lo, hi) AS (
                 SELECT b.value, r.value, w.column1, w.column2
                 FROM json_each(?1) b, json_each(?2) r, (VALUES (?3, ?4), ({UNDATED}, {UNDATED})) w
             ),
             p(band, near, hi, day, related) AS (
                 SELECT band, near, hi,
                        (SELECT min(d.day) FROM doc_bands d
                         WHERE d.band = s.band AND d.near = s.near AND d.day BETWEEN s.lo AND s.hi),
                        NULL
                 FROM s
                 UNION ALL
                 SELECT band, near, hi,
                        CASE WHEN p.related IS NULL THEN p.day
                             ELSE coalesce(
                                 (SELECT p.day WHERE ({NEXT_RELATED}) IS NOT NULL),
                                 (SELECT min(d.day) FROM doc_bands d
                                  WHERE d.band = p.band AND d.near = p.near
                                    AND d.day > p.day AND d.day <= p.hi))
                        END,
                        CASE WHEN p.related IS NULL
                             THEN (SELECT min(d.related) FROM doc_bands d
                                   WHERE d.band = p.band AND d.near = p.near AND d.day = p.day)
                             ELSE ({NEXT_RELATED})
                        END
                 FROM p WHERE p.day IS NOT NULL
             )
             SELECT band, near, day, related FROM p
             WHERE day IS NOT NULL AND related IS NOT NULL"
        ))?;
        let rows = st.query_map(params![bands, reps, lo, hi], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
        })?;
        rows.collect::<Result<_, _>>()?
    };
    let mut members = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM doc_bands
         WHERE band = ?2 AND near = ?3 AND day = ?4 AND related = ?5"
    ))?;
    for (band, rep, at, related) in pairs {
        let (_, current) = linking.clusters.of(related)?;
        if linking.related_joined.contains(&current) {
            continue;
        }
        let mut rows = members.query(params![day, band, rep, at, related])?;
        while let Some(r) = rows.next()? {
            linking.consider(band_mate(r)?)?;
        }
    }
    Ok(())
}

pub(crate) fn doc_clusters(conn: &Connection) -> Result<Vec<DocCluster>, StoreError> {
    let what = "reading near-duplicate clusters";
    // Documents in a cluster of two or more: not their own representative,
    // or the representative of another (both lookups by index).
    let mut st = conn
        .prepare(
            "SELECT d.id, c.near, c.related FROM doc_clusters c
             JOIN documents d ON d.doc_key = c.doc
             WHERE c.near <> c.doc OR c.related <> c.doc
                OR EXISTS (SELECT 1 FROM doc_clusters o WHERE o.near = c.doc AND o.doc <> c.doc)
                OR EXISTS (SELECT 1 FROM doc_clusters o WHERE o.related = c.doc AND o.doc <> c.doc)
             ORDER BY d.id",
        )
        .ctx(what)?;
    let rows = st
        .query_map([], |r| {
            Ok(DocCluster {
                id: r.get(0)?,
                near: r.get(1)?,
                related: r.get(2)?,
            })
        })
        .ctx(what)?;
    rows.collect::<Result<Vec<_>, _>>().ctx(what)
}

/// Migration 0009: fills `doc_clusters` from the pair links of earlier
/// stores (union-find over the pairs, one pass), then drops `doc_links`.
/// Links from 0.5 (chronicler-consolidate's `NEAR_DUPLICATE` when version
/// 9 was made) are near duplicates; links between documents published at
/// most 3 days apart (its `stories::WINDOW_DAYS`) are related text.
pub(crate) fn clusters_from_links(tx: &Connection) -> Result<(), StoreError> {
    const NEAR: f64 = 0.5;
    const WINDOW_DAYS: f64 = 3.0;
    let what = "migrating near-duplicate links to clusters";
    let mut docs: Vec<(String, i64)> = {
        let mut st = tx
            .prepare(
                "SELECT d.id, d.doc_key FROM documents d
                 WHERE EXISTS (SELECT 1 FROM doc_signatures s WHERE s.doc = d.doc_key)
                    OR EXISTS (SELECT 1 FROM doc_links l WHERE l.a = d.doc_key OR l.b = d.doc_key)",
            )
            .ctx(what)?;
        let rows = st.query_map([], |r| Ok((r.get(0)?, r.get(1)?))).ctx(what)?;
        rows.collect::<Result<Vec<_>, _>>().ctx(what)?
    };
    // Indices by id: the smallest id of a component is its smallest index.
    docs.sort();
    let index: HashMap<i64, usize> = docs.iter().enumerate().map(|(i, d)| (d.1, i)).collect();
    let mut near: Vec<usize> = (0..docs.len()).collect();
    let mut related = near.clone();
    {
        let mut st = tx
            .prepare(
                "SELECT l.a, l.b, l.similarity,
                        abs(julianday(da.published) - julianday(db.published))
                 FROM doc_links l
                 JOIN documents da ON da.doc_key = l.a JOIN documents db ON db.doc_key = l.b",
            )
            .ctx(what)?;
        let mut rows = st.query([]).ctx(what)?;
        while let Some(r) = rows.next().ctx(what)? {
            let (a, b, sim): (i64, i64, f64) = (
                r.get(0).ctx(what)?,
                r.get(1).ctx(what)?,
                r.get(2).ctx(what)?,
            );
            let days: Option<f64> = r.get(3).ctx(what)?;
            if let (Some(&i), Some(&j)) = (index.get(&a), index.get(&b)) {
                if days.is_some_and(|d| d <= WINDOW_DAYS) {
                    union(&mut related, i, j);
                }
                if sim >= NEAR {
                    union(&mut near, i, j);
                }
            }
        }
    }
    let mut ins = tx
        .prepare("INSERT INTO doc_clusters (doc, near, related) VALUES (?1, ?2, ?3)")
        .ctx(what)?;
    for (i, (_, key)) in docs.iter().enumerate() {
        let (n, r) = (find(&mut near, i), find(&mut related, i));
        let rep = |j: usize| docs.get(j).map_or(*key, |d| d.1);
        ins.execute(params![key, rep(n), rep(r)]).ctx(what)?;
    }
    tx.execute_batch("DROP TABLE doc_links").ctx(what)
}

fn find(p: &mut [usize], mut i: usize) -> usize {
    while p[i] != i {
        p[i] = p[p[i]];
        i = p[i];
    }
    i
}

/// Joins the sets of `i` and `j`, the smaller root staying the root.
fn union(p: &mut [usize], i: usize, j: usize) {
    let (ri, rj) = (find(p, i), find(p, j));
    p[ri.max(rj)] = ri.min(rj);
}

pub(crate) fn unsigned_documents(conn: &Connection) -> Result<Vec<(String, String)>, StoreError> {
    let what = "listing documents without a signature";
    let keys = missing_keys(conn, "doc_signatures", "doc").ctx(what)?;
    let mut st = conn
        .prepare_cached("SELECT id, clean_text FROM documents WHERE doc_key = ?1")
        .ctx(what)?;
    let mut out = Vec::with_capacity(keys.len());
    for k in keys {
        out.push(
            st.query_row([k], |r| Ok((r.get(0)?, r.get(1)?)))
                .ctx(what)?,
        );
    }
    Ok(out)
}

pub(crate) fn add_signature(
    conn: &mut Connection,
    id: &str,
    sig: &SignatureWrite,
) -> Result<(), StoreError> {
    let tx = conn
        .transaction()
        .with_ctx(|| format!("signing document {id}"))?;
    let key: Option<i64> = tx
        .query_row("SELECT doc_key FROM documents WHERE id = ?1", [id], |r| {
            r.get(0)
        })
        .optional()
        .with_ctx(|| format!("signing document {id}"))?;
    let Some(key) = key else {
        return Ok(());
    };
    tx.execute("DELETE FROM doc_signatures WHERE doc = ?1", [key])
        .with_ctx(|| format!("signing document {id}"))?;
    insert_signature(&tx, key, id, sig, false)?;
    tx.commit().with_ctx(|| format!("signing document {id}"))
}

pub(crate) fn doc_facts(conn: &Connection) -> Result<Vec<DocFacts>, StoreError> {
    let what = "reading document facts";
    let mut st = conn
        .prepare(&format!("{DOC_FACTS} ORDER BY id"))
        .ctx(what)?;
    let rows = st.query_map([], doc_facts_row).ctx(what)?;
    rows.collect::<Result<Vec<_>, _>>().ctx(what)
}

/// The query of a document's [`DocFacts`] (without a condition).
const DOC_FACTS: &str = "SELECT id, ingested_at, length(clean_text), title FROM documents";

fn doc_facts_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<DocFacts> {
    Ok(DocFacts {
        id: r.get(0)?,
        ingested_at: r.get(1)?,
        chars: uint(r.get(2)?),
        title: r.get(3)?,
        tone: None,
    })
}

pub(crate) fn record_event_ids(
    conn: &mut Connection,
    ids: &[EventIdRecord],
) -> Result<usize, StoreError> {
    let what = "recording event ids";
    let tx = conn.transaction().ctx(what)?;
    let n = insert_event_ids(&tx, ids)?;
    tx.commit().ctx(what)?;
    Ok(n)
}

/// Records the ids not recorded yet; how many were new.
pub(crate) fn insert_event_ids(
    conn: &Connection,
    ids: &[EventIdRecord],
) -> Result<usize, StoreError> {
    let what = "recording event ids";
    let now = jiff::Timestamp::now().to_string();
    let mut st = conn
        .prepare_cached(
            "INSERT OR IGNORE INTO event_ids (id, doc, start_char, end_char, cameo_root, first_seen)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        )
        .ctx(what)?;
    let mut n = 0;
    for r in ids {
        n += st
            .execute(params![
                r.id,
                r.doc,
                int(r.start),
                int(r.end),
                r.cameo_root,
                now
            ])
            .ctx(what)?;
    }
    Ok(n)
}

pub(crate) fn event_id(conn: &Connection, id: &str) -> Result<Option<EventIdRecord>, StoreError> {
    conn.query_row(
        "SELECT id, doc, start_char, end_char, cameo_root FROM event_ids WHERE id = ?1",
        [id],
        |r| {
            Ok(EventIdRecord {
                id: r.get(0)?,
                doc: r.get(1)?,
                start: uint(r.get(2)?),
                end: uint(r.get(3)?),
                cameo_root: r.get(4)?,
            })
        },
    )
    .optional()
    .with_ctx(|| format!("looking up event id {id}"))
}

/// Where a coded event stands in the kept consolidation: its position in
/// [`crate::Store::coded_events`] order, and its block and group label
/// when it was grouped in an earlier run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventGroup {
    /// Document id.
    pub doc: String,
    /// The event's ordinal within its document.
    pub ordinal: usize,
    /// Its block, once grouped.
    pub block: Option<String>,
    /// Its group label within the block, once grouped.
    pub group: Option<String>,
}

/// One grouped event to keep (see [`crate::Store::write_consolidation`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventGroupWrite {
    /// Document id.
    pub doc: String,
    /// The event's ordinal within its document.
    pub ordinal: usize,
    /// Its block.
    pub block: String,
    /// Its group label within the block.
    pub group: String,
}

pub(crate) fn event_groups(conn: &Connection) -> Result<Vec<EventGroup>, StoreError> {
    let what = "reading event groups";
    let mut st = conn
        .prepare(
            "SELECT d.id, e.ordinal, g.block, g.grp FROM events e
             JOIN documents d ON d.doc_key = e.doc
             LEFT JOIN event_groups g ON g.doc = e.doc AND g.ordinal = e.ordinal
             ORDER BY d.id, e.sentence, e.ordinal",
        )
        .ctx(what)?;
    let rows = st
        .query_map([], |r| {
            Ok(EventGroup {
                doc: r.get(0)?,
                ordinal: uint(r.get(1)?),
                block: r.get(2)?,
                group: r.get(3)?,
            })
        })
        .ctx(what)?;
    rows.collect::<Result<Vec<_>, _>>().ctx(what)
}

pub(crate) fn doc_stories(conn: &Connection) -> Result<Vec<(String, String)>, StoreError> {
    let what = "reading document stories";
    let mut st = conn
        .prepare(
            "SELECT d.id, s.story FROM doc_stories s JOIN documents d ON d.doc_key = s.doc
             ORDER BY d.id",
        )
        .ctx(what)?;
    let rows = st.query_map([], |r| Ok((r.get(0)?, r.get(1)?))).ctx(what)?;
    rows.collect::<Result<Vec<_>, _>>().ctx(what)
}

pub(crate) fn write_consolidation(
    conn: &mut Connection,
    groups: &[EventGroupWrite],
    stories: &[(String, String)],
) -> Result<(), StoreError> {
    keep_consolidation(conn, false, groups, stories)
}

/// Writes `groups` and `stories` in one transaction (each row replacing
/// the kept one of its event or document), first deleting every group and
/// story row when `replace_all`.
///
/// One statement per table, each reading its rows from a JSON list,
/// instead of one per row: SQLite keeps a statement journal for a
/// statement that may write several rows and abort (an `INSERT OR
/// REPLACE`), with the page it changes copied into it, so a row at a time
/// copied a page into a temporary file per row: 220 MB of writes for the
/// 10,000-article corpus, as much as the WAL itself.
fn keep_consolidation(
    conn: &mut Connection,
    replace_all: bool,
    groups: &[EventGroupWrite],
    stories: &[(String, String)],
) -> Result<(), StoreError> {
    let what = "keeping the consolidation";
    let tx = conn.transaction().ctx(what)?;
    if replace_all {
        tx.execute_batch("DELETE FROM event_groups; DELETE FROM doc_stories;")
            .ctx(what)?;
    }
    write_groups(&tx, groups)?;
    write_stories(&tx, stories)?;
    tx.commit().ctx(what)
}

/// Gives each event of `groups` that block and group (replacing its row).
pub(crate) fn write_groups(
    conn: &Connection,
    groups: &[EventGroupWrite],
) -> Result<(), StoreError> {
    let rows: Vec<_> = groups
        .iter()
        .map(|g| (&g.doc, g.ordinal, &g.block, &g.group))
        .collect();
    // CROSS JOIN: the rows in the list's order (a later row for the
    // same event replaces an earlier one, as one statement per row did).
    insert_listed(
        conn,
        "INSERT OR REPLACE INTO event_groups (doc, ordinal, block, grp)
         SELECT d.doc_key, j.value ->> 1, j.value ->> 2, j.value ->> 3
         FROM json_each(?1) j CROSS JOIN documents d ON d.id = j.value ->> 0",
        &rows,
        "keeping the event groups",
    )
}

/// Gives each document of `stories` (document key, story id) that story.
pub(crate) fn write_stories_by_key(
    conn: &Connection,
    stories: &[(i64, String)],
) -> Result<(), StoreError> {
    insert_listed(
        conn,
        "INSERT OR REPLACE INTO doc_stories (doc, story)
         SELECT j.value ->> 0, j.value ->> 1 FROM json_each(?1) j",
        stories,
        "keeping the stories",
    )
}

/// Gives each document of `stories` (document id, story id) that story.
pub(crate) fn write_stories(
    conn: &Connection,
    stories: &[(String, String)],
) -> Result<(), StoreError> {
    insert_listed(
        conn,
        "INSERT OR REPLACE INTO doc_stories (doc, story)
         SELECT d.doc_key, j.value ->> 1
         FROM json_each(?1) j CROSS JOIN documents d ON d.id = j.value ->> 0",
        stories,
        "keeping the stories",
    )
}

/// Runs `sql`, an insert reading its rows from the JSON list `?1`, with
/// `rows` (nothing for none).
fn insert_listed<T: serde::Serialize>(
    conn: &Connection,
    sql: &str,
    rows: &[T],
    what: &str,
) -> Result<(), StoreError> {
    if rows.is_empty() {
        return Ok(());
    }
    let list = json(rows, what)?;
    conn.prepare_cached(sql)
        .and_then(|mut st| st.execute([list]))
        .ctx(what)?;
    Ok(())
}

/// Where a coded event is stored: (its document's key, its ordinal).
pub type EventKey = (i64, i64);

/// A coded event with its key and where it stands in the kept grouping
/// (see [`crate::Store::ungrouped_events`]).
#[derive(Debug, Clone, PartialEq)]
pub struct GroupedEvent {
    /// The event and its document.
    pub stored: crate::StoredEvent,
    /// Its document's key in the store.
    pub doc_key: i64,
    /// The event's ordinal within its document.
    pub ordinal: usize,
    /// Its block and group label, once grouped.
    pub kept: Option<(String, String)>,
}

/// A member of a kept group, without its document's text (see
/// [`crate::Store::group_members`]).
#[derive(Debug, Clone, PartialEq)]
pub struct GroupMember {
    /// Document id.
    pub doc: String,
    /// The document's publication day (`YYYY-MM-DD`).
    pub published: String,
    /// The event (its spans are byte offsets in the document's text).
    pub event: chronicler_core::CodedEvent,
}

/// A coded event as regrouping its block needs it: its key, its
/// document's id and day, its kept label, if any, and the event, without
/// its document's text (see [`crate::Store::block_members`]).
#[derive(Debug, Clone, PartialEq)]
pub struct BlockMember {
    /// Its document's key in the store.
    pub doc_key: i64,
    /// The event's ordinal within its document.
    pub ordinal: usize,
    /// Document id.
    pub doc: String,
    /// The document's publication day (`YYYY-MM-DD`).
    pub published: String,
    /// Its block and group label, once grouped.
    pub kept: Option<(String, String)>,
    /// The event (its spans are byte offsets in the document's text).
    pub event: chronicler_core::CodedEvent,
}

/// What the incremental story update needs of a document: its
/// publication day, its clusters and the groups of its events.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocNode {
    /// Document id.
    pub id: String,
    /// Publication day (`YYYY-MM-DD`).
    pub published: String,
    /// Its near-duplicate cluster's representative, when it has a row.
    pub near: Option<i64>,
    /// Its related-text cluster's representative, when it has a row.
    pub related: Option<i64>,
    /// (block, group label) of each of its grouped events, sorted, once each.
    pub groups: Vec<(String, String)>,
}

/// Which cluster [`cluster_members`](crate::Store::cluster_members) lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClusterLevel {
    /// Near duplicates (one source).
    Near,
    /// Related text (links within a few days of publication).
    Related,
}

/// The coded events no group holds yet (those of documents stored since
/// the last consolidation update), by document id, sentence and ordinal.
/// The group lookup comes before the document's (`CROSS JOIN` keeps that
/// order): grouped events, nearly all of a large store, are passed over
/// without reading their document's row.
pub(crate) fn ungrouped_events(conn: &Connection) -> Result<Vec<GroupedEvent>, StoreError> {
    ungrouped_events_at(conn, &ungrouped_keys(conn)?)
}

/// The keys (document key, ordinal) of the coded events no group holds
/// yet, sorted.
pub(crate) fn ungrouped_keys(conn: &Connection) -> Result<Vec<EventKey>, StoreError> {
    let what = "listing events without a kept group";
    // The events past the last grouped document when the counts show
    // they are all that is missing (see `newer_than_table`), else both key
    // lists in (doc, ordinal) order, each its table's primary key, merged:
    // a lookup per stored event cost 4,900 instructions an event on a
    // 100,000-article store, at the end of every ingest.
    let pair =
        |r: &rusqlite::Row<'_>| -> rusqlite::Result<(i64, i64)> { Ok((r.get(0)?, r.get(1)?)) };
    let missing = match newer_than_table(
        conn,
        [
            "SELECT count(*) FROM event_groups",
            "SELECT max(doc) FROM event_groups",
        ],
        "SELECT count(*) FROM events",
        "SELECT doc, ordinal FROM events WHERE doc > ?1 ORDER BY doc, ordinal",
        pair,
    )
    .ctx(what)?
    {
        Some(missing) => missing,
        None => {
            let keys = |sql: &str| -> rusqlite::Result<Vec<(i64, i64)>> {
                conn.prepare_cached(sql)?.query_map([], pair)?.collect()
            };
            let grouped =
                keys("SELECT doc, ordinal FROM event_groups ORDER BY doc, ordinal").ctx(what)?;
            let all = keys("SELECT doc, ordinal FROM events ORDER BY doc, ordinal").ctx(what)?;
            sorted_minus(all, &grouped)
        }
    };
    Ok(missing)
}

/// The coded events at `keys` (document key, ordinal) alone, without
/// their documents (no text read): (key, event), in `keys` order.
pub(crate) fn codes_at(
    conn: &Connection,
    keys: &[EventKey],
) -> Result<Vec<(EventKey, chronicler_core::CodedEvent)>, StoreError> {
    if keys.is_empty() {
        return Ok(Vec::new());
    }
    let what = "reading coded events";
    let list = json(keys, "listing events to read")?;
    let mut st = conn
        .prepare_cached(
            "SELECT e.* FROM json_each(?1) j
             CROSS JOIN events e ON e.doc = j.value ->> 0 AND e.ordinal = j.value ->> 1",
        )
        .ctx(what)?;
    let (cols, [ordinal]) = crate::read::event_columns(&st, ["ordinal"]).ctx(what)?;
    let rows = st
        .query_map([list], |r| {
            Ok((crate::read::event_row(r, &cols)?, r.get::<_, i64>(ordinal)?))
        })
        .ctx(what)?;
    let mut out = Vec::with_capacity(keys.len());
    for row in rows {
        let (event, ordinal) = row.ctx(what)?;
        let key = (event.doc_key(), ordinal);
        out.push((key, crate::read::coded_event(event)?));
    }
    Ok(out)
}

/// The coded events at `keys` (document key, ordinal), without their
/// kept labels, by document id, sentence and ordinal.
pub(crate) fn ungrouped_events_at(
    conn: &Connection,
    keys: &[EventKey],
) -> Result<Vec<GroupedEvent>, StoreError> {
    if keys.is_empty() {
        return Ok(Vec::new());
    }
    let list = json(keys, "listing events to read")?;
    let sql = "SELECT e.* FROM json_each(?1) j
         CROSS JOIN events e ON e.doc = j.value ->> 0 AND e.ordinal = j.value ->> 1
         CROSS JOIN documents d INDEXED BY documents_by_key ON d.doc_key = e.doc
         ORDER BY d.id, e.sentence, e.ordinal";
    let rows = crate::read::stored_events(
        conn,
        sql,
        [list],
        ["doc", "ordinal"],
        |r, [doc, ordinal]| Ok((r.get(doc)?, uint(r.get(ordinal)?))),
    )?;
    Ok(rows
        .into_iter()
        .map(|(stored, (doc_key, ordinal))| GroupedEvent {
            stored,
            doc_key,
            ordinal,
            kept: None,
        })
        .collect())
}

/// How many grouped events each of `blocks` holds (same order).
pub(crate) fn kept_block_sizes(
    conn: &Connection,
    blocks: &[String],
) -> Result<Vec<usize>, StoreError> {
    let what = "counting the events of kept blocks";
    let mut st = conn
        .prepare_cached("SELECT count(*) FROM event_groups WHERE block = ?1")
        .ctx(what)?;
    blocks
        .iter()
        .map(|b| st.query_row([b], |r| r.get::<_, i64>(0)).map(uint))
        .collect::<Result<_, _>>()
        .ctx(what)
}

pub(crate) fn group_members(
    conn: &Connection,
    block: &str,
    group: &str,
) -> Result<Vec<GroupMember>, StoreError> {
    let what = "reading a kept group";
    let mut st = conn
        .prepare_cached(
            "SELECT e.*, d.id AS doc_id, d.published AS doc_published FROM event_groups g
             JOIN events e ON e.doc = g.doc AND e.ordinal = g.ordinal
             JOIN documents d INDEXED BY documents_by_key ON d.doc_key = g.doc
             WHERE g.block = ?1 AND g.grp = ?2 ORDER BY d.id, e.ordinal",
        )
        .ctx(what)?;
    let (cols, [doc_id, doc_published]) =
        crate::read::event_columns(&st, ["doc_id", "doc_published"]).ctx(what)?;
    let rows = st
        .query_map([block, group], |r| {
            Ok((
                crate::read::event_row(r, &cols)?,
                r.get::<_, String>(doc_id)?,
                r.get::<_, String>(doc_published)?,
            ))
        })
        .ctx(what)?;
    let mut out = Vec::new();
    for row in rows {
        let (event, doc, published) = row.ctx(what)?;
        out.push(GroupMember {
            doc,
            published,
            event: crate::read::coded_event(event)?,
        });
    }
    Ok(out)
}

/// Each document's key, id and day, for the keys in the JSON array `?1`,
/// in its order: from the index by key (migration 0026), not the
/// documents' rows, which hold their texts.
const DOCS_BY_KEY: &str = "SELECT d.doc_key, d.id, d.published FROM json_each(?1) j
     CROSS JOIN documents d INDEXED BY documents_by_key ON d.doc_key = j.value";

/// The coded events of `blocks` with their kept labels, or (`blocks`
/// `None`) those at `keys` without them: [`BlockMember`]s, no text read,
/// in (document key, ordinal) order. The keys come first (from the
/// groups' index alone), then the events in their table's order and each
/// document's id and day once, from the index by key ([`DOCS_BY_KEY`];
/// from the documents' rows, 1.5 s more for a 3,000-article day into a
/// million-article store, most of it page faults): read in the order of
/// the groups' index, the events and documents of the 240 blocks a day
/// touches in a million-article store (336,448 events) took 2.9 s, most
/// of it in page look-ups; in key order, a fifth of that.
pub(crate) fn block_members(
    conn: &Connection,
    blocks: Option<&[String]>,
    keys: &[EventKey],
) -> Result<Vec<BlockMember>, StoreError> {
    let what = "reading the events of blocks";
    let mut labelled: Vec<(EventKey, Option<(String, String)>)> = match blocks {
        Some(blocks) => {
            let list = json(blocks, what)?;
            let mut st = conn
                .prepare_cached(
                    "SELECT g.doc, g.ordinal, g.block, g.grp
                     FROM json_each(?1) b CROSS JOIN event_groups g ON g.block = b.value",
                )
                .ctx(what)?;
            let rows = st
                .query_map([list], |r| {
                    Ok(((r.get(0)?, r.get(1)?), Some((r.get(2)?, r.get(3)?))))
                })
                .ctx(what)?;
            rows.collect::<rusqlite::Result<_>>().ctx(what)?
        }
        None => keys.iter().map(|&k| (k, None)).collect(),
    };
    labelled.sort_unstable_by_key(|(k, _)| *k);
    labelled.dedup_by_key(|(k, _)| *k);
    if labelled.is_empty() {
        return Ok(Vec::new());
    }
    let keys: Vec<EventKey> = labelled.iter().map(|(k, _)| *k).collect();
    let mut docs: Vec<i64> = keys.iter().map(|&(d, _)| d).collect();
    docs.dedup();
    // Each document's id and day, by key (sorted, as `docs`).
    let named: Vec<(i64, String, String)> = {
        let mut st = conn.prepare_cached(DOCS_BY_KEY).ctx(what)?;
        let rows = st
            .query_map([json(&docs, what)?], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?))
            })
            .ctx(what)?;
        rows.collect::<rusqlite::Result<_>>().ctx(what)?
    };
    drop(docs);
    let events = codes_at(conn, &keys)?;
    drop(keys);
    let mut out = Vec::with_capacity(events.len());
    let (mut labels, mut names) = (labelled.into_iter().peekable(), named.iter().peekable());
    for (key, event) in events {
        // The three lists are sorted by key.
        let kept = loop {
            match labels.next() {
                Some((k, kept)) if k == key => break kept,
                Some(_) => continue,
                None => break None,
            }
        };
        while names.next_if(|(d, _, _)| *d < key.0).is_some() {}
        let Some((_, doc, published)) = names.peek().filter(|(d, _, _)| *d == key.0) else {
            continue;
        };
        out.push(BlockMember {
            doc_key: key.0,
            ordinal: uint(key.1),
            doc: doc.clone(),
            published: published.clone(),
            kept,
            event,
        });
    }
    Ok(out)
}

pub(crate) fn unstoried_documents(conn: &Connection) -> Result<Vec<String>, StoreError> {
    let what = "listing documents without a kept story";
    // One read transaction: the keys and their ids from one snapshot, and
    // one lock of the WAL instead of one per document (after a 10,000-
    // article ingest, 10,000 statements each its own transaction).
    let _snapshot = crate::ReadSnapshot::begin(conn)?;
    let keys = missing_keys(conn, "doc_stories", "doc").ctx(what)?;
    let mut st = conn
        .prepare_cached("SELECT id FROM documents WHERE doc_key = ?1")
        .ctx(what)?;
    let mut ids = keys
        .into_iter()
        .map(|k| st.query_row([k], |r| r.get(0)))
        .collect::<Result<Vec<String>, _>>()
        .ctx(what)?;
    ids.sort_unstable();
    Ok(ids)
}

/// The stored documents (keys, increasing) without a row in `table`,
/// whose `column` is a document key (its INTEGER PRIMARY KEY), listed at
/// every ingest. Looking each document up in `table` cost 1,800
/// instructions a document on a 100,000-article store (0.18 G a list,
/// about a tenth of adding 20 articles to it); see [`newer_than_table`]
/// for what is read instead.
fn missing_keys(conn: &Connection, table: &str, column: &str) -> rusqlite::Result<Vec<i64>> {
    let newer = newer_than_table(
        conn,
        [
            &format!("SELECT count(*) FROM {table}"),
            &format!("SELECT max({column}) FROM {table}"),
        ],
        "SELECT count(*) FROM documents",
        "SELECT doc_key FROM documents WHERE doc_key > ?1 ORDER BY doc_key",
        |r| r.get(0),
    )?;
    if let Some(keys) = newer {
        return Ok(keys);
    }
    // By the publication index (it covers the key): no document text read.
    let mut all: Vec<i64> = conn
        .prepare_cached("SELECT doc_key FROM documents INDEXED BY documents_published")?
        .query_map([], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    all.sort_unstable();
    let present: Vec<i64> = conn
        .prepare_cached(&format!("SELECT {column} FROM {table} ORDER BY {column}"))?
        .query_map([], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    Ok(sorted_minus(all, &present))
}

/// The items of `all` not in `present`, both sorted: one merge pass.
fn sorted_minus<T: Ord>(all: Vec<T>, present: &[T]) -> Vec<T> {
    let mut present = present.iter().peekable();
    let mut out = Vec::new();
    for k in all {
        while present.next_if(|&p| *p < k).is_some() {}
        if present.peek() != Some(&&k) {
            out.push(k);
        }
    }
    out
}

/// The rows missing from a table that holds a row for some of another's,
/// when they are all past the table's last document: `Some` of the rows
/// (`newer`, given the table's last document key) when the counts show
/// it, `None` when the caller must compare the two whole.
///
/// `table` holds the statements answering the table's row count and its
/// greatest document key (two statements: SQLite counts by B-tree pages
/// and finds a maximum by one seek only when each is alone in a query),
/// `total` the other table's row count. Every row of `table` names a row
/// of the other (a foreign key with ON DELETE CASCADE; `chronicler check`
/// verifies it), at or before its greatest key; so when `table` holds as
/// many rows as the other has up to that key, it holds all of them, and
/// the missing rows are exactly those past it: an ingest's new documents,
/// read by key range. Counting reads B-tree pages, not rows.
fn newer_than_table<T>(
    conn: &Connection,
    table: [&str; 2],
    total: &str,
    newer: &str,
    row: impl FnMut(&rusqlite::Row<'_>) -> rusqlite::Result<T>,
) -> rusqlite::Result<Option<Vec<T>>> {
    let [count, max] = table;
    let present: i64 = conn.prepare_cached(count)?.query_row([], |r| r.get(0))?;
    let last: Option<i64> = conn.prepare_cached(max)?.query_row([], |r| r.get(0))?;
    let total: i64 = conn.prepare_cached(total)?.query_row([], |r| r.get(0))?;
    let rows: Vec<T> = conn
        .prepare_cached(newer)?
        .query_map([last.unwrap_or(i64::MIN)], row)?
        .collect::<Result<_, _>>()?;
    let up_to_last = total - i64::try_from(rows.len()).unwrap_or(i64::MAX);
    Ok((present == up_to_last).then_some(rows))
}

pub(crate) fn kept_story_sizes(
    conn: &Connection,
    ids: &[String],
    cap: usize,
) -> Result<usize, StoreError> {
    let what = "counting the documents of kept stories";
    let mut story_of = conn
        .prepare_cached(
            "SELECT s.story FROM documents d JOIN doc_stories s ON s.doc = d.doc_key
             WHERE d.id = ?1",
        )
        .ctx(what)?;
    let mut size_of = conn
        .prepare_cached("SELECT count(*) FROM doc_stories WHERE story = ?1")
        .ctx(what)?;
    let mut seen: HashSet<String> = HashSet::new();
    let mut total = 0usize;
    for id in ids {
        let Some(story) = story_of
            .query_row([id], |r| r.get::<_, String>(0))
            .optional()
            .ctx(what)?
        else {
            continue;
        };
        if !seen.insert(story.clone()) {
            continue;
        }
        total += uint(size_of.query_row([&story], |r| r.get(0)).ctx(what)?);
        if total > cap {
            break;
        }
    }
    Ok(total)
}

pub(crate) fn doc_node(conn: &Connection, id: &str) -> Result<Option<DocNode>, StoreError> {
    let what = || format!("reading the links of document {id}");
    let mut doc = conn
        .prepare_cached(
            "SELECT d.doc_key, d.published, c.near, c.related FROM documents d
             LEFT JOIN doc_clusters c ON c.doc = d.doc_key WHERE d.id = ?1",
        )
        .with_ctx(what)?;
    let Some((key, published, near, related)) = doc
        .query_row([id], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, Option<i64>>(2)?,
                r.get::<_, Option<i64>>(3)?,
            ))
        })
        .optional()
        .with_ctx(what)?
    else {
        return Ok(None);
    };
    let mut st = conn
        .prepare_cached("SELECT DISTINCT block, grp FROM event_groups WHERE doc = ?1 ORDER BY 1, 2")
        .with_ctx(what)?;
    let groups = st
        .query_map([key], |r| Ok((r.get(0)?, r.get(1)?)))
        .with_ctx(what)?
        .collect::<Result<Vec<_>, _>>()
        .with_ctx(what)?;
    Ok(Some(DocNode {
        id: id.to_string(),
        published,
        near,
        related,
        groups,
    }))
}

pub(crate) fn cluster_members(
    conn: &Connection,
    level: ClusterLevel,
    rep: i64,
) -> Result<Vec<(String, String)>, StoreError> {
    let what = "reading a cluster's documents";
    let col = match level {
        ClusterLevel::Near => Level::Near,
        ClusterLevel::Related => Level::Related,
    }
    .column();
    let mut st = conn
        .prepare_cached(&format!(
            "SELECT d.id, d.published FROM doc_clusters c
             JOIN documents d INDEXED BY documents_by_key ON d.doc_key = c.doc
             WHERE c.{col} = ?1 ORDER BY d.id"
        ))
        .ctx(what)?;
    let rows = st
        .query_map([rep], |r| Ok((r.get(0)?, r.get(1)?)))
        .ctx(what)?;
    rows.collect::<Result<Vec<_>, _>>().ctx(what)
}

pub(crate) fn replace_consolidation(
    conn: &mut Connection,
    groups: &[EventGroupWrite],
    stories: &[(String, String)],
) -> Result<(), StoreError> {
    keep_consolidation(conn, true, groups, stories)
}

/// Every document as stories need it, from the publication index (no
/// text read): (key, id, publication day).
pub(crate) fn each_story_document(
    conn: &Connection,
    mut f: impl FnMut(i64, String, String),
) -> Result<(), StoreError> {
    each_row(
        conn,
        "SELECT d.doc_key, d.id, d.published FROM documents d INDEXED BY documents_published",
        "listing documents for stories",
        |r| {
            f(r.get(0)?, r.get(1)?, r.get(2)?);
            Ok(())
        },
    )
}

/// Every cluster of `level` with two documents or more, handed to `f` one
/// at a time as its members' keys (ascending), clusters in the order of
/// their representatives: one pass over the cluster index (representative,
/// document), no sort, and nothing handed for the clusters of one
/// document, most of a store's, which tie no document to another.
pub(crate) fn each_cluster(
    conn: &Connection,
    level: ClusterLevel,
    mut f: impl FnMut(&[i64]),
) -> Result<(), StoreError> {
    let sql = match level {
        ClusterLevel::Near => "SELECT near, doc FROM doc_clusters INDEXED BY doc_clusters_near",
        ClusterLevel::Related => {
            "SELECT related, doc FROM doc_clusters INDEXED BY doc_clusters_related"
        }
    };
    let mut members: Vec<i64> = Vec::new();
    let mut rep = None;
    each_row(conn, sql, "reading near-duplicate clusters", |r| {
        let (this, doc): (i64, i64) = (r.get(0)?, r.get(1)?);
        if rep != Some(this) {
            if members.len() > 1 {
                f(&members);
            }
            members.clear();
            rep = Some(this);
        }
        members.push(doc);
        Ok(())
    })?;
    if members.len() > 1 {
        f(&members);
    }
    Ok(())
}

/// Runs `sql` (no parameters), handing each row to `f`, nothing kept.
fn each_row(
    conn: &Connection,
    sql: &str,
    what: &str,
    mut f: impl FnMut(&rusqlite::Row<'_>) -> rusqlite::Result<()>,
) -> Result<(), StoreError> {
    let mut st = conn.prepare_cached(sql).ctx(what)?;
    let mut rows = st.query([]).ctx(what)?;
    while let Some(r) = rows.next().ctx(what)? {
        f(r).ctx(what)?;
    }
    Ok(())
}

/// Every kept story: (document key, story id), the id borrowed from the
/// row.
pub(crate) fn each_story_row(
    conn: &Connection,
    mut f: impl FnMut(i64, &str),
) -> Result<(), StoreError> {
    each_row(
        conn,
        "SELECT doc, story FROM doc_stories",
        "reading document stories",
        |r| {
            let story = r.get_ref(1)?.as_str()?;
            f(r.get(0)?, story);
            Ok(())
        },
    )
}

/// A coded event of the kept grouping, with where it is stored (see
/// [`crate::Store::kept_blocks`]).
#[derive(Debug, Clone, PartialEq)]
pub struct KeptEvent {
    /// Its document's key.
    pub doc_key: i64,
    /// The event's ordinal within its document.
    pub ordinal: usize,
    /// Its group's label within its block.
    pub group: String,
    /// The event and its document.
    pub stored: crate::StoredEvent,
}

/// A document of a kept story, as the order of stories needs it (see
/// [`crate::Store::kept_story_heads`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoryHead {
    /// Document key.
    pub key: i64,
    /// Document id.
    pub id: String,
    /// Publication day (`YYYY-MM-DD`).
    pub published: String,
    /// (block, group label) of each of its grouped events, sorted, once each.
    pub groups: Vec<(String, String)>,
}

/// A document of a kept story, as stories need it (see
/// [`crate::Store::kept_story`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoryMember {
    /// Document key.
    pub key: i64,
    /// Document id.
    pub id: String,
    /// Title, if any.
    pub title: Option<String>,
    /// Publication day (`YYYY-MM-DD`).
    pub published: String,
    /// Outlet, if any.
    pub outlet: Option<String>,
    /// URL, if any.
    pub url: Option<String>,
    /// Its near-duplicate cluster's representative, when it has a row.
    pub near: Option<i64>,
    /// (block, group label) of each of its grouped events, sorted, once each.
    pub groups: Vec<(String, String)>,
}

/// Reads that stream the kept consolidation (one block or story at a
/// time) instead of loading it whole: what the exports and stories read.
impl crate::Store {
    /// True when every coded event has a kept group and every document a
    /// kept story (so the kept grouping is the consolidation; it is after
    /// every ingest). Counted, not looked up row by row: a group row names
    /// one event (its primary key) that exists (its foreign key, enforced
    /// wherever group rows are written, deleting it with the event), so
    /// every event has one exactly when there are as many group rows as
    /// events; stories likewise, one row per existing document. Four
    /// counts over indexes instead of a lookup per event and per document
    /// (1.5 s at a million articles).
    pub fn consolidation_is_current(&self) -> Result<bool, StoreError> {
        let what = "checking the kept consolidation";
        self.conn
            .prepare_cached(
                "SELECT (SELECT count(*) FROM event_groups) = (SELECT count(*) FROM events)
                    AND (SELECT count(*) FROM doc_stories) = (SELECT count(*) FROM documents)",
            )
            .and_then(|mut st| st.query_row([], |r| r.get(0)))
            .ctx(what)
    }

    /// True when the kept merged events ([`crate::KeptEventRow`], one per
    /// kept group) are those of the kept grouping: written by the update
    /// that last changed it. Read it in the snapshot that reads them.
    pub fn kept_events_current(&self) -> Result<bool, StoreError> {
        crate::kept_events::current(&self.conn)
    }

    /// The kept merged events of the groups `keys` (block, group label),
    /// in that order, one indexed read each; a group with no row
    /// (regrouped since it was named) is left out.
    pub fn kept_events_at(
        &self,
        keys: &[(&str, &str)],
    ) -> Result<Vec<crate::KeptEventRow>, StoreError> {
        crate::kept_events::at(&self.conn, keys)
    }

    /// Hands `f` the kept merged events in the order of merged events, or
    /// newest first (the dated ones from the latest, then the undated ones
    /// in their order), read in that order from an index, until `f` says
    /// false (see [`kept_events_current`](crate::Store::kept_events_current)).
    pub fn each_kept_event_in_order<E: From<StoreError>>(
        &self,
        newest: bool,
        f: impl FnMut(crate::KeptEventRow) -> Result<bool, E>,
    ) -> Result<(), E> {
        crate::kept_events::each_in_order(&self.conn, newest, f)
    }

    /// The latest first-report day among the kept merged events (the day
    /// a brief is of when none is asked for), without reading their rows.
    pub fn kept_latest_report(&self) -> Result<Option<jiff::civil::Date>, StoreError> {
        let day: Option<String> = self
            .conn
            .prepare_cached("SELECT max(first_report) FROM kept_events")
            .and_then(|mut st| st.query_row([], |r| r.get(0)))
            .ctx("reading the latest report day")?;
        day.map(|d| {
            d.parse()
                .map_err(|_| StoreError::Corrupt(format!("kept merged event day {d:?}")))
        })
        .transpose()
    }

    /// Hands `f` every kept merged event, in no particular order (see
    /// [`kept_events_current`](crate::Store::kept_events_current)).
    pub fn each_kept_event<E: From<StoreError>>(
        &self,
        f: impl FnMut(crate::KeptEventRow) -> Result<(), E>,
    ) -> Result<(), E> {
        crate::kept_events::each(&self.conn, f)
    }

    /// How many groups the kept grouping holds (each merges into one
    /// event): those [`kept_blocks`](crate::Store::kept_blocks) reads, since
    /// a group row's event and document exist (foreign keys, enforced
    /// wherever group rows are written, deleted with them). One pass over
    /// the group index.
    pub fn kept_group_count(&self) -> Result<usize, StoreError> {
        self.conn
            .prepare_cached("SELECT count(*) FROM (SELECT 1 FROM event_groups GROUP BY block, grp)")
            .and_then(|mut st| st.query_row([], |r| r.get::<_, i64>(0)))
            .map(uint)
            .ctx("counting the kept event groups")
    }

    /// Hands `f` the kept grouping one block at a time (block key and its
    /// events, by group label, then document id, sentence and ordinal),
    /// blocks in key order; at most one block is held.
    pub fn kept_blocks<E: From<StoreError>>(
        &self,
        f: impl FnMut(&str, Vec<KeptEvent>) -> Result<(), E>,
    ) -> Result<(), E> {
        let sql = "SELECT e.*, g.block AS kept_block, g.grp AS kept_grp FROM event_groups g
             JOIN events e ON e.doc = g.doc AND e.ordinal = g.ordinal
             JOIN documents d ON d.doc_key = g.doc
             ORDER BY g.block, g.grp, d.id, e.sentence, e.ordinal";
        self.each_kept_block(sql, [], f)
    }

    fn each_kept_block<E: From<StoreError>>(
        &self,
        sql: &str,
        params: impl rusqlite::Params,
        mut f: impl FnMut(&str, Vec<KeptEvent>) -> Result<(), E>,
    ) -> Result<(), E> {
        let mut block = String::new();
        let mut events: Vec<KeptEvent> = Vec::new();
        crate::read::each_stored_event(
            &self.conn,
            sql,
            params,
            ["doc", "ordinal", "kept_block", "kept_grp"],
            |r, [doc, ordinal, block, group]| {
                Ok((
                    r.get::<_, i64>(doc)?,
                    uint(r.get(ordinal)?),
                    r.get::<_, String>(block)?,
                    r.get::<_, String>(group)?,
                ))
            },
            |stored, (doc_key, ordinal, b, group)| {
                if b != block && !events.is_empty() {
                    f(&block, std::mem::take(&mut events))?;
                }
                block = b;
                events.push(KeptEvent {
                    doc_key,
                    ordinal,
                    group,
                    stored,
                });
                Ok::<(), E>(())
            },
        )?;
        if !events.is_empty() {
            f(&block, events)?;
        }
        Ok(())
    }

    /// The coded events stored at `keys` (document key, ordinal), in that
    /// order; keys not found are skipped.
    pub fn events_at(&self, keys: &[(i64, usize)]) -> Result<Vec<crate::StoredEvent>, StoreError> {
        let mut out = Vec::with_capacity(keys.len());
        for &(doc, ordinal) in keys {
            crate::read::each_stored_event(
                &self.conn,
                "SELECT e.* FROM events e WHERE e.doc = ?1 AND e.ordinal = ?2",
                params![doc, int(ordinal)],
                [],
                |_, []| Ok(()),
                |e, ()| {
                    out.push(e);
                    Ok::<(), StoreError>(())
                },
            )?;
        }
        Ok(out)
    }

    /// Hands `f`, for each of `keys` (document key, ordinal of a coded
    /// event, sorted by document key), its position in `keys` and its
    /// event's sentence, as the event's mention gives it ("" for an event
    /// not found). Each document's text is read once and not copied: what
    /// a text filter reads of a merged event's reports, without reading
    /// the events whole.
    pub fn each_event_sentence<E: From<StoreError>>(
        &self,
        keys: &[(i64, usize)],
        mut f: impl FnMut(usize, &str) -> Result<(), E>,
    ) -> Result<(), E> {
        let what = "reading the sentences of events";
        let mut span = self
            .conn
            .prepare_cached(
                "SELECT sentence_start, sentence_end FROM events WHERE doc = ?1 AND ordinal = ?2",
            )
            .ctx(what)?;
        let mut text = self
            .conn
            .prepare_cached("SELECT clean_text FROM documents WHERE doc_key = ?1")
            .ctx(what)?;
        let mut at = 0;
        while let Some(&(doc, _)) = keys.get(at) {
            let end = at + keys[at..].iter().take_while(|k| k.0 == doc).count();
            let mut spans = Vec::with_capacity(end - at);
            for &(_, ordinal) in &keys[at..end] {
                let s: Option<(i64, i64)> = span
                    .query_row(params![doc, int(ordinal)], |r| Ok((r.get(0)?, r.get(1)?)))
                    .optional()
                    .ctx(what)?;
                spans.push(s);
            }
            let mut failed = None;
            let mut found = false;
            text.query_row([doc], |r| {
                let text = r.get_ref(0)?.as_bytes().map_err(|e| {
                    rusqlite::Error::FromSqlConversionFailure(
                        0,
                        rusqlite::types::Type::Text,
                        e.into(),
                    )
                })?;
                found = true;
                for (j, s) in spans.iter().enumerate() {
                    let sentence = s.map_or("", |(a, b)| {
                        chronicler_core::text::slice_utf8(text, uint(a), uint(b))
                    });
                    if let Err(e) = f(at + j, sentence) {
                        failed = Some(e);
                        break;
                    }
                }
                Ok(())
            })
            .optional()
            .ctx(what)?;
            if let Some(e) = failed {
                return Err(e);
            }
            if !found {
                for j in at..end {
                    f(j, "")?;
                }
            }
            at = end;
        }
        Ok(())
    }

    /// The near-duplicate cluster representative of the document with
    /// key `doc`, when it has a cluster row.
    pub fn near_cluster_of(&self, doc: i64) -> Result<Option<i64>, StoreError> {
        self.conn
            .prepare_cached("SELECT near FROM doc_clusters WHERE doc = ?1")
            .and_then(|mut st| st.query_row([doc], |r| r.get(0)).optional())
            .ctx("reading a document's cluster")
    }

    /// The facts ([`crate::Store::doc_facts`]) of the document `id`.
    pub fn doc_facts_of(&self, id: &str) -> Result<Option<DocFacts>, StoreError> {
        self.conn
            .prepare_cached(&format!("{DOC_FACTS} WHERE id = ?1"))
            .and_then(|mut st| st.query_row([id], doc_facts_row).optional())
            .with_ctx(|| format!("reading the facts of document {id}"))
    }

    /// Hands `f` each kept story's label and its documents' key, id,
    /// publication day and groups ([`StoryHead`]), by document id: what
    /// orders the stories, read from the publication index alone (no
    /// document row, whose text makes a page or more each).
    pub fn kept_story_heads<E: From<StoreError>>(
        &self,
        mut f: impl FnMut(&str, Vec<StoryHead>) -> Result<(), E>,
    ) -> Result<(), E> {
        let what = "reading the kept stories' documents";
        let mut st = self
            .conn
            .prepare(
                "SELECT s.story, d.doc_key, d.id, d.published
                 FROM documents d INDEXED BY documents_published
                 JOIN doc_stories s ON s.doc = d.doc_key
                 ORDER BY s.story, d.id",
            )
            .ctx(what)?;
        let mut rows = st.query([]).ctx(what)?;
        let mut story = String::new();
        let mut heads: Vec<StoryHead> = Vec::new();
        while let Some(r) = rows.next().ctx(what)? {
            let s: String = r.get(0).ctx(what)?;
            if s != story && !heads.is_empty() {
                f(&story, std::mem::take(&mut heads))?;
            }
            story = s;
            let key: i64 = r.get(1).ctx(what)?;
            heads.push(StoryHead {
                key,
                id: r.get(2).ctx(what)?,
                published: r.get(3).ctx(what)?,
                groups: self.groups_of(key)?,
            });
        }
        if !heads.is_empty() {
            f(&story, heads)?;
        }
        Ok(())
    }

    /// (block, group label) of each grouped event of the document `key`
    /// (see [`crate::Store::document_key`]), sorted, once each: the kept groups,
    /// and so the kept merged events ([`crate::Store::kept_events_at`]), that
    /// the document reports.
    pub fn groups_of(&self, key: i64) -> Result<Vec<(String, String)>, StoreError> {
        let what = "reading a document's event groups";
        let mut st = self
            .conn
            .prepare_cached(
                "SELECT DISTINCT block, grp FROM event_groups WHERE doc = ?1 ORDER BY 1, 2",
            )
            .ctx(what)?;
        let groups = st
            .query_map([key], |g| Ok((g.get(0)?, g.get(1)?)))
            .ctx(what)?
            .collect::<Result<Vec<_>, _>>()
            .ctx(what)?;
        Ok(groups)
    }

    /// Hands `f` each kept story's label and the smallest id among its
    /// documents (what a story's id is made from), without reading its
    /// documents' rows further.
    pub fn each_kept_story_first_id<E: From<StoreError>>(
        &self,
        mut f: impl FnMut(&str, &str) -> Result<(), E>,
    ) -> Result<(), E> {
        let what = "reading the first document of each kept story";
        let mut st = self
            .conn
            .prepare(
                "SELECT s.story, min(d.id) FROM doc_stories s
                 JOIN documents d ON d.doc_key = s.doc GROUP BY s.story",
            )
            .ctx(what)?;
        let mut rows = st.query([]).ctx(what)?;
        while let Some(r) = rows.next().ctx(what)? {
            let story: String = r.get(0).ctx(what)?;
            let first: String = r.get(1).ctx(what)?;
            f(&story, &first)?;
        }
        Ok(())
    }

    /// The documents of the kept story `story`, by id.
    pub fn kept_story(&self, story: &str) -> Result<Vec<StoryMember>, StoreError> {
        let what = "reading a kept story";
        let mut st = self
            .conn
            .prepare_cached(&format!(
                "SELECT {STORY_MEMBER} FROM doc_stories s
                 JOIN documents d ON d.doc_key = s.doc
                 LEFT JOIN doc_clusters c ON c.doc = d.doc_key
                 WHERE s.story = ?1 ORDER BY d.id"
            ))
            .ctx(what)?;
        let mut rows = st.query([story]).ctx(what)?;
        let mut out = Vec::new();
        while let Some(r) = rows.next().ctx(what)? {
            out.push(self.story_member(r, 0)?);
        }
        Ok(out)
    }

    /// A [`StoryMember`] from a row of [`STORY_MEMBER`] columns starting
    /// at column `at`, with its groups.
    fn story_member(&self, r: &rusqlite::Row<'_>, at: usize) -> Result<StoryMember, StoreError> {
        let what = "reading a story's document";
        let key: i64 = r.get(at).ctx(what)?;
        let groups = self.groups_of(key)?;
        Ok(StoryMember {
            key,
            id: r.get(at + 1).ctx(what)?,
            title: r.get(at + 2).ctx(what)?,
            published: r.get(at + 3).ctx(what)?,
            outlet: r.get(at + 4).ctx(what)?,
            url: r.get(at + 5).ctx(what)?,
            near: r.get(at + 6).ctx(what)?,
            groups,
        })
    }
}

/// The columns [`crate::Store::story_member`] reads.
const STORY_MEMBER: &str = "d.doc_key, d.id, d.title, d.published, d.outlet, d.url, c.near";

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;

    #[test]
    fn documents_are_named_from_the_index_by_key_not_their_rows() {
        let dir = tempfile::tempdir().unwrap();
        let store = crate::Store::open(&dir.path().join("s.db")).unwrap();
        let steps = crate::query_plan(&store, DOCS_BY_KEY, ["[1, 2]"]);
        assert!(
            steps
                .iter()
                .any(|s| s.contains("COVERING INDEX documents_by_key")),
            "{steps:?}"
        );
    }
}
