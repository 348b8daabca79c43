//! Batched, streaming ingest: a document the store refuses is left out
//! alone; batch size and thread count change nothing in the store.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;

use chronicler_pipeline::{Pipeline, PipelineOptions, Silent};
use chronicler_store::Store;

fn corpus(path: &Path, n: usize) {
    let sentences = [
        "Russia and Ukraine held talks in Istanbul on Monday.",
        "Turkey offered to host a second round of talks in Ankara.",
        "The United Nations condemned the strike on the port of Odesa.",
        "Armenia and Azerbaijan resumed border talks in Almaty on Thursday.",
    ];
    let mut out = String::new();
    for i in 0..n {
        let text = format!(
            "Dispatch {i}. {} {}",
            sentences[i % 4],
            sentences[(i / 4) % 4]
        );
        let doc =
            serde_json::json!({"id": format!("d{i:03}"), "published": "2026-01-05", "text": text});
        out.push_str(&format!("{doc}\n"));
    }
    std::fs::write(path, out).unwrap();
}

fn run(db: &Path, input: &Path, threads: usize, batch_size: usize) -> chronicler_pipeline::Summary {
    let dicts = chronicler_dict::Dictionaries::load(None).unwrap();
    let mut opts = PipelineOptions::new(jiff::civil::date(2026, 2, 1));
    opts.threads = threads;
    opts.batch_size = batch_size;
    let pipeline = Pipeline::new(&dicts, opts);
    let mut store = Store::open(db).unwrap();
    pipeline
        .ingest(&[input.display().to_string()], &mut store, &Silent)
        .unwrap()
}

/// The ids of the stored documents, in the store's order.
fn stored_ids(store: &Store) -> Vec<String> {
    store
        .documents()
        .unwrap()
        .into_iter()
        .map(|d| d.id)
        .collect()
}

#[test]
fn a_document_the_store_refuses_is_left_out_alone_and_the_batch_is_kept() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("c.jsonl");
    corpus(&input, 40);
    let db = dir.path().join("s.db");
    drop(Store::open(&db).unwrap());
    let conn = rusqlite::Connection::open(&db).unwrap();
    conn.execute_batch(
        "CREATE TRIGGER refuse BEFORE INSERT ON events
         WHEN (SELECT id FROM documents WHERE doc_key = NEW.doc) = 'd013'
         BEGIN SELECT RAISE(ABORT, 'refused'); END;",
    )
    .unwrap();
    drop(conn);
    let summary = run(&db, &input, 2, 16);
    assert_eq!(summary.documents, 40);
    assert_eq!(summary.stored, 39, "{summary:?}");
    assert_eq!(
        summary.skipped.get("internal-error"),
        Some(&1),
        "{summary:?}"
    );
    let store = Store::open(&db).unwrap();
    assert_eq!(store.stats().unwrap().documents, 39);
    assert_eq!(store.document("d013").unwrap(), None);
    assert!(store.document("d012").unwrap().is_some());
    assert!(store.document("d014").unwrap().is_some());
    assert_eq!(store.consistency_check().unwrap(), Vec::<String>::new());
}

#[test]
fn batch_size_and_threads_change_nothing_in_the_store() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("c.jsonl");
    corpus(&input, 50);
    let mut seen = Vec::new();
    // From two threads up the writer is one of the pool's and runs its jobs
    // while it waits: small batches make it wait, and help, often.
    for (threads, batch) in [(1, 1), (2, 7), (2, 64), (3, 5), (4, 2)] {
        let db = dir.path().join(format!("s-{threads}-{batch}.db"));
        let summary = run(&db, &input, threads, batch);
        assert_eq!(summary.stored, 50, "{summary:?}");
        let store = Store::open(&db).unwrap();
        let events: Vec<String> = store
            .coded_events()
            .unwrap()
            .into_iter()
            .map(|e| format!("{} {} {}", e.doc.id, e.event.cameo, e.start))
            .collect();
        let docs: Vec<String> = store
            .documents()
            .unwrap()
            .into_iter()
            .map(|d| d.id)
            .collect();
        seen.push((docs, events, store.doc_clusters().unwrap().len()));
    }
    assert!(!seen[0].1.is_empty(), "the corpus gives events");
    assert!(
        seen[0].2 > 0,
        "near-duplicate links are found within batches"
    );
    assert_eq!(seen[0], seen[1]);
    assert_eq!(seen[0], seen[2]);
}

#[test]
fn a_resumed_ingest_skips_what_is_stored_and_writes_the_rest_once() {
    let dir = tempfile::tempdir().unwrap();
    let (head, all) = (dir.path().join("head.jsonl"), dir.path().join("all.jsonl"));
    corpus(&all, 50);
    // The first 23 lines: several whole batches of 7 already stored, then
    // a batch that mixes stored and new documents.
    let text = std::fs::read_to_string(&all).unwrap();
    let first: String = text.lines().take(23).map(|l| format!("{l}\n")).collect();
    std::fs::write(&head, first).unwrap();
    let db = dir.path().join("s.db");
    assert_eq!(run(&db, &head, 2, 7).stored, 23);
    let summary = run(&db, &all, 2, 7);
    assert_eq!(
        (summary.documents, summary.duplicates, summary.stored),
        (50, 23, 27),
        "{summary:?}"
    );
    let store = Store::open(&db).unwrap();
    let ids = stored_ids(&store);
    let expected: Vec<String> = (0..50).map(|i| format!("d{i:03}")).collect();
    assert_eq!(ids, expected);
    assert_eq!(store.consistency_check().unwrap(), Vec::<String>::new());
}

#[test]
fn a_document_repeated_in_a_later_batch_read_before_the_first_is_written_is_stored_once() {
    // Batches of 3 with several in flight: the repeat of d001 (with another
    // text) is read, and checked against the store, before the batch
    // holding d001 is written; the writer must still keep only the first.
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("c.jsonl");
    corpus(&input, 20);
    let mut text = std::fs::read_to_string(&input).unwrap();
    let repeat = serde_json::json!({
        "id": "d001", "published": "2026-01-06",
        "text": "A later version. Turkey offered to host a second round of talks in Ankara."
    });
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    lines.insert(7, repeat.to_string());
    text = lines.join("\n") + "\n";
    std::fs::write(&input, text).unwrap();
    for threads in [1, 2] {
        let db = dir.path().join(format!("s{threads}.db"));
        let summary = run(&db, &input, threads, 3);
        assert_eq!(
            (summary.documents, summary.stored, summary.duplicates),
            (21, 20, 1),
            "{summary:?}"
        );
        let store = Store::open(&db).unwrap();
        let first = store.document("d001").unwrap().unwrap();
        assert_eq!(first.published, "2026-01-05", "the first d001 is kept");
        assert_eq!(store.consistency_check().unwrap(), Vec::<String>::new());
    }
}

#[test]
fn a_copy_of_a_document_not_stored_is_stored_whole_and_other_copies_are_duplicates() {
    // "b" reads like "a" but arrives under the URL of "c", read just before
    // it in the same batch: "b" is a duplicate of "c" and is not stored.
    // "d" has the clean text of "b": the workers leave it unanalyzed as a
    // copy, and the writer, finding nothing stored with that text, must
    // analyze and store it whole. "e" copies "a", which is stored: a
    // duplicate. Whatever the threads and batch size, the store is the
    // one a run that analyzed everything would write.
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("c.jsonl");
    let talks = "Russia and Ukraine held talks in Istanbul on Monday. \
                 Turkey offered to host a second round of talks in Ankara.";
    let strike = "The United Nations condemned the strike on the port of Odesa.";
    let docs = [
        serde_json::json!({"id": "a", "url": "https://a.test/1", "published": "2026-01-05", "text": talks}),
        serde_json::json!({"id": "c", "url": "https://c.test/1", "published": "2026-01-05", "text": strike}),
        serde_json::json!({"id": "b", "url": "https://c.test/1", "published": "2026-01-05", "text": format!("Follow-up. {talks}")}),
        serde_json::json!({"id": "d", "url": "https://d.test/1", "published": "2026-01-06", "text": format!("Follow-up. {talks}")}),
        serde_json::json!({"id": "e", "url": "https://e.test/1", "published": "2026-01-07", "text": talks}),
    ];
    let lines: Vec<String> = docs.iter().map(|d| d.to_string()).collect();
    std::fs::write(&input, lines.join("\n") + "\n").unwrap();
    let mut rows = Vec::new();
    for (threads, batch) in [(1, 8), (2, 8), (1, 2), (2, 1)] {
        let db = dir.path().join(format!("s{threads}-{batch}.db"));
        let summary = run(&db, &input, threads, batch);
        assert_eq!(
            (summary.documents, summary.stored, summary.duplicates),
            (5, 3, 2),
            "{summary:?}"
        );
        let store = Store::open(&db).unwrap();
        let ids = stored_ids(&store);
        assert_eq!(ids, ["a", "c", "d"]);
        let d = store.document("d").unwrap().unwrap();
        assert_eq!(d.published, "2026-01-06");
        let events = store.coded_events().unwrap();
        let of = |id: &str| events.iter().filter(|e| e.doc.id == id).count();
        assert!(of("d") > 0 && of("d") == of("a"), "d is coded as a is");
        let found: Vec<String> = store
            .search_sentences("Ankara", 10)
            .unwrap()
            .into_iter()
            .map(|h| h.doc)
            .collect();
        assert!(found.contains(&"d".to_string()), "{found:?}");
        assert_eq!(store.consistency_check().unwrap(), Vec::<String>::new());
        rows.push((ids, events.len()));
    }
    assert!(rows.windows(2).all(|w| w[0] == w[1]));
}

#[test]
fn a_run_into_a_store_holding_documents_links_them_as_one_run_does() {
    let dir = tempfile::tempdir().unwrap();
    let all = dir.path().join("all.jsonl");
    corpus(&all, 48);
    let text = std::fs::read_to_string(&all).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    let (first, rest) = (
        dir.path().join("first.jsonl"),
        dir.path().join("rest.jsonl"),
    );
    std::fs::write(&first, lines[..20].join("\n") + "\n").unwrap();
    std::fs::write(&rest, lines[20..].join("\n") + "\n").unwrap();
    let clusters = |db: &Path| -> Vec<(String, i64, i64)> {
        let store = Store::open(db).unwrap();
        let mut rows: Vec<(String, i64, i64)> = store
            .doc_clusters()
            .unwrap()
            .into_iter()
            .map(|c| (c.id, c.near, c.related))
            .collect();
        rows.sort();
        rows
    };
    let one = dir.path().join("one.db");
    assert_eq!(run(&one, &all, 2, 8).stored, 48);
    let expected = clusters(&one);
    // Documents of the second part joined to the first's clusters (the
    // first's 20 documents have keys 1 to 20): the second run finds the
    // first's band rows in the store, its own in memory.
    let across = expected
        .iter()
        .filter(|(id, near, _)| id.as_str() >= "d020" && *near <= 20)
        .count();
    assert!(across > 0, "{expected:?}");
    for threads in [1, 3] {
        let db = dir.path().join(format!("two-{threads}.db"));
        assert_eq!(run(&db, &first, threads, 8).stored, 20);
        assert_eq!(run(&db, &rest, threads, 8).stored, 28);
        assert_eq!(clusters(&db), expected, "threads {threads}");
    }
}
