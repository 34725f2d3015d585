#!/usr/bin/env bash
# Prints the gzip size (level 9) of the release bundle in dist/, part by part, and fails above
# any part's budget:
# - first render: what the frame downloads to show the card (the page with its inline loader,
#   the stylesheet, and the first paint: src/first_paint, Leptos-free, with its JS snippet);
# - app: the Leptos app the first paint imports afterwards: the card's own code;
# - part-tools, part-people, part-install: the app's parts loaded on use (src/ui/parts.rs,
#   scripts/split-app.sh): the forms and QR code, the colleagues' lists and search, the
#   install page; parts-shared: the code only parts share, fetched with the first part that
#   needs it (each shared file serves two or three parts);
# - texts: a language other than English, fetched for its users only: the first screen's part
#   (before the card) and the rest (with the app); the largest language's file counts.
# It also fails when a file lacks the brotli and gzip copies the release build writes beside it
# (scripts/precompress.sh) or a copy does not unpack to the file: the "br" column is what a
# browser downloads from the host. The budgets live here and nowhere else. Lower them as size
# work lands; never raise one without measuring why (BENCHMARKS.md has what each part costs).
set -euo pipefail
# Issue #7 asks at most 100 KB (and below the reference); raised to 97,200 by issues #16 and #19
# (measured, BENCHMARKS.md's history). Lowered for issue #27: English alone built in (-2.8 KB),
# the BX24 library's client out of the first paint (-7.7 KB); then the card's actions, tools,
# local time, vCard and copy drawn and working before the app (+7.8 KB), and its chips as
# buttons whose press the app honors (+0.2 KB). Measured 94,556 B. Then the app part's English
# texts out of the first paint (-2.7 KB), the batch entries in a BTreeMap (-0.9 KB), the viewer
# from `profile` (the loader's request), the producers and target-features sections stripped
# (-0.2 KB): measured 90,508 B. Then the first screen read from its JSON without serde's
# deserializer (-4 KB): 86,555 B; the drawn card's frame commands without json! (-1.3 KB):
# 85,247 B. Then the first paint built without the "app" feature, so that Leptos, whose
# dependencies export wasm-streams' classes into any binary they are linked into, is not
# linked (-7.5 KB): 77,693 B. Then no str searcher or slice panic (cuts and searches through
# `get`, the vCard escaped in one pass: -4.8 KB), the first screen's batch built from JSON
# without serde's serialiser (`Batch::add_json`) and numbers written as the browser writes
# them instead of by serde_json's float printer: 68,721 B. Then the handed-over batch's
# references left to the server without running the resolver on them (-1 KB): 67,686 B; one
# decoding step for BatchResults' get and take: 67,614 B. Then every level's head in one
# command (-80 B): 67,532 B; the vCard written by the app when pressed (-3.2 KB): 64,348 B; an
# allocator that never frees in the first paint (-2.3 KB): 62,088 B.
FIRST_RENDER_BUDGET_GZIP_BYTES=62160
# Raised from 224 KiB for issue #15 (measured, BENCHMARKS.md): REST over fetch with its own
# client (encoding, answers, retries by status, leaky bucket, token life, session check).
# Raised from 233 KiB for issue #18 (measured, BENCHMARKS.md): interest and skill chips with
# the colleagues who share them, about me folded, the links, and meetings in both people's
# working hours: +16.5 KB gzip of app code and texts, after terser took 2.1 KB off its glue.
# Raised from 250 KiB for issue #19 (measured, BENCHMARKS.md): the theme switch kept in a user
# option, my own card without the actions for colleagues, three texts in eight languages: +2.9 KB;
# then 12 more languages, 150 texts each: +30.4 KB (about 2.5 KB a language).
# Lowered from 281 KiB (287,744 B) for issue #26: the owner check before writes and the spaced
# refresh cost about 1.2 KB (its message in 20 languages about 0.7 KB of it), and talc as the
# app's allocator instead of dlmalloc took about 1.2 KB off: 286,961 → 286,925 B measured.
# Lowered for issue #27: English alone built in, each other language fetched for its users
# (-43.9 KB); then the BX24 library loaded after the card, and a tool pressed on the drawn
# card opened once by the app (+1 KB), a chip's too (+0.4 KB). Measured 244,446 B.
# Lowered for issue #27: the forms, QR code, lists, search and install page moved into parts
# loaded on use (their own budgets below): 244,446 → 186,405 B measured. Issue #28's wording
# (units and the absence as whole phrases): 186,369 B measured. Then the batch entries in a
# BTreeMap (-1 KB), the viewer as an id (-0.4 KB), two wasm sections stripped (-0.2 KB): 184,531;
# the first screen and the colleague lists read without serde's deserializer (-1 KB): 183,533.
# Then the first paint's cuts (no slice panic, no serialiser, no float printer), with every
# batch of JSON parameters through one non-generic `Batch::push`: 183,232 B; one decoding
# step for BatchResults' get and take: 183,149 B. Then every level's head in one command
# (-70 B) and the vCard pressed on the drawn card downloaded by the app (+129 B): 183,208 B.
APP_BUDGET_GZIP_BYTES=183220
# Issue #27: the parts, set from their first measurement (38,213, 25,458, 14,075 and 11,095 B).
# Splitting costs bytes in all (each part's code is optimized alone, and calls across parts go
# through the function table): the app and its parts together are 275,246 B against 244,446 B
# in one file; the card waits for 58 KB less, and only a card on which a tool is used, or the
# install page, fetches its part. Lowered with the stripped sections and the batch lookups
# (measured 37,841, 25,096, 13,898 and 10,382 B), people again with its rows read without
# serde (24,700 B). Lowered with the first paint's cuts and one `Batch::push` (measured 37,516,
# 24,553, 13,787 and 10,219 B; done without `push`, moving `Batch::add` out of the card's code
# had put it into the shared part, +0.2 KB over its budget, measured). People again with
# BatchResults' one decoding step (24,505 B).
PART_TOOLS_BUDGET_GZIP_BYTES=37580
PART_PEOPLE_BUDGET_GZIP_BYTES=24570
PART_INSTALL_BUDGET_GZIP_BYTES=13850
PARTS_SHARED_BUDGET_GZIP_BYTES=10280

# Issue #27: the user's language only. A wasm build has English built in and fetches the texts
# of any other language (texts-<code>-<part>-<hash>.json): the first screen's before the card,
# the rest with the app. Each budget holds the largest language's file (measured: Kazakh's
# card part 902 B, Ukrainian's app part 1,805 B).
TEXTS_CARD_BUDGET_GZIP_BYTES=950
TEXTS_APP_BUDGET_GZIP_BYTES=1850

root=$(cd "$(dirname "$0")/.." && pwd)
dist=${1:-$root/dist}
shopt -s nullglob globstar
parts=(first-render app part-tools part-people part-install parts-shared texts-card texts-app)
declare -A total=() served=()
for part in "${parts[@]}"; do total[$part]=0 served[$part]=0; done
declare -A largest=([texts-card]="" [texts-app]="")
count=0
status=0
printf '%-13s %10s %10s %10s  %s\n' part raw gzip br file
for file in "$dist"/*.html "$dist"/*.css "$dist"/*.js "$dist"/*.wasm "$dist"/snippets/**/*.js "$dist"/texts-*.json; do
  case $(basename "$file") in
    profile-widget-*-part-*.wasm) part=$(basename "$file" .wasm) part=part-${part##*-part-} ;;
    profile-widget-*-shared-*.wasm) part=parts-shared ;;
    profile-widget-*) part=app ;;
    texts-*-card-*) part=texts-card ;;
    texts-*-app-*) part=texts-app ;;
    *) part=first-render ;;
  esac
  raw=$(wc -c < "$file")
  gz=$(gzip -9 -c "$file" | wc -c)
  br=missing
  if [[ -f $file.br && -f $file.gz ]] && cmp -s "$file" <(brotli -d -c "$file.br") \
    && cmp -s "$file" <(gzip -d -c "$file.gz"); then
    br=$(wc -c < "$file.br")
  else
    echo "size: FAILED: ${file#"$dist"/} lacks its .br and .gz copies, or they differ from it" >&2
    status=1
  fi
  count=$((count + 1))
  if [[ -v largest[$part] ]]; then
    # One language's file is fetched, never all: the largest counts, and only it is listed.
    if ((gz > total[$part])); then
      total[$part]=$gz
      served[$part]=${br//missing/0}
      largest[$part]=$(printf '%-13s %10d %10d %10s  %s' "$part" "$raw" "$gz" "$br" "${file#"$dist"/} (largest)")
    fi
    continue
  fi
  [[ $br == missing ]] || served[$part]=$((served[$part] + br))
  total[$part]=$((total[$part] + gz))
  printf '%-13s %10d %10d %10s  %s\n' "$part" "$raw" "$gz" "$br" "${file#"$dist"/}"
done
for part in texts-card texts-app; do
  if [[ -z ${largest[$part]} ]]; then
    echo "size: FAILED: no $part texts (texts-<code>-${part#texts-}-<hash>.json) in $dist" >&2
    status=1
  else
    echo "${largest[$part]}"
  fi
done
if ((count == 0)); then
  echo "size: no bundle in $dist (run trunk build --release first)" >&2
  exit 1
fi
for part in app part-tools part-people part-install parts-shared; do
  if ((total[$part] == 0)); then
    echo "size: FAILED: no $part in $dist (profile-widget-<hash>.js, _bg.wasm, -part-<name>.wasm, -shared-<n>.wasm)" >&2
    status=1
  fi
done
declare -A budgets=([first-render]=$FIRST_RENDER_BUDGET_GZIP_BYTES [app]=$APP_BUDGET_GZIP_BYTES
  [part-tools]=$PART_TOOLS_BUDGET_GZIP_BYTES [part-people]=$PART_PEOPLE_BUDGET_GZIP_BYTES
  [part-install]=$PART_INSTALL_BUDGET_GZIP_BYTES [parts-shared]=$PARTS_SHARED_BUDGET_GZIP_BYTES
  [texts-card]=$TEXTS_CARD_BUDGET_GZIP_BYTES [texts-app]=$TEXTS_APP_BUDGET_GZIP_BYTES)
for part in "${parts[@]}"; do
  budget=${budgets[$part]}
  printf '%-13s %10s %10d %10d  (gzip budget %d)\n' "total:$part" "" "${total[$part]}" "${served[$part]}" "$budget"
  if ((total[$part] > budget)); then
    echo "size: FAILED: the $part part is ${total[$part]} bytes gzip, over its budget of $budget" >&2
    status=1
  fi
done
((status == 0)) && echo "size: ok"
exit $status
