//! The profile card's data: typed people and departments ([`model`], pure), the
//! one-request first screen ([`load`]), the write actions as data ([`actions`]), meeting
//! slots ([`meeting`]), vCards ([`vcard`]) and the people lists ([`people`]); every request
//! the app sends is in [`api`].

pub mod actions;
pub mod api;
pub mod load;
pub mod meeting;
pub mod model;
pub mod outcome;
pub mod people;
pub mod vcard;

pub use api::load;
pub use load::{FirstScreen, LEVELS, LoadError, Profile, placement};
pub use model::{
    Date, Department, Details, LinkKind, MAX_MANAGERS, Person, PhoneKind, Presence, Record, Rows,
    UserType, Viewer, mailto_href, manager_chain, profile_link, safe_image_url, tel_href,
};
