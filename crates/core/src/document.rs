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
    /// Publication date or date-time as given (read by [`parse_published`]).
    pub published: Option<String>,
    /// When an archive recorded the page (a WARC record's `WARC-Date`): the
    /// publication date when neither the page nor its URL names one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub captured: Option<String>,
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
    /// Written in the article's URL ("/2019/11/19/").
    Url,
    /// The day an archive recorded the page ([`Metadata::captured`]).
    Capture,
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
            DateSource::Url => "url",
            DateSource::Capture => "capture",
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

/// The calendar date a publication-date field names, as pages and feeds
/// write it: ISO 8601 ("2019-11-19", "2019-11-19T13:03:00.000Z", also with
/// `/` or `.` between the parts, or one-digit months and days), day first
/// with full stops ("20.06.2019"), or a month name with a day and a year in
/// either order ("November 19, 2019, 07:47 PM EST", "19 Nov 2019 07:09
/// GMT", "Tue, 19 Nov 2019 10:00:00 +0000", "Tue Nov 19 2019 03:05:46
/// GMT+0000"). The date is the one written, in the writer's own time zone.
///
/// `None` for anything else (all-numeric day-month orders are ambiguous)
/// and for the placeholders systems write when they have no date: years
/// before 1800 (`0001-01-01`, the zero time of Go and .NET), `1900-01-01`
/// and `1970-01-01` (the Unix epoch).
pub fn parse_published(s: &str) -> Option<Date> {
    let s = s.trim();
    let date = iso_date(s).or_else(|| named_month_date(s))?;
    let placeholder = date.year() < 1800
        || (date.month() == 1 && date.day() == 1 && matches!(date.year(), 1900 | 1970));
    (!placeholder).then_some(date)
}

/// The date news sites write in an article's path: three segments
/// ("/2019/11/19/"), one ("/2019-11-19/"), or eight digits standing alone
/// between `-`, `_`, `.` or `/` ("/tuft-cells-20191115/"); the year from
/// 1990 to 2100. The host and the query are not read.
pub fn date_in_url(url: &str) -> Option<Date> {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let path = rest.split(['?', '#']).next().unwrap_or_default();
    let path = path.split_once('/').map_or("", |(_, p)| p);
    let segments: Vec<&str> = path.split('/').collect();
    let date = |y: i16, m: i16, d: i16| {
        let (m, d) = (i8::try_from(m).ok()?, i8::try_from(d).ok()?);
        (1990..=2100)
            .contains(&y)
            .then(|| Date::new(y, m, d).ok())
            .flatten()
    };
    let three = segments.windows(3).find_map(|w| {
        date(
            digits(w[0], 4..=4)?,
            digits(w[1], 1..=2)?,
            digits(w[2], 1..=2)?,
        )
    });
    three.or_else(|| {
        segments.iter().find_map(|seg| {
            let iso = seg
                .get(..10)
                .filter(|_| !seg.as_bytes().get(10).is_some_and(u8::is_ascii_digit))
                .and_then(|h| {
                    let p: Vec<&str> = h.split('-').collect();
                    match p[..] {
                        [y, m, d] => date(digits(y, 4..=4)?, digits(m, 2..=2)?, digits(d, 2..=2)?),
                        _ => None,
                    }
                });
            iso.or_else(|| {
                seg.split(['-', '_', '.']).find_map(|t| {
                    let (y, md) = t.split_at_checked(4).filter(|_| t.len() == 8)?;
                    let (m, d) = md.split_at_checked(2)?;
                    date(digits(y, 4..=4)?, digits(m, 2..=2)?, digits(d, 2..=2)?)
                })
            })
        })
    })
}

/// The number `s` writes in ASCII digits, when it has `len` of them.
fn digits(s: &str, len: std::ops::RangeInclusive<usize>) -> Option<i16> {
    (len.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
}

/// A date in digits at the start of `s`: year first ("2019-11-19…",
/// "2019/11/19", "2022-1-26T14:32"), or day first with full stops, the
/// European way ("20.06.2019 11:43", "4.11.2021"). Day-first dates with
/// `/` or `-` ("11/19/2019") are left alone: the order is anyone's guess.
fn iso_date(s: &str) -> Option<Date> {
    let b = s.as_bytes();
    let mut parts: [&str; 3] = [""; 3];
    let mut at = 0;
    let mut sep = None;
    for (i, part) in parts.iter_mut().enumerate() {
        let len = b[at..].iter().take_while(|c| c.is_ascii_digit()).count();
        *part = s.get(at..at + len)?;
        at += len;
        if i < 2 {
            let c = *b.get(at)?;
            if !matches!(c, b'-' | b'/' | b'.') || sep.is_some_and(|x| x != c) {
                return None;
            }
            sep = Some(c);
            at += 1;
        }
    }
    let (y, m, d) = if parts[0].len() == 4 {
        (
            digits(parts[0], 4..=4)?,
            digits(parts[1], 1..=2)?,
            digits(parts[2], 1..=2)?,
        )
    } else if sep == Some(b'.') {
        (
            digits(parts[2], 4..=4)?,
            digits(parts[1], 1..=2)?,
            digits(parts[0], 1..=2)?,
        )
    } else {
        return None;
    };
    Date::new(y, i8::try_from(m).ok()?, i8::try_from(d).ok()?).ok()
}

/// The number of a month written in English: its name, or the first three
/// letters or more of it, with or without a full stop ("Nov", "Sept.",
/// "November", any case).
pub fn month_number(word: &str) -> Option<i8> {
    let w = word.trim_end_matches('.').to_ascii_lowercase();
    if w.len() < 3 {
        return None;
    }
    crate::text::MONTHS
        .iter()
        .position(|m| m.starts_with(w.as_str()))
        .and_then(|i| i8::try_from(i + 1).ok())
}

/// A month name or its abbreviation ("Nov", "Nov.", "November"), with the
/// day right after it or right before it and the first four-digit year
/// from 1800 to 2100.
fn named_month_date(s: &str) -> Option<Date> {
    let words: Vec<&str> = s
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let (at, month) = words
        .iter()
        .enumerate()
        .find_map(|(i, w)| Some((i, month_number(w)?)))?;
    let year = words
        .iter()
        .filter(|w| w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()))
        .filter_map(|w| w.parse::<i16>().ok())
        // A year, not a time ("1200 GMT, Nov 19 2019").
        .find(|y| (1800..=2100).contains(y))?;
    let day_at = |i: Option<usize>| {
        let w = words.get(i?)?;
        let w = w
            .strip_suffix("st")
            .or_else(|| w.strip_suffix("nd"))
            .or_else(|| w.strip_suffix("rd"))
            .or_else(|| w.strip_suffix("th"))
            .unwrap_or(w);
        (w.len() <= 2 && w.bytes().all(|b| b.is_ascii_digit()))
            .then(|| w.parse::<i8>().ok())
            .flatten()
    };
    let day = day_at(Some(at + 1)).or_else(|| day_at(at.checked_sub(1)))?;
    Date::new(year, month, day).ok()
}

#[cfg(test)]
mod tests {
    use super::parse_published;

    fn ymd(s: &str) -> Option<String> {
        parse_published(s).map(|d| d.to_string())
    }

    #[test]
    fn publication_dates_as_pages_write_them() {
        for (field, date) in [
            ("2019-11-19", "2019-11-19"),
            ("2019-11-19T13:03:00.000Z", "2019-11-19"),
            ("2019-11-19T23:30:00-05:00", "2019-11-19"),
            ("2019/11/19 10:00", "2019-11-19"),
            ("November 19, 2019, 07:47 PM EST", "2019-11-19"),
            ("November 20, 2019 13:42", "2019-11-20"),
            ("19 Nov 2019 07:09 GMT", "2019-11-19"),
            ("Tue, 19 Nov 2019 10:00:00 +0000", "2019-11-19"),
            ("Tue Nov 19 2019 03:05:46 GMT+0000", "2019-11-19"),
            ("Sept. 3rd, 2020", "2020-09-03"),
            ("1200 GMT, Nov 19 2019", "2019-11-19"),
            ("  2 March 2021  ", "2021-03-02"),
            ("2022-1-26T14:32:06+02:00", "2022-01-26"),
            ("20.06.2019 11:43", "2019-06-20"),
            ("4.11.2021", "2021-11-04"),
        ] {
            assert_eq!(ymd(field).as_deref(), Some(date), "{field:?}");
        }
    }

    #[test]
    fn placeholders_and_guesses_are_no_dates() {
        for field in [
            "0001-01-01T00:00:00Z",
            "1970-01-01T00:00:00Z",
            "1900-01-01",
            "2019-02-30",
            "11/19/2019",
            "19-11-2019",
            "2019-11/19",
            "20.06.19",
            "2019-11-190",
            "Monday",
            "November 2019",
            "",
            "yesterday",
        ] {
            assert_eq!(ymd(field), None, "{field:?}");
        }
        assert_eq!(ymd("1970-01-02").as_deref(), Some("1970-01-02"));
    }
}
