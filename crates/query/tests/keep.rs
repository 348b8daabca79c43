//! The incremental consolidation update (`update_consolidation`, run at
//! the end of every ingest) keeps exactly what regrouping everything from
//! scratch keeps, on stores grown in random batches: groups that split
//! and merge as reports arrive, near-duplicate and related-text clusters
//! that grow and join, stories limited by their span.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests: a failed unwrap is a failed test

use chronicler_core::*;
use chronicler_store::{SignatureWrite, Store};
use jiff::civil::{date, Date};

/// A small deterministic generator (SplitMix64).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

fn actor(country: &str) -> Actor {
    Actor {
        entity: format!("state:{country}"),
        name: country.into(),
        code: format!("{country}GOV"),
        country: Some(country.into()),
        role: Some("GOV".into()),
        kind: ActorKind::State,
    }
}

/// The evidence of an event coded from sentence `i` (through serde, so
/// that fields the store does not keep take their defaults).
fn evidence(i: usize, sentence: Span) -> Evidence {
    serde_json::from_value(serde_json::json!({
        "sentence": i,
        "sentence_span": sentence,
        "trigger": Span::new(sentence.start, sentence.start + 8),
    }))
    .unwrap()
}

fn day(n: usize) -> Date {
    date(2026, 1, 1)
        .checked_add(jiff::Span::new().days(n as i64))
        .unwrap()
}

/// One generated article: its id, publication day, text (one sentence a
/// line) and events.
struct Article {
    id: String,
    published: Date,
    text: String,
    events: Vec<CodedEvent>,
}

fn article(rng: &mut Rng, n: usize) -> Article {
    const PAIRS: [(&str, &str); 3] = [("UKR", "RUS"), ("ISR", "PSE"), ("IND", "PAK")];
    const CODES: [&str; 6] = ["04", "042", "043", "19", "190", "036"];
    let published = day(rng.below(40));
    let lines: Vec<String> = (0..1 + rng.below(4))
        .map(|i| format!("Sentence {i} of report {n}."))
        .collect();
    let text = lines.join("\n");
    let mut events = Vec::new();
    let mut at = 0;
    for (i, line) in lines.iter().enumerate() {
        let (a, b) = PAIRS[rng.below(PAIRS.len())];
        let (a, b) = if rng.below(2) == 0 { (a, b) } else { (b, a) };
        let dated = rng.below(3) > 0;
        let start = published
            .checked_sub(jiff::Span::new().days(rng.below(3) as i64))
            .unwrap();
        events.push(CodedEvent {
            source: Some(actor(a)),
            target: (rng.below(5) > 0).then(|| actor(b)),
            cameo: CODES[rng.below(CODES.len())].into(),
            status: Status::Occurred,
            date: if dated {
                DateRange {
                    start: Some(start),
                    end: Some(start),
                    precision: DatePrecision::Day,
                    approximate: false,
                }
            } else {
                DateRange::unknown()
            },
            location: None,
            quantities: vec![],
            symmetric: rng.below(4) == 0,
            evidence: evidence(i, Span::new(at, at + line.len())),
            confidence: 0.5,
            rule: format!("rule{}", rng.below(2)),
        });
        at += line.len() + 1;
    }
    Article {
        id: format!("doc-{n:03}"),
        published,
        text,
        events,
    }
}

fn analyzed(a: &Article) -> AnalyzedDocument {
    let mut sentences = Vec::new();
    let mut at = 0;
    for line in a.text.split('\n') {
        sentences.push(Sentence {
            index: sentences.len(),
            span: Span::new(at, at + line.len()),
        });
        at += line.len() + 1;
    }
    AnalyzedDocument {
        doc: CleanDocument {
            id: a.id.clone(),
            path: format!("{}.txt", a.id),
            format: Format::Text,
            meta: Metadata {
                outlet: Some(format!("outlet{}", a.id.len() % 3)),
                ..Metadata::default()
            },
            extracted: a.text.clone(),
            text: a.text.clone(),
            segments: vec![Segment {
                clean: Span::new(0, a.text.len()),
                raw_start: 0,
            }],
            cited_sources: vec![],
            removed: vec![],
            warnings: vec![],
        },
        published: Published {
            date: a.published,
            source: DateSource::Metadata,
        },
        sentences,
        actors: vec![],
        places: vec![],
        dates: vec![],
        quantities: vec![],
        unresolved: vec![],
    }
}

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

/// Grows a store from `articles` in random batches, updating after each;
/// links each new article to some stored ones (near duplicates, related
/// text), as the pipeline does.
fn grow(dir: &std::path::Path, seed: u64, articles: &[Article]) -> Store {
    let mut rng = Rng(seed ^ 0xA5A5);
    let mut store = Store::open(&dir.join(format!("s{seed}.db"))).unwrap();
    let mut stored: Vec<&str> = Vec::new();
    let mut order: Vec<usize> = (0..articles.len()).collect();
    for i in (1..order.len()).rev() {
        order.swap(i, rng.below(i + 1));
    }
    let mut next = 0;
    while next < order.len() {
        let batch = 1 + rng.below(8);
        for &i in &order[next..(next + batch).min(order.len())] {
            let a = &articles[i];
            let mut links = Vec::new();
            for _ in 0..rng.below(3) {
                if stored.is_empty() {
                    break;
                }
                let other = stored[rng.below(stored.len())];
                let similarity = if rng.below(3) == 0 { 0.7 } else { 0.4 };
                links.push((other.to_string(), similarity));
            }
            let sig = SignatureWrite {
                minhash: vec![0; 8],
                bands: vec![],
                near_duplicates: links,
                near_from: 0.5,
                related_within_days: 3,
            };
            store
                .write_document_signed(&analyzed(a), &a.events, &sig)
                .unwrap();
            stored.push(&a.id);
        }
        next += batch;
        if seed.is_multiple_of(3) {
            // The default: walk the ties (these stores are small).
            chronicler_query::record_event_ids(&mut store).unwrap();
        } else {
            // Walk at most a few documents, else regroup every story in one
            // pass (one seed in three always, one in three often).
            let budget = if seed % 3 == 1 { 0 } else { 12 };
            chronicler_query::record_event_ids_walking(&mut store, budget).unwrap();
        }
    }
    store
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
        assert!(incremental.0.iter().all(|g| g.2.is_some()), "seed {seed}");
        let again = chronicler_query::update_consolidation(&mut store).unwrap();
        assert_eq!((again.blocks, again.events, again.documents), (0, 0, 0));
        let (update, rebuilt) = chronicler_query::rebuild_consolidation(&mut store).unwrap();
        regrouped_stories += update.documents;
        let scratch = kept(&store);
        assert_eq!(incremental.0, scratch.0, "seed {seed}: groups");
        assert_eq!(incremental.1, scratch.1, "seed {seed}: stories");
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
