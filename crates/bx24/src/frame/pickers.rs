//! The portal's user pickers (`BX24.selectUser`, `BX24.selectUsers`).

use crate::batch::decode;
use crate::error::Error;
use crate::{Bx24, js};
use serde::{Deserialize, Deserializer};
use serde_json::Value;

/// A person chosen in the portal's user picker.
///
/// ```
/// use bx24::SelectedUser;
/// let user: SelectedUser = serde_json::from_str(r#"{"id":"5","name":"Ada"}"#).unwrap();
/// assert_eq!(user.id, 5);
/// assert_eq!(user.photo, "");
/// ```
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct SelectedUser {
    /// The user's id.
    #[serde(deserialize_with = "user_id")]
    pub id: u32,
    /// Full name.
    #[serde(default)]
    pub name: String,
    /// Photo URL, possibly empty.
    #[serde(default, deserialize_with = "text")]
    pub photo: String,
    /// Position, possibly empty.
    #[serde(default, deserialize_with = "text")]
    pub position: String,
    /// Profile path.
    #[serde(default, deserialize_with = "text")]
    pub url: String,
}

/// A positive id, sent as a number or as decimal text.
fn user_id<'de, D: Deserializer<'de>>(d: D) -> Result<u32, D::Error> {
    let id = match Value::deserialize(d)? {
        Value::Number(n) => n.as_u64().and_then(|n| u32::try_from(n).ok()),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    };
    id.filter(|&id| id > 0)
        .ok_or_else(|| serde::de::Error::custom("not a positive user id"))
}

/// Text that may arrive as `null` or a number.
fn text<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    Ok(match Value::deserialize(d)? {
        Value::String(s) => s,
        Value::Number(n) => crate::form::number(&n),
        _ => String::new(),
    })
}

impl Bx24 {
    /// Opens the portal's user picker; `None` when nobody was chosen.
    ///
    /// ```no_run
    /// # async fn demo(bx24: bx24::Bx24) -> Result<(), bx24::Error> {
    /// if let Some(user) = bx24.select_user(Some("Show whose card?")).await? {
    ///     println!("{}", user.name);
    /// }
    /// # Ok(()) }
    /// ```
    pub async fn select_user(&self, title: Option<&str>) -> Result<Option<SelectedUser>, Error> {
        let answer = self
            .command("selectUser", self.options.interactive_timeout_ms, |cb| {
                self.lib.select_user(title.unwrap_or_default(), cb)
            })
            .await?;
        match js::from_js(&answer) {
            Some(value @ Value::Object(_)) => decode("selectUser", value).map(Some),
            _ => Ok(None),
        }
    }

    /// Opens the portal's user picker for several people.
    ///
    /// ```no_run
    /// # async fn demo(bx24: bx24::Bx24) -> Result<(), bx24::Error> {
    /// let people = bx24.select_users(None).await?;
    /// # Ok(()) }
    /// ```
    pub async fn select_users(&self, title: Option<&str>) -> Result<Vec<SelectedUser>, Error> {
        let answer = self
            .command("selectUsers", self.options.interactive_timeout_ms, |cb| {
                self.lib.select_users(title.unwrap_or_default(), cb)
            })
            .await?;
        match js::from_js(&answer) {
            Some(value @ Value::Array(_)) => decode("selectUsers", value),
            Some(value @ Value::Object(_)) => decode("selectUsers", value).map(|u| vec![u]),
            _ => Ok(Vec::new()),
        }
    }
}
