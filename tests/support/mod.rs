//! Shared by the browser test binaries: the fake portal harness and small helpers.
#![allow(dead_code)] // each test binary uses its own subset

use serde_json::Value;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/tests/support/harness.js")]
extern "C" {
    #[wasm_bindgen(js_name = installFake)]
    fn install_fake(standin_source: &str, scenario: &str);
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
    /// Lets a silent parent answer what it ignored.
    #[wasm_bindgen(js_name = wakeParent)]
    pub fn wake_parent();
}

/// The BX24 stand-in the simulator serves: the tests run the same library.
const STANDIN: &str = include_str!("../../portal/assets/bx24.js");

/// Installs `window.BX24` over a fake portal described by `scenario`.
pub fn fake(scenario: Value) {
    install_fake(STANDIN, &scenario.to_string());
}

/// What the fake portal saw.
pub fn log() -> Value {
    serde_json::from_str(&fake_log()).unwrap()
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
