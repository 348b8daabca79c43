-- chronicler store, schema version 21: the merged events of the kept
-- grouping, one row per group, with what a query orders and filters them
-- by, so that a query reads these rows instead of merging every group.
--
-- Every listing of merged events (`events`, `timeline`, `export`,
-- `stories`, `story ID`) puts them in one order and gives them ids made
-- unique in that order, so before this table each one merged every kept
-- group first (4.5 of the 5 seconds of a filtered `events` query on a
-- million-article store), only to learn each group's place, id and
-- fields. The end-of-run update writes the rows of the blocks it
-- regroups, in the same transaction as their groups.
--
-- Columns: the group (`block`, `grp`, as in `event_groups`); its place in
-- the order (`undated`, `day`, `cameo`, `base_id`, `first_doc`,
-- `first_start`, `block`, `rank`: chronicler-consolidate's order_key, then
-- the block and the rank of the group within its block); `id`, the id
-- made unique (`base_id`, then `-2`, `-3`... in that order: equal ids
-- hash equal block fields, so they never cross a block); what filters
-- read (`end_day`, `status`, the source and target actors as JSON); and
-- `members`, the group's coded events as a JSON list of document key and
-- ordinal pairs, flattened, sorted.
CREATE TABLE IF NOT EXISTS kept_events (
    block       TEXT NOT NULL,
    grp         TEXT NOT NULL,
    undated     INTEGER NOT NULL,
    day         TEXT,
    end_day     TEXT,
    cameo       TEXT NOT NULL,
    base_id     TEXT NOT NULL,
    id          TEXT NOT NULL,
    first_doc   TEXT NOT NULL,
    first_start INTEGER NOT NULL,
    rank        INTEGER NOT NULL,
    status      TEXT NOT NULL,
    source      TEXT,
    target      TEXT,
    members     TEXT NOT NULL,
    PRIMARY KEY (block, grp)
) STRICT, WITHOUT ROWID;

-- Whether `kept_events` is the kept grouping's: any change to a group row
-- (however made: the update, a rebuild, a cascade from a deleted event)
-- clears it, and the update that writes the rows sets it again. While it
-- is clear, queries merge every group as before, and the next update
-- writes every row. A store with groups kept before this migration starts
-- clear.
CREATE TABLE IF NOT EXISTS kept_events_state (
    one     INTEGER PRIMARY KEY CHECK (one = 1),
    current INTEGER NOT NULL
) STRICT;
DELETE FROM kept_events;
INSERT OR REPLACE INTO kept_events_state (one, current)
    VALUES (1, NOT EXISTS (SELECT 1 FROM event_groups));

CREATE TRIGGER IF NOT EXISTS event_groups_insert_stales_kept_events AFTER INSERT ON event_groups
BEGIN
    UPDATE kept_events_state SET current = 0 WHERE current <> 0;
END;
CREATE TRIGGER IF NOT EXISTS event_groups_update_stales_kept_events AFTER UPDATE ON event_groups
BEGIN
    UPDATE kept_events_state SET current = 0 WHERE current <> 0;
END;
CREATE TRIGGER IF NOT EXISTS event_groups_delete_stales_kept_events AFTER DELETE ON event_groups
BEGIN
    UPDATE kept_events_state SET current = 0 WHERE current <> 0;
END;
