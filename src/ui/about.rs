//! The people side of the card: interests and skills as chips that list the colleagues who
//! share them, "about me" and the work notes folded when long, and the profile's links.

use super::failure::{Failure, FailureNote};
use super::people::PersonRow;
use super::shared::use_ui;
use crate::card::about::{About, Note, Run};
use crate::context::UserId;
use crate::i18n::{Msg, t, t_with};
use crate::profile::api::{self, Tags};
use crate::profile::{Person, Profile};
use leptos::prelude::*;

/// The colleagues found for a chip: `None` while loading.
type Sharing = Option<Result<(Vec<Person>, bool), Failure>>;

/// A fact's tags as buttons; pressing one lists below the chips the active colleagues who
/// share it (pressing it again, or another, closes or replaces the list). An answer that
/// arrives after its chip was closed or another was pressed is dropped. A chip pressed on the
/// drawn card is pressed here when the app arrives.
#[component]
pub fn Chips(
    /// `interests` or `skills` (the fact's class).
    class: &'static str,
    /// The tags, as written.
    tags: Vec<String>,
    /// Whose card this is (left out of the list).
    person: UserId,
    /// Opens a colleague's card.
    on_open: Callback<UserId>,
) -> impl IntoView {
    let ui = use_ui();
    let lang = ui.lang;
    let kind = if class == "skills" {
        Tags::Skills
    } else {
        Tags::Interests
    };
    let open = RwSignal::new(None::<usize>);
    let found = RwSignal::new(None as Sharing);
    let panel_id = format!("sharing-{class}");
    let press = move |i: usize, tag: String| {
        if open.get_untracked() == Some(i) {
            open.set(None);
            return;
        }
        open.set(Some(i));
        found.set(None);
        leptos::task::spawn_local(async move {
            let answer = api::sharing(&ui.bx24(), kind, &tag, person).await;
            if open.get_untracked() == Some(i) {
                found.set(Some(answer.map_err(|error| Failure::of(&error))));
            }
        });
    };
    // A chip pressed on the drawn card before this arrived opens now, once.
    if let Some(i) = crate::page::take_chip_press(class, tags.len()) {
        press(i, tags[i].clone());
    }
    let chips = tags
        .iter()
        .enumerate()
        .map(|(i, tag)| {
            let pressed = {
                let tag = tag.clone();
                move |_| press(i, tag.clone())
            };
            view! {
                <button type="button" class="chip" aria-controls=panel_id.clone()
                    aria-expanded=move || (open.get() == Some(i)).to_string() on:click=pressed>
                    <bdi>{tag.clone()}</bdi>
                </button>
            }
        })
        .collect_view();
    // One view with optional parts, redrawn whole when the chip or its answer changes.
    let panel = move || {
        let i = open.get()?;
        let found = found.get();
        let status = match &found {
            None => Some(Msg::SharingLoading),
            Some(Ok((people, _))) if people.is_empty() => Some(Msg::SharingNone),
            _ => None,
        };
        let (people, more, failure) = match found {
            Some(Ok((people, more))) => (people, more, None),
            Some(Err(failure)) => (Vec::new(), false, Some(failure)),
            None => (Vec::new(), false, None),
        };
        Some(view! {
            <h3><bdi>{tags_text(&tags, i)}</bdi>": "{t(lang, Msg::Sharing)}</h3>
            <p class="form-note" role="status">{status.map(|msg| t(lang, msg))}</p>
            {failure.map(|failure| view! { <FailureNote failure/> })}
            <ul class="search-results">
                {people.into_iter().map(|person| view! { <PersonRow person on_open/> }).collect_view()}
            </ul>
            <p class="form-note">{more.then(|| t_with(lang, Msg::SharingFirst, "50"))}</p>
        })
    };
    view! {
        <span class="chips">{chips}</span>
        <div class="sharing" id=panel_id aria-live="polite">{panel}</div>
    }
}

fn tags_text(tags: &[String], i: usize) -> String {
    tags.get(i).cloned().unwrap_or_default()
}

/// "About me", the work notes and the links, when the profile has any of them.
#[component]
pub fn AboutSection(profile: Profile) -> impl IntoView {
    let lang = use_ui().lang;
    let about = About::new(lang, &profile);
    if about.notes.is_empty() && about.links.is_empty() {
        return None;
    }
    let links = (!about.links.is_empty()).then(|| {
        view! {
            <h2>{t(lang, Msg::Links)}</h2>
            <dl class="links">
                {about.links.into_iter().map(|link| view! {
                    <dt>{link.label}</dt>
                    <dd><a href=link.href target="_blank" rel="noopener noreferrer"><bdi>{link.value}</bdi></a></dd>
                }).collect_view()}
            </dl>
        }
    });
    Some(view! {
        <section class="about">
            {about.notes.into_iter().map(|note| view! { <NoteView note/> }).collect_view()}
            {links}
        </section>
    })
}

#[component]
fn NoteView(note: Note) -> impl IntoView {
    let lang = use_ui().lang;
    let unfolded = RwSignal::new(false);
    let Note {
        title,
        full,
        folded,
    } = note;
    // Both texts are rendered once; the button only shows one or the other.
    let folds = folded.is_some();
    let texts = [Some(full), folded]
        .map(|runs| runs.map(|runs| runs.into_iter().map(run_view).collect_view()));
    let [full, folded] = texts;
    view! {
        <h2>{title}</h2>
        <p class="note-text" dir="auto" hidden=move || folds && !unfolded.get()>{full}</p>
        {folded.map(|short| view! {
            <p class="note-text folded" dir="auto" hidden=move || unfolded.get()>{short}</p>
            <button type="button" class="copy more" aria-expanded=move || unfolded.get().to_string()
                on:click=move |_| unfolded.update(|u| *u = !*u)>
                {move || t(lang, if unfolded.get() { Msg::ShowLess } else { Msg::ShowMore })}
            </button>
        })}
    }
}

fn run_view(run: Run) -> impl IntoView {
    let (text, href) = match run {
        Run::Text(text) => (text, None),
        Run::Link(href) => (href.clone(), Some(href)),
    };
    // A text run is an anchor without href (no link, as HTML defines it): one element type
    // for both kinds of run.
    let target = href.as_ref().map(|_| "_blank");
    let rel = href.as_ref().map(|_| "noopener noreferrer");
    view! { <a href=href target=target rel=rel>{text}</a> }
}
