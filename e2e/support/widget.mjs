// The page object every end-to-end file and benchmark shares: the demo portal's page, and the
// widget's frame opened from it.
import { openPage, handlerFrame } from './browser.mjs';
import { control } from './portal.mjs';

/**
 * Opens the demo portal in `page` and waits for its employee card: filled in, or only present
 * with `anyName` (a hostile name may be blank).
 */
export async function gotoPortal(page, sim, { anyName = false, timeout = 30000 } = {}) {
  await page.goto(sim.portal + '/');
  const name = page.locator('#card-name');
  await (anyName ? name : name.filter({ hasText: /\S/ })).waitFor({ timeout });
}

/**
 * Opens a placement of the widget from the portal page (as its menu item or button does) and
 * waits for `waitFor` in the frame (nothing when `null`); the frame as a locator.
 */
export async function openPlacement(page, placement = 'USER_PROFILE_TOOLBAR',
  { waitFor = '.profile-card', timeout = 15000 } = {}) {
  await page.evaluate((p) => window.__sim.openPlacement(p), placement);
  const frame = page.frameLocator('iframe');
  if (waitFor) await frame.locator(waitFor).first().waitFor({ timeout });
  return frame;
}

/**
 * A new page of `browser` with the portal, and the widget opened in it: `{ page, problems,
 * frame, handle }` (`frame` a locator, `handle` the frame itself for `evaluate`).
 */
export async function openWidget(browser, sim, { placement, waitFor, viewport } = {}) {
  const { page, problems } = await openPage(browser);
  if (viewport) await page.setViewportSize(viewport);
  await gotoPortal(page, sim);
  const frame = await openPlacement(page, placement, { waitFor });
  return { page, problems, frame, handle: handlerFrame(page) };
}

/**
 * Like `openWidget`, on a simulator reset first and then set up: `lang` and any other
 * `settings`, and `theme` kept as the user's option (as the widget's switch keeps it).
 */
export async function openWidgetIn(browser, sim, { lang, theme, settings = {}, ...opening } = {}) {
  await control(sim.portal, '/sim/api/reset', {});
  const wanted = { ...(lang ? { lang } : {}), ...settings };
  if (Object.keys(wanted).length) await control(sim.portal, '/sim/api/settings', wanted);
  if (theme) await control(sim.portal, '/sim/api/user-option', { name: 'theme', value: theme });
  return openWidget(browser, sim, opening);
}
