//! The people side of a profile under any input: interests, skills, notes and links in every
//! JSON shape, and the calendar's working time. Tags and links stay bounded, every href is
//! `http(s)` or `skype:` and safe in an attribute, and every slot offered lies inside both
//! working days.

use super::{fuzz, json, text};
use profile_widget::card::about::{Run, fold, runs};
use profile_widget::profile::meeting::{Both, WorkTime, day_number};
use profile_widget::profile::model::{LINK_FIELDS, MAX_TAG_CHARS, MAX_TAGS};
use profile_widget::profile::{Date, Person, profile_link};
use proptest::prelude::*;
use serde_json::{Map, Value, json};

/// Safe in a quoted or unquoted attribute: printable ASCII without quotes or markup.
fn attribute_safe(href: &str) -> bool {
    href.chars()
        .all(|c| c.is_ascii_graphic() && !"\"'<>\\`".contains(c))
}

/// A record with the people side's fields, each any JSON value or text that looks like a
/// link or a handle.
fn record() -> impl Strategy<Value = Value> {
    let field = prop_oneof![
        1 => json(),
        2 => text().prop_map(Value::String),
        3 => (
            prop_oneof![Just("https://"), Just("http://"), Just("www."), Just("@"), Just("live:"), Just("")],
            prop_oneof!["[a-z0-9._-]{1,24}(/[a-z0-9]{0,8})?", text()],
        )
            .prop_map(|(head, tail)| Value::String(format!("{head}{tail}"))),
        1 => prop::collection::vec(text(), 0..30).prop_map(|items| json!(items)),
    ];
    let keys: Vec<&str> = [
        "UF_INTERESTS",
        "UF_SKILLS",
        "PERSONAL_NOTES",
        "WORK_NOTES",
        "WORK_CITY",
        "PERSONAL_CITY",
        "WORK_COUNTRY",
        "PERSONAL_COUNTRY",
    ]
    .into_iter()
    .chain(LINK_FIELDS)
    .collect();
    prop::collection::vec(field, keys.len()).prop_map(move |values| {
        let mut record: Map<String, Value> =
            keys.iter().map(|k| (*k).to_owned()).zip(values).collect();
        record.insert("ID".into(), json!(7));
        Value::Object(record)
    })
}

#[test]
fn fuzz_people_side() {
    let made = std::sync::atomic::AtomicU32::new(0);
    fuzz("people-side", record(), |record| {
        let person: Person = serde_json::from_value(record).expect("every field is optional");
        let details = &person.details;
        for tags in [&details.interests, &details.skills] {
            prop_assert!(tags.len() <= MAX_TAGS);
            for tag in tags {
                prop_assert!(!tag.is_empty() && tag.chars().count() <= MAX_TAG_CHARS + 1);
                prop_assert!(!tag.contains(['\n', '\r']), "{tag:?}");
            }
        }
        for place in details.place() {
            prop_assert!(!place.is_empty());
        }
        let links = details.links();
        prop_assert!(links.len() <= MAX_TAGS);
        for (field, value) in links {
            if let Some((_, href)) = profile_link(field, &value) {
                let scheme = ["https://", "http://", "skype:"]
                    .iter()
                    .any(|s| href.starts_with(s));
                prop_assert!(
                    scheme && attribute_safe(&href),
                    "{field} {value:?} -> {href:?}"
                );
                made.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            }
        }
        for note in [&details.about, &details.work_notes] {
            for run in runs(note) {
                if let Run::Link(href) = run {
                    prop_assert!(
                        href.starts_with("https://") && attribute_safe(&href),
                        "{href:?}"
                    );
                }
            }
            if let Some(short) = fold(note) {
                prop_assert!(short.chars().count() <= note.chars().count() + 1);
            }
        }
        Ok(())
    });
    let made = made.into_inner();
    assert!(made >= super::cases() / 2, "only {made} links were made");
}

#[test]
fn fuzz_working_time_and_slots() {
    let settings = (
        json(),
        json(),
        json(),
        -1500i32..1500,
        0u32..10,
        prop_oneof![Just(30u32), Just(60)],
    );
    let offered = std::sync::atomic::AtomicU32::new(0);
    fuzz(
        "meeting-slots",
        settings,
        |(start, end, weekend, offset, day, length)| {
            let work = WorkTime::from_settings(&json!({
                "work_time_start": start, "work_time_end": end, "week_holidays": weekend
            }));
            prop_assert!(work.start < work.end && work.end <= 24 * 60);
            prop_assert!(work.weekend.iter().any(|off| !off));
            let both = Both { work, offset };
            let monday = Date {
                year: Some(2026),
                month: 11,
                day: 23,
            };
            let date =
                profile_widget::profile::meeting::date_of(day_number(monday) + i64::from(day));
            let base = day_number(date) * 1440;
            for start in both.free_slots(date, &[], length, i64::MIN) {
                offered.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                let (from, to) = (i64::from(start), i64::from(start + length));
                prop_assert!(from >= i64::from(work.start) && to <= i64::from(work.end));
                let theirs = base + from + i64::from(offset);
                let their_day = theirs.div_euclid(1440);
                let their_start = theirs - their_day * 1440;
                prop_assert!(work.is_workday(their_day) && work.is_workday(day_number(date)));
                prop_assert!(their_start >= i64::from(work.start));
                prop_assert!(their_start + i64::from(length) <= i64::from(work.end));
            }
            Ok(())
        },
    );
    let offered = offered.into_inner();
    assert!(
        offered >= super::cases(),
        "only {offered} slots were offered"
    );
}
