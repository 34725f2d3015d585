#![doc = include_str!("../README.md")]
#![warn(missing_docs)]

mod answer;
mod auth;
mod batch;
mod client;
pub mod early;
mod error;
mod fetch;
pub mod form;
mod frame;
mod fresh;
mod handover;
mod js;
mod list;
mod pages;
mod retry;
mod sys;
mod transport;

pub use auth::Auth;
pub use batch::{Batch, BatchKey, BatchResults, Command, MAX_BATCH_COMMANDS, Response};
pub use client::{Rest, RetryNotice};
pub use error::{Error, Failure, NotInBitrix24, RestCode, RestError};
pub use fetch::FetchTransport;
pub use frame::{EventSubscription, FrameSize, OpenPathOutcome, PlacementInterface, SelectedUser};
pub use fresh::KeepAuthFresh;
pub use list::{IdCursor, PAGE_SIZE, pages_needed, row_id};
pub use pages::{ListPage, ListRequest, MAX_LIST_ROWS};
pub use retry::{LeakyBucket, RetryPolicy, is_read_method};
pub use transport::{HttpAnswer, Transport};

/// `JSON.parse` of a text, `None` when it is not JSON (placement options sent as text).
pub fn parse_json(text: &str) -> Option<Value> {
    js::parse_json(text)
}

use serde_json::Value;
use std::rc::Rc;
use wasm_bindgen::JsCast;

/// Timeouts and retries of a [`Bx24`] handle.
///
/// ```
/// use bx24::Options;
/// let options = Options { call_timeout_ms: 5_000, ..Options::default() };
/// assert_eq!(options.connect_timeout_ms, 10_000);
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct Options {
    /// How long [`connect`] waits for the portal's init data.
    pub connect_timeout_ms: u32,
    /// How long one REST attempt may take before it is aborted.
    pub call_timeout_ms: u32,
    /// How long a frame command waits for the portal (denied ones are never answered).
    pub command_timeout_ms: u32,
    /// How long commands answered only when a person is done wait: sliders
    /// (`openPath`, `openApplication`) and user pickers.
    pub interactive_timeout_ms: u32,
    /// When to retry REST calls.
    pub retry: RetryPolicy,
    /// Requests the client sends at once before it paces them ([`LeakyBucket`]).
    pub burst: u32,
    /// Requests per second once the burst is spent.
    pub requests_per_second: f64,
    /// Refreshed tokens the portal may refuse in a row before the session ends.
    pub max_refreshes: u32,
    /// How long before its expiry a token is refreshed in frames left open.
    pub refresh_ahead_ms: u32,
    /// The least time between two refreshes ahead of expiry. A token that lives shorter than
    /// this is never refreshed ahead, only when a call needs it: otherwise a portal handing
    /// out short-lived tokens (or the token it already holds) would be asked again at once.
    pub min_refresh_gap_ms: u32,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            connect_timeout_ms: 10_000,
            call_timeout_ms: 20_000,
            command_timeout_ms: 5_000,
            interactive_timeout_ms: 30 * 60 * 1_000,
            retry: RetryPolicy::default(),
            burst: 50,
            requests_per_second: 2.0,
            max_refreshes: 3,
            refresh_ahead_ms: 5 * 60 * 1_000,
            min_refresh_gap_ms: 30_000,
        }
    }
}

/// A connected frame: the BX24 library for the portal page, and the REST client (which it
/// derefs to) for everything sent to the portal. Cheap to clone.
///
/// ```no_run
/// # async fn demo() -> Result<(), bx24::Error> {
/// let bx24 = bx24::connect().await?;
/// let me = bx24.call::<serde_json::Value, _>("user.current", &()).await?; // Rest::call
/// let same_frame = bx24.clone();
/// # Ok(()) }
/// ```
#[derive(Clone)]
pub struct Bx24 {
    lib: sys::Library,
    options: Rc<Options>,
    rest: Rest<FetchTransport>,
}

impl std::ops::Deref for Bx24 {
    type Target = Rest<FetchTransport>;

    fn deref(&self) -> &Self::Target {
        &self.rest
    }
}

/// Connects with default [`Options`]: waits until the library has its init data.
///
/// ```no_run
/// # async fn demo() -> Result<(), bx24::Error> {
/// let bx24 = bx24::connect().await?;
/// println!("opened from {}", bx24.placement_info()?["placement"]);
/// # Ok(()) }
/// ```
pub async fn connect() -> Result<Bx24, Error> {
    connect_with(Options::default()).await
}

/// Connects with the given options.
///
/// Fails with [`Error::NotInBitrix24`] when the library is absent or failed to load (the page
/// was opened outside a portal frame) and with [`Error::Timeout`] when the portal never
/// answers `getInitData`.
///
/// ```no_run
/// use bx24::{connect_with, Options};
/// # async fn demo() -> Result<(), bx24::Error> {
/// let bx24 = connect_with(Options { connect_timeout_ms: 3_000, ..Options::default() }).await?;
/// # Ok(()) }
/// ```
pub async fn connect_with(options: Options) -> Result<Bx24, Error> {
    let lib = library()?;
    let timeout_ms = options.connect_timeout_ms;
    if !wait_for_init(&lib, timeout_ms).await? {
        return Err(Error::Timeout {
            operation: "BX24.init".into(),
            after_ms: timeout_ms,
        });
    }
    let bx24 = Bx24::new(lib, options);
    // A frame opened without a token asks the portal for one first: either it has one, or
    // this fails fast with a clear error.
    if bx24.auth().is_none() {
        bx24.refresh().await?;
    }
    Ok(bx24)
}

/// Whether the page has a usable `window.BX24` (without waiting for init data).
///
/// ```no_run
/// if !bx24::is_available() {
///     // show the "runs inside Bitrix24" page
/// }
/// ```
pub fn is_available() -> bool {
    library().is_ok()
}

/// A handle with default [`Options`] once the library holds its init data (a token), waiting
/// for it at most `wait_ms`; `None` outside a portal, after that wait, or when the portal gave
/// no token. Unlike [`connect`], it never asks the portal for a token: whoever connects later
/// does that, once.
///
/// ```no_run
/// # async fn demo() {
/// if let Some(bx24) = bx24::connect_if_ready(1_500).await {
///     // the fast path
/// }
/// # }
/// ```
pub async fn connect_if_ready(wait_ms: u32) -> Option<Bx24> {
    let lib = library().ok()?;
    wait_for_init(&lib, wait_ms).await.ok()?;
    let bx24 = Bx24::new(lib, Options::default());
    bx24.auth().is_some().then_some(bx24)
}

/// The answer of a handed-over batch of `commands`, waited for at most `wait_ms`.
async fn read_handed_over(
    commands: &[Command],
    answer: impl std::future::Future<Output = Result<HttpAnswer, Failure>>,
    wait_ms: u32,
) -> Result<BatchResults, Error> {
    let sent = js_sys::Date::now();
    let after = || (js_sys::Date::now() - sent) as u32;
    let answer = js::timeout(wait_ms, answer)
        .await
        .unwrap_or(Err(Failure::Timeout))
        .map_err(|failure| Error::Transport {
            method: "batch".into(),
            failure,
            after_ms: after(),
        })?;
    let outer = answer::read("batch", answer, after())?;
    let entries = answer::read_batch(commands, outer.result.map_err(Error::Rest)?)?;
    Ok(BatchResults { entries })
}

fn library() -> Result<sys::Library, Error> {
    let value = js::member(&js_sys::global(), "BX24");
    if value.is_null() {
        return Err(Error::NotInBitrix24(NotInBitrix24::LibraryFailed));
    }
    if !value.is_object() || !js::has_function(&value, "init") {
        return Err(Error::NotInBitrix24(NotInBitrix24::LibraryMissing));
    }
    Ok(value.unchecked_into())
}

/// The library's current token, if it has a usable one.
fn library_auth(lib: &sys::Library) -> Option<Auth> {
    frame::auth_from_js(&lib.get_auth().ok()?)
}

/// Waits at most `ms` for the library's init data; whether it came. `init(cb)` answers on
/// a 10 ms timer even when the data is long in, so a library that already holds a token
/// (the loader starts it before the wasm) is not asked. (Old copies of the library install
/// `userOption`/`appOption` from their own init callback, up to 10 ms after the data.)
async fn wait_for_init(lib: &sys::Library, ms: u32) -> Result<bool, Error> {
    if library_auth(lib).is_some() {
        return Ok(true);
    }
    let (callback, answered) = js::callback();
    lib.init(&callback).map_err(|e| thrown("init", &e))?;
    Ok(js::answer(answered, ms).await.is_some())
}

/// `<scheme>://<portal>/rest/`: the host as the library has it, the scheme as the frame's
/// name says (`<host>|<1 = https>|<sid>`, bitrix24.md §2).
fn endpoint(lib: &sys::Library) -> String {
    let name = web_sys::window()
        .and_then(|w| w.name().ok())
        .unwrap_or_default();
    let mut fields = name.split('|');
    let named_host = fields.next().unwrap_or_default().to_owned();
    // Any non-zero number means https, as the library reads it (integers only here: a float
    // parser would cost the bundle about 15 KB).
    let https = fields
        .next()
        .and_then(|p| p.trim().parse::<i64>().ok())
        .is_some_and(|p| p != 0);
    let host = lib
        .get_domain()
        .ok()
        .and_then(|d| d.as_string())
        .filter(|d| !d.is_empty())
        .unwrap_or(named_host);
    format!("{}://{host}/rest/", if https { "https" } else { "http" })
}

fn thrown(operation: &str, exception: &wasm_bindgen::JsValue) -> Error {
    Error::Js {
        operation: operation.to_owned(),
        message: js::describe(exception),
    }
}

impl Bx24 {
    fn new(lib: sys::Library, options: Options) -> Self {
        let transport = FetchTransport::new(lib.clone(), options.command_timeout_ms);
        let rest = Rest::new(transport, endpoint(&lib), library_auth(&lib), &options);
        Self {
            lib,
            options: Rc::new(options),
            rest,
        }
    }

    /// The options in force.
    ///
    /// ```no_run
    /// # async fn demo(bx24: bx24::Bx24) {
    /// assert!(bx24.options().call_timeout_ms > 0);
    /// # }
    /// ```
    pub fn options(&self) -> &Options {
        &self.options
    }

    /// Calls `listener` before every retry (for a visible countdown).
    ///
    /// ```no_run
    /// # fn demo(bx24: bx24::Bx24) {
    /// let bx24 = bx24.on_retry(|notice| {
    ///     eprintln!("retrying in {} ms: {}", notice.delay_ms, notice.error);
    /// });
    /// # }
    /// ```
    pub fn on_retry(self, listener: impl Fn(&RetryNotice) + 'static) -> Self {
        self.rest.on_retry(listener);
        self
    }

    /// Asks the portal for a new token now and gives it. A portal whose refresh fails never
    /// answers, so this ends in [`Error::Timeout`] rather than hanging; one that answers
    /// with a token already expired ends the session with an `expired_token` error.
    ///
    /// ```no_run
    /// # async fn demo(bx24: bx24::Bx24) -> Result<(), bx24::Error> {
    /// let auth = bx24.refresh_auth().await?;
    /// # Ok(()) }
    /// ```
    pub async fn refresh_auth(&self) -> Result<Auth, Error> {
        self.rest.refresh().await?;
        // A refresh that succeeded always leaves a token; this only keeps the API panic-free.
        self.rest
            .auth()
            .ok_or_else(|| Error::Unsupported("refreshAuth without a token".into()))
    }

    /// Sends a batch of at most 50 commands (one request) and leaves it for the next
    /// [`Rest::batch`] of the same commands on this page, in this wasm instance or another
    /// one (see `handover`), which then waits for this request's answer instead of sending
    /// its own. Gives this request's results if they come within `wait_ms`; never retries.
    ///
    /// ```no_run
    /// use bx24::Batch;
    /// use serde_json::Value;
    /// # async fn demo(bx24: bx24::Bx24) {
    /// let mut batch = Batch::new();
    /// let me = batch.add::<Value, _>("me", "user.current", &()).unwrap();
    /// if let Ok(results) = bx24.batch_to_hand_over(&batch, 1_500).await {
    ///     // draw something early; the app's `bx24.batch(&batch)` gets the same results
    /// }
    /// # }
    /// ```
    pub async fn batch_to_hand_over(
        &self,
        batch: &Batch,
        wait_ms: u32,
    ) -> Result<BatchResults, Error> {
        if batch.len() > MAX_BATCH_COMMANDS {
            return Err(Error::Unsupported(
                "handing over a batch of several requests".into(),
            ));
        }
        let (commands, url, body) = self
            .rest
            .hand_over_request(batch)
            .ok_or_else(|| Error::Unsupported("handing over without a token".into()))?;
        let answer = handover::send_and_publish(&url, body, self.options.call_timeout_ms);
        read_handed_over(&commands, answer, wait_ms).await
    }

    /// `BX24.placement.info()` as JSON: `{"placement": CODE, "options": {…}}`. The options
    /// of some portals arrive as JSON text; [`parse_json`] reads them as the page would.
    ///
    /// ```no_run
    /// # fn demo(bx24: bx24::Bx24) -> Result<(), bx24::Error> {
    /// let info = bx24.placement_info()?;
    /// println!("opened from {}", info["placement"]);
    /// # Ok(()) }
    /// ```
    pub fn placement_info(&self) -> Result<Value, Error> {
        let placement = self.lib.placement();
        if !js::has_function(&placement, "info") {
            return Err(Error::Unsupported("placement.info".into()));
        }
        let info = placement
            .unchecked_into::<sys::PlacementApi>()
            .info()
            .map_err(|e| thrown("placement.info", &e))?;
        Ok(js::from_js(&info).unwrap_or_default())
    }

    /// The portal's `LANG` code (Bitrix24's own codes: `la` is Spanish, `ua` Ukrainian).
    ///
    /// ```no_run
    /// # fn demo(bx24: bx24::Bx24) {
    /// let lang = bx24.lang(); // "en", "de", "la", …
    /// # }
    /// ```
    pub fn lang(&self) -> String {
        self.lib
            .get_lang()
            .ok()
            .and_then(|v| v.as_string())
            .unwrap_or_default()
    }

    /// The portal host, with `:port` when not the default.
    ///
    /// ```no_run
    /// # fn demo(bx24: bx24::Bx24) {
    /// let portal = bx24.domain();
    /// # }
    /// ```
    pub fn domain(&self) -> String {
        self.lib
            .get_domain()
            .ok()
            .and_then(|v| v.as_string())
            .unwrap_or_default()
    }

    /// Whether the current user administers the portal (or may install apps).
    ///
    /// ```no_run
    /// # fn demo(bx24: bx24::Bx24) {
    /// if bx24.is_admin() { /* show settings */ }
    /// # }
    /// ```
    pub fn is_admin(&self) -> bool {
        self.lib
            .is_admin()
            .ok()
            .and_then(|v| v.as_bool())
            .unwrap_or(false)
    }
}
