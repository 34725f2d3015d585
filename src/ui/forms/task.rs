//! Creates a task assigned to the person, then offers to open it.

use super::{Kept, WriteState, WriteStatus, check, clear_note, sending, submit};
use crate::context::UserId;
use crate::i18n::{Msg, t};
use crate::profile::actions::{TASK, TaskDraft, task_path};
use crate::ui::failure::Failure;
use crate::ui::shared::use_ui;
use leptos::prelude::*;

/// The task form: title (required), description, deadline.
#[component]
pub fn TaskForm(me: UserId, them: UserId, kept: Kept<TaskDraft>) -> impl IntoView {
    let ui = use_ui();
    let lang = ui.lang;
    let Kept { draft, state } = kept;
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let write = draft.with_untracked(|d| d.write(me, them, js_sys::Date::now()));
        submit(
            ui,
            state,
            write,
            Box::new(move |_| draft.set(TaskDraft::default())),
        );
    };
    let on_check = Callback::new(move |lookup| {
        check(
            ui,
            lookup,
            state,
            &TASK,
            Box::new(move || draft.set(TaskDraft::default())),
        )
    });
    let open_task = move |_| {
        if let WriteState::Done(_, Some(id)) = state.get_untracked() {
            let bx24 = ui.bx24();
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
            <WriteStatus state on_check/>
        </form>
    }
}
