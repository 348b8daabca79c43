-- chronicler store, schema version 15: a document's actor, place, date and
-- quantity mentions and its unresolved names are kept in one row per
-- document (`doc_mentions`, one JSON array of arrays per kind), not one row
-- per mention. They were about 70 rows an article, each a B-tree insert
-- (and, for actors and unresolved names, a seek into their index by entity
-- or name) for the writer, and nothing reads them by document or by value:
-- the consistency check, the counts, and the reports of actors and
-- unresolved names, which read them all.
--
-- The old tables are now views of the same names and columns (json_each
-- over the arrays), so SQL that read them reads the same rows, in the same
-- order. Each element lists the columns of the old table after `doc`:
--   actors:     [sentence, start_byte, end_byte, entity, name, code, country,
--                role, kind, form]
--   places:     [sentence, start_byte, end_byte, name, country, lat, lon,
--                kind, fips, adm1, geonames_id, precision]
--   dates:      [sentence, start_byte, end_byte, date_start, date_end,
--                precision, approximate]
--   quantities: [sentence, start_byte, end_byte, value, unit, text]
--   unresolved: [sentence, start_byte, end_byte, name]
-- A document with none of these has no row.

CREATE TABLE doc_mentions (
    doc        INTEGER PRIMARY KEY REFERENCES documents(doc_key) ON DELETE CASCADE,
    actors     TEXT NOT NULL DEFAULT '[]',
    places     TEXT NOT NULL DEFAULT '[]',
    dates      TEXT NOT NULL DEFAULT '[]',
    quantities TEXT NOT NULL DEFAULT '[]',
    unresolved TEXT NOT NULL DEFAULT '[]'
) STRICT;

-- The rows stored before, in the order they were written (rowid).
INSERT INTO doc_mentions (doc, actors)
SELECT doc, json_group_array(json_array(sentence, start_byte, end_byte, entity, name, code,
           country, role, kind, form) ORDER BY rowid)
FROM actor_mentions WHERE true GROUP BY doc;

INSERT INTO doc_mentions (doc, places)
SELECT doc, json_group_array(json_array(sentence, start_byte, end_byte, name, country,
           lat, lon, kind, fips, adm1, geonames_id, precision) ORDER BY rowid)
FROM place_mentions WHERE true GROUP BY doc
ON CONFLICT (doc) DO UPDATE SET places = excluded.places;

INSERT INTO doc_mentions (doc, dates)
SELECT doc, json_group_array(json_array(sentence, start_byte, end_byte, date_start, date_end,
           precision, approximate) ORDER BY rowid)
FROM date_mentions WHERE true GROUP BY doc
ON CONFLICT (doc) DO UPDATE SET dates = excluded.dates;

INSERT INTO doc_mentions (doc, quantities)
SELECT doc, json_group_array(json_array(sentence, start_byte, end_byte, value, unit, text)
           ORDER BY rowid)
FROM quantities WHERE true GROUP BY doc
ON CONFLICT (doc) DO UPDATE SET quantities = excluded.quantities;

INSERT INTO doc_mentions (doc, unresolved)
SELECT doc, json_group_array(json_array(sentence, start_byte, end_byte, name) ORDER BY rowid)
FROM unresolved_names WHERE true GROUP BY doc
ON CONFLICT (doc) DO UPDATE SET unresolved = excluded.unresolved;

DROP TABLE actor_mentions;
DROP TABLE place_mentions;
DROP TABLE date_mentions;
DROP TABLE quantities;
DROP TABLE unresolved_names;

CREATE VIEW actor_mentions (doc, sentence, start_byte, end_byte, entity, name, code, country,
    role, kind, form) AS
SELECT m.doc, j.value ->> 0, j.value ->> 1, j.value ->> 2, j.value ->> 3, j.value ->> 4,
       j.value ->> 5, j.value ->> 6, j.value ->> 7, j.value ->> 8, j.value ->> 9
FROM doc_mentions m, json_each(m.actors) j;

CREATE VIEW place_mentions (doc, sentence, start_byte, end_byte, name, country, lat, lon,
    kind, fips, adm1, geonames_id, precision) AS
SELECT m.doc, j.value ->> 0, j.value ->> 1, j.value ->> 2, j.value ->> 3, j.value ->> 4,
       j.value ->> 5, j.value ->> 6, j.value ->> 7, j.value ->> 8, j.value ->> 9,
       j.value ->> 10, j.value ->> 11
FROM doc_mentions m, json_each(m.places) j;

CREATE VIEW date_mentions (doc, sentence, start_byte, end_byte, date_start, date_end,
    precision, approximate) AS
SELECT m.doc, j.value ->> 0, j.value ->> 1, j.value ->> 2, j.value ->> 3, j.value ->> 4,
       j.value ->> 5, j.value ->> 6
FROM doc_mentions m, json_each(m.dates) j;

CREATE VIEW quantities (doc, sentence, start_byte, end_byte, value, unit, text) AS
SELECT m.doc, j.value ->> 0, j.value ->> 1, j.value ->> 2, j.value ->> 3, j.value ->> 4,
       j.value ->> 5
FROM doc_mentions m, json_each(m.quantities) j;

CREATE VIEW unresolved_names (doc, sentence, start_byte, end_byte, name) AS
SELECT m.doc, j.value ->> 0, j.value ->> 1, j.value ->> 2, j.value ->> 3
FROM doc_mentions m, json_each(m.unresolved) j;
