//! The write actions of the card as typed drafts: what the user typed, its validation, and
//! the exact REST parameters (serde, never string concatenation). Pure.

use super::meeting::local_iso;
use super::model::Date;
use crate::context::UserId;
use serde::Serialize;
use serde_json::Value;

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

/// What the meeting form holds.
#[derive(Clone, Debug, PartialEq)]
pub struct MeetingDraft {
    /// Subject (required).
    pub name: String,
    /// Length in minutes.
    pub length: u32,
    /// The chosen day.
    pub day: Option<Date>,
    /// The chosen start, minutes after midnight.
    pub start: Option<u32>,
}

/// `calendar.event.add` parameters.
#[derive(Serialize, Debug, PartialEq)]
pub struct EventAdd {
    #[serde(rename = "type")]
    kind: &'static str,
    #[serde(rename = "ownerId")]
    owner_id: u32,
    section: String,
    name: String,
    from: String,
    to: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    timezone_from: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    timezone_to: String,
    is_meeting: &'static str,
    attendees: [u32; 2],
    host: u32,
}

impl EventAdd {
    /// The start as sent, `YYYY-MM-DDTHH:MM:SS` in the viewer's zone.
    pub fn from(&self) -> &str {
        &self.from
    }
}

impl MeetingDraft {
    /// The parameters for a meeting of `me` with `them` in `section` (my calendar), or `None`
    /// until a subject, a day and a time are chosen. `time_zone` is the viewer's IANA zone.
    ///
    /// ```
    /// use profile_widget::context::UserId;
    /// use profile_widget::profile::{Date, actions::MeetingDraft};
    /// let draft = MeetingDraft { name: "Sync".into(), length: 30,
    ///     day: Some(Date { year: Some(2026), month: 11, day: 24 }), start: Some(600) };
    /// let (me, them) = (UserId::new(7).unwrap(), UserId::new(42).unwrap());
    /// let params = serde_json::to_value(draft.params(me, them, "4", "Europe/Berlin").unwrap()).unwrap();
    /// assert_eq!(params["from"], "2026-11-24T10:00:00");
    /// assert_eq!(params["to"], "2026-11-24T10:30:00");
    /// assert_eq!(params["attendees"], serde_json::json!([7, 42]));
    /// ```
    pub fn params(
        &self,
        me: UserId,
        them: UserId,
        section: &str,
        time_zone: &str,
    ) -> Option<EventAdd> {
        let name = self.name.trim();
        let (day, start) = (self.day?, self.start?);
        if name.is_empty() || section.is_empty() {
            return None;
        }
        Some(EventAdd {
            kind: "user",
            owner_id: me.get(),
            section: section.to_owned(),
            name: name.to_owned(),
            from: local_iso(day, start),
            to: local_iso(day, start + self.length),
            timezone_from: time_zone.to_owned(),
            timezone_to: time_zone.to_owned(),
            is_meeting: "Y",
            attendees: [me.get(), them.get()],
            host: me.get(),
        })
    }
}

/// The id of the viewer's first calendar from `calendar.section.get`, as text.
///
/// ```
/// use profile_widget::profile::actions::first_section;
/// assert_eq!(first_section(&serde_json::json!([{"ID": "4", "NAME": "Mine"}])), Some("4".into()));
/// assert_eq!(first_section(&serde_json::json!([])), None);
/// ```
pub fn first_section(result: &Value) -> Option<String> {
    match result.as_array()?.first()?.get("ID")? {
        Value::String(id) if !id.trim().is_empty() => Some(id.trim().to_owned()),
        Value::Number(id) => Some(id.to_string()),
        _ => None,
    }
}

/// A gratitude badge (`GRATITUDE_MEDAL` XML ids of the portal's standard set).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Medal {
    /// `thumbsup`
    ThumbsUp,
    /// `heart`
    Heart,
    /// `cup`
    Cup,
    /// `star`
    Star,
}

impl Medal {
    /// Every badge offered, in order.
    pub const ALL: [Medal; 4] = [Medal::ThumbsUp, Medal::Heart, Medal::Cup, Medal::Star];

    /// The XML id the portal knows the badge by.
    pub fn xml_id(self) -> &'static str {
        match self {
            Medal::ThumbsUp => "thumbsup",
            Medal::Heart => "heart",
            Medal::Cup => "cup",
            Medal::Star => "star",
        }
    }
}

/// What the appreciation form holds.
#[derive(Clone, Debug, PartialEq)]
pub struct ThanksDraft {
    /// The badge.
    pub medal: Medal,
    /// The text (required).
    pub message: String,
}

/// `log.blogpost.add` parameters: gratitude keys top-level, as the module reads them.
#[derive(Serialize, Debug, PartialEq)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub struct BlogPostAdd {
    post_title: String,
    post_message: String,
    dest: [String; 1],
    gratitude_medal: &'static str,
    gratitude_employees: [u32; 1],
}

impl ThanksDraft {
    /// The parameters, addressed to the person only, or `None` while the text is blank.
    ///
    /// ```
    /// use profile_widget::context::UserId;
    /// use profile_widget::profile::actions::{Medal, ThanksDraft};
    /// let draft = ThanksDraft { medal: Medal::Cup, message: "Great release".into() };
    /// let params = serde_json::to_value(draft.params(UserId::new(42).unwrap(), "Thank you!").unwrap()).unwrap();
    /// assert_eq!(params, serde_json::json!({"POST_TITLE": "Thank you!", "POST_MESSAGE": "Great release",
    ///     "DEST": ["U42"], "GRATITUDE_MEDAL": "cup", "GRATITUDE_EMPLOYEES": [42]}));
    /// ```
    pub fn params(&self, to: UserId, title: &str) -> Option<BlogPostAdd> {
        let message = self.message.trim();
        (!message.is_empty()).then(|| BlogPostAdd {
            post_title: title.to_owned(),
            post_message: message.to_owned(),
            dest: [format!("U{to}")],
            gratitude_medal: self.medal.xml_id(),
            gratitude_employees: [to.get()],
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(n: u64) -> UserId {
        UserId::new(n).unwrap()
    }

    #[test]
    fn blank_drafts_send_nothing() {
        let task = TaskDraft {
            title: " \n\t".into(),
            ..TaskDraft::default()
        };
        assert!(task.params(id(1)).is_none());
        let thanks = ThanksDraft {
            medal: Medal::Star,
            message: "   ".into(),
        };
        assert!(thanks.params(id(1), "t").is_none());
        let meeting = MeetingDraft {
            name: "Sync".into(),
            length: 30,
            day: None,
            start: Some(600),
        };
        assert!(meeting.params(id(1), id(2), "4", "").is_none());
    }

    #[test]
    fn hostile_text_is_sent_as_data() {
        let task = TaskDraft {
            title: "<script>alert(1)</script>&cmd[x]=batch".into(),
            description: "a\"b".into(),
            deadline: String::new(),
        };
        let value = serde_json::to_value(task.params(id(5)).unwrap()).unwrap();
        assert_eq!(
            value["fields"]["TITLE"],
            "<script>alert(1)</script>&cmd[x]=batch"
        );
        assert_eq!(value["fields"]["DESCRIPTION"], "a\"b");
        assert!(value["fields"].get("DEADLINE").is_none());
    }

    #[test]
    fn meeting_without_zone_omits_it() {
        let meeting = MeetingDraft {
            name: "Sync".into(),
            length: 60,
            day: Some(Date {
                year: Some(2026),
                month: 1,
                day: 2,
            }),
            start: Some(17 * 60),
        };
        let value = serde_json::to_value(meeting.params(id(1), id(2), "9", "").unwrap()).unwrap();
        assert_eq!(value["to"], "2026-01-02T18:00:00");
        assert_eq!(value["is_meeting"], "Y");
        assert_eq!(value["section"], "9");
        assert!(value.get("timezone_from").is_none());
    }
}
