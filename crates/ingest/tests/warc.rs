//! WARC archives and compressed JSON Lines read record by record.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::io::Write;

use chronicler_core::Body;
use chronicler_ingest::{discover, read, IngestOptions, ProblemKind};

fn record(kind: &str, uri: &str, content_type: &str, block: &[u8]) -> Vec<u8> {
    let mut r = format!(
        "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Record-ID: <urn:uuid:{:08}-0000-0000-0000-000000000000>\r\nWARC-Date: 2024-03-05T10:20:30Z\r\nWARC-Target-URI: {uri}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\r\n",
        uri.len() + kind.len(),
        block.len()
    )
    .into_bytes();
    r.extend_from_slice(block);
    r.extend_from_slice(b"\r\n\r\n");
    r
}

fn http(status: &str, ctype: &str, body: &str) -> Vec<u8> {
    format!(
        "HTTP/1.1 {status}\r\nContent-Type: {ctype}\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    )
    .into_bytes()
}

const PAGE: &str = "<html><head><title>Talks resume</title></head><body><article><p>Delegations met in Doha on Monday to resume talks on a ceasefire, officials said.</p></article></body></html>dated";

/// A gzip member per record, as Common Crawl writes them.
fn warc_gz(records: &[Vec<u8>]) -> Vec<u8> {
    let mut out = Vec::new();
    for r in records {
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        gz.write_all(r).unwrap();
        out.extend(gz.finish().unwrap());
    }
    out
}

#[test]
fn html_responses_become_documents_with_url_and_capture_date() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("CC-NEWS-1.warc.gz");
    let records = vec![
        record("warcinfo", "", "application/warc-fields", b"software: test\r\n"),
        record("request", "https://news.example/a", "application/http; msgtype=request", b"GET /a HTTP/1.1\r\n\r\n"),
        record("response", "https://news.example/a", "application/http; msgtype=response", &http("200 OK", "text/html; charset=utf-8", PAGE)),
        record("response", "https://news.example/logo.png", "application/http; msgtype=response", &http("200 OK", "image/png", "PNG")),
        record("response", "https://news.example/old", "application/http; msgtype=response", &http("301 Moved Permanently", "text/html", "<html></html>")),
        record("response", "https://news.example/b", "application/http; msgtype=response", &http("200 OK", "text/html", "<html><head><meta property=\"article:published_time\" content=\"2024-03-04\"></head><body><p>Second page.</p></body></html>")),
    ];
    std::fs::write(&path, warc_gz(&records)).unwrap();
    let (inputs, problems) = discover(&[dir.path().display().to_string()]);
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(inputs.len(), 1, "a .warc.gz in a folder is taken");
    let r = read(&inputs[0], &IngestOptions::default());
    assert!(r.problems.is_empty(), "{:?}", r.problems);
    let ids: Vec<&str> = r.docs.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, ["https://news.example/a", "https://news.example/b"]);
    let a = &r.docs[0];
    assert_eq!(a.meta.url.as_deref(), Some("https://news.example/a"));
    assert_eq!(a.meta.captured.as_deref(), Some("2024-03-05T10:20:30Z"));
    assert_eq!(
        a.meta.published, None,
        "the page's date is cleaning's to read"
    );
    match &a.body {
        Body::Html(h) => {
            assert!(h.starts_with("<html>"), "HTTP headers stripped: {h}");
            assert!(h.contains("Doha"));
        }
        Body::Text(_) => panic!("a page is HTML"),
    }
    // The page names its own date: cleaning reads it; the capture date is
    // kept apart for the analysis to fall back on.
    assert_eq!(r.docs[1].meta.published, None);
    assert_eq!(
        r.docs[1].meta.captured.as_deref(),
        Some("2024-03-05T10:20:30Z")
    );
}

/// An HTTP response as wget or Heritrix record it: the body as it came
/// over the wire, gzip-compressed and sent in chunks.
fn wire_response(body: &[u8], encoding: &str) -> Vec<u8> {
    let mut r = format!(
        "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Encoding: {encoding}\r\nTransfer-Encoding: chunked\r\n\r\n"
    )
    .into_bytes();
    for c in body.chunks(64) {
        r.extend_from_slice(format!("{:X}\r\n", c.len()).as_bytes());
        r.extend_from_slice(c);
        r.extend_from_slice(b"\r\n");
    }
    r.extend_from_slice(b"0\r\n\r\n");
    r
}

#[test]
fn pages_recorded_as_they_came_over_the_wire_read_as_the_decoded_ones() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("crawl.warc");
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(PAGE.as_bytes()).unwrap();
    let gz = gz.finish().unwrap();
    let response = "application/http; msgtype=response";
    let records = [
        record(
            "response",
            "https://news.example/plain",
            response,
            &http("200 OK", "text/html", PAGE),
        ),
        record(
            "response",
            "https://news.example/wire",
            response,
            &wire_response(&gz, "gzip"),
        ),
        record(
            "response",
            "https://news.example/br",
            response,
            &wire_response(&[0x1b, 0x2f, 0x00, 0xa4], "br"),
        ),
        record(
            "response",
            "https://news.example/after",
            response,
            &http("200 OK", "text/html", PAGE),
        ),
    ];
    // A plain (uncompressed) WARC file, as `wget --warc-file` can write.
    std::fs::write(&path, records.concat()).unwrap();
    let input = &discover(&[path.display().to_string()]).0[0];
    let r = read(input, &IngestOptions::default());
    let ids: Vec<&str> = r.docs.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "https://news.example/plain",
            "https://news.example/wire",
            "https://news.example/after"
        ]
    );
    let body = |i: usize| match &r.docs[i].body {
        Body::Html(h) => h.clone(),
        Body::Text(_) => panic!("a page is HTML"),
    };
    assert_eq!(body(1), body(0), "unchunked and gunzipped");
    assert!(r.docs[1].warnings.is_empty(), "{:?}", r.docs[1].warnings);
    // The page it cannot decode is named, with the reason, and the run goes on.
    assert_eq!(r.problems.len(), 1, "{:?}", r.problems);
    assert_eq!(r.problems[0].kind, ProblemKind::Unsupported);
    assert!(
        r.problems[0].input.ends_with("#https://news.example/br"),
        "{}",
        r.problems[0]
    );
    assert!(
        r.problems[0].message.contains("\"br\""),
        "{}",
        r.problems[0]
    );
}

#[test]
fn oversized_records_are_skipped_and_a_cut_archive_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("x.warc.gz");
    let big = "x".repeat(4000);
    let records = vec![
        record(
            "response",
            "https://news.example/big",
            "application/http; msgtype=response",
            &http("200 OK", "text/html", &big),
        ),
        record(
            "response",
            "https://news.example/a",
            "application/http; msgtype=response",
            &http("200 OK", "text/html", PAGE),
        ),
    ];
    let bytes = warc_gz(&records);
    std::fs::write(&path, &bytes).unwrap();
    let input = &discover(&[path.display().to_string()]).0[0];
    let r = read(input, &IngestOptions { max_bytes: 1000 });
    assert_eq!(r.docs.len(), 1);
    assert_eq!(r.problems.len(), 1);
    assert_eq!(r.problems[0].kind, ProblemKind::TooLarge);
    assert!(
        r.problems[0].input.ends_with("#https://news.example/big"),
        "{}",
        r.problems[0]
    );

    std::fs::write(&path, &bytes[..bytes.len() - 40]).unwrap();
    let r = read(input, &IngestOptions::default());
    assert_eq!(r.docs.len(), 1, "the records before the cut are kept");
    assert_eq!(r.problems.len(), 1, "{:?}", r.problems);
    assert_eq!(r.problems[0].kind, ProblemKind::Malformed);

    std::fs::write(&path, b"not a warc at all").unwrap();
    let r = read(input, &IngestOptions::default());
    assert!(r.docs.is_empty());
    assert_eq!(r.problems.len(), 1);
}

#[test]
fn gzipped_json_lines_stream_with_a_per_line_limit() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("day.jsonl.gz");
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    for i in 0..3 {
        writeln!(gz, "{{\"id\":\"a{i}\",\"text\":\"Article {i} text.\"}}").unwrap();
    }
    writeln!(gz, "{{\"id\":\"long\",\"text\":\"{}\"}}", "y".repeat(3000)).unwrap();
    writeln!(gz, "not json").unwrap();
    std::fs::write(&path, gz.finish().unwrap()).unwrap();
    let input = &discover(&[path.display().to_string()]).0[0];
    let r = read(input, &IngestOptions { max_bytes: 1000 });
    let ids: Vec<&str> = r.docs.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, ["a0", "a1", "a2"]);
    let kinds: Vec<ProblemKind> = r.problems.iter().map(|p| p.kind).collect();
    assert_eq!(kinds, [ProblemKind::TooLarge, ProblemKind::Malformed]);
}

fn zst(text: &str) -> Vec<u8> {
    zstd::stream::encode_all(text.as_bytes(), 3).unwrap()
}

#[test]
fn zstd_json_lines_stream_with_a_per_line_limit_and_are_found_in_folders() {
    let dir = tempfile::tempdir().unwrap();
    let mut text = String::new();
    for i in 0..3 {
        text.push_str(&format!(
            "{{\"id\":\"a{i}\",\"text\":\"Article {i} text.\"}}\n"
        ));
    }
    text.push_str(&format!(
        "{{\"id\":\"long\",\"text\":\"{}\"}}\n",
        "y".repeat(3000)
    ));
    text.push_str("not json\n{\"id\":\"last\",\"text\":\"The last one.\"}\n");
    std::fs::write(dir.path().join("day.jsonl.zst"), zst(&text)).unwrap();
    std::fs::write(dir.path().join("notes.txt.zst"), zst("skipped")).unwrap();
    let (inputs, problems) = discover(&[dir.path().display().to_string()]);
    assert!(problems.is_empty());
    assert_eq!(inputs.len(), 1, "only the .jsonl.zst is taken: {inputs:?}");
    let r = read(&inputs[0], &IngestOptions { max_bytes: 1000 });
    let ids: Vec<&str> = r.docs.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, ["a0", "a1", "a2", "last"]);
    let found: Vec<(ProblemKind, &str)> = r
        .problems
        .iter()
        .map(|p| (p.kind, p.input.rsplit('/').next().unwrap_or("")))
        .collect();
    assert_eq!(
        found,
        [
            (ProblemKind::TooLarge, "day.jsonl.zst:4"),
            (ProblemKind::Malformed, "day.jsonl.zst:5")
        ]
    );
}

#[test]
fn a_cut_or_corrupt_zstd_file_keeps_the_lines_before_and_names_the_fault() {
    let dir = tempfile::tempdir().unwrap();
    let mut text = String::new();
    // Many 128 KB blocks, so half the file holds whole lines.
    for i in 0..20000 {
        text.push_str(&format!(
            "{{\"id\":\"a{i}\",\"text\":\"Article {i}: talks in Geneva went on ({}).\"}}\n",
            i * 7919 % 10007
        ));
    }
    let bytes = zst(&text);
    let cut = dir.path().join("cut.jsonl.zst");
    std::fs::write(&cut, &bytes[..bytes.len() / 2]).unwrap();
    let r = read(
        &discover(&[cut.display().to_string()]).0[0],
        &IngestOptions::default(),
    );
    assert!(
        !r.docs.is_empty() && r.docs.len() < 20000,
        "{}",
        r.docs.len()
    );
    assert_eq!(r.problems.len(), 1, "{:?}", r.problems);
    assert_eq!(r.problems[0].kind, ProblemKind::Malformed);
    assert!(
        r.problems[0].message.contains("truncated"),
        "{}",
        r.problems[0].message
    );

    let bad = dir.path().join("bad.jsonl.zst");
    std::fs::write(&bad, b"this is not zstd at all\n").unwrap();
    let r = read(
        &discover(&[bad.display().to_string()]).0[0],
        &IngestOptions::default(),
    );
    assert!(r.docs.is_empty());
    assert_eq!(r.problems.len(), 1, "{:?}", r.problems);
    assert!(
        r.problems[0].message.contains("corrupt zstd"),
        "{}",
        r.problems[0].message
    );
}

#[test]
fn a_zstd_bomb_line_is_skipped_without_holding_it() {
    // 64 MB of one line in a few KB: skipped at the 10 MB line limit, the
    // line after it read.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bomb.jsonl.zst");
    let mut enc = zstd::stream::write::Encoder::new(Vec::new(), 19).unwrap();
    enc.write_all(b"{\"id\":\"big\",\"text\":\"").unwrap();
    let chunk = vec![b'y'; 1 << 20];
    for _ in 0..64 {
        enc.write_all(&chunk).unwrap();
    }
    enc.write_all(b"\"}\n{\"id\":\"after\",\"text\":\"Read after the bomb.\"}\n")
        .unwrap();
    std::fs::write(&path, enc.finish().unwrap()).unwrap();
    assert!(std::fs::metadata(&path).unwrap().len() < 100_000);
    let r = read(
        &discover(&[path.display().to_string()]).0[0],
        &IngestOptions::default(),
    );
    let ids: Vec<&str> = r.docs.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, ["after"]);
    assert_eq!(r.problems.len(), 1);
    assert_eq!(r.problems[0].kind, ProblemKind::TooLarge);
}

#[test]
fn streaming_hands_on_records_one_by_one_and_stops_when_asked() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("many.jsonl");
    let text: String = (0..100)
        .map(|i| format!("{{\"id\":\"a{i}\",\"text\":\"Article {i}.\"}}\n"))
        .collect();
    std::fs::write(&path, text).unwrap();
    let input = &discover(&[path.display().to_string()]).0[0];
    let mut seen = Vec::new();
    chronicler_ingest::stream(input, &IngestOptions::default(), &mut |item| {
        if let chronicler_ingest::Item::Doc(d) = item {
            seen.push(d.id);
        }
        if seen.len() == 5 {
            std::ops::ControlFlow::Break(())
        } else {
            std::ops::ControlFlow::Continue(())
        }
    });
    assert_eq!(seen, ["a0", "a1", "a2", "a3", "a4"]);
}

#[test]
fn a_page_is_read_in_the_charset_its_http_headers_name() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("legacy.warc.gz");
    let mut block =
        b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=ISO-8859-1\r\n\r\n".to_vec();
    block.extend_from_slice(
        b"<html><body><article><p>Les n\xe9gociateurs se sont r\xe9unis \xe0 Qu\xe9bec lundi.</p></article></body></html>",
    );
    let records = vec![record(
        "response",
        "https://nouvelles.example/a",
        "application/http; msgtype=response",
        &block,
    )];
    std::fs::write(&path, warc_gz(&records)).unwrap();
    let (inputs, _) = discover(&[path.display().to_string()]);
    let r = read(&inputs[0], &IngestOptions::default());
    assert!(r.problems.is_empty(), "{:?}", r.problems);
    assert!(
        matches!(&r.docs[0].body, Body::Html(h) if h.contains("négociateurs se sont réunis à Québec")),
        "{:?}",
        r.docs[0].body
    );
    assert!(r.docs[0].warnings.is_empty(), "{:?}", r.docs[0].warnings);
}
