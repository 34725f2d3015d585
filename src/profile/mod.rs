//! The profile card's data: typed people and departments ([`model`], pure) and the
//! one-request first screen ([`load`]).

pub mod load;
pub mod model;

pub use load::{FirstScreen, LEVELS, LoadError, Profile, load};
pub use model::{
    Date, Department, Person, PhoneKind, Presence, UserType, mailto_href, manager_chain,
    safe_image_url, tel_href,
};
