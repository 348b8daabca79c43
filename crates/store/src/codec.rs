//! Conversions between core values and their stored form.

use chronicler_core::{ActorKind, DateFrom, DatePrecision, MentionForm, PlacePrecision};
use jiff::civil::Date;

use crate::StoreError;

/// `insert` (an `INSERT ... INTO table (columns) VALUES`) followed by
/// `rows` lists of `columns` parameters: one statement for several rows,
/// so that a statement's own cost (binding, stepping, resetting) is paid
/// once for them all.
pub(crate) fn multi_row_insert(insert: &str, columns: usize, rows: usize) -> String {
    let row = format!("({})", vec!["?"; columns].join(", "));
    format!("{insert} {}", vec![row; rows].join(", "))
}

/// usize -> SQLite integer (saturating: offsets never come near i64::MAX).
pub(crate) fn int(u: usize) -> i64 {
    i64::try_from(u).unwrap_or(i64::MAX)
}

/// SQLite integer -> usize (negative values, which the store never writes,
/// read as 0).
pub(crate) fn uint(i: i64) -> usize {
    usize::try_from(i).unwrap_or(0)
}

pub(crate) fn kind_str(k: ActorKind) -> &'static str {
    match k {
        ActorKind::Person => "person",
        ActorKind::State => "state",
        ActorKind::Organization => "organization",
        ActorKind::Group => "group",
        ActorKind::Agent => "agent",
    }
}

pub(crate) fn parse_kind(s: &str) -> Result<ActorKind, StoreError> {
    Ok(match s {
        "person" => ActorKind::Person,
        "state" => ActorKind::State,
        "organization" => ActorKind::Organization,
        "group" => ActorKind::Group,
        "agent" => ActorKind::Agent,
        other => return Err(StoreError::Corrupt(format!("unknown actor kind {other:?}"))),
    })
}

pub(crate) fn form_str(f: MentionForm) -> &'static str {
    match f {
        MentionForm::Name => "name",
        MentionForm::Alias => "alias",
        MentionForm::Title => "title",
        MentionForm::Pronoun => "pronoun",
        MentionForm::Adjective => "adjective",
        MentionForm::Reference => "reference",
    }
}

pub(crate) fn parse_precision(s: &str) -> Result<DatePrecision, StoreError> {
    Ok(match s {
        "day" => DatePrecision::Day,
        "month" => DatePrecision::Month,
        "year" => DatePrecision::Year,
        "unknown" => DatePrecision::Unknown,
        other => {
            return Err(StoreError::Corrupt(format!(
                "unknown date precision {other:?}"
            )))
        }
    })
}

pub(crate) fn parse_place_precision(s: &str) -> Result<PlacePrecision, StoreError> {
    Ok(match s {
        "facility" => PlacePrecision::Facility,
        "city" => PlacePrecision::City,
        "subdivision" => PlacePrecision::Subdivision,
        "region" => PlacePrecision::Region,
        "country" => PlacePrecision::Country,
        other => {
            return Err(StoreError::Corrupt(format!(
                "unknown place precision {other:?}"
            )))
        }
    })
}

/// Where an event's date came from, as stored: the `date_from` column and,
/// for a carried date, the `date_from_sentence` column.
pub(crate) fn date_from_cols(d: DateFrom) -> (&'static str, Option<i64>) {
    (d.as_str(), d.sentence().map(int))
}

/// The inverse of [`date_from_cols`]; a carried date without its sentence
/// is corrupt.
pub(crate) fn parse_date_from(s: &str, sentence: Option<i64>) -> Result<DateFrom, StoreError> {
    Ok(match (s, sentence) {
        ("unrecorded", _) => DateFrom::Unrecorded,
        ("undated", _) => DateFrom::Undated,
        ("text", _) => DateFrom::Text,
        ("clause", _) => DateFrom::Clause,
        ("carried", Some(i)) => DateFrom::Carried { sentence: uint(i) },
        ("published", _) => DateFrom::Published,
        (other, _) => {
            return Err(StoreError::Corrupt(format!(
                "unknown date source {other:?} (sentence {sentence:?})"
            )))
        }
    })
}

/// A GeoNames id as SQLite stores it (ids are far below i64::MAX; one
/// above it, which no gazetteer holds, is not stored).
pub(crate) fn geonames_int(id: Option<u64>) -> Option<i64> {
    id.and_then(|g| i64::try_from(g).ok())
}

/// A stored GeoNames id (a negative one, which the store never writes,
/// reads as none).
pub(crate) fn geonames_id(i: Option<i64>) -> Option<u64> {
    i.and_then(|g| u64::try_from(g).ok())
}

pub(crate) fn date_str(d: Option<Date>) -> Option<String> {
    d.map(|d| d.to_string())
}

pub(crate) fn parse_date(s: Option<String>) -> Result<Option<Date>, StoreError> {
    match s {
        None => Ok(None),
        Some(s) => s
            .parse::<Date>()
            .map(Some)
            .map_err(|e| StoreError::Corrupt(format!("bad date {s:?}: {e}"))),
    }
}

/// The content hash of a clean text: 16 lower-case hex digits of
/// [`chronicler_core::text::stable_hash`] (FNV-1a 64), stable across
/// platforms and releases.
pub fn content_hash(clean_text: &str) -> String {
    format!("{:016x}", chronicler_core::text::stable_hash(&[clean_text]))
}
