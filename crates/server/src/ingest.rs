//! `POST /api/documents`: ingest over HTTP, only when the server was
//! started with ingest allowed, behind the bearer token, with a body size
//! limit. The body goes through the same reading code and the same
//! pipeline as `chronicler ingest`, one transaction per document, then
//! brings the kept consolidation up to date as `chronicler ingest` does.

use axum::body::Body;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::Json;
use chronicler_ingest::Input;
use chronicler_pipeline::{Pipeline, PipelineOptions};
use chronicler_store::WriteOutcome;
use serde::{Deserialize, Serialize};
use utoipa::IntoParams;

use crate::dto::{ApiProblem, IngestSummary};
use crate::error::{ApiError, ErrorBody};
use crate::state::AppState;

/// Parameters of `POST /api/documents` (for a text or HTML body; JSON Lines
/// carry their own).
#[derive(Debug, Default, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub(crate) struct IngestParams {
    /// The document's id (default: `http/` and a hash of the body).
    id: Option<String>,
    /// Its title.
    title: Option<String>,
    /// Its URL.
    url: Option<String>,
    /// Its outlet.
    outlet: Option<String>,
    /// Its publication date (ISO date or date-time).
    published: Option<String>,
}

/// The sidecar written beside a text or HTML body, as `chronicler ingest`
/// reads it.
#[derive(Debug, Serialize)]
struct Sidecar<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    title: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    outlet: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    published: Option<&'a str>,
}

/// True when reading the body failed because it stopped arriving.
fn timed_out(e: &axum::Error) -> bool {
    let mut cause: Option<&(dyn std::error::Error + 'static)> = Some(e);
    while let Some(c) = cause {
        if c.is::<tower_http::timeout::TimeoutError>() {
            return true;
        }
        cause = c.source();
    }
    false
}

/// Compares without stopping at the first difference.
fn same_token(a: &[u8], b: &[u8]) -> bool {
    let mut diff = a.len() ^ b.len();
    for (i, x) in a.iter().enumerate() {
        diff |= usize::from(x ^ b.get(i).copied().unwrap_or(0));
    }
    diff == 0
}

/// The file extension a content type is read as; `Ok("")` lets the content
/// decide.
fn extension(headers: &HeaderMap) -> Result<&'static str, ApiError> {
    let Some(ct) = headers.get(header::CONTENT_TYPE) else {
        return Ok("");
    };
    let ct = ct.to_str().unwrap_or("").to_ascii_lowercase();
    let mime = ct.split(';').next().unwrap_or("").trim();
    Ok(match mime {
        "application/x-ndjson" | "application/jsonl" | "application/jsonlines"
        | "application/x-jsonlines" | "application/json" => "jsonl",
        "text/html" | "application/xhtml+xml" => "html",
        "text/plain" | "text/markdown" => "txt",
        "application/rss+xml" | "application/atom+xml" | "application/xml" | "text/xml" => "xml",
        "" | "application/octet-stream" => "",
        other => {
            return Err(ApiError::new(
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                format!("content type {other}: send JSON Lines (application/x-ndjson), HTML (text/html) or text (text/plain)"),
            ))
        }
    })
}

fn check_id(id: &str) -> Result<(), ApiError> {
    if id.trim().is_empty() || id.chars().count() > 300 || id.chars().any(char::is_control) {
        return Err(ApiError::bad_request(
            "id: 1 to 300 characters, no control characters",
        ));
    }
    Ok(())
}

/// Ingests JSON Lines, HTML or text.
#[utoipa::path(
    post,
    path = "/api/documents",
    tag = "documents",
    params(IngestParams),
    request_body(
        content(
            (String = "application/x-ndjson"),
            (String = "text/html"),
            (String = "text/plain"),
        ),
        description = "One article (HTML or text), or JSON Lines (one article a line: id, url, title, outlet, published, and text or html)"
    ),
    security(("bearer" = [])),
    responses(
        (status = 201, description = "Stored at least one document", body = IngestSummary),
        (status = 200, description = "Nothing new (duplicates)", body = IngestSummary),
        (status = 400, description = "Nothing usable in the body, or a bad parameter", body = ErrorBody),
        (status = 401, description = "No bearer token", body = ErrorBody),
        (status = 403, description = "Wrong token, or ingest not allowed", body = ErrorBody),
        (status = 413, description = "Body over the size limit", body = ErrorBody),
        (status = 415, description = "Unsupported content type", body = ErrorBody),
    )
)]
pub(crate) async fn post_documents(
    State(state): State<AppState>,
    headers: HeaderMap,
    q: Result<Query<IngestParams>, QueryRejection>,
    body: Body,
) -> Result<(StatusCode, Json<IngestSummary>), ApiError> {
    let inner = &state.0;
    if inner.writer.is_none() {
        return Err(ApiError::new(
            StatusCode::FORBIDDEN,
            "ingest is not allowed: start the server with --allow-ingest and a --token",
        ));
    }
    let Some(expected) = inner.token.as_deref() else {
        return Err(ApiError::new(StatusCode::FORBIDDEN, "ingest has no token"));
    };
    let given = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| {
            v.strip_prefix("Bearer ")
                .or_else(|| v.strip_prefix("bearer "))
        })
        .map(str::trim);
    match given {
        None => {
            return Err(ApiError::new(
                StatusCode::UNAUTHORIZED,
                "send the token: Authorization: Bearer TOKEN",
            ))
        }
        Some(t) if !same_token(t.as_bytes(), expected.as_bytes()) => {
            return Err(ApiError::new(StatusCode::FORBIDDEN, "wrong token"))
        }
        Some(_) => {}
    }
    let p = q
        .map(|Query(p)| p)
        .map_err(|e| ApiError::bad_request(e.body_text()))?;
    let ext = extension(&headers)?;
    let max = inner.max_body;
    let too_large = || {
        ApiError::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            format!("body over the limit of {max} bytes (--max-body)"),
        )
    };
    let declared = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|n| n > max as u64) {
        return Err(too_large());
    }
    let bytes = axum::body::to_bytes(body, max).await.map_err(|e| {
        if timed_out(&e) {
            ApiError::new(
                StatusCode::REQUEST_TIMEOUT,
                "the body stopped arriving: send it without pauses",
            )
        } else {
            too_large()
        }
    })?;
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(ApiError::bad_request("empty body: nothing to ingest"));
    }
    if let Some(id) = &p.id {
        check_id(id)?;
    }
    let state2 = state.clone();
    let summary = tokio::task::spawn_blocking(move || ingest(&state2, &bytes, ext, &p))
        .await
        .map_err(ApiError::internal)??;
    if summary.documents == 0 {
        let why: Vec<String> = summary
            .problems
            .iter()
            .map(|p| format!("{}: {}", p.input, p.message))
            .collect();
        return Err(ApiError::bad_request(format!(
            "no document in the body: {}",
            if why.is_empty() {
                "nothing readable".to_string()
            } else {
                why.join("; ")
            }
        )));
    }
    let status = if summary.stored > 0 {
        StatusCode::CREATED
    } else {
        StatusCode::OK
    };
    Ok((status, Json(summary)))
}

/// Writes the body where the reader expects a file, reads it, runs the
/// pipeline and stores each document in its own transaction.
fn ingest(
    state: &AppState,
    bytes: &[u8],
    ext: &str,
    p: &IngestParams,
) -> Result<IngestSummary, ApiError> {
    let inner = &state.0;
    let Some(writer) = inner.writer.as_ref() else {
        return Err(ApiError::new(
            StatusCode::FORBIDDEN,
            "ingest is not allowed",
        ));
    };
    let dir = tempfile::tempdir().map_err(ApiError::internal)?;
    let name = if ext.is_empty() {
        "body".to_string()
    } else {
        format!("body.{ext}")
    };
    let file = dir.path().join(&name);
    std::fs::write(&file, bytes).map_err(ApiError::internal)?;
    let sidecar = Sidecar {
        title: p.title.as_deref(),
        url: p.url.as_deref(),
        outlet: p.outlet.as_deref(),
        published: p.published.as_deref(),
    };
    if sidecar.title.is_some()
        || sidecar.url.is_some()
        || sidecar.outlet.is_some()
        || sidecar.published.is_some()
    {
        let json = serde_json::to_vec(&sidecar).map_err(ApiError::internal)?;
        std::fs::write(dir.path().join("body.meta.json"), json).map_err(ApiError::internal)?;
    }
    let display = match &p.id {
        Some(id) => id.trim().to_string(),
        None => {
            let hash = chronicler_store::content_hash(&String::from_utf8_lossy(bytes));
            format!("http/{}", hash.chars().take(16).collect::<String>())
        }
    };
    let input = Input {
        path: Some(file),
        display,
    };
    let mut guard = writer
        .lock()
        .map_err(|_| ApiError::internal("the writer is unusable after an earlier failure"))?;
    let w = &mut *guard;
    let mut opts = PipelineOptions::new(jiff::Zoned::now().date());
    opts.ingest.max_bytes = inner.max_body as u64;
    let read = chronicler_ingest::read(&input, &opts.ingest);
    let pipeline = Pipeline::new(&w.dicts, opts);
    let mut summary = IngestSummary::default();
    let problem = |p: &chronicler_pipeline::Problem| ApiProblem {
        input: p.input.clone(),
        kind: p.kind.as_str().to_string(),
        message: p.message.clone(),
        fatal: p.kind.is_fatal(),
    };
    summary.problems.extend(read.problems.iter().map(problem));
    for raw in read.docs {
        summary.documents += 1;
        if w.store.contains(&raw.id, raw.meta.url.as_deref(), "")? {
            summary.duplicates += 1;
            continue;
        }
        match pipeline.process(raw) {
            Err(p) => summary.problems.push(problem(&p)),
            Ok((doc, events)) => match w.store.write_document(&doc, &events)? {
                WriteOutcome::Inserted => {
                    summary.stored += 1;
                    summary.events += events.len();
                    summary.ids.push(doc.doc.id.clone());
                }
                WriteOutcome::Duplicate(_) => summary.duplicates += 1,
            },
        }
    }
    if summary.stored > 0 {
        // As `chronicler ingest` does: fold the new documents into the
        // consolidation kept in the store and record their events' ids,
        // so later reads regroup nothing for them and an id merged away
        // later still resolves.
        chronicler_query::record_event_ids(&mut w.store)?;
    }
    Ok(summary)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_compare_whole() {
        assert!(same_token(b"abc", b"abc"));
        assert!(!same_token(b"abc", b"abd"));
        assert!(!same_token(b"abc", b"abcd"));
        assert!(!same_token(b"", b"a"));
    }
}
