//! Archives read record by record, never whole: WARC files (plain or
//! gzip-compressed, as Common Crawl News publishes them) and compressed
//! JSON Lines (`.jsonl.gz`, `.ndjson.gz`, `.jsonl.zst`, `.ndjson.zst`).
//!
//! From a WARC file only `response` records carrying an HTML page (HTTP
//! status 2xx, `Content-Type` text/html or application/xhtml+xml) become
//! documents: their HTTP headers are stripped, the record's
//! `WARC-Target-URI` is the document's id and URL, and the record's
//! `WARC-Date` (the capture time) is its publication date unless the page
//! itself names one (meta tags, JSON-LD, `<time>`), which cleaning reads.
//! Each record is held in memory only while it is read; records over the
//! size limit are skipped with a problem naming them.

use std::io::{BufRead, BufReader, Read};
use std::ops::ControlFlow;
use std::path::Path;

use chronicler_core::{Body, Format, Metadata, RawDocument};
use warc::{RecordType, WarcHeader, WarcReader};

use crate::decode::{self, NOT_UTF8};
use crate::{io_message, jsonl, IngestOptions, Problem, ProblemKind};

/// What streaming reading hands on: a document, or a problem.
#[derive(Debug)]
pub enum Item {
    /// A document read.
    Doc(RawDocument),
    /// A problem met (fatal ones mean something was skipped).
    Problem(Problem),
}

/// The archive kinds read here.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Archive {
    /// `.warc` or `.warc.gz`.
    Warc,
    /// `.jsonl.gz` or `.ndjson.gz`.
    JsonlGz,
    /// `.jsonl.zst` or `.ndjson.zst` (Zstandard).
    JsonlZst,
}

fn lower_name(path: &Path) -> String {
    path.file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("")
        .to_ascii_lowercase()
}

/// The archive kind a file name names, if any.
pub(crate) fn archive_of(path: &Path) -> Option<Archive> {
    let name = lower_name(path);
    if name.ends_with(".warc") || name.ends_with(".warc.gz") {
        Some(Archive::Warc)
    } else if name.ends_with(".jsonl.gz") || name.ends_with(".ndjson.gz") {
        Some(Archive::JsonlGz)
    } else if name.ends_with(".jsonl.zst") || name.ends_with(".ndjson.zst") {
        Some(Archive::JsonlZst)
    } else {
        None
    }
}

/// Opens a file, gunzipping it (all members) when its name ends in `.gz`,
/// decoding Zstandard (all frames, streaming) when it ends in `.zst`.
fn open(path: &Path) -> std::io::Result<Box<dyn BufRead>> {
    let file = std::fs::File::open(path)?;
    if lower_name(path).ends_with(".zst") {
        let zst = zstd::stream::read::Decoder::new(file)?;
        Ok(Box::new(BufReader::with_capacity(256 * 1024, zst)))
    } else if lower_name(path).ends_with(".gz") {
        let gz = flate2::read::MultiGzDecoder::new(BufReader::with_capacity(256 * 1024, file));
        Ok(Box::new(BufReader::with_capacity(256 * 1024, gz)))
    } else {
        Ok(Box::new(BufReader::with_capacity(256 * 1024, file)))
    }
}

/// The message for a read error inside a gzip stream.
fn stream_message(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::UnexpectedEof => "truncated: the file ends mid-record".to_string(),
        std::io::ErrorKind::InvalidInput | std::io::ErrorKind::InvalidData => {
            format!("corrupt gzip: {}", crate::lower_first(&e.to_string()))
        }
        _ => io_message(e),
    }
}

/// The message for a read error inside a Zstandard stream (the decoder
/// reports a cut stream as "incomplete frame", corrupt data as its own
/// message, both as `Other`).
fn zstd_message(e: &std::io::Error) -> String {
    let text = e.to_string();
    match e.kind() {
        std::io::ErrorKind::UnexpectedEof => "truncated: the file ends mid-record".to_string(),
        _ if text.contains("incomplete frame") => {
            "truncated zstd: the file ends mid-stream".to_string()
        }
        std::io::ErrorKind::InvalidInput
        | std::io::ErrorKind::InvalidData
        | std::io::ErrorKind::Other => format!("corrupt zstd: {}", crate::lower_first(&text)),
        _ => io_message(e),
    }
}

/// Reads an archive, handing each document or problem to `sink` as soon as
/// it is read; `sink` may stop the reading early.
pub(crate) fn stream(
    archive: Archive,
    path: &Path,
    display: &str,
    opts: &IngestOptions,
    sink: &mut dyn FnMut(Item) -> ControlFlow<()>,
) {
    let reader = match open(path) {
        Ok(r) => r,
        Err(e) => {
            let _ = sink(Item::Problem(Problem::new(
                display,
                ProblemKind::Io,
                io_message(&e),
            )));
            return;
        }
    };
    let mut reader = reader;
    match archive {
        Archive::Warc => stream_warc(reader, display, opts, sink),
        Archive::JsonlGz => {
            let on_error = (ProblemKind::Malformed, stream_message as fn(&_) -> _);
            jsonl::stream_lines(&mut reader, display, opts, on_error, sink)
        }
        Archive::JsonlZst => {
            let on_error = (ProblemKind::Malformed, zstd_message as fn(&_) -> _);
            jsonl::stream_lines(&mut reader, display, opts, on_error, sink)
        }
    }
}

fn stream_warc(
    reader: Box<dyn BufRead>,
    display: &str,
    opts: &IngestOptions,
    sink: &mut dyn FnMut(Item) -> ControlFlow<()>,
) {
    let mut warc = WarcReader::new(reader);
    let mut records = warc.stream_records();
    let mut n = 0usize;
    let mut pages = 0usize;
    while let Some(next) = records.next_item() {
        n += 1;
        let mut record = match next {
            Ok(r) => r,
            Err(e) => {
                // The stream's position is unknown after a bad record: stop.
                let msg = format!("record {n}: malformed WARC record: {e}");
                let _ = sink(Item::Problem(Problem::new(
                    display,
                    ProblemKind::Malformed,
                    msg,
                )));
                return;
            }
        };
        if *record.warc_type() != RecordType::Response {
            continue;
        }
        let uri = record
            .header(WarcHeader::TargetURI)
            .map(|u| u.trim().trim_matches(['<', '>']).to_string())
            .unwrap_or_default();
        let shown = if uri.is_empty() {
            format!("{display}#{n}")
        } else {
            format!("{display}#{uri}")
        };
        let http = record
            .header(WarcHeader::ContentType)
            .is_some_and(|t| t.to_ascii_lowercase().starts_with("application/http"));
        if !http {
            continue;
        }
        if record.content_length() > opts.max_bytes {
            let msg = decode::too_large(record.content_length(), opts.max_bytes);
            if sink(Item::Problem(Problem::new(
                shown,
                ProblemKind::TooLarge,
                msg,
            )))
            .is_break()
            {
                return;
            }
            continue;
        }
        let date = record.date().format("%Y-%m-%dT%H:%M:%SZ").to_string();
        let mut block = Vec::new();
        if let Err(e) = (&mut record)
            .take(opts.max_bytes.saturating_add(1))
            .read_to_end(&mut block)
        {
            let msg = format!("record {n}: {}", stream_message(&e));
            let _ = sink(Item::Problem(Problem::new(
                display,
                ProblemKind::Malformed,
                msg,
            )));
            return;
        }
        drop(record);
        let Some(page) = html_payload(&block) else {
            continue;
        };
        pages += 1;
        let item = page_document(page, &uri, &shown, display, &date);
        if sink(item).is_break() {
            return;
        }
    }
    if n == 0 {
        let _ = sink(Item::Problem(Problem::new(
            display,
            ProblemKind::Empty,
            "no WARC records",
        )));
    } else if pages == 0 {
        let _ = sink(Item::Problem(Problem::new(
            display,
            ProblemKind::Empty,
            format!("no HTML responses among {n} WARC records"),
        )));
    }
}

/// The body of an HTTP response block when it is a successful HTML page
/// (headers stripped), else `None`.
pub(crate) fn html_payload(block: &[u8]) -> Option<&[u8]> {
    let end = memchr::memmem::find(block, b"\r\n\r\n")
        .map(|i| (i, i + 4))
        .or_else(|| memchr::memmem::find(block, b"\n\n").map(|i| (i, i + 2)))?;
    let head = std::str::from_utf8(&block[..end.0]).ok()?;
    let mut lines = head.lines();
    let status = lines.next()?;
    let code = status.split_whitespace().nth(1)?;
    if !code.starts_with('2') {
        return None;
    }
    let mut html = false;
    for line in lines {
        let Some((name, value)) = line.split_once(':') else {
            continue;
        };
        let name = name.trim().to_ascii_lowercase();
        let value = value.trim().to_ascii_lowercase();
        match name.as_str() {
            "content-type" => {
                html = value.starts_with("text/html") || value.starts_with("application/xhtml")
            }
            // Common Crawl stores payloads decoded; anything still encoded
            // is not readable text.
            "content-encoding" if !matches!(value.as_str(), "identity" | "") => return None,
            _ => {}
        }
    }
    html.then_some(&block[end.1..])
}

/// True when the page's head names a publication date cleaning will find.
fn page_has_date(html: &str) -> bool {
    let head: String = html
        .chars()
        .take(64 * 1024)
        .collect::<String>()
        .to_ascii_lowercase();
    [
        "published_time",
        "datepublished",
        "article.published",
        "<time",
    ]
    .iter()
    .any(|k| head.contains(k))
}

fn page_document(page: &[u8], uri: &str, shown: &str, display: &str, date: &str) -> Item {
    if page.iter().all(u8::is_ascii_whitespace) {
        return Item::Problem(Problem::new(shown, ProblemKind::Empty, "empty page"));
    }
    let decoded = decode::decode(page);
    let mut warnings = Vec::new();
    if decoded.lossy {
        warnings.push(NOT_UTF8.to_string());
    }
    let text = decoded.text;
    let published = (!page_has_date(&text)).then(|| date.to_string());
    let id = if uri.is_empty() {
        shown.to_string()
    } else {
        uri.to_string()
    };
    Item::Doc(RawDocument {
        id,
        path: display.to_string(),
        format: Format::Html,
        meta: Metadata {
            url: (!uri.is_empty()).then(|| uri.to_string()),
            published,
            ..Metadata::default()
        },
        body: Body::Html(text),
        warnings,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn payload_needs_2xx_html() {
        let ok = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<html>x</html>";
        assert_eq!(html_payload(ok), Some(&b"<html>x</html>"[..]));
        let pdf = b"HTTP/1.1 200 OK\r\nContent-Type: application/pdf\r\n\r\n%PDF";
        assert_eq!(html_payload(pdf), None);
        let redirect = b"HTTP/1.1 301 Moved\r\nContent-Type: text/html\r\n\r\n<html>";
        assert_eq!(html_payload(redirect), None);
        let gz =
            b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\n\r\n\x1f\x8b";
        assert_eq!(html_payload(gz), None);
        assert_eq!(html_payload(b"garbage"), None);
    }

    #[test]
    fn archive_names() {
        assert_eq!(
            archive_of(Path::new("a/CC-NEWS-1.warc.gz")),
            Some(Archive::Warc)
        );
        assert_eq!(archive_of(Path::new("x.WARC")), Some(Archive::Warc));
        assert_eq!(archive_of(Path::new("x.jsonl.gz")), Some(Archive::JsonlGz));
        assert_eq!(archive_of(Path::new("x.html.gz")), None);
        assert_eq!(archive_of(Path::new("x.jsonl")), None);
    }
}
