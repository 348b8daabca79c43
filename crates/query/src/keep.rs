//! Keeping the store's consolidation up to date after an ingest, reading
//! and rewriting only what the new documents can change.
//!
//! * Groups: the new coded events (those without a kept group) fall into
//!   blocks ([`chronicler_consolidate::block_key`]); each such block is read
//!   and regrouped whole, and no other (a group never spans two blocks).
//! * Stories: a document's story can change only if it is tied, through a
//!   chain of ties, to a document that is new, whose near-duplicate or
//!   related-text cluster gained a document, or that a changed group
//!   (one whose members are not exactly those it had) reports. From those
//!   seeds the documents tied to them are walked through the store's
//!   indexes (clusters by representative, groups by document), taking a
//!   superset of each document's ties: its whole near-duplicate cluster,
//!   and the documents within [`WINDOW_DAYS`] of it in its related-text
//!   cluster and in the specific events it reports. (A related-text
//!   cluster is made of links within the window, so its documents sorted
//!   by day are never more than [`WINDOW_DAYS`] apart: the walk reaches
//!   all of a cluster that gained a document.) What is reached is a
//!   union of whole components of the tie graph, which [`components`]
//!   regroups exactly as a full rebuild would: nothing outside it gained
//!   or lost a tie.
//!
//! [`rebuild_consolidation`] regroups everything from scratch (the path
//! the tests compare with).

use std::collections::{BTreeMap, BTreeSet, VecDeque};

use chronicler_consolidate::incremental::{regroup, KeptGroup, Regrouped};
use chronicler_consolidate::stories::{components, specific, story_id, StoryDoc, WINDOW_DAYS};
use chronicler_consolidate::{assemble, block_key, Consolidated, Located, NearDuplicates};
use chronicler_core::{EventMention, MergedEvent};
use chronicler_store::{ClusterLevel, EventGroupWrite, Store};
use jiff::civil::Date;

use crate::corpus::{located, ConsolidationUpdate};
use crate::QueryError;

/// A group's members: (document id, ordinal).
type Members = BTreeSet<(String, usize)>;

/// The incremental update (see the module documentation), also giving
/// the merged events of the regrouped blocks.
pub(crate) fn update(store: &mut Store) -> Result<(ConsolidationUpdate, Consolidated), QueryError> {
    update_walking(store, None)
}

/// [`crate::record_event_ids`], walking the stories' ties from what
/// changed through at most `budget` documents (by default 1/64 of the
/// store) before regrouping every story in one pass instead. Either way
/// gives the same; tests set the budget to exercise both.
#[doc(hidden)]
pub fn record_event_ids_walking(store: &mut Store, budget: usize) -> Result<usize, QueryError> {
    let (_, c) = update_walking(store, Some(budget))?;
    crate::corpus::record_ids(store, &c)
}

fn update_walking(
    store: &mut Store,
    budget: Option<usize>,
) -> Result<(ConsolidationUpdate, Consolidated), QueryError> {
    let new = store.ungrouped_events()?;
    let new_docs = store.unstoried_documents()?;
    if new.is_empty() && new_docs.is_empty() {
        return Ok((ConsolidationUpdate::default(), Consolidated::default()));
    }
    let blocks: BTreeSet<String> = new
        .iter()
        .map(|g| block_key(&located(g.stored.clone())))
        .collect();
    let blocks: Vec<String> = blocks.into_iter().collect();
    let mut all = new;
    all.append(&mut store.block_events(&blocks)?);

    let mut keys = Vec::with_capacity(all.len());
    let mut kept = Vec::with_capacity(all.len());
    let mut events = Vec::with_capacity(all.len());
    let mut before: BTreeMap<(String, String), Members> = BTreeMap::new();
    for g in all {
        let key = (g.stored.doc.id.clone(), g.ordinal);
        let l = located(g.stored);
        if let Some((block, group)) = g.kept {
            before
                .entry((block.clone(), group.clone()))
                .or_default()
                .insert(key.clone());
            kept.push(Some(KeptGroup { block, group }));
        } else {
            kept.push(None);
        }
        keys.push(key);
        events.push(l);
    }
    let r = regroup(events, &kept, &NearDuplicates::default(), BTreeMap::new());
    let mut after: BTreeMap<(String, String), Members> = BTreeMap::new();
    let mut writes = Vec::with_capacity(r.relabels.len());
    for x in &r.relabels {
        let Some((doc, ordinal)) = keys.get(x.index) else {
            continue;
        };
        after
            .entry((x.block.clone(), x.group.clone()))
            .or_default()
            .insert((doc.clone(), *ordinal));
        // An event keeps its block (the block is a function of the event),
        // and every event of a regrouped block is relabelled: a row whose
        // label is the kept one is left as it is, the others replaced.
        let unchanged = kept
            .get(x.index)
            .and_then(Option::as_ref)
            .is_some_and(|k| k.block == x.block && k.group == x.group);
        if unchanged {
            continue;
        }
        writes.push(EventGroupWrite {
            doc: doc.clone(),
            ordinal: *ordinal,
            block: x.block.clone(),
            group: x.group.clone(),
        });
    }
    // Seeds: new documents, and the documents of every group that is not
    // exactly what it was (before and after).
    let mut seeds: BTreeSet<String> = new_docs.iter().cloned().collect();
    for (k, members) in before.iter().chain(&after) {
        if before.get(k) != after.get(k) {
            seeds.extend(members.iter().map(|(d, _)| d.clone()));
        }
    }
    // The walk costs a few index lookups per document reached (~10 times
    // what a pass over everything costs per document); past 1/64 of the
    // store one pass over every document's day, cluster and kept group
    // (no text read) is cheaper, and gives the same.
    let budget = match budget {
        Some(b) => b,
        None => usize::try_from(store.last_document_key()? / 64)
            .unwrap_or(0)
            .max(256),
    };
    let changed = match Walk::new(store, &r).stories(seeds, budget)? {
        Some(changed) => changed,
        None => all_stories(store, &r)?,
    };
    let update = ConsolidationUpdate {
        blocks: r.blocks.len(),
        events: r.relabels.len(),
        documents: changed.len(),
    };
    if !writes.is_empty() || !changed.is_empty() {
        // Only the rows that change: each event of the regrouped blocks
        // is relabelled, the unchanged ones to what is kept, so the kept
        // table ends as if every row of those blocks were written again
        // (rewriting the 37,000 rows of the blocks 20 new articles touch in
        // the 100k store: 0.19 G instructions).
        store.write_consolidation(&writes, &changed)?;
    }
    Ok((update, r.consolidated))
}

/// Regroups every event and story from scratch and replaces what the
/// store keeps; gives the merged events. The incremental update gives the
/// same kept rows, whatever batches the documents came in.
pub fn rebuild_consolidation(
    store: &mut Store,
) -> Result<(ConsolidationUpdate, Consolidated), QueryError> {
    let (events, keys, _) = store.consolidation_input()?;
    let kept = vec![None; events.len()];
    let events: Vec<Located> = events.into_iter().map(located).collect();
    let r = regroup(
        events,
        &kept,
        &crate::near_duplicates(store)?,
        BTreeMap::new(),
    );
    let writes: Vec<EventGroupWrite> = r
        .relabels
        .iter()
        .filter_map(|x| {
            let k = keys.get(x.index)?;
            Some(EventGroupWrite {
                doc: k.doc.clone(),
                ordinal: k.ordinal,
                block: x.block.clone(),
                group: x.group.clone(),
            })
        })
        .collect();
    let stories = crate::corpus::stories_update(store, &r.consolidated)?;
    store.replace_consolidation(&writes, &stories.changed)?;
    let update = ConsolidationUpdate {
        blocks: r.blocks.len(),
        events: r.relabels.len(),
        documents: stories.changed.len(),
    };
    Ok((update, r.consolidated))
}

/// The walk over the tie graph from the seeds (see the module
/// documentation), reading the store as it goes.
struct Walk<'a> {
    store: &'a Store,
    /// Blocks regrouped in this update: their kept labels are stale.
    touched: BTreeSet<&'a str>,
    /// Merged events that tie stories (specific), with their documents'
    /// days sorted.
    events: Vec<MergedEvent>,
    days: Vec<Vec<(Date, String)>>,
    /// The regrouped blocks' specific events of each document.
    fresh_of: BTreeMap<String, Vec<usize>>,
    /// Kept groups read so far: their index in `events` when specific.
    loaded: BTreeMap<(String, String), Option<usize>>,
    /// Clusters read so far: (near?, representative) → documents and days.
    clusters: BTreeMap<(bool, i64), Vec<(String, Date)>>,
}

fn day(s: &str) -> Option<Date> {
    s.parse().ok()
}

fn gap(a: Date, b: Date) -> i64 {
    i64::from((b - a).get_days().abs())
}

impl<'a> Walk<'a> {
    fn new(store: &'a Store, r: &'a Regrouped) -> Walk<'a> {
        let mut walk = Walk {
            store,
            touched: r.blocks.iter().map(String::as_str).collect(),
            events: Vec::new(),
            days: Vec::new(),
            fresh_of: BTreeMap::new(),
            loaded: BTreeMap::new(),
            clusters: BTreeMap::new(),
        };
        for m in &r.consolidated.events {
            if let Some(i) = walk.add(m.clone()) {
                let docs: BTreeSet<&str> = m.mentions.iter().map(|x| x.doc.as_str()).collect();
                for d in docs {
                    walk.fresh_of.entry(d.to_string()).or_default().push(i);
                }
            }
        }
        walk
    }

    /// Keeps `m` when it ties stories; its index.
    fn add(&mut self, m: MergedEvent) -> Option<usize> {
        if !specific(&m) {
            return None;
        }
        let mut days: Vec<(Date, String)> = m
            .mentions
            .iter()
            .filter_map(|x| Some((day(x.published.as_deref()?)?, x.doc.clone())))
            .collect();
        days.sort();
        days.dedup();
        self.events.push(m);
        self.days.push(days);
        Some(self.events.len() - 1)
    }

    /// The kept group `(block, group)`'s index in `events`, reading it
    /// once; `None` when it does not tie stories.
    fn group(&mut self, block: &str, group: &str) -> Result<Option<usize>, QueryError> {
        let k = (block.to_string(), group.to_string());
        if let Some(&i) = self.loaded.get(&k) {
            return Ok(i);
        }
        let members: Vec<Located> = self
            .store
            .group_members(block, group)?
            .into_iter()
            .map(|m| light(m.doc, m.published, m.event))
            .collect();
        let merged = assemble(vec![members], &NearDuplicates::default());
        let i = merged.events.into_iter().next().and_then(|m| self.add(m));
        self.loaded.insert(k, i);
        Ok(i)
    }

    fn cluster(&mut self, near: bool, rep: i64) -> Result<&[(String, Date)], QueryError> {
        if !self.clusters.contains_key(&(near, rep)) {
            let level = if near {
                ClusterLevel::Near
            } else {
                ClusterLevel::Related
            };
            let docs = self
                .store
                .cluster_members(level, rep)?
                .into_iter()
                .filter_map(|(id, d)| Some((id, day(&d)?)))
                .collect();
            self.clusters.insert((near, rep), docs);
        }
        Ok(self.clusters.get(&(near, rep)).map_or(&[], Vec::as_slice))
    }

    /// Walks from `seeds` and regroups the stories of what it reaches:
    /// (document id, story id), sorted; `None` once it reaches more than
    /// `budget` documents.
    fn stories(
        mut self,
        seeds: BTreeSet<String>,
        budget: usize,
    ) -> Result<Option<Vec<(String, String)>>, QueryError> {
        // Each document is queued once, when first reached (a syndicated
        // story's k copies reach each other k times over: queueing every
        // reach held k² ids), and the documents around one day of one tie
        // (a related cluster, a merged event) are pushed once: pushing
        // them again would queue nothing. The visiting order is that of
        // queueing every reach and skipping the documents seen.
        let mut queued: BTreeSet<String> = seeds.iter().cloned().collect();
        let mut queue: VecDeque<String> = seeds.into_iter().collect();
        let mut visited = 0usize;
        let mut docs: Vec<StoryDoc> = Vec::new();
        let mut near: BTreeSet<i64> = BTreeSet::new();
        let mut related: BTreeSet<i64> = BTreeSet::new();
        let mut related_pushed: BTreeSet<(i64, Date)> = BTreeSet::new();
        let mut ties_pushed: BTreeSet<(usize, Date)> = BTreeSet::new();
        while let Some(id) = queue.pop_front() {
            visited += 1;
            // Every document queued is visited before the queue runs dry:
            // once more are queued than the budget, the walk cannot end
            // within it, so it stops there rather than at the visit that
            // passes the budget (the same answer, without the lookups of
            // the visits in between).
            if visited > budget || queued.len() > budget {
                return Ok(None);
            }
            let Some(node) = self.store.doc_node(&id)? else {
                continue;
            };
            let Some(published) = day(&node.published) else {
                continue;
            };
            let mut push = |d: &str| {
                if !queued.contains(d) {
                    queued.insert(d.to_string());
                    queue.push_back(d.to_string());
                }
            };
            // A near-duplicate cluster is tied whole: queued once.
            if let Some(rep) = node.near.filter(|&r| near.insert(r)) {
                self.cluster(true, rep)?.iter().for_each(|(d, _)| push(d));
            }
            if let Some(rep) = node.related {
                related.insert(rep);
                if related_pushed.insert((rep, published)) {
                    self.cluster(false, rep)?
                        .iter()
                        .filter(|(_, d)| gap(*d, published) <= WINDOW_DAYS)
                        .for_each(|(d, _)| push(d));
                }
            }
            let mut ties: Vec<usize> = self.fresh_of.get(&id).cloned().unwrap_or_default();
            for (block, group) in &node.groups {
                if !self.touched.contains(block.as_str()) {
                    ties.extend(self.group(block, group)?);
                }
            }
            for i in ties {
                if !ties_pushed.insert((i, published)) {
                    continue;
                }
                let days = self.days.get(i).map_or(&[][..], Vec::as_slice);
                // Sorted by day: the documents within the window around
                // `published`.
                let from = days
                    .partition_point(|(d, _)| *d < published && gap(*d, published) > WINDOW_DAYS);
                days[from..]
                    .iter()
                    .take_while(|(d, _)| *d <= published || gap(*d, published) <= WINDOW_DAYS)
                    .for_each(|(_, doc)| push(doc));
            }
            docs.push(StoryDoc {
                id,
                title: None,
                published,
                outlet: None,
                url: None,
            });
        }
        let clusters = |near: bool, reps: &BTreeSet<i64>| {
            NearDuplicates::from_clusters(reps.iter().filter_map(|r| {
                self.clusters
                    .get(&(near, *r))
                    .map(|c| c.iter().map(|(d, _)| d.clone()).collect::<Vec<_>>())
            }))
        };
        let dups = clusters(true, &near);
        let related = clusters(false, &related);
        let mut changed: Vec<(String, String)> = Vec::new();
        for g in components(&docs, &self.events, &dups, &related) {
            let id = story_id(g.iter().map(String::as_str));
            changed.extend(g.into_iter().map(|d| (d, id.clone())));
        }
        changed.sort();
        Ok(Some(changed))
    }
}

/// The stories of every document, regrouped in one pass over the store's
/// documents (days from the publication index), clusters and kept groups
/// (events without their text), with the groups of `r`'s blocks as
/// regrouped: the documents whose story is not the kept one, with their
/// story id, sorted.
fn all_stories(store: &Store, r: &Regrouped) -> Result<Vec<(String, String)>, QueryError> {
    let mut docs: Vec<StoryDoc> = Vec::new();
    let mut by_key: BTreeMap<i64, (String, String)> = BTreeMap::new();
    for (key, id, published) in store.story_documents()? {
        if let Some(d) = day(&published) {
            docs.push(StoryDoc {
                id: id.clone(),
                title: None,
                published: d,
                outlet: None,
                url: None,
            });
        }
        by_key.insert(key, (id, published));
    }
    let mut near: BTreeMap<i64, Vec<String>> = BTreeMap::new();
    let mut related: BTreeMap<i64, Vec<String>> = BTreeMap::new();
    for (doc, n, rel) in store.cluster_rows()? {
        if let Some((id, _)) = by_key.get(&doc) {
            near.entry(n).or_default().push(id.clone());
            related.entry(rel).or_default().push(id.clone());
        }
    }
    let dups = NearDuplicates::from_clusters(near.into_values());
    let related = NearDuplicates::from_clusters(related.into_values());

    let mut events: Vec<MergedEvent> = r
        .consolidated
        .events
        .iter()
        .filter(|m| specific(m))
        .cloned()
        .collect();
    let mut group: Vec<Located> = Vec::new();
    let mut current: Option<(String, String)> = None;
    let mut flush = |group: &mut Vec<Located>| {
        let members = std::mem::take(group);
        if members.is_empty() {
            return;
        }
        let merged = assemble(vec![members], &NearDuplicates::default());
        events.extend(merged.events.into_iter().filter(specific));
    };
    // The regrouped blocks' merged events are `r`'s, not the kept ones.
    for (key, block, grp, event) in store.kept_group_events(&r.blocks)? {
        let Some((doc, published)) = by_key.get(&key) else {
            continue;
        };
        if current.as_ref() != Some(&(block.clone(), grp.clone())) {
            flush(&mut group);
            current = Some((block, grp));
        }
        group.push(light(doc.clone(), published.clone(), event));
    }
    flush(&mut group);

    let kept: BTreeMap<i64, String> = store.story_rows()?.into_iter().collect();
    let kept: BTreeMap<&str, &str> = kept
        .iter()
        .filter_map(|(k, s)| Some((by_key.get(k)?.0.as_str(), s.as_str())))
        .collect();
    let mut changed = Vec::new();
    for g in components(&docs, &events, &dups, &related) {
        let id = story_id(g.iter().map(String::as_str));
        for d in g {
            if kept.get(d.as_str()) != Some(&id.as_str()) {
                changed.push((d, id.clone()));
            }
        }
    }
    changed.sort();
    Ok(changed)
}

/// A kept group's member without its document's text: byte offsets order
/// mentions as character offsets do, so the representative (all
/// [`specific`] looks at) and the mentions' documents are the same.
fn light(doc: String, published: String, event: chronicler_core::CodedEvent) -> Located {
    Located {
        mention: EventMention {
            doc,
            path: String::new(),
            url: None,
            outlet: None,
            published: Some(published),
            sentence: String::new(),
            start: event.evidence.sentence_span.start,
            end: event.evidence.sentence_span.end,
        },
        event,
    }
}
