//! # chronicler-clean
//!
//! Turns a [`RawDocument`] into a [`CleanDocument`]: the article text alone.
//! HTML goes through a main-content extractor, then plain text and extracted
//! text alike lose their web noise (captions, credits, repeated headlines,
//! "Read also" links, share prompts, bylines). Cleaning only drops lines and
//! never rewrites them, so every clean offset maps back to the extracted
//! text through [`CleanDocument::segments`].
#![deny(missing_docs)]

use chronicler_core::{Body, CleanDocument, RawDocument, Segment, Span};

mod choice;
mod density;
mod depth;
mod html;
mod noise;

pub use depth::{markup_depth, MAX_MARKUP_DEPTH};
pub use noise::normalize;

/// Why a document could not be cleaned.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum CleanError {
    /// Nothing of the article was left (an empty page, only navigation).
    #[error("no article text found")]
    NoText,
    /// The markup nests deeper than [`MAX_MARKUP_DEPTH`]: no real page
    /// does, and parsing it would take time growing with the square of the
    /// depth.
    #[error("HTML nested {depth} levels deep, over the limit of {limit}")]
    TooDeep {
        /// The depth found (see [`markup_depth`]).
        depth: usize,
        /// The limit.
        limit: usize,
    },
}

/// A plain text that is one line only is what the user gave us: dropped as
/// a caption (short, no full stop: "The government condemned an attack by
/// soldiers on Thursday") or as the headline it was taken for (a line
/// ending in a closing quotation mark), it would leave nothing, so it is
/// kept.
fn keep_lone_sentence(extracted: &str, outcome: &mut noise::Outcome) {
    let mut lines = extracted.lines().filter(|l| !l.trim().is_empty());
    let (Some(line), None) = (lines.next(), lines.next()) else {
        return;
    };
    // (or as the headline it was taken for: a line ending in a closing
    // quotation mark, 'criticised the detentions as "unjustified."')
    let lone_caption = outcome.kept.is_empty()
        && outcome.removed.len() == 1
        && outcome
            .removed
            .iter()
            .all(|r| matches!(r.reason.as_str(), "caption" | "repeated-headline"));
    if !lone_caption {
        return;
    }
    let trimmed = line.trim();
    // The only non-blank line: its first occurrence is itself.
    if let Some(start) = extracted.find(trimmed) {
        outcome.kept.push((start, start + trimmed.len()));
        outcome.removed.clear();
    }
}

/// Cleans one document.
///
/// HTML goes through dom_smoothie (Readability) for the main content, which
/// is then turned into text one paragraph a line; page metadata (title,
/// canonical URL, site name, publication date from meta tags, JSON-LD or
/// `<time>`) fills what the input's metadata lacks. Then noise removal
/// drops whole lines (see the crate docs); kept lines are joined with a
/// blank line, and [`CleanDocument::segments`] map them back.
///
/// Lines of a trailing "Sources" list go to
/// [`CleanDocument::cited_sources`], except image credits ("AFP via Getty
/// Images"), which are dropped as `credit` and not listed.
pub fn clean(raw: RawDocument) -> Result<CleanDocument, CleanError> {
    let RawDocument {
        id,
        path,
        format,
        mut meta,
        body,
        mut warnings,
    } = raw;
    let plain = matches!(body, Body::Text(_));
    let (extracted, hints) = match body {
        Body::Text(t) => (t, Vec::new()),
        Body::Html(h) => {
            // What is never text cut before parsing, the depth of the rest
            // measured in the same pass.
            let page = depth::strip_non_text(&h);
            if page.depth > MAX_MARKUP_DEPTH {
                return Err(CleanError::TooDeep {
                    depth: page.depth,
                    limit: MAX_MARKUP_DEPTH,
                });
            }
            let ex = html::extract(page.text.as_deref().unwrap_or(&h), &mut meta);
            warnings.extend(ex.warnings);
            (ex.text, ex.hints)
        }
    };
    let mut outcome = noise::decide(&extracted, &hints, &meta);
    if plain {
        keep_lone_sentence(&extracted, &mut outcome);
    }
    let mut text = String::new();
    let mut segments = Vec::with_capacity(outcome.kept.len());
    for (start, end) in outcome.kept {
        let Some(piece) = extracted.get(start..end) else {
            continue;
        };
        if !text.is_empty() {
            text.push_str("\n\n");
        }
        let at = text.len();
        text.push_str(piece);
        segments.push(Segment {
            clean: Span::new(at, text.len()),
            raw_start: start,
        });
    }
    if text.trim().is_empty() {
        return Err(CleanError::NoText);
    }
    Ok(CleanDocument {
        id,
        path,
        format,
        meta,
        extracted,
        text,
        segments,
        cited_sources: outcome.cited_sources,
        removed: outcome.removed,
        warnings,
    })
}
