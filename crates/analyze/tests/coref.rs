//! Definite descriptions and "It" resolved to an actor named earlier in the
//! same document (module `coref`, data `references.txt`), and left alone
//! when nothing compatible or more than one candidate came before.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

use chronicler_core::{AnalyzedDocument, MentionForm};
use support::{actor_codes, analyze};

/// The code a mention at `surface` resolved to through a coreference.
fn resolved<'a>(a: &'a AnalyzedDocument, surface: &str) -> Option<&'a str> {
    a.actors
        .iter()
        .find(|m| m.span.slice(&a.doc.text) == surface && m.form.is_coreference())
        .map(|m| m.actor.code.as_str())
}

#[test]
fn a_description_takes_the_earlier_actor_of_its_kind() {
    let a = analyze(
        "Amnesty International said on Monday that prisoners in Goma had been beaten. \
         The organisation accused the M23 of torture.",
    );
    assert_eq!(
        resolved(&a, "organisation"),
        Some("NGOAMN"),
        "{:?}",
        actor_codes(&a)
    );
    let m = a
        .actors
        .iter()
        .find(|m| m.span.slice(&a.doc.text) == "organisation");
    assert_eq!(m.map(|m| m.form), Some(MentionForm::Reference));
    assert_eq!(m.map(|m| m.sentence), Some(1));
}

#[test]
fn the_rebels_are_the_articles_main_armed_group() {
    let a = analyze(
        "The M23 seized Bukavu in February. Congo also wants the FDLR disbanded. \
         Kinshasa says the M23 is backed by Rwanda. Talks resumed in Doha.\n\n\
         The Congolese army accused the rebels on Wednesday of shelling its positions.",
    );
    // The M23 is named twice, the FDLR once: the M23.
    assert_eq!(
        resolved(&a, "rebels"),
        Some("CODREB"),
        "{:?}",
        actor_codes(&a)
    );
    // The generic agent mention without a country is replaced, not doubled.
    assert_eq!(
        a.actors
            .iter()
            .filter(|m| m.span.slice(&a.doc.text) == "rebels")
            .count(),
        1
    );
}

#[test]
fn a_possessive_ministry_is_the_government_of_the_sentence_state() {
    let a = analyze(
        "Egypt hosted the talks. The government in Khartoum said it would study the plan, \
         but its foreign ministry rejected a role for the UAE.",
    );
    assert_eq!(
        resolved(&a, "foreign ministry"),
        Some("SDNGOV"),
        "{:?}",
        actor_codes(&a)
    );
}

#[test]
fn nothing_compatible_before_means_no_mention() {
    // No armed group named before "the rebels"; no organisation before
    // "the network" (the one after it does not count).
    let a = analyze(
        "The rebels attacked a convoy near Goma on Sunday. The network said the \
         International Committee of the Red Cross had withdrawn.",
    );
    assert_eq!(resolved(&a, "rebels"), None, "{:?}", actor_codes(&a));
    assert_eq!(resolved(&a, "network"), None, "{:?}", actor_codes(&a));
    assert!(a.actors.iter().all(|m| !m.form.is_coreference()));
}

#[test]
fn an_antecedent_in_another_document_does_not_count() {
    let first = analyze("The M23 seized Goma in January.");
    assert!(first.actors.iter().any(|m| m.actor.code == "CODREB"));
    let second = analyze("The rebels accused the army of shelling their positions.");
    assert_eq!(
        resolved(&second, "rebels"),
        None,
        "{:?}",
        actor_codes(&second)
    );
}

#[test]
fn longer_nouns_and_names_are_not_descriptions() {
    let a = analyze(
        "The M23 seized Goma. The rebels chief said the group leader would attend. \
         Sudan's army fought the paramilitary Rapid Support Forces.",
    );
    assert_eq!(resolved(&a, "group"), None, "{:?}", actor_codes(&a));
    assert_eq!(resolved(&a, "paramilitary"), None, "{:?}", actor_codes(&a));
}

#[test]
fn it_opening_a_sentence_is_the_previous_subject_when_unambiguous() {
    let a = analyze(
        "In a statement, Azerbaijan's foreign ministry confirmed the talks had ended. \
         It said Baku would sign only after a change to the constitution.",
    );
    assert_eq!(resolved(&a, "It"), Some("AZEGOV"), "{:?}", actor_codes(&a));
    // Two states in the previous sentence: nothing.
    let a = analyze(
        "Armenia and Azerbaijan completed the text of the treaty. \
         It said the signing would follow within weeks.",
    );
    assert_eq!(resolved(&a, "It"), None, "{:?}", actor_codes(&a));
    // The previous sentence opens with no actor ("The war ..."): nothing.
    let a = analyze(
        "The war broke out in April, when fighting erupted in Khartoum. \
         It has killed tens of thousands of people.",
    );
    assert_eq!(resolved(&a, "It"), None, "{:?}", actor_codes(&a));
}

#[test]
fn a_nearer_actor_of_another_kind_or_a_second_candidate_makes_it_ambiguous() {
    // "The group" right after Human Rights Watch may be the rights group:
    // not the article's armed group.
    let a = analyze(
        "Hamas fighters clashed with Israeli troops in Gaza. Human Rights Watch \
         said on Monday that civilians had been killed. The group accused Israel of \
         blocking aid.",
    );
    assert_eq!(resolved(&a, "group"), None, "{:?}", actor_codes(&a));
    // An organisation quoted at the end of the sentence before is not its
    // subject: the armed group stays the antecedent.
    let a = analyze(
        "The Houthis fired missiles at a tanker in the Red Sea on Monday. The ship was \
         hit near Hodeidah, the International Committee of the Red Cross said. On Sunday, \
         the group attacked another vessel.",
    );
    assert_eq!(
        resolved(&a, "group"),
        Some("YEMREB"),
        "{:?}",
        actor_codes(&a)
    );
    // Two armed groups, the less named one just before: not the main one.
    let a = analyze(
        "The M23 seized Goma. The M23 then took Bukavu. The FDLR fled west. \
         The rebels said they would hold the city.",
    );
    assert_eq!(resolved(&a, "rebels"), None, "{:?}", actor_codes(&a));
}

#[test]
fn a_possessive_description_is_resolved_too() {
    let a = analyze(
        "The M23 seized Goma in January. The army shelled the rebels' positions on Monday.",
    );
    assert_eq!(
        resolved(&a, "rebels"),
        Some("CODREB"),
        "{:?}",
        actor_codes(&a)
    );
    let a = analyze("The M23 seized Goma in January. The group's fighters then took Bukavu.");
    assert_eq!(
        resolved(&a, "group"),
        Some("CODREB"),
        "{:?}",
        actor_codes(&a)
    );
}

#[test]
fn two_compatible_actors_close_by_leave_it_unresolved() {
    let a = analyze("Russia struck Ukraine on Monday. The government said the talks were over.");
    assert_eq!(resolved(&a, "government"), None, "{:?}", actor_codes(&a));
    let a = analyze(
        "Russia struck Kharkiv on Monday. Officials met in Geneva. \
         The government said the talks were over.",
    );
    assert_eq!(
        resolved(&a, "government"),
        Some("RUSGOV"),
        "{:?}",
        actor_codes(&a)
    );
    let a = analyze("Egypt and Sudan signed a deal, but its foreign ministry denied it.");
    assert_eq!(
        resolved(&a, "foreign ministry"),
        None,
        "{:?}",
        actor_codes(&a)
    );
}

#[test]
fn a_state_description_looks_back_a_few_sentences_only() {
    let a = analyze(
        "Chad closed its border on Monday. Aid groups protested. Trucks waited for days. \
         Families camped by the road. Prices rose in the markets. \
         The government said the crossing would stay shut.",
    );
    assert_eq!(resolved(&a, "government"), None, "{:?}", actor_codes(&a));
    let a = analyze(
        "Chad closed its border on Monday. Aid groups protested. \
         The government said the crossing would stay shut.",
    );
    assert_eq!(
        resolved(&a, "government"),
        Some("TCDGOV"),
        "{:?}",
        actor_codes(&a)
    );
}

#[test]
fn the_kingdom_is_a_monarchy_named_before() {
    let a = analyze(
        "Riyadh hosted the talks in Jeddah. Saudi Arabia said the delegations would stay. \
         The kingdom urged both sides to extend the truce.",
    );
    assert_eq!(
        resolved(&a, "kingdom"),
        Some("SAU"),
        "{:?}",
        actor_codes(&a)
    );
    let a = analyze("Iran hosted the talks. The kingdom urged both sides to extend the truce.");
    assert_eq!(resolved(&a, "kingdom"), None, "{:?}", actor_codes(&a));
}

#[test]
fn a_description_with_a_name_in_apposition_is_a_new_entity() {
    let a = analyze(
        "The Taliban freed two hostages. The group, Afghan Workers Union, said it would strike.",
    );
    assert_eq!(resolved(&a, "group"), None, "{:?}", actor_codes(&a));
    let a = analyze("The Taliban freed two hostages. The group said it would strike.");
    assert_eq!(
        resolved(&a, "group"),
        Some("AFGREBTAL"),
        "{:?}",
        actor_codes(&a)
    );
}
