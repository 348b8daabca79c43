//! The server's view of the merged events of one state of the store: what
//! it filters, sorts and pages without merging them.
//!
//! From a store whose kept consolidation is current, the view is one
//! compact head per kept merged event (its group, id, actors, code,
//! status and days, about a hundred bytes, the actors and codes held once
//! each), in the events' order; an answer reads the full rows of the
//! events it shows (`Store::kept_events_at`, by their groups) and merges
//! only those. Otherwise every merged event is built in memory.

use std::collections::{BTreeSet, HashMap};
use std::sync::{Arc, OnceLock};
use std::time::{Duration, Instant};

use chronicler_core::{Actor, MergedEvent, Status};
use chronicler_store::{KeptEventRow, Store};
use jiff::civil::Date;

use crate::dto::{ApiEvent, KeptStory};
use crate::error::ApiError;

/// The day each event is placed at, in the events' order.
type Placed = Vec<Option<Date>>;

/// No actor, in [`Head::source`] and [`Head::target`].
const NONE: u32 = u32::MAX;

/// What the view keeps of a kept merged event.
#[derive(Debug)]
struct Head {
    /// Block key, group label and id, one after the other (`\n` between).
    names: Box<str>,
    /// Index of its source and target among the view's actors ([`NONE`]).
    source: u32,
    target: u32,
    /// Index of its CAMEO code among the view's codes.
    cameo: u32,
    status: Status,
    day: Option<Date>,
    end: Option<Date>,
}

impl Head {
    fn parts(&self) -> (&str, &str, &str) {
        let mut p = self.names.splitn(3, '\n');
        let block = p.next().unwrap_or_default();
        let group = p.next().unwrap_or_default();
        let id = p.next().unwrap_or_default();
        (block, group, id)
    }
}

/// The heads of a current store, with the actors and codes they name.
#[derive(Debug, Default)]
pub(crate) struct Heads {
    heads: Vec<Head>,
    actors: Vec<Actor>,
    cameos: Vec<Box<str>>,
}

/// Holds each distinct value once and hands out its index.
struct Interner<T> {
    values: Vec<T>,
    index: HashMap<T, u32>,
}

impl<T: std::hash::Hash + Eq + Clone> Interner<T> {
    fn new() -> Self {
        Interner {
            values: Vec::new(),
            index: HashMap::new(),
        }
    }

    fn add(&mut self, v: T) -> u32 {
        if let Some(&i) = self.index.get(&v) {
            return i;
        }
        let i = u32::try_from(self.values.len()).unwrap_or(NONE - 1);
        self.values.push(v.clone());
        self.index.insert(v, i);
        i
    }
}

impl Heads {
    /// The heads of `store`'s kept merged events in the events' order,
    /// with the day each is placed at, when they are current: each row
    /// read once and kept small (only its place in the order is held
    /// beside it until they are sorted).
    fn read_placed(store: &Store) -> Result<Option<(Heads, Placed)>, ApiError> {
        let mut actors: Interner<Actor> = Interner::new();
        let mut cameos: Interner<Box<str>> = Interner::new();
        let mut placed: Vec<(chronicler_query::KeptOrder, Option<Date>, Head)> = Vec::new();
        let current = chronicler_query::each_kept_row(store, |r: KeptEventRow| {
            let order = chronicler_query::KeptOrder::from(&r);
            let day = row_placed(&r);
            let mut actor = |a: Option<Actor>| a.map_or(NONE, |a| actors.add(a));
            let head = Head {
                source: actor(r.source),
                target: actor(r.target),
                cameo: cameos.add(r.cameo.into()),
                status: r.status,
                day: r.day,
                end: r.end,
                names: format!("{}\n{}\n{}", r.block, r.group, r.id).into(),
            };
            placed.push((order, day, head));
            Ok(())
        })?;
        if !current {
            return Ok(None);
        }
        placed.sort_by(|a, b| a.0.cmp(&b.0));
        let (days, heads): (Vec<Option<Date>>, Vec<Head>) =
            placed.into_iter().map(|(_, day, h)| (day, h)).unzip();
        let heads = Heads {
            heads,
            actors: actors.values,
            cameos: cameos.values,
        };
        Ok(Some((heads, days)))
    }
}

/// Where the merged events of a view are.
#[derive(Debug)]
pub(crate) enum Events {
    /// The kept merged events' heads (a store whose kept consolidation is
    /// current), in the events' order; each event merged only when an
    /// answer shows it.
    Kept(Heads),
    /// Every merged event, built in memory (a store whose kept
    /// consolidation is not current), with the ids of those whose reports
    /// disagree.
    Whole {
        consolidated: chronicler_query::Consolidated,
        disputed: BTreeSet<String>,
    },
}

/// What a filter reads of a merged event.
pub(crate) struct Fields<'a> {
    pub source: Option<&'a Actor>,
    pub target: Option<&'a Actor>,
    pub cameo: &'a str,
    pub status: Status,
    pub start: Option<Date>,
    pub end: Option<Date>,
}

/// The merged events of one state of the store, with their date order.
#[derive(Debug)]
pub(crate) struct EventsView {
    /// [`Store::last_document_key`] when they were read.
    pub(crate) key: i64,
    pub(crate) events: Events,
    /// The stories of this state, by first day then id: built on first
    /// ask, not per request.
    pub(crate) stories: OnceLock<Arc<Vec<KeptStory>>>,
    /// The day each event is placed at: its first day, else its last,
    /// else the first publication day among its reports.
    placed: Vec<Option<Date>>,
    /// Indices into the events, by day placed at, then id.
    pub by_date: Vec<u32>,
    /// Indices into the events, by id: sorted on first ask.
    by_id: OnceLock<Vec<u32>>,
    /// When it was built, and how long that took.
    pub(crate) built: Instant,
    pub(crate) took: Duration,
}

impl EventsView {
    fn new(key: i64, events: Events, placed: Vec<Option<Date>>) -> EventsView {
        let mut view = EventsView {
            key,
            events,
            stories: OnceLock::new(),
            placed,
            by_date: Vec::new(),
            by_id: OnceLock::new(),
            built: Instant::now(),
            took: Duration::ZERO,
        };
        let n = u32::try_from(view.placed.len()).unwrap_or(u32::MAX);
        let mut by_date: Vec<u32> = (0..n).collect();
        by_date.sort_by(|&a, &b| {
            let (a, b) = (a as usize, b as usize);
            (view.placed[a], view.id(a)).cmp(&(view.placed[b], view.id(b)))
        });
        view.by_date = by_date;
        view
    }

    /// The view of a store whose kept merged events are current (None
    /// when they are not): their heads only.
    pub(crate) fn kept(store: &Store, key: i64) -> Result<Option<EventsView>, ApiError> {
        let Some((heads, placed)) = Heads::read_placed(store)? else {
            return Ok(None);
        };
        Ok(Some(EventsView::new(key, Events::Kept(heads), placed)))
    }

    /// The view of any store: every merged event built in memory.
    pub(crate) fn whole(store: &Store, key: i64) -> Result<EventsView, ApiError> {
        let mut c = chronicler_query::consolidated(store)?;
        let disputed = chronicler_query::conflicts(&c)
            .into_iter()
            .map(|x| x.id)
            .collect();
        c.members = Vec::new();
        let placed = c.events.iter().map(placed_day).collect();
        Ok(EventsView::new(
            key,
            Events::Whole {
                consolidated: c,
                disputed,
            },
            placed,
        ))
    }

    /// Whether it holds the kept heads (not every event merged).
    pub(crate) fn is_kept(&self) -> bool {
        matches!(self.events, Events::Kept(_))
    }

    /// How many merged events.
    pub fn len(&self) -> usize {
        self.placed.len()
    }

    /// The id of event `i`.
    pub fn id(&self, i: usize) -> &str {
        match &self.events {
            Events::Kept(h) => h.heads[i].parts().2,
            Events::Whole { consolidated, .. } => &consolidated.events[i].id,
        }
    }

    /// The day event `i` is placed at.
    pub fn placed(&self, i: usize) -> Option<Date> {
        self.placed[i]
    }

    /// The sort key of event `i` as cursors give it: the day it is placed
    /// at (empty when none), then its id.
    pub fn key(&self, i: usize) -> (String, String) {
        (
            self.placed[i].map(|d| d.to_string()).unwrap_or_default(),
            self.id(i).to_string(),
        )
    }

    /// The index of the event `id`: a binary search in the events sorted
    /// by id (sorted on first ask, four bytes an event).
    pub fn find(&self, id: &str) -> Option<usize> {
        let by_id = self.by_id.get_or_init(|| {
            let mut v: Vec<u32> = (0..u32::try_from(self.len()).unwrap_or(u32::MAX)).collect();
            v.sort_by(|&a, &b| self.id(a as usize).cmp(self.id(b as usize)));
            v
        });
        let at = by_id.partition_point(|&i| self.id(i as usize) < id);
        let i = *by_id.get(at)? as usize;
        (self.id(i) == id).then_some(i)
    }

    /// What a filter reads of event `i`.
    pub fn fields(&self, i: usize) -> Fields<'_> {
        match &self.events {
            Events::Kept(h) => {
                let head = &h.heads[i];
                let actor = |a: u32| h.actors.get(a as usize);
                Fields {
                    source: actor(head.source),
                    target: actor(head.target),
                    cameo: h.cameos.get(head.cameo as usize).map_or("", |c| c),
                    status: head.status,
                    start: head.day,
                    end: head.end,
                }
            }
            Events::Whole { consolidated, .. } => {
                let e = &consolidated.events[i].event;
                Fields {
                    source: e.source.as_ref(),
                    target: e.target.as_ref(),
                    cameo: &e.cameo,
                    status: e.status,
                    start: e.date.start,
                    end: e.date.end,
                }
            }
        }
    }

    /// The full kept rows of the events `picked` (of a view of heads), in
    /// that order; an event regrouped since the view was read is left out.
    fn rows(
        &self,
        store: &Store,
        picked: &[usize],
    ) -> Result<Vec<KeptEventRow>, chronicler_store::StoreError> {
        let Events::Kept(h) = &self.events else {
            return Ok(Vec::new());
        };
        let keys: Vec<(&str, &str)> = picked
            .iter()
            .map(|&i| {
                let (block, group, _) = h.heads[i].parts();
                (block, group)
            })
            .collect();
        store.kept_events_at(&keys)
    }

    /// The events `picked` of a view of heads merged one at a time, in
    /// that order: their rows read a thousand at a time.
    fn pieces<'s>(
        &'s self,
        store: &'s Store,
        picked: &'s [usize],
    ) -> impl Iterator<Item = Result<chronicler_query::Consolidated, chronicler_query::QueryError>> + 's
    {
        let mut chunks = picked.chunks(1024);
        let mut stream: Option<chronicler_query::MergedStream<'s>> = None;
        std::iter::from_fn(move || loop {
            if let Some(p) = stream.as_mut().and_then(Iterator::next) {
                return Some(p);
            }
            // The last chunk's stream (and its snapshot) ends first.
            stream = None;
            let chunk = chunks.next()?;
            let rows = match self.rows(store, chunk) {
                Ok(rows) => rows,
                Err(e) => return Some(Err(e.into())),
            };
            match chronicler_query::kept_stream(store, rows) {
                Ok(s) => stream = Some(s),
                Err(e) => return Some(Err(e)),
            }
        })
    }

    /// Those of `order` whose sentences hold `text` (ignoring case), in
    /// that order.
    pub fn with_text(
        &self,
        store: &Store,
        order: Vec<usize>,
        text: &str,
    ) -> Result<Vec<usize>, ApiError> {
        Ok(match &self.events {
            Events::Kept(_) if order.len().saturating_mul(4) > self.len() => {
                match self.with_text_scanned(store, &order, text)? {
                    Some(hit) => order.into_iter().filter(|&i| hit[i]).collect(),
                    None => self.with_text_looked_up(store, order, text)?,
                }
            }
            Events::Kept(_) => self.with_text_looked_up(store, order, text)?,
            Events::Whole { consolidated, .. } => {
                let only_text = chronicler_query::EventFilter {
                    text: Some(text.to_string()),
                    ..chronicler_query::EventFilter::default()
                };
                order
                    .into_iter()
                    .filter(|&i| only_text.matches(&consolidated.events[i]))
                    .collect()
            }
        })
    }

    /// [`EventsView::with_text`] for many of a view of heads: every kept
    /// row read in one pass (cheaper than looking up most of them), those
    /// of `order` tested a batch at a time. Whether each event of the view
    /// has the text; None when the rows are no longer current (then they
    /// are looked up).
    fn with_text_scanned(
        &self,
        store: &Store,
        order: &[usize],
        text: &str,
    ) -> Result<Option<Vec<bool>>, ApiError> {
        let mut wanted = vec![false; self.len()];
        for &i in order {
            wanted[i] = true;
        }
        let mut hit = vec![false; self.len()];
        let mut batch: Vec<(usize, KeptEventRow)> = Vec::new();
        let test = |batch: &mut Vec<(usize, KeptEventRow)>,
                    hit: &mut Vec<bool>|
         -> Result<(), chronicler_query::QueryError> {
            let found =
                chronicler_query::kept_rows_with_text(store, batch.iter().map(|(_, r)| r), text)?;
            for ((i, _), yes) in batch.iter().zip(found) {
                hit[*i] |= yes;
            }
            batch.clear();
            Ok(())
        };
        let current = chronicler_query::each_kept_row(store, |r| {
            if let Some(i) = self.index_of(row_placed(&r), &r.id).filter(|&i| wanted[i]) {
                batch.push((i, r));
                if batch.len() >= 4096 {
                    test(&mut batch, &mut hit)?;
                }
            }
            Ok(())
        })?;
        if !current {
            return Ok(None);
        }
        test(&mut batch, &mut hit)?;
        Ok(Some(hit))
    }

    /// The index of the event placed at `placed` with the id `id`.
    fn index_of(&self, placed: Option<Date>, id: &str) -> Option<usize> {
        let at = self.by_date.partition_point(|&j| {
            let j = j as usize;
            (self.placed[j], self.id(j)) < (placed, id)
        });
        let j = *self.by_date.get(at)? as usize;
        (self.placed[j] == placed && self.id(j) == id).then_some(j)
    }

    /// [`EventsView::with_text`] for a few of a view of heads: their rows
    /// looked up.
    fn with_text_looked_up(
        &self,
        store: &Store,
        order: Vec<usize>,
        text: &str,
    ) -> Result<Vec<usize>, ApiError> {
        // A chunk of rows at a time, so that a broad filter holds no more
        // than that many full rows.
        let mut out = Vec::new();
        for chunk in order.chunks(4096) {
            let rows = self.rows(store, chunk)?;
            let hit = chronicler_query::kept_rows_with_text(store, &rows, text)?;
            let found: BTreeSet<&str> = rows
                .iter()
                .zip(hit)
                .filter_map(|(r, h)| h.then_some(r.id.as_str()))
                .collect();
            out.extend(
                chunk
                    .iter()
                    .copied()
                    .filter(|&i| found.contains(self.id(i))),
            );
        }
        Ok(out)
    }

    /// The events of the documents `docs` (ids), in the events' order.
    pub fn of_documents(&self, store: &Store, docs: &[&str]) -> Result<Vec<usize>, ApiError> {
        Ok(match &self.events {
            Events::Kept(_) => {
                // The rows of the groups the documents' events are in, and
                // where those events stand in the view.
                let mut found: Vec<usize> = chronicler_query::kept_rows_of_documents(store, docs)?
                    .iter()
                    .filter_map(|r| self.index_of(row_placed(r), &r.id))
                    .collect();
                found.sort_unstable();
                found
            }
            Events::Whole { consolidated, .. } => (0..consolidated.events.len())
                .filter(|&i| {
                    consolidated.events[i]
                        .mentions
                        .iter()
                        .any(|m| docs.contains(&m.doc.as_str()))
                })
                .collect(),
        })
    }

    /// Hands `f` each of the events `picked`, in that order, merged (from
    /// kept rows, one at a time), with whether its reports disagree.
    pub fn each(
        &self,
        store: &Store,
        picked: &[usize],
        mut f: impl FnMut(&MergedEvent, bool),
    ) -> Result<(), ApiError> {
        match &self.events {
            Events::Kept(_) => {
                for piece in self.pieces(store, picked) {
                    let piece = piece?;
                    let disputed = !chronicler_query::conflicts(&piece).is_empty();
                    for e in &piece.events {
                        f(e, disputed);
                    }
                }
            }
            Events::Whole {
                consolidated,
                disputed,
            } => {
                for &i in picked {
                    let e = &consolidated.events[i];
                    f(e, disputed.contains(&e.id));
                }
            }
        }
        Ok(())
    }

    /// The timeline of the events `picked` (in the events' order).
    pub fn timeline(
        &self,
        store: &Store,
        picked: &[usize],
    ) -> Result<Vec<chronicler_query::TimelineEntry>, ApiError> {
        Ok(match &self.events {
            Events::Kept(_) => chronicler_query::timeline_of(self.pieces(store, picked))?,
            Events::Whole { consolidated, .. } => {
                let events: Vec<MergedEvent> = picked
                    .iter()
                    .map(|&i| consolidated.events[i].clone())
                    .collect();
                chronicler_query::timeline(&events)
            }
        })
    }

    /// The events `picked`, as the API shows them.
    pub fn api_events(&self, store: &Store, picked: &[usize]) -> Result<Vec<ApiEvent>, ApiError> {
        let mut out = Vec::with_capacity(picked.len());
        self.each(store, picked, |e, disputed| {
            let mut a = ApiEvent::new(e);
            a.disputed = disputed;
            out.push(a);
        })?;
        Ok(out)
    }
}

/// The day a kept merged event is placed at (as [`placed_day`] says of a
/// merged one).
fn row_placed(r: &KeptEventRow) -> Option<Date> {
    r.day.or(r.end).or(r.first_report)
}

/// The day a merged event is placed at: its first day, else its last,
/// else the first publication day among its reports (as a kept row's
/// `first_report` gives it).
fn placed_day(e: &MergedEvent) -> Option<Date> {
    let ev = &e.event;
    ev.date.start.or(ev.date.end).or_else(|| {
        e.mentions
            .iter()
            .filter_map(|m| m.published.as_deref()?.get(..10)?.parse::<Date>().ok())
            .min()
    })
}
