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

#[test]
fn interests_and_skills_in_every_shape() {
    let p = person(json!({
        "ID": 7,
        "UF_INTERESTS": ["chess", " chess ", "", "hiking\n  trips", null, 3],
        "UF_SKILLS": {"0": "Rust", "4": "SQL"},
    }));
    assert_eq!(p.details.interests, ["chess", "hiking trips", "3"]);
    assert_eq!(p.details.skills, ["Rust", "SQL"]);
    for empty in [json!(false), json!(null), json!(""), json!([]), json!({})] {
        let p = person(json!({"ID": 7, "UF_INTERESTS": empty}));
        assert!(p.details.interests.is_empty(), "{empty}");
    }
    let one = person(json!({"ID": 7, "UF_SKILLS": "Go"}));
    assert_eq!(one.details.skills, ["Go"]);
}

#[test]
fn tags_and_notes_are_bounded() {
    let many: Vec<String> = (0..100).map(|i| format!("tag {i}")).collect();
    let long = "я".repeat(MAX_TAG_CHARS + 10);
    let p = person(json!({
        "ID": 7, "UF_INTERESTS": many, "UF_SKILLS": [long],
    }));
    assert_eq!(p.details.interests.len(), MAX_TAGS);
    assert_eq!(p.details.skills[0].chars().count(), MAX_TAG_CHARS + 1);
    assert!(p.details.skills[0].ends_with('…'));
}

#[test]
fn place_is_work_first_and_country_ids_are_not_names() {
    let p = person(
        json!({"ID": 7, "WORK_CITY": "", "PERSONAL_CITY": "Lagos", "WORK_COUNTRY": "Nigeria",
        "PERSONAL_COUNTRY": "Ghana"}),
    );
    assert_eq!(p.details.place(), ["Lagos", "Nigeria"]);
    let p = person(
        json!({"ID": 7, "WORK_CITY": "Riga", "PERSONAL_CITY": "Tallinn", "WORK_COUNTRY": "14"}),
    );
    assert_eq!(p.details.place(), ["Riga"]);
    assert!(person(json!({"ID": 7})).details.place().is_empty());
}

#[test]
fn links_are_read_in_order_and_bounded() {
    let p = person(json!({
        "ID": 7, "UF_TWITTER": "@ada", "UF_WEB_SITES": ["https://a.example", "b.example"],
        "UF_SKYPE": "live:ada", "WORK_WWW": "x".repeat(MAX_LINK_BYTES + 1),
    }));
    let fields: Vec<&str> = p.details.links().iter().map(|(f, _)| *f).collect();
    assert_eq!(
        fields,
        ["UF_WEB_SITES", "UF_WEB_SITES", "UF_SKYPE", "UF_TWITTER"]
    );
}

#[test]
fn profile_links_are_http_or_skype_and_encoded() {
    let cases = [
        (
            "UF_WEB_SITES",
            "https://ada.example/x?y=1",
            Some("https://ada.example/x?y=1"),
        ),
        (
            "UF_WEB_SITES",
            "www.ada.example",
            Some("https://www.ada.example"),
        ),
        ("WORK_WWW", "http://old.example", Some("http://old.example")),
        ("UF_WEB_SITES", "javascript:alert(1)", None),
        ("UF_WEB_SITES", "data:text/html,x", None),
        ("UF_WEB_SITES", "https://a.example/\"><script>", None),
        ("UF_WEB_SITES", "https://", None),
        ("UF_WEB_SITES", "ftp://files.example", None),
        ("UF_WEB_SITES", "no dots", None),
        ("UF_ZOOM", "123 456 789", None),
        (
            "UF_ZOOM",
            "https://zoom.example/j/1",
            Some("https://zoom.example/j/1"),
        ),
        ("UF_SKYPE", "ada\"><b>", None),
        ("UF_SKYPE", "live:ada.l", Some("skype:live:ada.l?chat")),
        (
            "UF_SKYPE_LINK",
            "https://join.skype.example/x",
            Some("https://join.skype.example/x"),
        ),
        ("UF_TWITTER", "@ada", Some("https://x.com/ada")),
        ("UF_FACEBOOK", "ada/../../evil", None),
        (
            "UF_FACEBOOK",
            "zoë.müller",
            Some("https://www.facebook.com/zo%C3%AB.m%C3%BCller"),
        ),
        ("UF_TWITTER", "javascript:alert(1)", None),
        (
            "UF_XING",
            "https://www.xing.example/profile/Ada",
            Some("https://www.xing.example/profile/Ada"),
        ),
        ("UF_LINKEDIN", "\u{202E}ada", None),
        ("UF_LINKEDIN", "ada lovelace", None),
        ("UF_LINKEDIN", "@", None),
        ("NAME", "https://a.example", None),
    ];
    for (field, value, expected) in cases {
        assert_eq!(
            profile_link(field, value).map(|(_, href)| href).as_deref(),
            expected,
            "{field} {value:?}"
        );
    }
}
