/* KPI dashboard over GET /api/kpis: timeliness, first-time fix, MTTR, complaints, satisfaction, faults. */
FC.page('kpi', async function () {
  'use strict';
  const { el, api } = FC;
  const RATES = [['timeliness', 'Timeliness'], ['firstTimeFixRate', 'First-time fix'], ['complaintRate', 'Complaint rate']];
  const charts = [];
  const today = new Date();
  // up to tomorrow: the service counts days in its own zone, which may be ahead of the browser's
  document.getElementById('k-to').value = new Date(today.getTime() + 86400000).toISOString().substring(0, 10);
  document.getElementById('k-from').value = new Date(today.getTime() - 29 * 86400000).toISOString().substring(0, 10);

  const pct = v => v === null || v === undefined ? '–' : (Math.round(v * 1000) / 10) + ' %';
  const num = v => v === null || v === undefined ? '–' : String(Math.round(v * 10) / 10);
  const key = g => g.key === null || g.key === undefined ? 'all tickets' : g.key;

  function chart(canvas, config) {
    charts.push(new Chart(canvas, Object.assign({ options: { animation: false, maintainAspectRatio: false,
      plugins: { legend: { position: 'bottom' } } } }, config)));
  }

  async function show() {
    charts.splice(0).forEach(c => c.destroy());
    const body = document.getElementById('kpi-body');
    const q = '?from=' + document.getElementById('k-from').value + '&to=' + document.getElementById('k-to').value
      + '&groupBy=' + document.getElementById('k-group').value;
    let kpis;
    try {
      kpis = await api('/api/kpis' + q);
    } catch (e) {
      if (e.status === 404) {
        body.replaceChildren(el('div', { class: 'panel empty', id: 'kpi-no-data' },
          'No KPI data: the service does not provide KPIs for this period (yet).'));
        return;
      }
      throw e;
    }
    if (!kpis.groups.length) {
      body.replaceChildren(el('div', { class: 'panel empty', id: 'kpi-no-data' }, 'No tickets in this period.'));
      return;
    }
    const rates = el('canvas', { id: 'kpi-rates' });
    const mttr = el('canvas', { id: 'kpi-mttr' });
    const faults = el('canvas', { id: 'kpi-faults' });
    body.replaceChildren(el('div', { class: 'grid' },
      el('section', { class: 'panel span-12' }, el('h2', {}, kpis.from + ' – ' + kpis.to),
        el('table', { id: 'kpi-table' }, el('thead', {}, el('tr', {}, el('th', {}, kpis.groupBy === 'none' ? '' : kpis.groupBy),
          el('th', {}, 'Opened'), el('th', {}, 'Closed'), RATES.map(([, label]) => el('th', {}, label)),
          el('th', {}, 'Satisfaction (1-5)'), el('th', {}, 'MTTR (h)'), el('th', {}, 'SLA breaches'))),
        el('tbody', {}, kpis.groups.map(g => el('tr', {}, el('td', {}, key(g)), el('td', {}, String(g.ticketsOpened)),
          el('td', {}, String(g.ticketsClosed)), RATES.map(([k]) => el('td', {}, pct(g[k]))),
          el('td', {}, num(g.satisfaction)), el('td', {}, num(g.meanTimeToRepairHours)),
          el('td', {}, String(g.slaBreaches))))))),
      el('section', { class: 'panel span-6' }, el('h2', {}, 'Rates (%)'), el('div', { class: 'chart-box' }, rates)),
      el('section', { class: 'panel span-6' }, el('h2', {}, 'Mean time to repair (hours)'),
        el('div', { class: 'chart-box' }, mttr)),
      el('section', { class: 'panel span-12' }, el('h2', {}, 'Faults by model and firmware'),
        el('div', { class: 'chart-box' }, faults))));
    const colours = ['#0b5cad', '#2e7d32', '#c62828', '#f9a825'];
    chart(rates, { type: 'bar', data: { labels: kpis.groups.map(key),
      datasets: RATES.map(([k, label], i) => ({ label, backgroundColor: colours[i],
        data: kpis.groups.map(g => g[k] === null ? null : Math.round(g[k] * 1000) / 10) })) } });
    chart(mttr, { type: 'bar', data: { labels: kpis.groups.map(key),
      datasets: [{ label: 'MTTR (h)', backgroundColor: '#ef6c00', data: kpis.groups.map(g => g.meanTimeToRepairHours) }] } });
    chart(faults, { type: 'bar', data: { labels: kpis.faultsByModelFirmware.map(f => f.model + ' ' + f.firmware),
      datasets: [{ label: 'faults', backgroundColor: '#8e24aa', data: kpis.faultsByModelFirmware.map(f => f.faults) }] } });
  }

  document.getElementById('kpi-form').addEventListener('submit', e => {
    e.preventDefault();
    show().catch(err => FC.toast(err.message, true));
  });
  await show();
});
