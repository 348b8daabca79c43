//! The places dictionary (gazetteer): countries, capitals and cities with
//! coordinates, compiled into one Aho-Corasick automaton.
//!
//! File format (`data/dictionaries/places.txt`):
//! `name | kind | ISO3 | lat | lon [| population [| alt; names]]`.

use std::collections::HashMap;
use std::path::Path;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use chronicler_core::Place;

use crate::text::{case_compatible, is_word_char};
use crate::DictError;

const BUILTIN: &str = include_str!("../../../data/dictionaries/places.txt");

/// Names that are common English words or first names when capitalised:
/// never matched as places (a user file may still add them back under
/// another spelling).
const STOP: &[&str] = &[
    "Of",
    "Bar",
    "Split",
    "Nice",
    "Mobile",
    "Reading",
    "Bath",
    "March",
    "May",
    "Along",
    "Sale",
    "Batman",
    "Bat",
    "Police",
    "Man",
    "Best",
    "Hope",
    "Union",
    "Wanna",
    "Aba",
    "Ede",
    "Ila",
    "Ita",
    "Ife",
    "Bida",
    "Tema",
    "Kata",
    "Ara",
    "Ho",
    "Mu",
    "As",
    "Da",
    "Bo",
    "Bay",
    "Mina",
    "Deal",
    "Hull",
    "Derby",
    "Wells",
    "Lincoln",
    "Jackson",
    "Florence",
    "Victoria",
    "Marion",
    "Charlotte",
    "Alexandria",
    "Columbus",
    "Phoenix",
    "Aurora",
    "Irvine",
    "Orange",
    "Troy",
    "Sandy",
    "Santa",
    "Concord",
    "Independence",
    "Providence",
    "Temple",
    "Lafayette",
    "Mandela",
    "Mao",
    "Salem",
    "Regina",
    "Pasadena",
    "Paterson",
    "Gary",
    "Allen",
    "Warren",
    "Kent",
    "Lowell",
    "Quincy",
    "Henderson",
    "Lawrence",
    "Norman",
    "Garland",
    "Cary",
    "Sparks",
    "Carson",
    "Murray",
    "Abbas",
    "Ali",
    "Hassan",
    "Said",
    "Khan",
    "Amir",
    "Eden",
    "Omar",
    "Imam",
    "Ahmed",
    "Kara",
    "Pula",
    "Nara",
    "Asa",
    "Gaya",
    "Tura",
    "Mati",
    "Roman",
    "Boston",
    "Trump",
    "Vance",
    "Mandi",
    "Bari",
    "Sur",
    "Tanga",
    "Moshi",
    "Ebo",
    "Obama",
    "Biden",
    "Putin",
    "Hamas",
    "Chase",
    "Leon",
    "León",
    "Lara",
    "Bello",
    "Minas",
    "Colon",
    "Colón",
    "Santiago",
    "Valencia",
    "Cordoba",
    "Córdoba",
    "Granada",
    "Mérida",
    "Merida",
    "Monterrey",
    "General",
    "Presidente",
    "Victory",
    "Liberty",
    "Mission",
    "Justice",
    "Center",
    "Centre",
    "Lagos de Moreno",
    "Sumy",
    "Shah",
    "Sharif",
    "Marine",
    "Kamal",
    "Kiryat",
    "Hadera",
    "Rafah",
];

/// A gazetteer entry.
#[derive(Debug, Clone, PartialEq)]
pub struct PlaceEntry {
    /// The place.
    pub place: Place,
    /// Population (0 when unknown).
    pub population: u64,
    /// Alternative names.
    pub alt: Vec<String>,
}

/// A gazetteer match: candidates best first (capitals and countries first,
/// then by population).
#[derive(Debug, Clone, PartialEq)]
pub struct PlaceMatch {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// Candidate entries (indices), best first.
    pub candidates: Vec<usize>,
}

/// The compiled places dictionary.
#[derive(Debug, Default)]
pub struct Gazetteer {
    entries: Vec<PlaceEntry>,
    capitals: HashMap<String, usize>,
    patterns: Vec<(String, Vec<usize>)>,
    automaton: Option<AhoCorasick>,
}

fn syntax(file: &str, line: usize, message: impl Into<String>) -> DictError {
    DictError::Syntax {
        file: file.to_string(),
        line,
        message: message.into(),
    }
}

/// Parses one places file.
pub fn parse_places(file: &str, text: &str) -> Result<Vec<PlaceEntry>, DictError> {
    let mut out = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        let line = raw.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let f: Vec<&str> = line.split('|').map(str::trim).collect();
        if f.len() < 5 || f[0].is_empty() {
            return Err(syntax(
                file,
                i + 1,
                "expected `name | kind | ISO3 | lat | lon [| population [| alt names]]`",
            ));
        }
        let kind = f[1];
        if !matches!(kind, "country" | "capital" | "city" | "region" | "site") {
            return Err(syntax(file, i + 1, format!("bad kind {kind:?}")));
        }
        let coord = |s: &str, max: f64| -> Result<Option<f64>, DictError> {
            if s.is_empty() || s == "None" {
                return Ok(None);
            }
            let v: f64 = s
                .parse()
                .map_err(|_| syntax(file, i + 1, format!("bad coordinate {s:?}")))?;
            if !(-max..=max).contains(&v) {
                return Err(syntax(
                    file,
                    i + 1,
                    format!("coordinate out of range {s:?}"),
                ));
            }
            Ok(Some(v))
        };
        let lat = coord(f[3], 90.0)?;
        let lon = coord(f[4], 180.0)?;
        let population = f.get(5).and_then(|p| p.parse().ok()).unwrap_or(0);
        let alt = f
            .get(6)
            .map(|a| {
                a.split(';')
                    .map(str::trim)
                    .filter(|x| !x.is_empty())
                    .map(String::from)
                    .collect()
            })
            .unwrap_or_default();
        let country = (!f[2].is_empty()).then(|| f[2].to_string());
        out.push(PlaceEntry {
            place: Place {
                name: f[0].to_string(),
                country,
                lat,
                lon,
                kind: kind.to_string(),
            },
            population,
            alt,
        });
    }
    Ok(out)
}

fn rank(e: &PlaceEntry) -> (u8, std::cmp::Reverse<u64>) {
    let k = match e.place.kind.as_str() {
        "country" => 0,
        "capital" => 1,
        _ => 2,
    };
    (k, std::cmp::Reverse(e.population))
}

impl Gazetteer {
    /// Built-in entries, extended by the user's `places*.txt` files in `dir`
    /// (same name and country: the later entry wins).
    pub fn load(dir: Option<&Path>) -> Result<Gazetteer, DictError> {
        let mut entries = parse_places("places.txt", BUILTIN)?;
        if let Some(d) = dir {
            let io = |e| DictError::Io {
                file: d.display().to_string(),
                source: e,
            };
            let mut files: Vec<_> = std::fs::read_dir(d)
                .map_err(io)?
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| {
                    p.file_name()
                        .and_then(|n| n.to_str())
                        .is_some_and(|n| n.starts_with("places") && n.ends_with(".txt"))
                })
                .collect();
            files.sort();
            for p in files {
                let file = p.display().to_string();
                let text = std::fs::read_to_string(&p).map_err(|e| DictError::Io {
                    file: file.clone(),
                    source: e,
                })?;
                for e in parse_places(&file, &text)? {
                    if let Some(old) = entries.iter_mut().find(|o| {
                        o.place.name == e.place.name && o.place.country == e.place.country
                    }) {
                        *old = e;
                    } else {
                        entries.push(e);
                    }
                }
            }
        }
        Ok(Gazetteer::compile(entries))
    }

    fn compile(entries: Vec<PlaceEntry>) -> Gazetteer {
        let mut capitals = HashMap::new();
        let mut by_name: HashMap<String, (String, Vec<usize>)> = HashMap::new();
        for (i, e) in entries.iter().enumerate() {
            if e.place.kind == "capital" {
                if let Some(c) = &e.place.country {
                    capitals.entry(c.clone()).or_insert(i);
                }
            }
            let names = std::iter::once(&e.place.name).chain(e.alt.iter());
            for n in names {
                if n.chars().count() < 3
                    || STOP.contains(&n.as_str())
                    || !n.starts_with(char::is_uppercase)
                {
                    continue;
                }
                let slot = by_name
                    .entry(n.to_lowercase())
                    .or_insert_with(|| (n.clone(), Vec::new()));
                if !slot.1.contains(&i) {
                    slot.1.push(i);
                }
            }
        }
        let mut patterns: Vec<(String, Vec<usize>)> = by_name.into_values().collect();
        patterns.sort_by(|a, b| a.0.cmp(&b.0));
        for (_, c) in &mut patterns {
            c.sort_by_key(|&i| entries.get(i).map(rank));
        }
        let automaton = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .ascii_case_insensitive(true)
            .build(patterns.iter().map(|p| p.0.as_str()))
            .ok();
        Gazetteer {
            entries,
            capitals,
            patterns,
            automaton,
        }
    }

    /// Every entry.
    pub fn entries(&self) -> &[PlaceEntry] {
        &self.entries
    }

    /// Entry by index.
    pub fn entry(&self, i: usize) -> Option<&PlaceEntry> {
        self.entries.get(i)
    }

    /// The capital of a country (ISO3).
    pub fn capital_of(&self, country: &str) -> Option<&Place> {
        self.capitals
            .get(country)
            .and_then(|&i| self.entries.get(i))
            .map(|e| &e.place)
    }

    /// Finds place names in `text` (capitalised, on word boundaries).
    pub fn find(&self, text: &str) -> Vec<PlaceMatch> {
        let Some(ac) = &self.automaton else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for m in ac.find_iter(text) {
            let (s, e) = (m.start(), m.end());
            if !text.is_char_boundary(s) || !text.is_char_boundary(e) {
                continue;
            }
            let before = text[..s].chars().next_back();
            let after = text[e..].chars().next();
            if before.is_some_and(is_word_char) || after.is_some_and(is_word_char) {
                continue;
            }
            let Some((form, cands)) = self.patterns.get(m.pattern().as_usize()) else {
                continue;
            };
            if !case_compatible(form, &text[s..e]) {
                continue;
            }
            out.push(PlaceMatch {
                start: s,
                end: e,
                candidates: cands.clone(),
            });
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_capitals_with_coordinates() {
        let g = Gazetteer::load(None).unwrap();
        let t = "Talks in Abu Dhabi, then Kyiv and Moscow, not in Minsk. Nice try in mobile.";
        let found: Vec<&str> = g
            .find(t)
            .iter()
            .map(|m| g.entry(m.candidates[0]).unwrap().place.name.as_str())
            .collect();
        assert_eq!(found, ["Abu Dhabi", "Kyiv", "Moscow", "Minsk"]);
        let kyiv = g.capital_of("UKR").unwrap();
        assert!(kyiv.lat.is_some() && kyiv.lon.is_some());
    }

    #[test]
    fn bad_lines_are_reported() {
        let e = parse_places("p.txt", "# c\nKyiv | town | UKR | 1 | 2\n").unwrap_err();
        assert!(e.to_string().starts_with("p.txt:2:"), "{e}");
    }
}
