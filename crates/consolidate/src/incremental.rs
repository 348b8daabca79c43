//! Incremental consolidation: adding documents regroups only the blocks
//! their events fall into, and the stories those touch.
//!
//! A grouping kept from earlier runs labels each coded event with its
//! block ([`crate::block_key`]) and a group label unique within the block.
//! Events without a label are new. Every block holding a new event is
//! regrouped whole (blocks are independent: a group never spans two), and
//! the other events keep their groups. Since grouping a block depends only
//! on the set of its events, the result is exactly what grouping everything
//! from scratch gives, whatever order or batches the documents came in.
//!
//! Stories follow the same idea (see [`crate::stories::update`]): the
//! documents of regrouped blocks and new documents, with the kept stories
//! they belong to and their near duplicates, are regrouped; every other
//! story is kept.

use std::collections::{BTreeMap, BTreeSet};

use crate::stories::KeptStories;
use crate::{
    assemble_groups, block_key, group_id, group_indices, Consolidated, Located, NearDuplicates,
};

/// Where a coded event was grouped in an earlier run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeptGroup {
    /// Its block ([`crate::block_key`]).
    pub block: String,
    /// Its group's label, unique within the block.
    pub group: String,
}

/// One regrouped event's new label.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Relabel {
    /// Index of the event in the input.
    pub index: usize,
    /// Its block.
    pub block: String,
    /// Its group's label (the group's id before de-duplication).
    pub group: String,
}

/// The result of [`regroup`].
#[derive(Debug, Clone, PartialEq)]
pub struct Regrouped {
    /// The merged events, as [`crate::consolidate`] would give them, with
    /// `kept_stories` set from the `story_of` given.
    pub consolidated: Consolidated,
    /// The blocks regrouped, sorted (their kept labels are replaced).
    pub blocks: Vec<String>,
    /// The new label of every event of those blocks.
    pub relabels: Vec<Relabel>,
    /// For each merged event (as `consolidated.events`): the indices in
    /// the input of its coded events, ascending, and its id before it was
    /// made unique.
    pub origins: Vec<(Vec<usize>, String)>,
}

/// Consolidates `events`, given for each (same index) its kept group, if
/// any, and the kept story of each document (document id → story id).
/// Only the blocks holding an event without a kept group are regrouped.
pub fn regroup(
    events: Vec<Located>,
    kept: &[Option<KeptGroup>],
    dups: &NearDuplicates,
    story_of: BTreeMap<String, String>,
) -> Regrouped {
    let block_of: Vec<String> = events
        .iter()
        .enumerate()
        .map(|(i, l)| match kept.get(i).and_then(Option::as_ref) {
            Some(k) => k.block.clone(),
            None => block_key(l),
        })
        .collect();
    let touched: BTreeSet<&str> = (0..events.len())
        .filter(|&i| kept.get(i).and_then(Option::as_ref).is_none())
        .map(|i| block_of[i].as_str())
        .collect();

    let mut old: BTreeMap<(&str, &str), Vec<usize>> = BTreeMap::new();
    let mut fresh: Vec<usize> = Vec::new();
    for (i, block) in block_of.iter().enumerate() {
        if touched.contains(block.as_str()) {
            fresh.push(i);
        } else if let Some(k) = kept.get(i).and_then(Option::as_ref) {
            old.entry((k.block.as_str(), k.group.as_str()))
                .or_default()
                .push(i);
        }
    }
    // The regrouped events are moved out to be grouped, then put back.
    let mut slots: Vec<Option<Located>> = events.into_iter().map(Some).collect();
    let subset: Vec<Located> = fresh.iter().filter_map(|&i| slots[i].take()).collect();
    let mut groups: Vec<Vec<usize>> = old.into_values().collect();
    let mut relabels = Vec::with_capacity(fresh.len());
    let mut touched_docs = BTreeSet::new();
    for g in group_indices(&subset) {
        let located: Vec<&Located> = g.iter().map(|&j| &subset[j]).collect();
        let label = group_id(&located).unwrap_or_default();
        let mut members = Vec::with_capacity(g.len());
        for &j in &g {
            let i = fresh[j];
            touched_docs.insert(subset[j].mention.doc.clone());
            relabels.push(Relabel {
                index: i,
                block: block_of[i].clone(),
                group: label.clone(),
            });
            members.push(i);
        }
        groups.push(members);
    }
    relabels.sort_by_key(|r| r.index);
    let blocks = touched.iter().map(|b| b.to_string()).collect();
    for (&i, l) in fresh.iter().zip(subset) {
        slots[i] = Some(l);
    }
    let located = groups
        .iter()
        .map(|g| g.iter().filter_map(|&i| slots[i].take()).collect())
        .collect();
    let (mut consolidated, origins) = assemble_groups(located, dups);
    let origins = origins
        .into_iter()
        .map(|(at, base)| {
            let mut members = groups.get(at).cloned().unwrap_or_default();
            members.sort_unstable();
            (members, base)
        })
        .collect();
    consolidated.kept_stories = Some(KeptStories {
        story_of,
        touched: touched_docs,
    });
    Regrouped {
        consolidated,
        blocks,
        relabels,
        origins,
    }
}
