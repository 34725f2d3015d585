//! Dates and times through the browser's `Intl`: every time zone and locale the browser knows,
//! at no cost to the bundle. A hostile or unknown time zone makes `Intl` throw; that is
//! caught and the value is simply not shown.

use crate::i18n::Lang;
use crate::profile::Date;
use js_sys::{Object, Reflect};
use wasm_bindgen::prelude::*;

// `Intl.DateTimeFormat`, every call caught: it throws on an unknown locale or time zone.
#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = Intl)]
    type DateTimeFormat;

    #[wasm_bindgen(catch, constructor, js_namespace = Intl)]
    fn new(locale: &str, options: &Object) -> Result<DateTimeFormat, JsValue>;

    #[wasm_bindgen(catch, method)]
    fn format(this: &DateTimeFormat, date: &js_sys::Date) -> Result<String, JsValue>;

    #[wasm_bindgen(catch, method, js_name = resolvedOptions)]
    fn resolved_options(this: &DateTimeFormat) -> Result<ResolvedOptions, JsValue>;

    type ResolvedOptions;

    #[wasm_bindgen(method, getter, js_name = timeZone)]
    fn time_zone(this: &ResolvedOptions) -> Option<String>;
}

/// A new `Intl.DateTimeFormat(locale, options)`, or `None` where `Intl` refuses them.
fn date_time_format(locale: &str, options: &[(&str, &str)]) -> Option<DateTimeFormat> {
    let settings = Object::new();
    for (key, value) in options {
        Reflect::set(&settings, &(*key).into(), &(*value).into()).ok()?;
    }
    DateTimeFormat::new(locale, &settings).ok()
}

fn format_with(formatter: &DateTimeFormat, date: &js_sys::Date) -> Option<String> {
    formatter.format(date).ok()
}

/// Today in the viewer's own time zone.
pub fn today() -> Date {
    let now = js_sys::Date::new_0();
    Date {
        year: Some(now.get_full_year() as i32),
        month: now.get_month() + 1,
        day: now.get_date(),
    }
}

/// "14 July 1990" (or "14 July" without a year), in the UI language.
pub fn date(lang: Lang, date: Date) -> String {
    let year = date.year.unwrap_or(2000);
    let utc = js_sys::Date::utc(f64::from(year), f64::from(date.month - 1))
        + f64::from(date.day - 1) * 86_400_000.0;
    let moment = js_sys::Date::new(&utc.into());
    let mut options = vec![("timeZone", "UTC"), ("day", "numeric"), ("month", "long")];
    if date.year.is_some() {
        options.push(("year", "numeric"));
    }
    date_time_format(lang.tag(), &options)
        .and_then(|f| format_with(&f, &moment))
        .unwrap_or_else(|| match date.year {
            Some(y) => format!("{y:04}-{:02}-{:02}", date.month, date.day),
            None => format!("{:02}-{:02}", date.month, date.day),
        })
}

fn minutes_of_day(text: &str) -> Option<i32> {
    let (h, m) = text.trim().split_once(':')?;
    let digits = |s: &str| {
        s.chars()
            .filter(char::is_ascii_digit)
            .collect::<String>()
            .parse::<i32>()
            .ok()
    };
    Some(digits(h)? % 24 * 60 + digits(m)?)
}

/// The time now in `time_zone` ("14:05") and its difference to the viewer's clock in
/// minutes (positive: ahead). `None` for an empty or unknown zone.
pub fn local_time(lang: Lang, time_zone: &str) -> Option<(String, i32)> {
    if time_zone.is_empty() {
        return None;
    }
    let now = js_sys::Date::new_0();
    let shown = date_time_format(
        lang.tag(),
        &[
            ("timeZone", time_zone),
            ("hour", "2-digit"),
            ("minute", "2-digit"),
        ],
    )?;
    let clock = date_time_format(
        "en-GB",
        &[
            ("timeZone", time_zone),
            ("hourCycle", "h23"),
            ("hour", "2-digit"),
            ("minute", "2-digit"),
        ],
    )?;
    let theirs = minutes_of_day(&format_with(&clock, &now)?)?;
    let mine = (now.get_hours() * 60 + now.get_minutes()) as i32;
    let mut difference = theirs - mine;
    if difference > 720 {
        difference -= 1440;
    } else if difference <= -720 {
        difference += 1440;
    }
    Some((format_with(&shown, &now)?, difference))
}

/// The viewer's IANA time zone (`Intl`), or empty when the browser does not say.
pub fn viewer_time_zone() -> String {
    date_time_format("en", &[])
        .and_then(|formatter| formatter.resolved_options().ok())
        .and_then(|options| options.time_zone())
        .unwrap_or_default()
}

/// Formats a date and a clock once, so that the browser loads its locale and time-zone data
/// while the profile request is in flight instead of while the card renders (about 12 ms
/// of the card's render in Chromium, measured).
pub fn warm_up(lang: Lang) {
    let sample = Date {
        year: Some(2000),
        month: 1,
        day: 1,
    };
    let _ = date(lang, sample);
    let _ = local_time(lang, &viewer_time_zone());
}

/// `text` in lower case by the browser's Unicode case mapping (`String.prototype.toLowerCase`).
pub fn lowercase(text: &str) -> String {
    js_sys::JsString::from(text).to_lower_case().into()
}
