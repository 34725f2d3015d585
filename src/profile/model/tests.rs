use super::*;
use serde_json::json;

fn person(value: Value) -> Person {
    serde_json::from_value(value).unwrap()
}

#[test]
fn lenient_records() {
    let p = person(json!({
        "ID": 42, "NAME": null, "LAST_NAME": " Lovelace ", "ACTIVE": "N",
        "UF_DEPARTMENT": ["3", 7, "x"], "TIMESTAMP_X": {}, "PERSONAL_PHOTO": null,
        "USER_TYPE": "email", "IS_ONLINE": "N"
    }));
    assert_eq!(p.id.get(), 42);
    assert_eq!(p.full_name(), "Lovelace");
    assert!(!p.active);
    assert_eq!(p.departments, vec![3, 7]);
    assert_eq!(p.photo, "");
    assert_eq!(p.user_type(), UserType::Email);
    assert!(!p.is_online());
    assert!(serde_json::from_value::<Person>(json!({"NAME": "no id"})).is_err());
    assert!(serde_json::from_value::<Person>(json!({"ID": "0"})).is_err());
}

#[test]
fn dates() {
    assert_eq!(
        Date::parse("14.07.2018"),
        Some(Date {
            year: Some(2018),
            month: 7,
            day: 14
        })
    );
    for bad in [
        "",
        "2018-13-01",
        "2018-00-10",
        "garbage!!!",
        "18-07-14",
        "{}",
    ] {
        assert_eq!(Date::parse(bad), None, "{bad}");
    }
}

#[test]
fn impossible_dates_are_refused() {
    for bad in [
        "2023-02-29",
        "2024-02-30",
        "31.04.2020",
        "2021-06-31",
        "1900-02-29",
    ] {
        assert_eq!(Date::parse(bad), None, "{bad}");
    }
    for good in ["2024-02-29", "2000-02-29", "31.12.2020", "2021-04-30"] {
        assert!(Date::parse(good).is_some(), "{good}");
    }
}

#[test]
fn an_absence_that_ended_is_not_shown() {
    let today = Date::parse("2026-11-30").unwrap();
    let absent = |until: &str| -> Presence {
        serde_json::from_value(json!({"status": "away", "absent": until})).unwrap()
    };
    assert_eq!(
        absent("2026-11-29T00:00:00+03:00").absent_until_on(today),
        None
    );
    assert_eq!(absent("2025-12-31").absent_until_on(today), None);
    assert_eq!(
        absent("2026-11-30").absent_until_on(today),
        Date::parse("2026-11-30"),
        "absent until today is still absent"
    );
    assert_eq!(
        absent("2027-01-02").absent_until_on(today),
        Date::parse("2027-01-02")
    );
}

#[test]
fn php_arrays_with_gaps_arrive_as_objects() {
    let p = person(json!({"ID": "5", "UF_DEPARTMENT": {"0": "3", "2": 9}}));
    assert_eq!(p.departments, vec![3, 9]);
}

#[test]
fn a_thousand_long_department_cycle_lists_a_bounded_chain() {
    let tree: Vec<Department> = (1..=1_000)
        .map(|id| Department {
            id,
            name: format!("D{id}"),
            parent: Some(if id == 1_000 { 1 } else { id + 1 }),
            head: Some(10_000 + id),
        })
        .collect();
    assert_eq!(manager_chain(7, &[1], &tree).len(), MAX_MANAGERS);
}

#[test]
fn managers_climb_the_tree_and_survive_cycles() {
    let tree = vec![
        Department {
            id: 1,
            name: "Co".into(),
            parent: None,
            head: Some(1),
        },
        Department {
            id: 2,
            name: "Sales".into(),
            parent: Some(1),
            head: None,
        },
        Department {
            id: 3,
            name: "EMEA".into(),
            parent: Some(2),
            head: Some(50),
        },
        Department {
            id: 8,
            name: "Loop A".into(),
            parent: Some(9),
            head: Some(60),
        },
        Department {
            id: 9,
            name: "Loop B".into(),
            parent: Some(8),
            head: Some(61),
        },
    ];
    assert_eq!(manager_chain(70, &[3], &tree), vec![50, 1]);
    assert_eq!(
        manager_chain(50, &[3], &tree),
        vec![1],
        "a head reports upwards"
    );
    assert_eq!(
        manager_chain(1, &[1], &tree),
        Vec::<u32>::new(),
        "the top has none"
    );
    assert_eq!(manager_chain(70, &[2], &tree), vec![1], "no head: climb");
    assert_eq!(manager_chain(70, &[], &tree), Vec::<u32>::new());
    assert_eq!(manager_chain(70, &[8], &tree), vec![60, 61]);
    assert_eq!(manager_chain(70, &[404], &tree), Vec::<u32>::new());
}

#[test]
fn only_safe_images() {
    let portal = "http://127.0.0.1:8000";
    for bad in [
        "javascript:alert(1)",
        "JAVASCRIPT:alert(1)",
        "data:image/svg+xml;base64,PHN2Zz4=",
        "http://evil.test/x.png",
        "/upload/x.png",
        "//evil.test/x.png",
        "https://",
        "https://x.test/a b.png",
        "https://x.test/\"onerror=\"x",
        "http://127.0.0.1:8000.evil.test/x.png",
    ] {
        assert_eq!(safe_image_url(bad, portal), None, "{bad}");
    }
    assert!(safe_image_url("HTTPS://cdn.test/x.png", portal).is_some());
}

#[test]
fn links_are_built_with_encoders() {
    assert_eq!(tel_href("204"), Some("tel:204".into()));
    assert_eq!(
        tel_href("+1 555 0000002,123"),
        Some("tel:+15550000002,123".into())
    );
    assert_eq!(tel_href("javascript:alert(1)"), Some("tel:1".into()));
    assert_eq!(tel_href(""), None);
    assert_eq!(
        mailto_href("ada@demo.test"),
        Some("mailto:ada@demo.test".into())
    );
    assert_eq!(
        mailto_href("a b<script>@x.test"),
        Some("mailto:a%20b%3Cscript%3E@x.test".into())
    );
    assert_eq!(mailto_href("no-at-sign"), None);
    assert_eq!(mailto_href("a@localhost"), None);
}
