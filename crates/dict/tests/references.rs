//! Lints the built-in descriptions file: valid countries and role types,
//! phrases that cannot be read as names.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use chronicler_dict::cameo_tables::{is_country, is_type};
use chronicler_dict::references::{Becomes, ReferenceDict};

#[test]
fn reference_codes_are_valid() {
    let d = ReferenceDict::load(None).unwrap();
    let mut bad = Vec::new();
    let mut n = 0;
    for (phrase, e) in d.phrases() {
        n += 1;
        if phrase.split(' ').any(|w| d.blocks(w)) {
            bad.push(format!("{phrase}: contains a not-before word"));
        }
        for a in &e.antecedents {
            if let Some(r) = &a.role {
                if !is_type(r) {
                    bad.push(format!("{phrase}: role {r}"));
                }
            }
            if let Becomes::Role(r) = &a.becomes {
                if !is_type(r) {
                    bad.push(format!("{phrase}: becomes role {r}"));
                }
            }
            for c in &a.countries {
                if !is_country(c) {
                    bad.push(format!("{phrase}: country {c}"));
                }
            }
        }
    }
    assert!(n >= 30, "only {n} phrases");
    assert!(bad.is_empty(), "{bad:#?}");
}
