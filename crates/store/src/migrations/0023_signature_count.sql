-- chronicler store, schema version 23: an index of the signed documents'
-- keys, so that counting them does not read every signature.
--
-- Every ingest asks whether some document lacks a signature by comparing
-- the count of `doc_signatures` with that of `documents` (migration-era
-- documents are signed then). `count(*)` reads the smallest b-tree holding
-- every row: for `doc_signatures` that was the table itself, a 256-byte
-- signature a row: 0.15 s at a million articles, on every run, however
-- few articles it adds; through this index, 3 ms.
CREATE INDEX IF NOT EXISTS doc_signatures_keys ON doc_signatures(doc);
