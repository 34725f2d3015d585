//! Frame commands: the parent page's side of the protocol, as futures with timeouts.

mod im;
mod options;
mod pickers;

pub use pickers::SelectedUser;

use super::batch::{decode, params_value};
use super::error::Error;
use super::{Bx24, js, sys, thrown};
use crate::Auth;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

/// The frame size the portal measured after a resize.
///
/// ```
/// let size = bx24::FrameSize { width: 640.0, height: 480.0 };
/// assert!(size.height > 0.0);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Deserialize)]
pub struct FrameSize {
    /// Width in pixels.
    #[serde(default)]
    pub width: f64,
    /// Height in pixels.
    #[serde(default)]
    pub height: f64,
}

/// How an `openPath` slider ended.
///
/// ```no_run
/// use bx24::OpenPathOutcome;
/// # async fn demo(bx24: bx24::Bx24) -> Result<(), bx24::Error> {
/// if let OpenPathOutcome::Refused(code) = bx24.open_path("/company/personal/user/42/").await? {
///     println!("the portal refused: {code}");
/// }
/// # Ok(()) }
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum OpenPathOutcome {
    /// The slider was opened and later closed.
    Closed,
    /// The portal refused: `PATH_NOT_AVAILABLE`, `METHOD_NOT_SUPPORTED_ON_DEVICE`, …
    Refused(String),
}

/// The commands and events a placement offers beyond the standard ones.
///
/// ```
/// use bx24::PlacementInterface;
/// let none: PlacementInterface = serde_json::from_str(r#"{"command":[],"event":[]}"#).unwrap();
/// assert!(none.event.is_empty());
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
pub struct PlacementInterface {
    /// Extra commands for `placement.call`.
    #[serde(default)]
    pub command: Vec<String>,
    /// Events for `placement.bindEvent`.
    #[serde(default)]
    pub event: Vec<String>,
}

/// The library's token (`BX24.getAuth()` or a `refreshAuth` answer): `None` for `false`,
/// a missing token or a missing expiry.
pub(crate) fn auth_from_js(value: &JsValue) -> Option<Auth> {
    let value = js::from_js(value)?;
    let text = |key: &str| value.get(key).and_then(Value::as_str).map(str::to_owned);
    let mut auth = Auth::new(
        text("access_token").filter(|t| !t.is_empty())?,
        value.get("expires_in").and_then(Value::as_f64)?,
    );
    auth.domain = text("domain").unwrap_or_default();
    auth.member_id = text("member_id").unwrap_or_default();
    Some(auth)
}

/// A placement event binding. The handler runs on every firing until this is dropped.
///
/// ```no_run
/// # fn demo(bx24: bx24::Bx24) -> Result<(), bx24::Error> {
/// let subscription = bx24.bind_placement_event("SomeEvent", |payload| println!("{payload}"))?;
/// drop(subscription); // quiet from now on
/// # Ok(()) }
/// ```
#[must_use = "the event handler stops when the subscription is dropped"]
pub struct EventSubscription {
    active: Rc<Cell<bool>>,
}

impl Drop for EventSubscription {
    fn drop(&mut self) {
        // The library keeps the callback forever; it stays alive but goes quiet.
        self.active.set(false);
    }
}

/// Sends a frame command through `send` and waits for the portal's answer.
pub(crate) async fn command(
    operation: &str,
    timeout_ms: u32,
    send: impl FnOnce(&JsValue) -> Result<(), JsValue>,
) -> Result<JsValue, Error> {
    let (callback, answered) = js::callback();
    send(&callback).map_err(|e| thrown(operation, &e))?;
    js::answer(answered, timeout_ms)
        .await
        .ok_or_else(|| Error::Timeout {
            operation: format!("BX24.{operation}"),
            after_ms: timeout_ms,
        })
}

impl Bx24 {
    async fn command(
        &self,
        operation: &str,
        timeout_ms: u32,
        send: impl FnOnce(&JsValue) -> Result<(), JsValue>,
    ) -> Result<JsValue, Error> {
        command(operation, timeout_ms, send).await
    }

    fn sub_api<T: JsCast>(&self, object: JsValue, member: &str, name: &str) -> Result<T, Error> {
        if js::has_function(&object, member) {
            Ok(object.unchecked_into())
        } else {
            Err(Error::Unsupported(name.to_owned()))
        }
    }

    /// Fits the frame's height to the content (`BX24.fitWindow`).
    ///
    /// ```no_run
    /// # async fn demo(bx24: bx24::Bx24) -> Result<(), bx24::Error> {
    /// let size = bx24.fit_window().await?;
    /// # Ok(()) }
    /// ```
    pub async fn fit_window(&self) -> Result<FrameSize, Error> {
        let answer = self
            .command("fitWindow", self.options.command_timeout_ms, |cb| {
                self.lib.fit_window(cb)
            })
            .await?;
        decode("fitWindow", js::from_js(&answer).unwrap_or_default())
    }

    /// Resizes the frame to `width`×`height` pixels; both must be positive (the library
    /// silently sends nothing otherwise, so this fails at once instead).
    ///
    /// ```no_run
    /// # async fn demo(bx24: bx24::Bx24) -> Result<(), bx24::Error> {
    /// bx24.resize_window(600, 400).await?;
    /// # Ok(()) }
    /// ```
    pub async fn resize_window(&self, width: u32, height: u32) -> Result<FrameSize, Error> {
        if width == 0 || height == 0 {
            return Err(Error::Decode {
                method: "resizeWindow".into(),
                path: if width == 0 { "width" } else { "height" }.into(),
                message: "must be positive".into(),
            });
        }
        let answer = self
            .command("resizeWindow", self.options.command_timeout_ms, |cb| {
                self.lib.resize_window(width, height, cb)
            })
            .await?;
        decode("resizeWindow", js::from_js(&answer).unwrap_or_default())
    }

    /// Sets the slider title. Only the application's own page may: in the profile
    /// placements the portal drops it and this ends in [`Error::Timeout`].
    ///
    /// ```no_run
    /// # async fn demo(bx24: bx24::Bx24) -> Result<(), bx24::Error> {
    /// bx24.set_title("Settings").await?;
    /// # Ok(()) }
    /// ```
    pub async fn set_title(&self, title: &str) -> Result<(), Error> {
        self.command("setTitle", self.options.command_timeout_ms, |cb| {
            self.lib.set_title(title, cb)
        })
        .await
        .map(drop)
    }

    /// Opens a portal page in a slider and resolves when it closes. Older library copies
    /// have no `openPath`: [`Error::Unsupported`].
    ///
    /// ```no_run
    /// # async fn demo(bx24: bx24::Bx24) -> Result<(), bx24::Error> {
    /// bx24.open_path("/company/personal/user/42/").await?;
    /// # Ok(()) }
    /// ```
    pub async fn open_path(&self, path: &str) -> Result<OpenPathOutcome, Error> {
        if !js::has_function(&self.lib, "openPath") {
            return Err(Error::Unsupported("openPath".into()));
        }
        let answer = self
            .command("openPath", self.options.interactive_timeout_ms, |cb| {
                self.lib.open_path(path, cb)
            })
            .await?;
        Ok(open_path_outcome(&js::from_js(&answer).unwrap_or_default()))
    }

    /// Opens the application's own page in a slider with `params` (and slider `settings`
    /// such as `{"title": …, "width": …}`), resolving when it closes.
    ///
    /// ```no_run
    /// use serde_json::json;
    /// # async fn demo(bx24: bx24::Bx24) -> Result<(), bx24::Error> {
    /// bx24.open_application(&json!({"view": "org"}), &json!({"title": "Org chart"})).await?;
    /// # Ok(()) }
    /// ```
    pub async fn open_application<P: Serialize + ?Sized, S: Serialize + ?Sized>(
        &self,
        params: &P,
        settings: &S,
    ) -> Result<(), Error> {
        let params = js::to_js(&params_value("openApplication", params)?);
        let settings = js::to_js(&params_value("openApplication", settings)?);
        self.command(
            "openApplication",
            self.options.interactive_timeout_ms,
            |cb| self.lib.open_application(&params, cb, &settings),
        )
        .await
        .map(drop)
    }

    /// Closes the top slider if it is this application's.
    ///
    /// ```no_run
    /// # async fn demo(bx24: bx24::Bx24) -> Result<(), bx24::Error> {
    /// bx24.close_application().await?;
    /// # Ok(()) }
    /// ```
    pub async fn close_application(&self) -> Result<(), Error> {
        self.command("closeApplication", self.options.command_timeout_ms, |cb| {
            self.lib.close_application(cb)
        })
        .await
        .map(drop)
    }

    /// Ends the installation (`BX24.installFinish`): the portal page reloads. A no-op in
    /// the library when the app is already installed.
    ///
    /// ```no_run
    /// # fn demo(bx24: bx24::Bx24) -> Result<(), bx24::Error> {
    /// bx24.install_finish()?;
    /// # Ok(()) }
    /// ```
    pub fn install_finish(&self) -> Result<(), Error> {
        self.lib
            .install_finish()
            .map_err(|e| thrown("installFinish", &e))
    }

    /// The placement's extra commands and events (`placement.getInterface`).
    ///
    /// ```no_run
    /// # async fn demo(bx24: bx24::Bx24) -> Result<(), bx24::Error> {
    /// let interface = bx24.placement_interface().await?;
    /// # Ok(()) }
    /// ```
    pub async fn placement_interface(&self) -> Result<PlacementInterface, Error> {
        let api: sys::PlacementApi = self.sub_api(
            self.lib.placement(),
            "getInterface",
            "placement.getInterface",
        )?;
        let answer = self
            .command(
                "placement.getInterface",
                self.options.command_timeout_ms,
                |cb| api.get_interface(cb),
            )
            .await?;
        match js::from_js(&answer) {
            Some(value @ Value::Object(_)) => decode("placement.getInterface", value),
            _ => Ok(PlacementInterface::default()), // `[]`: nothing registered
        }
    }

    /// Runs `handler` with the payload of every firing of a placement event.
    ///
    /// ```no_run
    /// # fn demo(bx24: bx24::Bx24) -> Result<(), bx24::Error> {
    /// let subscription = bx24.bind_placement_event("CallCard::CallStateChanged", |payload| {
    ///     println!("{payload}");
    /// })?;
    /// // drop(subscription) to stop
    /// # Ok(()) }
    /// ```
    pub fn bind_placement_event(
        &self,
        event: &str,
        handler: impl FnMut(Value) + 'static,
    ) -> Result<EventSubscription, Error> {
        let api: sys::PlacementApi =
            self.sub_api(self.lib.placement(), "bindEvent", "placement.bindEvent")?;
        let active = Rc::new(Cell::new(true));
        let alive = active.clone();
        let handler = RefCell::new(handler);
        let callback = Closure::<dyn FnMut(JsValue)>::new(move |payload: JsValue| {
            if alive.get() {
                (handler.borrow_mut())(js::from_js(&payload).unwrap_or_default());
            }
        });
        api.bind_event(event, callback.as_ref())
            .map_err(|e| thrown("placement.bindEvent", &e))?;
        callback.forget(); // the library may call it for as long as the page lives
        Ok(EventSubscription { active })
    }
}

/// What the portal's answer to `openPath` says: refused with its code, or opened and closed.
pub(crate) fn open_path_outcome(answer: &Value) -> OpenPathOutcome {
    match answer.get("result").and_then(Value::as_str) {
        Some("error") => OpenPathOutcome::Refused(
            answer
                .get("errorCode")
                .and_then(Value::as_str)
                .unwrap_or("UNKNOWN")
                .to_owned(),
        ),
        _ => OpenPathOutcome::Closed,
    }
}
