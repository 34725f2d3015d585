//! The placement context: which embedding point opened the widget and for whom.
//!
//! Pure parsing, no browser APIs, so it is unit-tested natively. Bitrix24 hands the
//! options over in several shapes (bitrix24.md §1): an object from `placement.info()`,
//! a JSON string in the handler's POST body, the text `"undefined"`, or nothing at all.
//! Parsing is lenient about the container and strict about `USER_ID`.

use serde_json::{Map, Value};
use std::fmt;

/// The largest user id Bitrix24 can hand out (a signed 32-bit database column).
const MAX_USER_ID: u64 = i32::MAX as u64;

/// The embedding point the widget was opened from.
///
/// ```
/// use profile_widget::context::PlacementCode;
/// assert_eq!(PlacementCode::parse("user_profile_menu"), PlacementCode::UserProfileMenu);
/// assert_eq!(PlacementCode::parse("CRM_DEAL_TAB"), PlacementCode::Unknown("CRM_DEAL_TAB".into()));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PlacementCode {
    /// The "Extensions" item of the current user's menu: `USER_ID` is the current user.
    UserProfileMenu,
    /// The "Extensions" button of an open employee card: `USER_ID` is the card's owner.
    UserProfileToolbar,
    /// The application's own page (install and settings).
    Default,
    /// Any other code, kept verbatim (upper-cased) for the error message.
    Unknown(String),
}

impl PlacementCode {
    /// Reads a placement code; Bitrix24 sends upper case, but case is not trusted.
    ///
    /// ```
    /// use profile_widget::context::PlacementCode;
    /// assert_eq!(PlacementCode::parse(" DEFAULT "), PlacementCode::Default);
    /// ```
    pub fn parse(raw: &str) -> Self {
        let code = raw.trim().to_ascii_uppercase();
        match code.as_str() {
            "USER_PROFILE_MENU" => Self::UserProfileMenu,
            "USER_PROFILE_TOOLBAR" => Self::UserProfileToolbar,
            "DEFAULT" => Self::Default,
            _ => Self::Unknown(code),
        }
    }

    /// The code as Bitrix24 spells it.
    ///
    /// ```
    /// use profile_widget::context::PlacementCode;
    /// assert_eq!(PlacementCode::UserProfileToolbar.as_str(), "USER_PROFILE_TOOLBAR");
    /// ```
    pub fn as_str(&self) -> &str {
        match self {
            Self::UserProfileMenu => "USER_PROFILE_MENU",
            Self::UserProfileToolbar => "USER_PROFILE_TOOLBAR",
            Self::Default => "DEFAULT",
            Self::Unknown(code) => code,
        }
    }

    /// Whether this is one of the two profile placements the widget serves.
    ///
    /// ```
    /// use profile_widget::context::PlacementCode;
    /// assert!(PlacementCode::UserProfileMenu.is_profile());
    /// assert!(!PlacementCode::Default.is_profile());
    /// ```
    pub fn is_profile(&self) -> bool {
        matches!(self, Self::UserProfileMenu | Self::UserProfileToolbar)
    }
}

impl fmt::Display for PlacementCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A validated Bitrix24 user id: a positive integer that fits the portal's id column.
///
/// ```
/// use profile_widget::context::UserId;
/// let id: UserId = "1401".parse().unwrap();
/// assert_eq!(id.get(), 1401);
/// assert!("0".parse::<UserId>().is_err());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct UserId(u32);

impl UserId {
    /// Wraps a number, rejecting 0 and values past the id range.
    ///
    /// ```
    /// use profile_widget::context::UserId;
    /// assert_eq!(UserId::new(7).map(|id| id.get()), Ok(7));
    /// ```
    pub fn new(id: u64) -> Result<Self, UserIdError> {
        match id {
            0 => Err(UserIdError::NotPositive(id.to_string())),
            n if n > MAX_USER_ID => Err(UserIdError::TooLarge(id.to_string())),
            n => Ok(Self(n as u32)),
        }
    }

    /// The numeric id.
    ///
    /// ```
    /// use profile_widget::context::UserId;
    /// assert_eq!(UserId::new(42).unwrap().get(), 42);
    /// ```
    pub fn get(self) -> u32 {
        self.0
    }

    /// Reads `USER_ID` as Bitrix24 sends it: a decimal string (`"1401"`) or a JSON number.
    ///
    /// ```
    /// use profile_widget::context::UserId;
    /// use serde_json::json;
    /// assert!(UserId::from_json(&json!("42")).is_ok());
    /// assert!(UserId::from_json(&json!(42)).is_ok());
    /// assert!(UserId::from_json(&json!(4.2)).is_err());
    /// ```
    pub fn from_json(value: &Value) -> Result<Self, UserIdError> {
        match value {
            Value::Null => Err(UserIdError::Missing),
            Value::String(text) => text.parse(),
            Value::Number(number) => match (number.as_u64(), number.as_i64()) {
                (Some(n), _) => Self::new(n),
                // Written as the browser writes numbers (no float printer in the first paint).
                (None, Some(_)) => Err(UserIdError::NotPositive(bx24::form::number(number))),
                (None, None) => Err(UserIdError::NotAnInteger(bx24::form::number(number))),
            },
            Value::Bool(flag) => Err(UserIdError::NotANumber(flag.to_string())),
            Value::Array(_) => Err(UserIdError::NotANumber("an array".into())),
            Value::Object(_) => Err(UserIdError::NotANumber("an object".into())),
        }
    }
}

/// Whether `text` is written as a decimal number (sign, digits, fraction, exponent), like
/// "4.5" or "1e3". Checked by hand: only the error's kind depends on it, and a float parser
/// would cost the bundle about 15 KB gzip (its tables; measured).
fn is_decimal_number(text: &str) -> bool {
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    let body = text.strip_prefix(['+', '-']).unwrap_or(text);
    let (mantissa, exponent) = body.split_once(['e', 'E']).unwrap_or((body, "0"));
    let exponent = exponent.strip_prefix(['+', '-']).unwrap_or(exponent);
    let (whole, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    !(whole.is_empty() && fraction.is_empty())
        && digits(whole)
        && digits(fraction)
        && !exponent.is_empty()
        && digits(exponent)
}

impl std::str::FromStr for UserId {
    type Err = UserIdError;

    fn from_str(raw: &str) -> Result<Self, Self::Err> {
        let text = raw.trim();
        if text.is_empty() {
            return Err(UserIdError::Missing);
        }
        if let Some(rest) = text.strip_prefix('-')
            && !rest.is_empty()
            && rest.bytes().all(|b| b.is_ascii_digit())
        {
            return Err(UserIdError::NotPositive(shorten(text)));
        }
        if !text.bytes().all(|b| b.is_ascii_digit()) {
            return Err(if is_decimal_number(text) {
                UserIdError::NotAnInteger(shorten(text))
            } else {
                UserIdError::NotANumber(shorten(text))
            });
        }
        match text.parse::<u64>() {
            Ok(n) => Self::new(n),
            Err(_) => Err(UserIdError::TooLarge(shorten(text))), // only digits: overflow
        }
    }
}

impl fmt::Display for UserId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// Why a `USER_ID` was refused. The offending text is kept (shortened) for developers.
///
/// ```
/// use profile_widget::context::{UserId, UserIdError};
/// assert_eq!("4.5".parse::<UserId>(), Err(UserIdError::NotAnInteger("4.5".into())));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum UserIdError {
    /// No `USER_ID` key, `null` or an empty string.
    #[error("USER_ID is missing")]
    Missing,
    /// Text that is not a number at all.
    #[error("USER_ID {0:?} is not a number")]
    NotANumber(String),
    /// A number with a fraction or an exponent.
    #[error("USER_ID {0} is not a whole number")]
    NotAnInteger(String),
    /// Zero or negative.
    #[error("USER_ID {0} is not positive")]
    NotPositive(String),
    /// Beyond the portal's id range.
    #[error("USER_ID {0} is too large")]
    TooLarge(String),
}

/// The decoded `PLACEMENT_OPTIONS`.
///
/// ```
/// use profile_widget::context::PlacementOptions;
/// use serde_json::json;
/// let options = PlacementOptions::from_json(&json!(r#"{"USER_ID":"1","URI":"\/company\/"}"#));
/// assert_eq!(options.user_id().unwrap().get(), 1);
/// assert_eq!(options.uri(), Some("/company/"));
/// ```
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PlacementOptions {
    fields: Map<String, Value>,
}

impl PlacementOptions {
    /// Accepts an object or a JSON string holding one; anything else (including the
    /// text `"undefined"` Bitrix24 sometimes sends) counts as no options.
    ///
    /// ```
    /// use profile_widget::context::PlacementOptions;
    /// use serde_json::json;
    /// assert_eq!(PlacementOptions::from_json(&json!("undefined")), PlacementOptions::default());
    /// ```
    pub fn from_json(value: &Value) -> Self {
        Self::from_json_with(value, |text| serde_json::from_str(text).ok())
    }

    /// [`Self::from_json`] with the JSON parser for options sent as text supplied by the
    /// caller (the browser build uses `JSON.parse`, keeping serde_json's parser out of it).
    ///
    /// ```
    /// use profile_widget::context::PlacementOptions;
    /// use serde_json::json;
    /// let options = PlacementOptions::from_json_with(&json!("{}"), |_| Some(json!({"USER_ID": 5})));
    /// assert_eq!(options.user_id().unwrap().get(), 5);
    /// ```
    pub fn from_json_with(value: &Value, parse: impl Fn(&str) -> Option<Value>) -> Self {
        let fields = match value {
            Value::Object(map) => map.clone(),
            Value::String(text) => match parse(text) {
                Some(Value::Object(map)) => map,
                _ => Map::new(),
            },
            _ => Map::new(),
        };
        Self { fields }
    }

    /// The validated `USER_ID`.
    ///
    /// ```
    /// use profile_widget::context::{PlacementOptions, UserIdError};
    /// use serde_json::json;
    /// let options = PlacementOptions::from_json(&json!({}));
    /// assert_eq!(options.user_id(), Err(UserIdError::Missing));
    /// ```
    pub fn user_id(&self) -> Result<UserId, UserIdError> {
        UserId::from_json(self.fields.get("USER_ID").unwrap_or(&Value::Null))
    }

    /// The path and query of the page the widget was opened from, when the portal knew it.
    ///
    /// ```
    /// use profile_widget::context::PlacementOptions;
    /// use serde_json::json;
    /// assert_eq!(PlacementOptions::from_json(&json!({"USER_ID": 1})).uri(), None);
    /// ```
    pub fn uri(&self) -> Option<&str> {
        self.fields
            .get("URI")
            .and_then(Value::as_str)
            .filter(|uri| !uri.is_empty())
    }
}

/// Where the widget runs and for whom: the typed result of `BX24.placement.info()`.
///
/// ```
/// use profile_widget::context::{PlacementCode, PlacementContext};
/// use serde_json::json;
/// let ctx = PlacementContext::from_info(&json!({
///     "placement": "USER_PROFILE_TOOLBAR",
///     "options": {"USER_ID": "42", "URI": "/company/personal/user/42/"}
/// })).unwrap();
/// assert_eq!(ctx.code, PlacementCode::UserProfileToolbar);
/// assert_eq!(ctx.user_id.get(), 42);
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct PlacementContext {
    /// The embedding point.
    pub code: PlacementCode,
    /// The employee the widget is about (the card's owner, or the current user in the menu).
    pub user_id: UserId,
    /// The page the widget was opened from, if the portal sent it.
    pub uri: Option<String>,
}

impl PlacementContext {
    /// Validates the `{placement, options}` object that `BX24.placement.info()` returns.
    ///
    /// ```
    /// use profile_widget::context::{ContextError, PlacementContext};
    /// use serde_json::json;
    /// let err = PlacementContext::from_info(&json!({"placement": "DEFAULT", "options": {}}));
    /// assert_eq!(err, Err(ContextError::NotAProfilePlacement("DEFAULT".into())));
    /// ```
    pub fn from_info(info: &Value) -> Result<Self, ContextError> {
        Self::from_info_with(info, |text| serde_json::from_str(text).ok())
    }

    /// [`Self::from_info`] with the parser for options sent as text supplied by the caller.
    ///
    /// ```
    /// use profile_widget::context::PlacementContext;
    /// use serde_json::json;
    /// let info = json!({"placement": "USER_PROFILE_MENU", "options": "{\"USER_ID\":3}"});
    /// let ctx = PlacementContext::from_info_with(&info, |t| serde_json::from_str(t).ok()).unwrap();
    /// assert_eq!(ctx.user_id.get(), 3);
    /// ```
    pub fn from_info_with(
        info: &Value,
        parse: impl Fn(&str) -> Option<Value>,
    ) -> Result<Self, ContextError> {
        let code = match info.get("placement") {
            Some(Value::String(code)) if !code.trim().is_empty() => PlacementCode::parse(code),
            _ => return Err(ContextError::MissingPlacement),
        };
        Self::from_parts_with(code, info.get("options").unwrap_or(&Value::Null), parse)
    }

    /// Validates a placement code and its options however they arrived.
    ///
    /// ```
    /// use profile_widget::context::{PlacementCode, PlacementContext};
    /// use serde_json::json;
    /// let ctx = PlacementContext::from_parts(PlacementCode::UserProfileMenu, &json!(r#"{"USER_ID":7}"#)).unwrap();
    /// assert_eq!(ctx.user_id.get(), 7);
    /// ```
    pub fn from_parts(code: PlacementCode, options: &Value) -> Result<Self, ContextError> {
        Self::from_parts_with(code, options, |text| serde_json::from_str(text).ok())
    }

    fn from_parts_with(
        code: PlacementCode,
        options: &Value,
        parse: impl Fn(&str) -> Option<Value>,
    ) -> Result<Self, ContextError> {
        if !code.is_profile() {
            return Err(ContextError::NotAProfilePlacement(code.as_str().to_owned()));
        }
        let options = PlacementOptions::from_json_with(options, parse);
        let user_id = options.user_id().map_err(ContextError::UserId)?;
        Ok(Self {
            code,
            user_id,
            uri: options.uri().map(str::to_owned),
        })
    }
}

/// Why the placement context is unusable.
///
/// ```
/// use profile_widget::context::{ContextError, PlacementContext};
/// use serde_json::json;
/// assert_eq!(PlacementContext::from_info(&json!({})), Err(ContextError::MissingPlacement));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ContextError {
    /// `placement.info()` gave no placement code.
    #[error("the portal sent no placement code")]
    MissingPlacement,
    /// Opened from an embedding point this widget does not serve.
    #[error("placement {0} is not a profile placement")]
    NotAProfilePlacement(String),
    /// `USER_ID` is missing or malformed.
    #[error("bad placement options: {0}")]
    UserId(UserIdError),
}

/// Keeps hostile or huge values short in messages.
fn shorten(text: &str) -> String {
    const LIMIT: usize = 40;
    // `get`, not indexing, as in `details::cut`: no slice panic in the first paint.
    match text
        .char_indices()
        .nth(LIMIT)
        .and_then(|(cut, _)| text.get(..cut))
    {
        Some(kept) => format!("{kept}…"),
        None => text.to_owned(),
    }
}

#[cfg(test)]
mod tests;
