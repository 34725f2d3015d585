//! Frame commands.

use super::*;

#[wasm_bindgen_test]
async fn fit_and_resize_window() {
    let bx24 = connected(json!({})).await;
    let size = bx24.fit_window().await.unwrap();
    assert_eq!(size.width, 800.0);
    assert!(size.height > 0.0);
    let size = bx24.resize_window(640, 480).await.unwrap();
    assert_eq!((size.width, size.height), (640.0, 480.0));
    assert!(matches!(
        bx24.resize_window(0, 10).await,
        Err(Error::Decode { .. })
    ));
}

#[wasm_bindgen_test]
async fn set_title_is_denied_outside_the_app_page() {
    let bx24 = connected(json!({})).await;
    let err = bx24.set_title("Hi").await.unwrap_err();
    assert_eq!(
        err,
        Error::Timeout {
            operation: "BX24.setTitle".into(),
            after_ms: 300
        }
    );
    let bx24 = connected(json!({"init": {"PLACEMENT": "DEFAULT"}})).await;
    bx24.set_title("Hi").await.unwrap();
}

#[wasm_bindgen_test]
async fn open_path_outcomes() {
    let bx24 = connected(json!({})).await;
    assert_eq!(
        bx24.open_path("/company/personal/user/42/").await,
        Ok(OpenPathOutcome::Closed)
    );
    assert_eq!(
        bx24.open_path("/company/structure.php").await,
        Ok(OpenPathOutcome::Refused("PATH_NOT_AVAILABLE".into()))
    );
    let bx24 = connected(json!({"removeMembers": ["openPath"]})).await;
    assert_eq!(
        bx24.open_path("/company/personal/user/42/").await,
        Err(Error::Unsupported("openPath".into()))
    );
}

#[wasm_bindgen_test]
async fn applications_open_and_close() {
    let bx24 = connected(json!({})).await;
    bx24.open_application(&json!({"view": "org"}), &json!({"title": "Org"}))
        .await
        .unwrap();
    bx24.close_application().await.unwrap();
    let sent = log()["parent"].as_array().unwrap().clone();
    let open = sent
        .iter()
        .find(|m| m["command"] == "openApplication")
        .unwrap();
    assert_eq!(open["params"], json!({"view": "org", "bx24_title": "Org"}));
}

#[wasm_bindgen_test]
async fn user_pickers() {
    let bx24 = connected(json!({"replies": {
        "selectUser": {"id": "5", "name": "Ada", "photo": "", "position": "Analyst", "url": "/company/personal/user/5/", "sub": false, "sup": false},
        "selectUsers": [{"id": "5", "name": "Ada"}, {"id": 6, "name": "Bo"}]
    }}))
    .await;
    let one = bx24.select_user(Some("Whom?")).await.unwrap().unwrap();
    assert_eq!(
        (one.id, one.name.as_str(), one.position.as_str()),
        (5, "Ada", "Analyst")
    );
    let many = bx24.select_users(None).await.unwrap();
    assert_eq!(many.iter().map(|u| u.id).collect::<Vec<_>>(), vec![5, 6]);
    let sent = log()["parent"].as_array().unwrap().clone();
    let picks: Vec<_> = sent
        .iter()
        .filter(|m| m["command"] == "selectUser")
        .collect();
    assert_eq!(picks[0]["params"], json!({"mult": false, "title": "Whom?"}));
    assert_eq!(picks[1]["params"], json!({"mult": true}));

    let bx24 = connected(json!({"replies": {"selectUser": []}})).await;
    assert_eq!(bx24.select_user(None).await, Ok(None), "cancelled");
}

#[wasm_bindgen_test]
async fn im_commands_are_fire_and_forget() {
    let bx24 = connected(json!({})).await;
    bx24.open_messenger("42").unwrap();
    bx24.call_to(42, true).unwrap();
    bx24.phone_to("+49 30 123").unwrap();
    bx24.open_history("chat7").unwrap();
    let sent = log()["parent"].as_array().unwrap().clone();
    let find = |c: &str| sent.iter().find(|m| m["command"] == c).unwrap()["params"].clone();
    assert_eq!(find("imOpenMessenger"), json!({"dialogId": "42"}));
    assert_eq!(find("imCallTo"), json!({"userId": 42, "video": true}));
    assert_eq!(find("imPhoneTo"), json!({"phone": "+49 30 123"}));
    assert_eq!(find("imOpenHistory"), json!({"dialogId": "chat7"}));
    let bx24 = connected(json!({"removeMembers": ["im.callTo"]})).await;
    assert_eq!(
        bx24.call_to(1, false),
        Err(Error::Unsupported("im.callTo".into()))
    );
}

#[wasm_bindgen_test]
async fn install_finish_only_while_installing() {
    let bx24 = connected(json!({})).await;
    bx24.install_finish().unwrap();
    assert!(!parent_commands().contains(&"setInstallFinish".to_owned()));
    let bx24 = connected(json!({"init": {"INSTALL": true, "PLACEMENT": "DEFAULT"}})).await;
    bx24.install_finish().unwrap();
    assert!(parent_commands().contains(&"setInstallFinish".to_owned()));
}

#[wasm_bindgen_test]
async fn user_and_app_options() {
    let bx24 = connected(json!({"init": {"USER_OPTIONS": {"compact": "Y"}}})).await;
    assert_eq!(bx24.user_option("compact"), Some(json!("Y")));
    assert_eq!(bx24.user_option("missing"), None);
    bx24.set_user_option("compact", &json!("N")).unwrap();
    assert_eq!(bx24.user_option("compact"), Some(json!("N")));
    assert_eq!(
        bx24.set_app_option("title", &json!("x")).await,
        Err(Error::AdminOnly("appOption.set".into()))
    );
    let bx24 = connected(json!({"init": {"IS_ADMIN": true}})).await;
    bx24.set_app_option("title", &json!("Profile"))
        .await
        .unwrap();
    assert_eq!(bx24.app_option("title"), Some(json!("Profile")));
    let sent = log()["parent"].as_array().unwrap().clone();
    assert!(sent.iter().any(|m| m["command"] == "setAppOption"
        && m["params"] == json!({"name": "title", "value": "Profile"})));
}

#[wasm_bindgen_test]
async fn placement_interface_and_events() {
    let bx24 =
        connected(json!({"replies": {"getInterface": {"command": ["x"], "event": ["E"]}}})).await;
    let interface = bx24.placement_interface().await.unwrap();
    assert_eq!(
        (interface.command, interface.event),
        (vec!["x".to_owned()], vec!["E".to_owned()])
    );

    let fired = Rc::new(RefCell::new(Vec::new()));
    let seen = fired.clone();
    let subscription = bx24
        .bind_placement_event("E", move |payload| seen.borrow_mut().push(payload))
        .unwrap();
    fire_event("E", "{\"n\":1}");
    fire_event("E", "{\"n\":2}");
    sleep(20).await;
    assert_eq!(*fired.borrow(), vec![json!({"n": 1}), json!({"n": 2})]);
    drop(subscription);
    fire_event("E", "{\"n\":3}");
    sleep(20).await;
    assert_eq!(fired.borrow().len(), 2, "quiet after drop");
}
