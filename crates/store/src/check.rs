//! Consistency checks beyond SQLite's own: no partial or doubled document.

use rusqlite::Connection;

use crate::{Context, StoreError};

/// Tables whose rows belong to one sentence of one document (all but
/// `events` are views of `doc_mentions` since migration 0015).
const PER_SENTENCE: &[&str] = &[
    "actor_mentions",
    "place_mentions",
    "date_mentions",
    "quantities",
    "unresolved_names",
    "events",
];

/// Each check: a description and a query counting the rows at fault.
fn checks() -> Vec<(String, String)> {
    let mut out = vec![
        (
            "documents without sentences (partial documents)".to_string(),
            "SELECT count(*) FROM documents d
             WHERE NOT EXISTS (SELECT 1 FROM sentences s WHERE s.doc = d.doc_key)"
                .to_string(),
        ),
        (
            "sentences without their document".to_string(),
            "SELECT count(*) FROM sentences s
             WHERE NOT EXISTS (SELECT 1 FROM documents d WHERE d.doc_key = s.doc)"
                .to_string(),
        ),
        (
            "documents stored twice (same clean text)".to_string(),
            "SELECT coalesce(sum(n - 1), 0) FROM
             (SELECT count(*) AS n FROM documents GROUP BY content_hash HAVING n > 1)"
                .to_string(),
        ),
        (
            "sentences missing from the full-text index".to_string(),
            format!(
                "SELECT count(*) FROM sentences s WHERE s.idx < {title}
                 AND s.doc NOT IN (SELECT doc FROM text_index_pending)
                 AND NOT EXISTS (SELECT 1 FROM sentences_fts_docsize f
                                 WHERE f.id = s.doc * {span} + s.idx)",
                title = crate::search::TITLE_INDEX,
                span = crate::search::SENTENCE_ROWID_SPAN,
            ),
        ),
        (
            "titles missing from the full-text index".to_string(),
            format!(
                "SELECT count(*) FROM documents d WHERE d.title <> ''
                 AND d.doc_key NOT IN (SELECT doc FROM text_index_pending)
                 AND NOT EXISTS (SELECT 1 FROM sentences_fts_docsize f
                                 WHERE f.id = d.doc_key * {span} + {title})",
                title = crate::search::TITLE_INDEX,
                span = crate::search::SENTENCE_ROWID_SPAN,
            ),
        ),
        (
            "actor mentions miscounted (corpus_counts)".to_string(),
            "SELECT abs((SELECT actor_mentions FROM corpus_counts)
                        - (SELECT coalesce(sum(json_array_length(actors)), 0) FROM doc_mentions))"
                .to_string(),
        ),
    ];
    // The kept merged events, one row per kept group, made of its events:
    // checked only while they are current (an update rewrites them).
    let current = "coalesce((SELECT current FROM kept_events_state), 0)";
    out.extend([
        (
            "kept event groups without their merged event".to_string(),
            format!(
                "SELECT {current} * count(*) FROM (SELECT DISTINCT block, grp FROM event_groups) g
                 WHERE NOT EXISTS (SELECT 1 FROM kept_events k
                                   WHERE k.block = g.block AND k.grp = g.grp)"
            ),
        ),
        (
            "kept merged events without their event group".to_string(),
            format!(
                "SELECT {current} * count(*) FROM kept_events k
                 WHERE NOT EXISTS (SELECT 1 FROM event_groups g
                                   WHERE g.block = k.block AND g.grp = k.grp)"
            ),
        ),
        (
            "kept merged events whose events are not their group's".to_string(),
            format!(
                "SELECT {current} * count(*) FROM kept_events k
                 WHERE json_array_length(k.members)
                       <> 2 * (SELECT count(*) FROM event_groups g
                               WHERE g.block = k.block AND g.grp = k.grp)
                    OR EXISTS (SELECT 1 FROM json_each(k.members) j
                               WHERE j.key % 2 = 0 AND NOT EXISTS (
                                   SELECT 1 FROM event_groups g
                                   WHERE g.doc = j.value
                                     AND g.ordinal = k.members ->> (j.key + 1)
                                     AND g.block = k.block AND g.grp = k.grp))"
            ),
        ),
    ]);
    for table in PER_SENTENCE {
        out.push((
            format!("{table} rows whose sentence is not stored"),
            format!(
                "SELECT count(*) FROM {table} m
                 WHERE NOT EXISTS (SELECT 1 FROM sentences s
                                   WHERE s.doc = m.doc AND s.idx = m.sentence)"
            ),
        ));
    }
    out
}

/// Counts partial and doubled documents: documents without sentences,
/// sentences, mentions or events without their document or sentence,
/// documents stored twice, sentences and titles missing from the search
/// index; and, while they are current, kept merged events that are not
/// exactly the kept event groups.
/// Returns one line per kind of fault found; empty when consistent.
pub(crate) fn consistency_check(conn: &Connection) -> Result<Vec<String>, StoreError> {
    let mut problems = Vec::new();
    for (what, sql) in checks() {
        let n: i64 = conn
            .query_row(&sql, [], |r| r.get(0))
            .with_ctx(|| format!("checking consistency: {what}"))?;
        if n != 0 {
            problems.push(format!("{n} {what}"));
        }
    }
    Ok(problems)
}

impl StoreError {
    /// What a user should know about this error, in plain words, when it
    /// comes from the file system rather than from chronicler: a full
    /// disk, a read-only file, a lock held too long, a damaged file.
    pub fn hint(&self) -> Option<&'static str> {
        use rusqlite::ErrorCode;
        let source = match self {
            StoreError::Db { source, .. } | StoreError::Open { source, .. } => source,
            _ => return None,
        };
        let rusqlite::Error::SqliteFailure(e, _) = source else {
            return None;
        };
        Some(match e.code {
            ErrorCode::DiskFull => "the disk is full",
            ErrorCode::SystemIoFailure => {
                "the disk is full, over a file size limit or failing (I/O error)"
            }
            ErrorCode::ReadOnly => "the store is read-only",
            ErrorCode::PermissionDenied | ErrorCode::CannotOpen => {
                "the store cannot be opened for writing (permissions?)"
            }
            ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked => {
                "another process held the store locked for too long"
            }
            ErrorCode::DatabaseCorrupt | ErrorCode::NotADatabase => {
                "the file is damaged or is not a chronicler store"
            }
            _ => return None,
        })
    }
}
