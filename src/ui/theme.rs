//! The switch between Bitrix24's light look (the portal's default) and its dark one. The
//! frame cannot learn the portal's theme, so the user chooses here; the choice is kept in a
//! user option, which the portal sends back with every load (on any device), and the page's
//! inline loader applies it before anything is drawn.

use super::shared::use_ui;
use crate::i18n::{Msg, t};
use crate::page::{THEME_OPTION, is_dark, set_dark, theme_value};
use leptos::prelude::*;

/// A toggle button (`aria-pressed`) for the dark look.
#[component]
pub fn ThemeSwitch() -> impl IntoView {
    let ui = use_ui();
    let dark = RwSignal::new(is_dark());
    let toggle = move |_| {
        let now = !dark.get_untracked();
        dark.set(now);
        set_dark(now);
        let value = serde_json::Value::from(theme_value(now));
        if let Err(err) = ui.with_bx24(|b| b.set_user_option(THEME_OPTION, &value)) {
            // Shown for this page anyway; only keeping it failed.
            web_sys::console::warn_1(&format!("profile widget: {err}").into());
        }
    };
    view! {
        <button type="button" class="button quiet theme" aria-pressed=move || dark.get().to_string()
            on:click=toggle>
            {t(ui.lang, Msg::ThemeDark)}
        </button>
    }
}
