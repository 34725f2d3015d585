#!/usr/bin/env bash
# Widget development with live reload: trunk serve on :8080 and the demo portal on :8000
# framing it (trunk proxies Bitrix24's POST on /handler/ to the portal's app host on :8001).
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$root"
bash scripts/setup.sh
cargo build --locked -p portal
trunk build
target/debug/portal --dist dist --app-origin http://127.0.0.1:8080 "$@" &
portal=$!
trap 'kill $portal 2>/dev/null' EXIT
trunk serve
