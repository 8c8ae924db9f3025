/* Device page: identity, customer as the API returns it for this role, warranty, state, telemetry chart,
   alerts, tickets, repairs and parts, remote diagnostics. */
FC.page('device', async function () {
  'use strict';
  const { el, api, badge, facts } = FC;
  const id = FC.param('id');
  const path = '/api/devices/' + encodeURIComponent(id || '');
  const recordReader = FC.hasRole('FIELD_ENGINEER', 'SERVICE_MANAGER', 'ADMIN');
  const COMMANDS = {
    EV_CHARGER: [['RESET', 'Reset', { type: 'Soft' }, true],
      ['TRIGGER_MESSAGE', 'Trigger status', { requestedMessage: 'StatusNotification' }],
      ['GET_CONFIGURATION', 'Get configuration', {}],
      ['GET_DIAGNOSTICS', 'Collect logs', null]],
    SET_TOP_BOX: [['REBOOT', 'Reboot', {}, true], ['SELF_TEST', 'Self test', {}], ['GET_CONFIG', 'Get configuration', {}],
      ['COLLECT_LOGS', 'Collect logs', {}]],
    MODBUS: [['WRITE_REGISTER', 'Write setpoint', null, true]]
  };
  const FINAL = ['COMPLETED', 'REJECTED', 'FAILED', 'TIMED_OUT'];
  document.getElementById('device-title').textContent = 'Device ' + id;
  document.title = id + ' · FleetCare';

  function section(name, ...content) {
    const s = document.getElementById(name);
    s.replaceChildren(s.querySelector('h2'), ...content.flat(Infinity).filter(c => c !== null && c !== undefined));
  }

  let device = null;
  try {
    device = await api(path);
  } catch (e) {
    if (e.status !== 404) throw e;
  }
  let history = null;
  if (device && recordReader) history = await api(path + '/history');

  if (device) {
    section('identity', facts([['Kind', device.deviceType], ['Model', device.model], ['Serial', device.serial],
      ['Firmware', device.firmware], ['Site', device.siteAddress], ['Produced', device.producedOn],
      ['Sold', device.soldOn], ['Installed', device.installedOn],
      ['Commissioned', device.commissioning ? device.commissioning.on + ', accepted by '
        + device.commissioning.acceptedBy : null]]),
      recordReader ? el('p', {}, el('a', { class: 'btn secondary', id: 'brief-link', target: '_blank',
        href: path + '/brief' }, 'Printable visit brief')) : null);
  } else {
    section('identity', FC.empty('Not in the device registry.'));
  }

  const state = device && device.latestState;
  section('state', state ? [facts([['Last seen', FC.dateTime(state.lastSeen) + ' (' + FC.age(state.lastSeen) + ')'],
    ['Last event', state.lastKind], ['Status', state.status ? Object.entries(state.status)
      .map(([k, v]) => k + ': ' + v).join(', ') : null]]),
  el('table', { class: 'small' }, el('tbody', {}, Object.entries(state.metrics || {}).map(([k, v]) =>
    el('tr', {}, el('td', {}, k), el('td', {}, String(Math.round(v * 100) / 100))))))]
    : FC.empty('No telemetry received yet.'));

  let customer = history ? history.customer : null;
  if (!history && device && device.customerId) {
    customer = await api('/api/customers/' + device.customerId).catch(() => null);
  }
  // Without a grant the owner is withheld (class 1): offer to ask for one through this device.
  const askForAccess = () => el('p', {}, el('button', { class: 'btn secondary', id: 'ask-access', type: 'button',
    onclick: async (event) => {
      const reason = prompt('Why do you need the owner\'s class-1 data?');
      if (!reason) return;
      const grant = await api('/api/grants', { method: 'POST',
        body: { deviceId: id, reason: reason, durationMinutes: 60 } }).catch(e => ({ error: e }));
      event.target.replaceWith(el('span', { class: 'small', id: 'access-asked' }, grant.error
        ? 'Not possible: ' + ((grant.error.body && grant.error.body.detail) || grant.error.status)
        : 'Access grant #' + grant.grantId + ' requested; the top manager decides.'));
    } }, 'Ask for access'));
  const ownerWithheld = !customer && device && device.classOneWithheld;
  section('customer', ownerWithheld ? [el('p', { class: 'withheld', id: 'class-one-withheld' },
    'The owner is withheld: class-1 customer data needs an approved access grant.'), askForAccess()]
    : customer ? [facts([['Name', customer.name], ['Tier', customer.tier],
    ['Address', customer.address]]),
  el('ul', { class: 'small', id: 'contacts' }, (customer.contacts || []).map(c => el('li', {},
    c.name + (c.position ? ' (' + c.position + ')' : '') + ' · ' + [c.phone, c.email].filter(x => x).join(' · ')))),
  customer.classOneWithheld
    ? [el('p', { class: 'withheld', id: 'class-one-withheld' },
      'Address and contacts are masked: class-1 customer data needs an approved access grant.'), askForAccess()]
    : (customer.grantId ? el('p', { class: 'small', id: 'class-one-grant' },
      'Shown under access grant #' + customer.grantId + '; this read is audited.') : null)]
    : FC.empty(device ? 'No owner in the customer archive.' : '–'));

  const warranty = history ? history.warranty : (device ? await api(path + '/warranty') : null);
  section('warranty', warranty && warranty.components.length ? el('table', {}, el('thead', {}, el('tr', {},
    el('th', {}, 'Component'), el('th', {}, 'Warranty'), el('th', {}, 'Contract until'), el('th', {}, 'Today'))),
  el('tbody', {}, warranty.components.map(c => el('tr', {}, el('td', {}, c.name),
    el('td', {}, c.warrantyStart + ' – ' + c.warrantyUntil), el('td', {}, c.serviceContractUntil || '–'),
    el('td', {}, el('span', { class: 'badge ' + (c.inWarranty ? 'state-CLEARED' : 'sev-MAJOR') }, c.category || c.status))))))
    : FC.empty('No components registered.'));

  const alerts = await api('/api/alerts?limit=50&deviceId=' + encodeURIComponent(id));
  section('alerts', alerts.length ? el('table', {}, el('tbody', {}, alerts.map(a => el('tr', {},
    el('td', {}, badge('sev', a.severity)), el('td', {}, a.ruleId, el('div', { class: 'small muted' }, a.message)),
    el('td', { class: 'small' }, FC.age(a.raisedAt || a.clearedAt)), el('td', {}, badge('state', a.state))))))
    : FC.empty('No alerts.'));

  const tickets = history ? history.tickets : await api('/api/tickets?limit=50&deviceId=' + encodeURIComponent(id));
  section('tickets', tickets.length ? el('table', {}, el('tbody', {}, tickets.map(t => el('tr', {},
    el('td', {}, el('a', { href: '/ui/ticket.html?n=' + encodeURIComponent(t.number) }, t.number)),
    el('td', {}, badge('pri', t.priority)), el('td', {}, t.status),
    el('td', { class: 'small' }, t.problem)))))
    : FC.empty('No tickets.'));

  if (history) {
    const events = [];
    history.repairs.forEach(r => events.push({ at: r.performedAt, node: el('li', {},
      el('div', {}, el('strong', {}, r.kind + ' #' + r.recordId), ' by ' + r.engineer + ' · '
        + FC.dateTime(r.performedAt), r.ticketNumber ? [' · ', el('a', { href: '/ui/ticket.html?n='
        + encodeURIComponent(r.ticketNumber) }, r.ticketNumber)] : null),
      el('div', { class: 'small' }, r.current.symptom + ' → ' + r.current.cause + '. ' + r.current.workDone)) }));
    history.partsReplaced.forEach(p => events.push({ at: p.performedAt, node: el('li', {},
      el('div', {}, el('strong', {}, 'Part replaced: ' + p.part), ' ×' + p.quantity + ' · ' + FC.dateTime(p.performedAt)),
      el('div', { class: 'small muted' }, (p.serial ? 'serial ' + p.serial + ' · ' : '') + p.reason
        + (p.category ? ' · ' + p.category : ''))) }));
    events.sort((x, y) => new Date(y.at) - new Date(x.at));
    section('timeline', events.length ? el('ul', { class: 'timeline' }, events.map(e => e.node))
      : FC.empty('No repairs recorded.'));
  } else {
    section('timeline', FC.empty(device ? 'Repair records are shown to engineers and managers.' : '–'));
  }

  // telemetry chart from the history's downsampled series
  let chart = null;
  let windowName = 'last24Hours';
  const metricSelect = document.getElementById('metric');
  const telemetry = history ? history.telemetry : null;
  function label(bucket) {
    const d = new Date(bucket);
    return windowName === 'last24Hours' ? d.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' })
      : d.toLocaleDateString(undefined, { month: 'short', day: 'numeric' });
  }
  function metrics() {
    const names = new Set();
    ['last24Hours', 'last30Days', 'lastYear'].forEach(w => telemetry[w].series.forEach(s => names.add(s.metric)));
    return [...names].sort();
  }
  function draw() {
    const note = document.getElementById('telemetry-note');
    if (!telemetry || !telemetry.available) {
      note.textContent = telemetry ? 'Telemetry history unavailable: ' + telemetry.unavailableReason
        : 'Telemetry history is shown to engineers and managers.';
      return;
    }
    const win = telemetry[windowName];
    const series = win.series.find(s => s.metric === metricSelect.value) || { points: [] };
    const data = {
      labels: series.points.map(p => label(p.bucket)),
      datasets: [
        { label: 'min', data: series.points.map(p => p.min), borderColor: 'rgba(30,136,229,.35)', pointRadius: 0,
          borderWidth: 1, fill: false },
        { label: 'max', data: series.points.map(p => p.max), borderColor: 'rgba(30,136,229,.35)', pointRadius: 0,
          borderWidth: 1, backgroundColor: 'rgba(30,136,229,.12)', fill: '-1' },
        { label: 'mean', data: series.points.map(p => p.avg), borderColor: '#0b5cad', backgroundColor: '#0b5cad',
          pointRadius: series.points.length < 3 ? 4 : 1.5, borderWidth: 2, fill: false }]
    };
    note.textContent = series.points.length ? win.resolution + ' buckets from ' + FC.dateTime(win.from) + ' to '
      + FC.dateTime(win.to) + ' (' + telemetry.zone + ')' : 'No readings of this metric in the window.';
    if (chart) {
      chart.data = data;
      chart.update();
    } else {
      chart = new Chart(document.getElementById('telemetry-chart'), { type: 'line', data,
        options: { animation: false, maintainAspectRatio: false, interaction: { mode: 'index', intersect: false },
          plugins: { legend: { position: 'bottom' }, title: { display: true, text: metricSelect.value } },
          scales: { y: { beginAtZero: false } } } });
    }
    chart.options.plugins.title.text = metricSelect.value;
    chart.update();
    document.getElementById('telemetry-chart').dataset.points = String(series.points.length);
  }
  if (telemetry && telemetry.available) {
    const names = metrics();
    metricSelect.replaceChildren(...names.map(m => el('option', { value: m }, m)));
    const pointsOf = m => (telemetry.last24Hours.series.find(s => s.metric === m) || { points: [] }).points.length;
    const preferred = names.filter(m => /temp/.test(m)).concat(names)
      .sort((x, y) => pointsOf(y) - pointsOf(x) || (/temp/.test(y) ? 1 : 0) - (/temp/.test(x) ? 1 : 0))[0];
    if (preferred) metricSelect.value = preferred;
  }
  metricSelect.addEventListener('change', draw);
  document.querySelectorAll('#window button').forEach(b => b.addEventListener('click', () => {
    windowName = b.dataset.window;
    document.querySelectorAll('#window button').forEach(o => o.classList.toggle('on', o === b));
    draw();
  }));
  draw();

  // remote diagnostics
  async function commands() {
    const list = await api(path + '/commands?limit=8');
    document.querySelector('#commands tbody').replaceChildren(...list.map(c => el('tr', {},
      el('td', {}, c.command), el('td', {}, c.status), el('td', {}, c.requestedBy), el('td', {}, FC.age(c.requestedAt)))));
  }
  function showCommand(c) {
    const box = document.getElementById('command-result');
    box.dataset.status = c.status;
    box.dataset.command = c.command;
    box.replaceChildren(el('div', {}, el('strong', {}, c.command), ' · ',
      el('span', { class: 'badge ' + (c.status === 'COMPLETED' ? 'state-CLEARED' : FINAL.includes(c.status)
        ? 'sev-CRITICAL' : 'sev-WARNING'), id: 'command-status' }, c.status)),
    c.result ? el('pre', { class: 'result', id: 'command-payload' },
      JSON.stringify(c.result.payload || {}, null, 2)) : el('div', { class: 'small muted' }, 'waiting for the device…'));
  }
  async function send(command, params, dangerous) {
    if (dangerous && !confirm(command + ' ' + id + '?')) return;
    let body = { command };
    if (params) body.params = params;
    if (command === 'GET_DIAGNOSTICS') {
      const location = prompt('Upload location for the diagnostics file (ftp:// or https://)');
      if (!location) return;
      body.params = { location };
    }
    if (command === 'WRITE_REGISTER') {
      const key = prompt('Writable register of the profile', 'current_setpoint_a');
      const value = key && prompt('Value for ' + key);
      if (!key || !value) return;
      body.params = { key, value };
    }
    try {
      let c = await api(path + '/commands', { method: 'POST', body });
      showCommand(c);
      const deadline = Date.now() + (c.timeoutSeconds + 30) * 1000;
      while (!FINAL.includes(c.status) && Date.now() < deadline) {
        await new Promise(r => setTimeout(r, 1000));
        c = await api(path + '/commands/' + c.commandId);
        showCommand(c);
      }
      commands();
    } catch (e) {
      FC.toast(e.message, true);
    }
  }
  // only what the device's protocol can execute (GET .../commands/available; a Modbus device takes register writes)
  const offered = await api(path + '/commands/available').catch(() => null);
  const kind = offered && offered.protocol === 'MODBUS' ? 'MODBUS'
    : device ? device.deviceType : (alerts[0] && alerts[0].deviceType);
  const buttons = (COMMANDS[kind] || []).filter(([command]) => !offered || offered.commands.includes(command));
  document.getElementById('command-buttons').replaceChildren(...buttons.map(([command, text, params,
    dangerous]) => el('button', { class: 'btn secondary', style: 'margin:0 .3rem .3rem 0', id: 'cmd-' + command,
    onclick: () => send(command, params, dangerous) }, text)));
  if (!buttons.length) document.getElementById('command-buttons').append(FC.empty('No diagnostics for this device.'));
  await commands();
});
