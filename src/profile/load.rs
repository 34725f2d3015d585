//! Everything the first screen needs, in one REST request: a batch with `$result[…]`
//! references for the granted scopes, the current user, the person, their presence, their
//! departments, the ancestor departments up to [`LEVELS`] levels and every head on the way.
//!
//! A reference that cannot resolve (no parent above the root, no head) may make the server
//! return an empty list, or a whole first page; the results are therefore used as pools
//! indexed by id, and the manager chain is computed from the tree, never from positions.

use super::model::{Department, Person, Presence, Rows, manager_chain};
use crate::bx24::{Batch, BatchKey, BatchResults, Bx24, Error};
use crate::context::{ContextError, PlacementContext, UserId};
use serde_json::Value;

/// Ancestor levels fetched with the first screen (deeper trees are rare in practice).
pub const LEVELS: usize = 4;

/// The first screen's data.
#[derive(Clone, Debug, PartialEq)]
pub struct Profile {
    /// Who is looking.
    pub me: Person,
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
    me: BatchKey<Person>,
    person: BatchKey<Rows<Person>>,
    presence: BatchKey<Presence>,
    departments: Vec<BatchKey<Rows<Department>>>,
    heads: Vec<BatchKey<Rows<Person>>>,
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
        let scope = added(batch.add("scope", "scope", &()));
        let me = added(batch.add("me", "user.current", &()));
        let person = added(batch.add("person", "user.get", &by_id(user.get())));
        let presence = added(batch.add("presence", "im.user.get", &by_id(user.get())));
        let first = by_id(person.reference(&["0", "UF_DEPARTMENT"]));
        let mut departments = vec![added(batch.add::<Rows<Department>, _>(
            "dep0",
            "department.get",
            &first,
        ))];
        for level in 1..=LEVELS {
            let parent = by_id(departments[level - 1].reference(&["0", "PARENT"]));
            let key = format!("dep{level}");
            departments.push(added(batch.add(&key, "department.get", &parent)));
        }
        let heads = departments
            .iter()
            .enumerate()
            .map(|(level, department)| {
                let head = by_id(department.reference(&["0", "UF_HEAD"]));
                added(batch.add(&format!("head{level}"), "user.get", &head))
            })
            .collect();
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

    /// Reads the answers into a [`Profile`].
    pub fn read(&self, user: UserId, results: &BatchResults) -> Result<Profile, LoadError> {
        let scopes = results.get(&self.scope).map(|r| r.data).ok();
        let me = results.get(&self.me)?.data;
        let people = results.get(&self.person)?.data;
        let mut skipped_rows = people.skipped;
        let person = people
            .rows
            .into_iter()
            .find(|p| p.id == user)
            .ok_or(LoadError::NotFound(user))?;
        let presence = results.get(&self.presence).ok().map(|r| r.data);
        // Pools: whatever each command returned, indexed by id.
        let mut tree: Vec<Department> = Vec::new();
        for key in &self.departments {
            let pool = results.get(key).map(|r| r.data).unwrap_or_default();
            skipped_rows += pool.skipped;
            for department in pool.rows {
                if !tree.iter().any(|d| d.id == department.id) {
                    tree.push(department);
                }
            }
        }
        let mut people: Vec<Person> = Vec::new();
        for key in &self.heads {
            let pool = results.get(key).map(|r| r.data).unwrap_or_default();
            skipped_rows += pool.skipped;
            people.extend(pool.rows);
        }
        let managers = manager_chain(person.id.get(), &person.departments, &tree)
            .into_iter()
            .filter_map(|id| people.iter().find(|p| p.id.get() == id).cloned())
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
        })
    }
}

/// A first-screen command's key. Adding cannot fail (fixed, distinct keys, serializable
/// parameters); a plain message instead of `expect` keeps the error's `Debug` formatting,
/// which only that panic would use, out of both bundles.
fn added<T>(key: Result<BatchKey<T>, Error>) -> BatchKey<T> {
    key.unwrap_or_else(|_| unreachable!("first-screen keys are valid"))
}

/// `{"ID": id}`: one shared builder instead of a `json!` expansion per command.
fn by_id(id: impl Into<Value>) -> Value {
    let mut params = serde_json::Map::new();
    params.insert("ID".to_owned(), id.into());
    Value::Object(params)
}

/// Loads the first screen for `user` in one HTTP request.
///
/// ```no_run
/// # async fn demo(bx24: profile_widget::bx24::Bx24) -> Result<(), profile_widget::profile::LoadError> {
/// let profile = profile_widget::profile::load(&bx24, profile_widget::context::UserId::new(42).unwrap()).await?;
/// println!("{} reports to {:?}", profile.person.full_name(), profile.managers.first().map(|m| m.full_name()));
/// # Ok(()) }
/// ```
pub async fn load(bx24: &Bx24, user: UserId) -> Result<Profile, LoadError> {
    let screen = FirstScreen::new(user);
    let results = bx24.batch(&screen.batch).await?;
    let profile = screen.read(user, &results)?;
    // Every later token must be this viewer's: a portal session that changed hands ends
    // the card instead of acting as the previous user.
    bx24.pin_user(profile.me.id.get());
    Ok(profile)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bx24::{RestCode, RestError};
    use serde_json::{Value, json};

    fn user(id: u32, departments: &[u32]) -> Value {
        json!({"ID": id.to_string(), "NAME": format!("U{id}"), "LAST_NAME": "T", "UF_DEPARTMENT": departments})
    }

    fn denied(method: &str) -> Result<Value, RestError> {
        Err(RestError {
            method: method.into(),
            code: RestCode::InsufficientScope,
            description: String::new(),
            status: None,
        })
    }

    /// The page's inline loader sends the first screen's request before the wasm arrives
    /// (`bx24::handover`): from this template, with `{USER}` replaced by the placement's user.
    /// Any other body would be a second request.
    #[test]
    fn the_loader_sends_exactly_the_first_screens_request() {
        const LOADER: &str = include_str!("../../web/bx24-loader.js");
        let largest = UserId::new(i32::MAX as u64).unwrap();
        let body = FirstScreen::new(largest).batch.request_body();
        let id = largest.get().to_string();
        assert_eq!(body.matches(&id).count(), 2, "{body}");
        let line = format!("var CARD_BATCH = '{}';", body.replace(&id, "{USER}"));
        assert!(
            LOADER.contains(&line),
            "web/bx24-loader.js must hold the first screen's request, as\n{line}"
        );
    }

    #[test]
    fn one_request_with_references() {
        let screen = FirstScreen::new(UserId::new(42).unwrap());
        assert!(screen.batch.len() <= crate::bx24::MAX_BATCH_COMMANDS);
        let commands: Vec<_> = screen
            .batch
            .commands()
            .iter()
            .map(|c| (c.key.as_str(), c.params.clone()))
            .collect();
        assert_eq!(commands[2], ("person", json!({"ID": 42})));
        assert_eq!(
            commands[4],
            ("dep0", json!({"ID": "$result[person][0][UF_DEPARTMENT]"}))
        );
        assert_eq!(
            commands[5],
            ("dep1", json!({"ID": "$result[dep0][0][PARENT]"}))
        );
        assert!(
            commands
                .iter()
                .any(|(k, p)| *k == "head2" && *p == json!({"ID": "$result[dep2][0][UF_HEAD]"}))
        );
    }

    #[test]
    fn reads_pools_into_a_profile() {
        let id = UserId::new(42).unwrap();
        let screen = FirstScreen::new(id);
        let results = BatchResults::from_answers([
            ("scope".to_owned(), Ok(json!(["user", "department", "im"]))),
            ("me".to_owned(), Ok(user(7, &[3]))),
            ("person".to_owned(), Ok(json!([user(42, &[3, 5])]))),
            (
                "presence".to_owned(),
                Ok(json!({"status": "online", "absent": "2026-12-04T00:00:00+03:00"})),
            ),
            (
                "dep0".to_owned(),
                Ok(
                    json!([{"ID": "3", "NAME": "R&D", "PARENT": "2", "UF_HEAD": "42"},
                                           {"ID": "5", "NAME": "QA", "PARENT": "1"}]),
                ),
            ),
            (
                "dep1".to_owned(),
                Ok(json!([{"ID": "2", "NAME": "Eng", "PARENT": "1", "UF_HEAD": "9"}])),
            ),
            (
                "dep2".to_owned(),
                Ok(json!([{"ID": "1", "NAME": "Co", "UF_HEAD": "1"}])),
            ),
            // An unresolvable reference answered with a whole first page: harmless.
            (
                "dep3".to_owned(),
                Ok(
                    json!([{"ID": "1", "NAME": "Co", "UF_HEAD": "1"}, {"ID": "8", "NAME": "X", "PARENT": "1"}]),
                ),
            ),
            ("head0".to_owned(), Ok(json!([user(42, &[3])]))),
            ("head1".to_owned(), Ok(json!([user(9, &[2])]))),
            ("head2".to_owned(), Ok(json!([user(1, &[1])]))),
            (
                "head3".to_owned(),
                Ok(json!([user(1, &[1]), user(2, &[1])])),
            ),
        ]);
        let profile = screen.read(id, &results).unwrap();
        assert!(!profile.is_me());
        assert_eq!(profile.person.full_name(), "U42 T");
        assert_eq!(
            profile
                .departments
                .iter()
                .map(|d| d.name.as_str())
                .collect::<Vec<_>>(),
            ["R&D", "QA"]
        );
        assert_eq!(
            profile
                .managers
                .iter()
                .map(|m| m.id.get())
                .collect::<Vec<_>>(),
            [9, 1]
        );
        assert_eq!(
            profile.presence.as_ref().unwrap().absent_until.unwrap().day,
            4
        );
        assert!(!profile.contacts_hidden());
    }

    #[test]
    fn a_failed_scope_command_leaves_the_scopes_unknown_not_the_smallest() {
        let id = UserId::new(42).unwrap();
        let screen = FirstScreen::new(id);
        let mut person = user(42, &[3]);
        person["EMAIL"] = json!("ada@demo.test");
        let results = BatchResults::from_answers([
            ("scope".to_owned(), denied("scope")),
            ("me".to_owned(), Ok(user(7, &[]))),
            ("person".to_owned(), Ok(json!([person]))),
        ]);
        let profile = screen.read(id, &results).unwrap();
        assert_eq!(profile.scopes, None);
        assert!(!profile.contacts_hidden(), "the contacts it got are shown");
        assert!(
            profile.has_scope("task"),
            "writes are tried: the portal decides"
        );
    }

    #[test]
    fn malformed_rows_are_skipped_and_counted_not_fatal() {
        let id = UserId::new(42).unwrap();
        let screen = FirstScreen::new(id);
        let results = BatchResults::from_answers([
            ("scope".to_owned(), Ok(json!(["user"]))),
            ("me".to_owned(), Ok(user(7, &[]))),
            // A PHP array with a gap, one row without an id, one that is not even an object.
            (
                "person".to_owned(),
                Ok(json!({"0": {"NAME": "no id"}, "2": user(42, &[3]), "3": "junk"})),
            ),
            (
                "dep0".to_owned(),
                Ok(json!([{"ID": "x"}, {"ID": "3", "NAME": "R&D", "UF_HEAD": "9"}])),
            ),
            ("head0".to_owned(), Ok(json!([17, user(9, &[3])]))),
        ]);
        let profile = screen.read(id, &results).unwrap();
        assert_eq!(profile.person.id, id);
        assert_eq!(profile.departments.len(), 1);
        assert_eq!(profile.managers.len(), 1);
        assert_eq!(profile.skipped_rows, 4);
    }

    #[test]
    fn missing_scopes_degrade_and_unknown_users_are_not_found() {
        let id = UserId::new(42).unwrap();
        let screen = FirstScreen::new(id);
        let results = BatchResults::from_answers([
            ("scope".to_owned(), Ok(json!(["user_brief"]))),
            ("me".to_owned(), Ok(user(42, &[]))),
            ("person".to_owned(), Ok(json!([user(42, &[])]))),
            ("presence".to_owned(), denied("im.user.get")),
            ("dep0".to_owned(), denied("department.get")),
        ]);
        let profile = screen.read(id, &results).unwrap();
        assert!(profile.is_me());
        assert_eq!(profile.presence, None);
        assert!(profile.managers.is_empty());
        assert!(profile.contacts_hidden());

        let results = BatchResults::from_answers([
            ("me".to_owned(), Ok(user(7, &[]))),
            ("person".to_owned(), Ok(json!([]))),
        ]);
        assert_eq!(screen.read(id, &results), Err(LoadError::NotFound(id)));
        let results = BatchResults::from_answers([("me".to_owned(), denied("user.current"))]);
        assert!(
            matches!(screen.read(id, &results), Err(LoadError::Bridge(e)) if e.rest_code() == Some("insufficient_scope"))
        );
    }
}
