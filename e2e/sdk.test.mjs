// Conformance with a real client written by Bitrix24: the official @bitrix24/b24jssdk runs
// unchanged in frame mode inside the simulator (init, callMethod, callBatch, a list call,
// parent.fitWindow, auth refresh), in headless Chromium.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startPortal, control, root } from './support/portal.mjs';
import { launch, openPage, handlerFrame } from './support/browser.mjs';
import { gotoPortal, openPlacement } from './support/widget.mjs';

let sim, browser, dist;

before(async () => {
  dist = fs.mkdtempSync(path.join(os.tmpdir(), 'sdk-app-'));
  fs.copyFileSync(path.join(root, 'e2e/sdk-app/index.html'), path.join(dist, 'index.html'));
  fs.copyFileSync(path.join(root, 'tools/node_modules/@bitrix24/b24jssdk/dist/umd/index.min.js'),
    path.join(dist, 'b24jssdk.js'));
  sim = await startPortal({ dist });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  sim?.stop();
  fs.rmSync(dist, { recursive: true, force: true });
});

test('the official JS SDK runs unchanged in the simulator', async () => {
  const state = await control(sim.portal, '/sim/api/state');
  const { page } = await openPage(browser);
  await gotoPortal(page, sim);
  await openPlacement(page, 'USER_PROFILE_MENU', { waitFor: null });
  const frame = await (async () => {
    for (let i = 0; i < 100; i++) {
      const found = handlerFrame(page);
      if (found) return found;
      await page.waitForTimeout(50);
    }
    throw new Error('no frame');
  })();
  await frame.waitForFunction(() => window.__report, null, { timeout: 30000 });
  const report = await frame.evaluate(() => window.__report);
  assert.equal(report.error, undefined, report.error);
  assert.deepEqual(report.steps, ['init', 'callMethod', 'callBatch', 'callListMethod', 'fitWindow', 'refreshAuth']);
  assert.equal(report.currentId, String(state.settings.current_user));
  assert.equal(report.listCount, state.user_count);
  assert.equal(report.refreshed, true);
  assert.equal(report.afterRefreshId, report.currentId);
  assert.ok(JSON.stringify(report.batch).includes('"dep"'), JSON.stringify(report.batch).slice(0, 300));
  // The SDK's messages went through the portal's protocol handler.
  const commands = await page.evaluate(() => window.__simLog.filter((e) => e.kind === 'message').map((e) => e.text));
  for (const command of ['getInitData', 'resizeWindow', 'refreshAuth']) assert.ok(commands.includes(command), command);
  await page.close();
});
