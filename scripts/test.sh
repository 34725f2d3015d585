#!/usr/bin/env bash
# Every test, in the order that fails fastest. CI runs exactly this (.ci/run).
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$root"
bash scripts/setup.sh

step() { printf '\n==> %s\n' "$*"; }
wasm=(--target wasm32-unknown-unknown)
export WASM_BINDGEN_TEST_TIMEOUT=${WASM_BINDGEN_TEST_TIMEOUT:-180}

step "pinned versions agree"
bash scripts/check-versions.sh
step "cargo fmt --check"
cargo fmt --all --check
step "clippy, native"
cargo clippy --locked --workspace --all-targets -- -D warnings
step "clippy, wasm32"
cargo clippy --locked -p profile-widget -p bx24 --all-targets "${wasm[@]}" -- -D warnings
step "native tests (pure logic, doc examples)"
cargo test --locked --workspace
step "browser tests in headless Chromium"
env -u GECKODRIVER CHROMEDRIVER=/usr/bin/chromedriver cargo test --locked "${wasm[@]}" --tests
step "browser tests in headless Firefox"
env -u CHROMEDRIVER GECKODRIVER="$(command -v geckodriver)" cargo test --locked "${wasm[@]}" --tests
step "release build (wasm-opt -Oz) and the portal simulator"
trunk build --release
cargo build --locked -p portal
step "size budget"
bash scripts/size.sh
step "end-to-end in headless Chromium: smoke, protocol, actions, install, look, hardening, official SDK"
node --test e2e/
step "RELIABILITY.md from the counts the hardening tests recorded"
python3 scripts/reliability.py
