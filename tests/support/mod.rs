//! Shared by the browser test binaries: the fake portal harness and small helpers.
#![allow(dead_code)] // each test binary uses its own subset

use leptos::prelude::*;
use profile_widget::bx24::Options;
use profile_widget::ui::App;
use serde_json::{Value, json};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/tests/support/harness.js")]
extern "C" {
    #[wasm_bindgen(js_name = installFake)]
    fn install_fake(standin_source: &str, scenario: &str);
    /// Takes `window.BX24` away until the loader's `library()` is asked for it.
    #[wasm_bindgen(js_name = hideLibrary)]
    pub fn hide_library();
    /// Removes `window.BX24` (a page opened outside Bitrix24).
    pub fn uninstall();
    /// Sets `window.BX24 = null` (the library failed to start).
    #[wasm_bindgen(js_name = setLibraryNull)]
    pub fn set_library_null();
    /// Everything the fake portal saw, as JSON.
    #[wasm_bindgen(js_name = fakeLog)]
    pub fn fake_log() -> String;
    /// Fires a placement event.
    #[wasm_bindgen(js_name = fireEvent)]
    pub fn fire_event(event: &str, payload: &str);
    /// Sends a message from an arbitrary origin.
    #[wasm_bindgen(js_name = forgeMessage)]
    pub fn forge_message(origin: &str, data: &str);
    #[wasm_bindgen(js_name = serveTexts)]
    fn serve_texts(files: &str);
    /// Lets a silent parent answer what it ignored.
    #[wasm_bindgen(js_name = wakeParent)]
    pub fn wake_parent();
}

/// The BX24 stand-in the simulator serves: the tests run the same library.
const STANDIN: &str = include_str!("../../portal/assets/bx24.js");

/// The texts files of the languages the tests show (the build writes every language's into
/// `OUT_DIR/texts`, as the release's are; a wasm build has only English built in).
macro_rules! texts_files {
    ($($name:literal),*) => {
        [$(($name, include_str!(concat!(env!("OUT_DIR"), "/texts/", $name, ".json")))),*]
    };
}

/// Installs `window.BX24` over a fake portal described by `scenario`, and the page loader's
/// texts of German, Russian and Arabic.
pub fn fake(scenario: Value) {
    install_fake(STANDIN, &scenario.to_string());
    let files = texts_files!(
        "de-card", "de-app", "ru-card", "ru-app", "ar-card", "ar-app"
    );
    let files: serde_json::Map<String, Value> = files
        .into_iter()
        .map(|(name, text)| (name.to_owned(), serde_json::from_str(text).unwrap()))
        .collect();
    serve_texts(&Value::Object(files).to_string());
}

/// What the fake portal saw.
pub fn log() -> Value {
    serde_json::from_str(&fake_log()).unwrap()
}

/// The REST methods the fake portal was asked for, in order.
pub fn rest_methods() -> Vec<String> {
    log()["rest"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["method"].as_str().unwrap().to_owned())
        .collect()
}

/// Waits `ms` milliseconds on the browser's event loop.
pub async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

pub fn ok(result: Value) -> Value {
    json!([{"status": 200, "body": {"result": result}}])
}

/// A small company: 50 generated users, user 7 logged in, departments 1 (root, head 1) and
/// 2 (head 5) under it; `extra` overrides scenario keys.
pub fn company(extra: Value) -> Value {
    let mut scenario = json!({
        "users": 50,
        "currentUser": 7,
        "rest": {
            "scope": ok(json!(["user", "department", "im"])),
            "im.user.get": ok(json!({"id": 42, "status": "online", "absent": false}))
        },
        "departments": [
            {"ID": "1", "NAME": "Demo Company", "SORT": 100, "UF_HEAD": "1"},
            {"ID": "2", "NAME": "R&D", "SORT": 500, "PARENT": "1", "UF_HEAD": "5"}
        ],
        "userOverrides": {"42": {"UF_DEPARTMENT": [2]}}
    });
    merge(&mut scenario, extra);
    scenario
}

pub fn host() -> web_sys::HtmlElement {
    let document = web_sys::window().unwrap().document().unwrap();
    let host = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&host).unwrap();
    host.unchecked_into()
}

pub fn mount(host: &web_sys::HtmlElement) -> leptos::mount::UnmountHandle<impl Mountable> {
    let options = Options {
        connect_timeout_ms: 300,
        call_timeout_ms: 1_000,
        ..Options::default()
    };
    leptos::mount::mount_to(
        host.clone(),
        move || view! { <App options=options.clone()/> },
    )
}

/// Waits (up to ~4 s) for `selector` to appear under `host`.
pub async fn find(host: &web_sys::HtmlElement, selector: &str) -> web_sys::Element {
    for _ in 0..400 {
        if let Some(found) = host.query_selector(selector).unwrap() {
            return found;
        }
        leptos::task::tick().await;
        sleep(10).await;
    }
    panic!("{selector} never appeared; page: {}", host.inner_html());
}

/// The retry countdown's text, once there is one (up to ~3 s after it appears).
pub async fn retry_notice(host: &web_sys::HtmlElement) -> String {
    let status = find(host, ".retrying").await;
    let mut seen = String::new();
    for _ in 0..300 {
        seen = status.text_content().unwrap_or_default();
        if !seen.is_empty() {
            break;
        }
        sleep(10).await;
    }
    seen
}

pub fn text(host: &web_sys::HtmlElement, selector: &str) -> String {
    host.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no {selector} in {}", host.inner_html()))
        .text_content()
        .unwrap_or_default()
}

pub fn button(host: &web_sys::HtmlElement, selector: &str) -> web_sys::HtmlButtonElement {
    host.query_selector(selector)
        .unwrap()
        .unwrap()
        .unchecked_into()
}

pub fn parent_commands() -> Vec<Value> {
    let log: Value = serde_json::from_str(&fake_log()).unwrap();
    log["parent"].as_array().cloned().unwrap_or_default()
}

/// Merges scenario keys: objects key by key (one level deep), anything else replaced.
pub fn merge(scenario: &mut Value, extra: Value) {
    let (Value::Object(base), Value::Object(extra)) = (scenario, extra) else {
        return;
    };
    for (key, value) in extra {
        match (base.get_mut(&key), value) {
            (Some(Value::Object(into)), Value::Object(from)) => into.extend(from),
            (_, value) => {
                base.insert(key, value);
            }
        }
    }
}
