//! Everything the first screen needs, in one REST request: a batch with `$result[…]`
//! references for the granted scopes, the viewer (`profile`), the person, their presence, their
//! departments, the ancestor departments up to [`LEVELS`] levels and every head on the way
//! (one `user.get` for all of them: each command adds its own timing block to the answer).
//!
//! A reference that cannot resolve (no parent above the root, no head) may make the server
//! return an empty list, or a whole first page; the results are therefore used as pools
//! indexed by id, and the manager chain is computed from the tree, never from positions.

use super::model::{Department, Person, Presence, Record, Rows, Viewer, manager_chain};
use crate::bx24::{Batch, BatchKey, BatchResults, Bx24, Error};
use crate::context::{ContextError, PlacementContext, UserId};
use serde_json::Value;

/// Ancestor levels fetched with the first screen (deeper trees are rare in practice).
pub const LEVELS: usize = 4;

/// The first screen's data.
#[derive(Clone, Debug, PartialEq)]
pub struct Profile {
    /// Who is looking.
    pub me: Viewer,
    /// Whom the card is about.
    pub person: Person,
    /// Presence, when the `im` scope allows it.
    pub presence: Option<Presence>,
    /// The person's departments (names), in their order.
    pub departments: Vec<Department>,
    /// Managers, nearest first.
    pub managers: Vec<Person>,
    /// Granted scopes; `None` when the `scope` command failed (unknown, not none).
    pub scopes: Option<Vec<String>>,
    /// Malformed rows of the answer's lists, skipped.
    pub skipped_rows: usize,
    /// Whether the viewer administers the portal (the library's `isAdmin`, which the loader
    /// sets; no REST method tells whether someone else does).
    pub viewer_admin: bool,
}

impl Profile {
    /// Whether the card is the viewer's own.
    ///
    /// ```no_run
    /// # fn demo(profile: profile_widget::profile::Profile) {
    /// let title = if profile.is_me() { "My card" } else { "Colleague" };
    /// # }
    /// ```
    pub fn is_me(&self) -> bool {
        self.me.id == self.person.id
    }

    /// Whether a scope (or, for `user`, any user scope) was granted. With the scopes unknown,
    /// every action is tried and the portal decides.
    ///
    /// ```no_run
    /// # fn demo(profile: profile_widget::profile::Profile) {
    /// let can_create_tasks = profile.has_scope("task");
    /// # }
    /// ```
    pub fn has_scope(&self, scope: &str) -> bool {
        self.scopes
            .as_ref()
            .is_none_or(|scopes| scopes.iter().any(|s| s == scope))
    }

    /// Whether contacts are hidden because only `user_brief` was granted.
    ///
    /// ```no_run
    /// # fn demo(profile: profile_widget::profile::Profile) {
    /// if profile.contacts_hidden() { /* explain instead of blank fields */ }
    /// # }
    /// ```
    pub fn contacts_hidden(&self) -> bool {
        !self.has_scope("user") && !self.has_scope("user_basic")
    }
}

/// Why the profile could not be shown.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum LoadError {
    /// No such user, or not visible to the viewer.
    #[error("user {0} was not found")]
    NotFound(UserId),
    /// The placement context is unusable.
    #[error("placement context: {0}")]
    Context(#[from] ContextError),
    /// The bridge failed.
    #[error(transparent)]
    Bridge(#[from] Error),
}

/// The placement context the frame was opened with, read through the library.
///
/// ```no_run
/// # fn demo(bx24: profile_widget::bx24::Bx24) -> Result<(), profile_widget::profile::LoadError> {
/// let context = profile_widget::profile::placement(&bx24)?;
/// println!("{} for user {}", context.code, context.user_id);
/// # Ok(()) }
/// ```
pub fn placement(bx24: &Bx24) -> Result<PlacementContext, LoadError> {
    let info = bx24.placement_info()?;
    Ok(PlacementContext::from_info_with(&info, bx24::parse_json)?)
}

/// Keys of the first-screen batch.
pub struct FirstScreen {
    /// The batch to send.
    pub batch: Batch,
    scope: BatchKey<Vec<String>>,
    me: BatchKey<Viewer>,
    person: BatchKey<Rows<Person>>,
    presence: BatchKey<Presence>,
    departments: Vec<BatchKey<Rows<Department>>>,
    heads: BatchKey<Rows<Person>>,
}

impl FirstScreen {
    /// Builds the batch for `user`.
    ///
    /// ```
    /// use profile_widget::context::UserId;
    /// use profile_widget::profile::FirstScreen;
    /// let screen = FirstScreen::new(UserId::new(42).unwrap());
    /// assert!(screen.batch.len() <= 50, "one request");
    /// ```
    pub fn new(user: UserId) -> Self {
        let mut batch = Batch::new();
        // Parameters built as JSON (`add_json`): the first paint links no serialiser.
        let scope = added(batch.add_json("scope", "scope", Value::Null));
        let me = added(batch.add_json("me", "profile", Value::Null));
        let person = added(batch.add_json("person", "user.get", by_id(user.get())));
        let presence = added(batch.add_json("presence", "im.user.get", by_id(user.get())));
        let first = by_id(person.reference(&["0", "UF_DEPARTMENT"]));
        let mut departments = vec![added(batch.add_json::<Rows<Department>>(
            "dep0",
            "department.get",
            first,
        ))];
        for level in 1..=LEVELS {
            let parent = by_id(departments[level - 1].reference(&["0", "PARENT"]));
            let key = format!("dep{level}");
            departments.push(added(batch.add_json(&key, "department.get", parent)));
        }
        // Every level's head in one list, the person left out (already in `person`, and
        // never their own manager): a head's record is about 2 KB of the answer.
        let heads = departments
            .iter()
            .map(|department| Value::from(department.reference(&["0", "UF_HEAD"])))
            .collect::<Vec<_>>();
        // `!ID` first: sorted (serde_json's default map) or in insertion order (its
        // `preserve_order`, which another crate of the workspace may turn on), the body is
        // the same, and the loader's copy of it matches either way.
        let mut params = serde_json::Map::new();
        params.insert("!ID".to_owned(), user.get().into());
        params.insert("ID".to_owned(), Value::Array(heads));
        let heads = added(batch.add_json("heads", "user.get", Value::Object(params)));
        Self {
            batch,
            scope,
            me,
            person,
            presence,
            departments,
            heads,
        }
    }

    /// Reads the answers into a [`Profile`], straight from their JSON ([`Record`]): the first
    /// paint links no serde deserializer.
    pub fn read(&self, user: UserId, results: &BatchResults) -> Result<Profile, LoadError> {
        let scopes = results.value(&self.scope).ok().and_then(|r| texts(&r.data));
        let me =
            Viewer::from_json(&results.value(&self.me)?.data).ok_or_else(|| Error::Decode {
                method: "profile".to_owned(),
                path: "ID".to_owned(),
                message: "no valid user id".to_owned(),
            })?;
        let people = Rows::<Person>::from_value(results.value(&self.person)?.data);
        let mut skipped_rows = people.skipped;
        let person = people
            .rows
            .into_iter()
            .find(|p| p.id == user)
            .ok_or(LoadError::NotFound(user))?;
        let presence = results
            .value(&self.presence)
            .ok()
            .and_then(|r| Presence::from_json(&r.data));
        // Pools: whatever each command returned, indexed by id.
        let mut tree: Vec<Department> = Vec::new();
        for key in &self.departments {
            let pool: Rows<Department> = pool(results, key);
            skipped_rows += pool.skipped;
            for department in pool.rows {
                if !tree.iter().any(|d| d.id == department.id) {
                    tree.push(department);
                }
            }
        }
        let heads = pool(results, &self.heads);
        skipped_rows += heads.skipped;
        let managers = manager_chain(person.id.get(), &person.departments, &tree)
            .into_iter()
            .filter_map(|id| heads.rows.iter().find(|p| p.id.get() == id).cloned())
            .collect();
        let departments = person
            .departments
            .iter()
            .filter_map(|id| tree.iter().find(|d| d.id == *id).cloned())
            .collect();
        Ok(Profile {
            me,
            person,
            presence,
            departments,
            managers,
            scopes,
            skipped_rows,
            viewer_admin: false,
        })
    }
}

/// A first-screen command's key. Adding cannot fail (fixed, distinct keys, serializable
/// parameters); a plain message instead of `expect` keeps the error's `Debug` formatting,
/// which only that panic would use, out of both bundles.
fn added<T>(key: Result<BatchKey<T>, Error>) -> BatchKey<T> {
    key.unwrap_or_else(|_| unreachable!("first-screen keys are valid"))
}

/// The rows a list command returned, none when it failed: pools, never fatal.
fn pool<T: Record>(results: &BatchResults, key: &BatchKey<Rows<T>>) -> Rows<T> {
    Rows::from_value(results.value(key).map(|r| r.data).unwrap_or_default())
}

/// A list of texts (the granted scopes), or `None` when the answer is anything else.
fn texts(value: &Value) -> Option<Vec<String>> {
    value
        .as_array()?
        .iter()
        .map(|v| v.as_str().map(str::to_owned))
        .collect()
}

/// `{"ID": id}`: one shared builder instead of a `json!` expansion per command.
fn by_id(id: impl Into<Value>) -> Value {
    let mut params = serde_json::Map::new();
    params.insert("ID".to_owned(), id.into());
    Value::Object(params)
}

#[cfg(test)]
mod tests;
