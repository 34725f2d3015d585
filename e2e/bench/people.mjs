// Benchmark (not a test): the colleague list of a 5,000-person department and the search of a
// 50,000-user portal, in headless Chromium against the simulator with added REST latency.
// Prints one JSON object. Usage: node e2e/bench/people.mjs [latencyMs]
import { startPortal, control } from '../support/portal.mjs';
import { launch, openPage, handlerFrame } from '../support/browser.mjs';
import { gotoPortal } from '../support/widget.mjs';

const latency = Number(process.argv[2] || 100);
const requests = async (sim) => (await control(sim.portal, '/sim/api/log')).requests;

async function openCard(browser, sim) {
  const { page, problems } = await openPage(browser);
  // Keep both wasm instances (the first paint, then the app): their linear memories are the
  // widget's heap.
  await page.addInitScript(() => {
    addEventListener('TrunkApplicationStarted', (e) => { window.__paint = e.detail.wasm; });
    addEventListener('ProfileWidgetAppStarted', (e) => { window.__app = e.detail.wasm; });
  });
  await gotoPortal(page, sim);
  await page.click('#open-toolbar-placement');
  await page.frameLocator('iframe').locator('.profile-card').waitFor({ timeout: 30000 });
  const frame = handlerFrame(page);
  return { page, frame, problems };
}

async function colleagues(browser) {
  const sim = await startPortal({ users: 6000, args: ['--team', '5000', '--latency-ms', String(latency)] });
  try {
    const { page, frame, problems } = await openCard(browser, sim);
    const before = await requests(sim);
    const started = Date.now();
    await frame.click('.people .tab');
    await frame.waitForFunction(() => /^\d+$/.test(document.querySelector('.people .count')?.textContent ?? ''),
      null, { timeout: 60000 });
    const loadMs = Date.now() - started;
    const used = await requests(sim) - before;
    const loaded = Number(await frame.textContent('.people .count'));
    const failed = await frame.locator('.people .failed').count();
    const heapBytes = await frame.evaluate(() => {
      const bytes = (wasm) => wasm?.memory?.buffer?.byteLength;
      const [paint, app] = [bytes(window.__paint), bytes(window.__app)];
      return paint === undefined || app === undefined ? null : paint + app;
    });
    // Scroll the list one step per frame for 180 frames. Per frame: the work (scroll handler,
    // the widget's re-render of the rows in view, style and layout), and the frame interval.
    const { work, intervals } = await frame.evaluate(() => new Promise((resolve) => {
      const viewport = document.querySelector('.people-viewport');
      const channel = new MessageChannel(); // runs after the microtasks the render is queued on
      const afterTasks = () => new Promise((r) => { channel.port1.onmessage = r; channel.port2.postMessage(0); });
      const work = [];
      const intervals = [];
      let last = null;
      const tick = async (now) => {
        if (last !== null) intervals.push(now - last);
        last = now;
        const started = performance.now();
        viewport.scrollTop += 397;
        viewport.dispatchEvent(new Event('scroll'));
        await afterTasks();
        void document.body.offsetHeight; // style and layout of the new rows
        work.push(performance.now() - started);
        if (work.length < 180) requestAnimationFrame(tick); else resolve({ work, intervals });
      };
      requestAnimationFrame(tick);
    }));
    const stats = (values) => {
      const sorted = [...values].sort((a, b) => a - b);
      return { median: sorted[Math.floor(sorted.length / 2)], p95: sorted[Math.floor(sorted.length * 0.95)],
        max: sorted[sorted.length - 1] };
    };
    const rowsDrawn = await frame.locator('.people-list .person-row').count();
    await page.close();
    return {
      people: loaded, requests: used, loadMs, failed, problems: problems.length, heapBytes, rowsDrawn,
      frames: work.length, workMs: stats(work), intervalMs: stats(intervals),
      framesOverBudget: work.filter((d) => d > 16).length,
    };
  } finally {
    sim.stop();
  }
}

async function search(browser) {
  const sim = await startPortal({ users: 50000, args: ['--latency-ms', String(latency)] });
  try {
    const { users } = await control(sim.portal, '/sim/api/state');
    const target = users.find((u) => u.id > 100 && u.active && u.type === 'employee');
    const { page, frame } = await openCard(browser, sim);
    const before = await requests(sim);
    await frame.locator('.finder .search').pressSequentially(target.name, { delay: 60 });
    const typed = Date.now();
    await frame.locator('.search-results .person-button, .finder .form-note').first().waitFor({ timeout: 30000 });
    const answerMs = Date.now() - typed;
    const results = await frame.locator('.search-results .person-button').count();
    const used = await requests(sim) - before;
    await page.close();
    return { directory: 50000, typed: target.name.length, requests: used, results, answerMs };
  } finally {
    sim.stop();
  }
}

const browser = await launch();
try {
  console.log(JSON.stringify({ latencyMs: latency, colleagues: await colleagues(browser), search: await search(browser) }));
} finally {
  await browser.close();
}
