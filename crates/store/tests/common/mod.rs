//! Helpers shared by the store's integration tests.

#![allow(clippy::unwrap_used, clippy::expect_used)]
#![allow(dead_code)] // each test file uses some of the helpers

use chronicler_core::*;
use jiff::civil::date;

/// Takes the schema back to before migration 0017 (documents waiting for
/// the full-text index), indexing those waiting first as a release of then
/// would have: the table goes and the version is set to 16.
pub fn undo_text_index_pending(conn: &rusqlite::Connection) {
    conn.execute_batch(
        "INSERT INTO sentences_fts (rowid, text)
         SELECT s.doc * 1048576 + s.idx,
                CAST(substr(CAST(d.clean_text AS BLOB), s.start_byte + 1,
                            s.end_byte - s.start_byte) AS TEXT)
         FROM sentences s JOIN documents d ON d.doc_key = s.doc
         WHERE s.doc IN (SELECT doc FROM text_index_pending) AND s.idx < 1048575;
         INSERT INTO sentences_fts (rowid, text)
         SELECT doc_key * 1048576 + 1048575, title FROM documents
         WHERE doc_key IN (SELECT doc FROM text_index_pending) AND title <> '';
         DROP TABLE text_index_pending;
         PRAGMA user_version = 16;",
    )
    .expect("undoing migration 0017");
}

/// Takes the schema back to before migration 0016 (each cluster row's
/// publication day), and 0017 before it: the column goes and the version
/// is set to 15.
pub fn undo_cluster_days(conn: &rusqlite::Connection) {
    undo_text_index_pending(conn);
    conn.execute_batch(
        "ALTER TABLE doc_clusters DROP COLUMN day;
         PRAGMA user_version = 15;",
    )
    .expect("undoing migration 0016");
}

/// Takes the schema back to before migration 0015 (packed mentions), and
/// 0016 before it: the
/// actor, place, date and quantity mention and unresolved name tables come
/// back, with the indexes by entity and name, filled with the same rows in
/// the same order, and the version is set to 14.
pub fn undo_packed_mentions(conn: &rusqlite::Connection) {
    undo_cluster_days(conn);
    conn.execute_batch(
        "CREATE TABLE old_actor_mentions (
             doc INTEGER NOT NULL REFERENCES documents(doc_key) ON DELETE CASCADE,
             sentence INTEGER NOT NULL, start_byte INTEGER NOT NULL, end_byte INTEGER NOT NULL,
             entity TEXT NOT NULL, name TEXT NOT NULL, code TEXT NOT NULL, country TEXT,
             role TEXT, kind TEXT NOT NULL, form TEXT NOT NULL) STRICT;
         CREATE TABLE old_place_mentions (
             doc INTEGER NOT NULL REFERENCES documents(doc_key) ON DELETE CASCADE,
             sentence INTEGER NOT NULL, start_byte INTEGER NOT NULL, end_byte INTEGER NOT NULL,
             name TEXT NOT NULL, country TEXT, lat REAL, lon REAL, kind TEXT NOT NULL,
             fips TEXT, adm1 TEXT, geonames_id INTEGER, precision TEXT) STRICT;
         CREATE TABLE old_date_mentions (
             doc INTEGER NOT NULL REFERENCES documents(doc_key) ON DELETE CASCADE,
             sentence INTEGER NOT NULL, start_byte INTEGER NOT NULL, end_byte INTEGER NOT NULL,
             date_start TEXT, date_end TEXT, precision TEXT NOT NULL, approximate INTEGER) STRICT;
         CREATE TABLE old_quantities (
             doc INTEGER NOT NULL REFERENCES documents(doc_key) ON DELETE CASCADE,
             sentence INTEGER NOT NULL, start_byte INTEGER NOT NULL, end_byte INTEGER NOT NULL,
             value REAL NOT NULL, unit TEXT NOT NULL, text TEXT NOT NULL) STRICT;
         CREATE TABLE old_unresolved_names (
             doc INTEGER NOT NULL REFERENCES documents(doc_key) ON DELETE CASCADE,
             sentence INTEGER NOT NULL, start_byte INTEGER NOT NULL, end_byte INTEGER NOT NULL,
             name TEXT NOT NULL) STRICT;
         INSERT INTO old_actor_mentions SELECT * FROM actor_mentions;
         INSERT INTO old_place_mentions SELECT * FROM place_mentions;
         INSERT INTO old_date_mentions SELECT * FROM date_mentions;
         INSERT INTO old_quantities SELECT * FROM quantities;
         INSERT INTO old_unresolved_names SELECT * FROM unresolved_names;
         DROP VIEW actor_mentions;
         DROP VIEW place_mentions;
         DROP VIEW date_mentions;
         DROP VIEW quantities;
         DROP VIEW unresolved_names;
         DROP TABLE doc_mentions;
         ALTER TABLE old_actor_mentions RENAME TO actor_mentions;
         ALTER TABLE old_place_mentions RENAME TO place_mentions;
         ALTER TABLE old_date_mentions RENAME TO date_mentions;
         ALTER TABLE old_quantities RENAME TO quantities;
         ALTER TABLE old_unresolved_names RENAME TO unresolved_names;
         CREATE INDEX actor_mentions_entity ON actor_mentions(entity);
         CREATE INDEX unresolved_names_name ON unresolved_names(name);
         PRAGMA user_version = 14;",
    )
    .expect("undoing migration 0015");
}

/// Takes the schema back to before migration 0013 (indexes nothing reads
/// dropped), and 0015 before it: they come back, filled, and the version
/// is set to 12.
pub fn undo_writer_indexes(conn: &rusqlite::Connection) {
    undo_packed_mentions(conn);
    conn.execute_batch(
        "CREATE INDEX actor_mentions_doc ON actor_mentions(doc, sentence);
         CREATE INDEX place_mentions_doc ON place_mentions(doc, sentence);
         CREATE INDEX date_mentions_doc ON date_mentions(doc, sentence);
         CREATE INDEX quantities_doc ON quantities(doc, sentence);
         CREATE INDEX unresolved_names_doc ON unresolved_names(doc);
         CREATE INDEX doc_bands_doc ON doc_bands(doc);
         PRAGMA user_version = 12;",
    )
    .expect("undoing migration 0013");
}

/// Takes the schema back to before migration 0012 (where each event's date
/// came from), and 0013 before it: its columns go and the version is set
/// to 11.
pub fn undo_date_from(conn: &rusqlite::Connection) {
    undo_writer_indexes(conn);
    conn.execute_batch(
        "ALTER TABLE events DROP COLUMN date_from;
         ALTER TABLE events DROP COLUMN date_from_sentence;
         PRAGMA user_version = 11;",
    )
    .expect("undoing migration 0012");
}

/// Takes the schema back to before migration 0011 (one text index), and
/// 0012 before it: titles leave the sentence index, the per-document index
/// of 0001 comes back with every stored text (as 0010 left it), the
/// version is set to 10.
pub fn undo_one_text_index(conn: &rusqlite::Connection) {
    undo_date_from(conn);
    conn.execute_batch(
        "DELETE FROM sentences_fts WHERE rowid IN
             (SELECT doc_key * 1048576 + 1048575 FROM documents);
         CREATE VIRTUAL TABLE documents_fts USING fts5(
             title, clean_text, content = 'documents', content_rowid = 'doc_key',
             tokenize = 'unicode61 remove_diacritics 2');
         INSERT INTO documents_fts (documents_fts) VALUES ('rebuild');
         INSERT INTO documents_fts (documents_fts, rank) VALUES ('automerge', 8);
         PRAGMA user_version = 10;",
    )
    .expect("undoing migration 0011");
}

/// Takes the schema back to before migration 0009 (near-duplicate
/// clusters), and 0011 before it: pair links as version 8 kept them
/// (`doc_links`, empty), the version set to 8.
pub fn undo_doc_clusters(conn: &rusqlite::Connection) {
    undo_one_text_index(conn);
    conn.execute_batch(
        "DROP TABLE doc_clusters;
         CREATE TABLE doc_links (
             a          INTEGER NOT NULL REFERENCES documents(doc_key) ON DELETE CASCADE,
             b          INTEGER NOT NULL REFERENCES documents(doc_key) ON DELETE CASCADE,
             similarity REAL NOT NULL,
             PRIMARY KEY (a, b)
         ) STRICT, WITHOUT ROWID;
         CREATE INDEX doc_links_b ON doc_links(b);
         PRAGMA user_version = 8;",
    )
    .expect("undoing migration 0009");
}

/// Takes the schema back to before migration 0008 (gazetteer codes and
/// date hedges), and 0009 before it: its columns go and the version is set
/// to `version` (at most 7), as an older release wrote the store.
pub fn undo_place_codes(conn: &rusqlite::Connection, version: i64) {
    undo_doc_clusters(conn);
    conn.execute_batch(&format!(
        "ALTER TABLE events DROP COLUMN location_fips;
         ALTER TABLE events DROP COLUMN location_adm1;
         ALTER TABLE events DROP COLUMN location_geonames_id;
         ALTER TABLE events DROP COLUMN location_precision;
         ALTER TABLE events DROP COLUMN date_approximate;
         ALTER TABLE place_mentions DROP COLUMN fips;
         ALTER TABLE place_mentions DROP COLUMN adm1;
         ALTER TABLE place_mentions DROP COLUMN geonames_id;
         ALTER TABLE place_mentions DROP COLUMN precision;
         ALTER TABLE date_mentions DROP COLUMN approximate;
         PRAGMA user_version = {version};"
    ))
    .expect("undoing migration 0008");
}

/// [`doc`] with a title.
pub fn titled(id: &str, title: &str, text: &str) -> AnalyzedDocument {
    let mut d = doc(id, text);
    d.doc.meta.title = Some(title.into());
    d
}

/// A document whose sentences are its lines.
pub fn doc(id: &str, text: &str) -> AnalyzedDocument {
    let mut sentences = Vec::new();
    let mut at = 0;
    for line in text.split('\n') {
        if !line.is_empty() {
            sentences.push(Sentence {
                index: sentences.len(),
                span: Span::new(at, at + line.len()),
            });
        }
        at += line.len() + 1;
    }
    AnalyzedDocument {
        doc: CleanDocument {
            id: id.into(),
            path: format!("{id}.txt"),
            format: Format::Text,
            meta: Metadata::default(),
            extracted: text.into(),
            text: text.into(),
            segments: vec![Segment {
                clean: Span::new(0, text.len()),
                raw_start: 0,
            }],
            cited_sources: vec![],
            removed: vec![],
            warnings: vec![],
        },
        published: Published {
            date: date(2026, 1, 30),
            source: DateSource::Metadata,
        },
        sentences,
        actors: vec![],
        places: vec![],
        dates: vec![],
        quantities: vec![],
        unresolved: vec![],
        language: Default::default(),
    }
}

/// An event with no actors, place or quantities in sentence `s`, its
/// trigger the sentence's first three bytes.
pub fn event_in(s: &Sentence, cameo: &str, date: DateRange, date_from: DateFrom) -> CodedEvent {
    CodedEvent {
        source: None,
        target: None,
        cameo: cameo.into(),
        status: Status::Occurred,
        date,
        location: None,
        quantities: vec![],
        symmetric: false,
        evidence: Evidence {
            sentence: s.index,
            sentence_span: s.span,
            trigger: Span::new(s.span.start, s.span.start + 3),
            date_from,
        },
        confidence: 0.5,
        rule: "test".into(),
    }
}
