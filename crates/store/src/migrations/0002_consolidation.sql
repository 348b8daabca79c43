-- chronicler store, schema version 2: what consolidation keeps between runs.

-- MinHash signature of each document's clean text (64 little-endian u64,
-- see chronicler-consolidate's minhash module) and its LSH band keys, so a
-- new document finds its near-duplicate candidates by index lookup.
CREATE TABLE doc_signatures (
    doc     INTEGER PRIMARY KEY REFERENCES documents(doc_key) ON DELETE CASCADE,
    minhash BLOB NOT NULL
) STRICT;

CREATE TABLE doc_bands (
    band INTEGER NOT NULL,
    doc  INTEGER NOT NULL REFERENCES documents(doc_key) ON DELETE CASCADE,
    PRIMARY KEY (band, doc)
) STRICT, WITHOUT ROWID;
CREATE INDEX doc_bands_doc ON doc_bands(doc);

-- Near-duplicate documents (syndicated copies, updated versions), a < b by
-- doc_key, with the estimated Jaccard similarity of their shingles.
CREATE TABLE doc_links (
    a          INTEGER NOT NULL REFERENCES documents(doc_key) ON DELETE CASCADE,
    b          INTEGER NOT NULL REFERENCES documents(doc_key) ON DELETE CASCADE,
    similarity REAL NOT NULL,
    PRIMARY KEY (a, b)
) STRICT, WITHOUT ROWID;
CREATE INDEX doc_links_b ON doc_links(b);

-- Every merged-event id ever issued, with the mention it was anchored on
-- (document id, character offsets of the sentence, CAMEO root), so that an
-- id merged away later resolves to the event that now holds that mention.
CREATE TABLE event_ids (
    id         TEXT PRIMARY KEY,
    doc        TEXT NOT NULL,
    start_char INTEGER NOT NULL,
    end_char   INTEGER NOT NULL,
    cameo_root TEXT NOT NULL,
    first_seen TEXT NOT NULL              -- RFC 3339 timestamp
) STRICT;
CREATE INDEX event_ids_mention ON event_ids(doc, start_char);
