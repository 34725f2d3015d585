//! People, departments and presence as the widget uses them, decoded leniently from the REST
//! records (bitrix24.md §6.1–6.3): missing keys, `null` and `""` all mean "not set", and every
//! text is hostile until shown as text. Pure, tested natively.

mod details;
mod links;
mod org;

pub use details::{Details, LINK_FIELDS, MAX_LINK_BYTES, MAX_TAG_CHARS, MAX_TAGS, cut};
pub use links::{LinkKind, mailto_href, profile_link, safe_image_url, tel_href};
pub use org::{Department, MAX_MANAGERS, Presence, manager_chain};

use crate::context::{UserId, UserIdError};
use serde::{Deserialize, Deserializer};
use serde_json::{Map, Value};

/// A record of a REST answer (an object), read leniently straight from its JSON. The first
/// paint reads the first screen this way, without serde's deserializer, its visitors and
/// error messages (4 KB gzip of it, measured); each record's `Deserialize`, which the app's
/// typed calls use, is [`Record::read`] behind `Map::deserialize`.
///
/// ```
/// use profile_widget::profile::{Person, Record};
/// let json = serde_json::json!({"ID": "42", "NAME": "Ada"});
/// let person = Person::read(json.as_object().unwrap()).unwrap();
/// assert_eq!(person.name, "Ada");
/// ```
pub trait Record: Sized {
    /// The record in `map`, or why it is none (records are told apart by their id).
    fn read(map: &Map<String, Value>) -> Result<Self, UserIdError>;

    /// The record in `value`, if it is an object that reads as one.
    fn from_json(value: &Value) -> Option<Self> {
        Self::read(value.as_object()?).ok()
    }
}

/// The `Deserialize` of a [`Record`].
fn deserialize_record<'de, T: Record, D: Deserializer<'de>>(d: D) -> Result<T, D::Error> {
    T::read(&Map::deserialize(d)?).map_err(serde::de::Error::custom)
}

/// Text that may be missing, `null`, a number or an object (`{}` in some `user.get` fields).
/// A number reads as the browser writes it (serde_json's float printer would cost the first
/// paint about 4 KB).
fn text_of(value: &Value) -> String {
    match value {
        Value::String(s) => s.trim().to_owned(),
        Value::Number(n) => bx24::form::number(n),
        _ => String::new(),
    }
}

/// A flag that is true unless clearly false (`ACTIVE` is missing for active users in some copies).
fn flag_of(value: &Value) -> bool {
    match value {
        Value::Bool(b) => *b,
        Value::String(s) => !matches!(s.as_str(), "N" | "n" | "0" | "false" | ""),
        Value::Number(n) => n.as_f64() != Some(0.0),
        _ => true,
    }
}

/// `[1, 7]`, `["1"]`, `1`, nothing, or a PHP array with gaps as the REST API sends it: an
/// object (`{"0": "3", "2": "9"}`).
fn ids_of(value: &Value) -> Vec<u32> {
    let items: Vec<&Value> = match value {
        Value::Array(items) => items.iter().collect(),
        Value::Object(map) => map.values().collect(),
        Value::Null => Vec::new(),
        one => vec![one],
    };
    items
        .into_iter()
        .filter_map(|v| UserId::from_json(v).ok().map(UserId::get))
        .collect()
}

/// The rows of a list answer that could be read, and how many could not. A list arrives as an
/// array or, from a PHP array with gaps, as an object; one malformed row is skipped, never
/// fatal for the rest.
///
/// ```
/// use profile_widget::profile::{Person, Rows};
/// let rows: Rows<Person> = serde_json::from_str(r#"{"0":{"ID":"1"},"2":"junk"}"#).unwrap();
/// assert_eq!((rows.rows.len(), rows.skipped), (1, 1));
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct Rows<T> {
    /// The rows read, in their order.
    pub rows: Vec<T>,
    /// Rows that could not be read.
    pub skipped: usize,
}

impl<T> Default for Rows<T> {
    fn default() -> Self {
        Self {
            rows: Vec::new(),
            skipped: 0,
        }
    }
}

impl<T: Record> Rows<T> {
    /// Reads each row of `value` on its own.
    pub fn from_value(value: Value) -> Self {
        let items: Vec<Value> = match value {
            Value::Array(items) => items,
            Value::Object(map) => map.into_iter().map(|(_, row)| row).collect(),
            Value::Null => Vec::new(),
            _ => {
                return Self {
                    rows: Vec::new(),
                    skipped: 1,
                };
            }
        };
        let mut rows = Self::default();
        for item in items {
            match T::from_json(&item) {
                Some(row) => rows.rows.push(row),
                None => rows.skipped += 1,
            }
        }
        rows
    }
}

impl<'de, T: Record> Deserialize<'de> for Rows<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Ok(Self::from_value(Value::deserialize(d)?))
    }
}

/// A calendar date without time (birthdays, employment dates).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Date {
    /// Year, or `None` when only day and month are known.
    pub year: Option<i32>,
    /// 1–12.
    pub month: u32,
    /// 1–31.
    pub day: u32,
}

impl Date {
    /// Reads `2018-07-14T00:00:00+03:00`, `2018-07-14` or `14.07.2018`; anything else is `None`.
    ///
    /// ```
    /// use profile_widget::profile::Date;
    /// assert_eq!(Date::parse("1990-07-14T00:00:00+03:00").map(|d| (d.month, d.day)), Some((7, 14)));
    /// assert_eq!(Date::parse(""), None);
    /// ```
    pub fn parse(text: &str) -> Option<Self> {
        let head = text.trim().get(..10)?;
        let parts: Vec<&str> = head.split(['-', '.']).collect();
        let (year, month, day) = match parts.as_slice() {
            [y, m, d] if y.len() == 4 => (y.parse().ok()?, m.parse().ok()?, d.parse().ok()?),
            [d, m, y] if y.len() == 4 => (y.parse().ok()?, m.parse().ok()?, d.parse().ok()?),
            _ => return None,
        };
        let real = (1..=12).contains(&month)
            && (1..=days_in_month(year, month)).contains(&day)
            && year > 1800;
        real.then_some(Self {
            year: Some(year),
            month,
            day,
        })
    }

    /// Whether this date comes before `other` (dates without a year are never compared).
    fn is_before(self, other: Self) -> bool {
        match (self.year, other.year) {
            (Some(a), Some(b)) => (a, self.month, self.day) < (b, other.month, other.day),
            _ => false,
        }
    }
}

/// Days in `month` of `year` (Gregorian): 31 February and 31 April do not exist.
fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        _ => 31,
    }
}

/// What kind of account a person has.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UserType {
    /// A regular employee.
    Employee,
    /// An external collaborator.
    Extranet,
    /// An e-mail user (invited, never logged in).
    Email,
}

/// Who is looking, from `profile`: a method every application may call (no scope), whose
/// answer is short (id, name, time zone) where `user.current` sends the whole record, on every
/// card's first request. The card needs only the id.
///
/// ```
/// use profile_widget::profile::Viewer;
/// let me: Viewer = serde_json::from_str(r#"{"ID":"1","ADMIN":true,"NAME":"Ada","TIME_ZONE":""}"#).unwrap();
/// assert_eq!(me.id.get(), 1);
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct Viewer {
    /// The id.
    pub id: UserId,
}

impl Record for Viewer {
    fn read(map: &Map<String, Value>) -> Result<Self, UserIdError> {
        let id = map.get("ID").unwrap_or(&Value::Null);
        Ok(Self {
            id: UserId::from_json(id)?,
        })
    }
}

impl<'de> Deserialize<'de> for Viewer {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        deserialize_record(d)
    }
}

/// A person from `user.get` / `user.current`.
///
/// ```
/// use profile_widget::profile::Person;
/// let p: Person = serde_json::from_str(r#"{"ID":"42","NAME":"Ada","LAST_NAME":"Lovelace","UF_DEPARTMENT":[3]}"#).unwrap();
/// assert_eq!(p.full_name(), "Ada Lovelace");
/// assert!(p.active);
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct Person {
    /// The id.
    pub id: UserId,
    /// First name.
    pub name: String,
    /// Last name.
    pub last_name: String,
    /// Second (middle) name.
    pub second_name: String,
    /// Position.
    pub position: String,
    /// `false` for dismissed staff.
    pub active: bool,
    /// `employee`, `extranet`, `email`.
    pub user_type_raw: String,
    /// Department ids.
    pub departments: Vec<u32>,
    /// Photo URL as sent (validate with [`safe_image_url`] before use).
    pub photo: String,
    /// Work e-mail (hidden under `user_brief`).
    pub email: String,
    /// Work phone.
    pub work_phone: String,
    /// Mobile phone.
    pub mobile: String,
    /// Internal extension.
    pub inner_phone: String,
    /// Birthday as sent.
    pub birthday_raw: String,
    /// Employment date as sent.
    pub employment_raw: String,
    /// IANA time zone, e.g. `Europe/Berlin`, or empty.
    pub time_zone: String,
    /// `Y` when online.
    pub is_online_raw: String,
    /// Interests, skills, about me, place, links.
    pub details: Details,
}

// Read through one map instead of a derive with a custom reader per field: the same leniency
// at a fraction of the wasm size.
impl Record for Person {
    fn read(map: &Map<String, Value>) -> Result<Self, UserIdError> {
        let field = |key: &str| map.get(key).unwrap_or(&Value::Null);
        Ok(Self {
            id: UserId::from_json(field("ID"))?,
            name: text_of(field("NAME")),
            last_name: text_of(field("LAST_NAME")),
            second_name: text_of(field("SECOND_NAME")),
            position: text_of(field("WORK_POSITION")),
            active: map.get("ACTIVE").is_none_or(flag_of),
            user_type_raw: text_of(field("USER_TYPE")),
            departments: ids_of(field("UF_DEPARTMENT")),
            photo: text_of(field("PERSONAL_PHOTO")),
            email: text_of(field("EMAIL")),
            work_phone: text_of(field("WORK_PHONE")),
            mobile: text_of(field("PERSONAL_MOBILE")),
            inner_phone: text_of(field("UF_PHONE_INNER")),
            birthday_raw: text_of(field("PERSONAL_BIRTHDAY")),
            employment_raw: text_of(field("UF_EMPLOYMENT_DATE")),
            time_zone: text_of(field("TIME_ZONE")),
            is_online_raw: text_of(field("IS_ONLINE")),
            details: Details::read(map),
        })
    }
}

impl<'de> Deserialize<'de> for Person {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        deserialize_record(d)
    }
}

impl Person {
    /// First and last name, or the id when both are empty.
    ///
    /// ```
    /// use profile_widget::profile::Person;
    /// let p: Person = serde_json::from_str(r#"{"ID":"7"}"#).unwrap();
    /// assert_eq!(p.full_name(), "#7");
    /// ```
    pub fn full_name(&self) -> String {
        let name = [self.name.as_str(), self.last_name.as_str()]
            .iter()
            .filter(|s| !s.is_empty())
            .copied()
            .collect::<Vec<_>>()
            .join(" ");
        if name.is_empty() {
            format!("#{}", self.id)
        } else {
            name
        }
    }

    /// Up to two initials for the avatar placeholder, as written: the stylesheet shows them
    /// in capitals (`text-transform`), by the browser's Unicode case mapping, which keeps
    /// Rust's upper-case tables (about 6 KB gzip) out of the bundle.
    ///
    /// ```
    /// use profile_widget::profile::Person;
    /// let p: Person = serde_json::from_str(r#"{"ID":"7","NAME":"ada","LAST_NAME":"Lovelace"}"#).unwrap();
    /// assert_eq!(p.initials(), "aL");
    /// ```
    pub fn initials(&self) -> String {
        let initials: String = [&self.name, &self.last_name]
            .iter()
            .filter_map(|part| part.chars().find(|c| c.is_alphanumeric()))
            .collect();
        if initials.is_empty() {
            "?".into()
        } else {
            initials
        }
    }

    /// The account type; unknown values count as employees.
    ///
    /// ```
    /// use profile_widget::profile::{Person, UserType};
    /// let p: Person = serde_json::from_str(r#"{"ID":"7","USER_TYPE":"extranet"}"#).unwrap();
    /// assert_eq!(p.user_type(), UserType::Extranet);
    /// ```
    pub fn user_type(&self) -> UserType {
        match self.user_type_raw.as_str() {
            "extranet" => UserType::Extranet,
            "email" => UserType::Email,
            _ => UserType::Employee,
        }
    }

    /// Whether the person is online now.
    ///
    /// ```
    /// use profile_widget::profile::Person;
    /// let p: Person = serde_json::from_str(r#"{"ID":"7","IS_ONLINE":"Y"}"#).unwrap();
    /// assert!(p.is_online());
    /// ```
    pub fn is_online(&self) -> bool {
        self.is_online_raw == "Y"
    }

    /// The birthday, if set and well-formed.
    ///
    /// ```
    /// use profile_widget::profile::Person;
    /// let p: Person = serde_json::from_str(r#"{"ID":"7","PERSONAL_BIRTHDAY":"1990-03-02T00:00:00+00:00"}"#).unwrap();
    /// assert_eq!(p.birthday().unwrap().month, 3);
    /// ```
    pub fn birthday(&self) -> Option<Date> {
        Date::parse(&self.birthday_raw)
    }

    /// The employment date, if set and well-formed.
    ///
    /// ```
    /// use profile_widget::profile::Person;
    /// let p: Person = serde_json::from_str(r#"{"ID":"7","UF_EMPLOYMENT_DATE":""}"#).unwrap();
    /// assert_eq!(p.employment_date(), None);
    /// ```
    pub fn employment_date(&self) -> Option<Date> {
        Date::parse(&self.employment_raw)
    }

    /// The phone numbers that are set, labelled.
    ///
    /// ```
    /// use profile_widget::profile::{Person, PhoneKind};
    /// let p: Person = serde_json::from_str(r#"{"ID":"7","UF_PHONE_INNER":"204"}"#).unwrap();
    /// assert_eq!(p.phones(), vec![(PhoneKind::Inner, "204".to_owned())]);
    /// ```
    pub fn phones(&self) -> Vec<(PhoneKind, String)> {
        [
            (PhoneKind::Work, &self.work_phone),
            (PhoneKind::Mobile, &self.mobile),
            (PhoneKind::Inner, &self.inner_phone),
        ]
        .into_iter()
        .filter(|(_, number)| !number.is_empty())
        .map(|(kind, number)| (kind, number.clone()))
        .collect()
    }
}

/// Which phone a number is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PhoneKind {
    /// Work phone.
    Work,
    /// Mobile.
    Mobile,
    /// Internal extension.
    Inner,
}

#[cfg(test)]
mod tests;
