-- chronicler store, schema version 22: the kept merged events (0021) also
-- say what `brief` reads to know whether an event was reported by a day:
-- `first_report`, the first publication day among its reports (those with
-- a readable one), and `undated_report`, whether one of them has no
-- readable publication day. With them, a brief of one dyad or actor merges
-- only the events its scope reads: its default day and the countries'
-- names come from the rows of every event.
--
-- The table is made again with the two columns and its rows are written
-- again by the next update (the state is cleared unless no group is kept).
DROP TABLE IF EXISTS kept_events;
CREATE TABLE kept_events (
    block          TEXT NOT NULL,
    grp            TEXT NOT NULL,
    undated        INTEGER NOT NULL,
    day            TEXT,
    end_day        TEXT,
    cameo          TEXT NOT NULL,
    base_id        TEXT NOT NULL,
    id             TEXT NOT NULL,
    first_doc      TEXT NOT NULL,
    first_start    INTEGER NOT NULL,
    rank           INTEGER NOT NULL,
    status         TEXT NOT NULL,
    source         TEXT,
    target         TEXT,
    members        TEXT NOT NULL,
    first_report   TEXT,
    undated_report INTEGER NOT NULL,
    PRIMARY KEY (block, grp)
) STRICT, WITHOUT ROWID;
UPDATE kept_events_state SET current = NOT EXISTS (SELECT 1 FROM event_groups);
