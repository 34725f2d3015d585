//! The futures layer under the bridge: callbacks as one-shot futures, timeouts, sleeps,
//! and JSON across the JS boundary.

use futures::channel::oneshot;
use futures::future::{Either, select};
use serde_json::Value;
use std::cell::RefCell;
use std::future::Future;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

/// A JS function for a library callback and the future of its first argument.
///
/// The function is handed to JS for good (`into_js_value`), never freed by Rust: the
/// library keeps callbacks forever and a portal may answer one id twice, or long after we
/// stopped waiting, and calling a freed closure throws in the page. Later calls are ignored.
pub fn callback() -> (JsValue, oneshot::Receiver<JsValue>) {
    let (sender, receiver) = oneshot::channel();
    let slot = RefCell::new(Some(sender));
    let closure = Closure::<dyn FnMut(JsValue)>::new(move |value: JsValue| {
        if let Some(sender) = slot.borrow_mut().take() {
            let _ = sender.send(value); // the receiver may have timed out and gone
        }
    });
    (closure.into_js_value(), receiver)
}

/// Resolves after `ms` milliseconds.
pub async fn sleep(ms: u32) {
    gloo_timers::future::TimeoutFuture::new(ms).await;
}

/// Runs `future`, giving up after `ms` milliseconds.
pub async fn timeout<F: Future>(ms: u32, future: F) -> Option<F::Output> {
    let future = std::pin::pin!(future);
    let timer = gloo_timers::future::TimeoutFuture::new(ms);
    match select(future, timer).await {
        Either::Left((output, _)) => Some(output),
        Either::Right(_) => None,
    }
}

/// Waits for a callback's value, `None` if it never came in time.
pub async fn answer(receiver: oneshot::Receiver<JsValue>, ms: u32) -> Option<JsValue> {
    timeout(ms, receiver).await.and_then(Result::ok)
}

/// A JSON value as a JS value (through `JSON.parse`, which keeps bundles small).
pub fn to_js(value: &Value) -> JsValue {
    js_sys::JSON::parse(&value.to_string()).unwrap_or(JsValue::UNDEFINED)
}

/// A JS value as JSON; `undefined`, functions and cyclic objects give `None`.
pub fn from_js(value: &JsValue) -> Option<Value> {
    if value.is_undefined() {
        return None;
    }
    let text = js_sys::JSON::stringify(value).ok()?.as_string()?;
    serde_json::from_str(&text).ok()
}

/// The text of a thrown JS value.
pub fn describe(thrown: &JsValue) -> String {
    if let Some(error) = thrown.dyn_ref::<js_sys::Error>() {
        return String::from(error.message());
    }
    thrown.as_string().unwrap_or_else(|| format!("{thrown:?}"))
}

/// Reads `object[name]`, `undefined` on any failure.
pub fn member(object: &JsValue, name: &str) -> JsValue {
    js_sys::Reflect::get(object, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED)
}

/// Whether `object[name]` is a function.
pub fn has_function(object: &JsValue, name: &str) -> bool {
    member(object, name).is_function()
}
