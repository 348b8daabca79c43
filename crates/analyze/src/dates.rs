//! Date expressions resolved against the publication date.

use std::sync::OnceLock;

use chronicler_core::{DatePrecision, DateRange, Span};
use jiff::civil::{Date, Weekday};
use jiff::ToSpan;
use regex::Regex;

const M: &str = r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|Aug(?:ust|\.)?|Sep(?:t(?:ember)?)?\.?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)";
const D: &str = r"(?:[12][0-9]|3[01]|0?[1-9])(?:st|nd|rd|th)?";
const Y: &str = r"(?:19|20)[0-9]{2}";

struct Rules {
    month_range: Option<Regex>,
    day_range: Option<Regex>,
    month_day: Option<Regex>,
    day_month: Option<Regex>,
    month_year: Option<Regex>,
    year: Option<Regex>,
    weekday: Option<Regex>,
    relative: Option<Regex>,
    any_full: Option<Regex>,
}

fn rules() -> &'static Rules {
    static R: OnceLock<Rules> = OnceLock::new();
    R.get_or_init(|| {
        let re = |s: String| Regex::new(&s).ok();
        Rules {
            // between January 23 and 24 / from Jan. 23 to Feb. 2, 2026 / January 23-24
            month_range: re(format!(
                r"(?-u:\b)(?:(?:between|from)\s+)?(?P<m1>{M})\s+(?P<d1>{D})(?:,?\s+(?P<y1>{Y}))?\s*(?:-|–|—|(?-u:\b)and(?-u:\b)|(?-u:\b)to(?-u:\b)|(?-u:\b)until(?-u:\b)|(?-u:\b)through(?-u:\b)|(?-u:\b)thru(?-u:\b))\s*(?:(?P<m2>{M})\s+)?(?P<d2>{D})(?-u:\b)(?:,?\s+(?P<y2>{Y}))?"
            )),
            // 23-24 January 2026 / between 23 and 24 January
            day_range: re(format!(
                r"(?-u:\b)(?:(?:between|from)\s+)?(?P<d1>{D})\s*(?:-|–|(?-u:\b)and(?-u:\b)|(?-u:\b)to(?-u:\b))\s*(?P<d2>{D})\s+(?:of\s+)?(?P<m>{M})(?:,?\s+(?P<y>{Y}))?"
            )),
            month_day: re(format!(r"(?-u:\b)(?P<m>{M})\s+(?P<d>{D})(?-u:\b)(?:,?\s+(?P<y>{Y}))?")),
            day_month: re(format!(r"(?-u:\b)(?P<d>{D})\s+(?:of\s+)?(?P<m>{M})(?:,?\s+(?P<y>{Y}))?")),
            month_year: re(format!(r"(?-u:\b)(?:(?:early|late|mid|mid-)\s*)?(?P<m>{M})\s+(?:of\s+)?(?P<y>{Y})(?-u:\b)")),
            year: re(format!(
                r"(?i)(?-u:\b)(?P<w>in|during|since|by|earlier|early|late|later|before|after|until|throughout|of|from)\s+(?:early\s+|late\s+|mid-)?(?P<y>{Y})(?-u:\b)"
            )),
            weekday: re(r"(?-u:\b)(?:(?P<q>[Ll]ast|[Nn]ext|[Tt]his|on|[Oo]n)\s+)?(?P<w>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?-u:\b)".to_string()),
            relative: re(r"(?i)(?-u:\b)(?:(?P<a>yesterday|today|tonight|tomorrow)|(?:(?P<e>earlier|later)\s+)?(?P<q>last|this|next|past)\s+(?P<u>week|weekend|month|year))(?-u:\b)".to_string()),
            any_full: re(format!(r"(?-u:\b)(?P<m>{M})\s+(?P<d>{D}),?\s+(?P<y>{Y})(?-u:\b)|(?-u:\b)(?P<d2>{D})\s+(?P<m2>{M})\s+(?P<y2>{Y})(?-u:\b)")),
        }
    })
}

/// Month number of a month name or abbreviation.
pub fn month_of(s: &str) -> Option<i8> {
    let l = s.trim_end_matches('.').to_ascii_lowercase();
    let m = match l.get(..3)? {
        "jan" => 1,
        "feb" => 2,
        "mar" => 3,
        "apr" => 4,
        "may" => 5,
        "jun" => 6,
        "jul" => 7,
        "aug" => 8,
        "sep" => 9,
        "oct" => 10,
        "nov" => 11,
        "dec" => 12,
        _ => return None,
    };
    Some(m)
}

fn day_of(s: &str) -> Option<i8> {
    s.trim_end_matches(|c: char| c.is_ascii_alphabetic())
        .parse()
        .ok()
}

/// The date `m`/`d` in the year that puts it nearest `anchor`.
fn nearest(m: i8, d: i8, anchor: Date) -> Option<Date> {
    let y = anchor.year();
    [y - 1, y, y + 1]
        .iter()
        .filter_map(|&y| Date::new(y, m, d).ok())
        .min_by_key(|c| {
            c.since(anchor)
                .map(|s| s.get_days().abs())
                .unwrap_or(i32::MAX)
        })
}

fn ymd(y: Option<&str>, m: i8, d: i8, anchor: Date) -> Option<Date> {
    match y.and_then(|y| y.parse::<i16>().ok()) {
        Some(y) => Date::new(y, m, d).ok(),
        None => nearest(m, d, anchor),
    }
}

fn range(a: Date, b: Date) -> DateRange {
    if b <= a {
        DateRange::day(a)
    } else {
        DateRange {
            start: Some(a),
            end: Some(b),
            precision: DatePrecision::Day,
        }
    }
}

fn span_range(a: Date, b: Date, p: DatePrecision) -> DateRange {
    DateRange {
        start: Some(a),
        end: Some(b),
        precision: p,
    }
}

fn weekday_of(s: &str) -> Option<Weekday> {
    Some(match s {
        "Monday" => Weekday::Monday,
        "Tuesday" => Weekday::Tuesday,
        "Wednesday" => Weekday::Wednesday,
        "Thursday" => Weekday::Thursday,
        "Friday" => Weekday::Friday,
        "Saturday" => Weekday::Saturday,
        "Sunday" => Weekday::Sunday,
        _ => return None,
    })
}

fn week_start(d: Date) -> Date {
    let back = i64::from(d.weekday().to_monday_zero_offset());
    d.checked_sub(back.days()).unwrap_or(d)
}

fn month_bounds(y: i16, m: i8) -> Option<(Date, Date)> {
    let a = Date::new(y, m, 1).ok()?;
    Some((a, a.last_of_month()))
}

/// One date expression found: where and what.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    /// Byte span.
    pub span: Span,
    /// Resolution.
    pub range: DateRange,
}

fn future_context(text: &str, at: usize) -> bool {
    let from = chronicler_core::text::floor_char_boundary(text, at.saturating_sub(60));
    let window = &text[from..at];
    let sentence_start = window.rfind(['.', '\n']).map_or(0, |i| i + 1);
    let w = format!(" {}", &window[sentence_start..]);
    [
        " will ",
        " would ",
        " scheduled",
        " set to ",
        " plans to ",
        " due to ",
        " expected to ",
        " next ",
    ]
    .iter()
    .any(|k| w.contains(k))
}

/// Finds date expressions in `text` anchored on `anchor` (publication date).
pub fn find(text: &str, anchor: Date) -> Vec<Found> {
    let r = rules();
    let mut out: Vec<Found> = Vec::new();
    let mut taken: Vec<Span> = Vec::new();
    let mut add = |s: usize, e: usize, range: Option<DateRange>, out: &mut Vec<Found>| {
        let span = Span::new(s, e);
        if let Some(range) = range {
            if !taken.iter().any(|t| t.overlaps(span)) {
                taken.push(span);
                out.push(Found { span, range });
            }
        }
    };
    for c in r.month_range.iter().flat_map(|re| re.captures_iter(text)) {
        let Some(all) = c.get(0) else { continue };
        let res = (|| {
            let m1 = month_of(c.name("m1")?.as_str())?;
            let d1 = day_of(c.name("d1")?.as_str())?;
            let m2 = c
                .name("m2")
                .and_then(|m| month_of(m.as_str()))
                .unwrap_or(m1);
            let d2 = day_of(c.name("d2")?.as_str())?;
            let y = c.name("y2").or(c.name("y1")).map(|y| y.as_str());
            let a = ymd(c.name("y1").map(|y| y.as_str()).or(y), m1, d1, anchor)?;
            let mut b = Date::new(a.year(), m2, d2).ok()?;
            if b < a {
                b = Date::new(a.year() + 1, m2, d2).ok()?;
            }
            Some(range(a, b))
        })();
        add(all.start(), all.end(), res, &mut out);
    }
    for c in r.day_range.iter().flat_map(|re| re.captures_iter(text)) {
        let Some(all) = c.get(0) else { continue };
        let res = (|| {
            let m = month_of(c.name("m")?.as_str())?;
            let a = ymd(
                c.name("y").map(|y| y.as_str()),
                m,
                day_of(c.name("d1")?.as_str())?,
                anchor,
            )?;
            let b = Date::new(a.year(), m, day_of(c.name("d2")?.as_str())?).ok()?;
            Some(range(a, b))
        })();
        add(all.start(), all.end(), res, &mut out);
    }
    for re in [&r.month_day, &r.day_month].into_iter().flatten() {
        for c in re.captures_iter(text) {
            let Some(all) = c.get(0) else { continue };
            // "May" as a verb: "May 5" needs the day; fine. Skip "March 2026"-like misreads.
            let res = (|| {
                let m = month_of(c.name("m")?.as_str())?;
                let d = day_of(c.name("d")?.as_str())?;
                Some(DateRange::day(ymd(
                    c.name("y").map(|y| y.as_str()),
                    m,
                    d,
                    anchor,
                )?))
            })();
            add(all.start(), all.end(), res, &mut out);
        }
    }
    for c in r.month_year.iter().flat_map(|re| re.captures_iter(text)) {
        let Some(all) = c.get(0) else { continue };
        let res = (|| {
            let m = month_of(c.name("m")?.as_str())?;
            let y: i16 = c.name("y")?.as_str().parse().ok()?;
            let (a, b) = month_bounds(y, m)?;
            Some(span_range(a, b, DatePrecision::Month))
        })();
        add(all.start(), all.end(), res, &mut out);
    }
    for c in r.year.iter().flat_map(|re| re.captures_iter(text)) {
        let (Some(all), Some(w), Some(yc)) = (c.get(0), c.name("w"), c.name("y")) else {
            continue;
        };
        let Ok(y) = yc.as_str().parse::<i16>() else {
            continue;
        };
        let (Ok(a), Ok(b)) = (Date::new(y, 1, 1), Date::new(y, 12, 31)) else {
            continue;
        };
        let word = w.as_str().to_ascii_lowercase();
        let res = match word.as_str() {
            "by" | "until" | "before" => DateRange {
                start: None,
                end: Some(b),
                precision: DatePrecision::Year,
            },
            "since" | "after" => DateRange {
                start: Some(a),
                end: None,
                precision: DatePrecision::Year,
            },
            _ => span_range(a, b, DatePrecision::Year),
        };
        // Keep the preposition out of the span except for "earlier 2025"-like qualifiers.
        let s = if matches!(
            word.as_str(),
            "in" | "during" | "of" | "from" | "throughout"
        ) {
            yc.start()
        } else {
            all.start()
        };
        add(s, all.end(), Some(res), &mut out);
    }
    for c in r.weekday.iter().flat_map(|re| re.captures_iter(text)) {
        let (Some(all), Some(w)) = (c.get(0), c.name("w")) else {
            continue;
        };
        let Some(wd) = weekday_of(w.as_str()) else {
            continue;
        };
        let q = c.name("q").map(|q| q.as_str().to_ascii_lowercase());
        let future = match q.as_deref() {
            Some("next") => true,
            Some("last") => false,
            _ => future_context(text, all.start()),
        };
        let d = if future {
            anchor.nth_weekday(1, wd).ok()
        } else if anchor.weekday() == wd {
            Some(anchor)
        } else {
            anchor.nth_weekday(-1, wd).ok()
        };
        let s = if q.as_deref() == Some("on") {
            w.start()
        } else {
            all.start()
        };
        add(s, all.end(), d.map(DateRange::day), &mut out);
    }
    for c in r.relative.iter().flat_map(|re| re.captures_iter(text)) {
        let Some(all) = c.get(0) else { continue };
        let res = (|| {
            if let Some(a) = c.name("a") {
                let off: i64 = match a.as_str().to_ascii_lowercase().as_str() {
                    "yesterday" => -1,
                    "tomorrow" => 1,
                    _ => 0,
                };
                return Some(DateRange::day(anchor.checked_add(off.days()).ok()?));
            }
            let q = c.name("q")?.as_str().to_ascii_lowercase();
            let u = c.name("u")?.as_str().to_ascii_lowercase();
            let earlier = c.name("e").map(|e| e.as_str().to_ascii_lowercase());
            let (a, b, p) = match (q.as_str(), u.as_str()) {
                ("last" | "past", "week") => {
                    let s = week_start(anchor).checked_sub(7.days()).ok()?;
                    (s, s.checked_add(6.days()).ok()?, DatePrecision::Day)
                }
                ("this", "week") => (
                    week_start(anchor),
                    week_start(anchor).checked_add(6.days()).ok()?,
                    DatePrecision::Day,
                ),
                ("next", "week") => {
                    let s = week_start(anchor).checked_add(7.days()).ok()?;
                    (s, s.checked_add(6.days()).ok()?, DatePrecision::Day)
                }
                (_, "weekend") => {
                    let sat = if q == "next" || (q == "this" && future_context(text, all.start())) {
                        anchor.nth_weekday(1, Weekday::Saturday).ok()?
                    } else {
                        anchor
                            .checked_add(1.days())
                            .ok()?
                            .nth_weekday(-1, Weekday::Saturday)
                            .ok()?
                    };
                    (sat, sat.checked_add(1.days()).ok()?, DatePrecision::Day)
                }
                ("last" | "past", "month") => {
                    let p = anchor.first_of_month().checked_sub(1.days()).ok()?;
                    (p.first_of_month(), p, DatePrecision::Month)
                }
                ("this", "month") => (
                    anchor.first_of_month(),
                    anchor.last_of_month(),
                    DatePrecision::Month,
                ),
                ("next", "month") => {
                    let n = anchor.last_of_month().checked_add(1.days()).ok()?;
                    (n, n.last_of_month(), DatePrecision::Month)
                }
                ("last" | "past", "year") => {
                    let y = anchor.year() - 1;
                    (
                        Date::new(y, 1, 1).ok()?,
                        Date::new(y, 12, 31).ok()?,
                        DatePrecision::Year,
                    )
                }
                ("this", "year") => (
                    Date::new(anchor.year(), 1, 1).ok()?,
                    Date::new(anchor.year(), 12, 31).ok()?,
                    DatePrecision::Year,
                ),
                ("next", "year") => {
                    let y = anchor.year() + 1;
                    (
                        Date::new(y, 1, 1).ok()?,
                        Date::new(y, 12, 31).ok()?,
                        DatePrecision::Year,
                    )
                }
                _ => return None,
            };
            // "earlier this month": from the start to the publication date.
            let (a, b) = match earlier.as_deref() {
                Some("earlier") if q == "this" => (a, anchor.min(b)),
                Some("later") if q == "this" => (anchor.max(a), b),
                _ => (a, b),
            };
            Some(span_range(a, b, p))
        })();
        add(all.start(), all.end(), res, &mut out);
    }
    out.sort_by_key(|f| f.span);
    out
}

/// The latest explicit full date ("January 29, 2026", "29 January 2026") in
/// `text`, if any.
pub fn latest_full_date(text: &str) -> Option<Date> {
    let r = rules();
    r.any_full
        .iter()
        .flat_map(|re| re.captures_iter(text))
        .filter_map(|c| {
            let m = month_of(c.name("m").or(c.name("m2"))?.as_str())?;
            let d = day_of(c.name("d").or(c.name("d2"))?.as_str())?;
            let y: i16 = c.name("y").or(c.name("y2"))?.as_str().parse().ok()?;
            Date::new(y, m, d).ok()
        })
        .max()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        s.parse().unwrap_or_default()
    }

    fn one(text: &str, anchor: &str) -> (String, DateRange) {
        let f = find(text, d(anchor));
        assert!(!f.is_empty(), "nothing found in {text:?}");
        (f[0].span.slice(text).to_string(), f[0].range)
    }

    #[test]
    fn explicit_dates_and_ranges() {
        let a = "2026-01-30";
        assert_eq!(
            one("on January 30, 2026, for", a).1,
            DateRange::day(d("2026-01-30"))
        );
        assert_eq!(
            one("on 30 January 2026 for", a).1,
            DateRange::day(d("2026-01-30"))
        );
        assert_eq!(one("on Jan. 30 for", a).1, DateRange::day(d("2026-01-30")));
        let r = DateRange {
            start: Some(d("2026-01-23")),
            end: Some(d("2026-01-24")),
            precision: DatePrecision::Day,
        };
        assert_eq!(
            one("talks between January 23 and 24. The", a),
            ("between January 23 and 24".into(), r)
        );
        assert_eq!(one("talks January 23-24 in", a).1, r);
        assert_eq!(one("talks Jan. 23 to 24 in", a).1, r);
        assert_eq!(one("on 23-24 January", a).1, r);
        // Without a year: nearest the publication date.
        assert_eq!(one("on December 30", a).1, DateRange::day(d("2025-12-30")));
        assert_eq!(
            one("around February 1, 2026", a).1,
            DateRange::day(d("2026-02-01"))
        );
    }

    #[test]
    fn relative_dates() {
        let a = "2026-01-30"; // a Friday
        assert_eq!(
            one("said on Thursday that", a).1,
            DateRange::day(d("2026-01-29"))
        );
        assert_eq!(
            one("said on Friday that", a).1,
            DateRange::day(d("2026-01-30"))
        );
        assert_eq!(
            one("will meet on Monday", a).1,
            DateRange::day(d("2026-02-02"))
        );
        assert_eq!(one("yesterday", a).1, DateRange::day(d("2026-01-29")));
        assert_eq!(one("last week", a).1.start, Some(d("2026-01-19")));
        assert_eq!(one("next week", a).1.start, Some(d("2026-02-02")));
        let r = one("earlier this month", a).1;
        assert_eq!(
            (r.start, r.end),
            (Some(d("2026-01-01")), Some(d("2026-01-30")))
        );
        let r = one("during earlier 2025 Istanbul talks", a);
        assert_eq!(r.0, "earlier 2025");
        assert_eq!(
            (r.1.start, r.1.end, r.1.precision),
            (
                Some(d("2025-01-01")),
                Some(d("2025-12-31")),
                DatePrecision::Year
            )
        );
        let r = one("by 2027", a).1;
        assert_eq!((r.start, r.end), (None, Some(d("2027-12-31"))));
        assert_eq!(one("in March 2025", a).1.precision, DatePrecision::Month);
    }

    #[test]
    fn latest_full_date_is_found() {
        assert_eq!(
            latest_full_date("on January 29, 2026 and 30 January 2026."),
            Some(d("2026-01-30"))
        );
        assert_eq!(latest_full_date("nothing here"), None);
    }
}
