-- chronicler store, schema version 25: the kept merged events in the order
-- of merged events, from an index.
--
-- A listing cut at a limit (`events --limit 20`, newest first or not) read
-- every kept row to sort them before it could print the first one: a pass
-- over the whole table for twenty events. With the rows' order key as an
-- index (the fields of `chronicler_query::KeptOrder`: no-date flag, day,
-- code, id before it was made unique, first mention, block, rank within
-- it), they come in order, forwards or backwards, and the listing stops
-- once it has what it prints.
CREATE INDEX IF NOT EXISTS kept_events_order
    ON kept_events(undated, day, cameo, base_id, first_doc, first_start, block, rank);
