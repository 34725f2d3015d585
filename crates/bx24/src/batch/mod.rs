//! Building `batch` requests and reading their per-key results. Pure: the async part that
//! sends the chunks lives in the client.
//!
//! Bitrix24 runs at most 50 commands per batch, so larger batches go out in chunks of 50.
//! A `$result[key]…` reference to a command in an earlier chunk cannot be resolved by the
//! server; the bridge substitutes it itself from that chunk's result, the way the server
//! would: a value that is exactly one reference takes the raw value, a reference inside
//! longer text is replaced by the value's text.

mod json;
mod references;

use json::object_params;
pub(crate) use json::{decode, params_value};
pub(crate) use references::resolve_references;

use super::error::{Error, RestError};
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;
use std::collections::BTreeMap;
use std::marker::PhantomData;

/// Bitrix24's limit of commands in one batch.
pub const MAX_BATCH_COMMANDS: usize = 50;

/// A decoded REST answer: the `result`, and `total`/`next` of list methods.
///
/// ```
/// use bx24::Response;
/// let page = Response { data: vec![1, 2], total: Some(120), next: Some(50) };
/// assert!(page.has_more());
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct Response<T> {
    /// The decoded `result`.
    pub data: T,
    /// `total` of a list method.
    pub total: Option<u64>,
    /// `next` of a list method: the `start` of the next page.
    pub next: Option<u64>,
}

impl<T> Response<T> {
    /// Whether a list method has another page.
    ///
    /// ```
    /// use bx24::Response;
    /// assert!(!Response { data: (), total: Some(3), next: None }.has_more());
    /// ```
    pub fn has_more(&self) -> bool {
        self.next.is_some()
    }
}

/// A typed handle to one command of a [`Batch`].
///
/// ```
/// use bx24::Batch;
/// use serde_json::{json, Value};
/// let mut batch = Batch::new();
/// let me = batch.add::<Value, _>("me", "user.current", &json!({})).unwrap();
/// assert_eq!(me.reference(&["UF_DEPARTMENT"]), "$result[me][UF_DEPARTMENT]");
/// ```
#[derive(Debug)]
pub struct BatchKey<T> {
    key: String,
    method: String,
    _result: PhantomData<fn() -> T>,
}

impl<T> Clone for BatchKey<T> {
    fn clone(&self) -> Self {
        Self {
            key: self.key.clone(),
            method: self.method.clone(),
            _result: PhantomData,
        }
    }
}

impl<T> BatchKey<T> {
    /// The command's key.
    ///
    /// ```
    /// use bx24::Batch;
    /// let mut batch = Batch::new();
    /// let scope = batch.add::<Vec<String>, _>("scope", "scope", &()).unwrap();
    /// assert_eq!(scope.key(), "scope");
    /// ```
    pub fn key(&self) -> &str {
        &self.key
    }

    /// A `$result[key][a][b]…` reference to a field of this command's result, for the
    /// parameters of a later command.
    ///
    /// ```
    /// use bx24::Batch;
    /// use serde_json::Value;
    /// let mut batch = Batch::new();
    /// let users = batch.add::<Value, _>("users", "user.get", &()).unwrap();
    /// assert_eq!(users.reference(&["0", "ID"]), "$result[users][0][ID]");
    /// ```
    pub fn reference(&self, path: &[&str]) -> String {
        let mut out = format!("$result[{}]", self.key);
        for segment in path {
            out.push('[');
            out.push_str(segment);
            out.push(']');
        }
        out
    }
}

/// One command of a batch, as it will be sent.
#[derive(Clone, Debug, PartialEq)]
pub struct Command {
    /// Its key in the batch.
    pub key: String,
    /// The REST method.
    pub method: String,
    /// Its parameters (an object).
    pub params: Value,
}

/// Named REST commands sent together; see [`crate::Rest::batch`].
///
/// ```
/// use bx24::Batch;
/// use serde_json::{json, Value};
/// let mut batch = Batch::new().halt(true);
/// let me = batch.add::<Value, _>("me", "user.current", &()).unwrap();
/// batch.add::<Value, _>("dep", "department.get", &json!({"ID": me.reference(&["UF_DEPARTMENT"])})).unwrap();
/// assert_eq!(batch.len(), 2);
/// assert!(batch.add::<Value, _>("me", "scope", &()).is_err()); // keys are unique
/// ```
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Batch {
    pub(crate) commands: Vec<Command>,
    pub(crate) halt: bool,
}

impl Batch {
    /// An empty batch that runs every command even after a failure.
    ///
    /// ```
    /// assert!(bx24::Batch::new().is_empty());
    /// ```
    pub fn new() -> Self {
        Self::default()
    }

    /// Stop at the first failing command (`halt=1`); later ones are reported as skipped.
    ///
    /// ```
    /// let batch = bx24::Batch::new().halt(true);
    /// # let _ = batch;
    /// ```
    pub fn halt(mut self, halt: bool) -> Self {
        self.halt = halt;
        self
    }

    /// Adds a command whose result decodes into `T`. Keys must be unique and made of
    /// letters, digits, `_` or `-` (they travel inside `$result[…]` and form field names).
    ///
    /// ```
    /// use bx24::Batch;
    /// let mut batch = Batch::new();
    /// assert!(batch.add::<u32, _>("bad key", "scope", &()).is_err());
    /// ```
    pub fn add<T, P: Serialize + ?Sized>(
        &mut self,
        key: &str,
        method: &str,
        params: &P,
    ) -> Result<BatchKey<T>, Error> {
        let params = params_value(method, params)?;
        self.add_json(key, method, params)
    }

    /// [`add`](Self::add) with the parameters already JSON (an object, or `null` for none),
    /// taken as they are: nothing is serialised, so a caller that builds its parameters as
    /// JSON links none of serde's serialiser (the first paint: about 3 KB).
    ///
    /// ```
    /// use bx24::Batch;
    /// use serde_json::json;
    /// let mut batch = Batch::new();
    /// batch.add_json::<u32>("me", "user.get", json!({"ID": 7})).unwrap();
    /// assert_eq!(batch.request_body(), "halt=0&cmd[me]=user.get%3FID%3D7");
    /// assert!(batch.add_json::<u32>("list", "user.get", json!([7])).is_err());
    /// ```
    pub fn add_json<T>(
        &mut self,
        key: &str,
        method: &str,
        params: Value,
    ) -> Result<BatchKey<T>, Error> {
        self.push(key, method, params)?;
        Ok(BatchKey {
            key: key.to_owned(),
            method: method.to_owned(),
            _result: PhantomData,
        })
    }

    /// What adding does whatever the result type: one copy in the bundle instead of one per
    /// type (three in the app, measured).
    fn push(&mut self, key: &str, method: &str, params: Value) -> Result<(), Error> {
        let params = object_params(method, params)?;
        let valid_key = !key.is_empty()
            && key
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-');
        if !valid_key || self.commands.iter().any(|c| c.key == key) {
            return Err(Error::Decode {
                method: method.to_owned(),
                path: key.to_owned(),
                message: "batch keys must be unique and use only [A-Za-z0-9_-]".into(),
            });
        }
        self.commands.push(Command {
            key: key.to_owned(),
            method: method.to_owned(),
            params,
        });
        Ok(())
    }

    /// The commands, in the order they run.
    ///
    /// ```
    /// let mut batch = bx24::Batch::new();
    /// batch.add::<u32, _>("n", "scope", &()).unwrap();
    /// assert_eq!(batch.commands()[0].method, "scope");
    /// ```
    pub fn commands(&self) -> &[Command] {
        &self.commands
    }

    /// The number of commands.
    ///
    /// ```
    /// assert_eq!(bx24::Batch::new().len(), 0);
    /// ```
    pub fn len(&self) -> usize {
        self.commands.len()
    }

    /// Whether there are no commands.
    ///
    /// ```
    /// assert!(bx24::Batch::new().is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.commands.is_empty()
    }

    /// The body of this batch's one request, without the token (sent first as `auth=…&`),
    /// for a page script that sends it before the wasm arrives and leaves it for
    /// [`Bx24::batch_to_hand_over`](crate::Bx24::batch_to_hand_over) (the request is
    /// identified by its URL and this body).
    ///
    /// ```
    /// let mut batch = bx24::Batch::new();
    /// batch.add::<u32, _>("me", "user.get", &serde_json::json!({"ID": 7})).unwrap();
    /// assert_eq!(batch.request_body(), "halt=0&cmd[me]=user.get%3FID%3D7");
    /// ```
    pub fn request_body(&self) -> String {
        crate::client::batch_body(&self.commands, self.halt)
    }
}

/// What the portal answered for one command.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Entry {
    pub result: Result<Value, RestError>,
    pub total: Option<u64>,
    pub next: Option<u64>,
}

/// The answers of a batch, by key.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct BatchResults {
    pub(crate) entries: BTreeMap<String, Entry>,
}

impl BatchResults {
    /// Results built from answers by key: for tests and offline fixtures.
    ///
    /// ```
    /// use bx24::{Batch, BatchResults};
    /// use serde_json::json;
    /// let mut batch = Batch::new();
    /// let n = batch.add::<u32, _>("n", "x.get", &()).unwrap();
    /// let results = BatchResults::from_answers([("n".to_owned(), Ok(json!(7)))]);
    /// assert_eq!(results.get(&n).unwrap().data, 7);
    /// ```
    pub fn from_answers(
        answers: impl IntoIterator<Item = (String, Result<Value, RestError>)>,
    ) -> Self {
        Self {
            entries: answers
                .into_iter()
                .map(|(key, result)| {
                    let entry = Entry {
                        result,
                        total: None,
                        next: None,
                    };
                    (key, entry)
                })
                .collect(),
        }
    }

    /// The decoded result of one command: its own REST error, a decode error naming the
    /// method and field, or [`Error::Skipped`] when `halt` stopped the batch before it.
    ///
    /// ```
    /// use bx24::{Batch, BatchResults, Error};
    /// let mut batch = Batch::new();
    /// let me = batch.add::<u32, _>("me", "user.current", &()).unwrap();
    /// let empty = BatchResults::default();
    /// assert!(matches!(empty.get(&me), Err(Error::Skipped(_))));
    /// ```
    pub fn get<T: DeserializeOwned>(&self, key: &BatchKey<T>) -> Result<Response<T>, Error> {
        decoded(&key.method, self.answer(&key.key)?)
    }

    /// The result of one command as JSON, with the errors of [`BatchResults::get`] but no
    /// decoding: for a caller that reads it itself (the first paint, without serde's
    /// deserializer in its bundle).
    ///
    /// ```
    /// use bx24::{Batch, BatchResults};
    /// use serde_json::json;
    /// let mut batch = Batch::new();
    /// let me = batch.add::<u32, _>("me", "profile", &()).unwrap();
    /// let results = BatchResults::from_answers([("me".to_owned(), Ok(json!({"ID": "1"})))]);
    /// assert_eq!(results.value(&me).unwrap().data["ID"], "1");
    /// ```
    pub fn value<T>(&self, key: &BatchKey<T>) -> Result<Response<Value>, Error> {
        self.answer(&key.key)
    }

    /// As [`BatchResults::get`], moving the result out instead of copying it: for large
    /// answers (list pages) read once. The entry stays, emptied: removing it from the map would
    /// cost more code than it frees.
    pub(crate) fn take<T: DeserializeOwned>(
        &mut self,
        key: &BatchKey<T>,
    ) -> Result<Response<T>, Error> {
        decoded(&key.method, self.moved_answer(&key.key)?)
    }

    // The lookups apart from `get`, `value` and `take`, which are generic: one copy of each in
    // the bundle.
    fn answer(&self, key: &str) -> Result<Response<Value>, Error> {
        let entry = self.entries.get(key);
        let entry = entry.ok_or_else(|| Error::Skipped(key.to_owned()))?;
        response(entry, entry.result.clone())
    }

    fn moved_answer(&mut self, key: &str) -> Result<Response<Value>, Error> {
        let entry = self.entries.get_mut(key);
        let entry = entry.ok_or_else(|| Error::Skipped(key.to_owned()))?;
        let result = std::mem::replace(&mut entry.result, Ok(Value::Null));
        response(entry, result)
    }

    /// How many commands were answered (with a result or an error).
    ///
    /// ```
    /// assert_eq!(bx24::BatchResults::default().answered(), 0);
    /// ```
    pub fn answered(&self) -> usize {
        self.entries.len()
    }

    /// Whether any answered command failed.
    ///
    /// ```
    /// assert!(!bx24::BatchResults::default().has_errors());
    /// ```
    pub fn has_errors(&self) -> bool {
        self.entries.values().any(|e| e.result.is_err())
    }
}

/// One command's answer: its result (as `entry` had it) or its REST error, with its paging.
fn response(entry: &Entry, result: Result<Value, RestError>) -> Result<Response<Value>, Error> {
    Ok(Response {
        data: result.map_err(Error::Rest)?,
        total: entry.total,
        next: entry.next,
    })
}

/// `answer` with its result decoded into `T`.
fn decoded<T: DeserializeOwned>(
    method: &str,
    answer: Response<Value>,
) -> Result<Response<T>, Error> {
    Ok(Response {
        data: decode(method, answer.data)?,
        total: answer.total,
        next: answer.next,
    })
}

#[cfg(test)]
mod tests;
