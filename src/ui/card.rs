//! The profile card: who the person is, how to reach them, whom they report to, and actions.
//! Every text from the portal is rendered as text; links are built with encoders; only safe
//! image URLs load.

use super::about::{AboutSection, Chips};
use super::actions::{Actions, Tools};
use super::parts::{OnUse, part};
use super::people::{PeoplePanel, PersonSearch};
use super::shared::{Bridge, Ui, use_ui};
use super::theme::ThemeSwitch;
use crate::card::format;
use crate::card::{Contact, Fact, Manager, SEPARATOR, Summary};
use crate::context::{PlacementCode, UserId};
use crate::i18n::{Lang, Msg, t, time_difference};
use crate::profile::Profile;
use leptos::prelude::*;

/// The whole card for a loaded profile. Everything inside it reads the language and the
/// bridge from context (`ui::shared`).
///
/// ```no_run
/// use leptos::prelude::*;
/// use profile_widget::ui::ProfileCard;
/// # fn demo(bx24: profile_widget::bx24::Bx24, profile: profile_widget::profile::Profile) {
/// leptos::mount::mount_to_body(move || view! {
///     <ProfileCard lang=profile_widget::i18n::Lang::En bridge=StoredValue::new_local(bx24.clone()) profile=profile.clone()
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
    bridge: Bridge,
    /// The loaded data.
    profile: Profile,
    /// The placement, shown to developers as a data attribute.
    placement: PlacementCode,
    /// Opens another person's card in the widget.
    on_open: Callback<UserId>,
) -> impl IntoView {
    let person = profile.person.clone();
    let summary = Summary::new(lang, &profile, &bridge.with_value(|b| b.domain()));
    Ui::provide(lang, bridge);
    // The lists at the bottom wait until the card is painted: a timer set in the next
    // animation frame runs after that frame. A hidden frame gets no animation frames, hence
    // the second timer. Either may find the card already replaced. A vCard pressed on the
    // drawn card is downloaded then too, from this card's link.
    let below_fold = RwSignal::new(false);
    let show_lists = move || {
        if below_fold.try_get_untracked() == Some(false) {
            below_fold.try_set(true);
            super::actions::fetch_tools();
            crate::page::download_pressed_vcard();
        }
    };
    request_animation_frame(move || set_timeout(show_lists, std::time::Duration::ZERO));
    set_timeout(show_lists, std::time::Duration::from_millis(250));
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
            <LocalTime time_zone=person.time_zone.clone()/>
            <Actions profile=profile.clone()/>
            <Tools profile=profile.clone()/>
            <Contacts note=summary.contacts_note rows=summary.contacts/>
            <Facts rows=summary.facts managers=summary.managers no_manager=summary.no_manager
                person=person.id on_open/>
            <AboutSection profile=profile.clone()/>
            {move || below_fold.get().then(|| view! {
                <OnUse lang arrive=people_part args=(profile.clone(), on_open)/>
            })}
            <footer class="card-footer"><ThemeSwitch/></footer>
        </article>
    }
}

// The colleagues' lists and the search: the part `people`, downloaded once the card is painted.
part!(
    people,
    people_part,
    people_entry,
    (Profile, Callback<UserId>),
    people_view
);

fn people_view((profile, on_open): (Profile, Callback<UserId>)) -> AnyView {
    view! {
        <PeoplePanel profile on_open/>
        <PersonSearch on_open/>
    }
    .into_any()
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
fn LocalTime(time_zone: String) -> impl IntoView {
    let lang = use_ui().lang;
    format::local_time(lang, &time_zone).map(|(clock, difference)| {
        view! {
            <p class="local-time">
                <span class="label">{t(lang, Msg::LocalTime)}</span>" "
                <strong>{clock}</strong>" · "{time_difference(lang, difference)}
            </p>
        }
    })
}

#[component]
fn Contacts(note: Option<&'static str>, rows: Vec<Contact>) -> impl IntoView {
    let lang = use_ui().lang;
    view! {
        <section class="contacts" aria-labelledby="contacts-title">
            <h2 id="contacts-title">{t(lang, Msg::Contacts)}</h2>
            <p class="note">{note}</p>
            <dl>
                {rows.into_iter().map(|row| view! {
                    <dt>{row.label}</dt>
                    <dd>
                        <a href=row.href>{row.value.clone()}</a>
                        <CopyButton text=row.value/>
                    </dd>
                }).collect_view()}
            </dl>
        </section>
    }
}

#[component]
fn CopyButton(text: String) -> impl IntoView {
    let lang = use_ui().lang;
    let copied = RwSignal::new(false);
    let label = format!("{} {}", t(lang, Msg::Copy), text);
    let copy = move |_| {
        let text = text.clone();
        leptos::task::spawn_local(async move {
            if crate::page::copy_to_clipboard(&text).await {
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

#[component]
fn Facts(
    rows: Vec<Fact>,
    managers: Vec<Manager>,
    no_manager: Option<&'static str>,
    person: UserId,
    on_open: Callback<UserId>,
) -> impl IntoView {
    let lang = use_ui().lang;
    view! {
        <section class="facts">
            <dl>
                {rows.into_iter().map(|row| view! {
                    <dt>{row.label}</dt>
                    <dd class=row.class>
                        {if row.chips {
                            view! { <Chips class=row.class tags=row.values person on_open/> }.into_any()
                        } else {
                            isolated(row.values).into_any()
                        }}
                    </dd>
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
