//! Every request the app sends, in one place (as Leptos's hackernews example keeps its
//! `api.rs`): the first screen's one batch, the search and the lists, the meeting's free/busy,
//! the install page's state and steps, and the writes with their lookups. Views call these
//! and never name a REST method; what is sent is built, and what comes back is read, by the
//! pure modules beside this one (`load`, `actions`, `outcome`, `meeting`) and `crate::install`.

use super::actions::{Write, first_section};
use super::load::{FirstScreen, LoadError, Profile};
use super::meeting::{self, WorkTime, busy_intervals};
use super::model::{Date, Department, Person, Record, Rows};
use super::outcome::Lookup;
use crate::bx24::{Batch, Bx24, Error, ListPage, ListRequest};
use crate::context::UserId;
use crate::install::{Bound, already_bound, bindings, plan};
use futures::{Stream, StreamExt};
use serde_json::{Value, json};

/// Loads everything the card's first screen shows in one request.
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
    let mut profile = screen.read(user, &results)?;
    profile.viewer_admin = bx24.is_admin();
    // Every later token must be this viewer's: a portal session that changed hands ends
    // the card instead of acting as the previous user.
    bx24.pin_user(profile.me.id.get());
    Ok(profile)
}

/// The employees whose name or position matches `text` (`user.search`, one page); a malformed
/// row is left out, as in every list.
pub async fn search(bx24: &Bx24, text: &str) -> Result<Vec<Person>, Error> {
    let found = bx24
        .call::<Rows<Person>, _>("user.search", &json!({"FIND": text.trim()}))
        .await?;
    Ok(found.data.rows)
}

/// Which tags a tag belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tags {
    /// `UF_INTERESTS`.
    Interests,
    /// `UF_SKILLS`.
    Skills,
}

/// The active people other than `person` who have `tag` among their interests or skills, as
/// far as the first page goes (50), and whether there are more. `user.get` filters a multiple
/// field by any of its values, and `user.search` cannot filter on these fields at all
/// (bitrix24.md §6.1; the simulator does the same, docs/simulator.md).
pub async fn sharing(
    bx24: &Bx24,
    tags: Tags,
    tag: &str,
    person: UserId,
) -> Result<(Vec<Person>, bool), Error> {
    let field = match tags {
        Tags::Interests => "UF_INTERESTS",
        Tags::Skills => "UF_SKILLS",
    };
    let filter = json!({"FILTER": {field: tag, "ACTIVE": true}});
    let found = bx24.call::<Rows<Person>, _>("user.get", &filter).await?;
    let people = found.data.rows.into_iter().filter(|p| p.id != person);
    Ok((people.collect(), found.next.is_some()))
}

/// The active employees of `departments`, page by page (the ID cursor, capped by the bridge).
/// A row keeps no [`Details`](super::model::Details): about me, notes and links of thousands
/// of colleagues would hold megabytes no row shows (a row opens a freshly loaded card).
pub fn people_in(
    bx24: &Bx24,
    departments: &[u32],
) -> Result<impl Stream<Item = Result<ListPage<Person>, Error>> + 'static, Error> {
    let filter = json!({"UF_DEPARTMENT": departments, "ACTIVE": true});
    let pages = bx24.list_with(ListRequest::new("user.get", &filter)?, |row| {
        Person::from_json(&row)
    });
    Ok(pages.map(|page| {
        page.map(|mut page| {
            page.items
                .iter_mut()
                .for_each(|p| p.details = Default::default());
            page
        })
    }))
}

/// The departments `head` heads, every page of them.
pub async fn headed_by(bx24: &Bx24, head: UserId) -> Result<Vec<Department>, Error> {
    let rows = bx24
        .all_pages("department.get", &json!({"UF_HEAD": head.get()}))
        .await?;
    Ok(Rows::<Department>::from_value(Value::Array(rows)).rows)
}

/// What a meeting needs to be offered, read in one request.
#[derive(Clone, Debug, PartialEq)]
pub struct Availability {
    /// The viewer's calendar to put it in (`None` when they have none).
    pub section: Option<String>,
    /// Busy intervals of both people, minutes on the viewer's clock.
    pub busy: Vec<(i64, i64)>,
    /// The portal's working time and weekend days (the default when they cannot be read).
    pub work: WorkTime,
}

/// The viewer's calendar, both people's busy time from `from` to `to` (whole days), and the
/// portal's working time, in one request.
pub async fn availability(
    bx24: &Bx24,
    me: UserId,
    them: UserId,
    from: Date,
    to: Date,
) -> Result<Availability, Error> {
    let day = |d: Date| meeting::local_iso(d, 0)[..10].to_owned();
    let mut batch = Batch::new();
    let sections = batch.add_json::<Value>(
        "sections",
        "calendar.section.get",
        json!({"type": "user", "ownerId": me.get()}),
    )?;
    let busy = batch.add_json::<Value>(
        "busy",
        "calendar.accessibility.get",
        json!({"users": [me.get(), them.get()], "from": day(from), "to": day(to)}),
    )?;
    let settings = batch.add_json::<Value>("settings", "calendar.settings.get", Value::Null)?;
    let results = bx24.batch(&batch).await?;
    Ok(Availability {
        section: first_section(&results.get(&sections)?.data),
        busy: busy_intervals(&results.get(&busy)?.data),
        work: results
            .get(&settings)
            .map(|r| WorkTime::from_settings(&r.data))
            .unwrap_or_default(),
    })
}

/// A write, or the read that finds one whose answer was lost.
#[derive(Clone, Copy, Debug)]
pub enum Sent<'a> {
    /// The write itself.
    Write(&'a Write),
    /// Its lookup.
    LookUp(&'a Lookup),
}

/// Sends a write or its lookup (one path for both: the forms' code exists once); the
/// `result` on success.
pub async fn send(bx24: &Bx24, sent: Sent<'_>) -> Result<Value, Error> {
    let (method, params) = match sent {
        Sent::Write(write) => (write.action.method, write.params.clone()),
        Sent::LookUp(lookup) => lookup.request(),
    };
    Ok(bx24.call::<Value, _>(method, &params).await?.data)
}

/// Whether the application is installed, and the profile placements bound now (titles in
/// `lang`, the portal's language), in one request.
pub async fn install_state(bx24: &Bx24, lang: &str) -> Result<(bool, Vec<Bound>), Error> {
    let mut batch = Batch::new();
    // JSON parameters (`add_json`): no serialiser linked for them (as the first screen's).
    let info = batch.add_json::<Value>("info", "app.info", Value::Null)?;
    let bound = batch.add_json::<Value>("bound", "placement.get", Value::Null)?;
    let results = bx24.batch(&batch).await?;
    let installed = results
        .get(&info)?
        .data
        .get("INSTALLED")
        .and_then(Value::as_bool)
        .unwrap_or(false);
    Ok((installed, bindings(&results.get(&bound)?.data, lang)))
}

/// Makes the bindings match `wanted` for `handler`, call by call (`install::plan`); a bind
/// the portal reports as already made counts as done.
pub async fn install(
    bx24: &Bx24,
    bound: &[Bound],
    wanted: [bool; 2],
    handler: &str,
    title: &str,
) -> Result<(), Error> {
    for step in plan(bound, &wanted, handler, title) {
        match bx24.call::<Value, _>(step.method, &step.params).await {
            Err(Error::Rest(rest))
                if step.method == "placement.bind"
                    && already_bound(rest.code.as_str(), &rest.description) => {}
            Err(error) => return Err(error),
            Ok(_) => {}
        }
    }
    Ok(())
}
