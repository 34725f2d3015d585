//! The page's contract between the two binaries (the first paint and the app): the User
//! Timing marks both set, the language the handler URL names, the look (light or dark, which
//! the inline loader sets first), the drawn card the app mounts beside and then retires, a
//! press on it (a tool, a chip) the app acts on when it arrives, and what both do alike on a press (copy, the
//! vCard link). Neither renderer is named here.

use crate::i18n::Lang;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element};

/// The class of the drawn card's `<main>`; the app retires it.
pub(crate) const DRAWN: &str = "first-paint";
/// The class of the container the app mounts into, hidden, beside a drawn card.
const LIVE: &str = "app-live";

fn document() -> Option<Document> {
    web_sys::window()?.document()
}

#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    /// `performance.mark(name)`; caught, as a page without User Timing throws.
    #[wasm_bindgen(catch, js_namespace = performance, js_name = mark)]
    fn performance_mark(name: &str) -> Result<(), wasm_bindgen::JsValue>;
}

/// A User Timing mark, read by the benchmark script (`performance.mark(name)`).
pub fn mark(name: &str) {
    let _ = performance_mark(name);
}

/// `LANG` from the handler URL's query (Bitrix24 appends it), for pages shown before
/// or without a connection.
pub fn url_lang() -> Lang {
    let search = web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default();
    search
        .trim_start_matches('?')
        .split('&')
        .find_map(|pair| pair.strip_prefix("LANG="))
        .map(Lang::from_bitrix)
        .unwrap_or_default()
}

/// The user option (`BX24.userOption`) that keeps the look a user chose, so that it follows
/// them across devices; `"dark"` or `"light"`. `web/bx24-loader.js` reads it from the init
/// data before any wasm runs.
pub const THEME_OPTION: &str = "theme";

/// Whether a kept option value asks for the dark look (anything else is the portal's default,
/// light).
pub fn wants_dark(value: Option<&serde_json::Value>) -> bool {
    value.and_then(serde_json::Value::as_str) == Some("dark")
}

/// The option value for a look.
pub fn theme_value(dark: bool) -> &'static str {
    if dark { "dark" } else { "light" }
}

/// Shows the page in the dark or the light look: the class `dark` on `<html>`, as the
/// stylesheet and the loader have it.
pub fn set_dark(dark: bool) {
    if let Some(root) = document().and_then(|d| d.document_element()) {
        root.set_class_name(if dark { "dark" } else { "" });
    }
}

/// Whether the page shows the dark look now.
pub fn is_dark() -> bool {
    document()
        .and_then(|d| d.document_element())
        .is_some_and(|root| root.class_name() == "dark")
}

/// The drawn card's `<main>` in `#app`, if it is there.
pub(crate) fn drawn_card(document: &Document) -> Option<Element> {
    document
        .query_selector(&format!("#app > .{DRAWN}"))
        .ok()
        .flatten()
}

/// If `#app` holds a drawn card: a new hidden container beside it, for the app to mount into.
///
/// ```no_run
/// if let Some(container) = profile_widget::page::container_beside_drawn_card() {
///     // mount the app into `container`; `retire()` shows it
/// }
/// ```
pub fn container_beside_drawn_card() -> Option<Element> {
    let document = document()?;
    drawn_card(&document)?;
    let live = document.create_element("div").ok()?;
    live.set_class_name(LIVE);
    live.set_attribute("hidden", "").ok()?;
    document
        .get_element_by_id("app")?
        .append_child(&live)
        .ok()?;
    Some(live)
}

/// Removes the drawn card and shows the app's container in its place, in one step. Does
/// nothing when there is no drawn card (any more). A link or button that had the keyboard
/// focus hands it to the same one in the app's card, which is inserted right after this call.
///
/// ```no_run
/// profile_widget::page::retire();
/// ```
pub fn retire() {
    let Some(document) = document() else { return };
    let Some(drawn) = drawn_card(&document) else {
        return;
    };
    let focused = document
        .active_element()
        .filter(|element| drawn.contains(Some(element)))
        .map(|element| same_as(&element));
    drawn.remove();
    if let Ok(Some(live)) = document.query_selector(&format!("#app > .{LIVE}")) {
        let _ = live.remove_attribute("hidden");
    }
    if let Some(same) = focused {
        // A microtask: it runs once the caller has inserted the app's card.
        wasm_bindgen_futures::spawn_local(async move { focus_same(&same) });
    }
}

/// What identifies a link or button across the two cards: its tag, class, address and label
/// (its text where it has no `aria-label`, as the chips).
fn same_as(element: &Element) -> [Option<String>; 4] {
    [
        Some(element.tag_name()),
        element.get_attribute("class"),
        element.get_attribute("href"),
        element
            .get_attribute("aria-label")
            .or_else(|| element.text_content()),
    ]
}

/// Focuses the app card's link or button that is the `same` as the one focused before.
fn focus_same(same: &[Option<String>; 4]) {
    let Some(found) = document().and_then(|d| {
        d.query_selector_all("#app .profile-card a, #app .profile-card button")
            .ok()
    }) else {
        return;
    };
    let element = (0..found.length())
        .filter_map(|i| found.item(i))
        .filter_map(|node| node.dyn_into::<web_sys::HtmlElement>().ok())
        .find(|element| same_as(element) == *same);
    if let Some(element) = element {
        let _ = element.focus();
    }
}

/// Where a press on the drawn card waits for the app: `Symbol.for(PRESSED)` on `window`,
/// shared by both binaries.
const PRESSED: &str = "profile-widget.pressed";

/// Leaves a press (a tool's name, `qr`, [`VCARD_PRESS`] or a [`chip_press`]) for the app to
/// act on when it arrives; a later press replaces an earlier one.
pub fn press(name: &str) {
    if let Some(window) = web_sys::window() {
        let _ = js_sys::Reflect::set(&window, &js_sys::Symbol::for_(PRESSED), &name.into());
    }
}

/// The press of the vCard on the drawn card: the app downloads it when it arrives.
pub const VCARD_PRESS: &str = "vcard";

/// The press of the chip at `index` among a fact's (`interests` or `skills`) chips.
pub fn chip_press(fact: &str, index: usize) -> String {
    format!("chip:{fact}:{index}")
}

/// Which of a fact's `count` chips was pressed on the drawn card, taken.
pub fn take_chip_press(fact: &str, count: usize) -> Option<usize> {
    let index_of = |name: &str| {
        let index = name
            .strip_prefix("chip:")?
            .strip_prefix(fact)?
            .strip_prefix(':')?;
        index.parse().ok().filter(|&i| i < count)
    };
    take_press(&|name| index_of(name).is_some()).and_then(|name| index_of(&name))
}

/// The press made on the drawn card, taken if `handled` says it is the caller's, so that the
/// part it belongs to acts on it once (any other stays for its own part).
pub fn take_press(handled: &dyn Fn(&str) -> bool) -> Option<String> {
    let window = web_sys::window()?;
    let key = js_sys::Symbol::for_(PRESSED);
    let name = js_sys::Reflect::get(&window, &key).ok()?.as_string()?;
    if !handled(&name) {
        return None;
    }
    let _ = js_sys::Reflect::delete_property(&window, &key);
    Some(name)
}

/// If the vCard was pressed on the drawn card: takes that press and downloads the vCard
/// from the app's card's link (as if pressed there), once the card is on the page.
pub fn download_pressed_vcard() {
    if take_press(&|name| name == VCARD_PRESS).is_none() {
        return;
    }
    let link = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector(".profile-card a.vcard").ok().flatten());
    // The selector names an `a` element: the cast is sure.
    if let Some(link) = link {
        link.unchecked_into::<web_sys::HtmlElement>().click();
    }
}

/// The `data:` URL that downloads a vCard, built with the URI encoder (never from portal
/// markup).
pub fn vcard_href(vcard: &str) -> String {
    let encoded: String = js_sys::encode_uri_component(vcard).into();
    format!("data:text/vcard;charset=utf-8,{encoded}")
}

/// Copies through the asynchronous clipboard API; `false` where the frame may not (no
/// secure context, or no clipboard-write permission), and then the button stays as it was.
pub async fn copy_to_clipboard(text: &str) -> bool {
    match write_text(text) {
        Ok(promise) => wasm_bindgen_futures::JsFuture::from(promise).await.is_ok(),
        Err(_) => false, // no `navigator.clipboard` here
    }
}

#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    /// `navigator.clipboard.writeText(text)`; throws where the frame has no clipboard.
    #[wasm_bindgen(catch, js_namespace = ["navigator", "clipboard"], js_name = writeText)]
    fn write_text(text: &str) -> Result<js_sys::Promise, wasm_bindgen::JsValue>;
}
