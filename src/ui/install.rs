//! The application's own page (`DEFAULT`): for an administrator, the state of both profile
//! placements and an idempotent install (unbind, then bind with a title in every language,
//! then `installFinish` on the first install); for everyone else, what the app does and that an
//! administrator installs it. `placement.*` errors are shown with their code and what to do.

use super::failure::{Failure, FailureNote};
use super::shared::{Bridge, Ui};
use crate::bx24::Error;
use crate::i18n::{Lang, Msg, t, t_around};
use crate::install::{Bound, PLACEMENTS, handler_url, hint};
use crate::profile::api;
use leptos::prelude::*;

/// What the portal says about the installation.
#[derive(Clone, Debug, PartialEq)]
enum Loaded {
    Loading,
    Ready { installed: bool, bound: Vec<Bound> },
    Failed(Failure),
}

/// A `placement.*` failure, with what an administrator can do about its code.
fn failure(error: &Error) -> Failure {
    Failure::of(error).with_hint(error.rest_code().and_then(hint))
}

#[derive(Clone, Debug, PartialEq)]
enum Saving {
    Idle(Option<Msg>),
    Busy,
    Saved,
    Failed(Failure),
}

fn this_handler() -> String {
    let href = web_sys::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default();
    handler_url(&href)
}

/// The install and settings page.
#[component]
pub fn InstallPage(
    /// The UI language.
    lang: Lang,
    /// The connected library.
    bridge: Bridge,
) -> impl IntoView {
    if !bridge.with_value(|b| b.is_admin()) {
        return view! {
            <section class="panel install" aria-labelledby="install-title">
                <h1 id="install-title">{t(lang, Msg::NonAdminTitle)}</h1>
                <p>{t(lang, Msg::NonAdminBody)}</p>
                <p class="note">{t(lang, Msg::NonAdminAsk)}</p>
            </section>
        }
        .into_any();
    }
    let loaded = RwSignal::new(Loaded::Loading);
    let wanted = RwSignal::new([true, true]);
    let title = RwSignal::new(String::new());
    let saving = RwSignal::new(Saving::Idle(None));
    let portal_lang = bridge.with_value(|b| b.lang());
    let ui = Ui::provide(lang, bridge);
    let reload = move || {
        let portal_lang = portal_lang.clone();
        leptos::task::spawn_local(async move {
            loaded.set(match api::install_state(&ui.bx24(), &portal_lang).await {
                Ok((installed, bound)) => {
                    let handler = this_handler();
                    if bound.iter().any(|b| b.handler == handler) {
                        // Offer what is there now; a fresh install offers both.
                        wanted.set(PLACEMENTS.map(|code| {
                            bound
                                .iter()
                                .any(|b| b.placement == code && b.handler == handler)
                        }));
                    }
                    Loaded::Ready { installed, bound }
                }
                Err(error) => Loaded::Failed(failure(&error)),
            });
        });
    };
    reload();
    let reload = StoredValue::new_local(reload);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Loaded::Ready { installed, bound } = loaded.get_untracked() else {
            return;
        };
        let choice = wanted.get_untracked();
        if choice == [false, false] && !installed {
            return saving.set(Saving::Idle(Some(Msg::ChooseOne)));
        }
        if saving.get_untracked() == Saving::Busy {
            return;
        }
        saving.set(Saving::Busy);
        let bx24 = ui.bx24();
        let title = title.get_untracked();
        leptos::task::spawn_local(async move {
            match api::install(&bx24, &bound, choice, &this_handler(), &title).await {
                Err(error) => saving.set(Saving::Failed(failure(&error))),
                Ok(()) if !installed => {
                    // The portal reloads its page; the items appear after that.
                    if let Err(error) = bx24.install_finish() {
                        saving.set(Saving::Failed(failure(&error)));
                    } else {
                        saving.set(Saving::Saved);
                    }
                }
                Ok(()) => {
                    saving.set(Saving::Saved);
                    reload.with_value(|r| r());
                }
            }
        });
    };
    let row = move |index: usize, label: Msg| {
        let code = PLACEMENTS[index];
        // "Installed as “title”", the quotes the language's own; the title (portal text) in
        // its own <bdi>, never inside the message.
        let (before, after) = t_around(lang, Msg::StatusBound);
        let status = move || match loaded.get() {
            Loaded::Ready { bound, .. } => match bound.iter().find(|b| b.placement == code) {
                Some(b) => (before, Some(b.title.clone()), after),
                None => (t(lang, Msg::StatusNotBound), None, ""),
            },
            _ => ("", None, ""),
        };
        let status = move || {
            let (before, title, after) = status();
            view! { {before}{title.map(|title| view! { <bdi>{title}</bdi> })}{after} }
        };
        view! {
            <label class="placement-row">
                <input type="checkbox" name=code prop:checked=move || wanted.get()[index]
                    on:change=move |ev| { let on = event_target_checked(&ev); wanted.update(|w| w[index] = on); }/>
                <span class="placement-name">{t(lang, label)}" "<code>{code}</code></span>
                <span class="placement-status">{status}</span>
            </label>
        }
    };
    view! {
        <section class="panel install" aria-labelledby="install-title">
            <h1 id="install-title">{t(lang, Msg::InstallTitle)}</h1>
            <p>{t(lang, Msg::InstallIntro)}</p>
            {move || match loaded.get() {
                Loaded::Loading => view! { <p class="status" role="status">{t(lang, Msg::Loading)}</p> }.into_any(),
                Loaded::Failed(failure) => view! {
                    <FailureNote failure/>
                    <button type="button" class="button" on:click=move |_| reload.with_value(|r| r())>{t(lang, Msg::Retry)}</button>
                }.into_any(),
                Loaded::Ready { installed, .. } => view! {
                    <form class="tool-form install-form" on:submit=submit>
                        <fieldset class="placements">
                            {row(0, Msg::WhereMenu)}
                            {row(1, Msg::WhereToolbar)}
                        </fieldset>
                        <label>{t(lang, Msg::ItemTitle)}
                            <input name="title" maxlength="100" placeholder=t(lang, Msg::ItemTitleHint)
                                prop:value=move || title.get() on:input=move |ev| title.set(event_target_value(&ev))/>
                        </label>
                        <p class="form-buttons">
                            <button type="submit" class="button" disabled=move || saving.get() == Saving::Busy>
                                {t(lang, if installed { Msg::SaveButton } else { Msg::InstallButton })}
                            </button>
                        </p>
                        {move || match saving.get() {
                            Saving::Idle(None) => None,
                            Saving::Idle(Some(msg)) => Some(view! { <p class="form-note invalid" role="alert">{t(lang, msg)}</p> }.into_any()),
                            Saving::Busy => Some(view! { <p class="form-note" role="status">{t(lang, Msg::Sending)}</p> }.into_any()),
                            Saving::Saved => Some(view! { <p class="form-note done" role="status">{t(lang, Msg::Saved)}</p> }.into_any()),
                            Saving::Failed(failure) => Some(view! { <FailureNote failure/> }.into_any()),
                        }}
                    </form>
                }.into_any(),
            }}
        </section>
    }
    .into_any()
}
