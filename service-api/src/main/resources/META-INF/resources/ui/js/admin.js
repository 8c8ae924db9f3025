/* Administration (ADMIN only; the server refuses this page and its endpoints to everybody else). */
FC.page('admin', async function () {
  'use strict';
  const { el, api } = FC;

  async function accounts() {
    const list = await api('/api/accounts');
    const s = document.getElementById('accounts');
    s.replaceChildren(s.querySelector('h2'), el('table', { id: 'account-table' },
      el('thead', {}, el('tr', {}, el('th', {}, 'Username'), el('th', {}, 'Roles'), el('th', {}, 'Created'))),
      el('tbody', {}, list.map(a => el('tr', {}, el('td', {}, a.username),
        el('td', {}, a.roles.map(r => FC.ROLE_LABEL[r] || r).join(', ')), el('td', {}, FC.dateTime(a.createdAt)))))));
  }

  document.getElementById('a-roles').replaceChildren(...Object.entries(FC.ROLE_LABEL).map(([role, label]) =>
    el('label', { style: 'display:block' }, el('input', { type: 'checkbox', name: 'roles', value: role }), ' ' + label)));
  document.getElementById('account-form').addEventListener('submit', async e => {
    e.preventDefault();
    const f = e.target.elements;
    const roles = [...document.querySelectorAll('#a-roles input:checked')].map(i => i.value);
    try {
      await api('/api/accounts', { method: 'POST', body: { username: f.username.value.trim(),
        password: f.password.value, roles } });
      FC.toast('Account ' + f.username.value + ' created');
      e.target.reset();
      await accounts();
    } catch (err) {
      FC.toast(err.message, true);
    }
  });
  await accounts();
});
