// One simulator and one headless Chromium for a test file: started before its tests (with the
// screenshot folder made), stopped after them, and the simulator reset before each test when
// `reset` (the reset's body) is given. `started` receives `{ sim, browser }` and may be async
// (it is awaited, so a file can prepare the simulator before its tests).
import { before, after, beforeEach } from 'node:test';
import fs from 'node:fs';
import path from 'node:path';
import { startPortal, control, root } from './portal.mjs';
import { launch } from './browser.mjs';

export function useSimulator(started, { reset } = {}) {
  let sim, browser;
  before(async () => {
    fs.mkdirSync(path.join(root, 'test-results'), { recursive: true });
    sim = await startPortal();
    browser = await launch();
    await started({ sim, browser });
  });
  after(async () => {
    await browser?.close();
    sim?.stop();
  });
  if (reset) beforeEach(() => control(sim.portal, '/sim/api/reset', reset));
}
