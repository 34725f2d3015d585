//! What the components of a connected screen read from context instead of props: the
//! language and the bridge. [`ProfileCard`](super::ProfileCard) and
//! [`InstallPage`](super::InstallPage) provide it for everything inside them.

use crate::bx24::Bx24;
use crate::i18n::Lang;
use leptos::prelude::*;

/// The connected bridge as a handle that signals and the context can carry (the library's
/// objects belong to the page's thread).
pub type Bridge = StoredValue<Bx24, LocalStorage>;

/// The screen's language and bridge.
#[derive(Clone, Copy, Debug)]
pub struct Ui {
    /// The language everything is shown in.
    pub lang: Lang,
    bridge: Bridge,
}

impl Ui {
    /// Provides `lang` and `bridge` to everything built below the current component.
    pub fn provide(lang: Lang, bridge: Bridge) -> Self {
        let ui = Self { lang, bridge };
        provide_context(ui);
        ui
    }

    /// The bridge, to send with.
    pub fn bx24(self) -> Bx24 {
        self.bridge.get_value()
    }

    /// Runs `f` with the bridge, for a call that does not wait (no copy of the bridge made).
    pub fn with_bx24<R>(self, f: impl FnOnce(&Bx24) -> R) -> R {
        self.bridge.with_value(f)
    }
}

/// The language and bridge a `ProfileCard` or an `InstallPage` provided. Every component
/// that calls this is built inside one of them (a component test mounts them too); outside
/// one it throws, without linking a panic's formatting.
pub fn use_ui() -> Ui {
    use_context().unwrap_or_else(|| wasm_bindgen::throw_str("profile widget: no Ui context"))
}
