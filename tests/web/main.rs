//! Component tests of the widget, in headless Chromium and Firefox, with the BX24 stand-in
//! over the scripted fake portal of tests/support/harness.js.
#![cfg(target_arch = "wasm32")]

use profile_widget::first_paint;
use serde_json::{Value, json};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

mod drawn;
mod look;
mod parts;
mod people;
#[path = "../support/mod.rs"]
mod support;

use support::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn outside_bitrix24_explains_where_the_widget_runs() {
    uninstall();
    let host = host();
    let _mounted = mount(&host);
    find(&host, ".outside").await;
    assert_eq!(
        text(&host, ".outside h1"),
        "This widget runs inside Bitrix24"
    );
    assert!(text(&host, ".command").contains("scripts/run.sh"));
}

#[wasm_bindgen_test]
async fn a_colleagues_card_in_one_request() {
    fake(company(json!({})));
    let host = host();
    let _mounted = mount(&host);
    let card = find(&host, ".profile-card").await;
    assert_eq!(
        card.get_attribute("data-placement").as_deref(),
        Some("USER_PROFILE_TOOLBAR")
    );
    assert_eq!(card.get_attribute("data-user-id").as_deref(), Some("42"));
    assert_eq!(text(&host, ".mode"), "Colleague");
    assert_eq!(text(&host, "#person-name"), "User 42 Test");
    assert_eq!(text(&host, ".position"), "Tester");
    assert_eq!(text(&host, ".presence"), "Online");
    assert_eq!(text(&host, ".departments"), "R&D");
    assert_eq!(
        text(&host, ".managers"),
        "User 5 Test · TesterUser 1 Test · Tester"
    );
    assert!(text(&host, ".local-time").contains("Local time"));
    assert_eq!(
        host.query_selector(".contacts a[href^='mailto:']")
            .unwrap()
            .unwrap()
            .get_attribute("href")
            .as_deref(),
        Some("mailto:user42@demo.test")
    );
    assert_eq!(
        host.query_selector(".contacts a[href^='tel:']")
            .unwrap()
            .unwrap()
            .get_attribute("href")
            .as_deref(),
        Some("tel:+49301042")
    );
    assert_eq!(
        rest_methods(),
        ["batch"],
        "the first screen is one REST request"
    );
}

#[wasm_bindgen_test]
async fn actions_reach_the_portal() {
    fake(company(json!({})));
    let host = host();
    let _mounted = mount(&host);
    find(&host, ".profile-card").await;
    for selector in [".actions .message", ".actions .video", ".actions .phone"] {
        let action = button(&host, selector);
        assert!(!action.disabled(), "{selector}");
        action.click();
    }
    let sent = parent_commands();
    let find_command = |c: &str| {
        sent.iter()
            .find(|m| m["command"] == c)
            .map(|m| m["params"].clone())
    };
    assert_eq!(
        find_command("imOpenMessenger"),
        Some(json!({"dialogId": "42"}))
    );
    assert_eq!(
        find_command("imCallTo"),
        Some(json!({"userId": 42, "video": true}))
    );
    assert_eq!(
        find_command("imPhoneTo"),
        Some(json!({"phone": "+49 30 1042"}))
    );
    button(&host, ".actions .profile").click();
    for _ in 0..100 {
        if parent_commands().iter().any(|m| m["command"] == "openPath") {
            let open = parent_commands()
                .into_iter()
                .find(|m| m["command"] == "openPath")
                .unwrap();
            assert_eq!(
                open["params"],
                json!({"path": "/company/personal/user/42/"})
            );
            return;
        }
        sleep(10).await;
    }
    panic!("openPath was never sent");
}

#[wasm_bindgen_test]
async fn fired_extranet_and_phoneless_people_are_marked() {
    fake(company(
        json!({"userOverrides": {"42": {"ACTIVE": false, "USER_TYPE": "extranet", "WORK_PHONE": "",
        "UF_DEPARTMENT": []}}}),
    ));
    let host = host();
    let _mounted = mount(&host);
    find(&host, ".profile-card").await;
    assert_eq!(text(&host, ".badges"), "DismissedExtranet");
    assert_eq!(
        text(&host, "#why-call"),
        "This employee has been dismissed."
    );
    assert!(button(&host, ".actions .phone").disabled());
    assert_eq!(text(&host, ".managers"), "");
}

#[wasm_bindgen_test]
async fn hostile_data_stays_text_and_unsafe_photos_never_load() {
    let evil = "<img src=x onerror=\"window.__pwned=1\">";
    fake(company(
        json!({"userOverrides": {"42": {"NAME": evil, "WORK_POSITION": "<script>window.__pwned=2</script>",
        "PERSONAL_PHOTO": "javascript:window.__pwned=3", "EMAIL": "x\"onmouseover=\"alert(1)@evil.test"}}}),
    ));
    let host = host();
    let _mounted = mount(&host);
    find(&host, ".profile-card").await;
    assert_eq!(text(&host, "#person-name"), format!("{evil} Test"));
    assert!(text(&host, ".position").starts_with("<script>"));
    assert!(
        host.query_selector(".avatar img[src]").unwrap().is_none(),
        "no src for an unsafe photo"
    );
    assert_eq!(
        text(&host, ".initials"),
        "iT",
        "as written; the stylesheet capitalizes"
    );
    let mailto = host
        .query_selector(".contacts a[href^='mailto:']")
        .unwrap()
        .unwrap();
    assert!(!mailto.get_attribute("href").unwrap().contains('"'));
    sleep(50).await;
    let pwned = js_sys::Reflect::get(&js_sys::global(), &"__pwned".into()).unwrap();
    assert!(pwned.is_undefined(), "a script ran");
}

#[wasm_bindgen_test]
async fn only_user_brief_explains_the_hidden_contacts() {
    fake(company(
        json!({"rest": {"scope": ok(json!(["user_brief"]))}}),
    ));
    let host = host();
    let _mounted = mount(&host);
    find(&host, ".profile-card").await;
    assert_eq!(
        text(&host, ".contacts .note"),
        "Contacts, about me and links are hidden: the application has only the user_brief scope."
    );
}

#[wasm_bindgen_test]
async fn a_colleague_in_russian() {
    fake(company(json!({"init": {"LANG": "ru"}})));
    let host = host();
    let _mounted = mount(&host);
    find(&host, ".profile-card").await;
    assert_eq!(text(&host, ".mode"), "Коллега");
    assert_eq!(text(&host, ".actions .message"), "Написать");
    assert_eq!(
        host.query_selector("main")
            .unwrap()
            .unwrap()
            .get_attribute("lang")
            .as_deref(),
        Some("ru")
    );
}

#[wasm_bindgen_test]
async fn a_language_whose_texts_do_not_arrive_is_shown_in_english_not_half_translated() {
    // The fake loader serves German, Russian and Arabic only: French is asked for, and lost.
    fake(company(json!({"init": {"LANG": "fr"}})));
    let host = host();
    let _mounted = mount(&host);
    find(&host, ".profile-card").await;
    // The first screen's texts are asked for once; without them the rest are not.
    assert_eq!(log()["texts"], json!(["fr-card"]));
    assert_eq!(text(&host, ".mode"), "Colleague");
    assert_eq!(text(&host, ".actions .message"), "Message");
    let main = host.query_selector("main").unwrap().unwrap();
    assert_eq!(main.get_attribute("lang").as_deref(), Some("en"));
}

#[wasm_bindgen_test]
async fn a_rate_limited_first_request_is_retried_by_itself_with_a_countdown() {
    fake(company(json!({"rest": {"batch": [
        {"status": 503, "once": true, "body": {"error": "QUERY_LIMIT_EXCEEDED", "error_description": "Too many requests"}}
    ]}})));
    let host = host();
    let _mounted = mount(&host);
    // The scripted 503 is seen as what it is: a countdown shows while the read waits to be
    // retried, then the card appears.
    let seen = retry_notice(&host).await;
    assert!(seen.starts_with("Bitrix24 is busy."), "{seen}");
    assert!(seen.contains("Trying again in"), "{seen}");
    find(&host, ".profile-card").await;
    let log: Value = serde_json::from_str(&fake_log()).unwrap();
    assert_eq!(log["rest"].as_array().unwrap().len(), 2);
}

#[wasm_bindgen_test]
async fn a_colleague_in_german_with_local_formats() {
    fake(company(json!({"init": {"LANG": "de"}})));
    let host = host();
    let _mounted = mount(&host);
    find(&host, ".profile-card").await;
    assert_eq!(text(&host, ".mode"), "Teammitglied");
    assert_eq!(text(&host, ".actions .phone"), "Telefon");
    assert!(text(&host, ".local-time").starts_with("Ortszeit"));
}

#[wasm_bindgen_test]
async fn an_unknown_user_is_a_clear_error_with_retry() {
    fake(company(
        json!({"init": {"PLACEMENT_OPTIONS": {"USER_ID": "999"}}}),
    ));
    let host = host();
    let _mounted = mount(&host);
    find(&host, ".error").await;
    assert_eq!(
        text(&host, ".message"),
        "This employee was not found or is not visible to you."
    );
    assert!(host.query_selector(".error button").unwrap().is_some());
}

#[wasm_bindgen_test]
async fn bad_options_show_a_clear_error_without_retry() {
    fake(company(
        json!({"init": {"PLACEMENT_OPTIONS": {"USER_ID": "abc"}}}),
    ));
    let host = host();
    let _mounted = mount(&host);
    find(&host, ".error").await;
    assert_eq!(
        text(&host, ".message"),
        "Bitrix24 opened the widget without a valid employee."
    );
    assert!(text(&host, ".detail").contains("abc"));
    assert!(host.query_selector("button").unwrap().is_none());
}

#[wasm_bindgen_test]
async fn a_silent_portal_offers_a_retry_that_works() {
    fake(company(json!({"silentParent": true})));
    let host = host();
    let _mounted = mount(&host);
    let retry = find(&host, ".error button").await;
    assert_eq!(
        text(&host, ".message"),
        "Bitrix24 did not answer. Reload the page and try again."
    );
    wake_parent();
    retry.unchecked_ref::<web_sys::HtmlElement>().click();
    let card = find(&host, ".profile-card").await;
    assert_eq!(card.get_attribute("data-user-id").as_deref(), Some("42"));
}

/// The vCard among the actions, as `card_texts` compares it.
const VCARD: &str = "nav.actions .vcard";

/// The texts and links of a card's header, contacts and facts.
fn card_texts(host: &web_sys::HtmlElement) -> Vec<String> {
    let mut texts = Vec::new();
    for selector in [
        ".mode",
        "h1",
        ".position",
        ".badges span",
        ".presence",
        ".contacts dt",
        ".contacts dd a",
        ".facts dt",
        ".facts dd",
        ".avatar img[src]",
        // Initials where there is no photo to load (whether a photo loads is the network's
        // business, and the app alone then falls back to the initials).
        ".avatar:not(:has(img[src])) .initials",
        // The actions and tools, drawn alike (classes, labels, reasons).
        ".local-time .label",
        "nav.actions button:not(.vcard)",
        "nav.actions .why",
        // The vCard: the app's link, the drawn card's button that waits for it (its address
        // is the app's, checked in tests/tools.rs).
        VCARD,
        ".contacts dd button.copy",
    ] {
        let nodes = host.query_selector_all(selector).unwrap();
        for i in 0..nodes.length() {
            let node: web_sys::Element = nodes.item(i).unwrap().unchecked_into();
            let text = node.text_content().unwrap_or_default();
            let mut link =
                ["href", "src", "class"].map(|a| node.get_attribute(a).unwrap_or_default());
            if selector == VCARD {
                link[0].clear();
            }
            texts.push(format!("{selector}: {text} {link:?}"));
        }
    }
    texts
}

#[wasm_bindgen_test]
async fn the_first_paint_and_the_app_show_the_same_card_from_one_request() {
    // Hostile and unusual values too: markup in names, an absence, a dismissed extranet user.
    fake(company(json!({
        "init": {"LANG": "de"},
        "rest": {"im.user.get": ok(json!({"id": 42, "status": "offline", "absent": "2099-12-04T00:00:00+03:00"}))},
        "userOverrides": {"42": {
            "UF_DEPARTMENT": [2], "NAME": "<b>Ann</b>", "ACTIVE": false, "USER_TYPE": "extranet",
            "PERSONAL_BIRTHDAY": "1990-07-14T00:00:00+03:00", "PERSONAL_MOBILE": "+49 (30) 555-0142",
            "PERSONAL_PHOTO": "https://cdn.example.test/ann.png"
        }}
    })));
    let drawn = host();
    assert!(first_paint::paint_into(&drawn).await.is_some(), "drawn");
    assert!(drawn.query_selector(".first-card").unwrap().is_some());
    assert!(
        drawn.query_selector("b").unwrap().is_none(),
        "markup stays text"
    );
    let app = host();
    let _mounted = mount(&app);
    find(&app, ".profile-card").await;
    let (first, live) = (card_texts(&drawn), card_texts(&app));
    assert!(first.len() > 12, "{first:#?}");
    assert_eq!(first, live);
    assert!(first.iter().any(|t| t.contains("<b>Ann</b>")), "{first:#?}");
    assert_eq!(
        rest_methods(),
        ["batch"],
        "the app took the first paint's request over"
    );
}

/// The texts of the `<bdi>` elements under `selector`.
pub(crate) fn isolates(host: &web_sys::HtmlElement, selector: &str) -> Vec<String> {
    let nodes = host.query_selector_all(&format!("{selector} bdi")).unwrap();
    (0..nodes.length())
        .map(|i| nodes.item(i).unwrap().text_content().unwrap_or_default())
        .collect()
}

#[wasm_bindgen_test]
async fn every_joined_value_is_isolated_in_both_renderers() {
    const OVERRIDE: &str = "\u{202E}evil\u{2069}";
    fake(company(json!({
        "departments": [
            {"ID": "1", "NAME": "Demo Company", "SORT": 100, "UF_HEAD": "1"},
            {"ID": "2", "NAME": OVERRIDE, "SORT": 500, "PARENT": "1", "UF_HEAD": "5"},
            {"ID": "3", "NAME": "Sales", "SORT": 600, "PARENT": "1"}
        ],
        "userOverrides": {
            "42": {"UF_DEPARTMENT": [2, 3]},
            "5": {"NAME": "\u{202E}Mallory", "WORK_POSITION": "Head\u{202B}"}
        }
    })));
    let drawn = host();
    assert!(first_paint::paint_into(&drawn).await.is_some(), "drawn");
    let app = host();
    let _mounted = mount(&app);
    find(&app, ".profile-card").await;
    for card in [&drawn, &app] {
        assert_eq!(isolates(card, ".departments"), [OVERRIDE, "Sales"]);
        assert_eq!(
            isolates(card, ".managers li:first-child"),
            ["\u{202E}Mallory Test", "Head\u{202B}"]
        );
        assert_eq!(text(card, ".departments"), format!("{OVERRIDE} · Sales"));
    }
}

#[wasm_bindgen_test]
async fn an_absence_that_ended_is_not_shown_by_either_renderer() {
    fake(company(json!({
        "rest": {"im.user.get": ok(json!({"id": 42, "status": "offline", "absent": "2020-01-10T00:00:00+03:00"}))}
    })));
    let drawn = host();
    assert!(first_paint::paint_into(&drawn).await.is_some(), "drawn");
    assert_eq!(text(&drawn, ".presence"), "Offline");
    let app = host();
    let _mounted = mount(&app);
    find(&app, ".profile-card").await;
    assert_eq!(text(&app, ".presence"), "Offline");
}

#[wasm_bindgen_test]
async fn a_handed_over_request_that_fails_is_retried_by_the_app_once() {
    fake(company(json!({"rest": {"batch": [
        {"status": 503, "once": true, "body": {"error": "QUERY_LIMIT_EXCEEDED", "error_description": "Too many requests"}}
    ]}})));
    let drawn = host();
    assert!(
        first_paint::paint_into(&drawn).await.is_none(),
        "nothing to draw"
    );
    assert!(drawn.query_selector(".first-card").unwrap().is_none());
    let app = host();
    let _mounted = mount(&app);
    // The app saw the refusal as its own: it says so and counts down to its retry.
    let seen = retry_notice(&app).await;
    assert!(seen.starts_with("Bitrix24 is busy."), "{seen}");
    find(&app, ".profile-card").await;
    assert_eq!(
        log()["rest"].as_array().unwrap().len(),
        2,
        "the refused request and one retry, as without a first paint"
    );
}
