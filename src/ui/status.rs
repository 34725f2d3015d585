//! The first screens: outside Bitrix24, an error with a retry, and the placement context.

use crate::bx24::Error;
use crate::context::{PlacementCode, PlacementContext};
use crate::i18n::{Lang, Msg, t};
use leptos::prelude::*;

/// Shown when the page was opened outside a Bitrix24 frame.
#[component]
pub fn OutsidePage(lang: Lang) -> impl IntoView {
    view! {
        <section class="panel outside" aria-labelledby="outside-title">
            <h1 id="outside-title">{t(lang, Msg::OutsideTitle)}</h1>
            <p>{t(lang, Msg::OutsideBody)}</p>
            <pre class="command"><code>"./scripts/run.sh"</code></pre>
        </section>
    }
}

/// A localized error with the developer detail and, where it can help, a retry button.
#[component]
pub fn ErrorPanel(lang: Lang, error: Error, on_retry: Callback<()>) -> impl IntoView {
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
#[component]
pub fn ContextCard(lang: Lang, context: PlacementContext) -> impl IntoView {
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
