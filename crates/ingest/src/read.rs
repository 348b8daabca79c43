//! Reading one input: size limit, decoding, format detection, sidecars.

use std::io::Read;
use std::ops::ControlFlow;
use std::path::{Path, PathBuf};

use chronicler_core::{Body, Format, Metadata, RawDocument};

use crate::decode;
use crate::{
    feed, io_message, jsonl, IngestOptions, Input, Item, Problem, ProblemKind, ReadResult,
};

/// What an input is read as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Text,
    Html,
    Jsonl,
    Feed,
}

/// True when the path ends in `.gz`.
pub(crate) fn is_gzip(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("gz"))
}

/// True when the path ends in `.zst` (Zstandard).
pub(crate) fn is_zstd(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("zst"))
}

/// The kind an extension names, if it names one (`a.jsonl.gz`: the kind
/// of `a.jsonl`).
pub(crate) fn kind_of_extension(path: &Path) -> Option<Kind> {
    if is_gzip(path) {
        return kind_of_extension(Path::new(path.file_stem()?));
    }
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    match ext.as_str() {
        "txt" | "text" | "md" | "markdown" => Some(Kind::Text),
        "html" | "htm" | "xhtml" => Some(Kind::Html),
        "jsonl" | "ndjson" => Some(Kind::Jsonl),
        "xml" | "rss" | "atom" => Some(Kind::Feed),
        _ => None,
    }
}

/// Guesses the kind from the content.
pub(crate) fn sniff(text: &str) -> Kind {
    let t = text.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{FEFF}');
    if t.starts_with('{') {
        return Kind::Jsonl;
    }
    let head: String = t
        .chars()
        .take(2048)
        .collect::<String>()
        .to_ascii_lowercase();
    let has = |s: &str| head.contains(s);
    if head.starts_with("<rss") || head.starts_with("<feed") || head.starts_with("<rdf") {
        return Kind::Feed;
    }
    if head.starts_with("<?xml") {
        if has("<html") {
            return Kind::Html;
        }
        return Kind::Feed;
    }
    if head.starts_with("<!doctype") || head.starts_with("<html") {
        return Kind::Html;
    }
    if head.starts_with('<')
        && (has("<body")
            || has("<head")
            || has("<p>")
            || has("<p ")
            || has("<div")
            || has("<article"))
    {
        return Kind::Html;
    }
    if has("<rss") || has("<feed ") || has("<feed>") {
        return Kind::Feed;
    }
    Kind::Text
}

/// Reads one input.
///
/// A file over `opts.max_bytes` is skipped unread (a JSON Lines file is
/// read line by line instead, and only over-long lines are skipped).
/// Binary and empty inputs are skipped; invalid UTF-8 is decoded lossily
/// with a warning; UTF-16 with a byte-order mark is decoded.
pub fn read(input: &Input, opts: &IngestOptions) -> ReadResult {
    let mut out = ReadResult::default();
    stream(input, opts, &mut |item| {
        match item {
            Item::Doc(d) => out.docs.push(d),
            Item::Problem(p) => out.problems.push(p),
        }
        ControlFlow::Continue(())
    });
    out
}

/// Reads one input as [`read`] does, but hands each document or problem to
/// `sink` as soon as it is read: JSON Lines (plain, `.gz`, `.zst`) line by
/// line and WARC files record by record, so a large input is never held
/// whole; other inputs (one document each, or a feed) are read whole
/// within the size limit, then handed on. `sink` may stop the reading by
/// returning [`ControlFlow::Break`].
pub fn stream(input: &Input, opts: &IngestOptions, sink: &mut dyn FnMut(Item) -> ControlFlow<()>) {
    let display = input.display.as_str();
    if let Some(path) = &input.path {
        if let Some(archive) = crate::warc::archive_of(path) {
            crate::warc::stream(archive, path, display, opts, sink);
            return;
        }
        if !is_gzip(path) && kind_of_extension(path) == Some(Kind::Jsonl) {
            jsonl::stream_file(path, display, opts, sink);
            return;
        }
    }
    let _ = jsonl::forward(read_whole(input, opts), sink);
}

/// Reads an input that is not streamed (stdin, single documents, feeds,
/// `.gz` other than JSON Lines and WARC) whole, within the size limit.
fn read_whole(input: &Input, opts: &IngestOptions) -> ReadResult {
    let mut out = ReadResult::default();
    let display = input.display.as_str();
    let bytes = match &input.path {
        None => {
            let mut buf = Vec::new();
            let limit = opts.max_bytes.saturating_add(1);
            if let Err(e) = std::io::stdin().lock().take(limit).read_to_end(&mut buf) {
                out.problems
                    .push(Problem::new(display, ProblemKind::Io, io_message(&e)));
                return out;
            }
            if buf.len() as u64 > opts.max_bytes {
                let msg = format!(
                    "more than {} on standard input (--max-bytes)",
                    decode::human_size(opts.max_bytes)
                );
                out.problems
                    .push(Problem::new(display, ProblemKind::TooLarge, msg));
                return out;
            }
            buf
        }
        Some(path) => {
            if is_zstd(path) {
                let msg = "Zstandard is read for JSON Lines only (.jsonl.zst, .ndjson.zst)";
                out.problems
                    .push(Problem::new(display, ProblemKind::Unsupported, msg));
                return out;
            }
            if is_gzip(path) {
                match gunzip(path, display, opts) {
                    Ok(bytes) => read_bytes(input, bytes, opts, &mut out),
                    Err(p) => out.problems.push(p),
                }
                return out;
            }
            let meta = match std::fs::metadata(path) {
                Ok(m) => m,
                Err(e) => {
                    out.problems
                        .push(Problem::new(display, ProblemKind::Io, io_message(&e)));
                    return out;
                }
            };
            if meta.is_dir() {
                out.problems.push(Problem::new(
                    display,
                    ProblemKind::Unsupported,
                    "is a folder",
                ));
                return out;
            }
            if meta.len() > opts.max_bytes {
                out.problems.push(Problem::new(
                    display,
                    ProblemKind::TooLarge,
                    decode::too_large(meta.len(), opts.max_bytes),
                ));
                return out;
            }
            let mut buf = Vec::new();
            let limit = opts.max_bytes.saturating_add(1);
            let res = std::fs::File::open(path).and_then(|f| f.take(limit).read_to_end(&mut buf));
            if let Err(e) = res {
                out.problems
                    .push(Problem::new(display, ProblemKind::Io, io_message(&e)));
                return out;
            }
            if buf.len() as u64 > opts.max_bytes {
                // Grew while we read it.
                out.problems.push(Problem::new(
                    display,
                    ProblemKind::TooLarge,
                    decode::too_large(buf.len() as u64, opts.max_bytes),
                ));
                return out;
            }
            buf
        }
    };
    read_bytes(input, bytes, opts, &mut out);
    out
}

/// Decompresses a gzip file, refusing more than `opts.max_bytes` either
/// compressed or decompressed (a gzip bomb stops at the limit: the output
/// is never held beyond it).
fn gunzip(path: &Path, display: &str, opts: &IngestOptions) -> Result<Vec<u8>, Problem> {
    let file = std::fs::File::open(path)
        .map_err(|e| Problem::new(display, ProblemKind::Io, io_message(&e)))?;
    let size = file
        .metadata()
        .map_err(|e| Problem::new(display, ProblemKind::Io, io_message(&e)))?
        .len();
    if size > opts.max_bytes {
        return Err(Problem::new(
            display,
            ProblemKind::TooLarge,
            decode::too_large(size, opts.max_bytes),
        ));
    }
    let mut buf = Vec::new();
    let limit = opts.max_bytes.saturating_add(1);
    let res = flate2::read::MultiGzDecoder::new(std::io::BufReader::new(file))
        .take(limit)
        .read_to_end(&mut buf);
    if let Err(e) = res {
        let msg = match e.kind() {
            std::io::ErrorKind::UnexpectedEof => "truncated gzip: the file ends mid-stream".into(),
            std::io::ErrorKind::InvalidInput | std::io::ErrorKind::InvalidData => {
                format!("corrupt gzip: {}", crate::lower_first(&e.to_string()))
            }
            _ => io_message(&e),
        };
        return Err(Problem::new(display, ProblemKind::Malformed, msg));
    }
    if buf.len() as u64 > opts.max_bytes {
        return Err(Problem::new(
            display,
            ProblemKind::TooLarge,
            format!(
                "decompresses to more than the {} limit (--max-bytes)",
                decode::human_size(opts.max_bytes)
            ),
        ));
    }
    Ok(buf)
}

/// Reads an input's bytes, already within the size limit.
fn read_bytes(input: &Input, bytes: Vec<u8>, opts: &IngestOptions, out: &mut ReadResult) {
    let display = input.display.as_str();
    if let Some(reason) = decode::binary_reason(&bytes) {
        out.problems
            .push(Problem::new(display, ProblemKind::Binary, reason));
        return;
    }
    let decoded = decode::decode_owned(bytes);
    let warning = decoded.warning();
    let text = decoded.text;
    if text
        .trim_matches(|c: char| c.is_whitespace() || c == '\u{FEFF}')
        .is_empty()
    {
        out.problems
            .push(Problem::new(display, ProblemKind::Empty, "empty file"));
        return;
    }
    let mut warnings = Vec::new();
    if let Some(w) = warning {
        out.problems
            .push(Problem::new(display, ProblemKind::NotUtf8, w.clone()));
        warnings.push(w);
    }
    let kind = input
        .path
        .as_deref()
        .and_then(kind_of_extension)
        .unwrap_or_else(|| sniff(&text));
    match kind {
        Kind::Jsonl => {
            let lines_before = out.docs.len();
            jsonl::read_str(&text, display, opts, out);
            for d in &mut out.docs[lines_before..] {
                d.warnings.extend(warnings.iter().cloned());
            }
        }
        Kind::Feed => feed::read(&text, display, warnings, out),
        Kind::Text | Kind::Html => {
            let mut meta = Metadata::default();
            if let Some(path) = &input.path {
                if let Some(side) = read_sidecar(path, display, out) {
                    meta = side;
                    jsonl::check_published(&mut meta, display, "sidecar: ", out, &mut warnings);
                }
            }
            let (format, body) = if kind == Kind::Html {
                if decode::html_truncated(&text) {
                    let msg = "truncated HTML: the page ends before its closing tags";
                    out.problems
                        .push(Problem::new(display, ProblemKind::Truncated, msg));
                    warnings.push(msg.to_string());
                }
                (Format::Html, Body::Html(text))
            } else {
                if meta.title.is_none() {
                    meta.title = headline_of(&text);
                }
                (Format::Text, Body::Text(text))
            };
            out.docs.push(RawDocument {
                id: display.to_string(),
                path: display.to_string(),
                format,
                meta,
                body,
                warnings,
            });
        }
    }
}

/// The first non-empty line, when it looks like a headline: at most 25
/// words and not ending with a full stop, inside a closing quotation mark
/// or not (a text that opens straight with its first paragraph has no
/// title line).
pub(crate) fn headline_of(text: &str) -> Option<String> {
    let line = text
        .lines()
        .map(|l| l.trim_matches(|c: char| c.is_whitespace() || c == '\u{FEFF}'))
        .find(|l| !l.is_empty())?;
    let line = line.trim_start_matches('#').trim();
    let words = line.split_whitespace().count();
    // (a full stop inside a closing quotation mark ends a sentence too:
    // 'criticised the detentions as "unjustified."')
    let unquoted = line.trim_end_matches(['"', '”', '\'', '’', '»']);
    if words == 0 || words > 25 || unquoted.ends_with('.') || line.chars().count() > 250 {
        return None;
    }
    Some(line.to_string())
}

/// The sidecar path of an input: `NAME.meta.json` beside `NAME.EXT`.
fn sidecar_path(path: &Path) -> Option<PathBuf> {
    let stem = path.file_stem()?.to_str()?;
    Some(path.with_file_name(format!("{stem}.meta.json")))
}

/// Reads the sidecar of `path` if there is one. A malformed sidecar gives
/// a problem naming it, and `None`.
fn read_sidecar(path: &Path, display: &str, out: &mut ReadResult) -> Option<Metadata> {
    let side = sidecar_path(path)?;
    if !side.is_file() {
        return None;
    }
    let name = side
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("sidecar");
    let shown = match display.rfind(['/', std::path::MAIN_SEPARATOR]) {
        Some(i) => format!("{}{name}", &display[..=i]),
        None => name.to_string(),
    };
    let bytes = match std::fs::read(&side) {
        Ok(b) => b,
        Err(e) => {
            out.problems
                .push(Problem::new(shown, ProblemKind::Io, io_message(&e)));
            return None;
        }
    };
    let text = decode::decode(&bytes).text;
    let value: serde_json::Value = match serde_json::from_str(&text) {
        Ok(v) => v,
        Err(e) => {
            let msg = format!("malformed sidecar, ignored: invalid JSON: {e}");
            out.problems
                .push(Problem::new(shown, ProblemKind::Malformed, msg));
            return None;
        }
    };
    let Some(obj) = value.as_object() else {
        let msg = format!(
            "malformed sidecar, ignored: expected JSON object: got {}",
            crate::jsonl::json_kind(&value)
        );
        out.problems
            .push(Problem::new(shown, ProblemKind::Malformed, msg));
        return None;
    };
    Some(crate::jsonl::metadata_of(obj))
}
