//! The first screens: outside Bitrix24, an error with a retry, and the placement context.

use crate::context::ContextError;
use crate::i18n::{Lang, Msg, t};
use crate::profile::LoadError;
use leptos::prelude::*;

/// Shown when the page was opened outside a Bitrix24 frame.
///
/// ```no_run
/// use leptos::prelude::*;
/// use profile_widget::{i18n::Lang, ui::OutsidePage};
/// leptos::mount::mount_to_body(|| view! { <OutsidePage lang=Lang::En/> });
/// ```
#[component]
pub fn OutsidePage(
    /// The UI language.
    lang: Lang,
) -> impl IntoView {
    view! {
        <section class="panel outside" aria-labelledby="outside-title">
            <h1 id="outside-title">{t(lang, Msg::OutsideTitle)}</h1>
            <p>{t(lang, Msg::OutsideBody)}</p>
            <pre class="command"><code>"./scripts/run.sh"</code></pre>
        </section>
    }
}

/// A localized error with the developer detail and, where it can help, a retry button.
///
/// ```no_run
/// use leptos::prelude::*;
/// use profile_widget::{bx24::{Error, Failure}, i18n::Lang, profile::LoadError, ui::ErrorPanel};
/// let error: LoadError = Error::Transport { method: "user.get".into(), failure: Failure::Timeout, after_ms: 20_000 }.into();
/// leptos::mount::mount_to_body(move || view! {
///     <ErrorPanel lang=Lang::En error=error.clone() on_retry=Callback::new(|_| ())/>
/// });
/// ```
#[component]
pub fn ErrorPanel(
    /// The UI language.
    lang: Lang,
    /// What went wrong.
    error: LoadError,
    /// Runs when the user presses the retry button.
    on_retry: Callback<()>,
) -> impl IntoView {
    let (message, can_retry) = match &error {
        LoadError::NotFound(_) => (Msg::ErrUserNotFound, true),
        LoadError::Context(ContextError::NotAProfilePlacement(_)) => {
            (Msg::ErrWrongPlacement, false)
        }
        LoadError::Context(_) => (Msg::ErrBadContext, false),
        LoadError::Bridge(other) => (crate::errors::message(other), other.can_retry()),
    };
    let retry = can_retry.then(|| {
        view! {
            <button type="button" class="button" on:click=move |_| on_retry.run(())>
                {t(lang, Msg::Retry)}
            </button>
        }
    });
    view! {
        // The message is the page's heading: the error is all the frame shows.
        <section class="panel error" role="alert">
            <h1 class="message">{t(lang, message)}</h1>
            <p class="detail"><code>{error.to_string()}</code></p>
            {retry}
        </section>
    }
}
