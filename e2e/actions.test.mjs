// The card's actions end to end in the portal simulator: the writes (asserted on what the
// simulator recorded), sharing, and moving between people without leaving the widget.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { control, root } from './support/portal.mjs';
import { useSimulator } from './support/suite.mjs';
import { openWidget as open } from './support/widget.mjs';

let sim, browser;
useSimulator((started) => ({ sim, browser } = started), { reset: {} });

const openWidget = (placement) => open(browser, sim, { placement, viewport: { width: 1280, height: 900 } });

const writes = async () => (await control(sim.portal, '/sim/api/log')).writes;
// The library sends parameters as a PHP form, so the portal sees text, and lists as maps.
const list = (value) => Object.values(value);
const requests = async () => (await control(sim.portal, '/sim/api/log')).requests;
const shot = (page, name) => page.screenshot({ path: path.join(root, 'test-results', `${name}.png`) });

test('a task: validation, creation recorded by the portal, and a link to it', async () => {
  const { page, frame, problems } = await openWidget();
  await frame.locator('.tools .task').click();
  const form = frame.locator('.task-form');
  await form.locator('button[type=submit]').click();
  assert.equal(await form.locator('.form-note.invalid').textContent(), 'Fill in this field.');
  assert.equal(await form.locator('input[name=title]').getAttribute('aria-invalid'), 'true');
  assert.deepEqual(await writes(), []);
  await form.locator('input[name=title]').fill('<b>Review</b> the Q4 plan');
  await form.locator('textarea[name=description]').fill('Line 1\nLine 2');
  await form.locator('input[name=deadline]').fill('2026-12-01T17:00');
  await shot(page, 'task-form');
  await form.locator('button[type=submit]').click();
  await form.locator('.form-note.done').waitFor();
  const [task] = await writes();
  assert.equal(task.method, 'tasks.task.add');
  assert.deepEqual(task.params.fields, {
    TITLE: '<b>Review</b> the Q4 plan', DESCRIPTION: 'Line 1\nLine 2', RESPONSIBLE_ID: '2', DEADLINE: '2026-12-01T17:00:00',
  });
  assert.equal(await form.locator('input[name=title]').inputValue(), '', 'a sent draft is cleared');
  await form.locator('.open-task').click();
  await page.locator('#overlay-title').filter({ hasText: 'Portal page' }).waitFor();
  assert.match(await page.locator('#overlay-body').textContent(),
    new RegExp(`/company/personal/user/1/tasks/task/view/${task.result.task.id}/`));
  assert.deepEqual(problems, []);
  await page.close();
});

test('a rate-limited write is retried once it is safe, and recorded once', async () => {
  const { page, frame } = await openWidget();
  await frame.locator('.tools .thanks').click();
  const form = frame.locator('.thanks-form');
  await form.locator('textarea[name=message]').fill('Once');
  await control(sim.portal, '/sim/api/settings', { fault: 'operating_limit', fault_count: 1 });
  const before = await requests();
  await form.locator('button[type=submit]').click();
  await form.locator('.form-note.done').waitFor({ timeout: 15000 });
  assert.equal(await requests() - before, 2, 'the refused request and its retry');
  assert.equal((await writes()).length, 1);
  await page.close();
});

const MAY_EXIST = "Bitrix24's answer was lost: this may have been created.";

test('a write whose answer is lost may exist: it is looked up, and sent again only if it was not created', async () => {
  const { page, frame } = await openWidget();
  await frame.locator('.tools .task').click();
  const form = frame.locator('.task-form');
  await form.locator('input[name=title]').fill('Keep me');
  await control(sim.portal, '/sim/api/settings', { fault: 'server_error', fault_count: 1 });
  const before = await requests();
  await form.locator('button[type=submit]').click();
  assert.equal(await form.locator('button[type=submit]').isDisabled(), true, 'no second send while one is in flight');
  // The portal failed inside the method (a 500): the task may exist.
  await form.locator('.write-unknown').waitFor({ timeout: 30000 });
  assert.equal(await form.locator('.write-unknown .failed p').first().textContent(), MAY_EXIST);
  assert.match(await form.locator('.write-unknown .detail').textContent(),
    /tasks\.task\.add failed with INTERNAL_SERVER_ERROR \(HTTP 500\)/);
  assert.equal(await requests() - before, 1, 'a write is not retried by itself');
  assert.equal(await form.locator('button[type=submit]').isDisabled(), true, 'no blind resend');
  // Closing and reopening the form keeps what was typed, and the outcome still unknown.
  await frame.locator('.tool .close').click();
  await frame.locator('.tools .task').click();
  assert.equal(await form.locator('input[name=title]').inputValue(), 'Keep me');
  await form.locator('.check-write').click();
  await form.locator('.form-note').filter({ hasText: 'It was not created. You can send it again.' }).waitFor();
  assert.equal((await control(sim.portal, '/sim/api/log')).faults_fired.server_error, 1);
  await form.locator('button[type=submit]').click();
  await form.locator('.form-note.done').waitFor();
  const recorded = await writes();
  assert.equal(recorded.length, 1);
  assert.equal(recorded[0].params.fields.TITLE, 'Keep me');
  await page.close();
});

test('a task the portal created whose answer never came is found, not created twice', async () => {
  const { page, frame } = await openWidget();
  await frame.locator('.tools .task').click();
  const form = frame.locator('.task-form');
  await form.locator('input[name=title]').fill('Created once');
  // The portal runs the method, then its answer takes 30 s: past the bridge's call timeout.
  await control(sim.portal, '/sim/api/settings', { fault: 'slow', fault_count: 1 });
  await form.locator('button[type=submit]').click();
  await form.locator('.write-unknown').waitFor({ timeout: 40000 });
  // The user presses again: nothing is sent.
  await form.locator('button[type=submit]').click({ force: true });
  assert.equal((await writes()).length, 1, 'the portal created it once');
  await form.locator('.check-write').click();
  await form.locator('.form-note.done').filter({ hasText: 'Task created.' }).waitFor();
  const [task] = await writes();
  assert.equal((await control(sim.portal, '/sim/api/log')).faults_fired.slow, 1);
  assert.equal(await form.locator('input[name=title]').inputValue(), '', 'the draft was sent');
  await form.locator('.open-task').click();
  await page.locator('#overlay-body').filter({ hasText: `/tasks/task/view/${task.result.task.id}/` }).waitFor();
  assert.equal((await writes()).length, 1, 'one task in all');
  await page.close();
});

test('a meeting in a slot free for both, in my calendar, with them attending', async () => {
  // They work in this machine's (the browser's) time zone: every hour of my day suits them.
  const here = Intl.DateTimeFormat().resolvedOptions().timeZone;
  await control(sim.portal, '/sim/api/person', { id: 2, time_zone: here });
  const { page, frame, problems } = await openWidget();
  await frame.locator('.tools .meeting').click();
  const form = frame.locator('.meeting-form');
  await form.locator('button[type=submit]').click();
  await form.locator('.form-note.invalid').waitFor();
  await form.locator('input[name=name]').fill('Planning');
  await form.locator('select[name=day]').selectOption({ index: 1 }); // tomorrow or later, at any hour
  // The simulator keeps 10:00–11:00 busy for everyone and 14:00–15:30 for even ids (2 here).
  const slots = await form.locator('.slot span').allTextContents();
  assert.ok(slots.length > 0, 'free slots are offered');
  for (const busy of ['10:00', '10:30', '14:00', '14:30', '15:00']) assert.ok(!slots.includes(busy), busy);
  await form.locator('.slot').last().click();
  await shot(page, 'meeting-form');
  await form.locator('button[type=submit]').click();
  await form.locator('.form-note.done').waitFor();
  const [event] = await writes();
  assert.equal(event.method, 'calendar.event.add');
  assert.equal(event.params.name, 'Planning');
  assert.deepEqual(list(event.params.attendees), ['1', '2']);
  assert.equal(event.params.section, '11');
  assert.equal(event.params.is_meeting, 'Y');
  assert.match(event.params.from, /^\d{4}-\d\d-\d\dT\d\d:\d\d:00$/);
  assert.deepEqual(problems, []);
  await page.close();
});

test('an appreciation with a badge, addressed to them only', async () => {
  const { page, frame } = await openWidget();
  await frame.locator('.tools .thanks').click();
  const form = frame.locator('.thanks-form');
  await form.locator('.medal').nth(2).click();
  await form.locator('textarea[name=message]').fill('Thanks for the release!');
  await form.locator('button[type=submit]').click();
  await form.locator('.form-note.done').waitFor();
  const [post] = await writes();
  assert.equal(post.method, 'log.blogpost.add');
  assert.deepEqual([post.params.GRATITUDE_MEDAL, list(post.params.GRATITUDE_EMPLOYEES), list(post.params.DEST)],
    ['cup', ['2'], ['U2']]);
  assert.equal(post.params.POST_MESSAGE, 'Thanks for the release!');
  await page.close();
});

test('writes are disabled with a reason where they cannot apply, and left out of my own card', async () => {
  await control(sim.portal, '/sim/api/settings', { scopes: ['user', 'department', 'im'] });
  const { page, frame } = await openWidget();
  for (const action of ['task', 'meeting', 'thanks']) {
    assert.equal(await frame.locator(`.tools .${action}`).isDisabled(), true, action);
    assert.equal(await frame.locator(`#why-${action}`).textContent(), 'The application has no permission for this.');
  }
  await page.close();
  await control(sim.portal, '/sim/api/reset', {});
  const mine = await openWidget('USER_PROFILE_MENU');
  assert.equal(await mine.frame.locator('.tools .meeting, .tools .thanks, .actions .message').count(), 0,
    'on my own card the actions for colleagues are left out');
  assert.match(await mine.frame.locator('.own-card').textContent(), /this is your own card/);
  assert.equal(await mine.frame.locator('.tools .task').isDisabled(), false, 'a task for myself is fine');
  await mine.page.close();
});

test('the vCard download and the QR code of my card', async () => {
  const { page, frame } = await openWidget('USER_PROFILE_MENU');
  const state = await control(sim.portal, '/sim/api/state');
  const link = frame.locator('a.vcard');
  const href = await link.getAttribute('href');
  assert.match(href, /^data:text\/vcard;charset=utf-8,/);
  const vcard = decodeURIComponent(href.slice(href.indexOf(',') + 1));
  assert.match(vcard, /^BEGIN:VCARD\r\nVERSION:3\.0\r\n/);
  assert.ok(vcard.includes(`FN:${state.me.name}`), vcard);
  assert.match(await link.getAttribute('download'), /\.vcf$/);
  await frame.locator('.tools .qr').click();
  const path = await frame.locator('.qr svg path').getAttribute('d');
  assert.ok(path.length > 500 && path.startsWith('M4 4h7'), 'a QR code with its finder pattern');
  await shot(page, 'my-card-qr');
  await page.close();
  const colleague = await openWidget();
  assert.equal(await colleague.frame.locator('.tools .qr').count(), 0, 'QR only on my own card');
  await colleague.page.close();
});

test('colleagues: listed, filtered, opened, and back', async () => {
  const { page, frame, problems } = await openWidget();
  await frame.locator('.tab').first().click();
  const rows = frame.locator('.people-list .person-button');
  await rows.first().waitFor();
  const count = Number(await frame.locator('.people .count').textContent());
  assert.ok(count >= 1 && count === await rows.count(), `count ${count}`);
  const name = await rows.first().locator('.row-name').textContent();
  await frame.locator('.people .filter').fill(name.split(' ')[1]);
  assert.ok(await rows.count() >= 1);
  await rows.first().click();
  await frame.locator('.profile-card').waitFor();
  await frame.locator('#person-name').filter({ hasText: name }).waitFor();
  await frame.locator('.back').click();
  const state = await control(sim.portal, '/sim/api/state');
  await frame.locator('#person-name').filter({ hasText: state.card.name }).waitFor();
  assert.deepEqual(problems, []);
  await page.close();
});

test('direct reports: the people of the departments the person heads', async () => {
  // The demo company's CEO (user 1, my own card) heads the root department.
  const { page, frame } = await openWidget('USER_PROFILE_MENU');
  await frame.locator('.tab').nth(1).click();
  await frame.locator('.people .count').filter({ hasText: /^\d+$/ }).waitFor();
  const count = Number(await frame.locator('.people .count').textContent());
  assert.ok(count >= 1, 'the CEO has reports');
  const ids = await frame.locator('.people-list .person-button').count();
  assert.ok(ids >= 1 && ids <= 20, `${ids} rows drawn`);
  await frame.locator('.people-list .person-button').first().click();
  await frame.locator('.back').waitFor();
  assert.notEqual(await frame.locator('.profile-card').getAttribute('data-user-id'), '1');
  await page.close();
});

test('search answers from user.search once per pause, and the portal picker opens a person', async () => {
  const { page, frame } = await openWidget();
  const { users } = await control(sim.portal, '/sim/api/state');
  const target = users.find((u) => u.id > 10 && u.active && u.type === 'employee');
  const before = await requests();
  await frame.locator('.finder .search').pressSequentially(target.name, { delay: 30 });
  const results = frame.locator('.search-results .person-button');
  await results.first().waitFor();
  assert.equal(await requests() - before, 1, 'one request for one pause in typing');
  await shot(page, 'search');
  assert.match(await results.first().locator('.row-name').textContent(), new RegExp(target.name.split(' ')[0]));
  await results.first().click();
  await frame.locator('.back').waitFor();
  // The portal's own picker.
  await frame.locator('.finder .pick').click();
  const pick = page.locator('.pick').nth(3);
  await pick.waitFor();
  const id = await pick.getAttribute('data-user-id');
  await pick.click();
  await frame.locator(`.profile-card[data-user-id="${id}"]`).waitFor();
  await page.close();
});
