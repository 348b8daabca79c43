//! Incremental consolidation: documents added in batches regroup only the
//! blocks and stories they touch, and give what grouping everything from
//! scratch gives.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::collections::BTreeMap;

use chronicler_consolidate::incremental::{regroup, KeptGroup, Regrouped};
use chronicler_consolidate::stories::{stories, update, KeptStories, Story, StoryDoc};
use chronicler_consolidate::{consolidate, Consolidated, Located, NearDuplicates};
use chronicler_core::*;
use common::actor;
use jiff::civil::date;

/// A small deterministic generator (xorshift).
struct Rng(u64);
impl Rng {
    fn next(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }
}

const PAIRS: [(&str, &str); 4] = [
    ("RUS", "UKR"),
    ("UKR", "RUS"),
    ("ISR", "PSE"),
    ("SDN", "TCD"),
];
const CODES: [&str; 5] = ["036", "0311", "190", "042", "04"];

/// `n` documents, each reporting one to three events on a few days among a
/// few actor pairs and codes, so that many reports are the same happening.
fn corpus(n: usize, seed: u64) -> (Vec<StoryDoc>, Vec<Located>) {
    let mut rng = Rng(seed);
    let mut docs = Vec::new();
    let mut events = Vec::new();
    for d in 0..n {
        let id = format!("doc{d:03}");
        let day = 10 + rng.next(12) as i8;
        docs.push(StoryDoc {
            id: id.clone(),
            title: Some(format!("Title {d}")),
            published: date(2026, 1, day),
            outlet: Some(format!("outlet{}", rng.next(7))),
            url: None,
        });
        for s in 0..1 + rng.next(3) {
            let (a, b) = PAIRS[rng.next(PAIRS.len())];
            let on = day - rng.next(3) as i8;
            let dated = rng.next(4) != 0;
            events.push(Located {
                event: CodedEvent {
                    source: Some(actor(a)),
                    target: Some(actor(b)),
                    cameo: CODES[rng.next(CODES.len())].into(),
                    status: Status::Occurred,
                    date: if dated {
                        DateRange::day(date(2026, 1, on))
                    } else {
                        DateRange::unknown()
                    },
                    location: None,
                    quantities: vec![],
                    symmetric: rng.next(5) == 0,
                    evidence: Evidence {
                        sentence: s,
                        sentence_span: Span::new(s * 50, s * 50 + 40),
                        trigger: Span::new(s * 50 + 5, s * 50 + 10),
                        date_from: Default::default(),
                    },
                    confidence: 0.5 + rng.next(5) as f32 / 10.0,
                    rule: "r".into(),
                },
                mention: EventMention {
                    doc: id.clone(),
                    path: format!("{id}.txt"),
                    url: None,
                    outlet: docs.last().and_then(|x: &StoryDoc| x.outlet.clone()),
                    published: Some(date(2026, 1, day).to_string()),
                    sentence: format!("sentence {s} of {id}"),
                    start: s * 50,
                    end: s * 50 + 40,
                },
            });
        }
    }
    (docs, events)
}

/// Near-duplicate links among the documents present: document 7k+6
/// and its copy 7k+7, when both are there.
fn links(docs: &[StoryDoc]) -> NearDuplicates {
    let ids: std::collections::BTreeSet<&str> = docs.iter().map(|d| d.id.as_str()).collect();
    let pairs: Vec<(String, String)> = (0..200)
        .filter(|n| n % 7 == 6)
        .map(|n| (format!("doc{n:03}"), format!("doc{:03}", n + 1)))
        .filter(|(a, b)| ids.contains(a.as_str()) && ids.contains(b.as_str()))
        .collect();
    NearDuplicates::new(pairs.iter().map(|(a, b)| (a.as_str(), b.as_str())))
}

/// What a store keeps between runs.
#[derive(Default)]
struct Kept {
    events: Vec<Located>,
    groups: Vec<Option<KeptGroup>>,
    story_of: BTreeMap<String, String>,
    docs: Vec<StoryDoc>,
}

impl Kept {
    /// Adds documents and their events, regroups, keeps the result.
    fn add(
        &mut self,
        docs: &[StoryDoc],
        events: &[Located],
    ) -> (Regrouped, Vec<Story>, Vec<(String, String)>) {
        self.docs.extend_from_slice(docs);
        for e in events {
            self.events.push(e.clone());
            self.groups.push(None);
        }
        let dups = links(&self.docs);
        let r = regroup(
            self.events.clone(),
            &self.groups,
            &dups,
            self.story_of.clone(),
        );
        for x in &r.relabels {
            self.groups[x.index] = Some(KeptGroup {
                block: x.block.clone(),
                group: x.group.clone(),
            });
        }
        let kept = r.consolidated.kept_stories.clone().unwrap();
        let u = update(&self.docs, &r.consolidated.events, &dups, &dups, &kept);
        for (d, s) in &u.changed {
            self.story_of.insert(d.clone(), s.clone());
        }
        (r, u.stories, u.changed)
    }
}

fn scratch(docs: &[StoryDoc], events: &[Located]) -> (Consolidated, Vec<Story>) {
    let dups = links(docs);
    let c = consolidate(events.to_vec(), &dups);
    let s = stories(docs, &c.events, &dups);
    (c, s)
}

#[test]
fn batches_in_any_order_give_what_grouping_everything_gives() {
    let (docs, events) = corpus(80, 0x5eed);
    let (full, full_stories) = scratch(&docs, &events);
    assert!(full.events.len() < events.len(), "some reports merge");
    assert!(
        full_stories.len() < docs.len(),
        "some documents share a story"
    );

    for (seed, batch) in [(1u64, 1usize), (2, 7), (3, 25), (4, 80)] {
        // Documents in a shuffled order, added `batch` at a time.
        let mut order: Vec<usize> = (0..docs.len()).collect();
        let mut rng = Rng(seed);
        for i in (1..order.len()).rev() {
            order.swap(i, rng.next(i + 1));
        }
        let mut kept = Kept::default();
        let mut last = None;
        for chunk in order.chunks(batch) {
            let ds: Vec<StoryDoc> = chunk.iter().map(|&i| docs[i].clone()).collect();
            let es: Vec<Located> = events
                .iter()
                .filter(|e| ds.iter().any(|d| d.id == e.mention.doc))
                .cloned()
                .collect();
            last = Some(kept.add(&ds, &es));
        }
        let (r, s, _) = last.unwrap();
        let mut c = r.consolidated;
        c.kept_stories = None;
        assert_eq!(c.events, full.events, "batches of {batch}");
        assert_eq!(c.members, full.members, "batches of {batch}");
        assert_eq!(s, full_stories, "batches of {batch}");
    }
}

#[test]
fn a_new_document_regroups_only_its_blocks_and_stories_and_a_rerun_nothing() {
    let (docs, events) = corpus(60, 0xfeed);
    let mut kept = Kept::default();
    let (first, _, changed) = kept.add(&docs, &events);
    assert_eq!(
        first.relabels.len(),
        events.len(),
        "a fresh store groups all"
    );
    assert_eq!(changed.len(), docs.len());

    // Nothing new: nothing regrouped, nothing to keep, the same result.
    let (again, s, changed) = kept.add(&[], &[]);
    assert!(again.blocks.is_empty() && again.relabels.is_empty());
    assert!(changed.is_empty());
    assert_eq!(again.consolidated.events, first.consolidated.events);
    assert_eq!(s, scratch(&docs, &events).1);

    // A report on a pair nobody else reports: one block, one story.
    let mut lone = events[0].clone();
    lone.event.source = Some(actor("FRA"));
    lone.event.target = Some(actor("DEU"));
    lone.mention.doc = "new-lone".into();
    let lone_doc = StoryDoc {
        id: "new-lone".into(),
        ..docs[0].clone()
    };
    let (r, s, changed) = kept.add(std::slice::from_ref(&lone_doc), std::slice::from_ref(&lone));
    assert_eq!(r.blocks.len(), 1);
    assert_eq!(r.relabels.len(), 1);
    assert_eq!(
        changed,
        vec![("new-lone".to_string(), s_id(&s, "new-lone"))]
    );

    // A report of an existing happening: only that event's block is
    // regrouped, and only the stories it touches.
    let mut echo = events[0].clone();
    echo.mention.doc = "new-echo".into();
    let echo_doc = StoryDoc {
        id: "new-echo".into(),
        ..docs[0].clone()
    };
    let block = chronicler_consolidate::block_key(&echo);
    let in_block = kept
        .events
        .iter()
        .filter(|e| chronicler_consolidate::block_key(e) == block)
        .count();
    let (r, s, changed) = kept.add(std::slice::from_ref(&echo_doc), std::slice::from_ref(&echo));
    assert_eq!(r.blocks, vec![block]);
    assert_eq!(r.relabels.len(), in_block + 1);
    assert!(
        changed.len() < docs.len(),
        "{} of {}",
        changed.len(),
        docs.len()
    );
    assert!(changed.iter().any(|(d, _)| d == "new-echo"));
    let echo_event = r
        .consolidated
        .events
        .iter()
        .find(|e| e.mentions.iter().any(|m| m.doc == "new-echo"))
        .unwrap();
    assert!(echo_event
        .mentions
        .iter()
        .any(|m| m.doc == events[0].mention.doc));

    // And the whole still equals grouping everything from scratch.
    let mut all_docs = docs.clone();
    all_docs.extend([lone_doc, echo_doc]);
    let mut all_events = events.clone();
    all_events.extend([lone, echo]);
    let (full, full_stories) = scratch(&all_docs, &all_events);
    assert_eq!(r.consolidated.events, full.events);
    assert_eq!(s, full_stories);
}

fn s_id(stories: &[Story], doc: &str) -> String {
    stories
        .iter()
        .find(|s| s.documents.iter().any(|d| d == doc))
        .map(|s| s.id.clone())
        .unwrap()
}

#[test]
fn kept_stories_default_regroups_everything() {
    let (docs, events) = corpus(20, 7);
    let (c, s) = scratch(&docs, &events);
    let u = update(
        &docs,
        &c.events,
        &links(&docs),
        &links(&docs),
        &KeptStories::default(),
    );
    assert_eq!(u.stories, s);
    assert_eq!(u.changed.len(), docs.len());
}
