//! Batch.

use super::*;

#[wasm_bindgen_test]
async fn batch_with_references_and_per_key_results() {
    let bx24 = connected(json!({"users": 10, "rest": {
        "user.current": [{"status": 200, "body": {"result": {"ID": "4", "NAME": "User 4"}}}],
        "im.user.get": [{"status": 401, "body": {"error": "insufficient_scope", "error_description": ""}}]
    }}))
    .await;
    let mut batch = Batch::new();
    let me = batch.add::<User, _>("me", "user.current", &()).unwrap();
    let same = batch
        .add::<Vec<User>, _>("same", "user.get", &json!({"ID": me.reference(&["ID"])}))
        .unwrap();
    let im = batch
        .add::<Value, _>("im", "im.user.get", &json!({"ID": me.reference(&["ID"])}))
        .unwrap();
    let results = bx24.batch(&batch).await.unwrap();
    assert_eq!(results.get(&me).unwrap().data.id, "4");
    let same = results.get(&same).unwrap();
    assert_eq!(same.data[0].name, "User 4");
    assert_eq!(same.total, Some(1));
    assert_eq!(
        results.get(&im).unwrap_err().rest_code(),
        Some("insufficient_scope")
    );
    assert_eq!(rest_log("batch").len(), 1, "one HTTP request");
}

#[wasm_bindgen_test]
async fn big_batches_go_out_in_chunks_of_50_with_references_resolved_between_them() {
    let bx24 = connected(json!({"users": 10})).await;
    let mut batch = Batch::new();
    let first = batch
        .add::<Vec<User>, _>("u0", "user.get", &json!({"ID": 3}))
        .unwrap();
    let mut keys = Vec::new();
    for n in 1..120 {
        keys.push(
            batch
                .add::<Vec<User>, _>(
                    &format!("u{n}"),
                    "user.get",
                    &json!({"ID": first.reference(&["0", "ID"])}),
                )
                .unwrap(),
        );
    }
    let results = bx24.batch(&batch).await.unwrap();
    assert_eq!(rest_log("batch").len(), 3);
    assert_eq!(results.answered(), 120);
    for key in &keys {
        assert_eq!(results.get(key).unwrap().data[0].id, "3", "{}", key.key());
    }
    // The 51st command travelled in the second request with the value already filled in.
    let batched = log()["batched"].as_array().unwrap().clone();
    let u50 = batched.iter().find(|b| b["key"] == "u50").unwrap();
    assert_eq!(u50["params"]["ID"], "3");
}

#[wasm_bindgen_test]
async fn halt_stops_the_batch_and_later_commands_are_skipped() {
    let bx24 = connected(json!({"users": 5})).await;
    let mut batch = Batch::new().halt(true);
    let mut keys = Vec::new();
    for n in 0..60 {
        let method = if n == 10 { "no.such" } else { "user.get" };
        keys.push(
            batch
                .add::<Value, _>(&format!("k{n}"), method, &json!({"ID": 1}))
                .unwrap(),
        );
    }
    let results = bx24.batch(&batch).await.unwrap();
    assert!(results.get(&keys[9]).is_ok());
    assert_eq!(
        results.get(&keys[10]).unwrap_err().rest_code(),
        Some("ERROR_METHOD_NOT_FOUND")
    );
    assert_eq!(results.get(&keys[11]), Err(Error::Skipped("k11".into())));
    assert_eq!(results.get(&keys[55]), Err(Error::Skipped("k55".into())));
    assert_eq!(
        rest_log("batch").len(),
        1,
        "the second chunk was never sent"
    );
}

#[wasm_bindgen_test]
async fn a_batch_refused_for_its_token_goes_again_with_a_fresh_one() {
    let bx24 = connected(json!({"users": 3, "rest": {"batch": [
        {"status": 401, "body": {"error": "NO_AUTH_FOUND", "error_description": "Wrong authorization data"}, "once": true}
    ]}}))
    .await;
    let mut batch = Batch::new();
    let me = batch.add::<User, _>("me", "user.current", &()).unwrap();
    let results = bx24.batch(&batch).await.unwrap();
    assert_eq!(results.get(&me).unwrap().data.id, "1");
    let auths: Vec<_> = rest_log("batch")
        .iter()
        .map(|c| c["auth"].clone())
        .collect();
    assert_eq!(auths, [json!("token-1"), json!("token-2")]);
}

#[wasm_bindgen_test]
async fn a_portal_refusing_every_token_ends_the_session_and_sends_nothing_more() {
    let bx24 = connected(json!({"users": 3, "rest": {"user.get": [
        {"status": 401, "body": {"error": "invalid_token", "error_description": "The access token provided is invalid"}}
    ]}}))
    .await;
    let err = bx24.call::<Value, _>("user.get", &()).await.unwrap_err();
    assert_eq!(err.rest_code(), Some("invalid_token"));
    assert_eq!(
        rest_log("user.get").len(),
        4,
        "the first token and 3 refreshed ones"
    );
    assert_eq!(refreshes(), 3);
    assert!(bx24.call::<Value, _>("user.current", &()).await.is_err());
    sleep(100).await;
    assert_eq!(rest_log("user.current").len(), 0, "nothing after the end");
}

#[wasm_bindgen_test]
async fn a_refresh_answering_an_expired_token_ends_the_session_after_one_round_trip() {
    // The token expires a second after the frame opened; every refresh answers AUTH_EXPIRES 0.
    let bx24 = connected(json!({"users": 3, "authExpires": 1, "refreshExpires": 0})).await;
    sleep(1_100).await;
    let err = bx24
        .call::<Value, _>("user.current", &())
        .await
        .err()
        .unwrap();
    assert_eq!(err.rest_code(), Some("expired_token"), "{err:?}");
    assert_eq!(message(&err), profile_widget::i18n::Msg::ErrSessionExpired);
    sleep(200).await;
    assert_eq!(refreshes(), 1, "one refresh, not a loop");
    assert!(
        rest_log("user.current").is_empty(),
        "nothing sent with a dead token"
    );
}
