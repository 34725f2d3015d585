//! People, departments and presence as the widget uses them, decoded leniently from the REST
//! records (bitrix24.md §6.1–6.3): missing keys, `null` and `""` all mean "not set", and every
//! text is hostile until shown as text. Pure, tested natively.

use crate::context::UserId;
use serde::{Deserialize, Deserializer};
use serde_json::Value;

/// Text that may be missing, `null`, a number or an object (`{}` in some `user.get` fields).
fn text_of(value: &Value) -> String {
    match value {
        Value::String(s) => s.trim().to_owned(),
        Value::Number(n) => n.to_string(),
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

impl<T: serde::de::DeserializeOwned> Rows<T> {
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
            match serde_json::from_value(item) {
                Ok(row) => rows.rows.push(row),
                Err(_) => rows.skipped += 1,
            }
        }
        rows
    }
}

impl<'de, T: serde::de::DeserializeOwned> Deserialize<'de> for Rows<T> {
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
}

// Read through one map instead of a derive with a custom reader per field: the same leniency
// at a fraction of the wasm size.
impl<'de> Deserialize<'de> for Person {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let map = serde_json::Map::deserialize(d)?;
        let field = |key: &str| map.get(key).unwrap_or(&Value::Null);
        Ok(Self {
            id: UserId::from_json(field("ID")).map_err(serde::de::Error::custom)?,
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
        })
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

/// A department from `department.get`.
///
/// ```
/// use profile_widget::profile::Department;
/// let d: Department = serde_json::from_str(r#"{"ID":"3","NAME":"R&D","SORT":500,"PARENT":"1"}"#).unwrap();
/// assert_eq!((d.id, d.parent, d.head), (3, Some(1), None));
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct Department {
    /// The id.
    pub id: u32,
    /// The name.
    pub name: String,
    /// The parent department; `None` for the root.
    pub parent: Option<u32>,
    /// The head's user id.
    pub head: Option<u32>,
}

impl<'de> Deserialize<'de> for Department {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let map = serde_json::Map::deserialize(d)?;
        let field = |key: &str| map.get(key).unwrap_or(&Value::Null);
        let optional = |key: &str| UserId::from_json(field(key)).ok().map(UserId::get);
        Ok(Self {
            id: UserId::from_json(field("ID"))
                .map(UserId::get)
                .map_err(serde::de::Error::custom)?,
            name: text_of(field("NAME")),
            parent: optional("PARENT"),
            head: optional("UF_HEAD"),
        })
    }
}

/// Presence from `im.user.get`.
///
/// ```
/// use profile_widget::profile::Presence;
/// let p: Presence = serde_json::from_str(r#"{"status":"online","absent":false}"#).unwrap();
/// assert_eq!(p.absent_until, None);
/// ```
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Presence {
    /// `online`, `away`, `dnd`, …
    pub status: String,
    /// When an absence ends (`absent`: `false` when not absent).
    pub absent_until: Option<Date>,
}

impl Presence {
    /// When the absence ends, unless it ended before `today`.
    ///
    /// ```
    /// use profile_widget::profile::{Date, Presence};
    /// let p: Presence = serde_json::from_str(r#"{"absent":"2020-01-10"}"#).unwrap();
    /// assert_eq!(p.absent_until_on(Date::parse("2026-11-30").unwrap()), None);
    /// ```
    pub fn absent_until_on(&self, today: Date) -> Option<Date> {
        self.absent_until.filter(|until| !until.is_before(today))
    }
}

impl<'de> Deserialize<'de> for Presence {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let map = serde_json::Map::deserialize(d)?;
        let field = |key: &str| map.get(key).unwrap_or(&Value::Null);
        Ok(Self {
            status: text_of(field("status")),
            absent_until: field("absent").as_str().and_then(Date::parse),
        })
    }
}

/// The longest manager chain shown: deeper real hierarchies are rare, and a hostile tree (a
/// long cycle of departments) must not list a thousand managers.
pub const MAX_MANAGERS: usize = 12;

/// The managers above `person`, nearest first: the head of their first department, or of the
/// nearest ancestor department whose head is someone else, then up to the root.
///
/// ```
/// use profile_widget::profile::{manager_chain, Department};
/// let tree = [
///     Department { id: 1, name: "Co".into(), parent: None, head: Some(1) },
///     Department { id: 3, name: "R&D".into(), parent: Some(1), head: Some(42) },
/// ];
/// assert_eq!(manager_chain(42, &[3], &tree), vec![1]);   // the head of R&D reports to 1
/// assert_eq!(manager_chain(7, &[3], &tree), vec![42, 1]);
/// ```
pub fn manager_chain(person: u32, departments: &[u32], tree: &[Department]) -> Vec<u32> {
    let mut chain = Vec::new();
    let mut at = departments.first().copied();
    let mut visited = Vec::new();
    while let Some(id) = at
        && chain.len() < MAX_MANAGERS
    {
        if visited.contains(&id) {
            break; // a cycle in hostile data
        }
        visited.push(id);
        let Some(department) = tree.iter().find(|d| d.id == id) else {
            break;
        };
        if let Some(head) = department.head
            && head != person
            && !chain.contains(&head)
        {
            chain.push(head);
        }
        at = department.parent;
    }
    chain
}

/// The photo URL if it is safe to load: `https:` anywhere, or the portal's own origin.
/// `javascript:`, `data:`, plain `http:` elsewhere and relative URLs are refused.
///
/// ```
/// use profile_widget::profile::safe_image_url;
/// assert!(safe_image_url("https://cdn.test/a.jpg", "http://127.0.0.1:8000").is_some());
/// assert!(safe_image_url("http://127.0.0.1:8000/sim/photo/2.svg", "http://127.0.0.1:8000").is_some());
/// assert!(safe_image_url("javascript:alert(1)", "http://127.0.0.1:8000").is_none());
/// ```
pub fn safe_image_url(raw: &str, portal_origin: &str) -> Option<String> {
    let url = raw.trim();
    let allowed_char =
        |c: char| c.is_ascii_graphic() && !matches!(c, '"' | '\'' | '<' | '>' | '\\' | '`');
    if url.is_empty() || !url.chars().all(allowed_char) {
        return None;
    }
    let lower = url.to_ascii_lowercase();
    let https = lower.starts_with("https://") && url.len() > "https://".len();
    let own = !portal_origin.is_empty()
        && lower.starts_with(&format!("{}/", portal_origin.to_ascii_lowercase()));
    (https || own).then(|| url.to_owned())
}

/// A `tel:` link for a phone number: digits, a leading `+`, and `,`/`;` pauses only.
///
/// ```
/// use profile_widget::profile::tel_href;
/// assert_eq!(tel_href("+49 (30) 123-45"), Some("tel:+493012345".into()));
/// assert_eq!(tel_href("call me"), None);
/// ```
pub fn tel_href(number: &str) -> Option<String> {
    let mut out = String::new();
    for c in number.trim().chars() {
        match c {
            '+' if out.is_empty() => out.push('+'),
            '0'..='9' | ',' | ';' => out.push(c),
            _ => {}
        }
    }
    out.chars()
        .any(|c| c.is_ascii_digit())
        .then(|| format!("tel:{out}"))
}

/// A `mailto:` link with the address percent-encoded; `None` unless it looks like an address.
///
/// ```
/// use profile_widget::profile::mailto_href;
/// assert_eq!(mailto_href("ada@example.test"), Some("mailto:ada@example.test".into()));
/// assert_eq!(mailto_href("a?b@x.test"), Some("mailto:a%3Fb@x.test".into()));
/// assert_eq!(mailto_href("javascript:x"), None);
/// ```
pub fn mailto_href(address: &str) -> Option<String> {
    let address = address.trim();
    let (local, domain) = address.rsplit_once('@')?;
    if local.is_empty() || domain.is_empty() || !domain.contains('.') {
        return None;
    }
    let encode = |part: &str| -> String {
        part.bytes()
            .map(|b| match b {
                b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'+' => {
                    (b as char).to_string()
                }
                other => format!("%{other:02X}"),
            })
            .collect()
    };
    Some(format!("mailto:{}@{}", encode(local), encode(domain)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn person(value: Value) -> Person {
        serde_json::from_value(value).unwrap()
    }

    #[test]
    fn lenient_records() {
        let p = person(json!({
            "ID": 42, "NAME": null, "LAST_NAME": " Lovelace ", "ACTIVE": "N",
            "UF_DEPARTMENT": ["3", 7, "x"], "TIMESTAMP_X": {}, "PERSONAL_PHOTO": null,
            "USER_TYPE": "email", "IS_ONLINE": "N"
        }));
        assert_eq!(p.id.get(), 42);
        assert_eq!(p.full_name(), "Lovelace");
        assert!(!p.active);
        assert_eq!(p.departments, vec![3, 7]);
        assert_eq!(p.photo, "");
        assert_eq!(p.user_type(), UserType::Email);
        assert!(!p.is_online());
        assert!(serde_json::from_value::<Person>(json!({"NAME": "no id"})).is_err());
        assert!(serde_json::from_value::<Person>(json!({"ID": "0"})).is_err());
    }

    #[test]
    fn dates() {
        assert_eq!(
            Date::parse("14.07.2018"),
            Some(Date {
                year: Some(2018),
                month: 7,
                day: 14
            })
        );
        for bad in [
            "",
            "2018-13-01",
            "2018-00-10",
            "garbage!!!",
            "18-07-14",
            "{}",
        ] {
            assert_eq!(Date::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn impossible_dates_are_refused() {
        for bad in [
            "2023-02-29",
            "2024-02-30",
            "31.04.2020",
            "2021-06-31",
            "1900-02-29",
        ] {
            assert_eq!(Date::parse(bad), None, "{bad}");
        }
        for good in ["2024-02-29", "2000-02-29", "31.12.2020", "2021-04-30"] {
            assert!(Date::parse(good).is_some(), "{good}");
        }
    }

    #[test]
    fn an_absence_that_ended_is_not_shown() {
        let today = Date::parse("2026-11-30").unwrap();
        let absent = |until: &str| -> Presence {
            serde_json::from_value(json!({"status": "away", "absent": until})).unwrap()
        };
        assert_eq!(
            absent("2026-11-29T00:00:00+03:00").absent_until_on(today),
            None
        );
        assert_eq!(absent("2025-12-31").absent_until_on(today), None);
        assert_eq!(
            absent("2026-11-30").absent_until_on(today),
            Date::parse("2026-11-30"),
            "absent until today is still absent"
        );
        assert_eq!(
            absent("2027-01-02").absent_until_on(today),
            Date::parse("2027-01-02")
        );
    }

    #[test]
    fn php_arrays_with_gaps_arrive_as_objects() {
        let p = person(json!({"ID": "5", "UF_DEPARTMENT": {"0": "3", "2": 9}}));
        assert_eq!(p.departments, vec![3, 9]);
    }

    #[test]
    fn a_thousand_long_department_cycle_lists_a_bounded_chain() {
        let tree: Vec<Department> = (1..=1_000)
            .map(|id| Department {
                id,
                name: format!("D{id}"),
                parent: Some(if id == 1_000 { 1 } else { id + 1 }),
                head: Some(10_000 + id),
            })
            .collect();
        assert_eq!(manager_chain(7, &[1], &tree).len(), MAX_MANAGERS);
    }

    #[test]
    fn managers_climb_the_tree_and_survive_cycles() {
        let tree = vec![
            Department {
                id: 1,
                name: "Co".into(),
                parent: None,
                head: Some(1),
            },
            Department {
                id: 2,
                name: "Sales".into(),
                parent: Some(1),
                head: None,
            },
            Department {
                id: 3,
                name: "EMEA".into(),
                parent: Some(2),
                head: Some(50),
            },
            Department {
                id: 8,
                name: "Loop A".into(),
                parent: Some(9),
                head: Some(60),
            },
            Department {
                id: 9,
                name: "Loop B".into(),
                parent: Some(8),
                head: Some(61),
            },
        ];
        assert_eq!(manager_chain(70, &[3], &tree), vec![50, 1]);
        assert_eq!(
            manager_chain(50, &[3], &tree),
            vec![1],
            "a head reports upwards"
        );
        assert_eq!(
            manager_chain(1, &[1], &tree),
            Vec::<u32>::new(),
            "the top has none"
        );
        assert_eq!(manager_chain(70, &[2], &tree), vec![1], "no head: climb");
        assert_eq!(manager_chain(70, &[], &tree), Vec::<u32>::new());
        assert_eq!(manager_chain(70, &[8], &tree), vec![60, 61]);
        assert_eq!(manager_chain(70, &[404], &tree), Vec::<u32>::new());
    }

    #[test]
    fn only_safe_images() {
        let portal = "http://127.0.0.1:8000";
        for bad in [
            "javascript:alert(1)",
            "JAVASCRIPT:alert(1)",
            "data:image/svg+xml;base64,PHN2Zz4=",
            "http://evil.test/x.png",
            "/upload/x.png",
            "//evil.test/x.png",
            "https://",
            "https://x.test/a b.png",
            "https://x.test/\"onerror=\"x",
            "http://127.0.0.1:8000.evil.test/x.png",
        ] {
            assert_eq!(safe_image_url(bad, portal), None, "{bad}");
        }
        assert!(safe_image_url("HTTPS://cdn.test/x.png", portal).is_some());
    }

    #[test]
    fn links_are_built_with_encoders() {
        assert_eq!(tel_href("204"), Some("tel:204".into()));
        assert_eq!(
            tel_href("+1 555 0000002,123"),
            Some("tel:+15550000002,123".into())
        );
        assert_eq!(tel_href("javascript:alert(1)"), Some("tel:1".into()));
        assert_eq!(tel_href(""), None);
        assert_eq!(
            mailto_href("ada@demo.test"),
            Some("mailto:ada@demo.test".into())
        );
        assert_eq!(
            mailto_href("a b<script>@x.test"),
            Some("mailto:a%20b%3Cscript%3E@x.test".into())
        );
        assert_eq!(mailto_href("no-at-sign"), None);
        assert_eq!(mailto_href("a@localhost"), None);
    }
}
