//! Reads: users, their search, departments, the messenger's user.

use super::*;

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
fn user_get_finds_people_by_any_interest_or_skill_ignoring_case() {
    let mut sim = sim();
    let sharing = |sim: &Sim, tag: &str| -> Vec<String> {
        let mut ids: Vec<String> = sim
            .company
            .users
            .iter()
            .filter(|u| u.active && u.profile.interests.iter().any(|i| i.to_lowercase() == tag))
            .map(|u| u.id.to_string())
            .collect();
        ids.truncate(50);
        ids
    };
    let expected = sharing(&sim, "chess");
    assert!(expected.len() > 2, "the demo company shares interests");
    let (_, body) = json_call(
        &mut sim,
        "user.get",
        json!({"FILTER": {"UF_INTERESTS": "CHESS", "ACTIVE": true}}),
    );
    let found: Vec<String> = body["result"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["ID"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(found, expected);
    // Gapped lists (a PHP array with holes) are searched too.
    let gapped = sim
        .company
        .users
        .iter()
        .find(|u| u.id % 7 == 0 && u.profile.skills.len() > 1)
        .map(|u| (u.id, u.profile.skills[1].clone()))
        .expect("someone with a gapped list of skills");
    let record = &json_call(&mut sim, "user.get", json!({"ID": gapped.0})).1["result"][0];
    assert!(record["UF_SKILLS"].is_object(), "{record}");
    let (_, body) = json_call(
        &mut sim,
        "user.get",
        json!({"FILTER": {"UF_SKILLS": gapped.1, "ID": gapped.0}}),
    );
    assert_eq!(body["total"], 1);
    // Nobody has an empty field's `false` as a value.
    let (_, body) = json_call(&mut sim, "user.get", json!({"FILTER": {"UF_SKILLS": "N"}}));
    assert_eq!(body["result"], json!([]));
    // `user.search` cannot filter on interests: the key is not among its fields.
    let (_, body) = json_call(
        &mut sim,
        "user.search",
        json!({"FILTER": {"UF_INTERESTS": "chess"}}),
    );
    assert_eq!(
        body["total"], 300,
        "ignored, as every key user.search does not know"
    );
}

#[test]
fn calendar_settings_follow_the_simulators_settings() {
    let mut sim = sim();
    sim.settings.week_holidays = vec!["FR".into(), "SA".into()];
    let (status, body) = json_call(&mut sim, "calendar.settings.get", json!({}));
    assert_eq!(status, 200);
    assert_eq!(body["result"]["work_time_start"], "9");
    assert_eq!(body["result"]["work_time_end"], "18");
    assert_eq!(body["result"]["week_holidays"], json!(["FR", "SA"]));
}
