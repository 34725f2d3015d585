//! `department.get` and `department.fields`.

use super::{Answer, Call, Outcome, page};
use crate::company::department_record;
use crate::params;
use serde_json::{Value, json};

/// Filter keys are case-sensitive here, unlike `user.get`.
const FILTER_KEYS: [&str; 5] = ["ID", "NAME", "SORT", "PARENT", "UF_HEAD"];

pub fn get(call: &mut Call<'_>) -> Outcome {
    let source = match call.param("FILTER") {
        Some(Value::Object(filter)) => filter.clone(),
        _ => call.params.clone(),
    };
    let conditions: Vec<(&str, Vec<String>)> = FILTER_KEYS
        .iter()
        .filter_map(|key| {
            source.get(*key).map(|value| {
                let wanted = match value {
                    Value::Object(_) | Value::Array(_) => params::list(Some(value)),
                    other => vec![other.clone()],
                };
                (
                    *key,
                    wanted
                        .iter()
                        .filter_map(|v| params::text(Some(v)))
                        .collect(),
                )
            })
        })
        .collect();
    let mut rows: Vec<Value> = call
        .sim
        .company
        .departments
        .iter()
        .map(department_record)
        .filter(|row| {
            conditions.iter().all(|(key, wanted)| {
                let actual = match &row[*key] {
                    Value::String(s) => s.clone(),
                    Value::Null => String::new(),
                    other => other.to_string(),
                };
                wanted.contains(&actual)
            })
        })
        .collect();
    if let Some(sort) =
        params::text(call.param("sort")).filter(|s| FILTER_KEYS.contains(&s.as_str()))
    {
        let descending =
            params::text(call.param("order")).is_some_and(|o| o.eq_ignore_ascii_case("DESC"));
        rows.sort_by(|a, b| {
            let key = |row: &Value| match &row[sort.as_str()] {
                Value::String(s) => s
                    .parse::<f64>()
                    .map(|n| (n, String::new()))
                    .unwrap_or((0.0, s.clone())),
                Value::Number(n) => (n.as_f64().unwrap_or_default(), String::new()),
                _ => (0.0, String::new()),
            };
            let ordering = key(a)
                .partial_cmp(&key(b))
                .unwrap_or(std::cmp::Ordering::Equal);
            if descending {
                ordering.reverse()
            } else {
                ordering
            }
        });
    }
    // The server reads only lower-case `start` (the docs' `START` is ignored).
    let start = params::int(call.param("start")).unwrap_or(0);
    Ok(page(rows, start, true))
}

pub fn fields(_call: &mut Call<'_>) -> Outcome {
    Ok(Answer::of(json!({
        "ID": "ID",
        "NAME": "Department Name",
        "SORT": "Sort Order",
        "PARENT": "Parent Department",
        "UF_HEAD": "Manager"
    })))
}
