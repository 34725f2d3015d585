//! The frame's OAuth token, pure.

use std::fmt;

/// An OAuth token of the frame. `Debug` never shows the token.
///
/// ```
/// let auth = bx24::Auth::new("secret", 1_700_000_000_000.0);
/// assert_eq!(auth.access_token(), "secret");
/// assert!(!format!("{auth:?}").contains("secret"));
/// ```
#[derive(Clone, PartialEq)]
pub struct Auth {
    access_token: String,
    /// When the token expires, in milliseconds since the epoch.
    pub expires_at_ms: f64,
    /// The portal host.
    pub domain: String,
    /// The portal id.
    pub member_id: String,
}

impl Auth {
    /// A token that expires at `expires_at_ms` (milliseconds since the epoch).
    pub fn new(access_token: impl Into<String>, expires_at_ms: f64) -> Self {
        Self {
            access_token: access_token.into(),
            expires_at_ms,
            domain: String::new(),
            member_id: String::new(),
        }
    }

    /// The access token, for the rare call that must be made without the client. Never put
    /// it in a URL, log, storage or message.
    pub fn access_token(&self) -> &str {
        &self.access_token
    }

    /// Whether the token has expired at `now_ms`.
    ///
    /// ```
    /// let auth = bx24::Auth::new("t", 1_000.0);
    /// assert!(!auth.expired_at(999.0));
    /// assert!(auth.expired_at(1_000.0));
    /// ```
    pub fn expired_at(&self, now_ms: f64) -> bool {
        self.expires_at_ms <= now_ms
    }
}

impl fmt::Debug for Auth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Auth")
            .field("access_token", &"<redacted>")
            .field("expires_at_ms", &self.expires_at_ms)
            .field("domain", &self.domain)
            .field("member_id", &self.member_id)
            .finish()
    }
}
