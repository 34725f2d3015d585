//! Retries by real status.

use super::*;

#[test]
fn rate_limits_wait_1_5_then_2_25_seconds_and_give_up_after_3_attempts_writes_too() {
    let fake = portal(|_, _| {
        Ok(answer(
            503,
            json!({"error": "QUERY_LIMIT_EXCEEDED", "error_description": "Too many requests"}),
        ))
    });
    let rest = client(&fake, "token-1");
    let notices = Rc::new(RefCell::new(Vec::new()));
    let seen = notices.clone();
    rest.on_retry(move |notice| seen.borrow_mut().push(notice.delay_ms));
    let error =
        block_on(rest.call::<Value, _>("tasks.task.add", &json!({"fields": {"TITLE": "x"}})))
            .unwrap_err();
    assert_eq!(error.rest_code(), Some("QUERY_LIMIT_EXCEEDED"));
    assert!(error.to_string().contains("HTTP 503"), "{error}");
    assert_eq!(fake.sent().len(), 3);
    assert_eq!(fake.sleeps(), [1_500, 2_250]);
    assert_eq!(*notices.borrow(), [1_500, 2_250]);
}

#[test]
fn the_operating_time_limit_waits_10_seconds() {
    let mut first = true;
    let fake = portal(move |_, _| {
        if std::mem::take(&mut first) {
            Ok(answer(429, json!({"error": "OPERATION_TIME_LIMIT"})))
        } else {
            ok(json!(true))
        }
    });
    let rest = client(&fake, "token-1");
    block_on(rest.call::<Value, _>("user.get", &())).unwrap();
    assert_eq!(fake.sleeps(), [10_000]);
}

#[test]
fn lost_reads_are_retried_with_back_off_and_lost_writes_never() {
    for failure in [Failure::Network, Failure::Timeout] {
        let fake = portal(move |_, _| Err(failure));
        let rest = client(&fake, "token-1");
        let error = block_on(rest.call::<Value, _>("user.get", &())).unwrap_err();
        assert!(matches!(error, Error::Transport { failure: f, .. } if f == failure));
        assert_eq!(fake.sent().len(), 3, "{failure:?}");
        assert_eq!(fake.sleeps(), [1_000, 2_000]);

        let fake = portal(move |_, _| Err(failure));
        let rest = client(&fake, "token-1");
        let error = block_on(rest.call::<Value, _>("tasks.task.add", &())).unwrap_err();
        assert!(error.outcome_unknown(), "{error}");
        assert_eq!(fake.sent().len(), 1, "a write is never sent twice");
    }
}

#[test]
fn a_proxy_page_is_unreadable_with_its_status_and_a_rest_error_is_not_retried() {
    let fake = portal(|_, _| {
        Ok(HttpAnswer {
            status: 502,
            body: None,
        })
    });
    let rest = client(&fake, "token-1");
    let error = block_on(rest.call::<Value, _>("im.message.add", &())).unwrap_err();
    assert!(matches!(
        error,
        Error::Transport {
            failure: Failure::Unreadable { status: 502 },
            ..
        }
    ));
    assert!(error.outcome_unknown());
    assert_eq!(fake.sent().len(), 1);

    let fake = portal(|_, _| {
        Ok(answer(
            403,
            json!({"error": "ACCESS_DENIED", "error_description": "Access denied!"}),
        ))
    });
    let rest = client(&fake, "token-1");
    let error = block_on(rest.call::<Value, _>("user.get", &())).unwrap_err();
    assert_eq!(
        error.to_string(),
        "REST user.get failed with ACCESS_DENIED (HTTP 403): Access denied!"
    );
    assert_eq!(fake.sent().len(), 1);
}

#[test]
fn the_bucket_paces_requests_past_the_burst() {
    let fake = portal(|_, _| ok(json!(1)));
    let options = Options {
        burst: 2,
        ..options()
    };
    let auth = Auth::new("token-1", 1_000_000.0 + HOUR);
    let rest = Rest::new(fake.clone(), "https://p.test/rest/", Some(auth), &options);
    for _ in 0..3 {
        block_on(rest.call::<Value, _>("scope", &())).unwrap();
    }
    assert_eq!(fake.sleeps(), [500], "the third waits for one to drain");
}
