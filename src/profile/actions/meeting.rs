//! A meeting with the person in the viewer's calendar: draft, parameters, write.

use super::{Action, Write, json};
use crate::context::UserId;
use crate::i18n::Msg;
use crate::profile::meeting::local_iso;
use crate::profile::model::Date;
use crate::profile::outcome::Lookup;
use serde::Serialize;
use serde_json::Value;

/// Schedules a meeting in the viewer's calendar with the person.
pub const MEETING: Action = Action {
    name: "meeting",
    label: Msg::ActMeeting,
    on_my_card: false,
    method: "calendar.event.add",
    scope: "calendar",
    done: Msg::MeetingCreated,
    made: Value::as_u64,
};

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

impl Default for MeetingDraft {
    /// Nothing chosen, half an hour long.
    fn default() -> Self {
        Self {
            name: String::new(),
            length: 30,
            day: None,
            start: None,
        }
    }
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

impl MeetingDraft {
    /// The write of this meeting in `section`, or the message to show: the subject is
    /// required, then a time. `time_zone` is the viewer's IANA zone.
    ///
    /// ```
    /// use profile_widget::context::UserId;
    /// use profile_widget::i18n::Msg;
    /// use profile_widget::profile::{Date, actions::MeetingDraft};
    /// let (me, them) = (UserId::new(7).unwrap(), UserId::new(42).unwrap());
    /// let mut draft = MeetingDraft { name: "Sync".into(), length: 30,
    ///     day: Some(Date { year: Some(2026), month: 11, day: 24 }), start: None };
    /// assert_eq!(draft.write(me, them, "4", "").unwrap_err(), Msg::MeetingPickSlot);
    /// draft.start = Some(600);
    /// assert_eq!(draft.write(me, them, "4", "").unwrap().params["from"], "2026-11-24T10:00:00");
    /// ```
    pub fn write(
        &self,
        me: UserId,
        them: UserId,
        section: &str,
        time_zone: &str,
    ) -> Result<Write, Msg> {
        if self.name.trim().is_empty() {
            return Err(Msg::FieldRequired);
        }
        let params = self
            .params(me, them, section, time_zone)
            .ok_or(Msg::MeetingPickSlot)?;
        let lookup = Lookup::Event {
            owner: me.get(),
            name: self.name.trim().to_owned(),
            from: params.from.clone(),
        };
        Ok(Write {
            action: &MEETING,
            params: json(params),
            lookup,
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
        Value::Number(id) => Some(bx24::form::number(id)),
        _ => None,
    }
}
