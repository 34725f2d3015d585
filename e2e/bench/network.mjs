// Benchmark (not a test): the first card on a modeled network. Chrome DevTools Protocol network
// emulation puts every request of the portal page and its frame behind the same latency and
// bandwidth; the simulator adds nothing. Each cold run opens a new browser context (an empty
// cache); the warm run opens the card a second time in that context. Bytes on the wire come from
// the frame's Resource Timing (`transferSize`; the portal's answers carry Timing-Allow-Origin).
// Targets: the widget (dist/), and three references built the same day (bench/): the official
// SDK with sequential calls, the SDK with one callBatch, and a hand-written card with the BX24
// library and one callBatch. All are served by the same host, compressed the same way.
// Prints one JSON object. Usage: node e2e/bench/network.mjs [runs] [latencyMs] [mbps]
// BENCH_TARGETS=widget,by-hand measures only those; BENCH_ENTRIES=1 prints every request of
// the first cold and warm run (name, end, bytes) to stderr.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startPortal, root } from '../support/portal.mjs';
import { launch, handlerFrame } from '../support/browser.mjs';
import { watchPaints } from './paints.mjs';
import { gotoPortal } from '../support/widget.mjs';

const runs = Number(process.argv[2] || 10);
const latencyMs = Number(process.argv[3] || 100);
const mbps = Number(process.argv[4] || 10);
const sdk = path.join(root, 'tools/node_modules/@bitrix24/b24jssdk/dist/umd/index.min.js');
// The references' files; the SDK cards share bench/reference/index.html (the SDK, then app.js).
const TARGETS = {
  widget: null,
  // The build of the commit the work started from (scripts/bench.sh builds it), served alike.
  ...(process.env.BENCH_START_DIST ? { start: { dist: process.env.BENCH_START_DIST } } : {}),
  'sdk-sequential': { files: ['bench/reference/index.html', 'bench/reference/app.js'], sdk: true },
  'sdk-batch': { files: ['bench/reference/index.html', 'bench/sdk-batch/app.js'], sdk: true },
  'by-hand': { files: ['bench/hand/index.html'], sdk: false },
};

/** A dist directory for a reference: its files, the SDK if it uses it, compressed copies. */
function referenceDist({ files, sdk: withSdk }) {
  const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'reference-'));
  for (const file of files) fs.copyFileSync(path.join(root, file), path.join(dist, path.basename(file)));
  if (withSdk) fs.copyFileSync(sdk, path.join(dist, 'b24jssdk.js'));
  execFileSync('bash', [path.join(root, 'scripts/precompress.sh'), dist]);
  return dist;
}

/** Opens the portal, then the card (the toolbar placement), and measures it in the frame. */
async function openCard(page, sim) {
  await gotoPortal(page, sim, { timeout: 60000 });
  await page.click('#open-toolbar-placement');
  await page.frameLocator('iframe').locator('.profile-card').waitFor({ timeout: 60000 });
  const frame = handlerFrame(page);
  await frame.waitForFunction(() => typeof window.__painted === 'number'
    && typeof window.__interactive === 'number', null, { timeout: 60000 });
  // Whatever the card loads right after (photos, the app's own requests) is counted too.
  await page.waitForTimeout(1000);
  return frame.evaluate(() => {
    const navigation = performance.getEntriesByType('navigation')[0];
    const entries = [navigation, ...performance.getEntriesByType('resource')]
      .map((e) => ({ name: e.name, end: e.responseEnd, bytes: e.transferSize }));
    return { painted: window.__painted, interactive: window.__interactive, entries };
  });
}

/** What a request of the frame is, by its address (the widget's files; anything else is the
 * references' or the portal's). */
function partOf(name) {
  const { pathname } = new URL(name);
  if (pathname.includes('/rest/')) return 'rest';
  if (pathname.startsWith('/bx24/') || name.includes('api.bitrix24.com')) return 'library';
  if (/\/texts-[a-z]+-card-/.test(pathname)) return 'texts (first screen)';
  if (/\/texts-[a-z]+-app-/.test(pathname)) return 'texts (the rest)';
  const part = pathname.match(/\/profile-widget-[0-9a-f]+-part-(\w+)\.wasm$/);
  if (part) return `app part ${part[1]} (on use)`;
  if (/\/profile-widget-[0-9a-f]+-shared-\w+\.wasm$/.test(pathname)) return 'app parts, shared (on use)';
  if (/\/profile-widget-/.test(pathname)) return 'app';
  if (/\/(paint-|snippets\/)/.test(pathname)) return 'first paint';
  if (pathname.endsWith('.css')) return 'styles';
  if (pathname.endsWith('.js') || pathname.endsWith('.wasm')) return 'code';
  if (/\.(png|jpe?g|svg|webp|gif)$/.test(pathname)) return 'photos';
  return 'page';
}

function summarize(sample) {
  const before = sample.entries.filter((e) => e.end <= sample.painted);
  const sum = (list) => list.reduce((total, e) => total + e.bytes, 0);
  const parts = {};
  for (const e of sample.entries) parts[`part:${partOf(e.name)}`] = (parts[`part:${partOf(e.name)}`] || 0) + e.bytes;
  return {
    painted: sample.painted,
    interactive: sample.interactive,
    bytesBeforeCard: sum(before),
    bytesUntilInteractive: sum(sample.entries.filter((e) => e.end <= sample.interactive)),
    bytes: sum(sample.entries),
    ...parts,
    requests: sample.entries.length,
    restBeforeCard: before.filter((e) => e.name.includes('/rest/')).length,
  };
}

const median = (values) => {
  const sorted = values.filter((v) => v !== null).sort((a, b) => a - b);
  return sorted.length ? sorted[Math.floor((sorted.length - 1) / 2)] : null;
};
const medians = (list) => {
  const keys = [...new Set(list.flatMap((s) => Object.keys(s)))];
  return Object.fromEntries(keys.map((key) => [key, median(list.map((s) => s[key] ?? 0))]));
};
const range = (list, key) => [Math.min(...list.map((s) => s[key])), Math.max(...list.map((s) => s[key]))];

const browser = await launch();
const results = {};
try {
  const only = process.env.BENCH_TARGETS?.split(',');
  for (const [name, source] of Object.entries(TARGETS).filter(([n]) => !only || only.includes(n))) {
    const dist = source && (source.dist || referenceDist(source));
    const sim = await startPortal(dist ? { dist } : {});
    const cold = [];
    const warm = [];
    try {
      for (let run = 0; run < runs; run++) {
        const context = await browser.newContext();
        const page = await context.newPage();
        await page.addInitScript(watchPaints);
        const cdp = await context.newCDPSession(page);
        await cdp.send('Network.enable');
        const bytesPerSecond = (mbps * 1e6) / 8;
        await cdp.send('Network.emulateNetworkConditions', {
          offline: false, latency: latencyMs, downloadThroughput: bytesPerSecond, uploadThroughput: bytesPerSecond,
        });
        for (const samples of [cold, warm]) {
          const sample = await openCard(page, sim);
          if (process.env.BENCH_ENTRIES && run === 0) {
            process.stderr.write(`${name} painted ${sample.painted.toFixed(0)} ms, interactive ${sample.interactive.toFixed(0)} ms\n`);
            for (const e of sample.entries) process.stderr.write(`  ${e.end.toFixed(0).padStart(5)} ms ${String(e.bytes).padStart(7)} B  ${e.name}\n`);
          }
          samples.push(summarize(sample));
        }
        await context.close();
      }
    } finally {
      sim.stop();
      if (dist && !source.dist) fs.rmSync(dist, { recursive: true, force: true });
    }
    results[name] = {
      cold: medians(cold), warm: medians(warm),
      coldPaintedRange: range(cold, 'painted'), warmPaintedRange: range(warm, 'painted'),
    };
    process.stderr.write(`${name}: ${JSON.stringify(results[name])}\n`);
  }
} finally {
  await browser.close();
}
console.log(JSON.stringify({ runs, latencyMs, mbps, targets: results }));
