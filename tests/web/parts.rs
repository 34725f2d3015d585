//! The app's parts loaded on use (`ui::OnUse`): what shows while a part is on its way, once it
//! arrives, and when it cannot be downloaded. These builds link every part in, so the part here
//! is a stand-in whose arrival the test holds back or fails; the release's real split is tested
//! end to end (e2e/parts.test.mjs).

use super::support::*;
use futures::channel::oneshot;
use leptos::prelude::*;
use profile_widget::i18n::Lang;
use profile_widget::ui::{Arrival, Entry, Missing, OnUse};
use std::cell::{Cell, RefCell};
use wasm_bindgen_test::*;

thread_local! {
    /// How many times the stand-in part was asked for.
    static ASKED: Cell<u32> = const { Cell::new(0) };
    /// Whether the next arrival fails (a refused download).
    static REFUSE: Cell<bool> = const { Cell::new(false) };
    /// Holds the next arrival until the test sends.
    static HELD: RefCell<Option<oneshot::Receiver<()>>> = const { RefCell::new(None) };
}

fn arrived_view(label: &'static str) -> AnyView {
    view! { <p class="arrived">{label}</p> }.into_any()
}

fn stand_in() -> Arrival<&'static str> {
    ASKED.set(ASKED.get() + 1);
    let held = HELD.take();
    let refuse = REFUSE.get();
    Box::pin(async move {
        if let Some(held) = held {
            let _ = held.await;
        }
        if refuse {
            Err(Missing)
        } else {
            Ok(arrived_view as Entry<&'static str>)
        }
    })
}

fn mount_part(host: &web_sys::HtmlElement) -> leptos::mount::UnmountHandle<impl Mountable> {
    leptos::mount::mount_to(host.clone(), || {
        view! { <OnUse lang=Lang::En arrive=stand_in args="the form"/> }
    })
}

#[wasm_bindgen_test]
async fn a_part_on_its_way_shows_as_busy_then_its_view_once() {
    ASKED.set(0);
    REFUSE.set(false);
    let (release, held) = oneshot::channel();
    HELD.set(Some(held));
    let host = host();
    let _mounted = mount_part(&host);
    let loading = find(&host, ".part-loading").await;
    assert_eq!(loading.get_attribute("aria-busy").as_deref(), Some("true"));
    assert_eq!(loading.get_attribute("role").as_deref(), Some("status"));
    sleep(50).await;
    assert!(
        host.query_selector(".arrived").unwrap().is_none(),
        "not before it arrives"
    );
    release.send(()).unwrap();
    find(&host, ".arrived").await;
    assert_eq!(
        text(&host, ".arrived"),
        "the form",
        "built from its arguments"
    );
    assert_eq!(host.query_selector_all(".arrived").unwrap().length(), 1);
    assert!(host.query_selector(".part-loading").unwrap().is_none());
    assert_eq!(ASKED.get(), 1, "asked for once");
}

#[wasm_bindgen_test]
async fn a_part_that_cannot_be_downloaded_says_so_and_retry_asks_again() {
    ASKED.set(0);
    REFUSE.set(true);
    let host = host();
    let _mounted = mount_part(&host);
    let missing = find(&host, ".part-missing").await;
    assert_eq!(missing.get_attribute("role").as_deref(), Some("alert"));
    assert!(
        text(&host, ".part-missing").starts_with("Bitrix24 could not be reached."),
        "{}",
        text(&host, ".part-missing")
    );
    assert_eq!(ASKED.get(), 1);
    assert!(host.query_selector(".arrived").unwrap().is_none());
    REFUSE.set(false);
    let retry = button(&host, ".part-missing button");
    assert_eq!(retry.text_content().as_deref(), Some("Try again"));
    retry.click();
    find(&host, ".arrived").await;
    assert_eq!(ASKED.get(), 2, "Retry asked once more");
    assert!(host.query_selector(".part-missing").unwrap().is_none());
}
