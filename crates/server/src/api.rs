//! The read-only JSON routes. Each handler parses its parameters (a bad
//! one is a 400 naming it), reads the store through a fresh read-only
//! connection and converts the result to the DTOs of [`crate::dto`].

use std::collections::{BTreeMap, BTreeSet};

use axum::body::Bytes;
use axum::extract::rejection::{PathRejection, QueryRejection};
use axum::extract::{Path, Query, RawQuery, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::Json;
use chronicler_core::Status;
use chronicler_query::EventFilter;
use jiff::civil::Date;
use serde::Deserialize;
use utoipa::IntoParams;

use crate::dto::*;
use crate::error::{ApiError, ErrorBody};

use crate::state::{AppState, EventsView, Fields};

/// Most events one page gives.
pub(crate) const MAX_LIMIT: usize = 1000;
const DEFAULT_LIMIT: usize = 100;

/// Filters shared by `/api/events` and `/api/timeline`.
#[derive(Debug, Default)]
struct Filters<'a> {
    actor: Option<&'a str>,
    country: Option<&'a str>,
    cameo: Option<&'a str>,
    quad_class: Option<&'a str>,
    from: Option<&'a str>,
    to: Option<&'a str>,
    status: Option<&'a str>,
    text: Option<&'a str>,
}

/// A parameter that is given and not blank, trimmed.
fn set(s: Option<&str>) -> Option<&str> {
    s.map(str::trim).filter(|s| !s.is_empty())
}

/// A parsed filter: the query crate's [`EventFilter`] plus what only the
/// API filters on.
#[derive(Debug)]
struct Filter {
    base: EventFilter,
    country: Option<String>,
    quad_class: Option<u8>,
}

impl Filter {
    fn parse(f: Filters<'_>) -> Result<Filter, ApiError> {
        let day = |s: Option<&str>, name: &str| -> Result<Option<Date>, ApiError> {
            set(s)
                .map(|d| {
                    d.parse::<Date>().map_err(|_| {
                        ApiError::bad_request(format!("{name}={d}: expected a day, YYYY-MM-DD"))
                    })
                })
                .transpose()
        };
        let cameo = set(f.cameo);
        if let Some(c) = cameo {
            if c.len() > 4 || !c.bytes().all(|b| b.is_ascii_digit()) {
                return Err(ApiError::bad_request(format!(
                    "cameo={c}: expected a CAMEO code or prefix of 1 to 4 digits (\"04\", \"043\")"
                )));
            }
        }
        let status = match set(f.status) {
            None => None,
            Some(s) => Some(Status::parse(s).ok_or_else(|| {
                ApiError::bad_request(format!(
                    "status={s}: expected occurred, scheduled, proposed, rejected, ongoing or expired"
                ))
            })?),
        };
        let quad_class = match set(f.quad_class) {
            None => None,
            Some(q) => Some(
                q.parse::<u8>()
                    .ok()
                    .filter(|q| (1..=4).contains(q))
                    .ok_or_else(|| {
                        ApiError::bad_request(format!("quad_class={q}: expected 1, 2, 3 or 4"))
                    })?,
            ),
        };
        let from = day(f.from, "from")?;
        let to = day(f.to, "to")?;
        if let (Some(a), Some(b)) = (from, to) {
            if a > b {
                return Err(ApiError::bad_request(format!("from={a} is after to={b}")));
            }
        }
        Ok(Filter {
            base: EventFilter {
                actor: set(f.actor).map(str::to_string),
                cameo: cameo.map(str::to_string),
                from,
                to,
                status,
                text: set(f.text).map(str::to_string),
            },
            country: set(f.country).map(str::to_ascii_uppercase),
            quad_class,
        })
    }

    /// True when it lets every event through.
    fn is_empty(&self) -> bool {
        self.base == EventFilter::default() && self.country.is_none() && self.quad_class.is_none()
    }

    /// Whether an event with these fields passes (all but the text).
    fn matches_fields(&self, f: &Fields<'_>) -> bool {
        if !self
            .base
            .matches_fields(f.source, f.target, f.cameo, f.status, f.start, f.end)
        {
            return false;
        }
        if let Some(c) = &self.country {
            let hit = |a: Option<&chronicler_core::Actor>| {
                a.is_some_and(|a| {
                    a.country
                        .as_deref()
                        .is_some_and(|x| x.eq_ignore_ascii_case(c))
                })
            };
            if !hit(f.source) && !hit(f.target) {
                return false;
            }
        }
        if let Some(q) = self.quad_class {
            if chronicler_core::cameo::info(f.cameo).map(|i| i.quad_class) != Some(q) {
                return false;
            }
        }
        true
    }

    /// The events of `order` (indices into `view`) that pass, in that
    /// order: their fields read first, then, for a text, the sentences of
    /// those that pass the rest.
    fn hits(
        &self,
        store: &chronicler_store::Store,
        view: &EventsView,
        order: impl IntoIterator<Item = usize>,
    ) -> Result<Vec<usize>, ApiError> {
        let hits: Vec<usize> = order
            .into_iter()
            .filter(|&i| self.matches_fields(&view.fields(i)))
            .collect();
        match self.base.text.as_deref() {
            Some(t) => view.with_text(store, hits, t),
            None => Ok(hits),
        }
    }
}

fn query<T>(q: Result<Query<T>, QueryRejection>) -> Result<T, ApiError> {
    q.map(|Query(t)| t)
        .map_err(|e| ApiError::bad_request(e.body_text()))
}

fn path(p: Result<Path<String>, PathRejection>) -> Result<String, ApiError> {
    p.map(|Path(s)| s)
        .map_err(|e| ApiError::bad_request(e.body_text()))
}

/// Parameters of `GET /api/events`.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub(crate) struct EventsParams {
    /// An actor as source or target: CAMEO code ("UKRGOV"), country ("UKR")
    /// or part of its name ("Zelenskyy"), case-insensitive.
    actor: Option<String>,
    /// The source's or target's country (ISO alpha-3 or organisation code).
    country: Option<String>,
    /// A CAMEO code or prefix ("04", "043").
    cameo: Option<String>,
    /// GDELT QuadClass, 1 to 4.
    quad_class: Option<String>,
    /// Events on or after this day (YYYY-MM-DD).
    from: Option<String>,
    /// Events on or before this day (YYYY-MM-DD).
    to: Option<String>,
    /// occurred, scheduled, proposed, rejected, ongoing or expired.
    status: Option<String>,
    /// Text one of the event's sentences contains, case-insensitive.
    text: Option<String>,
    /// `date` (oldest first, the default) or `-date` (newest first).
    sort: Option<String>,
    /// The `next_cursor` of the previous page.
    cursor: Option<String>,
    /// Events per page, 1 to 1000 (default 100).
    limit: Option<String>,
}

/// Parameters of `GET /api/timeline`.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub(crate) struct TimelineParams {
    /// An actor as source or target: CAMEO code, country or part of a name.
    actor: Option<String>,
    /// The source's or target's country.
    country: Option<String>,
    /// A CAMEO code or prefix.
    cameo: Option<String>,
    /// GDELT QuadClass, 1 to 4.
    quad_class: Option<String>,
    /// Events on or after this day (YYYY-MM-DD).
    from: Option<String>,
    /// Events on or before this day (YYYY-MM-DD).
    to: Option<String>,
    /// Event status.
    status: Option<String>,
    /// Text one of the event's sentences contains.
    text: Option<String>,
}

fn encode_cursor(key: &(String, String)) -> String {
    let raw = format!("{}|{}", key.0, key.1);
    raw.bytes().map(|b| format!("{b:02x}")).collect()
}

fn decode_cursor(c: &str) -> Result<(String, String), ApiError> {
    let bad = || ApiError::bad_request(format!("cursor={c}: not a cursor from next_cursor"));
    if c.len() & 1 == 1 || !c.is_ascii() {
        return Err(bad());
    }
    let bytes = (0..c.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(c.get(i..i + 2).unwrap_or(""), 16))
        .collect::<Result<Vec<u8>, _>>()
        .map_err(|_| bad())?;
    let s = String::from_utf8(bytes).map_err(|_| bad())?;
    let (day, id) = s.split_once('|').ok_or_else(bad)?;
    Ok((day.to_string(), id.to_string()))
}

/// Events, filtered, sorted and paginated.
#[utoipa::path(
    get,
    path = "/api/events",
    tag = "events",
    params(EventsParams),
    responses(
        (status = 200, description = "One page of events", body = EventPage),
        (status = 400, description = "A bad parameter", body = ErrorBody),
    )
)]
pub(crate) async fn list_events(
    State(state): State<AppState>,
    raw: RawQuery,
    q: Result<Query<EventsParams>, QueryRejection>,
) -> Result<Response, ApiError> {
    let p = query(q)?;
    let raw = raw.0.unwrap_or_default();
    let filter = Filter::parse(Filters {
        actor: p.actor.as_deref(),
        country: p.country.as_deref(),
        cameo: p.cameo.as_deref(),
        quad_class: p.quad_class.as_deref(),
        from: p.from.as_deref(),
        to: p.to.as_deref(),
        status: p.status.as_deref(),
        text: p.text.as_deref(),
    })?;
    let descending = descending(p.sort.as_deref())?;
    let limit = page_limit(p.limit.as_deref())?;
    let cursor = page_cursor(p.cursor.as_deref())?;
    let body = state
        .read(move |r| {
            let view = r.events()?;
            if let Some(body) = r.answer(&view, &raw) {
                return Ok(body);
            }
            // The events that pass, in date order (sorted once per state
            // of the store, not per request).
            let order = &view.by_date;
            let owned;
            let hits: &[u32] = if filter.is_empty() {
                order
            } else {
                owned = filter
                    .hits(r.store, &view, order.iter().map(|&i| i as usize))?
                    .into_iter()
                    .map(|i| i as u32)
                    .collect::<Vec<u32>>();
                &owned
            };
            let (page, next_cursor) = page_of(
                hits,
                |&i| view.key(i as usize),
                cursor.as_ref(),
                descending,
                limit,
            );
            let page: Vec<usize> = page.into_iter().map(|i| i as usize).collect();
            let page = EventPage {
                events: view.api_events(r.store, &page)?,
                next_cursor,
                total: hits.len(),
            };
            let body = Bytes::from(serde_json::to_vec(&page).map_err(ApiError::internal)?);
            r.keep_answer(&view, &raw, &body);
            Ok(body)
        })
        .await?;
    Ok(([(header::CONTENT_TYPE, "application/json")], body).into_response())
}

/// One event with all its mentions and evidence sentences.
#[utoipa::path(
    get,
    path = "/api/events/{id}",
    tag = "events",
    params(("id" = String, Path, description = "Event id")),
    responses(
        (status = 200, description = "The event", body = ApiEvent),
        (status = 404, description = "No such event", body = ErrorBody),
    )
)]
pub(crate) async fn get_event(
    State(state): State<AppState>,
    id: Result<Path<String>, PathRejection>,
) -> Result<Json<ApiEvent>, ApiError> {
    let id = path(id)?;
    let event = state
        .read(move |r| {
            let view = r.events()?;
            let found = view.find(&id).map(|i| view.api_events(r.store, &[i]));
            found
                .transpose()?
                .and_then(|mut e| e.pop())
                .ok_or_else(|| ApiError::not_found(format!("no event with id {id}")))
        })
        .await?;
    Ok(Json(event))
}

/// The sourced timeline: filtered events in date order.
#[utoipa::path(
    get,
    path = "/api/timeline",
    tag = "events",
    params(TimelineParams),
    responses(
        (status = 200, description = "Timeline entries in date order", body = Vec<ApiTimelineEntry>),
        (status = 400, description = "A bad parameter", body = ErrorBody),
    )
)]
pub(crate) async fn timeline(
    State(state): State<AppState>,
    q: Result<Query<TimelineParams>, QueryRejection>,
) -> Result<Json<Vec<ApiTimelineEntry>>, ApiError> {
    let filter = timeline_filter(query(q)?)?;
    let entries = state
        .read(move |r| {
            let view = r.events()?;
            let hits = filter.hits(r.store, &view, 0..view.len())?;
            Ok(view
                .timeline(r.store, &hits)?
                .into_iter()
                .map(ApiTimelineEntry::from)
                .collect())
        })
        .await?;
    Ok(Json(entries))
}

/// The filter of `GET /api/timeline` and `GET /api/days`.
fn timeline_filter(p: TimelineParams) -> Result<Filter, ApiError> {
    Filter::parse(Filters {
        actor: p.actor.as_deref(),
        country: p.country.as_deref(),
        cameo: p.cameo.as_deref(),
        quad_class: p.quad_class.as_deref(),
        from: p.from.as_deref(),
        to: p.to.as_deref(),
        status: p.status.as_deref(),
        text: p.text.as_deref(),
    })
}

/// How many of the filtered events are placed on each day (their first
/// day, else their last, else, undated, the day they were first
/// reported), oldest first, days without events left out: what a page
/// draws its events-per-day chart from without loading the events.
#[utoipa::path(
    get,
    path = "/api/days",
    tag = "events",
    params(TimelineParams),
    responses(
        (status = 200, description = "Events per day, oldest first", body = Vec<ApiDay>),
        (status = 400, description = "A bad parameter", body = ErrorBody),
    )
)]
pub(crate) async fn days(
    State(state): State<AppState>,
    q: Result<Query<TimelineParams>, QueryRejection>,
) -> Result<Json<Vec<ApiDay>>, ApiError> {
    let filter = timeline_filter(query(q)?)?;
    let days = state
        .read(move |r| {
            let view = r.events()?;
            let hits = filter.hits(r.store, &view, 0..view.len())?;
            let mut by_day: BTreeMap<jiff::civil::Date, usize> = BTreeMap::new();
            for i in hits {
                if let Some(day) = view.placed(i) {
                    *by_day.entry(day).or_default() += 1;
                }
            }
            Ok(by_day
                .into_iter()
                .map(|(day, events)| ApiDay {
                    day: day.to_string(),
                    events,
                })
                .collect())
        })
        .await?;
    Ok(Json(days))
}

/// Stored documents, by publication date then id, paginated (a page is
/// one seek in the publication index: a page of a 100,000-document store
/// reads its page, not the store).
#[utoipa::path(
    get,
    path = "/api/documents",
    tag = "documents",
    params(DocumentsParams),
    responses(
        (status = 200, description = "One page of documents", body = DocumentPage),
        (status = 400, description = "A bad parameter", body = ErrorBody),
    )
)]
pub(crate) async fn list_documents(
    State(state): State<AppState>,
    q: Result<Query<DocumentsParams>, QueryRejection>,
) -> Result<Json<DocumentPage>, ApiError> {
    let p = query(q)?;
    let limit = page_limit(p.limit.as_deref())?;
    let cursor = page_cursor(p.cursor.as_deref())?;
    let page = state
        .read(move |r| {
            let after = cursor.as_ref().map(|(day, id)| (day.as_str(), id.as_str()));
            let (rows, total) = r.store.documents_page(after, limit + 1)?;
            let (rows, next_cursor) =
                cut_page(rows, limit, |d| (d.published.clone(), d.id.clone()));
            let documents = rows.into_iter().map(ApiDocument::from).collect();
            Ok(DocumentPage {
                documents,
                next_cursor,
                total,
            })
        })
        .await?;
    Ok(Json(page))
}

/// Parameters of `GET /api/documents`.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub(crate) struct DocumentsParams {
    /// The `next_cursor` of the previous page.
    cursor: Option<String>,
    /// Documents per page, 1 to 1000 (default 100).
    limit: Option<String>,
}

/// One document: its clean text and where the evidence of each event is.
#[utoipa::path(
    get,
    path = "/api/documents/{id}",
    tag = "documents",
    params(("id" = String, Path, description = "Document id (URL-encoded: ids may hold slashes)")),
    responses(
        (status = 200, description = "The document", body = DocumentDetail),
        (status = 404, description = "No such document", body = ErrorBody),
    )
)]
pub(crate) async fn get_document(
    State(state): State<AppState>,
    id: Result<Path<String>, PathRejection>,
) -> Result<Json<DocumentDetail>, ApiError> {
    let id = path(id)?;
    let detail = state
        .read(move |r| {
            let Some(doc) = r.store.document(&id)? else {
                return Err(ApiError::not_found(format!("no document with id {id}")));
            };
            let text = r.store.document_text(&id)?.unwrap_or_default();
            let mut spans = BTreeSet::new();
            let view = r.events()?;
            let picked = view.of_documents(r.store, &[id.as_str()])?;
            view.each(r.store, &picked, |e, _| {
                let mut what = None;
                for m in e.mentions.iter().filter(|m| m.doc == id) {
                    let what = what.get_or_insert_with(|| ApiEvent::new(e).what).clone();
                    spans.insert(EvidenceSpan {
                        start: m.start,
                        end: m.end,
                        event_id: e.id.clone(),
                        what,
                    });
                }
            })?;
            Ok(DocumentDetail {
                document: ApiDocument::from(doc),
                text,
                spans: spans.into_iter().collect(),
            })
        })
        .await?;
    Ok(Json(detail))
}

/// Parameters of `GET /api/search`.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub(crate) struct SearchParams {
    /// Words to find (all of them); `"quoted phrases"` are kept together.
    q: Option<String>,
    /// Most results of each kind, 1 to 100 (default 20).
    limit: Option<String>,
    /// What to search: `documents`, `sentences`, or `all` (the default).
    scope: Option<String>,
}

/// Splits a query into terms: quoted phrases, else words.
fn terms(q: &str) -> Vec<String> {
    let mut out = Vec::new();
    for (i, part) in q.split('"').enumerate() {
        if i % 2 == 1 {
            let p = part.split_whitespace().collect::<Vec<_>>().join(" ");
            if !p.is_empty() {
                out.push(p);
            }
        } else {
            out.extend(part.split_whitespace().map(str::to_string));
        }
    }
    out
}

/// An FTS5 query matching every term literally (no query syntax).
fn fts_query(terms: &[String]) -> String {
    terms
        .iter()
        .map(|t| format!("\"{}\"", t.replace('"', "")))
        .collect::<Vec<_>>()
        .join(" ")
}

/// About 160 characters of `text` around the first match of `term`.
fn snippet(text: &str, term: &str) -> String {
    let lower = text.to_lowercase();
    let chars: Vec<char> = text.chars().collect();
    // Lower-casing may change lengths; find the match by char position in
    // the lower-cased text and clamp.
    let at = lower
        .find(&term.to_lowercase())
        .map(|b| lower.get(..b).map_or(0, |s| s.chars().count()))
        .unwrap_or(0)
        .min(chars.len());
    let start = at.saturating_sub(60);
    let end = (at + 100).min(chars.len());
    let mut s: String = chars
        .get(start..end)
        .map(|c| c.iter().collect())
        .unwrap_or_default();
    s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if start > 0 {
        s.insert(0, '…');
    }
    if end < chars.len() {
        s.push('…');
    }
    s
}

/// Full-text search (SQLite FTS5) over documents and sentences: every word
/// must match; each sentence comes with its document, index, character
/// offsets, a snippet and the events it is evidence for.
#[utoipa::path(
    get,
    path = "/api/search",
    tag = "documents",
    params(SearchParams),
    responses(
        (status = 200, description = "Matching documents and sentences", body = SearchResults),
        (status = 400, description = "No query, a bad limit or scope", body = ErrorBody),
    )
)]
pub(crate) async fn search(
    State(state): State<AppState>,
    q: Result<Query<SearchParams>, QueryRejection>,
) -> Result<Json<SearchResults>, ApiError> {
    let p = query(q)?;
    let q = p.q.unwrap_or_default();
    let terms = terms(&q);
    if terms.is_empty() {
        return Err(ApiError::bad_request("q: give words to search for"));
    }
    if q.chars().count() > 500 {
        return Err(ApiError::bad_request("q: at most 500 characters"));
    }
    let limit = match p.limit.as_deref().map(str::trim) {
        None | Some("") => 20,
        Some(l) => l
            .parse::<usize>()
            .ok()
            .filter(|l| (1..=100).contains(l))
            .ok_or_else(|| ApiError::bad_request(format!("limit={l}: expected 1 to 100")))?,
    };
    let (in_documents, in_sentences) = match p.scope.as_deref().map(str::trim) {
        None | Some("") | Some("all") => (true, true),
        Some("documents") => (true, false),
        Some("sentences") => (false, true),
        Some(s) => {
            return Err(ApiError::bad_request(format!(
                "scope={s}: expected documents, sentences or all"
            )))
        }
    };
    let results = state
        .read(move |r| {
            let fts = fts_query(&terms);
            let first = terms.first().map_or("", String::as_str);
            let mut documents = Vec::new();
            if in_documents {
                for hit in r.store.search(&fts, limit)? {
                    let text = r.store.document_text(&hit.id)?.unwrap_or_default();
                    documents.push(DocumentHit {
                        snippet: snippet(&text, first),
                        id: hit.id,
                        title: hit.title,
                        rank: hit.rank,
                    });
                }
            }
            let mut sentences = Vec::new();
            if in_sentences {
                let hits = r.store.search_sentences(&fts, limit)?;
                // The events each found sentence is evidence for.
                let mut events: BTreeMap<(String, usize), Vec<SentenceEvent>> = BTreeMap::new();
                let wanted: BTreeSet<(&str, usize)> =
                    hits.iter().map(|h| (h.doc.as_str(), h.start)).collect();
                let view = r.events()?;
                let docs: BTreeSet<&str> = hits.iter().map(|h| h.doc.as_str()).collect();
                let docs: Vec<&str> = docs.into_iter().collect();
                let picked = view.of_documents(r.store, &docs)?;
                view.each(r.store, &picked, |e, _| {
                    let mut seen = BTreeSet::new();
                    for m in &e.mentions {
                        let at = (m.doc.as_str(), m.start);
                        if wanted.contains(&at) && seen.insert(at) {
                            {
                                let key = (m.doc.clone(), m.start);
                                events.entry(key).or_default().push(SentenceEvent {
                                    id: e.id.clone(),
                                    what: ApiEvent::new(e).what,
                                });
                            }
                        }
                    }
                })?;
                let mut titles: BTreeMap<String, Option<String>> = BTreeMap::new();
                for h in &hits {
                    if !titles.contains_key(&h.doc) {
                        let title = r.store.document(&h.doc)?.and_then(|d| d.title);
                        titles.insert(h.doc.clone(), title);
                    }
                }
                for h in &hits {
                    sentences.push(SentenceHit {
                        doc: h.doc.clone(),
                        title: titles.get(&h.doc).cloned().flatten(),
                        index: h.sentence,
                        start: h.start,
                        end: h.end,
                        snippet: snippet(&h.text, first),
                        sentence: h.text.clone(),
                        rank: h.rank,
                        events: events
                            .get(&(h.doc.clone(), h.start))
                            .cloned()
                            .unwrap_or_default(),
                    });
                }
            }
            Ok(SearchResults {
                query: q,
                documents,
                sentences,
            })
        })
        .await?;
    Ok(Json(results))
}

/// Parameters of `GET /api/actors`.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub(crate) struct ActorsParams {
    /// `false`: leave out the names no dictionary resolved (counted from
    /// every document's mentions, the slow part on a large store);
    /// `true`, the default, lists them.
    unresolved: Option<String>,
}

/// Actors seen in events, and names no dictionary resolved.
#[utoipa::path(
    get,
    path = "/api/actors",
    tag = "events",
    params(ActorsParams),
    responses(
        (status = 200, description = "Actors and unresolved names", body = ActorList),
        (status = 400, description = "A bad parameter", body = ErrorBody),
    )
)]
pub(crate) async fn actors(
    State(state): State<AppState>,
    raw: RawQuery,
    q: Result<Query<ActorsParams>, QueryRejection>,
) -> Result<Response, ApiError> {
    // Kept per state of the store, as pages of events are: the unresolved
    // names are counted from every document.
    let key = format!("/api/actors?{}", raw.0.unwrap_or_default());
    let unresolved = match query(q)?.unresolved.as_deref().map(str::trim) {
        None | Some("") | Some("true") => true,
        Some("false") => false,
        Some(u) => {
            return Err(ApiError::bad_request(format!(
                "unresolved={u}: expected true or false"
            )))
        }
    };
    let body = state
        .read(move |r| {
            let view = r.events()?;
            if let Some(body) = r.answer(&view, &key) {
                return Ok(body);
            }
            let mut by_code: BTreeMap<String, ActorCount> = BTreeMap::new();
            for i in 0..view.len() {
                let f = view.fields(i);
                let mut seen = BTreeSet::new();
                for a in [f.source, f.target].into_iter().flatten() {
                    if !seen.insert(a.code.clone()) {
                        continue;
                    }
                    by_code
                        .entry(a.code.clone())
                        .or_insert_with(|| ActorCount {
                            code: a.code.clone(),
                            name: a.name.clone(),
                            country: a.country.clone(),
                            role: a.role.clone(),
                            events: 0,
                        })
                        .events += 1;
                }
            }
            let mut actors: Vec<ActorCount> = by_code.into_values().collect();
            actors.sort_by(|a, b| b.events.cmp(&a.events).then(a.code.cmp(&b.code)));
            let unresolved = if unresolved {
                r.store
                    .unresolved_names()?
                    .into_iter()
                    .map(|(name, count)| UnresolvedName { name, count })
                    .collect()
            } else {
                Vec::new()
            };
            let list = ActorList { actors, unresolved };
            let body = Bytes::from(serde_json::to_vec(&list).map_err(ApiError::internal)?);
            r.keep_answer(&view, &key, &body);
            Ok(body)
        })
        .await?;
    Ok(([(header::CONTENT_TYPE, "application/json")], body).into_response())
}

/// Counts over the store.
#[utoipa::path(
    get,
    path = "/api/stats",
    tag = "documents",
    responses((status = 200, description = "Counts", body = ApiStats))
)]
pub(crate) async fn stats(State(state): State<AppState>) -> Result<Json<ApiStats>, ApiError> {
    let stats = state
        .read(|r| {
            // Counted from the kept grouping when it is current (one group
            // per merged event), without merging every event into memory.
            let merged = if r.store.consolidation_is_current()? {
                r.store.kept_group_count()?
            } else {
                r.events()?.len()
            };
            Ok(ApiStats::new(r.store.stats()?, merged))
        })
        .await?;
    Ok(Json(stats))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cursors_round_trip_and_junk_is_refused() {
        let k = ("2026-01-23".to_string(), "ev-1|x".to_string());
        let c = encode_cursor(&k);
        let (day, id) = decode_cursor(&c).unwrap();
        assert_eq!(day, "2026-01-23");
        assert_eq!(id, "ev-1|x");
        for junk in ["zz", "abc", "é1", "00ff"] {
            assert!(decode_cursor(junk).is_err(), "{junk}");
        }
    }

    #[test]
    fn queries_become_literal_fts_terms() {
        let t = terms(r#"Abu "peace  talks" NEAR( x"#);
        assert_eq!(t, ["Abu", "peace talks", "NEAR(", "x"]);
        assert_eq!(fts_query(&t), r#""Abu" "peace talks" "NEAR(" "x""#);
    }

    #[test]
    fn snippets_survive_odd_text() {
        assert_eq!(snippet("", "x"), "");
        let s = snippet("İstanbul talks İİİ and more", "talks");
        assert!(s.contains("talks"));
    }
}

/// Parameters of `GET /api/stories`.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub(crate) struct StoriesParams {
    /// Stories with one of their events about this actor (source or
    /// target): CAMEO code, country or part of a name, case-insensitive.
    actor: Option<String>,
    /// Stories that last until this day or later (YYYY-MM-DD).
    from: Option<String>,
    /// Stories that begin on this day or earlier (YYYY-MM-DD).
    to: Option<String>,
    /// `date` (by first day, oldest first, the default) or `-date`
    /// (newest first).
    sort: Option<String>,
    /// The `next_cursor` of the previous page.
    cursor: Option<String>,
    /// Stories per page, 1 to 1000 (default 100).
    limit: Option<String>,
}

/// Whether `sort` asks for newest first (`-date`; `date`, the default,
/// is oldest first).
fn descending(sort: Option<&str>) -> Result<bool, ApiError> {
    match sort.map(str::trim) {
        None | Some("") | Some("date") => Ok(false),
        Some("-date") => Ok(true),
        Some(s) => Err(ApiError::bad_request(format!(
            "sort={s}: expected date or -date"
        ))),
    }
}

/// The page of `hits` (sorted by `key`, ascending) after `cursor` in the
/// order asked for, with the cursor to the next page.
fn page_of<T: Copy>(
    hits: &[T],
    key: impl Fn(&T) -> (String, String),
    cursor: Option<&(String, String)>,
    descending: bool,
    limit: usize,
) -> (Vec<T>, Option<String>) {
    let ahead: Box<dyn Iterator<Item = &T>> = match cursor {
        None if descending => Box::new(hits.iter().rev()),
        None => Box::new(hits.iter()),
        Some(c) if descending => {
            Box::new(hits[..hits.partition_point(|h| key(h) < *c)].iter().rev())
        }
        Some(c) => Box::new(hits[hits.partition_point(|h| key(h) <= *c)..].iter()),
    };
    cut_page(ahead.take(limit + 1).copied().collect(), limit, key)
}

/// The cursor given, if any.
fn page_cursor(c: Option<&str>) -> Result<Option<(String, String)>, ApiError> {
    c.map(str::trim)
        .filter(|c| !c.is_empty())
        .map(decode_cursor)
        .transpose()
}

/// The page size asked for, or the default.
fn page_limit(l: Option<&str>) -> Result<usize, ApiError> {
    match l.map(str::trim) {
        None | Some("") => Ok(DEFAULT_LIMIT),
        Some(l) => l
            .parse::<usize>()
            .ok()
            .filter(|l| (1..=MAX_LIMIT).contains(l))
            .ok_or_else(|| {
                ApiError::bad_request(format!(
                    "limit={l}: expected a number from 1 to {MAX_LIMIT}"
                ))
            }),
    }
}

/// The first `limit` of `items` (the page, read with one more to know
/// whether another follows) and the cursor to the next page: the key of
/// the page's last item, or `None` on the last page.
fn cut_page<T>(
    mut items: Vec<T>,
    limit: usize,
    key: impl Fn(&T) -> (String, String),
) -> (Vec<T>, Option<String>) {
    let more = items.len() > limit;
    items.truncate(limit);
    let next = items
        .last()
        .filter(|_| more)
        .map(|last| encode_cursor(&key(last)));
    (items, next)
}

/// Stories (documents about one happening, grouped across outlets), by
/// first day then id, filtered and paginated.
#[utoipa::path(
    get,
    path = "/api/stories",
    tag = "stories",
    params(StoriesParams),
    responses(
        (status = 200, description = "One page of stories", body = StoryPage),
        (status = 400, description = "A bad parameter", body = ErrorBody),
    )
)]
pub(crate) async fn list_stories(
    State(state): State<AppState>,
    q: Result<Query<StoriesParams>, QueryRejection>,
) -> Result<Json<StoryPage>, ApiError> {
    let p = query(q)?;
    let filter = Filter::parse(Filters {
        actor: p.actor.as_deref(),
        from: p.from.as_deref(),
        to: p.to.as_deref(),
        ..Filters::default()
    })?;
    let limit = page_limit(p.limit.as_deref())?;
    let cursor = page_cursor(p.cursor.as_deref())?;
    let descending = descending(p.sort.as_deref())?;
    let page = state
        .read(move |r| {
            let view = r.events()?;
            let stories = r.stories(&view)?;
            let (from, to) = (
                filter.base.from.map(|d| d.to_string()),
                filter.base.to.map(|d| d.to_string()),
            );
            let actor_only = Filter {
                base: EventFilter {
                    actor: filter.base.actor.clone(),
                    ..EventFilter::default()
                },
                country: None,
                quad_class: None,
            };
            let matches = |s: &KeptStory| {
                from.as_ref().is_none_or(|f| s.end >= *f)
                    && to.as_ref().is_none_or(|t| s.start <= *t)
                    && (actor_only.base.actor.is_none()
                        || s.events.iter().any(|id| {
                            view.find(id)
                                .is_some_and(|i| actor_only.matches_fields(&view.fields(i)))
                        }))
            };
            let hits: Vec<&KeptStory> = stories.iter().filter(|s| matches(s)).collect();
            let key = |s: &&KeptStory| (s.start.clone(), s.id.clone());
            let (page, next_cursor) = page_of(&hits, key, cursor.as_ref(), descending, limit);
            Ok(StoryPage {
                stories: crate::dto::describe(r.store, &page)?
                    .iter()
                    .map(ApiStory::from)
                    .collect(),
                next_cursor,
                total: hits.len(),
            })
        })
        .await?;
    Ok(Json(page))
}

/// One story: its documents and its merged events.
#[utoipa::path(
    get,
    path = "/api/stories/{id}",
    tag = "stories",
    params(("id" = String, Path, description = "Story id (from /api/stories)")),
    responses(
        (status = 200, description = "The story", body = StoryDetail),
        (status = 404, description = "No such story", body = ErrorBody),
    )
)]
pub(crate) async fn get_story(
    State(state): State<AppState>,
    id: Result<Path<String>, PathRejection>,
) -> Result<Json<StoryDetail>, ApiError> {
    let id = path(id)?;
    let detail = state
        .read(move |r| {
            let view = r.events()?;
            let stories = r.stories(&view)?;
            let listed = stories.iter().find(|s| s.id == id.trim());
            let Some(s) = listed
                .map(|s| crate::dto::describe(r.store, &[s]))
                .transpose()?
                .and_then(|mut d| d.pop())
            else {
                return Err(ApiError::not_found(format!("no story with id {id}")));
            };
            let mut documents = Vec::with_capacity(s.documents.len());
            for d in &s.documents {
                if let Some(d) = r.store.document(d)? {
                    documents.push(StoryDocument {
                        id: d.id,
                        title: d.title,
                        outlet: d.outlet,
                        url: d.url,
                        published: d.published,
                    });
                }
            }
            let wanted: BTreeSet<&str> = s.events.iter().map(String::as_str).collect();
            let picked: Vec<usize> = view
                .by_date
                .iter()
                .map(|&i| i as usize)
                .filter(|&i| wanted.contains(view.id(i)))
                .collect();
            let events = view.api_events(r.store, &picked)?;
            Ok(StoryDetail {
                story: ApiStory::from(&s),
                documents,
                events,
            })
        })
        .await?;
    Ok(Json(detail))
}
