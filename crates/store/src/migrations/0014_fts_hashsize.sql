-- chronicler store, schema version 14: the full-text index keeps up to
-- 16 MB of pending entries in memory (FTS5's `hashsize`, default 1 MB)
-- before writing a segment. A batch of 512 documents (pipeline) holds
-- about 2.3 MB of text: with the default, its entries were flushed to disk
-- several times per batch, each flush a small segment to write and later
-- merge; now once, at the batch's commit. A setting only: no row changes,
-- searches are unchanged.
INSERT INTO sentences_fts (sentences_fts, rank) VALUES ('hashsize', 16777216);
