//! The web page: HTML, CSS and JavaScript embedded in the binary (no CDN,
//! no network, no build step), and the map's basemap.

use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};

/// An embedded file: its URL path, content type and bytes.
struct Asset {
    path: &'static str,
    content_type: &'static str,
    body: &'static [u8],
}

/// An [`Asset`] for `assets/$path`.
macro_rules! asset {
    ($path:literal, $content_type:literal) => {
        Asset {
            path: $path,
            content_type: $content_type,
            body: include_bytes!(concat!("../assets/", $path)),
        }
    };
}

const ASSETS: &[Asset] = &[
    asset!("index.html", "text/html; charset=utf-8"),
    asset!("app.css", "text/css; charset=utf-8"),
    asset!("app.js", "text/javascript; charset=utf-8"),
    asset!("map.js", "text/javascript; charset=utf-8"),
    // Country outlines for the map, written by scripts/convert_basemap.mjs
    // from world-atlas (Natural Earth); see assets/BASEMAP.md.
    asset!("basemap.json", "application/json"),
];

fn respond(a: &Asset) -> Response {
    (
        [
            (header::CONTENT_TYPE, a.content_type),
            (header::CACHE_CONTROL, "no-cache"),
            (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        ],
        a.body,
    )
        .into_response()
}

/// `GET /`: the page.
pub(crate) async fn index() -> Response {
    asset_named("index.html")
}

/// `GET /assets/{file}`.
pub(crate) async fn asset(axum::extract::Path(file): axum::extract::Path<String>) -> Response {
    asset_named(&file)
}

fn asset_named(name: &str) -> Response {
    match ASSETS.iter().find(|a| a.path == name) {
        Some(a) => respond(a),
        None => (StatusCode::NOT_FOUND, "not found").into_response(),
    }
}
