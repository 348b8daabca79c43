//! Lints the built-in stances dictionary (`data/dictionaries/stances.txt`):
//! it parses, keys are valid and unique, no phrase is listed twice, every
//! cue kind has phrases, and every issue phrase still reaches its issue
//! (an earlier issue taking all its words would silently hide it).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::HashSet;

use chronicler_dict::stances::{valid_key, Cue, StanceDict};

const TEXT: &str = include_str!("../../../data/dictionaries/stances.txt");

fn builtin() -> StanceDict {
    StanceDict::parse("stances.txt", TEXT).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn builtin_parses_with_valid_unique_keys_and_phrases() {
    let d = builtin();
    assert_eq!(*StanceDict::builtin(), d, "the shared built-in is the file");
    let mut keys = HashSet::new();
    let mut phrases = HashSet::new();
    for i in d.issue_list() {
        assert!(valid_key(&i.key), "bad key {:?}", i.key);
        assert!(keys.insert(i.key.clone()), "issue {:?} twice", i.key);
        assert!(!i.phrases.is_empty(), "issue {:?} without phrases", i.key);
        for p in &i.phrases {
            assert!(phrases.insert(p.text.clone()), "phrase {:?} twice", p.text);
        }
    }
    assert!(d.issue_list().len() >= 40, "{}", d.issue_list().len());
    for cue in Cue::ALL {
        let list = d.cue_phrases(cue);
        assert!(!list.is_empty(), "no {} phrases", cue.name());
        let mut seen = HashSet::new();
        for p in list {
            assert!(seen.insert(&p.text), "{}: {:?} twice", cue.name(), p.text);
        }
    }
    // The issues the brief is asked about in other conflicts are there.
    for k in [
        "security guarantees",
        "territorial integrity",
        "withdrawal of troops",
        "ceasefire",
        "hostages",
        "humanitarian access",
        "sanctions relief",
        "prisoner exchange",
        "elections",
        "disarmament",
        "recognition",
        "sovereignty",
        "border demarcation",
        "nuclear program",
    ] {
        assert!(keys.contains(k), "no issue {k:?}");
    }
}

/// A text a phrase matches: first alternatives, `*` gaps as one word.
fn sample(phrase: &str) -> String {
    phrase
        .split_whitespace()
        .map(|w| {
            if w.starts_with('*') {
                "the".to_string()
            } else {
                w.split('|')
                    .next()
                    .unwrap_or(w)
                    .trim_end_matches('*')
                    .to_string()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn every_issue_phrase_reaches_its_issue() {
    let d = builtin();
    let mut hidden = Vec::new();
    for i in d.issue_list() {
        for p in &i.phrases {
            let s = sample(&p.text);
            if !d.issues(&s).contains(&i.key) {
                hidden.push(format!("{:?} ({s:?}) -> {:?}", i.key, d.issues(&s)));
            }
        }
    }
    assert!(
        hidden.is_empty(),
        "phrases taken by earlier issues: {hidden:#?}"
    );
    for cue in Cue::ALL {
        for p in d.cue_phrases(cue) {
            let s = sample(&p.text);
            assert!(d.first(cue, &s).is_some(), "{}: {s:?}", cue.name());
        }
    }
}

#[test]
fn statements_of_other_conflicts_name_their_issues() {
    let d = builtin();
    for (text, want) in [
        (
            "the release of all hostages and a permanent ceasefire",
            &["ceasefire", "hostages"][..],
        ),
        (
            "unimpeded humanitarian access to the besieged city",
            &["humanitarian access"],
        ),
        (
            "the lifting of Western sanctions before any deal",
            &["sanctions relief"],
        ),
        ("an all-for-all prisoner exchange", &["prisoner exchange"]),
        (
            "the demarcation of the border along the river",
            &["border demarcation"],
        ),
        (
            "a halt to uranium enrichment and the return of inspectors",
            &["nuclear program"],
        ),
        (
            "the disarmament of the militias and early elections",
            &["elections", "disarmament"],
        ),
        (
            "the withdrawal of foreign forces from its sovereign territory",
            &["sovereignty", "withdrawal of troops"],
        ),
        ("talks without preconditions on the weather", &[]),
    ] {
        assert_eq!(d.issues(text), want, "{text}");
    }
}
