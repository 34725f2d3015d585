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
    let days: Vec<u32> = working_days(friday, 3, &WorkTime::default())
        .iter()
        .map(|d| d.day)
        .collect();
    assert_eq!(days, vec![27, 30, 1]);
    // Friday and Saturday off (the portal's calendar settings): Sunday works.
    let work = WorkTime::from_settings(&json!({"week_holidays": ["FR", "SA"]}));
    let days: Vec<u32> = working_days(friday, 3, &work)
        .iter()
        .map(|d| d.day)
        .collect();
    assert_eq!(days, vec![29, 30, 1]);
}

#[test]
fn settings_are_read_leniently() {
    let read = |v| WorkTime::from_settings(&v);
    let default = WorkTime::default();
    assert_eq!(read(json!({})), default);
    assert_eq!(
        read(json!({"work_time_start": 8, "work_time_end": "19"})).start,
        8 * 60
    );
    assert_eq!(read(json!({"work_time_start": "7:30"})).start, 7 * 60 + 30);
    for hostile in [
        json!({"work_time_start": "19", "work_time_end": "9"}),
        json!({"work_time_start": "x", "work_time_end": "99", "week_holidays": "SA"}),
        json!({"week_holidays": ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]}),
        json!([]),
    ] {
        assert_eq!(read(hostile.clone()), default, "{hostile}");
    }
    assert_eq!(read(json!({"week_holidays": []})).weekend, [false; 7]);
}

fn monday() -> Date {
    Date {
        year: Some(2026),
        month: 11,
        day: 23,
    }
}

#[test]
fn slots_suit_both_clocks() {
    let both = |offset| Both {
        work: WorkTime::default(),
        offset,
    };
    let clocks = |b: Both| -> Vec<String> {
        b.free_slots(monday(), &[], 60, 0)
            .iter()
            .map(|&m| clock(m))
            .collect()
    };
    // The same clock: 09:00 to 17:00 starts for an hour.
    assert_eq!(clocks(both(0)).first().map(String::as_str), Some("09:00"));
    assert_eq!(clocks(both(0)).last().map(String::as_str), Some("17:00"));
    // Five hours behind: their 09:00 is my 14:00; my day ends at 18:00.
    assert_eq!(
        clocks(both(-300)),
        [
            "14:00", "14:30", "15:00", "15:30", "16:00", "16:30", "17:00"
        ]
    );
    assert_eq!(both(-300).their_clock(14 * 60), "09:00");
    // Three and a half hours ahead: my 09:00 is their 12:30, their 18:00 my 14:30.
    assert_eq!(clocks(both(210)).last().map(String::as_str), Some("13:30"));
    // Ten hours apart: no common hour at all, and the form can say so.
    assert!(both(600).no_overlap(monday(), 30));
    assert!(!both(-300).no_overlap(monday(), 60));
}

#[test]
fn their_weekend_counts_on_their_side_of_midnight() {
    // Nine hours ahead with a long day: my Friday evening is their Saturday morning.
    let work = WorkTime {
        start: 6 * 60,
        end: 22 * 60,
        ..WorkTime::default()
    };
    let friday = date_of(day_number(monday()) + 4);
    let ahead = Both { work, offset: 540 };
    let slots = ahead.free_slots(friday, &[], 30, 0);
    assert_eq!(
        slots.last().map(|&m| clock(m)).as_deref(),
        Some("12:30"),
        "their day ends at 22:00, my 13:00"
    );
    assert!(
        slots.iter().all(|&m| m + 540 + 30 <= 24 * 60),
        "never on their Saturday"
    );
    // A Friday–Saturday weekend on both sides: my Thursday evening is their Friday.
    let gulf = WorkTime::from_settings(
        &json!({"work_time_start": "6", "work_time_end": "22", "week_holidays": ["FR", "SA"]}),
    );
    let thursday = date_of(day_number(monday()) + 3);
    let slots = Both {
        work: gulf,
        offset: 540,
    }
    .free_slots(thursday, &[], 30, 0);
    assert!(slots.iter().all(|&m| m + 540 < 24 * 60), "{slots:?}");
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
    let both = Both {
        work: WorkTime::default(),
        offset: 0,
    };
    let slots = both.free_slots(day, &busy, 60, 0);
    let clocks: Vec<String> = slots.iter().map(|&m| clock(m)).collect();
    assert_eq!(
        clocks,
        [
            "09:00", "11:00", "11:30", "12:00", "12:30", "13:00", "15:30", "16:00", "16:30",
            "17:00"
        ]
    );
    let now = day_number(day) * 1440 + 16 * 60 + 10;
    assert_eq!(
        both.free_slots(day, &busy, 60, now),
        vec![16 * 60 + 30, 17 * 60]
    );
}

#[test]
fn all_day_entries_block_the_day() {
    let day = Date {
        year: Some(2026),
        month: 11,
        day: 24,
    };
    let result = json!({"7": [{"DATE_FROM": "24.11.2026", "DATE_TO": "24.11.2026"}]});
    let both = Both {
        work: WorkTime::default(),
        offset: 0,
    };
    assert!(
        both.free_slots(day, &busy_intervals(&result), 30, 0)
            .is_empty()
    );
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
