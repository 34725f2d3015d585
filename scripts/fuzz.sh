#!/usr/bin/env bash
# The fuzz run (its own command, not part of the test command): a million inputs for each
# property-based target (tests/fuzz/: placement context, user and department decoders,
# vCard and link builders, image URLs, the bridge's REST form bodies, the profile's tags, notes,
# links and meeting slots; portal/tests/fuzz.rs:
# the simulator's request
# parser), in
# release mode. Its own run: RELIABILITY.md then shows these targets' runs and keeps them (in a
# comment, for the code they ran on); the next ./scripts/test.sh at the same code shows them
# beside its own results. So run this first, then the test command.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$root"
cases=${FUZZ_CASES:-1000000}
RELIABILITY_RUN=$(python3 scripts/reliability.py start fuzz)
export RELIABILITY_RUN
FUZZ_CASES=$cases cargo test --locked --release --test fuzz -- --test-threads=2
FUZZ_CASES=$cases cargo test --locked --release -p portal --test fuzz
python3 scripts/reliability.py
