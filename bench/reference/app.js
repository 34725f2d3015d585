// The reference to beat (issue 7): the same first card built the way the official SDK's
// examples do it — plain JavaScript, @bitrix24/b24jssdk in frame mode, sequential
// callMethod calls (current user, the user, their department, its head). Not a test.
(async () => {
  performance.mark('reference:start');
  const $b24 = await B24Js.initializeB24Frame();
  performance.mark('reference:connected');
  const placement = $b24.placement;
  const options = placement.options || {};
  const userId = Number(options.USER_ID || 0);
  const me = (await $b24.callMethod('user.current')).getData().result;
  const user = (await $b24.callMethod('user.get', { ID: userId })).getData().result[0];
  const departments = (await $b24.callMethod('department.get', { ID: user.UF_DEPARTMENT })).getData().result;
  const headId = departments[0] && departments[0].UF_HEAD;
  const head = headId ? (await $b24.callMethod('user.get', { ID: headId })).getData().result[0] : null;
  performance.mark('reference:data');
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
