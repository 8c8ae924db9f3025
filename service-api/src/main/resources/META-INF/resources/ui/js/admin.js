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
  /** Notification rules (GET/POST/DELETE /api/notification-rules) and the dead-letter list. */
  async function rules() {
    const list = await api('/api/notification-rules');
    const s = document.getElementById('notification-rules');
    const chain = r => r.levels.map(l => 'L' + l.level + ' +' + l.afterMinutes + ' min: '
      + l.targets.map(t => t.channel + ' ' + t.address).join(', ')).join(' → ');
    s.replaceChildren(s.querySelector('h2'), list.length ? el('table', { id: 'rule-table' },
      el('thead', {}, el('tr', {}, el('th', {}, 'Rule'), el('th', {}, 'Watches'), el('th', {}, 'On-call chain'),
        el('th', {}, ''))),
      el('tbody', {}, list.map(r => el('tr', {}, el('td', {}, r.name),
        el('td', {}, r.trigger === 'SLA' ? 'SLA, warn at ' + r.slaWarnPercent + ' %'
          : [r.severity, r.alertRuleId, r.deviceType].filter(Boolean).join(' · ') || 'every alert'),
        el('td', {}, chain(r)),
        el('td', {}, el('button', { class: 'btn', onclick: async () => {
          await api('/api/notification-rules/' + r.ruleId, { method: 'DELETE' });
          await rules();
        } }, 'Deactivate')))))) : FC.empty('No notification rule yet.'));
    const dead = await api('/api/notifications/dead-letters');
    const d = document.getElementById('dead-letters');
    d.replaceChildren(d.querySelector('h2'), dead.length ? el('table', { id: 'dead-letter-table' },
      el('thead', {}, el('tr', {}, el('th', {}, 'Decided'), el('th', {}, 'What'), el('th', {}, 'To'),
        el('th', {}, 'Attempts'), el('th', {}, 'Last error'))),
      el('tbody', {}, dead.map(n => el('tr', {}, el('td', {}, FC.dateTime(n.createdAt)), el('td', {}, n.title),
        el('td', {}, n.channel + ' ' + n.recipient), el('td', {}, String(n.attempts)), el('td', {}, n.lastError || '')))))
      : FC.empty('Every notification was delivered.'));
  }

  document.getElementById('rule-form').addEventListener('submit', async e => {
    e.preventDefault();
    try {
      await api('/api/notification-rules', { method: 'POST', body: JSON.parse(e.target.elements.rule.value) });
      FC.toast('Notification rule created');
      await rules();
    } catch (err) {
      FC.toast(err.message, true);
    }
  });
  await accounts();
  await rules();
});
