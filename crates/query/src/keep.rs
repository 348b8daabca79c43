//! Keeping the store's consolidation up to date after an ingest, reading
//! and rewriting only what the new documents can change.
//!
//! * Groups: the new coded events (those without a kept group) fall into
//!   blocks ([`chronicler_consolidate::block_key`]); each such block is
//!   regrouped whole, and no other (a group never spans two blocks), from
//!   what grouping reads of its events (codes, actors, days, documents'
//!   ids: no text). Only the groups whose members changed are then read
//!   whole, merged and written; a group with exactly a kept group's
//!   members is that group (its label and merged event are functions of
//!   its members) and is left as it is. A day added to a large store
//!   regroups the busy blocks it touches, but rebuilds a few hundred
//!   merged events, not the blocks' hundreds of thousands.
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

use chronicler_consolidate::incremental::regroup;
use chronicler_consolidate::stories::{
    is_story_id, specific, specific_fields, story_id, story_roots, WINDOW_DAYS,
};
use chronicler_consolidate::{
    assemble, assemble_groups, block_key, group_id, group_indices, Consolidated, Located,
    NearDuplicates,
};
use chronicler_core::{EventMention, MergedEvent, Span};
use chronicler_store::{BlockMember, ClusterLevel, ConsolidationTx, EventGroupWrite, Store};
use jiff::civil::Date;

use crate::corpus::{located, ConsolidationUpdate};
use crate::QueryError;

/// Events regrouped at a time: the blocks new events fall in are taken
/// whole, in order, until their new and kept events reach this many (a
/// larger block is taken alone). Regrouping holds what grouping reads of
/// each event (the coded event and its document's id and day, a few
/// hundred bytes), and the changed groups' events read whole.
const CHUNK_EVENTS: usize = 10_000;

/// The incremental update (see the module documentation), kept in one
/// transaction, also recording the ids of the regrouped blocks' merged
/// events when `ids` (how many were new).
pub(crate) fn update(
    store: &mut Store,
    ids: bool,
) -> Result<(ConsolidationUpdate, usize), QueryError> {
    update_walking(store, None, CHUNK_EVENTS, ids)
}

/// [`crate::record_event_ids`], walking the stories' ties from what
/// changed through at most `budget` documents (by default 1/64 of the
/// store) before regrouping every story in one pass instead, and
/// regrouping the new events' blocks `chunk` events at a time (by
/// default 10,000). Any budget and chunk give the same; tests set them to
/// exercise every path.
#[doc(hidden)]
pub fn record_event_ids_walking(
    store: &mut Store,
    budget: usize,
    chunk: usize,
) -> Result<usize, QueryError> {
    Ok(update_walking(store, Some(budget), chunk, true)?.1)
}

fn update_walking(
    store: &mut Store,
    budget: Option<usize>,
    chunk: usize,
    ids: bool,
) -> Result<(ConsolidationUpdate, usize), QueryError> {
    let store: &Store = store;
    // The new documents are listed before the transaction (the list takes
    // a snapshot of its own), and an update with nothing to do takes no
    // write lock; the new events are listed within it, so that another
    // update that ran meanwhile cannot have grouped them.
    let new_docs = store.unstoried_documents()?;
    if new_docs.is_empty() && store.ungrouped_event_keys()?.is_empty() {
        if !store.kept_events_current()? {
            // Groups kept by an older version, or changed by a rebuild.
            let tx = store.begin_consolidation()?;
            keep_merged_events(store, &tx)?;
            tx.commit()?;
        }
        return Ok((ConsolidationUpdate::default(), 0));
    }
    let started = std::time::Instant::now();
    let tx = store.begin_consolidation()?;
    // Read before the groups are written (writing them clears it).
    let kept_current = tx.kept_events_current()?;
    let new_keys = store.ungrouped_event_keys()?;
    let chunk = chunk.max(1);
    // The block of each new event. When they fit in one chunk they are
    // read (without text) and kept for the regrouping; else only their
    // codes are read here (a block is a function of the event alone), a
    // chunk at a time, and the events again when their blocks are.
    let mut by_block: BTreeMap<String, Vec<(i64, i64)>> = BTreeMap::new();
    let mut held: BTreeMap<String, Vec<BlockMember>> = BTreeMap::new();
    let hold = new_keys.len() <= chunk;
    if hold {
        for m in store.members_at(&new_keys)? {
            let key = (m.doc_key, i64::try_from(m.ordinal).unwrap_or(i64::MAX));
            let block = block_key(&light(String::new(), String::new(), m.event.clone()));
            by_block.entry(block.clone()).or_default().push(key);
            held.entry(block).or_default().push(m);
        }
    } else {
        for part in new_keys.chunks(chunk) {
            for (key, event) in store.codes_at(part)? {
                let block = block_key(&light(String::new(), String::new(), event));
                by_block.entry(block).or_default().push(key);
            }
        }
    }
    drop(new_keys);
    let names: Vec<String> = by_block.keys().cloned().collect();
    let sizes = store.kept_block_sizes(&names)?;
    drop(names);

    let mut update = ConsolidationUpdate::default();
    let mut recorded = 0;
    let mut seeds: BTreeSet<String> = new_docs.into_iter().collect();
    let mut stale: BTreeSet<(String, String)> = BTreeSet::new();
    let mut fresh: Vec<Tie> = Vec::new();
    let mut read_s = 0.0;
    let mut blocks = by_block.into_iter().zip(sizes).peekable();
    while blocks.peek().is_some() {
        // Whole blocks, new and kept events together up to `chunk` (one
        // block at least).
        let (mut names, mut keys, mut members) = (Vec::new(), Vec::new(), Vec::new());
        let mut size = 0;
        while let Some(((name, k), kept)) = blocks.next_if(|_| size < chunk) {
            size += k.len() + kept;
            if let Some(h) = held.remove(&name) {
                members.extend(h);
            }
            names.push(name);
            keys.extend(k);
        }
        if !hold {
            keys.sort_unstable();
            members.extend(store.members_at(&keys)?);
        }
        drop(keys);
        let read = std::time::Instant::now();
        members.extend(store.block_members(&names)?);
        read_s += read.elapsed().as_secs_f64();
        update.blocks += names.len();
        let r = regroup_chunk(store, &tx, members, kept_current, &mut seeds, &mut update)?;
        if ids {
            recorded += tx.record_event_ids(&crate::corpus::id_records(&r.consolidated))?;
        }
        stale.extend(r.stale);
        fresh.extend(r.consolidated.events.iter().filter_map(tie));
    }

    let regrouped_at = started.elapsed();
    if kept_current {
        // Each chunk wrote its blocks' rows.
        tx.mark_kept_events_current()?;
    } else {
        keep_merged_events(store, &tx)?;
    }
    let kept_at = started.elapsed();

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
    let seeded = seeds.len();
    // A walk reaches at least the stories its seeds were in (their ties
    // stay, but for those of the groups regrouped), so when those already
    // hold more documents than the budget it is not begun: both ways give
    // the same stories.
    let seeds_list: Vec<String> = seeds.iter().cloned().collect();
    let walked = if seeds.len() > budget || store.kept_story_sizes(&seeds_list, budget)? > budget {
        Walked::TooFar(fresh)
    } else {
        Walk::new(store, &stale, fresh).stories(seeds, budget)?
    };
    let walk = match &walked {
        Walked::Stories(_) => "walked",
        Walked::TooFar(_) => "every story",
    };
    update.documents = match walked {
        Walked::Stories(changed) => {
            tx.write_stories(&changed)?;
            changed.len()
        }
        Walked::TooFar(fresh) => all_stories(store, &tx, &stale, fresh)?,
    };
    let stories_at = started.elapsed();
    tx.commit()?;
    tracing::debug!(
        blocks = update.blocks,
        events = update.events,
        merged = update.merged,
        documents = update.documents,
        seeds = seeded,
        budget,
        stories = walk,
        regroup_s = regrouped_at.as_secs_f64(),
        blocks_read_s = read_s,
        merged_events_s = (kept_at - regrouped_at).as_secs_f64(),
        stories_s = (stories_at - kept_at).as_secs_f64(),
        commit_s = (started.elapsed() - stories_at).as_secs_f64(),
        "consolidation update"
    );
    Ok((update, recorded))
}

/// Writes again every kept merged event, as the kept grouping in `tx`
/// gives them, and marks them current: one block read at a time.
fn keep_merged_events(store: &Store, tx: &ConsolidationTx<'_>) -> Result<(), QueryError> {
    tx.delete_kept_events(None)?;
    store.kept_blocks(|block, events| {
        tx.insert_kept_events(&crate::stream::block_rows(block, events).1)
            .map_err(QueryError::from)
    })?;
    tx.mark_kept_events_current()?;
    Ok(())
}

/// What [`regroup_chunk`] rebuilt.
struct Chunk {
    /// The merged events of the groups whose members changed (with their
    /// new labels), as [`crate::consolidated`] gives them.
    consolidated: Consolidated,
    /// The (block, label) of every group that changed: the old labels of
    /// groups that are not what they were, and the new ones.
    stale: Vec<(String, String)>,
}

/// Regroups the events of whole blocks, `members` (their new and kept
/// events), from what grouping reads (no text), and rebuilds only the
/// groups whose members changed: their events are read whole, their rows
/// written (their labels; when `merged`, their kept merged events), and
/// the rows of the groups they replace deleted. A group whose members are
/// those of a kept group is that group: its label, a function of its
/// members, and its merged event are as kept. Adds to `seeds` the
/// documents of every group that changed (before and after), and to
/// `update` the counts.
fn regroup_chunk(
    store: &Store,
    tx: &ConsolidationTx<'_>,
    members: Vec<BlockMember>,
    merged: bool,
    seeds: &mut BTreeSet<String>,
    update: &mut ConsolidationUpdate,
) -> Result<Chunk, QueryError> {
    let mut keys = Vec::with_capacity(members.len());
    let mut kept = Vec::with_capacity(members.len());
    let mut events = Vec::with_capacity(members.len());
    for m in members {
        keys.push((m.doc_key, m.ordinal));
        kept.push(m.kept);
        // Byte offsets order an event's mentions as character offsets do:
        // the groups are those of the events read whole.
        events.push(light(m.doc, m.published, m.event));
    }
    update.events += events.len();
    let mut before: BTreeMap<(&str, &str), Vec<usize>> = BTreeMap::new();
    for (i, k) in kept.iter().enumerate() {
        if let Some((block, group)) = k {
            before.entry((block, group)).or_default().push(i);
        }
    }
    let mut same: BTreeSet<(&str, &str)> = BTreeSet::new();
    let mut changed: Vec<Vec<usize>> = Vec::new();
    for mut g in group_indices(&events) {
        g.sort_unstable();
        let label = g
            .first()
            .and_then(|&i| kept.get(i))
            .and_then(Option::as_ref)
            .map(|(b, l)| (b.as_str(), l.as_str()));
        match label {
            Some(label) if before.get(&label) == Some(&g) => {
                same.insert(label);
            }
            _ => changed.push(g),
        }
    }
    let mut stale: Vec<(String, String)> = Vec::new();
    for (label, at) in &before {
        if !same.contains(label) {
            stale.push((label.0.to_string(), label.1.to_string()));
            seeds.extend(
                at.iter()
                    .filter_map(|&i| Some(events.get(i)?.mention.doc.clone())),
            );
        }
    }
    let old = stale.clone();
    // A changed group's merged event reads of its mentions only their
    // documents and days but for the first one's offsets (its id and row
    // name them), in characters: the mentions of each group's first
    // document are given those, its text read once. Byte offsets order a
    // document's mentions as character offsets do, so the rest compare as
    // if read whole.
    let mut firsts: BTreeMap<i64, Vec<usize>> = BTreeMap::new();
    for g in &changed {
        let first = g
            .iter()
            .filter_map(|&i| Some((events.get(i)?.mention.doc.as_str(), keys.get(i)?.0)))
            .min();
        if let Some((_, key)) = first {
            firsts.entry(key).or_default().extend(g.iter().copied());
        }
    }
    let mut whole: Vec<Option<Located>> = vec![None; events.len()];
    for g in &changed {
        for &i in g {
            if let (Some(slot), Some(l)) = (whole.get_mut(i), events.get(i)) {
                *slot = Some(l.clone());
            }
        }
    }
    for (key, members) in firsts {
        let mut at: Vec<usize> = members
            .into_iter()
            .filter(|&i| keys.get(i).is_some_and(|k| k.0 == key))
            .collect();
        at.sort_unstable();
        at.dedup();
        let spans: Vec<Span> = at
            .iter()
            .filter_map(|&i| Some(events.get(i)?.event.evidence.sentence_span))
            .collect();
        let Some(offsets) = store.mention_offsets(key, &spans)? else {
            continue;
        };
        for (&i, (start, end)) in at.iter().zip(offsets) {
            if let Some(Some(l)) = whole.get_mut(i) {
                l.mention.start = start;
                l.mention.end = end;
            }
        }
    }
    let mut labels: Vec<Option<(String, String)>> = vec![None; events.len()];
    let mut writes = Vec::new();
    let mut groups: Vec<Vec<Located>> = Vec::with_capacity(changed.len());
    for g in &changed {
        let located: Vec<Located> = g.iter().filter_map(|&i| whole.get_mut(i)?.take()).collect();
        let refs: Vec<&Located> = located.iter().collect();
        let label = group_id(&refs).unwrap_or_default();
        drop(refs);
        for &i in g {
            let (Some(event), Some(&(_, ordinal))) = (events.get(i), keys.get(i)) else {
                continue;
            };
            seeds.insert(event.mention.doc.clone());
            let block = match kept.get(i).and_then(Option::as_ref) {
                Some((block, _)) => block.clone(),
                None => block_key(event),
            };
            let unchanged = kept
                .get(i)
                .and_then(Option::as_ref)
                .is_some_and(|(b, l)| *b == block && *l == label);
            if !unchanged {
                writes.push(EventGroupWrite {
                    doc: event.mention.doc.clone(),
                    ordinal,
                    block: block.clone(),
                    group: label.clone(),
                });
            }
            labels[i] = Some((block, label.clone()));
        }
        if let Some(Some(l)) = g.first().map(|&i| labels[i].clone()) {
            stale.push(l);
        }
        groups.push(located);
    }
    drop(whole);
    tx.write_groups(&writes)?;
    let (consolidated, origins) = assemble_groups(groups, &NearDuplicates::default());
    let origins: Vec<(Vec<usize>, String)> = origins
        .into_iter()
        .map(|(at, base)| (changed.get(at).cloned().unwrap_or_default(), base))
        .collect();
    if merged {
        let rows: Vec<_> = crate::stream::rows_of(
            &consolidated,
            &origins,
            |i| {
                labels
                    .get(i)?
                    .as_ref()
                    .map(|(b, l)| (b.as_str(), l.as_str()))
            },
            |i| keys.get(i).copied(),
        )
        .into_iter()
        .map(|(_, row)| row)
        .collect();
        tx.delete_kept_groups(&old)?;
        tx.insert_kept_events(&rows)?;
    }
    update.merged += consolidated.events.len();
    Ok(Chunk {
        consolidated,
        stale,
    })
}

/// What the stories need of a merged event: the documents that report
/// it, with their days, sorted, once each.
type Tie = Vec<(Date, String)>;

/// The tie of a merged event that ties stories ([`specific`]); `None`
/// for one that does not. Held for every merged event an ingest
/// regrouped until the stories are: 20 MB after a million articles,
/// where the merged events, even without their sentences, took 10.6 MB
/// after 100,000.
fn tie(m: &MergedEvent) -> Option<Tie> {
    if !specific(m) {
        return None;
    }
    let mut days: Tie = m
        .mentions
        .iter()
        .filter_map(|x| Some((day(x.published.as_deref()?)?, x.doc.clone())))
        .collect();
    days.sort();
    days.dedup();
    Some(days)
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
    let tx = store.begin_consolidation()?;
    keep_merged_events(store, &tx)?;
    tx.commit()?;
    let update = ConsolidationUpdate {
        blocks: r.blocks.len(),
        events: r.relabels.len(),
        merged: r.consolidated.events.len(),
        documents: stories.changed.len(),
    };
    Ok((update, r.consolidated))
}

/// What [`Walk::stories`] came to.
enum Walked {
    /// The documents reached, with their story id, sorted.
    Stories(Vec<(String, String)>),
    /// Too many documents to walk: the ties of the regrouped blocks'
    /// merged events, to regroup every story with.
    TooFar(Vec<Tie>),
}

/// The walk over the tie graph from the seeds (see the module
/// documentation), reading the store as it goes.
struct Walk<'a> {
    store: &'a Store,
    /// Groups (block, label) that changed in this update, old labels and
    /// new: what the store reads of them is stale.
    touched: &'a BTreeSet<(String, String)>,
    /// The ties of the merged events that tie stories ([`tie`]).
    ties: Vec<Tie>,
    /// How many of `ties` are the regrouped blocks' (the first ones).
    fresh: usize,
    /// The regrouped blocks' specific events of each document.
    fresh_of: BTreeMap<String, Vec<usize>>,
    /// Kept groups read so far: their index in `ties` when specific.
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
    /// The walk given the blocks regrouped and the ties of their merged
    /// events.
    fn new(store: &'a Store, touched: &'a BTreeSet<(String, String)>, fresh: Vec<Tie>) -> Walk<'a> {
        let mut walk = Walk {
            store,
            touched,
            ties: Vec::new(),
            fresh: 0,
            fresh_of: BTreeMap::new(),
            loaded: BTreeMap::new(),
            clusters: BTreeMap::new(),
        };
        for t in fresh {
            let i = walk.ties.len();
            let docs: BTreeSet<&String> = t.iter().map(|(_, d)| d).collect();
            for d in docs {
                walk.fresh_of.entry(d.clone()).or_default().push(i);
            }
            walk.ties.push(t);
        }
        walk.fresh = walk.ties.len();
        walk
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
        let i = kept_group(members).as_ref().and_then(tie).map(|t| {
            self.ties.push(t);
            self.ties.len() - 1
        });
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
    /// (document id, story id), sorted; the regrouped blocks' events back
    /// once it reaches more than `budget` documents.
    fn stories(mut self, seeds: BTreeSet<String>, budget: usize) -> Result<Walked, QueryError> {
        // Each document is queued once, when first reached (a syndicated
        // story's k copies reach each other k times over: queueing every
        // reach held k² ids), and the documents around one day of one tie
        // (a related cluster, a merged event) are pushed once: pushing
        // them again would queue nothing. The visiting order is that of
        // queueing every reach and skipping the documents seen.
        let mut queued: BTreeSet<String> = seeds.iter().cloned().collect();
        let mut queue: VecDeque<String> = seeds.into_iter().collect();
        let mut visited = 0usize;
        let mut docs: Vec<(String, Date)> = Vec::new();
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
                self.ties.truncate(self.fresh);
                return Ok(Walked::TooFar(self.ties));
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
            for label in &node.groups {
                let (block, group) = label;
                if !self.touched.contains(label) {
                    ties.extend(self.group(block, group)?);
                }
            }
            for i in ties {
                if !ties_pushed.insert((i, published)) {
                    continue;
                }
                let days = self.ties.get(i).map_or(&[][..], Vec::as_slice);
                // Sorted by day: the documents within the window around
                // `published`.
                let from = days
                    .partition_point(|(d, _)| *d < published && gap(*d, published) > WINDOW_DAYS);
                days[from..]
                    .iter()
                    .take_while(|(d, _)| *d <= published || gap(*d, published) <= WINDOW_DAYS)
                    .for_each(|(_, doc)| push(doc));
            }
            docs.push((id, published));
        }
        // The documents reached by the rank of their id, each tie a set of
        // ranks: their stories as a full regrouping gives them.
        docs.sort_unstable();
        docs.dedup_by(|a, b| a.0 == b.0);
        let rank = |d: &str| docs.binary_search_by(|x| x.0.as_str().cmp(d)).ok();
        let mut sets: Vec<(bool, Vec<usize>)> = Vec::new();
        for (near, reps) in [(true, &near), (false, &related)] {
            for r in reps {
                if let Some(c) = self.clusters.get(&(near, *r)) {
                    sets.push((!near, c.iter().filter_map(|(d, _)| rank(d)).collect()));
                }
            }
        }
        for t in &self.ties {
            sets.push((true, t.iter().filter_map(|(_, d)| rank(d)).collect()));
        }
        let days: Vec<Date> = docs.iter().map(|x| x.1).collect();
        let roots = story_roots(&days, sets);
        let changed: Vec<(String, String)> = docs
            .iter()
            .zip(roots)
            .map(|((id, _), root)| {
                let first = docs.get(root).map_or(id.as_str(), |x| x.0.as_str());
                (id.clone(), story_id(std::iter::once(first)))
            })
            .collect();
        Ok(Walked::Stories(changed))
    }
}

/// The stories of every document, regrouped in one pass over the store's
/// documents (days from the publication index), clusters and kept groups
/// (events without their text), with the ties of the regrouped blocks'
/// merged events, `fresh`, for those of `touched`: writes the documents
/// whose story is not the kept one, with their story id; how many.
///
/// Documents are held by the rank of their id, ties as sets of ranks:
/// about 120 bytes a document (118 MB at the peak for 988,018), where
/// strings for each document's id, day, clusters and story came to 850
/// (85 MB for the 100k store).
fn all_stories(
    store: &Store,
    tx: &ConsolidationTx<'_>,
    touched: &BTreeSet<(String, String)>,
    fresh: Vec<Tie>,
) -> Result<usize, QueryError> {
    let docs = Docs::read(store)?;
    let dated = |r: usize| docs.days.get(r).copied().flatten();
    let mut ties: Vec<(bool, Vec<usize>)> = Vec::new();
    let mut add = |window: bool, set: Vec<usize>| {
        let set: Vec<usize> = set.into_iter().filter(|&r| dated(r).is_some()).collect();
        if set.len() > 1 {
            ties.push((window, set));
        }
    };
    // Clusters of two documents or more, a set each.
    for (level, window) in [(ClusterLevel::Near, false), (ClusterLevel::Related, true)] {
        store.each_cluster(level, |members| {
            add(
                window,
                members
                    .iter()
                    .filter_map(|&k| docs.rank_of_key(k))
                    .collect(),
            );
        })?;
    }
    for t in fresh {
        add(
            true,
            t.iter().filter_map(|(_, d)| docs.rank_of_id(d)).collect(),
        );
    }
    // The kept groups outside the regrouped blocks, from their merged
    // events' rows (current: the update wrote the regrouped blocks' rows,
    // or all of them, before the stories).
    store.each_kept_event(|k| {
        let dated = k.day.is_some() || k.end.is_some();
        let both = k.source.is_some() && k.target.is_some();
        let stale = touched.contains(&(k.block.clone(), k.group.clone()));
        if !stale && specific_fields(dated, &k.cameo, both) {
            add(
                true,
                k.members
                    .iter()
                    .filter_map(|&(key, _)| docs.rank_of_key(key))
                    .collect(),
            );
        }
        Ok::<(), QueryError>(())
    })?;
    let days: Vec<Date> = docs.days.iter().map(|d| d.unwrap_or(Date::ZERO)).collect();

    let roots = story_roots(&days, ties);
    drop(days);
    // A document's story is named by its root's id.
    let root_id = |r: usize| docs.id(roots.get(r).copied().unwrap_or(r));
    let story = |r: usize| story_id(std::iter::once(root_id(r)));
    let mut same = vec![false; docs.len()];
    store.each_story_row(|key, kept| {
        if let Some(r) = docs.rank_of_key(key) {
            same[r] = is_story_id(kept, root_id(r));
        }
    })?;
    // In key order: the rows are appended in place.
    let mut changed: Vec<(i64, String)> = Vec::new();
    let mut written = 0;
    for &(key, r) in &docs.by_key {
        if same.get(r).copied().unwrap_or(false) || dated(r).is_none() {
            continue;
        }
        changed.push((key, story(r)));
        if changed.len() == WRITE_STORIES {
            tx.write_stories_by_key(&changed)?;
            written += changed.len();
            changed.clear();
        }
    }
    tx.write_stories_by_key(&changed)?;
    Ok(written + changed.len())
}

/// Story rows written at a time.
const WRITE_STORIES: usize = 10_000;

/// Every stored document by the rank of its id: its id and publication
/// day (as stored, and parsed), looked up by key or id.
struct Docs {
    /// Ids, one after the other.
    text: String,
    /// By rank: where its id starts and ends.
    at: Vec<(usize, usize)>,
    /// By rank: its day, when it parses.
    days: Vec<Option<Date>>,
    /// (key, rank), by key.
    by_key: Vec<(i64, usize)>,
}
impl Docs {
    fn read(store: &Store) -> Result<Docs, QueryError> {
        let mut text = String::new();
        let mut rows: Vec<(i64, (usize, usize), Option<Date>)> = Vec::new();
        store.each_story_document(|key, id, published| {
            let start = text.len();
            text.push_str(&id);
            rows.push((key, (start, text.len()), day(&published)));
        })?;
        let slice = |(a, b): (usize, usize)| text.get(a..b).unwrap_or("");
        // Ids are unique: any sort gives one order.
        rows.sort_unstable_by(|x, y| slice(x.1).cmp(slice(y.1)));
        let mut by_key: Vec<(i64, usize)> =
            rows.iter().enumerate().map(|(r, x)| (x.0, r)).collect();
        by_key.sort_unstable();
        let (at, days) = rows.into_iter().map(|x| (x.1, x.2)).unzip();
        Ok(Docs {
            text,
            at,
            days,
            by_key,
        })
    }

    fn len(&self) -> usize {
        self.at.len()
    }

    fn id(&self, rank: usize) -> &str {
        self.at
            .get(rank)
            .and_then(|&(a, b)| self.text.get(a..b))
            .unwrap_or("")
    }

    fn rank_of_key(&self, key: i64) -> Option<usize> {
        let i = self.by_key.binary_search_by_key(&key, |x| x.0).ok()?;
        self.by_key.get(i).map(|x| x.1)
    }

    fn rank_of_id(&self, id: &str) -> Option<usize> {
        let r = self
            .at
            .partition_point(|&(a, b)| self.text.get(a..b).unwrap_or("") < id);
        (self.id(r) == id && r < self.len()).then_some(r)
    }
}

/// The merged event of a kept group's members (as [`light`] gives them).
fn kept_group(members: Vec<Located>) -> Option<MergedEvent> {
    assemble(vec![members], &NearDuplicates::default())
        .events
        .into_iter()
        .next()
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
