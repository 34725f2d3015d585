// Secrets: the frame's tokens never appear in a URL, the console, storage, cookies, the DOM or an
// error message — through a card, lists, a search, a token refresh and failing writes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { control } from './support/portal.mjs';
import { openPage, handlerFrame } from './support/browser.mjs';
import { record } from './support/reliability.mjs';
import { useSimulator } from './support/suite.mjs';
import { gotoPortal, openPlacement } from './support/widget.mjs';

let sim, browser;
useSimulator((started) => ({ sim, browser } = started));

test('tokens stay out of URLs, the console, storage, cookies, the DOM and error messages', async () => {
  const { page } = await openPage(browser);
  const urls = [];
  const bodies = [];
  const consoleTexts = [];
  page.on('request', (r) => { urls.push(r.url()); bodies.push(r.postData() || ''); });
  page.on('console', (m) => { if (!m.location().url.startsWith(sim.portal)) consoleTexts.push(m.text()); });
  page.on('pageerror', (e) => consoleTexts.push(`${e.message}\n${e.stack}`));
  await gotoPortal(page, sim);
  const frame = await openPlacement(page, 'USER_PROFILE_TOOLBAR', { waitFor: null });
  await frame.locator('.profile-card').waitFor({ timeout: 15000 });
  const handle = handlerFrame(page);
  const tokens = new Set();
  const collect = async () => {
    const auth = await handle.evaluate(() => BX24.getAuth());
    for (const key of ['access_token', 'refresh_token']) if (auth?.[key]) tokens.add(auth[key]);
  };
  await collect();
  // Lists and a search.
  await frame.locator('.people .tab').first().click();
  await frame.locator('.people .count').filter({ hasText: /^\d+$/ }).waitFor();
  await frame.locator('.finder .search').fill('an');
  // The search was sent and answered with people (an error note would not do).
  await frame.locator('.search-results .person-button').first().waitFor();
  assert.ok(((await control(sim.portal, '/sim/api/log')).methods['user.search'] ?? 0) >= 1, 'a user.search was sent');
  // A token that expires: the library refreshes through the parent.
  const tokensBefore = tokens.size;
  await control(sim.portal, '/sim/api/settings', { fault: 'expire_tokens', fault_count: 1 });
  await frame.locator('.tab').nth(1).click();
  await frame.locator('.people .count').filter({ hasText: /^\d+$/ }).waitFor();
  await collect();
  assert.equal((await control(sim.portal, '/sim/api/log')).faults_fired.expire_tokens, 1, 'the token expired');
  assert.ok(tokens.size > tokensBefore, 'the library refreshed its token');
  // Writes that really fail (a 500 each, which the library cannot read): their errors are shown.
  for (const [tool, fill] of [['thanks', '.thanks-form textarea'], ['task', '.task-form input[name=title]']]) {
    await frame.locator(`.tools .${tool}`).click();
    await frame.locator(fill).fill('Secret check');
    await control(sim.portal, '/sim/api/settings', { fault: 'server_error', fault_count: 1 });
    await frame.locator(`.${tool}-form button[type=submit]`).click();
    await frame.locator(`.${tool}-form .failed`).waitFor({ timeout: 30000 });
  }
  const log = await control(sim.portal, '/sim/api/log');
  assert.equal(log.faults_fired.server_error, 2, 'both writes met their fault');
  assert.equal(log.writes.length, 0, 'neither write was recorded');
  // The first frame is searched now: opening another placement detaches it.
  const firstPlaces = await handle.evaluate(() => ({
    dom: document.documentElement.outerHTML,
    local: JSON.stringify(Object.entries(localStorage)),
    session: JSON.stringify(Object.entries(sessionStorage)),
  }));
  // And a whole-card error with its developer detail.
  await control(sim.portal, '/sim/api/settings', { fault: 'none', card_user: 49999 });
  await page.evaluate(() => window.__sim.openPlacement('USER_PROFILE_TOOLBAR'));
  await frame.locator('.error .detail').waitFor({ timeout: 15000 });
  const second = handlerFrame(page);
  const auth = await second.evaluate(() => BX24.getAuth());
  tokens.add(auth.access_token);
  const places = await second.evaluate(() => ({
    dom: document.documentElement.outerHTML,
    local: JSON.stringify(Object.entries(localStorage)),
    session: JSON.stringify(Object.entries(sessionStorage)),
    cookies: document.cookie,
    url: location.href,
    name: window.name,
  }));
  assert.ok(tokens.size >= 3, `tokens seen: ${tokens.size}`);
  // The check sees real tokens: the REST request bodies (where they belong) carry them.
  const inBodies = [...tokens].filter((t) => bodies.some((b) => b.includes(encodeURIComponent(t))));
  assert.ok(inBodies.length >= 2, 'the collected tokens are the ones sent to the portal');
  const haystacks = {
    urls: urls.join('\n'), console: consoleTexts.join('\n'),
    ...Object.fromEntries(Object.entries(places).map(([k, v]) => [`frame ${k}`, v])),
    ...Object.fromEntries(Object.entries(firstPlaces).map(([k, v]) => [`first frame ${k}`, v])),
  };
  const leaks = [];
  for (const token of tokens) {
    for (const [where, text] of Object.entries(haystacks)) {
      if (text.includes(token)) leaks.push({ where, token: token.slice(0, 12) + '…' });
    }
  }
  record('secrets', { tokens: tokens.size, places: Object.keys(haystacks).length, urls: urls.length,
    consoleMessages: consoleTexts.length, leaks: leaks.length }, leaks.length === 0);
  assert.deepEqual(leaks, []);
  await page.close();
});
