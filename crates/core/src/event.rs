//! Analysis results and events.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::{CleanDocument, Published, Sentence, Span};

/// What kind of thing an actor is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ActorKind {
    /// A named person.
    Person,
    /// A state or its government (including metonyms: "Kyiv", "the Kremlin").
    State,
    /// An international or non-governmental organisation.
    Organization,
    /// An armed non-state group.
    Group,
    /// A generic agent with a nationality ("Russian servicemen").
    Agent,
}

/// A resolved actor: who it is and how CAMEO codes it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Actor {
    /// Stable entity key, e.g. `person:volodymyr-zelenskyy`, `state:UKR`,
    /// `org:UNO`. Mentions of one entity share it.
    pub entity: String,
    /// Canonical name ("Volodymyr Zelenskyy", "Ukraine", "Kremlin").
    pub name: String,
    /// Full CAMEO actor code ("UKRGOV", "IGOUNO", "RUSMIL").
    pub code: String,
    /// CAMEO/ISO 3166 alpha-3 country, or the known-group code of an
    /// international organisation ("UNO", "EEC").
    pub country: Option<String>,
    /// CAMEO type code ("GOV", "MIL", "CVL"...), if any.
    pub role: Option<String>,
    /// What it is.
    pub kind: ActorKind,
}

impl Actor {
    /// Whether the actor opposes its own state from within: opposition,
    /// rebels, insurgents, separatists, unaffiliated armed men (their
    /// CAMEO roles), whatever its kind.
    pub fn is_dissident(&self) -> bool {
        matches!(
            self.role.as_deref(),
            Some("OPP" | "REB" | "INS" | "SEP" | "UAF")
        )
    }
}

/// How a mention names its actor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MentionForm {
    /// A dictionary name ("Volodymyr Zelenskyy", "Ukraine", "the Kremlin").
    Name,
    /// A name variant tied to an entity named earlier (surname alone).
    Alias,
    /// A title or description ("the Ukrainian president").
    Title,
    /// A pronoun ("he").
    Pronoun,
    /// A demonym or adjective ("Ukrainian", "Russian").
    Adjective,
    /// A definite description resolved to an actor named earlier in the
    /// article ("the network", "the rebels", "its foreign ministry").
    Reference,
}

impl MentionForm {
    /// True for a mention that names its actor only through an earlier
    /// mention (a pronoun or a resolved description): a coreference, less
    /// sure than a name.
    pub fn is_coreference(self) -> bool {
        matches!(self, MentionForm::Pronoun | MentionForm::Reference)
    }
}

/// One place in the text where an actor is named.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ActorMention {
    /// Sentence index.
    pub sentence: usize,
    /// Where it lies in the clean text.
    pub span: Span,
    /// Who.
    pub actor: Actor,
    /// How it was named.
    pub form: MentionForm,
}

impl ActorMention {
    /// A capital named as a place, not as its government: "talks in
    /// Muscat", "the Doha process", "the Muscat talks" (`text` is the
    /// document's clean text). Such a mention is neither a side of the
    /// article nor an antecedent of "the government", which in an article
    /// about Yemen's talks in Muscat is Yemen's, not Oman's.
    pub fn capital_as_venue(&self, text: &str) -> bool {
        if !self.is_capital_name() {
            return false;
        }
        let before = text
            .get(..self.span.start)
            .and_then(|t| t.split_whitespace().next_back())
            .unwrap_or("")
            .to_ascii_lowercase();
        matches!(before.as_str(), "in" | "at" | "near" | "from" | "outside")
            || self.names_process_venue(text)
    }

    /// A state's name after a locative preposition ("his capture in
    /// Kenya", "talks at Abu Dhabi"): where something happened, not an
    /// actor a later "the government" can stand for.
    pub fn state_as_place(&self, text: &str) -> bool {
        if self.actor.kind != ActorKind::State || self.form != MentionForm::Name {
            return false;
        }
        let before = text
            .get(..self.span.start)
            .and_then(|t| t.split_whitespace().next_back())
            .unwrap_or("");
        ["in", "at", "near", "outside"]
            .iter()
            .any(|p| before.eq_ignore_ascii_case(p))
    }

    /// A capital before a noun of a diplomatic process ("the Muscat
    /// talks", "the Doha process", `text::PROCESS_NOUNS`): where the
    /// process happens.
    pub fn names_process_venue(&self, text: &str) -> bool {
        self.is_capital_name()
            && text
                .get(self.span.end..)
                .and_then(|t| t.split_whitespace().next())
                .map(|w| {
                    w.trim_end_matches(|c: char| !c.is_alphanumeric())
                        .to_ascii_lowercase()
                })
                .is_some_and(|w| crate::text::PROCESS_NOUNS.contains(&w.as_str()))
    }

    /// A state named by its seat of government (coded `<CTRY>GOV`).
    fn is_capital_name(&self) -> bool {
        self.actor.kind == ActorKind::State
            && self.form == MentionForm::Name
            && self.actor.role.as_deref() == Some("GOV")
    }
}

/// How precisely a place locates an event, from the most to the least
/// precise. A country is never a point: an event placed in one keeps
/// precision `country` (its coordinates are a centroid).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PlacePrecision {
    /// A plant, a crossing, a bridge, a hospital.
    Facility,
    /// A city, town or capital.
    City,
    /// A first-level subdivision (oblast, province, state).
    Subdivision,
    /// A region, sea or strait (several subdivisions or countries).
    Region,
    /// A whole country.
    Country,
}

impl PlacePrecision {
    /// Lower-case name, as exported.
    pub fn as_str(self) -> &'static str {
        match self {
            PlacePrecision::Facility => "facility",
            PlacePrecision::City => "city",
            PlacePrecision::Subdivision => "subdivision",
            PlacePrecision::Region => "region",
            PlacePrecision::Country => "country",
        }
    }

    /// The precision of a gazetteer kind ("capital" -> city, "site" ->
    /// facility); unknown kinds are taken as a country (never a point).
    pub fn of_kind(kind: &str) -> PlacePrecision {
        match kind {
            "facility" | "site" => PlacePrecision::Facility,
            "capital" | "city" => PlacePrecision::City,
            "subdivision" => PlacePrecision::Subdivision,
            "region" => PlacePrecision::Region,
            _ => PlacePrecision::Country,
        }
    }
}

/// A place: a country, city, region or site.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Place {
    /// Canonical name.
    pub name: String,
    /// ISO 3166 alpha-3 country.
    pub country: Option<String>,
    /// Latitude, WGS84.
    pub lat: Option<f64>,
    /// Longitude, WGS84.
    pub lon: Option<f64>,
    /// "country", "city", "capital", "subdivision", "region", "facility", "site".
    pub kind: String,
    /// GDELT's FIPS 10-4 country code ("UP" for Ukraine, "GZ" for the Gaza Strip).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fips: Option<String>,
    /// GDELT's first-level subdivision code: FIPS country + GeoNames admin1 ("UP26").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub adm1: Option<String>,
    /// GeoNames feature id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub geonames_id: Option<u64>,
    /// How precisely it locates an event (None: not resolved; see
    /// [`Place::precision`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub precision: Option<PlacePrecision>,
}

impl Place {
    /// Its precision, from `kind` when not set.
    pub fn precision(&self) -> PlacePrecision {
        self.precision
            .unwrap_or_else(|| PlacePrecision::of_kind(&self.kind))
    }
}

/// One place named in the text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlaceMention {
    /// Sentence index.
    pub sentence: usize,
    /// Where it lies in the clean text.
    pub span: Span,
    /// Which place.
    pub place: Place,
}

/// How precisely a date is known.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DatePrecision {
    /// To the day.
    Day,
    /// To the month.
    Month,
    /// To the year.
    Year,
    /// Not known.
    #[default]
    Unknown,
}

impl DatePrecision {
    /// Lower-case name, as exported.
    pub fn as_str(self) -> &'static str {
        match self {
            DatePrecision::Day => "day",
            DatePrecision::Month => "month",
            DatePrecision::Year => "year",
            DatePrecision::Unknown => "unknown",
        }
    }
}

/// A date or date range resolved against the publication date.
#[derive(Debug, Clone, Default, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct DateRange {
    /// First day (None: open start).
    pub start: Option<Date>,
    /// Last day, inclusive (None: same as start, or open end when `start` is None).
    pub end: Option<Date>,
    /// Precision.
    pub precision: DatePrecision,
    /// True when the text hedges it ("around February 1", "early March") or
    /// it is derived from a duration ("a one-week moratorium set to expire
    /// around February 1": the start).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub approximate: bool,
}

impl DateRange {
    /// A single known day.
    pub fn day(d: Date) -> DateRange {
        DateRange {
            start: Some(d),
            end: None,
            precision: DatePrecision::Day,
            ..Default::default()
        }
    }

    /// No date.
    pub fn unknown() -> DateRange {
        DateRange {
            start: None,
            end: None,
            precision: DatePrecision::Unknown,
            ..Default::default()
        }
    }
}

/// A date expression found in the text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DateMention {
    /// Sentence index.
    pub sentence: usize,
    /// Where it lies in the clean text.
    pub span: Span,
    /// What it resolves to.
    pub range: DateRange,
}

/// A number with what it counts ("1,000 Ukrainian soldiers").
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Quantity {
    /// Sentence index.
    pub sentence: usize,
    /// Where the number lies in the clean text.
    pub span: Span,
    /// Its value (for a vague count, the lower bound of its range).
    pub value: f64,
    /// What is counted ("Ukrainian soldiers", "bodies", "degrees Celsius").
    pub unit: String,
    /// The number as written ("1,000").
    pub text: String,
    /// A qualifier before it: "about", "at least", "more than", "up to"...
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub qualifier: Option<String>,
    /// Lowest value it stands for ("at least 12": 12; "hundreds": 200).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<f64>,
    /// Highest value it stands for ("up to 30": 30; "hundreds": 999).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<f64>,
    /// What kind of count it is: "killed", "wounded", "bodies", "prisoners",
    /// "people", "soldiers", "drones", "money", "temperature"...
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
}

/// A name that looks like an actor but that no dictionary knows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnresolvedName {
    /// Sentence index.
    pub sentence: usize,
    /// Where it lies.
    pub span: Span,
    /// The name.
    pub text: String,
}

/// A document with everything the analysis stage found in it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AnalyzedDocument {
    /// The clean document.
    pub doc: CleanDocument,
    /// Its publication date, resolved (inferred from the text if need be).
    pub published: Published,
    /// Sentences, in order.
    pub sentences: Vec<Sentence>,
    /// Actor mentions, in text order.
    pub actors: Vec<ActorMention>,
    /// Place mentions, in text order.
    pub places: Vec<PlaceMention>,
    /// Date expressions, in text order.
    pub dates: Vec<DateMention>,
    /// Quantities, in text order.
    pub quantities: Vec<Quantity>,
    /// Capitalised names no dictionary resolved.
    pub unresolved: Vec<UnresolvedName>,
    /// The text's language: a document not in English is stored with its
    /// sentences but no mentions, and not coded.
    #[serde(default)]
    pub language: crate::Language,
}

impl AnalyzedDocument {
    /// The text of sentence `i` ("" if out of range).
    pub fn sentence_text(&self, i: usize) -> &str {
        self.sentences
            .get(i)
            .map_or("", |s| s.span.slice(&self.doc.text))
    }
}

/// Where an event stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// It happened.
    Occurred,
    /// Planned for a date.
    Scheduled,
    /// Offered, proposed, invited.
    Proposed,
    /// Refused (CAMEO 12x).
    Rejected,
    /// A state still in force (a truce that holds, a suspension).
    Ongoing,
    /// Ran out.
    Expired,
}

impl Status {
    /// Every status, in a fixed order.
    pub const ALL: [Status; 6] = [
        Status::Occurred,
        Status::Scheduled,
        Status::Proposed,
        Status::Rejected,
        Status::Ongoing,
        Status::Expired,
    ];

    /// Lower-case name, as exported.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Occurred => "occurred",
            Status::Scheduled => "scheduled",
            Status::Proposed => "proposed",
            Status::Rejected => "rejected",
            Status::Ongoing => "ongoing",
            Status::Expired => "expired",
        }
    }

    /// Parses a lower-case name.
    pub fn parse(s: &str) -> Option<Status> {
        Status::ALL
            .into_iter()
            .find(|st| st.as_str() == s.trim().to_ascii_lowercase())
    }
}

/// The evidence of a coded event inside its document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Evidence {
    /// Sentence index.
    pub sentence: usize,
    /// The sentence's span in the clean text.
    pub sentence_span: Span,
    /// The words that triggered the code (verb or noun phrase).
    pub trigger: Span,
    /// Where the event's date came from (kept by the store since schema
    /// version 13; events stored before say [`DateFrom::Unrecorded`]).
    #[serde(default, skip_serializing_if = "DateFrom::is_unrecorded")]
    pub date_from: DateFrom,
}

/// Where a coded event's date came from.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DateFrom {
    /// Not recorded (an event stored before schema version 13).
    #[default]
    Unrecorded,
    /// The event has no date.
    Undated,
    /// A date expression of its own sentence.
    Text,
    /// The date anchoring the subordinate clause the act is told in ("after
    /// an attack on April 22", "since the March 12 strike"): background, no
    /// date for the acts after it.
    Clause,
    /// The date of an earlier dated act that this past-tense sentence
    /// continues ("Indian troops struck nine sites on May 7. New Delhi
    /// blamed Pakistan."): the index of that act's sentence.
    Carried {
        /// Sentence index of the act the date comes from.
        sentence: usize,
    },
    /// The publication day: a fresh act with no date of its own.
    Published,
}

impl DateFrom {
    /// True for [`DateFrom::Unrecorded`].
    pub fn is_unrecorded(&self) -> bool {
        *self == DateFrom::Unrecorded
    }

    /// Lower-case name, as stored and exported: "unrecorded", "undated",
    /// "text", "clause", "carried", "published".
    pub fn as_str(&self) -> &'static str {
        match self {
            DateFrom::Unrecorded => "unrecorded",
            DateFrom::Undated => "undated",
            DateFrom::Text => "text",
            DateFrom::Clause => "clause",
            DateFrom::Carried { .. } => "carried",
            DateFrom::Published => "published",
        }
    }

    /// The sentence a carried date comes from.
    pub fn sentence(&self) -> Option<usize> {
        match self {
            DateFrom::Carried { sentence } => Some(*sentence),
            _ => None,
        }
    }

    /// For people: "date from sentence text", "date carried from sentence 3".
    pub fn describe(&self) -> String {
        match self {
            DateFrom::Unrecorded => "date source not recorded".into(),
            DateFrom::Undated => "no date".into(),
            DateFrom::Text => "date from its sentence".into(),
            DateFrom::Clause => "date of its clause".into(),
            DateFrom::Carried { sentence } => format!("date carried from sentence {sentence}"),
            DateFrom::Published => "date of publication".into(),
        }
    }
}

/// One event coded from one sentence of one document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CodedEvent {
    /// Who acts.
    pub source: Option<Actor>,
    /// Who is acted upon.
    pub target: Option<Actor>,
    /// CAMEO event code ("036", "0841").
    pub cameo: String,
    /// Where it stands.
    pub status: Status,
    /// When.
    pub date: DateRange,
    /// Where.
    pub location: Option<Place>,
    /// Counts attached to it.
    pub quantities: Vec<Quantity>,
    /// A mutual act: source and target may be read in either order.
    pub symmetric: bool,
    /// Where it was found.
    pub evidence: Evidence,
    /// How sure the coder is, 0 to 1.
    pub confidence: f32,
    /// The dictionary pattern that coded it (for explanations).
    pub rule: String,
}

/// A mention of a merged event: one coded event in one document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventMention {
    /// Document id.
    pub doc: String,
    /// Input path.
    pub path: String,
    /// Article URL.
    pub url: Option<String>,
    /// Outlet.
    pub outlet: Option<String>,
    /// Publication date (ISO).
    pub published: Option<String>,
    /// Sentence text.
    pub sentence: String,
    /// Character offset of the sentence in the clean text.
    pub start: usize,
    /// Character offset one past the sentence's end.
    pub end: usize,
}

/// One happening, merged from every coded event that reports it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MergedEvent {
    /// Stable id: the same inputs give the same id.
    pub id: String,
    /// The representative coded event (most specific code, best date).
    pub event: CodedEvent,
    /// Every mention, ordered by document id then offset.
    pub mentions: Vec<EventMention>,
    /// Distinct documents.
    pub num_articles: usize,
    /// Distinct outlets.
    pub num_sources: usize,
}
