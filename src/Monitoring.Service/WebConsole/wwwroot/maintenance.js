// Maintenance windows: current and future ones; operators start one (an object or a host group) and end one now.
import { idPath, request } from './api.js';
import { h, say, table, timeCell } from './dom.js';
import { actionButton } from './actions.js';

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
    h('label', { for: 'mw-subject' }, 'Id or name'), subject,
    h('label', { for: 'mw-minutes' }, 'Minutes'), minutes,
    h('label', { for: 'mw-reason' }, 'Reason'), reason,
    h('button', { type: 'submit' }, 'Start')), message);
}

export async function maintenanceView(container, session) {
  container.append(h('h2', {}, 'Maintenance windows'));
  const holder = h('div');
  const refresh = async () => {
    const page = await request('/api/v1/maintenance');
    const items = page.items ?? page;
    const headings = ['For', 'From', 'To', 'Reason', 'Created by'];
    if (session.may('operator')) headings.push('Actions');
    holder.replaceChildren(items.length
      ? table('Current and future maintenance windows', headings, items.map((w) => h('tr', { 'data-window-id': w.id },
        h('th', { scope: 'row' }, w.object ?? `host group ${w.hostGroup}`), h('td', {}, timeCell(w.from)), h('td', {}, timeCell(w.to)),
        h('td', {}, w.reason ?? '–'), h('td', {}, w.createdBy ?? '–'),
        session.may('operator') ? h('td', { class: 'actions' }, actionButton('End now', 'end-maintenance', `maintenance of ${w.object ?? w.hostGroup}`,
          async () => { await request(`/api/v1/maintenance/${idPath(String(w.id))}`, { method: 'DELETE' }); await refresh(); })) : null)))
      : h('p', { class: 'message' }, 'No maintenance window now or planned.'));
  };
  container.append(holder);
  if (session.may('operator')) container.append(form(refresh));
  await refresh();
}
