//! The widget's rooms point one way (README, "How it fits together"): the two renderers
//! (`first_paint`, `ui`) share `card` (what the card says) and `page` (their contract on one
//! page) and never name each other; `card` and `page` name neither; `card` has no Leptos.
//! Read from the sources, natively.
#![cfg(not(target_arch = "wasm32"))]

use std::path::{Path, PathBuf};

fn sources(path: &str) -> Vec<(PathBuf, String)> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("src").join(path);
    if path.is_file() {
        return vec![(path.clone(), std::fs::read_to_string(&path).unwrap())];
    }
    let mut files = Vec::new();
    for entry in std::fs::read_dir(&path).unwrap() {
        let file = entry.unwrap().path();
        if file.extension().is_some_and(|e| e == "rs") {
            files.push((file.clone(), std::fs::read_to_string(&file).unwrap()));
        }
    }
    assert!(!files.is_empty(), "{}", path.display());
    files
}

/// Lines of code (comments left out) that name `needle`.
fn naming(path: &str, needle: &str) -> Vec<String> {
    sources(path)
        .into_iter()
        .flat_map(|(file, text)| {
            text.lines()
                .filter(|line| !line.trim_start().starts_with("//") && line.contains(needle))
                .map(|line| format!("{}: {}", file.display(), line.trim()))
                .collect::<Vec<_>>()
        })
        .collect()
}

#[test]
fn the_renderers_never_name_each_other() {
    assert_eq!(naming("first_paint", "crate::ui"), Vec::<String>::new());
    assert_eq!(naming("ui", "first_paint"), Vec::<String>::new());
}

#[test]
fn what_both_renderers_share_points_back_at_neither() {
    for shared in ["card", "page.rs"] {
        for renderer in ["crate::ui", "first_paint"] {
            assert_eq!(naming(shared, renderer), Vec::<String>::new(), "{shared}");
        }
    }
    assert_eq!(naming("card", "leptos"), Vec::<String>::new());
}
