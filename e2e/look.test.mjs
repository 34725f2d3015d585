// Look and access, light and dark: the portal's light look by default whatever the OS says,
// the dark one chosen in the widget and kept for the next load, the frame one colour to its
// bottom, AA contrast of every visible text in the card, its forms and lists, and every
// action reachable with the keyboard. Saves screenshots of both looks.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { control, root } from './support/portal.mjs';
import { handlerFrame } from './support/browser.mjs';
import { useSimulator } from './support/suite.mjs';
import { gotoPortal } from './support/widget.mjs';

let sim, browser;
useSimulator((started) => ({ sim, browser } = started), { reset: {} });

async function openCard(colorScheme = 'light') {
  const page = await browser.newPage({ colorScheme, viewport: { width: 1280, height: 1000 } });
  await gotoPortal(page, sim);
  await page.click('#open-toolbar-placement');
  const frame = page.frameLocator('iframe');
  await frame.locator('.profile-card').waitFor({ timeout: 15000 });
  await frame.locator('.finder .search').waitFor(); // the lists come a frame after the card
  return { page, frame };
}

/** Every element with its own visible text: its colour, the backdrop it sits on, the ratio. */
function contrasts() {
  const parse = (c) => (c.match(/[\d.]+/g) || []).map(Number);
  const luminance = ([r, g, b]) => {
    const [R, G, B] = [r, g, b].map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
    return 0.2126 * R + 0.7152 * G + 0.0722 * B;
  };
  const backdrop = (el) => {
    for (let node = el; node; node = node.parentElement) {
      const [r, g, b, a = 1] = parse(getComputedStyle(node).backgroundColor);
      if (a > 0.5) return [r, g, b];
    }
    return parse(getComputedStyle(document.documentElement).backgroundColor).slice(0, 3).length === 3
      ? parse(getComputedStyle(document.documentElement).backgroundColor).slice(0, 3) : [255, 255, 255];
  };
  const out = [];
  for (const el of document.querySelectorAll('.widget *')) {
    const own = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
    if (!own || el.closest('[disabled], [hidden], .visually-hidden') || !el.getClientRects().length) continue;
    const fg = parse(getComputedStyle(el).color).slice(0, 3);
    const [l1, l2] = [luminance(fg), luminance(backdrop(el))].sort((a, b) => b - a);
    out.push({ text: el.textContent.trim().slice(0, 30), cls: el.className, ratio: (l1 + 0.05) / (l2 + 0.05) });
  }
  return out;
}

/** The frame's look: its class, the page's background, and whether the frame is as tall as
 * its content (a shorter frame would scroll, a taller one show a band below the card). */
async function look(page) {
  const inner = await handlerFrame(page).evaluate(() => ({
    dark: document.documentElement.className === 'dark',
    html: getComputedStyle(document.documentElement).backgroundColor,
    body: getComputedStyle(document.body).backgroundColor,
    content: document.documentElement.scrollHeight,
  }));
  const frameHeight = await page.locator('iframe').evaluate((f) => f.getBoundingClientRect().height);
  return { ...inner, fitted: Math.abs(frameHeight - inner.content) <= 1 };
}

async function auditContrast(page, frame, name) {
  await frame.locator('.tools .task').click();
  await frame.locator('.task-form button[type=submit]').click(); // a validation message
  await frame.locator('.tab').first().click();
  await frame.locator('.people-list .person-button').first().waitFor();
  const found = await handlerFrame(page).evaluate(contrasts);
  assert.ok(found.length > 40, `only ${found.length} texts found`);
  const failing = found.filter((f) => f.ratio < 4.5);
  assert.deepEqual(failing, [], `below 4.5:1 in ${name}`);
  await page.screenshot({ path: path.join(root, 'test-results', `card-${name}.png`) });
}

test('light by default even on a dark OS, as the portal is; AA contrast of every text', async () => {
  const { page, frame } = await openCard('dark');
  const seen = await look(page);
  assert.equal(seen.dark, false);
  assert.equal(seen.html, 'rgb(255, 255, 255)');
  assert.equal(seen.body, seen.html);
  assert.equal(await frame.locator('.theme').getAttribute('aria-pressed'), 'false');
  await auditContrast(page, frame, 'light');
  await page.close();
});

test('dark when chosen in the widget, kept for the next load, one colour to the bottom; AA contrast', async () => {
  const first = await openCard();
  await first.frame.locator('.theme').click();
  assert.equal((await look(first.page)).dark, true);
  const { user_options: kept } = await control(sim.portal, '/sim/api/log');
  assert.deepEqual(kept, { theme: 'dark' }, 'the parent page kept the choice for this user');
  await first.page.close();

  const { page, frame } = await openCard('light');
  let seen = await look(page);
  for (let i = 0; i < 20 && !seen.fitted; i++) { // the frame follows the card's height
    await page.waitForTimeout(100);
    seen = await look(page);
  }
  assert.equal(seen.dark, true, 'the kept choice comes back with the init data');
  assert.equal(seen.html, 'rgb(38, 38, 38)');
  assert.equal(seen.body, seen.html);
  assert.ok(seen.fitted, 'the frame is fitted to the card: no band of the slider below it');
  assert.equal(await frame.locator('.theme').getAttribute('aria-pressed'), 'true');
  await auditContrast(page, frame, 'dark');
  await page.close();
});

test('every action is reachable with the keyboard and shows its focus', async () => {
  const { page, frame } = await openCard('light');
  const handle = handlerFrame(page);
  await frame.locator('.actions .message').focus();
  const reached = new Set();
  for (let i = 0; i < 60; i++) {
    const focused = await handle.evaluate(() => {
      const el = document.activeElement;
      const style = getComputedStyle(el);
      return { inside: el !== document.body, cls: el.className,
        outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0 };
    });
    if (!focused.inside) break; // Tab left the frame after its last control
    assert.ok(focused.outline, `no visible focus on ${focused.cls}`);
    reached.add(focused.cls.split(' ').pop());
    await page.keyboard.press('Tab');
  }
  for (const action of ['message', 'call', 'video', 'phone', 'profile', 'task', 'meeting', 'thanks', 'vcard', 'copy', 'tab', 'search', 'pick']) {
    assert.ok(reached.has(action), `${action} not reached by Tab: ${[...reached]}`);
  }
  // Enter on a focused tool opens its form; Escape-free closing is the close button.
  await frame.locator('.tools .task').focus();
  await page.keyboard.press('Enter');
  await frame.locator('.task-form').waitFor();
  assert.equal(await frame.locator('.tools .task').getAttribute('aria-expanded'), 'true');
  await page.close();
});
