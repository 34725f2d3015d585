//! One request, two wasm instances. The first-paint binary sends the card's batch and draws
//! the card from its answer; the app, loaded after it, runs the same batch and must not send
//! it again (the card costs exactly one REST request, and a fault must not cost more attempts
//! than it did before the split).
//!
//! Both instances share the page's JS realm, so the sender leaves the request on the global
//! object under a registered symbol: a fingerprint of the request (URL and body) and a promise
//! of its answer. The first POST of the same request in either instance takes it, once, and
//! waits on that promise instead of sending; retries send as usual. Nothing secret is left
//! there: no token (the fingerprint is a hash), only the answer the page already holds.

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

/// What identifies a request: a hash of its URL and body, equal in every instance built from
/// this code (the hasher's keys are fixed).
fn key(url: &str, body: &str) -> String {
    use std::hash::{DefaultHasher, Hash, Hasher};
    let mut hasher = DefaultHasher::new();
    (url, body).hash(&mut hasher);
    hasher.finish().to_string()
}

/// Sends a POST now and leaves it for the next [`adopt`] of the same URL and body; its answer.
pub(crate) fn send_and_publish(
    url: &str,
    body: String,
    timeout_ms: u32,
) -> impl Future<Output = Result<HttpAnswer, Failure>> + use<> {
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

/// Takes the request left for this URL and body, if there is one; any other stays. Costs one
/// property read when none is waiting (every later request).
pub(crate) fn adopt(
    url: &str,
    body: &str,
) -> Option<impl Future<Output = Result<HttpAnswer, Failure>> + use<>> {
    let global = js_sys::global();
    let request = Reflect::get(&global, &slot()).ok()?;
    if !request.is_object() || js::member(&request, "key").as_string()? != key(url, body) {
        return None;
    }
    let _ = Reflect::delete_property(global.unchecked_ref::<js_sys::Object>(), &slot());
    let answer: Promise = js::member(&request, "answer").dyn_into().ok()?;
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
