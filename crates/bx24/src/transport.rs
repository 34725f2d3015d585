//! The seam under the REST client: how a request reaches the portal, how a fresh token is
//! got, and the clock. The browser's is [`crate::FetchTransport`] (gloo-net, the BX24 library
//! for tokens, browser timers); tests script their own and run the client natively.

use crate::{Auth, Error, Failure};
use serde_json::Value;
use std::future::Future;

/// What came back for one HTTP request.
///
/// ```
/// use bx24::HttpAnswer;
/// use serde_json::json;
/// let answer = HttpAnswer { status: 200, body: Some(json!({"result": true})) };
/// assert!(answer.body.is_some());
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct HttpAnswer {
    /// The HTTP status.
    pub status: u16,
    /// The body read as JSON; `None` when it is not JSON (a proxy's HTML page, a cut body).
    pub body: Option<Value>,
}

/// Everything the REST client needs from its surroundings.
///
/// ```
/// use bx24::{Auth, Error, Failure, HttpAnswer, Transport};
/// use serde_json::json;
/// /// A portal that answers `true` to everything, on a clock that never moves.
/// struct Always;
/// impl Transport for Always {
///     async fn post(&self, _url: &str, _body: String, _timeout_ms: u32) -> Result<HttpAnswer, Failure> {
///         Ok(HttpAnswer { status: 200, body: Some(json!({"result": true})) })
///     }
///     async fn refresh_auth(&self) -> Result<Auth, Error> {
///         Ok(Auth::new("token-2", 3_600_000.0))
///     }
///     async fn sleep(&self, _ms: u32) {}
///     fn now_ms(&self) -> f64 { 0.0 }
///     fn random(&self) -> f64 { 0.5 }
/// }
/// ```
pub trait Transport {
    /// POSTs the form body `body` to `url`, giving up (and aborting) after `timeout_ms`.
    /// Fails with [`Failure::Network`] or [`Failure::Timeout`] only: an answer that is not
    /// JSON is an answer (`body: None`).
    fn post(
        &self,
        url: &str,
        body: String,
        timeout_ms: u32,
    ) -> impl Future<Output = Result<HttpAnswer, Failure>>;

    /// Asks the portal page for a fresh token (`BX24.refreshAuth`).
    fn refresh_auth(&self) -> impl Future<Output = Result<Auth, Error>>;

    /// Resolves after `ms` milliseconds.
    fn sleep(&self, ms: u32) -> impl Future<Output = ()>;

    /// Milliseconds since the epoch.
    fn now_ms(&self) -> f64;

    /// A uniform number in `[0, 1)`, for jitter.
    fn random(&self) -> f64;
}
