//! Streaming reads of the kept consolidation: merged events and stories
//! one at a time, in the same order and with the same ids and counts as
//! [`crate::consolidated`] and [`crate::stories`] give them whole.
//!
//! Two passes. The first learns each merged event's place in the order
//! (day, code, id, first mention, rank among its block's of that id), its unique id
//! and where its coded events are stored: from the kept merged events
//! ([`Store::each_kept_event`], one row per group, written by the
//! end-of-run update) when they are current, else by reading the kept
//! grouping block by block ([`Store::kept_blocks`]) and merging each
//! group. The second reads each group back ([`Store::events_at`]) in that
//! order and merges it with the near-duplicate clusters of its own
//! documents. What is held at once is one block's events, or one group's,
//! plus a few dozen bytes per merged event for the order. Stories go the
//! same way: their order from their documents' days and events alone
//! ([`Store::kept_story_heads`]), then story by story
//! ([`Store::kept_story`]).
//!
//! Only a store whose kept consolidation is current (after every ingest)
//! is streamed; otherwise the whole consolidation is built in memory as
//! before and handed over as one piece.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use chronicler_consolidate::stories::{describe_story, Story, StoryDoc, StoryEvent};
use chronicler_consolidate::{assemble, assemble_groups, order_key, Consolidated, NearDuplicates};
use chronicler_core::{EventMention, MergedEvent};
use chronicler_store::{KeptEvent, KeptEventRow, ReadSnapshot, Store, StoryHead, StoryMember};
use jiff::civil::Date;

use crate::corpus::located;
use crate::{EventFilter, QueryError};

/// One merged event between the passes: its place in the order and where
/// its coded events are stored, nothing of its reports.
struct Slot {
    undated: bool,
    day: Option<Date>,
    end: Option<Date>,
    cameo: Box<str>,
    /// The id the merge gives it (what it is ordered by).
    base: Box<str>,
    /// The id made unique in the order of all merged events.
    id: Box<str>,
    first_doc: Box<str>,
    first_start: usize,
    block: Box<str>,
    group: Box<str>,
    /// Its rank among the merged events of its block with the same id
    /// before it was made unique, by [`event_order`]: settles equal keys
    /// (ids are hashes of the block's fields, so equal ids share a block).
    rank: usize,
    /// (document key, ordinal) of its coded events, in the store's order.
    members: Box<[(i64, usize)]>,
}

impl Slot {
    #[allow(clippy::type_complexity)]
    fn key(&self) -> (bool, Option<Date>, &str, &str, &str, usize, &str, usize) {
        (
            self.undated,
            self.day,
            &self.cameo,
            &self.base,
            &self.first_doc,
            self.first_start,
            &self.block,
            self.rank,
        )
    }

    fn from_kept(k: KeptEventRow) -> Slot {
        Slot {
            undated: k.undated,
            day: k.day,
            end: k.end,
            cameo: k.cameo.into(),
            base: k.base_id.into(),
            id: k.id.into(),
            first_doc: k.first_doc.into(),
            first_start: k.first_start,
            block: k.block.into(),
            group: k.group.into(),
            rank: k.rank,
            members: k.members.into(),
        }
    }
}

/// A story's document: itself, its near-duplicate cluster's
/// representative and its events' (block, group label).
type Member = (StoryDoc, Option<i64>, Vec<(String, String)>);

/// The kept rows of the merged events of `c` (in its order, each made of
/// the input events `origins` names, with its id before it was made
/// unique), each with its index in `c.events`: `label` gives the (block,
/// group label) of an input event, `key` its (document key, ordinal).
/// The merged events come in their order, so each one's rank is how many
/// of its block with the same id before it was made unique came before
/// it: ties of the order key are between those alone (the id is part of
/// the key), so the rank settles them while the other groups of its block
/// can change without it.
pub(crate) fn rows_of<'a>(
    c: &Consolidated,
    origins: &[(Vec<usize>, String)],
    label: impl Fn(usize) -> Option<(&'a str, &'a str)>,
    key: impl Fn(usize) -> Option<(i64, usize)>,
) -> Vec<(usize, KeptEventRow)> {
    let mut ranks: HashMap<(&str, &str), usize> = HashMap::new();
    let mut rows = Vec::with_capacity(c.events.len());
    for (i, (e, (members, base))) in c.events.iter().zip(origins).enumerate() {
        let Some((block, group)) = members.first().and_then(|&m| label(m)) else {
            continue;
        };
        let rank = ranks.entry((block, base.as_str())).or_insert(0);
        let mut at: Vec<(i64, usize)> = members.iter().filter_map(|&m| key(m)).collect();
        at.sort_unstable();
        rows.push((i, kept_row(block, group, e, base, *rank, at)));
        *rank += 1;
    }
    rows
}

/// The merged events of one kept block (its events as
/// [`Store::kept_blocks`] gives them), each as its group alone merges it
/// (the event, its mentions and its article count are those of the final
/// merge; only its source count waits for the near-duplicate clusters of
/// its documents), and their kept rows (the same order; equal ids hash
/// equal block fields, [`chronicler_consolidate::block_key`], so ids
/// made unique within a block are unique among all).
pub(crate) fn block_rows(
    block: &str,
    events: Vec<KeptEvent>,
) -> (Vec<MergedEvent>, Vec<KeptEventRow>) {
    let mut labels = Vec::with_capacity(events.len());
    let mut keys = Vec::with_capacity(events.len());
    let mut located_at = Vec::with_capacity(events.len());
    let mut groups: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, e) in events.into_iter().enumerate() {
        groups.entry(e.group.clone()).or_default().push(i);
        labels.push(e.group);
        keys.push((e.doc_key, e.ordinal));
        located_at.push(Some(located(e.stored)));
    }
    let groups: Vec<Vec<usize>> = groups.into_values().collect();
    let located = groups
        .iter()
        .map(|g| g.iter().filter_map(|&i| located_at[i].take()).collect())
        .collect();
    let (c, origins) = assemble_groups(located, &NearDuplicates::default());
    let origins: Vec<(Vec<usize>, String)> = origins
        .into_iter()
        .map(|(at, base)| (groups.get(at).cloned().unwrap_or_default(), base))
        .collect();
    let rows = rows_of(
        &c,
        &origins,
        |i| labels.get(i).map(|g| (block, g.as_str())),
        |i| keys.get(i).copied(),
    );
    let mut events: Vec<Option<MergedEvent>> = c.events.into_iter().map(Some).collect();
    rows.into_iter()
        .filter_map(|(i, row)| Some((events.get_mut(i)?.take()?, row)))
        .unzip()
}

/// The kept row of the merged event `e` (its id made unique; `base_id`
/// before) of the group `group` of `block`, ranked `rank` among the
/// block's merged events in their order, made of the coded events
/// `members` (document key and ordinal, sorted).
pub(crate) fn kept_row(
    block: &str,
    group: &str,
    e: &MergedEvent,
    base_id: &str,
    rank: usize,
    members: Vec<(i64, usize)>,
) -> KeptEventRow {
    let (undated, day, cameo, _, first_doc, first_start) = order_key(e);
    KeptEventRow {
        block: block.to_string(),
        group: group.to_string(),
        undated,
        day,
        end: e.event.date.end,
        cameo: cameo.to_string(),
        base_id: base_id.to_string(),
        id: e.id.clone(),
        first_doc: first_doc.to_string(),
        first_start,
        rank,
        status: e.event.status,
        source: e.event.source.clone(),
        target: e.event.target.clone(),
        members,
        first_report: e.mentions.iter().filter_map(report_day).min(),
        undated_report: e.mentions.iter().any(|m| report_day(m).is_none()),
    }
}

/// The publication day of a report, as `chronicler-brief` reads it.
fn report_day(m: &EventMention) -> Option<Date> {
    m.published.as_deref()?.get(..10)?.parse().ok()
}

/// The kept merged events of `store` in the order of merged events (see
/// [`chronicler_store::KeptEventRow`]): what is known of each without
/// merging it. None when they are not current (the caller merges
/// everything). Read in one snapshot with [`merge_kept`] when the events
/// picked from them are merged.
pub fn kept_heads(store: &Store) -> Result<Option<Vec<KeptEventRow>>, QueryError> {
    let mut rows = Vec::new();
    if !each_kept_row(store, |k| {
        rows.push(k);
        Ok(())
    })? {
        return Ok(None);
    }
    rows.sort_by(|a, b| row_key(a).cmp(&row_key(b)));
    Ok(Some(rows))
}

/// Hands `f` every kept merged event of `store` (in no order: [`KeptOrder`]
/// says where each stands) and says true, when they are current; false,
/// handing none, when they are not. Read in one snapshot.
pub fn each_kept_row(
    store: &Store,
    f: impl FnMut(KeptEventRow) -> Result<(), QueryError>,
) -> Result<bool, QueryError> {
    let _snapshot = store.read_snapshot()?;
    if !store.consolidation_is_current()? || !store.kept_events_current()? {
        return Ok(false);
    }
    store.each_kept_event(f)?;
    Ok(true)
}

/// Where a kept merged event stands in the order of merged events (what
/// [`kept_heads`] sorts by), owned: a reader that keeps less of each row
/// sorts by it, then drops it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct KeptOrder {
    undated: bool,
    day: Option<Date>,
    cameo: Box<str>,
    base: Box<str>,
    first_doc: Box<str>,
    first_start: usize,
    block: Box<str>,
    rank: usize,
}

impl From<&KeptEventRow> for KeptOrder {
    fn from(r: &KeptEventRow) -> KeptOrder {
        KeptOrder {
            undated: r.undated,
            day: r.day,
            cameo: r.cameo.as_str().into(),
            base: r.base_id.as_str().into(),
            first_doc: r.first_doc.as_str().into(),
            first_start: r.first_start,
            block: r.block.as_str().into(),
            rank: r.rank,
        }
    }
}

/// [`Slot::key`] of a kept row.
#[allow(clippy::type_complexity)]
fn row_key(r: &KeptEventRow) -> (bool, Option<Date>, &str, &str, &str, usize, &str, usize) {
    (
        r.undated,
        r.day,
        &r.cameo,
        &r.base_id,
        &r.first_doc,
        r.first_start,
        &r.block,
        r.rank,
    )
}

/// The merged events of `rows` (from [`kept_heads`], in their order),
/// each merged with its id and counts as among all.
pub fn merge_kept(store: &Store, rows: Vec<KeptEventRow>) -> Result<Vec<MergedEvent>, QueryError> {
    let mut events = Vec::new();
    for c in kept_stream(store, rows)? {
        events.extend(c?.events);
    }
    Ok(events)
}

/// Streams the merged events of `rows` (from [`kept_heads`]) in the order
/// given, as [`merged_stream`] gives them: each one merged with its id
/// and counts as among all, with its members and the near-duplicate
/// clusters of its documents (what [`crate::conflicts`] reads).
pub fn kept_stream(store: &Store, rows: Vec<KeptEventRow>) -> Result<MergedStream<'_>, QueryError> {
    let slots: Vec<Slot> = rows.into_iter().map(Slot::from_kept).collect();
    Ok(MergedStream {
        store,
        slots: slots.into_iter(),
        whole: None,
        _snapshot: Some(store.read_snapshot()?),
        newest: false,
    })
}

/// The merged events of a current store in the consolidation's order,
/// with their unique ids: those that pass `filter` (all without one).
///
/// From the kept merged events when they are current (a read of one row
/// per merged event, and for a text filter the sentences of the events
/// that pass the rest); else every kept group is merged to learn its
/// place, id and fields.
fn ordered_slots(store: &Store, filter: Option<&EventFilter>) -> Result<Vec<Slot>, QueryError> {
    if store.kept_events_current()? {
        let mut slots: Vec<Slot> = Vec::new();
        store.each_kept_event(|k| {
            if filter.is_none_or(|f| row_passes(f, &k)) {
                slots.push(Slot::from_kept(k));
            }
            Ok::<(), QueryError>(())
        })?;
        if let Some(t) = filter.and_then(|f| f.text.as_deref()) {
            slots = with_text(store, slots, t)?;
        }
        slots.sort_by(|a, b| a.key().cmp(&b.key()));
        return Ok(slots);
    }
    let mut slots: Vec<Slot> = Vec::new();
    store.kept_blocks(|block, events| {
        let (merged, rows) = block_rows(block, events);
        for (e, row) in merged.iter().zip(rows) {
            if filter.is_none_or(|f| f.matches(e)) {
                slots.push(Slot::from_kept(row));
            }
        }
        Ok::<(), QueryError>(())
    })?;
    slots.sort_by(|a, b| a.key().cmp(&b.key()));
    Ok(slots)
}

/// The `slots` one of whose reports' sentences holds `text`, ignoring
/// case (as [`EventFilter::matches`] reads a merged event's mentions).
fn with_text(store: &Store, slots: Vec<Slot>, text: &str) -> Result<Vec<Slot>, QueryError> {
    let hit = text_hits(store, slots.iter().map(|s| &*s.members), text)?;
    let mut hit = hit.into_iter();
    Ok(slots
        .into_iter()
        .filter(|_| hit.next().unwrap_or(false))
        .collect())
}

/// Whether each of `rows` (kept merged events, as [`kept_heads`] gives
/// them) has a report whose sentence holds `text`, ignoring case: what
/// [`EventFilter::matches`] asks of a merged event's mentions, read
/// without merging it.
pub fn kept_rows_with_text<'a>(
    store: &Store,
    rows: impl IntoIterator<Item = &'a KeptEventRow>,
    text: &str,
) -> Result<Vec<bool>, QueryError> {
    text_hits(store, rows.into_iter().map(|r| r.members.as_slice()), text)
}

/// Whether one of the coded events of each `members` (document key,
/// ordinal) has a sentence holding `text`, ignoring case: every coded
/// event's sentence read in document order, each document's text once.
fn text_hits<'a>(
    store: &Store,
    members: impl Iterator<Item = &'a [(i64, usize)]>,
    text: &str,
) -> Result<Vec<bool>, QueryError> {
    let t = text.to_lowercase();
    // (document key, ordinal, item), by document.
    let members: Vec<&[(i64, usize)]> = members.collect();
    let mut at: Vec<(i64, usize, usize)> = members
        .iter()
        .enumerate()
        .flat_map(|(i, m)| m.iter().map(move |&(doc, ordinal)| (doc, ordinal, i)))
        .collect();
    let count = members.len();
    at.sort_unstable();
    let keys: Vec<(i64, usize)> = at.iter().map(|&(doc, ordinal, _)| (doc, ordinal)).collect();
    let mut hit = vec![false; count];
    store.each_event_sentence(&keys, |j, sentence| {
        if let Some(&(_, _, i)) = at.get(j) {
            if !hit[i] && sentence.to_lowercase().contains(&t) {
                hit[i] = true;
            }
        }
        Ok::<(), QueryError>(())
    })?;
    Ok(hit)
}

/// The near-duplicate clusters among the documents `docs` (id and key).
fn clusters_among<'a>(
    store: &Store,
    docs: impl IntoIterator<Item = (&'a str, i64)>,
) -> Result<NearDuplicates, QueryError> {
    let mut by_rep: BTreeMap<i64, BTreeSet<&str>> = BTreeMap::new();
    let mut done: BTreeSet<i64> = BTreeSet::new();
    for (id, key) in docs {
        if !done.insert(key) {
            continue;
        }
        if let Some(rep) = store.near_cluster_of(key)? {
            by_rep.entry(rep).or_default().insert(id);
        }
    }
    Ok(NearDuplicates::from_clusters(by_rep.into_values()))
}

/// The merged events of the store one at a time (each a [`Consolidated`]
/// of one event with its members and the near-duplicate clusters of its
/// documents), in the order of [`crate::consolidated`], with the same ids
/// and counts. From a store whose kept consolidation is not current,
/// one piece holding everything.
pub struct MergedStream<'s> {
    store: &'s Store,
    slots: std::vec::IntoIter<Slot>,
    whole: Option<Consolidated>,
    /// Both passes read one snapshot of the store.
    _snapshot: Option<ReadSnapshot<'s>>,
    /// Whether it comes newest first ([`MergedStream::newest_first`]).
    newest: bool,
}

/// Streams the merged events of `store` (see [`MergedStream`]).
pub fn merged_stream(store: &Store) -> Result<MergedStream<'_>, QueryError> {
    merged_stream_of(store, None)
}

/// Streams the merged events of `store` reported by more than one
/// document, in order and with the ids they have among all: the only ones
/// whose reports can disagree (`crate::conflicts`: a disagreement is
/// between claims of two documents). From a store whose kept
/// consolidation is not current, one piece holding every merged event.
pub fn multi_document_stream(store: &Store) -> Result<MergedStream<'_>, QueryError> {
    let mut stream = merged_stream_of(store, None)?;
    let slots: Vec<Slot> = std::mem::take(&mut stream.slots)
        .filter(|s| {
            let mut docs = s.members.iter().map(|&(doc, _)| doc);
            let first = docs.next();
            docs.any(|d| Some(d) != first)
        })
        .collect();
    stream.slots = slots.into_iter();
    Ok(stream)
}

/// Streams the merged events of `store` that pass `filter`, in order and
/// with the ids they have among all: those that do not pass are dropped
/// after the first pass (which sees each event as the final merge gives
/// it, but its source count), so only those that pass are read again and
/// merged. From a store whose kept consolidation is not current, one
/// piece holding those that pass.
pub fn filtered_stream<'s>(
    store: &'s Store,
    filter: &EventFilter,
) -> Result<MergedStream<'s>, QueryError> {
    merged_stream_of(store, Some(filter))
}

fn merged_stream_of<'s>(
    store: &'s Store,
    filter: Option<&EventFilter>,
) -> Result<MergedStream<'s>, QueryError> {
    let snapshot = store.read_snapshot()?;
    if !store.consolidation_is_current()? {
        // Built whole in the same snapshot, which ends once it is read.
        let mut whole = crate::consolidated(store)?;
        if let Some(f) = filter {
            retain_events(&mut whole, |e| f.matches(e));
        }
        return Ok(MergedStream {
            store,
            slots: Vec::new().into_iter(),
            whole: Some(whole),
            _snapshot: None,
            newest: false,
        });
    }
    Ok(MergedStream {
        store,
        slots: ordered_slots(store, filter)?.into_iter(),
        whole: None,
        _snapshot: Some(snapshot),
        newest: false,
    })
}

/// Where each (block, group label) stands among `slots`.
fn slot_index(slots: &[Slot]) -> HashMap<(&str, &str), usize> {
    slots
        .iter()
        .enumerate()
        .map(|(i, s)| ((&*s.block, &*s.group), i))
        .collect()
}

/// Keeps the events of `c` (and their members) for which `wanted` holds.
fn retain_events(c: &mut Consolidated, mut wanted: impl FnMut(&MergedEvent) -> bool) {
    let keep: Vec<bool> = c.events.iter().map(&mut wanted).collect();
    if keep.contains(&false) {
        let mut k = keep.iter();
        c.events.retain(|_| k.next().copied().unwrap_or(false));
        let mut k = keep.iter();
        c.members.retain(|_| k.next().copied().unwrap_or(false));
    }
}

/// The stories holding one of the documents `docs` (ids), in the order
/// and as [`each_story`] gives them: from a current store, only those
/// stories and their events' kept rows read and described (what a watcher reports after a round of
/// new articles, at the cost of those articles' stories, not the store's).
pub fn stories_of_documents(
    store: &Store,
    docs: &BTreeSet<String>,
) -> Result<Vec<Story>, QueryError> {
    let _snapshot = store.read_snapshot()?;
    if !store.consolidation_is_current()? || !store.kept_events_current()? {
        let whole = crate::consolidated(store)?;
        return Ok(crate::stories(store, &whole)?
            .into_iter()
            .filter(|s| s.documents.iter().any(|d| docs.contains(d)))
            .collect());
    }
    let mut labels = BTreeSet::new();
    for d in docs {
        labels.extend(store.kept_story_of(d)?);
    }
    let labels: Vec<&str> = labels.iter().map(String::as_str).collect();
    let mut out: Vec<Story> = describe_kept_stories(store, &labels)?
        .into_iter()
        .flatten()
        .collect();
    out.sort_by(|a, b| (&a.start, &a.id).cmp(&(&b.start, &b.id)));
    Ok(out)
}

/// The merged events reported by one of the documents `docs` (ids), in
/// the order and with the ids [`merged_stream`] gives them: from a store
/// whose kept merged events are current, only the kept rows of the
/// documents' groups read and those events merged.
pub fn events_of_documents(
    store: &Store,
    docs: &BTreeSet<String>,
) -> Result<Vec<MergedEvent>, QueryError> {
    let _snapshot = store.read_snapshot()?;
    if !store.consolidation_is_current()? || !store.kept_events_current()? {
        let mut whole = crate::consolidated(store)?;
        whole
            .events
            .retain(|e| e.mentions.iter().any(|m| docs.contains(&m.doc)));
        return Ok(whole.events);
    }
    let docs: Vec<&str> = docs.iter().map(String::as_str).collect();
    let mut rows = kept_rows_of_documents(store, &docs)?;
    rows.sort_by(|a, b| row_key(a).cmp(&row_key(b)));
    merge_kept(store, rows)
}

/// The kept merged-event rows of the groups the documents `docs` (ids)
/// have events in: the documents' groups looked up, and those rows alone
/// read (in no set order).
pub fn kept_rows_of_documents(
    store: &Store,
    docs: &[&str],
) -> Result<Vec<KeptEventRow>, QueryError> {
    let mut groups = BTreeSet::new();
    for d in docs {
        if let Some(key) = store.document_key(d)? {
            groups.extend(store.groups_of(key)?);
        }
    }
    kept_rows_of_groups(store, &groups)
}

/// The kept merged-event rows of `groups` (block, label), in their order;
/// a group with no row is left out.
fn kept_rows_of_groups(
    store: &Store,
    groups: &BTreeSet<(String, String)>,
) -> Result<Vec<KeptEventRow>, QueryError> {
    let keys: Vec<(&str, &str)> = groups
        .iter()
        .map(|(b, g)| (b.as_str(), g.as_str()))
        .collect();
    Ok(store.kept_events_at(&keys)?)
}

/// The story `id` as [`each_story`] gives it, with its merged events in
/// the order and with the ids [`merged_stream`] gives them (each piece
/// one event, or one piece holding them all from a store whose kept
/// consolidation is not current); None when no story has that id.
///
/// From a current store the story is found by its id alone (a story's id
/// is made from its smallest document id: one pass over the story rows,
/// then that story read and described), and only its events are merged a
/// second time: at a million articles, instead of describing every story
/// and merging every event (37 s), one pass over the events' groups and
/// one over the story rows.
pub fn find_story(
    store: &Store,
    id: &str,
) -> Result<Option<(Story, Vec<Consolidated>)>, QueryError> {
    let id = id.trim();
    let _snapshot = store.read_snapshot()?;
    if !store.consolidation_is_current()? {
        let mut whole = crate::consolidated(store)?;
        let Some(story) = crate::stories(store, &whole)?
            .into_iter()
            .find(|s| s.id == id)
        else {
            return Ok(None);
        };
        let wanted: BTreeSet<&str> = story.events.iter().map(String::as_str).collect();
        retain_events(&mut whole, |e| wanted.contains(e.id.as_str()));
        return Ok(Some((story, vec![whole])));
    }
    let slots = ordered_slots(store, None)?;
    let index = slot_index(&slots);
    let mut labels = Vec::new();
    store.each_kept_story_first_id(|label, first| {
        if chronicler_consolidate::stories::story_id([first]) == id {
            labels.push(label.to_string());
        }
        Ok::<(), QueryError>(())
    })?;
    let mut found = None;
    for label in labels {
        if let Some(s) = describe_kept(store.kept_story(&label)?, &slots, &index)? {
            if s.id == id {
                found = Some(s);
                break;
            }
        }
    }
    // A story whose smallest document has no readable day is named after
    // another: looked for among all of them.
    if found.is_none() {
        each_story(store, |s| {
            if found.is_none() && s.id == id {
                found = Some(s);
            }
            Ok(())
        })?;
    }
    let Some(story) = found else {
        return Ok(None);
    };
    let wanted: BTreeSet<&str> = story.events.iter().map(String::as_str).collect();
    let picked: Vec<Slot> = slots
        .into_iter()
        .filter(|s| wanted.contains(&*s.id))
        .collect();
    let events = MergedStream {
        store,
        slots: picked.into_iter(),
        whole: None,
        _snapshot: None,
        newest: false,
    }
    .collect::<Result<Vec<_>, _>>()?;
    Ok(Some((story, events)))
}

/// Whether the kept merged event `k` passes `filter` but for its text.
fn row_passes(filter: &EventFilter, k: &KeptEventRow) -> bool {
    filter.matches_fields(
        k.source.as_ref(),
        k.target.as_ref(),
        &k.cameo,
        k.status,
        k.day,
        k.end,
    )
}

/// The first `limit` merged events that pass `filter`, in the order of
/// merged events or newest first, as a stream: the kept rows read in that
/// order from their index until `limit` pass (with a text, those passing
/// the rest tested a few hundred at a time), only those merged. None when the kept consolidation is not current. The
/// caller holds the snapshot the stream reads in.
pub(crate) fn first_passing<'s>(
    store: &'s Store,
    filter: &EventFilter,
    limit: usize,
    newest: bool,
) -> Result<Option<MergedStream<'s>>, QueryError> {
    if !store.consolidation_is_current()? || !store.kept_events_current()? {
        return Ok(None);
    }
    let mut slots = Vec::new();
    // With a text, the rows that pass the rest are tested a batch at a
    // time (their sentences read), until enough pass.
    let text = filter.text.as_deref();
    let mut batch: Vec<Slot> = Vec::new();
    store.each_kept_event_in_order(newest, |k| {
        if row_passes(filter, &k) {
            match text {
                None => slots.push(Slot::from_kept(k)),
                Some(t) => {
                    batch.push(Slot::from_kept(k));
                    if batch.len() >= 256 {
                        slots.extend(with_text(store, std::mem::take(&mut batch), t)?);
                    }
                }
            }
        }
        Ok::<bool, QueryError>(slots.len() < limit)
    })?;
    if let Some(t) = text {
        if slots.len() < limit && !batch.is_empty() {
            slots.extend(with_text(store, batch, t)?);
        }
    }
    slots.truncate(limit);
    Ok(Some(MergedStream {
        store,
        slots: slots.into_iter(),
        whole: None,
        _snapshot: None,
        newest,
    }))
}

impl MergedStream<'_> {
    /// Whether its events come newest first already.
    pub(crate) fn in_newest_order(&self) -> bool {
        self.newest
    }

    /// The same events newest first: the dated ones in the reverse of
    /// their order (latest day first), then the undated ones in theirs.
    pub fn newest_first(mut self) -> Self {
        let slots: Vec<Slot> = std::mem::take(&mut self.slots).collect();
        let (mut dated, undated): (Vec<Slot>, Vec<Slot>) =
            slots.into_iter().partition(|s| !s.undated);
        dated.reverse();
        dated.extend(undated);
        self.slots = dated.into_iter();
        self.newest = true;
        if let Some(whole) = self.whole.as_mut() {
            let n = whole.events.len();
            let is_dated = |i: usize| whole.events[i].event.date.start.is_some();
            let mut order: Vec<usize> = (0..n).rev().filter(|&i| is_dated(i)).collect();
            order.extend((0..n).filter(|&i| !is_dated(i)));
            let mut events: Vec<Option<MergedEvent>> = std::mem::take(&mut whole.events)
                .into_iter()
                .map(Some)
                .collect();
            let with_members = whole.members.len() == n;
            let mut members: Vec<Option<_>> = std::mem::take(&mut whole.members)
                .into_iter()
                .map(Some)
                .collect();
            for i in order {
                whole
                    .events
                    .extend(events.get_mut(i).and_then(Option::take));
                if with_members {
                    whole
                        .members
                        .extend(members.get_mut(i).and_then(Option::take));
                }
            }
        }
        self
    }

    fn merge(&self, slot: Slot) -> Result<Consolidated, QueryError> {
        let stored = self.store.events_at(&slot.members)?;
        let dups = clusters_among(
            self.store,
            stored
                .iter()
                .zip(slot.members.iter())
                .map(|(e, &(key, _))| (e.doc.id.as_str(), key)),
        )?;
        let located = stored.into_iter().map(located).collect();
        let mut c = assemble(vec![located], &dups);
        for e in &mut c.events {
            e.id = slot.id.to_string();
        }
        Ok(c)
    }
}

impl Iterator for MergedStream<'_> {
    type Item = Result<Consolidated, QueryError>;

    fn next(&mut self) -> Option<Self::Item> {
        if let Some(c) = self.whole.take() {
            return Some(Ok(c));
        }
        let slot = self.slots.next()?;
        Some(self.merge(slot))
    }
}

/// Hands `emit` the stories of `store` one at a time, in the order and
/// as [`crate::stories`] gives them. From a store whose kept
/// consolidation is not current, they are grouped in memory first.
pub fn each_story(
    store: &Store,
    mut emit: impl FnMut(Story) -> Result<(), QueryError>,
) -> Result<(), QueryError> {
    let _snapshot = store.read_snapshot()?;
    if !store.consolidation_is_current()? {
        for s in crate::stories(store, &crate::consolidated(store)?)? {
            emit(s)?;
        }
        return Ok(());
    }
    kept_stories(store, emit)
}

/// [`each_story`] of the kept consolidation as it stands, also while
/// documents stored since wait for the end-of-run update (they are in no
/// kept story yet, and the kept merged events are those of before): what
/// a reader holding the kept rows of before shows with them, without
/// grouping everything in memory. As [`each_story`] when the kept merged
/// events themselves are not current.
pub fn each_kept_story(
    store: &Store,
    emit: impl FnMut(Story) -> Result<(), QueryError>,
) -> Result<(), QueryError> {
    let _snapshot = store.read_snapshot()?;
    if !store.kept_events_current()? {
        return each_story(store, emit);
    }
    kept_stories(store, emit)
}

/// The kept stories, described one at a time in their order.
fn kept_stories(
    store: &Store,
    mut emit: impl FnMut(Story) -> Result<(), QueryError>,
) -> Result<(), QueryError> {
    let slots = ordered_slots(store, None)?;
    let index = slot_index(&slots);
    let describe = |members: Vec<StoryMember>| describe_kept(members, &slots, &index);
    // The order first, from the stories' documents' days and events
    // alone; then each story read whole and described, in that order.
    let mut order: Vec<(String, String, Box<str>)> = Vec::new();
    store.kept_story_heads(|kept, heads| {
        if let Some(s) = story_span(heads, &slots, &index) {
            order.push((s.start, s.id, kept.into()));
        }
        Ok::<(), QueryError>(())
    })?;
    order.sort();
    for (_, _, kept) in order {
        if let Some(s) = describe(store.kept_story(&kept)?)? {
            emit(s)?;
        }
    }
    Ok(())
}

/// What a listing knows of a kept story before describing it: its first
/// and last day, id and merged events, as [`describe_kept`] gives them.
struct Span {
    start: String,
    end: String,
    id: String,
    /// Indices of its merged events among the slots, in their order.
    events: BTreeSet<usize>,
}

/// The span of the kept story whose documents are `heads` (its documents
/// with a publication day; its first and last day the earliest and latest
/// of theirs and of its events'); None for a story [`describe_kept`]
/// would not describe.
fn story_span(
    mut heads: Vec<StoryHead>,
    slots: &[Slot],
    index: &HashMap<(&str, &str), usize>,
) -> Option<Span> {
    let mut days: Vec<Date> = Vec::with_capacity(heads.len());
    heads.retain(|h| match h.published.parse::<Date>() {
        Ok(d) => {
            days.push(d);
            true
        }
        Err(_) => false,
    });
    let first = heads.iter().map(|h| h.id.as_str()).min()?;
    let id = chronicler_consolidate::stories::story_id([first]);
    let mut events = BTreeSet::new();
    for h in &heads {
        for (b, g) in &h.groups {
            if let Some(&i) = index.get(&(b.as_str(), g.as_str())) {
                days.extend(slots[i].day);
                days.extend(slots[i].end);
                events.insert(i);
            }
        }
    }
    let day = |d: Option<&Date>| d.map(Date::to_string).unwrap_or_default();
    Some(Span {
        start: day(days.iter().min()),
        end: day(days.iter().max()),
        id,
        events,
    })
}

/// A kept story as a listing filters and pages it, before it is
/// described ([`describe_kept_stories`]): what [`each_story`] would say
/// of its span, id and events.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeptStoryHead {
    /// First day.
    pub start: String,
    /// Last day.
    pub end: String,
    /// Story id.
    pub id: String,
    /// Ids of its merged events, in the events' order.
    pub events: Vec<String>,
    /// The kept story it is (what [`describe_kept_stories`] reads).
    pub label: String,
}

/// The kept stories as they stand (as [`each_kept_story`] reads them),
/// in the order [`each_story`] gives them, not described: one pass over
/// the stories' documents in the publication index, no document row read.
/// None when the kept merged events are not current.
pub fn kept_story_list(store: &Store) -> Result<Option<Vec<KeptStoryHead>>, QueryError> {
    let _snapshot = store.read_snapshot()?;
    if !store.kept_events_current()? {
        return Ok(None);
    }
    let slots = ordered_slots(store, None)?;
    let index = slot_index(&slots);
    let mut out = Vec::new();
    store.kept_story_heads(|label, heads| {
        if let Some(s) = story_span(heads, &slots, &index) {
            out.push(KeptStoryHead {
                start: s.start,
                end: s.end,
                id: s.id,
                events: s.events.iter().map(|&i| slots[i].id.to_string()).collect(),
                label: label.to_string(),
            });
        }
        Ok::<(), QueryError>(())
    })?;
    out.sort_by(|a, b| (&a.start, &a.id, &a.label).cmp(&(&b.start, &b.id, &b.label)));
    Ok(Some(out))
}

/// Which stories to list.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct StoryFilter {
    /// Stories that last until this day or later.
    pub from: Option<Date>,
    /// Stories that begin on this day or earlier.
    pub to: Option<Date>,
    /// Stories with one of their merged events about this actor, as
    /// [`EventFilter::actor`] reads it (code, country or part of a name).
    pub actor: Option<String>,
}

impl StoryFilter {
    /// Whether a story of this span passes the dates.
    fn spans(&self, start: &str, end: &str) -> bool {
        self.from.is_none_or(|f| end >= f.to_string().as_str())
            && self.to.is_none_or(|t| start <= t.to_string().as_str())
    }
}

/// Hands `emit` the stories that pass `filter`, in the order
/// [`each_story`] gives them or newest first, at most `limit` of them (0:
/// all). From a current store they are listed first ([`kept_story_list`])
/// and only those handed out are described; otherwise every story is
/// grouped in memory and filtered.
pub fn each_story_where(
    store: &Store,
    filter: &StoryFilter,
    newest: bool,
    limit: usize,
    mut emit: impl FnMut(Story) -> Result<(), QueryError>,
) -> Result<(), QueryError> {
    if *filter == StoryFilter::default() && !newest && limit == 0 {
        return each_story(store, emit);
    }
    let _snapshot = store.read_snapshot()?;
    let limit = if limit == 0 { usize::MAX } else { limit };
    let by_actor = EventFilter {
        actor: filter.actor.clone(),
        ..EventFilter::default()
    };
    let current = store.consolidation_is_current()?;
    if let Some(list) = current
        .then(|| kept_story_list(store))
        .transpose()?
        .flatten()
    {
        // The ids of the merged events about the actor, when asked about
        // one (the rows read one at a time).
        let mut about: BTreeSet<String> = BTreeSet::new();
        if filter.actor.is_some() {
            each_kept_row(store, |r| {
                if row_passes(&by_actor, &r) {
                    about.insert(r.id);
                }
                Ok(())
            })?;
        }
        let passes = |h: &&KeptStoryHead| {
            filter.spans(&h.start, &h.end)
                && (filter.actor.is_none() || h.events.iter().any(|e| about.contains(e.as_str())))
        };
        let picked: Vec<&KeptStoryHead> = if newest {
            list.iter().rev().filter(passes).take(limit).collect()
        } else {
            list.iter().filter(passes).take(limit).collect()
        };
        for chunk in picked.chunks(256) {
            let labels: Vec<&str> = chunk.iter().map(|h| h.label.as_str()).collect();
            for s in describe_kept_stories(store, &labels)?.into_iter().flatten() {
                emit(s)?;
            }
        }
        return Ok(());
    }
    let whole = crate::consolidated(store)?;
    let about: BTreeSet<&str> = whole
        .events
        .iter()
        .filter(|e| by_actor.matches(e))
        .map(|e| e.id.as_str())
        .collect();
    let passes = |s: &Story| {
        filter.spans(&s.start, &s.end)
            && (filter.actor.is_none() || s.events.iter().any(|e| about.contains(e.as_str())))
    };
    let mut stories: Vec<Story> = crate::stories(store, &whole)?
        .into_iter()
        .filter(|s| passes(s))
        .collect();
    if newest {
        stories.reverse();
    }
    for s in stories.into_iter().take(limit) {
        emit(s)?;
    }
    Ok(())
}

/// The kept stories `labels` (from [`kept_story_list`]) described as
/// [`each_story`] describes them, in that order (None for one it would
/// not list): their documents read, and the kept rows of their events'
/// groups alone.
pub fn describe_kept_stories(
    store: &Store,
    labels: &[&str],
) -> Result<Vec<Option<Story>>, QueryError> {
    let _snapshot = store.read_snapshot()?;
    let members = labels
        .iter()
        .map(|l| store.kept_story(l))
        .collect::<Result<Vec<_>, _>>()?;
    let groups: BTreeSet<(String, String)> = members
        .iter()
        .flatten()
        .flat_map(|m| m.groups.iter().cloned())
        .collect();
    // In the order of merged events, as among all of them.
    let mut slots: Vec<Slot> = kept_rows_of_groups(store, &groups)?
        .into_iter()
        .map(Slot::from_kept)
        .collect();
    slots.sort_by(|a, b| a.key().cmp(&b.key()));
    let index = slot_index(&slots);
    members
        .into_iter()
        .map(|m| describe_kept(m, &slots, &index))
        .collect()
}

/// One kept story described (see `chronicler_consolidate::stories::describe`):
/// its documents with a publication day, the merged events they report
/// in the events' order.
fn describe_kept(
    members: Vec<StoryMember>,
    slots: &[Slot],
    index: &HashMap<(&str, &str), usize>,
) -> Result<Option<Story>, QueryError> {
    let mut docs: Vec<Member> = members
        .into_iter()
        .filter_map(|m| {
            let published = m.published.parse().ok()?;
            Some((
                StoryDoc {
                    id: m.id,
                    title: m.title,
                    published,
                    outlet: m.outlet,
                    url: m.url,
                },
                m.near,
                m.groups,
            ))
        })
        .collect();
    docs.sort_by(|a, b| (a.0.published, &a.0.id).cmp(&(b.0.published, &b.0.id)));
    docs.dedup_by(|a, b| a.0.id == b.0.id);
    let events: BTreeSet<usize> = docs
        .iter()
        .flat_map(|d| d.2.iter())
        .filter_map(|(b, g)| index.get(&(b.as_str(), g.as_str())).copied())
        .collect();
    let events: Vec<StoryEvent<'_>> = events
        .into_iter()
        .map(|i| StoryEvent {
            id: &slots[i].id,
            start: slots[i].day,
            end: slots[i].end,
        })
        .collect();
    let mut by_rep: BTreeMap<i64, Vec<&str>> = BTreeMap::new();
    for (d, rep, _) in &docs {
        if let Some(rep) = rep {
            by_rep.entry(*rep).or_default().push(d.id.as_str());
        }
    }
    let dups = NearDuplicates::from_clusters(by_rep.into_values());
    Ok(describe_story(
        docs.iter().map(|d| &d.0).collect(),
        &events,
        &dups,
    ))
}
