//! The REST emulation against the wire facts of bitrix24.md §5–§6.

use super::*;
use crate::company::Company;
use crate::params::parse_form;
use crate::state::{Fault, Sim};
use serde_json::json;

fn sim() -> Sim {
    Sim::new(
        Company::generate(300, 42),
        "http://127.0.0.1:8000".into(),
        "http://127.0.0.1:8001".into(),
    )
}

fn token(sim: &mut Sim) -> String {
    let user = sim.settings.current_user;
    sim.issue_token(user).0
}

/// Sends `method` with form-encoded `form` (auth added) and returns status and body.
fn form_call(sim: &mut Sim, method: &str, form: &str) -> (u16, Value) {
    let auth = token(sim);
    let params = parse_form(&format!("auth={auth}&{form}"));
    match handle(sim, method, params, None, "127.0.0.1") {
        Reply::Json(status, body) => (status, body),
        other => panic!("unexpected {other:?}"),
    }
}

fn json_call(sim: &mut Sim, method: &str, params: Value) -> (u16, Value) {
    let auth = token(sim);
    let Value::Object(params) = params else {
        panic!()
    };
    match handle(sim, method, params, Some(&auth), "127.0.0.1") {
        Reply::Json(status, body) => (status, body),
        other => panic!("unexpected {other:?}"),
    }
}

fn error_of(body: &Value) -> &str {
    body["error"].as_str().unwrap_or("<none>")
}

#[test]
fn check_order_unknown_method_comes_before_auth() {
    let mut sim = sim();
    let reply = handle(&mut sim, "no.such", Map::new(), None, "c");
    assert_eq!(
        reply,
        Reply::Json(
            404,
            json!({"error": "ERROR_METHOD_NOT_FOUND", "error_description": "Method not found!"})
        )
    );
    let reply = handle(&mut sim, "user.get", Map::new(), None, "c");
    assert_eq!(
        reply,
        Reply::Json(
            401,
            json!({"error": "NO_AUTH_FOUND", "error_description": "Wrong authorization data"})
        )
    );
    let reply = handle(&mut sim, "user.get", parse_form("auth=nonsense"), None, "c");
    let Reply::Json(401, body) = reply else {
        panic!()
    };
    assert_eq!(error_of(&body), "invalid_token");
    assert!(body.get("result").is_none() && body.get("time").is_none());
}

#[test]
fn tokens_expire_and_refresh() {
    let mut sim = sim();
    sim.settings.token_lifetime = 0;
    let (access, refresh) = sim.issue_token(1);
    let reply = handle(
        &mut sim,
        "user.current",
        parse_form(&format!("access_token={access}")),
        None,
        "c",
    );
    let Reply::Json(401, body) = reply else {
        panic!()
    };
    assert_eq!(error_of(&body), "expired_token");
    assert_eq!(
        body["error_description"],
        "The access token provided has expired"
    );
    sim.settings.token_lifetime = 3600;
    let (fresh, _) = sim.refresh_token(&refresh).expect("refreshes");
    assert!(
        sim.refresh_token(&refresh).is_none(),
        "refresh tokens are single-use"
    );
    let reply = handle(&mut sim, "user.current", Map::new(), Some(&fresh), "c");
    assert!(matches!(reply, Reply::Json(200, _)));
}

#[test]
fn success_envelope_has_time() {
    let mut sim = sim();
    let (status, body) = form_call(&mut sim, "user.current", "");
    assert_eq!(status, 200);
    assert_eq!(body["result"]["ID"], "1");
    for key in [
        "start",
        "finish",
        "duration",
        "processing",
        "date_start",
        "date_finish",
        "operating_reset_at",
        "operating",
    ] {
        assert!(body["time"].get(key).is_some(), "time.{key}");
    }
    assert!(body.get("total").is_none(), "user.current has no total");
    assert!(
        body["result"]["TIMESTAMP_X"].is_string(),
        "text in user.current"
    );
}

#[test]
fn scopes_hide_fields_and_gate_methods() {
    let mut sim = sim();
    sim.settings.scopes = vec!["user_brief".into()];
    let (status, body) = form_call(&mut sim, "user.get", "ID=2");
    assert_eq!(status, 200);
    let user = &body["result"][0];
    assert!(user.get("EMAIL").is_none());
    assert!(user.get("UF_PHONE_INNER").is_some());
    assert_eq!(user["TIMESTAMP_X"], json!({}), "{{}} in user.get");
    // Filtering on a hidden field is silently ignored: it matches everyone.
    let (_, body) = form_call(&mut sim, "user.get", "EMAIL=nobody@x");
    assert_eq!(body["total"], 300);
    let (status, body) = form_call(&mut sim, "department.get", "");
    assert_eq!((status, error_of(&body)), (401, "insufficient_scope"));
    sim.settings.scopes = vec!["user".into()];
    let (_, body) = form_call(&mut sim, "user.get", "ID=2");
    assert!(body["result"][0].get("LAST_LOGIN").is_some());
    let (_, body) = form_call(&mut sim, "scope", "");
    assert_eq!(body["result"], json!(["user"]));
}

#[test]
fn user_get_paging() {
    let mut sim = sim();
    let (_, body) = form_call(&mut sim, "user.get", "");
    assert_eq!(
        (body["total"].as_u64(), body["next"].as_u64()),
        (Some(300), Some(50))
    );
    assert_eq!(body["result"].as_array().unwrap().len(), 50);
    let (_, body) = form_call(&mut sim, "user.get", "start=250");
    assert_eq!(body["result"].as_array().unwrap().len(), 50);
    assert!(body.get("next").is_none());
    assert_eq!(body["result"][0]["ID"], "251");
    let (_, body) = form_call(&mut sim, "user.get", "start=-1");
    assert!(body.get("total").is_none() && body.get("next").is_none());
    assert_eq!(body["result"].as_array().unwrap().len(), 50);
    let (_, body) = form_call(&mut sim, "user.get", "ID=99999");
    assert_eq!(body["result"], json!([]));
    assert!(body.get("total").is_none(), "no total when nothing matched");
}

#[test]
fn user_get_filters_and_sorting() {
    let mut sim = sim();
    // The ID cursor: order by ID, filter past the last id, start=-1.
    let (_, body) = form_call(
        &mut sim,
        "user.get",
        "SORT=ID&ORDER=ASC&FILTER[>ID]=100&start=-1",
    );
    assert_eq!(body["result"][0]["ID"], "101");
    let (_, body) = form_call(&mut sim, "user.get", "%3EID=295");
    assert_eq!(body["total"], 5);
    // SORT without ORDER is ignored: default ID ascending.
    let (_, body) = form_call(&mut sim, "user.get", "SORT=ID");
    assert_eq!(body["result"][0]["ID"], "1");
    let (_, body) = form_call(&mut sim, "user.get", "SORT=ID&ORDER=DESC");
    assert_eq!(body["result"][0]["ID"], "300");
    // A scalar UF_DEPARTMENT matches users listing that department.
    let (_, body) = form_call(&mut sim, "user.get", "UF_DEPARTMENT=1");
    for user in body["result"].as_array().unwrap() {
        assert!(
            user["UF_DEPARTMENT"]
                .as_array()
                .unwrap()
                .contains(&json!(1))
        );
    }
    // FILTER replaces the top-level filter.
    let (_, body) = form_call(&mut sim, "user.get", "ID=2&FILTER[ID]=3");
    assert_eq!(body["result"][0]["ID"], "3");
    let (_, body) = form_call(&mut sim, "user.get", "ACTIVE=true");
    let active = body["total"].as_u64().unwrap();
    assert!(active < 300 && active > 250);
    let (_, body) = form_call(&mut sim, "user.get", "USER_TYPE=extranet");
    assert!(
        body["result"]
            .as_array()
            .unwrap()
            .iter()
            .all(|u| u["USER_TYPE"] == "extranet")
    );
}

#[test]
fn user_search_by_name() {
    let mut sim = sim();
    let name = sim.company.user(5).unwrap().last_name.clone();
    let (_, body) = json_call(&mut sim, "user.search", json!({"FIND": name}));
    assert!(
        body["result"]
            .as_array()
            .unwrap()
            .iter()
            .any(|u| u["ID"] == "5")
    );
    let (status, body) = json_call(
        &mut sim,
        "user.search",
        json!({"FIND": "x", "FILTER": {"NAME": "y"}}),
    );
    assert_eq!((status, error_of(&body)), (400, "ERROR_ARGUMENT"));
}

#[test]
fn departments() {
    let mut sim = sim();
    let (_, body) = form_call(&mut sim, "department.get", "ID=1");
    let root = &body["result"][0];
    assert_eq!(root["ID"], "1");
    assert!(root.get("PARENT").is_none(), "the root has no PARENT key");
    assert!(root["SORT"].is_i64());
    let (_, body) = form_call(&mut sim, "department.get", "");
    let rows = body["result"].as_array().unwrap();
    assert!(
        rows.iter().any(|d| d.get("UF_HEAD").is_none()),
        "some have no head"
    );
    // Only lower-case start pages; START is ignored.
    let (_, paged) = form_call(&mut sim, "department.get", "start=1");
    let (_, ignored) = form_call(&mut sim, "department.get", "START=1");
    assert_eq!(paged["result"][0]["ID"], "2");
    assert_eq!(ignored["result"][0]["ID"], "1");
    // Keys are case-sensitive here.
    let all = sim.company.departments.len() as u64;
    let (_, body) = form_call(&mut sim, "department.get", "id=3");
    assert_eq!(body["total"], all, "a lower-case key filters nothing");
    let (_, body) = form_call(&mut sim, "department.get", "ID=3");
    assert_eq!(body["total"], 1);
}

#[test]
fn im_user_get() {
    let mut sim = sim();
    let (_, body) = form_call(&mut sim, "im.user.get", "ID=2");
    let user = &body["result"];
    assert_eq!(user["id"], 2);
    assert!(user["absent"].is_boolean() || user["absent"].is_string());
    assert!(user["departments"].is_array());
    let (status, body) = form_call(&mut sim, "im.user.get", "ID=999999");
    assert_eq!((status, error_of(&body)), (400, "USER_NOT_EXISTS"));
    let (_, body) = form_call(&mut sim, "im.user.get", "");
    assert_eq!(body["result"]["id"], 1, "defaults to the current user");
}

#[test]
fn batch_with_macros_halt_and_limits() {
    let mut sim = sim();
    let form = "halt=0&cmd[me]=user.current&cmd[dep]=department.get%3FID%3D%24result%5Bme%5D%5BUF_DEPARTMENT%5D\
                &cmd[bad]=no.such&cmd[text]=user.get%3FNAME_SEARCH%3Dx%24result%5Bme%5D%5BID%5D";
    let (status, body) = form_call(&mut sim, "batch", form);
    assert_eq!(status, 200);
    let result = &body["result"];
    assert_eq!(result["result"]["me"]["ID"], "1");
    assert_eq!(
        result["result"]["dep"][0]["ID"], "1",
        "raw array substituted for ID"
    );
    assert_eq!(
        result["result_error"]["bad"]["error"],
        "ERROR_METHOD_NOT_FOUND"
    );
    assert!(result["result_total"].get("dep").is_some());
    assert!(result["result_time"]["me"]["duration"].is_number());

    let (_, body) = form_call(
        &mut sim,
        "batch",
        "halt=1&cmd[a]=no.such&cmd[b]=user.current",
    );
    assert!(
        body["result"]["result"].is_array(),
        "empty maps serialise as []"
    );
    assert!(body["result"]["result_error"].get("a").is_some());
    assert!(
        body["result"]["result_error"].get("b").is_none(),
        "skipped after halt"
    );

    let many: Vec<String> = (0..55).map(|i| format!("cmd[c{i}]=scope")).collect();
    let (_, body) = form_call(&mut sim, "batch", &many.join("&"));
    assert_eq!(body["result"]["result"].as_object().unwrap().len(), 50);
    assert_eq!(
        body["result"]["result_error"]["c54"]["error"],
        "ERROR_BATCH_LENGTH_EXCEEDED"
    );

    let (_, body) = form_call(&mut sim, "batch", "cmd[0]=batch&cmd[1]=scope");
    assert_eq!(
        body["result"]["result_error"]["0"]["error"],
        "ERROR_BATCH_METHOD_NOT_ALLOWED"
    );
    assert!(body["result"]["result"].get("1").is_some());

    sim.settings.scopes = vec!["user".into()];
    let (_, body) = form_call(&mut sim, "batch", "cmd[d]=department.get");
    assert_eq!(
        body["result"]["result_error"]["d"],
        json!({"error": "insufficient_scope", "error_description": ""})
    );
}

#[test]
fn batch_id_cursor_pages_chain_through_macros() {
    let mut sim = sim();
    let form = "cmd[p0]=user.get%3FSORT%3DID%26ORDER%3DASC%26%3EID%3D0%26start%3D-1\
                &cmd[p1]=user.get%3FSORT%3DID%26ORDER%3DASC%26%3EID%3D%24result%5Bp0%5D%5B49%5D%5BID%5D%26start%3D-1";
    let (_, body) = form_call(&mut sim, "batch", form);
    assert_eq!(body["result"]["result"]["p1"][0]["ID"], "51");
    assert_eq!(body["result"]["result"]["p1"].as_array().unwrap().len(), 50);
}

#[test]
fn rate_limit_bucket() {
    let mut sim = sim();
    let auth = token(&mut sim);
    let mut statuses = Vec::new();
    for _ in 0..52 {
        match handle(&mut sim, "scope", Map::new(), Some(&auth), "10.0.0.1") {
            Reply::Json(status, _) => statuses.push(status),
            other => panic!("{other:?}"),
        }
    }
    assert!(statuses[..50].iter().all(|s| *s == 200));
    assert_eq!(statuses[50], 503);
    // Another client has its own bucket.
    assert!(matches!(
        handle(&mut sim, "scope", Map::new(), Some(&auth), "10.0.0.2"),
        Reply::Json(200, _)
    ));
}

#[test]
fn faults() {
    let mut sim = sim();
    sim.settings.fault = Fault::RateLimitStorm;
    let (status, body) = form_call(&mut sim, "scope", "");
    assert_eq!((status, error_of(&body)), (503, "QUERY_LIMIT_EXCEEDED"));
    sim.settings.fault = Fault::OperatingLimit;
    let (status, _) = form_call(&mut sim, "scope", "");
    assert_eq!(status, 429);
    sim.settings.fault = Fault::ServerError;
    sim.settings.fault_count = 1;
    let (status, _) = form_call(&mut sim, "scope", "");
    assert_eq!(status, 500);
    let (status, _) = form_call(&mut sim, "scope", "");
    assert_eq!(status, 200, "the fault cleared itself after one request");
    sim.settings.fault = Fault::MalformedJson;
    let auth = token(&mut sim);
    let Reply::Raw(200, text) = handle(&mut sim, "scope", Map::new(), Some(&auth), "c") else {
        panic!()
    };
    assert!(serde_json::from_str::<Value>(&text).is_err());
    sim.settings.fault = Fault::DropConnection;
    assert_eq!(
        handle(&mut sim, "scope", Map::new(), Some(&auth), "c"),
        Reply::Drop
    );
    sim.settings.fault = Fault::PartialBatch;
    let (_, body) = form_call(&mut sim, "batch", "cmd[a]=scope&cmd[b]=scope");
    assert!(body["result"]["result"].get("a").is_some());
    assert_eq!(
        body["result"]["result_error"]["b"]["error"],
        "ACCESS_DENIED"
    );
}

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
fn dates_and_method_names() {
    assert_eq!(iso_date(0), "1970-01-01T00:00:00+00:00");
    assert_eq!(iso_date(1_732_352_400), "2024-11-23T09:00:00+00:00");
    assert_eq!(method_name("User.Get.json"), "user.get");
    assert_eq!(method_name("batch"), "batch");
}

/// Whether `reply` shows `fault`'s effect.
fn shows(fault: Fault, reply: &Reply) -> bool {
    let code = |reply: &Reply| match reply {
        Reply::Json(_, body) => body["error"].as_str().unwrap_or("").to_owned(),
        _ => String::new(),
    };
    match fault {
        Fault::RateLimitStorm => code(reply) == "QUERY_LIMIT_EXCEEDED",
        Fault::OperatingLimit => code(reply) == "OPERATION_TIME_LIMIT",
        Fault::ServerError => code(reply) == "INTERNAL_SERVER_ERROR",
        Fault::DropConnection => *reply == Reply::Drop,
        Fault::Slow => matches!(reply, Reply::Slow(_)),
        Fault::MalformedJson => matches!(reply, Reply::Raw(..)),
        Fault::ExpireTokens => code(reply) == "expired_token",
        Fault::PartialBatch => {
            matches!(reply, Reply::Json(200, body) if body["result"]["result_error"]["b"]["error"] == "ACCESS_DENIED")
        }
        Fault::None => false,
    }
}

#[test]
fn a_fault_with_count_n_hits_exactly_n_requests_and_counts_them() {
    let faults = [
        Fault::RateLimitStorm,
        Fault::OperatingLimit,
        Fault::ServerError,
        Fault::DropConnection,
        Fault::Slow,
        Fault::MalformedJson,
        Fault::ExpireTokens,
        Fault::PartialBatch,
    ];
    for fault in faults {
        let mut sim = sim();
        sim.settings.fault = fault;
        sim.settings.fault_count = 2;
        let auth = token(&mut sim);
        let hit: Vec<bool> = (0..3)
            .map(|_| {
                let params = parse_form("cmd[a]=scope&cmd[b]=scope");
                shows(fault, &handle(&mut sim, "batch", params, Some(&auth), "c"))
            })
            .collect();
        assert_eq!(hit, [true, true, false], "{fault:?}");
        assert_eq!(sim.faults_fired(fault), 2, "{fault:?}");
        assert_eq!(sim.faults_fired(Fault::None), 0);
    }
}

#[test]
fn the_fault_counts_reach_the_log_and_reset_clears_them() {
    let mut sim = sim();
    sim.settings.fault = Fault::ServerError;
    sim.settings.fault_count = 1;
    assert_eq!(sim.first_fault_at_ms(), None);
    let before = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_millis() as u64;
    form_call(&mut sim, "scope", "");
    assert_eq!(sim.fired_json(), json!({"server_error": 1}));
    let first = sim.first_fault_at_ms().expect("timed");
    assert!(first >= before && first < before + 5_000);
    sim.reset(false);
    assert_eq!(sim.fired_json(), json!({}));
    assert_eq!(sim.first_fault_at_ms(), None);
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

#[test]
fn a_refresh_after_another_sign_in_issues_that_users_token() {
    let mut sim = sim();
    let (_, refresh) = sim.issue_token(1);
    sim.settings.session_user = Some(3);
    let (access, _) = sim.refresh_token(&refresh).unwrap();
    assert_eq!(sim.token(&access, Fault::None).unwrap().user_id, 3);
    assert!(sim.refresh_token(&refresh).is_none(), "single use");
}
