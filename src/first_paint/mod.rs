//! The first paint: what runs first in the frame, and all it has to download. Leptos and the
//! card's actions, forms and lists are the app's; this draws the card's header, contacts and
//! facts without them, and without the BX24 library, then loads the library and the app,
//! which takes the card over.
//!
//! It follows the happy path only, and hands everything else to the app untouched:
//! - the page's inline loader (`web/bx24-loader.js`) must have the init data (it asks the
//!   portal for it before any wasm arrives) within [`PAINT_WAIT_MS`], and the placement must
//!   be a profile one; otherwise the library and the app are loaded at once, and the app
//!   connects as before (`bx24::early`);
//! - the card's one batch is the loader's, usually sent before any wasm arrived, or else sent
//!   now through the loader; it stays on the page for the app (`bx24::handover`), which waits
//!   for that request instead of sending another and handles any failure of it exactly as if
//!   it had sent it (no retry is made here);
//! - it starts downloading the app at once, so that it arrives while the request is out; the
//!   library (about 20 KB) only once the card is drawn, as nothing drawn needs it;
//! - only a card it can read in full within [`PAINT_WAIT_MS`] is drawn; then the app loads.
//!
//! The app mounts hidden and replaces the drawn card in one step when it has its own
//! ([`retire`]), so there are never two cards. The drawn card's actions work before it
//! arrives (see `actions`): nothing on it takes input, so nothing typed can be lost, and a
//! tool pressed early is opened by the app, once.

mod actions;
mod draw;

pub use draw::draw;

use crate::bx24;
use crate::context::PlacementContext;
use crate::i18n::{CardMsg, Lang, Part, t_card};
use crate::profile::FirstScreen;
use wasm_bindgen::prelude::*;

/// How long the first paint waits for the card's answer before it gives the request to the
/// app (whose skeleton, retry countdowns and errors then take over).
pub const PAINT_WAIT_MS: u32 = 1_500;

#[wasm_bindgen(inline_js = "
export function load_app(file, attempt) {
  const url = new URL('../../' + file, import.meta.url);
  if (attempt > 0) url.search = 'attempt=' + attempt; // a failed import is not fetched again
  return import(url.href)
    .then((app) => app.default())
    .then((wasm) => { dispatchEvent(new CustomEvent('ProfileWidgetAppStarted', { detail: { wasm } })); });
}
export function preload_app(file) {
  const script = new URL('../../' + file, import.meta.url).href;
  const links = [['modulepreload', script, ''], ['modulepreload', script.replace(/[.]js$/, '-parts.js'), ''],
    ['preload', script.replace(/[.]js$/, '_bg.wasm'), 'fetch']];
  for (const [rel, href, as] of links) {
    const link = document.createElement('link');
    link.rel = rel;
    link.href = href;
    link.crossOrigin = 'anonymous'; /* as import() and the glue's fetch() ask for it */
    if (as) { link.as = as; link.type = 'application/wasm'; }
    document.head.appendChild(link);
  }
}
")]
extern "C" {
    /// Imports and starts the app `file`, which sits two folders above this module (in
    /// `snippets/<crate>-<hash>/`): Trunk builds it beside this binary, never starting it
    /// (its `rel=\"rust\"` link has `data-type=\"worker\"`). Then dispatches
    /// `ProfileWidgetAppStarted` with the app's wasm, as Trunk's `TrunkApplicationStarted`
    /// does for this binary (the benchmark reads both heaps).
    #[wasm_bindgen(catch)]
    fn load_app(file: &str, attempt: u32) -> Result<js_sys::Promise, JsValue>;

    /// Starts downloading the app `file`, its wasm and the loader of its parts (which the app
    /// imports: else fetched only once the app runs) without running them, so that they
    /// arrive while the card's request is out, not after the card is drawn.
    #[wasm_bindgen(catch)]
    fn preload_app(file: &str) -> Result<(), JsValue>;
}

/// The app's file, as `scripts/version-app.sh` named it in the page; Trunk's own unhashed
/// name where the page does not say.
fn app_file() -> String {
    let named = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector("meta[name='profile-widget-app']").ok()?)
        .and_then(|meta| meta.get_attribute("content"));
    match named {
        Some(file) if is_app_file(&file) => file,
        _ => "profile-widget.js".to_owned(),
    }
}

/// `profile-widget-<16 hex digits>.js`, and nothing that could lead elsewhere.
fn is_app_file(file: &str) -> bool {
    file.strip_prefix("profile-widget-")
        .and_then(|rest| rest.strip_suffix(".js"))
        .is_some_and(|hash| hash.len() == 16 && hash.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// Draws the card if it can, then loads the app. What `src/bin/paint.rs` runs.
///
/// ```no_run
/// profile_widget::first_paint::run();
/// ```
pub fn run() {
    wasm_bindgen_futures::spawn_local(async {
        crate::page::mark("profile:start");
        let _ = preload_app(&app_file());
        let host = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id("app"));
        let lang = match host {
            Some(host) => paint_into(&host).await,
            None => None,
        };
        start_app(lang, 0).await;
    });
}

/// The first paint's work, into `host`: connect if the library is ready, send the card's
/// batch for the app to take over, and draw the card if its answer can be read in time.
/// The language it drew in, or `None` when it drew nothing.
///
/// ```no_run
/// # async fn demo(host: web_sys::Element) {
/// if profile_widget::first_paint::paint_into(&host).await.is_none() {
///     // nothing drawn: the app shows what went wrong
/// }
/// # }
/// ```
pub async fn paint_into(host: &web_sys::Element) -> Option<Lang> {
    let init = bx24::early::init(PAINT_WAIT_MS).await?;
    let context = PlacementContext::from_info_with(&init.placement_info, bx24::parse_json).ok()?;
    crate::page::mark("profile:connected");
    let lang = Lang::from_bitrix(&init.lang);
    // The app's texts download beside its code; the first screen's are usually in already.
    crate::texts::prefetch(lang, Part::App);
    let user = context.user_id;
    let screen = FirstScreen::new(user);
    let results = init.batch_left(&screen.batch, PAINT_WAIT_MS).await.ok()?;
    let mut profile = screen.read(user, &results).ok()?;
    profile.viewer_admin = init.admin;
    let lang = crate::texts::card_language(lang).await;
    crate::page::mark("profile:data");
    draw(host, lang, &profile, &init.domain, context.code)?;
    crate::page::mark("profile:card");
    // The frame's height follows the card now, not when the app arrives.
    bx24::early::fit_window();
    Some(lang)
}

/// Loads the BX24 library, then the app; should either fail (the connection dropped), says so
/// with a retry, which loads what is missing.
async fn start_app(lang: Option<Lang>, attempt: u32) {
    let loaded = bx24::early::load_library().await
        && match load_app(&app_file(), attempt) {
            Ok(promise) => wasm_bindgen_futures::JsFuture::from(promise).await.is_ok(),
            Err(_) => false,
        };
    if !loaded {
        web_sys::console::warn_1(
            &"profile widget: the BX24 library or the app could not be loaded".into(),
        );
        let lang = lang.unwrap_or_else(crate::page::url_lang);
        draw::load_failed(
            t_card(lang, CardMsg::ErrNetwork),
            t_card(lang, CardMsg::Retry),
            move || {
                wasm_bindgen_futures::spawn_local(start_app(Some(lang), attempt + 1));
            },
        );
    }
}

#[cfg(test)]
mod tests {
    use super::is_app_file;

    #[test]
    fn only_a_hashed_app_file_is_imported() {
        assert!(is_app_file("profile-widget-c94a3ee1f9aa7246.js"));
        for file in [
            "profile-widget.js",
            "profile-widget-c94a3ee1f9aa724.js",
            "profile-widget-c94a3ee1f9aa7246.js?x",
            "https://evil.test/profile-widget-c94a3ee1f9aa7246.js",
            "../profile-widget-c94a3ee1f9aa7246.js",
            "profile-widget-c94a3ee1f9aa72zz.js",
        ] {
            assert!(!is_app_file(file), "{file}");
        }
    }
}
