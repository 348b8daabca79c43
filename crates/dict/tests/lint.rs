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
