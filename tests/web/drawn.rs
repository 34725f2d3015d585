//! The drawn card before the BX24 library and the app (issue #27): drawn from the loader's
//! init data, its actions sent through the loader, a tool pressed early left for the app.

use super::support::*;
use profile_widget::first_paint;
use serde_json::{Value, json};
use wasm_bindgen_test::*;

#[wasm_bindgen_test]
async fn the_first_paint_draws_the_card_before_the_library_is_loaded() {
    fake(company(json!({})));
    hide_library();
    let drawn = host();
    assert!(first_paint::paint_into(&drawn).await.is_some(), "drawn");
    assert!(drawn.query_selector(".first-card").unwrap().is_some());
    assert_eq!(log()["fitted"], 1, "the frame's height follows the card");
    assert_eq!(
        log()["libraryLoads"],
        Value::Null,
        "not loaded for the card"
    );
    assert_eq!(rest_methods(), ["batch"]);
    // What the first paint does next: the library, then the app, which takes the request over.
    assert!(profile_widget::bx24::early::load_library().await);
    assert_eq!(log()["libraryLoads"], 1);
    let app = host();
    let _mounted = mount(&app);
    find(&app, ".profile-card").await;
    assert_eq!(rest_methods(), ["batch"], "one request for both");
}

/// The commands the fake parent was sent, `(command, params)`, in order.
fn sent_commands() -> Vec<(String, Value)> {
    parent_commands()
        .into_iter()
        // Not the init data, nor a height some earlier test's app still fits.
        .filter(|m| m["command"] != "getInitData" && m["command"] != "resizeWindow")
        .map(|m| {
            (
                m["command"].as_str().unwrap().to_owned(),
                m["params"].clone(),
            )
        })
        .collect()
}

#[wasm_bindgen_test]
async fn the_drawn_card_s_actions_reach_the_portal_before_the_library_and_the_app() {
    fake(company(json!({})));
    hide_library();
    let drawn = host();
    assert!(first_paint::paint_into(&drawn).await.is_some(), "drawn");
    for selector in [".message", ".call", ".video", ".phone"] {
        button(&drawn, &format!(".first-card .actions {selector}")).click();
    }
    assert_eq!(
        sent_commands(),
        [
            ("imOpenMessenger".to_owned(), json!({"dialogId": "42"})),
            ("imCallTo".to_owned(), json!({"userId": 42, "video": false})),
            ("imCallTo".to_owned(), json!({"userId": 42, "video": true})),
            ("imPhoneTo".to_owned(), json!({"phone": "+49 30 1042"})),
        ]
    );
    button(&drawn, ".first-card .actions .profile").click();
    for _ in 0..100 {
        if sent_commands().len() == 5 {
            break;
        }
        sleep(10).await;
    }
    assert_eq!(
        sent_commands()[4],
        (
            "openPath".to_owned(),
            json!({"path": "/company/personal/user/42/"})
        )
    );
    assert_eq!(
        log()["libraryLoads"],
        Value::Null,
        "all without the library"
    );
    // The vCard's writer is the app's: here a button whose press waits for it, once.
    let vcard = button(&drawn, ".first-card .tools button.vcard");
    vcard.click();
    assert_eq!(vcard.get_attribute("aria-busy").as_deref(), Some("true"));
    let vcard_press = |name: &str| name == profile_widget::page::VCARD_PRESS;
    assert_eq!(
        profile_widget::page::take_press(&vcard_press).as_deref(),
        Some("vcard")
    );
    assert_eq!(profile_widget::page::take_press(&vcard_press), None);
}

#[wasm_bindgen_test]
async fn a_refused_profile_is_said_on_the_drawn_card_once() {
    fake(company(
        json!({"replies": {"openPath": {"result": "error", "errorCode": "PATH_NOT_AVAILABLE"}}}),
    ));
    let drawn = host();
    assert!(first_paint::paint_into(&drawn).await.is_some(), "drawn");
    for _ in 0..2 {
        button(&drawn, ".first-card .actions .profile").click();
        sleep(50).await;
    }
    assert_eq!(
        drawn.query_selector_all(".action-error").unwrap().length(),
        1
    );
    assert_eq!(
        text(&drawn, ".action-error"),
        "This portal cannot open profiles from applications."
    );
}

#[wasm_bindgen_test]
async fn a_tool_pressed_before_the_app_arrives_is_opened_by_it_once() {
    let scopes = ["user", "department", "im", "task", "calendar", "log"];
    fake(company(json!({"rest": {"scope": ok(json!(scopes))}})));
    let drawn = host();
    assert!(first_paint::paint_into(&drawn).await.is_some(), "drawn");
    let meeting = button(&drawn, ".first-card .tools .meeting");
    let task = button(&drawn, ".first-card .tools .task");
    meeting.click();
    task.click();
    // Loading shows on the last one pressed, which is the one the app opens.
    assert_eq!(task.get_attribute("aria-busy").as_deref(), Some("true"));
    assert_eq!(meeting.get_attribute("aria-busy"), None);
    let app = host();
    let _mounted = mount(&app);
    find(&app, ".profile-card #tool-panel .panel").await;
    assert_eq!(
        button(&app, ".profile-card .tools .task")
            .get_attribute("aria-expanded")
            .as_deref(),
        Some("true")
    );
    assert_eq!(
        app.query_selector_all("#tool-panel .panel")
            .unwrap()
            .length(),
        1
    );
    // Taken: a second app (another card opened later) opens nothing by itself.
    assert_eq!(profile_widget::page::take_press(&|_| true), None);
    let again = host();
    let _second = mount(&again);
    find(&again, ".profile-card").await;
    assert!(
        again
            .query_selector("#tool-panel .panel")
            .unwrap()
            .is_none()
    );
}

#[wasm_bindgen_test]
async fn without_the_loader_s_init_data_the_first_paint_leaves_the_card_to_the_app() {
    fake(company(json!({"silentParent": true})));
    let drawn = host();
    let started = js_sys::Date::now();
    assert!(first_paint::paint_into(&drawn).await.is_none());
    let waited = js_sys::Date::now() - started;
    assert!(
        waited >= f64::from(first_paint::PAINT_WAIT_MS) - 50.0,
        "{waited}"
    );
    assert!(drawn.query_selector(".first-card").unwrap().is_none());
    assert!(
        rest_methods().is_empty(),
        "nothing sent without the init data"
    );
}
