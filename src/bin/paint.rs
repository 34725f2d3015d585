//! The first binary the frame runs: draws the card, then loads the app (see `first_paint`).

// As the app's (src/main.rs): talc takes less of the bundle than the default dlmalloc.
#[cfg(all(target_family = "wasm", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

fn main() {
    profile_widget::first_paint::run();
}
