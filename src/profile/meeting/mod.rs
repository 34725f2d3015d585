//! Finding a meeting time: busy intervals from `calendar.accessibility.get`, free slots in a
//! working day for everyone asked, and the working days to offer. Pure; times are the
//! viewer's wall-clock times (the portal answers in the user's own time zone).

use super::model::Date;
use serde_json::Value;

/// The working day offered, in minutes after midnight: 09:00–18:00.
pub const DAY_START: u32 = 9 * 60;
/// End of the working day offered.
pub const DAY_END: u32 = 18 * 60;
/// Slots start on this grid (minutes).
pub const STEP: u32 = 30;

/// Days since 1970-01-01 for a date with a year (proleptic Gregorian).
///
/// ```
/// use profile_widget::profile::{Date, meeting::day_number};
/// assert_eq!(day_number(Date { year: Some(1970), month: 1, day: 1 }), 0);
/// assert_eq!(day_number(Date { year: Some(2026), month: 11, day: 23 }), 20_780);
/// ```
pub fn day_number(date: Date) -> i64 {
    let (m, d) = (i64::from(date.month), i64::from(date.day));
    let y = i64::from(date.year.unwrap_or(1970)) - i64::from(m <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * (m + if m > 2 { -3 } else { 9 }) + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The date of a day number (the inverse of [`day_number`]).
///
/// ```
/// use profile_widget::profile::{Date, meeting::{date_of, day_number}};
/// let d = Date { year: Some(2024), month: 2, day: 29 };
/// assert_eq!(date_of(day_number(d)), d);
/// ```
pub fn date_of(days: i64) -> Date {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
    Date {
        year: Some(year),
        month,
        day,
    }
}

/// The next `count` working days (Monday to Friday), starting with `today` if it is one.
///
/// ```
/// use profile_widget::profile::{Date, meeting::working_days};
/// let saturday = Date { year: Some(2026), month: 11, day: 21 };
/// let days = working_days(saturday, 2);
/// assert_eq!(days.iter().map(|d| d.day).collect::<Vec<_>>(), vec![23, 24]);
/// ```
pub fn working_days(today: Date, count: usize) -> Vec<Date> {
    let start = day_number(today);
    (start..)
        .filter(|n| (n + 3).rem_euclid(7) < 5) // 1970-01-01 was a Thursday (index 3 from Monday)
        .take(count)
        .map(date_of)
        .collect()
}

/// Minutes since 1970-01-01 00:00 (wall clock) of `DD.MM.YYYY HH:MM[:SS]`,
/// `YYYY-MM-DD HH:MM[:SS]` or `YYYY-MM-DDTHH:MM[:SS]…`; a date alone is its midnight.
///
/// ```
/// use profile_widget::profile::meeting::parse_moment;
/// assert_eq!(parse_moment("01.01.1970 10:30:00"), Some(630));
/// assert_eq!(parse_moment("1970-01-02T00:15:00+03:00"), Some(1455));
/// assert_eq!(parse_moment("soon"), None);
/// ```
pub fn parse_moment(text: &str) -> Option<i64> {
    let text = text.trim();
    let date = Date::parse(text)?;
    let time = text.get(10..).unwrap_or("").trim_start_matches(['T', ' ']);
    let mut parts = time.split(':');
    let hours: i64 = parts
        .next()
        .filter(|h| !h.is_empty())
        .map_or(Some(0), |h| h.get(..2)?.parse().ok())?;
    let minutes: i64 = parts.next().map_or(Some(0), |m| m.get(..2)?.parse().ok())?;
    ((0..24).contains(&hours) && (0..60).contains(&minutes))
        .then(|| day_number(date) * 1440 + hours * 60 + minutes)
}

/// Busy intervals (start, end in minutes as [`parse_moment`]) of every user in a
/// `calendar.accessibility.get` result: `{"<id>":[{"DATE_FROM","DATE_TO",…}]}`, or `[]`
/// when nobody has anything. Entries marked `free` and unreadable ones are skipped.
///
/// ```
/// use profile_widget::profile::meeting::busy_intervals;
/// let result = serde_json::json!({"7": [{"DATE_FROM": "01.01.1970 10:00:00", "DATE_TO": "01.01.1970 11:00:00"}]});
/// assert_eq!(busy_intervals(&result), vec![(600, 660)]);
/// ```
pub fn busy_intervals(result: &Value) -> Vec<(i64, i64)> {
    let Value::Object(users) = result else {
        return Vec::new();
    };
    let mut busy = Vec::new();
    for entries in users.values() {
        for entry in entries.as_array().into_iter().flatten() {
            let text = |key: &str| entry.get(key).and_then(Value::as_str).unwrap_or("");
            if text("ACCESSIBILITY") == "free" {
                continue;
            }
            if let (Some(from), Some(to)) = (
                parse_moment(text("DATE_FROM")),
                parse_moment(text("DATE_TO")),
            ) {
                // An all-day entry's end is its own midnight; it still blocks the day.
                busy.push((from, if to <= from { from + 1440 } else { to }));
            }
        }
    }
    busy
}

/// Start times (minutes after midnight) of `length`-minute slots on `day` within the working
/// day, on the [`STEP`] grid, overlapping no busy interval and starting at or after
/// `not_before` (minutes as [`parse_moment`], e.g. now).
///
/// ```
/// use profile_widget::profile::{Date, meeting::free_slots};
/// let day = Date { year: Some(1970), month: 1, day: 1 };
/// let busy = [(9 * 60, 17 * 60)];
/// assert_eq!(free_slots(day, &busy, 30, 0), vec![17 * 60, 17 * 60 + 30]);
/// ```
pub fn free_slots(day: Date, busy: &[(i64, i64)], length: u32, not_before: i64) -> Vec<u32> {
    let base = day_number(day) * 1440;
    (DAY_START..=DAY_END.saturating_sub(length))
        .step_by(STEP as usize)
        .filter(|&start| {
            let (from, to) = (base + i64::from(start), base + i64::from(start + length));
            from >= not_before
                && busy
                    .iter()
                    .all(|&(b_from, b_to)| to <= b_from || from >= b_to)
        })
        .collect()
}

/// `YYYY-MM-DDTHH:MM:00` for a day and minutes after midnight, as `calendar.event.add` takes.
///
/// ```
/// use profile_widget::profile::{Date, meeting::local_iso};
/// assert_eq!(local_iso(Date { year: Some(2026), month: 3, day: 4 }, 9 * 60 + 30), "2026-03-04T09:30:00");
/// ```
pub fn local_iso(day: Date, minutes: u32) -> String {
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:00",
        day.year.unwrap_or(1970),
        day.month,
        day.day,
        minutes / 60 % 24,
        minutes % 60
    )
}

/// `HH:MM` for minutes after midnight.
///
/// ```
/// assert_eq!(profile_widget::profile::meeting::clock(9 * 60 + 5), "09:05");
/// ```
pub fn clock(minutes: u32) -> String {
    format!("{:02}:{:02}", minutes / 60 % 24, minutes % 60)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn day_numbers_round_trip() {
        for n in [-800_000, -1, 0, 59, 365, 10_956, 20_780, 60_000] {
            assert_eq!(day_number(date_of(n)), n, "{n}");
        }
    }

    #[test]
    fn weekends_are_skipped() {
        let friday = Date {
            year: Some(2026),
            month: 11,
            day: 27,
        };
        let days: Vec<u32> = working_days(friday, 3).iter().map(|d| d.day).collect();
        assert_eq!(days, vec![27, 30, 1]);
    }

    #[test]
    fn slots_avoid_everyone_and_the_past() {
        let day = Date {
            year: Some(2026),
            month: 11,
            day: 24,
        };
        let result = json!({
            "7": [{"DATE_FROM": "24.11.2026 10:00:00", "DATE_TO": "24.11.2026 11:00:00", "ACCESSIBILITY": "busy"},
                  {"DATE_FROM": "24.11.2026 12:00:00", "DATE_TO": "24.11.2026 13:00:00", "ACCESSIBILITY": "free"}],
            "42": [{"DATE_FROM": "2026-11-24 14:00:00", "DATE_TO": "2026-11-24 15:30:00"},
                   {"DATE_FROM": "junk", "DATE_TO": "24.11.2026 16:00:00"}]
        });
        let busy = busy_intervals(&result);
        assert_eq!(busy.len(), 2);
        let slots = free_slots(day, &busy, 60, 0);
        let clocks: Vec<String> = slots.iter().map(|&m| clock(m)).collect();
        assert_eq!(
            clocks,
            [
                "09:00", "11:00", "11:30", "12:00", "12:30", "13:00", "15:30", "16:00", "16:30",
                "17:00"
            ]
        );
        let now = day_number(day) * 1440 + 16 * 60 + 10;
        assert_eq!(free_slots(day, &busy, 60, now), vec![16 * 60 + 30, 17 * 60]);
    }

    #[test]
    fn all_day_entries_block_the_day() {
        let day = Date {
            year: Some(2026),
            month: 11,
            day: 24,
        };
        let result = json!({"7": [{"DATE_FROM": "24.11.2026", "DATE_TO": "24.11.2026"}]});
        assert!(free_slots(day, &busy_intervals(&result), 30, 0).is_empty());
        assert!(busy_intervals(&json!([])).is_empty());
    }

    #[test]
    fn hostile_moments_do_not_panic() {
        for text in [
            "",
            "2026",
            "24.11.2026 99:99",
            "24.11.2026 1",
            "x".repeat(500).as_str(),
            "24.11.2026 ЖЖ:00",
        ] {
            let _ = parse_moment(text);
        }
        assert_eq!(parse_moment("24.11.2026 25:00"), None);
    }
}
