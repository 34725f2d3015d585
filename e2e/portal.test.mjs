// The portal simulator's parent page over the real postMessage protocol, driven through the
// BX24 stand-in inside the widget's frame, in headless Chromium.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { control } from './support/portal.mjs';
import { useSimulator } from './support/suite.mjs';
import { openWidget as open } from './support/widget.mjs';

let sim, browser;
useSimulator((started) => ({ sim, browser } = started), { reset: {} });

/** Opens a placement from the portal page; returns the page, the widget's frame and problems. */
async function openWidget(placement = 'USER_PROFILE_TOOLBAR', waitFor = '.profile-card') {
  const { page, problems, handle } = await open(browser, sim, { placement, waitFor });
  return { page, frame: handle, problems };
}

const logged = (page, text) => page.waitForFunction((t) => window.__simLog.some((e) => e.text.includes(t)), text,
  { timeout: 5000 });

/** Calls a BX24 function with a callback inside the frame; 'silent' if it never answers. */
function callInFrame(frame, script, waitMs = 1000) {
  return frame.evaluate(([body, ms]) => new Promise((resolve) => {
    const done = (value) => resolve(value === undefined ? 'undefined' : JSON.parse(JSON.stringify(value)));
    setTimeout(() => resolve('silent'), ms);
    new Function('done', body)(done);
  }), [script, waitMs]);
}

test('the frame is built as Bitrix24 builds it', async () => {
  const { page, frame } = await openWidget();
  const name = await frame.evaluate(() => window.name);
  const [host, protocol, sid] = name.split('|');
  assert.equal(host, new URL(sim.portal).host);
  assert.equal(protocol, '0');
  assert.match(sid, /^[0-9a-f]{32}$/);
  const query = new URL(frame.url()).searchParams;
  assert.deepEqual([query.get('DOMAIN'), query.get('PROTOCOL'), query.get('LANG'), query.get('APP_SID')],
    [host, '0', 'en', sid]);
  await page.close();
});

test('foreign origins and wrong APP_SIDs are ignored silently', async () => {
  const { page, frame } = await openWidget();
  await page.evaluate(() => window.postMessage('getInitData::abc:def', '*'));
  await logged(page, 'foreign origin ignored');
  const answer = await callInFrame(frame, `
    window.addEventListener('message', (e) => { if (String(e.data).startsWith('cb1:')) done('answered'); });
    parent.postMessage('getInitData::cb1:00000000000000000000000000000000', '*');`);
  assert.equal(answer, 'silent');
  await logged(page, 'wrong APP_SID ignored');
  await page.close();
});

test('commands denied outside DEFAULT are never answered', async () => {
  const { page, frame } = await openWidget();
  assert.equal(await callInFrame(frame, `BX24.setTitle('x', () => done('answered'));`), 'silent');
  await logged(page, 'setTitle denied outside DEFAULT');
  await page.close();
});

test('resizeWindow really resizes, and is denied in a popup', async () => {
  const { page, frame } = await openWidget();
  const size = await callInFrame(frame, `BX24.resizeWindow(500, 333, done);`);
  assert.deepEqual(size, { width: 500, height: 333 });
  await page.close();
  await control(sim.portal, '/sim/api/settings', { popup: true });
  const popup = await openWidget();
  assert.equal(await callInFrame(popup.frame, `BX24.resizeWindow(500, 333, done);`), 'silent');
  await logged(popup.page, 'resizeWindow denied in a popup');
  await popup.page.close();
});

test('openPath opens a slider and answers when it closes; other paths are refused', async () => {
  const { page, frame } = await openWidget();
  const pending = callInFrame(frame, `BX24.openPath('/company/personal/user/5/', done);`, 5000);
  await page.locator('#overlay-title').filter({ hasText: 'Portal page' }).waitFor();
  assert.match(await page.locator('#overlay-body').textContent(), /from=rest_placement/);
  await page.click('#overlay-close');
  assert.deepEqual(await pending, { result: 'close' });
  const refused = await callInFrame(frame, `BX24.openPath('/company/structure.php', done);`);
  assert.deepEqual(refused, { result: 'error', errorCode: 'PATH_NOT_AVAILABLE' });
  await page.close();
});

test('selectUser opens a picker and answers with the chosen person', async () => {
  const { page, frame } = await openWidget();
  const pending = callInFrame(frame, `BX24.selectUser(done);`, 5000);
  const first = page.locator('.pick').first();
  await first.waitFor();
  const id = await first.getAttribute('data-user-id');
  await first.click();
  const user = await pending;
  assert.equal(user.id, id);
  assert.equal(user.url, `/company/personal/user/${id}/`);
  await page.close();
});

test('im commands are logged and never answered', async () => {
  const { page, frame } = await openWidget();
  await frame.evaluate(() => {
    BX24.im.callTo(5, true);
    BX24.im.phoneTo('+49 30 1234');
    BX24.im.openMessenger('5');
  });
  await logged(page, 'video call');
  await logged(page, 'phone call');
  await logged(page, 'open messenger');
  await page.close();
});

test('tokens refresh through the parent, and expired ones are refreshed by the library', async () => {
  const { page, frame } = await openWidget();
  const before = await frame.evaluate(() => BX24.getAuth().access_token);
  const after = await callInFrame(frame, `BX24.refreshAuth((a) => done(a.access_token));`, 3000);
  assert.notEqual(after, before);
  await control(sim.portal, '/sim/api/reset', {});
  await control(sim.portal, '/sim/api/settings', { fault: 'expire_tokens', fault_count: 1 });
  const id = await callInFrame(frame, `BX24.callMethod('user.current', {}, (r) => done(r.data().ID));`, 5000);
  assert.equal(id, '1');
  // The call was refused as expired once, and the library refreshed before sending it again.
  const log = await control(sim.portal, '/sim/api/log');
  assert.deepEqual(log.faults_fired, { expire_tokens: 1 });
  assert.equal(log.requests, 2);
  const renewed = await frame.evaluate(() => BX24.getAuth().access_token);
  assert.notEqual(renewed, after, 'the expired token was replaced');
  await page.close();
});

test('REST answers errors with the real codes through the library', async () => {
  const { page, frame } = await openWidget();
  await control(sim.portal, '/sim/api/settings', { scopes: ['user'] });
  const refreshed = await callInFrame(frame, `BX24.refreshAuth(() => done('ok'));`, 3000);
  assert.equal(refreshed, 'ok');
  const error = await callInFrame(frame,
    `BX24.callMethod('department.get', {}, (r) => done([r.error().getError().error, r.error().getStatus()]));`, 3000);
  assert.deepEqual(error, ['insufficient_scope', 401]);
  await page.close();
});

test('options sent as "undefined" end in a clear error in the widget', async () => {
  await control(sim.portal, '/sim/api/settings', { options_undefined: true });
  const { page, frame, problems } = await openWidget('USER_PROFILE_TOOLBAR', '.error');
  assert.equal(await frame.locator('.message').textContent(), 'Bitrix24 opened the widget without a valid employee.');
  assert.deepEqual(problems, []);
  await page.close();
});

test('a parent that never answers getInitData ends in a retryable error', async () => {
  await control(sim.portal, '/sim/api/settings', { parent: 'silent_init' });
  const { page, frame } = await openWidget('USER_PROFILE_TOOLBAR', '.error');
  assert.match(await frame.locator('.message').textContent(), /did not answer/);
  assert.equal(await frame.locator('.error button').count(), 1);
  await page.close();
});

test('the language chosen in the control panel reaches the widget', async () => {
  await control(sim.portal, '/sim/api/settings', { lang: 'ru' });
  const { page, frame } = await openWidget();
  assert.equal(await frame.locator('.mode').textContent(), 'Коллега');
  await page.close();
});

test('the card loads in exactly one REST request and its actions reach the portal', async () => {
  const before = (await control(sim.portal, '/sim/api/log')).requests;
  const { page, frame, problems } = await openWidget();
  assert.equal((await control(sim.portal, '/sim/api/log')).requests - before, 1);
  const state = await control(sim.portal, '/sim/api/state');
  assert.equal(await frame.locator('#person-name').textContent(), state.card.name);
  await frame.locator('.actions .message').click();
  await logged(page, 'open messenger');
  await frame.locator('.actions .video').click();
  await logged(page, 'video call');
  await frame.locator('.actions .profile').click();
  await page.locator('#overlay-title').filter({ hasText: 'Portal page' }).waitFor();
  assert.match(await page.locator('#overlay-body').textContent(), /\/company\/personal\/user\/2\//);
  await page.click('#overlay-close');
  assert.deepEqual(problems, []);
  await page.close();
});

test('my own card from the user menu', async () => {
  const { page, frame } = await openWidget('USER_PROFILE_MENU');
  assert.equal(await frame.locator('.mode').textContent(), 'My card');
  assert.equal(await frame.locator('.actions .message').count(), 0, 'no message to myself');
  assert.equal(await frame.locator('.own-card').count(), 1);
  await page.close();
});

test('every one of the 20 portal languages reaches the card, Arabic right to left', async () => {
  const expected = {
    en: ['Colleague', 'Message'], ru: ['Коллега', 'Написать'], de: ['Teammitglied', 'Nachricht'],
    la: ['Colega', 'Mensaje'], br: ['Colega', 'Mensagem'], fr: ['Collègue', 'Message'],
    pl: ['Współpracownik', 'Wiadomość'], ua: ['Колега', 'Написати'], id: ['Rekan kerja', 'Pesan'],
    ms: ['Rakan sekerja', 'Mesej'], in: ['सहकर्मी', 'संदेश'], it: ['Collega', 'Messaggio'],
    vn: ['Đồng nghiệp', 'Nhắn tin'], tr: ['İş arkadaşı', 'Mesaj'], kz: ['Әріптес', 'Хабарлама'],
    ar: ['زميل', 'رسالة'], th: ['เพื่อนร่วมงาน', 'ข้อความ'], sc: ['同事', '消息'], tc: ['同事', '訊息'],
    ja: ['同僚', 'メッセージ'],
  };
  assert.equal(Object.keys(expected).length, 20);
  for (const [code, [mode, message]] of Object.entries(expected)) {
    await control(sim.portal, '/sim/api/settings', { lang: code });
    const { page, frame, problems } = await openWidget();
    assert.equal(await frame.locator('.mode').textContent(), mode, code);
    assert.equal(await frame.locator('.actions .message').textContent(), message, code);
    // Only this language's texts are downloaded, each part once (English is built in).
    const texts = await frame.evaluate(() => performance.getEntriesByType('resource')
      .map((e) => new URL(e.name).pathname).filter((p) => p.startsWith('/texts-'))
      .map((p) => p.replace(/-[0-9a-f]{16}[.]json$/, '')).sort());
    assert.deepEqual(texts, code === 'en' ? [] : [`/texts-${code}-app`, `/texts-${code}-card`], code);
    const main = frame.locator('main.widget');
    assert.equal(await main.getAttribute('dir'), code === 'ar' ? 'rtl' : 'ltr', code);
    if (code === 'ar') { // numbers stay readable: a phone number runs left to right
      const phone = frame.locator('.contacts a[href^="tel:"]').first();
      assert.equal(await phone.evaluate((a) => getComputedStyle(a).direction), 'ltr');
    }
    assert.deepEqual(problems, [], code);
    await page.close();
  }
});
