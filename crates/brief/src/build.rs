//! Deriving the process records from merged events.

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};

use chronicler_core::{cameo, Actor, ActorKind, DatePrecision, MergedEvent, Status};
use jiff::civil::Date;

use crate::text::{self, add_days, days_between, Change, Extension};

/// The unordered pair of countries an event is between.
type Dyad = (String, String);
use crate::stance;
use crate::{
    Brief, BriefOptions, Claim, Commitment, CommitmentState, DocText, Exchange, Position, Round,
    RoundState, Scope, Section, SourceRef, Stand, Suspension, Transfer, When,
};

/// Builds the state of play of `events` (as from
/// `chronicler_query::merged_events`) for `opts`. Events first reported
/// after the as-of day are left out: the brief says what was known then.
pub fn brief(events: &[MergedEvent], opts: &BriefOptions) -> Brief {
    brief_with_texts(events, &[], opts)
}

/// The documents whose sentences [`brief_with_texts`] reads for `opts`:
/// those mentioning an event in scope, as known on the as-of day.
pub fn documents_in_scope(events: &[MergedEvent], opts: &BriefOptions) -> Vec<String> {
    with_known(events, opts, |ctx, known| {
        known
            .iter()
            .filter(|e| ctx.in_scope(e, false))
            .flat_map(|e| e.mentions.iter().map(|m| m.doc.clone()))
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect()
    })
}

/// Runs `f` on the events known on the as-of day and a context for them.
fn with_known<R>(
    events: &[MergedEvent],
    opts: &BriefOptions,
    f: impl FnOnce(&Ctx, &[&MergedEvent]) -> R,
) -> R {
    let (trimmed, as_of) = known_by(events, opts);
    let known: Vec<&MergedEvent> = trimmed.iter().map(AsRef::as_ref).collect();
    let names = match &opts.country_names {
        Some(n) => Names(n.clone()),
        None => Names::new(&known),
    };
    let ctx = Ctx {
        opts,
        as_of,
        names: &names,
    };
    f(&ctx, &known)
}

/// The events as known on the as-of day (later mentions dropped, and
/// events with none left), and that day. An event all of whose mentions
/// were known is borrowed, not copied.
fn known_by<'e>(
    events: &'e [MergedEvent],
    opts: &BriefOptions,
) -> (Vec<Cow<'e, MergedEvent>>, Option<Date>) {
    let as_of = opts
        .as_of
        .or_else(|| events.iter().filter_map(first_published).max());
    // Only what was reported by the day: later mentions are dropped, and
    // events with none left.
    let published_by = |m: &chronicler_core::EventMention| match (
        as_of,
        m.published
            .as_deref()
            .and_then(|p| p.get(..10)?.parse::<Date>().ok()),
    ) {
        (Some(a), Some(p)) => p <= a,
        _ => true,
    };
    let trimmed: Vec<Cow<'e, MergedEvent>> = events
        .iter()
        .filter_map(|e| {
            if e.mentions.iter().all(published_by) {
                return Some(Cow::Borrowed(e));
            }
            let mentions: Vec<_> = e
                .mentions
                .iter()
                .filter(|m| published_by(m))
                .cloned()
                .collect();
            (!mentions.is_empty()).then(|| {
                Cow::Owned(MergedEvent {
                    mentions,
                    id: e.id.clone(),
                    event: e.event.clone(),
                    num_articles: e.num_articles,
                    num_sources: e.num_sources,
                })
            })
        })
        .collect();
    (trimmed, as_of)
}

/// [`brief`], also reading the sentences of `texts` (the documents of
/// [`documents_in_scope`]; others are ignored) for demands and red lines
/// stated outside coded events.
pub fn brief_with_texts(events: &[MergedEvent], texts: &[DocText], opts: &BriefOptions) -> Brief {
    brief_reading(events, texts, opts)
}

/// [`brief_with_texts`] with the texts handed over one at a time, in the
/// order of [`documents_in_scope`], each dropped once read: what the
/// brief holds of them is one text, not all (everyone's brief reads every
/// document that reports an event).
pub fn brief_reading<T: std::borrow::Borrow<DocText>>(
    events: &[MergedEvent],
    texts: impl IntoIterator<Item = T>,
    opts: &BriefOptions,
) -> Brief {
    with_known(events, opts, |ctx, known| build(ctx, known, texts))
}

fn build<T: std::borrow::Borrow<DocText>>(
    ctx: &Ctx,
    known: &[&MergedEvent],
    texts: impl IntoIterator<Item = T>,
) -> Brief {
    let (opts, as_of, names) = (ctx.opts, ctx.as_of, ctx.names);
    let in_scope: Vec<&MergedEvent> = known
        .iter()
        .copied()
        .filter(|e| ctx.in_scope(e, false))
        .collect();
    let mediations: Vec<&MergedEvent> = known
        .iter()
        .copied()
        .filter(|e| e.event.cameo.starts_with("045") && ctx.in_scope(e, true))
        .collect();
    let rounds = ctx.rounds(&in_scope, &mediations);
    let commitments = ctx.commitments(&in_scope, &mediations);
    let exchanges = ctx.exchanges(&in_scope);
    let suspensions = ctx.suspensions(&in_scope, &exchanges);
    let mut positions = ctx.positions(&in_scope);
    ctx.stated_positions(&in_scope, texts, &mut positions);
    let stands = stands(&positions);
    Brief {
        as_of,
        scope: match &opts.scope {
            Scope::Dyad(a, b) => format!("{} – {}", names.country(a), names.country(b)),
            s => s.label(),
        },
        events: in_scope.len(),
        rounds,
        commitments,
        exchanges,
        suspensions,
        positions,
        stands,
    }
}

fn first_published(e: &MergedEvent) -> Option<Date> {
    e.mentions
        .iter()
        .filter_map(|m| m.published.as_deref()?.get(..10)?.parse::<Date>().ok())
        .min()
}

fn country(a: &Actor) -> Option<String> {
    a.country
        .clone()
        .or_else(|| a.code.get(..3).map(str::to_string))
}

/// Country code to a readable name, from the state actors the events name.
struct Names(BTreeMap<String, String>);

/// The readable name of each country code: the name of the first state
/// actor of that country among `actors` (each event's source, then
/// target, in the events' order).
pub fn country_names<'a>(actors: impl IntoIterator<Item = &'a Actor>) -> BTreeMap<String, String> {
    let mut map = BTreeMap::new();
    for a in actors {
        if a.kind == ActorKind::State && a.entity.starts_with("state:") {
            if let Some(c) = country(a) {
                map.entry(c).or_insert_with(|| a.name.clone());
            }
        }
    }
    map
}

impl Names {
    fn new(events: &[&MergedEvent]) -> Names {
        Names(country_names(events.iter().flat_map(|e| {
            [&e.event.source, &e.event.target].into_iter().flatten()
        })))
    }

    fn country(&self, code: &str) -> String {
        self.0
            .get(code)
            .cloned()
            .unwrap_or_else(|| code.to_string())
    }

    /// An actor as a party: its state's name where it acts for a state.
    fn party(&self, a: &Actor) -> String {
        match (a.kind, country(a)) {
            (ActorKind::State, Some(c)) | (ActorKind::Person, Some(c))
                if a.role.as_deref().is_none_or(|r| r == "GOV" || r == "MIL") =>
            {
                self.0.get(&c).cloned().unwrap_or_else(|| a.name.clone())
            }
            _ => a.name.clone(),
        }
    }
}

struct Ctx<'a> {
    opts: &'a BriefOptions,
    as_of: Option<Date>,
    names: &'a Names,
}

fn actor_matches(a: &Actor, q: &str) -> bool {
    let q = q.trim().to_lowercase();
    !q.is_empty()
        && (a.code.to_lowercase() == q
            || a.code.to_lowercase().starts_with(&q) && q.len() >= 3
            || a.country.as_deref().is_some_and(|c| c.to_lowercase() == q)
            || a.name.to_lowercase().contains(&q))
}

/// Whether an event with these actors is in `scope`; `mediation`: a
/// mediator's event counts when its target is in scope.
pub(crate) fn scope_holds(
    scope: &Scope,
    s: Option<&Actor>,
    t: Option<&Actor>,
    mediation: bool,
) -> bool {
    match scope {
        Scope::All => true,
        Scope::Dyad(a, b) => {
            if mediation {
                side_of(t, a) || side_of(t, b)
            } else {
                (side_of(s, a) && side_of(t, b)) || (side_of(s, b) && side_of(t, a))
            }
        }
        Scope::Actor(q) => [s, t]
            .iter()
            .any(|x| x.is_some_and(|x| actor_matches(x, q))),
    }
}

fn side_of(a: Option<&Actor>, code: &str) -> bool {
    a.as_ref().is_some_and(|a| {
        country(a).is_some_and(|c| c.eq_ignore_ascii_case(code))
            || a.code.to_uppercase().starts_with(code)
    })
}

/// The unordered pair of countries an event is between.
fn dyad_key(e: &MergedEvent) -> (String, String) {
    let c = |a: &Option<Actor>| a.as_ref().and_then(country).unwrap_or_default();
    let (a, b) = (c(&e.event.source), c(&e.event.target));
    if a <= b {
        (a, b)
    } else {
        (b, a)
    }
}

fn sources(e: &MergedEvent) -> Vec<SourceRef> {
    e.mentions
        .iter()
        .map(|m| SourceRef {
            event: e.id.clone(),
            doc: m.doc.clone(),
            source: source_label(m),
            url: m.url.clone(),
            published: m.published.clone(),
            start: m.start,
            end: m.end,
            sentence: m.sentence.clone(),
        })
        .collect()
}

fn source_label(m: &chronicler_core::EventMention) -> String {
    if let Some(o) = m.outlet.as_deref().map(str::trim).filter(|o| !o.is_empty()) {
        return o.to_string();
    }
    let host = m.url.as_deref().and_then(|u| {
        let rest = u.split_once("://")?.1;
        let h = rest.split(['/', '?', '#']).next()?;
        let h = h.strip_prefix("www.").unwrap_or(h);
        (!h.is_empty()).then(|| h.to_string())
    });
    host.unwrap_or_else(|| m.doc.clone())
}

fn merge_sources(into: &mut Vec<SourceRef>, more: Vec<SourceRef>) {
    for s in more {
        if !into
            .iter()
            .any(|x| x.event == s.event && x.doc == s.doc && x.start == s.start)
        {
            into.push(s);
        }
    }
}

fn when(e: &MergedEvent) -> When {
    let d = &e.event.date;
    When {
        start: d.start,
        end: d.end.filter(|x| Some(*x) != d.start),
        precision: match d.precision {
            DatePrecision::Day => "day",
            DatePrecision::Month => "month",
            DatePrecision::Year => "year",
            DatePrecision::Unknown => "unknown",
        },
    }
}

/// The day an event is placed at: its own date, else its first report.
fn day_of(e: &MergedEvent) -> Option<Date> {
    e.event
        .date
        .start
        .or(e.event.date.end)
        .or_else(|| first_published(e))
}

fn push_unique(v: &mut Vec<String>, s: String) {
    if !s.is_empty() && !v.contains(&s) {
        v.push(s);
    }
}

fn sentences(e: &MergedEvent) -> impl Iterator<Item = (&str, Option<Date>)> {
    e.mentions.iter().map(|m| {
        (
            m.sentence.as_str(),
            m.published
                .as_deref()
                .and_then(|p| p.get(..10)?.parse().ok()),
        )
    })
}

impl Ctx<'_> {
    /// `mediation`: a mediator's event counts when its target is in scope.
    fn in_scope(&self, e: &MergedEvent, mediation: bool) -> bool {
        scope_holds(
            &self.opts.scope,
            e.event.source.as_ref(),
            e.event.target.as_ref(),
            mediation,
        )
    }

    fn section_for_past(&self, day: Option<Date>) -> Section {
        match (self.as_of, day) {
            (Some(a), Some(d)) if days_between(d, a) <= self.opts.recent_days => {
                Section::JustHappened
            }
            (_, None) => Section::JustHappened,
            _ => Section::Background,
        }
    }

    fn parties(&self, e: &MergedEvent) -> Vec<String> {
        let mut v = Vec::new();
        for a in [&e.event.source, &e.event.target].into_iter().flatten() {
            push_unique(&mut v, self.names.party(a));
        }
        v
    }

    fn rounds(&self, events: &[&MergedEvent], mediations: &[&MergedEvent]) -> Vec<Round> {
        // One round per dyad and start day.
        let mut groups: BTreeMap<(Dyad, Option<Date>), Vec<&MergedEvent>> = BTreeMap::new();
        // Talks going on as a process ("has been facilitating talks") are not
        // a round of their own.
        for e in events
            .iter()
            .filter(|e| e.event.cameo.starts_with("046") && e.event.status != Status::Ongoing)
        {
            groups
                .entry((dyad_key(e), e.event.date.start.or(e.event.date.end)))
                .or_default()
                .push(e);
        }
        let mut rounds: Vec<(String, String, Round)> = Vec::new();
        for ((key, _), es) in &groups {
            let mut parties = Vec::new();
            let mut srcs = Vec::new();
            let mut venue = None;
            let mut held = false;
            let mut change = None;
            let mut ordinal = None;
            let mut w = When::UNKNOWN;
            for e in es {
                for p in self.parties(e) {
                    push_unique(&mut parties, p);
                }
                merge_sources(&mut srcs, sources(e));
                venue = venue.or_else(|| e.event.location.as_ref().map(|l| l.name.clone()));
                held |= e.event.status == Status::Occurred;
                // A coder that reads postponements and cancellations says so
                // in the status; the evidence words below say it otherwise.
                match e.event.status.as_str() {
                    "postponed" => change = change.or(Some(Change::Postponed)),
                    "cancelled" | "canceled" => change = change.or(Some(Change::Cancelled)),
                    _ => {}
                }
                if w.start.is_none() && w.end.is_none() {
                    w = when(e);
                }
                for (s, _) in sentences(e) {
                    change = change.or(text::talks_change(s));
                    ordinal = ordinal.or(text::ordinal(s, &["round", "session"]));
                }
            }
            let mut mediators = Vec::new();
            let ids: BTreeSet<String> = srcs.iter().map(|s| s.sentence.clone()).collect();
            for m in mediations {
                let same_day = m.event.date.start.is_some()
                    && (m.event.date.start == w.start || m.event.date.start == w.end);
                let same_sentence = m.event.date.start.is_none()
                    && m.mentions.iter().any(|x| ids.contains(&x.sentence));
                let involved = m
                    .event
                    .target
                    .as_ref()
                    .is_some_and(|t| country(t).is_some_and(|c| c == key.0 || c == key.1));
                if involved && (same_day || same_sentence) {
                    if let Some(s) = &m.event.source {
                        push_unique(&mut mediators, self.names.party(s));
                    }
                    merge_sources(&mut srcs, sources(m));
                }
            }
            // A postponement or cancellation in the evidence outweighs the
            // status (a coder may read "talks ... were postponed" as held).
            let state = match change {
                Some(Change::Cancelled) => RoundState::Cancelled,
                Some(Change::Postponed) => RoundState::Postponed,
                None if held => RoundState::Held,
                None => match (self.as_of, w.last()) {
                    (Some(a), Some(d)) if d < a => RoundState::PastNoOutcome,
                    _ => RoundState::Scheduled,
                },
            };
            rounds.push((
                key.0.clone(),
                key.1.clone(),
                Round {
                    parties,
                    mediators,
                    venue,
                    when: w,
                    ordinal,
                    state,
                    previous: None,
                    section: Section::Background,
                    sources: srcs,
                },
            ));
        }
        for i in 0..rounds.len() {
            let (a, b, r) = &rounds[i];
            let previous = rounds
                .iter()
                .enumerate()
                .filter(|(_, (x, y, p))| {
                    x == a
                        && y == b
                        && p.state == RoundState::Held
                        && p.when
                            .last()
                            .zip(r.when.start)
                            .is_some_and(|(pe, rs)| pe < rs)
                })
                .max_by_key(|(_, (_, _, p))| p.when.last())
                .map(|(j, (_, _, p))| {
                    let place = p
                        .venue
                        .as_deref()
                        .map(|v| format!("{v}, "))
                        .unwrap_or_default();
                    (j, format!("{place}{} (held)", p.when.show()))
                });
            let ordinal = r.ordinal;
            if let Some((_, _, r)) = rounds.get_mut(i) {
                r.previous = previous.as_ref().map(|p| p.1.clone());
            }
            // The round before "the second round" is the first.
            if let (Some(n), Some((j, _))) = (ordinal, previous) {
                if let Some((_, _, p)) = rounds.get_mut(j).filter(|p| p.2.ordinal.is_none()) {
                    p.ordinal = n.checked_sub(1).filter(|k| *k > 0);
                }
            }
        }
        let mut out: Vec<Round> = rounds.into_iter().map(|(_, _, r)| r).collect();
        for r in &mut out {
            r.section = match r.state {
                RoundState::Scheduled => Section::ComingUp,
                RoundState::Held => self.section_for_past(r.when.last()),
                RoundState::Postponed | RoundState::Cancelled | RoundState::PastNoOutcome => {
                    Section::Stalled
                }
            };
        }
        out.sort_by_key(|a| a.when.start);
        out
    }

    fn commitments(&self, events: &[&MergedEvent], mediations: &[&MergedEvent]) -> Vec<Commitment> {
        let core = |e: &MergedEvent| {
            e.event.cameo.starts_with("0871")
                || e.event.cameo.starts_with("0356")
                || e.event.cameo == "087"
        };
        // Events about a commitment: its codes, and any event of the same
        // dyad whose sentence names one (for durations, expiries, claims).
        let mut by_dyad: BTreeMap<(String, String), Vec<&MergedEvent>> = BTreeMap::new();
        for e in events.iter().chain(mediations.iter()) {
            let about = core(e)
                || e.mentions
                    .iter()
                    .any(|m| text::commitment_kind(&m.sentence).is_some());
            if !about {
                continue;
            }
            let key = if e.event.cameo.starts_with("045") {
                // A mediator's event belongs to the dyad it mediates.
                continue;
            } else {
                dyad_key(e)
            };
            by_dyad.entry(key).or_default().push(e);
        }
        let mut out = Vec::new();
        for (key, mut es) in by_dyad {
            if !es.iter().any(|e| core(e)) {
                continue;
            }
            es.sort_by_key(|e| first_published(e).or_else(|| day_of(e)));
            // Split where reports are more than half a year apart.
            let mut groups: Vec<Vec<&MergedEvent>> = Vec::new();
            let mut last: Option<Date> = None;
            for e in es {
                let d = first_published(e).or_else(|| day_of(e));
                let gap = last.zip(d).is_some_and(|(l, d)| days_between(l, d) > 182);
                if gap || groups.is_empty() {
                    groups.push(Vec::new());
                }
                if let Some(g) = groups.last_mut() {
                    g.push(e);
                }
                last = d.or(last);
            }
            for g in groups {
                if g.iter().any(|e| core(e)) {
                    out.push(self.commitment(&key, &g, mediations));
                }
            }
        }
        out.sort_by_key(|a| a.declared);
        out
    }

    fn commitment(
        &self,
        key: &(String, String),
        es: &[&MergedEvent],
        mediations: &[&MergedEvent],
    ) -> Commitment {
        let mut kinds: BTreeMap<&str, usize> = BTreeMap::new();
        let mut scopes: BTreeMap<String, usize> = BTreeMap::new();
        let mut srcs = Vec::new();
        let mut parties = Vec::new();
        let mut declared: Option<Date> = None;
        let mut start = None;
        let mut end: Option<(Date, &'static str)> = None;
        let mut dur: Option<(String, i64)> = None;
        let mut in_force = false;
        let mut expired_reported = false;
        let mut ext: Option<Extension> = None;
        let mut claims = Vec::new();
        for e in es {
            if [Status::Occurred, Status::Ongoing].contains(&e.event.status)
                && e.event.cameo.starts_with("087")
            {
                in_force = true;
            }
            expired_reported |= e.event.status == Status::Expired;
            let d = day_of(e);
            declared = match (declared, d) {
                (Some(a), Some(b)) => Some(a.min(b)),
                (a, b) => a.or(b),
            };
            if e.event.cameo.starts_with("087") {
                start = start.or(e.event.date.start);
                if let Some(x) = e.event.date.end {
                    if let Some((old, _)) = end {
                        if x > old {
                            ext = Some(Extension::To(x, false));
                        }
                    } else {
                        // "around February 1", or derived from "one week".
                        let p = if e.event.date.approximate {
                            "approximate"
                        } else {
                            "day"
                        };
                        end = Some((x, p));
                    }
                }
            }
            for p in self.parties(e) {
                push_unique(&mut parties, p);
            }
            merge_sources(&mut srcs, sources(e));
            self.read_sentences(
                e,
                &mut kinds,
                &mut scopes,
                &mut end,
                &mut dur,
                &mut ext,
                &mut claims,
            );
        }
        let mut mediators = Vec::new();
        for m in mediations {
            let involved = m
                .event
                .target
                .as_ref()
                .is_some_and(|t| country(t).is_some_and(|c| c == key.0 || c == key.1));
            let about = m
                .mentions
                .iter()
                .any(|x| text::commitment_kind(&x.sentence).is_some());
            let near = match (day_of(m), declared) {
                (Some(a), Some(b)) => days_between(a, b).abs() <= 60,
                _ => true,
            };
            if involved && about && near {
                if let Some(s) = &m.event.source {
                    push_unique(&mut mediators, self.names.party(s));
                }
                merge_sources(&mut srcs, sources(m));
                self.read_sentences(
                    m,
                    &mut kinds,
                    &mut scopes,
                    &mut end,
                    &mut dur,
                    &mut ext,
                    &mut claims,
                );
            }
        }
        // Parties: the dyad, whatever order the events give.
        if parties.len() < 2 {
            for c in [&key.0, &key.1] {
                if !c.is_empty() {
                    push_unique(&mut parties, self.names.country(c));
                }
            }
        }
        if end.is_none() {
            if let (Some((_, days)), Some(s)) = (&dur, start.or(declared)) {
                end = Some((add_days(s, *days), "approximate"));
            }
        }
        let mut extended_from = None;
        if let (Some(x), Some((e0, p))) = (&ext, end) {
            let new_end = match x {
                Extension::To(d, _) => Some(*d),
                Extension::By(_, days) => Some(add_days(e0, *days)),
                Extension::Unspecified => None,
            };
            if let Some(n) = new_end.filter(|n| *n > e0) {
                extended_from = Some(e0);
                end = Some((n, p));
            }
        }
        let extended = ext.is_some();
        let violated = claims.iter().any(|c: &Claim| c.claim == "violated");
        let end_day = end.map(|e| e.0);
        let days_left = self.as_of.zip(end_day).map(|(a, e)| days_between(a, e));
        let state = match (self.as_of, start) {
            (Some(a), Some(s)) if s > a => CommitmentState::Upcoming,
            _ if days_left.is_some_and(|d| d < 0) || expired_reported => CommitmentState::Expired,
            _ if violated => CommitmentState::Violated,
            _ if extended => CommitmentState::Extended,
            _ if in_force => CommitmentState::InForce,
            _ => CommitmentState::Announced,
        };
        let section = match state {
            CommitmentState::Upcoming => Section::ComingUp,
            CommitmentState::Expired => self.section_for_past(end_day.or(declared)),
            _ => Section::InForce,
        };
        let kind = kinds
            .iter()
            .max_by_key(|(k, n)| (**n, std::cmp::Reverse(**k)))
            .map_or("ceasefire", |(k, _)| k)
            .to_string();
        let scope = scopes
            .iter()
            .max_by_key(|(k, n)| (**n, std::cmp::Reverse((*k).clone())))
            .map(|(k, _)| k.clone());
        Commitment {
            kind,
            scope,
            parties,
            mediators,
            declared,
            start,
            end: end_day,
            end_precision: end.map_or("unknown", |e| e.1),
            duration: dur.map(|d| d.0),
            extended_from,
            state,
            days_left,
            claims,
            section,
            sources: srcs,
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn read_sentences(
        &self,
        e: &MergedEvent,
        kinds: &mut BTreeMap<&'static str, usize>,
        scopes: &mut BTreeMap<String, usize>,
        end: &mut Option<(Date, &'static str)>,
        dur: &mut Option<(String, i64)>,
        ext: &mut Option<Extension>,
        claims: &mut Vec<Claim>,
    ) {
        for (i, (s, published)) in sentences(e).enumerate() {
            let Some(k) = text::commitment_kind(s) else {
                continue;
            };
            *kinds.entry(k).or_default() += 1;
            if let Some(sc) = text::commitment_scope(s) {
                *scopes.entry(sc).or_default() += 1;
            }
            if dur.is_none() {
                *dur = text::duration(s);
            }
            if let Some(x) = text::extension(s, published) {
                if ext.is_none() || !matches!(x, Extension::Unspecified) {
                    *ext = Some(x);
                }
            } else if let Some((d, approx)) = text::expiry(s, published) {
                match end {
                    None => *end = Some((d, if approx { "approximate" } else { "day" })),
                    // The coded end, hedged in words ("set to expire around
                    // February 1"): the store keeps the day, not the hedge.
                    Some((e, _)) if *e == d && approx => *end = Some((d, "approximate")),
                    _ => {}
                }
            }
            let src = sources(e).into_iter().nth(i);
            for (claim, hit) in [
                ("limited", text::limited_claim(s)),
                ("violated", text::violation(s)),
            ] {
                if let (true, Some(src)) = (hit, src.clone()) {
                    if !claims
                        .iter()
                        .any(|c: &Claim| c.claim == claim && c.source.sentence == src.sentence)
                    {
                        claims.push(Claim {
                            by: text::claimant(s, claim),
                            claim,
                            source: src,
                        });
                    }
                }
            }
        }
    }

    fn exchanges(&self, events: &[&MergedEvent]) -> Vec<Exchange> {
        let mut groups: BTreeMap<(Dyad, Option<Date>, bool), Vec<&MergedEvent>> = BTreeMap::new();
        for e in events {
            let c = &e.event.cameo;
            let done = c.starts_with("0841") && e.event.status == Status::Occurred;
            let agreed = c.starts_with("0353")
                || c.starts_with("0841") && e.event.status == Status::Scheduled;
            if done || agreed {
                groups
                    .entry((dyad_key(e), e.event.date.start, done))
                    .or_default()
                    .push(e);
            }
        }
        let mut out: Vec<(String, String, Exchange)> = Vec::new();
        for (((a, b), _, done), mut es) in groups {
            // Transfers read in the order the reports tell them: "Hamas
            // released 33 hostages, and Israel released 737 prisoners".
            es.sort_by_key(|e| {
                let m = e.mentions.first();
                (
                    m.map(|m| (m.doc.clone(), m.start)),
                    e.event.evidence.trigger.start,
                )
            });
            let mut transfers = Vec::new();
            let mut srcs = Vec::new();
            let mut parties = Vec::new();
            let mut phase = None;
            let mut w = When::UNKNOWN;
            for e in &es {
                if w.start.is_none() {
                    w = when(e);
                }
                for p in self.parties(e) {
                    push_unique(&mut parties, p);
                }
                merge_sources(&mut srcs, sources(e));
                let sentence = e.mentions.first().map_or("", |m| m.sentence.as_str());
                for (s, _) in sentences(e) {
                    phase = phase.or(text::ordinal(s, &["phase", "stage", "batch", "round"]));
                }
                let from = e.event.source.as_ref().map(|x| self.names.party(x));
                let to = e.event.target.as_ref().map(|x| self.names.party(x));
                if e.event.quantities.is_empty() {
                    let what = text::exchange_kind(sentence, "", "").unwrap_or("people");
                    transfers.push(Transfer {
                        from: from.clone(),
                        to: to.clone(),
                        count: None,
                        what: what.into(),
                    });
                }
                for q in &e.event.quantities {
                    let what = match text::exchange_kind(sentence, &q.text, &q.unit) {
                        Some(k) if !q.unit.to_lowercase().contains(k) => {
                            format!("{k} of {}", q.unit)
                        }
                        _ => q.unit.clone(),
                    };
                    transfers.push(Transfer {
                        from: from.clone(),
                        to: to.clone(),
                        count: Some(q.value),
                        what,
                    });
                }
            }
            let section = if done {
                self.section_for_past(
                    w.last()
                        .or_else(|| es.iter().find_map(|e| first_published(e))),
                )
            } else {
                Section::ComingUp
            };
            out.push((
                a,
                b,
                Exchange {
                    parties,
                    when: w,
                    done,
                    phase,
                    transfers,
                    section,
                    sources: srcs,
                },
            ));
        }
        out.sort_by(|x, y| (&x.0, &x.1, x.2.when.start).cmp(&(&y.0, &y.1, y.2.when.start)));
        // Two directions reported in one sentence are one exchange, dated
        // by the earlier (a direction without a date of its own gets the
        // publication day).
        let mut merged: Vec<(String, String, Exchange)> = Vec::new();
        for x in out {
            let same = merged.iter_mut().find(|m| {
                m.0 == x.0
                    && m.1 == x.1
                    && m.2.done == x.2.done
                    && m.2
                        .sources
                        .iter()
                        .any(|s| x.2.sources.iter().any(|t| t.sentence == s.sentence))
            });
            match same {
                Some(m) => {
                    m.2.transfers.extend(x.2.transfers);
                    merge_sources(&mut m.2.sources, x.2.sources);
                    for p in x.2.parties {
                        push_unique(&mut m.2.parties, p);
                    }
                    m.2.phase = m.2.phase.or(x.2.phase);
                }
                None => merged.push(x),
            }
        }
        let mut out = merged;
        // Number a series of releases between the same parties when the text
        // speaks of phases and numbers only some.
        let mut i = 0;
        while i < out.len() {
            let j = (i..out.len())
                .take_while(|&k| out[k].0 == out[i].0 && out[k].1 == out[i].1)
                .count()
                + i;
            let series = &mut out[i..j];
            let phased = series.iter().any(|x| x.2.phase.is_some());
            if phased && series.len() > 1 {
                let mut n = 0;
                for x in series.iter_mut() {
                    n = x.2.phase.unwrap_or(n + 1);
                    x.2.phase = Some(n);
                }
            }
            i = j.max(i + 1);
        }
        let mut v: Vec<Exchange> = out.into_iter().map(|x| x.2).collect();
        v.sort_by_key(|a| a.when.start);
        v
    }

    fn suspensions(&self, events: &[&MergedEvent], exchanges: &[Exchange]) -> Vec<Suspension> {
        let mut out = Vec::new();
        for e in events.iter().filter(|e| e.event.cameo.starts_with("1243")) {
            let w = when(e);
            let day = day_of(e);
            let s = e.mentions.first().map_or("", |m| m.sentence.as_str());
            let what = suspended_what(s);
            let parties = self.parties(e);
            let resumed = exchanges.iter().any(|x| {
                x.done
                    && x.when.start.zip(day).is_some_and(|(a, d)| a > d)
                    && parties.iter().all(|p| x.parties.contains(p))
            });
            out.push(Suspension {
                by: e.event.source.as_ref().map(|a| self.names.party(a)),
                toward: e.event.target.as_ref().map(|a| self.names.party(a)),
                what,
                when: if w.start.is_some() {
                    w
                } else {
                    When {
                        start: day,
                        end: None,
                        precision: "reported",
                    }
                },
                resumed,
                section: if resumed {
                    Section::Background
                } else {
                    Section::Stalled
                },
                sources: sources(e),
            });
        }
        out
    }

    fn positions(&self, events: &[&MergedEvent]) -> Vec<Position> {
        let mut out = Vec::new();
        for e in events {
            let c = e.event.cameo.as_str();
            let stance = match c.get(..2) {
                _ if c.starts_with("0356") || c.starts_with("0353") || c.starts_with("1243") => {
                    continue
                }
                Some("03") => {
                    if c.starts_with("036") {
                        "proposes"
                    } else {
                        "offers"
                    }
                }
                Some("10") => "demands",
                Some("11") => "criticises",
                Some("12") => "rejects",
                _ => continue,
            };
            let Some(actor) = e.event.source.as_ref().map(|a| self.names.party(a)) else {
                continue;
            };
            let venue = e.event.location.as_ref().map(|l| l.name.clone());
            let label = cameo::info(c).map_or(c.to_string(), |i| i.label.to_lowercase());
            let what = match (c, &venue) {
                (x, Some(v)) if x.starts_with("036") => format!("a meeting in {v}"),
                (x, Some(v)) if x.starts_with("12") => format!("a meeting in {v}"),
                _ => label,
            };
            out.push(Position {
                actor,
                toward: e.event.target.as_ref().map(|a| self.names.party(a)),
                stance,
                what,
                venue,
                cameo: c.to_string(),
                when: when(e),
                answers: Vec::new(),
                topic: None,
                issues: Vec::new(),
                red_line: false,
                sources: sources(e),
            });
            // What is demanded or refused, in the sentence's words.
            if let Some(p) = out.last_mut() {
                let said = e
                    .mentions
                    .iter()
                    .flat_map(|m| stance::statements(&m.sentence, &self.opts.stances))
                    .find(|st| st.stance == p.stance);
                if let Some(st) = said {
                    p.topic = Some(st.topic);
                    p.issues = st.issues;
                    p.red_line = st.red_line;
                }
            }
        }
        // Answers: a later rejection or counter-proposal from the target.
        let snapshot = out.clone();
        for p in out.iter_mut().filter(|p| p.stance == "proposes") {
            for q in &snapshot {
                let later = match (q.when.start, p.when.start) {
                    (Some(a), Some(b)) => a >= b,
                    _ => true,
                };
                let answers = later
                    && Some(&q.actor) == p.toward.as_ref()
                    && q.toward.as_ref() == Some(&p.actor)
                    && (q.stance == "rejects" || q.stance == "proposes" && q.venue != p.venue);
                if answers {
                    let v = q
                        .venue
                        .as_deref()
                        .map(|v| format!(" ({v})"))
                        .unwrap_or_default();
                    let verb = if q.stance == "rejects" {
                        "rejects"
                    } else {
                        "counter-proposes"
                    };
                    p.answers.push(format!("{} {verb}{v}", q.actor));
                }
            }
        }
        out.sort_by(|a, b| {
            (&a.actor, a.when.start.or(a.when.end), &a.cameo).cmp(&(
                &b.actor,
                b.when.start.or(b.when.end),
                &b.cameo,
            ))
        });
        out
    }
}

impl Ctx<'_> {
    /// Demands and refusals stated in the sentences of the documents in
    /// scope that no position was coded from, by the known actor named
    /// before the words that state them.
    fn stated_positions<T: std::borrow::Borrow<DocText>>(
        &self,
        events: &[&MergedEvent],
        texts: impl IntoIterator<Item = T>,
        out: &mut Vec<Position>,
    ) {
        let docs: BTreeSet<&str> = events
            .iter()
            .flat_map(|e| e.mentions.iter().map(|m| m.doc.as_str()))
            .collect();
        let mut surfaces: Vec<(String, String)> = Vec::new();
        for e in events {
            for a in [&e.event.source, &e.event.target].into_iter().flatten() {
                let s = (a.name.clone(), self.names.party(a));
                if !s.0.is_empty() && !surfaces.contains(&s) {
                    surfaces.push(s);
                }
            }
        }
        for name in self.names.0.values() {
            let s = (name.clone(), name.clone());
            if !surfaces.contains(&s) {
                surfaces.push(s);
            }
        }
        // Sentences a position of the same actor and stance was coded from.
        let coded: BTreeSet<(String, &str, String)> = out
            .iter()
            .flat_map(|p| {
                p.sources
                    .iter()
                    .map(|s| (p.actor.clone(), p.stance, s.sentence.clone()))
            })
            .collect();
        let mut stated: Vec<Position> = Vec::new();
        for t in texts {
            let t: &DocText = t.borrow();
            if !docs.contains(t.doc.as_str()) {
                continue;
            }
            let published = t
                .published
                .as_deref()
                .and_then(|p| p.get(..10)?.parse::<Date>().ok());
            if matches!((self.as_of, published), (Some(a), Some(p)) if p > a) {
                continue;
            }
            let (mut byte, mut chars) = (0, 0);
            for (start, end) in stance::sentences(&t.text) {
                let sentence = t.text[start..end].trim();
                chars += t.text[byte..start].chars().count();
                byte = start;
                let first = chars;
                let last = first + t.text[start..end].chars().count();
                // A statement with no subject of its own ("..., and
                // rejected calls for neutrality") is the previous speaker's.
                let mut previous: Option<String> = None;
                for st in stance::statements(sentence, &self.opts.stances) {
                    let inherited = previous
                        .take()
                        .filter(|_| stance::continues(sentence, st.at));
                    let Some(actor) = stance::speaker(sentence, st.at, &surfaces).or(inherited)
                    else {
                        continue;
                    };
                    previous = Some(actor.clone());
                    if coded.contains(&(actor.clone(), st.stance, sentence.to_string())) {
                        continue;
                    }
                    let src = SourceRef {
                        event: String::new(),
                        doc: t.doc.clone(),
                        source: text_source(t),
                        url: t.url.clone(),
                        published: t.published.clone(),
                        start: first,
                        end: last,
                        sentence: sentence.to_string(),
                    };
                    // The same statement in another copy of the story: one
                    // position, more sources.
                    if let Some(p) = stated.iter_mut().find(|p| {
                        p.actor == actor
                            && p.stance == st.stance
                            && p.topic.as_ref() == Some(&st.topic)
                    }) {
                        merge_sources(&mut p.sources, vec![src]);
                        continue;
                    }
                    stated.push(Position {
                        actor,
                        toward: None,
                        stance: st.stance,
                        what: st.topic.clone(),
                        venue: None,
                        cameo: String::new(),
                        when: When {
                            start: published,
                            end: None,
                            precision: "reported",
                        },
                        answers: Vec::new(),
                        topic: Some(st.topic),
                        issues: st.issues,
                        red_line: st.red_line,
                        sources: vec![src],
                    });
                }
            }
        }
        out.extend(stated);
        out.sort_by(|a, b| {
            (&a.actor, a.when.start.or(a.when.end), &a.cameo, &a.what).cmp(&(
                &b.actor,
                b.when.start.or(b.when.end),
                &b.cameo,
                &b.what,
            ))
        });
    }
}

fn text_source(t: &DocText) -> String {
    source_label(&chronicler_core::EventMention {
        doc: t.doc.clone(),
        path: String::new(),
        url: t.url.clone(),
        outlet: t.outlet.clone(),
        published: None,
        sentence: String::new(),
        start: 0,
        end: 0,
    })
}

/// Each actor's stand on each issue its positions touch, first to last.
fn stands(positions: &[Position]) -> Vec<Stand> {
    let mut map: BTreeMap<(String, String), Stand> = BTreeMap::new();
    for p in positions {
        let day = p.when.start.or(p.when.end);
        for issue in &p.issues {
            let s = map
                .entry((p.actor.clone(), issue.clone()))
                .or_insert_with(|| Stand {
                    actor: p.actor.clone(),
                    issue: issue.clone(),
                    stances: Vec::new(),
                    first: None,
                    last: None,
                    statements: 0,
                    red_line: false,
                });
            if !s.stances.contains(&p.stance) {
                s.stances.push(p.stance);
            }
            s.first = match (s.first, day) {
                (Some(a), Some(d)) => Some(a.min(d)),
                (a, d) => a.or(d),
            };
            s.last = s.last.max(day);
            s.statements += 1;
            s.red_line |= p.red_line;
        }
    }
    map.into_values().collect()
}

/// What a suspension stops, from its sentence ("prisoner exchanges").
fn suspended_what(s: &str) -> String {
    let l = s.to_lowercase();
    for w in [
        "exchanges",
        "exchange",
        "swaps",
        "swap",
        "talks",
        "negotiations",
        "releases",
        "repatriations",
    ] {
        if let Some(i) = l.find(w) {
            let before: Vec<&str> = l[..i].split_whitespace().collect();
            let mut words: Vec<&str> = before
                .iter()
                .rev()
                .take(1)
                .copied()
                .filter(|x| !["of", "the", "all", "further", "on"].contains(x))
                .collect();
            words.reverse();
            words.push(w);
            return words.join(" ");
        }
    }
    "exchanges".into()
}
