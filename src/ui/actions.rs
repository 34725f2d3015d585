//! The card's actions: reaching the person (message, calls, phone, full profile) through the
//! portal, and the tools that open a panel under them (task, meeting, appreciation, vCard,
//! and on my own card the QR code). One main action (Message), the other ways to reach them
//! secondary, the tools quieter still. A button that cannot apply to this person is disabled
//! with its reason; on my own card the actions for colleagues are left out, said once.

use super::forms::{Kept, MeetingForm, TaskForm, ThanksForm};
use super::parts::{OnUse, part};
use super::share::{QrPanel, VcardLink};
use super::shared::use_ui;
use crate::bx24::OpenPathOutcome;
use crate::context::UserId;
use crate::i18n::{Msg, t};
use crate::profile::actions::{
    Action, MEETING, MeetingDraft, TASK, THANKS, TaskDraft, ThanksDraft,
};
use crate::profile::{Profile, vcard};
use leptos::prelude::*;

/// Why reaching the person cannot apply, if it cannot.
fn person_reason(profile: &Profile) -> Option<Msg> {
    (!profile.person.active).then_some(Msg::ReasonFired)
}

/// Message, audio and video call, phone and the full profile, opened by the portal.
#[component]
pub fn Actions(profile: Profile) -> impl IntoView {
    let ui = use_ui();
    let lang = ui.lang;
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
    let phone = StoredValue::new(phone);
    let open_profile = move |_| {
        let bx24 = ui.bx24();
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
    let reach = (!profile.is_me()).then(|| {
        view! {
            <ActionButton class="message" look="" label=Msg::Message reason
                on_press=Callback::new(move |_| report(ui.with_bx24(|b| b.open_messenger(&id.to_string()))))/>
            <ActionButton class="call" label=Msg::AudioCall reason
                on_press=Callback::new(move |_| report(ui.with_bx24(|b| b.call_to(id.get(), false))))/>
            <ActionButton class="video" label=Msg::VideoCall reason
                on_press=Callback::new(move |_| report(ui.with_bx24(|b| b.call_to(id.get(), true))))/>
            <ActionButton class="phone" label=Msg::PhoneCall reason=phone_reason
                on_press=Callback::new(move |_| {
                    if let Some(number) = phone.get_value() {
                        report(ui.with_bx24(|b| b.phone_to(&number)));
                    }
                })/>
        }
    });
    let own_card = profile
        .is_me()
        .then(|| view! { <p class="own-card">{t(lang, Msg::OwnCard)}</p> });
    view! {
        <nav class="actions" aria-label=t(lang, Msg::Actions)>
            {reach}
            <ActionButton class="profile" label=Msg::OpenProfile reason=None
                on_press=Callback::new(open_profile)/>
            {own_card}
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

/// What a tool's panel is built from; the drafts live in the card, not in the part.
#[derive(Clone)]
struct ToolPanel {
    tool: Tool,
    me: UserId,
    them: UserId,
    their_zone: String,
    vcard: String,
    kept: (Kept<TaskDraft>, Kept<MeetingDraft>, Kept<ThanksDraft>),
}

// The forms and the QR code: the part `tools`, downloaded when a tool is first pressed or the
// card is idle.
part!(tools, tools_part, tools_entry, ToolPanel, tool_panel);

fn tool_panel(panel: ToolPanel) -> AnyView {
    let ToolPanel {
        tool,
        me,
        them,
        their_zone,
        vcard,
        kept: (task, meeting, thanks),
    } = panel;
    match tool {
        Tool::Task => view! { <TaskForm me them kept=task/> }.into_any(),
        Tool::Meeting => view! { <MeetingForm me them their_zone kept=meeting/> }.into_any(),
        Tool::Thanks => view! { <ThanksForm me them kept=thanks/> }.into_any(),
        Tool::Qr => view! { <QrPanel vcard/> }.into_any(),
    }
}

/// Downloads the tools' part when the card is idle, so that a press finds it here.
pub fn fetch_tools() {
    leptos::task::spawn_local(async {
        let _ = tools_part().await;
    });
}

/// Why a write action cannot apply: the person, then the scope the action needs.
fn write_reason(profile: &Profile, action: &Action) -> Option<Msg> {
    if !profile.person.active {
        Some(Msg::ReasonFired)
    } else if !profile.has_scope(action.scope) {
        Some(Msg::ReasonNoScope)
    } else {
        None
    }
}

/// Task, meeting, appreciation, vCard and (on my card) QR code. What each form holds lives
/// here, so a form closed and opened again, or a failed send, keeps what was typed.
#[component]
pub fn Tools(profile: Profile) -> impl IntoView {
    let lang = use_ui().lang;
    // A tool pressed on the drawn card before this arrived opens now, once.
    let is_me = profile.is_me();
    let tool_of = move |name: &str| match name {
        name if name == TASK.name => Some(Tool::Task),
        name if name == MEETING.name => Some(Tool::Meeting),
        name if name == THANKS.name => Some(Tool::Thanks),
        "qr" if is_me => Some(Tool::Qr),
        _ => None,
    };
    let pressed =
        crate::page::take_press(&|name| tool_of(name).is_some()).and_then(|name| tool_of(&name));
    let open = RwSignal::new(pressed);
    let (task, meeting, thanks) = (Kept::new(), Kept::new(), Kept::new());
    let (me, them) = (profile.me.id, profile.person.id);
    let their_zone = profile.person.time_zone.clone();
    let card = vcard::vcard(
        &profile.person,
        &vcard::organization(&profile.person, &profile.departments),
    );
    let toggle = move |tool: Tool| {
        Callback::new(move |_| {
            open.update(|o| *o = if *o == Some(tool) { None } else { Some(tool) })
        })
    };
    let is_open = move |tool: Tool| Signal::derive(move || open.get() == Some(tool));
    // On my own card only the tools that apply to me (a task for myself, my vCard, my QR).
    let tool = |action: &'static Action, tool: Tool| {
        (action.on_my_card || !profile.is_me()).then(|| {
            view! {
                <ActionButton class=action.name look="quiet" label=action.label
                    reason=write_reason(&profile, action) on_press=toggle(tool) expanded=is_open(tool)/>
            }
        })
    };
    let qr_card = card.clone();
    view! {
        <nav class="actions tools" aria-label=t(lang, Msg::Tools)>
            {tool(&TASK, Tool::Task)}
            {tool(&MEETING, Tool::Meeting)}
            {tool(&THANKS, Tool::Thanks)}
            <VcardLink vcard=card file_name=vcard::file_name(&profile.person)/>
            {profile.is_me().then(|| view! {
                <ActionButton class="qr" look="quiet" label=Msg::ActQr reason=None
                    on_press=toggle(Tool::Qr) expanded=is_open(Tool::Qr)/>
            })}
        </nav>
        <div id="tool-panel" class="tool-panel">
            {move || open.get().map(|tool| {
                let panel = ToolPanel {
                    tool, me, them, their_zone: their_zone.clone(), vcard: qr_card.clone(),
                    kept: (task, meeting, thanks),
                };
                let panel = view! { <OnUse lang arrive=tools_part args=panel/> };
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
    class: &'static str,
    /// Its strength: `""` filled (the main action), `"secondary"` (default) or `"quiet"`.
    #[prop(default = "secondary")]
    look: &'static str,
    label: Msg,
    reason: Option<Msg>,
    on_press: Callback<()>,
    /// For buttons that open a panel: whether it is open.
    #[prop(optional, into)]
    expanded: Option<Signal<bool>>,
) -> impl IntoView {
    let lang = use_ui().lang;
    let reason_id = format!("why-{class}");
    let described = reason.map(|_| reason_id.clone());
    let controls = expanded.map(|_| "tool-panel");
    view! {
        <span class="action">
            <button type="button" class=format!("button {look} {class}") disabled=reason.is_some()
                aria-describedby=described aria-controls=controls
                aria-expanded=move || expanded.map(|open| open.get().to_string())
                on:click=move |_| on_press.run(())>
                {t(lang, label)}
            </button>
            <span class="why" id=reason_id>{reason.map(|why| t(lang, why))}</span>
        </span>
    }
}
