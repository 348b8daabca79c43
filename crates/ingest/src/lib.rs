//! # chronicler-ingest
//!
//! Reads inputs into [`RawDocument`]s. Brief overview:
//!
//! - [`discover`] expands the paths given on the command line (files,
//!   folders walked recursively in sorted order, `-` for stdin) into
//!   [`Input`]s, skipping sidecar files (`NAME.meta.json`).
//! - [`read`] reads one input into zero or more raw documents (a JSON Lines
//!   file or a feed gives many) plus the [`Problem`]s met on the way.
//!   Inputs named `*.gz` are decompressed first, never beyond the size limit.
//!   WARC files (`.warc`, `.warc.gz`: the HTML responses) and JSON Lines
//!   (`.jsonl`, `.jsonl.gz`, `.jsonl.zst`) are read record by record, the
//!   limit applying to each record.
//! - [`stream`] is [`read`] handing each document or problem on as soon as
//!   it is read (the pipeline's reader: memory bounded by the record, not
//!   the input).
//!
//! Bad input never stops a run: every problem names the input and the
//! reason in one line (see [`Problem`]'s `Display`).
#![deny(missing_docs)]

use std::path::{Path, PathBuf};

use chronicler_core::RawDocument;

mod decode;
mod feed;
mod jsonl;
mod read;
mod warc;

pub use read::{read, stream};
pub use warc::Item;

/// Options for reading inputs.
#[derive(Debug, Clone)]
pub struct IngestOptions {
    /// Inputs larger than this many bytes are skipped (default 10 MB).
    pub max_bytes: u64,
}

impl Default for IngestOptions {
    fn default() -> Self {
        IngestOptions {
            max_bytes: 10 * 1024 * 1024,
        }
    }
}

/// One input to read: a file, or stdin.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Input {
    /// Where to read from (`None` for stdin).
    pub path: Option<PathBuf>,
    /// The path as the user gave it, or as found under a folder they gave
    /// (`-` for stdin). This is the document id unless the input names one.
    pub display: String,
}

/// Why an input, or part of one, could not be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ProblemKind {
    /// Looks like a binary file (NUL bytes, control characters).
    Binary,
    /// Empty, or only whitespace.
    Empty,
    /// Larger than the configured limit.
    TooLarge,
    /// Markup or data cut off before its end.
    Truncated,
    /// Not valid UTF-8: decoded lossily (a warning, the document is kept).
    NotUtf8,
    /// Malformed content (bad JSON line, unreadable feed, bad sidecar).
    Malformed,
    /// A file type chronicler does not read.
    Unsupported,
    /// The file could not be read (missing, permissions).
    Io,
    /// A metadata field was unusable (a publication date like 0000-00-00
    /// or year 99999) and was dropped (a warning, the document is kept).
    BadMetadata,
    /// A bug in chronicler met this input (a stage panicked); the document
    /// was skipped and the run went on.
    Internal,
}

impl ProblemKind {
    /// A short stable name ("binary", "empty", "too-large"...), for summaries.
    pub fn as_str(self) -> &'static str {
        match self {
            ProblemKind::Binary => "binary",
            ProblemKind::Empty => "empty",
            ProblemKind::TooLarge => "too-large",
            ProblemKind::Truncated => "truncated",
            ProblemKind::NotUtf8 => "not-utf8",
            ProblemKind::Malformed => "malformed",
            ProblemKind::Unsupported => "unsupported",
            ProblemKind::Io => "io",
            ProblemKind::BadMetadata => "bad-metadata",
            ProblemKind::Internal => "internal-error",
        }
    }

    /// True when the document was skipped; false for warnings (the document
    /// was kept, e.g. after lossy decoding).
    pub fn is_fatal(self) -> bool {
        !matches!(
            self,
            ProblemKind::NotUtf8 | ProblemKind::Truncated | ProblemKind::BadMetadata
        )
    }
}

/// A problem with one input (or one line or item of it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The input, as displayed (with `:LINE` for a JSON Lines line).
    pub input: String,
    /// What kind of problem.
    pub kind: ProblemKind,
    /// Human-readable reason, one line.
    pub message: String,
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.input, self.message)
    }
}

/// What reading one input gave.
#[derive(Debug, Default)]
pub struct ReadResult {
    /// The documents read, in input order.
    pub docs: Vec<RawDocument>,
    /// Problems met (fatal ones mean something was skipped).
    pub problems: Vec<Problem>,
}

/// File extensions taken when walking a folder (lower case, no dot), also
/// when followed by `.gz` (gzip, decompressed within the size limit).
pub const KNOWN_EXTENSIONS: &[&str] = &[
    "txt", "text", "md", "markdown", "html", "htm", "xhtml", "jsonl", "ndjson", "xml", "rss",
    "atom", "warc",
];

impl Problem {
    pub(crate) fn new(
        input: impl Into<String>,
        kind: ProblemKind,
        message: impl Into<String>,
    ) -> Problem {
        Problem {
            input: input.into(),
            kind,
            message: message.into(),
        }
    }
}

fn is_sidecar(name: &str) -> bool {
    name.to_ascii_lowercase().ends_with(".meta.json")
}

fn is_hidden(name: &str) -> bool {
    name.starts_with('.')
}

fn has_known_extension(path: &Path) -> bool {
    if read::is_zstd(path) {
        // Zstandard is read for JSON Lines only.
        return warc::archive_of(path).is_some();
    }
    if read::is_gzip(path) {
        // `a.jsonl.gz` is taken, `backup.tar.gz` is not.
        return path
            .file_stem()
            .is_some_and(|stem| has_known_extension(Path::new(stem)));
    }
    path.extension()
        .and_then(|e| e.to_str())
        .map(|e| e.to_ascii_lowercase())
        .is_some_and(|e| KNOWN_EXTENSIONS.contains(&e.as_str()))
}

pub(crate) fn io_message(err: &std::io::Error) -> String {
    let msg = match err.kind() {
        std::io::ErrorKind::NotFound => "no such file or directory".to_string(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => {
            let s = err.to_string();
            // Drop the "(os error N)" tail and lower-case the first letter.
            let s = s.split(" (os error").next().unwrap_or("").to_string();
            lower_first(&s)
        }
    };
    format!("cannot read: {msg}")
}

pub(crate) fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_lowercase().chain(c).collect(),
        None => String::new(),
    }
}

/// Expands command-line paths into inputs, in a deterministic order.
///
/// Files given by name are taken whatever their extension (their content is
/// sniffed), except sidecars (`NAME.meta.json`). Folders are walked
/// recursively, entries sorted by name; there, only files with a
/// [`KNOWN_EXTENSIONS`] extension are taken, and hidden files and folders
/// (name starting with `.`) and sidecars are skipped. `-` is stdin.
pub fn discover(paths: &[String]) -> (Vec<Input>, Vec<Problem>) {
    let mut inputs = Vec::new();
    let mut problems = Vec::new();
    for p in paths {
        if p == "-" {
            inputs.push(Input {
                path: None,
                display: "-".to_string(),
            });
            continue;
        }
        let path = PathBuf::from(p);
        let meta = match std::fs::metadata(&path) {
            Ok(m) => m,
            Err(e) => {
                problems.push(Problem::new(p.clone(), ProblemKind::Io, io_message(&e)));
                continue;
            }
        };
        if meta.is_dir() {
            walk(&path, p, &mut inputs, &mut problems);
        } else {
            let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
            if is_sidecar(name) {
                continue;
            }
            inputs.push(Input {
                path: Some(path),
                display: p.clone(),
            });
        }
    }
    (inputs, problems)
}

/// Walks one folder without recursion: a stack of entries still to visit,
/// each folder's entries pushed in reverse name order so they pop in order.
fn walk(root: &Path, display: &str, inputs: &mut Vec<Input>, problems: &mut Vec<Problem>) {
    enum Item {
        Dir(PathBuf, String),
        File(PathBuf, String),
    }
    let mut seen = std::collections::HashSet::new();
    let mut stack = vec![Item::Dir(root.to_path_buf(), display.to_string())];
    while let Some(item) = stack.pop() {
        match item {
            Item::File(path, display) => inputs.push(Input {
                path: Some(path),
                display,
            }),
            Item::Dir(dir, display) => {
                // Guard against symlink loops.
                if let Ok(canon) = std::fs::canonicalize(&dir) {
                    if !seen.insert(canon) {
                        continue;
                    }
                }
                let rd = match std::fs::read_dir(&dir) {
                    Ok(rd) => rd,
                    Err(e) => {
                        problems.push(Problem::new(display, ProblemKind::Io, io_message(&e)));
                        continue;
                    }
                };
                let mut entries: Vec<(String, PathBuf)> = Vec::new();
                for entry in rd {
                    match entry {
                        Ok(e) => {
                            let name = e.file_name().to_string_lossy().into_owned();
                            entries.push((name, e.path()));
                        }
                        Err(e) => problems.push(Problem::new(
                            display.clone(),
                            ProblemKind::Io,
                            io_message(&e),
                        )),
                    }
                }
                entries.sort_by(|a, b| a.0.cmp(&b.0));
                let mut items = Vec::new();
                for (name, path) in entries {
                    if is_hidden(&name) {
                        continue;
                    }
                    let shown =
                        if display.ends_with('/') || display.ends_with(std::path::MAIN_SEPARATOR) {
                            format!("{display}{name}")
                        } else {
                            format!("{display}/{name}")
                        };
                    let meta = match std::fs::metadata(&path) {
                        Ok(m) => m,
                        Err(e) => {
                            problems.push(Problem::new(shown, ProblemKind::Io, io_message(&e)));
                            continue;
                        }
                    };
                    if meta.is_dir() {
                        items.push(Item::Dir(path, shown));
                    } else if !is_sidecar(&name) && has_known_extension(&path) {
                        items.push(Item::File(path, shown));
                    }
                }
                stack.extend(items.into_iter().rev());
            }
        }
    }
}
