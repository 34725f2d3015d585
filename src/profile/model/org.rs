//! Departments, the manager chain they imply, and presence, decoded leniently.

use super::{Date, Record, deserialize_record, text_of};
use crate::context::{UserId, UserIdError};
use serde::{Deserialize, Deserializer};
use serde_json::{Map, Value};

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

impl Record for Department {
    fn read(map: &Map<String, Value>) -> Result<Self, UserIdError> {
        let field = |key: &str| map.get(key).unwrap_or(&Value::Null);
        let optional = |key: &str| UserId::from_json(field(key)).ok().map(UserId::get);
        Ok(Self {
            id: UserId::from_json(field("ID"))?.get(),
            name: text_of(field("NAME")),
            parent: optional("PARENT"),
            head: optional("UF_HEAD"),
        })
    }
}

impl<'de> Deserialize<'de> for Department {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        deserialize_record(d)
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

impl Record for Presence {
    fn read(map: &Map<String, Value>) -> Result<Self, UserIdError> {
        let field = |key: &str| map.get(key).unwrap_or(&Value::Null);
        Ok(Self {
            status: text_of(field("status")),
            absent_until: field("absent").as_str().and_then(Date::parse),
        })
    }
}

impl<'de> Deserialize<'de> for Presence {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        deserialize_record(d)
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
