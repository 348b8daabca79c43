//! The CAMEO code tables shipped in `data/cameo/` (country, known-group and
//! type codes), used to derive and lint actor codes.

use rustc_hash::FxHashSet as HashSet;
use std::sync::OnceLock;

const COUNTRY: &str = include_str!("../../../data/cameo/country.tsv");
const GROUP: &str = include_str!("../../../data/cameo/knowngroup.tsv");
const TYPE: &str = include_str!("../../../data/cameo/type.tsv");

fn codes(text: &'static str) -> HashSet<&'static str> {
    text.lines()
        .filter(|l| !l.starts_with('#'))
        .skip(1)
        .filter_map(|l| l.split('\t').next())
        .map(str::trim)
        .filter(|c| c.len() == 3)
        .collect()
}

fn tables() -> &'static [HashSet<&'static str>; 3] {
    static T: OnceLock<[HashSet<&'static str>; 3]> = OnceLock::new();
    T.get_or_init(|| [codes(COUNTRY), codes(GROUP), codes(TYPE)])
}

/// True for a CAMEO country (or region) code.
pub fn is_country(c: &str) -> bool {
    tables()[0].contains(c)
}

/// True for a CAMEO known-group code.
pub fn is_group(c: &str) -> bool {
    tables()[1].contains(c)
}

/// True for a CAMEO type (role) code.
pub fn is_type(c: &str) -> bool {
    tables()[2].contains(c)
}

/// True when every three-letter chunk of `code` is a known country, group or
/// type code (and the code is a non-empty multiple of three letters).
pub fn is_valid_code(code: &str) -> bool {
    !code.is_empty()
        && code.len().is_multiple_of(3)
        && code.is_ascii()
        && (0..code.len() / 3).all(|i| {
            code.get(i * 3..i * 3 + 3).is_some_and(|c| {
                is_country(c)
                    || is_group(c)
                    || is_type(c)
                    || crate::actors::EXTRA_CODES.contains(&c)
            })
        })
}
