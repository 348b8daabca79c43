//! Reads for `chronicler actors`: the actors the dictionaries resolved, with
//! their codes and mention counts, and the names no dictionary knows, with
//! their counts and the sentences they stand in (to grow the dictionaries).

use std::collections::HashMap;

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

/// The bytes `[start, end)` of a document's clean text, in SQL (offsets are
/// bytes; SQLite's `substr` on text counts characters).
macro_rules! text_bytes {
    ($text:literal, $start:literal, $end:literal) => {
        concat!(
            "CAST(substr(CAST(",
            $text,
            " AS BLOB), ",
            $start,
            " + 1, ",
            $end,
            " - ",
            $start,
            ") AS TEXT)"
        )
    };
}

/// One actor mention as packed in `doc_mentions.actors` (migration 0015):
/// sentence, start and end byte, entity, name, code, country, role, kind,
/// form.
type PackedActor = (
    i64,
    usize,
    usize,
    String,
    String,
    String,
    Option<String>,
    Option<String>,
    String,
    String,
);

/// What [`actor_counts`] gathers of one entity and code.
#[derive(Default)]
struct Tally {
    name: Option<String>,
    kind: Option<String>,
    mentions: usize,
    documents: usize,
    last_doc: Option<i64>,
    forms: HashMap<String, usize>,
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
    let mut tallies: HashMap<(String, String), Tally> = HashMap::new();
    let mut rows = st.query([]).ctx(what)?;
    while let Some(r) = rows.next().ctx(what)? {
        let doc: i64 = r.get(0).ctx(what)?;
        let packed = r.get_ref(1).ctx(what)?;
        let packed = packed
            .as_str()
            .map_err(|e| rusqlite::Error::FromSqlConversionFailure(1, packed.data_type(), e.into()))
            .ctx(what)?;
        let mentions: Vec<PackedActor> =
            serde_json::from_str(packed).map_err(|source| StoreError::Json {
                context: format!("reading the actor mentions of document {doc}"),
                source,
            })?;
        let text = r.get_ref(2).ctx(what)?.as_bytes().unwrap_or_default();
        for (_, start, end, entity, name, code, _, _, kind, _) in mentions {
            let t = tallies.entry((entity, code)).or_default();
            keep_min(&mut t.name, &name);
            keep_min(&mut t.kind, &kind);
            t.mentions += 1;
            if t.last_doc != Some(doc) {
                t.documents += 1;
                t.last_doc = Some(doc);
            }
            // The bytes of the mention, as `substr` over the text's bytes.
            let from = start.min(text.len());
            let form = text
                .get(from..end.clamp(from, text.len()))
                .unwrap_or_default();
            *t.forms
                .entry(String::from_utf8_lossy(form).into_owned())
                .or_default() += 1;
        }
    }
    let mut out: Vec<ActorCount> = tallies
        .into_iter()
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
                mentions: t.mentions,
                documents: t.documents,
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

pub(crate) fn unresolved_counts(
    conn: &Connection,
    contexts: usize,
) -> Result<Vec<UnresolvedCount>, StoreError> {
    let what = "counting unresolved names";
    let mut st = conn
        .prepare(
            "SELECT name, count(*) AS n, count(DISTINCT doc) FROM unresolved_names
             GROUP BY name ORDER BY n DESC, name",
        )
        .ctx(what)?;
    let rows = st
        .query_map([], |r| {
            Ok(UnresolvedCount {
                name: r.get(0)?,
                count: uint(r.get(1)?),
                documents: uint(r.get(2)?),
                contexts: Vec::new(),
            })
        })
        .ctx(what)?;
    let mut out = rows.collect::<Result<Vec<_>, _>>().ctx(what)?;
    if contexts == 0 {
        return Ok(out);
    }
    // One pass for all names (the names are a view over each document's
    // packed mentions since migration 0015, with no index by name): each
    // name's occurrences in a stored sentence, ranked by document id and
    // position, the first `contexts` of each kept. CROSS JOIN keeps the
    // packed rows outermost: with the sentences outermost, each document's
    // JSON was parsed once per sentence (10 s instead of 0.7 s for the
    // report of a 10k store).
    let what = "reading the sentences of unresolved names";
    let mut ctx = conn
        .prepare(concat!(
            "WITH ranked AS (
                 SELECT u.name, u.doc, s.start_byte, s.end_byte, d.id,
                        row_number() OVER (PARTITION BY u.name
                                           ORDER BY d.id, u.start_byte) AS k
                 FROM unresolved_names u
                 CROSS JOIN documents d ON d.doc_key = u.doc
                 CROSS JOIN sentences s ON s.doc = u.doc AND s.idx = u.sentence)
             SELECT r.name, r.id, ",
            text_bytes!("d.clean_text", "r.start_byte", "r.end_byte"),
            " FROM ranked r CROSS JOIN documents d ON d.doc_key = r.doc
             WHERE r.k <= ?1 ORDER BY r.name, r.k"
        ))
        .ctx(what)?;
    let at: std::collections::HashMap<String, usize> = out
        .iter()
        .enumerate()
        .map(|(i, u)| (u.name.clone(), i))
        .collect();
    let rows = ctx
        .query_map(params![int(contexts)], |r| {
            Ok((
                r.get::<_, String>(0)?,
                NameContext {
                    doc: r.get(1)?,
                    sentence: r.get(2)?,
                },
            ))
        })
        .ctx(what)?;
    for row in rows {
        let (name, context) = row.ctx(what)?;
        if let Some(&i) = at.get(&name) {
            out[i].contexts.push(context);
        }
    }
    Ok(out)
}
