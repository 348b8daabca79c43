//! Tests for event merging.

use chronicler_consolidate::{actor_key, merge, source_of, Located};
use chronicler_core::*;
use jiff::civil::{date, Date};

fn person(slug: &str, name: &str, country: &str) -> Actor {
    Actor {
        entity: format!("person:{slug}"),
        name: name.into(),
        code: format!("{country}GOV"),
        country: Some(country.into()),
        role: Some("GOV".into()),
        kind: ActorKind::Person,
    }
}

fn zelenskyy() -> Actor {
    person("volodymyr-zelenskyy", "Volodymyr Zelenskyy", "UKR")
}

fn putin() -> Actor {
    person("vladimir-putin", "Vladimir Putin", "RUS")
}

fn erdogan() -> Actor {
    person("recep-tayyip-erdogan", "Recep Tayyip Erdoğan", "TUR")
}

/// A builder for one located event.
#[derive(Clone)]
struct B {
    loc: Located,
}

impl B {
    fn new(cameo: &str, doc: &str, start: usize) -> B {
        let sentence = format!("sentence of {doc} at {start}");
        B {
            loc: Located {
                event: CodedEvent {
                    source: Some(zelenskyy()),
                    target: Some(putin()),
                    cameo: cameo.into(),
                    status: Status::Occurred,
                    date: DateRange::unknown(),
                    location: None,
                    quantities: vec![],
                    symmetric: false,
                    evidence: Evidence {
                        sentence: start / 100,
                        sentence_span: Span::new(start, start + 50),
                        trigger: Span::new(start + 10, start + 17),
                        date_from: Default::default(),
                    },
                    confidence: 0.5,
                    rule: format!("rule-{cameo}"),
                },
                mention: EventMention {
                    doc: doc.into(),
                    path: format!("in/{doc}.txt"),
                    url: Some(format!("https://www.{doc}.example.com/news/1")),
                    outlet: Some(format!("Outlet {doc}")),
                    published: Some("2025-05-12".into()),
                    sentence,
                    start,
                    end: start + 50,
                },
            },
        }
    }
    fn on(mut self, d: Date) -> B {
        self.loc.event.date = DateRange::day(d);
        self
    }
    fn range(mut self, a: Date, b: Date, p: DatePrecision) -> B {
        self.loc.event.date = DateRange {
            start: Some(a),
            end: Some(b),
            precision: p,
            ..Default::default()
        };
        self
    }
    fn status(mut self, s: Status) -> B {
        self.loc.event.status = s;
        self
    }
    fn actors(mut self, s: Option<Actor>, t: Option<Actor>) -> B {
        self.loc.event.source = s;
        self.loc.event.target = t;
        self
    }
    fn symmetric(mut self) -> B {
        self.loc.event.symmetric = true;
        self
    }
    fn confidence(mut self, c: f32) -> B {
        self.loc.event.confidence = c;
        self
    }
    fn outlet(mut self, o: Option<&str>, url: Option<&str>) -> B {
        self.loc.mention.outlet = o.map(str::to_string);
        self.loc.mention.url = url.map(str::to_string);
        self
    }
    fn done(self) -> Located {
        self.loc
    }
}

fn d(day: i8) -> Date {
    date(2025, 5, day)
}

fn groups(merged: &[MergedEvent]) -> Vec<Vec<(String, usize)>> {
    merged
        .iter()
        .map(|m| {
            m.mentions
                .iter()
                .map(|x| (x.doc.clone(), x.start))
                .collect()
        })
        .collect()
}

#[test]
fn empty_input_gives_nothing() {
    assert!(merge(vec![]).is_empty());
}

#[test]
fn the_same_event_in_two_articles_is_one_event() {
    let merged = merge(vec![
        B::new("036", "b", 0).on(d(15)).done(),
        B::new("036", "a", 200).on(d(15)).done(),
    ]);
    assert_eq!(merged.len(), 1);
    let m = &merged[0];
    assert_eq!(m.num_articles, 2);
    assert_eq!(m.num_sources, 2);
    assert_eq!(
        groups(&merged),
        vec![vec![("a".to_string(), 200), ("b".to_string(), 0)]]
    );
    assert_eq!(m.id.len(), 16);
    assert!(m.id.chars().all(|c| c.is_ascii_hexdigit()));
}

#[test]
fn zelenskyy_and_kyiv_share_an_actor_key() {
    let kyiv = Actor {
        entity: "state:UKR".into(),
        name: "Ukraine".into(),
        code: "UKRGOV".into(),
        country: Some("UKR".into()),
        role: Some("GOV".into()),
        kind: ActorKind::State,
    };
    assert_eq!(actor_key(Some(&kyiv)), actor_key(Some(&zelenskyy())));
    assert_eq!(actor_key(Some(&zelenskyy())), "UKR:UKRGOV");
    assert_ne!(actor_key(Some(&putin())), actor_key(Some(&zelenskyy())));
    assert_eq!(actor_key(None), "");
    let merged = merge(vec![
        B::new("036", "a", 0).on(d(15)).done(),
        B::new("036", "b", 0)
            .on(d(15))
            .actors(Some(kyiv), Some(putin()))
            .done(),
    ]);
    assert_eq!(merged.len(), 1);
}

#[test]
fn scheduled_and_occurred_do_not_merge() {
    let merged = merge(vec![
        B::new("043", "a", 0)
            .on(d(15))
            .status(Status::Scheduled)
            .done(),
        B::new("043", "b", 0)
            .on(d(15))
            .status(Status::Occurred)
            .done(),
    ]);
    assert_eq!(merged.len(), 2);
}

#[test]
fn different_or_swapped_actors_do_not_merge_unless_symmetric() {
    let other_target = merge(vec![
        B::new("036", "a", 0).on(d(15)).done(),
        B::new("036", "b", 0)
            .on(d(15))
            .actors(Some(zelenskyy()), Some(erdogan()))
            .done(),
    ]);
    assert_eq!(other_target.len(), 2);

    let missing_source = merge(vec![
        B::new("036", "a", 0).on(d(15)).done(),
        B::new("036", "b", 0)
            .on(d(15))
            .actors(None, Some(putin()))
            .done(),
    ]);
    assert_eq!(missing_source.len(), 2);

    let swapped = merge(vec![
        B::new("036", "a", 0).on(d(15)).done(),
        B::new("036", "b", 0)
            .on(d(15))
            .actors(Some(putin()), Some(zelenskyy()))
            .done(),
    ]);
    assert_eq!(swapped.len(), 2);

    let symmetric = merge(vec![
        B::new("043", "a", 0).on(d(15)).symmetric().done(),
        B::new("043", "b", 0)
            .on(d(15))
            .actors(Some(putin()), Some(zelenskyy()))
            .symmetric()
            .done(),
    ]);
    assert_eq!(symmetric.len(), 1);
    assert_eq!(symmetric[0].num_articles, 2);
}

#[test]
fn a_code_merges_with_its_refinement_not_with_a_sibling() {
    let merged = merge(vec![
        B::new("04", "a", 0).on(d(15)).confidence(0.9).done(),
        B::new("042", "b", 0).on(d(15)).confidence(0.1).done(),
    ]);
    assert_eq!(merged.len(), 1);
    assert_eq!(
        merged[0].event.cameo, "042",
        "most specific code represents"
    );

    let siblings = merge(vec![
        B::new("042", "a", 0).on(d(15)).done(),
        B::new("043", "b", 0).on(d(15)).done(),
    ]);
    assert_eq!(siblings.len(), 2);

    let other_root = merge(vec![
        B::new("036", "a", 0).on(d(15)).done(),
        B::new("0361", "b", 0).on(d(15)).done(),
        B::new("04", "c", 0).on(d(15)).done(),
    ]);
    assert_eq!(other_root.len(), 2);
}

#[test]
fn dates_merge_with_one_day_of_slack() {
    let next_day = merge(vec![
        B::new("036", "a", 0).on(d(15)).done(),
        B::new("036", "b", 0).on(d(16)).done(),
    ]);
    assert_eq!(next_day.len(), 1);

    let two_days = merge(vec![
        B::new("036", "a", 0).on(d(15)).done(),
        B::new("036", "b", 0).on(d(17)).done(),
    ]);
    assert_eq!(two_days.len(), 2);

    let in_range = merge(vec![
        B::new("036", "a", 0)
            .range(d(1), d(31), DatePrecision::Month)
            .done(),
        B::new("036", "b", 0).on(d(17)).done(),
    ]);
    assert_eq!(in_range.len(), 1);
    assert_eq!(
        in_range[0].event.date,
        DateRange::day(d(17)),
        "most precise date represents"
    );
}

#[test]
fn dated_and_undated_merge_only_with_the_same_code() {
    let same_code = merge(vec![
        B::new("036", "a", 0).on(d(15)).done(),
        B::new("036", "b", 0).done(),
    ]);
    assert_eq!(same_code.len(), 1);
    assert_eq!(same_code[0].event.date.start, Some(d(15)));

    let refined = merge(vec![
        B::new("036", "a", 0).on(d(15)).done(),
        B::new("0361", "b", 0).done(),
    ]);
    assert_eq!(refined.len(), 2);

    let both_undated = merge(vec![
        B::new("036", "a", 0).done(),
        B::new("0361", "b", 0).done(),
    ]);
    assert_eq!(both_undated.len(), 1);
}

#[test]
fn an_undated_event_does_not_chain_two_dated_ones() {
    let merged = merge(vec![
        B::new("036", "a", 0).on(d(1)).done(),
        B::new("036", "b", 0).on(d(20)).done(),
        B::new("036", "c", 0).done(),
    ]);
    assert_eq!(merged.len(), 3);
    // Dated first, by date; unknown last.
    assert_eq!(merged[0].event.date.start, Some(d(1)));
    assert_eq!(merged[1].event.date.start, Some(d(20)));
    assert_eq!(merged[2].event.date.start, None);
}

#[test]
fn the_representative_is_the_most_confident_among_equals() {
    let merged = merge(vec![
        B::new("036", "a", 0).on(d(15)).confidence(0.4).done(),
        B::new("036", "b", 0).on(d(15)).confidence(0.9).done(),
        B::new("036", "c", 0).on(d(15)).confidence(0.9).done(),
    ]);
    assert_eq!(merged.len(), 1);
    assert_eq!(merged[0].event.confidence, 0.9);
    assert_eq!(merged[0].event.rule, "rule-036");
}

#[test]
fn sources_fall_back_to_url_host_then_document() {
    let merged = merge(vec![
        B::new("036", "a", 0)
            .on(d(15))
            .outlet(Some("Reuters"), None)
            .done(),
        B::new("036", "b", 0)
            .on(d(15))
            .outlet(Some(" reuters "), None)
            .done(),
        B::new("036", "c", 0)
            .on(d(15))
            .outlet(None, Some("https://www.bbc.com/news/1"))
            .done(),
        B::new("036", "d", 0)
            .on(d(15))
            .outlet(None, Some("http://bbc.com:80/x"))
            .done(),
        B::new("036", "e", 0).on(d(15)).outlet(None, None).done(),
        B::new("036", "f", 0)
            .on(d(15))
            .outlet(Some(""), Some(""))
            .done(),
    ]);
    assert_eq!(merged.len(), 1);
    assert_eq!(merged[0].num_articles, 6);
    // reuters, bbc.com, doc:e, doc:f
    assert_eq!(merged[0].num_sources, 4);
    let c = &merged[0].mentions[2];
    assert_eq!(source_of(c), "bbc.com");
}

#[test]
fn one_article_reporting_twice_counts_once() {
    let merged = merge(vec![
        B::new("036", "a", 0).on(d(15)).done(),
        B::new("036", "a", 300).on(d(15)).done(),
        B::new("0361", "a", 300).on(d(15)).done(),
    ]);
    assert_eq!(merged.len(), 1);
    assert_eq!(merged[0].num_articles, 1);
    assert_eq!(merged[0].num_sources, 1);
    // The sentence coded twice is listed once.
    assert_eq!(
        groups(&merged),
        vec![vec![("a".to_string(), 0), ("a".to_string(), 300)]]
    );
    assert_eq!(merged[0].event.cameo, "0361");
}

#[test]
fn output_is_ordered_by_date_then_code_then_id() {
    let merged = merge(vec![
        B::new("190", "a", 0).done(),
        B::new("036", "b", 0).on(d(20)).done(),
        B::new("043", "c", 0).on(d(3)).done(),
        B::new("042", "d", 0).on(d(3)).done(),
        B::new("112", "e", 0).done(),
    ]);
    let codes: Vec<&str> = merged.iter().map(|m| m.event.cameo.as_str()).collect();
    assert_eq!(codes, ["042", "043", "036", "112", "190"]);
    let ids: std::collections::BTreeSet<&str> = merged.iter().map(|m| m.id.as_str()).collect();
    assert_eq!(ids.len(), merged.len(), "ids are unique");
}

fn rich_input() -> Vec<Located> {
    vec![
        B::new("036", "a", 0).on(d(15)).done(),
        B::new("036", "b", 100).on(d(16)).confidence(0.7).done(),
        B::new("036", "c", 0).done(),
        B::new("0361", "c", 0).done(),
        B::new("04", "a", 300).on(d(15)).done(),
        B::new("042", "d", 0).on(d(15)).done(),
        B::new("043", "e", 0).on(d(15)).done(),
        B::new("043", "f", 0)
            .on(d(15))
            .actors(Some(putin()), Some(zelenskyy()))
            .symmetric()
            .done(),
        B::new("043", "g", 0)
            .on(d(15))
            .status(Status::Scheduled)
            .done(),
        B::new("190", "a", 500)
            .range(d(1), d(31), DatePrecision::Month)
            .done(),
        B::new("190", "b", 500).on(d(10)).done(),
        B::new("190", "h", 0).on(d(28)).done(),
        B::new("112", "h", 100).actors(None, Some(putin())).done(),
        B::new("112", "i", 100)
            .actors(None, Some(putin()))
            .outlet(None, None)
            .done(),
        B::new("036", "j", 0)
            .on(d(1))
            .actors(Some(erdogan()), Some(putin()))
            .done(),
    ]
}

/// A small deterministic shuffle (xorshift), to avoid a dev-dependency.
fn shuffled(mut v: Vec<Located>, seed: u64) -> Vec<Located> {
    let mut s = seed.max(1);
    for i in (1..v.len()).rev() {
        s ^= s << 13;
        s ^= s >> 7;
        s ^= s << 17;
        let j = (s % (i as u64 + 1)) as usize;
        v.swap(i, j);
    }
    v
}

#[test]
fn merging_is_independent_of_input_order() {
    let input = rich_input();
    let reference = merge(input.clone());
    assert!(
        reference.len() > 3 && reference.len() < input.len(),
        "{}",
        reference.len()
    );

    let mut reversed = input.clone();
    reversed.reverse();
    assert_eq!(merge(reversed), reference);
    for k in 1..input.len() {
        let mut rotated = input.clone();
        rotated.rotate_left(k);
        assert_eq!(merge(rotated), reference, "rotation {k}");
    }
    for seed in 1..50 {
        assert_eq!(
            merge(shuffled(input.clone(), seed)),
            reference,
            "seed {seed}"
        );
    }
}

#[test]
fn every_permutation_of_a_small_input_gives_the_same_output() {
    let input: Vec<Located> = vec![
        B::new("036", "a", 0).on(d(15)).done(),
        B::new("036", "b", 0).done(),
        B::new("036", "c", 0).on(d(16)).done(),
        B::new("0361", "d", 0).on(d(16)).done(),
        B::new("036", "e", 0).on(d(17)).done(),
        B::new("036", "f", 0).on(d(18)).done(),
    ];
    let reference = merge(input.clone());
    // Heap's algorithm.
    let mut v = input;
    let n = v.len();
    let mut c = vec![0usize; n];
    let mut i = 0;
    let mut count = 1;
    while i < n {
        if c[i] < i {
            if i % 2 == 0 {
                v.swap(0, i);
            } else {
                v.swap(c[i], i);
            }
            assert_eq!(merge(v.clone()), reference);
            count += 1;
            c[i] += 1;
            i = 0;
        } else {
            c[i] = 0;
            i += 1;
        }
    }
    assert_eq!(count, 720);
}

#[test]
fn ids_are_stable_and_distinct() {
    let a = merge(rich_input());
    let b = merge(rich_input());
    let ids_a: Vec<&str> = a.iter().map(|m| m.id.as_str()).collect();
    let ids_b: Vec<&str> = b.iter().map(|m| m.id.as_str()).collect();
    assert_eq!(ids_a, ids_b);
    let distinct: std::collections::BTreeSet<&str> = ids_a.iter().copied().collect();
    assert_eq!(distinct.len(), ids_a.len());

    // A merged event's id does not change when an unrelated event is added.
    let base = merge(vec![B::new("036", "a", 0).on(d(15)).done()]);
    let more = merge(vec![
        B::new("036", "a", 0).on(d(15)).done(),
        B::new("190", "z", 0).on(d(2)).done(),
    ]);
    assert!(more.iter().any(|m| m.id == base[0].id));
}

#[test]
fn daily_events_do_not_chain_into_one() {
    let merged = merge(
        (10..20)
            .map(|day| B::new("190", &format!("doc{day}"), 0).on(d(day)).done())
            .collect(),
    );
    assert!(merged.len() >= 5, "{}", merged.len());
    for m in &merged {
        let days: Vec<Date> = m
            .mentions
            .iter()
            .map(|x| {
                let n: i8 = x.doc.trim_start_matches("doc").parse().expect("day");
                d(n)
            })
            .collect();
        let (lo, hi) = (days.iter().min().copied(), days.iter().max().copied());
        if let (Some(lo), Some(hi)) = (lo, hi) {
            assert!(hi <= lo.tomorrow().expect("day"), "{lo} .. {hi}");
        }
    }
}

#[test]
fn a_generic_code_does_not_join_two_siblings() {
    let merged = merge(vec![
        B::new("04", "a", 0).on(d(15)).done(),
        B::new("042", "b", 0).on(d(15)).done(),
        B::new("043", "c", 0).on(d(15)).done(),
    ]);
    assert_eq!(merged.len(), 2);
    for m in &merged {
        let docs: Vec<&str> = m.mentions.iter().map(|x| x.doc.as_str()).collect();
        assert!(!(docs.contains(&"b") && docs.contains(&"c")), "{docs:?}");
    }
}

#[test]
fn a_symmetric_report_does_not_join_two_orientations() {
    let merged = merge(vec![
        B::new("036", "a", 0).on(d(15)).done(),
        B::new("036", "b", 0).on(d(15)).symmetric().done(),
        B::new("036", "c", 0)
            .on(d(15))
            .actors(Some(putin()), Some(zelenskyy()))
            .done(),
    ]);
    assert_eq!(merged.len(), 2);
}

#[test]
fn a_month_range_joins_only_one_of_two_distant_days() {
    let merged = merge(vec![
        B::new("190", "a", 0)
            .range(d(1), d(31), DatePrecision::Month)
            .done(),
        B::new("190", "b", 0).on(d(10)).done(),
        B::new("190", "c", 0).on(d(28)).done(),
    ]);
    assert_eq!(merged.len(), 2);
}

#[test]
fn an_undated_event_joins_the_only_dated_group_that_fits() {
    let merged = merge(vec![
        B::new("036", "a", 0).on(d(1)).done(),
        B::new("042", "b", 0).on(d(20)).done(),
        B::new("036", "c", 0).done(),
        B::new("036", "d", 0).done(),
    ]);
    assert_eq!(merged.len(), 2);
    assert_eq!(
        groups(&merged)[0],
        vec![
            ("a".to_string(), 0),
            ("c".to_string(), 0),
            ("d".to_string(), 0)
        ]
    );
}

#[test]
fn the_same_act_of_two_people_of_one_code_on_next_days_is_two_events() {
    let lekhak = person("ramesh-lekhak", "Ramesh Lekhak", "NPL");
    let oli = person("kp-sharma-oli", "K. P. Sharma Oli", "NPL");
    let nepal = Actor {
        entity: "state:NPL".into(),
        name: "NPL".into(),
        code: "NPL".into(),
        country: Some("NPL".into()),
        role: None,
        kind: ActorKind::State,
    };
    let merged = merge(vec![
        B::new("0831", "a", 0)
            .actors(Some(lekhak.clone()), Some(nepal.clone()))
            .on(d(8))
            .done(),
        B::new("0831", "a", 300)
            .actors(Some(oli), Some(nepal.clone()))
            .on(d(9))
            .done(),
        // the same person told again is the same resignation
        B::new("0831", "b", 0)
            .actors(Some(lekhak), Some(nepal))
            .on(d(8))
            .done(),
    ]);
    assert_eq!(
        groups(&merged),
        [
            vec![("a".to_string(), 0), ("b".to_string(), 0)],
            vec![("a".to_string(), 300)]
        ]
    );
}
