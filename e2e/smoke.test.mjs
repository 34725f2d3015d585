// Release smoke test: the built dist/ (wasm-opt included), hosted by the simulator's app host,
// must start in headless Chromium without a single console error, outside Bitrix24 and inside
// both placements of the demo portal.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { root } from './support/portal.mjs';
import { openPage } from './support/browser.mjs';
import { useSimulator } from './support/suite.mjs';
import { gotoPortal } from './support/widget.mjs';

let sim, browser;
useSimulator((started) => ({ sim, browser } = started));

test('opened directly, the release bundle explains where it runs', async () => {
  const { page, problems } = await openPage(browser);
  await page.goto(sim.app + '/');
  const heading = page.locator('.outside h1');
  await heading.waitFor({ timeout: 15000 });
  assert.equal(await heading.textContent(), 'This widget runs inside Bitrix24');
  assert.deepEqual(problems, []);
  await page.screenshot({ path: path.join(root, 'test-results', 'outside.png') });
  await page.close();
});

test('the handler answers POST like GET, framable only by the portal', async () => {
  const response = await fetch(sim.app + '/handler/?DOMAIN=x', { method: 'POST', body: 'AUTH_ID=x' });
  assert.equal(response.status, 200);
  assert.match(await response.text(), /<div id="?app"?>/);
  assert.equal(response.headers.get('x-frame-options'), null);
  // The production policy: the page's own inline loader by hash, wasm, the library, the portal.
  const policy = response.headers.get('content-security-policy');
  assert.match(policy, /^default-src 'none'; /);
  assert.match(policy, /script-src 'self' 'wasm-unsafe-eval' 'sha256-[A-Za-z0-9+/]+=*' /);
  assert.ok(policy.includes(`frame-ancestors 'self' ${sim.portal}`), policy);
  assert.ok(policy.includes(`connect-src 'self' ${sim.portal}`), policy);
  assert.ok(!/ 'unsafe-eval'/.test(policy) && !/script-src[^;]*'unsafe-inline'/.test(policy), policy);
  const wasm = await fetch(sim.app + '/' + (await (await fetch(sim.app + '/')).text()).match(/[\w-]+_bg\.wasm/)[0]);
  assert.equal(wasm.headers.get('content-type'), 'application/wasm');
  assert.match(wasm.headers.get('cache-control'), /immutable/);
});

async function openAndCheck(placement, open, expectedUser) {
  const { page, problems } = await openPage(browser);
  await gotoPortal(page, sim);
  await open(page);
  const frame = page.frameLocator('iframe');
  const card = frame.locator('.profile-card');
  await card.waitFor({ timeout: 15000 });
  assert.equal(await card.getAttribute('data-placement'), placement);
  assert.equal(await card.getAttribute('data-user-id'), expectedUser);
  assert.match(await frame.locator('#person-name').textContent(), /\S/);
  // fitWindow reached the parent, which resized the frame to the content.
  await page.waitForFunction(() => window.__simLog.some((e) => e.text === 'resizeWindow'));
  const height = await page.locator('iframe').evaluate((f) => f.offsetHeight);
  assert.ok(height > 150 && height < 1200, `frame height ${height}`);
  assert.deepEqual(problems, []);
  // Screenshots of the main states, for people (test-results/ is not committed).
  await page.setViewportSize({ width: 1280, height: 820 });
  await page.screenshot({ path: path.join(root, 'test-results', `${placement.toLowerCase()}.png`) });
  await page.close();
}

test('the employee card toolbar opens the widget for the card owner', async () => {
  await openAndCheck('USER_PROFILE_TOOLBAR', (page) => page.click('#open-toolbar-placement'), '2');
});

test('the user menu opens the widget for the current user', async () => {
  await openAndCheck('USER_PROFILE_MENU', async (page) => {
    await page.click('#user-menu-button');
    await page.click('#open-menu-placement');
  }, '1');
});
