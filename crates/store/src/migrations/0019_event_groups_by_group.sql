-- chronicler store, schema version 19: kept groups indexed by block and
-- group, not by block alone.
--
-- Adding documents to a large store reads kept groups two ways: the
-- stories walk reads one group's members (`WHERE block = ? AND grp = ?`),
-- and the stories pass reads every group in (block, group) order. With
-- the index on the block alone, the first scanned the whole block (the
-- largest hold thousands of events) for each group, and the second sorted
-- every kept event by group within its block. On a 100,000-article store,
-- adding 20 articles: 6.67 -> 6.11 G instructions; the index serves the
-- lookups by block as the old one did.
DROP INDEX IF EXISTS event_groups_block;
CREATE INDEX IF NOT EXISTS event_groups_group ON event_groups(block, grp);
