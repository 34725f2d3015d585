/* Inlined into index.html by Trunk (no extra request before the library): block comments
 * only, since the HTML minifier joins lines, and no closing script tag in the text.
 * Loads the BX24 library before the widget starts, but only inside a portal frame.
 * Bitrix24 names the frame "<host>|<1|0>|<APP_SID>"; opened any other way the real library
 * would throw at load, so it is not loaded and the widget explains where it runs instead.
 * The host is checked strictly before it is used: window.name is set by whoever opens us.
 * A portal on this machine (the demo portal) serves the BX24 stand-in at /bx24/api/v1/;
 * any other portal gets the real library. */
(function () {
  var parts = String(window.name || '').split('|');
  if (parts.length !== 3) return;
  var host = parts[0];
  var https = parts[1] === '1';
  if (!/^[01]$/.test(parts[1]) || !/^[0-9a-z]{1,64}$/i.test(parts[2])) return;
  if (!/^(\[[0-9a-f:]+\]|[a-z0-9.-]+)(:[0-9]{1,5})?$/i.test(host)) return;
  var hostname = host.replace(/:[0-9]+$/, '');
  var local = hostname === 'localhost' || hostname === '[::1]' || /^127\.[0-9.]+$/.test(hostname);
  var src = local
    ? (https ? 'https://' : 'http://') + host + '/bx24/api/v1/'
    : 'https://api.bitrix24.com/api/v1/';
  /* A parser-blocking script, so BX24 exists (and has sent getInitData) before the wasm runs.
   * src is an external address checked above: no escaping needed. The end tag is built from
   * two parts so that it never appears in the inlined text. */
  var end = '</';
  document.write('<script src="' + src + '">' + end + 'script>');
})();
