//! Selecting events.

use chronicler_core::{Actor, MergedEvent, Status};
use jiff::civil::Date;

/// Which events to keep. Every field set must match; unset fields match all.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct EventFilter {
    /// An actor as source or target: its CAMEO code ("UKRGOV"), country
    /// ("UKR", "UNO") or part of its name ("Zelenskyy"), case-insensitive.
    pub actor: Option<String>,
    /// A CAMEO code or prefix: a root ("04") or a code ("046").
    pub cameo: Option<String>,
    /// Events on or after this day (events whose range ends before it are dropped).
    pub from: Option<Date>,
    /// Events on or before this day.
    pub to: Option<Date>,
    /// Status.
    pub status: Option<Status>,
    /// Text that must occur in one of the event's sentences, case-insensitive.
    pub text: Option<String>,
}

impl EventFilter {
    /// True when `e` passes the filter. Undated events pass a date filter
    /// only when none is set.
    pub fn matches(&self, e: &MergedEvent) -> bool {
        let ev = &e.event;
        if !self.matches_fields(
            ev.source.as_ref(),
            ev.target.as_ref(),
            &ev.cameo,
            ev.status,
            ev.date.start,
            ev.date.end,
        ) {
            return false;
        }
        if let Some(t) = self.text.as_deref() {
            let t = t.to_lowercase();
            if !e
                .mentions
                .iter()
                .any(|m| m.sentence.to_lowercase().contains(&t))
            {
                return false;
            }
        }
        true
    }

    /// [`EventFilter::matches`] for everything but the text: whether an
    /// event with these actors, code, status and first and last days passes.
    pub fn matches_fields(
        &self,
        source: Option<&Actor>,
        target: Option<&Actor>,
        cameo: &str,
        status: Status,
        start: Option<Date>,
        end: Option<Date>,
    ) -> bool {
        if let Some(a) = self.actor.as_deref() {
            let hit = |x: Option<&Actor>| x.is_some_and(|x| actor_matches(x, a));
            if !hit(source) && !hit(target) {
                return false;
            }
        }
        if let Some(c) = self.cameo.as_deref() {
            if !cameo.starts_with(c.trim()) {
                return false;
            }
        }
        if self.status.is_some_and(|s| s != status) {
            return false;
        }
        if self.from.is_some() || self.to.is_some() {
            let (Some(first), Some(last)) = (start.or(end), end.or(start)) else {
                return false;
            };
            if self.from.is_some_and(|f| last < f) || self.to.is_some_and(|t| first > t) {
                return false;
            }
        }
        true
    }

    /// Keeps the events that match, in their order.
    pub fn apply(&self, events: Vec<MergedEvent>) -> Vec<MergedEvent> {
        events.into_iter().filter(|e| self.matches(e)).collect()
    }
}

fn actor_matches(actor: &Actor, query: &str) -> bool {
    let q = query.trim();
    if q.is_empty() {
        return true;
    }
    actor.code.eq_ignore_ascii_case(q)
        || actor
            .country
            .as_deref()
            .is_some_and(|c| c.eq_ignore_ascii_case(q))
        || actor.name.to_lowercase().contains(&q.to_lowercase())
}
