//! Numbers with the noun phrase they count.

use std::sync::OnceLock;

use chronicler_core::Span;
use regex::Regex;

/// A quantity found: span of the number, value, unit, text.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    /// Where the number lies (including "minus", scale words).
    pub span: Span,
    /// Value.
    pub value: f64,
    /// What is counted.
    pub unit: String,
    /// The number as written.
    pub text: String,
}

const WORDS: &[(&str, f64)] = &[
    ("one", 1.0),
    ("two", 2.0),
    ("three", 3.0),
    ("four", 4.0),
    ("five", 5.0),
    ("six", 6.0),
    ("seven", 7.0),
    ("eight", 8.0),
    ("nine", 9.0),
    ("ten", 10.0),
    ("eleven", 11.0),
    ("twelve", 12.0),
    ("thirteen", 13.0),
    ("fourteen", 14.0),
    ("fifteen", 15.0),
    ("sixteen", 16.0),
    ("seventeen", 17.0),
    ("eighteen", 18.0),
    ("nineteen", 19.0),
    ("twenty", 20.0),
    ("thirty", 30.0),
    ("forty", 40.0),
    ("fifty", 50.0),
    ("sixty", 60.0),
    ("seventy", 70.0),
    ("eighty", 80.0),
    ("ninety", 90.0),
    ("hundred", 100.0),
    ("a hundred", 100.0),
    ("a thousand", 1000.0),
    ("dozen", 12.0),
    ("a dozen", 12.0),
    ("dozens", 24.0),
    ("scores", 40.0),
    ("hundreds", 200.0),
    ("thousands", 2000.0),
    ("tens of thousands", 20000.0),
    ("hundreds of thousands", 200000.0),
    ("millions", 2_000_000.0),
];

/// Words that end a unit phrase.
const STOP: &[&str] = &[
    "and",
    "or",
    "but",
    "in",
    "on",
    "at",
    "to",
    "for",
    "from",
    "with",
    "by",
    "of",
    "as",
    "that",
    "which",
    "who",
    "whom",
    "were",
    "was",
    "is",
    "are",
    "be",
    "been",
    "have",
    "has",
    "had",
    "said",
    "says",
    "will",
    "would",
    "could",
    "should",
    "may",
    "might",
    "killed",
    "wounded",
    "injured",
    "died",
    "fled",
    "remain",
    "remained",
    "returned",
    "gathered",
    "lost",
    "left",
    "took",
    "lived",
    "marched",
    "attended",
    "dead",
    "arrested",
    "detained",
    "displaced",
    "missing",
    "since",
    "after",
    "before",
    "during",
    "into",
    "than",
    "more",
    "less",
    "the",
    "a",
    "an",
    "this",
    "these",
    "those",
    "their",
    "its",
    "his",
    "her",
    "last",
    "ago",
    "earlier",
    "later",
    "per",
    "each",
    "while",
    "when",
    "where",
    "across",
    "against",
    "under",
    "over",
    "about",
    "around",
    "near",
    "away",
    "there",
    "here",
    "it",
    "they",
    "we",
    "he",
    "she",
    "not",
    "also",
    "still",
    "only",
    "were",
    "did",
    "do",
    "does",
    "so",
    "if",
    "because",
    "through",
    "between",
    "among",
    "including",
    "overnight",
    "yesterday",
    "today",
    "tonight",
    "tomorrow",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "daily",
    "now",
    "again",
    "already",
    "too",
];

/// The groups of [`number_re`], by number: read by index, as a name is
/// looked up in a map at each call.
const NEG: usize = 1;
const NUM: usize = 2;
const WORD: usize = 3;
const SCALE: usize = 4;
const OF: usize = 5;

fn number_re() -> Option<&'static Regex> {
    static R: OnceLock<Option<Regex>> = OnceLock::new();
    R.get_or_init(|| {
        let words = WORDS.iter().map(|(w, _)| regex::escape(w)).collect::<Vec<_>>();
        let mut words = words;
        words.sort_by_key(|w| std::cmp::Reverse(w.len()));
        Regex::new(&format!(
            r"(?i)(?P<neg>(?-u:\b)minus\s+|-)?(?:(?P<num>(?-u:\b)\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|(?-u:\b)\d+(?:\.\d+)?)|(?-u:\b)(?P<word>(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-(?:one|two|three|four|five|six|seven|eight|nine)(?-u:\b)|{}))(?P<scale>\s+(?:million|billion|thousand|trillion|hundred|dozen)(?-u:\b))?(?P<of>\s+of(?-u:\b))?",
            words.join("|")
        ))
        .ok()
    })
    .as_ref()
}

/// The value of a number word ("twelve" -> 12).
pub(crate) fn word_value(w: &str) -> Option<f64> {
    let l = w.to_ascii_lowercase();
    WORDS.iter().find(|(x, _)| *x == l).map(|(_, v)| *v)
}

/// Words before a number that qualify it ("at least 12 civilians"): kept in
/// the quantity's span and text.
const QUALIFIERS: &[&str] = &[
    "at least",
    "at most",
    "more than",
    "fewer than",
    "less than",
    "over",
    "under",
    "nearly",
    "almost",
    "about",
    "around",
    "approximately",
    "roughly",
    "some",
    "up to",
    "as many as",
    "as few as",
    "an estimated",
    "estimated",
    "at least another",
    "another",
];

/// Vague counts: value is the lower bound of the range they stand for.
/// (lower, upper) by phrase, for [`vague_range`].
const VAGUE: &[(&str, f64, f64)] = &[
    ("dozens", 24.0, 99.0),
    ("scores", 40.0, 99.0),
    ("hundreds", 200.0, 999.0),
    ("thousands", 2000.0, 9999.0),
    ("tens of thousands", 20000.0, 99999.0),
    ("hundreds of thousands", 200000.0, 999999.0),
    ("millions", 2_000_000.0, 9_999_999.0),
];

/// The range a vague count stands for ("hundreds" -> 200..=999), if the
/// quantity's text is one.
pub fn vague_range(text: &str) -> Option<(f64, f64)> {
    let l = text.to_ascii_lowercase();
    let core = QUALIFIERS
        .iter()
        .filter_map(|q| l.strip_prefix(q).map(str::trim_start))
        .next()
        .unwrap_or(&l);
    VAGUE
        .iter()
        .find(|(w, _, _)| *w == core)
        .map(|(_, a, b)| (*a, *b))
}

/// The qualifier of a quantity's text ("at least 12" -> "at least").
pub fn qualifier(text: &str) -> Option<&'static str> {
    let l = text.to_ascii_lowercase();
    QUALIFIERS
        .iter()
        .filter(|q| l.starts_with(*q) && l[q.len()..].starts_with(' '))
        .max_by_key(|q| q.len())
        .copied()
}

/// What a quantity says beyond its value: qualifier, range, kind.
#[derive(Debug, Clone, PartialEq)]
pub struct Reading {
    /// "about", "at least", "more than", "up to"... as written (lower case).
    pub qualifier: Option<String>,
    /// Lowest value it stands for.
    pub min: Option<f64>,
    /// Highest value it stands for.
    pub max: Option<f64>,
    /// Kind of count ("killed", "wounded", "bodies", "prisoners", "hostages",
    /// "people", "soldiers", "munitions", "money", "temperature", "percent").
    pub kind: Option<String>,
}

const LOWER_BOUND: &[&str] = &[
    "at least",
    "more than",
    "over",
    "at least another",
    "another",
];
const UPPER_BOUND: &[&str] = &[
    "at most",
    "up to",
    "as many as",
    "fewer than",
    "less than",
    "under",
];

fn has_word(hay: &str, words: &[&str]) -> bool {
    hay.split(|c: char| !chronicler_dict::text::is_word_char(c))
        .any(|w| words.contains(&w))
}

/// "Palestinians", "Ukrainians": a people, counted.
fn demonym_plural(unit: &str) -> bool {
    unit.split_whitespace()
        .next_back()
        .is_some_and(|w| w.starts_with(char::is_uppercase) && w.ends_with("ns"))
}

/// Reads a quantity found in `text`: its qualifier and range ("at least
/// 12": 12..; "up to 30": ..30; "hundreds": 200..999; a plain number: that
/// number), and what kind of count it is, from its unit and the words
/// around it ("12 civilians were killed" -> killed).
pub fn read(text: &str, f: &Found) -> Reading {
    let qualifier = qualifier(&f.text);
    let (min, max) = match (vague_range(&f.text), qualifier) {
        (Some((a, b)), _) => (Some(a), Some(b)),
        (None, Some(q)) if LOWER_BOUND.contains(&q) => (Some(f.value), None),
        (None, Some(q)) if UPPER_BOUND.contains(&q) => (None, Some(f.value)),
        (None, Some(_)) => (None, None),
        (None, None) => (Some(f.value), Some(f.value)),
    };
    let unit = f.unit.to_lowercase();
    // The words around, lower-cased: read only for counts of people (a
    // `to_lowercase` of some 100 bytes per quantity otherwise).
    let around = || {
        let mut a = f.span.start.saturating_sub(40);
        while a > 0 && !text.is_char_boundary(a) {
            a -= 1;
        }
        let mut b = (f.span.end + f.unit.len() + 50).min(text.len());
        while b < text.len() && !text.is_char_boundary(b) {
            b += 1;
        }
        text.get(a..b).unwrap_or("").to_lowercase()
    };
    let is_code = f.unit.len() == 3 && f.unit.chars().all(|c| c.is_ascii_uppercase());
    let kind = if is_code {
        Some("money")
    } else if unit.starts_with("degrees") {
        Some("temperature")
    } else if unit == "percent" || unit == "per cent" {
        Some("percent")
    } else if has_word(&unit, &["remains", "bodies", "body", "corpses"]) {
        Some("bodies")
    } else if has_word(&unit, &["hostages", "hostage"]) {
        Some("hostages")
    } else if has_word(
        &unit,
        &["prisoners", "prisoner", "pows", "captives", "detainees"],
    ) {
        Some("prisoners")
    } else if has_word(
        &unit,
        &[
            "drones",
            "missiles",
            "rockets",
            "shells",
            "bombs",
            "munitions",
        ],
    ) {
        Some("munitions")
    } else if demonym_plural(&f.unit)
        || has_word(
            &unit,
            &[
                "soldiers",
                "servicemen",
                "troops",
                "fighters",
                "militants",
                "civilians",
                "people",
                "residents",
                "children",
                "women",
                "men",
                "persons",
                "refugees",
                "protesters",
                "migrants",
                "journalists",
                "workers",
                "officers",
                "police",
                "policemen",
                "members",
                "rebels",
            ],
        )
    {
        let around = around();
        if has_word(&around, &["killed", "dead", "died", "deaths", "lives"]) {
            Some("killed")
        } else if has_word(&around, &["wounded", "injured", "hurt"]) {
            Some("wounded")
        } else if has_word(&unit, &["soldiers", "servicemen", "troops"]) {
            Some("soldiers")
        } else {
            Some("people")
        }
    } else {
        None
    };
    Reading {
        qualifier: qualifier.map(str::to_string),
        min,
        max,
        kind: kind.map(str::to_string),
    }
}

const CURRENCY_WORDS: &[(&str, &str)] = &[
    ("dollars", "USD"),
    ("dollar", "USD"),
    ("euros", "EUR"),
    ("euro", "EUR"),
    ("pounds", "GBP"),
    ("hryvnias", "UAH"),
    ("hryvnia", "UAH"),
    ("rubles", "RUB"),
    ("roubles", "RUB"),
    ("yuan", "CNY"),
    ("shekels", "ILS"),
    ("rupees", "INR"),
];

fn tens_units(w: &str) -> Option<f64> {
    let (t, u) = w.split_once('-')?;
    let t = word_value(t)?;
    let u = word_value(u)?;
    (t >= 20.0 && t % 10.0 == 0.0 && u < 10.0).then_some(t + u)
}

/// Finds quantities in `text`, skipping numbers inside `skip` spans (dates).
///
/// Units: what is counted ("Ukrainian soldiers", "civilians"); sums of money
/// carry an ISO 4217 code ("USD"), temperatures "degrees Celsius"/"degrees
/// Fahrenheit", shares "percent", so none is taken for a count of people.
/// The text keeps a qualifier ("at least 12"); vague counts ("hundreds")
/// take the lower bound of their range as value (see [`vague_range`]).
pub fn find(text: &str, skip: &[Span]) -> Vec<Found> {
    let Some(re) = number_re() else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for c in re.captures_iter(text) {
        let Some(all) = c.get(0) else { continue };
        let (mut start, mut end) = (all.start(), all.end());
        let neg = c.get(NEG);
        if skip.iter().any(|s| s.overlaps(Span::new(start, end))) {
            continue;
        }
        let before = text[..start].chars().next_back();
        // Glued to a word ("COVID-19", "F-16", "A1"): not a quantity.
        if before.is_some_and(|b| b.is_alphanumeric() || b == '.' || b == '/') {
            continue;
        }
        // A currency sign before the number: a sum of money.
        let mut currency: Option<&str> = None;
        for (sign, code) in [
            ("US$", "USD"),
            ("$", "USD"),
            ("€", "EUR"),
            ("£", "GBP"),
            ("¥", "JPY"),
        ] {
            if text[..start].ends_with(sign) {
                currency = Some(code);
                start -= sign.len();
                break;
            }
        }
        let mut value;
        let is_word;
        if let Some(n) = c.get(NUM) {
            let raw = n.as_str();
            value = match raw.replace(',', "").parse::<f64>() {
                Ok(v) => v,
                Err(_) => continue,
            };
            is_word = false;
            // Years and times are not quantities.
            if currency.is_none()
                && !raw.contains(',')
                && !raw.contains('.')
                && raw.len() == 4
                && (1900.0..=2100.0).contains(&value)
            {
                continue;
            }
            if text[n.end()..].starts_with(':') || text[..n.start()].ends_with(':') {
                continue;
            }
        } else if let Some(w) = c.get(WORD) {
            value = word_value(w.as_str())
                .or_else(|| tens_units(&w.as_str().to_ascii_lowercase()))
                .unwrap_or(0.0);
            is_word = true;
        } else {
            continue;
        }
        if let Some(s) = c.get(SCALE) {
            let mult = match s.as_str().trim().to_ascii_lowercase().as_str() {
                "thousand" => 1e3,
                "million" => 1e6,
                "billion" => 1e9,
                "trillion" => 1e12,
                "hundred" => 1e2,
                "dozen" => 12.0,
                _ => 1.0,
            };
            value *= mult;
        }
        if let Some(n) = neg {
            let t = n.as_str();
            // "-" only counts as a sign when not joining two numbers ("23-24").
            if t == "-" {
                if before.is_some_and(|b| b.is_ascii_digit())
                    || text[..n.start()].ends_with(|ch: char| ch.is_alphanumeric())
                {
                    start = n.end();
                } else {
                    value = -value;
                }
            } else {
                value = -value;
            }
        }
        // The number text (without "of").
        let mut num_end = c.get(SCALE).map_or_else(
            || c.get(NUM).or(c.get(WORD)).map_or(end, |m| m.end()),
            |s| s.end(),
        );
        // "$2bn", "$40m", "€3 mn"
        if currency.is_some() && c.get(SCALE).is_none() {
            let rest = &text[num_end..];
            let r = rest.trim_start_matches(' ');
            for (suffix, mult) in [("bn", 1e9), ("mn", 1e6), ("m", 1e6), ("k", 1e3)] {
                if r.starts_with(suffix)
                    && !r[suffix.len()..].starts_with(|ch: char| ch.is_alphanumeric())
                    && r.len() + 1 >= rest.len()
                {
                    value *= mult;
                    num_end += rest.len() - r.len() + suffix.len();
                    break;
                }
            }
        }
        if c.get(OF).is_none() || currency.is_some() {
            end = num_end;
        }
        // Unit: money, temperature, "%", hyphenated ("one-week") or following words.
        let rest = &text[end..];
        // Only the start of the rest is looked at (" degrees celsius", a
        // currency name and the character after it).
        let rl = rest[..ceil_char_boundary(rest, 32)].to_ascii_lowercase();
        let unit;
        if let Some(code) = currency {
            unit = code.to_string();
        } else if let Some((w, code)) = CURRENCY_WORDS.iter().find(|(w, _)| {
            rl.strip_prefix(' ').is_some_and(|r| {
                r.starts_with(w) && !r[w.len()..].starts_with(|ch: char| ch.is_alphanumeric())
            })
        }) {
            unit = (*code).to_string();
            num_end = end + 1 + w.len();
        } else if rest.starts_with("°C")
            || rest.starts_with(" °C")
            || rest.starts_with("C ")
            || rest.starts_with("C.")
            || rest.starts_with("C,")
        {
            unit = "degrees Celsius".to_string();
        } else if rest.starts_with("°F") || rest.starts_with(" °F") {
            unit = "degrees Fahrenheit".to_string();
        } else if rest.starts_with('%') || rl.starts_with(" percent") || rl.starts_with(" per cent")
        {
            unit = "percent".to_string();
        } else if let Some(h) = rest.strip_prefix('-') {
            let w: String = h.chars().take_while(|ch| ch.is_alphabetic()).collect();
            if w.is_empty() {
                continue;
            }
            unit = w;
        } else {
            let u = unit_after(rest);
            unit = if rl.starts_with(" degrees celsius") || rl.starts_with(" degrees c ") {
                "degrees Celsius".to_string()
            } else {
                u
            };
        }
        // "one of them", "two of the": a part, not a count.
        if currency.is_none()
            && c.get(OF).is_some()
            && c.get(WORD).is_some_and(|w| !w.as_str().ends_with('s'))
        {
            continue;
        }
        // Word numbers without a unit are usually not quantities ("one of").
        if unit.is_empty() && (is_word || c.get(OF).is_some()) {
            continue;
        }
        // Lone small numbers without unit (list markers, ages): keep only with unit.
        if unit.is_empty() {
            continue;
        }
        // "the remains of 1,000 soldiers": what is counted is remains.
        let mut unit = unit;
        // The words before the number, from a word start at least 64 bytes
        // back (the qualifiers and the word before them are shorter).
        let from = word_start_before(text, start.saturating_sub(64));
        let head = text[from..start].to_ascii_lowercase();
        for (lead, noun) in [("remains of ", "remains"), ("bodies of ", "bodies")] {
            if head.ends_with(lead) && currency.is_none() {
                unit = format!("{unit}' {noun}");
            }
        }
        // A qualifier before the number: "at least 12", "more than 300".
        let head = head.trim_end_matches(' ');
        let head_end = from + head.len();
        if head_end + 1 == start || head_end == start {
            if let Some(q) = QUALIFIERS
                .iter()
                .filter(|q| head.ends_with(**q))
                .filter(|q| {
                    let lead = head.get(..head.len().saturating_sub(q.len())).unwrap_or("");
                    let prev = lead.split_whitespace().next_back().unwrap_or("");
                    // "handed over 1,000", "brought about 3": a particle, not a qualifier.
                    let particle = matches!(**q, "over" | "about" | "around" | "under" | "some")
                        && (prev.ends_with("ed")
                            || matches!(
                                prev,
                                "hand"
                                    | "hands"
                                    | "handing"
                                    | "take"
                                    | "takes"
                                    | "taking"
                                    | "took"
                                    | "turn"
                                    | "turns"
                                    | "turning"
                                    | "won"
                                    | "win"
                                    | "wins"
                                    | "fought"
                                    | "bring"
                                    | "brought"
                                    | "came"
                                    | "come"
                            ));
                    !lead.ends_with(|ch: char| ch.is_alphanumeric()) && !particle
                })
                .max_by_key(|q| q.len())
            {
                start = head_end - q.len();
            }
        }
        let number_text = text[start..num_end].trim().to_string();
        out.push(Found {
            span: Span::new(start, num_end),
            value,
            unit,
            text: number_text,
        });
    }
    out
}

/// The first character boundary of `s` at or after `at` (`s.len()` past it).
fn ceil_char_boundary(s: &str, at: usize) -> usize {
    (at..s.len())
        .find(|&i| s.is_char_boundary(i))
        .unwrap_or(s.len())
}

/// Where the word containing byte `at` (or the next one) starts: just after
/// the last whitespace before `at`, or 0.
fn word_start_before(text: &str, at: usize) -> usize {
    let at = chronicler_core::text::floor_char_boundary(text, at);
    text[..at]
        .char_indices()
        .rev()
        .find(|(_, c)| c.is_whitespace())
        .map_or(0, |(i, c)| i + c.len_utf8())
}

fn unit_after(rest: &str) -> String {
    let mut words: Vec<&str> = Vec::new();
    let mut pos = 0;
    for _ in 0..3 {
        let r = &rest[pos..];
        let trimmed = r.trim_start_matches([' ', '\u{a0}']);
        if trimmed.len() == r.len() && pos > 0 || (pos == 0 && !r.starts_with([' ', '\u{a0}'])) {
            break;
        }
        let skip = r.len() - trimmed.len();
        let w: &str = {
            let n = trimmed
                .char_indices()
                .find(|(_, ch)| !(ch.is_alphabetic() || *ch == '-' || *ch == '\''))
                .map_or(trimmed.len(), |(i, _)| i);
            &trimmed[..n]
        };
        if w.is_empty() || STOP.contains(&w.to_ascii_lowercase().as_str()) {
            break;
        }
        words.push(w);
        pos += skip + w.len();
        // Punctuation right after the word ends the phrase.
        if !rest[pos..].starts_with([' ', '\u{a0}']) {
            break;
        }
        // A plural head noun ends it too ("25 million people face ..."),
        // unless a possessive or a unit name follows ("soldiers' remains",
        // "degrees Celsius").
        let l = w.to_ascii_lowercase();
        let plural = (l.ends_with('s') && !l.ends_with("ss"))
            || l.ends_with("men")
            || matches!(
                l.as_str(),
                "people" | "children" | "police" | "personnel" | "staff"
            );
        let next_cap = rest[pos..]
            .trim_start()
            .starts_with(|ch: char| ch.is_uppercase());
        if plural && !next_cap {
            break;
        }
    }
    words.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(t: &str) -> Vec<(f64, String, String)> {
        find(t, &[])
            .into_iter()
            .map(|f| (f.value, f.unit, f.text))
            .collect()
    }

    #[test]
    fn numbers_with_units() {
        assert_eq!(
            q("Russia returned the remains of 1,000 Ukrainian soldiers in exchange for 38 Russian servicemen, an action"),
            [(1000.0, "Ukrainian soldiers' remains".into(), "1,000".into()), (38.0, "Russian servicemen".into(), "38".into())]
        );
        assert_eq!(
            q("dropped to minus 30 degrees Celsius, intensifying"),
            [(-30.0, "degrees Celsius".into(), "minus 30".into())]
        );
        assert_eq!(
            q("a temporary, one-week moratorium"),
            [(1.0, "week".into(), "one".into())]
        );
        assert_eq!(
            q("1.2 million people fled"),
            [(1_200_000.0, "people".into(), "1.2 million".into())]
        );
        assert_eq!(q("hundreds of civilians were killed")[0].1, "civilians");
        assert_eq!(q("two drones")[0].0, 2.0);
        assert!(q("in 2025 and COVID-19 and F-16 jets").is_empty());
        assert!(q("one of them").is_empty());
    }

    #[test]
    fn group_numbers_name_the_groups_of_the_number_pattern() {
        let names: Vec<Option<&str>> = number_re().unwrap().capture_names().collect();
        assert_eq!(
            names,
            [
                None,
                Some("neg"),
                Some("num"),
                Some("word"),
                Some("scale"),
                Some("of")
            ]
        );
    }
}
