//! Build steps of the widget: the translations from `locales/*.toml` (checked, then generated
//! into tables, see `build/locales.rs`), and the link settings of the
//! first paint and of the split app.

#[path = "build/locales.rs"]
mod locales;

fn main() {
    println!("cargo::rerun-if-changed=locales");
    println!("cargo::rerun-if-changed=build/locales.rs");
    let found = locales::read_dir(std::path::Path::new("locales"))
        .unwrap_or_else(|problems| panic!("the locale files do not match en.toml:\n{problems}"));
    let out = std::path::PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    std::fs::write(out.join("locales.rs"), locales::generate(&found)).expect("OUT_DIR is writable");
    // The texts files a wasm build fetches, for the browser tests to serve (tests/web); the
    // release's own copies are written by crates/locale-files into dist/.
    locales::write_texts(&found, &out.join("texts")).expect("OUT_DIR is writable");

    // Rust gives every wasm binary a 1 MiB stack inside its linear memory. The first paint
    // stays alive beside the app all page long and needs a fraction of that (JSON nesting is
    // capped at 64 levels in `bx24::js`): 256 KiB keeps its memory near 0.4 MiB, not 1.1.
    if std::env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32") {
        println!("cargo::rustc-link-arg-bin=paint=-zstack-size=262144");
        // The app's splitter (scripts/split-app.sh) needs the linker's relocations; the first
        // paint must not have them (binaryen cannot optimize a module that keeps them).
        if std::env::var_os("CARGO_FEATURE_SPLIT").is_some() {
            println!("cargo::rustc-link-arg-bin=profile-widget=--emit-relocs");
        }
    }
}
