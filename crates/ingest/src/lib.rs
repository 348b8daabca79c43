//! # chronicler-ingest
//!
//! Reads inputs into [`RawDocument`]s. Brief overview:
//!
//! - [`discover`] expands the paths given on the command line (files,
//!   folders walked recursively in sorted order, `-` for stdin) into
//!   [`Input`]s, skipping sidecar files (`NAME.meta.json`).
//! - [`read`] reads one input into zero or more raw documents (a JSON Lines
//!   file or a feed gives many) plus the [`Problem`]s met on the way.
//!
//! Bad input never stops a run: every problem names the input and the
//! reason in one line (see [`Problem`]'s `Display`).
#![deny(missing_docs)]

use std::path::PathBuf;

use chronicler_core::RawDocument;

/// Options for reading inputs.
#[derive(Debug, Clone)]
pub struct IngestOptions {
    /// Inputs larger than this many bytes are skipped (default 10 MB).
    pub max_bytes: u64,
}

impl Default for IngestOptions {
    fn default() -> Self {
        IngestOptions { max_bytes: 10 * 1024 * 1024 }
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
        }
    }

    /// True when the document was skipped; false for warnings (the document
    /// was kept, e.g. after lossy decoding).
    pub fn is_fatal(self) -> bool {
        !matches!(self, ProblemKind::NotUtf8 | ProblemKind::Truncated)
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

/// Expands command-line paths into inputs, in a deterministic order.
pub fn discover(paths: &[String]) -> (Vec<Input>, Vec<Problem>) {
    let _ = paths;
    (Vec::new(), Vec::new())
}

/// Reads one input.
pub fn read(input: &Input, opts: &IngestOptions) -> ReadResult {
    let _ = (input, opts);
    ReadResult::default()
}
