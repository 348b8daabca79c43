//! Queries.

use chronicler_core::text::{char_offset_utf8, slice_utf8};
use chronicler_core::{Actor, CodedEvent, DateRange, Evidence, Place, Quantity, Span, Status};
use rusqlite::{params, Connection, OptionalExtension, Row};

use crate::codec::{
    geonames_id, int, parse_date, parse_date_from, parse_kind, parse_place_precision,
    parse_precision, uint,
};
use crate::schema::user_version;
use crate::{Context, DocumentRow, EventDoc, Stats, StoreError, StoredEvent};

const DOC_COLUMNS: &str = "d.id, d.path, d.format, d.url, d.title, d.outlet, d.published,
    d.published_source,
    (SELECT count(*) FROM sentences s WHERE s.doc = d.doc_key),
    (SELECT count(*) FROM events e WHERE e.doc = d.doc_key),
    d.cited_sources";

/// A document row with its JSON column still encoded.
struct RawDoc {
    row: DocumentRow,
    cited: String,
}

fn raw_doc(r: &Row<'_>) -> rusqlite::Result<RawDoc> {
    Ok(RawDoc {
        row: DocumentRow {
            id: r.get(0)?,
            path: r.get(1)?,
            format: r.get(2)?,
            url: r.get(3)?,
            title: r.get(4)?,
            outlet: r.get(5)?,
            published: r.get(6)?,
            published_source: r.get(7)?,
            sentences: uint(r.get(8)?),
            events: uint(r.get(9)?),
            cited_sources: Vec::new(),
        },
        cited: r.get(10)?,
    })
}

fn finish_doc(raw: RawDoc) -> Result<DocumentRow, StoreError> {
    let mut row = raw.row;
    row.cited_sources = serde_json::from_str(&raw.cited).map_err(|source| StoreError::Json {
        context: format!("reading the cited sources of document {}", row.id),
        source,
    })?;
    Ok(row)
}

pub(crate) fn documents(conn: &Connection) -> Result<Vec<DocumentRow>, StoreError> {
    let mut out = Vec::new();
    each_document(conn, |d| {
        out.push(d);
        Ok::<(), StoreError>(())
    })?;
    Ok(out)
}

pub(crate) fn each_document<E: From<StoreError>>(
    conn: &Connection,
    mut f: impl FnMut(DocumentRow) -> Result<(), E>,
) -> Result<(), E> {
    let what = "listing documents";
    let mut st = conn
        .prepare(&format!(
            "SELECT {DOC_COLUMNS} FROM documents d ORDER BY d.published, d.id"
        ))
        .ctx(what)?;
    let rows = st.query_map([], raw_doc).ctx(what)?;
    for raw in rows {
        f(finish_doc(raw.ctx(what)?)?)?;
    }
    Ok(())
}

/// Up to `limit` documents after `after` (publication day, id) in the
/// order of [`each_document`], and how many documents are stored: one
/// seek in the publication index, not a pass over the store.
pub(crate) fn documents_page(
    conn: &Connection,
    after: Option<(&str, &str)>,
    limit: usize,
) -> Result<(Vec<DocumentRow>, usize), StoreError> {
    let what = "listing a page of documents";
    // The count and the page from one snapshot, while an ingest writes.
    let _snapshot = crate::ReadSnapshot::begin(conn)?;
    let total: i64 = conn
        .query_row("SELECT count(*) FROM documents", [], |r| r.get(0))
        .ctx(what)?;
    let (day, id) = after.unwrap_or(("", ""));
    let from = if after.is_some() {
        "WHERE (d.published, d.id) > (?1, ?2)"
    } else {
        // ?1 and ?2 unused: every document.
        ""
    };
    let mut st = conn
        .prepare_cached(&format!(
            "SELECT {DOC_COLUMNS} FROM documents d {from}
             ORDER BY d.published, d.id LIMIT ?3"
        ))
        .ctx(what)?;
    let rows = st
        .query_map(params![day, id, int(limit)], raw_doc)
        .ctx(what)?;
    let mut out = Vec::new();
    for raw in rows {
        out.push(finish_doc(raw.ctx(what)?)?);
    }
    Ok((out, uint(total)))
}

pub(crate) fn document(conn: &Connection, id: &str) -> Result<Option<DocumentRow>, StoreError> {
    conn.query_row(
        &format!("SELECT {DOC_COLUMNS} FROM documents d WHERE d.id = ?1"),
        [id],
        raw_doc,
    )
    .optional()
    .with_ctx(|| format!("reading document {id}"))?
    .map(finish_doc)
    .transpose()
}

/// The document with key `key`, as an event names it, and the bytes of
/// its clean text, which are not checked as a whole: an event needs only
/// its sentence, and [`slice_utf8`] checks that part.
fn document_by_key(conn: &Connection, key: i64) -> Result<(EventDoc, Vec<u8>), StoreError> {
    // Cached: the streamed reads (`Store::kept_blocks`) come here once per event.
    conn.prepare_cached(
        "SELECT id, path, url, outlet, published, clean_text FROM documents WHERE doc_key = ?1",
    )
    .and_then(|mut st| {
        st.query_row([key], |r| {
            let text = r.get_ref(5)?.as_bytes().map_err(|e| {
                rusqlite::Error::FromSqlConversionFailure(5, rusqlite::types::Type::Text, e.into())
            })?;
            Ok((
                EventDoc {
                    id: r.get(0)?,
                    path: r.get(1)?,
                    url: r.get(2)?,
                    outlet: r.get(3)?,
                    published: r.get(4)?,
                },
                text.to_vec(),
            ))
        })
    })
    .ctx("reading the document of an event")
}

pub(crate) fn document_text(conn: &Connection, id: &str) -> Result<Option<String>, StoreError> {
    conn.query_row(
        "SELECT clean_text FROM documents WHERE id = ?1",
        [id],
        |r| r.get(0),
    )
    .optional()
    .with_ctx(|| format!("reading the text of document {id}"))
}

/// One `events` row as stored.
pub(crate) struct EventRow {
    doc_key: i64,
    sentence: i64,
    sentence_start: i64,
    sentence_end: i64,
    trigger_start: i64,
    trigger_end: i64,
    source: [Option<String>; 6],
    target: [Option<String>; 6],
    cameo: String,
    status: String,
    date_start: Option<String>,
    date_end: Option<String>,
    date_precision: String,
    location_name: Option<String>,
    location_country: Option<String>,
    location_lat: Option<f64>,
    location_lon: Option<f64>,
    location_kind: Option<String>,
    /// The gazetteer codes and the hedge (NULL in rows written before
    /// schema version 8).
    location_fips: Option<String>,
    location_adm1: Option<String>,
    location_geonames_id: Option<i64>,
    location_precision: Option<String>,
    date_approximate: Option<bool>,
    /// Where the date came from ('unrecorded' in rows written before
    /// schema version 12) and, when carried, from which sentence.
    date_from: String,
    date_from_sentence: Option<i64>,
    quantities: String,
    symmetric: bool,
    confidence: f64,
    rule: String,
}

impl EventRow {
    /// Its document's key.
    pub(crate) fn doc_key(&self) -> i64 {
        self.doc_key
    }
}

/// The columns of a statement by name, looked up once: rusqlite's
/// `Row::get` by name compares the statement's column names one by one on
/// every call (a quarter of adding 2,000 articles to a 100,000-article
/// store went there, reading back events of ~45 columns).
struct Columns(std::collections::HashMap<String, usize>);

impl Columns {
    /// The columns of `st` (names compared ignoring ASCII case, the first
    /// of equal names winning, as `Row::get` by name does).
    fn of(st: &rusqlite::Statement<'_>) -> Columns {
        let mut by_name = std::collections::HashMap::new();
        for (i, name) in st.column_names().enumerate() {
            by_name.entry(name.to_ascii_lowercase()).or_insert(i);
        }
        Columns(by_name)
    }

    /// The index of the column `name`.
    fn idx(&self, name: &str) -> rusqlite::Result<usize> {
        self.0
            .get(name)
            .or_else(|| self.0.get(&name.to_ascii_lowercase()))
            .copied()
            .ok_or_else(|| rusqlite::Error::InvalidColumnName(name.to_string()))
    }
}

/// The `events` columns (`e.*`) of `st`, and the indices of its `extra`
/// columns in that order: every name looked up once per statement.
pub(crate) fn event_columns<const N: usize>(
    st: &rusqlite::Statement<'_>,
    extra: [&str; N],
) -> rusqlite::Result<(EventCols, [usize; N])> {
    let c = Columns::of(st);
    let mut at = [0; N];
    for (a, name) in at.iter_mut().zip(extra) {
        *a = c.idx(name)?;
    }
    Ok((EventCols::of(&c)?, at))
}

/// Where [`event_row`] reads each column of an `events` row (`e.*`).
pub(crate) struct EventCols {
    doc: usize,
    sentence: usize,
    sentence_start: usize,
    sentence_end: usize,
    trigger_start: usize,
    trigger_end: usize,
    source: [usize; 6],
    target: [usize; 6],
    cameo: usize,
    status: usize,
    date_start: usize,
    date_end: usize,
    date_precision: usize,
    location_name: usize,
    location_country: usize,
    location_lat: usize,
    location_lon: usize,
    location_kind: usize,
    location_fips: usize,
    location_adm1: usize,
    location_geonames_id: usize,
    location_precision: usize,
    date_approximate: usize,
    date_from: usize,
    date_from_sentence: usize,
    quantities: usize,
    symmetric: usize,
    confidence: usize,
    rule: usize,
}

impl EventCols {
    /// The `events` columns among `c`.
    fn of(c: &Columns) -> rusqlite::Result<EventCols> {
        let actor = |prefix: &str| -> rusqlite::Result<[usize; 6]> {
            let mut out = [0; 6];
            for (o, col) in out
                .iter_mut()
                .zip(["entity", "name", "code", "country", "role", "kind"])
            {
                *o = c.idx(&format!("{prefix}_{col}"))?;
            }
            Ok(out)
        };
        Ok(EventCols {
            doc: c.idx("doc")?,
            sentence: c.idx("sentence")?,
            sentence_start: c.idx("sentence_start")?,
            sentence_end: c.idx("sentence_end")?,
            trigger_start: c.idx("trigger_start")?,
            trigger_end: c.idx("trigger_end")?,
            source: actor("source")?,
            target: actor("target")?,
            cameo: c.idx("cameo")?,
            status: c.idx("status")?,
            date_start: c.idx("date_start")?,
            date_end: c.idx("date_end")?,
            date_precision: c.idx("date_precision")?,
            location_name: c.idx("location_name")?,
            location_country: c.idx("location_country")?,
            location_lat: c.idx("location_lat")?,
            location_lon: c.idx("location_lon")?,
            location_kind: c.idx("location_kind")?,
            location_fips: c.idx("location_fips")?,
            location_adm1: c.idx("location_adm1")?,
            location_geonames_id: c.idx("location_geonames_id")?,
            location_precision: c.idx("location_precision")?,
            date_approximate: c.idx("date_approximate")?,
            date_from: c.idx("date_from")?,
            date_from_sentence: c.idx("date_from_sentence")?,
            quantities: c.idx("quantities")?,
            symmetric: c.idx("symmetric")?,
            confidence: c.idx("confidence")?,
            rule: c.idx("rule")?,
        })
    }
}

fn actor_cols(r: &Row<'_>, at: &[usize; 6]) -> rusqlite::Result<[Option<String>; 6]> {
    let [a, b, c, d, e, f] = *at;
    Ok([
        r.get(a)?,
        r.get(b)?,
        r.get(c)?,
        r.get(d)?,
        r.get(e)?,
        r.get(f)?,
    ])
}

pub(crate) fn event_row(r: &Row<'_>, c: &EventCols) -> rusqlite::Result<EventRow> {
    Ok(EventRow {
        doc_key: r.get(c.doc)?,
        sentence: r.get(c.sentence)?,
        sentence_start: r.get(c.sentence_start)?,
        sentence_end: r.get(c.sentence_end)?,
        trigger_start: r.get(c.trigger_start)?,
        trigger_end: r.get(c.trigger_end)?,
        source: actor_cols(r, &c.source)?,
        target: actor_cols(r, &c.target)?,
        cameo: r.get(c.cameo)?,
        status: r.get(c.status)?,
        date_start: r.get(c.date_start)?,
        date_end: r.get(c.date_end)?,
        date_precision: r.get(c.date_precision)?,
        location_name: r.get(c.location_name)?,
        location_country: r.get(c.location_country)?,
        location_lat: r.get(c.location_lat)?,
        location_lon: r.get(c.location_lon)?,
        location_kind: r.get(c.location_kind)?,
        location_fips: r.get(c.location_fips)?,
        location_adm1: r.get(c.location_adm1)?,
        location_geonames_id: r.get(c.location_geonames_id)?,
        location_precision: r.get(c.location_precision)?,
        date_approximate: r.get(c.date_approximate)?,
        date_from: r.get(c.date_from)?,
        date_from_sentence: r.get(c.date_from_sentence)?,
        quantities: r.get(c.quantities)?,
        symmetric: r.get(c.symmetric)?,
        confidence: r.get(c.confidence)?,
        rule: r.get(c.rule)?,
    })
}

fn actor(cols: [Option<String>; 6]) -> Result<Option<Actor>, StoreError> {
    let [entity, name, code, country, role, kind] = cols;
    let Some(entity) = entity else {
        return Ok(None);
    };
    Ok(Some(Actor {
        entity,
        name: name.unwrap_or_default(),
        code: code.unwrap_or_default(),
        country,
        role,
        kind: parse_kind(kind.as_deref().unwrap_or(""))?,
    }))
}

pub(crate) fn coded_event(e: EventRow) -> Result<CodedEvent, StoreError> {
    let status = Status::parse(&e.status)
        .ok_or_else(|| StoreError::Corrupt(format!("unknown event status {:?}", e.status)))?;
    let quantities: Vec<Quantity> =
        serde_json::from_str(&e.quantities).map_err(|source| StoreError::Json {
            context: "reading event quantities".to_string(),
            source,
        })?;
    let precision = e
        .location_precision
        .as_deref()
        .map(parse_place_precision)
        .transpose()?;
    let location = e.location_name.map(|name| Place {
        name,
        country: e.location_country,
        lat: e.location_lat,
        lon: e.location_lon,
        kind: e.location_kind.unwrap_or_default(),
        fips: e.location_fips,
        adm1: e.location_adm1,
        geonames_id: geonames_id(e.location_geonames_id),
        precision,
    });
    Ok(CodedEvent {
        source: actor(e.source)?,
        target: actor(e.target)?,
        cameo: e.cameo,
        status,
        date: DateRange {
            start: parse_date(e.date_start)?,
            end: parse_date(e.date_end)?,
            precision: parse_precision(&e.date_precision)?,
            approximate: e.date_approximate.unwrap_or(false),
        },
        location,
        quantities,
        symmetric: e.symmetric,
        evidence: Evidence {
            sentence: uint(e.sentence),
            sentence_span: Span::new(uint(e.sentence_start), uint(e.sentence_end)),
            trigger: Span::new(uint(e.trigger_start), uint(e.trigger_end)),
            date_from: parse_date_from(&e.date_from, e.date_from_sentence)?,
        },
        // Stored as the f64 widening of an f32: narrowing is exact.
        confidence: e.confidence as f32,
        rule: e.rule,
    })
}

pub(crate) fn coded_events(conn: &Connection) -> Result<Vec<StoredEvent>, StoreError> {
    let rows = stored_events(
        conn,
        "SELECT e.* FROM events e JOIN documents d ON d.doc_key = e.doc
         ORDER BY d.id, e.sentence, e.ordinal",
        [],
        [],
        |_, []| Ok(()),
    )?;
    Ok(rows.into_iter().map(|(e, ())| e).collect())
}

/// The coded events `sql` selects (`e.*` of `events e`, rows of one
/// document together), each with what `extra` reads from its row, given
/// the indices of the `extra_cols` columns.
pub(crate) fn stored_events<T, const N: usize>(
    conn: &Connection,
    sql: &str,
    params: impl rusqlite::Params,
    extra_cols: [&str; N],
    extra: impl Fn(&Row<'_>, [usize; N]) -> rusqlite::Result<T>,
) -> Result<Vec<(StoredEvent, T)>, StoreError> {
    let mut out = Vec::new();
    each_stored_event(conn, sql, params, extra_cols, extra, |e, t| {
        out.push((e, t));
        Ok::<(), StoreError>(())
    })?;
    Ok(out)
}

/// [`stored_events`] handed to `sink` one by one as they are read,
/// nothing kept (the sink may stop the read with an error).
pub(crate) fn each_stored_event<T, E: From<StoreError>, const N: usize>(
    conn: &Connection,
    sql: &str,
    params: impl rusqlite::Params,
    extra_cols: [&str; N],
    extra: impl Fn(&Row<'_>, [usize; N]) -> rusqlite::Result<T>,
    mut sink: impl FnMut(StoredEvent, T) -> Result<(), E>,
) -> Result<(), E> {
    let what = "reading coded events";
    let mut st = conn.prepare_cached(sql).ctx(what)?;
    let (cols, at) = event_columns(&st, extra_cols).ctx(what)?;
    let rows = st
        .query_map(params, |r| Ok((event_row(r, &cols)?, extra(r, at)?)))
        .ctx(what)?;
    // Events come grouped by document: keep only the current one's text.
    let mut current: Option<(i64, EventDoc, Vec<u8>)> = None;
    for row in rows {
        let (row, more) = row.ctx(what)?;
        let key = row.doc_key;
        let (doc, text) = match &current {
            Some((k, doc, text)) if *k == key => (doc.clone(), text),
            _ => {
                let (doc, text) = document_by_key(conn, key)?;
                let (_, doc, text) = current.insert((key, doc, text));
                (doc.clone(), &*text)
            }
        };
        let event = coded_event(row)?;
        let (start, end, sentence) = mention_span(text, event.evidence.sentence_span);
        sink(
            StoredEvent {
                doc,
                sentence: sentence.to_string(),
                start,
                end,
                event,
            },
            more,
        )?;
    }
    Ok(())
}

/// A sentence's span in a document's text (byte offsets) as a mention
/// gives it: its character offsets and its text.
fn mention_span(text: &[u8], span: Span) -> (usize, usize, &str) {
    let start = char_offset_utf8(text, span.start);
    let sentence = slice_utf8(text, span.start, span.end);
    // The end counted from the start when the sentence is a slice (the
    // prefix scanned once), else from the text's start, as for a span
    // that is not one.
    let end = if sentence.is_empty() {
        char_offset_utf8(text, span.end)
    } else {
        start + sentence.chars().count()
    };
    (start, end, sentence)
}

/// The character offsets of sentence spans (byte offsets) of the
/// document `key`, as the mentions of its events give them (its text read
/// once); `None` when it is not stored.
pub(crate) fn mention_offsets(
    conn: &Connection,
    key: i64,
    spans: &[Span],
) -> Result<Option<Vec<(usize, usize)>>, StoreError> {
    let text: Option<Vec<u8>> = conn
        .prepare_cached("SELECT clean_text FROM documents WHERE doc_key = ?1")
        .and_then(|mut st| {
            st.query_row([key], |r| {
                Ok(r.get_ref(0)?.as_bytes_or_null()?.map(<[u8]>::to_vec))
            })
            .optional()
        })
        .ctx("reading the text of a document")?
        .flatten();
    Ok(text.map(|text| {
        spans
            .iter()
            .map(|&span| {
                let (start, end, _) = mention_span(&text, span);
                (start, end)
            })
            .collect()
    }))
}

/// Every unresolved name with its count, most frequent first, then by
/// name: the unresolved-name report without its sentences (one pass over
/// the packed names, not SQL over their view).
pub(crate) fn unresolved_names(conn: &Connection) -> Result<Vec<(String, usize)>, StoreError> {
    Ok(crate::actors::unresolved_counts(conn, 0)?
        .into_iter()
        .map(|u| (u.name, u.count))
        .collect())
}

pub(crate) fn stats(conn: &Connection) -> Result<Stats, StoreError> {
    let count = |sql: &str, what: &str| -> Result<usize, StoreError> {
        conn.query_row(sql, [], |r| r.get::<_, i64>(0))
            .map(uint)
            .ctx(what)
    };
    let (first, last) = conn
        .query_row(
            "SELECT min(published), max(published) FROM documents",
            [],
            |r| {
                Ok((
                    r.get::<_, Option<String>>(0)?,
                    r.get::<_, Option<String>>(1)?,
                ))
            },
        )
        .ctx("reading publication dates")?;
    Ok(Stats {
        documents: count("SELECT count(*) FROM documents", "counting documents")?,
        sentences: count("SELECT count(*) FROM sentences", "counting sentences")?,
        // The rows of the `actor_mentions` view, kept by triggers on
        // `doc_mentions` (migration 0024).
        actor_mentions: count(
            "SELECT actor_mentions FROM corpus_counts",
            "counting actor mentions",
        )?,
        coded_events: count("SELECT count(*) FROM events", "counting events")?,
        outlets: count(
            "SELECT count(DISTINCT outlet) FROM documents WHERE outlet IS NOT NULL AND outlet <> ''",
            "counting outlets",
        )?,
        first_published: first,
        last_published: last,
        schema_version: user_version(conn)?,
        waiting_for_search: count(
            "SELECT count(*) FROM text_index_pending",
            "counting documents waiting for the full-text index",
        )?,
    })
}

pub(crate) fn integrity_check(conn: &Connection) -> Result<Vec<String>, StoreError> {
    let what = "checking integrity";
    let mut problems = Vec::new();
    {
        let mut st = conn.prepare("PRAGMA integrity_check").ctx(what)?;
        let rows = st.query_map([], |r| r.get::<_, String>(0)).ctx(what)?;
        for row in rows {
            let line = row.ctx(what)?;
            if line != "ok" {
                problems.push(line);
            }
        }
    }
    let mut st = conn.prepare("PRAGMA foreign_key_check").ctx(what)?;
    let rows = st
        .query_map([], |r| {
            Ok(format!(
                "foreign key violation: {} row {:?} -> {}",
                r.get::<_, String>(0)?,
                r.get::<_, Option<i64>>(1)?,
                r.get::<_, String>(2)?
            ))
        })
        .ctx(what)?;
    for row in rows {
        problems.push(row.ctx(what)?);
    }
    Ok(problems)
}

#[cfg(test)]
mod tests {
    use super::Columns;

    #[test]
    fn columns_are_found_by_name_as_rusqlite_finds_them() {
        let conn = rusqlite::Connection::open_in_memory().expect("in-memory database");
        let st = conn
            .prepare("SELECT 1 AS a, 2 AS Kept_Block, 3 AS a")
            .expect("statement");
        let c = Columns::of(&st);
        for name in ["a", "A", "kept_block", "KEPT_BLOCK", "Kept_Block"] {
            assert_eq!(
                c.idx(name).ok(),
                st.column_index(name).ok(),
                "{name}: the first column of that name, ignoring ASCII case"
            );
        }
        assert_eq!(c.idx("a").ok(), Some(0));
        assert_eq!(c.idx("kept_block").ok(), Some(1));
        assert!(matches!(
            c.idx("missing"),
            Err(rusqlite::Error::InvalidColumnName(n)) if n == "missing"
        ));
    }
}
