#!/usr/bin/env bash
# Trunk post_build hook (Trunk.toml). Trunk builds the app beside the first paint (index.html's
# `data-type="worker"` link) but leaves its files unhashed: a release would then replace the
# app under frames still running the old first paint, and no cache could keep it for good.
# This cuts the app into its parts (scripts/split-app.sh), gives every file of it a
# content-hashed name like every other file, each part its integrity hash where the app fetches
# it, and names the app in index.html (`<meta name="profile-widget-app">`), where the first
# paint reads it. Then, for release builds, the compressed copies the host serves
# (scripts/precompress.sh).
set -euo pipefail
dir=${TRUNK_STAGING_DIR:?run by Trunk as a post_build hook}
bash "$(dirname "$0")/split-app.sh"
js=$dir/profile-widget.js
wasm=$dir/profile-widget_bg.wasm
loader=$dir/__wasm_split.js
page=$dir/index.html
for file in "$js" "$wasm" "$loader" "$page"; do
  [[ -f $file ]] || { echo "version-app: $file is missing" >&2; exit 1; }
done
integrity() {
  node -e 'const c = require("crypto"), fs = require("fs");
    console.log("sha384-" + c.createHash("sha384").update(fs.readFileSync(process.argv[1])).digest("base64"))' "$1"
}
# One name for every file of the app, from all their contents.
name=profile-widget-$(cat "$js" "$wasm" "$loader" "$dir"/split_*.wasm "$dir"/chunk_*.wasm | sha256sum | cut -c1-16)
# The parts' loader fetches each file from beside itself: each gets its name and the integrity
# of its bytes. `split_<part>.wasm` is a part, `chunk_<n>.wasm` code only parts share.
for piece in "$dir"/split_*.wasm "$dir"/chunk_*.wasm; do
  base=$(basename "$piece" .wasm)
  case $base in
    split_*) to=$name-part-${base#split_}.wasm ;;
    chunk_*) to=$name-shared-${base#chunk_}.wasm ;;
  esac
  grep -q "new URL(\"./$base.wasm\", import.meta.url))" "$loader" ||
    { echo "version-app: the parts' loader does not fetch $base.wasm as expected" >&2; exit 1; }
  sed -i "s|new URL(\"./$base.wasm\", import.meta.url))|new URL(\"./$to\", import.meta.url), { integrity: \"$(integrity "$piece")\" })|" "$loader"
  mv "$piece" "$dir/$to"
done
grep -q 'from "./profile-widget.js"' "$loader" || { echo "version-app: the parts' loader does not import the app" >&2; exit 1; }
sed -i "s|from \"./profile-widget.js\"|from \"./$name.js\"|" "$loader"
# (Only the JS imports: the wasm's own import module keeps its name in the glue's import object.)
grep -q 'from "./__wasm_split.js"' "$js" || { echo "version-app: the app does not import the parts' loader" >&2; exit 1; }
sed -i "s|from \"./__wasm_split.js\"|from \"./$name-parts.js\"|g" "$js"
mv "$loader" "$dir/$name-parts.js"
loader=$dir/$name-parts.js
# Release builds: minify the JS glue with terser (Trunk's minifier cannot parse wasm-bindgen's
# `export { … as default }` and leaves it whole: 2 KB of gzip each), and give the first paint's
# glue the integrity hash of what is now in the file.
if [[ ${TRUNK_PROFILE:-} == release ]]; then
  terser=$(dirname "$0")/../tools/node_modules/.bin/terser
  [[ -x $terser ]] || { echo "version-app: terser is missing (scripts/setup.sh)" >&2; exit 1; }
  for glue in "$js" "$loader" "$dir"/paint-*.js; do
    [[ -f $glue ]] || { echo "version-app: no $glue" >&2; exit 1; }
    before=$(integrity "$glue")
    "$terser" "$glue" --module --compress --mangle -o "$glue.min"
    mv "$glue.min" "$glue"
    after=$(integrity "$glue")
    sed -i "s|integrity=\"\?$before\"\?|integrity=\"$after\"|g" "$page"
    [[ $glue != "$dir"/paint-*.js ]] || grep -q "$after" "$page" ||
      { echo "version-app: $glue's integrity is not in index.html" >&2; exit 1; }
  done
fi
# The glue loads its wasm by file name, from beside itself.
grep -q 'profile-widget_bg\.wasm' "$js" || { echo "version-app: the glue does not name its wasm" >&2; exit 1; }
sed "s/profile-widget_bg\.wasm/${name}_bg.wasm/g" "$js" > "$dir/$name.js"
mv "$wasm" "$dir/${name}_bg.wasm"
rm "$js"
grep -q '</head>' "$page" || { echo "version-app: no </head> in index.html" >&2; exit 1; }
sed -i "s|</head>|<meta name=\"profile-widget-app\" content=\"$name.js\"></head>|" "$page"
echo "version-app: $name"
# The texts of every language but English (built into the wasm), fetched by the page's loader
# for the user's language only (web/bx24-loader.js, src/page.rs): a file per language and part,
# named with the hash of them all, which the loader's placeholders learn here.
texts=$(mktemp -d)
trap 'rm -rf "$texts"' EXIT
langs=$(cargo run --locked --offline --quiet -p locale-files -- "$(dirname "$0")/../locales" "$texts")
hash=$(cat "$texts"/*.json | sha256sum | cut -c1-16)
for file in "$texts"/*.json; do
  mv "$file" "$dir/texts-$(basename "$file" .json)-$hash.json"
done
for placeholder in %TEXTS_URL% %TEXTS_LANGS%; do
  grep -q "$placeholder" "$page" || { echo "version-app: no $placeholder in index.html" >&2; exit 1; }
done
sed -i "s|%TEXTS_URL%|${TRUNK_PUBLIC_URL:-/}texts-*-$hash.json|; s|%TEXTS_LANGS%|$langs|" "$page"
echo "version-app: texts-*-$hash.json for $langs"
if [[ ${TRUNK_PROFILE:-} == release ]]; then
  bash "$(dirname "$0")/precompress.sh" "$dir"
fi
