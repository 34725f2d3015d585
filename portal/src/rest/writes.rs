//! The writes profile actions use, validated like the real methods and recorded so tests
//! can assert on exactly what the widget sent.

use super::{Answer, Call, Outcome, fail};
use crate::params;
use crate::state::Recorded;
use serde_json::{Map, Value, json};

fn record(call: &mut Call<'_>, method: &str, result: &Value) {
    let recorded = Recorded {
        method: method.into(),
        user_id: call.token.user_id,
        params: Value::Object(call.params.clone()),
        result: result.clone(),
        at: super::now_seconds(),
    };
    call.sim.writes.push(recorded);
}

fn user_exists(call: &Call<'_>, value: Option<&Value>) -> bool {
    params::int(value)
        .and_then(|id| u32::try_from(id).ok())
        .is_some_and(|id| call.sim.company.user(id).is_some())
}

pub fn task_add(call: &mut Call<'_>) -> Outcome {
    let Some(Value::Object(fields)) = call.param("fields").cloned() else {
        return Err(fail(400, "100", "Wrong fields"));
    };
    let title = params::text(fields.get("TITLE")).unwrap_or_default();
    if title.trim().is_empty() {
        return Err(fail(400, "ERROR_CORE", "Task title is not specified<br>"));
    }
    if !user_exists(call, fields.get("RESPONSIBLE_ID")) {
        return Err(fail(
            400,
            "ERROR_CORE",
            "Responsible person is not specified or not found<br>",
        ));
    }
    let id = call.sim.next_id();
    let text = |key: &str| params::text(fields.get(key)).unwrap_or_default();
    let created_by = fields
        .get("CREATED_BY")
        .and_then(|v| params::text(Some(v)))
        .unwrap_or_else(|| call.token.user_id.to_string());
    let result = json!({"task": {
        "id": id.to_string(), "title": title, "description": text("DESCRIPTION"),
        "responsibleId": text("RESPONSIBLE_ID"), "createdBy": created_by,
        "deadline": text("DEADLINE"), "status": "2"
    }});
    record(call, "tasks.task.add", &result);
    Ok(Answer::of(result))
}

pub fn event_add(call: &mut Call<'_>) -> Outcome {
    for required in ["type", "ownerId", "name", "from", "to", "section"] {
        let present = params::text(call.param(required)).is_some_and(|v| !v.trim().is_empty());
        if !present {
            // The calendar module answers with an empty error code.
            return Err(fail(
                400,
                "",
                &format!(
                    "The required parameter \"{required}\" for the method \"calendar.event.add\" is not set"
                ),
            ));
        }
    }
    let owner = params::int(call.param("ownerId")).unwrap_or_default();
    if params::text(call.param("section")) != Some(section_id(owner)) {
        return Err(fail(
            400,
            "",
            "Access denied: the section is not a calendar of the owner",
        ));
    }
    for attendee in params::list(call.param("attendees")) {
        if !user_exists(call, Some(&attendee)) {
            return Err(fail(400, "", "Attendee not found"));
        }
    }
    let id = call.sim.next_id();
    let result = json!(id);
    record(call, "calendar.event.add", &result);
    Ok(Answer::of(result))
}

/// Every user has one personal calendar; its id is derived from the owner's.
pub(super) fn section_id(owner: i64) -> String {
    (owner * 10 + 1).to_string()
}

/// `calendar.section.get {type, ownerId}`: the owner's personal calendar.
pub fn sections(call: &mut Call<'_>) -> Outcome {
    let kind = params::text(call.param("type")).unwrap_or_default();
    let Some(owner) = params::int(call.param("ownerId")) else {
        return Err(fail(
            400,
            "",
            "The required parameter \"ownerId\" for the method \"calendar.section.get\" is not set",
        ));
    };
    if kind != "user" || !user_exists(call, call.param("ownerId")) {
        return Ok(Answer::of(json!([])));
    }
    Ok(Answer::of(json!([{
        "ID": section_id(owner), "NAME": "Personal calendar", "CAL_TYPE": "user",
        "OWNER_ID": owner.to_string(), "COLOR": "#9dcf00", "PERM": {"view_full": true, "edit": true}
    }])))
}

/// `YYYY-MM-DD` (or `DD.MM.YYYY`) to (year, month, day).
pub(super) fn parse_day(text: &str) -> Option<(i64, i64, i64)> {
    let text = text.get(..10)?;
    let parts: Vec<i64> = text
        .split(['-', '.'])
        .filter_map(|p| p.parse().ok())
        .collect();
    match parts.as_slice() {
        [y, m, d] if *y > 1000 => Some((*y, *m, *d)),
        [d, m, y] if *y > 1000 => Some((*y, *m, *d)),
        _ => None,
    }
}

/// Days since 1970-01-01 of a civil date (Howard Hinnant's algorithm).
fn days_from_civil((year, month, day): (i64, i64, i64)) -> i64 {
    let y = year - i64::from(month <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * (month + if month > 2 { -3 } else { 9 }) + 2) / 5 + day - 1;
    era * 146_097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719_468
}

/// Busy slots: the same two meetings every day for even ids, one for odd ids.
pub fn accessibility(call: &mut Call<'_>) -> Outcome {
    let from = params::text(call.param("from")).and_then(|t| parse_day(&t));
    let to = params::text(call.param("to")).and_then(|t| parse_day(&t));
    let (Some(from), Some(to)) = (from, to) else {
        return Err(fail(
            400,
            "",
            "The required parameters \"from\" and \"to\" must be dates",
        ));
    };
    let (first, last) = (days_from_civil(from), days_from_civil(to));
    let days = (last - first).clamp(0, 14) + 1;
    let mut result = Map::new();
    for user in params::list(call.param("users")) {
        let Some(id) = params::int(Some(&user)) else {
            continue;
        };
        let mut slots = Vec::new();
        for offset in 0..days {
            // `YYYY-MM-DD…` of the day, in the site format `DD.MM.YYYY` the module answers with.
            let iso = super::iso_date((first + offset) * 86_400);
            let date = format!("{}.{}.{}", &iso[8..10], &iso[5..7], &iso[0..4]);
            slots.push(json!({"ID": format!("{id}{offset}1"), "NAME": "Busy", "DATE_FROM": format!("{date} 10:00:00"),
                "DATE_TO": format!("{date} 11:00:00"), "TYPE": "event", "ACCESSIBILITY": "busy"}));
            if id % 2 == 0 {
                slots.push(json!({"ID": format!("{id}{offset}2"), "NAME": "Busy", "DATE_FROM": format!("{date} 14:00:00"),
                    "DATE_TO": format!("{date} 15:30:00"), "TYPE": "event", "ACCESSIBILITY": "busy"}));
            }
        }
        result.insert(id.to_string(), Value::Array(slots));
    }
    Ok(Answer::of(if result.is_empty() {
        json!([])
    } else {
        Value::Object(result)
    }))
}

/// `calendar.settings.get`: the portal's working time and weekend days as the calendar keeps
/// them (hours as text, `"9"` or `"9.30"`), with the other settings an app may see.
pub fn calendar_settings(call: &mut Call<'_>) -> Outcome {
    let settings = &call.sim.settings;
    Ok(Answer::of(json!({
        "work_time_start": settings.work_time_start,
        "work_time_end": settings.work_time_end,
        "year_holidays": "1.01,2.01,7.01,23.02,8.03,1.05,9.05,12.06,4.11",
        "year_workdays": "31.12",
        "week_holidays": settings.week_holidays,
        "week_start": "MO",
        "user_name_template": "#NAME# #LAST_NAME#",
        "sync_by_push": false,
        "user_show_login": true,
        "path_to_user": "/company/personal/user/#user_id#/",
        "path_to_user_calendar": "/company/personal/user/#user_id#/calendar/",
        "dep_manager_sub": true,
        "denied_superpose_types": [],
        "forum_id": "8",
        "rm_for_sites": true
    })))
}

pub fn message_add(call: &mut Call<'_>) -> Outcome {
    let dialog = params::text(call.upper("DIALOG_ID")).unwrap_or_default();
    if dialog.is_empty() {
        return Err(fail(400, "DIALOG_ID_EMPTY", "Dialog ID can't be empty"));
    }
    let message = params::text(call.upper("MESSAGE")).unwrap_or_default();
    if message.trim().is_empty() {
        return Err(fail(400, "MESSAGE_EMPTY", "Message can't be empty"));
    }
    let id = call.sim.next_id();
    let result = json!(id);
    record(call, "im.message.add", &result);
    Ok(Answer::of(result))
}

pub fn blogpost_add(call: &mut Call<'_>) -> Outcome {
    let message = params::text(call.upper("POST_MESSAGE")).unwrap_or_default();
    if message.trim().is_empty() {
        return Err(fail(
            400,
            "SONET_CONTROLLER_LIVEFEED_BLOGPOST_ADD_ERROR",
            "Message text is empty",
        ));
    }
    // Gratitude keys are read top-level (the module's code) or under UF_GRATITUDE (the docs).
    let gratitude = call.upper("UF_GRATITUDE").cloned();
    let medal = call.upper("GRATITUDE_MEDAL").cloned().or_else(|| {
        gratitude
            .as_ref()
            .and_then(|g| g.get("GRATITUDE_MEDAL").cloned())
    });
    let employees = call.upper("GRATITUDE_EMPLOYEES").cloned().or_else(|| {
        gratitude
            .as_ref()
            .and_then(|g| g.get("GRATITUDE_EMPLOYEES").cloned())
    });
    if medal.is_some() && params::list(employees.as_ref()).is_empty() {
        return Err(fail(
            400,
            "SONET_CONTROLLER_LIVEFEED_BLOGPOST_ADD_ERROR",
            "Gratitude needs at least one employee",
        ));
    }
    let id = call.sim.next_id();
    let result = json!(id);
    record(call, "log.blogpost.add", &result);
    Ok(Answer::of(result))
}
