/* NOC view: fleet counters, the live alert list (server-sent events), acknowledge, comment, ticket from an alert. */
FC.page('noc', async function () {
  'use strict';
  const { el, api, badge } = FC;
  const alerts = new Map();
  const fresh = new Set();
  const sites = new Map();
  const dispatch = FC.hasRole('NOC_OPERATOR', 'SERVICE_MANAGER', 'ADMIN');
  const KIND = { EV_CHARGER: 'EV charger', SET_TOP_BOX: 'Set-top box', ENERGY_METER: 'Energy meter',
    PLATFORM_COMPONENT: 'Platform' };
  const tbody = document.querySelector('#alerts tbody');
  const action = el('div', { class: 'panel', id: 'alert-action', hidden: true, style: 'margin-bottom:.6rem' });
  document.getElementById('alerts').before(action);

  async function counters() {
    const fleet = await api('/api/fleet/counters');
    document.getElementById('counters').replaceChildren(...fleet.kinds.map(k =>
      el('div', { class: 'panel counter', id: 'counter-' + k.deviceType },
        el('h3', {}, KIND[k.deviceType] || k.deviceType, el('span', { class: 'muted small' }, ' · ' + k.total)),
        el('div', { class: 'nums' },
          el('div', { class: 'num online' }, String(k.online), el('span', {}, 'online')),
          el('div', { class: 'num offline' }, String(k.offline), el('span', {}, 'offline')),
          el('div', { class: 'num faulted' }, String(k.faulted), el('span', {}, 'faulted'))))));
  }

  async function loadSites() {
    try {
      (await api('/api/devices?limit=1000')).forEach(d => sites.set(d.deviceId, d.siteAddress || ''));
    } catch (e) {
      FC.toast('Sites could not be read: ' + e.message, true);
    }
  }

  async function loadAlerts() {
    (await api('/api/alerts?limit=500')).forEach(a => alerts.set(a.alertId, a));
    render();
  }

  function lastChange(a) {
    return a.clearedAt || a.raisedAt || a.receivedAt;
  }

  function visible(a) {
    const sev = document.getElementById('f-severity').value;
    const kind = document.getElementById('f-kind').value;
    const site = document.getElementById('f-site').value.trim().toLowerCase();
    const state = document.getElementById('f-state').value;
    return (!sev || a.severity === sev) && (!kind || a.deviceType === kind) && (!state || a.state === state)
      && (!site || (sites.get(a.deviceId) || '').toLowerCase().includes(site));
  }

  function ticketOf(a) {
    const note = (a.notes || []).find(n => n.kind === 'TICKET');
    return note ? note.ticketNumber : null;
  }

  function handling(a) {
    const cell = [];
    if (a.acknowledgement) {
      cell.push(el('div', { class: 'small ack' }, '✔ acknowledged by ' + a.acknowledgement.by
        + (a.acknowledgement.comment ? ': “' + a.acknowledgement.comment + '”' : '')));
    }
    const comments = (a.notes || []).filter(n => n.kind === 'COMMENT');
    if (comments.length) {
      cell.push(el('div', { class: 'small muted' }, comments.length + ' comment(s), last: “'
        + comments[comments.length - 1].comment + '”'));
    }
    const ticket = ticketOf(a);
    if (ticket) {
      cell.push(el('div', { class: 'small' }, 'Ticket ',
        el('a', { href: '/ui/ticket.html?n=' + encodeURIComponent(ticket), class: 'ticket-link' }, ticket)));
    }
    if (dispatch) {
      const buttons = el('div', { class: 'no-print' });
      if (!a.acknowledgement) {
        buttons.append(el('button', { class: 'btn small ack-button', onclick: () => ask(a, 'ack') }, 'Acknowledge'), ' ');
      }
      buttons.append(el('button', { class: 'btn small secondary comment-button', onclick: () => ask(a, 'comment') },
        'Comment'), ' ');
      if (!ticket) {
        buttons.append(el('button', { class: 'btn small secondary ticket-button', onclick: () => openTicket(a) },
          'Open ticket'));
      }
      cell.push(buttons);
    }
    return cell;
  }

  function render() {
    const rows = [...alerts.values()].filter(visible)
      .sort((x, y) => new Date(lastChange(y)) - new Date(lastChange(x)));
    tbody.replaceChildren(...rows.map(a => el('tr', {
      id: 'alert-' + a.alertId, class: fresh.has(a.alertId) ? 'new-critical alert-row' : 'alert-row',
      dataset: { device: a.deviceId, severity: a.severity, state: a.state } },
      el('td', {}, badge('sev', a.severity)),
      el('td', {}, a.deviceType === 'PLATFORM_COMPONENT'
        ? el('span', { class: 'platform-component' }, a.deviceId)
        : el('a', { href: '/ui/device.html?id=' + encodeURIComponent(a.deviceId), class: 'device-link' }, a.deviceId),
        el('div', { class: 'small muted' }, sites.get(a.deviceId) || a.model || '')),
      el('td', { class: 'opt' }, KIND[a.deviceType] || a.deviceType),
      el('td', {}, a.ruleId),
      el('td', { class: 'opt small' }, a.message),
      el('td', { class: 'age', dataset: { since: a.raisedAt || lastChange(a) } }, FC.age(a.raisedAt || lastChange(a))),
      el('td', {}, badge('state', a.state)),
      el('td', {}, handling(a)))));
    if (!rows.length) {
      tbody.replaceChildren(el('tr', {}, el('td', { colspan: 8 }, FC.empty('No alerts match the filter.'))));
    }
  }

  function ask(a, kind) {
    const input = el('input', { id: 'action-comment', placeholder: kind === 'ack' ? 'comment (optional)' : 'comment',
      style: 'flex:1; min-width:14rem' });
    const confirm = el('button', { class: 'btn', id: 'action-confirm', onclick: async () => {
      try {
        const comment = input.value.trim();
        const updated = kind === 'ack'
          ? await api('/api/alerts/' + encodeURIComponent(a.alertId) + '/acknowledgement',
            { method: 'POST', body: comment ? { comment } : {} })
          : await api('/api/alerts/' + encodeURIComponent(a.alertId) + '/comments', { method: 'POST', body: { comment } });
        alerts.set(updated.alertId, updated);
        action.hidden = true;
        render();
        FC.toast(kind === 'ack' ? 'Alert acknowledged' : 'Comment added');
      } catch (e) {
        FC.toast(e.message, true);
      }
    } }, kind === 'ack' ? 'Acknowledge' : 'Add comment');
    action.replaceChildren(el('div', { class: 'small muted' }, (kind === 'ack' ? 'Acknowledge ' : 'Comment on ')
      + a.severity + ' ' + a.ruleId + ' on ' + a.deviceId),
      el('div', { class: 'form-row', style: 'margin-top:.4rem' }, input, confirm,
        el('button', { class: 'btn secondary', onclick: () => { action.hidden = true; } }, 'Cancel')));
    action.hidden = false;
    input.focus();
  }

  async function openTicket(a) {
    try {
      const ticket = await api('/api/alerts/' + encodeURIComponent(a.alertId) + '/ticket', { method: 'POST' });
      alerts.set(a.alertId, await api('/api/alerts/' + encodeURIComponent(a.alertId)));
      render();
      FC.toast('Ticket ' + ticket.number + ' (' + ticket.status + ')');
    } catch (e) {
      FC.toast(e.message, true);
    }
  }

  function criticalCue(a) {
    fresh.add(a.alertId);
    const banner = document.getElementById('critical-banner');
    banner.textContent = 'New CRITICAL alert: ' + a.ruleId + ' on ' + a.deviceId + ' — ' + (a.message || '');
    banner.className = 'banner show';
    document.title = '(!) NOC · FleetCare';
    setTimeout(() => { fresh.delete(a.alertId); }, 60000);
  }

  function follow() {
    const live = document.getElementById('live');
    let reconnect = false;
    const source = new EventSource('/api/alerts/stream');
    source.onopen = () => {
      live.className = 'live on';
      live.title = 'live';
      if (reconnect) loadAlerts().catch(e => FC.toast(e.message, true));
    };
    source.onerror = () => {
      live.className = 'live';
      live.title = 'reconnecting';
      reconnect = true;
    };
    source.onmessage = event => {
      const a = JSON.parse(event.data);
      const known = alerts.get(a.alertId);
      alerts.set(a.alertId, a);
      if (a.severity === 'CRITICAL' && a.state === 'RAISED' && (!known || known.state !== 'RAISED')) criticalCue(a);
      if (!known || known.state !== a.state) counters().catch(e => FC.toast(e.message, true));
      render();
    };
  }

  ['f-severity', 'f-kind', 'f-state'].forEach(id => document.getElementById(id).addEventListener('change', render));
  document.getElementById('f-site').addEventListener('input', render);
  document.getElementById('critical-banner').addEventListener('click', e => { e.target.className = 'banner'; });
  follow();
  await Promise.all([counters(), loadSites()]);
  /** The in-UI notifications of the signed-in person (GET /api/notifications/mine), newest first. */
  async function myNotifications() {
    const list = await api('/api/notifications/mine?limit=20');
    const s = document.getElementById('my-notifications');
    s.replaceChildren(s.querySelector('h2'), list.length ? el('ul', { class: 'timeline', id: 'my-notification-list' },
      list.map(n => el('li', {}, el('div', { class: 'small muted' }, FC.dateTime(n.createdAt)),
        el('div', {}, n.subjectKind === 'TICKET'
          ? el('a', { href: '/ui/ticket.html?n=' + encodeURIComponent(n.subjectId) }, n.title) : n.title))))
      : FC.empty('Nothing for you.'));
  }

  await loadAlerts();
  await myNotifications();
  setInterval(() => myNotifications().catch(e => FC.toast(e.message, true)), 20000);
  setInterval(() => counters().catch(e => FC.toast(e.message, true)), 20000);
  setInterval(() => document.querySelectorAll('td.age').forEach(td => { td.textContent = FC.age(td.dataset.since); }),
    5000);
});
