//! Offers the slots free for both people in the next working days, inside both working days
//! (each in its own time zone, with the portal's working time and weekends), and schedules
//! the meeting.

use super::{Kept, WriteState, WriteStatus, check, clear_note, sending, submit};
use crate::card::format;
use crate::context::UserId;
use crate::i18n::{Msg, minutes_amount, t, t_with};
use crate::profile::actions::{MEETING, MeetingDraft};
use crate::profile::meeting::{self, Both, clock, working_days};
use crate::profile::{Date, api};
use crate::ui::failure::{Failure, FailureNote};
use crate::ui::shared::use_ui;
use leptos::prelude::*;

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

/// Working days offered.
const DAYS: usize = 5;
/// Calendar days whose busy time is asked for: enough for [`DAYS`] working days with up to
/// four weekend days a week.
const SPAN: i64 = 11;

/// Free/busy, the viewer's calendar and the working time, in one request; then the days.
#[derive(Clone, Debug, PartialEq)]
enum Availability {
    Loading,
    Ready {
        section: Option<String>,
        busy: Vec<(i64, i64)>,
        both: Both,
        days: Vec<Date>,
    },
    Failed(Failure),
}

/// The meeting form: subject (required), day, length and a free slot.
#[component]
pub fn MeetingForm(
    me: UserId,
    them: UserId,
    /// Their IANA time zone, or empty (then their clock is taken to be the viewer's).
    their_zone: String,
    kept: Kept<MeetingDraft>,
) -> impl IntoView {
    let ui = use_ui();
    let lang = ui.lang;
    let Kept { draft, state } = kept;
    let (today, now) = now_local();
    let offset = format::local_time(lang, &their_zone).map_or(0, |(_, offset)| offset);
    let loaded = RwSignal::new(Availability::Loading);
    let load = move || {
        loaded.set(Availability::Loading);
        let last = meeting::date_of(meeting::day_number(today) + SPAN - 1);
        leptos::task::spawn_local(async move {
            loaded.set(
                match api::availability(&ui.bx24(), me, them, today, last).await {
                    Ok(found) => {
                        let days = working_days(today, DAYS, &found.work);
                        if draft.with_untracked(|d| d.day.is_none_or(|d| !days.contains(&d))) {
                            draft.update(|d| d.day = days.first().copied());
                        }
                        Availability::Ready {
                            section: found.section,
                            busy: found.busy,
                            both: Both {
                                work: found.work,
                                offset,
                            },
                            days,
                        }
                    }
                    Err(error) => Availability::Failed(Failure::of(&error)),
                },
            );
        });
    };
    load();
    let slots = move || match loaded.get() {
        Availability::Ready { busy, both, .. } => draft.with(|d| {
            d.day
                .map(|day| both.free_slots(day, &busy, d.length, now))
                .unwrap_or_default()
        }),
        _ => Vec::new(),
    };
    let forget_slot = move || {
        draft.update(|d| {
            d.name.clear();
            d.start = None;
        })
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Availability::Ready { section, .. } = loaded.get_untracked() else {
            return;
        };
        let sent = draft.get_untracked();
        let zone = format::viewer_time_zone();
        let write = sent.write(me, them, section.as_deref().unwrap_or(""), &zone);
        let made = move |_: &serde_json::Value| {
            forget_slot();
            loaded.update(|a| {
                // The new meeting is busy time now; its slot is no longer offered.
                if let (Availability::Ready { busy, .. }, Some(day), Some(start)) =
                    (a, sent.day, sent.start)
                {
                    let from = meeting::day_number(day) * 1440 + i64::from(start);
                    busy.push((from, from + i64::from(sent.length)));
                }
            });
        };
        submit(ui, state, write, Box::new(made));
    };
    let on_check = Callback::new(move |lookup| {
        let made = move || {
            forget_slot();
            load(); // the meeting is busy time now
        };
        check(ui, lookup, state, &MEETING, Box::new(made))
    });
    let day_options = move || match loaded.get() {
        Availability::Ready { days, .. } => days,
        _ => Vec::new(),
    };
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
                    <select name="day" disabled=move || !matches!(loaded.get(), Availability::Ready { .. }) on:change=move |ev| {
                        let day = event_target_value(&ev).parse().ok().map(meeting::date_of);
                        draft.update(|d| { d.day = day; d.start = None; });
                    }>
                        {move || day_options().into_iter().map(|day| view! {
                            <option value=meeting::day_number(day).to_string() selected=draft.with_untracked(|d| d.day == Some(day))>
                                {format::date(lang, day)}
                            </option>
                        }).collect_view()}
                    </select>
                </label>
                <label>{t(lang, Msg::MeetingLength)}
                    <select name="length" on:change=move |ev| {
                        let length = event_target_value(&ev).parse().unwrap_or(30);
                        draft.update(|d| { d.length = length; d.start = None; });
                    }>
                        {[30u32, 60].map(|m| view! {
                            <option value=m.to_string() selected=draft.with_untracked(|d| d.length == m)>{minutes_amount(lang, m)}</option>
                        }).collect_view()}
                    </select>
                </label>
            </div>
            <fieldset class="slots">
                <legend>{t(lang, Msg::MeetingFree)}</legend>
                {move || match loaded.get() {
                    Availability::Loading => view! { <p class="form-note" role="status">{t(lang, Msg::MeetingLoading)}</p> }.into_any(),
                    Availability::Failed(failure) => view! {
                        <FailureNote failure/>
                        <button type="button" class="button secondary" on:click=move |_| load()>{t(lang, Msg::Retry)}</button>
                    }.into_any(),
                    Availability::Ready { both, .. } => {
                        let slots = slots();
                        let (day, length) = draft.with(|d| (d.day, d.length));
                        if slots.is_empty() {
                            let apart = day.is_some_and(|day| both.no_overlap(day, length));
                            let why = if apart { Msg::MeetingNoOverlap } else { Msg::MeetingNoSlots };
                            view! { <p class="form-note no-slots">{t(lang, why)}</p> }.into_any()
                        } else {
                            slots.into_iter().map(|start| view! {
                                <label class="slot">
                                    <input type="radio" name="slot" value=start.to_string()
                                        prop:checked=move || draft.with(|d| d.start == Some(start))
                                        on:change=move |_| { draft.update(|d| d.start = Some(start)); clear_note(state); }/>
                                    <span>{clock(start)}</span>
                                    {(both.offset != 0).then(|| view! {
                                        <span class="their-time">{t_with(lang, Msg::MeetingTheirTime, &both.their_clock(start))}</span>
                                    })}
                                </label>
                            }).collect_view().into_any()
                        }
                    }
                }}
            </fieldset>
            <p class="form-note hours">{t(lang, Msg::MeetingHours)}</p>
            <p class="form-buttons">
                <button type="submit" class="button" disabled=move || sending(state)() || !matches!(loaded.get(), Availability::Ready { .. })>
                    {t(lang, Msg::MeetingSubmit)}
                </button>
            </p>
            <WriteStatus state on_check/>
        </form>
    }
}
