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

/// A JSON value as a JS value, built directly: no JSON text in between, so serde_json's
/// serializer stays out of the bundle.
pub fn to_js(value: &Value) -> JsValue {
    match value {
        Value::Null => JsValue::NULL,
        Value::Bool(b) => JsValue::from_bool(*b),
        Value::Number(n) => JsValue::from_f64(n.as_f64().unwrap_or_default()),
        Value::String(s) => JsValue::from_str(s),
        Value::Array(items) => items.iter().map(to_js).collect::<js_sys::Array>().into(),
        Value::Object(map) => {
            let object = js_sys::Object::new();
            for (key, item) in map {
                let _ = js_sys::Reflect::set(&object, &JsValue::from_str(key), &to_js(item));
            }
            object.into()
        }
    }
}

/// A JS value as JSON, with `JSON.stringify`'s rules (functions and `undefined` members are
/// left out, `NaN` is `null`) but no JSON text in between, so serde_json's parser stays out of
/// the bundle. `None` for `undefined`, functions, and nesting deeper than 64 (cycles).
pub fn from_js(value: &JsValue) -> Option<Value> {
    convert(value, 0)
}

fn convert(value: &JsValue, depth: u32) -> Option<Value> {
    if depth > 64 || value.is_undefined() || value.is_function() || value.is_symbol() {
        return None;
    }
    if value.is_null() {
        return Some(Value::Null);
    }
    if let Some(flag) = value.as_bool() {
        return Some(Value::Bool(flag));
    }
    if let Some(number) = value.as_f64() {
        return Some(json_number(number));
    }
    if let Some(text) = value.as_string() {
        return Some(Value::String(text));
    }
    if js_sys::Array::is_array(value) {
        let items: &js_sys::Array = value.unchecked_ref();
        let items = items
            .iter()
            .map(|item| convert(&item, depth + 1).unwrap_or(Value::Null));
        return Some(Value::Array(items.collect()));
    }
    let object: &js_sys::Object = value.dyn_ref()?;
    let mut map = serde_json::Map::new();
    for key in js_sys::Object::keys(object).iter() {
        let item = js_sys::Reflect::get(object, &key).ok()?;
        if let (Some(key), Some(item)) = (key.as_string(), convert(&item, depth + 1)) {
            map.insert(key, item);
        }
    }
    Some(Value::Object(map))
}

/// Whole numbers stay integers (as `JSON.parse` + serde_json would read them).
fn json_number(number: f64) -> Value {
    const EXACT: f64 = 9_007_199_254_740_992.0; // 2^53
    if number.fract() == 0.0 && number.abs() < EXACT {
        if number >= 0.0 {
            Value::from(number as u64)
        } else {
            Value::from(number as i64)
        }
    } else {
        serde_json::Number::from_f64(number).map_or(Value::Null, Value::Number)
    }
}

/// `JSON.parse` of a text, `None` when it is not JSON (for placement options sent as text).
pub fn parse_json(text: &str) -> Option<Value> {
    from_js(&js_sys::JSON::parse(text).ok()?)
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
