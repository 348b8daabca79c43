#![allow(clippy::unwrap_used, clippy::expect_used)]

use chronicler_clean::{clean, CleanError};
use chronicler_core::{Body, CleanDocument, Format, Metadata, RawDocument};

fn raw_html(html: &str, meta: Metadata) -> RawDocument {
    RawDocument {
        id: "p.html".into(),
        path: "p.html".into(),
        format: Format::Html,
        meta,
        body: Body::Html(html.to_string()),
        warnings: vec![],
    }
}

fn assert_offsets(d: &CleanDocument) {
    for s in &d.segments {
        assert_eq!(
            &d.text[s.clean.start..s.clean.end],
            &d.extracted[s.raw_start..s.raw_start + s.clean.len()]
        );
    }
}

const PAGE: &str = r##"<!DOCTYPE html>
<html><head>
<title>Ceasefire talks resume in Geneva | Daily Planet</title>
<meta property="og:site_name" content="Daily Planet">
<link rel="canonical" href="https://planet.example/world/ceasefire-talks">
<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebPage","name":"x"},{"@type":"NewsArticle","headline":"Ceasefire talks resume in Geneva","datePublished":"2026-02-03T08:15:00Z"}]}</script>
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/europe">Europe</a></li></ul></nav>
<header><a href="/">Daily Planet</a> <a href="/subscribe">Subscribe</a></header>
<main><article>
<h1>Ceasefire talks resume in Geneva</h1>
<p class="byline">By Jane Doe, Reuters</p>
<div class="share"><a href="#">Facebook</a> <a href="#">Twitter</a> <a href="#">WhatsApp</a></div>
<p>Negotiators from both governments met in Geneva on Tuesday for a third round of talks aimed at a lasting ceasefire, officials said.</p>
<p>The foreign ministry said the delegations discussed prisoner exchanges, humanitarian corridors and the monitoring of the front line by international observers.</p>
<figure><img src="a.jpg"><figcaption>Delegates arrive at the Palais des Nations</figcaption></figure>
<p>A spokesman for the mediators said progress had been made on the exchange of prisoners but that the question of territory remained unresolved.</p>
<p>Read more: <a href="/x">Why the last truce collapsed</a></p>
<p>Both sides accused each other of violating a partial truce on energy infrastructure in the days before the meeting, according to statements published on Monday.</p>
<p>The talks are expected to continue on Wednesday, with a joint statement possible by the end of the week.</p>
</article>
<aside><h3>Related stories</h3><ul><li><a href="/a">Truce talks stall over territory</a></li><li><a href="/b">Prisoner swap completed</a></li></ul></aside>
</main>
<footer><p>Sign up for our newsletter</p><p>© 2026 Daily Planet. All rights reserved.</p></footer>
</body></html>"##;

#[test]
fn html_page_with_noise() {
    let d = clean(raw_html(PAGE, Metadata::default())).unwrap();
    for r in &d.removed {
        eprintln!("REMOVED [{}] {}", r.reason, r.text);
    }
    eprintln!("TEXT\n{}", d.text);
    assert_offsets(&d);
    assert_eq!(
        d.meta.title.as_deref(),
        Some("Ceasefire talks resume in Geneva")
    );
    assert_eq!(
        d.meta.url.as_deref(),
        Some("https://planet.example/world/ceasefire-talks")
    );
    assert_eq!(d.meta.outlet.as_deref(), Some("Daily Planet"));
    assert_eq!(d.meta.published.as_deref(), Some("2026-02-03T08:15:00Z"));
    let paras: Vec<&str> = d.text.split("\n\n").collect();
    assert_eq!(paras.len(), 5, "{paras:#?}");
    assert!(paras[0].starts_with("Negotiators from both governments"));
    assert!(paras[4].starts_with("The talks are expected"));
    for noise in [
        "Home",
        "Subscribe",
        "By Jane Doe",
        "Facebook",
        "Read more",
        "Related",
        "newsletter",
        "©",
        "Palais",
    ] {
        assert!(!d.text.contains(noise), "kept {noise}");
    }
}

#[test]
fn raw_metadata_wins() {
    let meta = Metadata {
        title: Some("Given title".into()),
        published: Some("2026-01-01".into()),
        ..Metadata::default()
    };
    let d = clean(raw_html(PAGE, meta)).unwrap();
    assert_eq!(d.meta.title.as_deref(), Some("Given title"));
    assert_eq!(d.meta.published.as_deref(), Some("2026-01-01"));
    assert_eq!(d.meta.outlet.as_deref(), Some("Daily Planet"));
}

#[test]
fn meta_tags_and_time_element() {
    let html = r#"<html><head><meta property="og:title" content="Strikes hit port">
<meta property="og:url" content="https://n.example/s"></head><body>
<p><time datetime="2026-03-04">March 4</time></p>
<p>Missiles struck the port city overnight, damaging grain terminals and killing two workers, regional officials said on Wednesday morning.</p>
<p>The governor said air defences had shot down most of the drones launched in the attack, which lasted several hours.</p>
</body></html>"#;
    let d = clean(raw_html(html, Metadata::default())).unwrap();
    assert_eq!(d.meta.title.as_deref(), Some("Strikes hit port"));
    assert_eq!(d.meta.url.as_deref(), Some("https://n.example/s"));
    assert_eq!(d.meta.published.as_deref(), Some("2026-03-04"));
    assert!(d.text.starts_with("Missiles struck"), "{}", d.text);
    assert_offsets(&d);
}

#[test]
fn article_published_time_meta() {
    let html = r#"<html><head><meta property="article:published_time" content="2026-05-06T10:00:00+02:00"></head>
<body><article><p>The parliament approved the security agreement with a large majority on Thursday after a long debate.</p></article></body></html>"#;
    let d = clean(raw_html(html, Metadata::default())).unwrap();
    assert_eq!(
        d.meta.published.as_deref(),
        Some("2026-05-06T10:00:00+02:00")
    );
}

#[test]
fn a_plain_story_keeps_the_date_only_readability_used_to_read() {
    // A long story in plain paragraphs: Readability is not run on it, and
    // its `dcterms.issued` date is read all the same.
    let para = "The negotiators met again in the capital on Tuesday and agreed to extend \
                the ceasefire by another month, the mediator's spokesman told reporters.";
    let body: String = (0..12).map(|i| format!("<p>{i}. {para}</p>\n")).collect();
    let html = format!(
        r#"<html><head><meta name="dcterms.issued" content="2026-07-08"></head>
<body><nav><a href="/">Home</a></nav><article>{body}</article></body></html>"#
    );
    let d = clean(raw_html(&html, Metadata::default())).unwrap();
    assert_eq!(d.meta.published.as_deref(), Some("2026-07-08"));
    assert!(d.text.starts_with("0. The negotiators"), "{}", d.text);
    assert_eq!(d.text.matches("The negotiators").count(), 12);
}

#[test]
fn page_without_article_is_no_text() {
    let html = r#"<html><head><title>Home</title></head><body>
<nav><a href="/">Home</a> <a href="/a">About</a></nav><footer>© 2026</footer></body></html>"#;
    assert_eq!(
        clean(raw_html(html, Metadata::default())),
        Err(CleanError::NoText)
    );
    assert_eq!(
        clean(raw_html("", Metadata::default())),
        Err(CleanError::NoText)
    );
    assert_eq!(
        clean(raw_html("<html></html>", Metadata::default())),
        Err(CleanError::NoText)
    );
}

#[test]
fn garbage_does_not_panic() {
    let inputs = [
        "<<<>>><//><p",
        "<p>unclosed <b>bold <i>it",
        "\u{0}\u{1}\u{2}<div>\u{FFFD}</div>",
        "<script>alert(1)</script>",
        "<html><body><p>Ok.</p><p>Ok.</p></body>",
        "<svg><svg><svg>",
        "<table><tr><td>a<td>b<tr><td>c</table>",
    ];
    for h in inputs {
        let _ = clean(raw_html(h, Metadata::default()));
    }
}

fn run_big<F: FnOnce() + Send + 'static>(f: F) {
    // A thread with a modest stack: deep recursion anywhere would show.
    std::thread::Builder::new()
        .stack_size(8 * 1024 * 1024)
        .spawn(f)
        .unwrap()
        .join()
        .unwrap();
}

fn nested_divs(n: usize) -> String {
    let mut html = String::from("<html><body>");
    html.push_str(&"<div>".repeat(n));
    html.push_str("<p>The ministry said the convoy reached the besieged town on Friday after days of delays at checkpoints.</p>");
    html.push_str(&"</div>".repeat(n));
    html.push_str("</body></html>");
    html
}

#[test]
fn deeply_nested_divs() {
    run_big(|| {
        let d = clean(raw_html(&nested_divs(1_500), Metadata::default()));
        assert!(d.unwrap().text.contains("convoy"));
    });
}

#[test]
fn absurdly_nested_divs_are_refused_before_parsing() {
    run_big(|| {
        let d = clean(raw_html(&nested_divs(100_000), Metadata::default()));
        assert_eq!(
            d,
            Err(chronicler_clean::CleanError::TooDeep {
                depth: 100_000,
                limit: chronicler_clean::MAX_MARKUP_DEPTH
            })
        );
    });
}

#[test]
fn html_idempotent_on_text() {
    let d = clean(raw_html(PAGE, Metadata::default())).unwrap();
    let again = clean(RawDocument {
        id: "x".into(),
        path: "x".into(),
        format: Format::Text,
        meta: d.meta.clone(),
        body: Body::Text(d.text.clone()),
        warnings: vec![],
    })
    .unwrap();
    assert_eq!(again.text, d.text);
}

const STRUCTURED: &str = r##"<html><head><title>Prisoner exchange completed</title></head><body>
<article>
<h1>Prisoner exchange completed</h1>
<p>The two governments exchanged prisoners on Friday at the border crossing, the third such exchange this year, officials on both sides said.</p>
<h2>Who was released</h2>
<p>The defence ministry said the released men included soldiers captured during the autumn fighting and several civilians held since the spring.</p>
<p><strong>Numbers so far</strong></p>
<ul><li>Released by the north</li><li>Released by the south</li></ul>
<table><tr><th>Round</th><th>Prisoners</th></tr><tr><td>First round</td><td>Spring talks</td></tr></table>
<figure><img src="a.jpg"><figcaption>Buses at the crossing</figcaption></figure>
<p>Mediators said further exchanges would follow once lists of names had been agreed by both delegations in the coming weeks.</p>
<h3>Mehr zum Thema</h3><ul><li><a href="/a">Gefangenenaustausch an der Grenze</a></li><li><a href="/b">Verhandlungen in Genf</a></li></ul>
</article></body></html>"##;

/// Subheadings, list items and table cells are short and unpunctuated, but
/// their markup says they are the article's: kept, unlike a caption.
#[test]
fn headings_lists_and_tables_are_kept() {
    let d = clean(raw_html(STRUCTURED, Metadata::default())).unwrap();
    assert_offsets(&d);
    for kept in [
        "Who was released",
        "Numbers so far",
        "Released by the north",
        "Released by the south",
        "First round",
        "Spring talks",
    ] {
        assert!(d.text.contains(kept), "dropped {kept}: {:?}", d.removed);
    }
    // A caption, and a heading left with nothing under it after the story.
    for noise in ["Buses at the crossing", "Mehr zum Thema", "Genf"] {
        assert!(!d.text.contains(noise), "kept {noise}: {}", d.text);
    }
}

/// A command in a `<pre>` block is as short and unpunctuated as a caption,
/// but it is what a how-to is about: kept.
#[test]
fn preformatted_commands_are_kept() {
    let story = "The installer needs a package manager, and the project's own documentation \
                 recommends adding the library with a single command in the project folder.";
    let html = format!(
        "<html><body><article><h1>Getting started</h1><p>{story}</p>\
         <pre>poetry add yapapi</pre>\
         <p>{story} After that the examples run as they are.</p></article></body></html>"
    );
    let d = clean(raw_html(&html, Metadata::default())).unwrap();
    assert_offsets(&d);
    assert!(d.text.contains("poetry add yapapi"), "{:?}", d.removed);
}

/// A short `<p>` line above the story that reads as a phrase (a quoted
/// motto) is the story's; one that reads as a label (a byline, a date) is
/// still dropped.
#[test]
fn short_phrases_above_the_story_are_kept_and_labels_dropped() {
    let story = "The bakery on the corner sells the same bread it sold sixty years ago, and the \
                 queue outside on Saturday mornings reaches the end of the street.";
    let html = format!(
        "<html><body><article><h1>The corner bakery</h1><p>Staff Reports</p>\
         <p>Published: 3 May 2021</p><p>„Außen knusprig, innen weich“</p><p>{story}</p>\
         <p>{story} Nobody minds the wait.</p></article></body></html>"
    );
    let d = clean(raw_html(&html, Metadata::default())).unwrap();
    assert_offsets(&d);
    assert!(
        d.text.contains("Außen knusprig, innen weich"),
        "{:?}",
        d.removed
    );
    for label in ["Staff Reports", "Published: 3 May 2021"] {
        assert!(!d.text.contains(label), "kept {label}: {}", d.text);
    }
}

#[test]
fn a_placeholder_date_gives_way_to_the_page_s_real_one() {
    // JSON-LD with the zero time of a CMS that had no date, and the real
    // date written in a `<time>` element and, in words, in a meta tag.
    let story = "<p>The parliament approved the security agreement with a large majority on Thursday after a long debate.</p>";
    let html = format!(
        r#"<html><head><script type="application/ld+json">{{"@type":"NewsArticle","datePublished":"0001-01-01T00:00:00Z"}}</script>
<meta name="pubdate" content="0001-01-01T00:00:00Z"></head>
<body><article><time datetime="2026-05-06T10:00:00+02:00">6 May</time>{story}</article></body></html>"#
    );
    let d = clean(raw_html(&html, Metadata::default())).unwrap();
    assert_eq!(
        d.meta.published.as_deref(),
        Some("2026-05-06T10:00:00+02:00")
    );
    // A date in words counts as a date; with nothing better, the
    // placeholder is kept as the page gave it (the analysis reads no date
    // in it).
    let words = format!(
        r#"<html><head><meta name="pubdate" content="0001-01-01"><meta name="dc.date" content="x"><meta property="og:published_time" content="November 19, 2019, 07:47 PM EST"></head><body><article>{story}</article></body></html>"#
    );
    let d = clean(raw_html(&words, Metadata::default())).unwrap();
    assert_eq!(
        d.meta.published.as_deref(),
        Some("November 19, 2019, 07:47 PM EST")
    );
    let none = format!(
        r#"<html><head><meta name="pubdate" content="0001-01-01"></head><body><article>{story}</article></body></html>"#
    );
    let d = clean(raw_html(&none, Metadata::default())).unwrap();
    assert_eq!(d.meta.published.as_deref(), Some("0001-01-01"));
    // Of two JSON-LD blocks, the one with a real date.
    let two = format!(
        r#"<html><head><script type="application/ld+json">{{"@type":"WebPage","datePublished":"0001-01-01T00:00:00Z"}}</script><script type="application/ld+json">{{"@type":"NewsArticle","datePublished":"2019-11-19T13:03:00Z"}}</script></head><body><article>{story}</article></body></html>"#
    );
    let d = clean(raw_html(&two, Metadata::default())).unwrap();
    assert_eq!(d.meta.published.as_deref(), Some("2019-11-19T13:03:00Z"));
    // Microdata on the page's own elements, written out the European way.
    let micro = format!(
        r#"<html><head><meta name="description" content="x"></head><body><article><div class="date" itemprop="datePublished">20.06.2019 11:43</div>{story}</article></body></html>"#
    );
    let d = clean(raw_html(&micro, Metadata::default())).unwrap();
    assert_eq!(d.meta.published.as_deref(), Some("20.06.2019 11:43"));
    // A date the input gave is not replaced by the page's.
    let given = Metadata {
        published: Some("2026-01-01".into()),
        ..Metadata::default()
    };
    let d = clean(raw_html(&html, given)).unwrap();
    assert_eq!(d.meta.published.as_deref(), Some("2026-01-01"));
}
