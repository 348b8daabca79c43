//! What a brief reads from the store: the merged events in its scope and
//! the texts of their documents.

use chronicler_brief::{BriefOptions, DocText, EventHead, Scope};
use chronicler_core::MergedEvent;
use chronicler_store::Store;

use crate::QueryError;

/// The merged events the brief of `opts` reads, with `opts` completed as
/// among all events (see [`chronicler_brief::select`]). With a dyad or an
/// actor, from a store whose kept merged events are current, only the
/// events the scope reads are merged (the rest is known from the kept
/// rows); otherwise every event is merged.
pub fn brief_events(
    store: &Store,
    opts: &mut BriefOptions,
) -> Result<Vec<MergedEvent>, QueryError> {
    if opts.scope != Scope::All {
        let _snapshot = store.read_snapshot()?;
        if let Some(rows) = crate::kept_heads(store)? {
            let pick = {
                let heads: Vec<EventHead<'_>> = rows
                    .iter()
                    .map(|r| EventHead {
                        source: r.source.as_ref(),
                        target: r.target.as_ref(),
                        cameo: &r.cameo,
                        first_report: r.first_report,
                        undated_report: r.undated_report,
                    })
                    .collect();
                chronicler_brief::select(opts, &heads)
            };
            let picked = rows
                .into_iter()
                .zip(pick)
                .filter_map(|(r, p)| p.then_some(r))
                .collect();
            return crate::merge_kept(store, picked);
        }
    }
    Ok(crate::consolidated(store)?.events)
}

/// The clean texts of the documents in the scope of `opts` among
/// `events`, where the brief reads positions stated outside coded events.
pub fn brief_texts(
    store: &Store,
    events: &[MergedEvent],
    opts: &BriefOptions,
) -> Result<Vec<DocText>, QueryError> {
    let mut out = Vec::new();
    for id in chronicler_brief::documents_in_scope(events, opts) {
        let (Some(row), Some(text)) = (store.document(&id)?, store.document_text(&id)?) else {
            continue;
        };
        out.push(DocText {
            doc: row.id,
            url: row.url,
            outlet: row.outlet,
            published: Some(row.published),
            text,
        });
    }
    Ok(out)
}
