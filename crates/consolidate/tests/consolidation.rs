//! Near duplicates, independent sources, disagreements and stories.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use chronicler_consolidate::conflicts::disagreements;
use chronicler_consolidate::stories::{stories, StoryDoc};
use chronicler_consolidate::{consolidate, Located, NearDuplicates};
use chronicler_core::*;
use common::actor;
use jiff::civil::{date, Date};

fn ev(doc: &str, outlet: Option<&str>, cameo: &str, day: Option<Date>) -> Located {
    Located {
        event: CodedEvent {
            source: Some(actor("RUS")),
            target: Some(actor("UKR")),
            cameo: cameo.into(),
            status: Status::Occurred,
            date: day.map_or_else(DateRange::unknown, DateRange::day),
            location: None,
            quantities: vec![],
            symmetric: false,
            evidence: Evidence {
                sentence: 0,
                sentence_span: Span::new(0, 40),
                trigger: Span::new(10, 17),
                date_from: Default::default(),
            },
            confidence: 0.8,
            rule: "r".into(),
        },
        mention: EventMention {
            doc: doc.into(),
            path: format!("{doc}.txt"),
            url: None,
            outlet: outlet.map(str::to_string),
            published: Some("2026-01-30".into()),
            sentence: format!("sentence of {doc}"),
            start: 0,
            end: 40,
        },
    }
}

fn qty(mut l: Located, value: f64, text: &str, unit: &str) -> Located {
    l.event.quantities.push(Quantity {
        sentence: 0,
        span: Span::new(0, 1),
        value,
        unit: unit.into(),
        text: text.into(),
        ..Default::default()
    });
    l
}

#[test]
fn a_syndicated_copy_does_not_count_as_a_second_source() {
    let day = Some(date(2026, 1, 30));
    let events = vec![
        ev("wire", Some("Reuters"), "0841", day),
        ev("copy", Some("Daily Paper"), "0841", day),
        ev("own", Some("Kyiv Independent"), "0841", day),
    ];
    let plain = consolidate(events.clone(), &NearDuplicates::default());
    assert_eq!(plain.events.len(), 1);
    assert_eq!(plain.events[0].num_sources, 3);
    let dups = NearDuplicates::new([("copy", "wire")]);
    let linked = consolidate(events, &dups);
    assert_eq!(linked.events[0].num_sources, 2);
    assert_eq!(linked.events[0].num_articles, 3);
    assert_eq!(linked.members[0].len(), 3);
}

/// Links are kept as clusters: an article, its update and the update's
/// copy are one source even though the article and the copy were not
/// linked themselves (transitivity, see `NearDuplicates`).
#[test]
fn near_duplicates_are_clusters_and_links_are_transitive() {
    let dups = NearDuplicates::new([("update", "wire"), ("copy", "update"), ("y", "x")]);
    assert!(dups.linked("wire", "copy"));
    assert!(!dups.linked("wire", "x"));
    assert!(!dups.linked("wire", "wire"));
    let owned = |c: &[&str]| -> Vec<String> { c.iter().map(|s| s.to_string()).collect() };
    assert_eq!(
        dups.clusters(),
        &[owned(&["copy", "update", "wire"]), owned(&["x", "y"])]
    );
    assert_eq!(dups.of("update").collect::<Vec<_>>(), ["copy", "wire"]);
    // Clusters as a store keeps them give the same, whatever their order;
    // clusters sharing a document are one, single documents none.
    let kept = NearDuplicates::from_clusters([
        vec!["y", "x"],
        vec!["wire", "update"],
        vec!["copy", "update"],
        vec!["alone"],
    ]);
    assert_eq!(kept, dups);
    // Clusters sharing no document, as a store keeps them, are taken as
    // they are (the documents of each sorted, single documents dropped).
    let disjoint = NearDuplicates::from_clusters([
        vec!["y", "x"],
        vec!["wire", "copy", "update"],
        vec!["alone"],
    ]);
    assert_eq!(disjoint, dups);
    assert_eq!(
        NearDuplicates::from_clusters([vec!["x", "x"], vec!["y"]]),
        NearDuplicates::default()
    );

    let day = Some(date(2026, 1, 30));
    let merged = consolidate(
        vec![
            ev("wire", Some("Reuters"), "0841", day),
            ev("copy", Some("Daily Paper"), "0841", day),
            ev("x", Some("Kyiv Independent"), "0841", day),
            ev("y", Some("Kyiv Post"), "0841", day),
            ev("own", Some("Meduza"), "0841", day),
        ],
        &dups,
    );
    assert_eq!(merged.events[0].num_articles, 5);
    assert_eq!(merged.events[0].num_sources, 3);
}

#[test]
fn a_document_without_outlet_counts_as_its_own_source() {
    let day = Some(date(2026, 1, 30));
    let c = consolidate(
        vec![
            ev("a", Some("MBN360 News"), "036", day),
            ev("b", None, "036", day),
        ],
        &NearDuplicates::default(),
    );
    assert_eq!(c.events[0].num_sources, 2);
}

#[test]
fn different_counts_dates_and_places_are_disagreements_between_documents() {
    let day = Some(date(2026, 1, 29));
    let a = qty(ev("a", Some("A"), "0841", day), 1000.0, "1,000", "bodies");
    let b = qty(
        ev("b", Some("B"), "0841", Some(date(2026, 1, 28))),
        1200.0,
        "1,200",
        "bodies",
    );
    let c = qty(ev("c", Some("C"), "0841", day), 1000.0, "1000", "bodies");
    let merged = consolidate(vec![a, b, c], &NearDuplicates::default());
    assert_eq!(merged.events.len(), 1, "one repatriation");
    let d = disagreements(&merged.members[0], &merged.near_duplicates);
    let fields: Vec<&str> = d.iter().map(|d| d.field.as_str()).collect();
    assert_eq!(fields, ["date", "count:body"]);
    let count = &d[1];
    assert_eq!(count.claims.len(), 2, "1,000 and 1000 agree: {count:?}");
    let thousand = count
        .claims
        .iter()
        .find(|c| c.value.starts_with("1,000") || c.value.starts_with("1000"))
        .unwrap();
    assert_eq!(thousand.docs, ["a", "c"]);
    let twelve = count
        .claims
        .iter()
        .find(|c| c.value.starts_with("1,200"))
        .unwrap();
    assert_eq!(twelve.sources, ["b"]);
}

#[test]
fn agreeing_reports_and_one_document_are_not_disagreements() {
    let day = Some(date(2026, 1, 30));
    let mut a = ev("a", Some("A"), "0841", day);
    a.event.location = Some(Place {
        name: "Kyiv".into(),
        country: Some("UKR".into()),
        lat: None,
        lon: None,
        kind: "capital".into(),
        ..Default::default()
    });
    let mut b = ev("b", Some("B"), "0841", day);
    b.event.location = Some(Place {
        name: "Ukraine".into(),
        country: Some("UKR".into()),
        lat: None,
        lon: None,
        kind: "country".into(),
        ..Default::default()
    });
    let merged = consolidate(vec![a, b], &NearDuplicates::default());
    assert!(disagreements(&merged.members[0], &merged.near_duplicates).is_empty());
    // Two counts in one document only.
    let one = vec![
        qty(ev("a", Some("A"), "0841", day), 5.0, "5", "soldiers"),
        {
            let mut x = qty(ev("a", Some("A"), "0841", day), 7.0, "7", "soldiers");
            x.mention.start = 100;
            x.mention.end = 140;
            x
        },
    ];
    let merged = consolidate(one, &NearDuplicates::default());
    assert!(disagreements(&merged.members[0], &merged.near_duplicates).is_empty());
}

fn doc(id: &str, day: i8, title: &str) -> StoryDoc {
    StoryDoc {
        id: id.into(),
        title: Some(title.into()),
        published: date(2026, 1, day),
        outlet: Some(format!("Outlet {id}")),
        url: None,
    }
}

#[test]
fn stories_group_documents_by_shared_events_within_a_window_whatever_the_order() {
    let talks = Some(date(2026, 1, 23));
    let mut events = vec![
        ev("a", Some("Outlet a"), "0311", talks),
        ev("b", Some("Outlet b"), "0311", talks),
        ev("late", Some("Outlet late"), "0311", talks),
    ];
    let mut other = ev("c", Some("Outlet c"), "190", Some(date(2026, 1, 20)));
    other.event.source = Some(actor("SDN"));
    events.push(other);
    let docs = vec![
        doc("a", 24, "Talks in Abu Dhabi end"),
        doc("b", 25, "Abu Dhabi talks inconclusive"),
        doc("late", 29, "Weeks later, a look back"),
        doc("c", 20, "Fighting in Khartoum"),
        doc("wire-copy", 26, "Abu Dhabi talks inconclusive (copy)"),
    ];
    let dups = NearDuplicates::new([("b", "wire-copy")]);
    let merged = consolidate(events.clone(), &dups);
    let s = stories(&docs, &merged.events, &dups);
    let sets: Vec<Vec<String>> = s.iter().map(|s| s.documents.clone()).collect();
    assert_eq!(
        sets,
        vec![
            vec!["c".to_string()],
            vec!["a".into(), "b".into(), "wire-copy".into()],
            vec!["late".to_string()],
        ]
    );
    let talks_story = &s[1];
    assert_eq!(talks_story.title, "Talks in Abu Dhabi end");
    assert_eq!(talks_story.start, "2026-01-23");
    assert_eq!(talks_story.end, "2026-01-26");
    assert_eq!(
        talks_story.num_sources, 2,
        "the copy counts with its original"
    );
    assert_eq!(talks_story.events.len(), 1);

    // Same set, other orders: same stories.
    let mut rev_docs = docs.clone();
    rev_docs.reverse();
    let mut rev_events = events;
    rev_events.reverse();
    let merged2 = consolidate(rev_events, &NearDuplicates::new([("wire-copy", "b")]));
    assert_eq!(stories(&rev_docs, &merged2.events, &dups), s);
}

#[test]
fn an_update_differing_from_its_original_is_not_a_disagreement() {
    let a = ev("original", None, "036", Some(date(2026, 1, 28)));
    let b = ev("update", None, "036", Some(date(2026, 1, 29)));
    let dups = NearDuplicates::new([("original", "update")]);
    let merged = consolidate(vec![a.clone(), b.clone()], &dups);
    assert_eq!(merged.events.len(), 1);
    assert_eq!(merged.events[0].num_sources, 1);
    assert!(disagreements(&merged.members[0], &merged.near_duplicates).is_empty());
    // The same two dates from two independent documents disagree.
    let merged = consolidate(vec![a, b], &NearDuplicates::default());
    assert_eq!(
        disagreements(&merged.members[0], &merged.near_duplicates).len(),
        1
    );
}

#[test]
fn related_text_ties_documents_into_a_story_within_the_window_only() {
    use chronicler_consolidate::stories::stories_with;
    // No shared event: a rewrite of a wire story (related text) two days
    // later, and another ten days later; a near duplicate of neither.
    let docs = vec![
        doc("wire", 20, "Talks resume"),
        doc("rewrite", 22, "Talks resume, sides say"),
        doc("late-rewrite", 30, "Talks, ten days on"),
    ];
    let dups = NearDuplicates::default();
    let related = NearDuplicates::new([("wire", "rewrite"), ("wire", "late-rewrite")]);
    let s = stories_with(&docs, &[], &dups, &related);
    let sets: Vec<Vec<String>> = s.iter().map(|s| s.documents.clone()).collect();
    assert_eq!(
        sets,
        vec![
            vec!["wire".to_string(), "rewrite".into()],
            vec!["late-rewrite".to_string()],
        ]
    );
    // Related text is not the same source: two outlets, two sources.
    assert_eq!(s[0].num_sources, 2);
    // Without the links, three stories.
    assert_eq!(stories(&docs, &[], &dups).len(), 3);
}

#[test]
fn daily_news_of_a_war_does_not_chain_into_one_story() {
    use chronicler_consolidate::stories::MAX_SPAN_DAYS;
    // Thirty days; each day's article reports that day's shelling and the
    // day before's, so every article is tied to the next.
    let mut docs = Vec::new();
    let mut events = Vec::new();
    for day in 1..=30i8 {
        let id = format!("day{day:02}");
        docs.push(doc(&id, day, &format!("Shelling, day {day}")));
        for on in [day - 1, day].into_iter().filter(|d| *d >= 1) {
            let mut e = ev(
                &id,
                Some(&format!("Outlet {day}")),
                "190",
                Some(date(2026, 1, on)),
            );
            e.mention.published = Some(date(2026, 1, day).to_string());
            e.mention.start = on as usize;
            events.push(e);
        }
    }
    let dups = NearDuplicates::default();
    let merged = consolidate(events.clone(), &dups);
    let s = stories(&docs, &merged.events, &dups);
    assert!(s.len() >= 30 / (MAX_SPAN_DAYS as usize + 1), "{}", s.len());
    for story in &s {
        let start: Date = story.documents.first().unwrap()[3..]
            .parse::<i8>()
            .map(|d| date(2026, 1, d))
            .unwrap();
        let end: Date = story.documents.last().unwrap()[3..]
            .parse::<i8>()
            .map(|d| date(2026, 1, d))
            .unwrap();
        assert!(
            (end - start).get_days() <= MAX_SPAN_DAYS as i32,
            "{story:?}"
        );
        assert!(
            story.documents.len() > 1,
            "consecutive days still tie: {story:?}"
        );
    }
    // Whatever order the reports come in.
    let mut rev = events;
    rev.reverse();
    let mut rev_docs = docs.clone();
    rev_docs.reverse();
    let merged2 = consolidate(rev, &dups);
    assert_eq!(stories(&rev_docs, &merged2.events, &dups), s);
}

/// Events grouped class by class without holding their pairs join as by
/// the definition (every compatible pair of a block sorted by slack, code
/// gap and order, then joined in turn): random blocks of one dyad's
/// events, with codes that refine each other or not, on days or spans of
/// days that overlap, lie a day apart or further (so that the order of the
/// joins decides some groups), some undated, some the other way round or
/// mutual, and some repeated many times (as a syndicated article's are).
#[test]
fn streamed_joins_group_as_sorted_pairs_do() {
    use chronicler_consolidate::{group_indices, group_indices_by_sorted_pairs};
    let mut state = 0x2545_f491_4f6c_dd1d_u64;
    let mut next = move |n: u64| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state % n
    };
    const CODES: [&str; 6] = ["04", "042", "043", "0431", "046", "19"];
    let mut grouped_apart = 0;
    for round in 0..300 {
        let n = 2 + next(if round % 10 == 0 { 150 } else { 40 }) as usize;
        let mut events: Vec<Located> = (0..n)
            .map(|d| {
                let day = date(2026, 1, 1 + next(12) as i8);
                let undated = next(8) == 0;
                let mut e = ev(
                    &format!("d{d:03}"),
                    None,
                    CODES[next(6) as usize],
                    (!undated).then_some(day),
                );
                if !undated && next(5) == 0 {
                    e.event.date.end = Some(date(2026, 1, 12 + next(18) as i8));
                }
                // The same dyad the other way round, and mutual acts.
                if next(6) == 0 {
                    std::mem::swap(&mut e.event.source, &mut e.event.target);
                }
                e.event.symmetric = next(8) == 0;
                e
            })
            .collect();
        // Copies of a few of them (an article syndicated, its events
        // repeated), sorting before, between and after the originals.
        for copy in 0..next(4) * 10 {
            let mut e = events[next((1 + copy % 3).min(n as u64)) as usize].clone();
            e.mention.doc = format!("{}{copy:03}", ["c", "d050", "e"][next(3) as usize]);
            events.push(e);
        }
        let streamed = group_indices(&events);
        assert_eq!(streamed, group_indices_by_sorted_pairs(&events));
        grouped_apart += usize::from(streamed.len() > 1 && streamed.len() < events.len());
    }
    // The rounds exercise joins that stop at an incompatible group.
    assert!(grouped_apart > 100, "{grouped_apart}");
}
