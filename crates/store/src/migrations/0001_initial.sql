-- chronicler store, schema version 1.
-- Offsets (start_byte, end_byte...) are byte offsets into the document's
-- clean text; exports convert them to character offsets.

CREATE TABLE documents (
    doc_key          INTEGER PRIMARY KEY,
    id               TEXT NOT NULL UNIQUE,
    path             TEXT NOT NULL,
    format           TEXT NOT NULL,
    url              TEXT,
    canonical_url    TEXT,
    title            TEXT,
    outlet           TEXT,
    published        TEXT NOT NULL,           -- ISO day
    published_source TEXT NOT NULL,           -- metadata | inferred | ingest_time
    published_meta   TEXT,                    -- the date as the input gave it
    raw_text         TEXT NOT NULL,           -- extracted text, before noise removal
    clean_text       TEXT NOT NULL,
    content_hash     TEXT NOT NULL,           -- 16 hex digits of a stable 64-bit hash of clean_text
    cited_sources    TEXT NOT NULL DEFAULT '[]', -- JSON array of strings
    warnings         TEXT NOT NULL DEFAULT '[]', -- JSON array of strings
    removed          TEXT NOT NULL DEFAULT '[]', -- JSON array of {text, reason}
    ingested_at      TEXT NOT NULL            -- RFC 3339 timestamp
) STRICT;

CREATE UNIQUE INDEX documents_url ON documents(url) WHERE url IS NOT NULL AND url <> '';
CREATE INDEX documents_content_hash ON documents(content_hash);
CREATE INDEX documents_published ON documents(published, id);

CREATE TABLE sentences (
    doc        INTEGER NOT NULL REFERENCES documents(doc_key) ON DELETE CASCADE,
    idx        INTEGER NOT NULL,
    start_byte INTEGER NOT NULL,
    end_byte   INTEGER NOT NULL,
    PRIMARY KEY (doc, idx)
) STRICT, WITHOUT ROWID;

CREATE TABLE actor_mentions (
    doc        INTEGER NOT NULL REFERENCES documents(doc_key) ON DELETE CASCADE,
    sentence   INTEGER NOT NULL,
    start_byte INTEGER NOT NULL,
    end_byte   INTEGER NOT NULL,
    entity     TEXT NOT NULL,
    name       TEXT NOT NULL,
    code       TEXT NOT NULL,
    country    TEXT,
    role       TEXT,
    kind       TEXT NOT NULL,
    form       TEXT NOT NULL
) STRICT;
CREATE INDEX actor_mentions_doc ON actor_mentions(doc, sentence);
CREATE INDEX actor_mentions_entity ON actor_mentions(entity);

CREATE TABLE place_mentions (
    doc        INTEGER NOT NULL REFERENCES documents(doc_key) ON DELETE CASCADE,
    sentence   INTEGER NOT NULL,
    start_byte INTEGER NOT NULL,
    end_byte   INTEGER NOT NULL,
    name       TEXT NOT NULL,
    country    TEXT,
    lat        REAL,
    lon        REAL,
    kind       TEXT NOT NULL
) STRICT;
CREATE INDEX place_mentions_doc ON place_mentions(doc, sentence);

CREATE TABLE date_mentions (
    doc        INTEGER NOT NULL REFERENCES documents(doc_key) ON DELETE CASCADE,
    sentence   INTEGER NOT NULL,
    start_byte INTEGER NOT NULL,
    end_byte   INTEGER NOT NULL,
    date_start TEXT,
    date_end   TEXT,
    precision  TEXT NOT NULL
) STRICT;
CREATE INDEX date_mentions_doc ON date_mentions(doc, sentence);

CREATE TABLE quantities (
    doc        INTEGER NOT NULL REFERENCES documents(doc_key) ON DELETE CASCADE,
    sentence   INTEGER NOT NULL,
    start_byte INTEGER NOT NULL,
    end_byte   INTEGER NOT NULL,
    value      REAL NOT NULL,
    unit       TEXT NOT NULL,
    text       TEXT NOT NULL
) STRICT;
CREATE INDEX quantities_doc ON quantities(doc, sentence);

CREATE TABLE unresolved_names (
    doc        INTEGER NOT NULL REFERENCES documents(doc_key) ON DELETE CASCADE,
    sentence   INTEGER NOT NULL,
    start_byte INTEGER NOT NULL,
    end_byte   INTEGER NOT NULL,
    name       TEXT NOT NULL
) STRICT;
CREATE INDEX unresolved_names_doc ON unresolved_names(doc);
CREATE INDEX unresolved_names_name ON unresolved_names(name);

CREATE TABLE events (
    doc              INTEGER NOT NULL REFERENCES documents(doc_key) ON DELETE CASCADE,
    ordinal          INTEGER NOT NULL,    -- position in the coder's output
    sentence         INTEGER NOT NULL,
    sentence_start   INTEGER NOT NULL,
    sentence_end     INTEGER NOT NULL,
    trigger_start    INTEGER NOT NULL,
    trigger_end      INTEGER NOT NULL,
    source_entity    TEXT,
    source_name      TEXT,
    source_code      TEXT,
    source_country   TEXT,
    source_role      TEXT,
    source_kind      TEXT,
    target_entity    TEXT,
    target_name      TEXT,
    target_code      TEXT,
    target_country   TEXT,
    target_role      TEXT,
    target_kind      TEXT,
    cameo            TEXT NOT NULL,
    status           TEXT NOT NULL,
    date_start       TEXT,
    date_end         TEXT,
    date_precision   TEXT NOT NULL,
    location_name    TEXT,
    location_country TEXT,
    location_lat     REAL,
    location_lon     REAL,
    location_kind    TEXT,
    quantities       TEXT NOT NULL DEFAULT '[]', -- JSON array of quantities
    symmetric        INTEGER NOT NULL,
    confidence       REAL NOT NULL,
    rule             TEXT NOT NULL,
    PRIMARY KEY (doc, ordinal)
) STRICT, WITHOUT ROWID;
CREATE INDEX events_cameo ON events(cameo);
CREATE INDEX events_date ON events(date_start);

-- Full-text index over title and clean text (external content: the text
-- lives in documents once; rowid = documents.doc_key).
CREATE VIRTUAL TABLE documents_fts USING fts5(
    title,
    clean_text,
    content = 'documents',
    content_rowid = 'doc_key',
    tokenize = 'unicode61 remove_diacritics 2'
);
