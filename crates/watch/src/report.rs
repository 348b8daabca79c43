//! What changed: the report a poll round produces, and where it goes
//! (printed, appended to a JSON Lines file, POSTed to a webhook).

use std::collections::BTreeSet;
use std::io::Write;

use chronicler_brief::{Brief, CommitmentState, RoundState, Scope, SourceRef};
use chronicler_core::MergedEvent;
use jiff::civil::Date;
use serde::Serialize;

use crate::config::Follow;

/// What kind of change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ChangeKind {
    /// A new article was stored.
    Document,
    /// A story (documents about one happening) appeared.
    NewStory,
    /// A known story got new documents.
    StoryUpdated,
    /// A new event involving a followed actor or dyad.
    FollowedEvent,
    /// Talks or a meeting scheduled within the horizon (from the state of
    /// play; each round reported once).
    ScheduledTalks,
    /// A commitment (ceasefire, truce, moratorium, pause) in force whose
    /// end falls within the horizon (from the state of play; reported once
    /// per end date, so again when it is extended).
    Expiring,
    /// A feed could not be polled.
    FeedFailed,
    /// An article could not be fetched or read.
    ItemFailed,
}

/// One reported change (one JSON Lines record).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Change {
    /// What kind.
    pub kind: ChangeKind,
    /// When it was noticed (RFC 3339).
    pub at: String,
    /// The feed it came from, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub feed: Option<String>,
    /// Story, event or document id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// A one-line description.
    pub title: String,
    /// The article URL, when one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// The day it happens or happened, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// The new documents it is drawn from.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub documents: Vec<String>,
}

impl ChangeKind {
    /// The name used in JSON (`new_story`, `expiring`...).
    pub fn as_str(self) -> &'static str {
        match self {
            ChangeKind::Document => "document",
            ChangeKind::NewStory => "new_story",
            ChangeKind::StoryUpdated => "story_updated",
            ChangeKind::FollowedEvent => "followed_event",
            ChangeKind::ScheduledTalks => "scheduled_talks",
            ChangeKind::Expiring => "expiring",
            ChangeKind::FeedFailed => "feed_failed",
            ChangeKind::ItemFailed => "item_failed",
        }
    }
}

impl Change {
    /// A change with only a kind and a title.
    pub fn new(kind: ChangeKind, title: impl Into<String>) -> Change {
        Change {
            kind,
            at: jiff::Timestamp::now().to_string(),
            feed: None,
            id: None,
            title: title.into(),
            url: None,
            date: None,
            documents: Vec::new(),
        }
    }

    /// One line for a terminal.
    pub fn line(&self) -> String {
        let mut s = format!("{:<15} {}", self.kind.as_str(), self.title);
        if let Some(d) = &self.date {
            s.push_str(&format!("  [{d}]"));
        }
        if let Some(u) = &self.url {
            s.push_str(&format!("  <{u}>"));
        }
        if let Some(id) = self.id.as_ref().filter(|id| self.url.as_ref() != Some(*id)) {
            s.push_str(&format!("  ({id})"));
        }
        s
    }
}

/// True when `event` involves a followed actor or dyad. An actor is named
/// by its code (a code also matches longer codes it begins: `ISR` matches
/// `ISRGOV`), its name or its entity, case-insensitively.
pub fn followed(follow: &Follow, event: &MergedEvent) -> bool {
    let is = |a: Option<&chronicler_core::Actor>, want: &str| {
        a.is_some_and(|a| {
            let w = want.to_lowercase();
            let code = a.code.to_lowercase();
            code == w
                || (w.len() >= 3 && code.starts_with(&w))
                || a.name.to_lowercase() == w
                || a.entity.to_lowercase() == w
        })
    };
    let (src, tgt) = (event.event.source.as_ref(), event.event.target.as_ref());
    follow.entries.iter().any(|entry| match entry.as_slice() {
        [a] => is(src, a) || is(tgt, a),
        [a, b] => (is(src, a) && is(tgt, b)) || (is(src, b) && is(tgt, a)),
        _ => false,
    })
}

/// The event changes a round brings: new events on followed actors or
/// dyads among the events mentioned by `new_docs`.
pub fn event_changes(
    events: &[MergedEvent],
    new_docs: &BTreeSet<String>,
    follow: &Follow,
) -> Vec<Change> {
    let mut out = Vec::new();
    for e in events {
        let docs: Vec<String> = e
            .mentions
            .iter()
            .filter(|m| new_docs.contains(&m.doc))
            .map(|m| m.doc.clone())
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect();
        if docs.is_empty() {
            continue;
        }
        let line = chronicler_query::timeline(std::slice::from_ref(e)).pop();
        let what = line.as_ref().map(|l| l.what.clone()).unwrap_or_default();
        let when = line.map(|l| l.when).filter(|w| !w.is_empty());
        if !follow.entries.is_empty() && followed(follow, e) {
            let mut ch = Change::new(ChangeKind::FollowedEvent, what);
            ch.id = Some(e.id.clone());
            ch.date = when;
            ch.url = e
                .mentions
                .iter()
                .find(|m| docs.contains(&m.doc))
                .and_then(|m| m.url.clone());
            ch.documents = docs;
            out.push(ch);
        }
    }
    out
}

/// The scopes of the state of play a watcher reports on: each followed
/// actor or dyad, or everything when nothing is followed.
pub fn scopes(follow: &Follow) -> Vec<Scope> {
    if follow.entries.is_empty() {
        return vec![Scope::All];
    }
    follow
        .entries
        .iter()
        .filter_map(|e| match e.as_slice() {
            [a] => Some(Scope::Actor(a.clone())),
            // A dyad of names rather than codes: the first actor's events.
            [a, b] => Some(Scope::dyad(&format!("{a}-{b}")).unwrap_or(Scope::Actor(a.clone()))),
            _ => None,
        })
        .collect()
}

/// A change drawn from state-of-play records: its evidence's first event,
/// article and documents.
fn sourced(kind: ChangeKind, title: String, date: String, sources: &[SourceRef]) -> Change {
    let mut ch = Change::new(kind, title);
    ch.date = Some(date);
    ch.id = sources.first().map(|s| s.event.clone());
    ch.url = sources.iter().find_map(|s| s.url.clone());
    ch.documents = sources
        .iter()
        .map(|s| s.doc.clone())
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    ch
}

/// Talks scheduled and commitments ending between `today` and
/// `horizon_days` later, read from `briefs`: the state of play
/// (`chronicler_brief::brief` as of `today`) of each of [`scopes`] (each
/// followed actor or dyad, or everything). Each comes with a key naming what it is about and its day, by
/// which it is reported once: a commitment extended to a new end has a
/// new key.
pub fn state_changes(briefs: &[Brief], today: Date, horizon_days: i64) -> Vec<(String, Change)> {
    let horizon = today
        .checked_add(jiff::Span::new().days(horizon_days.max(0)))
        .unwrap_or(today);
    let within = |d: Option<Date>| d.filter(|d| *d >= today && *d <= horizon);
    let mut out: Vec<(String, Change)> = Vec::new();
    let mut push = |key: String, ch: Change| {
        if !out.iter().any(|(k, _)| *k == key) {
            out.push((key, ch));
        }
    };
    for b in briefs {
        for r in &b.rounds {
            let Some(day) = within(r.when.start).filter(|_| r.state == RoundState::Scheduled)
            else {
                continue;
            };
            let mut parties = r.parties.clone();
            parties.sort();
            let mut title = format!("talks: {}", r.parties.join(" – "));
            if let Some(v) = &r.venue {
                title.push_str(&format!(" in {v}"));
            }
            if !r.mediators.is_empty() {
                title.push_str(&format!(", mediated by {}", r.mediators.join(", ")));
            }
            let key = format!("talks|{}|{day}", parties.join(" – "));
            push(
                key,
                sourced(ChangeKind::ScheduledTalks, title, r.when.show(), &r.sources),
            );
        }
        for c in &b.commitments {
            let live = matches!(
                c.state,
                CommitmentState::InForce
                    | CommitmentState::Extended
                    | CommitmentState::Announced
                    | CommitmentState::Violated
            );
            let Some(end) = within(c.end).filter(|_| live) else {
                continue;
            };
            let mut parties = c.parties.clone();
            parties.sort();
            let what = match &c.scope {
                Some(sc) => format!("{} on {sc}", c.kind),
                None => c.kind.clone(),
            };
            let about = if c.end_precision == "approximate" {
                "around "
            } else {
                ""
            };
            let title = format!("{what} ({}) ends {about}{end}", c.parties.join(" – "));
            let key = format!("expiring|{}|{}|{end}", c.kind, parties.join(" – "));
            push(
                key,
                sourced(ChangeKind::Expiring, title, end.to_string(), &c.sources),
            );
        }
    }
    out
}

/// Where changes go.
#[derive(Debug, Default)]
pub struct Sinks {
    /// Print one line each to stdout.
    pub print: bool,
    /// Append one JSON object a line to this file.
    pub jsonl: Option<std::fs::File>,
    /// POST each change as JSON to this URL.
    pub webhook: Option<String>,
}

impl Sinks {
    /// Sends `change` everywhere; returns the problems met (a failed
    /// webhook or file write never stops the watcher).
    pub fn send(&mut self, change: &Change, http: &mut crate::http::Fetcher) -> Vec<String> {
        let mut problems = Vec::new();
        if self.print {
            println!("{}", change.line());
        }
        let json = match serde_json::to_string(change) {
            Ok(j) => j,
            Err(e) => return vec![format!("cannot encode a change: {e}")],
        };
        if let Some(f) = &mut self.jsonl {
            if let Err(e) = writeln!(f, "{json}").and_then(|_| f.flush()) {
                problems.push(format!("cannot write the changes file: {e}"));
            }
        }
        if let Some(url) = &self.webhook {
            if let Err(e) = http.post_json(url, &json) {
                problems.push(format!("webhook {url}: {e}"));
            }
        }
        problems
    }
}
