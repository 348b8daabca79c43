//! Places: the gazetteer read with the article (its countries, its
//! dateline, qualifiers, population), with coordinates and precision.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

use chronicler_core::Place;
use support::{analyze, dicts};

/// The place named by `span` in `text`.
fn place(text: &str, span: &str) -> Option<Place> {
    let a = analyze(text);
    a.places
        .iter()
        .find(|p| p.span.slice(&a.doc.text) == span)
        .map(|p| p.place.clone())
}

#[test]
fn georgia_is_the_country_unless_the_story_is_american() {
    let p = place(
        "Georgia's parliament passed the law as protesters gathered in Tbilisi.",
        "Georgia",
    )
    .unwrap();
    assert_eq!(
        (p.country.as_deref(), p.kind.as_str()),
        (Some("GEO"), "country")
    );
    let p = place(
        "Protesters marched in Tbilisi, Georgia, against the government.",
        "Tbilisi, Georgia",
    )
    .unwrap();
    assert_eq!(
        (p.name.as_str(), p.country.as_deref()),
        ("Tbilisi", Some("GEO"))
    );
    let p = place(
        "Voters in Georgia lined up early, US officials said, as Americans went to the polls.",
        "Georgia",
    )
    .unwrap();
    assert_eq!(
        (p.country.as_deref(), p.kind.as_str()),
        (Some("USA"), "subdivision")
    );
}

#[test]
fn a_qualifier_picks_the_place_it_names() {
    let p = place(
        "The rally was held in Paris, Texas, on Friday.",
        "Paris, Texas",
    )
    .unwrap();
    assert_eq!(p.country.as_deref(), Some("USA"));
    assert!((p.lat.unwrap() - 33.66).abs() < 0.1);
    let p = place("Macron spoke in Paris on Friday.", "Paris").unwrap();
    assert_eq!(p.country.as_deref(), Some("FRA"));
}

#[test]
fn cities_and_their_subdivisions_are_told_apart() {
    let t = "Russian shelling hit Kherson on Friday. Across the Kherson region, power was cut; \
             the Zaporizhzhia Oblast governor said drones struck Enerhodar near the \
             Zaporizhzhia Nuclear Power Plant.";
    let a = analyze(t);
    let got: Vec<(&str, &str, &str)> = a
        .places
        .iter()
        .map(|p| {
            (
                p.span.slice(t),
                p.place.name.as_str(),
                p.place.kind.as_str(),
            )
        })
        .collect();
    for want in [
        ("Kherson", "Kherson", "city"),
        ("Kherson region", "Kherson Oblast", "subdivision"),
        ("Zaporizhzhia Oblast", "Zaporizhzhia Oblast", "subdivision"),
        ("Enerhodar", "Enerhodar", "city"),
        (
            "Zaporizhzhia Nuclear Power Plant",
            "Zaporizhzhia Nuclear Power Plant",
            "facility",
        ),
    ] {
        assert!(got.contains(&want), "{want:?} not in {got:?}");
    }
    let plant = a
        .places
        .iter()
        .find(|p| p.place.kind == "facility")
        .unwrap();
    assert!(plant.place.lat.is_some() && plant.place.lon.is_some());
    let d = dicts().places.details(&plant.place).unwrap();
    assert_eq!((d.fips.as_deref(), d.precision()), (Some("UP"), "facility"));
}

#[test]
fn other_conflicts_are_located() {
    let t = "GOMA, Democratic Republic of Congo (Reuters) - M23 rebels advanced on Goma in North Kivu, \
             while in Sudan the RSF shelled El Fasher, North Darfur. Israeli strikes hit Khan Younis \
             in the Gaza Strip near the Rafah crossing, and Houthi missiles targeted ships in the \
             Red Sea and the Bab el-Mandeb. Chinese warships crossed the Taiwan Strait.";
    let a = analyze(t);
    let got: Vec<(&str, Option<&str>, &str)> = a
        .places
        .iter()
        .map(|p| {
            (
                p.place.name.as_str(),
                p.place.country.as_deref(),
                p.place.kind.as_str(),
            )
        })
        .collect();
    for want in [
        ("Goma", Some("COD"), "city"),
        ("North Kivu", Some("COD"), "subdivision"),
        ("El Fasher", Some("SDN"), "city"),
        ("Khan Younis", Some("PSE"), "city"),
        ("Gaza Strip", Some("PSE"), "region"),
        ("Rafah crossing", Some("PSE"), "facility"),
        ("Red Sea", None, "region"),
        ("Bab el-Mandeb", None, "region"),
        ("Taiwan Strait", None, "region"),
    ] {
        assert!(got.contains(&want), "{want:?} not in {got:?}");
    }
    // A country is never presented as a point of lesser precision.
    assert!(a
        .places
        .iter()
        .filter(|p| p.place.name == "Sudan")
        .all(|p| p.place.kind == "country"));
}

#[test]
fn small_towns_abroad_need_context() {
    // "Marion" or "Mobile" are words or names; small US towns are not read
    // in a story about Ukraine, but Ukrainian towns are.
    let t = "Ukrainian forces held Huliaipole as Russian troops pressed toward Pokrovsk; \
             Warren Buffett was not there.";
    let a = analyze(t);
    let names: Vec<&str> = a.places.iter().map(|p| p.place.name.as_str()).collect();
    assert!(names.contains(&"Pokrovsk"), "{names:?}");
    assert!(
        !names.iter().any(|n| *n == "Warren" || *n == "Buffett"),
        "{names:?}"
    );
    assert!(
        a.places
            .iter()
            .all(|p| p.place.country.as_deref() == Some("UKR")),
        "{names:?}"
    );
}

#[test]
fn a_dateline_places_the_report_but_does_not_act() {
    let t = "PORT SUDAN, Jan 28 (Reuters) - The army said it repelled an attack.";
    let a = analyze(t);
    assert!(a.places.iter().any(|p| p.place.name == "Port Sudan"));
    assert!(
        !a.actors.iter().any(|m| m.span.slice(t) == "PORT SUDAN"),
        "{:?}",
        a.actors
    );
}

#[test]
fn first_level_subdivisions_of_any_country_are_places() {
    let p = place(
        "Gunmen killed 12 villagers in Borno State on Sunday, Nigerian police said.",
        "Borno State",
    )
    .unwrap();
    assert_eq!(
        (p.country.as_deref(), p.kind.as_str()),
        (Some("NGA"), "subdivision")
    );
    assert!(p.lat.is_some());
    let p = place(
        "Shelling hit the Homs Governorate overnight, Syrian state media said.",
        "Homs Governorate",
    )
    .unwrap();
    assert_eq!(p.country.as_deref(), Some("SYR"));
    // One word, outside the article's countries: a name, not a place.
    assert!(place("Coach Adamawa said the team would fly to Kyiv.", "Adamawa").is_none());
    // Within them, it is the subdivision.
    assert!(place(
        "Nigerian troops said insurgents attacked two towns in Adamawa.",
        "Adamawa"
    )
    .is_some());
}

#[test]
fn facilities_and_waters_are_located_precisely() {
    let p = place(
        "Israeli forces took control of the Philadelphi Corridor along the border with Egypt.",
        "Philadelphi Corridor",
    )
    .unwrap();
    assert_eq!(
        (p.country.as_deref(), p.kind.as_str()),
        (Some("PSE"), "region")
    );
    let p = place(
        "Iran said the Fordow Fuel Enrichment Plant was damaged in the strike.",
        "Fordow Fuel Enrichment Plant",
    )
    .unwrap();
    assert_eq!(p.kind, "facility");
    assert_eq!(p.precision(), chronicler_core::PlacePrecision::Facility);
    assert!(p.lat.is_some() && p.fips.as_deref() == Some("IR"));
}
