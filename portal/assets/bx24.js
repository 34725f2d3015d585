/*
 * BX24 stand-in: a clean-room implementation of the window.BX24 library that Bitrix24
 * serves to frame applications, written from the behaviour recorded in
 * shared/bitrix24.md §3–§5, quirks included:
 *   - window.name "<host>|<1|0>|<APP_SID>" decides the portal; empty parts → BX24 = null + throw;
 *   - getInitData is sent at once; init(cb) callbacks run on a 10 ms timer after it arrives,
 *     and all of them again on every later answer (which replaces the token too);
 *   - the token, IS_ADMIN and MEMBER_ID are taken only with AUTH_ID; getAuth() is false
 *     without AUTH_EXPIRES or past it, and a call then asks the parent for a token first;
 *   - PROTOCOL is copied as is (the string "0" means https) and every message's origin is
 *     checked against it; without PATH, REST URLs have no /rest;
 *   - callMethod sends 10 ms later, drops a truthy `start` (only result.next() pages), throws
 *     the string 'Query error!' on 5xx, network errors and unparsable bodies (the callback
 *     never runs), and on `expired_token` refreshes through the parent and re-sends, without
 *     a limit; batch answers are read without checks (a missing result_next throws);
 *   - a message from the portal's origin that is not a string throws (`.split`);
 *   - callbacks are never deleted (one id may be answered many times);
 *   - refreshAuth before the init data, im.* commands and denied commands never call back;
 *   - installFinish() posts even before the init data; ready()/isReady() are about the page.
 * docs/simulator.md lists each quirk with the test that pins it (e2e/standin.test.mjs).
 *
 * Loaded as a classic script it starts itself from the browser (window.name, postMessage,
 * XMLHttpRequest). A test harness sets `BX24_STANDIN_MANUAL = true` before evaluating it and
 * calls `BX24Standin.create(env)` with its own environment instead.
 */
(function (global) {
  'use strict';

  var CALLBACK_ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

  function randomId() {
    var id = '';
    for (var i = 0; i < 32; i++) id += CALLBACK_ALPHABET.charAt(Math.floor(Math.random() * 36));
    return id;
  }

  /* PHP-style form encoding as the real library does it (bitrix24.md §5.2, §8.1): brackets
   * stay raw, scalars come before nested values, null is left out, undefined becomes the text
   * "undefined", and an empty object or array leaves nothing but a stray "&". */
  function encodeParams(params, prefix) {
    if (params === null || params === undefined || typeof params !== 'object') return '';
    var plain = [];
    var nested = [];
    var keys = Object.keys(params);
    for (var i = 0; i < keys.length; i++) {
      var value = params[keys[i]];
      var name = prefix ? prefix + '[' + encodeURIComponent(keys[i]) + ']' : encodeURIComponent(keys[i]);
      if (value === null) continue;
      if (value === undefined) plain.push(name + '=undefined');
      else if (value instanceof Date) plain.push(name + '=' + encodeURIComponent(value.toISOString()));
      else if (typeof value === 'object') nested.push(encodeParams(value, name));
      else plain.push(name + '=' + encodeURIComponent(String(value)));
    }
    return plain.concat(nested).join('&');
  }

  function AjaxError(status, ex) {
    this.status = status;
    this.ex = ex;
  }
  AjaxError.prototype.getError = function () { return this.ex; };
  AjaxError.prototype.getStatus = function () { return this.status; };
  AjaxError.prototype.toString = function () {
    return this.ex.error + (this.ex.error_description ? ': ' + this.ex.error_description : '') +
      ' (' + this.status + ')';
  };

  function AjaxResult(answer, query, status, lib) {
    this.answer = answer;
    this.query = query;
    this.status = status;
    this._lib = lib;
    if (typeof answer.next !== 'undefined') this.answer.next = parseInt(answer.next, 10);
    if (typeof answer.error !== 'undefined') {
      var ex = typeof answer.error === 'object' ? answer.error
        : { error: answer.error, error_description: answer.error_description };
      this.answer.ex = new AjaxError(status, ex);
    }
  }
  AjaxResult.prototype.data = function () { return this.answer.result; };
  AjaxResult.prototype.error = function () { return this.answer.ex; };
  AjaxResult.prototype.error_description = function () { return this.answer.error_description; };
  AjaxResult.prototype.more = function () { return typeof this.answer.next === 'number' && !isNaN(this.answer.next); };
  AjaxResult.prototype.total = function () { return parseInt(this.answer.total, 10); };
  AjaxResult.prototype.next = function (cb) {
    if (!this.more()) return false;
    if (typeof cb === 'function') this.query.callback = cb;
    this._lib._send(this.query.method, this.query.data, this.query.callback, this.answer.next);
    return true;
  };

  function create(env) {
    var nameParts = String(env.name || '').split('|');
    var host = (nameParts[0] || '').replace(/:(80|443)$/, '');
    var sid = nameParts[2] || '';
    if (!host || !sid) throw new Error('Unable to initialize Bitrix24 JS library!');

    var callbacks = {};
    var initCallbacks = []; // never cleared: every init data answer runs them all again
    var installers = [];
    var waitingCalls = [];
    var inited = false;
    var state = {
      domain: host, protocol: !!parseInt(nameParts[1], 10), path: undefined, lang: null, auth: null,
      memberId: '', isAdmin: false, install: undefined, placement: null, placementOptions: null,
      userOptions: null, appOptions: null
    };
    // Read at every use: PROTOCOL from the init data changes it.
    function parentOrigin() { return (state.protocol ? 'https' : 'http') + '://' + state.domain; }
    var throttle = { level: 0, at: env.now() };

    function post(command, params, cb) {
      var id = '';
      if (typeof cb === 'function') {
        id = randomId();
        callbacks[id] = cb;
      }
      var message;
      if (command.indexOf(':') >= 0) {
        message = { method: command, params: params || '', callback: id, appSid: sid };
      } else {
        message = command + ':' + (params ? JSON.stringify(params) : '') + ':' + id + ':' + sid;
      }
      env.postToParent(message, parentOrigin());
    }

    env.listen(function (event) {
      if (event.origin !== parentOrigin()) return;
      var id = event.data.split(':')[0]; // a non-string throws here, as in the real library
      var cb = callbacks[id];
      if (!cb || id.length === event.data.length) return;
      var payload = event.data.slice(id.length + 1);
      cb(payload ? JSON.parse(payload) : []);
    });

    function setAuth(data) {
      state.auth = {
        access_token: data.AUTH_ID,
        refresh_token: data.REFRESH_ID,
        expires: env.now() + parseInt(data.AUTH_EXPIRES, 10) * 1000
      };
    }

    function authObject() {
      // Without AUTH_EXPIRES the expiry is NaN, and no time is before it.
      if (!state.auth || !(env.now() < state.auth.expires)) return false;
      return {
        access_token: state.auth.access_token, refresh_token: state.auth.refresh_token,
        expires_in: state.auth.expires, domain: state.domain, member_id: state.memberId
      };
    }

    function refreshAuth(cb) {
      if (!inited) return; // nothing happens, and cb never runs
      post('refreshAuth', {}, function (data) {
        setAuth(data);
        if (typeof cb === 'function') cb(authObject());
      });
    }

    /* Client-side leaky bucket: 90 requests, draining 2 per second; waits 1 s when full. */
    function throttled(fn) {
      var now = env.now();
      throttle.level = Math.max(0, throttle.level - (now - throttle.at) / 500);
      throttle.at = now;
      if (throttle.level >= 90) {
        env.setTimeout(function () { throttled(fn); }, 1000);
        return;
      }
      throttle.level += 1;
      fn();
    }

    /* A call waits for the init data, then goes out on a 10 ms timer. */
    function whenInited(fn) {
      if (inited) env.setTimeout(fn, 10);
      else waitingCalls.push(fn);
    }

    function send(method, params, cb, start) {
      whenInited(function () {
        throttled(function () {
          if (!authObject()) {
            refreshAuth(function () { send(method, params, cb, start); });
            return;
          }
          var query = { method: method, data: params, callback: cb, start: start };
          var body = 'auth=' + state.auth.access_token; // not URL-encoded
          var encoded = encodeParams(params);
          if (encoded) body += '&' + encoded;
          if (start) body += '&start=' + encodeURIComponent(start);
          var url = (state.protocol ? 'https' : 'http') + '://' + state.domain + (state.path || '') + '/' +
            encodeURIComponent(method) + '.json';
          env.http(url, body, function (status, text) {
            var answer;
            try {
              if (status >= 500 || status === 0) throw status;
              answer = text ? JSON.parse(text) : { result: {} };
            } catch (e) {
              throw 'Query error!'; // a plain string, never an Error: the callback never runs
            }
            if (answer.error === 'expired_token') {
              refreshAuth(function () { send(method, params, cb, start); });
              return;
            }
            if (typeof cb === 'function') cb(new AjaxResult(answer, query, status, lib));
          });
        });
      });
    }

    function callMethod(method, params, cb) {
      var copy = {};
      if (params && typeof params === 'object') {
        for (var key in params) if (Object.prototype.hasOwnProperty.call(params, key)) copy[key] = params[key];
      }
      var start = copy.start;
      if (start) delete copy.start; // the newest library drops a truthy start: only next() pages
      send(method, copy, cb, undefined);
    }

    function callBatch(calls, cb, halt) {
      var isList = Array.isArray(calls);
      var cmd = isList ? [] : {};
      var keys = Object.keys(calls);
      for (var i = 0; i < keys.length; i++) {
        var call = calls[keys[i]];
        var method = Array.isArray(call) ? call[0] : call.method;
        var params = Array.isArray(call) ? call[1] : call.params;
        cmd[keys[i]] = method + '?' + encodeParams(params);
      }
      callMethod('batch', { halt: halt ? 1 : 0, cmd: cmd }, function (res) {
        // Read without checks, as the real library does: a failed batch (no data), or an answer
        // without result_error, result_total or result_next, throws here and cb never runs.
        var data = res.data();
        var out = isList ? [] : {};
        for (var j = 0; j < keys.length; j++) {
          var key = keys[j];
          var error = data.result_error[key];
          var total = data.result_total[key];
          var next = data.result_next[key];
          var hasResult = typeof data.result[key] !== 'undefined';
          if (!hasResult && !error) continue;
          var answer = { result: hasResult ? data.result[key] : {} };
          if (error) answer.error = error;
          if (typeof total !== 'undefined') answer.total = total;
          if (typeof next !== 'undefined') answer.next = next;
          var sub = calls[key];
          out[key] = new AjaxResult(answer, {
            method: Array.isArray(sub) ? sub[0] : sub.method,
            data: Array.isArray(sub) ? sub[1] : sub.params, callback: cb
          }, res.status, lib);
        }
        if (typeof cb === 'function') cb(out);
      });
    }

    function scrollSize() {
      var doc = env.document;
      if (!doc) return { scrollWidth: 0, scrollHeight: 0 };
      var el = doc.documentElement;
      var body = doc.body || el;
      return {
        scrollWidth: Math.max(el.scrollWidth, el.offsetWidth, body.scrollWidth, body.offsetWidth),
        scrollHeight: Math.max(el.scrollHeight, el.offsetHeight, body.scrollHeight, body.offsetHeight)
      };
    }

    function withOptionalTitle(args, mult) {
      var title = typeof args[0] === 'function' ? undefined : args[0];
      var cb = typeof args[0] === 'function' ? args[0] : args[1];
      var params = { mult: mult };
      if (title) params.title = title;
      post('selectUser', params, cb);
    }

    var lib = {
      _send: send,
      init: function (cb) {
        initCallbacks.push(cb);
        if (inited) env.setTimeout(cb, 10);
      },
      install: function (cb) { installers.push(cb); },
      // Sent even before the init data; only an init that said INSTALL:false makes it a no-op.
      installFinish: function () { if (state.install !== false) post('setInstallFinish', {}); },
      isAdmin: function () { return state.isAdmin; },
      getLang: function () { return state.lang; },
      getDomain: function () { return state.domain; },
      getAuth: authObject,
      refreshAuth: refreshAuth,
      callMethod: callMethod,
      callBatch: callBatch,
      callBind: function (event, handler, authType, cb) {
        if (!state.isAdmin) return false;
        callMethod('event.bind', { event: event, handler: handler, auth_type: authType }, cb);
        return true;
      },
      callUnbind: function (event, handler, authType, cb) {
        if (!state.isAdmin) return false;
        callMethod('event.unbind', { event: event, handler: handler, auth_type: authType }, cb);
        return true;
      },
      getScrollSize: scrollSize,
      fitWindow: function (cb) { post('resizeWindow', { width: '100%', height: scrollSize().scrollHeight }, cb); },
      resizeWindow: function (width, height, cb) {
        width = parseInt(width, 10);
        height = parseInt(height, 10);
        if (width > 0 && height > 0) post('resizeWindow', { width: width, height: height }, cb);
      },
      reloadWindow: function (cb) { post('reloadWindow', {}, cb); },
      setTitle: function (title, cb) { post('setTitle', { title: String(title) }, cb); },
      scrollParentWindow: function (scroll, cb) { post('setScroll', { scroll: scroll }, cb); },
      selectUser: function () { withOptionalTitle(arguments, false); },
      selectUsers: function () { withOptionalTitle(arguments, true); },
      selectAccess: function (title, value, cb) {
        if (typeof title === 'function') { cb = title; title = undefined; value = []; }
        if (typeof value === 'function') { cb = value; value = []; }
        post('selectAccess', { title: title, value: value || [] }, cb);
      },
      selectCRM: function (params, cb) { post('selectCRM', params || {}, cb); },
      openApplication: function (params, cb, settings) {
        var all = {};
        var key;
        for (key in params || {}) all[key] = params[key];
        for (key in settings || {}) all['bx24_' + key] = settings[key];
        post('openApplication', all, cb);
      },
      openPath: function (path, cb) { post('openPath', { path: path }, cb); },
      closeApplication: function (cb) { post('closeApplication', null, cb); },
      im: {
        callTo: function (userId, video) { post('imCallTo', { userId: userId, video: !!video }); },
        phoneTo: function (phone) { post('imPhoneTo', { phone: phone }); },
        openMessenger: function (dialogId) { post('imOpenMessenger', { dialogId: dialogId }); },
        openHistory: function (dialogId) { post('imOpenHistory', { dialogId: dialogId }); }
      },
      placement: {
        info: function () { return { placement: state.placement, options: state.placementOptions }; },
        getInterface: function (cb) { post('getInterface', null, cb); },
        bindEvent: function (event, cb) { post('placementBindEvent', { event: event }, cb); },
        call: function (command, params, cb) {
          if (typeof params === 'function') { cb = params; params = {}; }
          if (Object.prototype.hasOwnProperty.call(lib, command)) return;
          post(command, params, cb);
        }
      },
      userOption: {
        get: function (name) { return state.userOptions ? state.userOptions[name] : undefined; },
        set: function (name, value) {
          if (!state.userOptions) return;
          state.userOptions[name] = value;
          post('setUserOption', { name: name, value: value });
        }
      },
      appOption: {
        get: function (name) { return state.appOptions ? state.appOptions[name] : undefined; },
        set: function (name, value, cb) {
          if (!state.isAdmin) return;
          post('setAppOption', { name: name, value: value }, function (answer) {
            if (state.appOptions) state.appOptions[name] = value;
            if (typeof cb === 'function') cb(answer);
          });
        }
      },
      // About the page, not the init data.
      isReady: function () { return !!env.document && env.document.readyState !== 'loading'; },
      ready: function (fn) {
        if (lib.isReady()) env.setTimeout(fn, 0);
        else if (env.document) env.document.addEventListener('DOMContentLoaded', fn);
      }
    };

    post('getInitData', null, function (data) {
      function objectOr(value) { return value && typeof value === 'object' && !Array.isArray(value) ? value : {}; }
      var first = !inited;
      if (!state.domain) state.domain = String(data.DOMAIN || '').replace(/:(80|443)$/, '');
      if (!state.path) state.path = data.PATH;
      state.protocol = data.PROTOCOL; // as is: the string "0" is true
      if (!state.lang) state.lang = data.LANG;
      if (!state.placement) state.placement = data.PLACEMENT;
      if (!state.placementOptions) state.placementOptions = data.PLACEMENT_OPTIONS;
      state.install = !!data.INSTALL;
      state.userOptions = objectOr(data.USER_OPTIONS);
      state.appOptions = objectOr(data.APP_OPTIONS);
      if (data.AUTH_ID) {
        setAuth(data);
        state.memberId = data.MEMBER_ID;
        state.isAdmin = !!data.IS_ADMIN;
      }
      inited = true;
      if (first && data.FIRST_RUN) {
        for (var k = 0; k < installers.length; k++) installers[k]();
        post('setInstall', { install: true });
      }
      for (var i = 0; i < initCallbacks.length; i++) env.setTimeout(initCallbacks[i], 10);
      var calls = waitingCalls;
      waitingCalls = [];
      for (var j = 0; j < calls.length; j++) env.setTimeout(calls[j], 10);
    });

    return lib;
  }

  function browserEnv(win) {
    return {
      name: win.name,
      document: win.document,
      now: function () { return Date.now(); },
      setTimeout: function (fn, ms) { return win.setTimeout(fn, ms); },
      postToParent: function (message, origin) { win.parent.postMessage(message, origin); },
      listen: function (handler) { win.addEventListener('message', handler); },
      http: function (url, body, done) {
        var xhr = new XMLHttpRequest();
        xhr.open('POST', url);
        xhr.onload = function () { done(xhr.status, xhr.responseText); };
        xhr.onerror = function () { done(0, null); };
        xhr.send(body);
      }
    };
  }

  global.BX24Standin = { create: create, encodeParams: encodeParams };
  if (!global.BX24_STANDIN_MANUAL) {
    try {
      global.BX24 = create(browserEnv(global));
    } catch (e) {
      global.BX24 = null;
      throw e;
    }
  }
})(typeof window !== 'undefined' ? window : globalThis);
