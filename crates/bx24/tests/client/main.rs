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
/// The parent page: the refresh's number (from 1) and the clock give the token it answers.
type Refresher = Box<dyn FnMut(u32, f64) -> Result<Auth, Error>>;

struct State {
    now: f64,
    sent: Vec<Sent>,
    sleeps: Vec<u32>,
    refreshes: u32,
    /// The token the portal accepts (`*`: any).
    valid: String,
    /// What the transport's `random()` gives (the retry policy's jitter draws it).
    random: f64,
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
        if valid != "*" && sent.field("auth").as_deref() != Some(valid.as_str()) {
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
        let now = state.now;
        (state.refresher)(n, now)
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
        self.0.borrow().random
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
        random: 0.5,
        server: Box::new(server),
        refresher: Box::new(|n, _| Ok(Auth::new(format!("token-{}", n + 1), 1_000_000.0 + HOUR))),
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
    fn now(&self) -> f64 {
        self.0.borrow().now
    }
    /// The methods sent, in order.
    fn methods(&self) -> Vec<String> {
        self.sent().iter().map(|s| s.method().to_owned()).collect()
    }
    /// From now on the portal accepts only `token`.
    fn accept(&self, token: &str) {
        self.0.borrow_mut().valid = token.into();
    }
}

mod batches;
mod request;
mod retries;
mod token;
mod token_life;
