//! RSS 2.0 and Atom feeds: one document per item.

use chronicler_core::{Body, Format, Metadata, RawDocument};

use crate::decode;
use crate::{lower_first, Problem, ProblemKind, ReadResult};

/// Closing tags of the feed kinds we know, lower case.
const CLOSERS: &[&str] = &["</rss>", "</feed>", "</rdf:rdf>"];

/// True when the feed's root element is never closed.
fn is_cut_off(text: &str) -> bool {
    let lower = text.to_ascii_lowercase();
    let opened = lower.contains("<rss") || lower.contains("<feed") || lower.contains("<rdf:rdf");
    opened && !CLOSERS.iter().any(|c| lower.contains(c))
}

/// Repairs a feed cut off mid-way: keeps everything up to the last complete
/// item or entry and closes the root element.
fn repair(text: &str) -> Option<String> {
    let lower = text.to_ascii_lowercase();
    if let Some(i) = lower.rfind("</item>") {
        let end = i + "</item>".len();
        let mut s = text.get(..end)?.to_string();
        if lower.contains("<rdf:rdf") {
            s.push_str("</rdf:RDF>");
        } else {
            if lower.contains("<channel") {
                s.push_str("</channel>");
            }
            s.push_str("</rss>");
        }
        return Some(s);
    }
    if let Some(i) = lower.rfind("</entry>") {
        let end = i + "</entry>".len();
        let mut s = text.get(..end)?.to_string();
        s.push_str("</feed>");
        return Some(s);
    }
    None
}

/// Reads a feed into one document per item.
pub(crate) fn read(text: &str, display: &str, warnings: Vec<String>, out: &mut ReadResult) {
    let feed = match feed_rs::parser::parse(text.as_bytes()) {
        Ok(f) => f,
        Err(e) => {
            let err = lower_first(&e.to_string());
            if is_cut_off(text) {
                if let Some(f) =
                    repair(text).and_then(|r| feed_rs::parser::parse(r.as_bytes()).ok())
                {
                    let msg = "truncated feed: read the items before the cut";
                    out.problems
                        .push(Problem::new(display, ProblemKind::Truncated, msg));
                    let mut w = warnings;
                    w.push(msg.to_string());
                    emit(f, display, w, out);
                    return;
                }
                // Nothing could be saved: the document is lost, so report
                // it as malformed (a fatal kind) saying why.
                out.problems.push(Problem::new(
                    display,
                    ProblemKind::Malformed,
                    format!("truncated feed with no complete item: {err}"),
                ));
                return;
            }
            out.problems.push(Problem::new(
                display,
                ProblemKind::Malformed,
                format!("unreadable feed: {err}"),
            ));
            return;
        }
    };
    emit(feed, display, warnings, out);
}

/// Turns parsed items into documents.
fn emit(feed: feed_rs::model::Feed, display: &str, warnings: Vec<String>, out: &mut ReadResult) {
    let outlet = feed
        .title
        .as_ref()
        .map(|t| t.content.trim().to_string())
        .filter(|t| !t.is_empty());
    if feed.entries.is_empty() {
        out.problems.push(Problem::new(
            display,
            ProblemKind::Empty,
            "feed has no items",
        ));
        return;
    }
    for (i, entry) in feed.entries.into_iter().enumerate() {
        let n = i + 1;
        let item_id = format!("{display}#{n}");
        let content = entry
            .content
            .as_ref()
            .and_then(|c| c.body.clone())
            .filter(|b| !b.trim().is_empty())
            .or_else(|| {
                entry
                    .summary
                    .as_ref()
                    .map(|s| s.content.clone())
                    .filter(|s| !s.trim().is_empty())
            });
        let Some(content) = content else {
            out.problems.push(Problem::new(
                item_id,
                ProblemKind::Empty,
                format!("item {n}: no content or summary"),
            ));
            continue;
        };
        let url = entry
            .links
            .iter()
            .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
            .or_else(|| entry.links.first())
            .map(|l| l.href.trim().to_string())
            .filter(|h| !h.is_empty());
        let title = entry
            .title
            .as_ref()
            .map(|t| t.content.trim().to_string())
            .filter(|t| !t.is_empty());
        let published = entry.published.or(entry.updated).map(|d| d.to_rfc3339());
        let body = if decode::looks_like_markup(&content) {
            Body::Html(content)
        } else {
            Body::Text(content)
        };
        out.docs.push(RawDocument {
            id: url.clone().unwrap_or_else(|| item_id.clone()),
            path: display.to_string(),
            format: Format::Feed,
            meta: Metadata {
                url,
                title,
                outlet: outlet.clone(),
                published,
                captured: None,
            },
            body,
            warnings: warnings.clone(),
        });
    }
}
