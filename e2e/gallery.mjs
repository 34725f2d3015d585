// The README's gallery: the widget's main states in the demo portal, saved into
// docs/screenshots/ as `<prefix><state>.png`. Not a test (the look tests assert what these
// show): `node e2e/gallery.mjs [dist] [prefix]` after a build, with the portal built. The
// Japanese card needs a CJK font (Debian's fonts-noto-cjk), or its glyphs are drawn as boxes.
import path from 'node:path';
import { root, startPortal } from './support/portal.mjs';
import { launch } from './support/browser.mjs';
import { openWidgetIn } from './support/widget.mjs';

const [dist = path.join(root, 'dist'), prefix = ''] = process.argv.slice(2);
const sim = await startPortal({ dist });
const browser = await launch();

async function shot(name, placement, { theme, lang, then } = {}) {
  const { page, frame } = await openWidgetIn(browser, sim,
    { lang, theme, placement, viewport: { width: 1100, height: 900 } });
  await frame.locator('.finder .search').waitFor({ timeout: 15000 });
  if (then) await then(frame);
  await page.waitForTimeout(400); // the frame refitted to what was opened
  await page.screenshot({ path: path.join(root, 'docs/screenshots', `${prefix}${name}.png`), fullPage: true });
  await page.close();
}

try {
  await shot('toolbar-colleague', 'USER_PROFILE_TOOLBAR');
  await shot('menu-my-card', 'USER_PROFILE_MENU');
  if (!prefix) {
    await shot('dark-colleague-task', 'USER_PROFILE_TOOLBAR', {
      theme: 'dark', then: (frame) => frame.locator('.tools .task').click(),
    });
    await shot('ar-colleague', 'USER_PROFILE_TOOLBAR', { lang: 'ar' });
    await shot('ar-meeting-form', 'USER_PROFILE_TOOLBAR', {
      lang: 'ar', then: (frame) => frame.locator('.tools .meeting').click(),
    });
    await shot('ar-colleagues-list', 'USER_PROFILE_TOOLBAR', {
      lang: 'ar',
      then: async (frame) => {
        await frame.locator('.tab').first().click();
        await frame.locator('.people-list .person-button').first().waitFor();
        await frame.locator('.people').scrollIntoViewIfNeeded();
      },
    });
    await shot('ja-my-card', 'USER_PROFILE_MENU', { lang: 'ja' });
    await shot('kz-colleague', 'USER_PROFILE_TOOLBAR', { lang: 'kz' });
  }
} finally {
  await browser.close();
  sim.stop();
}
