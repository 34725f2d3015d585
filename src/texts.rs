//! The user's language, fetched: a wasm build has only English built in, and takes the other
//! languages' texts (`crates/locale-files`, one file per language and part) through the page's
//! loader (`web/bx24-loader.js`), which fetches each once for both binaries and usually has
//! the first screen's in hand before any wasm runs. Any failure (no loader, a file missing,
//! late or made for another build) leaves English, and says so in the console.

use crate::i18n::{self, Lang, Part, TextsError};
use wasm_bindgen::{JsCast, JsValue};

/// Where the loader puts its texts function: `Symbol.for(TEXTS_SLOT)` on `window`.
const TEXTS_SLOT: &str = "profile-widget.texts";

/// The loader's `(code, part) → Promise<file | null>`, if the page has one.
fn loader() -> Option<js_sys::Function> {
    let window = web_sys::window()?;
    js_sys::Reflect::get(&window, &js_sys::Symbol::for_(TEXTS_SLOT))
        .ok()?
        .dyn_into()
        .ok()
}

/// Asks the loader for `lang`'s texts of `part`.
fn request(lang: Lang, part: Part) -> Option<js_sys::Promise> {
    loader()?
        .call2(
            &JsValue::NULL,
            &lang.bitrix_code().into(),
            &part.name().into(),
        )
        .ok()?
        .dyn_into()
        .ok()
}

/// Starts fetching `lang`'s texts of `part` without waiting for them (for the app, while its
/// code downloads).
pub fn prefetch(lang: Lang, part: Part) {
    if !i18n::has_texts(lang, part) {
        let _ = request(lang, part);
    }
}

/// The language to show for `lang`: itself once its texts of every one of `parts` are in
/// (fetched unless built in or in already), or else English, whose texts always are.
///
/// ```no_run
/// # async fn demo() {
/// use profile_widget::i18n::{Lang, Part};
/// let shown = profile_widget::texts::language(Lang::De, &Part::ALL).await;
/// # }
/// ```
pub async fn language(lang: Lang, parts: &[Part]) -> Lang {
    for &part in parts {
        let install = |keys: &str, texts| i18n::install(lang, part, keys, texts);
        if !load(lang, part, install).await {
            return Lang::default();
        }
    }
    lang
}

/// [`language`] for the first screen's texts alone, as the first paint needs them: it links
/// only the first screen's English texts (the check of a fetched file compares with English).
///
/// ```no_run
/// # async fn demo() {
/// use profile_widget::i18n::Lang;
/// let shown = profile_widget::texts::card_language(Lang::De).await;
/// # }
/// ```
pub async fn card_language(lang: Lang) -> Lang {
    let install = |keys: &str, texts| i18n::install_card(lang, keys, texts);
    if load(lang, Part::Card, install).await {
        lang
    } else {
        Lang::default()
    }
}

/// Fetches `lang`'s texts of `part` through the loader and takes them with `install`, unless
/// they are built in or in already. Whether they are in now.
async fn load(
    lang: Lang,
    part: Part,
    install: impl FnOnce(&str, Vec<String>) -> Result<(), TextsError>,
) -> bool {
    if i18n::has_texts(lang, part) {
        return true;
    }
    let Some(promise) = request(lang, part) else {
        return false;
    };
    let file = wasm_bindgen_futures::JsFuture::from(promise).await.ok();
    let why = match file.as_ref().and_then(read) {
        None => "no file".to_owned(),
        Some((keys, texts)) => match install(&keys, texts) {
            Ok(()) => return true,
            Err(refused) => refused.to_string(),
        },
    };
    let warning = format!(
        "profile widget: the {} texts of {} are not in ({why}): English instead",
        part.name(),
        lang.bitrix_code()
    );
    web_sys::console::warn_1(&warning.into());
    false
}

/// A texts file's `keys` and `texts`.
fn read(file: &JsValue) -> Option<(String, Vec<String>)> {
    let keys = js_sys::Reflect::get(file, &"keys".into())
        .ok()?
        .as_string()?;
    let texts: js_sys::Array = js_sys::Reflect::get(file, &"texts".into())
        .ok()?
        .dyn_into()
        .ok()?;
    let texts = texts
        .iter()
        .map(|text| text.as_string())
        .collect::<Option<_>>()?;
    Some((keys, texts))
}
