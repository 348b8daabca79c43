//! Reads for `chronicler actors`: the actors the dictionaries resolved, with
//! their codes and mention counts, and the names no dictionary knows, with
//! their counts and the sentences they stand in (to grow the dictionaries).

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

pub(crate) fn actor_counts(conn: &Connection) -> Result<Vec<ActorCount>, StoreError> {
    let what = "counting actors";
    let mut st = conn
        .prepare(
            "SELECT entity, min(name), code, min(kind), count(*), count(DISTINCT doc)
             FROM actor_mentions GROUP BY entity, code
             ORDER BY count(*) DESC, entity, code",
        )
        .ctx(what)?;
    let rows = st
        .query_map([], |r| {
            Ok(ActorCount {
                entity: r.get(0)?,
                name: r.get(1)?,
                code: r.get(2)?,
                kind: r.get(3)?,
                mentions: uint(r.get(4)?),
                documents: uint(r.get(5)?),
                forms: Vec::new(),
            })
        })
        .ctx(what)?;
    let mut out = rows.collect::<Result<Vec<_>, _>>().ctx(what)?;
    // Every actor's three commonest forms in one pass (the mentions are a
    // view over each document's packed mentions since migration 0015, with
    // no index by entity).
    let what = "reading actor forms";
    let mut forms = conn
        .prepare(concat!(
            "SELECT entity, code, form FROM (
                 SELECT m.entity, m.code, ",
            text_bytes!("d.clean_text", "m.start_byte", "m.end_byte"),
            " AS form,
                        row_number() OVER (PARTITION BY m.entity, m.code
                                           ORDER BY count(*) DESC, ",
            text_bytes!("d.clean_text", "m.start_byte", "m.end_byte"),
            ") AS k
                 FROM actor_mentions m JOIN documents d ON d.doc_key = m.doc
                 GROUP BY m.entity, m.code, form)
             WHERE k <= 3 ORDER BY entity, code, k"
        ))
        .ctx(what)?;
    let at: std::collections::HashMap<(String, String), usize> = out
        .iter()
        .enumerate()
        .map(|(i, a)| ((a.entity.clone(), a.code.clone()), i))
        .collect();
    let rows = forms
        .query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
            ))
        })
        .ctx(what)?;
    for row in rows {
        let (entity, code, form) = row.ctx(what)?;
        if let Some(&i) = at.get(&(entity, code)) {
            out[i].forms.push(form);
        }
    }
    for a in &mut out {
        // A generic agent ("agent:GOV") gathers many nouns: name it by the
        // one the articles use most.
        if a.kind == "agent" {
            if let Some(f) = a.forms.first() {
                a.name = f.clone();
            }
        }
    }
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
