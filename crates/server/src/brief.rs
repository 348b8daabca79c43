//! `GET /api/brief`: the state of play on a day (`chronicler-brief`), the
//! same JSON as `chronicler brief --json`.

use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::Json;
use chronicler_brief::{BriefOptions, Scope};
use chronicler_core::MergedEvent;
use jiff::civil::Date;
use serde::Deserialize;
use std::sync::Arc;
use utoipa::IntoParams;

use crate::dto::ApiBrief;
use crate::error::{ApiError, ErrorBody};
use crate::state::AppState;

/// Parameters of `GET /api/brief`. At most one of `dyad`, `actor`, `story`.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub(crate) struct BriefParams {
    /// Two countries, either direction: `UKR-RUS`.
    dyad: Option<String>,
    /// One actor as source or target: CAMEO code (`UKRGOV`), country
    /// (`UKR`) or part of a name (`Zelenskyy`).
    actor: Option<String>,
    /// A story id (`st…`, from the stories of the store): its events only.
    story: Option<String>,
    /// The day (YYYY-MM-DD); reports published after it are left out.
    /// Default: the newest publication date among the events.
    as_of: Option<String>,
    /// How many days back "just happened" reaches, 0 to 3650 (default 14).
    recent_days: Option<String>,
}

/// What a request asks for, checked.
struct Request {
    story: Option<String>,
    opts: BriefOptions,
}

fn parse(p: BriefParams) -> Result<Request, ApiError> {
    let set = |s: Option<String>| s.map(|s| s.trim().to_string()).filter(|s| !s.is_empty());
    let (dyad, actor, story) = (set(p.dyad), set(p.actor), set(p.story));
    if [&dyad, &actor, &story]
        .iter()
        .filter(|x| x.is_some())
        .count()
        > 1
    {
        return Err(ApiError::bad_request(
            "give at most one of dyad, actor and story",
        ));
    }
    let scope = match (dyad, actor) {
        (Some(d), _) => Scope::dyad(&d).map_err(|e| ApiError::bad_request(e.to_string()))?,
        (None, Some(a)) => Scope::Actor(a),
        (None, None) => Scope::All,
    };
    let as_of = set(p.as_of)
        .map(|d| {
            d.parse::<Date>().map_err(|_| {
                ApiError::bad_request(format!("as_of={d}: expected a day, YYYY-MM-DD"))
            })
        })
        .transpose()?;
    let defaults = BriefOptions::default();
    let recent_days = match set(p.recent_days) {
        None => defaults.recent_days,
        Some(r) => r
            .parse::<i64>()
            .ok()
            .filter(|r| (0..=3650).contains(r))
            .ok_or_else(|| ApiError::bad_request(format!("recent_days={r}: expected 0 to 3650")))?,
    };
    Ok(Request {
        opts: BriefOptions {
            scope,
            as_of,
            recent_days,
            ..defaults
        },
        story,
    })
}

/// The brief of `events`, also reading the texts of the documents in
/// scope for positions stated outside coded events (as `chronicler brief`
/// does).
fn with_texts(
    store: &chronicler_store::Store,
    events: &[MergedEvent],
    opts: &BriefOptions,
) -> Result<chronicler_brief::Brief, ApiError> {
    Ok(chronicler_query::brief_of(store, events, opts)?)
}

/// The state of play on a day: talks coming up, commitments in force and
/// expiring, what just happened, what stalled, and who stands where; every
/// item with its date and sources (document, sentence offsets, event id).
#[utoipa::path(
    get,
    path = "/api/brief",
    tag = "events",
    params(BriefParams),
    responses(
        (status = 200, description = "The brief", body = ApiBrief),
        (status = 400, description = "A bad day, dyad or number, or more than one scope", body = ErrorBody),
        (status = 404, description = "No such story", body = ErrorBody),
    )
)]
pub(crate) async fn brief(
    State(state): State<AppState>,
    q: Result<Query<BriefParams>, QueryRejection>,
) -> Result<Json<ApiBrief>, ApiError> {
    let p = q
        .map(|Query(p)| p)
        .map_err(|e| ApiError::bad_request(e.body_text()))?;
    let mut req = parse(p)?;
    req.opts.stances = Arc::clone(&state.0.stances);
    let brief = state
        .read(move |r| {
            let Some(story) = &req.story else {
                let events = chronicler_query::brief_events(r.store, &mut req.opts)?;
                return with_texts(r.store, &events, &req.opts);
            };
            // The story found by its id, only its events merged.
            let Some((s, parts)) = chronicler_query::find_story(r.store, story)? else {
                return Err(ApiError::not_found(format!("no story with id {story}")));
            };
            let events: Vec<MergedEvent> = parts.into_iter().flat_map(|p| p.events).collect();
            let mut b = with_texts(r.store, &events, &req.opts)?;
            b.scope = format!("story {}: {}", s.id, s.title);
            Ok(b)
        })
        .await?;
    Ok(Json(ApiBrief(brief)))
}
