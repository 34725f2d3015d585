//! Link settings of the first-paint binary (`src/bin/paint.rs`).

fn main() {
    // Rust gives every wasm binary a 1 MiB stack inside its linear memory. The first paint
    // stays alive beside the app all page long and needs a fraction of that (JSON nesting is
    // capped at 64 levels in `bx24::js`): 256 KiB keeps its memory near 0.4 MiB, not 1.1.
    if std::env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32") {
        println!("cargo::rustc-link-arg-bin=paint=-zstack-size=262144");
    }
}
