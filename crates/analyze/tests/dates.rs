//! Date expressions and what they resolve to, against the publication date.
//!
//! One row: publication date, sentence, the expression as found (its span),
//! expected `start..end precision` (`..` for an open side; a single day is
//! written `2026-01-29 day`). 2026-01-30 is a Friday; 2026-01-31 a Saturday.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use chronicler_analyze::dates::find;
use chronicler_core::DateRange;
use jiff::civil::Date;

const FRI: &str = "2026-01-30";
const SAT: &str = "2026-01-31";
const WED: &str = "2026-01-28";
/// A Friday right after New Year.
const NY: &str = "2026-01-02";
/// A Tuesday right before New Year.
const NYE: &str = "2025-12-30";

#[rustfmt::skip]
const TABLE: &[(&str, &str, &str, &str)] = &[
    // Absolute and partial dates.
    (FRI, "on January 30, 2026, for", "January 30, 2026", "2026-01-30 day"),
    (FRI, "on 30 January 2026 for", "30 January 2026", "2026-01-30 day"),
    (FRI, "signed on Jan. 29 in", "Jan. 29", "2026-01-29 day"),
    (FRI, "signed on 29 Jan in", "29 Jan", "2026-01-29 day"),
    (FRI, "met on Sept. 5, 2025, in", "Sept. 5, 2025", "2025-09-05 day"),
    (FRI, "on the 5th of March 2024", "5th of March 2024", "2024-03-05 day"),
    (FRI, "dated 2026-01-15 in the file", "2026-01-15", "2026-01-15 day"),
    (FRI, "talks January 23-24 in Abu Dhabi", "January 23-24", "2026-01-23..2026-01-24 day"),
    (FRI, "talks Jan. 23-24 in Abu Dhabi", "Jan. 23-24", "2026-01-23..2026-01-24 day"),
    (FRI, "talks between January 23 and 24. The", "between January 23 and 24", "2026-01-23..2026-01-24 day"),
    (FRI, "talks on 23-24 January in", "23-24 January", "2026-01-23..2026-01-24 day"),
    (FRI, "from Jan. 28 to Feb. 3 there", "from Jan. 28 to Feb. 3", "2026-01-28..2026-02-03 day"),
    (FRI, "in March 2025 the", "March 2025", "2025-03-01..2025-03-31 month"),
    (FRI, "around February 1, 2026.", "February 1, 2026", "2026-02-01 day"),
    (FRI, "since February 24, 2022, Russia", "February 24, 2022", "2022-02-24 day"),
    // Without a year: the nearest, across the year boundary.
    (FRI, "on December 30 the", "December 30", "2025-12-30 day"),
    (NY, "on December 30 the", "December 30", "2025-12-30 day"),
    (NYE, "will meet on January 5 in", "January 5", "2026-01-05 day"),
    (NY, "from December 28 to January 3 the", "from December 28 to January 3", "2025-12-28..2026-01-03 day"),
    (NYE, "Dec. 31-Jan. 2 holiday", "Dec. 31-Jan. 2", "2025-12-31..2026-01-02 day"),
    // Weekdays with tense.
    (FRI, "said on Thursday that", "Thursday", "2026-01-29 day"),
    (FRI, "said on Monday that", "Monday", "2026-01-26 day"),
    (FRI, "said on Friday that", "Friday", "2026-01-30 day"),
    (FRI, "will meet on Monday", "Monday", "2026-02-02 day"),
    (FRI, "will meet on Friday", "Friday", "2026-01-30 day"),
    (WED, "will meet on Friday", "Friday", "2026-01-30 day"),
    (WED, "met on Friday", "Friday", "2026-01-23 day"),
    (WED, "On Friday, the leaders will meet", "Friday", "2026-01-30 day"),
    (WED, "On Monday, the leaders met", "Monday", "2026-01-26 day"),
    (WED, "talks are scheduled for Thursday", "Thursday", "2026-01-29 day"),
    (SAT, "Russia struck Kharkiv on Saturday", "Saturday", "2026-01-31 day"),
    (SAT, "the strike on Saturday killed", "Saturday", "2026-01-31 day"),
    (SAT, "the envoys will return on Saturday", "Saturday", "2026-01-31 day"),
    (SAT, "Kyiv said on Sunday", "Sunday", "2026-01-25 day"),
    (SAT, "talks will resume on Sunday", "Sunday", "2026-02-01 day"),
    (FRI, "as he did last Friday", "last Friday", "2026-01-23 day"),
    (SAT, "as he did last Friday", "last Friday", "2026-01-30 day"),
    (FRI, "they will meet next Friday", "next Friday", "2026-02-06 day"),
    (WED, "they will meet next Friday", "next Friday", "2026-01-30 day"),
    (WED, "talks this Friday in Geneva", "this Friday", "2026-01-30 day"),
    (NY, "said on Tuesday", "Tuesday", "2025-12-30 day"),
    (NYE, "will travel on Thursday", "Thursday", "2026-01-01 day"),
    // Relative days, weeks, months, years.
    (FRI, "yesterday", "yesterday", "2026-01-29 day"),
    (NY, "officials said yesterday", "yesterday", "2026-01-01 day"),
    (FRI, "talks tomorrow in", "tomorrow", "2026-01-31 day"),
    (FRI, "the strike today", "today", "2026-01-30 day"),
    (FRI, "the day before yesterday", "the day before yesterday", "2026-01-28 day"),
    (NY, "drones struck overnight", "overnight", "2026-01-01..2026-01-02 day"),
    (FRI, "attacked last night", "last night", "2026-01-29 day"),
    (FRI, "talks last week", "last week", "2026-01-19..2026-01-25 day"),
    (NY, "talks last week", "last week", "2025-12-22..2025-12-28 day"),
    (FRI, "talks this week", "this week", "2026-01-26..2026-02-01 day"),
    (FRI, "talks next week", "next week", "2026-02-02..2026-02-08 day"),
    (FRI, "over the past week", "past week", "2026-01-23..2026-01-30 day"),
    (FRI, "earlier this week", "earlier this week", "2026-01-26..2026-01-30 day"),
    (FRI, "earlier this month", "earlier this month", "2026-01-01..2026-01-30 month"),
    (FRI, "later this month", "later this month", "2026-01-30..2026-01-31 month"),
    (FRI, "talks last month", "last month", "2025-12-01..2025-12-31 month"),
    (NY, "talks last month", "last month", "2025-12-01..2025-12-31 month"),
    (FRI, "talks next month", "next month", "2026-02-01..2026-02-28 month"),
    (NYE, "talks next month", "next month", "2026-01-01..2026-01-31 month"),
    (FRI, "last year", "last year", "2025-01-01..2025-12-31 year"),
    (NYE, "next year", "next year", "2026-01-01..2026-12-31 year"),
    (FRI, "this year", "this year", "2026-01-01..2026-12-31 year"),
    (FRI, "two days ago", "two days ago", "2026-01-28 day"),
    (FRI, "three weeks ago", "three weeks ago", "2026-01-09 day"),
    (NY, "a week ago", "a week ago", "2025-12-26 day"),
    (FRI, "a deal within two weeks", "within two weeks", "2026-01-30..2026-02-13 day"),
    (FRI, "a deal within 30 days", "within 30 days", "2026-01-30..2026-03-01 day"),
    (FRI, "talks in two weeks", "in two weeks", "2026-02-13 day"),
    (FRI, "over the past three days", "over the past three days", "2026-01-27..2026-01-30 day"),
    (FRI, "in the next two weeks", "in the next two weeks", "2026-01-30..2026-02-13 day"),
    // Months without a year, by tense and qualifier.
    (FRI, "talks held in March the", "March", "2025-03-01..2025-03-31 month"),
    (FRI, "talks will be held in March", "March", "2026-03-01..2026-03-31 month"),
    (FRI, "talks in February", "February", "2026-02-01..2026-02-28 month"),
    (FRI, "talks last March", "last March", "2025-03-01..2025-03-31 month"),
    (FRI, "talks next March", "next March", "2026-03-01..2026-03-31 month"),
    (NYE, "a vote in January", "January", "2026-01-01..2026-01-31 month"),
    (FRI, "a deal by the end of February", "by the end of February", "..2026-02-28 month"),
    (FRI, "talks in mid-February", "mid-February", "2026-02-11..2026-02-20 month"),
    (FRI, "since early January", "since early January", "2026-01-01.. month"),
    (FRI, "in late December talks", "late December", "2025-12-21..2025-12-31 month"),
    // Seasons.
    (FRI, "an offensive last summer", "last summer", "2025-06-01..2025-08-31 month"),
    (FRI, "an offensive this spring", "this spring", "2026-03-01..2026-05-31 month"),
    (FRI, "this winter", "this winter", "2025-12-01..2026-02-28 month"),
    (FRI, "in the winter of 2022", "winter of 2022", "2022-12-01..2023-02-28 month"),
    // Years.
    (FRI, "a deal by 2027", "by 2027", "..2027-12-31 year"),
    (FRI, "talks in 2025", "2025", "2025-01-01..2025-12-31 year"),
    (FRI, "occupied since 2014", "since 2014", "2014-01-01.. year"),
    (FRI, "during earlier 2025 Istanbul talks", "earlier 2025", "2025-01-01..2025-12-31 year"),
    (FRI, "talks in early 2025", "early 2025", "2025-01-01..2025-04-30 month"),
    (FRI, "by the end of 2026", "by the end of 2026", "..2026-12-31 month"),
    (FRI, "in mid-2024", "mid-2024", "2024-05-01..2024-08-31 month"),
    (FRI, "in late 2023 the", "late 2023", "2023-09-01..2023-12-31 month"),
    // Durations tied to what they bound.
    (FRI, "a temporary, one-week moratorium on strikes against energy infrastructure, set to expire around February 1, 2026.",
        "one-week", "2026-01-25..2026-02-01 day"),
    (FRI, "a 30-day ceasefire that began on January 20.", "30-day", "2026-01-20..2026-02-19 day"),
    (FRI, "a 72-hour truce starting January 31.", "72-hour", "2026-01-31..2026-02-03 day"),
    (FRI, "the two-week pause ends on February 10.", "two-week", "2026-01-27..2026-02-10 day"),
];

fn date(s: &str) -> Date {
    s.parse().unwrap_or_else(|e| panic!("{s}: {e}"))
}

fn show(r: &DateRange) -> String {
    let d = |x: Option<Date>| x.map(|d| d.to_string()).unwrap_or_default();
    let p = r.precision.as_str();
    match (r.start, r.end) {
        (Some(a), None) if p == "day" => format!("{a} day"),
        (Some(a), Some(b)) if a == b && p == "day" => format!("{a} day"),
        (a, b) => format!("{}..{} {p}", d(a), d(b)),
    }
}

#[test]
fn the_date_table_resolves() {
    assert!(TABLE.len() >= 80, "{} rows", TABLE.len());
    let mut bad = Vec::new();
    for (anchor, text, expr, want) in TABLE {
        let found = find(text, date(anchor));
        let got: Vec<String> = found
            .iter()
            .map(|f| format!("{:?} -> {}", f.span.slice(text), show(&f.range)))
            .collect();
        let hit = found.iter().find(|f| f.span.slice(text) == *expr);
        match hit {
            Some(f) if show(&f.range) == *want => {}
            _ => bad.push(format!(
                "[{anchor}] {text:?}: want {expr:?} -> {want}; got {got:?}"
            )),
        }
    }
    assert!(
        bad.is_empty(),
        "{} of {} rows wrong:\n{}",
        bad.len(),
        TABLE.len(),
        bad.join("\n")
    );
}

#[test]
fn words_that_look_like_dates_are_not_dates() {
    let a = date(FRI);
    for t in [
        "You may say so.",
        "They march on the capital.",
        "The summer palace.",
        "A fall in prices.",
        "Article 5 of the treaty.",
    ] {
        assert!(find(t, a).is_empty(), "{t:?}: {:?}", find(t, a));
    }
}
