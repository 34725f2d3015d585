// The first paint (src/first_paint): the small binary draws the card before the app has been
// downloaded, the app takes it over without a second REST request, and the two are never in
// the page together. The app's download is held back here, so that the drawn card can be
// looked at on its own.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { control } from './support/portal.mjs';
import { openPage, handlerFrame } from './support/browser.mjs';
import { useSimulator } from './support/suite.mjs';
import { gotoPortal } from './support/widget.mjs';

let sim, browser;
useSimulator((started) => ({ sim, browser } = started), { reset: {} });

/** Records, in every frame, the most cards ever present at once and when each first showed. */
function watchCards() {
  window.__cards = { most: 0, drawnAt: null, appAt: null };
  const observer = new MutationObserver(() => {
    const drawn = document.querySelectorAll('.first-card, #drawn-name').length > 0;
    const app = document.querySelectorAll('.profile-card, #person-name').length > 0;
    const cards = window.__cards;
    cards.most = Math.max(cards.most, document.querySelectorAll('.first-card, .profile-card').length);
    if (drawn && document.querySelector('#person-name')) cards.most = 99; // both names at once
    if (drawn && cards.drawnAt === null) cards.drawnAt = performance.now();
    if (app && cards.appAt === null) cards.appAt = performance.now();
  });
  observer.observe(document, { childList: true, subtree: true });
}

/** Holds the app's files back until `release()` is called. With `fail`, every request of its
 * JS is answered with a dropped connection until `allow()` is called (the first paint preloads
 * the JS and the wasm, and the import may ask again); `failures()` counts them. */
async function holdApp(page, { fail = false } = {}) {
  let release;
  const released = new Promise((resolve) => { release = resolve; });
  let failing = fail;
  let failures = 0;
  await page.route(/\/profile-widget-[0-9a-f]{16}(_bg\.wasm|\.js|-parts\.js)(\?.*)?$/, async (route) => {
    if (failing && /\.js(\?.*)?$/.test(route.request().url())) {
      failures += 1;
      return route.abort('connectionreset');
    }
    await released;
    return route.continue();
  });
  return Object.assign(release, { allow: () => { failing = false; }, failures: () => failures });
}

const text = (frame, selector) => frame.locator(selector).evaluateAll((nodes) =>
  nodes.map((n) => n.textContent.replace(/\s+/g, ' ').trim()));

/** The header, actions, contacts and facts of a card, as text. */
async function cardText(frame, root) {
  return {
    mode: await text(frame, `${root} .mode`),
    name: await text(frame, `${root} h1`),
    position: await text(frame, `${root} .position`),
    badges: await text(frame, `${root} .badges`),
    presence: await text(frame, `${root} .presence`),
    actions: await text(frame, `${root} nav.actions button, ${root} nav.actions a, ${root} .action .why`),
    contacts: await text(frame, `${root} .contacts dt, ${root} .contacts dd a, ${root} .contacts dd button`),
    links: await frame.locator(`${root} .contacts dd a`).evaluateAll((a) => a.map((n) => n.getAttribute('href'))),
    facts: await text(frame, `${root} .facts dt, ${root} .facts dd`),
    photo: await frame.locator(`${root} .avatar img`).evaluateAll((i) => i.map((n) => n.getAttribute('src'))),
  };
}

test('the card is drawn before the app is downloaded, and the app takes it over with no second request', async () => {
  const { page, problems } = await openPage(browser);
  await page.addInitScript(watchCards);
  const release = await holdApp(page);
  await gotoPortal(page, sim);
  const before = (await control(sim.portal, '/sim/api/log')).requests;
  await page.click('#open-toolbar-placement');
  const frameLocator = page.frameLocator('iframe');
  await frameLocator.locator('.first-card').waitFor({ timeout: 15000 });
  const frame = handlerFrame(page);
  const state = await control(sim.portal, '/sim/api/state');
  assert.equal(await frame.locator('#drawn-name').textContent(), state.card.name);
  assert.equal(await frame.locator('.profile-card').count(), 0, 'the app is still on its way');
  // Everything the drawn card needed came before the app: its files were never asked for.
  const fetched = await frame.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
  assert.ok(fetched.some((name) => /\/paint-[0-9a-f]{8,16}_bg\.wasm$/.test(name)), fetched.join('\n'));
  assert.ok(!fetched.some((name) => /\/profile-widget-[0-9a-f]{16}(_bg\.wasm|\.js|-parts\.js)/.test(name)), fetched.join('\n'));
  assert.equal((await control(sim.portal, '/sim/api/log')).requests - before, 1);
  const drawn = await cardText(frame, '.first-card');
  // A contact link focused in the drawn card keeps the focus when the app takes over.
  const firstLink = frameLocator.locator('.first-card .contacts a').first();
  await firstLink.focus();
  const focusedHref = await firstLink.getAttribute('href');

  release();
  await frameLocator.locator('.profile-card .actions .message').waitFor({ timeout: 15000 });
  await frame.waitForFunction((href) => document.activeElement?.closest('.profile-card')
    && document.activeElement.getAttribute('href') === href, focusedHref, { timeout: 2000 });
  assert.equal(await frame.locator('.first-card').count(), 0, 'the drawn card is retired');
  assert.deepEqual(await cardText(frame, '.profile-card'), drawn, 'both renderers say the same');
  const cards = await frame.evaluate(() => window.__cards);
  assert.equal(cards.most, 1, 'never two cards at once');
  assert.ok(cards.drawnAt < cards.appAt, JSON.stringify(cards));
  assert.equal((await control(sim.portal, '/sim/api/log')).requests - before, 1, 'the app took the request over');
  // The app's card works: an action reaches the portal.
  await frame.locator('.actions .message').click();
  await page.waitForFunction(() => window.__simLog.some((e) => e.text.includes('open messenger')));
  assert.deepEqual(problems, []);
  await page.close();
});

/** Holds the BX24 library back until `release()` is called (it is loaded after the card);
 * `requests()` counts its requests. With `fail`, every request is answered with a dropped
 * connection until `heal()` is called (the first paint and the app may each have asked). */
async function holdLibrary(page, { fail = false } = {}) {
  let release;
  const released = new Promise((resolve) => { release = resolve; });
  let requests = 0;
  let failing = fail;
  await page.route(/\/bx24\/api\/v1\//, async (route) => {
    requests += 1;
    if (failing) return route.abort('connectionreset');
    await released;
    return route.continue();
  });
  return Object.assign(release, { requests: () => requests, heal: () => { failing = false; } });
}

const logged = (page, text) => page.waitForFunction((t) => window.__simLog.some((e) => e.text.includes(t)), text,
  { timeout: 5000 });

test('the drawn card works before the library and the app arrive; a tool pressed early opens once', async () => {
  const { page, problems } = await openPage(browser);
  const releaseApp = await holdApp(page);
  const library = await holdLibrary(page);
  await gotoPortal(page, sim);
  await control(sim.portal, '/sim/api/settings', { scopes: ['user', 'department', 'im', 'task', 'calendar', 'log'] });
  await page.click('#open-toolbar-placement');
  const frame = page.frameLocator('iframe');
  await frame.locator('.first-card .actions .message').waitFor({ timeout: 15000 });
  // Reaching the person goes to the portal at once, through the page's loader.
  await frame.locator('.first-card .actions .message').click();
  await logged(page, 'open messenger');
  await frame.locator('.first-card .actions .video').click();
  await logged(page, 'video call');
  await frame.locator('.first-card .actions .profile').click();
  await page.locator('#overlay-title').filter({ hasText: 'Portal page' }).waitFor();
  await page.click('#overlay-close');
  assert.equal(await frame.locator('.profile-card').count(), 0, 'the app is still on its way');
  // A tool's form is the app's: pressed now, it shows as loading and opens when the app comes.
  await frame.locator('.first-card .tools .task').click();
  assert.equal(await frame.locator('.first-card .tools .task').getAttribute('aria-busy'), 'true');
  await frame.locator('.first-card .actions .call').focus();
  assert.ok(library.requests() <= 1, 'the library was not needed for any of it');
  library();
  releaseApp();
  await frame.locator('.profile-card #tool-panel .panel').waitFor({ timeout: 15000 });
  assert.equal(await frame.locator('#tool-panel .panel').count(), 1, 'opened once');
  assert.equal(await frame.locator('.profile-card .tools .task').getAttribute('aria-expanded'), 'true');
  const focused = await handlerFrame(page).evaluate(() => document.activeElement?.closest('.profile-card')
    && document.activeElement.className);
  assert.match(focused || '', /\bcall\b/, 'the focused action keeps the focus');
  // The app's own buttons work too, and nothing was sent twice.
  const before = await page.evaluate(() => window.__simLog.filter((e) => e.text.includes('open messenger')).length);
  assert.equal(before, 1);
  await frame.locator('.profile-card .actions .message').click();
  await page.waitForFunction(() => window.__simLog.filter((e) => e.text.includes('open messenger')).length === 2);
  assert.deepEqual(problems, []);
  await page.close();
});

test('a vCard pressed on the drawn card is downloaded once, when the app arrives', async () => {
  const { page, problems } = await openPage(browser);
  const downloads = [];
  page.on('download', (download) => downloads.push(download.suggestedFilename()));
  const releaseApp = await holdApp(page);
  await gotoPortal(page, sim);
  await page.click('#open-toolbar-placement');
  const frame = page.frameLocator('iframe');
  // The vCard's writer is the app's: on the drawn card it is a button that waits for it.
  const drawn = frame.locator('.first-card .tools button.vcard');
  await drawn.click({ timeout: 15000 });
  assert.equal(await drawn.getAttribute('aria-busy'), 'true');
  await page.waitForTimeout(300);
  assert.deepEqual(downloads, [], 'nothing to download before the app');
  assert.equal(await frame.locator('.profile-card').count(), 0, 'the app is still on its way');
  releaseApp();
  const link = frame.locator('.profile-card .tools a.vcard');
  await link.waitFor({ timeout: 15000 });
  for (let i = 0; i < 50 && downloads.length === 0; i += 1) await page.waitForTimeout(100);
  await page.waitForTimeout(500);
  const name = await link.getAttribute('download');
  assert.match(name, /\.vcf$/);
  assert.deepEqual(downloads, [name], 'downloaded once, as the app names it');
  await link.click();
  for (let i = 0; i < 50 && downloads.length === 1; i += 1) await page.waitForTimeout(100);
  assert.deepEqual(downloads, [name, name], 'the app\'s own link downloads too');
  assert.deepEqual(problems, []);
  await page.close();
});

test('the first paint, whose allocator never frees, stays small: after the card and 500 presses', async () => {
  const { page, problems } = await openPage(browser);
  await page.addInitScript(() => {
    addEventListener('TrunkApplicationStarted', (e) => { window.__paint = e.detail.wasm; });
  });
  const releaseApp = await holdApp(page);
  await gotoPortal(page, sim);
  await page.click('#open-toolbar-placement');
  const frame = page.frameLocator('iframe');
  await frame.locator('.first-card .contacts .copy').first().waitFor({ timeout: 15000 });
  const memory = () => handlerFrame(page).evaluate(() => window.__paint.memory.buffer.byteLength);
  const drawn = await memory();
  // Presses that allocate in the first paint: copy (a task and a timer each) and a chip.
  await handlerFrame(page).evaluate(() => {
    for (let i = 0; i < 250; i += 1) document.querySelector('.first-card .copy').click();
    for (let i = 0; i < 250; i += 1) document.querySelector('.first-card .chip').click();
  });
  await page.waitForTimeout(200);
  const pressed = await memory();
  console.log(`first paint memory: ${drawn} B drawn, ${pressed} B after 500 presses`);
  assert.ok(drawn <= 2 * 1024 * 1024, `drawn: ${drawn} B`);
  assert.ok(pressed - drawn <= 1024 * 1024, `500 presses: +${pressed - drawn} B`);
  releaseApp();
  await frame.locator('.profile-card').waitFor({ timeout: 15000 });
  assert.deepEqual(problems, []);
  await page.close();
});

/** Opens the employee card and waits for the drawn card and the download failure said under
 * it, in the user's words. */
async function openToFailure(page) {
  await gotoPortal(page, sim);
  await page.click('#open-toolbar-placement');
  const frame = page.frameLocator('iframe');
  await frame.locator('.first-card').waitFor({ timeout: 15000 });
  const failed = frame.locator('.first-paint .load-failed');
  await failed.waitFor({ timeout: 15000 });
  assert.match(await failed.textContent(), /network|connection/i);
  return { frame, failed };
}

test('a library that cannot be downloaded is said so under the drawn card, and Retry loads it', async () => {
  const { page } = await openPage(browser);
  const library = await holdLibrary(page, { fail: true });
  library();
  const { frame, failed } = await openToFailure(page);
  const refused = library.requests();
  assert.ok(refused >= 1, 'the library\'s download was refused');
  library.heal();
  await failed.locator('button').click();
  await frame.locator('.profile-card .actions .message').waitFor({ timeout: 15000 });
  assert.equal(library.requests(), refused + 1, 'Retry asked for it once more');
  assert.equal(await frame.locator('.first-card, .load-failed').count(), 0);
  await page.close();
});

test('the page sends the card\'s request before any wasm arrives, and the wasm takes it over', async () => {
  const { page, problems } = await openPage(browser);
  let release;
  const released = new Promise((resolve) => { release = resolve; });
  await page.route(/\/paint-[0-9a-f]{8,16}_bg\.wasm$/, async (route) => { await released; return route.continue(); });
  await gotoPortal(page, sim);
  const before = (await control(sim.portal, '/sim/api/log')).requests;
  await page.click('#open-toolbar-placement');
  // With the first paint's wasm held back, only the page's inline loader can send it.
  const deadline = Date.now() + 10000;
  while ((await control(sim.portal, '/sim/api/log')).requests === before && Date.now() < deadline) {
    await page.waitForTimeout(50);
  }
  assert.equal((await control(sim.portal, '/sim/api/log')).requests - before, 1, 'sent by the loader');
  release();
  const frameLocator = page.frameLocator('iframe');
  await frameLocator.locator('.profile-card .actions .message').waitFor({ timeout: 15000 });
  const frame = handlerFrame(page);
  const marks = await frame.evaluate(() => performance.getEntriesByType('mark').map((m) => m.name));
  assert.ok(marks.includes('profile:early-request'), marks.join(' '));
  assert.ok(marks.includes('profile:card'), 'the first paint drew from it: ' + marks.join(' '));
  assert.equal((await control(sim.portal, '/sim/api/log')).requests - before, 1, 'and nobody sent it again');
  assert.deepEqual(problems, []);
  await page.close();
});

test('an app that cannot be downloaded is said so under the drawn card, and Retry loads it', async () => {
  const { page } = await openPage(browser);
  const hold = await holdApp(page, { fail: true });
  hold();
  const { frame, failed } = await openToFailure(page);
  assert.ok(hold.failures() >= 1, 'the app\'s download was refused');
  await frame.locator('#drawn-name').waitFor();
  hold.allow();
  await failed.locator('button').focus();
  await page.keyboard.press('Enter');
  await frame.locator('.profile-card .actions .message').waitFor({ timeout: 15000 });
  assert.equal(await frame.locator('.first-card, .load-failed').count(), 0);
  await page.close();
});

test('placements the first paint does not draw go to the app at once', async () => {
  // The application's own page (DEFAULT): the install page, from the app alone.
  const { page, problems } = await openPage(browser);
  await gotoPortal(page, sim);
  await page.click('#open-app');
  const frame = page.frameLocator('iframe');
  await frame.locator('.install').waitFor({ timeout: 15000 });
  assert.equal(await frame.locator('.first-card').count(), 0);
  const marks = await handlerFrame(page).evaluate(() => performance.getEntriesByType('mark').map((m) => m.name));
  assert.ok(!marks.includes('profile:early-request'), 'no card, no early request: ' + marks.join(' '));
  assert.deepEqual(problems, []);
  await page.close();
});
