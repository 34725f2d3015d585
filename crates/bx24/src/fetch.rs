//! The browser's [`Transport`]: REST over `fetch` (gloo-net), tokens from the BX24 library's
//! `refreshAuth`, browser timers.
//!
//! Each request is a form-encoded POST (a CORS "simple" request: no preflight) with `auth` in
//! the body, aborted by an `AbortController` when its time is up. Every HTTP status is seen:
//! unlike the library's XHR, nothing is thrown away on a 5xx or an unparsable body.

use crate::error::{Error, Failure};
use crate::frame::{auth_from_js, command};
use crate::transport::{HttpAnswer, Transport};
use crate::{Auth, handover, js, sys};
use futures::future::LocalBoxFuture;
use std::future::Future;
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;

/// REST over `fetch`, tokens from the library. Made by [`crate::connect`].
#[derive(Clone)]
pub struct FetchTransport {
    lib: sys::Library,
    command_timeout_ms: u32,
}

impl FetchTransport {
    pub(crate) fn new(lib: sys::Library, command_timeout_ms: u32) -> Self {
        Self {
            lib,
            command_timeout_ms,
        }
    }
}

/// The status and the JSON body (a JS value; `undefined` when not JSON) of a POST, or why
/// there is none. A timer aborts the request, body included, after `timeout_ms`.
pub(crate) async fn post_js(
    url: &str,
    body: String,
    timeout_ms: u32,
) -> Result<(u16, JsValue), Failure> {
    let controller = web_sys::AbortController::new().map_err(|_| Failure::Network)?;
    let signal = controller.signal();
    let abort = gloo_timers::callback::Timeout::new(timeout_ms, move || controller.abort());
    let request = gloo_net::http::Request::post(url)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .abort_signal(Some(&signal))
        .body(body)
        .map_err(|_| Failure::Network)?;
    let failed = || {
        if signal.aborted() {
            Failure::Timeout
        } else {
            Failure::Network
        }
    };
    let response = request.send().await.map_err(|_| failed())?;
    let status = response.status();
    let json = match web_sys::Response::from(response).json() {
        Ok(promise) => match JsFuture::from(promise).await {
            Ok(json) => json,
            Err(_) if signal.aborted() => return Err(Failure::Timeout),
            Err(_) => JsValue::UNDEFINED,
        },
        Err(_) => JsValue::UNDEFINED,
    };
    drop(abort); // answered in time: the timer is cleared
    Ok((status, json))
}

/// An answer read across the JS boundary.
pub(crate) fn answer_from_js(status: u16, json: &JsValue) -> HttpAnswer {
    HttpAnswer {
        status,
        body: js::from_js(json),
    }
}

impl Transport for FetchTransport {
    /// Boxed: one copy of the request's state machine serves every caller (the retry loop and
    /// the session check would each inline their own into the bundle).
    fn post(
        &self,
        url: &str,
        body: String,
        timeout_ms: u32,
    ) -> impl Future<Output = Result<HttpAnswer, Failure>> {
        let adopted = handover::adopt(url, &body);
        let url = url.to_owned();
        let exchange: LocalBoxFuture<'static, _> = Box::pin(async move {
            if let Some(adopted) = adopted {
                return adopted.await; // aborted at the sender's own call timeout
            }
            let (status, json) = post_js(&url, body, timeout_ms).await?;
            Ok(answer_from_js(status, &json))
        });
        exchange
    }

    /// A portal whose refresh fails never answers, so this ends in [`Error::Timeout`] rather
    /// than hanging; one that answers with a token already expired (`AUTH_EXPIRES` 0 or in the
    /// past: the library then reports no token) ends in an `expired_token` error.
    async fn refresh_auth(&self) -> Result<Auth, Error> {
        let answer = command("refreshAuth", self.command_timeout_ms, |cb| {
            self.lib.refresh_auth(cb)
        })
        .await?;
        auth_from_js(&answer).ok_or_else(|| {
            Error::Rest(crate::RestError {
                method: "refreshAuth".into(),
                code: crate::RestCode::ExpiredToken,
                description: "the portal's new token had already expired".into(),
                status: None,
            })
        })
    }

    async fn sleep(&self, ms: u32) {
        js::sleep(ms).await;
    }

    fn now_ms(&self) -> f64 {
        js_sys::Date::now()
    }

    fn random(&self) -> f64 {
        js_sys::Math::random()
    }
}
