//! REST through the library: single calls, batches and whole lists.

use super::batch::{
    Batch, BatchResults, Command, Entry, MAX_BATCH_COMMANDS, Response, decode, params_value,
    resolve_references,
};
use super::error::{Error, RestCode, RestError};
use super::list::{IdCursor, PAGE_SIZE, pages_needed, row_id};
use super::lost;
use super::retry::is_read_method;
use super::{Bx24, handover, js, sys, thrown};
use futures::Stream;
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Map, Value, json};
use std::collections::HashMap;
use wasm_bindgen::{JsCast, JsValue};

/// Told before each retry: what failed, which attempt, and the wait before the next one.
///
/// ```no_run
/// # fn demo(bx24: bx24::Bx24) {
/// let bx24 = bx24.on_retry(|notice| {
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

/// A request for every row of a list method, read with the ID cursor.
///
/// ```
/// use bx24::{IdCursor, ListRequest};
/// use serde_json::json;
/// let request = ListRequest::new("user.get", &json!({"UF_DEPARTMENT": 3, "ACTIVE": true}))
///     .unwrap()
///     .cursor(IdCursor::Upper)
///     .pages_per_request(50);
/// assert_eq!(request.method(), "user.get");
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct ListRequest {
    method: String,
    params: Map<String, Value>,
    cursor: IdCursor,
    pages_per_request: usize,
    max_rows: usize,
}

impl ListRequest {
    /// A request for `method` with filter parameters `params`, `user.get`-style cursor and
    /// up to 50 pages per request.
    ///
    /// ```
    /// use bx24::ListRequest;
    /// assert!(ListRequest::new("user.get", &()).is_ok());
    /// ```
    pub fn new<P: Serialize + ?Sized>(method: &str, params: &P) -> Result<Self, Error> {
        let Value::Object(params) = params_value(method, params)? else {
            unreachable!("params_value returns objects")
        };
        Ok(Self {
            method: method.to_owned(),
            params,
            cursor: IdCursor::Upper,
            pages_per_request: MAX_BATCH_COMMANDS,
            max_rows: MAX_LIST_ROWS,
        })
    }

    /// Stop after about this many rows (whole pages), and say so in [`ListPage::capped`]: a
    /// portal claiming a billion rows must not fill the frame's memory.
    ///
    /// ```
    /// use bx24::ListRequest;
    /// let request = ListRequest::new("user.get", &()).unwrap().max_rows(500);
    /// assert_eq!(request.rows_cap(), 500);
    /// ```
    pub fn max_rows(mut self, rows: usize) -> Self {
        self.max_rows = rows.max(1);
        self
    }

    /// The row cap ([`MAX_LIST_ROWS`] unless set).
    pub fn rows_cap(&self) -> usize {
        self.max_rows
    }

    /// How the method spells its ID order and filter.
    ///
    /// ```
    /// use bx24::{IdCursor, ListRequest};
    /// let request = ListRequest::new("crm.contact.list", &()).unwrap().cursor(IdCursor::Lower);
    /// # let _ = request;
    /// ```
    pub fn cursor(mut self, cursor: IdCursor) -> Self {
        self.cursor = cursor;
        self
    }

    /// Pages carried by each request after the first (1 to 50).
    ///
    /// ```
    /// use bx24::ListRequest;
    /// let request = ListRequest::new("user.get", &()).unwrap().pages_per_request(10);
    /// # let _ = request;
    /// ```
    pub fn pages_per_request(mut self, pages: usize) -> Self {
        self.pages_per_request = pages.clamp(1, MAX_BATCH_COMMANDS);
        self
    }

    /// The method.
    ///
    /// ```
    /// use bx24::ListRequest;
    /// assert_eq!(ListRequest::new("user.get", &()).unwrap().method(), "user.get");
    /// ```
    pub fn method(&self) -> &str {
        &self.method
    }
}

/// One step of a [`Bx24::list`] stream: the rows of one HTTP request and the progress.
///
/// ```
/// use bx24::ListPage;
/// let page = ListPage { items: vec![1, 2], loaded: 52, total: Some(120), requests: 2,
///     skipped: 0, capped: false };
/// let percent = page.total.map(|t| page.loaded as u64 * 100 / t);
/// assert_eq!(percent, Some(43));
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct ListPage<T> {
    /// The rows this request brought.
    pub items: Vec<T>,
    /// Rows loaded so far, these included.
    pub loaded: usize,
    /// The list's size as counted by the first request.
    pub total: Option<u64>,
    /// HTTP requests made so far.
    pub requests: usize,
    /// Malformed rows skipped so far (not in `items`).
    pub skipped: usize,
    /// The list stopped at its row cap ([`ListRequest::max_rows`]) with more rows left.
    pub capped: bool,
}

/// The default row cap of a list: far above any department, far below what a lying portal
/// could make the frame load.
pub const MAX_LIST_ROWS: usize = 10_000;

struct ListState {
    bx24: Bx24,
    request: ListRequest,
    last_id: Option<u64>,
    loaded: usize,
    total: Option<u64>,
    requests: usize,
    skipped: usize,
    capped: bool,
    done: bool,
}

impl Bx24 {
    /// Calls a REST method with serde parameters and decodes its `result` into `T`.
    ///
    /// Rate-limit answers are retried for every method, lost answers only for reads
    /// ([`super::is_read_method`]); see [`super::RetryPolicy`].
    ///
    /// ```no_run
    /// use serde::Deserialize;
    /// use serde_json::json;
    /// #[derive(Deserialize)]
    /// struct User { #[serde(rename = "ID")] id: String }
    /// # async fn demo(bx24: bx24::Bx24) -> Result<(), bx24::Error> {
    /// let users = bx24.call::<Vec<User>, _>("user.get", &json!({"ID": 42})).await?;
    /// println!("{} of {:?}", users.data.len(), users.total);
    /// # Ok(()) }
    /// ```
    pub async fn call<T: DeserializeOwned, P: Serialize + ?Sized>(
        &self,
        method: &str,
        params: &P,
    ) -> Result<Response<T>, Error> {
        let params = js::to_js(&params_value(method, params)?);
        let entry = self
            .with_retry(method, is_read_method(method), || {
                self.call_once(method, &params)
            })
            .await?;
        Ok(Response {
            data: decode(method, entry.result.map_err(Error::Rest)?)?,
            total: entry.total,
            next: entry.next,
        })
    }

    async fn call_once(&self, method: &str, params: &JsValue) -> Result<Entry, Error> {
        self.ensure_token().await?;
        let (callback, answered) = js::callback();
        let sent = lost::sent(self.token());
        self.lib
            .call_method(method, params, &callback)
            .map_err(|e| thrown("callMethod", &e))?;
        let limit = self.options.call_timeout_ms;
        let result = self
            .answer_unless_lost(answered, method, &sent, limit)
            .await?;
        let entry = read_result(method, &result.unchecked_into());
        match entry.result {
            Err(rest) => Err(Error::Rest(rest)), // seen by the retry policy
            Ok(_) => Ok(entry),
        }
    }

    /// Runs named commands in as few requests as possible (50 per request), with
    /// `$result[…]` references between them, and returns each command's own result.
    ///
    /// ```no_run
    /// use bx24::Batch;
    /// use serde_json::{json, Value};
    /// # async fn demo(bx24: bx24::Bx24) -> Result<(), bx24::Error> {
    /// let mut batch = Batch::new();
    /// let me = batch.add::<Value, _>("me", "user.current", &())?;
    /// let dep = batch.add::<Vec<Value>, _>("dep", "department.get",
    ///     &json!({"ID": me.reference(&["UF_DEPARTMENT"])}))?;
    /// let results = bx24.batch(&batch).await?;
    /// let departments = results.get(&dep)?.data;
    /// # Ok(()) }
    /// ```
    pub async fn batch(&self, batch: &Batch) -> Result<BatchResults, Error> {
        let mut entries: HashMap<String, Entry> = HashMap::new();
        for chunk in batch.commands.chunks(MAX_BATCH_COMMANDS) {
            if batch.halt && entries.values().any(|e| e.result.is_err()) {
                break; // later commands count as skipped, as the server would report them
            }
            let mut commands = chunk.to_vec();
            for command in &mut commands {
                resolve_references(&mut command.params, &entries);
            }
            let reads_only = commands.iter().all(|c| is_read_method(&c.method));
            let calls = calls_object(&commands);
            let answered = self
                .with_retry("batch", reads_only, || {
                    self.batch_once(&commands, &calls, batch.halt)
                })
                .await?;
            entries.extend(answered);
        }
        Ok(BatchResults { entries })
    }

    async fn batch_once(
        &self,
        commands: &[Command],
        calls: &JsValue,
        halt: bool,
    ) -> Result<HashMap<String, Entry>, Error> {
        let (answered, sent) = match handover::adopt(calls, halt) {
            Some(adopted) => (adopted.answered, adopted.sent),
            None => {
                self.ensure_token().await?;
                let (callback, answered) = js::callback();
                let sent = lost::sent(self.token());
                self.lib
                    .call_batch(calls, &callback, halt)
                    .map_err(|e| thrown("callBatch", &e))?;
                (answered, sent)
            }
        };
        let limit = self.options.call_timeout_ms;
        let results = self
            .answer_unless_lost(answered, "batch", &sent, limit)
            .await?;
        Ok(read_entries(commands, &results))
    }

    /// Sends a batch of at most 50 commands (one request) and leaves it for the next
    /// [`Bx24::batch`] of the same commands on this page, in this wasm instance or another one
    /// (see `handover`), which then waits for this request's answer instead of sending its
    /// own. Gives this request's results if they come within `wait_ms`; never retries.
    ///
    /// ```no_run
    /// use bx24::Batch;
    /// use serde_json::Value;
    /// # async fn demo(bx24: bx24::Bx24) {
    /// let mut batch = Batch::new();
    /// let me = batch.add::<Value, _>("me", "user.current", &()).unwrap();
    /// if let Ok(results) = bx24.batch_to_hand_over(&batch, 1_500).await {
    ///     // draw something early; the app's `bx24.batch(&batch)` gets the same results
    /// }
    /// # }
    /// ```
    pub async fn batch_to_hand_over(
        &self,
        batch: &Batch,
        wait_ms: u32,
    ) -> Result<BatchResults, Error> {
        if batch.commands.len() > MAX_BATCH_COMMANDS {
            return Err(Error::Unsupported(
                "handing over a batch of several requests".into(),
            ));
        }
        let mut commands = batch.commands.clone();
        for command in &mut commands {
            resolve_references(&mut command.params, &HashMap::new()); // as `batch` does
        }
        let calls = calls_object(&commands);
        let key = handover::key(&calls, batch.halt)
            .ok_or_else(|| Error::Unsupported("batch parameters without JSON".into()))?;
        let sent = lost::sent(self.token());
        let mut thrown_by_library = None;
        let answer = js_sys::Promise::new(&mut |resolve, _reject| {
            if let Err(e) = self.lib.call_batch(&calls, &resolve, batch.halt) {
                thrown_by_library = Some(thrown("callBatch", &e));
            }
        });
        if let Some(error) = thrown_by_library {
            return Err(error);
        }
        handover::publish(&key, &sent, &answer);
        let answered = js::fulfilled(&answer)
            .ok_or_else(|| Error::Unsupported("awaiting the batch's promise".into()))?;
        let results = self
            .answer_unless_lost(answered, "batch", &sent, wait_ms)
            .await?;
        Ok(BatchResults {
            entries: read_entries(&commands, &results),
        })
    }

    /// Reads every row of a list method with the ID cursor, as a stream of
    /// [`ListPage`]s, one per HTTP request: the first request counts the rows, each later
    /// one is a batch of up to 50 cursor pages. Stops at the first error.
    ///
    /// ```no_run
    /// use futures::StreamExt;
    /// use bx24::ListRequest;
    /// use serde_json::{json, Value};
    /// # async fn demo(bx24: bx24::Bx24) -> Result<(), bx24::Error> {
    /// let request = ListRequest::new("user.get", &json!({"UF_DEPARTMENT": 3}))?;
    /// let mut pages = std::pin::pin!(bx24.list::<Value>(request));
    /// while let Some(page) = pages.next().await {
    ///     let page = page?;
    ///     println!("{} of {:?}", page.loaded, page.total);
    /// }
    /// # Ok(()) }
    /// ```
    pub fn list<T: DeserializeOwned + 'static>(
        &self,
        request: ListRequest,
    ) -> impl Stream<Item = Result<ListPage<T>, Error>> + 'static {
        let state = ListState {
            bx24: self.clone(),
            request,
            last_id: None,
            loaded: 0,
            total: None,
            requests: 0,
            skipped: 0,
            capped: false,
            done: false,
        };
        futures::stream::unfold(state, |mut state| async move {
            if state.done {
                return None;
            }
            let page = state.next_request::<T>().await.map(|items| ListPage {
                items,
                loaded: state.loaded,
                total: state.total,
                requests: state.requests,
                skipped: state.skipped,
                capped: state.capped,
            });
            if page.is_err() {
                state.done = true;
            }
            Some((page, state))
        })
    }

    /// Every row of a list method that has no ID filter to page with (`department.get`),
    /// by `start` offsets: the first request counts the rows, each later one is a batch of
    /// up to 50 pages (`BX24.callMethod` drops `start`; batch commands keep it). Follows
    /// `next`, never `total`; stops at [`MAX_LIST_ROWS`]. The rows come as sent.
    ///
    /// ```no_run
    /// use serde_json::{json, Value};
    /// # async fn demo(bx24: bx24::Bx24) -> Result<(), bx24::Error> {
    /// let headed: Vec<Value> = bx24.all_pages("department.get", &json!({"UF_HEAD": 42})).await?;
    /// # Ok(()) }
    /// ```
    pub async fn all_pages(&self, method: &str, params: &Value) -> Result<Vec<Value>, Error> {
        let first = self.call::<Vec<Value>, _>(method, params).await?;
        let total = first.total.unwrap_or_default();
        let mut rows = first.data;
        let mut next = first.next;
        while let Some(start) = next.filter(|_| rows.len() < MAX_LIST_ROWS) {
            // Pages up to the count, and at least the one `next` names.
            let end = total.max(start + 1);
            let mut batch = Batch::new();
            let mut keys = Vec::new();
            for (n, offset) in (start..end)
                .step_by(PAGE_SIZE)
                .take(MAX_BATCH_COMMANDS)
                .enumerate()
            {
                let mut page = params.clone();
                page["start"] = offset.into();
                keys.push(batch.add::<Vec<Value>, _>(&format!("p{n}"), method, &page)?);
            }
            let mut results = self.batch(&batch).await?;
            next = None;
            for key in &keys {
                let page = results.take(key)?;
                rows.extend(page.data);
                next = page.next;
                if next.is_none() {
                    break;
                }
            }
        }
        Ok(rows)
    }

    /// After the portal refused the token (garbage or revoked, or expired and never
    /// refreshed): whether a fresh one came from the parent page and the call may go again at
    /// once. A single write's refusal is always the server's own answer, given before the
    /// method ran; a batch's may be inferred (see `lost`), so only a batch of reads goes again.
    async fn renewed_for(&self, method: &str, is_read: bool) -> bool {
        (is_read || method != "batch") && self.refresh_auth().await.is_ok()
    }

    /// The fingerprint of the library's current token, to notice whether it refreshes one.
    fn token(&self) -> Option<u64> {
        self.auth()
            .map(|auth| lost::fingerprint(auth.access_token()))
    }

    /// The library's answer to a request sent at `sent`, or the error that says why none
    /// will come: `limit_ms` after it was sent, a finished request the library never calls
    /// back after, or a refusal (401) after which the library did not refresh its token.
    async fn answer_unless_lost(
        &self,
        answered: futures::channel::oneshot::Receiver<JsValue>,
        method: &str,
        sent: &lost::Sent,
        limit_ms: u32,
    ) -> Result<JsValue, Error> {
        let left_ms = limit_ms.saturating_sub(sent.elapsed_ms());
        let answer = std::pin::pin!(js::answer(answered, left_ms));
        let token_now = || self.token();
        let lost = std::pin::pin!(lost::answer_lost(method, sent, &token_now));
        let gone = match futures::future::select(answer, lost).await {
            futures::future::Either::Left((Some(answer), _)) => return Ok(answer),
            futures::future::Either::Left((None, _)) => lost::Lost::Answer,
            futures::future::Either::Right((why, _)) => why,
        };
        Err(match gone {
            lost::Lost::Answer => Error::Transport {
                method: method.to_owned(),
                after_ms: sent.elapsed_ms(),
            },
            lost::Lost::Unauthorized => Error::Rest(RestError {
                method: method.to_owned(),
                code: RestCode::InvalidToken,
                description: "HTTP 401, and the library kept its token: the answer was lost".into(),
                status: Some(401),
            }),
        })
    }

    pub(super) async fn with_retry<T, F, Fut>(
        &self,
        method: &str,
        is_read: bool,
        mut attempt: F,
    ) -> Result<T, Error>
    where
        F: FnMut() -> Fut,
        Fut: std::future::Future<Output = Result<T, Error>>,
    {
        let mut failed = 0;
        let mut refreshed = false;
        loop {
            let error = match attempt().await {
                Ok(value) => return Ok(value),
                Err(error) => error,
            };
            if !refreshed && error.wants_new_token() {
                refreshed = true;
                if self.renewed_for(method, is_read).await {
                    continue;
                }
                return Err(error);
            }
            failed += 1;
            let random = js_sys::Math::random();
            let Some(delay_ms) = self.options.retry.delay_ms(failed, &error, is_read, random)
            else {
                return Err(error);
            };
            if let Some(listener) = &self.on_retry {
                listener(&RetryNotice {
                    method: method.to_owned(),
                    attempt: failed,
                    delay_ms,
                    error,
                });
            }
            js::sleep(delay_ms).await;
        }
    }
}

impl ListState {
    /// Fetches the next request's rows, decoded page by page (each page's JSON is dropped
    /// once decoded, which keeps the peak heap of a 5,000-row list low), and advances the cursor.
    async fn next_request<T: DeserializeOwned>(&mut self) -> Result<Vec<T>, Error> {
        let cursor = self.request.cursor;
        let method = self.request.method.clone();
        let mut items = Vec::new();
        match self.last_id {
            None => {
                let first = cursor.page(&self.request.params, None);
                let page = self.bx24.call::<Vec<Value>, _>(&method, &first).await?;
                self.requests += 1;
                self.total = page.total;
                // `next` says whether more rows follow; a `total` may lie.
                self.done = page.next.is_none();
                self.read_page(&method, page.data, &mut items)?;
            }
            Some(last) => {
                let to_cap = self.request.max_rows.saturating_sub(self.loaded);
                let pages = pages_needed(self.total, self.loaded, self.request.pages_per_request)
                    .min(to_cap.div_ceil(PAGE_SIZE).max(1));
                let mut batch = Batch::new().halt(true);
                let mut keys = Vec::with_capacity(pages);
                for n in 0..pages {
                    let after = match n {
                        0 => json!(last),
                        _ => json!(format!("$result[p{}][{}][ID]", n - 1, PAGE_SIZE - 1)),
                    };
                    let params = cursor.page(&self.request.params, Some(after));
                    keys.push(batch.add::<Vec<Value>, _>(&format!("p{n}"), &method, &params)?);
                }
                let mut results = self.bx24.batch(&batch).await?;
                self.requests += 1;
                for key in &keys {
                    let page = results.take(key)?.data;
                    // A cursor page has no `next`: one that is not full is the list's end.
                    let full = page.len() == PAGE_SIZE;
                    self.read_page(&method, page, &mut items)?;
                    self.done = !full;
                    if !full {
                        break;
                    }
                }
            }
        }
        if !self.done && self.loaded >= self.request.max_rows {
            self.done = true;
            self.capped = true;
        }
        Ok(items)
    }

    /// Advances the cursor past one page and decodes its rows into `into`, each on its own:
    /// a malformed row is skipped and counted, not fatal for the list.
    fn read_page<T: DeserializeOwned>(
        &mut self,
        method: &str,
        rows: Vec<Value>,
        into: &mut Vec<T>,
    ) -> Result<(), Error> {
        if !rows.is_empty() {
            let id = rows
                .iter()
                .rev()
                .find_map(row_id)
                .ok_or_else(|| Error::Decode {
                    method: method.to_owned(),
                    path: format!("[{}].ID", self.loaded + rows.len() - 1),
                    message: "list rows need a numeric ID for the cursor".into(),
                })?;
            if self.last_id.is_some_and(|previous| id <= previous) {
                return Err(Error::Decode {
                    method: method.to_owned(),
                    path: format!("[{}].ID", self.loaded + rows.len() - 1),
                    message: "the ID cursor did not advance (is the method ordered by ID?)".into(),
                });
            }
            self.last_id = Some(id);
        }
        self.loaded += rows.len();
        for row in rows {
            match serde_json::from_value(row) {
                Ok(item) => into.push(item),
                Err(_) => self.skipped += 1,
            }
        }
        Ok(())
    }
}

/// `{key: [method, params]}` for `BX24.callBatch`, built key by key: the portal runs the
/// commands in the object's order, which references and `halt` depend on (a `serde_json`
/// map would sort the keys).
fn calls_object(commands: &[Command]) -> JsValue {
    let calls = js_sys::Object::new();
    for command in commands {
        let call = js_sys::Array::of2(
            &JsValue::from_str(&command.method),
            &js::to_js(&command.params),
        );
        let _ = js_sys::Reflect::set(&calls, &JsValue::from_str(&command.key), &call);
    }
    calls.into()
}

/// Reads the `ajaxResult`s of a batch's answer, by key (none for commands it left out).
fn read_entries(commands: &[Command], results: &JsValue) -> HashMap<String, Entry> {
    commands
        .iter()
        .filter_map(|command| {
            let result = js::member(results, &command.key);
            (!result.is_undefined()).then(|| {
                let entry = read_result(&command.method, &result.unchecked_into());
                (command.key.clone(), entry)
            })
        })
        .collect()
}

/// Reads an `ajaxResult` into an entry: its data, or its error with the HTTP status.
fn read_result(method: &str, result: &sys::AjaxResult) -> Entry {
    let total = result
        .total()
        .ok()
        .and_then(|v| v.as_f64())
        .filter(|n| n.is_finite() && *n >= 0.0)
        .map(|n| n as u64);
    let next = js::member(&result.answer(), "next")
        .as_f64()
        .filter(|n| n.is_finite() && *n >= 0.0)
        .map(|n| n as u64);
    let error = result.error().unwrap_or(JsValue::UNDEFINED);
    if !error.is_undefined() && !error.is_null() {
        return Entry {
            result: Err(read_error(method, error.unchecked_ref(), result)),
            total,
            next,
        };
    }
    let data = result
        .data()
        .ok()
        .and_then(|d| js::from_js(&d))
        .unwrap_or(Value::Null);
    Entry {
        result: Ok(data),
        total,
        next,
    }
}

fn read_error(method: &str, error: &sys::AjaxError, result: &sys::AjaxResult) -> RestError {
    let ex = error.get_error().ok().and_then(|e| js::from_js(&e));
    let text = |key: &str| {
        ex.as_ref()
            .and_then(|ex| ex.get(key))
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_owned()
    };
    let status = error
        .get_status()
        .ok()
        .and_then(|s| s.as_f64())
        .or_else(|| result.status().as_f64())
        .filter(|s| (100.0..600.0).contains(s))
        .map(|s| s as u16);
    let code = text("error");
    RestError {
        method: method.to_owned(),
        code: RestCode::parse(if code.is_empty() { "UNKNOWN" } else { &code }),
        description: text("error_description"),
        status,
    }
}
