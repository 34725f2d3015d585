// Installing from an empty portal: the application's own page (DEFAULT) binds both profile
// placements, finishes the installation, and the items appear; saving again is idempotent;
// non-admins get an explanation; placement errors are shown with their code and a hint.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { control, root } from './support/portal.mjs';
import { openPage } from './support/browser.mjs';
import { useSimulator } from './support/suite.mjs';
import { gotoPortal } from './support/widget.mjs';

let sim, browser;
useSimulator((started) => ({ sim, browser } = started), { reset: { fresh: true } });

const bindings = async () => (await control(sim.portal, '/sim/api/log')).placements;

async function portalPage() {
  const { page, problems } = await openPage(browser);
  await page.setViewportSize({ width: 1280, height: 900 });
  await gotoPortal(page, sim);
  return { page, problems };
}

/** `method PLACEMENT` of each REST command a request carries (a batch's, or its own). */
function restCommands(url, body) {
  const form = new URLSearchParams(body);
  const method = decodeURIComponent(url.replace(/^.*\/rest\//, '').replace(/\.json.*$/, ''));
  if (method !== 'batch') return [`${method} ${form.get('PLACEMENT') ?? ''}`];
  return [...form.entries()].filter(([key]) => key.startsWith('cmd[')).map(([, command]) => {
    const [name, query = ''] = command.split('?');
    return `${name} ${new URLSearchParams(query).get('PLACEMENT') ?? ''}`;
  });
}

async function openApp(page, waitFor = '.install') {
  await page.click('#open-app');
  const frame = page.frameLocator('iframe');
  await frame.locator(waitFor).waitFor({ timeout: 15000 });
  return frame;
}

test('an admin installs both items on a fresh portal, and they open the widget', async () => {
  const { page, problems } = await portalPage();
  assert.equal(await page.locator('#open-toolbar-placement').isVisible(), false, 'no item before installing');
  const frame = await openApp(page, '.install-form');
  const statuses = await frame.locator('.placement-status').allTextContents();
  assert.deepEqual(statuses, ['Not installed', 'Not installed']);
  await page.screenshot({ path: path.join(root, 'test-results', 'install.png') });
  // installFinish reloads the portal page.
  await Promise.all([page.waitForURL(/install_finished=Y/), frame.locator('button[type=submit]').click()]);
  await page.locator('#card-name').filter({ hasText: /\S/ }).waitFor();
  const bound = await bindings();
  assert.deepEqual(bound.map((b) => b.placement).sort(), ['USER_PROFILE_MENU', 'USER_PROFILE_TOOLBAR']);
  for (const b of bound) {
    assert.equal(b.handler, `${sim.app}/handler/`);
    assert.deepEqual(Object.keys(b.lang_all).sort(),
      'ru id ms de en la fr in it pl br vn tr kz ua ar th sc tc ja'.split(' ').sort(), 'all 20 languages');
    assert.equal(b.lang_all.ru.TITLE, 'Карточка профиля');
    assert.equal(b.lang_all.ar.TITLE, 'بطاقة الملف الشخصي');
  }
  assert.equal((await control(sim.portal, '/sim/api/state')).installed, true);
  const item = page.locator('#open-toolbar-placement');
  assert.equal(await item.textContent(), 'Profile card');
  await item.click();
  await page.frameLocator('iframe').locator('.profile-card[data-placement="USER_PROFILE_TOOLBAR"]').waitFor();
  await page.click('#slider-close');
  await page.click('#user-menu-button');
  assert.equal(await page.locator('#open-menu-placement').textContent(), 'Profile card');
  await page.click('#open-menu-placement');
  await page.frameLocator('iframe').locator('.profile-card[data-placement="USER_PROFILE_MENU"]').waitFor();
  assert.deepEqual(problems, []);
  await page.close();
});

test('saving again is idempotent; a new title and fewer items re-bind cleanly', async () => {
  const { page } = await portalPage();
  let frame = await openApp(page, '.install-form');
  await Promise.all([page.waitForURL(/install_finished=Y/), frame.locator('button[type=submit]').click()]);
  await page.locator('#card-name').filter({ hasText: /\S/ }).waitFor();
  frame = await openApp(page, '.install-form');
  await frame.locator('.placement-status').first().filter({ hasText: 'Installed as “Profile card”' }).waitFor();
  assert.equal(await frame.locator('button[type=submit]').textContent(), 'Save');
  // Save unchanged twice: each save sends exactly an unbind and a bind per placement (the
  // REST the frame sent, not the simulator's bindings, which refuse duplicates by themselves).
  const sent = [];
  page.on('request', (r) => { if (r.url().includes('/rest/')) sent.push(...restCommands(r.url(), r.postData() || '')); });
  for (let i = 0; i < 2; i++) {
    sent.length = 0;
    await frame.locator('button[type=submit]').click();
    await frame.locator('.form-note.done').waitFor();
    assert.deepEqual(sent.filter((c) => /^placement\.(un)?bind /.test(c)), [
      'placement.unbind USER_PROFILE_MENU', 'placement.bind USER_PROFILE_MENU',
      'placement.unbind USER_PROFILE_TOOLBAR', 'placement.bind USER_PROFILE_TOOLBAR',
    ], `save ${i + 1}`);
    assert.equal((await bindings()).length, 2);
  }
  // An upgrade: a new title, and only the employee card.
  await frame.locator('input[name=USER_PROFILE_MENU]').uncheck();
  await frame.locator('input[name=title]').fill('Team card');
  await frame.locator('button[type=submit]').click();
  await frame.locator('.placement-status').nth(1).filter({ hasText: 'Team card' }).waitFor();
  const bound = await bindings();
  assert.deepEqual(bound.map((b) => [b.placement, b.lang_all.de.TITLE]), [['USER_PROFILE_TOOLBAR', 'Team card']]);
  await page.reload();
  await page.locator('#card-name').filter({ hasText: /\S/ }).waitFor();
  assert.equal(await page.locator('#open-toolbar-placement').textContent(), 'Team card');
  assert.equal(await page.locator('#open-menu-placement').isHidden(), true);
  await page.close();
});

test('a non-admin learns what the app does and that an admin installs it', async () => {
  await control(sim.portal, '/sim/api/settings', { admin: false });
  const { page, problems } = await portalPage();
  const before = (await control(sim.portal, '/sim/api/log')).requests;
  const frame = await openApp(page);
  assert.equal(await frame.locator('.install h1').textContent(), 'Profile widget');
  assert.match(await frame.locator('.install .note').textContent(), /administrator/);
  assert.equal(await frame.locator('.install-form').count(), 0);
  assert.equal((await control(sim.portal, '/sim/api/log')).requests - before, 0, 'no REST for non-admins');
  assert.deepEqual(problems, []);
  await page.close();
});

test('placement errors are shown with their code and what to do', async () => {
  await control(sim.portal, '/sim/api/settings', { scopes: ['user', 'department', 'im'] });
  const { page } = await portalPage();
  const frame = await openApp(page, '.install .failed');
  assert.match(await frame.locator('.failed .detail').textContent(), /insufficient_scope/);
  assert.equal(await frame.locator('.failed .hint').textContent(),
    'Add the placement and user scopes in the application\'s settings, then open it again.');
  assert.equal(await frame.locator('.install button').textContent(), 'Try again');
  await page.close();
});
