//! The REST client over a [`Transport`]: single calls and batches with the retry policy, the
//! client-side rate limit, and the token's life (refreshed once for concurrent refusals,
//! bounded, ahead of expiry, and checked to still belong to the same user).

mod session;

use crate::answer::{read, read_batch};
use crate::batch::{
    Batch, BatchResults, Command, Entry, MAX_BATCH_COMMANDS, Response, decode, params_value,
    resolve_references,
};
use crate::error::Error;
use crate::form;
use crate::retry::{LeakyBucket, RetryPolicy, is_read_method};
use crate::transport::Transport;
use crate::{Auth, Options};
use futures::future::{LocalBoxFuture, Shared};
use serde::Serialize;
use serde::de::DeserializeOwned;
use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;

/// Told before each retry: what failed, which attempt, and the wait before the next one.
///
/// ```
/// # fn demo(rest: bx24::Rest<impl bx24::Transport + 'static>) {
/// rest.on_retry(|notice| {
///     let seconds = notice.delay_ms.div_ceil(1000);
///     println!("{} failed ({}), retry {} in {seconds} s", notice.method, notice.error, notice.attempt);
/// });
/// # }
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct RetryNotice {
    /// The REST method (`batch` for batches).
    pub method: String,
    /// The attempt that failed, from 1.
    pub attempt: u32,
    /// The wait before the next attempt.
    pub delay_ms: u32,
    /// What went wrong.
    pub error: Error,
}

/// A REST client for one portal and one user's token. Cheap to clone; clones share the
/// token, the rate limit and the listeners.
///
/// ```
/// # async fn demo(transport: impl bx24::Transport + 'static) -> Result<(), bx24::Error> {
/// let rest = bx24::Rest::new(transport, "https://example.bitrix24.com/rest/", None,
///     &bx24::Options::default());
/// let me = rest.call::<serde_json::Value, _>("user.current", &()).await?;
/// # Ok(()) }
/// ```
pub struct Rest<T> {
    inner: Rc<Inner<T>>,
}

impl<T> Clone for Rest<T> {
    fn clone(&self) -> Self {
        Self {
            inner: self.inner.clone(),
        }
    }
}

type Listener<A> = Option<Rc<dyn Fn(&A)>>;
type Refresh = Shared<LocalBoxFuture<'static, Result<(), Error>>>;

struct Inner<T> {
    transport: T,
    endpoint: String,
    call_timeout_ms: u32,
    retry: RetryPolicy,
    max_refreshes: u32,
    refresh_ahead_ms: u32,
    min_refresh_gap_ms: u32,
    session: RefCell<Session>,
    on_retry: RefCell<Listener<RetryNotice>>,
    on_session_end: RefCell<Listener<Error>>,
}

/// The token and what is known about it.
struct Session {
    auth: Option<Auth>,
    /// Counts the tokens held, so a refusal of an older one does not refresh again.
    generation: u32,
    /// The refresh under way, shared by everyone who needs a token meanwhile.
    refreshing: Option<Refresh>,
    /// Refusals since the portal last accepted a token.
    refusals: u32,
    /// When the token held arrived, and when a refresh was last asked for (ms since the
    /// epoch): refreshing ahead is spaced by these, whatever the token's lifetime.
    received_at_ms: f64,
    last_refresh_at_ms: Option<f64>,
    /// Whether the token held is known to belong to the pinned user. A refreshed token whose
    /// owner check could not be made is used for reads; a write first gets a new one (`token`).
    owner_confirmed: bool,
    /// Why nothing more may be sent, once the session has ended.
    ended: Option<Error>,
    /// The user the tokens must belong to, once known.
    user: Option<u32>,
    bucket: LeakyBucket,
}

/// One attempt's outcome, when not a result.
enum Attempt {
    /// The portal refused the token of this generation.
    Refused(u32, Error),
    Failed(Error),
}

impl<T: Transport + 'static> Rest<T> {
    /// A client sending to `endpoint` (`https://<portal>/rest/`) with `auth`, or asking the
    /// transport for a token first when there is none.
    pub fn new(
        transport: T,
        endpoint: impl Into<String>,
        auth: Option<Auth>,
        options: &Options,
    ) -> Self {
        let session = Session {
            auth,
            generation: 0,
            refreshing: None,
            refusals: 0,
            received_at_ms: transport.now_ms(),
            last_refresh_at_ms: None,
            owner_confirmed: true,
            ended: None,
            user: None,
            bucket: LeakyBucket::new(options.burst, options.requests_per_second),
        };
        Self {
            inner: Rc::new(Inner {
                transport,
                endpoint: endpoint.into(),
                call_timeout_ms: options.call_timeout_ms,
                retry: options.retry,
                max_refreshes: options.max_refreshes,
                refresh_ahead_ms: options.refresh_ahead_ms,
                min_refresh_gap_ms: options.min_refresh_gap_ms,
                session: RefCell::new(session),
                on_retry: RefCell::new(None),
                on_session_end: RefCell::new(None),
            }),
        }
    }

    /// The transport underneath.
    pub fn transport(&self) -> &T {
        &self.inner.transport
    }

    /// Calls `listener` before every retry (for a visible countdown).
    pub fn on_retry(&self, listener: impl Fn(&RetryNotice) + 'static) {
        *self.inner.on_retry.borrow_mut() = Some(Rc::new(listener));
    }

    /// Calls `listener` once when the session ends: the portal kept refusing refreshed
    /// tokens, gave one already expired, or gave one of another user
    /// ([`Error::SessionChanged`]). Nothing is sent after that.
    pub fn on_session_end(&self, listener: impl Fn(&Error) + 'static) {
        *self.inner.on_session_end.borrow_mut() = Some(Rc::new(listener));
    }

    /// Calls a REST method with serde parameters and decodes its `result` into `R`.
    ///
    /// Rate-limit answers are retried for every method, lost answers only for reads
    /// ([`crate::is_read_method`]); see [`RetryPolicy`].
    pub async fn call<R: DeserializeOwned, P: Serialize + ?Sized>(
        &self,
        method: &str,
        params: &P,
    ) -> Result<Response<R>, Error> {
        let body = form::body(&params_value(method, params)?);
        let entry = self.send(method, &body, is_read_method(method)).await?;
        Ok(Response {
            data: decode(method, entry.result.map_err(Error::Rest)?)?,
            total: entry.total,
            next: entry.next,
        })
    }

    /// Runs named commands in as few requests as possible (50 per request), with
    /// `$result[…]` references between them resolved across requests, and returns each
    /// command's own result.
    pub async fn batch(&self, batch: &Batch) -> Result<BatchResults, Error> {
        let mut entries: BTreeMap<String, Entry> = BTreeMap::new();
        for chunk in batch.commands.chunks(MAX_BATCH_COMMANDS) {
            if batch.halt && entries.values().any(|e| e.result.is_err()) {
                break; // later commands count as skipped, as the server would report them
            }
            let commands = resolved(chunk, &entries);
            let reads_only = commands.iter().all(|c| is_read_method(&c.method));
            let body = batch_body(&commands, batch.halt);
            let outer = self.send("batch", &body, reads_only).await?;
            entries.extend(read_batch(&commands, outer.result.map_err(Error::Rest)?)?);
        }
        Ok(BatchResults { entries })
    }

    /// The URL of `method`.
    pub(crate) fn url(&self, method: &str) -> String {
        format!("{}{}.json", self.inner.endpoint, form::encode(method))
    }

    /// The full request of a one-request batch with the current token, for handing over to
    /// another instance (`None` without a usable token or after the session has ended).
    pub(crate) fn hand_over_request(
        &self,
        batch: &Batch,
    ) -> Option<(Vec<Command>, String, String)> {
        let session = self.inner.session.borrow();
        let auth = session.auth.as_ref().filter(|_| session.ended.is_none())?;
        if auth.expired_at(self.inner.transport.now_ms()) {
            return None;
        }
        let commands = batch.commands.clone(); // one request: its references are the server's
        let body = with_token(auth.access_token(), &batch_body(&commands, batch.halt));
        Some((commands, self.url("batch"), body))
    }

    /// Sends until an answer, a definite failure, or the retry policy gives up.
    async fn send(&self, method: &str, params: &str, is_read: bool) -> Result<Entry, Error> {
        let mut failed = 0;
        loop {
            let error = match self.attempt(method, params, is_read).await {
                Ok(entry) => return Ok(entry),
                Err(Attempt::Refused(generation, error)) => {
                    // Refused before the method ran: safe to send again, writes included.
                    self.renew(generation, error).await?;
                    continue;
                }
                Err(Attempt::Failed(error)) => error,
            };
            failed += 1;
            let random = self.inner.transport.random();
            let Some(delay_ms) = self.inner.retry.delay_ms(failed, &error, is_read, random) else {
                return Err(error);
            };
            let listener = self.inner.on_retry.borrow().clone();
            if let Some(listener) = listener {
                listener(&RetryNotice {
                    method: method.to_owned(),
                    attempt: failed,
                    delay_ms,
                    error,
                });
            }
            self.inner.transport.sleep(delay_ms).await;
        }
    }

    async fn attempt(&self, method: &str, params: &str, is_read: bool) -> Result<Entry, Attempt> {
        let (token, generation) = self.token(!is_read).await.map_err(Attempt::Failed)?;
        self.throttle().await;
        let transport = &self.inner.transport;
        let started = transport.now_ms();
        let body = with_token(&token, params);
        let answer = transport
            .post(&self.url(method), body, self.inner.call_timeout_ms)
            .await;
        let after_ms = (transport.now_ms() - started).clamp(0.0, f64::from(u32::MAX)) as u32;
        let read = answer
            .map_err(|failure| Error::Transport {
                method: method.to_owned(),
                failure,
                after_ms,
            })
            .and_then(|answer| read(method, answer, after_ms));
        match read {
            Err(error) if error.wants_new_token() => Err(Attempt::Refused(generation, error)),
            Err(error @ Error::Transport { .. }) => Err(Attempt::Failed(error)),
            other => {
                self.inner.session.borrow_mut().refusals = 0; // the token was accepted
                match other {
                    Ok(entry) => Ok(entry),
                    Err(error) => Err(Attempt::Failed(error)),
                }
            }
        }
    }

    /// Waits for room in the client-side bucket.
    async fn throttle(&self) {
        loop {
            let now = self.inner.transport.now_ms();
            let wait = self.inner.session.borrow_mut().bucket.take(now);
            if wait == 0 {
                return;
            }
            self.inner.transport.sleep(wait).await;
        }
    }
}

/// The body of a request: the token first, then the parameters.
fn with_token(token: &str, params: &str) -> String {
    let mut body = format!("auth={}", form::encode(token));
    if !params.is_empty() {
        body.push('&');
        body.push_str(params);
    }
    body
}

/// `chunk` with references to already answered commands resolved.
pub(crate) fn resolved(chunk: &[Command], known: &BTreeMap<String, Entry>) -> Vec<Command> {
    let mut commands = chunk.to_vec();
    for command in &mut commands {
        resolve_references(&mut command.params, known);
    }
    commands
}

/// `halt=0&cmd[key]=method%3Fparams…`, the commands in their order (references and `halt`
/// depend on it).
pub(crate) fn batch_body(commands: &[Command], halt: bool) -> String {
    let mut body = String::from(if halt { "halt=1" } else { "halt=0" });
    for command in commands {
        let mut call = command.method.clone();
        let params = form::body(&command.params);
        if !params.is_empty() {
            call.push('?');
            call.push_str(&params);
        }
        body.push_str(&format!("&cmd[{}]={}", command.key, form::encode(&call)));
    }
    body
}

#[cfg(test)]
mod tests {
    use super::batch_body;
    use crate::batch::Command;
    use serde_json::json;

    #[test]
    fn batch_bodies_keep_the_command_order_and_nest_parameters() {
        let commands = [
            Command {
                key: "z".into(),
                method: "user.current".into(),
                params: json!({}),
            },
            Command {
                key: "a".into(),
                method: "department.get".into(),
                params: json!({"ID": "$result[z][UF_DEPARTMENT]"}),
            },
        ];
        assert_eq!(
            batch_body(&commands, true),
            "halt=1&cmd[z]=user.current&cmd[a]=department.get%3FID%3D%2524result%255Bz%255D%255BUF_DEPARTMENT%255D"
        );
    }
}
