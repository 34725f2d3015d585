//! The page's contract between the two binaries (the first paint and the app): the User
//! Timing marks both set, the language the handler URL names, the look (light or dark, which
//! the inline loader sets first), and the drawn card the app mounts beside and then retires.
//! Neither renderer is named here.

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
/// nothing when there is no drawn card (any more). A contact link that had the keyboard focus
/// hands it to the same link in the app's card, which is inserted right after this call.
///
/// ```no_run
/// profile_widget::page::retire();
/// ```
pub fn retire() {
    let Some(document) = document() else { return };
    let Some(drawn) = drawn_card(&document) else {
        return;
    };
    let focused_link = document
        .active_element()
        .filter(|element| drawn.contains(Some(element)))
        .and_then(|element| element.get_attribute("href"));
    drawn.remove();
    if let Ok(Some(live)) = document.query_selector(&format!("#app > .{LIVE}")) {
        let _ = live.remove_attribute("hidden");
    }
    if let Some(href) = focused_link {
        // A microtask: it runs once the caller has inserted the app's card.
        wasm_bindgen_futures::spawn_local(async move { focus_link(&href) });
    }
}

/// Focuses the app card's contact link to `href`, if there is one.
fn focus_link(href: &str) {
    let Some(links) =
        document().and_then(|d| d.query_selector_all("#app .profile-card .contacts a").ok())
    else {
        return;
    };
    let same = (0..links.length())
        .filter_map(|i| links.item(i))
        .filter_map(|node| node.dyn_into::<web_sys::HtmlElement>().ok())
        .find(|link| link.get_attribute("href").as_deref() == Some(href));
    if let Some(link) = same {
        let _ = link.focus();
    }
}
