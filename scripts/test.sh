#!/usr/bin/env bash
# Every test, in the order that fails fastest. CI runs exactly this (.ci/run).
# `scripts/test.sh <stage>…` runs only those stages, in the order given (`scripts/test.sh list`
# names them); `e2e` and `reliability` read the build the `build` stage makes.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$root"

wasm=(--target wasm32-unknown-unknown)
export WASM_BINDGEN_TEST_TIMEOUT=${WASM_BINDGEN_TEST_TIMEOUT:-180}
stages=(versions records fmt clippy clippy-wasm native chromium firefox build size e2e reliability)
declare -A about=(
  [versions]="pinned versions agree"
  [records]="the RELIABILITY.md writer refuses records of other runs (unit tests)"
  [fmt]="cargo fmt --check"
  [clippy]="clippy, native"
  [clippy-wasm]="clippy, wasm32 (also the release app's split build and the first paint without Leptos)"
  [native]="native tests (pure logic, doc examples)"
  [chromium]="browser tests in headless Chromium"
  [firefox]="browser tests in headless Firefox"
  [build]="release build (wasm-opt -Oz, then flatten and rereloop twice) and the portal simulator"
  [size]="size budget"
  [e2e]="end-to-end in headless Chromium (the fault table and the app's parts in Firefox too): smoke, protocol, actions, install, look, the accessibility audit (axe-core), hardening, official SDK"
  [reliability]="RELIABILITY.md from the counts the hardening tests recorded"
)

run_stage() {
  case $1 in
    versions) bash scripts/check-versions.sh ;;
    records) python3 -m unittest -v scripts/test_records.py ;;
    fmt) cargo fmt --all --check ;;
    clippy) cargo clippy --locked --workspace --all-targets -- -D warnings ;;
    # As the tests build it, as the release app (its parts as split points), as the first paint.
    clippy-wasm) cargo clippy --locked -p profile-widget -p bx24 --all-targets "${wasm[@]}" -- -D warnings &&
      cargo clippy --locked -p profile-widget --bin profile-widget --features split "${wasm[@]}" -- -D warnings &&
      cargo clippy --locked -p profile-widget --bin paint --no-default-features --features first-paint "${wasm[@]}" -- -D warnings ;;
    native) cargo test --locked --workspace ;;
    chromium) env -u GECKODRIVER CHROMEDRIVER=/usr/bin/chromedriver cargo test --locked "${wasm[@]}" --tests ;;
    firefox) env -u CHROMEDRIVER GECKODRIVER="$(command -v geckodriver)" cargo test --locked "${wasm[@]}" --tests ;;
    build) trunk build --release && cargo build --locked -p portal ;;
    size) bash scripts/size.sh ;;
    e2e) node --test --test-concurrency=1 e2e/ ;;
    reliability) python3 scripts/reliability.py ;;
  esac
}

if [[ ${1:-} == list ]]; then
  for stage in "${stages[@]}"; do printf '%-12s %s\n' "$stage" "${about[$stage]}"; done
  exit 0
fi
selected=("$@")
((${#selected[@]})) || selected=("${stages[@]}")
for stage in "${selected[@]}"; do
  [[ -n ${about[$stage]:-} ]] || { echo "test.sh: no stage '$stage' (scripts/test.sh list)" >&2; exit 2; }
done
bash scripts/setup.sh
# One run: its records (target/reliability/) are made anew and carry its id; RELIABILITY.md is
# written from them alone.
RELIABILITY_RUN=$(python3 scripts/reliability.py start "${selected[@]}")
export RELIABILITY_RUN
for stage in "${selected[@]}"; do
  printf '\n==> %s\n' "${about[$stage]}"
  run_stage "$stage"
done
