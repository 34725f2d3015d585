//! `user.*`, `im.user.get` and `profile`.

use super::{Answer, Call, Outcome, fail, page};
use crate::company::{UserScope, im_record, user_record};
use crate::params;
use serde_json::{Map, Value, json};
use std::cmp::Ordering;

/// Filter prefixes, longest first so `>=` wins over `>`.
const PREFIXES: [&str; 15] = [
    "!=%", "!%=", ">=", "<=", "!@", "=%", "%=", "!%", "!=", ">", "<", "@", "%", "=", "!",
];
const EXTRA_FILTER_KEYS: [&str; 5] = [
    "IS_ONLINE",
    "HAS_DEPARTAMENT",
    "NAME_SEARCH",
    "EXTERNAL_AUTH_ID",
    "USER_TYPE",
];
/// Top-level keys that are not filters.
const NOT_FILTERS: [&str; 7] = [
    "SORT",
    "ORDER",
    "ADMIN_MODE",
    "START",
    "IMAGE_RESIZE",
    "SELECT",
    "FILTER",
];

fn scope(call: &Call<'_>) -> UserScope {
    UserScope::of(&call.token.scopes).unwrap_or(UserScope::Brief)
}

fn records(call: &Call<'_>) -> Vec<Value> {
    let origin = call.sim.portal_origin.clone();
    let scope = scope(call);
    call.sim
        .company
        .users
        .iter()
        .map(|u| user_record(u, scope, &origin, false))
        .collect()
}

/// Text of a record value for comparisons.
fn as_text(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        Value::Bool(b) => (if *b { "Y" } else { "N" }).into(),
        other => other.to_string(),
    }
}

fn normalise(field: &str, value: &Value) -> Vec<String> {
    let values = match value {
        Value::Object(_) | Value::Array(_) => params::list(Some(value)),
        other => vec![other.clone()],
    };
    values
        .iter()
        .map(|v| {
            let text = as_text(v);
            match field {
                "ACTIVE" | "IS_ONLINE" => {
                    if params::flag(Some(v)) || text == "Y" {
                        "Y".into()
                    } else {
                        "N".into()
                    }
                }
                _ => text,
            }
        })
        .collect()
}

fn compare(left: &str, right: &str) -> Ordering {
    match (left.parse::<f64>(), right.parse::<f64>()) {
        (Ok(a), Ok(b)) => a.partial_cmp(&b).unwrap_or(Ordering::Equal),
        _ => left.cmp(right),
    }
}

/// Whether `record` passes one filter condition.
fn passes(record: &Value, op: &str, field: &str, wanted: &[String]) -> bool {
    if field == "NAME_SEARCH" {
        let name = format!(
            "{} {}",
            as_text(&record["NAME"]),
            as_text(&record["LAST_NAME"])
        )
        .to_lowercase();
        return wanted.iter().any(|w| name.contains(&w.to_lowercase()));
    }
    if field == "HAS_DEPARTAMENT" {
        let has = record["UF_DEPARTMENT"]
            .as_array()
            .is_some_and(|a| !a.is_empty());
        return wanted.iter().any(|w| (w == "Y") == has);
    }
    // A multiple field (`UF_DEPARTMENT`, `UF_INTERESTS`, `UF_SKILLS`) matches when any of its
    // values does; an empty one (`false`) has none.
    let actual: Vec<String> = match &record[field] {
        Value::Array(items) => items.iter().map(as_text).collect(),
        Value::Object(gapped) => gapped.values().map(as_text).collect(),
        Value::Bool(false) if field.starts_with("UF_") => Vec::new(),
        Value::Null => vec![String::new()],
        other => vec![as_text(other)],
    };
    let any = |test: &dyn Fn(&str, &str) -> bool| {
        actual.iter().any(|a| wanted.iter().any(|w| test(a, w)))
    };
    let contains = |a: &str, w: &str| a.to_lowercase().contains(&w.to_lowercase());
    // MySQL compares text by a case-insensitive collation: `chess` finds `Chess`.
    let equal = |a: &str, w: &str| a == w || a.to_lowercase() == w.to_lowercase();
    match op {
        ">" => any(&|a, w| compare(a, w) == Ordering::Greater),
        ">=" => any(&|a, w| compare(a, w) != Ordering::Less),
        "<" => any(&|a, w| compare(a, w) == Ordering::Less),
        "<=" => any(&|a, w| compare(a, w) != Ordering::Greater),
        "%" | "=%" | "%=" => any(&contains),
        "!%" | "!=%" | "!%=" => !any(&contains),
        "!" | "!=" | "!@" => !any(&equal),
        _ => any(&equal),
    }
}

/// The filter conditions of a `user.get`-style call: `FILTER` replaces top-level keys.
fn conditions(
    call: &Call<'_>,
    allowed: &dyn Fn(&str) -> bool,
) -> Vec<(String, String, Vec<String>)> {
    let source: Vec<(&String, &Value)> = match call.upper("FILTER") {
        Some(Value::Object(filter)) => filter.iter().collect(),
        _ => call
            .params
            .iter()
            .filter(|(k, _)| !NOT_FILTERS.contains(&k.to_ascii_uppercase().as_str()))
            .collect(),
    };
    source
        .into_iter()
        .filter_map(|(key, value)| {
            let op = PREFIXES
                .iter()
                .find(|p| key.starts_with(**p))
                .copied()
                .unwrap_or("");
            let field = key[op.len()..].to_ascii_uppercase();
            // Unknown keys are silently ignored, as on the real server.
            allowed(&field).then(|| {
                let wanted = normalise(&field, value);
                (op.to_owned(), field, wanted)
            })
        })
        .collect()
}

fn sort_rows(call: &Call<'_>, rows: &mut [Value]) {
    let (sort, order) = match (call.upper("SORT"), call.upper("ORDER")) {
        (Some(sort), Some(order)) => (
            params::text(Some(sort))
                .unwrap_or_else(|| "ID".into())
                .to_ascii_uppercase(),
            params::text(Some(order))
                .unwrap_or_default()
                .to_ascii_uppercase(),
        ),
        _ => ("ID".into(), "ASC".into()), // SORT and ORDER apply only together
    };
    rows.sort_by(|a, b| {
        let ordering = compare(&as_text(&a[&sort]), &as_text(&b[&sort]));
        if order == "DESC" {
            ordering.reverse()
        } else {
            ordering
        }
    });
}

pub fn current(call: &mut Call<'_>) -> Outcome {
    let origin = call.sim.portal_origin.clone();
    let user = call
        .sim
        .company
        .user(call.token.user_id)
        .ok_or_else(|| fail(400, "ERROR_CORE", "User not found"))?;
    Ok(Answer::of(user_record(user, scope(call), &origin, true)))
}

pub fn get(call: &mut Call<'_>) -> Outcome {
    let origin = call.sim.portal_origin.clone();
    let scope = scope(call);
    let Some(Value::Object(sample)) = call
        .sim
        .company
        .users
        .first()
        .map(|u| user_record(u, scope, &origin, false))
    else {
        return Ok(Answer::of(json!([])));
    };
    let known: Vec<String> = sample.keys().cloned().collect();
    let allowed =
        |field: &str| known.iter().any(|k| k == field) || EXTRA_FILTER_KEYS.contains(&field);
    let conditions = conditions(call, &allowed);
    // An exact ID filter (the common case: one person, a head) needs only those records.
    let exact_ids: Option<Vec<u32>> = conditions
        .iter()
        .find(|(op, field, _)| field == "ID" && (op.is_empty() || op == "="))
        .map(|(_, _, wanted)| wanted.iter().filter_map(|w| w.parse().ok()).collect());
    // A cheap pass over the raw users first (department and ID bounds), so a 50,000-user
    // company does not build 50,000 records per list page; `passes` still decides.
    let maybe = |u: &&crate::company::User| {
        conditions.iter().all(|(op, field, wanted)| {
            let ids = || wanted.iter().filter_map(|w| w.parse::<u32>().ok());
            match (field.as_str(), op.as_str()) {
                ("UF_DEPARTMENT", "" | "=") => ids().any(|d| u.departments.contains(&d)),
                ("ID", ">") => ids().any(|n| u.id > n),
                ("ID", ">=") => ids().any(|n| u.id >= n),
                _ => true,
            }
        })
    };
    let start = params::int(call.param("start")).unwrap_or(0);
    let by_id = match (call.upper("SORT"), call.upper("ORDER")) {
        (Some(sort), Some(order)) => {
            params::text(Some(sort)).is_some_and(|s| s.eq_ignore_ascii_case("ID"))
                && !params::text(Some(order)).is_some_and(|o| o.eq_ignore_ascii_case("DESC"))
        }
        _ => true, // SORT and ORDER apply only together; the default is by ID
    };
    let candidates: Vec<&crate::company::User> = match exact_ids {
        Some(ids) => ids
            .iter()
            .filter_map(|id| call.sim.company.user(*id))
            .collect(),
        None => call.sim.company.users.iter().filter(maybe).collect(),
    };
    let matching = candidates
        .into_iter()
        .map(|u| user_record(u, scope, &origin, false))
        .filter(|r| {
            conditions
                .iter()
                .all(|(op, field, wanted)| passes(r, op, field, wanted))
        });
    // `start=-1` in ID order needs only the first page (users are stored by ID).
    let mut rows: Vec<Value> = if start == -1 && by_id {
        matching.take(super::PAGE).collect()
    } else {
        matching.collect()
    };
    sort_rows(call, &mut rows);
    Ok(page(rows, start, false))
}

pub fn search(call: &mut Call<'_>) -> Outcome {
    let find = call.upper("FIND").and_then(|v| params::text(Some(v)));
    let filter = call.upper("FILTER").cloned();
    if find.is_some() && filter.is_some() {
        return Err(fail(400, "ERROR_ARGUMENT", "Use either FIND or FILTER"));
    }
    let company = &call.sim.company;
    let department_name = |ids: &Value| -> String {
        params::list(Some(ids))
            .iter()
            .filter_map(|id| params::int(Some(id)))
            .filter_map(|id| company.department(id as u32))
            .map(|d| d.name.to_lowercase())
            .collect::<Vec<_>>()
            .join(" ")
    };
    // FIND matches the full name; it is checked on the raw users, before any record is built.
    let words: Vec<String> = find
        .as_deref()
        .unwrap_or("")
        .to_lowercase()
        .split_whitespace()
        .map(str::to_owned)
        .collect();
    let origin = call.sim.portal_origin.clone();
    let scope = scope(call);
    let mut rows: Vec<Value> = company
        .users
        .iter()
        .filter(|u| {
            let name = format!("{} {} {}", u.name, u.last_name, u.second_name).to_lowercase();
            words.iter().all(|word| name.contains(word.as_str()))
        })
        .map(|u| user_record(u, scope, &origin, false))
        .filter(|r| match (&find, &filter) {
            (Some(_), _) => true,
            (None, Some(Value::Object(filter))) => filter.iter().all(|(key, value)| {
                let wanted = as_text(value).to_lowercase();
                let field = key
                    .trim_start_matches(|c: char| !c.is_ascii_alphabetic())
                    .to_ascii_uppercase();
                let actual = match field.as_str() {
                    "UF_DEPARTMENT_NAME" => department_name(&r["UF_DEPARTMENT"]),
                    "NAME" | "LAST_NAME" | "SECOND_NAME" | "WORK_POSITION" | "USER_TYPE" => {
                        as_text(&r[field.as_str()]).to_lowercase()
                    }
                    _ => return true,
                };
                actual.contains(&wanted)
            }),
            _ => true,
        })
        .collect();
    sort_rows(call, &mut rows);
    let start = params::int(call.param("start")).unwrap_or(0);
    Ok(page(rows, start, false))
}

pub fn fields(call: &mut Call<'_>) -> Outcome {
    let Some(Value::Object(sample)) = records(call).into_iter().next() else {
        return Ok(Answer::of(json!({})));
    };
    let labels: Map<String, Value> = sample
        .keys()
        .map(|key| {
            let label = key
                .trim_start_matches("UF_")
                .split('_')
                .map(|w| {
                    let lower = w.to_lowercase();
                    let mut chars = lower.chars();
                    chars
                        .next()
                        .map(|c| c.to_uppercase().chain(chars).collect::<String>())
                        .unwrap_or_default()
                })
                .collect::<Vec<_>>()
                .join(" ");
            (key.clone(), json!(label))
        })
        .collect();
    Ok(Answer::of(Value::Object(labels)))
}

pub fn im_get(call: &mut Call<'_>) -> Outcome {
    let id = match call.upper("ID") {
        None => call.token.user_id as i64,
        Some(value) => params::int(Some(value))
            .ok_or_else(|| fail(400, "ID_EMPTY", "User ID can't be empty"))?,
    };
    let origin = call.sim.portal_origin.clone();
    let user = u32::try_from(id)
        .ok()
        .and_then(|id| call.sim.company.user(id))
        .ok_or_else(|| fail(400, "USER_NOT_EXISTS", "User not exists"))?;
    Ok(Answer::of(im_record(user, &origin)))
}

pub fn profile(call: &mut Call<'_>) -> Outcome {
    let user = call
        .sim
        .company
        .user(call.token.user_id)
        .ok_or_else(|| fail(400, "ERROR_CORE", "User not found"))?;
    Ok(Answer::of(json!({
        "ID": user.id.to_string(),
        "ADMIN": call.token.admin,
        "NAME": user.name,
        "LAST_NAME": user.last_name,
        "PERSONAL_GENDER": user.gender,
        "TIME_ZONE": user.time_zone,
    })))
}
