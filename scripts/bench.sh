#!/usr/bin/env bash
# Benchmarks (never asserted by tests): builds for release, measures the bundle and the first
# card on two modeled networks (every request +150 ms at 1.6 Mbps, and +100 ms at 10 Mbps; cold
# and warm, medians of 7) for the widget, the build of the commit the current work started from
# (BENCH_START, built in a scratch worktree) and three references (bench/), the first card on
# localhost with 100 ms added REST
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
# The starting commit's build, in a scratch worktree with a target directory of its own (one
# shared with the current tree would leave cargo taking one build's output for the other's), or
# BENCH_START_DIST when that build is already at hand.
start=${BENCH_START:-807d1bd}
if [[ -z ${BENCH_START_DIST:-} ]]; then
  start_tree=$(mktemp -d)
  trap 'git worktree remove --force "$start_tree" 2>/dev/null || true' EXIT
  git worktree add --detach --force "$start_tree" "$start" >/dev/null
  mkdir -p "$start_tree/tools"
  ln -s "$root/tools/node_modules" "$start_tree/tools/node_modules" # terser, wasm-opt: as installed
  (cd "$start_tree" && CARGO_TARGET_DIR="$root/target/bench-start" trunk build --release)
  export BENCH_START_DIST=$start_tree/dist
fi
# Measured against today's budgets, which the start may exceed: the sizes are what counts here.
start_sizes=$( (bash scripts/size.sh "$BENCH_START_DIST" || true) |
  awk '$1 ~ /^total:/ && $2 > 0 {sub("total:", "", $1); printf "%s %s B; ", $1, $2}')
trunk build --release
# The simulator stands in for Bitrix24's servers: built for release, so that its own debug-build
# processing time is not counted as the widget's (or the reference's) REST time.
cargo build --locked --release -p portal
export PORTAL_BIN=$root/target/release/portal
size=$(bash scripts/size.sh | awk '$1 == "total:first-render" {print $2}')
app_size=$(bash scripts/size.sh | awk '$1 == "total:app" {print $2}')
# The app's parts loaded on use, each on its own line of size.sh: "part-tools 38213 B; …".
part_sizes=$(bash scripts/size.sh | awk '$1 ~ /^total:part/ {sub("total:", "", $1); printf "%s %s B; ", $1, $2}')
sdk=tools/node_modules/@bitrix24/b24jssdk/dist/umd/index.min.js
reference_size=$(cat bench/reference/index.html bench/reference/app.js | gzip -9 | wc -c)
reference_size=$((reference_size + $(gzip -9 -c "$sdk" | wc -c)))
slow=$(node e2e/bench/network.mjs 7 150 1.6)
network=$(node e2e/bench/network.mjs 7 100 10)
widget=$(node e2e/bench/first-card.mjs 10 100 widget)
reference=$(node e2e/bench/first-card.mjs 10 100 reference)
people=$(node e2e/bench/people.mjs 100)
echo "$slow"
echo "$network"
echo "$widget"
echo "$reference"
echo "$people"
START="$start" START_SIZES="$start_sizes" SLOW="$slow" NETWORK="$network" WIDGET="$widget" REFERENCE="$reference" PEOPLE="$people" SIZE="$size" APP_SIZE="$app_size" PART_SIZES="$part_sizes" REFERENCE_SIZE="$reference_size" python3 - <<'PY'
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
] + [(f"  its part {name[5:]}, loaded on use" if name.startswith("part-") else "  the code only its parts share",
       "", f"{int(size):,} B", "", "")
      for name, size in re.findall(r"(part[\w-]+) (\d+) B", os.environ["PART_SIZES"])]
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

profiles = [json.loads(os.environ["SLOW"]), json.loads(os.environ["NETWORK"])]
kb = lambda b: f"{b / 1000:.0f} KB"
met = lambda ok: "met" if ok else "**not met**"
def goals_of(n, slow):
    t = n["targets"]; wc, ww, hc, hw = t["widget"]["cold"], t["widget"]["warm"], t["by-hand"]["cold"], t["by-hand"]["warm"]
    net = f"+{n['latencyMs']} ms, {n['mbps']} Mbps"
    if slow:
        return [
            (f"{net}: cold painted", "≤ 1.0× by hand", ms(wc["painted"]), f"{wc['painted'] / hc['painted']:.2f}× by hand ({ms(hc['painted'])})", met(wc["painted"] <= hc["painted"])),
            (f"{net}: cold interactive", "≤ 1.3× by hand", ms(wc["interactive"]), f"{wc['interactive'] / hc['painted']:.2f}× by hand", met(wc["interactive"] <= 1.3 * hc["painted"])),
        ]
    return [
        (f"{net}: cold painted", "≤ 0.8× by hand", ms(wc["painted"]), f"{wc['painted'] / hc['painted']:.2f}× by hand ({ms(hc['painted'])})", met(wc["painted"] <= 0.8 * hc["painted"])),
        (f"{net}: cold interactive", "≤ 1.2× its own paint", ms(wc["interactive"]), f"{wc['interactive'] / wc['painted']:.2f}× painted", met(wc["interactive"] <= 1.2 * wc["painted"])),
        (f"{net}: warm painted", "≤ 0.8× by hand", ms(ww["painted"]), f"{ww['painted'] / hw['painted']:.2f}× by hand ({ms(hw['painted'])})", met(ww["painted"] <= 0.8 * hw["painted"])),
        ("bytes before the card paints (cold)", "≤ 60 KB", kb(wc["bytesBeforeCard"]), "", met(wc["bytesBeforeCard"] <= 60000)),
        ("bytes until every button works (cold)", "≤ 150 KB", kb(wc["bytesUntilInteractive"]), "", met(wc["bytesUntilInteractive"] <= 150000)),
        ("REST requests before the card", "1", str(wc["restBeforeCard"]), "", met(wc["restBeforeCard"] == 1)),
    ]
goals = goals_of(profiles[0], True) + goals_of(profiles[1], False)
table = "\n".join(f"| {a} | {b} | {c} | {d} | {e} |" for a, b, c, d, e in goals)
names = {"widget": "the widget", "start": f"the widget at {os.environ['START']} (start)", "by-hand": "by hand: BX24 library, one `callBatch`",
         "sdk-batch": "official SDK, one `callBatch`", "sdk-sequential": "official SDK, sequential calls"}
span = lambda r: f"{r[0]:.0f}–{r[1]:.0f}"
cards = ""
for n in profiles:
    rows = "\n".join(
        f"| {names[k]} | {ms(v['cold']['painted'])} ({span(v['coldPaintedRange'])}) | {ms(v['cold']['interactive'])} | "
        f"{kb(v['cold']['bytesBeforeCard'])} | {kb(v['cold']['bytesUntilInteractive'])} | {kb(v['cold']['bytes'])} | {v['cold']['restBeforeCard']} | "
        f"{ms(v['warm']['painted'])} ({span(v['warmPaintedRange'])}) | {ms(v['warm']['interactive'])} | {kb(v['warm']['bytes'])} |"
        for k, v in n["targets"].items())
    cards += (f"\n\n**+{n['latencyMs']} ms, {n['mbps']} Mbps** ({n['runs']} cold runs)\n\n"
              f"| Card | cold: painted (range) | cold: interactive | cold: bytes before paint | cold: bytes until interactive | cold: bytes in all | REST before paint | warm: painted (range) | warm: interactive | warm: bytes |\n"
              f"|---|---|---|---|---|---|---|---|---|---|\n{rows}")
usual = profiles[1]["targets"]
part_names = sorted({k for k in list(usual["widget"]["cold"]) + list(usual.get("start", usual["widget"])["cold"]) if k.startswith("part:")})
parts = "\n".join(
    f"| {p[5:]} | {kb(usual['widget']['cold'].get(p, 0))} | {kb(usual['start']['cold'].get(p, 0)) if 'start' in usual else ''} |" for p in part_names)
section = (f"<!-- bench:network -->\nMeasured by `scripts/bench.sh` on {datetime.date.today()}, {os.cpu_count()} cores ({cpu}), "
           f"headless Chromium, Chrome DevTools network emulation of every request of the portal page and its frame "
           f"(latency added to each request, bandwidth both ways); medians of the cold runs (a new browser context each) "
           f"and of the warm run after each (the card opened again in that context). Times from the frame's navigation; "
           f"bytes are the frame's `transferSize` sums (page, files, library, REST, photos) until the moment named, or until "
           f"1 s after the app's card (\"in all\"). The portal's language is English (no texts fetched). "
           f"Sizes of the starting build (gzip): {os.environ['START_SIZES'].strip().rstrip(';')}.\n\n"
           f"| Goal (issue 27) | Goal | Widget | Ratio | |\n|---|---|---|---|---|\n{table}{cards}\n\n"
           f"Bytes by part (+{profiles[1]['latencyMs']} ms, {profiles[1]['mbps']} Mbps, cold, medians):\n\n"
           f"| Part | Widget | Start |\n|---|---|---|\n{parts}\n<!-- /bench:network -->")
text = re.sub(r"<!-- bench:network -->.*<!-- /bench:network -->", lambda _: section, text, flags=re.S)
open("BENCHMARKS.md", "w").write(text)
PY
echo "BENCHMARKS.md updated"
