//! Stories: the documents about one happening, grouped.
//!
//! Two documents are tied when
//!
//! * they are near duplicates (a syndicated copy, an updated version), or
//! * they share much text ([`crate::minhash::RELATED`]: a rewritten wire
//!   story, long shared quotes; pairs found through the MinHash LSH bands,
//!   never all pairs, and kept as clusters: see [`crate::NearDuplicates`])
//!   and were published within [`WINDOW_DAYS`] days of each other, or
//! * they report the same merged event, that event is specific (dated, or
//!   a code below root level with both actors known: generic undated acts
//!   such as "Russia attacked Ukraine" would chain a whole war into one
//!   story), and they were published within [`WINDOW_DAYS`] days of each
//!   other.
//!
//! Stories join tied documents, closest ties first (fewest days apart,
//! then by document id), as long as a story's documents stay within
//! [`MAX_SPAN_DAYS`] of each other: a document reporting yesterday's and
//! today's strikes ties consecutive days, and without the limit a war's
//! daily news would chain into one story. Blocking is by event and by
//! cluster: the documents of one event (or of one near-duplicate or
//! related-text cluster) are sorted by publication day and only
//! neighbours are tied, so the cost grows with the number of mentions and
//! documents, never with pairs of documents. A story's id hashes its smallest
//! document id: the same set of documents gives the same stories and ids
//! whatever order they arrived in.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use chronicler_core::{EventMention, MergedEvent};
use jiff::civil::Date;
use serde::Serialize;

use crate::{find, independent_sources, union, NearDuplicates};

/// Days between two reports of one event that may still be one story.
pub const WINDOW_DAYS: i64 = 3;

/// Days from a story's first to its last document, at most.
pub const MAX_SPAN_DAYS: i64 = 7;

/// A document as stories need it.
#[derive(Debug, Clone, PartialEq)]
pub struct StoryDoc {
    /// Document id.
    pub id: String,
    /// Title, if any.
    pub title: Option<String>,
    /// Publication day.
    pub published: Date,
    /// Outlet, if any.
    pub outlet: Option<String>,
    /// URL, if any.
    pub url: Option<String>,
}

/// One story.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Story {
    /// Stable id (`st` and 12 hex digits).
    pub id: String,
    /// The headline of its earliest document (by publication day, then id),
    /// or that document's id.
    pub title: String,
    /// First day: earliest publication or event day.
    pub start: String,
    /// Last day: latest publication or event day.
    pub end: String,
    /// Its documents, by publication day then id.
    pub documents: Vec<String>,
    /// Outlets (or hosts, or document ids) of its documents, sorted.
    pub outlets: Vec<String>,
    /// Independent sources (near-duplicate copies counted once).
    pub num_sources: usize,
    /// Ids of the merged events reported in it, in the events' order.
    pub events: Vec<String>,
}

/// True when an event may tie documents into one story (dated, or a
/// code below root level with both actors known).
pub fn specific(m: &MergedEvent) -> bool {
    let e = &m.event;
    specific_fields(
        e.date.start.is_some() || e.date.end.is_some(),
        &e.cameo,
        e.source.is_some() && e.target.is_some(),
    )
}

/// [`specific`] of a merged event known by its fields alone: whether it
/// is dated, its CAMEO code, and whether it has both a source and a target.
pub fn specific_fields(dated: bool, cameo: &str, both_actors: bool) -> bool {
    dated || (cameo.len() >= 3 && both_actors)
}

fn mention_of(d: &StoryDoc) -> EventMention {
    EventMention {
        doc: d.id.clone(),
        path: String::new(),
        url: d.url.clone(),
        outlet: d.outlet.clone(),
        published: Some(d.published.to_string()),
        sentence: String::new(),
        start: 0,
        end: 0,
    }
}

/// Groups `docs` into stories, using the merged `events` and the
/// near-duplicate links. Stories are sorted by first day, then id.
/// Documents without events or links are stories of their own.
pub fn stories(docs: &[StoryDoc], events: &[MergedEvent], dups: &NearDuplicates) -> Vec<Story> {
    stories_with(docs, events, dups, dups)
}

/// [`stories`] with `related` documents too (pairs sharing much text, a
/// superset of the near duplicates `dups`).
pub fn stories_with(
    docs: &[StoryDoc],
    events: &[MergedEvent],
    dups: &NearDuplicates,
    related: &NearDuplicates,
) -> Vec<Story> {
    describe(docs, components(docs, events, dups, related), events, dups)
}

/// Stories kept from earlier runs, and what changed since.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct KeptStories {
    /// The story id of each document grouped in an earlier run.
    pub story_of: BTreeMap<String, String>,
    /// Documents whose events were regrouped since.
    pub touched: BTreeSet<String>,
}

/// The result of [`update`].
#[derive(Debug, Clone, PartialEq)]
pub struct StoryUpdate {
    /// Every story, as [`stories`] would give them.
    pub stories: Vec<Story>,
    /// The regrouped documents with their story ids (document id, story
    /// id), sorted: what to keep for the next run.
    pub changed: Vec<(String, String)>,
}

/// Stories (with `related` documents, see [`stories_with`]), regrouping
/// only what changed since `kept`: new documents (without a kept story),
/// documents whose events were regrouped, the documents linked to these
/// (near duplicates, related text), and every document of the kept
/// stories they belong to. That set is closed (no event or link ties it to a document
/// outside it: untouched events only tie documents of one kept story), so
/// regrouping it alone gives what regrouping everything would. An empty
/// `kept` regroups everything.
pub fn update(
    docs: &[StoryDoc],
    events: &[MergedEvent],
    dups: &NearDuplicates,
    related: &NearDuplicates,
    kept: &KeptStories,
) -> StoryUpdate {
    let mut seeds: BTreeSet<&str> = docs
        .iter()
        .map(|d| d.id.as_str())
        .filter(|id| !kept.story_of.contains_key(*id))
        .collect();
    seeds.extend(kept.touched.iter().map(String::as_str));
    // Everything connected to a seed by any tie (whether or not the span
    // limit let it join) is regrouped: stories elsewhere saw no change.
    let g = Graph::new(docs, events, dups, related);
    let mut parent: Vec<usize> = (0..g.docs.len()).collect();
    for &(_, i, j) in &g.edges {
        union(&mut parent, i, j);
    }
    let roots: BTreeSet<usize> = seeds
        .iter()
        .filter_map(|s| g.index.get(s).map(|&i| find(&mut parent, i)))
        .collect();
    let mut kept_groups: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    let mut redo: Vec<StoryDoc> = Vec::new();
    for (i, d) in g.docs.iter().enumerate() {
        let regroup = roots.contains(&find(&mut parent, i));
        match kept.story_of.get(&d.id) {
            Some(s) if !regroup => {
                kept_groups
                    .entry(s.as_str())
                    .or_default()
                    .push(d.id.clone());
            }
            _ => redo.push((*d).clone()),
        }
    }
    let fresh = components(&redo, events, dups, related);
    let mut changed: Vec<(String, String)> = Vec::new();
    for g in &fresh {
        let id = story_id(g.iter().map(String::as_str));
        changed.extend(g.iter().map(|d| (d.clone(), id.clone())));
    }
    changed.sort();
    let mut groups: Vec<Vec<String>> = kept_groups.into_values().collect();
    groups.extend(fresh);
    StoryUpdate {
        stories: describe(docs, groups, events, dups),
        changed,
    }
}

/// The id of the story made of `docs` (ids): `st` and 12 hex digits of a
/// hash of its smallest document id.
pub fn story_id<'a>(docs: impl IntoIterator<Item = &'a str>) -> String {
    let smallest = docs.into_iter().min().unwrap_or("");
    format!("st{:012x}", story_hash(smallest))
}

/// Whether `id` is [`story_id`] of a story whose smallest document id is
/// `smallest`, without writing the id out (a pass over every kept story
/// asks this of each document).
pub fn is_story_id(id: &str, smallest: &str) -> bool {
    id.len() == 14
        && id.starts_with("st")
        && id[2..]
            .bytes()
            .all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
        && u64::from_str_radix(&id[2..], 16) == Ok(story_hash(smallest))
}

/// The hash a story id writes out: 48 bits.
fn story_hash(smallest: &str) -> u64 {
    chronicler_core::text::stable_hash(&["story", smallest]) >> 16
}

/// The documents and the ties between them: (days between their
/// publications, document, document), documents as indices into `docs`
/// sorted by id; sorted, each tie once.
struct Graph<'a> {
    docs: Vec<&'a StoryDoc>,
    /// Index in `docs` by id (looked up, never walked).
    index: HashMap<&'a str, usize>,
    edges: Vec<(i64, usize, usize)>,
}

impl<'a> Graph<'a> {
    fn new(
        docs: &'a [StoryDoc],
        events: &[MergedEvent],
        dups: &NearDuplicates,
        related: &NearDuplicates,
    ) -> Graph<'a> {
        let mut docs: Vec<&StoryDoc> = docs.iter().collect();
        docs.sort_by(|a, b| a.id.cmp(&b.id));
        docs.dedup_by(|a, b| a.id == b.id);
        let index: HashMap<&str, usize> = docs
            .iter()
            .enumerate()
            .map(|(i, d)| (d.id.as_str(), i))
            .collect();
        let days: Vec<Date> = docs.iter().map(|d| d.published).collect();
        let mut edges = Vec::new();
        let mut chain = |ids: &mut dyn Iterator<Item = &str>, window: bool| {
            let mut ds: Vec<usize> = ids.filter_map(|d| index.get(d).copied()).collect();
            tie_set(&days, &mut ds, window, &mut edges);
        };
        for c in dups.clusters() {
            chain(&mut c.iter().map(String::as_str), false);
        }
        for c in related.clusters() {
            chain(&mut c.iter().map(String::as_str), true);
        }
        for m in events.iter().filter(|m| specific(m)) {
            chain(&mut m.mentions.iter().map(|x| x.doc.as_str()), true);
        }
        edges.sort_unstable();
        edges.dedup();
        Graph { docs, index, edges }
    }
}

/// The documents of each story (ids, sorted), stories ordered by their
/// smallest document id. Ties are taken closest first (fewest days
/// between the two publications, then by document id), and two groups
/// join only while their documents stay within [`MAX_SPAN_DAYS`] of each
/// other: daily reports of a war do not chain into one story. `events`
/// may be any superset of the merged events mentioning `docs` (mentions
/// of other documents are ignored), so a closed subset of documents
/// (nothing ties it to a document outside) can be regrouped alone.
pub fn components(
    docs: &[StoryDoc],
    events: &[MergedEvent],
    dups: &NearDuplicates,
    related: &NearDuplicates,
) -> Vec<Vec<String>> {
    let g = Graph::new(docs, events, dups, related);
    let days: Vec<Date> = g.docs.iter().map(|d| d.published).collect();
    let mut groups: BTreeMap<usize, Vec<String>> = BTreeMap::new();
    for (d, r) in g.docs.iter().zip(join(&days, &g.edges)) {
        groups.entry(r).or_default().push(d.id.clone());
    }
    groups.into_values().collect()
}

/// [`components`] for documents given by index, `days[i]` the publication
/// day of the document whose id ranks `i`-th, and their ties as sets of
/// indices (`true`: only those within [`WINDOW_DAYS`] of each other are
/// tied; a near-duplicate cluster's are all tied): each document's story,
/// as the smallest index in it. Holds a few words a document and tie,
/// where [`components`] holds the ids.
pub fn story_roots(
    days: &[Date],
    ties: impl IntoIterator<Item = (bool, Vec<usize>)>,
) -> Vec<usize> {
    let mut edges = Vec::new();
    for (window, mut set) in ties {
        set.retain(|&i| i < days.len());
        tie_set(days, &mut set, window, &mut edges);
    }
    edges.sort_unstable();
    edges.dedup();
    join(days, &edges)
}

/// Ties the documents of one set (indices into `days`) to their
/// neighbours by publication day: as many ties as documents, never all
/// pairs; within [`WINDOW_DAYS`] only when `window`.
fn tie_set(
    days: &[Date],
    set: &mut Vec<usize>,
    window: bool,
    edges: &mut Vec<(i64, usize, usize)>,
) {
    set.sort_unstable_by_key(|&i| (days[i], i));
    set.dedup();
    for w in set.windows(2) {
        let (i, j) = (w[0], w[1]);
        let g = i64::from((days[j] - days[i]).get_days().abs());
        if i != j && (!window || g <= WINDOW_DAYS) {
            edges.push((g, i.min(j), i.max(j)));
        }
    }
}

/// Joins tied documents, closest ties first (`edges` sorted), while a
/// story stays within [`MAX_SPAN_DAYS`]: each document's root, the
/// smallest index of its story.
fn join(days: &[Date], edges: &[(i64, usize, usize)]) -> Vec<usize> {
    let mut parent: Vec<usize> = (0..days.len()).collect();
    let mut span: Vec<(Date, Date)> = days.iter().map(|&d| (d, d)).collect();
    for &(_, i, j) in edges {
        let (ri, rj) = (find(&mut parent, i), find(&mut parent, j));
        if ri == rj {
            continue;
        }
        let (lo, hi) = (span[ri].0.min(span[rj].0), span[ri].1.max(span[rj].1));
        if i64::from((hi - lo).get_days()) > MAX_SPAN_DAYS {
            continue;
        }
        let (keep, gone) = (ri.min(rj), ri.max(rj));
        parent[gone] = keep;
        span[keep] = (lo, hi);
    }
    (0..days.len()).map(|i| find(&mut parent, i)).collect()
}

/// A merged event as a story's description needs it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StoryEvent<'a> {
    /// The merged event's id.
    pub id: &'a str,
    /// Its first day, if dated.
    pub start: Option<Date>,
    /// Its last day, if a range.
    pub end: Option<Date>,
}

/// Describes one story (see [`describe`]): `members` are its documents by
/// publication day then id, once each; `events` the merged events
/// reported in it, in the events' order; `dups` need only know the
/// clusters of `members`. `None` without documents.
pub fn describe_story(
    members: Vec<&StoryDoc>,
    events: &[StoryEvent<'_>],
    dups: &NearDuplicates,
) -> Option<Story> {
    let first = members.first()?;
    let mut days: Vec<Date> = members.iter().map(|d| d.published).collect();
    for m in events {
        days.extend(m.start);
        days.extend(m.end);
    }
    let start = days.iter().min().map(Date::to_string).unwrap_or_default();
    let end = days.iter().max().map(Date::to_string).unwrap_or_default();
    let mentions: Vec<EventMention> = members.iter().map(|d| mention_of(d)).collect();
    let outlets: BTreeSet<String> = mentions.iter().map(crate::source_of).collect();
    let title = members
        .iter()
        .find_map(|d| d.title.clone().filter(|t| !t.trim().is_empty()))
        .unwrap_or_else(|| first.id.clone());
    Some(Story {
        id: story_id(members.iter().map(|d| d.id.as_str())),
        title,
        start,
        end,
        documents: members.iter().map(|d| d.id.clone()).collect(),
        outlets: outlets.into_iter().collect(),
        num_sources: independent_sources(&mentions, dups),
        events: events.iter().map(|m| m.id.to_string()).collect(),
    })
}

/// Describes stories given their documents (ids; from [`components`],
/// possibly computed in earlier runs): title, span, outlets, sources and
/// events. Sorted by first day, then id. Ids missing from `docs` are
/// skipped.
pub fn describe(
    docs: &[StoryDoc],
    groups: Vec<Vec<String>>,
    events: &[MergedEvent],
    dups: &NearDuplicates,
) -> Vec<Story> {
    let by_id: BTreeMap<&str, &StoryDoc> = docs.iter().map(|d| (d.id.as_str(), d)).collect();
    let mut story_of: BTreeMap<&str, usize> = BTreeMap::new();
    let mut members_of: Vec<Vec<&StoryDoc>> = Vec::with_capacity(groups.len());
    for g in &groups {
        let mut members: Vec<&StoryDoc> = g
            .iter()
            .filter_map(|id| by_id.get(id.as_str()).copied())
            .collect();
        members.sort_by(|a, b| (a.published, &a.id).cmp(&(b.published, &b.id)));
        members.dedup_by(|a, b| a.id == b.id);
        for d in &members {
            story_of.insert(d.id.as_str(), members_of.len());
        }
        members_of.push(members);
    }
    let mut events_of: Vec<Vec<&MergedEvent>> = vec![Vec::new(); members_of.len()];
    for m in events {
        let stories: BTreeSet<usize> = m
            .mentions
            .iter()
            .filter_map(|x| story_of.get(x.doc.as_str()).copied())
            .collect();
        for s in stories {
            events_of[s].push(m);
        }
    }

    let mut out: Vec<Story> = Vec::with_capacity(members_of.len());
    for (members, evs) in members_of.into_iter().zip(events_of) {
        let evs: Vec<StoryEvent<'_>> = evs
            .iter()
            .map(|m| StoryEvent {
                id: &m.id,
                start: m.event.date.start,
                end: m.event.date.end,
            })
            .collect();
        out.extend(describe_story(members, &evs, dups));
    }
    out.sort_by(|a, b| a.start.cmp(&b.start).then_with(|| a.id.cmp(&b.id)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_story_id_is_recognised_only_for_its_smallest_document() {
        for doc in ["", "a", "corpus-000001", "día-7"] {
            let id = story_id([doc, "zzz"]);
            assert!(is_story_id(&id, doc), "{id} {doc}");
            assert!(!is_story_id(&id, "another"), "{id}");
            let upper = format!("st{}", id[2..].to_uppercase());
            assert_eq!(is_story_id(&upper, doc), upper == id, "{upper}");
            assert!(!is_story_id(&format!("{id}0"), doc));
            assert!(!is_story_id(&id[..13], doc));
            assert!(!is_story_id(&format!("+{}", &id[2..]), doc));
        }
    }
}
