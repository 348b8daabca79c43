//! Consolidation at 1,000 to 100,000 synthetic articles (divan): merging
//! events, grouping stories, and the incremental update that adds ten
//! articles to a kept consolidation. Cost should grow about linearly with
//! the corpus (blocking by CAMEO root, status and actor pair; stories by
//! event and near-duplicate cluster; never all pairs).
//!
//! The synthetic corpus: each article reports one to four events among 60
//! countries' governments (half of them among five busy dyads, whose
//! blocks grow with the corpus), 12 CAMEO codes and 365 days, from 40
//! outlets;
//! one article in ten copies an earlier one (a near duplicate reporting the
//! same events). Deterministic (xorshift).
//!
//! `one_story_copied`: one article copied 1,000 to 6,000 times on one day
//! (one block of four events a copy), grouped.
//!
//! Run: `cargo bench -p chronicler-bench --bench consolidation`.
#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

use chronicler_consolidate::incremental::{regroup, KeptGroup};
use chronicler_consolidate::stories::{stories, update, StoryDoc};
use chronicler_consolidate::{consolidate, group_indices, Located, NearDuplicates};
use chronicler_core::*;
use divan::counter::ItemsCount;
use divan::Bencher;
use jiff::civil::{date, Date};
use jiff::ToSpan;

fn main() {
    divan::main();
}

const COUNTRIES: [&str; 60] = [
    "AFG", "ARM", "AZE", "BLR", "CHN", "COD", "DEU", "EGY", "ETH", "FRA", "GBR", "IND", "IRN",
    "IRQ", "ISR", "JOR", "JPN", "KEN", "KOR", "LBN", "LBY", "MLI", "MMR", "NER", "NGA", "PAK",
    "PRK", "PSE", "QAT", "RUS", "SAU", "SDN", "SOM", "SSD", "SYR", "TCD", "TUR", "TWN", "UKR",
    "USA", "VEN", "YEM", "ZAF", "BRA", "COL", "MEX", "CUB", "HTI", "LKA", "BGD", "NPL", "THA",
    "VNM", "PHL", "IDN", "MYS", "KAZ", "UZB", "GEO", "MDA",
];
const CODES: [&str; 12] = [
    "036", "0311", "042", "043", "057", "112", "125", "138", "173", "190", "193", "0871",
];

const HOT: [(&str, &str); 5] = [
    ("RUS", "UKR"),
    ("UKR", "RUS"),
    ("ISR", "PSE"),
    ("USA", "CHN"),
    ("SDN", "SDN"),
];

struct Rng(u64);
impl Rng {
    fn next(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }
}

fn actor(c: &str) -> Actor {
    Actor {
        entity: format!("state:{c}"),
        name: c.into(),
        code: format!("{c}GOV"),
        country: Some(c.into()),
        role: Some("GOV".into()),
        kind: ActorKind::State,
    }
}

/// A coded event of `a` against `b` in sentence `s` (offsets 100 bytes a
/// sentence), as the benches' synthetic articles report them.
fn coded(a: &str, b: &str, cameo: &str, date: DateRange, s: usize) -> CodedEvent {
    CodedEvent {
        source: Some(actor(a)),
        target: Some(actor(b)),
        cameo: cameo.into(),
        status: Status::Occurred,
        date,
        location: None,
        quantities: vec![],
        symmetric: false,
        evidence: Evidence {
            sentence: s,
            sentence_span: Span::new(s * 100, s * 100 + 80),
            trigger: Span::new(s * 100 + 10, s * 100 + 20),
            date_from: Default::default(),
        },
        confidence: 0.7,
        rule: "bench".into(),
    }
}

/// The mention of sentence `s` of the article `doc`.
fn mention(doc: &str, outlet: String, published: Date, s: usize) -> EventMention {
    EventMention {
        doc: doc.into(),
        path: format!("{doc}.txt"),
        url: None,
        outlet: Some(outlet),
        published: Some(published.to_string()),
        sentence: format!("sentence {s}"),
        start: s * 100,
        end: s * 100 + 80,
    }
}

struct Corpus {
    docs: Vec<StoryDoc>,
    events: Vec<Located>,
    dups: NearDuplicates,
}

fn corpus(n: usize) -> Corpus {
    let mut rng = Rng(0x00c0_ffee);
    let first = date(2026, 1, 1);
    let mut docs: Vec<StoryDoc> = Vec::with_capacity(n);
    let mut events: Vec<Located> = Vec::new();
    let mut links: Vec<(String, String)> = Vec::new();
    for d in 0..n {
        let id = format!("doc{d:06}");
        let copy_of = (d > 0 && rng.next(10) == 0).then(|| rng.next(d));
        let day: Date = match copy_of {
            Some(o) => docs[o].published,
            None => first.checked_add((rng.next(365) as i64).days()).unwrap(),
        };
        let outlet = format!("outlet{}", rng.next(40));
        docs.push(StoryDoc {
            id: id.clone(),
            title: Some(format!("Article {d}")),
            published: day,
            outlet: Some(outlet.clone()),
            url: None,
        });
        let mention = |s: usize| mention(&id, outlet.clone(), day, s);
        if let Some(o) = copy_of {
            let original = format!("doc{o:06}");
            let copied: Vec<Located> = events
                .iter()
                .filter(|e| e.mention.doc == original)
                .map(|e| Located {
                    event: e.event.clone(),
                    mention: mention(e.event.evidence.sentence),
                })
                .collect();
            events.extend(copied);
            links.push((original, id.clone()));
            continue;
        }
        for s in 0..1 + rng.next(4) {
            // Half the events among five busy dyads (as news is skewed):
            // their blocks grow with the corpus.
            let (a, b) = if rng.next(2) == 0 {
                HOT[rng.next(HOT.len())]
            } else {
                (
                    COUNTRIES[rng.next(COUNTRIES.len())],
                    COUNTRIES[rng.next(COUNTRIES.len())],
                )
            };
            let on = day.checked_sub((rng.next(3) as i64).days()).unwrap();
            let date = if rng.next(5) == 0 {
                DateRange::unknown()
            } else {
                DateRange::day(on)
            };
            events.push(Located {
                event: coded(a, b, CODES[rng.next(CODES.len())], date, s),
                mention: mention(s),
            });
        }
    }
    let dups = NearDuplicates::new(links.iter().map(|(a, b)| (a.as_str(), b.as_str())));
    Corpus { docs, events, dups }
}

/// Merging every event, and grouping every story, from scratch.
#[divan::bench(args = [1_000, 10_000, 30_000, 100_000], sample_count = 10)]
fn from_scratch(b: Bencher, articles: usize) {
    let c = corpus(articles);
    b.counter(ItemsCount::new(articles))
        .with_inputs(|| c.events.clone())
        .bench_local_values(|events| {
            let merged = consolidate(events, &c.dups);
            divan::black_box(stories(&c.docs, &merged.events, &c.dups))
        });
}

/// Adding the last ten articles to a consolidation kept for the others.
#[divan::bench(args = [1_000, 10_000], sample_count = 10)]
fn add_ten(b: Bencher, articles: usize) {
    let c = corpus(articles);
    let old_docs = &c.docs[..articles - 10];
    let new_ids: std::collections::BTreeSet<&str> = c.docs[articles - 10..]
        .iter()
        .map(|d| d.id.as_str())
        .collect();
    let is_new = |e: &Located| new_ids.contains(e.mention.doc.as_str());
    let old_events: Vec<Located> = c.events.iter().filter(|e| !is_new(e)).cloned().collect();
    let first = regroup(old_events, &[], &c.dups, Default::default());
    let mut kept: Vec<Option<KeptGroup>> = vec![None; first.relabels.len()];
    for x in &first.relabels {
        kept[x.index] = Some(KeptGroup {
            block: x.block.clone(),
            group: x.group.clone(),
        });
    }
    let kept_stories = update(
        old_docs,
        &first.consolidated.events,
        &c.dups,
        &c.dups,
        &first.consolidated.kept_stories.clone().unwrap(),
    );
    let story_of: std::collections::BTreeMap<String, String> =
        kept_stories.changed.into_iter().collect();
    // The kept events first (in the order they were labelled), then the
    // new ones, without labels.
    let mut events: Vec<Located> = c.events.iter().filter(|e| !is_new(e)).cloned().collect();
    events.extend(c.events.iter().filter(|e| is_new(e)).cloned());
    b.counter(ItemsCount::new(10usize))
        .with_inputs(|| (events.clone(), story_of.clone()))
        .bench_local_values(|(events, story_of)| {
            let r = regroup(events, &kept, &c.dups, story_of);
            let k = r.consolidated.kept_stories.clone().unwrap();
            divan::black_box(update(
                &c.docs,
                &r.consolidated.events,
                &c.dups,
                &c.dups,
                &k,
            ))
        });
}

/// [`from_scratch`] with duplication as `scripts/make_corpus.py` makes it
/// and the store keeps it: article *i* shares its text with every article
/// *j* ≡ *i* mod 231, so the near-duplicate clusters are the 231 residues
/// (read from the store as one row per article; as pairs they were
/// n²/462 links).
#[divan::bench(args = [10_000, 30_000, 100_000], sample_count = 5)]
fn syndicated(b: Bencher, articles: usize) {
    let c = corpus(articles);
    let mut clusters: Vec<Vec<&str>> = vec![Vec::new(); 231];
    for (i, d) in c.docs.iter().enumerate() {
        clusters[i % 231].push(d.id.as_str());
    }
    let dups = NearDuplicates::from_clusters(clusters);
    b.counter(ItemsCount::new(articles))
        .with_inputs(|| c.events.clone())
        .bench_local_values(|events| {
            let merged = consolidate(events, &dups);
            divan::black_box(stories(&c.docs, &merged.events, &dups))
        });
}

/// One article reporting four events of one dyad (two the same happening
/// on one day, one refining their code, one a day later), copied k times
/// on one day, as a wire story is: one block of 4k events, whose pairs
/// `join_closest` must not hold (3,000 copies held 72 million). Grouping
/// only (`group_indices`): the stories of k copies are one cluster.
#[divan::bench(args = [1_000, 3_000, 6_000], sample_count = 5)]
fn one_story_copied(b: Bencher, copies: usize) {
    let day = date(2026, 1, 30);
    let template = [
        ("042", day),
        ("042", day),
        ("0421", day),
        ("042", day.checked_add(1.days()).unwrap()),
    ];
    let mut events = Vec::with_capacity(copies * template.len());
    for k in 0..copies {
        let id = format!("copy{k:05}");
        for (s, (code, on)) in template.iter().enumerate() {
            events.push(Located {
                event: coded("UKR", "RUS", code, DateRange::day(*on), s),
                mention: mention(&id, format!("outlet{k}"), day, s),
            });
        }
    }
    b.counter(ItemsCount::new(copies))
        .bench_local(|| divan::black_box(group_indices(&events)));
}

/// A year of daily reports of one dyad (`per_day` events a day, codes
/// that refine each other or not) and one event dated only by its year
/// ("in 2026"): one block whose members overlap by day, and one member
/// that overlaps them all, which must not widen every member's search.
#[divan::bench(args = [5, 20], sample_count = 5)]
fn year_of_daily_reports(b: Bencher, per_day: usize) {
    let first = date(2026, 1, 1);
    let mut events = Vec::new();
    let located = |k: usize, code: &str, range: DateRange| Located {
        event: coded("RUS", "UKR", code, range, 0),
        mention: mention(
            &format!("doc{k:06}"),
            format!("outlet{}", k % 40),
            range.start.unwrap_or(first),
            0,
        ),
    };
    for day in 0..365 {
        let on = first.checked_add((day as i64).days()).unwrap();
        for n in 0..per_day {
            let code = ["190", "193", "1951", "195"][n % 4];
            events.push(located(events.len(), code, DateRange::day(on)));
        }
    }
    let year = DateRange {
        start: Some(first),
        end: Some(date(2026, 12, 31)),
        precision: DatePrecision::Year,
        approximate: false,
    };
    events.push(located(events.len(), "190", year));
    b.counter(ItemsCount::new(events.len()))
        .bench_local(|| divan::black_box(group_indices(&events)));
}
