// Maintenance windows: current and future ones; operators start one (an object or a host group) and end one now.
import { ApiError, all, idPath, request } from './api.js';
import { h, say, table, timeCell } from './dom.js';
import { actionButton } from './actions.js';
import { objectLink } from './alerts.js';

function form(refresh) {
  const kind = h('select', { id: 'mw-kind' }, h('option', { value: 'object' }, 'an object (inventory id)'), h('option', { value: 'hostGroup' }, 'a host group'));
  const subject = h('input', { id: 'mw-subject', required: true, placeholder: 'vc01/host-21', spellcheck: 'false' });
  const minutes = h('input', { id: 'mw-minutes', type: 'number', min: 1, max: 525600, value: 60, required: true });
  const reason = h('input', { id: 'mw-reason', required: true, maxlength: 500 });
  const message = h('p', { class: 'message', role: 'alert' });
  return h('form', {
    class: 'maintenance-form',
    'data-action': 'start-maintenance',
    onsubmit: async (e) => {
      e.preventDefault();
      try {
        await request('/api/v1/maintenance', { method: 'POST', body: { [kind.value]: subject.value.trim(), durationMinutes: Number(minutes.value), reason: reason.value.trim() } });
        message.textContent = '';
        say(`Maintenance started for ${subject.value.trim()}.`);
        await refresh();
      } catch (error) {
        message.textContent = `Not started: ${error.message}`;
      }
    },
  },
  h('fieldset', {}, h('legend', {}, 'Start a maintenance window'),
    h('label', { for: 'mw-kind' }, 'For'), kind,
    h('label', { for: 'mw-subject' }, 'Object id or group name'), subject,
    h('label', { for: 'mw-minutes' }, 'Minutes'), minutes,
    h('label', { for: 'mw-reason' }, 'Reason'), reason,
    h('button', { type: 'submit' }, 'Start')), message);
}

/** Names of the health tree's objects by id (a window names its object by id alone); empty without a tree. */
async function names(session) {
  if (!session.features.health) return new Map();
  try {
    return new Map((await all('/api/v1/health')).map((n) => [n.object, n.name]));
  } catch (e) {
    if (e instanceof ApiError && e.status === 503) return new Map(); // the engine is starting
    throw e;
  }
}

/** What a window covers: a host group by name, an object by its name with its id as a link to its page. */
function coverage(w, known) {
  if (!w.object) return `host group ${w.hostGroup}`;
  const name = known.get(w.object);
  return name && name !== w.object ? [name, ' ', h('span', { class: 'muted' }, '(', objectLink(w.object), ')')] : objectLink(w.object);
}

export async function maintenanceView(container, session) {
  container.append(h('h2', {}, 'Maintenance windows'));
  const holder = h('div');
  const refresh = async () => {
    const [page, known] = await Promise.all([request('/api/v1/maintenance'), names(session)]);
    const items = page.items ?? page;
    const headings = ['For', 'From', 'To', 'Reason', 'Created by'];
    if (session.may('operator')) headings.push('Actions');
    holder.replaceChildren(items.length
      ? table('Current and future maintenance windows', headings, items.map((w) => h('tr', { 'data-window-id': w.id },
        h('th', { scope: 'row' }, coverage(w, known)), h('td', {}, timeCell(w.from)), h('td', {}, timeCell(w.to)),
        h('td', {}, w.reason ?? '–'), h('td', {}, w.createdBy ?? '–'),
        session.may('operator') ? h('td', { class: 'actions' }, actionButton('End now', 'end-maintenance', `maintenance of ${w.object ?? w.hostGroup}`,
          async () => { await request(`/api/v1/maintenance/${idPath(String(w.id))}`, { method: 'DELETE' }); await refresh(); })) : null)))
      : h('p', { class: 'message' }, 'No maintenance window now or planned.'));
  };
  container.append(holder);
  if (session.may('operator')) container.append(form(refresh));
  await refresh();
}
