//! The envelope, tokens, scopes and names: what every answer shares.

use super::*;

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
fn dates_and_method_names() {
    assert_eq!(iso_date(0), "1970-01-01T00:00:00+00:00");
    assert_eq!(iso_date(1_732_352_400), "2024-11-23T09:00:00+00:00");
    assert_eq!(method_name("User.Get.json"), "user.get");
    assert_eq!(method_name("batch"), "batch");
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
