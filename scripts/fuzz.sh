#!/usr/bin/env bash
# The fuzz run (its own command, not part of the test command): a million inputs for each
# property-based target (tests/fuzz/: placement context, user and department decoders,
# vCard and link builders, image URLs, the bridge's REST form bodies, the profile's tags, notes,
# links and meeting slots; portal/tests/fuzz.rs:
# the simulator's request
# parser), in
# release mode. Each target records its count; the next ./scripts/test.sh puts them into
# RELIABILITY.md (or run scripts/reliability.py directly).
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$root"
cases=${FUZZ_CASES:-1000000}
FUZZ_CASES=$cases cargo test --locked --release --test fuzz -- --test-threads=2
FUZZ_CASES=$cases cargo test --locked --release -p portal --test fuzz
python3 scripts/reliability.py
