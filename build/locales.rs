//! The locale files (`locales/<bitrix code>.toml`) turned into Rust: the `Lang` enum, the
//! message keys (`Msg`, `CardMsg`) and one text table per language, as `src/i18n.rs`
//! includes them. English is the reference: its keys, in its order, are the messages, and
//! every other file must have exactly those keys, with the same `{placeholders}` in each
//! text. Shared by `build.rs` (which fails the build on any error), `tests/locales.rs` and
//! `crates/locale-files` (the texts a wasm build fetches: only English is built into it).

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::Path;

/// The reference language, first in `Lang::ALL` and the fallback of an unknown code.
pub const REFERENCE: &str = "en";
/// The `[app]` key whose text is built into the wasm in every language (see `generate`).
const EVERY_LANGUAGE_KEY: &str = "default_item_title";
/// The sections of a locale file: the first screen's messages, then the rest.
const SECTIONS: [&str; 2] = ["card", "app"];

/// One locale file, read and checked on its own.
#[derive(Clone, Debug)]
pub struct Locale {
    /// Bitrix24's `LANG` code: the file's name.
    pub code: String,
    /// The `Lang` variant, its English name and its BCP 47 tag (`[language]`).
    pub variant: String,
    pub name: String,
    pub tag: String,
    /// `(key, text)` of `[card]` and of `[app]`, in the file's order.
    pub sections: [Vec<(String, String)>; 2],
}

/// Reads one locale file's text.
pub fn parse(code: &str, source: &str) -> Result<Locale, String> {
    let table: toml::Table = source.parse().map_err(|e| format!("{code}.toml: {e}"))?;
    let unknown: Vec<_> = table
        .keys()
        .filter(|k| k.as_str() != "language" && !SECTIONS.contains(&k.as_str()))
        .collect();
    if !unknown.is_empty() {
        return Err(format!("{code}.toml: unknown sections {unknown:?}"));
    }
    let language = section(code, &table, "language")?;
    let field = |name: &str| -> Result<String, String> {
        language
            .iter()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.clone())
            .ok_or_else(|| format!("{code}.toml: [language] has no `{name}`"))
    };
    let variant = field("variant")?;
    if !variant.starts_with(|c: char| c.is_ascii_uppercase())
        || !variant.chars().all(|c| c.is_ascii_alphanumeric())
    {
        return Err(format!(
            "{code}.toml: variant `{variant}` is not a Rust name"
        ));
    }
    Ok(Locale {
        code: code.to_owned(),
        variant,
        name: field("name")?,
        tag: field("tag")?,
        sections: [
            section(code, &table, SECTIONS[0])?,
            section(code, &table, SECTIONS[1])?,
        ],
    })
}

/// The `key = "text"` pairs of one section; every value must be a non-blank string.
fn section(code: &str, table: &toml::Table, name: &str) -> Result<Vec<(String, String)>, String> {
    let Some(toml::Value::Table(entries)) = table.get(name) else {
        return Err(format!("{code}.toml: no [{name}] section"));
    };
    entries
        .iter()
        .map(|(key, value)| match value {
            toml::Value::String(text) if !text.trim().is_empty() => Ok((key.clone(), text.clone())),
            _ => Err(format!(
                "{code}.toml: [{name}] {key} is not a non-empty string"
            )),
        })
        .collect()
}

/// The `{name}` placeholders of a text.
fn placeholders(text: &str) -> BTreeSet<&str> {
    text.split('{')
        .skip(1)
        .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
        .collect()
}

/// Checks every locale against the reference: the same keys in each section (a missing or
/// extra key is named), the same placeholders in each text, distinct codes and variants.
pub fn check(locales: &[Locale]) -> Result<(), String> {
    let reference = locales
        .iter()
        .find(|l| l.code == REFERENCE)
        .ok_or_else(|| format!("no {REFERENCE}.toml"))?;
    let mut problems = Vec::new();
    if !reference.sections[1]
        .iter()
        .any(|(k, _)| k == EVERY_LANGUAGE_KEY)
    {
        problems.push(format!(
            "{REFERENCE}.toml: [app] misses `{EVERY_LANGUAGE_KEY}`"
        ));
    }
    let mut variants = BTreeSet::new();
    for locale in locales {
        if !variants.insert(&locale.variant) {
            problems.push(format!(
                "{}.toml: variant {} used twice",
                locale.code, locale.variant
            ));
        }
        for (index, name) in SECTIONS.iter().enumerate() {
            for (key, text) in &locale.sections[index] {
                if text.matches('{').count() > 1 {
                    // `i18n::fill` replaces one placeholder.
                    problems.push(format!(
                        "{}.toml: [{name}] {key} has more than one placeholder",
                        locale.code
                    ));
                }
            }
            let theirs = &locale.sections[index];
            let ours = &reference.sections[index];
            for (key, text) in ours {
                match theirs.iter().find(|(k, _)| k == key) {
                    None => problems.push(format!("{}.toml: [{name}] misses `{key}`", locale.code)),
                    Some((_, translated)) if placeholders(translated) != placeholders(text) => {
                        problems.push(format!(
                            "{}.toml: [{name}] {key} has placeholders {:?}, English has {:?}",
                            locale.code,
                            placeholders(translated),
                            placeholders(text)
                        ));
                    }
                    Some(_) => {}
                }
            }
            for (key, _) in theirs {
                if !ours.iter().any(|(k, _)| k == key) {
                    problems.push(format!(
                        "{}.toml: [{name}] has `{key}`, which en.toml has not",
                        locale.code
                    ));
                }
            }
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems.join("\n"))
    }
}

/// Reads every `*.toml` of `dir`, the reference first and the rest by code, and checks them.
pub fn read_dir(dir: &Path) -> Result<Vec<Locale>, String> {
    let mut locales = Vec::new();
    let entries = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    for entry in entries {
        let path = entry.map_err(|e| e.to_string())?.path();
        if path.extension().is_none_or(|ext| ext != "toml") {
            continue;
        }
        let code = path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default()
            .to_owned();
        let source =
            std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        locales.push(parse(&code, &source)?);
    }
    locales.sort_by_key(|l| (l.code != REFERENCE, l.code.clone()));
    check(&locales)?;
    Ok(locales)
}

/// `err_not_in_bitrix24` → `ErrNotInBitrix24`.
fn camel(key: &str) -> String {
    key.split('_')
        .map(|word| {
            let mut chars = word.chars();
            chars
                .next()
                .map(|first| first.to_ascii_uppercase().to_string() + chars.as_str())
                .unwrap_or_default()
        })
        .collect()
}

/// The parts of a language's texts the wasm fetches, each a file of its own: the first
/// screen's (`[card]`, which the first paint waits for), then the rest (`[app]`).
pub const PARTS: [&str; 2] = SECTIONS;

/// A fingerprint of the reference's keys in their order (FNV-1a, 64 bits, hex): a texts file
/// is used only when it carries the fingerprint the wasm was built with.
pub fn fingerprint(reference: &Locale) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for (index, section) in reference.sections.iter().enumerate() {
        for (key, _) in section {
            for byte in format!("{index}:{key};").bytes() {
                hash = (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3);
            }
        }
    }
    format!("{hash:016x}")
}

/// A JSON string literal.
fn json_string(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => out += "\\\"",
            '\\' => out += "\\\\",
            c if u32::from(c) < 0x20 || matches!(c, '\u{2028}' | '\u{2029}') => {
                let _ = write!(out, "\\u{:04x}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out + "\""
}

/// One part of `locale`'s texts as the wasm fetches it (`i18n::install` reads it):
/// `{"keys":"<fingerprint>","texts":[…]}`, the texts in the reference's order.
pub fn texts_json(reference: &Locale, locale: &Locale, part: usize) -> String {
    let texts: Vec<String> = reference.sections[part]
        .iter()
        .map(|(key, _)| {
            let text = locale.sections[part].iter().find(|(k, _)| k == key);
            json_string(text.map_or("", |(_, t)| t.as_str()))
        })
        .collect();
    format!(
        "{{\"keys\":\"{}\",\"texts\":[{}]}}\n",
        fingerprint(reference),
        texts.join(",")
    )
}

/// Writes `<code>-<part>.json` into `dir` for every language but the reference (which the
/// wasm has built in), and returns the codes written.
pub fn write_texts(locales: &[Locale], dir: &Path) -> std::io::Result<Vec<String>> {
    std::fs::create_dir_all(dir)?;
    let mut codes = Vec::new();
    for locale in &locales[1..] {
        for (part, name) in PARTS.iter().enumerate() {
            let file = dir.join(format!("{}-{name}.json", locale.code));
            std::fs::write(file, texts_json(&locales[0], locale, part))?;
        }
        codes.push(locale.code.clone());
    }
    Ok(codes)
}

/// The Rust source `src/i18n.rs` includes, from checked locales (the reference first).
pub fn generate(locales: &[Locale]) -> String {
    let reference = &locales[0];
    let [card, app] = &reference.sections;
    let mut out =
        String::from("// Generated by build.rs from locales/*.toml: edit those, not this.\n\n");
    // The languages.
    out += "/// A UI language, chosen from Bitrix24's `LANG` code (one per `locales/*.toml`).\n";
    out += "#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]\npub enum Lang {\n";
    for (i, l) in locales.iter().enumerate() {
        let default = if i == 0 { "    #[default]\n" } else { "" };
        let _ = writeln!(
            out,
            "    /// {} (`{}`).\n{default}    {},",
            l.name, l.code, l.variant
        );
    }
    out += "}\n\nimpl Lang {\n    /// Every language, English first.\n";
    let _ = writeln!(out, "    pub const ALL: [Lang; {}] = [", locales.len());
    for l in locales {
        let _ = writeln!(out, "        Lang::{},", l.variant);
    }
    out += "    ];\n\n";
    let arms = |value: &dyn Fn(&Locale) -> &str| -> String {
        locales
            .iter()
            .map(|l| format!("            Self::{} => {:?},\n", l.variant, value(l)))
            .collect()
    };
    out += "    /// Maps a Bitrix24 `LANG` code (its own codes, not BCP 47); an unknown one is English.\n";
    out += "    pub fn from_bitrix(code: &str) -> Self {\n        match code.trim().to_ascii_lowercase().as_str() {\n";
    for l in &locales[1..] {
        let _ = writeln!(out, "            {:?} => Self::{},", l.code, l.variant);
    }
    let _ = writeln!(
        out,
        "            _ => Self::{},\n        }}\n    }}\n",
        reference.variant
    );
    out += "    /// Bitrix24's own code for the language (the inverse of [`Lang::from_bitrix`]).\n";
    out += "    pub fn bitrix_code(self) -> &'static str {\n        match self {\n";
    out += &arms(&|l| &l.code);
    out += "        }\n    }\n\n    /// The BCP 47 tag, for `<html lang>` and `Intl`.\n";
    out += "    pub fn tag(self) -> &'static str {\n        match self {\n";
    out += &arms(&|l| &l.tag);
    out += "        }\n    }\n}\n\n";
    // The keys.
    let variants = |entries: &[(String, String)]| -> String {
        entries
            .iter()
            .map(|(key, text)| format!("    /// {text:?}\n    {},\n", camel(key)))
            .collect()
    };
    out += "/// A message key: one per key of `locales/en.toml`, the first screen's first.\n";
    out += "#[derive(Clone, Copy, Debug, PartialEq, Eq)]\npub enum Msg {\n";
    out += &variants(card);
    out += &variants(app);
    out += "}\n\n/// A message of the card's first screen (`[card]`): each is the [`Msg`] of the same\n";
    out += "/// name, with tables of its own so that the first paint links only these.\n";
    out += "#[derive(Clone, Copy, Debug, PartialEq, Eq)]\npub enum CardMsg {\n";
    out += &variants(card);
    out += "}\n\n";
    let _ = writeln!(out, "const CARD_COUNT: usize = {};", card.len());
    let _ = writeln!(out, "const COUNT: usize = {};\n", card.len() + app.len());
    out += "impl Msg {\n    /// The messages after the first screen's, in the order of their tables.\n";
    let _ = writeln!(out, "    pub const ALL: [Msg; COUNT - CARD_COUNT] = [");
    for (key, _) in app {
        let _ = writeln!(out, "        Msg::{},", camel(key));
    }
    out += "    ];\n}\n\n";
    out += "impl CardMsg {\n    /// Every first-screen message, in the order of its tables.\n";
    out += "    pub const ALL: [CardMsg; CARD_COUNT] = [\n";
    for (key, _) in card {
        let _ = writeln!(out, "        CardMsg::{},", camel(key));
    }
    out += "    ];\n}\n\nimpl From<CardMsg> for Msg {\n    fn from(msg: CardMsg) -> Self {\n        match msg {\n";
    for (key, _) in card {
        let _ = writeln!(out, "            CardMsg::{0} => Msg::{0},", camel(key));
    }
    out += "        }\n    }\n}\n\n";
    // The tables, each in the reference's order.
    out += "/// The first-screen messages of one language, in the order of [`CardMsg`].\n";
    out += "type CardTable = [&'static str; CARD_COUNT];\n";
    out += "/// The other messages of one language, in the order of [`Msg`] after the first screen's.\n";
    out += "type Table = [&'static str; COUNT - CARD_COUNT];\n\n";
    let _ = writeln!(
        out,
        "/// The fingerprint of the keys a fetched texts file must carry.\nconst TEXTS_KEYS: &str = {:?};\n",
        fingerprint(reference)
    );
    // Natively every language is built in (the tests read them all); a wasm build has only
    // the reference's, and fetches the user's language (`i18n::install`).
    let native = "#[cfg(not(target_arch = \"wasm32\"))]\n";
    for (name, kind, index) in [("built_in_card", "CardTable", 0), ("built_in", "Table", 1)] {
        let _ = writeln!(
            out,
            "#[allow(unreachable_patterns)]\nfn {name}(lang: Lang) -> Option<&'static {kind}> {{\n    match lang {{"
        );
        for (i, l) in locales.iter().enumerate() {
            let cfg = if i == 0 {
                ""
            } else {
                "        #[cfg(not(target_arch = \"wasm32\"))]\n"
            };
            let _ = writeln!(
                out,
                "{cfg}        Lang::{} => Some(&{}_{index}),",
                l.variant,
                l.variant.to_uppercase()
            );
        }
        out += "        _ => None,\n    }\n}\n\n";
    }
    // The one text needed in every language at once: the install page names the placement
    // item in all of them (`LANG_ALL`), so it is built in everywhere.
    out += "/// `default_item_title` in every language, in the order of [`Lang::ALL`].\n";
    let _ = writeln!(out, "const ITEM_TITLES: [&str; {}] = [", locales.len());
    for l in locales {
        let title = l.sections[1].iter().find(|(k, _)| k == EVERY_LANGUAGE_KEY);
        let _ = writeln!(out, "    {:?},", title.map_or("", |(_, t)| t.as_str()));
    }
    out += "];\n\n";
    let _ = writeln!(
        out,
        "/// The reference's tables: the fallback of a language whose texts are not in.\nconst REFERENCE_TABLES: (&CardTable, &Table) = (&{0}_0, &{0}_1);\n",
        reference.variant.to_uppercase()
    );
    for (i, l) in locales.iter().enumerate() {
        for (index, kind) in ["CardTable", "Table"].iter().enumerate() {
            let _ = writeln!(
                out,
                "{}const {}_{index}: {kind} = [",
                if i == 0 { "" } else { native },
                l.variant.to_uppercase()
            );
            for (key, _) in &reference.sections[index] {
                let text = l.sections[index]
                    .iter()
                    .find(|(k, _)| k == key)
                    .map(|(_, t)| t);
                let _ = writeln!(out, "    {:?},", text.map_or("", String::as_str));
            }
            out += "];\n";
        }
    }
    out
}
