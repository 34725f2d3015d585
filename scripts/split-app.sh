#!/usr/bin/env bash
# Cuts the app into the parts it loads on use (src/ui/parts.rs), in Trunk's staging directory:
# run by scripts/version-app.sh before it names the files. Trunk does not split wasm, so this
# takes the app as rustc linked it (built with the `split` feature and --emit-relocs,
# .cargo/config.toml) and does what cargo-leptos's --split does:
#   wasm-split-cli   the main module, a wasm file per part (tools, people, install) and per
#                    piece of code that only parts share, and __wasm_split.js, which loads them;
#   wasm-bindgen     the main module only, keeping the exports the parts link to;
#   wasm-opt         every wasm file, in release builds (Trunk's own pass is off for the app).
# Trunk's build of the app (profile-widget.js, profile-widget_bg.wasm) is replaced by the
# result; its snippets are the same files (named by the crate, shared with the first paint).
set -euo pipefail
dir=${TRUNK_STAGING_DIR:?run from scripts/version-app.sh, a Trunk post_build hook}
root=$(cd "$(dirname "$0")/.." && pwd)
profile=${TRUNK_PROFILE:-debug}
raw=${CARGO_TARGET_DIR:-$root/target}/wasm32-unknown-unknown/$profile/profile-widget.wasm
[[ -f $raw ]] || { echo "split-app: no $raw (Trunk builds it)" >&2; exit 1; }
# The same passes as the first paint's, read from index.html (one place for both); the features
# are rustc's defaults for the target.
passes=$(grep -o 'data-bin="paint"[^>]*data-wasm-opt-params="[^"]*"' "$root/index.html" | sed 's/.*params="//; s/"$//')
[[ -n $passes ]] || { echo "split-app: no data-wasm-opt-params for the first paint in index.html" >&2; exit 1; }
read -r -a passes <<< "$passes"
WASM_OPT_PARAMS=(--enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext
  --enable-mutable-globals --enable-reference-types --enable-multivalue "${passes[@]}")

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
wasm-split-cli --target web --out-name profile-widget "$raw" "$work/split" > /dev/null
for part in tools people install; do
  [[ -f $work/split/split_$part.wasm ]] || { echo "split-app: no part $part (built without --features split?)" >&2; exit 1; }
done
wasm-bindgen --target web --keep-lld-exports --no-demangle --no-typescript \
  --out-dir "$work/bindgen" --out-name profile-widget "$work/split/profile-widget.wasm"
mv "$work/bindgen/profile-widget_bg.wasm" "$work/split/profile-widget.wasm"
for wasm in "$work"/split/*.wasm; do
  case $(basename "$wasm") in
    profile-widget.wasm) out=$dir/profile-widget_bg.wasm ;;
    *) out=$dir/$(basename "$wasm") ;;
  esac
  if [[ $profile == release ]]; then
    wasm-opt "${WASM_OPT_PARAMS[@]}" "$wasm" -o "$out" 2> >(grep -v 'unknown name subsection' >&2)
  else
    cp "$wasm" "$out"
  fi
done
cp "$work/bindgen/profile-widget.js" "$work/split/__wasm_split.js" "$dir/"
cp -r "$work/bindgen/snippets/." "$dir/snippets/"
echo "split-app: $(cd "$work/split" && ls ./*.wasm | wc -l) wasm files"
