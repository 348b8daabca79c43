//! The places dictionary (gazetteer): countries, capitals, cities and towns,
//! first-level subdivisions, regions and facilities with coordinates,
//! compiled into one trie of names (see [`crate::trie`]).
//!
//! File format (`data/dictionaries/places.txt`):
//! `name | kind | ISO3 | lat | lon [| population [| alt; names [| FIPS [| ADM1 [| GeoNames id]]]]]`
//! where kind is one of [`KINDS`]. FIPS is GDELT's country code (FIPS 10-4),
//! ADM1 GDELT's first-level code (FIPS country + GeoNames admin1 code).
//! Core's [`Place`] carries name, country, coordinates and kind; the rest is
//! kept here and found with [`Gazetteer::details`].

use rustc_hash::FxHashMap as HashMap;
use std::path::Path;

use chronicler_core::{Place, PlacePrecision};

use crate::text::{capitalised_word_matches, case_compatible};
use crate::trie::Trie;
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
    "Sanford",
    "Marshall",
    "Nelson",
    "Taylor",
    "Clinton",
    "Madison",
    "Washington Court House",
    "Laval",
    "Manchester United",
    "University",
    "Hospital",
    "Parliament",
    "Congress",
    "Kremlin",
    "White House",
    "Pentagon",
    "Downing Street",
    "Europa",
    "Media",
    "Ramat Gan",
    "Much",
    "Many",
    "Some",
    "Alliance",
    "Resistance",
    "Security",
    "Defence",
    "Defense",
    "Energy",
    "Peace",
];

/// The kinds of place, from the most to the least precise:
/// `facility`/`site` (a plant, a crossing, a bridge), `city`/`capital`,
/// `subdivision` (first-level: oblast, province, state), `region` (a
/// region, sea or strait, several subdivisions or countries), `country`.
/// A country is never a point: events placed in one keep kind `country`.
pub const KINDS: &[&str] = &[
    "facility",
    "site",
    "capital",
    "city",
    "subdivision",
    "region",
    "country",
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
    /// GDELT's FIPS 10-4 country code ("UP" for Ukraine, "GZ" for the Gaza Strip).
    pub fips: Option<String>,
    /// GDELT's first-level subdivision code (FIPS country + admin1: "UP26").
    pub adm1: Option<String>,
    /// GeoNames id.
    pub geonames_id: Option<u64>,
}

impl PlaceEntry {
    /// True for a first-level subdivision generated from GeoNames (not one
    /// of the curated entries): such entries carry the summed population of
    /// their places, curated ones 0.
    pub fn is_generated_subdivision(&self) -> bool {
        self.place.kind == "subdivision" && self.population > 0
    }

    /// How precisely the place locates an event: "facility", "city",
    /// "subdivision", "region" or "country".
    pub fn precision(&self) -> &'static str {
        match self.place.kind.as_str() {
            "facility" | "site" => "facility",
            "capital" | "city" => "city",
            "subdivision" => "subdivision",
            "region" => "region",
            _ => "country",
        }
    }
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
    by_name: HashMap<String, usize>,
    automaton: Trie,
}

fn syntax(file: &str, line: usize, message: impl Into<String>) -> DictError {
    DictError::Syntax {
        file: file.to_string(),
        line,
        message: message.into(),
    }
}

/// The trimmed `|`-separated fields of a gazetteer line: the first
/// [`Fields::MAX`] kept (a line has at most ten), how many there are
/// counted. Split byte by byte, without a vector a line: the default
/// gazetteer has 30,000 lines, read at every start.
struct Fields<'a> {
    kept: [&'a str; Fields::MAX],
    len: usize,
}

impl<'a> Fields<'a> {
    const MAX: usize = 10;

    fn of(line: &'a str) -> Fields<'a> {
        let mut f = Fields {
            kept: [""; Fields::MAX],
            len: 0,
        };
        let mut start = 0;
        let bytes = line.as_bytes();
        // `|` is ASCII: it never falls inside a character.
        let bars = bytes.iter().enumerate().filter(|&(_, &b)| b == b'|');
        for end in bars.map(|(i, _)| i).chain([bytes.len()]) {
            if let (Some(slot), Some(field)) = (f.kept.get_mut(f.len), line.get(start..end)) {
                *slot = field.trim();
            }
            f.len += 1;
            start = end + 1;
        }
        f
    }

    fn len(&self) -> usize {
        self.len
    }

    fn get(&self, i: usize) -> Option<&&'a str> {
        self.kept.get(i).filter(|_| i < self.len)
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
        let f = Fields::of(line);
        if f.len() < 5 || f.kept[0].is_empty() {
            return Err(syntax(
                file,
                i + 1,
                "expected `name | kind | ISO3 | lat | lon [| population [| alt names]]`",
            ));
        }
        let kind = f.kept[1];
        if !KINDS.contains(&kind) {
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
        let lat = coord(f.kept[3], 90.0)?;
        let lon = coord(f.kept[4], 180.0)?;
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
        let country = (!f.kept[2].is_empty()).then(|| f.kept[2].to_string());
        let opt = |k: usize| f.get(k).filter(|x| !x.is_empty()).map(|x| (*x).to_string());
        let geonames_id = match f.get(9).filter(|x| !x.is_empty()) {
            Some(g) => Some(
                g.parse()
                    .map_err(|_| syntax(file, i + 1, format!("bad GeoNames id {g:?}")))?,
            ),
            None => None,
        };
        let (fips, adm1) = (opt(7), opt(8));
        out.push(PlaceEntry {
            place: Place {
                name: f.kept[0].to_string(),
                country,
                lat,
                lon,
                kind: kind.to_string(),
                fips: fips.clone(),
                adm1: adm1.clone(),
                geonames_id,
                precision: Some(PlacePrecision::of_kind(kind)),
            },
            population,
            alt,
            fips,
            adm1,
            geonames_id,
        });
    }
    Ok(out)
}

/// Order of same-named candidates: countries, capitals, then other places
/// (a city before the subdivision it names: "Hama", "Kherson"), each by
/// population.
fn rank(e: &PlaceEntry) -> (u8, std::cmp::Reverse<u64>) {
    let k = match e.place.kind.as_str() {
        "country" => 0,
        "capital" => 1,
        "subdivision" => 3,
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
        let mut capitals = HashMap::default();
        // Lower-cased name -> its pattern: the name as first met and its
        // entries, in the order the names are first met (the files' order:
        // the same whatever the hash map's).
        let mut by_name: HashMap<String, usize> = HashMap::default();
        let mut patterns: Vec<(String, Vec<usize>)> = Vec::new();
        let stop: rustc_hash::FxHashSet<&str> = STOP.iter().copied().collect();
        for (i, e) in entries.iter().enumerate() {
            if e.place.kind == "capital" {
                if let Some(c) = &e.place.country {
                    capitals.entry(c.clone()).or_insert(i);
                }
            }
            let names = std::iter::once(&e.place.name).chain(e.alt.iter());
            for n in names {
                if n.chars().count() < 3
                    || stop.contains(n.as_str())
                    || !n.starts_with(char::is_uppercase)
                {
                    continue;
                }
                let next = patterns.len();
                let at = *by_name.entry(n.to_lowercase()).or_insert(next);
                if at == next {
                    patterns.push((n.clone(), Vec::new()));
                }
                if let Some(slot) = patterns.get_mut(at) {
                    // "Borno State" and "Borno state": the form a match must
                    // be case-compatible with capitalises only what all do.
                    if slot.0 != *n && slot.0.chars().count() == n.chars().count() {
                        slot.0 = slot
                            .0
                            .chars()
                            .zip(n.chars())
                            .map(|(a, b)| if b.is_lowercase() { b } else { a })
                            .collect();
                    }
                    if !slot.1.contains(&i) {
                        slot.1.push(i);
                    }
                }
            }
        }
        for (_, candidates) in &mut patterns {
            candidates.sort_by_key(|&i| entries.get(i).map(rank));
        }
        // Every pattern starts with a capital: tried only at capitalised word
        // starts, not searched for byte by byte.
        let automaton = Trie::new(patterns.iter().map(|p| p.0.as_str()));
        Gazetteer {
            entries,
            capitals,
            patterns,
            by_name,
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

    /// Entries named `name` (any case, canonical or alternative name), best
    /// first; with `country` (ISO3), only that country's.
    pub fn lookup(&self, name: &str, country: Option<&str>) -> Vec<&PlaceEntry> {
        let Some(p) = self
            .by_name
            .get(&name.to_lowercase())
            .and_then(|&i| self.patterns.get(i))
        else {
            return Vec::new();
        };
        p.1.iter()
            .filter_map(|&i| self.entries.get(i))
            .filter(|e| country.is_none_or(|c| e.place.country.as_deref() == Some(c)))
            .collect()
    }

    /// The gazetteer entry behind a [`Place`] the analysis produced (same
    /// name, country and kind): its FIPS and ADM1 codes, GeoNames id and
    /// precision, for exports.
    pub fn details(&self, place: &Place) -> Option<&PlaceEntry> {
        self.lookup(&place.name, place.country.as_deref())
            .into_iter()
            .find(|e| e.place.name == place.name && e.place.kind == place.kind)
    }

    /// Fills the codes a [`Place`] read back from a store may lack (FIPS,
    /// ADM1, GeoNames id, precision) from its gazetteer entry; a place the
    /// gazetteer does not know keeps what it has.
    pub fn complete(&self, place: &mut Place) {
        if let Some(e) = self.details(place) {
            place.fips = place.fips.take().or_else(|| e.fips.clone());
            place.adm1 = place.adm1.take().or_else(|| e.adm1.clone());
            place.geonames_id = place.geonames_id.or(e.geonames_id);
        }
        place.precision = Some(place.precision());
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
        let mut out = Vec::new();
        capitalised_word_matches(&self.automaton, text, |pattern, s, e| {
            let Some((form, cands)) = self.patterns.get(pattern) else {
                return false;
            };
            if !case_compatible(form, &text[s..e]) {
                return false;
            }
            out.push(PlaceMatch {
                start: s,
                end: e,
                candidates: cands.clone(),
            });
            true
        });
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
        let e = parse_places("p.txt", "Kyiv | city | UKR | 1\n").unwrap_err();
        assert!(e.to_string().starts_with("p.txt:1:"), "{e}");
    }

    #[test]
    fn fields_are_trimmed_and_those_past_the_tenth_ignored() {
        let line = " Čerkasy |city| UKR | 49.4 |32.06 | 272651 | Cherkasy; Tscherkassy ;| UP | UP01 | 710791 | extra | more ";
        let e = parse_places("p.txt", line).unwrap();
        let [e] = e.as_slice() else {
            panic!("one entry: {e:?}")
        };
        assert_eq!(e.place.name, "Čerkasy");
        assert_eq!(e.place.kind, "city");
        assert_eq!(e.place.country.as_deref(), Some("UKR"));
        assert_eq!((e.place.lat, e.place.lon), (Some(49.4), Some(32.06)));
        assert_eq!(e.population, 272_651);
        assert_eq!(e.alt, ["Cherkasy", "Tscherkassy"]);
        assert_eq!(
            (e.fips.as_deref(), e.adm1.as_deref()),
            (Some("UP"), Some("UP01"))
        );
        assert_eq!(e.geonames_id, Some(710_791));
        // Optional fields left out or empty.
        let e = parse_places("p.txt", "Kyiv | capital | UKR | | None | | |").unwrap();
        assert_eq!(
            (e[0].place.lat, e[0].population, e[0].fips.as_deref()),
            (None, 0, None)
        );
    }
}
