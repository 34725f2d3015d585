#!/usr/bin/env bash
# Trunk post_build hook (Trunk.toml). Trunk builds the app beside the first paint (index.html's
# `data-type="worker"` link) but leaves its files unhashed: a release would then replace the
# app under frames still running the old first paint, and no cache could keep it for good.
# This gives them content-hashed names like every other file and names the app in index.html
# (`<meta name="profile-widget-app">`), where the first paint reads it. Then, for release
# builds, the compressed copies the host serves (scripts/precompress.sh).
set -euo pipefail
dir=${TRUNK_STAGING_DIR:?run by Trunk as a post_build hook}
js=$dir/profile-widget.js
wasm=$dir/profile-widget_bg.wasm
page=$dir/index.html
for file in "$js" "$wasm" "$page"; do
  [[ -f $file ]] || { echo "version-app: $file is missing" >&2; exit 1; }
done
# Release builds: minify both binaries' JS glue with terser (Trunk's minifier cannot parse
# wasm-bindgen's `export { … as default }` and leaves it whole: 2 KB of gzip each), and give
# the first paint's glue the integrity hash of what is now in the file.
if [[ ${TRUNK_PROFILE:-} == release ]]; then
  terser=$(dirname "$0")/../tools/node_modules/.bin/terser
  [[ -x $terser ]] || { echo "version-app: terser is missing (scripts/setup.sh)" >&2; exit 1; }
  integrity() {
    node -e 'const c = require("crypto"), fs = require("fs");
      console.log("sha384-" + c.createHash("sha384").update(fs.readFileSync(process.argv[1])).digest("base64"))' "$1"
  }
  for glue in "$js" "$dir"/paint-*.js; do
    [[ -f $glue ]] || { echo "version-app: no $glue" >&2; exit 1; }
    before=$(integrity "$glue")
    "$terser" "$glue" --module --compress --mangle -o "$glue.min"
    mv "$glue.min" "$glue"
    after=$(integrity "$glue")
    sed -i "s|integrity=\"\?$before\"\?|integrity=\"$after\"|g" "$page"
    [[ $glue == "$js" ]] || grep -q "$after" "$page" ||
      { echo "version-app: $glue's integrity is not in index.html" >&2; exit 1; }
  done
fi
name=profile-widget-$(cat "$js" "$wasm" | sha256sum | cut -c1-16)
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
