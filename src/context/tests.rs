use super::*;
use serde_json::json;

fn user_id(options: Value) -> Result<UserId, UserIdError> {
    PlacementOptions::from_json(&options).user_id()
}

#[test]
fn options_as_object_and_as_json_string_agree() {
    let object = PlacementOptions::from_json(&json!({"USER_ID": "1", "URI": "/company/"}));
    let text = PlacementOptions::from_json(&json!(r#"{"USER_ID":"1","URI":"\/company\/"}"#));
    assert_eq!(object, text);
    assert_eq!(text.user_id(), Ok(UserId(1)));
    assert_eq!(text.uri(), Some("/company/"));
}

#[test]
fn non_object_options_are_empty() {
    for junk in [
        json!("undefined"),
        json!(""),
        json!(null),
        json!([1, 2]),
        json!("[1,2]"),
        json!(42),
        json!(true),
        json!("{not json"),
    ] {
        let options = PlacementOptions::from_json(&junk);
        assert_eq!(options, PlacementOptions::default(), "{junk}");
        assert_eq!(options.user_id(), Err(UserIdError::Missing), "{junk}");
    }
}

#[test]
fn user_id_shapes() {
    assert_eq!(user_id(json!({"USER_ID": "1401"})), Ok(UserId(1401)));
    assert_eq!(user_id(json!({"USER_ID": 1401})), Ok(UserId(1401)));
    assert_eq!(user_id(json!({"USER_ID": " 42 "})), Ok(UserId(42)));
    assert_eq!(user_id(json!({"USER_ID": "0042"})), Ok(UserId(42)));
    assert_eq!(
        user_id(json!({"USER_ID": "2147483647"})),
        Ok(UserId(2_147_483_647))
    );
}

#[test]
fn user_id_rejections() {
    use UserIdError::*;
    let cases = [
        (json!({}), Missing),
        (json!({"USER_ID": null}), Missing),
        (json!({"USER_ID": ""}), Missing),
        (json!({"USER_ID": "   "}), Missing),
        (json!({"USER_ID": "0"}), NotPositive("0".into())),
        (json!({"USER_ID": 0}), NotPositive("0".into())),
        (json!({"USER_ID": "-5"}), NotPositive("-5".into())),
        (json!({"USER_ID": -5}), NotPositive("-5".into())),
        (json!({"USER_ID": "4.5"}), NotAnInteger("4.5".into())),
        (json!({"USER_ID": 4.5}), NotAnInteger("4.5".into())),
        (json!({"USER_ID": "1e3"}), NotAnInteger("1e3".into())),
        (json!({"USER_ID": ".5"}), NotAnInteger(".5".into())),
        (json!({"USER_ID": "5."}), NotAnInteger("5.".into())),
        (
            json!({"USER_ID": "-2.5E-3"}),
            NotAnInteger("-2.5E-3".into()),
        ),
        (json!({"USER_ID": "1e"}), NotANumber("1e".into())),
        (json!({"USER_ID": "e5"}), NotANumber("e5".into())),
        (json!({"USER_ID": "."}), NotANumber(".".into())),
        (json!({"USER_ID": "1.2.3"}), NotANumber("1.2.3".into())),
        (json!({"USER_ID": "NaN"}), NotANumber("NaN".into())),
        (json!({"USER_ID": "inf"}), NotANumber("inf".into())),
        (json!({"USER_ID": "abc"}), NotANumber("abc".into())),
        (json!({"USER_ID": "12abc"}), NotANumber("12abc".into())),
        (json!({"USER_ID": "0x10"}), NotANumber("0x10".into())),
        (
            json!({"USER_ID": "2147483648"}),
            TooLarge("2147483648".into()),
        ),
        (
            json!({"USER_ID": "99999999999999999999999"}),
            TooLarge("99999999999999999999999".into()),
        ),
        (json!({"USER_ID": [1]}), NotANumber("an array".into())),
        (
            json!({"USER_ID": {"id": 1}}),
            NotANumber("an object".into()),
        ),
        (json!({"USER_ID": true}), NotANumber("true".into())),
    ];
    for (options, expected) in cases {
        assert_eq!(user_id(options.clone()), Err(expected), "{options}");
    }
}

#[test]
fn hostile_user_id_is_shortened_in_errors() {
    let long = "x".repeat(10_000);
    let Err(UserIdError::NotANumber(kept)) = user_id(json!({ "USER_ID": long })) else {
        panic!("expected NotANumber");
    };
    assert_eq!(kept.chars().count(), 41);
    assert!(kept.ends_with('…'));
}

#[test]
fn placement_codes() {
    assert_eq!(
        PlacementCode::parse("USER_PROFILE_MENU"),
        PlacementCode::UserProfileMenu
    );
    assert_eq!(
        PlacementCode::parse("user_profile_toolbar"),
        PlacementCode::UserProfileToolbar
    );
    assert_eq!(
        PlacementCode::parse("crm_lead_list_menu"),
        PlacementCode::Unknown("CRM_LEAD_LIST_MENU".into())
    );
    for code in ["USER_PROFILE_MENU", "USER_PROFILE_TOOLBAR", "DEFAULT"] {
        assert_eq!(PlacementCode::parse(code).as_str(), code);
    }
}

#[test]
fn context_from_info() {
    let ctx = PlacementContext::from_info(&json!({
        "placement": "USER_PROFILE_MENU",
        "options": "{\"USER_ID\":\"9\"}"
    }))
    .unwrap();
    assert_eq!(ctx.code, PlacementCode::UserProfileMenu);
    assert_eq!(ctx.user_id, UserId(9));
    assert_eq!(ctx.uri, None);

    assert_eq!(
        PlacementContext::from_info(&json!({"options": {"USER_ID": 1}})),
        Err(ContextError::MissingPlacement)
    );
    assert_eq!(
        PlacementContext::from_info(&json!({"placement": "", "options": {}})),
        Err(ContextError::MissingPlacement)
    );
    assert_eq!(
        PlacementContext::from_info(
            &json!({"placement": "TASK_VIEW_TAB", "options": {"USER_ID": 1}})
        ),
        Err(ContextError::NotAProfilePlacement("TASK_VIEW_TAB".into()))
    );
    assert_eq!(
        PlacementContext::from_info(
            &json!({"placement": "USER_PROFILE_TOOLBAR", "options": "undefined"})
        ),
        Err(ContextError::UserId(UserIdError::Missing))
    );
}
