// The console's entry: asks for a key, learns its role and which sections this service has, then routes
// by the URL's fragment (#/, #/host/ID, #/vm/ID, #/object/ID (either), #/alerts, #/tips, #/maintenance, #/collectors, #/keys).
import { ApiError, has, key, request } from './api.js';
import { h } from './dom.js';
import { estateView } from './estate.js';
import { objectView } from './object.js';
import { collectorsView } from './collectors.js';
import { alertsView } from './alerts.js';
import { tipsView } from './tips.js';
import { maintenanceView } from './maintenance.js';
import { keysView } from './keys.js';

const view = document.getElementById('view');
const keyPanel = document.getElementById('key-panel');
const keyForm = document.getElementById('key-form');
const keyInput = document.getElementById('key-input');
const keyMessage = document.getElementById('key-message');
const nav = document.getElementById('nav');
const who = document.getElementById('who');

/** What the signed-in key is and may do, and which optional sections this service serves. */
const session = { me: null, features: {} };

const roleRank = { reader: 1, operator: 2, admin: 3 };
session.may = (role) => (roleRank[session.me?.role] ?? 0) >= roleRank[role];

const sections = [
  { path: 'estate', label: 'Estate', show: () => true, render: estateView },
  { path: 'alerts', label: 'Alerts', show: () => session.features.alerts, render: alertsView },
  { path: 'tips', label: 'PRO tips', show: () => session.features.tips, render: tipsView },
  { path: 'maintenance', label: 'Maintenance', show: () => session.features.maintenance, render: maintenanceView },
  { path: 'collectors', label: 'Collectors', show: () => true, render: collectorsView },
  { path: 'keys', label: 'API keys', show: () => session.may('admin'), render: keysView },
];

function showKeyPanel(message) {
  nav.hidden = true;
  who.hidden = true;
  view.replaceChildren(keyPanel);
  keyPanel.hidden = false;
  keyMessage.textContent = message ?? '';
  keyInput.value = '';
  keyInput.focus();
}

async function signIn() {
  try {
    session.me = await request('/api/v1/me');
  } catch (e) {
    key.clear();
    const message = e instanceof ApiError && e.status === 401
      ? 'That key was not accepted: it is not a valid key, or it was revoked. Check it and try again.'
      : `The key could not be checked: ${e.message}`;
    showKeyPanel(message);
    return;
  }

  // A section whose endpoint answers 404 is not on this service (yet): it is left out of the page.
  const [alerts, tips, maintenance, health] = await Promise.all([
    has('/api/v1/alerts?limit=1'), has('/api/v1/tips?limit=1'), has('/api/v1/maintenance'), has('/api/v1/health?kind=hostGroup&limit=1'),
  ]);
  session.features = { alerts, tips, maintenance, health };
  document.getElementById('who-text').textContent = `Key ${session.me.name} (${session.me.role})`;
  who.hidden = false;
  nav.replaceChildren(h('ul', {}, sections.filter((s) => s.show()).map((s) =>
    h('li', {}, h('a', { href: `#/${s.path}`, 'data-section': s.path }, s.label)))));
  nav.hidden = false;
  await route();
  view.focus(); // the key field is gone: start from the content (the sections are one Shift+Tab away)
}

async function route() {
  if (!session.me) return;
  const [, first = 'estate', ...rest] = (location.hash || '#/').slice(1).split('/');
  const id = rest.map(decodeURIComponent).join('/');
  for (const link of nav.querySelectorAll('a')) {
    if (link.dataset.section === (first || 'estate')) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }

  const container = h('div', { class: 'page', 'aria-busy': 'true' });
  view.replaceChildren(container);
  try {
    if ((first === 'host' || first === 'vm' || first === 'object') && id) {
      await objectView(container, session, first, id);
    } else {
      const section = sections.find((s) => s.path === (first || 'estate') && s.show()) ?? sections[0];
      await section.render(container, session);
    }
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) {
      key.clear();
      session.me = null;
      showKeyPanel('The key is no longer accepted (revoked?). Enter a key to go on.');
      return;
    }
    container.append(h('p', { class: 'message error', role: 'alert' }, `Could not load this page: ${e.message}`));
  } finally {
    container.removeAttribute('aria-busy');
  }
}

keyForm.addEventListener('submit', (event) => {
  event.preventDefault();
  const value = keyInput.value.trim();
  if (!value) {
    keyMessage.textContent = 'Enter an API key.';
    return;
  }
  key.set(value);
  keyMessage.textContent = 'Checking the key…';
  signIn();
});

document.getElementById('sign-out').addEventListener('click', () => {
  key.clear();
  session.me = null;
  showKeyPanel('The key was forgotten by this tab.');
});

// The fragment is the console's route, so the skip link moves focus itself rather than changing it.
document.querySelector('.skip').addEventListener('click', (event) => {
  event.preventDefault();
  view.focus();
});

window.addEventListener('hashchange', () => { route(); view.focus(); });

if (key.get()) signIn(); else showKeyPanel();
