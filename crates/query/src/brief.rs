//! What a brief reads from the store: the merged events in its scope and
//! the texts of their documents.

use chronicler_brief::{BriefOptions, DocText, EventHead, Selection};
use chronicler_core::MergedEvent;
use chronicler_store::{KeptEventRow, Store};

use crate::KeptOrder;

use crate::QueryError;

/// The merged events the brief of `opts` reads, with `opts` completed as
/// among all events (its day, when unset the newest first report, and the
/// countries' names: [`chronicler_brief::Selection`]). From a store whose
/// kept merged events are current, only the events the scope reads are
/// merged and held (all of them for everyone's brief): the kept rows are
/// read one at a time (the default day from their latest report, one
/// aggregate), those picked kept, and merged group by group without
/// holding their coded events. Otherwise every event is merged.
pub fn brief_events(
    store: &Store,
    opts: &mut BriefOptions,
) -> Result<Vec<MergedEvent>, QueryError> {
    // The kept rows are read from one snapshot, released before the
    // fallback below (which reads its own).
    {
        let _snapshot = store.read_snapshot()?;
        if store.consolidation_is_current()? && store.kept_events_current()? {
            if opts.as_of.is_none() {
                opts.as_of = store.kept_latest_report()?;
            }
            let mut selection: Selection<KeptOrder> = Selection::default();
            let mut picked: Vec<(KeptOrder, KeptEventRow)> = Vec::new();
            crate::each_kept_row(store, |r| {
                let order = KeptOrder::from(&r);
                let head = EventHead {
                    source: r.source.as_ref(),
                    target: r.target.as_ref(),
                    cameo: &r.cameo,
                    first_report: r.first_report,
                    undated_report: r.undated_report,
                };
                if selection.pick(opts, &order, &head) {
                    picked.push((order, r));
                }
                Ok(())
            })?;
            opts.country_names = Some(selection.country_names());
            picked.sort_by(|a, b| a.0.cmp(&b.0));
            return crate::merge_kept(store, picked.into_iter().map(|(_, r)| r).collect());
        }
    }
    Ok(crate::consolidated(store)?.events)
}

/// The brief of `events` for `opts`, reading the texts of the documents in
/// its scope (positions stated outside coded events) from the store one
/// at a time, as it goes: what [`chronicler_brief::brief_with_texts`]
/// gives with every such text, without holding them all (everyone's brief
/// of a million articles held the texts of every document that reports an
/// event).
pub fn brief_of(
    store: &Store,
    events: &[MergedEvent],
    opts: &BriefOptions,
) -> Result<chronicler_brief::Brief, QueryError> {
    let mut failed: Option<QueryError> = None;
    let texts = chronicler_brief::documents_in_scope(events, opts)
        .into_iter()
        .map_while(|id| match doc_text(store, &id) {
            Ok(text) => Some(text),
            Err(e) => {
                failed = Some(e);
                None
            }
        })
        .flatten();
    let brief = chronicler_brief::brief_reading(events, texts, opts);
    match failed {
        Some(e) => Err(e),
        None => Ok(brief),
    }
}

/// The document `id` as the brief reads it, when stored.
fn doc_text(store: &Store, id: &str) -> Result<Option<DocText>, QueryError> {
    let (Some(row), Some(text)) = (store.document(id)?, store.document_text(id)?) else {
        return Ok(None);
    };
    Ok(Some(DocText {
        doc: row.id,
        url: row.url,
        outlet: row.outlet,
        published: Some(row.published),
        text,
    }))
}
