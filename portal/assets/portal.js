/*
 * The portal's parent page: frames the widget as Bitrix24 does (window.name
 * "<host>|<0|1>|<APP_SID>", a hidden form POST with the query and body keys) and answers the
 * postMessage protocol of shared/bitrix24.md §3: origin and APP_SID checks, silent drops, the
 * deny list outside DEFAULT, real resizing, token refresh through the server, a user picker,
 * sliders for openPath/openApplication, and a visible log of every message.
 * Everything shown comes from data: text only, never HTML.
 */
(function () {
  'use strict';

  var APP = document.body.getAttribute('data-app-origin');
  var OPEN_PATH = [/^\/crm\/(deal|lead|contact|company|type)\//, /^\/marketplace\//,
    /^\/company\/personal\/user\/\d+\//, /^\/workgroups\/group\/\d+\//];
  var DENIED_OUTSIDE_DEFAULT = ['setTitle', 'setScroll', 'reloadWindow'];
  var frames = {};
  var state = null;
  window.__simLog = [];

  function $(id) { return document.getElementById(id); }

  function log(kind, text, detail) {
    var entry = { kind: kind, text: text, detail: detail === undefined ? null : detail, at: Date.now() };
    window.__simLog.push(entry);
    var li = document.createElement('li');
    li.className = kind;
    li.textContent = text + (detail === undefined ? '' : ' ' + JSON.stringify(detail));
    var list = $('event-log');
    list.insertBefore(li, list.firstChild);
  }

  function api(path, body) {
    var init = body === undefined ? {} : {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body)
    };
    return fetch(path, init).then(function (r) {
      if (!r.ok) throw new Error(path + ': HTTP ' + r.status);
      return r.json();
    });
  }

  function randomSid() {
    var bytes = crypto.getRandomValues(new Uint8Array(16));
    return Array.prototype.map.call(bytes, function (b) { return ('0' + b.toString(16)).slice(-2); }).join('');
  }

  // --- page ---------------------------------------------------------------------------

  function fillPerson(prefix, person) {
    if (!person) return;
    var photo = $(prefix + '-photo');
    if (person.photo) photo.src = person.photo; else photo.removeAttribute('src');
    $(prefix + '-name').textContent = person.name;
    if ($(prefix + '-position')) $(prefix + '-position').textContent = person.position;
  }

  function render() {
    fillPerson('me', state.me);
    fillPerson('card', state.card);
    $('card-path').textContent = '/company/personal/user/' + state.settings.card_user + '/';
    var form = $('settings');
    ['current_user', 'card_user'].forEach(function (name) {
      var select = form.elements[name];
      if (!select.options.length) {
        state.users.forEach(function (u) {
          var option = document.createElement('option');
          option.value = u.id;
          option.textContent = u.id + ' · ' + u.name + (u.active ? '' : ' (fired)') + (u.type === 'extranet' ? ' (extranet)' : '');
          select.appendChild(option);
        });
      }
      select.value = String(state.settings[name]);
    });
    ['lang', 'fault', 'parent'].forEach(function (name) { form.elements[name].value = state.settings[name]; });
    ['token_lifetime', 'latency_ms', 'fault_count'].forEach(function (name) { form.elements[name].value = state.settings[name]; });
    ['admin', 'popup', 'omit_uri', 'options_undefined'].forEach(function (name) { form.elements[name].checked = !!state.settings[name]; });
    Array.prototype.forEach.call(form.querySelectorAll('input[name=scope]'), function (box) {
      box.checked = state.settings.scopes.indexOf(box.value) >= 0;
    });
    $('company-size').textContent = 'Demo company: ' + state.user_count + ' employees.';
    renderItems();
  }

  /* The profile items. The demo portal shows them from the start; a fresh portal shows an
   * item only once the app is installed and has bound that placement, titled as bound. */
  function renderItems() {
    [['open-menu-placement', 'USER_PROFILE_MENU'], ['open-toolbar-placement', 'USER_PROFILE_TOOLBAR']]
      .forEach(function (pair) {
        var button = $(pair[0]);
        if (!state.fresh) { button.hidden = false; button.textContent = 'Profile widget'; return; }
        var binding = state.placements.filter(function (b) { return b.placement === pair[1]; })[0];
        button.hidden = !(state.installed && binding);
        if (binding) {
          var all = binding.lang_all || {};
          var local = all[state.settings.lang] || all.en || {};
          button.textContent = local.TITLE || binding.title || 'Application';
        }
      });
  }

  function load() {
    return api('/sim/api/state').then(function (s) { state = s; render(); });
  }

  function saveSettings() {
    var form = $('settings');
    var patch = {
      current_user: Number(form.elements.current_user.value),
      card_user: Number(form.elements.card_user.value),
      lang: form.elements.lang.value,
      admin: form.elements.admin.checked,
      scopes: Array.prototype.filter.call(form.querySelectorAll('input[name=scope]'), function (b) { return b.checked; })
        .map(function (b) { return b.value; }),
      token_lifetime: Number(form.elements.token_lifetime.value),
      latency_ms: Number(form.elements.latency_ms.value),
      fault: form.elements.fault.value,
      fault_count: Number(form.elements.fault_count.value),
      parent: form.elements.parent.value,
      popup: form.elements.popup.checked,
      omit_uri: form.elements.omit_uri.checked,
      options_undefined: form.elements.options_undefined.checked
    };
    return api('/sim/api/settings', patch).then(function () {
      log('info', 'settings saved', patch);
      return load();
    });
  }

  // --- frames -------------------------------------------------------------------------

  function closeSlider() {
    $('slider').hidden = true;
    $('slider-body').textContent = '';
    Object.keys(frames).forEach(function (sid) { delete frames[sid]; });
  }

  /* Opens the widget in a placement, the way Bitrix24 builds the frame. */
  function openPlacement(placement) {
    return api('/sim/api/session', { placement: placement }).then(function (session) {
      closeSlider();
      var sid = randomSid();
      var https = location.protocol === 'https:';
      var iframe = document.createElement('iframe');
      iframe.name = typeof session.window_name === 'string' ? session.window_name
        : location.host + '|' + (https ? 1 : 0) + '|' + sid;
      iframe.id = 'appframe_' + sid;
      iframe.height = '200';
      iframe.title = 'Profile widget';
      $('slider-title').textContent = 'Profile widget · ' + placement;
      $('slider-body').appendChild(iframe);
      $('slider').hidden = false;
      var init = session.init;
      init.DOMAIN = location.host;
      init.PROTOCOL = https ? 1 : 0;
      frames[sid] = { iframe: iframe, init: init, placement: placement, refresh: init.REFRESH_ID,
        parent: session.parent, popup: session.popup, firstRun: false, events: {} };
      var query = new URLSearchParams({ DOMAIN: location.host, PROTOCOL: https ? '1' : '0', LANG: session.lang, APP_SID: sid });
      var form = document.createElement('form');
      form.method = 'POST';
      form.target = iframe.name;
      form.action = APP + '/handler/?' + query.toString();
      form.hidden = true;
      Object.keys(session.body).forEach(function (key) {
        if (session.body[key] === null) return; // empty options are left out
        var input = document.createElement('input');
        input.type = 'hidden';
        input.name = key;
        input.value = session.body[key];
        form.appendChild(input);
      });
      document.body.appendChild(form);
      log('action', 'open ' + placement, { handler: form.action });
      form.submit();
      form.remove();
      return sid;
    });
  }

  function reply(frame, callbackId, payload) {
    if (!callbackId || !frame.iframe.contentWindow) return;
    var data = callbackId + ':' + (payload === undefined ? '' : JSON.stringify(payload));
    frame.iframe.contentWindow.postMessage(data, APP);
  }

  function parse(data) {
    if (typeof data === 'string') {
      var parts = data.split(':');
      if (parts.length < 3) return null; // the SDK leaves empty params out entirely
      var raw = parts.slice(1, -2).join(':');
      var params;
      try { params = raw ? JSON.parse(raw) : []; } catch (e) { return null; }
      return { command: parts[0], params: params, callback: parts[parts.length - 2], sid: parts[parts.length - 1] };
    }
    if (data && typeof data === 'object' && typeof data.method === 'string') {
      return { command: data.method, params: data.params || [], callback: data.callback || '', sid: data.appSid };
    }
    return null;
  }

  function showOverlay(title, build, onClose) {
    $('overlay-title').textContent = title;
    var body = $('overlay-body');
    body.textContent = '';
    build(body);
    $('overlay').hidden = false;
    $('overlay-close').onclick = function () {
      $('overlay').hidden = true;
      if (onClose) onClose();
    };
    $('overlay-close').focus();
  }

  function pickUsers(multiple, title, done) {
    var chosen = [];
    showOverlay(title || (multiple ? 'Choose employees' : 'Choose an employee'), function (body) {
      var input = document.createElement('input');
      input.type = 'search';
      input.placeholder = 'Search by name';
      input.setAttribute('aria-label', 'Search by name');
      var list = document.createElement('ul');
      list.className = 'picker-results';
      function search() {
        api('/sim/api/users?q=' + encodeURIComponent(input.value)).then(function (people) {
          list.textContent = '';
          people.forEach(function (p) {
            var li = document.createElement('li');
            var button = document.createElement('button');
            button.type = 'button';
            button.className = 'pick';
            button.setAttribute('data-user-id', p.id);
            button.textContent = p.name + ' · ' + p.position;
            button.onclick = function () {
              var user = { id: String(p.id), name: p.name, photo: '', position: p.position,
                url: '/company/personal/user/' + p.id + '/', sub: false, sup: false };
              if (!multiple) {
                $('overlay').hidden = true;
                done(user);
                return;
              }
              chosen.push(user);
              button.disabled = true;
            };
            li.appendChild(button);
            list.appendChild(li);
          });
        });
      }
      input.oninput = search;
      body.appendChild(input);
      body.appendChild(list);
      search();
    }, function () {
      // Closing: a multiple pick answers with what was chosen; a cancelled single pick
      // gets no answer (what Bitrix24 does here is unconfirmed).
      if (multiple) done(chosen);
    });
  }

  function handle(frame, message, event) {
    var command = message.command;
    var params = message.params;
    var cb = message.callback;
    log('message', command, { params: params, origin: event.origin });
    if (DENIED_OUTSIDE_DEFAULT.indexOf(command) >= 0 && frame.placement !== 'DEFAULT') {
      log('ignored', command + ' denied outside DEFAULT (no answer)');
      return;
    }
    if (command === 'resizeWindow' && frame.popup) {
      log('ignored', 'resizeWindow denied in a popup (no answer)');
      return;
    }
    switch (command) {
      case 'getInitData':
        if (frame.parent === 'silent_init') { log('ignored', 'getInitData: parent set to never answer'); return; }
        var init = Object.assign({}, frame.init, { FIRST_RUN: frame.firstRun });
        frame.firstRun = false;
        return reply(frame, cb, init);
      case 'refreshAuth':
        if (frame.parent === 'silent_refresh') { log('ignored', 'refreshAuth: parent set to never answer'); return; }
        if (typeof frame.refresh !== 'string' || !frame.refresh) {
          // Without a refresh token the real portal cannot refresh either, and never answers.
          log('ignored', 'refreshAuth: the frame has no refresh token');
          return;
        }
        return api('/sim/api/refresh', { refresh_token: frame.refresh }).then(function (auth) {
          frame.refresh = auth.REFRESH_ID;
          reply(frame, cb, auth);
        }, function (err) {
          // The real portal shows an alert and never answers.
          log('ignored', 'refreshAuth failed: ' + err.message);
        });
      case 'resizeWindow':
        var height = Math.max(1, parseInt(params.height, 10) || 100);
        frame.iframe.style.height = height + 'px';
        frame.iframe.height = String(height);
        if (params.width !== '100%') frame.iframe.style.width = (parseInt(params.width, 10) || 100) + 'px';
        return reply(frame, cb, { width: frame.iframe.offsetWidth, height: frame.iframe.offsetHeight });
      case 'setTitle':
        $('slider-title').textContent = String(params.title);
        return reply(frame, cb, params);
      case 'setScroll':
        window.scrollTo(0, parseInt(params.scroll, 10) || 0);
        return reply(frame, cb, params);
      case 'reloadWindow':
        return location.reload();
      case 'setUserOption': /* kept for this user: back in USER_OPTIONS on the next load */
        return api('/sim/api/user-option', { name: String(params.name), value: params.value }).then(function () {
          reply(frame, cb, params);
        });
      case 'setAppOption':
        if (!frame.init.IS_ADMIN) return;
        return reply(frame, cb, true);
      case 'setInstall':
        return reply(frame, cb, params);
      case 'setInstallFinish':
        return api('/sim/api/install-finish', {}).then(function () {
          location.search = '?install_finished=Y';
        });
      case 'selectUser':
        return pickUsers(!!params.mult, params.title, function (picked) { reply(frame, cb, picked); });
      case 'selectAccess':
      case 'selectCRM':
        return reply(frame, cb, []);
      case 'openApplication':
        log('action', 'openApplication', params);
        return showOverlay('Application page', function (body) {
          body.textContent = 'The application opened with ' + JSON.stringify(params);
        }, function () { reply(frame, cb, undefined); });
      case 'openPath':
        var path = String(params.path || '');
        if (!OPEN_PATH.some(function (re) { return re.test(path); })) {
          log('action', 'openPath refused', { path: path });
          return reply(frame, cb, { result: 'error', errorCode: 'PATH_NOT_AVAILABLE' });
        }
        var target = path + (path.indexOf('?') >= 0 ? '&' : '?') + 'from=rest_placement&from_app=5';
        log('action', 'openPath', { path: target });
        return showOverlay('Portal page', function (body) {
          body.textContent = 'A slider with ' + target;
        }, function () { reply(frame, cb, { result: 'close' }); });
      case 'closeApplication':
        closeSlider();
        return reply(frame, cb, undefined);
      case 'imCallTo':
        return log('action', params.video ? 'video call' : 'audio call', { userId: params.userId });
      case 'imPhoneTo':
        return log('action', 'phone call', { phone: params.phone });
      case 'imOpenMessenger':
        return log('action', 'open messenger', { dialogId: params.dialogId });
      case 'imOpenHistory':
        return log('action', 'open history', { dialogId: params.dialogId });
      case 'getInterface':
        return reply(frame, cb, { command: [], event: [] });
      case 'placementBindEvent':
        frame.events[params.event] = cb; // profile placements fire no events
        return undefined;
      default:
        log('ignored', 'unknown command ' + command + ' (no answer)');
        return undefined;
    }
  }

  window.addEventListener('message', function (event) {
    if (event.origin !== APP) {
      log('ignored', 'message from a foreign origin ignored', { origin: event.origin });
      return;
    }
    var message = parse(event.data);
    if (!message) { log('ignored', 'malformed message ignored'); return; }
    var frame = frames[message.sid];
    if (!frame || frame.iframe.contentWindow !== event.source) {
      log('ignored', 'message with a wrong APP_SID ignored', { command: message.command });
      return;
    }
    handle(frame, message, event);
  });

  // --- wiring -------------------------------------------------------------------------

  function toggleMenu(open) {
    $('user-menu').hidden = !open;
    $('user-menu-button').setAttribute('aria-expanded', String(open));
    if (open) $('open-menu-placement').focus();
  }
  $('user-menu-button').onclick = function () { toggleMenu($('user-menu').hidden); };
  document.addEventListener('keydown', function (e) {
    if (e.key === 'Escape') { toggleMenu(false); if (!$('overlay').hidden) $('overlay-close').click(); }
  });
  $('open-menu-placement').onclick = function () { toggleMenu(false); openPlacement('USER_PROFILE_MENU'); };
  $('menu-my-profile').onclick = function () {
    toggleMenu(false);
    api('/sim/api/settings', { card_user: state.settings.current_user }).then(load);
  };
  $('open-toolbar-placement').onclick = function () { openPlacement('USER_PROFILE_TOOLBAR'); };
  $('slider-close').onclick = closeSlider;
  $('settings').addEventListener('change', saveSettings);
  $('reset').onclick = function () { api('/sim/api/reset', {}).then(load); };
  $('reset-fresh').onclick = function () { api('/sim/api/reset', { fresh: true }).then(load); };
  $('open-app').onclick = function () { openPlacement('DEFAULT'); };

  window.__sim = { openPlacement: openPlacement, frames: frames, reload: load };
  var match = location.pathname.match(/^\/company\/personal\/user\/(\d+)\/$/);
  (match ? api('/sim/api/settings', { card_user: Number(match[1]) }) : Promise.resolve())
    .then(load)
    .then(function () {
      if (new URLSearchParams(location.search).get('install_finished') === 'Y') log('info', 'installation finished');
    });
})();
