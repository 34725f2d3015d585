// Two local origins for browser tests: the app host (serves dist/, answering GET and POST on
// handler paths with index.html, as Bitrix24 opens handlers with a form POST) and a minimal
// parent "portal" that frames the widget the way Bitrix24 does and answers getInitData.
// The full portal simulator replaces the second one; this keeps the release smoke test small.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.wasm': 'application/wasm', '.json': 'application/json' };

function listen(handler, port = 0) {
  return new Promise((resolve, reject) => {
    const server = http.createServer(handler);
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}

export async function startAppHost(dist = path.join(root, 'dist'), port = 0) {
  const server = await listen((req, res) => {
    const url = new URL(req.url, 'http://x');
    const file = path.normalize(path.join(dist, decodeURIComponent(url.pathname)));
    const inside = file.startsWith(dist + path.sep);
    if (inside && fs.existsSync(file) && fs.statSync(file).isFile() && req.method !== 'POST') {
      res.writeHead(200, { 'content-type': TYPES[path.extname(file)] || 'application/octet-stream' });
      return fs.createReadStream(file).pipe(res);
    }
    if (req.method !== 'GET' && req.method !== 'POST' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD, POST' });
      return res.end();
    }
    req.resume(); // the POSTed form is not needed: everything arrives again through BX24
    res.writeHead(200, { 'content-type': TYPES['.html'], 'cache-control': 'no-cache' });
    return fs.createReadStream(path.join(dist, 'index.html')).pipe(res);
  }, port);
  return { server, origin: `http://127.0.0.1:${server.address().port}` };
}

function parentPage(appOrigin, portalHost) {
  return `<!doctype html><html><head><meta charset="utf-8"><title>Portal</title>
<link rel="icon" href="data:,"></head><body>
<div id="slot"></div>
<script>
const APP = ${JSON.stringify(appOrigin)};
const HOST = ${JSON.stringify(portalHost)};
const query = new URLSearchParams(location.search);
const placement = query.get('placement') || 'USER_PROFILE_TOOLBAR';
const userId = query.get('user') || '42';
const sid = Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
window.__messages = [];
const frame = document.createElement('iframe');
frame.name = HOST + '|0|' + sid;
frame.id = 'appframe_' + sid;
frame.style.width = '100%';
frame.height = '100';
document.getElementById('slot').appendChild(frame);
const form = document.createElement('form');
form.method = 'POST';
form.target = frame.name;
form.action = APP + '/handler/?' + new URLSearchParams({DOMAIN: HOST, PROTOCOL: '0', LANG: 'en', APP_SID: sid});
const options = JSON.stringify({USER_ID: userId, URI: '/company/personal/user/' + userId + '/'});
for (const [name, value] of Object.entries({AUTH_ID: 'smoke-token', AUTH_EXPIRES: '3600', REFRESH_ID: 'smoke-refresh',
    member_id: '0f3c5a7e9b1d2f4a6c8e0b2d4f6a8c0e', status: 'L', PLACEMENT: placement, PLACEMENT_OPTIONS: options})) {
  const input = document.createElement('input');
  input.type = 'hidden'; input.name = name; input.value = value;
  form.appendChild(input);
}
document.body.appendChild(form);
window.addEventListener('message', (event) => {
  if (event.origin !== APP || typeof event.data !== 'string') return;
  const parts = event.data.split(':');
  const command = parts[0], callback = parts[parts.length - 2], appSid = parts[parts.length - 1];
  const raw = parts.slice(1, -2).join(':');
  if (appSid !== sid) return;
  const params = raw ? JSON.parse(raw) : [];
  window.__messages.push({command, params});
  let answer;
  if (command === 'getInitData') {
    answer = {LANG: 'en', DOMAIN: HOST, PROTOCOL: 0, PATH: '/rest', AUTH_ID: 'smoke-token', AUTH_EXPIRES: '3600',
      REFRESH_ID: 'smoke-refresh', MEMBER_ID: '0f3c5a7e9b1d2f4a6c8e0b2d4f6a8c0e', FIRST_RUN: false, IS_ADMIN: false,
      INSTALL: false, USER_OPTIONS: [], APP_OPTIONS: [], PLACEMENT: placement, PLACEMENT_OPTIONS: JSON.parse(options)};
  } else if (command === 'resizeWindow') {
    frame.height = String(params.height);
    answer = {width: frame.offsetWidth, height: frame.offsetHeight};
  } else {
    return;
  }
  if (callback) frame.contentWindow.postMessage(callback + ':' + JSON.stringify(answer), APP);
});
form.submit();
</script></body></html>`;
}

export async function startMiniPortal(appOrigin, port = 0) {
  let host = '';
  const server = await listen((req, res) => {
    const url = new URL(req.url, 'http://x');
    if (url.pathname === '/bx24/api/v1/') {
      res.writeHead(200, { 'content-type': TYPES['.js'] });
      return fs.createReadStream(path.join(root, 'portal/assets/bx24.js')).pipe(res);
    }
    if (url.pathname === '/') {
      res.writeHead(200, { 'content-type': TYPES['.html'] });
      return res.end(parentPage(appOrigin, host));
    }
    res.writeHead(404);
    return res.end();
  }, port);
  host = `127.0.0.1:${server.address().port}`;
  return { server, origin: `http://${host}` };
}
