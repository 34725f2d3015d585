//! The profile card: who the person is, how to reach them, whom they report to, and actions.
//! Every text from the portal is rendered as text; links are built with encoders; only safe
//! image URLs load.

use super::forms::{self, MeetingForm, TaskForm, ThanksForm, WriteState};
use super::people::{PeoplePanel, PersonSearch};
use super::share::{QrPanel, VcardLink};
use crate::bx24::{Bx24, OpenPathOutcome};
use crate::card::format;
use crate::card::{Contact, Fact, Manager, SEPARATOR, Summary};
use crate::context::{PlacementCode, UserId};
use crate::i18n::{Lang, Msg, t, time_difference};
use crate::profile::{Profile, vcard};
use leptos::prelude::*;

/// The whole card for a loaded profile.
///
/// ```no_run
/// use leptos::prelude::*;
/// use profile_widget::ui::ProfileCard;
/// # fn demo(bx24: profile_widget::bx24::Bx24, profile: profile_widget::profile::Profile) {
/// leptos::mount::mount_to_body(move || view! {
///     <ProfileCard lang=profile_widget::i18n::Lang::En bx24=bx24.clone() profile=profile.clone()
///         placement=profile_widget::context::PlacementCode::UserProfileMenu
///         on_open=Callback::new(|user| println!("open {user}"))/>
/// });
/// # }
/// ```
#[component]
pub fn ProfileCard(
    /// The UI language.
    lang: Lang,
    /// The connected library, for actions.
    bx24: Bx24,
    /// The loaded data.
    profile: Profile,
    /// The placement, shown to developers as a data attribute.
    placement: PlacementCode,
    /// Opens another person's card in the widget.
    on_open: Callback<UserId>,
) -> impl IntoView {
    let person = profile.person.clone();
    let summary = Summary::new(lang, &profile, &bx24.domain());
    // The lists at the bottom wait until the card is painted: a timer set in the next
    // animation frame runs after that frame. A hidden frame gets no animation frames, hence
    // the second timer. Either may find the card already replaced.
    let below_fold = RwSignal::new(false);
    let show_lists = move || {
        if below_fold.try_get_untracked() == Some(false) {
            below_fold.try_set(true);
        }
    };
    request_animation_frame(move || set_timeout(show_lists, std::time::Duration::ZERO));
    set_timeout(show_lists, std::time::Duration::from_millis(250));
    let lists_bx24 = StoredValue::new_local(bx24.clone());
    let (presence_class, presence) = summary.presence.clone();
    view! {
        <article class="profile-card" data-placement=placement.as_str().to_owned() data-user-id=person.id.to_string()
            aria-labelledby="person-name">
            <p class="mode">{summary.mode}</p>
            <header class="person">
                <Avatar photo=summary.photo initials=summary.initials/>
                <div class="who">
                    <h1 id="person-name">{summary.name}</h1>
                    <p class="position">{summary.position}</p>
                    <p class="badges">
                        {summary.badges.into_iter().map(|(class, text)| view! { <span class=class>{text}</span> }).collect_view()}
                    </p>
                    <p class=presence_class>{presence}</p>
                </div>
            </header>
            <LocalTime lang time_zone=person.time_zone.clone()/>
            <Actions lang bx24=bx24.clone() profile=profile.clone()/>
            <Tools lang bx24=bx24.clone() profile=profile.clone()/>
            <Contacts lang note=summary.contacts_note rows=summary.contacts/>
            <Facts lang rows=summary.facts managers=summary.managers no_manager=summary.no_manager/>
            {move || below_fold.get().then(|| {
                let bx24 = lists_bx24.get_value();
                view! {
                    <PeoplePanel lang bx24=bx24.clone() profile=profile.clone() on_open/>
                    <PersonSearch lang bx24 on_open/>
                }
            })}
        </article>
    }
}

#[component]
fn Avatar(photo: Option<String>, initials: String) -> impl IntoView {
    // Both are rendered; a photo that fails to load gives way to the initials.
    let failed = RwSignal::new(photo.is_none());
    view! {
        <div class="avatar" aria-hidden="true">
            <img src=photo alt="" hidden=move || failed.get() on:error=move |_| failed.set(true)/>
            <span class="initials" hidden=move || !failed.get()>{initials}</span>
        </div>
    }
}

#[component]
fn LocalTime(lang: Lang, time_zone: String) -> impl IntoView {
    format::local_time(lang, &time_zone).map(|(clock, difference)| {
        view! {
            <p class="local-time">
                <span class="label">{t(lang, Msg::LocalTime)}</span>" "
                <strong>{clock}</strong>" · "{time_difference(lang, difference)}
            </p>
        }
    })
}

/// Why an action cannot apply, if it cannot.
fn person_reason(profile: &Profile) -> Option<Msg> {
    if profile.is_me() {
        Some(Msg::ReasonMe)
    } else if !profile.person.active {
        Some(Msg::ReasonFired)
    } else {
        None
    }
}

#[component]
fn Actions(lang: Lang, bx24: Bx24, profile: Profile) -> impl IntoView {
    let id: UserId = profile.person.id;
    let error = RwSignal::new(None::<String>);
    let reason = person_reason(&profile);
    let phone = profile
        .person
        .phones()
        .into_iter()
        .map(|(_, number)| number)
        .next();
    let phone_reason = reason.or(phone.is_none().then_some(Msg::ReasonNoPhone));
    let report = move |result: Result<(), crate::bx24::Error>| {
        if let Err(err) = result {
            web_sys::console::warn_1(&format!("profile widget: {err}").into());
            error.set(Some(t(lang, crate::errors::message(&err)).to_owned()));
        }
    };
    let bx24 = StoredValue::new_local(bx24);
    let phone = StoredValue::new(phone);
    let open_profile = move |_| {
        let bx24 = bx24.get_value();
        leptos::task::spawn_local(async move {
            match bx24
                .open_path(&format!("/company/personal/user/{id}/"))
                .await
            {
                Ok(OpenPathOutcome::Refused(code)) => {
                    web_sys::console::warn_1(
                        &format!("profile widget: openPath refused: {code}").into(),
                    );
                    error.set(Some(t(lang, Msg::ReasonNoPath).to_owned()));
                }
                Ok(OpenPathOutcome::Closed) => {}
                Err(err) => report(Err(err)),
            }
        });
    };
    view! {
        <nav class="actions" aria-label=t(lang, Msg::Actions)>
            <ActionButton lang class="message" label=Msg::Message reason
                on_press=Callback::new(move |_| report(bx24.with_value(|b| b.open_messenger(&id.to_string()))))/>
            <ActionButton lang class="call" label=Msg::AudioCall reason
                on_press=Callback::new(move |_| report(bx24.with_value(|b| b.call_to(id.get(), false))))/>
            <ActionButton lang class="video" label=Msg::VideoCall reason
                on_press=Callback::new(move |_| report(bx24.with_value(|b| b.call_to(id.get(), true))))/>
            <ActionButton lang class="phone" label=Msg::PhoneCall reason=phone_reason
                on_press=Callback::new(move |_| {
                    if let Some(number) = phone.get_value() {
                        report(bx24.with_value(|b| b.phone_to(&number)));
                    }
                })/>
            <ActionButton lang class="profile" label=Msg::OpenProfile reason=None
                on_press=Callback::new(open_profile)/>
        </nav>
        {move || error.get().map(|text| view! { <p class="action-error" role="alert">{text}</p> })}
    }
}

/// A panel the tool buttons open under the card's actions.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Tool {
    Task,
    Meeting,
    Thanks,
    Qr,
}

/// Why a write action cannot apply: the person, then the scope it needs.
fn write_reason(profile: &Profile, scope: &str, allow_me: bool) -> Option<Msg> {
    if !profile.person.active {
        Some(Msg::ReasonFired)
    } else if profile.is_me() && !allow_me {
        Some(Msg::ReasonMe)
    } else if !profile.has_scope(scope) {
        Some(Msg::ReasonNoScope)
    } else {
        None
    }
}

/// Task, meeting, appreciation, vCard and (on my card) QR code. The drafts live here, so a
/// form closed and opened again, or a failed send, keeps what was typed.
#[component]
fn Tools(lang: Lang, bx24: Bx24, profile: Profile) -> impl IntoView {
    let open = RwSignal::new(None::<Tool>);
    let (task, meeting, thanks) = forms::empty_drafts();
    let (task, meeting, thanks) = (
        RwSignal::new(task),
        RwSignal::new(meeting),
        RwSignal::new(thanks),
    );
    let states = [(); 3].map(|_| RwSignal::new(WriteState::Idle(None)));
    let (me, them) = (profile.me.id, profile.person.id);
    let card = vcard::vcard(
        &profile.person,
        &forms::organization(&profile.person, &profile.departments),
    );
    let toggle = move |tool: Tool| {
        Callback::new(move |_| {
            open.update(|o| *o = if *o == Some(tool) { None } else { Some(tool) })
        })
    };
    let bx24 = StoredValue::new_local(bx24);
    let qr_card = card.clone();
    view! {
        <nav class="actions tools" aria-label=t(lang, Msg::Actions)>
            <ActionButton lang class="task" label=Msg::ActTask reason=write_reason(&profile, "task", true)
                on_press=toggle(Tool::Task) expanded=Signal::derive(move || open.get() == Some(Tool::Task))/>
            <ActionButton lang class="meeting" label=Msg::ActMeeting reason=write_reason(&profile, "calendar", false)
                on_press=toggle(Tool::Meeting) expanded=Signal::derive(move || open.get() == Some(Tool::Meeting))/>
            <ActionButton lang class="thanks" label=Msg::ActThanks reason=write_reason(&profile, "log", false)
                on_press=toggle(Tool::Thanks) expanded=Signal::derive(move || open.get() == Some(Tool::Thanks))/>
            <VcardLink lang vcard=card file_name=vcard::file_name(&profile.person)/>
            {profile.is_me().then(|| view! {
                <ActionButton lang class="qr" label=Msg::ActQr reason=None
                    on_press=toggle(Tool::Qr) expanded=Signal::derive(move || open.get() == Some(Tool::Qr))/>
            })}
        </nav>
        <div id="tool-panel" class="tool-panel">
            {move || open.get().map(|tool| {
                let bx24 = bx24.get_value();
                let panel = match tool {
                    Tool::Task => view! { <TaskForm lang bx24 me them draft=task state=states[0]/> }.into_any(),
                    Tool::Meeting => view! { <MeetingForm lang bx24 me them draft=meeting state=states[1]/> }.into_any(),
                    Tool::Thanks => view! { <ThanksForm lang bx24 me them draft=thanks state=states[2]/> }.into_any(),
                    Tool::Qr => view! { <QrPanel lang vcard=qr_card.clone()/> }.into_any(),
                };
                view! {
                    <div class="panel tool">
                        <button type="button" class="close" aria-label=t(lang, Msg::Close) on:click=move |_| open.set(None)>"×"</button>
                        {panel}
                    </div>
                }
            })}
        </div>
    }
}

/// A button that is disabled with a visible reason when the action cannot apply.
#[component]
fn ActionButton(
    lang: Lang,
    class: &'static str,
    label: Msg,
    reason: Option<Msg>,
    on_press: Callback<()>,
    /// For buttons that open a panel: whether it is open.
    #[prop(optional, into)]
    expanded: Option<Signal<bool>>,
) -> impl IntoView {
    let reason_id = format!("why-{class}");
    let described = reason.map(|_| reason_id.clone());
    let controls = expanded.map(|_| "tool-panel");
    view! {
        <span class="action">
            <button type="button" class=format!("button {class}") disabled=reason.is_some()
                aria-describedby=described aria-controls=controls
                aria-expanded=move || expanded.map(|open| open.get().to_string())
                on:click=move |_| on_press.run(())>
                {t(lang, label)}
            </button>
            <span class="why" id=reason_id>{reason.map(|why| t(lang, why))}</span>
        </span>
    }
}

#[component]
fn Contacts(lang: Lang, note: Option<&'static str>, rows: Vec<Contact>) -> impl IntoView {
    view! {
        <section class="contacts" aria-labelledby="contacts-title">
            <h2 id="contacts-title">{t(lang, Msg::Contacts)}</h2>
            <p class="note">{note}</p>
            <dl>
                {rows.into_iter().map(|row| view! {
                    <dt>{row.label}</dt>
                    <dd>
                        <a href=row.href>{row.value.clone()}</a>
                        <CopyButton lang text=row.value/>
                    </dd>
                }).collect_view()}
            </dl>
        </section>
    }
}

#[component]
fn CopyButton(lang: Lang, text: String) -> impl IntoView {
    let copied = RwSignal::new(false);
    let label = format!("{} {}", t(lang, Msg::Copy), text);
    let copy = move |_| {
        let text = text.clone();
        leptos::task::spawn_local(async move {
            if copy_to_clipboard(&text).await {
                copied.set(true);
                set_timeout(move || copied.set(false), std::time::Duration::from_secs(2));
            }
        });
    };
    view! {
        <button type="button" class="copy" aria-label=label on:click=copy>
            {move || t(lang, if copied.get() { Msg::Copied } else { Msg::Copy })}
        </button>
    }
}

/// Copies through the asynchronous clipboard API; `false` where the frame may not (no
/// secure context, or no clipboard-write permission), and then the button stays as it was.
async fn copy_to_clipboard(text: &str) -> bool {
    match write_text(text) {
        Ok(promise) => wasm_bindgen_futures::JsFuture::from(promise).await.is_ok(),
        Err(_) => false, // no `navigator.clipboard` here
    }
}

#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    /// `navigator.clipboard.writeText(text)`; throws where the frame has no clipboard.
    #[wasm_bindgen(catch, js_namespace = ["navigator", "clipboard"], js_name = writeText)]
    fn write_text(text: &str) -> Result<js_sys::Promise, wasm_bindgen::JsValue>;
}

#[component]
fn Facts(
    lang: Lang,
    rows: Vec<Fact>,
    managers: Vec<Manager>,
    no_manager: Option<&'static str>,
) -> impl IntoView {
    view! {
        <section class="facts">
            <dl>
                {rows.into_iter().map(|row| view! {
                    <dt>{row.label}</dt><dd class=row.class>{isolated(row.values)}</dd>
                }).collect_view()}
                <dt>{t(lang, Msg::Managers)}</dt>
                <dd>
                    <span class="note">{no_manager}</span>
                    <ol class="managers">
                        {managers.into_iter().map(|m| view! { <li>{isolated(vec![m.name, m.position])}</li> }).collect_view()}
                    </ol>
                </dd>
            </dl>
        </section>
    }
}

/// Each non-empty value in its own `<bdi>`, joined by the separator: the direction of one
/// value (a right-to-left override, say) never reaches the next.
fn isolated(values: Vec<String>) -> impl IntoView {
    values
        .into_iter()
        .filter(|value| !value.is_empty())
        .enumerate()
        .map(|(i, value)| view! { {(i > 0).then_some(SEPARATOR)}<bdi>{value}</bdi> })
        .collect_view()
}
