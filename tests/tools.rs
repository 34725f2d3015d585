//! Component tests of the card's tools (forms, sharing, people), in headless Chromium and
//! Firefox, over the scripted fake portal of tests/support/harness.js.
#![cfg(target_arch = "wasm32")]

use serde_json::{Value, json};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

mod support;

use support::*;

wasm_bindgen_test_configure!(run_in_browser);

/// All the scopes the tools need.
fn with_all_scopes(extra: Value) -> Value {
    let mut scenario = company(json!({
        "rest": {"scope": ok(json!(["user", "department", "im", "task", "calendar", "log"]))}
    }));
    merge(&mut scenario, extra);
    scenario
}

/// Types into an input or textarea the way a user does (value, then an `input` event).
fn type_into(host: &web_sys::HtmlElement, selector: &str, value: &str) {
    let field = host
        .query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no {selector}"));
    js_sys::Reflect::set(&field, &"value".into(), &value.into()).unwrap();
    let event = web_sys::Event::new("input").unwrap();
    field.dispatch_event(&event).unwrap();
}

fn rest_calls(method: &str) -> Vec<Value> {
    log()["rest"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|call| call["method"] == method)
        .cloned()
        .collect()
}

/// Waits until `selector`'s text matches, up to ~4 s.
async fn text_becomes(host: &web_sys::HtmlElement, selector: &str, wanted: &str) {
    for _ in 0..400 {
        if host
            .query_selector(selector)
            .unwrap()
            .and_then(|e| e.text_content())
            .is_some_and(|t| t.contains(wanted))
        {
            return;
        }
        leptos::task::tick().await;
        sleep(10).await;
    }
    panic!(
        "{selector} never said {wanted:?}; page: {}",
        host.inner_html()
    );
}

#[wasm_bindgen_test]
async fn write_actions_need_their_scopes_and_say_so() {
    fake(company(json!({})));
    let host = host();
    let _mounted = mount(&host);
    find(&host, ".profile-card").await;
    for action in ["task", "meeting", "thanks"] {
        assert!(
            button(&host, &format!(".tools .{action}")).disabled(),
            "{action}"
        );
        assert_eq!(
            text(&host, &format!("#why-{action}")),
            "The application has no permission for this."
        );
    }
    assert!(
        host.query_selector(".tools .qr").unwrap().is_none(),
        "QR only on my card"
    );
}

#[wasm_bindgen_test]
async fn a_task_is_validated_sent_once_and_kept_when_refused() {
    fake(with_all_scopes(json!({"rest": {"tasks.task.add": [
        {"once": true, "status": 400, "body": {"error": "ERROR_CORE", "error_description": "Deadline is in the past<br>"}},
        {"status": 200, "body": {"result": {"task": {"id": "3711"}}}}
    ]}})));
    let host = host();
    let _mounted = mount(&host);
    find(&host, ".profile-card").await;
    button(&host, ".tools .task").click();
    find(&host, ".task-form").await;
    button(&host, ".task-form button[type=submit]").click();
    text_becomes(&host, ".task-form .form-note", "Fill in this field.").await;
    assert!(
        rest_calls("tasks.task.add").is_empty(),
        "nothing sent while blank"
    );

    type_into(&host, ".task-form input[name=title]", "Check <b>this</b>");
    type_into(&host, ".task-form textarea[name=description]", "Details");
    button(&host, ".task-form button[type=submit]").click();
    text_becomes(&host, ".task-form .failed", "Bitrix24 did not accept this:").await;
    let detail = text(&host, ".task-form .failed .detail");
    assert!(
        detail.contains("ERROR_CORE") && detail.contains("Deadline is in the past"),
        "{detail}"
    );
    assert!(!detail.contains("<br>"), "{detail}");
    let title: web_sys::HtmlInputElement = host
        .query_selector(".task-form input[name=title]")
        .unwrap()
        .unwrap()
        .unchecked_into();
    assert_eq!(
        title.value(),
        "Check <b>this</b>",
        "the draft survives a failure"
    );

    button(&host, ".task-form button[type=submit]").click();
    text_becomes(&host, ".task-form .done", "Task created.").await;
    let sent = rest_calls("tasks.task.add");
    assert_eq!(sent.len(), 2, "one request per press");
    assert_eq!(sent[1]["params"]["fields"]["TITLE"], "Check <b>this</b>");
    assert_eq!(sent[1]["params"]["fields"]["RESPONSIBLE_ID"], "42");
    button(&host, ".task-form .open-task").click();
    for _ in 0..200 {
        if let Some(open) = parent_commands()
            .into_iter()
            .find(|m| m["command"] == "openPath")
        {
            assert_eq!(
                open["params"]["path"],
                "/company/personal/user/7/tasks/task/view/3711/"
            );
            return;
        }
        sleep(10).await;
    }
    panic!("the task was never opened");
}

#[wasm_bindgen_test]
async fn a_meeting_offers_only_common_free_time() {
    // Both are busy all day except 16:00–17:00 on every day asked for.
    let busy = |day: &str| {
        json!([
            {"DATE_FROM": format!("{day} 00:00:00"), "DATE_TO": format!("{day} 16:00:00")},
            {"DATE_FROM": format!("{day} 17:00:00"), "DATE_TO": format!("{day} 23:59:00")}
        ])
    };
    let now = js_sys::Date::new_0();
    let mut days = serde_json::Map::new();
    let mut entries = Vec::new();
    for offset in 0..10 {
        let day = js_sys::Date::new(&(now.get_time() + f64::from(offset) * 86_400_000.0).into());
        let text = format!(
            "{:02}.{:02}.{}",
            day.get_date(),
            day.get_month() + 1,
            day.get_full_year()
        );
        entries.extend(busy(&text).as_array().unwrap().clone());
    }
    days.insert("7".into(), Value::Array(entries));
    // They keep this browser's clock (no time zone of their own): every hour suits both.
    fake(with_all_scopes(json!({"rest": {
        "calendar.section.get": ok(json!([{"ID": "70", "NAME": "Mine"}])),
        "calendar.accessibility.get": ok(Value::Object(days)),
        "calendar.event.add": ok(json!(555))
    }, "userOverrides": {"42": {"TIME_ZONE": ""}}})));
    let host = host();
    let _mounted = mount(&host);
    find(&host, ".profile-card").await;
    button(&host, ".tools .meeting").click();
    // The days come with the free/busy answer (the portal's weekend days decide them).
    find(&host, ".meeting-form select[name=day] option:nth-child(2)").await;
    // The second working day offered: always in the future, whatever the time now.
    let day = host
        .query_selector(".meeting-form select[name=day]")
        .unwrap()
        .unwrap();
    let second = day.query_selector("option:nth-child(2)").unwrap().unwrap();
    js_sys::Reflect::set(
        &day,
        &"value".into(),
        &second.get_attribute("value").unwrap().into(),
    )
    .unwrap();
    day.dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
    find(&host, ".meeting-form .slot").await;
    let slots: Vec<String> = (0..)
        .map_while(|i| {
            host.query_selector_all(".meeting-form .slot span")
                .unwrap()
                .get(i)
        })
        .map(|n| n.text_content().unwrap_or_default())
        .collect();
    assert!(!slots.is_empty());
    assert!(
        slots.iter().all(|s| s == "16:00" || s == "16:30"),
        "{slots:?}"
    );
    assert_eq!(
        rest_calls("batch").len(),
        2,
        "the card, then sections and free/busy in one request"
    );
    type_into(&host, ".meeting-form input[name=name]", "Sync");
    let radio: web_sys::HtmlElement = host
        .query_selector(".meeting-form .slot input")
        .unwrap()
        .unwrap()
        .unchecked_into();
    radio.click();
    button(&host, ".meeting-form button[type=submit]").click();
    text_becomes(&host, ".meeting-form .done", "Meeting scheduled.").await;
    let sent = &rest_calls("calendar.event.add")[0]["params"];
    assert_eq!(sent["section"], "70");
    assert_eq!(sent["ownerId"], "7");
    assert_eq!(sent["attendees"], json!({"0": "7", "1": "42"}));
    assert!(
        sent["from"].as_str().unwrap().ends_with("T16:00:00"),
        "{sent}"
    );
}

#[wasm_bindgen_test]
async fn thanks_carry_the_badge_and_address_only_them() {
    fake(with_all_scopes(
        json!({"rest": {"log.blogpost.add": ok(json!(99))}}),
    ));
    let host = host();
    let _mounted = mount(&host);
    find(&host, ".profile-card").await;
    button(&host, ".tools .thanks").click();
    find(&host, ".thanks-form").await;
    let star: web_sys::HtmlElement = host
        .query_selector(".thanks-form input[value=star]")
        .unwrap()
        .unwrap()
        .unchecked_into();
    star.click();
    type_into(&host, ".thanks-form textarea[name=message]", "Great work");
    button(&host, ".thanks-form button[type=submit]").click();
    text_becomes(&host, ".thanks-form .done", "Appreciation published.").await;
    let sent = &rest_calls("log.blogpost.add")[0]["params"];
    assert_eq!(sent["GRATITUDE_MEDAL"], "star");
    assert_eq!(sent["DEST"], json!({"0": "U42"}));
    assert_eq!(sent["POST_MESSAGE"], "Great work");
}

#[wasm_bindgen_test]
async fn my_card_offers_a_qr_code_of_my_vcard() {
    fake(company(
        json!({"init": {"PLACEMENT": "USER_PROFILE_MENU", "PLACEMENT_OPTIONS": {"USER_ID": "7"}}}),
    ));
    let host = host();
    let _mounted = mount(&host);
    find(&host, ".profile-card").await;
    let link = host.query_selector("a.vcard").unwrap().unwrap();
    let href = link.get_attribute("href").unwrap();
    let vcard: String =
        js_sys::decode_uri_component(&href["data:text/vcard;charset=utf-8,".len()..])
            .unwrap()
            .into();
    assert!(vcard.contains("FN:User 7 Test\r\n"), "{vcard}");
    assert_eq!(
        link.get_attribute("download").as_deref(),
        Some("User-7-Test.vcf")
    );
    button(&host, ".tools .qr").click();
    let path = find(&host, ".qr svg path")
        .await
        .get_attribute("d")
        .unwrap();
    assert!(path.starts_with("M4 4h7v1h-7z"), "{}", &path[..20]);
}

#[wasm_bindgen_test]
async fn search_sends_one_request_per_pause_and_opens_the_person() {
    fake(company(json!({"rest": {"user.search": ok(json!([
        {"ID": "12", "NAME": "Ada", "LAST_NAME": "Lovelace", "WORK_POSITION": "Analyst"}
    ]))}})));
    let host = host();
    let _mounted = mount(&host);
    find(&host, ".finder .search").await; // a frame after the card
    for typed in ["A", "Ad", "Ada", "Ada L"] {
        type_into(&host, ".finder .search", typed);
        sleep(40).await;
    }
    find(&host, ".search-results .person-button").await;
    let searches = rest_calls("user.search");
    assert_eq!(searches.len(), 1, "{searches:?}");
    assert_eq!(searches[0]["params"]["FIND"], "Ada L");
    button(&host, ".search-results .person-button").click();
    find(&host, ".back").await;
    find(&host, ".profile-card[data-user-id=\"12\"]").await;
    button(&host, ".back").click();
    find(&host, ".profile-card[data-user-id=\"42\"]").await;
}

#[wasm_bindgen_test]
async fn a_thousand_colleagues_scroll_as_a_virtual_list() {
    fake(company(json!({"users": 3000})));
    let host = host();
    let _mounted = mount(&host);
    find(&host, ".people .tab").await; // a frame after the card
    button(&host, ".people .tab").click();
    // Department 2 holds every third user (1, 4, 7, …): 1,000 of them besides the person.
    text_becomes(&host, ".people .count", "1000").await;
    let drawn = host
        .query_selector_all(".people-list .person-row")
        .unwrap()
        .length();
    assert!(
        (5..=20).contains(&drawn),
        "{drawn} rows drawn for 1,000 people"
    );
    let viewport = host.query_selector(".people-viewport").unwrap().unwrap();
    viewport.set_scroll_top(44 * 500);
    viewport
        .dispatch_event(&web_sys::Event::new("scroll").unwrap())
        .unwrap();
    let wanted = "User 1501 Test"; // row 500: users 1, 4, 7, … (42, moved in, excluded)
    text_becomes(&host, ".people-list", wanted).await;
    assert!(
        rest_calls("batch").len() <= 1 + 2,
        "the card, then the list in at most 2 requests"
    );
    type_into(&host, ".people .filter", "User 1501");
    text_becomes(&host, ".people .count", "1").await;
}

/// Sets `navigator.clipboard` for this page: one that records what it is given, or none.
fn clipboard(recording: bool) {
    let value = if recording {
        "{ writeText: (text) => { (window.__copied ||= []).push(text); return Promise.resolve(); } }"
    } else {
        "undefined"
    };
    js_sys::eval(&format!(
        "Object.defineProperty(navigator, 'clipboard', {{ configurable: true, value: {value} }})"
    ))
    .unwrap();
}

#[wasm_bindgen_test]
async fn copy_buttons_say_copied_only_when_the_clipboard_took_the_text() {
    fake(company(json!({})));
    let host = host();
    let _mounted = mount(&host);
    find(&host, ".profile-card .contacts .copy").await;
    let buttons = host.query_selector_all(".contacts .copy").unwrap();
    let values = host.query_selector_all(".contacts dd a").unwrap();
    assert!(buttons.length() >= 2, "{}", host.inner_html());
    let click = |i: u32| {
        buttons
            .item(i)
            .unwrap()
            .unchecked_into::<web_sys::HtmlElement>()
            .click()
    };
    // No clipboard here (a frame the portal does not allow to write): nothing changes.
    clipboard(false);
    click(1);
    sleep(100).await;
    leptos::task::tick().await;
    assert_eq!(buttons.item(1).unwrap().text_content().unwrap(), "Copy");
    // A clipboard that takes the text: it gets exactly the value, and the button says so.
    clipboard(true);
    click(0);
    text_becomes(&host, ".contacts .copy", "Copied").await;
    let copied = js_sys::Reflect::get(&js_sys::global(), &"__copied".into()).unwrap();
    let wanted = values.item(0).unwrap().text_content().unwrap();
    let copied: Vec<String> = js_sys::Array::from(&copied)
        .iter()
        .filter_map(|v| v.as_string())
        .collect();
    assert_eq!(copied, vec![wanted]);
}
