//! One request, two wasm instances. The first-paint binary sends the card's batch and draws
//! the card from its answer; the app, loaded after it, runs the same batch and must not send
//! it again (the card costs exactly one REST request, and a fault must not cost more attempts
//! than it did before the split).
//!
//! Both instances share the page's JS realm, so the sender leaves the request on the global
//! object under a registered symbol: which batch it is (the calls' JSON), when it was sent,
//! the fingerprint of its token, and a promise of the library's answer. The first batch of
//! the same calls in either instance takes it, once, and waits on that promise instead of
//! sending; retries send as usual. Nothing secret is left there: no token, only the answer
//! the page already holds.

use super::{js, lost};
use futures::channel::oneshot;
use js_sys::{Promise, Reflect};
use wasm_bindgen::{JsCast, JsValue};

/// The registered symbol's name (`Symbol.for`), the same in every instance.
const SLOT: &str = "profile-widget.first-request";

/// A request taken over from the instance that sent it.
pub(super) struct Adopted {
    /// The library's answer, when it comes.
    pub answered: oneshot::Receiver<JsValue>,
    /// When it was sent, and with which token.
    pub sent: lost::Sent,
}

fn slot() -> JsValue {
    js_sys::Symbol::for_(SLOT).into()
}

/// What identifies a batch: its calls as JSON (method, parameters, order) and `halt`.
pub(super) fn key(calls: &JsValue, halt: bool) -> Option<String> {
    let json = js_sys::JSON::stringify(calls).ok()?;
    Some(format!("{halt}:{}", String::from(json)))
}

/// Leaves a request sent at `sent`, whose answer `answer` will resolve to, for the next batch
/// of the same `key`.
pub(super) fn publish(key: &str, sent: &lost::Sent, answer: &Promise) {
    let request = js_sys::Object::new();
    let _ = Reflect::set(&request, &"key".into(), &key.into());
    let _ = Reflect::set(&request, &"at".into(), &sent.at().into());
    // A u64 does not fit a JS number; its decimal text does.
    let token = sent.token().map(|print| print.to_string());
    let _ = Reflect::set(&request, &"token".into(), &token.into());
    let _ = Reflect::set(&request, &"answer".into(), answer);
    let _ = Reflect::set(&js_sys::global(), &slot(), &request);
}

/// Takes the request left for the batch of `calls` and `halt`, if there is one; any other
/// request stays. Costs one property read when none is waiting (every later batch).
pub(super) fn adopt(calls: &JsValue, halt: bool) -> Option<Adopted> {
    let global = js_sys::global();
    let request = Reflect::get(&global, &slot()).ok()?;
    if !request.is_object() || js::member(&request, "key").as_string()? != key(calls, halt)? {
        return None;
    }
    let _ = Reflect::delete_property(global.unchecked_ref::<js_sys::Object>(), &slot());
    let answer: Promise = js::member(&request, "answer").dyn_into().ok()?;
    let at = js::member(&request, "at").as_f64()?;
    let token = js::member(&request, "token")
        .as_string()
        .and_then(|print| print.parse().ok());
    Some(Adopted {
        answered: js::fulfilled(&answer)?,
        sent: lost::sent_before(at, token),
    })
}
