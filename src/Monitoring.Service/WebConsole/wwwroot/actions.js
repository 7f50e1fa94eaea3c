// One way to run an acting call from a button: disabled while it runs, the result said aloud, then the view refreshes.
import { request } from './api.js';
import { h, say } from './dom.js';

export function actionButton(label, action, describe, run) {
  const button = h('button', { type: 'button', 'data-action': action, 'aria-label': `${label} ${describe}` }, label);
  button.addEventListener('click', async () => {
    button.disabled = true;
    try {
      await run();
      say(`${label}: done for ${describe}.`);
    } catch (e) {
      say(`${label} failed for ${describe}: ${e.message}`);
      button.disabled = false;
    }
  });
  return button;
}

export const post = (path, body) => request(path, { method: 'POST', body });
