//! Writes and placements: validated, recorded, and found again when their answer was lost.

use super::*;

#[test]
fn placements_bind_unbind_get() {
    let mut sim = sim();
    let bind =
        "PLACEMENT=USER_PROFILE_TOOLBAR&HANDLER=https%3A%2F%2Fapp.test%2Fhandler%2F&TITLE=Profile";
    let (status, body) = form_call(&mut sim, "placement.bind", bind);
    assert_eq!((status, body["result"].clone()), (200, json!(true)));
    let (status, body) = form_call(&mut sim, "placement.bind", bind);
    assert_eq!((status, error_of(&body)), (400, "ERROR_CORE"));
    assert!(
        body["error_description"]
            .as_str()
            .unwrap()
            .contains("already binded")
    );
    let (_, body) = form_call(&mut sim, "placement.get", "");
    assert_eq!(body["result"][0]["title"], "Profile");
    assert_eq!(body["result"][0]["options"], json!([]));
    let (_, body) = form_call(
        &mut sim,
        "placement.unbind",
        "PLACEMENT=USER_PROFILE_TOOLBAR",
    );
    assert_eq!(body["result"], json!({"count": 2}));
    let (_, body) = form_call(&mut sim, "placement.unbind", "PLACEMENT=NOTHING");
    assert_eq!(body["result"], json!({"count": 0}));
    let (status, body) = form_call(&mut sim, "placement.bind", "HANDLER=x");
    assert_eq!(
        (status, error_of(&body), body["argument"].clone()),
        (400, "ERROR_ARGUMENT", json!("PLACEMENT"))
    );
    let (status, body) = form_call(&mut sim, "placement.bind", "PLACEMENT=DEFAULT&HANDLER=x");
    assert_eq!(
        (status, error_of(&body)),
        (400, "ERROR_PLACEMENT_NOT_FOUND")
    );
    // LANG_ALL wins over the top-level title.
    let (_, _) = form_call(
        &mut sim,
        "placement.bind",
        "PLACEMENT=USER_PROFILE_MENU&HANDLER=h&TITLE=T&LANG_ALL[en][TITLE]=English",
    );
    let (_, body) = form_call(&mut sim, "placement.get", "");
    assert_eq!(body["result"][0]["title"], "");
    assert_eq!(body["result"][0]["langAll"]["en"]["TITLE"], "English");
    sim.settings.admin = false;
    let (status, body) = form_call(&mut sim, "placement.bind", bind);
    assert_eq!((status, error_of(&body)), (403, "ACCESS_DENIED"));
    let (_, body) = form_call(&mut sim, "placement.list", "");
    assert_eq!(
        body["result"],
        json!(["USER_PROFILE_MENU", "USER_PROFILE_TOOLBAR"])
    );
}

#[test]
fn writes_are_validated_and_recorded() {
    let mut sim = sim();
    let (status, body) = json_call(&mut sim, "tasks.task.add", json!({}));
    assert_eq!((status, error_of(&body)), (400, "100"));
    let (status, body) = json_call(
        &mut sim,
        "tasks.task.add",
        json!({"fields": {"TITLE": "Review", "RESPONSIBLE_ID": 42}}),
    );
    assert_eq!(status, 200);
    assert_eq!(body["result"]["task"]["responsibleId"], "42");
    assert!(body["result"]["task"]["id"].is_string());
    let (status, body) = json_call(
        &mut sim,
        "calendar.event.add",
        json!({"type": "user", "ownerId": 1}),
    );
    assert_eq!((status, error_of(&body)), (400, ""));
    assert!(
        body["error_description"]
            .as_str()
            .unwrap()
            .contains("\"name\"")
            || body["error_description"]
                .as_str()
                .unwrap()
                .contains("\"from\"")
    );
    let (status, body) = json_call(
        &mut sim,
        "calendar.event.add",
        json!({"type": "user", "ownerId": 1, "section": 3,
        "name": "Sync", "from": "2026-12-01 10:00", "to": "2026-12-01 11:00", "attendees": [1, 42]}),
    );
    assert_eq!(
        (status, error_of(&body)),
        (400, ""),
        "someone else's section"
    );
    let (_, body) = json_call(
        &mut sim,
        "calendar.section.get",
        json!({"type": "user", "ownerId": 1}),
    );
    let section = body["result"][0]["ID"].as_str().unwrap().to_owned();
    let (status, body) = json_call(
        &mut sim,
        "calendar.event.add",
        json!({"type": "user", "ownerId": 1, "section": section,
        "name": "Sync", "from": "2026-12-01 10:00", "to": "2026-12-01 11:00", "attendees": [1, 42]}),
    );
    assert_eq!(status, 200);
    assert!(body["result"].is_u64());
    let (_, body) = json_call(
        &mut sim,
        "log.blogpost.add",
        json!({"POST_MESSAGE": "Thanks", "DEST": ["U42"],
        "UF_GRATITUDE": {"GRATITUDE_MEDAL": "thumbsup", "GRATITUDE_EMPLOYEES": [42]}}),
    );
    assert!(body["result"].is_u64());
    let (status, body) = json_call(&mut sim, "log.blogpost.add", json!({"POST_MESSAGE": ""}));
    assert_eq!(
        (status, error_of(&body)),
        (400, "SONET_CONTROLLER_LIVEFEED_BLOGPOST_ADD_ERROR")
    );
    let (_, body) = json_call(
        &mut sim,
        "calendar.accessibility.get",
        json!({"users": [2, 3], "from": "2026-12-01", "to": "2026-12-02"}),
    );
    assert_eq!(body["result"]["2"].as_array().unwrap().len(), 4);
    // Days run across month ends.
    let (_, body) = json_call(
        &mut sim,
        "calendar.accessibility.get",
        json!({"users": [3], "from": "2026-11-30", "to": "2026-12-01"}),
    );
    let dates: Vec<&str> = body["result"]["3"]
        .as_array()
        .unwrap()
        .iter()
        .map(|slot| slot["DATE_FROM"].as_str().unwrap())
        .collect();
    assert_eq!(dates, ["30.11.2026 10:00:00", "01.12.2026 10:00:00"]);
    let methods: Vec<_> = sim.writes.iter().map(|w| w.method.as_str()).collect();
    assert_eq!(
        methods,
        ["tasks.task.add", "calendar.event.add", "log.blogpost.add"]
    );
    assert_eq!(sim.writes[0].params["fields"]["TITLE"], "Review");
}

#[test]
fn lost_writes_can_be_looked_up() {
    let mut sim = sim();
    let (_, task) = form_call(
        &mut sim,
        "tasks.task.add",
        "fields[TITLE]=Review%20it&fields[RESPONSIBLE_ID]=2",
    );
    let id = task["result"]["task"]["id"].clone();
    // The title filter matches a part (the widget compares exactly); the others exactly.
    let (status, found) = form_call(
        &mut sim,
        "tasks.task.list",
        "filter[TITLE]=Review&filter[RESPONSIBLE_ID]=2&filter[CREATED_BY]=1&filter[%3E%3DCREATED_DATE]=2020-01-01T00:00:00%2B03:00",
    );
    assert_eq!(status, 200);
    assert_eq!(found["result"]["tasks"][0]["id"], id);
    let (_, none) = form_call(&mut sim, "tasks.task.list", "filter[RESPONSIBLE_ID]=3");
    assert_eq!(none["result"]["tasks"], json!([]));
    let (_, later) = form_call(
        &mut sim,
        "tasks.task.list",
        "filter[%3E%3DCREATED_DATE]=2999-01-01T00:00:00",
    );
    assert_eq!(later["result"]["tasks"], json!([]));
    let (status, _) = form_call(
        &mut sim,
        "tasks.task.list",
        "filter[%3E%3DCREATED_DATE]=soon",
    );
    assert_eq!(status, 400);
    // As a browser writes it (Date.toISOString): milliseconds and Z.
    let (status, since) = form_call(
        &mut sim,
        "tasks.task.list",
        "filter[%3E%3DCREATED_DATE]=2020-01-01T00:00:00.000Z",
    );
    assert_eq!(status, 200);
    assert_eq!(since["result"]["tasks"][0]["id"], id);

    let (_, event) = json_call(
        &mut sim,
        "calendar.event.add",
        json!({"type": "user", "ownerId": 1, "section": "11", "name": "Sync",
               "from": "2026-12-01T10:00:00", "to": "2026-12-01T10:30:00"}),
    );
    let (_, events) = json_call(
        &mut sim,
        "calendar.event.get",
        json!({"type": "user", "ownerId": 1, "from": "2026-12-01", "to": "2026-12-01"}),
    );
    assert_eq!(events["result"][0]["ID"], event["result"].to_string());
    assert_eq!(events["result"][0]["DATE_FROM"], "01.12.2026 10:00:00");
    let (_, elsewhere) = json_call(
        &mut sim,
        "calendar.event.get",
        json!({"type": "user", "ownerId": 1, "from": "2026-12-02", "to": "2026-12-03"}),
    );
    assert_eq!(elsewhere["result"], json!([]));

    let (_, post) = form_call(
        &mut sim,
        "log.blogpost.add",
        "POST_MESSAGE=Thanks&DEST[]=U2&GRATITUDE_MEDAL=cup&GRATITUDE_EMPLOYEES[]=2",
    );
    let (_, posts) = form_call(&mut sim, "log.blogpost.get", "");
    assert_eq!(posts["result"][0]["ID"], post["result"].to_string());
    assert_eq!(posts["result"][0]["DETAIL_TEXT"], "Thanks");
    assert_eq!(posts["result"][0]["AUTHOR_ID"], "1");
}
