//! The write actions' forms, one file each: a task, a meeting, an appreciation. What a form
//! holds ([`Kept`]: its draft and where its write stands) lives in the card, so closing a form
//! or a failed send never loses what was typed; a send in flight disables its button, so a
//! write is never submitted twice (the bridge retries writes only on definite rate limits,
//! which the server did not execute). A write whose answer was lost may exist: its form says
//! so and offers to look it up (`profile::outcome`); only a lookup that finds nothing lets it
//! be sent again. What is sent is `profile::actions`' data, through `profile::api`.

mod meeting;
mod task;
mod thanks;

pub use meeting::MeetingForm;
pub use task::TaskForm;
pub use thanks::ThanksForm;

use super::failure::{Failure, FailureNote};
use super::shared::Ui;
use crate::i18n::{Msg, t};
use crate::profile::actions::{Action, Write};
use crate::profile::api::{self, Sent};
use crate::profile::outcome::Lookup;
use leptos::prelude::*;
use serde_json::Value;

/// Where a write stands.
#[derive(Clone, Debug, PartialEq)]
pub enum WriteState {
    /// Nothing sent yet (or a validation message).
    Idle(Option<Msg>),
    /// In flight.
    Sending,
    /// Accepted; the message to show and the created id where there is one.
    Done(Msg, Option<u64>),
    /// Refused: the localized reason and the developer detail (REST code).
    Failed(Failure),
    /// Sent, and its answer lost: it may exist. Not sent again before a lookup.
    Unknown(Failure, Lookup),
    /// Looking a write whose answer was lost up.
    Checking,
}

impl WriteState {
    /// Whether the form must not send now: a send in flight, or one that may exist.
    fn blocks_sending(&self) -> bool {
        matches!(self, Self::Sending | Self::Unknown(..) | Self::Checking)
    }
}

/// What one form keeps while the card is open: the draft as typed and its write's state.
#[derive(Debug)]
pub struct Kept<D: Send + Sync + 'static> {
    /// What the user typed.
    pub draft: RwSignal<D>,
    /// Where its write stands.
    pub state: RwSignal<WriteState>,
}

impl<D: Send + Sync + 'static> Clone for Kept<D> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<D: Send + Sync + 'static> Copy for Kept<D> {}

impl<D: Default + Send + Sync + 'static> Kept<D> {
    /// An empty draft, nothing sent.
    pub fn new() -> Self {
        Self {
            draft: RwSignal::new(D::default()),
            state: RwSignal::new(WriteState::Idle(None)),
        }
    }
}

/// Sends a form's write, or shows why it cannot be sent; nothing while a send is in flight or
/// may exist. `made` runs once the write is made (it clears the draft). Not generic: one
/// copy serves every form.
fn submit(
    ui: Ui,
    state: RwSignal<WriteState>,
    write: Result<Write, Msg>,
    made: Box<dyn FnOnce(&Value)>,
) {
    if state.get_untracked().blocks_sending() {
        return;
    }
    match write {
        Ok(write) => send(ui, write, state, made),
        Err(why) => state.set(WriteState::Idle(Some(why))),
    }
}

/// What an answer makes of the form.
type OnAnswer = Box<dyn FnOnce(&Value) -> WriteState>;

/// Sends `write` and reports through `state`; `made` runs once it is made.
fn send(ui: Ui, write: Write, state: RwSignal<WriteState>, made: Box<dyn FnOnce(&Value)>) {
    let action = write.action;
    let on_answer: OnAnswer = Box::new(move |result| {
        made(result);
        WriteState::Done(action.done, (action.made)(result))
    });
    request(ui, Request::Write(write), state, on_answer);
}

/// Looks a write of `action` whose answer was lost up. Found, it is done (and `made` runs as
/// after a normal answer); not found, it may be sent again.
fn check(
    ui: Ui,
    lookup: Lookup,
    state: RwSignal<WriteState>,
    action: &'static Action,
    made: Box<dyn FnOnce()>,
) {
    let found = lookup.clone();
    let on_answer: OnAnswer = Box::new(move |result| {
        let time = |text: &str| Some(js_sys::Date::parse(text)).filter(|ms| !ms.is_nan());
        match found.found(result, time) {
            Some(id) => {
                made();
                WriteState::Done(action.done, Some(id))
            }
            None => WriteState::Idle(Some(Msg::WriteNotCreated)),
        }
    });
    request(ui, Request::LookUp(lookup), state, on_answer);
}

/// A write or its lookup, owned while it is out.
enum Request {
    Write(Write),
    LookUp(Lookup),
}

/// The one path of every write and lookup (not generic: one copy serves every form). No
/// answer at all leaves the write's outcome unknown; so does a lookup that fails (it never
/// makes a write look refused).
fn request(ui: Ui, request: Request, state: RwSignal<WriteState>, on_answer: OnAnswer) {
    let checking = matches!(request, Request::LookUp(_));
    state.set(if checking {
        WriteState::Checking
    } else {
        WriteState::Sending
    });
    leptos::task::spawn_local(async move {
        let sent = match &request {
            Request::Write(write) => Sent::Write(write),
            Request::LookUp(lookup) => Sent::LookUp(lookup),
        };
        let answer = api::send(&ui.bx24(), sent).await;
        state.set(match answer {
            Ok(result) => on_answer(&result),
            Err(error) if checking || error.outcome_unknown() => {
                let lookup = match request {
                    Request::Write(write) => write.lookup,
                    Request::LookUp(lookup) => lookup,
                };
                WriteState::Unknown(Failure::may_exist(&error), lookup)
            }
            Err(error) => WriteState::Failed(Failure::of_write(&error)),
        });
    });
}

/// The line under a form: validation, progress, success or the exact failure; for a write
/// that may exist, the way to look it up (`on_check`).
#[component]
fn WriteStatus(state: RwSignal<WriteState>, on_check: Callback<Lookup>) -> impl IntoView {
    let lang = super::shared::use_ui().lang;
    move || {
        match state.get() {
        WriteState::Idle(None) => None,
        WriteState::Idle(Some(msg)) => {
            Some(view! { <p class="form-note invalid" role="alert">{t(lang, msg)}</p> }.into_any())
        }
        // One view for both waits (each view costs the bundle its own code).
        waiting @ (WriteState::Sending | WriteState::Checking) => {
            let msg = if matches!(waiting, WriteState::Sending) {
                Msg::Sending
            } else {
                Msg::Checking
            };
            Some(view! { <p class="form-note" role="status">{t(lang, msg)}</p> }.into_any())
        }
        WriteState::Done(msg, _) => {
            Some(view! { <p class="form-note done" role="status">{t(lang, msg)}</p> }.into_any())
        }
        WriteState::Failed(failure) => Some(view! { <FailureNote failure/> }.into_any()),
        WriteState::Unknown(failure, lookup) => Some(
            view! {
                <div class="write-unknown">
                    <FailureNote failure/>
                    <button type="button" class="button secondary check-write"
                        on:click=move |_| on_check.run(lookup.clone())>{t(lang, Msg::CheckWrite)}</button>
                </div>
            }
            .into_any(),
        ),
    }
    }
}

/// Typing again clears a validation message, and a finished send's confirmation.
fn clear_note(state: RwSignal<WriteState>) {
    if matches!(
        state.get_untracked(),
        WriteState::Idle(Some(_)) | WriteState::Done(..)
    ) {
        state.set(WriteState::Idle(None));
    }
}

fn sending(state: RwSignal<WriteState>) -> impl Fn() -> bool + Copy {
    move || state.with(WriteState::blocks_sending)
}
