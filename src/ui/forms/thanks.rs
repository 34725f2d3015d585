//! Posts an appreciation to the person's feed, addressed to them only.

use super::{Kept, WriteState, WriteStatus, check, clear_note, sending, submit};
use crate::context::UserId;
use crate::i18n::{Msg, t};
use crate::profile::actions::{Medal, THANKS, ThanksDraft};
use crate::ui::shared::use_ui;
use leptos::prelude::*;

fn medal_label(medal: Medal) -> (Msg, &'static str) {
    match medal {
        Medal::ThumbsUp => (Msg::MedalThumbsUp, "👍"),
        Medal::Heart => (Msg::MedalHeart, "❤️"),
        Medal::Cup => (Msg::MedalCup, "🏆"),
        Medal::Star => (Msg::MedalStar, "⭐"),
    }
}

/// The appreciation form: a badge and a text (required).
#[component]
pub fn ThanksForm(me: UserId, them: UserId, kept: Kept<ThanksDraft>) -> impl IntoView {
    let ui = use_ui();
    let lang = ui.lang;
    let Kept { draft, state } = kept;
    let clear = move || draft.update(|d| d.message.clear());
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let title = t(lang, Msg::ThanksTitle);
        let write = draft.with_untracked(|d| d.write(me, them, title, js_sys::Date::now()));
        submit(ui, state, write, Box::new(move |_| clear()));
    };
    let on_check = Callback::new(move |lookup| check(ui, lookup, state, &THANKS, Box::new(clear)));
    let invalid = move || {
        matches!(state.get(), WriteState::Idle(Some(_)))
            && draft.with(|d| d.message.trim().is_empty())
    };
    view! {
        <form class="tool-form thanks-form" on:submit=submit novalidate>
            <fieldset class="medals">
                <legend>{t(lang, Msg::ThanksBadge)}</legend>
                {Medal::ALL.map(|medal| {
                    let (label, icon) = medal_label(medal);
                    view! {
                        <label class="medal">
                            <input type="radio" name="medal" value=medal.xml_id()
                                prop:checked=move || draft.with(|d| d.medal == medal)
                                on:change=move |_| draft.update(|d| d.medal = medal)/>
                            <span aria-hidden="true">{icon}</span>" "{t(lang, label)}
                        </label>
                    }
                }).collect_view()}
            </fieldset>
            <label>{t(lang, Msg::ThanksMessage)}
                <textarea name="message" rows="3" required aria-invalid=move || invalid().to_string()
                    prop:value=move || draft.with(|d| d.message.clone())
                    on:input=move |ev| { draft.update(|d| d.message = event_target_value(&ev)); clear_note(state); }></textarea>
            </label>
            <p class="form-buttons">
                <button type="submit" class="button" disabled=sending(state)>{t(lang, Msg::ThanksSubmit)}</button>
            </p>
            <WriteStatus state on_check/>
        </form>
    }
}
