// Release smoke test: the built dist/ (wasm-opt included) must start in headless Chromium
// without a single console error, outside Bitrix24 and inside a portal frame.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startAppHost, startMiniPortal } from './support/servers.mjs';
import { launch, openPage } from './support/browser.mjs';

let app, portal, browser;

before(async () => {
  app = await startAppHost();
  portal = await startMiniPortal(app.origin);
  browser = await launch();
});

after(async () => {
  await browser?.close();
  app?.server.close();
  portal?.server.close();
});

test('opened directly, the release bundle explains where it runs', async () => {
  const { page, problems } = await openPage(browser);
  await page.goto(app.origin + '/');
  const heading = page.locator('.outside h1');
  await heading.waitFor({ timeout: 15000 });
  assert.equal(await heading.textContent(), 'This widget runs inside Bitrix24');
  assert.deepEqual(problems, []);
  await page.close();
});

test('the handler answers POST like GET', async () => {
  const response = await fetch(app.origin + '/handler/?DOMAIN=x', { method: 'POST', body: 'AUTH_ID=x' });
  assert.equal(response.status, 200);
  assert.match(await response.text(), /<div id="app">/);
});

for (const [placement, user] of [['USER_PROFILE_TOOLBAR', '42'], ['USER_PROFILE_MENU', '7']]) {
  test(`inside a portal frame (${placement}) it shows the placement and user`, async () => {
    const { page, problems } = await openPage(browser);
    await page.goto(`${portal.origin}/?placement=${placement}&user=${user}`);
    const frame = page.frameLocator('iframe');
    await frame.locator('.context').waitFor({ timeout: 15000 });
    assert.equal(await frame.locator('.placement-code').textContent(), placement);
    assert.equal(await frame.locator('.user-id').textContent(), user);
    // fitWindow reached the parent, which resized the frame.
    await page.waitForFunction(() => window.__messages.some((m) => m.command === 'resizeWindow'));
    const height = Number(await page.locator('iframe').getAttribute('height'));
    assert.ok(height > 0 && height !== 100, `frame height ${height}`);
    assert.deepEqual(problems, []);
    await page.close();
  });
}
