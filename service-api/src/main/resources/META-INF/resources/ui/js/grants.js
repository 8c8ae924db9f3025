/* Access grants: everybody sees their own; the top manager and administrators see all. Only the top manager is
   offered approval and refusal, the server refuses them to everybody else (403); both may revoke a grant in force. */
FC.page('grants', async function (session) {
  'use strict';
  const { el, api } = FC;
  const decides = FC.hasRole('TOP_MANAGER');
  const revokes = FC.hasRole('TOP_MANAGER', 'ADMIN');
  const statusSelect = document.getElementById('g-status');

  async function act(button, path, body, done) {
    button.disabled = true;
    try {
      const grant = await api(path, { method: 'POST', body });
      FC.toast('Access grant #' + grant.grantId + ' ' + grant.status.toLowerCase());
      done(grant);
    } catch (e) {
      FC.toast(e.message, true);
      button.disabled = false;
    }
  }

  function actions(g) {
    const cell = el('td', { class: 'actions' });
    const redraw = () => load();
    if (decides && g.status === 'REQUESTED' && g.requestedBy !== session.username) {
      cell.append(
        el('button', { class: 'btn small approve-button', type: 'button',
          onclick: e => act(e.target, '/api/grants/' + g.grantId + '/approval', undefined, redraw) }, 'Approve'),
        ' ',
        el('button', { class: 'btn small secondary refuse-button', type: 'button',
          onclick: e => act(e.target, '/api/grants/' + g.grantId + '/refusal', undefined, redraw) }, 'Refuse'));
    }
    if (revokes && g.status === 'APPROVED') {
      cell.append(el('button', { class: 'btn small secondary revoke-button', type: 'button', onclick: e => {
        const reason = prompt('Why is this grant revoked?');
        if (reason) act(e.target, '/api/grants/' + g.grantId + '/revocation', { reason }, redraw);
      } }, 'Revoke'));
    }
    return cell;
  }

  async function load() {
    const status = statusSelect.value;
    const list = await api('/api/grants' + (status ? '?status=' + encodeURIComponent(status) : ''));
    const section = document.getElementById('grants');
    section.replaceChildren(list.length === 0 ? FC.empty('No access grants.') : el('table', { id: 'grant-table' },
      el('thead', {}, el('tr', {}, ['#', 'Customer', 'Through', 'Asked by', 'Reason', 'For', 'Status', 'Decided by',
        ''].map(h => el('th', {}, h)))),
      el('tbody', {}, list.map(g => el('tr', { class: 'grant-row', id: 'grant-' + g.grantId,
        dataset: { status: g.status } },
      el('td', {}, String(g.grantId)), el('td', {}, g.customerId === undefined ? 'withheld' : String(g.customerId)),
      el('td', {}, g.ticketNumber || g.deviceId || '–'), el('td', {}, g.requestedBy), el('td', {}, g.reason),
      el('td', {}, g.durationMinutes + ' min'), el('td', { class: 'status' }, FC.badge('grant', g.status)),
      el('td', {}, g.decidedBy || '–'), actions(g))))));
    document.querySelector('main').dataset.settled = '';
  }

  statusSelect.addEventListener('change', () => load().catch(e => FC.toast(e.message, true)));
  await load();
});
