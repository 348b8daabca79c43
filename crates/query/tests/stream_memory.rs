//! Streaming the merged events holds one block or group at a time, not
//! the store: the peak heap while every event is streamed (and dropped),
//! or while a filter's few are read, is a small part of the peak while the
//! whole consolidation is built.
//! One test in this binary, so that no other test allocates meanwhile.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests: a failed unwrap is a failed test

mod common;

use common::{article, grow, Article, Rng};
use peak_alloc::PeakAlloc;

#[global_allocator]
static HEAP: PeakAlloc = PeakAlloc;

/// Peak heap bytes above what was live before, while `f` runs.
fn peak_of<T>(f: impl FnOnce() -> T) -> (usize, T) {
    common::peak_of(&HEAP, f)
}

#[test]
fn streaming_the_export_holds_a_block_not_the_store() {
    let dir = tempfile::tempdir().unwrap();
    let mut rng = Rng(7);
    let articles: Vec<Article> = (0..600).map(|n| article(&mut rng, n)).collect();
    let store = grow(dir.path(), 7, &articles);
    drop(articles);
    assert!(store.consolidation_is_current().unwrap());

    let (whole_peak, events) =
        peak_of(|| chronicler_query::consolidated(&store).unwrap().events.len());
    let (stream_peak, streamed) = peak_of(|| {
        let mut n = 0;
        let mut out = Vec::new();
        for part in chronicler_query::merged_stream(&store).unwrap() {
            let part = part.unwrap();
            n += part.events.len();
            // Written as the export writes it, then dropped.
            chronicler_query::write_jsonl_consolidated(&part, &mut out).unwrap();
            out.clear();
        }
        n
    });
    eprintln!("events {events}: stream {stream_peak} B, whole {whole_peak} B");
    assert_eq!(streamed, events);
    assert!(events > 300, "{events} events");
    assert!(
        stream_peak * 4 < whole_peak,
        "streaming peaked at {stream_peak} bytes, the whole consolidation at {whole_peak}"
    );

    // A filtered read holds what passes, not the store: here the events
    // of one day in forty.
    let filter = chronicler_query::EventFilter {
        from: Some(common::day(3)),
        to: Some(common::day(3)),
        ..Default::default()
    };
    let (filtered_peak, filtered) =
        peak_of(|| chronicler_query::filtered_events(&store, &filter, None).unwrap());
    eprintln!(
        "{} of {events} events filtered: {filtered_peak} B",
        filtered.len()
    );
    assert!(!filtered.is_empty() && filtered.len() * 10 < events);
    assert!(
        filtered_peak * 4 < whole_peak,
        "the filtered read peaked at {filtered_peak} bytes, the whole consolidation at {whole_peak}"
    );
    drop(filtered);

    let (story_peak, stories) = peak_of(|| {
        let mut n = 0;
        chronicler_query::each_story(&store, |_| {
            n += 1;
            Ok(())
        })
        .unwrap();
        n
    });
    let (whole_story_peak, whole_stories) = peak_of(|| {
        let c = chronicler_query::consolidated(&store).unwrap();
        chronicler_query::stories(&store, &c).unwrap().len()
    });
    eprintln!("stories {stories}: stream {story_peak} B, whole {whole_story_peak} B");
    assert_eq!(stories, whole_stories);
    assert!(
        story_peak * 4 < whole_story_peak,
        "streamed stories peaked at {story_peak} bytes, whole at {whole_story_peak}"
    );
}
