//! The REST emulation against the wire facts of bitrix24.md §5–§6.

use super::*;
use crate::company::Company;
use crate::params::parse_form;
use crate::state::{Fault, Sim};
use serde_json::json;

fn sim() -> Sim {
    Sim::new(
        Company::generate(300, 42),
        "http://127.0.0.1:8000".into(),
        "http://127.0.0.1:8001".into(),
    )
}

fn token(sim: &mut Sim) -> String {
    let user = sim.settings.current_user;
    sim.issue_token(user).0
}

/// Sends `method` with form-encoded `form` (auth added) and returns status and body.
fn form_call(sim: &mut Sim, method: &str, form: &str) -> (u16, Value) {
    let auth = token(sim);
    let params = parse_form(&format!("auth={auth}&{form}"));
    match handle(sim, method, params, None, "127.0.0.1") {
        Reply::Json(status, body) => (status, body),
        other => panic!("unexpected {other:?}"),
    }
}

fn json_call(sim: &mut Sim, method: &str, params: Value) -> (u16, Value) {
    let auth = token(sim);
    let Value::Object(params) = params else {
        panic!()
    };
    match handle(sim, method, params, Some(&auth), "127.0.0.1") {
        Reply::Json(status, body) => (status, body),
        other => panic!("unexpected {other:?}"),
    }
}

fn error_of(body: &Value) -> &str {
    body["error"].as_str().unwrap_or("<none>")
}

mod batch;
mod envelope;
mod faults;
mod reads;
mod writes;
