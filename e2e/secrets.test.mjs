// Secrets: the frame's tokens never appear in a URL, the console, storage, cookies, the DOM or an
// error message — through a card, lists, a search, a token refresh and failing writes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { control } from './support/portal.mjs';
import { openPage, handlerFrame } from './support/browser.mjs';
import { record } from './support/reliability.mjs';
import { useSimulator } from './support/suite.mjs';

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
  await page.goto(sim.portal + '/');
  await page.locator('#card-name').filter({ hasText: /\S/ }).waitFor();
  await page.evaluate(() => window.__sim.openPlacement('USER_PROFILE_TOOLBAR'));
  const frame = page.frameLocator('iframe');
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
  await frame.locator('.search-results .person-button, .finder .form-note').first().waitFor();
  // A token that expires: the library refreshes through the parent.
  await control(sim.portal, '/sim/api/settings', { fault: 'expire_tokens', fault_count: 1 });
  await frame.locator('.tab').nth(1).click();
  await frame.locator('.people .count').filter({ hasText: /^\d+$/ }).waitFor();
  await collect();
  // Failing writes show their errors (a REST error and a refused scope).
  await frame.locator('.tools .thanks').click();
  await frame.locator('.thanks-form button[type=submit]').click();
  await frame.locator('.thanks-form textarea').fill('x');
  await control(sim.portal, '/sim/api/settings', { fault: 'partial_batch', fault_count: 0 });
  await frame.locator('.tools .task').click();
  await frame.locator('.task-form input[name=title]').fill('Secret check');
  await frame.locator('.task-form button[type=submit]').click();
  await frame.locator('.task-form .form-note.done, .task-form .failed').first().waitFor({ timeout: 30000 });
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
  const firstPlaces = await handle.evaluate(() => ({
    dom: document.documentElement.outerHTML,
    local: JSON.stringify(Object.entries(localStorage)),
    session: JSON.stringify(Object.entries(sessionStorage)),
  })).catch(() => ({}));
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
    consoleMessages: consoleTexts.length, leaks: leaks.length });
  assert.deepEqual(leaks, []);
  await page.close();
});
