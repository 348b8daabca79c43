//! Queries.

use chronicler_core::text::char_offset;
use chronicler_core::{Actor, CodedEvent, DateRange, Evidence, Place, Quantity, Span, Status};
use rusqlite::{params, Connection, OptionalExtension, Row};

use crate::codec::{
    geonames_id, int, parse_date, parse_date_from, parse_kind, parse_place_precision,
    parse_precision, uint,
};
use crate::schema::user_version;
use crate::{Context, DocumentRow, Stats, StoreError, StoredEvent};

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
    let tx = conn.unchecked_transaction().ctx(what)?;
    let total: i64 = tx
        .query_row("SELECT count(*) FROM documents", [], |r| r.get(0))
        .ctx(what)?;
    let (day, id) = after.unwrap_or(("", ""));
    let from = if after.is_some() {
        "WHERE (d.published, d.id) > (?1, ?2)"
    } else {
        // ?1 and ?2 unused: every document.
        ""
    };
    let mut st = tx
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

fn document_by_key(conn: &Connection, key: i64) -> Result<(DocumentRow, String), StoreError> {
    let what = "reading the document of an event";
    // Cached: the streamed reads (`Store::kept_blocks`) come here once per event.
    let (raw, text) = conn
        .prepare_cached(&format!(
            "SELECT {DOC_COLUMNS}, d.clean_text FROM documents d WHERE d.doc_key = ?1"
        ))
        .and_then(|mut st| st.query_row([key], |r| Ok((raw_doc(r)?, r.get::<_, String>(11)?))))
        .ctx(what)?;
    Ok((finish_doc(raw)?, text))
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

fn actor_cols(r: &Row<'_>, prefix: &str) -> rusqlite::Result<[Option<String>; 6]> {
    Ok([
        r.get(format!("{prefix}_entity").as_str())?,
        r.get(format!("{prefix}_name").as_str())?,
        r.get(format!("{prefix}_code").as_str())?,
        r.get(format!("{prefix}_country").as_str())?,
        r.get(format!("{prefix}_role").as_str())?,
        r.get(format!("{prefix}_kind").as_str())?,
    ])
}

pub(crate) fn event_row(r: &Row<'_>) -> rusqlite::Result<EventRow> {
    Ok(EventRow {
        doc_key: r.get("doc")?,
        sentence: r.get("sentence")?,
        sentence_start: r.get("sentence_start")?,
        sentence_end: r.get("sentence_end")?,
        trigger_start: r.get("trigger_start")?,
        trigger_end: r.get("trigger_end")?,
        source: actor_cols(r, "source")?,
        target: actor_cols(r, "target")?,
        cameo: r.get("cameo")?,
        status: r.get("status")?,
        date_start: r.get("date_start")?,
        date_end: r.get("date_end")?,
        date_precision: r.get("date_precision")?,
        location_name: r.get("location_name")?,
        location_country: r.get("location_country")?,
        location_lat: r.get("location_lat")?,
        location_lon: r.get("location_lon")?,
        location_kind: r.get("location_kind")?,
        location_fips: r.get("location_fips")?,
        location_adm1: r.get("location_adm1")?,
        location_geonames_id: r.get("location_geonames_id")?,
        location_precision: r.get("location_precision")?,
        date_approximate: r.get("date_approximate")?,
        date_from: r.get("date_from")?,
        date_from_sentence: r.get("date_from_sentence")?,
        quantities: r.get("quantities")?,
        symmetric: r.get("symmetric")?,
        confidence: r.get("confidence")?,
        rule: r.get("rule")?,
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
        |_| Ok(()),
    )?;
    Ok(rows.into_iter().map(|(e, ())| e).collect())
}

/// The coded events `sql` selects (`e.*` of `events e`, rows of one
/// document together), each with what `extra` reads from its row.
pub(crate) fn stored_events<T>(
    conn: &Connection,
    sql: &str,
    params: impl rusqlite::Params,
    extra: impl Fn(&Row<'_>) -> rusqlite::Result<T>,
) -> Result<Vec<(StoredEvent, T)>, StoreError> {
    let mut out = Vec::new();
    each_stored_event(conn, sql, params, extra, |e, t| {
        out.push((e, t));
        Ok::<(), StoreError>(())
    })?;
    Ok(out)
}

/// [`stored_events`] handed to `sink` one by one as they are read,
/// nothing kept (the sink may stop the read with an error).
pub(crate) fn each_stored_event<T, E: From<StoreError>>(
    conn: &Connection,
    sql: &str,
    params: impl rusqlite::Params,
    extra: impl Fn(&Row<'_>) -> rusqlite::Result<T>,
    mut sink: impl FnMut(StoredEvent, T) -> Result<(), E>,
) -> Result<(), E> {
    let what = "reading coded events";
    let mut st = conn.prepare_cached(sql).ctx(what)?;
    let rows = st
        .query_map(params, |r| Ok((event_row(r)?, extra(r)?)))
        .ctx(what)?;
    // Events come grouped by document: keep only the current one's text.
    let mut current: Option<(i64, DocumentRow, String)> = None;
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
        let span = event.evidence.sentence_span;
        sink(
            StoredEvent {
                doc,
                sentence: span.slice(text).to_string(),
                start: char_offset(text, span.start),
                end: char_offset(text, span.end),
                event,
            },
            more,
        )?;
    }
    Ok(())
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
        // The length of each document's packed array: the rows of the
        // `actor_mentions` view, without expanding them.
        actor_mentions: count(
            "SELECT coalesce(sum(json_array_length(actors)), 0) FROM doc_mentions",
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
