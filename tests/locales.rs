//! The locale check the build runs (build/locales.rs), on the real files and on broken copies
//! of them: a missing key, an extra key or a lost placeholder must fail it, by name.
#![cfg(not(target_arch = "wasm32"))]

#[path = "../build/locales.rs"]
mod locales;

use std::path::{Path, PathBuf};

fn real() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("locales")
}

/// A copy of the locale files in a fresh folder, with `ru.toml` changed by `edit`.
fn broken_copy(name: &str, edit: impl Fn(&str) -> String) -> PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "profile-widget-locales-{name}-{}",
        std::process::id()
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    for entry in std::fs::read_dir(real()).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        let text = if path.file_name().unwrap() == "ru.toml" {
            edit(&text)
        } else {
            text
        };
        std::fs::write(dir.join(path.file_name().unwrap()), text).unwrap();
    }
    dir
}

fn without_line(text: &str, starting: &str) -> String {
    let kept: Vec<&str> = text.lines().filter(|l| !l.starts_with(starting)).collect();
    assert_ne!(
        kept.len(),
        text.lines().count(),
        "no line starts with {starting}"
    );
    kept.join("\n")
}

#[test]
fn the_real_locale_files_pass_with_english_first() {
    let found = locales::read_dir(&real()).unwrap();
    assert_eq!(found[0].code, "en");
    // Bitrix24's 20 interface languages (bitrix24.md §8.4), each a file, none else.
    let mut codes: Vec<&str> = found.iter().map(|l| l.code.as_str()).collect();
    codes.sort_unstable();
    assert_eq!(
        codes,
        [
            "ar", "br", "de", "en", "fr", "id", "in", "it", "ja", "kz", "la", "ms", "pl", "ru",
            "sc", "tc", "th", "tr", "ua", "vn"
        ]
    );
    let generated = locales::generate(&found);
    assert!(generated.contains("pub enum Msg"));
    assert!(generated.contains("Self::Uk => \"ua\""));
}

#[test]
fn a_missing_key_fails_the_check_and_is_named() {
    let dir = broken_copy("missing", |text| without_line(text, "mobile ="));
    let error = locales::read_dir(&dir).unwrap_err();
    assert!(error.contains("ru.toml: [card] misses `mobile`"), "{error}");
}

#[test]
fn an_extra_key_fails_the_check_and_is_named() {
    let dir = broken_copy("extra", |text| {
        text.replace("[app]\n", "[app]\nmobil = \"Мобильный\"\n")
    });
    let error = locales::read_dir(&dir).unwrap_err();
    assert!(
        error.contains("ru.toml: [app] has `mobil`, which en.toml has not"),
        "{error}"
    );
}

#[test]
fn a_key_in_the_wrong_section_fails_the_check() {
    let dir = broken_copy("moved", |text| {
        let line = text
            .lines()
            .find(|l| l.starts_with("mobile ="))
            .unwrap()
            .to_owned();
        without_line(text, "mobile =").replace("[app]\n", &format!("[app]\n{line}\n"))
    });
    let error = locales::read_dir(&dir).unwrap_err();
    assert!(error.contains("[card] misses `mobile`"), "{error}");
    assert!(error.contains("[app] has `mobile`"), "{error}");
}

#[test]
fn a_lost_placeholder_fails_the_check() {
    let dir = broken_copy("placeholder", |text| text.replace("{seconds}", "5"));
    let error = locales::read_dir(&dir).unwrap_err();
    assert!(
        error.contains("ru.toml: [app] retrying_in has placeholders"),
        "{error}"
    );
}

#[test]
fn a_second_placeholder_fails_the_check() {
    let dir = broken_copy("two", |text| {
        text.replace("{seconds}", "{seconds} {seconds}")
    });
    let error = locales::read_dir(&dir).unwrap_err();
    assert!(
        error.contains("ru.toml: [app] retrying_in has more than one placeholder"),
        "{error}"
    );
}

#[test]
fn an_empty_text_or_a_missing_language_name_fails_the_check() {
    let dir = broken_copy("empty", |text| {
        text.replace("mobile = \"Мобильный\"", "mobile = \" \"")
    });
    let error = locales::read_dir(&dir).unwrap_err();
    assert!(
        error.contains("mobile is not a non-empty string"),
        "{error}"
    );
    let dir = broken_copy("meta", |text| without_line(text, "tag ="));
    let error = locales::read_dir(&dir).unwrap_err();
    assert!(error.contains("[language] has no `tag`"), "{error}");
}

#[test]
fn a_new_language_is_one_more_file() {
    let dir = broken_copy("new", |text| text.to_owned());
    let english = std::fs::read_to_string(real().join("en.toml")).unwrap();
    let esperanto = english
        .replace("variant = \"En\"", "variant = \"Eo\"")
        .replace("name = \"English\"", "name = \"Esperanto\"")
        .replace("tag = \"en\"", "tag = \"eo\"");
    std::fs::write(dir.join("eo.toml"), esperanto).unwrap();
    let found = locales::read_dir(&dir).unwrap();
    let generated = locales::generate(&found);
    assert!(generated.contains("\"eo\" => Self::Eo,"), "from_bitrix");
    assert!(
        generated.contains("Self::Eo => \"eo\","),
        "bitrix_code and tag"
    );
    assert!(
        generated.contains("Lang::Eo => &EO_0,"),
        "its first-screen table"
    );
}
