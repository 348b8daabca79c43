//! The export formats. [`ExportEvent`] is the event JSON Lines contract:
//! its field names and meanings are kept stable for evaluation and users'
//! scripts.

use std::io::Write;

use chronicler_consolidate::conflicts::{disagreements, Disagreement};
use chronicler_consolidate::Consolidated;
use chronicler_core::{cameo, Actor, EventMention, MergedEvent, Place, Quantity};
use serde::Serialize;

use crate::QueryError;

/// An actor as exported.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ExportActor {
    /// Canonical name.
    pub name: String,
    /// Full CAMEO actor code ("UKRGOV").
    pub code: String,
    /// CAMEO/ISO alpha-3 country, or an organisation's known-group code.
    pub country: Option<String>,
    /// CAMEO type code ("GOV"), or null.
    pub role: Option<String>,
}

impl From<&Actor> for ExportActor {
    fn from(a: &Actor) -> Self {
        ExportActor {
            name: a.name.clone(),
            code: a.code.clone(),
            country: a.country.clone(),
            role: a.role.clone(),
        }
    }
}

/// A place as exported.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ExportLocation {
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
    /// GDELT's first-level subdivision code ("UP26"), when known.
    pub adm1: Option<String>,
    /// GeoNames id, when known.
    pub geonames_id: Option<u64>,
    /// facility, city, subdivision, region or country: a country is never
    /// a point (its coordinates are a centroid).
    pub precision: &'static str,
}

impl From<&Place> for ExportLocation {
    fn from(p: &Place) -> Self {
        let fips = p
            .fips
            .clone()
            .or_else(|| Some(crate::gdelt::fips(p.country.as_deref()?)?.to_string()));
        ExportLocation {
            name: p.name.clone(),
            country: p.country.clone(),
            lat: p.lat,
            lon: p.lon,
            fips,
            adm1: p.adm1.clone(),
            geonames_id: p.geonames_id,
            precision: p.precision().as_str(),
        }
    }
}

/// A quantity as exported.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ExportQuantity {
    /// Value.
    pub value: f64,
    /// What is counted.
    pub unit: String,
    /// As written.
    pub text: String,
    /// "about", "at least", "more than", "up to"..., when written.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub qualifier: Option<String>,
    /// Lowest value it stands for ("hundreds": 200), when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub min: Option<f64>,
    /// Highest value it stands for ("hundreds": 999), when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max: Option<f64>,
    /// Kind of count: killed, wounded, bodies, prisoners, hostages, people,
    /// soldiers, munitions, money, temperature, percent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
}

impl From<&Quantity> for ExportQuantity {
    fn from(q: &Quantity) -> Self {
        ExportQuantity {
            value: q.value,
            unit: q.unit.clone(),
            text: q.text.clone(),
            qualifier: q.qualifier.clone(),
            min: q.min,
            max: q.max,
            kind: q.kind.clone(),
        }
    }
}

/// One merged event, one line of `chronicler export --format jsonl`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ExportEvent {
    /// Stable across re-runs.
    pub id: String,
    /// First day (`YYYY-MM-DD`) or null.
    pub date: Option<String>,
    /// Last day of a range, or null.
    pub date_end: Option<String>,
    /// "day", "month", "year" or "unknown".
    pub date_precision: String,
    /// "occurred", "scheduled", "proposed", "rejected", "ongoing", "expired".
    pub status: String,
    /// Who acts.
    pub source: Option<ExportActor>,
    /// Who is acted upon.
    pub target: Option<ExportActor>,
    /// CAMEO event code.
    pub cameo: String,
    /// Its root.
    pub cameo_root: String,
    /// GDELT QuadClass (1-4).
    pub quad_class: Option<u8>,
    /// Goldstein value.
    pub goldstein: Option<f32>,
    /// PLOVER category.
    pub plover: Option<String>,
    /// Where.
    pub location: Option<ExportLocation>,
    /// Counts.
    pub quantities: Vec<ExportQuantity>,
    /// Every report of it.
    pub mentions: Vec<EventMention>,
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
    /// Reported by one independent source only (near-duplicate copies of
    /// one article count once).
    pub single_source: bool,
    /// Its reports disagree on a date, place or count (see
    /// `disagreements`; only known when exported through
    /// [`export_events`]).
    pub disputed: bool,
    /// Every disagreement, each value with its sources (omitted when none).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub disagreements: Vec<Disagreement>,
    /// Where the representative report's date came from: "text" (its
    /// sentence), "clause" (the clause it is told in), "carried" (an
    /// earlier dated act of the same document), "published" (publication
    /// day) or "undated"; omitted for events stored before it was kept.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date_from: Option<String>,
    /// For "carried": the index of the sentence of the representative
    /// report's document the date was carried from.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date_from_sentence: Option<usize>,
}

impl From<&MergedEvent> for ExportEvent {
    fn from(m: &MergedEvent) -> Self {
        let e = &m.event;
        let info = cameo::info(&e.cameo);
        // A range with an open start and a known end ("set to expire
        // around February 1") exports its end as both bounds' only date.
        let (date, date_end) = match (e.date.start, e.date.end) {
            (Some(s), Some(t)) if t != s => (Some(s.to_string()), Some(t.to_string())),
            (Some(s), _) => (Some(s.to_string()), None),
            (None, Some(t)) => (None, Some(t.to_string())),
            (None, None) => (None, None),
        };
        ExportEvent {
            id: m.id.clone(),
            date,
            date_end,
            date_precision: e.date.precision.as_str().to_string(),
            status: e.status.as_str().to_string(),
            source: e.source.as_ref().map(ExportActor::from),
            target: e.target.as_ref().map(ExportActor::from),
            cameo: e.cameo.clone(),
            cameo_root: e.cameo.chars().take(2).collect(),
            quad_class: info.map(|i| i.quad_class),
            goldstein: info.map(|i| i.goldstein),
            plover: info.and_then(|i| i.plover.clone()),
            location: e.location.as_ref().map(ExportLocation::from),
            quantities: e.quantities.iter().map(ExportQuantity::from).collect(),
            num_mentions: m.mentions.len(),
            num_sources: m.num_sources,
            num_articles: m.num_articles,
            mentions: m.mentions.clone(),
            confidence: (e.confidence * 1000.0).round() / 1000.0,
            symmetric: e.symmetric,
            single_source: m.num_sources <= 1,
            disputed: false,
            disagreements: Vec::new(),
            date_from: Some(e.evidence.date_from)
                .filter(|d| !d.is_unrecorded())
                .map(|d| d.as_str().to_string()),
            date_from_sentence: e.evidence.date_from.sentence(),
        }
    }
}

/// The export records of consolidated events, with their disagreements.
pub fn export_events(c: &Consolidated) -> Vec<ExportEvent> {
    c.events
        .iter()
        .zip(&c.members)
        .map(|(e, members)| {
            let mut x = ExportEvent::from(e);
            x.disagreements = disagreements(members, &c.near_duplicates);
            x.disputed = !x.disagreements.is_empty();
            x
        })
        .collect()
}

/// Writes consolidated events as JSON Lines, with their disagreements.
pub fn write_jsonl_consolidated(c: &Consolidated, out: &mut dyn Write) -> Result<(), QueryError> {
    for x in export_events(c) {
        let line = serde_json::to_string(&x).map_err(|e| QueryError::Write(e.to_string()))?;
        writeln!(out, "{line}").map_err(|e| QueryError::Write(e.to_string()))?;
    }
    Ok(())
}

/// Writes events as JSON Lines, one event a line.
pub fn write_jsonl(events: &[MergedEvent], out: &mut dyn Write) -> Result<(), QueryError> {
    for e in events {
        let line = serde_json::to_string(&ExportEvent::from(e))
            .map_err(|e| QueryError::Write(e.to_string()))?;
        writeln!(out, "{line}").map_err(|e| QueryError::Write(e.to_string()))?;
    }
    Ok(())
}

/// The CSV columns, in order.
pub const CSV_HEADER: [&str; 30] = [
    "id",
    "date",
    "date_end",
    "date_precision",
    "status",
    "source_name",
    "source_code",
    "source_country",
    "source_role",
    "target_name",
    "target_code",
    "target_country",
    "target_role",
    "cameo",
    "cameo_root",
    "quad_class",
    "goldstein",
    "plover",
    "location_name",
    "location_country",
    "lat",
    "lon",
    "quantities",
    "num_mentions",
    "num_sources",
    "num_articles",
    "confidence",
    "doc",
    "outlet",
    "sentence",
];

/// Writes events as CSV with a header; one row per event, the first
/// mention as its evidence.
pub fn write_csv(events: &[MergedEvent], out: &mut dyn Write) -> Result<(), QueryError> {
    write_csv_rows(events, true, out)
}

/// [`write_csv`] in parts: the rows of `events`, after the header when
/// `header` (the first part of a streamed export).
pub fn write_csv_rows(
    events: &[MergedEvent],
    header: bool,
    out: &mut dyn Write,
) -> Result<(), QueryError> {
    let err = |e: csv::Error| QueryError::Write(e.to_string());
    let mut w = csv::Writer::from_writer(out);
    if header {
        w.write_record(CSV_HEADER).map_err(err)?;
    }
    for m in events {
        let x = ExportEvent::from(m);
        let actor = |a: &Option<ExportActor>| -> [String; 4] {
            match a {
                Some(a) => [
                    a.name.clone(),
                    a.code.clone(),
                    a.country.clone().unwrap_or_default(),
                    a.role.clone().unwrap_or_default(),
                ],
                None => Default::default(),
            }
        };
        let s = actor(&x.source);
        let t = actor(&x.target);
        let opt = |v: Option<String>| v.unwrap_or_default();
        let loc = x.location.as_ref();
        let first = x.mentions.first();
        let row: Vec<String> = vec![
            x.id.clone(),
            opt(x.date.clone()),
            opt(x.date_end.clone()),
            x.date_precision.clone(),
            x.status.clone(),
            s[0].clone(),
            s[1].clone(),
            s[2].clone(),
            s[3].clone(),
            t[0].clone(),
            t[1].clone(),
            t[2].clone(),
            t[3].clone(),
            x.cameo.clone(),
            x.cameo_root.clone(),
            x.quad_class.map(|q| q.to_string()).unwrap_or_default(),
            x.goldstein.map(|g| g.to_string()).unwrap_or_default(),
            opt(x.plover.clone()),
            loc.map(|l| l.name.clone()).unwrap_or_default(),
            loc.and_then(|l| l.country.clone()).unwrap_or_default(),
            loc.and_then(|l| l.lat)
                .map(|v| v.to_string())
                .unwrap_or_default(),
            loc.and_then(|l| l.lon)
                .map(|v| v.to_string())
                .unwrap_or_default(),
            x.quantities
                .iter()
                .map(|q| format!("{} {}", q.text, q.unit))
                .collect::<Vec<_>>()
                .join("; "),
            x.num_mentions.to_string(),
            x.num_sources.to_string(),
            x.num_articles.to_string(),
            x.confidence.to_string(),
            first.map(|m| m.doc.clone()).unwrap_or_default(),
            first.map(crate::source_label).unwrap_or_default(),
            first.map(|m| m.sentence.clone()).unwrap_or_default(),
        ];
        w.write_record(&row).map_err(err)?;
    }
    w.flush().map_err(|e| QueryError::Write(e.to_string()))?;
    Ok(())
}
