//! One way to show a failure inside the card (a form, a list, the install page): the
//! localized message, what to do where that is known, and the developer detail with the
//! REST code. Every failure is also logged to the console for developers.

use crate::bx24::Error;
use crate::i18n::{Msg, t};
use leptos::prelude::*;

/// A failure as shown.
#[derive(Clone, Debug, PartialEq)]
pub struct Failure {
    message: Msg,
    hint: Option<Msg>,
    detail: String,
}

impl Failure {
    /// The failure of a read or a command; logged.
    pub fn of(error: &Error) -> Self {
        web_sys::console::warn_1(&format!("profile widget: {error}").into());
        Self {
            message: crate::errors::message(error),
            hint: None,
            // The REST text may end in markup (`…<br>`); it is shown as text, without it.
            detail: error.to_string().replace("<br>", " "),
        }
    }

    /// The failure of a write: a refusal by the portal reads "Bitrix24 did not accept this:"
    /// above its detail; a write held back because its token's owner was not confirmed says
    /// that it was not created and may be sent again.
    pub fn of_write(error: &Error) -> Self {
        let failure = Self::of(error);
        match error {
            Error::Rest(_) => Self {
                message: Msg::ErrWriteFailed,
                ..failure
            },
            Error::OwnerUnconfirmed { .. } => failure.with_hint(Some(Msg::WriteNotCreated)),
            _ => failure,
        }
    }

    /// A write that may exist (its answer was lost, or looking it up failed), with the
    /// detail of what went wrong.
    pub fn may_exist(error: &Error) -> Self {
        Self {
            message: Msg::WriteMayExist,
            ..Self::of(error)
        }
    }

    /// With what to do about it.
    pub fn with_hint(self, hint: Option<Msg>) -> Self {
        Self { hint, ..self }
    }
}

/// The failure's message, hint and detail.
#[component]
pub fn FailureNote(failure: Failure) -> impl IntoView {
    let lang = super::shared::use_ui().lang;
    view! {
        <div class="form-note failed" role="alert">
            <p>{t(lang, failure.message)}</p>
            <p class="hint">{failure.hint.map(|h| t(lang, h))}</p>
            <p class="detail"><code>{failure.detail}</code></p>
        </div>
    }
}
