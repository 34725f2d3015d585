// Debian's firefox-esr driven over WebDriver BiDi through the installed geckodriver (never a
// downloaded browser or driver). Playwright's own BiDi mode needs commands this Firefox lacks,
// so this is a small driver of our own with the part of Playwright's API the fault suite uses:
// pages (one tab each), `goto`, `evaluate`, `frames()`, `frameLocator('iframe').locator(…)`
// with `filter({ hasText })`, `first()`, `click`, `fill`, `inputValue`, `waitFor`, and the
// `console`/`pageerror`/`requestfailed` events. Clicks and typing are dispatched DOM events, not
// OS input. Frames are followed as the browser creates them (`browsingContext.contextCreated`),
// so what a frame logs in its first moments is caught.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const WebSocket = require('../../tools/node_modules/ws');

const freePort = () => new Promise((resolve, reject) => {
  const server = createServer();
  server.listen(0, '127.0.0.1', () => {
    const { port } = server.address();
    server.close(() => resolve(port));
  });
  server.on('error', reject);
});

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** A BiDi connection: commands by id, events to listeners. */
class Bidi {
  constructor(socket) {
    this.socket = socket;
    this.next = 1;
    this.pending = new Map();
    this.listeners = [];
    // A browser that goes away fails every command still waiting, so that no test waits
    // forever (and its simulator is stopped).
    socket.on('close', () => {
      this.closed = true;
      for (const { reject, method } of this.pending.values()) reject(new Error(`${method}: the browser is gone`));
      this.pending.clear();
    });
    socket.on('message', (data) => {
      const message = JSON.parse(String(data));
      if (message.type === 'event') {
        for (const listener of this.listeners) listener(message);
        return;
      }
      const waiting = this.pending.get(message.id);
      if (!waiting) return;
      this.pending.delete(message.id);
      if (message.type === 'error') waiting.reject(new Error(`${waiting.method}: ${message.error}: ${message.message}`));
      else waiting.resolve(message.result);
    });
  }

  send(method, params = {}) {
    const id = this.next++;
    if (this.closed) return Promise.reject(new Error(`${method}: the browser is gone`));
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, method });
      this.socket.send(JSON.stringify({ id, method, params }));
    });
  }
}

/** Runs `fn` (a function or its source) with `arg` in a browsing context; its JSON result. */
async function run(bidi, context, fn, arg) {
  const declaration = `async function (argJson) {
    const result = await (${fn})(JSON.parse(argJson));
    try { return JSON.stringify(result) ?? 'null'; } catch { return 'null'; }
  }`;
  const answer = await bidi.send('script.callFunction', {
    functionDeclaration: declaration,
    arguments: [{ type: 'string', value: JSON.stringify(arg ?? null) }],
    target: { context },
    awaitPromise: true,
    resultOwnership: 'none',
  });
  if (answer.type === 'exception') throw new Error(answer.exceptionDetails?.text || 'script threw');
  return JSON.parse(answer.result.value);
}

/** What a locator does in the page: find the element (selector, text filter, index). */
const ACT = `({ selector, hasText, index, action, value }) => {
  let found = [...document.querySelectorAll(selector)];
  if (hasText !== null) {
    const pattern = hasText.regex ? new RegExp(hasText.regex, hasText.flags) : null;
    found = found.filter((e) => pattern ? pattern.test(e.textContent) : e.textContent.includes(hasText.text));
  }
  const element = found[index];
  if (!element) return { found: false };
  if (action === 'click') {
    if (element.disabled) return { found: false };
    element.click();
  } else if (action === 'fill') {
    element.focus();
    element.value = value;
    element.dispatchEvent(new Event('input', { bubbles: true }));
    element.dispatchEvent(new Event('change', { bubbles: true }));
  }
  return { found: true, value: 'value' in element ? element.value : null, disabled: !!element.disabled };
}`;

class Locator {
  constructor(resolveContext, selector, hasText = null, index = 0) {
    Object.assign(this, { resolveContext, selector, hasText, index });
  }

  filter({ hasText }) {
    const text = hasText instanceof RegExp ? { regex: hasText.source, flags: hasText.flags } : { text: hasText };
    return new Locator(this.resolveContext, this.selector, text, this.index);
  }

  first() {
    return new Locator(this.resolveContext, this.selector, this.hasText, 0);
  }

  async act(action, value, timeout = 30000) {
    const deadline = Date.now() + timeout;
    for (;;) {
      const target = await this.resolveContext();
      if (target) {
        const result = await run(target.bidi, target.context, ACT, {
          selector: this.selector, hasText: this.hasText, index: this.index, action, value,
        }).catch(() => ({ found: false }));
        if (result.found) return result;
      }
      if (Date.now() > deadline) throw new Error(`${action} ${this.selector}: not found within ${timeout} ms`);
      await sleep(100);
    }
  }

  waitFor({ timeout } = {}) { return this.act('find', null, timeout).then(() => undefined); }
  click() { return this.act('click').then(() => undefined); }
  fill(value) { return this.act('fill', value).then(() => undefined); }
  inputValue() { return this.act('find').then((r) => r.value); }
  isDisabled() { return this.act('find').then((r) => r.disabled); }
}

class Frame {
  constructor(bidi, context, url) {
    Object.assign(this, { bidi, context, href: url });
  }

  url() { return this.href; }
  evaluate(fn, arg) { return run(this.bidi, this.context, fn, arg); }
}

class Page {
  constructor(bidi, context) {
    this.bidi = bidi;
    this.context = context;
    this.handlers = { console: [], pageerror: [], requestfailed: [] };
    this.tree = [];
    this.listener = (event) => this.onEvent(event);
    bidi.listeners.push(this.listener);
  }

  on(name, handler) { this.handlers[name]?.push(handler); }

  /** Whether `context` is this page's tab or one of its frames. */
  owns(context) {
    return context === this.context || this.tree.some((f) => f.context === context);
  }

  onEvent({ method, params }) {
    if (method === 'browsingContext.contextCreated') {
      // A frame of ours (its parent is ours): known from its first moment, before any poll.
      if (params.parent && this.owns(params.parent) && !this.owns(params.context)) {
        this.tree.push({ context: params.context, url: params.url });
      }
      return;
    }
    if (method === 'browsingContext.contextDestroyed') {
      this.tree = this.tree.filter((f) => f.context !== params.context);
      return;
    }
    if (method === 'network.fetchError') {
      if (!this.owns(params.context)) return;
      const request = { url: () => params.request.url, failure: () => ({ errorText: params.errorText }) };
      for (const handler of this.handlers.requestfailed) handler(request);
      return;
    }
    if (method !== 'log.entryAdded') return;
    if (!this.owns(params.source?.context)) return;
    // Uncaught exceptions carry a stack; Firefox also reports network-level messages (a CORS
    // request that failed) as JavaScript errors without one: those count as console errors.
    const frames = params.stackTrace?.callFrames || [];
    if (params.type === 'javascript' && frames.length > 0) {
      const error = { message: params.text, stack: frames.map((f) => `at ${f.functionName} (${f.url})`).join('\n') };
      for (const handler of this.handlers.pageerror) handler(error);
    } else if (params.level === 'error') {
      for (const handler of this.handlers.console) handler({ type: () => 'error', text: () => params.text });
    }
  }

  /** Runs `fn` in this tab and every frame it creates, before their own scripts (as
   *  Playwright's `addInitScript`). */
  async addInitScript(fn) {
    await this.bidi.send('script.addPreloadScript', { functionDeclaration: String(fn), contexts: [this.context] });
  }

  async goto(url) {
    await this.bidi.send('browsingContext.navigate', { context: this.context, url, wait: 'complete' });
  }

  evaluate(fn, arg) { return run(this.bidi, this.context, fn, arg); }

  /** The page's frames below the top one (refreshed on each call, as Playwright's are live). */
  frames() { return this.tree.map((f) => new Frame(this.bidi, f.context, f.url)); }

  async refreshTree() {
    const { contexts } = await this.bidi.send('browsingContext.getTree', { root: this.context });
    const all = [];
    const walk = (nodes) => nodes.forEach((n) => { all.push({ context: n.context, url: n.url }); walk(n.children || []); });
    walk(contexts[0]?.children || []);
    // Frames created since the walk began stay known (the events add them).
    const walked = new Set(all.map((f) => f.context));
    this.tree = [...all, ...this.tree.filter((f) => !walked.has(f.context))];
  }

  locator(selector) {
    return new Locator(async () => ({ bidi: this.bidi, context: this.context }), selector);
  }

  frameLocator(selector) {
    if (selector !== 'iframe') throw new Error('only the handler iframe is supported');
    return {
      locator: (inner) => new Locator(async () => {
        // Firefox refuses a tree walk while a child context is being discarded (the frame
        // navigating): then the tree known so far is used, and the locator tries again.
        await this.refreshTree().catch(() => {});
        const frame = this.tree.find((f) => f.url.includes('/handler/'));
        return frame && { bidi: this.bidi, context: frame.context };
      }, inner),
    };
  }

  async close() {
    this.bidi.listeners = this.bidi.listeners.filter((l) => l !== this.listener);
    await this.bidi.send('browsingContext.close', { context: this.context }).catch(() => {});
  }
}

/**
 * Opens a tab and gives its context. Firefox now and then refuses a create with "no such frame"
 * (a DiscardedBrowsingContextError, seen in CI as cases open tabs side by side): no tab was handed
 * out, so asking again is safe; any other error is the caller's.
 */
export async function createTab(bidi, { attempts = 3, pauseMs = 250 } = {}) {
  for (let attempt = 1; ; attempt++) {
    try {
      return (await bidi.send('browsingContext.create', { type: 'tab' })).context;
    } catch (e) {
      if (attempt >= attempts || !/: no such frame:/.test(e.message)) throw e;
      await sleep(pauseMs);
    }
  }
}

/** Starts geckodriver and a headless firefox-esr with a BiDi session. */
export async function launchFirefox() {
  const port = await freePort();
  const driver = spawn(process.env.GECKODRIVER || 'geckodriver', ['--port', String(port)], { stdio: 'ignore' });
  const base = `http://127.0.0.1:${port}`;
  let created;
  for (let attempt = 0; attempt < 100 && !created; attempt++) {
    created = await fetch(`${base}/session`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ capabilities: { alwaysMatch: {
        browserName: 'firefox', webSocketUrl: true,
        'moz:firefoxOptions': { binary: process.env.FIREFOX || '/usr/bin/firefox-esr', args: ['-headless'] },
      } } }),
    }).then((r) => r.json()).catch(() => null);
    if (!created) await sleep(100);
  }
  if (!created?.value?.capabilities?.webSocketUrl) {
    driver.kill();
    throw new Error(`geckodriver gave no BiDi session: ${JSON.stringify(created)}`);
  }
  const { sessionId, capabilities } = created.value;
  const socket = new WebSocket(capabilities.webSocketUrl);
  await new Promise((resolve, reject) => { socket.once('open', resolve); socket.once('error', reject); });
  const bidi = new Bidi(socket);
  await bidi.send('session.subscribe', { events: ['log.entryAdded', 'browsingContext.contextCreated',
    'browsingContext.contextDestroyed', 'network.fetchError'] });
  // Frames come with their creation events; the walk keeps their URLs current.
  const pages = new Set();
  const ticker = setInterval(() => { for (const page of pages) page.refreshTree().catch(() => {}); }, 200);
  return {
    async newPage() {
      const context = await createTab(bidi);
      const page = new Page(bidi, context);
      pages.add(page);
      const close = page.close.bind(page);
      page.close = async () => { pages.delete(page); await close(); };
      return page;
    },
    async close() {
      clearInterval(ticker);
      await fetch(`${base}/session/${sessionId}`, { method: 'DELETE' }).catch(() => {});
      socket.close();
      driver.kill();
    },
  };
}
