//! The JSON shapes of the API (with their OpenAPI schemas). They are
//! converted from `chronicler-query` and `chronicler-store` results here, at
//! the boundary; events keep the field names of the event JSON Lines
//! contract ([`chronicler_query::ExportEvent`]).

use chronicler_core::{cameo, EventMention, MergedEvent};
use chronicler_query::{ExportEvent, TimelineEntry};
use chronicler_store::{DocumentRow, Stats};
use serde::Serialize;
use utoipa::ToSchema;

/// An actor.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ApiActor {
    /// Canonical name.
    pub name: String,
    /// Full CAMEO actor code ("UKRGOV").
    pub code: String,
    /// ISO alpha-3 country, or an organisation's CAMEO code ("UNO").
    pub country: Option<String>,
    /// CAMEO type code ("GOV").
    pub role: Option<String>,
}

/// A place.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ApiLocation {
    /// Name.
    pub name: String,
    /// ISO alpha-3 country.
    pub country: Option<String>,
    /// Latitude.
    pub lat: Option<f64>,
    /// Longitude.
    pub lon: Option<f64>,
    /// GDELT's FIPS 10-4 country code ("UP").
    pub fips: Option<String>,
    /// GDELT's first-level subdivision code ("UP12"), when known.
    pub adm1: Option<String>,
    /// GeoNames id, when known.
    pub geonames_id: Option<u64>,
    /// facility, city, subdivision, region or country: a country is never
    /// a point (its coordinates are a centroid).
    pub precision: String,
}

/// A quantity.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ApiQuantity {
    /// Value.
    pub value: f64,
    /// What is counted.
    pub unit: String,
    /// As written.
    pub text: String,
}

/// One report of an event: the document and the sentence that says it.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ApiMention {
    /// Document id.
    pub doc: String,
    /// Input path.
    pub path: String,
    /// Article URL.
    pub url: Option<String>,
    /// Outlet.
    pub outlet: Option<String>,
    /// Publication date.
    pub published: Option<String>,
    /// The sentence.
    pub sentence: String,
    /// Character offset of the sentence in the document's clean text.
    pub start: usize,
    /// Character offset one past the sentence.
    pub end: usize,
}

impl From<&EventMention> for ApiMention {
    fn from(m: &EventMention) -> Self {
        ApiMention {
            doc: m.doc.clone(),
            path: m.path.clone(),
            url: m.url.clone(),
            outlet: m.outlet.clone(),
            published: m.published.clone(),
            sentence: m.sentence.clone(),
            start: m.start,
            end: m.end,
        }
    }
}

/// A merged event: the fields of the event JSON Lines contract, plus how
/// the timeline shows it.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ApiEvent {
    /// Stable id.
    pub id: String,
    /// First day (`YYYY-MM-DD`).
    pub date: Option<String>,
    /// Last day of a range.
    pub date_end: Option<String>,
    /// "day", "month", "year" or "unknown".
    pub date_precision: String,
    /// "occurred", "scheduled", "proposed", "rejected", "ongoing", "expired".
    pub status: String,
    /// Who acts.
    pub source: Option<ApiActor>,
    /// Who is acted upon.
    pub target: Option<ApiActor>,
    /// CAMEO event code.
    pub cameo: String,
    /// Its root (two digits).
    pub cameo_root: String,
    /// What the CAMEO code means.
    pub cameo_label: Option<String>,
    /// GDELT QuadClass (1 verbal cooperation, 2 material cooperation, 3
    /// verbal conflict, 4 material conflict).
    pub quad_class: Option<u8>,
    /// Goldstein value.
    pub goldstein: Option<f32>,
    /// PLOVER category.
    pub plover: Option<String>,
    /// Where.
    pub location: Option<ApiLocation>,
    /// Counts.
    pub quantities: Vec<ApiQuantity>,
    /// Every report of it.
    pub mentions: Vec<ApiMention>,
    /// Number of mentions.
    pub num_mentions: usize,
    /// Distinct outlets.
    pub num_sources: usize,
    /// Distinct documents.
    pub num_articles: usize,
    /// Coder confidence, 0 to 1.
    pub confidence: f32,
    /// A mutual act (either actor order).
    pub symmetric: bool,
    /// Reported by one independent source only (as in the JSON Lines
    /// export: near-duplicate copies count once).
    pub single_source: bool,
    /// Its reports disagree on a date, place or count (as in the JSON
    /// Lines export; `chronicler conflicts` lists the values).
    pub disputed: bool,
    /// The date as the timeline shows it (`2026-01-23..2026-01-24`,
    /// `reported 2026-01-30`).
    pub when: String,
    /// The day it is sorted by: its date, or its first report's.
    pub sort_day: Option<String>,
    /// One readable line: who, what, to whom, where, counts.
    pub what: String,
    /// Outlets (or documents) reporting it.
    pub sources: Vec<String>,
    /// Where its date came from, as in the JSON Lines export: "text",
    /// "clause", "carried", "published", "undated"; null for events stored
    /// before it was kept.
    pub date_from: Option<String>,
    /// For "carried": the sentence (of the representative report's
    /// document) the date was carried from.
    pub date_from_sentence: Option<usize>,
}

impl ApiEvent {
    /// Converts a merged event (`disputed` false: the server's view of the events sets it).
    pub fn new(m: &MergedEvent) -> ApiEvent {
        let e = ExportEvent::from(m);
        let t = chronicler_query::timeline(std::slice::from_ref(m)).pop();
        let actor = |a: chronicler_query::ExportActor| ApiActor {
            name: a.name,
            code: a.code,
            country: a.country,
            role: a.role,
        };
        ApiEvent {
            cameo_label: cameo::info(&e.cameo).map(|i| i.label.clone()),
            id: e.id,
            date: e.date,
            date_end: e.date_end,
            date_precision: e.date_precision,
            status: e.status,
            source: e.source.map(actor),
            target: e.target.map(actor),
            cameo: e.cameo,
            cameo_root: e.cameo_root,
            quad_class: e.quad_class,
            goldstein: e.goldstein,
            plover: e.plover,
            location: e.location.map(|l| ApiLocation {
                name: l.name,
                country: l.country,
                lat: l.lat,
                lon: l.lon,
                fips: l.fips,
                adm1: l.adm1,
                geonames_id: l.geonames_id,
                precision: l.precision.to_string(),
            }),
            quantities: e
                .quantities
                .into_iter()
                .map(|q| ApiQuantity {
                    value: q.value,
                    unit: q.unit,
                    text: q.text,
                })
                .collect(),
            mentions: e.mentions.iter().map(ApiMention::from).collect(),
            num_mentions: e.num_mentions,
            num_sources: e.num_sources,
            num_articles: e.num_articles,
            confidence: e.confidence,
            symmetric: e.symmetric,
            single_source: e.single_source,
            disputed: e.disputed,
            date_from: e.date_from,
            date_from_sentence: e.date_from_sentence,
            when: t.as_ref().map(|t| t.when.clone()).unwrap_or_default(),
            sort_day: t.as_ref().and_then(|t| t.sort_day.clone()),
            what: t.as_ref().map(|t| t.what.clone()).unwrap_or_default(),
            sources: t.map(|t| t.sources).unwrap_or_default(),
        }
    }
}

/// One page of events.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct EventPage {
    /// The events of this page.
    pub events: Vec<ApiEvent>,
    /// Pass as `cursor` to get the next page; null on the last page.
    pub next_cursor: Option<String>,
    /// Events matching the filters, over all pages.
    pub total: usize,
}

/// How many events are placed on one day (`GET /api/days`).
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ApiDay {
    /// The day (YYYY-MM-DD).
    pub day: String,
    /// Events placed on it.
    pub events: usize,
}

/// One line of the timeline.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ApiTimelineEntry {
    /// Event id.
    pub id: String,
    /// The date as shown.
    pub when: String,
    /// The day the entry is sorted by.
    pub sort_day: Option<String>,
    /// True when the event has a date of its own.
    pub dated: bool,
    /// Status.
    pub status: String,
    /// CAMEO code.
    pub cameo: String,
    /// Who, what, to whom, where, counts.
    pub what: String,
    /// Outlets (or documents) reporting it.
    pub sources: Vec<String>,
    /// The first mention's sentence.
    pub evidence: String,
    /// The first mention's document.
    pub doc: String,
    /// Distinct documents.
    pub num_articles: usize,
}

impl From<TimelineEntry> for ApiTimelineEntry {
    fn from(t: TimelineEntry) -> Self {
        ApiTimelineEntry {
            id: t.id,
            when: t.when,
            sort_day: t.sort_day,
            dated: t.dated,
            status: t.status,
            cameo: t.cameo,
            what: t.what,
            sources: t.sources,
            evidence: t.evidence,
            doc: t.doc,
            num_articles: t.num_articles,
        }
    }
}

/// A stored document.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ApiDocument {
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
    /// Publication date.
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

impl From<DocumentRow> for ApiDocument {
    fn from(d: DocumentRow) -> Self {
        ApiDocument {
            id: d.id,
            path: d.path,
            format: d.format,
            url: d.url,
            title: d.title,
            outlet: d.outlet,
            published: d.published,
            published_source: d.published_source,
            sentences: d.sentences,
            events: d.events,
            cited_sources: d.cited_sources,
        }
    }
}

/// Where an event's evidence sentence sits in a document.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, ToSchema)]
pub struct EvidenceSpan {
    /// Character offset of the sentence in the clean text.
    pub start: usize,
    /// Character offset one past it.
    pub end: usize,
    /// The event it is evidence for.
    pub event_id: String,
    /// What that event is, in one line.
    pub what: String,
}

/// A document with its clean text and evidence spans.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct DocumentDetail {
    /// The document.
    pub document: ApiDocument,
    /// Its clean text.
    pub text: String,
    /// Evidence sentences of events, by start.
    pub spans: Vec<EvidenceSpan>,
}

/// A document found by full-text search.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct DocumentHit {
    /// Document id.
    pub id: String,
    /// Title.
    pub title: Option<String>,
    /// BM25 rank (lower is better).
    pub rank: f64,
    /// Text around the first match.
    pub snippet: String,
}

/// An event a found sentence is evidence for.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct SentenceEvent {
    /// The event's id.
    pub id: String,
    /// What it is.
    pub what: String,
}

/// A sentence found by full-text search (SQLite FTS5 over every stored
/// sentence).
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct SentenceHit {
    /// Document id.
    pub doc: String,
    /// The document's title.
    pub title: Option<String>,
    /// The sentence's index in the document.
    pub index: usize,
    /// Character offset of the sentence in the clean text.
    pub start: usize,
    /// Character offset one past it.
    pub end: usize,
    /// The sentence.
    pub sentence: String,
    /// About 160 characters of it around the first match.
    pub snippet: String,
    /// BM25 rank (lower is better).
    pub rank: f64,
    /// The events it is evidence for (none for most sentences).
    pub events: Vec<SentenceEvent>,
}

/// Search results.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct SearchResults {
    /// The query as given.
    pub query: String,
    /// Documents, best match first (SQLite FTS5, BM25); empty with
    /// `scope=sentences`.
    pub documents: Vec<DocumentHit>,
    /// Sentences, best match first (SQLite FTS5, BM25); empty with
    /// `scope=documents`.
    pub sentences: Vec<SentenceHit>,
}

/// An actor seen in events.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ActorCount {
    /// CAMEO actor code.
    pub code: String,
    /// Canonical name.
    pub name: String,
    /// Country or organisation code.
    pub country: Option<String>,
    /// CAMEO type code.
    pub role: Option<String>,
    /// Events it takes part in (as source or target).
    pub events: usize,
}

/// A name no dictionary resolved.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct UnresolvedName {
    /// The name as written.
    pub name: String,
    /// Times seen.
    pub count: usize,
}

/// Actors and unresolved names.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ActorList {
    /// Actors, most events first.
    pub actors: Vec<ActorCount>,
    /// Unresolved names, most frequent first.
    pub unresolved: Vec<UnresolvedName>,
}

/// Counts over the store.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ApiStats {
    /// Documents.
    pub documents: usize,
    /// Sentences.
    pub sentences: usize,
    /// Actor mentions.
    pub actor_mentions: usize,
    /// Coded events (before merging).
    pub coded_events: usize,
    /// Merged events.
    pub merged_events: usize,
    /// Distinct outlets.
    pub outlets: usize,
    /// Oldest publication date.
    pub first_published: Option<String>,
    /// Newest publication date.
    pub last_published: Option<String>,
    /// Schema version.
    pub schema_version: i64,
    /// Documents stored but not yet found by search: an ingest is running
    /// (they are indexed 2,048 at a time and at its end), or one was
    /// stopped before its end (the next ingest indexes them).
    pub waiting_for_search: usize,
}

impl ApiStats {
    /// Converts the store's counts.
    pub fn new(s: Stats, merged_events: usize) -> ApiStats {
        ApiStats {
            documents: s.documents,
            sentences: s.sentences,
            actor_mentions: s.actor_mentions,
            coded_events: s.coded_events,
            merged_events,
            outlets: s.outlets,
            first_published: s.first_published,
            last_published: s.last_published,
            schema_version: s.schema_version,
            waiting_for_search: s.waiting_for_search,
        }
    }
}

/// A problem with posted input (or a line of it).
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ApiProblem {
    /// The input (the document id, with `:LINE` for a JSON Lines line).
    pub input: String,
    /// Kind ("empty", "binary", "malformed"...).
    pub kind: String,
    /// The reason.
    pub message: String,
    /// True when something was skipped; false for a warning.
    pub fatal: bool,
}

/// What an ingest request did.
#[derive(Debug, Clone, Default, Serialize, ToSchema)]
pub struct IngestSummary {
    /// Documents read from the body.
    pub documents: usize,
    /// Documents newly stored.
    pub stored: usize,
    /// Documents already stored (same id, URL or content).
    pub duplicates: usize,
    /// Coded events stored.
    pub events: usize,
    /// Ids of the documents stored.
    pub ids: Vec<String>,
    /// Problems met.
    pub problems: Vec<ApiProblem>,
}

/// The state of play on a day: the brief crate's [`chronicler_brief::Brief`]
/// as is, the same JSON as `chronicler brief --json`.
#[derive(Debug, Clone, Serialize)]
#[serde(transparent)]
pub struct ApiBrief(pub chronicler_brief::Brief);

impl utoipa::PartialSchema for ApiBrief {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        use utoipa::openapi::schema::{
            ArrayBuilder, KnownFormat, ObjectBuilder, SchemaFormat, SchemaType, Type,
        };
        let source = "Each item has `sources`: {event, doc, source, url, published, start, end, sentence}, character offsets of the evidence sentence in the document's clean text";
        let list = |what: &str| {
            ArrayBuilder::new()
                .items(ObjectBuilder::new())
                .description(Some(format!("{what}. Each has a `section` (coming_up, in_force, just_happened, stalled, background) where it applies. {source}.")))
        };
        ObjectBuilder::new()
            .description(Some("The state of play on a day (the JSON of `chronicler brief --json`)."))
            .property(
                "as_of",
                ObjectBuilder::new()
                    .schema_type(SchemaType::from_iter([Type::String, Type::Null]))
                    .format(Some(SchemaFormat::KnownFormat(KnownFormat::Date)))
                    .description(Some("The day the brief is for.")),
            )
            .property(
                "scope",
                ObjectBuilder::new()
                    .schema_type(Type::String)
                    .description(Some("Whose state of play (\"UKR – RUS\").")),
            )
            .property(
                "events",
                ObjectBuilder::new()
                    .schema_type(Type::Integer)
                    .description(Some("Events read, after the scope and the day.")),
            )
            .property("rounds", list("Rounds of talks: parties, mediators, venue, when, ordinal, state (held, scheduled, postponed, cancelled, past_no_outcome), previous"))
            .property("commitments", list("Ceasefires, truces, moratoria, pauses: kind, scope, parties, declared, start, end, end_precision, duration, state, days_left, claims"))
            .property("exchanges", list("Exchanges of prisoners, remains, hostages: parties, when, done, phase, transfers (from, to, count, what)"))
            .property("suspensions", list("Suspended processes: by, toward, what, when, resumed"))
            .property("positions", ArrayBuilder::new().items(ObjectBuilder::new()).description(Some(format!("Positions by actor: actor, toward, stance, what, venue, cameo, when, answers. {source}."))))
            .required("scope")
            .required("events")
            .required("rounds")
            .required("commitments")
            .required("exchanges")
            .required("suspensions")
            .required("positions")
            .into()
    }
}

impl ToSchema for ApiBrief {}

/// A story: the documents about one happening, across outlets.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ApiStory {
    /// Story id (`st` and 12 hex digits).
    pub id: String,
    /// The headline of its earliest document, or that document's id.
    pub title: String,
    /// First day (YYYY-MM-DD): earliest publication or event day.
    pub start: String,
    /// Last day: latest publication or event day.
    pub end: String,
    /// Documents in it.
    pub num_documents: usize,
    /// Outlets (or hosts, or document ids) of its documents, sorted.
    pub outlets: Vec<String>,
    /// Independent sources (near-duplicate copies counted once).
    pub num_sources: usize,
    /// Merged events reported in it.
    pub num_events: usize,
}

impl From<&chronicler_query::Story> for ApiStory {
    fn from(s: &chronicler_query::Story) -> ApiStory {
        ApiStory {
            id: s.id.clone(),
            title: s.title.clone(),
            start: s.start.clone(),
            end: s.end.clone(),
            num_documents: s.documents.len(),
            outlets: s.outlets.clone(),
            num_sources: s.num_sources,
            num_events: s.events.len(),
        }
    }
}

/// A story as the server lists it: what its filters and pages read (span,
/// id, the ids of its merged events), and the story described (from a
/// view of every event merged) or the kept story to describe it from when
/// an answer shows it.
#[derive(Debug, Clone)]
pub(crate) struct KeptStory {
    pub start: String,
    pub end: String,
    pub id: String,
    pub events: Vec<String>,
    pub story: Listed,
}

/// How a listed story is described.
#[derive(Debug, Clone)]
pub(crate) enum Listed {
    /// Already described.
    Described(Box<chronicler_query::Story>),
    /// The kept story's label (`query::describe_kept_stories`).
    Kept(Box<str>),
}

impl KeptStory {
    /// A described story.
    pub fn described(s: chronicler_query::Story) -> KeptStory {
        KeptStory {
            start: s.start.clone(),
            end: s.end.clone(),
            id: s.id.clone(),
            events: s.events.clone(),
            story: Listed::Described(Box::new(s)),
        }
    }

    /// A kept story listed, not described.
    pub fn kept(h: chronicler_query::KeptStoryHead) -> KeptStory {
        KeptStory {
            start: h.start,
            end: h.end,
            id: h.id,
            events: h.events,
            story: Listed::Kept(h.label.into()),
        }
    }
}

/// The stories `listed`, described, in that order (one the store no
/// longer describes, regrouped since it was listed, is left out).
pub(crate) fn describe(
    store: &chronicler_store::Store,
    listed: &[&KeptStory],
) -> Result<Vec<chronicler_query::Story>, crate::error::ApiError> {
    let labels: Vec<&str> = listed
        .iter()
        .filter_map(|s| match &s.story {
            Listed::Kept(l) => Some(&**l),
            Listed::Described(_) => None,
        })
        .collect();
    let mut kept = chronicler_query::describe_kept_stories(store, &labels)?.into_iter();
    let mut out = Vec::with_capacity(listed.len());
    for s in listed {
        match &s.story {
            Listed::Described(d) => out.push((**d).clone()),
            Listed::Kept(_) => out.extend(kept.next().flatten()),
        }
    }
    Ok(out)
}

/// One page of `GET /api/documents`.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct DocumentPage {
    /// The documents of this page, by publication date then id.
    pub documents: Vec<ApiDocument>,
    /// Pass as `cursor` to get the next page; null on the last page.
    pub next_cursor: Option<String>,
    /// Documents in the store.
    pub total: usize,
}

/// One page of stories.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct StoryPage {
    /// The stories of this page, by first day then id.
    pub stories: Vec<ApiStory>,
    /// Pass as `cursor` to get the next page; null on the last page.
    pub next_cursor: Option<String>,
    /// Stories matching the filters, over all pages.
    pub total: usize,
}

/// A document of a story.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct StoryDocument {
    /// Document id.
    pub id: String,
    /// Title.
    pub title: Option<String>,
    /// Outlet.
    pub outlet: Option<String>,
    /// URL.
    pub url: Option<String>,
    /// Publication date.
    pub published: String,
}

/// One story with its documents and merged events.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct StoryDetail {
    /// The story.
    pub story: ApiStory,
    /// Its documents, by publication day then id.
    pub documents: Vec<StoryDocument>,
    /// Its merged events (as in `/api/events`), in date order.
    pub events: Vec<ApiEvent>,
}
