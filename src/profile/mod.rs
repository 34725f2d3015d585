//! The profile card's data: typed people and departments ([`model`], pure), the
//! one-request first screen ([`load`]), the write actions' drafts ([`actions`]), meeting
//! slots ([`meeting`]), vCards ([`vcard`]) and the people lists ([`people`]).

pub mod actions;
pub mod load;
pub mod meeting;
pub mod model;
pub mod outcome;
pub mod people;
pub mod vcard;

pub use load::{FirstScreen, LEVELS, LoadError, Profile, load, placement};
pub use model::{
    Date, Department, MAX_MANAGERS, Person, PhoneKind, Presence, Rows, UserType, mailto_href,
    manager_chain, safe_image_url, tel_href,
};
