/* Inlined into index.html by Trunk (no extra request before the card): block comments
 * only, since the HTML minifier joins lines, and no closing script tag in the text.
 * Bitrix24 names the frame "<host>|<1|0>|<APP_SID>"; opened any other way the real library
 * would throw at load, so nothing here talks to a portal and the widget explains where it
 * runs instead. The host is checked strictly before it is used: window.name is set by
 * whoever opens us.
 *
 * It does what the card needs before any wasm arrives, without the BX24 library (about 20 KB,
 * loaded after the card): it asks the portal for the init data itself (getInitData over
 * postMessage, bitrix24.md section 3) and, in a profile placement with a plain USER_ID, posts
 * CARD_BATCH for that user and leaves the answer on the page for the wasm
 * (crates/bx24/src/handover.rs), which takes it instead of sending its own. CARD_BATCH is the
 * body Rust builds for the first screen, checked by a native test (src/profile/load.rs).
 * What the first paint needs of the frame it finds under Symbol.for(FRAME_SLOT)
 * (crates/bx24/src/early.rs): the init data's facts without the token, a way to send a batch
 * with that token, the frame's height, the drawn card's commands (message, calls, phone,
 * profile), and the library, loaded when asked. A portal on this
 * machine (the demo portal) serves the BX24 stand-in at /bx24/api/v1/; any other portal gets
 * the real library. */
(function () {
  /* The texts of the user's language (English is built into the wasm): their files' address
   * ('*' standing for "<code>-<part>") and the languages there are, filled in by
   * scripts/version-app.sh (left as they are, no language is fetched: the card shows in
   * English). */
  var TEXTS_URL = '%TEXTS_URL%';
  var TEXTS_LANGS = '%TEXTS_LANGS%'.split(',');
  var TEXTS_TIMEOUT_MS = 5000;
  var TEXTS_SLOT = 'profile-widget.texts';
  var CARD_BATCH = 'halt=0&cmd[scope]=scope&cmd[me]=profile&cmd[person]=user.get%3FID%3D{USER}&cmd[presence]=im.user.get%3FID%3D{USER}&cmd[dep0]=department.get%3FID%3D%2524result%255Bperson%255D%255B0%255D%255BUF_DEPARTMENT%255D&cmd[dep1]=department.get%3FID%3D%2524result%255Bdep0%255D%255B0%255D%255BPARENT%255D&cmd[dep2]=department.get%3FID%3D%2524result%255Bdep1%255D%255B0%255D%255BPARENT%255D&cmd[dep3]=department.get%3FID%3D%2524result%255Bdep2%255D%255B0%255D%255BPARENT%255D&cmd[dep4]=department.get%3FID%3D%2524result%255Bdep3%255D%255B0%255D%255BPARENT%255D&cmd[heads]=user.get%3F!ID%3D{USER}%26ID%5B0%5D%3D%2524result%255Bdep0%255D%255B0%255D%255BUF_HEAD%255D%26ID%5B1%5D%3D%2524result%255Bdep1%255D%255B0%255D%255BUF_HEAD%255D%26ID%5B2%5D%3D%2524result%255Bdep2%255D%255B0%255D%255BUF_HEAD%255D%26ID%5B3%5D%3D%2524result%255Bdep3%255D%255B0%255D%255BUF_HEAD%255D%26ID%5B4%5D%3D%2524result%255Bdep4%255D%255B0%255D%255BUF_HEAD%255D';
  /* As the bx24 crate's defaults: the call timeout, and the request's key and slot. */
  var TIMEOUT_MS = 20000;
  var SLOT = 'profile-widget.first-request';
  var FRAME_SLOT = 'profile-widget.frame';

  /* A promise of a value. Not Promise.resolve: Trunk's minifier turns a method used several
   * times into a bare alias (J=Promise.resolve), which throws when called without its object. */
  function settled(value) {
    return new Promise(function (resolve) { resolve(value); });
  }

  function userOf(init) {
    if (init.PLACEMENT !== 'USER_PROFILE_MENU' && init.PLACEMENT !== 'USER_PROFILE_TOOLBAR') return null;
    var options = init.PLACEMENT_OPTIONS;
    if (typeof options === 'string') options = JSON.parse(options);
    var id = options && options.USER_ID;
    if (typeof id !== 'string' && typeof id !== 'number') return null;
    id = String(id);
    return /^[1-9][0-9]{0,9}$/.test(id) && Number(id) <= 2147483647 ? id : null;
  }

  /* Posts a batch with the frame's token and leaves it for the wasm under SLOT (unless the
   * wasm was first after all and sent its own). */
  function post(endpoint, token, params) {
    if (window[Symbol.for(SLOT)]) return;
    var url = endpoint + 'batch.json';
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
  }

  /* The facts of the init data the first paint needs, without the token; and the card's
   * request, sent at once when the placement names a plain USER_ID. */
  function facts(endpoint, domain, init) {
    var token = typeof init.AUTH_ID === 'string' ? init.AUTH_ID : '';
    if (!token) return null;
    var user = userOf(init);
    if (user) {
      post(endpoint, token, CARD_BATCH.split('{USER}').join(user));
      performance.mark('profile:early-request');
    }
    return {
      placement: init.PLACEMENT, options: init.PLACEMENT_OPTIONS, lang: init.LANG,
      domain: domain, admin: !!init.IS_ADMIN, endpoint: endpoint,
      send: function (params) { post(endpoint, token, String(params)); }
    };
  }

  /* One part ('card' or 'app') of a language's texts, fetched once for both binaries:
   * a promise of the file's object, or of null (not fetched: the wasm shows English). A failed
   * fetch is forgotten, so that the next asker tries again. */
  var texts = {};
  function textsOf(code, part) {
    code = String(code || '').trim().toLowerCase();
    if (TEXTS_LANGS.indexOf(code) < 0 || (part !== 'card' && part !== 'app')) return settled(null);
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

  /* A fresh callback id, 32 characters as the library makes them: the one answer the portal's
   * origin sends under it ("<id>:<text>") goes to onAnswer as its text. */
  function awaitAnswer(origin, onAnswer) {
    var callback = '';
    while (callback.length < 32) callback += Math.random().toString(36).slice(2);
    callback = callback.slice(0, 32);
    function listener(event) {
      if (event.origin !== origin || typeof event.data !== 'string') return;
      if (event.data.indexOf(callback + ':') !== 0) return;
      removeEventListener('message', listener);
      onAnswer(event.data.slice(callback.length + 1));
    }
    addEventListener('message', listener);
    return callback;
  }

  /* getInitData to the parent, as the library sends it. */
  function early(origin, endpoint, domain, sid, resolve) {
    var callback = awaitAnswer(origin, function (text) {
      try {
        var init = JSON.parse(text);
        /* The look the user chose (src/page.rs): before anything is drawn. */
        var options = init.USER_OPTIONS;
        if (options && options.theme === 'dark') document.documentElement.className = 'dark';
        textsOf(init.LANG, 'card');
        resolve(facts(endpoint, domain, init));
      } catch (e) { resolve(null); /* the app connects through the library */ }
    });
    parent.postMessage('getInitData::' + callback + ':' + sid, origin);
  }

  /* The BX24 library, loaded once when first asked (after the card): whether it started. A
   * failed download is forgotten, so that the next ask tries again. */
  function libraryFrom(src) {
    var loading = null;
    return function () {
      if (window.BX24) return settled(true);
      if (!loading) {
        loading = new Promise(function (resolve) {
          var script = document.createElement('script');
          script.src = src;
          script.onload = function () { resolve(!!window.BX24); };
          script.onerror = function () { script.remove(); loading = null; resolve(false); };
          document.head.appendChild(script);
        });
      }
      return loading;
    };
  }

  /* A command to the portal, as the library sends it ("cmd:params:callback:sid"): a promise of
   * the portal's answer when answered (openPath), else of null at once. */
  function commander(origin, sid) {
    var known = ['imOpenMessenger', 'imCallTo', 'imPhoneTo', 'openPath'];
    return function (name, params, answered) {
      if (known.indexOf(name) < 0) return settled(null);
      return new Promise(function (resolve) {
        var callback = answered ? awaitAnswer(origin, function (text) {
          try { resolve(text ? JSON.parse(text) : null); } catch (e) { resolve(null); }
        }) : '';
        if (!answered) resolve(null);
        parent.postMessage(name + ':' + JSON.stringify(params) + ':' + callback + ':' + sid, origin);
      });
    };
  }

  /* The frame's height to the card's, as the library's fitWindow sends it. */
  function fitter(origin, sid) {
    return function () {
      var el = document.documentElement;
      var body = document.body || el;
      var height = Math.max(el.scrollHeight, el.offsetHeight, body.scrollHeight, body.offsetHeight);
      parent.postMessage('resizeWindow:' + JSON.stringify({ width: '100%', height: height }) + '::' + sid, origin);
    };
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
  /* src is an external address checked above: no escaping needed. */
  var src = local ? origin + '/bx24/api/v1/' : 'https://api.bitrix24.com/api/v1/';
  /* REST goes to the host as the library keeps it: without a default port. */
  var domain = host.replace(/:(80|443)$/, '');
  var endpoint = (https ? 'https://' : 'http://') + domain + '/rest/';
  var init = new Promise(function (resolve) {
    try { early(origin, endpoint, domain, parts[2], resolve); } catch (e) { resolve(null); }
  });
  window[Symbol.for(FRAME_SLOT)] = {
    init: init, library: libraryFrom(src), fit: fitter(origin, parts[2]), command: commander(origin, parts[2])
  };
})();