//! Stories: the documents about one happening, grouped.
//!
//! Two documents belong to one story when
//!
//! * they are near duplicates (a syndicated copy, an updated version), or
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
            let gap = (docs[w[1]].published - docs[w[0]].published)
                .get_days()
                .abs();
            if i64::from(gap) <= WINDOW_DAYS {
                union(&mut parent, w[0], w[1]);
            }
        }
    }
    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for i in 0..docs.len() {
        let r = find(&mut parent, i);
        groups.entry(r).or_default().push(i);
    }
    let root_of: Vec<usize> = (0..docs.len()).map(|i| find(&mut parent, i)).collect();
    let mut events_of: BTreeMap<usize, Vec<&MergedEvent>> = BTreeMap::new();
    for m in events {
        let roots: BTreeSet<usize> = m
            .mentions
            .iter()
            .filter_map(|x| index.get(x.doc.as_str()).map(|&i| root_of[i]))
            .collect();
        for r in roots {
            events_of.entry(r).or_default().push(m);
        }
    }

    let mut out: Vec<Story> = Vec::with_capacity(groups.len());
    for (root, mut members) in groups {
        members.sort_by_key(|&i| (docs[i].published, i));
        let Some(&first) = members.first() else {
            continue;
        };
        let evs = events_of.remove(&root).unwrap_or_default();
        let mut days: Vec<Date> = members.iter().map(|&i| docs[i].published).collect();
        for m in &evs {
            days.extend(m.event.date.start);
            days.extend(m.event.date.end);
        }
        let start = days.iter().min().map(Date::to_string).unwrap_or_default();
        let end = days.iter().max().map(Date::to_string).unwrap_or_default();
        let mentions: Vec<EventMention> = members.iter().map(|&i| mention_of(docs[i])).collect();
        let outlets: BTreeSet<String> = mentions.iter().map(crate::source_of).collect();
        let smallest = members
            .iter()
            .map(|&i| docs[i].id.as_str())
            .min()
            .unwrap_or("");
        let h = chronicler_core::text::stable_hash(&["story", smallest]);
        let title = members
            .iter()
            .find_map(|&i| docs[i].title.clone().filter(|t| !t.trim().is_empty()))
            .unwrap_or_else(|| docs[first].id.clone());
        out.push(Story {
            id: format!("st{:012x}", h >> 16),
            title,
            start,
            end,
            documents: members.iter().map(|&i| docs[i].id.clone()).collect(),
            outlets: outlets.into_iter().collect(),
            num_sources: independent_sources(&mentions, dups),
            events: evs.iter().map(|m| m.id.clone()).collect(),
        });
    }
    out.sort_by(|a, b| a.start.cmp(&b.start).then_with(|| a.id.cmp(&b.id)));
    out
}
