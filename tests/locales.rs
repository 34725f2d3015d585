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
        generated.contains("Lang::Eo => Some(&EO_0),"),
        "its first-screen table"
    );
    // Built into native builds only; a wasm build fetches its texts files.
    assert!(generated.contains("#[cfg(not(target_arch = \"wasm32\"))]\nconst EO_0"));
    let texts = dir.join("texts");
    let codes = locales::write_texts(&found, &texts).unwrap();
    assert!(codes.contains(&"eo".to_owned()), "{codes:?}");
    assert!(texts.join("eo-card.json").is_file() && texts.join("eo-app.json").is_file());
}

/// The texts files a wasm build fetches (`locales::texts_json`), read back as the wasm reads
/// them: every language's, in both parts, are taken and hold exactly its built-in texts.
#[test]
fn every_language_is_taken_back_from_its_texts_files_unchanged() {
    use profile_widget::i18n::{CardMsg, Lang, Part, install, t};
    let found = locales::read_dir(&real()).unwrap();
    let dir = std::env::temp_dir().join(format!("profile-widget-texts-{}", std::process::id()));
    let codes = locales::write_texts(&found, &dir).unwrap();
    assert_eq!(codes.len(), 19, "every language but English");
    for locale in &found[1..] {
        let lang = Lang::from_bitrix(&locale.code);
        assert_ne!(lang, Lang::En, "{}", locale.code);
        let mut shown = Vec::new();
        for part in Part::ALL {
            let path = dir.join(format!("{}-{}.json", locale.code, part.name()));
            let file: serde_json::Value =
                serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
            let texts: Vec<String> = serde_json::from_value(file["texts"].clone()).unwrap();
            shown.extend(texts.clone());
            let keys = file["keys"].as_str().unwrap();
            assert_eq!(install(lang, part, keys, texts), Ok(()), "{}", locale.code);
        }
        let built_in: Vec<&str> = (0..shown.len())
            .map(|index| t(lang, message(index)))
            .collect();
        assert_eq!(shown, built_in, "{}", locale.code);
        assert_eq!(shown[0], t(lang, CardMsg::ALL[0].into()));
    }
}

/// The message at `index` in the order of the tables (the first screen's first).
fn message(index: usize) -> profile_widget::i18n::Msg {
    use profile_widget::i18n::{CardMsg, Msg};
    match CardMsg::ALL.get(index) {
        Some(&card) => card.into(),
        None => Msg::ALL[index - CardMsg::ALL.len()],
    }
}

#[test]
fn texts_made_for_other_keys_or_broken_are_refused() {
    use profile_widget::i18n::{Lang, Part, TextsError, install};
    let found = locales::read_dir(&real()).unwrap();
    let german = found.iter().find(|l| l.code == "de").unwrap();
    let file: serde_json::Value =
        serde_json::from_str(&locales::texts_json(&found[0], german, 1)).unwrap();
    let keys = file["keys"].as_str().unwrap().to_owned();
    let texts: Vec<String> = serde_json::from_value(file["texts"].clone()).unwrap();
    assert_eq!(install(Lang::De, Part::App, &keys, texts.clone()), Ok(()));
    assert_eq!(
        install(Lang::De, Part::App, "0123456789abcdef", texts.clone()),
        Err(TextsError::Keys)
    );
    assert_eq!(
        install(Lang::De, Part::Card, &keys, texts.clone()),
        Err(TextsError::Count {
            expected: found[0].sections[0].len(),
            found: texts.len()
        })
    );
    let with_placeholder = texts.iter().position(|t| t.contains('{')).unwrap();
    let mut broken = texts.clone();
    broken[with_placeholder] = broken[with_placeholder].replace('{', "(");
    assert_eq!(
        install(Lang::De, Part::App, &keys, broken),
        Err(TextsError::Placeholder(with_placeholder))
    );
    // A reordering of the keys is another build's: its fingerprint differs.
    let mut reordered = found[0].clone();
    reordered.sections[1].swap(0, 1);
    assert_ne!(locales::fingerprint(&reordered), keys);
}

#[test]
fn texts_files_keep_quotes_backslashes_and_line_breaks() {
    let found = locales::read_dir(&real()).unwrap();
    let mut odd = found[1].clone();
    let text = "a \"quoted\" \\ back\nslash\u{2028}\u{1}";
    odd.sections[0][0].1 = text.to_owned();
    let file: serde_json::Value =
        serde_json::from_str(&locales::texts_json(&found[0], &odd, 0)).unwrap();
    assert_eq!(file["texts"][0], text);
}
