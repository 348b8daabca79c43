-- chronicler store, schema version 13: indexes nothing reads are gone.
-- Each mention row (actor, place, date, quantity, unresolved name: about a
-- hundred per article) also went into an index by document, and each LSH
-- band row into one by document; no query looks these rows up by
-- document (reports group them by entity or name, through the indexes
-- kept), and documents are never deleted, the one thing those indexes
-- would serve (ON DELETE CASCADE would scan instead). Dropping them spares
-- the writer one B-tree insert per row.
DROP INDEX IF EXISTS actor_mentions_doc;
DROP INDEX IF EXISTS place_mentions_doc;
DROP INDEX IF EXISTS date_mentions_doc;
DROP INDEX IF EXISTS quantities_doc;
DROP INDEX IF EXISTS unresolved_names_doc;
DROP INDEX IF EXISTS doc_bands_doc;
