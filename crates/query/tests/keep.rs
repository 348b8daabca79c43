//! The incremental consolidation update (`update_consolidation`, run at
//! the end of every ingest) keeps exactly what regrouping everything from
//! scratch keeps, on stores grown in random batches: groups that split
//! and merge as reports arrive, near-duplicate and related-text clusters
//! that grow and join, stories limited by their span.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests: a failed unwrap is a failed test

mod common;

use chronicler_store::Store;
use common::{article, grow, Article, Rng};

/// Rows of the kept grouping and stories.
type Kept = (
    Vec<(String, usize, Option<String>, Option<String>)>,
    Vec<(String, String)>,
);

fn kept(store: &Store) -> Kept {
    let (_, groups, stories) = store.consolidation_input().unwrap();
    let groups = groups
        .into_iter()
        .map(|g| (g.doc, g.ordinal, g.block, g.group))
        .collect();
    (groups, stories)
}

#[test]
fn stores_grown_in_random_batches_keep_what_a_rebuild_keeps() {
    let dir = tempfile::tempdir().unwrap();
    let mut regrouped_stories = 0;
    for seed in 1..=12u64 {
        let mut rng = Rng(seed);
        let articles: Vec<Article> = (0..70).map(|n| article(&mut rng, n)).collect();
        let mut store = grow(dir.path(), seed, &articles);
        let incremental = kept(&store);
        let incremental_events = kept_events(&store);
        assert!(incremental.0.iter().all(|g| g.2.is_some()), "seed {seed}");
        // The kept merged events are exactly the kept groups.
        assert_eq!(
            store.consistency_check().unwrap(),
            Vec::<String>::new(),
            "seed {seed}"
        );
        let again = chronicler_query::update_consolidation(&mut store).unwrap();
        assert_eq!((again.blocks, again.events, again.documents), (0, 0, 0));
        let (update, rebuilt) = chronicler_query::rebuild_consolidation(&mut store).unwrap();
        regrouped_stories += update.documents;
        let scratch = kept(&store);
        assert_eq!(incremental.0, scratch.0, "seed {seed}: groups");
        assert_eq!(incremental.1, scratch.1, "seed {seed}: stories");
        // The kept merged events, written block by block as batches came
        // in, are those written for every block at once; one per merged
        // event, with its id.
        let scratch_events = kept_events(&store);
        assert_eq!(incremental_events, scratch_events, "seed {seed}");
        let mut ids: Vec<&str> = scratch_events.iter().map(|k| k.id.as_str()).collect();
        ids.sort_unstable();
        let mut want: Vec<&str> = rebuilt.events.iter().map(|e| e.id.as_str()).collect();
        want.sort_unstable();
        assert_eq!(ids, want, "seed {seed}");
        for e in &rebuilt.events {
            assert!(
                store.event_id(&e.id).unwrap().is_some(),
                "seed {seed}: {}",
                e.id
            );
        }
        // Stories span several documents and are cut by their span.
        let stories: std::collections::BTreeSet<&String> = scratch.1.iter().map(|s| &s.1).collect();
        assert!(
            stories.len() > 1 && stories.len() < scratch.1.len(),
            "seed {seed}"
        );
    }
    assert_eq!(regrouped_stories, 12 * 70);
}

/// The kept merged events, current, by block and group.
fn kept_events(store: &Store) -> Vec<chronicler_store::KeptEventRow> {
    assert!(store.kept_events_current().unwrap());
    let mut rows = Vec::new();
    store
        .each_kept_event(|k| {
            rows.push(k);
            Ok::<(), chronicler_store::StoreError>(())
        })
        .unwrap();
    rows.sort_by(|a, b| (&a.block, &a.group).cmp(&(&b.block, &b.group)));
    rows
}

/// Every merged event of the stream, in order, with its members.
fn streamed(store: &Store) -> chronicler_query::Consolidated {
    let mut all = chronicler_query::Consolidated::default();
    for part in chronicler_query::merged_stream(store).unwrap() {
        let part = part.unwrap();
        all.events.extend(part.events);
        all.members.extend(part.members);
    }
    all
}

/// Calls `f` on a store grown from `n` random articles of `seed`: once
/// with its kept consolidation current (reads stream), then with one more
/// article written and not yet consolidated (reads build it whole).
fn current_then_not(dir: &std::path::Path, seed: u64, n: usize, mut f: impl FnMut(&Store, bool)) {
    let mut rng = Rng(seed);
    let articles: Vec<Article> = (0..n).map(|i| article(&mut rng, i)).collect();
    let mut store = grow(dir, seed, &articles);
    for current in [true, false] {
        if !current {
            let extra = article(&mut rng, n);
            store
                .write_document(&common::analyzed(&extra), &extra.events)
                .unwrap();
        }
        assert_eq!(store.consolidation_is_current().unwrap(), current);
        f(&store, current);
    }
}

#[test]
fn streamed_events_and_stories_are_the_whole_consolidation_in_order() {
    let dir = tempfile::tempdir().unwrap();
    let mut disputed = 0;
    for seed in [2u64, 5, 9] {
        let mut kept_before = Vec::new();
        current_then_not(dir.path(), seed, 70, |store, current| {
            let whole = chronicler_query::consolidated(store).unwrap();
            let parts = streamed(store);
            assert!(whole.events.len() > 20, "seed {seed}");
            assert_eq!(parts.events, whole.events, "seed {seed}, current {current}");
            assert_eq!(parts.members, whole.members, "seed {seed}");
            // Disagreements and sources need only each event's clusters.
            let by_part: Vec<_> = chronicler_query::merged_stream(store)
                .unwrap()
                .flat_map(|p| chronicler_query::export_events(&p.unwrap()))
                .collect();
            assert_eq!(by_part, chronicler_query::export_events(&whole));
            let conflicts: Vec<_> = chronicler_query::merged_stream(store)
                .unwrap()
                .flat_map(|p| chronicler_query::conflicts(&p.unwrap()))
                .collect();
            assert_eq!(conflicts, chronicler_query::conflicts(&whole));
            // Those reported by one document alone are not read again.
            let multi: Vec<_> = chronicler_query::multi_document_stream(store)
                .unwrap()
                .flat_map(|p| p.unwrap().events)
                .collect();
            if current {
                let want: Vec<_> = whole
                    .events
                    .iter()
                    .filter(|e| e.num_articles > 1)
                    .cloned()
                    .collect();
                assert!(want.len() < whole.events.len(), "seed {seed}");
                assert_eq!(multi, want, "seed {seed}");
            }
            let from_multi: Vec<_> = chronicler_query::multi_document_stream(store)
                .unwrap()
                .flat_map(|p| chronicler_query::conflicts(&p.unwrap()))
                .collect();
            assert_eq!(from_multi, conflicts, "seed {seed}, current {current}");
            disputed += conflicts.len();
            let mut stories = Vec::new();
            chronicler_query::each_story(store, |s| {
                stories.push(s);
                Ok(())
            })
            .unwrap();
            assert_eq!(
                stories,
                chronicler_query::stories(store, &whole).unwrap(),
                "seed {seed}"
            );
            // The kept stories as they stand: those of the update before
            // while a new document waits for the next one.
            let mut kept = Vec::new();
            chronicler_query::each_kept_story(store, |s| {
                kept.push(s);
                Ok(())
            })
            .unwrap();
            // Listed without describing them, then described by label:
            // the same stories, each story's list entry its span, id and
            // events.
            let list = chronicler_query::kept_story_list(store).unwrap().unwrap();
            let spans =
                |v: &[chronicler_query::Story]| -> Vec<(String, String, String, Vec<String>)> {
                    v.iter()
                        .map(|s| {
                            (
                                s.start.clone(),
                                s.end.clone(),
                                s.id.clone(),
                                s.events.clone(),
                            )
                        })
                        .collect()
                };
            let listed: Vec<_> = list
                .iter()
                .map(|h| {
                    (
                        h.start.clone(),
                        h.end.clone(),
                        h.id.clone(),
                        h.events.clone(),
                    )
                })
                .collect();
            assert_eq!(listed, spans(&kept), "seed {seed}, current {current}");
            let labels: Vec<&str> = list.iter().map(|h| h.label.as_str()).collect();
            let described: Vec<_> = chronicler_query::describe_kept_stories(store, &labels)
                .unwrap()
                .into_iter()
                .flatten()
                .collect();
            assert_eq!(described, kept, "seed {seed}, current {current}");
            if current {
                assert_eq!(kept, stories, "seed {seed}");
                kept_before = kept;
            } else {
                assert_ne!(kept, stories, "seed {seed}: the new document is in a story");
                assert_eq!(kept, kept_before, "seed {seed}");
            }
            // One story found by its id: itself, and its events as the
            // whole consolidation has them, in order.
            for s in stories.iter().step_by(7) {
                let (found, parts) = chronicler_query::find_story(store, &s.id).unwrap().unwrap();
                assert_eq!(&found, s, "seed {seed}, current {current}");
                let events: Vec<_> = parts.into_iter().flat_map(|p| p.events).collect();
                let want: Vec<_> = whole
                    .events
                    .iter()
                    .filter(|e| s.events.contains(&e.id))
                    .cloned()
                    .collect();
                assert_eq!(events.len(), s.events.len(), "seed {seed}");
                assert_eq!(events, want, "seed {seed}, current {current}");
            }
            assert!(chronicler_query::find_story(store, "st000000000000")
                .unwrap()
                .is_none());
            // The stories and events of a few documents (what a watcher
            // reports after a round): those of the whole that hold one.
            let docs: Vec<String> = store
                .documents()
                .unwrap()
                .into_iter()
                .map(|d| d.id)
                .collect();
            for (skip, step) in [(0, 9), (3, 31)] {
                let picked: std::collections::BTreeSet<String> =
                    docs.iter().skip(skip).step_by(step).cloned().collect();
                let of_docs = chronicler_query::stories_of_documents(store, &picked).unwrap();
                let want: Vec<_> = stories
                    .iter()
                    .filter(|s| s.documents.iter().any(|d| picked.contains(d)))
                    .cloned()
                    .collect();
                assert!(
                    !want.is_empty() && want.len() < stories.len(),
                    "seed {seed}"
                );
                assert_eq!(of_docs, want, "seed {seed}, current {current}");
                let events = chronicler_query::events_of_documents(store, &picked).unwrap();
                let want: Vec<_> = whole
                    .events
                    .iter()
                    .filter(|e| e.mentions.iter().any(|m| picked.contains(&m.doc)))
                    .cloned()
                    .collect();
                assert!(
                    !want.is_empty() && want.len() < whole.events.len(),
                    "seed {seed}"
                );
                assert_eq!(events, want, "seed {seed}, current {current}");
            }
        });
    }
    assert!(disputed > 0, "the corpus has events whose reports disagree");
}

#[test]
fn filtered_reads_give_what_filtering_every_merged_event_gives() {
    use chronicler_core::Status;
    use chronicler_query::EventFilter;
    let dir = tempfile::tempdir().unwrap();
    let filters = [
        EventFilter::default(),
        EventFilter {
            actor: Some("ukr".into()),
            ..EventFilter::default()
        },
        EventFilter {
            cameo: Some("04".into()),
            from: Some(common::day(10)),
            to: Some(common::day(20)),
            ..EventFilter::default()
        },
        EventFilter {
            actor: Some("PSEGOV".into()),
            status: Some(Status::Occurred),
            ..EventFilter::default()
        },
        EventFilter {
            text: Some("sentence 2 of".into()),
            ..EventFilter::default()
        },
        // Read from the kept rows, then the sentences of those that pass.
        EventFilter {
            actor: Some("RUS".into()),
            text: Some("SENTENCE 1 OF REPORT".into()),
            ..EventFilter::default()
        },
        EventFilter {
            actor: Some("nobody".into()),
            ..EventFilter::default()
        },
    ];
    for seed in [4u64, 8] {
        current_then_not(dir.path(), seed, 90, |store, current| {
            let all = chronicler_query::merged_events(store).unwrap();
            assert_eq!(
                chronicler_query::merged_event_count(store).unwrap(),
                all.len(),
                "seed {seed}, current {current}"
            );
            let mut some_but_not_all = 0;
            for f in &filters {
                let want = f.apply(all.clone());
                if !want.is_empty() && want.len() < all.len() {
                    some_but_not_all += 1;
                }
                // The timeline, holding entries only, is that of the events.
                let streamed = chronicler_query::timeline_of(
                    chronicler_query::filtered_stream(store, f).unwrap(),
                )
                .unwrap();
                assert_eq!(streamed, chronicler_query::timeline(&want), "{f:?}");
                for limit in [None, Some(0), Some(1), Some(7)] {
                    let got = chronicler_query::filtered_events(store, f, limit).unwrap();
                    let mut want = want.clone();
                    if let Some(n) = limit {
                        want.truncate(n);
                    }
                    // Ids, source counts and mentions included.
                    assert_eq!(
                        got, want,
                        "seed {seed}, current {current}, {f:?}, {limit:?}"
                    );
                    // Newest first: the dated ones latest first, then the
                    // undated ones, cut at the limit.
                    let got = chronicler_query::filtered_events_in(store, f, limit, true).unwrap();
                    let (mut dated, undated): (Vec<_>, Vec<_>) = f
                        .apply(all.clone())
                        .into_iter()
                        .partition(|e| e.event.date.start.is_some());
                    dated.reverse();
                    dated.extend(undated);
                    if let Some(n) = limit {
                        dated.truncate(n);
                    }
                    assert_eq!(
                        got, dated,
                        "newest, seed {seed}, current {current}, {f:?}, {limit:?}"
                    );
                }
            }
            assert!(some_but_not_all >= 3, "seed {seed}: the filters select");
        });
    }
}

#[test]
fn an_update_cut_short_keeps_none_of_it_and_the_next_one_completes_it() {
    let dir = tempfile::tempdir().unwrap();
    for seed in [3u64, 7] {
        let mut rng = Rng(seed);
        let articles: Vec<Article> = (0..600).map(|n| article(&mut rng, n)).collect();
        // 40 articles kept consolidated, 560 more written since.
        let mut store = grow(dir.path(), seed, &articles[..40]);
        for a in &articles[40..] {
            store
                .write_document(&common::analyzed(a), &a.events)
                .unwrap();
        }
        let before = kept(&store);
        let new_events = store.ungrouped_event_keys().unwrap().len();
        assert!(new_events > 50, "seed {seed}: {new_events}");
        // The file capped at its size: the update's rows, written a block
        // at a time, cannot all fit.
        store.set_max_page_count(1).unwrap();
        let err = chronicler_query::record_event_ids_walking(&mut store, 0, 1)
            .expect_err("a full store stops the update")
            .to_string();
        assert!(err.contains("full"), "seed {seed}: {err}");
        assert_eq!(kept(&store), before, "seed {seed}: nothing of it kept");
        assert_eq!(store.ungrouped_event_keys().unwrap().len(), new_events);
        assert!(store.integrity_check().unwrap().is_empty(), "seed {seed}");
        // With room again, the next update does all of it.
        store.set_max_page_count(1_000_000_000).unwrap();
        chronicler_query::record_event_ids_walking(&mut store, 0, 1).unwrap();
        let incremental = kept(&store);
        let (_, rebuilt) = chronicler_query::rebuild_consolidation(&mut store).unwrap();
        assert_eq!(incremental, kept(&store), "seed {seed}");
        for e in &rebuilt.events {
            assert!(store.event_id(&e.id).unwrap().is_some(), "seed {seed}");
        }
    }
}

#[test]
fn kept_merged_events_are_read_only_while_they_are_the_kept_groupings() {
    use chronicler_store::EventGroupWrite;
    let dir = tempfile::tempdir().unwrap();
    let mut rng = Rng(6);
    let articles: Vec<Article> = (0..70).map(|n| article(&mut rng, n)).collect();
    let mut store = grow(dir.path(), 6, &articles);
    let before = kept_events(&store);
    // One event moved to a group of its own, outside any update: one
    // merged event more, which the kept rows do not have.
    let (_, groups, _) = store.consolidation_input().unwrap();
    let moved = groups
        .iter()
        .find(|g| {
            groups
                .iter()
                .filter(|h| (&h.block, &h.group) == (&g.block, &g.group))
                .count()
                > 1
        })
        .expect("a group of several events");
    store
        .write_consolidation(
            &[EventGroupWrite {
                doc: moved.doc.clone(),
                ordinal: moved.ordinal,
                block: moved.block.clone().unwrap(),
                group: "moved".into(),
            }],
            &[],
        )
        .unwrap();
    assert!(!store.kept_events_current().unwrap());
    assert!(store.consolidation_is_current().unwrap());
    let whole = chronicler_query::consolidated(&store).unwrap();
    assert_eq!(whole.events.len(), before.len() + 1);
    assert_eq!(streamed(&store).events, whole.events);
    let ukr = chronicler_query::EventFilter {
        actor: Some("UKR".into()),
        ..Default::default()
    };
    let filtered: Vec<_> = chronicler_query::filtered_stream(&store, &ukr)
        .unwrap()
        .flat_map(|p| p.unwrap().events)
        .collect();
    assert_eq!(filtered, ukr.apply(whole.events.clone()));
    // The next update, with nothing new to group, writes them again.
    chronicler_query::update_consolidation(&mut store).unwrap();
    let after = kept_events(&store);
    assert_eq!(after.len(), before.len() + 1);
    assert_eq!(streamed(&store).events, whole.events);
}

/// A kept merged event's row as far as its group goes: block, label and
/// members.
type KeptRow = (String, String, Vec<(i64, usize)>);

/// An update rebuilds the merged events of the groups whose members
/// changed, and only those: a new article's blocks hold many groups, most
/// of which it leaves as they were.
#[test]
fn an_update_rebuilds_only_the_groups_that_changed() {
    let dir = tempfile::tempdir().unwrap();
    let mut left_alone = 0;
    for seed in 1..=6u64 {
        let mut rng = Rng(seed);
        let articles: Vec<Article> = (0..80).map(|n| article(&mut rng, n)).collect();
        let mut store = grow(dir.path(), seed, &articles);
        let rows = |store: &Store| -> std::collections::BTreeSet<KeptRow> {
            kept_events(store)
                .into_iter()
                .map(|k| (k.block, k.group, k.members))
                .collect()
        };
        let before = rows(&store);
        let extra = article(&mut rng, 80);
        store
            .write_document(&common::analyzed(&extra), &extra.events)
            .unwrap();
        let update = chronicler_query::update_consolidation(&mut store).unwrap();
        let after = rows(&store);
        let changed = after.difference(&before).count();
        assert!(
            changed >= 1,
            "seed {seed}: the new article's events are in some group"
        );
        assert_eq!(update.merged, changed, "seed {seed}");
        let touched: std::collections::BTreeSet<&String> =
            after.difference(&before).map(|r| &r.0).collect();
        let in_blocks = after.iter().filter(|r| touched.contains(&r.0)).count();
        left_alone += in_blocks - changed;
    }
    assert!(left_alone > 0, "the new articles' blocks held other groups");
}
