//! Reads over what the widget wrote, as the real methods answer them: a write whose answer
//! was lost is looked up with these before the widget offers to send it again.

use super::{Answer, Call, Outcome, PAGE, iso_date, page, writes};
use crate::params;
use crate::state::Recorded;
use serde_json::{Map, Value, json};

fn recorded<'a>(call: &'a Call<'_>, method: &'a str) -> impl Iterator<Item = &'a Recorded> {
    call.sim.writes.iter().filter(move |w| w.method == method)
}

/// A key of `map`, case-insensitively.
fn key<'a>(map: &'a Map<String, Value>, name: &str) -> Option<&'a Value> {
    map.iter()
        .find(|(k, _)| k.eq_ignore_ascii_case(name))
        .map(|(_, v)| v)
}

/// `tasks.task.list {filter, select, order}`: `TITLE` matches as a substring (the widget must
/// compare exactly itself), `RESPONSIBLE_ID` and `CREATED_BY` exactly, `>=CREATED_DATE` by time.
pub fn task_list(call: &mut Call<'_>) -> Outcome {
    let filter = match call.upper("filter") {
        Some(Value::Object(filter)) => filter.clone(),
        _ => Map::new(),
    };
    let text = |name: &str| params::text(key(&filter, name));
    let since = text(">=CREATED_DATE").map(|d| parse_iso(&d));
    if since == Some(None) {
        return Err(super::fail(
            400,
            "ERROR_CORE",
            "Wrong date format in the filter",
        ));
    }
    let mut rows: Vec<Value> = recorded(call, "tasks.task.add")
        .filter(|w| since.flatten().is_none_or(|since| w.at >= since))
        .map(|w| {
            let mut task = w.result["task"].clone();
            task["createdDate"] = json!(iso_date(w.at as i64));
            task
        })
        .filter(|task| {
            let field = |name: &str| task[name].as_str().unwrap_or_default().to_owned();
            text("TITLE").is_none_or(|t| field("title").contains(t.as_str()))
                && text("RESPONSIBLE_ID").is_none_or(|r| field("responsibleId") == r)
                && text("CREATED_BY").is_none_or(|c| field("createdBy") == c)
        })
        .collect();
    let descending = matches!(call.upper("order"), Some(Value::Object(order))
        if key(order, "ID").and_then(Value::as_str).is_some_and(|o| o.eq_ignore_ascii_case("desc")));
    if descending {
        rows.reverse();
    }
    let start = params::int(call.param("start")).unwrap_or(0);
    let answer = page(rows, start, true);
    Ok(Answer {
        result: json!({"tasks": answer.result}),
        ..answer
    })
}

/// `calendar.event.get {type, ownerId, from, to}`: the owner's events on those days, with
/// the calendar's own date format (`01.12.2026 10:00:00`).
pub fn event_get(call: &mut Call<'_>) -> Outcome {
    let owner = params::int(call.param("ownerId"));
    let day = |name: &str| params::text(call.param(name)).and_then(|d| writes::parse_day(&d));
    let (from, to) = (day("from"), day("to"));
    let rows: Vec<Value> = recorded(call, "calendar.event.add")
        .filter(|w| params::int(w.params.get("ownerId")) == owner)
        .filter_map(|w| {
            let start = params::text(w.params.get("from"))?;
            let on = writes::parse_day(&start)?;
            let inside = from.is_none_or(|f| on >= f) && to.is_none_or(|t| on <= t);
            inside.then(|| {
                json!({"ID": w.result.to_string(), "NAME": w.params["name"], "OWNER_ID": owner,
                       "DATE_FROM": calendar_date(&start),
                       "DATE_TO": calendar_date(&params::text(w.params.get("to")).unwrap_or_default())})
            })
        })
        .collect();
    Ok(Answer::of(Value::Array(rows)))
}

/// `2026-12-01T10:00:00` as the calendar writes it: `01.12.2026 10:00:00`.
fn calendar_date(iso: &str) -> String {
    match (iso.get(..4), iso.get(5..7), iso.get(8..10), iso.get(11..19)) {
        (Some(y), Some(m), Some(d), Some(time)) => format!("{d}.{m}.{y} {time}"),
        _ => iso.to_owned(),
    }
}

/// `log.blogpost.get`: the posts the caller may see (written by them or addressed to them),
/// newest first, a page at a time.
pub fn blogpost_get(call: &mut Call<'_>) -> Outcome {
    let me = call.token.user_id;
    let mut rows: Vec<Value> = recorded(call, "log.blogpost.add")
        .filter(|w| {
            let dest = w.params.as_object().and_then(|p| key(p, "DEST"));
            w.user_id == me
                || params::list(dest)
                    .iter()
                    .any(|d| d.as_str() == Some(format!("U{me}").as_str()))
        })
        .map(|w| {
            let text = |name: &str| {
                w.params
                    .as_object()
                    .and_then(|p| params::text(key(p, name)))
            };
            json!({"ID": w.result.to_string(), "AUTHOR_ID": w.user_id.to_string(),
                   "TITLE": text("POST_TITLE"), "DETAIL_TEXT": text("POST_MESSAGE"),
                   "DATE_PUBLISH": iso_date(w.at as i64)})
        })
        .collect();
    rows.reverse();
    let start = params::int(call.param("start")).unwrap_or(0).max(0) as usize;
    Ok(Answer::of(Value::Array(
        rows.into_iter().skip(start).take(PAGE).collect(),
    )))
}

/// `2026-11-30T10:00:00+03:00` (or `…00.000Z`, as browsers write it, or without an offset,
/// read as UTC) as unix seconds.
pub fn parse_iso(text: &str) -> Option<f64> {
    let (y, m, d) = writes::parse_day(text)?;
    let number = |range: std::ops::Range<usize>| text.get(range)?.parse::<i64>().ok();
    let clock = number(11..13)? * 3600 + number(14..16)? * 60 + number(17..19)?;
    let zone = text.get(19..)?;
    let zone = match zone.strip_prefix('.') {
        Some(fraction) => fraction.trim_start_matches(|c: char| c.is_ascii_digit()),
        None => zone,
    };
    let offset = match zone {
        "" | "Z" => 0,
        zone => {
            let sign = if zone.starts_with('-') { -1 } else { 1 };
            sign * (zone.get(1..3)?.parse::<i64>().ok()? * 3600
                + zone.get(4..6)?.parse::<i64>().ok()? * 60)
        }
    };
    // Days from civil (Howard Hinnant's algorithm).
    let year = if m <= 2 { y - 1 } else { y };
    let era = year.div_euclid(400);
    let yoe = year - era * 400;
    let doy = (153 * ((m + 9) % 12) + 2) / 5 + d - 1;
    let days = era * 146_097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719_468;
    Some((days * 86_400 + clock - offset) as f64)
}
