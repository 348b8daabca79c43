-- chronicler store, schema version 10: full-text indexes merge their
-- segments 8 at a time instead of FTS5's default 4. Each batch of writes
-- adds one segment per index; merging them was 10 % of an ingest's store
-- time, and wider merges rewrite each entry fewer times (fewer levels).
-- Searches read up to 8 segments per level instead of 4 (still far under
-- FTS5's crisis merge at 16). A setting only: no row changes.
INSERT INTO documents_fts (documents_fts, rank) VALUES ('automerge', 8);
INSERT INTO sentences_fts (sentences_fts, rank) VALUES ('automerge', 8);
