//! The only code that touches `window.BX24`: a typed async API over the library Bitrix24
//! loads into frame applications (bitrix24.md §3–§5).
//!
//! - [`connect`] waits for the library's init data and gives a [`Bx24`] handle.
//! - [`Bx24::placement`] is the typed placement context.
//! - [`Bx24::call`], [`Bx24::batch`] and [`Bx24::list`] run REST methods with serde types,
//!   timeouts and the retry policy of [`RetryPolicy`].
//! - Frame commands ([`Bx24::fit_window`], [`Bx24::open_path`], …) are futures with timeouts,
//!   because the portal never answers denied or unknown commands.
//!
//! Everything fails with the one [`Error`] type.

mod batch;
mod error;
mod frame;
mod handover;
mod js;
mod list;
mod lost;
mod rest;
mod retry;
mod sys;

pub use batch::{Batch, BatchKey, BatchResults, Command, MAX_BATCH_COMMANDS, Response};
pub use error::{Error, NotInBitrix24, RestCode, RestError};
pub use frame::{
    Auth, EventSubscription, FrameSize, OpenPathOutcome, PlacementInterface, SelectedUser,
};
pub use list::{IdCursor, PAGE_SIZE, pages_needed, row_id};
pub use rest::{ListPage, ListRequest, MAX_LIST_ROWS, RetryNotice};
pub use retry::{RetryPolicy, is_read_method};

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
    /// How long one REST attempt may take before it counts as lost (the library throws
    /// instead of calling back on 5xx and network errors).
    pub call_timeout_ms: u32,
    /// How long a frame command waits for the portal (denied ones are never answered).
    pub command_timeout_ms: u32,
    /// How long commands answered only when a person is done wait: sliders
    /// (`openPath`, `openApplication`) and user pickers.
    pub interactive_timeout_ms: u32,
    /// When to retry REST calls.
    pub retry: RetryPolicy,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            connect_timeout_ms: 10_000,
            call_timeout_ms: 20_000,
            command_timeout_ms: 5_000,
            interactive_timeout_ms: 30 * 60 * 1_000,
            retry: RetryPolicy::default(),
        }
    }
}

/// A connected BX24 library. Cheap to clone.
///
/// ```no_run
/// # async fn demo() -> Result<(), bx24::Error> {
/// let bx24 = bx24::connect().await?;
/// let same_library = bx24.clone();
/// # Ok(()) }
/// ```
#[derive(Clone)]
pub struct Bx24 {
    lib: sys::Library,
    options: Rc<Options>,
    on_retry: Option<RetryListener>,
}

type RetryListener = Rc<dyn Fn(&RetryNotice)>;

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
    let bx24 = Bx24::new(library()?, options);
    let timeout_ms = bx24.options.connect_timeout_ms;
    if !bx24.wait_for_init(timeout_ms).await? {
        return Err(Error::Timeout {
            operation: "BX24.init".into(),
            after_ms: timeout_ms,
        });
    }
    // A frame opened without a token would send `auth=undefined`; the library then loses the
    // first batch's callback and the card waits out every timeout. Ask the portal for a token
    // first: either it has one, or this fails fast with a clear error.
    if bx24.auth().is_none() {
        bx24.refresh_auth().await?;
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
    let bx24 = Bx24::new(library().ok()?, Options::default());
    bx24.wait_for_init(wait_ms).await.ok()?;
    bx24.auth().is_some().then_some(bx24)
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

fn thrown(operation: &str, exception: &wasm_bindgen::JsValue) -> Error {
    Error::Js {
        operation: operation.to_owned(),
        message: js::describe(exception),
    }
}

impl Bx24 {
    fn new(lib: sys::Library, options: Options) -> Self {
        Self {
            lib,
            options: Rc::new(options),
            on_retry: None,
        }
    }

    /// Waits at most `ms` for the library's init data; whether it came. `init(cb)` answers on
    /// a 10 ms timer even when the data is long in, so a library that already holds a token
    /// (the loader starts it before the wasm) is not asked. (Old copies of the library install
    /// `userOption`/`appOption` from their own init callback, up to 10 ms after the data.)
    async fn wait_for_init(&self, ms: u32) -> Result<bool, Error> {
        if self.auth().is_some() {
            return Ok(true);
        }
        let (callback, answered) = js::callback();
        self.lib.init(&callback).map_err(|e| thrown("init", &e))?;
        Ok(js::answer(answered, ms).await.is_some())
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
    pub fn on_retry(mut self, listener: impl Fn(&RetryNotice) + 'static) -> Self {
        self.on_retry = Some(Rc::new(listener));
        self
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
