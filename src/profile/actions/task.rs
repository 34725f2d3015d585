//! A task assigned to the person: its draft, its `tasks.task.add` parameters, its write.

use super::{Action, Write, json};
use crate::context::UserId;
use crate::i18n::Msg;
use crate::profile::outcome::{Lookup, SLACK_MS};
use serde::Serialize;
use serde_json::Value;

/// Creates a task assigned to the person.
pub const TASK: Action = Action {
    name: "task",
    label: Msg::ActTask,
    on_my_card: true,
    method: "tasks.task.add",
    scope: "task",
    done: Msg::TaskCreated,
    made: task_id,
};

/// What the task form holds; kept as typed, so a failure never loses it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TaskDraft {
    /// Title (required).
    pub title: String,
    /// Description.
    pub description: String,
    /// Deadline as a `datetime-local` input gives it (`YYYY-MM-DDTHH:MM`), or empty.
    pub deadline: String,
}

/// `tasks.task.add` parameters.
#[derive(Serialize, Debug, PartialEq)]
pub struct TaskAdd {
    fields: TaskFields,
}

#[derive(Serialize, Debug, PartialEq)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
struct TaskFields {
    title: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    description: String,
    responsible_id: u32,
    #[serde(skip_serializing_if = "String::is_empty")]
    deadline: String,
}

impl TaskDraft {
    /// The parameters, or `None` while the title is blank.
    ///
    /// ```
    /// use profile_widget::context::UserId;
    /// use profile_widget::profile::actions::TaskDraft;
    /// let draft = TaskDraft { title: " Review ".into(), deadline: "2026-12-01T17:00".into(), ..Default::default() };
    /// let params = serde_json::to_value(draft.params(UserId::new(42).unwrap()).unwrap()).unwrap();
    /// assert_eq!(params, serde_json::json!({"fields": {"TITLE": "Review", "RESPONSIBLE_ID": 42, "DEADLINE": "2026-12-01T17:00:00"}}));
    /// assert!(TaskDraft::default().params(UserId::new(42).unwrap()).is_none());
    /// ```
    pub fn params(&self, responsible: UserId) -> Option<TaskAdd> {
        let title = self.title.trim();
        if title.is_empty() {
            return None;
        }
        let deadline = match self.deadline.trim() {
            "" => String::new(),
            d if d.len() == 16 => format!("{d}:00"),
            d => d.to_owned(),
        };
        Some(TaskAdd {
            fields: TaskFields {
                title: title.to_owned(),
                description: self.description.trim().to_owned(),
                responsible_id: responsible.get(),
                deadline,
            },
        })
    }
}

impl TaskDraft {
    /// The write of a task for `them` sent by `me` at `now_ms` (milliseconds since the
    /// epoch), or the message to show while the title is blank.
    ///
    /// ```
    /// use profile_widget::context::UserId;
    /// use profile_widget::profile::actions::{TaskDraft, TASK};
    /// let (me, them) = (UserId::new(7).unwrap(), UserId::new(42).unwrap());
    /// let draft = TaskDraft { title: "Review".into(), ..Default::default() };
    /// let write = draft.write(me, them, 1_800_000_000_000.0).unwrap();
    /// assert_eq!(write.action.method, TASK.method);
    /// assert_eq!(write.params["fields"]["RESPONSIBLE_ID"], 42);
    /// assert!(TaskDraft::default().write(me, them, 0.0).is_err());
    /// ```
    pub fn write(&self, me: UserId, them: UserId, now_ms: f64) -> Result<Write, Msg> {
        let params = self.params(them).ok_or(Msg::FieldRequired)?;
        Ok(Write {
            action: &TASK,
            params: json(params),
            lookup: Lookup::Task {
                title: self.title.trim().to_owned(),
                responsible: them.get(),
                creator: me.get(),
                since_ms: now_ms - SLACK_MS,
            },
        })
    }
}

/// The id of a created task from `{"task":{"id":"3711",…}}` (string or number).
///
/// ```
/// use profile_widget::profile::actions::task_id;
/// assert_eq!(task_id(&serde_json::json!({"task": {"id": "3711"}})), Some(3711));
/// assert_eq!(task_id(&serde_json::json!({"task": {"id": 5}})), Some(5));
/// assert_eq!(task_id(&serde_json::json!(true)), None);
/// ```
pub fn task_id(result: &Value) -> Option<u64> {
    match result.get("task")?.get("id")? {
        Value::String(text) => text.trim().parse().ok(),
        Value::Number(number) => number.as_u64(),
        _ => None,
    }
}

/// The portal path of a task, for `openPath` (trailing slash kept, as the portal expects).
///
/// ```
/// use profile_widget::context::UserId;
/// use profile_widget::profile::actions::task_path;
/// assert_eq!(task_path(UserId::new(7).unwrap(), 3711), "/company/personal/user/7/tasks/task/view/3711/");
/// ```
pub fn task_path(viewer: UserId, task: u64) -> String {
    format!("/company/personal/user/{viewer}/tasks/task/view/{task}/")
}
