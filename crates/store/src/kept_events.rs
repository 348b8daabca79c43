//! The merged events of the kept grouping, one row per group (migration
//! 0021): each group's place in the order of merged events, its unique
//! id and what filters read, so that a query reads these rows instead of
//! merging every group to learn them.
//!
//! The rows are written by the end-of-run update, in the transaction that
//! writes the groups they describe; `kept_events_state` says whether they
//! are the kept grouping's (any change to a group row clears it, through
//! triggers, and only writing the rows sets it again).

use chronicler_core::{Actor, Status};
use jiff::civil::Date;
use rusqlite::{params, Connection, Row};

use crate::codec::{int, uint};
use crate::write::json;
use crate::{Context, StoreError};

/// One kept group's merged event, as a query orders and filters it: the
/// fields of chronicler-consolidate's `order_key`, the rank of the group
/// among its block's of the same id, its unique id, its representative's actors, status
/// and dates, and where its coded events are stored.
#[derive(Debug, Clone, PartialEq)]
pub struct KeptEventRow {
    /// Block key.
    pub block: String,
    /// Group label within the block.
    pub group: String,
    /// True when the merged event has no first day.
    pub undated: bool,
    /// First day.
    pub day: Option<Date>,
    /// Last day, when a range.
    pub end: Option<Date>,
    /// CAMEO code.
    pub cameo: String,
    /// The id the merge gives it, before it is made unique.
    pub base_id: String,
    /// The id made unique in the order of all merged events.
    pub id: String,
    /// Its first mention's document id.
    pub first_doc: String,
    /// Its first mention's character offset.
    pub first_start: usize,
    /// Its rank among the merged events of its block with the same
    /// `base_id`, in their order (0 but for a collision of ids).
    pub rank: usize,
    /// Status.
    pub status: Status,
    /// Source actor.
    pub source: Option<Actor>,
    /// Target actor.
    pub target: Option<Actor>,
    /// (document key, ordinal) of its coded events, sorted.
    pub members: Vec<(i64, usize)>,
    /// The first publication day among its reports (those with a
    /// readable one).
    pub first_report: Option<Date>,
    /// Whether one of its reports has no readable publication day.
    pub undated_report: bool,
}

/// True when `kept_events` holds the rows of the kept grouping.
pub(crate) fn current(conn: &Connection) -> Result<bool, StoreError> {
    conn.prepare_cached("SELECT current FROM kept_events_state")
        .and_then(|mut st| st.query_row([], |r| r.get::<_, bool>(0)))
        .ctx("checking the kept merged events")
}

/// Marks `kept_events` as the kept grouping's.
pub(crate) fn mark_current(conn: &Connection) -> Result<(), StoreError> {
    conn.prepare_cached("UPDATE kept_events_state SET current = 1")
        .and_then(|mut st| st.execute([]))
        .ctx("marking the kept merged events current")?;
    Ok(())
}

/// Deletes the rows of `blocks` (every row when `None`).
pub(crate) fn delete(conn: &Connection, blocks: Option<&[String]>) -> Result<(), StoreError> {
    let what = "deleting kept merged events";
    match blocks {
        None => conn.execute("DELETE FROM kept_events", []).ctx(what)?,
        Some(blocks) => {
            let list = json(blocks, what)?;
            conn.prepare_cached(
                "DELETE FROM kept_events WHERE block IN (SELECT value FROM json_each(?1))",
            )
            .and_then(|mut st| st.execute([list]))
            .ctx(what)?
        }
    };
    Ok(())
}

/// Deletes the rows of `groups` (block, group label).
pub(crate) fn delete_groups(
    conn: &Connection,
    groups: &[(String, String)],
) -> Result<(), StoreError> {
    let what = "deleting kept merged events";
    let mut st = conn
        .prepare_cached("DELETE FROM kept_events WHERE block = ?1 AND grp = ?2")
        .ctx(what)?;
    for (block, group) in groups {
        st.execute([block, group]).ctx(what)?;
    }
    Ok(())
}

/// Writes `rows` (each replacing the row of its group).
pub(crate) fn insert(conn: &Connection, rows: &[KeptEventRow]) -> Result<(), StoreError> {
    let what = "keeping merged events";
    let mut st = conn
        .prepare_cached(
            "INSERT OR REPLACE INTO kept_events (block, grp, undated, day, end_day, cameo,
                 base_id, id, first_doc, first_start, rank, status, source, target, members,
                 first_report, undated_report)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)",
        )
        .ctx(what)?;
    for r in rows {
        let actor = |a: &Option<Actor>| a.as_ref().map(|a| json(a, what)).transpose();
        let members: Vec<i64> = r
            .members
            .iter()
            .flat_map(|&(doc, ordinal)| [doc, int(ordinal)])
            .collect();
        st.execute(params![
            r.block,
            r.group,
            r.undated,
            r.day.map(|d| d.to_string()),
            r.end.map(|d| d.to_string()),
            r.cameo,
            r.base_id,
            r.id,
            r.first_doc,
            int(r.first_start),
            int(r.rank),
            r.status.as_str(),
            actor(&r.source)?,
            actor(&r.target)?,
            json(&members, what)?,
            r.first_report.map(|d| d.to_string()),
            r.undated_report,
        ])
        .ctx(what)?;
    }
    Ok(())
}

/// The columns [`row`] reads, from `kept_events`.
const SELECT_ROWS: &str = "SELECT block, grp, undated, day, end_day, cameo, base_id, id, first_doc,
     first_start, rank, status, source, target, members, first_report, undated_report
     FROM kept_events";

/// The kept merged events of the groups `keys` (block, group label), in
/// that order; a group with no row (regrouped since it was named) is
/// left out.
pub(crate) fn at(
    conn: &Connection,
    keys: &[(&str, &str)],
) -> Result<Vec<KeptEventRow>, StoreError> {
    let what = "reading kept merged events";
    let mut st = conn
        .prepare_cached(&format!("{SELECT_ROWS} WHERE block = ?1 AND grp = ?2"))
        .ctx(what)?;
    let mut out = Vec::with_capacity(keys.len());
    for (block, group) in keys {
        let mut rows = st.query([block, group]).ctx(what)?;
        if let Some(r) = rows.next().ctx(what)? {
            out.push(row(r)?);
        }
    }
    Ok(out)
}

/// Hands `f` the kept merged events in the order of merged events (the
/// index `kept_events_order`), or newest first (the dated ones from the
/// latest, then the undated ones in their order), until `f` says false.
pub(crate) fn each_in_order<E: From<StoreError>>(
    conn: &Connection,
    newest: bool,
    mut f: impl FnMut(KeptEventRow) -> Result<bool, E>,
) -> Result<(), E> {
    let what = "reading the kept merged events in order";
    const ASC: &str = "cameo, base_id, first_doc, first_start, block, rank";
    const DESC: &str =
        "cameo DESC, base_id DESC, first_doc DESC, first_start DESC, block DESC, rank DESC";
    let passes = if newest {
        [
            format!("{SELECT_ROWS} WHERE undated = 0 ORDER BY undated DESC, day DESC, {DESC}"),
            format!("{SELECT_ROWS} WHERE undated = 1 ORDER BY undated, day, {ASC}"),
        ]
    } else {
        [
            format!("{SELECT_ROWS} WHERE undated = 0 ORDER BY undated, day, {ASC}"),
            format!("{SELECT_ROWS} WHERE undated = 1 ORDER BY undated, day, {ASC}"),
        ]
    };
    for sql in passes {
        let mut st = conn.prepare_cached(&sql).ctx(what)?;
        let mut rows = st.query([]).ctx(what)?;
        while let Some(r) = rows.next().ctx(what)? {
            if !f(row(r)?)? {
                return Ok(());
            }
        }
    }
    Ok(())
}

/// Hands `f` every kept merged event, in no particular order.
pub(crate) fn each<E: From<StoreError>>(
    conn: &Connection,
    mut f: impl FnMut(KeptEventRow) -> Result<(), E>,
) -> Result<(), E> {
    let what = "reading the kept merged events";
    let mut st = conn.prepare_cached(SELECT_ROWS).ctx(what)?;
    let mut rows = st.query([]).ctx(what)?;
    while let Some(r) = rows.next().ctx(what)? {
        f(row(r)?)?;
    }
    Ok(())
}

fn row(r: &Row<'_>) -> Result<KeptEventRow, StoreError> {
    let what = "reading a kept merged event";
    let day = |i: usize| -> Result<Option<Date>, StoreError> {
        r.get::<_, Option<String>>(i)
            .ctx(what)?
            .map(|s| {
                s.parse::<Date>()
                    .map_err(|_| StoreError::Corrupt(format!("kept merged event day {s:?}")))
            })
            .transpose()
    };
    let actor = |i: usize| -> Result<Option<Actor>, StoreError> {
        r.get::<_, Option<String>>(i)
            .ctx(what)?
            .map(|s| {
                serde_json::from_str(&s).map_err(|source| StoreError::Json {
                    context: what.to_string(),
                    source,
                })
            })
            .transpose()
    };
    let status: String = r.get(11).ctx(what)?;
    let members: String = r.get(14).ctx(what)?;
    let flat: Vec<i64> = serde_json::from_str(&members).map_err(|source| StoreError::Json {
        context: what.to_string(),
        source,
    })?;
    Ok(KeptEventRow {
        block: r.get(0).ctx(what)?,
        group: r.get(1).ctx(what)?,
        undated: r.get(2).ctx(what)?,
        day: day(3)?,
        end: day(4)?,
        cameo: r.get(5).ctx(what)?,
        base_id: r.get(6).ctx(what)?,
        id: r.get(7).ctx(what)?,
        first_doc: r.get(8).ctx(what)?,
        first_start: uint(r.get(9).ctx(what)?),
        rank: uint(r.get(10).ctx(what)?),
        status: Status::parse(&status)
            .ok_or_else(|| StoreError::Corrupt(format!("unknown event status {status:?}")))?,
        source: actor(12)?,
        target: actor(13)?,
        members: flat.chunks_exact(2).map(|p| (p[0], uint(p[1]))).collect(),
        first_report: day(15)?,
        undated_report: r.get(16).ctx(what)?,
    })
}
