//! Names no dictionary knows are kept, with counts, for users to grow their
//! dictionaries (`chronicler actors --unresolved`).
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

use chronicler_analyze::mentions::unresolved_counts;
use chronicler_dict::Dictionaries;
use jiff::civil::Date;
use support::analyze;

#[test]
fn unknown_names_are_listed_with_counts() {
    let text =
        "Commander Zorbak Telunov of the Vostok Battalion said the front near Kupiansk held. \
                However, officials in Kyiv doubted it. Later, Telunov told Radio Zarya the unit \
                would stay. Analysts said Telunov was exaggerating.\n\n\
                Sunday Talks Bring No Breakthrough For Envoys";
    let a = analyze(text);
    let counts = unresolved_counts(&a.unresolved);
    let get = |n: &str| counts.iter().find(|(t, _)| t == n).map(|(_, c)| *c);
    assert_eq!(get("Telunov"), Some(2), "{counts:?}");
    assert_eq!(get("Zorbak Telunov"), Some(1), "{counts:?}");
    assert_eq!(get("Radio Zarya"), Some(1), "{counts:?}");
    // Most frequent first.
    assert_eq!(counts.first().map(|c| c.0.as_str()), Some("Telunov"));
    // Sentence-initial words, known names, titles and headlines are not listed.
    for not in [
        "However",
        "Later",
        "Analysts",
        "Kyiv",
        "Kupiansk",
        "Commander",
        "Sunday",
        "Envoys",
    ] {
        assert!(get(not).is_none(), "{not} in {counts:?}");
    }
    // Every name keeps its evidence.
    for u in &a.unresolved {
        assert_eq!(u.span.slice(text), u.text);
    }
}

#[test]
fn names_after_no_break_spaces_keep_their_offsets() {
    // Multi-byte separators (no-break spaces) before names: this panicked.
    let text = "Rescuers\u{a0}\u{a0}said Commander\u{a0}Zorbak\u{a0}Telunov arrived in the town. \
                \u{2014}\u{a0}Profiles of Haitians at the top of their fields.";
    let dicts = Dictionaries::builtin().unwrap();
    let a = support::analyze_with(&dicts, text, None, Date::new(2026, 2, 1).unwrap());
    for n in &a.unresolved {
        assert_eq!(n.span.slice(text), n.text, "{n:?}");
    }
    assert!(
        a.unresolved.iter().any(|n| n.text.contains("Telunov")),
        "{:?}",
        a.unresolved
    );
}

/// The (code, canonical name) of the actor mentions written `name`.
fn named_as<'a>(
    a: &'a chronicler_core::AnalyzedDocument,
    text: &str,
    name: &str,
) -> Vec<(&'a str, &'a str)> {
    a.actors
        .iter()
        .filter(|m| m.span.slice(text) == name)
        .map(|m| (m.actor.code.as_str(), m.actor.name.as_str()))
        .collect()
}

#[test]
fn a_name_with_a_post_is_a_person_of_the_post() {
    let text = "Mexico's Security Minister Omar Garcia Villalobos told reporters on Monday that \
                the transfer had been agreed with the authorities of the neighbouring country. \
                Garcia Villalobos met U.S. Ambassador Ronald Johnson in Mexico City on Tuesday to \
                review the security cooperation plan that both governments signed last year. \
                Liu Dejun, a spokesman for China's coast guard, said the vessels had entered \
                the waters without permission. He accused Manila of lying.";
    let a = analyze(text);
    let of = |name: &str| named_as(&a, text, name);
    assert_eq!(
        of("Omar Garcia Villalobos"),
        [("MEXGOV", "Omar Garcia Villalobos")]
    );
    assert_eq!(
        of("Garcia Villalobos"),
        [("MEXGOV", "Omar Garcia Villalobos")]
    );
    assert_eq!(of("Ronald Johnson"), [("USAGOV", "Ronald Johnson")]);
    assert_eq!(of("Liu Dejun"), [("CHNMIL", "Liu Dejun")]);
    assert_eq!(of("He"), [("CHNMIL", "Liu Dejun")]);
}

#[test]
fn a_post_then_a_comma_then_the_name_and_the_surname_opening_a_sentence() {
    let text = "The meeting brought together Moldova's deputy prime minister, Valeriu Chiveri, \
                and Tiraspol's chief negotiator, Vitaly Ignatiev, at the office of the mission. \
                The European Union offered aid on Monday to the residents of the region. \
                Ignatiev rejected that condition on Tuesday in an interview with an agency.";
    let a = analyze(text);
    let of = |name: &str| named_as(&a, text, name);
    assert_eq!(of("Valeriu Chiveri"), [("MDAGOV", "Valeriu Chiveri")]);
    assert_eq!(of("Vitaly Ignatiev"), [("MDASEP", "Vitaly Ignatiev")]);
    assert_eq!(of("Ignatiev"), [("MDASEP", "Vitaly Ignatiev")]);
}
