//! Whole lists: the ID-cursor stream ([`Rest::list`]) and offset paging for methods without
//! an ID filter ([`Rest::all_pages`]). Both follow `next`, never `total`, and stop at a cap.

use crate::batch::{Batch, MAX_BATCH_COMMANDS, params_value};
use crate::client::Rest;
use crate::error::Error;
use crate::list::{IdCursor, PAGE_SIZE, pages_needed, row_id};
use crate::transport::Transport;
use futures::Stream;
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Map, Value, json};

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

/// One step of a [`Rest::list`] stream: the rows of one HTTP request and the progress.
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

struct ListState<T> {
    rest: Rest<T>,
    request: ListRequest,
    last_id: Option<u64>,
    loaded: usize,
    total: Option<u64>,
    requests: usize,
    skipped: usize,
    capped: bool,
    done: bool,
}

impl<T: Transport + 'static> Rest<T> {
    /// Reads every row of a list method with the ID cursor, as a stream of
    /// [`ListPage`]s, one per HTTP request: the first request counts the rows, each later
    /// one is a batch of up to 50 cursor pages. Stops at the first error.
    ///
    /// ```no_run
    /// use futures::StreamExt;
    /// use bx24::ListRequest;
    /// use serde_json::{json, Value};
    /// # async fn demo(rest: bx24::Rest<impl bx24::Transport + 'static>) -> Result<(), bx24::Error> {
    /// let request = ListRequest::new("user.get", &json!({"UF_DEPARTMENT": 3}))?;
    /// let mut pages = std::pin::pin!(rest.list::<Value>(request));
    /// while let Some(page) = pages.next().await {
    ///     let page = page?;
    ///     println!("{} of {:?}", page.loaded, page.total);
    /// }
    /// # Ok(()) }
    /// ```
    pub fn list<R: DeserializeOwned + 'static>(
        &self,
        request: ListRequest,
    ) -> impl Stream<Item = Result<ListPage<R>, Error>> + 'static {
        self.list_with(request, |row| serde_json::from_value(row).ok())
    }

    /// [`Rest::list`] with each row read by `read` instead of serde (a row it refuses is
    /// skipped and counted): for rows the caller reads from their JSON itself.
    ///
    /// ```no_run
    /// use bx24::ListRequest;
    /// use serde_json::{json, Value};
    /// # fn demo(rest: bx24::Rest<impl bx24::Transport + 'static>) -> Result<(), bx24::Error> {
    /// let request = ListRequest::new("user.get", &json!({"UF_DEPARTMENT": 3}))?;
    /// let names = rest.list_with(request, |row| row["NAME"].as_str().map(str::to_owned));
    /// # let _ = names;
    /// # Ok(()) }
    /// ```
    pub fn list_with<R: 'static>(
        &self,
        request: ListRequest,
        read: fn(Value) -> Option<R>,
    ) -> impl Stream<Item = Result<ListPage<R>, Error>> + 'static {
        let state = ListState {
            rest: self.clone(),
            request,
            last_id: None,
            loaded: 0,
            total: None,
            requests: 0,
            skipped: 0,
            capped: false,
            done: false,
        };
        futures::stream::unfold(state, move |mut state| async move {
            if state.done {
                return None;
            }
            let page = state.next_request(read).await.map(|items| ListPage {
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
    /// up to 50 pages. Follows
    /// `next`, never `total`; stops at [`MAX_LIST_ROWS`]. The rows come as sent.
    ///
    /// ```no_run
    /// use serde_json::{json, Value};
    /// # async fn demo(rest: bx24::Rest<impl bx24::Transport + 'static>) -> Result<(), bx24::Error> {
    /// let headed: Vec<Value> = rest.all_pages("department.get", &json!({"UF_HEAD": 42})).await?;
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
}

impl<T: Transport + 'static> ListState<T> {
    /// Fetches the next request's rows, decoded page by page (each page's JSON is dropped
    /// once decoded, which keeps the peak heap of a 5,000-row list low), and advances the cursor.
    async fn next_request<R>(&mut self, read: fn(Value) -> Option<R>) -> Result<Vec<R>, Error> {
        let cursor = self.request.cursor;
        let method = self.request.method.clone();
        let mut items = Vec::new();
        match self.last_id {
            None => {
                let first = cursor.page(&self.request.params, None);
                let page = self.rest.call::<Vec<Value>, _>(&method, &first).await?;
                self.requests += 1;
                self.total = page.total;
                // `next` says whether more rows follow; a `total` may lie.
                self.done = page.next.is_none();
                self.read_page(&method, page.data, read, &mut items)?;
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
                let mut results = self.rest.batch(&batch).await?;
                self.requests += 1;
                // Once, rather than doubling on the way (a copy at each step).
                items.reserve_exact(pages * PAGE_SIZE);
                for key in &keys {
                    let page = results.take(key)?.data;
                    // A cursor page has no `next`: one that is not full is the list's end.
                    let full = page.len() == PAGE_SIZE;
                    self.read_page(&method, page, read, &mut items)?;
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
    fn read_page<R>(
        &mut self,
        method: &str,
        rows: Vec<Value>,
        read: fn(Value) -> Option<R>,
        into: &mut Vec<R>,
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
            match read(row) {
                Some(item) => into.push(item),
                None => self.skipped += 1,
            }
        }
        Ok(())
    }
}
