//! The first binary the frame runs: draws the card, then loads the app (see `first_paint`).

fn main() {
    profile_widget::first_paint::run();
}
