//! What every response carries and what every request may cost: security
//! headers, time-outs for slow clients, a query-string limit, and request
//! logs that never show a secret (tower-http layers); and the accept loop,
//! which gives hyper a timer so that a client that stops half-way through
//! its request line or headers is cut off.

use std::future::Future;
use std::time::Duration;

use axum::extract::Request;
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::Router;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use hyper_util::service::TowerToHyperService;
use tower_http::sensitive_headers::SetSensitiveRequestHeadersLayer;
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::timeout::{RequestBodyTimeoutLayer, TimeoutLayer};
use tower_http::trace::{DefaultMakeSpan, TraceLayer};

use crate::error::{ApiError, ServerError};

/// How long a client may take, and how much it may send besides a body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Limits {
    /// Time to send the request line and headers (hyper's header read
    /// time-out); the connection is closed after it. Also how long an idle
    /// keep-alive connection stays open.
    pub header_read_timeout: Duration,
    /// Longest wait for the next piece of a request body.
    pub body_timeout: Duration,
    /// Longest time one request may take, body included: after it the
    /// client gets 408.
    pub request_timeout: Duration,
    /// Longest query string, in bytes (414 beyond).
    pub max_query: usize,
}

/// Largest request head (request line and headers) hyper buffers, in bytes:
/// a longer one is answered 431 and the connection closed.
const MAX_HEAD: usize = 64 * 1024;

impl Default for Limits {
    fn default() -> Self {
        Limits {
            header_read_timeout: Duration::from_secs(10),
            body_timeout: Duration::from_secs(30),
            request_timeout: Duration::from_secs(120),
            max_query: 8 * 1024,
        }
    }
}

/// The Content-Security-Policy of every response: the page loads its own
/// scripts, styles and data and nothing else, runs no inline script or
/// style, and may not be framed.
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/// Wraps `app` in the security headers, time-outs, query limit and
/// request logs (headers that carry secrets are shown as `Sensitive`).
pub(crate) fn layer(app: Router, limits: &Limits) -> Router {
    let max_query = limits.max_query;
    let header = |name, value: &'static str| {
        SetResponseHeaderLayer::if_not_present(name, HeaderValue::from_static(value))
    };
    app.layer(RequestBodyTimeoutLayer::new(limits.body_timeout))
        .layer(TimeoutLayer::with_status_code(
            StatusCode::REQUEST_TIMEOUT,
            limits.request_timeout,
        ))
        .layer(axum::middleware::from_fn(
            move |req: Request, next: Next| limit_query(req, next, max_query),
        ))
        // API answers change with every ingest: never cached. The page and
        // its assets say `no-cache` themselves.
        .layer(header(header::CACHE_CONTROL, "no-store"))
        .layer(header(
            header::CONTENT_SECURITY_POLICY,
            CONTENT_SECURITY_POLICY,
        ))
        .layer(header(header::X_CONTENT_TYPE_OPTIONS, "nosniff"))
        .layer(header(header::REFERRER_POLICY, "no-referrer"))
        .layer(header(header::X_FRAME_OPTIONS, "DENY"))
        .layer(header(
            header::HeaderName::from_static("cross-origin-resource-policy"),
            "same-origin",
        ))
        .layer(
            TraceLayer::new_for_http().make_span_with(DefaultMakeSpan::new().include_headers(true)),
        )
        .layer(SetSensitiveRequestHeadersLayer::new([
            header::AUTHORIZATION,
            header::PROXY_AUTHORIZATION,
            header::COOKIE,
        ]))
}

async fn limit_query(req: Request, next: Next, max: usize) -> Response {
    let len = req.uri().query().map_or(0, str::len);
    if len > max {
        return ApiError::new(
            StatusCode::URI_TOO_LONG,
            format!("query string of {len} bytes is over the limit of {max}"),
        )
        .into_response();
    }
    next.run(req).await
}

/// Serves `app` on `listener` until `shutdown` completes, cutting off
/// clients that do not send their request head within
/// `limits.header_read_timeout`; then waits for open requests to finish.
pub async fn serve_with_limits(
    listener: tokio::net::TcpListener,
    app: Router,
    limits: &Limits,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> Result<(), ServerError> {
    let graceful = GracefulShutdown::new();
    let mut http = hyper::server::conn::http1::Builder::new();
    http.timer(TokioTimer::new())
        .header_read_timeout(limits.header_read_timeout)
        .max_buf_size(MAX_HEAD);
    let mut shutdown = std::pin::pin!(shutdown);
    loop {
        let (stream, _) = tokio::select! {
            conn = listener.accept() => match conn {
                Ok(c) => c,
                Err(e) => {
                    // Out of file descriptors and the like: wait, go on.
                    tracing::warn!(error = %e, "accepting a connection");
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        let conn =
            http.serve_connection(TokioIo::new(stream), TowerToHyperService::new(app.clone()));
        let conn = graceful.watch(conn);
        tokio::spawn(async move {
            if let Err(e) = conn.await {
                tracing::debug!(error = %e, "connection ended");
            }
        });
    }
    drop(listener);
    graceful.shutdown().await;
    Ok(())
}
