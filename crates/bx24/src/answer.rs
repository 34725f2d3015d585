//! Reading REST answers (bitrix24.md §5.3–§5.6), pure: an HTTP answer becomes a result with
//! `total` and `next`, a REST error with its HTTP status, or a transport failure.

use crate::batch::{Command, Entry};
use crate::error::{Error, Failure, RestCode, RestError};
use crate::transport::HttpAnswer;
use serde_json::Value;
use std::collections::BTreeMap;

/// The entry of a single call's answer. Errors carry the HTTP status; a body that is neither
/// `{"result": …}` nor `{"error": …}` is [`Failure::Unreadable`].
pub(crate) fn read(method: &str, answer: HttpAnswer, after_ms: u32) -> Result<Entry, Error> {
    let status = answer.status;
    let unreadable = || Error::Transport {
        method: method.to_owned(),
        failure: Failure::Unreadable { status },
        after_ms,
    };
    let Some(Value::Object(mut body)) = answer.body else {
        return Err(unreadable());
    };
    if let Some(error) = error_of(method, &body, Some(status)) {
        return Err(Error::Rest(error));
    }
    let total = count(body.get("total"));
    let next = count(body.get("next"));
    // Taken, not removed: a map's `remove` would link its rebalancing code into the bundle.
    match body.get_mut("result").map(Value::take) {
        Some(result) if (200..300).contains(&status) => Ok(Entry {
            result: Ok(result),
            total,
            next,
        }),
        _ => Err(unreadable()),
    }
}

/// The entries of a batch's `result`, by command key. Commands it leaves out (skipped after
/// `halt`) have none. Missing maps count as empty: the portal writes an empty map as `[]`.
pub(crate) fn read_batch(
    commands: &[Command],
    outer: Value,
) -> Result<BTreeMap<String, Entry>, Error> {
    let Value::Object(mut maps) = outer else {
        return Err(Error::Decode {
            method: "batch".into(),
            path: "result".into(),
            message: "a batch answer must be an object".into(),
        });
    };
    let mut take = |name: &str| match maps.get_mut(name).map(Value::take) {
        Some(Value::Object(map)) => map,
        _ => Default::default(),
    };
    let (mut results, errors) = (take("result"), take("result_error"));
    let (totals, nexts) = (take("result_total"), take("result_next"));
    let mut entries = BTreeMap::new();
    for command in commands {
        let key = command.key.as_str();
        let result =
            match (errors.get(key), results.get_mut(key).map(Value::take)) {
                (Some(Value::Object(error)), _) => Err(error_of(&command.method, error, None)
                    .unwrap_or_else(|| unknown(&command.method))),
                (Some(_), _) => Err(unknown(&command.method)),
                (None, Some(result)) => Ok(result),
                (None, None) => continue,
            };
        let entry = Entry {
            result,
            total: count(totals.get(key)),
            next: count(nexts.get(key)),
        };
        entries.insert(key.to_owned(), entry);
    }
    Ok(entries)
}

/// The REST error an answer names, if it names one.
fn error_of(
    method: &str,
    body: &serde_json::Map<String, Value>,
    status: Option<u16>,
) -> Option<RestError> {
    let code = match body.get("error")? {
        Value::String(code) if !code.is_empty() => code.as_str(),
        Value::Null => return None,
        _ => "UNKNOWN",
    };
    let description = match body.get("error_description") {
        Some(Value::String(text)) => text.clone(),
        _ => String::new(),
    };
    Some(RestError {
        method: method.to_owned(),
        code: RestCode::parse(code),
        description,
        status,
    })
}

fn unknown(method: &str) -> RestError {
    RestError {
        method: method.to_owned(),
        code: RestCode::parse("UNKNOWN"),
        description: String::new(),
        status: None,
    }
}

/// `total`/`next`: a non-negative integer, as a number or decimal text.
fn count(value: Option<&Value>) -> Option<u64> {
    match value? {
        Value::Number(n) => n
            .as_u64()
            .or_else(|| n.as_f64().filter(|f| *f >= 0.0).map(|f| f as u64)),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn http(status: u16, body: Value) -> HttpAnswer {
        HttpAnswer {
            status,
            body: Some(body),
        }
    }

    fn command(key: &str, method: &str) -> Command {
        Command {
            key: key.into(),
            method: method.into(),
            params: json!({}),
        }
    }

    #[test]
    fn results_with_total_and_next() {
        let entry = read(
            "user.get",
            http(
                200,
                json!({"result": [1], "total": 120, "next": "50", "time": {}}),
            ),
            5,
        )
        .unwrap();
        assert_eq!(entry.result, Ok(json!([1])));
        assert_eq!((entry.total, entry.next), (Some(120), Some(50)));
    }

    #[test]
    fn errors_keep_code_description_and_status() {
        let error = read(
            "user.get",
            http(
                401,
                json!({"error": "expired_token", "error_description": "gone"}),
            ),
            5,
        )
        .unwrap_err();
        assert!(error.wants_new_token());
        assert_eq!(
            error.to_string(),
            "REST user.get failed with expired_token (HTTP 401): gone"
        );
        let busy = read(
            "batch",
            http(503, json!({"error": "QUERY_LIMIT_EXCEEDED"})),
            5,
        );
        assert_eq!(busy.unwrap_err().rest_code(), Some("QUERY_LIMIT_EXCEEDED"));
    }

    #[test]
    fn what_is_not_a_rest_answer_is_unreadable_with_its_status() {
        for (status, body) in [
            (502, None),
            (200, None),
            (200, Some(json!([1]))),
            (200, Some(json!({"time": {}}))),
            (500, Some(json!({"result": 1}))),
        ] {
            let error = read("user.get", HttpAnswer { status, body }, 7).unwrap_err();
            assert_eq!(
                error,
                Error::Transport {
                    method: "user.get".into(),
                    failure: Failure::Unreadable { status },
                    after_ms: 7
                }
            );
        }
    }

    #[test]
    fn batch_entries_by_key_with_empty_maps_as_lists() {
        let commands = [
            command("me", "user.current"),
            command("dep", "department.get"),
            command("denied", "im.user.get"),
            command("skipped", "scope"),
        ];
        let answer = http(
            200,
            json!({"result": {
                "result": {"me": {"ID": "1"}, "dep": []},
                "result_error": {"denied": {"error": "insufficient_scope", "error_description": ""}},
                "result_total": {"dep": 0},
                "result_next": []
            }}),
        );
        let outer = read("batch", answer, 1).unwrap().result.unwrap();
        let entries = read_batch(&commands, outer).unwrap();
        assert_eq!(entries["me"].result, Ok(json!({"ID": "1"})));
        assert_eq!(entries["dep"].total, Some(0));
        let denied = entries["denied"].result.clone().unwrap_err();
        assert_eq!(
            (denied.code, denied.status),
            (RestCode::InsufficientScope, None)
        );
        assert!(!entries.contains_key("skipped"));
    }

    #[test]
    fn a_batch_answer_missing_its_maps_is_read_not_thrown() {
        let commands = [command("me", "user.current")];
        let entries = read_batch(&commands, json!({"result": {"me": 1}})).unwrap();
        assert_eq!(entries["me"].result, Ok(json!(1)));
        assert!(read_batch(&commands, json!([])).is_err());
    }
}
