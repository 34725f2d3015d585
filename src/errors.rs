//! What the user is told when the bridge fails: the one place that maps [`bx24::Error`]
//! (codes and details, no user-facing text) to a localized message key.

use crate::i18n::Msg;
use bx24::{Error, RestCode};

/// The key of the localized message the user sees for `error`.
///
/// ```
/// use profile_widget::bx24::{Error, NotInBitrix24};
/// use profile_widget::{errors::message, i18n::Msg};
/// assert_eq!(message(&Error::NotInBitrix24(NotInBitrix24::LibraryMissing)), Msg::ErrNotInBitrix24);
/// ```
pub fn message(error: &Error) -> Msg {
    match error {
        Error::NotInBitrix24(_) => Msg::ErrNotInBitrix24,
        Error::Timeout { .. } => Msg::ErrPortalSilent,
        Error::Transport { .. } => Msg::ErrNetwork,
        Error::Rest(rest) => match rest.code {
            RestCode::QueryLimitExceeded
            | RestCode::OperationTimeLimit
            | RestCode::OverloadLimit => Msg::ErrRateLimited,
            RestCode::ExpiredToken | RestCode::InvalidToken | RestCode::NoAuthFound => {
                Msg::ErrSessionExpired
            }
            RestCode::AccessDenied | RestCode::InsufficientScope | RestCode::WrongAuthType => {
                Msg::ErrNoAccess
            }
            _ => Msg::ErrPortal,
        },
        Error::Decode { .. } | Error::Js { .. } | Error::Unsupported(_) | Error::Skipped(_) => {
            Msg::ErrPortal
        }
        Error::AdminOnly(_) => Msg::ErrNoAccess,
        // Another person's session: the frame must start again, as after an expired one.
        Error::SessionChanged { .. } => Msg::ErrSessionExpired,
        Error::OwnerUnconfirmed { .. } => Msg::ErrOwnerUnconfirmed,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use bx24::RestError;

    #[test]
    fn every_kind_has_its_message() {
        let rest = |code: &str| {
            Error::Rest(RestError {
                method: "m".into(),
                code: RestCode::parse(code),
                description: String::new(),
                status: None,
            })
        };
        assert_eq!(message(&rest("QUERY_LIMIT_EXCEEDED")), Msg::ErrRateLimited);
        assert_eq!(message(&rest("OPERATION_TIME_LIMIT")), Msg::ErrRateLimited);
        assert_eq!(message(&rest("expired_token")), Msg::ErrSessionExpired);
        assert_eq!(message(&rest("insufficient_scope")), Msg::ErrNoAccess);
        assert_eq!(message(&rest("ERROR_CORE")), Msg::ErrPortal);
        let silent = Error::Timeout {
            operation: "BX24.init".into(),
            after_ms: 1,
        };
        assert_eq!(message(&silent), Msg::ErrPortalSilent);
        let held = Error::OwnerUnconfirmed { user: 3 };
        assert_eq!(message(&held), Msg::ErrOwnerUnconfirmed);
    }
}
