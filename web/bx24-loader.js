/* Inlined into index.html by Trunk (no extra request before the library): block comments
 * only, since the HTML minifier joins lines, and no closing script tag in the text.
 * Loads the BX24 library before the widget starts, but only inside a portal frame.
 * Bitrix24 names the frame "<host>|<1|0>|<APP_SID>"; opened any other way the real library
 * would throw at load, so it is not loaded and the widget explains where it runs instead.
 * The host is checked strictly before it is used: window.name is set by whoever opens us.
 * A portal on this machine (the demo portal) serves the BX24 stand-in at /bx24/api/v1/;
 * any other portal gets the real library.
 *
 * It also sends the card's one REST request at once, before the library and the wasm arrive:
 * it asks the portal for the init data itself (getInitData over postMessage, bitrix24.md
 * section 3) and, in a profile placement with a plain USER_ID, posts CARD_BATCH for that user
 * and leaves the answer on the page for the wasm (crates/bx24/src/handover.rs), which takes it
 * instead of sending its own. CARD_BATCH is the body Rust builds for the first screen, checked
 * by a native test (src/profile/load.rs); anything unexpected just leaves the request to the
 * wasm. */
(function () {
  /* The texts of the user's language (English is built into the wasm): their files' address
   * ('*' standing for "<code>-<part>") and the languages there are, filled in by
   * scripts/version-app.sh (left as they are, no language is fetched: the card shows in
   * English). */
  var TEXTS_URL = '%TEXTS_URL%';
  var TEXTS_LANGS = '%TEXTS_LANGS%'.split(',');
  var TEXTS_TIMEOUT_MS = 5000;
  var TEXTS_SLOT = 'profile-widget.texts';
  var CARD_BATCH = 'halt=0&cmd[scope]=scope&cmd[me]=user.current&cmd[person]=user.get%3FID%3D{USER}&cmd[presence]=im.user.get%3FID%3D{USER}&cmd[dep0]=department.get%3FID%3D%2524result%255Bperson%255D%255B0%255D%255BUF_DEPARTMENT%255D&cmd[dep1]=department.get%3FID%3D%2524result%255Bdep0%255D%255B0%255D%255BPARENT%255D&cmd[dep2]=department.get%3FID%3D%2524result%255Bdep1%255D%255B0%255D%255BPARENT%255D&cmd[dep3]=department.get%3FID%3D%2524result%255Bdep2%255D%255B0%255D%255BPARENT%255D&cmd[dep4]=department.get%3FID%3D%2524result%255Bdep3%255D%255B0%255D%255BPARENT%255D&cmd[head0]=user.get%3FID%3D%2524result%255Bdep0%255D%255B0%255D%255BUF_HEAD%255D&cmd[head1]=user.get%3FID%3D%2524result%255Bdep1%255D%255B0%255D%255BUF_HEAD%255D&cmd[head2]=user.get%3FID%3D%2524result%255Bdep2%255D%255B0%255D%255BUF_HEAD%255D&cmd[head3]=user.get%3FID%3D%2524result%255Bdep3%255D%255B0%255D%255BUF_HEAD%255D&cmd[head4]=user.get%3FID%3D%2524result%255Bdep4%255D%255B0%255D%255BUF_HEAD%255D';
  /* As the bx24 crate's defaults: the call timeout, and the request's key and slot. */
  var TIMEOUT_MS = 20000;
  var SLOT = 'profile-widget.first-request';

  function userOf(init) {
    if (init.PLACEMENT !== 'USER_PROFILE_MENU' && init.PLACEMENT !== 'USER_PROFILE_TOOLBAR') return null;
    var options = init.PLACEMENT_OPTIONS;
    if (typeof options === 'string') options = JSON.parse(options);
    var id = options && options.USER_ID;
    if (typeof id !== 'string' && typeof id !== 'number') return null;
    id = String(id);
    return /^[1-9][0-9]{0,9}$/.test(id) && Number(id) <= 2147483647 ? id : null;
  }

  function send(endpoint, init) {
    var user = userOf(init);
    var token = init.AUTH_ID;
    if (!user || typeof token !== 'string' || !token) return;
    if (window[Symbol.for(SLOT)]) return; /* the wasm was first after all: it sent its own */
    var url = endpoint + 'batch.json';
    var params = CARD_BATCH.split('{USER}').join(user);
    var controller = new AbortController();
    var timer = setTimeout(function () { controller.abort(); }, TIMEOUT_MS);
    var answer = fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'auth=' + encodeURIComponent(token) + '&' + params,
      signal: controller.signal
    }).then(function (response) {
      return response.json().catch(function (error) {
        if (controller.signal.aborted) throw error;
        return undefined; /* not JSON: the wasm reads the status */
      }).then(function (body) { return { status: response.status, body: body }; });
    }).then(function (outcome) {
      clearTimeout(timer);
      return outcome;
    }, function () {
      clearTimeout(timer);
      return { failure: controller.signal.aborted ? 'timeout' : 'network' };
    });
    window[Symbol.for(SLOT)] = { key: url + ' ' + params, answer: answer };
    performance.mark('profile:early-request');
  }

  /* One part ('card' or 'app') of a language's texts, fetched once for both binaries:
   * a promise of the file's object, or of null (not fetched: the wasm shows English). A failed
   * fetch is forgotten, so that the next asker tries again. */
  var texts = {};
  function textsOf(code, part) {
    code = String(code || '').trim().toLowerCase();
    if (TEXTS_LANGS.indexOf(code) < 0 || (part !== 'card' && part !== 'app')) return Promise.resolve(null);
    var key = code + '-' + part;
    if (!texts[key]) {
      var controller = new AbortController();
      var timer = setTimeout(function () { controller.abort(); }, TEXTS_TIMEOUT_MS);
      texts[key] = fetch(TEXTS_URL.replace('*', key), { signal: controller.signal })
        .then(function (response) { return response.ok ? response.json() : null; })
        .catch(function () { return null; })
        .then(function (file) {
          clearTimeout(timer);
          if (!file) delete texts[key];
          return file;
        });
    }
    return texts[key];
  }
  window[Symbol.for(TEXTS_SLOT)] = textsOf;

  /* getInitData to the parent, as the library sends it; the answer comes once, from the
   * portal's origin, under our callback id. */
  function early(origin, endpoint, sid) {
    var callback = '';
    while (callback.length < 32) callback += Math.random().toString(36).slice(2);
    callback = callback.slice(0, 32);
    function listener(event) {
      if (event.origin !== origin || typeof event.data !== 'string') return;
      if (event.data.indexOf(callback + ':') !== 0) return;
      removeEventListener('message', listener);
      try {
        var init = JSON.parse(event.data.slice(callback.length + 1));
        /* The look the user chose (src/page.rs): before anything is drawn. */
        var options = init.USER_OPTIONS;
        if (options && options.theme === 'dark') document.documentElement.className = 'dark';
        send(endpoint, init);
        textsOf(init.LANG, 'card');
      } catch (e) { /* the wasm sends it */ }
    }
    addEventListener('message', listener);
    parent.postMessage('getInitData::' + callback + ':' + sid, origin);
  }

  var parts = String(window.name || '').split('|');
  if (parts.length !== 3) return;
  var host = parts[0];
  var https = parts[1] === '1';
  if (!/^[01]$/.test(parts[1]) || !/^[0-9a-z]{1,64}$/i.test(parts[2])) return;
  if (!/^(\[[0-9a-f:]+\]|[a-z0-9.-]+)(:[0-9]{1,5})?$/i.test(host)) return;
  var hostname = host.replace(/:[0-9]+$/, '');
  var local = hostname === 'localhost' || hostname === '[::1]' || /^127\.[0-9.]+$/.test(hostname);
  var origin = (https ? 'https://' : 'http://') + host;
  var src = local ? origin + '/bx24/api/v1/' : 'https://api.bitrix24.com/api/v1/';
  /* REST goes to the host as the library keeps it: without a default port. */
  var endpoint = (https ? 'https://' : 'http://') + host.replace(/:(80|443)$/, '') + '/rest/';
  try { early(origin, endpoint, parts[2]); } catch (e) { /* the wasm sends it */ }
  /* A parser-blocking script, so BX24 exists (and has sent getInitData) before the wasm runs.
   * src is an external address checked above: no escaping needed. The end tag is built from
   * two parts so that it never appears in the inlined text. */
  var end = '</';
  document.write('<script src="' + src + '">' + end + 'script>');
})();
