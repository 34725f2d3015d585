//! Keeping the token fresh in frames left open, as the official SDK's `keepAuthFresh`: a
//! refresh a few minutes before `AUTH_EXPIRES`, and a check whenever the page becomes
//! visible again (timers sleep in background tabs). Never throws; a refresh that fails is
//! tried again after 30 s, then less often.

use crate::{Bx24, js};
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

/// Keeps the token fresh until dropped. Made by [`Bx24::keep_auth_fresh`].
#[must_use = "the token is kept fresh only while this is held"]
pub struct KeepAuthFresh {
    stopped: Rc<Cell<bool>>,
    on_visible: Option<Closure<dyn FnMut()>>,
}

/// The longest single wait: the clock is checked at least this often.
const RECHECK_MS: u32 = 60_000;
const FIRST_BACK_OFF_MS: u32 = 30_000;
const LAST_BACK_OFF_MS: u32 = 5 * 60_000;

impl Bx24 {
    /// Refreshes the token ahead of its expiry ([`crate::Options::refresh_ahead_ms`]) for as
    /// long as the handle lives.
    ///
    /// ```no_run
    /// # fn demo(bx24: bx24::Bx24) {
    /// let fresh = bx24.keep_auth_fresh();
    /// // … the frame stays open for hours …
    /// drop(fresh);
    /// # }
    /// ```
    pub fn keep_auth_fresh(&self) -> KeepAuthFresh {
        let stopped = Rc::new(Cell::new(false));
        let rest = (**self).clone();
        let running = stopped.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let mut back_off = FIRST_BACK_OFF_MS;
            while !running.get() {
                let Some(due_in) = rest.refresh_due_in_ms() else {
                    return; // no token, or the session has ended
                };
                if due_in > 0 {
                    js::sleep(due_in.min(RECHECK_MS)).await;
                    continue;
                }
                match rest.refresh().await {
                    Ok(()) => back_off = FIRST_BACK_OFF_MS,
                    Err(_) => {
                        js::sleep(back_off).await;
                        back_off = (back_off * 2).min(LAST_BACK_OFF_MS);
                    }
                }
            }
        });
        let rest = (**self).clone();
        let on_visible = Closure::<dyn FnMut()>::new(move || {
            let visible = web_sys::window()
                .and_then(|w| w.document())
                .is_some_and(|d| {
                    js::member(&d, "visibilityState").as_string().as_deref() == Some("visible")
                });
            if visible {
                let rest = rest.clone();
                wasm_bindgen_futures::spawn_local(async move {
                    let _ = rest.refresh_if_due().await;
                });
            }
        });
        let listening = web_sys::window()
            .and_then(|w| w.document())
            .is_some_and(|d| {
                d.add_event_listener_with_callback(
                    "visibilitychange",
                    on_visible.as_ref().unchecked_ref(),
                )
                .is_ok()
            });
        KeepAuthFresh {
            stopped,
            on_visible: listening.then_some(on_visible),
        }
    }
}

impl Drop for KeepAuthFresh {
    fn drop(&mut self) {
        self.stopped.set(true);
        if let (Some(callback), Some(document)) = (
            self.on_visible.take(),
            web_sys::window().and_then(|w| w.document()),
        ) {
            let _ = document.remove_event_listener_with_callback(
                "visibilitychange",
                callback.as_ref().unchecked_ref(),
            );
        }
    }
}
