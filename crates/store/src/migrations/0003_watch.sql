-- chronicler store, schema version 3: what `chronicler watch` keeps between
-- runs, so that a restart neither fetches nor stores an article twice.

-- Every article URL met in a feed or sitemap (and the canonical or final
-- URL it led to), with what became of it: 'stored', 'duplicate' (same URL,
-- canonical URL or content as a stored document), 'skipped' (unusable
-- page), 'gone' (4xx), 'robots' (disallowed by robots.txt). `doc` is the id
-- of the stored document it gave or duplicated, if any.
CREATE TABLE watch_seen (
    url        TEXT PRIMARY KEY,
    feed       TEXT NOT NULL,
    outcome    TEXT NOT NULL,
    doc        TEXT,
    first_seen TEXT NOT NULL
) STRICT, WITHOUT ROWID;

-- The validators of each feed for conditional requests, and how its last
-- poll went.
CREATE TABLE watch_feeds (
    url           TEXT PRIMARY KEY,
    etag          TEXT,
    last_modified TEXT,
    last_polled   TEXT,
    last_status   TEXT,
    failures      INTEGER NOT NULL DEFAULT 0
) STRICT, WITHOUT ROWID;
