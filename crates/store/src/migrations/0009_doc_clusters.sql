-- chronicler store, schema version 9: near-duplicate documents kept as
-- clusters, one row per document, instead of links between every pair
-- (a wire story syndicated k times took k(k-1)/2 link rows; it now takes
-- k rows, and reading them grows with the corpus, not with its pairs).
--
-- Each signed document has a row naming the representative of each of
-- its two clusters: `near` (documents linked from chronicler-consolidate's
-- NEAR_DUPLICATE similarity: counted as one source) and `related` (linked
-- from RELATED and published within stories::WINDOW_DAYS of each other:
-- they tie stories). A cluster is a connected component of
-- the links (transitive: A~B and B~C put A and C in one cluster); its
-- representative is the doc_key of its member with the smallest document
-- id, so the same documents give the same clusters in any ingest order.
-- The representatives are labels, not references: a deleted
-- representative leaves its cluster's label in place.
--
-- This migration creates the table; the store's Rust code then fills it
-- from doc_links (union-find over the pairs, in memory) and drops
-- doc_links (see schema.rs).
CREATE TABLE doc_clusters (
    doc     INTEGER PRIMARY KEY REFERENCES documents(doc_key) ON DELETE CASCADE,
    near    INTEGER NOT NULL,
    related INTEGER NOT NULL
) STRICT;
CREATE INDEX doc_clusters_near ON doc_clusters(near);
CREATE INDEX doc_clusters_related ON doc_clusters(related);
