// The BX24 stand-in (portal/assets/bx24.js) pinned to the real api/v1 library's behaviour, one
// test per row of docs/simulator.md's table, over a scripted environment (no browser): where the
// real library is strict or odd, the stand-in must be exactly as strict and as odd.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import vm from 'node:vm';
import { root } from './support/portal.mjs';

const SOURCE = readFileSync(`${root}/portal/assets/bx24.js`, 'utf8');
const PARENT = 'http://portal.test';
const INIT = {
  LANG: 'en', DOMAIN: 'portal.test', PROTOCOL: 0, PATH: '/rest', AUTH_ID: 'tok+en/1', AUTH_EXPIRES: '3600',
  REFRESH_ID: 'r1', MEMBER_ID: 'm1', FIRST_RUN: false, IS_ADMIN: true, INSTALL: false, USER_OPTIONS: [],
  APP_OPTIONS: [], PLACEMENT: 'USER_PROFILE_MENU', PLACEMENT_OPTIONS: { USER_ID: '1' },
};

/** A TypeError of the stand-in's own realm (the vm context has its own constructors). */
const isTypeError = (e) => e?.name === 'TypeError';

/** A stand-in over a scripted environment: a clock, timers, the parent's messages, XHRs. */
function standin({ name = 'portal.test|0|sid1', readyState = 'complete' } = {}) {
  const context = { BX24_STANDIN_MANUAL: true };
  vm.runInNewContext(SOURCE, context);
  let now = 1_000_000;
  const timers = [];
  const posted = [];
  const requests = [];
  let listener = null;
  const documentListeners = [];
  const env = {
    name,
    document: { readyState, addEventListener: (event, fn) => documentListeners.push(fn) },
    now: () => now,
    setTimeout: (fn, ms) => timers.push({ at: now + ms, fn }),
    postToParent: (message, origin) => posted.push({ message, origin }),
    listen: (handler) => { listener = handler; },
    http: (url, body, done) => requests.push({ url, body, done }),
  };
  const lib = context.BX24Standin.create(env);
  const run = {
    lib, posted, requests,
    /** Runs the timers due within `ms`. */
    advance(ms = 20) {
      now += ms;
      for (;;) {
        const due = timers.filter((t) => t.at <= now).sort((a, b) => a.at - b.at)[0];
        if (!due) break;
        timers.splice(timers.indexOf(due), 1);
        due.fn();
      }
    },
    /** The parent's message `data` from `origin`. */
    message(data, origin = PARENT) { listener({ origin, data }); },
    /** Answers the posted command `command` (its last one) with `payload`. */
    answer(command, payload, origin = PARENT) {
      const sent = posted.filter((p) => typeof p.message === 'string' && p.message.startsWith(`${command}:`)).at(-1);
      assert.ok(sent, `${command} was posted`);
      const id = sent.message.split(':').at(-2);
      run.message(`${id}:${JSON.stringify(payload)}`, origin);
    },
    init(data = INIT) { run.answer('getInitData', data); run.advance(); },
    commands: () => posted.map((p) => (typeof p.message === 'string' ? p.message.split(':')[0] : p.message.method)),
  };
  return run;
}

test('init data without AUTH_ID: no token, not admin, and a call asks the parent first', () => {
  const s = standin();
  const { AUTH_ID, ...noToken } = INIT;
  s.init(noToken);
  assert.equal(s.lib.isAdmin(), false, 'IS_ADMIN is taken only with a token');
  assert.equal(s.lib.getAuth(), false);
  s.lib.callMethod('user.current', {}, () => {});
  s.advance();
  assert.equal(s.requests.length, 0, 'nothing sent');
  assert.ok(s.commands().includes('refreshAuth'));
  const t = standin();
  const { AUTH_EXPIRES, ...noExpiry } = INIT;
  t.init(noExpiry);
  assert.equal(t.lib.getAuth(), false, 'no AUTH_EXPIRES: no usable token');
});

test('a non-string message from the portal origin throws in the frame', () => {
  const s = standin();
  s.init();
  assert.throws(() => s.message({ not: 'a string' }), isTypeError);
  s.message({ ignored: true }, 'http://elsewhere.test'); // a foreign origin is dropped first
});

test("a failed request throws the string 'Query error!' and never calls back", () => {
  for (const [status, text] of [[503, '{"error":"QUERY_LIMIT_EXCEEDED"}'], [500, 'oops'], [0, null],
    [200, '{"result": [1,'], [404, '<html>Not found</html>']]) {
    const s = standin();
    s.init();
    let called = false;
    s.lib.callMethod('user.current', {}, () => { called = true; });
    s.advance();
    assert.throws(() => s.requests[0].done(status, text), (thrown) => thrown === 'Query error!', `${status}`);
    assert.equal(called, false);
  }
});

test('a batch answer missing result_error, result_total or result_next throws; the callback is lost', () => {
  for (const missing of ['result_error', 'result_total', 'result_next']) {
    const s = standin();
    s.init();
    let called = false;
    s.lib.callBatch({ a: ['user.current', {}] }, () => { called = true; });
    s.advance();
    const inner = { result: { a: { ID: '1' } }, result_error: [], result_total: [], result_next: [], result_time: [] };
    delete inner[missing];
    assert.throws(() => s.requests[0].done(200, JSON.stringify({ result: inner })), isTypeError, missing);
    assert.equal(called, false);
  }
});

test('encoding: scalars before nested values, empty objects left out, raw token, encoded method, 10 ms later', () => {
  const s = standin();
  s.init();
  s.lib.callMethod('user.get x', { FILTER: { ID: 5 }, empty: {}, none: [], a: 1, skip: null, z: 'é' }, () => {});
  assert.equal(s.requests.length, 0, 'not sent in the same turn');
  s.advance(5);
  assert.equal(s.requests.length, 0, 'not within 5 ms');
  s.advance(10);
  const [request] = s.requests;
  assert.equal(request.url, 'http://portal.test/rest/user.get%20x.json');
  assert.equal(request.body, 'auth=tok+en/1&a=1&z=%C3%A9&FILTER[ID]=5&&');
});

test('a second getInitData answer re-runs every init callback and replaces the token', () => {
  const s = standin();
  let runs = 0;
  s.lib.init(() => { runs += 1; });
  s.init();
  assert.equal(runs, 1);
  s.init({ ...INIT, AUTH_ID: 'second' });
  assert.equal(runs, 2);
  assert.equal(s.lib.getAuth().access_token, 'second');
});

test('refreshAuth before the init data does nothing and never calls back', () => {
  const s = standin();
  s.lib.refreshAuth(() => assert.fail('called back'));
  s.advance();
  assert.ok(!s.commands().includes('refreshAuth'));
});

test('PROTOCOL is copied as is, the origin is re-checked against it, and no PATH loses /rest', () => {
  const s = standin();
  s.init({ ...INIT, PROTOCOL: '0', PATH: undefined });
  s.lib.callMethod('scope', {}, () => {});
  s.advance();
  assert.equal(s.requests[0].url, 'https://portal.test/scope.json', 'the string "0" is true');
  let answered = false;
  s.lib.refreshAuth(() => { answered = true; });
  s.answer('refreshAuth', { AUTH_ID: 'n', AUTH_EXPIRES: 3600, REFRESH_ID: 'r' });
  assert.equal(answered, false, 'the http parent is now a foreign origin');
  const t = standin({ name: 'portal.test|2|sid1' });
  assert.equal(t.posted[0].origin, 'https://portal.test', 'window.name: any non-zero number is https');
  const u = standin({ name: 'portal.test|x|sid1' });
  assert.equal(u.posted[0].origin, 'http://portal.test');
});

test('installFinish posts even before the init data; install(cb) runs only on FIRST_RUN and sends setInstall', () => {
  const s = standin();
  s.lib.installFinish();
  assert.ok(s.commands().includes('setInstallFinish'));
  const order = [];
  s.lib.install(() => order.push('first'));
  s.lib.install(() => order.push('second'));
  s.init();
  assert.deepEqual(order, [], 'not on a later run');
  const t = standin();
  t.lib.install(() => order.push('first'));
  t.lib.install(() => order.push('second'));
  t.init({ ...INIT, FIRST_RUN: true });
  assert.deepEqual(order, ['first', 'second']);
  assert.equal(t.commands().at(-1), 'setInstall');
});

test('ready() and isReady() mean the page has loaded, not that the init data arrived', () => {
  const s = standin({ readyState: 'complete' });
  assert.equal(s.lib.isReady(), true, 'before any init data');
  let ran = false;
  s.lib.ready(() => { ran = true; });
  s.advance();
  assert.equal(ran, true);
  const loading = standin({ readyState: 'loading' });
  assert.equal(loading.lib.isReady(), false);
  loading.init();
  assert.equal(loading.lib.isReady(), false, 'init data does not make the page loaded');
});

test('expired_token: the library refreshes and sends again, without a limit', () => {
  const s = standin();
  s.init();
  let called = false;
  s.lib.callMethod('user.current', {}, () => { called = true; });
  for (let round = 0; round < 6; round += 1) {
    s.advance();
    s.requests.at(-1).done(401, '{"error":"expired_token","error_description":"expired"}');
    s.answer('refreshAuth', { AUTH_ID: `t${round}`, AUTH_EXPIRES: 3600, REFRESH_ID: `r${round}` });
  }
  s.advance();
  assert.equal(s.requests.length, 7, 'six refusals, six refreshes, seven sends');
  assert.equal(called, false);
});
