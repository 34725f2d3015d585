use super::*;
use crate::bx24::{RestCode, RestError};
use serde_json::{Value, json};

fn user(id: u32, departments: &[u32]) -> Value {
    json!({"ID": id.to_string(), "NAME": format!("U{id}"), "LAST_NAME": "T", "UF_DEPARTMENT": departments})
}

fn denied(method: &str) -> Result<Value, RestError> {
    Err(RestError {
        method: method.into(),
        code: RestCode::InsufficientScope,
        description: String::new(),
        status: None,
    })
}

/// The page's inline loader sends the first screen's request before the wasm arrives
/// (`bx24::handover`): from this template, with `{USER}` replaced by the placement's user.
/// Any other body would be a second request.
#[test]
fn the_loader_sends_exactly_the_first_screens_request() {
    const LOADER: &str = include_str!("../../../web/bx24-loader.js");
    let largest = UserId::new(i32::MAX as u64).unwrap();
    let body = FirstScreen::new(largest).batch.request_body();
    let id = largest.get().to_string();
    assert_eq!(body.matches(&id).count(), 3, "{body}");
    let line = format!("var CARD_BATCH = '{}';", body.replace(&id, "{USER}"));
    assert!(
        LOADER.contains(&line),
        "web/bx24-loader.js must hold the first screen's request, as\n{line}"
    );
}

/// The viewer is asked with `profile` (no scope needed, a few fields) instead of
/// `user.current`, whose whole record was an eighth of every card's first answer.
#[test]
fn the_viewer_comes_from_profile() {
    let screen = FirstScreen::new(UserId::new(42).unwrap());
    let me = screen.batch.commands().iter().find(|c| c.key == "me");
    assert_eq!(me.map(|c| c.method.as_str()), Some("profile"));
    let answer = json!({"ID": "7", "ADMIN": false, "NAME": "Ada", "LAST_NAME": "T",
        "PERSONAL_GENDER": "F", "TIME_ZONE": "Europe/Berlin"});
    let results = BatchResults::from_answers([
        ("me".to_owned(), Ok(answer)),
        ("person".to_owned(), Ok(json!([user(42, &[])]))),
    ]);
    let profile = screen.read(UserId::new(42).unwrap(), &results).unwrap();
    assert_eq!(profile.me.id.get(), 7);
    assert!(!profile.is_me());
}

#[test]
fn one_request_with_references() {
    let screen = FirstScreen::new(UserId::new(42).unwrap());
    assert!(screen.batch.len() <= crate::bx24::MAX_BATCH_COMMANDS);
    let commands: Vec<_> = screen
        .batch
        .commands()
        .iter()
        .map(|c| (c.key.as_str(), c.params.clone()))
        .collect();
    assert_eq!(commands[2], ("person", json!({"ID": 42})));
    assert_eq!(
        commands[4],
        ("dep0", json!({"ID": "$result[person][0][UF_DEPARTMENT]"}))
    );
    assert_eq!(
        commands[5],
        ("dep1", json!({"ID": "$result[dep0][0][PARENT]"}))
    );
    let heads: Vec<String> = (0..=LEVELS)
        .map(|level| format!("$result[dep{level}][0][UF_HEAD]"))
        .collect();
    assert_eq!(
        commands.last(),
        Some(&("heads", json!({"ID": heads, "!ID": 42}))),
        "every level's head in one command, the person left out"
    );
    assert_eq!(commands.len(), 4 + (LEVELS + 1) + 1);
}

#[test]
fn reads_pools_into_a_profile() {
    let id = UserId::new(42).unwrap();
    let screen = FirstScreen::new(id);
    let results = BatchResults::from_answers([
        ("scope".to_owned(), Ok(json!(["user", "department", "im"]))),
        ("me".to_owned(), Ok(user(7, &[3]))),
        ("person".to_owned(), Ok(json!([user(42, &[3, 5])]))),
        (
            "presence".to_owned(),
            Ok(json!({"status": "online", "absent": "2026-12-04T00:00:00+03:00"})),
        ),
        (
            "dep0".to_owned(),
            Ok(
                json!([{"ID": "3", "NAME": "R&D", "PARENT": "2", "UF_HEAD": "42"},
                                       {"ID": "5", "NAME": "QA", "PARENT": "1"}]),
            ),
        ),
        (
            "dep1".to_owned(),
            Ok(json!([{"ID": "2", "NAME": "Eng", "PARENT": "1", "UF_HEAD": "9"}])),
        ),
        (
            "dep2".to_owned(),
            Ok(json!([{"ID": "1", "NAME": "Co", "UF_HEAD": "1"}])),
        ),
        // An unresolvable reference answered with a whole first page: harmless.
        (
            "dep3".to_owned(),
            Ok(
                json!([{"ID": "1", "NAME": "Co", "UF_HEAD": "1"}, {"ID": "8", "NAME": "X", "PARENT": "1"}]),
            ),
        ),
        // Heads of several levels in one list, one of them twice, and a stranger.
        (
            "heads".to_owned(),
            Ok(json!([
                user(1, &[1]),
                user(9, &[2]),
                user(1, &[1]),
                user(2, &[1])
            ])),
        ),
    ]);
    let profile = screen.read(id, &results).unwrap();
    assert!(!profile.is_me());
    assert_eq!(profile.person.full_name(), "U42 T");
    assert_eq!(
        profile
            .departments
            .iter()
            .map(|d| d.name.as_str())
            .collect::<Vec<_>>(),
        ["R&D", "QA"]
    );
    assert_eq!(
        profile
            .managers
            .iter()
            .map(|m| m.id.get())
            .collect::<Vec<_>>(),
        [9, 1]
    );
    assert_eq!(
        profile.presence.as_ref().unwrap().absent_until.unwrap().day,
        4
    );
    assert!(!profile.contacts_hidden());
}

#[test]
fn a_failed_scope_command_leaves_the_scopes_unknown_not_the_smallest() {
    let id = UserId::new(42).unwrap();
    let screen = FirstScreen::new(id);
    let mut person = user(42, &[3]);
    person["EMAIL"] = json!("ada@demo.test");
    let results = BatchResults::from_answers([
        ("scope".to_owned(), denied("scope")),
        ("me".to_owned(), Ok(user(7, &[]))),
        ("person".to_owned(), Ok(json!([person]))),
    ]);
    let profile = screen.read(id, &results).unwrap();
    assert_eq!(profile.scopes, None);
    assert!(!profile.contacts_hidden(), "the contacts it got are shown");
    assert!(
        profile.has_scope("task"),
        "writes are tried: the portal decides"
    );
}

#[test]
fn malformed_rows_are_skipped_and_counted_not_fatal() {
    let id = UserId::new(42).unwrap();
    let screen = FirstScreen::new(id);
    let results = BatchResults::from_answers([
        ("scope".to_owned(), Ok(json!(["user"]))),
        ("me".to_owned(), Ok(user(7, &[]))),
        // A PHP array with a gap, one row without an id, one that is not even an object.
        (
            "person".to_owned(),
            Ok(json!({"0": {"NAME": "no id"}, "2": user(42, &[3]), "3": "junk"})),
        ),
        (
            "dep0".to_owned(),
            Ok(json!([{"ID": "x"}, {"ID": "3", "NAME": "R&D", "UF_HEAD": "9"}])),
        ),
        ("heads".to_owned(), Ok(json!([17, user(9, &[3])]))),
    ]);
    let profile = screen.read(id, &results).unwrap();
    assert_eq!(profile.person.id, id);
    assert_eq!(profile.departments.len(), 1);
    assert_eq!(profile.managers.len(), 1);
    assert_eq!(profile.skipped_rows, 4);
}

#[test]
fn missing_scopes_degrade_and_unknown_users_are_not_found() {
    let id = UserId::new(42).unwrap();
    let screen = FirstScreen::new(id);
    let results = BatchResults::from_answers([
        ("scope".to_owned(), Ok(json!(["user_brief"]))),
        ("me".to_owned(), Ok(user(42, &[]))),
        ("person".to_owned(), Ok(json!([user(42, &[])]))),
        ("presence".to_owned(), denied("im.user.get")),
        ("dep0".to_owned(), denied("department.get")),
    ]);
    let profile = screen.read(id, &results).unwrap();
    assert!(profile.is_me());
    assert_eq!(profile.presence, None);
    assert!(profile.managers.is_empty());
    assert!(profile.contacts_hidden());

    let results = BatchResults::from_answers([
        ("me".to_owned(), Ok(user(7, &[]))),
        ("person".to_owned(), Ok(json!([]))),
    ]);
    assert_eq!(screen.read(id, &results), Err(LoadError::NotFound(id)));
    let results = BatchResults::from_answers([("me".to_owned(), denied("profile"))]);
    assert!(
        matches!(screen.read(id, &results), Err(LoadError::Bridge(e)) if e.rest_code() == Some("insufficient_scope"))
    );
}

/// The first screen is read from its JSON without serde (`Record`): answers of the wrong
/// shape mean what they meant when serde decoded them.
#[test]
fn answers_of_the_wrong_shape_are_unknown_or_refused() {
    let id = UserId::new(42).unwrap();
    let screen = FirstScreen::new(id);
    let results = BatchResults::from_answers([
        ("scope".to_owned(), Ok(json!(["user", 5]))),
        ("me".to_owned(), Ok(user(7, &[]))),
        ("person".to_owned(), Ok(json!([user(42, &[])]))),
        ("presence".to_owned(), Ok(json!([]))),
    ]);
    let profile = screen.read(id, &results).unwrap();
    assert_eq!(
        profile.scopes, None,
        "a list with a number in it is no list of scopes"
    );
    assert_eq!(profile.presence, None, "an empty PHP array is no presence");

    for viewer in [json!({"ID": "x"}), json!({}), json!("7"), json!([])] {
        let results = BatchResults::from_answers([
            ("me".to_owned(), Ok(viewer.clone())),
            ("person".to_owned(), Ok(json!([user(42, &[])]))),
        ]);
        assert!(
            matches!(
                screen.read(id, &results),
                Err(LoadError::Bridge(crate::bx24::Error::Decode { .. }))
            ),
            "{viewer}"
        );
    }
}
