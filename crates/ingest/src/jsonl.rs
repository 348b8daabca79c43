//! JSON Lines: one article per line.

use std::io::{BufRead, BufReader, Read};
use std::ops::ControlFlow;
use std::path::Path;

use chronicler_core::{Body, Format, Metadata, RawDocument};
use serde_json::{Map, Value};

use crate::decode::{self, NOT_UTF8};
use crate::{io_message, IngestOptions, Item, Problem, ProblemKind, ReadResult};

/// A name for a JSON value's type, for messages.
pub(crate) fn json_kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// A non-empty trimmed string field (numbers are taken as text too).
fn field(obj: &Map<String, Value>, name: &str) -> Option<String> {
    match obj.get(name)? {
        Value::String(s) => {
            let s = s.trim();
            (!s.is_empty()).then(|| s.to_string())
        }
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// Metadata from an object's `url`, `title`, `outlet`, `published` and
/// `captured` fields (`source`/`site_name`/`source_domain`,
/// `date`/`date_publish` and `date_download` accepted as aliases, the
/// last three as news-please writes them).
pub(crate) fn metadata_of(obj: &Map<String, Value>) -> Metadata {
    Metadata {
        url: field(obj, "url").or_else(|| field(obj, "link")),
        title: field(obj, "title").or_else(|| field(obj, "headline")),
        outlet: field(obj, "outlet")
            .or_else(|| field(obj, "source"))
            .or_else(|| field(obj, "site_name"))
            .or_else(|| field(obj, "source_domain")),
        published: field(obj, "published")
            .or_else(|| field(obj, "date"))
            .or_else(|| field(obj, "date_publish")),
        captured: field(obj, "captured").or_else(|| field(obj, "date_download")),
    }
}

/// True when `s` is an ISO-looking date that no calendar has: year 0 or
/// more than four digits, month outside 1-12, day outside 1-31, a sign, or
/// a number that is neither a year nor YYYYMMDD.
/// Other forms are left to the analyzer, which reads many.
pub(crate) fn impossible_date(s: &str) -> bool {
    let s = s.trim();
    if s.starts_with('-') || s.starts_with('+') {
        return s[1..].starts_with(|c: char| c.is_ascii_digit());
    }
    let all_digits = |x: &str| !x.is_empty() && x.bytes().all(|b| b.is_ascii_digit());
    let num = |x: &str| x.parse::<u64>().unwrap_or(u64::MAX);
    if all_digits(s) {
        // A bare year, or YYYYMMDD.
        return match s.len() {
            4 => num(s) == 0,
            8 => impossible_date(&format!("{}-{}-{}", &s[..4], &s[4..6], &s[6..])),
            _ => true,
        };
    }
    let mut parts = s.splitn(3, '-');
    let (Some(y), Some(m), Some(d)) = (parts.next(), parts.next(), parts.next()) else {
        return false;
    };
    let d: String = d.chars().take_while(char::is_ascii_digit).collect();
    if !all_digits(y) || !all_digits(m) || d.is_empty() {
        return false;
    }
    y.len() > 4 || num(y) == 0 || !(1..=12).contains(&num(m)) || !(1..=31).contains(&num(&d))
}

/// Drops an impossible publication date from `meta`, with a warning
/// problem for `at` and a warning on the document.
pub(crate) fn check_published(
    meta: &mut Metadata,
    at: &str,
    prefix: &str,
    out: &mut ReadResult,
    warnings: &mut Vec<String>,
) {
    let Some(date) = meta.published.as_deref() else {
        return;
    };
    if !impossible_date(date) {
        return;
    }
    let msg = format!("{prefix}publication date \"{date}\" is not a real date: ignored");
    out.problems
        .push(Problem::new(at, ProblemKind::BadMetadata, msg.clone()));
    warnings.push(msg);
    meta.published = None;
}

/// Reads a JSON Lines file line by line, handing each document or problem
/// to `sink` as soon as its line is read, so neither the whole file nor
/// more than one over-long line is ever held (the limit applies per line).
pub(crate) fn stream_file(
    path: &Path,
    display: &str,
    opts: &IngestOptions,
    sink: &mut dyn FnMut(Item) -> ControlFlow<()>,
) {
    let problem = |kind, msg: String| Item::Problem(Problem::new(display, kind, msg));
    let file = match std::fs::File::open(path) {
        Ok(f) => f,
        Err(e) => {
            let _ = sink(problem(ProblemKind::Io, io_message(&e)));
            return;
        }
    };
    let mut reader = BufReader::with_capacity(256 * 1024, file);
    let head = match reader.fill_buf() {
        Ok(h) => h.to_vec(),
        Err(e) => {
            let _ = sink(problem(ProblemKind::Io, io_message(&e)));
            return;
        }
    };
    if let Some(reason) = decode::binary_reason(&head) {
        let _ = sink(problem(ProblemKind::Binary, reason.to_string()));
        return;
    }
    if decode::is_utf16(&head) {
        // UTF-16: decode the whole file (within the limit), then split.
        let mut buf = Vec::new();
        let limit = opts.max_bytes.saturating_add(1);
        if let Err(e) = reader.take(limit).read_to_end(&mut buf) {
            let _ = sink(problem(ProblemKind::Io, io_message(&e)));
            return;
        }
        if buf.len() as u64 > opts.max_bytes {
            let msg = format!(
                "UTF-16 file over the {} limit (--max-bytes)",
                decode::human_size(opts.max_bytes)
            );
            let _ = sink(problem(ProblemKind::TooLarge, msg));
            return;
        }
        let text = decode::decode(&buf).text;
        let mut out = ReadResult::default();
        read_str(&text, display, opts, &mut out);
        let _ = forward(out, sink);
        return;
    }
    stream_lines(
        &mut reader,
        display,
        opts,
        (ProblemKind::Io, io_message),
        sink,
    );
}

/// Hands on what one line or one record gave: its problems, then its
/// documents; stops when `sink` does.
pub(crate) fn forward(
    one: ReadResult,
    sink: &mut dyn FnMut(Item) -> ControlFlow<()>,
) -> ControlFlow<()> {
    for p in one.problems {
        sink(Item::Problem(p))?;
    }
    for d in one.docs {
        sink(Item::Doc(d))?;
    }
    ControlFlow::Continue(())
}

/// The line loop of every JSON Lines input (plain, gzip, zstd): one
/// document or one named problem per non-blank line, lines over
/// `opts.max_bytes` skipped unread. A read error (a cut or corrupt
/// compressed stream) ends the input with `read_error`'s message.
pub(crate) fn stream_lines(
    reader: &mut dyn BufRead,
    display: &str,
    opts: &IngestOptions,
    (error_kind, read_error): (ProblemKind, fn(&std::io::Error) -> String),
    sink: &mut dyn FnMut(Item) -> ControlFlow<()>,
) {
    let mut lineno = 0usize;
    let mut any = false;
    let mut buf = Vec::new();
    loop {
        buf.clear();
        let (len, found) = match next_line(reader, opts.max_bytes, &mut buf) {
            Ok(Some(x)) => x,
            Ok(None) => break,
            Err(e) => {
                let msg = read_error(&e);
                let _ = sink(Item::Problem(Problem::new(display, error_kind, msg)));
                return;
            }
        };
        lineno += 1;
        let mut one = ReadResult::default();
        if !found {
            any = true;
            one.problems.push(Problem::new(
                format!("{display}:{lineno}"),
                ProblemKind::TooLarge,
                format!("line {lineno}: {}", decode::too_large(len, opts.max_bytes)),
            ));
        } else {
            let mut bytes: &[u8] = &buf;
            if lineno == 1 {
                bytes = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
            }
            let (line, lossy) = match std::str::from_utf8(bytes) {
                Ok(s) => (std::borrow::Cow::Borrowed(s), false),
                Err(_) => (String::from_utf8_lossy(bytes), true),
            };
            if !line.trim().is_empty() {
                any = true;
            }
            handle_line(&line, lineno, lossy, display, &mut one);
        }
        if forward(one, sink).is_break() {
            return;
        }
    }
    if !any {
        let _ = sink(Item::Problem(Problem::new(
            display,
            ProblemKind::Empty,
            "empty file",
        )));
    }
}

/// Reads the next line into `buf` (without its `\n`), keeping at most
/// `max` bytes. Returns the line's full length and whether it was kept
/// (false: over the limit, contents dropped); `None` at the end.
pub(crate) fn next_line<R: BufRead + ?Sized>(
    r: &mut R,
    max: u64,
    buf: &mut Vec<u8>,
) -> std::io::Result<Option<(u64, bool)>> {
    let mut len: u64 = 0;
    let mut started = false;
    let mut keep = true;
    loop {
        let avail = match r.fill_buf() {
            Ok(a) => a,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if avail.is_empty() {
            return Ok(started.then_some((len, keep)));
        }
        started = true;
        let (chunk, newline) = match memchr::memchr(b'\n', avail) {
            Some(i) => (&avail[..i], true),
            None => (avail, false),
        };
        len += chunk.len() as u64;
        if keep && len > max {
            keep = false;
            buf.clear();
        }
        if keep {
            buf.extend_from_slice(chunk);
        }
        let used = chunk.len() + usize::from(newline);
        r.consume(used);
        if newline {
            return Ok(Some((len, keep)));
        }
    }
}

/// Reads JSON Lines already in memory.
pub(crate) fn read_str(text: &str, display: &str, opts: &IngestOptions, out: &mut ReadResult) {
    for (i, line) in text.split('\n').enumerate() {
        let lineno = i + 1;
        if line.len() as u64 > opts.max_bytes {
            out.problems.push(Problem::new(
                format!("{display}:{lineno}"),
                ProblemKind::TooLarge,
                format!(
                    "line {lineno}: {}",
                    decode::too_large(line.len() as u64, opts.max_bytes)
                ),
            ));
            continue;
        }
        handle_line(line, lineno, false, display, out);
    }
}

/// Turns one line into a document or a problem.
pub(crate) fn handle_line(
    line: &str,
    lineno: usize,
    lossy: bool,
    display: &str,
    out: &mut ReadResult,
) {
    let line = line.trim_end_matches('\r');
    let line = line.trim_start_matches('\u{FEFF}');
    if line.trim().is_empty() {
        return;
    }
    let at = format!("{display}:{lineno}");
    let malformed = |msg: String| {
        Problem::new(
            at.clone(),
            ProblemKind::Malformed,
            format!("line {lineno}: {msg}"),
        )
    };
    let value: Value = match serde_json::from_str(line) {
        Ok(v) => v,
        Err(e) => {
            let first = line.trim_start().chars().next().unwrap_or(' ');
            let msg = if first != '{' {
                format!("expected JSON object: {e}")
            } else {
                format!("invalid JSON: {e}")
            };
            out.problems.push(malformed(msg));
            return;
        }
    };
    let Value::Object(obj) = value else {
        out.problems.push(malformed(format!(
            "expected JSON object: got {}",
            json_kind(&value)
        )));
        return;
    };
    // `maintext`: news-please's name for it.
    let text = field(&obj, "text").or_else(|| field(&obj, "maintext"));
    let html = field(&obj, "html");
    let body = match (text, html) {
        (_, Some(h)) => Body::Html(h),
        (Some(t), None) => Body::Text(t),
        (None, None) => {
            let present = ["text", "html", "maintext"]
                .iter()
                .any(|k| obj.contains_key(*k));
            let msg = if present {
                "empty \"text\" and \"html\" fields".to_string()
            } else {
                "missing \"text\" or \"html\" field".to_string()
            };
            out.problems.push(malformed(msg));
            return;
        }
    };
    let mut warnings = Vec::new();
    if lossy {
        out.problems.push(Problem::new(
            at.clone(),
            ProblemKind::NotUtf8,
            format!("line {lineno}: {NOT_UTF8}"),
        ));
        warnings.push(NOT_UTF8.to_string());
    }
    let id = field(&obj, "id").unwrap_or_else(|| at.clone());
    let mut meta = metadata_of(&obj);
    check_published(
        &mut meta,
        &at,
        &format!("line {lineno}: "),
        out,
        &mut warnings,
    );
    out.docs.push(RawDocument {
        id,
        path: display.to_string(),
        format: Format::Jsonl,
        meta,
        body,
        warnings,
    });
}
