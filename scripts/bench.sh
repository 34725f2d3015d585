#!/usr/bin/env bash
# Benchmarks (never asserted by tests): builds for release, measures the bundle and the first
# card in headless Chromium with 100 ms added REST latency (median of 10), and rewrites the
# generated section of BENCHMARKS.md.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$root"
bash scripts/setup.sh
trunk build --release
cargo build --locked -p portal
size=$(bash scripts/size.sh | awk '$1 == "total" {print $2}')
result=$(node e2e/bench/first-card.mjs 10 100)
echo "$result"
RESULT="$result" SIZE="$size" python3 - <<'PY'
import json, os, platform, re, subprocess, datetime
r = json.loads(os.environ["RESULT"]); m = r["medianMs"]
cpu = subprocess.run(["sh", "-c", "grep -m1 'model name' /proc/cpuinfo | cut -d: -f2"], capture_output=True, text=True).stdout.strip()
fmt = lambda v: "n/a" if v is None else f"{v:.0f} ms"
rows = [
    ("REST requests before the first card", "1", str(r["requestsBeforeCard"])),
    ("iframe navigation → card painted (median)", "≤ 300 ms", fmt(m["total"])),
    ("  wasm fetch and compile, to main()", "", fmt(m["wasmFetchAndCompile"])),
    ("  BX24 init (getInitData round trip)", "", fmt(m["bx24Init"])),
    ("  REST (one batch, +100 ms latency)", "", fmt(m["rest"])),
    ("  render and first paint", "", fmt(m["render"])),
    ("release bundle, gzip", "≤ 100 KB (issue 7)", f'{int(os.environ["SIZE"]):,} B'),
]
table = "\n".join(f"| {a} | {b} | {c} |" for a, b, c in rows)
section = (f"<!-- bench:first-card -->\nMeasured by `scripts/bench.sh` on {datetime.date.today()}, "
           f"{os.cpu_count()} cores ({cpu}), headless Chromium, {r['runs']} runs, "
           f"{r['latencyMs']} ms added to every REST answer by the simulator.\n\n"
           f"| Figure | Goal | Widget |\n|---|---|---|\n{table}\n<!-- /bench:first-card -->")
text = open("BENCHMARKS.md").read()
text = re.sub(r"<!-- bench:first-card -->.*<!-- /bench:first-card -->", lambda _: section, text, flags=re.S)
open("BENCHMARKS.md", "w").write(text)
PY
echo "BENCHMARKS.md updated"
