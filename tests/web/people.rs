//! The people side of the card (issue #18) in both renderers: interests and skills as chips
//! that list who shares them, the place, about me folded, and the links.

use super::isolates;
use super::support::*;
use profile_widget::first_paint;
use serde_json::json;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

#[wasm_bindgen_test]
async fn the_people_side_in_both_renderers() {
    const RTL: &str = "\u{202E}كرة القدم";
    let about = format!(
        "{}\nMore at https://wiki.example.test/me.",
        "Long text. ".repeat(40)
    );
    fake(company(json!({
        "userOverrides": {
            "42": {"UF_DEPARTMENT": [2], "UF_INTERESTS": {"0": "Chess", "3": RTL}, "UF_SKILLS": ["Rust"],
                   "WORK_CITY": "", "PERSONAL_CITY": "Riga", "WORK_COUNTRY": "14",
                   "PERSONAL_NOTES": about, "UF_LINKEDIN": "ann-test", "UF_XING": "javascript:alert(1)",
                   "UF_WEB_SITES": ["https://ann.example.test", "ann.example.test/blog"]},
            "3": {"UF_INTERESTS": ["chess"]},
            "4": {"UF_INTERESTS": ["CHESS", "go"]}
        }
    })));
    let drawn = host();
    assert!(first_paint::paint_into(&drawn).await.is_some(), "drawn");
    let app = host();
    let _mounted = mount(&app);
    find(&app, ".profile-card").await;
    for card in [&drawn, &app] {
        assert_eq!(isolates(card, ".interests"), ["Chess", RTL]);
        assert_eq!(isolates(card, ".skills"), ["Rust"]);
        assert_eq!(text(card, ".place"), "Riga", "a country id is not a name");
    }
    // Drawn, the chips are the app's buttons already, their lists waiting for it.
    let drawn_chip = button(&drawn, ".interests .chip");
    assert_eq!(
        drawn_chip.get_attribute("aria-controls").as_deref(),
        Some("sharing-interests")
    );
    assert!(
        drawn
            .query_selector("#sharing-interests.sharing")
            .unwrap()
            .is_some()
    );
    // The app's chips are buttons: one lists the colleagues who share the interest.
    let chess = button(&app, ".interests .chip");
    assert_eq!(
        chess.get_attribute("aria-expanded").as_deref(),
        Some("false")
    );
    chess.click();
    find(&app, "#sharing-interests .person-row").await;
    assert_eq!(
        chess.get_attribute("aria-expanded").as_deref(),
        Some("true")
    );
    let names: Vec<String> = {
        let rows = app
            .query_selector_all("#sharing-interests .row-name")
            .unwrap();
        (0..rows.length())
            .map(|i| rows.item(i).unwrap().text_content().unwrap_or_default())
            .collect()
    };
    assert_eq!(names, ["User 3 Test", "User 4 Test"]);
    let sent = log()["rest"].as_array().cloned().unwrap_or_default();
    assert!(
        sent.iter().any(|c| c["method"] == "user.get"
            && c["params"]["FILTER"]["UF_INTERESTS"] == "Chess"
            && c["params"]["FILTER"]["ACTIVE"] == "true"),
        "{sent:?}"
    );
    // About me is folded, with its https address as a link; links are labelled and built.
    assert!(text(&app, ".about .note-text.folded").ends_with('…'));
    button(&app, ".about .more").click();
    sleep(0).await;
    let links = |selector: &str| -> Vec<String> {
        let nodes = app.query_selector_all(selector).unwrap();
        (0..nodes.length())
            .map(|i| {
                let node: web_sys::Element = nodes.item(i).unwrap().unchecked_into();
                node.get_attribute("href").unwrap_or_default()
            })
            .collect()
    };
    assert_eq!(
        links(".about .note-text:not(.folded) a[href]"),
        ["https://wiki.example.test/me"]
    );
    assert_eq!(
        links(".links a"),
        [
            "https://ann.example.test",
            "https://ann.example.test/blog",
            "https://www.linkedin.com/in/ann-test"
        ]
    );
    let labels = app.query_selector_all(".links dt").unwrap();
    let labels: Vec<String> = (0..labels.length())
        .map(|i| labels.item(i).unwrap().text_content().unwrap_or_default())
        .collect();
    assert_eq!(labels, ["Website", "Website", "LinkedIn"]);
}

/// The `user.get` calls that looked for who shares the interest `tag`.
fn sharing_lookups(tag: &str) -> usize {
    let sent = log()["rest"].as_array().cloned().unwrap_or_default();
    sent.iter()
        .filter(|c| c["method"] == "user.get" && c["params"]["FILTER"]["UF_INTERESTS"] == tag)
        .count()
}

#[wasm_bindgen_test]
async fn a_chip_pressed_before_the_app_arrives_is_opened_by_it_once() {
    let scopes = ["user", "department", "im", "task", "calendar", "log"];
    fake(company(json!({
        "rest": {"scope": ok(json!(scopes))},
        "userOverrides": {
            "42": {"UF_DEPARTMENT": [2], "UF_INTERESTS": ["Chess", "Go"], "UF_SKILLS": ["Rust"]},
            "3": {"UF_INTERESTS": ["go"]}
        }
    })));
    let drawn = host();
    assert!(first_paint::paint_into(&drawn).await.is_some(), "drawn");
    let chips = drawn
        .query_selector_all(".first-card .interests .chip")
        .unwrap();
    let go: web_sys::HtmlElement = chips.item(1).unwrap().unchecked_into();
    go.click();
    assert_eq!(go.get_attribute("aria-busy").as_deref(), Some("true"));
    assert_eq!(sharing_lookups("Go"), 0, "the list is the app's");
    // A tool pressed later replaces the chip's press, and the chip no longer shows loading.
    let task = button(&drawn, ".first-card .tools .task");
    task.click();
    assert_eq!(go.get_attribute("aria-busy"), None);
    go.click();
    assert_eq!(task.get_attribute("aria-busy"), None);

    let app = host();
    let _mounted = mount(&app);
    find(&app, "#sharing-interests .person-row").await;
    let chips = app
        .query_selector_all(".profile-card .interests .chip")
        .unwrap();
    let expanded = |i: u32| {
        let chip: web_sys::Element = chips.item(i).unwrap().unchecked_into();
        chip.get_attribute("aria-expanded")
    };
    assert_eq!(
        (expanded(0).as_deref(), expanded(1).as_deref()),
        (Some("false"), Some("true"))
    );
    assert_eq!(text(&app, "#sharing-interests .row-name"), "User 3 Test");
    assert_eq!(sharing_lookups("Go"), 1, "looked up once");
    assert!(
        app.query_selector("#tool-panel .panel").unwrap().is_none(),
        "no tool opened"
    );
    // Taken: another card opened later opens no list by itself.
    let again = host();
    let _second = mount(&again);
    find(&again, ".profile-card").await;
    sleep(50).await;
    assert!(
        again
            .query_selector("#sharing-interests h3")
            .unwrap()
            .is_none()
    );
    assert_eq!(sharing_lookups("Go"), 1);
}
