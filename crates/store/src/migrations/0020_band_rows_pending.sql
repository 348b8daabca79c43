-- chronicler store, schema version 20: band rows a run holds back from
-- `doc_bands` while it keeps its band rows in memory (the writer's band
-- mirror), one row per document.
--
-- `doc_bands` is keyed by band, a hash: a document's 21 rows land on 21
-- pages anywhere in the table, and each batch commit (every 512 documents)
-- wrote nearly every page of it again to the WAL: at 100,000 articles,
-- 9 of the 14.6 GB an ingest wrote, for a 64 MB table. A batch
-- whose writer keeps the mirror now lists its documents' rows here (appended
-- in key order), and they go into `doc_bands` at once, sorted, when the run
-- ends, when the mirror is dropped, or before any lookup through SQL alone
-- (by this writer or another); opening the store for writing does it too,
-- after a run that was killed first. Until then the mirror answers the
-- lookups of the run that wrote them (for their rows; the store's older
-- rows are read through SQL).
CREATE TABLE IF NOT EXISTS doc_bands_pending (
    doc     INTEGER PRIMARY KEY REFERENCES documents(doc_key) ON DELETE CASCADE,
    near    INTEGER NOT NULL,
    related INTEGER NOT NULL,
    day     REAL NOT NULL,
    bands   BLOB NOT NULL            -- the distinct band keys, 8 bytes each, little-endian
) STRICT;
