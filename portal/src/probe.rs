//! Test control on one person (`POST /sim/api/person`): move them to another time zone, and
//! read what an end-to-end test needs to know about them — their record as `user.get` sends
//! it with every scope, and, per interest and per skill, who else has it.

use crate::company::{UserScope, user_record};
use crate::server::Portal;
use axum::extract::State;
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use serde_json::{Map, Value, json};

#[derive(Deserialize)]
pub struct PersonRequest {
    id: u32,
    /// A new IANA time zone for them (any text: it is sent as is).
    time_zone: Option<String>,
}

/// `{"record": {…}, "interests": {"<tag>": [ids of the other active people who have it]},
/// "skills": {…}}`, or 404 for an unknown id.
pub async fn person(
    State(portal): State<Portal>,
    axum::Json(request): axum::Json<PersonRequest>,
) -> Response {
    let mut sim = portal.sim();
    let origin = sim.portal_origin.clone();
    let Some(index) = sim.company.users.iter().position(|u| u.id == request.id) else {
        return (axum::http::StatusCode::NOT_FOUND, "no such person").into_response();
    };
    if let Some(zone) = request.time_zone {
        sim.company.users[index].time_zone = Box::leak(zone.into_boxed_str());
    }
    let user = &sim.company.users[index];
    let others: Vec<_> = sim
        .company
        .users
        .iter()
        .filter(|u| u.active && u.id != user.id)
        .collect();
    let sharing = |tags: &[String], of: fn(&crate::company::User) -> &Vec<String>| {
        let mut found = Map::new();
        for tag in tags {
            let lower = tag.to_lowercase();
            let ids: Vec<u32> = others
                .iter()
                .filter(|u| of(u).iter().any(|t| t.to_lowercase() == lower))
                .map(|u| u.id)
                .collect();
            found.insert(tag.clone(), json!(ids));
        }
        Value::Object(found)
    };
    axum::Json(json!({
        "record": user_record(user, UserScope::Full, &origin, false),
        "interests": sharing(&user.profile.interests, |u| &u.profile.interests),
        "skills": sharing(&user.profile.skills, |u| &u.profile.skills),
    }))
    .into_response()
}
