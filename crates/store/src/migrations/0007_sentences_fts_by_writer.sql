-- chronicler store, schema version 7: sentences are indexed by the writer,
-- not by a trigger. The trigger of 0006 wrote to the FTS5 table in the
-- middle of each document's inserts, and FTS5 flushes its pending index to
-- disk at every statement savepoint that follows: once per row written
-- (a third of an ingest's store time). The writer now indexes a document's
-- sentences after its other rows (one document) or at the commit of a
-- batch, with the same rowids and text as the trigger.
DROP TRIGGER IF EXISTS sentences_fts_insert;
