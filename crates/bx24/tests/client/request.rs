//! The request.

use super::*;

#[test]
fn a_call_is_a_form_post_with_the_token_in_the_body_never_in_the_url() {
    let fake = portal(|_, _| ok(json!([{"ID": "42"}])));
    let rest = client(&fake, "token-1");
    let users =
        block_on(rest.call::<Value, _>("user.get", &json!({"ID": 42, "FILTER": {"ACTIVE": true}})))
            .unwrap();
    assert_eq!(users.data, json!([{"ID": "42"}]));
    let sent = fake.sent();
    assert_eq!(sent.len(), 1);
    assert_eq!(sent[0].url, "https://p.test/rest/user.get.json");
    assert_eq!(
        pairs(&sent[0].body),
        ["FILTER[ACTIVE]=true", "ID=42", "auth=token-1"]
    );
    assert!(sent[0].body.starts_with("auth=token-1&"));
}
