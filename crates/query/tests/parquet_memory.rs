//! The Parquet export holds a row group per table, not the store: its
//! peak heap is a small part of the peak of writing the tables from the
//! whole consolidation, as it did before it streamed.
//! One test in this binary, so that no other test allocates meanwhile.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests: a failed unwrap is a failed test

mod common;

use chronicler_query::parquet::RowGroups;
use chronicler_query::EventFilter;
use common::{article, grow, parquet_streamed, parquet_whole, Article, Rng};
use peak_alloc::PeakAlloc;

#[global_allocator]
static HEAP: PeakAlloc = PeakAlloc;

/// Peak heap bytes above what was live before, while `f` runs.
fn peak_of<T>(f: impl FnOnce() -> T) -> (usize, T) {
    common::peak_of(&HEAP, f)
}

#[test]
fn the_parquet_export_holds_a_row_group_not_the_store() {
    let dir = tempfile::tempdir().unwrap();
    let mut rng = Rng(5);
    let articles: Vec<Article> = (0..600).map(|n| article(&mut rng, n)).collect();
    let store = grow(dir.path(), 5, &articles);
    drop(articles);
    assert!(store.consolidation_is_current().unwrap());
    let (whole, streamed) = (dir.path().join("whole"), dir.path().join("streamed"));
    std::fs::create_dir_all(&whole).unwrap();
    std::fs::create_dir_all(&streamed).unwrap();
    let everything = EventFilter::default();

    let (whole_peak, ()) = peak_of(|| parquet_whole(&store, &everything, &whole));
    // Row groups as small as the default ones are beside a large store.
    let groups = RowGroups {
        rows: 32,
        bytes: usize::MAX,
    };
    let (stream_peak, n) = peak_of(|| parquet_streamed(&store, &everything, &streamed, groups));
    eprintln!(
        "{} events, {} mentions, {} documents, {} stories: stream {stream_peak} B, whole {whole_peak} B",
        n.events, n.mentions, n.documents, n.stories
    );
    assert!(n.events > 300 && n.documents == 600, "{n:?}");
    assert!(
        stream_peak * 3 < whole_peak,
        "the streamed Parquet export peaked at {stream_peak} bytes, the whole one at {whole_peak}"
    );
}
