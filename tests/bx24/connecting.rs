//! Connecting.

use super::*;

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
