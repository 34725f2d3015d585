//! Issue #19's look: the actions' strengths, my own card without the actions meant for
//! colleagues, and the dark look chosen in the widget and kept in a user option.

use super::support::*;
use profile_widget::page::{is_dark, set_dark};
use serde_json::json;
use wasm_bindgen_test::*;

fn present(host: &web_sys::HtmlElement, selector: &str) -> bool {
    host.query_selector(selector).unwrap().is_some()
}

#[wasm_bindgen_test]
async fn one_main_action_then_secondary_ones_then_quiet_tools() {
    fake(company(json!({})));
    let host = host();
    let _mounted = mount(&host);
    find(&host, ".profile-card").await;
    let looks = |selector: &str| {
        let class = button(&host, selector).class_name();
        ["secondary", "quiet"].map(|look| class.split(' ').any(|c| c == look))
    };
    assert_eq!(looks(".actions .message"), [false, false], "filled");
    for action in ["call", "video", "phone", "profile"] {
        assert_eq!(
            looks(&format!(".actions .{action}")),
            [true, false],
            "{action}"
        );
    }
    for tool in ["task", "meeting", "thanks"] {
        assert_eq!(looks(&format!(".tools .{tool}")), [false, true], "{tool}");
    }
    // Two navigation landmarks, each with its own name.
    let label = |selector: &str| {
        host.query_selector(selector)
            .unwrap()
            .unwrap()
            .get_attribute("aria-label")
    };
    assert_eq!(label("nav.actions:not(.tools)").as_deref(), Some("Actions"));
    assert_eq!(label("nav.tools").as_deref(), Some("Tools"));
}

#[wasm_bindgen_test]
async fn my_own_card_leaves_out_what_is_for_colleagues_and_says_so_once() {
    fake(company(
        json!({"init": {"PLACEMENT": "USER_PROFILE_MENU", "PLACEMENT_OPTIONS": {"USER_ID": "7"}}}),
    ));
    let host = host();
    let _mounted = mount(&host);
    find(&host, ".profile-card").await;
    assert_eq!(text(&host, ".mode"), "My card");
    for absent in [
        ".actions .message",
        ".actions .call",
        ".actions .video",
        ".actions .phone",
        ".tools .meeting",
        ".tools .thanks",
    ] {
        assert!(!present(&host, absent), "{absent} is shown on my own card");
    }
    assert_eq!(
        text(&host, ".own-card"),
        "Messages, calls, meetings and appreciations are for your colleagues: this is your own card."
    );
    assert_eq!(host.query_selector_all(".own-card").unwrap().length(), 1);
    assert!(!button(&host, ".actions .profile").disabled());
    assert!(present(&host, ".tools .task"), "a task for myself");
    assert!(present(&host, ".tools .qr") && present(&host, ".tools .vcard"));
    let all = host.text_content().unwrap_or_default();
    assert_eq!(all.matches("your own card").count(), 1, "said once");
}

#[wasm_bindgen_test]
async fn the_dark_look_is_chosen_in_the_widget_and_kept_in_a_user_option() {
    set_dark(false);
    fake(company(json!({})));
    let host = host();
    let _mounted = mount(&host);
    find(&host, ".profile-card").await;
    assert!(!is_dark(), "light by default, as the portal is");
    let switch = button(&host, ".card-footer .theme");
    assert_eq!(
        switch.get_attribute("aria-pressed").as_deref(),
        Some("false")
    );
    switch.click();
    sleep(20).await; // the attribute follows the signal on the next tick
    assert!(is_dark());
    assert_eq!(
        switch.get_attribute("aria-pressed").as_deref(),
        Some("true")
    );
    switch.click();
    sleep(20).await;
    assert!(!is_dark());
    let kept: Vec<_> = parent_commands()
        .into_iter()
        .filter(|m| m["command"] == "setUserOption")
        .map(|m| m["params"].clone())
        .collect();
    assert_eq!(
        kept,
        [
            json!({"name": "theme", "value": "dark"}),
            json!({"name": "theme", "value": "light"})
        ]
    );
}

#[wasm_bindgen_test]
async fn a_kept_dark_look_is_applied_when_the_app_connects() {
    set_dark(false);
    fake(company(
        json!({"init": {"USER_OPTIONS": {"theme": "dark"}}}),
    ));
    let host = host();
    let _mounted = mount(&host);
    find(&host, ".profile-card").await;
    let dark = is_dark();
    let pressed = button(&host, ".theme").get_attribute("aria-pressed");
    set_dark(false);
    assert!(dark, "the kept choice is applied");
    assert_eq!(pressed.as_deref(), Some("true"));
}

#[wasm_bindgen_test]
async fn arabic_runs_right_to_left_in_both_renderers() {
    fake(company(json!({"init": {"LANG": "ar"}})));
    let drawn = host();
    assert!(
        profile_widget::first_paint::paint_into(&drawn)
            .await
            .is_some(),
        "drawn"
    );
    let app = host();
    let _mounted = mount(&app);
    find(&app, ".profile-card").await;
    for (renderer, host) in [("first paint", &drawn), ("app", &app)] {
        let main = host.query_selector("main").unwrap().expect(renderer);
        assert_eq!(
            main.get_attribute("dir").as_deref(),
            Some("rtl"),
            "{renderer}"
        );
        assert_eq!(
            main.get_attribute("lang").as_deref(),
            Some("ar"),
            "{renderer}"
        );
    }
    assert_eq!(text(&app, ".mode"), "زميل");
    // Arabic is fetched: the first paint starts the app's texts and waits for the first
    // screen's; the app (here in the same wasm, which has those already) takes the rest.
    assert_eq!(log()["texts"], json!(["ar-app", "ar-card", "ar-app"]));
}
