// A reference (issue 16): the first card with the official SDK, @bitrix24/b24jssdk in frame
// mode, in one `callBatch` with `$result` references, the fastest way its API offers; it draws
// exactly as bench/reference/app.js does, so that only the loading differs. Not a test.
(async () => {
  performance.mark('reference:start');
  const $b24 = await B24Js.initializeB24Frame();
  performance.mark('reference:connected');
  const options = $b24.placement.options || {};
  const userId = Number(options.USER_ID || 0);
  const batch = (await $b24.callBatch({
    me: { method: 'user.current' },
    user: { method: 'user.get', params: { ID: userId } },
    dep: { method: 'department.get', params: { ID: '$result[user][0][UF_DEPARTMENT]' } },
    head: { method: 'user.get', params: { ID: '$result[dep][0][UF_HEAD]' } },
  }, true)).getData();
  performance.mark('reference:data');
  const me = batch.me, user = batch.user[0], departments = batch.dep, head = (batch.head || [])[0];
  const app = document.getElementById('app');
  app.textContent = '';
  const card = document.createElement('div');
  card.className = 'card profile-card';
  const line = (tag, text) => { const el = document.createElement(tag); el.textContent = text; card.appendChild(el); };
  line('h1', `${user.NAME} ${user.LAST_NAME}`);
  line('p', user.WORK_POSITION || '');
  line('p', departments.map((d) => d.NAME).join(' · '));
  if (head) line('p', `Manager: ${head.NAME} ${head.LAST_NAME}`);
  line('p', me.ID === user.ID ? 'My card' : 'Colleague');
  app.appendChild(card);
  performance.mark('reference:card');
  await $b24.parent.fitWindow();
})();
