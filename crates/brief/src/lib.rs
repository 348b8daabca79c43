//! # chronicler-brief
//!
//! The state of play on a given day, derived from merged events: the
//! process around them rather than the events one by one.
//!
//! - **Rounds of talks** (CAMEO 046, with mediators from 045): parties,
//!   mediators, venue, dates, which round of a series; held, scheduled,
//!   postponed, cancelled, or past its date with no reported outcome.
//! - **Commitments with a life span** (0871 declared/in force, 0356 agreed):
//!   ceasefires, truces, moratoria, pauses, with scope, declared date, start,
//!   end and its precision, duration, extensions, violations and claims that
//!   they are limited; their state on the day.
//! - **Exchanges** (0841 releases/returns, 0353 agreed) with directions and
//!   counts, and **suspensions** of them (1243).
//! - **Positions** (proposals 03x, demands 10x, criticism 11x, rejections
//!   12x) by actor over time, with the demands and red lines stated in
//!   words (in coded sentences and, given the documents' texts, in the
//!   other sentences of the documents in scope), and each actor's
//!   **stands** on the issues (security guarantees, territorial integrity,
//!   withdrawal of troops...) from first to last statement.
//!
//! [`brief`] builds a [`Brief`] from events ([`brief_with_texts`] also
//! reads the texts of [`documents_in_scope`]); [`markdown`] renders it. Every record keeps
//! its [`SourceRef`]s: event id, document, outlet and sentence offsets.
//! Where the coded events lack something (a duration, an expiry written in
//! words, a claim that a pause is "limited"), small general rules in `text`
//! read the evidence sentences; none names an actor or a place. The words
//! of demands, refusals, red lines and issues are data: the stances
//! dictionary of `chronicler-dict` ([`BriefOptions::stances`]).
#![deny(missing_docs)]

mod build;
mod render;
mod stance;
mod text;

pub use build::{brief, brief_reading, brief_with_texts, country_names, documents_in_scope};
pub use render::markdown;

use std::collections::BTreeMap;
use std::sync::Arc;

use chronicler_dict::stances::StanceDict;
use jiff::civil::Date;
use serde::Serialize;

/// A brief error.
#[derive(Debug, thiserror::Error, PartialEq)]
pub enum BriefError {
    /// A dyad not written as two codes.
    #[error("dyad {0:?}: expected two country codes like UKR-RUS")]
    BadDyad(String),
}

/// Whose state of play.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Scope {
    /// Everything in the store.
    #[default]
    All,
    /// Events between two countries (CAMEO/ISO alpha-3 codes, or actor
    /// code prefixes), in either direction, and the mediation of them.
    Dyad(String, String),
    /// Events where this actor (code, country or part of a name) acts or is
    /// acted upon.
    Actor(String),
}

impl Scope {
    /// Whether the brief reads an event with these actors and code: one
    /// in scope, or a mediator's whose target is. A brief built from the
    /// events this holds for (with [`BriefOptions::as_of`] and
    /// [`BriefOptions::country_names`] given as among all events) is the
    /// brief of all events.
    pub fn reads(
        &self,
        source: Option<&chronicler_core::Actor>,
        target: Option<&chronicler_core::Actor>,
        cameo: &str,
    ) -> bool {
        build::scope_holds(self, source, target, false)
            || (cameo.starts_with("045") && build::scope_holds(self, source, target, true))
    }

    /// Parses `UKR-RUS` (also `UKR,RUS`, `UKR:RUS`, `UKR RUS`).
    pub fn dyad(spec: &str) -> Result<Scope, BriefError> {
        let parts: Vec<&str> = spec
            .split(['-', ',', ':', ' ', '/'])
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .collect();
        match parts.as_slice() {
            [a, b]
                if a != b
                    && [a, b]
                        .iter()
                        .all(|p| p.len() >= 3 && p.chars().all(|c| c.is_ascii_alphanumeric())) =>
            {
                Ok(Scope::Dyad(a.to_ascii_uppercase(), b.to_ascii_uppercase()))
            }
            _ => Err(BriefError::BadDyad(spec.to_string())),
        }
    }

    /// How the scope is named in a report heading.
    pub fn label(&self) -> String {
        match self {
            Scope::All => "all actors".into(),
            Scope::Dyad(a, b) => format!("{a} – {b}"),
            Scope::Actor(a) => a.clone(),
        }
    }
}

/// What to brief on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BriefOptions {
    /// Whose state of play.
    pub scope: Scope,
    /// The day (None: the newest publication date among the events).
    pub as_of: Option<Date>,
    /// How many days back "just happened" reaches.
    pub recent_days: i64,
    /// How many days ahead "coming up" and "expiring" reach.
    pub expiring_days: i64,
    /// The words of demands, refusals and red lines and the issues they
    /// touch (default: the built-in `data/dictionaries/stances.txt`;
    /// `StanceDict::load(Some(dir))` adds the user's `stances*.txt`).
    pub stances: Arc<StanceDict>,
    /// The readable names of country codes (None: [`country_names`] of
    /// the events known on the as-of day). Given when the brief is built
    /// from the events its scope reads alone ([`Scope::reads`]), so that
    /// parties are named as among all events.
    pub country_names: Option<std::collections::BTreeMap<String, String>>,
}

impl Default for BriefOptions {
    fn default() -> Self {
        BriefOptions {
            scope: Scope::All,
            as_of: None,
            recent_days: 14,
            expiring_days: 7,
            stances: StanceDict::builtin(),
            country_names: None,
        }
    }
}

/// What the brief asks of a merged event before it is merged: its actors,
/// code and the publication days of its reports (a store's kept rows give
/// these for every merged event at the cost of one row each).
#[derive(Debug, Clone, Copy)]
pub struct EventHead<'a> {
    /// Source actor.
    pub source: Option<&'a chronicler_core::Actor>,
    /// Target actor.
    pub target: Option<&'a chronicler_core::Actor>,
    /// CAMEO code.
    pub cameo: &'a str,
    /// The first publication day among its reports (those with one).
    pub first_report: Option<Date>,
    /// Whether one of its reports has no readable publication day.
    pub undated_report: bool,
}

/// Picks, one merged event at a time and in any order, the events the
/// brief of `opts` reads (in scope on its day, or every event for
/// [`Scope::All`]), and learns meanwhile the names of countries as among
/// all the events reported by then (see [`country_names`]), so that a
/// brief built from the events picked alone, with those names, is the
/// brief of all events. `K` places an event in the events' order; the
/// day (`opts.as_of`) must be set first (the newest first report when
/// none was asked for).
#[derive(Debug, Clone)]
pub struct Selection<K> {
    /// Each country's name, with where its naming actor stands (event,
    /// then source before target).
    names: BTreeMap<String, ((K, u8), String)>,
}

impl<K: Ord + Clone> Default for Selection<K> {
    fn default() -> Self {
        Selection {
            names: BTreeMap::new(),
        }
    }
}

impl<K: Ord + Clone> Selection<K> {
    /// Whether the brief of `opts` reads the event `head`, which stands at
    /// `order` among all.
    pub fn pick(&mut self, opts: &BriefOptions, order: &K, head: &EventHead<'_>) -> bool {
        let known = opts
            .as_of
            .is_none_or(|a| head.undated_report || head.first_report.is_some_and(|d| d <= a));
        if known {
            for (side, actor) in [head.source, head.target].into_iter().enumerate() {
                let Some(actor) = actor else { continue };
                let at = (order.clone(), u8::from(side == 1));
                for (country, name) in country_names([actor]) {
                    match self.names.entry(country) {
                        std::collections::btree_map::Entry::Vacant(v) => {
                            v.insert((at.clone(), name));
                        }
                        std::collections::btree_map::Entry::Occupied(mut o) => {
                            if at < o.get().0 {
                                o.insert((at.clone(), name));
                            }
                        }
                    }
                }
            }
        }
        opts.scope == Scope::All
            || (known && opts.scope.reads(head.source, head.target, head.cameo))
    }

    /// The countries' names learnt (for [`BriefOptions::country_names`]).
    pub fn country_names(self) -> BTreeMap<String, String> {
        self.names.into_iter().map(|(c, (_, n))| (c, n)).collect()
    }
}

/// A stored document's clean text, where positions stated outside coded
/// events are read.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct DocText {
    /// Document id.
    pub doc: String,
    /// Article URL.
    pub url: Option<String>,
    /// Outlet.
    pub outlet: Option<String>,
    /// Publication date (ISO).
    pub published: Option<String>,
    /// The clean text (character offsets of evidence count in it).
    pub text: String,
}

/// One piece of evidence: an event's mention in a document, or a sentence
/// of a document in scope.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SourceRef {
    /// The merged event's id (empty for a sentence no event is coded from).
    pub event: String,
    /// Document id.
    pub doc: String,
    /// Outlet, else the URL's host, else the document id.
    pub source: String,
    /// Article URL.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Publication date (ISO).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
    /// Character offset of the sentence in the document's clean text.
    pub start: usize,
    /// Character offset one past its end.
    pub end: usize,
    /// The sentence.
    pub sentence: String,
}

/// Where a record goes in the report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Section {
    /// Scheduled, or starting, after the day.
    ComingUp,
    /// In force on the day (and when it expires).
    InForce,
    /// Happened (or ran out) within `recent_days` before the day.
    JustHappened,
    /// Suspended, postponed, cancelled, or past its date with no outcome.
    Stalled,
    /// Older.
    Background,
}

impl Section {
    /// Every section, in report order.
    pub const ALL: [Section; 5] = [
        Section::ComingUp,
        Section::InForce,
        Section::JustHappened,
        Section::Stalled,
        Section::Background,
    ];

    /// Heading.
    pub fn title(self) -> &'static str {
        match self {
            Section::ComingUp => "Coming up",
            Section::InForce => "In force and expiring",
            Section::JustHappened => "Just happened",
            Section::Stalled => "Stalled or suspended",
            Section::Background => "Earlier",
        }
    }
}

/// A day or a range of days, with how precisely it is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct When {
    /// First day.
    pub start: Option<Date>,
    /// Last day (inclusive), if a range.
    pub end: Option<Date>,
    /// "day", "month", "year", "approximate", "unknown".
    pub precision: &'static str,
}

impl When {
    /// No date.
    pub const UNKNOWN: When = When {
        start: None,
        end: None,
        precision: "unknown",
    };

    /// The last day covered.
    pub fn last(&self) -> Option<Date> {
        self.end.or(self.start)
    }

    /// Readable: `2026-01-23..2026-01-24`, `2026-02-01`, `undated`.
    pub fn show(&self) -> String {
        let p = if self.precision == "approximate" {
            "~"
        } else {
            ""
        };
        match (self.start, self.end) {
            (Some(s), Some(e)) if s != e => format!("{p}{s}..{e}"),
            (Some(s), _) => format!("{p}{s}"),
            (None, Some(e)) => format!("..{p}{e}"),
            (None, None) => "undated".into(),
        }
    }
}

/// Where a round of talks stands on the day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RoundState {
    /// Reported as held.
    Held,
    /// Scheduled for the day or later.
    Scheduled,
    /// Reported postponed.
    Postponed,
    /// Reported cancelled.
    Cancelled,
    /// Scheduled for a day now past, with no report that it was held.
    PastNoOutcome,
}

/// A round of talks or a meeting between parties.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Round {
    /// The parties (names).
    pub parties: Vec<String>,
    /// Mediators or facilitators (names).
    pub mediators: Vec<String>,
    /// Venue, if reported.
    pub venue: Option<String>,
    /// When.
    pub when: When,
    /// Its place in a series ("the second round"), when the text says.
    pub ordinal: Option<u32>,
    /// The state on the day.
    pub state: RoundState,
    /// The round before it between the same parties (venue and dates).
    pub previous: Option<String>,
    /// Where the brief puts it.
    pub section: Section,
    /// Evidence.
    pub sources: Vec<SourceRef>,
}

/// Where a commitment stands on the day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CommitmentState {
    /// Agreed or announced; no report yet that it took effect.
    Announced,
    /// Starts after the day.
    Upcoming,
    /// Reported in force.
    InForce,
    /// Extended past its first end.
    Extended,
    /// Reported violated.
    Violated,
    /// Past its end.
    Expired,
}

/// A claim about a commitment by one side ("the pause was limited").
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Claim {
    /// Who makes it, when the sentence names a known actor.
    pub by: Option<String>,
    /// "limited" or "violated".
    pub claim: &'static str,
    /// The evidence.
    pub source: SourceRef,
}

/// A ceasefire, truce, moratorium or pause with a life span.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Commitment {
    /// "ceasefire", "truce", "moratorium", "pause", "armistice".
    pub kind: String,
    /// What it covers ("energy infrastructure"), when reported.
    pub scope: Option<String>,
    /// The parties (names).
    pub parties: Vec<String>,
    /// Who brokered it.
    pub mediators: Vec<String>,
    /// When it was first reported declared or agreed.
    pub declared: Option<Date>,
    /// First day in force, if reported.
    pub start: Option<Date>,
    /// Last day (expiry), if reported or derived from a duration.
    pub end: Option<Date>,
    /// "day" when given as a date, "approximate" ("around February 1", or
    /// computed from a duration), "unknown".
    pub end_precision: &'static str,
    /// The duration as written ("one-week", "three-month").
    pub duration: Option<String>,
    /// The end before an extension.
    pub extended_from: Option<Date>,
    /// The state on the day.
    pub state: CommitmentState,
    /// Days from the day to the end (negative: past).
    pub days_left: Option<i64>,
    /// Claims by one side (limited, violated).
    pub claims: Vec<Claim>,
    /// Where the brief puts it.
    pub section: Section,
    /// Evidence.
    pub sources: Vec<SourceRef>,
}

/// One direction of an exchange.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Transfer {
    /// Who hands over.
    pub from: Option<String>,
    /// Who receives.
    pub to: Option<String>,
    /// How many, if counted.
    pub count: Option<f64>,
    /// What ("remains of Ukrainian soldiers", "Russian servicemen", "hostages").
    pub what: String,
}

/// An exchange or release of prisoners, remains or hostages on one day.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Exchange {
    /// The parties (names).
    pub parties: Vec<String>,
    /// When.
    pub when: When,
    /// True when done, false when agreed or scheduled.
    pub done: bool,
    /// Phase or round of a series, when the text numbers it or the series
    /// has several.
    pub phase: Option<u32>,
    /// The directions and counts.
    pub transfers: Vec<Transfer>,
    /// Where the brief puts it.
    pub section: Section,
    /// Evidence.
    pub sources: Vec<SourceRef>,
}

/// A suspension of a process (exchanges, talks).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Suspension {
    /// Who suspends.
    pub by: Option<String>,
    /// Toward whom.
    pub toward: Option<String>,
    /// What ("prisoner exchanges").
    pub what: String,
    /// When it was reported or dated.
    pub when: When,
    /// A later exchange between the same parties was reported.
    pub resumed: bool,
    /// Where the brief puts it.
    pub section: Section,
    /// Evidence.
    pub sources: Vec<SourceRef>,
}

/// A stance taken by an actor: a proposal, demand, rejection, criticism.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Position {
    /// Who.
    pub actor: String,
    /// Toward whom.
    pub toward: Option<String>,
    /// "proposes", "demands", "rejects", "criticises", "offers".
    pub stance: &'static str,
    /// What, in words (CAMEO label, venue).
    pub what: String,
    /// The venue proposed or rejected, if any.
    pub venue: Option<String>,
    /// CAMEO code.
    pub cameo: String,
    /// When.
    pub when: When,
    /// Answers from the other side (later rejections or counter-proposals).
    pub answers: Vec<String>,
    /// What is demanded or refused, in the sentence's words.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub topic: Option<String>,
    /// The issues it touches ("security guarantees", "territorial
    /// integrity", "withdrawal of troops").
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub issues: Vec<String>,
    /// The sentence calls it a red line (non-negotiable, will never accept).
    pub red_line: bool,
    /// Evidence.
    pub sources: Vec<SourceRef>,
}

/// One actor's stand on one issue over time, from its positions.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Stand {
    /// Who.
    pub actor: String,
    /// The issue ("security guarantees").
    pub issue: String,
    /// Its stances on it, in order of first appearance ("demands",
    /// "rejects").
    pub stances: Vec<&'static str>,
    /// First statement.
    pub first: Option<Date>,
    /// Last statement.
    pub last: Option<Date>,
    /// Positions stating it.
    pub statements: usize,
    /// Called a red line at least once.
    pub red_line: bool,
}

/// The state of play on a day.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Brief {
    /// The day.
    pub as_of: Option<Date>,
    /// Whose ("UKR – RUS").
    pub scope: String,
    /// Events read (after scope and as-of filtering).
    pub events: usize,
    /// Rounds of talks, by date.
    pub rounds: Vec<Round>,
    /// Commitments with a life span.
    pub commitments: Vec<Commitment>,
    /// Exchanges, by date.
    pub exchanges: Vec<Exchange>,
    /// Suspensions.
    pub suspensions: Vec<Suspension>,
    /// Positions, by actor then date.
    pub positions: Vec<Position>,
    /// Stands on issues, by actor then issue.
    pub stands: Vec<Stand>,
}
