//! An event whose actor is known only through a resolved description or
//! pronoun is coded, with a lower confidence than the same act by a name.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use chronicler_core::CodedEvent;
use chronicler_dict::Dictionaries;
use jiff::civil::Date;

fn code(dicts: &Dictionaries, text: &str) -> Vec<CodedEvent> {
    common::code_text(dicts, "t", text, Date::new(2025, 10, 16).unwrap())
}

fn accusation(evs: &[CodedEvent]) -> &CodedEvent {
    evs.iter()
        .find(|e| e.cameo.starts_with("112"))
        .unwrap_or_else(|| panic!("no accusation in {evs:#?}"))
}

#[test]
fn a_resolved_target_lowers_the_confidence() {
    let dicts = Dictionaries::builtin().unwrap();
    let named = code(
        &dicts,
        "The M23 controls much of North Kivu. \
         The Congolese army accused the M23 on Wednesday of attacking its positions.",
    );
    let described = code(
        &dicts,
        "The M23 controls much of North Kivu. \
         The Congolese army accused the rebels on Wednesday of attacking its positions.",
    );
    let (n, d) = (accusation(&named), accusation(&described));
    assert_eq!(n.target.as_ref().map(|a| a.code.as_str()), Some("CODREB"));
    assert_eq!(d.target.as_ref().map(|a| a.code.as_str()), Some("CODREB"));
    assert!(
        d.confidence < n.confidence,
        "described {} vs named {}",
        d.confidence,
        n.confidence
    );
}
