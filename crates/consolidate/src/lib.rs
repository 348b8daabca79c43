//! # chronicler-consolidate
//!
//! Merges coded events that report the same happening, within and across
//! documents, into [`MergedEvent`]s that keep every mention and count
//! articles and outlets. The result depends on the set of events, not on
//! their order.
//!
//! ## When two coded events are the same happening
//!
//! * same CAMEO root, and compatible codes (equal, or one a prefix of the
//!   other: `04` and `042`);
//! * same status (an event announced as scheduled is not the event that
//!   occurred);
//! * same source and same target, compared by [`actor_key`] (country and
//!   CAMEO code: "Zelenskyy invited Putin" and "Kyiv invited the Kremlin"
//!   are both `UKR:UKRGOV` → `RUS:RUSGOV`); source and target may be swapped
//!   when either event is symmetric (a mutual act);
//! * compatible dates: both unknown, or date ranges overlapping with one
//!   day of slack (reports a day apart often date the same act differently).
//!   A dated and an undated event merge only when they have the same code,
//!   and an undated event joins a dated group only when exactly one dated
//!   group of its block fits it (otherwise an undated "X invited Y" would
//!   chain two different dated invitations together).
//!
//! ## How
//!
//! Events are first sorted into a canonical order (so nothing below depends
//! on input order), then blocked by (CAMEO root, status, unordered actor
//! pair); pairs are only compared inside a block. Compatible pairs are
//! joined closest first (exact date overlap before one-day slack, equal
//! codes before refinements, then canonical order) with a union-find whose
//! groups stay cliques: two groups join only when *every* pair of their
//! members is the same happening. So daily reports of daily shelling do not
//! chain into one month-long event, and `042` and `043` do not join through
//! a generic `04`.
//!
//! ## Ids
//!
//! A [`MergedEvent::id`] is 16 hex digits of
//! [`chronicler_core::text::stable_hash`] over: CAMEO root, status, the two
//! actor keys (sorted when the event is symmetric), the representative's
//! code and start date (empty when unknown), and the first mention (document
//! id and character offset). It is the same across runs and input orders for
//! the same set of events; adding an article that reports the event earlier
//! in document-id order changes it.
#![deny(missing_docs)]

pub mod conflicts;
pub mod incremental;
pub mod minhash;
pub mod stories;

use std::cmp::Ordering;
use std::collections::hash_map::Entry;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::sync::Arc;

use chronicler_core::{Actor, CodedEvent, EventMention, MergedEvent};
use jiff::civil::Date;

/// One coded event with where it was found, as consolidation's input.
#[derive(Debug, Clone, PartialEq)]
pub struct Located {
    /// The event.
    pub event: chronicler_core::CodedEvent,
    /// Its mention (document, sentence, offsets).
    pub mention: chronicler_core::EventMention,
}

/// The key actors are compared by: `COUNTRY:CODE` (`UKR:UKRGOV`), the
/// country or the entity when the actor has no code, and `""` for no actor.
pub fn actor_key(actor: Option<&Actor>) -> String {
    match actor {
        None => String::new(),
        Some(a) => {
            let country = a.country.as_deref().unwrap_or("").trim();
            let code = a.code.trim();
            if !code.is_empty() {
                format!("{country}:{code}")
            } else if !country.is_empty() {
                format!("{country}:")
            } else {
                a.entity.clone()
            }
        }
    }
}

/// The CAMEO root of a code ("0841" → "08").
fn root(code: &str) -> &str {
    code.get(..2).unwrap_or(code)
}

/// True when one code refines the other (or they are equal).
fn codes_compatible(a: &str, b: &str) -> bool {
    a.starts_with(b) || b.starts_with(a)
}

/// Precomputed comparison data for one event.
struct Prepared<'a> {
    located: &'a Located,
    source: String,
    target: String,
    /// First and last day, when dated.
    days: Option<(Date, Date)>,
}

impl<'a> Prepared<'a> {
    fn new(located: &'a Located) -> Prepared<'a> {
        let e = &located.event;
        let days = match (e.date.start, e.date.precision) {
            (_, chronicler_core::DatePrecision::Unknown) | (None, _) => None,
            (Some(start), _) => {
                let end = e.date.end.unwrap_or(start).max(start);
                Some((start, end))
            }
        };
        Prepared {
            source: actor_key(e.source.as_ref()),
            target: actor_key(e.target.as_ref()),
            days,
            located,
        }
    }

    fn event(&self) -> &'a CodedEvent {
        &self.located.event
    }

    /// (root, status, unordered actor pair): events in different blocks
    /// are never the same happening.
    fn block(&self) -> (String, chronicler_core::Status, String, String) {
        let (a, b) = if self.source <= self.target {
            (self.source.clone(), self.target.clone())
        } else {
            (self.target.clone(), self.source.clone())
        };
        (
            root(&self.event().cameo).to_string(),
            self.event().status,
            a,
            b,
        )
    }

    fn actors_match(&self, other: &Prepared) -> bool {
        let (a, b) = (self.event(), other.event());
        (self.source == other.source
            && self.target == other.target
            && !two_people(a.source.as_ref(), b.source.as_ref())
            && !two_people(a.target.as_ref(), b.target.as_ref()))
            || ((a.symmetric || b.symmetric)
                && self.source == other.target
                && self.target == other.source
                && !two_people(a.source.as_ref(), b.target.as_ref())
                && !two_people(a.target.as_ref(), b.source.as_ref()))
    }
}

/// Two different people of one code ("Home Minister Lekhak resigned",
/// "Oli resigned"): the acts of two people are two happenings.
fn two_people(a: Option<&Actor>, b: Option<&Actor>) -> bool {
    a.zip(b).is_some_and(|(a, b)| {
        a.kind == chronicler_core::ActorKind::Person
            && b.kind == chronicler_core::ActorKind::Person
            && a.entity != b.entity
    })
}

/// `d` plus one day (saturating at the end of time).
fn next_day(d: Date) -> Date {
    d.tomorrow().unwrap_or(d)
}

fn days_overlap(a: (Date, Date), b: (Date, Date)) -> bool {
    a.0 <= next_day(b.1) && b.0 <= next_day(a.1)
}

/// Whether two spans of days share no day (so that they overlap, if at
/// all, only with [`days_overlap`]'s day of slack).
fn days_apart(a: (Date, Date), b: (Date, Date)) -> bool {
    !(a.0 <= b.1 && b.0 <= a.1)
}

/// The "same happening" relation (before the undated-attachment rule).
fn same_happening(a: &Prepared, b: &Prepared) -> bool {
    let (ea, eb) = (a.event(), b.event());
    if ea.status != eb.status
        || root(&ea.cameo) != root(&eb.cameo)
        || !codes_compatible(&ea.cameo, &eb.cameo)
        || !a.actors_match(b)
    {
        return false;
    }
    match (a.days, b.days) {
        (None, None) => true,
        (Some(x), Some(y)) => days_overlap(x, y),
        _ => ea.cameo == eb.cameo,
    }
}

/// A canonical total order on located events: by mention, then by event.
fn canonical(a: &Located, b: &Located) -> Ordering {
    let (ma, mb) = (&a.mention, &b.mention);
    (ma.doc.as_str(), ma.start, ma.end)
        .cmp(&(mb.doc.as_str(), mb.start, mb.end))
        .then_with(|| {
            let (ea, eb) = (&a.event, &b.event);
            (ea.evidence.trigger, ea.cameo.as_str(), ea.rule.as_str()).cmp(&(
                eb.evidence.trigger,
                eb.cameo.as_str(),
                eb.rule.as_str(),
            ))
        })
        .then_with(|| format!("{a:?}").cmp(&format!("{b:?}")))
}

/// What every member of a group shares, so that a union can be checked
/// against all members at once: a group is a clique of the "same happening"
/// relation, never a chain (daily reports of daily shelling must not chain
/// into one month-long event; `042` and `043` must not join through a
/// generic `04`).
#[derive(Debug, Clone)]
struct Summary {
    /// The longest code: every member's code is a prefix of it.
    max_code: String,
    /// Latest first day and earliest last day of the dated members.
    dated: Option<(Date, Date)>,
    /// Codes of dated members.
    dated_codes: Codes,
    /// Codes of undated members.
    undated_codes: Codes,
    /// (source, target) of the non-symmetric members.
    orientation: Option<(String, String)>,
}

/// A set of codes, as far as the merge rules need it.
#[derive(Debug, Clone, PartialEq)]
enum Codes {
    None,
    One(String),
    Many,
}

impl Codes {
    fn union(&self, other: &Codes) -> Codes {
        match (self, other) {
            (Codes::None, x) | (x, Codes::None) => x.clone(),
            (Codes::One(a), Codes::One(b)) if a == b => Codes::One(a.clone()),
            _ => Codes::Many,
        }
    }
}

impl Summary {
    fn of(p: &Prepared) -> Summary {
        let e = p.event();
        let codes = Codes::One(e.cameo.clone());
        Summary {
            max_code: e.cameo.clone(),
            dated: p.days,
            dated_codes: if p.days.is_some() {
                codes.clone()
            } else {
                Codes::None
            },
            undated_codes: if p.days.is_some() { Codes::None } else { codes },
            orientation: (!e.symmetric).then(|| (p.source.clone(), p.target.clone())),
        }
    }

    /// The summary of the union, when every pair of the union's members
    /// would be the same happening.
    fn join(&self, other: &Summary) -> Option<Summary> {
        if !codes_compatible(&self.max_code, &other.max_code) {
            return None;
        }
        let max_code = if other.max_code.len() > self.max_code.len() {
            other.max_code.clone()
        } else {
            self.max_code.clone()
        };
        let dated = match (self.dated, other.dated) {
            (Some(a), Some(b)) => {
                let (start, end) = (a.0.max(b.0), a.1.min(b.1));
                if start > next_day(end) {
                    return None;
                }
                Some((start, end))
            }
            (a, b) => a.or(b),
        };
        let dated_codes = self.dated_codes.union(&other.dated_codes);
        let undated_codes = self.undated_codes.union(&other.undated_codes);
        if dated_codes != Codes::None && undated_codes != Codes::None {
            // Dated and undated members must all share one code.
            match (&dated_codes, &undated_codes) {
                (Codes::One(a), Codes::One(b)) if a == b => {}
                _ => return None,
            }
        }
        let orientation = match (&self.orientation, &other.orientation) {
            (Some(a), Some(b)) if a != b => return None,
            (a, b) => a.clone().or_else(|| b.clone()),
        };
        Some(Summary {
            max_code,
            dated,
            dated_codes,
            undated_codes,
            orientation,
        })
    }
}

/// Union-find over `0..n` whose roots carry their group's [`Summary`].
struct Groups {
    parent: Vec<usize>,
    summary: Vec<Summary>,
}

impl Groups {
    fn new(items: &[Prepared]) -> Groups {
        Groups {
            parent: (0..items.len()).collect(),
            summary: items.iter().map(Summary::of).collect(),
        }
    }

    fn find(&mut self, mut i: usize) -> usize {
        while self.parent[i] != i {
            let grand = self.parent[self.parent[i]];
            self.parent[i] = grand;
            i = grand;
        }
        i
    }

    /// The summary of the union of the groups of `a` and `b`, if allowed.
    fn try_join(&mut self, a: usize, b: usize) -> Option<(usize, usize, Summary)> {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra == rb {
            return None;
        }
        let joined = self.summary[ra].join(&self.summary[rb])?;
        Some((ra, rb, joined))
    }

    /// Joins the groups of `a` and `b` when every pair of their members
    /// is the same happening; the smaller root index becomes the root.
    fn union(&mut self, a: usize, b: usize) -> bool {
        let Some((ra, rb, joined)) = self.try_join(a, b) else {
            return false;
        };
        let (lo, hi) = if ra < rb { (ra, rb) } else { (rb, ra) };
        self.parent[hi] = lo;
        self.summary[lo] = joined;
        true
    }
}

/// Joins compatible pairs of `members` (ascending indices), closest pairs
/// first: exact date overlap before one-day slack, equal codes before
/// refinements (by code-length gap), then canonical order (`i`, then `j`).
/// When some member is undated (`group_block` passes dated and undated
/// members apart), slack is not considered: pairs go by gap, then order.
///
/// The unions are those of sorting every compatible pair by that key and
/// joining them in turn ([`join_sorted_pairs`], the definition), without
/// holding the pairs: each class (slack, gap) is a pass over the members in
/// order, each member's partners of the class are gathered, sorted and
/// joined, and a partner already in the member's group is skipped before it
/// is compared. k copies of one syndicated article put (k·e)²/2 pairs of one
/// day in a block (a sorted `u64` each: 1.7 GB for 3,000 copies of a 5 KB
/// article); they now cost a scan and a `find` each, and memory for one
/// member's partners.
///
/// Members identical in all the joins read ([`Twin`]) are joined as one
/// (the first, its leader) and the others added to its group at the end:
/// k copies of one event cost one member, not k² scans. This is exact.
/// Identical members (all singletons on entry) are a pair of the first
/// class (no slack, no gap); a group holding one of them takes the other
/// without changing its [`Summary`]; until that pair comes, the later of
/// the two follows the earlier into every group the earlier joins (their
/// pairs with any third member come in the same class, the earlier's
/// first, with nothing between that involves the later), or stays alone
/// with it; every other pair of the later one repeats, after it, an
/// attempt the earlier one made, between groups that have only grown, and
/// a union refused stays refused as groups grow.
fn join_closest(items: &[Prepared], members: &[usize], groups: &mut Groups) {
    let mut leader_of: HashMap<Twin, usize> = HashMap::with_capacity(members.len());
    let mut leaders = Vec::with_capacity(members.len());
    let mut twins = Vec::new();
    for &i in members {
        match leader_of.entry(Twin::of(&items[i])) {
            Entry::Occupied(leader) => twins.push((i, *leader.get())),
            Entry::Vacant(slot) => {
                slot.insert(i);
                leaders.push(i);
            }
        }
    }
    join_distinct(items, &leaders, groups);
    for (twin, leader) in twins {
        groups.union(twin, leader);
    }
}

/// What the joins read of a member: two members equal in it are the same
/// happening, and a group holding one takes the other unchanged.
#[derive(PartialEq, Eq, Hash)]
struct Twin<'a> {
    status: chronicler_core::Status,
    cameo: &'a str,
    source: &'a str,
    target: &'a str,
    symmetric: bool,
    days: Option<(Date, Date)>,
}

impl<'a> Twin<'a> {
    fn of(p: &'a Prepared) -> Twin<'a> {
        let e = p.event();
        Twin {
            status: e.status,
            cameo: &e.cameo,
            source: &p.source,
            target: &p.target,
            symmetric: e.symmetric,
            days: p.days,
        }
    }
}

/// [`join_closest`] over members no two of which are [`Twin`]s.
fn join_distinct(items: &[Prepared], members: &[usize], groups: &mut Groups) {
    let dated = members.iter().all(|&i| items[i].days.is_some());
    // What the scan compares, side by side (not behind three pointers):
    // in index order, and (dated) by first day.
    let table: Vec<Member> = members
        .iter()
        .map(|&i| {
            let (start, end) = items[i].days.unwrap_or((Date::MIN, Date::MIN));
            Member {
                start,
                end,
                len: items[i].event().cameo.len(),
                index: i,
            }
        })
        .collect();
    let (Some(short), Some(long)) = (
        table.iter().map(|m| m.len).min(),
        table.iter().map(|m| m.len).max(),
    ) else {
        return;
    };
    let by_start = dated.then(|| ByStart::new(&table));
    let slacks: &[bool] = if dated { &[false, true] } else { &[false] };
    let mut partners = Vec::new();
    for &slack in slacks {
        for gap in 0..=long - short {
            for (n, a) in table.iter().enumerate() {
                let (i, root) = (a.index, groups.find(a.index));
                partners.clear();
                let mut offer = |b: &Member, groups: &mut Groups| {
                    if b.index > i
                        && a.len.abs_diff(b.len) == gap
                        && (!dated || a.slack(b) == slack)
                        && groups.find(b.index) != root
                    {
                        partners.push(b.index);
                    }
                };
                match &by_start {
                    Some(by_start) => {
                        let [short, long] = by_start.near(a);
                        short.iter().for_each(|b| offer(b, groups));
                        long.iter().for_each(|b| offer(b, groups));
                    }
                    None => table[n + 1..].iter().for_each(|b| offer(b, groups)),
                }
                partners.sort_unstable();
                for &j in &partners {
                    if groups.find(i) != groups.find(j) && same_happening(&items[i], &items[j]) {
                        groups.union(i, j);
                    }
                }
            }
        }
    }
}

/// What [`join_closest`] scans of one member: its days (`Date::MIN` when
/// undated), its code's length and its index.
#[derive(Clone, Copy)]
struct Member {
    start: Date,
    end: Date,
    len: usize,
    index: usize,
}

impl Member {
    /// Whether two dated members' days overlap only with the day of slack.
    fn slack(&self, other: &Member) -> bool {
        days_apart((self.start, self.end), (other.start, other.end))
    }
}

/// Whether two events' days overlap only with the day of slack (false
/// when either is undated).
fn has_slack(a: &Prepared, b: &Prepared) -> bool {
    match (a.days, b.days) {
        (Some(x), Some(y)) => days_apart(x, y),
        _ => false,
    }
}

/// Dated members by first day, to find those whose days may overlap a
/// given member's (with a day of slack) without scanning the others.
///
/// Members spanning more than [`ByStart::SHORT_DAYS`] (a month, a year:
/// "in 2024") are kept apart and always offered: bounding the search by the
/// longest span would make one year-long member widen every member's
/// search to a year of a block's daily reports.
struct ByStart {
    /// Members of at most `SHORT_DAYS` days, ascending by first day, then
    /// index.
    short: Vec<Member>,
    /// The longest span among `short`, in days.
    longest: i64,
    /// The others.
    long: Vec<Member>,
}

impl ByStart {
    const SHORT_DAYS: i64 = 7;

    fn new(table: &[Member]) -> ByStart {
        let span = |m: &Member| {
            m.end
                .since(m.start)
                .map_or(i64::MAX, |d| i64::from(d.get_days()))
        };
        let (mut short, long): (Vec<Member>, Vec<Member>) =
            table.iter().partition(|m| span(m) <= Self::SHORT_DAYS);
        short.sort_unstable_by_key(|m| (m.start, m.index));
        let longest = short.iter().map(span).max().unwrap_or(0);
        ByStart {
            short,
            longest,
            long,
        }
    }

    /// Members whose days may overlap `a`'s with a day of slack (a
    /// superset: the short ones that start from the longest short span and
    /// a day before `a` to a day after it ends, and every long one).
    /// Two slices rather than a chained iterator: the scan over them is
    /// the inner loop of a big block (a chain halved its speed).
    fn near(&self, a: &Member) -> [&[Member]; 2] {
        let back = jiff::Span::new().try_days(self.longest.saturating_add(1));
        let from = back.ok().and_then(|b| a.start.checked_sub(b).ok());
        let (from, to) = (from.unwrap_or(Date::MIN), next_day(a.end));
        let lo = self.short.partition_point(|m| m.start < from);
        let hi = self.short.partition_point(|m| m.start <= to);
        [&self.short[lo..hi.max(lo)], &self.long]
    }
}

/// [`join_closest`] by its definition: every compatible pair of `members`
/// (dated ones overlapping with a day of slack) held as
/// (slack, code gap, i, j), sorted, and joined in turn.
fn join_sorted_pairs(items: &[Prepared], members: &[usize], groups: &mut Groups) {
    let dated = members.iter().all(|&i| items[i].days.is_some());
    let mut pairs = Vec::new();
    for (n, &i) in members.iter().enumerate() {
        for &j in &members[n + 1..] {
            let (a, b) = (&items[i], &items[j]);
            if same_happening(a, b) {
                let gap = a.event().cameo.len().abs_diff(b.event().cameo.len());
                pairs.push((dated && has_slack(a, b), gap, i, j));
            }
        }
    }
    pairs.sort_unstable();
    for (_, _, i, j) in pairs {
        groups.union(i, j);
    }
}

/// How a list of members is joined: [`join_closest`], or its definition
/// [`join_sorted_pairs`] in tests.
type Join = fn(&[Prepared], &[usize], &mut Groups);

/// Groups one block (indices into `items`, ascending) into happenings.
fn group_block(items: &[Prepared], block: &[usize], groups: &mut Groups, join: Join) {
    let (dated, undated): (Vec<usize>, Vec<usize>) =
        block.iter().partition(|&&i| items[i].days.is_some());
    join(items, &dated, groups);
    // An undated event joins a dated group only when exactly one fits.
    let mut roots: Vec<usize> = dated.iter().map(|&d| groups.find(d)).collect();
    roots.sort_unstable();
    roots.dedup();
    let mut loose = Vec::new();
    let mut attach = Vec::new();
    for &u in &undated {
        let fits: Vec<usize> = roots
            .iter()
            .copied()
            .filter(|&r| groups.summary[r].join(&groups.summary[u]).is_some())
            .collect();
        match fits.as_slice() {
            [g] => attach.push((u, *g)),
            _ => loose.push(u),
        }
    }
    for (u, g) in attach {
        if !groups.union(u, g) {
            loose.push(u);
        }
    }
    loose.sort_unstable();
    join(items, &loose, groups);
}

/// Better representative first: longest code, most precise date, highest
/// confidence, then canonical order (the caller passes indices in
/// canonical order, so the smaller index wins ties).
fn better(a: &Prepared, b: &Prepared) -> Ordering {
    let (ea, eb) = (a.event(), b.event());
    eb.cameo
        .len()
        .cmp(&ea.cameo.len())
        .then_with(|| ea.date.precision.cmp(&eb.date.precision))
        .then_with(|| a.days.is_none().cmp(&b.days.is_none()))
        .then_with(|| eb.confidence.total_cmp(&ea.confidence))
}

/// The outlet a mention counts as: its outlet, else its URL's host, else
/// its document id (lower-cased, `www.` dropped).
pub fn source_of(mention: &EventMention) -> String {
    let outlet = mention
        .outlet
        .as_deref()
        .map(str::trim)
        .filter(|o| !o.is_empty());
    if let Some(o) = outlet {
        return o.to_lowercase();
    }
    if let Some(host) = mention.url.as_deref().and_then(url_host) {
        return host;
    }
    format!("doc:{}", mention.doc)
}

/// The host of a URL, lower-cased, without `www.` ("https://www.bbc.com/x" → "bbc.com").
fn url_host(url: &str) -> Option<String> {
    let rest = url.trim();
    let rest = rest.split_once("://").map_or(rest, |(_, r)| r);
    let rest = rest.rsplit_once('@').map_or(rest, |(_, r)| r);
    let host = rest
        .split(['/', '?', '#', ':'])
        .next()
        .unwrap_or("")
        .to_lowercase();
    let host = host
        .strip_prefix("www.")
        .map(str::to_string)
        .unwrap_or(host);
    (!host.is_empty()).then_some(host)
}

fn merged_id(rep: &Prepared, first: &EventMention) -> String {
    let e = rep.event();
    let (a, b) = if e.symmetric && rep.target < rep.source {
        (rep.target.as_str(), rep.source.as_str())
    } else {
        (rep.source.as_str(), rep.target.as_str())
    };
    let date = e.date.start.map(|d| d.to_string()).unwrap_or_default();
    let start = first.start.to_string();
    let h = chronicler_core::text::stable_hash(&[
        root(&e.cameo),
        e.status.as_str(),
        a,
        b,
        &e.cameo,
        &date,
        &first.doc,
        &start,
    ]);
    format!("{h:016x}")
}

/// Merges events (no near-duplicate documents known).
pub fn merge(events: Vec<Located>) -> Vec<MergedEvent> {
    consolidate(events, &NearDuplicates::default()).events
}

/// Merged events with the coded events each was merged from.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Consolidated {
    /// The merged events, in the consolidation's deterministic order.
    pub events: Vec<MergedEvent>,
    /// For each event (same index), its coded events in canonical order.
    pub members: Vec<Vec<Located>>,
    /// The near-duplicate links it was consolidated with.
    pub near_duplicates: NearDuplicates,
    /// When consolidated from a grouping kept from earlier runs
    /// ([`incremental::regroup`]): the kept stories and the documents
    /// whose events were regrouped, so that stories are regrouped only
    /// where needed. `None` when everything was grouped from scratch.
    pub kept_stories: Option<stories::KeptStories>,
}

/// Near-duplicate documents (syndicated copies, updated versions) as
/// clusters: the connected components of the links found (a link is a
/// pair of documents whose MinHash similarity passed the threshold). Their
/// mentions count as one independent source.
///
/// Linking is transitive: when A is linked to B and B to C, A, B and C are
/// one cluster even if A and C were not linked (an article, its update,
/// and the update's copy). A cluster takes one row per document to store,
/// where pair links took one per pair (a wire story syndicated k times:
/// k rows, not k(k-1)/2).
///
/// Cloning is cheap (the clusters are shared).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct NearDuplicates {
    /// Cluster index of every document in a cluster of two or more.
    cluster_of: Arc<BTreeMap<String, usize>>,
    /// The clusters' documents, each sorted, clusters ordered by their
    /// smallest document id (the representative).
    clusters: Arc<Vec<Vec<String>>>,
}

impl NearDuplicates {
    /// From links between document ids (either order; self-links ignored):
    /// their connected components.
    pub fn new<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> NearDuplicates {
        let mut index: BTreeMap<&str, usize> = BTreeMap::new();
        let mut edges: Vec<(usize, usize)> = Vec::new();
        for (a, b) in pairs {
            if a == b {
                continue;
            }
            let mut at = |d: &'a str| {
                let n = index.len();
                *index.entry(d).or_insert(n)
            };
            let (i, j) = (at(a), at(b));
            edges.push((i, j));
        }
        let mut parent: Vec<usize> = (0..index.len()).collect();
        for (i, j) in edges {
            union(&mut parent, i, j);
        }
        let mut groups: BTreeMap<usize, Vec<String>> = BTreeMap::new();
        for (d, &i) in &index {
            let r = find(&mut parent, i);
            groups.entry(r).or_default().push((*d).to_string());
        }
        NearDuplicates::assemble(groups.into_values().collect())
    }

    /// From clusters of document ids (such as those a store keeps):
    /// clusters sharing a document are joined, clusters of one dropped.
    pub fn from_clusters<I, S>(clusters: impl IntoIterator<Item = I>) -> NearDuplicates
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        let clusters: Vec<Vec<String>> = clusters
            .into_iter()
            .map(|c| c.into_iter().map(Into::into).collect())
            .collect();
        // Clusters sharing no document (a store's: one cluster row a
        // document) are their own components: no links to join.
        let disjoint = {
            let mut seen: HashSet<&str> = HashSet::new();
            clusters.iter().flatten().all(|d| seen.insert(d.as_str()))
        };
        if disjoint {
            return NearDuplicates::assemble(clusters);
        }
        NearDuplicates::new(
            clusters
                .iter()
                .flat_map(|c| c.windows(2).map(|w| (w[0].as_str(), w[1].as_str()))),
        )
    }

    fn assemble(mut groups: Vec<Vec<String>>) -> NearDuplicates {
        for g in &mut groups {
            g.sort();
            g.dedup();
        }
        groups.retain(|g| g.len() > 1);
        groups.sort();
        let mut cluster_of = BTreeMap::new();
        for (i, g) in groups.iter().enumerate() {
            for d in g {
                cluster_of.insert(d.clone(), i);
            }
        }
        NearDuplicates {
            cluster_of: Arc::new(cluster_of),
            clusters: Arc::new(groups),
        }
    }

    /// The other documents of `doc`'s cluster.
    pub fn of<'s>(&'s self, doc: &'s str) -> impl Iterator<Item = &'s str> {
        self.cluster_of
            .get(doc)
            .and_then(|&i| self.clusters.get(i))
            .into_iter()
            .flatten()
            .map(String::as_str)
            .filter(move |d| *d != doc)
    }

    /// True when `a` and `b` are two documents of one cluster.
    pub fn linked(&self, a: &str, b: &str) -> bool {
        a != b
            && matches!(
                (self.cluster_of.get(a), self.cluster_of.get(b)),
                (Some(x), Some(y)) if x == y
            )
    }

    /// The cluster of `doc` (an index into [`NearDuplicates::clusters`]),
    /// when it has near duplicates.
    pub fn cluster(&self, doc: &str) -> Option<usize> {
        self.cluster_of.get(doc).copied()
    }

    /// Every cluster (two documents or more, sorted), ordered by its
    /// smallest document id.
    pub fn clusters(&self) -> &[Vec<String>] {
        &self.clusters
    }

    /// True when no document has a near duplicate.
    pub fn is_empty(&self) -> bool {
        self.clusters.is_empty()
    }
}

/// Union-find over indices: the root of `i` (paths halved).
pub(crate) fn find(p: &mut [usize], mut i: usize) -> usize {
    while p[i] != i {
        p[i] = p[p[i]];
        i = p[i];
    }
    i
}

/// Joins the sets of `a` and `b`; the smaller root stays the root.
pub(crate) fn union(p: &mut [usize], a: usize, b: usize) {
    let (ra, rb) = (find(p, a), find(p, b));
    p[ra.max(rb)] = ra.min(rb);
}

/// The number of independent sources among `mentions`: distinct outlets
/// ([`source_of`]), where an outlet and the outlets carrying near-duplicate
/// copies of its document count once.
pub fn independent_sources(mentions: &[EventMention], dups: &NearDuplicates) -> usize {
    let labels: Vec<String> = mentions.iter().map(source_of).collect();
    let mut ids: BTreeMap<&str, usize> = BTreeMap::new();
    for l in &labels {
        let n = ids.len();
        ids.entry(l.as_str()).or_insert(n);
    }
    let mut parent: Vec<usize> = (0..ids.len()).collect();
    // The outlets of documents in one cluster are one source: each is
    // joined to the first outlet seen in its cluster (a lookup per
    // mention, whatever the size of the cluster).
    let mut first_in: BTreeMap<usize, usize> = BTreeMap::new();
    for (m, l) in mentions.iter().zip(&labels) {
        let (Some(c), Some(&a)) = (dups.cluster(&m.doc), ids.get(l.as_str())) else {
            continue;
        };
        let b = *first_in.entry(c).or_insert(a);
        union(&mut parent, a, b);
    }
    (0..parent.len())
        .filter(|&i| find(&mut parent, i) == i)
        .count()
}

/// The block key of an event: 16 hex digits of a stable hash of (CAMEO
/// root, status, unordered actor pair). Events with different keys are
/// never the same happening, so a block can be regrouped on its own: when
/// documents are added, only the blocks of their events change.
pub fn block_key(l: &Located) -> String {
    let p = Prepared::new(l);
    let (root, status, a, b) = p.block();
    let h = chronicler_core::text::stable_hash(&[&root, status.as_str(), &a, &b]);
    format!("{h:016x}")
}

/// Groups events into happenings: indices into `events`, each group in
/// canonical order, groups ordered by their first member. Depends on the
/// set of events, not their order; a group never spans two blocks
/// ([`block_key`]), so grouping a subset made of whole blocks gives those
/// blocks' groups exactly as grouping everything would.
pub fn group_indices(events: &[Located]) -> Vec<Vec<usize>> {
    group_indices_by(events, join_closest)
}

/// [`group_indices`] by the definition of the order of joins: every
/// compatible pair of a block held, sorted and joined in turn (memory
/// quadratic in a block), to test the streaming joins against.
#[doc(hidden)]
pub fn group_indices_by_sorted_pairs(events: &[Located]) -> Vec<Vec<usize>> {
    group_indices_by(events, join_sorted_pairs)
}

fn group_indices_by(events: &[Located], join: Join) -> Vec<Vec<usize>> {
    let mut order: Vec<usize> = (0..events.len()).collect();
    order.sort_by(|&a, &b| canonical(&events[a], &events[b]));
    let items: Vec<Prepared> = order.iter().map(|&i| Prepared::new(&events[i])).collect();

    let mut blocks: BTreeMap<_, Vec<usize>> = BTreeMap::new();
    for (i, item) in items.iter().enumerate() {
        blocks.entry(item.block()).or_default().push(i);
    }
    let mut uf = Groups::new(&items);
    for block in blocks.values() {
        group_block(&items, block, &mut uf, join);
    }
    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (i, &original) in order.iter().enumerate() {
        let r = uf.find(i);
        groups.entry(r).or_default().push(original);
    }
    groups.into_values().collect()
}

/// The id a group of events gets (before the suffix that keeps ids unique
/// on a collision): see the crate documentation. `None` for no events.
pub fn group_id(members: &[&Located]) -> Option<String> {
    let mut refs: Vec<&Located> = members.to_vec();
    refs.sort_by(|a, b| canonical(a, b));
    let items: Vec<Prepared> = refs.into_iter().map(Prepared::new).collect();
    let rep = (0..items.len()).min_by(|&a, &b| better(&items[a], &items[b]).then(a.cmp(&b)))?;
    let first = members.iter().map(|l| &l.mention).min_by(|a, b| {
        (a.doc.as_str(), a.start, a.end, a.sentence.as_str()).cmp(&(
            b.doc.as_str(),
            b.start,
            b.end,
            b.sentence.as_str(),
        ))
    })?;
    Some(merged_id(&items[rep], first))
}

/// Merges events, counting near-duplicate documents as one source.
pub fn consolidate(events: Vec<Located>, dups: &NearDuplicates) -> Consolidated {
    let groups = group_indices(&events);
    let mut slots: Vec<Option<Located>> = events.into_iter().map(Some).collect();
    let groups = groups
        .into_iter()
        .map(|g| g.into_iter().filter_map(|i| slots[i].take()).collect())
        .collect();
    assemble(groups, dups)
}

/// The consolidation's order of merged events (before ids are made
/// unique): undated last, by first day, CAMEO code, id and first mention
/// ([`order_key`]), then, for equal keys (a hash collision), by members
/// (`la`, `lb`), so that the order does not depend on the groups' order.
pub fn event_order(a: &MergedEvent, la: &[Located], b: &MergedEvent, lb: &[Located]) -> Ordering {
    order_key(a)
        .cmp(&order_key(b))
        .then_with(|| format!("{la:?}").cmp(&format!("{lb:?}")))
}

/// The key of [`event_order`] without the members: (undated, first day,
/// CAMEO code, id, first mention's document and character offset).
pub fn order_key(m: &MergedEvent) -> (bool, Option<Date>, &str, &str, &str, usize) {
    let (doc, start) = m
        .mentions
        .first()
        .map(|f| (f.doc.as_str(), f.start))
        .unwrap_or_default();
    (
        m.event.date.start.is_none(),
        m.event.date.start,
        &m.event.cameo,
        &m.id,
        doc,
        start,
    )
}

/// Builds the merged events of groups of coded events that are each one
/// happening (from [`group_indices`], possibly computed block by block
/// in earlier runs): representative, mentions, counts, ids, order. The
/// result depends only on the set of groups.
pub fn assemble(groups: Vec<Vec<Located>>, dups: &NearDuplicates) -> Consolidated {
    assemble_groups(groups, dups).0
}

/// [`assemble`], also giving for each merged event (same order) the index
/// of its group in `groups` and its id before it was made unique.
pub fn assemble_groups(
    groups: Vec<Vec<Located>>,
    dups: &NearDuplicates,
) -> (Consolidated, Vec<(usize, String)>) {
    let mut out: Vec<(MergedEvent, Vec<Located>, usize)> = Vec::with_capacity(groups.len());
    for (at, mut located) in groups.into_iter().enumerate() {
        located.sort_by(canonical);
        let items: Vec<Prepared> = located.iter().map(Prepared::new).collect();
        let Some(rep) =
            (0..items.len()).min_by(|&a, &b| better(&items[a], &items[b]).then(a.cmp(&b)))
        else {
            continue;
        };
        let mut mentions: Vec<EventMention> = located.iter().map(|l| l.mention.clone()).collect();
        mentions.sort_by(|a, b| {
            (a.doc.as_str(), a.start, a.end, a.sentence.as_str()).cmp(&(
                b.doc.as_str(),
                b.start,
                b.end,
                b.sentence.as_str(),
            ))
        });
        // One sentence coded twice (a code and its refinement) is one mention.
        mentions.dedup_by(|a, b| a.doc == b.doc && a.start == b.start && a.end == b.end);
        let num_articles = mentions
            .iter()
            .map(|m| m.doc.as_str())
            .collect::<BTreeSet<_>>()
            .len();
        let num_sources = independent_sources(&mentions, dups);
        let Some(first) = mentions.first() else {
            continue;
        };
        let id = merged_id(&items[rep], first);
        let event = items[rep].located.event.clone();
        drop(items);
        out.push((
            MergedEvent {
                id,
                event,
                mentions,
                num_articles,
                num_sources,
            },
            located,
            at,
        ));
    }

    out.sort_by(|(a, la, _), (b, lb, _)| event_order(a, la, b, lb));

    // Ids must be unique: a hash collision (or two groups reported by the
    // same first sentence with the same code) gets a deterministic suffix.
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    let mut result = Consolidated {
        near_duplicates: dups.clone(),
        ..Consolidated::default()
    };
    let mut origins = Vec::with_capacity(out.len());
    for (mut m, located, at) in out {
        let n = seen.entry(m.id.clone()).or_insert(0);
        *n += 1;
        let base = if *n > 1 {
            let suffixed = format!("{}-{}", m.id, n);
            std::mem::replace(&mut m.id, suffixed)
        } else {
            m.id.clone()
        };
        origins.push((at, base));
        result.events.push(m);
        result.members.push(located);
    }
    (result, origins)
}
