//! The app host origin: the widget's `dist/`, in the simulator and in production
//! (docs/deploy.md). Files go through tower-http's `ServeDir`: the brotli and gzip copies the
//! release build writes beside each file (scripts/precompress.sh) are chosen by
//! `Accept-Encoding`, with `ETag`, `Last-Modified` and 304 answers to conditional GETs. Every
//! other path, and every POST (Bitrix24 opens handlers with a form POST), is the page.

use crate::params;
use crate::state::Sim;
use axum::Router;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::response::{IntoResponse, Response};
use std::path::{Component, Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tower::ServiceExt;
use tower_http::services::{ServeDir, ServeFile};

/// The app host: serves `dist` and answers handler paths (GET and POST) with `index.html`.
#[derive(Clone)]
pub struct AppHost {
    pub dist: PathBuf,
    /// Origins allowed to frame the widget (CSP `frame-ancestors`).
    pub frame_ancestors: Vec<String>,
    /// During `trunk serve` development: trunk's `host:port`, filled into the live-reload
    /// placeholders that trunk itself fills only in pages it serves (not proxied ones).
    pub trunk_address: Option<String>,
    /// How long a request body may take to arrive.
    pub read_timeout: Duration,
    /// The simulator, whose settings hold back or refuse the app's parts; `None` where the
    /// host runs alone (production).
    pub sim: Option<Arc<Mutex<Sim>>>,
}

/// The largest request body the host accepts (Bitrix24's handler POST is a few KB).
pub const MAX_BODY: usize = 64 * 1024;

const PAGE: &str = "index.html";

pub fn app_router(host: AppHost) -> Router {
    Router::new()
        .fallback(serve_app)
        .layer(axum::middleware::map_response_with_state(
            host.clone(),
            security_headers,
        ))
        .with_state(host)
}

/// `frame-ancestors` of every answer that has no page policy of its own.
pub fn framing_policy(host: &AppHost) -> String {
    let ancestors = std::iter::once("'self'".to_owned())
        .chain(host.frame_ancestors.iter().cloned())
        .collect::<Vec<_>>()
        .join(" ");
    format!("frame-ancestors {ancestors}")
}

/// The security headers as raw lines, for the answers hyper writes itself (`listen`).
pub fn security_header_lines(host: &AppHost) -> String {
    format!(
        "content-security-policy: {}\r\nx-content-type-options: nosniff\r\n",
        framing_policy(host)
    )
}

/// Security headers of every app-host answer, errors and 304s included: framing allowed only
/// for the portals (the widget's page carries its full production policy, set by
/// `serve_page`), and no content sniffing.
async fn security_headers(State(host): State<AppHost>, mut response: Response) -> Response {
    let headers = response.headers_mut();
    if !headers.contains_key(header::CONTENT_SECURITY_POLICY)
        && let Ok(value) = HeaderValue::from_str(&framing_policy(&host))
    {
        headers.insert(header::CONTENT_SECURITY_POLICY, value);
    }
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    response
}

/// Reads (and drops) a request body: refused at once when it announces more than
/// [`MAX_BODY`], and cut off when it takes longer than the host's read timeout.
async fn read_body(host: &AppHost, headers: &HeaderMap, body: Body) -> Result<(), StatusCode> {
    let announced = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if announced.is_some_and(|length| length > MAX_BODY as u64) {
        return Err(StatusCode::PAYLOAD_TOO_LARGE);
    }
    match tokio::time::timeout(host.read_timeout, axum::body::to_bytes(body, MAX_BODY)).await {
        Err(_) => Err(StatusCode::REQUEST_TIMEOUT),
        Ok(Err(_)) => Err(StatusCode::PAYLOAD_TOO_LARGE),
        Ok(Ok(_)) => Ok(()),
    }
}

/// The file under `dist` for a URL path, refusing anything that could leave it.
pub fn resolve(dist: &Path, url_path: &str) -> Option<PathBuf> {
    let decoded = params::decode(url_path);
    let relative = Path::new(decoded.trim_start_matches('/'));
    if relative
        .components()
        .any(|c| !matches!(c, Component::Normal(_)))
    {
        return None;
    }
    let file = dist.join(relative);
    file.is_file().then_some(file)
}

async fn serve_app(State(host): State<AppHost>, request: Request) -> Response {
    let (parts, body) = request.into_parts();
    if let Err(status) = read_body(&host, &parts.headers, body).await {
        return status.into_response();
    }
    if !matches!(parts.method, Method::GET | Method::HEAD | Method::POST) {
        return (
            StatusCode::METHOD_NOT_ALLOWED,
            [(header::ALLOW, "GET, HEAD, POST")],
        )
            .into_response();
    }
    let file = (parts.method != Method::POST)
        .then(|| resolve(&host.dist, parts.uri.path()))
        .flatten();
    match file {
        Some(file) if file != host.dist.join(PAGE) => serve_file(&host, parts).await,
        None if looks_like_asset(parts.uri.path()) && parts.method != Method::POST => {
            StatusCode::NOT_FOUND.into_response()
        }
        _ => serve_page(&host, parts).await,
    }
}

/// One of the build's files: hashed names are kept for good, the rest revalidated.
async fn serve_file(host: &AppHost, parts: Parts) -> Response {
    let name = parts.uri.path().rsplit('/').next().unwrap_or("").to_owned();
    if let Some(sim) = host.sim.as_ref().filter(|_| is_part(&name))
        && part_refused(sim).await
    {
        return StatusCode::SERVICE_UNAVAILABLE.into_response();
    }
    let files = ServeDir::new(&host.dist)
        .precompressed_br()
        .precompressed_gzip()
        .append_index_html_on_directories(false);
    let mut response = match files
        .oneshot(Request::from_parts(parts, Body::empty()))
        .await
    {
        Ok(response) => response.map(Body::new),
        Err(never) => match never {},
    };
    let cache = if is_hashed(&name) {
        "public, max-age=31536000, immutable"
    } else {
        "no-cache"
    };
    let found = response.status().is_success();
    let headers = response.headers_mut();
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static(cache));
    if found && let Some(text) = text_type(&name) {
        headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(text));
    }
    response
}

/// One of the app's parts loaded on use (scripts/version-app.sh names them).
fn is_part(name: &str) -> bool {
    name.starts_with("profile-widget-")
        && name.ends_with(".wasm")
        && (name.contains("-part-") || name.contains("-shared-"))
}

/// The simulator's faults on a part's download: held while `parts_held` (at most a minute),
/// then counted, and refused while `parts_refused` counts down.
async fn part_refused(sim: &Mutex<Sim>) -> bool {
    let lock = || {
        sim.lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    };
    for _ in 0..1200 {
        if !lock().settings.parts_held {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    lock().part_download()
}

/// The widget's page, with the production policy for exactly this build's inline scripts.
async fn serve_page(host: &AppHost, mut parts: Parts) -> Response {
    let page = host.dist.join(PAGE);
    let Ok(bytes) = tokio::fs::read(&page).await else {
        return (
            StatusCode::SERVICE_UNAVAILABLE,
            "the widget is not built: run trunk build --release",
        )
            .into_response();
    };
    if let Some(address) = &host.trunk_address {
        // `trunk serve`: live reload, nothing compressed, no page policy.
        return (
            [
                (header::CONTENT_TYPE, "text/html; charset=utf-8"),
                (header::CACHE_CONTROL, "no-cache"),
            ],
            fill_trunk_placeholders(bytes, address),
        )
            .into_response();
    }
    let policy = crate::csp::page_policy(&String::from_utf8_lossy(&bytes), &host.frame_ancestors);
    if parts.method == Method::POST {
        // A form POST is a navigation to the page: no validators apply to it.
        parts.method = Method::GET;
        for name in [
            header::IF_NONE_MATCH,
            header::IF_MODIFIED_SINCE,
            header::IF_MATCH,
            header::IF_UNMODIFIED_SINCE,
            header::RANGE,
        ] {
            parts.headers.remove(name);
        }
    }
    let file = ServeFile::new(page).precompressed_br().precompressed_gzip();
    let mut response = match file
        .oneshot(Request::from_parts(parts, Body::empty()))
        .await
    {
        Ok(response) => response.map(Body::new),
        Err(never) => match never {},
    };
    let found = response.status().is_success();
    let headers = response.headers_mut();
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    if found && let Some(text) = text_type(PAGE) {
        headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(text));
    }
    if let Ok(value) = HeaderValue::from_str(&policy) {
        headers.insert(header::CONTENT_SECURITY_POLICY, value);
    }
    response
}

/// Fills the live-reload placeholders of a `trunk serve` page (trunk fills them only in pages
/// it serves itself, not in proxied ones).
fn fill_trunk_placeholders(page: Vec<u8>, trunk_address: &str) -> Vec<u8> {
    String::from_utf8_lossy(&page)
        .replace("{{__TRUNK_ADDRESS__}}", trunk_address)
        .replace("{{__TRUNK_WS_BASE__}}", "/")
        .into_bytes()
}

/// Text types with their charset (tower-http's guesses name none).
fn text_type(name: &str) -> Option<&'static str> {
    match name.rsplit('.').next() {
        Some("html") => Some("text/html; charset=utf-8"),
        Some("js") => Some("text/javascript; charset=utf-8"),
        Some("css") => Some("text/css; charset=utf-8"),
        _ => None,
    }
}

/// Whether a file name carries a content hash (`name-<hex digits>…`): Trunk writes its 64-bit
/// hash without leading zeros (16 digits, or fewer one build in sixteen), `version-app.sh` 16.
fn is_hashed(name: &str) -> bool {
    name.split(['-', '_', '.'])
        .any(|part| (8..=16).contains(&part.len()) && part.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// Paths with a file extension are assets: a missing one is a 404, not the page.
fn looks_like_asset(path: &str) -> bool {
    path.rsplit('/')
        .next()
        .is_some_and(|last| last.contains('.'))
}
