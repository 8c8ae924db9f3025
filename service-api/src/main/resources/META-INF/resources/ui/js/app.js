/* FleetCare web UI: what every page shares (session, navigation, calls to the REST API, small formatters). */
(function () {
  'use strict';

  const ROLE_LABEL = { NOC_OPERATOR: 'NOC operator', FIELD_ENGINEER: 'Field engineer',
    SERVICE_MANAGER: 'Service manager', ADMIN: 'Administrator', TOP_MANAGER: 'Top manager' };
  const PAGES = [
    { id: 'noc', href: '/ui/', label: 'NOC' },
    { id: 'tickets', href: '/ui/tickets.html', label: 'Tickets' },
    { id: 'kpi', href: '/ui/kpi.html', label: 'KPIs', roles: ['SERVICE_MANAGER', 'ADMIN'] },
    { id: 'grants', href: '/ui/grants.html', label: 'Access grants' },
    { id: 'admin', href: '/ui/admin.html', label: 'Administration', roles: ['ADMIN'] }
  ];

  /** Builds an element; text children are inserted as text, never as HTML. */
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([k, v]) => {
      if (v === null || v === undefined || v === false) return;
      if (k === 'class') node.className = v;
      else if (k.startsWith('on')) node.addEventListener(k.substring(2), v);
      else if (k === 'dataset') Object.assign(node.dataset, v);
      else node.setAttribute(k, v === true ? '' : v);
    });
    children.flat(Infinity).forEach(c => {
      if (c === null || c === undefined || c === false) return;
      node.appendChild(c instanceof Node ? c : document.createTextNode(String(c)));
    });
    return node;
  }

  class ApiError extends Error {
    constructor(status, problem) {
      super((problem && (problem.detail || problem.title)) || ('HTTP ' + status));
      this.status = status;
      this.problem = problem;
    }
  }

  /**
   * Calls the REST API with the session cookie; resolves to the JSON body (null for 204), rejects with ApiError.
   * Every call but a GET carries the session's CSRF token (the server refuses it without, 403).
   */
  async function api(path, options) {
    const opts = options || {};
    const init = { method: opts.method || 'GET', credentials: 'same-origin',
      headers: { 'Accept': 'application/json, application/problem+json', 'X-FleetCare-UI': '1' } };
    if (init.method !== 'GET' && session && session.csrfToken) {
      init.headers['X-FleetCare-CSRF'] = session.csrfToken;
    }
    if (opts.body !== undefined) {
      init.headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(opts.body);
    }
    const response = await fetch(path, init);
    if (response.status === 401) {
      location.replace('/ui/login.html');
    }
    const text = await response.text();
    let body = null;
    if (text) {
      try { body = JSON.parse(text); } catch (e) { body = { detail: text }; }
    }
    if (!response.ok) throw new ApiError(response.status, body);
    return body;
  }

  let session = null;

  /** Who is signed in; an anonymous visitor is sent to the login page. */
  async function requireSession() {
    session = await api('/api/session');
    if (!session.authenticated) {
      location.replace('/ui/login.html');
      throw new Error('not signed in');
    }
    return session;
  }

  function hasRole(...roles) {
    return !!session && roles.some(r => session.roles.includes(r));
  }

  /** The header: pages this account may open, a device search, who is signed in, sign out. */
  function header(active) {
    const nav = el('nav', {}, PAGES.filter(p => !p.roles || hasRole(...p.roles)).map(p =>
      el('a', { href: p.href, class: p.id === active ? 'active' : null, id: 'nav-' + p.id }, p.label)));
    const find = el('form', { class: 'find', onsubmit: e => {
      e.preventDefault();
      const id = e.target.elements.device.value.trim();
      if (id) location.href = '/ui/device.html?id=' + encodeURIComponent(id);
    } }, el('input', { name: 'device', placeholder: 'Device id…', 'aria-label': 'Open device' }));
    const who = el('div', { class: 'who' },
      el('span', { id: 'who' }, session.username + ' · ' + session.roles.map(r => ROLE_LABEL[r] || r).join(', ')),
      el('button', { class: 'btn small secondary', id: 'sign-out', onclick: signOut }, 'Sign out'));
    const top = el('header', { class: 'top' }, el('span', { class: 'brand' }, 'FleetCare'), nav, find, who);
    document.body.prepend(top);
    document.body.appendChild(el('div', { class: 'toast', id: 'toast' }));
  }

  async function signOut() {
    await api('/api/session', { method: 'DELETE' });
    location.replace('/ui/login.html');
  }

  /** Signs in, draws the header and runs the page; any failure is shown rather than swallowed. */
  async function page(active, run) {
    try {
      await requireSession();
    } catch (e) {
      return;
    }
    header(active);
    try {
      await run(session);
    } catch (e) {
      toast(e.message, true);
      if (e instanceof ApiError && e.status === 403) {
        const main = document.querySelector('main');
        main.replaceChildren(el('div', { class: 'panel empty', id: 'forbidden' },
          'Your account may not open this page.'));
      }
    }
  }

  let toastTimer = null;
  function toast(message, error) {
    const t = document.getElementById('toast');
    if (!t) return;
    t.textContent = message;
    t.className = 'toast show' + (error ? ' error' : '');
    clearTimeout(toastTimer);
    toastTimer = setTimeout(() => { t.className = 'toast'; }, 5000);
  }

  function param(name) {
    return new URLSearchParams(location.search).get(name);
  }

  function dateTime(iso) {
    if (!iso) return '–';
    const d = new Date(iso);
    return d.toLocaleString(undefined, { year: 'numeric', month: '2-digit', day: '2-digit',
      hour: '2-digit', minute: '2-digit' });
  }

  function span(ms) {
    const s = Math.floor(Math.abs(ms) / 1000);
    if (s < 60) return s + 's';
    const m = Math.floor(s / 60);
    if (m < 60) return m + 'm';
    const h = Math.floor(m / 60);
    if (h < 48) return h + 'h ' + (m % 60) + 'm';
    return Math.floor(h / 24) + 'd ' + (h % 24) + 'h';
  }

  /** Times before 2001 come from a device clock that was never set (real-time clocks fall back to 1970 or 2000). */
  const CLOCK_NOT_SET_BEFORE = Date.UTC(2001, 0, 1);
  /** How far ahead of this browser's clock a time may be and still read "just now" (clocks differ a little). */
  const AHEAD_TOLERANCE_MS = 60 * 1000;

  /**
   * "3h 12m ago", never negative and never absurd: a time up to a minute ahead of {@code now} (default: this
   * browser's clock) or less than a second ago is "just now", a later one "clock ahead", one before 2001
   * "clock not set"; no time (or no date) is "–".
   */
  function age(iso, now) {
    if (!iso) return '–';
    const t = new Date(iso).getTime();
    if (isNaN(t)) return '–';
    if (t < CLOCK_NOT_SET_BEFORE) return 'clock not set';
    const ms = (now === undefined ? Date.now() : now) - t;
    if (ms < -AHEAD_TOLERANCE_MS) return 'clock ahead';
    if (ms < 1000) return 'just now';
    return span(ms) + ' ago';
  }

  function badge(kind, value) {
    return el('span', { class: 'badge ' + kind + '-' + value }, value);
  }

  /** The SLA clock that runs in a ticket's current status, or null when none does. */
  const RUNNING_CLOCK = { REGISTERED: 'respond', ACKNOWLEDGED: 'answer', SCHEDULED: 'onSite', ON_SITE: 'repair',
    ESCALATED: 'repair' };
  function runningClock(ticket) {
    const name = RUNNING_CLOCK[ticket.status];
    if (!name || !ticket.sla) return null;
    return { name: name, due: ticket.sla[name + 'By'], breached: !!ticket.sla[name + 'Breached'] };
  }

  /** "due in 3h 12m" / "breached 20m ago" with its urgency class: ok, soon (under 4 h) or breached. */
  function countdown(due, breached) {
    const left = new Date(due).getTime() - Date.now();
    if (breached || left < 0) return { text: 'breached ' + span(left) + ' ago', cls: 'breached' };
    return { text: 'due in ' + span(left), cls: left < 4 * 3600 * 1000 ? 'soon' : 'ok' };
  }

  function facts(pairs) {
    return el('dl', { class: 'facts' }, pairs.filter(p => p).map(([k, v]) => [el('dt', {}, k),
      el('dd', {}, v === null || v === undefined || v === '' ? '–' : v)]));
  }

  function empty(text) {
    return el('div', { class: 'empty' }, text);
  }

  window.FC = { el, api, ApiError, page, hasRole, toast, param, dateTime, age, span, badge, runningClock,
    countdown, facts, empty, ROLE_LABEL };
})();
