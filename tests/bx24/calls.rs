//! Single calls.

use super::*;

#[wasm_bindgen_test]
async fn a_library_function_that_throws_is_an_error_not_a_panic() {
    let bx24 = connected(json!({"throwMembers": ["refreshAuth", "fitWindow"]})).await;
    let err = bx24.refresh_auth().await.unwrap_err();
    assert_eq!(
        err,
        Error::Js {
            operation: "refreshAuth".into(),
            message: "boom from refreshAuth".into()
        }
    );
    assert!(matches!(bx24.fit_window().await, Err(Error::Js { .. })));
}

#[wasm_bindgen_test]
async fn call_decodes_results_with_total_and_next() {
    let bx24 = connected(json!({"users": 120})).await;
    let page = bx24.call::<Vec<User>, _>("user.get", &()).await.unwrap();
    assert_eq!(page.data.len(), 50);
    assert_eq!(
        page.data[0],
        User {
            id: "1".into(),
            name: "User 1".into()
        }
    );
    assert_eq!((page.total, page.next), (Some(120), Some(50)));
    let sent = rest_log("user.get");
    assert_eq!(sent.len(), 1);
    assert_eq!(sent[0]["url"], "http://portal.test:8080/rest/user.get.json");
    assert_eq!(sent[0]["auth"], "token-1");
    assert_eq!(
        log()["fetched"],
        1,
        "sent with fetch, not the library's XHR"
    );
}

#[wasm_bindgen_test]
async fn call_keeps_start_which_the_library_would_drop() {
    let bx24 = connected(json!({"users": 120})).await;
    let page = bx24
        .call::<Vec<User>, _>("user.get", &json!({"start": 50}))
        .await
        .unwrap();
    assert_eq!(page.data[0].id, "51");
    assert_eq!(rest_log("user.get")[0]["params"]["start"], "50");
}

#[wasm_bindgen_test]
async fn call_sends_nested_params_php_style() {
    let bx24 =
        connected(json!({"rest": {"x.get": [{"status": 200, "body": {"result": true}}]}})).await;
    let done = bx24
        .call::<bool, _>(
            "x.get",
            &json!({"FILTER": {">ID": 5, "ACTIVE": true}, "IDS": [1, 2], "SKIP": null}),
        )
        .await
        .unwrap();
    assert!(done.data);
    assert_eq!(
        rest_log("x.get")[0]["params"],
        json!({"FILTER": {">ID": "5", "ACTIVE": "true"}, "IDS": {"0": "1", "1": "2"}})
    );
}

#[wasm_bindgen_test]
async fn results_cross_the_js_boundary_unchanged() {
    let result = json!({"a": 1.5, "b": null, "c": [1, "x", true, null], "d": {"e": -3, "f": "ü\u{0}\"<"},
        "big": 9_007_199_254_740_991u64, "empty": {}, "list": []});
    let bx24 =
        connected(json!({"rest": {"x.get": [{"status": 200, "body": {"result": result}}]}})).await;
    let got = bx24
        .call::<Value, _>("x.get", &json!({"deep": {"list": [1.25, {"k": false}]}}))
        .await
        .unwrap();
    assert_eq!(got.data, result);
    assert_eq!(
        rest_log("x.get")[0]["params"],
        json!({"deep": {"list": {"0": "1.25", "1": {"k": "false"}}}})
    );
}

#[wasm_bindgen_test]
async fn rest_errors_keep_code_description_and_status() {
    let bx24 = connected(json!({"rest": {"user.get": [
        {"status": 403, "body": {"error": "ACCESS_DENIED", "error_description": "Access denied!"}}
    ]}}))
    .await;
    let err = bx24.call::<Value, _>("user.get", &()).await.unwrap_err();
    let Error::Rest(rest) = &err else {
        panic!("{err:?}")
    };
    assert_eq!(rest.code, RestCode::AccessDenied);
    assert_eq!(rest.description, "Access denied!");
    assert_eq!(rest.status, Some(403));
    assert_eq!(err.rest_code(), Some("ACCESS_DENIED"));
    assert_eq!(rest_log("user.get").len(), 1, "not retried");
}

#[wasm_bindgen_test]
async fn unknown_codes_are_kept_verbatim() {
    let bx24 = connected(json!({})).await;
    let err = bx24.call::<Value, _>("no.such", &()).await.unwrap_err();
    assert_eq!(err.rest_code(), Some("ERROR_METHOD_NOT_FOUND"));
    let bx24 = connected(json!({"rest": {"tasks.task.add": [
        {"status": 400, "body": {"error": "ERROR_CORE", "error_description": "Task not saved<br>"}}
    ]}}))
    .await;
    let err = bx24
        .call::<Value, _>("tasks.task.add", &())
        .await
        .unwrap_err();
    assert!(matches!(&err, Error::Rest(r) if r.code == RestCode::Other("ERROR_CORE".into())));
    assert!(err.to_string().contains("Task not saved"));
}

#[wasm_bindgen_test]
async fn decode_errors_name_method_and_field() {
    let bx24 = connected(json!({"rest": {"user.get": [
        {"status": 200, "body": {"result": [{"ID": "1", "NAME": "A"}, {"ID": 2, "NAME": "B"}]}}
    ]}}))
    .await;
    let err = bx24
        .call::<Vec<User>, _>("user.get", &())
        .await
        .unwrap_err();
    let Error::Decode { method, path, .. } = err else {
        panic!("{err:?}")
    };
    assert_eq!((method.as_str(), path.as_str()), ("user.get", "[1].ID"));
}

#[wasm_bindgen_test]
async fn a_5xx_is_seen_at_once_with_its_status_and_a_write_is_not_repeated() {
    let bx24 = connected(json!({"rest": {"tasks.task.add": [
        {"status": 500, "body": {"error": "INTERNAL_SERVER_ERROR", "error_description": ""}}
    ]}}))
    .await;
    let err = bx24
        .call::<Value, _>("tasks.task.add", &json!({"fields": {"TITLE": "x"}}))
        .await
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "REST tasks.task.add failed with INTERNAL_SERVER_ERROR (HTTP 500)"
    );
    assert_eq!(
        rest_log("tasks.task.add").len(),
        1,
        "a write is never retried blindly"
    );
    assert!(log()["thrown"].as_array().unwrap().is_empty());
}

#[wasm_bindgen_test]
async fn an_unparsable_answer_is_noticed_at_once_not_after_the_call_timeout() {
    let bx24 = connected(json!({"rest": {"user.get": [
        {"status": 502, "text": "<html>Bad gateway</html>"}
    ]}}))
    .await;
    let started = js_sys::Date::now();
    let err = bx24.call::<Value, _>("user.get", &()).await.unwrap_err();
    assert!(
        matches!(
            err,
            Error::Transport {
                failure: Failure::Unreadable { status: 502 },
                ..
            }
        ),
        "{err:?}"
    );
    assert_eq!(rest_log("user.get").len(), 3, "a read is retried");
    assert!(
        js_sys::Date::now() - started < 400.0,
        "before one call timeout"
    );
}

#[wasm_bindgen_test]
async fn a_slow_answer_is_aborted_at_the_call_timeout() {
    let bx24 = connected(json!({"users": 3, "latencyMs": 2_000})).await;
    let err = bx24
        .call::<Value, _>("tasks.task.add", &())
        .await
        .unwrap_err();
    assert!(
        matches!(err, Error::Transport { failure: Failure::Timeout, after_ms, .. } if (400..1_000).contains(&after_ms)),
        "{err:?}"
    );
    assert!(err.outcome_unknown());
}

#[wasm_bindgen_test]
async fn a_lost_read_is_retried_and_reported() {
    let bx24 = connected(json!({"rest": {"user.current": [
        {"status": 503, "body": {"error": "QUERY_LIMIT_EXCEEDED", "error_description": "Too many requests"}},
        {"status": 200, "body": {"result": {"ID": "42", "NAME": "Ada"}}}
    ]}}))
    .await;
    let notices = Rc::new(RefCell::new(Vec::new()));
    let seen = notices.clone();
    let bx24 = bx24.on_retry(move |n| seen.borrow_mut().push((n.method.clone(), n.attempt)));
    let me = bx24.call::<User, _>("user.current", &()).await.unwrap();
    assert_eq!(me.data.name, "Ada");
    assert_eq!(rest_log("user.current").len(), 2);
    assert_eq!(*notices.borrow(), vec![("user.current".to_owned(), 1)]);
}

#[wasm_bindgen_test]
async fn rate_limit_answers_are_retried_even_for_writes_but_bounded() {
    let refused = json!({"status": 429, "body": {"error": "OPERATION_TIME_LIMIT", "error_description": "Method is blocked due to operation time limit."}});
    let bx24 = connected(json!({"rest": {"im.message.add": [
        refused, {"status": 200, "body": {"result": 17}}
    ]}}))
    .await;
    let id = bx24
        .call::<u32, _>(
            "im.message.add",
            &json!({"DIALOG_ID": "42", "MESSAGE": "hi"}),
        )
        .await
        .unwrap();
    assert_eq!(id.data, 17);
    assert_eq!(rest_log("im.message.add").len(), 2);

    let bx24 = connected(json!({"rest": {"im.message.add": [refused]}})).await;
    let err = bx24
        .call::<u32, _>("im.message.add", &())
        .await
        .unwrap_err();
    assert_eq!(err.rest_code(), Some("OPERATION_TIME_LIMIT"));
    assert_eq!(
        rest_log("im.message.add").len(),
        RetryPolicy::default().max_attempts as usize
    );
}

#[wasm_bindgen_test]
async fn network_down_is_a_transport_error() {
    let bx24 = connected(json!({"network": "down"})).await;
    let err = bx24.call::<Value, _>("user.get", &()).await.unwrap_err();
    assert!(
        matches!(
            err,
            Error::Transport {
                failure: Failure::Network,
                ..
            }
        ),
        "{err:?}"
    );
    assert!(err.can_retry());
    assert_eq!(
        rest_log("user.get").len(),
        RetryPolicy::default().max_attempts as usize,
        "a read is retried, boundedly"
    );
}

#[wasm_bindgen_test]
async fn an_expired_token_is_refreshed_through_the_parent() {
    let bx24 = connected(json!({"expiredToken": true, "users": 3})).await;
    let users = bx24.call::<Vec<User>, _>("user.get", &()).await.unwrap();
    assert_eq!(users.data.len(), 3);
    let sent = rest_log("user.get");
    assert_eq!(sent.len(), 2);
    assert_eq!(sent[0]["auth"], "token-stale");
    assert_eq!(sent[1]["auth"], "token-2");
    assert!(parent_commands().contains(&"refreshAuth".to_owned()));
}

#[wasm_bindgen_test]
async fn a_refused_token_is_replaced_from_the_parent_and_the_call_sent_once_more() {
    let bx24 = connected(json!({"garbageToken": true, "users": 3})).await;
    let page = bx24.call::<Vec<User>, _>("user.get", &()).await.unwrap();
    assert_eq!(page.data.len(), 3);
    let auths: Vec<_> = rest_log("user.get")
        .iter()
        .map(|c| c["auth"].clone())
        .collect();
    assert_eq!(auths, [json!("garbage"), json!("token-2")]);
    assert_eq!(bx24.auth().unwrap().access_token(), "token-2");
}

#[wasm_bindgen_test]
async fn a_refused_token_the_parent_cannot_replace_is_a_session_error() {
    let bx24 = connected(json!({"garbageToken": true, "silent": ["refreshAuth"]})).await;
    let err = bx24.call::<Value, _>("user.get", &()).await.unwrap_err();
    assert!(err.wants_new_token(), "{err:?}");
    assert_eq!(message(&err), profile_widget::i18n::Msg::ErrSessionExpired);
    assert_eq!(
        rest_log("user.get").len(),
        1,
        "sent once: no token to try again with"
    );
}

#[wasm_bindgen_test]
async fn a_refresh_that_never_completes_is_an_error_not_a_hang() {
    let bx24 =
        connected(json!({"expiredToken": true, "users": 3, "silent": ["refreshAuth"]})).await;
    let err = bx24
        .call::<Vec<User>, _>("user.get", &())
        .await
        .unwrap_err();
    assert_eq!(err.rest_code(), Some("expired_token"), "{err:?}");
    let err = bx24.refresh_auth().await.unwrap_err();
    assert_eq!(
        err,
        Error::Timeout {
            operation: "BX24.refreshAuth".into(),
            after_ms: 300
        }
    );
}

#[wasm_bindgen_test]
async fn refresh_auth_gives_a_new_token() {
    let bx24 = connected(json!({})).await;
    let auth = bx24.refresh_auth().await.unwrap();
    assert_eq!(auth.access_token(), "token-2");
    assert_eq!(bx24.auth().unwrap().access_token(), "token-2");
}

#[wasm_bindgen_test]
async fn tokens_are_kept_fresh_ahead_of_expiry_while_the_handle_lives() {
    fake(json!({"users": 3}));
    // Tokens last an hour; refreshed 3,599 s ahead, each is due a second after it came.
    let options = Options {
        refresh_ahead_ms: 3_599_000,
        ..fast()
    };
    let bx24 = bx24::connect_with(options).await.unwrap();
    let fresh = bx24.keep_auth_fresh();
    sleep(1_600).await;
    assert_eq!(refreshes(), 1, "refreshed once it was due");
    assert_eq!(bx24.auth().unwrap().access_token(), "token-2");
    drop(fresh);
    sleep(2_500).await;
    assert_eq!(refreshes(), 1, "nothing once the handle is gone");
    assert_eq!(
        rest_log("user.current").len(),
        0,
        "no user pinned: no check"
    );
}

#[wasm_bindgen_test]
async fn a_page_that_becomes_visible_refreshes_a_token_that_fell_due_meanwhile() {
    fake(json!({"users": 3}));
    // Due in 30 s: the keep-fresh timer sleeps that long. A background tab's timers may
    // sleep longer still; the page turning visible checks at once.
    let options = Options {
        refresh_ahead_ms: 3_570_000,
        ..fast()
    };
    let bx24 = bx24::connect_with(options).await.unwrap();
    let _fresh = bx24.keep_auth_fresh();
    let document = web_sys::window().unwrap().document().unwrap();
    let visible = || {
        let event = web_sys::Event::new("visibilitychange").unwrap();
        document.dispatch_event(&event).unwrap();
    };
    visible();
    sleep(100).await;
    assert_eq!(refreshes(), 0, "not due yet");
    // The clock moves 31 s on, as it does for a tab put away and brought back.
    js_sys::eval("window.__realNow = Date.now; Date.now = () => window.__realNow() + 31000;")
        .unwrap();
    visible();
    sleep(100).await;
    js_sys::eval("Date.now = window.__realNow;").unwrap();
    assert_eq!(refreshes(), 1, "refreshed when the page became visible");
}
