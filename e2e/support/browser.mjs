// Debian's Chromium driven by playwright-core (never a downloaded browser), with every
// console error and uncaught exception of every frame collected for assertions.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { chromium } = require('../../tools/node_modules/playwright-core');

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
      '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic'],
  });
}

export async function openPage(browser) {
  const page = await browser.newPage();
  const problems = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console.error: ${msg.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  page.on('requestfailed', (request) => problems.push(`request failed: ${request.url()}`));
  return { page, problems };
}

/** The widget's frame inside a portal page (the iframe loaded from the handler URL). */
export function handlerFrame(page) {
  return page.frames().find((f) => f.url().includes('/handler/'));
}
