//! Small, general reading rules over evidence sentences, for what the coded
//! events do not carry yet: a commitment's kind, duration and expiry, a
//! claim that it is limited or violated, an extension, a postponement, the
//! ordinal of a round, what was exchanged.
//!
//! Every rule is a short English word list; none names an actor or a place.

use std::sync::OnceLock;

use jiff::civil::Date;
use regex::Regex;

fn re(cell: &'static OnceLock<Option<Regex>>, pattern: &str) -> Option<&'static Regex> {
    cell.get_or_init(|| Regex::new(pattern).ok()).as_ref()
}

/// The kinds of commitment with a life span, as they are named in reports.
const KINDS: &[(&str, &str)] = &[
    ("moratorium", "moratorium"),
    ("ceasefire", "ceasefire"),
    ("cease-fire", "ceasefire"),
    ("cease fire", "ceasefire"),
    ("truce", "truce"),
    ("armistice", "armistice"),
    ("pause", "pause"),
    ("halt", "pause"),
    ("lull", "pause"),
];

/// The commitment kind a sentence names, if any ("moratorium", "truce").
pub fn commitment_kind(sentence: &str) -> Option<&'static str> {
    let s = sentence.to_lowercase();
    KINDS
        .iter()
        .filter_map(|(w, k)| word_at(&s, w).map(|p| (p, *k)))
        .min_by_key(|(p, _)| *p)
        .map(|(_, k)| k)
}

fn word_at(haystack: &str, word: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(i) = haystack.get(from..)?.find(word) {
        let at = from + i;
        let before = haystack[..at].chars().next_back();
        let after = haystack[at + word.len()..].chars().next();
        let plural = after == Some('s')
            && !haystack
                .get(at + word.len() + 1..)
                .is_some_and(|t| t.starts_with(char::is_alphabetic));
        if !before.is_some_and(char::is_alphanumeric)
            && (!after.is_some_and(char::is_alphabetic) || plural)
        {
            return Some(at);
        }
        from = at + word.len();
    }
    None
}

/// What a commitment covers: the words after "on strikes against",
/// "on attacks on", "in strikes on" ("energy infrastructure").
pub fn commitment_scope(sentence: &str) -> Option<String> {
    static R: OnceLock<Option<Regex>> = OnceLock::new();
    let r = re(
        &R,
        r"(?i)\b(?:on|in|of)\s+(?:\w+\s+)?(strikes|attacks|hostilities|fighting|shelling|bombing|airstrikes|air strikes)\s+(?:on|against|in|at|around)\s+((?:[\w-]+\s+){0,3}?[\w-]+)(?:[,.;:]|\s+(?:during|for|until|set|that|which|while|and|as|in|from|to|was|is|has|had)\b|$)",
    );
    let c = r?.captures(sentence)?;
    let noun = c.get(1)?.as_str().to_lowercase();
    let words = c.get(2)?.as_str().trim();
    let words = words
        .strip_prefix("the ")
        .or_else(|| words.strip_prefix("The "))
        .unwrap_or(words);
    (!words.is_empty()).then(|| format!("{noun} on {words}"))
}

/// Who makes a claim in a sentence: the capitalised name just before a
/// saying verb in the claim's clause ("the Kremlin indicating the pause was
/// limited" → "Kremlin").
pub fn claimant(sentence: &str, claim: &str) -> Option<String> {
    static R: OnceLock<Option<Regex>> = OnceLock::new();
    let r = re(
        &R,
        r"((?:[A-Z][\w’'-]+\s+){0,2}[A-Z][\w’'-]+)\s+(?:has\s+|had\s+|have\s+)?(?:indicat|sa(?:id|ys|ying)|claim|call|insist|argu|describ|maintain|stress|note|assert|told|accus|den(?:y|ied|ies))\w*",
    )?;
    let key = if claim == "violated" { "violat" } else { claim };
    let at = sentence.to_lowercase().find(key)?;
    let clause_start = sentence[..at].rfind([',', ';', '.']).map_or(0, |p| p + 1);
    let clause = &sentence[clause_start..at];
    r.captures_iter(clause)
        .filter_map(|c| c.get(1))
        .map(|m| m.as_str().trim().to_string())
        .filter(|n| !["The", "While", "But", "And", "However"].contains(&n.as_str()))
        .last()
}

/// A stated duration ("one-week", "three-month", "72-hour", "30 days"),
/// as written and in days.
pub fn duration(sentence: &str) -> Option<(String, i64)> {
    static R: OnceLock<Option<Regex>> = OnceLock::new();
    let r = re(
        &R,
        r"(?i)\b(\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fourteen|thirty|sixty|ninety)[- ](hour|day|week|month|year)s?\b",
    );
    for c in r?.captures_iter(sentence) {
        let (Some(n), Some(u)) = (c.get(1), c.get(2)) else {
            continue;
        };
        let n = number(n.as_str())?;
        let per = match u.as_str().to_lowercase().as_str() {
            "hour" => 0,
            "day" => 1,
            "week" => 7,
            "month" => 30,
            _ => 365,
        };
        let days = if per == 0 { (n + 23) / 24 } else { n * per };
        let written = c.get(0).map_or("", |m| m.as_str()).to_string();
        return Some((written, days));
    }
    None
}

fn number(w: &str) -> Option<i64> {
    if let Ok(n) = w.parse() {
        return Some(n);
    }
    Some(match w.to_lowercase().as_str() {
        "a" | "an" | "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "fourteen" => 14,
        "thirty" => 30,
        "sixty" => 60,
        "ninety" => 90,
        _ => return None,
    })
}

/// Calendar dates written in a sentence ("February 1, 2026", "1 February",
/// "Feb. 1"), with their byte offset; a missing year is the one that puts
/// the day nearest to `published`.
pub fn dates(sentence: &str, published: Option<Date>) -> Vec<(usize, Date)> {
    static R: OnceLock<Option<Regex>> = OnceLock::new();
    let r = re(
        &R,
        r"\b(?:([A-Z][a-z]{2,8}\.?)\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?|(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?([A-Z][a-z]{2,8})(?:,?\s+(\d{4}))?)\b",
    );
    let mut out = Vec::new();
    let Some(r) = r else { return out };
    for c in r.captures_iter(sentence) {
        let (m, d, y) = match (c.get(1), c.get(2), c.get(4), c.get(5)) {
            (Some(m), Some(d), _, _) => (m, d, c.get(3)),
            (_, _, Some(d), Some(m)) => (m, d, c.get(6)),
            _ => continue,
        };
        let Some(mo) = chronicler_core::month_number(m.as_str()) else {
            continue;
        };
        let Ok(day) = d.as_str().parse::<i8>() else {
            continue;
        };
        let year = match y.and_then(|y| y.as_str().parse::<i16>().ok()) {
            Some(y) => y,
            None => {
                let Some(p) = published else { continue };
                let candidates = [p.year() - 1, p.year(), p.year() + 1];
                let Some(best) = candidates
                    .iter()
                    .filter_map(|&y| Date::new(y, mo, day).ok())
                    .min_by_key(|d| days_between(*d, p).abs())
                else {
                    continue;
                };
                best.year()
            }
        };
        if let Ok(date) = Date::new(year, mo, day) {
            out.push((c.get(0).map_or(0, |m| m.start()), date));
        }
    }
    out
}

/// Days from `a` to `b` (negative when `b` is earlier).
pub fn days_between(a: Date, b: Date) -> i64 {
    a.duration_until(b).as_secs() / 86_400
}

/// `d` plus `n` days (saturating at the calendar's ends).
pub fn add_days(d: Date, n: i64) -> Date {
    d.checked_add(jiff::Span::new().days(n)).unwrap_or(d)
}

/// An end date: "set to expire around February 1", "until March 3",
/// "runs through 5 May". Returns the day and whether it is approximate.
pub fn expiry(sentence: &str, published: Option<Date>) -> Option<(Date, bool)> {
    date_after(
        sentence,
        published,
        &[
            "expire",
            "expiry",
            "expiring",
            "expires",
            "expired",
            "until",
            "through",
            "lapse",
            "run out",
            "runs out",
            "end on",
            "ends on",
            "end around",
            "ends around",
            "end by",
        ],
    )
}

/// A new end date after an extension: "extended until June 30",
/// "extended it by three months" (days added, with no date).
pub fn extension(sentence: &str, published: Option<Date>) -> Option<Extension> {
    let s = sentence.to_lowercase();
    let at = ["extend", "extension", "prolong", "renewed", "renew "]
        .iter()
        .filter_map(|w| s.find(w))
        .min()?;
    let rest = &sentence[at..];
    if let Some((d, approx)) = date_after(rest, published, &["until", "to", "through", "till"])
        .or_else(|| dates(rest, published).first().map(|(_, d)| (*d, false)))
    {
        return Some(Extension::To(d, approx));
    }
    if let Some((w, days)) = duration(rest) {
        return Some(Extension::By(w, days));
    }
    Some(Extension::Unspecified)
}

/// How a commitment was extended.
#[derive(Debug, Clone, PartialEq)]
pub enum Extension {
    /// To a new last day (approximate or not).
    To(Date, bool),
    /// By a duration (as written, in days).
    By(String, i64),
    /// Extended, no new end given.
    Unspecified,
}

fn date_after(sentence: &str, published: Option<Date>, keys: &[&str]) -> Option<(Date, bool)> {
    let lower = sentence.to_lowercase();
    let ds = dates(sentence, published);
    for k in keys {
        let mut from = 0;
        while let Some(i) = lower.get(from..).and_then(|t| t.find(k)) {
            let at = from + i + k.len();
            if let Some((p, d)) = ds.iter().find(|(p, _)| *p >= at && *p - at <= 24) {
                let between = lower.get(at..*p).unwrap_or("");
                let approx = ["around", "about", "approximately", "roughly", "circa"]
                    .iter()
                    .any(|w| between.contains(w));
                return Some((*d, approx));
            }
            from = at;
        }
    }
    None
}

/// A claim that a commitment is narrower than announced: the sentence says
/// it was "limited", "partial", "only applies", "does not cover".
pub fn limited_claim(sentence: &str) -> bool {
    let s = sentence.to_lowercase();
    [
        "was limited",
        "is limited",
        "as limited",
        "be limited",
        "only applies",
        "only applied",
        "does not cover",
        "did not cover",
        "partial",
        "narrow",
    ]
    .iter()
    .any(|w| s.contains(w))
        && commitment_kind(sentence).is_some()
}

/// A report that a commitment was broken.
pub fn violation(sentence: &str) -> bool {
    let s = sentence.to_lowercase();
    ["violat", "breach", "broke the", "broken the"]
        .iter()
        .any(|w| s.contains(w))
        && commitment_kind(sentence).is_some()
}

/// What a talks sentence says happened to the meeting.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    /// Moved to a later day.
    Postponed,
    /// Called off.
    Cancelled,
}

/// "postponed", "delayed", "pushed back" → postponed; "cancelled", "called
/// off", "scrapped" → cancelled.
pub fn talks_change(sentence: &str) -> Option<Change> {
    let s = sentence.to_lowercase();
    if [
        "cancelled",
        "canceled",
        "called off",
        "scrapped",
        "calls off",
        "cancels",
    ]
    .iter()
    .any(|w| s.contains(w))
    {
        return Some(Change::Cancelled);
    }
    if [
        "postpone",
        "delayed",
        "pushed back",
        "put off",
        "rescheduled",
        "deferred",
    ]
    .iter()
    .any(|w| s.contains(w))
    {
        return Some(Change::Postponed);
    }
    None
}

/// The ordinal of a round or phase named in a sentence ("the second round",
/// "third phase"), with the noun.
pub fn ordinal(sentence: &str, nouns: &[&str]) -> Option<u32> {
    const ORD: &[(&str, u32)] = &[
        ("first", 1),
        ("second", 2),
        ("third", 3),
        ("fourth", 4),
        ("fifth", 5),
        ("sixth", 6),
        ("seventh", 7),
        ("eighth", 8),
        ("ninth", 9),
        ("tenth", 10),
        ("1st", 1),
        ("2nd", 2),
        ("3rd", 3),
        ("4th", 4),
        ("5th", 5),
    ];
    let s = sentence.to_lowercase();
    let words: Vec<&str> = s
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    words.windows(2).find_map(|w| {
        let n = ORD.iter().find(|(o, _)| *o == w[0])?.1;
        nouns.iter().any(|x| w[1].starts_with(x)).then_some(n)
    })
}

/// What a transfer moved, from the words before its count: "remains",
/// "bodies", "hostages", "prisoners", else None (the count's own unit says).
pub fn exchange_kind(sentence: &str, count_text: &str, unit: &str) -> Option<&'static str> {
    let s = sentence.to_lowercase();
    let unit = unit.to_lowercase();
    let at = s.find(&count_text.to_lowercase());
    let before = at.map_or("", |i| &s[i.saturating_sub(24)..i]);
    let near = format!("{before} {unit}");
    for (w, k) in [
        ("remains", "remains"),
        ("bodies", "remains"),
        ("body", "remains"),
        ("hostage", "hostages"),
        ("prisoner", "prisoners"),
        ("detainee", "detainees"),
        ("captive", "prisoners"),
        ("pow", "prisoners"),
    ] {
        if near.contains(w) {
            return Some(k);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn d(s: &str) -> Date {
        s.parse().unwrap()
    }

    #[test]
    fn commitments_are_named_with_kind_scope_duration_and_expiry() {
        let s = "US President Donald Trump had recently brokered an understanding for a temporary, one-week moratorium on strikes against energy infrastructure, set to expire around February 1, 2026.";
        assert_eq!(commitment_kind(s), Some("moratorium"));
        assert_eq!(
            commitment_scope(s).as_deref(),
            Some("strikes on energy infrastructure")
        );
        assert_eq!(duration(s), Some(("one-week".to_string(), 7)));
        assert_eq!(
            expiry(s, Some(d("2026-01-30"))),
            Some((d("2026-02-01"), true))
        );
        assert_eq!(commitment_kind("The halting of talks"), None);
        assert_eq!(
            commitment_kind("They agreed a three-month truce."),
            Some("truce")
        );
        assert_eq!(duration("a 72-hour ceasefire"), Some(("72-hour".into(), 3)));
    }

    #[test]
    fn dates_without_a_year_take_the_nearest() {
        let p = Some(d("2025-12-28"));
        let ds = dates(
            "Talks on 3 January and on Dec. 30 were followed by March 4, 2027.",
            p,
        );
        let days: Vec<Date> = ds.iter().map(|x| x.1).collect();
        assert_eq!(
            days,
            vec![d("2026-01-03"), d("2025-12-30"), d("2027-03-04")]
        );
    }

    #[test]
    fn extensions_claims_changes_and_ordinals() {
        let p = Some(d("2025-06-01"));
        assert_eq!(
            extension("The truce was extended until September 30.", p),
            Some(Extension::To(d("2025-09-30"), false))
        );
        assert_eq!(
            extension("They extended the truce by three months.", p),
            Some(Extension::By("three months".into(), 90))
        );
        assert_eq!(
            extension("a ceasefire extension until August 31, 2025", p),
            Some(Extension::To(d("2025-08-31"), false))
        );
        assert_eq!(
            extension("They extended the truce by three months.", p),
            Some(Extension::By("three months".into(), 90))
        );
        assert!(limited_claim(
            "the Kremlin indicating the pause was limited"
        ));
        assert!(!limited_claim("a limited number of talks"));
        assert!(violation(
            "Both sides accused each other of violating the ceasefire."
        ));
        assert_eq!(
            talks_change("The talks were postponed to May 3."),
            Some(Change::Postponed)
        );
        assert_eq!(
            talks_change("The meeting was called off."),
            Some(Change::Cancelled)
        );
        assert_eq!(
            ordinal("with a second round of discussions", &["round"]),
            Some(2)
        );
        assert_eq!(
            ordinal("the first phase of the release", &["phase", "stage"]),
            Some(1)
        );
        assert_eq!(ordinal("next round", &["round"]), None);
        assert_eq!(
            exchange_kind(
                "Russia returned the remains of 1,000 Ukrainian soldiers",
                "1,000",
                "Ukrainian soldiers"
            ),
            Some("remains")
        );
        assert_eq!(
            exchange_kind(
                "in exchange for 38 Russian servicemen",
                "38",
                "Russian servicemen"
            ),
            None
        );
    }
}
