//! The first screens: outside Bitrix24, an error with a retry, and the placement context.

use crate::bx24::Error;
use crate::context::{PlacementCode, PlacementContext};
use crate::i18n::{Lang, Msg, t};
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
/// use profile_widget::{bx24::Error, i18n::Lang, ui::ErrorPanel};
/// let error = Error::Transport { method: "user.get".into(), after_ms: 20_000 };
/// leptos::mount::mount_to_body(move || view! {
///     <ErrorPanel lang=Lang::En error=error.clone() on_retry=Callback::new(|_| ())/>
/// });
/// ```
#[component]
pub fn ErrorPanel(
    /// The UI language.
    lang: Lang,
    /// What went wrong.
    error: Error,
    /// Runs when the user presses the retry button.
    on_retry: Callback<()>,
) -> impl IntoView {
    let message = match &error {
        Error::Context(crate::context::ContextError::NotAProfilePlacement(_)) => {
            Msg::ErrWrongPlacement
        }
        other => other.message(),
    };
    let retry = error.can_retry().then(|| {
        view! {
            <button type="button" class="button" on:click=move |_| on_retry.run(())>
                {t(lang, Msg::Retry)}
            </button>
        }
    });
    view! {
        <section class="panel error" role="alert">
            <p class="message">{t(lang, message)}</p>
            <p class="detail"><code>{error.to_string()}</code></p>
            {retry}
        </section>
    }
}

/// The placement the widget was opened from and the employee it is about.
///
/// ```no_run
/// use leptos::prelude::*;
/// use profile_widget::context::{PlacementCode, PlacementContext, UserId};
/// use profile_widget::{i18n::Lang, ui::ContextCard};
/// let context = PlacementContext { code: PlacementCode::UserProfileMenu, user_id: UserId::new(1).unwrap(), uri: None };
/// leptos::mount::mount_to_body(move || view! { <ContextCard lang=Lang::En context=context.clone()/> });
/// ```
#[component]
pub fn ContextCard(
    /// The UI language.
    lang: Lang,
    /// The validated placement context.
    context: PlacementContext,
) -> impl IntoView {
    let mode = match context.code {
        PlacementCode::UserProfileToolbar => "toolbar",
        _ => "menu",
    };
    view! {
        <section class="panel context" data-placement=mode>
            <dl>
                <dt>{t(lang, Msg::Placement)}</dt>
                <dd class="placement-code">{context.code.to_string()}</dd>
                <dt>{t(lang, Msg::UserId)}</dt>
                <dd class="user-id">{context.user_id.to_string()}</dd>
                {context.uri.map(|uri| view! {
                    <dt>{t(lang, Msg::OpenedFrom)}</dt>
                    <dd class="uri">{uri}</dd>
                })}
            </dl>
        </section>
    }
}
