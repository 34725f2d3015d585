//! Finding other people without leaving the widget: the portal's own picker, a search over
//! `user.search` (one request per pause in typing), and the person's colleagues and direct
//! reports, loaded with the ID cursor and drawn as a virtualized list.

use super::failure::{Failure, FailureNote};
use super::shared::{Ui, use_ui};
use crate::card::format;
use crate::context::UserId;
use crate::i18n::{Msg, t};
use crate::profile::api;
use crate::profile::people::{matches, visible_rows};
use crate::profile::{Person, Profile};
use futures::StreamExt;
use leptos::prelude::*;

/// Height of a list row in pixels. The list's geometry is set inline from these constants, so
/// the scrolling arithmetic and the layout cannot drift apart.
const ROW: usize = 44;
/// Height of the list's viewport in pixels.
const VIEWPORT: usize = 308;
/// Typing pause before a search is sent, in milliseconds.
const PAUSE_MS: u32 = 350;

/// One person as a row: initials, name, position; pressing it opens their card.
#[component]
pub(super) fn PersonRow(
    person: Person,
    on_open: Callback<UserId>,
    #[prop(optional)] top: Option<usize>,
) -> impl IntoView {
    let id = person.id;
    view! {
        <li class="person-row" style=top.map(|top| format!("position:absolute;left:0;right:0;height:{ROW}px;top:{top}px"))>
            <button type="button" class="person-button" on:click=move |_| on_open.run(id)>
                <span class="mini-avatar" aria-hidden="true">{person.initials()}</span>
                <span class="row-text">
                    <span class="row-name">{person.full_name()}</span>
                    <span class="row-position">{person.position.clone()}</span>
                </span>
            </button>
        </li>
    }
}

/// The search box over the whole portal, and the portal's own picker.
#[component]
pub fn PersonSearch(on_open: Callback<UserId>) -> impl IntoView {
    let ui = use_ui();
    let lang = ui.lang;
    let query = RwSignal::new(String::new());
    let results = RwSignal::new(None::<Result<Vec<Person>, Failure>>);
    let generation = StoredValue::new(0u32);
    let on_input = move |ev| {
        let text = event_target_value(&ev);
        query.set(text.clone());
        let current = generation.get_value() + 1;
        generation.set_value(current);
        if text.trim().chars().count() < 2 {
            results.set(None);
            return;
        }
        leptos::task::spawn_local(async move {
            gloo_timers::future::TimeoutFuture::new(PAUSE_MS).await;
            if generation.get_value() != current {
                return; // typing went on; only the last pause sends
            }
            let found = api::search(&ui.bx24(), &text).await;
            if generation.get_value() == current {
                results.set(Some(found.map_err(|e| Failure::of(&e))));
            }
        });
    };
    let pick = move |_| {
        let bx24 = ui.bx24();
        leptos::task::spawn_local(async move {
            match bx24.select_user(Some(t(lang, Msg::FindEmployee))).await {
                Ok(Some(user)) => {
                    if let Ok(id) = UserId::new(user.id.into()) {
                        on_open.run(id);
                    }
                }
                Ok(None) => {}
                Err(error) => results.set(Some(Err(Failure::of(&error)))),
            }
        });
    };
    view! {
        <section class="finder" aria-labelledby="finder-title">
            <h2 id="finder-title">{t(lang, Msg::FindEmployee)}</h2>
            <div class="finder-row">
                <input type="search" class="search" aria-labelledby="finder-title" placeholder=t(lang, Msg::SearchHint)
                    autocomplete="off" prop:value=move || query.get() on:input=on_input/>
                <button type="button" class="button secondary pick" on:click=pick>{t(lang, Msg::PickFromList)}</button>
            </div>
            {move || results.get().map(|found| match found {
                Ok(people) if people.is_empty() => view! { <p class="form-note" role="status">{t(lang, Msg::NothingFound)}</p> }.into_any(),
                Ok(people) => view! {
                    <ul class="search-results">
                        {people.into_iter().map(|person| view! { <PersonRow person on_open/> }).collect_view()}
                    </ul>
                }.into_any(),
                Err(failure) => view! { <FailureNote failure/> }.into_any(),
            })}
        </section>
    }
}

/// Which list is shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Tab {
    Colleagues,
    Reports,
}

/// A list being loaded page by page.
#[derive(Clone, Debug, Default, PartialEq)]
struct Loaded {
    people: Vec<Person>,
    total: Option<u64>,
    done: bool,
    /// Stopped at the list's row cap with more rows left.
    capped: bool,
    error: Option<Failure>,
}

/// Streams the active people of `departments` into `into`, leaving `except` out.
async fn load_people(ui: Ui, departments: Vec<u32>, except: UserId, into: RwSignal<Loaded>) {
    let pages = match api::people_in(&ui.bx24(), &departments) {
        Ok(pages) => pages,
        Err(error) => return into.update(|l| l.error = Some(Failure::of(&error))),
    };
    let mut pages = std::pin::pin!(pages);
    while let Some(page) = pages.next().await {
        match page {
            Ok(page) => into.update(|l| {
                // Room for the whole list at once when its size is known: growing by
                // doubling would hold two copies of thousands of rows while it copies.
                let expected = page
                    .total
                    .map_or(0, |t| t.min(crate::bx24::MAX_LIST_ROWS as u64) as usize);
                let room = expected.max(l.people.len() + page.items.len());
                l.people.reserve_exact(room - l.people.len());
                l.people
                    .extend(page.items.into_iter().filter(|p| p.id != except));
                l.total = page.total;
                l.capped = page.capped;
            }),
            Err(error) => return into.update(|l| l.error = Some(Failure::of(&error))),
        }
    }
    into.update(|l| l.done = true);
}

/// Direct reports: people in the departments this person heads (found first).
async fn load_reports(ui: Ui, head: UserId, into: RwSignal<Loaded>) {
    match api::headed_by(&ui.bx24(), head).await {
        Ok(departments) if departments.is_empty() => into.update(|l| l.done = true),
        Ok(departments) => {
            let ids = departments.iter().map(|d| d.id).collect();
            load_people(ui, ids, head, into).await;
        }
        Err(error) => into.update(|l| l.error = Some(Failure::of(&error))),
    }
}

/// Colleagues and direct reports, loaded when asked for, filtered as you type, drawn as a
/// virtualized list so thousands of rows scroll smoothly.
#[component]
pub fn PeoplePanel(profile: Profile, on_open: Callback<UserId>) -> impl IntoView {
    let ui = use_ui();
    let lang = ui.lang;
    let tab = RwSignal::new(None::<Tab>);
    let colleagues = RwSignal::new(Loaded::default());
    let reports = RwSignal::new(Loaded::default());
    let started = StoredValue::new((false, false));
    let filter = RwSignal::new(String::new());
    let scroll_top = RwSignal::new(0.0);
    let person = profile.person.id;
    let department = profile.person.departments.first().copied();
    let open_tab = move |which: Tab| {
        tab.set(Some(which));
        scroll_top.set(0.0);
        let (c, r) = started.get_value();
        match which {
            Tab::Colleagues if !c => {
                started.set_value((true, r));
                match department {
                    Some(dep) => {
                        leptos::task::spawn_local(load_people(ui, vec![dep], person, colleagues));
                    }
                    None => colleagues.update(|l| l.done = true),
                }
            }
            Tab::Reports if !r => {
                started.set_value((c, true));
                leptos::task::spawn_local(load_reports(ui, person, reports));
            }
            _ => {}
        }
    };
    let current = move || match tab.get() {
        Some(Tab::Colleagues) => Some(colleagues),
        Some(Tab::Reports) => Some(reports),
        None => None,
    };
    // Indices of the rows matching the filter; recomputed only when the list or filter changes.
    let shown = Memo::new(move |_| {
        let query = filter.get();
        current().map(|list| {
            list.with(|l| {
                l.people
                    .iter()
                    .enumerate()
                    .filter(|(_, p)| matches(p, &query, format::lowercase))
                    .map(|(i, _)| i)
                    .collect::<Vec<_>>()
            })
        })
    });
    let tab_button = move |which: Tab, label: Msg| {
        view! {
            <button type="button" role="tab" class="tab" aria-selected=move || (tab.get() == Some(which)).to_string()
                on:click=move |_| open_tab(which)>{t(lang, label)}</button>
        }
    };
    view! {
        <section class="people" aria-label=t(lang, Msg::Colleagues)>
            <div class="tabs" role="tablist">
                {tab_button(Tab::Colleagues, Msg::Colleagues)}
                {tab_button(Tab::Reports, Msg::DirectReports)}
            </div>
            {move || current().map(|list| {
                let status = move || list.with(|l| {
                    let count = shown.with(|s| s.as_ref().map_or(0, Vec::len));
                    match (&l.error, l.done, l.total) {
                        (Some(_), _, _) => String::new(),
                        (None, true, _) => count.to_string(),
                        (None, false, Some(total)) => format!("{} / {total}", l.people.len()),
                        (None, false, None) => t(lang, Msg::Loading).to_owned(),
                    }
                });
                view! {
                    <div class="people-tools">
                        <input type="search" class="filter" aria-label=t(lang, Msg::FilterPeople) placeholder=t(lang, Msg::FilterPeople)
                            prop:value=move || filter.get() on:input=move |ev| { filter.set(event_target_value(&ev)); scroll_top.set(0.0); }/>
                        <span class="count" role="status" aria-live="polite">{status}</span>
                    </div>
                    {move || list.with(|l| l.error.clone()).map(|failure| view! { <FailureNote failure/> })}
                    {move || (list.with(|l| l.done) && shown.with(|s| s.as_ref().is_some_and(Vec::is_empty))).then(|| view! {
                        <p class="form-note">{t(lang, Msg::NothingFound)}</p>
                    })}
                    {move || list.with(|l| l.capped).then(|| view! {
                        <p class="form-note capped">{t(lang, Msg::ListCapped)}</p>
                    })}
                    <div class="people-viewport" style=format!("height:{VIEWPORT}px;overflow-y:auto") on:scroll=move |ev| {
                        use wasm_bindgen::JsCast;
                        if let Some(el) = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) {
                            scroll_top.set(f64::from(el.scroll_top().max(0)));
                        }
                    }>
                        <ul class="people-list" style=move || format!("position:relative;height:{}px", shown.with(|s| s.as_ref().map_or(0, Vec::len)) * ROW)>
                            {move || {
                                let top = scroll_top.get();
                                let window: Vec<(usize, Person)> = shown.with(|s| {
                                    let rows = s.as_deref().unwrap_or(&[]);
                                    let range = visible_rows(top, VIEWPORT as f64, ROW as f64, 6, rows.len());
                                    list.with(|l| range.map(|at| (at, l.people[rows[at]].clone())).collect())
                                });
                                window.into_iter().map(|(at, person)| {
                                    view! { <PersonRow person on_open top=at * ROW/> }
                                }).collect_view()
                            }}
                        </ul>
                    </div>
                }
            })}
        </section>
    }
}
