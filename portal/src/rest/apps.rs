//! `scope`, `app.info` and `placement.*`.

use super::{Answer, Call, Failure, Outcome, fail};
use crate::params;
use crate::state::Binding;
use serde_json::{Value, json};

const PLACEMENTS: [(&str, &str); 3] = [
    ("USER_PROFILE_MENU", "user"),
    ("USER_PROFILE_TOOLBAR", "user"),
    ("DEFAULT", ""),
];

pub fn scope(call: &mut Call<'_>) -> Outcome {
    Ok(Answer::of(json!(call.token.scopes)))
}

pub fn app_info(call: &mut Call<'_>) -> Outcome {
    Ok(Answer::of(json!({
        "ID": 5, "CODE": "local.profile_widget", "VERSION": 1, "STATUS": "L",
        "INSTALLED": call.sim.installed, "PAYMENT_EXPIRED": "N", "DAYS": null,
        "LANGUAGE_ID": call.sim.settings.lang, "LICENSE": "en_std", "LICENSE_TYPE": "std",
        "LICENSE_FAMILY": "std"
    })))
}

fn admin_only(call: &Call<'_>) -> Result<(), Failure> {
    if call.token.admin {
        Ok(())
    } else {
        Err(fail(
            403,
            "ACCESS_DENIED",
            "Access denied! Application management permission required",
        ))
    }
}

fn argument(name: &str, description: &str) -> Failure {
    let mut failure = fail(400, "ERROR_ARGUMENT", description);
    failure.extra.push(("argument".into(), json!(name)));
    failure
}

fn placement_code(call: &Call<'_>) -> Result<String, Failure> {
    match call.upper("PLACEMENT") {
        None | Some(Value::Null) => Err(argument(
            "PLACEMENT",
            "Argument 'PLACEMENT' is null or empty",
        )),
        Some(Value::String(s)) if s.trim().is_empty() => Err(argument(
            "PLACEMENT",
            "Argument 'PLACEMENT' is null or empty",
        )),
        Some(Value::String(s)) => Ok(s.trim().to_ascii_uppercase()),
        Some(_) => Err(argument(
            "PLACEMENT",
            "The value of an argument 'PLACEMENT' must be of type string",
        )),
    }
}

fn known(call: &Call<'_>, code: &str) -> bool {
    PLACEMENTS.iter().any(|(p, scope)| {
        *p == code && (scope.is_empty() || call.token.scopes.iter().any(|s| s.starts_with(scope)))
    })
}

pub fn bind(call: &mut Call<'_>) -> Outcome {
    admin_only(call)?;
    let code = placement_code(call)?;
    if code == "DEFAULT" || !known(call, &code) {
        return Err(fail(
            400,
            "ERROR_PLACEMENT_NOT_FOUND",
            "Placement not found",
        ));
    }
    let handler = call
        .upper("HANDLER")
        .and_then(|v| params::text(Some(v)))
        .unwrap_or_default();
    if handler.is_empty() {
        return Err(argument("HANDLER", "Argument 'HANDLER' is null or empty"));
    }
    if call.upper("USER_ID").is_some() {
        return Err(fail(
            400,
            "ERROR_PLACEMENT_USER_MODE",
            "User mode is not available.",
        ));
    }
    if call
        .sim
        .placements
        .iter()
        .any(|b| b.placement == code && b.handler == handler)
    {
        return Err(fail(
            400,
            "ERROR_CORE",
            "Unable to set placement handler: Handler already binded",
        ));
    }
    let text = |key: &str| {
        call.upper(key)
            .and_then(|v| params::text(Some(v)))
            .unwrap_or_default()
    };
    let lang_all = match call.upper("LANG_ALL") {
        Some(Value::Object(map)) if !map.is_empty() => Value::Object(map.clone()),
        _ => json!({}),
    };
    // A non-empty LANG_ALL makes the top-level TITLE, DESCRIPTION and GROUP_NAME ignored.
    let (title, description, group_name) = if lang_all.as_object().is_some_and(|m| !m.is_empty()) {
        (String::new(), String::new(), String::new())
    } else {
        (text("TITLE"), text("DESCRIPTION"), text("GROUP_NAME"))
    };
    let id = call.sim.placements.iter().map(|b| b.id).max().unwrap_or(0) + 1;
    call.sim.placements.push(Binding {
        id,
        placement: code,
        handler,
        title,
        description,
        group_name,
        lang_all,
        user_id: 0,
    });
    Ok(Answer::of(json!(true)))
}

pub fn unbind(call: &mut Call<'_>) -> Outcome {
    admin_only(call)?;
    let code = placement_code(call)?;
    let handler = call
        .upper("HANDLER")
        .and_then(|v| params::text(Some(v)))
        .unwrap_or_default();
    let before = call.sim.placements.len();
    call.sim
        .placements
        .retain(|b| !(b.placement == code && (handler.is_empty() || b.handler == handler)));
    let removed = before - call.sim.placements.len();
    // One row found and deleted counts twice, as on the real server.
    Ok(Answer::of(json!({"count": removed * 2})))
}

pub fn get(call: &mut Call<'_>) -> Outcome {
    admin_only(call)?;
    let rows: Vec<Value> = call
        .sim
        .placements
        .iter()
        .map(|b| {
            json!({
                "placement": b.placement, "userId": b.user_id, "handler": b.handler,
                "options": [], "title": b.title, "description": b.description,
                "langAll": b.lang_all
            })
        })
        .collect();
    Ok(Answer::of(Value::Array(rows)))
}

pub fn list(call: &mut Call<'_>) -> Outcome {
    let codes: Vec<Value> = PLACEMENTS
        .iter()
        .filter(|(code, _)| *code != "DEFAULT" && known(call, code))
        .map(|(code, _)| json!(code))
        .collect();
    Ok(Answer::of(Value::Array(codes)))
}
