//! Versioned schema: `PRAGMA user_version` plus numbered migrations.

use rusqlite::{Connection, TransactionBehavior};

use crate::{Context, StoreError};

/// One migration: the version it brings the store to, its name, its SQL,
/// and what must follow the SQL in the same transaction when SQL alone
/// cannot do it in time linear in the store (filling a table by a walk
/// over a graph).
struct Migration {
    version: i64,
    name: &'static str,
    sql: &'static str,
    then: Option<Step>,
}

/// A migration step in Rust, run inside the migration's transaction.
type Step = fn(&Connection) -> Result<(), StoreError>;

/// Every migration, in order. Version N is `migrations/000N_name.sql`.
const MIGRATIONS: &[Migration] = &[
    Migration {
        version: 1,
        name: "initial",
        sql: include_str!("migrations/0001_initial.sql"),
        then: None,
    },
    Migration {
        version: 2,
        name: "consolidation",
        sql: include_str!("migrations/0002_consolidation.sql"),
        then: None,
    },
    Migration {
        version: 3,
        name: "watch",
        sql: include_str!("migrations/0003_watch.sql"),
        then: None,
    },
    Migration {
        version: 4,
        name: "consolidation_state",
        sql: include_str!("migrations/0004_consolidation_state.sql"),
        then: None,
    },
    Migration {
        version: 5,
        name: "watch_reports",
        sql: include_str!("migrations/0005_watch_reports.sql"),
        then: None,
    },
    Migration {
        version: 6,
        name: "sentences_fts",
        sql: include_str!("migrations/0006_sentences_fts.sql"),
        then: None,
    },
    Migration {
        version: 7,
        name: "sentences_fts_by_writer",
        sql: include_str!("migrations/0007_sentences_fts_by_writer.sql"),
        then: None,
    },
    Migration {
        version: 8,
        name: "place_codes_and_approximate_dates",
        sql: include_str!("migrations/0008_place_codes_and_approximate_dates.sql"),
        then: None,
    },
    Migration {
        version: 9,
        name: "doc_clusters",
        sql: include_str!("migrations/0009_doc_clusters.sql"),
        then: Some(crate::consolidation::clusters_from_links),
    },
    Migration {
        version: 10,
        name: "fts_automerge",
        sql: include_str!("migrations/0010_fts_automerge.sql"),
        then: None,
    },
    Migration {
        version: 11,
        name: "one_text_index",
        sql: include_str!("migrations/0011_one_text_index.sql"),
        then: None,
    },
    Migration {
        version: 12,
        name: "event_date_from",
        sql: include_str!("migrations/0012_event_date_from.sql"),
        then: None,
    },
    Migration {
        version: 13,
        name: "writer_indexes",
        sql: include_str!("migrations/0013_writer_indexes.sql"),
        then: None,
    },
    Migration {
        version: 14,
        name: "fts_hashsize",
        sql: include_str!("migrations/0014_fts_hashsize.sql"),
        then: None,
    },
    Migration {
        version: 15,
        name: "packed_mentions",
        sql: include_str!("migrations/0015_packed_mentions.sql"),
        then: None,
    },
    Migration {
        version: 16,
        name: "cluster_days",
        sql: include_str!("migrations/0016_cluster_days.sql"),
        then: None,
    },
    Migration {
        version: 17,
        name: "text_index_pending",
        sql: include_str!("migrations/0017_text_index_pending.sql"),
        then: None,
    },
    Migration {
        version: 18,
        name: "band_groups",
        sql: include_str!("migrations/0018_band_groups.sql"),
        then: None,
    },
    Migration {
        version: 19,
        name: "event_groups_by_group",
        sql: include_str!("migrations/0019_event_groups_by_group.sql"),
        then: None,
    },
    Migration {
        version: 20,
        name: "band_rows_pending",
        sql: include_str!("migrations/0020_band_rows_pending.sql"),
        then: None,
    },
    Migration {
        version: 21,
        name: "kept_events",
        sql: include_str!("migrations/0021_kept_events.sql"),
        then: None,
    },
    Migration {
        version: 22,
        name: "kept_event_reports",
        sql: include_str!("migrations/0022_kept_event_reports.sql"),
        then: None,
    },
    Migration {
        version: 23,
        name: "signature_count",
        sql: include_str!("migrations/0023_signature_count.sql"),
        then: None,
    },
    Migration {
        version: 24,
        name: "corpus_counts",
        sql: include_str!("migrations/0024_corpus_counts.sql"),
        then: None,
    },
    Migration {
        version: 25,
        name: "kept_events_order",
        sql: include_str!("migrations/0025_kept_events_order.sql"),
        then: None,
    },
    Migration {
        version: 26,
        name: "documents_by_key",
        sql: include_str!("migrations/0026_documents_by_key.sql"),
        then: None,
    },
];

/// The schema version this chronicler writes and reads: that of its last
/// migration (versions run 1, 2, ... N in `MIGRATIONS`).
pub const SCHEMA_VERSION: i64 = match MIGRATIONS.last() {
    Some(m) => m.version,
    None => 0,
};

/// Reads `PRAGMA user_version`.
pub(crate) fn user_version(conn: &Connection) -> Result<i64, StoreError> {
    conn.pragma_query_value(None, "user_version", |r| r.get::<_, i64>(0))
        .ctx("reading the schema version")
}

/// Brings the store up to [`SCHEMA_VERSION`], one transaction per
/// migration. Each transaction re-reads the version, so two processes
/// opening a fresh store at once do not apply a migration twice.
pub(crate) fn migrate(conn: &mut Connection) -> Result<(), StoreError> {
    let found = user_version(conn)?;
    if found > SCHEMA_VERSION {
        return Err(StoreError::TooNew {
            found,
            supported: SCHEMA_VERSION,
        });
    }
    for m in MIGRATIONS {
        let what = || format!("applying migration {:04}_{}", m.version, m.name);
        let tx = conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .with_ctx(what)?;
        let current = user_version(&tx)?;
        if current > SCHEMA_VERSION {
            return Err(StoreError::TooNew {
                found: current,
                supported: SCHEMA_VERSION,
            });
        }
        if current >= m.version {
            continue; // dropping `tx` rolls back the empty transaction
        }
        tx.execute_batch(m.sql).with_ctx(what)?;
        if let Some(then) = m.then {
            then(&tx)?;
        }
        tx.pragma_update(None, "user_version", m.version)
            .with_ctx(what)?;
        tx.commit().with_ctx(what)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn migrations_are_numbered_in_order_and_reach_the_schema_version() {
        for (i, m) in MIGRATIONS.iter().enumerate() {
            assert_eq!(m.version, i as i64 + 1, "{}", m.name);
        }
        assert_eq!(MIGRATIONS.last().map(|m| m.version), Some(SCHEMA_VERSION));
    }

    #[test]
    fn the_full_text_index_merges_eight_segments_at_a_time() {
        let mut conn = Connection::open_in_memory().unwrap();
        migrate(&mut conn).unwrap();
        let automerge: i64 = conn
            .query_row(
                "SELECT v FROM sentences_fts_config WHERE k = 'automerge'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(automerge, 8);
        // Pending entries of a whole batch fit in memory (0014).
        let hashsize: i64 = conn
            .query_row(
                "SELECT v FROM sentences_fts_config WHERE k = 'hashsize'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(hashsize, 16 * 1024 * 1024);
        // One index since 0011: the per-document one is gone.
        let tables: i64 = conn
            .query_row(
                "SELECT count(*) FROM sqlite_schema WHERE name LIKE 'documents_fts%'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(tables, 0);
    }
}
