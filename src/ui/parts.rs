//! The parts of the app that arrive on use: the tools' panels (forms and QR code), the people
//! lists and search, the install page. In a release build (the `split` feature, split by
//! `scripts/split-app.sh`) each is a wasm file of its own, downloaded the first time it is
//! needed or when the card is idle; elsewhere (tests, `trunk serve`) it is linked in and
//! arrives at once. What a form holds lives in the card (`forms::Kept`), never in a part, so a
//! part that cannot be downloaded loses nothing typed: [`OnUse`] says so, with a retry that
//! downloads it again (the loader keeps successes only).

use crate::i18n::{Lang, Msg, t};
use leptos::prelude::*;
use std::future::Future;
use std::pin::Pin;

/// A part that could not be downloaded (the loader logs why to the console).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Missing;

#[cfg(feature = "split")]
impl From<leptos::wasm_split::SplitLoaderError> for Missing {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        Missing
    }
}

/// A part's entry point once it is here: builds its view from its arguments.
pub type Entry<A> = fn(A) -> AnyView;

/// Waiting for a part: its entry point, or why it did not come.
pub type Arrival<A> = Pin<Box<dyn Future<Output = Result<Entry<A>, Missing>>>>;

/// Defines `fn $getter() -> Arrival<$args>`, which downloads the part `$part` (once it has
/// succeeded, at once) and gives `$entry`, the one function through which the rest of the app
/// reaches the part's code. Split builds make `$link` the split point. (Not formatted: rustfmt
/// indents the attribute further on every run.)
#[rustfmt::skip]
macro_rules! part {
    ($part:ident, $getter:ident, $link:ident, $args:ty, $entry:path) => {
        #[cfg_attr(
            feature = "split",
            ::leptos::wasm_split::wasm_split($part, wasm_split_path = ::leptos::wasm_split, fallible)
        )]
        fn $link() -> Result<$crate::ui::parts::Entry<$args>, $crate::ui::parts::Missing> {
            Ok($entry)
        }

        /// Downloads this part if it is not here yet; its entry point.
        fn $getter() -> $crate::ui::parts::Arrival<$args> {
            #[cfg(feature = "split")]
            return Box::pin($link());
            #[cfg(not(feature = "split"))]
            return Box::pin(async { $link() });
        }
    };
}
pub(crate) use part;

/// Shows the view a part builds from `args` once the part is here: a busy status meanwhile,
/// and if it cannot be downloaded, the error and a retry that asks for it again. `arrive` is
/// called once, and once more per retry.
#[component]
pub fn OnUse<A: Clone + Send + Sync + 'static>(
    lang: Lang,
    arrive: fn() -> Arrival<A>,
    args: A,
) -> impl IntoView {
    let arrival = RwSignal::new(None::<Result<Entry<A>, Missing>>);
    let ask = move || {
        arrival.set(None);
        leptos::task::spawn_local(async move {
            let arrived = arrive().await;
            arrival.try_set(Some(arrived));
        });
    };
    ask();
    move || {
        match arrival.get() {
        Some(Ok(entry)) => entry(args.clone()),
        Some(Err(Missing)) => view! {
            <p class="form-note failed part-missing" role="alert">
                {t(lang, Msg::ErrNetwork)}" "
                <button type="button" class="button secondary" on:click=move |_| ask()>
                    {t(lang, Msg::Retry)}
                </button>
            </p>
        }
        .into_any(),
        None => view! {
            <p class="form-note part-loading" role="status" aria-busy="true">{t(lang, Msg::Loading)}</p>
        }
        .into_any(),
    }
    }
}
