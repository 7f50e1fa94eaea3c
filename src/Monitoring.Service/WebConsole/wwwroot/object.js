// A host's or a VM's page: what it is, its load charts, and (where the service has them) its health
// monitors and open alerts.
import { ApiError, all, idPath, request } from './api.js';
import { badge, bytes, h, table, timeCell } from './dom.js';
import { chart } from './chart.js';
import { alertsTable } from './alerts.js';

const RANGES = [
  { label: 'Last hour', hours: 1 },
  { label: 'Last 6 hours', hours: 6 },
  { label: 'Last 24 hours', hours: 24 },
  { label: 'Last 7 days', hours: 24 * 7 },
];

const CHARTED = ['cpu.usage', 'memory.usage', 'cpu.ready', 'disk.throughput', 'network.throughput'];

function facts(entries) {
  return h('dl', { class: 'facts' }, entries.filter(([, v]) => v !== undefined).flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, v ?? '–')]));
}

async function drawCharts(target, id, hours) {
  const to = new Date();
  const from = new Date(to.getTime() - hours * 3600 * 1000);
  target.replaceChildren(h('p', { class: 'muted' }, 'Loading the load charts…'));
  const data = await request(`/api/v1/performance?object=${encodeURIComponent(id)}&from=${encodeURIComponent(from.toISOString())}&to=${encodeURIComponent(to.toISOString())}`);
  const figures = CHARTED.map((m) => data.series.find((s) => s.metric === m)).filter(Boolean).map((s) => chart(s, data.from, data.to)).filter(Boolean);
  target.replaceChildren(...(figures.length
    ? figures
    : [h('p', { class: 'message' }, 'No performance data in this range yet (the realtime pass stores one-minute averages).')]));
  target.dataset.resolution = data.resolution;
}

/** The object's node of the health tree, or null when the service has no health tree (yet) or not this object. */
async function healthOf(session, id) {
  if (!session.features.health) return null;
  try {
    return await request(`/api/v1/health/${idPath(id)}`);
  } catch (e) {
    // 404: not in the tree (yet); 503: the engine is still starting. Either way there is nothing to show.
    if (e instanceof ApiError && (e.status === 404 || e.status === 503)) return null;
    throw e;
  }
}

function monitors(health) {
  return h('section', { 'aria-labelledby': 'monitors' },
    h('h3', { id: 'monitors' }, 'Health monitors'),
    table('Health monitors', ['Monitor', 'State', 'Since', 'Cause'],
      (health.monitors ?? []).map((m) => h('tr', { 'data-monitor': m.name }, h('th', { scope: 'row' }, m.name), h('td', {}, badge(m.state)), h('td', {}, timeCell(m.since)), h('td', {}, m.cause ?? '–')))));
}

/** An alert names an object by id alone: it is a VM or a host (anything else gets the API's 404 message). */
async function find(kind, id) {
  if (kind !== 'object') return [kind, await request(`/api/v1/${kind === 'host' ? 'hosts' : 'vms'}/${idPath(id)}`)];
  try {
    return ['vm', await request(`/api/v1/vms/${idPath(id)}`)];
  } catch (e) {
    if (!(e instanceof ApiError && e.status === 404)) throw e;
    return ['host', await request(`/api/v1/hosts/${idPath(id)}`)];
  }
}

export async function objectView(container, session, requested, id) {
  const [kind, thing] = await find(requested, id);
  const health = await healthOf(session, id);
  // Maintenance is the health tree's word (the inventory does not know it): unknown without a health tree.
  const maintenance = health ? (health.inMaintenance ? 'yes' : 'no') : undefined;
  container.append(h('p', { class: 'crumbs' }, h('a', { href: '#/estate' }, 'Estate'), ' › ',
    kind === 'vm' && thing.hostId ? [h('a', { href: `#/host/${encodeURIComponent(thing.hostId)}` }, thing.host ?? thing.hostId), ' › '] : null,
    thing.name));
  container.append(h('h2', {}, `${kind === 'host' ? 'Host' : 'VM'} ${thing.name} `, badge(thing.health),
    health?.inMaintenance ? [' ', h('span', { class: 'badge maintenance', id: 'in-maintenance' }, 'maintenance')] : null));
  container.append(kind === 'host'
    ? facts([['Id', thing.id], ['Target', thing.target], ['Cluster', thing.cluster ?? 'standalone'], ['Hypervisor', thing.hypervisor],
      ['Health', thing.healthReason ? `${thing.health}: ${thing.healthReason}` : thing.health], ['Connection', thing.connectionState],
      ['In maintenance', maintenance], ['CPUs', thing.cpuCount], ['Memory', bytes(thing.memoryBytes)], ['OS', thing.os]])
    : facts([['Id', thing.id], ['Target', thing.target], ['Host', thing.host], ['Power', thing.powerState],
      ['Health', thing.healthReason ? `${thing.health}: ${thing.healthReason}` : thing.health], ['In maintenance', maintenance], ['vCPUs', thing.cpuCount],
      ['Memory', bytes(thing.memoryBytes)], ['Guest OS', thing.guestOs], ['Template', thing.isTemplate ? 'yes' : 'no']]));

  const charts = h('div', { class: 'charts', id: 'charts' });
  const range = h('select', { id: 'range' }, RANGES.map((r) => h('option', { value: r.hours }, r.label)));
  range.addEventListener('change', () => drawCharts(charts, id, Number(range.value)).catch((e) => charts.replaceChildren(h('p', { class: 'message error', role: 'alert' }, e.message))));
  container.append(h('section', { 'aria-labelledby': 'load' },
    h('h3', { id: 'load' }, 'Load'),
    h('p', { class: 'filter' }, h('label', { for: 'range' }, 'Range'), range),
    charts));
  await drawCharts(charts, id, 1);

  if (health) container.append(monitors(health));
  if (session.features.alerts) {
    container.append(h('section', { 'aria-labelledby': 'object-alerts' }, h('h3', { id: 'object-alerts' }, 'Open alerts'),
      await alertsTable(session, `/api/v1/alerts?state=open&object=${encodeURIComponent(id)}`)));
  }
  if (kind === 'host') {
    const vms = await all(`/api/v1/vms?host=${encodeURIComponent(id)}`);
    container.append(h('section', { 'aria-labelledby': 'host-vms' }, h('h3', { id: 'host-vms' }, `VMs on this host: ${vms.length}`),
      table('VMs on this host', ['VM', 'Health', 'Power', 'vCPUs', 'Memory'], vms.map((vm) => h('tr', { 'data-vm-id': vm.id },
        h('th', { scope: 'row' }, h('a', { href: `#/vm/${encodeURIComponent(vm.id)}` }, vm.name)), h('td', {}, badge(vm.health)),
        h('td', {}, badge(vm.powerState, 'power')), h('td', { class: 'num' }, vm.cpuCount ?? '–'), h('td', { class: 'num' }, bytes(vm.memoryBytes)))))));
  }
}
