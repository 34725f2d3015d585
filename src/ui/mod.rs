//! Leptos components. They take typed data from `bx24` and `context`, never raw JSON.

mod status;

use crate::bx24::{self, Bx24, Error, Options};
use crate::context::PlacementContext;
use crate::i18n::{Lang, Msg, t};
use leptos::prelude::*;
pub use status::{ContextCard, ErrorPanel, OutsidePage};

/// What the widget is doing.
///
/// ```
/// use profile_widget::ui::Phase;
/// assert_ne!(Phase::Connecting, Phase::Outside);
/// ```
#[derive(Clone, Debug, PartialEq)]
pub enum Phase {
    /// Waiting for the portal.
    Connecting,
    /// Not inside a Bitrix24 frame.
    Outside,
    /// Connected, with a valid context.
    Ready(PlacementContext),
    /// Something failed.
    Failed(Error),
}

/// The widget's root: connects, reads the placement, shows it or a clear error.
/// `options` tune the bridge's timeouts (tests use short ones).
///
/// ```no_run
/// use leptos::prelude::*;
/// use profile_widget::ui::App;
/// leptos::mount::mount_to_body(|| view! { <App/> });
/// ```
#[component]
pub fn App(
    /// Timeouts and retries of the BX24 bridge; defaults when left out.
    #[prop(optional)]
    options: Option<Options>,
) -> impl IntoView {
    let options = StoredValue::new(options.unwrap_or_default());
    let phase = RwSignal::new(Phase::Connecting);
    let lang = RwSignal::new(url_lang());
    let start = move || {
        if !bx24::is_available() {
            phase.set(Phase::Outside);
            return;
        }
        phase.set(Phase::Connecting);
        leptos::task::spawn_local(async move {
            let (next, portal_lang) = load(options.get_value()).await;
            if let Some(code) = portal_lang {
                lang.set(Lang::from_bitrix(&code));
            }
            if let Phase::Failed(error) = &next {
                web_sys::console::warn_1(&format!("profile widget: {error}").into());
            }
            phase.set(next);
        });
    };
    start();
    view! {
        <main class="widget" lang=move || lang.get().tag()>
            {move || match phase.get() {
                Phase::Connecting => view! {
                    <p class="status" role="status" aria-live="polite">{t(lang.get(), Msg::Connecting)}</p>
                }.into_any(),
                Phase::Outside => view! { <OutsidePage lang=lang.get()/> }.into_any(),
                Phase::Ready(context) => view! { <ContextCard lang=lang.get() context/> }.into_any(),
                Phase::Failed(error) => {
                    view! { <ErrorPanel lang=lang.get() error on_retry=Callback::new(move |_| start())/> }.into_any()
                }
            }}
        </main>
    }
}

/// Connects and reads the context; also returns the portal's `LANG` once known.
async fn load(options: Options) -> (Phase, Option<String>) {
    let bx24: Bx24 = match bx24::connect_with(options).await {
        Ok(bx24) => bx24,
        Err(error) => return (Phase::Failed(error), None),
    };
    let lang = Some(bx24.lang());
    let phase = match bx24.placement() {
        Ok(context) => Phase::Ready(context),
        Err(error) => Phase::Failed(error),
    };
    let fit = bx24.clone();
    leptos::task::spawn_local(async move {
        // After the next paint, so the portal measures the rendered card.
        gloo_timers::future::TimeoutFuture::new(0).await;
        if let Err(error) = fit.fit_window().await {
            web_sys::console::warn_1(&format!("profile widget: {error}").into());
        }
    });
    (phase, lang)
}

/// `LANG` from the handler URL's query (Bitrix24 appends it), for pages shown before
/// or without a connection.
fn url_lang() -> Lang {
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
