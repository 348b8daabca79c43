//! What changed: the report a poll round produces, and where it goes
//! (printed, appended to a JSON Lines file, POSTed to a webhook).

use std::collections::BTreeSet;
use std::io::Write;

use chronicler_core::{MergedEvent, Status};
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
    /// Talks or a meeting scheduled within the horizon.
    ScheduledTalks,
    /// Something in force (a truce, a suspension) whose end date falls
    /// within the horizon.
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
        let kind = serde_json::to_value(self.kind)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default();
        let mut s = format!("{kind:<15} {}", self.title);
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

/// The event changes a round brings: followed events, scheduled talks and
/// expiring arrangements among the events mentioned by `new_docs`.
pub fn event_changes(
    events: &[MergedEvent],
    new_docs: &BTreeSet<String>,
    follow: &Follow,
    today: Date,
    horizon_days: i64,
) -> Vec<Change> {
    let horizon = today
        .checked_add(jiff::Span::new().days(horizon_days))
        .unwrap_or(today);
    let within = |d: Option<Date>| d.is_some_and(|d| d >= today && d <= horizon);
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
        let mut push = |kind: ChangeKind| {
            let mut ch = Change::new(kind, what.clone());
            ch.id = Some(e.id.clone());
            ch.date = when.clone();
            ch.url = e
                .mentions
                .iter()
                .find(|m| docs.contains(&m.doc))
                .and_then(|m| m.url.clone());
            ch.documents = docs.clone();
            out.push(ch);
        };
        if !follow.entries.is_empty() && followed(follow, e) {
            push(ChangeKind::FollowedEvent);
        }
        if e.event.status == Status::Scheduled && within(e.event.date.start) {
            push(ChangeKind::ScheduledTalks);
        }
        if e.event.status == Status::Ongoing && within(e.event.date.end) {
            push(ChangeKind::Expiring);
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
