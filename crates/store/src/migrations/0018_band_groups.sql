-- chronicler store, schema version 18: LSH band rows grouped by the
-- near-duplicate cluster their document was in when it was written.
--
-- A new document's near-duplicate candidates are the stored documents
-- sharing one of its bands (consolidation.rs, linked_candidates). On a
-- text syndicated k times, or an archive where each text recurs over the
-- years, a band holds hundreds of members of one cluster, and listing
-- them all for each new member grew with the square of the cluster (a
-- fifth of a 100,000-article ingest). Once the new document has joined
-- that cluster, only its members published within the story window can
-- change anything; the band rows now say which cluster and which day, in
-- key order, so the lookup can list around a joined cluster's rows and
-- read only those members.
--
-- near:    the document's near-duplicate representative when the row was
--          written (a member of its cluster; clusters only merge, so the
--          cluster row of that member names the current cluster).
-- day:     julianday(published) - 0.5 (doc_clusters.day - 0.5: a whole
--          number for a day, which SQLite stores in 3 bytes instead of 8);
--          -1 when that does not read as a date.
-- related: its related-text representative when written (the same way).
CREATE TABLE doc_bands_grouped (
    band    INTEGER NOT NULL,
    near    INTEGER NOT NULL,
    day     REAL NOT NULL,
    doc     INTEGER NOT NULL REFERENCES documents(doc_key) ON DELETE CASCADE,
    related INTEGER NOT NULL,
    PRIMARY KEY (band, near, day, related, doc)
) STRICT, WITHOUT ROWID;

INSERT OR IGNORE INTO doc_bands_grouped (band, near, day, doc, related)
SELECT b.band, coalesce(c.near, b.doc),
       coalesce(c.day - 0.5, julianday(d.published) - 0.5, -1), b.doc,
       coalesce(c.related, b.doc)
FROM doc_bands b
JOIN documents d ON d.doc_key = b.doc
LEFT JOIN doc_clusters c ON c.doc = b.doc
ORDER BY b.band, 2, 3, 5, b.doc;

DROP TABLE doc_bands;
ALTER TABLE doc_bands_grouped RENAME TO doc_bands;
