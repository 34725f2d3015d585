// Debian's Chromium driven by playwright-core, or Debian's firefox-esr over WebDriver BiDi
// (never a downloaded browser), with every console error and uncaught exception of every frame
// collected for assertions.
import { createRequire } from 'node:module';
import { launchFirefox } from './firefox.mjs';

const require = createRequire(import.meta.url);
const { chromium } = require('../../tools/node_modules/playwright-core');

/** The browsers the fault table is measured in. */
export const BROWSERS = ['chromium', 'firefox'];

export async function launch(name = 'chromium') {
  // Debian's firefox-esr over WebDriver BiDi through geckodriver (see firefox.mjs).
  if (name === 'firefox') return launchFirefox();
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
