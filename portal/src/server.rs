//! HTTP of the portal origin: the parent page, the BX24 stand-in, photos, the control API
//! and REST. The app host origin is `host.rs`.

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
    pub(crate) fn sim(&self) -> std::sync::MutexGuard<'_, Sim> {
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
        .route("/sim/api/user-option", post(user_option))
        .route("/sim/api/log", get(log))
        .route("/sim/api/reset", post(reset))
        .route("/sim/api/hostile", post(hostile))
        .route("/sim/api/person", post(crate::probe::person))
        .route("/rest/{method}", any(rest_call))
        .layer(axum::middleware::map_response(timing_allowed))
        .with_state(portal)
}

/// Lets the frame's Resource Timing see the sizes of the portal's answers (the library, REST),
/// which the benchmark counts as bytes on the wire (e2e/bench/network.mjs).
async fn timing_allowed(mut response: Response) -> Response {
    response
        .headers_mut()
        .insert("timing-allow-origin", HeaderValue::from_static("*"));
    response
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
        "INSTALL": !sim.installed, "USER_OPTIONS": sim.user_options_json(), "APP_OPTIONS": [],
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

#[derive(Deserialize)]
struct UserOption {
    name: String,
    value: Value,
}

/// The parent page's `setUserOption`: kept for the current user as sent, and back in
/// `USER_OPTIONS` on their next load (bitrix24.md, the parent's commands).
async fn user_option(
    State(portal): State<Portal>,
    axum::Json(option): axum::Json<UserOption>,
) -> Response {
    let mut sim = portal.sim();
    let user = sim.settings.current_user;
    sim.user_options
        .entry(user)
        .or_default()
        .insert(option.name, option.value);
    axum::Json(json!(true)).into_response()
}

async fn log(State(portal): State<Portal>) -> Response {
    let sim = portal.sim();
    axum::Json(
        json!({"writes": sim.writes, "placements": sim.placements, "requests": sim.requests,
        "methods": sim.methods,
        "part_downloads": sim.part_downloads, "part_refusals": sim.part_refusals,
        "user_options": sim.user_options_json(),
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
