//! The REST emulation (bitrix24.md §5–§6): the real check order, envelopes with `time`,
//! paging, batches, tokens, scopes, the leaky bucket and injected faults.

mod apps;
mod batch;
mod departments;
mod lookups;
mod users;
mod writes;

use crate::params;
use crate::state::{Fault, Sim, Token};
use serde_json::{Map, Value, json};
use std::time::{SystemTime, UNIX_EPOCH};

/// Rows per page, fixed by Bitrix24.
pub const PAGE: usize = 50;

/// A method's success: `result` and, for lists, `total`/`next`.
#[derive(Clone, Debug, PartialEq)]
pub struct Answer {
    pub result: Value,
    pub total: Option<u64>,
    pub next: Option<u64>,
}

impl Answer {
    pub fn of(result: Value) -> Self {
        Self {
            result,
            total: None,
            next: None,
        }
    }
}

/// A REST error: HTTP status, code, description and extra keys (`argument`).
#[derive(Clone, Debug, PartialEq)]
pub struct Failure {
    pub status: u16,
    pub code: String,
    pub description: String,
    pub extra: Vec<(String, Value)>,
}

pub fn fail(status: u16, code: &str, description: &str) -> Failure {
    Failure {
        status,
        code: code.into(),
        description: description.into(),
        extra: Vec::new(),
    }
}

pub type Outcome = Result<Answer, Failure>;

/// What a method sees.
pub struct Call<'a> {
    pub sim: &'a mut Sim,
    /// The fault taken for this request.
    pub fault: Fault,
    pub token: &'a Token,
    pub params: &'a Map<String, Value>,
}

impl Call<'_> {
    pub fn param(&self, key: &str) -> Option<&Value> {
        self.params.get(key)
    }

    /// A top-level key read case-insensitively (methods upper-case their keys).
    pub fn upper(&self, key: &str) -> Option<&Value> {
        self.params
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(key))
            .map(|(_, v)| v)
    }
}

type Handler = fn(&mut Call<'_>) -> Outcome;

/// The methods: name, required scope (`None` = basic, always granted), handler.
fn lookup(method: &str) -> Option<(Option<&'static str>, Handler)> {
    let scope_user = Some("user");
    Some(match method {
        "user.current" => (scope_user, users::current as Handler),
        "user.get" => (scope_user, users::get),
        "user.search" => (scope_user, users::search),
        "user.fields" => (scope_user, users::fields),
        "department.get" => (Some("department"), departments::get),
        "department.fields" => (Some("department"), departments::fields),
        "im.user.get" => (Some("im"), users::im_get),
        "scope" => (None, apps::scope),
        "app.info" => (None, apps::app_info),
        "profile" => (None, users::profile),
        "placement.bind" => (Some("placement"), apps::bind),
        "placement.unbind" => (Some("placement"), apps::unbind),
        "placement.get" => (Some("placement"), apps::get),
        "placement.list" => (Some("placement"), apps::list),
        "tasks.task.add" => (Some("task"), writes::task_add),
        "tasks.task.list" => (Some("task"), lookups::task_list),
        "calendar.event.get" => (Some("calendar"), lookups::event_get),
        "log.blogpost.get" => (Some("log"), lookups::blogpost_get),
        "calendar.event.add" => (Some("calendar"), writes::event_add),
        "calendar.accessibility.get" => (Some("calendar"), writes::accessibility),
        "calendar.section.get" => (Some("calendar"), writes::sections),
        "calendar.settings.get" => (Some("calendar"), writes::calendar_settings),
        "im.message.add" => (Some("im"), writes::message_add),
        "log.blogpost.add" => (Some("log"), writes::blogpost_add),
        _ => return None,
    })
}

/// Whether the token's scopes cover `scope` (`user` also covers the lighter user scopes).
fn granted(token: &Token, scope: Option<&str>) -> bool {
    match scope {
        None => true,
        Some("user") => token
            .scopes
            .iter()
            .any(|s| s == "user" || s == "user_basic" || s == "user_brief"),
        Some(scope) => token.scopes.iter().any(|s| s == scope),
    }
}

/// What the HTTP layer sends back.
#[derive(Debug, PartialEq)]
pub enum Reply {
    /// Status and JSON body.
    Json(u16, Value),
    /// A 200 with a body that is not JSON.
    Raw(u16, String),
    /// Close the connection without an answer.
    Drop,
    /// Answer after a long pause.
    Slow(Box<Reply>),
}

fn error_body(failure: &Failure) -> Value {
    let mut body = Map::new();
    body.insert("error".into(), json!(failure.code));
    body.insert("error_description".into(), json!(failure.description));
    for (key, value) in &failure.extra {
        body.insert(key.clone(), value.clone());
    }
    Value::Object(body)
}

fn error_reply(failure: Failure) -> Reply {
    Reply::Json(failure.status, error_body(&failure))
}

/// The `time` block of every success.
pub fn time_block(started: f64) -> Value {
    let finish = now_seconds();
    json!({
        "start": started,
        "finish": finish,
        "duration": finish - started,
        "processing": finish - started,
        "date_start": iso_date(started as i64),
        "date_finish": iso_date(finish as i64),
        "operating_reset_at": finish as i64 + 600,
        "operating": 0
    })
}

pub fn now_seconds() -> f64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs_f64())
        .unwrap_or_default()
}

/// `2024-11-23T09:00:00+00:00` from unix seconds.
pub fn iso_date(seconds: i64) -> String {
    let days = seconds.div_euclid(86_400);
    let rem = seconds.rem_euclid(86_400);
    // Civil-from-days (Howard Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}+00:00",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60
    )
}

/// The method name from a URL path segment: `.json` stripped, case folded.
pub fn method_name(segment: &str) -> String {
    let name = segment.strip_suffix(".json").unwrap_or(segment);
    name.to_ascii_lowercase()
}

/// Handles one REST request: the whole server-side pipeline.
pub fn handle(
    sim: &mut Sim,
    method: &str,
    mut params: Map<String, Value>,
    bearer: Option<&str>,
    client: &str,
) -> Reply {
    let started = now_seconds();
    sim.requests += 1;
    *sim.methods.entry(method.to_owned()).or_default() += 1;
    let fault = sim.take_fault(method);
    let early = match fault {
        Fault::DropConnection => Some(Reply::Drop),
        Fault::MalformedJson => Some(Reply::Raw(200, "{\"result\": [{\"ID\": \"1\",".into())),
        Fault::ServerError => Some(error_reply(fail(
            500,
            "INTERNAL_SERVER_ERROR",
            "Internal server error",
        ))),
        _ => None,
    };
    if let Some(reply) = early {
        sim.fire(fault);
        return reply;
    }
    let Some((scope, handler)) = lookup(method).or(if method == "batch" {
        Some((None, batch::run as Handler))
    } else {
        None
    }) else {
        return error_reply(fail(404, "ERROR_METHOD_NOT_FOUND", "Method not found!"));
    };
    let auth = bearer
        .map(str::to_owned)
        .or_else(|| params::text(params.get("auth")))
        .or_else(|| params::text(params.get("access_token")));
    params.remove("auth");
    params.remove("access_token");
    let Some(auth) = auth.filter(|a| !a.is_empty()) else {
        return error_reply(fail(401, "NO_AUTH_FOUND", "Wrong authorization data"));
    };
    let token = match sim.token(&auth, fault) {
        Ok(token) => token,
        Err("expired_token") => {
            if fault == Fault::ExpireTokens {
                sim.fire(Fault::ExpireTokens);
            }
            return error_reply(fail(
                401,
                "expired_token",
                "The access token provided has expired",
            ));
        }
        Err(code) => {
            return error_reply(fail(401, code, "The access token provided is invalid"));
        }
    };
    if fault == Fault::RateLimitStorm {
        sim.fire(fault);
    }
    if fault == Fault::RateLimitStorm || !sim.admit(client) {
        return error_reply(fail(503, "QUERY_LIMIT_EXCEEDED", "Too many requests"));
    }
    if fault == Fault::OperatingLimit {
        sim.fire(fault);
        return error_reply(fail(
            429,
            "OPERATION_TIME_LIMIT",
            "Method is blocked due to operation time limit.",
        ));
    }
    if !granted(&token, scope) {
        return error_reply(fail(
            401,
            "insufficient_scope",
            "The request requires higher privileges than provided by the access token",
        ));
    }
    let mut call = Call {
        sim,
        fault,
        token: &token,
        params: &params,
    };
    let reply = match handler(&mut call) {
        Ok(answer) => {
            let mut body = Map::new();
            body.insert("result".into(), answer.result);
            if let Some(total) = answer.total {
                body.insert("total".into(), json!(total));
            }
            if let Some(next) = answer.next {
                body.insert("next".into(), json!(next));
            }
            body.insert("time".into(), time_block(started));
            Reply::Json(200, Value::Object(body))
        }
        Err(failure) => error_reply(failure),
    };
    if fault == Fault::Slow {
        sim.fire(fault);
        Reply::Slow(Box::new(reply))
    } else {
        reply
    }
}

/// Runs a sub-command of a batch: method lookup, scope and handler, no HTTP concerns.
pub fn run_sub(sim: &mut Sim, token: &Token, method: &str, params: &Map<String, Value>) -> Outcome {
    let method = method_name(method);
    if method == "batch" {
        return Err(fail(
            400,
            "ERROR_BATCH_METHOD_NOT_ALLOWED",
            "Method is not allowed for batch usage",
        ));
    }
    let (scope, handler) =
        lookup(&method).ok_or_else(|| fail(404, "ERROR_METHOD_NOT_FOUND", "Method not found!"))?;
    if !granted(token, scope) {
        return Err(fail(401, "insufficient_scope", ""));
    }
    let fault = Fault::None; // a request's fault applies to the batch, not its commands
    handler(&mut Call {
        sim,
        fault,
        token,
        params,
    })
}

/// One page of `rows` from `start` (`-1`: the first page, uncounted). `user.get` style: no
/// `total` key at all when nothing matched.
pub fn page(rows: Vec<Value>, start: i64, total_when_empty: bool) -> Answer {
    if start < 0 {
        return Answer::of(Value::Array(rows.into_iter().take(PAGE).collect()));
    }
    let total = rows.len();
    let start = (start as usize).min(total);
    let slice: Vec<Value> = rows.into_iter().skip(start).take(PAGE).collect();
    let end = start + slice.len();
    Answer {
        result: Value::Array(slice),
        total: (total > 0 || total_when_empty).then_some(total as u64),
        next: (end < total).then_some(end as u64),
    }
}

#[cfg(test)]
mod tests;
