//! The HTTP API and `chronicler export --format jsonl` say the same about
//! every event: counts, corroboration and disagreement flags, where its
//! date came from; and the consolidation kept in the store is used (a
//! second update regroups nothing).
#![allow(clippy::unwrap_used, clippy::expect_used)] // helpers of tests

use std::path::Path;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use chronicler_dict::Dictionaries;
use chronicler_pipeline::{Pipeline, PipelineOptions};
use chronicler_server::{router, ServerConfig};
use chronicler_store::Store;
use serde_json::Value;
use tower::ServiceExt;

#[tokio::test]
async fn api_events_agree_with_the_jsonl_export() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("agree.db");
    let export = {
        let dicts = Dictionaries::builtin().unwrap();
        let pipeline = Pipeline::new(&dicts, PipelineOptions::new(jiff::civil::date(2026, 2, 2)));
        let mut store = Store::open(&db).unwrap();
        let inputs = [
            root.join("examples/articles").display().to_string(),
            root.join("tests/corpus/consolidation")
                .display()
                .to_string(),
        ];
        pipeline
            .ingest(&inputs, &mut store, &chronicler_pipeline::Silent)
            .unwrap();
        // The store keeps the consolidation: the first update groups
        // everything, a second finds nothing to regroup, and reading from
        // the kept groups gives what grouping from scratch gives.
        let scratch = chronicler_query::consolidated(&store).unwrap();
        let first = chronicler_query::update_consolidation(&mut store).unwrap();
        assert!(first.blocks > 0 && first.documents > 0, "{first:?}");
        let again = chronicler_query::update_consolidation(&mut store).unwrap();
        assert_eq!((again.blocks, again.events, again.documents), (0, 0, 0));
        let kept = chronicler_query::consolidated(&store).unwrap();
        assert_eq!(kept.events, scratch.events);
        assert_eq!(kept.members, scratch.members);
        chronicler_query::export_events(&kept)
    };
    assert!(
        export.iter().any(|e| e.disputed),
        "the corpus has a dispute"
    );
    assert!(export.iter().any(|e| !e.single_source));
    assert!(
        export.iter().all(|e| e.date_from.is_some()),
        "every freshly stored event says where its date came from"
    );

    let app = router(ServerConfig::new(db)).unwrap();
    let res = app
        .oneshot(
            Request::get("/api/events?limit=1000")
                .body(Body::empty())
                .unwrap(),
        )
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let bytes = axum::body::to_bytes(res.into_body(), usize::MAX)
        .await
        .unwrap();
    let page: Value = serde_json::from_slice(&bytes).unwrap();
    let api = page["events"].as_array().unwrap();
    assert_eq!(api.len(), export.len());
    for x in &export {
        let a = api
            .iter()
            .find(|a| a["id"] == x.id.as_str())
            .unwrap_or_else(|| panic!("{} missing from the API", x.id));
        assert_eq!(a["num_sources"], x.num_sources, "{}", x.id);
        assert_eq!(a["num_articles"], x.num_articles, "{}", x.id);
        assert_eq!(a["num_mentions"], x.num_mentions, "{}", x.id);
        assert_eq!(a["single_source"], x.single_source, "{}", x.id);
        assert_eq!(a["disputed"], x.disputed, "{}", x.id);
        assert_eq!(a["cameo"], x.cameo.as_str(), "{}", x.id);
        assert_eq!(a["date_from"].as_str(), x.date_from.as_deref(), "{}", x.id);
        assert_eq!(
            a["date_from_sentence"].as_u64(),
            x.date_from_sentence.map(|s| s as u64),
            "{}",
            x.id
        );
    }
}
