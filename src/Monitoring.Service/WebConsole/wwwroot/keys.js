// API keys (admins only): list, create (the key is shown once) and revoke.
import { request } from './api.js';
import { h, say, table, timeCell } from './dom.js';
import { actionButton } from './actions.js';

export async function keysView(container) {
  container.append(h('h2', {}, 'API keys'));
  const holder = h('div');
  const refresh = async () => {
    const keys = await request('/api/v1/apikeys');
    const list = Array.isArray(keys) ? keys : keys.items;
    holder.replaceChildren(table('Keys, live and revoked', ['Name', 'Role', 'Created', 'Created by', 'Revoked', 'Actions'], list.map((k) => h('tr', { 'data-key-name': k.name },
      h('th', { scope: 'row' }, k.name), h('td', {}, k.role), h('td', {}, timeCell(k.createdAt)), h('td', {}, k.createdBy ?? '–'), h('td', {}, k.revokedAt ? timeCell(k.revokedAt) : 'live'),
      h('td', { class: 'actions' }, k.revokedAt ? null : actionButton('Revoke', 'revoke', `key ${k.name}`, async () => {
        await request(`/api/v1/apikeys/${encodeURIComponent(k.name)}`, { method: 'DELETE' });
        await refresh();
      }))))));
  };

  const name = h('input', { id: 'new-key-name', required: true, maxlength: 64, pattern: '[A-Za-z0-9][A-Za-z0-9._\\-]*', spellcheck: 'false' });
  const role = h('select', { id: 'new-key-role' }, ['reader', 'operator', 'admin'].map((r) => h('option', { value: r }, r)));
  const shown = h('p', { class: 'message', role: 'alert' });
  const create = h('form', {
    'data-action': 'create-key',
    onsubmit: async (e) => {
      e.preventDefault();
      try {
        const created = await request('/api/v1/apikeys', { method: 'POST', body: { name: name.value.trim(), role: role.value } });
        shown.replaceChildren(`Key '${created.name}' (${created.role}) created. It is shown this once: `, h('code', { class: 'new-key' }, created.key));
        say(`Key ${created.name} created.`);
        name.value = '';
        await refresh();
      } catch (error) {
        shown.textContent = `Not created: ${error.message}`;
      }
    },
  }, h('fieldset', {}, h('legend', {}, 'Create a key'),
    h('label', { for: 'new-key-name' }, 'Name'), name, h('label', { for: 'new-key-role' }, 'Role'), role, h('button', { type: 'submit' }, 'Create')), shown);
  container.append(holder, create);
  await refresh();
}
