//! The streamed Parquet export writes the rows the whole consolidation
//! gives, in the same order, however the tables are cut into row groups.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests: a failed unwrap is a failed test

mod common;

use std::path::Path;

use chronicler_query::parquet::RowGroups;
use chronicler_query::EventFilter;
use common::{article, grow, parquet_streamed, parquet_whole, Article, Rng};
use parquet::file::reader::{FileReader, SerializedFileReader};
use parquet::record::Row;

const TABLES: [&str; 4] = ["events", "mentions", "documents", "stories"];

/// A table's column names, row groups and rows, read back.
fn read_back(path: &Path) -> (Vec<String>, usize, Vec<Row>) {
    let r = SerializedFileReader::new(std::fs::File::open(path).unwrap()).unwrap();
    let names = r
        .metadata()
        .file_metadata()
        .schema_descr()
        .columns()
        .iter()
        .map(|c| c.name().to_string())
        .collect();
    let rows = r
        .get_row_iter(None)
        .unwrap()
        .map(|row| row.unwrap())
        .collect();
    (names, r.metadata().num_row_groups(), rows)
}

/// Writes `store`'s tables whole and streamed in row groups of `groups`;
/// asserts that they read back the same; returns the streamed tables' row
/// groups and rows.
fn same_both_ways(
    store: &chronicler_store::Store,
    filter: &EventFilter,
    groups: RowGroups,
) -> Vec<(usize, usize)> {
    let dir = tempfile::tempdir().unwrap();
    let (whole, streamed) = (dir.path().join("whole"), dir.path().join("streamed"));
    std::fs::create_dir_all(&whole).unwrap();
    std::fs::create_dir_all(&streamed).unwrap();
    parquet_whole(store, filter, &whole);
    let n = parquet_streamed(store, filter, &streamed, groups);
    let mut out = Vec::new();
    for t in TABLES {
        let file = format!("{t}.parquet");
        let (names, _, rows) = read_back(&whole.join(&file));
        let (streamed_names, row_groups, streamed_rows) = read_back(&streamed.join(&file));
        assert_eq!(streamed_names, names, "{t}");
        assert_eq!(streamed_rows.len(), rows.len(), "{t}");
        for (i, (a, b)) in streamed_rows.iter().zip(&rows).enumerate() {
            assert_eq!(a, b, "{t}: row {i}");
        }
        out.push((row_groups, rows.len()));
    }
    assert_eq!(
        [n.events, n.mentions, n.documents, n.stories],
        [out[0].1, out[1].1, out[2].1, out[3].1]
    );
    out
}

fn store(dir: &Path) -> chronicler_store::Store {
    let mut rng = Rng(11);
    let articles: Vec<Article> = (0..120).map(|n| article(&mut rng, n)).collect();
    let store = grow(dir, 11, &articles);
    assert!(store.consolidation_is_current().unwrap());
    store
}

#[test]
fn streamed_tables_read_back_as_the_whole_ones_in_any_row_groups() {
    let dir = tempfile::tempdir().unwrap();
    let store = store(dir.path());
    let everything = EventFilter::default();
    // Cut by rows, by bytes, and not at all.
    let by_rows = same_both_ways(
        &store,
        &everything,
        RowGroups {
            rows: 7,
            bytes: usize::MAX,
        },
    );
    for (t, (groups, rows)) in TABLES.iter().zip(&by_rows) {
        assert!(*rows > 20, "{t}: {rows} rows");
        assert_eq!(*groups, rows.div_ceil(7), "{t}");
    }
    let by_bytes = same_both_ways(
        &store,
        &everything,
        RowGroups {
            rows: usize::MAX,
            bytes: 2000,
        },
    );
    for (t, (groups, rows)) in TABLES.iter().zip(&by_bytes) {
        assert!(*groups > 3 && groups < rows, "{t}: {groups} row groups");
    }
    let whole = same_both_ways(&store, &everything, RowGroups::default());
    assert!(whole.iter().all(|(groups, _)| *groups == 1));
}

#[test]
fn a_filtered_export_keeps_the_documents_and_stories_of_its_events() {
    let dir = tempfile::tempdir().unwrap();
    let store = store(dir.path());
    let all = same_both_ways(&store, &EventFilter::default(), RowGroups::default());
    let talks = EventFilter {
        cameo: Some("04".into()),
        ..EventFilter::default()
    };
    let some = same_both_ways(
        &store,
        &talks,
        RowGroups {
            rows: 5,
            bytes: usize::MAX,
        },
    );
    // Fewer events, documents and stories than without the filter, some
    // of each.
    for (t, ((_, a), (_, s))) in TABLES.iter().zip(all.iter().zip(&some)) {
        assert!(0 < *s && s < a, "{t}: {s} of {a}");
    }
}

#[test]
fn a_table_with_no_rows_reads_back_empty_with_its_columns() {
    let dir = tempfile::tempdir().unwrap();
    let store = store(dir.path());
    let nothing = EventFilter {
        actor: Some("nobody at all".into()),
        ..EventFilter::default()
    };
    let out = dir.path().join("out");
    std::fs::create_dir_all(&out).unwrap();
    let n = parquet_streamed(&store, &nothing, &out, RowGroups::default());
    assert_eq!([n.events, n.mentions, n.documents, n.stories], [0; 4]);
    for t in TABLES {
        let (names, groups, rows) = read_back(&out.join(format!("{t}.parquet")));
        assert!(names.len() > 5, "{t}: {names:?}");
        assert_eq!((groups, rows.len()), (1, 0), "{t}");
    }
}
