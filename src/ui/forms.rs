//! The write actions' forms: a task, a meeting, an appreciation. Drafts live in the card
//! (signals passed in), so closing a form or a failed send never loses what was typed; a
//! send in flight disables its button, so a write is never submitted twice (the bridge
//! retries writes only on definite rate limits, which the server did not execute). A write
//! whose answer was lost may exist: its form says so and offers to look it up
//! (`profile::outcome`); only a lookup that finds nothing lets it be sent again.

use super::failure::{Failure, FailureNote};
use crate::bx24::{Batch, Bx24, Error};
use crate::card::format;
use crate::context::UserId;
use crate::i18n::{Lang, Msg, t};
use crate::profile::actions::{
    Medal, MeetingDraft, TaskDraft, ThanksDraft, first_section, task_id, task_path,
};
use crate::profile::meeting::{self, busy_intervals, clock, free_slots, working_days};
use crate::profile::outcome::{Lookup, SLACK_MS};
use crate::profile::{Date, Person};
use leptos::prelude::*;
use serde::Serialize;
use serde_json::{Value, json};

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

/// What an answer makes of the form: a send's clears the draft and says what was created;
/// a lookup's says whether the write exists.
type OnAnswer = Box<dyn FnOnce(&Value) -> WriteState>;

/// Sends one write unless `state` blocks it, and reports through `state`. `lookup` finds
/// the write should its answer be lost.
fn send(
    bx24: Bx24,
    method: &'static str,
    params: impl Serialize,
    lookup: Lookup,
    state: RwSignal<WriteState>,
    done: impl FnOnce(&Value) -> (Msg, Option<u64>) + 'static,
) {
    if state.get_untracked().blocks_sending() {
        return;
    }
    let params = match serde_json::to_value(params) {
        Ok(params) => params,
        Err(error) => {
            let error = Error::Decode {
                method: method.to_owned(),
                path: String::new(),
                message: error.to_string(),
            };
            return state.set(WriteState::Failed(Failure::of(&error)));
        }
    };
    let on_answer: OnAnswer = Box::new(move |result| {
        let (msg, id) = done(result);
        WriteState::Done(msg, id)
    });
    request(
        bx24,
        method,
        params,
        lookup,
        state,
        WriteState::Sending,
        on_answer,
    );
}

/// Looks a write whose answer was lost up. Found, it is done (`created`, and `on_created`
/// runs as after a normal answer); not found, it may be sent again; the lookup failing
/// leaves the outcome unknown.
fn check(
    bx24: Bx24,
    lookup: Lookup,
    state: RwSignal<WriteState>,
    created: Msg,
    on_created: Box<dyn FnOnce()>,
) {
    let (method, params) = lookup.request();
    let found = lookup.clone();
    let on_answer: OnAnswer = Box::new(move |result| {
        let time = |text: &str| Some(js_sys::Date::parse(text)).filter(|ms| !ms.is_nan());
        match found.found(result, time) {
            Some(id) => {
                on_created();
                WriteState::Done(created, Some(id))
            }
            None => WriteState::Idle(Some(Msg::WriteNotCreated)),
        }
    });
    request(
        bx24,
        method,
        params,
        lookup,
        state,
        WriteState::Checking,
        on_answer,
    );
}

/// The one path of every write and lookup (not generic: one copy serves every form):
/// `waiting` while the call runs, then what the answer makes of it. No answer at all leaves
/// the write's outcome unknown; so does a lookup that fails (it never makes a write look
/// refused).
fn request(
    bx24: Bx24,
    method: &'static str,
    params: Value,
    lookup: Lookup,
    state: RwSignal<WriteState>,
    waiting: WriteState,
    on_answer: OnAnswer,
) {
    let checking = matches!(waiting, WriteState::Checking);
    state.set(waiting);
    leptos::task::spawn_local(async move {
        state.set(match bx24.call::<Value, _>(method, &params).await {
            Ok(response) => on_answer(&response.data),
            Err(error) if checking || error.outcome_unknown() => {
                WriteState::Unknown(Failure::may_exist(&error), lookup)
            }
            Err(error) => WriteState::Failed(Failure::of_write(&error)),
        });
    });
}

/// The line under a form: validation, progress, success or the exact failure; for a write
/// that may exist, the way to look it up (`on_check`).
#[component]
fn WriteStatus(
    lang: Lang,
    state: RwSignal<WriteState>,
    on_check: Callback<Lookup>,
) -> impl IntoView {
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
        WriteState::Failed(failure) => Some(view! { <FailureNote lang failure/> }.into_any()),
        WriteState::Unknown(failure, lookup) => Some(
            view! {
                <div class="write-unknown">
                    <FailureNote lang failure/>
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

/// Creates a task assigned to the person, then offers to open it.
#[component]
pub fn TaskForm(
    lang: Lang,
    bx24: Bx24,
    me: UserId,
    them: UserId,
    draft: RwSignal<TaskDraft>,
    state: RwSignal<WriteState>,
) -> impl IntoView {
    let bx24 = StoredValue::new_local(bx24);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match draft.with_untracked(|d| d.params(them)) {
            None => state.set(WriteState::Idle(Some(Msg::FieldRequired))),
            Some(params) => {
                let lookup = Lookup::Task {
                    title: draft.with_untracked(|d| d.title.trim().to_owned()),
                    responsible: them.get(),
                    creator: me.get(),
                    since: js_sys::Date::new(&(js_sys::Date::now() - SLACK_MS).into())
                        .to_iso_string()
                        .into(),
                };
                send(
                    bx24.get_value(),
                    "tasks.task.add",
                    params,
                    lookup,
                    state,
                    move |result| {
                        draft.set(TaskDraft::default());
                        (Msg::TaskCreated, task_id(result))
                    },
                )
            }
        }
    };
    let on_check = Callback::new(move |lookup| {
        check(
            bx24.get_value(),
            lookup,
            state,
            Msg::TaskCreated,
            Box::new(move || draft.set(TaskDraft::default())),
        )
    });
    let open_task = move |_| {
        if let WriteState::Done(_, Some(id)) = state.get_untracked() {
            let bx24 = bx24.get_value();
            leptos::task::spawn_local(async move {
                if let Err(error) = bx24.open_path(&task_path(me, id)).await {
                    state.set(WriteState::Failed(Failure::of(&error)));
                }
            });
        }
    };
    let invalid = move || {
        matches!(state.get(), WriteState::Idle(Some(_)))
            && draft.with(|d| d.title.trim().is_empty())
    };
    view! {
        <form class="tool-form task-form" on:submit=submit novalidate>
            <label>{t(lang, Msg::TaskTitle)}
                <input name="title" required maxlength="250" aria-invalid=move || invalid().to_string()
                    prop:value=move || draft.with(|d| d.title.clone())
                    on:input=move |ev| { draft.update(|d| d.title = event_target_value(&ev)); clear_note(state); }/>
            </label>
            <label>{t(lang, Msg::TaskDescription)}
                <textarea name="description" rows="3"
                    prop:value=move || draft.with(|d| d.description.clone())
                    on:input=move |ev| draft.update(|d| d.description = event_target_value(&ev))></textarea>
            </label>
            <label>{t(lang, Msg::TaskDeadline)}
                <input name="deadline" type="datetime-local"
                    prop:value=move || draft.with(|d| d.deadline.clone())
                    on:input=move |ev| draft.update(|d| d.deadline = event_target_value(&ev))/>
            </label>
            <p class="form-buttons">
                <button type="submit" class="button" disabled=sending(state)>{t(lang, Msg::TaskSubmit)}</button>
                {move || matches!(state.get(), WriteState::Done(_, Some(_))).then(|| view! {
                    <button type="button" class="button secondary open-task" on:click=open_task>{t(lang, Msg::OpenTask)}</button>
                })}
            </p>
            <WriteStatus lang state on_check/>
        </form>
    }
}

/// The viewer's clock: today's date and minutes since the epoch (wall clock), for slots.
fn now_local() -> (Date, i64) {
    let now = js_sys::Date::new_0();
    let today = Date {
        year: Some(now.get_full_year() as i32),
        month: now.get_month() + 1,
        day: now.get_date(),
    };
    let minutes =
        meeting::day_number(today) * 1440 + i64::from(now.get_hours() * 60 + now.get_minutes());
    (today, minutes)
}

/// Free/busy for the next working days and the viewer's calendar, in one request.
#[derive(Clone, Debug, PartialEq)]
enum Availability {
    Loading,
    Ready {
        section: Option<String>,
        busy: Vec<(i64, i64)>,
    },
    Failed(Failure),
}

async fn availability(
    bx24: &Bx24,
    me: UserId,
    them: UserId,
    days: &[Date],
) -> Result<(Option<String>, Vec<(i64, i64)>), Error> {
    let day = |d: Option<&Date>| {
        d.map(|d| meeting::local_iso(*d, 0)[..10].to_owned())
            .unwrap_or_default()
    };
    let mut batch = Batch::new();
    let sections = batch.add::<Value, _>(
        "sections",
        "calendar.section.get",
        &json!({"type": "user", "ownerId": me.get()}),
    )?;
    let busy = batch.add::<Value, _>(
        "busy",
        "calendar.accessibility.get",
        &json!({"users": [me.get(), them.get()], "from": day(days.first()), "to": day(days.last())}),
    )?;
    let results = bx24.batch(&batch).await?;
    let section = first_section(&results.get(&sections)?.data);
    Ok((section, busy_intervals(&results.get(&busy)?.data)))
}

/// Offers the slots free for both in the next working days and creates the meeting.
#[component]
pub fn MeetingForm(
    lang: Lang,
    bx24: Bx24,
    me: UserId,
    them: UserId,
    draft: RwSignal<MeetingDraft>,
    state: RwSignal<WriteState>,
) -> impl IntoView {
    let (today, now) = now_local();
    let days = working_days(today, 5);
    let loaded = RwSignal::new(Availability::Loading);
    let bx24 = StoredValue::new_local(bx24);
    let load = {
        let days = days.clone();
        move || {
            loaded.set(Availability::Loading);
            let (bx24, days) = (bx24.get_value(), days.clone());
            leptos::task::spawn_local(async move {
                loaded.set(match availability(&bx24, me, them, &days).await {
                    Ok((section, busy)) => Availability::Ready { section, busy },
                    Err(error) => Availability::Failed(Failure::of(&error)),
                });
            });
        }
    };
    load();
    if draft.with_untracked(|d| d.day.is_none_or(|d| !days.contains(&d))) {
        draft.update(|d| d.day = days.first().copied());
    }
    let slots = move || match loaded.get() {
        Availability::Ready { busy, .. } => draft.with(|d| {
            d.day
                .map(|day| free_slots(day, &busy, d.length, now))
                .unwrap_or_default()
        }),
        _ => Vec::new(),
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Availability::Ready { section, .. } = loaded.get_untracked() else {
            return;
        };
        let zone = format::viewer_time_zone();
        let draft_now = draft.get_untracked();
        if draft_now.name.trim().is_empty() {
            return state.set(WriteState::Idle(Some(Msg::FieldRequired)));
        }
        match draft_now.params(me, them, section.as_deref().unwrap_or(""), &zone) {
            None => state.set(WriteState::Idle(Some(Msg::MeetingPickSlot))),
            Some(params) => {
                let lookup = Lookup::Event {
                    owner: me.get(),
                    name: draft_now.name.trim().to_owned(),
                    from: params.from().to_owned(),
                };
                send(
                    bx24.get_value(),
                    "calendar.event.add",
                    params,
                    lookup,
                    state,
                    move |result| {
                        draft.update(|d| {
                            d.name.clear();
                            d.start = None;
                        });
                        loaded.update(|a| {
                            // The new meeting is busy time now; its slot is no longer offered.
                            if let (Availability::Ready { busy, .. }, Some(day), Some(start)) =
                                (a, draft_now.day, draft_now.start)
                            {
                                let from = meeting::day_number(day) * 1440 + i64::from(start);
                                busy.push((from, from + i64::from(draft_now.length)));
                            }
                        });
                        (Msg::MeetingCreated, result.as_u64())
                    },
                )
            }
        }
    };
    let on_check = {
        let load = load.clone();
        Callback::new(move |lookup| {
            let load = load.clone();
            check(
                bx24.get_value(),
                lookup,
                state,
                Msg::MeetingCreated,
                Box::new(move || {
                    draft.update(|d| {
                        d.name.clear();
                        d.start = None;
                    });
                    load(); // the meeting is busy time now
                }),
            )
        })
    };
    let day_options = days
        .iter()
        .map(|day| {
            let value = meeting::day_number(*day).to_string();
            let selected = draft.with_untracked(|d| d.day == Some(*day));
            view! { <option value=value selected=selected>{format::date(lang, *day)}</option> }
        })
        .collect_view();
    let invalid = move || {
        matches!(state.get(), WriteState::Idle(Some(Msg::FieldRequired)))
            && draft.with(|d| d.name.trim().is_empty())
    };
    view! {
        <form class="tool-form meeting-form" on:submit=submit novalidate>
            <label>{t(lang, Msg::MeetingName)}
                <input name="name" required maxlength="250" aria-invalid=move || invalid().to_string()
                    prop:value=move || draft.with(|d| d.name.clone())
                    on:input=move |ev| { draft.update(|d| d.name = event_target_value(&ev)); clear_note(state); }/>
            </label>
            <div class="form-row">
                <label>{t(lang, Msg::MeetingDay)}
                    <select name="day" on:change=move |ev| {
                        let day = event_target_value(&ev).parse().ok().map(meeting::date_of);
                        draft.update(|d| { d.day = day; d.start = None; });
                    }>{day_options}</select>
                </label>
                <label>{t(lang, Msg::MeetingLength)}
                    <select name="length" on:change=move |ev| {
                        let length = event_target_value(&ev).parse().unwrap_or(30);
                        draft.update(|d| { d.length = length; d.start = None; });
                    }>
                        {[30u32, 60].map(|m| view! {
                            <option value=m.to_string() selected=draft.with_untracked(|d| d.length == m)>{format!("{m} {}", t(lang, Msg::Minutes))}</option>
                        }).collect_view()}
                    </select>
                </label>
            </div>
            <fieldset class="slots">
                <legend>{t(lang, Msg::MeetingFree)}</legend>
                {move || match loaded.get() {
                    Availability::Loading => view! { <p class="form-note" role="status">{t(lang, Msg::MeetingLoading)}</p> }.into_any(),
                    Availability::Failed(failure) => view! {
                        <FailureNote lang failure/>
                        <button type="button" class="button secondary" on:click={let load = load.clone(); move |_| load()}>{t(lang, Msg::Retry)}</button>
                    }.into_any(),
                    Availability::Ready { .. } => {
                        let slots = slots();
                        if slots.is_empty() {
                            view! { <p class="form-note">{t(lang, Msg::MeetingNoSlots)}</p> }.into_any()
                        } else {
                            slots.into_iter().map(|start| view! {
                                <label class="slot">
                                    <input type="radio" name="slot" value=start.to_string()
                                        prop:checked=move || draft.with(|d| d.start == Some(start))
                                        on:change=move |_| { draft.update(|d| d.start = Some(start)); clear_note(state); }/>
                                    <span>{clock(start)}</span>
                                </label>
                            }).collect_view().into_any()
                        }
                    }
                }}
            </fieldset>
            <p class="form-buttons">
                <button type="submit" class="button" disabled=move || sending(state)() || !matches!(loaded.get(), Availability::Ready { .. })>
                    {t(lang, Msg::MeetingSubmit)}
                </button>
            </p>
            <WriteStatus lang state on_check/>
        </form>
    }
}

fn medal_label(medal: Medal) -> (Msg, &'static str) {
    match medal {
        Medal::ThumbsUp => (Msg::MedalThumbsUp, "👍"),
        Medal::Heart => (Msg::MedalHeart, "❤️"),
        Medal::Cup => (Msg::MedalCup, "🏆"),
        Medal::Star => (Msg::MedalStar, "⭐"),
    }
}

/// Posts a gratitude to the person's feed, addressed to them only.
#[component]
pub fn ThanksForm(
    lang: Lang,
    bx24: Bx24,
    me: UserId,
    them: UserId,
    draft: RwSignal<ThanksDraft>,
    state: RwSignal<WriteState>,
) -> impl IntoView {
    let bx24 = StoredValue::new_local(bx24);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match draft.with_untracked(|d| d.params(them, t(lang, Msg::ThanksTitle))) {
            None => state.set(WriteState::Idle(Some(Msg::FieldRequired))),
            Some(params) => {
                let lookup = Lookup::Post {
                    author: me.get(),
                    message: draft.with_untracked(|d| d.message.trim().to_owned()),
                    since_ms: js_sys::Date::now() - SLACK_MS,
                };
                send(
                    bx24.get_value(),
                    "log.blogpost.add",
                    params,
                    lookup,
                    state,
                    move |result| {
                        draft.update(|d| d.message.clear());
                        (Msg::ThanksSent, result.as_u64())
                    },
                )
            }
        }
    };
    let on_check = Callback::new(move |lookup| {
        check(
            bx24.get_value(),
            lookup,
            state,
            Msg::ThanksSent,
            Box::new(move || draft.update(|d| d.message.clear())),
        )
    });
    let invalid = move || {
        matches!(state.get(), WriteState::Idle(Some(_)))
            && draft.with(|d| d.message.trim().is_empty())
    };
    view! {
        <form class="tool-form thanks-form" on:submit=submit novalidate>
            <fieldset class="medals">
                <legend>{t(lang, Msg::ThanksBadge)}</legend>
                {Medal::ALL.map(|medal| {
                    let (label, icon) = medal_label(medal);
                    view! {
                        <label class="medal">
                            <input type="radio" name="medal" value=medal.xml_id()
                                prop:checked=move || draft.with(|d| d.medal == medal)
                                on:change=move |_| draft.update(|d| d.medal = medal)/>
                            <span aria-hidden="true">{icon}</span>" "{t(lang, label)}
                        </label>
                    }
                }).collect_view()}
            </fieldset>
            <label>{t(lang, Msg::ThanksMessage)}
                <textarea name="message" rows="3" required aria-invalid=move || invalid().to_string()
                    prop:value=move || draft.with(|d| d.message.clone())
                    on:input=move |ev| { draft.update(|d| d.message = event_target_value(&ev)); clear_note(state); }></textarea>
            </label>
            <p class="form-buttons">
                <button type="submit" class="button" disabled=sending(state)>{t(lang, Msg::ThanksSubmit)}</button>
            </p>
            <WriteStatus lang state on_check/>
        </form>
    }
}

/// A new, empty draft for each form.
pub fn empty_drafts() -> (TaskDraft, MeetingDraft, ThanksDraft) {
    (
        TaskDraft::default(),
        MeetingDraft {
            name: String::new(),
            length: 30,
            day: None,
            start: None,
        },
        ThanksDraft {
            medal: Medal::ThumbsUp,
            message: String::new(),
        },
    )
}

/// The organization line of a vCard: the person's first department's name, if known.
pub fn organization(person: &Person, departments: &[crate::profile::Department]) -> String {
    departments
        .iter()
        .find(|d| person.departments.first() == Some(&d.id))
        .map(|d| d.name.clone())
        .unwrap_or_default()
}
