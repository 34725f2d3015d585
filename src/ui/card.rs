//! The profile card: who the person is, how to reach them, whom they report to, and actions.
//! Every text from the portal is rendered as text; links are built with encoders; only safe
//! image URLs load.

use super::format;
use crate::bx24::{Bx24, OpenPathOutcome};
use crate::context::{PlacementCode, UserId};
use crate::i18n::{Lang, Msg, t, time_difference};
use crate::profile::{PhoneKind, Profile, UserType, mailto_href, safe_image_url, tel_href};
use leptos::prelude::*;

/// The whole card for a loaded profile.
///
/// ```no_run
/// use leptos::prelude::*;
/// use profile_widget::ui::ProfileCard;
/// # fn demo(bx24: profile_widget::bx24::Bx24, profile: profile_widget::profile::Profile) {
/// leptos::mount::mount_to_body(move || view! {
///     <ProfileCard lang=profile_widget::i18n::Lang::En bx24=bx24.clone() profile=profile.clone()
///         placement=profile_widget::context::PlacementCode::UserProfileMenu/>
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
) -> impl IntoView {
    let person = profile.person.clone();
    let portal_origin = format!("http://{}", bx24.domain());
    let photo = safe_image_url(&person.photo, &portal_origin)
        .or_else(|| safe_image_url(&person.photo, &format!("https://{}", bx24.domain())));
    let mode = if profile.is_me() {
        Msg::MyCard
    } else {
        Msg::ColleagueCard
    };
    view! {
        <article class="profile-card" data-placement=placement.as_str().to_owned() data-user-id=person.id.to_string()
            aria-labelledby="person-name">
            <p class="mode">{t(lang, mode)}</p>
            <header class="person">
                <Avatar photo initials=person.initials()/>
                <div class="who">
                    <h1 id="person-name">{person.full_name()}</h1>
                    <p class="position">{person.position.clone()}</p>
                    <Badges lang profile=profile.clone()/>
                    <PresenceLine lang profile=profile.clone()/>
                </div>
            </header>
            <LocalTime lang time_zone=person.time_zone.clone()/>
            <Actions lang bx24 profile=profile.clone()/>
            <Contacts lang profile=profile.clone()/>
            <Facts lang profile=profile.clone()/>
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
fn Badges(lang: Lang, profile: Profile) -> impl IntoView {
    let person = &profile.person;
    let mut badges = Vec::new();
    if !person.active {
        badges.push(("badge fired", Msg::BadgeFired));
    }
    match person.user_type() {
        UserType::Extranet => badges.push(("badge extranet", Msg::BadgeExtranet)),
        UserType::Email => badges.push(("badge invited", Msg::BadgeInvited)),
        UserType::Employee => {}
    }
    view! {
        <p class="badges">
            {badges.into_iter().map(|(class, msg)| view! { <span class=class>{t(lang, msg)}</span> }).collect_view()}
        </p>
    }
}

#[component]
fn PresenceLine(lang: Lang, profile: Profile) -> impl IntoView {
    let absent = profile
        .presence
        .as_ref()
        .and_then(|p| p.absent_until)
        .map(|until| {
            format!(
                "{} {}",
                t(lang, Msg::AbsentUntil),
                format::date(lang, until)
            )
        });
    let online = profile.person.is_online()
        || profile
            .presence
            .as_ref()
            .is_some_and(|p| p.status == "online");
    let (class, text) = match absent {
        Some(text) => ("presence absent", text),
        None if online => ("presence online", t(lang, Msg::Online).to_owned()),
        None => ("presence offline", t(lang, Msg::Offline).to_owned()),
    };
    view! { <p class=class>{text}</p> }
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
            error.set(Some(t(lang, err.message()).to_owned()));
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
                on_press=Callback::new(move |_| report(bx24.with_value(|b| b.call_to(id, false))))/>
            <ActionButton lang class="video" label=Msg::VideoCall reason
                on_press=Callback::new(move |_| report(bx24.with_value(|b| b.call_to(id, true))))/>
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

/// A button that is disabled with a visible reason when the action cannot apply.
#[component]
fn ActionButton(
    lang: Lang,
    class: &'static str,
    label: Msg,
    reason: Option<Msg>,
    on_press: Callback<()>,
) -> impl IntoView {
    let reason_id = format!("why-{class}");
    let described = reason.map(|_| reason_id.clone());
    view! {
        <span class="action">
            <button type="button" class=format!("button {class}") disabled=reason.is_some()
                aria-describedby=described on:click=move |_| on_press.run(())>
                {t(lang, label)}
            </button>
            <span class="why" id=reason_id>{reason.map(|why| t(lang, why))}</span>
        </span>
    }
}

#[component]
fn Contacts(lang: Lang, profile: Profile) -> impl IntoView {
    let person = &profile.person;
    let mut rows: Vec<(Msg, String, Option<String>)> = Vec::new();
    if !person.email.is_empty() {
        rows.push((Msg::Email, person.email.clone(), mailto_href(&person.email)));
    }
    for (kind, number) in person.phones() {
        let label = match kind {
            PhoneKind::Work => Msg::WorkPhone,
            PhoneKind::Mobile => Msg::Mobile,
            PhoneKind::Inner => Msg::InnerPhone,
        };
        let href = tel_href(&number);
        rows.push((label, number, href));
    }
    let note = if profile.contacts_hidden() {
        Some(Msg::ContactsHidden)
    } else if rows.is_empty() {
        Some(Msg::NoContacts)
    } else {
        None
    };
    view! {
        <section class="contacts" aria-labelledby="contacts-title">
            <h2 id="contacts-title">{t(lang, Msg::Contacts)}</h2>
            <p class="note">{note.map(|msg| t(lang, msg))}</p>
            <dl>
                {rows.into_iter().map(|(label, value, href)| view! {
                    <dt>{t(lang, label)}</dt>
                    <dd>
                        <a href=href>{value.clone()}</a>
                        <CopyButton lang text=value/>
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
    use wasm_bindgen::JsCast;
    let global = js_sys::global();
    let navigator = js_sys::Reflect::get(&global, &"navigator".into()).unwrap_or_default();
    let clipboard = js_sys::Reflect::get(&navigator, &"clipboard".into()).unwrap_or_default();
    let Some(write) = js_sys::Reflect::get(&clipboard, &"writeText".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
    else {
        return false;
    };
    match write
        .call1(&clipboard, &text.into())
        .map(js_sys::Promise::from)
    {
        Ok(promise) => wasm_bindgen_futures::JsFuture::from(promise).await.is_ok(),
        Err(_) => false,
    }
}

#[component]
fn Facts(lang: Lang, profile: Profile) -> impl IntoView {
    let person = &profile.person;
    // One row type for every fact keeps the view code small.
    let mut rows: Vec<(Msg, &'static str, String)> = Vec::new();
    if !profile.departments.is_empty() {
        let names: Vec<&str> = profile
            .departments
            .iter()
            .map(|d| d.name.as_str())
            .collect();
        rows.push((Msg::Departments, "departments", names.join(" · ")));
    }
    if let Some(mut birthday) = person.birthday() {
        birthday.year = None; // a birthday shows day and month only
        rows.push((Msg::Birthday, "birthday", format::date(lang, birthday)));
    }
    if let Some(employed) = person.employment_date() {
        rows.push((
            Msg::EmploymentDate,
            "employed",
            format::date(lang, employed),
        ));
    }
    let managers: Vec<String> = profile
        .managers
        .iter()
        .map(|m| match m.position.as_str() {
            "" => m.full_name(),
            position => format!("{} · {position}", m.full_name()),
        })
        .collect();
    let no_manager = managers.is_empty().then(|| t(lang, Msg::NoManager));
    view! {
        <section class="facts">
            <dl>
                {rows.into_iter().map(|(label, class, value)| view! {
                    <dt>{t(lang, label)}</dt><dd class=class>{value}</dd>
                }).collect_view()}
                <dt>{t(lang, Msg::Managers)}</dt>
                <dd>
                    <span class="note">{no_manager}</span>
                    <ol class="managers">
                        {managers.into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}
                    </ol>
                </dd>
            </dl>
        </section>
    }
}
