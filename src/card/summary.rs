//! What the top of the card says, worked out once for its two renderers: the Leptos card and
//! the first paint, which draws the same header, contacts and facts before the app has
//! loaded (see `first_paint`). Labels are localized, from the first screen's own tables
//! (`i18n::t_card`: the first paint links no other text); values from the portal stay plain
//! text, for each renderer to insert as text.

use super::format;
use crate::i18n::{CardMsg, Lang, t_card};
use crate::profile::{PhoneKind, Profile, UserType, mailto_href, safe_image_url, tel_href};

/// One contact: its label, the value shown (and copied), and a link built with encoders.
#[derive(Clone, Debug, PartialEq)]
pub struct Contact {
    /// "Email", "Mobile", …
    pub label: &'static str,
    /// The address or number as the portal gave it.
    pub value: String,
    /// `mailto:`/`tel:` link, when the value makes one.
    pub href: Option<String>,
}

/// One fact: its label, a class for styles and tests, and its values. Each value is shown
/// isolated (`<bdi>`), joined by [`SEPARATOR`] (or, for tags, each in a chip of its own): a
/// right-to-left override in one department's name must not reverse the next one.
#[derive(Clone, Debug, PartialEq)]
pub struct Fact {
    /// "Departments", "Birthday", …
    pub label: &'static str,
    /// `departments`, `place`, `birthday`, `employed`, `interests` or `skills`.
    pub class: &'static str,
    /// The texts shown.
    pub values: Vec<String>,
    /// Whether the values are tags, shown as chips (the app's card makes each a button that
    /// lists the colleagues who share it).
    pub chips: bool,
}

/// A manager's line: name and position, each isolated, joined by [`SEPARATOR`].
#[derive(Clone, Debug, PartialEq)]
pub struct Manager {
    /// The full name.
    pub name: String,
    /// The position, or empty.
    pub position: String,
}

/// Between values shown on one line.
pub const SEPARATOR: &str = " · ";

/// The header, contacts and facts of a profile's card.
#[derive(Clone, Debug, PartialEq)]
pub struct Summary {
    /// "My card" or "Colleague".
    pub mode: &'static str,
    /// A photo URL safe to load, if any.
    pub photo: Option<String>,
    /// Shown when there is no photo or it fails to load.
    pub initials: String,
    /// The person's full name.
    pub name: String,
    /// Their position.
    pub position: String,
    /// `(class, text)` of each badge, the profile's role: administrator (on the viewer's own
    /// card), dismissed, extranet, invited.
    pub badges: Vec<(&'static str, &'static str)>,
    /// `(class, text)` of the presence line.
    pub presence: (&'static str, String),
    /// Why no contacts are listed, when none are.
    pub contacts_note: Option<&'static str>,
    /// Email and phones.
    pub contacts: Vec<Contact>,
    /// Departments, birthday, employment date.
    pub facts: Vec<Fact>,
    /// Managers, nearest first.
    pub managers: Vec<Manager>,
    /// Said instead of managers when there are none.
    pub no_manager: Option<&'static str>,
}

impl Summary {
    /// The summary of `profile` in `lang`, for a portal at `domain` (relative photo URLs).
    ///
    /// ```no_run
    /// # fn demo(profile: profile_widget::profile::Profile) {
    /// use profile_widget::{card::Summary, i18n::Lang};
    /// let summary = Summary::new(Lang::En, &profile, "example.bitrix24.com");
    /// println!("{} · {}", summary.name, summary.presence.1);
    /// # }
    /// ```
    pub fn new(lang: Lang, profile: &Profile, domain: &str) -> Self {
        let person = &profile.person;
        let photo = safe_image_url(&person.photo, &format!("http://{domain}"))
            .or_else(|| safe_image_url(&person.photo, &format!("https://{domain}")));
        let mode = if profile.is_me() {
            CardMsg::MyCard
        } else {
            CardMsg::ColleagueCard
        };
        let managers: Vec<Manager> = profile
            .managers
            .iter()
            .map(|m| Manager {
                name: m.full_name(),
                position: m.position.clone(),
            })
            .collect();
        let contacts = contacts(lang, profile);
        let contacts_note = if profile.contacts_hidden() {
            Some(t_card(lang, CardMsg::ContactsHidden))
        } else if contacts.is_empty() {
            Some(t_card(lang, CardMsg::NoContacts))
        } else {
            None
        };
        Self {
            mode: t_card(lang, mode),
            photo,
            initials: person.initials(),
            name: person.full_name(),
            position: person.position.clone(),
            badges: badges(lang, profile),
            presence: presence(lang, profile),
            contacts_note,
            contacts,
            facts: facts(lang, profile),
            no_manager: managers
                .is_empty()
                .then(|| t_card(lang, CardMsg::NoManager)),
            managers,
        }
    }
}

fn badges(lang: Lang, profile: &Profile) -> Vec<(&'static str, &'static str)> {
    let person = &profile.person;
    let mut badges = Vec::new();
    if profile.viewer_admin && profile.is_me() {
        badges.push(("badge admin", t_card(lang, CardMsg::BadgeAdmin)));
    }
    if !person.active {
        badges.push(("badge fired", t_card(lang, CardMsg::BadgeFired)));
    }
    match person.user_type() {
        UserType::Extranet => badges.push(("badge extranet", t_card(lang, CardMsg::BadgeExtranet))),
        UserType::Email => badges.push(("badge invited", t_card(lang, CardMsg::BadgeInvited))),
        UserType::Employee => {}
    }
    badges
}

fn presence(lang: Lang, profile: &Profile) -> (&'static str, String) {
    let absent = profile
        .presence
        .as_ref()
        .and_then(|p| p.absent_until_on(format::today()))
        .map(|until| crate::i18n::absent_until(lang, &format::date(lang, until)));
    let online = profile.person.is_online()
        || profile
            .presence
            .as_ref()
            .is_some_and(|p| p.status == "online");
    match absent {
        Some(text) => ("presence absent", text),
        None if online => ("presence online", t_card(lang, CardMsg::Online).to_owned()),
        None => (
            "presence offline",
            t_card(lang, CardMsg::Offline).to_owned(),
        ),
    }
}

fn contacts(lang: Lang, profile: &Profile) -> Vec<Contact> {
    let person = &profile.person;
    let mut rows = Vec::new();
    if !person.email.is_empty() {
        rows.push(Contact {
            label: t_card(lang, CardMsg::Email),
            value: person.email.clone(),
            href: mailto_href(&person.email),
        });
    }
    for (kind, number) in person.phones() {
        let label = match kind {
            PhoneKind::Work => CardMsg::WorkPhone,
            PhoneKind::Mobile => CardMsg::Mobile,
            PhoneKind::Inner => CardMsg::InnerPhone,
        };
        rows.push(Contact {
            label: t_card(lang, label),
            href: tel_href(&number),
            value: number,
        });
    }
    rows
}

fn facts(lang: Lang, profile: &Profile) -> Vec<Fact> {
    let person = &profile.person;
    let mut rows = Vec::new();
    let mut add = |label, class, values, chips| {
        rows.push(Fact {
            label: t_card(lang, label),
            class,
            values,
            chips,
        })
    };
    let mut fact = |label, class, values| add(label, class, values, false);
    if !profile.departments.is_empty() {
        let names = profile.departments.iter().map(|d| d.name.clone()).collect();
        fact(CardMsg::Departments, "departments", names);
    }
    let place = person.details.place();
    if !place.is_empty() {
        fact(CardMsg::Place, "place", place);
    }
    if let Some(mut birthday) = person.birthday() {
        birthday.year = None; // a birthday shows day and month only
        fact(
            CardMsg::Birthday,
            "birthday",
            vec![format::date(lang, birthday)],
        );
    }
    if let Some(employed) = person.employment_date() {
        fact(
            CardMsg::EmploymentDate,
            "employed",
            vec![format::date(lang, employed)],
        );
    }
    for (label, class, tags) in [
        (CardMsg::Interests, "interests", &person.details.interests),
        (CardMsg::Skills, "skills", &person.details.skills),
    ] {
        if !tags.is_empty() {
            add(label, class, tags.clone(), true);
        }
    }
    rows
}
