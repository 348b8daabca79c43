-- chronicler store, schema version 5: what `chronicler watch` has reported
-- (so that a restart does not report an expiring ceasefire or coming talks
-- twice) and the article fetches it must retry.

-- Each reported state-of-play change, by a key naming what it is about
-- and the day it concerns (kind, parties, date): a ceasefire extended to a
-- new end is a new key, hence reported again.
CREATE TABLE watch_reported (
    key            TEXT PRIMARY KEY,
    kind           TEXT NOT NULL,
    first_reported TEXT NOT NULL
) STRICT, WITHOUT ROWID;

-- Articles whose fetch failed for a reason that may pass (timeout, network
-- error, 5xx, 429): tried again at the next poll of their feed, even when
-- the feed is unchanged, until they succeed or run out of attempts. A URL
-- is here or in watch_seen, never both.
CREATE TABLE watch_retry (
    url        TEXT PRIMARY KEY,
    feed       TEXT NOT NULL,
    title      TEXT,
    published  TEXT,
    attempts   INTEGER NOT NULL,
    last_error TEXT NOT NULL,
    last_tried TEXT NOT NULL
) STRICT, WITHOUT ROWID;
CREATE INDEX watch_retry_feed ON watch_retry(feed);
