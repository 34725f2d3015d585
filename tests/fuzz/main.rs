//! Property-based fuzzing of the widget's pure parsers and formatters: the placement context,
//! the user and department decoders, vCards, phone and mail links, image URLs, meeting times,
//! the install page's binding reader, the bridge's REST form bodies, and the profile's people
//! side (tags, notes, links, working time and slots: `people.rs`). None may panic, and the safety properties must hold
//! for any input. `FUZZ_CASES` sets the inputs per target (2,000 in the test command; a
//! million in `scripts/fuzz.sh`); each target records its count for RELIABILITY.md.
#![cfg(not(target_arch = "wasm32"))]

use profile_widget::context::{PlacementContext, PlacementOptions, UserId};
use profile_widget::install::bindings;
use profile_widget::profile::meeting::parse_moment;
use profile_widget::profile::{Department, Person, mailto_href, safe_image_url, tel_href, vcard};
use proptest::prelude::*;
use serde_json::{Map, Value};

mod people;
mod runner;

use runner::{cases, fuzz};

/// Text with the characters that break parsers: quotes, brackets, digits, signs, controls,
/// multi-byte and bidi characters.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[0-9+\\-. eE]{0,24}",
        "[\\[\\]{}\":,0-9a-zA-Z_ \\\\]{0,40}",
        "[ -~\u{0}\u{202E}\u{200B}Жé😀]{0,60}",
    ]
}

/// Any JSON value, nested a few levels, with keys that the decoders look for.
fn json() -> impl Strategy<Value = Value> {
    let key = prop_oneof![
        Just("ID".to_owned()),
        Just("USER_ID".to_owned()),
        Just("NAME".to_owned()),
        Just("UF_DEPARTMENT".to_owned()),
        Just("PARENT".to_owned()),
        Just("UF_HEAD".to_owned()),
        Just("PERSONAL_BIRTHDAY".to_owned()),
        Just("placement".to_owned()),
        Just("options".to_owned()),
        text(),
    ];
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        text().prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 48, 8, move |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec((key.clone(), inner), 0..8)
                .prop_map(|pairs| Value::Object(pairs.into_iter().collect::<Map<_, _>>())),
        ]
    })
}

const USER_FIELDS: [&str; 16] = [
    "ID",
    "NAME",
    "LAST_NAME",
    "SECOND_NAME",
    "WORK_POSITION",
    "ACTIVE",
    "USER_TYPE",
    "UF_DEPARTMENT",
    "PERSONAL_PHOTO",
    "EMAIL",
    "WORK_PHONE",
    "PERSONAL_MOBILE",
    "UF_PHONE_INNER",
    "PERSONAL_BIRTHDAY",
    "UF_EMPLOYMENT_DATE",
    "TIME_ZONE",
];

/// A user record: every field the decoder reads, each with any JSON value.
fn user_record() -> impl Strategy<Value = Value> {
    prop::collection::vec(json(), USER_FIELDS.len()).prop_map(|values| {
        Value::Object(
            USER_FIELDS
                .iter()
                .zip(values)
                .map(|(k, v)| ((*k).to_owned(), v))
                .collect(),
        )
    })
}

/// A person whose text fields are arbitrary text (for the formatters).
fn person() -> impl Strategy<Value = Person> {
    (prop::collection::vec(text(), 8), 1u64..=2_147_483_647).prop_map(|(texts, id)| {
        let mut record = Map::new();
        record.insert("ID".into(), Value::from(id));
        for (key, value) in [
            "NAME",
            "LAST_NAME",
            "SECOND_NAME",
            "WORK_POSITION",
            "EMAIL",
            "WORK_PHONE",
            "PERSONAL_MOBILE",
            "PERSONAL_BIRTHDAY",
        ]
        .iter()
        .zip(texts)
        {
            record.insert((*key).into(), Value::String(value));
        }
        serde_json::from_value(Value::Object(record)).expect("text fields always decode")
    })
}

/// A placement info as `BX24.placement.info()` gives it: mostly a real placement code, with
/// options as an object, JSON text, `"undefined"` or junk, holding a `USER_ID` in every shape
/// (a good id among them) beside hostile extra keys.
fn placement_info() -> impl Strategy<Value = (Value, Option<u32>)> {
    let code = prop_oneof![
        4 => prop_oneof![Just("USER_PROFILE_MENU"), Just("USER_PROFILE_TOOLBAR"), Just("user_profile_menu")]
            .prop_map(str::to_owned),
        1 => prop_oneof![Just("DEFAULT".to_owned()), text()],
    ];
    let good = 1u32..=i32::MAX as u32;
    let user_id = prop_oneof![
        good.clone()
            .prop_map(|id| (Value::from(id.to_string()), Some(id))),
        good.prop_map(|id| (Value::from(id), Some(id))),
        json().prop_map(|v| (v, None)),
    ];
    let extra = prop::collection::vec((text(), json()), 0..4);
    let shape = 0..4u8;
    (code, user_id, text(), extra, shape).prop_map(|(code, (id, good), uri, extra, shape)| {
        let mut options: Map<String, Value> = extra.into_iter().collect();
        options.insert("USER_ID".into(), id);
        options.insert("URI".into(), Value::String(uri));
        let options = Value::Object(options);
        let (options, good) = match shape {
            0 => (options, good),
            1 => (Value::String(options.to_string()), good),
            2 => (Value::String("undefined".into()), None),
            _ => (Value::Array(vec![options]), None),
        };
        let profile = matches!(
            code.to_ascii_uppercase().as_str(),
            "USER_PROFILE_MENU" | "USER_PROFILE_TOOLBAR"
        );
        let info = serde_json::json!({"placement": code, "options": options});
        (info, good.filter(|_| profile))
    })
}

#[test]
fn fuzz_placement_context() {
    let profiles_read = std::sync::atomic::AtomicU32::new(0);
    let strategy = (
        prop_oneof![json().prop_map(|v| (v, None)), placement_info()],
        text(),
    );
    fuzz("context", strategy, |((info, good_id), id_text)| {
        let parsed = PlacementContext::from_info(&info);
        if let Ok(context) = &parsed {
            prop_assert!(context.code.is_profile());
            prop_assert!(context.user_id.get() >= 1 && context.user_id.get() <= i32::MAX as u32);
            profiles_read.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        }
        // A profile placement with a good USER_ID, whatever else its options hold, is read.
        if let Some(id) = good_id {
            prop_assert_eq!(parsed.map(|c| c.user_id.get()), Ok(id), "{}", info);
        }
        let _ = PlacementOptions::from_json(&info).user_id();
        let _ = UserId::from_json(&info);
        if let Ok(id) = id_text.parse::<UserId>() {
            prop_assert!(id.get() >= 1);
        }
        Ok(())
    });
    let read = profiles_read.into_inner();
    assert!(
        read >= cases() / 10,
        "only {read} inputs reached a profile context"
    );
}

/// A user record whose `ID` is good most of the time (as text or as a number) and any JSON
/// otherwise, so that the decoded branch runs on hostile shapes of every other field.
fn user_record_with_id() -> impl Strategy<Value = (Value, Option<u32>)> {
    let good = 1u32..=i32::MAX as u32;
    let id = prop_oneof![
        4 => good.clone().prop_map(|id| (Value::from(id.to_string()), Some(id))),
        3 => good.prop_map(|id| (Value::from(id), Some(id))),
        1 => json().prop_map(|v| (v, None)),
    ];
    (user_record(), id).prop_map(|(mut record, (id, good))| {
        record["ID"] = id;
        (record, good)
    })
}

#[test]
fn fuzz_user_and_department_decoders() {
    let decoded = std::sync::atomic::AtomicU32::new(0);
    fuzz(
        "decoders",
        (user_record_with_id(), json()),
        |((record, good_id), department)| {
            if let Ok(person) = serde_json::from_value::<Person>(record.clone()) {
                decoded.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                // The id read is the one sent; junk never decodes to a person.
                prop_assert_eq!(Some(person.id.get()), good_id, "{}", record);
                prop_assert!(!person.full_name().is_empty());
                let initials = person.initials();
                prop_assert!(
                    initials == "?"
                        || (initials.chars().count() <= 2
                            && initials.chars().all(char::is_alphanumeric)),
                    "initials {initials:?}"
                );
                let phones = person.phones();
                prop_assert!(phones.len() <= 3 && phones.iter().all(|(_, n)| !n.is_empty()));
                let _ = person.birthday();
            }
            let _ = serde_json::from_value::<Department>(department.clone());
            let _ = bindings(&department, "en");
            Ok(())
        },
    );
    // Most inputs carry a good id: the decoded branch must run for a good share of them.
    let decoded = decoded.into_inner();
    assert!(
        decoded >= cases() / 2,
        "only {decoded} of {} user records decoded",
        cases()
    );
}

#[test]
fn fuzz_vcard_and_links() {
    fuzz(
        "vcard",
        (person(), text(), text()),
        |(person, organization, raw)| {
            let card = vcard::vcard(&person, &organization);
            prop_assert!(card.starts_with("BEGIN:VCARD\r\n") && card.ends_with("END:VCARD\r\n"));
            prop_assert_eq!(card.split("\r\n").filter(|l| *l == "END:VCARD").count(), 1);
            for line in card.split("\r\n") {
                prop_assert!(line.len() <= 75, "line of {} octets", line.len());
                prop_assert!(!line.chars().any(|c| c.is_control()));
            }
            let name = vcard::file_name(&person);
            prop_assert!(name.ends_with(".vcf") && name.matches('.').count() == 1);
            prop_assert!(!name.contains(['/', '\\']));
            if let Some(href) = tel_href(&raw) {
                prop_assert!(href.starts_with("tel:"));
                prop_assert!(
                    href[4..]
                        .chars()
                        .all(|c| c.is_ascii_digit() || "+,;".contains(c))
                );
            }
            if let Some(href) = mailto_href(&raw) {
                prop_assert!(href.starts_with("mailto:") && href.is_ascii());
                prop_assert!(!href.contains(['<', '>', '"', ' ', '\'']));
            }
            let _ = parse_moment(&raw);
            Ok(())
        },
    );
}

/// A photo URL that starts like an allowed one and goes on with anything.
fn image_url() -> impl Strategy<Value = String> {
    let head = prop_oneof![
        Just("https://"),
        Just("HTTPS://"),
        Just(" https://"),
        Just("http://127.0.0.1:8000/"),
        Just("http://127.0.0.1:8000.evil.test/"),
        Just("http://"),
        Just("javascript:"),
        Just("data:image/svg+xml,"),
        Just("//"),
        Just(""),
    ];
    let tail = prop_oneof!["[a-z0-9./_-]{1,40}", "[ -~]{0,40}", text(),];
    (head, tail).prop_map(|(head, tail)| format!("{head}{tail}"))
}

#[test]
fn fuzz_image_urls() {
    let allowed = std::sync::atomic::AtomicU32::new(0);
    fuzz("image-urls", image_url(), |raw| {
        let portal = "http://127.0.0.1:8000";
        if let Some(url) = safe_image_url(&raw, portal) {
            let lower = url.to_ascii_lowercase();
            prop_assert!(
                lower.starts_with("https://") && lower.len() > "https://".len()
                    || lower.starts_with("http://127.0.0.1:8000/")
            );
            prop_assert!(url.chars().all(|c| c.is_ascii_graphic()), "{url:?}");
            prop_assert!(!url.contains(['"', '\'', '<', '>', '\\', '`']));
            allowed.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        }
        // A plain https URL of safe characters is always allowed.
        if let Some(rest) = raw.strip_prefix("https://")
            && !rest.is_empty()
            && rest
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "./_-".contains(c))
        {
            prop_assert_eq!(safe_image_url(&raw, portal), Some(raw.clone()));
        }
        Ok(())
    });
    let allowed = allowed.into_inner();
    assert!(
        allowed >= cases() / 10,
        "only {allowed} URLs reached the allowed branch"
    );
}

/// The leaves of REST parameters as the form body must carry them: each value's path of
/// keys and its text; `null` and empty objects carry nothing, an empty list an empty text.
fn form_leaves(path: &[String], value: &Value, into: &mut Vec<(Vec<String>, String)>) {
    let mut below = |key: String, item: &Value| {
        let mut path = path.to_vec();
        path.push(key);
        form_leaves(&path, item, into);
    };
    match value {
        Value::Null => {}
        Value::Array(items) if items.is_empty() => into.push((path.to_vec(), String::new())),
        Value::Array(items) => items
            .iter()
            .enumerate()
            .for_each(|(n, item)| below(n.to_string(), item)),
        Value::Object(map) => map.iter().for_each(|(k, item)| below(k.clone(), item)),
        Value::Bool(flag) => into.push((path.to_vec(), flag.to_string())),
        Value::Number(n) => into.push((path.to_vec(), n.to_string())),
        Value::String(text) => into.push((path.to_vec(), text.clone())),
    }
}

fn percent_decoded(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            out.push(u8::from_str_radix(text.get(i + 1..i + 3)?, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// Reads a form body back: each pair's name split at its raw brackets (a key's own brackets
/// travel encoded), then every part decoded.
fn form_pairs(body: &str) -> Option<Vec<(Vec<String>, String)>> {
    if body.is_empty() {
        return Some(Vec::new());
    }
    body.split('&')
        .map(|pair| {
            let (name, value) = pair.split_once('=')?;
            let head = name.split('[').next()?;
            let mut path = vec![percent_decoded(head)?];
            let mut rest = &name[head.len()..];
            while let Some(inner) = rest.strip_prefix('[') {
                let close = inner.find(']')?;
                path.push(percent_decoded(&inner[..close])?);
                rest = &inner[close + 1..];
            }
            (rest.is_empty() && !value.contains('=')).then_some(())?;
            Some((path, percent_decoded(value)?))
        })
        .collect()
}

#[test]
fn form_bodies_carry_every_parameter_and_nothing_else() {
    // Whatever the parameters hold (an `auth=` in a value or key included), the body read back
    // gives exactly their leaves: no pair can be split, joined or invented.
    let params = prop::collection::vec((text(), json()), 0..6)
        .prop_map(|pairs| Value::Object(pairs.into_iter().collect::<Map<_, _>>()));
    fuzz("form-bodies", params, |params| {
        let body = profile_widget::bx24::form::body(&params);
        let mut expected = Vec::new();
        form_leaves(&[], &params, &mut expected);
        let got = form_pairs(&body);
        prop_assert!(got.is_some(), "unreadable: {}", body);
        let got = got.unwrap_or_default();
        prop_assert_eq!(got.len(), expected.len(), "{}", body);
        for ((path, text), (want_path, want)) in got.iter().zip(&expected) {
            prop_assert_eq!(path, want_path, "{}", body);
            // Numbers as JavaScript writes them (`0`, not `0.0`): equal as numbers.
            let same_number =
                matches!((text.parse::<f64>(), want.parse::<f64>()), (Ok(a), Ok(b)) if a == b);
            prop_assert!(
                text == want || same_number,
                "{} ≠ {} in {}",
                text,
                want,
                body
            );
        }
        Ok(())
    });
}
