#!/usr/bin/env bash
# Runs docs/deploy.md's nginx example as written (its `listen` and `root` lines replaced, TLS
# left out) with Debian's nginx on loopback against a release dist/, and checks what it sends:
# the page on GET and POST with its headers, compressed files as accepted, validators and 304s.
# Needs `apt-get install nginx-light libnginx-mod-http-brotli-static` (not part of the test
# command: the simulator's host is what the tests run). Usage: scripts/check-nginx.sh [dist]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
dist=$(cd "${1:-$root/dist}" && pwd)
work=$(mktemp -d)
trap 'kill "$(cat "$work/nginx.pid" 2>/dev/null)" 2>/dev/null || true; rm -rf "$work"' EXIT
port=$((20000 + RANDOM % 20000))
server=$(awk '/^```nginx$/ {on = 1; next} /^```$/ {on = 0} on' "$root/docs/deploy.md" |
  sed -e "s|listen 443 ssl;|listen 127.0.0.1:$port;|" -e "s|root /srv/profile-widget/dist;|root $dist;|")
cat > "$work/nginx.conf" <<CONF
load_module /usr/lib/nginx/modules/ngx_http_brotli_static_module.so;
pid $work/nginx.pid;
error_log $work/error.log;
events {}
http {
    include /etc/nginx/mime.types;
    access_log off;
    client_body_temp_path $work;
$server
}
CONF
nginx -t -q -c "$work/nginx.conf" -p "$work"
nginx -c "$work/nginx.conf" -p "$work"
sleep 0.5
base=http://127.0.0.1:$port
failed=0
expect() { # description, headers, extended regex
  if grep -qiE "$3" <<<"$2"; then echo "ok: $1"; else echo "FAILED: $1"; echo "$2"; failed=1; fi
}
headers() { curl -s -o /dev/null -D - "$@" | tr -d '\r'; }
wasm=$(cd "$dist" && ls paint-*_bg.wasm | head -1)
snippet=$(cd "$dist" && ls snippets/*/*.js | head -1)
page_get=$(headers -H 'Accept-Encoding: br, gzip' "$base/handler/?DOMAIN=x")
page_post=$(headers -H 'Accept-Encoding: gzip' --data 'AUTH_ID=x' "$base/handler/")
for answer in "$page_get" "$page_post"; do
  expect "page 200 text/html" "$answer" '^HTTP/1.1 200'
  expect "page content type" "$answer" '^content-type: text/html'
  expect "page no-cache" "$answer" '^cache-control: no-cache'
  expect "page CSP" "$answer" '^content-security-policy: '
  expect "page nosniff" "$answer" '^x-content-type-options: nosniff'
done
expect "page brotli on GET" "$page_get" '^content-encoding: br'
expect "page gzip on POST" "$page_post" '^content-encoding: gzip'
file=$(headers -H 'Accept-Encoding: gzip, deflate, br' "$base/$wasm")
expect "wasm 200" "$file" '^HTTP/1.1 200'
expect "wasm type" "$file" '^content-type: application/wasm'
expect "wasm brotli" "$file" '^content-encoding: br'
expect "wasm immutable" "$file" '^cache-control: public, max-age=31536000, immutable'
expect "wasm vary" "$file" '^vary: accept-encoding'
expect "wasm nosniff" "$file" '^x-content-type-options: nosniff'
etag=$(grep -i '^etag:' <<<"$file" | cut -d' ' -f2-)
expect "wasm etag" "$file" '^etag: '
again=$(headers -H 'Accept-Encoding: gzip, deflate, br' -H "If-None-Match: $etag" "$base/$wasm")
expect "wasm 304 on its etag" "$again" '^HTTP/1.1 304'
expect "snippet no-cache" "$(headers "$base/$snippet")" '^cache-control: no-cache'
exit $failed
