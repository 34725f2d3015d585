use super::*;
use crate::RestCode;
use serde_json::json;

fn ok(value: Value) -> Entry {
    Entry {
        result: Ok(value),
        total: None,
        next: None,
    }
}

#[test]
fn whole_reference_takes_the_raw_value() {
    let known = BTreeMap::from([(
        "me".to_owned(),
        ok(json!({"ID": "42", "UF_DEPARTMENT": [3, 7]})),
    )]);
    let mut params = json!({"ID": "$result[me][UF_DEPARTMENT]", "X": ["$result[me][ID]"]});
    resolve_references(&mut params, &known);
    assert_eq!(params, json!({"ID": [3, 7], "X": ["42"]}));
}

#[test]
fn references_inside_text_are_substituted() {
    let known = BTreeMap::from([
        ("me".to_owned(), ok(json!({"ID": "42", "N": 5}))),
        ("list".to_owned(), ok(json!([{"ID": "7"}]))),
    ]);
    let mut params = json!({"F": "user $result[me][ID] in $result[list][0][ID], n=$result[me][N]"});
    resolve_references(&mut params, &known);
    assert_eq!(params, json!({"F": "user 42 in 7, n=5"}));
}

#[test]
fn references_beside_other_scripts_and_unclosed_brackets() {
    let known = BTreeMap::from([("me".to_owned(), ok(json!({"ID": "42"})))]);
    let mut params = json!({
        "a": "Отдел №$result[me][ID]—所",
        "b": "$result[me",
        "c": "$result[me][ID",
        "d": "€$result[me][ID]$result[me][ID]"
    });
    resolve_references(&mut params, &known);
    assert_eq!(
        params,
        json!({"a": "Отдел №42—所", "b": "$result[me", "c": "$result[me][ID", "d": "€4242"})
    );
}

#[test]
fn unknown_references_stay_for_the_server() {
    let known = BTreeMap::from([("me".to_owned(), ok(json!({"ID": "42"})))]);
    let mut params = json!({
        "a": "$result[other][ID]",
        "b": "$result[me][MISSING]",
        "c": "$result",
        "d": "cost: $5",
        "e": "$result[me][ID] and $result[x][1]"
    });
    resolve_references(&mut params, &known);
    assert_eq!(
        params,
        json!({
            "a": "$result[other][ID]",
            "b": "$result[me][MISSING]",
            "c": "$result",
            "d": "cost: $5",
            "e": "42 and $result[x][1]"
        })
    );
}

#[test]
fn failed_commands_resolve_nothing() {
    let known = BTreeMap::from([(
        "me".to_owned(),
        Entry {
            result: Err(RestError {
                method: "user.current".into(),
                code: RestCode::AccessDenied,
                description: String::new(),
                status: None,
            }),
            total: None,
            next: None,
        },
    )]);
    let mut params = json!({"ID": "$result[me][ID]"});
    resolve_references(&mut params, &known);
    assert_eq!(params, json!({"ID": "$result[me][ID]"}));
}

#[test]
fn typed_results_and_errors() {
    let mut batch = Batch::new();
    let ids = batch.add::<Vec<u32>, _>("ids", "x.list", &()).unwrap();
    let bad = batch.add::<Vec<u32>, _>("bad", "x.list", &()).unwrap();
    let denied = batch.add::<Value, _>("denied", "x.get", &()).unwrap();
    let skipped = batch.add::<Value, _>("skipped", "x.get", &()).unwrap();
    let results = BatchResults {
        entries: BTreeMap::from([
            (
                "ids".to_owned(),
                Entry {
                    result: Ok(json!([1, 2])),
                    total: Some(2),
                    next: None,
                },
            ),
            ("bad".to_owned(), ok(json!([1, "two"]))),
            (
                "denied".to_owned(),
                Entry {
                    result: Err(RestError {
                        method: "x.get".into(),
                        code: RestCode::AccessDenied,
                        description: "no".into(),
                        status: None,
                    }),
                    total: None,
                    next: None,
                },
            ),
        ]),
    };
    let got = results.get(&ids).unwrap();
    assert_eq!((got.data, got.total), (vec![1, 2], Some(2)));
    match results.get(&bad) {
        Err(Error::Decode { method, path, .. }) => {
            assert_eq!(method, "x.list");
            assert_eq!(path, "[1]");
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(
        results.get(&denied).unwrap_err().rest_code(),
        Some("ACCESS_DENIED")
    );
    assert_eq!(results.get(&skipped), Err(Error::Skipped("skipped".into())));
    assert!(results.has_errors());
    assert_eq!(results.answered(), 3);
}

#[test]
fn params_must_be_objects() {
    assert_eq!(params_value("m", &()).unwrap(), json!({}));
    assert!(params_value("m", &json!([1])).is_err());
    assert!(params_value("m", &json!({"a": 1})).is_ok());
}
