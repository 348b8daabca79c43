//! GDELT 2.0 exports: the Events table (61 tab-separated columns) and the
//! Mentions table (16 columns), headerless, in the column order and formats
//! of the GDELT 2.0 codebooks, so that GDELT tooling reads them unchanged.
//!
//! How chronicler's records fill GDELT's columns:
//!
//! * `GLOBALEVENTID`: [`global_event_id`], a 53-bit hash of chronicler's
//!   event id (exact in any JSON or float reader); Mentions use the same.
//! * `SQLDATE` and the other date columns: the event's first day, else its
//!   last, else the publication day of its earliest report.
//! * actors: full CAMEO code, name in upper case, country (an
//!   organisation's code such as `UNO` goes to `KnownGroupCode`), role as
//!   `Type1Code`. Ethnic and religion codes are not coded: blank.
//! * `IsRootEvent`: 1 when the representative report is in the first two
//!   sentences of its article.
//! * codes are strings with their leading zeros (`036`, base `036`,
//!   root `03`); `QuadClass` and `GoldsteinScale` from the CAMEO table.
//! * `NumSources` counts independent sources (syndicated copies once).
//! * `AvgTone`: the mean tone of the documents reporting the event,
//!   `MentionDocTone` the tone of the mention's document (see
//!   [`crate::tone`]: VADER-lexicon words, GDELT's percentage formula),
//!   when measured ([`crate::measure_tones`]), else `0`.
//! * geography: `ActionGeo_*` from the event's place: `Type` 1 country,
//!   2 US state, 3 US city or site, 4 world city, site or region (a sea,
//!   "Donbas": its own centroid), 5 world first-level subdivision; `FullName` "Place, Country";
//!   `CountryCode` the FIPS 10-4 code (the place's, else from
//!   `data/gdelt/iso3_fips.tsv`); `ADM1Code` the place's GDELT ADM1 code
//!   (FIPS country + admin1, "UP26"), the country code for a country;
//!   `ADM2Code` blank; `FeatureID` the GeoNames id of a city or site, the
//!   ADM1 code of a subdivision, the FIPS code of a country. Places read
//!   back from a store carry those codes once completed from the gazetteer
//!   (the CLI does it: `Gazetteer::complete`).
//! * `Actor1Geo_*`/`Actor2Geo_*`: the event's place when the actor is of
//!   its country (or has none), else the actor's country (type 1, its
//!   centroid when a country lookup is given to [`event_row_located`]).
//! * `DATEADDED`: the earliest ingest time of its reports, UTC,
//!   `YYYYMMDDHHMMSS`; `SOURCEURL`: the URL of its earliest report with
//!   one, else that report's document id.
//! * Mentions: one row per report (document and sentence); `MentionType`
//!   1 (web) with a URL, 2 (citation only) without; actor offsets `-1`
//!   (not kept per event); `ActionCharOffset` the character offset of the
//!   trigger in the clean text.

use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;
use std::sync::OnceLock;

use chronicler_consolidate::{Consolidated, Located};
use chronicler_core::{cameo, Actor, MergedEvent, Place, PlacePrecision};
use chronicler_store::DocFacts;

use crate::QueryError;

/// Number of columns of a GDELT 2.0 Events row.
pub const EVENT_COLUMNS: usize = 61;
/// Number of columns of a GDELT 2.0 Mentions row.
pub const MENTION_COLUMNS: usize = 16;

const FIPS_TABLE: &str = include_str!("../../../data/gdelt/iso3_fips.tsv");

/// ISO 3166 alpha-3 → (FIPS 10-4 code, English name).
fn fips_table() -> &'static BTreeMap<&'static str, (&'static str, &'static str)> {
    static T: OnceLock<BTreeMap<&'static str, (&'static str, &'static str)>> = OnceLock::new();
    T.get_or_init(|| {
        FIPS_TABLE
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| {
                let mut f = l.split('\t');
                Some((f.next()?, (f.next()?, f.next()?)))
            })
            .collect()
    })
}

/// The FIPS 10-4 code of an ISO alpha-3 country ("UKR" → "UP").
pub fn fips(iso3: &str) -> Option<&'static str> {
    fips_table().get(iso3.trim()).map(|(f, _)| *f)
}

fn country_name(iso3: &str) -> Option<&'static str> {
    fips_table().get(iso3.trim()).map(|(_, n)| *n)
}

/// The GDELT integer id of a chronicler event id (53 bits, stable).
pub fn global_event_id(id: &str) -> u64 {
    chronicler_core::text::stable_hash(&["gdelt", id]) & ((1u64 << 53) - 1)
}

/// A field with tabs and line breaks turned into spaces.
fn clean(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c == '\t' || c == '\n' || c == '\r' {
                ' '
            } else {
                c
            }
        })
        .collect()
}

/// An RFC 3339 timestamp as `YYYYMMDDHHMMSS` (UTC); empty if unreadable.
fn stamp(ts: &str) -> String {
    ts.parse::<jiff::Timestamp>()
        .ok()
        .map(|t| t.strftime("%Y%m%d%H%M%S").to_string())
        .unwrap_or_default()
}

fn actor_cols(a: Option<&Actor>) -> [String; 10] {
    let Some(a) = a else {
        return Default::default();
    };
    let country = a.country.as_deref().unwrap_or("").trim();
    let (country_code, group) = if country.is_empty() || fips(country).is_some() {
        (country.to_string(), String::new())
    } else {
        (String::new(), country.to_string())
    };
    [
        clean(&a.code),
        clean(&a.name.to_uppercase()),
        country_code,
        group,
        String::new(),
        String::new(),
        String::new(),
        a.role.clone().unwrap_or_default(),
        String::new(),
        String::new(),
    ]
}

fn num(v: f64) -> String {
    let r = (v * 1e6).round() / 1e6;
    format!("{r}")
}

fn geo_cols(p: Option<&Place>) -> [String; 8] {
    let Some(p) = p else {
        return [
            "0".into(),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
        ];
    };
    let iso = p.country.as_deref().unwrap_or("");
    let us = iso == "USA";
    let precision = p.precision();
    let kind = match precision {
        PlacePrecision::Country => 1,
        PlacePrecision::Subdivision if us => 2,
        PlacePrecision::Subdivision => 5,
        PlacePrecision::Region if p.adm1.as_deref().is_some_and(|a| !a.is_empty()) => 5,
        _ if us => 3,
        _ => 4,
    };
    let code = p
        .fips
        .as_deref()
        .filter(|f| !f.is_empty())
        .or_else(|| fips(iso))
        .unwrap_or("");
    let cname = country_name(iso);
    let full = match (kind, cname) {
        (1, Some(n)) => n.to_string(),
        (_, Some(n)) if !p.name.eq_ignore_ascii_case(n) => format!("{}, {n}", p.name),
        _ => p.name.clone(),
    };
    let adm1 = match kind {
        1 => code.to_string(),
        _ => p.adm1.clone().unwrap_or_default(),
    };
    let feature = match precision {
        PlacePrecision::Country => code.to_string(),
        PlacePrecision::Subdivision => adm1.clone(),
        _ => p.geonames_id.map(|g| g.to_string()).unwrap_or_default(),
    };
    [
        kind.to_string(),
        clean(&full),
        code.to_string(),
        clean(&adm1),
        String::new(),
        p.lat.map(num).unwrap_or_default(),
        p.lon.map(num).unwrap_or_default(),
        clean(&feature),
    ]
}

/// A country's place (ISO alpha-3 → name, centroid, codes), for actor
/// geography; the CLI answers it from the gazetteer.
pub type CountryLookup<'a> = &'a dyn Fn(&str) -> Option<Place>;

/// An actor's geography: the event's place when the actor is of its country
/// (or has no country), else the actor's country.
fn actor_geo(
    a: Option<&Actor>,
    at: Option<&Place>,
    countries: Option<CountryLookup>,
) -> [String; 8] {
    let Some(a) = a else {
        return geo_cols(None);
    };
    let country = a.country.as_deref().filter(|c| fips(c).is_some());
    match (country, at) {
        (None, at) => geo_cols(at),
        (Some(c), Some(p)) if p.country.as_deref() == Some(c) => geo_cols(Some(p)),
        (Some(c), _) => {
            let place = countries.and_then(|f| f(c)).unwrap_or_else(|| Place {
                name: country_name(c).unwrap_or(c).to_string(),
                country: Some(c.to_string()),
                kind: "country".into(),
                ..Place::default()
            });
            geo_cols(Some(&place))
        }
    }
}

/// The day an event is filed under: its first day, else its last, else
/// the publication day of its earliest report.
fn event_day(m: &MergedEvent) -> Option<jiff::civil::Date> {
    let e = &m.event;
    e.date.start.or(e.date.end).or_else(|| {
        m.mentions
            .iter()
            .filter_map(|x| x.published.as_deref()?.get(..10)?.parse().ok())
            .min()
    })
}

/// DATEADDED of an event: the earliest ingest time of its reports.
fn date_added(m: &MergedEvent, facts: &BTreeMap<String, DocFacts>) -> String {
    m.mentions
        .iter()
        .filter_map(|x| facts.get(&x.doc))
        .map(|f| stamp(&f.ingested_at))
        .filter(|s| !s.is_empty())
        .min()
        .unwrap_or_default()
}

/// AvgTone of an event: the mean tone of its documents (0 when none
/// was measured).
fn avg_tone(m: &MergedEvent, facts: &BTreeMap<String, DocFacts>) -> f64 {
    let docs: BTreeSet<&str> = m.mentions.iter().map(|x| x.doc.as_str()).collect();
    let tones: Vec<f64> = docs.iter().filter_map(|d| facts.get(*d)?.tone).collect();
    if tones.is_empty() {
        return 0.0;
    }
    tones.iter().sum::<f64>() / tones.len() as f64
}

/// One Events row (actor geography without country centroids).
pub fn event_row(m: &MergedEvent, facts: &BTreeMap<String, DocFacts>) -> Vec<String> {
    event_row_located(m, facts, None)
}

/// One Events row; `countries` gives the centroid and codes of an actor's
/// country for its `Actor*Geo_*` columns.
pub fn event_row_located(
    m: &MergedEvent,
    facts: &BTreeMap<String, DocFacts>,
    countries: Option<CountryLookup>,
) -> Vec<String> {
    let e = &m.event;
    let info = cameo::info(&e.cameo);
    let day = event_day(m);
    let (sqldate, monthyear, year, fraction) = match day {
        Some(d) => (
            d.strftime("%Y%m%d").to_string(),
            d.strftime("%Y%m").to_string(),
            d.year().to_string(),
            format!(
                "{:.4}",
                f64::from(d.year()) + (f64::from(d.month()) * 30.0 + f64::from(d.day())) / 365.0
            ),
        ),
        None => Default::default(),
    };
    let code = e.cameo.trim();
    let base: String = code.chars().take(3).collect();
    let root: String = code.chars().take(2).collect();
    let source_url = m
        .mentions
        .iter()
        .filter(|x| x.url.as_deref().is_some_and(|u| !u.trim().is_empty()))
        .min_by(|a, b| (&a.published, &a.doc).cmp(&(&b.published, &b.doc)))
        .and_then(|x| x.url.clone())
        .or_else(|| m.mentions.first().map(|x| x.doc.clone()))
        .unwrap_or_default();
    let mut row = Vec::with_capacity(EVENT_COLUMNS);
    row.push(global_event_id(&m.id).to_string());
    row.extend([sqldate, monthyear, year, fraction]);
    row.extend(actor_cols(e.source.as_ref()));
    row.extend(actor_cols(e.target.as_ref()));
    row.push(if e.evidence.sentence < 2 { "1" } else { "0" }.to_string());
    row.extend([code.to_string(), base, root]);
    row.push(info.map(|i| i.quad_class.to_string()).unwrap_or_default());
    row.push(
        info.map(|i| num(f64::from(i.goldstein)))
            .unwrap_or_default(),
    );
    row.push(m.mentions.len().to_string());
    row.push(m.num_sources.to_string());
    row.push(m.num_articles.to_string());
    row.push(num(avg_tone(m, facts)));
    let at = e.location.as_ref();
    row.extend(actor_geo(e.source.as_ref(), at, countries));
    row.extend(actor_geo(e.target.as_ref(), at, countries));
    row.extend(geo_cols(at));
    row.push(date_added(m, facts));
    row.push(clean(&source_url));
    row
}

/// Mentions rows of one event: one per report (document and sentence).
pub fn mention_rows(
    m: &MergedEvent,
    members: &[Located],
    facts: &BTreeMap<String, DocFacts>,
) -> Vec<Vec<String>> {
    let gid = global_event_id(&m.id).to_string();
    let added = date_added(m, facts);
    let mut seen = BTreeSet::new();
    let mut rows = Vec::new();
    let mut members: Vec<&Located> = members.iter().collect();
    members.sort_by(|a, b| {
        (&a.mention.doc, a.mention.start, a.mention.end).cmp(&(
            &b.mention.doc,
            b.mention.start,
            b.mention.end,
        ))
    });
    for l in members {
        let x = &l.mention;
        if !seen.insert((x.doc.clone(), x.start, x.end)) {
            continue;
        }
        let f = facts.get(&x.doc);
        let url = x.url.as_deref().map(str::trim).filter(|u| !u.is_empty());
        let name = match url.and_then(crate::url_host) {
            Some(h) => h.to_string(),
            None => crate::source_label(x),
        };
        let ev = &l.event.evidence;
        let within = ev.trigger.start.saturating_sub(ev.sentence_span.start);
        let action = x.start + chronicler_core::text::char_offset(&x.sentence, within);
        let confidence = (f64::from(l.event.confidence) * 100.0)
            .round()
            .clamp(0.0, 100.0);
        rows.push(vec![
            gid.clone(),
            added.clone(),
            f.map(|f| stamp(&f.ingested_at)).unwrap_or_default(),
            if url.is_some() { "1" } else { "2" }.to_string(),
            clean(&name),
            clean(url.unwrap_or(&x.doc)),
            (ev.sentence + 1).to_string(),
            "-1".to_string(),
            "-1".to_string(),
            action.to_string(),
            "1".to_string(),
            format!("{confidence:.0}"),
            f.map(|f| f.chars.to_string()).unwrap_or_default(),
            num(f.and_then(|f| f.tone).unwrap_or(0.0)),
            String::new(),
            String::new(),
        ]);
    }
    rows
}

fn write_rows(rows: &[Vec<String>], out: &mut dyn Write) -> Result<(), QueryError> {
    for r in rows {
        writeln!(out, "{}", r.join("\t")).map_err(|e| QueryError::Write(e.to_string()))?;
    }
    Ok(())
}

/// Writes the GDELT 2.0 Events table (headerless, tab-separated).
pub fn write_events(
    c: &Consolidated,
    facts: &BTreeMap<String, DocFacts>,
    out: &mut dyn Write,
) -> Result<(), QueryError> {
    write_events_located(c, facts, None, out)
}

/// Writes the GDELT 2.0 Events table, actor geography with `countries`.
pub fn write_events_located(
    c: &Consolidated,
    facts: &BTreeMap<String, DocFacts>,
    countries: Option<CountryLookup>,
    out: &mut dyn Write,
) -> Result<(), QueryError> {
    let rows: Vec<Vec<String>> = c
        .events
        .iter()
        .map(|m| event_row_located(m, facts, countries))
        .collect();
    write_rows(&rows, out)
}

/// Writes the GDELT 2.0 Mentions table (headerless, tab-separated).
pub fn write_mentions(
    c: &Consolidated,
    facts: &BTreeMap<String, DocFacts>,
    out: &mut dyn Write,
) -> Result<(), QueryError> {
    for (m, members) in c.events.iter().zip(&c.members) {
        write_rows(&mention_rows(m, members, facts), out)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fips_codes_differ_from_iso() {
        assert_eq!(fips("UKR"), Some("UP"));
        assert_eq!(fips("RUS"), Some("RS"));
        assert_eq!(fips("SDN"), Some("SU"));
        assert_eq!(fips("UNO"), None);
    }

    #[test]
    fn ids_fit_53_bits_and_are_stable() {
        let a = global_event_id("0123456789abcdef");
        assert!(a < 1 << 53);
        assert_eq!(a, global_event_id("0123456789abcdef"));
        assert_ne!(a, global_event_id("0123456789abcdee"));
    }

    #[test]
    fn geo_columns_follow_the_precision() {
        let city = Place {
            name: "Zaporizhzhia".into(),
            country: Some("UKR".into()),
            lat: Some(47.8229),
            lon: Some(35.1903),
            kind: "city".into(),
            fips: Some("UP".into()),
            adm1: Some("UP26".into()),
            geonames_id: Some(687700),
            precision: None,
        };
        let c = geo_cols(Some(&city));
        assert_eq!(
            c,
            [
                "4",
                "Zaporizhzhia, Ukraine",
                "UP",
                "UP26",
                "",
                "47.8229",
                "35.1903",
                "687700"
            ]
        );
        let oblast = Place {
            name: "Zaporizhzhia Oblast".into(),
            kind: "subdivision".into(),
            geonames_id: None,
            ..city.clone()
        };
        let c = geo_cols(Some(&oblast));
        assert_eq!(
            (c[0].as_str(), c[3].as_str(), c[7].as_str()),
            ("5", "UP26", "UP26")
        );
        let country = Place {
            name: "Ukraine".into(),
            country: Some("UKR".into()),
            kind: "country".into(),
            ..Place::default()
        };
        let c = geo_cols(Some(&country));
        assert_eq!(
            (c[0].as_str(), c[2].as_str(), c[3].as_str(), c[7].as_str()),
            ("1", "UP", "UP", "UP")
        );
        let texas = Place {
            name: "Texas".into(),
            country: Some("USA".into()),
            kind: "subdivision".into(),
            adm1: Some("USTX".into()),
            ..Place::default()
        };
        assert_eq!(geo_cols(Some(&texas))[0], "2");
        // An actor of another country is placed in its country.
        let rus = Actor {
            entity: "state:RUS".into(),
            name: "Russia".into(),
            code: "RUS".into(),
            country: Some("RUS".into()),
            role: None,
            kind: chronicler_core::ActorKind::State,
        };
        let g = actor_geo(Some(&rus), Some(&city), None);
        assert_eq!((g[0].as_str(), g[2].as_str()), ("1", "RS"));
        let ukr = Actor {
            country: Some("UKR".into()),
            ..rus.clone()
        };
        assert_eq!(
            actor_geo(Some(&ukr), Some(&city), None),
            geo_cols(Some(&city))
        );
    }

    #[test]
    fn stamps_are_utc_digits() {
        assert_eq!(stamp("2026-01-30T12:34:56.789Z"), "20260130123456");
        assert_eq!(stamp("nonsense"), "");
    }
}
