//! The token.

use super::*;

#[test]
fn concurrent_refusals_share_one_refresh_and_each_call_goes_once_more() {
    let fake = portal(|_, _| ok(json!("fine")));
    fake.accept("token-2");
    let rest = client(&fake, "token-1");
    let (a, b, c) = block_on(futures::future::join3(
        rest.call::<Value, _>("user.get", &()),
        rest.call::<Value, _>("tasks.task.add", &()),
        rest.call::<Value, _>("scope", &()),
    ));
    assert!(a.is_ok() && b.is_ok() && c.is_ok());
    assert_eq!(fake.refreshes(), 1);
    let sent = fake.sent();
    assert_eq!(sent.len(), 6);
    assert!(
        sent[3..]
            .iter()
            .all(|s| s.field("auth").as_deref() == Some("token-2"))
    );
    assert_eq!(rest.auth().unwrap().access_token(), "token-2");
}

#[test]
fn a_portal_refusing_every_token_ends_the_session_after_3_refreshes_and_nothing_more_is_sent() {
    let fake = portal(|_, _| ok(json!(1)));
    fake.accept("never");
    let rest = client(&fake, "token-1");
    let ended = Rc::new(RefCell::new(Vec::new()));
    let seen = ended.clone();
    rest.on_session_end(move |error| seen.borrow_mut().push(error.clone()));
    let error = block_on(rest.call::<Value, _>("user.get", &())).unwrap_err();
    assert_eq!(error.rest_code(), Some("expired_token"));
    assert!(
        error
            .to_string()
            .contains("3 refreshed tokens were refused"),
        "{error}"
    );
    assert_eq!(fake.refreshes(), 3);
    assert_eq!(
        fake.sent().len(),
        4,
        "the first token and three refreshed ones"
    );
    let again = block_on(rest.call::<Value, _>("user.get", &())).unwrap_err();
    assert_eq!(again, error);
    assert_eq!(fake.sent().len(), 4, "nothing after the session ended");
    assert_eq!(fake.refreshes(), 3);
    assert_eq!(ended.borrow().len(), 1);
    assert!(rest.ended().is_some());
}

#[test]
fn a_refresh_answering_an_expired_token_ends_the_session_in_one_round_trip() {
    let fake = portal(|_, _| ok(json!(1)));
    fake.0.borrow_mut().refresher = Box::new(|_, _| Ok(Auth::new("token-2", 0.0)));
    let auth = Auth::new("token-1", 1.0); // expired locally
    let rest = Rest::new(fake.clone(), "https://p.test/rest/", Some(auth), &options());
    let error = block_on(rest.call::<Value, _>("user.get", &())).unwrap_err();
    assert_eq!(error.rest_code(), Some("expired_token"));
    assert_eq!(fake.refreshes(), 1);
    assert!(fake.sent().is_empty(), "nothing sent with a dead token");
    let _ = block_on(rest.call::<Value, _>("user.get", &()));
    assert_eq!(fake.refreshes(), 1, "no loop");
}

#[test]
fn a_silent_parent_is_a_timeout_and_the_session_goes_on() {
    let fake = portal(|_, _| ok(json!(1)));
    fake.0.borrow_mut().refresher = Box::new(|_, _| {
        Err(Error::Timeout {
            operation: "BX24.refreshAuth".into(),
            after_ms: 5_000,
        })
    });
    let rest = Rest::new(fake.clone(), "https://p.test/rest/", None, &options());
    let error = block_on(rest.call::<Value, _>("user.get", &())).unwrap_err();
    assert!(matches!(error, Error::Timeout { .. }));
    assert!(rest.ended().is_none());
    fake.0.borrow_mut().refresher = Box::new(|_, _| Ok(Auth::new("token-1", 1_000_000.0 + HOUR)));
    block_on(rest.call::<Value, _>("user.get", &())).unwrap();
}

#[test]
fn a_refusal_the_parent_never_answers_stays_the_reason() {
    let fake = portal(|_, _| ok(json!(1)));
    fake.accept("token-2");
    fake.0.borrow_mut().refresher = Box::new(|_, _| {
        Err(Error::Timeout {
            operation: "BX24.refreshAuth".into(),
            after_ms: 5_000,
        })
    });
    let rest = client(&fake, "token-1");
    let error = block_on(rest.call::<Value, _>("user.get", &())).unwrap_err();
    assert_eq!(error.rest_code(), Some("expired_token"), "{error}");
    assert_eq!((fake.sent().len(), fake.refreshes()), (1, 1));
}

#[test]
fn a_refreshed_token_of_another_user_ends_the_session_before_anything_is_resent() {
    let fake = portal(|sent, _| match sent.method() {
        "user.current" => ok(json!({"ID": "7"})),
        _ => ok(json!(1)),
    });
    fake.accept("token-2");
    let rest = client(&fake, "token-1");
    rest.pin_user(3);
    let error = block_on(rest.call::<Value, _>("tasks.task.add", &())).unwrap_err();
    assert_eq!(error, Error::SessionChanged { was: 3, now: 7 });
    let methods: Vec<_> = fake.sent().iter().map(|s| s.method().to_owned()).collect();
    assert_eq!(
        methods,
        ["tasks.task.add", "user.current"],
        "the write is not resent"
    );
    assert!(block_on(rest.call::<Value, _>("user.get", &())).is_err());
    assert_eq!(fake.sent().len(), 2);
}

#[test]
fn a_refreshed_token_of_the_same_user_carries_on() {
    let fake = portal(|sent, _| match sent.method() {
        "user.current" => ok(json!({"ID": "3"})),
        _ => ok(json!(1)),
    });
    fake.accept("token-2");
    let rest = client(&fake, "token-1");
    rest.pin_user(3);
    block_on(rest.call::<Value, _>("tasks.task.add", &())).unwrap();
    let methods: Vec<_> = fake.sent().iter().map(|s| s.method().to_owned()).collect();
    assert_eq!(
        methods,
        ["tasks.task.add", "user.current", "tasks.task.add"]
    );
}

#[test]
fn tokens_are_refreshed_ahead_of_expiry() {
    let fake = portal(|_, _| ok(json!(1)));
    let rest = client(&fake, "token-1");
    assert_eq!(rest.refresh_due_in_ms(), Some(55 * 60 * 1_000));
    block_on(rest.refresh_if_due()).unwrap();
    assert_eq!(fake.refreshes(), 0, "not due yet");
    fake.0.borrow_mut().now += 56.0 * 60.0 * 1_000.0;
    fake.0.borrow_mut().refresher =
        Box::new(|_, _| Ok(Auth::new("token-2", 1_000_000.0 + 2.0 * HOUR)));
    assert_eq!(rest.refresh_due_in_ms(), Some(0));
    block_on(rest.refresh_if_due()).unwrap();
    assert_eq!(fake.refreshes(), 1);
    assert_eq!(rest.auth().unwrap().access_token(), "token-2");
    assert!(rest.refresh_due_in_ms().unwrap() > 50 * 60 * 1_000);
}
