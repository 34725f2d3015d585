//! The drawn card's actions, in the DOM and classes of the app's `Actions` and `Tools` (one
//! stylesheet, no shift when the app takes over), working before the app arrives:
//! - message, calls and phone go to the portal at once, through the page's loader (the BX24
//!   library's own commands, sent without it: `bx24::early`); the full profile too, and its
//!   refusal is said under the actions, as the app says it;
//! - every contact row's copy button copies;
//! - a tool (task, meeting, appreciation, QR code), whose form is the app's, a chip, whose
//!   colleague list is the app's, and the vCard, whose writer is the app's (about 3 KB of this
//!   binary's wasm), show as loading when pressed and are opened (downloaded) by the
//!   app when it arrives, once (`page::press`).

use super::draw::add;
use crate::bx24::{self, OpenPathOutcome};
use crate::i18n::{CardMsg, Lang, t_card};
use crate::page::VCARD_PRESS;
use crate::profile::Profile;
use crate::profile::actions::{Action, MEETING, TASK, THANKS};
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use web_sys::Element;

/// The write tools, with their labels on the first screen.
pub(super) const TOOLS: [(&Action, CardMsg); 3] = [
    (&TASK, CardMsg::ActTask),
    (&MEETING, CardMsg::ActMeeting),
    (&THANKS, CardMsg::ActThanks),
];

/// Runs `on_press` on every click of `element`, for the page's life (the drawn card is
/// removed whole when the app takes over).
fn on_click(element: &Element, on_press: impl FnMut() + 'static) {
    let listener = Closure::<dyn FnMut()>::new(on_press).into_js_value();
    let _ = element.add_event_listener_with_callback("click", listener.unchecked_ref());
}

/// `<span class="action"><button class="button {look} {class}">label</button><span
/// class="why">reason</span></span>`, as the app's `ActionButton`; disabled with its reason
/// shown when the action cannot apply. The button.
fn button(
    parent: &Element,
    lang: Lang,
    (class, look): (&str, &str),
    label: CardMsg,
    reason: Option<CardMsg>,
) -> Option<Element> {
    let action = add(parent, "span", "action", "")?;
    let button = add(
        &action,
        "button",
        &format!("button {look} {class}"),
        t_card(lang, label),
    )?;
    let _ = button.set_attribute("type", "button");
    let why = add(
        &action,
        "span",
        "why",
        reason.map_or("", |r| t_card(lang, r)),
    )?;
    let _ = why.set_attribute("id", &format!("why-{class}"));
    if reason.is_some() {
        let _ = button.set_attribute("disabled", "");
        let _ = button.set_attribute("aria-describedby", &format!("why-{class}"));
    }
    Some(button)
}

/// The actions that reach the person and the tools, after the card's header.
pub(super) fn draw(card: &Element, lang: Lang, profile: &Profile) -> Option<()> {
    let nav = add(card, "nav", "actions", "")?;
    let _ = nav.set_attribute("aria-label", t_card(lang, CardMsg::Actions));
    let id = profile.person.id.get();
    let reason = (!profile.person.active).then_some(CardMsg::ReasonFired);
    if !profile.is_me() {
        let message = button(&nav, lang, ("message", ""), CardMsg::Message, reason)?;
        on_click(&message, move || {
            bx24::early::command("imOpenMessenger", &[("dialogId", id.to_string().into())]);
        });
        for (class, label, video) in [
            ("call", CardMsg::AudioCall, false),
            ("video", CardMsg::VideoCall, true),
        ] {
            let call = button(&nav, lang, (class, "secondary"), label, reason)?;
            on_click(&call, move || {
                bx24::early::command(
                    "imCallTo",
                    &[("userId", id.into()), ("video", video.into())],
                );
            });
        }
        let phone = profile.person.phones().into_iter().map(|(_, n)| n).next();
        let phone_reason = reason.or(phone.is_none().then_some(CardMsg::ReasonNoPhone));
        let dial = button(
            &nav,
            lang,
            ("phone", "secondary"),
            CardMsg::PhoneCall,
            phone_reason,
        )?;
        on_click(&dial, move || {
            if let Some(number) = &phone {
                bx24::early::command("imPhoneTo", &[("phone", number.into())]);
            }
        });
    }
    let open = button(
        &nav,
        lang,
        ("profile", "secondary"),
        CardMsg::OpenProfile,
        None,
    )?;
    let error_after = nav.clone();
    on_click(&open, move || {
        let error_after = error_after.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let path = format!("/company/personal/user/{id}/");
            if let Some(OpenPathOutcome::Refused(code)) = bx24::early::open_path(&path).await {
                web_sys::console::warn_1(
                    &format!("profile widget: openPath refused: {code}").into(),
                );
                refused(&error_after, lang);
            }
        });
    });
    if profile.is_me() {
        add(&nav, "p", "own-card", t_card(lang, CardMsg::OwnCard))?;
    }
    tools(card, lang, profile)
}

/// Says, once, under the actions that the portal cannot open profiles from applications.
fn refused(nav: &Element, lang: Lang) {
    let shown = nav
        .next_element_sibling()
        .is_some_and(|next| next.class_name() == "action-error");
    if !shown {
        let Some(line) = nav
            .owner_document()
            .and_then(|d| d.create_element("p").ok())
        else {
            return;
        };
        line.set_class_name("action-error");
        let _ = line.set_attribute("role", "alert");
        line.set_text_content(Some(t_card(lang, CardMsg::ReasonNoPath)));
        let _ = nav.after_with_node_1(&line);
    }
}

/// Task, meeting, appreciation, the vCard and (on my own card) the QR code, and the empty
/// panel the app opens them in.
fn tools(card: &Element, lang: Lang, profile: &Profile) -> Option<()> {
    let nav = add(card, "nav", "actions tools", "")?;
    let _ = nav.set_attribute("aria-label", t_card(lang, CardMsg::Tools));
    let fired = !profile.person.active;
    for (action, label) in TOOLS {
        if !action.on_my_card && profile.is_me() {
            continue;
        }
        let reason = if fired {
            Some(CardMsg::ReasonFired)
        } else {
            (!profile.has_scope(action.scope)).then_some(CardMsg::ReasonNoScope)
        };
        pending(
            &button(&nav, lang, (action.name, "quiet"), label, reason)?,
            Some("tool-panel"),
            action.name.to_owned(),
        );
    }
    let vcard = add(&nav, "span", "action", "")?;
    let vcard = add(
        &vcard,
        "button",
        "button quiet vcard",
        t_card(lang, CardMsg::ActVcard),
    )?;
    let _ = vcard.set_attribute("type", "button");
    pending(&vcard, None, VCARD_PRESS.to_owned());
    if profile.is_me() {
        pending(
            &button(&nav, lang, ("qr", "quiet"), CardMsg::ActQr, None)?,
            Some("tool-panel"),
            "qr".to_owned(),
        );
    }
    let panel = add(card, "div", "tool-panel", "")?;
    let _ = panel.set_attribute("id", "tool-panel");
    Some(())
}

/// A button whose work is the app's (a tool, a chip, the vCard): with `panel` (the element
/// the app fills, if any) named; pressed, it shows as loading and `press` is left for the app
/// to act on when it arrives (the last press on the card, once).
pub(super) fn pending(button: &Element, panel: Option<&str>, press: String) {
    if let Some(panel) = panel {
        let _ = button.set_attribute("aria-controls", panel);
        let _ = button.set_attribute("aria-expanded", "false");
    }
    let pressed = button.clone();
    on_click(button, move || {
        crate::page::press(&press);
        let busy = pressed
            .closest(".first-card")
            .ok()
            .flatten()
            .and_then(|card| card.query_selector_all("[aria-busy]").ok());
        for i in 0..busy.as_ref().map_or(0, |list| list.length()) {
            let other = busy.as_ref().and_then(|list| list.item(i));
            if let Some(other) = other.and_then(|n| n.dyn_into::<Element>().ok()) {
                let _ = other.remove_attribute("aria-busy");
            }
        }
        let _ = pressed.set_attribute("aria-busy", "true");
    });
}

/// A copy button after a contact row's link, as the app's: copies the value, then says so.
pub(super) fn copy_button(row: &Element, lang: Lang, value: &str) -> Option<()> {
    let copy = add(row, "button", "copy", t_card(lang, CardMsg::Copy))?;
    let _ = copy.set_attribute("type", "button");
    let _ = copy.set_attribute(
        "aria-label",
        &format!("{} {value}", t_card(lang, CardMsg::Copy)),
    );
    let value = value.to_owned();
    let shown = copy.clone();
    on_click(&copy, move || {
        let (value, shown) = (value.clone(), shown.clone());
        wasm_bindgen_futures::spawn_local(async move {
            if crate::page::copy_to_clipboard(&value).await {
                shown.set_text_content(Some(t_card(lang, CardMsg::Copied)));
                let back = shown.clone();
                let restore = Closure::once_into_js(move || {
                    back.set_text_content(Some(t_card(lang, CardMsg::Copy)))
                });
                if let Some(window) = web_sys::window() {
                    let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(
                        restore.unchecked_ref(),
                        2_000,
                    );
                }
            }
        });
    });
    Some(())
}

#[cfg(test)]
mod tests {
    use super::TOOLS;
    use crate::i18n::Msg;

    #[test]
    fn the_drawn_tools_carry_the_app_s_labels() {
        for (action, label) in TOOLS {
            assert_eq!(Msg::from(label), action.label, "{}", action.name);
        }
    }
}
