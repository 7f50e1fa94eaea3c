// Collector status per configured target: each pass kind's latest outcome, error, gaps and last success.
import { request } from './api.js';
import { h, table, timeCell } from './dom.js';

function outcome(pass) {
  if (pass.succeeded === null || pass.succeeded === undefined) return h('span', { class: 'badge health-unknown' }, 'not run yet');
  return pass.succeeded ? h('span', { class: 'badge health-healthy' }, 'ok') : h('span', { class: 'badge health-critical' }, 'failed');
}

export async function collectorsView(container) {
  container.append(h('h2', {}, 'Collectors'));
  const targets = await request('/api/v1/collectors');
  if (!targets.length) {
    container.append(h('p', { class: 'message' }, 'No target is configured.'));
    return;
  }
  const rows = targets.flatMap((t) => t.passes.map((pass, i) => h('tr', { 'data-target': t.target, 'data-pass': pass.kind },
    i === 0 ? h('th', { scope: 'rowgroup', rowspan: t.passes.length }, t.target, h('br'), h('span', { class: 'muted' }, `${t.kind} · ${t.address}`)) : null,
    h('td', {}, pass.kind),
    h('td', {}, outcome(pass)),
    h('td', {}, timeCell(pass.finishedAt)),
    h('td', { class: 'num' }, pass.durationSeconds === null || pass.durationSeconds === undefined ? '–' : `${pass.durationSeconds.toFixed(2)} s`),
    h('td', {}, timeCell(pass.lastSuccessAt)),
    h('td', { class: 'error-text' }, pass.error ? `${pass.failure ? `${pass.failure}: ` : ''}${pass.error}` : '–'),
    h('td', {}, pass.gaps?.length ? pass.gaps.join(', ') : 'none'))));
  container.append(table('Latest pass of each kind, per target', ['Target', 'Pass', 'Outcome', 'Finished', 'Took', 'Last success', 'Last error', 'Gaps'], rows, { class: 'collectors' }));
}
