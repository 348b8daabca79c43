//! Reads for `chronicler actors`: the actors the dictionaries resolved, with
//! their codes and mention counts, and the names no dictionary knows, with
//! their counts and the sentences they stand in (to grow the dictionaries).

use std::borrow::Cow;

use rustc_hash::FxHashMap;
use serde::de::IgnoredAny;

use rusqlite::{params, Connection};
use serde::Serialize;

use crate::codec::{int, uint};
use crate::{Context, StoreError};

/// An actor as coded across the store: one row per entity and code (a
/// person's code follows the role in force on each article's date).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ActorCount {
    /// Entity key ("person:andrii-sybiha", "state:UKR", "gov:UKR", "agent:CVL").
    pub entity: String,
    /// Canonical name.
    pub name: String,
    /// CAMEO actor code.
    pub code: String,
    /// Kind ("person", "state", "organization", "group", "agent").
    pub kind: String,
    /// Mentions in the store.
    pub mentions: usize,
    /// Documents that mention it.
    pub documents: usize,
    /// Up to three ways the articles name it, most frequent first.
    pub forms: Vec<String>,
}

/// One sentence a name stands in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NameContext {
    /// Document id.
    pub doc: String,
    /// The sentence.
    pub sentence: String,
}

/// A name no dictionary knows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct UnresolvedCount {
    /// The name as written.
    pub name: String,
    /// Occurrences in the store.
    pub count: usize,
    /// Documents it occurs in.
    pub documents: usize,
    /// Sentences it stands in (first documents by id, first occurrences).
    pub contexts: Vec<NameContext>,
}

/// One actor mention as packed in `doc_mentions.actors` (migration 0015):
/// sentence, start and end byte, entity, name, code, country, role, kind,
/// form; its strings borrowed from the JSON where they can be, and what
/// the count does not read skipped.
#[derive(serde::Deserialize)]
struct PackedActorRef<'a>(
    IgnoredAny,
    usize,
    usize,
    #[serde(borrow)] Cow<'a, str>,
    #[serde(borrow)] Cow<'a, str>,
    #[serde(borrow)] Cow<'a, str>,
    IgnoredAny,
    IgnoredAny,
    #[serde(borrow)] Cow<'a, str>,
    IgnoredAny,
);

/// Occurrences and the documents they are in, counted as the documents
/// are read one after the other.
#[derive(Default)]
struct Seen {
    count: usize,
    documents: usize,
    last_doc: Option<i64>,
}

impl Seen {
    fn add(&mut self, doc: i64) {
        self.count += 1;
        if self.last_doc != Some(doc) {
            self.documents += 1;
            self.last_doc = Some(doc);
        }
    }
}

/// The bytes `[start, end)` of a document's text as SQL's `substr` over
/// them gives (cut to the text).
fn text_bytes(text: &[u8], start: usize, end: usize) -> String {
    text_form(text, start, end).into_owned()
}

/// [`text_bytes`], borrowed when the bytes are UTF-8.
fn text_form(text: &[u8], start: usize, end: usize) -> Cow<'_, str> {
    let from = start.min(text.len());
    let to = end.clamp(from, text.len());
    String::from_utf8_lossy(text.get(from..to).unwrap_or_default())
}

/// The packed JSON array in column `col` of `row` (`doc_mentions`),
/// decoded, its strings borrowed from the row where they can be; `what`
/// names it in an error.
fn unpack<'r, T: serde::Deserialize<'r>>(
    row: &'r rusqlite::Row<'_>,
    col: usize,
    what: impl Fn() -> String,
) -> Result<T, StoreError> {
    let json = row
        .get_ref(col)
        .with_ctx(|| format!("reading the {}", what()))?
        .as_str()
        .map_err(|e| StoreError::Corrupt(format!("the {}: {e}", what())))?;
    serde_json::from_str(json).map_err(|source| StoreError::Json {
        context: format!("reading the {}", what()),
        source,
    })
}

/// What [`actor_counts`] gathers of one entity and code.
#[derive(Default)]
struct Tally {
    name: Option<String>,
    kind: Option<String>,
    seen: Seen,
    forms: FxHashMap<String, usize>,
}

/// Keeps the smaller of `slot` and `value` (SQL's `min` over text).
fn keep_min(slot: &mut Option<String>, value: &str) {
    if slot.as_deref().is_none_or(|s| value < s) {
        *slot = Some(value.to_string());
    }
}

/// Every actor with its mention and document counts, its name (the
/// smallest, or for a generic agent the commonest form) and its three
/// commonest forms: most mentioned first, then by entity and code.
///
/// One pass over each document's packed mentions and its text, counted
/// here: as SQL over the `actor_mentions` view, grouping the forms had
/// SQLite's sorter write a copy of the document's whole text for every
/// mention to its temporary files (41 s, 32 of them in the kernel, for the
/// report of a 100,000-article store).
pub(crate) fn actor_counts(conn: &Connection) -> Result<Vec<ActorCount>, StoreError> {
    let what = "counting actors";
    let mut st = conn
        .prepare(
            "SELECT m.doc, m.actors, d.clean_text FROM doc_mentions m
             JOIN documents d ON d.doc_key = m.doc
             WHERE m.actors <> '[]'",
        )
        .ctx(what)?;
    // Entity, then code: looked up by the borrowed strings of each
    // mention, a key allocated only for a new actor or form (a million
    // articles' 14 million mentions allocated three strings each).
    let mut tallies: FxHashMap<String, FxHashMap<String, Tally>> = FxHashMap::default();
    let mut rows = st.query([]).ctx(what)?;
    while let Some(r) = rows.next().ctx(what)? {
        let doc: i64 = r.get(0).ctx(what)?;
        let mentions: Vec<PackedActorRef<'_>> =
            unpack(r, 1, || format!("actor mentions of document {doc}"))?;
        let text = r.get_ref(2).ctx(what)?.as_bytes().unwrap_or_default();
        for PackedActorRef(_, start, end, entity, name, code, _, _, kind, _) in mentions {
            let codes = match tallies.get_mut(entity.as_ref()) {
                Some(codes) => codes,
                None => tallies.entry(entity.into_owned()).or_default(),
            };
            let t = match codes.get_mut(code.as_ref()) {
                Some(t) => t,
                None => codes.entry(code.into_owned()).or_default(),
            };
            keep_min(&mut t.name, &name);
            keep_min(&mut t.kind, &kind);
            t.seen.add(doc);
            let form = text_form(text, start, end);
            match t.forms.get_mut(form.as_ref()) {
                Some(n) => *n += 1,
                None => {
                    t.forms.insert(form.into_owned(), 1);
                }
            }
        }
    }
    let tallies = tallies.into_iter().flat_map(|(entity, codes)| {
        codes
            .into_iter()
            .map(move |(code, t)| ((entity.clone(), code), t))
    });
    let mut out: Vec<ActorCount> = tallies
        .map(|((entity, code), t)| {
            let mut forms: Vec<(String, usize)> = t.forms.into_iter().collect();
            forms.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
            let forms: Vec<String> = forms.into_iter().take(3).map(|(f, _)| f).collect();
            let kind = t.kind.unwrap_or_default();
            // A generic agent ("agent:GOV") gathers many nouns: name it by
            // the one the articles use most.
            let name = match forms.first() {
                Some(f) if kind == "agent" => f.clone(),
                _ => t.name.unwrap_or_default(),
            };
            ActorCount {
                entity,
                name,
                code,
                kind,
                mentions: t.seen.count,
                documents: t.seen.documents,
                forms,
            }
        })
        .collect();
    out.sort_by(|a, b| {
        b.mentions
            .cmp(&a.mentions)
            .then_with(|| a.entity.cmp(&b.entity))
            .then_with(|| a.code.cmp(&b.code))
    });
    Ok(out)
}

/// One unresolved name as packed in `doc_mentions.unresolved` (migration
/// 0015): sentence, start and end byte, name (borrowed from the JSON where
/// it can be).
#[derive(serde::Deserialize)]
struct PackedNameRef<'a>(usize, usize, IgnoredAny, #[serde(borrow)] Cow<'a, str>);

/// An occurrence of an unresolved name that may be shown: ranked by
/// document id, then position.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Occurrence {
    doc_id: String,
    start: usize,
    doc: i64,
    sentence: usize,
}

/// What [`unresolved_counts`] gathers of one name.
#[derive(Default)]
struct NameTally {
    seen: Seen,
    /// The first occurrences in a stored sentence, at most `contexts`.
    first: Vec<Occurrence>,
    /// Their sentences, once read (`None` until then).
    shown: Vec<Option<NameContext>>,
}

/// Names no dictionary knows, most frequent first (then by name), each
/// with the sentences of its first `contexts` occurrences (by document id,
/// then position) that stand in a stored sentence.
///
/// One pass over each document's packed names, counted here, then one
/// read of each document that holds a sentence shown: as SQL over the
/// `unresolved_names` view, every name was sorted twice and each
/// document's JSON parsed per column (7.3 s for the report of a
/// 100,000-article store).
pub(crate) fn unresolved_counts(
    conn: &Connection,
    contexts: usize,
) -> Result<Vec<UnresolvedCount>, StoreError> {
    let what = "counting unresolved names";
    // How many sentences the document holds when they are rows 0..n; -1
    // where they are not (a damaged store): each occurrence's sentence is
    // then looked up. Without contexts, the sentences are not looked at.
    let sentences = if contexts == 0 {
        "0"
    } else {
        "(SELECT CASE WHEN count(*) = coalesce(max(idx) + 1, 0) THEN count(*) ELSE -1 END
          FROM sentences s WHERE s.doc = m.doc)"
    };
    let mut st = conn
        .prepare(&format!(
            "SELECT m.doc, d.id, m.unresolved, {sentences}
             FROM doc_mentions m JOIN documents d ON d.doc_key = m.doc
             WHERE m.unresolved <> '[]'"
        ))
        .ctx(what)?;
    let mut has_sentence = conn
        .prepare("SELECT 1 FROM sentences WHERE doc = ?1 AND idx = ?2")
        .ctx(what)?;
    // Looked up by the borrowed name: a key allocated only for a new one.
    let mut tallies: FxHashMap<String, NameTally> = FxHashMap::default();
    let mut rows = st.query([]).ctx(what)?;
    while let Some(r) = rows.next().ctx(what)? {
        let doc: i64 = r.get(0).ctx(what)?;
        let doc_id: String = r.get(1).ctx(what)?;
        let sentences: i64 = r.get(3).ctx(what)?;
        let names: Vec<PackedNameRef<'_>> =
            unpack(r, 2, || format!("unresolved names of document {doc_id}"))?;
        for PackedNameRef(sentence, start, _, name) in names {
            let t = match tallies.get_mut(name.as_ref()) {
                Some(t) => t,
                None => tallies.entry(name.into_owned()).or_default(),
            };
            t.seen.add(doc);
            if contexts == 0 {
                continue;
            }
            let later = t.first.last().is_some_and(|l| {
                (l.doc_id.as_str(), l.start, l.doc, l.sentence)
                    < (doc_id.as_str(), start, doc, sentence)
            });
            if t.first.len() == contexts && later {
                continue;
            }
            let o = Occurrence {
                doc_id: doc_id.clone(),
                start,
                doc,
                sentence,
            };
            let stored = if sentences >= 0 {
                i64::try_from(sentence).is_ok_and(|i| i < sentences)
            } else {
                has_sentence.exists(params![doc, int(sentence)]).ctx(what)?
            };
            if stored {
                let at = t.first.partition_point(|x| *x < o);
                t.first.insert(at, o);
                t.first.truncate(contexts);
            }
        }
    }
    // The sentences shown, read document by document; each goes to its
    // rank among its name's occurrences.
    let mut wanted: Vec<(i64, usize, usize, String)> = Vec::new();
    for (name, t) in &mut tallies {
        t.shown = vec![None; t.first.len()];
        for (k, o) in t.first.iter().enumerate() {
            wanted.push((o.doc, o.sentence, k, name.clone()));
        }
    }
    wanted.sort();
    {
        let what = "reading the sentences of unresolved names";
        let mut text_of = conn
            .prepare("SELECT id, clean_text FROM documents WHERE doc_key = ?1")
            .ctx(what)?;
        let mut span_of = conn
            .prepare("SELECT start_byte, end_byte FROM sentences WHERE doc = ?1 AND idx = ?2")
            .ctx(what)?;
        let mut current: Option<(i64, String, String)> = None;
        for (doc, sentence, k, name) in wanted {
            if current.as_ref().is_none_or(|c| c.0 != doc) {
                let (id, text): (String, String) = text_of
                    .query_row([doc], |r| Ok((r.get(0)?, r.get(1)?)))
                    .ctx(what)?;
                current = Some((doc, id, text));
            }
            let (Some((_, id, text)), Some(slot)) = (
                &current,
                tallies.get_mut(&name).and_then(|t| t.shown.get_mut(k)),
            ) else {
                continue;
            };
            let (start, end): (i64, i64) = span_of
                .query_row(params![doc, int(sentence)], |r| Ok((r.get(0)?, r.get(1)?)))
                .ctx(what)?;
            *slot = Some(NameContext {
                doc: id.clone(),
                sentence: text_bytes(text.as_bytes(), uint(start), uint(end)),
            });
        }
    }
    let mut out: Vec<UnresolvedCount> = tallies
        .into_iter()
        .map(|(name, t)| UnresolvedCount {
            name,
            count: t.seen.count,
            documents: t.seen.documents,
            contexts: t.shown.into_iter().flatten().collect(),
        })
        .collect();
    out.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.name.cmp(&b.name)));
    Ok(out)
}
