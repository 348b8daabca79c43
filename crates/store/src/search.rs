//! Full-text search (FTS5 table `sentences_fts`, migration 0006; filled by
//! the writer since 0007; the one text index since 0011): sentences read
//! back with their document and offsets, and documents found through their
//! title and sentences.

use chronicler_core::text::char_offset;
use rusqlite::{params, Connection};

use crate::codec::{int, uint};
use crate::{Context, SearchHit, StoreError};

/// Sentence rowids are `doc_key * SENTENCE_ROWID_SPAN + index` (as in the
/// migrations' SQL).
pub(crate) const SENTENCE_ROWID_SPAN: i64 = 1 << 20;

/// The index of a document's title row (rowid `doc_key *
/// SENTENCE_ROWID_SPAN + TITLE_INDEX`, migration 0011); sentences are
/// indexed below it.
pub(crate) const TITLE_INDEX: i64 = SENTENCE_ROWID_SPAN - 1;

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
                   WHERE sentences_fts MATCH ?1 AND rowid % ?3 <> ?4
                   ORDER BY rank, rowid LIMIT ?2) f
             JOIN sentences s ON s.doc = f.rowid / ?3 AND s.idx = f.rowid % ?3
             JOIN documents d ON d.doc_key = s.doc
             ORDER BY f.rank, d.id, s.idx",
        )
        .with_ctx(what)?;
    let rows = st
        .query_map(
            params![query, int(limit), SENTENCE_ROWID_SPAN, TITLE_INDEX],
            |r| {
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
            },
        )
        .with_ctx(what)?;
    rows.collect::<Result<Vec<_>, _>>().with_ctx(what)
}

/// Documents matching `query` (FTS5 query syntax), best first. The index
/// holds sentences and titles, not whole texts, so the query is split into
/// its AND-ed parts (words, phrases, groups in parentheses, `NEAR(...)`,
/// each maybe after `NOT`): a document matches when every part matches its
/// title or one of its sentences and no `NOT` part matches any, and ranks
/// by the sum, over the parts, of the BM25 ranks of every title and
/// sentence the part matches (more and better matches rank first). A query
/// with `OR` at the top (or a syntax error) is one part. What a whole-text
/// index found and this does not: a phrase or `NEAR` group spanning two
/// sentences, or the title and the text.
pub(crate) fn search_documents(
    conn: &Connection,
    query: &str,
    limit: usize,
) -> Result<Vec<SearchHit>, StoreError> {
    let what = || format!("searching for {query:?}");
    let parts = and_parts(query);
    let mut found: Option<Vec<(i64, f64)>> = None;
    for part in parts.iter().filter(|p| !p.not) {
        let docs = part_ranks(conn, part.query).with_ctx(what)?;
        found = Some(match found {
            None => docs,
            Some(before) => merge(&before, &docs, true),
        });
    }
    let mut found = found.unwrap_or_default();
    for part in parts.iter().filter(|p| p.not) {
        let docs = part_ranks(conn, part.query).with_ctx(what)?;
        found = merge(&found, &docs, false);
    }
    found.sort_by(|a, b| a.1.total_cmp(&b.1).then(a.0.cmp(&b.0)));
    // Ties at the limit are broken by document id, as the documents are
    // named: read the ids of every document ranked no worse than the last
    // one kept.
    if let Some(cut) = limit.checked_sub(1).and_then(|i| found.get(i)).map(|d| d.1) {
        let keep = found.partition_point(|d| d.1.total_cmp(&cut).is_le());
        found.truncate(keep);
    } else {
        found.truncate(limit);
    }
    hits(conn, &found, limit).with_ctx(what)
}

/// The documents (keys, ascending) whose title or sentences `part`
/// matches, each with the sum of those rows' BM25 ranks.
fn part_ranks(conn: &Connection, part: &str) -> Result<Vec<(i64, f64)>, rusqlite::Error> {
    let mut st = conn.prepare_cached(
        "SELECT rowid, bm25(sentences_fts) FROM sentences_fts
         WHERE sentences_fts MATCH ?1 ORDER BY rowid",
    )?;
    let mut rows = st.query(params![part])?;
    let mut out: Vec<(i64, f64)> = Vec::new();
    while let Some(r) = rows.next()? {
        let doc = r.get::<_, i64>(0)? / SENTENCE_ROWID_SPAN;
        let rank: f64 = r.get(1)?;
        match out.last_mut() {
            Some(last) if last.0 == doc => last.1 += rank,
            _ => out.push((doc, rank)),
        }
    }
    Ok(out)
}

/// With `both`, the documents in both lists (ascending keys), ranks added;
/// without, those of `a` not in `b`.
fn merge(a: &[(i64, f64)], b: &[(i64, f64)], both: bool) -> Vec<(i64, f64)> {
    let mut out = Vec::new();
    let mut j = 0;
    for &(doc, rank) in a {
        while b.get(j).is_some_and(|y| y.0 < doc) {
            j += 1;
        }
        match b.get(j) {
            Some(&(d, r)) if d == doc && both => out.push((doc, rank + r)),
            Some(&(d, _)) if d == doc => {}
            _ if !both => out.push((doc, rank)),
            _ => {}
        }
    }
    out
}

/// The hits for ranked document keys: best rank first, then by id; at most
/// `limit`.
fn hits(
    conn: &Connection,
    ranked: &[(i64, f64)],
    limit: usize,
) -> Result<Vec<SearchHit>, rusqlite::Error> {
    let mut st = conn.prepare_cached("SELECT id, title FROM documents WHERE doc_key = ?1")?;
    let mut out = Vec::with_capacity(ranked.len());
    for &(key, rank) in ranked {
        let (id, title) = st.query_row(params![key], |r| Ok((r.get(0)?, r.get(1)?)))?;
        out.push(SearchHit { id, title, rank });
    }
    out.sort_by(|a, b| a.rank.total_cmp(&b.rank).then_with(|| a.id.cmp(&b.id)));
    out.truncate(limit);
    Ok(out)
}

/// One AND-ed part of a query.
#[derive(Debug, PartialEq)]
struct Part<'q> {
    /// After `NOT`: documents it matches are left out.
    not: bool,
    query: &'q str,
}

/// The AND-ed parts of an FTS5 query: the top-level items separated by
/// white space or `AND`, each a word, a quoted phrase, a group in
/// parentheses, `NEAR(...)` or a prefix query, maybe after `NOT` (which
/// FTS5 binds tighter than AND). The whole query is one part when anything
/// at the top level combines items otherwise (`OR`, `+`, a column filter
/// `:`) or does not parse (quotes or parentheses that do not balance, `NOT`
/// without an item on each side), so FTS5 reads it (and reports its
/// errors) as written.
fn and_parts(query: &str) -> Vec<Part<'_>> {
    let whole = vec![Part { not: false, query }];
    let mut items = Vec::new();
    let (mut depth, mut quoted, mut start) = (0usize, false, None);
    for (i, c) in query.char_indices() {
        if quoted {
            quoted = c != '"';
            continue;
        }
        match c {
            '"' => quoted = true,
            '(' => depth += 1,
            ')' => match depth.checked_sub(1) {
                Some(d) => depth = d,
                None => return whole,
            },
            c if c.is_whitespace() && depth == 0 => {
                if let Some(s) = start.take() {
                    items.push(&query[s..i]);
                }
                continue;
            }
            _ => {}
        }
        start.get_or_insert(i);
    }
    if quoted || depth > 0 {
        return whole;
    }
    items.extend(start.map(|s| &query[s..]));
    let combined = |p: &&str| {
        *p == "OR"
            || p.starts_with(['+', ':', '-', '{', '^'])
            || p.ends_with(['+', ':'])
            || p.contains(':') && !p.starts_with(['"', '('])
    };
    if items.iter().any(combined) {
        return whole;
    }
    let mut parts = Vec::new();
    let mut after = None; // the operator before the next item
    for item in items {
        match (item, after) {
            ("AND" | "NOT", None) if !parts.is_empty() => after = Some(item),
            ("AND" | "NOT", _) => return whole,
            (query, op) => {
                parts.push(Part {
                    not: op == Some("NOT"),
                    query,
                });
                after = None;
            }
        }
    }
    if parts.is_empty() || after.is_some() {
        whole
    } else {
        parts
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn queries(q: &str) -> Vec<(bool, &str)> {
        and_parts(q).into_iter().map(|p| (p.not, p.query)).collect()
    }

    #[test]
    fn a_query_splits_into_its_and_ed_parts() {
        assert_eq!(
            queries("ceasefire \"Abu Dhabi\" AND talks NOT gaza"),
            [
                (false, "ceasefire"),
                (false, "\"Abu Dhabi\""),
                (false, "talks"),
                (true, "gaza")
            ]
        );
        assert_eq!(
            queries("NEAR(envoy talks, 5) (a OR b) kyiv*"),
            [
                (false, "NEAR(envoy talks, 5)"),
                (false, "(a OR b)"),
                (false, "kyiv*")
            ]
        );
        assert_eq!(queries("  one  "), [(false, "one")]);
        // Quotes hide spaces and parentheses; "" is a quote inside one.
        assert_eq!(
            queries("\"a (b\" \"say \"\"hi\"\"\""),
            [(false, "\"a (b\""), (false, "\"say \"\"hi\"\"\"")]
        );
    }

    #[test]
    fn a_query_that_is_not_a_conjunction_stays_whole() {
        for q in [
            "a OR b",
            "a + b",
            "text: a",
            "text:a b",
            "\"unbalanced",
            "(a b",
            "a) b",
            "",
            "AND",
            "NOT a",
            "a NOT",
            "a AND NOT b",
        ] {
            assert_eq!(queries(q), [(false, q)], "{q}");
        }
    }

    #[test]
    fn merging_keeps_common_documents_or_those_of_the_first_list_alone() {
        let a = [(1, -1.0), (3, -2.0), (5, -0.5)];
        let b = [(2, -1.0), (3, -1.0), (5, -1.5), (7, -1.0)];
        assert_eq!(merge(&a, &b, true), [(3, -3.0), (5, -2.0)]);
        assert_eq!(merge(&a, &b, false), [(1, -1.0)]);
        assert!(merge(&a, &[], true).is_empty());
        assert_eq!(merge(&a, &[], false), a);
    }
}
