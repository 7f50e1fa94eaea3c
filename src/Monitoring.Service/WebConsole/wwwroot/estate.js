// The estate: clusters (and standalone hosts per target) with their hosts and VMs, health at a glance,
// and a filter by name and health that works on what is already loaded.
import { ApiError, all } from './api.js';
import { badge, bytes, h, table, timeCell } from './dom.js';

const HEALTH = ['critical', 'warning', 'healthy', 'unknown'];
const VM_ROWS = 100; // per group before "Show all": a group of thousands of VMs must not stall the page

const hostLink = (host) => h('a', { href: `#/host/${encodeURIComponent(host.id)}` }, host.name);
const vmLink = (vm) => h('a', { href: `#/vm/${encodeURIComponent(vm.id)}` }, vm.name);

function tally(objects) {
  const counts = Object.fromEntries(HEALTH.map((w) => [w, 0]));
  for (const o of objects) counts[o.health in counts ? o.health : 'unknown']++;
  return counts;
}

function glance(title, objects, id) {
  const counts = tally(objects);
  return h('section', { class: 'glance', 'aria-labelledby': id },
    h('h3', { id }, `${title}: ${objects.length}`),
    h('ul', { class: 'counts' }, HEALTH.map((w) => h('li', { 'data-health': w }, badge(w), ' ', h('strong', {}, counts[w])))));
}

const maintenanceBadge = (node) => (node?.inMaintenance ? [' ', h('span', { class: 'badge maintenance' }, 'maintenance')] : null);

function hostRow(host, vmCount, tree) {
  return h('tr', { 'data-host-id': host.id, 'data-name': host.name.toLowerCase(), 'data-health': host.health },
    h('th', { scope: 'row' }, hostLink(host)),
    h('td', {}, badge(host.health), maintenanceBadge(tree.get(host.id))),
    h('td', {}, host.connectionState ?? '–'),
    h('td', { class: 'num' }, host.cpuCount ?? '–'),
    h('td', { class: 'num' }, bytes(host.memoryBytes)),
    h('td', { class: 'num' }, vmCount));
}

function vmRow(vm, tree) {
  return h('tr', { 'data-vm-id': vm.id, 'data-name': vm.name.toLowerCase(), 'data-health': vm.health },
    h('th', { scope: 'row' }, vmLink(vm)),
    h('td', {}, badge(vm.health), maintenanceBadge(tree.get(vm.id))),
    h('td', {}, badge(vm.powerState, 'power')),
    h('td', {}, vm.host ?? '–'),
    h('td', { class: 'num' }, vm.cpuCount ?? '–'),
    h('td', { class: 'num' }, bytes(vm.memoryBytes)));
}

function group(title, health, hosts, vmsByHost, groupId, tree) {
  const vms = hosts.flatMap((host) => vmsByHost.get(host.id) ?? []);
  const vmBody = [];
  const vmTable = table(`VMs of ${title}`, ['VM', 'Health', 'Power', 'Host', 'vCPUs', 'Memory'], vmBody, { class: 'vms' });
  const tbody = vmTable.querySelector('tbody');
  const more = vms.length > VM_ROWS
    ? h('button', { type: 'button', class: 'link', onclick: (e) => { tbody.replaceChildren(...vms.map((vm) => vmRow(vm, tree))); e.target.remove(); } }, `Show all ${vms.length} VMs`)
    : null;
  tbody.append(...vms.slice(0, VM_ROWS).map((vm) => vmRow(vm, tree)));
  return h('section', { class: 'group', 'data-group': groupId, 'aria-labelledby': `g-${groupId}` },
    h('h3', { id: `g-${groupId}` }, title, ' ', health ? badge(health) : null,
      h('span', { class: 'muted' }, ` ${hosts.length} host${hosts.length === 1 ? '' : 's'}, ${vms.length} VM${vms.length === 1 ? '' : 's'}`)),
    table(`Hosts of ${title}`, ['Host', 'Health', 'Connection', 'CPUs', 'Memory', 'VMs'],
      hosts.map((host) => hostRow(host, (vmsByHost.get(host.id) ?? []).length, tree)), { class: 'hosts' }),
    vms.length ? vmTable : null,
    more);
}

function applyFilter(root, text, health) {
  const needle = text.trim().toLowerCase();
  let shownHosts = 0;
  let shownVms = 0;
  for (const section of root.querySelectorAll('section.group')) {
    let any = false;
    for (const row of section.querySelectorAll('tr[data-name]')) {
      const match = (!needle || row.dataset.name.includes(needle)) && (!health || row.dataset.health === health);
      row.hidden = !match;
      if (match) {
        any = true;
        if (row.dataset.hostId) shownHosts++; else shownVms++;
      }
    }
    section.hidden = !any;
  }
  return `Showing ${shownHosts} hosts and ${shownVms} VMs.`;
}

/** The health tree (every object's rolled-up state and maintenance), or an empty list while the engine starts (503). */
async function healthTree(session) {
  if (!session.features.health) return [];
  try {
    return await all('/api/v1/health');
  } catch (e) {
    if (e instanceof ApiError && e.status === 503) return [];
    throw e;
  }
}

function hostGroups(nodes) {
  const groups = nodes.filter((n) => n.kind === 'hostGroup');
  if (!groups.length) return null;
  return h('section', { 'aria-labelledby': 'host-groups' },
    h('h3', { id: 'host-groups' }, 'Host groups'),
    table('Host groups and their health', ['Host group', 'Health', 'Since', 'Cause'],
      groups.map((g) => h('tr', { 'data-host-group': g.object, 'data-health': g.state },
        h('th', { scope: 'row' }, g.name), h('td', {}, badge(g.state), maintenanceBadge(g)), h('td', {}, timeCell(g.since)), h('td', {}, g.cause ?? '–')))));
}

export async function estateView(container, session) {
  container.append(h('h2', {}, 'Estate'));
  const [clusters, hosts, vms, nodes] = await Promise.all([all('/api/v1/clusters'), all('/api/v1/hosts'), all('/api/v1/vms'), healthTree(session)]);
  const tree = new Map(nodes.map((n) => [n.object, n]));
  const groupsSection = hostGroups(nodes);
  const vmsByHost = new Map();
  for (const vm of vms) {
    const list = vmsByHost.get(vm.hostId) ?? [];
    list.push(vm);
    vmsByHost.set(vm.hostId, list);
  }

  const summary = h('div', { class: 'glances' }, glance('Hosts', hosts, 'glance-hosts'), glance('VMs', vms, 'glance-vms'), glance('Clusters', clusters, 'glance-clusters'));
  const search = h('input', { id: 'filter-text', type: 'search', placeholder: 'name contains…' });
  const healthSelect = h('select', { id: 'filter-health' }, h('option', { value: '' }, 'any'), HEALTH.map((w) => h('option', { value: w }, w)));
  const count = h('p', { class: 'muted', 'aria-live': 'polite', id: 'filter-count' });
  const filter = h('form', { class: 'filter', role: 'search', onsubmit: (e) => e.preventDefault() },
    h('label', { for: 'filter-text' }, 'Filter by name'), search,
    h('label', { for: 'filter-health' }, 'Health'), healthSelect);

  const groups = h('div', { class: 'groups' });
  for (const cluster of clusters) {
    const members = hosts.filter((host) => host.clusterId === cluster.id);
    groups.append(group(`Cluster ${cluster.name} (${cluster.target})`, cluster.health, members, vmsByHost, cluster.id.replace(/[^A-Za-z0-9_-]/g, '_'), tree));
  }
  const standalone = new Map();
  for (const host of hosts.filter((x) => !x.clusterId || !clusters.some((c) => c.id === x.clusterId))) {
    const list = standalone.get(host.target) ?? [];
    list.push(host);
    standalone.set(host.target, list);
  }
  for (const [target, members] of standalone) {
    groups.append(group(`Standalone hosts of ${target}`, null, members, vmsByHost, `standalone_${target.replace(/[^A-Za-z0-9_-]/g, '_')}`, tree));
  }
  const orphans = vms.filter((vm) => !vm.hostId || !hosts.some((host) => host.id === vm.hostId));
  if (orphans.length) {
    groups.append(h('section', { class: 'group', 'data-group': 'no-host', 'aria-labelledby': 'g-no-host' },
      h('h3', { id: 'g-no-host' }, 'VMs without a known host'),
      table('VMs without a known host', ['VM', 'Health', 'Power', 'Host', 'vCPUs', 'Memory'], orphans.map((vm) => vmRow(vm, tree)), { class: 'vms' })));
  }
  if (!hosts.length && !vms.length) {
    groups.append(h('p', { class: 'message' }, 'Nothing collected yet: the first inventory pass has not finished, or no target is configured (see Collectors).'));
  }

  const update = () => { count.textContent = applyFilter(groups, search.value, healthSelect.value); };
  search.addEventListener('input', update);
  healthSelect.addEventListener('change', update);
  container.append(...[summary, groupsSection, filter, count, groups].filter(Boolean));
  update();
}
