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
    let mut forms = conn
        .prepare(concat!(
            "SELECT ",
            text_bytes!("d.clean_text", "m.start_byte", "m.end_byte"),
            " AS form, count(*) AS n
             FROM actor_mentions m JOIN documents d ON d.doc_key = m.doc
             WHERE m.entity = ?1 AND m.code = ?2
             GROUP BY form ORDER BY n DESC, form LIMIT 3"
        ))
        .ctx("reading actor forms")?;
    for a in &mut out {
        let rows = forms
            .query_map(params![a.entity, a.code], |r| r.get::<_, String>(0))
            .ctx("reading actor forms")?;
        a.forms = rows
            .collect::<Result<Vec<_>, _>>()
            .ctx("reading actor forms")?;
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
    let what = "reading the sentences of unresolved names";
    let mut ctx = conn
        .prepare(concat!(
            "SELECT d.id, ",
            text_bytes!("d.clean_text", "s.start_byte", "s.end_byte"),
            " FROM unresolved_names u
             JOIN documents d ON d.doc_key = u.doc
             JOIN sentences s ON s.doc = u.doc AND s.idx = u.sentence
             WHERE u.name = ?1
             ORDER BY d.id, u.start_byte LIMIT ?2"
        ))
        .ctx(what)?;
    for u in &mut out {
        let rows = ctx
            .query_map(params![u.name, int(contexts)], |r| {
                Ok(NameContext {
                    doc: r.get(0)?,
                    sentence: r.get(1)?,
                })
            })
            .ctx(what)?;
        u.contexts = rows.collect::<Result<Vec<_>, _>>().ctx(what)?;
    }
    Ok(out)
}
