-- chronicler store, schema version 24: what `stats` counts without reading
-- every document.
--
-- `stats` (and the page's counts, GET /api/stats) summed the length of
-- every document's packed actor mentions (3.3 s at a million articles)
-- and scanned every document for its outlet (1.7 s). The sum is now kept
-- in one row, moved by triggers in the transaction that writes or deletes
-- a document's mentions (so a crash keeps it exact), and the outlets have
-- an index whose distinct values are counted without the documents.
-- Run again over its own tables (a store set back to an older version),
-- it counts afresh.
CREATE INDEX IF NOT EXISTS documents_outlet ON documents(outlet);

CREATE TABLE IF NOT EXISTS corpus_counts (
    one            INTEGER PRIMARY KEY CHECK (one = 1),
    actor_mentions INTEGER NOT NULL
) STRICT;

INSERT OR REPLACE INTO corpus_counts (one, actor_mentions)
SELECT 1, coalesce(sum(json_array_length(actors)), 0) FROM doc_mentions;

DROP TRIGGER IF EXISTS corpus_counts_insert;
CREATE TRIGGER corpus_counts_insert AFTER INSERT ON doc_mentions
BEGIN
    UPDATE corpus_counts
    SET actor_mentions = actor_mentions + coalesce(json_array_length(NEW.actors), 0);
END;

DROP TRIGGER IF EXISTS corpus_counts_delete;
CREATE TRIGGER corpus_counts_delete AFTER DELETE ON doc_mentions
BEGIN
    UPDATE corpus_counts
    SET actor_mentions = actor_mentions - coalesce(json_array_length(OLD.actors), 0);
END;

DROP TRIGGER IF EXISTS corpus_counts_update;
CREATE TRIGGER corpus_counts_update AFTER UPDATE OF actors ON doc_mentions
BEGIN
    UPDATE corpus_counts
    SET actor_mentions = actor_mentions
        + coalesce(json_array_length(NEW.actors), 0)
        - coalesce(json_array_length(OLD.actors), 0);
END;
