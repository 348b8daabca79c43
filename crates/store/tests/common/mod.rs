//! Helpers shared by the store's integration tests.

#![allow(clippy::unwrap_used, clippy::expect_used)]

/// Takes the schema back to before migration 0008 (gazetteer codes and
/// date hedges): its columns go and the version is set to `version` (at
/// most 7), as an older release wrote the store.
pub fn undo_place_codes(conn: &rusqlite::Connection, version: i64) {
    conn.execute_batch(&format!(
        "ALTER TABLE events DROP COLUMN location_fips;
         ALTER TABLE events DROP COLUMN location_adm1;
         ALTER TABLE events DROP COLUMN location_geonames_id;
         ALTER TABLE events DROP COLUMN location_precision;
         ALTER TABLE events DROP COLUMN date_approximate;
         ALTER TABLE place_mentions DROP COLUMN fips;
         ALTER TABLE place_mentions DROP COLUMN adm1;
         ALTER TABLE place_mentions DROP COLUMN geonames_id;
         ALTER TABLE place_mentions DROP COLUMN precision;
         ALTER TABLE date_mentions DROP COLUMN approximate;
         PRAGMA user_version = {version};"
    ))
    .expect("undoing migration 0008");
}
