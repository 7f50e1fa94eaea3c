// The PRO tips window: tips with Implement and Dismiss (operators); an implemented tip is followed until final.
import { idPath, request } from './api.js';
import { h, say, table, timeCell } from './dom.js';
import { actionButton, post } from './actions.js';

const FINAL = ['Resolved', 'Failed', 'Dismissed', 'Closed'];

/** An object by its name where the service knows one (the id stays in the tooltip), else as it is. */
function named(tip, value) {
  const name = tip.names?.[value];
  return name ? h('span', { title: value }, name) : value;
}

function actionText(tip) {
  const action = tip.action;
  if (!action) return '–';
  const parameters = Object.entries(action).filter(([k]) => k !== 'kind');
  const parts = [action.kind];
  parameters.forEach(([k, v], i) => parts.push(`${i === 0 ? ': ' : ', '}${k} `, named(tip, v)));
  return parts;
}

/** After Implement the tip may still run: poll it until it is final (or a minute passes). */
async function follow(id, refresh) {
  const deadline = Date.now() + 60000;
  while (Date.now() < deadline) {
    const tip = await request(`/api/v1/tips/${idPath(String(id))}`);
    await refresh();
    if (FINAL.includes(tip.status)) {
      say(`Tip ${id} is ${tip.status}${tip.result ? `: ${tip.result}` : ''}.`);
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 2000));
  }
}

function row(tip, session, refresh) {
  const path = `/api/v1/tips/${idPath(String(tip.id))}`;
  const actions = session.may('operator') && tip.status === 'Active'
    ? [actionButton('Implement', 'implement', `tip ${tip.summary}`, async () => { await post(`${path}/implement`); await follow(tip.id, refresh); }),
      actionButton('Dismiss', 'dismiss', `tip ${tip.summary}`, async () => { await post(`${path}/dismiss`); await refresh(); })]
    : [];
  return h('tr', { 'data-tip-id': tip.id, 'data-status': tip.status },
    h('td', { class: 'num' }, tip.priority ?? '–'),
    h('th', { scope: 'row' }, tip.summary, tip.details ? h('div', { class: 'muted' }, tip.details) : null,
      tip.expectedEffect ? h('div', { class: 'muted' }, `Expected: ${tip.expectedEffect}`) : null),
    h('td', { class: 'target' }, named(tip, tip.target)),
    h('td', { class: 'action' }, actionText(tip)),
    h('td', { class: 'status' }, tip.status, tip.result ? h('div', { class: 'muted' }, tip.result) : null),
    h('td', {}, timeCell(tip.raisedAt)),
    session.may('operator') ? h('td', { class: 'actions' }, actions) : null);
}

async function whatIf(target) {
  const plan = await request('/api/v1/tips/whatif');
  const rows = plan.clusters.flatMap((c) => c.moves.map((m) => h('tr', {}, h('td', {}, c.cluster), h('td', {}, m.vm), h('td', {}, m.from), h('td', {}, m.to), h('td', { class: 'num' }, m.priority))));
  target.replaceChildren(
    h('ul', {}, plan.clusters.map((c) => h('li', {}, `${c.cluster}: imbalance ${Number(c.imbalanceBefore).toFixed(3)} → ${Number(c.imbalanceAfter).toFixed(3)}, ${c.moves.length} move(s)`))),
    rows.length ? table('Moves the balancer would make now', ['Cluster', 'VM', 'From', 'To', 'Priority'], rows) : h('p', { class: 'message' }, 'The balancer would move nothing now.'));
}

export async function tipsView(container, session) {
  container.append(h('h2', {}, 'PRO tips'));
  const status = h('select', { id: 'tip-status' }, h('option', { value: 'Active' }, 'Active'), h('option', { value: '' }, 'all'),
    ['Initialized', 'Running', 'Resolved', 'Failed', 'Dismissed', 'Closed'].map((s) => h('option', { value: s }, s)));
  const holder = h('div', { class: 'tips' });
  const refresh = async () => {
    const page = await request(`/api/v1/tips?limit=500${status.value ? `&status=${status.value}` : ''}`);
    const headings = ['Priority', 'Tip', 'Target', 'Action', 'Status', 'Raised'];
    if (session.may('operator')) headings.push('Actions');
    holder.replaceChildren(page.items.length
      ? table(`PRO tips (${page.total})`, headings, page.items.map((t) => row(t, session, refresh)))
      : h('p', { class: 'message' }, 'No tips in this state.'));
  };
  status.addEventListener('change', refresh);
  const plan = h('div', { class: 'whatif' });
  container.append(h('form', { class: 'filter', onsubmit: (e) => e.preventDefault() }, h('label', { for: 'tip-status' }, 'Status'), status), holder,
    h('section', { 'aria-labelledby': 'whatif' }, h('h3', { id: 'whatif' }, 'What if the balancer ran now?'),
      h('button', { type: 'button', onclick: () => whatIf(plan).catch((e) => plan.replaceChildren(h('p', { class: 'message error' }, e.message))) }, 'Show the plan'), plan));
  await refresh();
}
