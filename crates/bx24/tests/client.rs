//! The REST client over a scripted transport, natively: retries by real status, the rate
//! limit, token refresh (shared, bounded, same user), batches across chunks, the ID cursor.
//! The clock is virtual: sleeps advance it at once and are recorded.

use bx24::{
    Auth, Batch, Error, Failure, HttpAnswer, ListRequest, Options, Rest, RetryPolicy, Transport,
};
use futures::StreamExt;
use futures::executor::block_on;
use serde_json::{Value, json};
use std::cell::RefCell;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll};

/// One request the fake portal received.
#[derive(Clone, Debug)]
struct Sent {
    url: String,
    body: String,
}

impl Sent {
    fn method(&self) -> &str {
        let method = self.url.rsplit('/').next().unwrap();
        method.strip_suffix(".json").unwrap()
    }

    /// A form field's decoded value.
    fn field(&self, name: &str) -> Option<String> {
        self.body.split('&').find_map(|pair| {
            let (key, value) = pair.split_once('=')?;
            (key == name).then(|| decode(value))
        })
    }
}

/// The pairs of a form body, sorted (object keys follow serde_json's map order).
fn pairs(body: &str) -> Vec<&str> {
    let mut pairs: Vec<_> = body.split('&').collect();
    pairs.sort_unstable();
    pairs
}

fn decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            out.push(u8::from_str_radix(&text[i + 1..i + 3], 16).unwrap());
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).unwrap()
}

type Server = Box<dyn FnMut(&Sent, &str) -> Result<HttpAnswer, Failure>>;
type Refresher = Box<dyn FnMut(u32) -> Result<Auth, Error>>;

struct State {
    now: f64,
    sent: Vec<Sent>,
    sleeps: Vec<u32>,
    refreshes: u32,
    /// The token the portal accepts.
    valid: String,
    server: Server,
    refresher: Refresher,
}

#[derive(Clone)]
struct Fake(Rc<RefCell<State>>);

/// Lets other futures run once, as a real network would.
struct YieldOnce(bool);

impl Future for YieldOnce {
    type Output = ();
    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        if self.0 {
            Poll::Ready(())
        } else {
            self.0 = true;
            cx.waker().wake_by_ref();
            Poll::Pending
        }
    }
}

impl Transport for Fake {
    async fn post(&self, url: &str, body: String, _timeout_ms: u32) -> Result<HttpAnswer, Failure> {
        let sent = Sent {
            url: url.into(),
            body,
        };
        self.0.borrow_mut().sent.push(sent.clone());
        YieldOnce(false).await;
        let mut state = self.0.borrow_mut();
        let valid = state.valid.clone();
        if sent.field("auth").as_deref() != Some(valid.as_str()) {
            return Ok(answer(
                401,
                json!({"error": "expired_token", "error_description": "The access token provided has expired"}),
            ));
        }
        (state.server)(&sent, &valid)
    }

    async fn refresh_auth(&self) -> Result<Auth, Error> {
        YieldOnce(false).await;
        let mut state = self.0.borrow_mut();
        state.refreshes += 1;
        let n = state.refreshes;
        (state.refresher)(n)
    }

    async fn sleep(&self, ms: u32) {
        let mut state = self.0.borrow_mut();
        state.now += f64::from(ms);
        state.sleeps.push(ms);
    }

    fn now_ms(&self) -> f64 {
        self.0.borrow().now
    }

    fn random(&self) -> f64 {
        0.5
    }
}

const HOUR: f64 = 3_600_000.0;

fn answer(status: u16, body: Value) -> HttpAnswer {
    HttpAnswer {
        status,
        body: Some(body),
    }
}

fn ok(result: Value) -> Result<HttpAnswer, Failure> {
    Ok(answer(200, json!({"result": result, "time": {}})))
}

/// A portal accepting `token-1` and handing out `token-N+1` on the N-th refresh.
fn portal(server: impl FnMut(&Sent, &str) -> Result<HttpAnswer, Failure> + 'static) -> Fake {
    Fake(Rc::new(RefCell::new(State {
        now: 1_000_000.0,
        sent: Vec::new(),
        sleeps: Vec::new(),
        refreshes: 0,
        valid: "token-1".into(),
        server: Box::new(server),
        refresher: Box::new(|n| Ok(Auth::new(format!("token-{}", n + 1), 1_000_000.0 + HOUR))),
    })))
}

fn options() -> Options {
    Options {
        retry: RetryPolicy {
            jitter: 0.0,
            ..RetryPolicy::default()
        },
        ..Options::default()
    }
}

fn client(fake: &Fake, token: &str) -> Rest<Fake> {
    let auth = Auth::new(token, fake.0.borrow().now + HOUR);
    Rest::new(fake.clone(), "https://p.test/rest/", Some(auth), &options())
}

impl Fake {
    fn sent(&self) -> Vec<Sent> {
        self.0.borrow().sent.clone()
    }
    fn sleeps(&self) -> Vec<u32> {
        self.0.borrow().sleeps.clone()
    }
    fn refreshes(&self) -> u32 {
        self.0.borrow().refreshes
    }
    /// From now on the portal accepts only `token`.
    fn accept(&self, token: &str) {
        self.0.borrow_mut().valid = token.into();
    }
}

// --- the request ------------------------------------------------------------------------

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

// --- retries by real status -------------------------------------------------------------

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

// --- the token ----------------------------------------------------------------------------

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
    fake.0.borrow_mut().refresher = Box::new(|_| Ok(Auth::new("token-2", 0.0)));
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
    fake.0.borrow_mut().refresher = Box::new(|_| {
        Err(Error::Timeout {
            operation: "BX24.refreshAuth".into(),
            after_ms: 5_000,
        })
    });
    let rest = Rest::new(fake.clone(), "https://p.test/rest/", None, &options());
    let error = block_on(rest.call::<Value, _>("user.get", &())).unwrap_err();
    assert!(matches!(error, Error::Timeout { .. }));
    assert!(rest.ended().is_none());
    fake.0.borrow_mut().refresher = Box::new(|_| Ok(Auth::new("token-1", 1_000_000.0 + HOUR)));
    block_on(rest.call::<Value, _>("user.get", &())).unwrap();
}

#[test]
fn a_refusal_the_parent_never_answers_stays_the_reason() {
    let fake = portal(|_, _| ok(json!(1)));
    fake.accept("token-2");
    fake.0.borrow_mut().refresher = Box::new(|_| {
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
        Box::new(|_| Ok(Auth::new("token-2", 1_000_000.0 + 2.0 * HOUR)));
    assert_eq!(rest.refresh_due_in_ms(), Some(0));
    block_on(rest.refresh_if_due()).unwrap();
    assert_eq!(fake.refreshes(), 1);
    assert_eq!(rest.auth().unwrap().access_token(), "token-2");
    assert!(rest.refresh_due_in_ms().unwrap() > 50 * 60 * 1_000);
}

// --- batches and lists --------------------------------------------------------------------

/// Answers a batch with `{"ID": "<n>"}` for every command `c<n>`.
fn numbered_batch(sent: &Sent) -> Result<HttpAnswer, Failure> {
    let mut results = serde_json::Map::new();
    for pair in sent.body.split('&') {
        if let Some(rest) = pair.strip_prefix("cmd[c") {
            let n = rest.split(']').next().unwrap();
            results.insert(format!("c{n}"), json!({"ID": n}));
        }
    }
    ok(json!({"result": results, "result_error": [], "result_total": [], "result_next": []}))
}

#[test]
fn big_batches_go_in_chunks_of_50_with_references_resolved_between_them() {
    let fake = portal(|sent, _| numbered_batch(sent));
    let rest = client(&fake, "token-1");
    let mut batch = Batch::new();
    let mut keys = Vec::new();
    for n in 0..60 {
        let params = if n == 55 {
            json!({"ID": "$result[c7][ID]"})
        } else {
            json!({})
        };
        keys.push(
            batch
                .add::<Value, _>(&format!("c{n}"), "user.current", &params)
                .unwrap(),
        );
    }
    let results = block_on(rest.batch(&batch)).unwrap();
    assert_eq!(results.get(&keys[59]).unwrap().data, json!({"ID": "59"}));
    let sent = fake.sent();
    assert_eq!(sent.len(), 2);
    assert_eq!(sent[0].field("halt").as_deref(), Some("0"));
    assert_eq!(
        sent[1].field("cmd[c55]").as_deref(),
        Some("user.current?ID=7")
    );
}

#[test]
fn the_id_cursor_reads_a_list_in_two_requests_and_stops_on_a_short_page() {
    let fake = portal(|sent, _| {
        let users = |from: u32, to: u32| {
            json!(
                (from..=to)
                    .map(|id| json!({"ID": id.to_string()}))
                    .collect::<Vec<_>>()
            )
        };
        match sent.method() {
            "user.get" => Ok(answer(
                200,
                json!({"result": users(1, 50), "total": 120, "next": 50}),
            )),
            _ => ok(
                json!({"result": {"p0": users(51, 100), "p1": users(101, 120)}, "result_error": [], "result_total": [], "result_next": []}),
            ),
        }
    });
    let rest = client(&fake, "token-1");
    let request = ListRequest::new("user.get", &json!({"ACTIVE": true})).unwrap();
    let pages: Vec<_> = block_on(rest.list::<Value>(request).collect::<Vec<_>>());
    let last = pages.last().unwrap().as_ref().unwrap();
    assert_eq!((last.loaded, last.requests, last.capped), (120, 2, false));
    let sent = fake.sent();
    assert_eq!(
        pairs(&sent[0].body),
        ["ACTIVE=true", "ORDER=ASC", "SORT=ID", "auth=token-1"]
    );
    let first_page = decode(&sent[1].field("cmd[p0]").unwrap());
    assert!(
        first_page.contains(">ID=50") && first_page.contains("start=-1"),
        "{first_page}"
    );
    let second_page = decode(&sent[1].field("cmd[p1]").unwrap());
    assert!(
        second_page.contains(">ID=$result[p0][49][ID]"),
        "{second_page}"
    );
}
