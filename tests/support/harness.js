// In-page fake Bitrix24 for the bridge tests: the real BX24 stand-in (portal/assets/bx24.js)
// runs unchanged on top of a fake parent page and a fake REST server, both scripted per test
// by a scenario. Everything the "portal" sees is logged for assertions.

const PORTAL = 'http://portal.test:8080';
const SID = 'bbdb976c9f5d067b1d48d102ab17b995';
const OPEN_PATH_PREFIXES = [/^\/crm\/(deal|lead|contact|company|type)\//, /^\/marketplace\//,
  /^\/company\/personal\/user\/\d+\//, /^\/workgroups\/group\/\d+\//];

let state = null;

/* PHP parse_str: "a[b][]=1&c=2" → nested objects; values stay strings. */
function parseForm(body) {
  const out = {};
  for (const pair of String(body || '').split('&')) {
    if (!pair) continue;
    const eq = pair.indexOf('=');
    const rawName = decodeURIComponent((eq < 0 ? pair : pair.slice(0, eq)).replace(/\+/g, ' '));
    const value = eq < 0 ? '' : decodeURIComponent(pair.slice(eq + 1).replace(/\+/g, ' '));
    const head = rawName.split('[')[0];
    const rest = [...rawName.slice(head.length).matchAll(/\[([^\]]*)\]/g)].map((m) => m[1]);
    let node = out;
    const path = [head, ...rest];
    for (let i = 0; i < path.length - 1; i++) {
      let key = path[i];
      if (key === '') key = String(Object.keys(node).length);
      if (typeof node[key] !== 'object' || node[key] === null) node[key] = {};
      node = node[key];
    }
    let last = path[path.length - 1];
    if (last === '') last = String(Object.keys(node).length);
    node[last] = value;
  }
  return out;
}

function makeUsers(count, overrides) {
  const users = [];
  for (let id = 1; id <= count; id++) {
    users.push(Object.assign({ ID: String(id), NAME: 'User ' + id, LAST_NAME: 'Test', ACTIVE: true,
      UF_DEPARTMENT: [1 + (id % 3)], WORK_POSITION: 'Tester', EMAIL: 'user' + id + '@demo.test',
      WORK_PHONE: '+49 30 ' + (1000 + id), PERSONAL_PHOTO: '', TIME_ZONE: 'Asia/Tokyo', IS_ONLINE: 'N',
      USER_TYPE: 'employee' }, (overrides || {})[String(id)] || {}));
  }
  return users;
}

function restError(status, error, description) {
  return { status, body: { error, error_description: description } };
}

/* user.get over the generated users: top-level or FILTER filters, ID and !ID, >ID, UF_DEPARTMENT (one id
 * or a list of them, as the portal takes either), UF_INTERESTS and UF_SKILLS, paging by start with total/next, start=-1
 * without a count. */
function userGet(params) {
  const filter = typeof params.FILTER === 'object' ? params.FILTER : params;
  let rows = state.users;
  if (filter['>ID'] !== undefined) {
    const after = Number(filter['>ID']);
    rows = Number.isFinite(after) ? rows.filter((u) => Number(u.ID) > after) : [];
  }
  // `ID` one id or a list of them (the card's heads); `!ID` leaves ids out (bitrix24.md).
  const ids = (value) => (typeof value === 'object' ? Object.values(value) : [value]).map(String);
  if (filter.ID !== undefined) rows = rows.filter((u) => ids(filter.ID).includes(u.ID));
  if (filter['!ID'] !== undefined) rows = rows.filter((u) => !ids(filter['!ID']).includes(u.ID));
  if (filter.UF_DEPARTMENT !== undefined) {
    const listed = filter.UF_DEPARTMENT;
    const wanted = (typeof listed === 'object' ? Object.values(listed) : [listed]).map(Number);
    rows = rows.filter((u) => wanted.some((d) => u.UF_DEPARTMENT.includes(d)));
  }
  // A multiple field matches by any of its values, case-insensitively (docs/simulator.md).
  for (const field of ['UF_INTERESTS', 'UF_SKILLS']) {
    if (filter[field] === undefined) continue;
    const wanted = String(filter[field]).toLowerCase();
    const values = (u) => (u[field] && typeof u[field] === 'object' ? Object.values(u[field]) : []);
    rows = rows.filter((u) => values(u).some((v) => String(v).toLowerCase() === wanted));
  }
  const start = params.start === undefined ? 0 : Number(params.start);
  if (start === -1) return { status: 200, body: { result: rows.slice(0, 50), time: {} } };
  const page = rows.slice(start, start + 50);
  const body = { result: page, time: {} };
  if (rows.length) body.total = state.scenario.lyingTotal ?? rows.length; // a portal may lie
  if (start + page.length < rows.length) body.next = start + page.length;
  return { status: 200, body };
}

function lookup(results, path) {
  let value = results;
  for (const segment of path) {
    if (value === null || typeof value !== 'object' || !(segment in value)) return undefined;
    value = value[segment];
  }
  return value;
}

function resolveMacros(value, results) {
  if (typeof value === 'string') {
    const whole = value.match(/^\$result((?:\[[^\]]*\])+)$/);
    if (whole) {
      const found = lookup(results, [...whole[1].matchAll(/\[([^\]]*)\]/g)].map((m) => m[1]));
      return found === undefined ? value : found;
    }
    return value.replace(/\$result((?:\[[^\]]*\])+)/g, (all, segs) => {
      const found = lookup(results, [...segs.matchAll(/\[([^\]]*)\]/g)].map((m) => m[1]));
      return found === undefined || typeof found === 'object' ? all : String(found);
    });
  }
  if (value && typeof value === 'object') {
    const out = Array.isArray(value) ? [] : {};
    for (const key of Object.keys(value)) out[key] = resolveMacros(value[key], results);
    return out;
  }
  return value;
}

function batch(params) {
  const cmd = params.cmd || {};
  const halt = params.halt === '1';
  const result = {}, errors = {}, totals = {}, nexts = {};
  let stopped = false;
  for (const key of Object.keys(cmd)) {
    if (stopped) break;
    const text = String(cmd[key]);
    const q = text.indexOf('?');
    const method = q < 0 ? text : text.slice(0, q);
    const sub = resolveMacros(parseForm(q < 0 ? '' : text.slice(q + 1)), result);
    state.log.batched.push({ key, method, params: sub });
    const answer = dispatch(method, sub);
    if (answer.body.error !== undefined) {
      errors[key] = { error: answer.body.error, error_description: answer.body.error_description };
      if (halt) stopped = true;
    } else {
      result[key] = answer.body.result;
      if (answer.body.total !== undefined) totals[key] = answer.body.total;
      if (answer.body.next !== undefined) nexts[key] = answer.body.next;
    }
  }
  const orEmpty = (map) => (Object.keys(map).length ? map : []);
  return { status: 200, body: { result: { result: orEmpty(result), result_error: orEmpty(errors),
    result_total: orEmpty(totals), result_next: orEmpty(nexts), result_time: [] }, time: {} } };
}

function dispatch(method, params) {
  const queue = state.scenario.rest[method];
  if (queue && queue.length) {
    // Answers are used in order; the last one sticks unless marked `once`.
    const head = queue[0];
    if (head.once || queue.length > 1) queue.shift();
    return head;
  }
  if (method === 'batch') return batch(params);
  if (method === 'user.get' && state.users.length) return userGet(params);
  if (method === 'department.get' && state.scenario.departments) {
    const wanted = params.ID === undefined ? null
      : (typeof params.ID === 'object' ? Object.values(params.ID) : [params.ID]).map(String);
    const head = params.UF_HEAD === undefined ? null : String(params.UF_HEAD);
    const rows = state.scenario.departments.filter((d) => (!wanted || wanted.includes(d.ID))
      && (head === null || d.UF_HEAD === head));
    // Pages of 50 by `start`, as the server pages them.
    const start = Number(params.start || 0);
    const body = { result: rows.slice(start, start + 50), total: rows.length, time: {} };
    if (start + 50 < rows.length) body.next = start + 50;
    return { status: 200, body };
  }
  if (method === 'profile' && state.users.length) {
    const me = state.users.find((u) => u.ID === String(state.scenario.currentUser || 1));
    const { ID, NAME, LAST_NAME, PERSONAL_GENDER, TIME_ZONE } = me;
    return { status: 200, body: { result: { ID, ADMIN: false, NAME, LAST_NAME, PERSONAL_GENDER, TIME_ZONE }, time: {} } };
  }
  if (method === 'user.current' && state.users.length) {
    const me = state.users.find((u) => u.ID === String(state.scenario.currentUser || 1));
    return { status: 200, body: { result: me, time: {} } };
  }
  return restError(404, 'ERROR_METHOD_NOT_FOUND', 'Method not found!');
}

function handleHttp(url, body, done) {
  const method = url.replace(/^.*\/rest\//, '').replace(/\.json$/, '');
  const params = parseForm(body);
  const auth = params.auth;
  delete params.auth;
  state.log.rest.push({ url, method, params, auth });
  let answer;
  if (state.scenario.network === 'down') answer = { status: 0, text: null };
  else if (auth !== state.token) {
    answer = state.scenario.garbageToken && auth === 'garbage'
      ? restError(401, 'invalid_token', 'The access token provided is invalid')
      : restError(401, 'expired_token', 'The access token provided has expired');
  }
  else answer = dispatch(method, params);
  const text = answer.text !== undefined ? answer.text
    : (typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body));
  setTimeout(() => {
    try {
      done(answer.status, text);
    } catch (e) {
      // The real library throws here (5xx, network, bad JSON): record it, keep the page clean.
      state.log.thrown.push(String(e && e.message || e));
    }
  }, state.scenario.latencyMs || 0);
}

/* `fetch` for the fake portal's REST URLs, over the same fake server as the library's XHR:
 * status 0 is a network error, an abort rejects as the browser does. Other URLs go out. */
const realFetch = globalThis.fetch;
function fakeFetch(input, init) {
  const request = input instanceof Request ? input : new Request(input, init);
  if (!state || !request.url.startsWith(PORTAL + '/rest/')) return realFetch(input, init);
  return request.text().then((body) => new Promise((resolve, reject) => {
    const signal = request.signal;
    const aborted = () => reject(new DOMException('The operation was aborted.', 'AbortError'));
    if (signal.aborted) return aborted();
    signal.addEventListener('abort', aborted);
    state.log.fetched += 1;
    handleHttp(request.url, body, (status, text) => {
      if (status === 0 || text === null) return reject(new TypeError('Failed to fetch'));
      resolve(new Response(text, { status, headers: { 'Content-Type': 'application/json' } }));
    });
  }));
}

function initData() {
  const s = state.scenario;
  return Object.assign({
    LANG: 'en', DOMAIN: 'portal.test:8080', PROTOCOL: 0, PATH: '/rest', AUTH_ID: state.initToken,
    AUTH_EXPIRES: String(s.authExpires === undefined ? 3600 : s.authExpires), REFRESH_ID: 'refresh-1',
    MEMBER_ID: '0f3c5a7e9b1d2f4a6c8e0b2d4f6a8c0e', FIRST_RUN: false, IS_ADMIN: false, INSTALL: false,
    USER_OPTIONS: [], APP_OPTIONS: [], PLACEMENT: 'USER_PROFILE_TOOLBAR',
    PLACEMENT_OPTIONS: { USER_ID: '42', URI: '/company/personal/user/42/' }
  }, s.init || {});
}

function reply(callbackId, payload) {
  if (!callbackId) return;
  const data = callbackId + ':' + (payload === undefined ? '' : JSON.stringify(payload));
  setTimeout(() => state.listeners.forEach((fn) => fn({ origin: PORTAL, data })), 0);
}

function handleParent(message, targetOrigin) {
  let command, params, callbackId, sid;
  if (typeof message === 'string') {
    const parts = message.split(':');
    command = parts[0];
    sid = parts[parts.length - 1];
    callbackId = parts[parts.length - 2];
    const raw = parts.slice(1, -2).join(':');
    params = raw ? JSON.parse(raw) : [];
  } else {
    ({ method: command, params, callback: callbackId, appSid: sid } = message);
  }
  state.log.parent.push({ command, params, targetOrigin, callbackId });
  if (sid !== SID || targetOrigin !== PORTAL) return;
  const s = state.scenario;
  if ((s.silent || []).includes(command)) return;
  const init = initData();
  const placement = init.PLACEMENT;
  if (placement !== 'DEFAULT' && ['setTitle', 'setScroll', 'reloadWindow'].includes(command)) return;
  const replies = s.replies || {};
  switch (command) {
    case 'getInitData': return reply(callbackId, init);
    case 'refreshAuth':
      state.token = 'token-' + (++state.refreshes + 1);
      return reply(callbackId, { AUTH_ID: state.token, AUTH_EXPIRES: s.refreshExpires ?? 3600, REFRESH_ID: 'refresh-x' });
    case 'resizeWindow':
      return reply(callbackId, { width: params.width === '100%' ? 800 : params.width, height: params.height });
    case 'setTitle': case 'setScroll': case 'setUserOption': return reply(callbackId, params);
    case 'setAppOption': return reply(callbackId, true);
    case 'openPath':
      if (replies.openPath) return reply(callbackId, replies.openPath);
      return reply(callbackId, OPEN_PATH_PREFIXES.some((re) => re.test(params.path))
        ? { result: 'close' } : { result: 'error', errorCode: 'PATH_NOT_AVAILABLE' });
    case 'openApplication': case 'closeApplication': return reply(callbackId, undefined);
    case 'selectUser': return reply(callbackId, params.mult ? replies.selectUsers : replies.selectUser);
    case 'getInterface': return reply(callbackId, replies.getInterface || { command: [], event: [] });
    case 'placementBindEvent': state.events[params.event] = callbackId; return undefined;
    default: return undefined; // im*, setInstallFinish and unknown commands get no answer
  }
}

/** Installs window.BX24 as the stand-in over a fake portal described by `scenarioJson`. */
export function installFake(standinSource, scenarioJson) {
  const scenario = Object.assign({ rest: {} }, JSON.parse(scenarioJson));
  state = {
    // With expiredToken the frame starts with a token the server has already expired; with
    // garbageToken, with one the server never issued (refused as invalid_token).
    scenario, token: 'token-1', refreshes: 0,
    initToken: scenario.garbageToken ? 'garbage' : scenario.expiredToken ? 'token-stale' : 'token-1',
    dropped: [],
    users: makeUsers(scenario.users || 0, scenario.userOverrides), listeners: [], events: {},
    log: { parent: [], rest: [], batched: [], thrown: [], fetched: 0 }
  };
  globalThis.fetch = fakeFetch;
  globalThis.BX24_STANDIN_MANUAL = true;
  if (!globalThis.BX24Standin) (0, eval)(standinSource);
  const env = {
    name: scenario.name === undefined ? 'portal.test:8080|0|' + SID : scenario.name,
    document,
    now: () => Date.now(),
    setTimeout: (fn, ms) => setTimeout(fn, ms),
    postToParent: (message, origin) => {
      if (!state.scenario.silentParent) handleParent(message, origin);
      else state.dropped.push([message, origin]);
    },
    listen: (fn) => state.listeners.push(fn),
    http: handleHttp
  };
  try {
    window.BX24 = globalThis.BX24Standin.create(env);
  } catch (e) {
    window.BX24 = null; // what the real library does when window.name names no portal
    state.log.thrown.push(String(e.message));
  }
  installFrame();
  for (const name of scenario.throwMembers || []) {
    window.BX24[name] = () => { throw new Error('boom from ' + name); };
  }
  if (scenario.removeMembers) {
    for (const path of scenario.removeMembers) {
      const parts = path.split('.');
      let target = window.BX24;
      for (const part of parts.slice(0, -1)) target = target[part];
      delete target[parts[parts.length - 1]];
    }
  }
}

/** What the page's inline loader leaves for the first paint (web/bx24-loader.js): the init
 * data's facts from the fake parent, a batch sent with the frame's token and left on the page,
 * the height, and the library (installed here already). Only in a frame named by a portal,
 * and with no answer while the parent is silent. */
function installFrame() {
  delete window[Symbol.for('profile-widget.first-request')];
  delete window[Symbol.for('profile-widget.frame')];
  if (state.scenario.name !== undefined) return;
  const init = initData();
  const endpoint = PORTAL + '/rest/';
  const post = (params) => {
    const slot = Symbol.for('profile-widget.first-request');
    if (window[slot]) return;
    const url = endpoint + 'batch.json';
    const answer = fetch(url, { method: 'POST', body: 'auth=' + init.AUTH_ID + '&' + params })
      .then((response) => response.json().catch(() => undefined)
        .then((body) => ({ status: response.status, body })))
      .catch(() => ({ failure: 'network' }));
    window[slot] = { key: url + ' ' + params, answer };
  };
  const facts = typeof init.AUTH_ID === 'string' && init.AUTH_ID ? {
    placement: init.PLACEMENT, options: init.PLACEMENT_OPTIONS, lang: init.LANG,
    domain: 'portal.test:8080', admin: !!init.IS_ADMIN, endpoint, send: post,
  } : null;
  window[Symbol.for('profile-widget.frame')] = {
    init: state.scenario.silentParent ? new Promise(() => {}) : Promise.resolve(facts),
    library: () => {
      if (!window.BX24 && state.hiddenLibrary) {
        window.BX24 = state.hiddenLibrary;
        state.hiddenLibrary = null;
        state.log.libraryLoads = (state.log.libraryLoads || 0) + 1;
      }
      return Promise.resolve(!!window.BX24);
    },
    fit: () => { state.log.fitted = (state.log.fitted || 0) + 1; },
    // As the loader sends them, to the fake parent (which logs them); an answer comes back
    // through the listeners the parent replies to.
    command: (name, params, answered) => new Promise((resolve) => {
      let callback = '';
      if (answered) {
        callback = 'early' + Math.random().toString(36).slice(2);
        state.listeners.push((event) => {
          if (event.data.indexOf(callback + ':') !== 0) return;
          const text = event.data.slice(callback.length + 1);
          resolve(text ? JSON.parse(text) : null);
        });
      } else {
        resolve(null);
      }
      handleParent(name + ':' + JSON.stringify(params) + ':' + callback + ':' + SID, PORTAL);
    }),
  };
}

/** The page loader's texts function (web/bx24-loader.js) over `filesJson`, a map of
 * "<code>-<part>" to the file the release serves; it counts what it was asked. */
export function serveTexts(filesJson) {
  const files = JSON.parse(filesJson);
  window[Symbol.for('profile-widget.texts')] = (code, part) => {
    if (state) state.log.texts = (state.log.texts || []).concat(code + '-' + part);
    return Promise.resolve(files[code + '-' + part] || null);
  };
}

/** Takes window.BX24 away until the frame's library() loads it (the library after the card). */
export function hideLibrary() {
  state.hiddenLibrary = window.BX24;
  delete window.BX24;
}

/** Removes window.BX24 altogether (a page opened outside Bitrix24). */
export function uninstall() {
  delete window.BX24;
  delete window[Symbol.for('profile-widget.frame')];
  state = null;
}

/** Sets window.BX24 = null (the library failed to start). */
export function setLibraryNull() {
  window.BX24 = null;
}

/** Everything the fake portal saw, as JSON. */
export function fakeLog() {
  return JSON.stringify(state ? state.log : null);
}

/** Fires a placement event the widget bound with placement.bindEvent. */
export function fireEvent(event, payloadJson) {
  reply(state.events[event], JSON.parse(payloadJson));
}

/** Sends a message from an arbitrary origin, as a hostile page might. */
export function forgeMessage(origin, data) {
  state.listeners.forEach((fn) => fn({ origin, data }));
}

/** Lets a silent parent start answering, handling what it had ignored (for retry tests). */
export function wakeParent() {
  state.scenario.silentParent = false;
  const dropped = state.dropped;
  state.dropped = [];
  dropped.forEach(([message, origin]) => handleParent(message, origin));
}
