//! Narrative dates across sentences and paragraphs, through the real
//! analyzer and coder: which date each act takes and where it came from.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use chronicler_core::{CodedEvent, DateFrom};
use chronicler_dict::Dictionaries;

const PUBLISHED: &str = "2025-05-22";

fn code(text: &str) -> Vec<CodedEvent> {
    let dicts = Dictionaries::builtin().unwrap();
    common::code_text(&dicts, "t", text, PUBLISHED.parse().unwrap())
}

/// The event coded `cameo` in sentence `sentence`: its day and date source.
fn dated(evs: &[CodedEvent], sentence: usize, cameo: &str) -> (String, DateFrom) {
    let e = evs
        .iter()
        .find(|e| e.evidence.sentence == sentence && e.cameo.starts_with(cameo))
        .unwrap_or_else(|| panic!("no {cameo} in sentence {sentence}: {evs:#?}"));
    (
        e.date.start.map_or("-".into(), |d| d.to_string()),
        e.evidence.date_from,
    )
}

const STRIKE: &str = "Indian troops struck nine sites in Pakistan on May 7.";
const BLAME: &str = "New Delhi blamed Pakistan for the massacre.";

#[test]
fn a_past_act_in_the_same_paragraph_continues_the_dated_act_before_it() {
    let evs = code(&format!("{STRIKE} {BLAME}\n"));
    assert_eq!(dated(&evs, 0, "190"), ("2025-05-07".into(), DateFrom::Text));
    assert_eq!(
        dated(&evs, 1, "112"),
        ("2025-05-07".into(), DateFrom::Carried { sentence: 0 })
    );
}

#[test]
fn a_new_paragraph_starts_afresh() {
    let evs = code(&format!("{STRIKE}\n\n{BLAME}\n"));
    assert_eq!(dated(&evs, 0, "190"), ("2025-05-07".into(), DateFrom::Text));
    assert_eq!(
        dated(&evs, 1, "112"),
        (PUBLISHED.into(), DateFrom::Published)
    );
}

#[test]
fn a_date_does_not_carry_two_paragraphs_away() {
    let evs = code(&format!(
        "{STRIKE}\n\nThe region has been tense for decades.\n\n{BLAME}\n"
    ));
    assert_eq!(
        dated(&evs, 2, "112"),
        (PUBLISHED.into(), DateFrom::Published)
    );
}

#[test]
fn a_carried_date_stays_in_its_paragraph() {
    let evs = code(&format!(
        "{STRIKE} {BLAME}\n\nPakistan accused India of war crimes.\n"
    ));
    assert_eq!(
        dated(&evs, 1, "112"),
        ("2025-05-07".into(), DateFrom::Carried { sentence: 0 })
    );
    assert_eq!(
        dated(&evs, 2, "112"),
        (PUBLISHED.into(), DateFrom::Published)
    );
}

#[test]
fn a_carried_date_runs_on_through_its_paragraph() {
    let evs = code(&format!(
        "{STRIKE} {BLAME} Pakistan accused India of war crimes.\n"
    ));
    assert_eq!(
        dated(&evs, 2, "112"),
        ("2025-05-07".into(), DateFrom::Carried { sentence: 1 })
    );
}

#[test]
fn a_present_act_between_breaks_the_narrative() {
    let evs = code(&format!(
        "{STRIKE} New Delhi blames Pakistan for the massacre. Pakistan accused India of war crimes.\n"
    ));
    assert_eq!(
        dated(&evs, 1, "112"),
        (PUBLISHED.into(), DateFrom::Published)
    );
    assert_eq!(
        dated(&evs, 2, "112"),
        (PUBLISHED.into(), DateFrom::Published)
    );
}

#[test]
fn an_act_dated_by_its_clause_starts_no_narrative() {
    let evs = code(
        "Indian troops struck Pakistan after Pakistani militants attacked tourists on April 22. \
         New Delhi blamed Pakistan for the massacre.\n",
    );
    assert_eq!(
        dated(&evs, 0, "190"),
        (PUBLISHED.into(), DateFrom::Published)
    );
    assert_eq!(
        dated(&evs, 1, "112"),
        (PUBLISHED.into(), DateFrom::Published)
    );
}
