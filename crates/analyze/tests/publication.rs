//! The publication date: where pages, feeds and URLs write it, and what
//! is no date.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

use chronicler_analyze::publication_date;
use chronicler_core::date_in_url;
use chronicler_core::{Metadata, Published};
use jiff::civil::Date;

fn dated(published: Option<&str>, url: Option<&str>, text: &str) -> Published {
    let meta = Metadata {
        url: url.map(str::to_string),
        published: published.map(str::to_string),
        ..Metadata::default()
    };
    publication_date(
        &support::clean_doc(text, meta),
        Date::new(2026, 12, 5).unwrap(),
    )
}

#[test]
fn the_publication_date_is_read_where_pages_write_it() {
    let text = "Officials met on Monday to discuss the truce.";
    let url = "https://news.example/story/2019/11/19/talks-resume/4236383002/";
    let at = |p: Published| (p.date.to_string(), p.source.as_str());
    // Metadata in words, then the URL, then nothing: the day of ingestion.
    let words = dated(Some("Tue, 19 Nov 2019 10:00:00 +0000"), None, text);
    assert_eq!(at(words), ("2019-11-19".into(), "metadata"));
    // A placeholder is no date: the URL's is read instead.
    assert_eq!(
        at(dated(Some("0001-01-01T00:00:00Z"), Some(url), text)),
        ("2019-11-19".into(), "url")
    );
    assert_eq!(
        at(dated(Some("0001-01-01T00:00:00Z"), None, text)),
        ("2026-12-05".into(), "ingest_time")
    );
    // An archive's capture date comes after the page's and the URL's,
    // before what the text says.
    let captured = |url: Option<&str>| {
        let meta = Metadata {
            url: url.map(str::to_string),
            captured: Some("2019-11-21T04:00:00Z".into()),
            ..Metadata::default()
        };
        let doc = support::clean_doc("WASHINGTON, Nov. 18 (Reuters) - Talks resumed.", meta);
        at(publication_date(&doc, Date::new(2026, 12, 5).unwrap()))
    };
    assert_eq!(captured(None), ("2019-11-21".into(), "capture"));
    assert_eq!(captured(Some(url)), ("2019-11-19".into(), "url"));
    // With no URL given, an id that is one (a watched page) is read.
    let mut doc = support::clean_doc(text, Metadata::default());
    doc.id = url.to_string();
    let p = publication_date(&doc, Date::new(2026, 12, 5).unwrap());
    assert_eq!(at(p), ("2019-11-19".into(), "url"));
    doc.id = "2019/11/19/notes.txt".to_string();
    let p = publication_date(&doc, Date::new(2026, 12, 5).unwrap());
    assert_eq!(at(p).1, "ingest_time", "a path is no URL");
    // A URL dated after today is a mistake, not a date.
    let future = "https://news.example/2031/01/02/story";
    assert_eq!(at(dated(None, Some(future), text)).1, "ingest_time");
}

#[test]
fn dates_in_urls() {
    for (url, date) in [
        (
            "https://www.nytimes.com/2019/11/18/business/trade.html",
            Some("2019-11-18"),
        ),
        ("https://a.example/news/2019/1/5/", Some("2019-01-05")),
        ("https://a.example/2019-11-19/story", Some("2019-11-19")),
        ("https://a.example/2019-11-19-story", Some("2019-11-19")),
        (
            "https://www.quantamagazine.org/tuft-cells-20191115/",
            Some("2019-11-15"),
        ),
        ("a.example/news/2019/11/19", Some("2019-11-19")),
        // Ids, years alone, hosts and queries are no dates.
        ("https://a.example/story/40651467/", None),
        ("https://a.example/story/12345678/", None),
        ("https://a.example/2019/story", None),
        ("https://a.example/2019/13/40/x", None),
        ("https://20191115.example/x", None),
        ("https://a.example/x?d=2019/11/19", None),
        ("https://a.example/1066/10/14/hastings", None),
    ] {
        assert_eq!(
            date_in_url(url).map(|d| d.to_string()).as_deref(),
            date,
            "{url}"
        );
    }
}
