//! `batch` (bitrix24.md §5.6): up to 50 commands, `$result[…]` macros over earlier results,
//! `halt`, per-command errors, and empty maps serialised as `[]`.

use super::{Answer, Call, Outcome, now_seconds, run_sub, time_block};
use crate::params::{self, parse_form};
use crate::state::Fault;
use serde_json::{Map, Value, json};

const MAX_COMMANDS: usize = 50;

fn lookup<'a>(results: &'a Map<String, Value>, path: &[&str]) -> Option<&'a Value> {
    let (key, rest) = path.split_first()?;
    let mut value = results.get(*key)?;
    for segment in rest {
        value = match value {
            Value::Object(map) => map.get(*segment)?,
            Value::Array(items) => items.get(segment.parse::<usize>().ok()?)?,
            _ => return None,
        };
    }
    Some(value)
}

/// Splits `$result[a][b]` at `at` into its path, returning (path, end index).
fn macro_at(text: &str, at: usize) -> Option<(Vec<&str>, usize)> {
    let mut i = at + "$result".len();
    let mut path = Vec::new();
    while text[i..].starts_with('[') {
        let close = text[i..].find(']')? + i;
        path.push(&text[i + 1..close]);
        i = close + 1;
    }
    (!path.is_empty()).then_some((path, i))
}

/// Replaces macros in one parameter value: a value that is exactly a macro takes the raw
/// result (arrays included); otherwise text substitution. A missing path stays as written.
fn substitute(value: &Value, results: &Map<String, Value>) -> Value {
    match value {
        Value::String(text) => {
            if let Some((path, end)) = text
                .starts_with("$result")
                .then(|| macro_at(text, 0))
                .flatten()
                && end == text.len()
            {
                return lookup(results, &path)
                    .cloned()
                    .unwrap_or_else(|| value.clone());
            }
            let mut out = String::new();
            let mut from = 0;
            while let Some(found) = text[from..].find("$result").map(|i| i + from) {
                match macro_at(text, found) {
                    Some((path, end)) => {
                        out.push_str(&text[from..found]);
                        match lookup(results, &path) {
                            Some(Value::String(s)) => out.push_str(s),
                            Some(Value::Array(_) | Value::Object(_)) => out.push_str("Array"),
                            Some(other) => out.push_str(&other.to_string()),
                            None => out.push_str(&text[found..end]),
                        }
                        from = end;
                    }
                    None => {
                        out.push_str(&text[from..found + 1]);
                        from = found + 1;
                    }
                }
            }
            out.push_str(&text[from..]);
            Value::String(out)
        }
        Value::Object(map) => Value::Object(
            map.iter()
                .map(|(k, v)| (k.clone(), substitute(v, results)))
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.iter().map(|v| substitute(v, results)).collect()),
        other => other.clone(),
    }
}

fn or_empty(map: Map<String, Value>) -> Value {
    if map.is_empty() {
        json!([])
    } else {
        Value::Object(map)
    }
}

pub fn run(call: &mut Call<'_>) -> Outcome {
    let halt = params::flag(call.param("halt"));
    let commands: Vec<(String, Value)> = match call.param("cmd") {
        Some(Value::Object(cmd)) => cmd.iter().map(|(k, v)| (k.clone(), v.clone())).collect(),
        Some(Value::Array(cmd)) => cmd
            .iter()
            .enumerate()
            .map(|(i, v)| (i.to_string(), v.clone()))
            .collect(),
        _ => Vec::new(),
    };
    let partial = call.fault == Fault::PartialBatch;
    let token = call.token.clone();
    let mut results = Map::new();
    let mut errors = Map::new();
    let mut totals = Map::new();
    let mut nexts = Map::new();
    let mut times = Map::new();
    for (index, (key, command)) in commands.into_iter().enumerate() {
        let Value::String(command) = command else {
            continue;
        }; // non-strings are skipped
        if index >= MAX_COMMANDS {
            errors.insert(key, json!({"error": "ERROR_BATCH_LENGTH_EXCEEDED", "error_description": "Max batch length exceeded"}));
            continue;
        }
        let started = now_seconds();
        let (method, query) = command.split_once('?').unwrap_or((&command, ""));
        let sub_params = match substitute(&Value::Object(parse_form(query)), &results) {
            Value::Object(map) => map,
            _ => Map::new(),
        };
        let outcome = if partial && index % 2 == 1 {
            if index == 1 {
                call.sim.fire(Fault::PartialBatch); // once per batch it changed
            }
            Err(super::fail(403, "ACCESS_DENIED", "Access denied!"))
        } else {
            run_sub(call.sim, &token, method, &sub_params)
        };
        match outcome {
            Ok(answer) => {
                if let Some(total) = answer.total {
                    totals.insert(key.clone(), json!(total));
                }
                if let Some(next) = answer.next {
                    nexts.insert(key.clone(), json!(next));
                }
                times.insert(key.clone(), time_block(started));
                results.insert(key, answer.result);
            }
            Err(failure) => {
                errors.insert(
                    key,
                    json!({"error": failure.code, "error_description": failure.description}),
                );
                if halt {
                    break;
                }
            }
        }
    }
    Ok(Answer::of(json!({
        "result": or_empty(results),
        "result_error": or_empty(errors),
        "result_total": or_empty(totals),
        "result_next": or_empty(nexts),
        "result_time": or_empty(times),
    })))
}
