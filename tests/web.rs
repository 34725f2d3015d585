//! Component tests of the widget's first screens, in headless Chromium and Firefox, with the
//! BX24 stand-in over the scripted fake portal of tests/support/harness.js.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use profile_widget::bx24::Options;
use profile_widget::ui::App;
use serde_json::{Value, json};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen(module = "/tests/support/harness.js")]
extern "C" {
    #[wasm_bindgen(js_name = installFake)]
    fn install_fake(standin_source: &str, scenario: &str);
    fn uninstall();
    #[wasm_bindgen(js_name = fakeLog)]
    fn fake_log() -> String;
    #[wasm_bindgen(js_name = wakeParent)]
    fn wake_parent();
}

const STANDIN: &str = include_str!("../portal/assets/bx24.js");

fn fake(scenario: Value) {
    install_fake(STANDIN, &scenario.to_string());
}

fn host() -> web_sys::HtmlElement {
    let document = web_sys::window().unwrap().document().unwrap();
    let host = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&host).unwrap();
    host.unchecked_into()
}

async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

/// Waits (up to ~3 s) for `selector` to appear under `host`.
async fn find(host: &web_sys::HtmlElement, selector: &str) -> web_sys::Element {
    for _ in 0..300 {
        if let Some(found) = host.query_selector(selector).unwrap() {
            return found;
        }
        leptos::task::tick().await;
        sleep(10).await;
    }
    panic!("{selector} never appeared; page: {}", host.inner_html());
}

fn text(host: &web_sys::HtmlElement, selector: &str) -> String {
    host.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no {selector}"))
        .text_content()
        .unwrap_or_default()
}

#[wasm_bindgen_test]
async fn outside_bitrix24_explains_where_the_widget_runs() {
    uninstall();
    let host = host();
    let _mounted = leptos::mount::mount_to(host.clone(), || view! { <App/> });
    let section = find(&host, ".outside").await;
    let heading = section.query_selector("h1").unwrap().unwrap();
    assert_eq!(
        heading.text_content().unwrap(),
        "This widget runs inside Bitrix24"
    );
    assert!(text(&host, ".command").contains("scripts/run.sh"));
}

#[wasm_bindgen_test]
async fn shows_the_placement_and_user_of_the_toolbar() {
    fake(json!({}));
    let host = host();
    let _mounted = leptos::mount::mount_to(host.clone(), || view! { <App/> });
    find(&host, ".context").await;
    assert_eq!(text(&host, ".placement-code"), "USER_PROFILE_TOOLBAR");
    assert_eq!(text(&host, ".user-id"), "42");
    assert_eq!(text(&host, ".uri"), "/company/personal/user/42/");
    // The frame is fitted to the content after rendering.
    for _ in 0..100 {
        if fake_log().contains("\"resizeWindow\"") {
            return;
        }
        sleep(10).await;
    }
    panic!("fitWindow was never sent");
}

#[wasm_bindgen_test]
async fn menu_placement_in_russian() {
    fake(
        json!({"init": {"LANG": "ru", "PLACEMENT": "USER_PROFILE_MENU",
        "PLACEMENT_OPTIONS": "{\"USER_ID\":\"7\"}"}}),
    );
    let host = host();
    let _mounted = leptos::mount::mount_to(host.clone(), || view! { <App/> });
    find(&host, ".context").await;
    assert_eq!(text(&host, ".placement-code"), "USER_PROFILE_MENU");
    assert_eq!(text(&host, ".user-id"), "7");
    assert!(host.query_selector(".uri").unwrap().is_none());
    assert_eq!(text(&host, "dt"), "Место встраивания");
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
async fn bad_options_show_a_clear_error_without_retry() {
    fake(json!({"init": {"PLACEMENT_OPTIONS": {"USER_ID": "abc"}}}));
    let host = host();
    let _mounted = leptos::mount::mount_to(host.clone(), || view! { <App/> });
    find(&host, ".error").await;
    assert_eq!(
        text(&host, ".message"),
        "Bitrix24 opened the widget without a valid employee."
    );
    assert!(text(&host, ".detail").contains("abc"));
    assert!(host.query_selector("button").unwrap().is_none());
}

#[wasm_bindgen_test]
async fn hostile_uri_is_shown_as_text() {
    fake(json!({"init": {"PLACEMENT_OPTIONS": {"USER_ID": "1",
        "URI": "<img src=x onerror=\"window.__pwned=1\">"}}}));
    let host = host();
    let _mounted = leptos::mount::mount_to(host.clone(), || view! { <App/> });
    find(&host, ".context").await;
    assert_eq!(
        text(&host, ".uri"),
        "<img src=x onerror=\"window.__pwned=1\">"
    );
    assert!(host.query_selector("img").unwrap().is_none());
}

#[wasm_bindgen_test]
async fn a_silent_portal_offers_a_retry_that_works() {
    fake(json!({"silentParent": true}));
    let host = host();
    let options = Options {
        connect_timeout_ms: 200,
        ..Options::default()
    };
    let _mounted = leptos::mount::mount_to(host.clone(), move || {
        view! { <App options=options.clone()/> }
    });
    let button = find(&host, ".error button").await;
    assert_eq!(
        text(&host, ".message"),
        "Bitrix24 did not answer. Reload the page and try again."
    );
    wake_parent();
    button.unchecked_ref::<web_sys::HtmlElement>().click();
    find(&host, ".context").await;
    assert_eq!(text(&host, ".user-id"), "42");
}
