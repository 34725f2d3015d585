//! A person and a department as the REST API answers them, by the token's scopes.

use super::{Department, User};
use serde_json::{Map, Value, json};

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
    // Bitrix24's own form stores a country as an id of its country list; imported data
    // holds names. Both appear: every third person has an id.
    let country = if user.id.is_multiple_of(3) && !user.country.is_empty() {
        (14 + user.id % 50).to_string()
    } else {
        user.country.clone()
    };
    put("PERSONAL_CITY", json!(user.city));
    put("PERSONAL_STATE", json!(""));
    put("PERSONAL_COUNTRY", json!(country));
    put("WORK_POSITION", json!(user.position));
    put(
        "WORK_CITY",
        json!(if user.id.is_multiple_of(2) {
            ""
        } else {
            user.city.as_str()
        }),
    );
    put("WORK_STATE", json!(""));
    put("WORK_COUNTRY", json!(country));
    put("UF_EMPLOYMENT_DATE", json!(user.employment_date));
    put("UF_TIMEMAN", json!(""));
    put("UF_SKILLS", multiple(user.id, &user.profile.skills));
    put("UF_INTERESTS", multiple(user.id, &user.profile.interests));
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
            "WORK_FAX",
            "WORK_PAGER",
            "WORK_STREET",
            "WORK_MAILBOX",
            "WORK_ZIP",
            "WORK_PROFILE",
            "WORK_LOGO",
            "UF_DISTRICT",
        ] {
            put(key, json!(""));
        }
        put("PERSONAL_NOTES", json!(user.profile.about));
        put("WORK_NOTES", json!(user.profile.work_notes));
        for key in [
            "UF_SKYPE",
            "UF_SKYPE_LINK",
            "UF_ZOOM",
            "UF_TWITTER",
            "UF_FACEBOOK",
            "UF_LINKEDIN",
            "UF_XING",
            "UF_WEB_SITES",
        ] {
            let values: Vec<&String> = user
                .profile
                .links
                .iter()
                .filter(|(field, _)| *field == key)
                .map(|(_, value)| value)
                .collect();
            put(
                key,
                match values.as_slice() {
                    [] => json!(""),
                    [one] => json!(one),
                    many => json!(many),
                },
            );
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

/// A multiple user field as the REST API sends it [UNCONFIRMED, docs/simulator.md]: a list,
/// `false` when empty, and now and then a PHP array with gaps (an object) as §8.3 describes.
fn multiple(id: u32, values: &[String]) -> Value {
    match values {
        [] => json!(false),
        [_, _, ..] if id.is_multiple_of(7) => {
            let gapped: Map<String, Value> = values
                .iter()
                .enumerate()
                .map(|(i, v)| ((i * 2).to_string(), json!(v)))
                .collect();
            Value::Object(gapped)
        }
        _ => json!(values),
    }
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
