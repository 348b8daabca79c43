#![allow(clippy::unwrap_used)]

use std::path::Path;

use chronicler_core::{Body, Format};
use chronicler_ingest::{discover, read, IngestOptions, Input, ProblemKind, ReadResult};

fn write(dir: &Path, name: &str, bytes: &[u8]) -> String {
    let p = dir.join(name);
    if let Some(parent) = p.parent() {
        std::fs::create_dir_all(parent).unwrap();
    }
    std::fs::write(&p, bytes).unwrap();
    p.to_str().unwrap().to_string()
}

fn read_path(p: &str) -> ReadResult {
    read_with(p, &IngestOptions::default())
}

fn read_with(p: &str, opts: &IngestOptions) -> ReadResult {
    let input = Input {
        path: Some(p.into()),
        display: p.to_string(),
    };
    read(&input, opts)
}

fn kinds(r: &ReadResult) -> Vec<ProblemKind> {
    r.problems.iter().map(|p| p.kind).collect()
}

#[test]
fn discover_walks_sorted_and_skips_sidecars_hidden_unknown() {
    let d = tempfile::tempdir().unwrap();
    write(d.path(), "b.txt", b"B");
    write(d.path(), "a.txt", b"A");
    write(d.path(), "a.meta.json", b"{}");
    write(d.path(), ".hidden.txt", b"h");
    write(d.path(), "notes.pdf", b"x");
    write(d.path(), "sub/c.html", b"<p>c</p>");
    write(d.path(), ".git/x.txt", b"x");
    let root = d.path().to_str().unwrap().to_string();
    let (inputs, problems) = discover(&[root.clone(), "-".into(), format!("{root}/missing.txt")]);
    let names: Vec<String> = inputs.iter().map(|i| i.display.clone()).collect();
    assert_eq!(
        names,
        vec![
            format!("{root}/a.txt"),
            format!("{root}/b.txt"),
            format!("{root}/sub/c.html"),
            "-".to_string()
        ]
    );
    assert!(inputs[3].path.is_none());
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].kind, ProblemKind::Io);
    assert_eq!(problems[0].input, format!("{root}/missing.txt"));
}

#[test]
fn discover_takes_explicit_unknown_extension() {
    let d = tempfile::tempdir().unwrap();
    let p = write(
        d.path(),
        "page.dat",
        b"<!DOCTYPE html><html><body><p>Hi</p></body></html>",
    );
    let (inputs, problems) = discover(std::slice::from_ref(&p));
    assert_eq!(inputs.len(), 1);
    assert!(problems.is_empty());
    let r = read(&inputs[0], &IngestOptions::default());
    assert_eq!(r.docs[0].format, Format::Html);
}

#[test]
fn text_with_sidecar() {
    let d = tempfile::tempdir().unwrap();
    let p = write(
        d.path(),
        "story.txt",
        b"Headline here\n\nBody paragraph one.\n",
    );
    write(
        d.path(),
        "story.meta.json",
        br#"{"url":"https://x.org/a","title":"Real title","outlet":"X News","published":"2026-01-30"}"#,
    );
    let r = read_path(&p);
    assert!(r.problems.is_empty(), "{:?}", r.problems);
    let doc = &r.docs[0];
    assert_eq!(doc.id, p);
    assert_eq!(doc.format, Format::Text);
    assert_eq!(doc.meta.title.as_deref(), Some("Real title"));
    assert_eq!(doc.meta.outlet.as_deref(), Some("X News"));
    assert_eq!(doc.meta.url.as_deref(), Some("https://x.org/a"));
    assert_eq!(doc.meta.published.as_deref(), Some("2026-01-30"));
    assert!(matches!(&doc.body, Body::Text(t) if t.contains("Body paragraph")));
}

#[test]
fn text_title_from_first_line_and_bad_sidecar() {
    let d = tempfile::tempdir().unwrap();
    let p = write(d.path(), "s.md", b"\n\n  My Headline  \n\nText.\n");
    write(d.path(), "s.meta.json", b"{not json");
    let r = read_path(&p);
    assert_eq!(r.docs.len(), 1);
    assert_eq!(r.docs[0].meta.title.as_deref(), Some("My Headline"));
    assert_eq!(kinds(&r), vec![ProblemKind::Malformed]);
    assert!(r.problems[0].input.ends_with("s.meta.json"));
    assert!(r.problems[0].message.contains("sidecar"));
}

#[test]
fn a_first_paragraph_ending_in_a_quotation_is_no_title() {
    let d = tempfile::tempdir().unwrap();
    let p = write(
        d.path(),
        "q.txt",
        "The Kremlin criticised the detentions as \"unjustified.\"\n\nMore text.\n".as_bytes(),
    );
    let r = read_path(&p);
    assert_eq!(r.docs.len(), 1);
    assert_eq!(r.docs[0].meta.title, None);
    // a headline in quotation marks stays one
    let p = write(d.path(), "h.txt", b"\"We will not give up\"\n\nText.\n");
    let r = read_path(&p);
    assert_eq!(
        r.docs[0].meta.title.as_deref(),
        Some("\"We will not give up\"")
    );
}

#[test]
fn example_articles_read() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/articles");
    let (inputs, problems) = discover(&[dir.to_string()]);
    assert!(problems.is_empty());
    assert_eq!(inputs.len(), 2);
    for i in &inputs {
        let r = read(i, &IngestOptions::default());
        assert!(r.problems.is_empty(), "{:?}", r.problems);
        assert!(r.docs[0].meta.title.is_some());
        assert_eq!(r.docs[0].meta.published.as_deref(), Some("2026-01-30"));
    }
}

#[test]
fn html_and_truncated_html() {
    let d = tempfile::tempdir().unwrap();
    let p = write(
        d.path(),
        "a.html",
        b"<html><body><p>Hello.</p></body></html>",
    );
    let r = read_path(&p);
    assert!(r.problems.is_empty());
    assert_eq!(r.docs[0].format, Format::Html);
    assert!(matches!(r.docs[0].body, Body::Html(_)));

    let p = write(
        d.path(),
        "cut.htm",
        b"<html><body><p>Hello. This page stops mid",
    );
    let r = read_path(&p);
    assert_eq!(r.docs.len(), 1);
    assert_eq!(kinds(&r), vec![ProblemKind::Truncated]);
    assert_eq!(r.docs[0].warnings.len(), 1);
}

#[test]
fn too_large_is_skipped() {
    let d = tempfile::tempdir().unwrap();
    let p = write(d.path(), "big.txt", &vec![b'a'; 2000]);
    let r = read_with(&p, &IngestOptions { max_bytes: 1024 });
    assert!(r.docs.is_empty());
    assert_eq!(kinds(&r), vec![ProblemKind::TooLarge]);
    assert_eq!(
        r.problems[0].message,
        "2 KB is over the 1 KB limit (--max-bytes)"
    );
}

#[test]
fn empty_and_whitespace() {
    let d = tempfile::tempdir().unwrap();
    for (name, bytes) in [("e.txt", &b""[..]), ("w.txt", &b"  \n\t\r\n "[..])] {
        let p = write(d.path(), name, bytes);
        let r = read_path(&p);
        assert!(r.docs.is_empty());
        assert_eq!(kinds(&r), vec![ProblemKind::Empty]);
        assert_eq!(r.problems[0].message, "empty file");
    }
}

#[test]
fn binary_is_skipped() {
    let d = tempfile::tempdir().unwrap();
    let p = write(d.path(), "x.txt", b"PK\x03\x04\x00\x00abc");
    let r = read_path(&p);
    assert!(r.docs.is_empty());
    assert_eq!(kinds(&r), vec![ProblemKind::Binary]);
    assert_eq!(r.problems[0].message, "binary file (NUL bytes)");

    let ctrl: Vec<u8> = (0..200u8)
        .map(|i| if i % 3 == 0 { 0x01 } else { b'a' })
        .collect();
    let p = write(d.path(), "y.txt", &ctrl);
    let r = read_path(&p);
    assert_eq!(kinds(&r), vec![ProblemKind::Binary]);
}

#[test]
fn utf16_with_bom_is_decoded() {
    let d = tempfile::tempdir().unwrap();
    let text = "Kyiv talks\n\nZelenskyy said “yes”.";
    let mut le = vec![0xFF, 0xFE];
    le.extend(text.encode_utf16().flat_map(|u| u.to_le_bytes()));
    let mut be = vec![0xFE, 0xFF];
    be.extend(text.encode_utf16().flat_map(|u| u.to_be_bytes()));
    for (name, bytes) in [("le.txt", le), ("be.txt", be)] {
        let p = write(d.path(), name, &bytes);
        let r = read_path(&p);
        assert!(r.problems.is_empty(), "{:?}", r.problems);
        assert_eq!(r.docs[0].body, Body::Text(text.to_string()));
    }
}

#[test]
fn text_in_a_legacy_encoding_is_read_as_its_bytes_suggest() {
    let d = tempfile::tempdir().unwrap();
    // Latin-1 / windows-1252, named nowhere.
    let p = write(
        d.path(),
        "l.txt",
        b"Caf\xe9 talks resumed in Qu\xe9bec on Monday.\n",
    );
    let r = read_path(&p);
    assert_eq!(r.docs.len(), 1);
    assert_eq!(kinds(&r), vec![ProblemKind::NotUtf8]);
    assert_eq!(
        r.problems[0].message,
        "not valid UTF-8 and no charset named: decoded as windows-1252, as its bytes suggest"
    );
    assert_eq!(r.docs[0].warnings.len(), 1);
    assert!(
        matches!(&r.docs[0].body, Body::Text(t) if t.starts_with("Café talks resumed in Québec")),
        "{:?}",
        r.docs[0].body
    );
}

#[test]
fn utf8_with_a_bad_byte_keeps_its_characters_and_replaces_the_byte() {
    let d = tempfile::tempdir().unwrap();
    let p = write(
        d.path(),
        "u.txt",
        &[
            "Zelenskyy\u{2019}s envoy met Erdo\u{11f}an in \u{130}stanbul ".as_bytes(),
            b"\xff on Monday.\n",
        ]
        .concat(),
    );
    let r = read_path(&p);
    assert_eq!(
        r.problems[0].message,
        "not valid UTF-8: decoded with replacement characters"
    );
    assert!(
        matches!(&r.docs[0].body, Body::Text(t) if t.contains("Zelenskyy\u{2019}s") && t.contains("Erdo\u{11f}an") && t.contains('\u{FFFD}')),
        "{:?}",
        r.docs[0].body
    );
}

#[test]
fn a_page_in_the_charset_it_names_is_read_without_complaint() {
    let d = tempfile::tempdir().unwrap();
    // "Переговоры в Абу-Даби" in windows-1251, named by the page.
    let (cyrillic, _, _) =
        encoding_rs::WINDOWS_1251.encode("Переговоры в Абу-Даби продолжатся в воскресенье.");
    let mut page = b"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\"><title>t</title></head><body><p>".to_vec();
    page.extend_from_slice(&cyrillic);
    page.extend_from_slice(b"</p></body></html>");
    let p = write(d.path(), "ru.html", &page);
    let r = read_path(&p);
    assert!(r.problems.is_empty(), "{:?}", r.problems);
    assert!(
        matches!(&r.docs[0].body, Body::Html(h) if h.contains("Переговоры в Абу-Даби")),
        "{:?}",
        r.docs[0].body
    );
}

#[test]
fn jsonl_good_and_bad_lines() {
    let d = tempfile::tempdir().unwrap();
    let content = concat!(
        r#"{"id":"a1","url":"https://x/1","title":"T1","outlet":"O","published":"2026-01-01","text":"One."}"#,
        "\n",
        r#"{"html":"<p>Two.</p>"}"#,
        "\n",
        "[1,2]\n",
        "{broken\n",
        "\n",
        r#"{"title":"no body"}"#,
        "\n",
        r#"{"text":"Six."}"#
    );
    let p = write(d.path(), "a.jsonl", content.as_bytes());
    let r = read_path(&p);
    assert_eq!(r.docs.len(), 3);
    assert_eq!(r.docs[0].id, "a1");
    assert_eq!(r.docs[0].meta.title.as_deref(), Some("T1"));
    assert_eq!(r.docs[0].format, Format::Jsonl);
    assert_eq!(r.docs[1].id, format!("{p}:2"));
    assert!(matches!(r.docs[1].body, Body::Html(_)));
    assert_eq!(r.docs[2].id, format!("{p}:7"));
    let inputs: Vec<&str> = r.problems.iter().map(|p| p.input.as_str()).collect();
    assert_eq!(
        inputs,
        vec![format!("{p}:3"), format!("{p}:4"), format!("{p}:6")]
    );
    assert!(r.problems.iter().all(|p| p.kind == ProblemKind::Malformed));
    assert!(
        r.problems[0]
            .message
            .starts_with("line 3: expected JSON object"),
        "{}",
        r.problems[0].message
    );
    assert!(r.problems[2].message.contains("missing"));
}

#[test]
fn jsonl_as_news_please_writes_it() {
    // news-please, the usual extractor of Common Crawl News, names its
    // fields `maintext`, `source_domain`, `date_publish`, `date_download`.
    let d = tempfile::tempdir().unwrap();
    let line = r#"{"url":"https://news.example/a","title":"Talks resume","maintext":"Delegations met in Doha on Monday.","source_domain":"news.example","date_publish":"2019-11-19 13:03:00","date_download":"2019-11-20 08:00:00"}"#;
    let p = write(d.path(), "cc.jsonl", format!("{line}\n").as_bytes());
    let r = read_path(&p);
    assert!(r.problems.is_empty(), "{:?}", r.problems);
    let m = &r.docs[0].meta;
    assert_eq!(m.outlet.as_deref(), Some("news.example"));
    assert_eq!(m.published.as_deref(), Some("2019-11-19 13:03:00"));
    assert_eq!(m.captured.as_deref(), Some("2019-11-20 08:00:00"));
    assert!(matches!(&r.docs[0].body, Body::Text(t) if t.contains("Doha")));
}

#[test]
fn jsonl_overlong_line() {
    let d = tempfile::tempdir().unwrap();
    let long = format!(
        "{{\"text\":\"{}\"}}\n{{\"text\":\"ok\"}}\n",
        "x".repeat(5000)
    );
    let p = write(d.path(), "l.jsonl", long.as_bytes());
    let r = read_with(&p, &IngestOptions { max_bytes: 1000 });
    assert_eq!(r.docs.len(), 1);
    assert_eq!(kinds(&r), vec![ProblemKind::TooLarge]);
    assert_eq!(r.problems[0].input, format!("{p}:1"));
}

const RSS: &str = r#"<?xml version="1.0"?>
<rss version="2.0"><channel><title>Daily Wire</title><link>https://d.example</link>
<item><title>First</title><link>https://d.example/1</link><description>&lt;p&gt;Talks began.&lt;/p&gt;</description><pubDate>Fri, 30 Jan 2026 10:00:00 GMT</pubDate></item>
<item><title>Second</title><description>Plain summary.</description></item>
</channel></rss>"#;

#[test]
fn rss_items_become_documents() {
    let d = tempfile::tempdir().unwrap();
    let p = write(d.path(), "f.rss", RSS.as_bytes());
    let r = read_path(&p);
    assert!(r.problems.is_empty(), "{:?}", r.problems);
    assert_eq!(r.docs.len(), 2);
    assert_eq!(r.docs[0].id, "https://d.example/1");
    assert_eq!(r.docs[0].format, Format::Feed);
    assert_eq!(r.docs[0].meta.outlet.as_deref(), Some("Daily Wire"));
    assert!(r.docs[0]
        .meta
        .published
        .as_deref()
        .unwrap()
        .starts_with("2026-01-30"));
    assert!(matches!(r.docs[0].body, Body::Html(_)));
    assert_eq!(r.docs[1].id, format!("{p}#2"));
    assert_eq!(r.docs[1].body, Body::Text("Plain summary.".into()));
}

#[test]
fn atom_feed_sniffed_from_unknown_extension() {
    let d = tempfile::tempdir().unwrap();
    let atom = r#"<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom News</title><id>urn:x</id><updated>2026-01-30T00:00:00Z</updated>
<entry><title>E1</title><id>urn:e1</id><link href="https://a.example/e1"/><updated>2026-01-29T12:00:00Z</updated>
<content type="html">&lt;p&gt;Full content.&lt;/p&gt;</content><summary>Short.</summary></entry>
</feed>"#;
    let p = write(d.path(), "feed.dat", atom.as_bytes());
    let r = read_path(&p);
    assert!(r.problems.is_empty(), "{:?}", r.problems);
    assert_eq!(r.docs.len(), 1);
    assert_eq!(r.docs[0].meta.url.as_deref(), Some("https://a.example/e1"));
    assert!(matches!(&r.docs[0].body, Body::Html(h) if h.contains("Full content")));
    assert!(r.docs[0]
        .meta
        .published
        .as_deref()
        .unwrap()
        .starts_with("2026-01-29"));
}

#[test]
fn broken_and_truncated_feeds() {
    let d = tempfile::tempdir().unwrap();
    let p = write(
        d.path(),
        "bad.xml",
        b"<?xml version=\"1.0\"?><nothing><at/>all</nothing>",
    );
    let r = read_path(&p);
    assert!(r.docs.is_empty());
    assert_eq!(kinds(&r), vec![ProblemKind::Malformed]);

    let cut = &RSS[..RSS.find("<item><title>Second").unwrap() + 20];
    let p = write(d.path(), "cut.rss", cut.as_bytes());
    let r = read_path(&p);
    assert_eq!(r.docs.len(), 1, "{:?}", r.problems);
    assert_eq!(kinds(&r), vec![ProblemKind::Truncated]);
    assert_eq!(r.docs[0].warnings.len(), 1);
}

#[test]
fn missing_file_is_io() {
    let r = read_path("/definitely/not/here.txt");
    assert_eq!(kinds(&r), vec![ProblemKind::Io]);
    assert!(r.problems[0].to_string().contains("no such file"));
}
