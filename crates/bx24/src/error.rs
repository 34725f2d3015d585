//! The one error type of the BX24 bridge.
//!
//! `Display` is for developers (console, logs) and names the REST code, method and HTTP
//! status. There is no user-facing text here: an app maps each error to its own localized
//! message. Nothing here ever contains a token: the bridge never puts one into an error.

use std::fmt;

/// A REST error code, with the ones the widget reacts to spelled out and the rest kept verbatim.
///
/// ```
/// use bx24::RestCode;
/// assert_eq!(RestCode::parse("QUERY_LIMIT_EXCEEDED"), RestCode::QueryLimitExceeded);
/// assert_eq!(RestCode::parse("SOMETHING_NEW").as_str(), "SOMETHING_NEW");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RestCode {
    /// `expired_token`: refreshed through the portal page; seen only if that failed.
    ExpiredToken,
    /// `invalid_token`.
    InvalidToken,
    /// `insufficient_scope`: the app lacks a scope the method needs.
    InsufficientScope,
    /// `QUERY_LIMIT_EXCEEDED` (503): the portal's request bucket is full.
    QueryLimitExceeded,
    /// `OPERATION_TIME_LIMIT` (429): the method's operating-time budget is spent.
    OperationTimeLimit,
    /// `OVERLOAD_LIMIT`: the portal sheds load.
    OverloadLimit,
    /// `ACCESS_DENIED`.
    AccessDenied,
    /// `NO_AUTH_FOUND`.
    NoAuthFound,
    /// `ERROR_METHOD_NOT_FOUND`.
    MethodNotFound,
    /// `ERROR_ARGUMENT`.
    Argument,
    /// `WRONG_AUTH_TYPE`: the method needs an application (OAuth) context.
    WrongAuthType,
    /// Any other code, verbatim.
    Other(String),
}

impl RestCode {
    /// Maps the wire text to a code.
    ///
    /// ```
    /// use bx24::RestCode;
    /// assert_eq!(RestCode::parse("expired_token"), RestCode::ExpiredToken);
    /// ```
    pub fn parse(code: &str) -> Self {
        match code {
            "expired_token" => Self::ExpiredToken,
            "invalid_token" => Self::InvalidToken,
            "insufficient_scope" => Self::InsufficientScope,
            "QUERY_LIMIT_EXCEEDED" => Self::QueryLimitExceeded,
            "OPERATION_TIME_LIMIT" => Self::OperationTimeLimit,
            "OVERLOAD_LIMIT" => Self::OverloadLimit,
            "ACCESS_DENIED" => Self::AccessDenied,
            "NO_AUTH_FOUND" => Self::NoAuthFound,
            "ERROR_METHOD_NOT_FOUND" => Self::MethodNotFound,
            "ERROR_ARGUMENT" => Self::Argument,
            "WRONG_AUTH_TYPE" => Self::WrongAuthType,
            other => Self::Other(other.to_owned()),
        }
    }

    /// The wire text.
    ///
    /// ```
    /// use bx24::RestCode;
    /// assert_eq!(RestCode::OperationTimeLimit.as_str(), "OPERATION_TIME_LIMIT");
    /// ```
    pub fn as_str(&self) -> &str {
        match self {
            Self::ExpiredToken => "expired_token",
            Self::InvalidToken => "invalid_token",
            Self::InsufficientScope => "insufficient_scope",
            Self::QueryLimitExceeded => "QUERY_LIMIT_EXCEEDED",
            Self::OperationTimeLimit => "OPERATION_TIME_LIMIT",
            Self::OverloadLimit => "OVERLOAD_LIMIT",
            Self::AccessDenied => "ACCESS_DENIED",
            Self::NoAuthFound => "NO_AUTH_FOUND",
            Self::MethodNotFound => "ERROR_METHOD_NOT_FOUND",
            Self::Argument => "ERROR_ARGUMENT",
            Self::WrongAuthType => "WRONG_AUTH_TYPE",
            Self::Other(code) => code,
        }
    }

    /// Whether the portal refused the request before running it because of load.
    ///
    /// ```
    /// use bx24::RestCode;
    /// assert!(RestCode::QueryLimitExceeded.is_rate_limit());
    /// assert!(!RestCode::AccessDenied.is_rate_limit());
    /// ```
    pub fn is_rate_limit(&self) -> bool {
        matches!(
            self,
            Self::QueryLimitExceeded | Self::OperationTimeLimit | Self::OverloadLimit
        )
    }
}

impl fmt::Display for RestCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A REST error answer: `{"error": CODE, "error_description": TEXT}` with its HTTP status.
///
/// ```
/// use bx24::{RestCode, RestError};
/// let err = RestError { method: "user.get".into(), code: RestCode::NoAuthFound,
///     description: "Wrong authorization data".into(), status: Some(401) };
/// assert_eq!(err.to_string(), "user.get failed with NO_AUTH_FOUND (HTTP 401): Wrong authorization data");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RestError {
    /// The method called (`batch` sub-calls name their own method).
    pub method: String,
    /// The error code.
    pub code: RestCode,
    /// The portal's text, possibly empty.
    pub description: String,
    /// The HTTP status, when the library reported one.
    pub status: Option<u16>,
}

impl fmt::Display for RestError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} failed with {}", self.method, self.code)?;
        if let Some(status) = self.status {
            write!(f, " (HTTP {status})")?;
        }
        if !self.description.is_empty() {
            write!(f, ": {}", self.description)?;
        }
        Ok(())
    }
}

/// Why a REST request brought no readable answer.
///
/// ```
/// use bx24::Failure;
/// assert_eq!(Failure::Unreadable { status: 502 }.to_string(), "HTTP 502 with a body that is not a REST answer");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum Failure {
    /// No HTTP answer: offline, connection refused or dropped, or a proxy's reply without CORS
    /// headers (the browser hides those).
    #[error("network error (no HTTP answer)")]
    Network,
    /// No answer within the call timeout; the request was aborted.
    #[error("no answer in time (aborted)")]
    Timeout,
    /// An HTTP answer whose body is not a REST answer: a proxy's HTML page, a cut-off body.
    #[error("HTTP {status} with a body that is not a REST answer")]
    Unreadable {
        /// The HTTP status.
        status: u16,
    },
}

/// Why the page is not a usable Bitrix24 frame.
///
/// ```
/// use bx24::{Error, NotInBitrix24};
/// let err = Error::NotInBitrix24(NotInBitrix24::LibraryFailed);
/// assert!(err.to_string().contains("window.BX24 is null"));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NotInBitrix24 {
    /// No `window.BX24`: the library script is missing (page opened directly, or blocked).
    LibraryMissing,
    /// `window.BX24` is `null`: the library threw while loading (no portal in `window.name`).
    LibraryFailed,
}

/// Everything that can go wrong between the widget and Bitrix24.
///
/// ```
/// use bx24::{Error, RestCode, RestError};
/// let err = Error::Rest(RestError {
///     method: "user.get".into(),
///     code: RestCode::AccessDenied,
///     description: "Access denied!".into(),
///     status: Some(403),
/// });
/// assert_eq!(err.to_string(), "REST user.get failed with ACCESS_DENIED (HTTP 403): Access denied!");
/// assert_eq!(err.rest_code(), Some("ACCESS_DENIED"));
/// ```
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum Error {
    /// The page is not inside a Bitrix24 frame.
    #[error("not inside Bitrix24: {}", match .0 {
        NotInBitrix24::LibraryMissing => "window.BX24 is missing (the BX24 library did not load)",
        NotInBitrix24::LibraryFailed => "window.BX24 is null (the library found no portal in window.name)",
    })]
    NotInBitrix24(NotInBitrix24),
    /// A frame command or the library's start got no answer in time. Denied commands
    /// (`setTitle` outside the app page) and a silent parent end here.
    #[error("{operation} got no answer within {after_ms} ms")]
    Timeout {
        /// What was waited for, e.g. `BX24.init`.
        operation: String,
        /// How long.
        after_ms: u32,
    },
    /// No REST answer could be read: the request failed, timed out, or came back as
    /// something that is not a REST answer.
    #[error("REST {method}: {failure} after {after_ms} ms")]
    Transport {
        /// The REST method (`batch` for batches).
        method: String,
        /// What happened.
        failure: Failure,
        /// How long the attempt took.
        after_ms: u32,
    },
    /// The portal's session changed hands: a refreshed token belongs to another user. Nothing
    /// more is sent with it; the frame must start again.
    #[error("the portal session changed from user {was} to user {now}")]
    SessionChanged {
        /// The user the frame was opened for.
        was: u32,
        /// The user the new token belongs to.
        now: u32,
    },
    /// A write was held back: the portal's newest token could not be confirmed to belong to
    /// the user the frame was opened for (its `user.current` check was refused or lost, and
    /// again before the write). Nothing was sent; trying again is safe.
    #[error("write not sent: owner of the token unconfirmed (user {user})")]
    OwnerUnconfirmed {
        /// The user the frame was opened for.
        user: u32,
    },
    /// The portal answered with a REST error.
    #[error("REST {0}")]
    Rest(RestError),
    /// The answer did not have the expected shape.
    #[error("cannot decode the result of {method} at `{path}`: {message}")]
    Decode {
        /// The REST method (or bridge operation).
        method: String,
        /// The path of the offending field, e.g. `[3].UF_DEPARTMENT`.
        path: String,
        /// What serde said.
        message: String,
    },
    /// A library function threw.
    #[error("BX24.{operation} threw: {message}")]
    Js {
        /// The library member.
        operation: String,
        /// The exception text.
        message: String,
    },
    /// This copy of the library lacks the member (older copies have no `openPath`).
    #[error("this BX24 library has no {0}")]
    Unsupported(String),
    /// Only portal administrators may do this (the library silently does nothing otherwise).
    #[error("{0} is for portal administrators only")]
    AdminOnly(String),
    /// A batch command that did not run because an earlier one failed under `halt`.
    #[error("batch command {0} did not run: an earlier command failed and the batch halted")]
    Skipped(String),
}

impl Error {
    /// The REST error code, if this is a REST error.
    ///
    /// ```
    /// use bx24::Error;
    /// assert_eq!(Error::Unsupported("openPath".into()).rest_code(), None);
    /// ```
    pub fn rest_code(&self) -> Option<&str> {
        match self {
            Self::Rest(rest) => Some(rest.code.as_str()),
            _ => None,
        }
    }

    /// Whether a write that failed so may still have been executed: the request may have
    /// reached the portal and no readable answer came back (a dropped connection, a timeout, a
    /// proxy's 5xx page), or the portal failed inside (a 5xx error other than its rate limit,
    /// which refuses before running anything). A 4xx means the method did not run.
    ///
    /// ```
    /// use bx24::{Error, Failure, RestCode, RestError};
    /// let lost = |failure| Error::Transport { method: "tasks.task.add".into(), failure, after_ms: 9 };
    /// assert!(lost(Failure::Timeout).outcome_unknown());
    /// assert!(lost(Failure::Unreadable { status: 502 }).outcome_unknown());
    /// assert!(!lost(Failure::Unreadable { status: 403 }).outcome_unknown());
    /// assert!(!Error::Unsupported("openPath".into()).outcome_unknown());
    /// let failed = |code: &str, status| Error::Rest(RestError { method: "tasks.task.add".into(),
    ///     code: RestCode::parse(code), description: String::new(), status: Some(status) });
    /// assert!(failed("INTERNAL_SERVER_ERROR", 500).outcome_unknown());
    /// assert!(!failed("QUERY_LIMIT_EXCEEDED", 503).outcome_unknown());
    /// assert!(!failed("ERROR_CORE", 400).outcome_unknown());
    /// ```
    pub fn outcome_unknown(&self) -> bool {
        match self {
            Self::Transport { failure, .. } => match failure {
                Failure::Network | Failure::Timeout => true,
                Failure::Unreadable { status } => *status >= 500,
            },
            Self::Rest(rest) => rest.status.is_some_and(|s| s >= 500) && !rest.code.is_rate_limit(),
            _ => false,
        }
    }

    /// Whether the portal refused the token (HTTP 401 with `expired_token`, `invalid_token` or
    /// `NO_AUTH_FOUND`): refused before the method ran, so a fresh token may send it again.
    ///
    /// ```
    /// use bx24::{Error, RestCode, RestError};
    /// let refused = |code, status| Error::Rest(RestError {
    ///     method: "user.get".into(), code, description: String::new(), status: Some(status),
    /// });
    /// assert!(refused(RestCode::InvalidToken, 401).wants_new_token());
    /// assert!(refused(RestCode::ExpiredToken, 401).wants_new_token());
    /// assert!(!refused(RestCode::ExpiredToken, 200).wants_new_token()); // inside a batch
    /// assert!(!refused(RestCode::AccessDenied, 403).wants_new_token());
    /// ```
    pub fn wants_new_token(&self) -> bool {
        matches!(self, Self::Rest(rest) if rest.status == Some(401)
            && matches!(rest.code, RestCode::ExpiredToken | RestCode::InvalidToken | RestCode::NoAuthFound))
    }

    /// Whether a retry button can help the user.
    ///
    /// ```
    /// use bx24::{Error, Failure};
    /// assert!(Error::Transport { method: "user.get".into(), failure: Failure::Network, after_ms: 1 }.can_retry());
    /// assert!(!Error::AdminOnly("appOption.set".into()).can_retry());
    /// ```
    pub fn can_retry(&self) -> bool {
        match self {
            Self::Timeout { .. } | Self::Transport { .. } | Self::OwnerUnconfirmed { .. } => true,
            Self::Rest(rest) => rest.code.is_rate_limit() || rest.status.is_some_and(|s| s >= 500),
            _ => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip() {
        for code in [
            "expired_token",
            "invalid_token",
            "insufficient_scope",
            "QUERY_LIMIT_EXCEEDED",
            "OPERATION_TIME_LIMIT",
            "OVERLOAD_LIMIT",
            "ACCESS_DENIED",
            "NO_AUTH_FOUND",
            "ERROR_METHOD_NOT_FOUND",
            "ERROR_ARGUMENT",
            "WRONG_AUTH_TYPE",
            "ERROR_CORE",
        ] {
            assert_eq!(RestCode::parse(code).as_str(), code);
        }
        assert_eq!(
            RestCode::parse("ERROR_CORE"),
            RestCode::Other("ERROR_CORE".into())
        );
    }

    #[test]
    fn developer_text_names_code_method_and_status() {
        let err = Error::Rest(RestError {
            method: "tasks.task.add".into(),
            code: RestCode::parse("ERROR_CORE"),
            description: String::new(),
            status: Some(400),
        });
        assert_eq!(
            err.to_string(),
            "REST tasks.task.add failed with ERROR_CORE (HTTP 400)"
        );
        let err = Error::Transport {
            method: "user.get".into(),
            failure: Failure::Unreadable { status: 504 },
            after_ms: 15_000,
        };
        assert_eq!(
            err.to_string(),
            "REST user.get: HTTP 504 with a body that is not a REST answer after 15000 ms"
        );
    }
}
