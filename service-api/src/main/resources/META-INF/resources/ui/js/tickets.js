/* Tickets board: one column per status, SLA countdown of the clock that runs in that status, breach colours. */
FC.page('tickets', async function (session) {
  'use strict';
  const { el, api, badge } = FC;
  const COLUMNS = [['REGISTERED', 'Registered'], ['ACKNOWLEDGED', 'Acknowledged'], ['SCHEDULED', 'Scheduled'],
    ['ON_SITE', 'On site'], ['ESCALATED', 'Escalated'], ['RESOLVED', 'Resolved'],
    ['CUSTOMER_CONFIRMED', 'Customer confirmed'], ['CLOSED', 'Closed'], ['CANCELLED', 'Cancelled']];
  const FINISHED_SHOWN = 10;
  let tickets = [];

  function card(t) {
    const clock = FC.runningClock(t);
    const cd = clock ? FC.countdown(clock.due, clock.breached) : null;
    const anyBreach = t.sla && Object.entries(t.sla).some(([k, v]) => k.endsWith('Breached') && v);
    const cls = cd ? 'sla-' + cd.cls : (anyBreach ? 'sla-breached' : 'sla-none');
    return el('div', { class: 'card ' + cls, id: 'card-' + t.number, dataset: { status: t.status } },
      el('div', {}, el('a', { class: 'title', href: '/ui/ticket.html?n=' + encodeURIComponent(t.number) }, t.number),
        ' ', badge('pri', t.priority), t.complaint ? ' complaint' : ''),
      el('div', { class: 'small' }, el('a', { href: '/ui/device.html?id=' + encodeURIComponent(t.deviceId) }, t.deviceId),
        ' · ' + (t.ruleId || t.channel)),
      el('div', { class: 'small muted' }, t.problem.length > 90 ? t.problem.substring(0, 90) + '…' : t.problem),
      t.assignment ? el('div', { class: 'small' }, '👷 ' + t.assignment.engineer + ' · ' + FC.dateTime(t.assignment.from))
        : null,
      cd ? el('div', { class: 'sla ' + cd.cls }, clock.name + ' ' + cd.text)
        : (anyBreach ? el('div', { class: 'sla breached' }, 'SLA breached') : null));
  }

  function render() {
    const device = document.getElementById('f-device').value.trim().toLowerCase();
    const priority = document.getElementById('f-priority').value;
    const mine = document.getElementById('f-mine').checked;
    const shown = tickets.filter(t => (!device || t.deviceId.toLowerCase().includes(device))
      && (!priority || t.priority === priority)
      && (!mine || (t.assignment && t.assignment.engineer === session.username)));
    document.getElementById('board').replaceChildren(...COLUMNS.map(([status, title]) => {
      let inColumn = shown.filter(t => t.status === status);
      const total = inColumn.length;
      if (status === 'CLOSED' || status === 'CANCELLED') inColumn = inColumn.slice(0, FINISHED_SHOWN);
      return el('div', { class: 'column', id: 'column-' + status },
        el('h3', {}, title + ' (' + total + ')'), inColumn.map(card));
    }));
    const breached = shown.filter(t => { const c = FC.runningClock(t); return c && FC.countdown(c.due, c.breached).cls === 'breached'; });
    document.getElementById('board-summary').textContent = shown.length + ' tickets, ' + breached.length
      + ' with a running SLA clock breached';
  }

  async function load() {
    tickets = await api('/api/tickets?limit=1000');
    render();
  }
  ['f-device', 'f-priority', 'f-mine'].forEach(id => document.getElementById(id).addEventListener('input', render));
  if (FC.hasRole('FIELD_ENGINEER') && !FC.hasRole('SERVICE_MANAGER', 'NOC_OPERATOR', 'ADMIN')) {
    document.getElementById('f-mine').checked = true;
  }
  await load();
  setInterval(() => load().catch(e => FC.toast(e.message, true)), 30000);
});
