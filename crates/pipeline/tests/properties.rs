//! Property tests (the fuzz targets, run with proptest so they work on
//! stable Rust and in CI): HTML cleaning, feeds, JSON Lines, date finding,
//! dictionary parsing and the coder, on generated hostile input. Each
//! asserts a property: no panic, every offset inside the text and on a char
//! boundary, cleaning idempotent.
//!
//! CI runs a few dozen cases per target; run longer with
//! `PROPTEST_CASES=5000 cargo test --release -p chronicler-pipeline --test properties`.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests: a failed unwrap is a failed test

use std::sync::OnceLock;

use chronicler_core::{Body, Format, Metadata, RawDocument, Span};
use chronicler_dict::Dictionaries;
use chronicler_pipeline::{Pipeline, PipelineOptions};
use proptest::prelude::*;

fn dicts() -> &'static Dictionaries {
    static D: OnceLock<Dictionaries> = OnceLock::new();
    D.get_or_init(|| Dictionaries::builtin().unwrap())
}

fn pipeline() -> Pipeline<'static> {
    Pipeline::new(dicts(), PipelineOptions::new(jiff::civil::date(2026, 2, 1)))
}

fn config() -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(48);
    ProptestConfig {
        cases,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

/// Pieces of news prose, markup and trouble, joined at random.
const FRAGMENTS: &[&str] = &[
    "Ukraine and Russia held talks in Geneva on Monday.",
    " Zelenskyy met Erdogan in Ankara on 3 March 2026, officials said.",
    " The U.N. Security Council condemned the attack on Kyiv's power grid.",
    " Hamas and Israel agreed a ceasefire on Jan. 19, mediated by Qatar.",
    " Sudan's army said it shelled El Fasher; 1,200 people fled.",
    " Washington’s envoy «will travel» to Riyadh next week — reports say.",
    " On 0000-00-00 and 99999-01-01 and 31 February, nothing happened.",
    " U.", "S.", " Mr. ", " 2026-13-45 ", " yesterday ", " last Tuesday ",
    "<div>", "</div>", "<p>", "</p>", "<article>", "</article>", "<h1>", "</h1>",
    "<script>var a = '<div>';</script>", "<style>p{}</style>", "<!--", "-->",
    "<a href=\"https://example.org/x\">", "</a>", "<br/>", "<img src=x alt='a>b'>",
    "<title>Talks</title>", "<meta property=\"article:published_time\" content=\"2026-02-30\">",
    "<script type=\"application/ld+json\">{\"datePublished\":\"99999-01-01\",\"@graph\":[[[]]]}</script>",
    "&amp;", "&#x1F600;", "&lol;", "&#0;", "é", "’", "\u{200b}", "\u{feff}", "\u{0}", "\r\n", "\n\n",
    "<", ">", "\"", "'", "\t", "🇺🇦", "ß", "İ",
];

fn prose() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            3 => prop::sample::select(FRAGMENTS).prop_map(str::to_string),
            1 => "[ -~éü’—\n]{0,40}",
        ],
        0..40,
    )
    .prop_map(|v| v.concat())
}

fn raw(body: Body) -> RawDocument {
    RawDocument {
        id: "prop".into(),
        path: "prop".into(),
        format: if matches!(body, Body::Html(_)) {
            Format::Html
        } else {
            Format::Text
        },
        meta: Metadata::default(),
        body,
        warnings: Vec::new(),
    }
}

fn on_boundaries(text: &str, span: Span, what: &str) {
    assert!(
        span.start <= span.end && span.end <= text.len(),
        "{what} {span:?} outside {} bytes",
        text.len()
    );
    assert!(
        text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
        "{what} {span:?} not on char boundaries"
    );
}

/// Everything the analysis and the coder point at lies inside the text, on
/// char boundaries.
fn check_processed(body: Body) {
    let Ok((doc, events)) = pipeline().process(raw(body)) else {
        return;
    };
    let text = &doc.doc.text;
    for s in &doc.sentences {
        on_boundaries(text, s.span, "sentence");
    }
    for m in &doc.actors {
        on_boundaries(text, m.span, "actor");
    }
    for m in &doc.places {
        on_boundaries(text, m.span, "place");
    }
    for m in &doc.dates {
        on_boundaries(text, m.span, "date");
    }
    for m in &doc.quantities {
        on_boundaries(text, m.span, "quantity");
    }
    for e in &events {
        on_boundaries(text, e.evidence.sentence_span, "event sentence");
        on_boundaries(text, e.evidence.trigger, "event trigger");
        assert!(e.evidence.sentence < doc.sentences.len());
    }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn html_cleaning_keeps_offsets_and_cleaning_again_alters_nothing(html in prose()) {
        let Ok(clean) = chronicler_clean::clean(raw(Body::Html(html))) else {
            return Ok(());
        };
        prop_assert!(!clean.text.trim().is_empty());
        for seg in &clean.segments {
            on_boundaries(&clean.text, seg.clean, "segment");
            let raw_span = Span::new(seg.raw_start, seg.raw_start + seg.clean.len());
            on_boundaries(&clean.extracted, raw_span, "segment in extracted text");
            prop_assert_eq!(seg.clean.slice(&clean.text), raw_span.slice(&clean.extracted));
        }
        // Cleaning the clean text again as plain text alters nothing and
        // invents nothing: it keeps the page's lines in order, unchanged.
        // (It may drop a line the page's markup vouched for - a heading, a
        // list item, a short paragraph - which plain text cannot show.)
        if let Ok(again) = chronicler_clean::clean(raw(Body::Text(clean.text.clone()))) {
            let mut kept = clean.text.lines();
            for line in again.text.lines() {
                prop_assert!(
                    kept.any(|l| l == line),
                    "line {:?} is not a line of the clean text, in order",
                    line
                );
            }
        }
    }

    #[test]
    fn text_cleaning_is_idempotent(text in prose()) {
        let Ok(clean) = chronicler_clean::clean(raw(Body::Text(text))) else {
            return Ok(());
        };
        let again = chronicler_clean::clean(raw(Body::Text(clean.text.clone())));
        prop_assert_eq!(again.map(|c| c.text), Ok(clean.text));
    }

    #[test]
    fn analysis_and_coding_point_inside_the_text(text in prose(), html in any::<bool>()) {
        check_processed(if html { Body::Html(text) } else { Body::Text(text) });
    }

    #[test]
    fn dates_found_lie_inside_the_text(text in prose(), y in 1i16..9999, m in 1i8..=12, d in 1i8..=28) {
        let anchor = jiff::civil::date(y, m, d);
        for f in chronicler_analyze::dates::find(&text, anchor) {
            on_boundaries(&text, f.span, "date");
        }
    }

    /// Any string in a date field or a URL reads as a date of the years
    /// news is written in, or as none: never a panic.
    #[test]
    fn publication_dates_read_from_any_string_are_plausible(
        text in prose(),
        field in "[ 0-9A-Za-z,:./+-]{0,40}",
    ) {
        for s in [&text, &field] {
            for date in [chronicler_core::parse_published(s), chronicler_core::date_in_url(s)]
                .into_iter()
                .flatten()
            {
                prop_assert!((1800..=9999).contains(&date.year()), "{s:?}: {date}");
            }
        }
    }

    #[test]
    fn feeds_never_panic(items in prop::collection::vec(prose(), 0..4), entity in any::<bool>(), cut in any::<prop::sample::Index>()) {
        let mut xml = String::from("<?xml version=\"1.0\"?>");
        if entity {
            xml.push_str("<!DOCTYPE rss [<!ENTITY e SYSTEM \"file:///etc/passwd\"><!ENTITY l \"lol&l;\">]>");
        }
        xml.push_str("<rss version=\"2.0\"><channel><title>Wire &e;</title>");
        for it in &items {
            xml.push_str(&format!("<item><title>{it}</title><description><![CDATA[{it}]]></description><pubDate>{it}</pubDate></item>"));
        }
        xml.push_str("</channel></rss>");
        // Sometimes cut it anywhere (on a char boundary).
        let mut at = cut.index(xml.len() + 1);
        while !xml.is_char_boundary(at) {
            at -= 1;
        }
        if entity {
            xml.truncate(at);
        }
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("feed.xml");
        std::fs::write(&path, &xml).unwrap();
        let input = chronicler_ingest::Input { path: Some(path), display: "feed.xml".into() };
        let read = chronicler_ingest::read(&input, &chronicler_ingest::IngestOptions::default());
        for doc in read.docs {
            let (Body::Text(t) | Body::Html(t)) = &doc.body;
            prop_assert!(!t.contains("root:"));
            check_processed(doc.body);
        }
    }

    #[test]
    fn json_lines_give_a_document_or_a_problem_per_line(lines in prop::collection::vec(
        prop_oneof![
            prose().prop_map(|t| serde_json::json!({"id": t.clone(), "text": t, "published": "0000-00-00"}).to_string()),
            prose().prop_map(|t| serde_json::json!({"html": t, "url": "https://example.org/a", "date": 99999}).to_string()),
            prose(),
            Just("{\"text\": ".to_string()),
            Just("[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]".to_string()),
        ],
        0..6,
    )) {
        let text = lines.join("\n");
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.jsonl");
        std::fs::write(&path, &text).unwrap();
        let input = chronicler_ingest::Input { path: Some(path), display: "a.jsonl".into() };
        let read = chronicler_ingest::read(&input, &chronicler_ingest::IngestOptions::default());
        let fatal = read.problems.iter().filter(|p| p.kind.is_fatal()).count();
        let binary = read.problems.iter().any(|p| p.kind == chronicler_ingest::ProblemKind::Binary);
        let nonblank = text
            .split('\n')
            .filter(|l| !l.trim_end_matches('\r').trim_start_matches('\u{feff}').trim().is_empty())
            .count();
        if !binary && nonblank > 0 {
            // Each line gives one document or one problem naming it.
            prop_assert_eq!(read.docs.len() + fatal, nonblank, "{:?}", read.problems);
        }
        for doc in read.docs {
            if let Some(p) = &doc.meta.published {
                prop_assert!(p != "0000-00-00" && p != "99999");
            }
            check_processed(doc.body);
        }
    }

    #[test]
    fn dictionary_parsers_never_panic(text in prop::collection::vec(
        prop_oneof![
            prop::sample::select(&[
                "org:UNO | United Nations | IGOUNO", "  names: UN; U.N.;", "person:x | X", "  role: GOV | president | 2020-01-01..",
                "  role: | | 99999-99-99..0000", "[042] visit", "[04x]", "verb: meet|met with", "noun: talks", "verb: |||", "Aruba | country | ABW | 12.5 | -69.9 | 0 |  | AA |  | 1",
                "X | city | | nan | inf | 0 | | | |", "# comment", "", "|", "agent: GOV | minister; minister of", ":", "  ", "\t|\t",
            ]).prop_map(str::to_string),
            "[ -~\n|:;\\[\\]]{0,30}",
        ],
        0..20,
    )) {
        let text = text.join("\n");
        let _ = chronicler_dict::actors::parse_actors("x.txt", &text);
        let _ = chronicler_dict::actors::parse_agents("x.txt", &text);
        let _ = chronicler_dict::places::parse_places("x.txt", &text);
        let _ = chronicler_dict::verbs::VerbDict::parse("x.txt", &text);
        let _ = chronicler_dict::verbs::VerbDict::import_petrarch2(&text);
        let _ = chronicler_dict::actors::parse_range(&text);
    }

    #[test]
    fn markup_depth_never_panics(html in prose()) {
        let d = chronicler_clean::markup_depth(&html);
        prop_assert!(d <= html.len());
    }
}
