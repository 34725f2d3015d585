//! The BX24 bridge against the real stand-in library over a scripted fake portal
//! (tests/support/harness.js), in headless Chromium and Firefox.
#![cfg(target_arch = "wasm32")]

use futures::StreamExt;
use profile_widget::bx24::{
    self, Batch, Bx24, Error, Failure, ListRequest, MAX_LIST_ROWS, NotInBitrix24, OpenPathOutcome,
    Options, RestCode, RetryPolicy,
};
use profile_widget::context::{ContextError, PlacementCode, UserId, UserIdError};
use profile_widget::errors::message;
use profile_widget::profile::{LoadError, placement};
use serde::Deserialize;
use serde_json::{Value, json};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen_test::*;

mod support;

use support::*;

wasm_bindgen_test_configure!(run_in_browser);

fn rest_log(method: &str) -> Vec<Value> {
    log()["rest"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["method"] == method)
        .cloned()
        .collect()
}

fn parent_commands() -> Vec<String> {
    log()["parent"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["command"].as_str().unwrap().to_owned())
        .collect()
}

/// How many `refreshAuth` commands the parent page received.
fn refreshes() -> usize {
    parent_commands()
        .iter()
        .filter(|c| *c == "refreshAuth")
        .count()
}

fn fast() -> Options {
    Options {
        connect_timeout_ms: 1_000,
        call_timeout_ms: 400,
        command_timeout_ms: 300,
        interactive_timeout_ms: 1_000,
        retry: RetryPolicy {
            rate_limit_delay_ms: 10,
            network_delay_ms: 10,
            max_delay_ms: 40,
            operating_limit_delay_ms: 20,
            ..RetryPolicy::default()
        },
        ..Options::default()
    }
}

async fn connected(scenario: Value) -> Bx24 {
    fake(scenario);
    bx24::connect_with(fast()).await.expect("connects")
}

#[derive(Debug, Deserialize, PartialEq)]
struct User {
    #[serde(rename = "ID")]
    id: String,
    #[serde(rename = "NAME")]
    name: String,
}

// --- connecting -------------------------------------------------------------------------

#[wasm_bindgen_test]
async fn connect_without_library_is_not_in_bitrix24() {
    uninstall();
    assert!(!bx24::is_available());
    let err = bx24::connect().await.err().unwrap();
    assert_eq!(err, Error::NotInBitrix24(NotInBitrix24::LibraryMissing));
}

#[wasm_bindgen_test]
async fn connect_with_a_failed_library() {
    set_library_null();
    let err = bx24::connect().await.err().unwrap();
    assert_eq!(err, Error::NotInBitrix24(NotInBitrix24::LibraryFailed));
}

#[wasm_bindgen_test]
async fn library_refuses_a_window_name_without_portal() {
    fake(json!({"name": ""}));
    assert_eq!(
        log()["thrown"],
        json!(["Unable to initialize Bitrix24 JS library!"])
    );
    let err = bx24::connect().await.err().unwrap();
    assert_eq!(err, Error::NotInBitrix24(NotInBitrix24::LibraryFailed));
}

#[wasm_bindgen_test]
async fn silent_parent_ends_in_a_timeout() {
    fake(json!({"silentParent": true}));
    let options = Options {
        connect_timeout_ms: 150,
        ..fast()
    };
    let err = bx24::connect_with(options).await.err().unwrap();
    assert_eq!(
        err,
        Error::Timeout {
            operation: "BX24.init".into(),
            after_ms: 150
        }
    );
    assert!(err.can_retry());
}

#[wasm_bindgen_test]
async fn init_data_reaches_the_handle() {
    let bx24 = connected(json!({"init": {"LANG": "ua", "IS_ADMIN": true}})).await;
    assert_eq!(bx24.lang(), "ua");
    assert_eq!(bx24.domain(), "portal.test:8080");
    assert!(bx24.is_admin());
    let auth = bx24.auth().expect("a fresh token");
    assert_eq!(auth.access_token(), "token-1");
    assert_eq!(auth.member_id, "0f3c5a7e9b1d2f4a6c8e0b2d4f6a8c0e");
    assert!(
        !format!("{auth:?}").contains("token-1"),
        "Debug hides tokens"
    );
    assert_eq!(parent_commands()[0], "getInitData");
}

/// `BX24.callMethod(method, {}, undefined)` on the page's library.
fn call_method_directly(method: &str) {
    let lib = js_sys::Reflect::get(&js_sys::global(), &"BX24".into()).unwrap();
    let call: js_sys::Function = js_sys::Reflect::get(&lib, &"callMethod".into())
        .unwrap()
        .into();
    call.call3(
        &lib,
        &method.into(),
        &js_sys::Object::new(),
        &wasm_bindgen::JsValue::UNDEFINED,
    )
    .unwrap();
}

#[wasm_bindgen_test]
async fn a_library_that_has_its_init_data_connects_without_init() {
    // init(cb) would answer only on a 10 ms timer; here it throws, so connecting succeeds
    // only if the widget skips it once the library holds a token.
    fake(json!({"throwMembers": ["init"], "init": {"LANG": "de"}}));
    sleep(20).await; // getInitData answered
    let bx24 = bx24::connect_with(fast())
        .await
        .expect("connects without init");
    assert_eq!(bx24.lang(), "de");
}

#[wasm_bindgen_test]
async fn a_library_still_waiting_for_init_data_is_asked_through_init() {
    fake(json!({"throwMembers": ["init"]}));
    let err = bx24::connect_with(fast()).await.err().unwrap();
    assert!(
        matches!(err, Error::Js { ref operation, .. } if operation == "init"),
        "{err:?}"
    );
}

#[wasm_bindgen_test]
async fn the_library_queues_a_call_before_init_and_sends_one_after_10_ms() {
    fake(json!({"silent": ["getInitData"], "users": 3}));
    call_method_directly("user.get");
    sleep(30).await;
    assert!(rest_log("user.get").is_empty(), "sent before init data");
    let _bx24 = connected(json!({"users": 3})).await;
    call_method_directly("user.get");
    assert!(rest_log("user.get").is_empty(), "sent in the same turn");
    sleep(30).await;
    assert_eq!(rest_log("user.get").len(), 1, "not sent after its 10 ms");
}

#[wasm_bindgen_test]
async fn only_the_portal_origin_can_answer() {
    let bx24 = connected(json!({"silent": ["resizeWindow"]})).await;
    let forge = |origin: &'static str| async move {
        sleep(30).await;
        let sent = log()["parent"].as_array().unwrap().clone();
        let id = sent
            .iter()
            .rev()
            .find(|m| m["command"] == "resizeWindow")
            .unwrap()["callbackId"]
            .as_str()
            .unwrap()
            .to_owned();
        assert_eq!(id.len(), 32);
        forge_message(origin, &format!("{id}:{{\"width\":1,\"height\":2}}"));
    };
    let (result, _) = futures::join!(bx24.fit_window(), forge("https://evil.test"));
    assert!(matches!(result, Err(Error::Timeout { .. })), "{result:?}");
    let (result, _) = futures::join!(bx24.fit_window(), forge("http://portal.test:8080"));
    assert_eq!(result.unwrap().height, 2.0);
}

// --- placement --------------------------------------------------------------------------

#[wasm_bindgen_test]
async fn placement_toolbar_context() {
    let bx24 = connected(json!({})).await;
    let ctx = placement(&bx24).unwrap();
    assert_eq!(ctx.code, PlacementCode::UserProfileToolbar);
    assert_eq!(ctx.user_id, UserId::new(42).unwrap());
    assert_eq!(ctx.uri.as_deref(), Some("/company/personal/user/42/"));
}

#[wasm_bindgen_test]
async fn placement_options_as_json_string_and_number() {
    let bx24 = connected(json!({"init": {
        "PLACEMENT": "USER_PROFILE_MENU",
        "PLACEMENT_OPTIONS": "{\"USER_ID\":7,\"URI\":\"\\/company\\/\"}"
    }}))
    .await;
    let ctx = placement(&bx24).unwrap();
    assert_eq!(ctx.code, PlacementCode::UserProfileMenu);
    assert_eq!(ctx.user_id.get(), 7);
    assert_eq!(ctx.uri.as_deref(), Some("/company/"));
}

#[wasm_bindgen_test]
async fn placement_options_undefined_and_bad_ids() {
    let bx24 = connected(json!({"init": {"PLACEMENT_OPTIONS": "undefined"}})).await;
    assert_eq!(
        placement(&bx24),
        Err(LoadError::Context(ContextError::UserId(
            UserIdError::Missing
        )))
    );
    let bx24 = connected(json!({"init": {"PLACEMENT_OPTIONS": {"USER_ID": "-3"}}})).await;
    assert_eq!(
        placement(&bx24),
        Err(LoadError::Context(ContextError::UserId(
            UserIdError::NotPositive("-3".into())
        )))
    );
    let bx24 = connected(json!({"init": {"PLACEMENT": "CRM_DEAL_DETAIL_TAB"}})).await;
    assert_eq!(
        placement(&bx24),
        Err(LoadError::Context(ContextError::NotAProfilePlacement(
            "CRM_DEAL_DETAIL_TAB".into()
        )))
    );
}

// --- single calls -----------------------------------------------------------------------

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

// --- batch ------------------------------------------------------------------------------

#[wasm_bindgen_test]
async fn batch_with_references_and_per_key_results() {
    let bx24 = connected(json!({"users": 10, "rest": {
        "user.current": [{"status": 200, "body": {"result": {"ID": "4", "NAME": "User 4"}}}],
        "im.user.get": [{"status": 401, "body": {"error": "insufficient_scope", "error_description": ""}}]
    }}))
    .await;
    let mut batch = Batch::new();
    let me = batch.add::<User, _>("me", "user.current", &()).unwrap();
    let same = batch
        .add::<Vec<User>, _>("same", "user.get", &json!({"ID": me.reference(&["ID"])}))
        .unwrap();
    let im = batch
        .add::<Value, _>("im", "im.user.get", &json!({"ID": me.reference(&["ID"])}))
        .unwrap();
    let results = bx24.batch(&batch).await.unwrap();
    assert_eq!(results.get(&me).unwrap().data.id, "4");
    let same = results.get(&same).unwrap();
    assert_eq!(same.data[0].name, "User 4");
    assert_eq!(same.total, Some(1));
    assert_eq!(
        results.get(&im).unwrap_err().rest_code(),
        Some("insufficient_scope")
    );
    assert_eq!(rest_log("batch").len(), 1, "one HTTP request");
}

#[wasm_bindgen_test]
async fn big_batches_go_out_in_chunks_of_50_with_references_resolved_between_them() {
    let bx24 = connected(json!({"users": 10})).await;
    let mut batch = Batch::new();
    let first = batch
        .add::<Vec<User>, _>("u0", "user.get", &json!({"ID": 3}))
        .unwrap();
    let mut keys = Vec::new();
    for n in 1..120 {
        keys.push(
            batch
                .add::<Vec<User>, _>(
                    &format!("u{n}"),
                    "user.get",
                    &json!({"ID": first.reference(&["0", "ID"])}),
                )
                .unwrap(),
        );
    }
    let results = bx24.batch(&batch).await.unwrap();
    assert_eq!(rest_log("batch").len(), 3);
    assert_eq!(results.answered(), 120);
    for key in &keys {
        assert_eq!(results.get(key).unwrap().data[0].id, "3", "{}", key.key());
    }
    // The 51st command travelled in the second request with the value already filled in.
    let batched = log()["batched"].as_array().unwrap().clone();
    let u50 = batched.iter().find(|b| b["key"] == "u50").unwrap();
    assert_eq!(u50["params"]["ID"], "3");
}

#[wasm_bindgen_test]
async fn halt_stops_the_batch_and_later_commands_are_skipped() {
    let bx24 = connected(json!({"users": 5})).await;
    let mut batch = Batch::new().halt(true);
    let mut keys = Vec::new();
    for n in 0..60 {
        let method = if n == 10 { "no.such" } else { "user.get" };
        keys.push(
            batch
                .add::<Value, _>(&format!("k{n}"), method, &json!({"ID": 1}))
                .unwrap(),
        );
    }
    let results = bx24.batch(&batch).await.unwrap();
    assert!(results.get(&keys[9]).is_ok());
    assert_eq!(
        results.get(&keys[10]).unwrap_err().rest_code(),
        Some("ERROR_METHOD_NOT_FOUND")
    );
    assert_eq!(results.get(&keys[11]), Err(Error::Skipped("k11".into())));
    assert_eq!(results.get(&keys[55]), Err(Error::Skipped("k55".into())));
    assert_eq!(
        rest_log("batch").len(),
        1,
        "the second chunk was never sent"
    );
}

#[wasm_bindgen_test]
async fn a_batch_refused_for_its_token_goes_again_with_a_fresh_one() {
    let bx24 = connected(json!({"users": 3, "rest": {"batch": [
        {"status": 401, "body": {"error": "NO_AUTH_FOUND", "error_description": "Wrong authorization data"}, "once": true}
    ]}}))
    .await;
    let mut batch = Batch::new();
    let me = batch.add::<User, _>("me", "user.current", &()).unwrap();
    let results = bx24.batch(&batch).await.unwrap();
    assert_eq!(results.get(&me).unwrap().data.id, "1");
    let auths: Vec<_> = rest_log("batch")
        .iter()
        .map(|c| c["auth"].clone())
        .collect();
    assert_eq!(auths, [json!("token-1"), json!("token-2")]);
}

#[wasm_bindgen_test]
async fn a_portal_refusing_every_token_ends_the_session_and_sends_nothing_more() {
    let bx24 = connected(json!({"users": 3, "rest": {"user.get": [
        {"status": 401, "body": {"error": "invalid_token", "error_description": "The access token provided is invalid"}}
    ]}}))
    .await;
    let err = bx24.call::<Value, _>("user.get", &()).await.unwrap_err();
    assert_eq!(err.rest_code(), Some("invalid_token"));
    assert_eq!(
        rest_log("user.get").len(),
        4,
        "the first token and 3 refreshed ones"
    );
    assert_eq!(refreshes(), 3);
    assert!(bx24.call::<Value, _>("user.current", &()).await.is_err());
    sleep(100).await;
    assert_eq!(rest_log("user.current").len(), 0, "nothing after the end");
}

#[wasm_bindgen_test]
async fn a_refresh_answering_an_expired_token_ends_the_session_after_one_round_trip() {
    // The token expires a second after the frame opened; every refresh answers AUTH_EXPIRES 0.
    let bx24 = connected(json!({"users": 3, "authExpires": 1, "refreshExpires": 0})).await;
    sleep(1_100).await;
    let err = bx24
        .call::<Value, _>("user.current", &())
        .await
        .err()
        .unwrap();
    assert_eq!(err.rest_code(), Some("expired_token"), "{err:?}");
    assert_eq!(message(&err), profile_widget::i18n::Msg::ErrSessionExpired);
    sleep(200).await;
    assert_eq!(refreshes(), 1, "one refresh, not a loop");
    assert!(
        rest_log("user.current").is_empty(),
        "nothing sent with a dead token"
    );
}

// --- lists ------------------------------------------------------------------------------

#[wasm_bindgen_test]
async fn list_reads_5000_rows_in_3_requests_with_the_id_cursor() {
    let bx24 = connected(json!({"users": 5000})).await;
    let request = ListRequest::new("user.get", &()).unwrap();
    let pages: Vec<_> = bx24.list::<User>(request).collect().await;
    let pages: Vec<_> = pages.into_iter().map(Result::unwrap).collect();
    assert_eq!(pages.len(), 3);
    assert_eq!(
        pages.iter().map(|p| p.items.len()).collect::<Vec<_>>(),
        vec![50, 2500, 2450]
    );
    assert_eq!(pages.last().unwrap().loaded, 5000);
    assert_eq!(pages[0].total, Some(5000));
    assert_eq!(pages.last().unwrap().requests, 3);
    let ids: Vec<u32> = pages
        .iter()
        .flat_map(|p| p.items.iter().map(|u| u.id.parse().unwrap()))
        .collect();
    assert_eq!(ids, (1..=5000).collect::<Vec<_>>());
    assert_eq!(rest_log("user.get").len() + rest_log("batch").len(), 3);
    // Cursor pages: start=-1, ordered by ID, filtered past the previous page.
    let batched = log()["batched"].as_array().unwrap().clone();
    assert_eq!(batched[0]["params"]["start"], "-1");
    assert_eq!(batched[0]["params"][">ID"], "50");
    assert_eq!(batched[1]["params"][">ID"], "100");
}

#[wasm_bindgen_test]
async fn list_with_a_filter_and_a_small_result() {
    let bx24 = connected(json!({"users": 90})).await;
    let request = ListRequest::new("user.get", &json!({"UF_DEPARTMENT": 2})).unwrap();
    let pages: Vec<_> = bx24.list::<User>(request).collect().await;
    assert_eq!(pages.len(), 1);
    let page = pages[0].as_ref().unwrap();
    assert_eq!(page.items.len(), 30);
    assert_eq!(page.total, Some(30));
}

#[wasm_bindgen_test]
async fn a_list_whose_total_is_too_low_is_read_to_its_end() {
    let bx24 = connected(json!({"users": 200, "lyingTotal": 50})).await;
    let pages: Vec<_> = bx24
        .list::<User>(ListRequest::new("user.get", &()).unwrap())
        .collect()
        .await;
    let last = pages.last().unwrap().as_ref().unwrap();
    assert_eq!(last.loaded, 200, "paging follows next, not total");
    assert!(!last.capped);
}

#[wasm_bindgen_test]
async fn a_runaway_list_stops_at_its_cap_and_says_so() {
    let bx24 = connected(json!({"users": 300, "lyingTotal": 1_000_000_000})).await;
    let request = ListRequest::new("user.get", &()).unwrap().max_rows(120);
    let pages: Vec<_> = bx24.list::<User>(request).collect().await;
    let last = pages.last().unwrap().as_ref().unwrap();
    assert!(last.capped, "the cap is said");
    assert!(last.loaded >= 120 && last.loaded < 300, "{}", last.loaded);
    assert_eq!(
        ListRequest::new("user.get", &()).unwrap().rows_cap(),
        MAX_LIST_ROWS
    );
}

#[wasm_bindgen_test]
async fn a_malformed_row_is_skipped_and_counted_not_fatal() {
    let bx24 =
        connected(json!({"users": 120, "userOverrides": {"7": {"ID": {"bad": true}}}})).await;
    let pages: Vec<_> = bx24
        .list::<profile_widget::profile::Person>(ListRequest::new("user.get", &()).unwrap())
        .collect()
        .await;
    let pages: Vec<_> = pages.into_iter().map(Result::unwrap).collect();
    let rows: usize = pages.iter().map(|p| p.items.len()).sum();
    assert_eq!(rows, 119);
    assert_eq!(pages.last().unwrap().skipped, 1);
}

#[wasm_bindgen_test]
async fn all_pages_of_a_method_without_an_id_filter_come_by_offset_in_two_requests() {
    // 120 departments headed by one person: department.get pages 50 at a time by `start`.
    let departments: Vec<Value> = (1..=120)
        .map(|id| json!({"ID": id.to_string(), "NAME": format!("D{id}"), "UF_HEAD": "42"}))
        .collect();
    let bx24 = connected(json!({"departments": departments})).await;
    let headed: Vec<Value> = bx24
        .all_pages("department.get", &json!({"UF_HEAD": 42}))
        .await
        .unwrap();
    assert_eq!(headed.len(), 120);
    assert_eq!(headed[119]["ID"], "120");
    assert_eq!(
        rest_log("department.get").len() + rest_log("batch").len(),
        2
    );
    let starts: Vec<Value> = log()["batched"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["params"]["start"].clone())
        .collect();
    assert_eq!(starts, [json!("50"), json!("100")]);
}

#[wasm_bindgen_test]
async fn list_stops_at_the_first_error() {
    let bx24 = connected(json!({"users": 200, "rest": {"batch": [
        {"status": 401, "body": {"error": "insufficient_scope", "error_description": ""}}
    ]}}))
    .await;
    let pages: Vec<_> = bx24
        .list::<User>(ListRequest::new("user.get", &()).unwrap())
        .collect()
        .await;
    assert_eq!(pages.len(), 2);
    assert!(pages[0].is_ok());
    assert!(pages[1].is_err());
}

// --- frame commands ---------------------------------------------------------------------

#[wasm_bindgen_test]
async fn fit_and_resize_window() {
    let bx24 = connected(json!({})).await;
    let size = bx24.fit_window().await.unwrap();
    assert_eq!(size.width, 800.0);
    assert!(size.height > 0.0);
    let size = bx24.resize_window(640, 480).await.unwrap();
    assert_eq!((size.width, size.height), (640.0, 480.0));
    assert!(matches!(
        bx24.resize_window(0, 10).await,
        Err(Error::Decode { .. })
    ));
}

#[wasm_bindgen_test]
async fn set_title_is_denied_outside_the_app_page() {
    let bx24 = connected(json!({})).await;
    let err = bx24.set_title("Hi").await.unwrap_err();
    assert_eq!(
        err,
        Error::Timeout {
            operation: "BX24.setTitle".into(),
            after_ms: 300
        }
    );
    let bx24 = connected(json!({"init": {"PLACEMENT": "DEFAULT"}})).await;
    bx24.set_title("Hi").await.unwrap();
}

#[wasm_bindgen_test]
async fn open_path_outcomes() {
    let bx24 = connected(json!({})).await;
    assert_eq!(
        bx24.open_path("/company/personal/user/42/").await,
        Ok(OpenPathOutcome::Closed)
    );
    assert_eq!(
        bx24.open_path("/company/structure.php").await,
        Ok(OpenPathOutcome::Refused("PATH_NOT_AVAILABLE".into()))
    );
    let bx24 = connected(json!({"removeMembers": ["openPath"]})).await;
    assert_eq!(
        bx24.open_path("/company/personal/user/42/").await,
        Err(Error::Unsupported("openPath".into()))
    );
}

#[wasm_bindgen_test]
async fn applications_open_and_close() {
    let bx24 = connected(json!({})).await;
    bx24.open_application(&json!({"view": "org"}), &json!({"title": "Org"}))
        .await
        .unwrap();
    bx24.close_application().await.unwrap();
    let sent = log()["parent"].as_array().unwrap().clone();
    let open = sent
        .iter()
        .find(|m| m["command"] == "openApplication")
        .unwrap();
    assert_eq!(open["params"], json!({"view": "org", "bx24_title": "Org"}));
}

#[wasm_bindgen_test]
async fn user_pickers() {
    let bx24 = connected(json!({"replies": {
        "selectUser": {"id": "5", "name": "Ada", "photo": "", "position": "Analyst", "url": "/company/personal/user/5/", "sub": false, "sup": false},
        "selectUsers": [{"id": "5", "name": "Ada"}, {"id": 6, "name": "Bo"}]
    }}))
    .await;
    let one = bx24.select_user(Some("Whom?")).await.unwrap().unwrap();
    assert_eq!(
        (one.id, one.name.as_str(), one.position.as_str()),
        (5, "Ada", "Analyst")
    );
    let many = bx24.select_users(None).await.unwrap();
    assert_eq!(many.iter().map(|u| u.id).collect::<Vec<_>>(), vec![5, 6]);
    let sent = log()["parent"].as_array().unwrap().clone();
    let picks: Vec<_> = sent
        .iter()
        .filter(|m| m["command"] == "selectUser")
        .collect();
    assert_eq!(picks[0]["params"], json!({"mult": false, "title": "Whom?"}));
    assert_eq!(picks[1]["params"], json!({"mult": true}));

    let bx24 = connected(json!({"replies": {"selectUser": []}})).await;
    assert_eq!(bx24.select_user(None).await, Ok(None), "cancelled");
}

#[wasm_bindgen_test]
async fn im_commands_are_fire_and_forget() {
    let bx24 = connected(json!({})).await;
    bx24.open_messenger("42").unwrap();
    bx24.call_to(42, true).unwrap();
    bx24.phone_to("+49 30 123").unwrap();
    bx24.open_history("chat7").unwrap();
    let sent = log()["parent"].as_array().unwrap().clone();
    let find = |c: &str| sent.iter().find(|m| m["command"] == c).unwrap()["params"].clone();
    assert_eq!(find("imOpenMessenger"), json!({"dialogId": "42"}));
    assert_eq!(find("imCallTo"), json!({"userId": 42, "video": true}));
    assert_eq!(find("imPhoneTo"), json!({"phone": "+49 30 123"}));
    assert_eq!(find("imOpenHistory"), json!({"dialogId": "chat7"}));
    let bx24 = connected(json!({"removeMembers": ["im.callTo"]})).await;
    assert_eq!(
        bx24.call_to(1, false),
        Err(Error::Unsupported("im.callTo".into()))
    );
}

#[wasm_bindgen_test]
async fn install_finish_only_while_installing() {
    let bx24 = connected(json!({})).await;
    bx24.install_finish().unwrap();
    assert!(!parent_commands().contains(&"setInstallFinish".to_owned()));
    let bx24 = connected(json!({"init": {"INSTALL": true, "PLACEMENT": "DEFAULT"}})).await;
    bx24.install_finish().unwrap();
    assert!(parent_commands().contains(&"setInstallFinish".to_owned()));
}

#[wasm_bindgen_test]
async fn user_and_app_options() {
    let bx24 = connected(json!({"init": {"USER_OPTIONS": {"compact": "Y"}}})).await;
    assert_eq!(bx24.user_option("compact"), Some(json!("Y")));
    assert_eq!(bx24.user_option("missing"), None);
    bx24.set_user_option("compact", &json!("N")).unwrap();
    assert_eq!(bx24.user_option("compact"), Some(json!("N")));
    assert_eq!(
        bx24.set_app_option("title", &json!("x")).await,
        Err(Error::AdminOnly("appOption.set".into()))
    );
    let bx24 = connected(json!({"init": {"IS_ADMIN": true}})).await;
    bx24.set_app_option("title", &json!("Profile"))
        .await
        .unwrap();
    assert_eq!(bx24.app_option("title"), Some(json!("Profile")));
    let sent = log()["parent"].as_array().unwrap().clone();
    assert!(sent.iter().any(|m| m["command"] == "setAppOption"
        && m["params"] == json!({"name": "title", "value": "Profile"})));
}

#[wasm_bindgen_test]
async fn placement_interface_and_events() {
    let bx24 =
        connected(json!({"replies": {"getInterface": {"command": ["x"], "event": ["E"]}}})).await;
    let interface = bx24.placement_interface().await.unwrap();
    assert_eq!(
        (interface.command, interface.event),
        (vec!["x".to_owned()], vec!["E".to_owned()])
    );

    let fired = Rc::new(RefCell::new(Vec::new()));
    let seen = fired.clone();
    let subscription = bx24
        .bind_placement_event("E", move |payload| seen.borrow_mut().push(payload))
        .unwrap();
    fire_event("E", "{\"n\":1}");
    fire_event("E", "{\"n\":2}");
    sleep(20).await;
    assert_eq!(*fired.borrow(), vec![json!({"n": 1}), json!({"n": 2})]);
    drop(subscription);
    fire_event("E", "{\"n\":3}");
    sleep(20).await;
    assert_eq!(fired.borrow().len(), 2, "quiet after drop");
}
