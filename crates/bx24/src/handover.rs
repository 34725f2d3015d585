//! One request, two wasm instances. The first-paint binary sends the card's batch and draws
//! the card from its answer; the app, loaded after it, runs the same batch and must not send
//! it again (the card costs exactly one REST request, and a fault must not cost more attempts
//! than it did before the split).
//!
//! Both instances share the page's JS realm, so the sender leaves the request on the global
//! object under a registered symbol: its key (the URL and the body without the token) and a
//! promise of its answer. The first POST of the same request in either instance takes it,
//! once, and waits on that promise instead of sending; retries send as usual. Nothing secret
//! is left there: no token, only the answer the page already holds.
//!
//! The page's inline loader may have sent the request first, before any wasm arrived (it
//! builds the same key from the body [`Batch::request_body`](crate::Batch::request_body)
//! gives): the first paint then waits on that one and leaves it for the app.

use crate::error::Failure;
use crate::fetch::{answer_from_js, post_js};
use crate::js;
use crate::transport::HttpAnswer;
use js_sys::{Promise, Reflect};
use std::future::Future;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// The registered symbol's name (`Symbol.for`), the same in every instance.
const SLOT: &str = "profile-widget.first-request";

fn slot() -> JsValue {
    js_sys::Symbol::for_(SLOT).into()
}

/// What identifies a request: its URL and its body without the token (`auth=…&` first), the
/// same in every instance and in the page's loader, which knows no other token. A space
/// joins them (neither holds one, and the loader's text must do without escapes: the page's
/// minifier rewrites them).
fn key(url: &str, body: &str) -> String {
    let params = match body.strip_prefix("auth=") {
        Some(rest) => rest.split_once('&').map_or("", |(_, params)| params),
        None => body,
    };
    format!("{url} {params}")
}

/// The answer of the request the page left for this URL and body, if any, leaving it there.
fn waiting(url: &str, body: &str) -> Option<Promise> {
    let request = Reflect::get(&js_sys::global(), &slot()).ok()?;
    if !request.is_object() || js::member(&request, "key").as_string()? != key(url, body) {
        return None;
    }
    js::member(&request, "answer").dyn_into().ok()
}

/// Leaves a POST for the next [`adopt`] of the same URL and body, sending it now unless the
/// page's loader already has; its answer.
pub(crate) fn send_and_publish(
    url: &str,
    body: String,
    timeout_ms: u32,
) -> impl Future<Output = Result<HttpAnswer, Failure>> + use<> {
    if let Some(answer) = waiting(url, &body) {
        return answer_of(answer);
    }
    let request = js_sys::Object::new();
    let _ = Reflect::set(&request, &"key".into(), &key(url, &body).into());
    let url = url.to_owned();
    let answer = wasm_bindgen_futures::future_to_promise(async move {
        let outcome = js_sys::Object::new();
        match post_js(&url, body, timeout_ms).await {
            Ok((status, json)) => {
                let _ = Reflect::set(&outcome, &"status".into(), &status.into());
                let _ = Reflect::set(&outcome, &"body".into(), &json);
            }
            Err(failure) => {
                let name = if failure == Failure::Timeout {
                    "timeout"
                } else {
                    "network"
                };
                let _ = Reflect::set(&outcome, &"failure".into(), &name.into());
            }
        }
        Ok(outcome.into())
    });
    let _ = Reflect::set(&request, &"answer".into(), &answer);
    let _ = Reflect::set(&js_sys::global(), &slot(), &request);
    answer_of(answer)
}

/// The answer of the request left for this URL and params (no token), leaving it for the
/// app's [`adopt`] (the first paint waits on it too).
pub(crate) fn left(
    url: &str,
    params: &str,
) -> Option<impl Future<Output = Result<HttpAnswer, Failure>> + use<>> {
    Some(answer_of(waiting(url, params)?))
}

/// Takes the request left for this URL and body, if there is one; any other stays. Costs one
/// property read when none is waiting (every later request).
pub(crate) fn adopt(
    url: &str,
    body: &str,
) -> Option<impl Future<Output = Result<HttpAnswer, Failure>> + use<>> {
    let answer = waiting(url, body)?;
    let global = js_sys::global();
    let _ = Reflect::delete_property(global.unchecked_ref::<js_sys::Object>(), &slot());
    Some(answer_of(answer))
}

async fn answer_of(answer: Promise) -> Result<HttpAnswer, Failure> {
    let outcome = JsFuture::from(answer).await.map_err(|_| Failure::Network)?;
    match js::member(&outcome, "failure").as_string().as_deref() {
        Some("timeout") => Err(Failure::Timeout),
        Some(_) => Err(Failure::Network),
        None => {
            let status = js::member(&outcome, "status").as_f64().unwrap_or_default() as u16;
            Ok(answer_from_js(status, &js::member(&outcome, "body")))
        }
    }
}
