//! Lints the built-in dictionaries: valid CAMEO codes, role types, date
//! ranges, no name mapping to conflicting entities of one kind.
#![allow(clippy::unwrap_used)]

use std::collections::HashMap;

use chronicler_core::ActorKind;
use chronicler_dict::actors::{split_code, ActorDict, EXTRA_CODES};
use chronicler_dict::cameo_tables::{is_country, is_group, is_type, is_valid_code};
use chronicler_dict::places::Gazetteer;

#[test]
fn actor_codes_and_dates_are_valid() {
    let dict = ActorDict::load(None).unwrap();
    assert!(dict.entries().len() > 500);
    let mut bad = Vec::new();
    for e in dict.entries() {
        for r in &e.roles {
            if !is_valid_code(&r.code) {
                bad.push(format!("{}: code {}", e.key, r.code));
            }
            let (country, role) = split_code(&r.code);
            if let Some(c) = &country {
                if !is_country(c) && !is_group(c) && !EXTRA_CODES.contains(&c.as_str()) {
                    bad.push(format!("{}: country {c}", e.key));
                }
            }
            if let Some(t) = &role {
                if !is_type(t) {
                    bad.push(format!("{}: role {t}", e.key));
                }
            }
            if let (Some(f), Some(t)) = (r.from, r.to) {
                assert!(f <= t, "{}", e.key);
            }
        }
        if e.kind == ActorKind::Person {
            // Dated roles must not overlap with different codes.
            for (i, a) in e.roles.iter().enumerate() {
                for b in e.roles.iter().skip(i + 1) {
                    let overlap = a
                        .from
                        .max(b.from)
                        .zip(a.to.min(b.to))
                        .is_some_and(|(s, t)| s <= t)
                        && a.from.is_some()
                        && b.from.is_some()
                        && a.to.is_some()
                        && b.to.is_some();
                    if overlap && a.code != b.code {
                        bad.push(format!(
                            "{}: overlapping roles {} / {}",
                            e.key, a.code, b.code
                        ));
                    }
                }
            }
        }
    }
    assert!(bad.is_empty(), "{bad:#?}");
    for noun in [
        "soldiers",
        "servicemen",
        "officials",
        "police",
        "rebels",
        "protesters",
    ] {
        let r = dict.agent_role(noun).unwrap();
        assert!(is_type(r), "{noun}: {r}");
    }
}

#[test]
fn no_name_maps_to_two_entities_of_one_kind() {
    let dict = ActorDict::load(None).unwrap();
    let mut seen: HashMap<(String, bool), &str> = HashMap::new();
    let mut bad = Vec::new();
    for e in dict.entries() {
        for n in &e.names {
            let k = (n.clone(), e.kind == ActorKind::Person);
            if let Some(other) = seen.insert(k, &e.key) {
                if other != e.key {
                    bad.push(format!("{n}: {other} / {}", e.key));
                }
            }
        }
    }
    assert!(bad.is_empty(), "{bad:#?}");
}

#[test]
fn gazetteer_is_sane() {
    let g = Gazetteer::load(None).unwrap();
    assert!(g.entries().len() > 5000);
    for e in g.entries() {
        if let Some(c) = &e.place.country {
            assert_eq!(c.len(), 3, "{}", e.place.name);
        }
    }
    for c in [
        "UKR", "RUS", "ISR", "SDN", "COD", "YEM", "SYR", "ARM", "AZE", "IND", "PAK", "ETH", "MMR",
        "VEN", "TWN",
    ] {
        assert!(g.capital_of(c).is_some(), "{c}");
    }
}

#[test]
fn gazetteer_entries_carry_codes_and_precision() {
    let g = Gazetteer::load(None).unwrap();
    let mut seen = std::collections::HashSet::new();
    let mut bad = Vec::new();
    for e in g.entries() {
        let p = &e.place;
        if !seen.insert((p.name.clone(), p.country.clone(), p.kind.clone())) {
            bad.push(format!("duplicate {} {:?} {}", p.name, p.country, p.kind));
        }
        let missing = match p.kind.as_str() {
            "capital" | "city" => p.lat.is_none() || e.geonames_id.is_none() || e.fips.is_none(),
            "country" => e.fips.is_none() && p.country.as_deref() != Some("UMI"),
            "subdivision" => p.country.is_none() || e.adm1.is_none(),
            "facility" | "site" => p.country.is_none() || p.lat.is_none(),
            _ => false,
        };
        if missing {
            bad.push(format!("{} {} lacks codes or coordinates", p.kind, p.name));
        }
        if let Some(a) = &e.adm1 {
            if e.fips.as_deref().is_none_or(|f| !a.starts_with(f)) {
                bad.push(format!("ADM1 {a} not under FIPS {:?}: {}", e.fips, p.name));
            }
        }
    }
    assert!(bad.len() <= 5, "{} problems: {bad:#?}", bad.len());
    // What analysts look for is there, with its precision.
    for (name, country, precision) in [
        ("Zaporizhzhia Nuclear Power Plant", "UKR", "facility"),
        ("Rafah crossing", "PSE", "facility"),
        ("Zaporizhzhia Oblast", "UKR", "subdivision"),
        ("Donetsk Oblast", "UKR", "subdivision"),
        ("North Darfur", "SDN", "subdivision"),
        ("North Kivu", "COD", "subdivision"),
        ("Gaza Strip", "PSE", "region"),
        ("Darfur", "SDN", "region"),
        ("Khan Younis", "PSE", "city"),
        ("Kramatorsk", "UKR", "city"),
        ("El Fasher", "SDN", "city"),
        ("Goma", "COD", "city"),
        ("Georgia", "GEO", "country"),
        ("Georgia", "USA", "subdivision"),
    ] {
        let e = g.lookup(name, Some(country));
        assert!(
            e.iter().any(|e| e.precision() == precision),
            "{name} ({country}) as {precision}: {:?}",
            e.iter().map(|e| e.precision()).collect::<Vec<_>>()
        );
    }
    for name in ["Red Sea", "Strait of Hormuz", "Taiwan Strait", "Europe"] {
        assert!(!g.lookup(name, None).is_empty(), "{name}");
    }
    let kyiv = g.lookup("Kyiv", Some("UKR"))[0];
    assert_eq!(
        (kyiv.fips.as_deref(), kyiv.geonames_id.is_some()),
        (Some("UP"), true)
    );
    let z = g.lookup("Zaporizhzhia", Some("UKR"))[0];
    assert_eq!(z.adm1.as_deref(), Some("UP26"));
    // The details of a place the analysis produced.
    let d = g.details(&z.place).unwrap();
    assert_eq!(d.geonames_id, z.geonames_id);
}

#[test]
fn first_level_subdivisions_of_every_country() {
    let g = Gazetteer::load(None).unwrap();
    let mut countries = std::collections::HashSet::new();
    for e in g.entries().iter().filter(|e| e.place.kind == "subdivision") {
        countries.extend(e.place.country.clone());
        assert!(
            e.place.lat.is_some() || e.place.country.as_deref() == Some("USA"),
            "{} has no coordinates",
            e.place.name
        );
    }
    assert!(countries.len() >= 150, "{} countries", countries.len());
    // Generated ones: the admin1 code GDELT uses, seat coordinates, news names.
    for (name, country, adm1) in [
        ("Borno", "NGA", "NI27"),
        ("Borno State", "NGA", "NI27"),
        ("Kano State", "NGA", "NI29"),
        ("Homs Governorate", "SYR", "SY11"),
        ("Hama Governorate", "SYR", "SY10"),
        ("Tigray", "ETH", ""),
    ] {
        let e = g.lookup(name, Some(country));
        let sub = e.iter().find(|e| e.place.kind == "subdivision");
        assert!(sub.is_some(), "{name} ({country})");
        if !adm1.is_empty() {
            assert_eq!(sub.and_then(|s| s.adm1.as_deref()), Some(adm1), "{name}");
        }
    }
    // A city keeps its name before the subdivision it gives it to.
    let hama = g.lookup("Hama", Some("SYR"));
    assert_eq!(hama.first().map(|e| e.place.kind.as_str()), Some("city"));
}
