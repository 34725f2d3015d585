//! The card's content, shared by both renderers (the first paint's plain DOM and the Leptos
//! card): what it says ([`Summary`]), and how its dates and times read ([`format`]). No Leptos
//! here, and nothing that points back at either renderer.

pub mod about;
pub mod format;
mod summary;

pub use summary::{Contact, Fact, Manager, SEPARATOR, Summary};
