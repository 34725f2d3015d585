#!/usr/bin/env bash
# Benchmarks (never asserted by tests): builds for release, measures the bundle and the first
# card in headless Chromium with 100 ms added REST latency (median of 10) for the widget and for
# the reference built with the official SDK (bench/reference/), then the colleague list of a
# 5,000-person department and the search of a 50,000-user portal, and rewrites the generated
# sections of BENCHMARKS.md.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$root"
bash scripts/setup.sh
trunk build --release
# The simulator stands in for Bitrix24's servers: built for release, so that its own debug-build
# processing time is not counted as the widget's (or the reference's) REST time.
cargo build --locked --release -p portal
export PORTAL_BIN=$root/target/release/portal
size=$(bash scripts/size.sh | awk '$1 == "total:first-render" {print $2}')
app_size=$(bash scripts/size.sh | awk '$1 == "total:app" {print $2}')
sdk=tools/node_modules/@bitrix24/b24jssdk/dist/umd/index.min.js
reference_size=$(cat bench/reference/index.html bench/reference/app.js | gzip -9 | wc -c)
reference_size=$((reference_size + $(gzip -9 -c "$sdk" | wc -c)))
widget=$(node e2e/bench/first-card.mjs 10 100 widget)
reference=$(node e2e/bench/first-card.mjs 10 100 reference)
people=$(node e2e/bench/people.mjs 100)
echo "$widget"
echo "$reference"
echo "$people"
WIDGET="$widget" REFERENCE="$reference" PEOPLE="$people" SIZE="$size" APP_SIZE="$app_size" REFERENCE_SIZE="$reference_size" python3 - <<'PY'
import json, os, re, subprocess, datetime
w = json.loads(os.environ["WIDGET"]); r = json.loads(os.environ["REFERENCE"])
wm, rm = w["medianMs"], r["medianMs"]
cpu = subprocess.run(["sh", "-c", "grep -m1 'model name' /proc/cpuinfo | cut -d: -f2"], capture_output=True, text=True).stdout.strip()
ms = lambda v: "n/a" if v is None else f"{v:.0f} ms"
def ratio(a, b):
    return "n/a" if not a or not b else f"{b / a:.1f}× faster" if b >= a else f"{a / b:.1f}× slower"
def size_ratio(a, b):
    return f"{b / a:.1f}× smaller" if b >= a else f"{a / b:.1f}× larger"
size, ref_size = int(os.environ["SIZE"]), int(os.environ["REFERENCE_SIZE"])
rows = [
    ("REST requests before the first card", "1", str(w["requestsBeforeCard"]), str(r["requestsBeforeCard"]), ""),
    ("iframe navigation → card painted (median)", "≤ 300 ms", ms(wm["total"]), ms(rm["total"]), ratio(wm["total"], rm["total"])),
    ("  code fetched and started (wasm / SDK)", "", ms(wm["wasmFetchAndCompile"]), ms(rm["wasmFetchAndCompile"]), ""),
    ("  BX24 / SDK init (getInitData round trip)", "", ms(wm["bx24Init"]), ms(rm["bx24Init"]), ""),
    ("  REST (+100 ms latency per request)", "", ms(wm["rest"]), ms(rm["rest"]), ""),
    ("  render and first paint", "", ms(wm["render"]), ms(rm["render"]), ""),
    ("iframe navigation → card interactive (the app took over)", "", ms(wm["interactive"]), ms(rm["interactive"]), ratio(wm["interactive"], rm["interactive"])),
    ("transfer for the first render, gzip", "≤ 100 KB and below the reference", f"{size:,} B", f"{ref_size:,} B", size_ratio(size, ref_size)),
    ("  then the app, loaded after the first paint", "", f"{int(os.environ['APP_SIZE']):,} B", "", ""),
]
table = "\n".join(f"| {a} | {b} | {c} | {d} | {e} |" for a, b, c, d, e in rows)
section = (f"<!-- bench:first-card -->\nMeasured by `scripts/bench.sh` on {datetime.date.today()}, "
           f"{os.cpu_count()} cores ({cpu}), headless Chromium, {w['runs']} runs each, "
           f"{w['latencyMs']} ms added to every REST answer by the simulator (a release build). The reference "
           f"is `bench/reference/`: the official SDK 2.2.0 with sequential `callMethod` calls, as its examples do.\n\n"
           f"| Figure | Goal | Widget | Reference | Ratio |\n|---|---|---|---|---|\n{table}\n<!-- /bench:first-card -->")
text = open("BENCHMARKS.md").read()
text = re.sub(r"<!-- bench:first-card -->.*<!-- /bench:first-card -->", lambda _: section, text, flags=re.S)

p = json.loads(os.environ["PEOPLE"]); c, s = p["colleagues"], p["search"]
mb = lambda b: "n/a" if b is None else f"{b / 1048576:.1f} MB"
rows = [
    ("colleagues loaded (5,000-person department, active only)", "all", f"{c['people']:,}", ""),
    ("HTTP requests to load them", "≤ 3", str(c["requests"]), "no rate-limit error" if not c["failed"] else "FAILED"),
    ("time to load them (simulator release build)", "", f"{c['loadMs']:,} ms", ""),
    ("rows in the DOM while scrolling", "", str(c["rowsDrawn"]), "virtualized"),
    ("work per scroll frame: median / p95 / max", "< 16 ms", f"{c['workMs']['median']:.1f} / {c['workMs']['p95']:.1f} / {c['workMs']['max']:.1f} ms",
     f"{c['framesOverBudget']} of {c['frames']} frames over 16 ms"),
    ("frame interval while scrolling: median / max", "", f"{c['intervalMs']['median']:.1f} / {c['intervalMs']['max']:.1f} ms", ""),
    ("wasm heap (linear memory) after loading them", "≤ 20 MB", mb(c["heapBytes"]), "first paint and app together"),
    ("search of a 50,000-user portal: requests for one typing pause", "1", str(s["requests"]), f"{s['typed']} characters typed"),
    ("  results, and time from the last key to them", "", f"{s['results']}, {s['answerMs']:,} ms", "350 ms pause included"),
]
table = "\n".join(f"| {a} | {b} | {c_} | {d} |" for a, b, c_, d in rows)
section = (f"<!-- bench:people -->\nMeasured by `scripts/bench.sh` on {datetime.date.today()}, same machine, "
           f"{p['latencyMs']} ms added to every REST answer.\n\n| Figure | Goal | Widget | Note |\n|---|---|---|---|\n{table}\n<!-- /bench:people -->")
text = re.sub(r"<!-- bench:people -->.*<!-- /bench:people -->", lambda _: section, text, flags=re.S)
open("BENCHMARKS.md", "w").write(text)
PY
echo "BENCHMARKS.md updated"
