//! Leptos components. They take typed data from `bx24`, `context` and `profile`, never raw
//! JSON, and send through `profile::api` only. The language and the bridge reach the
//! components of a connected screen through context (`shared`).

mod about;
mod actions;
mod card;
mod failure;
mod forms;
mod install;
mod parts;
mod people;
mod share;
mod shared;
mod status;
mod theme;

use crate::bx24::{self, Bx24, Options};
use crate::card::format;
use crate::context::{ContextError, PlacementCode, PlacementContext, UserId};
use crate::i18n::{Lang, Msg, Part, retrying_in, t};
use crate::page::{mark, url_lang};
use crate::profile::{self, LoadError, Profile};
pub use card::ProfileCard;
pub use install::InstallPage;
use leptos::prelude::*;
use parts::part;
pub use parts::{Arrival, Entry, Missing, OnUse};
pub use shared::Bridge;
pub use status::{ErrorPanel, OutsidePage};

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
    /// Opened as the application's own page (`DEFAULT`): install and settings.
    Install(Bridge),
    /// Connected; the profile is loading.
    Loading(PlacementContext),
    /// The card is ready.
    Card(PlacementContext, Box<Profile>, Bridge),
    /// Something failed.
    Failed(LoadError),
}

/// The widget's root: connects, reads the placement, loads the profile in one request and
/// shows the card, or a clear error with a retry where one can help.
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
    // What shows before the connection (connecting, outside Bitrix24) is in the URL's language.
    leptos::task::spawn_local(async move {
        let Some(asked) = lang.try_get_untracked() else {
            return;
        };
        let shown = crate::texts::language(asked, &Part::ALL).await;
        // Unless the connection chose the language meanwhile (or the app is gone).
        if lang.try_get_untracked() == Some(asked) {
            lang.try_set(shown);
        }
    });
    // Made once and kept for every later start (another person's card, a retry).
    let connection = StoredValue::new(None::<Bridge>);
    let fresh = StoredValue::new_local(None::<bx24::KeepAuthFresh>);
    // The person shown when the viewer opened someone else from the card; `None` = the
    // placement's own `USER_ID`.
    let target = StoredValue::new(None::<UserId>);
    // Rate-limited or lost reads retry by themselves; this shows why, and a countdown to when
    // (the deadline in ms since the epoch, and a clock ticking twice a second).
    let retry = RwSignal::new(None::<(Msg, f64)>);
    let clock = RwSignal::new(js_sys::Date::now());
    let _ticker = StoredValue::new_local(gloo_timers::callback::Interval::new(500, move || {
        clock.set(js_sys::Date::now())
    }));
    let start = move || {
        if !bx24::is_available() {
            phase.set(Phase::Outside);
            return;
        }
        phase.set(Phase::Connecting);
        mark("profile:start");
        leptos::task::spawn_local(async move {
            let bridge = match connection.get_value() {
                Some(bridge) => bridge,
                None => match bx24::connect_with(options.get_value()).await {
                    Ok(bx24) => {
                        let bx24 = bx24.on_retry(move |notice| {
                            let until = js_sys::Date::now() + f64::from(notice.delay_ms);
                            retry.set(Some((crate::errors::message(&notice.error), until)));
                        });
                        let ui_lang = Lang::from_bitrix(&bx24.lang());
                        let ui_lang = crate::texts::language(ui_lang, &Part::ALL).await;
                        lang.set(ui_lang);
                        // The loader has usually set it already, from the same init data.
                        let kept = bx24.user_option(crate::page::THEME_OPTION);
                        crate::page::set_dark(crate::page::wants_dark(kept.as_ref()));
                        // Once per page: runs when this task next waits, i.e. once the first
                        // request below is sent.
                        leptos::task::spawn_local(async move { format::warm_up(ui_lang) });
                        // A session that ends (the portal refused every token, or the
                        // token now belongs to someone else) ends the card: nothing more is
                        // sent, and the user is told to reload.
                        bx24.on_session_end(move |error| {
                            phase.set(Phase::Failed(LoadError::Bridge(error.clone())));
                        });
                        fresh.set_value(Some(bx24.keep_auth_fresh()));
                        fit_on_resize(&bx24);
                        let bridge = StoredValue::new_local(bx24);
                        connection.set_value(Some(bridge));
                        bridge
                    }
                    Err(error) => return fail(phase, error.into()),
                },
            };
            let bx24 = bridge.get_value();
            let context = match profile::placement(&bx24) {
                Ok(context) => context,
                Err(LoadError::Context(ContextError::NotAProfilePlacement(code)))
                    if code == PlacementCode::Default.as_str() =>
                {
                    phase.set(Phase::Install(bridge));
                    return fit(&bx24).await;
                }
                Err(error) => return fail(phase, error),
            };
            mark("profile:connected");
            phase.set(Phase::Loading(context.clone()));
            let user = target.get_value().unwrap_or(context.user_id);
            let loaded = profile::load(&bx24, user).await;
            retry.set(None);
            match loaded {
                Ok(profile) => {
                    mark("profile:data");
                    phase.set(Phase::Card(context, Box::new(profile), bridge));
                    mark("profile:card");
                }
                Err(error) => fail(phase, error),
            }
            fit(&bx24).await;
        });
    };
    start();
    let open_person = move |user: Option<UserId>| {
        target.set_value(user);
        start();
    };
    view! {
        <main class="widget" lang=move || lang.get().tag() dir=move || lang.get().dir()>
            {move || {
                let phase = phase.get();
                if !matches!(phase, Phase::Connecting | Phase::Loading(_)) {
                    // Built and inserted in this same run: the drawn card and this one are
                    // never both in the page.
                    crate::page::retire();
                }
                match phase {
                Phase::Connecting => view! {
                    <p class="status" role="status" aria-live="polite">{t(lang.get(), Msg::Connecting)}</p>
                }.into_any(),
                Phase::Outside => view! { <OutsidePage lang=lang.get()/> }.into_any(),
                Phase::Install(bridge) => view! {
                    <OnUse lang=lang.get() arrive=install_part args=(lang.get(), bridge)/>
                }.into_any(),
                Phase::Loading(_) => view! {
                    <div class="skeleton" role="status" aria-live="polite">
                        <div class="skeleton-avatar"></div>
                        <div class="skeleton-lines"><div></div><div></div></div>
                        <span class="visually-hidden">{t(lang.get(), Msg::Loading)}</span>
                    </div>
                    <p class="retrying" role="status">
                        {move || retry.get().map(|(why, until)| {
                            let seconds = ((until - clock.get()) / 1000.0).ceil().max(0.0) as u32;
                            format!("{} {}", t(lang.get(), why), retrying_in(lang.get(), seconds))
                        })}
                    </p>
                }.into_any(),
                Phase::Card(context, profile, bridge) => {
                    let away = profile.person.id != context.user_id;
                    view! {
                        {away.then(|| view! {
                            <button type="button" class="button secondary back" on:click=move |_| open_person(None)>
                                {t(lang.get(), Msg::BackToCard)}
                            </button>
                        })}
                        <ProfileCard lang=lang.get() bridge profile=*profile placement=context.code
                            on_open=Callback::new(move |user| open_person(Some(user)))/>
                    }.into_any()
                }
                Phase::Failed(error) => view! {
                    <ErrorPanel lang=lang.get() error on_retry=Callback::new(move |_| start())/>
                }.into_any(),
            }}}
        </main>
    }
}

// The application's own page (install and settings): the part `install`, downloaded when the
// portal opens it.
part!(
    install,
    install_part,
    install_entry,
    (Lang, Bridge),
    install_view
);

fn install_view((lang, bridge): (Lang, Bridge)) -> AnyView {
    view! { <InstallPage lang bridge/> }.into_any()
}

fn fail(phase: RwSignal<Phase>, error: LoadError) {
    web_sys::console::warn_1(&format!("profile widget: {error}").into());
    phase.set(Phase::Failed(error));
}

/// Fits the frame to the content after the next paint.
async fn fit(bx24: &Bx24) {
    gloo_timers::future::TimeoutFuture::new(0).await;
    if let Err(error) = bx24.fit_window().await {
        web_sys::console::warn_1(&format!("profile widget: {error}").into());
    }
}

#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    /// The browser's `ResizeObserver`; constructing it throws where there is none.
    type ResizeObserver;

    #[wasm_bindgen(catch, constructor)]
    fn new(
        on_resize: &wasm_bindgen::closure::Closure<dyn FnMut()>,
    ) -> Result<ResizeObserver, wasm_bindgen::JsValue>;

    #[wasm_bindgen(method)]
    fn observe(this: &ResizeObserver, target: &web_sys::Element);
}

/// Fits the frame whenever the page's size changes (a form opens, a list loads), so the
/// frame never shows an inner scrollbar. Lives as long as the page.
fn fit_on_resize(bx24: &Bx24) {
    use wasm_bindgen::closure::Closure;
    let bx24 = bx24.clone();
    let pending = std::rc::Rc::new(std::cell::Cell::new(false));
    let on_resize = Closure::<dyn FnMut()>::new(move || {
        if pending.replace(true) {
            return; // one fit per frame is enough
        }
        let (bx24, pending) = (bx24.clone(), pending.clone());
        leptos::task::spawn_local(async move {
            fit(&bx24).await;
            pending.set(false);
        });
    });
    let Some(body) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.body())
    else {
        return;
    };
    if let Ok(observer) = ResizeObserver::new(&on_resize) {
        observer.observe(&body);
        // Both live as long as the page: the observer holds the closure.
        on_resize.forget();
        std::mem::forget(observer);
    }
}
