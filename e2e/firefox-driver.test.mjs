// The Firefox driver (support/firefox.mjs) sees what a frame does in its first moments: an
// exception thrown as the frame's first script runs, and a request that fails, reach the page's
// `pageerror` and `requestfailed` listeners as Playwright's do.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { launch, openPage } from './support/browser.mjs';
import { createTab } from './support/firefox.mjs';

// A port nothing listens on (one just freed: Firefox refuses low ports such as 9 before they
// reach the network, which would report nothing).
const closedPort = await new Promise((resolve) => {
  const probe = createServer().listen(0, '127.0.0.1', () => {
    const { port } = probe.address();
    probe.close(() => resolve(port));
  });
});
const refused = `http://127.0.0.1:${closedPort}/refused`;
const PAGES = {
  '/': '<!doctype html><title>top</title><iframe src="/frame"></iframe>',
  // Thrown before anything else in the frame runs; the refused request follows at once.
  '/frame': '<!doctype html><script>throw new Error("thrown at once")</script>'
    + `<script>fetch("${refused}").catch(() => {})</script>`,
};

const server = createServer((request, response) => {
  const body = PAGES[request.url];
  response.writeHead(body ? 200 : 404, { 'content-type': 'text/html' });
  response.end(body ?? '');
});
after(() => server.close());

test("a frame's first exception and a failed request reach the Firefox page's listeners", async () => {
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${server.address().port}`;
  const browser = await launch('firefox');
  try {
    const { page, problems } = await openPage(browser);
    await page.goto(origin + '/');
    const deadline = Date.now() + 10000;
    const seen = () => problems.some((p) => p.includes('thrown at once'))
      && problems.includes(`request failed: ${refused}`);
    while (!seen() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    assert.ok(problems.includes('uncaught: Error: thrown at once'), problems.join('\n'));
    assert.ok(problems.includes(`request failed: ${refused}`), problems.join('\n'));
    await page.close();
  } finally {
    await browser.close();
  }
});

// A stand-in for the BiDi connection that refuses the first creates as Firefox did in CI.
function refusingBidi(refusals, error = 'no such frame: DiscardedBrowsingContextError: BrowsingContext does no longer exist') {
  const bidi = { sent: 0 };
  bidi.send = async (method) => {
    bidi.sent += 1;
    if (bidi.sent <= refusals) throw new Error(`${method}: ${error}`);
    return { context: `tab-${bidi.sent}` };
  };
  return bidi;
}

test('a tab refused as a discarded context is asked for again, and only that refusal', async () => {
  const twice = refusingBidi(2);
  assert.equal(await createTab(twice, { pauseMs: 1 }), 'tab-3');
  assert.equal(twice.sent, 3);
  const always = refusingBidi(5);
  await assert.rejects(createTab(always, { pauseMs: 1 }), /no such frame/);
  assert.equal(always.sent, 3);
  const other = refusingBidi(1, 'unknown error: the browser is gone');
  await assert.rejects(createTab(other, { pauseMs: 1 }), /the browser is gone/);
  assert.equal(other.sent, 1);
});
