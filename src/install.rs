//! Installing the widget from the application's own page (`DEFAULT`): which profile
//! placements are bound, and the idempotent plan that binds the chosen ones with a title in
//! every interface language and unbinds the others. Pure; the UI runs the plan.

use crate::i18n::{Lang, Msg, item_title};
use serde::Serialize;
use serde_json::{Map, Value, json};

/// The placements the widget serves, in the order the settings show them.
pub const PLACEMENTS: [&str; 2] = ["USER_PROFILE_MENU", "USER_PROFILE_TOOLBAR"];

/// One binding from `placement.get`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Bound {
    /// The placement code.
    pub placement: String,
    /// The handler URL.
    pub handler: String,
    /// The title shown in `lang` (from `langAll`, else the plain title).
    pub title: String,
}

/// Reads `placement.get`'s result (an array of bindings), titles in `lang`.
///
/// ```
/// use profile_widget::install::bindings;
/// let result = serde_json::json!([{"placement": "USER_PROFILE_MENU", "handler": "https://a.test/h/",
///     "title": "", "langAll": {"en": {"TITLE": "Profile"}, "ru": {"TITLE": "Профиль"}}}]);
/// let bound = bindings(&result, "ru");
/// assert_eq!(bound[0].title, "Профиль");
/// ```
pub fn bindings(result: &Value, lang: &str) -> Vec<Bound> {
    let text = |v: Option<&Value>| v.and_then(Value::as_str).unwrap_or("").to_owned();
    result
        .as_array()
        .into_iter()
        .flatten()
        .map(|row| {
            let localized = row
                .get("langAll")
                .and_then(|all| all.get(lang).or_else(|| all.get("en")))
                .and_then(|l| l.get("TITLE"));
            let title = match text(localized) {
                empty if empty.is_empty() => text(row.get("title")),
                title => title,
            };
            Bound {
                placement: text(row.get("placement")).to_ascii_uppercase(),
                handler: text(row.get("handler")),
                title,
            }
        })
        .collect()
}

/// The handler URL of this page: origin and path, without the query Bitrix24 appended.
///
/// ```
/// use profile_widget::install::handler_url;
/// assert_eq!(handler_url("https://app.test/handler/?DOMAIN=x&APP_SID=y#z"), "https://app.test/handler/");
/// ```
pub fn handler_url(location: &str) -> String {
    location.split(['?', '#']).next().unwrap_or("").to_owned()
}

/// One `placement.*` call of an installation.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Step {
    /// `placement.unbind` or `placement.bind`.
    #[serde(skip)]
    pub method: &'static str,
    /// The parameters.
    #[serde(flatten)]
    pub params: Map<String, Value>,
}

/// `LANG_ALL` with `title` in every language, or the built-in title of each language when
/// `title` is blank.
///
/// ```
/// use profile_widget::install::lang_all;
/// let all = lang_all("");
/// assert_eq!(all["de"]["TITLE"], "Profilkarte");
/// assert_eq!(lang_all(" Team ")["ua"]["TITLE"], "Team");
/// ```
pub fn lang_all(title: &str) -> Value {
    let mut all = Map::new();
    for lang in Lang::ALL {
        let title = match title.trim() {
            "" => item_title(lang),
            custom => custom,
        };
        all.insert(lang.bitrix_code().to_owned(), json!({"TITLE": title}));
    }
    Value::Object(all)
}

/// The steps that make the portal's bindings match `wanted`: every chosen placement is
/// unbound for this handler and bound again (so re-installing never meets "Handler already
/// binded" and a changed title takes effect); a placement not chosen is unbound where it is
/// bound. Unbinding something that is not bound is harmless (`count: 0`).
///
/// ```
/// use profile_widget::install::{Bound, plan};
/// let bound = vec![Bound { placement: "USER_PROFILE_TOOLBAR".into(), handler: "h".into(), title: "x".into() }];
/// let steps = plan(&bound, &[true, false], "h", "");
/// let methods: Vec<_> = steps.iter().map(|s| (s.method, s.params["PLACEMENT"].as_str().unwrap())).collect();
/// assert_eq!(methods, [("placement.unbind", "USER_PROFILE_MENU"), ("placement.bind", "USER_PROFILE_MENU"),
///     ("placement.unbind", "USER_PROFILE_TOOLBAR")]);
/// ```
pub fn plan(bound: &[Bound], wanted: &[bool; 2], handler: &str, title: &str) -> Vec<Step> {
    let step = |method, params: Value| Step {
        method,
        params: match params {
            Value::Object(map) => map,
            _ => Map::new(),
        },
    };
    let mut steps = Vec::new();
    for (code, wanted) in PLACEMENTS.iter().zip(wanted) {
        let is_bound = bound
            .iter()
            .any(|b| b.placement == *code && b.handler == handler);
        if *wanted {
            steps.push(step(
                "placement.unbind",
                json!({"PLACEMENT": code, "HANDLER": handler}),
            ));
            steps.push(step(
                "placement.bind",
                json!({"PLACEMENT": code, "HANDLER": handler, "LANG_ALL": lang_all(title)}),
            ));
        } else if is_bound {
            steps.push(step(
                "placement.unbind",
                json!({"PLACEMENT": code, "HANDLER": handler}),
            ));
        }
    }
    steps
}

/// Whether a bind error only means the binding already exists (treated as success).
///
/// ```
/// use profile_widget::install::already_bound;
/// assert!(already_bound("ERROR_CORE", "Unable to set placement handler: Handler already binded"));
/// assert!(!already_bound("ACCESS_DENIED", "Access denied!"));
/// ```
pub fn already_bound(code: &str, description: &str) -> bool {
    code == "ERROR_CORE" && description.to_ascii_lowercase().contains("already bind")
}

/// What an administrator can do about a `placement.*` error code.
///
/// ```
/// use profile_widget::{i18n::Msg, install::hint};
/// assert_eq!(hint("ACCESS_DENIED"), Some(Msg::HintAccessDenied));
/// assert_eq!(hint("SOMETHING_NEW"), None);
/// ```
pub fn hint(code: &str) -> Option<Msg> {
    match code {
        "ACCESS_DENIED" => Some(Msg::HintAccessDenied),
        "WRONG_AUTH_TYPE" => Some(Msg::HintWrongAuth),
        "ERROR_PLACEMENT_NOT_FOUND" | "insufficient_scope" => Some(Msg::HintNoScope),
        "expired_token" | "invalid_token" | "NO_AUTH_FOUND" => Some(Msg::ErrSessionExpired),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bound(placement: &str, handler: &str) -> Bound {
        Bound {
            placement: placement.into(),
            handler: handler.into(),
            title: String::new(),
        }
    }

    #[test]
    fn a_fresh_install_binds_both() {
        let steps = plan(&[], &[true, true], "https://a.test/handler/", "");
        let binds: Vec<_> = steps
            .iter()
            .filter(|s| s.method == "placement.bind")
            .collect();
        assert_eq!(binds.len(), 2);
        assert_eq!(binds[1].params["PLACEMENT"], "USER_PROFILE_TOOLBAR");
        assert_eq!(binds[0].params["HANDLER"], "https://a.test/handler/");
        assert_eq!(binds[0].params["LANG_ALL"]["en"]["TITLE"], "Profile card");
        // All 20 interface languages of Bitrix24, each with its own title.
        let all = binds[0].params["LANG_ALL"].as_object().unwrap();
        let codes = "ru id ms de en la fr in it pl br vn tr kz ua ar th sc tc ja";
        assert_eq!(all.len(), 20);
        for code in codes.split(' ') {
            assert!(
                all[code]["TITLE"].as_str().is_some_and(|t| !t.is_empty()),
                "{code}"
            );
        }
        assert_eq!(all["ja"]["TITLE"], "プロフィールカード");
        // Every bind is preceded by the unbind of the same placement and handler.
        for pair in steps.chunks(2) {
            assert_eq!(pair[0].method, "placement.unbind");
            assert_eq!(pair[0].params["PLACEMENT"], pair[1].params["PLACEMENT"]);
        }
    }

    #[test]
    fn nothing_wanted_unbinds_only_what_is_bound() {
        let steps = plan(
            &[
                bound("USER_PROFILE_MENU", "h"),
                bound("USER_PROFILE_TOOLBAR", "other"),
            ],
            &[false, false],
            "h",
            "",
        );
        assert_eq!(steps.len(), 1);
        assert_eq!(steps[0].params["PLACEMENT"], "USER_PROFILE_MENU");
    }

    #[test]
    fn hostile_bindings_are_read_as_text() {
        let result = json!([{"placement": "user_profile_menu", "handler": 5, "langAll": "x"},
            "junk", {"title": "<script>"}]);
        let read = bindings(&result, "en");
        assert_eq!(read.len(), 3);
        assert_eq!(read[0].placement, "USER_PROFILE_MENU");
        assert_eq!(read[0].handler, "");
        assert_eq!(read[2].title, "<script>");
        assert!(bindings(&json!({"not": "a list"}), "en").is_empty());
    }

    #[test]
    fn params_serialize_flat() {
        let steps = plan(&[], &[true, false], "h", "Team");
        let value = serde_json::to_value(&steps[1]).unwrap();
        assert_eq!(value["LANG_ALL"]["fr"]["TITLE"], "Team");
        assert!(value.get("method").is_none());
    }
}
