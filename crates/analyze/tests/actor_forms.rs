//! Multiword names are recognised whatever the determiner or capital before
//! them: "The United Nations" opening a sentence, "the United States" as
//! subject or object.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

use chronicler_core::AnalyzedDocument;
use support::{actor_codes as actors, analyze};

fn has(a: &AnalyzedDocument, surface_contains: &str, code_prefix: &str) -> bool {
    actors(a)
        .iter()
        .any(|(s, c)| s.contains(surface_contains) && c.starts_with(code_prefix))
}

#[test]
fn the_united_nations_opening_a_sentence() {
    let a = analyze("The United Nations called for a ceasefire in Sudan on Friday.");
    assert!(has(&a, "United Nations", "IGOUNO"), "{:?}", actors(&a));
}

#[test]
fn the_united_states_as_subject_and_object() {
    let a = analyze(
        "The United States imposed new sanctions on Iran. Tehran accused the United States of \
         sabotage, and China urged the United States to show restraint.",
    );
    let us: Vec<_> = actors(&a)
        .into_iter()
        .filter(|(s, c)| s.contains("United States") && c.starts_with("USA"))
        .collect();
    assert_eq!(us.len(), 3, "{:?}", actors(&a));
}

#[test]
fn determiners_do_not_block_multiword_names() {
    for (text, name, code) in [
        (
            "The European Union pledged aid to Ukraine.",
            "European Union",
            "IGO",
        ),
        (
            "The International Atomic Energy Agency sent inspectors.",
            "International Atomic Energy Agency",
            "IGO",
        ),
        (
            "The Rapid Support Forces shelled El Fasher.",
            "Rapid Support Forces",
            "SDN",
        ),
        (
            "Officials said the United Kingdom would send troops.",
            "United Kingdom",
            "GBR",
        ),
        (
            "THE UNITED NATIONS, headlines say, is broke. The U.N. Security Council met.",
            "Security Council",
            "IGOUNO",
        ),
    ] {
        let a = analyze(text);
        assert!(has(&a, name, code), "{text}: {:?}", actors(&a));
    }
}
