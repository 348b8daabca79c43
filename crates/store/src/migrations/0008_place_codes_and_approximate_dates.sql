-- chronicler store, schema version 8: places keep their gazetteer codes
-- and dates their hedge. Every column is nullable: rows written before
-- this version hold NULL (readers take it as "not recorded", and
-- `chronicler export` fills the codes of such places from the gazetteer).
--
-- location_fips / fips: GDELT's FIPS 10-4 country code ("UP").
-- location_adm1 / adm1: GDELT's first-level subdivision code ("UP26").
-- location_geonames_id / geonames_id: GeoNames feature id.
-- location_precision / precision: facility | city | subdivision | region
--   | country (how precisely the place locates an event).
-- date_approximate / approximate: 1 when the text hedges the date
--   ("around February 1") or it is derived from a duration, else 0.

ALTER TABLE events ADD COLUMN location_fips TEXT;
ALTER TABLE events ADD COLUMN location_adm1 TEXT;
ALTER TABLE events ADD COLUMN location_geonames_id INTEGER;
ALTER TABLE events ADD COLUMN location_precision TEXT;
ALTER TABLE events ADD COLUMN date_approximate INTEGER;

ALTER TABLE place_mentions ADD COLUMN fips TEXT;
ALTER TABLE place_mentions ADD COLUMN adm1 TEXT;
ALTER TABLE place_mentions ADD COLUMN geonames_id INTEGER;
ALTER TABLE place_mentions ADD COLUMN precision TEXT;

ALTER TABLE date_mentions ADD COLUMN approximate INTEGER;
