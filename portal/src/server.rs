//! HTTP: the portal origin (parent page, BX24 stand-in, photos, control API, REST) and the
//! app host origin (the widget's `dist/`, answering GET and POST on handler paths).

use crate::company::photo_svg;
use crate::params;
use crate::rest::{self, Reply};
use crate::state::{ParentMode, Settings, Sim};
use axum::Router;
use axum::body::{Body, Bytes};
use axum::extract::{ConnectInfo, Path, Query, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, Uri, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{any, get, post};
use serde::Deserialize;
use serde_json::{Value, json};
use std::net::SocketAddr;
use std::path::{Component, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::Duration;

const PORTAL_HTML: &str = include_str!("../assets/portal.html");
const PORTAL_JS: &str = include_str!("../assets/portal.js");
const PORTAL_CSS: &str = include_str!("../assets/portal.css");
const BX24_JS: &str = include_str!("../assets/bx24.js");

/// State shared by the portal's handlers.
#[derive(Clone)]
pub struct Portal {
    pub sim: Arc<Mutex<Sim>>,
}

impl Portal {
    fn sim(&self) -> std::sync::MutexGuard<'_, Sim> {
        // A panic elsewhere must not take the simulator down with it.
        self.sim
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

/// The portal origin's routes.
pub fn portal_router(portal: Portal) -> Router {
    Router::new()
        .route("/", get(page))
        .route("/company/personal/user/{id}/", get(page))
        .route(
            "/portal.js",
            get(|| async { asset("text/javascript; charset=utf-8", PORTAL_JS) }),
        )
        .route(
            "/portal.css",
            get(|| async { asset("text/css; charset=utf-8", PORTAL_CSS) }),
        )
        .route(
            "/bx24/api/v1/",
            get(|| async { asset("text/javascript; charset=utf-8", BX24_JS) }),
        )
        .route("/sim/photo/{file}", get(photo))
        .route("/sim/api/state", get(state))
        .route("/sim/api/users", get(users))
        .route("/sim/api/settings", post(settings))
        .route("/sim/api/session", post(session))
        .route("/sim/api/refresh", post(refresh))
        .route("/sim/api/install-finish", post(install_finish))
        .route("/sim/api/log", get(log))
        .route("/sim/api/reset", post(reset))
        .route("/sim/api/hostile", post(hostile))
        .route("/rest/{method}", any(rest_call))
        .with_state(portal)
}

fn asset(content_type: &'static str, body: &'static str) -> Response {
    (
        [
            (header::CONTENT_TYPE, content_type),
            (header::CACHE_CONTROL, "no-cache"),
        ],
        body,
    )
        .into_response()
}

async fn page(State(portal): State<Portal>) -> Response {
    let app = portal.sim().app_origin.clone();
    let html = PORTAL_HTML.replace("{{APP_ORIGIN}}", &app);
    ([(header::CONTENT_TYPE, "text/html; charset=utf-8")], html).into_response()
}

async fn photo(State(portal): State<Portal>, Path(file): Path<String>) -> Response {
    let user = file
        .strip_suffix(".svg")
        .and_then(|id| id.parse::<u32>().ok())
        .and_then(|id| {
            portal
                .sim()
                .company
                .user(id)
                .filter(|u| u.has_photo)
                .map(photo_svg)
        });
    match user {
        Some(svg) => (
            [
                (header::CONTENT_TYPE, "image/svg+xml"),
                (header::CACHE_CONTROL, "max-age=86400"),
            ],
            svg,
        )
            .into_response(),
        None => StatusCode::NOT_FOUND.into_response(),
    }
}

fn person(user: &crate::company::User) -> Value {
    json!({"id": user.id, "name": user.full_name(), "position": user.position,
           "active": user.active, "type": user.user_type})
}

async fn state(State(portal): State<Portal>) -> Response {
    let sim = portal.sim();
    let people: Vec<Value> = sim.company.users.iter().take(200).map(person).collect();
    let card = |id: u32| {
        sim.company.user(id).map(|u| {
            let mut p = person(u);
            p["photo"] = json!(if u.has_photo {
                format!("/sim/photo/{}.svg", u.id)
            } else {
                String::new()
            });
            p
        })
    };
    axum::Json(json!({
        "me": card(sim.settings.current_user), "card": card(sim.settings.card_user),
        "settings": sim.settings, "installed": sim.installed, "fresh": sim.fresh,
        "app_origin": sim.app_origin,
        "users": people, "user_count": sim.company.users.len(),
        "placements": sim.placements,
    }))
    .into_response()
}

#[derive(Deserialize)]
struct Search {
    #[serde(default)]
    q: String,
}

async fn users(State(portal): State<Portal>, Query(search): Query<Search>) -> Response {
    let sim = portal.sim();
    let needle = search.q.to_lowercase();
    let found: Vec<Value> = sim
        .company
        .users
        .iter()
        .filter(|u| needle.is_empty() || u.full_name().to_lowercase().contains(&needle))
        .take(20)
        .map(person)
        .collect();
    axum::Json(found).into_response()
}

/// Merges a partial settings object into the current settings.
async fn settings(State(portal): State<Portal>, axum::Json(patch): axum::Json<Value>) -> Response {
    let mut sim = portal.sim();
    let mut current = serde_json::to_value(&sim.settings).unwrap_or_default();
    if let (Value::Object(current), Value::Object(patch)) = (&mut current, patch) {
        current.extend(patch);
    }
    match serde_json::from_value::<Settings>(current) {
        Ok(settings) => {
            sim.settings = settings;
            axum::Json(json!(sim.settings)).into_response()
        }
        Err(err) => (StatusCode::BAD_REQUEST, err.to_string()).into_response(),
    }
}

#[derive(Deserialize)]
struct SessionRequest {
    placement: String,
}

/// Issues a token for the current user and returns everything a frame launch needs: the
/// query keys, the POST body and the `getInitData` answer.
async fn session(
    State(portal): State<Portal>,
    axum::Json(request): axum::Json<SessionRequest>,
) -> Response {
    let mut sim = portal.sim();
    let placement = request.placement.to_ascii_uppercase();
    let settings = sim.settings.clone();
    let (access, refresh) = sim.issue_token(settings.current_user);
    let subject = if placement == "USER_PROFILE_TOOLBAR" {
        settings.card_user
    } else {
        settings.current_user
    };
    let uri = if placement == "USER_PROFILE_TOOLBAR" {
        format!("/company/personal/user/{subject}/")
    } else {
        "/stream/".to_owned()
    };
    let mut options = serde_json::Map::new();
    if placement != "DEFAULT" {
        options.insert("USER_ID".into(), json!(subject.to_string()));
        if !settings.omit_uri {
            options.insert("URI".into(), json!(uri));
        }
    }
    let options_value = if settings.options_undefined {
        json!("undefined")
    } else if options.is_empty() {
        json!([])
    } else {
        Value::Object(options.clone())
    };
    let mut init = json!({
        "LANG": settings.lang, "DOMAIN": "", "PROTOCOL": 0, "PATH": "/rest",
        "AUTH_ID": access, "AUTH_EXPIRES": settings.token_lifetime.to_string(), "REFRESH_ID": refresh,
        "MEMBER_ID": sim.member_id, "FIRST_RUN": false, "IS_ADMIN": settings.admin,
        "INSTALL": !sim.installed, "USER_OPTIONS": [], "APP_OPTIONS": [],
        "PLACEMENT": placement, "PLACEMENT_OPTIONS": options_value,
    });
    if let (Value::Object(init), Value::Object(overrides)) = (&mut init, &settings.init_override) {
        for (key, value) in overrides {
            match value {
                Value::Null => init.remove(key),
                value => init.insert(key.clone(), value.clone()),
            };
        }
    }
    let body = json!({
        "AUTH_ID": access, "AUTH_EXPIRES": settings.token_lifetime.to_string(), "REFRESH_ID": refresh,
        "member_id": sim.member_id, "status": "L", "PLACEMENT": placement,
        "PLACEMENT_OPTIONS": if options.is_empty() { Value::Null } else { json!(Value::Object(options).to_string()) },
        "SERVER_ENDPOINT": "https://oauth.bitrix.info/rest/",
        "APPLICATION_TOKEN": "5f0c8b1e2d3a4c6b8e9f0a1b2c3d4e5f",
        "APPLICATION_SCOPE": settings.scopes.join(","),
    });
    axum::Json(
        json!({"init": init, "body": body, "lang": settings.lang, "parent": settings.parent,
        "popup": settings.popup, "window_name": settings.window_name}),
    )
    .into_response()
}

#[derive(Deserialize)]
struct RefreshRequest {
    refresh_token: String,
}

async fn refresh(
    State(portal): State<Portal>,
    axum::Json(request): axum::Json<RefreshRequest>,
) -> Response {
    let (parent, answer) = {
        let mut sim = portal.sim();
        let lifetime = sim.settings.token_lifetime;
        (sim.settings.parent, sim.refresh_token(&request.refresh_token).map(|(access, refresh)| {
            json!({"AUTH_ID": access, "AUTH_EXPIRES": lifetime, "REFRESH_ID": refresh})
        }))
    };
    if parent == ParentMode::LateRefresh {
        tokio::time::sleep(Duration::from_secs(5)).await;
    }
    match answer {
        Some(answer) => axum::Json(answer).into_response(),
        None => (
            StatusCode::UNAUTHORIZED,
            axum::Json(json!({"error": "invalid_grant"})),
        )
            .into_response(),
    }
}

async fn install_finish(State(portal): State<Portal>) -> Response {
    portal.sim().installed = true;
    axum::Json(json!(true)).into_response()
}

async fn log(State(portal): State<Portal>) -> Response {
    let sim = portal.sim();
    axum::Json(
        json!({"writes": sim.writes, "placements": sim.placements, "requests": sim.requests,
        "installed": sim.installed, "faults_fired": sim.fired_json(),
        "first_fault_at_ms": sim.first_fault_at_ms()}),
    )
    .into_response()
}

#[derive(Deserialize)]
struct HostileRequest {
    payloads: Vec<String>,
    #[serde(default)]
    photos: Vec<String>,
}

/// Test control: fills people and departments with hostile text and photo URLs.
async fn hostile(
    State(portal): State<Portal>,
    axum::Json(request): axum::Json<HostileRequest>,
) -> Response {
    let hostile = portal
        .sim()
        .company
        .make_hostile(&request.payloads, &request.photos);
    axum::Json(hostile).into_response()
}

#[derive(Deserialize, Default)]
struct ResetRequest {
    /// Start a portal where the app is not installed.
    #[serde(default)]
    fresh: bool,
}

async fn reset(
    State(portal): State<Portal>,
    axum::Json(request): axum::Json<ResetRequest>,
) -> Response {
    portal.sim().reset(request.fresh);
    axum::Json(json!(true)).into_response()
}

fn cors(mut response: Response) -> Response {
    let headers = response.headers_mut();
    headers.insert(
        header::ACCESS_CONTROL_ALLOW_ORIGIN,
        HeaderValue::from_static("*"),
    );
    headers.insert(
        header::ACCESS_CONTROL_ALLOW_HEADERS,
        HeaderValue::from_static("origin, content-type, accept"),
    );
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    response
}

fn json_response(status: u16, body: String) -> Response {
    let status = StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    cors(
        (
            status,
            [(header::CONTENT_TYPE, "application/json; charset=utf-8")],
            body,
        )
            .into_response(),
    )
}

fn render(reply: Reply) -> Response {
    match reply {
        Reply::Json(status, body) => json_response(status, body.to_string()),
        Reply::Raw(status, body) => json_response(status, body),
        Reply::Drop => {
            // Headers go out, then the body fails: the browser sees a broken connection.
            let failing = futures_util::stream::once(async {
                Err::<Bytes, std::io::Error>(std::io::Error::other(
                    "connection dropped by fault injection",
                ))
            });
            cors(Response::new(Body::from_stream(failing)))
        }
        Reply::Slow(inner) => render(*inner),
    }
}

async fn rest_call(
    State(portal): State<Portal>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    Path(method): Path<String>,
    method_kind: Method,
    uri: Uri,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    if method_kind == Method::OPTIONS {
        return cors(StatusCode::OK.into_response());
    }
    let latency = portal.sim().settings.latency_ms;
    if latency > 0 {
        tokio::time::sleep(Duration::from_millis(latency)).await;
    }
    let content_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    let bearer = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .map(str::to_owned);
    let request = params::request_params(uri.query().unwrap_or(""), content_type, &body);
    let reply = {
        let mut sim = portal.sim();
        rest::handle(
            &mut sim,
            &rest::method_name(&method),
            request,
            bearer.as_deref(),
            &peer.ip().to_string(),
        )
    };
    if let Reply::Slow(_) = reply {
        tokio::time::sleep(Duration::from_secs(30)).await;
    }
    render(reply)
}

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
}

/// The largest request body the host accepts (Bitrix24's handler POST is a few KB).
pub const MAX_BODY: usize = 64 * 1024;

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

/// Security headers of every app-host answer, errors included: framing allowed only for the
/// portals (the widget's page carries its full production policy, set by `serve_app`), and
/// no content sniffing.
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
pub fn resolve(dist: &std::path::Path, url_path: &str) -> Option<PathBuf> {
    let decoded = params::decode(url_path);
    let relative = std::path::Path::new(decoded.trim_start_matches('/'));
    if relative
        .components()
        .any(|c| !matches!(c, Component::Normal(_)))
    {
        return None;
    }
    let file = dist.join(relative);
    file.is_file().then_some(file)
}

fn content_type(path: &std::path::Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()) {
        Some("html") => "text/html; charset=utf-8",
        Some("js") => "text/javascript; charset=utf-8",
        Some("css") => "text/css; charset=utf-8",
        Some("wasm") => "application/wasm",
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        Some("json") => "application/json",
        _ => "application/octet-stream",
    }
}

async fn serve_app(
    State(host): State<AppHost>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    body: Body,
) -> Response {
    if let Err(status) = read_body(&host, &headers, body).await {
        return status.into_response();
    }
    // The widget's page gets the production CSP, except under `trunk serve` (live reload).
    let mut page_policy = None;
    let mut policy_for = |bytes: &[u8]| {
        if host.trunk_address.is_none() {
            page_policy = Some(crate::csp::page_policy(
                &String::from_utf8_lossy(bytes),
                &host.frame_ancestors,
            ));
        }
    };
    let mut response = match method {
        Method::GET | Method::HEAD | Method::POST => {
            let file = (method != Method::POST)
                .then(|| resolve(&host.dist, uri.path()))
                .flatten();
            match file {
                Some(file) => match tokio::fs::read(&file).await {
                    Ok(bytes) => {
                        let name = file.file_name().and_then(|n| n.to_str()).unwrap_or("");
                        let is_index = name == "index.html";
                        if is_index {
                            policy_for(&bytes);
                        }
                        // Hashed assets never change; index.html and unhashed files (the app
                        // the first paint imports) must always be revalidated.
                        let cache = if is_hashed(name) {
                            "public, max-age=31536000, immutable"
                        } else {
                            "no-cache"
                        };
                        (
                            [
                                (header::CONTENT_TYPE, content_type(&file)),
                                (header::CACHE_CONTROL, cache),
                            ],
                            bytes,
                        )
                            .into_response()
                    }
                    Err(_) => StatusCode::NOT_FOUND.into_response(),
                },
                None if looks_like_asset(uri.path()) && method != Method::POST => {
                    StatusCode::NOT_FOUND.into_response()
                }
                None => match tokio::fs::read(host.dist.join("index.html")).await {
                    Ok(bytes) => {
                        policy_for(&bytes);
                        (
                            [
                                (header::CONTENT_TYPE, "text/html; charset=utf-8"),
                                (header::CACHE_CONTROL, "no-cache"),
                            ],
                            fill_trunk_placeholders(bytes, host.trunk_address.as_deref()),
                        )
                            .into_response()
                    }
                    Err(_) => (
                        StatusCode::SERVICE_UNAVAILABLE,
                        "the widget is not built: run trunk build --release",
                    )
                        .into_response(),
                },
            }
        }
        _ => (
            StatusCode::METHOD_NOT_ALLOWED,
            [(header::ALLOW, "GET, HEAD, POST")],
        )
            .into_response(),
    };
    if let Some(value) = page_policy.and_then(|p| HeaderValue::from_str(&p).ok()) {
        response
            .headers_mut()
            .insert(header::CONTENT_SECURITY_POLICY, value);
    }
    response
}

/// Fills the live-reload placeholders of a `trunk serve` page (trunk fills them only in pages
/// it serves itself, not in proxied ones).
fn fill_trunk_placeholders(page: Vec<u8>, trunk_address: Option<&str>) -> Vec<u8> {
    match trunk_address {
        Some(address) => String::from_utf8_lossy(&page)
            .replace("{{__TRUNK_ADDRESS__}}", address)
            .replace("{{__TRUNK_WS_BASE__}}", "/")
            .into_bytes(),
        None => page,
    }
}

/// Paths with a file extension are assets: a missing one is a 404, not the page.
/// Whether a file name carries Trunk's content hash (`name-<16 hex digits>…`).
fn is_hashed(name: &str) -> bool {
    name.split(['-', '_', '.'])
        .any(|part| part.len() == 16 && part.bytes().all(|b| b.is_ascii_hexdigit()))
}

fn looks_like_asset(path: &str) -> bool {
    path.rsplit('/')
        .next()
        .is_some_and(|last| last.contains('.'))
}
