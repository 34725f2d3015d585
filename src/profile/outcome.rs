//! A write whose answer was lost may still have been executed: the portal can have created
//! the task and the answer never arrived. Sending again could create a second one, so the
//! widget looks the write up first, with a read that finds it if it exists. Pure: the
//! requests and the matching are tested natively; `ui::forms` sends them.

use serde_json::Value;
#[cfg(test)]
use serde_json::json;

/// How far back a lookup searches, before the write was sent (clocks differ a little).
pub const SLACK_MS: f64 = 300_000.0;

/// What a lost write would have created, and how to find it.
#[derive(Clone, Debug, PartialEq)]
pub enum Lookup {
    /// A task with this title for `responsible`, created by `creator`.
    Task {
        /// The title as sent.
        title: String,
        /// Whom it was assigned to.
        responsible: u32,
        /// Who sent it.
        creator: u32,
        /// [`SLACK_MS`] before it was sent, in milliseconds since the epoch.
        since_ms: f64,
    },
    /// A meeting in the owner's calendar with this name and start.
    Event {
        /// The calendar's owner (the viewer).
        owner: u32,
        /// The name as sent.
        name: String,
        /// The start as sent, `YYYY-MM-DDTHH:MM:SS`.
        from: String,
    },
    /// A post of `author`'s with this text.
    Post {
        /// Who sent it.
        author: u32,
        /// The text as sent.
        message: String,
        /// [`SLACK_MS`] before it was sent, in milliseconds since the epoch.
        since_ms: f64,
    },
}

impl Lookup {
    /// The read that finds the write: method and parameters.
    ///
    /// ```
    /// use profile_widget::profile::outcome::Lookup;
    /// let since_ms = 1_800_000_000_000.0; // 2027-01-15T08:00:00Z
    /// let lookup = Lookup::Task { title: "Review".into(), responsible: 42, creator: 7, since_ms };
    /// let (method, params) = lookup.request();
    /// assert_eq!(method, "tasks.task.list");
    /// assert_eq!(params["filter"]["TITLE"], "Review");
    /// assert_eq!(params["filter"][">=CREATED_DATE"], "2027-01-15T08:00:00Z");
    /// ```
    pub fn request(&self) -> (&'static str, Value) {
        match self {
            Self::Task {
                title,
                responsible,
                creator,
                since_ms,
            } => {
                let filter = object(vec![
                    ("TITLE", title.as_str().into()),
                    ("RESPONSIBLE_ID", (*responsible).into()),
                    ("CREATED_BY", (*creator).into()),
                    (">=CREATED_DATE", iso_utc(*since_ms).into()),
                ]);
                let select = ["ID", "TITLE", "RESPONSIBLE_ID", "CREATED_BY"].map(Value::from);
                let order = object(vec![("ID", "desc".into())]);
                let params = vec![
                    ("filter", filter),
                    ("select", select.to_vec().into()),
                    ("order", order),
                ];
                ("tasks.task.list", object(params))
            }
            Self::Event { owner, from, .. } => {
                let day = Value::from(from.get(..10).unwrap_or(from));
                let params = vec![
                    ("type", "user".into()),
                    ("ownerId", (*owner).into()),
                    ("from", day.clone()),
                    ("to", day),
                ];
                ("calendar.event.get", object(params))
            }
            Self::Post { .. } => ("log.blogpost.get", object(Vec::new())),
        }
    }

    /// The id of the write in the read's `result`, if it exists. `time` reads a date with its
    /// offset into milliseconds since the epoch (the browser's `Date.parse`).
    ///
    /// ```
    /// use profile_widget::profile::outcome::Lookup;
    /// let lookup = Lookup::Event { owner: 7, name: "Sync".into(), from: "2026-12-01T10:00:00".into() };
    /// let events = serde_json::json!([{"ID": "88", "NAME": "Sync", "DATE_FROM": "01.12.2026 10:00:00"}]);
    /// assert_eq!(lookup.found(&events, |_| None), Some(88));
    /// ```
    pub fn found(&self, result: &Value, time: impl Fn(&str) -> Option<f64>) -> Option<u64> {
        match self {
            Self::Task {
                title,
                responsible,
                creator,
                ..
            } => result.get("tasks")?.as_array()?.iter().find_map(|task| {
                let same = field(task, "title") == *title
                    && field(task, "responsibleId") == responsible.to_string()
                    && field(task, "createdBy") == creator.to_string();
                same.then(|| number(task, "id")).flatten()
            }),
            Self::Event { name, from, .. } => result.as_array()?.iter().find_map(|event| {
                let same =
                    field(event, "NAME") == *name && same_moment(&field(event, "DATE_FROM"), from);
                same.then(|| number(event, "ID")).flatten()
            }),
            Self::Post {
                author,
                message,
                since_ms,
            } => result.as_array()?.iter().find_map(|post| {
                let published = time(&field(post, "DATE_PUBLISH")).unwrap_or(0.0);
                let same = field(post, "AUTHOR_ID") == author.to_string()
                    && field(post, "DETAIL_TEXT") == *message
                    && published >= *since_ms;
                same.then(|| number(post, "ID")).flatten()
            }),
        }
    }
}

/// `{key: value, …}` in the given order: one small builder instead of a `json!` expansion per
/// request (the app's size budget counts every one).
fn object(entries: Vec<(&str, Value)>) -> Value {
    // Inserted one by one: collecting into the map would link a stable sort.
    let mut map = serde_json::Map::new();
    for (key, value) in entries {
        map.insert(key.to_owned(), value);
    }
    Value::Object(map)
}

/// Milliseconds since the epoch as ISO 8601 in UTC, to the minute below
/// (`2027-01-15T08:00:00Z`): a lookup's lower bound, already [`SLACK_MS`] early.
fn iso_utc(ms: f64) -> String {
    let minutes = (ms / 60_000.0).floor() as i64;
    let (days, clock) = (minutes.div_euclid(1440), minutes.rem_euclid(1440));
    let mut text = super::meeting::local_iso(super::meeting::date_of(days), clock as u32);
    text.push('Z');
    text
}

/// A field as text (strings and numbers alike).
fn field(row: &Value, key: &str) -> String {
    match row.get(key) {
        Some(Value::String(text)) => text.trim().to_owned(),
        Some(Value::Number(number)) => bx24::form::number(number),
        _ => String::new(),
    }
}

fn number(row: &Value, key: &str) -> Option<u64> {
    field(row, key).parse().ok()
}

/// `2026-12-01T10:00:00` and the calendar's own `01.12.2026 10:00:00` name the same moment.
fn same_moment(calendar: &str, sent: &str) -> bool {
    moment(calendar).is_some_and(|m| moment(sent) == Some(m))
}

/// Year, month, day, hours, minutes, seconds of either form, as written.
fn moment(text: &str) -> Option<[&str; 6]> {
    let mut parts = text
        .split(|c: char| !c.is_ascii_digit())
        .filter(|p| !p.is_empty());
    let mut next = || parts.next();
    let (a, b, c) = (next()?, next()?, next()?);
    let (year, month, day) = if a.len() == 4 { (a, b, c) } else { (c, b, a) };
    Some([year, month, day, next()?, next()?, next()?])
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `2026-11-30T10:00:00+03:00` as milliseconds since the epoch (the browser's
    /// `Date.parse` in the widget).
    fn iso_ms(text: &str) -> Option<f64> {
        let number = |range: std::ops::Range<usize>| text.get(range)?.parse::<i64>().ok();
        let (year, month, day) = (number(0..4)?, number(5..7)?, number(8..10)?);
        let y = if month <= 2 { year - 1 } else { year };
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let doy = (153 * ((month + 9) % 12) + 2) / 5 + day - 1;
        let days = era * 146_097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719_468;
        let clock = number(11..13)? * 3600 + number(14..16)? * 60 + number(17..19)?;
        let offset = match text.get(19..)? {
            "" | "Z" => 0,
            zone => {
                let sign = if zone.starts_with('-') { -1 } else { 1 };
                sign * (zone.get(1..3)?.parse::<i64>().ok()? * 3600
                    + zone.get(4..6)?.parse::<i64>().ok()? * 60)
            }
        };
        Some(((days * 86_400 + clock - offset) * 1000) as f64)
    }

    #[test]
    fn a_task_is_found_only_with_its_title_person_and_creator() {
        let lookup = Lookup::Task {
            title: "Review".into(),
            responsible: 42,
            creator: 7,
            since_ms: iso_ms("2026-11-30T07:45:00Z").unwrap(),
        };
        let tasks = |title: &str, responsible: &str, creator: &str| json!({"tasks": [{"id": "1001", "title": title, "responsibleId": responsible, "createdBy": creator}]});
        assert_eq!(lookup.found_in(&tasks("Review", "42", "7")), Some(1001));
        assert_eq!(lookup.found_in(&tasks("Review ", "42", "7")), Some(1001));
        assert_eq!(lookup.found_in(&tasks("Other", "42", "7")), None);
        assert_eq!(lookup.found_in(&tasks("Review", "43", "7")), None);
        assert_eq!(lookup.found_in(&tasks("Review", "42", "8")), None);
        assert_eq!(lookup.found_in(&json!({"tasks": []})), None);
        assert_eq!(lookup.found_in(&json!("junk")), None);
    }

    #[test]
    fn an_event_is_found_by_name_and_start_in_either_date_form() {
        let lookup = Lookup::Event {
            owner: 7,
            name: "Sync".into(),
            from: "2026-12-01T10:00:00".into(),
        };
        let events = |name: &str, from: &str| json!([{"ID": 5, "NAME": name, "DATE_FROM": from}]);
        assert_eq!(
            lookup.found_in(&events("Sync", "2026-12-01T10:00:00")),
            Some(5)
        );
        assert_eq!(
            lookup.found_in(&events("Sync", "01.12.2026 10:00:00")),
            Some(5)
        );
        assert_eq!(
            lookup.found_in(&events("Sync", "01.12.2026 10:30:00")),
            None
        );
        assert_eq!(
            lookup.found_in(&events("Other", "2026-12-01T10:00:00")),
            None
        );
        let (method, params) = lookup.request();
        assert_eq!(
            (method, params["from"].as_str(), params["to"].as_str()),
            ("calendar.event.get", Some("2026-12-01"), Some("2026-12-01"))
        );
    }

    impl Lookup {
        fn found_in(&self, result: &Value) -> Option<u64> {
            self.found(result, iso_ms)
        }
    }

    #[test]
    fn a_post_is_found_only_if_published_since_it_was_sent() {
        let lookup = Lookup::Post {
            author: 7,
            message: "Great release".into(),
            since_ms: iso_ms("2026-11-30T10:00:00+00:00").unwrap() - SLACK_MS,
        };
        let post = |published: &str| json!([{"ID": "12", "AUTHOR_ID": "7", "DETAIL_TEXT": "Great release", "DATE_PUBLISH": published}]);
        assert_eq!(
            lookup.found_in(&post("2026-11-30T13:00:10+03:00")),
            Some(12)
        );
        assert_eq!(
            lookup.found_in(&post("2026-11-29T10:00:00+00:00")),
            None,
            "an older post with the same text is not this one"
        );
    }

    #[test]
    fn a_tasks_lookup_starts_at_its_minute_in_utc() {
        for text in [
            "1970-01-01T00:00:00Z",
            "2026-11-30T07:45:00Z",
            "2028-02-29T23:59:00Z",
        ] {
            assert_eq!(iso_utc(iso_ms(text).unwrap()), text);
        }
        let late = iso_ms("2026-11-30T07:45:59Z").unwrap() + 999.0;
        assert_eq!(iso_utc(late), "2026-11-30T07:45:00Z");
    }

    #[test]
    fn dates_with_offsets_are_read_as_the_browser_reads_them() {
        assert_eq!(iso_ms("1970-01-02T03:00:00+03:00"), Some(86_400_000.0));
        assert_eq!(
            iso_ms("2026-11-30T10:00:00-02:30"),
            iso_ms("2026-11-30T12:30:00Z")
        );
        assert_eq!(moment("yesterday"), None);
        assert_eq!(
            moment("01.12.2026 10:00:00"),
            moment("2026-12-01T10:00:00+03:00")
        );
    }
}
