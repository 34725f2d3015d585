// Accessibility audited by axe-core (npm, pinned in scripts/versions.env) on every state of the
// widget: both placements, each form (empty, invalid, sending, done, failed), the lists, the
// search and a chip's colleagues, the install page (admin and not), each error — in the light
// look, the dark one and right to left (Arabic). The goal: no violation of WCAG 2.0–2.2 A and
// AA, nor of axe's best practices. Only the widget's frame is audited (the simulator's portal
// page around it stands in for Bitrix24's and is not ours).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { control, root } from './support/portal.mjs';
import { handlerFrame } from './support/browser.mjs';
import { useSimulator } from './support/suite.mjs';
import { openWidgetIn } from './support/widget.mjs';

let sim, browser;
useSimulator((started) => ({ sim, browser } = started), { reset: {} });

const AXE = fs.readFileSync(path.join(root, 'tools/node_modules/axe-core/axe.min.js'), 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa', 'best-practice'];
/** The looks every state is audited in: the portal's default, the dark one, right to left. */
const LOOKS = [
  { name: 'light' },
  { name: 'dark', theme: 'dark' },
  { name: 'rtl', lang: 'ar' },
];

const audited = [];

/** What the frame shows of its look: the dark class on `<html>`, and `<main>`'s direction. */
const lookOf = (frame) => frame.evaluate(() => ({
  dark: document.documentElement.classList.contains('dark'),
  dir: document.querySelector('main')?.getAttribute('dir') || 'ltr',
}));

/** Runs axe in the widget's frame; fails with every violation, its rule and its elements.
 *  The frame must show `look` first, so that no state is audited in the wrong look. */
async function audit(page, state, look) {
  const frame = handlerFrame(page);
  const expected = { dark: look.theme === 'dark', dir: look.lang === 'ar' ? 'rtl' : 'ltr', ...look.expect };
  assert.deepEqual(await lookOf(frame), expected, `${state}: the frame does not show the ${look.name} look`);
  const violations = await axeViolations(frame);
  audited.push(state);
  assert.deepEqual(violations, [], `${state}: axe found violations`);
}

/** axe's violations in the frame, each with its rule and first elements. */
async function axeViolations(frame) {
  await frame.evaluate(AXE);
  return frame.evaluate(async (tags) => {
    const result = await window.axe.run(document, { runOnly: { type: 'tag', values: tags } });
    const brief = (v) => ({
      rule: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 4).map((n) => n.target.join(' ')),
    });
    // Contrast axe leaves undecided (rows scrolled out of their list's view) is not counted:
    // e2e/look.test.mjs checks every visible text's contrast by hand in both looks.
    return result.violations.map(brief);
  }, TAGS);
}

/** The portal page with a placement of the widget opened in `look`; `waitFor` in the frame. */
const open = (look, { placement = 'USER_PROFILE_TOOLBAR', waitFor = '.profile-card', settings = {} } = {}) =>
  openWidgetIn(browser, sim, {
    lang: look.lang, theme: look.theme, settings, placement, waitFor, viewport: { width: 1280, height: 900 },
  });

for (const look of LOOKS) {
  test(`the cards, their panels and lists have no violation (${look.name})`, async () => {
    const { page, frame } = await open(look);
    await frame.locator('.finder .search').waitFor();
    await audit(page, `colleague's card, ${look.name}`, look);
    // A chip's colleagues, and about me unfolded.
    await frame.locator('.interests .chip').first().click();
    // The list has arrived (the demo company's colleagues share its tags), and the note
    // is unfolded.
    await frame.locator('.sharing .person-button').first().waitFor();
    await frame.locator('.about .more').first().click();
    await frame.locator('.about .more[aria-expanded=true]').first().waitFor();
    await audit(page, `a chip's colleagues and about me unfolded, ${look.name}`, look);
    // The colleague list, then the search.
    await frame.locator('.tab').first().click();
    await frame.locator('.people-list .person-button').first().waitFor();
    await audit(page, `the colleague list, ${look.name}`, look);
    await frame.locator('.finder .search').pressSequentially('a', { delay: 30 });
    await frame.locator('.search-results .person-button').first().waitFor();
    await audit(page, `search results, ${look.name}`, look);
    await page.close();

    const mine = await open(look, { placement: 'USER_PROFILE_MENU' });
    await mine.frame.locator('.tools .qr').click();
    await mine.frame.locator('.qr svg').waitFor();
    await audit(mine.page, `my card with its QR code, ${look.name}`, look);
    await mine.page.close();
  });

  test(`every form in every state has no violation (${look.name})`, async () => {
    const { page, frame } = await open(look);
    await frame.locator('.tools .task').click();
    const task = frame.locator('.task-form');
    await task.locator('input[name=title]').waitFor();
    await audit(page, `task form, empty, ${look.name}`, look);
    await task.locator('button[type=submit]').click();
    await task.locator('.form-note.invalid').waitFor();
    await audit(page, `task form, invalid, ${look.name}`, look);
    await task.locator('input[name=title]').fill('Audit');
    await task.locator('button[type=submit]').click();
    await task.locator('.form-note.done').waitFor();
    await audit(page, `task form, done, ${look.name}`, look);
    // Failed: the portal fails inside the method, so the task may exist.
    await task.locator('input[name=title]').fill('Audit again');
    await control(sim.portal, '/sim/api/settings', { fault: 'server_error', fault_count: 1 });
    await task.locator('button[type=submit]').click();
    await task.locator('.write-unknown').waitFor({ timeout: 30000 });
    await audit(page, `task form, failed (may exist), ${look.name}`, look);
    assert.equal((await control(sim.portal, '/sim/api/log')).faults_fired.server_error, 1, 'the fault fired');

    await frame.locator('.tools .meeting').click();
    await frame.locator('.meeting-form').waitFor();
    await frame.locator('.meeting-form select[name=day]:not([disabled])').waitFor();
    await audit(page, `meeting form with its slots, ${look.name}`, look);
    await frame.locator('.tools .thanks').click();
    const thanks = frame.locator('.thanks-form');
    await thanks.waitFor();
    await audit(page, `appreciation form, ${look.name}`, look);
    // Sending: the portal holds the answer for 30 s.
    await thanks.locator('textarea[name=message]').fill('Thanks for the audit');
    await control(sim.portal, '/sim/api/settings', { fault: 'slow', fault_count: 1 });
    await thanks.locator('button[type=submit]').click();
    await thanks.locator('button[type=submit][disabled]').waitFor();
    await audit(page, `appreciation form, sending, ${look.name}`, look);
    await page.close();
  });

  test(`the install page and every error have no violation (${look.name})`, async () => {
    const admin = await open(look, { placement: 'DEFAULT', waitFor: '.install-form' });
    await audit(admin.page, `install page, admin, ${look.name}`, look);
    await admin.page.close();
    const other = await open(look, { placement: 'DEFAULT', waitFor: '.install', settings: { admin: false } });
    await audit(other.page, `install page, not an admin, ${look.name}`, look);
    await other.page.close();
    // A parent that never answers sends no init data, so no kept theme: that error is light in
    // every look (its language comes with the handler's own parameters).
    const errors = [
      ['bad options', { options_undefined: true }, {}],
      ['a parent that never answers', { parent: 'silent_init' }, { dark: false }],
      ['an unreadable answer, after the retries', { fault: 'malformed_json', fault_count: 10 }, {}],
    ];
    for (const [name, settings, expect] of errors) {
      const { page } = await open(look, { waitFor: '.error', settings });
      await audit(page, `error: ${name}, ${look.name}`, { ...look, expect });
      if (settings.fault) {
        const fired = (await control(sim.portal, '/sim/api/log')).faults_fired[settings.fault];
        assert.ok(fired >= 1, `the ${settings.fault} fault fired`);
      }
      await page.close();
    }
  });
}

test('axe run this way reports a violation where there is one (a canary)', async () => {
  const { page } = await open(LOOKS[0]);
  const frame = handlerFrame(page);
  // A button without a name and an image without alt text, added to the card.
  await frame.evaluate(() => {
    const card = document.querySelector('.profile-card');
    card.insertAdjacentHTML('beforeend', '<button type="button" class="canary"></button><img class="canary" src="data:,">');
  });
  const rules = (await axeViolations(frame)).map((v) => v.rule).sort();
  assert.deepEqual(rules.filter((r) => ['button-name', 'image-alt'].includes(r)), ['button-name', 'image-alt'], rules.join());
  await page.close();
});

test('every state was audited in every look', () => {
  // 5 card states, 7 form states, 2 install pages and 3 errors, in each of the 3 looks.
  assert.equal(audited.length, 17 * LOOKS.length, audited.join('\n'));
});
