#!/usr/bin/env bash
# Prints the gzip size (level 9) of the release bundle in dist/ and fails above the budget.
# The budget lives here and nowhere else. It holds the whole product (card, forms, people
# lists, QR) with a few KB of room; BENCHMARKS.md has what each part costs. Lower it as the
# size work lands; never raise it without measuring why.
set -euo pipefail
SIZE_BUDGET_GZIP_BYTES=$((224 * 1024))

root=$(cd "$(dirname "$0")/.." && pwd)
dist=${1:-$root/dist}
shopt -s nullglob
total=0
printf '%-10s %10s %10s  %s\n' kind raw gzip file
for kind in wasm js css html; do
  for file in "$dist"/*."$kind"; do
    raw=$(wc -c < "$file")
    gz=$(gzip -9 -c "$file" | wc -c)
    total=$((total + gz))
    printf '%-10s %10d %10d  %s\n' "$kind" "$raw" "$gz" "$(basename "$file")"
  done
done
if ((total == 0)); then
  echo "size: no bundle in $dist (run trunk build --release first)" >&2
  exit 1
fi
printf '%-10s %10s %10d  (budget %d)\n' total "" "$total" "$SIZE_BUDGET_GZIP_BYTES"
if ((total > SIZE_BUDGET_GZIP_BYTES)); then
  echo "size: FAILED: the bundle is $total bytes gzip, over the budget of $SIZE_BUDGET_GZIP_BYTES" >&2
  exit 1
fi
echo "size: ok"
