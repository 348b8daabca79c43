-- chronicler store, schema version 12: every event's evidence says where
-- its date came from (`Evidence.date_from`).
--
-- date_from: undated | text | clause | carried | published | unrecorded
--   (rows written before this version say 'unrecorded').
-- date_from_sentence: for 'carried', the sentence index of the dated act
--   the date was carried from; NULL otherwise.

ALTER TABLE events ADD COLUMN date_from TEXT NOT NULL DEFAULT 'unrecorded';
ALTER TABLE events ADD COLUMN date_from_sentence INTEGER;
