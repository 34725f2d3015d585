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
use std::sync::atomic::{AtomicU32, Ordering};

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
        // Notes long enough to fold: many lines, or one long paragraph with an address in it.
        1 => prop::collection::vec(text(), 3..12).prop_map(|lines| Value::String(lines.join("\r\n"))),
        1 => ("[a-zA-Z ,.]{150,400}", "[a-z0-9./-]{0,30}", "[a-zA-Z ,.]{100,300}")
            .prop_map(|(a, path, b)| Value::String(format!("{a} https://example.com/{path} {b}"))),
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

/// How many inputs reached each kind of field and of note run: a property that no input
/// reaches proves nothing.
#[derive(Default)]
struct Reach {
    tags: AtomicU32,
    places: AtomicU32,
    links: AtomicU32,
    note_texts: AtomicU32,
    note_links: AtomicU32,
    folded: AtomicU32,
}

fn count(counter: &AtomicU32) {
    counter.fetch_add(1, Ordering::Relaxed);
}

#[test]
fn fuzz_people_side() {
    let reach = Reach::default();
    fuzz("people-side", record(), |record| {
        let person: Person = serde_json::from_value(record).expect("every field is optional");
        let details = &person.details;
        for tags in [&details.interests, &details.skills] {
            prop_assert!(tags.len() <= MAX_TAGS);
            for tag in tags {
                count(&reach.tags);
                prop_assert!(!tag.is_empty() && tag.chars().count() <= MAX_TAG_CHARS + 1);
                prop_assert!(!tag.contains(['\n', '\r']), "{tag:?}");
            }
        }
        for place in details.place() {
            count(&reach.places);
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
                count(&reach.links);
            }
        }
        for note in [&details.about, &details.work_notes] {
            for run in runs(note) {
                match run {
                    Run::Link(href) => {
                        count(&reach.note_links);
                        prop_assert!(
                            href.starts_with("https://") && attribute_safe(&href),
                            "{href:?}"
                        );
                    }
                    Run::Text(_) => count(&reach.note_texts),
                }
            }
            if let Some(short) = fold(note) {
                count(&reach.folded);
                prop_assert!(short.chars().count() <= note.chars().count() + 1);
            }
        }
        Ok(())
    });
    let share = |counter: &AtomicU32| counter.load(Ordering::Relaxed);
    let reached = [
        ("tags", share(&reach.tags), super::cases()),
        ("places", share(&reach.places), super::cases() / 4),
        ("profile links", share(&reach.links), super::cases() / 2),
        (
            "note text runs",
            share(&reach.note_texts),
            super::cases() / 2,
        ),
        ("note links", share(&reach.note_links), super::cases() / 10),
        ("folded notes", share(&reach.folded), super::cases() / 50),
    ];
    for (kind, count, least) in reached {
        assert!(count >= least, "only {count} {kind} (at least {least})");
    }
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
        // Busy time on that day: start minute and length.
        prop::collection::vec((-120i64..1560, 0i64..300), 0..6),
    );
    let offered = AtomicU32::new(0);
    let other_day = AtomicU32::new(0);
    let beside_busy = AtomicU32::new(0);
    fuzz(
        "meeting-slots",
        settings,
        |(start, end, weekend, offset, day, length, busy)| {
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
            let busy: Vec<(i64, i64)> = busy
                .into_iter()
                .map(|(from, length)| (base + from, base + from + length))
                .collect();
            let slots = both.free_slots(date, &busy, length, i64::MIN);
            if !busy.is_empty() && !slots.is_empty() {
                count(&beside_busy);
            }
            for start in slots {
                count(&offered);
                let (from, to) = (i64::from(start), i64::from(start + length));
                prop_assert!(
                    busy.iter()
                        .all(|&(b_from, b_to)| base + to <= b_from || base + from >= b_to),
                    "slot {start} overlaps {busy:?}"
                );
                prop_assert!(from >= i64::from(work.start) && to <= i64::from(work.end));
                let theirs = base + from + i64::from(offset);
                let their_day = theirs.div_euclid(1440);
                let their_start = theirs - their_day * 1440;
                if their_day != day_number(date) {
                    count(&other_day);
                }
                prop_assert!(work.is_workday(their_day) && work.is_workday(day_number(date)));
                prop_assert!(their_start >= i64::from(work.start));
                prop_assert!(their_start + i64::from(length) <= i64::from(work.end));
            }
            Ok(())
        },
    );
    let (offered, other_day, beside_busy) = (
        offered.into_inner(),
        other_day.into_inner(),
        beside_busy.into_inner(),
    );
    assert!(
        offered >= super::cases(),
        "only {offered} slots were offered"
    );
    // Slots whose other side is on another date, and days with busy time that still had
    // slots: the two clocks and the busy check are both exercised.
    assert!(
        other_day >= super::cases() / 4,
        "only {other_day} slots fell on another day for them"
    );
    assert!(
        beside_busy >= super::cases() / 10,
        "only {beside_busy} days had slots beside busy time"
    );
}
