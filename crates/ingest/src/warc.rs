//! Archives read record by record, never whole: WARC files (plain or
//! gzip-compressed, as Common Crawl News publishes them) and compressed
//! JSON Lines (`.jsonl.gz`, `.ndjson.gz`, `.jsonl.zst`, `.ndjson.zst`).
//!
//! From a WARC file only `response` records carrying an HTML page (HTTP
//! status 2xx, `Content-Type` text/html or application/xhtml+xml) become
//! documents: their HTTP headers are stripped, a body stored as it came
//! over the wire (chunked, or gzip-, deflate- or zstd-compressed, as wget,
//! Heritrix and warcprox record it; Common Crawl stores it decoded) is
//! decoded, the record's
//! `WARC-Target-URI` is the document's id and URL, and the record's
//! `WARC-Date` (the capture time) is its publication date unless the page
//! itself names one (meta tags, JSON-LD, `<time>`, which cleaning reads) or
//! its URL does (`/2019/11/19/`): the capture date is kept apart, as
//! `Metadata::captured`, and the analysis takes it only after those.
//! Each record is held in memory only while it is read; records over the
//! size limit are skipped with a problem naming them.

use std::borrow::Cow;
use std::io::{BufRead, BufReader, Read};
use std::ops::ControlFlow;
use std::path::Path;

use chronicler_core::{Body, Format, Metadata, RawDocument};
use warc::{RecordType, WarcHeader, WarcReader};

use crate::decode;
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
        let (page, notes, charset) = match http_payload(&block, opts.max_bytes) {
            Payload::Html(page, notes, charset) => (page, notes, charset),
            Payload::NotHtml => continue,
            Payload::Unreadable(kind, why) => {
                pages += 1;
                if sink(Item::Problem(Problem::new(shown, kind, why))).is_break() {
                    return;
                }
                continue;
            }
        };
        pages += 1;
        for note in &notes {
            let warning = Problem::new(shown.as_str(), ProblemKind::Truncated, note.as_str());
            if sink(Item::Problem(warning)).is_break() {
                return;
            }
        }
        let item = page_document(
            &page,
            charset.as_deref(),
            &uri,
            &shown,
            display,
            &date,
            notes,
        );
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

/// What an HTTP response block holds for the ingest.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Payload<'a> {
    /// A successful HTML page: its body with the transfer and content
    /// encodings undone, and what was noted while undoing them (a body cut
    /// short: the page is kept as far as it goes), and the `charset` its
    /// `Content-Type` names.
    Html(Cow<'a, [u8]>, Vec<String>, Option<String>),
    /// Not a successful HTML response: passed over, as the other records
    /// are.
    NotHtml,
    /// A successful HTML response whose body cannot be read: skipped, with
    /// the reason.
    Unreadable(ProblemKind, String),
}

/// The page of an HTTP response block (headers stripped) when it is a
/// successful HTML response, its body decoded: a chunked transfer put
/// back together, then the content encodings (`gzip`, `deflate`, `zstd`)
/// undone in the reverse of their order, each bounded by `max_bytes`.
///
/// Common Crawl stores bodies decoded (it renames the headers
/// `X-Crawler-Content-Encoding` and so on); wget, Heritrix and warcprox
/// store them as they came over the wire. A body that a header calls
/// encoded but that is not (its first bytes are no chunk size, no gzip
/// header, or it does not inflate and reads as markup) is taken as it is.
pub(crate) fn http_payload(block: &[u8], max_bytes: u64) -> Payload<'_> {
    let Some((head_end, body_start)) = memchr::memmem::find(block, b"\r\n\r\n")
        .map(|i| (i, i + 4))
        .or_else(|| memchr::memmem::find(block, b"\n\n").map(|i| (i, i + 2)))
    else {
        return Payload::NotHtml;
    };
    let Ok(head) = std::str::from_utf8(&block[..head_end]) else {
        return Payload::NotHtml;
    };
    let mut lines = head.lines();
    let Some(code) = lines
        .next()
        .and_then(|status| status.split_whitespace().nth(1))
    else {
        return Payload::NotHtml;
    };
    if !code.starts_with('2') {
        return Payload::NotHtml;
    }
    let (mut html, mut chunked, mut charset) = (false, false, None);
    let mut encodings: Vec<String> = Vec::new();
    for line in lines {
        let Some((name, value)) = line.split_once(':') else {
            continue;
        };
        let name = name.trim().to_ascii_lowercase();
        let value = value.trim().to_ascii_lowercase();
        match name.as_str() {
            "content-type" => {
                html = value.starts_with("text/html") || value.starts_with("application/xhtml");
                charset = value
                    .split(';')
                    .find_map(|p| p.trim().strip_prefix("charset="))
                    .map(|c| c.trim_matches(['"', '\'', ' ']).to_string());
            }
            "transfer-encoding" => chunked |= value.split(',').any(|v| v.trim() == "chunked"),
            "content-encoding" => encodings.extend(
                value
                    .split(',')
                    .map(str::trim)
                    .filter(|v| !v.is_empty() && *v != "identity")
                    .map(str::to_string),
            ),
            _ => {}
        }
    }
    if !html {
        return Payload::NotHtml;
    }
    let mut notes = Vec::new();
    let mut body = Cow::Borrowed(&block[body_start..]);
    if chunked {
        if let Some((joined, complete)) = dechunk(&body) {
            if !complete {
                notes.push("cut short: the record ends inside a chunk of the page".to_string());
            }
            body = Cow::Owned(joined);
        }
    }
    for encoding in encodings.iter().rev() {
        match decode_content(encoding, &body, max_bytes) {
            Decoded::AsIs => {}
            Decoded::Done(bytes, complete) => {
                if !complete {
                    notes.push(format!(
                        "cut short: the page's {encoding} data ends early; kept as far as it goes"
                    ));
                }
                body = Cow::Owned(bytes);
            }
            Decoded::Failed(kind, why) => return Payload::Unreadable(kind, why),
        }
    }
    Payload::Html(body, notes, charset)
}

/// The body of a chunked transfer (RFC 9112, 7.1) put back together, and
/// whether its last chunk came; `None` when `body` does not begin with a
/// chunk size (a body stored decoded under the header). A body cut short
/// keeps the chunks that came.
fn dechunk(body: &[u8]) -> Option<(Vec<u8>, bool)> {
    let mut out = Vec::with_capacity(body.len());
    let mut rest = body;
    let mut first = true;
    loop {
        let size = memchr::memchr(b'\n', rest).and_then(|eol| {
            let line = &rest[..eol];
            let line = line.strip_suffix(b"\r").unwrap_or(line);
            // Chunk extensions (";name=value") follow the size.
            let digits = line.split(|&b| b == b';').next().unwrap_or_default();
            let digits = std::str::from_utf8(digits).ok()?.trim();
            let size = usize::from_str_radix(digits, 16).ok()?;
            Some((size, eol + 1))
        });
        let Some((size, after)) = size else {
            return (!first).then_some((out, false));
        };
        first = false;
        rest = &rest[after..];
        if size == 0 {
            return Some((out, true));
        }
        let Some(data) = rest.get(..size) else {
            out.extend_from_slice(rest);
            return Some((out, false));
        };
        out.extend_from_slice(data);
        rest = &rest[size..];
        rest = rest
            .strip_prefix(b"\r\n")
            .or_else(|| rest.strip_prefix(b"\n"))
            .unwrap_or(rest);
    }
}

/// What undoing one content encoding gave.
enum Decoded {
    /// Not encoded after all: the body as it is.
    AsIs,
    /// The decoded bytes, and whether the encoded data was whole.
    Done(Vec<u8>, bool),
    /// Unreadable: the problem and why.
    Failed(ProblemKind, String),
}

/// Undoes the content encoding `encoding` (lower case) of `body`, at most
/// `max_bytes` of output (a small body can inflate a thousandfold).
fn decode_content(encoding: &str, body: &[u8], max_bytes: u64) -> Decoded {
    let markup = || {
        body.iter()
            .position(|b| !b.is_ascii_whitespace())
            .is_none_or(|i| {
                body[i..].starts_with(b"<") || body[i..].starts_with("\u{feff}".as_bytes())
            })
    };
    let reader: Box<dyn Read + '_> = match encoding {
        "gzip" | "x-gzip" => {
            if !body.starts_with(&[0x1f, 0x8b]) {
                return Decoded::AsIs;
            }
            Box::new(flate2::read::MultiGzDecoder::new(body))
        }
        "deflate" => {
            // Servers send zlib data (RFC 9110) or, wrongly, raw deflate.
            let zlib = body.len() >= 2
                && body[0] & 0x0f == 8
                && ((u16::from(body[0]) << 8) | u16::from(body[1])) % 31 == 0;
            if zlib {
                Box::new(flate2::read::ZlibDecoder::new(body))
            } else {
                Box::new(flate2::read::DeflateDecoder::new(body))
            }
        }
        "zstd" => match zstd::stream::read::Decoder::new(body) {
            Ok(d) => Box::new(d),
            Err(_) if markup() => return Decoded::AsIs,
            Err(e) => {
                return Decoded::Failed(ProblemKind::Malformed, format!("corrupt zstd page: {e}"))
            }
        },
        other => {
            if markup() {
                return Decoded::AsIs;
            }
            return Decoded::Failed(
                ProblemKind::Unsupported,
                format!("page compressed as {other:?}, which chronicler does not decode"),
            );
        }
    };
    let mut out = Vec::new();
    match reader
        .take(max_bytes.saturating_add(1))
        .read_to_end(&mut out)
    {
        Ok(_) if out.len() as u64 > max_bytes => Decoded::Failed(
            ProblemKind::TooLarge,
            format!("page over {max_bytes} bytes once its {encoding} data is decoded"),
        ),
        Ok(_) => Decoded::Done(out, true),
        // What came before the data was cut or spoiled.
        Err(_) if !out.is_empty() => Decoded::Done(out, false),
        Err(_) if markup() => Decoded::AsIs,
        Err(e) => Decoded::Failed(
            ProblemKind::Malformed,
            format!(
                "corrupt {encoding} page: {}",
                crate::lower_first(&e.to_string())
            ),
        ),
    }
}

fn page_document(
    page: &[u8],
    charset: Option<&str>,
    uri: &str,
    shown: &str,
    display: &str,
    date: &str,
    mut warnings: Vec<String>,
) -> Item {
    if page.iter().all(u8::is_ascii_whitespace) {
        return Item::Problem(Problem::new(shown, ProblemKind::Empty, "empty page"));
    }
    let decoded = decode::decode_with_charset(page, charset);
    warnings.extend(decoded.warning());
    let text = decoded.text;
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
            captured: (!date.is_empty()).then(|| date.to_string()),
            ..Metadata::default()
        },
        body: Body::Html(text),
        warnings,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const MAX: u64 = 10 << 20;

    fn page(block: &[u8]) -> Option<Vec<u8>> {
        match http_payload(block, MAX) {
            Payload::Html(p, _, _) => Some(p.into_owned()),
            _ => None,
        }
    }

    fn response(headers: &str, body: &[u8]) -> Vec<u8> {
        let mut r =
            format!("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n{headers}\r\n").into_bytes();
        r.extend_from_slice(body);
        r
    }

    fn gzip(data: &[u8]) -> Vec<u8> {
        use std::io::Write;
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        gz.write_all(data).unwrap();
        gz.finish().unwrap()
    }

    fn chunked(data: &[u8], size: usize) -> Vec<u8> {
        let mut out = Vec::new();
        for c in data.chunks(size) {
            out.extend_from_slice(format!("{:x}\r\n", c.len()).as_bytes());
            out.extend_from_slice(c);
            out.extend_from_slice(b"\r\n");
        }
        out.extend_from_slice(b"0\r\n\r\n");
        out
    }

    const HTML: &[u8] = b"<html><body><p>Delegations met in Doha on Monday.</p></body></html>";

    #[test]
    fn payload_needs_2xx_html() {
        let ok = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<html>x</html>";
        assert_eq!(page(ok), Some(b"<html>x</html>".to_vec()));
        let pdf = b"HTTP/1.1 200 OK\r\nContent-Type: application/pdf\r\n\r\n%PDF";
        assert_eq!(http_payload(pdf, MAX), Payload::NotHtml);
        let redirect = b"HTTP/1.1 301 Moved\r\nContent-Type: text/html\r\n\r\n<html>";
        assert_eq!(http_payload(redirect, MAX), Payload::NotHtml);
        assert_eq!(http_payload(b"garbage", MAX), Payload::NotHtml);
    }

    #[test]
    fn bodies_recorded_as_they_came_over_the_wire_are_decoded() {
        let gz = gzip(HTML);
        for (headers, body) in [
            ("Content-Encoding: gzip\r\n", gz.clone()),
            ("Content-Encoding: x-gzip\r\n", gz.clone()),
            ("Transfer-Encoding: chunked\r\n", chunked(HTML, 7)),
            (
                "Transfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n",
                chunked(&gz, 5),
            ),
            ("Content-Encoding: deflate\r\n", {
                use std::io::Write;
                let mut z =
                    flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::fast());
                z.write_all(HTML).unwrap();
                z.finish().unwrap()
            }),
            ("Content-Encoding: deflate\r\n", {
                use std::io::Write;
                let mut z =
                    flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::fast());
                z.write_all(HTML).unwrap();
                z.finish().unwrap()
            }),
            (
                "Content-Encoding: zstd\r\n",
                zstd::encode_all(HTML, 1).unwrap(),
            ),
            // Stored decoded under the headers that described the wire.
            ("Content-Encoding: gzip\r\n", HTML.to_vec()),
            ("Content-Encoding: br\r\n", HTML.to_vec()),
            ("Transfer-Encoding: chunked\r\n", HTML.to_vec()),
            // Common Crawl's renamed headers: nothing to undo.
            ("X-Crawler-Content-Encoding: gzip\r\n", HTML.to_vec()),
        ] {
            let block = response(headers, &body);
            assert_eq!(
                http_payload(&block, MAX),
                Payload::Html(Cow::Owned(HTML.to_vec()), Vec::new(), None),
                "{headers:?}"
            );
        }
    }

    #[test]
    fn a_page_cut_short_is_kept_as_far_as_it_goes_and_noted() {
        let body = chunked(HTML, 10);
        let cut = &body[..body.len() - 20];
        let block = response("Transfer-Encoding: chunked\r\n", cut);
        let Payload::Html(p, notes, _) = http_payload(&block, MAX) else {
            panic!("not read")
        };
        assert!(HTML.starts_with(&p) && p.len() > 40, "{p:?}");
        assert_eq!(notes.len(), 1, "{notes:?}");
        let gz = gzip(HTML);
        let cut = &gz[..gz.len() - 12];
        let block = response("Content-Encoding: gzip\r\n", cut);
        let Payload::Html(p, notes, _) = http_payload(&block, MAX) else {
            panic!("not read")
        };
        assert!(HTML.starts_with(&p) && !p.is_empty(), "{p:?}");
        assert!(notes[0].contains("gzip"), "{notes:?}");
    }

    #[test]
    fn unreadable_bodies_are_named_not_guessed() {
        let br = response("Content-Encoding: br\r\n", &[0x1b, 0x2f, 0x00, 0xa4, 0x9c]);
        assert!(matches!(
            http_payload(&br, MAX),
            Payload::Unreadable(ProblemKind::Unsupported, m) if m.contains("\"br\"")
        ));
        let broken = response(
            "Content-Encoding: gzip\r\n",
            &[0x1f, 0x8b, 0xff, 0xff, 0xff],
        );
        assert!(matches!(
            http_payload(&broken, MAX),
            Payload::Unreadable(ProblemKind::Malformed, _)
        ));
        // A small body inflating past the limit (a compression bomb).
        let bomb = gzip(&vec![b' '; 4 << 20]);
        assert!(bomb.len() < 64 << 10, "{}", bomb.len());
        assert!(matches!(
            http_payload(&response("Content-Encoding: gzip\r\n", &bomb), 1 << 20),
            Payload::Unreadable(ProblemKind::TooLarge, _)
        ));
    }

    proptest::proptest! {
        /// Whatever a record holds (any headers among those decoded, any
        /// bytes, a body cut anywhere or with bytes spoiled), reading it
        /// ends in a page no longer than the body or the limit, or a named
        /// problem: never a panic.
        #[test]
        fn any_body_cut_or_spoiled_is_read_or_named(
            headers in proptest::sample::subsequence(vec![
                "Transfer-Encoding: chunked\r\n",
                "Content-Encoding: gzip\r\n",
                "Content-Encoding: deflate\r\n",
                "Content-Encoding: zstd\r\n",
                "Content-Encoding: br\r\n",
            ], 0..=3),
            repeat in 1usize..6,
            encode in proptest::bool::ANY,
            cut in 0usize..400,
            spoil in proptest::collection::vec((0usize..400, proptest::num::u8::ANY), 0..4),
            noise in proptest::collection::vec(proptest::num::u8::ANY, 0..64),
        ) {
            // The body as the headers describe it (or not, when `encode` is
            // false), then cut and spoiled. Repeated, the page compresses
            // to less than it decodes to.
            let mut body = [HTML.repeat(repeat), noise].concat();
            if encode {
                for h in headers.iter().rev() {
                    body = match *h {
                        h if h.contains("chunked") => chunked(&body, 9),
                        h if h.contains("gzip") => gzip(&body),
                        h if h.contains("zstd") => zstd::encode_all(&body[..], 1).unwrap(),
                        h if h.contains("deflate") => {
                            use std::io::Write;
                            let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::fast());
                            z.write_all(&body).unwrap();
                            z.finish().unwrap()
                        }
                        _ => body,
                    };
                }
            }
            body.truncate(body.len().saturating_sub(cut));
            for (at, b) in spoil {
                if let Some(x) = body.get_mut(at) {
                    *x = b;
                }
            }
            let block = response(&headers.concat(), &body);
            // Below what many bodies decode to: the limit is met too.
            let limit = 100;
            match http_payload(&block, limit) {
                // Taken as it is (at most the body), or decoded (at most the limit).
                Payload::Html(p, _, _) => proptest::prop_assert!(
                    p.len() <= body.len() || p.len() as u64 <= limit,
                    "{} bytes from a {}-byte body", p.len(), body.len()
                ),
                Payload::NotHtml => proptest::prop_assert!(false, "a 200 text/html response passed over"),
                Payload::Unreadable(_, why) => proptest::prop_assert!(!why.is_empty()),
            }
        }
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
