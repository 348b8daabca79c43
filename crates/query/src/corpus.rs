//! The consolidated view of a store: merged events with their members and
//! disagreements, near-duplicate documents, stories, id aliases and the
//! ingest-time filter for incremental pulls.

use std::collections::{BTreeMap, BTreeSet};

use chronicler_consolidate::conflicts::{disagreements, Disagreement};
use chronicler_consolidate::incremental::{regroup, KeptGroup, Regrouped};
use chronicler_consolidate::stories::{Story, StoryDoc, StoryUpdate};
use chronicler_consolidate::{Consolidated, Located, NearDuplicates};
use chronicler_core::{EventMention, MergedEvent};
use chronicler_store::{DocCluster, DocFacts, EventGroup, EventIdRecord, Store, StoredEvent};
use jiff::Timestamp;
use serde::Serialize;

use crate::{EventFilter, QueryError};

/// The near-duplicate clusters of the store (documents linked from
/// [`chronicler_consolidate::minhash::NEAR_DUPLICATE`]): one source.
pub fn near_duplicates(store: &Store) -> Result<NearDuplicates, QueryError> {
    Ok(clusters_by(&store.doc_clusters()?, |c| c.near))
}

/// The related-text clusters of the store (documents linked from
/// [`chronicler_consolidate::minhash::RELATED`] and published within
/// [`chronicler_consolidate::stories::WINDOW_DAYS`] of each other), for
/// stories.
pub fn related_documents(store: &Store) -> Result<NearDuplicates, QueryError> {
    Ok(clusters_by(&store.doc_clusters()?, |c| c.related))
}

/// The clusters of `rows` by the representative `key` gives.
fn clusters_by(rows: &[DocCluster], key: impl Fn(&DocCluster) -> i64) -> NearDuplicates {
    let mut groups: BTreeMap<i64, Vec<&str>> = BTreeMap::new();
    for r in rows {
        groups.entry(key(r)).or_default().push(r.id.as_str());
    }
    NearDuplicates::from_clusters(groups.into_values())
}

/// Every event in the store merged, with the coded events behind each;
/// near-duplicate documents count as one source.
///
/// Starts from the grouping kept in the store by [`update_consolidation`]:
/// only the blocks holding events stored since are regrouped (in memory;
/// [`update_consolidation`] keeps them). The result is the same as
/// grouping everything from scratch.
pub fn consolidated(store: &Store) -> Result<Consolidated, QueryError> {
    Ok(regrouped(store)?.0.consolidated)
}

/// The incremental regrouping of the store, with the document id and
/// ordinal of each input event.
fn regrouped(store: &Store) -> Result<(Regrouped, Vec<EventGroup>), QueryError> {
    let (events, mut keys, story_rows) = store.consolidation_input()?;
    // The two reads share a snapshot; should they ever disagree, group
    // everything from scratch rather than trust a misaligned label.
    let aligned =
        keys.len() == events.len() && keys.iter().zip(&events).all(|(k, e)| k.doc == e.doc.id);
    if !aligned {
        keys.clear();
    }
    let kept: Vec<Option<KeptGroup>> = keys
        .iter()
        .map(|k| match (&k.block, &k.group) {
            (Some(block), Some(group)) => Some(KeptGroup {
                block: block.clone(),
                group: group.clone(),
            }),
            _ => None,
        })
        .collect();
    let story_of = if aligned {
        story_rows.into_iter().collect()
    } else {
        BTreeMap::new()
    };
    let located = events.into_iter().map(located).collect();
    let r = regroup(located, &kept, &near_duplicates(store)?, story_of);
    Ok((r, keys))
}

/// A stored coded event as consolidation's input.
pub(crate) fn located(s: StoredEvent) -> Located {
    Located {
        mention: EventMention {
            doc: s.doc.id,
            path: s.doc.path,
            url: s.doc.url,
            outlet: s.doc.outlet,
            published: Some(s.doc.published),
            sentence: s.sentence,
            start: s.start,
            end: s.end,
        },
        event: s.event,
    }
}

/// What [`update_consolidation`] regrouped.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct ConsolidationUpdate {
    /// Blocks regrouped (those holding events stored since the last update).
    pub blocks: usize,
    /// Coded events in those blocks.
    pub events: usize,
    /// Merged events rebuilt: the groups of those blocks whose members
    /// changed (the others are kept as they are).
    pub merged: usize,
    /// Documents whose story was regrouped.
    pub documents: usize,
}

/// Brings the grouping and stories kept in the store up to date with the
/// documents stored since the last update, regrouping only the blocks
/// and stories they touch. Running it again changes nothing.
pub fn update_consolidation(store: &mut Store) -> Result<ConsolidationUpdate, QueryError> {
    Ok(crate::keep::update(store, false)?.0)
}

/// Keeps the events (and their members) that pass `filter`.
pub fn filter_consolidated(c: Consolidated, filter: &EventFilter) -> Consolidated {
    keep(c, |m, _| filter.matches(m))
}

fn keep(c: Consolidated, mut f: impl FnMut(&MergedEvent, &[Located]) -> bool) -> Consolidated {
    let mut out = Consolidated {
        near_duplicates: c.near_duplicates,
        ..Consolidated::default()
    };
    for (e, m) in c.events.into_iter().zip(c.members) {
        if f(&e, &m) {
            out.events.push(e);
            out.members.push(m);
        }
    }
    out
}

/// Parses an ingest-time bound: an RFC 3339 timestamp
/// (`2026-01-30T12:00:00Z`) or a day (`2026-01-30`, midnight UTC).
pub fn parse_since(s: &str) -> Option<Timestamp> {
    let s = s.trim();
    if let Ok(t) = s.parse::<Timestamp>() {
        return Some(t);
    }
    let d = s.parse::<jiff::civil::Date>().ok()?;
    d.to_zoned(jiff::tz::TimeZone::UTC)
        .ok()
        .map(|z| z.timestamp())
}

/// Keeps the events that changed after `since`: those with at least one
/// mention in a document ingested after it (a new event, or an old one a
/// new report joined).
pub fn changed_since(
    c: Consolidated,
    facts: &BTreeMap<String, DocFacts>,
    since: Timestamp,
) -> Consolidated {
    let after = |doc: &str| {
        facts
            .get(doc)
            .and_then(|f| f.ingested_at.parse::<Timestamp>().ok())
            .is_some_and(|t| t > since)
    };
    keep(c, |e, _| e.mentions.iter().any(|m| after(&m.doc)))
}

/// Document facts by id.
pub fn doc_facts(store: &Store) -> Result<BTreeMap<String, DocFacts>, QueryError> {
    Ok(store
        .doc_facts()?
        .into_iter()
        .map(|f| (f.id.clone(), f))
        .collect())
}

/// The facts of the documents reporting `c`'s events, by id.
pub fn facts_of(store: &Store, c: &Consolidated) -> Result<BTreeMap<String, DocFacts>, QueryError> {
    let docs: BTreeSet<&str> = c
        .events
        .iter()
        .flat_map(|e| e.mentions.iter().map(|m| m.doc.as_str()))
        .collect();
    let mut facts = BTreeMap::new();
    for d in docs {
        if let Some(f) = store.doc_facts_of(d)? {
            facts.insert(f.id.clone(), f);
        }
    }
    Ok(facts)
}

/// Measures the tone ([`crate::tone::tone`]) of the documents `docs`
/// (reading their clean text) into `facts`; documents already measured or
/// unknown are skipped.
pub fn measure_tones<'a>(
    store: &Store,
    facts: &mut BTreeMap<String, DocFacts>,
    docs: impl IntoIterator<Item = &'a str>,
) -> Result<(), QueryError> {
    for d in docs {
        let Some(f) = facts.get_mut(d) else {
            continue;
        };
        if f.tone.is_some() {
            continue;
        }
        if let Some(text) = store.document_text(d)? {
            f.tone = Some(crate::tone::tone(&text));
        }
    }
    Ok(())
}

/// An event whose reports disagree.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EventConflict {
    /// Event id.
    pub id: String,
    /// The event as one timeline line ("who → whom: what").
    pub what: String,
    /// When, as on the timeline.
    pub when: String,
    /// Distinct independent sources.
    pub num_sources: usize,
    /// Each disagreement with every value and its sources.
    pub disagreements: Vec<Disagreement>,
}

/// Every event whose reports disagree on a date, place or count, in the
/// events' order.
pub fn conflicts(c: &Consolidated) -> Vec<EventConflict> {
    let mut out = Vec::new();
    for (e, members) in c.events.iter().zip(&c.members) {
        let d = disagreements(members, &c.near_duplicates);
        if d.is_empty() {
            continue;
        }
        let line = crate::timeline(std::slice::from_ref(e)).pop();
        out.push(EventConflict {
            id: e.id.clone(),
            what: line.as_ref().map(|l| l.what.clone()).unwrap_or_default(),
            when: line.map(|l| l.when).unwrap_or_default(),
            num_sources: e.num_sources,
            disagreements: d,
        });
    }
    out
}

/// The stories of the store (see `chronicler_consolidate::stories`):
/// kept stories where nothing changed, regrouped where `c` (from
/// [`consolidated`]) regrouped events or new documents came in.
pub fn stories(store: &Store, c: &Consolidated) -> Result<Vec<Story>, QueryError> {
    Ok(stories_update(store, c)?.stories)
}

pub(crate) fn stories_update(store: &Store, c: &Consolidated) -> Result<StoryUpdate, QueryError> {
    let facts = doc_facts(store)?;
    let docs: Vec<StoryDoc> = store
        .documents()?
        .into_iter()
        .filter_map(|d| {
            let published = d.published.parse().ok()?;
            Some(StoryDoc {
                title: d
                    .title
                    .clone()
                    .or_else(|| facts.get(&d.id).and_then(|f| f.title.clone())),
                id: d.id,
                published,
                outlet: d.outlet,
                url: d.url,
            })
        })
        .collect();
    let kept = c.kept_stories.clone().unwrap_or_default();
    Ok(chronicler_consolidate::stories::update(
        &docs,
        &c.events,
        &c.near_duplicates,
        &related_documents(store)?,
        &kept,
    ))
}

/// Brings the kept consolidation up to date ([`update_consolidation`]) and
/// records the ids of the current merged events (anchored on their first
/// mention), so that an id merged away later still resolves. Returns how
/// many ids were new.
pub fn record_event_ids(store: &mut Store) -> Result<usize, QueryError> {
    // The events just regrouped, as they are kept: no second read of the
    // store.
    Ok(crate::keep::update(store, true)?.1)
}

/// The ids of `c`'s events, each anchored on its first mention.
pub(crate) fn id_records(c: &Consolidated) -> Vec<EventIdRecord> {
    c.events
        .iter()
        .filter_map(|e| {
            let m = e.mentions.first()?;
            Some(EventIdRecord {
                id: e.id.clone(),
                doc: m.doc.clone(),
                start: m.start,
                end: m.end,
                cameo_root: e.event.cameo.chars().take(2).collect(),
            })
        })
        .collect()
}

/// The current id of the event `id` names: itself when it is current,
/// else the event that now holds the mention it was anchored on (an event
/// merged into another since). `None` when unknown.
pub fn resolve_event_id(
    store: &Store,
    events: &[MergedEvent],
    id: &str,
) -> Result<Option<String>, QueryError> {
    if events.iter().any(|e| e.id == id) {
        return Ok(Some(id.to_string()));
    }
    let Some(rec) = store.event_id(id)? else {
        return Ok(None);
    };
    let holder = events.iter().find(|e| {
        e.event.cameo.starts_with(&rec.cameo_root)
            && e.mentions
                .iter()
                .any(|m| m.doc == rec.doc && m.start == rec.start && m.end == rec.end)
    });
    Ok(holder.map(|e| e.id.clone()))
}
