//! The example articles against `eval/dev/*.entities.json`: the shares of
//! named people, organisations and places found and resolved to the right
//! entity stay above a floor (the full report: `cargo run -p
//! chronicler-analyze --example entity_report --release`).
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

use chronicler_dict::Dictionaries;
use support::entity_eval::{evaluate, gold_articles, shares};

#[test]
fn entity_shares_stay_above_the_floor() {
    let dicts = Dictionaries::builtin().unwrap();
    let names = gold_articles();
    assert!(names.len() >= 2, "gold files missing: {names:?}");
    let results: Vec<_> = names.iter().map(|n| evaluate(&dicts, n)).collect();
    for (kind, er, en, mr, mn) in shares(&results) {
        assert!(en > 0, "no {kind} in the gold");
        let (e, m) = (er as f64 / en as f64, mr as f64 / mn as f64);
        // People and organisations: every one in the clean text resolved.
        let floor = if kind == "PLACE" { 0.9 } else { 1.0 };
        assert!(e >= floor, "{kind}: {er}/{en} entities resolved");
        assert!(m >= 0.9, "{kind}: {mr}/{mn} mentions resolved");
    }
    // The missed mentions of the dev set are named, so a regression shows.
    let missed: Vec<String> = results
        .iter()
        .flat_map(|r| r.entities.iter())
        .flat_map(|e| e.mentions.iter())
        .filter(|m| !m.resolved)
        .map(|m| m.text.clone())
        .collect();
    assert!(missed.len() <= 2, "missed: {missed:?}");
}
