//! # chronicler-server
//!
//! `chronicler serve`: a JSON API and a web page over one store. **The
//! only crate that knows HTTP.**
//!
//! Brief overview: [`ServerConfig`] says which store to serve and whether
//! ingest is allowed; [`router`] builds the axum [`Router`] (the API under
//! `/api`, the embedded page at `/`), which tests drive without a socket;
//! [`serve`] runs it on a listener until a shutdown signal, and
//! [`run`] does all of that on its own runtime for the binary.
//! [`openapi`] is the OpenAPI document, generated from the handlers
//! (utoipa), served at `/api/openapi.json`.
//!
//! Readers open a read-only SQLite connection per request; when ingest is
//! allowed the server holds the one writer behind a mutex, and
//! `POST /api/documents` runs the same reading code and pipeline as
//! `chronicler ingest`, one transaction per document.
//!
//! ```no_run
//! use chronicler_server::{run, ServerConfig};
//! let config = ServerConfig::new("chronicler.db".into());
//! run(config, "127.0.0.1:8080", |addr| println!("serving on http://{addr}/"))?;
//! # Ok::<(), chronicler_server::ServerError>(())
//! ```
#![deny(missing_docs)]

mod api;
mod assets;
mod brief;
mod dto;
mod error;
mod ingest;
mod limits;
mod state;
mod view;

use std::future::Future;
use std::net::SocketAddr;
use std::path::PathBuf;

use axum::http::{StatusCode, Uri};
use axum::response::IntoResponse;
use axum::routing::get;
use axum::Router;
use chronicler_dict::Dictionaries;
use chronicler_store::Store;
use utoipa::openapi::security::{Http, HttpAuthScheme, SecurityScheme};
use utoipa::OpenApi;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

pub use dto::*;
pub use error::{ErrorBody, ServerError};
pub use limits::{serve_with_limits, Limits, CONTENT_SECURITY_POLICY};

use error::ApiError;
use state::{AppState, Writer};

/// Default request body limit of `POST /api/documents`: 10 MB.
pub const DEFAULT_MAX_BODY: usize = 10 * 1024 * 1024;

/// What to serve, and how. Its `Debug` output hides the token.
#[derive(Clone)]
pub struct ServerConfig {
    /// The store.
    pub db: PathBuf,
    /// Allow `POST /api/documents` (creates the store if missing).
    pub allow_ingest: bool,
    /// The bearer token ingest requires (needed when ingest is allowed).
    pub token: Option<String>,
    /// Largest request body accepted, in bytes.
    pub max_body: usize,
    /// A folder of extra dictionaries (as `chronicler ingest --dict`): used
    /// by ingest, and its `stances*.txt` by the brief (as `brief --dict`).
    pub dict: Option<PathBuf>,
}

impl std::fmt::Debug for ServerConfig {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ServerConfig")
            .field("db", &self.db)
            .field("allow_ingest", &self.allow_ingest)
            .field("token", &self.token.as_ref().map(|_| "<hidden>"))
            .field("max_body", &self.max_body)
            .field("dict", &self.dict)
            .finish()
    }
}

impl ServerConfig {
    /// Serves `db` read-only, with the default body limit.
    pub fn new(db: PathBuf) -> ServerConfig {
        ServerConfig {
            db,
            allow_ingest: false,
            token: None,
            max_body: DEFAULT_MAX_BODY,
            dict: None,
        }
    }
}

#[derive(OpenApi)]
#[openapi(
    info(
        title = "chronicler",
        description = "Events coded from news about conflict and diplomacy, with their sources and evidence. Errors are JSON: {\"error\": \"...\"}."
    ),
    components(schemas(ErrorBody)),
    modifiers(&BearerAuth)
)]
struct ApiDoc;

struct BearerAuth;

impl utoipa::Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(Http::new(HttpAuthScheme::Bearer)),
        );
    }
}

/// The API routes, each registered with its OpenAPI description.
fn api_routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::with_openapi(ApiDoc::openapi())
        .routes(routes!(api::list_events))
        .routes(routes!(api::get_event))
        .routes(routes!(api::timeline))
        .routes(routes!(api::days))
        .routes(routes!(api::list_documents, ingest::post_documents))
        .routes(routes!(api::get_document))
        .routes(routes!(api::search))
        .routes(routes!(api::actors))
        .routes(routes!(api::stats))
        .routes(routes!(api::list_stories))
        .routes(routes!(api::get_story))
        .routes(routes!(brief::brief))
}

/// The OpenAPI document of the API (served at `/api/openapi.json`).
pub fn openapi() -> utoipa::openapi::OpenApi {
    api_routes().into_openapi()
}

/// Builds the app: opens (and, with ingest allowed, creates) the store,
/// loads the dictionaries ingest needs, and wires the routes, with the
/// default [`Limits`].
pub fn router(config: ServerConfig) -> Result<Router, ServerError> {
    router_with_limits(config, &Limits::default())
}

/// [`router`] with the given time-outs and query limit; every response
/// carries the security headers (Content-Security-Policy, nosniff,
/// no-referrer, no framing) and API answers are not cached.
pub fn router_with_limits(config: ServerConfig, limits: &Limits) -> Result<Router, ServerError> {
    let store_error = |source| ServerError::Store {
        path: config.db.clone(),
        source,
    };
    let writer = if config.allow_ingest {
        if config.token.as_deref().is_none_or(|t| t.trim().is_empty()) {
            return Err(ServerError::NoToken);
        }
        let dicts = Dictionaries::load(config.dict.as_deref())
            .map_err(|e| ServerError::Dictionaries(e.to_string()))?;
        let store = Store::open(&config.db).map_err(store_error)?;
        Some(Writer { store, dicts })
    } else {
        None
    };
    let stances = chronicler_dict::stances::StanceDict::load(config.dict.as_deref())
        .map_err(|e| ServerError::Dictionaries(e.to_string()))?;
    // Fail now, not on the first request, when the store cannot be read.
    Store::open_read_only(&config.db).map_err(store_error)?;
    let (api, doc) = api_routes().split_for_parts();
    let openapi = doc.to_json().map_err(|e| ServerError::Io {
        context: "writing the OpenAPI document".into(),
        source: std::io::Error::other(e),
    })?;
    let state = AppState::new(
        config.db,
        writer,
        config.token.map(|t| t.trim().to_string()),
        config.max_body,
        openapi,
        stances,
    );
    let app = api
        .route("/api/openapi.json", get(openapi_json))
        .route("/", get(assets::index))
        .route("/assets/{file}", get(assets::asset))
        .fallback(not_found)
        .with_state(state);
    Ok(limits::layer(app, limits))
}

async fn openapi_json(
    axum::extract::State(state): axum::extract::State<AppState>,
) -> impl IntoResponse {
    (
        [(axum::http::header::CONTENT_TYPE, "application/json")],
        state.0.openapi.clone(),
    )
}

async fn not_found(uri: Uri) -> ApiError {
    ApiError::new(StatusCode::NOT_FOUND, format!("no route {}", uri.path()))
}

/// Serves `app` on `listener` until `shutdown` completes, with the default
/// [`Limits`] (see [`serve_with_limits`]).
pub async fn serve(
    listener: tokio::net::TcpListener,
    app: Router,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> Result<(), ServerError> {
    serve_with_limits(listener, app, &Limits::default(), shutdown).await
}

/// Builds the app, binds `addr` (`127.0.0.1:8080`; port 0 picks one),
/// calls `ready` with the bound address and serves until Ctrl-C.
pub fn run(
    config: ServerConfig,
    addr: &str,
    ready: impl FnOnce(SocketAddr),
) -> Result<(), ServerError> {
    let app = router(config)?;
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|source| ServerError::Io {
            context: "starting the runtime".into(),
            source,
        })?;
    rt.block_on(async move {
        let listener = tokio::net::TcpListener::bind(addr)
            .await
            .map_err(|source| ServerError::Io {
                context: format!("cannot listen on {addr}"),
                source,
            })?;
        let local = listener.local_addr().map_err(|source| ServerError::Io {
            context: "reading the bound address".into(),
            source,
        })?;
        ready(local);
        serve(listener, app, async {
            // Without a signal handler, serve until killed.
            if tokio::signal::ctrl_c().await.is_err() {
                std::future::pending::<()>().await;
            }
        })
        .await
    })
}
