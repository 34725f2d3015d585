//! Finding a meeting time: the portal's working time and weekend days
//! (`calendar.settings.get`), busy intervals from `calendar.accessibility.get`, and free slots
//! inside both people's working days, each in their own time zone. Pure; times are the
//! viewer's wall-clock times (the portal answers in the user's own time zone), and the other
//! person's clock is the viewer's plus an offset.

use super::model::Date;
use serde_json::Value;

/// Slots start on this grid (minutes).
pub const STEP: u32 = 30;

/// The portal's working day, the same for everyone in their own time zone: Bitrix24 keeps one
/// working time and one set of weekend days in the calendar's settings (weekends differ by
/// country: Friday and Saturday in much of the Middle East).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct WorkTime {
    /// Start of the working day, minutes after midnight.
    pub start: u32,
    /// Its end.
    pub end: u32,
    /// Weekend days, Monday first.
    pub weekend: [bool; 7],
}

impl Default for WorkTime {
    /// 09:00–18:00, Saturday and Sunday off: what is offered when the settings are unknown.
    fn default() -> Self {
        Self {
            start: 9 * 60,
            end: 18 * 60,
            weekend: [false, false, false, false, false, true, true],
        }
    }
}

/// Day codes of `week_holidays`, Monday first.
const DAY_CODES: [&str; 7] = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];

impl WorkTime {
    /// Reads `calendar.settings.get`: `work_time_start`/`work_time_end` as hours (`"9"`,
    /// `"9.30"` for half past, numbers too) and `week_holidays` (`["SA","SU"]`). What cannot
    /// be read keeps its default; a day that ends before it starts, or a week without a
    /// working day, is the default.
    ///
    /// ```
    /// use profile_widget::profile::meeting::WorkTime;
    /// let work = WorkTime::from_settings(&serde_json::json!(
    ///     {"work_time_start": "8.30", "work_time_end": "17", "week_holidays": ["FR", "SA"]}));
    /// assert_eq!((work.start, work.end), (8 * 60 + 30, 17 * 60));
    /// assert!(work.weekend[4] && work.weekend[5] && !work.weekend[6]);
    /// ```
    pub fn from_settings(settings: &Value) -> Self {
        let default = Self::default();
        let hour = |key: &str| -> Option<u32> {
            let text = match settings.get(key)? {
                Value::String(s) => s.trim().to_owned(),
                Value::Number(n) => bx24::form::number(n),
                _ => return None,
            };
            let (hours, minutes) = text.split_once(['.', ':']).unwrap_or((&text, "0"));
            let (hours, minutes): (u32, u32) = (hours.parse().ok()?, minutes.parse().ok()?);
            (hours <= 24 && minutes < 60).then_some(hours * 60 + minutes)
        };
        let start = hour("work_time_start").unwrap_or(default.start);
        let end = hour("work_time_end").unwrap_or(default.end).min(24 * 60);
        let weekend = match settings.get("week_holidays") {
            Some(Value::Array(days)) => DAY_CODES.map(|code| {
                days.iter()
                    .any(|d| d.as_str().is_some_and(|d| d.eq_ignore_ascii_case(code)))
            }),
            _ => default.weekend,
        };
        if start >= end || weekend.iter().all(|off| *off) {
            return default;
        }
        Self {
            start,
            end,
            weekend,
        }
    }

    /// Whether `day` is a working day.
    pub fn is_workday(&self, day: i64) -> bool {
        // 1970-01-01 was a Thursday (index 3 from Monday).
        !self.weekend[(day + 3).rem_euclid(7) as usize]
    }
}

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

/// The next `count` working days of `work`, starting with `today` if it is one.
///
/// ```
/// use profile_widget::profile::{Date, meeting::{WorkTime, working_days}};
/// let saturday = Date { year: Some(2026), month: 11, day: 21 };
/// let days = working_days(saturday, 2, &WorkTime::default());
/// assert_eq!(days.iter().map(|d| d.day).collect::<Vec<_>>(), vec![23, 24]);
/// ```
pub fn working_days(today: Date, count: usize, work: &WorkTime) -> Vec<Date> {
    let start = day_number(today);
    (start..start + 366)
        .filter(|n| work.is_workday(*n))
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

/// Whom a slot must suit: the working time both keep, and the other person's clock as minutes
/// ahead of the viewer's (negative: behind; 0 when their time zone is unknown).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Both {
    /// The portal's working time.
    pub work: WorkTime,
    /// Their clock minus the viewer's, in minutes.
    pub offset: i32,
}

impl Both {
    /// Whether `[from, to)` (minutes since the epoch on one clock) lies inside a working day
    /// on that clock.
    fn at_work(&self, from: i64, to: i64) -> bool {
        let day = from.div_euclid(1440);
        let (start, end) = (from - day * 1440, to - day * 1440);
        self.work.is_workday(day)
            && start >= i64::from(self.work.start)
            && end <= i64::from(self.work.end)
    }

    /// Start times (minutes after midnight, viewer's clock) of `length`-minute slots on `day`
    /// on the [`STEP`] grid that lie inside the viewer's working day and, on their clock,
    /// inside the other person's; overlapping no busy interval and starting at or after
    /// `not_before` (minutes as [`parse_moment`], e.g. now).
    ///
    /// ```
    /// use profile_widget::profile::{Date, meeting::{Both, WorkTime, day_number}};
    /// let monday = Date { year: Some(2026), month: 11, day: 23 };
    /// let both = Both { work: WorkTime::default(), offset: 0 };
    /// let busy = [(0, day_number(monday) * 1440 + 17 * 60)];
    /// assert_eq!(both.free_slots(monday, &busy, 30, 0), vec![17 * 60, 17 * 60 + 30]);
    /// // Five hours behind: their 09:00 is the viewer's 14:00.
    /// let behind = Both { offset: -5 * 60, ..both };
    /// assert_eq!(behind.free_slots(monday, &[], 60, 0).first(), Some(&(14 * 60)));
    /// ```
    pub fn free_slots(
        &self,
        day: Date,
        busy: &[(i64, i64)],
        length: u32,
        not_before: i64,
    ) -> Vec<u32> {
        let base = day_number(day) * 1440;
        let offset = i64::from(self.offset);
        (0..=(24 * 60u32).saturating_sub(length))
            .step_by(STEP as usize)
            .filter(|&start| {
                let (from, to) = (base + i64::from(start), base + i64::from(start + length));
                from >= not_before
                    && self.at_work(from, to)
                    && self.at_work(from + offset, to + offset)
                    && busy
                        .iter()
                        .all(|&(b_from, b_to)| to <= b_from || from >= b_to)
            })
            .collect()
    }

    /// Whether the two working days have no `length`-minute slot in common on `day`, busy
    /// or not: then the form says so instead of "no common free time".
    pub fn no_overlap(&self, day: Date, length: u32) -> bool {
        self.free_slots(day, &[], length, i64::MIN).is_empty()
    }

    /// The other person's clock for a slot starting at `start` on the viewer's clock.
    pub fn their_clock(&self, start: u32) -> String {
        clock((i64::from(start) + i64::from(self.offset)).rem_euclid(1440) as u32)
    }
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
mod tests;
