// The people side of the card end to end: interests and skills as chips that list the
// colleagues who share them, about me folded, links, place and role; and meeting slots that
// suit both people's working days in their own time zones and the portal's weekends.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { control, root } from './support/portal.mjs';
import { useSimulator } from './support/suite.mjs';
import { openWidget as open } from './support/widget.mjs';

let sim, browser;
useSimulator((started) => ({ sim, browser } = started), { reset: {} });

const openWidget = (placement) => open(browser, sim, { placement, viewport: { width: 1280, height: 900 } });
const shot = (page, name) => page.screenshot({ path: path.join(root, 'test-results', `${name}.png`) });
/** What the simulator holds about person `id` (and moves them to `time_zone` if given). */
const person = (id, time_zone) => control(sim.portal, '/sim/api/person', { id, time_zone });
/** This machine's time zone: the browser's too. */
const HERE = Intl.DateTimeFormat().resolvedOptions().timeZone;
/** An `Etc/GMT` zone `hours` ahead of this machine (whole-hour zones; the sign is POSIX's). */
function zoneAhead(hours) {
  const utc = -new Date().getTimezoneOffset() / 60 + hours;
  return utc === 0 ? 'Etc/GMT' : `Etc/GMT${utc > 0 ? '-' : '+'}${Math.abs(utc)}`;
}

test('interests and skills are chips; a chip lists the colleagues who share it', async () => {
  const card = await person(2, HERE);
  const { page, frame, problems } = await openWidget();
  const interests = Object.keys(card.interests);
  const chips = frame.locator('.interests .chip');
  assert.deepEqual(await chips.allTextContents(), interests);
  assert.deepEqual(await frame.locator('.skills .chip').allTextContents(), Object.keys(card.skills));
  // A tag several colleagues share, pressed with the keyboard.
  const tag = interests.find((t) => card.interests[t].length > 0);
  assert.ok(tag, 'the demo company has a shared interest');
  const chip = chips.filter({ hasText: tag });
  await chip.focus();
  await page.keyboard.press('Enter');
  assert.equal(await chip.getAttribute('aria-expanded'), 'true');
  const rows = frame.locator('#sharing-interests .person-row');
  await rows.first().waitFor();
  const shown = await rows.count();
  assert.equal(shown, Math.min(card.interests[tag].length, 50));
  assert.match(await frame.locator('#sharing-interests h3').textContent(), new RegExp(`^${tag}: Colleagues who share it$`));
  await shot(page, 'people-interests');
  // Pressing it again closes the list; a colleague's row opens their card.
  await chip.click();
  assert.equal(await frame.locator('#sharing-interests .person-row').count(), 0);
  await chip.click();
  await rows.first().click();
  await frame.locator(`.profile-card[data-user-id="${card.interests[tag][0]}"]`).waitFor();
  assert.deepEqual(problems, []);
  await page.close();
});

test('about me folds, links are labelled, place and role are shown', async () => {
  const card = await person(2, HERE);
  const { page, frame } = await openWidget();
  const about = frame.locator('.about .note-text:not(.folded)').first();
  const folded = frame.locator('.about .note-text.folded').first();
  const text = await folded.textContent();
  assert.ok(text.endsWith('…') && text.length < card.record.PERSONAL_NOTES.length, 'long text is folded');
  assert.equal(await about.isVisible(), false);
  const more = frame.locator('.about .more');
  assert.equal(await more.getAttribute('aria-expanded'), 'false');
  await more.click();
  assert.equal(await folded.isVisible(), false);
  assert.equal(await about.textContent(), card.record.PERSONAL_NOTES.trim());
  // Line breaks are kept; the https address in the text is a link, and only it.
  assert.ok((await about.innerText()).split('\n').length >= 4);
  assert.deepEqual(await about.locator('a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href'))),
    ['https://wiki.example/launch-checklist']);
  // Links: each labelled; the Xing value "javascript:alert(1)" makes none.
  const labels = await frame.locator('.links dt').allTextContents();
  assert.deepEqual(labels, ['Website', 'Skype', 'Zoom', 'LinkedIn', 'X (Twitter)']);
  const hrefs = await frame.locator('.links a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  assert.deepEqual(hrefs, [
    'https://people.example/demo.user2', 'skype:live:demo.user2?chat', 'https://zoom.example/j/1000002',
    'https://www.linkedin.com/in/demo.user2', 'https://x.com/demo_user2',
  ]);
  // Work city first, then the personal one; the country when it is a name.
  const city = card.record.WORK_CITY || card.record.PERSONAL_CITY;
  const country = /^\d*$/.test(card.record.WORK_COUNTRY) ? [] : [card.record.WORK_COUNTRY];
  assert.deepEqual(await frame.locator('.facts .place bdi').allTextContents(), [city, ...country].filter(Boolean));
  await shot(page, 'people-about');
  await page.close();
  // My own card as an administrator carries the role badge; as anyone else it does not.
  const mine = await openWidget('USER_PROFILE_MENU');
  assert.equal(await mine.frame.locator('.badges .badge.admin').textContent(), 'Administrator');
  await mine.page.close();
  await control(sim.portal, '/sim/api/settings', { admin: false });
  const plain = await openWidget('USER_PROFILE_MENU');
  assert.equal(await plain.frame.locator('.badges .badge.admin').count(), 0);
  await plain.page.close();
});

test('with user_brief only, about me and links are hidden and the note says so', async () => {
  await control(sim.portal, '/sim/api/settings', { scopes: ['user_brief', 'placement', 'im', 'department'] });
  await person(2, HERE);
  const { page, frame } = await openWidget();
  assert.equal(await frame.locator('.contacts .note').textContent(),
    'Contacts, about me and links are hidden: the application has only the user_brief scope.');
  assert.equal(await frame.locator('.about').count(), 0);
  assert.ok(await frame.locator('.interests .chip').count() > 0, 'interests are in user_brief');
  await page.close();
});

test('meeting slots suit both working days, each in its own time zone', async () => {
  await person(2, zoneAhead(-5));
  const { page, frame, problems } = await openWidget();
  await frame.locator('.tools .meeting').click();
  const form = frame.locator('.meeting-form');
  await form.locator('select[name=day]').selectOption({ index: 1 });
  await form.locator('.slot').first().waitFor();
  // Five hours behind: their 09:00 is my 14:00, and each slot shows their time too.
  const starts = await form.locator('.slot span:first-of-type').allTextContents();
  assert.ok(starts.length > 0);
  for (const start of starts) assert.ok(start >= '14:00' && start <= '17:30', start);
  const theirs = await form.locator('.slot .their-time').allTextContents();
  assert.equal(theirs.length, starts.length);
  const hour = (clock) => Number(clock.slice(0, 2));
  starts.forEach((start, i) => assert.equal(theirs[i], `${String(hour(start) - 5).padStart(2, '0')}${start.slice(2)} for them`));
  await shot(page, 'meeting-both-zones');
  await page.close();
  // Ten hours apart, the working days never meet, and the form says so.
  await person(2, zoneAhead(10));
  const apart = await openWidget();
  await apart.frame.locator('.tools .meeting').click();
  const note = apart.frame.locator('.meeting-form .no-slots');
  await note.waitFor();
  assert.equal(await note.textContent(), 'Your working hours and theirs do not overlap on this day.');
  assert.equal(await apart.frame.locator('.meeting-form .slot').count(), 0);
  await apart.page.close();
  assert.deepEqual(problems, []);
});

test("the portal's weekend days are never offered", async () => {
  await person(2, HERE);
  await control(sim.portal, '/sim/api/settings', { week_holidays: ['FR', 'SA'], work_time_start: '8.30', work_time_end: '17' });
  const { page, frame } = await openWidget();
  await frame.locator('.tools .meeting').click();
  const form = frame.locator('.meeting-form');
  await form.locator('select[name=day]').selectOption({ index: 1 }); // today's hours may be over
  await form.locator('.slot').first().waitFor();
  // Option values are days since 1970-01-01, a Thursday: Monday first, Friday is 4.
  const days = await form.locator('select[name=day] option').evaluateAll((os) => os.map((o) => Number(o.value)));
  assert.equal(days.length, 5);
  for (const day of days) assert.ok(![4, 5].includes((day + 3) % 7), `weekday ${(day + 3) % 7}`);
  const starts = await form.locator('.slot span:first-of-type').allTextContents();
  assert.ok(starts.every((s) => s >= '08:30' && s <= '16:30'), starts.join());
  // The portal's 8.30 is read as 08:30 (free: the simulator keeps 10:00–11:00 and 14:00–15:30
  // busy), and the day ends at 17:00: a 09:00 default would start later, a 18:00 one end later.
  assert.equal(starts[0], '08:30', starts.join());
  assert.equal(starts.at(-1), '16:30', starts.join());
  await page.close();
});
