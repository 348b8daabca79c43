//! Limits that bound the work spent on one document, so that a
//! pathological input (a 200 MB single line, a sentence that never ends) is
//! skipped or trimmed with a message instead of stalling the run.

use std::borrow::Cow;

use chronicler_core::{AnalyzedDocument, Body, CleanDocument, RawDocument, Span};
use chronicler_ingest::{Problem, ProblemKind};

/// A single document's text may be at most this long (bytes), whatever
/// `--max-bytes` lets through: no article is 16 MB of text, and a JSON
/// Lines file or a feed within the file limit holds many documents.
pub const MAX_DOCUMENT_BYTES: usize = 16 * 1024 * 1024;

/// A document's clean text (what is analyzed) may be at most this long
/// (bytes): about 150,000 words, far beyond any article. Analysis of a
/// longer text is refused because its cost grows faster than its length.
pub const MAX_TEXT_BYTES: usize = 1024 * 1024;

/// Refuses a clean document whose text is over [`MAX_TEXT_BYTES`].
pub(crate) fn check_text(clean: &CleanDocument) -> Result<(), Problem> {
    let len = clean.text.len();
    if len <= MAX_TEXT_BYTES {
        return Ok(());
    }
    Err(Problem {
        input: clean.id.clone(),
        kind: ProblemKind::TooLarge,
        message: format!(
            "article text of {:.1} MB is over the {} MB limit for one document",
            len as f64 / (1024.0 * 1024.0),
            MAX_TEXT_BYTES / (1024 * 1024)
        ),
    })
}

/// Sentences longer than this (bytes) are kept in the store but not coded:
/// the coder's work grows with the square of a sentence's length, and a
/// "sentence" this long is a list, a table or markup residue, not prose.
pub const MAX_SENTENCE_BYTES: usize = 3_000;

/// Refuses a document whose body is over [`MAX_DOCUMENT_BYTES`].
pub(crate) fn check_size(raw: &RawDocument) -> Result<(), Problem> {
    let len = match &raw.body {
        Body::Text(t) | Body::Html(t) => t.len(),
    };
    if len <= MAX_DOCUMENT_BYTES {
        return Ok(());
    }
    Err(Problem {
        input: raw.id.clone(),
        kind: ProblemKind::TooLarge,
        message: format!(
            "document of {} MB is over the {} MB limit for one document",
            len / (1024 * 1024),
            MAX_DOCUMENT_BYTES / (1024 * 1024)
        ),
    })
}

/// The document as the coder should see it: sentences over
/// [`MAX_SENTENCE_BYTES`] emptied and their mentions dropped, so no event
/// comes from them and coding stays fast. Borrows the document when no
/// sentence is over the limit. Also returns a warning naming how many
/// sentences were left out.
pub(crate) fn for_coding(doc: &AnalyzedDocument) -> (Cow<'_, AnalyzedDocument>, Option<String>) {
    let long: Vec<usize> = doc
        .sentences
        .iter()
        .filter(|s| s.span.len() > MAX_SENTENCE_BYTES)
        .map(|s| s.index)
        .collect();
    if long.is_empty() {
        return (Cow::Borrowed(doc), None);
    }
    let mut view = doc.clone();
    for s in &mut view.sentences {
        if long.binary_search(&s.index).is_ok() {
            s.span = Span::new(s.span.start, s.span.start);
        }
    }
    let keep = |i: &usize| long.binary_search(i).is_err();
    view.actors.retain(|m| keep(&m.sentence));
    view.places.retain(|m| keep(&m.sentence));
    view.dates.retain(|m| keep(&m.sentence));
    view.quantities.retain(|m| keep(&m.sentence));
    let warning = format!(
        "{} sentence{} longer than {MAX_SENTENCE_BYTES} bytes not coded",
        long.len(),
        if long.len() == 1 { "" } else { "s" }
    );
    (Cow::Owned(view), Some(warning))
}

/// Runs `f` on one document, turning a panic (a bug in a stage) into a
/// problem naming the document, so that one bad document is skipped
/// instead of ending the whole run.
pub(crate) fn guarded<T>(
    raw: RawDocument,
    f: impl FnOnce(RawDocument) -> Result<T, Problem>,
) -> Result<T, Problem> {
    let id = raw.id.clone();
    guarded_as(id, || f(raw))
}

/// [`guarded`] for the document `id`, whatever `f` holds of it.
pub(crate) fn guarded_as<T>(
    id: String,
    f: impl FnOnce() -> Result<T, Problem>,
) -> Result<T, Problem> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)).unwrap_or_else(|payload| {
        let what = payload
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_default();
        let what: String = what
            .lines()
            .next()
            .unwrap_or("")
            .chars()
            .take(200)
            .collect();
        Err(Problem {
            input: id,
            kind: ProblemKind::Internal,
            message: format!("internal error, document skipped (please report it): {what}"),
        })
    })
}
