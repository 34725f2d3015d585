//! Options the portal keeps for the application (`BX24.userOption`, `BX24.appOption`).

use crate::error::Error;
use crate::{Bx24, js, sys, thrown};
use serde_json::Value;
use wasm_bindgen::JsValue;

impl Bx24 {
    fn option_api(&self, object: JsValue, name: &str) -> Result<sys::OptionApi, Error> {
        self.sub_api(object, "get", name)
    }

    /// A per-user option saved with [`Bx24::set_user_option`], as it was at load.
    ///
    /// ```no_run
    /// # fn demo(bx24: bx24::Bx24) {
    /// let compact = bx24.user_option("compact").and_then(|v| v.as_str().map(|s| s == "Y"));
    /// # }
    /// ```
    pub fn user_option(&self, name: &str) -> Option<Value> {
        let api = self.option_api(self.lib.user_option(), "userOption").ok()?;
        js::from_js(&api.get(name).ok()?)
    }

    /// Saves a per-user option (kept by the portal, back in the next load). The portal
    /// does not confirm it.
    ///
    /// ```no_run
    /// # fn demo(bx24: bx24::Bx24) -> Result<(), bx24::Error> {
    /// bx24.set_user_option("compact", &serde_json::json!("Y"))?;
    /// # Ok(()) }
    /// ```
    pub fn set_user_option(&self, name: &str, value: &Value) -> Result<(), Error> {
        self.option_api(self.lib.user_option(), "userOption")?
            .set(name, &js::to_js(value), &JsValue::UNDEFINED)
            .map_err(|e| thrown("userOption.set", &e))
    }

    /// An application-wide option, as it was at load.
    ///
    /// ```no_run
    /// # fn demo(bx24: bx24::Bx24) {
    /// let title = bx24.app_option("title");
    /// # }
    /// ```
    pub fn app_option(&self, name: &str) -> Option<Value> {
        let api = self.option_api(self.lib.app_option(), "appOption").ok()?;
        js::from_js(&api.get(name).ok()?)
    }

    /// Saves an application-wide option; administrators only (the library silently does
    /// nothing for others, so this fails at once with [`Error::AdminOnly`]).
    ///
    /// ```no_run
    /// # async fn demo(bx24: bx24::Bx24) -> Result<(), bx24::Error> {
    /// bx24.set_app_option("title", &serde_json::json!("Profile")).await?;
    /// # Ok(()) }
    /// ```
    pub async fn set_app_option(&self, name: &str, value: &Value) -> Result<(), Error> {
        if !self.is_admin() {
            return Err(Error::AdminOnly("appOption.set".into()));
        }
        let api = self.option_api(self.lib.app_option(), "appOption")?;
        let value = js::to_js(value);
        self.command("appOption.set", self.options.command_timeout_ms, |cb| {
            api.set(name, &value, cb)
        })
        .await
        .map(drop)
    }
}
