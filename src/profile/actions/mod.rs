//! The write actions of the card as data: each [`Action`] names its REST method, the scope
//! that allows it and what the user is told; each draft (what the user typed) validates
//! itself and becomes a [`Write`]: the exact parameters (serde, never string concatenation)
//! and the lookup that finds the write should its answer be lost. Pure; `profile::api` sends
//! them and `ui::forms` shows them.

mod meeting;
mod task;
mod thanks;

pub use meeting::{EventAdd, MEETING, MeetingDraft, first_section};
pub use task::{TASK, TaskAdd, TaskDraft, task_id, task_path};
pub use thanks::{BlogPostAdd, Medal, THANKS, ThanksDraft};

use super::outcome::Lookup;
use crate::i18n::Msg;
use serde::Serialize;
use serde_json::Value;

/// A write action of the card.
#[derive(Debug)]
pub struct Action {
    /// Its name: the class of its button (`button task`).
    pub name: &'static str,
    /// Its button's text.
    pub label: Msg,
    /// Whether it applies on my own card (a task for myself does; a meeting does not).
    pub on_my_card: bool,
    /// The REST method that makes it.
    pub method: &'static str,
    /// The scope the application needs for it.
    pub scope: &'static str,
    /// What the form says once it is made.
    pub done: Msg,
    /// The id of what was made, from the method's `result`.
    pub made: fn(&Value) -> Option<u64>,
}

/// One write, ready to send.
#[derive(Clone, Debug, PartialEq)]
pub struct Write {
    /// What it is.
    pub action: &'static Action,
    /// Its parameters.
    pub params: Value,
    /// How to find it should its answer be lost.
    pub lookup: Lookup,
}

impl PartialEq for Action {
    fn eq(&self, other: &Self) -> bool {
        self.method == other.method
    }
}

/// Parameters as JSON; the drafts' parameter types always serialize.
fn json(params: impl Serialize) -> Value {
    serde_json::to_value(params).unwrap_or_default()
}

#[cfg(test)]
mod tests;
