// The app's allocator: talc takes less of the bundle than the default dlmalloc (it pays for the
// owner check of #26; see BENCHMARKS.md's history). The first paint uses it too.
#[cfg(all(target_family = "wasm", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

fn main() {
    profile_widget::start();
}
