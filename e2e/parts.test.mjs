// The app's parts loaded on use (src/ui/parts.rs, scripts/split-app.sh), in Chromium and
// Firefox: the release build fetches the forms and the colleagues' lists only after the card,
// a tool pressed while its part is on its way opens once when it arrives, and a part that
// cannot be downloaded is said with a retry that downloads it again. The simulator's app host
// holds back or refuses the parts' downloads (`parts_held`, `parts_refused`) and counts them.
import { test, before, after, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { startPortal, control } from './support/portal.mjs';
import { BROWSERS, launch } from './support/browser.mjs';
import { openWidgetIn } from './support/widget.mjs';

// A simulator per test: a part one test downloaded is in the browser's cache for good (its
// name is hashed), and Firefox's tabs share one cache; a new port is a new origin.
let sim;
const browsers = {};
before(async () => {
  for (const name of BROWSERS) browsers[name] = await launch(name);
});
beforeEach(async () => { sim = await startPortal(); });
afterEach(() => sim?.stop());
after(async () => {
  for (const browser of Object.values(browsers)) await browser.close();
});

const log = () => control(sim.portal, '/sim/api/log');
const settings = (patch) => control(sim.portal, '/sim/api/settings', patch);
const count = (handle, selector) => handle.evaluate((s) => document.querySelectorAll(s).length, selector);

/** Waits until `selector` matches `n` elements of the frame (the tool panel and the lists). */
async function waitForCount(handle, selector, n, timeout = 15000) {
  const deadline = Date.now() + timeout;
  while (await count(handle, selector) !== n) {
    if (Date.now() > deadline) throw new Error(`${selector}: ${await count(handle, selector)} found, not ${n}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The problems left once the browser's and the part loader's console reports of a refused
 * download are set aside (they name the part's file, or the 503; Firefox says only that a fetch
 * failed). An uncaught exception is never set aside. */
const REFUSAL = /-(part|shared)-\w+\.wasm|-parts\.js|status of 503|NetworkError when attempting to fetch/;
const besidesRefusals = (problems) => problems.filter((p) => !(p.startsWith('console.error: ') && REFUSAL.test(p)));

for (const name of BROWSERS) {
  test(`${name}: a tool pressed while its part is on its way shows as loading, opens once, and sends once`, async () => {
    const { page, problems, frame, handle } = await openWidgetIn(browsers[name], sim, { settings: { parts_held: true } });
    // The card works without its parts; the lists below it wait for theirs.
    await frame.locator('.part-loading').waitFor({ timeout: 5000 });
    await frame.locator('.tools .task').click();
    await frame.locator('#tool-panel .part-loading[aria-busy="true"]').waitFor({ timeout: 5000 });
    assert.equal(await count(handle, '.task-form'), 0, 'the form is not here before its part');
    assert.equal((await log()).part_downloads, 0, 'every part download is held');
    await settings({ parts_held: false });
    await frame.locator('.task-form input[name=title]').waitFor({ timeout: 15000 });
    await frame.locator('.people .tab').first().waitFor({ timeout: 15000 });
    assert.equal(await count(handle, '#tool-panel .panel'), 1, 'one panel');
    assert.equal(await count(handle, '.task-form'), 1, 'one form');
    assert.equal(await count(handle, '.part-loading'), 0);
    assert.ok((await log()).part_downloads >= 2, 'the parts came from the host');
    // The form from the part works end to end: one task, recorded once.
    await frame.locator('.task-form input[name=title]').fill('Sent from a part');
    await frame.locator('.task-form button[type=submit]').click();
    await frame.locator('.task-form .form-note.done').waitFor({ timeout: 10000 });
    const { writes } = await log();
    assert.deepEqual(writes.map((w) => w.method), ['tasks.task.add']);
    assert.deepEqual(problems, []);
    await page.close();
  });

  test(`${name}: the tools part's meeting and appreciation send, the people part's lists and search open a card`, async () => {
    // They work in the browser's time zone: every hour of my day suits them.
    await control(sim.portal, '/sim/api/person', { id: 2, time_zone: Intl.DateTimeFormat().resolvedOptions().timeZone });
    const { page, problems, frame, handle } = await openWidgetIn(browsers[name], sim);
    await frame.locator('.tools .meeting').click();
    await frame.locator('.meeting-form input[name=name]').fill('Planning');
    await frame.locator('.meeting-form select[name=day]:enabled').waitFor({ timeout: 10000 });
    // Tomorrow or later (the driver has no selectOption): as a user's choice, with its event.
    await handle.evaluate(() => {
      const day = document.querySelector('.meeting-form select[name=day]');
      day.selectedIndex = 1;
      day.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await frame.locator('.meeting-form .slot input').first().waitFor({ timeout: 10000 });
    await handle.evaluate(() => [...document.querySelectorAll('.meeting-form .slot input')].at(-1).click());
    await frame.locator('.meeting-form button[type=submit]').click();
    await frame.locator('.meeting-form .form-note.done').waitFor({ timeout: 10000 });
    await frame.locator('.tools .thanks').click();
    await handle.evaluate(() => document.querySelectorAll('.thanks-form .medal input')[2].click());
    await frame.locator('.thanks-form textarea[name=message]').fill('Thanks for the release!');
    await frame.locator('.thanks-form button[type=submit]').click();
    await frame.locator('.thanks-form .form-note.done').waitFor({ timeout: 10000 });
    const { writes } = await log();
    assert.deepEqual(writes.map((w) => w.method), ['calendar.event.add', 'log.blogpost.add']);
    assert.equal(writes[0].params.name, 'Planning');
    assert.equal(writes[1].params.GRATITUDE_MEDAL, 'cup');
    // The people part: a colleague list, and the search, which opens a colleague's card.
    await frame.locator('.people [role=tab]').first().click();
    await frame.locator('.people-list .person-button').first().waitFor({ timeout: 10000 });
    const { users } = await control(sim.portal, '/sim/api/state');
    const target = users.find((u) => u.id > 10 && u.active && u.type === 'employee');
    await frame.locator('.finder .search').fill(target.name);
    await frame.locator('.search-results .person-button').first().waitFor({ timeout: 10000 });
    await frame.locator('.search-results .person-button').first().click();
    await frame.locator('.back').waitFor({ timeout: 10000 });
    assert.deepEqual(problems, []);
    await page.close();
  });

  test(`${name}: a part that cannot be downloaded is said with a retry, which downloads it again`, async () => {
    const { page, problems, frame, handle } = await openWidgetIn(browsers[name], sim, { settings: { parts_refused: 1000 } });
    await frame.locator('.tools .meeting').click();
    await frame.locator('#tool-panel .part-missing button').waitFor({ timeout: 15000 });
    await waitForCount(handle, '.part-missing[role="alert"]', 2);
    const refused = await log();
    assert.ok(refused.part_refusals >= 2, `the refusals fired: ${JSON.stringify(refused)}`);
    assert.equal(refused.part_refusals, refused.part_downloads, 'every download was refused');
    assert.equal(await count(handle, '.meeting-form'), 0);
    // Back on line: each Retry downloads again, and nothing is sent meanwhile.
    await settings({ parts_refused: 0 });
    await frame.locator('#tool-panel .part-missing button').click();
    await frame.locator('.meeting-form').waitFor({ timeout: 15000 });
    await frame.locator('.part-missing button').click();
    await frame.locator('.people .tab').first().waitFor({ timeout: 15000 });
    assert.equal(await count(handle, '.part-missing'), 0);
    const after = await log();
    assert.ok(after.part_downloads > refused.part_downloads, 'Retry downloaded again');
    assert.equal(after.part_refusals, refused.part_refusals);
    assert.deepEqual(after.writes, []);
    assert.deepEqual(besidesRefusals(problems), []);
    await page.close();
  });
}
