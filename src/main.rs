fn main() {
    profile_widget::start();
}
