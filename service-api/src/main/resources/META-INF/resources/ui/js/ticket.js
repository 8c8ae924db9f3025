/* Ticket page: the case, SLA clocks, lifecycle moves, assignment and appointment, repair record, parts issue. */
FC.page('tickets', async function (session) {
  'use strict';
  const { el, api, badge, facts } = FC;
  const number = FC.param('n');
  const path = '/api/tickets/' + encodeURIComponent(number || '');
  const NEXT = {
    REGISTERED: ['ACKNOWLEDGED', 'ESCALATED', 'CANCELLED'],
    ACKNOWLEDGED: ['SCHEDULED', 'RESOLVED', 'ESCALATED', 'CANCELLED'],
    SCHEDULED: ['ON_SITE', 'ESCALATED', 'CANCELLED'], ON_SITE: ['RESOLVED', 'ESCALATED', 'CANCELLED'],
    RESOLVED: ['CUSTOMER_CONFIRMED', 'ACKNOWLEDGED', 'ESCALATED'],
    CUSTOMER_CONFIRMED: ['CLOSED', 'ACKNOWLEDGED', 'ESCALATED'], ESCALATED: [], CLOSED: [], CANCELLED: []
  };
  const RESOLUTION_METHODS = ['REMOTE_COMMAND', 'RESET', 'CONFIGURATION', 'ADVICE'];
  const CONFIRMATION_METHODS = ['SIGNATURE', 'CALL', 'EMAIL', 'SURVEY'];

  /** The status an ESCALATED ticket was escalated from (the lifecycle returns it there or to one of its moves). */
  function escalatedFrom(t) {
    const up = (t.transitions || []).filter(tr => tr.to === 'ESCALATED');
    return up.length ? up[up.length - 1].from : null;
  }

  /** The moves of the README's lifecycle; an escalated case goes back where it was, or to one of that status' moves. */
  function nextOf(t) {
    if (t.status !== 'ESCALATED') return NEXT[t.status];
    const was = escalatedFrom(t);
    if (!was || !NEXT[was]) return ['ACKNOWLEDGED', 'CANCELLED'];
    return [was].concat(NEXT[was].filter(s => s !== 'ESCALATED'));
  }

  function reopens(t, to) {
    return ['RESOLVED', 'CUSTOMER_CONFIRMED'].includes(t.status) && to === 'ACKNOWLEDGED';
  }

  const LABEL = { REGISTERED: 'Back to registered', ACKNOWLEDGED: 'Acknowledge', SCHEDULED: 'Schedule', ON_SITE: 'On site', RESOLVED: 'Resolved',
    CUSTOMER_CONFIRMED: 'Customer confirmed', CLOSED: 'Close', ESCALATED: 'Escalate', CANCELLED: 'Cancel ticket' };
  const manager = FC.hasRole('SERVICE_MANAGER', 'ADMIN');
  const engineer = FC.hasRole('FIELD_ENGINEER');
  const recordReader = FC.hasRole('FIELD_ENGINEER', 'SERVICE_MANAGER', 'ADMIN');

  function section(name, ...content) {
    const s = document.getElementById(name);
    s.replaceChildren(s.querySelector('h2'), ...content.flat(Infinity).filter(c => c !== null && c !== undefined));
  }

  /** The role matrix of the README, so that nobody is offered a move the service would refuse. */
  function mayMove(t, to) {
    if (manager) return true;
    if (FC.hasRole('NOC_OPERATOR') && (to === 'ESCALATED' || (t.status === 'REGISTERED' && to === 'ACKNOWLEDGED')
      || (t.status === 'ACKNOWLEDGED' && to === 'RESOLVED') || reopens(t, to))) {
      return true;
    }
    return engineer && t.assignment && t.assignment.engineer === session.username
      && ((t.status === 'SCHEDULED' && to === 'ON_SITE') || (t.status === 'ON_SITE' && to === 'RESOLVED'));
  }

  function localInput(iso) {
    const d = iso ? new Date(iso) : new Date();
    return new Date(d.getTime() - d.getTimezoneOffset() * 60000).toISOString().substring(0, 16);
  }

  async function show(t) {
    const main = document.querySelector('main');
    delete main.dataset.settled;
    document.getElementById('ticket-title').replaceChildren('Ticket ' + t.number + ' ',
      el('span', { class: 'badge state-RAISED', id: 'ticket-status' }, t.status));
    document.title = t.number + ' · FleetCare';
    section('summary', facts([['Device', el('a', { href: '/ui/device.html?id=' + encodeURIComponent(t.deviceId) },
      t.deviceId + (t.model ? ' (' + t.model + ')' : ''))], ['Problem', t.problem],
    ['Priority', badge('pri', t.priority)], ['Severity', badge('sev', t.severity)], ['Rule', t.ruleId],
    ['Channel', t.channel + (t.registeredBy ? ', registered by ' + t.registeredBy : '')],
    ['Complaint', t.complaint ? 'yes' : 'no'], ['Opened', FC.dateTime(t.openedAt)],
    ['Resolved remotely', (t.remoteResolutions || []).map(r => r.method + ': ' + r.workDone + ' (' + r.by + ', '
      + FC.dateTime(r.at) + ')').join('; ') || null],
    ['Customer confirmed', el('span', { id: 'confirmations' }, (t.confirmations || []).map(c => c.method + ' – '
      + c.contact + (c.reference ? ' (' + c.reference + ')' : '') + ', recorded by ' + c.by + ' '
      + FC.dateTime(c.at)).join('; '))],
    ['Evidence', (t.evidence || []).slice(0, 5).map(e => e.metric + ' ' + (e.value !== undefined ? e.value : e.text)
      + ' @ ' + FC.dateTime(e.ts)).join('; ')]]));

    const clocks = [['respond', 'Respond'], ['answer', 'Answer customer'], ['onSite', 'On site'], ['repair', 'Repair'],
      ['complaintVerify', 'Verify complaint']].filter(([k]) => t.sla[k + 'By']);
    const running = FC.runningClock(t);
    section('sla', el('table', { class: 'small' }, el('tbody', {}, clocks.map(([k, name]) => {
      const breached = t.sla[k + 'Breached'];
      const cd = running && running.name === k ? FC.countdown(t.sla[k + 'By'], breached) : null;
      return el('tr', { id: 'sla-' + k }, el('td', {}, name), el('td', {}, FC.dateTime(t.sla[k + 'By'])),
        el('td', {}, cd ? el('span', { class: 'sla ' + cd.cls }, cd.text)
          : el('span', { class: 'sla ' + (breached ? 'breached' : 'ok') }, breached ? 'breached' : 'kept / not due')));
    }))));

    const moves = nextOf(t).filter(to => mayMove(t, to));
    const reason = el('input', { id: 'reason', placeholder: 'reason / note (needed to escalate, cancel or reopen)',
      style: 'width:100%' });
    const option = v => el('option', { value: v }, v);
    const evidence = [];
    let rrMethod = null;
    let rrWork = null;
    if (moves.includes('RESOLVED')) {
      rrMethod = el('select', { id: 'rr-method' }, el('option', { value: '' }, 'on the repair record'),
        RESOLUTION_METHODS.map(option));
      rrWork = el('input', { id: 'rr-workDone', placeholder: 'what was done remotely / without a record' });
      evidence.push(el('div', { class: 'form-row', id: 'remote-resolution' },
        el('div', {}, el('label', { for: 'rr-method' }, 'Resolved how'), rrMethod),
        el('div', {}, el('label', { for: 'rr-workDone' }, 'Work done'), rrWork)));
    }
    let cMethod = null;
    let cContact = null;
    let cReference = null;
    if (moves.includes('CUSTOMER_CONFIRMED')) {
      cMethod = el('select', { id: 'c-method' }, CONFIRMATION_METHODS.map(option));
      cContact = el('input', { id: 'c-contact', placeholder: 'as told (signer on the record for SIGNATURE)' });
      cReference = el('input', { id: 'c-reference', placeholder: 'call log id, mail subject, survey number' });
      evidence.push(el('div', { class: 'form-row', id: 'confirmation-form' },
        el('div', {}, el('label', { for: 'c-method' }, 'Customer confirmed by'), cMethod),
        el('div', {}, el('label', { for: 'c-contact' }, 'Customer contact'), cContact),
        el('div', {}, el('label', { for: 'c-reference' }, 'Reference'), cReference)));
    }
    section('actions', moves.length ? [reason, evidence, el('div', { style: 'margin-top:.5rem' }, moves.map(to =>
      el('button', { class: 'btn ' + (to === 'ESCALATED' || to === 'CANCELLED' || reopens(t, to) ? 'secondary' : ''),
        id: 'to-' + to, style: 'margin:0 .3rem .3rem 0', onclick: async () => {
          try {
            const body = { to };
            if (reason.value.trim()) body.reason = reason.value.trim();
            if (to === 'RESOLVED' && rrMethod.value) {
              body.remoteResolution = { method: rrMethod.value, workDone: rrWork.value.trim() };
            }
            if (to === 'CUSTOMER_CONFIRMED') {
              body.confirmation = { method: cMethod.value };
              if (cContact.value.trim()) body.confirmation.contact = cContact.value.trim();
              if (cReference.value.trim()) body.confirmation.reference = cReference.value.trim();
            }
            show(await api(path + '/transitions', { method: 'POST', body }));
            FC.toast(t.number + ': ' + to);
          } catch (e) {
            FC.toast(e.message, true);
          }
        } }, reopens(t, to) ? 'Reopen' : (LABEL[to] || to))))]
      : FC.empty(nextOf(t).length ? 'Your role has no move on this ticket now.' : 'This ticket is ' + t.status + '.'));

    const a = t.assignment;
    const earlier = (t.assignments || []).slice(0, -1);
    const current = a ? [facts([['Engineer', a.engineer], ['Appointment', FC.dateTime(a.from) + ' – '
      + FC.dateTime(a.to)]]), earlier.length ? el('ul', { class: 'small muted', id: 'assignment-history' },
      earlier.map(h => el('li', {}, h.engineer + ', ' + FC.dateTime(h.from) + ' – ' + FC.dateTime(h.to) + ' (by '
        + h.assignedBy + ' ' + FC.dateTime(h.assignedAt) + (h.lateReason ? '; late: ' + h.lateReason : '') + ')')))
      : null] : FC.empty('Nobody assigned yet.');
    const assignable = manager && ['REGISTERED', 'ACKNOWLEDGED', 'SCHEDULED', 'ESCALATED'].includes(t.status);
    if (assignable) {
      const start = a ? a.from : new Date(Date.now() + 3600000).toISOString();
      const end = a ? a.to : new Date(Date.now() + 3 * 3600000).toISOString();
      const form = el('form', { id: 'assign-form', onsubmit: async e => {
        e.preventDefault();
        const f = e.target.elements;
        try {
          const body = { engineer: f.engineer.value.trim(), from: new Date(f.from.value).toISOString(),
            to: new Date(f.to.value).toISOString() };
          if (f.lateReason.value.trim()) body.lateReason = f.lateReason.value.trim();
          show(await api(path + '/assignment', { method: 'PUT', body }));
          FC.toast('Assigned to ' + f.engineer.value);
        } catch (err) {
          FC.toast(err.message, true);
        }
      } }, el('div', { class: 'form-row' },
        el('div', {}, el('label', { for: 'engineer' }, 'Engineer (username)'),
          el('input', { id: 'engineer', name: 'engineer', required: true, value: a ? a.engineer : '' })),
        el('div', {}, el('label', { for: 'from' }, 'From'),
          el('input', { id: 'from', name: 'from', type: 'datetime-local', required: true, value: localInput(start) })),
        el('div', {}, el('label', { for: 'to' }, 'To'),
          el('input', { id: 'to', name: 'to', type: 'datetime-local', required: true, value: localInput(end) })),
        el('div', {}, el('label', { for: 'late-reason' }, 'Late reason (window ends after ' + FC.dateTime(t.sla.onSiteBy)
          + ')'), el('input', { id: 'late-reason', name: 'lateReason', placeholder: 'only when the window is late' })),
        el('div', { style: 'flex:0' }, el('button', { class: 'btn', id: 'assign' }, a ? 'Re-assign' : 'Assign'))));
      section('assignment', current, form);
    } else {
      section('assignment', current);
    }

    const events = [{ at: t.openedAt, text: 'Opened (' + t.channel + ')' }].concat((t.transitions || []).map(tr =>
      ({ at: tr.at, text: tr.from + ' → ' + tr.to + ' by ' + tr.by + (tr.reason ? ': “' + tr.reason + '”' : '') })));
    section('history', el('ul', { class: 'timeline', id: 'transitions' }, events.map(e =>
      el('li', {}, el('div', { class: 'small muted' }, FC.dateTime(e.at)), el('div', {}, e.text)))));

    if (recordReader) await records(t);
    else section('records', FC.empty('Repair records are shown to engineers and managers.'));
    if (manager || engineer) await parts(t);
    else section('parts', FC.empty('Parts are shown to engineers and managers.'));
    await survey(t);
    await notifications(t);
    main.dataset.settled = t.status;
  }

  async function records(t) {
    const list = await api('/api/repairs?ticketNumber=' + encodeURIComponent(t.number));
    const shown = list.length ? el('ul', { class: 'timeline', id: 'record-list' }, list.map(r => el('li', {},
      el('div', {}, el('strong', {}, r.kind + ' #' + r.recordId), ' by ' + r.engineer + ' · ' + FC.dateTime(r.performedAt)),
      el('div', { class: 'small' }, 'Symptom: ' + r.current.symptom + '. Cause: ' + r.current.cause + '. Work: '
        + r.current.workDone + '. Test: ' + r.current.testResult + ' (' + r.current.minutesSpent + ' min)'),
      r.partsReplaced.length ? el('div', { class: 'small muted' }, 'Parts: ' + r.partsReplaced.map(p =>
        p.part + ' ×' + p.quantity).join(', ')) : null,
      r.current.customerSignOff ? el('div', { class: 'small' }, 'Signed off by ' + r.current.customerSignOff) : null,
      amendments(t, r))))
      : FC.empty('No repair record yet.');
    const open = !['CLOSED', 'CANCELLED'].includes(t.status);
    if (!engineer || !open) {
      section('records', shown);
      return;
    }
    const catalog = await api('/api/parts?limit=500');
    const field = (name, label, type) => el('div', {}, el('label', { for: 'r-' + name }, label),
      type === 'area' ? el('textarea', { id: 'r-' + name, name, required: true })
        : el('input', { id: 'r-' + name, name, type: type || 'text', required: name !== 'customerSignOff'
          && !name.startsWith('part'), min: type === 'number' ? 1 : null }));
    const form = el('form', { id: 'repair-form', onsubmit: async e => {
      e.preventDefault();
      const f = e.target.elements;
      const body = { kind: f.kind.value, deviceId: t.deviceId, ticketNumber: t.number, symptom: f.symptom.value,
        cause: f.cause.value, workDone: f.workDone.value, testResult: f.testResult.value,
        minutesSpent: Number(f.minutesSpent.value), performedAt: new Date().toISOString(), partsReplaced: [] };
      if (f.customerSignOff.value.trim()) body.customerSignOff = f.customerSignOff.value.trim();
      if (f.partId.value) {
        body.partsReplaced.push({ partId: Number(f.partId.value), location: f.partLocation.value.trim(),
          serial: f.partSerial.value.trim() || null, quantity: Number(f.partQuantity.value || 1),
          reason: f.partReason.value.trim() || 'replaced' });
      }
      try {
        await api('/api/repairs', { method: 'POST', body });
        FC.toast('Repair record filed');
        await records(t);
      } catch (err) {
        FC.toast(err.message, true);
      }
    } },
    el('div', { class: 'form-row' }, el('div', {}, el('label', { for: 'r-kind' }, 'Kind'),
      el('select', { id: 'r-kind', name: 'kind' }, el('option', {}, 'REPAIR'), el('option', {}, 'MAINTENANCE'))),
    field('minutesSpent', 'Minutes spent', 'number'), field('customerSignOff', 'Customer sign-off (name)')),
    field('symptom', 'Symptom', 'area'), field('cause', 'Cause', 'area'), field('workDone', 'Work done', 'area'),
    field('testResult', 'Test result', 'area'),
    el('div', { class: 'form-row' }, el('div', {}, el('label', { for: 'r-partId' }, 'Part replaced (issued from stock)'),
        el('select', { id: 'r-partId', name: 'partId' }, el('option', { value: '' }, 'none'),
          catalog.map(p => el('option', { value: p.partId }, p.name + ' · ' + p.spec)))),
      field('partLocation', 'Store'), field('partSerial', 'Serial'),
      field('partQuantity', 'Quantity', 'number'), field('partReason', 'Reason')),
    el('p', {}, el('button', { class: 'btn', id: 'file-record' }, 'File repair record')));
    section('records', shown, el('h2', { style: 'margin-top:1rem' }, 'New record'), form);
  }

  /**
   * A record's amendments (seed 000 §3.7.4): written by the signed-in author, applied once another service manager
   * approved them; POST /api/repairs/{id}/amendments and …/amendments/{amendmentId}/approval.
   */
  function amendments(t, r) {
    const list = (r.amendments || []).map(a => el('li', { class: 'small', id: 'amendment-' + a.amendmentId },
      a.field + ' → “' + a.correctedValue + '” (' + a.reason + ') by ' + a.author + ': ',
      el('span', { class: 'badge', id: 'amendment-status-' + a.amendmentId }, a.status),
      a.approvedBy ? ' approved by ' + a.approvedBy : null,
      a.status === 'PENDING' && FC.hasRole('SERVICE_MANAGER') && a.author !== session.username
        ? el('button', { class: 'btn secondary', id: 'approve-' + a.amendmentId, style: 'margin-left:.3rem',
          onclick: async () => {
            try {
              await api('/api/repairs/' + r.recordId + '/amendments/' + a.amendmentId + '/approval', { method: 'POST' });
              FC.toast('Amendment approved');
              await records(t);
            } catch (err) {
              FC.toast(err.message, true);
            }
          } }, 'Approve') : null));
    const mayAmend = FC.hasRole('SERVICE_MANAGER') || (engineer && r.engineer === session.username);
    const form = mayAmend ? el('form', { class: 'amend-form', id: 'amend-form-' + r.recordId, onsubmit: async e => {
      e.preventDefault();
      const f = e.target.elements;
      try {
        await api('/api/repairs/' + r.recordId + '/amendments', { method: 'POST', body: { field: f.field.value,
          value: f.value.value.trim(), reason: f.reason.value.trim() } });
        FC.toast('Amendment written; another service manager approves it');
        await records(t);
      } catch (err) {
        FC.toast(err.message, true);
      }
    } }, el('div', { class: 'form-row' },
      el('select', { name: 'field', id: 'a-field-' + r.recordId }, ['SYMPTOM', 'CAUSE', 'WORK_DONE', 'TEST_RESULT',
        'MINUTES_SPENT', 'CUSTOMER_SIGN_OFF'].map(v => el('option', { value: v }, v))),
      el('input', { name: 'value', id: 'a-value-' + r.recordId, placeholder: 'corrected value', required: true }),
      el('input', { name: 'reason', id: 'a-reason-' + r.recordId, placeholder: 'why it was wrong', required: true }),
      el('button', { class: 'btn secondary', id: 'amend-' + r.recordId }, 'Amend'))) : null;
    return [list.length ? el('ul', {}, list) : null, form];
  }

  async function parts(t) {
    const catalog = await api('/api/parts?limit=500');
    const issued = [];
    catalog.forEach(p => (p.movements || []).filter(m => m.ticketNumber === t.number)
      .forEach(m => issued.push({ part: p, m })));
    const list = issued.length ? el('table', { class: 'small', id: 'issued' }, el('tbody', {}, issued.map(({ part, m }) =>
      el('tr', {}, el('td', {}, m.kind), el('td', {}, part.name + ' ' + part.spec), el('td', {}, '×' + m.quantity),
        el('td', {}, m.person), el('td', {}, FC.dateTime(m.at)))))) : FC.empty('No parts issued for this ticket.');
    if (!FC.hasRole('SERVICE_MANAGER') || !catalog.length || ['CLOSED', 'CANCELLED'].includes(t.status)) {
      section('parts', list);
      return;
    }
    const form = el('form', { id: 'issue-form', onsubmit: async e => {
      e.preventDefault();
      const f = e.target.elements;
      try {
        await api('/api/parts/' + f.part.value + '/movements', { method: 'POST', body: { kind: 'ISSUE',
          location: f.location.value.trim(), quantity: Number(f.quantity.value), ticketNumber: t.number } });
        FC.toast('Part issued');
        await parts(t);
      } catch (err) {
        FC.toast(err.message, true);
      }
    } }, el('div', { class: 'form-row' },
      el('div', {}, el('label', { for: 'i-part' }, 'Part'), el('select', { id: 'i-part', name: 'part' },
        catalog.map(p => el('option', { value: p.partId }, p.name + ' · ' + p.spec + ' (' + p.stock.filter(s =>
          s.condition === 'GOOD').map(s => s.location + ': ' + s.quantity).join(', ') + ')')))),
      el('div', {}, el('label', { for: 'i-location' }, 'Store'), el('input', { id: 'i-location', name: 'location',
        required: true, value: (catalog[0].stock.find(s => s.condition === 'GOOD') || {}).location || '' })),
      el('div', {}, el('label', { for: 'i-quantity' }, 'Quantity'), el('input', { id: 'i-quantity', name: 'quantity',
        type: 'number', min: 1, value: 1, required: true })),
      el('div', {}, el('label', {}, 'Taken by'), el('span', { id: 'i-person' },
        t.assignment ? t.assignment.engineer : 'assign an engineer first')),
      el('div', { style: 'flex:0' }, el('button', { class: 'btn', id: 'issue' }, 'Issue'))));
    section('parts', list, form);
  }

  /** The customer's satisfaction survey: GET/POST /api/tickets/{number}/survey (after the customer confirmed). */
  async function survey(t) {
    if (!['CUSTOMER_CONFIRMED', 'CLOSED'].includes(t.status)) {
      section('survey', FC.empty('The survey is taken once the customer confirmed the repair.'));
      return;
    }
    let recorded = null;
    if (manager) {
      try {
        recorded = await api(path + '/survey');
      } catch (e) {
        if (e.status !== 404) throw e;
      }
    }
    if (recorded) {
      section('survey', facts([['Attitude', recorded.attitude + ' / 5'], ['Skill', recorded.skill + ' / 5'],
        ['Punctuality', recorded.punctuality + ' / 5'], ['Result', recorded.result + ' / 5'],
        ['Satisfaction', recorded.satisfaction + ' / 5'], ['Comment', recorded.comment],
        ['Recorded', recorded.recordedBy + ', ' + FC.dateTime(recorded.recordedAt)]]));
      return;
    }
    if (!FC.hasRole('NOC_OPERATOR', 'SERVICE_MANAGER', 'ADMIN')) {
      section('survey', FC.empty('Survey results are read by service managers.'));
      return;
    }
    const rating = (name, label) => el('div', {}, el('label', { for: 's-' + name }, label),
      el('select', { id: 's-' + name, name }, [5, 4, 3, 2, 1].map(v => el('option', { value: v }, String(v)))));
    const form = el('form', { id: 'survey-form', onsubmit: async e => {
      e.preventDefault();
      const f = e.target.elements;
      const body = { attitude: Number(f.attitude.value), skill: Number(f.skill.value),
        punctuality: Number(f.punctuality.value), result: Number(f.result.value) };
      if (f.comment.value.trim()) body.comment = f.comment.value.trim();
      try {
        await api(path + '/survey', { method: 'POST', body });
        FC.toast('Survey recorded');
        await survey(t);
      } catch (err) {
        FC.toast(err.message, true);
      }
    } }, el('p', { class: 'small muted' }, 'The customer\'s opinion card, 1 = very dissatisfied … 5 = very satisfied.'),
    el('div', { class: 'form-row' }, rating('attitude', 'Attitude'), rating('skill', 'Skill'),
      rating('punctuality', 'Punctuality'), rating('result', 'Result')),
    el('label', { for: 's-comment' }, 'Comment'), el('textarea', { id: 's-comment', name: 'comment' }),
    el('p', {}, el('button', { class: 'btn', id: 'record-survey' }, 'Record survey')));
    section('survey', form);
  }

  /** What was sent about the case (SLA warnings, the breach, the appointment notice): GET …/notifications. */
  async function notifications(t) {
    const list = await api(path + '/notifications');
    section('notifications', list.length ? el('table', { id: 'notification-table' },
      el('thead', {}, el('tr', {}, el('th', {}, 'When'), el('th', {}, 'What'), el('th', {}, 'To'),
        el('th', {}, 'Channel'), el('th', {}, 'Outcome'))),
      el('tbody', {}, list.map(n => el('tr', {}, el('td', {}, FC.dateTime(n.sentAt || n.createdAt)),
        el('td', {}, n.title), el('td', {}, n.recipient), el('td', {}, n.channel),
        el('td', {}, n.status + (n.attempts > 1 ? ' (' + n.attempts + ' attempts)' : '')
          + (n.lastError ? ': ' + n.lastError : ''))))))
      : FC.empty('Nothing was sent about this ticket.'));
  }

  section('survey', FC.empty('No survey for this ticket yet.'));
  await show(await api(path));
});
