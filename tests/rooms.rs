//! The widget's rooms point one way (README, "How it fits together"): the two renderers
//! (`first_paint`, `ui`) share `card` (what the card says) and `page` (their contract on one
//! page) and never name each other; `card` and `page` name neither; `card` has no Leptos.
//! The views name no REST method (every request is in `profile::api`), and no source file is
//! longer than one sitting. Read from the sources, natively.
#![cfg(not(target_arch = "wasm32"))]

use std::path::{Path, PathBuf};

/// Lines of code (comments left out) that name `needle`.
fn naming(path: &str, needle: &str) -> Vec<String> {
    sources_deep(path)
        .into_iter()
        .flat_map(|(file, text)| {
            text.lines()
                .filter(|line| !line.trim_start().starts_with("//") && line.contains(needle))
                .map(|line| format!("{}: {}", file.display(), line.trim()))
                .collect::<Vec<_>>()
        })
        .collect()
}

/// The files under `src/<folder>` (subfolders included) whose code names the crate's module
/// `module` by a path, in any spelling: `crate::m`, `super::m`, `super::super::m`,
/// `profile_widget::m`, or an item of a `use crate::{…}` group (over several lines too).
fn naming_module(folder: &str, module: &str) -> Vec<String> {
    sources_deep(folder)
        .into_iter()
        .filter(|(_, text)| names_module(text, module))
        .map(|(file, _)| file.display().to_string())
        .collect()
}

/// Whether `code` (comments left out) names `module` by a path from the crate's root.
fn names_module(code: &str, module: &str) -> bool {
    let code: String = code
        .lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join(" ")
        .split_whitespace()
        .collect();
    let names = |mut rest: &str| {
        while let Some(after) = rest.strip_prefix("super::") {
            rest = after;
        }
        match rest.strip_prefix('{') {
            // A group: its items at the top level, each naming its first segment.
            Some(group) => {
                let mut depth = 0;
                let end = group
                    .char_indices()
                    .find(|&(_, c)| {
                        depth += match c {
                            '{' => 1,
                            '}' => -1,
                            _ => 0,
                        };
                        depth < 0
                    })
                    .map_or(group.len(), |(i, _)| i);
                let mut depth = 0;
                group[..end]
                    .split(|c| {
                        depth += match c {
                            '{' => 1,
                            '}' => -1,
                            _ => 0,
                        };
                        c == ',' && depth == 0
                    })
                    .any(|item| first_segment(item) == module)
            }
            None => first_segment(rest) == module,
        }
    };
    ["crate::", "super::", "profile_widget::"]
        .iter()
        .any(|root| {
            code.match_indices(root)
                .any(|(i, _)| names(&code[i + root.len()..]))
        })
}

fn first_segment(path: &str) -> &str {
    let end = path
        .find(|c: char| !(c.is_alphanumeric() || c == '_'))
        .unwrap_or(path.len());
    &path[..end]
}

#[test]
fn the_module_check_sees_every_spelling() {
    for code in [
        "use crate::ui::card::Card;",
        "let x = crate::ui::mount();",
        "use crate::{card, ui};",
        "use crate::{\n    card::Summary,\n    ui::{self, Lang},\n};",
        "use super::super::ui;",
        "profile_widget::ui::mount()",
    ] {
        assert!(names_module(code, "ui"), "{code}");
    }
    for code in [
        "use crate::uix;",
        "use crate::{card, i18n::ui};",
        "// use crate::ui;",
        "let ui = 1;",
    ] {
        assert!(!names_module(code, "ui"), "{code}");
    }
}

#[test]
fn the_renderers_never_name_each_other() {
    assert_eq!(naming_module("first_paint", "ui"), Vec::<String>::new());
    assert_eq!(naming_module("ui", "first_paint"), Vec::<String>::new());
}

#[test]
fn what_both_renderers_share_points_back_at_neither() {
    for shared in ["card", "page.rs"] {
        for renderer in ["ui", "first_paint"] {
            assert_eq!(
                naming_module(shared, renderer),
                Vec::<String>::new(),
                "{shared}"
            );
        }
    }
    assert_eq!(naming("card", "leptos"), Vec::<String>::new());
}

/// Quoted strings of a line that look like REST method names (`user.get`, `tasks.task.add`).
fn rest_methods(line: &str) -> Vec<String> {
    line.split('"')
        .skip(1)
        .step_by(2)
        .filter(|text| {
            let parts: Vec<&str> = text.split('.').collect();
            parts.len() >= 2
                && parts
                    .iter()
                    .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_lowercase() || c == '_'))
        })
        .map(str::to_owned)
        .collect()
}

#[test]
fn the_views_never_name_a_rest_method_or_build_json() {
    let mut found = Vec::new();
    for (file, text) in sources_deep("ui") {
        for line in text.lines().filter(|l| !l.trim_start().starts_with("//")) {
            for method in rest_methods(line) {
                found.push(format!("{}: {method}", file.display()));
            }
            if line.contains("json!") || line.contains(".call::<") || line.contains("Batch::new") {
                found.push(format!("{}: {}", file.display(), line.trim()));
            }
        }
    }
    assert_eq!(found, Vec::<String>::new());
    // The check sees a method where there is one.
    assert_eq!(
        rest_methods(r#"bx24.call("tasks.task.add", &p)"#),
        ["tasks.task.add"]
    );
    assert!(rest_methods(r#"format!("{a}.{b}")"#).is_empty());
}

/// `src/<path>` when it is a file, else every `.rs` file under it, folders included.
fn sources_deep(path: &str) -> Vec<(PathBuf, String)> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("src").join(path);
    if path.is_file() {
        return vec![(path.clone(), std::fs::read_to_string(&path).unwrap())];
    }
    sources_under(&path)
}

/// Every `.rs` file under `folder`, folders included.
fn sources_under(folder: &Path) -> Vec<(PathBuf, String)> {
    files_under(folder, &["rs"])
}

/// Every file under `folder` whose extension is one of `extensions`, folders included.
fn files_under(folder: &Path, extensions: &[&str]) -> Vec<(PathBuf, String)> {
    let mut files = Vec::new();
    let mut folders = vec![folder.to_path_buf()];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder).unwrap() {
            let file = entry.unwrap().path();
            if file.is_dir() {
                folders.push(file);
            } else if file
                .extension()
                .is_some_and(|e| extensions.iter().any(|x| e == *x))
            {
                files.push((file.clone(), std::fs::read_to_string(&file).unwrap()));
            }
        }
    }
    assert!(!files.is_empty(), "{}", folder.display());
    files
}

/// The project's own code and tests, in Rust and JavaScript (the demo company's name lists
/// are data, in a file of their own).
#[test]
fn no_source_file_is_longer_than_one_sitting() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let folders = [
        "src",
        "crates/bx24",
        "portal/src",
        "portal/tests",
        "portal/assets",
        "tests",
        "e2e",
        "web",
    ];
    let mut long = Vec::new();
    for folder in folders {
        for (file, text) in files_under(&root.join(folder), &["rs", "js", "mjs"]) {
            let lines = text.lines().count();
            if lines > 450 {
                long.push(format!("{}: {lines} lines", file.display()));
            }
        }
    }
    assert_eq!(long, Vec::<String>::new());
}
