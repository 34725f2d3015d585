//! The frame before the BX24 library: what the page's inline loader (`web/bx24-loader.js`)
//! learned and sent while the wasm downloaded, for the first paint, which draws the card
//! without the library (about 20 KB, loaded after the card, [`load_library`]).
//!
//! The loader asks the portal for the init data itself and leaves under
//! `Symbol.for("profile-widget.frame")` a promise of its facts (without the token), a way to
//! send a batch with that token (left for the app like every handed-over request, see
//! `handover`), the frame's height, and the library. Outside a portal frame there is none.

use crate::batch::{Batch, BatchResults, MAX_BATCH_COMMANDS};
use crate::client::batch_body;
use crate::error::Error;
use crate::{form, handover, js, read_handed_over};
use serde_json::Value;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// The registered symbol's name (`Symbol.for`) the loader leaves the frame under.
const FRAME_SLOT: &str = "profile-widget.frame";

fn frame() -> Option<JsValue> {
    let frame = js_sys::Reflect::get(&js_sys::global(), &js_sys::Symbol::for_(FRAME_SLOT)).ok()?;
    frame.is_object().then_some(frame)
}

/// The init data's facts the loader kept, as the library would give them.
#[derive(Clone, Debug)]
pub struct EarlyInit {
    /// `placement.info()`: `{"placement": CODE, "options": …}` (options as the portal sent
    /// them, object or JSON text).
    pub placement_info: Value,
    /// `getLang()`: Bitrix24's `LANG` code.
    pub lang: String,
    /// `getDomain()`: the portal's host, with a port other than the default.
    pub domain: String,
    /// `isAdmin()`.
    pub admin: bool,
    endpoint: String,
    facts: JsValue,
}

/// The loader's init facts, waiting for them at most `wait_ms`; `None` outside a portal
/// frame, when the portal did not answer in time, or gave no token.
///
/// ```no_run
/// # async fn demo() {
/// if let Some(init) = bx24::early::init(1_500).await {
///     println!("opened from {}", init.placement_info["placement"]);
/// }
/// # }
/// ```
pub async fn init(wait_ms: u32) -> Option<EarlyInit> {
    let promise: js_sys::Promise = js::member(&frame()?, "init").dyn_into().ok()?;
    let facts = js::timeout(wait_ms, JsFuture::from(promise)).await?.ok()?;
    if !facts.is_object() {
        return None;
    }
    let text = |name: &str| js::member(&facts, name).as_string();
    let placement = text("placement")?;
    let options = js::from_js(&js::member(&facts, "options")).unwrap_or_default();
    // Built by hand: `json!` unwraps a serialization that cannot fail here, and its panic
    // message would bring Debug formatting into the first paint for nothing else.
    let mut placement_info = serde_json::Map::new();
    placement_info.insert("placement".to_owned(), placement.into());
    placement_info.insert("options".to_owned(), options);
    Some(EarlyInit {
        placement_info: Value::Object(placement_info),
        lang: text("lang").unwrap_or_default(),
        domain: text("domain")?,
        admin: js::member(&facts, "admin").as_bool() == Some(true),
        endpoint: text("endpoint")?,
        facts,
    })
}

impl EarlyInit {
    /// The answer of `batch` (one request), waiting at most `wait_ms`: the one the loader sent
    /// for the placement's user if it is this batch, or else sent now through the loader with
    /// its token. Either way the request stays on the page for the app, which takes it
    /// instead of sending its own (the card costs one request).
    ///
    /// ```no_run
    /// # async fn demo(init: bx24::early::EarlyInit, batch: bx24::Batch) {
    /// let answer = init.batch_left(&batch, 1_500).await;
    /// # }
    /// ```
    pub async fn batch_left(&self, batch: &Batch, wait_ms: u32) -> Result<BatchResults, Error> {
        if batch.len() > MAX_BATCH_COMMANDS {
            return Err(Error::Unsupported(
                "handing over a batch of several requests".into(),
            ));
        }
        let url = format!("{}{}.json", self.endpoint, form::encode("batch"));
        // One request: its references are all the server's to resolve (nothing to do here,
        // and the first paint links no resolver).
        let commands = &batch.commands;
        let params = batch_body(commands, batch.halt);
        let answer = match handover::left(&url, &params) {
            Some(answer) => answer,
            None => {
                let send = js::member(&self.facts, "send");
                let send: js_sys::Function = send
                    .dyn_into()
                    .map_err(|_| Error::Unsupported("sending through the loader".into()))?;
                let _ = send.call1(&JsValue::NULL, &params.as_str().into());
                handover::left(&url, &params)
                    .ok_or_else(|| Error::Unsupported("sending through the loader".into()))?
            }
        };
        read_handed_over(commands, answer, wait_ms).await
    }
}

/// Fits the frame's height to the page, as `BX24.fitWindow` does (through the loader, which
/// knows the portal's origin); nothing outside a portal frame.
pub fn fit_window() {
    if let Some(fit) =
        frame().and_then(|f| js::member(&f, "fit").dyn_into::<js_sys::Function>().ok())
    {
        let _ = fit.call0(&JsValue::NULL);
    }
}

/// Loads the BX24 library (once; a failed download is tried again on the next call) and
/// whether it is there now. Outside a portal frame there is no library to load: `true`, and
/// the app explains where it runs.
///
/// ```no_run
/// # async fn demo() {
/// if !bx24::early::load_library().await {
///     // the download failed: offer a retry
/// }
/// # }
/// ```
pub async fn load_library() -> bool {
    let Some(load) = frame().and_then(|f| {
        js::member(&f, "library")
            .dyn_into::<js_sys::Function>()
            .ok()
    }) else {
        return true;
    };
    let Ok(promise) = load
        .call0(&JsValue::NULL)
        .and_then(|p| p.dyn_into::<js_sys::Promise>())
    else {
        return false;
    };
    JsFuture::from(promise).await.ok().and_then(|v| v.as_bool()) == Some(true)
}

/// The frame commands the loader sends for the drawn card, as the library's `im.*` and
/// `openPath` send them.
const COMMANDS: [&str; 4] = ["imOpenMessenger", "imCallTo", "imPhoneTo", "openPath"];

/// Sends a frame command through the loader, before the library: `imOpenMessenger`,
/// `imCallTo`, `imPhoneTo` (fire and forget, as the library's `im.*`); the answer of those the
/// portal answers. Its parameters are the object of `params`' names and values. `None` outside
/// a portal frame or for any other command.
fn send_command(name: &str, params: &[(&str, JsValue)], answered: bool) -> Option<js_sys::Promise> {
    if !COMMANDS.contains(&name) {
        return None;
    }
    let command: js_sys::Function = js::member(&frame()?, "command").dyn_into().ok()?;
    let object = js_sys::Object::new();
    for (key, value) in params {
        js_sys::Reflect::set(&object, &(*key).into(), value).ok()?;
    }
    command
        .call3(&JsValue::NULL, &name.into(), &object, &answered.into())
        .ok()?
        .dyn_into()
        .ok()
}

/// Sends a frame command the portal does not answer (`imOpenMessenger`, `imCallTo`,
/// `imPhoneTo`) through the loader, its parameters by name; whether it was sent.
///
/// ```no_run
/// bx24::early::command("imCallTo", &[("userId", 42.into()), ("video", true.into())]);
/// ```
pub fn command(name: &str, params: &[(&str, JsValue)]) -> bool {
    send_command(name, params, false).is_some()
}

/// Opens a portal page in the slider through the loader, as `Bx24::open_path` does with the
/// library; `None` outside a portal frame or when the portal did not answer in time.
///
/// ```no_run
/// # async fn demo() {
/// if let Some(bx24::OpenPathOutcome::Refused(code)) =
///     bx24::early::open_path("/company/personal/user/42/").await
/// {
///     println!("refused: {code}");
/// }
/// # }
/// ```
pub async fn open_path(path: &str) -> Option<crate::OpenPathOutcome> {
    let promise = send_command("openPath", &[("path", path.into())], true)?;
    let wait = crate::Options::default().interactive_timeout_ms;
    let answer = js::timeout(wait, JsFuture::from(promise)).await?.ok()?;
    Some(crate::frame::open_path_outcome(
        &js::from_js(&answer).unwrap_or_default(),
    ))
}
