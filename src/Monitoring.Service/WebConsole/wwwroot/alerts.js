// Active alerts with Acknowledge and Close (operators), filterable by severity.
import { idPath, request } from './api.js';
import { badge, h, table, timeCell } from './dom.js';
import { actionButton, post } from './actions.js';

const ACKNOWLEDGED = 249;

function resolution(alert) {
  if (alert.state === 'closed') return 'Closed';
  if (alert.resolutionState === 0) return 'New';
  if (alert.resolutionState === ACKNOWLEDGED) return 'Acknowledged';
  return `State ${alert.resolutionState}`;
}

/** Where an alert's object is shown: a target's alerts point at collector status, a host's or VM's at its page,
 * a host group or the estate at the estate. */
export function objectLink(id) {
  if (id.startsWith('target:')) return h('a', { href: '#/collectors' }, id);
  if (id.startsWith('group:') || id === 'estate') return h('a', { href: '#/estate' }, id);
  return h('a', { href: `#/object/${encodeURIComponent(id)}` }, id);
}

function row(alert, session, refresh) {
  const actions = [];
  if (session.may('operator') && alert.state !== 'closed') {
    const path = `/api/v1/alerts/${idPath(String(alert.id))}`;
    if (alert.resolutionState !== ACKNOWLEDGED) actions.push(actionButton('Acknowledge', 'acknowledge', `alert ${alert.name}`, async () => { await post(`${path}/acknowledge`); await refresh(); }));
    actions.push(actionButton('Close', 'close', `alert ${alert.name}`, async () => { await post(`${path}/close`); await refresh(); }));
  }
  return h('tr', { 'data-alert-id': alert.id, 'data-resolution': resolution(alert) },
    h('td', {}, badge(alert.severity, 'severity')),
    h('th', { scope: 'row' }, alert.name, alert.description ? h('div', { class: 'muted' }, alert.description) : null),
    h('td', {}, objectLink(alert.object)),
    h('td', {}, timeCell(alert.raisedAt)),
    h('td', { class: 'num' }, alert.repeatCount ?? 0),
    h('td', { class: 'resolution' }, resolution(alert), alert.inMaintenance ? h('span', { class: 'badge maintenance' }, 'maintenance') : null),
    h('td', {}, alert.owner ?? '–'),
    session.may('operator') ? h('td', { class: 'actions' }, actions) : null);
}

/** A table of the alerts at <path>, refreshed in place after an action. */
export async function alertsTable(session, path) {
  const holder = h('div', { class: 'alerts' });
  const refresh = async () => {
    const page = await request(path);
    const headings = ['Severity', 'Alert', 'Object', 'Raised', 'Repeats', 'Resolution', 'Owner'];
    if (session.may('operator')) headings.push('Actions');
    holder.replaceChildren(page.items.length
      ? table(`Alerts (${page.total})`, headings, page.items.map((a) => row(a, session, refresh)))
      : h('p', { class: 'message' }, 'No open alerts.'));
  };
  await refresh();
  return holder;
}

export async function alertsView(container, session) {
  container.append(h('h2', {}, 'Active alerts'));
  const severity = h('select', { id: 'alert-severity' }, h('option', { value: '' }, 'any'), ['Critical', 'Warning', 'Information'].map((s) => h('option', { value: s }, s)));
  const holder = h('div');
  const load = async () => holder.replaceChildren(await alertsTable(session, `/api/v1/alerts?state=open&limit=500${severity.value ? `&severity=${severity.value}` : ''}`));
  severity.addEventListener('change', load);
  container.append(h('form', { class: 'filter', onsubmit: (e) => e.preventDefault() }, h('label', { for: 'alert-severity' }, 'Severity'), severity), holder);
  await load();
}
