-- chronicler store, schema version 6: full-text search over sentences.
-- Contentless (the text lives in documents.clean_text once; a hit is
-- located by its rowid): rowid = doc_key * 1048576 + sentence index
-- (SENTENCE_ROWID_SPAN in search.rs; a document holds at most 1 MB of clean
-- text, so fewer sentences than that). A trigger indexes each sentence as
-- it is inserted, in the document's transaction; the sentences already
-- stored are indexed here.
CREATE VIRTUAL TABLE sentences_fts USING fts5(
    text,
    content = '',
    contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER sentences_fts_insert AFTER INSERT ON sentences
WHEN new.idx < 1048576
BEGIN
    INSERT INTO sentences_fts (rowid, text)
    SELECT new.doc * 1048576 + new.idx,
           CAST(substr(CAST(d.clean_text AS BLOB), new.start_byte + 1,
                       new.end_byte - new.start_byte) AS TEXT)
    FROM documents d WHERE d.doc_key = new.doc;
END;

CREATE TRIGGER sentences_fts_delete AFTER DELETE ON sentences
BEGIN
    DELETE FROM sentences_fts WHERE rowid = old.doc * 1048576 + old.idx;
END;

INSERT INTO sentences_fts (rowid, text)
SELECT s.doc * 1048576 + s.idx,
       CAST(substr(CAST(d.clean_text AS BLOB), s.start_byte + 1, s.end_byte - s.start_byte) AS TEXT)
FROM sentences s JOIN documents d ON d.doc_key = s.doc
WHERE s.idx < 1048576;
