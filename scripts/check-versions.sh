#!/usr/bin/env bash
# Fails when a tool version pinned in scripts/versions.env disagrees with Cargo.toml,
# Cargo.lock or Trunk.toml (a mismatch makes trunk try to download, or wasm-bindgen fail).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
source "$root/scripts/versions.env"
fail=0
check() { # description, expected, actual
  if [[ "$2" != "$3" ]]; then
    echo "version mismatch: $1: expected '$2', found '$3'" >&2
    fail=1
  fi
}
check "Cargo.toml wasm-bindgen" "=$WASM_BINDGEN_VERSION" \
  "$(sed -n 's/^wasm-bindgen = "\(.*\)"/\1/p' "$root/Cargo.toml")"
check "Cargo.lock wasm-bindgen" "$WASM_BINDGEN_VERSION" \
  "$(awk '/^name = "wasm-bindgen"$/{getline; print}' "$root/Cargo.lock" | sed 's/version = "\(.*\)"/\1/')"
check "Trunk.toml [tools] wasm_bindgen" "$WASM_BINDGEN_VERSION" \
  "$(sed -n 's/^wasm_bindgen = "\(.*\)"/\1/p' "$root/Trunk.toml")"
check "Trunk.toml [tools] wasm_opt" "version_${BINARYEN_VERSION%%.*}" \
  "$(sed -n 's/^wasm_opt = "\(.*\)"/\1/p' "$root/Trunk.toml")"
check "Trunk.toml trunk-version" "^${TRUNK_VERSION%.*}" \
  "$(sed -n 's/^trunk-version = "\(.*\)"/\1/p' "$root/Trunk.toml")"
exit $fail
