//! The demo company: a deterministic, seeded generator of a department tree with heads and
//! employees carrying every field type the real API returns (bitrix24.md §6.1–6.3), with the
//! awkward cases on purpose: right-to-left and very long names, fired and extranet users,
//! people without a department, no photo, many time zones.

use serde_json::{Map, Value, json};

/// One department.
#[derive(Clone, Debug, PartialEq)]
pub struct Department {
    pub id: u32,
    pub name: String,
    pub sort: i64,
    pub parent: Option<u32>,
    pub head: Option<u32>,
}

/// One person.
#[derive(Clone, Debug, PartialEq)]
pub struct User {
    pub id: u32,
    pub active: bool,
    pub name: String,
    pub last_name: String,
    pub second_name: String,
    pub gender: &'static str,
    pub email: String,
    pub position: String,
    pub departments: Vec<u32>,
    pub user_type: &'static str,
    pub has_photo: bool,
    /// A photo URL sent as is instead of the generated one (hostile-data tests).
    pub photo_url: Option<String>,
    pub birthday: String,
    pub date_register: String,
    pub employment_date: String,
    pub time_zone: &'static str,
    pub time_zone_offset: i32,
    pub inner_phone: String,
    pub work_phone: String,
    pub mobile: String,
    pub city: String,
    pub country: String,
    pub online: bool,
    pub absent_until: Option<String>,
    pub color: String,
}

impl User {
    /// Full name as Bitrix24 shows it.
    pub fn full_name(&self) -> String {
        format!("{} {}", self.name, self.last_name)
            .trim()
            .to_owned()
    }
}

/// Who got which hostile values (`/sim/api/hostile`).
#[derive(Clone, Debug, serde::Serialize)]
pub struct Hostile {
    /// One person per text payload, every text field filled with it.
    pub text_users: Vec<u32>,
    /// One person per photo URL.
    pub photo_users: Vec<u32>,
    /// How many fields of each person carry the payload.
    pub fields_per_person: usize,
}

/// The whole company.
#[derive(Clone, Debug)]
pub struct Company {
    pub users: Vec<User>,
    pub departments: Vec<Department>,
}

const FIRST_M: &[&str] = &[
    "James",
    "Oliver",
    "Лев",
    "Иван",
    "Jürgen",
    "Lukas",
    "محمد",
    "أحمد",
    "דוד",
    "伟",
    "Mateo",
    "Kenji",
    "Arjun",
    "Pierre",
    "Jan",
    "Олександр",
    "João",
    "Ömer",
];
const FIRST_F: &[&str] = &[
    "Ada",
    "Emma",
    "Анна",
    "Мария",
    "Jürgen",
    "Sophie",
    "فاطمة",
    "שרה",
    "芳",
    "Lucía",
    "Yuki",
    "Priya",
    "Amélie",
    "Zofia",
    "Оксана",
    "Beatriz",
    "Zeynep",
    "Maximiliana Alexandrina",
];
const LAST: &[&str] = &[
    "Lovelace",
    "Smith",
    "Иванов",
    "Петрова",
    "Müller",
    "Schröder",
    "العلي",
    "כהן",
    "王",
    "李",
    "García",
    "Tanaka",
    "Sharma",
    "Dubois",
    "Kowalski",
    "Шевченко",
    "Silva",
    "Yılmaz",
    "Konstantinopoulou-Wetherington-Smythe",
];
const POSITIONS: &[&str] = &[
    "Engineer",
    "Senior engineer",
    "Designer",
    "Analyst",
    "Accountant",
    "Sales manager",
    "Support specialist",
    "Product manager",
    "Recruiter",
    "Lawyer",
    "QA engineer",
    "Team lead",
];
const DEPARTMENTS: &[&str] = &[
    "Sales",
    "Marketing",
    "R&D",
    "Support",
    "Finance",
    "HR",
    "Legal",
    "Design",
    "QA",
    "Operations",
    "Partners",
    "Logistics",
    "Отдел продаж",
    "Entwicklung",
    "قسم الدعم",
];
const ZONES: &[(&str, i32)] = &[
    ("Europe/Berlin", 3600),
    ("Europe/Moscow", 10800),
    ("America/New_York", -18000),
    ("Asia/Tokyo", 32400),
    ("Asia/Kolkata", 19800),
    ("Australia/Sydney", 39600),
    ("America/Sao_Paulo", -10800),
    ("Europe/London", 0),
    ("Asia/Dubai", 14400),
    ("America/Los_Angeles", -28800),
    ("Asia/Kathmandu", 20700),
    ("", 0),
];
const CITIES: &[(&str, &str)] = &[
    ("Berlin", "Germany"),
    ("Москва", "Russia"),
    ("New York", "USA"),
    ("Tokyo", "Japan"),
    ("Mumbai", "India"),
    ("Sydney", "Australia"),
    ("São Paulo", "Brazil"),
    ("London", "UK"),
    ("Dubai", "UAE"),
    ("", ""),
];
const COLORS: &[&str] = &[
    "#df532d", "#4ba984", "#1eb4aa", "#ab7761", "#29619b", "#728f7a",
];

fn pick<'a, T>(rng: &mut fastrand::Rng, items: &'a [T]) -> &'a T {
    &items[rng.usize(..items.len())]
}

fn date(year: i32, month: u32, day: u32) -> String {
    format!("{year:04}-{month:02}-{day:02}T00:00:00+00:00")
}

impl Company {
    /// Generates `size` users (10 to 50,000) from `seed`: the same inputs, the same company.
    pub fn generate(size: usize, seed: u64) -> Self {
        Self::generate_with_team(size, seed, 0)
    }

    /// As [`Company::generate`], with users 2 to `team + 1` (the demo card's owner among them)
    /// all in department 2, for measuring a very large team.
    pub fn generate_with_team(size: usize, seed: u64, team: usize) -> Self {
        let size = size.clamp(10, 50_000);
        let mut rng = fastrand::Rng::with_seed(seed);
        let department_count = (size / 12).clamp(3, 400);
        let mut departments = vec![Department {
            id: 1,
            name: "Demo Company".into(),
            sort: 100,
            parent: None,
            head: Some(1),
        }];
        for id in 2..=department_count as u32 {
            let base = pick(&mut rng, DEPARTMENTS);
            let name = if id as usize <= DEPARTMENTS.len() + 1 {
                (*base).to_owned()
            } else {
                format!("{base} {id}")
            };
            // Parents among the earlier departments keep the tree shallow and acyclic.
            let parent = 1 + rng.u32(..(id - 1).min(8));
            departments.push(Department {
                id,
                name,
                sort: 500,
                parent: Some(parent),
                head: None,
            });
        }
        let mut users = Vec::with_capacity(size);
        for id in 1..=size as u32 {
            let female = rng.bool();
            let (zone, offset) = *pick(&mut rng, ZONES);
            let (city, country) = *pick(&mut rng, CITIES);
            let extranet = id > 1 && id % 35 == 0 && id as usize > team + 1;
            let no_department = id > 1 && id % 97 == 0 && id as usize > team + 1;
            let random = 1 + rng.u32(..department_count as u32);
            let department = match id {
                1 => 1,
                _ if id as usize <= team + 1 => 2,
                _ => random,
            };
            let departments_of = if extranet || no_department {
                Vec::new()
            } else if id % 53 == 0 {
                vec![department, 1 + rng.u32(..department_count as u32)]
            } else {
                vec![department]
            };
            let name = if female {
                pick(&mut rng, FIRST_F)
            } else {
                pick(&mut rng, FIRST_M)
            };
            let last_name = pick(&mut rng, LAST);
            users.push(User {
                id,
                active: !(id > 1 && id % 29 == 0),
                name: (*name).to_owned(),
                last_name: (*last_name).to_owned(),
                second_name: String::new(),
                gender: if id % 41 == 0 {
                    ""
                } else if female {
                    "F"
                } else {
                    "M"
                },
                email: format!("user{id}@demo.test"),
                position: if id == 1 {
                    "CEO".into()
                } else {
                    (*pick(&mut rng, POSITIONS)).to_owned()
                },
                departments: departments_of,
                user_type: if extranet { "extranet" } else { "employee" },
                has_photo: id % 5 != 0,
                photo_url: None,
                birthday: if id % 7 == 0 {
                    String::new()
                } else {
                    date(1960 + rng.i32(..40), 1 + rng.u32(..12), 1 + rng.u32(..28))
                },
                date_register: date(2015 + rng.i32(..10), 1 + rng.u32(..12), 1 + rng.u32(..28)),
                employment_date: if id % 3 == 0 {
                    String::new()
                } else {
                    date(2015 + rng.i32(..10), 1 + rng.u32(..12), 1 + rng.u32(..28))
                },
                time_zone: zone,
                time_zone_offset: offset,
                inner_phone: if id % 4 == 0 {
                    String::new()
                } else {
                    format!("{}", 100 + id % 900)
                },
                work_phone: if id % 6 == 0 {
                    String::new()
                } else {
                    format!("+49 30 {:07}", 1_000_000 + id)
                },
                mobile: if id % 9 == 0 {
                    String::new()
                } else {
                    format!("+1 555 {:07}", 2_000_000 + id)
                },
                city: city.to_owned(),
                country: country.to_owned(),
                online: rng.u8(..3) == 0,
                absent_until: (id % 23 == 0).then(|| "2026-12-04T00:00:00+03:00".to_owned()),
                color: (*pick(&mut rng, COLORS)).to_owned(),
            });
        }
        // Heads: the first active employee of each department (some stay without one).
        for department in departments.iter_mut().skip(1) {
            if department.id % 11 == 0 {
                continue;
            }
            department.head = users
                .iter()
                .find(|u| u.active && u.departments.contains(&department.id))
                .map(|u| u.id);
        }
        Self { users, departments }
    }

    /// A user by id.
    pub fn user(&self, id: u32) -> Option<&User> {
        self.users
            .get(id.checked_sub(1)? as usize)
            .filter(|u| u.id == id)
    }

    /// Fills every text field of users 2, 3, … with one payload each, and department names
    /// too; then gives the next users the `photos` as their photo URLs. Returns the ids of
    /// both groups. A test control: the time zones it sets are leaked strings.
    pub fn make_hostile(&mut self, payloads: &[String], photos: &[String]) -> Hostile {
        let mut texts = Vec::new();
        let mut pictures = Vec::new();
        let mut fields_per_person = 0;
        for (i, payload) in payloads.iter().enumerate() {
            let Some(user) = self.users.get_mut(i + 1) else {
                break;
            };
            let fields = [
                &mut user.name,
                &mut user.last_name,
                &mut user.second_name,
                &mut user.position,
                &mut user.email,
                &mut user.work_phone,
                &mut user.mobile,
                &mut user.inner_phone,
                &mut user.city,
                &mut user.birthday,
                &mut user.employment_date,
            ];
            fields_per_person = fields.len() + 1; // and the time zone
            for field in fields {
                *field = payload.clone();
            }
            user.time_zone = Box::leak(payload.clone().into_boxed_str());
            texts.push(user.id);
            let departments = self.departments.len();
            if departments > 1 {
                self.departments[1 + i % (departments - 1)].name = payload.clone();
            }
        }
        for (j, photo) in photos.iter().enumerate() {
            let Some(user) = self.users.get_mut(payloads.len() + 1 + j) else {
                break;
            };
            user.photo_url = Some(photo.clone());
            pictures.push(user.id);
        }
        Hostile {
            text_users: texts,
            photo_users: pictures,
            fields_per_person,
        }
    }

    /// A department by id.
    pub fn department(&self, id: u32) -> Option<&Department> {
        self.departments.iter().find(|d| d.id == id)
    }
}

/// How much of a user the token's scopes reveal (bitrix24.md §6.1).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum UserScope {
    Brief,
    Basic,
    Full,
}

impl UserScope {
    /// The widest user scope among `scopes`, if any.
    pub fn of(scopes: &[String]) -> Option<Self> {
        let has = |s: &str| scopes.iter().any(|g| g == s);
        if has("user") {
            Some(Self::Full)
        } else if has("user_basic") {
            Some(Self::Basic)
        } else if has("user_brief") {
            Some(Self::Brief)
        } else {
            None
        }
    }
}

/// The REST record of a user (`user.get`, `user.current`), every key present, empties `""`.
/// `TIMESTAMP_X`/`LAST_ACTIVITY_DATE` are `{}` in `user.get` and text in `user.current`.
pub fn user_record(user: &User, scope: UserScope, origin: &str, current: bool) -> Value {
    let photo = if let Some(url) = &user.photo_url {
        url.clone()
    } else if user.has_photo {
        format!("{origin}/sim/photo/{}.svg", user.id)
    } else {
        String::new()
    };
    let stamp = if current {
        json!("2026-11-20 10:30:11")
    } else {
        json!({})
    };
    let mut record = Map::new();
    let mut put = |key: &str, value: Value| {
        record.insert(key.to_owned(), value);
    };
    put("ID", json!(user.id.to_string()));
    put("XML_ID", json!(format!("demo-{}", user.id)));
    put("ACTIVE", json!(user.active));
    put("NAME", json!(user.name));
    put("LAST_NAME", json!(user.last_name));
    put("SECOND_NAME", json!(user.second_name));
    put("TITLE", json!(""));
    put("IS_ONLINE", json!(if user.online { "Y" } else { "N" }));
    put("TIME_ZONE", json!(user.time_zone));
    put("TIME_ZONE_OFFSET", json!(user.time_zone_offset.to_string()));
    put("TIMESTAMP_X", stamp.clone());
    put("DATE_REGISTER", json!(user.date_register));
    put("LAST_ACTIVITY_DATE", stamp);
    put("PERSONAL_PROFESSION", json!(""));
    put("PERSONAL_GENDER", json!(user.gender));
    put("PERSONAL_BIRTHDAY", json!(user.birthday));
    put("PERSONAL_PHOTO", json!(photo));
    put("PERSONAL_CITY", json!(user.city));
    put("PERSONAL_STATE", json!(""));
    put("PERSONAL_COUNTRY", json!(user.country));
    put("WORK_POSITION", json!(user.position));
    put("WORK_CITY", json!(user.city));
    put("WORK_STATE", json!(""));
    put("WORK_COUNTRY", json!(user.country));
    put("UF_EMPLOYMENT_DATE", json!(user.employment_date));
    put("UF_TIMEMAN", json!(""));
    put("UF_SKILLS", json!(""));
    put("UF_INTERESTS", json!(""));
    put("UF_DEPARTMENT", json!(user.departments));
    put("UF_PHONE_INNER", json!(user.inner_phone));
    put("USER_TYPE", json!(user.user_type));
    if scope >= UserScope::Basic {
        put("EMAIL", json!(user.email));
        put("PERSONAL_PHONE", json!(""));
        put("PERSONAL_MOBILE", json!(user.mobile));
        put("PERSONAL_WWW", json!(""));
        put("WORK_PHONE", json!(user.work_phone));
        put("WORK_COMPANY", json!("Demo Company"));
        put("WORK_DEPARTMENT", json!(""));
        put("WORK_WWW", json!(""));
        for key in [
            "PERSONAL_FAX",
            "PERSONAL_PAGER",
            "PERSONAL_STREET",
            "PERSONAL_MAILBOX",
            "PERSONAL_ZIP",
            "PERSONAL_NOTES",
            "WORK_FAX",
            "WORK_PAGER",
            "WORK_STREET",
            "WORK_MAILBOX",
            "WORK_ZIP",
            "WORK_PROFILE",
            "WORK_LOGO",
            "WORK_NOTES",
            "UF_DISTRICT",
            "UF_SKYPE",
            "UF_SKYPE_LINK",
            "UF_ZOOM",
            "UF_TWITTER",
            "UF_FACEBOOK",
            "UF_LINKEDIN",
            "UF_XING",
            "UF_WEB_SITES",
        ] {
            put(key, json!(""));
        }
    }
    if scope == UserScope::Full {
        put("LAST_LOGIN", json!("2026-11-20T10:30:11+00:00"));
        put("PERSONAL_ICQ", json!(""));
    } else {
        record.remove("PERSONAL_WWW");
    }
    Value::Object(record)
}

/// The `im.user.get` record: lower-case keys, integer id.
pub fn im_record(user: &User, origin: &str) -> Value {
    let mut phones = Map::new();
    if !user.work_phone.is_empty() {
        phones.insert("work_phone".into(), json!(user.work_phone));
    }
    if !user.mobile.is_empty() {
        phones.insert("personal_mobile".into(), json!(user.mobile));
    }
    if !user.inner_phone.is_empty() {
        phones.insert("inner_phone".into(), json!(user.inner_phone));
    }
    // `YYYY-MM-DD…` → `DD-MM`; anything else (hostile text included) → empty.
    let birthday = match (user.birthday.get(5..7), user.birthday.get(8..10)) {
        (Some(month), Some(day)) => format!("{day}-{month}"),
        _ => String::new(),
    };
    json!({
        "id": user.id,
        "active": user.active,
        "name": user.full_name(),
        "first_name": user.name,
        "last_name": user.last_name,
        "work_position": user.position,
        "color": user.color,
        "avatar": if user.has_photo { format!("{origin}/sim/photo/{}.svg", user.id) } else { String::new() },
        "gender": user.gender,
        "birthday": birthday,
        "extranet": user.user_type == "extranet",
        "network": false,
        "bot": false,
        "connector": false,
        "external_auth_id": "default",
        "status": if user.online { "online" } else { "away" },
        "idle": false,
        "last_activity_date": "2026-11-20T10:30:11+00:00",
        "mobile_last_date": false,
        "desktop_last_date": false,
        "absent": user.absent_until.clone().map_or(Value::Bool(false), Value::String),
        "departments": user.departments,
        "phones": phones,
        "website": "",
        "email": user.email,
        "bot_data": null,
        "type": "user"
    })
}

/// The `department.get` record: only non-null keys, `SORT` an integer.
pub fn department_record(department: &Department) -> Value {
    let mut record = Map::new();
    record.insert("ID".into(), json!(department.id.to_string()));
    record.insert("NAME".into(), json!(department.name));
    record.insert("SORT".into(), json!(department.sort));
    if let Some(parent) = department.parent {
        record.insert("PARENT".into(), json!(parent.to_string()));
    }
    if let Some(head) = department.head {
        record.insert("UF_HEAD".into(), json!(head.to_string()));
    }
    Value::Object(record)
}

/// An initials avatar, so photos load from the portal like real uploads.
pub fn photo_svg(user: &User) -> String {
    let initials: String = [&user.name, &user.last_name]
        .iter()
        .filter_map(|part| part.chars().next())
        .collect();
    let escaped = initials
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;");
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"300\" height=\"300\" viewBox=\"0 0 300 300\">\
         <rect width=\"300\" height=\"300\" fill=\"{}\"/>\
         <text x=\"150\" y=\"185\" font-size=\"120\" text-anchor=\"middle\" fill=\"#fff\" \
         font-family=\"sans-serif\">{escaped}</text></svg>",
        user.color
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_large_team_shares_one_department() {
        let company = Company::generate_with_team(6_000, 42, 5_000);
        let team = company
            .users
            .iter()
            .filter(|u| u.departments.first() == Some(&2))
            .count();
        assert!(team >= 5_000, "{team}");
        assert_eq!(
            company.users[1].departments.first(),
            Some(&2),
            "the card owner is in it"
        );
    }

    #[test]
    fn deterministic_and_sized() {
        let a = Company::generate(300, 7);
        let b = Company::generate(300, 7);
        assert_eq!(a.users, b.users);
        assert_eq!(a.users.len(), 300);
        assert_ne!(Company::generate(300, 8).users, a.users);
        assert_eq!(Company::generate(3, 1).users.len(), 10);
        assert_eq!(Company::generate(90_000, 1).users.len(), 50_000);
    }

    #[test]
    fn awkward_cases_are_present() {
        let company = Company::generate(300, 1);
        let users = &company.users;
        assert!(users.iter().any(|u| !u.active));
        assert!(
            users
                .iter()
                .any(|u| u.user_type == "extranet" && u.departments.is_empty())
        );
        assert!(
            users
                .iter()
                .any(|u| u.user_type == "employee" && u.departments.is_empty())
        );
        assert!(users.iter().any(|u| !u.has_photo));
        assert!(users.iter().any(|u| u.departments.len() > 1));
        assert!(users.iter().any(|u| {
            u.name
                .chars()
                .any(|c| ('\u{0590}'..='\u{06FF}').contains(&c))
        }));
        assert!(users.iter().any(|u| u.full_name().chars().count() > 30));
        let zones: std::collections::HashSet<_> = users.iter().map(|u| u.time_zone).collect();
        assert!(zones.len() >= 8);
    }

    #[test]
    fn tree_is_acyclic_with_heads_in_their_departments() {
        let company = Company::generate(1_000, 3);
        for department in &company.departments {
            let mut seen = vec![department.id];
            let mut at = department.parent;
            while let Some(parent) = at {
                assert!(!seen.contains(&parent), "cycle at {}", department.id);
                seen.push(parent);
                at = company.department(parent).unwrap().parent;
            }
            if let Some(head) = department.head {
                let head = company.user(head).unwrap();
                assert!(head.departments.contains(&department.id) || department.id == 1);
            }
        }
        assert!(company.departments.iter().any(|d| d.head.is_none()));
    }

    #[test]
    fn records_follow_the_scope() {
        let company = Company::generate(10, 1);
        let user = company.user(2).unwrap();
        let brief = user_record(user, UserScope::Brief, "http://p", false);
        assert!(brief.get("EMAIL").is_none());
        assert_eq!(brief["TIMESTAMP_X"], json!({}));
        let basic = user_record(user, UserScope::Basic, "http://p", true);
        assert_eq!(basic["EMAIL"], json!("user2@demo.test"));
        assert!(basic["TIMESTAMP_X"].is_string());
        assert!(basic.get("LAST_LOGIN").is_none());
        let full = user_record(user, UserScope::Full, "http://p", false);
        assert!(full.get("LAST_LOGIN").is_some());
        assert_eq!(full["ID"], json!("2"));
        assert!(full["UF_DEPARTMENT"].is_array());
    }
}
