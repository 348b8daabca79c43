//! The web page: HTML, CSS and JavaScript embedded in the binary (no CDN,
//! no network, no build step).

use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};

/// An embedded file: its URL path, content type and bytes.
struct Asset {
    path: &'static str,
    content_type: &'static str,
    body: &'static [u8],
}

const ASSETS: &[Asset] = &[
    Asset {
        path: "index.html",
        content_type: "text/html; charset=utf-8",
        body: include_bytes!("../assets/index.html"),
    },
    Asset {
        path: "app.css",
        content_type: "text/css; charset=utf-8",
        body: include_bytes!("../assets/app.css"),
    },
    Asset {
        path: "app.js",
        content_type: "text/javascript; charset=utf-8",
        body: include_bytes!("../assets/app.js"),
    },
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
