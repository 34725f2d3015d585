#!/usr/bin/env bash
# Writes a brotli (.br) and a gzip (.gz) copy beside every text and wasm file of a release
# build, once, at their highest levels, for the host to serve as the browser accepts
# (portal/src/host.rs through tower-http; nginx's gzip_static and brotli_static, docs/deploy.md).
# Run by scripts/version-app.sh, the Trunk post_build hook, for release builds.
set -euo pipefail
dir=${1:?usage: precompress.sh <dist directory>}
shopt -s nullglob globstar
for file in "$dir"/**/*.{html,js,css,wasm,svg,json}; do
  gzip -9 -n -k -f "$file"
  brotli -q 11 -k -f "$file"
done
