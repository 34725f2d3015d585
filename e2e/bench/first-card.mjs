// Benchmark (not a test): time from the iframe's navigation to the card painted (and to the
// app's interactive card, which replaces the widget's Leptos-free first paint), in headless
// Chromium against the simulator with added REST latency, and the REST requests sent before the
// card was painted (the frame's resource timing) and until it was interactive (the simulator's
// count).
// Prints one JSON object. Usage: node e2e/bench/first-card.mjs [runs] [latencyMs] [widget|reference]
// "reference" measures bench/reference (the official SDK, sequential calls) the same way.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startPortal, control, root } from '../support/portal.mjs';
import { launch, openPage, handlerFrame } from '../support/browser.mjs';
import { watchPaints } from './paints.mjs';
import { gotoPortal } from '../support/widget.mjs';

const runs = Number(process.argv[2] || 10);
const latency = Number(process.argv[3] || 100);
const target = process.argv[4] || 'widget';
const prefix = target === 'reference' ? 'reference' : 'profile';
let dist;
if (target === 'reference') {
  dist = fs.mkdtempSync(path.join(os.tmpdir(), 'reference-'));
  for (const file of ['index.html', 'app.js']) {
    fs.copyFileSync(path.join(root, 'bench/reference', file), path.join(dist, file));
  }
  fs.copyFileSync(path.join(root, 'tools/node_modules/@bitrix24/b24jssdk/dist/umd/index.min.js'),
    path.join(dist, 'b24jssdk.js'));
}
const sim = await startPortal({ dist, args: ['--latency-ms', String(latency)] });
const browser = await launch();
const samples = [];
try {
  for (let run = 0; run < runs; run++) {
    const { page } = await openPage(browser);
    await page.addInitScript(watchPaints);
    await gotoPortal(page, sim);
    const before = (await control(sim.portal, '/sim/api/log')).requests;
    await page.click('#open-toolbar-placement');
    const frameLocator = page.frameLocator('iframe');
    await frameLocator.locator('.profile-card').waitFor({ timeout: 30000 });
    const frame = handlerFrame(page);
    // Wait for the first paint after the card mark, measured inside the frame.
    await frame.waitForFunction(() => typeof window.__painted === 'number' && typeof window.__interactive === 'number');
    const timing = await frame.evaluate((prefix) => new Promise((resolve) => {
      {
        const mark = (name) => performance.getEntriesByName(`${prefix}:${name}`)[0]?.startTime ?? null;
        const code = performance.getEntriesByType('resource')
          .find((e) => e.name.endsWith('.wasm') || e.name.endsWith('b24jssdk.js'));
        resolve({
          wasmFetched: code ? code.responseEnd : null,
          started: mark('start'),
          connected: mark('connected'),
          data: mark('data'),
          card: mark('card'),
          painted: window.__painted,
          interactive: window.__interactive,
          restBeforePaint: performance.getEntriesByType('resource')
            .filter((e) => e.name.includes('/rest/') && e.startTime < window.__painted).length,
        });
      }
    }), prefix);
    timing.requestsUntilInteractive = (await control(sim.portal, '/sim/api/log')).requests - before;
    samples.push(timing);
    await page.close();
  }
} finally {
  await browser.close();
  sim.stop();
  if (dist) fs.rmSync(dist, { recursive: true, force: true });
}
const median = (values) => {
  const sorted = values.filter((v) => v !== null).sort((a, b) => a - b);
  return sorted.length ? sorted[Math.floor((sorted.length - 1) / 2)] : null;
};
const pick = (f) => median(samples.map(f));
console.log(JSON.stringify({
  target, runs, latencyMs: latency,
  requestsBeforePaint: Math.max(...samples.map((s) => s.restBeforePaint)),
  requestsUntilInteractive: Math.max(...samples.map((s) => s.requestsUntilInteractive)),
  medianMs: {
    total: pick((s) => s.painted),
    wasmFetchAndCompile: pick((s) => s.started),
    wasmFetch: pick((s) => s.wasmFetched),
    bx24Init: pick((s) => s.connected - s.started),
    rest: pick((s) => s.data - s.connected),
    render: pick((s) => s.painted - s.data),
    interactive: pick((s) => s.interactive),
  },
}));
