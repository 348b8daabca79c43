-- chronicler store, schema version 11: one full-text index instead of two.
-- Every text was tokenized twice, into `documents_fts` (0001: title and
-- clean text per document) and `sentences_fts` (0006: per sentence), a
-- third of the writer's time. `sentences_fts` now answers both searches:
-- it also holds each document's title, as the row
-- doc_key * 1048576 + 1048575 (TITLE_INDEX in search.rs; sentences use the
-- indexes below it), and a document matches a search when every AND-ed
-- part of the query matches its title or one of its sentences.
-- `documents.raw_text` (the text before noise removal, never read back) is
-- written empty from now on; the column stays for older readers.
DROP TABLE IF EXISTS documents_fts;

-- A sentence at the title's index (none in practice: a document holds at
-- most 1 MB of text) leaves the index rather than collide with the title.
DELETE FROM sentences_fts WHERE rowid IN
    (SELECT doc * 1048576 + idx FROM sentences WHERE idx = 1048575);

INSERT INTO sentences_fts (rowid, text)
SELECT doc_key * 1048576 + 1048575, title FROM documents
WHERE title IS NOT NULL AND title <> ''
ORDER BY doc_key;
