//! Stories: the documents about one happening, grouped.
//!
//! Two documents belong to one story when
//!
//! * they are near duplicates (a syndicated copy, an updated version), or
//! * they share much text ([`crate::minhash::RELATED`]: a rewritten wire
//!   story, long shared quotes; pairs found through the MinHash LSH bands,
//!   never all pairs) and were published within [`WINDOW_DAYS`] days of
//!   each other, or
//! * they report the same merged event, that event is specific (dated, or
//!   a code below root level with both actors known: generic undated acts
//!   such as "Russia attacked Ukraine" would chain a whole war into one
//!   story), and they were published within [`WINDOW_DAYS`] days of each
//!   other.
//!
//! Stories are the connected components of that relation. Blocking is by
//! event: the documents of one event are sorted by publication day and
//! only neighbours are compared (on a line, linking neighbours within the
//! window connects exactly what linking all pairs within it would), so the
//! cost grows with the number of mentions, never with pairs of documents.
//! A story's id hashes its smallest document id: the same set of documents
//! gives the same stories and ids whatever order they arrived in.

use std::collections::{BTreeMap, BTreeSet};

use chronicler_core::{EventMention, MergedEvent};
use jiff::civil::Date;
use serde::Serialize;

use crate::{independent_sources, NearDuplicates};

/// Days between two reports of one event that may still be one story.
pub const WINDOW_DAYS: i64 = 3;

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

fn find(p: &mut [usize], mut i: usize) -> usize {
    while p[i] != i {
        p[i] = p[p[i]];
        i = p[i];
    }
    i
}

fn union(p: &mut [usize], a: usize, b: usize) {
    let (ra, rb) = (find(p, a), find(p, b));
    if ra != rb {
        p[ra.max(rb)] = ra.min(rb);
    }
}

/// True when an event may tie documents into one story.
fn specific(m: &MergedEvent) -> bool {
    let e = &m.event;
    e.date.start.is_some()
        || e.date.end.is_some()
        || (e.cameo.len() >= 3 && e.source.is_some() && e.target.is_some())
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
    let partners: Vec<&str> = seeds
        .iter()
        .flat_map(|s| dups.of(s).chain(related.of(s)))
        .collect();
    seeds.extend(partners);
    let affected: BTreeSet<&str> = seeds
        .iter()
        .filter_map(|s| kept.story_of.get(*s).map(String::as_str))
        .collect();
    let mut kept_groups: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    let mut redo: Vec<StoryDoc> = Vec::new();
    for d in docs {
        match kept.story_of.get(&d.id) {
            Some(s) if !seeds.contains(d.id.as_str()) && !affected.contains(s.as_str()) => {
                kept_groups
                    .entry(s.as_str())
                    .or_default()
                    .push(d.id.clone());
            }
            _ => redo.push(d.clone()),
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
    let h = chronicler_core::text::stable_hash(&["story", smallest]);
    format!("st{:012x}", h >> 16)
}

/// The documents of each story (ids, sorted), stories ordered by their
/// smallest document id. `events` may be any superset of the merged
/// events mentioning `docs` (mentions of other documents are ignored), so
/// a closed subset of documents (every document sharing an event or a
/// near-duplicate link with one of them is in it) can be regrouped alone.
pub fn components(
    docs: &[StoryDoc],
    events: &[MergedEvent],
    dups: &NearDuplicates,
    related: &NearDuplicates,
) -> Vec<Vec<String>> {
    let mut docs: Vec<&StoryDoc> = docs.iter().collect();
    docs.sort_by(|a, b| a.id.cmp(&b.id));
    docs.dedup_by(|a, b| a.id == b.id);
    let index: BTreeMap<&str, usize> = docs
        .iter()
        .enumerate()
        .map(|(i, d)| (d.id.as_str(), i))
        .collect();
    let mut parent: Vec<usize> = (0..docs.len()).collect();
    for (a, b) in dups.pairs() {
        if let (Some(&i), Some(&j)) = (index.get(a), index.get(b)) {
            union(&mut parent, i, j);
        }
    }
    let within = |i: usize, j: usize| {
        let gap = (docs[j].published - docs[i].published).get_days().abs();
        i64::from(gap) <= WINDOW_DAYS
    };
    for (a, b) in related.pairs() {
        if let (Some(&i), Some(&j)) = (index.get(a), index.get(b)) {
            if within(i, j) {
                union(&mut parent, i, j);
            }
        }
    }
    for m in events.iter().filter(|m| specific(m)) {
        let mut ds: Vec<usize> = m
            .mentions
            .iter()
            .filter_map(|x| index.get(x.doc.as_str()).copied())
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect();
        ds.sort_by_key(|&i| (docs[i].published, i));
        for w in ds.windows(2) {
            if within(w[0], w[1]) {
                union(&mut parent, w[0], w[1]);
            }
        }
    }
    let mut groups: BTreeMap<usize, Vec<String>> = BTreeMap::new();
    for (i, d) in docs.iter().enumerate() {
        let r = find(&mut parent, i);
        groups.entry(r).or_default().push(d.id.clone());
    }
    groups.into_values().collect()
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
        let Some(first) = members.first() else {
            continue;
        };
        let mut days: Vec<Date> = members.iter().map(|d| d.published).collect();
        for m in &evs {
            days.extend(m.event.date.start);
            days.extend(m.event.date.end);
        }
        let start = days.iter().min().map(Date::to_string).unwrap_or_default();
        let end = days.iter().max().map(Date::to_string).unwrap_or_default();
        let mentions: Vec<EventMention> = members.iter().map(|d| mention_of(d)).collect();
        let outlets: BTreeSet<String> = mentions.iter().map(crate::source_of).collect();
        let title = members
            .iter()
            .find_map(|d| d.title.clone().filter(|t| !t.trim().is_empty()))
            .unwrap_or_else(|| first.id.clone());
        out.push(Story {
            id: story_id(members.iter().map(|d| d.id.as_str())),
            title,
            start,
            end,
            documents: members.iter().map(|d| d.id.clone()).collect(),
            outlets: outlets.into_iter().collect(),
            num_sources: independent_sources(&mentions, dups),
            events: evs.iter().map(|m| m.id.clone()).collect(),
        });
    }
    out.sort_by(|a, b| a.start.cmp(&b.start).then_with(|| a.id.cmp(&b.id)));
    out
}
