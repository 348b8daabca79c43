//! Agents tied to the state named after them ("soldiers from Russia",
//! "officials in Kyiv", "the ambassadors of France, Germany and Britain")
//! and PETRARCH's prefix agents ("MSF Arnor"), without taking what is not
//! so tied.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

use chronicler_core::AnalyzedDocument;
use chronicler_dict::{Dictionaries, PetrarchTexts};
use jiff::civil::Date;
use support::{actor_codes as actors, analyze};

fn has(a: &AnalyzedDocument, surface: &str, code: &str) -> bool {
    actors(a).iter().any(|(s, c)| s == surface && c == code)
}

#[test]
fn agent_from_or_in_a_state_takes_its_country() {
    let a = analyze("Soldiers from Russia crossed into the Sumy region on Monday.");
    assert!(
        has(&a, "Soldiers from Russia", "RUSMIL"),
        "{:?}",
        actors(&a)
    );
    let a = analyze("Officials in Kyiv said the talks would resume next week.");
    assert!(has(&a, "Officials in Kyiv", "UKRGOV"), "{:?}", actors(&a));
    let a = analyze("Russian police detained protesters in Moscow on Saturday.");
    assert!(has(&a, "Russian police", "RUSCOP"), "{:?}", actors(&a));
    assert!(
        actors(&a)
            .iter()
            .any(|(s, c)| s == "protesters in Moscow" && c.starts_with("RUS")),
        "{:?}",
        actors(&a)
    );
}

#[test]
fn agent_of_a_list_of_states_is_each_states() {
    let a = analyze(
        "The ambassadors of France, Germany and Britain presented a joint letter to the \
         Iranian foreign ministry.",
    );
    let codes: Vec<String> = actors(&a).into_iter().map(|(_, c)| c).collect();
    for c in ["FRAGOV", "DEUGOV", "GBRGOV"] {
        assert!(codes.iter().any(|x| x == c), "{c}: {:?}", actors(&a));
    }
}

#[test]
fn two_agents_of_one_state() {
    let a = analyze("Israeli soldiers and settlers attacked the village of Sinjil on Friday.");
    assert!(has(&a, "Israeli soldiers", "ISRMIL"), "{:?}", actors(&a));
    assert!(
        actors(&a)
            .iter()
            .any(|(s, c)| s == "settlers" && c.starts_with("ISR")),
        "{:?}",
        actors(&a)
    );
    let a = analyze("Russian officials and diplomats from Poland met in Minsk.");
    assert!(
        has(&a, "diplomats from Poland", "POLGOV"),
        "{:?}",
        actors(&a)
    );
}

#[test]
fn troops_in_a_country_are_not_taken_as_its_own() {
    let a = analyze("Troops in Syria came under drone attack overnight, the Pentagon said.");
    assert!(
        !actors(&a).iter().any(|(_, c)| c == "SYRMIL"),
        "{:?}",
        actors(&a)
    );
}

#[test]
fn visitors_and_qualified_agents_are_not_the_places() {
    let a = analyze(
        "Armenia's foreign minister told reporters in Yerevan the text was ready. \
         \"We hope for more,\" said the head of the ICRC delegation in Congo.",
    );
    assert!(
        !actors(&a)
            .iter()
            .any(|(_, c)| c == "ARMMED" || c == "CODGOV"),
        "{:?}",
        actors(&a)
    );
}

#[test]
fn a_list_stops_where_a_member_has_its_own_agent() {
    let a = analyze("Officials from Poland and Ukraine's military met in Rzeszow.");
    assert!(
        has(&a, "Officials from Poland", "POLGOV"),
        "{:?}",
        actors(&a)
    );
    assert!(
        !actors(&a)
            .iter()
            .any(|(s, c)| s == "Ukraine" && c == "UKRGOV"),
        "{:?}",
        actors(&a)
    );
}

const ACTORS: &str = "ARNOR [ARN]\nGONDOR [GON]\nFORNOST [FOR]\nTHE_SHIRE [FRO/BIL/SAM]\n";
const AGENTS: &str = "MSF {} [NGO~]\nDIPLOMAT [~GOV]\nPOLICE {} [~COP]\nLAWMAKER [~LEG]\n\
                      FOREIGN_MINISTER [~GOVFRM]\n";

fn petrarch_dicts() -> Dictionaries {
    Dictionaries::from_petrarch(PetrarchTexts {
        verbs: "",
        actors: &[ACTORS],
        agents: AGENTS,
        discards: "",
    })
    .unwrap()
    .0
}

fn analyze_with(d: &Dictionaries, text: &str) -> AnalyzedDocument {
    support::analyze_with(d, text, Some("1995-01-01"), Date::new(1995, 1, 2).unwrap())
}

#[test]
fn petrarch_prefix_agents_go_before_the_country() {
    let d = petrarch_dicts();
    let a = analyze_with(&d, "MSF Arnor is about to restore ties with Gondor.");
    assert!(has(&a, "MSF Arnor", "NGOARN"), "{:?}", actors(&a));
    let a = analyze_with(
        &d,
        "An MSF Arnor diplomat is about to restore ties with Gondor.",
    );
    assert!(
        has(&a, "MSF Arnor diplomat", "NGOARNGOV"),
        "{:?}",
        actors(&a)
    );
}

#[test]
fn petrarch_lists_plurals_and_multiple_codes() {
    let d = petrarch_dicts();
    let a = analyze_with(&d, "Lawmakers in Fornost and Gondor welcomed the talks.");
    assert!(
        has(&a, "Lawmakers in Fornost", "FORLEG"),
        "{:?}",
        actors(&a)
    );
    assert!(has(&a, "Gondor", "GONLEG"), "{:?}", actors(&a));
    // "POLICE {}" has no plural: "polices" is not an agent.
    let a = analyze_with(&d, "Arnor restored ties with Gondor's polices.");
    assert!(has(&a, "Gondor", "GON"), "{:?}", actors(&a));
    // A post whose agent code refines GOV keeps it.
    let a = analyze_with(&d, "Arnor's foreign minister urged Gondor to respond.");
    assert!(
        has(&a, "Arnor's foreign minister", "ARNGOVFRM"),
        "{:?}",
        actors(&a)
    );
    let a = analyze_with(&d, "The Shire restored ties with Gondor.");
    let shire = a.actors.iter().find(|m| m.actor.code == "FRO").unwrap();
    assert_eq!(d.actors.also_codes(&shire.actor.entity), ["BIL", "SAM"]);
}
