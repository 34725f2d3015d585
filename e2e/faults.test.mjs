// Faults injected by the simulator, end to end, each in its own simulator so they run side by
// side: the widget must reach its correct state within a bounded time, retry only what is
// safe, and never submit a write twice. Times and request counts go to RELIABILITY.md.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startPortal, control } from './support/portal.mjs';
import { BROWSERS, launch, openPage, handlerFrame } from './support/browser.mjs';
import { record } from './support/reliability.mjs';
import { gotoPortal, openPlacement } from './support/widget.mjs';

const browsers = {};
before(async () => {
  for (const name of BROWSERS) browsers[name] = await launch(name);
});
after(async () => {
  for (const browser of Object.values(browsers)) await browser.close();
});

// REST goes over fetch: every status is seen at once. The waits are the retry policy's
// (bitrix24.md §8.2): 1.5 s then 2.25 s after a 503, 10 s after a 429, 1 s then 2 s after a
// lost read; an answer that never comes is aborted at the call timeout; a refresh the parent
// never answers is given up at the 5 s command timeout.
const CALL_TIMEOUT_S = 20;
const RATE_LIMIT_S = [1.5, 2.25];
const OPERATING_LIMIT_S = 10;
const NETWORK_S = [1, 2];
const REFRESH_S = 5;
// The longest the policy may wait: its waits drawn with +10 % jitter.
const longest = (seconds) => Math.round(seconds * 1.1 * 1000) / 1000;
const SLACK_S = 20;
// Cases of one browser run side by side, this many at a time: fifteen pages starting at once
// on two cores took Chromium 20 s to show a card.
const CONCURRENCY = 5;

/** The state the frame is in now: card, error (with its message), or still working. */
const stateOf = (handle) => handle.evaluate(() => {
  if (document.querySelector('.profile-card')) return 'card';
  const message = document.querySelector('.error .message');
  return message ? `error: ${message.textContent}` : 'working';
});

async function waitForState(page, boundS, wanted = (s) => s !== 'working') {
  const deadline = Date.now() + boundS * 1000;
  let state = 'working';
  while (Date.now() < deadline) {
    const handle = handlerFrame(page);
    state = handle ? await stateOf(handle).catch(() => 'working') : 'working';
    if (wanted(state)) return state;
    await new Promise((r) => setTimeout(r, 100));
  }
  return `timeout (last: ${state})`;
}

// Counts the REST calls the frame itself makes through `fetch` (a browser's own resend of a
// request never passes through it): `window.__restCalls`, method names in order.
function countRestCalls() {
  const original = window.fetch;
  window.__restCalls = [];
  window.fetch = function (input, init) {
    const url = String(input && input.url !== undefined ? input.url : input);
    const method = url.split('/rest/')[1];
    if (method !== undefined) window.__restCalls.push(method.replace(/\.json.*$/, ''));
    return original.call(this, input, init);
  };
}

async function openWidget(sim, browser) {
  const { page, problems } = await openPage(browser);
  await page.addInitScript(countRestCalls);
  // Only the library may throw (it does on messages it cannot read); an uncaught error from the
  // widget is a failure.
  page.on('pageerror', (error) => {
    if (!/\/bx24\/api\/v1\//.test(error.stack || '')) problems.push(`widget threw: ${error.message}`);
  });
  await gotoPortal(page, sim);
  await openPlacement(page, 'USER_PROFILE_TOOLBAR', { waitFor: null });
  return { page, problems };
}

const requests = async (sim) => (await control(sim.portal, '/sim/api/log')).requests;
const settings = (values) => (sim) => control(sim.portal, '/sim/api/settings', values);
const pause = (ms) => new Promise((r) => setTimeout(r, Math.max(0, ms)));

/** A read: the colleague list opened and counted. */
async function openColleagues(frame, timeout = 20000) {
  await frame.locator('.people .tab').first().click();
  await frame.locator('.people .count').filter({ hasText: /^\d+$/ }).waitFor({ timeout });
}

// A read (the colleague list) and a write (a task), as a person would make them; gives the
// time span they took, so the refreshes they needed can be told from those made ahead.
async function readAndWrite(frame, title) {
  const from = Date.now();
  await openColleagues(frame);
  await frame.locator('.tools .task').click();
  await frame.locator('.task-form input[name=title]').fill(title);
  await frame.locator('.task-form button[type=submit]').click();
  await frame.locator('.task-form .form-note.done').waitFor({ timeout: 20000 });
  return { from, to: Date.now() };
}

// Refreshing ahead must cost at most one refreshAuth per 30 s whatever a token's lifetime, and
// a read and a write after the token expired must still go through (bitrix24.md §9.3). Each
// frame is watched for two minutes; the person acts after 65 s, past the 60-s tokens' expiry.
// The card's own request, the list and the task: 3 requests; each refresh may add 2 (the
// owner check of the new token and the refused request sent again).
const AHEAD_GAP_S = 30;
const lifetimeCase = (lifetimeS, refreshes) => ({
  name: `tokens of ${lifetimeS} s, watched for two minutes`,
  // The bound covers the 65-s wait and the two actions.
  before: settings({ token_lifetime: lifetimeS }), holdS: 120, boundS: 65 + 10 + SLACK_S,
  // Tokens dead on arrival: the portal refuses them all, so the session ends at once.
  expect: lifetimeS === 0 ? /^error: Your Bitrix24 session has expired/ : 'card',
  // (Dead tokens: the page's loader sends the card's request with the first one, refused.)
  requests: [0, lifetimeS === 0 ? 2 : 3 + 2 * refreshes[1]], perRefresh: { base: 3, most: 2 },
  writes: lifetimeS === 0 ? 0 : 1, fired: {}, refreshes, aheadGapS: AHEAD_GAP_S,
  during: lifetimeS === 0 ? undefined : async (sim, frame, { started }) => {
    await pause(started + 65000 - Date.now());
    return readAndWrite(frame, `After ${lifetimeS} s tokens`);
  },
});
const faulty = (fault, count) => async (sim) => control(sim.portal, '/sim/api/settings', { fault, fault_count: count });

// Each case: how the fault is set, what happens after the card is open (mid-session faults),
// the state expected, the bound in seconds, and the REST requests allowed.
const CASES = [
  // Short tokens are refreshed when a call needs one (the card's first request, the read, the
  // write); 60-s tokens ahead (they live less than the 5-minute lead), never twice within
  // 30 s; hour-long ones not at all within two minutes.
  lifetimeCase(0, [1, 2]),
  lifetimeCase(1, [1, 3]),
  lifetimeCase(6, [1, 3]),
  lifetimeCase(60, [2, 4]),
  lifetimeCase(3600, [0, 0]),
  {
    // The parent answers refreshAuth with another user's token, and the check of that token is
    // refused (500 on every user.current). Tokens of 25 s: the card loads with the first; once
    // it has expired, the read needs the parent's (other user's) one and goes on; the write asks
    // for one more, whose check is refused too, and is never sent (two refreshAuth, two
    // user.current, no tasks.task.add); the form says why and keeps the draft.
    name: 'a write under a token whose owner cannot be confirmed is not sent', expect: 'card',
    boundS: 25 + 15 + SLACK_S, requests: [4, 4], writes: 0, fired: { server_error: 2 }, refreshes: [2, 2],
    methods: { 'user.current': 2, 'tasks.task.add': 0 },
    before: settings({ token_lifetime: 25, session_user: 3, fault: 'server_error', fault_count: 0,
      fault_methods: ['user.current'] }),
    during: async (sim, frame, { page }) => {
      // The frame's own token has expired (the library's copy says so: getAuth() is false).
      const deadline = Date.now() + 40000;
      while (await handlerFrame(page).evaluate(() => !!BX24.getAuth()) && Date.now() < deadline) await pause(250);
      await openColleagues(frame);
      await frame.locator('.tools .task').click();
      await frame.locator('.task-form input[name=title]').fill('As whom?');
      await frame.locator('.task-form button[type=submit]').click();
      await frame.locator('.task-form .form-note').filter({ hasText: /could not confirm it is you/ })
        .waitFor({ timeout: 20000 });
      await frame.locator('.task-form .form-note').filter({ hasText: /It was not created\. You can send it again\./ })
        .waitFor({ timeout: 1000 });
      const kept = await frame.locator('.task-form input[name=title]').inputValue();
      if (kept !== 'As whom?') throw new Error(`the draft was lost: ${kept}`);
    },
  },
  // Bounds: the retry policy's waits plus SLACK_S for starting the page on a shared two-core
  // machine running five cases at once.
  { name: '503 storm on the first request (x2)', before: faulty('rate_limit_storm', 2), expect: 'card',
    boundS: RATE_LIMIT_S[0] + RATE_LIMIT_S[1] + 1 + SLACK_S, waitsS: longest(RATE_LIMIT_S[0] + RATE_LIMIT_S[1]), requests: [3, 3],
    fired: { rate_limit_storm: 2 } },
  { name: '429 operating-time limit (x1)', before: faulty('operating_limit', 1), expect: 'card',
    boundS: OPERATING_LIMIT_S + 1 + SLACK_S, waitsS: OPERATING_LIMIT_S, requests: [2, 2], fired: { operating_limit: 1 } },
  { name: '500 internal error (x1)', before: faulty('server_error', 1), expect: 'card',
    boundS: NETWORK_S[0] + 1 + SLACK_S, waitsS: longest(NETWORK_S[0]), requests: [2, 2], fired: { server_error: 1 } },
  // Noticed at once, not after the call timeout.
  { name: 'dropped connection (x1)', before: faulty('drop_connection', 1), expect: 'card',
    boundS: NETWORK_S[0] + 1 + SLACK_S, waitsS: longest(NETWORK_S[0]), requests: [2, 2], fired: { drop_connection: 1 } },
  { name: '30-second answer (x1)', before: faulty('slow', 1), expect: 'card',
    boundS: CALL_TIMEOUT_S + NETWORK_S[0] + 1 + SLACK_S, waitsS: CALL_TIMEOUT_S + longest(NETWORK_S[0]), requests: [2, 2],
    fired: { slow: 1 } },
  { name: 'malformed JSON (x1)', before: faulty('malformed_json', 1), expect: 'card',
    boundS: NETWORK_S[0] + 1 + SLACK_S, waitsS: longest(NETWORK_S[0]), requests: [2, 2], fired: { malformed_json: 1 } },
  { name: 'partial batch errors', before: faulty('partial_batch', 0), expect: /^error: The application has no access/,
    boundS: SLACK_S, waitsS: 0, requests: [1, 1], fired: { partial_batch: 1 } },
  { name: 'a 503 storm that never ends', before: faulty('rate_limit_storm', 0), expect: /^error: Bitrix24 is busy/,
    boundS: RATE_LIMIT_S[0] + RATE_LIMIT_S[1] + 1 + SLACK_S, waitsS: longest(RATE_LIMIT_S[0] + RATE_LIMIT_S[1]), requests: [3, 3],
    fired: { rate_limit_storm: 3 } },
  { name: 'a parent that never answers getInitData', before: (sim) => control(sim.portal, '/sim/api/settings', { parent: 'silent_init' }),
    expect: /^error: Bitrix24 did not answer/, boundS: 10 + SLACK_S, requests: [0, 0], fired: {} },
  {
    // The expired list request, the parent's one refresh, the check that the new token is
    // still the viewer's (one user.current), the same request again.
    name: 'a token expiring mid-session', expect: 'card', boundS: 5 + SLACK_S, requests: [4, 4],
    fired: { expire_tokens: 1 }, refreshes: [1, 1],
    during: async (sim, frame) => {
      await control(sim.portal, '/sim/api/settings', { fault: 'expire_tokens', fault_count: 1 });
      await openColleagues(frame, 10000);
    },
  },
  {
    // The parent's mode is fixed when the frame opens; the token expires later.
    name: 'a refreshAuth that never answers', expect: 'card', boundS: REFRESH_S + 8 + SLACK_S, requests: [2, 2],
    fired: { expire_tokens: 1 }, refreshes: [1, 1],
    before: (sim) => control(sim.portal, '/sim/api/settings', { parent: 'silent_refresh' }),
    during: async (sim, frame) => {
      await control(sim.portal, '/sim/api/settings', { fault: 'expire_tokens', fault_count: 0 });
      await frame.locator('.people .tab').first().click();
      // The list shows the failure where it happened (the session, not the network); the card stays.
      await frame.locator('.people .failed').filter({ hasText: /session has expired/ })
        .waitFor({ timeout: (REFRESH_S + SLACK_S) * 1000 });
    },
  },
  {
    // The portal's session changed hands: the refreshed token is another user's. One
    // user.current tells; the card ends instead of acting as the previous user.
    name: "a refresh that brings another user's token", expect: /^error: Your Bitrix24 session has expired/,
    boundS: 5 + SLACK_S, requests: [3, 3], fired: { expire_tokens: 1 }, refreshes: [1, 1],
    during: async (sim, frame) => {
      await control(sim.portal, '/sim/api/settings', { fault: 'expire_tokens', fault_count: 1, session_user: 3 });
      await frame.locator('.people .tab').first().click();
      await frame.locator('.error .message').waitFor({ timeout: 10000 });
    },
  },
  {
    // Every token refused, the refreshed ones too: three refreshes, then the session ends and
    // nothing more is sent, counted over two minutes (the library alone sent 451 requests in
    // three minutes and went on).
    name: 'a portal refusing every token, watched for two minutes', before: faulty('expire_tokens', 0),
    expect: /^error: Your Bitrix24 session has expired/, boundS: 5 + SLACK_S, holdS: 120,
    requests: [4, 4], fired: { expire_tokens: 4 }, refreshes: [3, 3],
  },
  {
    // A 503 is the portal refusing before it runs anything: the write goes again, and is
    // created once.
    name: 'a write during a 503 storm (x1) goes again and is created once', expect: 'card',
    boundS: RATE_LIMIT_S[0] + 1 + SLACK_S, requests: [3, 3], writes: 1, fired: { rate_limit_storm: 1 },
    during: async (sim, frame) => {
      await frame.locator('.tools .task').click();
      await frame.locator('.task-form input[name=title]').fill('Under a storm');
      await control(sim.portal, '/sim/api/settings', { fault: 'rate_limit_storm', fault_count: 1 });
      await frame.locator('.task-form button[type=submit]').click();
      await frame.locator('.task-form .form-note.done').waitFor({ timeout: (RATE_LIMIT_S[0] + 10) * 1000 });
    },
  },
  {
    // A connection dropped under a write: the task may exist, so the widget does not send it
    // again. (A browser resends a request by itself, once, when a reused keep-alive connection
    // closes before any answer: so two drops, and one or two requests seen by the simulator;
    // the frame's own fetch of the write is counted apart, and must be one.)
    name: 'a write whose connection drops is not sent again by the widget', expect: 'card',
    boundS: SLACK_S, requests: [2, 3], writes: 0, fired: [{ drop_connection: 1 }, { drop_connection: 2 }],
    frameCalls: { 'tasks.task.add': 1 },
    during: async (sim, frame) => {
      await frame.locator('.tools .task').click();
      await frame.locator('.task-form input[name=title]').fill('On a bad line');
      await control(sim.portal, '/sim/api/settings', { fault: 'drop_connection', fault_count: 2 });
      await frame.locator('.task-form button[type=submit]').click();
      await frame.locator('.task-form .write-unknown').waitFor({ timeout: 10000 });
      const kept = await frame.locator('.task-form input[name=title]').inputValue();
      if (kept !== 'On a bad line') throw new Error(`the draft was lost: ${kept}`);
    },
  },
];

/** Runs `work` over `items`, at most CONCURRENCY at once, longest holds first; results in order. */
async function pool(items, work) {
  const order = items.map((item, i) => i).sort((a, b) => (items[b].holdS ?? 0) - (items[a].holdS ?? 0));
  const results = new Array(items.length);
  const worker = async () => {
    for (let i = order.shift(); i !== undefined; i = order.shift()) results[i] = await work(items[i]);
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return results;
}

async function run(testCase, browserName) {
  const sim = await startPortal();
  try {
    await testCase.before?.(sim);
    const started = Date.now();
    const before = await requests(sim);
    const { page, problems } = await openWidget(sim, browsers[browserName]);
    let state = await waitForState(page, testCase.boundS);
    let error = null;
    let acted = null;
    if (testCase.during && state === 'card') {
      try {
        acted = await testCase.during(sim, page.frameLocator('iframe'), { started, page });
      } catch (e) {
        error = e.message.split('\n')[0];
      }
      state = await waitForState(page, 1);
    }
    const seconds = (Date.now() - started) / 1000;
    if (testCase.holdS) await new Promise((r) => setTimeout(r, Math.max(0, started + testCase.holdS * 1000 - Date.now())));
    const settledAt = Date.now();
    const used = await requests(sim) - before;
    const log = await control(sim.portal, '/sim/api/log');
    // From the fault's first answer to the end state, beyond the waits the retry policy
    // prescribes (for cases that say which): measured for RELIABILITY.md (the goal is at most
    // 1 s), not asserted: it is a time, and this machine runs five cases at once.
    const overrunS = testCase.waitsS === undefined || !log.first_fault_at_ms ? null
      : Math.round((settledAt - log.first_fault_at_ms) / 100) / 10 - testCase.waitsS;
    const writes = log.writes.length;
    const fired = log.faults_fired;
    const frameCalls = await handlerFrame(page)?.evaluate(() => window.__restCalls).catch(() => null) ?? null;
    const callsOf = (method) => (frameCalls || []).filter((m) => m === method).length;
    // The parent page's own record of the frame's refreshAuth commands, with their times.
    const refreshTimes = await page.evaluate(() =>
      window.__simLog.filter((e) => e.kind === 'message' && e.text === 'refreshAuth').map((e) => e.at));
    const refreshes = refreshTimes.length;
    // Refreshes while the person was not acting are the ones made ahead of expiry: spaced.
    const ahead = refreshTimes.filter((at) => !acted || at < acted.from || at > acted.to);
    const closestS = ahead.slice(1).reduce((least, at, i) => Math.min(least, (at - ahead[i]) / 1000), Infinity);
    await page.close();
    const threw = problems.filter((p) => p.startsWith('widget threw'));
    const expected = testCase.expect;
    const stateOk = typeof expected === 'string' ? state === expected : expected.test(state);
    const [min, max] = testCase.requests;
    const ok = stateOk && !error && seconds <= testCase.boundS && used >= min && used <= max
      && (testCase.writes === undefined || writes === testCase.writes)
      // Proof that the fault fired as often as the case says (and no other fault did).
      && [testCase.fired].flat().some((f) => JSON.stringify(fired) === JSON.stringify(f))
      && (testCase.refreshes === undefined
        || (refreshes >= testCase.refreshes[0] && refreshes <= testCase.refreshes[1]))
      && Object.entries(testCase.methods || {}).every(([method, n]) => (log.methods[method] ?? 0) === n)
      && Object.entries(testCase.frameCalls || {}).every(([method, n]) => frameCalls !== null && callsOf(method) === n)
      && (testCase.aheadGapS === undefined || closestS >= testCase.aheadGapS - 0.5)
      && (testCase.perRefresh === undefined
        || used <= testCase.perRefresh.base + testCase.perRefresh.most * refreshes)
      && threw.length === 0;
    return { name: testCase.name, browser: browserName, state, seconds: Math.round(seconds * 10) / 10, boundS: testCase.boundS,
      overrunS: overrunS === null ? null : Math.round(overrunS * 10) / 10,
      requests: used, methods: log.methods, writes, fired, refreshes,
      closestAheadS: Number.isFinite(closestS) ? Math.round(closestS * 10) / 10 : null,
      frameCalls: testCase.frameCalls && Object.fromEntries(Object.keys(testCase.frameCalls).map((m) => [m, callsOf(m)])),
      error, threw, ok };
  } finally {
    sim.stop();
  }
}

test(`${CASES.length} injected faults end in their correct state within their bounds, in ${BROWSERS.join(' and ')}`, async () => {
  // One browser at a time (its cases side by side): two at once would starve two cores.
  // FAULT_CASES=<regex> runs only the matching cases (while working on one; never in CI).
  const only = process.env.FAULT_CASES ? new RegExp(process.env.FAULT_CASES) : null;
  const cases = CASES.filter((c) => !only || only.test(c.name));
  const results = [];
  // A case that throws (the driver lost its page, say) is a failed case that names itself.
  const attempt = (c, name) => run(c, name).catch((e) => ({ name: c.name, browser: name, ok: false, error: e.message }));
  for (const name of BROWSERS) results.push(...await pool(cases, (c) => attempt(c, name)));
  // Every case of every browser is expected, so a case that went missing shows as missing; a
  // run narrowed by FAULT_CASES records nothing (it is not the suite).
  const expected = BROWSERS.flatMap((browser) => CASES.map((c) => [c.name, browser]));
  if (!only) record('faults', { cases: results, expected }, results.every((r) => r.ok) && results.length === expected.length);
  assert.deepEqual(results.filter((r) => !r.ok), []);
});
