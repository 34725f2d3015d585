//! Raw bindings to `window.BX24`. Private to `bx24`: the rest of the app uses the safe
//! async API in the parent module.
//!
//! Every call is `catch`: copies of the library differ (bitrix24.md §4.6) and a hostile or
//! broken page can replace any member, so a throw must become an error, not a panic.
//! Values whose JS type the library does not guarantee come back as `JsValue`.

use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// The library object, `window.BX24`.
    #[derive(Clone)]
    pub type Library;

    #[wasm_bindgen(method, catch)]
    pub fn init(this: &Library, callback: &JsValue) -> Result<(), JsValue>;
    #[wasm_bindgen(method, catch, js_name = installFinish)]
    pub fn install_finish(this: &Library) -> Result<(), JsValue>;
    #[wasm_bindgen(method, catch, js_name = isAdmin)]
    pub fn is_admin(this: &Library) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(method, catch, js_name = getLang)]
    pub fn get_lang(this: &Library) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(method, catch, js_name = getDomain)]
    pub fn get_domain(this: &Library) -> Result<JsValue, JsValue>;
    /// `{access_token, refresh_token, expires_in, domain, member_id}` or `false`.
    #[wasm_bindgen(method, catch, js_name = getAuth)]
    pub fn get_auth(this: &Library) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(method, catch, js_name = refreshAuth)]
    pub fn refresh_auth(this: &Library, callback: &JsValue) -> Result<(), JsValue>;

    #[wasm_bindgen(method, catch, js_name = fitWindow)]
    pub fn fit_window(this: &Library, callback: &JsValue) -> Result<(), JsValue>;
    #[wasm_bindgen(method, catch, js_name = resizeWindow)]
    pub fn resize_window(
        this: &Library,
        width: u32,
        height: u32,
        callback: &JsValue,
    ) -> Result<(), JsValue>;
    #[wasm_bindgen(method, catch, js_name = setTitle)]
    pub fn set_title(this: &Library, title: &str, callback: &JsValue) -> Result<(), JsValue>;
    #[wasm_bindgen(method, catch, js_name = openPath)]
    pub fn open_path(this: &Library, path: &str, callback: &JsValue) -> Result<(), JsValue>;
    #[wasm_bindgen(method, catch, js_name = openApplication)]
    pub fn open_application(
        this: &Library,
        params: &JsValue,
        callback: &JsValue,
        settings: &JsValue,
    ) -> Result<(), JsValue>;
    #[wasm_bindgen(method, catch, js_name = closeApplication)]
    pub fn close_application(this: &Library, callback: &JsValue) -> Result<(), JsValue>;
    #[wasm_bindgen(method, catch, js_name = selectUser)]
    pub fn select_user(this: &Library, title: &str, callback: &JsValue) -> Result<(), JsValue>;
    #[wasm_bindgen(method, catch, js_name = selectUsers)]
    pub fn select_users(this: &Library, title: &str, callback: &JsValue) -> Result<(), JsValue>;

    #[wasm_bindgen(method, getter)]
    pub fn placement(this: &Library) -> JsValue;
    #[wasm_bindgen(method, getter)]
    pub fn im(this: &Library) -> JsValue;
    #[wasm_bindgen(method, getter, js_name = userOption)]
    pub fn user_option(this: &Library) -> JsValue;
    #[wasm_bindgen(method, getter, js_name = appOption)]
    pub fn app_option(this: &Library) -> JsValue;
}

#[wasm_bindgen]
extern "C" {
    /// `BX24.placement`.
    pub type PlacementApi;

    #[wasm_bindgen(method, catch)]
    pub fn info(this: &PlacementApi) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(method, catch, js_name = getInterface)]
    pub fn get_interface(this: &PlacementApi, callback: &JsValue) -> Result<(), JsValue>;
    #[wasm_bindgen(method, catch, js_name = bindEvent)]
    pub fn bind_event(this: &PlacementApi, event: &str, callback: &JsValue) -> Result<(), JsValue>;
}

#[wasm_bindgen]
extern "C" {
    /// `BX24.im`: frame commands the portal never answers.
    pub type ImApi;

    #[wasm_bindgen(method, catch, js_name = openMessenger)]
    pub fn open_messenger(this: &ImApi, dialog_id: &str) -> Result<(), JsValue>;
    #[wasm_bindgen(method, catch, js_name = callTo)]
    pub fn call_to(this: &ImApi, user_id: u32, video: bool) -> Result<(), JsValue>;
    #[wasm_bindgen(method, catch, js_name = phoneTo)]
    pub fn phone_to(this: &ImApi, phone: &str) -> Result<(), JsValue>;
    #[wasm_bindgen(method, catch, js_name = openHistory)]
    pub fn open_history(this: &ImApi, dialog_id: &str) -> Result<(), JsValue>;
}

#[wasm_bindgen]
extern "C" {
    /// `BX24.userOption` and `BX24.appOption`.
    pub type OptionApi;

    #[wasm_bindgen(method, catch)]
    pub fn get(this: &OptionApi, name: &str) -> Result<JsValue, JsValue>;
    /// `userOption.set(name, value)` has no callback; `appOption.set` takes one.
    #[wasm_bindgen(method, catch)]
    pub fn set(
        this: &OptionApi,
        name: &str,
        value: &JsValue,
        callback: &JsValue,
    ) -> Result<(), JsValue>;
}
