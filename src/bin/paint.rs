//! The first binary the frame runs: draws the card, then loads the app (see `first_paint`).

// An allocator that never frees, as the first paint allocates a bounded amount, once: the
// card's answer, its model and its drawing (its memory stays small, see the e2e test
// "the first paint, whose allocator never frees, stays small"). Freeing nothing also drops
// the code that frees (drops of maps and lists): 2.1 KB brotli less than talc, the app's.
#[cfg(all(
    feature = "first-paint",
    target_family = "wasm",
    not(target_feature = "atomics")
))]
#[global_allocator]
static ALLOCATOR: lol_alloc::AssumeSingleThreaded<lol_alloc::LeakingAllocator> =
    // SAFETY: without the atomics feature, the wasm runs on one thread only.
    unsafe { lol_alloc::AssumeSingleThreaded::new(lol_alloc::LeakingAllocator::new()) };

fn main() {
    profile_widget::first_paint::run();
}
