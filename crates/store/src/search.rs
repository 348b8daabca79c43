//! Full-text search over sentences (FTS5 table `sentences_fts`, migration
//! 0006; filled by the writer since 0007, which dropped 0006's trigger),
//! read back with the sentence's document and offsets.

use chronicler_core::text::char_offset;
use rusqlite::{params, Connection};

use crate::codec::{int, uint};
use crate::{Context, StoreError};

/// Sentence rowids are `doc_key * SENTENCE_ROWID_SPAN + index` (as in the
/// migration's SQL).
pub(crate) const SENTENCE_ROWID_SPAN: i64 = 1 << 20;

/// One sentence that matches a search.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct SentenceSearchHit {
    /// Document id.
    pub doc: String,
    /// The sentence's index in its document.
    pub sentence: usize,
    /// Character offset of the sentence in the document's clean text.
    pub start: usize,
    /// Character offset one past its end.
    pub end: usize,
    /// The sentence.
    pub text: String,
    /// BM25 rank (lower is better).
    pub rank: f64,
}

/// Sentences matching `query` (FTS5 query syntax), best first.
pub(crate) fn search_sentences(
    conn: &Connection,
    query: &str,
    limit: usize,
) -> Result<Vec<SentenceSearchHit>, StoreError> {
    let what = || format!("searching sentences for {query:?}");
    let mut st = conn
        .prepare_cached(
            "SELECT d.id, s.idx, s.start_byte, s.end_byte, d.clean_text, f.rank
             FROM (SELECT rowid, bm25(sentences_fts) AS rank FROM sentences_fts
                   WHERE sentences_fts MATCH ?1 ORDER BY rank, rowid LIMIT ?2) f
             JOIN sentences s ON s.doc = f.rowid / ?3 AND s.idx = f.rowid % ?3
             JOIN documents d ON d.doc_key = s.doc
             ORDER BY f.rank, d.id, s.idx",
        )
        .with_ctx(what)?;
    let rows = st
        .query_map(params![query, int(limit), SENTENCE_ROWID_SPAN], |r| {
            let text: String = r.get(4)?;
            let (a, b) = (uint(r.get(2)?), uint(r.get(3)?));
            Ok(SentenceSearchHit {
                doc: r.get(0)?,
                sentence: uint(r.get(1)?),
                start: char_offset(&text, a),
                end: char_offset(&text, b),
                text: text.get(a..b).unwrap_or_default().to_string(),
                rank: r.get(5)?,
            })
        })
        .with_ctx(what)?;
    rows.collect::<Result<Vec<_>, _>>().with_ctx(what)
}
