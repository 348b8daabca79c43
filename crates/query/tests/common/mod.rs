//! Generated stores for the consolidation tests: articles with events of
//! a few actor pairs and codes, grown in random batches with near-duplicate
//! and related-text links, as the pipeline writes them.
#![allow(dead_code)] // each test binary uses part of it

use chronicler_core::*;
use chronicler_store::{SignatureWrite, Store};
use jiff::civil::{date, Date};

/// A small deterministic generator (SplitMix64).
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

pub fn actor(country: &str) -> Actor {
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
pub fn evidence(i: usize, sentence: Span) -> Evidence {
    serde_json::from_value(serde_json::json!({
        "sentence": i,
        "sentence_span": sentence,
        "trigger": Span::new(sentence.start, sentence.start + 8),
    }))
    .unwrap()
}

pub fn day(n: usize) -> Date {
    date(2026, 1, 1)
        .checked_add(jiff::Span::new().days(n as i64))
        .unwrap()
}

/// One generated article: its id, publication day, text (one sentence a
/// line) and events.
pub struct Article {
    pub id: String,
    pub published: Date,
    pub text: String,
    pub events: Vec<CodedEvent>,
}

pub fn article(rng: &mut Rng, n: usize) -> Article {
    const PAIRS: [(&str, &str); 3] = [("UKR", "RUS"), ("ISR", "PSE"), ("IND", "PAK")];
    const CODES: [&str; 6] = ["04", "042", "043", "19", "190", "036"];
    let published = day(rng.below(40));
    let lines: Vec<String> = (0..1 + rng.below(4))
        // Not ASCII: a mention's character offsets differ from its
        // sentence's byte offsets past the first sentence.
        .map(|i| format!("Sentence {i} of report {n} – «Kyïv»."))
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

pub fn analyzed(a: &Article) -> AnalyzedDocument {
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
                // Four outlets, so that near duplicates count once.
                outlet: Some(format!(
                    "outlet{}",
                    a.id.bytes().map(u32::from).sum::<u32>() % 4
                )),
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
        language: Default::default(),
    }
}

/// Grows a store from `articles` in random batches, updating after each;
/// links each new article to some stored ones (near duplicates, related
/// text), as the pipeline does.
pub fn grow(dir: &std::path::Path, seed: u64, articles: &[Article]) -> Store {
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
                linked: Vec::new(),
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
            // pass (one seed in three always, one in three often); regroup
            // the new events' blocks one, three or all at a time.
            let budget = if seed % 3 == 1 { 0 } else { 12 };
            let chunk = [1, 3, usize::MAX][usize::try_from(seed / 3 % 3).unwrap_or(0)];
            chronicler_query::record_event_ids_walking(&mut store, budget, chunk).unwrap();
        }
    }
    store
}

/// The four Parquet tables of `store` as `export --format parquet` wrote
/// them before it streamed, into `dir`: the whole consolidation gathered,
/// its merged events that pass `filter` and their mentions, the documents
/// they cite (every document when none was left out) with the tones of
/// the cited ones, and the stories of those documents.
pub fn parquet_whole(store: &Store, filter: &chronicler_query::EventFilter, dir: &std::path::Path) {
    use chronicler_query::parquet as pq;
    let file = |name: &str| std::fs::File::create(dir.join(name)).unwrap();
    let all = chronicler_query::consolidated(store).unwrap();
    let stories = chronicler_query::stories(store, &all).unwrap();
    let n = all.events.len();
    let c = chronicler_query::filter_consolidated(all, filter);
    let whole = c.events.len() == n;
    let cited: std::collections::BTreeSet<String> = c
        .events
        .iter()
        .flat_map(|e| e.mentions.iter().map(|m| m.doc.clone()))
        .collect();
    let mut facts = chronicler_query::doc_facts(store).unwrap();
    chronicler_query::measure_tones(store, &mut facts, cited.iter().map(String::as_str)).unwrap();
    let docs: Vec<_> = store
        .documents()
        .unwrap()
        .into_iter()
        .filter(|d| whole || cited.contains(&d.id))
        .collect();
    let stories: Vec<_> = stories
        .into_iter()
        .filter(|s| whole || s.documents.iter().any(|d| cited.contains(d)))
        .collect();
    pq::write_events(&c, file("events.parquet")).unwrap();
    pq::write_mentions(&c, file("mentions.parquet")).unwrap();
    pq::write_documents(&docs, &facts, file("documents.parquet")).unwrap();
    pq::write_stories(&stories, file("stories.parquet")).unwrap();
}

/// The four Parquet tables of `store` written by the streamed export into
/// `dir`, in row groups of `groups`.
pub fn parquet_streamed(
    store: &Store,
    filter: &chronicler_query::EventFilter,
    dir: &std::path::Path,
    groups: chronicler_query::parquet::RowGroups,
) -> chronicler_query::parquet::Exported {
    use chronicler_query::parquet as pq;
    let file = |name: &str| std::fs::File::create(dir.join(name)).unwrap();
    let sinks = pq::Sinks {
        events: file("events.parquet"),
        mentions: file("mentions.parquet"),
        documents: file("documents.parquet"),
        stories: file("stories.parquet"),
    };
    pq::export_tables(store, filter, None, sinks, groups).unwrap()
}

/// Peak heap bytes of `heap` above what was live before, while `f` runs.
pub fn peak_of<T>(heap: &peak_alloc::PeakAlloc, f: impl FnOnce() -> T) -> (usize, T) {
    let before = heap.current_usage();
    heap.reset_peak_usage();
    let out = f();
    (heap.peak_usage().saturating_sub(before), out)
}
