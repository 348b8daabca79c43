//! The sourced timeline: events in date order, each with what happened,
//! who says so, and the sentence that says it.

use chronicler_core::{cameo, MergedEvent};
use serde::Serialize;

use crate::{source_label, Consolidated, QueryError};

/// One line of the timeline.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TimelineEntry {
    /// Event id.
    pub id: String,
    /// The date as shown: `2026-01-29`, `2026-01-23..2026-01-24`,
    /// `..2026-02-01` (until), or `reported 2026-01-30` for an undated
    /// event, placed at the publication date of its first report.
    pub when: String,
    /// The day the entry is sorted by.
    pub sort_day: Option<String>,
    /// True when the event has a date of its own.
    pub dated: bool,
    /// Status.
    pub status: String,
    /// CAMEO code.
    pub cameo: String,
    /// One readable line: who, what, to whom, where, counts.
    pub what: String,
    /// Outlets (or documents) reporting it, deduplicated, in order.
    pub sources: Vec<String>,
    /// The first mention's sentence.
    pub evidence: String,
    /// The first mention's document.
    pub doc: String,
    /// Distinct documents.
    pub num_articles: usize,
    /// Where the date came from, for people ("date carried from sentence
    /// 0": a sentence of the representative report's document, the one
    /// whose date the event has); None for events stored before it was
    /// kept.
    pub date_from: Option<String>,
}

/// Builds the timeline of `events`, in date order (ties keep the input
/// order, which is deterministic).
pub fn timeline(events: &[MergedEvent]) -> Vec<TimelineEntry> {
    in_date_order(events.iter().map(entry).collect())
}

/// [`timeline`] of the merged events `stream` yields (such as
/// [`crate::filtered_stream`]), holding only the entries: one line and one
/// sentence an event, not all its reports.
pub fn timeline_of(
    stream: impl Iterator<Item = Result<Consolidated, QueryError>>,
) -> Result<Vec<TimelineEntry>, QueryError> {
    let mut entries = Vec::new();
    for part in stream {
        entries.extend(part?.events.iter().map(entry));
    }
    Ok(in_date_order(entries))
}

/// Sorted by day, dated before undated on a day; ties keep their order.
fn in_date_order(mut entries: Vec<TimelineEntry>) -> Vec<TimelineEntry> {
    entries.sort_by(|a, b| a.sort_day.cmp(&b.sort_day).then(b.dated.cmp(&a.dated)));
    entries
}

fn entry(m: &MergedEvent) -> TimelineEntry {
    let e = &m.event;
    let (when, sort_day, dated) = match (e.date.start, e.date.end) {
        (Some(s), Some(t)) if s != t => (format!("{s}..{t}"), Some(s.to_string()), true),
        (Some(s), _) => (s.to_string(), Some(s.to_string()), true),
        (None, Some(t)) => (format!("..{t}"), Some(t.to_string()), true),
        (None, None) => {
            let p = m.mentions.iter().filter_map(|x| x.published.clone()).min();
            (
                p.as_ref()
                    .map_or_else(|| "undated".to_string(), |p| format!("reported {p}")),
                p,
                false,
            )
        }
    };
    let name = |a: &Option<chronicler_core::Actor>| a.as_ref().map(|a| a.name.clone());
    let label = cameo::info(&e.cameo).map_or_else(|| e.cameo.clone(), |i| i.label.clone());
    let mut what = match (name(&e.source), name(&e.target)) {
        (Some(s), Some(t)) if e.symmetric => format!("{s} and {t}: {label}"),
        (Some(s), Some(t)) => format!("{s} → {t}: {label}"),
        (Some(s), None) => format!("{s}: {label}"),
        (None, Some(t)) => format!("? → {t}: {label}"),
        (None, None) => label,
    };
    if let Some(l) = &e.location {
        what.push_str(&format!(", in {}", l.name));
    }
    if !e.quantities.is_empty() {
        let q: Vec<String> = e
            .quantities
            .iter()
            .map(|q| {
                if q.unit.is_empty() {
                    q.text.clone()
                } else {
                    format!("{} {}", q.text, q.unit)
                }
            })
            .collect();
        what.push_str(&format!(" ({})", q.join("; ")));
    }
    let mut sources: Vec<String> = Vec::new();
    for s in m.mentions.iter().map(source_label) {
        if !sources.contains(&s) {
            sources.push(s);
        }
    }
    let first = m.mentions.first();
    TimelineEntry {
        id: m.id.clone(),
        when,
        sort_day,
        dated,
        status: e.status.as_str().to_string(),
        cameo: e.cameo.clone(),
        what,
        sources,
        evidence: first.map(|f| f.sentence.clone()).unwrap_or_default(),
        doc: first.map(|f| f.doc.clone()).unwrap_or_default(),
        num_articles: m.num_articles,
        date_from: Some(e.evidence.date_from)
            .filter(|d| !d.is_unrecorded())
            .map(|d| d.describe()),
    }
}
