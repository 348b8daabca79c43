-- chronicler store, schema version 17: documents written by a batch but
-- not yet in the full-text index (`sentences_fts`).
--
-- A batch of writes commits every 512 documents, and FTS5 writes what it
-- holds as a new index segment at each commit: indexing at every commit
-- cost a fifth more than indexing every 2,048 documents (more, smaller
-- segments, each listing the batch's vocabulary again). A batch's commit
-- now lists its documents here and indexes the listed ones, in the same
-- transaction, once 2,048 or more are waiting; the end of an ingest
-- indexes the rest, and so does opening the store for writing after a run
-- that was killed first. Until then those documents are stored, coded and
-- consolidated, but not found by full-text search.
CREATE TABLE text_index_pending (
    doc INTEGER PRIMARY KEY REFERENCES documents(doc_key) ON DELETE CASCADE
) STRICT;
