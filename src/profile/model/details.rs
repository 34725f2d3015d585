//! The people side of a profile (bitrix24.md §6.1): interests and skills, about me, where they
//! are, and their links and messengers. Read from the same record as [`super::Person`], as
//! leniently, and bounded: a portal may hold a novel in "about me" or a thousand tags, and the
//! card shows a readable amount of each.

use super::text_of;
use serde_json::{Map, Value};

/// At most this many interests (and skills) are kept.
pub const MAX_TAGS: usize = 20;
/// A tag longer than this is cut (with `…`).
pub const MAX_TAG_CHARS: usize = 60;
/// A link or messenger value longer than this many bytes is not used at all.
pub const MAX_LINK_BYTES: usize = 500;

/// The profile fields beyond the contacts.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Details {
    /// `UF_INTERESTS`, as written, without empties and repeats.
    pub interests: Vec<String>,
    /// `UF_SKILLS`, likewise.
    pub skills: Vec<String>,
    /// `PERSONAL_NOTES` ("about me"; `user_basic`), as sent: the app's card bounds and folds
    /// it (`card::about`), the first paint never shows it.
    pub about: String,
    /// `WORK_NOTES` (`user_basic`), likewise.
    pub work_notes: String,
    /// Work city, or else the personal one.
    pub city: String,
    /// Work country, or else the personal one (see [`Details::country_name`]).
    pub country: String,
    /// The link and messenger fields as sent, read by [`Details::links`] (the first paint
    /// never shows them, so it never parses them).
    pub links_raw: Vec<(&'static str, Value)>,
}

/// The link and messenger fields, in the order the card lists them.
pub const LINK_FIELDS: [&str; 10] = [
    "UF_WEB_SITES",
    "WORK_WWW",
    "PERSONAL_WWW",
    "UF_SKYPE",
    "UF_SKYPE_LINK",
    "UF_ZOOM",
    "UF_LINKEDIN",
    "UF_XING",
    "UF_FACEBOOK",
    "UF_TWITTER",
];

impl Details {
    /// Reads the fields from a `user.get` record.
    pub(super) fn read(map: &Map<String, Value>) -> Self {
        let field = |key: &str| map.get(key).unwrap_or(&Value::Null);
        let first_of = |work: &str, personal: &str| {
            let work = text_of(field(work));
            if work.is_empty() {
                text_of(field(personal))
            } else {
                work
            }
        };
        let links_raw = LINK_FIELDS
            .iter()
            .filter_map(|key| Some((*key, map.get(*key)?.clone())))
            .collect();
        Self {
            interests: tags_of(field("UF_INTERESTS")),
            skills: tags_of(field("UF_SKILLS")),
            about: text_of(field("PERSONAL_NOTES")),
            work_notes: text_of(field("WORK_NOTES")),
            city: first_of("WORK_CITY", "PERSONAL_CITY"),
            country: first_of("WORK_COUNTRY", "PERSONAL_COUNTRY"),
            links_raw,
        }
    }

    /// `(field, value)` of each link or messenger that is set, in [`LINK_FIELDS`]' order, at
    /// most [`MAX_TAGS`]; a value over [`MAX_LINK_BYTES`] is left out.
    pub fn links(&self) -> Vec<(&'static str, String)> {
        self.links_raw
            .iter()
            .flat_map(|(key, value)| texts_of(value).into_iter().map(move |v| (*key, v)))
            .filter(|(_, value)| value.len() <= MAX_LINK_BYTES)
            .take(MAX_TAGS)
            .collect()
    }

    /// The country when it is a name. Bitrix24's own profile form stores an id from its
    /// country list (`"14"`), which no REST method names: such a value is not shown.
    ///
    /// ```
    /// use profile_widget::profile::Person;
    /// let p: Person = serde_json::from_str(r#"{"ID":"7","WORK_COUNTRY":"14"}"#).unwrap();
    /// assert_eq!(p.details.country_name(), None);
    /// let p: Person = serde_json::from_str(r#"{"ID":"7","PERSONAL_COUNTRY":"Kenya"}"#).unwrap();
    /// assert_eq!(p.details.country_name(), Some("Kenya"));
    /// ```
    pub fn country_name(&self) -> Option<&str> {
        let country = self.country.as_str();
        (!country.is_empty() && !country.chars().all(|c| c.is_ascii_digit())).then_some(country)
    }

    /// City and country, as far as known, e.g. `["Nairobi", "Kenya"]`.
    pub fn place(&self) -> Vec<String> {
        [Some(self.city.as_str()), self.country_name()]
            .into_iter()
            .flatten()
            .filter(|part| !part.is_empty())
            .map(str::to_owned)
            .collect()
    }
}

/// Every text of a value that may be a list (a multiple field), a PHP array with gaps (an
/// object), one text, or nothing (`false`, `null`, `""`).
fn texts_of(value: &Value) -> Vec<String> {
    let items: Vec<&Value> = match value {
        Value::Array(items) => items.iter().collect(),
        Value::Object(map) => map.values().collect(),
        one => vec![one],
    };
    items
        .into_iter()
        .map(text_of)
        .filter(|text| !text.is_empty())
        .collect()
}

/// The tags of a multiple field: one line each (every run of white space one space), cut to
/// [`MAX_TAG_CHARS`], without repeats (compared as written), at most [`MAX_TAGS`].
fn tags_of(value: &Value) -> Vec<String> {
    let mut tags: Vec<String> = Vec::new();
    for text in texts_of(value) {
        let mut line = String::with_capacity(text.len());
        for c in text.chars() {
            match c.is_whitespace() {
                true if line.ends_with(' ') => {}
                true => line.push(' '),
                false => line.push(c),
            }
        }
        let tag = cut(&line, MAX_TAG_CHARS);
        if !tag.is_empty() && !tags.contains(&tag) {
            tags.push(tag);
        }
        if tags.len() == MAX_TAGS {
            break;
        }
    }
    tags
}

/// `text` up to `limit` characters, with `…` when cut.
pub fn cut(text: &str, limit: usize) -> String {
    // `get`, not indexing: the same cut, without linking str's slice panic and its char
    // formatting into the first paint (about 1 KB).
    match text
        .char_indices()
        .nth(limit)
        .and_then(|(end, _)| text.get(..end))
    {
        Some(kept) => format!("{kept}…"),
        None => text.to_owned(),
    }
}
