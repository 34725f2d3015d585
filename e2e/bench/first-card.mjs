// Benchmark (not a test): time from the iframe's navigation to the card painted, in headless
// Chromium against the simulator with added REST latency, and REST requests before the card.
// Prints one JSON object. Usage: node e2e/bench/first-card.mjs [runs] [latencyMs]
import { startPortal, control } from '../support/portal.mjs';
import { launch, openPage } from '../support/browser.mjs';

const runs = Number(process.argv[2] || 10);
const latency = Number(process.argv[3] || 100);
const sim = await startPortal({ args: ['--latency-ms', String(latency)] });
const browser = await launch();
const samples = [];
try {
  for (let run = 0; run < runs; run++) {
    const { page } = await openPage(browser);
    await page.goto(sim.portal + '/');
    await page.locator('#card-name').filter({ hasText: /\S/ }).waitFor();
    const before = (await control(sim.portal, '/sim/api/log')).requests;
    await page.click('#open-toolbar-placement');
    const frameLocator = page.frameLocator('iframe');
    await frameLocator.locator('.profile-card').waitFor({ timeout: 30000 });
    const frame = page.frames().find((f) => f.url().includes('/handler/'));
    // Wait for the first paint after the card mark, measured inside the frame.
    const timing = await frame.evaluate(() => new Promise((resolve) => {
      requestAnimationFrame(() => requestAnimationFrame(() => {
        const mark = (name) => performance.getEntriesByName(name)[0]?.startTime ?? null;
        const wasm = performance.getEntriesByType('resource').find((e) => e.name.endsWith('.wasm'));
        resolve({
          wasmFetched: wasm ? wasm.responseEnd : null,
          started: mark('profile:start'),
          connected: mark('profile:connected'),
          data: mark('profile:data'),
          card: mark('profile:card'),
          painted: performance.now(),
        });
      }));
    }));
    timing.requests = (await control(sim.portal, '/sim/api/log')).requests - before;
    samples.push(timing);
    await page.close();
  }
} finally {
  await browser.close();
  sim.stop();
}
const median = (values) => {
  const sorted = values.filter((v) => v !== null).sort((a, b) => a - b);
  return sorted.length ? sorted[Math.floor((sorted.length - 1) / 2)] : null;
};
const pick = (f) => median(samples.map(f));
console.log(JSON.stringify({
  runs, latencyMs: latency,
  requestsBeforeCard: Math.max(...samples.map((s) => s.requests)),
  medianMs: {
    total: pick((s) => s.painted),
    wasmFetchAndCompile: pick((s) => s.started),
    wasmFetch: pick((s) => s.wasmFetched),
    bx24Init: pick((s) => s.connected - s.started),
    rest: pick((s) => s.data - s.connected),
    render: pick((s) => s.painted - s.data),
  },
}));
