#!/usr/bin/env bash
# Installs what the project needs and is missing, at the versions in versions.env.
# Idempotent: a second run only checks, and takes seconds.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=versions.env
source "$root/scripts/versions.env"
export PATH="$HOME/.cargo/bin:$PATH"

say() { printf 'setup: %s\n' "$*"; }
did_something=0

# 1. The wasm target for rustup's toolchain.
if ! rustup target list --installed | grep -qx "$RUST_WASM_TARGET"; then
  say "adding rust target $RUST_WASM_TARGET"
  rustup target add "$RUST_WASM_TARGET"
  did_something=1
fi

# 2. Browsers, chromedriver and brotli (the build's precompressed copies) from Debian's archive.
missing=()
for pkg in $DEBIAN_PACKAGES; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
done
if ((${#missing[@]})); then
  say "installing Debian packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  did_something=1
fi

# 3. Cargo-installed tools, each only if the pinned version is not already on PATH.
cargo_tool() { # binary, version-line, install args...
  local bin=$1 want=$2; shift 2
  if [[ "$("$bin" --version 2>/dev/null | head -1)" != "$want" ]]; then
    say "cargo install $* (a few minutes on 2 cores)"
    cargo install --quiet "$@"
    did_something=1
  fi
}
cargo_tool trunk "trunk $TRUNK_VERSION" --locked trunk --version "$TRUNK_VERSION"
# No --locked: its lockfile wants a webpki-roots the registry lacks (shared/toolchain.md).
cargo_tool wasm-bindgen "wasm-bindgen $WASM_BINDGEN_VERSION" wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
cargo_tool geckodriver "geckodriver $GECKODRIVER_VERSION" --locked geckodriver --version "$GECKODRIVER_VERSION"
# The app's splitter (scripts/split-app.sh); its command has no --version, cargo's list does.
if ! cargo install --list | grep -qx "wasm_split_cli_support v$WASM_SPLIT_CLI_VERSION:"; then
  say "cargo install wasm_split_cli_support $WASM_SPLIT_CLI_VERSION (a few minutes on 2 cores)"
  cargo install --quiet --locked wasm_split_cli_support --version "$WASM_SPLIT_CLI_VERSION" --features build-binary
  did_something=1
fi

# 4. npm packages into the git-ignored tools/node_modules: binaryen's wasm-opt (never
#    Debian's 108, which breaks the bundle), playwright-core (drives Debian's chromium), ws
#    (speaks WebDriver BiDi to Debian's firefox-esr through geckodriver), terser (minifies
#    the JS glue, which Trunk's own minifier cannot parse) and axe-core (the accessibility
#    audit of the end-to-end suite).
npm_pkg_version() { node -p "require('$root/tools/node_modules/$1/package.json').version" 2>/dev/null || true; }
npm_want=("binaryen@$BINARYEN_VERSION" "playwright-core@$PLAYWRIGHT_CORE_VERSION" "@bitrix24/b24jssdk@$B24JSSDK_VERSION"
  "ws@$WS_VERSION" "terser@$TERSER_VERSION" "axe-core@$AXE_CORE_VERSION")
npm_ok=1
for spec in "${npm_want[@]}"; do
  [[ "$(npm_pkg_version "${spec%@*}")" == "${spec##*@}" ]] || npm_ok=0
done
# All at once: --no-save installs prune whatever a previous --no-save install added.
if ((!npm_ok)); then
  say "npm install ${npm_want[*]}"
  mkdir -p "$root/tools"
  # PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: we use Debian's chromium, never a downloaded one.
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm install --prefix "$root/tools" --no-save --no-package-lock \
    --no-audit --no-fund --loglevel=error "${npm_want[@]}" >/dev/null
  did_something=1
fi

# 5. Every crate into cargo's cache, so trunk's offline build can run.
(cd "$root" && cargo fetch --quiet)

if ((did_something)); then say "done"; else say "everything already installed"; fi
