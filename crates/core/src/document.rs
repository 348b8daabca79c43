//! Documents as they move from input to analysis.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

/// A half-open byte range `[start, end)` into a document's clean text.
///
/// Invariant: `start <= end`, and both lie on `char` boundaries of the text
/// they index.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// Builds a span; swaps the bounds if given in the wrong order.
    pub fn new(start: usize, end: usize) -> Span {
        if start <= end {
            Span { start, end }
        } else {
            Span {
                start: end,
                end: start,
            }
        }
    }

    /// The text this span covers, or `""` if it does not fit `text`.
    pub fn slice<'t>(&self, text: &'t str) -> &'t str {
        text.get(self.start..self.end).unwrap_or("")
    }

    /// Number of bytes covered.
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// True when the span covers nothing.
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// True when `other` lies inside `self`.
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// True when the two spans share at least one byte.
    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }
}

/// The format an input was read as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// Plain text or Markdown.
    Text,
    /// An HTML page.
    Html,
    /// One line of a JSON Lines file.
    Jsonl,
    /// One item of an RSS 2.0 or Atom feed.
    Feed,
}

impl Format {
    /// Lower-case name, as stored and printed.
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Html => "html",
            Format::Jsonl => "jsonl",
            Format::Feed => "feed",
        }
    }
}

/// The body of a raw document, before cleaning.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Body {
    /// Plain text (already decoded to UTF-8).
    Text(String),
    /// HTML markup (already decoded to UTF-8).
    Html(String),
}

/// Metadata that came with an input (sidecar, JSON Lines fields, feed item,
/// HTML meta tags). Every field is optional: inputs rarely give all of them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Metadata {
    /// Article URL.
    pub url: Option<String>,
    /// Headline.
    pub title: Option<String>,
    /// Publishing outlet ("Reuters", "mbn360.com").
    pub outlet: Option<String>,
    /// Publication date or date-time as given (ISO 8601 expected).
    pub published: Option<String>,
}

/// One article as read from an input, before cleaning.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RawDocument {
    /// The document's id in every output: the JSON Lines `id` where given,
    /// else the path as given to `ingest` (with `#N` for the N-th feed item).
    pub id: String,
    /// The input path as given to `ingest` (`-` for stdin).
    pub path: String,
    /// How it was read.
    pub format: Format,
    /// What came with it.
    pub meta: Metadata,
    /// The content.
    pub body: Body,
    /// Non-fatal problems met while reading (lossy decoding, truncation).
    pub warnings: Vec<String>,
}

/// Where a document's publication date came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DateSource {
    /// Given by the input's metadata (sidecar, JSONL field, meta tag, feed).
    Metadata,
    /// Inferred from a dateline or a date in the text.
    Inferred,
    /// Nothing better: the day of ingestion.
    IngestTime,
}

impl DateSource {
    /// Lower-case name, as stored and printed.
    pub fn as_str(self) -> &'static str {
        match self {
            DateSource::Metadata => "metadata",
            DateSource::Inferred => "inferred",
            DateSource::IngestTime => "ingest_time",
        }
    }
}

/// A document's publication date and how it is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Published {
    /// The day.
    pub date: Date,
    /// Where it came from.
    pub source: DateSource,
}

/// One kept piece of text: `clean` bytes of the clean text come from `raw`
/// bytes of the extracted text (same length: cleaning drops, never rewrites).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Segment {
    /// Range in the clean text.
    pub clean: Span,
    /// Start of the same bytes in the extracted text.
    pub raw_start: usize,
}

/// A document after cleaning: the article text only.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CleanDocument {
    /// Document id (see [`RawDocument::id`]).
    pub id: String,
    /// Input path.
    pub path: String,
    /// Input format.
    pub format: Format,
    /// Metadata, completed from the page where the input had none (HTML
    /// `<title>`, canonical URL, site name, publication date).
    pub meta: Metadata,
    /// The text as extracted from the input, before noise removal (for HTML,
    /// the main-content text; for plain text, the input itself).
    pub extracted: String,
    /// The clean article text: paragraphs separated by a blank line.
    pub text: String,
    /// How clean text maps back to `extracted`, in order.
    pub segments: Vec<Segment>,
    /// Outlets the article cites in a trailing "Sources" list.
    pub cited_sources: Vec<String>,
    /// Lines removed as noise, with the reason (for `--explain` and tests).
    pub removed: Vec<Removed>,
    /// Warnings carried from ingest plus any met while cleaning.
    pub warnings: Vec<String>,
}

impl CleanDocument {
    /// Maps a byte offset in the clean text to the extracted text.
    pub fn to_extracted(&self, clean_offset: usize) -> Option<usize> {
        let i = self
            .segments
            .partition_point(|s| s.clean.end < clean_offset);
        let s = self.segments.get(i)?;
        if s.clean.start <= clean_offset && clean_offset <= s.clean.end {
            Some(s.raw_start + (clean_offset - s.clean.start))
        } else {
            None
        }
    }
}

/// A piece of extracted text that cleaning dropped.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Removed {
    /// The dropped text.
    pub text: String,
    /// Why ("caption", "read-also", "byline", "share", "repeated-headline"...).
    pub reason: String,
}

/// A sentence of the clean text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sentence {
    /// Index in the document, from 0.
    pub index: usize,
    /// Where it lies in the clean text.
    pub span: Span,
}
