//! The Bitrix24 user-profile widget.
//!
//! Rooms kept apart:
//! - [`bx24`] (the `crates/bx24` crate): the only code that touches `window.BX24` or sends REST;
//! - [`errors`]: what the user is told for each bridge error;
//! - [`context`], [`i18n`], [`profile::model`]: pure logic, tested natively;
//! - [`profile`]: the card's data, loaded in one request;
//! - [`card`]: what the card says, shared by both renderers;
//! - [`ui`]: Leptos components that take typed data;
//! - [`first_paint`]: the small binary's card, drawn before the app has loaded;
//! - [`page`]: the contract between the two binaries on one page (marks, the drawn card).

#![warn(missing_docs)]

pub use bx24;
pub mod card;
pub mod context;
pub mod errors;
pub mod first_paint;
pub mod i18n;
pub mod install;
pub mod page;
pub mod profile;
pub mod texts;
#[cfg(feature = "app")]
pub mod ui;

/// Mounts the widget into `#app`, replacing the skeleton `index.html` drew.
///
/// ```no_run
/// profile_widget::start(); // what main() does
/// ```
#[cfg(feature = "app")]
pub fn start() {
    use wasm_bindgen::JsCast;
    if let Some(live) = page::container_beside_drawn_card() {
        // A drawn card is showing: mount beside it, hidden; the app retires it when it has
        // its own card (or anything else to show).
        leptos::mount::mount_to(live.unchecked_into(), || leptos::view! { <ui::App/> }).forget();
        return;
    }
    let host = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("app"));
    match host {
        Some(host) => {
            host.set_inner_html(""); // only our own static skeleton is removed here
            leptos::mount::mount_to(host.unchecked_into(), || leptos::view! { <ui::App/> })
                .forget();
        }
        None => leptos::mount::mount_to_body(|| leptos::view! { <ui::App/> }),
    }
}
