#!/usr/bin/env bash
# Benchmarks (never asserted by tests): builds for release, measures the bundle and the first
# card on a modeled network (every request +100 ms, 10 Mbps, cold and warm, median of 10) for the
# widget and three references (bench/), the first card on localhost with 100 ms added REST
# latency for the widget and the SDK reference, then the colleague list of a 5,000-person
# department and the search of a 50,000-user portal, and rewrites the generated sections of
# BENCHMARKS.md.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$root"
# shellcheck source=versions.env
source scripts/versions.env
export B24JSSDK_VERSION
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
network=$(node e2e/bench/network.mjs 10 100 10)
widget=$(node e2e/bench/first-card.mjs 10 100 widget)
reference=$(node e2e/bench/first-card.mjs 10 100 reference)
people=$(node e2e/bench/people.mjs 100)
echo "$network"
echo "$widget"
echo "$reference"
echo "$people"
NETWORK="$network" WIDGET="$widget" REFERENCE="$reference" PEOPLE="$people" SIZE="$size" APP_SIZE="$app_size" REFERENCE_SIZE="$reference_size" python3 - <<'PY'
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
    ("REST requests before the card is painted (most in a run)", "1", str(w["requestsBeforePaint"]), str(r["requestsBeforePaint"]), ""),
    ("REST requests until it is interactive (most in a run)", "", str(w["requestsUntilInteractive"]), str(r["requestsUntilInteractive"]), ""),
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
           f"is `bench/reference/`: the official SDK {os.environ['B24JSSDK_VERSION']} with sequential `callMethod` calls, as its examples do.\n\n"
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

n = json.loads(os.environ["NETWORK"]); t = n["targets"]
wc, ww, hc, hw = t["widget"]["cold"], t["widget"]["warm"], t["by-hand"]["cold"], t["by-hand"]["warm"]
kb = lambda b: f"{b / 1000:.0f} KB"
met = lambda ok: "met" if ok else "**not met**"
goals = [
    ("cold: card painted", "≤ 0.8× by hand", ms(wc["painted"]), f"{wc['painted'] / hc['painted']:.2f}× by hand ({ms(hc['painted'])})", met(wc["painted"] <= 0.8 * hc["painted"])),
    ("cold: card painted", "faster than both SDK cards", ms(wc["painted"]),
     f"{wc['painted'] / t['sdk-batch']['cold']['painted']:.2f}× SDK batch, {wc['painted'] / t['sdk-sequential']['cold']['painted']:.2f}× SDK sequential",
     met(wc["painted"] < min(t['sdk-batch']['cold']['painted'], t['sdk-sequential']['cold']['painted']))),
    ("cold: interactive (the app's card)", "≤ 1.3× cold painted", ms(wc["interactive"]), f"{wc['interactive'] / wc['painted']:.2f}× painted", met(wc["interactive"] <= 1.3 * wc["painted"])),
    ("warm: card painted", "≤ 0.8× by hand", ms(ww["painted"]), f"{ww['painted'] / hw['painted']:.2f}× by hand ({ms(hw['painted'])})", met(ww["painted"] <= 0.8 * hw["painted"])),
    ("cold: on the wire before the card paints", "≤ 70 KB", kb(wc["bytesBeforeCard"]), "", met(wc["bytesBeforeCard"] <= 70000)),
    ("cold: on the wire in all", "≤ 250 KB", kb(wc["bytes"]), "", met(wc["bytes"] <= 250000)),
    ("REST requests before the card", "1", str(wc["restBeforeCard"]), "", met(wc["restBeforeCard"] == 1)),
    ("5,000 colleagues: requests (localhost, below)", "≤ 3", str(c["requests"]), "", met(c["requests"] <= 3 and not c["failed"])),
    ("5,000 colleagues: scroll frames over 16 ms of work", "none", f"{c['framesOverBudget']} of {c['frames']}", "", met(c["framesOverBudget"] == 0)),
    ("wasm heap with them loaded", "≤ 20 MB", mb(c["heapBytes"]), "", met(c["heapBytes"] is not None and c["heapBytes"] <= 20 * 1048576)),
]
table = "\n".join(f"| {a} | {b} | {c} | {d} | {e} |" for a, b, c, d, e in goals)
names = {"widget": "the widget", "by-hand": "by hand: BX24 library, one `callBatch`",
         "sdk-batch": "official SDK, one `callBatch`", "sdk-sequential": "official SDK, sequential calls"}
span = lambda r: f"{r[0]:.0f}–{r[1]:.0f}"
rows = "\n".join(
    f"| {names[k]} | {ms(v['cold']['painted'])} ({span(v['coldPaintedRange'])}) | {ms(v['cold']['interactive'])} | "
    f"{kb(v['cold']['bytesBeforeCard'])} | {kb(v['cold']['bytes'])} | {v['cold']['restBeforeCard']} | "
    f"{ms(v['warm']['painted'])} ({span(v['warmPaintedRange'])}) | {kb(v['warm']['bytes'])} |"
    for k, v in t.items())
section = (f"<!-- bench:network -->\nMeasured by `scripts/bench.sh` on {datetime.date.today()}, {os.cpu_count()} cores ({cpu}), "
           f"headless Chromium, Chrome DevTools network emulation of every request of the portal page and its frame: "
           f"+{n['latencyMs']} ms, {n['mbps']} Mbps both ways; medians of {n['runs']} cold runs (a new browser context each) "
           f"and of the warm run after each (the card opened again in that context). Times from the frame's navigation; "
           f"bytes are the frame's `transferSize` sums (page, files, library, REST, photos) until 1 s after the app's card.\n\n"
           f"| Goal (issue 16) | Goal | Widget | Ratio | |\n|---|---|---|---|---|\n{table}\n\n"
           f"| Card | cold: painted (range) | cold: interactive | cold: bytes before the card | cold: bytes in all | REST before the card | warm: painted (range) | warm: bytes |\n"
           f"|---|---|---|---|---|---|---|---|\n{rows}\n<!-- /bench:network -->")
text = re.sub(r"<!-- bench:network -->.*<!-- /bench:network -->", lambda _: section, text, flags=re.S)
open("BENCHMARKS.md", "w").write(text)
PY
echo "BENCHMARKS.md updated"
