// Bad placement input, end to end: at least forty malformed contexts (placement options in every
// shape, bad USER_IDs, unknown placements, missing auth, malformed window.name) sent by the
// simulator's parent page to the release build. Each must end in its defined state (a card, a
// clear error, the install page or the "runs inside Bitrix24" page) with no uncaught error.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { control } from './support/portal.mjs';
import { openPage, handlerFrame } from './support/browser.mjs';
import { record } from './support/reliability.mjs';
import { useSimulator } from './support/suite.mjs';
import { gotoPortal, openPlacement } from './support/widget.mjs';

let sim, browser;
useSimulator((started) => ({ sim, browser } = started));

const BAD = 'Bitrix24 opened the widget without a valid employee.';
const WRONG = 'This widget belongs in a user profile menu.';
const SILENT = 'Bitrix24 did not answer. Reload the page and try again.';
const NOT_FOUND = 'This employee was not found or is not visible to you.';
const SESSION = 'Your Bitrix24 session has expired. Reload the page.';
// A refused token: the browser logs the 401, and the library throws mapping the failed batch
// (its callback never runs). Expected there, and nowhere else.
const REFUSED = /status of 401 \(Unauthorized\)|reading 'result_error'/;
const card = (id) => ({ card: String(id) });
const error = (message) => ({ error: message });
const options = (value) => ({ init: { PLACEMENT_OPTIONS: value } });
const userId = (value) => options({ USER_ID: value });

// [name, overrides of the init data / window.name, expected state]
const CASES = [
  ['options as an object', options({ USER_ID: '5' }), card(5)],
  ['options as a JSON string', options('{"USER_ID":"5"}'), card(5)],
  ['options as a JSON string with a numeric id', options('{"USER_ID":5}'), card(5)],
  ['options as the text "undefined"', options('undefined'), error(BAD)],
  ['options as an empty string', options(''), error(BAD)],
  ['options as an empty array', options([]), error(BAD)],
  ['options as an array with an id', options(['5']), error(BAD)],
  ['options as an empty object', options({}), error(BAD)],
  ['options as null', options(null), error(BAD)],
  ['options as a number', options(5), error(BAD)],
  ['options as true', options(true), error(BAD)],
  ['options as truncated JSON', options('{"USER_ID":'), error(BAD)],
  ['options as the text "null"', options('null'), error(BAD)],
  ['options with nested junk', options({ USER_ID: { ID: 5 } }), error(BAD)],
  ['options with the id in a list', options({ USER_ID: ['5'] }), error(BAD)],
  ['options with a lower-case key', options({ user_id: '5' }), error(BAD)],
  ['options with a junk URI', options({ USER_ID: '5', URI: { x: 1 } }), card(5)],
  ['options JSON string with junk around', options('xx{"USER_ID":"5"}'), error(BAD)],
  ['USER_ID missing', options({ URI: '/company/personal/user/5/' }), error(BAD)],
  ['USER_ID "0"', userId('0'), error(BAD)],
  ['USER_ID 0', userId(0), error(BAD)],
  ['USER_ID "-5"', userId('-5'), error(BAD)],
  ['USER_ID -5', userId(-5), error(BAD)],
  ['USER_ID "abc"', userId('abc'), error(BAD)],
  ['USER_ID "5abc"', userId('5abc'), error(BAD)],
  ['USER_ID "0x5"', userId('0x5'), error(BAD)],
  ['USER_ID huge text', userId('99999999999999999999999'), error(BAD)],
  ['USER_ID above u32', userId(4294967296), error(BAD)],
  ['USER_ID above i32', userId(2147483648), error(BAD)],
  ['USER_ID padded', userId('  5 '), card(5)],
  ['USER_ID "+5"', userId('+5'), error(BAD)],
  ['USER_ID "5.0"', userId('5.0'), error(BAD)],
  ['USER_ID 5.5', userId(5.5), error(BAD)],
  ['USER_ID empty', userId(''), error(BAD)],
  ['USER_ID Arabic-Indic digit', userId('٥'), error(BAD)],
  ['USER_ID with a NUL', userId('5\u0000'), error(BAD)],
  ['USER_ID true', userId(true), error(BAD)],
  ['USER_ID of nobody', userId('299'), card(299)],
  ['USER_ID beyond the company', userId('49999'), error(NOT_FOUND)],
  ['placement unknown', { init: { PLACEMENT: 'CRM_LEAD_DETAIL_TAB' } }, error(WRONG)],
  ['placement made up', { init: { PLACEMENT: 'NO_SUCH_PLACE' } }, error(WRONG)],
  ['placement empty', { init: { PLACEMENT: '' } }, error(BAD)],
  ['placement missing', { init: { PLACEMENT: null } }, error(BAD)],
  ['placement in lower case', { init: { PLACEMENT: 'user_profile_toolbar' } }, card(2)],
  ['placement DEFAULT', { init: { PLACEMENT: 'DEFAULT' } }, { install: true }],
  ['auth missing', { init: { AUTH_ID: null } }, card(2)],
  ['auth empty', { init: { AUTH_ID: '' } }, card(2)],
  ['auth and refresh missing', { init: { AUTH_ID: null, REFRESH_ID: null } }, error(SILENT)],
  ['auth garbage', { init: { AUTH_ID: 'garbage' } }, card(2), REFUSED],
  ['auth garbage and refresh missing', { init: { AUTH_ID: 'garbage', REFRESH_ID: null } }, error(SESSION), REFUSED],
  ['window.name empty', { window_name: '' }, { outside: true }],
  ['window.name garbage', { window_name: 'garbage' }, { outside: true }],
  ['window.name with markup', { window_name: '<script>x</script>|0|abc' }, { outside: true }],
  ['window.name without a SID', { window_name: '127.0.0.1:1|0|' }, { outside: true }],
];

/** The state the frame settled in, polled from inside it (up to 25 s). */
async function outcome(page) {
  const deadline = Date.now() + 25000;
  while (Date.now() < deadline) {
    const frame = handlerFrame(page);
    const state = await frame?.evaluate(() => {
      const cardEl = document.querySelector('.profile-card');
      if (cardEl) return { card: cardEl.getAttribute('data-user-id') };
      if (document.querySelector('.install')) return { install: true };
      if (document.querySelector('.outside')) return { outside: true };
      const message = document.querySelector('.error .message');
      return message ? { error: message.textContent } : null;
    }).catch(() => null);
    if (state) return state;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const frame = handlerFrame(page);
  return { stuck: await frame?.evaluate(() => document.body.innerText.slice(0, 200)).catch((e) => e.message) ?? 'no frame' };
}

test(`${CASES.length} malformed contexts each end in their defined state`, async () => {
  assert.ok(CASES.length >= 40);
  const results = [];
  for (const [name, override, expected, allowed] of CASES) {
    await control(sim.portal, '/sim/api/reset', {});
    await control(sim.portal, '/sim/api/settings', {
      init_override: override.init ?? null, window_name: override.window_name ?? null,
    });
    const { page, problems } = await openPage(browser);
    await gotoPortal(page, sim);
    await openPlacement(page, 'USER_PROFILE_TOOLBAR', { waitFor: null });
    const got = await outcome(page);
    // A foreign window.name makes the loader fetch the real library, unreachable here: that
    // failed request is expected; anything else (uncaught errors, console errors) is not.
    const unexpected = problems.filter((p) => !(override.window_name !== undefined && /api\.bitrix24\.com/.test(p))
      && !allowed?.test(p));
    results.push({ name, expected, got, problems: unexpected });
    await page.close();
  }
  const wrong = results.filter((r) => JSON.stringify(r.expected) !== JSON.stringify(r.got) || r.problems.length);
  record('contexts', {
    cases: results.length,
    cards: results.filter((r) => r.got.card).length,
    errors: results.filter((r) => r.got.error).length,
    outside: results.filter((r) => r.got.outside).length,
    install: results.filter((r) => r.got.install).length,
    unexpected: wrong.length,
  }, wrong.length === 0);
  assert.deepEqual(wrong, []);
});
