//! The drawn card: the Leptos card's header, contacts and facts as plain DOM, from the same
//! [`Summary`] and with the same classes (one stylesheet for both). Every value from the portal
//! is set as text; links and the photo come from the summary's encoders and URL checks.

use crate::card::format;
use crate::card::{SEPARATOR, Summary};
use crate::context::PlacementCode;
use crate::i18n::{CardMsg, Lang, t_card, time_difference};
use crate::page::{DRAWN, drawn_card};
use crate::profile::Profile;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use web_sys::{Document, Element};

fn document() -> Option<Document> {
    web_sys::window()?.document()
}

/// `<tag class="class">text</tag>`, appended to `parent`.
pub(super) fn add(parent: &Element, tag: &str, class: &str, text: &str) -> Option<Element> {
    let element = parent.owner_document()?.create_element(tag).ok()?;
    if !class.is_empty() {
        element.set_attribute("class", class).ok()?;
    }
    if !text.is_empty() {
        element.set_text_content(Some(text));
    }
    parent.append_child(&element).ok()?;
    Some(element)
}

/// Replaces `host`'s content (the skeleton) with the card of `profile`, as the app would
/// show it first: header, actions, contacts and facts. `None` if the DOM refused an
/// element (the app then replaces whatever was drawn).
///
/// ```no_run
/// # fn demo(host: web_sys::Element, profile: profile_widget::profile::Profile) {
/// use profile_widget::{context::PlacementCode, i18n::Lang};
/// profile_widget::first_paint::draw(&host, Lang::En, &profile, "example.bitrix24.com",
///     PlacementCode::UserProfileMenu);
/// # }
/// ```
pub fn draw(
    host: &Element,
    lang: Lang,
    profile: &Profile,
    domain: &str,
    placement: PlacementCode,
) -> Option<()> {
    let summary = Summary::new(lang, profile, domain);
    host.set_text_content(None);
    let main = add(host, "main", &format!("widget {DRAWN}"), "")?;
    let _ = main.set_attribute("lang", lang.tag());
    let _ = main.set_attribute("dir", lang.dir());
    let card = add(&main, "article", "first-card", "")?;
    let _ = card.set_attribute("data-placement", placement.as_str());
    let _ = card.set_attribute("data-user-id", &profile.person.id.to_string());
    let _ = card.set_attribute("aria-labelledby", "drawn-name");

    add(&card, "p", "mode", summary.mode)?;
    let header = add(&card, "header", "person", "")?;
    let avatar = add(&header, "div", "avatar", "")?;
    let _ = avatar.set_attribute("aria-hidden", "true");
    match &summary.photo {
        Some(photo) => {
            let image = add(&avatar, "img", "", "")?;
            let _ = image.set_attribute("src", photo);
            let _ = image.set_attribute("alt", "");
        }
        None => {
            add(&avatar, "span", "initials", &summary.initials)?;
        }
    }
    let who = add(&header, "div", "who", "")?;
    let _ = add(&who, "h1", "", &summary.name)?.set_attribute("id", "drawn-name");
    add(&who, "p", "position", &summary.position)?;
    let badges = add(&who, "p", "badges", "")?;
    for (class, text) in &summary.badges {
        add(&badges, "span", class, text)?;
    }
    add(&who, "p", summary.presence.0, &summary.presence.1)?;
    if let Some((clock, difference)) = format::local_time(lang, &profile.person.time_zone) {
        let line = add(&card, "p", "local-time", "")?;
        add(&line, "span", "label", t_card(lang, CardMsg::LocalTime))?;
        line.append_with_str_1(" ").ok()?;
        add(&line, "strong", "", &clock)?;
        line.append_with_str_1(&format!(" · {}", time_difference(lang, difference)))
            .ok()?;
    }
    super::actions::draw(&card, lang, profile)?;

    let contacts = add(&card, "section", "contacts", "")?;
    add(&contacts, "h2", "", t_card(lang, CardMsg::Contacts))?;
    add(
        &contacts,
        "p",
        "note",
        summary.contacts_note.unwrap_or_default(),
    )?;
    let list = add(&contacts, "dl", "", "")?;
    for contact in &summary.contacts {
        add(&list, "dt", "", contact.label)?;
        let value = add(&list, "dd", "", "")?;
        let link = add(&value, "a", "", &contact.value)?;
        if let Some(href) = &contact.href {
            let _ = link.set_attribute("href", href);
        }
        super::actions::copy_button(&value, lang, &contact.value)?;
    }

    let facts = add(&add(&card, "section", "facts", "")?, "dl", "", "")?;
    for fact in &summary.facts {
        add(&facts, "dt", "", fact.label)?;
        let value = add(&facts, "dd", fact.class, "")?;
        if fact.chips {
            // The app's buttons; their colleague lists are the app's, opened when it arrives.
            let chips = add(&value, "span", "chips", "")?;
            let panel = format!("sharing-{}", fact.class);
            for (i, tag) in fact.values.iter().enumerate() {
                let chip = add(&chips, "button", "chip", "")?;
                let _ = chip.set_attribute("type", "button");
                add(&chip, "bdi", "", tag)?;
                let press = crate::page::chip_press(fact.class, i);
                super::actions::pending(&chip, Some(&panel), press);
            }
            let sharing = add(&value, "div", "sharing", "")?;
            let _ = sharing.set_attribute("id", &panel);
            let _ = sharing.set_attribute("aria-live", "polite");
        } else {
            isolated(&value, &fact.values)?;
        }
    }
    add(&facts, "dt", "", t_card(lang, CardMsg::Managers))?;
    let managers = add(&facts, "dd", "", "")?;
    add(
        &managers,
        "span",
        "note",
        summary.no_manager.unwrap_or_default(),
    )?;
    let list = add(&managers, "ol", "managers", "")?;
    for manager in &summary.managers {
        let values = [&manager.name, &manager.position].map(String::as_str);
        isolated(&add(&list, "li", "", "")?, &values)?;
    }
    Some(())
}

/// Each non-empty value in its own `<bdi>`, joined by the separator, as the app's card does.
fn isolated(parent: &Element, values: &[impl AsRef<str>]) -> Option<()> {
    let values = values.iter().map(AsRef::as_ref).filter(|v| !v.is_empty());
    for (i, value) in values.enumerate() {
        if i > 0 {
            parent.append_with_str_1(SEPARATOR).ok()?;
        }
        add(parent, "bdi", "", value)?;
    }
    Some(())
}

/// Says that the app could not be loaded, with a button that runs `retry` (once).
pub(super) fn load_failed(message: &str, retry_label: &str, retry: impl FnOnce() + 'static) {
    let Some(document) = document() else { return };
    let Some(parent) = drawn_card(&document).or_else(|| document.get_element_by_id("app")) else {
        return;
    };
    let Some(line) = add(&parent, "p", "error load-failed", message) else {
        return;
    };
    let _ = line.set_attribute("role", "alert");
    let Some(button) = add(&line, "button", "button secondary", retry_label) else {
        return;
    };
    let _ = button.set_attribute("type", "button");
    let on_click = Closure::once_into_js(move || {
        line.remove();
        retry();
    });
    let _ = button.add_event_listener_with_callback("click", on_click.unchecked_ref());
}
