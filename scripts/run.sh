#!/usr/bin/env bash
# The main job: builds the widget for release and runs it inside the demo portal.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$root"
bash scripts/setup.sh
trunk build --release
cargo build --locked -p portal
exec target/debug/portal --dist dist "$@"
