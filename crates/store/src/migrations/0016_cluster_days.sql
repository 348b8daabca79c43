-- chronicler store, schema version 16: each document's publication day in
-- its `doc_clusters` row (`day`, the Julian day number of
-- documents.published, as SQL's julianday() gives it; NULL when that does
-- not read as a date).
--
-- The writer looks up the stored documents sharing an LSH band with a new
-- one (consolidation.rs, linked_candidates) and skips those whose
-- near-duplicate cluster it joined already and which were published
-- outside the story window: they can change no cluster. Knowing that took
-- a read of each candidate's document row; on a corpus where most texts
-- have many near duplicates, three candidates in four were read only to
-- be skipped. The day now comes with the cluster row the lookup reads
-- anyway.
ALTER TABLE doc_clusters ADD COLUMN day REAL;

UPDATE doc_clusters
SET day = (SELECT julianday(d.published) FROM documents d WHERE d.doc_key = doc_clusters.doc);
